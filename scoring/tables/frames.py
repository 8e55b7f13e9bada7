"""``score_frame``: a pandas or polars DataFrame of indicators, one per row, scored as columns.

Rows that share a reading (rule text, target, comparator, unit, weight, and the call's options)
are one group: the rule is bound and compiled once per group (``scoring.compile``, kept in the
process-wide cache ``scoring.cache.COMPILED``), then its column kernel (``scores/kernels.py``)
scores every numeric outcome of the group at once on scaled integers. Rows the kernel hands back
(an edge it cannot decide exactly, a branch the evaluator answers) and numbers it cannot scale
take the compiled function; outcomes that are not plain numbers (words, text with units, missing
data) take ``scoring.evaluate``, once per distinct (group, outcome). Every row equals
``scoring.evaluate`` on it (tests/test_frame.py). docs/frames.md has the recipe for chunks in a
process pool or Spark's ``applyInPandas``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Hashable, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

import numpy as np

from .. import cache as _cache
from ..api import Indicator, compile, evaluate, guarded
from ..errors import ScoringError
from ..scores.compiled import Compiled
from ..scores.evaluate import Options, make_options
from ..scores.kernels import DONE, Kernel, Unsupported, kernel

#: The columns read, each with the headers accepted for it (the English name first).
COLUMNS: dict[str, tuple[str, ...]] = {
    "rule": ("rule", "评（扣）分标准", "评(扣)分标准", "评分标准", "评扣分标准"),
    "target": ("target", "指标值", "年度指标值"),
    "comparator": ("comparator", "指标值类型", "指标性质"),
    "unit": ("unit", "度量单位", "计量单位"),
    "weight": ("weight", "分值"),
    "actual": ("actual", "实际完成值", "实际值"),
}
_REQUIRED = ("weight", "actual")
_MAX_SCALE = 6  # decimals of an outcome the kernel takes (more: the compiled function)
_MAX_VALUE = 10**12  # outcomes at or past this magnitude: the compiled function
_PLAIN = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")
_ERRORS = (ScoringError, TypeError, ValueError)
_parsed = guarded(_cache.parsed)


def score_frame(frame: Any, *, explain: bool = False, **options: Any) -> Any:
    """``frame`` with ``points``, ``error`` (and with ``explain=True`` ``reason``) columns added.

    ``frame``: a pandas or polars DataFrame with the columns rule, target, comparator, unit,
    weight, actual (or the Chinese headers 评（扣）分标准/评分标准, 指标值/年度指标值, 指标值类型,
    度量单位/计量单位, 分值, 实际完成值); weight and actual are required, a row without rule text
    is scored by the default method of its comparator. Cells are what ``scoring.evaluate`` takes;
    a float cell is read as ``str(value)`` (85.5 → "85.5"), NaN and None as missing.
    ``options``: those of ``scoring.evaluate`` (places, rounding, partial, reverse), for every row.

    ``points``: the exact points (pandas: ``decimal.Decimal`` objects; polars: their string
    form, ``Decimal(s)`` gives them back exactly), None where the row is refused; ``error``: the
    refusal's message (``str`` of the ScoringError), None where the row scored; ``reason``: the
    扣分原因 (``Score.explanation``), only with ``explain=True`` (every row then takes the
    evaluator). A bad row never stops the others."""
    kind = _kind(frame)
    names = _resolve(list(frame.columns))
    n = frame.height if kind == "polars" else len(frame)
    opts = make_options(**options)
    cols = {k: _values(frame, names[k], n) for k in COLUMNS if k != "actual"}
    actual = _Actuals(_native(frame, names["actual"]))
    points, errors, reasons = _score(cols, actual, n, opts, options, explain)
    return _attach(frame, kind, points, errors, reasons if explain else None)


# ---------------------------------------------------------------------------- reading the frame


def _kind(frame: Any) -> str:
    module = type(frame).__module__.split(".")[0]
    if module not in ("pandas", "polars"):
        raise TypeError(f"score_frame takes a pandas or polars DataFrame, not {type(frame).__name__}")
    return module


def _resolve(headers: Sequence[Any]) -> dict[str, str | None]:
    found: dict[str, str | None] = {}
    plain = {str(h).strip(): h for h in headers}
    for key, aliases in COLUMNS.items():
        found[key] = next((plain[a] for a in aliases if a in plain), None)
    missing = [k for k in _REQUIRED if found[k] is None]
    if missing:
        wanted = "; ".join(f"{k} ({'/'.join(COLUMNS[k][1:])})" for k in missing)
        raise ValueError(f"score_frame: no column for {wanted}; columns: {list(headers)}")
    return found


def _native(frame: Any, name: str | None) -> Any:
    return frame[name].to_numpy()


def _values(frame: Any, name: str | None, n: int) -> tuple[Any, list[Any]]:
    """A key column as (codes, distinct cells as evaluate takes them)."""
    if name is None:
        return np.zeros(n, dtype=np.int64), [None]
    codes, uniques = _factorize(frame[name].to_numpy())
    return codes, [_cell(v) for v in uniques]


def _factorize(values: Any) -> tuple[Any, list[Any]]:
    """(codes, distinct values). Cells that are equal but written apart (0, -0.0, Decimal("0.0"),
    True) stay apart: ``evaluate`` may say them apart (its messages quote the cell)."""
    codes, uniques = _codes(values)
    if values.dtype != object or all(type(u) is str or _missing(u) for u in uniques):
        return codes, uniques  # text and missing cells (None, NaN: both missing) are what they look like
    keys = np.empty(len(values), dtype=object)
    keys[:] = [v if type(v) is str or type(v) is int else (type(v).__name__, str(v)) for v in values]
    codes, _ = _codes(keys)
    _, first = np.unique(codes, return_index=True)
    return codes, [values[i] for i in first.tolist()]


def _codes(values: Any) -> tuple[Any, list[Any]]:
    """(codes, distinct values) of a column: pandas' hash table, else ``pd.factorize``, else (polars
    alone, or cells that cannot be hashed or compared: Decimal('sNaN')) a dict keyed by their text."""
    try:
        import pandas as pd
    except ImportError:
        return _dict_codes(values)
    if values.dtype == object:
        fast = _object_codes(values)
        if fast is not None:
            return fast
    try:
        codes, uniques = pd.factorize(values, use_na_sentinel=False)
    except (ArithmeticError, TypeError, ValueError):
        return _dict_codes(values)
    return codes.astype(np.int64, copy=False), list(uniques)


def _dict_codes(values: Any) -> tuple[Any, list[Any]]:
    seen: dict[Any, int] = {}
    firsts: list[Any] = []

    def code(v: Any) -> int:
        try:
            key: Any = ("", v) if v == v or type(v) is not Decimal else ("nan", str(v))
            hash(key)
        except (ArithmeticError, TypeError):
            key = (type(v).__name__, str(v))
        if key not in seen:
            seen[key] = len(firsts)
            firsts.append(v)
        return seen[key]

    codes = np.fromiter((code(v) for v in values.tolist()), dtype=np.int64, count=len(values))
    return codes, firsts


def _object_codes(values: Any) -> tuple[Any, list[Any]] | None:
    """``pd.factorize`` of an object column by pandas' own hash table, without the checks around it
    (a string-dtype missing-value mask, an object-dtype inference pass) that cost 4 of its 5 parts on
    the 1M-row benchmark: missing cells (None, NaN) are one code, read as missing. None where this
    pandas has no such table (the public ``pd.factorize`` then)."""
    try:
        from pandas._libs.hashtable import PyObjectHashTable

        uniques, labels = PyObjectHashTable(min(len(values), 1 << 16) or 1).factorize(values)
    except (ImportError, AttributeError, TypeError, ValueError):
        return None
    codes = np.asarray(labels, dtype=np.int64)
    found = list(uniques)
    missing = codes < 0
    if missing.any():
        codes[missing] = len(found)
        found.append(None)
    return codes, found


def _hashable(v: Any) -> Hashable:
    return v if type(v) is str or v is None else (type(v).__name__, str(v))


def _missing(v: Any) -> bool:
    if v is None:
        return True
    try:
        return bool(v != v)  # NaN, pandas.NA (whose comparison raises)
    except (TypeError, ArithmeticError):  # pandas.NA; Decimal('sNaN'), whose comparison signals
        return True


def _cell(v: Any) -> Any:
    """A cell as ``evaluate`` takes it: None for missing (NaN of any type, as pandas reads it), ``str``
    of a float, int of a numpy int."""
    if isinstance(v, Decimal) and v.is_nan():
        return None
    if isinstance(v, (str, Decimal, int)) and not isinstance(v, bool):
        return v
    if isinstance(v, float | np.floating):
        return None if math.isnan(v) else str(float(v))
    if isinstance(v, np.integer):
        return int(v)
    if _missing(v):
        return None
    return v


class _Actuals:
    """The actual column: each row's cell as evaluate takes it, and as scaled integers where the
    kernel can take it (``x`` at ``scale``, ``ok``)."""

    def __init__(self, raw: Any) -> None:
        n = len(raw)
        self.scale = 0
        if raw.dtype.kind in "iu":
            self.codes = None
            self.raw = raw
            self.x = raw.astype(np.int64)
            self.ok = np.abs(self.x) < _MAX_VALUE
            return
        if raw.dtype.kind == "f":
            self.codes = None
            self.raw = raw
            finite = np.isfinite(raw) & (np.abs(raw) < 1e9)  # floats: the fewest decimals found exactly
            safe = np.where(finite, raw, 0.0)
            decimals = np.full(n, _MAX_SCALE + 1, dtype=np.int64)
            for s in range(_MAX_SCALE, -1, -1):  # the fewest decimals that give the float back
                hit = np.round(safe * 10.0**s) / 10.0**s == safe
                decimals = np.where(hit, s, decimals)
            self.ok = finite & (decimals <= _MAX_SCALE)
            self.scale = int(decimals[self.ok].max()) if self.ok.any() else 0
            self.x = np.round(safe * 10.0**self.scale).astype(np.int64)
            # the scaled value must be the number str(float) writes
            self.ok &= np.abs(self.x) < _MAX_VALUE
            return
        codes, uniques = _factorize(raw)
        self.codes, self.raw = codes, uniques
        cells = [_cell(v) for v in uniques]
        numbers = [_plain(c) for c in cells]
        digits = [-d.as_tuple().exponent for d in numbers if d is not None]  # type: ignore[operator]
        self.scale = min(max([0, *digits]), _MAX_SCALE)
        xu = np.zeros(len(uniques), dtype=np.int64)
        oku = np.zeros(len(uniques), dtype=bool)
        for i, d in enumerate(numbers):
            if d is not None and abs(d) < _MAX_VALUE and -d.as_tuple().exponent <= self.scale:  # type: ignore[operator]
                xu[i] = int(d.scaleb(self.scale))
                oku[i] = True
        self.x, self.ok = xu[codes], oku[codes]

    def cell(self, i: int) -> Any:
        """Row i's actual as evaluate takes it."""
        if self.codes is None:
            return _cell(self.raw[i])
        return _cell(self.raw[self.codes[i]])

    def keys(self, rows: Any) -> Any:
        """What rows with the same outcome share (for the per-row memo), as integers."""
        if self.codes is None:
            raw = self.raw[rows]
            return raw.view(np.int64) if raw.dtype.kind == "f" and raw.dtype.itemsize == 8 else raw  # -0.0 apart
        return self.codes[rows]


