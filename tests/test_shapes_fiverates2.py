"""A count word before 率 followed by the names of the rates in brackets (docs/semantics.md §154): the band's line
stated on every named rate, 每项 applying the step to each, answers numbered 1..N in the order written. dev-028's
own text and variants in other words; every expectation is computed by hand from the rule text (arithmetic beside
each case)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

import scoring
from scoring.errors import RuleSyntaxError

FIVE = (
    "按照属地管理原则对本辖区内流入人口管理五率(信息采集率、合同签订率、持证验证率、节育措施落实率、"
    "三查一治查访到位率)达 100%记 7 分。每项低一个百分点扣 0.2 分"
)
FIVE_ROW = {"target": "100%", "comparator": "≥", "unit": "%", "weight": 7}
THREE = "三率（到课率、结业率、满意率）均达到95%得满分，每项每低1个百分点扣0.5分"
THREE_ROW = {"target": "95%", "comparator": "≥", "unit": "%", "weight": 6}
TWO = "两率(建档率、随访率)达到90%记4分，每项低1个百分点扣0.5分"
TWO_ROW = {"target": "90%", "comparator": "≥", "unit": "%", "weight": 4}


def _points(text: str, actual: Any, **row: Any) -> Decimal:
    return scoring.evaluate(text, actual, **row).points


@pytest.mark.parametrize(
    ("text", "row", "actual", "points"),
    [
        (FIVE, FIVE_ROW, {1: "100%", 2: "100%", 3: "100%", 4: "100%", 5: "100%"}, "7"),  # all at the line → 7
        (FIVE, FIVE_ROW, {1: "98%", 2: "100%", 3: "100%", 4: "100%", 5: "100%"}, "6.6"),  # 2 pp × 0.2 = 0.4
        # 0.2 + 0.1 (half a point, pro rata) + 0.6 = 0.9 → 6.1
        (FIVE, FIVE_ROW, {1: "99%", 2: "99.5%", 3: "100%", 4: "100%", 5: "97%"}, "6.1"),
        # 10 + 10 + 5 + 5 + 5 pp = 35 pp × 0.2 = 7 → 0
        (FIVE, FIVE_ROW, {1: "90%", 2: "90%", 3: "95%", 4: "95%", 5: "95%"}, "0"),
        # 20 × 5 = 100 pp × 0.2 = 20 → floored at 0
        (FIVE, FIVE_ROW, {1: "80%", 2: "80%", 3: "80%", 4: "80%", 5: "80%"}, "0"),
        (THREE, THREE_ROW, {1: "95%", 2: "93%", 3: "90%"}, "2.5"),  # 6 − 0 − 2 × 0.5 − 5 × 0.5 = 2.5
        (THREE, THREE_ROW, {1: "99%", 2: "95%", 3: "96%"}, "6"),  # above the line loses nothing, adds nothing
        (THREE, THREE_ROW, {1: "80%", 2: "80%", 3: "95%"}, "0"),  # 6 − 7.5 − 7.5 → floored at 0
        (TWO, TWO_ROW, {1: "88%", 2: "90%"}, "3"),  # 4 − 2 × 0.5 = 3
        (TWO, TWO_ROW, {1: "89%", 2: "87%"}, "2"),  # 4 − 0.5 − 1.5 = 2
    ],
)
def test_each_named_rate_from_the_line(text: str, row: dict[str, Any], actual: Any, points: str) -> None:
    assert _points(text, actual, **row) == Decimal(points)


def test_the_band_states_the_weight() -> None:
    assert scoring.parse(FIVE).stated_weight == Decimal(7)
    assert scoring.parse(TWO).stated_weight == Decimal(4)


def test_the_steps_name_their_rates_in_order() -> None:
    events = [c.event for c in scoring.parse(THREE).clauses if isinstance(c, scoring.rules.nodes.Deduction)]
    assert events == ["到课率每低1个百分点", "结业率每低1个百分点", "满意率每低1个百分点"]


@pytest.mark.parametrize(
    ("text", "row", "actual"),
    [
        (FIVE, FIVE_ROW, "98%"),  # one answer is never copied to the five rates
        (FIVE, FIVE_ROW, {1: "98%", 2: "100%", 3: "100%", 4: "100%"}),  # the fifth rate missing
        (FIVE, FIVE_ROW, {1: "98%", 2: "100%", 3: "100%", 4: "100%", 5: "100%", 6: "100%"}),  # no sixth rate
        (TWO, TWO_ROW, {"实际值": "88%"}),
    ],
)
def test_answers_that_do_not_fit_are_refused(text: str, row: dict[str, Any], actual: Any) -> None:
    with pytest.raises(scoring.ScoringError):
        _points(text, actual, **row)


@pytest.mark.parametrize(
    "text",
    [
        "五率(信息采集率、合同签订率)达100%记7分。每项低一个百分点扣0.2分",  # five named by two names
        "两率(建档率、随访率、回访率)达到90%记4分，每项低1个百分点扣0.5分",  # two named by three
        "五率达100%记7分。每项低一个百分点扣0.2分",  # no names (§145)
        "两率(建档率、随访率)达到90%记4分，每项低1个百分点扣0.5分，低于60%不得分",  # which rate the band reads
    ],
)
def test_several_rates_not_named_as_counted_stay_refused(text: str) -> None:
    with pytest.raises(RuleSyntaxError) as e:
        scoring.parse(text)
    assert e.value.code == "several-rates"


def test_the_doubling_by_higher_inspections_is_still_refused() -> None:
    # 省、市、县检查中有扣分的,加倍扣减到考核单位: which deductions the higher inspections found is not read (§154)
    with pytest.raises(RuleSyntaxError):
        scoring.parse(FIVE + ",省、市、县检查中有扣分的,加倍扣减到考核单位。")


@pytest.mark.parametrize(
    ("text", "row", "actual", "points"),
    [
        (FIVE, FIVE_ROW, {1: "98%", 2: "100%", 3: "100%", 4: "100%", 5: "97%"}, "6"),  # 7 − 0.4 − 0.6 = 6
        (THREE, THREE_ROW, {1: "95%", 2: "93%", 3: "90%"}, "2.5"),  # 6 − 1 − 2.5
    ],
)
def test_the_canonical_text_reads_back_and_scores_the_same(
    text: str, row: dict[str, Any], actual: Any, points: str
) -> None:
    rule = scoring.parse(text)
    again = scoring.render(rule)
    assert scoring.parse(again) == rule
    assert _points(again, actual, **row) == Decimal(points)
