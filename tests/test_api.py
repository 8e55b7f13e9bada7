"""The public API: the issue's own examples, computed by hand, and its error contract."""

from __future__ import annotations

from decimal import Decimal

import pytest

import scoring
from scoring.scores.defaults import score_default

RULE = "满意度90%及以上得满分，每5%扣2分，低于75%不得分"


def test_issue_example() -> None:
    rule = scoring.parse(RULE)
    assert isinstance(rule, scoring.Rule)
    score = scoring.evaluate(rule, "85%", target="90%", weight=10, comparator="≥", unit="%")
    # 90 − 85 = 5 pp = 1 step of 5 pp → 2 points; 10 − 2 = 8
    assert score.points == Decimal("8.00")
    assert score.weight == Decimal("10")
    assert "85" in score.explanation or "5个百分点" in score.explanation
    assert "8.00" in score.explanation
    assert any(s.delta == Decimal("-2") for s in score.trace)


@pytest.mark.parametrize(
    ("actual", "points"),
    [
        ("90%", "10.00"),  # at the full-marks edge (及以上 includes 90)
        ("88%", "9.20"),  # 2 pp = 0.4 step (pro-rata) × 2 = 0.8
        ("75%", "4.00"),  # 15 pp = 3 steps × 2 = 6; 低于75% excludes 75
        ("74.9%", "0.00"),  # the floor
        (Decimal("95"), "10.00"),
        (95, "10.00"),
    ],
)
def test_issue_example_region(actual: object, points: str) -> None:
    assert scoring.evaluate(RULE, actual, target="90%", weight=10, comparator="≥", unit="%").points == Decimal(points)


def test_partial_step_options() -> None:
    # 88%: 2 pp short of 90 = 0.4 of a 5-pp step; ceil → 1 step (2 points), floor → 0 steps
    kw = dict(target="90%", weight=10, comparator="≥", unit="%")
    assert scoring.evaluate(RULE, "88%", partial="ceil", **kw).points == Decimal("8.00")  # type: ignore[arg-type]
    assert scoring.evaluate(RULE, "88%", partial="floor", **kw).points == Decimal("10.00")  # type: ignore[arg-type]


def test_rounding_half_up_and_places() -> None:
    # 每降低1%扣（满意度分值/15）分 at 85%: 5 × 10/15 = 3.3333…; 10 − 3.3333 = 6.6667 → 6.67
    text = "90%以上得满分，80%以下不得分。扣分标准为：90%以上得满分，每降低1%，扣（满意度分值/15）分。"
    s = scoring.evaluate(text, "85%", target="90%", weight=10, comparator="≥")
    assert s.points == Decimal("6.67")
    assert scoring.evaluate(text, "85%", target="90%", weight=10, comparator="≥", places=1).points == Decimal("6.7")
    assert scoring.evaluate(text, "85%", target="90%", weight=10, comparator="≥", rounding="truncate").points == Decimal(
        "6.66"
    )
    # 1 − 0.135 = 0.865 exactly: half-up gives 0.87, where Python's half-even round would give 0.86
    assert scoring.evaluate("每发现一例扣0.135分", "1", weight=1).points == Decimal("0.87")


def test_bands_deviation() -> None:
    text = "偏离小于等于5%，得20分；小于等于10%，得15分；小于等于20%得10分；小于等于30%，得5分；大于30%，不得分"
    kw = dict(target="30", weight=20, comparator="≤", unit="万元")
    assert scoring.evaluate(text, "31.5", **kw).points == Decimal("20.00")  # type: ignore[arg-type]  # 5% exactly
    assert scoring.evaluate(text, "31.6", **kw).points == Decimal("15.00")  # type: ignore[arg-type]  # 5.33%
    assert scoring.evaluate(text, "25", **kw).points == Decimal("20.00")  # type: ignore[arg-type]  # under budget
    assert scoring.evaluate(text, "39.1", **kw).points == Decimal("0.00")  # type: ignore[arg-type]  # 30.33%


