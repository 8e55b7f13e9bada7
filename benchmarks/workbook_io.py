"""Benchmark: write and read a large scored workbook (issue 13 item 7).

    python benchmarks/workbook_io.py [--rows 200000] [--sizes 50000,100000]

Builds a table of ``--rows`` corpus rows (benchmarks/table.py), scores it, and in a fresh process
per step (so that each step's peak memory is its own, ru_maxrss):

* write: ``write_report(report, "x.xlsx")``, which past 20,000 rows takes openpyxl's write-only
  mode (``scoring/tables/large.py``); also at ``--sizes`` rows, to show seconds per row are flat;
* read: ``read_table("x.xlsx")`` on the written workbook, which past 4 MB takes python-calamine.

Prints seconds and peak memory per step. Goal: writing linear, reading under 20 s at 200,000 rows.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def step(kind: str, rows: int, path: str) -> dict[str, float]:
    if kind == "write":
        from table import build  # benchmarks/table.py

        from scoring.tables.spreadsheet import write_report

        ruleset, outcomes, _ = build(rows, 0, "random")
        report = ruleset.score(outcomes)
        before = _peak_mb()
        t = time.perf_counter()
        write_report(report, path)
        return {"seconds": time.perf_counter() - t, "peak_mb": _peak_mb(), "before_mb": before,
                "size_mb": Path(path).stat().st_size / 2**20}  # fmt: skip
    from scoring.tables.spreadsheet import read_table

    before = _peak_mb()
    t = time.perf_counter()
    table = read_table(path)
    return {"seconds": time.perf_counter() - t, "peak_mb": _peak_mb(), "before_mb": before,
            "rows_read": len(table.indicators)}  # fmt: skip


def child(kind: str, rows: int, path: str) -> dict[str, float]:
    out = subprocess.run([sys.executable, __file__, "--step", kind, "--rows", str(rows), "--path", path],
                         check=True, capture_output=True, text=True)  # fmt: skip
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=200_000)
    ap.add_argument("--sizes", default="50000,100000", help="further row counts written, for linearity")
    ap.add_argument("--step", choices=("write", "read"), help=argparse.SUPPRESS)
    ap.add_argument("--path", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.step:
        print(json.dumps(step(args.step, args.rows, args.path)))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        sizes = [int(s) for s in args.sizes.split(",") if s] + [args.rows]
        for n in sizes:
            w = child("write", n, f"{tmp}/t{n}.xlsx")
            print(f"write {n:>8,} rows: {w['seconds']:6.1f} s ({w['seconds'] / n * 1e5:.2f} s per 100k rows), "
                  f"{w['size_mb']:.0f} MB file, peak {w['peak_mb']:.0f} MB (scored report alone {w['before_mb']:.0f} MB)")
        r = child("read", args.rows, f"{tmp}/t{args.rows}.xlsx")
        print(f"read  {args.rows:>8,} rows: {r['seconds']:6.1f} s, {r['rows_read']:,.0f} indicator rows, "
              f"peak {r['peak_mb']:.0f} MB (interpreter and package {r['before_mb']:.0f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
