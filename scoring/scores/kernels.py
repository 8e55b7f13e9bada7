"""Column kernels: a compiled rule run on a whole column of numbers at once (``score_frame``).

A ``Compiled`` rule's generated source (``Compiled.source``) is a small straight-line language:
``if`` tests on the actual, Decimal arithmetic on bound constants, ``min``/``max``/``abs``,
``to_integral_value`` and ``quantize``. ``kernel(compiled)`` runs that same source on numpy
arrays of exact rationals (numerator and denominator as int64), row masks standing for the
branches: the actual comes in as scaled integers (85.5 at scale 1 is 855), the points come out as
integers at the rule's quantum (8.00 → 800), rounded half up (or truncated) in integer arithmetic.

Exactness. Where no division was made the rationals are the Decimals the evaluator computes (every
value fits 19 digits: an operation that would overflow int64 gives the whole column back to the
compiled function). After a division the Decimal is the exact value rounded to 28 digits; it can
only decide a test or a rounding differently when the exact value lies within 10⁻¹² (relative) of
the edge, so those rows, and rows dividing by zero, ``_slow`` branches and anything the source does
not say in this language, are handed back (``FALLBACK``): the caller scores them by the compiled
function or the evaluator. Rows reaching a ``_raise`` branch (the evaluator refuses the number there)
are marked refused, with the branch (``REFUSED + site``): the caller words the refusal.
tests/test_frame.py checks every row against ``evaluate``.

Speed. The source is turned into a tree of Python closures once per kernel (a kernel is made once
per reading and kept with the compiled rule), so a run is numpy work and little else. A fraction is
brought to lowest terms (a gcd per row) only where an operation would otherwise pass the int64
bound: each value carries an upper bound of its numerator and denominator, worked out from its
operands', and the shared denominator of the outcomes (10**scale) stays one number. Reducing first
or later gives the same fraction, and every edge test is a ratio of the two, so the rows handed back
are the same.
"""

from __future__ import annotations

import ast
import functools
from collections.abc import Callable
from decimal import ROUND_CEILING, ROUND_DOWN, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from typing import Any

import numpy as np

from .compiled import Compiled

_LIMIT = 1 << 62  # |numerator|, denominator kept below this (int64 with room for a sum)
_TIGHT = 1e-12  # relative distance to an edge under which a row that divided is handed back
PENDING, DONE, FALLBACK = 0, 1, 2
#: a row's status from REFUSED up: the generated code refuses the number (``return _raise(x0)``: the
#: evaluator raises for it, codegen's ``_Raises``) at the site ``status - REFUSED`` (its ``_raise``
#: calls numbered in the source's order); the caller asks the evaluator for the message.
REFUSED = 3


class Unsupported(Exception):
    """The source says something the kernel does not run (or would overflow): no kernel."""


class _Q:
    """A column (or a constant) of exact rationals n/d, d > 0, not necessarily in lowest terms;
    ``nb`` and ``db`` bound |n| and d (Python ints)."""

    __slots__ = ("d", "db", "n", "nb")

    def __init__(self, n: Any, d: Any, nb: int, db: int) -> None:
        self.n, self.d, self.nb, self.db = n, d, nb, db


def _max_abs(a: Any) -> int:
    if np.ndim(a) == 0:
        return abs(int(a))
    return int(np.abs(a).max()) if a.size else 0


def _exact(q: _Q) -> _Q:
    """q in lowest terms, its bounds measured."""
    g = np.maximum(np.gcd(q.n, q.d), 1)
    n, d = q.n // g, q.d // g
    return _Q(n, d, _max_abs(n), _max_abs(d))


def _fit(a: _Q, b: _Q, bounds: Callable[[_Q, _Q], tuple[int, int]]) -> tuple[_Q, _Q]:
    """a and b such that ``bounds(a, b)`` stay under the int64 limit: as they are, else in lowest
    terms; Unsupported where even those would pass it."""
    if max(bounds(a, b)) < _LIMIT:
        return a, b
    a, b = _exact(a), _exact(b)
    if max(bounds(a, b)) < _LIMIT:
        return a, b
    raise Unsupported("overflow")


def _const(v: Any) -> _Q:
    if isinstance(v, bool) or not isinstance(v, (int, Decimal)):
        raise Unsupported(type(v).__name__)
    if isinstance(v, Decimal) and not v.is_finite():
        raise Unsupported("non-finite constant")
    n, d = v.as_integer_ratio()
    if abs(n) >= _LIMIT or d >= _LIMIT:
        raise Unsupported("constant too large")
    return _Q(np.int64(n), np.int64(d), abs(n), d)


