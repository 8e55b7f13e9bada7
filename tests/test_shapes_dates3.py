"""Deadline shapes found by the seventh blind probe (docs/semantics.md §90): a day 后 beside deadlines is a late
band's start, 仍未完成 at the last deadline is the late band, a completion date answering a deadline beside a
step per unit of time late, 周期 as a time limit, a unit written in traditional characters. Variants of the
probe texts (not the texts themselves); each expectation computed by hand from the rule text and the semantics
(the arithmetic beside each case)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

import scoring
from scoring.rules import nodes
from scoring.rules.render import render


def _points(text: str, actual: Any, **row: Any) -> Decimal:
    return scoring.evaluate(text, actual, **row).points


# ------------------------------------------------------------------ 7月15日以后: the day a late band starts after

START = "5月31日前完成的得满分，6月30日前完成的得2分，7月15日以后完成的不得分"


@pytest.mark.parametrize(
    ("actual", "want"),
    [
        ("5月20日", "4"),  # before the first deadline: full marks
        ("6月30日", "2"),  # the deadline day itself is on time: the second band
        ("7月10日", "0"),  # after 6月30日, not after 7月15日: no band holds it (domain point 1)
        ("7月15日", "0"),  # 以后 is after the day: 7月15日 is still in the gap, 0 all the same
        ("7月20日", "0"),  # the late band: 不得分
        ("6月完成", "REFUSE"),  # neither a band's words nor a date alone: refused
    ],
)
def test_day_after_is_a_start(actual: str, want: str) -> None:
    if want == "REFUSE":
        with pytest.raises(scoring.ScoringError):
            _points(START, actual, weight=4)
        return
    assert _points(START, actual, weight=4) == Decimal(want)


def test_day_after_reads_its_numbers_as_a_start() -> None:
    rule = scoring.parse(START)
    assert isinstance(rule, nodes.Rule)
    last = rule.awards[-1].condition
    assert isinstance(last, nodes.Label)
    assert last.start == nodes.MonthDay(7, 15) and last.deadline is None
    assert scoring.parse(render(rule)) == rule


def test_day_after_with_a_year_from_the_first_deadline() -> None:
    text = "2024年5月31日前完成的得满分，6月30日前完成的得2分，7月15日后完成的不得分"
    assert _points(text, "2024年6月10日", weight=4) == Decimal(2)  # after 5/31, by 6/30
    assert _points(text, "2024年8月1日", weight=4) == Decimal(0)  # the late band
    with pytest.raises(scoring.ScoringError):
        _points(text, "6月10日", weight=4)  # the rule states a year: a date without one is refused (§88)


def test_yearless_bands_refuse_a_date_with_a_year() -> None:
    with pytest.raises(scoring.ScoringError, match="年份不推断"):
        _points(START, "2025年5月20日", weight=4)  # the year is never invented (§88)


# ------------------------------------------------------------------ 仍未完成 at the last deadline: the late band

STILL = "于2024年10月底前完成的，得满分；11月底前完成的，得2分；11月底前仍未完成的，不得分"


@pytest.mark.parametrize(
    ("actual", "want"),
    [
        ("2024年10月31日", "4"),  # by the first deadline
        ("2024年11月30日", "2"),  # by the second (its own day on time)
        ("2024年12月1日", "0"),  # past 11月30日: 仍未完成, 不得分
        ("是", "4"),  # words answer as before
    ],
)
def test_still_not_done_is_the_late_band(actual: str, want: str) -> None:
    assert _points(STILL, actual, weight=4) == Decimal(want)


def test_still_not_done_before_the_last_deadline_is_refused() -> None:
    text = "2024年10月底前完成的得满分；11月底前完成的得2分；10月底前仍未完成的不得分"
    with pytest.raises(scoring.ScoringError):
        _points(text, "2024年11月15日", weight=4)  # 2 (by 11/30) or 0 (not done by 10/31)? refused


# ------------------------------------------------------------------ a date answering a deadline beside steps late

DAYS = "项目应于2024年9月30日前竣工，每延迟10天扣1分"
MONTHS = "2024年12月31日前完成得满分，每延后1个月扣2分"


@pytest.mark.parametrize(
    ("text", "actual", "want"),
    [
        (DAYS, "2024年9月30日", "3"),  # the deadline day: 0 days late
        (DAYS, "2024年9月1日", "3"),  # early: 0 days late, never a bonus
        (DAYS, "2024年10月15日", "1.5"),  # 15 days late: 1.5 steps of 10 days, 3 − 1.5
        (DAYS, "2024-10-10", "2"),  # 10 days late: 3 − 1
        (DAYS, "2024年10月", "REFUSE"),  # the whole month: 1 to 31 days late, the day is not written
        (DAYS, "10月15日", "REFUSE"),  # no year against a deadline with one: not invented
        (MONTHS, "2024年11月30日", "6"),  # on time: 0 months late
        (MONTHS, "2024年12月", "6"),  # every day of December is on time
        (MONTHS, "2025年1月20日", "REFUSE"),  # late, but how many months is not a count of days
        (MONTHS, "1个月", "4"),  # how late, as before: 6 − 2
    ],
)
def test_date_answering_a_deadline_with_steps_late(text: str, actual: str, want: str) -> None:
    if want == "REFUSE":
        with pytest.raises(scoring.ScoringError):
            _points(text, actual, weight=3 if text == DAYS else 6)
        return
    assert _points(text, actual, weight=3 if text == DAYS else 6) == Decimal(want)


def test_yearless_deadline_refuses_a_date() -> None:
    with pytest.raises(scoring.ScoringError, match="年份不推断"):
        _points("计划于8月底前完成采购，每推迟10天扣0.5分", "2025年9月5日", weight=2)


# ------------------------------------------------------------------ 周期 as a time limit; 個月 as 个月


@pytest.mark.parametrize(
    ("actual", "want"),
    [
        ("6个月", "2"),  # within the period
        ("8个月", "1"),  # 2 months over: 2 − 2 × 0.5
        ("7.5个月", "1.25"),  # 1.5 months over: 2 − 0.75
        ("11个月", "0"),  # 5 over: 2.5 lost, floored at 0
    ],
)
def test_period_is_a_time_limit(actual: str, want: str) -> None:
    text = "项目实施周期6个月，每延期1个月扣0.5分"
    assert _points(text, actual, target="≤6", comparator="≤", unit="个月", weight=2) == Decimal(want)


@pytest.mark.parametrize(("actual", "want"), [("1個月", "2"), ("2個月", "1"), ("1个月", "2")])
def test_traditional_unit_in_an_answer(actual: str, want: str) -> None:
    assert _points("於2024年6月30日前完成得滿分，每延遲1個月扣1分", actual, weight=3) == Decimal(want)  # 3 − n
