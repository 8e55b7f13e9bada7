"""The reading's plans (scoring.reading.scales): what a band or a step compares is decided once per
indicator and scale of answer; the evaluator, the compiled code and the Reading all follow it.
Expectations worked out by hand from the rule text (docs/semantics.md §2, §4)."""

from __future__ import annotations

from decimal import Decimal

import pytest

import scoring
from scoring.reading.bind import bind
from scoring.reading.scales import Scale, Setting, band, distance, pick
from scoring.rules.nodes import Direction, Measure, Op, PercentBasis, Quantity, Range, Rule


def _decisions(text: str, **kw: str) -> dict[str, str]:
    return {d.what: d.value for d in bind(scoring.parse(text), **kw).decisions}


CASES = [
    # rule, answer, indicator, weight, points (by hand)
    # a number with no unit on a row with none, against a percentage line: a rate; 65 - 60 = 5 points
    ("低于65%的，每低1%扣1分", 60, {}, 10, "5.00"),
    ("低于65%的，每低1%扣1分", "60%", {}, 10, "5.00"),
    # completion rate on an amount: 480/500 = 96%, 4 points below 100% → 4 steps
    ("完成率大于等于100%得满分，每下降1%扣1分", "480", {"target": "500万元", "unit": "万元"}, 10, "6.00"),
    ("完成率大于等于100%得满分，每下降1%扣1分", "96%", {"target": "500万元", "unit": "万元"}, 10, "6.00"),
    # a percent step on an amount row: relative to the target; 190 of 200 is 5% short → 1 step
    ("每低于目标5%扣1分", 190, {"target": "200", "unit": "人", "comparator": "≥"}, 10, "9.00"),
    # ≤ row: 105 over 100 is 5% over (relative, an amount) → 5 points
    ("每超出1%扣1分", "105", {"target": "100", "comparator": "≤"}, 10, "5.00"),
    # a rate row: 92% against 95%, 3 points short, each 1% costs 2 → 6 lost
    ("每低于目标1个百分点扣2分", "92", {"target": "95%"}, 10, "4.00"),
]


@pytest.mark.parametrize(("text", "answer", "indicator", "weight", "points"), CASES)
def test_evaluate_and_compile_follow_one_plan(text: str, answer: object, indicator: dict[str, str], weight: int,
                                              points: str) -> None:  # fmt: skip
    assert scoring.evaluate(text, answer, weight=weight, **indicator).points == Decimal(points)
    c = scoring.compile(text, weight=weight, **indicator)
    if isinstance(answer, int):
        assert c.points(answer) == Decimal(points)
        for n in range(0, 220, 7):  # the generated code and the evaluator agree everywhere
            assert c.points(n) == scoring.evaluate(text, n, weight=weight, **indicator).points


def test_reading_shows_the_plan_the_score_follows() -> None:
    # the row has no unit and no target: a bare number is set against 65% as a rate
    assert _decisions("低于65%的，每低1%扣1分")["百分比口径"] == "百分点"
    shown = _decisions("完成率大于等于100%得满分，每下降1%扣1分", target="500万元", unit="万元")
    assert shown["比较的量"] == "完成率（实际值÷指标值）"
    assert shown["百分比口径"] == "百分点"
    assert _decisions("每低于目标5%扣1分", target="200", unit="人", comparator="≥")["百分比口径"] == "相对指标值的百分比"


def test_a_stated_basis_the_quantities_cannot_take_is_shown_as_overridden() -> None:
    # 按百分点 stated, but neither the answer (人) nor the line (200人) is a percentage: relative
    rule = scoring.parse("每低于目标5个百分点扣1分")
    assert isinstance(rule, Rule)
    d = rule.deductions[0]
    assert d.basis is PercentBasis.POINTS
    plan = distance(rule, d, Setting("人", Quantity(Decimal(200), "人"), Op.GE), Scale("人", False))
    assert plan.basis is PercentBasis.RELATIVE
    assert plan.relative
    shown = [x for x in bind(rule, target="200", unit="人", comparator="≥").decisions if x.what == "百分比口径"]
    assert [(x.value, x.stated) for x in shown] == [("相对指标值的百分比", False)]
    # 190 of 200: 5% short relative to the target → 1 step
    assert scoring.evaluate(rule, 190, target="200", unit="人", comparator="≥", weight=10).points == Decimal("9.00")


