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
the edge, so those rows, and rows dividing by zero, ``_raise``/``_slow`` branches and anything the
source does not say in this language, are handed back (``FALLBACK``): the caller scores them by the
compiled function or the evaluator. tests/test_frame.py checks every row against ``evaluate``.
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


class Unsupported(Exception):
    """The source says something the kernel does not run (or would overflow): no kernel."""


class _Q:
    """A column (or a constant) of exact rationals n/d, d > 0."""

    __slots__ = ("d", "n")

    def __init__(self, n: Any, d: Any) -> None:
        self.n, self.d = n, d


def _check(*arrays: Any) -> None:
    for a in arrays:
        if np.size(a) and int(np.max(np.abs(a))) >= _LIMIT:
            raise Unsupported("overflow")


def _bound(a: Any) -> int:
    return int(np.max(np.abs(a))) if np.size(a) else 0


def _reduce(n: Any, d: Any) -> _Q:
    g = np.gcd(n, d)
    g = np.where(g == 0, 1, g)
    return _Q(n // g, d // g)


def _const(v: Any) -> _Q:
    if isinstance(v, bool) or not isinstance(v, (int, Decimal)):
        raise Unsupported(type(v).__name__)
    if isinstance(v, Decimal) and not v.is_finite():
        raise Unsupported("non-finite constant")
    n, d = v.as_integer_ratio()
    if abs(n) >= _LIMIT or d >= _LIMIT:
        raise Unsupported("constant too large")
    return _Q(np.int64(n), np.int64(d))


class _Run:
    """One run of a kernel over a column: the mask of rows still going, results, hand-backs."""

    def __init__(self, x: _Q, consts: dict[str, Any], size: int, quantum: Decimal) -> None:
        self.env: dict[str, _Q] = {"x": x}
        self.consts = consts
        self.status = np.zeros(size, dtype=np.int8)
        self.points = np.zeros(size, dtype=np.int64)
        self.divided = np.zeros(size, dtype=bool)  # rows whose value went through a division
        self.active = np.ones(size, dtype=bool)
        self.quantum = quantum
        self.qn, self.qd = _const(quantum).n, _const(quantum).d  # quantum = qn/qd

    # ------------------------------------------------------------------ statements
    def block(self, stmts: list[ast.stmt], mask: Any) -> None:
        for s in stmts:
            mask = mask & (self.status == PENDING)
            if not mask.any():
                return
            self.stmt(s, mask)

    def stmt(self, s: ast.stmt, mask: Any) -> None:
        if isinstance(s, ast.Assign) and len(s.targets) == 1 and isinstance(s.targets[0], ast.Name):
            name = s.targets[0].id
            if name == "x0":
                return
            self.assign(name, self.expr(s.value, mask), mask)
        elif isinstance(s, ast.AugAssign) and isinstance(s.target, ast.Name) and isinstance(s.op, ast.Sub):
            old = self.env[s.target.id]
            self.assign(s.target.id, self.arith(ast.Sub(), old, self.expr(s.value, mask), mask), mask)
        elif isinstance(s, ast.If):
            source = ast.unparse(s.test)
            if source in ("type(x) is not Decimal", "not x.is_finite()"):
                return  # the caller gives only finite numbers
            test = self.cond(s.test, mask)
            self.block(s.body, mask & test)
            self.block(s.orelse, mask & ~test)
        elif isinstance(s, ast.Try):
            if len(s.handlers) != 1 or s.orelse or s.finalbody:
                raise Unsupported("try")
            self.block(s.body, mask)  # a division by zero hands its row back, as the handler does
        elif isinstance(s, ast.Return) and s.value is not None:
            self.ret(s.value, mask)
        else:
            raise Unsupported(ast.unparse(s))

    def assign(self, name: str, v: _Q, mask: Any) -> None:
        old = self.env.get(name)
        if old is None:
            self.env[name] = _Q(np.broadcast_to(v.n, mask.shape), np.broadcast_to(v.d, mask.shape))
        else:
            self.env[name] = _Q(np.where(mask, v.n, old.n), np.where(mask, v.d, old.d))

    def back(self, rows: Any) -> None:
        self.status[rows & (self.status == PENDING)] = FALLBACK

    def ret(self, e: ast.expr, mask: Any) -> None:
        if isinstance(e, ast.Call) and isinstance(e.func, ast.Name) and e.func.id in ("_raise", "_slow"):
            self.back(mask)
            return
        if isinstance(e, ast.Name) and e.id in self.consts:
            v = _const(self.consts[e.id])
            p = v.n * self.qd  # the constant at the quantum: exact or no kernel
            if (p * 1) % (v.d * self.qn) != 0:
                raise Unsupported("constant off the quantum")
            self.points[mask] = p // (v.d * self.qn)
        elif isinstance(e, ast.Call) and isinstance(e.func, ast.Attribute) and e.func.attr == "quantize":
            q, mode = (self.consts.get(a.id) if isinstance(a, ast.Name) else None for a in e.args)
            if q != self.quantum:
                raise Unsupported("another quantum")
            v = self.expr(e.func.value, mask)
            self.points[mask] = self.integral(v, self.qn, self.qd, mode, mask)[mask]
        else:
            raise Unsupported(ast.unparse(e))
        self.status[mask & (self.status == PENDING)] = DONE

    # ------------------------------------------------------------------ expressions
    def integral(self, v: _Q, qn: Any, qd: Any, mode: Any, mask: Any) -> Any:
        """v / (qn/qd) rounded to an integer as Decimal's ``mode``; rows on an edge that divided
        go back."""
        n, d = v.n * qd, v.d * qn
        _check(n, d)
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

    def expr(self, e: ast.expr, mask: Any) -> _Q:
        if isinstance(e, ast.Name):
            if e.id in self.env:
                return self.env[e.id]
            if e.id in self.consts:
                return _const(self.consts[e.id])
            raise Unsupported(e.id)
        if isinstance(e, ast.Constant) and type(e.value) is int:
            return _const(e.value)
        if isinstance(e, ast.UnaryOp) and isinstance(e.op, ast.USub):
            v = self.expr(e.operand, mask)
            return _Q(-v.n, v.d)
        if isinstance(e, ast.BinOp):
            return self.arith(e.op, self.expr(e.left, mask), self.expr(e.right, mask), mask)
        if isinstance(e, ast.Call) and isinstance(e.func, ast.Name) and not e.keywords:
            args = [self.expr(a, mask) for a in e.args]
            if e.func.id == "abs" and len(args) == 1:
                return _Q(np.abs(args[0].n), args[0].d)
            if e.func.id in ("min", "max") and len(args) == 2:
                a, b = args
                less = self.less(a, b, mask, strict=True)
                pick_a = less if e.func.id == "min" else ~less
                return _Q(np.where(pick_a, a.n, b.n), np.where(pick_a, a.d, b.d))
        if (isinstance(e, ast.Call) and isinstance(e.func, ast.Attribute) and e.func.attr == "to_integral_value"
                and len(e.args) == 1 and isinstance(e.args[0], ast.Name)):  # fmt: skip
            v = self.expr(e.func.value, mask)
            return _Q(self.integral(v, np.int64(1), np.int64(1), self.consts.get(e.args[0].id), mask), np.int64(1))
        raise Unsupported(ast.unparse(e))

    def arith(self, op: ast.operator, a: _Q, b: _Q, mask: Any) -> _Q:
        if isinstance(op, (ast.Add, ast.Sub)):
            if _bound(a.n) * _bound(b.d) + _bound(b.n) * _bound(a.d) >= _LIMIT or _bound(a.d) * _bound(b.d) >= _LIMIT:
                raise Unsupported("overflow")
            n = a.n * b.d + b.n * a.d if isinstance(op, ast.Add) else a.n * b.d - b.n * a.d
            return _reduce(n, a.d * b.d)
        if isinstance(op, ast.Mult):
            if _bound(a.n) * _bound(b.n) >= _LIMIT or _bound(a.d) * _bound(b.d) >= _LIMIT:
                raise Unsupported("overflow")
            return _reduce(a.n * b.n, a.d * b.d)
        if isinstance(op, ast.Div):
            zero = b.n == 0
            self.back(mask & zero)  # the evaluator's error, or the handler's hand-back
            self.divided |= mask
            bn = np.where(zero, 1, b.n)
            if _bound(a.n) * _bound(b.d) >= _LIMIT or _bound(a.d) * _bound(bn) >= _LIMIT:
                raise Unsupported("overflow")
            n, d = a.n * b.d, a.d * bn
            return _reduce(np.where(d < 0, -n, n), np.abs(d))
        raise Unsupported(type(op).__name__)

    def less(self, a: _Q, b: _Q, mask: Any, strict: bool) -> Any:
        """a < b (strict) or a <= b, row by row; rows that divided and lie on the edge go back."""
        if _bound(a.n) * _bound(b.d) >= _LIMIT or _bound(b.n) * _bound(a.d) >= _LIMIT:
            raise Unsupported("overflow")
        left, right = a.n * b.d, b.n * a.d
        scale = np.maximum(np.maximum(np.abs(left), np.abs(right)), a.d * b.d).astype(float)
        self.back(mask & self.divided & (np.abs((left - right).astype(float)) <= _TIGHT * scale))
        return left < right if strict else left <= right

    def cond(self, e: ast.expr, mask: Any) -> Any:
        if isinstance(e, ast.Compare):
            out = np.ones(mask.shape, dtype=bool)
            left = self.expr(e.left, mask)
            for op, comp in zip(e.ops, e.comparators, strict=True):
                right = self.expr(comp, mask)
                if isinstance(op, ast.Lt):
                    out &= self.less(left, right, mask, True)
                elif isinstance(op, ast.LtE):
                    out &= self.less(left, right, mask, False)
                elif isinstance(op, ast.Gt):
                    out &= self.less(right, left, mask, True)
                elif isinstance(op, ast.GtE):
                    out &= self.less(right, left, mask, False)
                elif isinstance(op, (ast.Eq, ast.NotEq)):
                    eq = self.less(left, right, mask, False) & self.less(right, left, mask, False)
                    out &= eq if isinstance(op, ast.Eq) else ~eq
                else:
                    raise Unsupported(type(op).__name__)
                left = right
            return out
        if isinstance(e, ast.UnaryOp) and isinstance(e.op, ast.Not):
            return ~self.cond(e.operand, mask)
        if isinstance(e, ast.BoolOp):
            parts = [self.cond(v, mask) for v in e.values]
            return functools.reduce(np.logical_and if isinstance(e.op, ast.And) else np.logical_or, parts)
        if isinstance(e, ast.Name) and e.id in self.env:  # met = …; if met:
            v = self.env[e.id]
            return v.n != 0
        raise Unsupported(ast.unparse(e))


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
        self.body = _lower(_body(compiled.source))  # 'met = <test>' as an if: the run's values are numbers
        self.consts = f.__globals__
        self.places = compiled.options.places
        self.quantum = Decimal(1).scaleb(-self.places)

    def __call__(self, x: Any, scale: int) -> tuple[Any, Any]:
        """``x``: int64 actuals times 10**scale. Returns the points times 10**places (int64) and
        each row's status (DONE, or FALLBACK: score that row another way)."""
        d = np.int64(10**scale)
        run = _Run(_Q(x, np.full(x.shape, d)), self.consts, len(x), self.quantum)
        run.block(self.body, run.active)
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


__all__ = ["DONE", "FALLBACK", "Kernel", "Unsupported", "kernel"]
