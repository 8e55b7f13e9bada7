"""Spreadsheets as evaluators keep them: read ``.xlsx``/``.csv`` tables, write scored tables.

(Over 800 lines, issue 15: reading and writing share the layout knowledge (header names, merges,
the 10号 fund block); the writers are the seam to cut next.)

Reading (``read_table``): the header row is found among the first rows by its usual Chinese
names (一级指标, 二级指标, 三级指标, 年度指标值/指标值, 指标值类型/指标性质, 度量单位/计量单位,
分值, 评（扣）分标准, 实际完成值, 得分, 偏差原因分析 …). Merged cells and blank 一级/二级
cells take the value from above (a merged 分值 or 得分 cell stays on its first row: one
weight shared by several rows is not each row's weight, and a finding says so). Unknown
columns are reported and kept (they are written back out); a table without a 三级指标 column
is refused with the list of headers found. 实际完成值 and 得分 columns become the table's
outcomes. Rows named 合计/总分 give the printed total; a 预算执行率 row (or columns
全年预算数/全年执行数) gives the execution row. Spreadsheet floats are read through their
shortest repr; a cell formatted as a percentage (0.9135 shown as 91.35%) is read as 91.35%.

Writing: ``write_xlsx`` (the original columns plus 得分 and 扣分原因, a 小计 row per
一级指标, the execution row, 总分 and 评价等次, and a second sheet 问题 with the findings),
``write_csv`` (the main sheet) and ``write_json`` (``Report.to_dict``). ``write_report``
picks by suffix.
"""

from __future__ import annotations

import csv
import datetime as _dt
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..errors import ScoringError
from ..reading import profiles as _profiles
from ..reading.cells import OutcomeError, decimal_of
from ..scores.defaults import RATE_ONLY_BUDGET
from .outcomes import ExecutionOutcome, Outcome, Outcomes
from .report import Report, RowResult
from .rows import Execution, Finding, Group, IndicatorRow, Meta
from .ruleset import Ruleset, assemble

ZERO = Decimal(0)


class TableError(ScoringError):
    """A spreadsheet that cannot be read as an indicator table."""


def _norm(h: str) -> str:
    return re.sub(r"\s+", "", h).replace("（", "(").replace("）", ")").replace("：", ":")


_ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("编号", "指标编号", "序号", "id", "ID"),
    "section": ("项目名称", "项目", "单位名称", "部门名称", "section"),
    "level1": ("一级指标", "level1"),
    "level2": ("二级指标", "level2"),
    "name": ("三级指标", "三级指标名称", "指标名称", "绩效指标", "具体指标", "name"),
    "target": ("年度指标值", "指标值", "目标值", "年度目标值", "预期指标值", "绩效指标值", "target"),
    "comparator": ("指标值类型", "指标性质", "比较符", "指标方向", "comparator"),
    "unit": ("度量单位", "计量单位", "unit"),
    "weight": ("分值", "指标分值", "权重", "分值(分)", "权重(分)", "weight"),
    "rule": ("评(扣)分标准", "评分标准", "扣分标准", "评价标准", "评分规则", "评(扣)分规则", "rule"),
    "actual": ("实际完成值", "实际值", "完成值", "全年实际值", "实际完成情况", "actual"),
    "score": ("得分", "自评得分", "实际得分", "score"),
    "reason": ("扣分原因", "偏差原因分析及改进措施", "偏差原因分析", "偏差原因", "未完成原因分析", "reason"),
    "content": ("指标值内容", "指标解释", "指标内容", "content"),
    "note": ("备注", "note"),
    "grade": ("评定等级", "grade"),
    "manual": ("人工得分", "manual"),
    "budget": ("全年预算数", "调整后预算数"),
    "spent": ("全年执行数", "实际支出数"),
    "initial_budget": ("年初预算数",),
    "rate": ("执行率", "预算执行率(%)", "执行率(%)"),
    "side": ("绩效指标(side)",),  # a side label merged down the block (财预〔2020〕10号): set by _find_header
    "computed": ("计算得分", "计算扣分原因"),  # written by write_xlsx/write_csv: ignored when read back
}
_HEADER: dict[str, str] = {_norm(a): field for field, names in _ALIASES.items() for a in names}
_CARRY = ("section", "level1", "level2")  # blank cells take the value from above
_NUMERIC = ("weight", "score", "actual", "manual", "budget", "spent", "initial_budget")
# the 三级指标 column, strongest name first: a weaker one beside a stronger is a side label
# (绩效指标 merged down the block left of 一级指标 in the 财预〔2020〕10号 forms)
_NAME_RANK = tuple(_norm(a) for a in _ALIASES["name"])
_FUND_ROW = ("年度资金总额", "资金总额", "合计", "总计")
_TOTAL_NAMES = ("合计", "总分", "总计", "综合得分", "绩效自评综合得分")
_EXECUTION_NAMES = ("预算执行率", "执行率", "预算执行情况", "资金执行率")
_HEADER_WEIGHT = re.compile(r"^(?P<name>.*?)[\s(（]*(?P<w>\d+(?:\.\d+)?)\s*分[)）]?\s*$")


