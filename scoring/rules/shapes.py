"""Small readings the assembler shares: clause segments, lists split at 、/和/或, negation, the order
of outcomes, and how two bands relate (crossing, all clear). Pure functions of phrases and nodes."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs

from .lexicon import words
from .nodes import (
    FullMarks,
    Outcome,
    Points,
    Range,
    ShareOfWeight,
)
from .phrases import _NEGATED_PHRASES, _NEGATIONS, Lead, PText, Span, Tail


@attrs.define
class _Segment:
    lead: Lead
    tails: list[Tail]
    span: Span


def _rank(o: Outcome) -> Decimal:
    """Order outcomes without knowing the weight: 满分 above any points."""
    if isinstance(o, FullMarks):
        return Decimal("1e9")
    if isinstance(o, Points):
        return o.value
    if isinstance(o, ShareOfWeight):
        return o.percent / 100
    return Decimal(0)


_LIST_SEPS = "".join(words("LIST_SEP"))
_RANK_UNITS = words("rank_unit")


def _list_sep(p: PText) -> bool:
    return bool(p.text.strip()) and all(ch in _LIST_SEPS for ch in p.text.strip())


def _split_list(lead: Lead) -> list[Lead]:
    """少建一个或已建但未达标的 → (少建一个) (已建但未达标的): a lead split at 、/和/或/及 in its words."""
    parts: list[list[Any]] = [[]]
    for p in lead:
        if not isinstance(p, PText):
            parts[-1].append(p)
            continue
        start = p.span[0]
        piece = ""
        for i, ch in enumerate(p.text):
            if ch in _LIST_SEPS:
                if piece:
                    parts[-1].append(PText(piece, (start, p.span[0] + i)))
                parts.append([])
                piece, start = "", p.span[0] + i + 1
            else:
                piece += ch
        if piece:
            parts[-1].append(PText(piece, (start, p.span[1])))
    return [tuple(x) for x in parts if x]


def _is_negated(text: str) -> bool:
    return text.startswith(_NEGATIONS) or any(w in text for w in _NEGATED_PHRASES)


def _crossing(a: Range, b: Range) -> bool:
    """Each band holds values the other does not, and they share more than an end."""
    edges = [e for e in (a.low, a.high, b.low, b.high) if e is not None]
    if len({e.value.unit.lstrip("个") for e in edges}) > 1:
        return False  # different quantities: no common axis
    inf = Decimal("Infinity")
    a_lo = a.low.value.value if a.low else -inf
    a_hi = a.high.value.value if a.high else inf
    b_lo = b.low.value.value if b.low else -inf
    b_hi = b.high.value.value if b.high else inf
    shared = min(a_hi, b_hi) - max(a_lo, b_lo)
    nested = (a_lo <= b_lo and b_hi <= a_hi) or (b_lo <= a_lo and a_hi <= b_hi)
    return shared > 0 and not nested


def _all_clear(r: Range) -> bool:
    """合规率100% / 准确率达100% / 0例: a band that holds exactly when nothing went wrong."""
    edge = r.low if r.low is not None else r.high
    if edge is None or (r.low is not None and r.high is not None and r.low.value != r.high.value):
        return False
    q = edge.value
    return (q.unit == "%" and q.value == 100 and r.high is None) or (q.value == 0 and r.low is None)
