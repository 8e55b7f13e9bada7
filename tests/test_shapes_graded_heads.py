"""Grades written with their points in brackets before a colon and the words that earn them after it
(优秀（10分）：各项指标全部完成；良好（8分）：…), and a grade named before its words (优秀：…，得10分 /
优秀（…）得10分): levels of one thing, answered by the grade word (semantics §108). Hand scores from the text."""

from __future__ import annotations

from decimal import Decimal

import shape_cases

GRADED = "优秀（10分）：各项指标全部完成；良好（8分）：基本完成；一般（6分）：部分完成。"
COMMA = "优（5分）：资料齐全，整理规范，良（3分）：资料基本齐全，差（0分）：资料缺失严重"
NAMED = "优秀：各项指标全部完成，得10分；良好：基本完成，得8分；较差：大部分未完成，得2分"
BRACKETED = "优秀（各项指标全部完成）得10分；良好（基本完成）得8分；差（未完成）不得分"

W10 = {"weight": 10}
W5 = {"weight": 5}

CASES: list[shape_cases.Case] = [
    # the points in brackets are each grade's, not two weights
    (GRADED, "优秀", W10, "10"),
    (GRADED, "良好", W10, "8"),
    (GRADED, "一般", W10, "6"),
    (COMMA, "良", W5, "3"),
    (COMMA, "差", W5, "0"),
    (COMMA, "优", W5, "5"),
    # the grade named first, then what earns it
    (NAMED, "较差", W10, "2"),
    (NAMED, "良好", W10, "8"),
    (BRACKETED, "良好", W10, "8"),
    (BRACKETED, "差", W10, "0"),
    (BRACKETED, "优秀", W10, "10"),
]

test_hand_cases, test_compiled_agrees, test_round_trip = shape_cases.checks(CASES)


def test_a_grade_not_in_the_rule_is_refused() -> None:
    import pytest

    import scoring

    with pytest.raises(scoring.ScoringError, match="不是这条规则的等级"):
        scoring.evaluate(GRADED, "较差", weight=10)
    with pytest.raises(scoring.ScoringError):
        scoring.evaluate(GRADED, "96%", weight=10)


def test_a_heading_of_a_measure_is_still_its_weight() -> None:
    """资金到位率（5分）：… is a heading: its points are the weight of the bands after it, not an award."""
    import scoring

    rule = scoring.parse("资金到位率（5分）：到位率100%得满分，每低1%扣0.5分")
    assert rule.stated_weight == 5
    assert scoring.evaluate("资金到位率（5分）：到位率100%得满分，每低1%扣0.5分", "96%", weight=5).points == 3


def test_a_basis_that_names_no_ratio_is_refused() -> None:
    """按考核结果计算得分 was value ÷ target × weight whatever 考核结果 was (semantics §108)."""
    for text, at in [
        ("按考核结果计算得分", "按考核结果"),
        ("完成率达到100%得满分，未达到的按实际完成情况计算得分", "按实际完成情况"),
        ("按实际完成工程量计算得分", "按实际完成工程量"),
    ]:
        e = shape_cases.refusal(text)
        assert e.code == "proportional-basis"
        assert e.pos == text.index(at)


def test_a_basis_that_names_a_ratio_still_reads() -> None:
    import scoring

    # 15 × 90/100 = 13.5: the ratio named (比重), the rate named (到位率), 按时 (on time) no basis
    kw = {"target": "100%", "comparator": "≥", "weight": 15}
    assert scoring.evaluate("完成目标值得满分；未完成的，按实际完成值占目标值的比重计算得分。", "90%", **kw).points == 13.5
    assert scoring.evaluate("根据项目资金的实际到位率计算得分", "90%", **kw).points == 13.5
    assert scoring.evaluate("按时完成得满分，未按时完成按比例赋分", "90%", **kw).points == 13.5


def test_a_zero_band_beside_a_bonus_earned_is_refused() -> None:
    """不得分 and a bonus earned: 0 or 0 + 1 is not written (semantics §108); it scored 0 with the bonus dropped."""
    import pytest

    import scoring

    text = "满意度≥90%得满分，低于80%不得分；获得表彰的加1分"
    with pytest.raises(scoring.ScoringError, match="不得分时加分是否仍计"):
        scoring.evaluate(text, {"实际值": "75%", 1: "是"}, weight=10)
    with pytest.raises(scoring.ScoringError, match="不得分时加分是否仍计"):
        scoring.compile(text, weight=10).points({"实际值": "75%", 1: "是"})
    assert scoring.evaluate(text, {"实际值": "75%", 1: "否"}, weight=10).points == 0  # no bonus: the zero band
    assert scoring.evaluate(text, {"实际值": "95%", 1: "是"}, weight=10).points == 11  # 10 + 1, no cap stated


