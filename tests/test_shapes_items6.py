"""Numbered grade words read as one rule of alternatives; a failure inside an item worded by a listed pair of
phrases read with the item's one answer (semantics §121). Hand scores from the rule text."""

from __future__ import annotations

import pytest

import scoring
from tests import shape_cases
from tests.shape_cases import REFUSE, Case, scores_or_refuses

GRADES = "（1）优秀得10分；（2）良好得8分；（3）合格得6分；（4）不合格不得分"
GOOD = "①好（5分）②较好（3分）③差（0分）"
ACCEPT = "①按时制定实施方案得2分；②工程质量验收合格得3分，未通过验收的本项不得分"
TRUE = "数据真实准确得满分；弄虚作假的，一经查实，本项得0分"

CASES: list[Case] = [
    # grades of one thing: one applies (domain point 17); 是 is the best clause, 否 the worst written (§10)
    (GRADES, "良好", {"weight": 10}, "8"),
    (GRADES, "不合格", {"weight": 10}, "0"),
    (GRADES, "优秀", {"weight": 10}, "10"),
    (GRADES, "合格", {"weight": 10}, "6"),
    (GRADES, "是", {"weight": 10}, "10"),
    (GOOD, "较好", {"weight": 5}, "3"),
    (GOOD, "差", {"weight": 5}, "0"),
    (GOOD, "是", {"weight": 5}, "5"),
    # 验收合格 = 通过验收: item 2's veto is its own failure, one answer for the item
    (ACCEPT, {1: "是", 2: "是"}, {"weight": 5}, "5"),
    (ACCEPT, {1: "是", 2: "否"}, {"weight": 5}, "2"),
    (ACCEPT, {1: "否", 2: "是"}, {"weight": 5}, "3"),
    (ACCEPT, {1: "是", 2: "未通过验收"}, {"weight": 5}, "2"),
    # 弄虚作假 is the failure of 真实准确
    (TRUE, "是", {"weight": 5}, "5"),
    (TRUE, "否", {"weight": 5}, "0"),
    (TRUE, "弄虚作假", {"weight": 5}, "0"),
]

test_hand_cases, test_compiled_agrees, test_round_trip = shape_cases.checks(CASES)


STAY: list[Case] = [
    (GRADES, {1: "是", 2: "否"}, {"weight": 10}, REFUSE),  # one grade answers, not items
    (GRADES, "较好", {"weight": 10}, REFUSE),  # no such grade
    (GRADES, "良好", {"weight": 5}, REFUSE),  # 优秀得10分 above the weight
    # different things stay a checklist: one answer per item
    ("①制定方案（2分）②组织实施（3分）", "是", {"weight": 5}, REFUSE),
    # a veto on something not listed as the award's failure stays its own input
    ("①按时制定实施方案得2分；②工程质量验收合格得3分，发生安全事故的本项不得分", {1: "是", 2: "是"}, {"weight": 5}, REFUSE),
    # the pair is matched exactly, never inside other words: 未通过验收评审 is not 未通过验收
    ("①按时制定实施方案得2分；②工程质量验收合格得3分，未通过验收评审的本项不得分", {1: "是", 2: "是"}, {"weight": 5}, REFUSE),
    ("数据真实准确得满分；数据弄虚作假骗取资金的，本项得0分", "是", {"weight": 5}, REFUSE),
]


@pytest.mark.parametrize(("text", "actual", "kw", "want"), STAY)
def test_refusals_stay(text: str, actual: object, kw: dict[str, object], want: str) -> None:
    scores_or_refuses(text, actual, kw, want)


def test_checklist_stays_items() -> None:
    assert scoring.evaluate("①制定方案（2分）②组织实施（3分）", {1: "是", 2: "否"}, weight=5).points == 2


@pytest.mark.parametrize(
    "text",
    [
        "（1）优秀得10分；（2）良好得8分；（3）良好得6分",  # a grade twice
        "（1）优秀得6分；（2）良好得8分",  # points rising
        "（1）优秀得10分；（2）资料齐全得8分",  # not a grade word alone
    ],
)
def test_not_grades_stay_items(text: str) -> None:
    from scoring.rules.nodes import Composite

    assert isinstance(scoring.parse(text), Composite)
