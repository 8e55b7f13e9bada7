"""Shapes the blind probes found refused (issue 11, docs/semantics.md §68): bands on a 分 scale written as a
range then points (80-89分得8分), small phrasing gaps of steps, caps and shares, and ranks written 第一 without
名. Expected scores are computed by hand from the rule text and docs/semantics.md; the texts are variants of
the probes', not their own."""

from __future__ import annotations

from decimal import Decimal

import pytest

import scoring
from scoring.rules.render import render


def _score(text: str, actual: object, **kw: object) -> Decimal:
    return scoring.evaluate(scoring.parse(text), actual, **kw).points  # type: ignore[arg-type]


def _refused(text: str) -> tuple[str, str]:
    """(code, the piece of the original text under the caret)."""
    with pytest.raises(scoring.RuleSyntaxError) as e:
        scoring.parse(text)
    return e.value.code, text[e.value.pos : e.value.pos + e.value.length]


def _round_trip(text: str) -> str:
    rule = scoring.parse(text)
    canonical = render(rule)
    assert scoring.parse(canonical) == rule
    return canonical


# ------------------------------------------------------------------ 1. a range of values on a 分 scale

SCORE_BANDS = "年度考评得分90分以上得满分，80-89分得8分，70-79分得6分，70分以下不得分"


@pytest.mark.parametrize(
    ("actual", "points"),
    [
        ("95", "10"),  # 90分以上: full marks (weight 10)
        ("90", "10"),  # 以上 includes 90
        ("89", "8"),  # 80-89 includes both ends (§1)
        ("80", "8"),
        ("79", "6"),
        ("70", "6"),  # 70-79 is listed before 70分以下: the first band that holds wins
        ("65", "0"),
        ("89.5", "0"),  # between 89 and 90: a gap, 0 (§1), as for 80-89%
    ],
)
def test_range_of_score_values_is_a_band(actual: str, points: str) -> None:
    assert _score(SCORE_BANDS, actual, weight=10, unit="分") == Decimal(points)


def test_range_of_score_values_with_a_share_and_a_strict_edge() -> None:
    text = "群众测评得分90分以上得满分，80-90分得60%，低于80分不得分"
    assert _score(text, "85", weight=5, unit="分") == Decimal("3")  # 60% of 5
    assert _score(text, "90", weight=5, unit="分") == Decimal("5")  # both bands hold: the first listed
    assert _score(text, "80", weight=5, unit="分") == Decimal("3")  # 80 included in 80-90
    assert _score(text, "79.9", weight=5, unit="分") == Decimal("0")


def test_range_of_score_values_written_back() -> None:
    canonical = _round_trip(SCORE_BANDS)
    assert "80至89分得8分" in canonical
    assert "低于80分" in _round_trip("测评得分80-90分的得8分，低于80分不得分")


def test_range_of_score_values_after_a_comma() -> None:
    assert _score("测评得分80-90分，得8分；80分以下不得分", "85", weight=10, unit="分") == Decimal("8")


def test_range_of_score_values_answered_in_percent_refused() -> None:
    with pytest.raises(scoring.ScoringError):
        scoring.evaluate(SCORE_BANDS, "85%", weight=10, unit="分")


@pytest.mark.parametrize(
    "text",
    [
        "根据工作完成情况在0-5分之间评定",  # words after the range: points to award, not a band
        "考核得分0-5分酌情评分",  # a hand score after it: the range is likely the points given
        "考核得分0-5分，视情况扣分",
    ],
)
def test_range_of_points_before_words_or_a_hand_score_refused(text: str) -> None:
    assert _refused(text)[0] == "points-range-as-value"


def test_range_of_points_closing_a_condition_stays_a_hand_score() -> None:
    with pytest.raises(scoring.EvaluationError) as e:
        scoring.evaluate("良好8-9分，一般6-7分", "良好", weight=10)
    assert (e.value.low, e.value.high) == (Decimal("8"), Decimal("9"))
