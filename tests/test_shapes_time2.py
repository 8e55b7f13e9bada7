"""Worded bands on a date read as successive deadlines, a completion date answered against them (semantics §88).

Each case: rule, row target (or None), weight, answer, the hand score or REFUSE, and why (the arithmetic)."""

from __future__ import annotations

from decimal import Decimal

import pytest

import scoring
from scoring.rules import nodes
from scoring.scores.compiled import compile_rule

REFUSE = "REFUSE"

I05 = "2024年11月底前完成得满分，12月底前完成得3分，逾期不得分"
START = "2024年6月底前开工的得3分，7月底前开工得2分，8月底前开工得1分，8月底以后开工不得分"
GAP = "6月底前开工得满分，7月底前开工得3分，8月底以后开工不得分"
NEXT = "11月底前完成得满分，12月完成得3分，次年完成不得分。"
ONE = "项目于2024年6月底前开工得满分，未按期开工不得分"

CASES = [
    # one deadline with a year, words alone: on or before it → the band (full marks), after it → the negated band
    (ONE, "2024年6月底前", 3, "2024年6月15日", "3", "6-15 ≤ 2024-06-30: 开工 on time, full marks 3"),
    (ONE, "2024年6月底前", 3, "2024年6月30日", "3", "the deadline day itself is on time (底: the last day)"),
    (ONE, "2024年6月底前", 3, "2024年7月3日", "0", "7-3 > 6-30: 未按期开工, 0"),
    (ONE, "2024年6月底前", 3, "2024-07-01", "0", "written with dashes: 7-1 > 6-30, 0"),
    (ONE, None, 3, "6月15日", REFUSE, "the deadline has a year, the answer none: which year is not guessed"),
    # bands: the year of 12月底前 comes from the band before it (2024)
    (I05, "2024年11月底前", 5, "2024年11月20日", "5", "11-20 ≤ 2024-11-30: full marks 5"),
    (I05, "2024年11月底前", 5, "2024年12月10日", "3", "11-30 < 12-10 ≤ 2024-12-31: 3"),
    (I05, "2024年11月底前", 5, "2025年1月5日", "0", "past 2024-12-31: 逾期, 0"),
    (I05, None, 5, "2024年12月", "3", "the whole month December lies in the 12月底前 band: 3"),
    (I05, None, 5, "2024年11月", "5", "all of November ≤ 11-30: 5"),
    (I05, None, 5, "逾期", "0", "the band's own words still answer: 0"),
    (START, None, 3, "2024年6月20日", "3", "≤ 2024-06-30: 3"),
    (START, None, 3, "2024年7月15日", "2", "6-30 < 7-15 ≤ 7-31: 2"),
    (START, None, 3, "2024年8月31日", "1", "≤ 8-31: 1"),
    (START, None, 3, "2024年9月1日", "0", "after 8月底: 8月底以后开工, 0"),
    (START, None, 3, "2024年7月", "2", "the whole of July: 7-01 and 7-31 both in (6-30, 7-31], 2"),
    (START, None, 3, "2023年7月1日", "3", "2023-07-01 ≤ 2024-06-30: the first band (a year earlier is on time)"),
    # no year anywhere: a date without a year is compared by month and day; one with a year is refused
    (GAP, None, 5, "6月20日", "5", "06-20 ≤ 06-30: full marks 5"),
    (GAP, None, 5, "7月20日", "3", "06-30 < 07-20 ≤ 07-31: 3"),
    (GAP, None, 5, "8月10日", "0", "after 7月底, not after 8月底: no band covers August, a gap scores 0"),
    (GAP, None, 5, "9月1日", "0", "after 8月底: 0"),
    (GAP, None, 5, "2024年6月20日", REFUSE, "the deadlines have no year: never invented"),
    (GAP, "2024年6月底前", 5, "2024年7月20日", "3", "the row's target states the year 2024: 3"),
    (GAP, "2024年6月底前", 5, "7月20日", REFUSE, "the year is known, the answer has none"),
    # 12月完成: done in December, the band of 12月31日; 次年 makes a date without a year unplaceable
    (NEXT, None, 5, "12月完成", "3", "the band's own words: 3"),
    (NEXT, None, 5, "12月5日", REFUSE, "次年 is written: 12月5日 of which year?"),
    (NEXT, "2024年11月底前", 5, "2024年12月5日", "3", "the target's year: 11-30 < 12-05 ≤ 12-31, 3"),
    (NEXT, "2024年11月底前", 5, "2025年1月5日", "0", "past 2024-12-31: 次年完成, 0"),
    (NEXT, None, 5, "12", REFUSE, "a bare 12 is no date and no count of months"),
]


