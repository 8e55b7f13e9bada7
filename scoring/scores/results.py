"""Results of scoring: Options (how to score where the text is silent), Score and Step (the
points, the 扣分原因 and the trace), and how numbers are written back (_fmt, _num, _q4)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from typing import Any

from attrs import frozen

from ..rules.nodes import (
    Partial,
    Quantity,
)

ZERO = Decimal(0)


ONE = Decimal(1)


HUNDRED = Decimal(100)


ROUNDING_MODES = {"half_up": ROUND_HALF_UP, "truncate": ROUND_DOWN}


@frozen
class Options:
    """How to score where the text is silent (docs/semantics.md); every field is a profile option."""

    places: int = 2  # decimals of an indicator's score
    rounding: str = "half_up"  # half_up (四舍五入) | truncate
    partial: Partial = Partial.PRORATA  # a partial step when the text does not say
    reverse: str = "ratio"  # ≤ targets with 按比例: ratio (target/actual) | linear (0 at twice the target)
    deduction_range: str | None = None  # 扣4-7分: None (ask for a hand score) | min | max | mid

    def __attrs_post_init__(self) -> None:
        if self.rounding not in ROUNDING_MODES:
            raise ValueError(f"rounding must be one of {sorted(ROUNDING_MODES)}, not {self.rounding!r}")
        if self.deduction_range not in (None, "min", "max", "mid"):
            raise ValueError("deduction_range must be None, 'min', 'max' or 'mid'")
        if self.reverse not in ("ratio", "linear"):
            raise ValueError(f"reverse must be 'ratio' or 'linear', not {self.reverse!r}")
        if not 0 <= self.places <= 6:
            raise ValueError("places must be between 0 and 6")


def make_options(**options: Any) -> Options:
    if "partial" in options and isinstance(options["partial"], str):
        names = {"prorata": Partial.PRORATA, "ceil": Partial.CEIL, "floor": Partial.FLOOR}
        try:
            options["partial"] = names[options["partial"]]
        except KeyError:
            raise ValueError(f"partial must be one of {sorted(names)}") from None
    try:
        return Options(**options)
    except TypeError as e:
        raise TypeError(f"unknown option: {e}") from None


@frozen
class Step:
    """One step of an evaluation: the clause applied, its inputs, and what it did to the score."""

    clause: str
    inputs: tuple[tuple[str, str], ...]
    delta: Decimal  # points added (base) or removed (negative)
    note: str = ""


class Score:
    """得分: the rounded points, the weight, the 扣分原因 and the trace (and ``exact``, the
    points before rounding). Immutable; two Scores are equal when their points, weight,
    explanation and trace are.

    Bulk scoring makes Scores with ``Score.later``: the points at once (from the compiled
    rule), the explanation, trace and exact value from the full evaluator on first use. The
    two must agree on the points; a disagreement is a bug and raises ``RuntimeError``."""

    __slots__ = ("_arg", "_exact", "_explanation", "_full", "_trace", "points", "weight")

    points: Decimal
    weight: Decimal
    _explanation: str
    _trace: tuple[Step, ...]
    _exact: Decimal
    _full: Callable[[Any], Score] | None
    _arg: Any

    def __init__(self, points: Decimal, weight: Decimal, explanation: str, trace: tuple[Step, ...], exact: Decimal):
        _set = object.__setattr__
        _set(self, "points", points)
        _set(self, "weight", weight)
        _set(self, "_explanation", explanation)
        _set(self, "_trace", trace)
        _set(self, "_exact", exact)
        _set(self, "_full", None)

    @classmethod
    def later(cls, points: Decimal, weight: Decimal, full: Callable[[Any], Score], arg: Any) -> Score:
        """A Score whose explanation, trace and exact value ``full(arg)`` gives when first asked
        (the argument is kept rather than a closure: a table keeps thousands of these)."""
        s = _new(cls)
        _set_points(s, points)  # the slots' own setters: bulk scoring makes tens of thousands of these
        _set_weight(s, weight)
        _set_full(s, full)
        _set_arg(s, arg)
        return s

    def _resolve(self) -> None:
        full = self._full
        assert full is not None
        whole = full(self._arg)
        if whole.points != self.points or whole.weight != self.weight:
            raise RuntimeError(f"内部错误（请报告）: 快速计分{self.points}与完整计分{whole.points}不一致")
        _set = object.__setattr__
        _set(self, "_explanation", whole.explanation)
        _set(self, "_trace", whole.trace)
        _set(self, "_exact", whole.exact)
        _set(self, "_full", None)
        _set(self, "_arg", None)

    @property
    def explanation(self) -> str:
        if self._full is not None:
            self._resolve()
        return self._explanation

    @property
    def trace(self) -> tuple[Step, ...]:
        if self._full is not None:
            self._resolve()
        return self._trace

    @property
    def exact(self) -> Decimal:
        if self._full is not None:
            self._resolve()
        return self._exact

    @property
    def lost(self) -> Decimal:
        return self.weight - self.points

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"Score is immutable: cannot set {name}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"Score is immutable: cannot delete {name}")

    def _key(self) -> tuple[Any, ...]:
        return (self.points, self.weight, self.explanation, self.trace)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Score):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return (f"Score(points={self.points!r}, weight={self.weight!r}, explanation={self.explanation!r}, "
                f"trace={self.trace!r}, exact={self.exact!r})")  # fmt: skip

    def __reduce__(self) -> tuple[Any, ...]:
        return (Score, (self.points, self.weight, self.explanation, self.trace, self.exact))

    def evolve(self, **changes: Any) -> Score:
        """A copy with some fields changed (like ``attrs.evolve``)."""
        fields: dict[str, Any] = dict(points=self.points, weight=self.weight, explanation=self.explanation,
                                      trace=self.trace, exact=self.exact)  # fmt: skip
        unknown = set(changes) - set(fields)
        if unknown:
            raise TypeError(f"Score has no field {sorted(unknown)}")
        fields.update(changes)
        return Score(**fields)


_new = object.__new__


_slots = vars(Score)  # the slots' member descriptors


_set_points, _set_weight = _slots["points"].__set__, _slots["weight"].__set__


_set_full, _set_arg = _slots["_full"].__set__, _slots["_arg"].__set__


def _fmt(v: object) -> str:
    if isinstance(v, Quantity):
        return f"{_num(v.value)}{v.unit}"
    if isinstance(v, Decimal):
        return _num(v)
    return str(v)


def _num(d: Decimal) -> str:
    """A Decimal as people write it: no exponent, no trailing zeros (2.50 → 2.5)."""
    if d == d.to_integral_value():
        return str(d.quantize(ONE))
    s = format(d.normalize(), "f")
    return s


def _q4(d: Decimal) -> Decimal:
    return d.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP).normalize()
