"""Rule shapes of the tenth blind probe that a careful scorer scores (docs/semantics.md §119), read from their pieces:
numbered bands of one measured value answered by one value; a band on a score named by a grade word before its points;
本项得分为0 after an event as the indicator's zero; a formula beside a veto; joint tiers naming their measures
shortened; points per step given as a share of the weight; successive deadlines closed by 8月底后. Expectations by
hand from the rule texts (probes tenth A13, A06, V17, V18, and the same shapes in other words; F27, B11, G04 are in test_shapes_tenth2.py)."""

from __future__ import annotations

from typing import Any

import pytest

import scoring
from tests import shape_cases
from tests.shape_cases import REFUSE, Case, scores_or_refuses

# -- 1. numbered bands of one value (A13)
A13 = (
    "（1）达到目标值100%得满分；（2）达到目标值80%（含）-100%得分为满分的80%；（3）达到目标值60%（含）-80%得分为满分的50%；"
    "（4）低于目标值60%不得分"
)
A13_KW: dict[str, object] = {"target": "≥2000", "comparator": "≥", "unit": "人", "weight": 10}
CIRCLED = "①满意度95%及以上得10分；②满意度85%（含）-95%（不含）得6分；③满意度低于85%不得分"
DOTTED = "1.完成率100%得满分；2.完成率90%（含）-100%（不含）得4分；3.完成率低于90%不得分"
PCT10: dict[str, object] = {"target": "≥95%", "comparator": "≥", "unit": "%", "weight": 10}
PCT5: dict[str, object] = {"target": "100%", "comparator": "≥", "unit": "%", "weight": 5}

# -- 2. a band on a score named by a grade word, its points after (A06)
A06 = "第三方评估得分90分以上为优，得满分；80-89分为良，得7分；60-79分为中，得4分；60分以下为差，不得分"
SAME_CLAUSE = "考核得分80-89分为良好得6分；90分及以上为优秀得满分"
BRACKETED = "考核得分90分以上（优）得满分；80-89分（良）得6分；80分以下不得分"
# -- 3. 本项得分为0 after an event: the indicator's zero, a veto (V17's wording)
ZERO_SCORE = "项目建设进度达到计划要求得满分，未达到的按比例得分；凡发生重大安全事故的，本项得分为0"
ZERO_WORD = "项目建设进度达到计划要求得满分，未达到的按比例得分；发生重大安全事故的，该项得分为零"
ZERO_POINTS = "项目建设进度达到计划要求得满分，未达到的按比例得分；发生重大安全事故的，本项计为0分"
PCT4: dict[str, object] = {"target": "≥100%", "comparator": "≥", "unit": "%", "weight": 4}
# -- 4. a formula beside a veto (V18)
V18 = "得分=实际完成数/计划数×分值；发生重大质量事故的，本项不得分"
V18_FIRST = "发生重大质量事故的，本项不得分；得分=实际完成数/计划数×分值"
COUNT5: dict[str, object] = {"target": "200", "comparator": "≥", "unit": "个", "weight": 5}
SCORE8: dict[str, object] = {"target": "≥90分", "comparator": "≥", "unit": "分", "weight": 8}

