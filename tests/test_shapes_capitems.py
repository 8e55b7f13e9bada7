"""A count above the items a rule states (共N项) or lists (numbered items before 每完成1项得N分) is refused, not
capped (semantics §150). Expectations computed by hand from the rule texts."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

import scoring

# 每开展1项专项活动得3分，共4项 on a weight of 12: 3 points per activity, four in all
STATED = "每开展1项专项活动得3分，共4项"
# 本项包括3项重点工作，每完成1项得2分 on a weight of 6: the count stated first (§97)
STATED_FIRST = "本项包括3项重点工作，每完成1项得2分"
# three numbered items of words, then 2 points per item done, weight 6
LISTED = "①建立工作台账；②落实专人负责；③按月报送进度。每完成1项得2分"
# five items numbered 1. … 5., 1 point each, weight 5
LISTED_DOTS = "1.制定方案；2.组织实施；3.总结评估；4.整改落实；5.资料归档。每完成1项得1分"


def _points(text: str, actual: Any, weight: str) -> Decimal:
    return scoring.evaluate(text, actual, weight=weight).points


@pytest.mark.parametrize(
    ("text", "weight", "actual", "want"),
    [
        (STATED, "12", "2", "6"),  # 2 × 3
        (STATED, "12", "4", "12"),  # 4 × 3, all four
        (STATED, "12", "0", "0"),
        (STATED_FIRST, "6", "1", "2"),  # 1 × 2
        (STATED_FIRST, "6", "3", "6"),  # 3 × 2
        (LISTED, "6", "2", "4"),  # 2 × 2
        (LISTED, "6", "3项", "6"),  # 3 × 2
        (LISTED, "6", {1: "是", 2: "否", 3: "是"}, "4"),  # two 是 × 2
        (LISTED, "6", {1: "否", 2: "否", 3: "否"}, "0"),
        (LISTED_DOTS, "5", "5", "5"),  # 5 × 1
        (LISTED_DOTS, "5", "2", "2"),  # 2 × 1
    ],
)
def test_counts_within_the_items_score(text: str, weight: str, actual: Any, want: str) -> None:
    assert _points(text, actual, weight) == Decimal(want)


@pytest.mark.parametrize(
    ("text", "weight", "actual", "listed"),
    [
        (STATED, "12", "5", "4项"),  # 5 of four activities cannot be; it scored the cap, 12
        (STATED, "12", "9项", "4项"),
        (STATED_FIRST, "6", "4", "3项"),
        (LISTED, "6", "4", "3项"),  # it scored 6 (4 × 2 = 8, capped at the weight)
        (LISTED_DOTS, "5", "6", "5项"),
    ],
)
def test_counts_above_the_items_are_refused(text: str, weight: str, actual: Any, listed: str) -> None:
    with pytest.raises(scoring.ScoringError) as e:
        _points(text, actual, weight)
    assert f"只列了{listed}" in str(e.value)


def test_an_item_number_beyond_the_list_is_refused() -> None:
    with pytest.raises(scoring.ScoringError) as e:
        _points(LISTED, {1: "是", 2: "是", 3: "是", 4: "是"}, "6")
    assert "只列了3项" in str(e.value) and "第4项" in str(e.value)


def test_item_answers_are_yes_or_no() -> None:
    with pytest.raises(scoring.ScoringError, match="是/否"):
        _points(LISTED, {1: "是", 2: "否", 3: "2"}, "6")


def test_a_missing_item_is_refused() -> None:
    with pytest.raises(scoring.ScoringError, match="缺少第3项"):
        _points(LISTED, {1: "是", 2: "否"}, "6")


def test_the_item_count_is_in_the_rule_and_round_trips() -> None:
    for text, items, cap in ((STATED, 4, 12), (STATED_FIRST, 3, 6), (LISTED, 3, 6), (LISTED_DOTS, 5, 5)):
        rule = scoring.parse(text)
        assert isinstance(rule, scoring.Rule)
        d = rule.deductions[-1]
        assert d.items == items and d.cap == cap, text
        shown = scoring.render(rule)
        assert f"共{items}项" in shown
        assert scoring.parse(shown) == rule


@pytest.mark.parametrize(
    ("text", "weight", "actual", "want"),
    [
        # caps on points are not counts of items: a count above them is capped as before
        ("每发表1篇论文得1分，最多得3分", "3", "5", "3"),  # 5 × 1 = 5, capped at 3
        ("每完成1项得2分，最多加6分", "6", "5", "6"),  # 5 × 2 = 10, capped at 6
        ("每完成1项得2分", "6", "5", "6"),  # no items stated: 10, capped at the weight
    ],
)
def test_point_caps_stay_caps(text: str, weight: str, actual: Any, want: str) -> None:
    assert _points(text, actual, weight) == Decimal(want)
    rule = scoring.parse(text)
    assert isinstance(rule, scoring.Rule) and rule.deductions[-1].items is None


def test_numbered_items_of_points_keep_their_count_check() -> None:
    # ①…（2分）×3 with 每完成1项取得该项分数 (§81, §86): 4 of three items was already refused
    text = "①a（2分）；②b（2分）；③c（2分）。每完成1项取得该项分数"
    assert _points(text, "3", "6") == Decimal(6)  # 3 × 2
    with pytest.raises(scoring.ScoringError, match="0至3"):
        _points(text, "4", "6")
