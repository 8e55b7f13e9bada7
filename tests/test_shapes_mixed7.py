"""Semantics §133: a missed report counted per step (每缺报一个季度扣0.25分, 每漏报一个月扣0.5分) is an event, each one
counted, never a value falling short of a line no one wrote; inside a numbered item after a worded award it is the
item's points less the events, the count answering the item.

Each case: rule, answer, row keywords, the hand score (or REFUSE) and why (the arithmetic, from the rule text and
docs/semantics.md). Written before the program ran."""

from __future__ import annotations

from typing import Any

import pytest

import scoring
from scoring.rules import nodes
from tests.shape_cases import REFUSE, reads_back, scores_or_refuses

ITEMS = "①制定管理制度得1分；②按月报送报表得2分，每漏报一个月扣0.5分；③资料归档完整得1分，每发现一处缺失扣0.25分"
QUARTERLY = "按季度报送进度得2分，每缺报一个季度扣0.5分"
BARE = "每缺报一个季度扣0.25分"
SHORT = "资料齐全得2分，每缺1项扣0.5分"

W1: dict[str, object] = {"weight": 1}
W2: dict[str, object] = {"weight": 2}
W4: dict[str, object] = {"weight": 4}
W1Q: dict[str, object] = {"weight": 1, "target": "4季度"}

CASES: list[tuple[str, Any, dict[str, object], str, str]] = [
    (ITEMS, {1: "是", 2: "1", 3: "2"}, W4, "3", "1 + (2 − 1×0.5) + (1 − 2×0.25) = 1 + 1.5 + 0.5"),
    (ITEMS, {1: "否", 2: "5", 3: "0"}, W4, "1", "0 + max(0, 2 − 2.5) + 1: item ② floors at 0"),
    (ITEMS, {1: "是", 2: "0", 3: "8"}, W4, "3", "1 + 2 + max(0, 1 − 2): item ③ floors at 0"),
    (ITEMS, "2", W4, REFUSE, "one answer cannot answer three items"),
    (ITEMS, {1: "是", 2: "80%", 3: "1"}, W4, REFUSE, "item ② counts missed months; 80% is no count"),
    (ITEMS, {1: "2", 2: "1", 3: "1"}, W4, REFUSE, "item ① is worded (是/否); a number does not answer it"),
    (ITEMS, {1: "是", 2: "1"}, W4, REFUSE, "item ③ is not answered"),
    (QUARTERLY, "3", W2, "0.5", "2 − 3 × 0.5"),
    (QUARTERLY, "0", W2, "2", "no quarter missed: the award's 2"),
    (QUARTERLY, "5", W2, "0", "2 − 2.5 floors at 0"),
    (BARE, "2", W1, "0.5", "two quarters missed: 1 − 2 × 0.25"),
    # a row whose target is a number of quarters: the answer is the quarters reported, as §14 reads a time unit
    (BARE, "3", W1Q, "0.75", "3 of 4 quarters: 1 missed, 1 − 0.25"),
    # 缺 with no report word is a value falling short: no line to count from, refused as before (§14)
    (SHORT, "2", W2, REFUSE, "whether 2 is two in place or two missing is not written"),
]


@pytest.mark.parametrize(("rule", "answer", "kw", "want", "why"), CASES, ids=[f"{i}" for i in range(len(CASES))])
def test_mixed7_shapes(rule: str, answer: Any, kw: dict[str, object], want: str, why: str) -> None:
    scores_or_refuses(rule, answer, kw, want)


@pytest.mark.parametrize("text", [ITEMS, QUARTERLY, BARE])
def test_round_trip(text: str) -> None:
    reads_back(text)


@pytest.mark.parametrize("text", [QUARTERLY, BARE, "每漏报1人扣0.5分"])
def test_a_missed_report_is_counted_per_event(text: str) -> None:
    rule = scoring.parse(text)
    assert isinstance(rule, nodes.Rule)
    (d,) = rule.deductions
    assert d.kind is nodes.StepKind.EVENTS and d.direction is None


def test_a_shortfall_word_alone_stays_a_shortfall() -> None:
    rule = scoring.parse(SHORT)
    assert isinstance(rule, nodes.Rule)
    (d,) = rule.deductions
    assert d.kind is nodes.StepKind.DISTANCE and d.direction is nodes.Direction.SHORTFALL
