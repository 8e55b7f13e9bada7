"""A scored table: one RowResult per row, subtotals per block (二级指标, 一级指标, section), the
total, the grade and every finding; ``Report.to_dict`` gives it as plain JSON data.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, NamedTuple

import attrs

from ..reading.profiles import Profile
from ..scores.evaluate import Score
from .outcomes import Outcome, Outcomes
from .rows import Finding, IndicatorRow

if TYPE_CHECKING:  # the report points back at its table; only for the annotation
    from .ruleset import Ruleset

HUNDRED = Decimal(100)


class RowResult(NamedTuple):
    """One row of a scored table: the Score (None when it could not be scored) and its findings.

    A NamedTuple rather than an attrs class: a report makes one per row, and a tuple is the
    cheapest immutable record Python builds (benchmarks/table.py)."""

    row: IndicatorRow
    score: Score | None
    method: str  # rule | default | manual | grade | none
    actual: Any = None
    outcome: Outcome | None = None
    findings: tuple[Finding, ...] = ()

    @property
    def points(self) -> Decimal | None:
        return self.score.points if self.score is not None else None

    @property
    def explanation(self) -> str:
        if self.score is not None:
            return self.score.explanation
        return "；".join(f.message for f in self.findings if f.severity == "error")


class Subtotal(NamedTuple):
    """Σ of a block of rows: a section, a 一级指标 or a 二级指标 (a NamedTuple, like RowResult)."""

    section: str | None
    level1: str | None
    level2: str | None
    weight: Decimal
    points: Decimal
    rows: int
    unscored: int
    header_weight: Decimal | None = None  # the printed header weight, when the table has one

    @property
    def label(self) -> str:
        return self.level2 or self.level1 or self.section or ""


@attrs.define(eq=False)
class Report:
    """A scored table."""

    ruleset: Ruleset
    profile: Profile
    rows: tuple[RowResult, ...]
    execution: Score | None
    level1: tuple[Subtotal, ...]
    level2: tuple[Subtotal, ...]
    sections: tuple[Subtotal, ...]
    total: Decimal
    weight: Decimal
    grade: str | None
    findings: tuple[Finding, ...]
    outcomes: Outcomes

    @property
    def complete(self) -> bool:
        """Every row (and the execution row, if any) was scored."""
        return not any(f.severity == "error" for f in self.findings)

    @property
    def unscored(self) -> tuple[RowResult, ...]:
        return tuple(r for r in self.rows if r.score is None)

    def row(self, key: str) -> RowResult:
        """A row by indicator id (or by name when the name is unique)."""
        for r in self.rows:
            if r.row.id == key:
                return r
        named = [r for r in self.rows if r.row.name == key]
        if len(named) == 1:
            return named[0]
        raise KeyError(key)

    def section_grade(self, sub: Subtotal) -> str | None:
        return grade_of(self.profile, sub.points, sub.weight)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON data (numbers as strings, exact as printed)."""

        def sub(s: Subtotal) -> dict[str, Any]:
            d: dict[str, Any] = {"section": s.section, "level1": s.level1, "level2": s.level2, "weight": str(s.weight),
                                 "points": str(s.points), "rows": s.rows, "unscored": s.unscored}  # fmt: skip
            if s.header_weight is not None:
                d["header_weight"] = str(s.header_weight)
            return d

        rows = []
        for r in self.rows:
            rows.append({
                "id": r.row.id, "section": r.row.section, "level1": r.row.level1, "level2": r.row.level2,
                "name": r.row.name, "target": r.row.target, "comparator": r.row.comparator, "unit": r.row.unit,
                "weight": None if r.row.weight is None else str(r.row.weight), "rule": r.row.rule,
                "actual": _jsonable(r.actual), "points": None if r.points is None else str(r.points),
                "method": r.method, "explanation": r.explanation,
                "printed": None if r.outcome is None or r.outcome.printed is None else str(r.outcome.printed),
                "findings": [_finding_dict(f) for f in r.findings],
            })  # fmt: skip
        ex = None
        if self.execution is not None:
            ex = {"points": str(self.execution.points), "weight": str(self.execution.weight),
                  "explanation": self.execution.explanation}  # fmt: skip
        return {
            "title": self.ruleset.title,
            "profile": self.profile.name,
            "total": str(self.total),
            "weight": str(self.weight),
            "grade": self.grade,
            "complete": self.complete,
            "execution": ex,
            "rows": rows,
            "level1": [sub(s) for s in self.level1],
            "level2": [sub(s) for s in self.level2],
            "sections": [{**sub(s), "grade": self.section_grade(s)} for s in self.sections],
            "findings": [_finding_dict(f) for f in self.findings],
        }


def _finding_dict(f: Finding) -> dict[str, Any]:
    return {"code": f.code, "severity": f.severity, "indicator": f.indicator, "name": f.name, "message": f.message}


def _jsonable(v: Any) -> Any:
    if isinstance(v, Decimal):
        return str(v)
    if isinstance(v, Mapping):
        return {str(k): _jsonable(x) for k, x in v.items()}
    return v


def grade_of(profile: Profile, points: Decimal, weight: Decimal) -> str | None:
    if weight <= 0:
        return None
    if weight == HUNDRED:
        return profile.grade(points)
    return profile.grade(points / weight * HUNDRED)


__all__ = ["Report", "RowResult", "Subtotal", "grade_of"]
