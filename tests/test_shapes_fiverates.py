"""Semantics §145: a formula in brackets after 达到目标值, a sample's size bounding a per-item count, and a
formula the counted deductions start from. Expectations are computed by hand from the texts."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

import scoring
from scoring.rules.nodes import Award, Deduction, Formula
from scoring.rules.render import render

DEV_072 = (
    "系统管理率达到目标值(抽查的系统管理率/85%*10 计算得分),核实孕产妇健康管理的真切性"
    "(抽10 份孕期档案或入户核实)1 份不真切扣1 分"
)
ROW_072 = {"target": "85%", "weight": "10", "comparator": "≥", "unit": "%"}


def _points(text: str, actual: Any, target: str, weight: str) -> Decimal:
    return scoring.evaluate(text, actual, target=target, weight=weight, comparator="≥", unit="%").points


@pytest.mark.parametrize(
    ("actual", "points"),
    [
        ({1: "85%", 2: "0"}, "10"),  # 85/85 × 10
        ({1: "68%", 2: "0"}, "8"),  # 68/85 × 10
        ({1: "76.5%", 2: "1"}, "8"),  # 76.5/85 × 10 = 9, − 1
        ({1: "85%", 2: "3"}, "7"),  # 10 − 3
        ({1: "95%", 2: "2"}, "8"),  # 95/85 × 10 = 11.18, capped at 10 as every formula, − 2
        ({1: "85%", 2: "10"}, "0"),  # all ten files untrue: 10 − 10
        ({"实际值": "68%", 1: "1"}, "7"),  # 8 − 1, the value by its name
    ],
)
def test_dev_072_formula_and_sample(actual: dict[Any, str], points: str) -> None:
    assert scoring.evaluate(DEV_072, actual, **ROW_072).points == Decimal(points)


@pytest.mark.parametrize("actual", [{1: "85%", 2: "11"}, {1: "85%", 2: "1.5"}, {1: "85%", 2: "-1"}, "85%"])
def test_dev_072_refuses(actual: Any) -> None:
    # more untrue files than the 10 drawn, part of a file, or one answer for both inputs
    with pytest.raises(scoring.EvaluationError):
        scoring.evaluate(DEV_072, actual, **ROW_072)


def test_dev_072_nodes() -> None:
    rule = scoring.parse(DEV_072)
    award, deduction = rule.clauses
    assert isinstance(award, Award) and award.condition is None and isinstance(award.outcome, Formula)
    assert isinstance(deduction, Deduction) and deduction.sample == Decimal(10)


@pytest.mark.parametrize(
    ("text", "target", "weight", "actual", "points"),
    [
        # my own words: a bracketed formula after 达到目标值 scores at every value, capped at the weight
        ("任务完成率达到目标值(实际完成率/90%*20计算得分)", "90%", "20", "72%", "16"),  # 72/90 × 20
        ("任务完成率达到目标值(实际完成率/90%*20计算得分)", "90%", "20", "99%", "20"),  # 22, capped at 20
        ("按时办结率达到目标值（按办结率÷80%×5计分）", "80%", "5", "60%", "3.75"),  # 60/80 × 5
        # a sample's size bounds the count after it
        ("随机抽查档案真实性（抽取20份档案）每发现1份不合格扣0.5分", "90%", "10", "4", "8"),  # 10 − 4 × 0.5
        ("随机抽查档案真实性（抽取20份档案）每发现1份不合格扣0.5分", "90%", "10", "20", "0"),  # 10 − 10
        ("入户回访（抽5户入户核实）1户不满意扣2分", "90%", "10", "2", "6"),  # 10 − 4
        ("入户回访（抽5户入户核实）1户不满意扣2分", "90%", "10", "5", "0"),  # 10 − 10
        # a formula beside counted events: the formula is their base (it was skipped: 10 − 2 = 8)
        ("按完成率/90%×10计分，每发现1个问题扣1分", "90%", "10", {"实际值": "81%", 1: "2"}, "7"),  # 9 − 2
        ("按完成率/90%×10计分，每发现1个问题扣1分", "90%", "10", {"实际值": "99%", 1: "1"}, "9"),  # 11 → 10, − 1
    ],
)
def test_variants(text: str, target: str, weight: str, actual: Any, points: str) -> None:
    assert _points(text, actual, target, weight) == Decimal(points)


@pytest.mark.parametrize(
    ("text", "actual"),
    [
        ("随机抽查档案真实性（抽取20份档案）每发现1份不合格扣0.5分", "21"),  # more than the 20 drawn
        ("入户回访（抽5户入户核实）1户不满意扣2分", "6"),  # more than the 5 visited
        ("按完成率/90%×10计分，每低1%扣1分", "81%"),  # a step on the value beside the formula: from which line?
    ],
)
def test_variants_refused(text: str, actual: Any) -> None:
    with pytest.raises(scoring.EvaluationError):
        _points(text, actual, "90%", "10")


@pytest.mark.parametrize("text", ["（抽10份档案）每次扣1分", "（抽10份档案），得满分"])
def test_sample_without_its_deduction_refused(text: str) -> None:
    with pytest.raises(scoring.RuleSyntaxError) as e:
        scoring.parse(text)
    assert e.value.code == "sample-unread"


def test_bracketed_formula_keeps_a_real_condition() -> None:
    # only 达到目标值 is restated by the bracket; a band of its own stays the formula's condition
    (award,) = scoring.parse("完成率≥60%(完成率/100%*10计算得分)").clauses
    assert isinstance(award, Award) and award.condition is not None


@pytest.mark.parametrize(
    "text",
    [
        DEV_072,
        "任务完成率达到目标值(实际完成率/90%*20计算得分)",
        "随机抽查档案真实性（抽取20份档案）每发现1份不合格扣0.5分",
        "入户回访（抽5户入户核实）1户不满意扣2分",
    ],
)
def test_round_trip(text: str) -> None:
    rule = scoring.parse(text)
    assert scoring.parse(render(rule)) == rule


@pytest.mark.parametrize(
    "text",
    [
        "五率达100%记7分。每项低一个百分点扣0.2分",  # dev-028's words: one value was read for the five rates
        "计生服务两率(随访率、建档率)达到95%得5分",  # my own words
        "三率达到90%以上得满分",
    ],
)
def test_several_rates_refused(text: str) -> None:
    with pytest.raises(scoring.RuleSyntaxError) as e:
        scoring.parse(text)
    assert e.value.code == "several-rates"
