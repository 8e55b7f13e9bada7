"""Deadline and delay shapes read since semantics §104: 迟报 and 滞后 as delay words (a monthly deadline with steps of
days late, bands on how many months behind), 不迟于 before a date, 延后半个月, a dated start with its year after a
heading, and 10月及以后 beside deadlines; and the refusals kept (滞后 in %, a cutoff after steps of lateness, 10月以后).

Each case: rule, answer, row keywords, the hand score (or REFUSE) and why (the arithmetic, from the rule text and
docs/semantics.md)."""

from __future__ import annotations

import pytest

import scoring
from scoring.rules import nodes
from tests.shape_cases import REFUSE, reads_back, refusal, scores_or_refuses

MONTHLY = "每月10日前报送上月统计报表，每迟报1天扣0.1分"
BEHIND = "工程形象进度按计划完成得满分；滞后1个月以内扣1分；滞后1-3个月扣2分；滞后3个月以上不得分"
NO_LATER = "项目开工时间不迟于2025年5月，每延后半个月扣0.5分"
HEADED = "项目竣工时间：2024年12月31日前完成的得满分；2025年3月31日前完成的得60%；2025年3月31日后完成的不得分"
ONWARD = "8月底前完成招标的得5分，9月完成的得3分，10月及以后完成的不得分"
UNANSWERED = "受理投诉未在24小时内响应的，一次扣0.5分"

W2: dict[str, object] = {"weight": 2}
W3: dict[str, object] = {"weight": 3}
W5: dict[str, object] = {"weight": 5}

CASES = [
    # a deadline every month (§94) before 每迟报1天: the answer is the days late summed over the months
    (MONTHLY, "0", W2, "2", "never late: 2"),
    (MONTHLY, "3", W2, "1.7", "3 days late in all: 2 − 3 × 0.1 = 1.7"),
    (MONTHLY, "4天", W2, "1.6", "4 days with its unit: 2 − 0.4 = 1.6"),
    (MONTHLY, "25", W2, "0", "2 − 2.5 → 0 (no score below 0)"),
    (MONTHLY, "2025年5月13日", W2, REFUSE, "a date is no count of days late summed over the months"),
    # bands on how many months behind (§80's delay bands, 滞后 now a delay word)
    (BEHIND, "是", W5, "5", "on schedule: 5"),
    (BEHIND, "0", W5, "5", "0 months behind: the on-schedule clause, 5"),
    (BEHIND, "0.5", W5, "4", "≤ 1 month: 5 − 1 = 4"),
    (BEHIND, "1个月", W5, "4", "以内 includes 1, listed first: 4"),
    (BEHIND, "2", W5, "3", "in 1-3: 5 − 2 = 3"),
    (BEHIND, "3", W5, "3", "1-3 includes 3 and is listed before 3个月以上: 3"),
    (BEHIND, "4", W5, "0", "over 3 months: 0"),
    (BEHIND, "15天", W5, "4", "15 days ≤ 28 ≤ any month: within 1 month (§116), 5 − 1 = 4"),
    (BEHIND, "30天", W5, REFUSE, "30 days: a month or more depends on the month (§116)"),
    (BEHIND, "滞后2个月", W5, "3", "the delay written with its word: 2 months, in 1-3: 3"),
    (BEHIND, "逾期0.5个月", W5, "4", "another delay word, 0.5 months: ≤ 1, 4"),
    (BEHIND, "滞后15天", W5, "4", "the same with its word (§104, §116): 4"),
    (BEHIND, "滞后", W5, REFUSE, "behind, by how much?"),
    (BEHIND, "否", W5, REFUSE, "behind, but which band?"),
    # 不迟于2025年5月: the deadline 2025年5月31日 (a month alone is its last day); 延后半个月 a step of 0.5 months
    (NO_LATER, "0", W3, "3", "on time: 3"),
    (NO_LATER, "1", W3, "2", "1 month late = 2 half-month steps: 3 − 1 = 2"),
    (NO_LATER, "1.25个月", W3, "1.75", "2.5 steps (pro-rata, §3): 3 − 1.25 = 1.75"),
    (NO_LATER, "2025年5月31日", W3, "3", "the deadline's own day is on time: 0 late, 3"),
    (NO_LATER, "2025年6月10日", W3, REFUSE, "past the deadline, steps in months: a month is no fixed number of days (§90)"),
    (NO_LATER, "否", W3, REFUSE, "late, but how late?"),
    (NO_LATER, "延后1个月", W3, "2", "the delay with its word: 2 half-month steps, 3 − 1 = 2"),
    # dates with years after a heading: ≤2024-12-31 full, ≤2025-03-31 60%, after 2025-03-31 none
    (HEADED, "2024年12月31日", W5, "5", "the first deadline's own day: 5"),
    (HEADED, "2025年1月5日", W5, "3", "2024-12-31 < d ≤ 2025-03-31: 60% of 5 = 3"),
    (HEADED, "2025年3月31日", W5, "3", "the second deadline's own day: 3"),
    (HEADED, "2025年4月1日", W5, "0", "after 2025-03-31: the late band, 0"),
    (HEADED, "2025年3月31日前完成", W5, "3", "the band's own words: 3"),
    (HEADED, "12月1日", W5, REFUSE, "the rule states its years, the answer none (never invented, §88)"),
    # bare months: 8月底前 = 8月31日, 9月完成 the band by 9月30日, 10月及以后 the band after 9月30日
    (ONWARD, "8月31日", W5, "5", "on the first deadline: 5"),
    (ONWARD, "9月1日", W5, "3", "08-31 < 09-01 ≤ 09-30: 3"),
    (ONWARD, "9月30日", W5, "3", "all of September is 9月完成: 3"),
    (ONWARD, "10月1日", W5, "0", "October on: 0"),
    (ONWARD, "12月5日", W5, "0", "October on: 0"),
    (ONWARD, "9月完成", W5, "3", "the band's own words: 3"),
    (ONWARD, "2025年9月1日", W5, REFUSE, "no year anywhere: a date with one is refused (§88)"),
    (ONWARD, "2025年9月1日", {**W5, "target": "2025年8月31日前"}, "3", "the target's year 2025: 08-31 < 09-01 ≤ 09-30: 3"),
    (ONWARD, "2025年10月2日", {**W5, "target": "2025年8月31日前"}, "0", "after 2025-09-30: 0"),
    # the limit inside the failure's words: the answer is the count of complaints not answered within 24 hours
    (UNANSWERED, "0", W2, "2", "no such complaint: 2"),
    (UNANSWERED, "3", W2, "0.5", "3 × 0.5 = 1.5: 2 − 1.5 = 0.5"),
    (UNANSWERED, "3次", W2, "0.5", "the same with its counter"),
    (UNANSWERED, "5", W2, "0", "2 − 2.5 → 0"),
    (UNANSWERED, "30小时", W2, REFUSE, "a response time is no count of failures"),
]


