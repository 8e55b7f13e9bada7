"""Bands beside a formula, marks and ranges on a 分 scale, an OCR dash between percentages (semantics §91).

Each case: rule, row target, comparator, unit, weight, answer, the hand score or REFUSE, and why (the arithmetic).
The hand scores are computed from the rule text, the compiled rule must agree with the evaluator."""

from __future__ import annotations

from decimal import Decimal

import pytest

import scoring
from scoring.scores.compiled import compile_rule

REFUSE = "REFUSE"

FORMULA_THEN_BAND = "按完成率×分值计分，完成率低于50%的不得分"
MARK_BEFORE_WORD = "考核得分90分（含）以上的得满分，80分（含）-90分的得8分，70分（含）-80分的得6分，70分以下不得分"
BETWEEN = "年度综合考核得分在95分及以上的得满分；在85分（含）至95分之间的得8分；在75分（含）至85分之间的得5分；75分以下的不得分"
SCORE_SUBJECT = "项目综合验收得分≥90分得5分，80-89分得3分，70-79分得1分，70分以下不得分"
OCR_DASH = "满意度达到90％以上得满分，80％一90％得6分，低于80％不得分"
NEGATIVE = "营业收入较上年增长10%以上得满分，增长5%-10%得6分，增长0-5%得3分，负增长不得分"
TWO_ENDS = "完成率60%-80%的按线性内插赋分，80%以上得满分，60%以下不得分"
DUE = "满意度达到90%以上的得满分，达到80%-90%的得相应分数"

CASES = [
    # a formula written first, a band after it: the band holds where it applies, the formula elsewhere
    (FORMULA_THEN_BAND, "100%", "≥", "%", 8, "60%", "4.8", "60% is not below 50%: 完成率×分值 = 0.6 × 8"),
    (FORMULA_THEN_BAND, "100%", "≥", "%", 8, "45%", "0", "45% < 50%: 不得分 (the formula gave 3.6 before)"),
    (FORMULA_THEN_BAND, "100%", "≥", "%", 8, "50%", "4", "低于50% leaves 50% out: 0.5 × 8 = 4"),
    (FORMULA_THEN_BAND, "100%", "≥", "%", 8, "100%", "8", "1 × 8"),
    # （含） after a number on a 分 scale, before 以上 or a dash; a range with 分 at both ends
    (MARK_BEFORE_WORD, "≥90", "≥", "分", 10, "90", "10", "90分（含）以上: 90 is in, full marks 10"),
    (MARK_BEFORE_WORD, "≥90", "≥", "分", 10, "85", "8", "80 ≤ 85 < 90: 8"),
    (MARK_BEFORE_WORD, "≥90", "≥", "分", 10, "80", "8", "80分（含）: 80 is in the 8-point band"),
    (MARK_BEFORE_WORD, "≥90", "≥", "分", 10, "70", "6", "70分（含）-80分: 6"),
    (MARK_BEFORE_WORD, "≥90", "≥", "分", 10, "69", "0", "70分以下: 0"),
    (BETWEEN, "≥95", "≥", "分", 10, "95", "10", "95分及以上: 10"),
    (BETWEEN, "≥95", "≥", "分", 10, "90", "8", "85 ≤ 90 < 95: 8"),
    (BETWEEN, "≥95", "≥", "分", 10, "85", "8", "85分（含）: 8"),
    (BETWEEN, "≥95", "≥", "分", 10, "80", "5", "75 ≤ 80 < 85: 5"),
    (BETWEEN, "≥95", "≥", "分", 10, "70", "0", "75分以下: 0"),
    # 验收得分 is the name of the measured score, not an award
    (SCORE_SUBJECT, "≥90", "≥", "分", 5, "92", "5", "≥90: 5"),
    (SCORE_SUBJECT, "≥90", "≥", "分", 5, "89", "3", "80-89: 3"),
    (SCORE_SUBJECT, "≥90", "≥", "分", 5, "70", "1", "70-79: 1"),
    (SCORE_SUBJECT, "≥90", "≥", "分", 5, "65", "0", "70分以下: 0"),
    # 一 between two percentages is a dash
    (OCR_DASH, "≥90%", "≥", "%", 10, "92%", "10", "90%以上: 10"),
    (OCR_DASH, "≥90%", "≥", "%", 10, "85%", "6", "80%-90%: 6"),
    (OCR_DASH, "≥90%", "≥", "%", 10, "70%", "0", "低于80%: 0"),
    # 负增长 beside bands that all start at 0 or above: a negative growth falls in no band, 0 as the words say
    (NEGATIVE, "≥10%", "≥", "%", 10, "7%", "6", "5%-10%: 6"),
    (NEGATIVE, "≥10%", "≥", "%", 10, "0%", "3", "0-5% takes 0: 3"),
    (NEGATIVE, "≥10%", "≥", "%", 10, "-2%", "0", "负增长: no band takes −2%, 不得分"),
    # a linear interpolation between two written ends: 0 at the lower (60%以下不得分), full at the upper (80%以上)
    (TWO_ENDS, "≥80%", "≥", "%", 10, "70%", "5", "(70 − 60)/(80 − 60) × 10 = 5"),
    (TWO_ENDS, "≥80%", "≥", "%", 10, "65%", "2.5", "(65 − 60)/20 × 10 = 2.5"),
    (TWO_ENDS, "≥80%", "≥", "%", 10, "60%", "0", "the lower end: 0"),
    (TWO_ENDS, "≥80%", "≥", "%", 10, "85%", "10", "80%以上: 10"),
    (TWO_ENDS, "≥80%", "≥", "%", 10, "50%", "0", "60%以下: 0"),
    # 得相应分数: points the text does not state, a hand score
    (DUE, "≥90%", "≥", "%", 5, "95%", "5", "90%以上: 5"),
    (DUE, "≥90%", "≥", "%", 5, "85%", REFUSE, "80%-90%: 得相应分数, the points are not written"),
]


