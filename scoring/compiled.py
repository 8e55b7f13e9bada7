"""Compiled rules for bulk scoring: resolve everything that does not depend on the actual once.

``scoring.compile(rule, target=, weight=, comparator=, unit=, **options)`` returns a
``Compiled`` whose ``points(actual)`` is a Python function generated for that one rule and
indicator (``Compiled.source`` shows it): the bands as ``if`` tests in order, the steps as
straight-line Decimal arithmetic, every constant bound once, and the tests that the bands make
impossible left out (a step past a floor band needs no ``d > 0``; a deduction that cannot reach
0 needs no clamp). No text, no node walking, no explanation. Rules whose shape it does not cover
(labels, events, formulas, composites, deviation or ratio measures) fall back to the full
evaluator, so ``points`` always equals ``evaluate(...).points`` — a property test checks it.
``Compiled.score(actual)`` gives the full Score with explanation and trace.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from typing import Any

from .evaluate import ROUNDING_MODES, Options, Score, _award_op, make_options
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
                 unit: str | None = None, options: Options | None = None, **option_values: Any) -> None:  # fmt: skip
        """``options``: an Options already made (bulk scoring makes one per profile), or the
        option values by name (places=, rounding=, partial=, …), not both."""
        self.rule = rule
        self.kwargs = dict(target=target, weight=weight, comparator=comparator, unit=unit)
        if options is not None and not isinstance(options, Options):
            raise TypeError(f"options must be an Options, not {type(options).__name__}")
        if options is not None and option_values:
            raise TypeError("give options= or option values by name, not both")
        self.options = options if options is not None else make_options(**option_values)
        self.weight = to_decimal(weight, "weight")
        self._quantum = Decimal(1).scaleb(-self.options.places)
        self._mode = ROUNDING_MODES[self.options.rounding]
        self.rate = normalize_unit(unit) in ("%", "百分比", "百分率")  # the rule measures a rate
        self._fast = self._build(rule, target, comparator, unit)
        # points(actual): the rounded points, from generated code on the fast path (a Decimal or an
        # int actual), from the full evaluator otherwise (and for any actual the code does not take)
        self.points: Callable[[Any], Decimal] = self._slow
        self.source = ""  # the generated code, for reading
        if self._fast is not None:
            bands, steps, base = self._fast
            self.source, self.points = _generate(bands, steps, base, self.weight, self._quantum, self._mode, self._slow)

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
            step = self._step(d, rule, rate, base_unit, _reference(tv, rate, base_unit), op)
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
    def _slow(self, actual: Any) -> Decimal:
        return self.score(actual).points

    def score(self, actual: Any) -> Score:
        """The full Score (explanation and trace) from the evaluator."""
        o = self.options
        return _evaluate(self.rule, actual, target=self.kwargs["target"], weight=self.weight,
                         comparator_=self.kwargs["comparator"], unit=self.kwargs["unit"], options=o)  # fmt: skip

    @property
    def is_fast(self) -> bool:
        return self._fast is not None


def _generate(bands: list[_Band], steps: list[_Step], base: Decimal, weight: Decimal, quantum: Decimal, mode: str,
              slow: Callable[[Any], Decimal]) -> tuple[str, Callable[[Any], Decimal]]:  # fmt: skip
    """Python source for one compiled rule: the bands as ``if`` tests in their order, then the
    steps as straight-line Decimal arithmetic, every constant bound once. Values the code does
    not take (str, bool, non-finite) go to ``slow``, the full evaluator."""
    consts: dict[str, Any] = {"Decimal": Decimal, "_slow": slow, "_CEIL": ROUND_CEILING, "_FLOOR": ROUND_FLOOR}

    def c(v: Any) -> str:
        name = f"_k{len(consts)}"
        consts[name] = v
        return name

    out = [
        "def points(x):",
        "    if type(x) is not Decimal:",
        "        if type(x) is not int:",
        "            return _slow(x)",
        "        x = Decimal(x)",
        "    if not x.is_finite():",
        "        return _slow(x)",
    ]
    for lo, loi, hi, hii, value in bands:
        tests = []
        if lo is not None:
            tests.append(f"{c(lo)} {'<=' if loi else '<'} x")
        if hi is not None:
            tests.append(f"x {'<=' if hii else '<'} {c(hi)}")
        result = c(min(max(value, ZERO), weight).quantize(quantum, rounding=mode))
        if not tests:
            out.append(f"    return {result}")
            break
        out.append(f"    if {' and '.join(tests)}:")
        out.append(f"        return {result}")
    else:
        if not steps:
            out.append(f"    return {c(ZERO.quantize(quantum))}")
        else:
            out += _step_code(bands, steps, base, weight, c, quantum, mode)
    source = "\n".join(out) + "\n"
    namespace = dict(consts)
    exec(compile(source, "<scoring.compile>", "exec"), namespace)  # our own generated source, constants bound by name
    return source, namespace["points"]


def _reference(tv: Any, rate: bool, unit: str) -> Decimal | None:
    """The target's value as a step reference, when it is in the rule's own unit (a target of
    60人 on a % row is left to the evaluator, which reads it as a count)."""
    if tv is None:
        return None
    q = tv.quantity
    if rate:
        return q.value if q.is_percent else None
    return q.value if not q.is_percent and q.unit in ("", unit) else None


# The values of x that get past every band: a union of intervals (low, low included, high,
# high included), None for no bound. Used to leave out tests that can never fire.
_Interval = tuple[Decimal | None, bool, Decimal | None, bool]


def _left_over(bands: list[_Band]) -> list[_Interval]:
    region: list[_Interval] = [(None, False, None, False)]
    for lo, loi, hi, hii, _ in bands:
        rest: list[_Interval] = []
        for iv in region:
            if lo is not None:  # the part below the band
                rest += _meet(iv, (None, False, lo, not loi))
            if hi is not None:  # the part above it
                rest += _meet(iv, (hi, not hii, None, False))
        region = rest
    return region


def _meet(a: _Interval, b: _Interval) -> list[_Interval]:
    lo, loi = a[0], a[1]
    if b[0] is not None and (lo is None or b[0] > lo or (b[0] == lo and not b[1])):
        lo, loi = b[0], b[1]
    hi, hii = a[2], a[3]
    if b[2] is not None and (hi is None or b[2] < hi or (b[2] == hi and not b[3])):
        hi, hii = b[2], b[3]
    if lo is not None and hi is not None and (lo > hi or (lo == hi and not (loi and hii))):
        return []
    return [(lo, loi, hi, hii)]


def _step_code(bands: list[_Band], steps: list[_Step], base: Decimal, weight: Decimal, c: Callable[[Any], str],
               quantum: Decimal, mode: str) -> list[str]:  # fmt: skip
    """The deduction steps as straight-line code, without the tests the bands make impossible:
    ``d > 0`` where every x left over lies on the losing side of the reference, and the clamps
    to 0 and to the cap where the deductions can never reach them."""
    region = _left_over(bands)
    lows = [iv[0] for iv in region]
    highs = [iv[2] for iv in region]
    x_min = None if not region or None in lows else min(v for v in lows if v is not None)
    x_max = None if not region or None in highs else max(v for v in highs if v is not None)
    b = c(base)
    out = [f"    s = {b}"]
    terms: list[str] | None = []  # when no step needs a test: the score as one expression
    worst: Decimal | None = ZERO  # the largest total deduction over the region, None if unbounded
    for rv, sign, divisor, per, partial in steps:
        r, k = c(rv), c(per)
        d = f"({r} - x)" if sign > 0 else f"(x - {r})" if sign < 0 else f"abs({r} - x)"
        always = bool(region) and all(_past(iv, rv, sign) for iv in region)
        n = _steps_of(d if always else "d", c(divisor), partial)
        if always:
            out.append(f"    s -= {n} * {k}")
            if terms is not None:
                terms.append(f"{n} * {k}")
        else:
            out += [f"    d = {d}", "    if d > 0:", f"        s -= {n} * {k}"]
            terms = None
        most = _most(rv, sign, x_min, x_max)
        if worst is not None and most is not None and per >= 0 and divisor > 0:
            count = most / divisor
            if partial is not Partial.PRORATA:
                count = count.to_integral_value(rounding=ROUND_CEILING)
            worst += count * per
        else:
            worst = None
    cap = min(base, weight)
    clamps = []
    if worst is None or base - worst < 0:
        zero = c(ZERO)
        clamps += [f"    if s < {zero}:", f"        s = {zero}"]
    if base > weight or any(per < 0 for *_, per, _ in steps):
        clamps += [f"    if s > {c(cap)}:", f"        s = {c(cap)}"]
    if terms is not None and not clamps:  # one expression: the fastest form
        return [f"    return ({' - '.join([b, *terms])}).quantize({c(quantum)}, {c(mode)})"]
    return [*out, *clamps, f"    return s.quantize({c(quantum)}, {c(mode)})"]


def _steps_of(distance: str, divisor: str, partial: Partial) -> str:
    """The number of steps in ``distance``, rounded as the partial-step reading says."""
    n = f"{distance} / {divisor}"
    if partial is Partial.CEIL:
        return f"({n}).to_integral_value(_CEIL)"
    if partial is Partial.FLOOR:
        return f"({n}).to_integral_value(_FLOOR)"
    return n


def _past(iv: _Interval, rv: Decimal, sign: int) -> bool:
    """Every x of ``iv`` lies strictly on the losing side of ``rv``."""
    lo, loi, hi, hii = iv
    if sign > 0:
        return hi is not None and (hi < rv or (hi == rv and not hii))
    if sign < 0:
        return lo is not None and (lo > rv or (lo == rv and not loi))
    return False


def _most(rv: Decimal, sign: int, x_min: Decimal | None, x_max: Decimal | None) -> Decimal | None:
    """The largest distance past ``rv`` over the region, None if unbounded."""
    below = None if x_min is None else max(rv - x_min, ZERO)
    above = None if x_max is None else max(x_max - rv, ZERO)
    if sign > 0:
        return below
    if sign < 0:
        return above
    return None if below is None or above is None else max(below, above)


def compile_rule(rule_or_text: Node | str, *, target: Any = None, weight: Any, comparator: str | None = None,
                 unit: str | None = None, **options: Any) -> Compiled:  # fmt: skip
    """Bind a rule to one indicator for repeated scoring (see the module docstring)."""
    from .parser import parse

    rule = parse(rule_or_text) if isinstance(rule_or_text, str) else rule_or_text
    return Compiled(rule, target=target, weight=weight, comparator=comparator, unit=unit, **options)