@pytest.mark.parametrize(("rule", "answer", "kw", "want", "why"), CASES)
def test_deadline_shapes(rule: str, answer: str, kw: dict[str, object], want: str, why: str) -> None:
    scores_or_refuses(rule, answer, kw, want)


@pytest.mark.parametrize("text", [MONTHLY, BEHIND, NO_LATER, HEADED, ONWARD, UNANSWERED, "项目应于2025年6月底前完工，每滞后半个月扣0.5分"])
def test_round_trip(text: str) -> None:
    reads_back(text)


def test_the_readings_are_in_the_nodes() -> None:
    no_later = scoring.parse(NO_LATER)
    assert isinstance(no_later, scoring.Rule)
    req = no_later.clauses[0]
    assert isinstance(req, nodes.Requirement) and str(req.deadline) == "2025-05-31"
    step = no_later.clauses[1]
    assert isinstance(step, nodes.Deduction) and step.step is not None and str(step.step.value) == "0.5"
    headed = scoring.parse(HEADED)
    assert isinstance(headed, scoring.Rule)
    late = headed.awards[-1].condition
    assert isinstance(late, nodes.Label) and late.deadline is None and str(late.start) == "2025-03-31"
    onward = scoring.parse(ONWARD)
    assert isinstance(onward, scoring.Rule)
    labels = [a.condition for a in onward.awards]
    assert all(isinstance(c, nodes.Label) for c in labels)
    assert [str(c.deadline) for c in labels[:2]] == ["8月31日", "9月30日"]  # type: ignore[union-attr]
    assert labels[2].deadline is None and str(labels[2].start) == "9月30日"  # type: ignore[union-attr]
    unanswered = scoring.parse(UNANSWERED)
    assert isinstance(unanswered, scoring.Rule)
    need, each = unanswered.clauses
    assert isinstance(need, nodes.Requirement) and [str(q.value) + q.unit for q in need.terms] == ["24小时"]
    assert isinstance(each, nodes.Deduction) and each.kind is nodes.StepKind.EVENTS


@pytest.mark.parametrize(
    ("text", "code", "at"),
    [
        # how far behind in %: planned progress less actual, or the progress itself? not read (§98, §104)
        ("项目按计划进度完成得满分，进度滞后10%以内扣1分，滞后10%-20%扣2分，滞后20%以上不得分", "unread-number", "10"),
        # a cutoff after steps of lateness: how late and whether past 年底 are one answer, not read (§104)
        ("2025年6月底前完成招标，每滞后一个月扣0.5分；年底前仍未完成招标的不得分", "delay-cutoff", "年底前仍未完成招标"),
        # 10月以后: whether October is in it is not said (it read the band by 10月31日)
        ("8月底前完成招标的得5分，9月完成的得3分，10月以后完成的得1分", "date-band", "8"),
        # 3月及以后: the band after February's last day, which needs the year
        ("1月底前完成的得5分，2月完成的得3分，3月及以后完成的不得分", "date-band", "1"),
        # the limit in the failure's words without 的 closing them, or with no negation: not read
        ("受理投诉未在24小时内响应，一次扣0.5分", "unread-number", "24"),
        ("受理投诉在24小时内响应的，一次扣0.5分", "unread-number", "24"),
        # §98's refusal stands: 超过4小时 before 每次 (a start of steps per hour, or the event's name?)
        ("系统故障超过4小时未恢复的，每次扣0.5分", "unread-number", "4"),
        # a day of the month every month beside awards: no date (§80, §94)
        ("每月10日前报送得满分，迟报不得分", "date-band", "每"),
    ],
)
def test_refused(text: str, code: str, at: str) -> None:
    e = refusal(text)
    assert e.code == code
    assert text[e.pos :].startswith(at)
