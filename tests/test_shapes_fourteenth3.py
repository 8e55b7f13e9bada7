"""Shapes of the fourteenth probe's refusals of scorable cases (semantics §162): the indicator's quantity before
指标得分= opening the formula's one name, and letter grades written 为A after a shared subject, 为B, 为C after it.
Expectations computed by hand from the rule texts."""

from __future__ import annotations

from decimal import Decimal

import pytest

import scoring
from scoring.rules.parser import parse
from scoring.rules.render import render

SURVEY = "满意度指标得分=满意度测评结果×本项分值"
SURVEY_2 = "满意度项目得分=满意度调查结果×分值"
LETTERS = "年度考核等次为A的，得5分；为B的，得4分；为C的，得2分；为D的，不得分"
LETTERS_2 = "绩效评价等级为A的得满分；为B的得80%；为C的得50%；为D的不得分"


@pytest.mark.parametrize(
    ("rule", "actual", "want"),
    [
        (SURVEY, "92%", "9.2"),  # 0.92 × 10
        (SURVEY, "85.5%", "8.55"),  # 0.855 × 10
        (SURVEY, "88.88%", "8.89"),  # 8.888, half-up
        (SURVEY_2, "76%", "7.6"),  # 0.76 × 10: 满意度 (项目 off) opens 满意度调查结果
        (SURVEY_2, "100%", "10"),
    ],
)
def test_indicator_quantity_opens_the_formula_name(rule: str, actual: str, want: str) -> None:
    score = scoring.evaluate(rule, actual, target="≥90%", weight=10, unit="%", comparator="≥")
    assert score.points == Decimal(want)
    assert parse(render(parse(rule))) == parse(rule)


@pytest.mark.parametrize(
    ("rule", "actual"),
    [
        ("满意度指标得分=服务测评结果×本项分值", "92%"),  # 满意度 opens no name of the formula: a label, a number answers none
        (SURVEY, "92万元"),  # an amount on a % row
    ],
)
def test_indicator_quantity_refusals(rule: str, actual: str) -> None:
    with pytest.raises(scoring.ScoringError):
        scoring.evaluate(rule, actual, target="≥90%", weight=10, unit="%", comparator="≥")


@pytest.mark.parametrize(
    ("rule", "weight", "actual", "want"),
    [
        (LETTERS, 5, "A", "5"),
        (LETTERS, 5, "B", "4"),
        (LETTERS, 5, "C", "2"),
        (LETTERS, 5, "D", "0"),
        (LETTERS, 5, "为C", "2"),  # the label as written
        (LETTERS_2, 10, "A", "10"),  # full marks
        (LETTERS_2, 10, "B", "8"),  # 80% of 10
        (LETTERS_2, 10, "C", "5"),  # 50% of 10
        (LETTERS_2, 10, "D", "0"),
    ],
)
def test_letter_after_a_copula(rule: str, weight: int, actual: str, want: str) -> None:
    assert scoring.evaluate(rule, actual, target="A", weight=weight).points == Decimal(want)
    assert parse(render(parse(rule))) == parse(rule)


@pytest.mark.parametrize(
    ("rule", "actual"),
    [
        (LETTERS, "E"),  # no grade of the rule
        (LETTERS, "F"),
        (LETTERS_2, "E"),
        (LETTERS, "等次"),  # a part of the subject
        ("考核等次为A等的得满分，B等的得80%，C等的得50%，D等的不得分", "为A"),  # §136: 为A is a part of the subject there
    ],
)
def test_letter_refusals(rule: str, actual: str) -> None:
    with pytest.raises(scoring.ScoringError):
        scoring.evaluate(rule, actual, target="A", weight=5)
