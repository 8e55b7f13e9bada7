"""Spreadsheet files read into grids of cells: ``.xlsx .xlsm`` by openpyxl (number formats, merges,
formulas), ``.xls .xlsb .ods`` (and large ``.xlsx``) by python-calamine, ``.csv`` in UTF-8 or GBK.

``read_table`` picks the sheet and hands its grid to layout.py's ``table_from_grid``.
"""

from __future__ import annotations

import csv
import datetime as _dt
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..reading.cells import decimal_of
from .large import is_large, large_finding
from .layout import Grid, Merges, TableError, find_header, plain_number, table_from_grid
from .rows import Finding
from .ruleset import Ruleset

EXCEL = (".xlsx", ".xlsm")
_CALAMINE = (".xls", ".xlsb", ".ods")
SUFFIXES = (*EXCEL, *_CALAMINE, ".csv")


class Sheet:
    """One worksheet of a workbook: its name, whether it is hidden, and its cells when asked."""

    def __init__(self, name: str, hidden: bool, load: Any) -> None:
        self.name, self.hidden, self._load = name, hidden, load

    def cells(self) -> tuple[Grid, Merges, dict[tuple[int, int], str]]:
        grid, merges, formulas = self._load()
        return grid, merges, formulas


def read_table(path: str | Path, *, sheet: str | int | None = None) -> Ruleset:
    """An indicator table from a workbook (``.xlsx .xlsm`` by openpyxl; ``.xls .xlsb .ods`` by
    python-calamine) or ``.csv``; its 实际完成值/得分 become ``ruleset.outcomes``.

    ``sheet``: a sheet's name or its 1-based position; by default the first visible sheet with an
    indicator header (hidden sheets and a cover page before the table are passed over)."""
    p = Path(path)
    if not p.exists():
        raise TableError(f"{p}: 文件不存在")
    suffix = p.suffix.lower()
    if suffix == ".csv":
        if sheet is not None and str(sheet) not in ("1", p.stem):
            raise TableError(f"{p}: CSV 文件只有一张表，不能选择工作表 {sheet!r}")
        return table_from_grid(_read_csv(p), path=p)
    problems: list[Finding] = []
    if suffix in EXCEL:
        if is_large(p):  # openpyxl's full reader is slow and large past a few MB: calamine, in linear time
            sheets = calamine_sheets(p)
            problems.append(large_finding())
        else:
            sheets = _xlsx_sheets(p)
    elif suffix in _CALAMINE:
        sheets = calamine_sheets(p)
    else:
        raise TableError(
            f"{p}: 不支持的表格类型 {suffix!r}；应为 .xlsx .xlsm .xls .xlsb .ods 或 .csv"
            "（提示：WPS 表格 .et 请另存为 .xlsx）"
        )
    names = "、".join(f"{i}.{s.name}{'（隐藏）' if s.hidden else ''}" for i, s in enumerate(sheets, 1))
    if sheet is not None:
        chosen = pick_sheet(sheets, sheet)
        if chosen is None:
            raise TableError(f"{p}: 没有工作表 {sheet!r}；应为工作表名称或序号（1 起），本文件有: {names}")
        grid, merges, formulas = chosen.cells()
        return table_from_grid(grid, path=p, merges=merges, formulas=formulas, sheet=chosen.name, problems=problems)
    first_error: TableError | None = None
    for s in sheets:
        if s.hidden:
            problems.append(
                Finding("hidden-sheet", f"跳过隐藏的工作表“{s.name}”（要读它请用 --sheet）", severity="warning")
            )
            continue
        grid, merges, formulas = s.cells()
        header_at, _ = find_header(grid)
        if header_at is None:
            if first_error is None:
                try:
                    table_from_grid(grid, path=p)
                except TableError as e:
                    first_error = e
            continue
        if s is not next(x for x in sheets if not x.hidden):
            problems.append(Finding("sheet", f"读取工作表“{s.name}”（前面的工作表没有指标表头）", severity="warning"))
        return table_from_grid(grid, path=p, merges=merges, formulas=formulas, sheet=s.name, problems=problems)
    detail = f"{first_error}；" if first_error is not None else ""
    raise TableError(
        f"{p}: 没有一张可见的工作表有指标表头。{detail}本文件的工作表: {names}（提示：用 --sheet 名称或序号指定）"
    )


def pick_sheet(sheets: Sequence[Sheet], sheet: str | int) -> Sheet | None:
    for s in sheets:
        if s.name == str(sheet):
            return s
    text = str(sheet).strip()
    if text.isdigit() and 1 <= int(text) <= len(sheets):
        return sheets[int(text) - 1]
    return None