def test_band_plans() -> None:
    edge = scoring.parse("满意度≥90%得满分")
    assert isinstance(edge, Rule)
    cond = edge.awards[0].condition
    assert isinstance(cond, Range)
    on_rate = band(cond, Setting("%", Quantity(Decimal(90), "%"), Op.GE), Scale("%", False))
    assert (on_rate.kind, on_rate.error) == ("value", None)
    # 90人 against 90%: refused, never compared
    people = band(cond, Setting("%", Quantity(Decimal(90), "%"), Op.GE), Scale("人", True))
    assert people.error == "实际值{q}与指标值90%单位不一致"
    # with no target: the rule's own 90%
    alone = band(cond, Setting("", None, None), Scale("人", True))
    assert alone.error == "这条规则需要数值指标值（target）"
    # on an amount with a target: the completion rate, answer ÷ target × 100
    amount = band(cond, Setting("元", Quantity(Decimal(500), "元"), Op.GE), Scale("元", False))
    assert (amount.kind, amount.divisor) == ("ratio", Decimal(500))
    assert amount.measure(Decimal(450)) == Decimal(90)


def test_deviation_band_counts_the_comparator_side() -> None:
    rule = scoring.parse("偏离度≤5%得满分")
    assert isinstance(rule, Rule)
    c = rule.awards[0].condition
    assert isinstance(c, Range) and c.measure is Measure.DEVIATION
    plan = band(c, Setting("", Quantity(Decimal(100)), Op.LE), Scale("", False))
    assert plan.direction is Direction.EXCESS
    assert plan.measure(Decimal(95)) == 0  # below a ≤ target is no deviation
    assert plan.measure(Decimal(104)) == Decimal(4)


def test_a_bare_answer_takes_the_rule_unit_where_the_row_contradicts_it() -> None:
    # 3 on a % row against a step of 例: the number as written, in 例
    assert pick(Scale("%", False), Quantity(Decimal(1), "例")) == ("raw", "例")
    assert pick(Scale("%", True), Quantity(Decimal(1), "例")) == ("q", "%")
    assert pick(Scale("元", False), Quantity(Decimal(90), "%")) == ("q", "元")  # the completion ratio later


def test_unit_mismatch_message_names_the_answer() -> None:
    with pytest.raises(scoring.EvaluationError, match="实际值90人与指标值90%单位不一致"):
        scoring.evaluate("满意度≥90%得满分，低于90%不得分", "90人", target="90%", weight=10)


def test_met_without_a_comparator_takes_the_side_the_steps_lose_on() -> None:
    # 未超预算: every step is for an excess, so the target is met at or below it (semantics §4)
    text = "未超预算，计10分；每超过1%扣1分，扣完为止。"
    assert scoring.evaluate(text, "9", target="10", weight=10).points == Decimal("10.00")
    # 10.3 is 3% over 10 (relative: an amount) → 3 steps of 1 point
    assert scoring.evaluate(text, "10.3", target="10", weight=10).points == Decimal("7.00")
    c = scoring.compile(text, target="10", weight=10)
    assert c.points(Decimal("10.3")) == Decimal("7.00") and c.points(9) == Decimal("10.00")


def test_a_bare_number_on_a_row_without_unit_or_target_reads_in_the_rule_percent() -> None:
    text = "驻场人员辞职流失率低于5%，即稳定，计5分；每提高5个百分点，扣0.2分。"
    assert scoring.evaluate(text, 3, weight=5).points == Decimal("5.00")  # 3% < 5%
    assert scoring.evaluate(text, 15, weight=5).points == Decimal("4.60")  # 10 points over: 2 steps
    assert scoring.evaluate(text, "15%", weight=5).points == Decimal("4.60")
    # a number written in another unit cannot be set against 5%: refused
    with pytest.raises(scoring.EvaluationError):
        scoring.evaluate(text, "15人", weight=5)