@pytest.mark.parametrize(("rule", "target", "weight", "answer", "want", "why"), CASES)
def test_date_bands(rule: str, target: str | None, weight: int, answer: str, want: str, why: str) -> None:
    if want == REFUSE:
        with pytest.raises(scoring.ScoringError):
            scoring.evaluate(rule, answer, target=target, weight=weight)
        return
    assert scoring.evaluate(rule, answer, target=target, weight=weight).points == Decimal(want), why


REFUSED_RULES = [
    # a deadline earlier than the one before it: the year after is not supplied
    ("2024年11月底前完成得满分，1月底前完成得3分，逾期不得分", "2025年1月5日", "no successive deadlines"),
    # a second worded condition beside the deadlines
    ("2024年6月底前完成得满分，质量合格得2分，逾期不得分", "2024年6月1日", "another condition"),
    # a step per month late beside a deadline: the answer is how late, never a date (§53)
    ("2024年年底前完成得10分，每延后1个月扣3分，扣完为止", "2025年2月1日", "steps count units late"),
    # a month whose day is written between: a whole month that spans two bands
    ("2024年6月15日前完成得满分，6月底前完成得3分，逾期不得分", "2024年6月", "June spans two bands"),
]


@pytest.mark.parametrize(("rule", "answer", "why"), REFUSED_RULES)
def test_dates_that_cannot_be_placed_are_refused(rule: str, answer: str, why: str) -> None:
    with pytest.raises(scoring.ScoringError):
        scoring.evaluate(rule, answer, weight=5)


def test_the_late_band_states_where_it_starts() -> None:
    rule = scoring.parse(START)
    assert isinstance(rule, scoring.Rule)
    last = rule.awards[-1].condition
    assert isinstance(last, nodes.Label) and last.deadline is None and str(last.start) == "8月31日"
    assert scoring.parse(scoring.render(rule)) == rule


def test_the_explanation_names_the_deadline() -> None:
    s = scoring.evaluate(I05, "2024年12月10日", weight=5)
    assert "2024年11月30日" in s.explanation or any("2024年11月30日" in st.note for st in s.trace)


HOURS = "应急响应时间不超过2小时得满分，每超过30分钟扣1分"

TIME_CASES = [
    # one hour is 60 minutes, exactly: the distance in hours × 60, then steps of 30 minutes
    ("3小时", "小时", "1", "1 hour over = 60 min = 2 steps: 3 − 2 = 1"),
    ("3", "小时", "1", "a bare 3 on an hour row is 3 hours (it read 1 hour as 1/30 step: 2.97)"),
    ("2.25小时", "小时", "2.5", "15 min over = 0.5 step (pro-rata): 3 − 0.5 = 2.5"),
    ("2.2", None, "2.6", "12 min over = 0.4 step: 3 − 0.4 = 2.6"),
    ("2小时", "小时", "3", "at the line: 3"),
    ("1.5小时", "小时", "3", "under the line: 3"),
    ("4小时", "小时", "0", "2 hours over = 4 steps: 3 − 4 → 0"),
    ("150分钟", "小时", "2", "2.5 hours (§118): 30 min over = 1 step: 3 − 1 = 2"),
]


