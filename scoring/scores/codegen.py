"""Code generation for compiled rules: a rule and one kind of actual → Python source that
repeats the evaluator's arithmetic operation for operation (used by ``scores/compiled.py``)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from types import CodeType
from typing import Any

from ..errors import EvaluationError, ScoringError
from ..reading.bind import (
    band_order,
    budget_answers,
    budget_target,
    counts_whole,
    number_answers,
    overlapping_deductions,
)
from ..reading.bind import reads_value as _reads_value
from ..reading.bind import separate_inputs as _inputs_of
from ..reading.scales import (
    Compare,
    Scale,
    band,
    distance,
    formula_names,
    met,
    met_line,
    outcome_names,
    pick,
    ratio,
    same_unit,
    target_mismatch,
)
from ..reading.scales import award_op as _award_op
from ..reading.values import normalize_unit
from ..rules.nodes import (
    Abs,
    Award,
    BinOp,
    ByHand,
    Deduction,
    Direction,
    Expr,
    Formula,
    FullMarks,
    Label,
    Num,
    Op,
    Otherwise,
    Partial,
    Points,
    Range,
    Rule,
    ShareOfWeight,
    StepKind,
    TargetMet,
    Var,
    Veto,
    Zero,
)
from ..rules.shapes import at_whole_rate, only_deducting_bands
from .answers import _Ctx, _event_words, _In, _once_counted, step_count
from .evaluate import _choose_label  # the evaluator's points for 是/否 on a worded rule, asked once per rule
from .results import ROUNDING_MODES
from .steps import _base_points, one_or_each, proportional_op

ZERO = Decimal(0)
ONE = Decimal(1)
HUNDRED = Decimal(100)
_PROBE = Decimal("7.3125")  # an actual no rule mentions: shows which quantity the evaluator picks

# The values of q that get past every band: a union of intervals (low, low included, high,
# high included), None for no bound. Used to leave out tests that can never fire.
_Interval = tuple[Decimal | None, bool, Decimal | None, bool]
_ALL: _Interval = (None, False, None, False)


class _Raises(Exception):
    """The evaluator raises an EvaluationError in this branch of the rule, whatever the number
    (a unit mismatch, no numeric target, a zero reference, a hand score asked for)."""



class _Leave(Exception):
    """The generator leaves this branch to the evaluator (it scores it, but not in a way the
    generated code repeats)."""


def _none(_: Any) -> None:
    return None


#: What ``take`` returns (this very object: test with ``is``) where the evaluator raises an
#: EvaluationError for the number: bulk scoring then reads a worded outcome as words at once.
RAISES = Decimal("NaN")


def _raises(_: Any) -> Decimal:
    return RAISES


def _or(take: Callable[[Any], Decimal | None], slow: Callable[[Any], Decimal]) -> Callable[[Any], Decimal]:
    def points(x: Any) -> Decimal:
        p = take(x)
        return slow(x) if p is None or p is RAISES else p

    return points


# ------------------------------------------------------------------ generating code

_SYM = {Op.GE: ">=", Op.GT: ">", Op.LE: "<=", Op.LT: "<", Op.EQ: "=="}
_NOT = {">=": "<", ">": "<=", "<=": ">", "<": ">=", "==": "!="}


class _Code:
    """The generated function's constants, bound by name, and how it rounds."""

    def __init__(self, qn: str, rn: str, slow: Callable[[Any], Any], raise_: Callable[[Any], Any], ctx: _Ctx) -> None:
        self.consts: dict[str, Any] = {"Decimal": Decimal, "_slow": slow, "_raise": raise_, "_CEIL": ROUND_CEILING,
                                       "_FLOOR": ROUND_FLOOR}  # fmt: skip
        self.names: dict[tuple[Any, ...], str] = {}
        self.qn = qn  # the name of the actual's value in base units: "x", or "q" = x × 万
        self.rn = rn  # the name of the value as written (the evaluator's raw): "x", or "r" = x × 万
        self.weight = ctx.weight
        self.quantum = ONE.scaleb(-ctx.options.places)
        self.mode = ROUNDING_MODES[ctx.options.rounding]

    def c(self, v: Any) -> str:
        """A constant's name (one per value and representation)."""
        key = (type(v), str(v))
        name = self.names.get(key)
        if name is None:
            name = self.names[key] = f"_k{len(self.consts)}"
            self.consts[name] = v
        return name

    def done(self, v: Decimal) -> str:
        """A constant result, clamped and rounded now as ``evaluate`` would."""
        return self.c(min(max(v, ZERO), self.weight).quantize(self.quantum, rounding=self.mode))

    def finish(self, expr: str) -> str:
        """A computed result, clamped to [0, weight] and rounded as ``evaluate`` does."""
        z, w, q, m = self.c(ZERO), self.c(self.weight), self.c(self.quantum), self.c(self.mode)
        return f"min(max({expr}, {z}), {w}).quantize({q}, {m})"


