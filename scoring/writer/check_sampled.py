"""Checks by sampling (for check.py): a rule scored with ``scoring.evaluate`` at outcomes across
its axis finds non-monotone stretches, cliffs and deductions that run past the weight."""

from __future__ import annotations

import itertools
from decimal import Decimal
from typing import Any

from ..api import evaluate
from ..errors import ScoringError
from ..rules.nodes import (
    Deduction,
    Direction,
    FullMarks,
    Measure,
    Points,
    Range,
    Rule,
    StepKind,
    TargetMet,
    Zero,
)
from ..rules.render import number
from .axis import Axis, Interval, condition_intervals
from .curve import Curve, table
from .findings import Out

ZERO = Decimal(0)


def _full_edge(rule: Rule) -> Any:
    for a in rule.awards:
        c = a.condition
        if isinstance(c, Range) and c.measure is Measure.VALUE and isinstance(a.outcome, (FullMarks, Points)):
            e = c.low if c.low is not None else c.high
            if e is not None:
                return e.value
    return None


def _direction_of_rule(rule: Rule) -> str | None:
    """Which outcomes the rule rewards: "higher", "lower", or None when it does not say."""
    ups = downs = 0
    full_edges: list[tuple[Any, bool]] = []
    for a in rule.awards:
        c = a.condition
        if isinstance(c, Range) and c.measure is not Measure.DEVIATION and isinstance(a.outcome, (FullMarks, Points)):
            if c.low is not None and c.high is None:
                ups += 1
            elif c.high is not None and c.low is None:
                downs += 1
            full_edges.append((c, True))
            break
    for d in rule.deductions:
        if d.kind is StepKind.DISTANCE and d.measure is Measure.VALUE:
            # a deduction below the reference rewards higher outcomes; a bonus above it does too
            below = d.direction is Direction.SHORTFALL
            above = d.direction is Direction.EXCESS
            if (below and not d.bonus) or (above and d.bonus):
                ups += 1
            elif (above and not d.bonus) or (below and d.bonus):
                downs += 1
    if ups and not downs:
        return "higher"
    if downs and not ups:
        return "lower"
    return None


def _no_reference(rule: Rule, d: Deduction) -> bool:
    return d.start is None and _full_edge(rule) is None


def _first_span(rule: Rule) -> tuple[int, int] | None:
    for c in rule.clauses:
        if getattr(c, "span", None) is not None:
            return c.span
    return None


def _sampled(
    rule: Rule, ax: Axis, out: Out, weight: Decimal, target: Any, comparator: str | None, unit: str | None,
    share: Decimal, what: str,
) -> bool:  # fmt: skip
    """Checks on scored samples; False when the rule could not be sampled (no usable target)."""
    if ax.kind == "label":
        return False
    if ax.kind == "value" and ax.target is None and _needs_target(rule):
        return False
    try:
        curve = table(rule, target=target, weight=weight, comparator=comparator, unit=unit, dense=0)
    except (ScoringError, ArithmeticError):
        return False
    pts = [p for p in curve.points if p.score is not None]
    if len(pts) < 2:
        return False
    _floor(rule, ax, out, weight, target, comparator, unit, curve, what)
    _monotone_and_cliffs(rule, ax, out, weight, share, curve, pts, what)
    return True


def _monotone_and_cliffs(
    rule: Rule, ax: Axis, out: Out, weight: Decimal, share: Decimal, curve: Curve, pts: list[Any], what: str
) -> None:
    if ax.kind != "value":
        return
    _cliffs(rule, ax, out, weight, share, curve, pts, what)
    better = ax.better
    own = _direction_of_rule(rule)
    if own is not None and better in ("higher", "lower") and own != better:
        better = own  # the comparator contradicts the rule (reported above): judge the rule by its own words
    if better is None:
        return
    unit_s = "%" if ax.percent else ax.unit
    # non-monotone: a better outcome scoring lower
    drops: list[tuple[Decimal, Decimal, Decimal, Decimal]] = []
    for p, q in itertools.pairwise(pts):
        if better == "higher" or (better == "target" and ax.target is not None and q.x <= ax.target):
            bad = q.score < p.score  # moving up should not lose points
        elif better == "lower" or (better == "target" and ax.target is not None and p.x >= ax.target):
            bad = q.score > p.score  # moving down should not lose points
        else:
            bad = False
        if bad:
            drops.append((p.x, q.x, p.score, q.score))
    for a, b, sa, sb in _merge_drops(drops):
        iv = Interval(a, True, b, True)
        out.add("non-monotone",
                f"{what}{iv.text(ax.name, unit_s)}之间，更好的实际值反而得分更低（{ax.show(a)}得{sa}分，{ax.show(b)}得{sb}分）",
                _first_span(rule))  # fmt: skip


