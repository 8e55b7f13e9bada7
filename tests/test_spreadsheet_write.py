"""The scored workbook written on top of the clerk's (issue 12 item 3): opened again, it keeps the
original sheets, merges, widths and formats; the computed scores sit beside the printed ones;
subtotal, total and grade rows below; a 问题 sheet; A4 landscape, one page wide."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from test_spreadsheet_national import project_form

from scoring import load_ruleset
from scoring.cli import main
from scoring.tables.spreadsheet import write_report


def test_written_over_the_clerks_workbook(tmp_path: Path) -> None:
    src = project_form(tmp_path / "自评表.xlsx", cover=True)
    before = src.read_bytes()
    out = tmp_path / "评分结果.xlsx"
    assert main(["score", str(src), "-o", str(out)]) == 0
    assert src.read_bytes() == before  # the input is never touched
    orig, wb = load_workbook(src), load_workbook(out)
    assert wb.sheetnames == ["封面", "自评表", "问题"]
    a, b = orig["自评表"], wb["自评表"]
    assert {str(r) for r in a.merged_cells.ranges} <= {str(r) for r in b.merged_cells.ranges}
    assert b["F15"].number_format == "0%" and b["F15"].value == 0.98  # the percent cell as it was
    assert b["H6"].number_format == "0.00%"
    assert b["K12"].value == "计算得分"  # 得分 (H) is the clerk's: kept, the computed one beside it
    assert b["I12"].value == "偏差原因分析及改进措施" and "3座" in b["I14"].value  # empty: filled
    assert b["H14"].value == 7.5
    assert [b.cell(row=r, column=11).value for r in range(13, 20)] == [20, 7.5, 14.7, 5, 15, 10, 15]
    labels = {b.cell(row=r, column=4).value: b.cell(row=r, column=11).value for r in range(21, b.max_row + 1)}
    assert labels["预算执行率"] == 9.35 and labels["总分（满分100）"] == 96.55 and labels["评价等次"] == "优"
    assert b.page_setup.orientation == "landscape" and b.page_setup.fitToWidth == 1
    assert b.print_title_rows == "$12:$12"
    assert wb["问题"]["A1"].value == "编号"


def test_empty_score_column_is_filled(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["某县自评表"])
    ws.append(["三级指标", "年度指标值", "分值", "实际完成值", "得分", "扣分原因"])
    ws.append(["培训人次", "≥200人次", 60, "150人次", None, None])  # 60 × 150/200 = 45
    ws.append(["就业率", "≥80%", 40, 0.8, None, None])
    ws["D4"].number_format = "0.0%"
    ws.column_dimensions["A"].width = 33
    wb.save(tmp_path / "t.xlsx")
    report = load_ruleset(tmp_path / "t.xlsx").score(explain=True)
    write_report(report, tmp_path / "out.xlsx", source=tmp_path / "t.xlsx")
    b = load_workbook(tmp_path / "out.xlsx").active
    assert b["E3"].value == 45 and b["E4"].value == 40 and b["E3"].number_format == "0.00"
    assert "150" in b["F3"].value and b["F4"].value is None
    assert b["D4"].number_format == "0.0%" and b.column_dimensions["A"].width == 33
    assert report.total == Decimal("85.00")


def test_a_ruleset_written_fresh_has_percent_numbers(tmp_path: Path) -> None:
    report = load_ruleset("rulesets/examples/demo.toml").score("rulesets/examples/demo.outcomes.toml")
    write_report(report, tmp_path / "demo.xlsx")
    ws = load_workbook(tmp_path / "demo.xlsx")["评分表"]
    pct = [c for row in ws.iter_rows() for c in row if isinstance(c.value, (int, float)) and "%" in c.number_format]
    assert pct and not [c for row in ws.iter_rows() for c in row if isinstance(c.value, str) and c.value.strip() == "96%"]
    assert ws.page_setup.orientation == "landscape"


def test_a_control_character_in_a_cell_does_not_stop_the_workbook(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """openpyxl refuses \\x01…\\x1f (but tab and newlines): the writer takes them out, notes the
    cells in a control-character finding (sheet 问题 and stderr), and writes the rest."""
    src = tmp_path / "自评表.csv"
    src.write_text(
        "三级指标,指标值,分值,评（扣）分标准,实际完成值\n"
        "培训\x01人数,≥100人,10,,90人\x07\n"
        "满意度,≥90%,10,满意度90%及以上得满分，每5%扣2分，低于75%不得分,85%\n",
        encoding="utf-8",
    )
    report = load_ruleset(src).score()
    for out, source in ((tmp_path / "a.xlsx", None), (tmp_path / "b.xlsx", src)):
        found = write_report(report, out, source=source)
        assert [f.code for f in found] == ["control-character"] and "控制字符" in found[0].message
        wb = load_workbook(out)
        texts = [str(c.value) for ws in wb for row in ws.iter_rows() for c in row if c.value is not None]
        assert not any(ch in t for t in texts for ch in "\x01\x07")
        assert any("培训人数" in t for t in texts)
        assert any(r[3] == "control-character" for r in wb["问题"].iter_rows(values_only=True))
    # the command line: the table scored and written, the finding on stderr, no traceback
    assert main(["score", str(src), "-o", str(tmp_path / "c.xlsx")]) in (0, 1)
    assert (tmp_path / "c.xlsx").exists()
    err = capsys.readouterr().err
    assert "提示: " in err and "控制字符" in err and "Traceback" not in err
