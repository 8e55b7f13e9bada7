"""Header detection and a grid of cells read as an indicator table: the header names clerks use
(``ALIASES``), the 10号 fund block above the header, merges, labels carried down, totals, the execution row.

Files become grids in workbooks.py; a grid becomes a Ruleset (with the table's own outcomes) here:
the header row is found among the first rows by its usual Chinese
names (一级指标, 二级指标, 三级指标, 年度指标值/指标值, 指标值类型/指标性质, 度量单位/计量单位,
分值, 评（扣）分标准, 实际完成值, 得分, 偏差原因分析 …). Merged cells and blank 一级/二级
cells take the value from above (a merged 分值 or 得分 cell stays on its first row: one
weight shared by several rows is not each row's weight, and a finding says so). Unknown
columns are reported and kept (they are written back out); a table without a 三级指标 column
is refused with the list of headers found. 实际完成值 and 得分 columns become the table's
outcomes. Rows named 合计/总分 give the printed total; a 预算执行率 row (or columns
全年预算数/全年执行数) gives the execution row. Spreadsheet floats are read through their
shortest repr; a cell formatted as a percentage (0.9135 shown as 91.35%) is read as 91.35%.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..errors import ScoringError
from ..reading import profiles as _profiles
from ..reading.cells import OutcomeError, decimal_of
from ..scores.defaults import RATE_ONLY_BUDGET
from .outcomes import ExecutionOutcome, Outcome, Outcomes
from .rows import Execution, Finding, Group, IndicatorRow, Meta
from .ruleset import Ruleset, assemble

ZERO = Decimal(0)


class TableError(ScoringError):
    """A spreadsheet that cannot be read as an indicator table."""


def norm_header(h: str) -> str:
    return re.sub(r"\s+", "", h).replace("（", "(").replace("）", ")").replace("：", ":")


ALIASES: dict[str, tuple[str, ...]] = {
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
    "side": ("绩效指标(side)",),  # a side label merged down the block (财预〔2020〕10号): set by find_header
    "computed": ("计算得分", "计算扣分原因"),  # written by write_xlsx/write_csv: ignored when read back
}
HEADER: dict[str, str] = {norm_header(a): field for field, names in ALIASES.items() for a in names}
_CARRY = ("section", "level1", "level2")  # blank cells take the value from above
_NUMERIC = ("weight", "score", "actual", "manual", "budget", "spent", "initial_budget")
# the 三级指标 column, strongest name first: a weaker one beside a stronger is a side label
# (绩效指标 merged down the block left of 一级指标 in the 财预〔2020〕10号 forms)
_NAME_RANK = tuple(norm_header(a) for a in ALIASES["name"])
_FUND_ROW = ("年度资金总额", "资金总额", "合计", "总计")
_TOTAL_NAMES = ("合计", "总分", "总计", "综合得分", "绩效自评综合得分")
_EXECUTION_NAMES = ("预算执行率", "执行率", "预算执行情况", "资金执行率")
_HEADER_WEIGHT = re.compile(r"^(?P<name>.*?)[\s(（]*(?P<w>\d+(?:\.\d+)?)\s*分[)）]?\s*$")


Grid = list[list[Any]]
Merges = list[tuple[int, int, int, int]]


def plain_number(d: Decimal) -> str:
    if d == d.to_integral_value():
        return str(d.quantize(Decimal(1)))
    return format(d.normalize(), "f")


def cell_text(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, Decimal):
        return plain_number(v)
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
    header_at, fields = find_header(grid)
    if header_at is None:
        found = [c for r in grid[:20] for c in (cell_text(x) for x in r) if c]
        raise TableError(
            f"{where}: 找不到表头行：需要“三级指标”（或“指标名称”）列，以及“分值”“指标值”等列。"
            f"前20行中的单元格: {', '.join(found[:30]) or '（空）'}"
        )
    header = [cell_text(h) for h in grid[header_at]]
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
            names = "/".join(ALIASES[need][:3])
            problems.append(Finding("missing-column", f"缺少“{names}”列：{why}", severity="warning"))
    if not title:
        title = next((t for r in grid[:header_at] for t in (cell_text(x) for x in r) if t), "")
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


def find_header(grid: list[list[Any]]) -> tuple[int | None, list[str | None]]:
    best: tuple[int, int | None, list[str | None]] = (0, None, [])
    for i, row in enumerate(grid[:30]):
        fields = [HEADER.get(norm_header(cell_text(c))) if c is not None else None for c in row]
        known = {f for f in fields if f}
        if "name" not in known and not ({"level1", "target"} <= known):
            continue
        names = [j for j, f in enumerate(fields) if f == "name"]
        if len(names) > 1:
            keep = min(names, key=lambda j: _NAME_RANK.index(norm_header(cell_text(row[j]))))
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
        fields = [HEADER.get(norm_header(cell_text(c))) if c is not None else None for c in grid[i]]
        if "budget" not in fields or "spent" not in fields:
            continue
        col = {f: j for j, f in reversed(list(enumerate(fields))) if f}
        candidates = []
        for k in range(i + 1, header_at):
            cells = grid[k]
            label = "".join(cell_text(c) for j, c in enumerate(cells) if j < col["budget"] and not fields[j])
            if not cell_text(cells[col["budget"]] if col["budget"] < len(cells) else None):
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
                f"第{r0 + offset + 1}–{r1 + offset + 1}行合并了数值单元格“{cell_text(value)}”：只记在第一行，其余行留空",
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
        if not any(cell_text(c) for c in cells):
            continue
        values = {f: get(cells, f) for f in col}
        before = {f: cell_text(carried.get(f)) for f in ("level1", "level2")}
        for f in _CARRY:
            if f in col:
                if cell_text(values[f]):
                    if f == "level1" and cell_text(values[f]) != cell_text(carried.get(f)):
                        carried.pop("level2", None)  # a new 一级指标 starts its own 二级指标
                    carried[f] = values[f]
                else:
                    values[f] = carried.get(f)
        level1, header_w = _split_header_weight(cell_text(values.get("level1")))
        level2, header_w2 = _split_header_weight(cell_text(values.get("level2")))
        name = cell_text(values.get("name"))
        section = cell_text(values.get("section")) or None
        labels = (name, level1, level2, cell_text(cells[0]) if cells else "")
        label_set = {x for x in labels if x}
        # a row of its own: a target, rule, comparator or unit that is not the merged label itself
        own = [v for v in (cell_text(values.get(f)) for f in ("target", "rule", "comparator", "unit", "actual"))
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
        is_exec = any(x in _EXECUTION_NAMES for x in (name, level1, level2)) or (cell_text(budget) and cell_text(spent))
        if is_exec:
            execution, exe_outcome = _execution_row(values, problems, line)
            continue
        weight_cell, rule_cell = cell_text(values.get("weight")), cell_text(values.get("rule"))
        if not name and not rule_cell and not own and weight_cell:
            own_label = [c for f in ("level2", "level1") if (c := cell_text(get(cells, f))) and c != before[f]]
            if own_label:  # 产出指标 | | | 50: the block's weight on a row of its own
                w = _num(values.get("weight"), problems, line, "分值")
                if w is not None and level1:
                    key = level1 + ("\x00" + level2 if cell_text(get(cells, "level2")) else "")
                    groups[(section, key)] = w
                continue
        if not name and (weight_cell or rule_cell):
            name = f"（第{line}行未写指标名称）"
            problems.append(Finding(
                "no-name", f"第{line}行有{'分值' if weight_cell else ''}{'、' if weight_cell and rule_cell else ''}"
                f"{'评分标准' if rule_cell else ''}，但没有三级指标名称：仍按该行计分，请补填指标名称",
                cell_text(values.get("id")) or f"R{line}", name, "warning"))  # fmt: skip
        if not name:
            continue  # a header-only row (产出指标 (50分)) or a blank row
        rid = cell_text(values.get("id")) or f"R{line}"
        weight = _num(values.get("weight"), problems, line, "分值", rid, name)
        indicators.append(IndicatorRow(
            id=rid, name=name, level1=level1, level2=level2, section=section,
            target=cell_text(values.get("target")) or None, comparator=cell_text(values.get("comparator")) or None,
            unit=cell_text(values.get("unit")) or None, weight=weight, rule=cell_text(values.get("rule")) or None,
            content=cell_text(values.get("content")) or None, note=cell_text(values.get("note")) or None,
            cells=tuple(cells), line=line,
        ))  # fmt: skip
        actual = values.get("actual")
        printed = _num(values.get("score"), problems, line, "得分", rid, name)
        grade = cell_text(values.get("grade")) or None
        manual = _num(values.get("manual"), problems, line, "人工得分", rid, name)
        if cell_text(actual) or printed is not None or grade or manual is not None:
            a = cell_text(actual) if not isinstance(actual, Decimal) else actual
            outcomes.append(Outcome(rid, a or None, printed, cell_text(values.get("reason")) or None, grade, manual,
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
    rate = cell_text(values.get("actual")) or None
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


__all__ = [
    "ALIASES",
    "HEADER",
    "Grid",
    "Merges",
    "TableError",
    "cell_text",
    "find_header",
    "norm_header",
    "plain_number",
    "table_from_grid",
]
