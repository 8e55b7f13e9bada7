"""Scored tables written to files: ``write_xlsx`` (a new workbook), ``write_over`` (the clerk's own
workbook with the scores added), ``write_csv``, ``write_json``; ``write_report`` picks by suffix.

The rows written are report_sheet.py's; past ``large.LARGE_ROWS`` rows the .xlsx is streamed (large.py).

Writing: ``write_xlsx`` (the original columns plus 得分 and 扣分原因, a 小计 row per
一级指标, the execution row, 总分 and 评价等次, and a second sheet 问题 with the findings),
``write_csv`` (the main sheet) and ``write_json`` (``Report.to_dict``). ``write_report``
picks by suffix.
"""

from __future__ import annotations

import csv
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from . import large
from .layout import TableError, cell_text, find_header, plain_number
from .report import Report
from .report_sheet import PERCENT_TEXT, cell_out, clean, findings_sheet, reason_of, sheet_rows
from .rows import Finding
from .workbooks import EXCEL, Sheet, pick_sheet


def write_xlsx(report: Report, path: str | Path) -> list[Finding]:
    """The scored table as a workbook: sheet 评分表 and sheet 问题 (findings). Returns what writing
    found (control characters Excel refuses, taken out of the cells; also on sheet 问题)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    if len(report.rows) > large.LARGE_ROWS:  # read at call time: tests lower it
        return large.write_xlsx_streaming(report, path)  # linear time: openpyxl's write-only mode
    header, rows, kinds = sheet_rows(report)
    wb = Workbook()
    ws = wb.active
    ws.title = "评分表"
    dirty: list[str] = []
    title = clean(report.ruleset.title, dirty, "评分表!A1")
    ws.append([title] if title else [])
    ws.append(header)
    bold = Font(bold=True)
    for c in ws[2]:
        c.font = bold
    score_col = len(header) - 1  # 1-based index of the score column
    for n, (row, kind) in enumerate(zip(rows, kinds, strict=True), 3):  # n: the row's number (ws.max_row is a scan)
        for i, v in enumerate(row, 1):
            _put(ws.cell(row=n, column=i), v, dirty)
        if kind != "indicator":
            for i in range(1, len(row) + 1):
                ws.cell(row=n, column=i).font = bold
        cell = ws.cell(row=n, column=score_col)
        if isinstance(cell.value, Decimal):
            cell.number_format = "0.00"
    for i, h in enumerate(header, 1):
        letter = ws.cell(row=2, column=i).column_letter
        ws.column_dimensions[letter].width = 40 if h in ("扣分原因", "计算扣分原因", "评（扣）分标准") else 14
    for row_cells in ws.iter_rows(min_row=3):
        for c in row_cells:
            c.alignment = Alignment(wrap_text=True, vertical="top")
    _print_setup(ws, 2)
    extra = findings_sheet(wb, report, dirty, "问题", bold)
    wb.save(Path(path))
    return extra


def _print_setup(ws: Any, header_row: int) -> None:
    """A4 landscape, one page wide, the header row repeated on every page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_title_rows = f"{header_row}:{header_row}"


def _put(cell: Any, v: Any, dirty: list[str] | None = None) -> None:
    """A value into a cell: ``97%`` as the number 0.97 with a percent format, Decimals as numbers;
    text without the control characters Excel refuses (the cell is noted in ``dirty``)."""
    v = clean(v, dirty, f"{cell.parent.title}!{cell.coordinate}")
    if isinstance(v, str) and (m := PERCENT_TEXT.match(v)):
        d = Decimal(m[1]) / 100
        cell.value = d
        places = len(m[1].partition(".")[2])
        cell.number_format = "0%" if places == 0 else "0." + "0" * places + "%"
        return
    cell.value = cell_out(v)
    if isinstance(v, Decimal):
        cell.number_format = "0.00"


