"""A rate the rule defines by names the row does not give (semantics §164; fourteenth probe D17): the answer is the
rate itself, written as a %; an amount or a word is refused. Expectations by hand from the texts."""

from __future__ import annotations

from decimal import Decimal

import pytest

import scoring
from scoring.rules.render import render

D17 = "预算执行率=实际支出数/调整后预算数×100%，得分=预算执行率×分值"
# in my own words: the denominators (下达资金总额, 年度计划总投资额 with 调整) are no names of the target
GRANT = "资金拨付率=已拨付资金/下达资金总额×100%，得分=资金拨付率×本项分值"
INVEST = "投资完成率=实际完成投资额/调整后计划投资额×100%；得分=投资完成率×该项分值"
ROW = {"target": "100%", "comparator": "≥", "unit": "%"}


def _points(rule: str, answer: str, weight: int) -> Decimal:
    p = scoring.evaluate(rule, answer, weight=weight, **ROW).points
    assert scoring.compile(rule, weight=weight, **ROW).points(answer) == p
    return p


@pytest.mark.parametrize(
    ("rule", "weight", "answer", "points"),
    [
        # the probe: the rate × 10
        (D17, 10, "95%", "9.50"),  # 0.95 × 10
        (D17, 10, "100%", "10.00"),
        (D17, 10, "78.3%", "7.83"),  # 0.783 × 10
        (D17, 10, "66.666%", "6.67"),  # 0.66666 × 10 = 6.6666 → 6.67
        # 0.875 × 6 = 5.25; 0.4 × 6 = 2.4
        (GRANT, 6, "87.5%", "5.25"),
        (GRANT, 6, "40%", "2.40"),
        # 0.925 × 8 = 7.4; 1.2 × 8 = 9.6 → clamped at the weight 8 (domain point 6)
        (INVEST, 8, "92.5%", "7.40"),
        (INVEST, 8, "120%", "8.00"),
    ],
)
def test_rate_answered(rule: str, weight: int, answer: str, points: str) -> None:
    assert _points(rule, answer, weight) == Decimal(points)


@pytest.mark.parametrize("rule", [D17, GRANT, INVEST])
@pytest.mark.parametrize("answer", ["95万元", "320万元", "好"])
def test_amount_or_word_refused(rule: str, answer: str) -> None:
    # an amount cannot be turned into the rate: its denominator is no target of the row; a word is no rate
    with pytest.raises(scoring.EvaluationError, match="请直接给出"):
        scoring.evaluate(rule, answer, weight=10, **ROW)


@pytest.mark.parametrize("rule", [D17, GRANT, INVEST])
def test_done_word_refused(rule: str) -> None:
    with pytest.raises(scoring.EvaluationError):  # a word of done is no rate either (refused as no number)
        scoring.evaluate(rule, "已完成", weight=10, **ROW)


def test_amount_refused_on_an_amount_row() -> None:
    # a row in 万元 does not make 实际支出数 ÷ 指标值 the rate: 调整后预算数 may differ from the row's budget
    with pytest.raises(scoring.EvaluationError, match="预算执行率"):
        scoring.evaluate(D17, "95", weight=10, target="100", comparator="≥", unit="万元")


@pytest.mark.parametrize("rule", [D17, GRANT, INVEST])
def test_reads_back(rule: str) -> None:
    r = scoring.parse(rule)
    assert scoring.parse(render(r)) == r
    assert "=" in render(r).split("得分=")[0]  # the definition is written before the formula


def test_reading_says_the_rate() -> None:
    reading = scoring.bind(scoring.parse(D17), **ROW)
    said = [d.value for d in reading.decisions if d.clause == "预算执行率"]
    assert any("预算执行率=实际支出数/调整后预算数×100%" in v for v in said)


def test_target_denominator_unchanged() -> None:
    # §127 stands: 应到位资金 names the target, so an amount is divided by it: 320 / 400 × 6 = 4.8
    rule = "资金到位率=实际到位资金/应到位资金×100%，得分=资金到位率×本项分值"
    assert scoring.evaluate(rule, "90%", weight=5, **ROW).points == Decimal("4.50")
    assert scoring.evaluate(rule, "320", weight=6, target="400万元", comparator="≥", unit="万元").points == Decimal("4.80")
