"""One-off deductions and bonuses (no 每) whose words name something that happens, answered by a count
(semantics §125): 0 = it did not happen, 1 or more = it happened, applied once. Expectations by hand from the
rule text; the probe texts are not used here."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

import scoring
from scoring import EvaluationError, RuleSyntaxError

EXPOSED = "被媒体曝光负面新闻的扣3分"  # passive: something done to the one assessed
TWO = "每发现一处违规问题扣1分；因管理不善导致设备损坏的，扣2分"  # per occurrence, then a cause once
PRAISE = "按时完成得4分，受到省级部门通报表扬的加1分"  # a passive bonus, once
PAIR = "出现数据造假的扣2分，存在重复申报的扣1分"  # two event verbs, each once


@pytest.mark.parametrize(
    ("text", "weight", "answer", "points"),
    [
        (EXPOSED, 5, "0", "5"),  # did not happen
        (EXPOSED, 5, "1", "2"),  # 5 − 3
        (EXPOSED, 5, "4", "2"),  # no 每: once, not 4 × 3
        (EXPOSED, 5, "是", "5"),  # 是 = did not happen, as before
        (EXPOSED, 5, "否", "2"),
        (TWO, 6, {1: "2", 2: "1"}, "2"),  # 6 − 2×1 − 2
        (TWO, 6, {1: "0", 2: "0"}, "6"),
        (TWO, 6, {1: "1", 2: "3"}, "3"),  # 6 − 1 − 2 (the damage once)
        (PRAISE, 6, {1: "是", 2: "2"}, "5"),  # 4 + 1 once (per time would be 6)
        (PRAISE, 6, {1: "是", 2: "0"}, "4"),
        (PRAISE, 6, {1: "否", 2: "1"}, "1"),  # 0 + 1
        (PAIR, 4, {1: "0", 2: "2"}, "3"),  # 4 − 1
        (PAIR, 4, {1: "1", 2: "1"}, "1"),  # 4 − 2 − 1
    ],
)
def test_once_count(text: str, weight: int, answer: Any, points: str) -> None:
    assert scoring.evaluate(text, answer, weight=weight).points == Decimal(points)


@pytest.mark.parametrize(("answer", "points"), [("0", "5"), ("3", "2")])
def test_compiled_agrees(answer: str, points: str) -> None:
    assert scoring.compile(EXPOSED, weight=5).score(answer).points == Decimal(points)


@pytest.mark.parametrize(
    ("text", "weight", "answer", "says"),
    [
        (EXPOSED, 5, "1.5", "整数"),  # a count is whole
        (EXPOSED, 5, "-2", "负"),
        (EXPOSED, 5, "20%", "是否发生"),
        (TWO, 6, {1: "1", 2: "0.5"}, "整数"),
        (PRAISE, 6, {1: "是", 2: "0.5"}, "整数"),
        ("未建立台账的扣2分", 3, "1", "是/否"),  # an action not done: a count is no yes/no
        ("未建立台账的扣2分", 3, "0", "是/否"),
        ("台账不完整的扣1分", 3, "1", "是/否"),  # a state: 1 could be 是 or one case
        ("建立考核制度得3分", 3, "2", "是/否"),  # an action to be done
    ],
)
def test_refused(text: str, weight: int, answer: Any, says: str) -> None:
    with pytest.raises(EvaluationError, match=says):
        scoring.evaluate(text, answer, weight=weight)


def test_compiled_refuses_a_fraction() -> None:
    with pytest.raises(EvaluationError, match="整数"):
        scoring.compile(EXPOSED, weight=5).score("2.5")


def test_count_without_each_stays_refused() -> None:
    with pytest.raises(RuleSyntaxError, match="count-without-each"):
        scoring.parse("发生3次安全事故的扣2分")


def test_reading_says_once() -> None:
    (exposed,) = scoring.bind(scoring.parse(EXPOSED)).inputs
    assert "或填发生次数" in exposed.meaning
    _, praise = scoring.bind(scoring.parse(PRAISE)).inputs
    assert praise.meaning == "是＝有（加分），否＝没有；或填次数（0＝没有，1及以上＝有，只加一次）"
    (action,) = scoring.bind(scoring.parse("未建立台账的扣2分")).inputs
    assert "次数" not in action.meaning
