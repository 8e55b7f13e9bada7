"""Semantics §78: absolute values and definitions in formulas, 按完成率计分, proportional phrases with their
object, 超额完成不加分, 按每…扣N分计算, 得分为满分, a range of shares by hand. Variants of the probe shapes
(not their texts), each computed by hand from the text and docs/semantics.md."""

from __future__ import annotations

from decimal import Decimal

import pytest
import shape_cases

import scoring
from scoring.rules.render import render

W10 = {"target": "100%", "unit": "%", "weight": 10, "comparator": "≥"}
TONS = {"target": "200", "unit": "吨", "weight": 10, "comparator": "="}

CASES = [
    # |实际值-目标值|: either side alike. 180 on =200: 1 - 20/200 = 0.9 → 9; 230: 1 - 30/200 = 0.85 → 8.5
    ("得分=（1-|实际值-目标值|/目标值）×分值", "180", TONS, "9"),
    ("得分=（1-|实际值-目标值|/目标值）×分值", "230", TONS, "8.5"),
    # fullwidth bars read the same: 230 → 8.5
    ("得分=（1-｜实际值-目标值｜/目标值）×分值", "230", TONS, "8.5"),
    # beyond twice the target the formula goes below 0: clamped at 0 (§6)
    ("得分=（1-|实际值-目标值|/目标值）×分值", "420", TONS, "0"),
    # a definition read in the formula's place: 偏差率 = |170-200|/200 = 15%, 10 × 0.85 = 8.5
    ("得分=分值×（1-偏差率），偏差率=|实际值-目标值|/目标值", "170", TONS, "8.5"),
    # with ×100% in the definition (100% is 1): the same 8.5
    ("得分=分值×（1-偏差率），偏差率=|实际值-目标值|/目标值×100%", "170", TONS, "8.5"),
    # 按完成率计分 is 完成率×分值: 65% → 6.5; below 60% the band: 0; 120% → 12, capped at 10
    ("完成率低于60%不得分，60%以上按完成率计分", "65%", W10, "6.5"),
    ("完成率低于60%不得分，60%以上按完成率计分", "59%", W10, "0"),
    ("完成率低于60%不得分，60%以上按完成率计分", "120%", W10, "10"),
    # 按未完成比例扣减分值 on ≥500户: 400 → 10 × 400/500 = 8
    ("未完成的按未完成比例扣减分值", "400", {"target": "≥500户", "unit": "户", "weight": 10, "comparator": "≥"}, "8"),
    # 按超支比例扣减分值 on ≤50万元 (linear, §8): 55 → 10 × (1 - 5/50) = 9
    ("超出预算的，按超支比例扣减分值", "55", {"target": "50万元", "unit": "万元", "weight": 10, "comparator": "≤"}, "9"),
    # 超额完成不加分 caps at the weight, which holds anyway: 130% → 10; 95% → 10 - 5 × 0.5 = 7.5
    ("完成率达到100%得满分，每低1%扣0.5分，超额完成不加分", "130%", W10, "10"),
    ("完成率达到100%得满分，每低1%扣0.5分，超额完成不加分", "95%", W10, "7.5"),
    # 按每…扣N分计算 / 扣减: the step as written. 97% → 3 × 0.4 = 1.2 lost → 8.8
    ("完成率100%，未完成的按每少1个百分点扣0.4分计算", "97%", W10, "8.8"),
    ("达到100%得满分，低于100%的按每2%扣1分扣减", "97%", W10, "8.5"),
    # 按每…扣减 with 扣完为止 and a zero band: 90% → 10 lost × 0.5 = 5; 84% → 0 (the band)
    ("完成率达100%得满分；低于100%的，按每低1%扣0.5分扣减，扣完为止；低于85%的不得分", "90%", W10, "5"),
    ("完成率达100%得满分；低于100%的，按每低1%扣0.5分扣减，扣完为止；低于85%的不得分", "84%", W10, "0"),
    # 得分为满分 is full marks beside shares of the weight: 100% → 10, 92% → 70% of 10 = 7, 70% → 4
    ("完成率≥100%，得分为满分；85%≤完成率<100%，得分为分值的70%；完成率<85%，得分为分值的40%", "100%", W10, "10"),
    ("完成率≥100%，得分为满分；85%≤完成率<100%，得分为分值的70%；完成率<85%，得分为分值的40%", "92%", W10, "7"),
    ("完成率≥100%，得分为满分；85%≤完成率<100%，得分为分值的70%；完成率<85%，得分为分值的40%", "70%", W10, "4"),
]


