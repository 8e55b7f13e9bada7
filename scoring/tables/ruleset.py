"""An indicator table as a first-class object: the Ruleset, built from data (the TOML/JSON
layout of rulesets/README.md, or rows in code), and scored from outcomes into a Report.

    ruleset = scoring.load_ruleset("rulesets/examples/demo.toml")
    report = ruleset.score("rulesets/examples/demo.outcomes.toml")
    report.total, report.grade          # Decimal('93.47'), '优'
    for row in report.rows: row.row.name, row.points, row.score.explanation
    report.findings                     # rows that could not be scored, with the reason

Files are read by load.py (``.toml``/``.json`` here, ``.xlsx``/``.csv`` in spreadsheet.py).
A run (scorer.py) groups the rows by reading (rule text and indicator, readings.py), each reading
parsed and compiled once per process; rows without rule text are scored by the default methods
(scoring.scores.defaults). A row that cannot be scored
never stops the others and never disappears: it stays in ``report.rows`` with no score and a
finding that says why.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterable, Iterator, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

from .. import cache as _cache
from ..reading import profiles as _profiles
from ..reading.cells import OutcomeError, decimal_of
from ..reading.profiles import Profile
from ..rules.nodes import Node
from .outcomes import Outcome, Outcomes, load_outcomes, merge, outcomes_from
from .plan import Plan
from .readings import row_profile
from .report import Report, RowResult
from .rows import (
    Execution,
    Finding,
    Group,
    IndicatorRow,
    Meta,
    RulesetError,
    Section,
    execution_from,
    indicator_from,
)
from .scorer import Scorer

ZERO = Decimal(0)
_FAST = True  # the compiled fast path for plain numbers (tests switch it off to compare with the full path)


@attrs.define(eq=False)
class Ruleset:
    """An indicator table: metadata, the execution row, header weights, sections and rows."""

    meta: Meta
    indicators: tuple[IndicatorRow, ...]
    execution: Execution | None = None
    groups: tuple[Group, ...] = ()
    sections: tuple[Section, ...] = ()
    profile: Profile = _profiles.DEFAULT
    path: Path | None = None
    problems: tuple[Finding, ...] = ()  # found while loading
    columns: tuple[str, ...] = ()  # the original column headers, when read from a spreadsheet
    outcomes: Outcomes | None = None  # outcomes read with the table (实际完成值 / 得分 columns)
    _plan_cache: Plan | None = attrs.field(default=None, repr=False)
    _index: tuple[dict[str, IndicatorRow], dict[str, list[IndicatorRow]]] | None = attrs.field(default=None, repr=False)

    def _indexes(self) -> tuple[dict[str, IndicatorRow], dict[str, list[IndicatorRow]]]:
        """Rows by id and by name (built once)."""
        if self._index is None or len(self._index[0]) != len(self.indicators):
            by_id = {r.id: r for r in self.indicators}
            names: dict[str, list[IndicatorRow]] = {}
            for r in self.indicators:
                names.setdefault(r.name, []).append(r)
            self._index = (by_id, names)
        return self._index

    def _plan(self) -> Plan:
        """What scoring needs that does not depend on the outcomes, worked out once per table
        (and again if ``indicators`` is replaced): see ``Plan``."""
        plan = self._plan_cache
        if plan is None or plan.rows is not self.indicators:
            plan = self._plan_cache = Plan(self.indicators)
        return plan

    @property
    def title(self) -> str:
        return self.meta.title or (self.path.stem if self.path else "")

    def rule(self, text: str) -> Node:
        """The parsed rule of ``text``, parsed once per process (``scoring.cache``: refusals are
        kept as their fields and raised anew, so that no traceback, and no run, is kept)."""
        return _cache.parsed(text)

    def with_table_rule(self, text: str) -> Ruleset:
        """This table with ``text`` as the rule of every row that has none of its own (a note under
        the table that sets how its rows score); the rows that take it say so in the report."""
        meta = attrs.evolve(self.meta, rule=text.strip())
        return attrs.evolve(self, meta=meta, indicators=tuple(rules_from_table(self.indicators, meta.rule)),
                            plan_cache=None, index=None)  # fmt: skip

    def profile_for(self, row: IndicatorRow, base: Profile | None = None) -> Profile:
        return row_profile(row, base or self.profile)

    def score(
        self,
        outcomes: Outcomes | Mapping[str, Any] | str | Path | None = None,
        *,
        profile: str | Profile | None = None,
        progress: Callable[[int, int], None] | None = None,
        explain: bool = False,
    ) -> Report:
        """Score every row from ``outcomes`` (a file, a mapping keyed by indicator id or name,
        or None for the outcomes read with the table). ``profile`` overrides the table's.

        Rows whose points come from the compiled fast path work out their 扣分原因 when it is
        first read. ``explain=True`` takes the full path for every row instead (points and
        扣分原因 together), as writing a scored table needs: cheaper in all than reading every
        扣分原因 afterwards, dearer when only the points are wanted."""
        # every 扣分原因 wanted (explain): the full path gives points and all at once
        scorer = Scorer(self, _as_outcomes(outcomes, self), _as_profile(profile, self), progress,
                        fast=_FAST and not explain)  # fmt: skip
        with _gc_paused(len(self.indicators)):
            return scorer.run()

    def score_row(
        self, row: IndicatorRow | str, outcome: Outcome | Any, *, profile: str | Profile | None = None
    ) -> RowResult:
        """Score one row (by id or as an IndicatorRow) from an Outcome or a plain actual value."""
        if isinstance(row, str):
            found = next((r for r in self.indicators if r.id == row), None)
            if found is None:
                raise KeyError(row)
            row = found
        if not isinstance(outcome, Outcome):
            outcome = Outcome(row.id, outcome)
        return Scorer(self, Outcomes(), _as_profile(profile, self), None, fast=_FAST).one(row, outcome)

    @classmethod
    def from_rows(
        cls,
        rows: Iterable[IndicatorRow | Mapping[str, Any]],
        *,
        title: str = "",
        execution: Execution | Mapping[str, Any] | None = None,
        groups: Iterable[Group] = (),
        profile: str | Profile | None = None,
    ) -> Ruleset:
        """A ruleset built in code: rows as IndicatorRow or mappings with the TOML keys."""
        problems: list[Finding] = []
        built = [r if isinstance(r, IndicatorRow) else indicator_from(r, i, problems) for i, r in enumerate(rows, 1)]
        exe = (
            execution if isinstance(execution, Execution) or execution is None else execution_from(execution, problems)
        )
        prof = profile if isinstance(profile, Profile) else _profiles.get(profile)
        return assemble(
            Meta(title=title), [r for r in built if r is not None], exe, list(groups), [], prof, None, problems
        )


# Kept as a measured speed trick (the house style keeps one that pays >= 10% on benchmarks/table.py
# or tables_many.py), measured again after the scorer was rewritten by reading (Dec 2026, this
# 2-core machine shared with other test runs, three processes each, 100,000 rows, random outcomes):
# with the pause 124-167k rows/s for a run deciding its outcomes afresh, 223-285k re-scoring, first
# run 76-110k; without it 88-102k, 113-144k and 46-70k (the pause pays 25-50%). The
# freeze/unfreeze step alone, best process of three each: 177k against 143k afresh, 319k against
# 241k re-scoring (+24%, +32%). Small tables (< 5,000 rows, tables_many.py's) are not touched.
@contextlib.contextmanager
def _gc_paused(rows: int) -> Iterator[None]:
    """Pause the cyclic garbage collector while a large table is scored.

    Scoring allocates a few acyclic objects per row (RowResult, Score, tuples); on tables of
    tens of thousands of rows the collector's passes over them cost about a third of the run.
    Reference counting still frees everything; the collector is re-enabled (if it was enabled)
    as soon as the run ends, even on error.

    The objects made by the run outlive it (the report holds them), so the collector's first
    passes over them would find nothing to free, yet cost a tenth of a run: before re-enabling,
    they are moved, with every other object the collector tracks, straight to its oldest
    generation (``gc.freeze()`` then ``gc.unfreeze()`` at once: a list splice, no pass over
    them). The next full collection still examines them. Skipped when the program has frozen
    objects of its own (``gc.get_freeze_count()``), which ``unfreeze`` would release."""
    if rows < 5000 or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        if gc.get_freeze_count() == 0:
            gc.freeze()
            gc.unfreeze()
        gc.enable()


def _as_profile(profile: str | Profile | None, ruleset: Ruleset) -> Profile:
    if profile is None:
        return ruleset.profile
    if isinstance(profile, Profile):
        return profile
    return _profiles.get(profile)


def _as_outcomes(outcomes: Outcomes | Mapping[str, Any] | str | Path | None, ruleset: Ruleset) -> Outcomes:
    if outcomes is None:
        return ruleset.outcomes or Outcomes()
    if isinstance(outcomes, Outcomes):
        given = outcomes
    elif isinstance(outcomes, (str, Path)):
        given = load_outcomes(outcomes)
    elif isinstance(outcomes, Mapping):
        given = outcomes_from(outcomes, source="mapping")
    else:
        raise TypeError(f"outcomes must be a path, a mapping or Outcomes, not {type(outcomes).__name__}")
    if ruleset.outcomes is not None and ruleset.outcomes.items:
        return merge(ruleset.outcomes, given)  # the table's own 实际完成值 column, overridden row by row
    return given


# ------------------------------------------------------------------ loading


# ------------------------------------------------------------------ building


def ruleset_from(data: Mapping[str, Any], *, path: Path | None = None) -> Ruleset:
    """A Ruleset from parsed TOML/JSON data (the rulesets/README.md layout)."""
    problems: list[Finding] = []
    where = str(path) if path else "ruleset"
    m = data.get("meta", {})
    if not isinstance(m, Mapping):
        raise RulesetError(f"{where}: [meta] 应为表")
    year = m.get("year")
    meta = Meta(
        title=str(m.get("title", "")),
        agency=str(m.get("agency", "")),
        year=int(year) if isinstance(year, (int, Decimal)) or (isinstance(year, str) and year.isdigit()) else None,
        kind=str(m.get("kind", "")),
        source=str(m.get("source", "")),
        note=str(m.get("note", "")),
        profile=str(m["profile"]) if m.get("profile") else None,
        rule=_table_rule(m.get("rule"), where),
    )
    profile = _profiles.get(meta.profile)
    options = m.get("options")
    if isinstance(options, Mapping) and options:
        profile = profile.with_options(options)
    rows = data.get("indicator", [])
    if not isinstance(rows, list):
        raise RulesetError(f"{where}: [[indicator]] 应为数组")
    indicators = [r for r in (indicator_from(r, i, problems) for i, r in enumerate(rows, 1)) if r is not None]
    execution = execution_from(data["execution"], problems) if "execution" in data else None
    groups: list[Group] = []
    for g in data.get("group", []):
        try:
            w = decimal_of(g.get("weight"), "分值")
        except OutcomeError as e:
            problems.append(Finding("bad-group", f"[[group]] {g.get('level1', '')}: {e}", severity="warning"))
            continue
        if not g.get("level1") or w is None:
            problems.append(Finding("bad-group", f"[[group]] 缺少 level1 或 weight: {dict(g)}", severity="warning"))
            continue
        groups.append(Group(str(g["level1"]), w, str(g["level2"]) if g.get("level2") else None,
                            str(g["section"]) if g.get("section") else None))  # fmt: skip
    sections = [
        Section(str(s.get("id", "")), str(s.get("name", "")), str(s.get("code", ""))) for s in data.get("section", [])
    ]
    return assemble(meta, indicators, execution, groups, sections, profile, path, problems)


def assemble(
    meta: Meta,
    rows: list[IndicatorRow],
    execution: Execution | None,
    groups: list[Group],
    sections: list[Section],
    profile: Profile,
    path: Path | None,
    problems: list[Finding],
    *,
    columns: tuple[str, ...] = (),
    outcomes: Outcomes | None = None,
) -> Ruleset:
    """A Ruleset from its parts, as every reader builds one: repeated ids made unique, rows'
    sections checked against the table's, weights left blank under a weighted header filled in."""
    seen: dict[str, int] = {}
    fixed: list[IndicatorRow] = []
    for r in rows:
        if r.id in seen:
            seen[r.id] += 1
            new = f"{r.id}#{seen[r.id]}"
            problems.append(Finding("duplicate-id", f"编号重复，改为 {new}", r.id, r.name, "warning"))
            r = attrs.evolve(r, id=new)
        else:
            seen[r.id] = 1
        fixed.append(r)
    known_sections = {s.id for s in sections}
    for r in fixed:
        if r.section and known_sections and r.section not in known_sections:
            problems.append(
                Finding("unknown-section", f"section {r.section!r} 没有在 [[section]] 中列出", r.id, r.name, "warning")
            )
    fixed = _weights_from_headers(fixed, groups, problems)
    fixed = rules_from_table(fixed, meta.rule)
    return Ruleset(
        meta, tuple(fixed), execution, tuple(groups), tuple(sections), profile, path, tuple(problems), columns, outcomes
    )