def _plain(v: Any) -> Decimal | None:
    """A plain number (no unit, no words): what the kernel takes."""
    if isinstance(v, Decimal):
        return v if v.is_finite() else None
    if isinstance(v, int) and not isinstance(v, bool):
        return Decimal(v)
    if isinstance(v, str) and _PLAIN.fullmatch(v):
        try:
            return Decimal(v)
        except InvalidOperation:
            return None
    return None


# ---------------------------------------------------------------------------- scoring the groups


def _groups(cols: dict[str, tuple[Any, list[Any]]], n: int) -> Any:
    key = np.zeros(n, dtype=np.int64)
    for codes, uniques in cols.values():
        key, _ = _codes(key * len(uniques) + codes)
    return key


def _score(cols: dict[str, tuple[Any, list[Any]]], actual: _Actuals, n: int, opts: Options,
           options: dict[str, Any], explain: bool) -> tuple[Any, Any, Any]:  # fmt: skip
    points, errors, reasons = (np.full(n, None, dtype=object) for _ in range(3))
    group = _groups(cols, n)
    order = np.argsort(group, kind="stable")
    bounds = np.flatnonzero(np.diff(group[order])) + 1
    for rows in np.split(order, bounds) if n else []:
        first = int(rows[0])
        reading = {k: cols[k][1][int(cols[k][0][first])] for k in cols}
        _score_group(rows, reading, actual, opts, options, explain, points, errors, reasons)
    return points, errors, reasons


