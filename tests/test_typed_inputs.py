"""Typed inputs and caps (domain points 15 and 20): an answer fills only the input it fits.

Each case is computed by hand from the rule text and docs/semantics.md; a refusal is an
EvaluationError whose message says what the rule needs.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

import scoring


def points(rule: str, actual: Any, **kw: Any) -> Decimal:
    kw.setdefault("weight", 10)
    return scoring.evaluate(rule, actual, **kw).points


def refused(rule: str, actual: Any, **kw: Any) -> str:
    kw.setdefault("weight", 10)
    with pytest.raises(scoring.EvaluationError) as e:
        scoring.evaluate(rule, actual, **kw)
    return str(e.value)


# ------------------------------------------------------------------ caps are not deductions


@pytest.mark.parametrize(
    ("rule", "actual", "want"),
    [
        ("每发现一例扣1分，最多扣5分", "3", "7.00"),  # 3 × 1 = 3 < 5: 10 − 3
        ("每发现一例扣1分，最多扣5分", "8", "5.00"),  # 8 × 1 = 8, capped at 5: 10 − 5
        ("每发现一例扣1分，扣分不超过3分", "5", "7.00"),  # 5 capped at 3
        ("每例扣0.5分，扣满2分为止", "6", "8.00"),  # 3 capped at 2
        ("每发现一例扣1分，扣完5分为止", "9", "5.00"),  # 9 capped at 5
        ("每发现一例扣1分，直至扣完", "12", "0.00"),  # 12 > 10: the floor
        ("每发现一例扣2分，减完为止", "2", "6.00"),  # 2 × 2 = 4
    ],
)
def test_caps_bound_deductions(rule: str, actual: str, want: str) -> None:
    assert points(rule, actual) == Decimal(want)


def test_a_cap_closing_several_deductions_bounds_them_together() -> None:
    rule = "不报送的每次减0.5分,对重大涉稳信息迟报的每例减1分,最多减2分"
    node = scoring.parse(rule)
    assert isinstance(node, scoring.Rule) and node.cap == Decimal(2)
    # 2 × 0.5 + 1 × 1 = 2: at the cap
    assert points(rule, {1: "2", 2: "1"}) == Decimal("8.00")
    # 4 × 0.5 + 3 × 1 = 5, capped at 2
    assert points(rule, {1: "4", 2: "3"}) == Decimal("8.00")
    # 1 × 0.5 = 0.5
    assert points(rule, {1: "1", 2: "0"}) == Decimal("9.50")


def test_two_caps_on_one_deduction_are_refused_at_the_second() -> None:
    text = "每例扣1分最多扣5分，最多扣3分"
    with pytest.raises(scoring.RuleSyntaxError) as e:
        scoring.parse(text)
    assert e.value.code == "two-caps" and text[e.value.pos :].startswith("最多扣3分")


def test_a_cap_without_a_deduction_is_refused() -> None:
    with pytest.raises(scoring.RuleSyntaxError) as e:
        scoring.parse("完成得满分，最多扣5分")
    assert e.value.code == "cap-without-deduction"


# ------------------------------------------------------------------ one answer, one input


def test_one_answer_is_not_copied_to_a_value_and_a_veto() -> None:
    rule = "满意度90%及以上得满分，每5%扣2分；发生重大投诉的直接计0分"
    msg = refused(rule, "85%", target="90%", comparator="≥")
    assert "2个实际值" in msg and "重大投诉" in msg
    # both answered: 85% is 5 points short, one step of 2. 是 = the requirement is met (no complaint),
    # 否 = not met; a count counts the complaints
    assert points(rule, {"实际值": "85%", 1: "是"}, target="90%", comparator="≥") == Decimal("8.00")
    assert points(rule, {"实际值": "85%", 1: "0"}, target="90%", comparator="≥") == Decimal("8.00")
    assert points(rule, {"实际值": "85%", 1: "否"}, target="90%", comparator="≥") == Decimal("0.00")
    assert points(rule, {"实际值": "95%", 1: "1"}, target="90%", comparator="≥") == Decimal("0.00")


def test_two_events_need_two_answers() -> None:
    rule = "每发现一例违规扣1分；每出现一次延误扣0.5分"
    assert "2个实际值" in refused(rule, "2")
    assert points(rule, {1: "2", 2: "3"}) == Decimal("6.50")  # 10 − 2 − 1.5


def test_an_event_that_zeroes_beside_counted_events_is_its_own_answer() -> None:
    # 发生重大事故不得分 beside 一般事故每起扣2分: a count of 一般事故 says nothing about 重大事故
    # (a 1 scored 0, as if 重大事故 had happened)
    rule = "全年无安全事故得满分，发生一般事故每起扣2分，发生重大事故不得分"
    assert "2个实际值" in refused(rule, "1")
    assert points(rule, {1: "1", 2: "是"}) == Decimal("8.00")  # one 一般事故, no 重大事故: 10 − 2
    assert points(rule, {1: "0", 2: "否"}) == Decimal("0.00")  # 重大事故 happened
    assert points(rule, {1: "0", 2: "1"}) == Decimal("0.00")  # one 重大事故, counted
    assert points(rule, {1: "0", 2: "0"}) == Decimal("10.00")
    reading = scoring.bind(scoring.parse(rule))
    assert [(i.key, i.kind) for i in reading.inputs] == [(1, "count"), (2, "flag")]
    assert points("全年未发生安全事故得满分，发生安全事故不得分", "1") == Decimal("0.00")  # one event: a count


# ------------------------------------------------------------------ numbers and words


def test_a_number_does_not_answer_words_it_is_not_tied_to() -> None:
    rule = "资料齐全得满分，否则不得分"
    assert "是/否" in refused(rule, "95%", target="≥90%")
    assert points(rule, "是") == Decimal("10.00")
    assert points(rule, "否") == Decimal("0.00")


def test_a_number_answers_completion_through_the_target() -> None:
    rule = "完成得满分，未完成不得分"
    assert points(rule, "95%", target="≥90%") == Decimal("10.00")  # 95% reaches 90%
    assert points(rule, "85%", target="≥90%") == Decimal("0.00")


def test_a_number_counts_a_named_event() -> None:
    rule = "发生安全事故不得分"
    assert points(rule, "0") == Decimal("10.00")
    assert points(rule, "2") == Decimal("0.00")
    # 全年无安全事故: the absence of the event the other condition names, so a count answers both
    assert points("全年无安全事故得满分，发生安全事故不得分", "0") == Decimal("10.00")
    assert points("全年无安全事故得满分，发生安全事故不得分", "1") == Decimal("0.00")
    # …but not the absence of another event (无安全事故 / 发生重大事故: a count of which?)
    assert "是/否" in refused("无安全事故得满分，发生重大事故不得分", "0")
    assert "是/否" in refused("资料不齐全的扣2分", "3")  # 资料不齐全 is no event to count
    assert points("资料不齐全的扣2分", "否") == Decimal("8.00")


def test_a_word_does_not_answer_a_measured_rule() -> None:
    assert "实际数值" in refused("满意度90%及以上得满分，每5%扣2分", "是", target="90%", comparator="≥")


@pytest.mark.parametrize("answer", ["部分完成", "未完全完成", "完成了80%的任务", "较合理", "不健全"])
def test_words_match_labels_exactly_never_as_substrings(answer: str) -> None:
    with pytest.raises(scoring.EvaluationError):
        scoring.evaluate("合理得2分；基本合理得1分；不合理不得分", answer, weight=2)
    with pytest.raises(scoring.EvaluationError):
        scoring.evaluate("完成得满分，未完成不得分", answer, weight=10)


def test_labels_and_their_listed_synonyms() -> None:
    rule = "全部完成得满分，部分完成得5分，未完成不得分"
    assert points(rule, "部分完成") == Decimal("5.00")
    assert points(rule, "全部完成") == Decimal("10.00")
    assert points("完成得满分，未完成不得分", "已完成") == Decimal("10.00")  # listed in answers.toml
    assert points("比上年提高显著得满分，一般得分80%，不明显得分60%", "显著") == Decimal("10.00")
    assert points("比上年提高显著得满分，一般得分80%，不明显得分60%", "不明显") == Decimal("6.00")


@pytest.mark.parametrize("missing", ["#N/A", "数据缺失", "待统计", "—", "-", "", "  "])
def test_missing_data_is_no_outcome(missing: str) -> None:
    assert "缺失" in refused("满意度90%及以上得满分，每5%扣2分", missing, target="90%")


def test_a_bare_number_takes_the_rows_percent() -> None:
    rule = "满意度90%及以上得满分，每5%扣2分，低于75%不得分"
    # 85 on a row whose target is 90%: 85%, one step short
    assert points(rule, "85", target="90%") == points(rule, "85%", target="90%") == Decimal("8.00")
    assert points(rule, 85, target="90%") == Decimal("8.00")


def test_a_bare_number_takes_the_unit_written_in_the_target() -> None:
    # 103 on a row of ≤100万元 with no unit column: 103万元, 3% over (it was a unitless 103, under
    # 1,000,000元, so 成本控制在预算内 held and scored full marks)
    rule = "成本控制在预算内得满分，每超出1%扣1分"
    assert points(rule, "103", target="≤100万元") == points(rule, "103万元", target="≤100万元") == Decimal("7.00")
    assert points(rule, 103, target="≤100万元") == Decimal("7.00")
    assert scoring.compile(rule, target="≤100万元", weight=10).points("103") == Decimal("7.00")
    assert points(rule, "99", target="≤100万元") == Decimal("10.00")
    assert [i.unit for i in scoring.bind(scoring.parse(rule), target="≤100万元").inputs] == ["万元"]


def test_comparison_with_the_target_in_words() -> None:
    rule = "年度取水总量小于或等于年度目标值,得 10 分;大于目标值,不得分。"
    assert points(rule, "4.8", target="5", comparator="≤") == Decimal("10.00")  # 96% of the target
    assert points(rule, "5.1", target="5", comparator="≤") == Decimal("0.00")  # 102%


@pytest.mark.parametrize(
    ("rule", "actual", "want"),
    [
        # the conditions name an event (present or absent): a number counts it; met when none happened
        ("全年未出现档案遗失或其他事故，计10分，发生1起全扣。", "0", "10.00"),
        ("全年未出现档案遗失或其他事故，计10分，发生1起全扣。", "1", "0.00"),
        ("完成满分，发生信访群体情况则不得分", "0", "10.00"),
        ("完成满分，发生信访群体情况则不得分", "2", "0.00"),
        ("全年不出现基金安全“要情”事件计8分，否则不计分", "0", "8.00"),
        ("全年不出现基金安全“要情”事件计8分，否则不计分", "1", "0.00"),
    ],
)
def test_a_number_counts_the_events_the_conditions_name(rule: str, actual: str, want: str) -> None:
    weight = 8 if "8分" in rule else 10
    assert points(rule, actual, weight=weight) == Decimal(want)
    refused(rule, "85%", weight=weight)  # a percentage counts nothing


def test_no_does_not_pick_a_band_the_text_does_not_name() -> None:
    """未完成 spans 0 to 14分 here: 否 cannot say which band; where 未完成 has its own clause, it can."""
    bands = "完成得满分，完成指标值的90%以上得14分，完成指标值的60%以上得11分，完成不足指标值60%不得分"
    assert "哪一档" in refused(bands, "否", target="80%", comparator="≥", weight=15)
    assert points(bands, "是", target="80%", comparator="≥", weight=15) == Decimal("15.00")
    stated = "完成得满分，完成指标值的90%以上得9分，未完成不得分"
    assert points(stated, "否", target="80%", comparator="≥") == Decimal("0.00")


def test_words_on_a_rule_row_are_judged_strictly() -> None:
    """A statement with no word of failure (逐步规范) counts as met only on a row without a rule
    (lenient, with a warning); on a row with a rule it is a row that cannot be scored."""
    from scoring.tables.ruleset import Ruleset

    rows = [
        {"id": "R", "name": "制度建设", "target": "建立制度", "weight": "5", "rule": "完成得满分，未完成不得分"},
        {"id": "N", "name": "制度建设", "target": "建立制度", "weight": "5", "comparator": "定性"},
    ]
    report = Ruleset.from_rows(rows).score({"R": "逐步规范", "N": "逐步规范"})
    assert report.row("R").points is None
    assert any(f.severity == "error" for f in report.row("R").findings)
    assert report.row("N").points == Decimal("5.00")
    assert any(f.code == "lenient-qualitative" for f in report.row("N").findings)
    # an explicit word still reads: 已完成 is a listed synonym of 完成
    assert Ruleset.from_rows(rows).score({"R": "已完成", "N": "已完成"}).row("R").points == Decimal("5.00")


def test_answers_as_printed_match_labels_after_normalizing() -> None:
    """Traditional characters in an answer (資金管理制度健全) read as the simplified label."""
    rule = "资金管理制度健全得满分，不健全不得分"
    assert points(rule, "資金管理制度健全", weight=5) == Decimal("5.00")
    assert points("完成得满分，未完成不得分", "未達到", weight=5) == Decimal("0.00")  # listed as 否
    refused(rule, "資金管理制度", weight=5)  # still no substring
    # the grade word after the labels' subject, in traditional characters, and before 等次
    grades = "考核结果为优秀得10分，良好得8分，合格得6分，不合格不得分"
    assert points(grades, "優秀") == Decimal("10.00")
    ranks = "年度考核为优秀等次得5分，称职等次得4分，基本称职得2分，不称职不得分"
    assert points(ranks, "优秀", weight=5) == Decimal("5.00")
    refused(ranks, "秀", weight=5)  # a piece of a word is no grade


def test_a_lower_band_worth_more_than_the_indicator_is_refused() -> None:
    """(1916分) is 19-16分 with its dash lost: a band above the weight that is not the rule's one top
    award contradicts the row; a rule written for another weight (计10分 on 8) is capped (§6)."""
    lost = "完毕率100以上(20分)完毕率75以上(1916分)完毕率50以上(158分)"
    assert "19-16分" in refused(lost, "80", weight=20, unit="%")
    assert "19-16分" in refused(lost, "100", weight=20, unit="%")  # whichever band the outcome is in
    assert points("完成率≥100%计10分，每小于5%扣1分", "100%", weight=8, target="100%") == Decimal("8.00")
