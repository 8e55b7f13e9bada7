"""Bands on a drop from a reference (semantics §163): a bare number is refused, a change word is read exactly."""

from __future__ import annotations

from decimal import Decimal

import pytest

import scoring
from scoring import EvaluationError

THREE = "受理投诉件数较上年下降10%以上得满分，下降5%-10%得3分，下降5%以下得1分，上升不得分"
COST = "成本较上年降低10%以上得满分，降低5%-10%得3分，降低0-5%得1分"


def _points(text: str, answer: str) -> Decimal:
    return scoring.evaluate(scoring.parse(text), answer, weight=5, unit="%").points


@pytest.mark.parametrize(("answer", "points"), [("下降12%", 5), ("降低12%", 5), ("减少8%", 3), ("下降3%", 1)])
def test_drop_words_read_the_drop(answer: str, points: int) -> None:
    assert _points(THREE, answer) == points


@pytest.mark.parametrize("answer", ["12%", "-12%", "8%"])
def test_bare_number_refused(answer: str) -> None:
    with pytest.raises(EvaluationError, match="下降12%"):
        _points(THREE, answer)
    with pytest.raises(EvaluationError, match="没有写明是下降还是增长"):
        _points(COST, answer)


def test_zero_is_no_change() -> None:
    assert _points(COST, "0%") == 1  # 降低0-5% holds at 0


def test_rise_on_bands_from_zero() -> None:
    # a rise of 5% is a drop of −5%: in none of 降低0-5% / 5-10% / ≥10%
    assert _points(COST, "增长5%") == 0
    assert _points(COST, "上升5%") == 0


def test_rise_where_a_band_is_open_below_is_refused() -> None:
    with pytest.raises(EvaluationError, match="没有下降"):
        _points("成本较上年降低10%以上得满分，降低5%以下得2分", "增长5%")


def test_rise_beside_a_worded_rise_label_stays_refused() -> None:
    with pytest.raises(EvaluationError):
        _points(THREE, "上升3%")  # §112: the bands say nothing of a rise's size
    assert _points(THREE, "上升") == 0


def test_lower_than_last_year_sign() -> None:
    rule = scoring.parse("低于上年≥10%的不得分")
    assert scoring.render(rule) == "上年下降≥10%不得分"
    assert scoring.parse(scoring.render(rule)) == rule
    with pytest.raises(EvaluationError):
        scoring.evaluate(rule, "12%", weight=5, unit="%")
    assert scoring.evaluate(rule, "下降12%", weight=5, unit="%").points == 0


def test_compiled_refuses_too() -> None:
    c = scoring.compile(THREE, weight=5, unit="%")
    with pytest.raises(EvaluationError, match="没有写明是下降还是增长"):
        c.points("12%")
    assert c.points("下降12%") == 5
    assert c.points("下降3%") == 1


# The row's target is the drop itself (≥10% on 下降10%以上得满分: the line of the full-marks band): a bare number is that
# drop, as the fourteenth probe's A24 and the twelfth's A35 score it; −1% rose by 1%.
@pytest.mark.parametrize(("answer", "points"), [("12%", 5), ("8%", 3), ("3%", 1), ("-1%", 1), ("增长1%", 1), ("下降8%", 3)])
def test_row_target_is_the_drop(answer: str, points: int) -> None:
    rule = scoring.parse("能耗较上年下降10%以上得满分，下降5%-10%得3分，下降5%以下得1分")
    # 下降5%以下 (≤ 5) holds for −1 by the row's reading of the value, as before; 增长1% is a drop of −1
    assert scoring.evaluate(rule, answer, target="10%", comparator="≥", weight=5, unit="%").points == points


def test_row_target_not_the_line_still_refuses() -> None:
    rule = scoring.parse("能耗较上年下降10%以上得满分，下降5%-10%得3分，下降5%以下得1分")
    with pytest.raises(EvaluationError, match="没有写明是下降还是增长"):
        scoring.evaluate(rule, "12%", target="8%", comparator="≥", weight=5, unit="%")
