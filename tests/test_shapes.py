"""Shapes of issue 11 item 3: each read into nodes, scored, and round-tripped through render.

Every expected score is computed by hand from the rule text and docs/semantics.md (§16 ff.).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

import scoring
from scoring.rules import nodes
from scoring.rules.render import pending, render


def _score(text: str, actual: object, **kw: object) -> Decimal:
    return scoring.evaluate(scoring.parse(text), actual, **kw).points  # type: ignore[arg-type]


def _round_trip(text: str) -> None:
    rule = scoring.parse(text)
    if not pending(rule):
        assert scoring.parse(render(rule)) == rule, render(rule)


# ------------------------------------------------------------ tiers: ranges written high to low

TIERS = "完工率达到100%的得30分,99%-90%的得27分,89%-80%的得24分,50%以下的不得分。"


def test_range_high_to_low_is_the_same_range() -> None:
    a = scoring.parse("99%-90%的得27分")
    b = scoring.parse("90%-99%的得27分")
    assert a == b
    cond = a.clauses[0].condition  # type: ignore[union-attr]
    assert isinstance(cond, nodes.Range)
    assert cond.low is not None and cond.low.value.value == 90
    assert cond.high is not None and cond.high.value.value == 99


def test_range_high_to_low_keeps_its_marks() -> None:
    # 80%（不含）written at the high end of a high-to-low range stays on 80%
    cond = scoring.parse("90%-80%(不含)得2分").clauses[0].condition  # type: ignore[union-attr]
    assert isinstance(cond, nodes.Range)
    assert cond.low is not None and cond.low.value.value == 80 and not cond.low.inclusive
    assert cond.high is not None and cond.high.value.value == 90 and cond.high.inclusive


@pytest.mark.parametrize(
    ("actual", "points"),
    [("100%", "30.00"), ("95%", "27.00"), ("90%", "27.00"), ("89%", "24.00"), ("80%", "24.00"), ("79%", "0.00"),
     ("50%", "0.00")],
)  # fmt: skip
def test_tiers_high_to_low(actual: str, points: str) -> None:
    # 79% lies in no band (80%–89% and 50%以下 leave 50%–80% uncovered here): a gap scores 0
    assert _score(TIERS, actual, target="100%", weight=30, comparator="≥", unit="%") == Decimal(points)


def test_tiers_round_trip() -> None:
    _round_trip(TIERS)


def test_lost_dash_is_refused() -> None:
    with pytest.raises(scoring.RuleSyntaxError):
        scoring.parse("10万元以上(含10万)得5分,510万(含5万)得2.5分,少于3万不得分。")
    with pytest.raises(scoring.RuleSyntaxError):
        scoring.parse("到位率 100%( 2分),80%99%( 1分),低于 80%得 0 分")


# ------------------------------------------------------------ counting what is missing (dev-033/034)


@pytest.mark.parametrize(("actual", "points"), [("0", "2.00"), ("1", "1.50"), ("3", "0.50"), ("5", "0.00")])
def test_each_missing_thing_is_one_step(actual: str, points: str) -> None:
    # 每少一种机构或少一项制度: each missing institution or rule deducts 0.5 from 2
    text = "每少一種機構或少一項制度的扣0.5分。"
    rule = scoring.parse(text)
    (d,) = rule.deductions  # type: ignore[union-attr]
    assert d.kind is nodes.StepKind.EVENTS and d.start is None
    assert _score(text, actual, weight=2) == Decimal(points)


def test_missing_count_refuses_a_percentage() -> None:
    with pytest.raises(scoring.ScoringError):
        _score("每少出臺一種意見或少研究一次扣0.5分。", "80%", weight=3)