def _generate(rule: Rule, ctx: _Ctx, x: _In, slow: Callable[[Any], Any],
              raise_: Callable[[Any], Any]) -> tuple[str, Callable[[Any], Any]] | None:  # fmt: skip
    """Python source for one rule and one kind of actual (``x``: the probe as the evaluator
    reads it), and the function; None where the evaluator takes the rule (several inputs);
    ``("", raise_)`` where the evaluator refuses every such number (a unit it cannot compare, a
    hand score): no code, but the caller knows the refusal without asking the evaluator first."""
    if len(_inputs_of(rule)) > 1:
        return None  # several event counts or vetoes: the table gives them as a mapping
    assert x.quantity is not None
    scaled = x.quantity.value != _PROBE  # a 万 unit: q = x × 10000
    raw = x.raw.value if x.raw is not None else _PROBE
    g = _Code("q" if scaled else "x", "x" if raw == _PROBE else "r" if raw != x.quantity.value else "q", slow,
              raise_, ctx)  # fmt: skip
    try:
        body = _rule_code(rule, ctx, x, g)
    except _Raises:
        body = ["    return _raise(x0)"]
    except _Unfollowed:
        return None
    if body == ["    return _raise(x0)"]:
        return "", raise_
    head = [
        "def points(x):",
        "    x0 = x",
        "    if type(x) is not Decimal:",
        "        if type(x) is not int:",
        "            return _slow(x)",
        "        x = Decimal(x)",
        "    if not x.is_finite():",
        "        return _slow(x0)",
    ]
    if scaled:
        head.append(f"    q = x * {g.c(x.quantity.value / _PROBE)}")
    if g.rn == "r":
        head.append(f"    r = x * {g.c(raw / _PROBE)}")
    source = "\n".join([*head, *body]) + "\n"
    namespace = dict(g.consts)
    exec(_code(source), namespace)  # our own generated source, constants bound by name
    return source, namespace["points"]


@functools.lru_cache(maxsize=1024)
def _code(source: str) -> CodeType:
    """The compiled source: rules of one shape share their text (the constants are names), so
    a table of thousands of rows compiles a few dozen."""
    return compile(source, "<scoring.compile>", "exec")


class _Unfollowed(Exception):
    """A shape the generator does not follow: the evaluator scores the rule."""


