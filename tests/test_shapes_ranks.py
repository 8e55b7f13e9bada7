"""Ranks (domain point 19: 第一名, 前3名, 每递减一名) and the same band under two headings, refused
(docs/semantics.md §26-§27). Expected scores are computed by hand from the rule text; each accepted
text passes the span-accounting check, and each near miss is refused."""

from __future__ import annotations

from decimal import Decimal

import pytest
from test_span_accounting import _unread_numbers

import scoring
from scoring.rules import nodes


def _score(text: str, actual: object, **kw: object) -> Decimal:
    return scoring.evaluate(scoring.parse(text), actual, **kw).points  # type: ignore[arg-type]


def _refused(text: str) -> str:
    with pytest.raises(scoring.RuleSyntaxError) as e:
        scoring.parse(text)
    return e.value.code


STEPS = "第一名得40分,每递减一名,减2分"
TOP3 = "排名前3名得满分，每下降一名扣1分"
PLACES = "第1名得6分，第2名得4分"


@pytest.mark.parametrize(
    ("text", "weight", "actual", "points"),
    [
        (STEPS, "40", "1", "40"),  # 第一名
        (STEPS, "40", "5", "32"),  # 4 places down × 2
        (STEPS, "40", "21", "0"),  # 20 places × 2 = 40
        (STEPS, "40", "30", "0"),  # floored at 0
        (TOP3, "10", "1", "10"),  # within the first 3
        (TOP3, "10", "3", "10"),
        (TOP3, "10", "5", "8"),  # 2 places below 3rd
        (PLACES, "6", "1", "6"),
        (PLACES, "6", "2", "4"),
        (PLACES, "6", "3", "0"),  # no place given: a gap, 0 (it scored 4, read as "≥2名")
        ("排名第一名得40分，每下降一名扣2分", "40", "3", "36"),  # it scored 40: a shortfall below 1
        ("年度考核排名第1得满分，第2得8分", "10", "2", "8"),  # 第1 with no counter is a rank too
        ("年度考核排名第1得满分，第2得8分", "10", "3", "0"),  # it scored 8, read as "≥2"
    ],
)
def test_ranks_scored_by_hand(text: str, weight: str, actual: str, points: str) -> None:
    assert _score(text, actual, weight=weight) == Decimal(points)


def test_a_place_is_exactly_that_rank() -> None:
    rule = scoring.parse(PLACES)
    assert isinstance(rule, nodes.Rule)
    first = rule.awards[0].condition
    assert isinstance(first, nodes.Range) and first.low == first.high
    assert first.low is not None and first.low.value == nodes.Quantity(Decimal(1), "名")


def test_a_rank_is_no_percentage() -> None:
    with pytest.raises(scoring.ScoringError):
        _score(STEPS, "85%", weight="40")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("倒数3名以后不得分", "rank-from-last"),  # after the last three? (倒数第一名不得分 reads since §109)
        # 第1季度完成 is a deadline since §94 (the band of 3月31日); a 5th quarter is no quarter, an ordinal
        ("第5季度完成得满分", "ordinal"),
        ("第3条执行到位得满分", "ordinal"),
        ("前3个月完成得满分", "deadline"),  # within the first 3 months: it was read as "at least 3 months"
        # the top tenth of what? with 排名 before it a rank share (§109); bare, it was read as ≥ 10%
        ("前10%得满分", "rank-share"),
        ("排名靠前得满分，每下降一名扣1分", "rank-step-without-rank"),  # no rank read (排名第一 is one since §73)
        # two band ladders whose subjects run into their measure: no case names (A行动第一名…;B行动第一名…, dev-106,
        # reads as cases named by the subjects since §151: tests/test_shapes_casesel2.py)
        ("山区满意度90%以上得10分,其他地区满意度90%以上得8分", "band-twice"),
    ],
)
def test_near_misses_of_ranks_are_refused(text: str, code: str) -> None:
    assert _refused(text) == code


def test_first_without_a_counter_is_a_rank() -> None:
    # semantics §73: 第一 before a clause end is 第1, a rank (§26); weight 5, 3rd: two places below 1st → 5 − 2
    assert _score("排名第一得满分，每下降一名扣1分", "3", weight="5") == Decimal("3")


def test_a_count_of_people_is_no_rank() -> None:
    # 名 counts people here: no 第/前 before it, so no rank
    rule = scoring.parse("培训50名以上得满分，每少1名扣0.1分")
    assert isinstance(rule, nodes.Rule)
    d = rule.deductions[0]
    assert d.direction is nodes.Direction.SHORTFALL
    # weight 5: 45 people, 5 short of 50 → 5 − 0.5
    assert _score("培训50名以上得满分，每少1名扣0.1分", "45", weight="5") == Decimal("4.5")


@pytest.mark.parametrize("text", [STEPS, TOP3, PLACES, "排名第一名得40分，每下降一名扣2分"])
def test_every_number_is_read(text: str) -> None:
    assert _unread_numbers(text) == []


@pytest.mark.parametrize("text", [STEPS, TOP3, PLACES])
def test_round_trip(text: str) -> None:
    rule = scoring.parse(text)
    assert scoring.parse(scoring.render(rule)) == rule


# ------------------------------------------------------------------ aggregations refused (§34)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("年度经营业绩考核得分=指标完成情况考核得分+指标比较情况考核得分", "aggregation"),
    ],
)  # fmt: skip
def test_aggregations_are_refused(text: str, code: str) -> None:
    assert _refused(text) == code


@pytest.mark.parametrize(
    ("text", "actual", "points"),
    [
        ("合理规范得5分，基本合理规范得3分，不合理规范不得分", "基本合理规范", "3"),
        ("得分=完成率×指标分值", "80%", "8"),  # 指标分值 is this row's weight, no other score: 0.8 × 10
    ],
)
def test_their_near_misses_read_as_before(text: str, actual: str, points: str) -> None:
    assert _score(text, actual, weight="10") == Decimal(points)