def test_events_and_clamp() -> None:
    text = "每发现一例不合规扣1分，扣完为止"
    assert scoring.evaluate(text, "3", weight=10).points == Decimal("7.00")
    assert scoring.evaluate(text, "12", weight=10).points == Decimal("0.00")
    with pytest.raises(scoring.EvaluationError):
        scoring.evaluate(text, "-1", weight=10)


def test_formula() -> None:
    text = "完成率小于60%不得分，大于等于60%的，得分=（完成率-60%）/（1-60%）×指标分值"
    # (75 − 60) / 40 × 12 = 4.5
    assert scoring.evaluate(text, "75%", weight=12).points == Decimal("4.50")
    assert scoring.evaluate(text, "59.9%", weight=12).points == Decimal("0.00")


def test_binary_and_grades() -> None:
    assert scoring.evaluate("完成得满分，未完成不得分", "是", weight=5).points == Decimal("5.00")
    assert scoring.evaluate("完成得满分，未完成不得分", "未完成", weight=5).points == Decimal("0.00")
    assert scoring.evaluate("完成得满分，未完成不得分", True, weight=5).points == Decimal("5.00")
    grade = "长沙引才政策知晓率比上年提高显著得满分，一般得分80%，不明显得分60%"
    assert scoring.evaluate(grade, "一般", weight=20).points == Decimal("16.00")
    assert scoring.evaluate(grade, "不明显", weight=20).points == Decimal("12.00")
    with pytest.raises(scoring.EvaluationError):
        scoring.evaluate(grade, "很好", weight=20)


def test_composite() -> None:
    text = "①制定考核办法计1分，未制定不得分；②按照招标文件及合同的规定进行考核，计1分，1例不符扣0.25分"
    node = scoring.parse(text)
    assert isinstance(node, scoring.Composite) and len(node.items) == 2
    # ① met → 1; ② 2 cases × 0.25 = 0.5 → 0.5; total 1.5
    assert scoring.evaluate(node, {1: "是", "②": "2"}, weight=2).points == Decimal("1.50")
    with pytest.raises(scoring.EvaluationError):
        scoring.evaluate(node, {1: "是"}, weight=2)


def test_errors_are_ours() -> None:
    with pytest.raises(scoring.RuleSyntaxError) as e:
        scoring.parse("预算范围内完成本年度考试")
    assert e.value.code == "no-scoring-logic"
    assert isinstance(e.value, scoring.ScoringError) and isinstance(e.value, ValueError)
    with pytest.raises(scoring.RuleSyntaxError) as e2:
        scoring.parse("满意度90%以上得满分，每5%扣分")
    err = e2.value
    assert (err.line, err.column) == (1, 17)
    lines = str(err).splitlines()
    # the caret sits under 分 after 扣: 16 CJK/full-width chars before it → 2 columns each, but "90%" and "5%" are narrow
    assert lines[2].index("^") - 2 == scoring.errors.display_width(err.text[: err.pos])
    assert "提示" in str(err)


def test_indicator() -> None:
    ind = scoring.Indicator("满意度", target="≥90%", weight=10, rule=RULE, unit="%")
    assert ind.score("85%").points == Decimal("8.00")


def test_inputs_unit_mismatch() -> None:
    with pytest.raises(scoring.EvaluationError):
        scoring.evaluate("每发现一例不合规扣1分", "50%", weight=10)


def test_discretion_zero_versus_hand_score() -> None:
    """不得分或扣相应分数 scores 0 (a smaller deduction allowed); 酌情扣分 asks for a hand score."""
    zero_or_less = scoring.parse("符合要求得满分，不符合要求不得分或扣相应分数。")
    assert isinstance(zero_or_less, scoring.Rule)
    assert zero_or_less.awards[1].outcome == scoring.rules.nodes.Zero() and zero_or_less.awards[1].discretionary
    assert scoring.evaluate(zero_or_less, "否", weight=6).points == Decimal("0.00")
    assert scoring.evaluate(zero_or_less, "是", weight=6).points == Decimal("6.00")
    by_hand = scoring.parse("完成绩效目标设定的经济效益得8分，未完成的，按完成情况酌情扣分。")
    assert isinstance(by_hand, scoring.Rule)
    assert by_hand.awards[1].outcome == scoring.rules.nodes.ByHand(deduct=True)  # 酌情扣分 deducts by hand (§86)
    assert scoring.evaluate(by_hand, "是", weight=8).points == Decimal("8.00")
    with pytest.raises(scoring.EvaluationError, match="人工"):
        scoring.evaluate(by_hand, "否", weight=8)


