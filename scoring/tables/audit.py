"""Audit of printed scores: compare a self-evaluation's 得分 with what its own rules give.

    result = scoring.audit("rulesets/hunan-hrss-2024-selfeval-annex2-department.toml")
    result.discrepancies     # each differing row: printed, computed, and a reason to act on
    result.totals            # is the printed 总分 the sum of the printed rows? does it match ours?

A row matches when the printed score equals the computed one as numbers (``8.7`` = ``8.70``).
For a row that differs, the audit tries the conventions real tables use (1-place rounding,
truncation, weight × rate for satisfaction, …) and says which one reproduces the printed
score; otherwise it says what the table would need (a written rule, a corrected score).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import attrs
from attrs import frozen

from .. import cache as _cache
from ..errors import ScoringError
from ..reading import profiles as _profiles
from ..reading.profiles import Profile
from ..scores.defaults import num, score_execution
from .full_path import evaluate_row
from .load import load_ruleset
from .outcomes import Outcome, Outcomes
from .readings import options_of, row_profile
from .report import Report, RowResult
from .rows import Finding
from .ruleset import Ruleset

ZERO = Decimal(0)
HUNDRED = Decimal(100)

# conventions tried on a differing row, in this order
_PROBES = ("one-decimal", "truncate", "truncate-1", "satisfaction-rate", "linear-reverse", "ceil-steps", "floor-steps")


@frozen
class Discrepancy:
    """A row whose printed score is not the computed one (or cannot be checked)."""

    indicator: str  # row id, or "execution", or "total"
    name: str
    weight: Decimal | None
    printed: Decimal | None
    computed: Decimal | None
    reason: str  # what a reviewer can act on
    explanation: str = ""  # how the computed score was reached
    kind: str = "score"  # score | over-weight | unchecked | outside-bounds (a hand score outside the rule's) | total

    @property
    def difference(self) -> Decimal | None:
        if self.printed is None or self.computed is None:
            return None
        return self.printed - self.computed


@frozen
class TotalCheck:
    """The printed 总分 against the sum of the printed rows and against the computed total."""

    printed: Decimal | None
    printed_rows: Decimal  # Σ printed row scores + printed execution score
    computed: Decimal
    rows_without_printed: int

    @property
    def printed_consistent(self) -> bool | None:
        """Does the printed total equal the sum of the printed rows? None when no total is printed."""
        if self.printed is None:
            return None
        return self.printed == self.printed_rows

    @property
    def computed_agrees(self) -> bool | None:
        if self.printed is None:
            return None
        return self.printed == self.computed


@attrs.define(eq=False)
class Audit:
    """The result of an audit: the scored report, every discrepancy, and the totals check."""

    report: Report
    rows_checked: int  # rows (and execution) with a printed score
    rows_matching: int
    discrepancies: tuple[Discrepancy, ...]
    totals: TotalCheck

    @property
    def ok(self) -> bool:
        return not self.discrepancies

    def to_dict(self) -> dict[str, Any]:
        def s(d: Decimal | None) -> str | None:
            return None if d is None else str(d)

        return {
            "title": self.report.ruleset.title,
            "rows_checked": self.rows_checked,
            "rows_matching": self.rows_matching,
            "discrepancies": [
                {
                    "indicator": d.indicator,
                    "name": d.name,
                    "kind": d.kind,
                    "weight": s(d.weight),
                    "printed": s(d.printed),
                    "computed": s(d.computed),
                    "difference": s(d.difference),
                    "reason": d.reason,
                    "explanation": d.explanation,
                }
                for d in self.discrepancies
            ],
            "totals": {
                "printed": s(self.totals.printed),
                "printed_rows": s(self.totals.printed_rows),
                "computed": s(self.totals.computed),
                "printed_consistent": self.totals.printed_consistent,
                "computed_agrees": self.totals.computed_agrees,
                "rows_without_printed": self.totals.rows_without_printed,
            },
        }


def audit(
    table: Ruleset | str | Path,
    outcomes: Outcomes | Mapping[str, Any] | str | Path | None = None,
    *,
    profile: str | Profile | None = None,
) -> Audit:
    """Audit the printed scores of ``table`` (a Ruleset or a path) against its own rules.

    ``outcomes``: the outcome file with the printed scores; None → the table's own 得分
    column, or for a ``NAME.toml`` the ``NAME.outcomes.toml`` beside it."""
    ruleset = table if isinstance(table, Ruleset) else load_ruleset(table)
    if outcomes is None and ruleset.outcomes is None and ruleset.path is not None:
        beside = outcomes_beside(ruleset.path)
        if beside is not None:
            outcomes = beside
    report = ruleset.score(outcomes, profile=profile)
    return audit_report(report)


def outcomes_beside(path: Path) -> Path | None:
    """``NAME.outcomes.toml`` (or .json/.csv) next to ``NAME.toml``, if there is one."""
    for suffix in (".toml", ".json", ".csv"):
        p = path.with_name(path.stem + ".outcomes" + suffix)
        if p.exists():
            return p
    return None


def audit_report(report: Report) -> Audit:
    """The audit of an already scored report (its outcomes carry the printed scores)."""
    found: list[Discrepancy] = []
    checked = matching = 0
    printed_rows = ZERO
    without = 0
    for r in report.rows:
        o = r.outcome
        if o is None or o.printed is None:
            without += 1
            continue
        checked += 1
        printed_rows += o.printed
        d = _row(report, r, o)
        if d is None:
            matching += 1
        else:
            found.append(d)
    eo = report.outcomes.execution
    if eo is not None and eo.printed is not None:
        checked += 1
        printed_rows += eo.printed
        d = _execution(report, eo.printed)
        if d is None:
            matching += 1
        else:
            found.append(d)
    totals = TotalCheck(report.outcomes.total, printed_rows, report.total, without)
    if totals.printed is not None and totals.printed_consistent is False:
        found.append(Discrepancy(
            "total", "总分", report.weight, totals.printed, totals.printed_rows,
            f"印出的总分{num(totals.printed)}不等于各行印出得分之和{num(totals.printed_rows)}"
            f"（相差{num(totals.printed - totals.printed_rows)}）：请核对总分或各行得分",
            f"按本程序计算的总分为{num(report.total)}", "total",
        ))  # fmt: skip
    return Audit(report, checked, matching, tuple(found), totals)


def _row(report: Report, r: RowResult, o: Outcome) -> Discrepancy | None:
    printed = o.printed
    assert printed is not None
    w = r.row.weight
    if w is not None and printed > w:
        return Discrepancy(
            r.row.id, r.row.name, w, printed, r.points,
            f"自评得分{num(printed)}超过分值{num(w)}：数据错误，请核对分值或得分", r.explanation, "over-weight",
        )  # fmt: skip
    if r.score is None:
        bounds = _hand_bounds(report, r, o)
        if bounds is not None:
            # the rule leaves the score to a hand judgement and still bounds it (domain point 22)
            low, high = bounds
            if low <= printed <= high:
                return None
            return Discrepancy(
                r.row.id, r.row.name, w, printed, None,
                f"自评得分{num(printed)}不在规则允许的人工评分区间{num(low)}至{num(high)}分之内：请核对得分",
                "", "outside-bounds",
            )  # fmt: skip
        why = "；".join(f.message for f in r.findings if f.severity == "error") or "无法计算"
        return Discrepancy(
            r.row.id, r.row.name, w, printed, None,
            f"无法核对自评得分{num(printed)}：{why}。请补充实际完成值（或评定等级、人工得分）后再核对", "", "unchecked",
        )  # fmt: skip
    computed = r.score.points
    if computed == printed:
        return None
    return Discrepancy(r.row.id, r.row.name, w, printed, computed, _reason(report, r, printed), r.score.explanation)


def _hand_bounds(report: Report, r: RowResult, o: Outcome) -> tuple[Decimal, Decimal] | None:
    """Where the row's rule asks for a score given by hand (扣4-7分, 酌情扣分), the bounds it still
    sets for this outcome (the evaluator's ``low`` and ``high``); None otherwise."""
    row = r.row
    if not row.rule or o.actual is None or row.weight is None:
        return None
    try:
        profile = row_profile(row, report.profile)
        evaluate_row(row, _cache.parsed(row.rule), o.actual, options_of(profile))
    except ScoringError as e:
        low, high = getattr(e, "low", None), getattr(e, "high", None)
        if isinstance(low, Decimal) and isinstance(high, Decimal):
            return low, high
    except Exception:  # anything else: no bounds, the row stays unchecked with its findings
        return None
    return None


def _reason(report: Report, r: RowResult, printed: Decimal) -> str:
    assert r.score is not None and r.row.weight is not None
    computed, w = r.score.points, r.row.weight
    method = {"rule": "评分标准", "default": "默认方法", "manual": "人工得分", "grade": "评定等级"}.get(r.method, "")
    variant = _variant(report, r, printed)
    if variant:
        return (
            f"自评{printed}分与按{method}计算的{computed}分不同；{variant}可得{printed}分："
            f"表内计分口径不一致，请统一口径（默认：{report.profile.description.split('；')[0]}）或更正得分"
        )
    if computed == w and printed < w:
        return (
            f"按{method}已达到指标值，应得满分{num(w)}；自评扣了{num(w - printed)}分，"
            f"但表中没有写明扣分规则：请写明扣分依据或更正为{num(w)}分"
        )
    if printed > computed:
        return (
            f"自评{printed}分高于按{method}计算的{computed}分（相当于只扣了{num(w - printed)}分）："
            "表中没有写明这样计分的规则，请补充评分标准或更正得分"
        )
    return (
        f"自评{printed}分低于按{method}计算的{computed}分，1位小数、截尾、分值×满意度等常见口径都得不出"
        f"{printed}分：可能按未写明的规则扣分，请补充评分标准或更正为{computed}分"
    )


def _variant(report: Report, r: RowResult, printed: Decimal) -> str:
    """The first common convention that reproduces ``printed``, described; "" when none does."""
    current = report.profile
    for name in _PROBES:
        p = _profiles.PROFILES[name]
        if _same_options(p, current):
            continue
        probe = _merge(current, p)
        try:
            alt = report.ruleset.score_row(r.row, r.outcome, profile=probe)
        except ScoringError:
            continue
        if alt.score is not None and alt.score.points == printed:
            return _convention(p)
    for label, fn in _extra_probes():
        try:
            value = fn(r)
        except (ScoringError, ArithmeticError):
            continue
        if value is not None and value == printed:
            return label
    return ""


def _extra_probes() -> list[tuple[str, Callable[[RowResult], Decimal | None]]]:
    def floored_percent(r: RowResult) -> Decimal | None:
        # weight × completion ratio floored to a whole percent (002:917: 3 × 99% = 2.97)
        assert r.score is not None and r.row.weight is not None
        ratio = r.score.exact / r.row.weight
        if ratio >= 1:
            return None
        pct = (ratio * HUNDRED).quantize(Decimal(1), rounding=ROUND_DOWN)
        return (r.row.weight * pct / HUNDRED).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)

    return [("把完成比例截为整数百分比再乘分值", floored_percent)]


