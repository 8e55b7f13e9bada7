"""Every input numbered in the order the text writes it, the measured value among them (semantics §99).
Expectations computed by hand from the rule text."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

import scoring

# dev-030: two counts of events, then a rate with its steps (weight 6)
EVENTS_THEN_RATE = "漏登非已婚育妇1例扣0.1分，漏登已婚育妇1例扣0.2分，逻辑错误纠错达100%，每低1个百分点扣0.1分"
# a rate with its steps, then a count of events (weight 10)
RATE_THEN_EVENTS = "完成率达到100%得满分，每低1%扣0.5分；每发现1例违规扣1分"


@pytest.mark.parametrize(
    ("rule", "weight", "answer", "points"),
    [
        # 3 × 0.1 + 2 × 0.2 + (100 − 95) × 0.1 = 0.3 + 0.4 + 0.5 = 1.2 lost: 6 − 1.2 = 4.8
        (EVENTS_THEN_RATE, 6, {1: "3", 2: "2", 3: "95%"}, "4.80"),
        (EVENTS_THEN_RATE, 6, {"实际值": "95%", 1: "3", 2: "2"}, "4.80"),  # the same answer, the value named
        (EVENTS_THEN_RATE, 6, {"1": "0", "2": "0", "3": "100%"}, "6.00"),
        # (100 − 96) × 0.5 = 2 and 2 × 1 = 2 lost: 10 − 4 = 6
        (RATE_THEN_EVENTS, 10, {1: "96%", 2: "2"}, "6.00"),
        (RATE_THEN_EVENTS, 10, {"实际值": "96%", 1: "2"}, "6.00"),
    ],
)
def test_inputs_in_text_order(rule: str, weight: int, answer: dict[Any, str], points: str) -> None:
    assert scoring.evaluate(rule, answer, weight=weight).points == Decimal(points)


@pytest.mark.parametrize(
    ("rule", "answer", "says"),
    [
        (RATE_THEN_EVENTS, {1: "96%", 2: "2", 3: "1"}, "编号为1…2"),  # one key too many: refused, both numberings shown
        (RATE_THEN_EVENTS, {1: "2"}, "缺少“实际值”"),  # one key too few: which is it?
        # the value's clauses written around the count's: no one place for it in the order
        ("完成率达到100%得满分；每发现1例违规扣1分；完成率每低1%扣0.5分", {1: "96%", 2: "2"}, "缺少“实际值”"),
    ],
)
def test_other_numberings_are_refused(rule: str, answer: dict[Any, str], says: str) -> None:
    with pytest.raises(scoring.EvaluationError) as e:
        scoring.evaluate(rule, answer, weight=10)
    assert says in str(e.value)


def test_a_count_step_on_a_rate_line_is_refused() -> None:
    # 签订率达100%…每少签两个…扣1分: the rate and the count of units missing are two quantities; 0 was read as a rate of
    # 0 and 50 steps of 2 taken from 100 (0 points), 90% as 5 steps of 2
    rule = "签订率达100%的，记2分；每少签两个乡镇的扣1分，责任书内容针对性不强的扣1分。"
    for answer in ({1: "0", 2: "是"}, {"实际值": "90%", 1: "是"}):
        with pytest.raises(scoring.EvaluationError) as e:
            scoring.evaluate(rule, answer, weight=2)
        assert "单位不一致" in str(e.value)
    assert scoring.evaluate(rule, {"实际值": "100%", 1: "是"}, weight=2).points == Decimal("2.00")


def test_the_reading_shows_both_numberings() -> None:
    reading = scoring.bind(scoring.parse(EVENTS_THEN_RATE))
    (d,) = [d for d in reading.decisions if d.what == "答法"]
    assert "编号1…3（数值是第3项）" in d.value and not d.stated and d.source == "semantics §99"