def _rule_code(rule: Rule, ctx: _Ctx, x: _In, g: _Code) -> list[str]:
    """The evaluator's ``_rule`` for one numeric actual, part by part (its numbers)."""
    out: list[str] = []
    region: list[_Interval] = [_ALL]  # the values of q that get this far
    # 1. vetoes
    for v in rule.vetoes:
        try:
            test, covered = _veto_test(v, ctx, x, g)
        except _Raises:
            return [*out, "    return _raise(x0)"]
        out += [f"    if {test}:", f"        return {g.done(ZERO)}"]
        region = _remove(region, covered)
    awards = rule.awards
    has_events = any(isinstance(c, Deduction) and c.kind is not StepKind.DISTANCE for c in rule.clauses)
    numeric = (
        bool(rule.deductions) or rule.proportional is not None or any(isinstance(a.condition, Range) for a in awards)
    )
    # 2a. a number on a worded rule (完成得满分，未完成不得分): met or not, then the worded choice
    if not numeric and (not _reads_value(rule) or budget_answers(rule)) and not has_events:
        met = _met_code(rule, ctx, x, g)
        if met is None:
            raise _Unfollowed
        yes, no = _label_value(rule, ctx, True, g), _label_value(rule, ctx, False, g)
        return [*out, *met, "    if met:", f"        return {yes}", f"    return {no}"]
    # 3. bands: the first award whose condition holds
    losses = any(not d.bonus for d in rule.deductions)
    for a in band_order(rule):
        if isinstance(a.condition, Label) or (a.condition is None and losses):
            continue  # as the evaluator: points with no condition are what the deductions start from
        if a.condition is None or isinstance(a.condition, Otherwise):
            return [*out, *_award_body(a, ctx, x, g, "    ")]  # 否则得5分: what no band above took
        try:
            guard, test, covered = _award_test(a, rule, ctx, x, g)
            # a value in two deducting bands that share a stretch: the evaluator refuses it (semantics §95)
            partners = [q if p == a else p for p, q in overlapping_deductions(rule) if a in (p, q)]
            both = [_award_test(b, rule, ctx, x, g) for b in partners]
        except _Raises:
            return [*out, "    return _raise(x0)"]
        for pguard, ptest, _ in both:
            out += [*guard, *pguard, f"    if ({test}) and ({ptest}):", "        return _raise(x0)"]
        out += [*guard, f"    if {test}:", *_award_body(a, ctx, x, g, "        ")]
        region = _remove(region, covered)
    if only_deducting_bands(rule):
        return [*out, "    return _slow(x0)"]  # beyond every deducting band or between two: the evaluator decides (§83)
    # 4. deductions from the full-marks points
    try:
        if rule.deductions and (rule.cap is not None or rule.below_zero or any(d.cap is not None for d in rule.deductions)):
            return [*out, *_capped_code(rule, ctx, x, g)]
        if rule.deductions:
            return [*out, *_deductions_code(rule, ctx, x, g, region)]
        # 5. proportional
        if rule.proportional is not None:
            return [*out, *_proportional_code(rule, ctx, x, g)]
    except _Raises:
        return [*out, "    return _raise(x0)"]
    except _Leave:
        return [*out, "    return _slow(x0)"]
    # 6. no clause covers the value: a gap, 0 (the evaluator refuses a number no clause reads)
    if not numeric:
        return [*out, "    return _raise(x0)"]
    return [*out, f"    return {g.done(ZERO)}"]


def _award_body(a: Award, ctx: _Ctx, x: _In, g: _Code, indent: str) -> list[str]:
    o = a.outcome
    if isinstance(o, ByHand):
        return [f"{indent}return _raise(x0)"]  # the evaluator asks for a hand score
    if isinstance(o, Formula):
        try:
            expr = _expr_code(o.expr, ctx, x, g, outcome_names(o))
        except _Raises:
            return [f"{indent}return _raise(x0)"]
        return [f"{indent}try:", f"{indent}    v = {expr}", f"{indent}except ArithmeticError:",
                f"{indent}    return _raise(x0)", f"{indent}return {g.finish('v')}"]  # fmt: skip
    if isinstance(o, FullMarks):
        value = ctx.weight
    elif isinstance(o, Points):
        value = o.value
    elif isinstance(o, ShareOfWeight):
        value = ctx.weight * o.percent / HUNDRED
    else:
        assert isinstance(o, Zero)
        value = ZERO
    return [f"{indent}return {g.done(value)}"]


def _expr_code(e: Expr, ctx: _Ctx, x: _In, g: _Code, names: dict[str, str] | None = None) -> str:
    """``_expr``: a formula as one expression (a division by 0 raises ArithmeticError); each name
    as ``steps._var`` reads it, the refusals left to the evaluator."""
    if names is None:
        names = dict(formula_names(e))
    if isinstance(e, Num):
        return g.c(e.value)
    if isinstance(e, Var):
        kind = names.get(e.name, "unknown")
        assert x.quantity is not None
        t = ctx.target.quantity if ctx.target is not None else None
        if kind == "weight":
            return g.c(ctx.weight)
        if kind in ("target", "target_points") and t is not None:
            return g.c(t.value / HUNDRED if t.is_percent and kind == "target" else t.value)
        if kind == "target_rate" and t is not None and t.is_percent:
            return g.c(t.value / HUNDRED)
        if kind in ("hundred", "hundred_unclear"):
            raise _Raises  # a score out of 100 (semantics §129): its checks are the evaluator's
        if kind in ("value", "value_points") and (t is None or target_mismatch(t, x.quantity.unit) is None):
            return f"({g.qn} / {g.c(HUNDRED)})" if x.quantity.is_percent and kind == "value" else g.qn
        if kind in ("rate", "derived", "defined_rate") and x.quantity.is_percent:
            return f"({g.qn} / {g.c(HUNDRED)})"
        if kind == "rate":
            return f"({_compare_code(ratio(ctx.setting, 'q', x.quantity.unit), g)} / {g.c(HUNDRED)})"
        raise _Raises
    if isinstance(e, Abs):
        return f"abs({_expr_code(e.arg, ctx, x, g, names)})"
    assert isinstance(e, BinOp)
    return f"({_expr_code(e.left, ctx, x, g, names)} {e.op} {_expr_code(e.right, ctx, x, g, names)})"


