"""The records of an indicator table, as written: rows (三级指标), the execution row, header
weights, sections, metadata; and Finding (``scoring.writer.findings``, the package's one finding
type, re-exported here), what a reviewer should know about a row or the table.

``indicator_from`` and ``execution_from`` read one record from a mapping with the keys of
rulesets/README.md, each problem a Finding rather than an error.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import attrs
from attrs import frozen

from ..errors import ScoringError
from ..reading.cells import OutcomeError, decimal_of
from ..writer.findings import Finding, Severity


class RulesetError(ScoringError):
    """A ruleset file that cannot be read at all (a bad row is a finding, not an error)."""


@frozen
class Meta:
    title: str = ""
    agency: str = ""
    year: int | None = None
    kind: str = ""
    source: str = ""
    note: str = ""
    profile: str | None = None
    rule: str = ""  # a table note's rule for the rows without their own (issue 11: 表注)


@frozen
class IndicatorRow:
    """三级指标: a scored row of the table, as written."""

    id: str
    name: str
    level1: str = ""
    level2: str = ""
    section: str | None = None
    target: str | None = None  # 指标值 as written
    comparator: str | None = None  # 指标值类型 as written
    unit: str | None = None  # 度量单位 as written
    weight: Decimal | None = None  # 分值
    rule: str | None = None  # 评（扣）分标准
    content: str | None = None
    note: str | None = None
    profile: str | None = None  # a named profile for this row
    options: tuple[tuple[str, Any], ...] = ()  # option overrides for this row
    weight_from: str = ""  # how a missing weight was supplied (from a header), else ""
    rule_from: str = ""  # the table note whose rule this row takes (it has none of its own), else ""
    cells: tuple[Any, ...] = attrs.field(default=(), eq=False, repr=False)  # the original spreadsheet cells
    line: int | None = attrs.field(default=None, eq=False)  # row number in the source file

    @property
    def category(self) -> str:
        return f"{self.level1} {self.level2}"


@frozen
class Execution:
    """预算执行率: 全年执行数 / 全年预算数 (the adjusted budget), worth ``weight`` points."""

    budget: Decimal | None = None
    spent: Decimal | None = None
    initial_budget: Decimal | None = None
    weight: Decimal = Decimal(10)
    name: str = "预算执行率"


@frozen
class Group:
    """A printed header weight: 产出指标 (50分), or a 二级指标 header when ``level2`` is set."""

    level1: str
    weight: Decimal
    level2: str | None = None
    section: str | None = None


@frozen
class Section:
    """A project (项目) or unit (单位) within a table."""

    id: str
    name: str = ""
    code: str = ""


_INDICATOR_KEYS = {
    "id", "name", "level1", "level2", "section", "target", "comparator", "unit", "weight", "rule", "content",
    "note", "profile", "options",
}  # fmt: skip


def indicator_from(r: Any, n: int, problems: list[Finding]) -> IndicatorRow | None:
    if not isinstance(r, Mapping):  # kept as a row without a weight: the report has one entry per row written
        problems.append(Finding("bad-row", f"第{n}个 [[indicator]] 不是表", f"R{n}"))
        return IndicatorRow(id=f"R{n}", name="")
    rid = str(r.get("id") or f"R{n}")
    name = str(r.get("name") or "").strip()
    if not name:
        problems.append(Finding("bad-row", "缺少三级指标名称（name）", rid, severity="warning"))
    unknown = sorted(set(map(str, r)) - _INDICATOR_KEYS)
    if unknown:
        problems.append(Finding("unknown-key", f"未知字段 {', '.join(unknown)}（已忽略）", rid, name, "warning"))
    try:
        weight = decimal_of(r.get("weight"), "分值")
    except OutcomeError as e:
        problems.append(Finding("bad-weight", str(e), rid, name))
        weight = None
    options = r.get("options") or {}
    if not isinstance(options, Mapping):
        problems.append(Finding("bad-options", "options 应为表", rid, name, "warning"))
        options = {}
    return IndicatorRow(
        id=rid,
        name=name,
        level1=_s(r.get("level1")) or "",
        level2=_s(r.get("level2")) or "",
        section=_s(r.get("section")),
        target=_s(r.get("target")),
        comparator=_s(r.get("comparator")),
        unit=_s(r.get("unit")),
        weight=weight,
        rule=_s(r.get("rule")),
        content=_s(r.get("content")),
        note=_s(r.get("note")),
        profile=_s(r.get("profile")),
        options=tuple((str(k), v) for k, v in options.items()),
    )


def _s(v: Any) -> str | None:
    if v is None:
        return None
    s = str(v)
    return s if s.strip() else None


def execution_from(e: Any, problems: list[Finding]) -> Execution | None:
    if not isinstance(e, Mapping):
        problems.append(Finding("bad-execution", "[execution] 应为表"))
        return None
    values: dict[str, Decimal | None] = {}
    for key, what in (
        ("budget", "全年预算数"),
        ("spent", "全年执行数"),
        ("initial_budget", "年初预算数"),
        ("weight", "分值"),
    ):
        try:
            values[key] = decimal_of(e.get(key), what)
        except OutcomeError as err:
            problems.append(Finding("bad-execution", str(err), "execution", "预算执行率"))
            values[key] = None
    weight = values["weight"] if values["weight"] is not None else Decimal(10)
    return Execution(values["budget"], values["spent"], values["initial_budget"], weight)


# ------------------------------------------------------------------ notes a row's reading leaves


def read_as_text_finding(actual: Any, row: IndicatorRow) -> Finding:
    message = f"实际完成值“{clip(str(actual))}”中没有可与指标值“{row.target}”比较的数值，按定性表述判断"
    return Finding("read-as-text", message, severity="warning")


def lenient_finding(actual: Any) -> Finding:
    message = f"实际完成值“{clip(str(actual))}”没有明确说明达到指标值，按惯例（未见未完成等表述）计满分"
    return Finding("lenient-qualitative", message, severity="warning")


def clip(text: str, n: int = 24) -> str:
    """``text`` on one line, cut to ``n`` characters for a message."""
    t = " ".join(text.split())
    return t if len(t) <= n else t[: n - 1] + "…"


__all__ = [
    "Execution",
    "Finding",
    "Group",
    "IndicatorRow",
    "Meta",
    "RulesetError",
    "Section",
    "Severity",
    "execution_from",
    "indicator_from",
]
