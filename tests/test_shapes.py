"""Shapes of issue 11 item 3: each read into nodes, scored, and round-tripped through render.

Every expected score is computed by hand from the rule text and docs/semantics.md (§16 ff.).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

import scoring
from scoring.rules import nodes
from scoring.rules.render import pending, render


def _score(text: str, actual: object, **kw: object) -> Decimal:
    return scoring.evaluate(scoring.parse(text), actual, **kw).points  # type: ignore[arg-type]


def _round_trip(text: str) -> None:
    rule = scoring.parse(text)
    if not pending(rule):
        assert scoring.parse(render(rule)) == rule, render(rule)


# ------------------------------------------------------------ tiers: ranges written high to low

TIERS = "完工率达到100%的得30分,99%-90%的得27分,89%-80%的得24分,50%以下的不得分。"


def test_range_high_to_low_is_the_same_range() -> None:
    a = scoring.parse("99%-90%的得27分")
    b = scoring.parse("90%-99%的得27分")
    assert a == b
    cond = a.clauses[0].condition  # type: ignore[union-attr]
    assert isinstance(cond, nodes.Range)
    assert cond.low is not None and cond.low.value.value == 90
    assert cond.high is not None and cond.high.value.value == 99


def test_range_high_to_low_keeps_its_marks() -> None:
    # 80%（不含）written at the high end of a high-to-low range stays on 80%
    cond = scoring.parse("90%-80%(不含)得2分").clauses[0].condition  # type: ignore[union-attr]
    assert isinstance(cond, nodes.Range)
    assert cond.low is not None and cond.low.value.value == 80 and not cond.low.inclusive
    assert cond.high is not None and cond.high.value.value == 90 and cond.high.inclusive


@pytest.mark.parametrize(
    ("actual", "points"),
    [("100%", "30.00"), ("95%", "27.00"), ("90%", "27.00"), ("89%", "24.00"), ("80%", "24.00"), ("79%", "0.00"),
     ("50%", "0.00")],
)  # fmt: skip
def test_tiers_high_to_low(actual: str, points: str) -> None:
    # 79% lies in no band (80%–89% and 50%以下 leave 50%–80% uncovered here): a gap scores 0
    assert _score(TIERS, actual, target="100%", weight=30, comparator="≥", unit="%") == Decimal(points)


def test_tiers_round_trip() -> None:
    _round_trip(TIERS)


def test_lost_dash_between_percentages_reads_with_a_warning() -> None:
    # 80%99%: the % signs leave one reading, 80%-99% (semantics §58), shown as a warning; 510万 stays refused
    rule = scoring.parse("到位率 100%( 2分),80%99%( 1分),低于 80%得 0 分")
    assert any(c.kind == "lost-dash" and c.warning for c in rule.normalized)
    assert _score("到位率 100%( 2分),80%99%( 1分),低于 80%得 0 分", "85%", target="100%", weight=2, comparator="≥", unit="%") == Decimal("1.00")
    with pytest.raises(scoring.RuleSyntaxError):
        scoring.parse("资金510万(含5万)得2分")


# ------------------------------------------------------------ counting what is missing (dev-033/034)


@pytest.mark.parametrize(("actual", "points"), [("0", "2.00"), ("1", "1.50"), ("3", "0.50"), ("5", "0.00")])
def test_each_missing_thing_is_one_step(actual: str, points: str) -> None:
    # 每少一种机构或少一项制度: each missing institution or rule deducts 0.5 from 2
    text = "每少一種機構或少一項制度的扣0.5分。"
    rule = scoring.parse(text)
    (d,) = rule.deductions  # type: ignore[union-attr]
    assert d.kind is nodes.StepKind.EVENTS and d.start is None
    assert _score(text, actual, weight=2) == Decimal(points)


def test_missing_count_refuses_a_percentage() -> None:
    with pytest.raises(scoring.ScoringError):
        _score("每少出臺一種意見或少研究一次扣0.5分。", "80%", weight=3)


# ------------------------------------------------------------ bonuses (domain point 18)


def test_bonus_is_a_step_that_adds() -> None:
    rule = scoring.parse("开展中医药适宜技术,每开展一项加2分,最高不超过4分;")
    (d,) = rule.deductions  # type: ignore[union-attr]
    assert d.bonus and d.kind is nodes.StepKind.EVENTS and d.cap == Decimal(4)
    _round_trip("开展中医药适宜技术,每开展一项加2分,最高不超过4分;")


@pytest.mark.parametrize(("actual", "points"), [("0", "0.00"), ("1", "2.00"), ("2", "4.00"), ("3", "4.00")])
def test_bonuses_alone_count_up_from_zero(actual: str, points: str) -> None:
    # no base: 0 + 2 per item, at most 4 (3 items: 6 → 4)
    assert _score("开展中医药适宜技术,每开展一项加2分,最高不超过4分;", actual, weight=4) == Decimal(points)


@pytest.mark.parametrize(("actual", "points"), [("2", "2.00"), ("5", "3.00")])
def test_bonus_without_every(actual: str, points: str) -> None:
    # 一次加1分 is per time, like a deduction without 每 (semantics §5); 5 → 5 capped at 3
    assert _score("承当省、市检查任务一次加1分,最多不超过3分;", actual, weight=3) == Decimal(points)


STAFF = "保持基层人员编制稳定的，得1.5分；每增加1名人员编制的，加0.05分，加分不超过0.5分；每减少1名人员编制的，扣0.1分，扣分不超过2分。"


@pytest.mark.parametrize(
    ("actual", "points"),
    [("100", "1.50"), ("104", "1.70"), ("120", "2.00"), ("95", "1.00"), ("70", "0.00")],
)
def test_bonus_above_the_weight_up_to_its_cap(actual: str, points: str) -> None:
    # base 1.5 (= the weight); +4 × 0.05 = 0.2 → 1.7 (above the weight: a stated bonus);
    # +20 × 0.05 = 1 → capped 0.5 → 2.0; −5 × 0.1 = 0.5 → 1.0; −30 × 0.1 = 3 → capped 2 → below 0 → 0
    assert _score(STAFF, actual, target="100", comparator="=", unit="人", weight="1.5") == Decimal(points)


def test_bonus_caps_read_into_the_rule() -> None:
    rule = scoring.parse(STAFF)
    bonus, deduction = rule.deductions  # type: ignore[union-attr]
    assert bonus.bonus and bonus.cap == Decimal("0.5") and bonus.direction is nodes.Direction.EXCESS
    assert not deduction.bonus and deduction.cap == Decimal(2)
    _round_trip(STAFF)


BASE = "完成得基本分10分,多完成1%加1分,少完成1%扣1分,以此类推,加扣分均不突破基本分。"


@pytest.mark.parametrize(
    ("actual", "points"),
    [("100%", "10.00"), ("105%", "15.00"), ("103.5%", "13.50"), ("112%", "20.00"), ("96%", "6.00"), ("85%", "0.00")],
)
def test_bonus_capped_at_the_base(actual: str, points: str) -> None:
    # base 10; +1 per point above 100%: 105% → 15, 103.5% → 13.5, 112% → +12 capped at the base 10 → 20;
    # −1 per point below: 96% → 6; 85% → −15, within the base → 0
    assert _score(BASE, actual, target="100%", comparator="≥", unit="%", weight=10) == Decimal(points)


def test_bonus_cap_base_round_trip() -> None:
    rule = scoring.parse(BASE)
    assert rule.bonus_cap_base  # type: ignore[union-attr]
    _round_trip(BASE)


@pytest.mark.parametrize(("actual", "points"), [("50%", "15.00"), ("100%", "30.00"), ("120%", "30.00")])
def test_per_step_award_counts_up_to_its_total(actual: str, points: str) -> None:
    # 每完成1%得0.3分，最高30分: 50 × 0.3 = 15; 100 × 0.3 = 30; 120 × 0.3 = 36 → 30
    text = "每完成1%得0.3分，最高30分"
    assert _score(text, actual, target="100%", comparator="≥", unit="%", weight=30) == Decimal(points)
    _round_trip(text)


def test_uncapped_bonus_is_not_capped() -> None:
    # 完成得10分 at 5项; 7项: 2 above → +2 → 12, above the weight 10 because the text states the bonus
    text = "完成得10分，每超过1项加1分"
    score = scoring.evaluate(scoring.parse(text), "7", target="5", comparator="≥", unit="项", weight=10)
    assert score.points == Decimal("12.00")
    assert "不封顶" in score.explanation + "".join(s.note for s in score.trace)


def test_without_a_bonus_the_weight_caps() -> None:
    assert _score("完成得12分", "是", weight=10) == Decimal("10.00")


def test_bonus_cap_without_bonus_is_refused() -> None:
    with pytest.raises(scoring.RuleSyntaxError):
        scoring.parse("每例扣1分，加扣分均不突破基本分")


def test_increase_is_not_a_bonus() -> None:
    # 增加1个村 is 增加 + 1, not 加1分: the deduction stays one
    rule = scoring.parse("严格按项目要求实施的,计5分,未按要求执行的,多增加1个村减2.5分,直至0分。")
    assert not any(d.bonus for d in rule.deductions)  # type: ignore[union-attr]


# ------------------------------------------------------------ lists with 分别 (domain point 17)

SHARE = "重点县整合资金规模占年度总投资的30%以上、20%以上和10%以上,分别得6分、4分和2分。"
OVER = "项目超过80%、70%和60%,分别得6分、4分和2分。"


def test_respective_awards_are_bands_in_order() -> None:
    rule = scoring.parse(OVER)
    lows = [a.condition.low for a in rule.awards]  # type: ignore[union-attr]
    assert [(e.value.value, e.inclusive) for e in lows] == [(80, False), (70, False), (60, False)]  # type: ignore[union-attr]
    assert [a.outcome for a in rule.awards] == [nodes.Points(Decimal(v)) for v in (6, 4, 2)]  # type: ignore[union-attr]
    _round_trip(OVER)
    _round_trip(SHARE)


@pytest.mark.parametrize(
    ("text", "actual", "points"),
    [(OVER, "85%", "6.00"), (OVER, "80%", "4.00"), (OVER, "65%", "2.00"), (OVER, "60%", "0.00"),
     (SHARE, "30%", "6.00"), (SHARE, "25%", "4.00"), (SHARE, "10%", "2.00"), (SHARE, "5%", "0.00")],
)  # fmt: skip
def test_respective_awards(text: str, actual: str, points: str) -> None:
    # 超过 excludes its number (80% is not 超过80% but is 超过70% → 4; 60% in no band → 0);
    # 以上 includes it (30% → 6, 10% → 2; 5% in no band → 0)
    assert _score(text, actual, unit="%", weight=6) == Decimal(points)


MISSING = "少建一個或已建,但未達標的分別扣1分、3分。"


@pytest.mark.parametrize(
    ("actual", "points"),
    [({1: "0", 2: "0"}, "5.00"), ({1: "1", 2: "0"}, "4.00"), ({1: "1", 2: "1"}, "1.00"), ({1: "0", 2: "2"}, "0.00")],
)
def test_respective_deductions_count_per_item(actual: dict[int, str], points: str) -> None:
    # 1 per one not built, 3 per one built below standard: 1 → 4; 1 + 3 → 1; 2 × 3 = 6 > 5 → 0
    assert _score(MISSING, actual, weight=5) == Decimal(points)


def test_respective_deductions_round_trip_and_refuse_one_answer() -> None:
    _round_trip(MISSING)
    with pytest.raises(scoring.ScoringError):
        _score(MISSING, "1", weight=5)  # one count is never copied to both items


@pytest.mark.parametrize(
    ("actual", "points"), [({1: "是", 2: "是"}, "3.00"), ({1: "是", 2: "否"}, "2.00"), ({1: "否", 2: "否"}, "0.00")]
)
def test_respective_bonuses(actual: dict[int, str], points: str) -> None:
    # 先进集体 +2, 个人 +1, from 0 (bonuses alone)
    assert _score("获市级以上先进集体和个人分别加2分、1分;", actual, weight=3) == Decimal(points)


def test_list_count_must_match() -> None:
    with pytest.raises(scoring.RuleSyntaxError):
        scoring.parse("项目超过80%和70%,分别得6分、4分和2分。")


# ------------------------------------------------------------ score tables written points first

TABLE = "評分標準: 100 分:資金到位率 80%以上的; 60 分:資金到位率 60%~80%的; 0 分:資金到位率低于 60%的。"
GRADES = "評分標準: 100 分:資金管理制度健全; 60 分:資金管理制度比較健全; 0 分:資金管理制度不健全。"


@pytest.mark.parametrize(("actual", "points"), [("85%", "100.00"), ("80%", "100.00"), ("70%", "60.00"),
                                                ("60%", "60.00"), ("59%", "0.00")])  # fmt: skip
def test_points_first_bands(actual: str, points: str) -> None:
    # 80%以上 includes 80 and is listed first; 60%~80% includes 60; 低于60% → 0
    assert _score(TABLE, actual, target="80%", comparator="≥", unit="%", weight=100) == Decimal(points)


def test_points_first_pairs_each_condition_with_its_points() -> None:
    rule = scoring.parse(GRADES)
    pairs = [(a.condition.text, a.outcome) for a in rule.awards]  # type: ignore[union-attr]
    assert pairs == [
        ("资金管理制度健全", nodes.Points(Decimal(100))),
        ("资金管理制度比较健全", nodes.Points(Decimal(60))),
        ("资金管理制度不健全", nodes.Zero()),
    ]
    assert _score(GRADES, "资金管理制度比较健全", weight=100) == Decimal("60.00")
    _round_trip(TABLE)
    _round_trip(GRADES)


def test_points_first_condition_over_several_phrases() -> None:
    # the condition after the colon runs to the next "N分:"; 是 → 100, 否 → 0
    text = "評分標準: 100 分:項目支出符合規定,無違規違紀; 0 分:項目支出不符合規定或有違規違紀的。"
    assert _score(text, "是", weight=100) == Decimal("100.00")
    assert _score(text, "否", weight=100) == Decimal("0.00")


def test_numbered_heading_is_an_item_mark() -> None:
    # 1.評分標準: the 1. is an item mark, not a number
    text = "1.評分標準: 100 分:實行了檔案管理; 0 分:未實行檔案管理。"
    assert _score(text, "是", weight=100) == Decimal("100.00")
    assert _score(text, "否", weight=100) == Decimal("0.00")
    with pytest.raises(scoring.ScoringError):
        _score(text, "3", weight=100)


# ------------------------------------------------------------ ranks (domain point 19)

RANKS = "在全市排名1-5名的依次赋予60分、57分、54分、51分、48分"


@pytest.mark.parametrize(("actual", "points"), [("1", "60.00"), ("3", "54.00"), ("5", "48.00"), ("6", "0.00")])
def test_rank_bands_in_turn(actual: str, points: str) -> None:
    # rank 1 → 60, 3 → 54, 5 → 48; rank 6 is in no band: a gap → 0
    assert _score(RANKS, actual, weight=60) == Decimal(points)


def test_rank_bands_refuse_a_percentage_and_round_trip() -> None:
    with pytest.raises(scoring.ScoringError):
        _score(RANKS, "85%", weight=60)
    _round_trip(RANKS)


def test_rank_range_must_match_the_values() -> None:
    with pytest.raises(scoring.RuleSyntaxError):
        scoring.parse("排名1-5名的依次赋予60分、57分")


# ------------------------------------------------------------ bounded judgement (domain point 22)

FIRES = "出现重大治安案件每例减5分;出现火灾事故每例减5-10分。"


def test_range_deduction_reports_the_bounds_of_the_hand_score() -> None:
    # one fire: 20 − 5…10 → a hand score within [10, 15]; the error says so and carries the bounds
    with pytest.raises(scoring.EvaluationError) as info:
        _score(FIRES, {1: "0", 2: "1"}, weight=20)
    assert (info.value.low, info.value.high) == (Decimal("10.00"), Decimal("15.00"))  # type: ignore[attr-defined]
    assert "10至15分" in str(info.value)


def test_range_deduction_bounds_with_other_deductions() -> None:
    # one case (−5) and two fires (−10…−20): 20 − 5 − 20 < 0 → 0 up to 20 − 5 − 10 = 5
    with pytest.raises(scoring.EvaluationError) as info:
        _score(FIRES, {1: "1", 2: "2"}, weight=20)
    assert (info.value.low, info.value.high) == (Decimal("0.00"), Decimal("5.00"))  # type: ignore[attr-defined]


def test_range_deduction_without_the_event_needs_no_hand() -> None:
    assert _score(FIRES, {1: "1", 2: "0"}, weight=20) == Decimal("15.00")


# ------------------------------------------------------------ ± bands on the deviation (domain point 16)

PM = "±30%(含)以内得3分，±30%-±35%(含)以内得2分，±35%-±40%(含)以内得1分"


def test_plus_minus_is_a_band_on_the_deviation() -> None:
    rule = scoring.parse(PM)
    assert all(a.condition.measure is nodes.Measure.DEVIATION for a in rule.awards)  # type: ignore[union-attr]
    _round_trip(PM)


@pytest.mark.parametrize(
    ("actual", "points"),
    [("100", "3.00"), ("125", "3.00"), ("70", "3.00"), ("133", "2.00"), ("62", "1.00"), ("150", "0.00")],
)
def test_plus_minus_bands(actual: str, points: str) -> None:
    # target 100 (=): |125−100|/100 = 25% → 3; 70 → 30% (含) → 3; 133 → 33% → 2; 62 → 38% → 1; 150 → 50%: gap → 0
    assert _score(PM, actual, target="100", comparator="=", unit="万元", weight=3) == Decimal(points)


# ------------------------------------------------------------ 该项可负分 / 倒扣 (domain point 6)

BELOW = "滥开计生证明一例倒扣 5 分,所开证明内容不齐,缺一项扣 0.2 分,该项可负分;"


def test_below_zero_lifts_the_floor() -> None:
    rule = scoring.parse(BELOW)
    assert isinstance(rule, nodes.Rule) and rule.below_zero
    assert _score(BELOW, {1: "1", 2: "0"}, weight=3) == Decimal("-2.00")  # 3 − 5
    assert _score(BELOW, {1: "0", 2: "3"}, weight=3) == Decimal("2.40")  # 3 − 3 × 0.2
    assert _score(BELOW, {1: "2", 2: "5"}, weight=3) == Decimal("-8.00")  # 3 − 10 − 1


def test_daokou_alone_lifts_the_floor_and_plain_deductions_do_not() -> None:
    assert scoring.parse("每例倒扣2分").below_zero  # type: ignore[union-attr]
    assert _score("每例倒扣2分", "3", weight=3) == Decimal("-3.00")  # 3 − 3 × 2
    assert _score("每例扣2分", "3", weight=3) == Decimal("0.00")  # clamped at 0
    assert _score("每例扣1分，该项可负分", "1", weight=3) == Decimal("2.00")  # above 0: as usual


def test_below_zero_needs_a_deduction() -> None:
    with pytest.raises(scoring.RuleSyntaxError) as e:
        scoring.parse("完成得满分，该项可负分")
    assert e.value.code == "below-zero-without-deduction"


# ------------------------------------------------------------ points after a condition, no verb (dev-117)

NO_VERB = "设立绩效目标符合国家法规规定和总体发展规划、符合“三定”方案职责 2 分;基本符合 1 分;未设立相应绩效目标 0 分"


def test_points_after_a_condition_with_no_verb() -> None:
    rule = scoring.parse(NO_VERB)
    assert [a.outcome for a in rule.awards] == [nodes.Points(Decimal(2)), nodes.Points(Decimal(1)), nodes.Zero()]  # type: ignore[union-attr]
    assert _score(NO_VERB, "基本符合", weight=2) == Decimal("1.00")
    assert _score(NO_VERB, "未设立相应绩效目标", weight=2) == Decimal("0.00")
    assert scoring.parse("合理2分，基本合理1分，不合理0分") == scoring.parse("合理: 2 分；基本合理: 1 分；不合理: 0 分")
    assert _score("≥90% 10分；<90% 0分", "95%", weight=10) == Decimal("10.00")


def test_points_on_a_score_scale_are_not_read_as_an_award() -> None:
    # 满意度90分，得满分: 90分 is a value of 满意度, not its points; the rule does not say how it compares
    with pytest.raises(scoring.RuleSyntaxError) as e:
        scoring.parse("满意度90分，得满分")
    assert e.value.code == "unread-number"
    with pytest.raises(scoring.RuleSyntaxError):
        scoring.parse("满意度90分得满分")


# ------------------------------------------------------------ units the lexicon does not know


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("引进外资1兆元得满分，每少1000万元扣1分", "兆元"),  # 兆元 is no unit of the lexicon
        ("完成10标段得满分", "标段"),
        ("新建3幢以上得满分", "幢以"),  # 座 is a unit now (semantics §89)
        ("达到2倍得满分", "倍"),
    ],
)
def test_a_number_followed_by_an_unknown_unit_is_refused(text: str, word: str) -> None:
    # the words after the number were glued to the subject and the number compared bare:
    # 引进资金1亿元得满分 read 1≤引进资金亿元, and 8000万元 met a line of 1 (13 points, by hand 11)
    with pytest.raises(scoring.RuleSyntaxError) as e:
        scoring.parse(text)
    assert e.value.code == "unknown-unit"
    assert text[e.value.pos : e.value.pos + e.value.length] == word


@pytest.mark.parametrize(
    ("text", "target", "actual", "want"),
    [
        # 1亿元 = 10000万元; 8000万元 is 2000万元 short = 2 steps of 1000万元 → 13 − 2 = 11
        ("引进资金1亿元得满分，每少1000万元扣1分", "1亿元", "8000万元", "11.00"),
        ("引进资金1亿元得满分，每少1000万元扣1分", "1亿元", "1.2亿元", "13.00"),
        # 5000亩, 4800亩 is 200亩 short = 2 steps of 100亩 → 13 − 2 = 11
        ("造林面积达到5000亩得满分，每少100亩扣1分", "5000亩", "4800亩", "11.00"),
        # 15公里 line, 12公里 done: 3 steps of 1公里 → 10
        ("完成15公里得满分，每少1公里扣1分", "15公里", "12公里", "10.00"),
        # 20学时 line, 18学时: below, no steps: the gap scores 0
        ("每人培训不少于20学时得满分", "20学时", "18学时", "0.00"),
    ],
)
def test_units_of_amount_length_area_and_hours(text: str, target: str, actual: str, want: str) -> None:
    assert scoring.evaluate(text, actual, target=target, weight=13).points == Decimal(want)


@pytest.mark.parametrize(
    ("text", "target", "actual", "want"),
    [
        # the step word says below; the ≥ line before it is only where the steps start: 96% is 2 short → 4 − 2
        ("考核指标值为≥98%，实际值每低于考核指标值1%，扣1分", "≥98%", "96%", "2.00"),
        ("考核指标值为≥98%，实际值每低于考核指标值1%，扣1分", "≥98%", "99%", "4.00"),
        ("指标值≥98%，每低1%扣1分", "≥98%", "93%", "0.00"),  # 5 short, 5 > 4
        # a ≤ line with a step word above: 102万元 is 2% over 100万元 → 4 − 2
        ("成本≤100万元，每超出1%扣1分", "≤100万元", "102万元", "2.00"),
    ],
)
def test_the_step_word_says_the_side_beside_a_line(text: str, target: str, actual: str, want: str) -> None:
    # ≥98% before 每低于 read the steps as 超出: 96% and 93% scored full marks (third blind probe, B38)
    assert scoring.evaluate(text, actual, target=target, weight=4).points == Decimal(want)


# §59 线性内插: from the line of its condition (0 points) to the target (full marks)
INTERPOLATION = "低于(含)90%,不得分。高于90%的,按线性内插赋分"


@pytest.mark.parametrize(
    ("target", "actual", "points"),
    [
        ("95%", "92.5%", "5.00"),  # (92.5 − 90) / (95 − 90) = 1/2 of 10
        ("95%", "91%", "2.00"),  # 1/5 of 10
        ("95%", "95%", "10.00"),  # the target: full marks
        ("95%", "99%", "10.00"),  # 1.8 × 10, capped at the weight
        ("95%", "90%", "0.00"),  # 低于(含)90% → 0
        ("100%", "97%", "7.00"),  # 7/10 of 10
    ],
)
def test_interpolation_runs_from_its_line_to_the_target(target: str, actual: str, points: str) -> None:
    rule = scoring.parse(INTERPOLATION)
    assert scoring.evaluate(rule, actual, target=target, comparator="≥", weight=10).points == Decimal(points)


def test_interpolation_to_a_target_on_its_line_is_refused() -> None:
    rule = scoring.parse(INTERPOLATION)
    with pytest.raises(scoring.ScoringError):
        scoring.evaluate(rule, "95%", target="90%", comparator=">", weight=10)


def test_interpolation_reads_as_its_formula() -> None:
    rule = scoring.parse(INTERPOLATION)
    assert isinstance(rule, nodes.Rule)
    award = rule.awards[-1]
    assert isinstance(award.outcome, nodes.Formula)
    assert "指标值" in render(rule)
    assert scoring.parse(render(rule)) == rule
