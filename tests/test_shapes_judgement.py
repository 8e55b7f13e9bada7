"""Bounded judgement and the shapes around it (issue 11; domain points 21-22; docs/semantics.md §39-):
视情况扣分, bands awarding a range of points (良好8-9分, 得5-3分), 得一半分值, 按比例 under a condition
that restates what the bands leave, an evidence remark (以党委会纪要为准), and the refusals beside them
(a run of (N分) whose dash was lost, a checklist beside a hand score). Expected scores and bounds are
computed by hand from the rule text; every accepted text reads all its numbers and round-trips."""

from __future__ import annotations

from decimal import Decimal

import pytest
from test_span_accounting import _unread_numbers

import scoring
from scoring.rules import nodes
from scoring.rules.render import render


def _rule(text: str) -> nodes.Rule:
    rule = scoring.parse(text)
    assert isinstance(rule, nodes.Rule)
    return rule


def _score(text: str, actual: object, **kw: object) -> Decimal:
    return scoring.evaluate(scoring.parse(text), actual, **kw).points  # type: ignore[arg-type]


def _bounds(text: str, actual: object, **kw: object) -> tuple[Decimal, Decimal]:
    with pytest.raises(scoring.ScoringError) as e:
        scoring.evaluate(scoring.parse(text), actual, **kw)  # type: ignore[arg-type]
    return e.value.low, e.value.high  # type: ignore[attr-defined]


def _refused(text: str) -> tuple[str, str]:
    """(code, the piece of the original text under the caret)."""
    with pytest.raises(scoring.RuleSyntaxError) as e:
        scoring.parse(text)
    return e.value.code, text[e.value.pos : e.value.pos + e.value.length]


SHARES_TEXT = "满意度调查结果在90%（含）以上得满分；80%（含）-90%得80%分值；70%（含）-80%得60%分值；70%以下不得分"
LADDER = "优秀10分，良好8-9分，一般6分"
PLAN = "超额完成计划任务>100%得5-3分，完成计划任务100%得3分，完成计划任务99%-80%得2-0分，完成计划任务80%以下得0分"
BELOW = "95%以上得满分，低于95%的按比例得分"
BETWEEN = "95%以上得满分，60%-95%按比例得分，低于60%不得分"
HALF = "完成率90%以上得满分，80%-90%得一半分值，低于80%不得分"
MEETINGS = "召开2次以上专题会议研究民政工作,少一次扣2.5分以党委会纪要为准)"

ACCEPTED = [
    "完成得满分，未完成视情况扣分",
    LADDER,
    "合理(8-9分)，基本合理(5-3分)，不合理(0分)",
    PLAN,
    "完成得满分，未完成得一半分",
    HALF,
    BELOW,
    BETWEEN,
    "完成率95%(含)以上得满分，95%以下的按比例得分",
    "完成率低于60%不得分，60%-100%按比例得分",
    "达到90%得满分，未达到90%的不得分",
    "完成率100%得满分，未达到100%的按比例得分",
    "优秀(9-10分)、良好(7-8分)、一般(5-6分)",
    "制度健全得满分，制度不健全扣2分，无制度不得分",
    MEETINGS,
    "召开2次以上专题会议研究民政工作得满分,少一次扣2.5分(以检查档案资料为准)",
    "合理(5分)，基本合理(3分)，不合理(0分)",
    "合理(20分)，基本合理(10分)，不合理(0分)",
]


@pytest.mark.parametrize("text", ACCEPTED)
def test_accepted_texts_read_every_number_and_round_trip(text: str) -> None:
    rule = scoring.parse(text)
    assert _unread_numbers(text) == []
    assert scoring.parse(render(rule)) == rule, render(rule)


# ------------------------------------------------------------------ 视情况扣分 (domain point 22)


