"""Exact delays closed by 的 before 扣N分 (滞后1个月的扣1.5分), one exact delay beside a band opening at the next whole
unit, and two exact delays refused as tier-or-step only once they are not read as bands (semantics §138; twelfth
probe G13). Hand scores from the text: a band at exactly N, the weight less its points; ≥N where 以上/及以上 is
written; a delay between stated ones is in no band (a gap, 0, §1 / §108); 0 (on time) and a delay before the first
band lose nothing."""

from __future__ import annotations

from decimal import Decimal

import shape_cases

import scoring
from scoring.rules import nodes

W6 = {"weight": 6}
W10 = {"weight": 10}
W5 = {"weight": 5}
DAYS = "逾期3天的扣1分，逾期7天的扣3分，逾期15天以上的不得分"
WEEKS = "工程延期1周的扣1分，延期2周的扣3分，延期3周及以上的得0分"
MONTHS = "按期完成得满分，超期1个月的扣2分，超期2个月的扣5分，超期3个月及以上的不得分"
ONE_AND_BAND = "项目延期1个月的扣1分，延期2个月以上的不得分"

CASES: list[shape_cases.Case] = [
    # DAYS, weight 10: exactly 3 days → 10 − 1; exactly 7 → 10 − 3; 15 and more → 0
    (DAYS, "0", W10, "10"),
    (DAYS, "3", W10, "9"),
    (DAYS, "3天", W10, "9"),
    (DAYS, "7", W10, "7"),
    (DAYS, "15", W10, "0"),
    (DAYS, "20天", W10, "0"),
    (DAYS, "2", W10, "10"),  # before the first band: nothing lost
    (DAYS, "5", W10, "0"),  # between 3 and 7 days: in no band, a gap (0)
    # WEEKS, weight 5: 1周 → 4, 2周 → 2, 3周 → 0
    (WEEKS, "1", W5, "4"),
    (WEEKS, "2周", W5, "2"),
    (WEEKS, "3", W5, "0"),
    (WEEKS, "1.5", W5, "0"),  # a gap
    # MONTHS with the on-time clause, weight 10: on time → 10, 1 → 8, 2 → 5, 4 → 0
    (MONTHS, "0", W10, "10"),
    (MONTHS, "1", W10, "8"),
    (MONTHS, "2个月", W10, "5"),
    (MONTHS, "4", W10, "0"),
    (MONTHS, "是", W10, "10"),  # the on-time words met
    # one exact delay, then a band from the next month, weight 6: 1 → 5, 2 and more → 0
    (ONE_AND_BAND, "0", W6, "6"),
    (ONE_AND_BAND, "1", W6, "5"),
    (ONE_AND_BAND, "2", W6, "0"),
    (ONE_AND_BAND, "5个月", W6, "0"),
    (ONE_AND_BAND, "1.5", W6, "0"),  # between 1个月 and 2个月以上: a gap
    (ONE_AND_BAND, "15天", W6, "6"),  # under a month however long a month is (§116): before the first band
    (ONE_AND_BAND, "否", W6, shape_cases.REFUSE),  # late, but by how much? (§80)
    (ONE_AND_BAND, {1: "1", 2: "0"}, W6, shape_cases.REFUSE),  # one delay, not two events
]

test_hand_cases, test_compiled_agrees, test_round_trip = shape_cases.checks(
    [c for c in CASES if c[3] != shape_cases.REFUSE]
)


def test_refusals() -> None:
    for text, actual, kw, want in CASES:
        if want == shape_cases.REFUSE:
            shape_cases.scores_or_refuses(text, actual, kw, want)


def test_the_probe_rule_is_one_delay() -> None:
    # twelfth probe G13, weight 6: 0 → 6, 1 → 4.5, 2个月 → 2, 4 → 0, 1.5 → 0 (a gap)
    text = "建设进度滞后1个月的扣1.5分，滞后2个月的扣4分，滞后3个月及以上的不得分"
    for actual, want in (("0", "6"), ("1", "4.5"), ("2个月", "2"), ("4", "0"), ("1.5", "0"), ("3", "0")):
        shape_cases.scores_or_refuses(text, actual, W6, want)
    shape_cases.reads_back(text)
    # without the last band the two are still bands of one delay: {1: .., 2: ..} is not asked
    two = "建设进度滞后1个月的扣1.5分，滞后2个月的扣4分"
    rule = scoring.parse(two)
    assert isinstance(rule, nodes.Rule) and not rule.deductions
    shape_cases.scores_or_refuses(two, "2", W6, "2")  # 6 − 4, not 6 − 2 × 1.5
    shape_cases.scores_or_refuses(two, {1: "2", 2: "0"}, W6, shape_cases.REFUSE)


def test_counted_events_and_steps_are_unchanged() -> None:
    # 1例不符扣0.5分: per case; 每滞后1个月扣1分: per month; 迟报1天扣0.5分 alone: per day
    assert scoring.evaluate("1例不符扣0.5分", "3", weight=5).points == Decimal("3.5")
    assert scoring.evaluate("每滞后1个月扣1分", "3", weight=5).points == Decimal(2)
    assert scoring.evaluate("迟报1天的扣0.5分", "3", weight=5).points == Decimal("3.5")
    # a band not at the next whole unit leaves the lone clause a step: 2 days late loses 2
    assert scoring.evaluate("延期1天扣1分，延期3天以上不得分", "2", weight=5).points == Decimal(3)


def test_exact_delays_in_proportion_or_awarded_are_refused() -> None:
    # 1天 → 1, 2天 → 2: tiers or steps? (§35) — still refused, with 的 too
    assert shape_cases.refusal("逾期1天的扣1分，逾期2天的扣2分").code == "tier-or-step"
    assert shape_cases.refusal("按进度完成得满分，滞后1个月扣1分，滞后2个月扣2分，滞后3个月以上不得分").code == "tier-or-step"
    # 超期1个月的得4分: read as ≥1个月, the next band unreachable: refused, not guessed (left)
    shape_cases.refusal("超期1个月的得4分，超期2个月的得2分，超期3个月以上的不得分")
