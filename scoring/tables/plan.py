"""The plan of a table: what scoring needs that does not depend on the outcomes (its rows grouped
by reading, 二级指标 blocks and their weights), worked out once per table; and the sums of a run.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ..reading.profiles import Profile
from ..scores.evaluate import Score
from .outcomes import Outcomes
from .readings import reading_key
from .report import Report, RowResult, Subtotal, grade_of
from .rows import Finding, IndicatorRow

if TYPE_CHECKING:  # the ruleset holds its plan; only for the annotation
    from .ruleset import Ruleset

ZERO = Decimal(0)
HUNDRED = Decimal(100)


def hashable(v: Any) -> Any:
    """A memo key for an actual value: sub-item answers (a mapping) as a sorted tuple of pairs."""
    if type(v) is dict:
        try:
            key = tuple(sorted(v.items()))  # answers as given ({"1": "是", "2": "否"}): done in C
            hash(key)
            return key
        except TypeError:  # keys of mixed types, nested answers: spelt out below
            pass
    if isinstance(v, Mapping):
        return tuple(sorted((str(k), hashable(x)) for k, x in v.items()))
    return v


class Plan:
    """The outcome-independent part of scoring a table, worked out once per ruleset.

    ``members[k]`` lists the rows (by index, in order) of the k-th reading: rows with the same
    rule, target, comparator, unit, weight, and profile and options of their own
    (``readings.reading_key``), which share their parsed and compiled rule and the scores of equal
    outcomes. ``group[i]`` numbers row i's 二级指标 block (section, level1, level2), whose weights
    and row counts are summed here, so that a run only adds up points."""

    __slots__ = ("group", "groups", "grows", "gweight", "keys1", "keys_s", "members", "readings",
                 "rows", "rows1", "rows_s", "section1", "up", "up1", "weight1", "weight_s", "weighted")  # fmt: skip

    def __init__(self, rows: tuple[IndicatorRow, ...]) -> None:
        self.rows = rows
        readings: dict[tuple[Any, ...], list[int]] = {}
        for i, r in enumerate(rows):
            try:
                readings.setdefault(reading_key(r), []).append(i)
            except TypeError:  # a row option whose value cannot be hashed (a list): a reading of its own
                readings[("row", i)] = [i]
        self.readings = list(readings)  # each reading's key (readings.reading_key)
        self.members = list(readings.values())
        blocks: dict[tuple[str | None, str, str], int] = {}
        self.group = [blocks.setdefault((r.section, r.level1, r.level2), len(blocks)) for r in rows]
        self.groups = list(blocks)
        self.gweight = [ZERO] * len(blocks)
        self.grows = [0] * len(blocks)
        for r, g in zip(rows, self.group, strict=True):
            if r.weight is not None:
                self.gweight[g] += r.weight
            self.grows[g] += 1
        # each block's 一级指标 and section, numbered in order of first appearance
        ones: dict[tuple[str | None, str], int] = {}
        secs: dict[str | None, int] = {}
        self.up = [(ones.setdefault((s, a), len(ones)), secs.setdefault(s, len(secs))) for s, a, _ in self.groups]
        self.keys1, self.keys_s = list(ones), list(secs)
        self.up1 = [i1 for i1, _ in self.up]  # each block's 一级指标
        self.section1 = [secs[s] for s, _ in self.keys1]  # each 一级指标's section
        self.weighted = any(r.weight is not None for r in rows)
        self.weight1, self.rows1 = [ZERO] * len(ones), [0] * len(ones)
        self.weight_s, self.rows_s = [ZERO] * len(secs), [0] * len(secs)
        for g, (i1, i_s) in enumerate(self.up):
            self.weight1[i1] += self.gweight[g]
            self.rows1[i1] += self.grows[g]
            self.weight_s[i_s] += self.gweight[g]
            self.rows_s[i_s] += self.grows[g]

    def report(
        self, ruleset: Ruleset, profile: Profile, outcomes: Outcomes, results: list[RowResult], points: list[Decimal],
        unscored: list[int], execution: Score | None, findings: list[Finding],
    ) -> Report:  # fmt: skip
        """The report of a run: the points of each 二级指标 block (``points``, ``unscored``, in
        block order) summed into 一级指标 and sections, header weights compared with the rows',
        the total and its grade. Appends its own findings to ``findings``."""
        p1 = [ZERO] * len(self.keys1)
        u1 = [0] * len(self.keys1)
        ps = [ZERO] * len(self.keys_s)
        us = [0] * len(self.keys_s)
        for pg, ug, i1 in zip(points, unscored, self.up1, strict=True):  # 二级指标 blocks into 一级
            p1[i1] += pg
            if ug:
                u1[i1] += ug
        for p1i, u1i, i_s in zip(p1, u1, self.section1, strict=True):  # 一级 into sections
            ps[i_s] += p1i
            if u1i:
                us[i_s] += u1i
        headers1 = {(g.section, g.level1): g.weight for g in ruleset.groups if g.level2 is None}
        headers2 = {(g.section, g.level1, g.level2): g.weight for g in ruleset.groups if g.level2 is not None}
        level1 = [
            Subtotal(s, a, None, w, p, n, u, headers1.get((s, a)))
            for (s, a), w, p, n, u in zip(self.keys1, self.weight1, p1, self.rows1, u1, strict=True)
        ]
        level2 = [
            Subtotal(s, a, b, w, p, n, u, headers2.get((s, a, b)))
            for (s, a, b), w, p, n, u in zip(self.groups, self.gweight, points, self.grows, unscored, strict=True)
        ]
        sections = []
        if ruleset.sections or any(k is not None for k in self.keys_s):
            sections = [
                Subtotal(k, None, None, w, p, n, u)
                for k, w, p, n, u in zip(self.keys_s, self.weight_s, ps, self.rows_s, us, strict=True)
            ]
        for sub in (*level1, *level2) if headers1 or headers2 else ():
            if sub.header_weight is not None and sub.header_weight != sub.weight:
                where = f"{sub.section} " if sub.section else ""
                message = f"{where}“{sub.label}”表头分值{sub.header_weight}分，所属各行分值合计{sub.weight}分"
                findings.append(Finding("header-weight", message, severity="warning"))
        w, p = sum(self.weight_s, ZERO), sum(ps, ZERO)
        if execution is not None:
            w += execution.weight
            p += execution.points
        elif ruleset.execution is not None:
            w += ruleset.execution.weight
        if not sections and w and w != HUNDRED and self.weighted:
            message = f"各行分值（含预算执行率）合计{w}分，不是100分；等次按得分率评定"
            findings.append(Finding("weights-total", message, severity="warning"))
        grade = grade_of(profile, p, w)
        return Report(ruleset, profile, tuple(results), execution, tuple(level1), tuple(level2), tuple(sections),
                      p, w, grade, tuple(findings), outcomes)  # fmt: skip


__all__ = ["Plan", "hashable"]