def _compiled(reading: dict[str, Any], opts: Options) -> tuple[Compiled | None, Kernel | None]:
    key = ("frame", *(_hashable(reading[k]) for k in ("rule", "target", "comparator", "unit", "weight")), opts)

    def make() -> tuple[Compiled | None, Kernel | None]:
        try:
            c = compile(reading["rule"], target=reading["target"], weight=reading["weight"],
                        comparator=reading["comparator"], unit=reading["unit"], **_fields(opts))  # fmt: skip
        except _ERRORS:
            return None, None  # the evaluator gives each row its refusal
        return c, kernel(c)

    kept: tuple[Compiled | None, Kernel | None] = _cache.COMPILED.get(key, make)
    return kept


def _fields(opts: Options) -> dict[str, Any]:
    return {"places": opts.places, "rounding": opts.rounding, "partial": opts.partial, "reverse": opts.reverse,
            "deduction_range": opts.deduction_range}  # fmt: skip


def _score_group(rows: Any, reading: dict[str, Any], actual: _Actuals, opts: Options, options: dict[str, Any],
                 explain: bool, points: Any, errors: Any, reasons: Any) -> None:  # fmt: skip
    rule = reading["rule"]
    has_rule = isinstance(rule, str) and rule.strip() != ""
    c, k = _compiled(reading, opts) if has_rule and not explain else (None, None)
    if has_rule and c is None:
        refusal = _refused(rule)
        if refusal is not None:  # text the parser refuses: the same refusal for every row, made once
            errors[rows] = refusal
            return
    rest = rows
    if c is not None:
        # refusals the compiled rule knows at once, with the evaluator's message: of every answer (a
        # rule contradicting its row, a clause over all items), of any plain number (a rule that
        # needs several answers, a composite of several items)
        if c.rule_refusal:
            errors[rows] = c.rule_refusal
            return
        if c.number_refusal:
            plain = rows[actual.ok[rows]]
            errors[plain] = c.number_refusal
            rest = np.setdiff1d(rows, plain, assume_unique=True)
    if k is not None:
        take = rest[actual.ok[rest]]
        if len(take):
            try:
                p, status = k(actual.x[take], actual.scale)
            except Unsupported:
                p, status = None, None
            if p is not None and status is not None:
                done = status == DONE
                _put(take[done], p[done], k.places, points)
                rest = np.setdiff1d(rest, take[done], assume_unique=True)
    if not len(rest):
        return
    one = _one(reading, c, options, explain)
    _, first, inverse = np.unique(actual.keys(rest), return_index=True, return_inverse=True)
    got = [one(actual.cell(int(rest[i]))) for i in first.tolist()]  # once per distinct outcome
    for column, values in zip((points, errors, reasons), zip(*got, strict=True), strict=True):
        column[rest] = _objects(values)[inverse]


