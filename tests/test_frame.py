"""score_frame (scoring/tables/frames.py): every row equals scoring.evaluate on it, on corpus rules
and generated outcomes (numbers of every type, words, text with units, missing data), for pandas
and polars; results pickle; chunks scored in a process pool (docs/frames.md) equal one call."""

from __future__ import annotations

import json
import math
import pickle
from concurrent.futures import ProcessPoolExecutor
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import scoring

pd = pytest.importorskip("pandas")
pl = pytest.importorskip("polars")

DATA = Path(__file__).parent / "data"


def _templates() -> list[dict[str, Any]]:
    out = []
    for name in ("seed000_rules.jsonl", "seeds001_004_rules.jsonl"):
        for line in (DATA / name).open(encoding="utf-8"):
            r = json.loads(line)
            rule = r.get("rule_clean") or r.get("rule")
            if not rule:
                continue
            w = r.get("weight")
            out.append({"rule": rule, "target": None if r.get("target") is None else str(r["target"]),
                        "comparator": r.get("comparator"), "unit": r.get("unit"),
                        "weight": str(w) if w not in (None, "") else "10"})  # fmt: skip
    return out


TEMPLATES = _templates()

numbers = st.one_of(
    st.integers(-5, 150),
    st.decimals(min_value=-10, max_value=200, places=2, allow_nan=False),
    st.decimals(min_value=0, max_value=120, places=4, allow_nan=False),
    st.floats(min_value=-5, max_value=150, allow_nan=False).map(lambda f: round(f, 3)),
    st.integers(0, 1200).map(lambda i: str(Decimal(i) / 10)),
    st.sampled_from([0, 60, 75, 80, 85, 90, 95, 100, Decimal("89.5"), Decimal("74.99"), Decimal("100.00")]),
)
others = st.one_of(
    st.sampled_from(["是", "否", "已完成", "未完成", "显著", "一般", "85%", "9.7万人，完成率97%。", "3例", "", "#N/A",
                     None, float("nan"), Decimal("NaN"), "１００", " 90 ", "1e3", "-0"]),
    st.integers(0, 1200).map(lambda i: f"{Decimal(i) / 10}%"),
)


def _expected(t: dict[str, Any], cell: Any, **options: Any) -> tuple[Decimal | None, str | None]:
    if isinstance(cell, float):
        cell = None if math.isnan(cell) else str(cell)
    elif isinstance(cell, Decimal) and cell.is_nan():
        cell = None  # NaN in a frame is a missing cell, whatever its type (docs/frames.md), as pandas reads it
    try:
        s = scoring.evaluate(t["rule"], cell, target=t["target"], weight=t["weight"], comparator=t["comparator"],
                             unit=t["unit"], **options)  # fmt: skip
    except (scoring.ScoringError, TypeError, ValueError) as e:
        return None, str(e)
    return s.points, None


def _frame(rows: list[tuple[dict[str, Any], Any]]) -> Any:
    return pd.DataFrame({
        "rule": [t["rule"] for t, _ in rows], "target": [t["target"] for t, _ in rows],
        "comparator": [t["comparator"] for t, _ in rows], "unit": [t["unit"] for t, _ in rows],
        "weight": [t["weight"] for t, _ in rows], "actual": pd.Series([a for _, a in rows], dtype=object),
    })  # fmt: skip


def _check(frame: Any, rows: list[tuple[dict[str, Any], Any]], **options: Any) -> None:
    out = scoring.score_frame(frame, **options)
    for (t, cell), p, e in zip(rows, out["points"], out["error"], strict=True):
        want_p, want_e = _expected(t, cell, **options)
        assert (p, e) == (want_p, want_e), (t, cell)


rows_st = st.lists(st.tuples(st.sampled_from(TEMPLATES), st.one_of(numbers, numbers, others)), min_size=1, max_size=30)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows_st)
def test_each_row_equals_evaluate(rows: list[tuple[dict[str, Any], Any]]) -> None:
    _check(_frame(rows), rows)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows_st, st.sampled_from([{}, {"places": 1}, {"rounding": "truncate"}, {"partial": "ceil"},
                                 {"partial": "floor", "places": 0}, {"reverse": "linear"}]))
def test_options(rows: list[tuple[dict[str, Any], Any]], options: dict[str, Any]) -> None:
    _check(_frame(rows), rows, **options)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(TEMPLATES), st.lists(st.decimals(min_value=0, max_value=150, places=3, allow_nan=False),
                                            min_size=50, max_size=200))
