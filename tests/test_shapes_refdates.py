"""Month bands answered by a date (semantics §148): February's end as a band's deadline, a date with its year
read against deadlines that state none, a year-less 2月29日 refused. Expectations computed by hand from the
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


def test_february_end_with_a_year_takes_that_years_last_day() -> None:
    # 2024 is a leap year: 2月29日 is on time; 2025 is not, and 2025年3月1日 is past February's end
    rule = "2月底前完成招标得满分，3月底前完成得3分，逾期不得分"
    assert _points(rule, "2024年2月29日") == Decimal(5)
    assert _points(rule, "2025年3月1日") == Decimal(3)


@pytest.mark.parametrize("rule", ["2月底前完成招标得满分，3月底前完成得3分，逾期不得分", "6月底前完成得满分，7月完成得2分"])
def test_yearless_february_29_is_refused(rule: str) -> None:
    with pytest.raises(scoring.ScoringError, match="闰年"):
        _points(rule, "2月29日")


# ---- a date with its year against deadlines with none: read in the answer's year, said in the trace
@pytest.mark.parametrize(
    ("rule", "actual", "want"),
    [
        # 9月底前 6 of 6, 10月完成 4, 之后 0
        ("9月底前完成建设得满分，10月完成得4分，之后完成不得分", "2023年9月30日", "6"),
        ("9月底前完成建设得满分，10月完成得4分，之后完成不得分", "2023年10月1日", "4"),
        ("9月底前完成建设得满分，10月完成得4分，之后完成不得分", "2023年11月2日", "0"),
        # 5月31日前 6, 6月30日前 2, no late band: past both is a gap, 0
        ("5月31日前完成拨付得满分，6月30日前完成得2分", "2026年5月31日", "6"),
        ("5月31日前完成拨付得满分，6月30日前完成得2分", "2026年6月12日", "2"),
        ("5月31日前完成拨付得满分，6月30日前完成得2分", "2026年7月1日", "0"),
        # a whole month answered with its year, all of it in one band
        ("9月底前完成建设得满分，10月完成得4分，之后完成不得分", "2023年10月", "4"),
    ],
)
def test_dated_answer_in_its_own_year(rule: str, actual: str, want: str) -> None:
    assert _points(rule, actual, "6") == Decimal(want)


def test_the_year_read_is_shown() -> None:
    score = scoring.evaluate("9月底前完成建设得满分，10月完成得4分，之后完成不得分", "2023年10月8日", weight="6")
    assert "按完成日期的年份2023年读" in str(score.trace) + str(score.explanation)


def test_next_year_band_still_refuses_a_dated_answer() -> None:
    with pytest.raises(scoring.ScoringError, match="次年"):
        _points("11月底前完成得满分，12月完成得3分，次年完成不得分。", "2025年1月10日")


def test_a_yearless_29_february_deadline_in_a_common_year_is_refused() -> None:
    with pytest.raises(scoring.ScoringError, match="没有2月29日"):
        _points("2月29日前完成得满分，3月底前完成得3分", "2025年3月5日")
