"""Ladders headed by the case they apply to (docs/semantics.md §142): 山区：…得10分…。其它地区：…得10分…, two ladders
on one value that would contradict each other, each after a heading and a colon. One case applies; the answer
names it by its heading as written and gives the value. Expectations computed by hand from the rule texts
(arithmetic beside each case); the texts are variants of dev-007, not the corpus text itself."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

import scoring
from scoring.rules.nodes import Composite, Note

REGIONS = ("平原地区:覆盖用户达到300户及以上的得10分,299-200户的得6分,低于200户的不得分。"
           "山区、丘陵地区:覆盖用户达到150户及以上的得10分,149-100户的得6分,低于100户的不得分。")  # fmt: skip
ROW: dict[str, Any] = {"weight": 10, "comparator": "≥", "unit": "户"}
PLAIN = "平原地区"
HILLS = "山区、丘陵地区"


def _points(text: str, actual: Any, **row: Any) -> Decimal:
    return scoring.evaluate(text, actual, **row).points


def test_cases_are_read_with_their_headings() -> None:
    node = scoring.parse(REGIONS)
    assert isinstance(node, Composite) and node.cases
    heads = [i.rule.clauses[0] for i in node.items]
    assert heads == [Note(PLAIN), Note(HILLS)]
    shown = scoring.render(node)
    assert shown.startswith(PLAIN + "：") and "。" + HILLS + "：" in shown
    assert scoring.parse(shown) == node
    reading = scoring.bind(node, comparator="≥", unit="户").describe()
    assert PLAIN in reading and HILLS in reading and "只适用其中一种情形" in reading


@pytest.mark.parametrize(
    ("actual", "points"),
    [
        ({PLAIN: "300"}, "10"),  # 平原: 300 ≥ 300 → 10
        ({PLAIN: "250"}, "6"),  # 平原: 250 in 299-200 → 6
        ({PLAIN: "150"}, "0"),  # 平原: 150 < 200 → 0
        ({HILLS: "150"}, "10"),  # 山区、丘陵: 150 ≥ 150 → 10
        ({HILLS: "120"}, "6"),  # 山区、丘陵: 120 in 149-100 → 6
        ({HILLS: "99"}, "0"),  # 山区、丘陵: 99 < 100 → 0
        ({f" {HILLS} ": "250"}, "10"),  # spaces around the heading aside: 250 ≥ 150 → 10
    ],
)
def test_the_named_case_scores(actual: dict[str, str], points: str) -> None:
    assert _points(REGIONS, actual, **ROW) == Decimal(points)


@pytest.mark.parametrize(
    "actual",
    [
        "250",  # no case named: 6 on the plain, 10 in the hills
        "350",  # no case named, though both give 10: the rule asks which case applies
        {"实际值": "250"},  # the value alone, under its usual key
        {"山区": "250"},  # part of a heading is not a heading
        {1: "250"},  # a number names no heading
        {PLAIN: "250", HILLS: "250"},  # two cases at once
        {"其它地区": "250"},  # a heading of another text
    ],
)
def test_an_answer_without_a_heading_is_refused_with_the_headings(actual: Any) -> None:
    with pytest.raises(scoring.ScoringError) as e:
        scoring.evaluate(REGIONS, actual, **ROW)
    assert PLAIN in str(e.value) and HILLS in str(e.value)


def test_the_compiled_rule_agrees() -> None:
    c = scoring.compile(REGIONS, **ROW)
    assert c.score({HILLS: "120"}).points == Decimal(6)  # 120 in 149-100 → 6
    with pytest.raises(scoring.ScoringError):
        c.score("120")


def test_the_trace_names_the_case() -> None:
    score = scoring.evaluate(REGIONS, {PLAIN: "250"}, **ROW)
    assert any(PLAIN in s.clause for s in score.trace)


@pytest.mark.parametrize(
    "text",
    [
        # no headings: the crossing bands stay refused
        "覆盖用户达到300户及以上的得10分,299-200户的得6分,低于200户的不得分。覆盖用户达到150户及以上的得10分,149-100户的得6分,低于100户的不得分。",
        # one heading only: which case the rest is, is not written
        "平原地区:覆盖用户达到300户及以上的得10分,299-200户的得6分,低于200户的不得分。覆盖用户达到150户及以上的得10分,149-100户的得6分,低于100户的不得分。",
        # the same heading twice
        "平原地区:覆盖用户达到300户及以上的得10分,299-200户的得6分,低于200户的不得分。平原地区:覆盖用户达到150户及以上的得10分,149-100户的得6分,低于100户的不得分。",
    ],
)
def test_conflicting_ladders_without_a_heading_each_stay_refused(text: str) -> None:
    with pytest.raises(scoring.RuleSyntaxError):
        scoring.parse(text)


def test_headings_over_ladders_that_agree_stay_one_rule() -> None:
    # no conflict: the headings are read as before (notes of one rule), not as cases
    node = scoring.parse("考核标准:覆盖用户达到300户及以上的得10分。其余情况:低于300户的不得分。")
    assert not isinstance(node, Composite)