# ------------------------------------------------------------------ reading


Grid = list[list[Any]]
Merges = list[tuple[int, int, int, int]]
_EXCEL = (".xlsx", ".xlsm")
_CALAMINE = (".xls", ".xlsb", ".ods")
SUFFIXES = (*_EXCEL, *_CALAMINE, ".csv")


class _Sheet:
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
    if suffix in _EXCEL:
        from .large import is_large, large_sheets

        if is_large(p):  # openpyxl's full reader is slow and large past a few MB: calamine, in linear time
            sheets, note = large_sheets(p)
            problems.append(note)
        else:
            sheets = _xlsx_sheets(p)
    elif suffix in _CALAMINE:
        sheets = _calamine_sheets(p)
    else:
        raise TableError(
            f"{p}: 不支持的表格类型 {suffix!r}；应为 .xlsx .xlsm .xls .xlsb .ods 或 .csv"
            "（提示：WPS 表格 .et 请另存为 .xlsx）"
        )
    names = "、".join(f"{i}.{s.name}{'（隐藏）' if s.hidden else ''}" for i, s in enumerate(sheets, 1))
    if sheet is not None:
        chosen = _pick_sheet(sheets, sheet)
        if chosen is None:
            raise TableError(f"{p}: 没有工作表 {sheet!r}；应为工作表名称或序号（1 起），本文件有: {names}")
        grid, merges, formulas = chosen.cells()
        return table_from_grid(grid, path=p, merges=merges, formulas=formulas, sheet=chosen.name, problems=problems)
    first_error: TableError | None = None
    for s in sheets:
        if s.hidden:
            problems.append(Finding("hidden-sheet", f"跳过隐藏的工作表“{s.name}”（要读它请用 --sheet）", severity="warning"))
            continue
        grid, merges, formulas = s.cells()
        header_at, _ = _find_header(grid)
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
    raise TableError(f"{p}: 没有一张可见的工作表有指标表头。{detail}本文件的工作表: {names}（提示：用 --sheet 名称或序号指定）")


def _pick_sheet(sheets: Sequence[_Sheet], sheet: str | int) -> _Sheet | None:
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


def _xlsx_sheets(p: Path) -> list[_Sheet]:
    from openpyxl import load_workbook  # a maintained reader; no hand-written XML

    try:
        wb = load_workbook(p, data_only=True)
    except Exception as e:  # openpyxl raises zipfile/KeyError/InvalidFileException on bad files
        raise TableError(f"{p}: 无法读取 Excel 文件（{type(e).__name__}: {e}）；应为 Excel 2007 及以后的 .xlsx") from None

    def loader(ws: Any) -> Any:
        def load() -> tuple[Grid, Merges, dict[tuple[int, int], str]]:
            grid = [[_cell_value(c) for c in row] for row in ws.iter_rows()]
            merged = [(r.min_row - 1, r.min_col - 1, r.max_row - 1, r.max_col - 1) for r in ws.merged_cells.ranges]
            return grid, merged, _uncached_formulas(p, ws.title, grid)

        return load

    return [_Sheet(ws.title, ws.sheet_state != "visible", loader(ws)) for ws in wb.worksheets]


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
                if isinstance(v, str) and v.startswith("=") and r < len(grid) and c < len(grid[r]) and grid[r][c] is None:
                    out[(r, c)] = v
        wb.close()
    except Exception:  # the values were read; formulas are only for the message
        return out
    return out


def _calamine_sheets(p: Path) -> list[_Sheet]:
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
        _Sheet(m.name, str(m.visible).split(".")[-1] != "Visible", loader(i)) for i, m in enumerate(wb.sheets_metadata)
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
        d = decimal_of(v) or ZERO
        return f"{_plain(d * 100)}%"
    if isinstance(v, float):
        return Decimal(repr(v))
    if isinstance(v, _dt.datetime):
        return f"{v.year}年{v.month}月{v.day}日"
    if isinstance(v, _dt.date):
        return f"{v.year}年{v.month}月{v.day}日"
    if isinstance(v, _dt.time | _dt.timedelta):
        return str(v)
    return v


