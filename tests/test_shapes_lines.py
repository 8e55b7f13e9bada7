"""This round's shapes, part 7 (issue 11, docs/semantics.md §65): rank ranges (第4-6名), compound units
(10万平方米, 微克/立方米), spaced decimals of PDF text (扣 0 . 5 分), a plain quantity line stating the plan
before the steps (计划完成15公里，每少完成1公里扣1分), a heading with a colon before bare bands, and a hand
score within shares of the weight (得60%-80%分值). Expected scores are computed by hand from the rule text and
docs/semantics.md; each accepted text also passes the span-accounting check, and each near miss is refused."""

from __future__ import annotations

from decimal import Decimal

import pytest
from test_shapes_marks import _refused, _score
from test_span_accounting import _unread_numbers

import scoring
from scoring.rules import nodes
from scoring.text.normalize import normalize

# ------------------------------------------------------------------ spaced decimals (PDF text)


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("每低 1 个百分点扣 0 . 5 分", "每低1个百分点扣0.5分"),
        ("扣 12 . 25 分", "扣12.25分"),
        ("扣0 .5分", "扣0.5分"),
        # a letter-spaced text: the space between two digits is the spacing too
        ("满 意 度 9 0 % 以 上 得 满 分", "满意度90%以上得满分"),
    ],
)
def test_spaced_decimals_joined(text: str, read: str) -> None:
    assert normalize(text).text == read


@pytest.mark.parametrize(
    "text",
    [
        "1 . 2分以上得满分",  # an item number's dot before 2分: no word before the 1
        "满意度80 90得分",  # two numbers in a text written without letter spacing
        "完成1 . 制定方案",  # a dot before a word
    ],
)
def test_spaces_by_a_dot_kept(text: str) -> None:
    n = normalize(text)
    assert " " in n.text, n.text


@pytest.mark.parametrize(
    ("text", "actual", "weight", "points"),
    [
        # weight 5, ≥100%: 98% is 2 points below, 2 × 0.5 = 1 off → 4
        ("完成率达到100% 得满分 ，每低 1 个百分点扣 0 . 5 分", "98%", "5", "4"),
        # 2 errors × 0.5 = 1 off weight 2 → 1
        ("每 出 现 一 次 数 据 差 错 扣 0 . 5 分", "2", "2", "1"),
        # 95%, 93% is 2 below: 2 × 0.5 → 4 of 5
        ("合 格 率 达 到 9 5 % 以 上 得 满 分 ， 每 降 低 1 个 百 分 点 扣 0 . 5 分", "93%", "5", "4"),
    ],
)
def test_spaced_decimals_scored(text: str, actual: str, weight: str, points: str) -> None:
    assert _score(text, actual, weight=weight) == Decimal(points)
    assert not _unread_numbers(text)


# ------------------------------------------------------------------ rank ranges (§65, domain point 19)

LADDER = "排名前3名得满分，第4-6名得6分，第7名以后得3分"
BY_PLACE = "第1-3位得5分，第4至6位得3分，其余不得分"
AFTER = "全省排名第1-3名得满分，第4-10名得3分，10名以后不得分"


@pytest.mark.parametrize(
    ("text", "actual", "weight", "points"),
    [
        (LADDER, "3", "10", "10"),  # 前3名: rank 3 or better
        (LADDER, "4", "10", "6"),  # 第4-6名: both ends included
        (LADDER, "6", "10", "6"),
        (LADDER, "7", "10", "3"),  # 第7名以后: rank 7 and later, 7 included
        (LADDER, "20", "10", "3"),
        (BY_PLACE, "1", "5", "5"),
        (BY_PLACE, "5", "5", "3"),  # 第4至6位: 至 is a dash
        (BY_PLACE, "7", "5", "0"),  # 其余: no band before holds
        (AFTER, "10", "5", "3"),  # 10 is claimed by 第4-10名 first (the first listed wins)
        (AFTER, "11", "5", "0"),
        ("排名在全市前三位的得满分，第4至6位的得80%，其余的得60%", "9", "5", "3"),  # 60% of 5
        ("排名在全市前三位的得满分，第4至6位的得80%，其余的得60%", "5", "5", "4"),  # 80% of 5
    ],
)
def test_rank_ranges_scored(text: str, actual: str, weight: str, points: str) -> None:
    assert _score(text, actual, weight=weight) == Decimal(points)
    assert not _unread_numbers(text)