def test_case_by_case_deduction_is_a_hand_score_within_the_weight() -> None:
    rule = _rule("完成得满分，未完成视情况扣分")
    assert rule.awards[-1].outcome == nodes.ByHand(deduct=True)  # a deduction by hand (semantics §86)
    assert _score("完成得满分，未完成视情况扣分", "是", weight=5) == 5
    assert _bounds("完成得满分，未完成视情况扣分", "否", weight=5) == (0, 5)  # 0 to the weight


# ------------------------------------------------------------------ bands awarding a range of points


def test_a_range_of_points_after_a_condition_is_a_bounded_hand_score() -> None:
    rule = _rule(LADDER)
    assert [a.outcome for a in rule.awards] == [
        nodes.Points(Decimal(10)), nodes.ByHand(Decimal(8), Decimal(9)), nodes.Points(Decimal(6)),
    ]  # fmt: skip
    assert _rule("合理(8-9分)，基本合理(5-3分)，不合理(0分)").awards[1].outcome == nodes.ByHand(Decimal(3), Decimal(5))


@pytest.mark.parametrize(
    ("text", "actual", "weight", "low", "high"),
    [
        (LADDER, "良好", "10", "8", "9"),  # the band's own range
        (PLAN, "105%", "5", "3", "5"),  # >100%: 5-3分, written high to low
        (PLAN, "90%", "5", "0", "2"),  # 99%-80%: 2-0分
        (PLAN, "80%", "5", "0", "2"),  # 80% is in 99%-80% (both ends included), listed before 80%以下
        (PLAN, "105%", "4", "3", "4"),  # the weight still caps the high end
    ],
)
def test_range_bounds(text: str, actual: str, weight: str, low: str, high: str) -> None:
    assert _bounds(text, actual, weight=weight) == (Decimal(low), Decimal(high))


@pytest.mark.parametrize(
    ("text", "actual", "weight", "points"),
    [
        (LADDER, "优秀", "10", "10"),
        (LADDER, "一般", "10", "6"),
        (PLAN, "100%", "5", "3"),  # exactly 100%: 3
        (PLAN, "79%", "5", "0"),
        (PLAN, "99.5%", "5", "0"),  # between 99% and 100%: a gap (semantics §1)
    ],
)
def test_other_bands_of_a_range_ladder_score_as_written(text: str, actual: str, weight: str, points: str) -> None:
    assert _score(text, actual, weight=weight) == Decimal(points)


def test_deduction_range_option_picks_an_end_of_an_awarded_range() -> None:
    rule = scoring.parse(LADDER)
    pick = {c: scoring.evaluate(rule, "良好", weight="10", deduction_range=c).points for c in ("min", "max", "mid")}
    assert pick == {"min": Decimal("9.00"), "max": Decimal("8.00"), "mid": Decimal("8.50")}  # min: the least lost


def test_a_range_of_points_before_an_outcome_is_refused() -> None:
    # semantics §73: a range of points that an outcome follows is a band of values on a 分 scale (it was refused
    # here before the canonical text could write it back); one with words or a hand score after it stays refused
    assert _refused("根据完成情况在0-5分之间评定") == ("points-range-as-value", "0-5分")
    assert _score("满意度80-90分得5分，80分以下不得分", "85", weight="10") == Decimal("5")


# ------------------------------------------------------------------ 得一半分值: 50% of the weight


@pytest.mark.parametrize(
    ("actual", "points"),
    [("95%", "10"), ("90%", "10"), ("85%", "5"), ("80%", "5"), ("79%", "0")],  # 90% is in the first band
)
def test_half_of_the_weight(actual: str, points: str) -> None:
    assert _rule(HALF).awards[1].outcome == nodes.ShareOfWeight(Decimal(50))
    assert _score(HALF, actual, weight="10") == Decimal(points)


def test_half_after_a_worded_condition() -> None:
    assert _score("完成得满分，未完成得一半分", "否", weight="6") == 3


# ------------------------------------------------------------------ 低于95%的按比例得分