def _refused(rule: str) -> str | None:
    """The parser's refusal of a rule text (what ``evaluate`` raises first for any outcome), or None."""
    try:
        _parsed(rule)
    except _ERRORS as e:
        return str(e)
    return None


def _objects(values: Any) -> Any:
    out = np.empty(len(values), dtype=object)
    out[:] = list(values)
    return out


def _put(rows: Any, p: Any, places: int, points: Any) -> None:
    """Points at 10**-places as Decimals, one object per distinct value."""
    values, inverse = np.unique(p, return_inverse=True)
    points[rows] = _objects([Decimal(v).scaleb(-places) for v in values.tolist()])[inverse]


def _one(reading: dict[str, Any], c: Compiled | None, options: dict[str, Any],
         explain: bool) -> Callable[[Any], tuple[Any, Any, Any]]:  # fmt: skip
    """The per-row path of a group: (points, error, reason) of one outcome."""
    rule = reading["rule"]
    kw = {"target": reading["target"], "weight": reading["weight"], "comparator": reading["comparator"],
          "unit": reading["unit"]}  # fmt: skip

    def one(cell: Any) -> tuple[Any, Any, Any]:
        try:
            if c is not None and not explain:
                number = _plain(cell)  # the generated code takes a Decimal; text goes to the evaluator
                return c.points(cell if number is None or isinstance(cell, int) else number), None, None
            if isinstance(rule, str) and rule.strip():
                s = evaluate(_parsed(rule), cell, **kw, **options)  # parsed once per process
            else:
                s = Indicator("", kw["target"], kw["weight"], None, kw["comparator"], kw["unit"]).score(cell, **options)
        except _ERRORS as e:
            return None, str(e), None
        return s.points, None, s.explanation if explain else None

    return one


def _attach(frame: Any, kind: str, points: Any, errors: Any, reasons: Any | None) -> Any:
    if kind == "pandas":
        import pandas as pd

        extra = {"points": pd.Series(points, index=frame.index, dtype=object)}
        if reasons is not None:
            extra["reason"] = pd.Series(reasons, index=frame.index, dtype=object)
        extra["error"] = pd.Series(errors, index=frame.index, dtype=object)
        return frame.assign(**extra)
    import polars as pl

    new = [pl.Series("points", [None if p is None else str(p) for p in points.tolist()], dtype=pl.String)]
    if reasons is not None:
        new.append(pl.Series("reason", reasons.tolist(), dtype=pl.String))
    new.append(pl.Series("error", errors.tolist(), dtype=pl.String))
    return frame.with_columns(new)


__all__ = ["COLUMNS", "score_frame"]
