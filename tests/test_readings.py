"""The readings corpus (issue 10): for each rule text, the reading written by hand from the text and
docs/semantics.md — the typed inputs, the key decisions (stated or default) — and hand-computed
cases, compared with ``scoring.bind`` and ``scoring.evaluate``. See tests/readings/README.md.

Where the program disagrees with a hand reading the expectation stays as written: the id is listed in
tests/readings/known_disagreements.toml and its test is a strict xfail, so a fix shows up as an
XPASS failure and the entry is removed.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import scoring

HERE = Path(__file__).parent / "readings"
KNOWN_FILE = HERE / "known_disagreements.toml"


def _load() -> list[dict[str, Any]]:
    rules: list[dict[str, Any]] = []
    for f in sorted(HERE.glob("*.toml")):
        if f == KNOWN_FILE:
            continue
        with f.open("rb") as fh:
            for r in tomllib.load(fh).get("rule", []):
                r["file"] = f.name
                rules.append(r)
    return rules


RULES = _load()
KNOWN: dict[str, str] = {}
if KNOWN_FILE.exists():
    with KNOWN_FILE.open("rb") as _fh:
        KNOWN = {d["id"]: d["reason"] for d in tomllib.load(_fh).get("disagreement", [])}


def case_id(rule: dict[str, Any], n: int) -> str:
    return f"{rule['id']}/{n}"


CASES = [(rule, n, case) for rule in RULES for n, case in enumerate(rule.get("case", []), 1)]


@functools.cache
def _parsed(text: str) -> Any:
    return scoring.parse(text)


def _indicator(rule: dict[str, Any], case: dict[str, Any] | None = None) -> dict[str, Any]:
    case = case or {}
    return {k: case.get(k, rule.get(k)) for k in ("target", "comparator", "unit")}


def _answer(actual: Any) -> Any:
    """A TOML table is a mapping of several answers: its digit keys are the numbers 1, 2, …"""
    if isinstance(actual, dict):
        return {int(k) if k.isdigit() else k: _answer(v) for k, v in actual.items()}
    return actual


# ------------------------------------------------------------------ the checks (None: agrees)


def check_reading(rule: dict[str, Any]) -> str | None:
    want = rule["reading"]
    if want.get("refused"):  # the hand reading: the text is not a rule the program can read whole
        try:
            _parsed(rule["text"])
        except scoring.RuleSyntaxError:
            return None
        return "parsed; want a RuleSyntaxError"
    try:
        reading = scoring.bind(_parsed(rule["text"]), **_indicator(rule))
    except Exception as e:  # a text the hand reading accepts must parse and bind
        return f"{type(e).__name__}: {e}"
    got_inputs = [(i.kind, str(i.key)) for i in reading.inputs]
    want_inputs = [(i["kind"], str(i["key"])) for i in want["inputs"]]
    if got_inputs != want_inputs:
        return f"inputs: got {got_inputs}, want {want_inputs}"
    for i, w in zip(reading.inputs, want["inputs"], strict=True):
        if "choices" in w and list(i.choices) != list(w["choices"]):
            return f"choices of [{i.key}]: got {list(i.choices)}, want {w['choices']}"
    decisions = [(d.clause, d.what, d.value, d.stated) for d in reading.decisions]
    for w in want.get("decisions", []):
        hit = [
            d
            for d in decisions
            if d[1] == w["what"] and d[2] == w["value"] and d[3] == w["stated"] and w.get("clause", "") in d[0]
        ]
        if not hit:
            return f"decision {w} missing; the reading has {decisions}"
    return None


def check_case(rule: dict[str, Any], case: dict[str, Any]) -> str | None:
    kw = _indicator(rule, case)
    kw["weight"] = case.get("weight", rule["weight"])
    try:
        got = scoring.evaluate(_parsed(rule["text"]), _answer(case["actual"]), **kw)
    except (scoring.EvaluationError, scoring.RuleSyntaxError) as e:
        return None if case.get("refuse") else f"refused ({e}); want {case['points']}"
    except Exception as e:
        return f"{type(e).__name__}: {e}"
    if case.get("refuse"):
        return f"scored {got.points}; want a refusal"
    if got.points != Decimal(case["points"]):
        return f"scored {got.points}; want {case['points']}"
    return None


_RESULTS: dict[str, str | None] = {}  # id → the problem found (None: agrees); the summary reuses them


def _result(check: Callable[..., str | None], ident: str, *args: Any) -> str | None:
    if ident not in _RESULTS:
        _RESULTS[ident] = check(*args)
    return _RESULTS[ident]


class KnownDisagreement(Exception):
    """Raised when a rule disagrees exactly where known_disagreements.toml says: the strict xfail."""


def _ids(rule: dict[str, Any]) -> list[str]:
    return [rule["id"], *(case_id(rule, n) for n in range(1, len(rule.get("case", [])) + 1))]


def _problems(rule: dict[str, Any]) -> dict[str, str]:
    """Every disagreement of one rule: its reading (id) and its cases (id/N)."""
    out = {rule["id"]: _result(check_reading, rule["id"], rule)}
    out |= {case_id(rule, n): _result(check_case, case_id(rule, n), rule, c) for n, c in enumerate(rule["case"], 1)}
    return {k: v for k, v in out.items() if v is not None}


def _param(rule: dict[str, Any]) -> Any:
    known = [k for k in _ids(rule) if k in KNOWN]
    reason = "; ".join(sorted({KNOWN[k] for k in known}))
    marks = [pytest.mark.xfail(strict=True, raises=KnownDisagreement, reason=reason)] if known else []
    return pytest.param(rule, id=rule["id"], marks=marks)


# ------------------------------------------------------------------ tests


@pytest.mark.parametrize("rule", [_param(r) for r in RULES])
def test_rule(rule: dict[str, Any]) -> None:
    """The reading and every case of one rule. Where known_disagreements.toml lists some of its ids, the
    test is a strict xfail that holds only while exactly those ids disagree: a fix (XPASS) or a new
    disagreement fails."""
    problems = _problems(rule)
    known = {k for k in _ids(rule) if k in KNOWN}
    new = {k: v for k, v in problems.items() if k not in known}
    fixed = known - set(problems)
    assert not new, "\n".join(f"{k}: {v}" for k, v in new.items())
    assert not fixed, f"agrees now, remove from known_disagreements.toml: {sorted(fixed)}"
    if problems:
        raise KnownDisagreement("\n".join(f"{k}: {v}" for k, v in problems.items()))


def test_corpus_is_well_formed() -> None:
    ids = [r["id"] for r in RULES]
    assert len(ids) == len(set(ids)), "duplicate rule ids"
    everything = set(ids) | {case_id(r, n) for r, n, _ in CASES}
    assert not set(KNOWN) - everything, f"known disagreements with no rule or case: {set(KNOWN) - everything}"
    for r in RULES:
        assert len(r.get("case", [])) >= 2, f"{r['id']}: fewer than two cases"
        assert any(c.get("refuse") for c in r["case"]), f"{r['id']}: no answer the rule must refuse"
        for c in r["case"]:
            assert c.get("why"), f"{r['id']}: a case without why"
            assert c.get("refuse") or "points" in c, f"{r['id']}: a case neither scores nor refuses"


def test_summary() -> None:
    """Counts: `pytest -q -s tests/test_readings.py -k summary`."""
    results = {r["id"]: _result(check_reading, r["id"], r) for r in RULES}
    results |= {case_id(r, n): _result(check_case, case_id(r, n), r, c) for r, n, c in CASES}
    disagree = {k for k, v in results.items() if v is not None}
    readings_disagree = len([r for r in RULES if r["id"] in disagree])
    cases_disagree = len(disagree) - readings_disagree
    print(
        f"\nreadings corpus: {len(RULES)} rules, {len(CASES)} cases;"
        f" readings agree {len(RULES) - readings_disagree}, disagree {readings_disagree};"
        f" cases agree {len(CASES) - cases_disagree}, disagree {cases_disagree}"
        f" (known {len(KNOWN)})"
    )
    for k in sorted(disagree - set(KNOWN)):
        print(f"  not listed: {k}: {results[k]}")
    for k in sorted(set(KNOWN) - disagree):
        print(f"  listed but agrees: {k}")
    assert disagree == set(KNOWN)