CASES: list[Case] = [
    (V18, {"实际值": "150", 1: "0"}, COUNT5, "3.75"),  # 150 / 200 × 5
    (V18, {"实际值": "200", 1: "0"}, COUNT5, "5"),
    (V18, {"实际值": "200", 1: "1"}, COUNT5, "0"),  # the veto
    (V18_FIRST, {"实际值": "100", 1: "0"}, COUNT5, "2.5"),  # 100 / 200 × 5
    (V18_FIRST, {"实际值": "100", 1: "1"}, COUNT5, "0"),
    (ZERO_SCORE, {"实际值": "110%", 1: "0"}, PCT4, "4"),  # capped at full marks
    (ZERO_SCORE, {"实际值": "80%", 1: "0"}, PCT4, "3.2"),  # 4 × 80 / 100
    (ZERO_SCORE, {"实际值": "100%", 1: "1"}, PCT4, "0"),  # the veto
    (ZERO_WORD, {"实际值": "80%", 1: "0"}, PCT4, "3.2"),
    (ZERO_WORD, {"实际值": "100%", 1: "2"}, PCT4, "0"),
    (ZERO_POINTS, {"实际值": "90%", 1: "0"}, PCT4, "3.6"),
    (ZERO_POINTS, {"实际值": "90%", 1: "1"}, PCT4, "0"),
    (A06, "92", SCORE8, "8"),
    (A06, "90", SCORE8, "8"),
    (A06, "85", SCORE8, "7"),
    (A06, "60", SCORE8, "4"),  # 60-79 listed before 60分以下
    (A06, "59", SCORE8, "0"),
    (A06, "89.5", SCORE8, "0"),  # between 80-89 and 90以上: a gap (domain point 1)
    (A06, "良", SCORE8, "7"),  # the grade naming the band answers it (semantics §103)
    (A06, "差", SCORE8, "0"),
    (SAME_CLAUSE, "85", SCORE8, "6"),
    (SAME_CLAUSE, "95", SCORE8, "8"),
    (SAME_CLAUSE, "70", SCORE8, "0"),  # no band holds 70: a gap
    (BRACKETED, "85", SCORE8, "6"),
    (BRACKETED, "79", SCORE8, "0"),
    # the completion ratio actual / 2000 in the bands [100%, ∞), [80%, 100%], [60%, 80%], (−∞, 60%)
    (A13, "2200", A13_KW, "10"),  # 110%
    (A13, "2000", A13_KW, "10"),  # 100%: the first listed band
    (A13, "1800", A13_KW, "8"),  # 90%: 10 × 80%
    (A13, "1600", A13_KW, "8"),  # 80%
    (A13, "1500", A13_KW, "5"),  # 75%: 10 × 50%
    (A13, "1200", A13_KW, "5"),  # 60%
    (A13, "1100", A13_KW, "0"),  # 55%
    (CIRCLED, "96%", PCT10, "10"),
    (CIRCLED, "95%", PCT10, "10"),
    (CIRCLED, "90%", PCT10, "6"),
    (CIRCLED, "85%", PCT10, "6"),
    (CIRCLED, "84.9%", PCT10, "0"),
    (DOTTED, "100%", PCT5, "5"),
    (DOTTED, "95%", PCT5, "4"),
    (DOTTED, "89%", PCT5, "0"),
]

#: numbered items that are no bands of one value stay items, each answered apart
OVERLAPPING = "①满意度90%以上得5分；②满意度80%以上得5分"  # both met at 95%: not one band each
TWO_MEASURES = "①满意度90%以上得5分；②完成率90%以上得5分"
REFUSALS: list[Case] = [
    (V18, "150", COUNT5, REFUSE),  # one answer for the formula's value and the veto
    (OVERLAPPING, "95%", PCT10, REFUSE),
    (TWO_MEASURES, "95%", PCT10, REFUSE),
]

test_hand_cases, test_compiled_agrees, test_round_trip = shape_cases.checks(CASES)


@pytest.mark.parametrize(("text", "actual", "kw", "want"), REFUSALS)
def test_refusals(text: str, actual: Any, kw: dict[str, object], want: str) -> None:
    scores_or_refuses(text, actual, kw, want)


@pytest.mark.parametrize("text", [A13, CIRCLED, DOTTED])
def test_bands_are_one_rule(text: str) -> None:
    """Read as one rule of bands, not as sub-items: one value answers it."""
    assert isinstance(scoring.parse(text), scoring.Rule)


@pytest.mark.parametrize("text", [OVERLAPPING, TWO_MEASURES])
def test_items_stay_items(text: str) -> None:
    assert isinstance(scoring.parse(text), scoring.Composite)


@pytest.mark.parametrize(
    "text", ["80-89分为良，酌情扣分", "80-89分为良", "在80-89分为良之间评定，得5分", "80-89分为良，视情况扣分"]
)
def test_points_range_still_refused(text: str) -> None:
    """A grade word after a range of points with no points after it, or a hand score: the range may be the points
    given (semantics §73), still refused."""
    assert shape_cases.refusal(text).code == "points-range-as-value"


@pytest.mark.parametrize("text", ["完成得满分；发生安全事故的，本项得分为0.5", "完成得满分；发生安全事故的，本项得分为05"])
def test_zero_score_is_only_zero(text: str) -> None:
    """本项得分为0 is the veto's zero only: a number going on after the 0 is not it (never 0 of 0.5)."""
    shape_cases.refusal(text)


def test_bare_points_beside_a_veto_still_refused() -> None:
    """Points with no condition beside a veto say neither when they apply nor what they count (semantics §108)."""
    assert shape_cases.refusal("发生重大质量事故的，实行一票否决，得5分").code == "outcome-without-condition"
