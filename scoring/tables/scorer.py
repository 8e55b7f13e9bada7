"""One scoring run over a table: outcomes matched to rows, each row scored (memoised by what its
score depends on), the execution row, then the sums (Plan.report).

A row takes the fast path (fast.py) where it can and the full path otherwise; a row that
cannot be scored never stops the others: it gets no score and a finding that says why.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ..api import ARITHMETIC, arithmetic_error
from ..errors import RuleSyntaxError, ScoringError
from ..reading.profiles import Profile
from ..rules.nodes import Composite, Node, Partial, Rule
from ..scores.defaults import LENIENT, READ_AS_TEXT, default_score, score_execution, score_grade, score_manual
from ..scores.evaluate import Options, Score
from .fast import FastPath, Hit
from .full_path import prefix, score_in_full
from .outcomes import ExecutionOutcome, Outcome, Outcomes, usable
from .plan import hashable, static_key
from .report import Report, RowResult
from .rows import Finding, IndicatorRow, clip, lenient_finding, read_as_text_finding

if TYPE_CHECKING:  # the ruleset starts a run with itself; only for the annotation
    from .ruleset import Ruleset

ZERO = Decimal(0)
_KEY = operator.attrgetter("key")
_UNBUILT = object()


class Scorer:
    """One scoring run: matches outcomes to rows, scores each row, sums, collects findings.

    Scores are memoised for the run by (row's rule, target, comparator, unit, weight, outcome,
    profile): rows that repeat a rule and an outcome (100%, 已完成) are evaluated once."""

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
        self.memo: dict[Any, Hit] = {}
        self.plan = ruleset._plan()
        self.paths = FastPath(ruleset.rule, self.plan, profile)
        self.row_profiles: dict[tuple[Any, ...], Profile] = {}
        self.options: dict[int, Options] = {}

    def run(self) -> Report:
        matched = match_outcomes(self.rs, self.outcomes, self.findings)
        plan = self.plan
        rows, keys, plain, group = plan.rows, plan.keys, plan.plain, plan.group
        results: list[RowResult] = []
        append = results.append
        n = len(rows)
        progress = self.progress
        get = matched.get
        # the common case: a plain row whose outcome is an actual value; memoised per static key
        memos: list[dict[Any, Hit]] = [{} for _ in range(plan.nkeys)]
        quicks: list[Any] = [_UNBUILT] * plan.nkeys  # per static key: its fast path, built on first use
        points = [ZERO] * len(plan.groups)
        unscored = [0] * len(plan.groups)
        findings = self.findings
        for i in range(n):
            row = rows[i]
            o = get(row.id)
            try:
                if o is not None and plain[i] and o.grade is None and o.manual is None and o.actual is not None:
                    a = o.actual
                    skey = keys[i]
                    memo = memos[skey]
                    k = a if type(a) is str else hashable(a)
                    hit = memo.get(k)
                    if hit is None:
                        q = quicks[skey]
                        if q is _UNBUILT:
                            q = quicks[skey] = self._quick(row, skey)
                        hit = None if q is None else q(a)
                        if hit is None:
                            hit = self._compute(row, o, a, self.profile, skey)
                        memo[k] = hit
                    score, method, found = hit
                    if found:
                        rid, rname = row.id, row.name
                        found = tuple([Finding(f[0], f[1], rid, rname, f[4]) for f in found])
                    r = RowResult(row, score, method, a, o, found)
                else:
                    r = self._row(row, o, keys[i])
                    score = r.score
            except Exception as e:  # whatever a row raises is that row's finding: the table goes on
                r = self._alone(row, o, e)
                score = r.score
            if r.findings:
                findings.extend(r.findings)
            append(r)
            if score is not None:
                points[group[i]] += score.points
            else:
                unscored[group[i]] += 1
            if progress is not None and ((i + 1) % 1000 == 0 or i + 1 == n):
                progress(i + 1, n)
        execution = self._execution()
        return plan.report(self.rs, self.profile, self.outcomes, results, points, unscored, execution, self.findings)

    def _alone(self, row: IndicatorRow, outcome: Outcome | None, e: Exception) -> RowResult:
        """A row whose memoised path raised ``e``: an outcome that cannot be a memo key (sNaN, a
        list) is scored without the memo (the evaluator says what is wrong with it); anything
        else is the row's finding."""
        try:
            hash(hashable(None if outcome is None else outcome.actual))
        except Exception:
            if outcome is not None and row.weight is not None:
                try:
                    score, method, found = self._compute(row, outcome, outcome.actual, self._profile(row), None)
                except Exception as again:
                    return failed_row(row, outcome, again)
                found = tuple(Finding(f.code, f.message, row.id, row.name, f.severity) for f in found)
                return RowResult(row, score, method, outcome.actual, outcome, found)
        return failed_row(row, outcome, e)

    def _quick(self, row: IndicatorRow, skey: int) -> Callable[[Any], Hit | None] | None:
        """The static key's fast path (None: none, or the full path only)."""
        if not self.fast:
            return None
        try:
            return self.paths.quick_for(row, skey, self._options(self.profile))
        except ScoringError:
            return None  # the full path scores these rows, or says why not

    def _profile(self, row: IndicatorRow) -> Profile:
        if not (row.profile or row.options):
            return self.profile
        k = (row.profile, row.options)
        p = self.row_profiles.get(k)
        if p is None:
            p = self.row_profiles[k] = self.rs.profile_for(row, self.profile)
        return p

    # -- one row
    def _row(self, row: IndicatorRow, outcome: Outcome | None, skey: Any = None) -> RowResult:
        actual = outcome.actual if outcome is not None else None
        if row.weight is None:
            f = Finding("no-weight", "没有分值，无法计分", row.id, row.name)
            return RowResult(row, None, "none", actual, outcome, (f,))
        if outcome is None or (actual is None and outcome.grade is None and outcome.manual is None):
            code, message = outcome.refused if outcome is not None and outcome.refused else ("no-outcome", "没有实际完成值")
            f = Finding(code, message, row.id, row.name)
            return RowResult(row, None, "none", actual, outcome, (f,))
        try:
            profile = self._profile(row)
        except ScoringError as e:
            f = Finding("bad-profile", f"本行的评分口径或选项有误，无法计分: {e}", row.id, row.name)
            return RowResult(row, None, "none", actual, outcome, (f,))
        a = actual if type(actual) is str else hashable(actual)
        m = None if outcome.manual is None else (outcome.manual, outcome.reason)
        key = (skey if skey is not None else static_key(row), a, outcome.grade, m, id(profile))
        hit = self.memo.get(key)
        if hit is None:
            hit = self._compute(row, outcome, actual, profile, None)
            self.memo[key] = hit
        score, method, findings = hit
        if findings:
            findings = tuple(Finding(f.code, f.message, row.id, row.name, f.severity) for f in findings)
        if row.weight_from:
            findings = (Finding("weight-from-header", row.weight_from, row.id, row.name, "warning"), *findings)
        return RowResult(row, score, method, actual, outcome, findings)

    def _options(self, profile: Profile) -> Options:
        o = self.options.get(id(profile))
        if o is None:
            o = self.options[id(profile)] = Options(
                places=profile.places,
                rounding=profile.rounding,
                partial=_partial(profile.partial),
                reverse=profile.reverse,
            )
        return o

    def _compute(
        self, row: IndicatorRow, outcome: Outcome, actual: Any, profile: Profile, skey: int | None
    ) -> Hit:
        assert row.weight is not None
        notes: list[Finding] = []
        try:
            if outcome.manual is not None and outcome.grade is None:
                score = score_manual(outcome.manual, row.weight, outcome.reason or "", **profile.evaluate_options)
                notes.append(Finding("manual", f"人工给分{outcome.manual}分", severity="warning"))
                return score, "manual", tuple(notes)
            if row.rule:
                try:
                    node = self.rs.rule(row.rule)
                except RuleSyntaxError as e:
                    if e.code != "no-scoring-logic":
                        return None, "none", (Finding("rule-syntax", f"评分标准无法解析 [{e.code}]: {e.message}"),)
                    message = f"评分标准“{clip(row.rule)}”没有评分逻辑，按默认方法计分"
                    notes.append(Finding("no-scoring-logic", message, severity="warning"))
                else:
                    return self._by_rule(row, node, outcome, actual, profile, notes, skey)
            if outcome.grade is not None:
                score = score_grade(outcome.grade, row.weight, outcome.manual, **profile.evaluate_options)
                notes.append(Finding("grade", f"按评定等级“{outcome.grade}”计分", severity="warning"))
                return score, "grade", tuple(notes)
            score = default_score(
                row, actual, self._options(profile), target=self.plan.target(row), satisfaction=profile.satisfaction,
                qualitative=profile.qualitative, category=row.category,
            )  # fmt: skip
            if notes:
                score = prefix(score, notes[0].message)
            for step in score.trace:
                if step.clause == READ_AS_TEXT:
                    notes.append(read_as_text_finding(actual, row))
                elif step.note == LENIENT:
                    notes.append(lenient_finding(actual))
            return score, "default", tuple(notes)
        except ScoringError as e:
            return None, "none", (*notes, Finding("cannot-score", str(e)))
        except ARITHMETIC as e:  # a value the exact arithmetic cannot hold
            return None, "none", (*notes, Finding("cannot-score", str(arithmetic_error(e))))
        except Exception as e:  # a bug in the rule core must not stop the table: report it
            return None, "none", (*notes, Finding("internal-error", f"内部错误（请报告）: {type(e).__name__}: {e}"))

    def _by_rule(
        self, row: IndicatorRow, node: Node, outcome: Outcome, actual: Any, profile: Profile, notes: list[Finding],
        skey: int | None,
    ) -> Hit:  # fmt: skip
        assert row.weight is not None
        assert isinstance(node, (Rule, Composite))
        opts = self._options(profile)
        quick = skey is not None and self.fast and outcome.grade is None and not notes
        if quick:
            assert skey is not None
            score = self.paths.quickly(skey, row, node, actual, profile, opts)
            if score is not None:
                return score, "rule", ()
        score, seen = score_in_full(self.plan, row, node, actual, outcome.grade, profile, opts)
        if quick and skey is not None and seen is not None:
            self.paths.flags[(skey, seen)] = score.points  # the evaluator saw this flag alone
        if outcome.manual is not None:
            notes.append(Finding("manual-ignored", "同时给了等级和人工得分，按等级计分", severity="warning"))
        return score, "rule", tuple(notes)

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
    twice, is a finding (appended to ``findings``)."""
    by_id, names = ruleset._indexes()
    for p in outcomes.problems:
        findings.append(Finding("bad-outcome", p, severity="warning"))
    items = outcomes.items
    # the common case, checked in C: every outcome keyed by a row id, none twice
    matched = dict(zip(map(_KEY, items), items, strict=True))
    if len(matched) == len(items) and matched.keys() <= by_id.keys():
        return _usable(matched, by_id)
    matched = {}
    for o in items:
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
    return _usable(matched, by_id)


def _usable(matched: dict[str, Outcome], by_id: Mapping[str, IndicatorRow]) -> dict[str, Outcome]:
    """Missing data and bare fractions on percent rows are no actual (outcomes.usable; issue 12)."""
    for k, o in matched.items():
        a = o.actual
        t = type(a)
        if a is None or (t is str and a[-1:] == "%" and a[:1] != "#") or ((t is int or (t is Decimal and a.is_finite())) and not 0 < a <= 1):
            continue  # the common cases: 85%, a number above 1
        try:
            u = usable(o, by_id[k].target, by_id[k].unit)
        except Exception:  # a value usable() cannot weigh (NaN, 1E+999999…): the row's own path says what is wrong
            continue
        if u is not o:
            matched[k] = u
    return matched


def _partial(name: str) -> Partial:
    return {"prorata": Partial.PRORATA, "ceil": Partial.CEIL, "floor": Partial.FLOOR}[name]


__all__ = ["Scorer", "match_outcomes"]
