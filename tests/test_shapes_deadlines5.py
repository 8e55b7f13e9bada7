"""Deadline and delay shapes read since semantics §116: a deadline in brackets that restates the deadline word before
it (汛前（5月31日前）), a band 8月以后 that scores nothing beside month bands, the days over a time limit the rule names
but does not state (在规定时间内完成得满分，每超过1天扣0.5分); and the refusals kept.

Each case: rule, answer, row keywords, the hand score (or REFUSE) and why (the arithmetic, from the rule text and
docs/semantics.md)."""

from __future__ import annotations

import pytest

import scoring
from tests import shape_cases
from tests.shape_cases import REFUSE, refusal, scores_or_refuses

BRACKET = "防汛物资应于汛前（5月31日前）储备到位，未按时储备到位的，每逾期1天扣0.2分，扣完为止"
BRACKET_YEAR = "项目应于汛前（2025年5月31日前）完工，未按期完工的，每延迟10天扣1分"
MONTHS = "2024年6月30日前完成得满分，7月完成得3分，8月以后完成不得分。"
UNSTATED = "在规定时间内完成得满分，每超过1天扣0.5分，超过10天不得分"
ON_TIME_OVER = "按时完成得满分，每超出1天扣0.5分"
HOURS = "系统故障修复时间≤4小时，每超出1小时扣0.5分"
MINUTES = "响应时间≤30分钟，每超出10分钟扣0.5分"
MONTH_BANDS = "在合同约定工期内完工得满分；逾期1个月以内扣1分；逾期1-3个月扣3分；逾期3个月以上不得分"
MONTH_STEPS = "按期完工得满分，每逾期1个月扣1分"
IN_YEAR = "2025年完成全部改造任务得满分，否则不得分"

W2: dict[str, object] = {"weight": 2}
W3: dict[str, object] = {"weight": 3}
W5: dict[str, object] = {"weight": 5}
DAYS5: dict[str, object] = {"weight": 5, "unit": "天"}
LIMIT30: dict[str, object] = {"weight": 5, "unit": "天", "target": "≤30", "comparator": "≤"}
IN_HOURS: dict[str, object] = {"weight": 2, "unit": "小时", "target": "≤4", "comparator": "≤"}
IN_MINUTES: dict[str, object] = {"weight": 2, "unit": "分钟", "target": "≤30", "comparator": "≤"}

