"""This round's shapes, part 3 (issue 11): marks that restate their number (95%(含95%)), 不扣分,
frequencies (每季度召开一次), and awards for something absent (无缺会现象3分). docs/semantics.md
§23-§25. Expected scores are computed by hand from the rule text and docs/semantics.md; each
accepted text also passes the span-accounting check, and each near miss is refused."""

from __future__ import annotations

from decimal import Decimal

import pytest
from test_span_accounting import _unread_numbers

import scoring
from scoring.rules import nodes


def _score(text: str, actual: object, **kw: object) -> Decimal:
    return scoring.evaluate(scoring.parse(text), actual, **kw).points  # type: ignore[arg-type]


def _refused(text: str) -> str:
    with pytest.raises(scoring.RuleSyntaxError) as e:
        scoring.parse(text)
    return e.value.code


# ------------------------------------------------------------------ inclusive marks (§23)

RESTATED = "满意度95%（含95%）不扣分，每低1个百分点扣1分"
AMOUNTS = "10万元以上(含10万)得5分，5万元以上(含5万)得2.5分，少于5万元不得分"


@pytest.mark.parametrize(
    ("text", "actual", "points"),
    [
        (RESTATED, "95%", "10"),  # 95% included: nothing deducted
        (RESTATED, "99%", "10"),
        (RESTATED, "93%", "8"),  # 2 points below 95%: 2 × 1
        (RESTATED, "94.5%", "9.5"),  # half a step, pro rata (semantics §3)
        (AMOUNTS, "10万元", "5"),  # 10万 included in the first band
        (AMOUNTS, "7万元", "2.5"),
        (AMOUNTS, "5万元", "2.5"),  # 5万 included
        (AMOUNTS, "4.9万元", "0"),
        ("满意度80%(不含)以上得满分，低于80%不得分", "80%", "0"),  # 80% excluded from both: the gap scores 0
        ("满意度80%(不含)以上得满分，低于80%不得分", "80.5%", "10"),
        ("满意度80%以上(不含80%)得满分，80%及以下不得分", "80%", "0"),
        ("满意度80%以上(不含80%)得满分，80%及以下不得分", "81%", "10"),
        ("投诉率5%以下(不含5%)得满分，5%及以上不得分", "5%", "0"),
        ("投诉率5%以下(不含5%)得满分，5%及以上不得分", "4%", "10"),
    ],
)
def test_marks_scored_by_hand(text: str, actual: str, points: str) -> None:
    assert _score(text, actual, weight="10") == Decimal(points)


def test_a_restated_mark_reads_as_the_mark() -> None:
    assert scoring.parse("满意度90%（含90%）以上得满分") == scoring.parse("满意度90%（含）以上得满分")
    assert scoring.parse("80%(含80%)-90%得5分") == scoring.parse("80%(含)-90%得5分")
    rule = scoring.parse("满意度80%以上(不含80%)得满分")
    assert isinstance(rule, nodes.Rule)
    cond = rule.awards[0].condition
    assert isinstance(cond, nodes.Range) and cond.low is not None and not cond.low.inclusive


def test_not_deducting_is_full_marks() -> None:
    rule = scoring.parse("按时报送不扣分，迟报一次扣1分")
    assert isinstance(rule, nodes.Rule)
    assert isinstance(rule.awards[0].outcome, nodes.FullMarks)
    # weight 5: no late report → 5; two → 5 − 2 × 1 = 3
    assert _score("按时报送不扣分，迟报一次扣1分", "0", weight="5") == Decimal(5)
    assert _score("按时报送不扣分，迟报一次扣1分", "2", weight="5") == Decimal(3)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("满意度95%(含90%)以上得满分", "restated-mark"),  # which of 95 and 90 is meant?
        ("80%-90%(含85%)得5分", "restated-mark"),
        ("满意度95%(含95)以上得满分，10万元(含10%)得2分", "restated-mark"),  # 10万元 restated as 10%
        ("满意度80%(含)以上(不含80%)得满分", "restated-mark"),  # included and excluded at once
        ("满意度95%(不含)得满分", "mark-without-comparison"),  # excluded, with no side stated
    ],
)
def test_near_misses_of_marks_are_refused(text: str, code: str) -> None:
    assert _refused(text) == code


# ------------------------------------------------------------------ frequencies (§24)

QUARTERLY = "每季度召开一次例会得满分，每少一次扣1分"