def _plain(d: Decimal) -> str:
    if d == d.to_integral_value():
        return str(d.quantize(Decimal(1)))
    return format(d.normalize(), "f")


def _text(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, Decimal):
        return _plain(v)
    return str(v).strip()


def table_from_grid(
    grid: list[list[Any]],
    *,
    path: Path | None = None,
    title: str = "",
    merges: Sequence[tuple[int, int, int, int]] = (),
    formulas: Mapping[tuple[int, int], str] | None = None,
    sheet: str | None = None,
    problems: list[Finding] | None = None,
) -> Ruleset:
    """A Ruleset from rows of cells (a sheet of a workbook, or a CSV file). ``merges``: merged
    ranges as 0-based (first row, first column, last row, last column) of ``grid``; ``formulas``:
    cells holding a formula saved without its value, by 0-based (row, column)."""
    where = str(path) + (f"［{sheet}］" if sheet else "") if path else "table"
    header_at, fields = _find_header(grid)
    if header_at is None:
        found = [c for r in grid[:20] for c in (_text(x) for x in r) if c]
        raise TableError(
            f"{where}: 找不到表头行：需要“三级指标”（或“指标名称”）列，以及“分值”“指标值”等列。"
            f"前20行中的单元格: {', '.join(found[:30]) or '（空）'}"
        )
    header = [_text(h) for h in grid[header_at]]
    problems = list(problems or [])
    for (r, c), formula in sorted((formulas or {}).items()):
        if r > header_at:
            problems.append(Finding(
                "formula-no-value",
                f"第{r + 1}行{_column_letter(c)}列是公式 {formula}，文件里没有保存计算结果，按空单元格读取"
                "（提示：在 Excel 或 WPS 中打开后保存一次，再评分）", severity="warning"))  # fmt: skip
    unknown = [h for h, f in zip(header, fields, strict=True) if h and f is None]
    if unknown:
        problems.append(
            Finding("unknown-column", f"未识别的列（保留原样，不参与计分）: {', '.join(unknown)}", severity="warning")
        )
    present = {f for f in fields if f}
    for need, why in (("weight", "各行无法计分"), ("target", "无比较符的行无法按默认方法计分")):
        if need not in present:
            names = "/".join(_ALIASES[need][:3])
            problems.append(Finding("missing-column", f"缺少“{names}”列：{why}", severity="warning"))
    if not title:
        title = next((t for r in grid[:header_at] for t in (_text(x) for x in r) if t), "")
    body = grid[header_at + 1 :]
    width = len(header)
    rows = [list(r[:width]) + [None] * (width - len(r)) for r in body]
    shared = _apply_merges(rows, merges, header_at + 1, fields, problems)
    fund = _fund_block(grid, header_at, problems)
    return _build(rows, header, fields, title, path, problems, header_at + 2, shared, fund)


def _column_letter(c: int) -> str:
    out = ""
    c += 1
    while c:
        c, r = divmod(c - 1, 26)
        out = chr(65 + r) + out
    return out


def _find_header(grid: list[list[Any]]) -> tuple[int | None, list[str | None]]:
    best: tuple[int, int | None, list[str | None]] = (0, None, [])
    for i, row in enumerate(grid[:30]):
        fields = [_HEADER.get(_norm(_text(c))) if c is not None else None for c in row]
        known = {f for f in fields if f}
        if "name" not in known and not ({"level1", "target"} <= known):
            continue
        names = [j for j, f in enumerate(fields) if f == "name"]
        if len(names) > 1:
            keep = min(names, key=lambda j: _NAME_RANK.index(_norm(_text(row[j]))))
            for j in names:
                if j != keep:
                    fields[j] = "side"
        if len(known) > best[0]:
            best = (len(known), i, fields)
    return best[1], best[2]


def _fund_block(
    grid: list[list[Any]], header_at: int, problems: list[Finding], first_line: int = 1
) -> tuple[Execution, ExecutionOutcome] | None:
    """The fund block above the indicator header (财预〔2020〕10号: 年初预算数 全年预算数 全年执行数
    分值 执行率 得分 on one row, the amounts on the 年度资金总额 row below): the 预算执行率 row."""
    for i in range(header_at):
        fields = [_HEADER.get(_norm(_text(c))) if c is not None else None for c in grid[i]]
        if "budget" not in fields or "spent" not in fields:
            continue
        col = {f: j for j, f in reversed(list(enumerate(fields))) if f}
        candidates = []
        for k in range(i + 1, header_at):
            cells = grid[k]
            label = "".join(_text(c) for j, c in enumerate(cells) if j < col["budget"] and not fields[j])
            if not _text(cells[col["budget"]] if col["budget"] < len(cells) else None):
                continue
            candidates.append((not any(n in label for n in _FUND_ROW), k))
        if not candidates:
            continue
        k = min(candidates)[1]
        cells = grid[k]
        values = {f: (cells[j] if j < len(cells) else None) for f, j in col.items()}
        values.pop("actual", None)
        values["actual"] = values.pop("rate", None)
        return _execution_row(values, problems, first_line + k)
    return None