class _Run:
    """One run of a kernel over a column: the values, results and hand-backs."""

    def __init__(self, x: _Q, size: int, qn: int, qd: int) -> None:
        self.env: dict[str, _Q] = {"x": x}
        self.status = np.zeros(size, dtype=np.int16)
        self.points = np.zeros(size, dtype=np.int64)
        self.divided = np.zeros(size, dtype=bool)  # rows whose value went through a division
        self.qn, self.qd = qn, qd  # the quantum, qn/qd

    def back(self, rows: Any) -> None:
        self.status[rows & (self.status == PENDING)] = FALLBACK

    def refuse(self, rows: Any, site: int) -> None:
        self.status[rows & (self.status == PENDING)] = REFUSED + site

    def assign(self, name: str, v: _Q, mask: Any) -> None:
        old = self.env.get(name)
        if old is None:
            self.env[name] = _Q(np.broadcast_to(v.n, mask.shape), np.broadcast_to(v.d, mask.shape), v.nb, v.db)
        else:
            self.env[name] = _Q(np.where(mask, v.n, old.n), np.where(mask, v.d, old.d), max(v.nb, old.nb),
                                max(v.db, old.db))  # fmt: skip

    def integral(self, v: _Q, qn: int, qd: int, mode: Any, mask: Any) -> Any:
        """v / (qn/qd) rounded to an integer as Decimal's ``mode``; rows on an edge that divided
        go back."""
        if max(v.nb * qd, v.db * qn) >= _LIMIT:
            v = _exact(v)
            if max(v.nb * qd, v.db * qn) >= _LIMIT:
                raise Unsupported("overflow")
        n, d = v.n * np.int64(qd), v.d * np.int64(qn)
        fl = n // d  # floor
        r = n - fl * d  # 0 <= r < d
        if mode == ROUND_HALF_UP:  # away from zero at exactly half
            up = np.where(n >= 0, 2 * r >= d, 2 * r > d)
            out = fl + up
            edge = np.abs(r / d - 0.5)
        elif mode == ROUND_DOWN:
            out = np.where((n < 0) & (r != 0), fl + 1, fl)
            edge = np.minimum(r / d, 1 - r / d)
        elif mode == ROUND_FLOOR:
            out, edge = fl, np.minimum(r / d, 1 - r / d)
        elif mode == ROUND_CEILING:
            out, edge = np.where(r != 0, fl + 1, fl), np.minimum(r / d, 1 - r / d)
        else:
            raise Unsupported(f"rounding {mode}")
        self.back(mask & self.divided & (edge <= _TIGHT * np.maximum(1.0, np.abs(n / d))))
        return out

    def less(self, a: _Q, b: _Q, mask: Any, strict: bool) -> Any:
        """a < b (strict) or a <= b, row by row; rows that divided and lie on the edge go back."""
        a, b = _fit(a, b, lambda a, b: (a.nb * b.db, b.nb * a.db))
        left, right = a.n * b.d, b.n * a.d
        scale = np.maximum(np.maximum(np.abs(left), np.abs(right)), a.d * b.d).astype(float)
        self.back(mask & self.divided & (np.abs((left - right).astype(float)) <= _TIGHT * scale))
        return left < right if strict else left <= right


# ---------------------------------------------------------------------------- the source as closures
# A statement is a function (run, mask) -> None, an expression (run, mask) -> _Q, a test
# (run, mask) -> bool array. What the kernel does not run raises Unsupported when a row reaches it.

_Stmt = Callable[[_Run, Any], None]
_Expr = Callable[[_Run, Any], _Q]
_Test = Callable[[_Run, Any], Any]


def _unsupported(what: str) -> Callable[..., Any]:
    def run(run: _Run, mask: Any) -> Any:
        raise Unsupported(what)

    return run