def test_a_count_per_quarter_is_how_often_not_a_total() -> None:
    rule = scoring.parse(QUARTERLY)
    assert isinstance(rule, nodes.Rule)
    cond = rule.awards[0].condition
    assert isinstance(cond, nodes.TargetMet) and "每季度召开1次例会" in cond.text.replace("一", "1")
    # it was read as "at least 1 time", so that 0 meetings scored 3 of 4 and 4 meetings full marks
    # target 4次 a year, weight 4: 3 meetings → 1 short → 3; 4 → 4; 0 → 0
    assert _score(QUARTERLY, "3", weight="4", target="4次") == Decimal(3)
    assert _score(QUARTERLY, "4", weight="4", target="4次") == Decimal(4)
    assert _score(QUARTERLY, "0", weight="4", target="4次") == Decimal(0)
    with pytest.raises(scoring.ScoringError):  # how many were due is not in the text: not guessed
        _score(QUARTERLY, "3", weight="4")


@pytest.mark.parametrize(
    "text",
    [
        "每年召开4次例会得满分，每少一次扣1分",  # 每年: the year's total, a band at 4次
        "每人培训不少于20学时得满分",  # 每人: per person, not a period
        "每月报送率达到90%得满分",  # a percentage is no count of times
    ],
)
def test_near_misses_of_frequencies_stay_numbers(text: str) -> None:
    rule = scoring.parse(text)
    assert isinstance(rule, nodes.Rule)
    assert isinstance(rule.awards[0].condition, nodes.Range)


def test_a_frequency_with_no_deduction_is_refused() -> None:
    # 是/否 would say nothing of how many meetings the year's outcome needs
    assert _refused("每季度召开一次例会得满分，未召开不得分") == "frequency"


def test_the_year_total_scores_as_before() -> None:
    # weight 4: 3 of 4 meetings → 1 short of 4 → 3
    assert _score("每年召开4次例会得满分，每少一次扣1分", "3", weight="4") == Decimal(3)


# ------------------------------------------------------------------ something absent (§25)

ITEMS = "(1)无缺会现象3分;(2)按时报送材料2分"


@pytest.mark.parametrize(
    ("text", "actual", "points"),
    [
        (ITEMS, {1: "是", 2: "是"}, "5"),
        (ITEMS, {1: "否", 2: "是"}, "2"),  # absences occurred: item 1 scores 0 (it scored 3)
        (ITEMS, {1: "是", 2: "否"}, "3"),
        ("未发生安全事故得满分", "否", "0"),  # it scored full marks
        ("未发生安全事故得满分", "是", "10"),
        ("无违规违纪问题8分", "否", "0"),
        ("无事故得5分，发生事故不得分", "是", "5"),
        ("无事故得5分，发生事故不得分", "否", "0"),
    ],
)
def test_absence_awards_scored_by_hand(text: str, actual: object, points: str) -> None:
    assert _score(text, actual, weight="10" if isinstance(actual, str) else "5") == Decimal(points)


def test_a_negated_quality_stays_not_met() -> None:
    # 不及时但未影响项目进度 is a grade below 到位及时, not the requirement met
    rule = scoring.parse("①到位及时(2分)\n②不及时但未影响项目进度 (1分)\n③不及时并影响项目进度")
    assert isinstance(rule, nodes.Composite)
    cond = rule.items[1].rule.awards[0].condition
    assert isinstance(cond, nodes.Label) and cond.negated
    # 无方案 scoring less than 有方案 is the requirement not met
    rule = scoring.parse("有方案得满分，无方案得1分")
    assert isinstance(rule, nodes.Rule)
    cond = rule.awards[1].condition
    assert isinstance(cond, nodes.Label) and cond.negated


# ------------------------------------------------------------------ span accounting

ACCEPTED = [
    RESTATED, AMOUNTS, QUARTERLY, ITEMS,
    "满意度80%(不含)以上得满分，低于80%不得分", "满意度80%以上(不含80%)得满分，80%及以下不得分",
    "按时报送不扣分，迟报一次扣1分", "每月报送2次报表得满分，每少一次扣1分",
    "符合政策生育率 95%(含 95%)不扣分,可进入先进单位评选,每低一个百分点扣 1 分;",
]  # fmt: skip


@pytest.mark.parametrize("text", ACCEPTED)
def test_every_number_is_read(text: str) -> None:
    assert _unread_numbers(text) == []


