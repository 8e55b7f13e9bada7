"""The checker on real text: every dev-corpus text that parses (tests/data/dev_rules.jsonl, text as
printed: traditional characters, spaces inside words, full-width marks) is checked without a crash,
through the API and ``scoring check``, and every finding's span points into the text as given
(the normalizer maps spans back), covering a piece that reads, once normalized, as part of the
normalized text."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import scoring
from scoring.cli import main
from scoring.text.normalize import normalize
from scoring.writer.check import check

DATA = Path(__file__).parent / "data" / "dev_rules.jsonl"


def _rows() -> list[dict[str, Any]]:
    out, seen = [], set()
    for line in DATA.read_text(encoding="utf-8").splitlines():
        r = json.loads(line) if line.strip() else None
        if not r or not isinstance(r.get("rule"), str) or r["rule"] in seen:
            continue
        try:
            scoring.parse(r["rule"])
        except scoring.ScoringError:
            continue
        seen.add(r["rule"])
        out.append(r)
    return out


ROWS = _rows()


def _row(r: dict[str, Any]) -> dict[str, Any]:
    return {k: r.get(k) for k in ("target", "weight", "comparator", "unit")}


def test_enough_dev_texts() -> None:
    assert len(ROWS) >= 100  # 104 of the 170 distinct dev texts parse when written
    assert sum(normalize(r["rule"]).text != r["rule"] for r in ROWS) >= 40  # most are text as printed


@pytest.mark.parametrize("r", ROWS, ids=[f"dev-{i:03d}" for i in range(len(ROWS))])
def test_check_dev_text(r: dict[str, Any]) -> None:
    text = r["rule"]
    norm = normalize(text).text
    for f in check(text, **_row(r)):
        assert f.code != "syntax", f
        if f.span is None:
            continue
        start, end = f.span
        assert f.text == text and 0 <= start <= end <= len(text), f
        piece = text[start:end]
        assert normalize(piece).text.strip() in norm, (f, piece)


def test_spans_on_text_as_printed() -> None:
    # traditional characters and a full stop: the caret covers the clause as printed
    text = "每少一種機構或少一項制度的扣0.5分。"
    (f,) = [f for f in check(text, weight=2) if f.code == "no-floor"]
    assert text[f.span[0] : f.span[1]].startswith("每少一種機構")  # type: ignore[index]


def test_scoring_check_command_on_dev_texts(capsys: pytest.CaptureFixture[str]) -> None:
    for r in ROWS:
        args = ["check", r["rule"]]
        for key in ("target", "weight", "comparator", "unit"):
            if r.get(key) not in (None, ""):
                args += [f"--{key}", str(r[key])]
        assert main(args) in (0, 1), r["rule"]
        out = capsys.readouterr().out
        assert "Traceback" not in out