# -------------------------------------------------------------- conditions


def _scale(x: _In) -> Scale:
    """The scale of the actual the code is generated for (a bare number, or one written with a unit)."""
    assert x.quantity is not None
    return Scale(x.quantity.unit, x.raw is None or bool(x.raw.unit))


def _name(source: str, g: _Code) -> str:
    """The name holding the number a plan reads: the value in base units, or as written."""
    return g.qn if source == "q" else g.rn


def _compare_code(plan: Compare, g: _Code) -> str:
    """The expression of the number a plan of the reading compares (scoring.reading.scales)."""
    if plan.error:
        raise _Raises  # the evaluator refuses this scale of answer here, whatever the number
    name = _name(plan.source, g)
    if plan.kind == "value":
        return name
    if plan.kind == "ratio":
        return f"{name} / {g.c(plan.divisor)} * {g.c(HUNDRED)}"
    if plan.kind not in ("deviation", "deviation-points"):
        raise _Unfollowed  # the shortfall in points (Measure.GAP): the evaluator's
    diff = f"({name} - {g.c(plan.divisor)})"
    if plan.direction is Direction.SHORTFALL:
        d = f"max(-{diff}, {g.c(ZERO)})"
    elif plan.direction is Direction.EXCESS:
        d = f"max({diff}, {g.c(ZERO)})"
    else:
        d = f"abs{diff}"
    if plan.kind == "deviation-points":
        return d
    return f"{d} / {g.c(abs(plan.divisor))} * {g.c(HUNDRED)}"


def _measure_code(cond: Range, ctx: _Ctx, x: _In, g: _Code) -> str:
    """``_in_range``: the expression a band compares."""
    if cond.low is None and cond.high is None:
        raise _Unfollowed
    return _compare_code(band(cond, ctx.setting, _scale(x)), g)


def _band(cond: Range, ctx: _Ctx, x: _In, g: _Code) -> tuple[str, _Interval | None]:
    """A band's test, and the interval of q it covers when it compares q itself."""
    m = _measure_code(cond, ctx, x, g)
    lo, hi = cond.low, cond.high
    parts = []
    if lo is not None:
        parts.append(f"{g.c(lo.value.value)} {'<=' if lo.inclusive else '<'}")
    parts.append(m)
    if hi is not None:
        parts.append(f"{'<=' if hi.inclusive else '<'} {g.c(hi.value.value)}")
    covered: _Interval | None = None
    if m == g.qn:
        covered = (lo.value.value if lo else None, lo.inclusive if lo else False,
                   hi.value.value if hi else None, hi.inclusive if hi else False)  # fmt: skip
    return " ".join(parts), covered  # a chained comparison computes the measure once


def _veto_test(v: Veto, ctx: _Ctx, x: _In, g: _Code) -> tuple[str, _Interval | None]:
    if isinstance(v.condition, Range):
        return _band(v.condition, ctx, x, g)
    # a worded veto (发生数据泄露…) given a number: the number counts the events
    return f"{g.qn} > {g.c(ZERO)}", (ZERO, False, None, False)


