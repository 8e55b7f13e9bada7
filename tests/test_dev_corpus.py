"""Hand-computed cases for the 170 distinct rule texts of tests/data/dev_rules.jsonl
(tests/dev_corpus/*.toml; format as tests/corpus/README.md, plus `refuse`, `manual`
and `refuse_parse`, see tests/dev_corpus/README.md).

Every expectation was computed by hand from the rule text and docs/semantics.md. The only
thing derived from the program is tests/dev_corpus/known_failures.toml: the case ids that
fail today, marked xfail(strict=True), so a case that starts passing must be removed from
the list (`python tests/dev_corpus/update_known_failures.py` rewrites it).

`pytest -q -s tests/test_dev_corpus.py` prints the summary figures.
"""

from __future__ import annotations

import functools
import json
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import scoring

HERE = Path(__file__).parent
DEV = HERE / "dev_corpus"
KNOWN_FILE = DEV / "known_failures.toml"
JSONL = HERE / "data" / "dev_rules.jsonl"


def _plain(v: Any) -> Any:
    if isinstance(v, dict):
        return {str(k): _plain(x) for k, x in v.items()}
    if isinstance(v, Decimal) or (isinstance(v, int) and not isinstance(v, bool)):
        return str(v)
    return v


def _opt(v: Any) -> str | None:
    return None if v is None else str(v)


@dataclass(frozen=True)
class DevCase:
    file: str
    rule_id: str
    index: int  # 0 for the parse-refusal check of a refuse_parse rule
    text: str
    kind: str  # "points" | "refuse" | "manual" | "refuse_parse"
    actual: Any = None
    points: Decimal | None = None
    low: Decimal | None = None
    high: Decimal | None = None
    target: str | None = None
    comparator: str | None = None
    unit: str | None = None
    weight: str | None = None
    why: str = field(default="", compare=False)

    @property
    def id(self) -> str:
        return f"{self.rule_id}#parse" if self.kind == "refuse_parse" else f"{self.rule_id}#{self.index}"


def load(path: Path) -> dict[str, Any]:
    with path.open("rb") as f:
        return tomllib.load(f, parse_float=Decimal)


def rule_files() -> list[Path]:
    return [p for p in sorted(DEV.glob("*.toml")) if p.name != KNOWN_FILE.name]


def dev_rules() -> list[tuple[str, dict[str, Any]]]:
    return [(p.name, r) for p in rule_files() for r in load(p).get("rule", [])]


def dev_cases() -> list[DevCase]:
    out: list[DevCase] = []
    for name, r in dev_rules():
        if r.get("refuse_parse"):
            out.append(DevCase(name, r["id"], 0, r["text"], "refuse_parse", why=r.get("why", "")))
        for i, c in enumerate(r.get("case", []), 1):
            if c.get("refuse"):
                kind = "refuse"
            elif c.get("manual"):
                kind = "manual"
            else:
                kind = "points"
            out.append(DevCase(
                name, r["id"], i, r["text"], kind, _plain(c["actual"]),
                Decimal(str(c["points"])) if "points" in c else None,
                Decimal(str(c["low"])) if "low" in c else None,
                Decimal(str(c["high"])) if "high" in c else None,
                _opt(c.get("target", r.get("target"))), c.get("comparator", r.get("comparator")),
                c.get("unit", r.get("unit")), _opt(c.get("weight", r.get("weight"))), c.get("why", ""),
            ))
    return out


def _bounds(obj: Any) -> tuple[Any, Any] | None:
    """The (low, high) a hand-score answer reports, where the program reports any."""
    for lo, hi in (("low", "high"), ("min_points", "max_points"), ("lower", "upper")):
        if hasattr(obj, lo) and hasattr(obj, hi):
            return getattr(obj, lo), getattr(obj, hi)
    b = getattr(obj, "bounds", None)
    if isinstance(b, tuple) and len(b) == 2:
        return b
    return None