# ------------------------------------------------------------------ 以100%为标准 (§28) and time limits (§29)

STANDARD = "以100%为标准。在职人员控制率≤100%,计5分；每超过一个百分点扣0.5分，扣完为止。"


@pytest.mark.parametrize(
    ("actual", "points"),
    [("100%", "5"), ("96%", "5"), ("103%", "3.5"), ("110%", "0")],  # 3 points over → 3 × 0.5; 10 over → 5
)
def test_a_restated_standard_scored_by_hand(actual: str, points: str) -> None:
    assert _score(STANDARD, actual, weight="5") == Decimal(points)


@pytest.mark.parametrize(
    "text",
    [
        "以90%为标准。在职人员控制率≤100%,计5分；每超过一个百分点扣0.5分",  # which line: 90% or 100%?
        "以100人为标准。满意度≥95%得满分",  # a standard no clause states
    ],
)
def test_a_standard_no_clause_states_is_refused(text: str) -> None:
    assert _refused(text) == "unread-number"


def test_a_time_limit_is_at_most() -> None:
    rule = scoring.parse("办结时限为3个工作日，计4分，发现一例超时的扣1分")
    assert isinstance(rule, nodes.Rule)
    cond = rule.awards[0].condition
    assert isinstance(cond, nodes.TargetMet) and cond.requirement is not None
    assert cond.requirement.low is None and cond.requirement.high is not None
    assert cond.requirement.high.value == nodes.Quantity(Decimal(3), "个工作日")
    # weight 4: two cases over the limit → 4 − 2
    assert _score("办结时限为3个工作日，计4分，发现一例超时的扣1分", "2", weight="4") == Decimal(2)
    # 完成时间3天 names no limit: a number reached, as before
    rule = scoring.parse("完成时间3天以上得满分")
    assert isinstance(rule, nodes.Rule) and isinstance(rule.awards[0].condition, nodes.Range)


@pytest.mark.parametrize("text", [STANDARD, "办结时限为3个工作日，计4分，发现一例超时的扣1分"])
def test_every_number_of_a_standard_is_read(text: str) -> None:
    assert _unread_numbers(text) == []


# ------------------------------------------------------------------ more marks, 视情况扣分, a count in the clause before (§30)

BUDGET = "本级预算安排资金高于上年决算数的30%(包括30%)得4分，高于上年决算数的20%(包括20%)得3分，其他不得分"


@pytest.mark.parametrize(
    ("text", "actual", "points"),
    [
        (BUDGET, "30%", "4"),  # 包括30%: 30% is in the first band (it was read as above 30%)
        (BUDGET, "25%", "3"),
        (BUDGET, "20%", "3"),
        (BUDGET, "19%", "0"),
        ("低于(含)90%,不得分。高于90%的得满分", "90%", "0"),  # (含) before the number: ≤ 90%
        ("低于(含)90%,不得分。高于90%的得满分", "90.5%", "10"),
        ("满意度高于(不含)80%得满分，80%及以下不得分", "80%", "0"),
    ],
)
def test_more_marks_scored_by_hand(text: str, actual: str, points: str) -> None:
    assert _score(text, actual, weight="10") == Decimal(points)


SEVERAL = "纳入预算安排得1分；计划编制比较完整得3分；资金高于上年决算数的30%(包括30%)得4分，高于20%(包括20%)得3分"


def test_worded_awards_beside_bands_are_refused() -> None:
    # three things scored (纳入预算, the plan, the increase): one number scored one band (3 of 8 for
    # 25%); adding up or taking one is for item marks to say. Parts between ；, each a rule with its own points,
    # are such marks unwritten (semantics §146): 是 / 计划编制比较完整 / 25% → 1 + 3 + 3 = 7
    assert _refused(SEVERAL.replace("；", "，")) == "several-things"
    several = scoring.parse(SEVERAL)
    assert isinstance(several, nodes.Composite) and [i.points for i in several.items] == [1, 3, 4]
    got = scoring.evaluate(several, {"1": "是", "2": "计划编制比较完整", "3": "25%"}, weight="8").points
    assert got == Decimal("7.00")
    # one worded award beside bands is the target met, as before
    rule = scoring.parse("完成得满分；80%-90%得5分")
    assert isinstance(rule, nodes.Rule)
    assert isinstance(rule.awards[0].condition, nodes.TargetMet)
    assert isinstance(rule.awards[1].condition, nodes.Range)