def _award_test(a: Award, rule: Rule, ctx: _Ctx, x: _In,
                g: _Code) -> tuple[list[str], str, _Interval | None]:  # fmt: skip
    """An award's test (after guard lines that send what the evaluator refuses there to it), and
    the interval of q it covers."""
    c = a.condition
    if isinstance(c, Range):
        if one_or_each(a, ctx.weight):
            raise _Unfollowed  # 报送报告1次计2.5分 on a 5-point row: more than once is refused, the evaluator's
        return [], *_band(c, ctx, x, g)
    if not isinstance(c, TargetMet):
        raise _Unfollowed
    events = any(isinstance(d, Deduction) and d.kind is not StepKind.DISTANCE for d in rule.clauses)
    # the evaluator's _holds and _target_met: 全年未出现事故 (the words name the event) or 达标 in a rule
    # that counts events: the number counts them, met when none happened (a negative count, a
    # percentage, a one-off deduction naming no event: refused)
    counted = not _count_is_percent(x)
    if events and at_whole_rate(c.requirement) and x.quantity is not None and x.quantity.is_percent:
        raise _Unfollowed  # 合规率100%得满分，每发现一例…: a % or a bare 100 on a % row, the evaluator's
    if not (_event_words(c.text) and counted) and events:
        once = any(d.kind is StepKind.ONCE and not _once_counted(d.event) for d in rule.deductions)
        if once or not counted:
            raise _Raises
    if events or (_event_words(c.text) and counted):
        z = g.c(ZERO)
        guard = [f"    if {g.qn} < {z}:", "        return _raise(x0)"]
        return guard, f"{g.qn} {'!=' if c.negated else '=='} {z}", None
    target = ctx.target.quantity if ctx.target is not None else None
    m = met(met_line(rule, ctx.unit, target), ctx.op or _award_op(rule) or Op.GE, _scale(x))
    if m.error:
        raise _Raises
    name = _name(m.source, g)
    sym = _SYM[m.op]
    if c.negated:
        sym = _NOT[sym]
    covered: _Interval | None = None
    if name == g.qn:
        v = m.line
        covered = {">=": (v, True, None, False), ">": (v, False, None, False), "<=": (None, False, v, True),
                   "<": (None, False, v, False), "==": (v, True, v, True)}.get(sym)  # fmt: skip
    return [], f"{name} {sym} {g.c(m.line)}", covered


def _count_is_percent(x: _In) -> bool:
    """The answer read as a count (as written where it wrote no unit) is a percentage: it counts nothing."""
    assert x.quantity is not None
    return (x.raw is None or bool(x.raw.unit)) and x.quantity.is_percent


def _met_code(rule: Rule, ctx: _Ctx, x: _In, g: _Code) -> list[str] | None:
    """``_number_meets``: whether a number meets a worded rule, as code setting ``met``: against the
    target where every worded condition says the target is reached, as a count where they name an
    event; None where a number cannot answer the words (the evaluator refuses it)."""
    assert x.quantity is not None
    if budget_answers(rule):  # 超支不得分 on the row's budget (semantics §111); refusals are the evaluator's
        if ctx.target is None or not budget_target(ctx.target.quantity) or ctx.op in (Op.GE, Op.GT) or any(
                isinstance(a.outcome, Formula) for a in rule.awards):
            return None  # a formula on the side over the budget reads the number: the evaluator's
        t = ctx.target.quantity
        source, unit = pick(_scale(x), t)
        return [f"    met = {_name(source, g)} <= {g.c(t.value)}"] if (unit in ("%", "个百分点")) == t.is_percent else None
    tied, events = number_answers(rule)  # as the evaluator's _number_meets: the reading's
    if ctx.target is not None and tied:
        t = ctx.target.quantity
        source, unit = pick(_scale(x), t)
        if (unit in ("%", "个百分点")) == t.is_percent:
            return [f"    met = {_name(source, g)} {_SYM[ctx.op or Op.GE]} {g.c(t.value)}"]
    if events and not _count_is_percent(x):
        z = g.c(ZERO)
        return [f"    if {g.qn} < {z}:", "        return _raise(x0)", f"    met = {g.qn} == {z}"]
    return None


def _label_value(rule: Rule, ctx: _Ctx, flag: bool, g: _Code) -> str:
    """``_choose_label`` for 是 or 否, worked out now: a constant, or the evaluator where it raises."""
    sub = _Ctx(ctx.weight, ctx.target, ctx.op, ctx.unit, ctx.options)
    try:
        v = _choose_label(rule, _In(flag=flag), sub)
    except ScoringError:
        return "_raise(x0)"
    if v is None:
        raise _Unfollowed  # the evaluator goes on to the bands with the number
    return g.done(v)


# -------------------------------------------------------------- deductions


