"""加倍扣分 after a deduction per counted event (semantics §76): twice that clause's points per event, for
the events its own words name, answered with their own count. Expectations computed by hand from the
rule text and docs/semantics.md."""

from __future__ import annotations

from decimal import Decimal

import pytest
from test_shapes_marks import _refused, _score

import scoring
from scoring.rules.nodes import Deduction, StepKind

FOUND = "每发现1例错登扣0.5分，已婚育妇漏登的加倍扣分"
CLEFT = "资料按时上报记3分，缺交1次扣1分。1例错、漏登扣0.5分，是已婚育妇漏登的加倍扣分。"


def test_the_doubled_clause_is_a_deduction_of_its_own() -> None:
    rule = scoring.parse(FOUND)
    assert isinstance(rule, scoring.Rule)
    first, second = (c for c in rule.clauses if isinstance(c, Deduction))
    assert (first.kind, first.points, first.step) == (StepKind.EVENTS, Decimal("0.5"), second.step)
    assert (second.kind, second.points, second.event, second.doubled) == (StepKind.EVENTS, Decimal(1), "已婚育妇漏登", True)


@pytest.mark.parametrize(
    ("text", "actual", "weight", "expected"),
    [
        (FOUND, {1: "0", 2: "0"}, 5, "5"),  # nothing found
        (FOUND, {1: "2", 2: "0"}, 5, "4"),  # 2 × 0.5
        (FOUND, {1: "0", 2: "2"}, 5, "3"),  # 2 × (2 × 0.5)
        (FOUND, {1: "3", 2: "1"}, 5, "2.5"),  # 1.5 + 1
        (FOUND, {1: "4", 2: "4"}, 5, "0"),  # 2 + 4 = 6 > 5 → 0
        # the cleft 是…的 names the events: 已婚育妇漏登
        (CLEFT, {1: "0", 2: "0", 3: "0"}, 3, "3"),
        (CLEFT, {1: "1", 2: "1", 3: "1"}, 3, "0.5"),  # 3 − 1 − 0.5 − 1
        (CLEFT, {1: "0", 2: "0", 3: "2"}, 3, "1"),  # 3 − 2 × 1
    ],
)
def test_the_doubled_events_lose_twice_the_points(text: str, actual: object, weight: int, expected: str) -> None:
    assert _score(text, actual, weight=weight) == Decimal(expected)


def test_one_count_is_not_copied_to_both_inputs() -> None:
    with pytest.raises(scoring.ScoringError):
        _score(FOUND, "2", weight=5)


def test_the_reading_says_the_events_are_counted_once() -> None:
    reading = scoring.bind(scoring.parse(FOUND))
    (d,) = [d for d in reading.decisions if d.what == "加倍扣分"]
    assert d.clause == "已婚育妇漏登" and not d.stated and d.source == "semantics §76"
    assert "两倍" in d.value and "不再计入前一条" in d.value


@pytest.mark.parametrize(
    "text",
    [
        "每低1%扣1分，瞒报的加倍扣分",  # after a step of a value: twice of what distance?
        "每例扣2-4分，瞒报的加倍扣分",  # after a range of points
        "加倍扣分",  # nothing before it
        "发现问题扣1分，瞒报的加倍扣分",  # after a one-off deduction: no counter to double per
    ],
)
def test_doubling_anything_else_stays_refused(text: str) -> None:
    assert _refused(text) == "deduct-without-points"


def test_the_doubled_rule_renders_and_reads_back() -> None:
    rule = scoring.parse(CLEFT)
    assert scoring.parse(scoring.render(rule)) == rule