CASES = [
    # the bracket restates 汛前 with its date: the deadline of the requirement; the answer the days late
    (BRACKET, "0", W2, "2", "on time: 2"),
    (BRACKET, "4", W2, "1.2", "4 × 0.2 = 0.8: 2 − 0.8 = 1.2"),
    (BRACKET, "15", W2, "0", "2 − 3 → 0 (扣完为止)"),
    (BRACKET, "是", W2, "2", "stored on time: 2"),
    (BRACKET, "5月20日", W2, "2", "no year on either side (§118): before 5月31日, on time: 2"),
    (BRACKET_YEAR, "5", W3, "2.5", "5 days = 0.5 of a step of 10 (pro-rata, §3): 3 − 0.5 = 2.5"),
    (BRACKET_YEAR, "2025年6月10日", W3, "2", "10 days after 2025-05-31: one step, 3 − 1 = 2"),
    (BRACKET_YEAR, "2025年5月31日", W3, "3", "the deadline's own day is on time: 3"),
    # 8月以后完成不得分 after 7月完成: August scores 0 whether or not 以后 includes it (a gap scores 0 too)
    (MONTHS, "2024年6月30日", W5, "5", "by the first deadline: 5"),
    (MONTHS, "2024年7月15日", W5, "3", "in July: 3"),
    (MONTHS, "2024年7月31日", W5, "3", "July's last day: 3"),
    (MONTHS, "2024年8月1日", W5, "0", "August: 0 either way"),
    (MONTHS, "2024年9月3日", W5, "0", "after August: 0"),
    (MONTHS, "是", W5, "5", "done by the first deadline: 5"),
    (MONTHS, "7月20日", W5, REFUSE, "the rule states its year; a date without one is refused (§88)"),
    # the days over a limit the words name and no number states: the answer is the days over, 0 on time
    (UNSTATED, "0", DAYS5, "5", "on time: 5"),
    (UNSTATED, "3天", DAYS5, "3.5", "3 × 0.5 = 1.5: 5 − 1.5 = 3.5"),
    (UNSTATED, "3", DAYS5, "3.5", "the same in the row's unit"),
    (UNSTATED, "2.5", DAYS5, "3.75", "2.5 × 0.5 = 1.25 (pro-rata, §3): 5 − 1.25 = 3.75"),
    (UNSTATED, "11天", DAYS5, "0", "more than 10 days over: 0"),
    (UNSTATED, "10", DAYS5, "0", "10 × 0.5 = 5: 5 − 5 = 0 (the 超过10天 band does not hold; the steps reach 0)"),
    (UNSTATED, "是", DAYS5, "5", "done in time: 5"),
    (ON_TIME_OVER, "3", DAYS5, "3.5", "按时 names the limit too: 3 days over, 5 − 1.5 = 3.5"),
    # with the limit stated by the row's target the steps count from it, as before
    (ON_TIME_OVER, "33", LIMIT30, "3.5", "33 days against ≤30: 3 over, 5 − 1.5 = 3.5"),
    (ON_TIME_OVER, "28", LIMIT30, "5", "within the 30 days: 5"),
    # minutes and hours: 60 minutes an hour, exact; a day is no fixed number of hours
    (HOURS, "300分钟", IN_HOURS, "1.5", "300 ÷ 60 = 5 hours: 1 over, 2 − 0.5 = 1.5"),
    (HOURS, "330分钟", IN_HOURS, "1.25", "5.5 hours: 1.5 over (pro-rata), 2 − 0.75 = 1.25"),
    (HOURS, "240分钟", IN_HOURS, "2", "4 hours: on the line, 2"),
    (HOURS, "5.5小时", IN_HOURS, "1.25", "as before: 1.5 over, 1.25"),
    (HOURS, "100分钟", IN_HOURS, REFUSE, "1⅔ hours: no finite decimal, no rounding invented"),
    (HOURS, "1天", IN_HOURS, REFUSE, "a day is not 24 hours of work: not converted"),
    (MINUTES, "1小时", IN_MINUTES, "0.5", "60 minutes: 30 over = 3 steps of 10, 2 − 1.5 = 0.5"),
    (MINUTES, "0.75小时", IN_MINUTES, "1.25", "45 minutes: 15 over = 1.5 steps, 2 − 0.75 = 1.25"),
    # days against bands of months late: only where every month length (28 to 31 days) gives one band
    (MONTH_BANDS, "20天", W5, "4", "20 days ≤ 28 ≤ any month: within 1 month, 5 − 1 = 4"),
    (MONTH_BANDS, "28天", W5, "4", "28 days is at most one month (以内 includes 1): 4"),
    (MONTH_BANDS, "45天", W5, "2", "45 days is more than 1 month (> 31) and at most 3 (< 84): 5 − 3 = 2"),
    (MONTH_BANDS, "100天", W5, "0", "100 days is more than 3 months (> 93): 0"),
    (MONTH_BANDS, "30天", W5, REFUSE, "30 days is more than February, not more than a month of 30 or 31: which band?"),
    (MONTH_BANDS, "1", W5, "4", "1 month as before: 4"),
    (MONTH_STEPS, "20天", W5, REFUSE, "steps per month count the fraction, which the month's length changes"),
    # a year as the deadline: done in 2025, by 2025-12-31 (as 12月完成 is by December's last day, §88)
    (IN_YEAR, "是", W5, "5", "done: 5"),
    (IN_YEAR, "否", W5, "0", "not done: 0"),
    (IN_YEAR, "2025年10月1日", W5, "5", "in 2025: 5"),
    (IN_YEAR, "2025年12月31日", W5, "5", "the year's last day: 5"),
    (IN_YEAR, "2026年1月5日", W5, "0", "after 2025: 0"),
    (IN_YEAR, "10月1日", W5, REFUSE, "the rule states its year; a date without one is refused"),
    ("2024年完成得满分，每延后1个月扣1分", "2", W5, "3", "2 months after 2024-12-31: 5 − 2 = 3"),
    ("2024年完成得10分，每延后1个月扣3分，扣完为止。", "2", {"weight": 10}, "4", "10 − 2 × 3 = 4"),
    ("2024年完成得10分，每延后1个月扣3分，扣完为止。", "4", {"weight": 10}, "0", "10 − 12 → 0 (扣完为止)"),
]

test_hand_cases, test_compiled_agrees, test_round_trip = shape_cases.checks([c[:4] for c in CASES if c[3] != REFUSE])


@pytest.mark.parametrize(("text", "actual", "kw", "want", "why"), CASES)
def test_scores_or_refuses(text: str, actual: str, kw: dict[str, object], want: str, why: str) -> None:
    scores_or_refuses(text, actual, kw, want)


def test_the_reading_says_what_the_number_is() -> None:
    reading = scoring.bind(scoring.parse(UNSTATED), unit="天")
    said = [d for d in reading.decisions if d.what == "答法"]
    assert len(said) == 1 and "超过规定时间的天数" in said[0].value and not said[0].stated
    # with a target the limit is stated: no such decision, the steps count from 30
    limited = scoring.bind(scoring.parse(UNSTATED), unit="天", target="≤30", comparator="≤")
    assert not [d for d in limited.decisions if d.what == "答法"]


@pytest.mark.parametrize(
    ("text", "code", "at"),
    [
        # a date in brackets after a word that is no deadline (汛期): a remark, its numbers unread
        ("防汛物资应于汛期（5月31日前）储备到位，未按时储备到位的，每逾期1天扣0.2分", "unread-number", "5"),
        # a date without 前 in the brackets: no deadline said there
        ("汛前（5月31日）完成得满分，每延迟1天扣0.1分", "unread-number", "5"),
        # 8月以后 scoring points: whether August is in it decides August's score (1 or a gap's 0)
        ("2024年6月30日前完成得满分，7月完成得3分，8月以后完成得1分", "date-band", "2"),
        # a year with other numbers: not the deadline of the words (完成率, an amount)
        ("2025年完成率达到90%得满分", "unread-number", "2025"),
        ("2025年完成投资5000万元得满分，否则不得分", "unread-number", "2025"),
        # a cutoff after steps of lateness: still one answer for two inputs (§104)
        ("2025年6月底前完成招标，每滞后一个月扣0.5分；年底前仍未完成招标的不得分", "delay-cutoff", "年底"),
        ("2024年6月30日前完成得满分，7月完成得3分，8月以后完成得1分", "date-band", "2"),
    ],
)
def test_refused(text: str, code: str, at: str) -> None:
    e = refusal(text)
    assert e.code == code
    assert text[e.pos :].startswith(at)
