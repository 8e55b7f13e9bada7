"""偏差率 / 偏离度 / 超支率 in a formula, worked out from the value and the target (domain points 2 and 4,
semantics §99). Expectations by hand."""

from __future__ import annotations

from decimal import Decimal

import pytest

import scoring


@pytest.mark.parametrize(
    ("rule", "weight", "comparator", "answer", "points"),
    [
        ("得分=（1-偏差率）×指标分值", 10, "=", "90", "9.00"),  # |90 − 100| / 100 = 10%: (1 − 0.1) × 10
        ("得分=（1-偏差率）×指标分值", 10, "=", "110", "9.00"),
        ("得分=（1-偏差率）×指标分值", 10, "≥", "110", "10.00"),  # ≥: only the shortfall counts
        ("得分=（1-偏差率）×指标分值", 10, "≤", "90", "10.00"),  # ≤: only the excess counts
        ("得分=（1-偏差率）×指标分值", 10, "=", "5%", "9.50"),  # a percentage is the rate itself
        ("得分=（1-偏离度）×分值", 5, "=", "108", "4.60"),  # 8%: 0.92 × 5
        ("得分=分值×（1-超支率）", 10, "≤", "105", "9.50"),  # 5% over the budget
        ("得分=分值×（1-超支率）", 10, "=", "95", "10.00"),  # under the budget: no overspend
        ("得分=（1-偏差率）×指标分值", 10, "=", "250", "0.00"),  # 150%: below 0, clamped (domain point 6)
    ],
)
def test_rate_from_value_and_target(rule: str, weight: int, comparator: str, answer: str, points: str) -> None:
    kw = {"weight": weight, "target": "100", "comparator": comparator, "unit": "万元"}
    assert scoring.evaluate(rule, answer, **kw).points == Decimal(points)  # type: ignore[arg-type]
    assert scoring.compile(rule, **kw).points(answer) == Decimal(points)  # type: ignore[arg-type]


def test_growth_is_still_asked_for() -> None:
    # 增长率 is against last year, which the row does not give: refused, asking for the rate
    with pytest.raises(scoring.EvaluationError) as e:
        scoring.evaluate("得分=增长率×100×分值", "105", weight=10, target="100", unit="万元")
    assert "增长率" in str(e.value)


def test_no_target_no_rate() -> None:
    with pytest.raises(scoring.EvaluationError):
        scoring.evaluate("得分=（1-偏差率）×指标分值", "90", weight=10)
