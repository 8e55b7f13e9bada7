"""Benchmark: ``scoring.score_frame`` on a DataFrame of corpus rules with numeric outcomes.

    python benchmarks/frame.py [--rows 1000000] [--seed 0] [--outcomes random|distinct]

Rows are drawn from the corpus rule rows (tests/data: seed 000 and seeds 001–004), each with a
numeric outcome (a float column, as a frame holds numbers). What is drawn is what the bound rule
says it needs (``scoring.bind(...).inputs``): where its one input is a count of events, a whole
count from 0 to 5; otherwise ``random`` rates between 50% and 120% of the target to one decimal,
``distinct`` to three decimals. A share of bad answers (``--bad``, 1%: a count with a half,
2.5起, which the rule refuses) keeps refusals measured; the mix is printed. Three ways are timed
on the same rows, and all three give the same points (checked):

* ``score_frame(frame)``: each distinct (reading, outcome) once, one kernel per reading on scaled
  integers (docs/frames.md);
* the compiled function in a Python loop: ``scoring.compile`` once per reading (cached), then
  ``c.points(Decimal(str(x)))`` per row — what a caller writes without score_frame;
* plain Python: ``scoring.evaluate(rule, str(x), ...)`` per row (timed on a sample, scaled).

Prints rows/s of each and the ratios, and how many rows the kernel scored itself.
"""

from __future__ import annotations

import argparse
import functools
import json
import random
import sys
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402

import scoring  # noqa: E402
from scoring import cache  # noqa: E402
from scoring.reading.values import parse_value  # noqa: E402
from scoring.tables import frames  # noqa: E402

DATA = ROOT / "tests" / "data"


def templates() -> list[dict[str, Any]]:
    out = []
    for name in ("seed000_rules.jsonl", "seeds001_004_rules.jsonl"):
        for line in (DATA / name).open(encoding="utf-8"):
            r = json.loads(line)
            rule = r.get("rule_clean") or r.get("rule")
            target = None if r.get("target") is None else str(r["target"])
            v = parse_value(target, r.get("unit")) if target else None
            if not rule or v is None:
                continue  # numeric outcomes need a numeric target to draw around
            w = r.get("weight")
            out.append({"rule": rule, "target": target, "comparator": r.get("comparator"), "unit": r.get("unit"),
                        "weight": str(w) if w not in (None, "") else "10", "base": v.quantity.value or Decimal(100),
                        "input": _needs(rule, target, r.get("comparator"), r.get("unit"))})  # fmt: skip
    return out


def _needs(rule: str, target: str, comparator: str | None, unit: str | None) -> str:
    """What the bound rule needs of one answer: "count" (its one input is a count of events), "value",
    or "other" (several inputs, items, a rule the parser refuses: every number is refused anyway)."""
    try:
        inputs = scoring.bind(scoring.parse(rule), target=target, comparator=comparator, unit=unit).inputs
    except scoring.ScoringError:
        return "other"
    kinds = [i.kind for i in inputs]
    return kinds[0] if kinds in (["count"], ["value"]) else "other"


def build(n: int, seed: int, mode: str, bad: float = 0.01) -> pd.DataFrame:
    """``n`` rows; ``bad``: the share of count rows answered with a half count (refused)."""
    rng = random.Random(seed)
    pool = templates()
    picks = [rng.choice(pool) for _ in range(n)]
    hi = 1000 if mode == "distinct" else 10
    actual = []
    for t in picks:
        if t["input"] == "count":
            k = rng.randint(0, 5)
            actual.append(k + 0.5 if rng.random() < bad else float(k))
        else:
            actual.append(round(float(t["base"]) * rng.randint(50 * hi, 120 * hi) / (100 * hi),
                                3 if mode == "distinct" else 1))  # fmt: skip
    cols = {k: [t[k] for t in picks] for k in ("rule", "target", "comparator", "unit", "weight", "input")}
    return pd.DataFrame({**cols, "actual": actual})


def mix(frame: pd.DataFrame, out: pd.DataFrame) -> str:
    """The answers drawn, by what their rule needs, and the rows refused."""
    kinds = frame["input"].value_counts()
    half = int(((frame["input"] == "count") & (frame["actual"] % 1 != 0)).sum())
    refused = out["error"].notna()
    counts = refused & (frame["input"] == "count")
    n = len(frame)
    return (f"answers: {kinds.get('value', 0) / n:.1%} values, {kinds.get('count', 0) / n:.1%} whole counts "
            f"({half} rows, {half / max(kinds.get('count', 0), 1):.1%} of them, a half count: bad), "
            f"{kinds.get('other', 0) / n:.1%} for rules of several inputs or refused\n"
            f"refused: {int(refused.sum())} rows ({refused.mean():.1%}), {int(counts.sum())} of them counts")