TARGET_CASES = [
    # rule, answer, indicator, weight, points (by hand)
    # a duration row: the answer is the row's value, the delay its excess over the target (33 − 30 = 3)
    ("按时完成得满分，每延迟1天扣1分", "33天", {"target": "30天", "comparator": "≤"}, 10, "7.00"),
    ("按时完成得满分，每延迟1天扣1分", "28", {"target": "30天", "comparator": "≤"}, 10, "10.00"),
    # no target in days: the answer is the days late
    ("按时完成得满分，每延迟1天扣1分", "3", {}, 10, "7.00"),
    # 推迟 and 滞后 are delays too: 14个月 on ≤12个月 is 2 months late (it read 14 months late, 0)
    ("按时完成得满分，每推迟1个月扣2分", "14个月", {"target": "≤12个月"}, 10, "6.00"),
    ("按时完成得满分，每滞后1天扣0.5分", "32天", {"target": "≤30天"}, 10, "9.00"),
    # a deadline (6月底前) is no duration to count from: the answer is the months late (2 × 2 lost)
    ("项目于6月底前开工得满分，每推迟一个月扣2分。", "2个月", {"target": "6月底前"}, 6, "2.00"),
    # items not met on a row of 3项: the row holds the items met (2 met, 1 short); with no target, the
    # answer is the items not met
    ("符合全部3项指标的按100分计,每不符合1项扣40分", "2", {"target": "3项", "comparator": "≥"}, 100, "60.00"),
    ("符合全部3项指标的按100分计,每不符合1项扣40分", "1", {}, 100, "60.00"),
    # a count row: 4 of 5 staff in place, one short
    ("每缺一名专职人员扣0.5分", "4", {"target": "5人"}, 2, "1.50"),
    # an event verb: what was found is counted, whatever the row's unit (2 found × 0.5)
    ("每发现缺少一份扣0.5分", "2", {"target": "10份"}, 10, "9.00"),
    # a delay counted in 次 is no duration: the delays are the answer (the row's 12 may count months on time)
    ("每月按时完成会计核算，得12分；每延误一次，扣1分，扣完为止", "5", {"target": "12次", "comparator": "="}, 12, "7.00"),
]


@pytest.mark.parametrize(("text", "answer", "indicator", "weight", "points"), TARGET_CASES)
def test_steps_per_unit_count_from_a_target_in_that_unit(text: str, answer: str, indicator: dict[str, str],
                                                         weight: int, points: str) -> None:  # fmt: skip
    assert scoring.evaluate(text, answer, weight=weight, **indicator).points == Decimal(points)
    assert scoring.compile(text, weight=weight, **indicator).points(answer) == Decimal(points)


def test_a_step_with_no_line_to_count_from_is_refused() -> None:
    # 每缺一名 with no target: is 1 one in place or one missing? not written, so refused
    with pytest.raises(scoring.EvaluationError, match="指标值"):
        scoring.evaluate("每缺一名专职人员扣0.5分", "1", weight=2)


def test_the_reading_says_a_delay_counts_from_the_target() -> None:
    shown = [(d.what, d.value, d.stated) for d in bind(scoring.parse("按时完成得满分，每延迟1天扣1分"),
                                                        target="30天", comparator="≤").decisions]  # fmt: skip
    assert ("计量", "实际值超出指标值30天的部分（实际值填本行的天数）", False) in shown
    assert [i.kind for i in bind(scoring.parse("按时完成得满分，每延迟1天扣1分"), target="30天").inputs] == ["value"]
    assert [i.kind for i in bind(scoring.parse("按时完成得满分，每延迟1天扣1分")).inputs] == ["count"]


def test_met_is_judged_at_the_full_marks_line_not_at_a_lower_band() -> None:
    # 完成得满分；80%-90%得5分 on a target of 100%: 85% is not 完成 (it was met at the 80% band's edge)
    text = "完成得满分；80%-90%得5分"
    kw = {"target": "100%", "comparator": "≥", "weight": 10}
    assert scoring.evaluate(text, "85%", **kw).points == Decimal("5.00")
    assert scoring.evaluate(text, "100%", **kw).points == Decimal("10.00")
    assert scoring.compile(text, **kw).points(85) == Decimal("5.00")


