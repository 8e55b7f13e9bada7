"""Ladders of one-sided bands written loosest first, with the rest below them written first or last
(semantics §1): the tiers are tried tightest first and the rest stays the rest. Expected points are
worked out by hand from the rule text."""

from __future__ import annotations

from decimal import Decimal

import pytest

import scoring

CASES = [
    # ≥60%得6分 first would cover 85% and 95%: read as tiers, 85% is ≥80% → 8, 95% is ≥90% → 10
    ("≥60%得6分，≥80%得8分，≥90%得10分，<60%得0分。", "85%", 10, "8.00"),
    ("≥60%得6分，≥80%得8分，≥90%得10分，<60%得0分。", "95%", 10, "10.00"),
    ("≥60%得6分，≥80%得8分，≥90%得10分，<60%得0分。", "65%", 10, "6.00"),
    ("≥60%得6分，≥80%得8分，≥90%得10分，<60%得0分。", "55%", 10, "0.00"),
    # the rest written first
    ("低于60%不得分，60%及以上得6分，80%及以上得8分，90%及以上得10分", "85%", 10, "8.00"),
    # a point below the tiers (0家) is the rest as well; 2 falls between it and ≥3家: a gap, 0
    ("≥3家得2分，≥5家得4分，≥8家得6分，0家不得分", "6", 6, "4.00"),
    ("≥3家得2分，≥5家得4分，≥8家得6分，0家不得分", "9", 6, "6.00"),
    ("≥3家得2分，≥5家得4分，≥8家得6分，0家不得分", "0", 6, "0.00"),
    # deviation tiers written loosest first, with the rest beyond them last
    ("偏离30%以内得15分；偏离20%以内得18分；偏离10%以内得20分；偏离超过30%不得分", "85", 20, "18.00"),
    ("偏离30%以内得15分；偏离20%以内得18分；偏离10%以内得20分；偏离超过30%不得分", "65", 20, "0.00"),
]


@pytest.mark.parametrize(("rule", "actual", "weight", "want"), CASES)
def test_ladder_with_the_rest(rule: str, actual: str, weight: int, want: str) -> None:
    target = "100" if "偏离" in rule else None
    assert scoring.evaluate(rule, actual, weight=weight, target=target).points == Decimal(want)


def test_a_rest_that_crosses_the_tiers_is_refused() -> None:
    # <70% shares 60–70% with ≥60% and scores differently: crossing bands, refused (semantics §1)
    with pytest.raises(scoring.RuleSyntaxError) as e:
        scoring.parse("≥60%得6分，≥80%得8分，≥90%得10分，<70%得0分")
    assert e.value.code == "crossing-bands"


@pytest.mark.parametrize(("actual", "want"), [("92%", "5.00"), ("87%", "3.00"), ("85%", "3.00"), ("80%", "1.00")])
def test_tiers_below_the_best_band_fall_as_they_tighten(actual: str, want: str) -> None:
    # 低于90%得3分，低于85%得1分 written loosest first below 90%以上得5分: 80% scored 3, the 低于85% band never
    # reached (fourth probe K15); tightest first: <85% → 1, <90% → 3
    rule = "满意度90%以上得5分，低于90%得3分，低于85%得1分"
    assert scoring.evaluate(rule, actual, target="90%", weight=5).points == Decimal(want)


@pytest.mark.parametrize(
    ("actual", "want"),
    [("5", "5.00"), ("4", "5.00"), ("3", "3.00"), ("2", "2.00"), ("1", "0.00"), ("0", "0.00")],
)
def test_a_bare_count_in_a_ladder_of_counts_is_that_count(actual: str, want: str) -> None:
    # 3次得3分 between 4次及以上 and 1次及以下 was an unread number (fifth probe A39, A08)
    rule = "应急预案演练次数4次及以上得满分，3次得3分，2次得2分，1次及以下不得分"
    assert scoring.evaluate(rule, actual, target="4次", weight=5).points == Decimal(want)
