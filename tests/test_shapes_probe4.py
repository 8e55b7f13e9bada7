"""Shapes the blind probes found refused (issue 11, docs/semantics.md §73): bands on a 分 scale written as a
range then points (80-89分得8分), small phrasing gaps of steps, caps and shares, and ranks written 第一 without
名. Expected scores are computed by hand from the rule text and docs/semantics.md; the texts are variants of
the probes', not their own."""

from __future__ import annotations

from decimal import Decimal

import pytest
from test_shapes_marks import _score

import scoring
from scoring.rules.render import render
from scoring.text.normalize import normalize


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


# ------------------------------------------------------------------ 2. small phrasing gaps

REACH_RANGE = "验收合格率达95%以上的，得满分；达85%-95%的，得满分的80%；低于85%的不得分"


@pytest.mark.parametrize(("actual", "points"), [("96%", "10"), ("95%", "10"), ("90%", "8"), ("85%", "8"), ("80%", "0")])
def test_reach_before_a_range(actual: str, points: str) -> None:
    # 达85%-95%: 达 reaches into the range, which says it all: 85% to 95%, both ends included (§1); 80% of 10
    assert _score(REACH_RANGE, actual, weight=10, target="95%", unit="%") == Decimal(points)
    _round_trip(REACH_RANGE)


RATIO_RANGE = "达到年度目标值的得满分，达到目标值80%（含）以上的得7分，达到目标值50%（含）-80%的得4分，低于50%不得分"


@pytest.mark.parametrize(("actual", "points"), [("100", "10"), ("85", "7"), ("80", "7"), ("60", "4"), ("50", "4"), ("40", "0")])
def test_reach_before_a_range_of_the_target(actual: str, points: str) -> None:
    # target 100个: 目标值50%（含）-80% is 50 to 80 个 of completion; 80 is met by the 80% band listed first
    assert _score(RATIO_RANGE, actual, weight=10, target="≥100个", unit="个", comparator="≥") == Decimal(points)
    _round_trip(RATIO_RANGE)


@pytest.mark.parametrize("text", ["合格率≥85%-95%的得8分", "合格率低于85%-95%的得8分"])
def test_other_comparison_before_a_range_refused(text: str) -> None:
    assert _refused(text) == ("op-before-range", text[3 : text.index("的")])  # the word and its range


def test_deduct_written_kouchu() -> None:
    text = "资料归档率达到100%，每降低1%扣除0.5分"
    assert _score(text, "96%", weight=5, target="100%", unit="%") == Decimal("3")  # 4 steps × 0.5 from 5
    assert _score(text, "80%", weight=5, target="100%", unit="%") == Decimal("0")  # 10 lost of 5: the floor 0


@pytest.mark.parametrize("until", ["扣完本项分值为止", "扣完该项分值为止"])
def test_until_the_items_points_are_used_up(until: str) -> None:
    text = f"准确率每低1%扣1分，{until}"
    assert _score(text, "98%", weight=4, target="100%", unit="%", comparator="≥") == Decimal("2")
    assert _score(text, "90%", weight=4, target="100%", unit="%", comparator="≥") == Decimal("0")
    assert scoring.parse(text).until_exhausted


def test_cap_as_a_share_of_the_weight_read() -> None:
    # refused until semantics §84: weight 5, the cap 40% of 5 = 2; 98% loses 2 × 0.5 = 1, 90% loses 5, capped at 2
    text = "每低1个百分点扣0.5分，扣分不超过该项分值的40%"
    assert _score(text, "98%", target="100%", weight=5) == Decimal(4)
    assert _score(text, "90%", target="100%", weight=5) == Decimal(3)


def test_share_of_full_marks_written_as_a_product() -> None:
    text = "满意度≥90%得满分，80%≤满意度<90%得分为满分×60%，满意度<80%不得分"
    assert _score(text, "85%", weight=5, target="90%", unit="%") == Decimal("3")  # 60% of 5
    assert _score(text, "80%", weight=5, target="90%", unit="%") == Decimal("3")
    assert _score(text, "79%", weight=5, target="90%", unit="%") == Decimal("0")
    assert scoring.parse(text) == scoring.parse("满意度≥90%得满分，80%≤满意度<90%得分为满分的60%，满意度<80%不得分")


BONUS_EVENTS = "完成率≥95%得6分，90%-95%得4分；每获得一次省级表彰加1分，最多加2分"


@pytest.mark.parametrize(
    ("completion", "honours", "points"),
    [("92%", "1", "5"), ("96%", "0", "6"), ("92%", "3", "6")],  # 4 + 1; 6 + 0; 4 + 2 (the cap of 2)
)
def test_event_verb_with_de_before_a_count(completion: str, honours: str, points: str) -> None:
    answer = {"实际值": completion, 1: honours}
    assert _score(BONUS_EVENTS, answer, weight=6, target="95%", unit="%") == Decimal(points)


def test_de_before_points_stays_an_award() -> None:
    assert _score("按时完成的获得5分，未完成不得分", "是", weight=5) == Decimal("5")


# ------------------------------------------------------------------ 3. ranks written 第一 without 名

RANKS = "在全省评比中排名第一的得10分，第二的得8分，第三的得6分，其他得2分"


@pytest.mark.parametrize(("rank", "points"), [("1", "10"), ("2", "8"), ("3", "6"), ("5", "2")])
def test_ranks_without_a_counter(rank: str, points: str) -> None:
    assert _score(RANKS, rank, weight=10) == Decimal(points)


def test_ordinal_read_only_before_a_clause_end() -> None:
    assert normalize("排名第二的得8分").text == "排名第2的得8分"
    assert normalize("第一书记到岗得满分").text == "第一书记到岗得满分"  # 第一 before a word stays a word