# the evaluator, the compiled rule (|…| is abs() in its code) and the round trip of every case
test_hand_cases, test_compiled_agrees, test_round_trip = shape_cases.checks(CASES)


def test_definition_is_the_formula() -> None:
    """The name defined is read in the formula's place: the same rule as the formula written out."""
    defined = scoring.parse("得分=分值×（1-偏差率），偏差率=|实际值-目标值|/目标值")
    assert defined == scoring.parse("得分=分值×（1-|实际值-目标值|/目标值）")


def test_abs_is_not_the_difference() -> None:
    """Without the bars, 230 on =200 is 1 - (230-200)/200 = 0.85 … and 170 is 1 + 30/200 → capped at 10:
    the bars make 170 score 8.5 (the test fails if the bars were dropped)."""
    assert scoring.evaluate("得分=（1-|实际值-目标值|/目标值）×分值", "170", **TONS).points == Decimal("8.5")  # type: ignore[arg-type]
    assert scoring.evaluate("得分=（1-(实际值-目标值)/目标值）×分值", "170", **TONS).points == Decimal("10")  # type: ignore[arg-type]


D20_LIKE = "达成年度指标得满分；部分达成年度指标并具有一定效果得50%-80%分值；未达成年度指标且效果较差得0-50%分值"


def test_share_range_is_a_hand_score_within() -> None:
    """得50%-80%分值 (domain point 22): a hand score within 5 and 8 of 10; the refusal states the bounds."""
    assert scoring.evaluate(D20_LIKE, "是", weight=10).points == Decimal(10)
    with pytest.raises(scoring.ScoringError) as e:
        scoring.evaluate(D20_LIKE, "部分达成年度指标并具有一定效果", weight=10)
    assert (e.value.low, e.value.high) == (Decimal("5.00"), Decimal("8.00"))  # type: ignore[attr-defined]
    with pytest.raises(scoring.ScoringError) as e:
        scoring.evaluate(D20_LIKE, "否", weight=4)
    assert (e.value.low, e.value.high) == (Decimal("0.00"), Decimal("2.00"))  # type: ignore[attr-defined]
    # an end chosen: mid of 5 and 8 is 6.5
    assert scoring.evaluate(D20_LIKE, "部分达成年度指标并具有一定效果", weight=10, deduction_range="mid").points == Decimal("6.5")
    rule = scoring.parse(D20_LIKE)
    assert scoring.parse(render(rule)) == rule


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # a definition with |…| no formula uses, steps beside its bands: which side the steps count is not a
        # node (bands alone read the definition, semantics §96)
        ("偏离度=|实际值-目标值|/目标值。偏离度≤5%得满分，每超1%扣1分", "definition-unused"),
        # 计算 / 扣减 closing anything but a deduction
        ("完成得2分计算，未完成不得分", "step-close"),
        ("每开展1次加1分计算", "step-close"),
        # 超额完成不加分 beside a bonus for exceeding: a contradiction (it scored 20 of 10)
        ("完成率100%得满分，每超1%加1分，超额完成不加分", "bonus-contradiction"),
    ],
)
def test_refused(text: str, code: str) -> None:
    with pytest.raises(scoring.RuleSyntaxError) as e:
        scoring.parse(text)
    assert e.value.code == code
