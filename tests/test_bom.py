"""A UTF-8 byte order mark (Windows Notepad, WPS) at the start of a TOML or JSON file is read as
it is in CSV: skipped (issue 13 item 2)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import scoring

EXAMPLES = Path(__file__).parent.parent / "rulesets" / "examples"


def _actuals(outcomes: Any) -> list[tuple[str, Any]]:
    return [(o.key, o.actual) for o in outcomes.items]


def _with_bom(src: Path, tmp_path: Path, name: str) -> Path:
    out = tmp_path / name
    out.write_bytes(b"\xef\xbb\xbf" + src.read_bytes())
    return out


def test_toml_ruleset_and_outcomes_with_bom(tmp_path: Path) -> None:
    table = _with_bom(EXAMPLES / "demo.toml", tmp_path, "demo.toml")
    outcomes = _with_bom(EXAMPLES / "demo.outcomes.toml", tmp_path, "demo.outcomes.toml")
    plain = scoring.load_ruleset(EXAMPLES / "demo.toml").score(EXAMPLES / "demo.outcomes.toml")
    bom = scoring.load_ruleset(table).score(outcomes)
    assert bom.total == plain.total and [r.points for r in bom.rows] == [r.points for r in plain.rows]
    assert _actuals(scoring.load_outcomes(outcomes)) == _actuals(scoring.load_outcomes(EXAMPLES / "demo.outcomes.toml"))


@pytest.mark.parametrize("suffix", [".json", ".toml"])
def test_outcome_mapping_with_bom(tmp_path: Path, suffix: str) -> None:
    text = json.dumps({"D01": "2.85万人"}, ensure_ascii=False) if suffix == ".json" else 'D01 = "2.85万人"\n'
    path = tmp_path / f"o{suffix}"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    plain = tmp_path / f"p{suffix}"
    plain.write_text(text, encoding="utf-8")
    assert _actuals(scoring.load_outcomes(path)) == _actuals(scoring.load_outcomes(plain)) == [("D01", "2.85万人")]


def test_bom_is_not_a_toml_error(tmp_path: Path) -> None:
    path = tmp_path / "t.toml"
    path.write_bytes(b"\xef\xbb\xbf" + (EXAMPLES / "demo.toml").read_bytes())
    try:
        scoring.load_ruleset(path)
    except scoring.ScoringError as e:  # pragma: no cover - the failure this test guards against
        pytest.fail(f"BOM refused: {e}")
