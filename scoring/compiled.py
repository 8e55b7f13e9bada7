"""Compiled rules for bulk scoring: resolve everything that does not depend on the actual once.

``scoring.compile(rule, target=, weight=, comparator=, unit=, **options)`` returns a
``Compiled`` whose ``points(actual)`` is a plain loop over precomputed Decimal bands and steps
(no text, no node walking, no explanation). Rules whose shape the fast path does not cover
(labels, events, formulas, composites, deviation or ratio measures) fall back to the full
evaluator, so ``points`` always equals ``evaluate(...).points`` — a property test checks it.
``Compiled.score(actual)`` gives the full Score with explanation and trace.
"""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from typing import Any

from .evaluate import ROUNDING_MODES, Score, _award_op, make_options
from .evaluate import evaluate as _evaluate
from .nodes import (
    Award,
    Composite,
    Deduction,
    Direction,
    FullMarks,
    Measure,
    Node,
    Op,
    Partial,
    PercentBasis,
    Points,
    Range,
    Rule,
    ShareOfWeight,
    StepKind,
    Zero,
)
from .values import comparator as _comparator
from .values import normalize_unit, parse_value, to_decimal

ZERO = Decimal(0)
HUNDRED = Decimal(100)

_Band = tuple[Decimal | None, bool, Decimal | None, bool, Decimal]
_Step = tuple[Decimal, int, Decimal, Decimal, Partial]  # reference, sign (+1 shortfall, -1 excess, 0 both), divisor, per, partial


