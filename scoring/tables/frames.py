"""``score_frame``: a pandas or polars DataFrame of indicators, one per row, scored as columns.

Each key column (rule text, target, comparator, unit, weight) and the outcome column is factorized
once; rows that share all six are one case, scored once and copied to its rows. Cases that share a
reading (the five key cells and the call's options) are one group: the rule is bound and compiled
once per group (``scoring.compile``, kept in the process-wide cache ``scoring.cache.COMPILED``),
then its column kernel (``scores/kernels.py``) scores the group's numeric outcomes at once on
scaled integers. Cases the kernel hands back (an edge it cannot decide exactly, a branch the
evaluator answers) and numbers it cannot scale take the compiled function; outcomes that are not
plain numbers (words, text with units, missing data) take ``scoring.evaluate``. Every row equals
``scoring.evaluate`` on it (tests/test_frame.py). docs/frames.md has the recipe for chunks in a
process pool or Spark's ``applyInPandas``.
"""

from __future__ import annotations

import ctypes
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
from ..scores.kernels import DONE, REFUSED, Kernel, Unsupported, kernel

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
    actual = _Actuals(frame[names["actual"]])
    cases = _Cases([codes for codes, _ in cols.values()] + [actual.codes], n)
    # every distinct (reading, outcome) once, then copied to its rows
    points, errors, reasons = _score(cols, actual, cases, opts, options, explain)
    return _attach(frame, kind, cases.codes, points, errors, reasons if explain else None)


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


def _values(frame: Any, name: str | None, n: int) -> tuple[Any, list[Any]]:
    """A key column as (codes, distinct cells as evaluate takes them)."""
    if name is None:
        return np.zeros(n, dtype=np.int64), [None]
    codes, uniques = _column_codes(frame[name])
    return codes, [_cell(v) for v in uniques]


def _column_codes(column: Any) -> tuple[Any, list[Any]]:
    """(codes, distinct cells) of a pandas or polars column."""
    found = _polars_text_codes(column)
    return found if found is not None else _factorize(column.to_numpy())


def _polars_text_codes(column: Any) -> tuple[Any, list[Any]] | None:
    """(codes, distinct cells) of a polars text column, by polars' own hash of each cell, every row
    then checked equal to the first row of its hash (missing to missing): no Python string is made
    but the distinct ones (``to_numpy`` makes one per row, 0.3 s per million). None for any other
    column, or where two texts share a hash."""
    if type(column).__module__.split(".")[0] != "polars":
        return None
    import polars as pl

    if column.dtype != pl.String:
        return None
    codes, rows = _int_codes(column.hash().to_numpy().view(np.int64))
    if not bool(column.eq_missing(column.gather(rows[codes])).all()):
        return None
    return codes, column.gather(rows).to_list()


def _factorize(values: Any) -> tuple[Any, list[Any]]:
    """(codes, distinct values). Cells that are the same object are one value, found by the
    addresses the array holds (``_by_identity``); the distinct objects are then factorized by value."""
    same = _by_identity(values)
    if same is not None and 2 * len(same[1]) <= len(values):
        codes, uniques = _by_value(values[same[1]])
        if np.array_equal(codes, np.arange(len(codes))):
            return same[0], uniques  # no two objects are equal
        return codes[same[0]], uniques
    return _by_value(values)


def _by_value(values: Any) -> tuple[Any, list[Any]]:
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


def _by_identity(values: Any) -> tuple[Any, Any] | None:
    """(codes, one row of each distinct object) of an object column, the cells told apart by
    identity: the addresses the array holds, read as integers (never followed) and factorized by an
    integer hash table. Pandas' object hash table hashes and compares each cell, 40 ms a column per
    million rows; this takes 5, and frames read from files or built from lists hold one object per
    distinct text (pandas' CSV reader shares them), so the hash by value is left with a few hundred
    cells (benchmarks/frame.py: the five key columns, 0.2 s → 0.03 s of 0.7 s). None for any other
    array."""
    if values.dtype != object or values.ndim != 1 or not len(values):
        return None
    values = np.ascontiguousarray(values)
    pointer = ctypes.POINTER(ctypes.c_ssize_t)
    addresses = np.ctypeslib.as_array(ctypes.cast(values.ctypes.data, pointer), shape=(len(values),))
    return _int_codes(addresses.astype(np.int64))  # a copy, taken while ``values`` holds the cells


def _int_codes(keys: Any) -> tuple[Any, Any]:
    """(codes, one row of each distinct key) of an int64 column."""
    codes, _ = _int_factorize(keys)
    rows = np.empty(int(codes.max()) + 1 if len(codes) else 0, dtype=np.int64)
    rows[codes] = np.arange(len(codes), dtype=np.int64)
    return codes, rows