def _apply_merges(
    rows: list[list[Any]],
    merges: Sequence[tuple[int, int, int, int]],
    offset: int,
    fields: list[str | None],
    problems: list[Finding],
) -> set[tuple[int, int]]:
    """Fill merged ranges; numeric columns keep the value on the first row only. Returns cells left blank."""
    shared: set[tuple[int, int]] = set()
    for r0, c0, r1, c1 in merges:
        r0, r1 = r0 - offset, r1 - offset
        if r1 < 0 or r0 < 0 or r0 >= len(rows):
            continue
        value = rows[r0][c0] if c0 < len(rows[r0]) else None
        for r in range(r0, min(r1, len(rows) - 1) + 1):
            for c in range(c0, min(c1, len(rows[r]) - 1) + 1):
                field = fields[c] if c < len(fields) else None
                if field in _NUMERIC and r > r0:
                    shared.add((r, c))
                    continue
                rows[r][c] = value
        if r1 > r0 and any((fields[c] if c < len(fields) else None) in _NUMERIC for c in range(c0, c1 + 1)):
            problems.append(Finding(
                "merged-number",
                f"第{r0 + offset + 1}–{r1 + offset + 1}行合并了数值单元格“{_text(value)}”：只记在第一行，其余行留空",
                severity="warning",
            ))  # fmt: skip
    return shared


