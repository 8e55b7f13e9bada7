"""Ranks written with no counter after 排名/名次 (排名前三的, 排名4-8的): semantics §97. Expectations by hand."""

from __future__ import annotations

from decimal import Decimal

import pytest

import scoring

CITY = "在全市考核中排名前三的得4分，排名4-8的得2分，排名8名以后的不得分"  # weight 4


@pytest.mark.parametrize(
    ("rule", "answer", "points"),
    [
        (CITY, "2", "4.00"),  # within the best three
        (CITY, "3", "4.00"),
        (CITY, "第3名", "4.00"),  # an ordinal answer (§97)
        (CITY, "6", "2.00"),  # 4 ≤ 6 ≤ 8
        (CITY, "8", "2.00"),  # 8 is in 4-8 and in 8名以后: the first listed wins (§1)
        (CITY, "9", "0.00"),
        ("名次前五的得满分，名次6-10的得3分，其余不得分", "5", "4.00"),
        ("名次前五的得满分，名次6-10的得3分，其余不得分", "7", "3.00"),
        ("名次前五的得满分，名次6-10的得3分，其余不得分", "11", "0.00"),
    ],
)
def test_bare_ranks(rule: str, answer: str, points: str) -> None:
    assert scoring.evaluate(rule, answer, weight=4).points == Decimal(points)


@pytest.mark.parametrize("rule", [CITY, "名次前五的得满分，名次6-10的得3分，其余不得分"])
def test_round_trip(rule: str) -> None:
    r = scoring.parse(rule)
    assert scoring.parse(scoring.render(r)) == r


def test_a_rank_is_a_whole_number_from_1() -> None:
    for answer in ("2.5", "0"):
        with pytest.raises(scoring.EvaluationError):
            scoring.evaluate(CITY, answer, weight=4)


def test_the_normalizer_reads_the_numeral_and_shows_it() -> None:
    r = scoring.parse(CITY)
    assert [(c.kind, c.before, c.after) for c in r.normalized] == [("cn-numeral", "三", "3")]
