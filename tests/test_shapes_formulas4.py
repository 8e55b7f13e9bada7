"""Semantics §87: formulas and proportional clauses found by the sixth blind probe: a percentage in plain
arithmetic stays in points, a formula giving a percentage is refused, formulas under a worded condition,
names of the value and the target read as data (实际…数 / 计划…数), formulas in words with a capped ratio,
按实际完成比例给分, a bonus cap over several bonuses. Variants of the probe shapes (not their texts), each
computed by hand from the text and docs/semantics.md."""

from __future__ import annotations

import pytest
import shape_cases

import scoring

PCT10 = {"target": "100%", "unit": "%", "weight": 10, "comparator": "≥"}
PCT5_90 = {"target": "90%", "unit": "%", "weight": 5, "comparator": "≥"}

CASES = [
    # a % in a term with no weight is in points (§12): 10 - (100-85)×0.2 = 7
    ("得分=分值-（目标值-实际值）×0.2", "85%", PCT10, "7"),
    # the target 90%: 5 - (90-86)×0.5 = 3; beyond the target 5 + 2×0.5 = 6 → clamped at 5
    ("得分=指标分值-（计划值-实际值）×0.5", "86%", PCT5_90, "3"),
    ("得分=指标分值-（计划值-实际值）×0.5", "92%", PCT5_90, "5"),
    # far below: 10 - 40×0.2 = 2; 10 - 60×0.2 < 0 → 0
    ("得分=分值-（目标值-实际值）×0.2", "60%", PCT10, "2"),
    ("得分=分值-（目标值-实际值）×0.2", "40%", PCT10, "0"),
    # inside a term with the weight it is a fraction: 10 × (1 - (1 - 0.92)) = 9.2
    ("得分=分值×（1-（目标值-实际值））", "92%", PCT10, "9.2"),
    # ×100% beside the weight is still points: 80/100 × 1 × 10 = 8
    ("得分=实际完成数/计划数×100%×分值", "80", {"target": "100", "unit": "个", "weight": 10, "comparator": "≥"}, "8"),
    # 实际… / 计划… name the value and the target: 450/600 × 6 = 4.5; beyond the target capped at 6
    ("得分=实际开工项目数/计划开工项目数×分值", "450", {"target": "600个", "unit": "个", "weight": 6, "comparator": "≥"}, "4.5"),
    ("得分=实际开工项目数/计划开工项目数×分值", "700", {"target": "600个", "unit": "个", "weight": 6, "comparator": "≥"}, "6"),
    # 目标… too, the value first: 96 of 120 → 0.8 × 10 = 8
    ("得分=实际接种人次/目标接种人次×分值", "96", {"target": "120人次", "unit": "人次", "weight": 10, "comparator": "≥"}, "8"),
    # 序时进度 is the target; the one other name beside it and the weight is the value: 48/80 × 5 = 3
    ("支付进度达到序时进度得满分，未达到的按支付进度/序时进度×分值计分", "48%", {"target": "80%", "unit": "%", "weight": 5, "comparator": "≥"}, "3"),
    ("支付进度达到序时进度得满分，未达到的按支付进度/序时进度×分值计分", "85%", {"target": "80%", "unit": "%", "weight": 5, "comparator": "≥"}, "5"),
    # 低于序时进度N个百分点以内: a band on the shortfall in points (§20), on 80%: 72% is 8 short → 2; 65% is 15 → 0
    ("支付进度不低于序时进度的得满分，低于序时进度10个百分点以内的得2分，低于10个百分点以上的不得分", "72%", {"target": "80%", "unit": "%", "weight": 4, "comparator": "≥"}, "2"),
    ("支付进度不低于序时进度的得满分，低于序时进度10个百分点以内的得2分，低于10个百分点以上的不得分", "65%", {"target": "80%", "unit": "%", "weight": 4, "comparator": "≥"}, "0"),
    # the same with 目标值 (it read 低于目标值10个百分点以内 as the completion ratio ≤10%: 72% scored 0)
    ("不低于目标值的得满分，低于目标值10个百分点以内的得2分，低于10个百分点以上的不得分", "72%", {"target": "80%", "unit": "%", "weight": 4, "comparator": "≥"}, "2"),
    # 超出预算: a band on the excess of any size (§82); within the budget none holds: full marks.
    # ≤40万元, weight 8: 50 → 40/50 × 8 = 6.4; 40 → 8; 32 → 8
    ("支出超出预算的，按预算控制数/实际支出×分值计分", "50", {"target": "40万元", "unit": "万元", "weight": 8, "comparator": "≤"}, "6.4"),
    ("支出超出预算的，按目标值/实际值×分值计分", "50", {"target": "40万元", "unit": "万元", "weight": 8, "comparator": "≤"}, "6.4"),
    ("支出超出预算的，按目标值/实际值×分值计分", "40", {"target": "40万元", "unit": "万元", "weight": 8, "comparator": "≤"}, "8"),
    ("支出超出预算的，按目标值/实际值×分值计分", "32", {"target": "40万元", "unit": "万元", "weight": 8, "comparator": "≤"}, "8"),
    # 未达到目标值: below the line (the 未 was dropped, the formula read on ≥ the target): 150 of 200 → 0.75 × 4 = 3
    ("达到目标值得满分，未达到目标值的，按实际值/目标值×分值计分", "150", {"target": "200吨", "unit": "吨", "weight": 4, "comparator": "≥"}, "3"),
    ("达到目标值得满分，未达到目标值的，按实际值/目标值×分值计分", "210", {"target": "200吨", "unit": "吨", "weight": 4, "comparator": "≥"}, "4"),
]


# the evaluator, the compiled rule (|…| is abs() in its code) and the round trip of every case
test_hand_cases, test_compiled_agrees, test_round_trip = shape_cases.checks(CASES)


def test_names_left_undefined() -> None:
    """偏差额 beside the target is worked out from the value by a rule not written: not the value; 序时进度
    with no target on the row cannot be compared."""
    with pytest.raises(scoring.ScoringError):
        scoring.evaluate("得分=分值×（1-偏差额/目标值）", "90", target="100万元", unit="万元", weight=10)
    with pytest.raises(scoring.ScoringError):
        scoring.evaluate("支付进度达到序时进度得满分，未达到的按支付进度/序时进度×分值计分", "60%", unit="%", weight=5)


def test_mixed_scale_refused() -> None:
    """实际值 both beside the weight (a fraction) and in a term without it (points): not written which."""
    with pytest.raises(scoring.ScoringError):
        scoring.evaluate("得分=实际值×分值-（目标值-实际值）×0.5", "92%", **PCT10)  # type: ignore[arg-type]
    with pytest.raises(scoring.ScoringError):
        scoring.compile("得分=实际值×分值-（目标值-实际值）×0.5", **PCT10).points("92%")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # the result is a percentage, not points (no weight in the formula)
        ("得分=（实际完成值/计划完成值）×100%", "formula-percentage"),
        ("得分=实际完成数/计划数×100%", "formula-percentage"),
        ("得分=100%×实际值/目标值", "formula-percentage"),
    ],
)
def test_refused(text: str, code: str) -> None:
    with pytest.raises(scoring.RuleSyntaxError) as e:
        scoring.parse(text)
    assert e.value.code == code
