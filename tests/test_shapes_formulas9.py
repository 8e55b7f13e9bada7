"""Formula shapes of semantics §127: a heading announcing the formula, a rate defined as the value over the target
beside a formula on the rate's name, 应… names of the target. Expectations by hand from the texts."""

from __future__ import annotations

from decimal import Decimal

import pytest

import scoring


@pytest.mark.parametrize(
    ("rule", "kw", "answer", "points"),
    [
        # heading, then 得分=8×实际完成值/计划值 on ≥60个, weight 8: 45/60×8 = 6; 60 → 8; 75 → 10 → clamped at 8
        ("按下列公式计算：得分=8×实际完成值/计划值", {"weight": 8, "target": "60", "unit": "个"}, "45", "6.00"),
        ("按下列公式计算：得分=8×实际完成值/计划值", {"weight": 8, "target": "60", "unit": "个"}, "60", "8.00"),
        ("按下列公式计算：得分=8×实际完成值/计划值", {"weight": 8, "target": "60", "unit": "个"}, "75", "8.00"),
        ("计算公式为：得分=实际完成数/计划数×分值", {"weight": 4, "target": "200", "unit": "户"}, "150", "3.00"),
        # 拨付率 = 实际拨付资金/应拨付资金×100%, 得分 = 拨付率×分值, weight 6 on 100%: 85% → 5.1; 97.5% → 5.85
        ("拨付率=实际拨付资金/应拨付资金×100%，得分=拨付率×分值", {"weight": 6, "target": "100%"}, "85%", "5.10"),
        ("拨付率=实际拨付资金/应拨付资金×100%，得分=拨付率×分值", {"weight": 6, "target": "100%"}, "97.5%", "5.85"),
        # on a % target that is not 100%, the rate answered is the rate itself: 90% × 6 = 5.4 (not 90/95 × 6)
        ("拨付率=实际拨付资金/应拨付资金×100%，得分=拨付率×分值", {"weight": 6, "target": "95%"}, "90%", "5.40"),
        # answered with the amount on a target in 万元: 320/400 = 80% → 4.8
        ("拨付率=实际拨付资金/应拨付资金×100%，得分=拨付率×分值", {"weight": 6, "target": "400", "unit": "万元"}, "320",
         "4.80"),
        # 完成率 defined without ×100%, answered with the rate or the count: 35/50 = 70% × 10 = 7
        ("完成率=实际完成数/计划数，得分=完成率×分值", {"weight": 10, "target": "50", "unit": "人"}, "35", "7.00"),
        ("完成率=实际完成数/计划数，得分=完成率×分值", {"weight": 10, "target": "50", "unit": "人"}, "70%", "7.00"),
    ],
)
def test_scores(rule: str, kw: dict[str, object], answer: str, points: str) -> None:
    kw = {"comparator": "≥", **kw}
    assert scoring.evaluate(rule, answer, **kw).points == Decimal(points)  # type: ignore[arg-type]
    assert scoring.compile(rule, **kw).points(answer) == Decimal(points)  # type: ignore[arg-type]


def test_heading_is_no_condition() -> None:
    r = scoring.parse("计算公式：得分=实际完成值/目标值×分值")
    awards = [c for c in r.clauses if isinstance(c, scoring.rules.nodes.Award)]
    assert len(awards) == 1 and awards[0].condition is None


def test_amount_in_another_unit_is_refused() -> None:
    # the rate's value is an amount in 万元: 3个 is no amount of it
    with pytest.raises(scoring.EvaluationError):
        scoring.evaluate("拨付率=实际拨付资金/应拨付资金×100%，得分=拨付率×分值", "3个", weight=6, target="400", unit="万元")


def test_unknown_divisor_still_refused() -> None:
    # 应急资金 is no name of the target (应急 is no verb of a plan): the definition is not the value over the target
    with pytest.raises((scoring.EvaluationError, scoring.RuleSyntaxError)):
        scoring.evaluate("使用率=实际使用资金/应急资金×100%，得分=使用率×分值", "400", weight=5, target="500", unit="万元")


def test_other_heading_words_stay_labels() -> None:
    # words that are no heading before a formula stay a condition the answer must meet (not dropped)
    r = scoring.parse("项目验收通过：得分=实际完成值/目标值×分值")
    awards = [c for c in r.clauses if isinstance(c, scoring.rules.nodes.Award)]
    assert awards[0].condition is not None