def _deductions_code(rule: Rule, ctx: _Ctx, x: _In, g: _Code, region: list[_Interval]) -> list[str]:
    """``_rule`` part 4: the base points less each deduction, as straight-line code, without the
    tests the bands make impossible (``d > 0`` where every q left lies past the reference, the
    clamps where the deductions can never reach them)."""
    base = _base_points(rule, ctx, ctx.weight)
    lows = [iv[0] for iv in region]
    highs = [iv[2] for iv in region]
    q_min = None if not region or None in lows else min(v for v in lows if v is not None)
    q_max = None if not region or None in highs else max(v for v in highs if v is not None)
    b = g.c(base)
    out = [f"    s = {b}"]
    guards: list[str] = []  # a negative count is the evaluator's error
    terms: list[str] | None = []  # when no deduction needs a test: the score as one expression
    worst: Decimal | None = ZERO  # the largest total deduction over the region, None if unbounded
    for d in rule.deductions:
        per, partial = _per(d, ctx), d.partial if d.partial is not None else ctx.options.partial
        k = g.c(per)
        if d.kind is StepKind.ONCE:  # once, when the event happened: a number > 0
            _once_counts(d, x)
            whole = [f"    if {g.qn} < {g.c(ZERO)} or {g.qn} % {g.c(ONE)} != {g.c(ZERO)}:", "        return _raise(x0)"]
            if whole[0] not in guards:  # a negative or fractional count is the evaluator's error (semantics §125)
                guards = [*guards, *whole]
            out += [f"    if {g.qn} > {g.c(ZERO)}:", f"        s -= {k}"]
            terms = None
            worst = None if worst is None or per < 0 else worst + per
            continue
        assert d.step is not None
        if d.kind is StepKind.EVENTS:  # the count: as written when written bare
            assert x.quantity is not None
            qe = step_count(x, d.step)
            if qe.is_percent:
                raise _Raises  # 需要次数，而不是百分比
            if qe.unit and d.step.unit and not same_unit(normalize_unit(qe.unit), normalize_unit(d.step.unit)):
                raise _Raises  # 实际值与步长单位不一致
            name = g.rn if qe is x.raw else g.qn
            if not guards:
                guards = [f"    if {name} < {g.c(ZERO)}:", "        return _raise(x0)"]
            if counts_whole(d):  # 2.5起: a count of events is whole (the evaluator's error)
                guards += [f"    if {name} % {g.c(ONE)} != {g.c(ZERO)}:", "        return _raise(x0)"]
            n = _count(f"{name} / {g.c(d.step.value)}", partial)
            out.append(f"    s -= {n} * {k}")
            if terms is not None:
                terms.append(f"{n} * {k}")
            worst = None
            continue
        dist, moved, on_q, rv, sign, nonzero = _distance(d, rule, ctx, x, g)
        always = on_q and not nonzero and bool(region) and all(_past(iv, rv, sign) for iv in region)
        n = _count(moved.replace("DIST", dist if always else "d"), partial)
        if always:
            out.append(f"    s -= {n} * {k}")
            if terms is not None:
                terms.append(f"{n} * {k}")
        else:
            out += [f"    d = {dist}", "    if d > 0:"]
            out += ["        return _raise(x0)"] if nonzero else [f"        s -= {n} * {k}"]
            terms = None
        most = _most(rv, sign, q_min, q_max) if on_q else None
        if worst is not None and most is not None and per >= 0 and moved == f"DIST / {g.c(d.step.value)}":
            count = most / d.step.value
            if partial is not Partial.PRORATA:
                count = count.to_integral_value(rounding=ROUND_CEILING)
            worst += count * per
        else:
            worst = None
    clamps = []
    if worst is None or base - worst < 0:
        zero = g.c(ZERO)
        clamps += [f"    if s < {zero}:", f"        s = {zero}"]
    if base > ctx.weight or any(_per(d, ctx) < 0 for d in rule.deductions):
        w = g.c(ctx.weight)
        clamps += [f"    if s > {w}:", f"        s = {w}"]
    q, m = g.c(g.quantum), g.c(g.mode)
    if terms is not None and not clamps:  # one expression: the fastest form
        return [*guards, f"    return ({' - '.join([b, *terms])}).quantize({q}, {m})"]
    return [*guards, *out, *clamps, f"    return s.quantize({q}, {m})"]


def _once_counts(d: Deduction, x: _In) -> None:
    """A number answers a one-off deduction only as the count of an event its words name
    (发生…/出现…), and a percentage counts nothing: otherwise the evaluator refuses it."""
    assert x.quantity is not None
    if not _once_counted(d.event) or x.quantity.is_percent:
        raise _Raises


