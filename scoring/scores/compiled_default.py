"""A compiled fast path for the default method of a numeric row, for plain-number outcomes.

Bulk scoring calls ``default_score`` once per distinct (row, outcome); for a plain number
(``85``, ``85%``, `` 1200 ``) almost all of its cost is reading the outcome and writing the
扣分原因, neither of which the points need. ``compile_default`` does once per row everything
that does not depend on the number (weight, comparator, how the row's unit reads a bare
number, options) and returns ``f(text)``: the rounded points, bit-identical to
``default_score(...).points``, or None when the text is not a plain number or the fast path
cannot be sure (the caller then runs ``default_score``, which also raises where it must).

Every Decimal operation below mirrors ``defaults._numeric`` and ``defaults.finish`` in the
same order, because ``weight * (a / t)`` and ``weight * a / t`` round differently.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from ..reading.cells import Reading, Target
from ..reading.values import comparator as parse_comparator
from ..reading.values import parse_value, to_decimal
from ..rules.nodes import Op
from .defaults import infer_op, num, show
from .results import ROUNDING_MODES, Options

ZERO = Decimal(0)
ONE = Decimal(1)
HUNDRED = Decimal(100)
THOUSAND = Decimal(1000)
TWO = Decimal(2)  # 2 - x converts the int 2 to exactly this

#: A plain number. ASCII digits only: ``parse_value`` reads [0-9], and a fullwidth ``８５``
#: takes another road through ``read_actual`` (it is read as text). ``\s`` is Python's Unicode
#: whitespace, the same set ``str.strip`` removes and ``parse_value``'s ``\s`` skips.
PLAIN = re.compile(r"\s*([0-9]+(?:\.[0-9]+)?)\s*(%?)\s*")
#: A number with a unit written right after it (``250人``, ``12.5万元``): read_actual reads it with
#: parse_value as that unit says (which ``unit_of`` asks once per unit).
WRITTEN = re.compile(r"\s*([0-9]+(?:\.[0-9]+)?)([^\s\d.,，。；;：:、()（）%％]+)\s*")

#: Longest number text taken (digits and point): keeps every quantity far inside the 28 digits
#: of the decimal context, where ``num``/``show``/``_pct`` of the 扣分原因 could raise
#: InvalidOperation (``default_score`` fails on a 29-digit outcome; the fast path must not score it).
MAX_CHARS = 16
#: ``reverse="linear"``: above this actual/target ratio ``default_score`` may fail formatting
#: the excess (``_pct(a / t - 1)``); leave such outcomes to it.
MAX_EXCESS = Decimal("1E+20")
#: Targets outside these bounds are left to ``default_score`` (a ratio could leave the context).
_TARGET_MAX = Decimal("1E+24")
_TARGET_MIN = Decimal("1E-12")

Fast = Callable[[str], Decimal | None]
ReadingFast = Callable[[Reading], Decimal | None]

_GE, _LE, _EQ = 0, 1, 2


def compile_default(
    indicator: Any, opts: Options, *, target: Target, satisfaction: str, qualitative: str, category: str
) -> Fast | None:
    """``f(text)`` giving ``default_score(indicator, text, opts, target=…, …).points`` for a plain
    number, or None when the row is not scored by ``_numeric`` (so there is nothing to compile).

    ``qualitative`` only matters to rows read as text, which are never compiled; it is taken so
    that the call mirrors ``default_score``'s."""
    parts = compile_default_parts(indicator, opts, target=target, satisfaction=satisfaction,
                                  qualitative=qualitative, category=category)  # fmt: skip
    return None if parts is None else parts[0]


