"""Spreadsheets as evaluators keep them: the public names of reading and writing them, in one place.

Reading is workbooks.py (files into grids) and layout.py (header detection, a grid into a Ruleset);
writing is report_sheet.py (a report as rows of cells) and writers.py (those rows into files).
"""

from __future__ import annotations

from .layout import TableError, table_from_grid
from .report_sheet import finding_rows, sheet_rows
from .workbooks import SUFFIXES, read_table
from .writers import write_csv, write_json, write_over, write_report, write_xlsx

__all__ = [
    "SUFFIXES",
    "TableError",
    "finding_rows",
    "read_table",
    "sheet_rows",
    "table_from_grid",
    "write_csv",
    "write_json",
    "write_over",
    "write_report",
    "write_xlsx",
]