class _Lowering:
    """A kernel's source (a function body) as closures, its constants bound."""

    def __init__(self, consts: dict[str, Any], quantum: Decimal) -> None:
        self.consts = consts
        self.quantum = quantum
        q = _const(quantum)
        self.qn, self.qd = int(q.n), int(q.d)
        self.sites = 0  # the source's ``_raise`` calls so far

    def block(self, stmts: list[ast.stmt]) -> _Stmt:
        parts = [f for f in (self.stmt(s) for s in stmts) if f is not None]

        def block(run: _Run, mask: Any) -> None:
            for f in parts:
                mask = mask & (run.status == PENDING)
                if not mask.any():
                    return
                f(run, mask)

        return block

    def stmt(self, s: ast.stmt) -> _Stmt | None:
        if isinstance(s, ast.Assign) and len(s.targets) == 1 and isinstance(s.targets[0], ast.Name):
            name = s.targets[0].id
            if name == "x0":
                return None
            value = self.expr(s.value)
            return lambda run, mask: run.assign(name, value(run, mask), mask)
        if isinstance(s, ast.AugAssign) and isinstance(s.target, ast.Name) and isinstance(s.op, ast.Sub):
            name = s.target.id
            sub = self.arith(ast.Sub(), self.name(name), self.expr(s.value))
            return lambda run, mask: run.assign(name, sub(run, mask), mask)
        if isinstance(s, ast.If):
            if ast.unparse(s.test) in ("type(x) is not Decimal", "not x.is_finite()"):
                return None  # the caller gives only finite numbers
            test, body, orelse = self.cond(s.test), self.block(s.body), self.block(s.orelse)

            def branch(run: _Run, mask: Any) -> None:
                held = test(run, mask)
                body(run, mask & held)
                orelse(run, mask & ~held)

            return branch
        if isinstance(s, ast.Try):
            if len(s.handlers) != 1 or s.orelse or s.finalbody:
                return _unsupported("try")
            return self.block(s.body)  # a division by zero hands its row back, as the handler does
        if isinstance(s, ast.Return) and s.value is not None:
            return self.ret(s.value)
        return _unsupported(ast.unparse(s))

    def ret(self, e: ast.expr) -> _Stmt:
        if isinstance(e, ast.Call) and isinstance(e.func, ast.Name) and e.func.id == "_slow":
            return lambda run, mask: run.back(mask)
        if isinstance(e, ast.Call) and isinstance(e.func, ast.Name) and e.func.id == "_raise":
            site = self.sites
            self.sites += 1
            if REFUSED + site > np.iinfo(np.int16).max:
                return lambda run, mask: run.back(mask)
            return lambda run, mask: run.refuse(mask, site)
        if isinstance(e, ast.Name) and e.id in self.consts:
            try:
                v = _const(self.consts[e.id])
            except Unsupported as u:
                return _unsupported(str(u))
            p = int(v.n) * self.qd  # the constant at the quantum: exact or no kernel
            if p % (int(v.d) * self.qn) != 0:
                return _unsupported("constant off the quantum")
            value = np.int64(p // (int(v.d) * self.qn))

            def constant(run: _Run, mask: Any) -> None:
                run.points[mask] = value
                run.status[mask & (run.status == PENDING)] = DONE

            return constant
        if isinstance(e, ast.Call) and isinstance(e.func, ast.Attribute) and e.func.attr == "quantize":
            q, mode = (self.consts.get(a.id) if isinstance(a, ast.Name) else None for a in e.args)
            if q != self.quantum:
                return _unsupported("another quantum")
            of = self.expr(e.func.value)
            qn, qd = self.qn, self.qd

            def quantize(run: _Run, mask: Any) -> None:
                run.points[mask] = run.integral(of(run, mask), qn, qd, mode, mask)[mask]
                run.status[mask & (run.status == PENDING)] = DONE

            return quantize
        return _unsupported(ast.unparse(e))

    def name(self, name: str) -> _Expr:
        const: _Q | None = None
        why = name
        if name in self.consts:
            try:
                const = _const(self.consts[name])
            except Unsupported as u:
                why = str(u)

        def value(run: _Run, mask: Any) -> _Q:
            v = run.env.get(name)
            if v is not None:
                return v
            if const is None:
                raise Unsupported(why)
            return const

        return value

    def expr(self, e: ast.expr) -> _Expr:
        if isinstance(e, ast.Name):
            return self.name(e.id)
        if isinstance(e, ast.Constant) and type(e.value) is int:
            try:
                c = _const(e.value)
            except Unsupported as u:
                return _unsupported(str(u))
            return lambda run, mask: c
        if isinstance(e, ast.UnaryOp) and isinstance(e.op, ast.USub):
            operand = self.expr(e.operand)

            def neg(run: _Run, mask: Any) -> _Q:
                v = operand(run, mask)
                return _Q(-v.n, v.d, v.nb, v.db)

            return neg
        if isinstance(e, ast.BinOp):
            return self.arith(e.op, self.expr(e.left), self.expr(e.right))
        if isinstance(e, ast.Call) and isinstance(e.func, ast.Name) and not e.keywords:
            args = [self.expr(a) for a in e.args]
            if e.func.id == "abs" and len(args) == 1:
                (arg,) = args

                def absolute(run: _Run, mask: Any) -> _Q:
                    v = arg(run, mask)
                    return _Q(np.abs(v.n), v.d, v.nb, v.db)

                return absolute
            if e.func.id in ("min", "max") and len(args) == 2:
                first, second = args
                smaller = e.func.id == "min"

                def pick(run: _Run, mask: Any) -> _Q:
                    a, b = first(run, mask), second(run, mask)
                    less = run.less(a, b, mask, strict=True)
                    pick_a = less if smaller else ~less
                    return _Q(np.where(pick_a, a.n, b.n), np.where(pick_a, a.d, b.d), max(a.nb, b.nb), max(a.db, b.db))

                return pick
        if (isinstance(e, ast.Call) and isinstance(e.func, ast.Attribute) and e.func.attr == "to_integral_value"
                and len(e.args) == 1 and isinstance(e.args[0], ast.Name)):  # fmt: skip
            of = self.expr(e.func.value)
            mode = self.consts.get(e.args[0].id)

            def integral(run: _Run, mask: Any) -> _Q:
                out = run.integral(of(run, mask), 1, 1, mode, mask)
                return _Q(out, np.int64(1), _max_abs(out), 1)

            return integral
        return _unsupported(ast.unparse(e))

    def arith(self, op: ast.operator, left: _Expr, right: _Expr) -> _Expr:
        if isinstance(op, (ast.Add, ast.Sub)):
            sign = 1 if isinstance(op, ast.Add) else -1

            def add(run: _Run, mask: Any) -> _Q:
                a, b = _fit(left(run, mask), right(run, mask),
                            lambda a, b: (a.nb * b.db + b.nb * a.db, a.db * b.db))  # fmt: skip
                n = a.n * b.d + b.n * a.d if sign > 0 else a.n * b.d - b.n * a.d
                return _Q(n, a.d * b.d, a.nb * b.db + b.nb * a.db, a.db * b.db)

            return add
        if isinstance(op, ast.Mult):

            def mul(run: _Run, mask: Any) -> _Q:
                a, b = _fit(left(run, mask), right(run, mask), lambda a, b: (a.nb * b.nb, a.db * b.db))
                return _Q(a.n * b.n, a.d * b.d, a.nb * b.nb, a.db * b.db)

            return mul
        if isinstance(op, ast.Div):

            def div(run: _Run, mask: Any) -> _Q:
                a, b = _fit(left(run, mask), right(run, mask), lambda a, b: (a.nb * b.db, a.db * max(b.nb, 1)))
                zero = b.n == 0
                run.back(mask & zero)  # the evaluator's error, or the handler's hand-back
                run.divided |= mask
                bn = np.where(zero, 1, b.n)
                n, d = a.n * b.d, a.d * bn
                return _Q(np.where(d < 0, -n, n), np.abs(d), a.nb * b.db, a.db * max(b.nb, 1))

            return div
        if isinstance(op, ast.Mod):

            def mod(run: _Run, mask: Any) -> _Q:
                """Decimal's remainder: the sign of the dividend (a - b × trunc(a / b)); exact, no division
                rounded (x % 1 != 0: a count that is not whole)."""
                a, b = _fit(left(run, mask), right(run, mask),
                            lambda a, b: (a.nb * b.db, max(a.db * b.nb, a.db * b.db)))  # fmt: skip
                zero = b.n == 0
                run.back(mask & zero)  # Decimal raises InvalidOperation: the evaluator's
                num, den = a.n * b.d, np.where(zero, 1, b.n) * a.d  # a / b = num / den
                q = np.abs(num) // np.abs(den) * np.sign(num) * np.sign(den)
                return _Q(num - q * den, a.d * b.d, b.nb * a.db, a.db * b.db)

            return mod
        return _unsupported(type(op).__name__)

    def cond(self, e: ast.expr) -> _Test:
        if isinstance(e, ast.Compare):
            left = self.expr(e.left)
            steps = [(op, self.expr(comp)) for op, comp in zip(e.ops, e.comparators, strict=True)]
            for op, _ in steps:
                if not isinstance(op, (ast.Lt, ast.LtE, ast.Gt, ast.GtE, ast.Eq, ast.NotEq)):
                    return _unsupported(type(op).__name__)

            def compare(run: _Run, mask: Any) -> Any:
                out = np.ones(mask.shape, dtype=bool)
                a = left(run, mask)
                for op, right in steps:
                    b = right(run, mask)
                    if isinstance(op, ast.Lt):
                        out &= run.less(a, b, mask, True)
                    elif isinstance(op, ast.LtE):
                        out &= run.less(a, b, mask, False)
                    elif isinstance(op, ast.Gt):
                        out &= run.less(b, a, mask, True)
                    elif isinstance(op, ast.GtE):
                        out &= run.less(b, a, mask, False)
                    else:
                        eq = run.less(a, b, mask, False) & run.less(b, a, mask, False)
                        out &= eq if isinstance(op, ast.Eq) else ~eq
                    a = b
                return out

            return compare
        if isinstance(e, ast.UnaryOp) and isinstance(e.op, ast.Not):
            inner = self.cond(e.operand)
            return lambda run, mask: ~inner(run, mask)
        if isinstance(e, ast.BoolOp):
            parts = [self.cond(v) for v in e.values]
            both = np.logical_and if isinstance(e.op, ast.And) else np.logical_or
            return lambda run, mask: functools.reduce(both, [p(run, mask) for p in parts])
        if isinstance(e, ast.Name):  # met = …; if met:
            name = e.id

            def flag(run: _Run, mask: Any) -> Any:
                v = run.env.get(name)
                if v is None:
                    raise Unsupported(name)
                return v.n != 0

            return flag
        return _unsupported(ast.unparse(e))


@functools.lru_cache(maxsize=1024)
def _body(source: str) -> list[ast.stmt]:
    tree = ast.parse(source)
    f = tree.body[0]
    if not isinstance(f, ast.FunctionDef):
        raise Unsupported("not a function")
    return f.body


class Kernel:
    """A compiled rule over a column: ``(x_scaled, scale) -> (points at 10**-places, status)``."""

    def __init__(self, compiled: Compiled) -> None:
        f: Callable[..., Any] = compiled.take
        if not compiled.source or not hasattr(f, "__globals__"):
            raise Unsupported("no generated code")
        self.places = compiled.options.places
        self.quantum = Decimal(1).scaleb(-self.places)
        lowering = _Lowering(f.__globals__, self.quantum)
        self.qn, self.qd = lowering.qn, lowering.qd
        # 'met = <test>' as an if: the run's values are numbers
        self.run = lowering.block(_lower(_body(compiled.source)))

    def __call__(self, x: Any, scale: int) -> tuple[Any, Any]:
        """``x``: int64 actuals times 10**scale. Returns the points times 10**places (int64) and
        each row's status (DONE; FALLBACK: score that row another way; REFUSED + site: refused)."""
        d = 10**scale
        run = _Run(_Q(x, np.int64(d), _max_abs(x), d), len(x), self.qn, self.qd)
        self.run(run, np.ones(len(x), dtype=bool))
        run.status[run.status == PENDING] = FALLBACK  # fell off the end: not expected
        return run.points, run.status


def _lower(body: list[ast.stmt]) -> list[ast.stmt]:
    """``met = <comparison>`` as ``if <comparison>: met = 1 else: met = 0`` (the run's values are numbers)."""
    out: list[ast.stmt] = []
    for s in body:
        if isinstance(s, ast.Assign) and isinstance(s.value, (ast.Compare, ast.BoolOp)):
            one = ast.Assign(targets=s.targets, value=ast.Constant(1))
            zero = ast.Assign(targets=s.targets, value=ast.Constant(0))
            out.append(ast.If(test=s.value, body=[one], orelse=[zero]))
        elif isinstance(s, ast.If):
            out.append(ast.If(test=s.test, body=_lower(s.body), orelse=_lower(s.orelse)))
        elif isinstance(s, ast.Try):
            out.append(ast.Try(body=_lower(s.body), handlers=s.handlers, orelse=s.orelse, finalbody=s.finalbody))
        else:
            out.append(s)
    return out


def kernel(compiled: Compiled) -> Kernel | None:
    """The column kernel of a compiled rule, or None where its source is not in the kernel's language."""
    try:
        return Kernel(compiled)
    except Unsupported:
        return None


__all__ = ["DONE", "FALLBACK", "REFUSED", "Kernel", "Unsupported", "kernel"]
