"""Texts whose reading would be a guess are refused with a code and a caret (docs/semantics.md §1)."""

from __future__ import annotations

from decimal import Decimal

import pytest

import scoring


@pytest.mark.parametrize(
    ("text", "piece"),
    [
        # 1-2月 with its dash lost: ≤12月 and ≥2个月 cross, with different points
        ("指标文日期一个月内到账2分，12月内到账1分，2个月以上0分。", "2个月以上0分"),
        # two ladders, only the first under a heading: which case the second is, is not written
        # (here the two ladders cross: 210-181户得6分 and 低于200户不得分; ladders that only nest are
        # not caught by this check, see docs/semantics.md §1; each under its own heading they are the
        # cases of docs/semantics.md §142, tests/test_shapes_casesel.py)
        ("山区:覆盖沼气用户达到300户及以上的得10分,210-181户的得6分,低于150户的不得分。"
         "覆盖沼气用户达到450户及以上的得10分,低于200户的不得分。", "低于200户的不得分"),
    ],
)
def test_crossing_bands_are_refused(text: str, piece: str) -> None:
    with pytest.raises(scoring.RuleSyntaxError) as e:
        scoring.parse(text)
    assert e.value.code == "crossing-bands"
    assert text[e.value.pos : e.value.pos + e.value.length].startswith(piece[:4])


def test_nested_tiers_and_shared_ends_read_as_written() -> None:
    """≥5家得6分，≥3家得4分: nested, the first listed wins; 80%以上…80%以下: they share an end only."""
    tiers = "≥5家得6分，≥3家得4分；≥1家得2分，0家不得分。"
    assert scoring.evaluate(tiers, "4", weight=6, unit="家").points == Decimal("4.00")  # 4 ≥ 3, not ≥ 5
    ends = "80%以上得满分，80%以下不得分"
    assert scoring.evaluate(ends, "80%", weight=10).points == Decimal("10.00")  # the first listed wins


def test_a_start_written_twice_before_a_step_is_refused() -> None:
    # found by the span-accounting property: the first 每90% was read by nothing (its 90 could change freely)
    with pytest.raises(scoring.RuleSyntaxError) as e:
        scoring.parse("每90%每90%90%扣1分")
    assert e.value.code == "two-starts"
    # one start, then the step, still reads
    rule = scoring.parse("每低于10000人每减少1%扣1分")
    assert isinstance(rule, scoring.Rule) and rule.deductions[0].start is not None


@pytest.mark.parametrize(
    "text",
    [
        "6月底前完成得满分，7月上旬完成得5分",  # 上旬: no deadline the program reads (semantics §88 reads 7月完成)
        "6月底前完成得满分，2月完成得5分",  # February's last day needs the year
    ],
)
def test_a_month_as_a_deadline_is_no_band(text: str) -> None:
    with pytest.raises(scoring.RuleSyntaxError) as e:
        scoring.parse(text)
    assert e.value.code == "date-band"
    assert text[e.value.pos :].startswith(text[:2])


def test_a_month_beside_a_deadline_is_never_a_count_of_months() -> None:
    # 12月完成 scored 5, read as ≥11 months; now a dated band (semantics §88): a bare 12 answers nothing
    text = "11月底前完成得满分，12月完成得3分，次年完成不得分。"
    for answer in ("12", "12月"):
        with pytest.raises(scoring.EvaluationError):
            scoring.evaluate(text, answer, weight=5)


def test_months_counted_and_deadlines_in_words_still_read() -> None:
    assert scoring.evaluate("6个月内完成得满分，超过6个月不得分", "5个月", weight=4).points == Decimal("4.00")
    late = "项目于6月底前开工得满分，每推迟一个月扣2分。"
    assert scoring.evaluate(late, "2", weight=6).points == Decimal("2.00")  # 2 months late


def test_a_band_on_what_is_missing_beside_the_value_done_is_refused() -> None:
    # 8 villages done scored 0 (8 ≥ 5 read as 缺5个以上); 未完成/少完成 N个 is read as the count not done (§101)
    text = "完成10个村的改造任务得满分，每少完成1个村扣1分，缺5个以上不得分"
    with pytest.raises(scoring.RuleSyntaxError) as e:
        scoring.parse(text)
    assert e.value.code == "shortfall-band"
    assert text[e.value.pos :].startswith("缺5个以上")
    # alone, the band is on the one quantity written: what is missing
    assert scoring.evaluate("缺2人以上不得分，配齐得满分", "3", weight=2).points == Decimal("0.00")


@pytest.mark.parametrize(
    "text",
    [
        # read as two inputs since §100 (tests/test_shapes_conj2.py); still refused beside other clauses or as a veto
        "满意度达到90%且投诉率低于1%得满分，满意度低于80%不得分。",  # one empty range: 95% scored 0
        "完成率达到100%且无安全事故得满分，每低1%扣1分。",  # the accident was dropped: 100% scored 10
        "新增就业5000人以上且城镇登记失业率控制在4.5%以内的直接计0分。",
    ],
)
def test_two_conditions_joined_by_qie_are_refused(text: str) -> None:
    with pytest.raises(scoring.RuleSyntaxError) as e:
        scoring.parse(text)
    assert e.value.code == "two-conditions"