def test_points_with_no_condition_beside_a_veto_are_refused() -> None:
    for text in ("发生重大安全事故的，实行一票否决，扣5分", "发生重大安全事故的，实行一票否决，得5分"):
        e = shape_cases.refusal(text)
        assert e.code == "outcome-without-condition"
        assert text[e.pos :].startswith(text[-3:])


def test_a_base_for_deductions_beside_a_veto_still_reads() -> None:
    import scoring

    text = "得10分，每低1%扣1分，发生重大事故的一票否决"
    # 100% target, 97%: 3 steps of 1 → 7; the veto answered separately (§99 order: value, then the veto), 是 meaning
    # its requirement is met (no accident, semantics §14), 否 vetoing
    kw = {"target": "100%", "comparator": "≥", "weight": 10}
    assert scoring.evaluate(text, {1: "97%", 2: "是"}, **kw).points == 7
    assert scoring.evaluate(text, {1: "97%", 2: "否"}, **kw).points == 0


def test_a_row_comparator_against_the_full_marks_side_is_refused_in_a_proportional_rule() -> None:
    import pytest

    import scoring

    text = "森林火灾受害率控制在0.9‰以内，超过的按比例扣分"
    with pytest.raises(scoring.ScoringError, match="相反"):
        scoring.evaluate(text, "1.2‰", target="0.9‰", comparator="≥", weight=10)
    with pytest.raises(scoring.ScoringError, match="相反"):
        scoring.compile(text, target="0.9‰", comparator="≥", weight=10).points("1.2‰")
    # the text's side (≤): 10 × 0.9 / 1.2 = 7.5
    assert scoring.evaluate(text, "1.2‰", target="0.9‰", comparator="≤", weight=10).points == Decimal("7.5")
    assert scoring.evaluate(text, "0.8‰", target="0.9‰", comparator="≥", weight=10).points == 10  # in the band


EXACT = "项目进度滞后1个月扣1分，滞后2个月扣3分，滞后3个月及以上不得分"
DELAYS: list[shape_cases.Case] = [
    (EXACT, "0", {"weight": 5}, "5"),  # on time: no band deducts
    (EXACT, "1", {"weight": 5}, "4"),  # exactly 1 month: 5 − 1
    (EXACT, "2", {"weight": 5}, "2"),  # exactly 2 months: 5 − 3
    (EXACT, "滞后2个月", {"weight": 5}, "2"),  # the delay in words
    (EXACT, "3", {"weight": 5}, "0"),  # 3个月及以上不得分
    (EXACT, "1.5", {"weight": 5}, "0"),  # between two stated delays: a gap, 0 (§1)
]
test_delay_cases, test_delay_compiled, test_delay_round_trip = shape_cases.checks(DELAYS)


def test_delays_in_proportion_and_a_single_delay_are_no_bands() -> None:
    import scoring

    assert shape_cases.refusal("逾期1天扣1分，逾期2天扣2分").code == "tier-or-step"
    assert scoring.evaluate("迟报1天扣0.5分", "3", weight=5).points == Decimal("3.5")  # per day: 5 − 3 × 0.5


ITEM_CHECKLIST = "1.建立管理制度得2分、配备专职人员得2分。2.按时报送报表得1分，未按时报送不得分。"
ITEMS: list[shape_cases.Case] = [
    (ITEM_CHECKLIST, {1: {1: "是", 2: "是"}, 2: "是"}, {"weight": 5}, "5"),  # 2 + 2 + 1 (it scored 3: item 1 was worth 2)
    (ITEM_CHECKLIST, {1: {1: "是", 2: "否"}, 2: "是"}, {"weight": 5}, "3"),  # 2 + 0 + 1
    (ITEM_CHECKLIST, {1: {1: "否", 2: "是"}, 2: "否"}, {"weight": 5}, "2"),  # 0 + 2 + 0
]
test_item_cases, test_item_compiled, test_item_round_trip = shape_cases.checks(ITEMS)


LATE = "按时报送得满分，每迟报1天扣0.1分，未报送不得分。"
LATE_CASES: list[shape_cases.Case] = [
    (LATE, "3天", {"weight": 2}, "1.7"),  # submitted 3 days late: 2 − 3 × 0.1
    (LATE, "3", {"weight": 2}, "1.7"),  # a bare number: the days late
    (LATE, "未报送", {"weight": 2}, "0"),  # the missed words: 不得分
    (LATE, "是", {"weight": 2}, "2"),  # on time
    (LATE, "按时报送", {"weight": 2}, "2"),  # the on-time words
    (LATE, {1: "3", 2: "是"}, {"weight": 2}, "1.7"),  # the two inputs, as before
]
test_late_cases, test_late_compiled, test_late_round_trip = shape_cases.checks(LATE_CASES)