@pytest.mark.parametrize("actual", ["0", "1.5", "95%"])
def test_a_rank_range_needs_a_rank(actual: str) -> None:
    with pytest.raises(scoring.EvaluationError):
        _score(BY_PLACE, actual, weight="5")


def test_a_rank_range_reads_as_its_canonical_text() -> None:
    for text in (LADDER, BY_PLACE, AFTER):
        rule = scoring.parse(text)
        assert scoring.parse(scoring.render(rule)) == rule


@pytest.mark.parametrize(
    "text",
    [
        "第17-22条免检得满分",  # items, not ranks
        "第2-5得3分",  # no rank counter at either end
        "第0-3名得3分",  # rank 0 does not exist
        "第2-5名以外得3分",  # 以外 changes what the ranks mean
    ],
)
def test_ordinals_that_are_no_rank_range_refused(text: str) -> None:
    assert _refused(text) == "ordinal-range"


def test_the_rest_is_otherwise_only_as_a_whole_word() -> None:
    rule = scoring.parse("满意度90%以上得满分，其他项目完成得2分")
    assert _score("满意度90%以上得满分，其余的得60%", "80%", weight="10") == Decimal(6)
    assert isinstance(rule, nodes.Rule)
    assert not any(isinstance(getattr(c, "condition", None), nodes.Otherwise) for c in rule.clauses)


# ------------------------------------------------------------------ compound units (§65)

GREEN = "新增绿地面积≥10万平方米得满分，每少1万平方米扣1分"
ARCHIVE = "档案数字化完成量达到3万卷以上得满分，2万-3万卷得3分，1万-2万卷得1分，不足1万卷不得分"
AIR = "区域平均PM2.5浓度≤35微克/立方米得满分，35-40得5分，40以上不得分"


@pytest.mark.parametrize(
    ("text", "actual", "kw", "points"),
    [
        # 10万 = 100000 square metres; 8万 is 2 steps of 1万 short: 5 − 2 = 3
        (GREEN, "80000", {"weight": "5"}, "3"),
        (GREEN, "95000", {"weight": "5"}, "4.5"),  # half a step, pro rata (§3)
        (GREEN, "100000", {"weight": "5"}, "5"),
        (ARCHIVE, "32000", {"weight": "5"}, "5"),
        (ARCHIVE, "25000", {"weight": "5"}, "3"),  # 2万-3万卷
        (ARCHIVE, "10000", {"weight": "5"}, "1"),  # 1万 included in 1万-2万
        (ARCHIVE, "9999", {"weight": "5"}, "0"),
        # PM2.5 is a name; the bands are in 微克/立方米 (bare numbers on the row's unit)
        (AIR, "35", {"weight": "8", "unit": "微克/立方米"}, "8"),
        (AIR, "40", {"weight": "8", "unit": "微克/立方米"}, "5"),  # 35-40 claims 40 first
        (AIR, "41", {"weight": "8", "unit": "微克/立方米"}, "0"),
        # 0.5毫克/立方米, 2 steps of 0.1 over: 10 − 2 = 8
        ("浓度0.5毫克/立方米以下得满分，每超0.1毫克/立方米扣1分", "0.7", {"weight": "10", "unit": "毫克/立方米"}, "8"),
        ("完成投资2亿立方米得满分", "2亿立方米", {"weight": "4"}, "4"),
    ],
)
def test_compound_units_scored(text: str, actual: str, kw: dict[str, str], points: str) -> None:
    assert _score(text, actual, **kw) == Decimal(points)
    assert not _unread_numbers(text)


