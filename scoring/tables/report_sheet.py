"""A scored table laid out as rows of cells, as every writer writes it: the header, a row per
indicator with 得分 and 扣分原因, 小计/预算执行率/总分/评价等次, sheet 问题, control characters taken out.

writers.py (and large.py's streaming writer) put these rows into files.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from .layout import HEADER, norm_header, plain_number
from .report import Report, RowResult
from .rows import Finding

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
    norm = {norm_header(h) for h in header}
    score_h = "计算得分" if norm_header("得分") in norm or norm_header("自评得分") in norm else "得分"
    reason_h = "计算扣分原因" if norm_header("扣分原因") in norm else "扣分原因"
    header = [*header, score_h, reason_h]
    width = len(header) - 2
    name_col = _name_column(header, original)
    out: list[list[Any]] = []
    kinds: list[str] = []

    def blank() -> list[Any]:
        return [None] * len(header)

    level1s = {
        (s.section, s.level1): s for s in reversed(report.level1)
    }  # the first of each, once (not a scan per block)
    for (section, level1), rows in _blocks(report.rows):
        for r in rows:
            cells = list(r.row.cells[:width]) + [None] * (width - len(r.row.cells)) if original else _standard(r, used)
            out.append([*cells, r.points, reason_of(r)])
            kinds.append("indicator")
        sub = level1s.get((section, level1))
        if sub is not None:
            row = blank()
            row[name_col] = (
                f"{(section + ' ') if section else ''}{level1 or '（未分类）'} 小计（分值{plain_number(sub.weight)}）"
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
    row[name_col] = f"总分（满分{plain_number(report.weight)}）"
    for i, h in enumerate(header[:-2]):
        if HEADER.get(norm_header(h)) == "score":
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
        field = HEADER.get(norm_header(h))
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
        if HEADER.get(norm_header(h)) == "name":
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


def reason_of(r: RowResult) -> str | None:
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
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def clean(v: Any, dirty: list[str] | None, where: str) -> Any:
    """``v`` without the characters Excel refuses; where it had them goes into ``dirty``."""
    if isinstance(v, str) and CONTROL.search(v):
        if dirty is not None and where not in dirty:
            dirty.append(where)
        return CONTROL.sub("", v)
    return v


def _control_finding(dirty: list[str]) -> list[Finding]:
    if not dirty:
        return []
    shown = "、".join(dirty[:10]) + ("等" if len(dirty) > 10 else "")
    return [Finding("control-character", f"{len(dirty)}个单元格（{shown}）含有 Excel 不接受的控制字符，写出时已删去",
                    severity="warning")]  # fmt: skip


def findings_rows(
    report: Report, dirty: list[str], title: str = "问题"
) -> tuple[list[str], list[list[Any]], list[Finding]]:
    """Sheet 问题's header and rows (cleaned), and what writing found (control characters taken out)."""
    fh, frows = finding_rows(report)
    cleaned = [[clean(v, dirty, f"{title}!{i}") for v in fr] for i, fr in enumerate(frows, 2)]
    extra = _control_finding(dirty)
    return fh, cleaned + finding_rows(report, extra)[1][len(frows) :], extra


def findings_sheet(wb: Any, report: Report, dirty: list[str], title: str, bold: Any) -> list[Finding]:
    fs = wb.create_sheet(title)
    fh, rows, extra = findings_rows(report, dirty, title)
    fs.append(fh)
    for c in fs[1]:
        c.font = bold
    for fr in rows:
        fs.append(fr)
    fs.column_dimensions["E"].width = 80
    return extra


PERCENT_TEXT = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*[%％]\s*$")


def cell_out(v: Any) -> Any:
    if isinstance(v, Decimal):
        return v
    if isinstance(v, (int, str)) or v is None:
        return v
    return str(v)


__all__ = [
    "CONTROL",
    "PERCENT_TEXT",
    "cell_out",
    "clean",
    "finding_rows",
    "findings_rows",
    "findings_sheet",
    "reason_of",
    "sheet_rows",
]
