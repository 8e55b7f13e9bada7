"""The generated code gives the evaluator's points, or refuses what it refuses, on every real rule
text that parses (seed and dev corpora), on indicators of several kinds, for bare numbers and for
numbers written with a unit. Both follow the reading's plans (scoring.reading.scales); this checks
that the code generator writes them as the evaluator applies them."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import scoring
from scoring.rules.nodes import Rule
from scoring.scores.compiled import RAISES

DATA = Path(__file__).parent / "data"


def _texts() -> list[str]:
    out: dict[str, None] = {}
    for name, key in (("seed000_rules.jsonl", "rule"), ("seeds001_004_rules.jsonl", "rule_clean"),
                      ("dev_rules.jsonl", "text")):  # fmt: skip
        for line in (DATA / name).open(encoding="utf-8"):
            r = json.loads(line)
            t = r.get(key) or r.get("rule") or r.get("text")
            if t:
                out[t] = None
    return list(out)


def _rules() -> list[Any]:
    rules = []
    for t in _texts():
        try:
            node = scoring.parse(t)
        except scoring.RuleSyntaxError:
            continue
        if isinstance(node, Rule):
            rules.append(pytest.param(node, id=str(len(rules))))
    return rules


RULES = _rules()
INDICATORS = [
    {},
    {"target": "90%", "unit": "%", "comparator": "≥"},
    {"target": "100", "unit": "万元", "comparator": "≥"},
    {"target": "30", "unit": "天", "comparator": "≤"},
    {"target": "0", "unit": "起", "comparator": "="},
]
NUMBERS = [Decimal(v) for v in ("-1", "0", "1", "2", "3", "5", "50", "59.99", "60", "80", "89.5", "90", "95", "99",
                                "100", "100.5", "120", "1000")]  # fmt: skip
WRITTEN = ["%", "人", "万元"]


def _want(rule: Rule, actual: Any, kw: dict[str, str]) -> Decimal | None:
    try:
        return scoring.evaluate(rule, actual, weight=10, **kw).points
    except scoring.EvaluationError:
        return None


def test_the_corpus_has_rules() -> None:
    assert len(RULES) > 250


@pytest.mark.parametrize("rule", RULES)
def test_generated_code_equals_the_evaluator(rule: Rule) -> None:
    for kw in INDICATORS:
        try:
            c = scoring.compile(rule, weight=10, **kw)
        except scoring.EvaluationError:
            # refused on this row (a line in the text other than the row's target, semantics §65, §135, §139):
            # the evaluator refuses every answer there too
            assert all(_want(rule, v, kw) is None for v in NUMBERS)
            continue
        for v in NUMBERS:
            want = _want(rule, v, kw)
            if want is None:
                with pytest.raises(scoring.EvaluationError):
                    c.points(v)
            else:
                assert c.points(v) == want, (kw, v, c.source)
        for unit in WRITTEN:
            f = c.take_written(unit)
            if f is None:
                continue
            for v in NUMBERS:
                got = f(v)
                if got is None:
                    continue  # left to the evaluator
                want = _want(rule, f"{v}{unit}", kw)
                assert (None if got is RAISES else got) == want, (kw, f"{v}{unit}", c.source)


# rule, indicator, answer, points worked out by hand (weight 10)
BY_HAND = [
    ("每发现一例扣1分，最多扣5分", {}, 3, "7.00"),  # 3 cases, 3 lost
    ("每发现一例扣1分，最多扣5分", {}, 8, "5.00"),  # 8 lost, capped at 5
    ("满意度90%以上得满分，每低1%扣2分，该项可负分", {"target": "90%"}, 85, "0.00"),  # 5 × 2 = 10 lost
    ("满意度90%以上得满分，每低1%扣2分，该项可负分", {"target": "90%"}, 80, "-10.00"),  # 20 lost, no floor
    ("发生安全事故扣5分", {}, 0, "10.00"),  # no accident
    ("发生安全事故扣5分", {}, 2, "5.00"),  # it happened: 5 lost once
    ("完成满分，出现流失情况扣5分", {}, 1, "5.00"),  # one loss: not 完成, 5 lost once
]


@pytest.mark.parametrize(("text", "indicator", "answer", "points"), BY_HAND)
def test_caps_floors_and_one_off_deductions_are_generated(text: str, indicator: dict[str, str], answer: int,
                                                          points: str) -> None:  # fmt: skip
    c = scoring.compile(text, weight=10, **indicator)
    assert c.is_fast  # generated code, not the evaluator
    assert c.points(answer) == Decimal(points) == scoring.evaluate(text, answer, weight=10, **indicator).points
