"""Semantics §96: proportional and formula wordings built from their pieces: 以/按照 opening a formula as 按
does, a quotient in words (与…之比, 和…的比值), a unit in brackets after a name (满意度（%）), the indicator
itself before a formula (本指标), 超过100%的按100%计 beside ratio × weight, 按 + whose completion + 比例 + any
verb of scoring, a veto band beside 按比例 above its line. Variants of the probe shapes, each computed by hand
from the text and docs/semantics.md."""

from __future__ import annotations

import pytest
import shape_cases

import scoring

PIECES8 = {"target": "200个", "unit": "个", "weight": 8, "comparator": "≥"}
PEOPLE5 = {"target": "400人", "unit": "人", "weight": 5, "comparator": "≥"}
MONEY6 = {"target": "50万元", "unit": "万元", "weight": 6, "comparator": "≥"}
PCT10_90 = {"target": "90%", "unit": "%", "weight": 10, "comparator": "≥"}
PCT5_95 = {"target": "95%", "unit": "%", "weight": 5, "comparator": "≥"}
PLAN6 = {"target": "120个", "unit": "个", "weight": 6, "comparator": "≥"}

RATIO_CAPPED = "以实际完成值与目标值之比乘以权重计算得分，超过100%的按100%计。"
BY_RATIO = "本指标按照实际完成值与目标值的比值乘以指标分值计算，最高不超过指标分值"
DEFINED = "偏离度=|实际值-目标值|/目标值。偏离度≤5%得满分，5%＜偏离度≤10%得60%分值，偏离度＞10%不得分"
DEFINED_LE = "偏差率=｜实际完成值-计划值｜/计划值，偏差率在5%以内得满分，偏差率5%-15%得3分，偏差率超过15%不得分"
MONEY10 = {"target": "100万元", "unit": "万元", "weight": 10, "comparator": "≥"}
TONS5_LE = {"target": "100吨", "unit": "吨", "weight": 5, "comparator": "≤"}
VETO_LINE = "群众满意度低于60%的，记零分，并予以一票否决；60%以上按比例得分"

CASES = [
    # 之比 is the quotient, 乘以 ×, 权重 the weight: 150/200 × 8 = 6; above the target the ratio counts 100%: 8
    (RATIO_CAPPED, "150", PIECES8, "6"),
    (RATIO_CAPPED, "260", PIECES8, "8"),
    # 和…之比, 计分 closing, 超出100%的部分按100%计算: 90/120 × 6 = 4.5; 150 → 6
    ("以实际完成数和计划数之比乘以分值计分，超出100%的部分按100%计算", "90", PLAN6, "4.5"),
    ("以实际完成数和计划数之比乘以分值计分，超出100%的部分按100%计算", "150", PLAN6, "6"),
    # 按照 … 的比值 … 计算, 本指标 no condition: 45/50 × 6 = 5.4; 60 → capped at 6 (the ceiling is the clamp)
    (BY_RATIO, "45", MONEY6, "5.4"),
    (BY_RATIO, "60", MONEY6, "6"),
    # brackets inside 按…计算得分 (tenth probe D24: the bracket was left a parse tree and evaluating it crashed):
    # 1500/2000 × 10 = 7.5; 1820/2000 × 10 = 9.1; 2500 → the clamp at the weight, 10
    ("按（实际完成投资额÷计划投资额）×满分计算得分", "1500", {**MONEY10, "target": "2000万元"}, "7.5"),
    ("按（实际完成投资额÷计划投资额）×满分计算得分", "1820", {**MONEY10, "target": "2000万元"}, "9.1"),
    ("按(实际完成数÷计划数)×指标分值计分", "2500", {**MONEY10, "target": "2000万元"}, "10"),
    ("按实际完成数与计划数的比值乘以分值计分", "100", PLAN6, "5"),
    # 以 + a rate + 乘以 + the weight: 0.85 × 5 = 4.25
    ("以完成率乘以分值计算得分", "85%", PCT5_95, "4.25"),
    # 按实际完成比例给分: 5 × 300/400 = 3.75; 超额完成不加分: 500 → 5
    ("按实际完成比例给分，超额完成不加分", "300", PEOPLE5, "3.75"),
    ("按实际完成比例给分，超额完成不加分", "500", PEOPLE5, "5"),
    ("按实际完成进度比例打分", "100", PEOPLE5, "1.25"),
    # 满意度（%）: the name with its unit; the rate scales the weight: 0.92 × 10 = 9.2, 0.75 × 10 = 7.5
    ("满意度（%）×本项分值", "92%", PCT10_90, "9.2"),
    ("满意度（%）×本项分值", "75%", PCT10_90, "7.5"),
    ("满意度(%)×分值", "88%", PCT5_95, "4.4"),
    # the veto band below 60% (0, before everything, §7, §31); 按比例 above it is §8's: 10 × actual/90%
    (VETO_LINE, "59%", PCT10_90, "0"),
    (VETO_LINE, "60%", PCT10_90, "6.67"),  # 60/90 × 10 = 6.666… → 6.67
    (VETO_LINE, "81%", PCT10_90, "9"),
    (VETO_LINE, "95%", PCT10_90, "10"),
    ("群众满意度低于60%的，一票否决；60%以上按比例得分", "72%", PCT10_90, "8"),
    # 偏离度 defined with |…| over the target: the bands read it on both sides, relative, whatever the comparator.
    # ≥100万元: 104 → 4% → 10; 108 → 8% → 6 (one-sided it was 10); 89 → 11% → 0
    (DEFINED, "104", MONEY10, "10"),
    (DEFINED, "108", MONEY10, "6"),
    (DEFINED, "89", MONEY10, "0"),
    # on 90%: |85 − 90| / 90 = 5.56% → 6 (in points it would be 5 → 10); 95% likewise 5.56% → 6
    (DEFINED, "85%", PCT10_90, "6"),
    (DEFINED, "95%", PCT10_90, "6"),
    # ≤100吨, fullwidth bars, 计划值, 在…以内: 88 → 12% → 3 (one-sided ≤ it was full marks); 116 → 16% → 0
    (DEFINED_LE, "88", TONS5_LE, "3"),
    (DEFINED_LE, "97", TONS5_LE, "5"),
    (DEFINED_LE, "116", TONS5_LE, "0"),
]


