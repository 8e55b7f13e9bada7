"""Deadline and delay shapes read since semantics §94: quarters and halves of the year as deadlines, a deadline every
month, a deadline before 逾期不得分, a time limit in brackets (and inside a rate's name), a step per period past a
line, bands after 超过 on a delay, and 一个半月.

Each case: rule, answer, row keywords, the hand score (or REFUSE) and why (the arithmetic, from the rule text and
docs/semantics.md)."""

from __future__ import annotations

import pytest

import scoring
from scoring.rules import nodes
from tests.shape_cases import REFUSE, reads_back, scores_or_refuses

Q3 = "第三季度末前完成招标工作得满分，第四季度完成得50%，年底前未完成不得分"
Q3Y = "2025年第三季度末前完成招标得满分，第四季度完成得2分，年底前未完成不得分"
Q1 = "项目开工时间在第一季度的得满分，第二季度的得3分，下半年的不得分"
MONTHLY = "每月10日前报送上月数据，逾期1天扣0.1分，最多扣1分"
FINAL = "年度决算报表于次年3月31日前报送，逾期不得分"
BRACKET = "在规定时限（10个工作日）内办结的得满分，每超1个工作日扣0.5分"
RATE = "在规定时限（15个工作日）内办结率100%得满分，每低1个百分点扣0.5分"
MONTHS = "项目在3个月内完工得满分，超过3个月的每月扣1分"
OVER = "在规定时限内完成得满分，超过时限1个月以内的扣1分，超过1-3个月的扣3分，超过3个月的不得分"
HALF = "项目一个半月内完成得满分"

QUAL4: dict[str, object] = {"weight": 4, "comparator": "定性"}
W2: dict[str, object] = {"weight": 2}
W3: dict[str, object] = {"weight": 3}
W5: dict[str, object] = {"weight": 5}

