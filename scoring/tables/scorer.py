"""One scoring run over a table: its rows grouped by reading (plan.py), each reading prepared once
(readings.py) and asked once per distinct outcome, the rows assembled in input order, then the sums.

A row that cannot be scored never stops the others: it gets no score and a finding that says why.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from ..api import ARITHMETIC, arithmetic_error
from ..errors import ScoringError
from ..reading.profiles import Profile
from ..scores.defaults import score_execution
from ..scores.evaluate import Score
from .outcomes import ExecutionOutcome, Outcome, Outcomes
from .plan import hashable
from .readings import Hit, profile_number, reading_for
from .report import Report, RowResult
from .rows import Finding, IndicatorRow

if TYPE_CHECKING:  # the ruleset starts a run with itself; only for the annotation
    from .ruleset import Ruleset

ZERO = Decimal(0)
_STEP = 1000  # progress is told at every thousand rows
_MORE = object()  # marks an outcome key with a grade, a hand score or a refusal besides the actual


class Scorer:
    """One scoring run: matches outcomes to rows, scores the rows of each reading, sums, collects findings."""

    def __init__(
        self, ruleset: Ruleset, outcomes: Outcomes, profile: Profile, progress: Callable[[int, int], None] | None,
        *, fast: bool,
    ) -> None:  # fmt: skip
        self.rs = ruleset
        self.outcomes = outcomes
        self.profile = profile
        self.progress = progress
        self.findings: list[Finding] = list(ruleset.problems)
        self.fast = fast  # take the compiled fast path (points now, 扣分原因 when read)
        self.done = 0  # rows scored so far (for ``progress``)

    def run(self) -> Report:
        matched = match_outcomes(self.rs, self.outcomes, self.findings)
        plan = self.rs._plan()
        rows = plan.rows
        n = len(rows)
        results: list[Any] = [None] * n
        number = profile_number(self.profile)
        for key, members in zip(plan.readings, plan.members, strict=True):  # group: the rows that share a reading
            self._reading(rows, key, number, members, matched, results)
        # assemble: findings in the order of the rows, points summed per 二级指标 block
        points = [ZERO] * len(plan.groups)
        unscored = [0] * len(plan.groups)
        findings = self.findings
        for r, g in zip(results, plan.group, strict=True):
            if r.findings:
                findings.extend(r.findings)
            if r.score is None:
                unscored[g] += 1
            else:
                points[g] += r.score.points
        execution = self._execution()
        return plan.report(self.rs, self.profile, self.outcomes, results, points, unscored, execution, findings)

    def _reading(
        self, rows: tuple[IndicatorRow, ...], key: Any, number: int, members: list[int], matched: dict[str, Outcome],
        results: list[Any],
    ) -> None:  # fmt: skip
        """Score the rows of one reading (``members``, by index): the reading prepared once, asked
        once per distinct outcome, each row's result put at its place in ``results``."""
        get = matched.get
        try:
            hit_of = reading_for(rows[members[0]], self.profile, self.fast, key, number).hit
        except Exception as e:  # preparing it failed (a bug): every row of it says so, the table goes on
            for i in members:
                results[i] = failed_row(rows[i], get(rows[i].id), e)
            return
        hits: dict[Any, Hit] = {}
        for start in range(0, len(members), _STEP):
            part = members[start : start + _STEP]
            for i in part:
                row = rows[i]
                o = get(row.id)
                try:
                    k = outcome_key(o)
                    hit = hits.get(k)
                    if hit is None:
                        hit = hits[k] = hit_of(o, k)
                except Exception:  # an outcome that cannot be a key (sNaN, a list): scored on its own
                    hit = hit_of(o)
                results[i] = row_result(row, o, hit)
            if self.progress is not None:
                self._advance(len(part), len(rows))

    def _advance(self, rows: int, n: int) -> None:
        """Tell ``progress`` of ``rows`` more rows scored, at every thousand and at the end."""
        assert self.progress is not None
        before = self.done
        self.done += rows
        if self.done // _STEP > before // _STEP or self.done == n:
            self.progress(self.done, n)

    def one(self, row: IndicatorRow, outcome: Outcome | None) -> RowResult:
        """One row scored on its own (``Ruleset.score_row``)."""
        try:
            return row_result(row, outcome, reading_for(row, self.profile, self.fast).hit(outcome))
        except Exception as e:
            return failed_row(row, outcome, e)

    # -- the execution row
    def _execution(self) -> Score | None:
        e = self.rs.execution
        eo: ExecutionOutcome | None = self.outcomes.execution
        if e is None and (eo is None or eo.spent is None):
            return None
        budget = eo.budget if eo is not None and eo.budget is not None else (e.budget if e else None)
        spent = eo.spent if eo is not None and eo.spent is not None else (e.spent if e else None)
        weight = e.weight if e is not None else Decimal(10)
        if budget is None or spent is None:
            missing = "全年预算数" if budget is None else "全年执行数"
            self.findings.append(Finding("cannot-score", f"预算执行率缺少{missing}", "execution", "预算执行率"))
            return None
        try:
            return score_execution(budget, spent, weight, **self.profile.evaluate_options)
        except ScoringError as err:
            self.findings.append(Finding("cannot-score", str(err), "execution", "预算执行率"))
            return None