def _same_options(a: Profile, b: Profile) -> bool:
    return attrs.evolve(a, name="", description="") == attrs.evolve(b, name="", description="")


def _merge(base: Profile, probe: Profile) -> Profile:
    """``base`` with the options in which ``probe`` differs from the default profile."""
    d = _profiles.DEFAULT
    changes = {
        f.name: getattr(probe, f.name)
        for f in attrs.fields(Profile)
        if f.name not in ("name", "description") and getattr(probe, f.name) != getattr(d, f.name)
    }
    return attrs.evolve(base, name=probe.name, description=probe.description, **changes)


def _execution(report: Report, printed: Decimal) -> Discrepancy | None:
    e = report.execution
    weight = report.ruleset.execution.weight if report.ruleset.execution is not None else None
    if e is None:
        why = "；".join(f.message for f in report.findings if f.indicator == "execution") or "缺少预算数据"
        return Discrepancy(
            "execution", "预算执行率", weight, printed, None,
            f"无法核对预算执行率得分{num(printed)}：{why}", "", "unchecked",
        )  # fmt: skip
    if e.points == printed:
        return None
    if printed > e.weight:
        return Discrepancy(
            "execution", "预算执行率", e.weight, printed, e.points,
            f"自评得分{num(printed)}超过分值{num(e.weight)}：请核对", e.explanation, "over-weight",
        )  # fmt: skip
    budget = _step_input(e, "全年预算数")
    spent = _step_input(e, "全年执行数")
    variant = ""
    if budget is not None and spent is not None:
        for name in _PROBES[:3]:
            p = _profiles.PROFILES[name]
            try:
                alt = score_execution(budget, spent, e.weight, **_merge(report.profile, p).evaluate_options)
            except ScoringError:
                continue
            if alt.points == printed:
                variant = _convention(p)
                break
    if variant:
        reason = f"自评{printed}分与按执行率计算的{e.points}分不同；{variant}可得{printed}分：请统一舍入口径或更正得分"
    else:
        reason = (
            f"自评{printed}分与按 分值×全年执行数/全年预算数 计算的{e.points}分不同："
            "请核对全年预算数（调整后预算，不是年初预算数）、全年执行数或得分"
        )
    return Discrepancy("execution", "预算执行率", e.weight, printed, e.points, reason, e.explanation)


def _step_input(score: Any, name: str) -> str | None:
    for step in score.trace:
        for k, v in step.inputs:
            if k == name:
                return str(v)
    return None


def _convention(p: Any) -> str:
    """A profile as a reader names it: ``按“1位小数截尾”的口径（--profile truncate-1）``."""
    return f"按“{p.description.split('，其余')[0].split('（')[0]}”的口径（--profile {p.name}）"


def findings_of(result: Audit) -> list[Finding]:
    """The scoring findings of the audited report (rows that could not be scored, warnings)."""
    return list(result.report.findings)


__all__ = ["Audit", "Discrepancy", "TotalCheck", "audit", "audit_report", "outcomes_beside"]