@pytest.mark.parametrize(
    ("text", "actual", "points"),
    [
        (BELOW, "96%", "10"),
        (BELOW, "95%", "10"),
        (BELOW, "90%", "9"),  # 10 × 90/100 (target 100%)
        (BETWEEN, "90%", "9"),
        (BETWEEN, "60%", "6"),  # 60% is in 60%-95%
        (BETWEEN, "59%", "0"),  # below 60%: the band, not 按比例
    ],
)
def test_proportional_under_a_condition_that_restates_what_the_bands_leave(text: str, actual: str, points: str) -> None:
    assert _score(text, actual, weight="10", target="100%") == Decimal(points)


UP_TO_FULL = "完成率低于60%不得分，60%-100%按比例得分"


@pytest.mark.parametrize(
    ("actual", "points"),
    [("105%", "10"), ("100%", "10"), ("80%", "8"), ("60%", "6"), ("59%", "0")],  # above 100%: capped at full
)
def test_proportional_up_to_a_full_rate(actual: str, points: str) -> None:
    assert _score(UP_TO_FULL, actual, weight="10", target="100%") == Decimal(points)
    assert _unread_numbers(UP_TO_FULL) == []


def test_not_reaching_a_number_is_below_it() -> None:
    # 未达到90%: the negation was lost, so 达到90%得满分，未达到90%的不得分 was refused as the same band twice
    rule = _rule("达到90%得满分，未达到90%的不得分")
    assert _score("达到90%得满分，未达到90%的不得分", "89%", weight="5") == 0
    assert _score("达到90%得满分，未达到90%的不得分", "90%", weight="5") == 5
    low = rule.awards[1].condition
    assert isinstance(low, nodes.Range) and low.high is not None and not low.high.inclusive
    assert _score("完成率100%得满分，未达到100%的按比例得分", "80%", weight="10", target="100%") == 8


@pytest.mark.parametrize(
    ("text", "piece"),
    [
        ("低于95%的按比例得分", "低于95%的"),
        ("完成率低于60%不得分，60%-99%按比例得分", "60%-99%"),  # 99%-100% left over  # what 95% and above scores is not written
        ("95%以上得满分，60%-90%按比例得分，低于60%不得分", "60%-90%"),  # 90%-95% left unscored
        ("95%以上得满分，低于95%的按比例得分，每发现一例扣1分", "低于95%的"),  # a deduction beside it
    ],
)
def test_proportional_condition_that_leaves_values_unscored_is_refused(text: str, piece: str) -> None:
    assert _refused(text) == ("proportional-condition", piece)


# ------------------------------------------------------------------ 健全扣2分 is not 全扣


def test_incomplete_system_deducts_once() -> None:
    rule = _rule("制度不健全扣2分，无制度不得分")
    assert [(d.kind, d.points) for d in rule.deductions] == [(nodes.StepKind.ONCE, Decimal(2))]
    assert _score("资料不齐全扣1分", "否", weight="3") == 2  # 否: the requirement not met, the event happened
    assert _rule("未完成全扣").awards[0].outcome == nodes.Zero()


# ------------------------------------------------------------------ 以…为准: an evidence remark


@pytest.mark.parametrize(
    ("actual", "points"),
    [("2", "5"), ("3", "5"), ("1", "2.5"), ("0", "0")],
)
def test_evidence_remark_scores_nothing(actual: str, points: str) -> None:
    assert _rule(MEETINGS) == _rule("召开2次以上专题会议研究民政工作,少一次扣2.5分")
    assert _score(MEETINGS, actual, weight="5") == Decimal(points)


def test_a_percentage_is_no_count_of_meetings() -> None:
    with pytest.raises(scoring.ScoringError):
        scoring.evaluate(scoring.parse(MEETINGS), "50%", weight="5")  # it scored 5: 50 is above 2


def test_evidence_remark_with_a_number_is_not_a_remark() -> None:
    # 以100%为准 names a standard (semantics §28), not evidence: no clause states it, so it is refused
    assert _refused("以100%为准。控制率≤90%，计5分")[0] == "unread-number"


