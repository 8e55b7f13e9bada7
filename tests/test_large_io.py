"""Large workbooks (scoring/tables/large.py): past LARGE_ROWS the scored sheet is written in
openpyxl's write-only mode, past LARGE_BYTES an .xlsx is read by python-calamine. Both give what
the small paths give (the thresholds are lowered here to run them on the demo table)."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

import scoring
from scoring.tables import large
from scoring.tables.spreadsheet import read_table, write_report

EXAMPLES = Path(__file__).parent.parent / "rulesets" / "examples"


def _report() -> scoring.Report:
    return scoring.load_ruleset(EXAMPLES / "demo.toml").score(EXAMPLES / "demo.outcomes.toml")


def _cells(path: Path) -> dict[str, list[list[object]]]:
    wb = load_workbook(path)
    return {ws.title: [[(c.value, c.number_format) for c in row] for row in ws.iter_rows()] for ws in wb.worksheets}


def test_streaming_writer_writes_what_the_full_writer_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    report = _report()
    write_report(report, tmp_path / "small.xlsx")
    monkeypatch.setattr(large, "LARGE_ROWS", 0)
    write_report(report, tmp_path / "large.xlsx")
    small, big = _cells(tmp_path / "small.xlsx"), _cells(tmp_path / "large.xlsx")
    assert list(small) == list(big) == ["评分表", "问题"]
    for title in small:
        assert [[c for c in row if c[0] is not None] for row in big[title]] == [
            [c for c in row if c[0] is not None] for row in small[title]]
    ws = load_workbook(tmp_path / "large.xlsx")["评分表"]
    assert ws.print_title_rows == "$2:$2" and ws["A2"].font.b


def test_calamine_reads_what_openpyxl_reads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    report = _report()
    write_report(report, tmp_path / "scored.xlsx")
    small = read_table(tmp_path / "scored.xlsx")
    monkeypatch.setattr(large, "LARGE_BYTES", 0)
    big = read_table(tmp_path / "scored.xlsx")
    assert [r.rule for r in big.indicators] == [r.rule for r in small.indicators]
    assert [r.weight for r in big.indicators] == [r.weight for r in small.indicators]
    assert [(o.key, o.printed) for o in big.outcomes.items] == [(o.key, o.printed) for o in small.outcomes.items]
    assert "large-workbook" in [f.code for f in big.problems]
    # calamine gives values, not number formats: a percentage stored as a fraction (0.96 shown as
    # 96%) is not guessed: the row is left unscored with a finding, never scored otherwise
    for a, b in zip(small.score().rows, big.score().rows, strict=True):
        assert b.points == a.points or (b.points is None and "ambiguous-fraction" in [f.code for f in b.findings])
