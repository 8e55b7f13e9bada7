"""Which numbers of accepted rule texts change no score when changed (issue 10's second measure).

    python tests/dev_corpus/numbers_matter.py [--list]

For every corpus text (seed rule rows and tests/data/dev_rules.jsonl) that parses, on its own
row (target, comparator, unit, weight as catalogued), every number in the text is changed in
turn (n+1, n−1, 2n, n/2); the number matters if, for one of these changes, the changed text is
refused or some answer scores differently (answers: a grid of numbers around the target and
the rule's own numbers, 是/否, the rule's grade words, and each sub-item's for composites). Prints the share of accepted
texts with a number that matters for no change; ``--list`` prints them with the number.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import scoring  # noqa: E402
from scoring.reading.bind import Input  # noqa: E402
from scoring.rules.nodes import Composite, Label, TargetMet  # noqa: E402

DATA = ROOT / "tests" / "data"
NUMBER = re.compile(r"\d+(?:\.\d+)?")


def rows() -> list[dict[str, Any]]:
    out: dict[tuple[Any, ...], dict[str, Any]] = {}
    for name, key in (("seed000_rules.jsonl", "rule"), ("seeds001_004_rules.jsonl", "rule_clean"),
                      ("dev_rules.jsonl", "rule")):  # fmt: skip
        for line in (DATA / name).open(encoding="utf-8"):
            r = json.loads(line)
            text = r.get(key) or r.get("rule")
            if not text:
                continue
            w = r.get("weight")
            row = {"text": text, "target": None if r.get("target") is None else str(r["target"]),
                   "comparator": r.get("comparator"), "unit": r.get("unit"),
                   "weight": str(w) if w not in (None, "") else "10"}  # fmt: skip
            out.setdefault((text, row["target"], row["unit"]), row)
    return list(out.values())


def _grid(text: str, row: dict[str, Any]) -> list[Decimal]:
    nums = {Decimal(m) for m in NUMBER.findall(text)}
    if row["target"]:
        nums |= {Decimal(m) for m in NUMBER.findall(row["target"])}
    grid: set[Decimal] = set()
    for n in [*nums, Decimal(0), Decimal(1), Decimal(100)]:
        for k in ("-3", "-1", "-0.5", "-0.1", "0", "0.1", "0.5", "1", "3"):
            grid.add(n + Decimal(k))
        for f in ("0.5", "0.8", "0.9", "0.95", "1.05", "1.2", "2"):
            grid.add(n * Decimal(f))
    return sorted(v for v in grid if v >= 0)


def _values(i: Input, grid: list[Decimal]) -> list[Any]:
    """The answers one typed input takes (the reading says what it needs)."""
    if i.kind == "value":
        return [*grid, "是", "否"]
    if i.kind == "count":
        return [Decimal(k) for k in range(6)] + [g for g in grid if g == g.to_integral_value()][:40]
    if i.kind == "flag":
        return ["是", "否"]
    if i.kind == "grade":
        return [*i.choices, "是", "否"]
    return []


def _answers(text: str, row: dict[str, Any], node: Any) -> list[Any]:
    """Answers for every input of the rule's reading: each input over its values, the others at
    their first value (a mapping where the rule takes several)."""
    grid = _grid(text, row)
    reading = scoring.bind(node, target=row["target"], comparator=row["comparator"], unit=row["unit"])
    inputs = [i for i in reading.inputs if i.kind != "items" or not isinstance(node, Composite)]
    if not isinstance(node, Composite) and len(inputs) == 1:
        return [*_values(inputs[0], grid), *_labels(node)]
    slots = {i.key: _values(i, grid) for i in inputs}
    slots = {k: v for k, v in slots.items() if v}
    if not slots:
        return ["是", "否", *grid]
    neutral = {k: v[0] for k, v in slots.items()}
    out: list[Any] = []
    for k, values in slots.items():
        out += [{**neutral, k: v} for v in values]
    return out


def _labels(node: Any) -> list[str]:
    """The grade words of the rule (一般, 不明显 …): answers too."""
    rules = [i.rule for i in node.items] if isinstance(node, Composite) else [node]
    return sorted({c.condition.text for r in rules for c in r.clauses
                   if isinstance(getattr(c, "condition", None), (Label, TargetMet))})  # fmt: skip


def _scores(node: Any, answers: list[Any], row: dict[str, Any]) -> list[Any]:
    out = []
    for a in answers:
        try:
            out.append(scoring.evaluate(node, a, target=row["target"], comparator=row["comparator"], unit=row["unit"],
                                        weight=row["weight"]).points)  # fmt: skip
        except scoring.ScoringError as e:
            out.append(type(e).__name__)
        except Exception as e:  # a crash is a change too, and worth knowing
            out.append(f"crash {type(e).__name__}")
    return out


def _changes(n: str) -> list[str]:
    d = Decimal(n)
    out = {d + 1, d - 1, d * 2, d / 2} - {d}
    return [format(v.normalize(), "f") for v in out if v >= 0]


def check(row: dict[str, Any]) -> list[str] | None:
    """The numbers of an accepted text that change no score; None where the text is refused."""
    text = row["text"]
    try:
        node = scoring.parse(text)
    except scoring.RuleSyntaxError:
        return None
    answers = _answers(text, row, node)
    want = _scores(node, answers, row)
    idle = []
    for m in NUMBER.finditer(text):
        matters = False
        for v in _changes(m.group()):
            changed = text[: m.start()] + v + text[m.end():]
            try:
                other = scoring.parse(changed)
            except scoring.RuleSyntaxError:
                matters = True
                break
            if _scores(other, answers, row) != want:
                matters = True
                break
        if not matters:
            idle.append(f"{m.group()}@{m.start()}")
    return idle


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--list", action="store_true")
    args = ap.parse_args(argv)
    accepted = with_idle = 0
    for row in rows():
        idle = check(row)
        if idle is None:
            continue
        accepted += 1
        if idle:
            with_idle += 1
            if args.list:
                print(f"{'、'.join(idle)}\t{row['target']}\t{row['unit']}\t{row['text']!r}")
    print(f"accepted (text, row) pairs: {accepted}; with a number that changes no score: {with_idle} "
          f"({with_idle / max(accepted, 1):.1%})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
