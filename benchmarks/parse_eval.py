"""Parse and evaluation speed.

Prints:
1. the parser's build (once per process; read back from ~/.cache/scoring after the first process, see
   scoring.rules.parser._cache_path), the first parse of the seed texts in the process, and the cold parse of every distinct seed rule text (no caching of
   results; best of 5), rules/s, against issue 11's goal of 2,000;
2. one evaluation of the parsed rule (the full Score with explanation and trace, and the
   compiled points-only path for bulk scoring, scoring.compile) 满意度90%及以上得满分，每5%扣2分，低于75%不得分 at 85%,
   side by side with the same logic as a compiled zen-engine expression (zen.compile_expression)
   and as plain Python, µs per evaluation and the ratio to zen.

Run: python benchmarks/parse_eval.py   (needs the `bench` extra: pip install -e '.[bench]')
"""

from __future__ import annotations

import json
import time
import timeit
from decimal import Decimal
from pathlib import Path

import scoring
from scoring.rules import parser as _parser
from scoring.scores.evaluate import Options, evaluate

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
RULE = "满意度90%及以上得满分，每5%扣2分，低于75%不得分"
ZEN_EXPR = "actual >= 90 ? 10 : (actual < 75 ? 0 : 10 - (90 - actual) / 5 * 2)"


def distinct_texts() -> list[str]:
    texts: dict[str, None] = {}
    for name in ("seed000_rules.jsonl", "seeds001_004_rules.jsonl"):
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            texts.setdefault(row.get("rule_clean") or row["rule"])
    return list(texts)


def bench_parse() -> None:
    t0 = time.perf_counter()
    _parser._lark()
    build = time.perf_counter() - t0
    texts = distinct_texts()
    ok = 0
    best = float("inf")
    times = []
    for _ in range(5):
        t0 = time.perf_counter()
        ok = 0
        for t in texts:
            try:
                scoring.parse(t)
                ok += 1
            except scoring.ScoringError:
                pass
        times.append(time.perf_counter() - t0)
        best = min(best, times[-1])
    print(f"parser build (once per process): {build * 1000:.0f} ms")
    print(f"first parse of them in this process (the lexer's terminals met for the first time): {times[0] * 1000:.0f} ms")
    print(f"cold parse: {len(texts)} distinct rules ({ok} parsed, {len(texts) - ok} refused) in {best * 1000:.1f} ms "
          f"= {len(texts) / best:,.0f} rules/s (goal ≥ 2,000)")


def plain_python(actual: Decimal) -> Decimal:
    if actual >= 90:
        return Decimal(10)
    if actual < 75:
        return Decimal(0)
    return Decimal(10) - (Decimal(90) - actual) / 5 * 2


def bench_eval() -> None:
    rule = scoring.parse(RULE)
    opts = Options()
    actual = "85%"
    n = 20000

    def ours() -> object:
        return evaluate(rule, actual, target="90%", weight=10, comparator_="≥", unit="%", options=opts)

    def ours_decimal() -> object:
        return evaluate(rule, Decimal(85), target=Decimal(90), weight=10, comparator_="≥", unit="%", options=opts)

    compiled = scoring.compile(rule, target="90%", weight=10, comparator="≥", unit="%")
    assert compiled.is_fast and compiled.points(Decimal(85)) == Decimal("8.00")
    assert ours().points == Decimal("8.00")  # type: ignore[attr-defined]
    results = {
        "scoring.evaluate (str inputs)": ours,
        "scoring.evaluate (Decimal)": ours_decimal,
        "scoring.compile(...).points": lambda: compiled.points(Decimal(85)),
    }
    try:
        import zen

        expr = zen.compile_expression(ZEN_EXPR)
        assert expr.evaluate({"actual": 85}) == 8
        results["zen compiled expression"] = lambda: expr.evaluate({"actual": 85})
    except ImportError:
        print("zen-engine not installed: pip install -e '.[bench]'")
    results["plain Python (Decimal)"] = lambda: plain_python(Decimal(85))
    timings = {}
    for name, fn in results.items():
        t = min(timeit.repeat(fn, number=n, repeat=5)) / n
        timings[name] = t
    zen_t = timings.get("zen compiled expression")
    for name, t in timings.items():
        ratio = f"  ({t / zen_t:.2f}× zen)" if zen_t else ""
        print(f"evaluate: {name:28} {t * 1e6:8.2f} µs{ratio}")


if __name__ == "__main__":
    bench_parse()
    bench_eval()
