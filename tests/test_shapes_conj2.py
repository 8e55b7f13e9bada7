"""且 joining conditions on two different things (docs/semantics.md §100): each condition is its own typed
input, answered under 1, 2 in the order written (domain point 20: one answer is never copied to both); an
award holds where every part holds, the first listed that holds wins, 否则 takes the rest. Each band part
reads its answer in its own words' unit; a worded part is answered 是 (the words hold as written) or 否.
Every expectation is computed by hand from the rule text and the semantics (arithmetic beside each case)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
import shape_cases

import scoring
from scoring.rules.nodes import All, Award, Label, Otherwise, Range
from scoring.rules.render import render

SAT = "满意度达到90%且投诉率低于1%得满分，否则不得分"
SAFE = "完成率达到100%且无安全事故得满分，否则不得分"
TIERS = "满意度90%以上并且投诉率1%以下的得5分，满意度80%以上并且投诉率2%以下的得3分，其他情况不得分"
NO_REST = "满意度达到90%且投诉率低于1%得满分"
JOBS = "新增就业5000人以上且城镇登记失业率控制在4.5%以内得满分，否则不得分"
ITEMS = "①满意度达到90%且投诉率低于1%得2分，否则不得分；②完成率100%得3分，否则不得分"
# a band after the first with no name of its own measures what the first named (semantics §108)
UNNAMED = "完成率达到90%以上且验收合格的得10分，80%-90%且验收合格的得6分，其余不得分"

# (text, answers, row, hand score)
CASES: list[tuple[str, Any, dict[str, object], str]] = [
    (SAT, {1: "92%", 2: "0.5%"}, {"weight": 5}, "5"),  # 92 ≥ 90 and 0.5 < 1: both hold, full marks 5
    (SAT, {1: "92%", 2: "1.5%"}, {"weight": 5}, "0"),  # 1.5 < 1 fails: 否则, 0
    (SAT, {1: "85%", 2: "0.5%"}, {"weight": 5}, "0"),  # 85 ≥ 90 fails: 否则, 0
    (SAT, {1: "90%", 2: "0.5%"}, {"weight": 5}, "5"),  # 达到 includes 90 (point 1): 5
    (SAT, {1: "92%", 2: "1%"}, {"weight": 5}, "0"),  # 低于 excludes 1 (point 1): 0
    (SAT, {1: "92", 2: "0.5"}, {"weight": 5}, "5"),  # bare numbers: % of each part's own words, 92% and 0.5%
    (SAT, {"1": "95%", "②": "0%"}, {"weight": 5}, "5"),  # keys as the numbered answers take them: 95 ≥ 90, 0 < 1
    (SAFE, {1: "100%", 2: "是"}, {"weight": 10}, "10"),  # 100 ≥ 100, 是 = 无安全事故 holds: 10
    (SAFE, {1: "100%", 2: "否"}, {"weight": 10}, "0"),  # an accident happened: 否则, 0
    (SAFE, {1: "98%", 2: "是"}, {"weight": 10}, "0"),  # 98 < 100: 否则, 0
    (SAFE, {1: "100%", 2: "无"}, {"weight": 10}, "10"),  # 无 is a yes word (answers.toml): the words hold, 10
    # two awards on the same two inputs: the first listed that holds wins
    (TIERS, {1: "95%", 2: "0.5%"}, {"weight": 5}, "5"),  # 95 ≥ 90, 0.5 ≤ 1: the first, 5
    (TIERS, {1: "95%", 2: "1.5%"}, {"weight": 5}, "3"),  # 1.5 ≤ 1 fails; 95 ≥ 80, 1.5 ≤ 2: the second, 3
    (TIERS, {1: "85%", 2: "1%"}, {"weight": 5}, "3"),  # 85 ≥ 90 fails; 85 ≥ 80, 1 ≤ 2: 3
    (TIERS, {1: "85%", 2: "2.5%"}, {"weight": 5}, "0"),  # 2.5 ≤ 2 fails: 其他情况, 0
    (TIERS, {1: "75%", 2: "0.5%"}, {"weight": 5}, "0"),  # 75 ≥ 80 fails: 0
    # no 否则: where the conditions do not all hold, nothing is written: a gap, 0 (point 1)
    (NO_REST, {1: "92%", 2: "1.5%"}, {"weight": 5}, "0"),
    (NO_REST, {1: "92%", 2: "0.5%"}, {"weight": 5}, "5"),
    # a count and a rate: each part's own unit (人, %)
    (JOBS, {1: "5200", 2: "4.5"}, {"weight": 6}, "6"),  # 5200 ≥ 5000 人, 4.5 ≤ 4.5 (以内 includes): 6
    (JOBS, {1: "0.52万人", 2: "4%"}, {"weight": 6}, "6"),  # 0.52万人 = 5200人 ≥ 5000, 4 ≤ 4.5: 6
    (JOBS, {1: "4800人", 2: "3%"}, {"weight": 6}, "0"),  # 4800 < 5000: 0
    # the second band has no name: it is 完成率's, and 验收合格 the same words, so the same two inputs
    (UNNAMED, {1: "95%", 2: "是"}, {"weight": 10}, "10"),  # 95 ≥ 90 and 合格: 10
    (UNNAMED, {1: "90%", 2: "是"}, {"weight": 10}, "10"),  # 90 ≥ 90 (以上 includes): the first listed, 10
    (UNNAMED, {1: "85%", 2: "是"}, {"weight": 10}, "6"),  # 80 ≤ 85 ≤ 90 and 合格: 6
    (UNNAMED, {1: "85%", 2: "否"}, {"weight": 10}, "0"),  # not 合格: neither band, 其余 0
    (UNNAMED, {1: "70%", 2: "是"}, {"weight": 10}, "0"),  # below 80: 其余 0
    # inside a sub-item: the item's answer is the numbered mapping
    (ITEMS, {1: {1: "95%", 2: "0.5%"}, 2: "100%"}, {"weight": 5}, "5"),  # 2 + 3
    (ITEMS, {1: {1: "95%", 2: "1.5%"}, 2: "100%"}, {"weight": 5}, "3"),  # 0 + 3
]


test_scores, test_compiled_scores, test_reads_back = shape_cases.checks(CASES)


def test_the_node_holds_both_conditions_in_order() -> None:
    rule = scoring.parse(SAFE)
    assert isinstance(rule, scoring.Rule)
    first = rule.clauses[0]
    assert isinstance(first, Award) and isinstance(first.condition, All)
    band, words = first.condition.parts
    assert isinstance(band, Range) and band.subject == "完成率" and band.low is not None
    assert band.low.value.value == Decimal(100) and band.low.inclusive and band.high is None
    assert isinstance(words, Label) and words.text == "无安全事故"
    assert isinstance(rule.clauses[1], Award) and isinstance(rule.clauses[1].condition, Otherwise)
    assert render(rule) == "完成率≥100%且无安全事故得满分；否则不得分"


def test_the_reading_shows_each_input() -> None:
    inputs = scoring.bind(scoring.parse(SAFE)).inputs
    assert [(i.key, i.kind, i.name, i.unit) for i in inputs] == [(1, "value", "完成率", "%"), (2, "flag", "无安全事故", "")]
    assert "是＝“无安全事故”成立" in inputs[1].meaning
    shown = scoring.bind(scoring.parse(SAT)).describe()
    assert "[1]" in shown and "满意度（%）" in shown and "[2]" in shown and "投诉率（%）" in shown


def test_the_explanation_names_the_condition_missed() -> None:
    score = scoring.evaluate(SAT, {1: "92%", 2: "1.5%"}, weight=5)
    assert "投诉率<1%" in score.explanation and "满意度" not in score.explanation.split("未满足")[1]


@pytest.mark.parametrize(
    ("text", "actual", "says"),
    [
        (SAT, "92%", ("1：满意度", "2：投诉率")),  # one answer is never copied to both inputs (point 20)
        (SAT, {"实际值": "92%", 2: "0.5%"}, ("按编号",)),
        (SAT, {1: "92%"}, ("缺少第2项",)),
        (SAT, {1: "92%", 2: "0.5%", 3: "1%"}, ("没有第3项",)),
        (SAT, {1: "是", 2: "0.5%"}, ("第1项“满意度”需要一个数值",)),
        (SAT, {1: "92人", 2: "0.5%"}, ("第1项“满意度”以%计",)),  # the part's own unit, no target to convert
        (SAFE, {1: "100%", 2: "0"}, ("第2项“无安全事故”需要“是”",)),  # a number decides no worded condition
        (SAFE, {1: "100%", 2: "数据缺失"}, ("数据缺失",)),  # missing data is no outcome (point 20)
    ],
)
def test_answers_that_do_not_fit_are_refused(text: str, actual: Any, says: tuple[str, ...]) -> None:
    with pytest.raises(scoring.EvaluationError) as e:
        scoring.evaluate(text, actual, weight=5)
    for s in says:
        assert s in str(e.value)


@pytest.mark.parametrize(
    ("text", "code", "at"),
    [
        # beside a band of one of the two measures: which answer it reads is not written
        ("满意度达到90%且投诉率低于1%得满分，满意度低于80%不得分", "two-conditions", "满意度低于80%"),
        # beside steps: the base and what the steps count from are not written for two inputs
        ("完成率达到100%且无安全事故得满分，每低1%扣1分", "two-conditions", "每低1%"),
        # two awards on different inputs: how the numbered answers fill each is not written
        ("满意度达到90%且投诉率低于1%得5分，满意度达到80%且无安全事故得3分", "two-conditions", "满意度达到80%"),
        # an unnamed band joined to other words than the first's: two different pairs of inputs
        ("完成率达到90%以上且验收合格的得10分，80%-90%且资料齐全的得6分，其余不得分", "two-conditions", "80%-90%"),
        # a veto of two conditions: not read (the veto path reads one condition)
        ("满意度达到90%且投诉率低于1%的直接计0分", "two-conditions", "满意度"),
        # two comparisons of one named quantity: not two inputs, and not one range either
        ("满意度达到90%且满意度低于95%得满分，否则不得分", "two-conditions", "满意度"),
        # a comparison with a reference that is no number (序时进度): not read
        ("资金到位率100%且支出进度达到序时进度得满分，否则不得分", "two-conditions", "资金到位率"),
        # ，同时 after a comma that closes the first condition: the two are not one lead, not read (caret on 同时's clause)
        ("满意度达到90%以上，同时投诉率低于1%的，得满分；否则不得分", "two-conditions", "同时投诉率"),
        # 或 joining conditions on two measures stays refused (§93), 且 before it or not
        ("资金到位率100%且支出进度达到序时进度得满分；到位率不足80%或支出进度滞后10个百分点以上不得分；其他情况得一半分值",
         "or-unclear", "或支出进度"),
    ],
)
def test_refusals(text: str, code: str, at: str) -> None:
    with pytest.raises(scoring.RuleSyntaxError) as e:
        scoring.parse(text)
    assert e.value.code == code
    assert e.value.pos == text.index(at)


def test_one_range_of_one_quantity_still_reads() -> None:
    """且 between two comparisons with no words of their own after it is one range (§93), not two inputs."""
    rule = "完成率大于等于80%且小于90%得5分，完成率大于等于90%得满分"
    assert scoring.evaluate(rule, "85%", weight=10).points == Decimal("5.00")  # 80 ≤ 85 < 90: 5
    assert scoring.evaluate(rule, "95%", weight=10).points == Decimal("10.00")  # ≥ 90: 10


def test_dev096_without_item_marks_reads() -> None:
    """dev-096 written without its item marks: the 且 tiers and the 或 zero tier ask for the same two inputs (the
    share, the state of 运行管护效果), read as one rule (semantics §143; it was refused before). By hand: 85% and 良好
    → 超过80% → 6; 50% → 不足60% → 0 whatever the state; 85% and 较差 → the 且 tiers need 良好, the 或 tier holds → 0."""
    text = ("已落实管护主体和建立运行管护制度的项目超过80%、70%和60%,且运行管护效果良好,分别得6分、4分和2分。"
            "已落实管护主体和建立运行管护制度的项目不足60%,或运行管护效果较差,不得分。")  # fmt: skip
    assert scoring.evaluate(text, {1: "85%", 2: "良好"}, weight=6).points == Decimal("6.00")
    assert scoring.evaluate(text, {1: "50%", 2: "良好"}, weight=6).points == Decimal("0.00")
    assert scoring.evaluate(text, {1: "85%", 2: "较差"}, weight=6).points == Decimal("0.00")