def test_one_group_many_outcomes(t: dict[str, Any], values: list[Decimal]) -> None:
    """A whole column through one rule: the kernel's path (numeric dtypes too)."""
    rows = [(t, v) for v in values]
    _check(_frame(rows), rows)
    floats = [float(v) for v in values]
    frame = _frame([(t, 0) for _ in values]).assign(actual=floats)
    out = scoring.score_frame(frame)
    assert list(out["points"]) == [_expected(t, f)[0] for f in floats]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows_st)
def test_polars_the_same(rows: list[tuple[dict[str, Any], Any]]) -> None:
    rows = [(t, a) for t, a in rows if not isinstance(a, (Decimal, float, int)) or isinstance(a, bool)] or [
        (TEMPLATES[0], "85")]  # polars columns hold one type: strings
    frame = pl.DataFrame({k: [t[k] for t, _ in rows] for k in ("rule", "target", "comparator", "unit", "weight")}
                         | {"actual": [a for _, a in rows]})  # fmt: skip
    out = scoring.score_frame(frame)
    for (t, cell), p, e in zip(rows, out["points"], out["error"], strict=True):
        want_p, want_e = _expected(t, cell)
        assert (None if p is None else Decimal(p), e) == (want_p, want_e)


def test_chinese_headers_reason_and_no_rule() -> None:
    frame = pd.DataFrame({"评（扣）分标准": ["满意度90%及以上得满分，每5%扣2分，低于75%不得分", None],
                          "年度指标值": ["90%", "≥90%"], "指标值类型": ["≥", "≥"], "计量单位": ["%", "%"],
                          "分值": [10, 10], "实际完成值": ["85%", "85%"]})  # fmt: skip
    out = scoring.score_frame(frame, explain=True)
    assert list(out["points"]) == [Decimal("8.00"), Decimal("9.44")]
    assert out["reason"][0].endswith("得8.00分") and list(out["error"]) == [None, None]


def test_missing_column_is_refused() -> None:
    with pytest.raises(ValueError, match="actual"):
        scoring.score_frame(pd.DataFrame({"rule": ["x"], "weight": [1]}))


def _rows(n: int) -> list[tuple[dict[str, Any], Any]]:
    return [(TEMPLATES[i % len(TEMPLATES)], ["85", 90, "是", None, "77.5%", Decimal("92.25")][i % 6]) for i in range(n)]


def test_results_pickle() -> None:
    out = scoring.score_frame(_frame(_rows(60)))
    again = pickle.loads(pickle.dumps(out))
    assert again.equals(out)
    rule = scoring.parse("满意度90%及以上得满分，每5%扣2分，低于75%不得分")
    assert pickle.loads(pickle.dumps(rule)) == rule
    reading = scoring.bind(rule, target="≥90%")
    assert pickle.loads(pickle.dumps(reading)) == reading


def _score_chunk(chunk: Any) -> Any:  # the docs/frames.md recipe's worker
    return scoring.score_frame(chunk)


def test_process_pool_chunks_equal_one_call() -> None:
    frame = _frame(_rows(300))
    chunks = [frame.iloc[i:i + 75] for i in range(0, len(frame), 75)]
    with ProcessPoolExecutor(max_workers=2) as pool:
        parts = list(pool.map(_score_chunk, chunks))
    together = pd.concat(parts)
    assert together.equals(scoring.score_frame(frame))


def test_a_refused_rule_refuses_every_row_with_its_own_message() -> None:
    t = {"rule": "满意度达到很高水平的酌情给分", "target": "90%", "comparator": "≥", "unit": "%", "weight": "10"}
    rows: list[tuple[dict[str, Any], Any]] = [(t, "95%"), (t, None), (t, "是"), (t, Decimal("88"))]
    with pytest.raises(scoring.RuleSyntaxError):
        scoring.parse(t["rule"])
    _check(_frame(rows), rows)  # each row: evaluate's refusal, the parser's message
    out = scoring.score_frame(_frame(rows))
    assert list(out["points"]) == [None] * 4 and len(set(out["error"])) == 1


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(["满意度≥90%", "10", "≥", "", "万元"]), st.none(),
                          st.just(float("nan")), st.integers(-3, 3),
                          st.decimals(allow_nan=True, places=1).filter(lambda d: not d.is_snan())),
                max_size=40))  # fmt: skip
def test_object_columns_factorize_as_pandas_does(cells: list[Any]) -> None:
    """The hash-table factorization groups cells as pd.factorize does, missing cells (None, NaN) as one."""
    import numpy as np

    from scoring.tables import frames

    values = np.empty(len(cells), dtype=object)
    values[:] = cells
    codes, uniques = frames._codes(values)  # the hash table, or pd.factorize where it cannot hash a cell (sNaN)
    want, _ = pd.factorize(values, use_na_sentinel=False)
    missing = [frames._missing(v) for v in cells]
    for i in range(len(cells)):
        for j in range(len(cells)):
            same = codes[i] == codes[j]
            assert same == (want[i] == want[j]) or (same and missing[i] and missing[j]), (cells[i], cells[j])
    assert all(frames._missing(uniques[c]) == m for c, m in zip(codes, missing, strict=True))


