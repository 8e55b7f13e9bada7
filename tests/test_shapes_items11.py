"""Checklists whose items each have their own graded outcomes (semantics §146): parts separated by ； read as the items
①②③ unwritten (dev-126), and `1月整理更新1次` read as how often where the item scores lateness in words (seed
s000-L1287).

Every expectation is computed by hand from the rule text and docs/semantics.md (§146, §61 on numbered items: each item
scored alone, the indicator scores their sum, capped by the weight).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

import scoring
from scoring.rules import nodes as n

DEV_126 = (
    "把上年结转的专项资金纳入本年度预算安排得 1 分;年初会同财政部门编制资金使用计划,计划编制比较完整得 3 分,"
    "年初单独编制资金使用计划得 2 分;本级财政预算安排就业补助资金高于上年专项资金决算数的 30%(包括 30%)得 4 分,"
    "高于上年专项资金决算数的 20%(包括 20%)得 3 分,高于上年专项资金决算数的 10%(包括 10%)得 2 分,"
    "高于上年专项资金决算数 10%以内的得 1 分。"
)
# variants in words of our own
MINE_ITEMS = (
    "建立资金管理制度得2分；按季度报送进度报告，报送完整得3分，报送不完整得1分；"
    "资金支出率达到90%(含90%)得5分，达到80%(含80%)得3分。"
)


def _points(text: str, actual: Any, weight: str) -> Decimal:
    return scoring.evaluate(text, actual, weight=weight, comparator="定性").points


def _code(text: str) -> str:
    with pytest.raises(scoring.RuleSyntaxError) as e:
        scoring.parse(text)
    return e.value.code


# ------------------------------------------------------------------ parts separated by ； as items


def test_parts_separated_by_semicolons_are_items_with_their_own_points() -> None:
    r = scoring.parse(DEV_126)
    assert isinstance(r, n.Composite)
    assert [(i.number, i.points) for i in r.items] == [(1, 1), (2, 3), (3, 4)]
    assert scoring.parse(scoring.render(r)) == r


@pytest.mark.parametrize(
    ("actual", "points"),
    [
        ({"1": "是", "2": "计划编制比较完整", "3": "35%"}, "8.00"),  # 1 + 3 + 4
        ({"1": "否", "2": "年初单独编制资金使用计划", "3": "15%"}, "4.00"),  # 0 + 2 + 2
        ({"1": "是", "2": "计划编制比较完整", "3": "20%"}, "7.00"),  # 1 + 3 + 3 (20% 包括)
        ({"1": "是", "2": "年初单独编制资金使用计划", "3": "5%"}, "4.00"),  # 1 + 2 + 1 (10%以内)
        ({"1": "否", "2": "计划编制比较完整", "3": "10%"}, "5.00"),  # 0 + 3 + 2 (10% 包括)
        ({"1": "是", "2": "年初单独编制资金使用计划", "3": "29.9%"}, "6.00"),  # 1 + 2 + 3
    ],
)
def test_dev_126_items_scored_alone_and_summed(actual: dict[str, str], points: str) -> None:
    assert _points(DEV_126, actual, "8") == Decimal(points)


@pytest.mark.parametrize(
    ("actual", "needs"),
    [
        ({"1": "是", "2": "计划编制比较完整"}, "第3项"),  # an item not answered
        ({"1": "是", "2": "优", "3": "10%"}, "计划编制比较完整"),  # no outcome of item 2
        ({"1": "5%", "2": "计划编制比较完整", "3": "10%"}, "是/否"),  # a number for a worded award
    ],
)
def test_an_item_missing_or_an_outcome_the_item_has_not_is_refused(actual: dict[str, str], needs: str) -> None:
    with pytest.raises(scoring.EvaluationError) as e:
        _points(DEV_126, actual, "8")
    assert needs in str(e.value)


@pytest.mark.parametrize(
    ("actual", "points"),
    [
        ({"1": "是", "2": "报送不完整", "3": "85%"}, "6.00"),  # 2 + 1 + 3
        ({"1": "否", "2": "报送完整", "3": "79%"}, "3.00"),  # 0 + 3 + 0 (below 80%: no band)
        ({"1": "是", "2": "报送完整", "3": "90%"}, "10.00"),  # 2 + 3 + 5
    ],
)
def test_items_in_other_words(actual: dict[str, str], points: str) -> None:
    r = scoring.parse(MINE_ITEMS)
    assert isinstance(r, n.Composite) and [i.points for i in r.items] == [2, 3, 5]
    assert _points(MINE_ITEMS, actual, "10") == Decimal(points)


@pytest.mark.parametrize(
    "text",
    [
        "工作完成优秀得10分；完成良好得8分；完成率达到90%得6分",  # grades of one thing in two parts: alternatives
        "全部完成得10分；基本完成得6分；完成率达到80%得4分",
        "纳入预算安排得1分；计划编制比较完整得3分；高于决算数的30%(包括30%)得4分；其他视情况扣分。",  # a part refused alone
        "纳入预算安排得1分，计划编制比较完整得3分，高于决算数的30%(包括30%)得4分。",  # no ； between the parts
    ],
)
def test_parts_that_are_not_items_keep_the_refusal(text: str) -> None:
    assert _code(text) == "several-things"
