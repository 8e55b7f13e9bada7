"""The eleventh blind probe's wrong answers, fixed after its run (tests/probes/README.md): hand scores from the text
and docs/semantics.md (§108)."""

from __future__ import annotations

import pytest
import shape_cases

import scoring

LAND = "耕地保有量不低于下达任务的得满分；低于任务但差额在1%以内的得6分；差额1%以上的不得分"
LAND_ROW = {"target": "≥52.6", "comparator": "≥", "unit": "万亩", "weight": 8}
FUNDS = "资金到位不低于计划的得满分；缺口在10%以内的得2分；缺口10%以上的不得分"
FUNDS_ROW = {"target": "≥100", "comparator": "≥", "unit": "万元", "weight": 4}
RANKS = "各县（市、区）排名第1-3位的分别得10分、9分、8分，第4位及以后每后移一位扣0.5分"

CASES: list[shape_cases.Case] = [
    # 差额 names the shortfall, relative to the amount target: 0.3 / 52.6 = 0.57% (it scored 0, the band read as the
    # amount's ratio ≤1%)
    (LAND, "52.6", LAND_ROW, "8"),
    (LAND, "52.3", LAND_ROW, "6"),
    (LAND, "52.074", LAND_ROW, "6"),  # 0.526 / 52.6 = 1% exactly: 以内 listed first
    (LAND, "52", LAND_ROW, "0"),  # 1.14%
    (FUNDS, "95", FUNDS_ROW, "2"),  # 5% short
    (FUNDS, "85", FUNDS_ROW, "0"),  # 15% short
    (RANKS, "3", {"weight": 10}, "8"),
]

test_hand_cases, test_compiled_agrees, test_round_trip = shape_cases.checks(CASES)


@pytest.mark.parametrize("place", ["4", "7"])
def test_places_past_the_listed_ones_are_refused(place: str) -> None:
    # from 3rd's 8 (4th: 7.5) or from the weight (4th: 10, more than 2nd)? Not written; 4th scored 10
    with pytest.raises(scoring.ScoringError, match="扣起"):
        scoring.evaluate(RANKS, place, weight=10)
    with pytest.raises(scoring.ScoringError):
        scoring.compile(RANKS, weight=10).points(place)


def test_steps_from_the_first_place_still_read() -> None:
    # 第一名得40分，每递减一名，减2分: the steps start at the place that is worth the weight
    assert scoring.evaluate("第一名得40分，每递减一名，减2分", "5", weight=40).points == 32


def test_a_judgement_alone_answered_yes_says_so() -> None:
    score = scoring.evaluate("根据实际情况综合评定", "是", weight=5)
    assert "不得分的情形" not in score.explanation and "评定方式" in score.explanation


@pytest.mark.parametrize(
    ("text", "column"),
    [("粮食产量稳定在3. 5亿斤以上得满分，3. 3-3. 5亿斤得4分，3. 3亿斤以下不得分", 20), ("满意度90%以上得满分，3. 80%以下不得分", 13)],
)
def test_a_lone_numbered_mark_that_may_be_a_cut_decimal_is_refused(text: str, column: int) -> None:
    # 3. 3 after a comma: item ③ or 3.3? Read as ③ it dropped the 3 of 3.3 and scored 3.2亿斤 4 (the metamorphic test)
    e = shape_cases.refusal(text)
    assert e.code == "item-or-decimal" and f"第{column}列" in str(e)
    # a list that starts at 1. reads as before: bands of one value, 95% full marks, 75% none
    listed = "1. 满意度90%以上得满分；2. 80%以下不得分"
    assert scoring.evaluate(listed, "95%", weight=10).points == 10
    assert scoring.evaluate(listed, "75%", weight=10).points == 0