CASES = [
    # quarters: 第三季度末 is 9月30日, 第四季度 the band up to 12月31日, 年底前未完成 the late band after it
    (Q3, "是", QUAL4, "4", "on time: the first band, full marks 4"),
    (Q3, "第四季度完成", QUAL4, "2", "the band's own words: 50% of 4 = 2"),
    (Q3, "年底前未完成", QUAL4, "0", "the band's own words: 0"),
    (Q3, "9月30日", QUAL4, "4", "no year anywhere: by month and day, 09-30 ≤ 09-30 (the day itself on time): 4"),
    (Q3, "10月5日", QUAL4, "2", "09-30 < 10-05 ≤ 12-31: 第四季度, 2"),
    (Q3, "2025年10月5日", QUAL4, REFUSE, "the quarters have no year and the row states none: never invented"),
    (Q3, "2025年10月5日", {**QUAL4, "target": "2025年9月30日前"}, "2", "the target's year 2025: 2025-09-30 < 10-05 ≤ 12-31: 2"),
    (Q3, "2026年1月3日", {**QUAL4, "target": "2025年9月30日前"}, "0", "past 2025-12-31: 年底前未完成, 0"),
    (Q3, "10月5日", {**QUAL4, "target": "2025年9月30日前"}, REFUSE, "the year is known, the answer has none"),
    (Q3Y, "2025年9月1日", {"weight": 4}, "4", "≤ 2025-09-30: 4"),
    (Q3Y, "2025年11月30日", {"weight": 4}, "2", "2025-09-30 < 11-30 ≤ 2025-12-31 (the year of the band before): 2"),
    (Q3Y, "2026年1月3日", {"weight": 4}, "0", "past 2025-12-31: 0"),
    (Q3Y, "11月30日", {"weight": 4}, REFUSE, "the rule has a year, the answer none"),
    # 第一季度 up to 3月31日, 第二季度 up to 6月30日, 下半年 the band after 6月30日
    (Q1, "是", W5, "5", "on time: the first band, 5"),
    (Q1, "第二季度", W5, "3", "the band's own words: 3"),
    (Q1, "下半年", W5, "0", "the band's own words: 0"),
    (Q1, "3月31日", W5, "5", "≤ 03-31: 5"),
    (Q1, "4月1日", W5, "3", "03-31 < 04-01 ≤ 06-30: 3"),
    (Q1, "6月30日", W5, "3", "≤ 06-30: 3"),
    (Q1, "7月1日", W5, "0", "after 06-30: 下半年, 0"),
    # a deadline every month: the answer is the days late summed over the months
    (MONTHLY, "0", W2, "2", "never late: 2"),
    (MONTHLY, "3", W2, "1.7", "3 days late in all: 2 − 0.3 = 1.7"),
    (MONTHLY, "3天", W2, "1.7", "the same with its unit"),
    (MONTHLY, "15", W2, "1", "15 × 0.1 = 1.5, capped at 1 (最多扣1分): 2 − 1 = 1"),
    (MONTHLY, "2025年3月12日", W2, REFUSE, "a date is no count of days late"),
    # 次年3月31日前 as the requirement, 逾期 the band: 是 (on time) or 逾期
    (FINAL, "是", W2, "2", "on time: nothing is lost, 2"),
    (FINAL, "逾期", W2, "0", "逾期不得分: 0"),
    (FINAL, "否", W2, "0", "not on time: 逾期, 0"),
    (FINAL, "2025年3月20日", W2, REFUSE, "次年 of which year: the year evaluated is not given (and no band scores by date)"),
    # a limit in brackets: 10个工作日内 as written without them
    (BRACKET, "9", W3, "3", "within 10: 3"),
    (BRACKET, "12", W3, "2", "2 working days over: 3 − 2 × 0.5 = 2"),
    (BRACKET, "12个工作日", W3, "2", "the same with its unit"),
    (BRACKET, "20", W3, "0", "10 over: 3 − 5 → 0"),
    # the limit in the rate's name: the rate is what is scored
    (RATE, "98%", W3, "2", "2 points below 100%: 3 − 2 × 0.5 = 2"),
    (RATE, "100%", W3, "3", "at 100%: 3"),
    (RATE, "96", W3, "1", "a bare number in the rate's unit: 4 points below: 3 − 2 = 1 (15 is the rate's definition)"),
    # a step per month past the line of 3 months
    (MONTHS, "3", W3, "3", "within 3 months: 3"),
    (MONTHS, "5", W3, "1", "2 months past 3: 3 − 2 = 1"),
    (MONTHS, "4.5个月", W3, "1.5", "1.5 months past (pro-rata, §3): 3 − 1.5 = 1.5"),
    (MONTHS, "7", W3, "0", "4 past: 3 − 4 → 0"),
    # bands on the delay after 超过 / 超过时限
    (OVER, "是", W5, "5", "on time: 5"),
    (OVER, "0", W5, "5", "0 late: the on-time clause, 5"),
    (OVER, "0.5", W5, "4", "≤ 1 month: 5 − 1 = 4"),
    (OVER, "1个月", W5, "4", "以内 includes 1, listed first: 4"),
    (OVER, "2", W5, "2", "in 1-3: 5 − 3 = 2"),
    (OVER, "3", W5, "2", "the dash range includes 3; 超过3个月 excludes it: 2"),
    (OVER, "4个月", W5, "0", "over 3 months: 0"),
    (OVER, "15天", W5, "4", "15 days ≤ 28 ≤ any month: within 1 month whatever its length (§116), 5 − 1 = 4"),
    (OVER, "30天", W5, REFUSE, "30 days: a month or more depends on the month (§116)"),
    (OVER, "否", W5, REFUSE, "late, but which band?"),
    # 一个半月 is 1.5 months (it read 一个 as a count ≥1个: 1 scored full marks for any reason)
    (HALF, "1.5", W3, "3", "at 1.5 months: 3"),
    (HALF, "1个月", W3, "3", "within 1.5 months: 3"),
    (HALF, "2个月", W3, "0", "past 1.5 months, no band: 0"),
]