def test_no_alone_is_refused_on_late_or_missed() -> None:
    import pytest

    import scoring

    with pytest.raises(scoring.ScoringError):
        scoring.evaluate(LATE, "否", weight=2)  # late, or not at all?
    decisions = scoring.bind(scoring.parse(LATE)).decisions
    assert any(d.what == "答法" and "未报送" in d.value for d in decisions)


def test_a_zero_on_a_second_requirement_is_no_missed_report() -> None:
    """按时足额发放 / 未足额发放 (first probe W04): 2 days late says nothing of how much was paid: refused."""
    import pytest

    import scoring

    with pytest.raises(scoring.ScoringError):
        scoring.evaluate("按时足额发放得满分；未按时发放的，每延迟1天扣0.5分；未足额发放的不得分。", "2天", weight=5)


NINTH: list[shape_cases.Case] = [
    # ninth probe B16: a deviation in 人 from the band 40-45人, both sides (=)
    ("中小学班额控制在40-45人之间得满分，每偏离1人扣0.5分", "42", {"target": "40-45", "comparator": "=", "unit": "人", "weight": 3}, "3"),
    ("中小学班额控制在40-45人之间得满分，每偏离1人扣0.5分", "47", {"target": "40-45", "comparator": "=", "unit": "人", "weight": 3}, "2"),
    ("中小学班额控制在40-45人之间得满分，每偏离1人扣0.5分", "36", {"target": "40-45", "comparator": "=", "unit": "人", "weight": 3}, "1"),
    # ninth probe B08: below the base's line the bonus does not count: a gap
    ("普通话培训覆盖人数达到1000人得基本分3分，每增加100人加0.2分，最多加1分", "900", {"target": "≥1000", "comparator": "≥", "unit": "人", "weight": 3}, "0"),
    ("普通话培训覆盖人数达到1000人得基本分3分，每增加100人加0.2分，最多加1分", "1300", {"target": "≥1000", "comparator": "≥", "unit": "人", "weight": 3}, "3.6"),
    # points for each numbered item: a composite, each item its own value (3 − 1, 3 − 1)
    ("1.重大隐患整改率达到100%，每低1个百分点扣0.5分（3分）；2.一般隐患整改率达到95%，每低1个百分点扣0.2分（3分）",
     {1: "98%", 2: "90%"}, {"weight": 6}, "4"),
    ("发现违规问题的，每例扣1分", "2", {"weight": 5}, "3"),  # reads back as 每例扣1分
]
test_ninth_cases, test_ninth_compiled, test_ninth_round_trip = shape_cases.checks(NINTH)


def test_tiers_beside_the_case_of_none_refuse_yes() -> None:
    import pytest

    import scoring

    for text, tier, want in [
        ("获得国家级表彰的得3分，获得省级表彰的得2分，获得市级表彰的得1分，未获得表彰的不得分", "获得省级表彰", 2),
        ("经验做法被省级及以上部门推广的得3分，被市级部门推广的得2分，未被推广的不得分", "被市级部门推广", 2),
    ]:
        with pytest.raises(scoring.ScoringError, match="哪一级"):
            scoring.evaluate(text, "是", weight=3)
        assert scoring.evaluate(text, tier, weight=3).points == want


def test_steps_on_two_measured_values_are_refused() -> None:
    # the unnumbered text is now two measured values answered apart (semantics §134, tests/test_shapes_mixed8.py)
    for text in ("①重大隐患整改率达到100%，每低1个百分点扣0.5分；②一般隐患整改率达到95%，每低1个百分点扣0.2分",):
        assert shape_cases.refusal(text).code == "two-measures"


NINTH_LISTS: list[shape_cases.Case] = [
    # ninth probe A14: the comparison written after the last member; 48 of 50 = 96% of the plan → ≥95% → 4
    ("粮食播种面积完成计划的100%、95%、90%以上，分别得6分、4分、2分，90%以下不得分", "48",
     {"target": "≥50", "comparator": "≥", "unit": "万亩", "weight": 6}, "4"),
    ("粮食播种面积完成计划的100%、95%、90%以上，分别得6分、4分、2分，90%以下不得分", "46",
     {"target": "≥50", "comparator": "≥", "unit": "万亩", "weight": 6}, "2"),  # 92% → ≥90% → 2
    # ninth probe B29: 扣分以5分为限 caps the deductions: 10 − min(7, 5)
    ("发现问题的，每次扣1分，扣分以5分为限", "7", {"weight": 10}, "5"),
]
test_ninth_list_cases, test_ninth_list_compiled, test_ninth_list_round_trip = shape_cases.checks(NINTH_LISTS)