def test_a_multiplier_before_a_unit_is_the_number_times_it() -> None:
    rule = scoring.parse(GREEN)
    assert isinstance(rule, nodes.Rule)
    award = rule.clauses[0]
    assert isinstance(award, nodes.Award) and isinstance(award.condition, nodes.Range)
    assert award.condition.low == nodes.Edge(nodes.Quantity(Decimal(100000), "平方米"), True)
    for text in (GREEN, ARCHIVE, AIR):
        rule = scoring.parse(text)
        assert scoring.parse(scoring.render(rule)) == rule


@pytest.mark.parametrize("text", ["完成10万平方得满分", "完成3亿平方得满分"])
def test_unknown_units_still_refused(text: str) -> None:
    assert _refused(text) == "unknown-unit"  # 平方 alone is no unit


def test_a_number_on_latin_letters_is_a_name_only_there() -> None:
    # 2.5 after a space is a number of the rule, and unread
    assert _refused("区域平均PM 2.5浓度≤35微克/立方米得满分") == "unread-number"


# ------------------------------------------------------------------ a plan line before the steps (§65)

ROAD = "计划完成15公里，每少完成1公里扣1分"
MEETINGS = "全年召开例会12次，每少1次扣0.5分"


@pytest.mark.parametrize(
    ("text", "actual", "kw", "points"),
    [
        (ROAD, "15", {"weight": "8", "target": "≥15公里", "unit": "公里"}, "8"),
        (ROAD, "13", {"weight": "8", "target": "≥15公里", "unit": "公里"}, "6"),  # 2 short × 1
        (ROAD, "12.5", {"weight": "8", "unit": "公里"}, "5.5"),  # 2.5 short, pro rata; no target: the plan
        (ROAD, "5", {"weight": "8", "target": "15", "unit": "公里"}, "0"),  # 10 short: floor 0
        ("当年新增造林面积5000亩，每少100亩扣0.5分", "4950", {"weight": "5", "unit": "亩"}, "4.75"),  # half a step
        ("新建改建户厕300户，每少10户扣0.2分", "280", {"weight": "3", "unit": "户"}, "2.6"),  # 2 steps × 0.2
        (MEETINGS, "10", {"weight": "4", "target": "12", "unit": "次"}, "3"),  # the count held, 2 short × 0.5
        (MEETINGS, "12", {"weight": "4", "target": "12", "unit": "次"}, "4"),
    ],
)
def test_plan_lines_scored(text: str, actual: str, kw: dict[str, str], points: str) -> None:
    assert _score(text, actual, **kw) == Decimal(points)
    assert not _unread_numbers(text)
    rule = scoring.parse(text)
    assert scoring.parse(scoring.render(rule)) == rule


def test_the_plan_is_shown_as_the_start() -> None:
    reading = scoring.bind(scoring.parse(ROAD), target="≥15公里", unit="公里")
    start = next(d for d in reading.decisions if d.what == "起点")
    assert start.value == "15公里" and not start.stated and "§65" in start.source


@pytest.mark.parametrize(("target", "unit"), [("≥20公里", "公里"), ("20", "公里"), ("1.5万", "米")])
def test_a_plan_other_than_the_target_refused(target: str, unit: str) -> None:
    with pytest.raises(scoring.EvaluationError, match="plan-differs-from-target"):
        _score(ROAD, "13", weight="8", target=target, unit=unit)


@pytest.mark.parametrize(
    "text",
    [
        "计划完成15公里，每少完成1千米扣1分",  # the step in another unit: no line read, 15 unread
        "计划完成15公里，每超1公里扣1分",  # an excess step: the plan is no line it counts from
        "完成率90%以上，共15公里，每少1次扣1分",
    ],
)
def test_plan_lines_that_are_no_line_refused(text: str) -> None:
    assert _refused(text) == "unread-number"