COUNTED = "无人员上访得3分;出现1次因生活救助安排不到位,群众反映强烈的扣1分。"


@pytest.mark.parametrize(("actual", "points"), [("0", "3"), ("2", "1"), ("4", "0")])
def test_a_count_in_the_clause_before_scored_by_hand(actual: str, points: str) -> None:
    # each time 生活救助安排不到位 with 群众反映强烈 deducts 1 from 3
    assert _score(COUNTED, actual, weight="3") == Decimal(points)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("出现2次问题,整改不到位的扣1分", "unread-number"),  # 2次: per two, or from the second on?
        ("低于(含90%)90%不得分", "restated-mark"),
    ],
)
def test_near_misses_of_counts_and_marks_are_refused(text: str, code: str) -> None:
    assert _refused(text) == code


@pytest.mark.parametrize("text", [BUDGET, COUNTED, "低于(含)90%,不得分。高于90%的得满分"])
def test_every_number_of_these_is_read(text: str) -> None:
    assert _unread_numbers(text) == []


# ------------------------------------------------------------------ 给予“一票否决” (§31)

VETOED = "符合政策生育率82%以下的记零分,并给予“一票否决”。"


@pytest.mark.parametrize(("actual", "points"), [("85%", "10"), ("82%", "0"), ("80%", "0")])
def test_a_veto_restating_a_zero_scored_by_hand(actual: str, points: str) -> None:
    # 82%以下 includes 82; above it no clause holds and a rule of vetoes alone keeps full marks
    assert _score(VETOED, actual, weight="10") == Decimal(points)


def test_a_veto_given_is_a_veto() -> None:
    rule = scoring.parse("低于80%的，予以一票否决")
    assert isinstance(rule, nodes.Rule) and rule.vetoes and not rule.awards
    rule = scoring.parse(VETOED)
    assert isinstance(rule, nodes.Rule) and len(rule.vetoes) == 1 and not rule.awards


def test_a_veto_after_full_marks_has_no_condition() -> None:
    assert _refused("完成得满分，并给予一票否决") == "veto-without-condition"


def test_every_number_of_a_veto_is_read() -> None:
    assert _unread_numbers(VETOED) == []


# ------------------------------------------------------------------ 按100分计, 全部N项 (§32)

ALL_THREE = "符合全部3项指标的按100分计,每不符合1项扣40分,直至扣为零分。"


@pytest.mark.parametrize(("actual", "points"), [("0", "100"), ("1", "60"), ("2", "20"), ("3", "0")])
def test_the_whole_list_scored_by_hand(actual: str, points: str) -> None:
    # the input is the number of the 3 items not met: 100 − 40 each, down to 0
    assert _score(ALL_THREE, actual, weight="100") == Decimal(points)


def test_points_counted_as() -> None:
    rule = scoring.parse("完成的按满分计，未完成的按0分计")
    assert isinstance(rule, nodes.Rule)
    assert [a.outcome for a in rule.awards] == [nodes.FullMarks(), nodes.Points(Decimal(0))]
    # 按 before anything but points and 计 is no award
    assert _refused("按100分制换算") == "no-scoring-logic"


def test_the_whole_list_needs_a_count_of_items_missed() -> None:
    assert _refused("符合全部3项指标的得满分，否则不得分") == "frequency"
    with pytest.raises(scoring.ScoringError):
        _score(ALL_THREE, "50%", weight="100")


def test_every_number_of_the_whole_list_is_read() -> None:
    assert _unread_numbers(ALL_THREE) == []


# ------------------------------------------------------------------ 分别扣N分 with one value (§33)

EACH = "随机抽查各部门行政审批档案,未依法对消防安全进行严格把关或不符合消防安全条件给予审批的,分别扣1分。"


@pytest.mark.parametrize(("actual", "points"), [("0", "2"), ("1", "1"), ("3", "0")])
def test_one_value_for_each_scored_by_hand(actual: str, points: str) -> None:
    # each case found deducts 1 from 2
    assert _score(EACH, actual, weight="2") == Decimal(points)


@pytest.mark.parametrize("text", ["满意度超过80%分别得6分", "每低1%分别扣1分"])
def test_one_value_near_misses_are_refused(text: str) -> None:
    assert _refused(text) == "list-count"


def test_one_bonus_for_each() -> None:
    rule = scoring.parse("获先进集体和个人分别加2分")
    assert isinstance(rule, nodes.Rule)
    d = rule.deductions[0] if rule.deductions else rule.bonuses[0]
    assert d.bonus and d.kind is nodes.StepKind.EVENTS