def compile_default_parts(
    indicator: Any, opts: Options, *, target: Target, satisfaction: str, qualitative: str, category: str
) -> tuple[Fast, ReadingFast] | None:
    """``compile_default``'s ``f(text)`` and ``g(reading)``: the points ``default_score`` gives
    an outcome that ``read_actual`` reads as ``reading`` (``9.7万人，完成率97%``: the number or
    the completion rate read out of the words), or None where the fast path is not sure."""
    del qualitative  # a numeric reading never reaches judge_text
    if target.kind != "number" or target.quantity is None:
        return None
    written = (getattr(indicator, "comparator", None) or "").strip()
    if written == "定性":
        return None
    try:
        weight = to_decimal(indicator.weight, "分值")
    except (TypeError, ValueError, ArithmeticError):
        return None
    if weight < 0:
        return None
    unit = getattr(indicator, "unit", None)
    tq = target.quantity
    t = tq.value
    if not t.is_finite() or (t != 0 and not _TARGET_MIN <= abs(t) <= _TARGET_MAX):
        return None
    q = ONE.scaleb(-opts.places)
    mode = ROUNDING_MODES[opts.rounding]
    try:
        # what finish and the 扣分原因 do with the weight and the target on every road: if they
        # fail here, default_score fails for every outcome
        full = min(max(weight, ZERO), weight).quantize(q, rounding=mode)
        nothing = min(max(ZERO, ZERO), weight).quantize(q, rounding=mode)
        num(weight)
        show(tq)
    except ArithmeticError:
        return None

    op = (parse_comparator(written) if written else None) or target.op
    if op is None:
        op, _ = infer_op(target, str(category) + str(getattr(indicator, "name", "")))
    kind = _GE if op in (Op.GE, Op.GT) else _LE if op in (Op.LE, Op.LT) else _EQ
    reverse_op = kind == _LE
    t_pct = tq.is_percent
    rate_satisfaction = satisfaction == "rate" and "满意" in str(getattr(indicator, "name", ""))
    linear = opts.reverse == "linear"

    # How read_actual reads a plain number on this row: parse_value is linear in the number
    # (value × the row unit's 万/亿), so one probe gives the multiplier and the unit.
    bare = parse_value("1", unit)
    pct = parse_value("1%", unit)
    if bare is None or pct is None or pct.quantity.unit != "%" or pct.quantity.value != ONE:
        return None
    mult = bare.quantity.value
    bare_pct = bare.quantity.is_percent
    # read_actual: a bare number 0..1000 (after 万/亿) on a percent target is a percent
    bare_may_be_pct = t_pct and not bare_pct and not bare.quantity.unit

    # a × 1 is a itself (same digits, same exponent): skip it where the unit has no 万/亿
    scale = mult.as_tuple() != ONE.as_tuple()
    match = PLAIN.fullmatch
    written = WRITTEN.fullmatch
    units: dict[str, Decimal | None] = {}

    def unit_of(u: str) -> Decimal | None:
        """The multiplier of a number written with unit ``u``, read as an amount (not a percent)
        exactly as read_actual reads it; None for units it reads otherwise: 余/多 (a lower bound),
        年 (19xx年 is a date), a percent unit, a bare 万 (a number without a unit)."""
        if u not in units:
            v = None if "余" in u or "多" in u or u.startswith("年") else parse_value(f"1{u}", unit)
            ok = v is not None and v.op is None and not v.quantity.is_percent and bool(v.quantity.unit)
            units[u] = v.quantity.value if ok and v is not None else None
        return units[u]

    def rate_share(a: Decimal) -> Decimal:
        """weight × max(min(a / 100, 1), 0): a rate as the share of the weight."""
        used = a / HUNDRED
        if ONE < used:
            used = ONE
        if ZERO > used:
            used = ZERO
        return weight * used

    def f(text: str) -> Decimal | None:
        """The points of a plain-number outcome, or None (not plain, or not sure)."""
        m = match(text)
        if m is None:
            m = written(text)
            if m is None:
                return None
            by = unit_of(m[2])
            if by is None or len(m[1]) > MAX_CHARS:
                return None
            return points(Decimal(m[1]) * by, False)
        if len(m[1]) > MAX_CHARS:
            return None
        if m[2]:
            return points(Decimal(m[1]), True)
        a = Decimal(m[1])
        if scale:
            a = a * mult
        # read_actual: a bare number 0..1000 on a percent target is a percent (a >= 0: no sign)
        return points(a, bare_pct or (bare_may_be_pct and a <= THOUSAND))

    def g(reading: Reading) -> Decimal | None:
        """The points of an outcome read as ``reading``, as ``_numeric`` gives them."""
        if reading.ratio is not None:  # a completion rate read instead of the amount
            return None if reverse_op or not _fits(reading.ratio) else done(rate_share(reading.ratio))
        q = reading.quantity
        if q is None or not _fits(q.value):
            return None
        return points(q.value, q.is_percent)

    # min/max are spelt out as the comparisons the builtins make (max(x, y) is y only when
    # y > x; min(x, y) is y only when y < x), so equal values keep the same Decimal object
    def points(a: Decimal, a_pct: bool) -> Decimal | None:
        """``_numeric`` and ``finish`` on the actual ``a`` (a percent or not)."""
        if a_pct != t_pct:
            if not a_pct or reverse_op:
                return None  # not comparable: default_score raises
            exact = rate_share(a)  # a completion rate given for an amount target
        elif kind == _GE:
            if a >= t:
                return full
            if rate_satisfaction and a_pct:
                exact = rate_share(a)
            elif t <= 0:
                return None
            else:
                ratio = a / t
                if ZERO > ratio:
                    ratio = ZERO
                exact = weight * ratio
        elif kind == _LE:
            if a <= t:
                return full
            if t < 0:
                return None
            if t == 0:
                return nothing
            if linear:
                excess = a / t
                if excess >= MAX_EXCESS:
                    return None
                ratio = TWO - excess
                if ZERO > ratio:
                    ratio = ZERO
            else:
                ratio = t / a
            exact = weight * ratio
        else:  # =
            if a == t:
                return full
            if a <= 0 or t <= 0:
                return None
            ratio = a / t
            other = t / a
            if other < ratio:
                ratio = other
            exact = weight * ratio
        return done(exact)

    def done(exact: Decimal) -> Decimal:
        """``finish``: min(max(exact, 0), weight), rounded."""
        if ZERO > exact:
            exact = ZERO
        if weight < exact:
            exact = weight
        return exact.quantize(q, mode)

    return f, g


def _fits(a: Decimal) -> bool:
    """A number read out of words as short as a plain number the fast path takes (at most
    ``MAX_CHARS`` digits, none below 10⁻⁶): far inside the decimal context's 28 digits."""
    if not a.is_finite():
        return False
    _, digits, exponent = a.as_tuple()
    assert isinstance(exponent, int)
    return len(digits) <= MAX_CHARS and -6 <= exponent and len(digits) + exponent <= MAX_CHARS


__all__ = ["MAX_CHARS", "PLAIN", "WRITTEN", "compile_default", "compile_default_parts"]
