"""The outcome axis of a rule, and the intervals of it that each condition covers.

The axis is what a person types in the 实际完成值 column: a rate in %, an amount in the row's
unit (万元), or a count of events for rules that count them (每发现一例…). Band conditions on a
deviation (偏离≤5%) or on a ratio (完成指标值的90%以上) are converted to that axis through the
target; ``Axis`` holds the conversion. The score curve (curve.py) samples along it, and the
checks (check.py) find gaps and overlaps by interval on it.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_CEILING, Decimal
from typing import Any

from attrs import frozen

from ..errors import ScoringError
from ..reading.scales import award_op
from ..reading.values import comparator as parse_comparator
from ..reading.values import parse_value
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
    Quantity,
    Range,
    Rule,
    StepKind,
    TargetMet,
    Veto,
)
from ..rules.render import number
from ..text.numbers import split_unit

__all__ = ["Axis", "Interval", "axis", "condition_intervals", "rule_of", "subtract", "to_axis"]

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


def rule_of(node: Node) -> Rule:
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
    rule = rule_of(node)
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
    if any(d.kind is StepKind.DISTANCE and d.direction is not Direction.SHORTFALL for d in rule.bonuses):
        return False  # a bonus for exceeding (多完成1%加1分) counts above 100%
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


def to_axis(q: Quantity, ax: Axis) -> Decimal | None:
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
        lo = to_axis(c.low.value, ax) if c.low is not None else None
        hi = to_axis(c.high.value, ax) if c.high is not None else None
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