def test_a_signalling_nan_cell_is_a_row_with_a_finding() -> None:
    """Decimal('sNaN') cannot be hashed or compared: the frame is still scored, that row refused."""
    frame = pd.DataFrame({"rule": ["满意度90%及以上得满分，每5%扣2分"] * 2, "target": ["90%"] * 2, "weight": ["10"] * 2,
                          "actual": pd.Series([Decimal("sNaN"), "85%"], dtype=object),
                          "comparator": [Decimal("sNaN"), "≥"]})  # fmt: skip
    out = scoring.score_frame(frame)
    assert out["points"][0] is None and out["error"][0]
    assert out["points"][1] == Decimal("8.00")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 7), max_size=60), st.lists(st.sampled_from(["满意度≥90%", "10", "", None, 0, 0.0, -0.0,
                                                                           Decimal("0"), Decimal("0.0"), True, 1]),
                                                          min_size=8, max_size=8))  # fmt: skip
def test_cells_shared_by_identity_factorize_as_by_value(picks: list[int], pool: list[Any]) -> None:
    """Cells told apart first by identity (the same object in many rows), then by value, group the
    rows as the hash by value alone does: equal copies of a text are one cell, 0 and 0.0 stay apart."""
    import numpy as np

    from scoring.tables import frames

    copies = [("".join(list(v)) if isinstance(v, str) else v) for v in pool]  # equal texts, other objects
    cells = [pool[i] for i in picks] + [copies[i] for i in picks[: len(picks) // 3]]
    values = np.empty(len(cells), dtype=object)
    values[:] = cells
    codes, uniques = frames._factorize(values)
    want, _ = frames._by_value(values)
    assert len(uniques) == len(set(want.tolist()))
    for i in range(len(cells)):
        assert frames._missing(uniques[codes[i]]) == frames._missing(cells[i])
        for j in range(len(cells)):
            assert (codes[i] == codes[j]) == (want[i] == want[j]), (cells[i], cells[j])


@pytest.mark.parametrize("dtype", ["int8", "int32", "uint16", "uint64", "float32", "float64"])
def test_numeric_dtypes_of_the_actual_column(dtype: str) -> None:
    """Outcomes of every numeric dtype read as evaluate reads the cell (a float as ``str(float(v))``),
    numbers past int64 (uint64) and -0.0 included; rows with the same outcome score alike."""
    import numpy as np

    t = {"rule": "满意度90%及以上得满分，每5%扣2分，低于75%不得分", "target": "90%", "comparator": "≥", "unit": "%",
         "weight": "10"}  # fmt: skip
    raw = [0, 1, 77, 85, 90, 100, 85, 77, 120, 127]
    if dtype == "uint64":
        raw += [2**64 - 5, 2**63 + 85]
    if dtype.startswith("float"):
        raw += [-0.0, 0.0, 85.5, 74.99, 89.95, 1e20]  # type: ignore[list-item]
    values = np.array(raw, dtype=dtype)
    frame = _frame([(t, 0) for _ in raw]).assign(actual=values)
    out = scoring.score_frame(frame)
    for v, p, e in zip(values.tolist(), out["points"], out["error"], strict=True):  # Python ints and floats
        assert (p, e) == _expected(t, v), v


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(TEMPLATES), st.integers(0, 6), st.sampled_from([{}, {"places": 0}, {"rounding": "truncate"}]),
       st.lists(st.one_of(st.integers(-10**3, 10**5), st.integers(-10**11, 10**11),
                          st.integers(10**12, 2**62), st.integers(-(2**62), -(10**12))), min_size=1, max_size=60))
def test_kernel_equals_the_compiled_function(t: dict[str, Any], scale: int, options: dict[str, Any],
                                             xs: list[int]) -> None:  # fmt: skip
    """The column kernel on scaled integers (large ones too: fractions are brought to lowest terms only
    where the int64 bound needs it) gives, on every row it does not hand back, the compiled function's
    points; a run it cannot make without passing int64 is refused whole (Unsupported)."""
    import numpy as np

    from scoring.scores.kernels import DONE, Unsupported, kernel

    try:
        c = scoring.compile(t["rule"], target=t["target"], weight=t["weight"], comparator=t["comparator"],
                            unit=t["unit"], **options)  # fmt: skip
    except scoring.ScoringError:
        return
    k = kernel(c)
    if k is None:
        return
    try:
        points, status = k(np.array(xs, dtype=np.int64), scale)
    except Unsupported:
        return
    for x, p, s in zip(xs, points.tolist(), status.tolist(), strict=True):
        if s == DONE:
            assert Decimal(p).scaleb(-k.places) == c.points(Decimal(x).scaleb(-scale)), (t["rule"], x, scale)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 2), st.integers(0, 4)), max_size=40),
       st.sampled_from([1, 2**20, 2**40]))
