"""Small readings the assembler shares: clause segments, lists split at 、/和/或, negation, the order
of outcomes, and how two bands relate (crossing, all clear). Pure functions of phrases and nodes."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs

from .lexicon import words
from .nodes import (
    Award,
    BinOp,
    Edge,
    Formula,
    FullMarks,
    Num,
    Outcome,
    Points,
    Range,
    ShareOfWeight,
    Var,
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


def at_whole_rate(r: Range | None) -> bool:
    """合规率100% / 准确率达100%: a band that holds exactly at the whole rate (≥ 100%), the line a rule
    that counts the cases falling short of it states (TargetMet.requirement)."""
    return r is not None and r.high is None and r.low is not None and r.low.value.unit == "%" and r.low.value.value == 100


def _covered_outside(p: Range, bands: list[Range]) -> bool:
    """低于95%的按比例得分 beside 95%以上得满分: every value outside ``p`` lies in one of ``bands`` (all on
    the measure and unit of ``p``), so that the rule's fallback (按比例, where no band holds) applies
    only inside ``p``: its condition restates what the other bands leave."""
    units = {e.value.unit for r in (p, *bands) for e in (r.low, r.high) if e is not None}
    if len(units) > 1 or any(r.measure is not p.measure for r in bands):
        return False
    stretches: list[tuple[Edge | None, Edge | None]] = []
    if p.low is not None:
        stretches.append((None, Edge(p.low.value, not p.low.inclusive)))
    if p.high is not None:
        stretches.append((Edge(p.high.value, not p.high.inclusive), None))
    return all(_covers(lo, hi, bands) for lo, hi in stretches)


def _covers(lo: Edge | None, hi: Edge | None, bands: list[Range]) -> bool:
    """The stretch from ``lo`` to ``hi`` (None: unbounded) lies within the union of ``bands``."""

    def starts_by(b: Range, at: Edge | None) -> bool:  # b holds the first value still to cover
        if b.low is None:
            return True
        if at is None:
            return False
        v, w = b.low.value.value, at.value.value
        return v < w or (v == w and (b.low.inclusive or not at.inclusive))

    def past(at: Edge | None) -> bool:  # nothing of the stretch is left from ``at`` on
        if at is None or hi is None:
            return False
        v, h = at.value.value, hi.value.value
        return v > h or (v == h and not (at.inclusive and hi.inclusive))

    def place(e: Edge) -> tuple[Decimal, bool]:  # the values from e on: e included, or only above it
        return (e.value.value, not e.inclusive)

    at = lo  # the values still to cover start here (inclusive or not); None: from -infinity
    while not past(at):
        ends = [Edge(b.high.value, not b.high.inclusive) if b.high is not None else None
                for b in bands if starts_by(b, at)]  # fmt: skip
        if None in ends:
            return True  # a band that holds from here on, without end
        ahead = [e for e in ends if e is not None and (at is None or place(e) > place(at))]
        if not ahead:
            return False
        at = max(ahead, key=place)
    return True


def formula_vars(expr: object) -> tuple[str, ...]:
    """The names of a formula (Var nodes), each once, left to right: 实际完成值/计划值×分值 →
    (实际完成值, 计划值, 分值). One walk for the readers that ask (scales.formula_names, the aggregation
    refusal, whose score a formula is)."""
    names: list[str] = []
    stack = [expr]
    while stack:
        e = stack.pop()
        name = getattr(e, "name", None)
        if isinstance(name, str):
            if name not in names:
                names.append(name)
        else:
            stack.extend(x for x in (getattr(e, "right", None), getattr(e, "left", None)) if x is not None)
    return tuple(names)


def deducts(a: Award) -> bool:
    """A band that deducts (90%以下扣2分, read as 得分=指标分值-2: semantics §71, §83)."""
    o = a.outcome
    return (isinstance(o, Formula) and isinstance(o.expr, BinOp) and o.expr.op == "-"
            and o.expr.left == Var("指标分值") and isinstance(o.expr.right, Num))  # fmt: skip


_TIED_WORDS = ("完成", "达到", "达成", "达标", "实现")


def ties_to_target(text: str) -> bool:
    """完成 / 全部完成年度目标 / 未达到 / 达不到: a worded condition that says the target is (not)
    reached, so that a number answers it by the comparator (domain point 20)."""
    core = text
    for w in ("尚未", "没有", "未", "不", "全部", "均", "已", "年度", "绩效", "目标", "任务", "指标", "值", "的", "了"):
        core = core.replace(w, "")
    return core in _TIED_WORDS