def test_compile_takes_options_by_name_or_as_one_object_not_both() -> None:
    from scoring.scores.evaluate import Options

    rule = "满意度90%及以上得满分，每5%扣2分"
    by_name = scoring.compile(rule, target="90%", weight=10, unit="%", partial="ceil")
    as_object = scoring.compile(rule, target="90%", weight=10, unit="%", options=Options(partial=by_name.options.partial))
    # 4 points short of 90: ceil → 1 whole step of 2 points → 8; pro rata would give 10 − 4/5×2 = 8.40
    assert by_name.points(Decimal(86)) == as_object.points(Decimal(86)) == Decimal("8.00")
    assert scoring.compile(rule, target="90%", weight=10, unit="%").points(Decimal(86)) == Decimal("8.40")
    with pytest.raises(TypeError):
        scoring.compile(rule, target="90%", weight=10, options="ceil")
    with pytest.raises(TypeError):
        scoring.compile(rule, target="90%", weight=10, options=Options(), places=1)


@pytest.mark.parametrize("actual", ["180", Decimal(180), 180])
def test_a_bare_number_is_in_the_rows_unit_whatever_its_type(actual: object) -> None:
    # 180 on a 万元 row is 180万元 whether it comes as text, Decimal or int: deviation from
    # 154.5万元 is 16.5%, 10 points (an int or Decimal was once left in 元 and read as 0% over)
    rule = "偏离小于等于5%，得20分；小于等于10%，得15分；小于等于20%得10分；小于等于30%，得5分；大于30%，不得分。"
    s = scoring.evaluate(rule, actual, target="154.5", weight=20, comparator="≤", unit="万元")
    assert s.points == Decimal("10.00")
    row = scoring.Indicator(name="成本", target="154.5", weight=Decimal(10), comparator="≤", unit="万元")
    assert score_default(row, actual).points == Decimal("8.58")  # 10 × 154.5 / 180


def test_a_clause_over_all_items_is_refused_not_left_out() -> None:
    # 发生安全事故的直接计0分 before ①②: it was parsed and then ignored, scoring 5 of 5
    text = "发生安全事故的直接计0分。①按时完成，计2分；②质量合格，计3分"
    with pytest.raises(scoring.EvaluationError, match="总括条款（发生安全事故）"):
        scoring.evaluate(text, {1: "是", 2: "是"}, weight=5)


def test_items_numbered_with_a_gap_take_their_own_numbers() -> None:
    # ①③: the answers are keyed 1 and 3 (a bare KeyError escaped before); bad keys are errors
    text = "①按时完成，计2分；③质量合格，计3分"
    assert scoring.evaluate(text, {1: "是", 3: "否"}, weight=5).points == Decimal("2.00")
    for bad in ({1: "是"}, {1: "是", 2: "是", 3: "是"}, {"²": "是", 3: "是"}):
        with pytest.raises(scoring.EvaluationError):
            scoring.evaluate(text, bad, weight=5)


@pytest.mark.parametrize("actual", ["８５％", "８５", "85%"])
def test_fullwidth_digits_are_numbers(actual: str) -> None:
    # typed with a Chinese input method: ８５ was read as words and, on a row without a rule, the
    # lenient reading of words gave it full marks
    rule = "满意度90%及以上得满分，每5%扣2分，低于75%不得分"
    assert scoring.evaluate(rule, actual, target="90%", weight=10, unit="%").points == Decimal("8.00")
    row = scoring.Indicator(name="满意度", target="≥90%", weight=Decimal(10), comparator="≥", unit="%")
    assert score_default(row, actual).points == Decimal("9.44")  # 10 × 85 / 90
