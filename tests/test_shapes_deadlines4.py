"""Deadline and delay shapes read since semantics §113: 2月底 as the deadline a step of days late counts from (the
answer how late, so the year the last day of February needs does not matter), the failure said in words of its own
between the requirement and its steps, and on-time words (按时, 按期完成, 未逾期) answering a rule that scores how late;
and the refusals kept (a date against a year-less deadline, a deadline in brackets, a date before an event's name,
delay in %, a cutoff after steps, days against month bands, minutes against hours).

Each case: rule, answer, row keywords, the hand score (or REFUSE) and why (the arithmetic, from the rule text and
docs/semantics.md)."""

from __future__ import annotations

import pytest

import scoring
from scoring.rules import nodes
from tests.shape_cases import REFUSE, reads_back, refusal, scores_or_refuses

FEBRUARY = "于2月底前完成年度部门预算公开，每延迟1天扣0.1分"
FEB_DONE = "2月底前完成申报，每推迟1天扣0.5分"
FAILED = "防汛物资应于5月31日前储备到位，未按时储备到位的，每逾期1天扣0.2分，扣完为止"
FAILED_YEAR = "项目应于2025年6月30日前完工，未按期完工的，每延迟10天扣1分"
ON_TIME_STEPS = "按时完成得满分，每延后1个月扣3分"
ON_TIME_BANDS = "在规定时限内完成得满分，超过时限1个月以内的扣1分，超过1-3个月的扣3分，超过3个月的不得分"

W1: dict[str, object] = {"weight": 1}
W2: dict[str, object] = {"weight": 2}
W3: dict[str, object] = {"weight": 3}
W5: dict[str, object] = {"weight": 5}
W10: dict[str, object] = {"weight": 10}

CASES = [
    # 2月底 before steps of days late: the answer is the days late, whichever day February ends on
    (FEBRUARY, "0", W1, "1", "on time: 1"),
    (FEBRUARY, "5", W1, "0.5", "5 days × 0.1 = 0.5: 1 − 0.5 = 0.5"),
    (FEBRUARY, "5天", W1, "0.5", "the same with its unit"),
    (FEBRUARY, "12", W1, "0", "1 − 1.2 → 0 (no score below 0)"),
    (FEBRUARY, "是", W1, "1", "done on time: 0 days late, 1"),
    (FEBRUARY, "2025年3月2日", W1, REFUSE, "the deadline has no year: a date is never placed (the year is not inferred)"),
    (FEBRUARY, "3月2日", W1, "0.8", "no year on either side (§118): 2 days after February's end, 28th or 29th: 1 − 0.2"),
    (FEBRUARY, "否", W1, REFUSE, "late, but how late?"),
    (FEB_DONE, "3", W2, "0.5", "3 × 0.5 = 1.5: 2 − 1.5 = 0.5"),
    # the failure said between the requirement and its steps: 5月31日前 the deadline, the answer the days late
    (FAILED, "0", W2, "2", "on time: 2"),
    (FAILED, "4", W2, "1.2", "4 × 0.2 = 0.8: 2 − 0.8 = 1.2"),
    (FAILED, "15", W2, "0", "2 − 3 → 0 (扣完为止)"),
    (FAILED, "是", W2, "2", "stored on time: 2"),
    (FAILED, "5月20日", W2, "2", "no year on either side (§118): before 5月31日, on time: 2"),
    (FAILED, "6月5日", W2, "1", "no year on either side (§118): 5 days late × 0.2 = 1: 2 − 1 = 1"),
    (FAILED_YEAR, "15", W3, "1.5", "15 days = 1.5 steps of 10 (pro-rata, §3): 3 − 1.5 = 1.5"),
    (FAILED_YEAR, "2025年7月15日", W3, "1.5", "15 days after 2025-06-30 (§90's date with its year): 1.5"),
    (FAILED_YEAR, "2025年6月30日", W3, "3", "the deadline's own day is on time: 3"),
    # on-time words answering a rule that scores how late: 是, 0 late
    (ON_TIME_STEPS, "按时完成", W10, "10", "the rule's own words: on time, 10"),
    (ON_TIME_STEPS, "按时", W10, "10", "on time: 10"),
    (ON_TIME_STEPS, "按期完成", W10, "10", "on time: 10"),
    (ON_TIME_STEPS, "2个月", W10, "4", "2 × 3 = 6: 10 − 6 = 4"),
    (ON_TIME_STEPS, "按时完成一半", W10, REFUSE, "no on-time word as a whole: never a substring"),
    (ON_TIME_BANDS, "按时", W5, "5", "on time: the on-time clause, 5"),
    (ON_TIME_BANDS, "未逾期", W5, "5", "not late: 5"),
    (ON_TIME_BANDS, "2个月", W5, "2", "in 1-3: 5 − 3 = 2"),
    (FEBRUARY, "按期完成", W1, "1", "on time: 1"),
    # an on-time word on a rule that reads no delay stays a word the rule does not know
    ("完成得满分，未完成不得分", "按时", W5, REFUSE, "no delay read: 按时 is no label of this rule"),
]


@pytest.mark.parametrize(("rule", "answer", "kw", "want", "why"), CASES)
def test_deadline_shapes(rule: str, answer: str, kw: dict[str, object], want: str, why: str) -> None:
    scores_or_refuses(rule, answer, kw, want)


@pytest.mark.parametrize("text", [FEBRUARY, FEB_DONE, FAILED, FAILED_YEAR, ON_TIME_STEPS, ON_TIME_BANDS])
def test_round_trip(text: str) -> None:
    reads_back(text)


def test_the_readings_are_in_the_nodes() -> None:
    feb = scoring.parse(FEBRUARY)
    assert isinstance(feb, scoring.Rule)
    req = feb.clauses[0]
    assert isinstance(req, nodes.Requirement) and req.deadline == nodes.MonthDay(2, 29, end=True)
    assert str(req.deadline) == "2月底"
    failed = scoring.parse(FAILED)
    assert isinstance(failed, scoring.Rule)
    need, words, step = failed.clauses
    assert isinstance(need, nodes.Requirement) and str(need.deadline) == "5月31日"
    assert type(words) is nodes.Note and words.text == "未按时储备到位的"
    assert isinstance(step, nodes.Deduction) and step.step is not None and step.step.unit == "天"
    assert "晚于2月底的天数" in scoring.bind(feb).describe()


@pytest.mark.parametrize(
    ("text", "code", "at"),
    [
        # 2月底 in words alone (2月底前完成得满分，未完成不得分) is read since §148 (tests/test_shapes_refdates.py)
        # a deadline in brackets after a season word is read since §116 (tests/test_shapes_deadlines5.py)
        # a date before an event's name (9月1日开学前) is read since §128 as the day days late count from, a date
        # answered refused (tests/test_shapes_dates6.py)
        # failure words with a number of their own between: not the failure of the requirement alone
        ("防汛物资应于5月31日前储备到位，储备率低于90%的，每逾期1天扣0.2分", "unread-number", "5"),
    ],
)
def test_refused(text: str, code: str, at: str) -> None:
    e = refusal(text)
    assert e.code == code
    assert text[e.pos :].startswith(at)