# the evaluator, the compiled rule (|…| is abs() in its code) and the round trip of every case
test_hand_cases, test_compiled_agrees, test_round_trip = shape_cases.checks(CASES)


def test_ratio_in_words_is_a_quotient() -> None:
    """之比 and 的比值 give the same formula as /: the first name over the second."""
    assert scoring.parse("按实际完成数与计划数的比值乘以分值计分") == scoring.parse("按实际完成数/计划数×分值计分")
    assert scoring.parse("以完成率乘以分值计算得分") == scoring.parse("得分=完成率×分值")


def test_self_reference_is_no_condition() -> None:
    """本指标 before the formula is the indicator itself: the formula scores every value, no 是/否 asked."""
    rule = scoring.parse(BY_RATIO)
    assert rule == scoring.parse("按照实际完成值与目标值的比值乘以指标分值计算，最高不超过指标分值")


@pytest.mark.parametrize(
    ("text", "code", "piece"),
    [
        # the ratio cap beside two formulas: which ratio is counted at 100% is not written (×8 alone: §123)
        ("完成率90%以上的，得分=完成率×8；其他的，得分=完成率×6；超过100%的按100%计", "ratio-cap", "超过100%的按100%计"),
        # beside bands, no formula: which ratio is counted at 100% is not written
        ("完成率90%以上得满分，超过100%的按100%计", "ratio-cap", "超过100%的按100%计"),
        # a cap at 120% is no clamp: its numbers stay unread
        ("以实际完成值与目标值之比乘以权重计算得分，超过120%的按120%计", "unread-number", "120"),
        # beside a bonus: the two contradict each other
        ("得分=实际完成值/目标值×权重，超过100%的按100%计，每超1%加1分", "bonus-contradiction", "超过100%的按100%计"),
        # a formula as a band's subject (not read yet): a code of its own, the caret on the operator
        ("实际完成值/目标值×100%≥100%得满分，低于100%按比例得分", "formula-condition", "×"),
        ("实际完成数÷计划数达到100%的得满分", "formula-condition", "实际完成数÷计划数"),
        # a deviation relative to the actual, not the target: no band reads that yet
        ("偏离度=|目标值-实际值|/实际值。偏离度≤5%得满分，偏离度＞5%不得分", "definition-unused", "偏离度=|目标值-实际值|/实际值"),
        # steps beside the bands: which side a step counts is not read from the definition
        ("偏离度=|实际值-目标值|/目标值。偏离度≤5%得满分，每超1%扣1分", "definition-unused", "偏离度=|实际值-目标值|/目标值"),
    ],
)
def test_refused(text: str, code: str, piece: str) -> None:
    with pytest.raises(scoring.RuleSyntaxError) as e:
        scoring.parse(text)
    assert e.value.code == code
    assert text[e.value.pos : e.value.pos + e.value.length] == piece
