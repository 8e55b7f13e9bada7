"""Fuzz the totality of scoring (issue 13): parse, evaluate, compile and Ruleset.score raise
nothing but ScoringError for any input, and a scored table keeps one entry per row.

    python tools/fuzz.py                      # hypothesis, 5 minutes (--seconds N to change)
    python tools/fuzz.py --atheris [-- ARGS]  # coverage-guided with atheris (pip install atheris);
                                              # ARGS go to libFuzzer, e.g. -max_total_time=600

The hypothesis mode runs the properties of tests/test_totality.py (mutated corpus rules, hostile
values, malformed tables) with as many examples as fit the time; the suite runs them briefly.
A failure prints the smallest input hypothesis finds and exits 1.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))


def run_hypothesis(seconds: float) -> int:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st
    from test_totality import mutated, targets, values, weights

    import scoring

    comparators = st.sampled_from([None, "≥", "≤", "定性", "="])
    deadline = time.monotonic() + seconds
    rounds = 0

    def ours(f: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return f(*args, **kwargs)
        except scoring.ScoringError:
            return None

    @settings(max_examples=2000, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(mutated(), values, targets, weights, comparators)
    def one_rule(text: str, actual: Any, target: Any, weight: Any, cmp: Any) -> None:
        rule = ours(scoring.parse, text)
        if rule is None:
            return
        kwargs = {"target": target, "weight": weight, "comparator": cmp}
        ours(scoring.evaluate, rule, actual, **kwargs)
        c = ours(scoring.compile, rule, **kwargs)
        if c is not None:
            ours(c.points, actual)
            ours(c.score, actual)

    import test_totality

    tables = test_totality.test_malformed_tables_keep_one_entry_per_row.hypothesis.inner_test  # type: ignore[attr-defined]
    one_table = settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck), database=None)(
        given(test_totality.malformed_tables(), st.booleans())(tables)
    )
    while time.monotonic() < deadline:
        rounds += 1
        try:
            one_rule()
            one_table()
        except Exception:  # the falsifying examples are in the exceptions' notes
            import traceback

            traceback.print_exc()
            print(f"round {rounds}: failed", file=sys.stderr)
            return 1
        print(f"round {rounds}: 2,000 rules and 300 tables, nothing but ScoringError", flush=True)
    return 0


def run_atheris(args: list[str]) -> int:
    import atheris

    with atheris.instrument_imports():
        import scoring

    rule = "满意度90%及以上得满分，每5%扣2分，低于75%不得分"

    def one(data: bytes) -> None:
        fdp = atheris.FuzzedDataProvider(data)
        text = fdp.ConsumeUnicodeNoSurrogates(fdp.ConsumeIntInRange(0, 300)) or rule
        actual = fdp.ConsumeUnicodeNoSurrogates(40)
        weight = fdp.ConsumeIntInRange(-(10**6), 10**40)
        target = fdp.ConsumeUnicodeNoSurrogates(20) or None
        try:
            node = scoring.parse(text)
        except scoring.ScoringError:
            node = scoring.parse(rule)
        for f in (lambda: scoring.evaluate(node, actual, target=target, weight=weight),
                  lambda: scoring.compile(node, target=target, weight=weight).points(actual)):  # fmt: skip
            try:
                f()
            except scoring.ScoringError:
                pass
        rows = [{"id": "a", "name": "x", "rule": text, "weight": weight, "target": target}]
        report = scoring.Ruleset.from_rows(rows).score({"a": actual})
        assert len(report.rows) == 1
        assert not [f for f in report.findings if f.code == "internal-error"], report.findings

    atheris.Setup([sys.argv[0], *args], one)
    atheris.Fuzz()
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seconds", type=float, default=300)
    ap.add_argument("--atheris", action="store_true")
    ap.add_argument("rest", nargs="*")
    a = ap.parse_args()
    return run_atheris(a.rest) if a.atheris else run_hypothesis(a.seconds)


if __name__ == "__main__":
    sys.exit(main())