def _capped_code(rule: Rule, ctx: _Ctx, x: _In, g: _Code) -> list[str]:
    """``_rule`` part 4 for rules with caps (最多扣5分, 合计最多扣10分) or a lifted floor (该项可负分):
    each deduction's loss bounded by its own cap, the total by the rule's, then the floor."""
    base = _base_points(rule, ctx, ctx.weight)
    z = g.c(ZERO)
    guards: list[str] = []
    out = [f"    t = {z}"]
    for d in rule.deductions:
        per, partial = _per(d, ctx), d.partial if d.partial is not None else ctx.options.partial
        k = g.c(per)
        if d.kind is StepKind.ONCE:
            _once_counts(d, x)
            whole = [f"    if {g.qn} < {z} or {g.qn} % {g.c(ONE)} != {z}:", "        return _raise(x0)"]
            guards = guards if whole[0] in guards else [*guards, *whole]  # semantics §125
            out.append(f"    l = {k} if {g.qn} > {z} else {z}")
        elif d.kind is StepKind.EVENTS:
            assert d.step is not None and x.quantity is not None
            qe = step_count(x, d.step)
            if qe.is_percent:
                raise _Raises  # 需要次数，而不是百分比
            if qe.unit and d.step.unit and not same_unit(normalize_unit(qe.unit), normalize_unit(d.step.unit)):
                raise _Raises  # 实际值与步长单位不一致
            name = g.rn if qe is x.raw else g.qn
            guards = guards or [f"    if {name} < {z}:", "        return _raise(x0)"]
            if counts_whole(d):  # 2.5起: a count of events is whole (the evaluator's error)
                guards += [f"    if {name} % {g.c(ONE)} != {z}:", "        return _raise(x0)"]
            out.append(f"    l = {_count(f'{name} / {g.c(d.step.value)}', partial)} * {k}")
        else:
            dist, moved, _on_q, _rv, _sign, nonzero = _distance(d, rule, ctx, x, g)
            out += [f"    d = {dist}", "    if d > 0:"]
            out += ["        return _raise(x0)"] if nonzero else [f"        l = {_count(moved.replace('DIST', 'd'), partial)} * {k}"]
            out += ["    else:", f"        l = {z}"]
        if d.cap is not None:
            c = g.c(d.cap)
            out += [f"    if l > {c}:", f"        l = {c}"]
        out.append("    t += l")
    if rule.cap is not None:
        c = g.c(rule.cap)
        out += [f"    if t > {c}:", f"        t = {c}"]
    out.append(f"    s = {g.c(base)} - t")
    if not rule.below_zero:
        out += [f"    if s < {z}:", f"        s = {z}"]
    w = g.c(ctx.weight)
    out += [f"    if s > {w}:", f"        s = {w}", f"    return s.quantize({g.c(g.quantum)}, {g.c(g.mode)})"]
    return [*guards, *out]


def _per(d: Deduction, ctx: _Ctx) -> Decimal:
    """The points per step (a range 扣4-7分 as the deduction_range option reads it)."""
    if not isinstance(d.points, Decimal):
        raise _Leave  # points from a formula
    if d.points_max is None:
        return d.points
    choice = ctx.options.deduction_range
    if choice is None:
        raise _Leave  # the evaluator asks for a choice (or scores 0 events as 0 lost)
    return {"min": d.points, "max": d.points_max, "mid": (d.points + d.points_max) / 2}[choice]


def _distance(d: Deduction, rule: Rule, ctx: _Ctx, x: _In, g: _Code) -> tuple[str, str, bool, Decimal, int, bool]:
    """``_deduct`` for a distance: the distance past the reference as code, the steps as code
    over DIST, whether the distance is q's own, the reference, the losing side (+1 below, −1
    above, 0 both) and whether a distance > 0 always raises (a relative step from 0, a step in
    another unit than the actual's)."""
    assert d.step is not None and x.quantity is not None
    plan = distance(rule, d, ctx.setting, _scale(x))  # the reading's plan for this scale of answer
    if plan.error:
        raise _Raises
    if plan.upper is not None:
        raise _Leave  # two ends to count from: the evaluator's
    qv = _compare_code(plan.compare, g)
    rv = plan.line.value
    r = g.c(rv)
    # the evaluator's max(-(qv - r), 0) is r - qv where it is > 0 (rounding is symmetric), and
    # the code only counts steps where d > 0 (or where every q left over is past r)
    if plan.direction is Direction.SHORTFALL:
        dist, sign = f"({r} - {qv})", 1
    elif plan.direction is Direction.EXCESS:
        dist, sign = f"({qv} - {r})", -1
    else:
        dist, sign = f"abs({qv} - {r})", 0
    step = g.c(d.step.value)
    if plan.relative and rv:
        moved = f"DIST / {g.c(abs(rv))} * {g.c(HUNDRED)} / {step}"
    elif plan.per_unit != 1 or plan.per_div != 1:
        # hours counted in steps of minutes (semantics §88), days in steps of weeks (§157)
        moved = f"DIST * {g.c(plan.per_unit)} / {g.c(plan.per_div)} / {step}"
    else:
        moved = f"DIST / {step}"
    return dist, moved, qv == g.qn, rv, sign, plan.moved_error is not None