class Compiled:
    """A rule bound to one indicator's target, weight, comparator, unit and options."""

    def __init__(self, rule: Node, *, target: Any = None, weight: Any, comparator: str | None = None,
                 unit: str | None = None, **options: Any) -> None:  # fmt: skip
        self.rule = rule
        self.kwargs = dict(target=target, weight=weight, comparator=comparator, unit=unit)
        self.options = make_options(**options)
        self.weight = to_decimal(weight, "weight")
        self._quantum = Decimal(1).scaleb(-self.options.places)
        self._mode = ROUNDING_MODES[self.options.rounding]
        self._fast = self._build(rule, target, comparator, unit)

    # -------------------------------------------------------------- building
    def _build(self, rule: Node, target: Any, comparator: str | None, unit: str | None) -> Any:
        if isinstance(rule, Composite) or not isinstance(rule, Rule):
            return None
        if rule.vetoes or rule.proportional is not None:
            return None
        base_unit = normalize_unit(unit)
        rate = base_unit in ("%", "百分比", "百分率")
        if base_unit.startswith(("万", "亿")):
            return None  # amounts with multipliers: leave to the full path
        tv = parse_value(target, unit) if isinstance(target, str) else None
        op = _comparator(comparator) if comparator else (tv.op if tv else None)
        bands: list[_Band] = []
        base = None
        for a in rule.awards:
            band = self._band(a, rate, base_unit)
            if band is None:
                return None
            bands.append(band)
            if base is None and isinstance(a.outcome, (FullMarks, Points)) and band[4] > 0:
                base = band[4]
        steps: list[_Step] = []
        for d in rule.deductions:
            step = self._step(d, rule, rate, base_unit, tv.quantity.value if tv else None, op)
            if step is None:
                return None
            steps.append(step)
        return bands, steps, base if base is not None else self.weight

    def _band(self, a: Award, rate: bool, unit: str) -> _Band | None:
        c = a.condition
        if not isinstance(c, Range) or c.measure is not Measure.VALUE:
            return None
        for e in (c.low, c.high):
            if e is not None and (e.value.is_percent != rate or (not rate and e.value.unit not in ("", unit))):
                return None
        o = a.outcome
        if isinstance(o, FullMarks):
            value = self.weight
        elif isinstance(o, Points):
            value = o.value
        elif isinstance(o, ShareOfWeight):
            value = self.weight * o.percent / HUNDRED
        elif isinstance(o, Zero):
            value = ZERO
        else:
            return None
        lo = c.low.value.value if c.low else None
        hi = c.high.value.value if c.high else None
        return (lo, c.low.inclusive if c.low else True, hi, c.high.inclusive if c.high else True, value)

    def _step(self, d: Deduction, rule: Rule, rate: bool, unit: str, target: Decimal | None, op: Op | None) -> _Step | None:
        if d.kind is not StepKind.DISTANCE or d.measure is not Measure.VALUE or d.step is None:
            return None
        if not isinstance(d.points, Decimal) or d.points_max is not None:
            return None
        ref = None
        if d.start is not None:
            ref = d.start.value
        else:
            for a in rule.awards:
                c = a.condition
                if isinstance(c, Range) and isinstance(a.outcome, (FullMarks, Points)) and a.outcome != Points(ZERO):
                    edge = c.low if c.low is not None else c.high
                    if edge is not None:
                        ref = edge.value
                        break
        if ref is None:
            if target is None:
                return None
            rv = target
        else:
            if ref.is_percent != rate:
                return None
            rv = ref.value
        direction = d.direction
        if direction is None:
            if op in (Op.GE, Op.GT):
                direction = Direction.SHORTFALL
            elif op in (Op.LE, Op.LT):
                direction = Direction.EXCESS
            elif op is Op.EQ:
                direction = Direction.BOTH
            else:
                aop = _award_op(rule)
                direction = {Op.GE: Direction.SHORTFALL, Op.LE: Direction.EXCESS}.get(aop, Direction.BOTH) if aop else Direction.BOTH
        sign = {Direction.SHORTFALL: 1, Direction.EXCESS: -1, Direction.BOTH: 0}[direction]
        if d.step.is_percent:
            basis = d.basis or (PercentBasis.POINTS if rate else PercentBasis.RELATIVE)
            if basis is PercentBasis.POINTS and not rate:
                basis = PercentBasis.RELATIVE
            if basis is PercentBasis.RELATIVE and not rate:
                if rv == 0:
                    return None
                divisor = d.step.value * abs(rv) / HUNDRED
            elif basis is PercentBasis.RELATIVE:
                return None
            else:
                divisor = d.step.value
        else:
            if rate or (d.step.unit and unit and d.step.unit != unit):
                return None
            divisor = d.step.value
        partial = d.partial if d.partial is not None else self.options.partial
        return (rv, sign, divisor, d.points, partial)

    # -------------------------------------------------------------- scoring
    def points(self, actual: Any) -> Decimal:
        """The rounded points for ``actual`` (Decimal or int for the fast path)."""
        fast = self._fast
        if type(actual) is Decimal:
            x = actual
        elif fast is None or not isinstance(actual, int) or isinstance(actual, bool):
            return self.score(actual).points
        else:
            x = Decimal(actual)
        if fast is None:
            return self.score(actual).points
        bands: list[_Band] = fast[0]
        steps: list[_Step] = fast[1]
        base: Decimal = fast[2]
        w = self.weight
        for lo, loi, hi, hii, value in bands:
            if lo is not None and (x < lo or (x == lo and not loi)):
                continue
            if hi is not None and (x > hi or (x == hi and not hii)):
                continue
            return min(max(value, ZERO), w).quantize(self._quantum, rounding=self._mode)
        if not steps:
            return ZERO.quantize(self._quantum)
        score = base
        for rv, sign, divisor, per, partial in steps:
            diff = rv - x
            dist = diff if sign > 0 else -diff if sign < 0 else abs(diff)
            if dist <= 0:
                continue
            n = dist / divisor
            if partial is Partial.CEIL:
                n = n.to_integral_value(rounding=ROUND_CEILING)
            elif partial is Partial.FLOOR:
                n = n.to_integral_value(rounding=ROUND_FLOOR)
            score -= n * per
        score = min(max(score, ZERO), base, w)
        return score.quantize(self._quantum, rounding=self._mode)

    def score(self, actual: Any) -> Score:
        """The full Score (explanation and trace) from the evaluator."""
        o = self.options
        return _evaluate(self.rule, actual, target=self.kwargs["target"], weight=self.weight,
                         comparator_=self.kwargs["comparator"], unit=self.kwargs["unit"], options=o)  # fmt: skip

    @property
    def is_fast(self) -> bool:
        return self._fast is not None


def compile_rule(rule_or_text: Node | str, *, target: Any = None, weight: Any, comparator: str | None = None,
                 unit: str | None = None, **options: Any) -> Compiled:  # fmt: skip
    """Bind a rule to one indicator for repeated scoring (see the module docstring)."""
    from .parser import parse

    rule = parse(rule_or_text) if isinstance(rule_or_text, str) else rule_or_text
    return Compiled(rule, target=target, weight=weight, comparator=comparator, unit=unit, **options)