def judge(case: DevCase) -> tuple[bool, str]:
    """(passed, category): the category names how a failing case fails."""
    try:
        node = scoring.parse(case.text)
    except scoring.ScoringError:
        return (True, "ok") if case.kind in ("refuse_parse", "refuse") else (False, "parse-refused")
    except Exception as e:  # a crash is a failure of its own kind
        return False, f"crash-{type(e).__name__}"
    if case.kind == "refuse_parse":
        return False, "parsed-should-refuse"
    try:
        got = scoring.evaluate(
            node, case.actual, target=case.target, weight=case.weight,
            comparator=case.comparator, unit=case.unit,
        )
    except scoring.ScoringError as e:
        if case.kind == "refuse":
            return True, "ok"
        if case.kind == "manual":
            b = _bounds(e)
            if b is not None and (Decimal(str(b[0])), Decimal(str(b[1]))) == (case.low, case.high):
                return True, "ok"
            return False, "manual-no-bounds" if b is None else "manual-wrong-bounds"
        return False, "eval-refused"
    except Exception as e:
        return False, f"crash-{type(e).__name__}"
    if case.kind == "refuse":
        return False, "accepted-should-refuse"
    if case.kind == "manual":
        b = _bounds(got)
        if b is not None and (Decimal(str(b[0])), Decimal(str(b[1]))) == (case.low, case.high):
            return True, "ok"
        return False, "manual-scored" if b is None else "manual-wrong-bounds"
    return (True, "ok") if got.points == case.points else (False, "wrong-score")


@functools.cache
def results() -> dict[str, tuple[bool, str]]:
    return {c.id: judge(c) for c in dev_cases()}


def known_failures() -> dict[str, str]:
    if not KNOWN_FILE.exists():
        return {}
    return {str(k): str(v) for k, v in load(KNOWN_FILE).get("failures", {}).items()}


ALL = dev_cases()
KNOWN = known_failures()


def _param(c: DevCase) -> Any:
    marks = [pytest.mark.xfail(reason=KNOWN[c.id], strict=True)] if c.id in KNOWN else []
    return pytest.param(c, id=c.id, marks=marks)


@pytest.mark.parametrize("case", [_param(c) for c in ALL])
def test_dev_case(case: DevCase) -> None:
    ok, category = results()[case.id]
    want = {"points": case.points, "refuse": "a ScoringError", "manual": f"hand score in [{case.low}, {case.high}]",
            "refuse_parse": "parse to raise"}[case.kind]
    assert ok, f"{category}: {case.text}\nactual={case.actual!r} want {want}\n{case.why}"


def test_ids_unique_and_texts_from_jsonl() -> None:
    rows = [json.loads(line) for line in JSONL.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = list(dict.fromkeys(r["rule"] for r in rows))
    ids = [r["id"] for _, r in dev_rules()]
    assert len(ids) == len(set(ids)), "duplicate rule ids"
    for _, r in dev_rules():
        n = int(r["id"].split("-")[1])
        assert texts[n - 1] == r["text"], f"{r['id']}: text is not byte-exact distinct text #{n} of the jsonl"
        assert r.get("refuse_parse") or len(r.get("case", [])) >= 2, f"{r['id']}: fewer than two cases"
    ids_all = {c.id for c in ALL}
    stale = sorted(set(KNOWN) - ids_all)
    assert not stale, f"known_failures.toml lists cases that do not exist: {stale}"


def test_summary() -> None:
    res = results()
    rules_ = dev_rules()
    parsed = 0
    for _, r in rules_:
        try:
            scoring.parse(r["text"])
            parsed += 1
        except Exception:
            pass
    passing = sum(ok for ok, _ in res.values())
    failing = len(res) - passing
    cats = Counter(cat for ok, cat in res.values() if not ok)
    print(f"\ndev corpus: {len(rules_)} texts ({parsed} parse), {len(res)} cases: {passing} pass, {failing} fail")
    for cat, n in cats.most_common():
        print(f"  {cat}: {n}")
    failed_ids = {i for i, (ok, _) in res.items() if not ok}
    assert failed_ids == set(KNOWN), (
        f"known_failures.toml is stale: newly failing {sorted(failed_ids - set(KNOWN))}, "
        f"now passing {sorted(set(KNOWN) - failed_ids)}"
    )
