"""Indicator tables as first-class objects: load a ruleset, score a whole table from outcomes.

    ruleset = scoring.load_ruleset("rulesets/examples/demo.toml")
    report = ruleset.score("rulesets/examples/demo.outcomes.toml")
    report.total, report.grade          # Decimal('93.47'), '优'
    for row in report.rows: row.row.name, row.points, row.score.explanation
    report.findings                     # rows that could not be scored, with the reason

A ruleset file is TOML (or JSON) in the layout of ``rulesets/README.md``; ``.xlsx`` and
``.csv`` tables are read by ``scoring.tables``. Rows with rule text are scored by
``scoring.evaluate`` (each distinct text parsed once per ruleset); rows without by
``scoring.defaults``. A row that cannot be scored never stops the others and never
disappears: it stays in ``report.rows`` with no score and a finding that says why.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import json
import operator
import re
import tomllib
from collections.abc import Callable, Iterable, Iterator, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

import attrs
from attrs import frozen

from ..errors import EvaluationError, RuleSyntaxError, ScoringError
from ..reading import profiles as _profiles
from ..reading.outcomes import (
    ExecutionOutcome,
    Outcome,
    OutcomeError,
    Outcomes,
    Target,
    decimal_of,
    judge_text,
    load_outcomes,
    merge,
    outcomes_from,
    read_actual,
    read_target,
)
from ..reading.profiles import Profile
from ..reading.values import parse_value, yes_no
from ..rules.nodes import Composite, Node, Quantity, Rule
from ..rules.parser import parse as _parse
from ..scores.compiled import RAISES, Compiled
from ..scores.compiled_composite import CompiledComposite
from ..scores.compiled_default import Fast as DefaultFast
from ..scores.compiled_default import ReadingFast, compile_default_parts
from ..scores.defaults import LENIENT, READ_AS_TEXT, default_score, finish, score_execution, score_grade, score_manual
from ..scores.evaluate import Options, Score, Step
from ..scores.evaluate import evaluate as _evaluate

ZERO = Decimal(0)
HUNDRED = Decimal(100)


class RulesetError(ScoringError):
    """A ruleset file that cannot be read at all (a bad row is a finding, not an error)."""


# ------------------------------------------------------------------ the table


class Finding(NamedTuple):
    """Something a reviewer should know about a row or the table.

    ``severity`` "error": the row was not scored (its points are missing from the total);
    "warning": the row was scored, but read with a caveat (a default, a guess, a hand score).
    ``code`` is stable: tests and tools match on it. (A NamedTuple: a large table repeats a
    row's findings for each row that shares its outcome, so they are made in C.)"""

    code: str
    message: str
    indicator: str | None = None  # the row id, None for the table
    name: str = ""
    severity: str = "error"

    def __str__(self) -> str:
        where = f"{self.indicator} {self.name}".strip()
        return f"[{self.code}] {where + ': ' if where else ''}{self.message}"


@frozen
class Meta:
    title: str = ""
    agency: str = ""
    year: int | None = None
    kind: str = ""
    source: str = ""
    note: str = ""
    profile: str | None = None


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
    _rules: dict[str, Node | ScoringError] = attrs.field(factory=dict, repr=False)
    _plan_cache: _Plan | None = attrs.field(default=None, repr=False)
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

    def _plan(self) -> _Plan:
        """What scoring needs that does not depend on the outcomes, worked out once per table
        (and again if ``indicators`` is replaced): see ``_Plan``."""
        plan = self._plan_cache
        if plan is None or plan.rows is not self.indicators:
            plan = self._plan_cache = _Plan(self.indicators)
        return plan

    @property
    def title(self) -> str:
        return self.meta.title or (self.path.stem if self.path else "")

    def rule(self, text: str) -> Node:
        """The parsed rule of ``text``, parsed once per ruleset (errors are cached too)."""
        cached = self._rules.get(text)
        if cached is None:
            try:
                cached = _parse(text)
            except ScoringError as e:
                cached = e
            self._rules[text] = cached
        if isinstance(cached, ScoringError):
            raise cached
        return cached

    def profile_for(self, row: IndicatorRow, base: Profile | None = None) -> Profile:
        p = base or self.profile
        if row.profile:
            p = _profiles.get(row.profile)
        if row.options:
            p = p.with_options(dict(row.options))
        return p

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
        scorer = _Scorer(self, _as_outcomes(outcomes, self), _as_profile(profile, self), progress)
        scorer.fast = _FAST and not explain  # every 扣分原因 wanted: the full path gives points and all at once
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
        return _Scorer(self, Outcomes(), _as_profile(profile, self), None)._row(row, outcome)

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
        built = [r if isinstance(r, IndicatorRow) else _indicator(r, i, problems) for i, r in enumerate(rows, 1)]
        exe = execution if isinstance(execution, Execution) or execution is None else _execution(execution, problems)
        prof = profile if isinstance(profile, Profile) else _profiles.get(profile)
        return _finish(
            Meta(title=title), [r for r in built if r is not None], exe, list(groups), [], prof, None, problems
        )


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


def load_ruleset(path: str | Path) -> Ruleset:
    """Read an indicator table: ``.toml``/``.json`` (the rulesets/README.md layout), ``.xlsx`` or ``.csv``."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix in (".xlsx", ".xlsm", ".csv"):
        from .spreadsheet import read_table

        return read_table(p)
    if not p.exists():
        raise RulesetError(f"{p}: 文件不存在")
    try:
        if suffix == ".toml":
            with p.open("rb") as f:
                data = tomllib.load(f, parse_float=Decimal)
        elif suffix == ".json":
            with p.open(encoding="utf-8-sig") as f:
                data = json.load(f, parse_float=Decimal)
        else:
            raise RulesetError(f"{p}: 不支持的文件类型 {suffix!r}（支持 .toml .json .xlsx .csv）")
    except tomllib.TOMLDecodeError as e:
        raise RulesetError(f"{p}: TOML 格式错误: {e}") from None
    except json.JSONDecodeError as e:
        raise RulesetError(f"{p}: JSON 格式错误: {e}") from None
    except UnicodeDecodeError as e:
        raise RulesetError(f"{p}: 不是 UTF-8 文本: {e}") from None
    if not isinstance(data, Mapping):
        raise RulesetError(f"{p}: 顶层应为表")
    if "outcome" in data and "indicator" not in data:
        raise RulesetError(f"{p}: 这是实际完成值文件（有 [[outcome]]，没有 [[indicator]]），请用 --outcomes 传入")
    return ruleset_from(data, path=p)


_INDICATOR_KEYS = {
    "id", "name", "level1", "level2", "section", "target", "comparator", "unit", "weight", "rule", "content",
    "note", "profile", "options",
}  # fmt: skip


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
    )
    profile = _profiles.get(meta.profile)
    options = m.get("options")
    if isinstance(options, Mapping) and options:
        profile = profile.with_options(options)
    rows = data.get("indicator", [])
    if not isinstance(rows, list):
        raise RulesetError(f"{where}: [[indicator]] 应为数组")
    indicators = [r for r in (_indicator(r, i, problems) for i, r in enumerate(rows, 1)) if r is not None]
    execution = _execution(data["execution"], problems) if "execution" in data else None
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
    return _finish(meta, indicators, execution, groups, sections, profile, path, problems)


def _indicator(r: Any, n: int, problems: list[Finding]) -> IndicatorRow | None:
    if not isinstance(r, Mapping):
        problems.append(Finding("bad-row", f"第{n}个 [[indicator]] 不是表"))
        return None
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


def _execution(e: Any, problems: list[Finding]) -> Execution | None:
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


def _finish(
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
    return Ruleset(
        meta, tuple(fixed), execution, tuple(groups), tuple(sections), profile, path, tuple(problems), columns, outcomes
    )


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


# ------------------------------------------------------------------ the report


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
        return _grade(self.profile, sub.points, sub.weight)

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


def _grade(profile: Profile, points: Decimal, weight: Decimal) -> str | None:
    if weight <= 0:
        return None
    if weight == HUNDRED:
        return profile.grade(points)
    return profile.grade(points / weight * HUNDRED)


# ------------------------------------------------------------------ scoring


_Hit = tuple[Score | None, str, tuple[Finding, ...]]  # a memoised row: score, method, findings (no row ids)


def _hashable(v: Any) -> Any:
    """A memo key for an actual value: sub-item answers (a mapping) as a sorted tuple of pairs."""
    if type(v) is dict:
        try:
            key = tuple(sorted(v.items()))  # answers as given ({"1": "是", "2": "否"}): done in C
            hash(key)
            return key
        except TypeError:  # keys of mixed types, nested answers: spelt out below
            pass
    if isinstance(v, Mapping):
        return tuple(sorted((str(k), _hashable(x)) for k, x in v.items()))
    return v


def _static_key(row: IndicatorRow) -> tuple[Any, ...]:
    """What a row's score depends on, besides its outcome and profile (the memo key's first part)."""
    if row.rule:
        return _RULE_KEY(row)
    cost = "成本" in row.level1 or "成本" in row.level2 or "成本" in row.name
    return (None, row.target, row.comparator, row.unit, row.weight, cost, "满意" in row.name,
            None if row.target else row.name)  # fmt: skip


_RULE_KEY = operator.attrgetter("rule", "target", "comparator", "unit", "weight")  # a rule row's static key
_BLOCK = operator.attrgetter("section", "level1", "level2")  # its 二级指标 block


class _Plan:
    """The outcome-independent part of scoring a table, worked out once per ruleset.

    ``keys[i]`` numbers what row i's score depends on besides its outcome (rows with the same
    rule, target, comparator, unit and weight share memoised scores); ``plain[i]`` says the row
    takes the common path (a weight, no row profile, options or borrowed weight); ``group[i]``
    numbers its 二级指标 block (section, level1, level2), whose weights and row counts are
    summed here, so that a run only adds up points."""

    __slots__ = ("columns", "columns1", "compiled", "group", "groups", "grows", "gweight", "keys", "keys1", "keys_s", "nkeys",
                 "plain", "rows", "rows1", "rows_s", "section1", "targets", "up", "up1", "weight1", "weight_s",
                 "weighted")  # fmt: skip

    def __init__(self, rows: tuple[IndicatorRow, ...]) -> None:
        self.rows = rows
        # the static keys' rules compiled for a profile (and the default method compiled for rows
        # without a rule), filled in by the runs that need them: a table scored again, with other
        # outcomes, does not compile again
        self.compiled: dict[Profile, tuple[dict[int, Compiled | CompiledComposite | None],
                                           dict[int, tuple[DefaultFast, ReadingFast] | None]]] = {}  # fmt: skip
        self.targets: dict[tuple[str | None, str | None], Target] = {}  # read_target per (target, unit)
        ids: dict[tuple[Any, ...], int] = {}
        self.keys = [ids.setdefault(_RULE_KEY(r) if r.rule else _static_key(r), len(ids)) for r in rows]
        self.nkeys = len(ids)
        self.plain = [r.weight is not None and not (r.profile or r.options or r.weight_from) for r in rows]
        blocks: dict[tuple[str | None, str, str], int] = {}
        self.group = [blocks.setdefault(b, len(blocks)) for b in map(_BLOCK, rows)]
        self.groups = list(blocks)
        self.columns = tuple(list(map(operator.itemgetter(i), self.groups)) for i in range(3))  # sections, level1s, level2s
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
        self.columns1 = tuple(list(map(operator.itemgetter(i), self.keys1)) for i in range(2))  # sections, level1s
        self.weight1, self.rows1 = [ZERO] * len(ones), [0] * len(ones)
        self.weight_s, self.rows_s = [ZERO] * len(secs), [0] * len(secs)
        for g, (i1, i_s) in enumerate(self.up):
            self.weight1[i1] += self.gweight[g]
            self.rows1[i1] += self.grows[g]
            self.weight_s[i_s] += self.gweight[g]
            self.rows_s[i_s] += self.grows[g]


class _Scorer:
    """One scoring run: matches outcomes to rows, scores each row, sums, collects findings.

    Scores are memoised for the run by (row's rule, target, comparator, unit, weight, outcome,
    profile): rows that repeat a rule and an outcome (100%, 已完成) are evaluated once."""

    def __init__(
        self, ruleset: Ruleset, outcomes: Outcomes, profile: Profile, progress: Callable[[int, int], None] | None
    ):
        self.rs = ruleset
        self.outcomes = outcomes
        self.profile = profile
        self.progress = progress
        self.findings: list[Finding] = list(ruleset.problems)
        self.fast = _FAST  # take the compiled fast path (points now, 扣分原因 when read)
        self.memo: dict[Any, _Hit] = {}
        self.compiled: dict[int, Compiled | CompiledComposite | None] = {}  # per static key, for the base profile
        self.flags: dict[tuple[int, bool], Decimal] = {}  # (static key, 是/否): points
        self.defaults: dict[int, tuple[DefaultFast, ReadingFast] | None] = {}  # per static key: the default method compiled
        self.targets: dict[tuple[str | None, str | None], Target] = {}
        self.row_profiles: dict[tuple[Any, ...], Profile] = {}
        self.options: dict[int, Options] = {}
        self.later = self._later  # bound once: Score.later keeps it on thousands of Scores

    # -- matching outcomes to rows
    def _match(self) -> dict[str, Outcome]:
        by_id, names = self.rs._indexes()
        for p in self.outcomes.problems:
            self.findings.append(Finding("bad-outcome", p, severity="warning"))
        items = self.outcomes.items
        # the common case, checked in C: every outcome keyed by a row id, none twice
        matched = dict(zip(map(_KEY, items), items, strict=True))
        if len(matched) == len(items) and matched.keys() <= by_id.keys():
            return matched
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
                    self.findings.append(Finding("ambiguous-outcome", message, None, o.key))
                    continue
                else:
                    message = f"实际完成值“{o.key}”没有对应的指标行（{o.where}）"
                    self.findings.append(Finding("unknown-outcome", message, None, o.key, "warning"))
                    continue
            if row.id in matched:
                message = f"同一行有多个实际完成值，取第一个（{o.where}）"
                self.findings.append(Finding("duplicate-outcome", message, row.id, row.name, "warning"))
                continue
            matched[row.id] = o
        return matched

    def run(self) -> Report:
        matched = self._match()
        plan = self.rs._plan()
        self.targets = plan.targets
        self.compiled, self.defaults = plan.compiled.setdefault(self.profile, ({}, {}))
        rows, keys, plain, group = plan.rows, plan.keys, plan.plain, plan.group
        results: list[RowResult] = []
        append = results.append
        n = len(rows)
        progress = self.progress
        get = matched.get
        # the common case: a plain row whose outcome is an actual value; memoised per static key
        memos: list[dict[Any, _Hit]] = [{} for _ in range(plan.nkeys)]
        quicks: list[Any] = [_UNBUILT] * plan.nkeys  # per static key: its fast path, built on first use
        new_tuple = tuple.__new__  # RowResult(...), Finding(...) without the NamedTuple's Python-level __new__
        points = [ZERO] * len(plan.groups)
        unscored = [0] * len(plan.groups)
        findings = self.findings
        for i in range(n):
            row = rows[i]
            o = get(row.id)
            if o is not None and plain[i] and o.grade is None and o.manual is None and o.actual is not None:
                a = o.actual
                skey = keys[i]
                memo = memos[skey]
                k = a if type(a) is str else _hashable(a)
                hit = memo.get(k)
                if hit is None:
                    q = quicks[skey]
                    if q is _UNBUILT:
                        q = quicks[skey] = self._quick_for(row, skey) if self.fast else None
                    hit = None if q is None else q(a)
                    if hit is None:
                        hit = self._compute(row, o, a, self.profile, skey)
                    memo[k] = hit
                score, method, found = hit
                if found:
                    rid, rname = row.id, row.name
                    found = tuple([new_tuple(Finding, (f[0], f[1], rid, rname, f[4])) for f in found])
                    findings.extend(found)
                r = new_tuple(RowResult, (row, score, method, a, o, found))
            else:
                r = self._row(row, o, keys[i])
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
        return self._report(results, plan, points, unscored, execution)

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
            f = Finding("no-outcome", "没有实际完成值", row.id, row.name)
            return RowResult(row, None, "none", actual, outcome, (f,))
        profile = self._profile(row)
        a = actual if type(actual) is str else _hashable(actual)
        m = None if outcome.manual is None else (outcome.manual, outcome.reason)
        key = (skey if skey is not None else _static_key(row), a, outcome.grade, m, id(profile))
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

    def _target(self, row: IndicatorRow) -> Target:
        k = (row.target, row.unit)
        t = self.targets.get(k)
        if t is None:
            t = self.targets[k] = read_target(row.target, row.unit)
        return t

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

    def _fast(self, skey: int, row: IndicatorRow, node: Node, opts: Options) -> Compiled | CompiledComposite | None:
        """The row's rule compiled for its target, weight and the run's profile, when the fast
        path takes its shape (None otherwise); once per static key."""
        if skey in self.compiled:
            return self.compiled[skey]
        assert row.weight is not None
        c: Compiled | CompiledComposite | None = None
        try:
            if isinstance(node, Composite):
                c = CompiledComposite(node, target=row.target, weight=row.weight, comparator=row.comparator,
                                      unit=row.unit, options=opts)  # fmt: skip
            else:
                c = Compiled(node, target=row.target, weight=row.weight, comparator=row.comparator, unit=row.unit,
                             options=opts, defer=True)  # fmt: skip
        except ScoringError:
            c = None
        if c is not None and not c.is_fast and not (isinstance(c, Compiled) and c.worded is not None):
            c = None  # neither numbers nor words have a fast path on this rule
        self.compiled[skey] = c
        return c

    def _quick_for(self, row: IndicatorRow, skey: int) -> Callable[[Any], _Hit | None] | None:
        """The fast path of one static key, for the run's profile, as one closure: a number (or a
        mapping of sub-item answers) → its points from the compiled rule, the 扣分原因 worked out
        when first read (``Score.later``); None where the full path must decide. Everything the
        closure needs is looked up once here."""
        assert row.weight is not None
        weight, profile = row.weight, self.profile
        opts = self._options(profile)
        later = Score.later
        if not row.rule:
            return self._default_quick(row, skey, profile, opts)
        try:
            node = self.rs.rule(row.rule)
        except RuleSyntaxError:
            return None
        fast = self._fast(skey, row, node, opts)
        if fast is None:
            return None

        def slowly(a: Any) -> Score:
            return self._slowly(row, node, a, None, profile, opts)[0]

        if isinstance(fast, CompiledComposite):
            points = fast.points

            def composite(a: Any) -> _Hit | None:
                if type(a) is not dict and not isinstance(a, Mapping):
                    return None
                try:
                    p = points(a)
                except ScoringError as e:
                    return None, "none", (Finding("cannot-score", str(e)),)
                except Exception:
                    return None  # the full path reports it
                return later(p, weight, slowly, a), "rule", ()

            return composite
        def number(a: Any) -> _Hit | None:
            p = _quick(fast, a)
            if p is None or p is RAISES:
                return None
            return later(p, weight, slowly, a), "rule", ()

        return number

    def _default_quick(
        self, row: IndicatorRow, skey: int, profile: Profile, opts: Options
    ) -> Callable[[Any], _Hit | None] | None:
        """``_quick_for`` of a row without a rule: ``default_score``'s points without its 扣分原因
        (worked out when read) for a number (from the compiled default method), a number read
        out of words (``9.7万人，完成率97%``: ``read_actual``, then the compiled method), and
        words judged met (full marks, with the notes ``_compute`` gives). None: the full path."""
        assert row.weight is not None
        weight, later = row.weight, Score.later
        target = self._target(row)
        unit = row.unit
        if weight < 0 or target.kind == "date":
            return None
        parts = self._default_fast(skey, row, profile, opts)
        numeric = target.kind == "number" and (row.comparator or "").strip() != "定性"
        if numeric and parts is None:
            return None  # the method cannot be compiled for this row: default_score decides
        f, g = parts if parts is not None else (None, None)
        full = finish(weight, weight, [], opts).points  # a qualitative row met
        about, strict = target.text or row.name, profile.qualitative == "strict"

        def explain(a: Any) -> Score:
            return default_score(row, a, opts, target=target, satisfaction=profile.satisfaction,
                                 qualitative=profile.qualitative, category=row.category)  # fmt: skip

        def default(a: Any) -> _Hit | None:
            if type(a) is not str:
                return None
            notes: tuple[Finding, ...] = ()
            if f is not None and g is not None:
                p = f(a)
                if p is None:
                    reading = read_actual(a, target, unit)
                    if reading is not None:
                        p = g(reading)
                        return None if p is None else (later(p, weight, explain, a), "default", ())
                    notes = (_read_as_text(a, row),)
                else:
                    return later(p, weight, explain, a), "default", ()
            if not a.strip():
                return None
            j = judge_text(a, about, strict=strict)
            if not j.met:
                return None  # default_score raises, with how it judged: the full path says it
            if not j.explicit:
                notes = (*notes, _lenient(a))
            return later(full, weight, explain, a), "default", notes

        return default

    def _default_fast(
        self, skey: int, row: IndicatorRow, profile: Profile, opts: Options
    ) -> tuple[DefaultFast, ReadingFast] | None:
        """The default method compiled for a row without a rule (``compile_default_parts``), once
        per static key (which holds what it depends on: target, comparator, unit, weight, whether
        the row is a cost or a satisfaction row)."""
        if skey in self.defaults:
            return self.defaults[skey]
        f = compile_default_parts(row, opts, target=self._target(row), satisfaction=profile.satisfaction,
                                  qualitative=profile.qualitative, category=row.category)  # fmt: skip
        self.defaults[skey] = f
        return f

    def _compute(
        self, row: IndicatorRow, outcome: Outcome, actual: Any, profile: Profile, skey: int | None
    ) -> _Hit:
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
                    message = f"评分标准“{_clip(row.rule)}”没有评分逻辑，按默认方法计分"
                    notes.append(Finding("no-scoring-logic", message, severity="warning"))
                else:
                    return self._by_rule(row, node, outcome, actual, profile, notes, skey)
            if outcome.grade is not None:
                score = score_grade(outcome.grade, row.weight, outcome.manual, **profile.evaluate_options)
                notes.append(Finding("grade", f"按评定等级“{outcome.grade}”计分", severity="warning"))
                return score, "grade", tuple(notes)
            score = default_score(
                row, actual, self._options(profile), target=self._target(row), satisfaction=profile.satisfaction,
                qualitative=profile.qualitative, category=row.category,
            )  # fmt: skip
            if notes:
                score = _prefix(score, notes[0].message)
            for step in score.trace:
                if step.clause == READ_AS_TEXT:
                    notes.append(_read_as_text(actual, row))
                elif step.note == LENIENT:
                    notes.append(_lenient(actual))
            return score, "default", tuple(notes)
        except ScoringError as e:
            return None, "none", (*notes, Finding("cannot-score", str(e)))
        except Exception as e:  # a bug in the rule core must not stop the table: report it
            return None, "none", (*notes, Finding("internal-error", f"内部错误（请报告）: {type(e).__name__}: {e}"))

    def _by_rule(
        self, row: IndicatorRow, node: Node, outcome: Outcome, actual: Any, profile: Profile, notes: list[Finding],
        skey: int | None,
    ) -> _Hit:  # fmt: skip
        assert row.weight is not None
        assert isinstance(node, (Rule, Composite))
        opts = self._options(profile)
        quick = skey is not None and self.fast and outcome.grade is None and not notes
        if quick:
            assert skey is not None
            score = self._quickly(skey, row, node, actual, profile, opts)
            if score is not None:
                return score, "rule", ()
        score, seen = self._slowly(row, node, actual, outcome.grade, profile, opts)
        if quick and skey is not None and seen is not None:
            self.flags[(skey, seen)] = score.points  # the evaluator saw this flag alone
        if outcome.manual is not None:
            notes.append(Finding("manual-ignored", "同时给了等级和人工得分，按等级计分", severity="warning"))
        return score, "rule", tuple(notes)

    def _quickly(self, skey: int, row: IndicatorRow, node: Node, actual: Any, profile: Profile,
                 opts: Options) -> Score | None:  # fmt: skip
        """The points without the 扣分原因 where they come cheap, the rest worked out when first
        read (``Score.later``, from ``_slowly``, which must agree): a number (or one read out of
        words) from the compiled rule; a 是/否 word from its ``flag_points``; other words from its
        ``word_points``, or, where the evaluator refuses them, judged met or not and scored as
        是/否. On a rule with no compiled form, a 是/否 word takes the points an earlier word of
        the same flag scored on this row (``flags``). None: take the full path."""
        assert row.weight is not None
        weight = row.weight
        args = (row, node, actual, profile, opts)  # for the 扣分原因, worked out by _slowly when read
        flag = yes_no(actual) if type(actual) is str else None
        fast = self._fast(skey, row, node, opts)
        if flag is not None:
            shared = fast.flag_points(flag) if isinstance(fast, Compiled) else self.flags.get((skey, flag))
            return None if shared is None or shared is RAISES else Score.later(shared, weight, self.later, args)
        if fast is None or isinstance(fast, CompiledComposite):
            return None  # (the static key's closure took the mappings it could)
        points = _quick(fast, actual)
        words = type(actual) is str and parse_value(actual, row.unit) is None
        if points is None and words:
            target = self._target(row)
            reading = read_actual(actual, target, row.unit) if target.kind == "number" else None
            if reading is not None and reading.quantity is not None and reading.how:
                # a worded outcome with a number in it (9.7万人，完成率97%): the number read out of it
                points = _quick(fast, _as_text(reading.quantity))
                words = False
            else:  # words the evaluator reads as a label
                points = fast.word_points(actual)
        if points is RAISES:
            # the evaluator refuses the outcome: words are then judged met or not (numbers are not)
            if not words:
                return None
            j = judge_text(actual, row.target or "", strict=profile.qualitative == "strict")
            points = None if j.met is None else fast.flag_points(j.met)
        return None if points is None or points is RAISES else Score.later(points, weight, self.later, args)

    def _slowly(self, row: IndicatorRow, node: Node, actual: Any, grade: str | None, profile: Profile,
                opts: Options) -> tuple[Score, bool | None]:  # fmt: skip
        """The full path: the outcome read (a number out of words, words judged met or not) and
        scored by the evaluator, with how it was read in front of the 扣分原因; and the 是/否
        the evaluator was given alone, if it was."""
        given: Any = grade if grade is not None else actual
        how = ""
        seen = None
        if isinstance(given, str) and grade is None and parse_value(given, row.unit) is None:
            target = self._target(row)
            if target.kind == "number":
                reading = read_actual(given, target, row.unit)
                if reading is not None and reading.quantity is not None and reading.how:
                    given, how = _as_text(reading.quantity), reading.how
        try:
            score = self._full(row, node, given, opts)
            if not how and grade is None:
                seen = yes_no(given) if isinstance(given, str) and parse_value(given, row.unit) is None else None
        except EvaluationError as first:
            if not isinstance(given, str) or grade is not None or how or parse_value(given, row.unit) is not None:
                # a number (written as one, or read out of words) that the rule cannot score is
                # an error to report, not words to judge: 56% on 每发现一例扣1分 is not "met"
                raise
            j = judge_text(given, row.target or "", strict=profile.qualitative == "strict")
            if j.met is None:
                raise
            try:
                score = self._full(row, node, j.met, opts)
            except EvaluationError:
                raise first from None
            how = f"按定性表述判断：{j.how}，视为“{'是' if j.met else '否'}”"
            seen = j.met
        if how:
            score = _prefix(score, f"实际值读作：{how}")
        return score, seen

    def _later(self, args: tuple[IndicatorRow, Node, Any, Profile, Options]) -> Score:
        row, node, actual, profile, opts = args
        return self._slowly(row, node, actual, None, profile, opts)[0]

    @staticmethod
    def _full(row: IndicatorRow, node: Node, given: Any, opts: Options) -> Score:
        return _evaluate(node, given, target=row.target, weight=row.weight, comparator_=row.comparator, unit=row.unit,
                         options=opts)  # fmt: skip

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

    # -- sums
    def _report(
        self, results: list[RowResult], plan: _Plan, points: list[Decimal], unscored: list[int],
        execution: Score | None,
    ) -> Report:  # fmt: skip
        p1 = [ZERO] * len(plan.keys1)
        u1 = [0] * len(plan.keys1)
        ps = [ZERO] * len(plan.keys_s)
        us = [0] * len(plan.keys_s)
        for pg, ug, i1 in zip(points, unscored, plan.up1, strict=True):  # 二级指标 blocks into 一级
            p1[i1] += pg
            if ug:
                u1[i1] += ug
        for p1i, u1i, i_s in zip(p1, u1, plan.section1, strict=True):  # 一级 into sections
            ps[i_s] += p1i
            if u1i:
                us[i_s] += u1i
        headers1 = {(g.section, g.level1): g.weight for g in self.rs.groups if g.level2 is None}
        headers2 = {(g.section, g.level1, g.level2): g.weight for g in self.rs.groups if g.level2 is not None}
        make = functools.partial(tuple.__new__, Subtotal)  # built in C: a table has tens of thousands of blocks
        h1 = list(map(headers1.get, plan.keys1)) if headers1 else [None] * len(p1)
        h2 = list(map(headers2.get, plan.groups)) if headers2 else [None] * len(points)
        level1 = list(map(make, zip(*plan.columns1, [None] * len(p1), plan.weight1, p1, plan.rows1, u1, h1,
                                    strict=True)))  # fmt: skip
        level2 = list(map(make, zip(*plan.columns, plan.gweight, points, plan.grows, unscored, h2, strict=True)))
        sections = []
        if self.rs.sections or any(k is not None for k in plan.keys_s):
            nones = [None] * len(ps)
            sections = list(map(make, zip(plan.keys_s, nones, nones, plan.weight_s, ps, plan.rows_s, us, nones,
                                          strict=True)))  # fmt: skip
        for sub in (*level1, *level2) if headers1 or headers2 else ():
            if sub.header_weight is not None and sub.header_weight != sub.weight:
                where = f"{sub.section} " if sub.section else ""
                message = f"{where}“{sub.label}”表头分值{sub.header_weight}分，所属各行分值合计{sub.weight}分"
                self.findings.append(Finding("header-weight", message, severity="warning"))
        w, p = sum(plan.weight_s, ZERO), sum(ps, ZERO)
        if execution is not None:
            w += execution.weight
            p += execution.points
        elif self.rs.execution is not None:
            w += self.rs.execution.weight
        if not sections and w and w != HUNDRED and plan.weighted:
            message = f"各行分值（含预算执行率）合计{w}分，不是100分；等次按得分率评定"
            self.findings.append(Finding("weights-total", message, severity="warning"))
        grade = _grade(self.profile, p, w)
        return Report(self.rs, self.profile, tuple(results), execution, tuple(level1), tuple(level2), tuple(sections),
                      p, w, grade, tuple(self.findings), self.outcomes)  # fmt: skip


_KEY = operator.attrgetter("key")
_FAST = True  # the compiled fast path for plain numbers (tests switch it off to compare with the full path)
_UNBUILT = object()
# ASCII digits only, as parse_value reads them (a fullwidth ８５ is text there); at most 18 of
# them (12 before the point, 6 after), so that no quantity nears the 28 digits of the decimal context
_PLAIN = re.compile(r"\s*([0-9]{1,12}(?:\.[0-9]{1,6})?)\s*([^\s\d.,，。；;：:、()（）]*)\s*")


def _as_text(q: Quantity) -> str:
    """A number read out of words, as text with its unit (a bare number would be in the row's
    unit, 万 multiplied out)."""
    return f"{format(q.value, 'f')}{'%' if q.is_percent else q.unit}"


def _quick(fast: Compiled, actual: Any) -> Decimal | None:
    """The points of a plain number from the compiled rule: a Decimal or int, or a string of
    digits with a unit or none after it ("85", "85%", "250人"); None for anything else, and for
    what the generated code leaves to the evaluator (the full path then scores it)."""
    t = type(actual)
    if t is Decimal or t is int:
        return fast.take(actual)
    if t is not str:
        return None
    m = _PLAIN.fullmatch(actual)
    if m is None:
        return None
    if not m[2]:
        return fast.take(Decimal(m[1]))
    f = fast.take_written(m[2])
    return None if f is None else f(Decimal(m[1]))


def _read_as_text(actual: Any, row: IndicatorRow) -> Finding:
    message = f"实际完成值“{_clip(str(actual))}”中没有可与指标值“{row.target}”比较的数值，按定性表述判断"
    return Finding("read-as-text", message, severity="warning")


def _lenient(actual: Any) -> Finding:
    message = f"实际完成值“{_clip(str(actual))}”没有明确说明达到指标值，按惯例（未见未完成等表述）计满分"
    return Finding("lenient-qualitative", message, severity="warning")


def _partial(name: str) -> Any:
    from ..rules.nodes import Partial

    return {"prorata": Partial.PRORATA, "ceil": Partial.CEIL, "floor": Partial.FLOOR}[name]


def _prefix(score: Score, text: str) -> Score:
    step = Step(text, (), ZERO)
    return score.evolve(explanation=f"{text}；{score.explanation}", trace=(step, *score.trace))


def _clip(text: str, n: int = 24) -> str:
    t = " ".join(text.split())
    return t if len(t) <= n else t[: n - 1] + "…"


__all__ = [
    "Execution",
    "Finding",
    "Group",
    "IndicatorRow",
    "Meta",
    "Report",
    "RowResult",
    "Ruleset",
    "RulesetError",
    "Section",
    "Subtotal",
    "load_ruleset",
    "ruleset_from",
]