def _cliffs(
    rule: Rule, ax: Axis, out: Out, weight: Decimal, share: Decimal, curve: Curve, pts: list[Any], what: str
) -> None:
    """A jump at a band edge bigger than share × weight is a cliff; a smaller jump where a 不得分
    band cuts off the deductions is reported as info (floor-jump). A two-level rule (满分 or 0)
    is all cliff by design: not reported."""
    if len({p.score for p in pts}) <= 2 or weight <= 0:
        return
    limit = weight * share
    step_max = max((d.points for d in rule.deductions if isinstance(d.points, Decimal)), default=ZERO)
    for p, q in itertools.pairwise(pts):
        gap = q.x - p.x
        if gap <= 0 or (gap > Decimal("0.011") and not (ax.integral and gap == 1)):
            continue
        if p.x not in curve.edges and q.x not in curve.edges:
            continue
        jump = abs(q.score - p.score)
        if jump == 0 or (ax.integral and jump <= step_max):
            continue
        edge = q.x if q.x in curve.edges else p.x
        pct = number((jump / weight * 100).quantize(Decimal(1)))
        if jump > limit:
            out.add("cliff",
                    f"{what}在{ax.show(edge)}处得分从{p.score}分跳到{q.score}分，跳变{number(jump)}分（分值的{pct}%）",
                    _edge_span(rule, ax, edge))  # fmt: skip
        elif rule.deductions and min(p.score, q.score) == 0:
            out.add("floor-jump",
                    f"{what}扣分到{ax.show(edge)}处被“不得分”截断：得分从{max(p.score, q.score)}分直接降为0（分值的{pct}%）",
                    _edge_span(rule, ax, edge))  # fmt: skip


def _needs_target(rule: Rule) -> bool:
    return any(
        isinstance(a.condition, (Range, TargetMet))
        and getattr(a.condition, "measure", Measure.RATIO) is not Measure.VALUE
        for a in rule.awards
    ) or any(d.kind is StepKind.DISTANCE and _no_reference(rule, d) for d in rule.deductions)


def _merge_drops(
    drops: list[tuple[Decimal, Decimal, Decimal, Decimal]],
) -> list[tuple[Decimal, Decimal, Decimal, Decimal]]:
    merged: list[tuple[Decimal, Decimal, Decimal, Decimal]] = []
    for a, b, sa, sb in drops:
        if merged and merged[-1][1] == a:
            pa, _, psa, _ = merged[-1]
            merged[-1] = (pa, b, psa, sb)
        else:
            merged.append((a, b, sa, sb))
    return merged


def _edge_span(rule: Rule, ax: Axis, x: Decimal) -> tuple[int, int] | None:
    for a in rule.awards:
        ivs = condition_intervals(a.condition, ax) if a.condition is not None else None
        for iv in ivs or []:
            if x in (iv.lo, iv.hi):
                return a.span
    return _first_span(rule)


def _floor(
    rule: Rule, ax: Axis, out: Out, weight: Decimal, target: Any, comparator: str | None, unit: str | None,
    curve: Curve, what: str,
) -> None:  # fmt: skip
    """Deductions that can run past the weight without 扣完为止; deductions that never deduct."""
    if not any(not d.bonus for d in rule.deductions):
        return
    worst: tuple[Decimal, Decimal] | None = None
    deducted: set[int] = set()
    for p in curve.points:
        try:
            s = evaluate(rule, curve.axis.typed(p.x), target=target, weight=weight, comparator=comparator, unit=unit)
        except (ScoringError, ArithmeticError):
            continue
        for st in s.trace:
            if st.clause in ("最低0分", "扣完为止") and st.delta > 0:
                total = weight + st.delta if weight else st.delta
                if worst is None or total > worst[1]:
                    worst = (p.x, total)
        if any(st.delta < 0 and st.clause not in ("基础分",) for st in s.trace):
            deducted.add(1)
    if worst is not None and not rule.until_exhausted:
        x, total = worst
        out.add("no-floor",
                f"{what}扣分可超过分值（如{ax.show(x)}时共扣{number(total.quantize(Decimal('0.01')).normalize())}分，"
                f"分值{number(weight)}分），原文未写“扣完为止”：按默认最低0分计", _last_deduction_span(rule))  # fmt: skip
    elif worst is None and not rule.until_exhausted and ax.kind == "count":
        pass
    if (
        not deducted
        and ax.kind == "value"
        and any(d.kind is StepKind.DISTANCE and not d.bonus for d in rule.deductions)
    ):
        out.add("deduction-unreachable",
                f"{what}扣分条款在任何实际值下都不扣分（所有实际值都由分档条款决定）", _last_deduction_span(rule))  # fmt: skip


def _floor_by_reading(rule: Rule, out: Out, weight: Decimal, what: str) -> None:
    """Without a usable target: deductions can pass the weight when they count events (no upper
    bound) or count distance with no 不得分 band to stop them."""
    # bonuses add; a capped deduction (or a rule cap) within the weight cannot pass it
    losing = [d for d in rule.deductions if not d.bonus and (d.cap is None or d.cap > weight)]
    if rule.until_exhausted or not losing or (rule.cap is not None and rule.cap <= weight):
        return
    events = any(d.kind is StepKind.EVENTS for d in losing)
    stopper = any(isinstance(a.outcome, Zero) and isinstance(a.condition, Range) for a in rule.awards)
    distance = any(d.kind is StepKind.DISTANCE for d in losing) and not stopper
    once = sum((d.points for d in losing if d.kind is StepKind.ONCE and isinstance(d.points, Decimal)), ZERO)
    once += sum((d.cap for d in rule.deductions if not d.bonus and d.cap is not None and d.cap <= weight), ZERO)
    if events or distance or once > weight:
        why = "次数没有上限" if events else "差距没有上限" if distance else f"一次性扣分合计{number(once)}分"
        out.add("no-floor", f"{what}扣分可能超过分值（{why}），原文未写“扣完为止”：按默认最低0分计",
                _last_deduction_span(rule))  # fmt: skip


def _last_deduction_span(rule: Rule) -> tuple[int, int] | None:
    spans = [d.span for d in rule.deductions if d.span is not None]
    return spans[-1] if spans else None