def test_qie_between_two_comparisons_on_one_quantity_is_a_range() -> None:
    rule = "完成率大于等于80%且小于90%得5分，完成率大于等于90%得满分"
    assert scoring.evaluate(rule, "85%", weight=10).points == Decimal("5.00")


def test_the_same_band_twice_on_one_subject_is_refused() -> None:
    with pytest.raises(scoring.RuleSyntaxError) as e:
        scoring.parse("满意度90%以上得10分，80%以上得8分，80%以上得6分")  # 85% scored 8, the first listed
    assert e.value.code == "band-twice"


@pytest.mark.parametrize(
    "text",
    [
        "资料齐全各1分",  # one thing: which list?
        "制度、人员和经费各1分",  # 和 in the last member: two things or three?
        "方案制定、组织实施各1分，未完成不得分",  # a clause beside the list: which items does it score?
        "每项各0.5分",
    ],
)
def test_points_for_each_of_an_unclear_list_are_refused(text: str) -> None:
    # 各N分 over a list is a checklist (semantics §81); where the list is not clear, it is refused
    with pytest.raises(scoring.RuleSyntaxError) as e:
        scoring.parse(text)
    assert e.value.code in ("each-list", "each-item")


def test_words_that_are_a_band_of_the_value_are_refused() -> None:
    # 零增长 is 增长 = 0, written as words: 0% fell in 增长5%以下 and scored 1 (负增长, 未提高 are read since
    # semantics §102, tests/test_shapes_tiers3.py)
    with pytest.raises(scoring.RuleSyntaxError) as e:
        scoring.parse("增长5%以下得1分，零增长不得分")
    assert e.value.code == "worded-band"


@pytest.mark.parametrize(
    "text",
    [
        # 零增长 is 增长 = 0, inside 增长5%以下 (未提高, 没有增长 are read since semantics §102)
        "亩均产值增长10%以上得满分，增长5%-10%得6分，增长5%以下得3分，零增长不得分。",
        "收入增长5%以上得满分，增长5%以下得2分，零增长不得分",
    ],
)
def test_a_negated_value_inside_a_band_is_refused(text: str) -> None:
    with pytest.raises(scoring.RuleSyntaxError) as e:
        scoring.parse(text)
    assert e.value.code == "worded-band"


def test_a_negated_value_no_band_holds_is_read() -> None:
    # 开展1次以上满分，未开展不得分: 未开展 is 0 times, which no band takes: the words are its own case
    assert scoring.evaluate("开展1次以上满分，未开展不得分", "否", target="1次", weight=15).points == 0
    assert scoring.evaluate("开展1次以上满分，未开展不得分", "2", target="1次", weight=15).points == 15


def test_a_floor_beside_a_lower_band_is_refused() -> None:
    # 最低得2分 is read since semantics §102 (fourth probe K33); beside a band scoring less (不得分) which one
    # wins is not written
    text = "覆盖率达到90%得满分，未达到的每低1个百分点扣1分，低于60%不得分，最低得2分"
    with pytest.raises(scoring.RuleSyntaxError) as e:
        scoring.parse(text)
    assert e.value.code == "floor-points"
    assert text[e.value.pos :].startswith("最低得2分")


def test_a_count_per_period_is_no_start_for_the_steps() -> None:
    # 每季度不少于1次，每少1次扣0.5分 counted the shortfall from 1: 2 checks of the year's 4 scored full marks
    # (fourth probe C14); the year's count is not written
    with pytest.raises(scoring.RuleSyntaxError) as e:
        scoring.parse("安全生产检查每季度不少于1次，每少1次扣0.5分")
    assert e.value.code == "frequency-start"
    # written for the year it reads: 2 of 4 → 2 short × 0.5 → 2 − 1 = 1
    assert scoring.evaluate("安全生产检查全年不少于4次，每少1次扣0.5分", "2", target="4次", weight=2).points == 1


def test_a_start_in_percent_with_a_step_in_days_is_refused() -> None:
    # 时限压缩至法定时限的50%以内，每超出1天扣0.5分: 10天 met no % line and scored full marks (fourth probe I09)
    with pytest.raises(scoring.RuleSyntaxError) as e:
        scoring.parse("审批事项办理时限压缩至法定时限的50%以内，每超出1天扣0.5分")
    assert e.value.code == "start-step-units"


def test_a_value_that_is_two_lines_run_together_is_refused() -> None:
    # 5万元以下…510万元…10万元以上: 510万 was read as a line of 510万, so 8万 scored 0 (fifth probe K06)
    with pytest.raises(scoring.RuleSyntaxError) as e:
        scoring.parse("补助资金5万元以下的得1分，510万元的得3分，10万元以上的得5分")
    assert e.value.code == "lost-dash" and e.value.pos == 14
    # a count that happens to be two counts written together, with no band below and above it, reads
    assert scoring.parse("完成3篇得8分，完成1篇得2分，完成13篇得10分")


@pytest.mark.parametrize("text", ["倒数3名以后不得分", "考核排名倒数第2名的扣2分"])
def test_a_rank_from_the_last_is_refused(text: str) -> None:
    # 倒数第3名以内 read as 第≤3名: the best three scored 0 (fifth probe G04); it reads since §109 (places from
    # the last, the answer gives the number ranked); a deduction after it would be a step per place, refused
    with pytest.raises(scoring.RuleSyntaxError) as e:
        scoring.parse(text)
    assert e.value.code == "rank-from-last"