# ------------------------------------------------------------------ a heading with a colon (§65)

HEADED = "建设任务完成率：100%得5分；≥90%得4分；≥80%得3分；＜80%得0分。"


@pytest.mark.parametrize(("actual", "points"), [("100%", "5"), ("99%", "4"), ("80%", "3"), ("79.99%", "0")])
def test_bare_bands_after_a_heading(actual: str, points: str) -> None:
    # 100% reads as reaching it (≥100%, as 完成率100%得5分 does); 99% falls to ≥90%
    assert _score(HEADED, actual, weight="5") == Decimal(points)
    assert not _unread_numbers(HEADED)
    rule = scoring.parse(HEADED)
    assert scoring.parse(scoring.render(rule)) == rule


def test_a_bare_band_without_a_heading_refused() -> None:
    assert _refused("完成率；100%得5分") == "unread-number"  # a semicolon: no heading
    assert _refused("完成率90%：100%得5分") == "unread-number"  # a heading with a number is no heading


@pytest.mark.parametrize(
    ("text", "target", "unit", "actual", "want"),
    [
        # 5 working days against a limit of 3: 2 over × 1 → 5 − 2 = 3; 2 days: within → 5
        ("办结时限为3个工作日，每超时1个工作日扣1分。", "3", "工作日", "5", "3.00"),
        ("办结时限为3个工作日，每超时1个工作日扣1分。", "3", "工作日", "2", "5.00"),
        # 30 hours against 24: 6 over × 0.1 → 5 − 0.6 = 4.4
        ("处理时限为24小时，每超时1小时扣0.1分", "24", "小时", "30", "4.40"),
    ],
)
def test_a_time_limit_before_steps_is_their_line(text: str, target: str, unit: str, actual: str, want: str) -> None:
    # 时限为3个工作日 before 每超时… was an unread number (first probe L03, second T08)
    assert scoring.evaluate(text, actual, target=target, comparator="≤", unit=unit, weight=5).points == Decimal(want)


@pytest.mark.parametrize(
    ("text", "target", "unit", "weight", "actual", "want"),
    [
        # 2.8人 per thousand; 2.6 is 0.2 short = 2 steps × 0.5 → 4 − 1 = 3
        ("每千人口执业（助理）医师数达到2.8人，每减少0.1人扣0.5分", "2.8", "人", 4, "2.6", "3.00"),
        ("每千名老年人拥有养老床位数达到35张，每少1张扣0.5分", "35", "张", 3, "33", "2.00"),  # 2 × 0.5
        ("每万人拥有公共文化设施面积不低于800平方米，每少50平方米扣1分", "800", "平方米", 5, "700", "3.00"),  # 2 steps
    ],
)
def test_per_capita_words_are_the_measures_name(text: str, target: str, unit: str, weight: int, actual: str, want: str) -> None:
    # 每千人 was read as a step: the line after it was an unread number (fourth probe B22, B38), and in an award
    # the subject lost it (2.8人≤口医师数)
    assert scoring.evaluate(text, actual, target=target, comparator="≥", unit=unit, weight=weight).points == Decimal(want)
    rule = scoring.parse("每千人口医师数达到2.8人得满分，未达到不得分")
    assert rule.clauses[0].condition.subject == "每千人口医师数"  # type: ignore[union-attr]


def test_a_plan_in_场次_against_a_row_in_场次() -> None:
    # 12场次 was read as 12场 and the word 次 left to the subject: the row's 12场次 then differed from the plan
    # (plan-differs-from-target; fifth probe B39). 10 held: 2 short × 0.5 → 3 − 1 = 2
    rule = "全年开展体育赛事12场次，每少1场次扣0.5分"
    assert scoring.evaluate(rule, "10", target="12场次", comparator="≥", unit="场次", weight=3).points == Decimal("2.00")
