"""A bare 扣分 closing a condition: a deduction by hand within the weight (semantics §22, domain point 22).
Expectations by hand from the rule text."""

from __future__ import annotations

from decimal import Decimal

import pytest

import scoring

CASES = [
    # (rule, weight, target, answer, points or None for "asks for a hand score")
    ("满意度90%以上得满分，低于90%扣分", 5, "≥90%", "95%", "5.00"),
    ("满意度90%以上得满分，低于90%扣分", 5, "≥90%", "85%", None),
    ("偏差率在10%以内的得满分，10%-20%得5分，20%以上扣分", 10, "100%", "95%", "10.00"),  # deviation 5%
    ("偏差率在10%以内的得满分，10%-20%得5分，20%以上扣分", 10, "100%", "85%", "5.00"),  # deviation 15%
    ("偏差率在10%以内的得满分，10%-20%得5分，20%以上扣分", 10, "100%", "75%", None),  # deviation 25%
    ("完成率≥95%，得满分；＜95%，视完成情况扣分", 5, "≥95%", "96%", "5.00"),
    ("完成率≥95%，得满分；＜95%，视完成情况扣分", 5, "≥95%", "90%", None),
    ("完成得满分，没有完成的扣分", 4, None, "是", "4.00"),
    ("完成得满分，没有完成的扣分", 4, None, "否", None),
]


@pytest.mark.parametrize(("rule", "weight", "target", "answer", "points"), CASES)
def test_bare_deduction_by_hand(rule: str, weight: int, target: str | None, answer: str, points: str | None) -> None:
    comparator = "=" if target == "100%" else None
    unit = "%" if target else None
    if points is not None:
        got = scoring.evaluate(rule, answer, weight=weight, target=target, comparator=comparator, unit=unit)
        assert got.points == Decimal(points)
        return
    with pytest.raises(scoring.EvaluationError) as e:
        scoring.evaluate(rule, answer, weight=weight, target=target, comparator=comparator, unit=unit)
    assert "人工" in str(e.value) and f"0至{weight}分" in str(e.value)  # a hand score, bounded by the weight


@pytest.mark.parametrize("rule", sorted({c[0] for c in CASES}))
def test_round_trip(rule: str) -> None:
    r = scoring.parse(rule)
    assert scoring.parse(scoring.render(r)) == r


@pytest.mark.parametrize("text", ["每处扣分", "瞒报的加倍扣分", "没有完成的扣分，每次加1分"])
def test_still_refused(text: str) -> None:
    with pytest.raises(scoring.RuleSyntaxError) as e:
        scoring.parse(text)
    assert e.value.code == "deduct-without-points"