def test_cases_are_the_distinct_combinations(rows: list[tuple[int, int, int]], spread: int) -> None:
    """Each row's case and each case's codes, by one mixed-radix key or (codes too far apart for one
    int64 key: ``spread``) by numbering the combinations column by column."""
    import numpy as np

    from scoring.tables import frames

    columns = [np.array([r[i] * (spread if i else 1) for r in rows], dtype=np.int64) for i in range(3)]
    cases = frames._Cases(columns, len(rows))
    seen = [tuple(int(p[c]) for p in cases.parts) for c in range(cases.size)]
    assert len(set(seen)) == cases.size == len({tuple(int(col[i]) for col in columns) for i in range(len(rows))})
    for i in range(len(rows)):
        assert seen[cases.codes[i]] == tuple(int(col[i]) for col in columns)


def test_polars_columns_of_every_kind_equal_pandas() -> None:
    """Text columns (factorized by polars' hash, each row checked against its case), numbers, missing
    cells: the same points and errors as the pandas frame, points as their string form."""
    rows = [(TEMPLATES[i % 40], [85.5, 90.0, None, 77.25, 100.0, -0.0][i % 6]) for i in range(240)]
    cols = {k: [t[k] for t, _ in rows] for k in ("rule", "target", "comparator", "unit")}
    weights = [int(Decimal(t["weight"])) if Decimal(t["weight"]) == int(Decimal(t["weight"])) else 10 for t, _ in rows]
    polars = scoring.score_frame(pl.DataFrame(cols | {"weight": weights, "actual": [a for _, a in rows]}))
    pandas = scoring.score_frame(pd.DataFrame(cols | {"weight": weights, "actual": [a for _, a in rows]}))
    assert polars["points"].to_list() == [None if p is None else str(p) for p in pandas["points"]]
    assert polars["error"].to_list() == list(pandas["error"])


COUNT_RULE = {"rule": "事件未发生得满分，发生1起扣3分，扣完为止。", "target": "0起", "comparator": None, "unit": None,
              "weight": "6"}  # fmt: skip


def test_refused_counts_are_worded_as_evaluate_without_asking_it_per_row(monkeypatch: pytest.MonkeyPatch) -> None:
    """A count of events that is not whole (2.5起) or is negative is refused in the column kernel; its
    message is the evaluator's, asked for the first two numbers of each kind (fractional, negative
    whole, negative fractional) and written for the rest."""
    from scoring.scores import compiled

    values = [Decimal(k) / 2 for k in range(-20, 60)]
    rows = [(COUNT_RULE, v) for v in values]
    want = [_expected(COUNT_RULE, v) for v in values]
    # by the rule: 0起 6 points, each 起 3 less, to 0; 2.5起 and -1起 are refused
    assert want[values.index(Decimal(1))] == (Decimal("3.00"), None)
    assert want[values.index(Decimal("2.5"))][1] is not None and "2.5" in str(want[values.index(Decimal("2.5"))][1])
    assert want[values.index(Decimal(-1))][1] is not None
    asked: list[Any] = []
    real = compiled._evaluate

    def counting(rule: Any, actual: Any, **kw: Any) -> Any:
        asked.append(actual)
        return real(rule, actual, **kw)

    monkeypatch.setattr(compiled, "_evaluate", counting)
    scoring.cache.clear()
    out = scoring.score_frame(_frame(rows))
    assert list(zip(out["points"], out["error"], strict=True)) == want
    refused = sum(1 for _, e in want if e is not None)
    assert refused > 40 and len(asked) <= 2 * 3 + 5, asked  # a few classes, a few edges the kernel hands back


halves = st.one_of(st.integers(-3, 12).map(lambda k: Decimal(k) / 2), st.integers(-50, 150).map(lambda k: Decimal(k) / 10),
                   st.integers(0, 120))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(TEMPLATES), st.lists(halves, min_size=8, max_size=60, unique=True))
def test_refusals_of_one_rule_equal_evaluate(t: dict[str, Any], values: list[Any]) -> None:
    """Many numbers through one rule (so that refusals of one kind are written, not asked): every row's
    points and message equal evaluate's, refusals included (fractional and negative counts, units)."""
    rows = [(t, v) for v in values]
    _check(_frame(rows), rows)
