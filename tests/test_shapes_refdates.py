"""Month bands answered by a date (semantics §148): February's end as a band's deadline, a date with its year
against deadlines that state none still refused, a year-less 2月29日 refused. Expectations computed by hand from the
rule texts."""

from __future__ import annotations

from decimal import Decimal

import pytest

import scoring


def _points(rule: str, actual: str, weight: str = "5", target: str | None = None) -> Decimal:
    return scoring.evaluate(rule, actual, target=target, weight=weight).points


# ---- February's end as the first band's deadline (no year: a February date is never past it)
@pytest.mark.parametrize(
    ("rule", "actual", "want"),
    [
        # 2月底前 full, 3月底前 3, the rest (逾期) 0; weight 5
        ("2月底前完成招标得满分，3月底前完成得3分，逾期不得分", "2月10日", "5"),
        ("2月底前完成招标得满分，3月底前完成得3分，逾期不得分", "2月28日", "5"),
        ("2月底前完成招标得满分，3月底前完成得3分，逾期不得分", "3月1日", "3"),
        ("2月底前完成招标得满分，3月底前完成得3分，逾期不得分", "3月31日", "3"),
        ("2月底前完成招标得满分，3月底前完成得3分，逾期不得分", "5月6日", "0"),
        # weight 4: 2月底前 4, 4月完成 2, 之后 0
        ("2月底前完成验收得满分，4月完成得2分，之后完成不得分", "4月15日", "2"),
        ("2月底前完成验收得满分，4月完成得2分，之后完成不得分", "3月20日", "2"),
        ("2月底前完成验收得满分，4月完成得2分，之后完成不得分", "6月1日", "0"),
    ],
)
def test_february_end_band(rule: str, actual: str, want: str) -> None:
    weight = "4" if "4月完成" in rule else "5"
    assert _points(rule, actual, weight) == Decimal(want)


def test_february_end_with_the_rows_year_takes_that_years_last_day() -> None:
    # 2024 is a leap year: 2月29日 is on time; 2025 is not, and 2025年3月1日 is past February's end
    rule = "2月底前完成招标得满分，3月底前完成得3分，逾期不得分"
    assert _points(rule, "2024年2月29日", target="2024年2月底前") == Decimal(5)
    assert _points(rule, "2025年3月1日", target="2025年2月底前") == Decimal(3)


@pytest.mark.parametrize(("actual", "want"), [("2月28日", "4"), ("3月1日", "0"), ("是", "4"), ("否", "0")])
def test_february_end_in_words_alone(actual: str, want: str) -> None:
    # §88: the on-time band by 2月底, 未完成 the rest; weight 4 (it was date-band, §113)
    assert _points("2月底前完成得满分，未完成不得分", actual, "4") == Decimal(want)


@pytest.mark.parametrize("rule", ["2月底前完成招标得满分，3月底前完成得3分，逾期不得分", "6月底前完成得满分，7月完成得2分"])
def test_yearless_february_29_is_refused(rule: str) -> None:
    with pytest.raises(scoring.ScoringError, match="闰年"):
        _points(rule, "2月29日")


# ---- a date with its year against deadlines with none: still refused (the year evaluated is not the answer's)
@pytest.mark.parametrize(
    "rule",
    [
        "9月底前完成建设得满分，10月完成得4分，之后完成不得分",
        "11月底前完成得满分，12月完成得3分，次年完成不得分。",
        "2月底前完成招标得满分，3月底前完成得3分，逾期不得分",
    ],
)
def test_dated_answer_against_yearless_deadlines_is_refused(rule: str) -> None:
    # 2026年1月5日 may be a late completion of 2025's work: nothing in the rule or the row says which year is evaluated
    for actual in ("2025年10月8日", "2026年1月5日"):
        with pytest.raises(scoring.ScoringError, match="年份"):
            _points(rule, actual)


def test_the_rows_target_gives_the_year() -> None:
    # §88/§124: the row's target 2024年9月底前 gives the deadlines their year; weight 6
    rule = "9月底前完成建设得满分，10月完成得4分，之后完成不得分"
    assert _points(rule, "2024年10月8日", "6", target="2024年9月底前") == Decimal(4)
    assert _points(rule, "2024年9月30日", "6", target="2024年9月底前") == Decimal(6)
    assert _points(rule, "2025年1月5日", "6", target="2024年9月底前") == Decimal(0)