def _int_factorize(keys: Any) -> tuple[Any, Any]:
    """(codes, distinct keys) of an int64 column: pandas' hash table, else numpy's sort."""
    try:
        from pandas._libs.hashtable import Int64HashTable

        uniques, labels = Int64HashTable(min(len(keys), 1 << 16) or 1).factorize(keys)
        return np.asarray(labels, dtype=np.int64), np.asarray(uniques, dtype=np.int64)
    except (ImportError, AttributeError, TypeError, ValueError):
        uniques, codes = np.unique(keys, return_inverse=True)
        return codes.reshape(-1).astype(np.int64, copy=False), uniques


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
    """The actual column as ``codes`` over its distinct outcomes, and for each distinct outcome: the
    cell as evaluate takes it (``cell(i)``), and where the kernel can take it (``ok``) the number as
    an integer ``x`` at ``scale`` (85.5 at scale 1 is 855)."""

    def __init__(self, column: Any) -> None:
        self.scale = 0
        self.uniques: Any  # the distinct outcomes as the column holds them
        text = _polars_text_codes(column)
        if text is not None:
            self.codes, self.uniques = text
            self._numbers([_plain(v) for v in text[1]])
            return
        raw = column.to_numpy()
        if raw.dtype.kind in "iuf":
            # numbers: told apart by their bits (-0.0 apart from 0.0, as str writes them)
            if raw.dtype.itemsize == 8:
                keys = raw.view(np.int64)
            else:  # exact in int64 or float64
                keys = raw.astype(np.float64 if raw.dtype.kind == "f" else np.int64).view(np.int64)
            self.codes, rows = _int_codes(keys)
            self.uniques = raw[rows]
            if raw.dtype.kind == "f":
                self._floats(raw[rows])
            else:
                self._numbers([int(v) for v in raw[rows].tolist()])
            return
        self.codes, found = _factorize(raw)
        self.uniques = found
        self._numbers([_plain(_cell(v)) for v in found])

    def _numbers(self, numbers: list[Any]) -> None:
        decimals = [-Decimal(d).as_tuple().exponent for d in numbers if d is not None]  # type: ignore[operator]
        self.scale = min(max([0, *decimals]), _MAX_SCALE)
        self.x = np.zeros(len(numbers), dtype=np.int64)
        self.ok = np.zeros(len(numbers), dtype=bool)
        for i, v in enumerate(numbers):
            if v is None:
                continue
            d = Decimal(v)
            if abs(d) < _MAX_VALUE and -d.as_tuple().exponent <= self.scale:  # type: ignore[operator]
                self.x[i] = int(d.scaleb(self.scale))
                self.ok[i] = True

    def _floats(self, raw: Any) -> None:
        raw = raw.astype(np.float64)
        finite = np.isfinite(raw) & (np.abs(raw) < 1e9)  # floats: the fewest decimals found exactly
        safe = np.where(finite, raw, 0.0)
        decimals = np.full(len(raw), _MAX_SCALE + 1, dtype=np.int64)
        for s in range(_MAX_SCALE, -1, -1):  # the fewest decimals that give the float back
            hit = np.round(safe * 10.0**s) / 10.0**s == safe
            decimals = np.where(hit, s, decimals)
        self.ok = finite & (decimals <= _MAX_SCALE)
        self.scale = int(decimals[self.ok].max()) if self.ok.any() else 0
        self.x = np.round(safe * 10.0**self.scale).astype(np.int64)
        # the scaled value must be the number str(float) writes
        self.ok &= np.abs(self.x) < _MAX_VALUE

    def cell(self, i: int) -> Any:
        """Distinct outcome i as evaluate takes it."""
        return _cell(self.uniques[i])


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


class _Cases:
    """The distinct combinations of several code columns: each row's case (``codes``), and each
    case's code in every column (``parts``)."""

    def __init__(self, columns: list[Any], n: int) -> None:
        sizes = [int(codes.max()) + 1 if n else 1 for codes in columns]
        if math.prod(sizes) < 1 << 62:  # one mixed-radix key, its digits read back from the distinct keys
            key = np.zeros(n, dtype=np.int64)
            for codes, m in zip(columns, sizes, strict=True):
                key = key * m + codes
            self.codes, rest = _int_factorize(key)
            self.size = len(rest)
            self.parts: list[Any] = []
            for m in reversed(sizes):
                rest, digit = np.divmod(rest, m)
                self.parts.insert(0, digit)
            return
        key, size = np.zeros(n, dtype=np.int64), 1
        for codes, m in zip(columns, sizes, strict=True):
            if size * m >= 1 << 62:  # the key would overflow: number the cases so far first
                key, rows = _int_codes(key)
                size = len(rows)
            key, size = key * m + codes, size * m
        self.codes, rows = _int_codes(key)
        self.parts = [codes[rows] for codes in columns]
        self.size = len(rows)