def _read_csv(p: Path) -> list[list[Any]]:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            with p.open(encoding=encoding, newline="") as f:
                return [list(r) for r in csv.reader(f)]
        except UnicodeDecodeError:
            continue
        except csv.Error as e:
            raise TableError(f"{p}: CSV 格式错误: {e}") from None
    raise TableError(f"{p}: 无法识别的文本编码（应为 UTF-8 或 GBK/GB18030）")


def _xlsx_sheets(p: Path) -> list[Sheet]:
    from openpyxl import load_workbook  # a maintained reader; no hand-written XML

    try:
        wb = load_workbook(p, data_only=True)
    except Exception as e:  # openpyxl raises zipfile/KeyError/InvalidFileException on bad files
        raise TableError(
            f"{p}: 无法读取 Excel 文件（{type(e).__name__}: {e}）；应为 Excel 2007 及以后的 .xlsx"
        ) from None

    def loader(ws: Any) -> Any:
        def load() -> tuple[Grid, Merges, dict[tuple[int, int], str]]:
            grid = [[_cell_value(c) for c in row] for row in ws.iter_rows()]
            merged = [(r.min_row - 1, r.min_col - 1, r.max_row - 1, r.max_col - 1) for r in ws.merged_cells.ranges]
            return grid, merged, _uncached_formulas(p, ws.title, grid)

        return load

    return [Sheet(ws.title, ws.sheet_state != "visible", loader(ws)) for ws in wb.worksheets]


def _uncached_formulas(p: Path, title: str, grid: Grid) -> dict[tuple[int, int], str]:
    """Formula cells saved without their value (a file written by a program, never opened in
    Excel): data_only gives None for them; the formulas are read in a second, read-only pass."""
    if not any(v is None for row in grid for v in row):
        return {}
    from openpyxl import load_workbook

    out: dict[tuple[int, int], str] = {}
    try:
        wb = load_workbook(p, read_only=True, data_only=False)
        for r, row in enumerate(wb[title].iter_rows(values_only=True)):
            for c, v in enumerate(row):
                if (
                    isinstance(v, str)
                    and v.startswith("=")
                    and r < len(grid)
                    and c < len(grid[r])
                    and grid[r][c] is None
                ):
                    out[(r, c)] = v
        wb.close()
    except Exception:  # the values were read; formulas are only for the message
        return out
    return out


def calamine_sheets(p: Path) -> list[Sheet]:
    from python_calamine import CalamineWorkbook

    try:
        wb = CalamineWorkbook.from_path(str(p))
    except Exception as e:  # CalamineError, ZipError, XmlError … on damaged or mislabelled files
        raise TableError(f"{p}: 无法读取表格文件（{type(e).__name__}: {e}）") from None

    def loader(index: int) -> Any:
        def load() -> tuple[Grid, Merges, dict[tuple[int, int], str]]:
            try:
                ws = wb.get_sheet_by_index(index)
                rows = ws.to_python(skip_empty_area=False)
                ranges = ws.merged_cell_ranges or []
            except Exception as e:
                raise TableError(f"{p}: 无法读取工作表（{type(e).__name__}: {e}）") from None
            grid = [[_calamine_value(v) for v in row] for row in rows]
            merged = [(a[0], a[1], b[0], b[1]) for a, b in ranges]
            return grid, merged, {}

        return load

    return [
        Sheet(m.name, str(m.visible).split(".")[-1] != "Visible", loader(i)) for i, m in enumerate(wb.sheets_metadata)
    ]


def _calamine_value(v: Any) -> Any:
    if v == "" or v is None:
        return None
    if isinstance(v, bool):
        return "是" if v else "否"
    if isinstance(v, float):
        if v == int(v) and abs(v) < 1e15:
            return int(v)
        return Decimal(repr(v))
    if isinstance(v, (_dt.datetime, _dt.date)):
        return f"{v.year}年{v.month}月{v.day}日"
    if isinstance(v, _dt.time | _dt.timedelta):
        return str(v)
    return v


def _cell_value(c: Any) -> Any:
    v = c.value
    if v is None:
        return None
    if isinstance(v, bool):
        return "是" if v else "否"
    if isinstance(v, (int, float)) and "%" in (c.number_format or ""):
        d = decimal_of(v) or Decimal(0)
        return f"{plain_number(d * 100)}%"
    if isinstance(v, float):
        return Decimal(repr(v))
    if isinstance(v, _dt.datetime):
        return f"{v.year}年{v.month}月{v.day}日"
    if isinstance(v, _dt.date):
        return f"{v.year}年{v.month}月{v.day}日"
    if isinstance(v, _dt.time | _dt.timedelta):
        return str(v)
    return v


__all__ = ["EXCEL", "SUFFIXES", "Sheet", "calamine_sheets", "pick_sheet", "read_table"]
