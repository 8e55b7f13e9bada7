"""Unnumbered items of a checklist (semantics §146): `纳入预算安排得1分；…计划编制比较完整得3分，…单独编制得2分；…高于决算数
的30%(包括30%)得4分，…` — parts separated by ；, each a rule of its own (an award, a worded ladder, bands), that read as
one rule were refused as several things scored (`several-things`, checks._one_thing: one number scored one band and
ignored the worded awards). Where every part alone is a rule that scores something with points of its own, the
parts are the items ①②③ unwritten: each answered under its number, scored alone, and summed, as numbered items are.
Anything else keeps the refusal."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs

from ..errors import RuleSyntaxError
from .grades import grade_of
from .nodes import Composite, Item, Label, Node, Points, Rule, TargetMet

_OPEN = "（(【[「“"
_CLOSE = "）)】]」”"


def parts(text: str) -> list[tuple[int, int]]:
    """The spans of the parts of ``text`` between ；/; outside brackets, each without its closing 。 and spaces;
    empty parts are dropped."""
    out: list[tuple[int, int]] = []
    depth, start = 0, 0
    for k, ch in enumerate(text + "；"):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(depth - 1, 0)
        elif ch in "；;" and depth == 0:
            a, b = start, k
            while a < b and text[a].isspace():
                a += 1
            while b > a and (text[b - 1].isspace() or text[b - 1] in "。."):
                b -= 1
            if b > a:
                out.append((a, b))
            start = k + 1
    return out


def _shifted(obj: Any, offset: int) -> Any:
    """``obj`` with every node span moved by ``offset`` characters (a part's spans onto the whole text)."""
    if isinstance(obj, tuple):
        return tuple(_shifted(o, offset) for o in obj)
    if obj is None or not attrs.has(type(obj)):
        return obj
    changed: dict[str, Any] = {}
    for f in attrs.fields(type(obj)):
        value = getattr(obj, f.name)
        if f.name == "span":
            if value is not None:
                changed["span"] = (value[0] + offset, value[1] + offset)
        elif f.name not in ("source", "normalized"):
            new = _shifted(value, offset)
            if new is not value:
                changed[f.name] = new
    return attrs.evolve(obj, **changed) if changed else obj


def _points(rule: Rule) -> Decimal | None:
    """An item's points as a numbered item's are (assembler.composite): stated, else its first award of points."""
    if rule.stated_weight is not None:
        return rule.stated_weight
    return next((a.outcome.value for a in rule.awards if isinstance(a.outcome, Points) and a.outcome.value > 0), None)


def several_items(text: str, refused: RuleSyntaxError, parse_one: Callable[[str], Node]) -> Composite:
    """The parts of ``text`` as items ①②③ of a Composite, or ``refused`` raised again where they are not: fewer than
    two parts, a part refused alone (its own refusal is the cause, chained), a part that is itself items, or a part
    with no points of its own (nothing says what it is worth in the sum). Grades in two parts (工作完成优秀得10分；完成良好得8分；
    完成率达到90%得6分) are levels of one thing, alternatives, not items: refused as before."""
    spans = parts(text)
    if len(spans) < 2:
        raise refused
    items: list[Item] = []
    for number, (a, b) in enumerate(spans, 1):
        try:
            node = parse_one(text[a:b])
        except RuleSyntaxError as e:
            raise refused from e
        if not isinstance(node, Rule):
            raise refused
        points = _points(node)
        if points is None:
            raise refused
        rule = attrs.evolve(_shifted(node, a), source="")
        items.append(Item(number, points, rule, (a, b)))
    if sum(1 for i in items if _graded(i.rule)) > 1:
        raise refused
    return Composite(tuple(items), source=text)


def _graded(rule: Rule) -> bool:
    """Whether an award of ``rule`` is on a grade word (优秀, 良好, 较好 …: lexicon ``[words.grade]``)."""
    return any(
        isinstance(a.condition, (Label, TargetMet)) and grade_of(a.condition.text) is not None for a in rule.awards
    )
