"""Deadlines, delays and dates (docs/semantics.md §80-): bands on how late a thing was done, steps per unit of
time late, and bands written as deadlines. Expected scores are computed by hand from the rule text and
docs/semantics.md; the texts are variants of the probes' (the same shapes in other words and numbers), not
their own. Each near miss is refused."""

from __future__ import annotations

from decimal import Decimal

import pytest
from test_shapes_marks import _score
from test_shapes_probe4 import _refused, _round_trip

import scoring
from scoring.rules import nodes

# ------------------------------------------------------------------ 1. bands on the delay (§80)

# weight 10: on time → 10; late ≤2个月 → 10 − 3 = 7; 2–4个月 → 10 − 6 = 4; ≥4个月 → 0
DELAY = "按期完成得满分，逾期2个月以内扣3分，逾期2-4个月扣6分，逾期4个月以上不得分"
# weight 6, 天: on time → 6; late ≤10天 → 6 − 1 = 5; 10–30天 → 6 − 2 = 4; ≥30天 → 0
DELAY_DAYS = "在规定期限内办结得满分，延迟10天以内扣1分，延迟10-30天扣2分，延迟30天以上不得分"


@pytest.mark.parametrize(
    ("text", "weight", "actual", "points"),
    [
        (DELAY, "10", "0", "10"),  # no delay: the on-time clause, listed first, holds
        (DELAY, "10", "0个月", "10"),
        (DELAY, "10", "是", "10"),  # 是: done on time
        (DELAY, "10", "1个月", "7"),  # within 2个月: 10 − 3
        (DELAY, "10", "2个月", "7"),  # 以内 includes 2; listed before 2-4个月 (first listed wins, §1)
        (DELAY, "10", "2.5个月", "4"),  # in 2-4个月: 10 − 6
        (DELAY, "10", "4个月", "4"),  # 2-4个月 includes 4 and is listed before 4个月以上
        (DELAY, "10", "5个月", "0"),
        (DELAY, "10", "3", "4"),  # a bare number is in the bands' unit (个月)
        (DELAY, "10", "2月", "7"),  # 月 and 个月 are one unit of time
        (DELAY_DAYS, "6", "0", "6"),
        (DELAY_DAYS, "6", "7天", "5"),
        (DELAY_DAYS, "6", "10天", "5"),
        (DELAY_DAYS, "6", "20天", "4"),
        (DELAY_DAYS, "6", "45天", "0"),
        # days against bands in months where every month length gives one band (§116): 15 ≤ 56, within 2 months
        (DELAY, "10", "15天", "7"),
        # the deadline with a year (§53) is read into the worded clause; the answer is still the delay
        ("项目于2024年9月30日前完工得满分，推迟1个月以内扣1分，推迟1-2个月扣2分，推迟2个月以上不得分", "4", "1.5个月", "2"),
    ],
)
def test_delay_bands_scored_by_hand(text: str, weight: str, actual: str, points: str) -> None:
    assert _score(text, actual, weight=weight) == Decimal(points)


@pytest.mark.parametrize("actual", ["60天", "2025年1月5日", "否", "按时完成了"])
def test_delay_bands_refuse_what_is_no_delay(actual: str) -> None:
    # 60天 against bands in 个月 (within 2 months or not depends on the months, §116); a date (no deadline with a year to count from);
    # 否 (late, but by how much?); words that are none of the rule's
    with pytest.raises(scoring.ScoringError):
        _score(DELAY, actual, weight="10")


def test_delay_bands_read_as_bands_and_round_trip() -> None:
    rule = scoring.parse(DELAY)
    assert isinstance(rule, nodes.Rule)
    bands = [a.condition for a in rule.awards if isinstance(a.condition, nodes.Range)]
    assert [(b.low is not None, b.high is not None) for b in bands] == [(False, True), (True, True), (True, False)]
    assert all(b.subject == "逾期" for b in bands)
    _round_trip(DELAY)
    _round_trip(DELAY_DAYS)