# ------------------------------------------------------------------ deviation from the target; tiers or steps (§35)


def test_a_deviation_from_the_target_is_a_deviation() -> None:
    rule = scoring.parse("实际完成值与目标值偏差在10%以内得满分，每超出1个百分点扣0.5分")
    assert isinstance(rule, nodes.Rule)
    cond = rule.awards[0].condition
    # it was read as "at most 10% of the target" (a ratio): 100% of the target scored 0 points of it
    assert isinstance(cond, nodes.Range) and cond.measure is nodes.Measure.DEVIATION
    # target 100, weight 10: 95 deviates 5% → full; 112 deviates 12% → 2 points over → 10 − 1
    text = "实际完成值与目标值偏差在10%以内得满分，每超出1个百分点扣0.5分"
    assert _score(text, "95", weight="10", target="100") == Decimal(10)
    # the completion ratio's reading is kept where the target word comes after the deviation
    rule = scoring.parse("完成目标值的90%以上得满分")
    assert isinstance(rule, nodes.Rule)
    cond = rule.awards[0].condition
    assert isinstance(cond, nodes.Range) and cond.measure is nodes.Measure.RATIO


def test_two_unstated_steps_on_one_thing_are_refused() -> None:
    # 2 months late: −2 as a tier, or −4 as two steps per month and per 2 months?
    assert _refused("按进度完成得满分，滞后1个月扣1分，滞后2个月扣2分，滞后3个月以上不得分") == "tier-or-step"
    # different things, or one step each, read as before
    rule = scoring.parse("错报1例扣3分,漏报1例扣2分")
    assert isinstance(rule, nodes.Rule) and len(rule.deductions) == 2
    assert _score("错报1例扣3分,漏报1例扣2分", {1: "1", 2: "1"}, weight="10") == Decimal(5)


def test_a_percent_awarded_is_a_share_of_the_weight() -> None:
    # 基本完成得60%: 60% of the weight 10 → 6
    assert _score("完成得满分，基本完成得60%，未完成不得分", "基本完成", weight="10") == Decimal(6)
    rule = scoring.parse("满意度90%以上得满分，80%以上得80%")
    assert isinstance(rule, nodes.Rule)
    assert rule.awards[1].outcome == nodes.ShareOfWeight(Decimal(80))


# ------------------------------------------------------------------ 每季度未报送扣1分 (§37)


@pytest.mark.parametrize(
    ("text", "actual", "points"),
    [
        ("每季度未报送扣1分", "0", "4"),
        ("每季度未报送扣1分", "3", "1"),  # 3 quarters missed: 3 × 1 (it was deducted once: 3)
        ("每人未参加培训扣0.2分", "5", "3"),  # 5 people × 0.2 from 4
    ],
)
def test_a_deduction_per_period_scored_by_hand(text: str, actual: str, points: str) -> None:
    assert _score(text, actual, weight="4") == Decimal(points)


def test_a_period_that_is_no_counter_is_refused() -> None:
    assert _refused("每三个月未检查扣1分") == "step-without-size"


# ------------------------------------------------------------------ 一年内未发生… (§38)


def test_a_time_scope_is_no_quantity() -> None:
    # 一年内 scopes the event: it was read as "≤1年", so 1 accident answered scored full marks
    assert _refused("一年内未发生重大安全事故得满分") == "frequency"
    text = "一年内未发生重大安全事故得满分，发生一起扣2分"
    assert _score(text, "0", weight="10") == Decimal(10)
    assert _score(text, "1", weight="10") == Decimal(8)  # one accident: 10 − 2
    # a duration before 完成 is the time taken, as before
    rule = scoring.parse("3个月内完成得满分")
    assert isinstance(rule, nodes.Rule) and isinstance(rule.awards[0].condition, nodes.Range)


def test_a_count_asked_for_is_a_line_to_fall_short_of() -> None:
    # 业务培训2次得满分，少1次扣1分, weight 10: the answer is the trainings held. 0 held → 2 short → 8;
    # 1 → 9; 2 → 10 (0 held once scored full marks: 少1次 counted the missing ones)
    text = "业务培训2次得满分，少1次扣1分"
    assert [_score(text, a, weight="10") for a in ("0", "1", "2")] == [Decimal(8), Decimal(9), Decimal(10)]
