"""A qualifier number inside the name of a rate, and a line kept before 超过的按比例扣分 (docs/semantics.md §107).
Every expectation is computed by hand from the rule text and the semantics, its arithmetic beside it; the evaluator
and the compiled rule must agree, accepted texts read back."""

from __future__ import annotations

from decimal import Decimal

import pytest
import shape_cases

import scoring
from scoring.rules.nodes import Quantity

# ------------------------------------------------------------------ a qualifier inside the rate's name

VILLAGES = "村级集体经济收入10万元以上的村占比达到60%以上得5分；占比50%-60%得3分；占比低于50%得1分"
ROW5 = {"weight": 5}

# ------------------------------------------------------------------ a line kept, then 按比例 on its other side

FIRE = "森林火灾受害率控制在0.9‰以内，超过的按比例扣分"
FIRE_ROW = {"weight": 10, "target": "0.9‰"}  # no comparator: the side of the full-marks band (≤)
FIRE_LE = {"weight": 10, "target": "0.9‰", "comparator": "≤"}
FIRE_PART = "森林火灾受害率控制在0.9‰以内，超过部分按比例扣分"
SATISFIED = "满意度不低于90%，低于的按比例扣分"
SAT_ROW = {"weight": 10, "target": "90%", "comparator": "≥"}
WRITTEN = "受害率0.9‰以内得满分，超过的按比例扣分"  # the full-marks band written: the side with no comparator

# ------------------------------------------------------------------ a ratio named by its words

WORKS = "按实际完成工程量占计划工程量的比例给分"  # 按比例 (§8): weight × min(1, actual / target)
WORKS_ROW = {"weight": 10, "target": "200", "comparator": "≥"}

CASES: list[shape_cases.Case] = [
    (VILLAGES, "65%", ROW5, "5"),  # ≥ 60% → 5; the 10万元 only says which villages count
    (VILLAGES, "60%", ROW5, "5"),  # 60% is in 60%以上 and 50%-60%: the band listed first
    (VILLAGES, "55%", ROW5, "3"),  # 50% ≤ 55% ≤ 60% → 3
    (VILLAGES, "50%", ROW5, "3"),  # the range's low end, included (§1)
    (VILLAGES, "49.9%", ROW5, "1"),  # < 50% → 1
    (FIRE, "0.8‰", FIRE_ROW, "10"),  # within 0.9‰ → full marks
    (FIRE, "0.9‰", FIRE_ROW, "10"),  # 以内 includes its line
    (FIRE, "1.2‰", FIRE_ROW, "7.50"),  # ≤ target: 10 × 0.9 / 1.2 = 7.5 (§8)
    (FIRE, "1.8‰", FIRE_ROW, "5"),  # 10 × 0.9 / 1.8 = 5
    (FIRE, "1.35‰", FIRE_ROW, "6.67"),  # 10 × 0.9 / 1.35 = 6.666… → 6.67 (half-up)
    (FIRE, "1.2‰", FIRE_LE, "7.50"),  # the comparator given: the same
    (FIRE_PART, "1.2‰", FIRE_ROW, "7.50"),  # 超过部分 names the same side
    (SATISFIED, "81%", SAT_ROW, "9"),  # 10 × 81 / 90 = 9
    (SATISFIED, "95%", SAT_ROW, "10"),  # within the line
    (WRITTEN, "1.2‰", FIRE_ROW, "7.50"),
    (WORKS, "150", WORKS_ROW, "7.50"),  # 10 × 150 / 200 = 7.5
    (WORKS, "250", WORKS_ROW, "10"),  # 250 / 200 capped at 1 (§8)
    (WORKS, "80%", WORKS_ROW, "8"),  # a completion rate answered: 10 × 80%
    (WORKS, "80%", ROW5 | {"weight": 10}, "8"),  # no target: the rate itself, 10 × 80%
    ("按实际完成工程量占目标工程量的比例得分", "150", WORKS_ROW, "7.50"),  # 目标 as 计划  # 10 × 0.9 / 1.2; it was 10 (≥ assumed: 1.2/0.9 capped at 1)
]

test_hand_cases, test_compiled_agrees, test_round_trip = shape_cases.checks(CASES)


def test_qualifier_is_in_the_name() -> None:
    """The 10万元 is part of the subject, as written with its comparison word, never an edge."""
    rule = scoring.parse(VILLAGES)
    first = rule.clauses[0].condition  # type: ignore[union-attr]
    assert first.subject == "村级集体经济收入10万元以上的村占比"
    assert first.named == (Quantity(Decimal(100000), "元"),)
    assert first.low.value == Quantity(Decimal(60), "%")
    assert scoring.parse(VILLAGES.replace("以上的村", "以下的村")) != rule  # another qualifier, another rule


def test_the_kept_line_is_full_marks() -> None:
    rule = scoring.parse(FIRE)
    assert rule == scoring.parse("森林火灾受害率控制在0.9‰以内得满分，超过的按比例扣分")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # no 的 after the qualifier: 10万元以上 may be a line on the income itself
        ("村级集体经济收入10万元以上村占比达到60%以上得5分；占比低于60%得1分", "unread-number"),
        # the qualifier before a count, not a rate: not read (§57 reads names of rates only)
        ("村级集体经济收入10万元以上的村达到60个以上得5分", "unread-number"),
        # 低于的 names the line's own side (0.9‰以内 is already below): which values are deducted?
        ("森林火灾受害率控制在0.9‰以内，低于的按比例扣分", "unread-number"),
        # a line of its own after 超过: §41's condition, which leaves 0.9‰-1‰ to no clause
        ("森林火灾受害率控制在0.9‰以内，超过1‰的按比例扣分", "proportional-condition"),
        # the two names are not one quantity: 工程量 over 投资额 is no value over its target
        ("按实际完成工程量占计划投资额的比例给分", "ratio-names"),
    ],
)
def test_refused(text: str, code: str) -> None:
    assert shape_cases.refusal(text).code == code


def test_ratio_needs_a_target_for_a_count() -> None:
    with pytest.raises(scoring.EvaluationError, match="指标值"):
        scoring.evaluate(WORKS, "150", weight=10)


def test_per_mille_answer_in_percent_refused() -> None:
    with pytest.raises(scoring.EvaluationError, match="单位不一致"):
        scoring.evaluate(FIRE, "0.12%", weight=10, target="0.9‰")


def test_per_mille_needs_a_target() -> None:
    with pytest.raises(scoring.EvaluationError, match="指标值"):
        scoring.evaluate(FIRE, "1.2‰", weight=10)
