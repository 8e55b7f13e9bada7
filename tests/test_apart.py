"""Clauses that are not answered by the measured value (semantics §14): points with no condition
beside deductions are the base the deductions start from, and a worded 不得分 that is not the
value's own is a veto with its own answer. Expected points are worked out by hand."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

import scoring


def points(rule: str, actual: Any, **kw: Any) -> Decimal:
    kw.setdefault("weight", 10)
    score = scoring.evaluate(rule, actual, **kw).points
    if not isinstance(actual, dict):  # the generated code scores the same
        assert scoring.compile(rule, **kw).points(actual) == score
    return score


def refused(rule: str, actual: Any, **kw: Any) -> str:
    kw.setdefault("weight", 10)
    with pytest.raises(scoring.EvaluationError) as e:
        scoring.evaluate(rule, actual, **kw)
    return str(e.value)


@pytest.mark.parametrize(
    ("rule", "actual", "target", "want"),
    [
        # 得10分 held for every answer and the deductions were never reached (88% scored 10)
        ("得10分，每低1个百分点扣1分。", "88%", "≥90%", "8.00"),  # 2 points short
        ("基本分10分，每少1次扣1分", "8", "10次", "8.00"),  # 2 short of 10次
        ("计10分，每发现一例扣1分", "2", None, "8.00"),  # 2 found
        ("得满分，每发现一例扣1分", "3", None, "7.00"),
        ("得8分，每发现一例扣1分", "2", None, "6.00"),  # from 8, not the weight
        ("基本分10分，每超支1%扣1分", "103", "≤100万元", "7.00"),  # 3% over
    ],
)
def test_points_with_no_condition_are_the_base(rule: str, actual: str, target: str | None, want: str) -> None:
    assert points(rule, actual, target=target) == Decimal(want)


def test_an_event_beside_steps_on_the_value_is_its_own_answer() -> None:
    # 98% scored 0: the 达标 test of 发生安全事故 failed at 98%, as if it said an accident happened
    rule = "合格率100%得满分，每低1%扣1分；发生安全事故的不得分。"
    assert "2个实际值" in refused(rule, "98%", target="100%")
    assert points(rule, {"实际值": "98%", 1: "是"}, target="100%") == Decimal("8.00")
    assert points(rule, {"实际值": "100%", 1: "否"}, target="100%") == Decimal("0.00")
    assert points(rule, {"实际值": "100%", 1: "1"}, target="100%") == Decimal("0.00")  # one accident


def test_not_done_beside_steps_is_its_own_answer() -> None:
    # 3 trainings on a row of 4次 scored 0 (未开展 held); 3 is one short: 10 − 1. 未开展 is the count at 0 (§99):
    # one count answers both
    rule = "全年开展培训不少于4次，每少1次扣1分，未开展不得分。"
    assert points(rule, "3", target="4次") == Decimal("9.00")
    assert points(rule, "0", target="4次") == Decimal("0.00")
    # 3 days late is no 未报送 (it scored 0); one answer gives both inputs (semantics §108): 10 − 0.3
    late = "按时报送得满分，每迟报1天扣0.1分，未报送不得分"
    assert points(late, "3") == Decimal("9.70")
    assert points(late, {1: "3", 2: "是"}) == Decimal("9.70")
    assert points(late, {1: "0", 2: "否"}) == Decimal("0.00")


def test_words_that_say_the_target_is_missed_stay_the_values_own() -> None:
    assert points("达到90%得满分，达不到的不得分", "85%", target="90%") == Decimal("0.00")
    assert points("达到90%得满分，达不到的不得分", "92%", target="90%") == Decimal("10.00")
    # beside bands alone the words are the value's other side (0 times: not done)
    assert points("开展1次以上满分，未开展不得分", "0", target="1次") == Decimal("0.00")
    assert points("开展1次以上满分，未开展不得分", "2", target="1次") == Decimal("10.00")


def test_an_event_beside_bands_is_its_own_answer() -> None:
    # 85% scored 3 and never asked about the complaint
    rule = "满意度90%以上得满分，80%-90%得3分，80%以下不得分，出现实名投诉并查实的不得分"
    assert "2个实际值" in refused(rule, "85%", target="90%")
    assert points(rule, {"实际值": "85%", 1: "0"}, target="90%") == Decimal("3.00")
    assert points(rule, {"实际值": "95%", 1: "1"}, target="90%") == Decimal("0.00")


def test_bands_on_a_value_and_events_counted_apart() -> None:
    # several bands are on a measured value of its own, and the events deduct from the band held
    # ({80%, 0} scored 10 as "满意度≥95%": the bands were read as "no complaint happened")
    rule = "满意度≥95%得10分，90%≤满意度<95%得8分，85%≤满意度<90%得6分，满意度<85%得0分；发生有效投诉的，每起扣1分。"
    row = {"target": "95%", "unit": "%"}
    assert points(rule, {"实际值": "92%", 1: "2"}, **row) == Decimal("6.00")  # 8 − 2
    assert points(rule, {"实际值": "96%", 1: "0"}, **row) == Decimal("10.00")
    assert points(rule, {"实际值": "80%", 1: "0"}, **row) == Decimal("0.00")
    assert "2个实际值" in refused("满意度≥95%得10分，满意度<95%得5分；每发生1起投诉扣1分。", "2", **row)
    # one band beside the events is still the line they fall short of: the answer counts them
    assert points("合规率100%得满分，每发现一例不合规扣1分，扣完为止。", "2", target="100", unit="%") == Decimal("8.00")


@pytest.mark.parametrize(
    ("rule", "actual", "target", "want"),
    [
        # 计划完成率 beside 实际完成率 is the target: 76/95 × 10 (every 率 was the answer: 76/76 → 10)
        ("得分=实际完成率÷计划完成率×分值", "76%", "95%", "8.00"),
        # named value and target, comparable units
        ("得分=实际完成值/目标值×分值", "80", "100", "8.00"),
        ("得分=实际完成数/计划数×10", "8人", "10人", "8.00"),
        # a deviation rate given as a rate
        ("得分=（1-偏差率）×指标分值", "10%", "100万元", "9.00"),
        # or worked out from the value (domain point 2, semantics §99): |90 − 100| / 100 = 10% (it was read as a 90%
        # deviation: 1), 超支率 (105 − 100) / 100 = 5%
        ("得分=（1-偏差率）×指标分值", "90", "100万元", "9.00"),
        ("得分=分值×（1-超支率）", "105", "≤100万元", "9.50"),
        # the one name that is no weight, value, target or rate is the measured value (was undefined)
        ("得分=满意度×分值", "85%", "90%", "8.50"),
        # one rate: the answer (unchanged)
        ("得分=（目标完成率-60%）/（1-60%）×分值", "80%", "100%", "5.00"),
    ],
)
def test_names_in_a_formula(rule: str, actual: str, target: str, want: str) -> None:
    assert points(rule, actual, target=target) == Decimal(want)


@pytest.mark.parametrize(
    ("rule", "actual", "target", "says"),
    [
        ("得分=增长率×分值", "105", "100万元", "要由实际值和指标值算出"),  # against last year: not from the row
        ("得分=实际完成数/计划数×10", "8人", "10万元", "单位不一致"),
        ("得分=完成率/达标率×分值", "80%", "100%", "两个比率"),
    ],
)
def test_names_in_a_formula_refused(rule: str, actual: str, target: str, says: str) -> None:
    assert says in refused(rule, actual, target=target)


def test_otherwise_takes_what_no_band_took() -> None:
    # 否则得5分 never held for a number: 85% fell into the gap and scored 0
    assert points("满意度90%以上得满分，否则得5分", "85%", target="90%") == Decimal("5.00")
    assert points("满意度90%以上得满分，否则得5分", "95%", target="90%") == Decimal("10.00")
    assert points("满意度90%以上得满分，否则不得分", "85%", target="90%") == Decimal("0.00")
    # 否则酌情扣分 / 达不到的酌情扣分: a hand score within bounds, not 0
    assert "人工" in refused("满意度达到90%得满分，否则酌情扣分。", "85%", target="90%")
    assert "人工" in refused("满意度达到90%得满分，达不到的酌情扣分。", "否", target="90%")


def test_at_most_points_caps_the_steps_before() -> None:
    # 最多得2分 was an award for a condition 最多, and the steps were uncapped: 3 篇 scored 3.50
    rule = "报送信息每被采用1篇得0.5分，最多得2分。"
    assert points(rule, "3", weight=2) == Decimal("1.50")
    assert points(rule, "5", weight=2) == Decimal("2.00")  # 2.5, capped at 2


@pytest.mark.parametrize(
    ("rule", "actual", "target", "want"),
    [
        # steps on the deviation past the full-marks deviation band, both sides on a row of =
        # (108 lost 8 steps counted from the target, and 92 none, on the side 增加 named)
        ("偏差率≤5%得满分，偏差率每增加1%扣1分，扣完为止。", "108", "100万元", "2.00"),  # 8% − 5% = 3
        ("偏差率≤5%得满分，偏差率每增加1%扣1分，扣完为止。", "92", "100万元", "2.00"),
        ("偏差率≤5%得满分，偏差率每增加1%扣1分，扣完为止。", "96", "100万元", "5.00"),
        ("偏离度在5%以内得满分，每增加1个百分点扣1分", "64.8", "60万元", "2.00"),  # 8% − 5%
        ("偏离5%以内得满分，每超出1%扣1分", "55", "60万元", "1.67"),  # 8.33% − 5% = 3.33
        ("偏离度≤5%得满分，超过5%的，每偏离1%扣1分", "92", "100万元", "2.00"),
        # 超出部分 names no value: the deviation past the band (56 on 50万元 is 12%, 2 points past 10%)
        ("偏差率≤10%得满分，超出部分每1个百分点扣0.2分", "56", "50万元", "4.60"),
        # on a row of ≤5% the value is the deviation itself: 7% is 2 points past 5%
        ("自评结果与复核结果偏差率在5%以内得满分，每超出1个百分点扣0.5分。", "7%", "≤5%", "4.00"),
        # beside a band on the value, 偏差率 is still the shortfall below it (seed s000-L589)
        ("服务对象满意度95%以上得满分，执行偏差率每5%扣2分", "90%", "≥95%", "3.00"),
    ],
)
def test_steps_on_the_deviation(rule: str, actual: str, target: str, want: str) -> None:
    comparator = "=" if "万元" in target else None
    assert points(rule, actual, target=target, comparator=comparator, weight=5) == Decimal(want)


def test_steps_either_side_of_a_band_with_two_ends() -> None:
    # 95% counted from 85% lost 10 steps (0); from the end it passed, 93%, it loses 2
    rule = "病床使用率在85%-93%之间得满分，每偏离1个百分点扣0.5分。"
    row = {"target": "85%-93%", "comparator": "=", "unit": "%", "weight": 5}
    assert points(rule, "95%", **row) == Decimal("4.00")
    assert points(rule, "80%", **row) == Decimal("2.50")
    assert points(rule, "90%", **row) == Decimal("5.00")


def test_xiangcha_is_a_deviation() -> None:
    # 相差 was no deviation word: 96 on =100个 was compared with 5% itself and scored 0
    rule = "实际数与计划数相差不超过5%的得满分，相差5%-10%的得3分，相差10%以上不得分。"
    row = {"target": "100", "comparator": "=", "unit": "个", "weight": 5}
    assert points(rule, "96", **row) == Decimal("5.00")
    assert points(rule, "92", **row) == Decimal("3.00")
    assert points(rule, "85", **row) == Decimal("0.00")


def test_you_names_something_that_happens() -> None:
    # 有实名投诉并查实的不得分 beside bands: its own answer, a count or 是/否 (85% alone scored 3)
    rule = "满意度90%以上得满分，80%-90%得3分，80%以下不得分，有实名投诉并查实的不得分。"
    assert "2个实际值" in refused(rule, "85%", target="90%", weight=5)
    assert points(rule, {"实际值": "85%", 1: "0"}, target="90%", weight=5) == Decimal("3.00")
    assert points(rule, {"实际值": "95%", 1: "1"}, target="90%", weight=5) == Decimal("0.00")
    # a veto that names no event takes 是/否 only, and says so
    assert "需要“是/否”，" in refused("资料不齐全的，一票否决", "3", weight=5)


def test_a_rate_line_beside_counted_cases() -> None:
    # the seed's 合规率100%得满分，每发现一例不合规扣1分 on a row of =100 %: counts answer it, 100% written
    # is the line met, and a bare 100 (100% or 100 cases?) is refused; it scored 0 as 100 cases
    rule = "合规率100%得满分，每发现一例不合规扣1分，扣完为止。"
    row = {"target": "100", "comparator": "=", "unit": "%", "weight": 15}
    assert points(rule, "2", **row) == Decimal("13.00")
    assert points(rule, "100%", **row) == Decimal("15.00")
    assert "无法确定" in refused(rule, "100", **row)
    assert "请给出次数" in refused(rule, "98%", **row)


@pytest.mark.parametrize(
    ("rule", "actual", "row", "want"),
    [
        # 完成 is the value reaching the line, not the other answer (80% scored 完成: 4)
        ("完成得满分，每少1%扣0.2分；资料不全扣1分", {"实际值": "80%", 1: "是"}, {"target": "100%", "weight": 4}, "0.00"),
        ("按时完成得满分，每少1%扣0.2分；发现一例违规扣1分", {"实际值": "95%", 1: "0"}, {"target": "100%", "weight": 4}, "3.00"),
        ("全部完成得满分，每少完成1项扣1分；被通报批评的扣2分", {"实际值": "8", 1: "是"}, {"target": "≥10项", "weight": 5}, "3.00"),
        # a gap between the bands is 0 before the events deduct (75% scored 5)
        ("满意度≥90%得满分，80%-90%得3分；每发生一起有效投诉扣1分", {"实际值": "75%", 1: "0"}, {"target": "90%", "weight": 5}, "0.00"),
        ("满意度≥90%得满分，80%-90%得3分；每发生一起有效投诉扣1分", {"实际值": "85%", 1: "1"}, {"target": "90%", "weight": 5}, "2.00"),
        # 按比例 is the value's own score, then the deduction (80% scored 4: 按比例 skipped)
        ("完成率100%得满分，未达到的按比例得分；有违规的扣1分", {"实际值": "80%", 1: "否"}, {"target": "100%", "weight": 5}, "3.00"),
        ("完成率100%得满分，未达到的按比例得分；有违规的扣1分", {"实际值": "80%", 1: "是"}, {"target": "100%", "weight": 5}, "4.00"),
    ],
)
def test_the_value_and_the_other_answers_each_score_their_part(
    rule: str, actual: dict[Any, str], row: dict[str, Any], want: str
) -> None:
    assert points(rule, actual, **row) == Decimal(want)


def test_a_percent_answer_in_a_formula_is_a_fraction() -> None:
    # 实际值 named in a formula took 80% as 80 (得分=实际值×分值 gave full marks)
    assert points("得分=实际值×分值", "80%", target="100%") == Decimal("8.00")
    assert points("得分=实际完成值/目标值×分值", "80%", target="100%") == Decimal("8.00")
    assert points("得分=（实际值-60%）/（100%-60%）×分值", "80%", target="100%") == Decimal("5.00")


def test_a_rate_deviates_from_a_rate_target_in_points() -> None:
    # 68% on =75% is 7 points off (it was |68 − 75| / 75 = 9.33%): 2 steps past 5 → 4
    rule = "偏差在5个百分点以内得满分，每超出1个百分点扣0.5分"
    row = {"target": "75%", "comparator": "=", "unit": "%", "weight": 5}
    assert points(rule, "71%", **row) == Decimal("5.00")
    assert points(rule, "68%", **row) == Decimal("4.00")
    assert points(rule, "82%", **row) == Decimal("4.00")


def test_a_bonus_beside_a_band_is_an_answer_of_its_own() -> None:
    # 获得表彰的加1分 counted as an event, so the band became "no event" and 否 deducted 1 (4 of 5)
    rule = "满意度≥90%得满分；获得表彰的加1分"
    row = {"target": "90%", "weight": 5}
    assert points(rule, {"实际值": "92%", 1: "否"}, **row) == Decimal("5.00")
    assert points(rule, {"实际值": "85%", 1: "否"}, **row) == Decimal("0.00")  # a gap below the band
    assert points(rule, {"实际值": "85%", 1: "是"}, **row) == Decimal("1.00")
    assert "是＝有（加分）" in scoring.bind(scoring.parse(rule), target="90%").describe()


def test_a_percent_in_plain_arithmetic_stays_in_points() -> None:
    # no weight scaled by it: (目标值-实际值)×0.5 is in points, 4 × 0.5 = 2 lost
    assert points("得分=10-(目标值-实际值)×0.5", "96%", target="100%") == Decimal("8.00")
    # a distance bonus from a band: the band is the base, not a gap (103% scored 0.6)
    assert points("完成率100%得5分，每增加1個百分點加0.2分，最多加1分", "103%", target="100%", weight=5) == Decimal("5.60")


def test_rank_n_and_after() -> None:
    # 第四名及以后 was rank 4 exactly: rank 6 scored 0
    rule = "第一名得5分，第二名得4分，第三名得3分，第四名及以后得1分"
    assert points(rule, "6", weight=5) == Decimal("1.00")
    assert points(rule, "2", weight=5) == Decimal("4.00")


def test_a_worded_award_and_a_bonus_are_two_questions() -> None:
    # 否 took the bonus's point off as a deduction (4 of 5); each is answered under its number (semantics §106)
    assert "2件事要回答" in refused("完成得满分，获得表彰的加1分", "否", target="100%", weight=5)
    assert "2件事要回答" in refused("完成得满分，获得表彰的加1分", "是", target="100%", weight=5)


def test_over_the_budget_by_a_percent_is_the_excess() -> None:
    # 1050 on ≤1000万元 is 5% over (it was a completion rate of 105%, above 10%: 0)
    rule = "实际投资额≤概算投资得满分；超概算10%以内得3分；超概算10%以上不得分"
    assert points(rule, "1050", target="≤1000万元", weight=5) == Decimal("3.00")
    assert points(rule, "1150", target="≤1000万元", weight=5) == Decimal("0.00")
    assert points(rule, "990", target="≤1000万元", weight=5) == Decimal("5.00")


def test_points_written_after_a_number_in_a_formula() -> None:
    # 得分=预算执行率×10分 was refused at 分
    assert points("得分=预算执行率×10分", "85%", target="100%") == Decimal("8.50")
    from scoring.rules.render import render

    rule = scoring.parse("得分=预算执行率×10分")
    assert scoring.parse(render(rule)) == rule


def test_a_worded_award_below_the_weight_is_no_base_for_other_deductions() -> None:
    # dev-027: 落实…记2分 on a 5-point row beside four event deductions scored 2 with nothing wrong and
    # 2 − 3 = −1 with one 错报; whether the 2 points are one item of the 5 or the start of every
    # deduction, the text does not say
    rule = "错报1例扣3分，错发1例扣0.2分。落实优惠政策记2分，未落实的扣2分，该项可负分"
    for answer in ({1: "0", 2: "0", 3: "是"}, {1: "1", 2: "0", 3: "是"}, {1: "0", 2: "1", 3: "否"}):
        assert "这2分是分值5分中的一项，还是各项扣分的起点" in refused(rule, answer, weight=5)
    # a band of the value (not words) below the weight stays the start of the events' deductions: 92% is
    # in 90%-95% → 8, less 2 complaints at 1 each → 6
    band = "满意度≥95%得10分，90%-95%得8分；每发生一起有效投诉扣1分"
    assert points(band, {"实际值": "92%", 1: "2"}, target="95%") == Decimal("6.00")
    # a worded award that is the weight is where the deductions start: 5 − 1 − 2 × 0.5 = 3
    full = "资料齐全得5分；每发现一处错误扣1分；每迟报1次扣0.5分"
    assert points(full, {1: "1", 2: "2"}, weight=5) == Decimal("3.00")


def test_the_whole_rate_is_kept_as_the_line_the_events_fall_short_of() -> None:
    # 合规率100%得满分，每发现一例…: the band is the requirement of the node (it was decided by the
    # condition's text ending in 100%); a % answer is the whole rate or refused, a bare 100 is ambiguous
    from scoring.rules.nodes import TargetMet
    from scoring.rules.shapes import at_whole_rate

    rule = "合规率100%得满分，每发现一例不合规扣1分"
    cond = scoring.parse(rule).clauses[0].condition
    assert isinstance(cond, TargetMet) and at_whole_rate(cond.requirement)
    assert points(rule, "2", target="100%") == Decimal("8.00")  # 2 cases at 1 each
    assert points(rule, "100%", target="100%") == Decimal("10.00")
    assert "请给出次数" in refused(rule, "98%", target="100%")
    assert "100次" in refused(rule, "100", target="100%")
    # written with other words before the rate, the same line (the text check needed 100% at the end)
    assert at_whole_rate(scoring.parse("准确率达到100%的得满分，每发现一处差错扣0.5分").clauses[0].condition.requirement)


@pytest.mark.parametrize(
    ("rule", "award"), [("报送报告1次计2.5分", "2.50"), ("发表论文1篇得2分", "2.00"), ("报送报告1次计2.5分，质量差的计0分", "2.50")]
)
def test_once_or_each_time_is_refused_past_one(rule: str, award: str) -> None:
    # 1次计2.5分 on a 5-point row read "at least once → 2.5": two reports scored 2.5 where the text may as
    # well mean 2.5 each (5); for none and for one both readings agree
    assert points(rule, "0", weight=5) == Decimal("0.00")
    assert points(rule, "1", weight=5) == Decimal(award)
    assert "还是达到1" in refused(rule, "2", weight=5)
    # with 以上 (stated) or an award that is the weight, the threshold is the reading: 3 times → the award
    assert points("开展1次以上得2分", "3", weight=5) == Decimal("2.00")
    assert points("召开1次专题会议得5分", "3", weight=5) == Decimal("5.00")


def test_a_zero_for_each_missed_occurrence_says_each_time() -> None:
    # §67: 迟报、不报的计0分 beside 1次计2.5分 zeroes each missed report, so the award is for each report met:
    # 2 reports × 2.5 = 5; 1 → 2.5; 3 × 2.5 = 7.5, capped at the weight 5
    rule = "报送报告1次计2.5分，迟报、不报的计0分"
    assert points(rule, "2", weight=5) == Decimal("5.00")
    assert points(rule, "1", weight=5) == Decimal("2.50")
    assert points(rule, "3", weight=5) == Decimal("5.00")


@pytest.mark.parametrize(
    ("rule", "actual", "want"),
    [
        # one count: 2 batches → 2 − 2 × 0.5 = 1; 3 → the zero band
        ("每发现1个不合格批次扣0.5分，发现3个及以上不得分", "2", "1.00"),
        ("每发现1个不合格批次扣0.5分，发现3个及以上不得分", "3", "0.00"),
        ("有1例扣1分，2例及以上不得分", "1", "1.00"),
        ("有1例扣1分，2例及以上不得分", "2", "0.00"),
    ],
)
def test_a_zero_band_on_the_count_of_the_events_is_one_answer(rule: str, actual: str, want: str) -> None:
    # the band and the events took two answers, so one count was refused (second probe E16, E18)
    assert points(rule, actual, weight=2) == Decimal(want)


@pytest.mark.parametrize(
    ("rule", "weight", "actual", "want"),
    [
        # levels written as deductions of one requirement: the case named happened, none of the others
        ("建立健全管理制度得2分，制度不健全扣1分，无制度不得分", 2, "是", "2.00"),
        ("建立健全管理制度得2分，制度不健全扣1分，无制度不得分", 2, "制度不健全", "1.00"),  # 2 − 1
        ("建立健全管理制度得2分，制度不健全扣1分，无制度不得分", 2, "无制度", "0.00"),  # the veto
        ("信息公开及时、完整得满分；公开不及时或不完整的，扣1分；未公开不得分", 3, "公开不及时或不完整", "2.00"),
    ],
)
def test_one_answer_naming_one_case(rule: str, weight: int, actual: str, want: str) -> None:
    # one word answer was refused as one answer for two inputs (third probe D04, D17, D40)
    assert points(rule, actual, weight=weight) == Decimal(want)
    # 否 says no case by name, and a word that is none of them is refused as before
    assert "一个答案不能同时用于几项" in refused(rule, "否", weight=weight)
    assert "一个答案不能同时用于几项" in refused(rule, "有制度", weight=weight)


def test_a_veto_band_on_the_count_of_the_events_is_one_answer() -> None:
    # 差错超过10处的，本项不得分 beside 每发现一处差错扣0.1分: one count (fifth probe C10); 3 → 2 − 0.3, 11 → the veto
    rule = "数据质量核查中每发现一处差错扣0.1分，差错超过10处的，本项不得分。"
    assert points(rule, "3", weight=2) == Decimal("1.70")
    assert points(rule, "10", weight=2) == Decimal("1.00")
    assert points(rule, "11", weight=2) == Decimal("0.00")
