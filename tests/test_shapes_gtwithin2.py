"""A comparison word before a number with its own sign (超出目标值≤10%, 高于上年≤10%, 低于目标值≥5%) and bands on a growth
open below with no word on a decline (与上年相比增长10%以内): docs/semantics.md §161. Every expectation is computed by
hand from the rule text and the semantics (arithmetic beside each case): answers below 0, at 0, inside, at the edge,
above."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

import scoring


def _points(text: str, actual: Any, **row: Any) -> Decimal:
    return scoring.evaluate(text, actual, **row).points


def _compiled(text: str, actual: Any, **row: Any) -> Decimal:
    return scoring.compile(text, **row).score(actual).points


def _both(text: str, actual: Any, **row: Any) -> set[Decimal]:
    return {_points(text, actual, **row), _compiled(text, actual, **row)}


# ------------------------------------------------------------------ 超出目标值≤10%: the excess over the target (§82, §155)

OVER = "超出目标值≤10%的得3分，超出目标值>10%的不得分"
OVER_SPACED = "成本超出目标值 ≤ 10% 的得3分"


@pytest.mark.parametrize(
    ("actual", "want"),
    [
        ("95", "5"),  # below the target ≤100: not over, no band applies (§82), full marks
        ("100", "5"),  # at the target: excess 0, 0 < excess fails, full marks
        ("105", "3"),  # (105 − 100) / 100 = 5% ≤ 10%
        ("110", "3"),  # 10%: ≤ 10% holds, listed first
        ("112", "0"),  # 12% > 10%: 不得分
    ],
)
def test_excess_over_target_with_a_sign(actual: str, want: str) -> None:
    # it read the completion ratio ≤ 10%: 95 and 105 scored 0
    assert _both(OVER, actual, weight=5, target="≤100万元", unit="万元") == {Decimal(want)}


def test_excess_over_target_reads_back() -> None:
    r = scoring.parse(OVER)
    assert scoring.parse(scoring.render(r)) == r
    assert "超出目标" in scoring.render(r)


@pytest.mark.parametrize(("actual", "want"), [("95", "5"), ("105", "3"), ("110", "3"), ("111", "0")])
def test_excess_over_target_spaced(actual: str, want: str) -> None:
    # 95: within the target, full marks (§82); 111: 11% over, no band holds and the target is not met: 0
    assert _points(OVER_SPACED, actual, weight=5, target="≤100万元", unit="万元") == Decimal(want)


# ------------------------------------------------------------------ 高于上年≤10%: the excess itself, 0 < x ≤ 10 (§155)

ABOVE_LAST = "高于上年≤10%的得3分，高于上年>10%的得5分"


@pytest.mark.parametrize(
    ("actual", "want"),
    [
        ("-5%", "0"),  # not above last year: no band, 0
        ("0%", "0"),  # 0 < x fails, 0
        ("5%", "3"),
        ("10%", "3"),  # at the edge, ≤ 10%
        ("12%", "5"),  # > 10%
    ],
)
def test_above_last_year_with_a_sign(actual: str, want: str) -> None:
    # it read the value ≤ 10%: −5% and 0% scored 3
    assert _both(ABOVE_LAST, actual, weight=5) == {Decimal(want)}


# ------------------------------------------------------------------ refused: the text does not say how far below is measured

@pytest.mark.parametrize(
    "text",
    [
        "低于目标值≥5%的不得分",  # a shortfall relative to the target in %: refused as 低于目标值10%以上 is (§155)
        "低于上年≤10%的得3分",  # the drop or the signed change? refused as 低于上年10%以内 is
        "高于≤10%的得3分",  # 高于 with no line named
    ],
)
def test_past_with_a_sign_refused(text: str) -> None:
    with pytest.raises(scoring.RuleSyntaxError) as e:
        scoring.parse(text)
    assert e.value.code == "past-within"


def test_growth_with_a_sign_is_the_value() -> None:
    # 比上年增长≥5%: no strict comparison word, the value named 比上年增长 is ≥ 5%: −5 → 0, 0 → 0, 5 → 5, 10 → 5
    text = "比上年增长≥5%的得满分"
    assert [_points(text, a, weight=5) for a in ("-5%", "0%", "5%", "10%")] == [Decimal(x) for x in ("0", "0", "5", "5")]


# ------------------------------------------------------------------ 增长10%以内 with no word on a decline

GROWTH = "与上年相比增长10%以内得2分"
GROWTH_TWO = "与上年相比增长10%以上得5分，增长10%以内得2分"


@pytest.mark.parametrize(("text", "actual", "want"), [
    (GROWTH, "0%", "2"),  # 0 is no decline: ≤ 10%
    (GROWTH, "5%", "2"),
    (GROWTH, "10%", "2"),  # the edge
    (GROWTH, "12%", "0"),  # above: no band
    (GROWTH_TWO, "0%", "2"),
    (GROWTH_TWO, "10%", "5"),  # both claim 10%: the first listed (§1)
    (GROWTH_TWO, "12%", "5"),
])  # fmt: skip
def test_growth_within_scores_from_zero_up(text: str, actual: str, want: str) -> None:
    assert _both(text, actual, weight=5) == {Decimal(want)}


@pytest.mark.parametrize("text", [GROWTH, GROWTH_TWO, "产值较上年提高5%以下得1分"])
@pytest.mark.parametrize("actual", ["-5%", "-0.1%", Decimal("-3")])
def test_growth_within_refuses_a_decline(text: str, actual: Any) -> None:
    # whether −5% is growth within 10% is not written: it scored the band
    with pytest.raises(scoring.EvaluationError, match="负增长"):
        _points(text, actual, weight=5)
    with pytest.raises(scoring.EvaluationError, match="负增长"):
        _compiled(text, actual, weight=5)
    with pytest.raises(scoring.EvaluationError):
        scoring.compile(text, weight=5).points(actual)


@pytest.mark.parametrize(("text", "actual", "want"), [
    ("增长10%以内得2分，负增长不得分", "-5%", "0"),  # 负增长 is 增长 < 0, tried first (§102)
    ("增长10%以内得2分，负增长不得分", "0%", "2"),
    ("增长0-10%得2分", "-5%", "0"),  # the band starts at 0: a decline is in no band
    ("增长0-10%得2分", "0%", "2"),
])  # fmt: skip
def test_growth_with_a_word_on_a_decline_scores_it(text: str, actual: str, want: str) -> None:
    assert _both(text, actual, weight=5) == {Decimal(want)}