@pytest.mark.parametrize(("answer", "unit", "want", "why"), TIME_CASES)
def test_hours_counted_in_steps_of_minutes(answer: str, unit: str | None, want: str, why: str) -> None:
    kw = {"target": "2小时", "unit": unit, "weight": 3, "comparator": "≤"}
    if want == REFUSE:
        with pytest.raises(scoring.ScoringError):
            scoring.evaluate(HOURS, answer, **kw)  # type: ignore[arg-type]
        return
    assert scoring.evaluate(HOURS, answer, **kw).points == Decimal(want), why  # type: ignore[arg-type]
    compiled = compile_rule(HOURS, **kw)  # type: ignore[arg-type]
    assert compiled.points(answer) == Decimal(want), why


def test_a_day_is_not_converted_to_hours() -> None:
    # 1 day is 24 hours or 8 working hours: no exact ratio is written, the units stay apart
    with pytest.raises(scoring.ScoringError):
        scoring.evaluate("办结时间不超过1天得满分，每超过2小时扣1分", "2天", target="1天", weight=3, comparator="≤")


def test_a_step_in_a_larger_unit_is_converted() -> None:
    # 不超过90分钟…每超过1小时: a bare 150 on a minute row read 60 minutes over as 60 steps; it was refused, and since
    # §157 the minutes over are divided by 60: 150 → 1 hour over → 3 − 1 = 2; 210 → 2 hours → 1; 80 → on time, 3
    rule = "办理时间不超过90分钟得满分，每超过1小时扣1分"
    for actual, want in (("150", 2), ("210", 1), ("80", 3)):
        assert scoring.evaluate(rule, actual, target="90分钟", unit="分钟", weight=3, comparator="≤").points == Decimal(want)


I09 = "2024年9月30日前（含）完成的，得3分；10月31日前完成的，得2分；11月30日前完成的，得1分；之后完成的不得分。"


@pytest.mark.parametrize(
    ("answer", "want"),
    [
        ("2024年9月30日", "3"),  # （含）: the deadline's own day is on time, 3
        ("2024年10月15日", "2"),  # 9-30 < 10-15 ≤ 10-31 (the year from the first band): 2
        ("2024年11月30日", "1"),  # ≤ 11-30: 1
        ("2024年12月1日", "0"),  # 之后完成: 0
        ("是", "3"),  # on time: the best band, 3
    ],
)
def test_an_inclusive_mark_after_a_deadline(answer: str, want: str) -> None:
    assert scoring.evaluate(I09, answer, target="2024年9月30日前", weight=3).points == Decimal(want)


@pytest.mark.parametrize("text", ["完成前（含）得满分", "完成（含）得满分，未完成不得分"])
def test_an_inclusive_mark_after_words_is_refused(text: str) -> None:
    with pytest.raises(scoring.RuleSyntaxError) as e:
        scoring.parse(text)
    assert e.value.code == "unexpected-token" and text[e.value.pos :].startswith("（含）")


PLAN = "计划于8月底前完成采购，每推迟10天扣0.5分"


@pytest.mark.parametrize(
    ("rule", "weight", "answer", "want"),
    [
        (PLAN, 2, "15", "1.25"),  # 15 days late = 1.5 steps of 10 days: 2 − 0.75 = 1.25
        (PLAN, 2, "0", "2"),  # on time: 2
        (PLAN, 2, "40", "0"),  # 4 steps: 2 − 2 = 0
        (PLAN, 2, "2024年9月15日", REFUSE),  # the answer is how late, never a date (§53)
        ("项目计划2024年10月底前竣工，每延迟1个月扣1分", 3, "2", "1"),  # 2 months late: 3 − 2 = 1
    ],
)
def test_a_deadline_stated_before_steps_of_lateness(rule: str, weight: int, answer: str, want: str) -> None:
    if want == REFUSE:
        with pytest.raises(scoring.ScoringError):
            scoring.evaluate(rule, answer, weight=weight)
        return
    assert scoring.evaluate(rule, answer, weight=weight).points == Decimal(want)