def compiled_loop(frame: pd.DataFrame) -> list[Any]:
    out: list[Any] = []
    rows = zip(frame["rule"], frame["target"], frame["comparator"], frame["unit"], frame["weight"], frame["actual"],
               strict=True)
    for rule, target, comparator, unit, weight, x in rows:
        target, comparator, unit = _cell(target), _cell(comparator), _cell(unit)  # pandas holds None as NaN
        key = ("bench", rule, target, comparator, unit, weight)
        c = cache.COMPILED.get(key, functools.partial(_compile, rule, target, comparator, unit, weight))
        if c is None:
            out.append(None)
            continue
        try:
            out.append(c.points(Decimal(str(x))))
        except scoring.ScoringError:
            out.append(None)
    return out


def _cell(v: Any) -> Any:
    return v if isinstance(v, str) else None


def _compile(rule: str, target: Any, comparator: Any, unit: Any, weight: Any) -> Any:
    try:
        return scoring.compile(rule, target=target, comparator=comparator, unit=unit, weight=weight)
    except scoring.ScoringError:
        return None


def plain(frame: pd.DataFrame, sample: int) -> tuple[float, list[Any]]:
    part = frame.iloc[:sample]
    t = time.perf_counter()
    out: list[Any] = []
    for rule, target, comparator, unit, weight, x in zip(part["rule"], part["target"], part["comparator"],
                                                         part["unit"], part["weight"], part["actual"], strict=True):
        target, comparator, unit = _cell(target), _cell(comparator), _cell(unit)
        try:
            out.append(scoring.evaluate(rule, str(x), target=target, comparator=comparator, unit=unit,
                                        weight=weight).points)
        except scoring.ScoringError:
            out.append(None)
    return time.perf_counter() - t, out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--outcomes", choices=("random", "distinct"), default="random")
    ap.add_argument("--plain-sample", type=int, default=20_000, help="rows timed for plain Python (scaled)")
    ap.add_argument("--bad", type=float, default=0.01, help="share of count answers that are a half count (refused)")
    args = ap.parse_args(argv)
    frame = build(args.rows, args.seed, args.outcomes, args.bad)
    kinds = frame.pop("input")
    n = len(frame)
    readings = frame.groupby(["rule", "target", "comparator", "unit", "weight"], dropna=False).ngroups
    print(f"frame: {n} rows, {readings} readings, {frame['actual'].nunique()} distinct outcomes ({args.outcomes})")

    cache.clear()
    t = time.perf_counter()
    out = scoring.score_frame(frame)
    cold = time.perf_counter() - t
    times = []
    for _ in range(3):
        t = time.perf_counter()
        out = scoring.score_frame(frame)
        times.append(time.perf_counter() - t)
    warm = min(times)

    # how many rows the kernel took: groups with a kernel, rows it did not hand back
    kernels = sum(1 for v in cache.COMPILED._data.values() if isinstance(v, tuple) and v[1] is not None)
    compiled_groups = sum(1 for v in cache.COMPILED._data.values() if isinstance(v, tuple))

    t = time.perf_counter()
    loop = compiled_loop(frame)  # first run compiles: a second is timed
    t = time.perf_counter()
    loop = compiled_loop(frame)
    looped = time.perf_counter() - t
    sample = min(args.plain_sample, n)
    plain_t, plain_out = plain(frame, sample)
    plain_rate = sample / plain_t

    got = list(out["points"])
    assert got == loop, "score_frame and the compiled loop differ"
    assert got[:sample] == plain_out, "score_frame and evaluate differ"
    print(mix(frame.assign(input=kinds), out))
    print(f"readings with a column kernel: {kernels} of {compiled_groups} compiled ({frames.__name__})")
    print(f"score_frame:        {n / warm:>12,.0f} rows/s  ({warm:.2f} s; first call, compiling: {n / cold:,.0f} rows/s)")
    print(f"compiled loop:      {n / looped:>12,.0f} rows/s  ({looped:.2f} s)")
    print(f"plain Python:       {plain_rate:>12,.0f} rows/s  (evaluate per row, {sample} rows timed)")
    print(f"ratios: score_frame / compiled loop = {looped / warm:.1f}x; score_frame / plain = "
          f"{n / warm / plain_rate:.0f}x; compiled loop / plain = {n / looped / plain_rate:.0f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
