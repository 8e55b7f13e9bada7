"""A base and bonuses answered by one 是/否 (semantics §131, §126, §106, §16). The base is no question; the one
bonus's 是 means it was earned (base + bonus), 否 that it was not (the base). Expectations are worked out by hand
from the texts and docs/semantics.md; none is copied from the program."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

import scoring
from scoring.errors import EvaluationError


def _pts(text: str, answer: Any, weight: str, **kw: Any) -> Decimal:
    return scoring.evaluate(text, answer, weight=weight, **kw).points


# base 7, one once-bonus of 1.5 (weight 7 or 9: the bonus may lift the score above the weight, §16)
ONE = "基本分7分；被评为省级示范单位的加1.5分"


@pytest.mark.parametrize("weight", ["7", "9"])
@pytest.mark.parametrize(("answer", "expected"), [("是", "8.5"), ("否", "7"), ({1: "是"}, "8.5"), ({1: "否"}, "7")])
def test_one_bonus_answered_by_one_flag(weight: str, answer: Any, expected: str) -> None:
    assert _pts(ONE, answer, weight) == Decimal(expected)  # 是: 7 + 1.5; 否: 7


def test_one_bonus_base_above_weight_is_refused() -> None:
    # 基础分9分 on a weight of 6 beside a bonus: refused whatever the answer (§126), no longer capped to 6
    for answer in ("是", "否", {1: "是"}, {1: "否"}):
        with pytest.raises(EvaluationError, match="高于本项分值"):
            _pts("基础分9分；获得市级以上荣誉的加1分", answer, "6")


def test_a_count_on_a_once_bonus_says_it_is_a_bonus() -> None:
    with pytest.raises(EvaluationError) as e:
        _pts("基本分7分；获得省级示范单位称号的加1.5分", "1", "7")  # 获得 names no event: a count is refused (§125)
    msg = str(e.value)
    assert "是＝有，加分" in msg and "按次数加分" in msg
    assert "没有这种情形" not in msg and "扣分" not in msg


def test_two_bonuses_one_flag_is_refused_naming_both() -> None:
    text = "基准分5分；获得国家级奖项的加3分，获得省级奖项的加1分"
    for answer in ("是", "否"):
        with pytest.raises(EvaluationError) as e:
            _pts(text, answer, "5")
        assert "获得国家级奖项" in str(e.value) and "获得省级奖项" in str(e.value)
    assert _pts(text, {1: "否", 2: "是"}, "5") == Decimal("6")  # 5 + 1
    assert _pts(text, {1: "是", 2: "是"}, "5") == Decimal("9")  # 5 + 3 + 1, no cap stated


STEP = "基本分4分，每获得1项县级以上奖励加0.5分，最多加1.5分"


@pytest.mark.parametrize(
    ("answer", "expected"),
    [("0", "4"), ("1", "4.5"), ("2", "5"), ("3", "5.5"), ("5", "5.5"), ("否", "4"), ({1: "2"}, "5")],
)
def test_base_and_a_per_step_bonus_on_a_count(answer: Any, expected: str) -> None:
    # 4 + n × 0.5, at most 1.5; 否 = none won
    assert _pts(STEP, answer, "4") == Decimal(expected)


@pytest.mark.parametrize("answer", ["是", {1: "是"}])
def test_base_and_a_capped_per_step_bonus_refuses_yes(answer: Any) -> None:
    # 是 says some were won, not how many (1, 2 or 3 steps under the cap): it added one step
    with pytest.raises(EvaluationError, match="需要填写数量"):
        _pts(STEP, answer, "4")


BAND = "达标率100%得满分；获得部级表彰的加2分"
BAND_ROW = {"target": "100%", "comparator": "≥", "unit": "%"}


def test_a_bonus_beside_a_numeric_band() -> None:
    assert _pts(BAND, {"实际值": "100%", 1: "是"}, "6", **BAND_ROW) == Decimal("8")  # 6 + 2
    assert _pts(BAND, {"实际值": "100%", 1: "否"}, "6", **BAND_ROW) == Decimal("6")
    for answer in ("是", "否", "1", {1: "是"}):  # one answer cannot be the value and the bonus
        with pytest.raises(EvaluationError):
            _pts(BAND, answer, "6", **BAND_ROW)


def test_yes_on_a_met_target_with_a_bonus_over_it_is_refused() -> None:
    # 是 says 完成, not by how much it was passed: the bonus 每超1%加0.5分 is unknown (it scored 5, dropped)
    with pytest.raises(EvaluationError, match="加几分"):
        _pts("完成得满分，每超1%加0.5分", "是", "5", target="100%", comparator="≥", unit="%")


# The sweep: every score given must be the hand value; anything else must be a refusal.
# (text, weight, {answer: hand points or None where a refusal is the only honest answer})
SWEEP: list[tuple[str, str, dict[str, str | None]]] = [
    ("基本分8分；获得国家级表彰的加2分", "8", {"是": "10", "否": "8", "0": "8", "1": "10", "2": "10", "{1:是}": "10"}),  # a count of honours, once (§149)
    ("基本分8分；获得国家级表彰的加2分", "10", {"是": "10", "否": "8", "0": "8", "1": "10", "2": "10", "{1:是}": "10"}),  # a count of honours, once (§149)
    ("基础分3分，获得优秀等次的加0.5分", "3", {"是": "3.5", "否": "3", "0": None, "1": None, "2": None, "{1:是}": "3.5"}),
    ("基本分12分；获得国家级表彰的加2分", "10", {k: None for k in ("是", "否", "0", "1", "2", "{1:是}")}),
    ("基本分6分；获得国家级表彰的加2分，获得省级表彰的加1分", "6",
     {"是": None, "否": None, "0": None, "1": None, "2": None, "{1:是}": None}),
    ("基本分6分，每获得1项市级表彰加1分，最多加2分", "6",
     {"是": None, "否": "6", "0": "6", "1": "7", "2": "8", "{1:是}": None}),
    ("基准分2分，每发表1篇论文加1分，最多加3分", "5",
     {"是": None, "否": "2", "0": "2", "1": "3", "2": "4", "{1:是}": None}),
]


def _answer(key: str) -> Any:
    return {1: "是"} if key == "{1:是}" else key


@pytest.mark.parametrize(("text", "weight", "answers"), SWEEP)
def test_sweep_no_bonus_is_silently_dropped(text: str, weight: str, answers: dict[str, str | None]) -> None:
    for key, hand in answers.items():
        try:
            got: Decimal | None = _pts(text, _answer(key), weight)
        except EvaluationError:
            got = None
        assert got == (Decimal(hand) if hand is not None else None), (text, weight, key, got, hand)
