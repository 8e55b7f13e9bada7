"""A veto worded as what the one assessed caused (造成重大影响的) names an event: a count answers it (lexicon
cause, semantics §99). Expectations by hand."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

import scoring

NEWS = "出现负面舆情每例扣2分，造成重大影响的本项不得分"  # weight 10
EXPOSED = "被省级以上媒体曝光负面问题的，每次扣2分；造成恶劣影响的，该项不得分"  # weight 6


@pytest.mark.parametrize(
    ("rule", "weight", "answer", "points"),
    [
        (NEWS, 10, {1: 1, 2: 0}, "8.00"),  # one event: 10 − 2; no major effect: no veto
        (NEWS, 10, {1: 0, 2: 1}, "0.00"),  # the veto holds
        (NEWS, 10, {1: 2, 2: "否"}, "0.00"),  # 否: the requirement (no major effect) not met, as before
        (EXPOSED, 6, {1: "1", 2: "0"}, "4.00"),
        ("引发群体性事件的，本项不得分", 5, "0", "5.00"),
        ("引发群体性事件的，本项不得分", 5, "1", "0.00"),
        ("导致重大安全事故的，本项不得分", 5, "2", "0.00"),
    ],
)
def test_a_count_answers_a_caused_event(rule: str, weight: int, answer: Any, points: str) -> None:
    assert scoring.evaluate(rule, answer, weight=weight).points == Decimal(points)


def test_a_fraction_or_percent_is_no_count() -> None:
    for answer in ("50%", "0.5"):
        with pytest.raises(scoring.EvaluationError):
            scoring.evaluate("引发群体性事件的，本项不得分", answer, weight=5)
