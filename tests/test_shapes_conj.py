"""Conditions joined by 或 / 或者 and 且 / 并且 (docs/semantics.md §93): 或 between two ranges of one measure is
one band of the two (a union); 且 joining two worded requirements is one requirement of two parts (是 says
both hold); 且 joining conditions on two measures, and an 或 that may join another measure, stay refused with
the words named. Every expectation is computed by hand from the rule text and the semantics (arithmetic
beside each case)."""

from __future__ import annotations

from decimal import Decimal

import pytest
import shape_cases

import scoring
from scoring.rules.nodes import Award, Label, Otherwise, Range

BED = "病床使用率85%-93%得满分，75%-85%或93%-100%得3分，其他情况不得分"
BED_ROW: dict[str, object] = {"weight": 5, "target": "85%-93%", "comparator": "="}

# (text, actual, row, hand score)
CASES = [
    (BED, "90%", BED_ROW, "5"),  # 85% ≤ 90% ≤ 93%: full marks, 5
    (BED, "85%", BED_ROW, "5"),  # 85% is in 85%-93% (listed first) and in 75%-85%: the first listed wins (point 1)
    (BED, "93%", BED_ROW, "5"),  # 93% is in 85%-93% and in 93%-100%: the first listed, 5
    (BED, "80%", BED_ROW, "3"),  # 75% ≤ 80% ≤ 85%: the first range of the union, 3
    (BED, "95%", BED_ROW, "3"),  # 93% ≤ 95% ≤ 100%: the second range of the union, 3
    (BED, "70%", BED_ROW, "0"),  # below 75%: in no band, 其他情况 → 0
    # 或者 too; the subject before the first range is the second's as well
    ("完成率75%-85%或者93%-100%的得3分，85%-93%得满分，其他不得分", "99%", {"weight": 5}, "3"),
    ("完成率75%-85%或者93%-100%的得3分，85%-93%得满分，其他不得分", "74%", {"weight": 5}, "0"),
    ("完成率75%-85%或者93%-100%的得3分，85%-93%得满分，其他不得分", "88%", {"weight": 5}, "5"),
    # two one-sided comparisons joined by 或: the two sides outside 60%-120% (it was one empty range, refused)
    ("完成率低于60%或高于120%不得分，否则得满分", "50%", {"weight": 4}, "0"),  # 50% < 60%
    ("完成率低于60%或高于120%不得分，否则得满分", "130%", {"weight": 4}, "0"),  # 130% > 120%
    ("完成率低于60%或高于120%不得分，否则得满分", "100%", {"weight": 4}, "4"),  # in neither: 否则, 4
    ("完成率低于60%或高于120%不得分，否则得满分", "60%", {"weight": 4}, "4"),  # 低于 excludes 60%: 否则, 4
    # 且 joining two worded requirements (定性): 是 says both parts hold
    ("设立举报电话且24小时有人值守得2分，否则不得分", "是", {"weight": 2, "comparator": "定性"}, "2"),
    ("设立举报电话且24小时有人值守得2分，否则不得分", "否", {"weight": 2, "comparator": "定性"}, "0"),
    ("建立台账并且按月报送得3分，否则不得分", "是", {"weight": 3, "comparator": "定性"}, "3"),
]


test_scores, test_compiled_scores, test_reads_back = shape_cases.checks(CASES)


def test_union_is_two_bands_of_the_same_points() -> None:
    rule = scoring.parse(BED)
    assert isinstance(rule, scoring.Rule)
    bands = [(c.condition.low.value.value, c.condition.high.value.value, c.outcome)  # type: ignore[union-attr]
             for c in rule.clauses if isinstance(c, Award) and isinstance(c.condition, Range)]  # fmt: skip
    three = [b for b in bands if b[2] != bands[0][2]]
    assert [(lo, hi) for lo, hi, _ in three] == [(Decimal(75), Decimal(85)), (Decimal(93), Decimal(100))]
    assert isinstance(rule.clauses[-1], Award) and isinstance(rule.clauses[-1].condition, Otherwise)


def test_worded_conjunction_shows_its_parts() -> None:
    rule = scoring.parse("设立举报电话且24小时有人值守得2分，否则不得分")
    assert isinstance(rule, scoring.Rule)
    first = rule.clauses[0]
    assert isinstance(first, Award) and isinstance(first.condition, Label)
    assert first.condition.parts == ("设立举报电话", "24小时有人值守")  # the 24 is read as words of the second
    shown = scoring.bind(rule, comparator="定性").describe()
    assert "“设立举报电话”、“24小时有人值守”都做到" in shown


def test_worded_conjunction_refuses_a_number() -> None:
    with pytest.raises(scoring.ScoringError):
        scoring.evaluate("设立举报电话且24小时有人值守得2分，否则不得分", "24", weight=2, comparator="定性")


@pytest.mark.parametrize(
    ("text", "code", "at", "names"),
    [
        # 且 joining two measures in a veto: each needs its own answer, not read there (§100 reads awards); the
        # message names both
        ("满意度达到90%且投诉率低于1%的直接计0分", "two-conditions", "满意度", ("满意度达到90%", "投诉率低于1%")),
        # 或 before words of their own: another measure, or the same? not written
        ("完成率低于60%或满意度低于80%不得分", "or-unclear", "或满意度", ()),
        # a second range with words after it: which measure the words name is not clear
        ("完成率75%-85%或93%-100%的项目得3分", "or-unclear", "或", ()),
    ],
)
def test_refusals(text: str, code: str, at: str, names: tuple[str, ...]) -> None:
    with pytest.raises(scoring.RuleSyntaxError) as e:
        scoring.parse(text)
    assert e.value.code == code
    assert e.value.pos == text.index(at)
    for name in names:
        assert name in e.value.message


def test_dev096_without_item_marks_reads() -> None:
    """dev-096 written without its item marks: the 且 tiers and the 或 zero tier ask for the same two inputs (the
    share, the state of 运行管护效果), read as one rule (semantics §143; it was refused before). By hand: 85% and 良好
    → 超过80% → 6; 50% → 不足60% → 0 whatever the state; 85% and 较差 → the 且 tiers need 良好, the 或 tier holds → 0."""
    text = ("已落实管护主体和建立运行管护制度的项目超过80%、70%和60%,且运行管护效果良好,分别得6分、4分和2分。"
            "已落实管护主体和建立运行管护制度的项目不足60%,或运行管护效果较差,不得分。")  # fmt: skip
    assert scoring.evaluate(text, {1: "85%", 2: "良好"}, weight=6).points == Decimal("6.00")
    assert scoring.evaluate(text, {1: "50%", 2: "良好"}, weight=6).points == Decimal("0.00")
    assert scoring.evaluate(text, {1: "85%", 2: "较差"}, weight=6).points == Decimal("0.00")
