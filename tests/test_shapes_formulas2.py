"""Issue 11, semantics §63: formulas without 得分=, ÷ and X in formulas, a cap after a formula, an inclusive
mark after 以上, 不足N按N计. Variants of the probe shapes, each computed by hand from the text."""

from __future__ import annotations

from decimal import Decimal

import pytest

import scoring
from scoring.rules.render import render

W10 = {"target": "100%", "unit": "%", "weight": 10, "comparator": "≥"}

CASES = [
    # 按…计分 around a formula: 85% × 10 = 8.5; below 60% the veto: 0
    ("满意度低于60%的不得分；60%以上按满意度×分值计分", "85%", W10, "8.5"),
    ("满意度低于60%的不得分；60%以上按满意度×分值计分", "55%", W10, "0"),
    # 乘以 spelled out, 计算得分 closing: 70% × 10 = 7
    ("按完成率乘以分值计算得分", "70%", W10, "7"),
    # 其他情况 is otherwise: 80% → 0.8 × 10 = 8; 40% < 50% → 0
    ("执行率低于50%的不得分，其他情况按执行率×10计分", "80%", W10, "8"),
    ("执行率低于50%的不得分，其他情况按执行率×10计分", "40%", W10, "0"),
    # a formula alone: 92% × 10 = 9.2
    ("执行率×分值", "92%", W10, "9.2"),
    # ÷ after a name, 年度目标值 inside a name: 150 ÷ 200 × 8 = 6
    ("完成数÷年度目标值×指标分值", "150", {"target": "200", "unit": "件", "weight": 8, "comparator": "≥"}, "6"),
    # OCR: 二 for =, X before 分值: 0.7 × 10 = 7
    ("得分二完成率X分值", "70%", W10, "7"),
    # a cap after a formula below the weight: 90% ÷ 80% × 10 = 11.25, capped at 8
    ("得分=（完成率÷80%）×10，最高8分", "90%", W10, "8"),
    # … and above the weight: the clamp at the weight holds (11.25 → 10)
    ("得分=（完成率÷80%）×10，最高12分", "90%", W10, "10"),
    # below the cap the formula stands: 60% ÷ 80% × 10 = 7.5
    ("得分=（完成率÷80%）×10，最高8分", "60%", W10, "7.5"),
    # 最高不超过分值: the clamp stated: 240 ÷ 200 × 6 = 7.2 → 6
    ("得分=实际完成值÷目标值×分值，最高不超过分值", "240", {"target": "200", "unit": "人", "weight": 6, "comparator": "≥"}, "6"),
    # 以上（含80%）: 80% is full marks; 78% loses 2 × 0.5 = 1 → 9
    ("合格率达到80%以上（含80%）得满分，每低1个百分点扣0.5分", "80%", {**W10, "target": "80%"}, "10"),
    ("合格率达到80%以上（含80%）得满分，每低1个百分点扣0.5分", "78%", {**W10, "target": "80%"}, "9"),
    # 不足3%按3%计: 95% short by 5 = 1.67 steps → 2 steps × 2 = 4 → 6; 98% short 2 → 1 step → 8
    ("完成率100%得满分，每低3%扣2分（不足3%按3%计）", "95%", W10, "6"),
    ("完成率100%得满分，每低3%扣2分（不足3%按3%计）", "98%", W10, "8"),
]


@pytest.mark.parametrize(("text", "actual", "kw", "want"), CASES)
def test_hand_cases(text: str, actual: str, kw: dict[str, object], want: str) -> None:
    assert scoring.evaluate(text, actual, **kw).points == Decimal(want)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", sorted({c[0] for c in CASES}))
def test_round_trip(text: str) -> None:
    rule = scoring.parse(text)
    assert scoring.parse(render(rule)) == rule


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("完成率100%得满分，每低5%扣1分（不足5%按3%计）", "step-rounding"),  # which rounding: not written
        ("完成率100%得满分，每低5%扣1分，不足1%按1%计", "step-rounding"),  # N is not the step
        ("每少5人扣1分，不足5%按5%计", "step-rounding"),  # a % beside a step in 人
        ("满意度达到80%（不含）以上（含80%）得满分", "restated-mark"),  # included and excluded
    ],
)
def test_refused(text: str, code: str) -> None:
    with pytest.raises(scoring.RuleSyntaxError) as e:
        scoring.parse(text)
    assert e.value.code == code


@pytest.mark.parametrize(
    ("text", "actual", "weight", "want"),
    [
        ("满意度得分=满意度×分值", "87%", 10, "8.70"),  # 0.87 × 10
        ("预算执行率得分=预算执行率×10", "93.5%", 10, "9.35"),  # 0.935 × 10
        ("满意度得分=满意度×5", "90%", 5, "4.50"),  # 0.9 × 5
    ],
)
def test_the_name_before_score_equals_is_whose_score(text: str, actual: str, weight: int, want: str) -> None:
    # 满意度得分=…: 满意度 was a label condition answered 是/否, so 87% was refused (third/fourth probes E08, E04, E07)
    assert scoring.evaluate(text, actual, weight=weight).points == Decimal(want)