@pytest.mark.parametrize("answer", ["0", "1.5", "-1", "3%"])
def test_a_rank_is_a_whole_number_from_one(answer: str) -> None:
    # domain point 19: 0, 1.5, -1 name no place (0 scored full marks, 1.5 scored 39)
    with pytest.raises(scoring.EvaluationError, match="名次"):
        scoring.evaluate("排名第一名得40分，每下降一名扣2分", answer, weight=40)


def test_a_rank_reads_its_place() -> None:
    rule = scoring.parse("排名第一名得40分，每下降一名扣2分")
    assert [(i.kind, i.unit) for i in bind(rule).inputs] == [("rank", "名")]
    assert scoring.evaluate(rule, "3", weight=40).points == Decimal("36.00")  # 2 places down × 2
    assert scoring.evaluate(rule, "3名", weight=40).points == Decimal("36.00")


def test_different_things_each_scored_are_a_checklist() -> None:
    # domain point 17: three different things, 1 point each, answered one by one
    text = "印制宣传手册,得 1 分;举办就业政策培训班,得 1 分;经验材料被推广、转发或刊载,得 1 分。"
    assert [i.kind for i in bind(scoring.parse(text)).inputs] == ["flag", "flag", "flag"]
    assert scoring.evaluate(text, {1: "是", 2: "是", 3: "否"}, weight=3).points == Decimal("2.00")  # 1 + 1 + 0
    with pytest.raises(scoring.EvaluationError, match="3项不同的事"):
        scoring.evaluate(text, "是", weight=3)  # one answer for three things
    with pytest.raises(scoring.EvaluationError, match="是/否"):
        scoring.evaluate(text, {1: "是", 2: "3", 3: "否"}, weight=3)


@pytest.mark.parametrize("text", ["合理2分；基本合理1分", "优秀得10分；良好得8分；一般得6分",
                                  "资金使用合理得2分；资金使用基本合理得1分"])  # fmt: skip
def test_levels_of_one_thing_stay_alternatives(text: str) -> None:
    assert [i.kind for i in bind(scoring.parse(text)).inputs] in (["grade"], ["flag"])


def test_bands_that_measure_two_things_refuse_one_number() -> None:
    # a rate band beside a band on people, on a row of %: which one is 100? (a bare 100 scored 0 as 100人)
    text = "完成率100%计满分;净完成数有1人不达标,该项不得分。"
    for answer in ("100", "100%", "99%"):
        with pytest.raises(scoring.EvaluationError, match="两样东西"):
            scoring.evaluate(text, answer, target="100%", comparator="=", unit="%", weight=15)
    # on a row of 人 the % band is the completion rate of the value the other band counts
    assert scoring.evaluate("完成率100%计满分，低于90人不得分", "100", target="100人", weight=10).points == Decimal("10.00")


def test_a_number_no_clause_reads_is_refused_not_a_gap() -> None:
    # 考核得分=… read as a worded condition 考核 with a formula: nothing reads a number (it scored 0 as a gap)
    text = "考核得分=实际完成数/计划完成数×10"
    with pytest.raises(scoring.EvaluationError, match="没有按数值计分的条款"):
        scoring.evaluate(text, "8", target="10", weight=10)
    with pytest.raises(scoring.EvaluationError):
        scoring.compile(text, target="10", weight=10).points(8)
    # a real gap between written bands still scores 0 (semantics: gaps)
    assert scoring.evaluate("满意度≥90%得满分，满意度<80%不得分", "85%", target="90%", weight=10).points == Decimal("0.00")


@pytest.mark.parametrize(("answer", "points"), [("合格", "8.00"), ("优秀", "10.00"), ("不合格", "0.00"), ("是", "10.00")])
def test_an_answer_that_is_one_of_the_rules_grades_is_that_grade(answer: str, points: str) -> None:
    # 合格 also means 是: on this rule it is its own grade, 80% of the weight (it scored full marks)
    text = "年度考核优秀得满分，合格得80%，不合格不得分"
    assert scoring.evaluate(text, answer, weight=10).points == Decimal(points)
    assert scoring.compile(text, weight=10).points(answer) == Decimal(points)
