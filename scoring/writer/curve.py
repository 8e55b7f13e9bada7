"""Score curves: what every outcome scores under a rule.

``table(rule, target=…, weight=…)`` evaluates the rule (with ``scoring.evaluate``, so the
numbers are the ones a real evaluation gives) at a sensible set of outcomes: every band edge
and the outcome just beside it, every step of a deduction down to the floor, the target, and
the point where the score reaches 0. ``plot(curve, path)`` draws score against outcome with
the edges and the target marked, as SVG or PNG (matplotlib, the ``plot`` extra) or as clean
hand-written SVG when matplotlib is not installed.

The outcome axis is what a person types in the 实际完成值 column: a rate in %, an amount in
the row's unit (万元), or a count of events for rules that count them (每发现一例…). Band
conditions on a deviation (偏离≤5%) or on a ratio (完成指标值的90%以上) are converted to that
axis through the target; ``Axis`` holds the conversion, and ``scoring.check`` reuses it to
find gaps and overlaps by interval.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from decimal import ROUND_CEILING, Decimal
from pathlib import Path
from typing import Any

from attrs import frozen

from ..api import evaluate, parse
from ..errors import ScoringError
from ..reading.values import comparator as parse_comparator
from ..reading.values import parse_value, to_decimal
from ..rules.nodes import (
    Award,
    Composite,
    Condition,
    Deduction,
    Direction,
    Formula,
    FullMarks,
    Measure,
    Node,
    Op,
    PercentBasis,
    Points,
    Quantity,
    Range,
    Rule,
    StepKind,
    TargetMet,
    Veto,
)
from ..rules.render import number
from ..scores.evaluate import _award_op as award_op
from ..text.numbers import split_unit

__all__ = ["Axis", "Curve", "Interval", "Point", "axis", "plot", "table", "text_table"]

ZERO = Decimal(0)
HUNDRED = Decimal(100)
_RATE_UNITS = ("%", "％", "百分比", "百分率")
_COUNT_UNITS = (
    "人", "人次", "次", "例", "项", "件", "起", "处", "份", "场", "篇", "台", "家", "个", "种", "名", "位", "季度",
)  # fmt: skip


# ------------------------------------------------------------------ intervals


@frozen
class Interval:
    """An interval of outcomes; ``None`` ends are unbounded."""

    lo: Decimal | None
    lo_inc: bool
    hi: Decimal | None
    hi_inc: bool

    @property
    def empty(self) -> bool:
        if self.lo is None or self.hi is None:
            return False
        if self.lo > self.hi:
            return True
        return self.lo == self.hi and not (self.lo_inc and self.hi_inc)

    def contains(self, x: Decimal) -> bool:
        if self.lo is not None and (x < self.lo or (x == self.lo and not self.lo_inc)):
            return False
        return not (self.hi is not None and (x > self.hi or (x == self.hi and not self.hi_inc)))

    def intersect(self, other: Interval) -> Interval:
        lo, lo_inc = self.lo, self.lo_inc
        if other.lo is not None and (lo is None or other.lo > lo or (other.lo == lo and not other.lo_inc)):
            lo, lo_inc = other.lo, other.lo_inc
        hi, hi_inc = self.hi, self.hi_inc
        if other.hi is not None and (hi is None or other.hi < hi or (other.hi == hi and not other.hi_inc)):
            hi, hi_inc = other.hi, other.hi_inc
        return Interval(lo, lo_inc, hi, hi_inc)

    def minus(self, other: Interval) -> list[Interval]:
        if self.intersect(other).empty:
            return [self]
        out = []
        if other.lo is not None:
            left = self.intersect(Interval(None, False, other.lo, not other.lo_inc))
            if not left.empty:
                out.append(left)
        if other.hi is not None:
            right = self.intersect(Interval(other.hi, not other.hi_inc, None, False))
            if not right.empty:
                out.append(right)
        return out

    def has_integer(self) -> bool:
        if self.empty:
            return False
        if self.lo is None or self.hi is None:
            return True
        first = self.lo.to_integral_value(rounding=ROUND_CEILING)
        if first == self.lo and not self.lo_inc:
            first += 1
        return self.contains(first)

    def text(self, name: str = "实际值", unit: str = "") -> str:
        """75%≤实际值<90% · 实际值>30% · 实际值=0."""
        if self.lo is not None and self.hi is not None and self.lo == self.hi:
            return f"{name}={number(self.lo)}{unit}"
        out = ""
        if self.lo is not None:
            out += f"{number(self.lo)}{unit}{'≤' if self.lo_inc else '<'}"
        out += name
        if self.hi is not None:
            out += f"{'≤' if self.hi_inc else '<'}{number(self.hi)}{unit}"
        return out if (self.lo is not None or self.hi is not None) else f"任意{name}"


def subtract(parts: Iterable[Interval], cut: Interval) -> list[Interval]:
    out: list[Interval] = []
    for p in parts:
        out.extend(p.minus(cut))
    return out


# ------------------------------------------------------------------ the outcome axis


@frozen
class Axis:
    """How outcomes are typed for a rule, and how its conditions map onto them.

    ``kind``: "value" (a number: rate, amount), "count" (events counted by the rule), or
    "label" (worded outcomes only: 是/否, grade labels). ``percent``: the outcome is typed
    with %. ``scale``: the multiplier of the row's unit (万元 → 10000) between the base units
    of the rule's quantities and the typed number. ``target``: the target on the axis.
    ``better``: "higher", "lower", "target" (closest to the target) or None when unknown.
    """

    kind: str
    percent: bool = False
    unit: str = ""
    scale: Decimal = Decimal(1)
    target: Decimal | None = None
    op: Op | None = None
    better: str | None = None
    integral: bool = False
    domain: Interval = Interval(ZERO, True, None, False)

    def typed(self, x: Decimal) -> str:
        """The outcome as a person types it: 85% · 27 (the row's unit applies) · 3."""
        s = number(x)
        if self.percent and not self.unit:
            return s + "%"
        return s

    def show(self, x: Decimal) -> str:
        if self.percent:
            return number(x) + "%"
        return number(x) + self.unit

    @property
    def name(self) -> str:
        return "次数" if self.kind == "count" else "实际值"


def _rule_of(node: Node) -> Rule:
    if isinstance(node, Composite):
        raise ScoringError("分项规则（①②…）各项分别计分，请对单项作曲线（--item N）")
    return node


def _awards_op(rule: Rule) -> Op | None:
    """The direction the full-marks clause states (the evaluator's own reading)."""
    return award_op(rule)


def _is_count_rule(rule: Rule) -> bool:
    """A rule whose input is a number of events: event deductions and no numeric band or step."""
    counts = any(isinstance(c, Deduction) and c.kind is not StepKind.DISTANCE for c in rule.clauses)
    numeric = any(isinstance(c, Deduction) and c.kind is StepKind.DISTANCE for c in rule.clauses) or any(
        isinstance(a.condition, Range) and not isinstance(a.outcome, (FullMarks,)) for a in rule.awards
    )
    return counts and not numeric


def _is_numeric(rule: Rule) -> bool:
    return (
        any(isinstance(a.condition, Range) for a in rule.awards)
        or any(isinstance(c, Deduction) and c.kind is StepKind.DISTANCE for c in rule.clauses)
        or rule.proportional is not None
        or any(isinstance(a.outcome, Formula) for a in rule.awards)
        or any(isinstance(v.condition, Range) for v in rule.vetoes)
    )


def _edge_units(rule: Rule) -> set[str]:
    out = set()
    for c in rule.clauses:
        if isinstance(c, (Award, Veto)) and isinstance(c.condition, Range):
            for e in (c.condition.low, c.condition.high):
                if e is not None:
                    out.add("%" if e.value.is_percent else e.value.unit)
        if isinstance(c, Deduction) and c.kind is StepKind.DISTANCE and c.step is not None:
            out.add("%" if c.step.is_percent and c.basis is not PercentBasis.RELATIVE else c.step.unit)
    return out


def axis(node: Node, *, target: Any = None, comparator: str | None = None, unit: str | None = None) -> Axis:
    """The outcome axis of a rule for a row with this target, comparator and unit."""
    rule = _rule_of(node)
    u = (unit or "").strip()
    if u in ("无", "-", "—", "定性", "定量"):
        u = ""
    tv = parse_value(str(target), u or None) if target is not None and str(target).strip() else None
    op = parse_comparator(comparator) if comparator else None
    if op is None and tv is not None:
        op = tv.op
    if _is_count_rule(rule):
        units = {d.step.unit for d in rule.deductions if d.step is not None and d.kind is StepKind.EVENTS}
        return Axis("count", unit=units.pop() if len(units) == 1 else "次", op=op, better="lower", integral=True)
    if not _is_numeric(rule):
        return Axis("label", op=op)
    percent = u in _RATE_UNITS or (tv is not None and tv.quantity.is_percent)
    if not u and tv is None:
        percent = "%" in _edge_units(rule)
    mult, _base = split_unit(u) if u and not percent else (Decimal(1), u)
    t: Decimal | None = None
    if tv is not None:
        t = tv.quantity.value if tv.quantity.is_percent else tv.quantity.value / mult
    better: str | None = None
    if op in (Op.GE, Op.GT):
        better = "higher"
    elif op in (Op.LE, Op.LT):
        better = "lower"
    elif op is Op.EQ:
        better = "target"
    else:
        aop = _awards_op(rule)
        dirs = {d.direction for d in rule.deductions if d.kind is StepKind.DISTANCE}
        if aop is Op.GE or dirs == {Direction.SHORTFALL}:
            better = "higher"
        elif aop is Op.LE or dirs == {Direction.EXCESS}:
            better = "lower"
    display_unit = "" if percent else u
    integral = (not percent) and (
        u in _COUNT_UNITS or (not u and _edge_units(rule) <= set(_COUNT_UNITS) and bool(_edge_units(rule)))
    )
    domain = Interval(ZERO, True, None, False)
    if percent and _capped_rate(rule):
        domain = Interval(ZERO, True, HUNDRED, True)
    return Axis("value", percent, display_unit, mult, t, op, better, integral, domain)


def _capped_rate(rule: Rule) -> bool:
    """A rate that cannot pass 100% (满意度, 合格率): every band is on the value itself, no edge
    above 100%, and nothing says 完成/执行/增长 (completion rates can pass 100%)."""
    ranges = [c.condition for c in rule.clauses if isinstance(c, (Award, Veto)) and isinstance(c.condition, Range)]
    if any(r.measure is not Measure.VALUE for r in ranges):
        return False
    if any(d.kind is StepKind.DISTANCE and d.measure is not Measure.VALUE for d in rule.deductions):
        return False
    if any(w in r.subject for r in ranges for w in ("完成", "执行", "增长", "使用率", "比例")):
        return False
    edges = _values_of(rule)
    return not edges or max(edges) <= HUNDRED


def _values_of(rule: Rule) -> list[Decimal]:
    out = []
    for c in rule.clauses:
        if isinstance(c, (Award, Veto)) and isinstance(c.condition, Range) and c.condition.measure is Measure.VALUE:
            for e in (c.condition.low, c.condition.high):
                if e is not None and e.value.is_percent:
                    out.append(e.value.value)
    return out


# ------------------------------------------------------------------ conditions on the axis


def _to_axis(q: Quantity, ax: Axis) -> Decimal | None:
    """A VALUE edge on the axis: a % edge on an amount axis is a completion rate of the target."""
    if q.is_percent:
        if ax.percent:
            return q.value
        if ax.target is None:
            return None
        return ax.target * q.value / HUNDRED
    if ax.percent and q.unit not in ("", "分"):
        return None
    return q.value / ax.scale if q.unit not in ("", "分") else q.value


def _deviation_direction(ax: Axis) -> Direction:
    if ax.op in (Op.GE, Op.GT):
        return Direction.SHORTFALL
    if ax.op in (Op.LE, Op.LT):
        return Direction.EXCESS
    return Direction.BOTH


def condition_intervals(c: Condition | None, ax: Axis, *, events: bool = False) -> list[Interval] | None:
    """The outcomes (on the axis) a condition holds for; None when they cannot be known."""
    if c is None:
        return [Interval(None, False, None, False)]
    if isinstance(c, TargetMet):
        if ax.kind == "count" or events:
            met = Interval(ZERO, True, ZERO, True)
            return [Interval(ZERO, False, None, False)] if c.negated else [met]
        if ax.target is None:
            return None
        op = ax.op or Op.GE
        t = ax.target
        met_iv = {
            Op.GE: [Interval(t, True, None, False)], Op.GT: [Interval(t, False, None, False)],
            Op.LE: [Interval(None, False, t, True)], Op.LT: [Interval(None, False, t, False)],
            Op.EQ: [Interval(t, True, t, True)],
        }[op]  # fmt: skip
        if not c.negated:
            return met_iv
        return subtract([Interval(None, False, None, False)], met_iv[0])
    if not isinstance(c, Range):
        return None
    if c.measure is Measure.VALUE:
        lo = _to_axis(c.low.value, ax) if c.low is not None else None
        hi = _to_axis(c.high.value, ax) if c.high is not None else None
        if (c.low is not None and lo is None) or (c.high is not None and hi is None):
            return None
        return [Interval(lo, c.low.inclusive if c.low else False, hi, c.high.inclusive if c.high else False)]
    if ax.target is None or ax.target == 0:
        return None
    t = ax.target
    if c.measure is Measure.RATIO:
        lo = t * c.low.value.value / HUNDRED if c.low is not None else None
        hi = t * c.high.value.value / HUNDRED if c.high is not None else None
        return [Interval(lo, c.low.inclusive if c.low else False, hi, c.high.inclusive if c.high else False)]
    # deviation: |x − t| / t in %, on the side(s) the comparator counts
    d = Interval(
        c.low.value.value if c.low else None, c.low.inclusive if c.low else False,
        c.high.value.value if c.high else None, c.high.inclusive if c.high else False,
    )  # fmt: skip
    direction = _deviation_direction(ax)
    out: list[Interval] = []
    span = abs(t) / HUNDRED
    up = Interval(
        t + d.lo * span if d.lo is not None else None, d.lo_inc if d.lo is not None else False,
        t + d.hi * span if d.hi is not None else None, d.hi_inc,
    )  # fmt: skip
    down = Interval(
        t - d.hi * span if d.hi is not None else None, d.hi_inc,
        t - d.lo * span if d.lo is not None else None, d.lo_inc if d.lo is not None else False,
    )  # fmt: skip
    zero_in = d.contains(ZERO)
    if direction is Direction.EXCESS:
        out.append(up.intersect(Interval(t, False, None, False)))
        if zero_in:
            out.append(Interval(None, False, t, True))
    elif direction is Direction.SHORTFALL:
        out.append(down.intersect(Interval(None, False, t, False)))
        if zero_in:
            out.append(Interval(t, True, None, False))
    else:
        out.append(up.intersect(Interval(t, True, None, False)))
        out.append(down.intersect(Interval(None, False, t, True)))
    return [i for i in out if not i.empty]


# ------------------------------------------------------------------ sample outcomes


def _refs(rule: Rule, ax: Axis) -> list[tuple[Decimal, str]]:
    """Edges of bands on the axis, with a label."""
    out: list[tuple[Decimal, str]] = []
    events = ax.kind == "count"
    for c in rule.clauses:
        if isinstance(c, (Award, Veto)) and c.condition is not None:
            ivs = condition_intervals(c.condition, ax, events=events) or []
            for iv in ivs:
                for v in (iv.lo, iv.hi):
                    if v is not None:
                        out.append((v, "边界"))
    return out


def _reference(rule: Rule, d: Deduction, ax: Axis) -> Decimal | None:
    if d.start is not None:
        return _to_axis(d.start.value, ax)
    for a in rule.awards:
        c = a.condition
        if isinstance(c, Range) and c.measure is Measure.VALUE and isinstance(a.outcome, (FullMarks, Points)):
            edge = c.low if c.low is not None else c.high
            if edge is not None:
                return _to_axis(edge.value, ax)
    return ax.target


def _step_on_axis(d: Deduction, ax: Axis, ref: Decimal) -> Decimal | None:
    if d.step is None or d.step.value <= 0:
        return None
    s = d.step
    if d.measure is Measure.DEVIATION or (s.is_percent and (d.basis is PercentBasis.RELATIVE or not ax.percent)):
        base = ax.target if ax.target is not None else ref
        if not s.is_percent:
            return s.value / ax.scale
        return abs(base) * s.value / HUNDRED if base else None
    if s.is_percent:
        return s.value
    return s.value / ax.scale if s.unit not in ("", "分") else s.value


def _steps(rule: Rule, ax: Axis, weight: Decimal, limit: int = 60) -> list[tuple[Decimal, str]]:
    out: list[tuple[Decimal, str]] = []
    for d in rule.deductions:
        if ax.kind == "count":
            step = d.step.value if d.step is not None and d.kind is StepKind.EVENTS else Decimal(1)
            per = d.points if isinstance(d.points, Decimal) and d.points > 0 else Decimal(1)
            n = min(limit, int((weight / per).to_integral_value(rounding=ROUND_CEILING)) + 1)
            out.extend((step * k, "") for k in range(0, n + 1))
            continue
        if d.kind is not StepKind.DISTANCE:
            continue
        ref = _reference(rule, d, ax)
        if ref is None:
            continue
        size = _step_on_axis(d, ax, ref)
        if size is None:
            continue
        per = d.points if isinstance(d.points, Decimal) and d.points > 0 else Decimal(1)
        n = min(limit, int((weight / per).to_integral_value(rounding=ROUND_CEILING)) + 1)
        signs = []
        direction = d.direction
        if direction is None:
            direction = {"higher": Direction.SHORTFALL, "lower": Direction.EXCESS}.get(ax.better or "", Direction.BOTH)
        if direction in (Direction.SHORTFALL, Direction.BOTH):
            signs.append(-1)
        if direction in (Direction.EXCESS, Direction.BOTH):
            signs.append(1)
        for sign in signs:
            for k in range(1, n + 1):
                out.append((ref + sign * size * k, f"第{k}档"))
        out.append((ref, "扣分起点"))
    return out


@frozen
class Point:
    """One row of a score table: the outcome, its score (None: the rule cannot score it) and why it is listed."""

    x: Decimal
    score: Decimal | None
    label: str = ""
    explanation: str = ""
    error: str = ""
    dense: bool = False  # an evenly spaced outcome added for the plot, not a mark of the rule


@frozen
class Curve:
    """A rule's scores at chosen outcomes, with the axis and the marks of a plot."""

    axis: Axis
    weight: Decimal
    points: tuple[Point, ...]
    edges: tuple[Decimal, ...]
    target: Decimal | None
    labels: tuple[tuple[str, Decimal | None], ...] = ()  # worded outcomes (是/否, grades) and their scores


def _outcomes(rule: Rule, ax: Axis, weight: Decimal, lo: Decimal | None, hi: Decimal | None) -> dict[Decimal, str]:
    marks: dict[Decimal, str] = {}

    def add(x: Decimal, label: str) -> None:
        if x < 0 and ax.domain.lo is not None:
            return
        if ax.domain.hi is not None and x > ax.domain.hi:
            return
        if (lo is not None and x < lo) or (hi is not None and x > hi):
            return
        have = marks.get(x, "")
        if label and label not in have.split("、"):
            marks[x] = f"{have}、{label}" if have else label
        else:
            marks.setdefault(x, have)

    edges = _refs(rule, ax)
    eps = Decimal("0.01") if not ax.integral else Decimal(1)
    for v, label in edges:
        add(v, label)
        add(v - eps, "")
        add(v + eps, "")
    for v, label in _steps(rule, ax, weight):
        add(v, label)
    if ax.target is not None:
        add(ax.target, "指标值")
    add(ZERO, "")
    if ax.percent and ax.domain.hi is not None:
        add(ax.domain.hi, "")
    if lo is not None:
        add(lo, "")
    if hi is not None:
        add(hi, "")
    elif ax.domain.hi is None and ax.kind == "value" and marks:
        # beyond the last edge: where the last band (or the steps) lead
        top, bottom = max(marks), min(marks)
        add(top + max((top - bottom) / 4, Decimal(1)), "")
    if ax.kind == "value" and not any(True for _ in edges) and not _steps(rule, ax, weight) and ax.target is not None:
        for k in range(0, 11):
            add(ax.target * k / 5, "")
    return marks


def _dense(xs: Sequence[Decimal], n: int, integral: bool) -> list[Decimal]:
    if len(xs) < 2:
        return []
    a, b = min(xs), max(xs)
    if a == b:
        return []
    out = []
    for k in range(1, n):
        x = a + (b - a) * k / n
        if integral:
            x = x.to_integral_value()
        else:
            x = x.quantize(Decimal("0.0001")).normalize()
        out.append(x)
    return out


def table(
    node: Node,
    *,
    target: Any = None,
    weight: Any = None,
    comparator: str | None = None,
    unit: str | None = None,
    lo: Any = None,
    hi: Any = None,
    dense: int = 0,
    **options: Any,
) -> Curve:
    """Score the rule at its edges, steps, target and floor (and ``dense`` evenly spaced outcomes).

    ``lo``/``hi`` bound the outcomes (on the axis: 80 means 80% on a rate axis). Raises
    ScoringError for a composite rule (score one item at a time) and for bad values.
    """
    rule = _rule_of(parse(node) if isinstance(node, str) else node)
    w = to_decimal(weight, "weight") if weight is not None else _stated_max(rule)
    ax = axis(rule, target=target, comparator=comparator, unit=unit)
    lo_d = to_decimal(str(lo), "--from") if lo is not None else None
    hi_d = to_decimal(str(hi), "--to") if hi is not None else None

    def score(actual: Any) -> tuple[Decimal | None, str, str]:
        try:
            s = evaluate(rule, actual, target=target, weight=w, comparator=comparator, unit=unit, **options)
        except ScoringError as e:
            return None, "", str(e).splitlines()[0]
        return s.points, s.explanation, ""

    if ax.kind == "label":
        labels = _labels(rule)
        rows = tuple((lab, score(lab)[0]) for lab in labels)
        return Curve(ax, w, (), (), None, rows)
    marks = _outcomes(rule, ax, w, lo_d, hi_d)
    xs = sorted(marks)
    extra = {x for x in _dense(xs, dense, ax.integral) if x not in marks}
    points = []
    for x in sorted(set(marks) | extra):
        if x < 0:
            continue
        s, why, err = score(ax.typed(x))
        points.append(Point(x, s, marks.get(x, ""), why, err, x in extra))
    points = _mark_floor(points, ax)
    edges = sorted({v for v, _ in _refs(rule, ax) if (lo_d is None or v >= lo_d) and (hi_d is None or v <= hi_d)})
    return Curve(ax, w, tuple(points), tuple(edges), ax.target)


def _mark_floor(points: list[Point], ax: Axis) -> list[Point]:
    """Label the outcome where the score first reaches 0, walking from the better end."""
    order = list(range(len(points)))
    if ax.better == "higher":
        order.reverse()
    elif ax.better not in ("lower",):
        return points
    seen_positive = False
    for i in order:
        p = points[i]
        if p.score is None:
            continue
        if p.score > 0:
            seen_positive = True
        elif seen_positive:
            label = f"{p.label}、得分降为0" if p.label else "得分降为0"
            points[i] = Point(p.x, p.score, label, p.explanation, p.error, p.dense)
            break
    return points


def _labels(rule: Rule) -> list[str]:
    out = ["是", "否"]
    for a in rule.awards:
        c = a.condition
        text = getattr(c, "text", "")
        if text and text not in out and not isinstance(c, TargetMet):
            out.append(text)
    return out


def _stated_max(rule: Rule) -> Decimal:
    best = ZERO
    for a in rule.awards:
        if isinstance(a.outcome, Points):
            best = max(best, a.outcome.value)
    return best if best > 0 else Decimal(100)


# ------------------------------------------------------------------ output


def text_table(curve: Curve, *, all_points: bool = False) -> str:
    """The score table as aligned text: outcome, score, why it is listed."""
    from ..errors import display_width

    rows: list[tuple[str, str, str]] = []
    if curve.labels:
        rows = [(lab, "-" if s is None else number(s), "") for lab, s in curve.labels]
        head = ("实际值", "得分", "")
    else:
        head = (curve.axis.name, "得分", "说明")
        last: Decimal | str | None = "none"
        for p in curve.points:
            if p.dense and not all_points:
                continue
            changed = p.score != last
            last = p.score
            steps_only = all(part.startswith("第") for part in p.label.split("、")) if p.label else True
            if not all_points and steps_only and not changed:
                continue
            rows.append((curve.axis.show(p.x), "-" if p.score is None else f"{p.score}", p.label or p.error))
    widths = [max(display_width(r[i]) for r in [head, *rows]) for i in range(3)]

    def line(r: tuple[str, str, str]) -> str:
        cells = [r[i] + " " * (widths[i] - display_width(r[i])) for i in range(3)]
        return "  ".join(cells).rstrip()

    return "\n".join([line(head), *(line(r) for r in rows)])


def plot(curve: Curve, path: str | Path, *, title: str = "", engine: str = "auto") -> Path:
    """Draw score against outcome (steps and jumps as drawn by the evaluator), band edges as
    dotted lines and the target as a dashed line; ``.svg`` or ``.png``. ``engine``: "auto"
    (matplotlib when installed, else hand-written SVG), "matplotlib" or "svg"."""
    p = Path(path)
    if curve.labels or not curve.points:
        raise ScoringError("这条规则的实际值是文字（是/否、等级），没有可画的曲线；见得分表")
    if p.suffix.lower() not in (".svg", ".png"):
        raise ScoringError(f"图片格式应为 .svg 或 .png，而不是“{p.suffix or p.name}”")
    use_mpl = engine == "matplotlib"
    if engine == "auto":
        try:
            import matplotlib  # noqa: F401

            use_mpl = True
        except ImportError:
            use_mpl = False
    if p.suffix.lower() == ".png" and not use_mpl:
        raise ScoringError("画 PNG 需要 matplotlib（pip install 'scoring[plot]'），或改用 .svg")
    if use_mpl:
        _plot_mpl(curve, p, title)
    else:
        p.write_text(svg(curve, title=title), encoding="utf-8")
    return p


def _series(curve: Curve) -> list[list[tuple[float, float]]]:
    """Runs of scored points; a run breaks where the rule cannot score."""
    runs: list[list[tuple[float, float]]] = [[]]
    for pt in curve.points:
        if pt.score is None:
            if runs[-1]:
                runs.append([])
            continue
        runs[-1].append((float(pt.x), float(pt.score)))
    return [r for r in runs if r]


def _cjk_font() -> list[str]:
    """Installed fonts that have Chinese glyphs (matplotlib's cache may predate them: look on disk too)."""
    import re as _re

    from matplotlib import font_manager

    wanted = ("Noto Sans CJK SC", "Noto Sans CJK JP", "Source Han Sans SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei",
              "SimHei", "Microsoft YaHei", "PingFang SC", "Heiti SC", "AR PL UMing CN", "Droid Sans Fallback")  # fmt: skip
    names = {f.name for f in font_manager.fontManager.ttflist}
    if not any(n in names for n in wanted):
        pattern = _re.compile(r"cjk|wqy|wenquanyi|droidsansfallback|simhei|msyh|pingfang|sourcehan|uming", _re.I)
        for path in font_manager.findSystemFonts():
            if pattern.search(path):
                try:
                    font_manager.fontManager.addfont(path)
                except (OSError, RuntimeError, ValueError):
                    continue
        names = {f.name for f in font_manager.fontManager.ttflist}
    return [n for n in wanted if n in names]


def _plot_mpl(curve: Curve, path: Path, title: str) -> None:
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    fonts = _cjk_font()
    cjk = bool(fonts)
    rc: Any = {"font.sans-serif": [*fonts, "DejaVu Sans"], "axes.unicode_minus": False} if cjk else {}
    ax_ = curve.axis
    xlabel = ("实际值" if cjk else "outcome") + (" (%)" if ax_.percent else f" ({ax_.unit})" if ax_.unit else "")
    if ax_.kind == "count":
        xlabel = "次数" if cjk else "count"
    with plt.rc_context(rc):
        fig, ax = plt.subplots(figsize=(7.5, 4.2), dpi=120)
        for run in _series(curve):
            xs, ys = zip(*run, strict=True)
            ax.plot(xs, ys, color="#1f5fa8", linewidth=1.8)
        marked = [(float(p.x), float(p.score)) for p in curve.points if p.score is not None and p.label]
        if marked:
            mx, my = zip(*marked, strict=True)
            ax.plot(mx, my, linestyle="none", marker="o", markersize=3.5, color="#1f5fa8")
        for e in curve.edges:
            ax.axvline(float(e), color="#888888", linestyle=":", linewidth=1)
        if curve.target is not None:
            ax.axvline(float(curve.target), color="#c0392b", linestyle="--", linewidth=1.2,
                       label=("指标值 " if cjk else "target ") + ax_.show(curve.target))  # fmt: skip
            ax.legend(loc="best", fontsize=9, frameon=False)
        ax.axhline(float(curve.weight), color="#2e8b57", linestyle="-", linewidth=0.6, alpha=0.6)
        ax.set_ylim(-0.05 * float(curve.weight), float(curve.weight) * 1.08)
        ax.set_xlabel(xlabel)
        ax.set_ylabel("得分" if cjk else "score")
        if title and (cjk or title.isascii()):
            ax.set_title(title, fontsize=10)
        ax.grid(True, alpha=0.25)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        fig.tight_layout()
        fig.savefig(path)
        plt.close(fig)


def svg(curve: Curve, *, title: str = "", width: int = 640, height: int = 360) -> str:
    """The curve as a self-contained SVG document, written by hand (no dependencies)."""
    pts = [p for p in curve.points if p.score is not None]
    xs = [float(p.x) for p in curve.points] or [0.0, 1.0]
    x0, x1 = min(xs), max(xs)
    if x1 == x0:
        x1 = x0 + 1
    w = float(curve.weight) or 1.0
    left, right, top, bottom = 56, 16, 30 if title else 14, 40
    pw, ph = width - left - right, height - top - bottom

    def X(x: float) -> float:
        return left + (x - x0) / (x1 - x0) * pw

    def Y(y: float) -> float:
        return top + ph - (y / (w * 1.08)) * ph

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        'font-family="Noto Sans CJK SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, sans-serif" font-size="11">',
        f'<rect width="{width}" height="{height}" fill="white"/>',
    ]
    if title:
        out.append(f'<text x="{width / 2:.1f}" y="18" text-anchor="middle" font-size="13">{_esc(title)}</text>')
    out.append(f'<line x1="{left}" y1="{top + ph}" x2="{left + pw}" y2="{top + ph}" stroke="#333"/>')
    out.append(f'<line x1="{left}" y1="{top}" x2="{left}" y2="{top + ph}" stroke="#333"/>')
    for k in range(0, 5):
        yv = w * k / 4
        y = Y(yv)
        out.append(f'<line x1="{left}" y1="{y:.1f}" x2="{left + pw}" y2="{y:.1f}" stroke="#eee"/>')
        out.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{_fmt_tick(yv)}</text>')
    for k in range(0, 6):
        xv = x0 + (x1 - x0) * k / 5
        x = X(xv)
        out.append(f'<text x="{x:.1f}" y="{top + ph + 16}" text-anchor="middle">{_fmt_tick(xv)}</text>')
    for e in curve.edges:
        x = X(float(e))
        out.append(f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{top + ph}" stroke="#999" stroke-dasharray="2,3"/>')
    if curve.target is not None:
        x = X(float(curve.target))
        out.append(
            f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{top + ph}" stroke="#c0392b" stroke-dasharray="6,4"/>'
        )
        out.append(
            f'<text x="{x + 4:.1f}" y="{top + 12}" fill="#c0392b">指标值 {_esc(curve.axis.show(curve.target))}</text>'
        )
    for run in _series(curve):
        d = " ".join(f"{X(a):.1f},{Y(b):.1f}" for a, b in run)
        out.append(f'<polyline points="{d}" fill="none" stroke="#1f5fa8" stroke-width="1.8"/>')
    for p in pts:
        out.append(f'<circle cx="{X(float(p.x)):.1f}" cy="{Y(float(p.score or 0)):.1f}" r="1.8" fill="#1f5fa8"/>')
    unit = " (%)" if curve.axis.percent else f" ({curve.axis.unit})" if curve.axis.unit else ""
    out.append(
        f'<text x="{left + pw / 2:.1f}" y="{height - 6}" text-anchor="middle">{curve.axis.name}{_esc(unit)}</text>'
    )
    out.append(
        f'<text x="14" y="{top + ph / 2:.1f}" text-anchor="middle" transform="rotate(-90 14 {top + ph / 2:.1f})">得分</text>'
    )
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _fmt_tick(v: float) -> str:
    if math.isclose(v, round(v), abs_tol=1e-9):
        return str(round(v))
    return f"{v:.2f}".rstrip("0").rstrip(".")


def _esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
