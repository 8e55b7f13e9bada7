"""Twelfth probe A04, B29, F15 (semantics §135): a shortfall word and 目标值 before a range in 个百分点 (低于目标值3至6个百分点)
is §122's band on the shortfall; 低于目标值N个百分点扣M分 with no 以内/以上 is the step 低N个百分点 writes, per step without
每 (domain point 5), counted from the line the clause before states; 共包括N项 before a count-up award states the count as
包括N项 does (§97). Hand scores from the text; my own variants, not the probe's texts."""

from __future__ import annotations

import pytest
import shape_cases

import scoring

# target ≥90%, weight 10: bands on the shortfall from 90 in points; 以内 and a range include their ends, a gap claimed
# by two bands goes to the first listed (§20, §122)
TIERS = "合格率低于目标值3个百分点以内的扣3分，低于目标值3至6个百分点的扣6分，低于目标值6个百分点以上的不得分"
TIERS_REVERSED = "合格率低于目标值3个百分点以内的扣3分，低于目标值6至3个百分点的扣6分，低于目标值6个百分点以上的不得分"
# dash instead of 至, other subject, weight 6, target ≥80%
TIERS_DASH = "完成率低于目标值2个百分点以内的扣1分，低于目标值2-5个百分点的扣3分，低于目标值5个百分点以上的不得分"
G90 = {"target": "≥90%", "comparator": "≥", "unit": "%", "weight": 10}
G80 = {"target": "≥80%", "comparator": "≥", "unit": "%", "weight": 6}

# a line stated before a step written without 每: 95 → steps of 2 points below it, 1 point each, pro rata
LINE = "群众投诉办结率应达到95%，低于目标值2个百分点扣1分"
L95 = {"target": "≥95%", "comparator": "≥", "unit": "%", "weight": 5}
# no line in the text: the steps count from the row's target
ALONE = "审核通过率低于目标值1个百分点扣0.2分"
A90 = {"target": "≥90%", "comparator": "≥", "unit": "%", "weight": 2}

# 共包括 / 共包含 before a count-up award per one: the count caps it (count × points)
TASKS = "本项共包括4项建设任务，每完成1项得1.5分"
T4 = {"target": "4项", "comparator": "≥", "unit": "项", "weight": 6}
PARTS = "该项共包含5个子项目，每完成1个得2分"
P5 = {"target": "5个", "comparator": "≥", "unit": "个", "weight": 10}

CASES: list[shape_cases.Case] = [
    (TIERS, "91%", G90, "10"),  # target met: no band
    (TIERS, "90%", G90, "10"),
    (TIERS, "88%", G90, "7"),  # 2 points short: within 3
    (TIERS, "87%", G90, "7"),  # 3 short: 以内 includes 3 (first listed)
    (TIERS, "85%", G90, "4"),  # 5 short: 3至6
    (TIERS, "84%", G90, "4"),  # 6 short: 3至6 includes 6 (first listed)
    (TIERS, "83.5%", G90, "0"),  # 6.5 short
    (TIERS_REVERSED, "85%", G90, "4"),  # 6至3 is the same range (domain point 16)
    (TIERS_REVERSED, "88%", G90, "7"),
    (TIERS_DASH, "79%", G80, "5"),  # 1 short
    (TIERS_DASH, "77%", G80, "3"),  # 3 short: 2-5
    (TIERS_DASH, "74%", G80, "0"),  # 6 short
    (LINE, "95%", L95, "5"),
    (LINE, "96%", L95, "5"),
    (LINE, "93%", L95, "4"),  # one step of 2
    (LINE, "92%", L95, "3.5"),  # 3 points: 1.5 steps
    (LINE, "90%", L95, "2.5"),
    (LINE, "85%", L95, "0"),  # 5 steps, clamped at 0
    (ALONE, "90%", A90, "2"),
    (ALONE, "88%", A90, "1.6"),  # 2 steps × 0.2
    (ALONE, "87.5%", A90, "1.5"),  # 2.5 steps
    (TASKS, "0", T4, "0"),
    (TASKS, "3", T4, "4.5"),
    (TASKS, "4", T4, "6"),
    (PARTS, "3", P5, "6"),
    (PARTS, "5", P5, "10"),
]

test_hand_cases, test_compiled_agrees, test_round_trip = shape_cases.checks(CASES)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # a range of the value (%, not 个百分点) after the shortfall word and 目标值 says two things: refused as before
        ("完成率低于目标值80%-90%的扣4分", "op-before-range"),
        ("完成率低于目标值5%至10%的扣4分", "op-before-range"),
        # an excess word with 目标值 before a range in 个百分点 names no band §122 reads
        ("完成率高于目标值5至10个百分点的扣4分", "op-before-range"),
        # 共包括 a count in another counter than the award's: the count is read by nothing
        ("本项共包括6篇调研报告，每完成1项得1分", "unread-number"),
    ],
)
def test_refused(text: str, code: str) -> None:
    assert shape_cases.refusal(text).code == code


@pytest.mark.parametrize("target", ["≥97%", "≥90%"])
def test_a_line_other_than_the_rows_target_is_refused(target: str) -> None:
    # 低于目标值 counts from the text's 95 or from the row's target: which is not written (as §65's plan)
    kw = {**L95, "target": target}
    with pytest.raises(scoring.ScoringError, match="target-differs"):
        scoring.evaluate(LINE, "93%", **kw)  # type: ignore[arg-type]
    with pytest.raises(scoring.ScoringError, match="target-differs"):
        scoring.compile(LINE, **kw).points("93%")  # type: ignore[arg-type]


def test_a_band_with_a_suffix_stays_a_band() -> None:
    # 低于目标值3个百分点以上扣2分: a one-off band (以上), not a step: 80 on a target of 90 is 10 short, 2 off once
    text = "满意度达到目标值得满分，低于目标值3个百分点以上扣2分"
    assert scoring.evaluate(text, "80%", **G90).points == 8  # type: ignore[arg-type]