def _build(
    rows: list[list[Any]],
    header: list[str],
    fields: list[str | None],
    title: str,
    path: Path | None,
    problems: list[Finding],
    first_line: int,
    shared: set[tuple[int, int]],
    fund: tuple[Execution, ExecutionOutcome] | None = None,
) -> Ruleset:
    col = {f: i for i, f in reversed(list(enumerate(fields))) if f and f != "side"}
    carried: dict[str, Any] = {}
    indicators: list[IndicatorRow] = []
    outcomes: list[Outcome] = []
    groups: dict[tuple[str | None, str], Decimal] = {}
    execution: Execution | None = None
    exe_outcome: ExecutionOutcome | None = None
    total: Decimal | None = None

    def get(cells: list[Any], field: str) -> Any:
        i = col.get(field)
        return cells[i] if i is not None and i < len(cells) else None

    for n, cells in enumerate(rows):
        line = first_line + n
        if not any(_text(c) for c in cells):
            continue
        values = {f: get(cells, f) for f in col}
        before = {f: _text(carried.get(f)) for f in ("level1", "level2")}
        for f in _CARRY:
            if f in col:
                if _text(values[f]):
                    if f == "level1" and _text(values[f]) != _text(carried.get(f)):
                        carried.pop("level2", None)  # a new 一级指标 starts its own 二级指标
                    carried[f] = values[f]
                else:
                    values[f] = carried.get(f)
        level1, header_w = _split_header_weight(_text(values.get("level1")))
        level2, header_w2 = _split_header_weight(_text(values.get("level2")))
        name = _text(values.get("name"))
        section = _text(values.get("section")) or None
        labels = (name, level1, level2, _text(cells[0]) if cells else "")
        label_set = {x for x in labels if x}
        # a row of its own: a target, rule, comparator or unit that is not the merged label itself
        own = [v for v in (_text(values.get(f)) for f in ("target", "rule", "comparator", "unit", "actual"))
               if v and v not in label_set]  # fmt: skip
        if not own and any(x.startswith(_TOTAL_NAMES) for x in label_set):
            total = _num(values.get("score"), problems, line, "总分")
            continue
        if not own and any(("小计" in x or x == "评价等次") for x in label_set):
            continue
        if header_w is not None:
            groups[(section, level1)] = header_w
        if header_w2 is not None and level1:
            groups[(section, level1 + "\x00" + level2)] = header_w2
        budget, spent = values.get("budget"), values.get("spent")
        is_exec = any(x in _EXECUTION_NAMES for x in (name, level1, level2)) or (_text(budget) and _text(spent))
        if is_exec:
            execution, exe_outcome = _execution_row(values, problems, line)
            continue
        weight_cell, rule_cell = _text(values.get("weight")), _text(values.get("rule"))
        if not name and not rule_cell and not own and weight_cell:
            own_label = [c for f in ("level2", "level1") if (c := _text(get(cells, f))) and c != before[f]]
            if own_label:  # 产出指标 | | | 50: the block's weight on a row of its own
                w = _num(values.get("weight"), problems, line, "分值")
                if w is not None and level1:
                    key = level1 + ("\x00" + level2 if _text(get(cells, "level2")) else "")
                    groups[(section, key)] = w
                continue
        if not name and (weight_cell or rule_cell):
            name = f"（第{line}行未写指标名称）"
            problems.append(Finding(
                "no-name", f"第{line}行有{'分值' if weight_cell else ''}{'、' if weight_cell and rule_cell else ''}"
                f"{'评分标准' if rule_cell else ''}，但没有三级指标名称：仍按该行计分，请补填指标名称",
                _text(values.get("id")) or f"R{line}", name, "warning"))  # fmt: skip
        if not name:
            continue  # a header-only row (产出指标 (50分)) or a blank row
        rid = _text(values.get("id")) or f"R{line}"
        weight = _num(values.get("weight"), problems, line, "分值", rid, name)
        indicators.append(IndicatorRow(
            id=rid, name=name, level1=level1, level2=level2, section=section,
            target=_text(values.get("target")) or None, comparator=_text(values.get("comparator")) or None,
            unit=_text(values.get("unit")) or None, weight=weight, rule=_text(values.get("rule")) or None,
            content=_text(values.get("content")) or None, note=_text(values.get("note")) or None,
            cells=tuple(cells), line=line,
        ))  # fmt: skip
        actual = values.get("actual")
        printed = _num(values.get("score"), problems, line, "得分", rid, name)
        grade = _text(values.get("grade")) or None
        manual = _num(values.get("manual"), problems, line, "人工得分", rid, name)
        if _text(actual) or printed is not None or grade or manual is not None:
            a = _text(actual) if not isinstance(actual, Decimal) else actual
            outcomes.append(Outcome(rid, a or None, printed, _text(values.get("reason")) or None, grade, manual,
                                    f"{path or 'table'}:{line}"))  # fmt: skip
    if execution is None and fund is not None:
        execution, exe_outcome = fund
    group_list = []
    for (section, key), w in groups.items():
        l1, _, l2 = key.partition("\x00")
        group_list.append(Group(l1, w, l2 or None, section))
    meta = Meta(title=title, source=str(path) if path else "")
    table_outcomes = Outcomes(tuple(outcomes), exe_outcome, total, str(path) if path else "table")
    if not indicators:
        problems.append(Finding("empty-table", "表中没有指标行（三级指标列为空）"))
    return assemble(meta, indicators, execution, group_list, [], _profiles.DEFAULT, path, problems,
                   columns=tuple(header), outcomes=table_outcomes)  # fmt: skip


def _split_header_weight(text: str) -> tuple[str, Decimal | None]:
    """``产出指标 (50分)`` → ("产出指标", 50); ``数量指标`` → ("数量指标", None)."""
    m = _HEADER_WEIGHT.match(text)
    if m and m["name"].strip() and not m["name"].strip()[-1].isdigit():
        return m["name"].strip(), Decimal(m["w"])
    return text, None


def _num(
    v: Any, problems: list[Finding], line: int, what: str, rid: str | None = None, name: str = ""
) -> Decimal | None:
    try:
        return decimal_of(v, what)
    except OutcomeError as e:
        problems.append(Finding("bad-number", f"第{line}行: {e}", rid, name))
        return None