@pytest.mark.parametrize(("rule", "target", "comparator", "unit", "weight", "answer", "want", "why"), CASES)
def test_bands(rule: str, target: str, comparator: str, unit: str, weight: int, answer: str, want: str,
               why: str) -> None:  # fmt: skip
    kw = {"target": target, "comparator": comparator, "unit": unit, "weight": weight}
    if want == REFUSE:
        with pytest.raises(scoring.ScoringError):
            scoring.evaluate(rule, answer, **kw)  # type: ignore[arg-type]
        return
    assert scoring.evaluate(rule, answer, **kw).points == Decimal(want), why  # type: ignore[arg-type]
    assert compile_rule(rule, **kw).points(answer) == Decimal(want), why  # type: ignore[arg-type]


@pytest.mark.parametrize("rule", [FORMULA_THEN_BAND, MARK_BEFORE_WORD, BETWEEN, SCORE_SUBJECT, OCR_DASH, NEGATIVE, TWO_ENDS])
def test_render_round_trip(rule: str) -> None:
    parsed = scoring.parse(rule)
    assert scoring.parse(scoring.render(parsed)) == parsed


def test_the_ocr_dash_is_recorded_and_shown() -> None:
    parsed = scoring.parse(OCR_DASH)
    assert isinstance(parsed, scoring.Rule)
    assert any(c.kind == "ocr-dash" and c.before == "一" and c.after == "-" for c in parsed.normalized)
    shown = scoring.bind(parsed, target="≥90%", comparator="≥", unit="%").describe()
    assert "80％一90％ → 80％-90％" in shown and "请核对" in shown


def test_one_between_words_stays() -> None:
    # 一 is a dash only between two percentages: 统一 and 一次 are words, 90%一次 is no range
    from scoring.text.normalize import normalize

    assert [c.kind for c in normalize("完成率90%一次性达标得满分").changes] == []


@pytest.mark.parametrize(
    ("rule", "why"),
    [
        ("完成率60%-80%的按线性内插赋分", "no band beside says the points at either end"),
        ("完成率60%-80%的按线性内插赋分，80%以上得8分，60%以下不得分", "the band above scores 8, not full marks"),
        ("完成率60%-80%的按线性内插赋分，80%以上得满分，50%以下不得分", "no band says 60% scores 0"),
        ("满意度≥90%得满分；80%-90%之间按插值法计算得分；<80%不得分", "插值法 does not say linear (sixth probe L12)"),
        # 、 between two comparisons made one empty range (120% < x < 60%): 100% scored 0 as a gap; joined by 或
        # they are a union, read since semantics §93 (tests/test_shapes_conj.py)
        ("完成率低于60%、高于120%不得分", "、 made one empty range (120% < x < 60%): 100% scored 0 as a gap"),
    ],
)
def test_refused(rule: str, why: str) -> None:
    with pytest.raises(scoring.ScoringError):
        scoring.evaluate(rule, "70%", target="≥80%", comparator="≥", unit="%", weight=10)


def test_worded_due_points_are_asked_for() -> None:
    rule = "绩效目标完成情况好的得满分，较好的得相应分"
    assert scoring.evaluate(rule, "好", target="好", weight=5).points == Decimal(5)
    with pytest.raises(scoring.ScoringError):
        scoring.evaluate(rule, "较好", target="好", weight=5)


def test_the_band_after_a_formula_is_shown() -> None:
    s = scoring.evaluate(FORMULA_THEN_BAND, "45%", target="100%", comparator="≥", unit="%", weight=8)
    assert s.points == 0 and any("50%" in st.clause for st in s.trace)