A12 = "第三方绩效评价得分90分（含）以上为满分，80分（含）-90分为7分，70分（含）-80分为4分，70分以下为0分"
A22 = "档案规范化管理检查得分95分以上不扣分，85-95分扣2分，75-85分扣4分，75分以下不得分"
SCORE_NAMES: list[shape_cases.Case] = [
    # ninth probe A12, A22: 得分 before a 分 value names the value compared
    (A12, "90", {"target": "≥90", "comparator": "≥", "unit": "分", "weight": 8}, "8"),  # 90（含）以上 → full marks
    (A12, "79.5", {"target": "≥90", "comparator": "≥", "unit": "分", "weight": 8}, "4"),  # 70（含）-80 → 4
    (A22, "90", {"target": "≥95", "comparator": "≥", "unit": "分", "weight": 6}, "4"),  # 85-95 → 6 − 2
    (A22, "70", {"target": "≥95", "comparator": "≥", "unit": "分", "weight": 6}, "0"),  # 75分以下不得分
]
test_score_name_cases, test_score_name_compiled, test_score_name_round_trip = shape_cases.checks(SCORE_NAMES)


NINTH_MORE: list[shape_cases.Case] = [
    # ninth probe D21: the zero band is no full-marks side; 按比例 against the target 90%: 72/90 × 10 = 8
    ("覆盖率低于50%的，记零分；50%以上按比例得分", "72%", {"target": "≥90%", "comparator": "≥", "unit": "%", "weight": 10}, "8"),
    ("覆盖率低于50%的，记零分；50%以上按比例得分", "45%", {"target": "≥90%", "comparator": "≥", "unit": "%", "weight": 10}, "0"),
    # ninth probe G16: 7.5 months: 1.5 months past 6, 1 point a month → 3 − 1.5
    ("项目应在6个月内完工，超过6个月的，每月扣1分", "7.5", {"target": "≤6", "comparator": "≤", "unit": "个月", "weight": 3}, "1.5"),
    ("项目应在6个月内完工，超过6个月的，每月扣1分", "6", {"target": "≤6", "comparator": "≤", "unit": "个月", "weight": 3}, "3"),
]
test_ninth_more_cases, test_ninth_more_compiled, test_ninth_more_round_trip = shape_cases.checks(NINTH_MORE)


WHOLE = "审计发现问题整改完成率100%，每有1个问题未整改扣1分"
WHOLE_KW: dict[str, object] = {"target": "100%", "comparator": "≥", "unit": "%", "weight": 3}
test_whole_cases, test_whole_compiled, test_whole_round_trip = shape_cases.checks(
    [(WHOLE, "100%", WHOLE_KW, "3"), (WHOLE, "2", WHOLE_KW, "1"), (WHOLE, "0", WHOLE_KW, "3")]  # 100%: no case; 3 − 2
)


def test_a_rate_short_of_the_whole_or_a_bare_100_is_refused() -> None:
    import pytest

    import scoring

    with pytest.raises(scoring.ScoringError, match="请给出次数"):
        scoring.evaluate(WHOLE, "98%", **WHOLE_KW)  # type: ignore[arg-type]
    with pytest.raises(scoring.ScoringError, match="无法确定"):
        scoring.evaluate(WHOLE, "100", **WHOLE_KW)  # type: ignore[arg-type]


HELD = "开展“送医下乡”活动每场得0.5分，最多得2分；未开展的不得分"
HELD_KW: dict[str, object] = {"target": "≥4", "comparator": "≥", "unit": "场", "weight": 2}
test_held_cases, test_held_compiled, test_held_round_trip = shape_cases.checks(
    [(HELD, "3", HELD_KW, "1.5"), (HELD, "5", HELD_KW, "2"), (HELD, "0", HELD_KW, "0")]  # 3 × 0.5; capped at 2; none
)


def test_the_case_of_none_is_no_worded_award_beside_a_count_up() -> None:
    import pytest

    import scoring

    with pytest.raises(scoring.ScoringError):
        scoring.evaluate(HELD, {"实际值": "是", 1: "3"}, **HELD_KW)  # type: ignore[arg-type]  # it scored 3.5 of 2
