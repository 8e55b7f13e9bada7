"""A base stated first, then bonuses (semantics §126): 基础分/基本分/基准分 N分 is the starting score, not an
item to answer; 就高计分 (and its synonyms) after two or more bonuses keeps only the largest that holds.
Expectations are worked out by hand from the texts and docs/semantics.md (§16, §106, §126)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

import scoring
from scoring.errors import EvaluationError, RuleSyntaxError
from scoring.rules.nodes import Award, Points, Rule


def _pts(text: str, answer: Any, weight: str, **kw: Any) -> Decimal:
    if isinstance(answer, dict):
        answer = {int(k): v for k, v in answer.items()}
    return scoring.evaluate(text, answer, weight=weight, **kw).points


# base 6 (基础分), three award levels, summed bonus cap 3 (§16 Rule.bonus_cap); weight 9 = 6 + 3
THREE = "基础分6分；获国家级奖励的加3分，获省级奖励的加2分，获市级奖励的加1分，加分最高不超过3分"


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ({"1": "是", "2": "是", "3": "否"}, "9"),  # 6 + min(3 + 2, 3)
        ({"1": "否", "2": "否", "3": "是"}, "7"),  # 6 + 1
        ({"1": "否", "2": "否", "3": "否"}, "6"),  # the base alone
        ({"1": "否", "2": "是", "3": "是"}, "9"),  # 6 + min(2 + 1, 3)
    ],
)
def test_base_then_bonuses_summed_under_a_cap(answer: dict[str, str], expected: str) -> None:
    assert _pts(THREE, answer, "9") == Decimal(expected)


def test_base_is_an_unconditioned_award_not_an_item() -> None:
    for word in ("基础分", "基本分", "基准分"):
        rule = scoring.parse(f"{word}6分；获国家级奖励的加3分，获省级奖励的加2分")
        assert isinstance(rule, Rule)
        assert rule.awards == (Award(condition=None, outcome=Points(Decimal(6))),)
        assert len(rule.bonuses) == 2


def test_base_with_a_step_bonus_on_a_count() -> None:
    text = "基准分5分，每多开展1次宣传活动加0.5分，最多加2分"
    kw = {"target": "4", "comparator": "≥", "unit": "次"}
    assert _pts(text, "6", "7", **kw) == Decimal("6")  # 5 + 2 × 0.5
    assert _pts(text, "10", "7", **kw) == Decimal("7")  # 5 + min(6 × 0.5, 2)
    assert _pts(text, "4", "7", **kw) == Decimal("5")  # at the target: the base


def test_bonuses_lift_above_the_weight_by_what_they_add() -> None:
    # §16: the score may exceed the weight by exactly what the stated bonuses add; the stated cap (2) bites, the
    # weight (8, the base) does not
    text = "基本分8分；获得全国文明单位称号的加2分，获得省级文明单位称号的加1分，加分最高不超过2分"
    assert _pts(text, {"1": "是", "2": "是"}, "8") == Decimal("10")  # 8 + min(3, 2)
    assert _pts(text, {"1": "否", "2": "是"}, "8") == Decimal("9")


HIGHEST = "基本分7分。获评国家级先进的加3分，获评省级先进的加2分，获评市级先进的加1分，就高不就低"


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ({"1": "是", "2": "是", "3": "是"}, "10"),  # 7 + max(3, 2, 1); the sum would be 13
        ({"1": "否", "2": "是", "3": "是"}, "9"),  # 7 + max(2, 1)
        ({"1": "否", "2": "否", "3": "是"}, "8"),  # 7 + 1
        ({"1": "否", "2": "否", "3": "否"}, "7"),
    ],
)
def test_highest_of_the_bonuses_that_hold(answer: dict[str, str], expected: str) -> None:
    assert _pts(HIGHEST, answer, "10") == Decimal(expected)


BRACKETED = "基础分4分；认定为省级示范点的加2分，认定为市级示范点的加1分（按最高一项计分）"


def test_highest_in_brackets_after_the_last_bonus() -> None:
    rule = scoring.parse(BRACKETED)
    assert isinstance(rule, Rule) and rule.bonus_highest
    assert _pts(BRACKETED, {"1": "是", "2": "是"}, "6") == Decimal("6")  # 4 + max(2, 1), not 4 + 3
    assert _pts(BRACKETED, {"1": "否", "2": "是"}, "6") == Decimal("5")
    assert _pts(BRACKETED, {"1": "否", "2": "否"}, "6") == Decimal("4")


def test_highest_under_a_stated_cap() -> None:
    # only the largest, then the rule's cap on it: 5 + min(max(3, 1), 2)
    text = "基本分5分，获得省级荣誉的加3分，获得市级荣誉的加1分，不重复加分，加分最高不超过2分"
    assert _pts(text, {"1": "是", "2": "是"}, "7") == Decimal("7")
    assert _pts(text, {"1": "否", "2": "是"}, "7") == Decimal("6")


def test_highest_is_shown_in_the_render_and_round_trips() -> None:
    for text in (HIGHEST, BRACKETED, "基本分10分。列入省级示范县的加3分，列入市级示范的加1分（就高计分，不重复加分）"):
        rule = scoring.parse(text)
        shown = scoring.render(rule)
        assert "就高计分" in shown
        assert scoring.parse(shown) == rule


def test_highest_changes_the_reading() -> None:
    summed = scoring.parse("基本分7分。获评国家级先进的加3分，获评省级先进的加2分，获评市级先进的加1分")
    assert isinstance(summed, Rule) and not summed.bonus_highest
    assert _pts(summed, {1: "是", 2: "是", 3: "是"}, "13") == Decimal("13")  # no 就高: the sum, 7 + 6


@pytest.mark.parametrize(
    "text",
    [
        "基本分5分，获得表彰的加1分，就高计分",  # one bonus: nothing to take the highest of
        "基本分5分，就高计分",  # no bonus at all
        "完成得满分，每低1个百分点扣1分，就高不就低",  # deductions are not a bonus list
    ],
)
def test_highest_without_a_list_of_bonuses_is_refused(text: str) -> None:
    with pytest.raises(RuleSyntaxError) as e:
        scoring.parse(text)
    assert e.value.code == "highest-without-bonuses"


def test_base_above_the_weight_is_refused() -> None:
    # §126: the bonuses may lift the score above the weight, the stated base may not; which is wrong is not written
    text = "基本分12分；获得国家级表彰的加2分，获得省级表彰的加1分"
    with pytest.raises(EvaluationError, match="基本分12分高于本项分值10分"):
        _pts(text, {"1": "是", "2": "否"}, "10")
    assert _pts(text, {"1": "是", "2": "否"}, "12") == Decimal("14")  # within its weight: 12 + 2
