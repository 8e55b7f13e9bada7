"""未开展 beside a count of what is carried out is that count at 0 (semantics §99). Expectations by hand."""

from __future__ import annotations

from decimal import Decimal

import pytest

import scoring

DRILLS = "应急演练每年不少于2次，少1次扣2分，未开展不得分。"  # weight 4
TRAINING = "全年开展培训不少于4次，每少1次扣1分，未开展的，本项不得分。"  # weight 5


@pytest.mark.parametrize(
    ("rule", "weight", "answer", "points"),
    [
        (DRILLS, 4, "2", "4.00"),
        (DRILLS, 4, "1", "2.00"),  # one short: 4 − 2 (未开展 does not hold: one drill was held)
        (DRILLS, 4, "0", "0.00"),  # none held: 未开展
        (TRAINING, 5, "3", "4.00"),  # 5 − 1
        (TRAINING, 5, "1", "2.00"),  # 5 − 3
        (TRAINING, 5, "0", "0.00"),  # vetoed (5 − 4 = 1 by the steps alone)
    ],
)
def test_one_count_reads_both(rule: str, weight: int, answer: str, points: str) -> None:
    assert scoring.evaluate(rule, answer, weight=weight).points == Decimal(points)
    assert scoring.compile(rule, weight=weight).points(answer) == Decimal(points)


@pytest.mark.parametrize("rule", [DRILLS, TRAINING])
def test_round_trip_and_one_input(rule: str) -> None:
    r = scoring.parse(rule)
    assert scoring.parse(scoring.render(r)) == r
    assert len(scoring.bind(r).inputs) == 1


def test_words_with_an_object_of_their_own_stay_apart() -> None:
    # 未开展满意度调查 names another thing than the training counted: still its own input
    rule = "全年开展培训不少于4次，每少1次扣1分，未开展满意度调查的不得分。"
    assert len(scoring.bind(scoring.parse(rule)).inputs) == 2


def test_beside_a_band_the_words_stay_its_complement() -> None:
    # 开展1次以上满分，未开展不得分: 是 answers the band (the seed's convention, s000-L622)
    assert scoring.evaluate("开展1次以上满分，未开展不得分", "是", weight=15, target="1", unit="次").points == Decimal("15.00")