# ------------------------------------------------------------------ refusals


@pytest.mark.parametrize(
    ("text", "piece"),
    [
        ("总资金使用合理规范(5分)总资金使用比较合理规范(4分)总资金使用基本合理规范(3分)总资金使用不太合理规范(20分)", "20"),
        ("专题资金实行单独列帐核算(53分)专题资金未实行单独列帐核算(30分)", "30"),  # 5-3, 3-0
        ("合理(10分)，基本合理(21分)", "21"),
    ],
)
def test_a_run_of_bracketed_points_with_a_lost_dash_is_refused(text: str, piece: str) -> None:
    assert _refused(text) == ("lost-dash", piece)


def test_a_listed_checklist_beside_a_fixed_deduction_is_refused() -> None:
    """Beside 视情况扣分 the things not done are scored by hand (§110, tests/test_shapes_lists3.py); a fixed
    deduction does not say whether it is once or per thing."""
    text = "提前开展项目立项等前期手续办理的得2分、及时开展融资贷款工作的得2分,未开展相关工作的扣1分。"
    assert _refused(text) == ("checklist-with-other", "、")


# ------------------------------------------------------------------ remarks: the weight stated, a rate defined


def test_weight_stated_is_kept_and_scores_nothing() -> None:
    rule = _rule("本项满分10分，完成得满分，未完成不得分")
    assert rule.stated_weight == 10
    assert rule.clauses == _rule("完成得满分，未完成不得分").clauses
    assert _rule("优秀得10分（满分10分）").stated_weight == 10
    # 共10分 was read as an award for a label 共
    assert _rule("共10分，完成得满分，未完成不得分").awards == _rule("完成得满分，未完成不得分").awards
    assert _score("本项满分10分，完成得满分，未完成不得分", "是", weight="8") == 8  # the row's weight is scored


def test_a_sub_item_states_its_points() -> None:
    node = scoring.parse("①存在超编进人，每例扣0.5分，共2分。②落实重点任务（0.5分）")
    assert isinstance(node, nodes.Composite)
    assert [i.points for i in node.items] == [Decimal(2), Decimal("0.5")]
    assert _score("①存在超编进人，每例扣0.5分，共2分。②落实重点任务（0.5分）", {1: "1", 2: "是"}, weight="2.5") == 2


def test_two_weights_are_refused() -> None:
    assert _refused("本项满分10分，满分5分，完成得满分") == ("two-weights", "满分5分")


DEFINED = "完成率=实际完成数/计划数×100%，完成率100%得满分，每低1%扣0.5分"


def test_a_rate_defined_scores_nothing() -> None:
    assert _rule(DEFINED) == _rule("完成率100%得满分，每低1%扣0.5分")
    assert _score(DEFINED, "96%", weight="5") == 3  # 4 points short × 0.5


def test_a_definition_with_a_number_of_its_own_is_refused() -> None:
    assert _refused("完成率=实际完成数/120×100%，完成率100%得满分") == ("unread-number", "120")


def test_deviation_bands_after_their_definition() -> None:
    text = "预决算差异率=(年度利润总额决算值-预算值)/预算值×100% ±30%(含)以内得3分 ±30%-±35%(含)以内得2分"
    kw = {"target": "1000", "comparator": "=", "unit": "万元", "weight": "3"}
    assert _score(text, "1320", **kw) == 2  # +32%
    assert _score(text, "700", **kw) == 3  # -30%, included


def test_deduction_in_proportion_to_the_excess() -> None:
    rule = _rule("成本控制在预算范围内得满分，超出预算的按超出比例扣分")
    assert rule.proportional is not None and rule.proportional.linear is True


# ------------------------------------------------------------------ shares written after the percent; 酌情打分

SHARES = SHARES_TEXT