def _count(n: str, partial: Partial) -> str:
    """``_count``: the number of steps, a partial step read as the option says."""
    if partial is Partial.CEIL:
        return f"({n}).to_integral_value(_CEIL)"
    if partial is Partial.FLOOR:
        return f"({n}).to_integral_value(_FLOOR)"
    return f"({n})"


def _proportional_code(rule: Rule, ctx: _Ctx, x: _In, g: _Code) -> list[str]:
    """``_proportional`` for a number: base × the completion ratio (≤ targets: target / actual,
    or linear to 0 at twice the target)."""
    assert x.quantity is not None and rule.proportional is not None
    base = g.c(_base_points(rule, ctx, ctx.weight))
    q = x.quantity
    one, zero = g.c(ONE), g.c(ZERO)
    try:
        op = proportional_op(rule, ctx)  # as steps._proportional (semantics §107, §108)
    except EvaluationError:
        raise _Raises from None
    if op in (Op.LE, Op.LT):
        if ctx.target is None or target_mismatch(ctx.target.quantity, q.unit):
            raise _Raises  # no numeric target, or one in another unit
        tv = ctx.target.quantity.value
        linear = rule.proportional.linear
        t_ = g.c(tv)
        if linear or (linear is None and ctx.options.reverse == "linear"):
            over = f"max({zero}, 2 - {g.qn} / {t_})" if tv else zero
        else:
            over = f"{t_} / {g.qn}"
        lines = [f"    if {g.qn} <= {t_}:", f"        r = {one}", "    else:", f"        r = {over}"]
    else:
        if ctx.target is None and q.is_percent:
            share = f"{g.qn} / {g.c(HUNDRED)}"
        else:
            share = f"{_compare_code(ratio(ctx.setting, 'q', q.unit), g)} / {g.c(HUNDRED)}"
        lines = [f"    r = min({share}, {one})"]
    return ["    try:", *["    " + s for s in lines], "    except ArithmeticError:", "        return _slow(x0)",
            f"    return {g.finish(f'{base} * max(r, {zero})')}"]  # fmt: skip


# -------------------------------------------------------------- intervals of q


def _remove(region: list[_Interval], covered: _Interval | None) -> list[_Interval]:
    """The region less what a band covers (a band of unknown cover removes nothing)."""
    if covered is None:
        return region
    lo, loi, hi, hii = covered
    rest: list[_Interval] = []
    for iv in region:
        if lo is not None:  # the part below the band
            rest += _meet(iv, (None, False, lo, not loi))
        if hi is not None:  # the part above it
            rest += _meet(iv, (hi, not hii, None, False))
    return rest


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


def _past(iv: _Interval, rv: Decimal, sign: int) -> bool:
    """Every q of ``iv`` lies strictly on the losing side of ``rv``."""
    lo, loi, hi, hii = iv
    if sign > 0:
        return hi is not None and (hi < rv or (hi == rv and not hii))
    if sign < 0:
        return lo is not None and (lo > rv or (lo == rv and not loi))
    return False


def _most(rv: Decimal, sign: int, q_min: Decimal | None, q_max: Decimal | None) -> Decimal | None:
    """The largest distance past ``rv`` over the region, None if unbounded."""
    below = None if q_min is None else max(rv - q_min, ZERO)
    above = None if q_max is None else max(q_max - rv, ZERO)
    if sign > 0:
        return below
    if sign < 0:
        return above
    return None if below is None or above is None else max(below, above)
