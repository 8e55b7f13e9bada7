"""Shapes of issue 11 read this round (docs/semantics.md §53-§55): deadlines written as dates, years
naming a period, 未完成N% before 按比例, 满分计N分, a worded zero beside 按比例, 〔 〕 brackets, and a bonus
cap stated before its bonuses. Variants of the dev-corpus texts, each expectation computed by hand
from the rule text (the arithmetic in the comment or the ``why`` of each case)."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import pytest

import scoring
from scoring.rules import nodes


def _points(text: str, actual: Any, **row: Any) -> Decimal:
    return scoring.evaluate(text, actual, **row).points


# ------------------------------------------------------------------ §53 deadlines and years

DEADLINE = "2023年年底前完成得8分，每延后1个月扣2分，扣完为止。"
DATE_ROW = {"target": "2023年12月31日前", "comparator": "定性", "unit": "定性", "weight": 8}


@pytest.mark.parametrize(
    ("actual", "want", "why"),
    [
        ("0", "8.00", "on time: 8"),
        ("1个月", "6.00", "1 month late × 2 = 2; 8 − 2"),
        ("2.5", "3.00", "2.5 months × 2 = 5; 8 − 5 (pro-rata, §3)"),
        ("5", "0.00", "5 × 2 = 10 > 8: 扣完为止 → 0"),
        ("是", "8.00", "是: the deadline was met"),
    ],
)
def test_a_deadline_with_a_step_per_month_late(actual: str, want: str, why: str) -> None:
    assert _points(DEADLINE, actual, **DATE_ROW) == Decimal(want), why


def test_the_deadline_is_read_into_the_node_and_the_answer_is_how_late() -> None:
    rule = scoring.parse(DEADLINE)
    assert isinstance(rule, nodes.Rule)
    cond = rule.awards[0].condition
    assert isinstance(cond, nodes.TargetMet) and cond.deadline == datetime.date(2023, 12, 31)
    (slot,) = scoring.bind(rule, target="2023年12月31日前", comparator="定性", unit="定性").inputs
    assert slot.kind == "count" and slot.unit == "个月" and "2023-12-31" in slot.meaning
    with pytest.raises(scoring.ScoringError):  # a date answered is not turned into months
        scoring.evaluate(DEADLINE, "2024年2月", **DATE_ROW)
    # another year is another rule (the year is read, not words)
    assert scoring.parse(DEADLINE.replace("2023", "2024")) != rule


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("2024年6月底前开工得满分，每推迟一个月扣2分", datetime.date(2024, 6, 30)),  # the month's last day
        ("2024年2月底前完成得满分，每延后1个月扣1分", datetime.date(2024, 2, 29)),  # a leap year
        ("2024年12月31日前完成得满分，未完成不得分", datetime.date(2024, 12, 31)),
        ("2025年年末前完成得满分，未完成不得分", datetime.date(2025, 12, 31)),
    ],
)
def test_dates_of_deadlines(text: str, date: datetime.date) -> None:
    rule = scoring.parse(text)
    assert isinstance(rule, nodes.Rule)
    cond = rule.awards[0].condition
    assert isinstance(cond, (nodes.Label, nodes.TargetMet)) and cond.deadline == date
    assert scoring.parse(scoring.render(rule)) == rule


def test_a_deadline_in_words_alone_takes_yes_or_no() -> None:
    text = "2024年12月31日前完成得满分，未完成不得分"
    assert _points(text, "是", weight=10) == Decimal(10)
    assert _points(text, "否", weight=10) == Decimal(0)
    with pytest.raises(scoring.ScoringError):
        scoring.evaluate(text, "2", weight=10)  # a number does not say whether the words were met


@pytest.mark.parametrize("text", ["2024年13月底前完成得满分"])  # 2024年完成 is read since §116 (test_shapes_deadlines5)
def test_a_year_without_a_deadline_word_or_a_bad_date_is_refused(text: str) -> None:
    with pytest.raises(scoring.RuleSyntaxError):
        scoring.parse(text)


def test_a_year_naming_a_period_is_a_name() -> None:
    # 纳入2020年度…考核 scores nothing; the rule is 完成得满分，未完成不得分 (weight 6: 是 → 6, 否 → 0)
    text = "纳入2020年度目标考核，完成得满分，未完成不得分"
    assert _points(text, "是", weight=6) == Decimal(6)
    assert _points(text, "否", weight=6) == Decimal(0)
    with pytest.raises(scoring.RuleSyntaxError):
        scoring.parse("纳入2020年目标考核，完成得满分")  # 2020年 with no 度: a quantity, unread


# ------------------------------------------------------------------ §54


@pytest.mark.parametrize(
    ("actual", "want", "why"),
    [
        ("100%", "10.00", "the band ≥100%"),
        ("90%", "9.00", "<100%: 按比例 10 × 90/100"),
        ("104%", "10.00", "the band"),
        ("0%", "0.00", "10 × 0"),
    ],
)
def test_not_done_a_percentage_is_below_it(actual: str, want: str, why: str) -> None:
    text = "完成年度目标100%得满分，未完成100%的按比例赋分"
    assert _points(text, actual, target="100%", comparator="≥", weight=10) == Decimal(want), why


def test_not_done_before_a_count_stays_a_count() -> None:
    # 完成得5分，未完成一次扣1分: 2 times not done → 5 − 2 = 3 (it is no band below 一次)
    assert _points("完成得5分,未完成一次扣1分,扣完为止。", "2", weight=5) == Decimal(3)


def test_full_marks_counted_as_states_the_weight() -> None:
    text = "满分计20分，按比例计分"
    rule = scoring.parse(text)
    assert isinstance(rule, nodes.Rule) and rule.stated_weight == Decimal(20)
    assert _points(text, "75%", target="100%", comparator="≥", weight=20) == Decimal(15)  # 20 × 0.75


PROP_ZERO = "按比例计分，未按规定用途使用的，计0分"


def test_a_worded_zero_beside_proportional_is_its_own_requirement() -> None:
    row = {"target": "100%", "comparator": "≥", "unit": "%", "weight": 10}
    assert _points(PROP_ZERO, {"实际值": "50%", 1: "是"}, **row) == Decimal(5)  # 10 × 0.5, no misuse
    assert _points(PROP_ZERO, {"实际值": "50%", 1: "否"}, **row) == Decimal(0)  # misuse: 计0分
    with pytest.raises(scoring.ScoringError):
        scoring.evaluate(PROP_ZERO, "50%", **row)  # one share cannot say whether the funds were misused
    # words tied to the target stay the value's own: 未完成 beside 按比例 is the side 按比例 scores
    assert _points("完成得满分，未完成按比例计分", "50%", **row) == Decimal(5)


def test_tortoise_brackets_read_as_round_ones() -> None:
    text = "在省级刊物发表1篇〔项〕加1分，最多不超过3分"
    rule = scoring.parse(text)
    assert isinstance(rule, nodes.Rule)
    assert any(c.kind == "bracket" for c in rule.normalized)
    assert _points(text, "2", weight=3) == Decimal(2)  # 2 × 1
    assert _points(text, "5", weight=3) == Decimal(3)  # 5 × 1, at most 3


# ------------------------------------------------------------------ §55 a bonus cap stated first


def test_a_bonus_cap_in_brackets_before_one_bonus() -> None:
    text = "该项设有加分项(最多加2分)完成率100%得10分，每低1%扣1分。加分项:每超过1%加0.5分"
    row = {"target": "100%", "comparator": "≥", "unit": "%", "weight": 10}
    assert _points(text, "106%", **row) == Decimal(12)  # 6 × 0.5 = 3 → at most 2: 12
    assert _points(text, "102%", **row) == Decimal(11)  # 2 × 0.5 = 1: 11
    assert _points(text, "97%", **row) == Decimal(7)  # 3 short × 1
    rule = scoring.parse(text)
    assert isinstance(rule, nodes.Rule) and rule.bonuses[0].cap == Decimal(2)


def test_a_bonus_cap_before_several_bonuses_bounds_them_together() -> None:
    text = "加分项(最多加3分):每获1次表彰加2分，每发表1篇论文加1分"
    rule = scoring.parse(text)
    assert isinstance(rule, nodes.Rule) and rule.bonus_cap == Decimal(3)
    assert _points(text, {1: "1", 2: "0"}, weight=10) == Decimal(2)  # 2
    assert _points(text, {1: "2", 2: "1"}, weight=10) == Decimal(3)  # 4 + 1 = 5 → at most 3


def test_a_bonus_cap_with_no_bonus_is_refused() -> None:
    with pytest.raises(scoring.RuleSyntaxError) as e:
        scoring.parse("该项设有加分项(最多加2分)完成得满分，未完成不得分")
    assert e.value.code == "cap-without-deduction"


@pytest.mark.parametrize(
    ("actual", "want", "why"),
    [("0%", "10.00", "持平"), ("3%", "13.00", "+3 × 1"), ("8%", "15.00", "+8 → at most 5"), ("-2%", "6.00", "−2 × 2")],
)
def test_rising_is_a_step_up(actual: str, want: str, why: str) -> None:
    text = "持平得10分，每下降1个百分点扣2分，每上升1个百分点加1分，最多加5分"
    row = {"target": "0%", "comparator": "=", "unit": "%", "weight": 10}
    assert _points(text, actual, **row) == Decimal(want), why
