"""Lists beside other clauses (semantics §110): awards listed with 、 closed by a hand deduction of the things
not done (dev-119). Every expected score is computed by hand from the text."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
import shape_cases

import scoring

ITEM = "提前开展项目立项等前期手续办理的得2分、及时开展融资贷款工作的得2分,未开展相关工作的视情况扣分。"
DEV119 = ("1.及时将目标任务分解到具体项目,所报项目符合棚户区界定标准得2分,存在不符合标准的,1个项目扣1分,直至扣完。 2."
          + ITEM)  # fmt: skip
SEMI = "印制宣传手册得1分；举办培训班得2分；未开展的酌情扣分"

CASES: list[shape_cases.Case] = [
    # each thing its own 是/否; all done: the points of both, no hand score
    (ITEM, {1: "是", 2: "是"}, {"weight": 4}, "4.00"),  # 2 + 2
    (ITEM, {"1": "是", "2": "是"}, {"weight": 4}, "4.00"),
    (SEMI, {1: "是", 2: "是"}, {"weight": 3}, "3.00"),  # 1 + 2
    # inside a numbered item: the item is worth the things' sum (2 + 2), item 1 per project not meeting the standard
    (DEV119, {"1": "0", "2": {"1": "是", "2": "是"}}, {"weight": 6}, "6.00"),  # 2 + 4
    (DEV119, {"1": "1", "2": {"1": "是", "2": "是"}}, {"weight": 6}, "5.00"),  # (2 − 1) + 4
]
test_hand_cases, test_compiled_agrees, test_round_trip = shape_cases.checks(CASES)


def _bounds(text: str, actual: Any, weight: int) -> tuple[Decimal, Decimal]:
    with pytest.raises(scoring.EvaluationError) as e:
        scoring.evaluate(text, actual, weight=weight)
    return e.value.low, e.value.high  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "actual", "weight", "low", "high"),
    [
        (ITEM, {1: "是", 2: "否"}, 4, "2", "4"),  # 2 + [0, 2]
        (ITEM, {1: "否", 2: "否"}, 4, "0", "4"),  # [0, 2] + [0, 2]
        (SEMI, {1: "否", 2: "是"}, 3, "2", "3"),  # [0, 1] + 2
        (DEV119, {"1": "0", "2": {"1": "否", "2": "否"}}, 6, "2", "6"),  # 2 + [0, 4]
        (DEV119, {"1": "2", "2": {"1": "否", "2": "是"}}, 6, "2", "4"),  # 0 + [0, 2] + 2
    ],
)
def test_things_not_done_are_scored_by_hand_within_their_points(
    text: str, actual: Any, weight: int, low: str, high: str
) -> None:
    assert _bounds(text, actual, weight) == (Decimal(low), Decimal(high))


def test_deduction_range_picks_an_end() -> None:
    rule = scoring.parse(ITEM)
    for choice, want in (("min", "4.00"), ("max", "2.00"), ("mid", "3.00")):  # 2 + (2 | 0 | 1)
        assert scoring.evaluate(rule, {1: "是", 2: "否"}, weight=4, deduction_range=choice).points == Decimal(want)


@pytest.mark.parametrize("answer", ["是", "否", "4", {1: "是"}, {1: "是", 2: "3"}])
def test_one_answer_or_a_wrong_one_is_refused(answer: Any) -> None:
    """One 是 is never copied to both things (domain point 20); each thing needs 是/否."""
    with pytest.raises(scoring.EvaluationError):
        scoring.evaluate(ITEM, answer, weight=4)


@pytest.mark.parametrize(
    "text",
    [
        # a fixed deduction: once, or once per thing not done? not written
        "提前开展项目立项的得2分、及时开展融资贷款工作的得2分,未开展相关工作的扣1分",
        # an award by hand, not a deduction: what the things done score beside it is not written
        "提前开展项目立项的得2分、及时开展融资贷款工作的得2分,未开展相关工作的酌情评分",
        # a range of its own: per thing or for all?
        "提前开展项目立项的得2分、及时开展融资贷款工作的得2分,未开展相关工作的扣1-2分",
    ],
)
def test_other_clauses_beside_listed_awards_stay_refused(text: str) -> None:
    e = shape_cases.refusal(text)
    assert e.code == "checklist-with-other"
    assert e.pos == text.index("、")