def outcome_key(o: Outcome | None) -> Any:
    """What a row's Hit depends on besides its reading: the actual (its type too: True is not 1,
    nor "1" 1), and the grade, hand score and refusal when there is one."""
    if o is None:
        return None
    a = o.actual
    k = a if type(a) is str else (type(a), hashable(a))
    if o.grade is None and o.manual is None and o.refused is None:
        return k
    return (_MORE, k, o.grade, o.manual, o.reason, o.refused)


def row_result(row: IndicatorRow, o: Outcome | None, hit: Hit) -> RowResult:
    """A row's result from the Hit of its outcome: the Hit's findings given the row's id and name."""
    score, method, found, refused = hit
    if o is None:
        actual = None
    elif refused is not None:  # missing data, a bare fraction on a percent row: no actual (readings.Reading.hit)
        o = attrs.evolve(o, actual=None, refused=refused)
        actual = None
    else:
        actual = o.actual
    if found:
        rid, name = row.id, row.name
        found = tuple([Finding(f[0], f[1], rid, name, f[4]) for f in found])
    if row.weight_from:
        found = (Finding("weight-from-header", row.weight_from, row.id, row.name, "warning"), *found)
    if row.rule_from:
        found = (Finding("rule-from-table", row.rule_from, row.id, row.name, "warning"), *found)
    return RowResult(row, score, method, actual, o, found)


def failed_row(row: IndicatorRow, outcome: Outcome | None, e: Exception) -> RowResult:
    """The row a scoring error left unscored, with a finding that says why (code and message
    only: the exception, and the run its traceback reaches, are not kept)."""
    if isinstance(e, ScoringError):
        f = Finding("cannot-score", str(e), row.id, row.name)
    elif isinstance(e, ARITHMETIC):
        f = Finding("cannot-score", str(arithmetic_error(e)), row.id, row.name)
    else:
        f = Finding("internal-error", f"内部错误（请报告）: {type(e).__name__}: {e}", row.id, row.name)
    return RowResult(row, None, "none", None if outcome is None else outcome.actual, outcome, (f,))


def match_outcomes(ruleset: Ruleset, outcomes: Outcomes, findings: list[Finding]) -> dict[str, Outcome]:
    """Each outcome to its row, by id or else by a unique name; what matches no row, or a row
    twice, is a finding (appended to ``findings``). Whether an actual may be scored at all
    (readings.Reading.hit) is the reading's question, once per distinct outcome (readings.py)."""
    by_id, names = ruleset._indexes()
    for p in outcomes.problems:
        findings.append(Finding("bad-outcome", p, severity="warning"))
    matched: dict[str, Outcome] = {}
    for o in outcomes.items:
        row = by_id.get(o.key)
        if row is None:
            named = names.get(o.key, [])
            if len(named) == 1:
                row = named[0]
            elif len(named) > 1:
                ids = "、".join(r.id for r in named)
                message = f"指标名称“{o.key}”对应多行（{ids}），请用编号"
                findings.append(Finding("ambiguous-outcome", message, None, o.key))
                continue
            else:
                message = f"实际完成值“{o.key}”没有对应的指标行（{o.where}）"
                findings.append(Finding("unknown-outcome", message, None, o.key, "warning"))
                continue
        if row.id in matched:
            message = f"同一行有多个实际完成值，取第一个（{o.where}）"
            findings.append(Finding("duplicate-outcome", message, row.id, row.name, "warning"))
            continue
        matched[row.id] = o
    return matched


__all__ = ["Scorer", "failed_row", "match_outcomes", "outcome_key", "row_result"]