@pytest.mark.parametrize(
    ("actual", "points"),
    [("95%", "10"), ("85%", "8"), ("80%", "8"), ("75%", "6"), ("70%", "6"), ("69%", "0")],  # 80%, 70%: first listed
)
def test_share_written_after_the_percent(actual: str, points: str) -> None:
    assert _score(SHARES, actual, weight="10") == Decimal(points)
    assert _unread_numbers(SHARES) == []


@pytest.mark.parametrize("text", ["完成90%以上得分值的80%", "完成90%以上得该项分值的80%", "完成90%以上得80%的分值"])
def test_share_of_the_weight_spellings(text: str) -> None:
    assert _rule(text).awards[0].outcome == nodes.ShareOfWeight(Decimal(80))


def test_a_rule_given_by_hand_alone_is_bounded_by_the_weight() -> None:
    assert _bounds("根据工作完成情况酌情打分", "否", weight="5") == (0, 5)  # 是 is met: full marks (§10)


# ------------------------------------------------------------------ 每天扣0.1分 right before the verb; more counters

LATE = "在规定时间内完成的得满分，超时完成的按超时天数每天扣0.1分"


@pytest.mark.parametrize(("actual", "points"), [("5", "1.5"), ("0", "2"), ("是", "2")])
def test_a_period_right_before_the_verb_counts_periods(actual: str, points: str) -> None:
    # it was one deduction of 0.1 whatever the days (否 scored 1.9)
    rule = _rule(LATE)
    assert rule.deductions[0].kind is nodes.StepKind.EVENTS
    assert rule.deductions[0].step == nodes.Quantity(Decimal(1), "天")
    assert _score(LATE, actual, weight="2") == Decimal(points)


def test_a_period_needs_a_count_not_a_no() -> None:
    with pytest.raises(scoring.ScoringError):
        scoring.evaluate(scoring.parse(LATE), "否", weight="2")  # how many days late is not said


@pytest.mark.parametrize(
    ("text", "actual", "points"),
    [
        ("帮扶困难户达到50户以上得满分，每少5户扣1分", "40户", "8"),  # 2 steps of 5户 short
        ("发现违规使用资金的，每笔扣1分", "2", "3"),
    ],
)
def test_more_counters(text: str, actual: str, points: str) -> None:
    assert _score(text, actual, weight="10" if "户" in text else "5") == Decimal(points)


# ------------------------------------------------------------------ 是/否 on a ladder of ranges

GRADES = "达到预期目标得8-10分，基本达到得5-7分，未达到得0-4分"


@pytest.mark.parametrize(
    ("actual", "low", "high"),
    [("是", "8", "10"), ("基本达到", "5", "7"), ("未达到", "0", "4"), ("否", "0", "4")],
)
def test_yes_or_no_on_a_ladder_of_ranges_asks_for_a_hand_score(actual: str, low: str, high: str) -> None:
    # 是 scored full marks: a range was read as the clause for a requirement not met, as 酌情扣分 is
    assert _bounds(GRADES, actual, weight="10") == (Decimal(low), Decimal(high))


def test_yes_on_a_lone_range_is_a_hand_score() -> None:
    assert _bounds("根据完成质量，视情况给予0-5分", "是", weight="5") == (0, 5)


# ------------------------------------------------------------------ 资金到位率（5分）：… the heading's points

HEADED = "1.资金到位率（5分）：到位率100%得满分，每低1%扣0.5分。2.资金使用合规性（5分）：发现一例违规扣1分"


def test_points_in_brackets_before_a_colon_are_the_headings_weight() -> None:
    rule = _rule("资金到位率（5分）：到位率100%得满分，每低1%扣0.5分")
    assert rule.stated_weight == 5 and not any(isinstance(a.condition, nodes.TargetMet) for a in rule.awards)
    node = scoring.parse(HEADED)
    assert isinstance(node, nodes.Composite) and [i.points for i in node.items] == [5, 5]
    assert _score(HEADED, {1: "96%", 2: "2"}, weight="10") == 6  # (5 - 4 × 0.5) + (5 - 2)
    assert scoring.parse(render(node)) == node