# ---------------------------------------------------------------------------- scoring the groups


def _score(cols: dict[str, tuple[Any, list[Any]]], actual: _Actuals, cases: _Cases, opts: Options,
           options: dict[str, Any], explain: bool) -> tuple[Any, Any, Any]:  # fmt: skip
    """Points, errors and reasons of each case."""
    m = cases.size
    points, errors, reasons = (np.full(m, None, dtype=object) for _ in range(3))
    *keys, outcomes = cases.parts
    reading = _Cases(keys, m).codes if m else np.zeros(0, dtype=np.int64)
    order = np.argsort(reading, kind="stable")
    bounds = np.flatnonzero(np.diff(reading[order])) + 1
    done: dict[int, list[tuple[Any, Any]]] = {}  # the kernels' points (integers at 10**-places) by places
    for group in np.split(order, bounds) if m else []:
        first = int(group[0])
        cells = {k: cols[k][1][int(codes[first])] for k, codes in zip(cols, keys, strict=True)}
        _score_group(group, outcomes[group], cells, actual, opts, options, explain, points, errors, reasons, done)
    for places, parts in done.items():
        _put(np.concatenate([rows for rows, _ in parts]), np.concatenate([p for _, p in parts]), places, points)
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


def _score_group(group: Any, outcomes: Any, reading: dict[str, Any], actual: _Actuals, opts: Options,
                 options: dict[str, Any], explain: bool, points: Any, errors: Any, reasons: Any,
                 done: dict[int, list[tuple[Any, Any]]]) -> None:  # fmt: skip
    """The cases ``group`` of one reading, each a distinct outcome (``outcomes``: their codes). The
    kernel's points go to ``done`` (made Decimals once for all groups: ``_put``)."""
    rule = reading["rule"]
    has_rule = isinstance(rule, str) and rule.strip() != ""
    c, k = _compiled(reading, opts) if has_rule and not explain else (None, None)
    if has_rule and c is None:
        refusal = _refused(rule)
        if refusal is not None:  # text the parser refuses: the same refusal for every row, made once
            errors[group] = refusal
            return
    ok = actual.ok[outcomes]
    rest = np.ones(len(group), dtype=bool)  # the cases left to score
    if c is not None:
        # refusals the compiled rule knows at once, with the evaluator's message: of every answer (a
        # rule contradicting its row, a clause over all items), of any plain number (a rule that
        # needs several answers, a composite of several items)
        if c.rule_refusal:
            errors[group] = c.rule_refusal
            return
        if c.number_refusal:
            errors[group[ok]] = c.number_refusal
            rest &= ~ok
    one = _one(reading, c, options, explain)
    if c is not None and c.refuses_numbers:
        # the evaluator refuses every plain number (a unit it cannot compare): worded per number
        take = np.flatnonzero(rest & ok)
        _refusals(c, group[take], outcomes[take], np.zeros(len(take), dtype=np.int64), actual, one, points, errors)
        rest[take] = False
    if k is not None and c is not None:
        take = np.flatnonzero(rest & ok)
        if len(take):
            try:
                p, status = k(actual.x[outcomes[take]], actual.scale)
            except Unsupported:
                p, status = None, None
            if p is not None and status is not None:
                scored = take[status == DONE]
                done.setdefault(k.places, []).append((group[scored], p[status == DONE]))
                rest[scored] = False
                refused = status >= REFUSED  # a branch the evaluator refuses: a fractional count, a negative one
                if refused.any():
                    hit = take[refused]
                    _refusals(c, group[hit], outcomes[hit], status[refused] - REFUSED, actual, one, points, errors)
                    rest[hit] = False
    left = np.flatnonzero(rest)
    if not len(left):
        return
    got = [one(actual.cell(i)) for i in outcomes[left].tolist()]
    for column, values in zip((points, errors, reasons), zip(*got, strict=True), strict=True):
        column[group[left]] = _objects(values)


def _refusals(c: Compiled, rows: Any, outcomes: Any, sites: Any, actual: _Actuals,
              one: Callable[[Any], tuple[Any, Any, Any]], points: Any, errors: Any) -> None:  # fmt: skip
    """The cases ``rows`` (distinct outcomes ``outcomes``, each a plain number) that the generated
    code refuses at ``sites``: each gets the evaluator's message. The numbers refused at one site, of
    one sign and whole or not, are one class: the evaluator's words for them differ only where they
    write the number (``_Wording``)."""
    classes: dict[tuple[int, int, bool], _Wording] = {}
    for row, i, site in zip(rows.tolist(), outcomes.tolist(), sites.tolist(), strict=True):
        cell = actual.cell(i)
        number = _number(cell)
        d = Decimal(number)
        key = (site, (d > 0) - (d < 0), d == d.to_integral_value())
        wording = classes.get(key)
        if wording is None:
            wording = classes[key] = _Wording(c)
        points[row], errors[row] = wording(number, cell, one)


