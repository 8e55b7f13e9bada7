"""Semantics §128: quarters named without 第 (三季度, 4季度) as the bands of the quarter's last day, and a date right before
the name of an event and 前 (在9月1日开学前) as the day a requirement's steps of time late count from.

Each case: rule, answer, row keywords, the hand score (or REFUSE) and why (the arithmetic, from the rule text and
docs/semantics.md). Written before the program ran."""

from __future__ import annotations

import pytest

import scoring
from scoring.rules import nodes
from tests.shape_cases import REFUSE, reads_back, scores_or_refuses

QUARTERS = "一季度完成得满分，二季度完成得4分，下半年完成得2分，年底前未完成不得分"
Q3END = "在3季度末前完工得满分，4季度完工得2分，否则不得分"
HALVES = "上半年完工得满分，三季度完工得3分，四季度完工得1分，年内未完成不得分"
FESTIVAL = "慰问金应于2025年1月28日春节前发放完毕，每延迟1天扣1分，扣完为止"
MEETING = "资料须在10月8日会议召开前报送，每推迟1天扣0.2分"

W2: dict[str, object] = {"weight": 2}
W3: dict[str, object] = {"weight": 3}
W4: dict[str, object] = {"weight": 4}
W5: dict[str, object] = {"weight": 5}
W4Y: dict[str, object] = {"weight": 4, "target": "2024年12月31日前"}
W5Y: dict[str, object] = {"weight": 5, "target": "2026年12月31日前"}

CASES = [
    # 一季度 by 3月31日, 二季度 by 6月30日, 下半年 (before a later band, §108) by 12月31日; no year anywhere
    (QUARTERS, "3月31日", W5, "5", "03-31 ≤ 03-31: 一季度, full marks 5"),
    (QUARTERS, "4月1日", W5, "4", "03-31 < 04-01 ≤ 06-30: 二季度, 4"),
    (QUARTERS, "6月30日", W5, "4", "the quarter's last day is in it: 4"),
    (QUARTERS, "7月1日", W5, "2", "06-30 < 07-01 ≤ 12-31: 下半年, 2"),
    (QUARTERS, "12月31日", W5, "2", "still 下半年: 2"),
    (QUARTERS, "2025年3月1日", W5, REFUSE, "no year in the rule nor the row: a date with a year is not compared"),
    (QUARTERS, "是", W5, "5", "done on time: the first band"),
    # 3季度末前 by 9月30日, 4季度 by 12月31日, 否则 after; the row's year 2024 (§88, §124)
    (Q3END, "2024年9月30日", W4Y, "4", "2024-09-30 ≤ 2024-09-30: 4"),
    (Q3END, "2024年10月1日", W4Y, "2", "in the fourth quarter: 2"),
    (Q3END, "2025年1月2日", W4Y, "0", "past 2024-12-31: 否则, 0"),
    (Q3END, "10月1日", W4Y, REFUSE, "the row states its year; a date without one is not placed"),
    # the reviewer's shape with other verbs: 上半年 6-30, 三季度 9-30, 四季度 12-31, 年内未完工 after that (row year 2026)
    (HALVES, "2026年6月30日", W5Y, "5", "≤ 2026-06-30: 5"),
    (HALVES, "2026年7月1日", W5Y, "3", "third quarter: 3"),
    (HALVES, "2026年12月31日", W5Y, "1", "fourth quarter's last day: 1"),
    (HALVES, "2027年1月1日", W5Y, "0", "past the year: 年内未完成, 0"),
    (HALVES, "2026年10月", W5Y, "1", "the whole of October is in the fourth quarter: 1"),
    (HALVES, "2026年9月", W5Y, "3", "the whole of September is in the third quarter: 3"),
    (HALVES, "2026年5月20日", {"weight": 5}, REFUSE, "no year in the rule nor the row: never invented"),
    (HALVES, "5月20日", {"weight": 5}, "5", "by month and day, ≤ 06-30: 5"),
    # a date before an event: the steps count days late from it; whether the day itself is on time is not said
    (FESTIVAL, "0", W3, "3", "on time: 3"),
    (FESTIVAL, "2", W3, "1", "3 − 2 × 1 = 1"),
    (FESTIVAL, "5", W3, "0", "3 − 5 < 0, 扣完为止: 0"),
    (FESTIVAL, "2025年2月1日", W3, REFUSE, "is 1月28日 on time or already late? a date is not turned into days late"),
    (FESTIVAL, "按时", W3, "3", "on-time words: 0 late (§113)"),
    (MEETING, "0", W2, "2", "on time: 2"),
    (MEETING, "4", W2, "1.2", "2 − 4 × 0.2 = 1.2"),
    (MEETING, "10", W2, "0", "2 − 10 × 0.2 = 0"),
    (MEETING, "10月9日", W2, REFUSE, "a date answered: refused (one day late or two?)"),
]


@pytest.mark.parametrize(("rule", "answer", "kw", "want", "why"), CASES, ids=[f"{i}" for i in range(len(CASES))])
def test_dates6_shapes(rule: str, answer: str, kw: dict[str, object], want: str, why: str) -> None:
    scores_or_refuses(rule, answer, kw, want)


@pytest.mark.parametrize("text", [QUARTERS, Q3END, HALVES, FESTIVAL, MEETING])
def test_round_trip(text: str) -> None:
    reads_back(text)


def test_a_bare_quarter_is_the_quarter_s_last_day() -> None:
    rule = scoring.parse(HALVES)
    deadlines = [a.condition.deadline for a in rule.awards if isinstance(a.condition, nodes.Label)]
    assert deadlines == [nodes.MonthDay(6, 30), nodes.MonthDay(9, 30), nodes.MonthDay(12, 31), nodes.MonthDay(12, 31)]


def test_the_event_s_day_is_read_and_holds_no_deadline() -> None:
    req = scoring.parse(MEETING).clauses[0]
    assert isinstance(req, nodes.Requirement)
    assert req.deadline is None
    assert [q.value for q in req.terms] == [10, 8]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # 三季度前: before the quarter starts, or by its end? not said
        ("2025年三季度前完成得满分，否则不得分", "unread-number"),
        # 开学后: the day after an event is no deadline
        ("须在9月1日开学后发放，每推迟1天扣0.5分", "unread-number"),
    ],
)
def test_still_refused(text: str, code: str) -> None:
    with pytest.raises(scoring.RuleSyntaxError) as e:
        scoring.parse(text)
    assert e.value.code == code


@pytest.mark.parametrize("text", ["连续三季度完成得3分，否则不得分", "完成三个季度的任务得3分，否则不得分"])
def test_a_count_of_quarters_is_no_quarter(text: str) -> None:
    rule = scoring.parse(text)
    assert not any(isinstance(a.condition, nodes.Label) and a.condition.deadline is not None for a in rule.awards)
