"""Typed inputs as a property (issue 10, domain point 20): no answer of any type makes
``evaluate`` return a score from a clause whose input the answer does not fill.

For every corpus rule (seed and dev texts that parse, on their rows' indicators), the reading
says what the rule needs (``scoring.bind``). An answer that ``evaluate`` scores must fill those
inputs: one scalar only for a rule with one input, of a kind that fits it (a number for a value
or a count, 是/否 or a number counting a named event for a condition, one of the rule's labels for
a grade); a mapping only for a rule with several inputs or sub-items.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import scoring
from scoring.reading.bind import Reading, ties_to_target
from scoring.reading.values import is_missing, parse_value, same_label, yes_no
from scoring.rules.nodes import TargetMet

DATA = Path(__file__).parent / "data"


def _rows() -> list[dict[str, Any]]:
    seen: set[str] = set()
    out = []
    for name in ("seed000_rules.jsonl", "seeds001_004_rules.jsonl", "dev_rules.jsonl"):
        with (DATA / name).open(encoding="utf-8") as f:
            for line in f:
                row = json.loads(line)
                text = row.get("rule")
                if not text or text in seen:
                    continue
                seen.add(text)
                try:
                    node = scoring.parse(text)
                except scoring.ScoringError:
                    continue
                weight = row.get("weight") or 10
                target = row.get("target")
                kw = dict(target=str(target) if target is not None else None, weight=str(weight),
                          comparator=row.get("comparator"), unit=row.get("unit"))  # fmt: skip
                try:
                    reading = scoring.bind(node, target=kw["target"], comparator=kw["comparator"], unit=kw["unit"])
                except scoring.ScoringError:
                    continue
                out.append({"text": text, "node": node, "kw": kw, "reading": reading})
    return out


ROWS = _rows()
SCALARS = ["85%", "85", "3", "0", "2.5万元", "是", "否", "完成", "部分完成", "良好", "显著", "#N/A", "", "-1", "abc"]
MAPPINGS: list[Mapping[Any, Any]] = [{"实际值": "85%", 1: "是"}, {1: "2", 2: "3"}, {1: "是"}, {"实际值": "3"}]


_EVENTS = ("发生", "出现", "发现", "存在")


def _fits(answer: Any, reading: Reading) -> bool:
    """Whether a scalar answer may fill the reading's one input."""
    (slot,) = reading.inputs
    if not isinstance(answer, str) or is_missing(answer):
        return False
    value = parse_value(answer, None)
    number = value is not None
    count = number and value is not None and value.quantity.unit != "%" and value.quantity.value >= 0
    flag = yes_no(answer) is not None
    label = any(same_label(answer, c) or c.endswith(answer) for c in slot.choices)
    if slot.kind == "value":
        ties = isinstance(reading.rule, scoring.Rule) and any(
            isinstance(a.condition, TargetMet) for a in reading.rule.awards
        )  # 完成得满分，未完成按比例: 是/否 says whether the target is reached
        return number or (ties and (flag or label))
    if slot.kind == "count":
        return count or flag
    if slot.kind == "flag":
        tied = bool(slot.choices) and all(ties_to_target(c) for c in slot.choices)  # 完成 ⇔ reaching the target
        # 超支不得分: a number against the budget in the row's target (semantics §111), as the reading's meaning says
        tied = tied or "也可填实际数" in slot.meaning
        # 开展得满分，未开展不得分 / 发生事故的一票否决: the reading says a count of the events answers it (semantics §114)
        counted = "次数（0＝" in slot.meaning
        events = any(w in n for w in _EVENTS for n in (slot.name, *slot.choices))
        return flag or label or (count and (events or counted)) or (number and tied)
    if slot.kind == "grade":
        return label or flag
    if slot.kind in ("rank", "rank-values"):
        # a rank: a number (a whole one from 1; a rank no band takes is a gap); a rank scored by a share of the first's
        # points asks for the values too, and is refused without them (§109)
        return number
    return False  # rank-of, rank-share: a rank with the number ranked, which no scalar here gives (§109)


@settings(max_examples=3000, deadline=None)
@given(st.sampled_from(ROWS), st.one_of(st.sampled_from(SCALARS), st.sampled_from(MAPPINGS), st.text(max_size=6)))
def test_an_answer_scores_only_through_the_inputs_it_fills(row: dict[str, Any], answer: Any) -> None:
    try:
        scoring.evaluate(row["node"], answer, **row["kw"])
    except scoring.ScoringError:
        return
    reading: Reading = row["reading"]
    if isinstance(row["node"], scoring.Composite):
        return  # sub-items: answered per item (tests/test_compiled_composite.py, the corpus cases)
    if isinstance(answer, Mapping):
        assert len(reading.inputs) >= 2, (row["text"], answer, reading.inputs)
        return
    if any(d.what == "答法" for d in reading.decisions):
        return  # 每完成1项取得该项分数 over items of equal points: the reading says a count answers it (§67)
    assert len(reading.inputs) == 1, (row["text"], answer, reading.inputs)
    assert _fits(answer, reading), (row["text"], answer, reading.inputs)


def test_the_property_sees_the_corpora() -> None:
    assert len(ROWS) > 350
    several = [r for r in ROWS if len(r["reading"].inputs) >= 2]
    assert several, "no rule with several inputs: the property would not test copying"


def test_a_scalar_is_refused_where_the_reading_needs_several() -> None:
    for row in ROWS:
        if isinstance(row["node"], scoring.Rule) and len(row["reading"].inputs) >= 2:
            for answer in SCALARS:
                if row["node"].per_item and answer in ("3", "0"):
                    continue  # 每完成1项取得该项分数: a count of items met answers items of equal points (§67)
                if yes_no(answer) is True and any(d.what == "答法" for d in row["reading"].decisions):
                    continue  # one-off cases answered 是 (完成 …): none happened (§70), as the reading says
                try:
                    scoring.evaluate(row["node"], answer, **row["kw"])
                except scoring.ScoringError:
                    continue
                raise AssertionError((row["text"], answer))
