"""Benchmark: score a large indicator table built from the corpus rules.

    python benchmarks/table.py [--rows 100000] [--seed 0] [--outcomes random|typical|distinct]

Builds a table of ``--rows`` indicator rows by drawing row templates (rule text, target,
comparator, unit, weight, level) at random from the corpus catalogues in ``tests/data``
(seed 000 and seeds 001–004 rule rows, and the 362 rows without rules of the seed oracle),
draws a random outcome for each row (a number around the target, a yes/no, a grade word,
a messy cell such as ``9.7万人，完成率97%。``, sub-item answers for composite rules), then
times ``Ruleset.score`` and reports rows/s and the peak memory (tracemalloc, in a second
run: tracing slows Python down).

``--outcomes`` says how the random outcomes are drawn:

* ``random`` (default): rates uniformly between 50% and 120% of the target to one decimal,
  counts as integers, words from a list: about a quarter of the (row, outcome) pairs are new.
* ``typical``: as self-evaluations are filled in practice: most rows meet their target
  exactly (the target value, 已完成, 是), the rest fall short by 5, 10 or 20%.
* ``distinct``: rates to four decimals, amounts with cents: almost every row is new, which
  measures the evaluator itself rather than the per-run cache of scores.

Rows are grouped by reading (rule text, target, comparator, unit, weight, profile); each reading
is prepared once per process (parsed, compiled) in the first run, which also works out the table's
plan (the groups, blocks, their weights): the figure of that first run is printed too. A reading
decides each distinct actual value once and keeps what it decided (``Reading.decided``), so the
runs after the first reuse the first run's decisions: the figure of runs that decide afresh
(readings kept, their decisions dropped) is printed as well. Rule rows whose
outcome is a plain number are scored by the rule compiled for the row (``scoring.compile``),
and their 扣分原因 is worked out when first read: the benchmark also times reading every row's
explanation after scoring, so that the deferred work is measured too.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import tracemalloc
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scoring import cache  # noqa: E402
from scoring.reading.values import parse_value  # noqa: E402
from scoring.rules.nodes import Composite  # noqa: E402
from scoring.tables.outcomes import Outcome, Outcomes  # noqa: E402
from scoring.tables.readings import Reading  # noqa: E402
from scoring.tables.rows import Execution, IndicatorRow  # noqa: E402
from scoring.tables.ruleset import Ruleset  # noqa: E402

DATA = ROOT / "tests" / "data"
WORDS_YES = ("是", "已完成", "完成", "达到", "效果明显", "按时完成", "正常运行")
WORDS_NO = ("否", "未完成", "部分完成")
GRADES = ("显著", "一般", "不明显", "优", "良", "执行到位", "形式单一")


def templates() -> list[dict[str, Any]]:
    """Row templates from the corpus catalogues: rule rows and rows without a rule."""
    out: list[dict[str, Any]] = []
    for line in (DATA / "seed000_rules.jsonl").open(encoding="utf-8"):
        r = json.loads(line)
        out.append(_template(r, r.get("level3") or "指标", r.get("rule")))
    for line in (DATA / "seeds001_004_rules.jsonl").open(encoding="utf-8"):
        r = json.loads(line)
        out.append(_template(r, r.get("level3") or "指标", r.get("rule_clean") or r.get("rule")))
    for line in (DATA / "seed_oracle.jsonl").open(encoding="utf-8"):
        r = json.loads(line)
        if r.get("kind") in ("exec", "none"):
            continue
        out.append(_template(r, r.get("level3") or "指标", None))
    return out


def _template(r: dict[str, Any], name: str, rule: str | None) -> dict[str, Any]:
    weight = r.get("weight")
    return {
        "name": name,
        "level1": str(r.get("level1") or "产出指标").split("(")[0],
        "level2": str(r.get("level2") or ""),
        "target": None if r.get("target") is None else str(r["target"]),
        "comparator": r.get("comparator"),
        "unit": r.get("unit"),
        "weight": Decimal(str(weight)) if weight not in (None, "") else Decimal(10),
        "rule": rule,
    }


def draw_actual(t: dict[str, Any], rng: random.Random, mode: str, items: int) -> Any:
    """A random outcome that fits the row."""
    distinct = mode == "distinct"
    if mode == "typical":
        return _typical(t, rng, items)
    if items:
        return {str(i): rng.choice(("是", "是", "否", "1", "0")) for i in range(1, items + 1)}
    target = t["target"] or ""
    v = parse_value(target, t["unit"]) if target else None
    roll = rng.random()
    if v is None:
        if roll < 0.75:
            return rng.choice(WORDS_YES)
        if roll < 0.9:
            return rng.choice(GRADES)
        return rng.choice(WORDS_NO)
    q = v.quantity
    if roll < 0.05:
        return rng.choice(WORDS_YES)
    if q.is_percent or t["unit"] in ("%", "百分比", "百分率"):
        base = q.value if q.value > 0 else Decimal(100)
        if distinct:
            value = (base * Decimal(rng.randint(500000, 1200000)) / Decimal(1000000)).quantize(Decimal("0.0001"))
        else:
            value = (base * Decimal(rng.randint(50, 120)) / Decimal(100)).quantize(Decimal("0.1"))
        return f"{value}%"
    base = q.value if q.value > 0 else Decimal(rng.randint(0, 3))
    if q.value == 0:
        return str(rng.randint(0, 3))
    if distinct:
        value = (base * Decimal(rng.randint(500000, 1200000)) / Decimal(1000000)).quantize(Decimal("0.01"))
    else:
        value = (base * Decimal(rng.randint(50, 120)) / Decimal(100)).quantize(Decimal(1))
    unit = q.unit if q.unit and not t["unit"] else ""
    if roll < 0.15:
        return f"{value}{unit}，完成率{(value / base * 100).quantize(Decimal('0.01'))}%。"
    return f"{value}{unit}"


def _typical(t: dict[str, Any], rng: random.Random, items: int) -> Any:
    if items:
        return (
            {str(i): "是" for i in range(1, items + 1)}
            if rng.random() < 0.8
            else {str(i): rng.choice(("是", "否")) for i in range(1, items + 1)}
        )
    target = t["target"] or ""
    v = parse_value(target, t["unit"]) if target else None
    if v is None:
        return rng.choice(WORDS_YES) if rng.random() < 0.9 else rng.choice(GRADES)
    q = v.quantity
    share = Decimal(1) if rng.random() < 0.7 else rng.choice((Decimal("0.95"), Decimal("0.9"), Decimal("0.8")))
    if q.value == 0:
        return "0"
    value = (q.value * share).quantize(Decimal("0.1") if q.is_percent else Decimal(1))
    return f"{value}%" if q.is_percent or t["unit"] in ("%", "百分比", "百分率") else str(value)


def build(n: int, seed: int, mode: str) -> tuple[Ruleset, Outcomes, float]:
    rng = random.Random(seed)
    pool = templates()
    t0 = time.perf_counter()
    rows: list[IndicatorRow] = []
    for i in range(n):
        t = rng.choice(pool)
        rows.append(IndicatorRow(
            id=f"R{i}", name=t["name"], level1=t["level1"], level2=t["level2"], section=f"P{i // 20}",
            target=t["target"], comparator=t["comparator"], unit=t["unit"], weight=t["weight"], rule=t["rule"],
        ))  # fmt: skip
    ruleset = Ruleset.from_rows(rows, title="benchmark", execution=Execution(Decimal(1000), Decimal(953), None))
    built = time.perf_counter() - t0
    # composite rules need one answer per sub-item: ask the (cached) parser how many
    items: dict[str, int] = {}
    for r in rows:
        if r.rule and r.rule not in items:
            try:
                node = ruleset.rule(r.rule)
                items[r.rule] = len(node.items) if isinstance(node, Composite) else 0
            except Exception:
                items[r.rule] = 0
    tmpl = {t["name"] + "\x00" + (t["rule"] or ""): t for t in pool}
    outcomes = []
    for r in rows:
        t = tmpl[r.name + "\x00" + (r.rule or "")]
        outcomes.append(Outcome(r.id, draw_actual(t, rng, mode, items.get(r.rule or "", 0))))
    return ruleset, Outcomes(tuple(outcomes)), built


def forget_decisions() -> None:
    """Drop what every reading decided (its compiled rule stays): the next run decides afresh."""
    for kept in list(cache.COMPILED._data.values()):
        if isinstance(kept, Reading):
            kept.decided.clear()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--outcomes", choices=("random", "typical", "distinct"), default="random",
                    help="how outcomes are drawn (see above)")  # fmt: skip
    ap.add_argument("--repeat", type=int, default=3, help="timed runs; the best is reported")
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    ruleset, outcomes, _ = build(args.rows, args.seed, args.outcomes)
    t1 = time.perf_counter()
    distinct_rules = len({r.rule for r in ruleset.indicators if r.rule})
    print(f"table: {len(ruleset.indicators)} rows ({args.outcomes} outcomes), {distinct_rules} distinct rule texts "
          f"(parsed once each), built in {t1 - t0:.2f}s")  # fmt: skip

    times = []
    report = None
    for _ in range(args.repeat):
        t = time.perf_counter()
        report = ruleset.score(outcomes)
        times.append(time.perf_counter() - t)
    best, first = min(times), times[0]
    assert report is not None
    scored = sum(1 for r in report.rows if r.score is not None)
    distinct_outcomes = len({(r.row.rule, r.row.target, r.row.weight, str(r.actual)) for r in report.rows})
    print(f"ruleset.score: {len(report.rows)} rows in {best:.3f}s = {len(report.rows) / best:,.0f} rows/s "
          f"(best of {args.repeat}; the first run, which also plans the table and compiles its rules: "
          f"{len(report.rows) / first:,.0f} rows/s)")  # fmt: skip
    print(f"  scored {scored}, not scored {len(report.rows) - scored} (findings), "
          f"{distinct_outcomes} distinct (row, outcome) pairs, total {report.total} of {report.weight}")  # fmt: skip

    report = None  # one report alive at a time, as in use
    best = float("inf")
    for _ in range(args.repeat):
        forget_decisions()
        t = time.perf_counter()
        report = ruleset.score(outcomes)
        best = min(best, time.perf_counter() - t)
        report = None
    print(f"  each run deciding its outcomes afresh (readings kept, their decisions dropped): "
          f"{args.rows / best:,.0f} rows/s (best of {args.repeat})")  # fmt: skip
    t = time.perf_counter()
    report = ruleset.score(outcomes)
    scored_at = time.perf_counter()
    chars = sum(len(r.explanation) for r in report.rows)
    done = time.perf_counter()
    print(f"  then every 扣分原因 read: {len(report.rows) / (done - t):,.0f} rows/s "
          f"(scoring {scored_at - t:.3f}s + explanations {done - scored_at:.3f}s, {chars:,} characters)")  # fmt: skip
    report = None
    best = float("inf")
    for _ in range(args.repeat):
        t = time.perf_counter()
        report = ruleset.score(outcomes, explain=True)  # as `scoring score -o` does
        chars = sum(len(r.explanation) for r in report.rows)
        best = min(best, time.perf_counter() - t)
        report = None
    print(f"  ruleset.score(explain=True), every 扣分原因 worked out in the run: {args.rows / best:,.0f} "
          f"rows/s (best of {args.repeat})")  # fmt: skip

    tracemalloc.start()
    ruleset.score(outcomes)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"  peak memory while scoring (tracemalloc): {peak / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