@pytest.mark.parametrize(("rule", "answer", "kw", "want", "why"), CASES)
def test_deadline_shapes(rule: str, answer: str, kw: dict[str, object], want: str, why: str) -> None:
    scores_or_refuses(rule, answer, kw, want)


@pytest.mark.parametrize(
    "text",
    [Q3, Q3Y, Q1, MONTHLY, FINAL, BRACKET, RATE, MONTHS, OVER, HALF, "项目两个半小时内完成得满分", "项目1个半月内完成得满分",
     "超过1至3个月得3分", "上半年完成得满分，下半年完成得2分"],
)
def test_round_trip(text: str) -> None:
    reads_back(text)


def test_quarters_are_deadlines_of_the_quarters_last_day() -> None:
    rule = scoring.parse(Q3)
    assert isinstance(rule, scoring.Rule)
    deadlines = [a.condition.deadline for a in rule.awards if isinstance(a.condition, nodes.Label)]
    assert [str(d) for d in deadlines[:2]] == ["9月30日", "12月31日"]
    rule = scoring.parse(Q3Y)
    assert isinstance(rule, scoring.Rule)
    first = rule.awards[0].condition
    assert isinstance(first, (nodes.Label, nodes.TargetMet)) and str(first.deadline) == "2025-09-30"
    halves = scoring.parse(Q1)
    assert isinstance(halves, scoring.Rule)
    last = halves.awards[-1].condition
    assert isinstance(last, nodes.Label) and last.deadline is None and str(last.start) == "6月30日"


def test_half_months_are_read_as_numbers() -> None:
    for text, value, unit in [(HALF, "1.5", "个月"), ("项目两个半小时内完成得满分", "2.5", "小时"), ("项目1个半月内完成得满分", "1.5", "个月")]:
        rule = scoring.parse(text)
        assert isinstance(rule, scoring.Rule)
        cond = rule.awards[0].condition
        assert isinstance(cond, nodes.Range) and cond.low is None and cond.high is not None
        assert str(cond.high.value.value) == value and cond.high.value.unit == unit


def test_the_monthly_deadline_is_shown_in_the_reading() -> None:
    rule = scoring.parse(MONTHLY)
    assert isinstance(rule, scoring.Rule)
    req = rule.clauses[0]
    assert isinstance(req, nodes.Requirement) and req.every == "月" and req.deadline is None
    decision = next(d for d in scoring.bind(rule).decisions if d.clause == req.text)
    assert "各月晚于期限的天数之和" in decision.value and not decision.stated


def test_the_rate_keeps_its_limit_in_its_name() -> None:
    rule = scoring.parse(RATE)
    assert isinstance(rule, scoring.Rule)
    cond = rule.awards[0].condition
    assert isinstance(cond, nodes.Range) and "（15个工作日）内办结率" in cond.subject
    assert [str(q.value) for q in cond.named] == ["15"]


@pytest.mark.parametrize(
    ("text", "code", "piece"),
    [
        # 第1季度 beside another number: an ordinal of a period, not a deadline (still refused)
        ("第1季度完成率达到30%得满分", "unread-number", "1"),
        # 每天 after a line in months: no step of one unit of the line
        ("超过3个月的每天扣1分", "unread-number", "3"),
        # 超过 before a range that is no duration: which end is compared is still not said
        ("超过80%-90%得满分", "op-before-range", "超过"),
        # a deadline every month beside a bonus: not read
        ("每月10日前报送，按时报送的每次加1分", "unread-number", "10"),
    ],
)
def test_still_refused(text: str, code: str, piece: str) -> None:
    with pytest.raises(scoring.RuleSyntaxError) as e:
        scoring.parse(text)
    assert e.value.code == code
    assert text[e.value.pos :].startswith(piece)
