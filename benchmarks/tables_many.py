"""Benchmark: the workload people really have, many small tables (issue 13).

    python benchmarks/tables_many.py [--tables 1000] [--rows 30] [--seed 0] [--outcomes typical]

A province scores about 100 departments × 50 projects × 30 indicators a year: many tables of
about 30 rows, each arriving as its own file. This builds ``--tables`` tables of ``--rows`` rows
from the corpus row templates of benchmarks/table.py, each scored as a fresh ``Ruleset`` (as a
file read anew would be), and, in the same run, one table holding all of their rows; it prints
rows/s of both and their ratio (goal: many small tables ≥ 0.5× one big table).

Parsed rules, read targets and readings (a rule bound and compiled for an indicator and profile,
scoring/tables/readings.py) are kept process-wide (``scoring.cache``), so a reading met in one
table is not parsed or compiled again for the next, and an actual value it decided (100%, 已完成)
is not decided again.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from table import draw_actual, templates  # noqa: E402

from scoring import cache  # noqa: E402
from scoring.rules.nodes import Composite  # noqa: E402
from scoring.tables.outcomes import Outcome, Outcomes  # noqa: E402
from scoring.tables.rows import IndicatorRow  # noqa: E402
from scoring.tables.ruleset import Ruleset  # noqa: E402


def tables(n: int, rows: int, seed: int, mode: str) -> list[tuple[list[IndicatorRow], Outcomes]]:
    rng = random.Random(seed)
    pool = templates()
    items: dict[str, int] = {}
    out = []
    for k in range(n):
        made, outs = [], []
        for i in range(rows):
            t = rng.choice(pool)
            r = IndicatorRow(
                id=f"T{k}R{i}", name=t["name"], level1=t["level1"], level2=t["level2"], target=t["target"],
                comparator=t["comparator"], unit=t["unit"], weight=t["weight"], rule=t["rule"],
            )  # fmt: skip
            if r.rule and r.rule not in items:
                try:
                    node = cache.parsed(r.rule)
                    items[r.rule] = len(node.items) if isinstance(node, Composite) else 0
                except Exception:
                    items[r.rule] = 0
            made.append(r)
            outs.append(Outcome(r.id, draw_actual(t, rng, mode, items.get(r.rule or "", 0))))
        out.append((made, Outcomes(tuple(outs))))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tables", type=int, default=1000)
    ap.add_argument("--rows", type=int, default=30)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--outcomes", choices=("random", "typical", "distinct"), default="typical")
    a = ap.parse_args(argv)
    data = tables(a.tables, a.rows, a.seed, a.outcomes)
    total = a.tables * a.rows
    cache.clear()  # cold: the first tables parse and compile what they meet

    t0 = time.perf_counter()
    for rows, outcomes in data:
        Ruleset.from_rows(rows).score(outcomes)
    many = time.perf_counter() - t0

    t0 = time.perf_counter()
    for rows, outcomes in data:
        Ruleset.from_rows(rows).score(outcomes)
    many_warm = time.perf_counter() - t0

    all_rows = [r for rows, _ in data for r in rows]
    all_outcomes = Outcomes(tuple(o for _, outs in data for o in outs.items))
    cache.clear()
    t0 = time.perf_counter()
    Ruleset.from_rows(all_rows).score(all_outcomes)
    big = time.perf_counter() - t0

    print(f"{a.tables} tables × {a.rows} rows, fresh Ruleset each, cold caches: {total / many:,.0f} rows/s")
    print(f"the same again, caches warm:                     {total / many_warm:,.0f} rows/s")
    print(f"one table of {total:,} rows, cold caches:          {total / big:,.0f} rows/s")
    print(f"ratio many/one: {big / many:.2f}× cold, {big / many_warm:.2f}× warm (goal ≥ 0.5×)")
    print(f"cache sizes: {cache.sizes()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