def _execution_row(values: dict[str, Any], problems: list[Finding], line: int) -> tuple[Execution, ExecutionOutcome]:
    weight = _num(values.get("weight"), problems, line, "分值", "execution", "预算执行率")
    budget = _num(values.get("budget"), problems, line, "全年预算数", "execution", "预算执行率")
    spent = _num(values.get("spent"), problems, line, "全年执行数", "execution", "预算执行率")
    initial = _num(values.get("initial_budget"), problems, line, "年初预算数", "execution", "预算执行率")
    rate = _text(values.get("actual")) or None
    if budget is None and spent is None and rate and not rate.endswith("%"):
        # our own output: 全年预算数 in the 指标值 column, 全年执行数 in the 实际完成值 column
        try:
            budget, spent = decimal_of(values.get("target")), decimal_of(values.get("actual"))
        except OutcomeError:
            budget = spent = None
    if (budget is None or spent is None) and rate:
        # only a rate is given (执行率 86.60%): read it as spent/budget = rate/100
        m = re.match(r"^\s*(\d+(?:\.\d+)?)\s*%?\s*$", rate)
        if m:
            budget, spent = RATE_ONLY_BUDGET, Decimal(m[1])
            problems.append(Finding("execution-rate-only", f"第{line}行预算执行率只给了执行率{rate}，按执行率计分",
                                    "execution", "预算执行率", "warning"))  # fmt: skip
    printed = _num(values.get("score"), problems, line, "得分", "execution", "预算执行率")
    ex = Execution(budget, spent, initial, weight if weight is not None else Decimal(10))
    return ex, ExecutionOutcome(rate=rate, printed=printed)


# ------------------------------------------------------------------ writing

_STANDARD = (
    ("id", "编号"), ("section", "项目"), ("level1", "一级指标"), ("level2", "二级指标"), ("name", "三级指标"),
    ("target", "指标值"), ("comparator", "指标值类型"), ("unit", "度量单位"), ("weight", "分值"),
    ("rule", "评（扣）分标准"), ("actual", "实际完成值"), ("printed", "自评得分"),
)  # fmt: skip


def sheet_rows(report: Report) -> tuple[list[str], list[list[Any]], list[str]]:
    """The main sheet as (header, rows, kinds): the table's columns plus 得分 and 扣分原因, a 小计 row
    after each 一级指标, then 预算执行率, 总分 and 评价等次. ``kinds`` says what each row is:
    indicator | subtotal | execution | total | grade."""
    rs = report.ruleset
    original = bool(rs.columns) and all(r.cells for r in rs.indicators)
    if original:
        header = list(rs.columns)
    else:
        used = [(k, h) for k, h in _STANDARD if _standard_used(report, k)]
        header = [h for _, h in used]
    norm = {_norm(h) for h in header}
    score_h = "计算得分" if _norm("得分") in norm or _norm("自评得分") in norm else "得分"
    reason_h = "计算扣分原因" if _norm("扣分原因") in norm else "扣分原因"
    header = [*header, score_h, reason_h]
    width = len(header) - 2
    name_col = _name_column(header, original)
    out: list[list[Any]] = []
    kinds: list[str] = []

    def blank() -> list[Any]:
        return [None] * len(header)

    level1s = {(s.section, s.level1): s for s in reversed(report.level1)}  # the first of each, once (not a scan per block)
    for (section, level1), rows in _blocks(report.rows):
        for r in rows:
            cells = list(r.row.cells[:width]) + [None] * (width - len(r.row.cells)) if original else _standard(r, used)
            out.append([*cells, r.points, _reason(r)])
            kinds.append("indicator")
        sub = level1s.get((section, level1))
        if sub is not None:
            row = blank()
            row[name_col] = (
                f"{(section + ' ') if section else ''}{level1 or '（未分类）'} 小计（分值{_plain(sub.weight)}）"
            )
            row[width] = sub.points
            row[width + 1] = f"{sub.unscored}行未计分" if sub.unscored else None
            out.append(row)
            kinds.append("subtotal")
    if report.execution is not None or rs.execution is not None:
        row = blank()
        row[name_col] = "预算执行率"
        _put_execution(row, header, report)
        if report.execution is not None:
            row[width] = report.execution.points
            row[width + 1] = report.execution.explanation
        else:
            row[width + 1] = "未计分：" + "；".join(f.message for f in report.findings if f.indicator == "execution")
        out.append(row)
        kinds.append("execution")
    row = blank()
    row[name_col] = f"总分（满分{_plain(report.weight)}）"
    for i, h in enumerate(header[:-2]):
        if _HEADER.get(_norm(h)) == "score":
            row[i] = report.outcomes.total
    row[width] = report.total
    unscored = len(report.unscored)
    row[width + 1] = f"{unscored}行未计分，总分不完整" if unscored else None
    out.append(row)
    kinds.append("total")
    row = blank()
    row[name_col] = "评价等次"
    row[width] = report.grade
    row[width + 1] = f"口径: {report.profile.name}（等次{report.profile.grade_bands}）"
    out.append(row)
    kinds.append("grade")
    return header, out, kinds