def write_over(
    report: Report, source: str | Path, path: str | Path, *, sheet: str | int | None = None
) -> list[Finding]:
    """The scored table written on top of the clerk's own workbook: every sheet, merge, style,
    width and format kept; 得分 and 扣分原因 filled where the columns are empty, or added as
    计算得分/计算扣分原因 beside the printed ones; 小计, 预算执行率, 总分 and 评价等次 rows below
    the table; a sheet 问题 with the findings; A4 landscape, one page wide, header repeated."""
    from copy import copy

    from openpyxl import load_workbook
    from openpyxl.styles import Alignment, Font

    src = Path(source)
    try:
        wb = load_workbook(src)
    except Exception as e:
        raise TableError(f"{src}: 无法读取原表（{type(e).__name__}: {e}）") from None
    sheets = [Sheet(w.title, w.sheet_state != "visible", None) for w in wb.worksheets]
    ws = None
    if sheet is not None:
        chosen = pick_sheet(sheets, sheet)
        ws = wb[chosen.name] if chosen is not None else None
    else:
        for w in wb.worksheets:
            if (
                w.sheet_state == "visible"
                and find_header([[cell_text(c.value) or None for c in r] for r in w.iter_rows(max_row=30)])[0]
                is not None
            ):
                ws = w
                break
    if ws is None:
        raise TableError(f"{src}: 找不到评分所读的工作表")
    grid = [[cell_text(c.value) or None for c in r] for r in ws.iter_rows(max_row=30)]
    header_at, fields = find_header(grid)
    assert header_at is not None
    hrow = header_at + 1
    lines = {r.row.line: r for r in report.rows if r.row.line is not None}

    def column_for(field: str, added: str) -> int:
        for i, f in enumerate(fields):
            if f == field and all(ws.cell(row=ln, column=i + 1).value in (None, "") for ln in lines):
                return i + 1
        col: int = int(ws.max_column) + 1
        left = ws.cell(row=hrow, column=col - 1)
        cell = ws.cell(row=hrow, column=col, value=added)
        cell.font, cell.border, cell.fill, cell.alignment = (
            copy(left.font),
            copy(left.border),
            copy(left.fill),
            copy(left.alignment),
        )
        ws.column_dimensions[cell.column_letter].width = 12 if field == "score" else 40
        return col

    score_col = column_for("score", "计算得分")
    reason_col = column_for("reason", "计算扣分原因")
    wrap = Alignment(wrap_text=True, vertical="top")
    dirty: list[str] = []
    for ln, r in lines.items():
        for col, v in ((score_col, r.points), (reason_col, reason_of(r))):
            cell = ws.cell(row=ln, column=col)
            left = ws.cell(row=ln, column=col - 1)
            if cell.has_style is False:
                cell.font, cell.border = copy(left.font), copy(left.border)
            _put(cell, v, dirty)
            cell.alignment = wrap
    name_col = next((i + 1 for i, f in enumerate(fields) if f == "name"), 1)
    row = ws.max_row + 2
    bold = Font(bold=True)
    summary: list[tuple[str, Any, Any]] = [
        (f"{(x.section + ' ') if x.section else ''}{x.level1 or '（未分类）'} 小计（分值{plain_number(x.weight)}）", x.points,
         f"{x.unscored}行未计分" if x.unscored else None) for x in report.level1]  # fmt: skip
    if report.execution is not None:
        summary.append(("预算执行率", report.execution.points, report.execution.explanation))
    unscored = len(report.unscored)
    summary.append((f"总分（满分{plain_number(report.weight)}）", report.total,
                    f"{unscored}行未计分，总分不完整" if unscored else None))  # fmt: skip
    summary.append(("评价等次", None if unscored else report.grade, "总分不完整，不评等次" if unscored else None))
    for label, points, note in summary:
        ws.cell(row=row, column=name_col, value=clean(label, dirty, f"{ws.title}!行{row}")).font = bold
        _put(ws.cell(row=row, column=score_col), points, dirty)
        ws.cell(row=row, column=score_col).font = bold
        if note:
            ws.cell(row=row, column=reason_col, value=clean(note, dirty, f"{ws.title}!行{row}")).alignment = wrap
        row += 1
    _print_setup(ws, hrow)
    title = "问题" if "问题" not in wb.sheetnames else "评分问题"
    extra = findings_sheet(wb, report, dirty, title, bold)
    wb.save(Path(path))
    return extra


def write_csv(report: Report, path: str | Path) -> None:
    """The main sheet as CSV (UTF-8 with a BOM, so Excel opens it as UTF-8)."""
    header, rows, _ = sheet_rows(report)
    with Path(path).open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        for r in rows:
            w.writerow(["" if v is None else str(v) for v in r])


def write_json(report: Report, path: str | Path) -> None:
    with Path(path).open("w", encoding="utf-8") as f:
        json.dump(report.to_dict(), f, ensure_ascii=False, indent=2)
        f.write("\n")


def write_report(
    report: Report, path: str | Path, *, source: str | Path | None = None, sheet: str | int | None = None
) -> list[Finding]:
    """Write by suffix: .xlsx, .csv or .json. Never over the table it was read from. With ``source``
    an .xlsx/.xlsm workbook, the .xlsx is that workbook with the scores added (``write_over``).
    Returns what writing found (an .xlsx: cells cleaned of control characters Excel refuses)."""
    p = Path(path)
    suffix = p.suffix.lower()
    for given in (source, report.ruleset.path):
        if given is not None and p.exists() and Path(given).exists() and p.resolve() == Path(given).resolve():
            raise TableError(f"{p}: 输出文件就是输入文件，不能覆盖原表；请用另一个文件名，如 {p.stem}-评分{p.suffix}")
    if suffix == ".xlsx":
        original = Path(source) if source is not None else None  # the clerk's workbook: written over a copy
        if original is not None and original.suffix.lower() in EXCEL and original.exists():
            return write_over(report, original, p, sheet=sheet)
        return write_xlsx(report, p)
    if suffix == ".csv":
        write_csv(report, p)
    elif suffix == ".json":
        write_json(report, p)
    else:
        raise TableError(f"{p}: 不支持的输出类型 {suffix!r}（支持 .xlsx .csv .json）")
    return []


__all__ = ["write_csv", "write_json", "write_over", "write_report", "write_xlsx"]