class _Wording:
    """The evaluator's refusals of one class of numbers (``_refusals``). The first two are asked of
    the evaluator (``one``); where the second is the first's message with the second number written
    where the first was (``Compiled.shown``: as the evaluator writes it, no digit either side), the
    rest are written so, without the evaluator. Where the two differ otherwise (or one is scored, not
    refused), every number is asked."""

    def __init__(self, c: Compiled) -> None:
        self.c = c
        self.first: tuple[Any, str] | None = None
        self.trusted: bool | None = None  # None: not yet known
        self.parts: list[str] = []
        self.form = 0  # which of ``Compiled.shown``'s texts the message writes

    def __call__(self, number: Any, cell: Any, one: Callable[[Any], tuple[Any, Any, Any]]) -> tuple[Any, Any]:
        if self.trusted:
            shown = self.c.shown(number)
            if self.form < len(shown):
                return None, shown[self.form].join(self.parts)
        p, e, _ = one(cell)
        if e is None:
            self.trusted = False
        elif self.trusted is None:
            if self.first is None:
                self.first = (number, e)
            else:
                self.trusted = self._learn(self.first, (number, e))
        return p, e

    def _learn(self, first: tuple[Any, str], second: tuple[Any, str]) -> bool:
        (n1, m1), (n2, m2) = first, second
        one, two = self.c.shown(n1), self.c.shown(n2)
        for form, (s1, s2) in enumerate(zip(one, two, strict=False)):
            parts = re.split(f"(?<![0-9.]){re.escape(s1)}(?![0-9]|\\.[0-9])", m1)
            if len(parts) > 1 and s2.join(parts) == m2:
                self.parts, self.form = parts, form
                return True
        if m1 == m2 and one:  # the same words for every number
            self.parts, self.form = [m1], 0
            return True
        return False


def _number(cell: Any) -> Any:
    """A plain-number cell as the compiled function takes it (an int, or a Decimal)."""
    number = _plain(cell)
    return cell if number is None or isinstance(cell, int) else number


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
    codes, first = _int_codes(p)
    points[rows] = _objects([Decimal(v).scaleb(-places) for v in p[first].tolist()])[codes]


def _one(reading: dict[str, Any], c: Compiled | None, options: dict[str, Any],
         explain: bool) -> Callable[[Any], tuple[Any, Any, Any]]:  # fmt: skip
    """The per-row path of a group: (points, error, reason) of one outcome."""
    rule = reading["rule"]
    kw = {"target": reading["target"], "weight": reading["weight"], "comparator": reading["comparator"],
          "unit": reading["unit"]}  # fmt: skip

    def one(cell: Any) -> tuple[Any, Any, Any]:
        try:
            if c is not None and not explain:
                return c.points(_number(cell)), None, None  # the generated code takes a Decimal; text: the evaluator
            if isinstance(rule, str) and rule.strip():
                s = evaluate(_parsed(rule), cell, **kw, **options)  # parsed once per process
            else:
                s = Indicator("", kw["target"], kw["weight"], None, kw["comparator"], kw["unit"]).score(cell, **options)
        except _ERRORS as e:
            return None, str(e), None
        return s.points, None, s.explanation if explain else None

    return one


def _attach(frame: Any, kind: str, expand: Any, points: Any, errors: Any, reasons: Any | None) -> Any:
    """``frame`` with the cases' points, errors (and reasons) copied to their rows (``expand``)."""
    if kind == "pandas":
        import pandas as pd

        def column(values: Any) -> Any:
            return pd.Series(values[expand], index=frame.index, dtype=object, copy=False)  # arrays of our own

        extra = {"points": column(points)}
        if reasons is not None:
            extra["reason"] = column(reasons)
        extra["error"] = column(errors)
        return frame.assign(**extra)
    import polars as pl

    def text(name: str, values: list[Any]) -> Any:  # made once per case, gathered by polars
        return pl.Series(name, values, dtype=pl.String).gather(expand)

    new = [text("points", [None if p is None else str(p) for p in points.tolist()])]
    if reasons is not None:
        new.append(text("reason", reasons.tolist()))
    new.append(text("error", errors.tolist()))
    return frame.with_columns(new)


__all__ = ["COLUMNS", "score_frame"]
