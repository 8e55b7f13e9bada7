"""Large workbooks in linear time (issue 13 item 7): workbooks.py and writers.py call these past a size.

* Reading: an ``.xlsx``/``.xlsm`` of more than ``LARGE_BYTES`` is read by python-calamine (Rust)
  rather than openpyxl's full reader, which builds a styled cell object per cell (a 200,000-row
  table took 98 s and 2 GB). Calamine gives values, not number formats: a percentage stored as
  a fraction (0.97 shown as 97%) is then read as 0.97, which the table's checks report as a
  problem (a plain 0.92 on a ≥90% row is never guessed) rather than read as 97%; the finding
  ``large-workbook`` says so, and saving such a column as text, or the table as .csv, avoids it.
* Writing: past ``LARGE_ROWS`` rows, sheet 评分表 is written by openpyxl's write-only mode, row
  after row (the full mode's ``ws.max_row`` is a scan per appended row: quadratic). The cells,
  number formats, bold rows, column widths and sheet 问题 are those of ``write_xlsx``; text wraps in
  the long columns (评（扣）分标准, 扣分原因) only.

``python benchmarks/workbook_io.py`` prints the seconds and peak memory of both at 200,000 rows.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from .report import Report
from .report_sheet import CONTROL, PERCENT_TEXT, cell_out, clean, findings_rows, sheet_rows
from .rows import Finding

LARGE_BYTES = 4 * 1024 * 1024  # an .xlsx past this (about 30,000 rows of a typical table): calamine
LARGE_ROWS = 20_000  # a report of more rows: written in write-only mode


def is_large(path: Path) -> bool:
    """Whether a workbook is read by calamine rather than openpyxl."""
    try:
        return path.stat().st_size > LARGE_BYTES
    except OSError:
        return False


def large_finding() -> Finding:
    """What reading a large .xlsx by python-calamine (workbooks.py) leaves out, said as a finding."""
    return Finding("large-workbook", f"大表（超过{LARGE_BYTES // (1024 * 1024)}MB）按单元格的值读取，不读数字格式："
                   "以百分比格式显示的小数（0.97 显示为 97%）按 0.97 读；这样的列请存为文本或把表另存为 .csv",
                   severity="warning")  # fmt: skip


def write_xlsx_streaming(report: Report, path: str | Path) -> list[Finding]:
    """``write_xlsx`` in openpyxl's write-only mode: each row written once, in order."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    header, rows, kinds = sheet_rows(report)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("评分表")
    dirty: list[str] = []
    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    for i, h in enumerate(header, 1):
        ws.column_dimensions[get_column_letter(i)].width = (
            40 if h in ("扣分原因", "计算扣分原因", "评（扣）分标准") else 14
        )
    ws.print_title_rows = "2:2"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = "9"  # A4 (Worksheet.PAPERSIZE_A4)
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0

    def cell(v: Any, where: Callable[[], str], font: Any = None, align: Any = None) -> Any:
        """A value as written: plain text and integers as they are (the fast path of write-only
        mode), a WriteOnlyCell where a number format or a style is wanted."""
        if isinstance(v, str) and CONTROL.search(v):
            v = clean(v, dirty, where())
        plain = font is None and align is None
        if isinstance(v, str) and (m := PERCENT_TEXT.match(v)):
            c = WriteOnlyCell(ws, Decimal(m[1]) / 100)
            places = len(m[1].partition(".")[2])
            c.number_format = "0%" if places == 0 else "0." + "0" * places + "%"
        elif isinstance(v, Decimal):
            c = WriteOnlyCell(ws, v)
            c.number_format = "0.00"
        elif plain:
            return cell_out(v)
        else:
            c = WriteOnlyCell(ws, cell_out(v))
        if font is not None:
            c.font = font
        if align is not None:
            c.alignment = align
        return c

    title = clean(report.ruleset.title, dirty, "评分表!A1")
    ws.append([title] if title else [])
    ws.append([cell(h, lambda: "评分表!2", bold) for h in header])
    letters = [get_column_letter(i) for i in range(1, len(header) + 1)]
    # wrapped text in the long columns only: a style on every cell costs more than the rest of the writing
    wrapped = [wrap if h in ("扣分原因", "计算扣分原因", "评（扣）分标准") else None for h in header]
    for n, (row, kind) in enumerate(zip(rows, kinds, strict=True), 3):
        font = None if kind == "indicator" else bold
        ws.append([cell(v, functools.partial("评分表!{}{}".format, letter, n), font, w)
                   for v, letter, w in zip(row, letters, wrapped, strict=True)])  # fmt: skip
    fh, cleaned, extra = findings_rows(report, dirty)
    fs = wb.create_sheet("问题")
    fs.column_dimensions["E"].width = 80
    fs.append([cell(h, lambda: "问题!1", bold) for h in fh])
    for fr in cleaned:
        fs.append(fr)
    wb.save(Path(path))
    return extra


__all__ = ["LARGE_BYTES", "LARGE_ROWS", "is_large", "large_finding", "write_xlsx_streaming"]