def test_the_deadline_requirement_is_read_and_shown() -> None:
    rule = scoring.parse(PLAN)
    assert isinstance(rule, scoring.Rule)
    req = rule.clauses[0]
    assert isinstance(req, nodes.Requirement) and str(req.deadline) == "8月31日"
    assert scoring.parse(scoring.render(rule)) == rule
    (answer,) = scoring.bind(rule).inputs
    assert answer.meaning.startswith("晚于8月31日的天数")
    # a deadline every month (每月10日前) is no date: a requirement whose steps count days late in all (§94,
    # tests/test_shapes_deadlines2.py)
    monthly = scoring.parse("每月10日前报送上月数据，逾期1天扣0.1分，最多扣1分")
    assert isinstance(monthly, scoring.Rule)
    assert isinstance(monthly.clauses[0], nodes.Requirement) and monthly.clauses[0].deadline is None


LIMIT = "全年完成时限≤11个月，每延长半个月扣1分"


@pytest.mark.parametrize(
    ("answer", "want"),
    [
        ("11", "4"),  # at the limit: 4
        ("12", "2"),  # 1 month over = 2 half-months: 4 − 2 = 2
        ("11.25", "3.5"),  # 0.25 over = 0.5 step (pro-rata): 3.5
        ("10", "4"),  # under the limit: 4
        ("14", "0"),  # 6 steps: 4 − 6 → 0
    ],
)
def test_half_a_month_is_a_step_of_one_half(answer: str, want: str) -> None:
    assert scoring.evaluate(LIMIT, answer, target="≤11个月", comparator="≤", unit="个月", weight=4).points == Decimal(want)


@pytest.mark.parametrize(
    ("text", "step"),
    [("全年完成时限≤11个月，每延长半个月扣1分", Decimal("0.5")), ("响应时间不超过2小时，每超过半小时扣1分", Decimal("0.5"))],
)
def test_half_before_a_unit_of_time_is_read(text: str, step: Decimal) -> None:
    rule = scoring.parse(text)
    assert isinstance(rule, scoring.Rule) and rule.deductions[0].step is not None
    assert rule.deductions[0].step.value == step
    assert scoring.parse(scoring.render(rule)) == rule


def test_half_in_a_name_of_a_period_is_no_number() -> None:
    # 上半年 / 下半年 name a period: 半 is read only right before 个月 or 小时 and not after 上/下/前/后 or a numeral
    rule = scoring.parse("下半年完成得满分，未完成不得分")
    assert isinstance(rule, scoring.Rule)
    assert all(not isinstance(a.condition, nodes.Range) for a in rule.awards)


FUNDS = "收到上级资金后30天内拨付到位，每逾期1天扣0.1分"


@pytest.mark.parametrize(
    ("rule", "answer", "kw", "want"),
    [
        # on a row of ≤30天 the answer is the days taken; the steps count what is past 30 (semantics §14, §80)
        (FUNDS, "30", {"target": "30天", "comparator": "≤", "unit": "天"}, "2"),
        (FUNDS, "33", {"target": "30天", "comparator": "≤", "unit": "天"}, "1.7"),  # 3 days late: 2 − 0.3
        # with no row target the answer is the days late: 3 → 2 − 0.3
        (FUNDS, "3", {}, "1.7"),
        (FUNDS, "0", {}, "2"),
        ("办结时限为30天，每逾期1天扣0.1分", "25", {}, "0"),  # 25 days late: 2 − 2.5 → 0
    ],
)
def test_a_time_limit_before_steps_of_lateness(rule: str, answer: str, kw: dict[str, str], want: str) -> None:
    assert scoring.evaluate(rule, answer, weight=2, **kw).points == Decimal(want)  # type: ignore[arg-type]


def test_the_time_limit_is_a_requirement_and_said_so() -> None:
    rule = scoring.parse(FUNDS)
    assert isinstance(rule, scoring.Rule)
    req = rule.clauses[0]
    assert isinstance(req, nodes.Requirement) and req.deadline is None and [str(q.value) for q in req.terms] == ["30"]
    assert scoring.parse(scoring.render(rule)) == rule
    assert any(d.what == "时限" for d in scoring.bind(rule).decisions)