def _put_execution(row: list[Any], header: list[str], report: Report) -> None:
    """全年预算数 under 指标值, 全年执行数 under 实际完成值, the weight under 分值 (read back by read_table)."""
    e = report.ruleset.execution
    eo = report.outcomes.execution
    budget = eo.budget if eo is not None and eo.budget is not None else (e.budget if e else None)
    spent = eo.spent if eo is not None and eo.spent is not None else (e.spent if e else None)
    for i, h in enumerate(header[:-2]):
        field = _HEADER.get(_norm(h))
        if field == "target" or field == "budget":
            row[i] = budget
        elif field == "actual" or field == "spent":
            row[i] = spent
        elif field == "weight":
            row[i] = e.weight if e is not None else None
        elif field == "score" and eo is not None:
            row[i] = eo.printed


def _name_column(header: list[str], original: bool) -> int:
    for i, h in enumerate(header):
        if _HEADER.get(_norm(h)) == "name":
            return i
    return 0


def _standard_used(report: Report, key: str) -> bool:
    if key in ("id", "level1", "level2", "name", "weight"):
        return True
    if key == "section":
        return any(r.row.section for r in report.rows)
    if key == "actual":
        return any(r.actual is not None for r in report.rows)
    if key == "printed":
        return any(r.outcome is not None and r.outcome.printed is not None for r in report.rows)
    return any(getattr(r.row, key) for r in report.rows)


def _standard(r: RowResult, used: Sequence[tuple[str, str]]) -> list[Any]:
    out: list[Any] = []
    for key, _ in used:
        if key == "actual":
            a = r.actual
            out.append(
                a if isinstance(a, (str, Decimal, int)) or a is None else json.dumps(a, ensure_ascii=False, default=str)
            )
        elif key == "printed":
            out.append(r.outcome.printed if r.outcome is not None else None)
        else:
            out.append(getattr(r.row, key))
    return out


def _reason(r: RowResult) -> str | None:
    """扣分原因: the explanation when points were lost, the finding when the row was not scored."""
    if r.score is None:
        return "未计分：" + r.explanation
    if r.score.points < r.score.weight:
        return r.score.explanation
    warnings = [f.message for f in r.findings if f.severity == "warning"]
    return "；".join(warnings) or None


def _blocks(rows: Iterable[RowResult]) -> list[tuple[tuple[str | None, str], list[RowResult]]]:
    blocks: dict[tuple[str | None, str], list[RowResult]] = {}
    for r in rows:
        blocks.setdefault((r.row.section, r.row.level1), []).append(r)
    return list(blocks.items())


def finding_rows(report: Report, extra: Sequence[Finding] = ()) -> tuple[list[str], list[list[Any]]]:
    header = ["编号", "指标", "级别", "代码", "说明"]
    rows = [
        [None if f.indicator in ("execution", "total") else f.indicator, f.name,
         "未计分" if f.severity == "error" else "提示", f.code, f.message]
        for f in (*report.findings, *extra)
    ]  # fmt: skip
    return header, rows


# Excel (and openpyxl) refuse the C0 control characters but tab, newline and carriage return: a
# cell holding one (pasted from another program) would stop the whole workbook being written.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _clean(v: Any, dirty: list[str] | None, where: str) -> Any:
    """``v`` without the characters Excel refuses; where it had them goes into ``dirty``."""
    if isinstance(v, str) and _CONTROL.search(v):
        if dirty is not None and where not in dirty:
            dirty.append(where)
        return _CONTROL.sub("", v)
    return v


def _control_finding(dirty: list[str]) -> list[Finding]:
    if not dirty:
        return []
    shown = "、".join(dirty[:10]) + ("等" if len(dirty) > 10 else "")
    return [Finding("control-character", f"{len(dirty)}个单元格（{shown}）含有 Excel 不接受的控制字符，写出时已删去",
                    severity="warning")]  # fmt: skip


def _findings_rows(report: Report, dirty: list[str], title: str = "问题") -> tuple[list[str], list[list[Any]], list[Finding]]:
    """Sheet 问题's header and rows (cleaned), and what writing found (control characters taken out)."""
    fh, frows = finding_rows(report)
    cleaned = [[_clean(v, dirty, f"{title}!{i}") for v in fr] for i, fr in enumerate(frows, 2)]
    extra = _control_finding(dirty)
    return fh, cleaned + finding_rows(report, extra)[1][len(frows):], extra


def _findings_sheet(wb: Any, report: Report, dirty: list[str], title: str, bold: Any) -> list[Finding]:
    fs = wb.create_sheet(title)
    fh, rows, extra = _findings_rows(report, dirty, title)
    fs.append(fh)
    for c in fs[1]:
        c.font = bold
    for fr in rows:
        fs.append(fr)
    fs.column_dimensions["E"].width = 80
    return extra


