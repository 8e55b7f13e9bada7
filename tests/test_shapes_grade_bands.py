"""A grade followed by its band in brackets (优（100%）得满分，良（90%-100%）得8分…), and a band followed by the
grade that names it (完成率90%以上（优秀）得满分): the band is the condition, the grade a second name of it, and
the answer is the measured value or the grade word (docs/semantics.md §103, domain points 1, 10, 20). Every
expectation is computed by hand from the rule text and the semantics, its arithmetic beside it; the evaluator
and the compiled rule must agree, accepted texts read back."""

from __future__ import annotations

from decimal import Decimal

import pytest
import shape_cases

import scoring
from scoring.rules.nodes import Range

# weight 10, target 100%, ≥. 优 is exactly 100% (a bare number in the brackets, §103); 良 90%-100% and 中
# 80%-90% include both ends (§1 dash range); 差 80%以下 includes 80 (以下, §1). Shared ends go to the band
# listed first: 100% → 优, 90% → 良, 80% → 中.
PLAN = "按计划完成率评价：优（100%）得满分，良（90%-100%）得8分，中（80%-90%）得6分，差（80%以下）不得分"
# 优秀 90% and above; 良好 80%-90% (both ends, 90 taken by 优秀 listed first); 一般 below 80 (以下 includes 80,
# taken by 良好 listed first)
WORDS = "优秀（90%以上）得满分，良好（80%-90%）得8分，一般（80%以下）得5分"
# signs inside the brackets, the points after a colon: 优秀 ≥90% → 10; 良好 80% ≤ x < 90% → 8
SIGNS = "优秀（≥90%）：10分；良好（80%≤x<90%）：8分"
# the grade after the band (the brackets hold the grade): 优秀 ≥90% → full; 良好 80%-90% → 8
AFTER = "完成率90%以上（优秀）得满分，80%-90%（良好）得8分"
ROW = {"weight": 10, "target": "100%", "comparator": "≥"}

CASES = [
    (PLAN, "95%", ROW, "8"),  # in 良 (90%-100%)
    (PLAN, "90%", ROW, "8"),  # 90 is an end of 良 and of 中: 良 is listed first
    (PLAN, "100%", ROW, "10"),  # exactly 优's 100%, listed before 良 which also holds it
    (PLAN, "85%", ROW, "6"),  # in 中
    (PLAN, "80%", ROW, "6"),  # 中 (listed before 差, 80%以下 includes 80)
    (PLAN, "79%", ROW, "0"),  # 差: 不得分
    (PLAN, "良", ROW, "8"),  # the grade word names 良's band: as 95% does
    (PLAN, "优", ROW, "10"),
    (PLAN, "中", ROW, "6"),
    (PLAN, "差", ROW, "0"),
    (WORDS, "92%", ROW, "10"),  # ≥90
    (WORDS, "90%", ROW, "10"),  # 90以上 includes 90, listed first
    (WORDS, "85%", ROW, "8"),
    (WORDS, "80%", ROW, "8"),  # 良好 listed before 一般
    (WORDS, "70%", ROW, "5"),
    (WORDS, "优秀", ROW, "10"),
    (WORDS, "良好", ROW, "8"),
    (WORDS, "一般", ROW, "5"),
    (SIGNS, "90%", ROW, "10"),  # ≥90
    (SIGNS, "89.9%", ROW, "8"),  # 80 ≤ 89.9 < 90
    (SIGNS, "80%", ROW, "8"),
    (SIGNS, "79%", ROW, "0"),  # in no band: a gap, 0 (§1)
    (SIGNS, "良好", ROW, "8"),
    (AFTER, "95%", ROW, "10"),
    (AFTER, "85%", ROW, "8"),
    (AFTER, "优秀", ROW, "10"),  # the grade after the band names it too
    (AFTER, "良好", ROW, "8"),
]


test_a_grade_band_scores, test_a_grade_band_scores_compiled, test_round_trip = shape_cases.checks(CASES)


def test_the_grade_is_a_second_name_of_the_band() -> None:
    rule = scoring.parse(PLAN)
    bands = [c.condition for c in rule.awards]
    assert [b.grade for b in bands if isinstance(b, Range)] == ["优", "良", "中", "差"]
    top = bands[0]
    assert isinstance(top, Range)
    # 优（100%）: exactly 100%, both ends a reading (stated=False), not ≥100%
    assert top.low == top.high and top.low is not None and top.low.value.value == Decimal(100)
    assert not top.low.stated
    after = scoring.parse(AFTER).awards[0].condition
    assert isinstance(after, Range) and after.subject == "完成率" and after.grade == "优秀"


@pytest.mark.parametrize(
    ("text", "actual", "needs"),
    [
        # 优（100%）says only 100%: whether 101% is 优 the text does not say; refused, not a gap scored 0
        (PLAN, "101%", "只写了100%这一个值"),
        (PLAN, "优秀", "不是这条规则的等级"),  # 优秀 is not 优 (no synonym listed, never a part of a word)
        (PLAN, "良好", "不是这条规则的等级"),
        (WORDS, "优", "不是这条规则的等级"),  # 优 is a part of 优秀, not its word
        (WORDS, "好", "不是这条规则的等级"),
        (AFTER, "优", "不是这条规则的等级"),
    ],
)
def test_refused_answers(text: str, actual: str, needs: str) -> None:
    with pytest.raises(scoring.EvaluationError, match=needs):
        scoring.evaluate(text, actual, **ROW)  # type: ignore[arg-type]


def test_a_value_and_a_grade_cannot_both_be_given() -> None:
    # one input (the value, or the grade naming its band): two answers are refused, agreeing or not
    with pytest.raises(scoring.EvaluationError):
        scoring.evaluate(PLAN, {"实际值": "95%", 1: "中"}, **ROW)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "code", "at"),
    [
        # a band in brackets after words that are no grade: which band the words name is not said
        ("完成情况（90%以上）得满分，（80%-90%）得8分", "grade-band", "（90%以上）"),
        # a comparison outside the brackets too: two conditions for one band
        ("良好90%以上（80%-90%）得8分", "grade-band", "（80%-90%）"),
    ],
)
def test_refused_with_caret(text: str, code: str, at: str) -> None:
    e = shape_cases.refusal(text)
    assert e.code == code
    assert e.pos == text.index(at)
