"""Load the hand-computed corpus (tests/corpus/*.toml) and run it: `python tests/corpus_runner.py`
prints pass/fail counts per file and the failures."""

from __future__ import annotations

import sys
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).parent / "corpus"


@dataclass(frozen=True)
class Case:
    file: str
    rule_id: str
    text: str
    actual: Any
    points: Decimal | None  # None: the rule must refuse this answer (`refuse = true`)
    target: Any
    comparator: str | None
    unit: str | None
    weight: Any
    why: str
    index: int

    @property
    def id(self) -> str:
        return f"{self.rule_id}#{self.index}"


def load(path: Path) -> dict[str, Any]:
    with path.open("rb") as f:
        return tomllib.load(f, parse_float=Decimal)


def _plain(v: Any) -> Any:
    if isinstance(v, dict):
        return {str(k): _plain(x) for k, x in v.items()}
    if isinstance(v, Decimal):
        return str(v)
    if isinstance(v, int) and not isinstance(v, bool):
        return str(v)
    return v


def _kind(r: dict[str, Any]) -> str:
    if r.get("expect") == "no-rule":
        return "refused"  # no scoring logic at all
    if "refused" in r:
        return "unread"  # a real rule the parser refuses (code in `refused`): its cases wait for it
    return "cases"


def rules(kind: str = "cases") -> Iterator[tuple[str, dict[str, Any]]]:
    """The corpus rules of one kind: "cases" (read and scored), "refused" (no scoring logic) or
    "unread" (refused with the code in their `refused` field: the parser cannot read all of it)."""
    for path in sorted(CORPUS.glob("*.toml")):
        for r in load(path).get("rule", []):
            if _kind(r) == kind:
                yield path.name, r


def cases() -> Iterator[Case]:
    for name, r in rules():
        for i, c in enumerate(r.get("case", []), 1):
            yield Case(
                name, r["id"], r["text"], _plain(c["actual"]), None if c.get("refuse") else Decimal(str(c["points"])),
                c.get("target", r.get("target")), c.get("comparator", r.get("comparator")),
                c.get("unit", r.get("unit")), c.get("weight", r.get("weight")), c.get("why", ""), i,
            )


def run(case: Case) -> Decimal:
    import scoring

    w = case.weight
    return scoring.evaluate(
        case.text, case.actual, target=None if case.target is None else str(case.target),
        weight=str(w), comparator=case.comparator, unit=case.unit,
    ).points


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    only = [a for a in argv if not a.startswith("-")]
    per: dict[str, list[int]] = {}
    failures: list[str] = []
    for c in cases():
        if only and not any(o in c.id or o in c.file for o in only):
            continue
        tally = per.setdefault(c.file, [0, 0])
        try:
            got: Any = run(c)
            ok = got == c.points
        except Exception as e:
            got, ok = f"{type(e).__name__}: {str(e).splitlines()[0]}", False
        tally[0 if ok else 1] += 1
        if not ok:
            failures.append(f"{c.id} {c.text[:50]!r} actual={c.actual!r} target={c.target} want={c.points} got={got}")
    for f in failures if verbose else failures[:40]:
        print("FAIL", f)
    for name, (p, f) in sorted(per.items()):
        print(f"{name:20} {p} passed, {f} failed")
    tp = sum(v[0] for v in per.values())
    tf = sum(v[1] for v in per.values())
    print(f"corpus: {tp} passed, {tf} failed")
    return 1 if tf else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