def _table_rule(value: Any, where: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise RulesetError(f"{where}: [meta] rule（表注中的评分标准）应为文字，而不是 {value!r}")
    return value.strip()


def rules_from_table(rows: Iterable[IndicatorRow], rule: str) -> list[IndicatorRow]:
    """Rows without a rule of their own take the table note's (``[meta] rule``, ``--table-rule``:
    a note under the table that says how every row scores), each marked with where its rule came
    from; rows with their own rule keep it."""
    if not rule:
        return list(rows)
    how = f"本行没有评分标准，按表注的评分标准计分：{rule}"
    return [r if (r.rule or "").strip() else attrs.evolve(r, rule=rule, rule_from=how) for r in rows]


def _weights_from_headers(rows: list[IndicatorRow], groups: list[Group], problems: list[Finding]) -> list[IndicatorRow]:
    """A single row without a weight under a header with one takes what the header leaves (003:257)."""
    out = list(rows)
    for g in groups:
        if g.level2 is not None:
            continue
        idx = [i for i, r in enumerate(out) if r.level1 == g.level1 and r.section == g.section]
        blank = [i for i in idx if out[i].weight is None]
        if len(blank) != 1 or len(idx) == 0:
            continue
        rest = sum((out[i].weight or ZERO for i in idx if out[i].weight is not None), ZERO)
        left = g.weight - rest
        if left <= 0:
            continue
        i = blank[0]
        how = f"分值空白，取“{g.level1}（{g.weight}分）”减去其余各行{rest}分 = {left}分"
        out[i] = attrs.evolve(out[i], weight=left, weight_from=how)
    return out


__all__ = ["Ruleset", "assemble", "rules_from_table", "ruleset_from"]
