"""Checklists whose items share their points (issue 11, semantics §61): `每项各N分` closing a numbered list,
a closing bracket that no bracket opened (PDF text), and `查看账目` as an evidence remark.

Every expectation is computed by hand from the rule text and docs/semantics.md §61.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

import scoring
from scoring.rules import nodes as n
from scoring.text.normalize import normalize


def _points(text: str, actual: Any, weight: str) -> Decimal:
    return scoring.evaluate(scoring.parse(text), actual, weight=Decimal(weight)).points


def _code(text: str) -> str:
    with pytest.raises(scoring.RuleSyntaxError) as e:
        scoring.parse(text)
    return e.value.code


# ------------------------------------------------------------------ a stray closing bracket


def test_a_closing_bracket_that_ends_the_text_with_no_opener_is_dropped_and_shown() -> None:
    got = normalize("有场所得2分)")
    assert got.text == "有场所得2分"
    assert [(c.kind, c.before, c.after) for c in got.changes] == [("stray-bracket", ")", "")]
    assert "右括号" in got.describe()


@pytest.mark.parametrize("text", ["(有场所)得2分", "有场所（含办公室）得2分", "有场所)得2分，否则不得分"])
def test_balanced_brackets_and_a_closer_inside_the_text_are_left(text: str) -> None:
    assert normalize(text).text == text


def test_stray_bracket_is_a_fixpoint() -> None:
    once = normalize("(1)A得1分;(2)B得1分))。").text
    assert once == "(1)A得1分;(2)B得1分。"
    assert normalize(once).text == once


# ------------------------------------------------------------------ 每项各N分 closing a numbered list

THREE = "(1)建立管理制度;(2)成立工作小组;(3)开展业务培训每项各2分"


@pytest.mark.parametrize(
    ("actual", "points"),
    [
        ({1: "是", 2: "是", 3: "是"}, "6.00"),  # 2 + 2 + 2
        ({1: "是", 2: "否", 3: "是"}, "4.00"),  # 2 + 0 + 2
        ({1: "否", 2: "否", 3: "否"}, "0.00"),  # none done
    ],
)
def test_each_item_gives_every_item_its_points(actual: dict[int, str], points: str) -> None:
    assert _points(THREE, actual, "6") == Decimal(points)


def test_each_item_reads_as_the_checklist_written_out() -> None:
    """(1)A;(2)B每项均3分 is (1)A得3分;(2)B得3分 with 每完成1项取得该项分数 (每项: per item, §97): the same
    node, and it reads back."""
    rule = scoring.parse("(1)有独立场所;(2)设备齐全每项均3分")
    assert rule == scoring.parse("(1)有独立场所得3分;(2)设备齐全得3分。每完成1项取得该项分数")
    assert isinstance(rule, n.Composite)
    assert [i.points for i in rule.items] == [Decimal(3), Decimal(3)]
    assert scoring.parse(scoring.render(rule)) == rule
    # weight 6: one done → 3
    assert _points("(1)有独立场所;(2)设备齐全每项均3分", {1: "否", 2: "是"}, "6") == Decimal("3.00")


def test_each_item_takes_one_answer_per_item() -> None:
    """One 是 for the whole list is refused: each item is a thing of its own (domain point 20)."""
    with pytest.raises(scoring.ScoringError):
        scoring.evaluate(scoring.parse(THREE), "是", weight=Decimal(6))


@pytest.mark.parametrize(
    "text",
    [
        "有独立的办公场所每项各2.5分",  # no list: which items?
        "(1)有场所得2分;(2)有队伍每项各2.5分",  # item 1 has points of its own
        "(1)有场所每项各2分;(2)有队伍",  # not closing the list
    ],
)
def test_each_item_elsewhere_is_refused(text: str) -> None:
    assert _code(text) == "each-item"


def test_an_item_with_a_line_reads_as_written_out() -> None:
    """(1)合格率100%;(2)有队伍每项各2分 is (1)合格率100%得2分;(2)有队伍得2分: item 1 a band on its rate."""
    rule = scoring.parse("(1)合格率100%;(2)有队伍每项各2分")
    assert rule == scoring.parse("(1)合格率100%得2分;(2)有队伍得2分")
    # weight 4: 100% → 2, and 有队伍 → 2; 95% → 0 (below the line), and 有队伍 → 2
    assert _points("(1)合格率100%;(2)有队伍每项各2分", {1: "100%", 2: "是"}, "4") == Decimal("4.00")
    assert _points("(1)合格率100%;(2)有队伍每项各2分", {1: "95%", 2: "是"}, "4") == Decimal("2.00")


def test_dev_158_reads_four_items_of_2_5() -> None:
    text = "(1)有独立的办公场所;(2)办公设备齐全;(3)按人口比例确定工作人员; (4 )有一支村居民政信息员队伍每项各2.5分)"
    rule = scoring.parse(text)
    assert isinstance(rule, n.Composite)
    assert [i.points for i in rule.items] == [Decimal("2.5")] * 4
    # weight 10: items 1, 3 and 4 → 7.5
    assert _points(text, {1: "是", 2: "否", 3: "是", 4: "是"}, "10") == Decimal("7.50")


# ------------------------------------------------------------------ 查看账目: an evidence remark


def test_checking_the_accounts_is_a_remark() -> None:
    assert scoring.parse("文书档案规范得4分，受举报被查处的不计分查看账目") == scoring.parse(
        "文书档案规范得4分，受举报被查处的不计分"
    )


def test_checking_words_inside_a_label_stay_words() -> None:
    """检查资料齐全得2分: 检查资料 is the thing required, not a remark (no points right before it)."""
    rule = scoring.parse("检查资料齐全得2分")
    assert isinstance(rule, n.Rule)
    award = rule.clauses[0]
    assert isinstance(award, n.Award) and isinstance(award.condition, n.Label)
    assert award.condition.text == "检查资料齐全"


def test_an_item_with_a_zero_and_a_remark_after_an_unbalanced_bracket() -> None:
    """(2)资料齐全4分,被查处的不计分查看台账): item 2 is 4 points met, 0 not (its worst clause, §10)."""
    text = "(1)制度健全6分;(2)资料齐全4分,被查处的不计分查看台账)"
    assert _points(text, {1: "是", 2: "是"}, "10") == Decimal("10.00")  # 6 + 4
    assert _points(text, {1: "是", 2: "否"}, "10") == Decimal("6.00")  # 6 + 0
    assert _points(text, {1: "否", 2: "是"}, "10") == Decimal("4.00")  # 0 + 4