def test_an_item_heading_is_no_thing_of_a_checklist() -> None:
    text = "①制度建设（2分）：建立制度得2分；②执行情况（3分）：执行到位得3分，执行不到位得1分"
    assert _score(text, {1: "是", 2: "执行不到位"}, weight="5") == 3  # it was refused: 制度建设 read as a thing scored


def test_grades_written_points_first_in_brackets_are_each_grades_points() -> None:
    # refused as two weights until semantics §108 (tests/test_shapes_graded_heads.py)
    assert _score("优秀（10分）：各项指标全部完成；良好（8分）：基本完成", "良好", weight="10") == 8


# ------------------------------------------------------------------ a table row in cells: condition | points

ROW = "超额完成计划任务>100% | 5-3 | 完成计划任务100% | 3 | 完成计划任务99%-80% | 2-0 | 完成计划任务80%以下 | 0"


def test_a_table_row_in_cells_reads_each_condition_with_its_points() -> None:
    rule = _rule(ROW)
    assert [a.outcome for a in rule.awards] == [
        nodes.ByHand(Decimal(3), Decimal(5)), nodes.Points(Decimal(3)), nodes.ByHand(Decimal(0), Decimal(2)), nodes.Zero(),
    ]  # fmt: skip
    kw = {"target": "100%", "comparator": "≥", "unit": "%", "weight": "5"}
    assert _score(ROW, "100%", **kw) == 3
    assert _score(ROW, "70%", **kw) == 0
    assert _bounds(ROW, "105%", **kw) == (3, 5)
    assert _bounds(ROW, "90%", **kw) == (0, 2)
    assert _unread_numbers(ROW) == []
    assert scoring.parse(render(rule)) == rule


@pytest.mark.parametrize(
    "text",
    ["300天以上 | 250天以上 | 200-250天 | 200天以下", "科普展示更新内容达15%以上 | 科普展示更新内容达10%以上"],
)
def test_cells_of_conditions_alone_state_no_points(text: str) -> None:
    assert _refused(text)[0] == "no-scoring-logic"


# ------------------------------------------------------------------ found by fuzzing this round's pieces


def test_words_left_by_a_remark_are_a_note_of_their_own() -> None:
    # the note held the whole clause, so the canonical text repeated its award
    rule = _rule("未达到计3分每报告以会议纪要为准")
    assert scoring.parse(render(rule)) == rule


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("完成率及以上：每超过完成率(2-0分)", "step-range"),  # the step was dropped: 得0至2分 for any value
        ("低于每5%得5分视情况扣分", "mixed-clause"),  # a bonus per step and a hand score in one clause
    ],
)
def test_a_range_or_a_hand_score_with_a_step_is_refused(text: str, code: str) -> None:
    assert _refused(text)[0] == code


# ------------------------------------------------------------------ a comparison word before a value on a 分 scale

POINTS_SCALE = "考核得分低于80分的不得分，80分以上得满分"


@pytest.mark.parametrize(("actual", "points"), [("85分", "5"), ("80分", "5"), ("75分", "0"), ("85", "5")])
def test_comparison_before_points_on_a_score_scale(actual: str, points: str) -> None:
    # 低于80分 was refused at 分 (only 80分以上, the word after the number, was read)
    assert _score(POINTS_SCALE, actual, weight="5") == Decimal(points)
    rule = _rule(POINTS_SCALE)
    assert scoring.parse(render(rule)) == rule
    assert _unread_numbers(POINTS_SCALE) == []


def test_a_score_named_before_points_is_no_share() -> None:
    # 得分 before 90分 was read as the share word of 得分80%, and the rule refused at 分
    text = "满意度测评得分90分以上得满分，低于60分不得分"
    assert _score(text, "92分", weight="5") == 5
    assert _score(text, "50分", weight="5") == 0
    assert _rule("一般得分80%").awards[0].outcome == nodes.ShareOfWeight(Decimal(80))