def write_xlsx(report: Report, path: str | Path) -> list[Finding]:
    """The scored table as a workbook: sheet 评分表 and sheet 问题 (findings). Returns what writing
    found (control characters Excel refuses, taken out of the cells; also on sheet 问题)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    from .large import LARGE_ROWS, write_xlsx_streaming

    if len(report.rows) > LARGE_ROWS:
        return write_xlsx_streaming(report, path)  # linear time: openpyxl's write-only mode
    header, rows, kinds = sheet_rows(report)
    wb = Workbook()
    ws = wb.active
    ws.title = "评分表"
    dirty: list[str] = []
    title = _clean(report.ruleset.title, dirty, "评分表!A1")
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
    extra = _findings_sheet(wb, report, dirty, "问题", bold)
    wb.save(Path(path))
    return extra


_PERCENT_TEXT = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*[%％]\s*$")


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
    v = _clean(v, dirty, f"{cell.parent.title}!{cell.coordinate}")
    if isinstance(v, str) and (m := _PERCENT_TEXT.match(v)):
        d = Decimal(m[1]) / 100
        cell.value = d
        places = len(m[1].partition(".")[2])
        cell.number_format = "0%" if places == 0 else "0." + "0" * places + "%"
        return
    cell.value = _cell(v)
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
    sheets = [_Sheet(w.title, w.sheet_state != "visible", None) for w in wb.worksheets]
    ws = None
    if sheet is not None:
        chosen = _pick_sheet(sheets, sheet)
        ws = wb[chosen.name] if chosen is not None else None
    else:
        for w in wb.worksheets:
            if w.sheet_state == "visible" and _find_header([[_text(c.value) or None for c in r] for r in w.iter_rows(max_row=30)])[0] is not None:
                ws = w
                break
    if ws is None:
        raise TableError(f"{src}: 找不到评分所读的工作表")
    grid = [[_text(c.value) or None for c in r] for r in ws.iter_rows(max_row=30)]
    header_at, fields = _find_header(grid)
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
        cell.font, cell.border, cell.fill, cell.alignment = copy(left.font), copy(left.border), copy(left.fill), copy(left.alignment)
        ws.column_dimensions[cell.column_letter].width = 12 if field == "score" else 40
        return col

    score_col = column_for("score", "计算得分")
    reason_col = column_for("reason", "计算扣分原因")
    wrap = Alignment(wrap_text=True, vertical="top")
    dirty: list[str] = []
    for ln, r in lines.items():
        for col, v in ((score_col, r.points), (reason_col, _reason(r))):
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
        (f"{(x.section + ' ') if x.section else ''}{x.level1 or '（未分类）'} 小计（分值{_plain(x.weight)}）", x.points,
         f"{x.unscored}行未计分" if x.unscored else None) for x in report.level1]  # fmt: skip
    if report.execution is not None:
        summary.append(("预算执行率", report.execution.points, report.execution.explanation))
    unscored = len(report.unscored)
    summary.append((f"总分（满分{_plain(report.weight)}）", report.total,
                    f"{unscored}行未计分，总分不完整" if unscored else None))  # fmt: skip
    summary.append(("评价等次", None if unscored else report.grade, "总分不完整，不评等次" if unscored else None))
    for label, points, note in summary:
        ws.cell(row=row, column=name_col, value=_clean(label, dirty, f"{ws.title}!行{row}")).font = bold
        _put(ws.cell(row=row, column=score_col), points, dirty)
        ws.cell(row=row, column=score_col).font = bold
        if note:
            ws.cell(row=row, column=reason_col, value=_clean(note, dirty, f"{ws.title}!行{row}")).alignment = wrap
        row += 1
    _print_setup(ws, hrow)
    title = "问题" if "问题" not in wb.sheetnames else "评分问题"
    extra = _findings_sheet(wb, report, dirty, title, bold)
    wb.save(Path(path))
    return extra


def _cell(v: Any) -> Any:
    if isinstance(v, Decimal):
        return v
    if isinstance(v, (int, str)) or v is None:
        return v
    return str(v)


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
        if original is not None and original.suffix.lower() in _EXCEL and original.exists():
            return write_over(report, original, p, sheet=sheet)
        return write_xlsx(report, p)
    if suffix == ".csv":
        write_csv(report, p)
    elif suffix == ".json":
        write_json(report, p)
    else:
        raise TableError(f"{p}: 不支持的输出类型 {suffix!r}（支持 .xlsx .csv .json）")
    return []


__all__ = [
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
]  # fmt: skip
