"""Semantics §87: formulas and proportional clauses found by the sixth blind probe: a percentage in plain
arithmetic stays in points, a formula giving a percentage is refused, formulas under a worded condition,
names of the value and the target read as data (实际…数 / 计划…数), formulas in words with a capped ratio,
按实际完成比例给分, a bonus cap over several bonuses. Variants of the probe shapes (not their texts), each
computed by hand from the text and docs/semantics.md."""

from __future__ import annotations

from decimal import Decimal

import pytest

import scoring
from scoring.rules.render import render

PCT10 = {"target": "100%", "unit": "%", "weight": 10, "comparator": "≥"}
PCT5_90 = {"target": "90%", "unit": "%", "weight": 5, "comparator": "≥"}

CASES = [
    # a % in a term with no weight is in points (§12): 10 - (100-85)×0.2 = 7
    ("得分=分值-（目标值-实际值）×0.2", "85%", PCT10, "7"),
    # the target 90%: 5 - (90-86)×0.5 = 3; beyond the target 5 + 2×0.5 = 6 → clamped at 5
    ("得分=指标分值-（计划值-实际值）×0.5", "86%", PCT5_90, "3"),
    ("得分=指标分值-（计划值-实际值）×0.5", "92%", PCT5_90, "5"),
    # far below: 10 - 40×0.2 = 2; 10 - 60×0.2 < 0 → 0
    ("得分=分值-（目标值-实际值）×0.2", "60%", PCT10, "2"),
    ("得分=分值-（目标值-实际值）×0.2", "40%", PCT10, "0"),
    # inside a term with the weight it is a fraction: 10 × (1 - (1 - 0.92)) = 9.2
    ("得分=分值×（1-（目标值-实际值））", "92%", PCT10, "9.2"),
    # ×100% beside the weight is still points: 80/100 × 1 × 10 = 8
    ("得分=实际完成数/计划数×100%×分值", "80", {"target": "100", "unit": "个", "weight": 10, "comparator": "≥"}, "8"),
]


@pytest.mark.parametrize(("text", "actual", "kw", "want"), CASES)
def test_hand_cases(text: str, actual: str, kw: dict[str, object], want: str) -> None:
    assert scoring.evaluate(text, actual, **kw).points == Decimal(want)  # type: ignore[arg-type]


@pytest.mark.parametrize(("text", "actual", "kw", "want"), CASES)
def test_compiled_agrees(text: str, actual: str, kw: dict[str, object], want: str) -> None:
    assert scoring.compile(text, **kw).points(actual) == Decimal(want)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", sorted({c[0] for c in CASES}))
def test_round_trip(text: str) -> None:
    rule = scoring.parse(text)
    assert scoring.parse(render(rule)) == rule


def test_mixed_scale_refused() -> None:
    """实际值 both beside the weight (a fraction) and in a term without it (points): not written which."""
    with pytest.raises(scoring.ScoringError):
        scoring.evaluate("得分=实际值×分值-（目标值-实际值）×0.5", "92%", **PCT10)  # type: ignore[arg-type]
    with pytest.raises(scoring.ScoringError):
        scoring.compile("得分=实际值×分值-（目标值-实际值）×0.5", **PCT10).points("92%")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # the result is a percentage, not points (no weight in the formula)
        ("得分=（实际完成值/计划完成值）×100%", "formula-percentage"),
        ("得分=实际完成数/计划数×100%", "formula-percentage"),
        ("得分=100%×实际值/目标值", "formula-percentage"),
    ],
)
def test_refused(text: str, code: str) -> None:
    with pytest.raises(scoring.RuleSyntaxError) as e:
        scoring.parse(text)
    assert e.value.code == code
