"""Shapes of issue 11 read this round (docs/semantics.md §71): a one-off 扣N分 after a range of the value is
that band's outcome (the weight less N), and a range written 在…之间 whose ends are the lines of the
bands beside it gives the steps after it their start. Variants of the probe texts, each expectation
computed by hand from the rule text and the semantics (the arithmetic beside each case)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

import scoring
from scoring.rules import nodes
from scoring.rules.render import render


def _points(text: str, actual: Any, **row: Any) -> Decimal:
    return scoring.evaluate(text, actual, **row).points


# ------------------------------------------------------------------ 扣N分 inside a range of the value

RANGES = "验收合格率≥95%得满分，90%（含）～95%（不含）扣1分，85%（含）～90%（不含）扣3分，85%以下不得分"
RANGES_ROW = {"target": "95%", "comparator": "≥", "unit": "%", "weight": 10}


@pytest.mark.parametrize(
    ("actual", "want"),
    [
        ("96%", "10"),  # ≥95%: full marks
        ("95%", "10"),  # 95% is in ≥95% and not in ～95%（不含）
        ("92%", "9"),  # 90%（含）～95%（不含）: 10 − 1
        ("90%", "9"),  # （含）: the lower end is in the band
        ("87%", "7"),  # 85%～90%: 10 − 3
        ("85%", "7"),  # 85%（含）～90%: the first listed band holding wins over 85%以下
        ("84%", "0"),  # 85%以下不得分
    ],
)
def test_deduction_inside_a_range(actual: str, want: str) -> None:
    assert _points(RANGES, actual, **RANGES_ROW) == Decimal(want)


DASHED = "路面平整度合格率98%以上满分，95%-98%扣2分，95%以下不得分。"
DASHED_ROW = {"target": "98%", "comparator": "≥", "unit": "%", "weight": 8}


@pytest.mark.parametrize(
    ("actual", "want"),
    [
        ("99%", "8"),
        ("98%", "8"),  # 98%以上 listed first
        ("96%", "6"),  # 95%-98%: 8 − 2
        ("95%", "6"),  # an unmarked dash end is included (§1) and the band is listed before 95%以下
        ("94%", "0"),
    ],
)
def test_deduction_inside_a_dash_range(actual: str, want: str) -> None:
    assert _points(DASHED, actual, **DASHED_ROW) == Decimal(want)


def test_the_band_is_an_award_of_the_weight_less_the_points() -> None:
    rule = scoring.parse(RANGES)
    assert isinstance(rule, nodes.Rule)
    band = rule.clauses[1]
    assert isinstance(band, nodes.Award)
    assert isinstance(band.condition, nodes.Range) and band.condition.measure is nodes.Measure.VALUE
    assert band.outcome == nodes.Formula(nodes.BinOp("-", nodes.Var("指标分值"), nodes.Num(Decimal(1))))
    assert not rule.deductions


@pytest.mark.parametrize("text", [RANGES, DASHED])
def test_round_trip(text: str) -> None:
    rule = scoring.parse(text)
    assert scoring.parse(render(rule)) == rule


@pytest.mark.parametrize(
    "text",
    [
        # one-sided deduction bands, nested: at 75% (85%) the tightest or both? the answer is refused (§95)
        "满意度低于90%扣1分，低于80%扣3分。",
        "完成率低于95%扣1分，低于90%扣3分，低于80%不得分。",
    ],
)
def test_one_sided_deduction_bands_refuse_answers_in_two(text: str) -> None:
    actual = "75%" if "满意度" in text else "85%"
    with pytest.raises(scoring.EvaluationError):
        scoring.evaluate(text, actual, target="≥95%", weight=10)


# ------------------------------------------------------------------ 在…之间 before steps

BETWEEN = "化解率达到90%以上的得满分；化解率在80%~90%之间的，每降低1个百分点扣0.5分；化解率低于80%的不得分。"
BETWEEN_ROW = {"target": "90%", "comparator": "≥", "unit": "%", "weight": 10}


@pytest.mark.parametrize(
    ("actual", "want"),
    [
        ("95%", "10"),  # ≥90%
        ("90%", "10"),
        ("85%", "7.5"),  # 5 points below 90%: 10 − 5 × 0.5
        ("82.5%", "6.25"),  # 7.5 points: 10 − 3.75 (a part step pro rata, §3)
        ("80%", "5"),  # 10 points below: 10 − 5, the range's lower end included
        ("79%", "0"),  # 低于80%不得分
    ],
)
def test_steps_inside_a_range_count_from_its_top(actual: str, want: str) -> None:
    assert _points(BETWEEN, actual, **BETWEEN_ROW) == Decimal(want)


def test_between_round_trip_and_start() -> None:
    rule = scoring.parse(BETWEEN)
    assert isinstance(rule, nodes.Rule)
    (ded,) = rule.deductions
    assert ded.start == nodes.Edge(nodes.Quantity(Decimal(90), "%"), True)
    assert scoring.parse(render(rule)) == rule


@pytest.mark.parametrize(
    "text",
    [
        # the range's lower end (70%) is no line of another band: what happens from 70% to 80% is not said
        "化解率达到90%以上的得满分；化解率在70%~90%之间的，每降低1个百分点扣0.5分；化解率低于80%的不得分。",
        # alone: nothing says what scores outside the range
        "化解率在80%~90%之间的，每降低1个百分点扣0.5分",
    ],
)
def test_a_range_not_framed_by_bands_stays_refused(text: str) -> None:
    with pytest.raises(scoring.RuleSyntaxError) as e:
        scoring.parse(text)
    assert e.value.code == "unread-number"