@pytest.mark.parametrize(
    ("text", "late"),
    [
        ("按时完成得满分，逾期1个月以上扣2分，逾期3个月以上扣4分", "4个月"),  # in both: one tier (−4) or both (−6)?
        ("按时完成得满分，逾期1个月以内扣1分，逾期2个月以内扣2分", "0.5个月"),  # in both: −1 or −3?
    ],
)
def test_nested_delay_deductions_refuse_the_answers_in_both(text: str, late: str) -> None:
    # §95: the rule is read; only an answer in two deducting bands that share a stretch is refused
    with pytest.raises(scoring.EvaluationError, match="最严一档"):
        scoring.evaluate(text, late, weight=10)


def test_nested_delay_deductions_score_the_answers_in_one_band() -> None:
    assert scoring.evaluate("按时完成得满分，逾期1个月以上扣2分，逾期3个月以上扣4分", "2个月", weight=10).points == 8  # 10 − 2
    assert scoring.evaluate("按时完成得满分，逾期1个月以内扣1分，逾期2个月以内扣2分", "1.5个月", weight=10).points == 8


# ------------------------------------------------------------------ 2. deadlines without a year (§80)

LATE_DAYS = "工程于10月31日前竣工得满分，每推迟5天扣1分"  # weight 4: the answer is the days late


@pytest.mark.parametrize(
    ("text", "weight", "actual", "points"),
    [
        (LATE_DAYS, "4", "0", "4"),
        (LATE_DAYS, "4", "5", "3"),  # one step of 5 days
        (LATE_DAYS, "4", "12天", "1.6"),  # 12/5 = 2.4 steps, pro rata (§3): 4 − 2.4
        (LATE_DAYS, "4", "30天", "0"),  # 6 steps: clamped at 0
        ("9月底前完成全部验收得满分，未按期完成不得分", "5", "是", "5"),
        ("9月底前完成全部验收得满分，未按期完成不得分", "5", "否", "0"),
    ],
)
def test_yearless_deadlines_scored_by_hand(text: str, weight: str, actual: str, points: str) -> None:
    assert _score(text, actual, weight=weight) == Decimal(points)


def test_a_yearless_deadline_is_read_not_guessed() -> None:
    rule = scoring.parse(LATE_DAYS)
    assert isinstance(rule, nodes.Rule)
    cond = rule.awards[0].condition
    assert isinstance(cond, nodes.TargetMet) and cond.deadline == nodes.MonthDay(10, 31)
    assert str(cond.deadline) == "10月31日"
    # 底 is the month's last day; the reading says what the answer is
    rule = scoring.parse("9月底前完成全部验收得满分，未按期完成不得分")
    assert isinstance(rule, nodes.Rule) and getattr(rule.awards[0].condition, "deadline", None) == nodes.MonthDay(9, 30)
    assert "晚于10月31日的天数" in scoring.bind(scoring.parse(LATE_DAYS)).inputs[0].meaning
    # a date answered is no number of days late: no year to count from
    with pytest.raises(scoring.ScoringError):
        _score(LATE_DAYS, "2024年11月10日", weight="4")
    _round_trip(LATE_DAYS)


@pytest.mark.parametrize(
    "text",
    [
        # 2月底前完成得满分，未完成不得分 reads since §148: 2月28日 is on time, a year-less 2月29日 is refused
        "9月底以后完成不得分",  # 以后: a start, not a deadline
        "每月10日前报送得满分，未按时报送不得分",  # 每月: a deadline each month (it read ≥10日: 12 scored full)
    ],
)
def test_dates_that_are_no_yearless_deadline_are_refused(text: str) -> None:
    assert _refused(text)[0] == "date-band"


def test_months_beside_a_yearless_deadline_are_dates() -> None:
    # 11月完成 beside 10月底前: a date, not 11 months (it would have scored a ≥11-month band); read as the band
    # of 11月30日 since §88, so 11 months answered is no answer, and 11月上旬 (no deadline read) stays refused
    text = "10月底前完成得满分，11月完成得3分，次年完成不得分"
    with pytest.raises(scoring.EvaluationError):
        scoring.evaluate(text, "11个月", weight=5)
    assert scoring.evaluate(text, "2024年11月20日", target="2024年10月底前", weight=5).points == Decimal("3.00")
    code, where = _refused("10月底前完成得满分，11月上旬完成得3分，次年完成不得分")
    assert code == "date-band" and where.startswith("10月底前")
