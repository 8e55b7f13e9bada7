"""A reading: what the rows of a table that share rule text, target, comparator, unit, weight and
profile have in common, prepared once per process (parsed, bound, compiled), and a Hit per outcome.

``Reading.hit(outcome)`` scores one distinct outcome of the reading: the compiled rule (or default
method) where it decides at once, its 扣分原因 worked out by the full path (full_path.py) when first
read (``Score.later``, which checks that both agree); the full path everywhere else. It never raises:
whatever goes wrong is the Hit's finding. The scorer (scorer.py) groups rows by reading, asks each
reading once per distinct outcome and gives the Hit to every row that has that outcome.

Readings are kept process-wide in ``scoring.cache.COMPILED`` (keyed ``("table-reading", …)``), so
that many small tables cost what one big table costs and ``scoring.cache.clear()`` empties them too.
A reading keeps only what its rows share (no row ids, cells or outcomes), never a Score or an error.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from .. import cache as _cache
from ..api import ARITHMETIC, arithmetic_error
from ..errors import EvaluationError, RuleSyntaxError, ScoringError
from ..reading import profiles as _profiles
from ..reading.bind import reads_value
from ..reading.cells import judge_text, read_actual, unusable_actual
from ..reading.profiles import Profile
from ..reading.scales import missing_clause
from ..reading.values import is_missing, parse_value, yes_no
from ..rules.nodes import Composite, Formula, Node, Partial, Rule, StepKind
from ..scores.compiled import RAISES, Compiled
from ..scores.compiled_composite import CompiledComposite
from ..scores.compiled_default import compile_default_parts
from ..scores.defaults import LENIENT, READ_AS_TEXT, default_score, finish, score_grade, score_manual
from ..scores.evaluate import Options, Score
from .full_path import as_text, prefix, score_in_full
from .outcomes import Outcome
from .rows import Finding, IndicatorRow, clip, lenient_finding, read_as_text_finding

# a distinct outcome of a reading, scored: the Score (None: not scored), the method, the findings
# (without row ids: every row with the outcome gets them) and, for an actual that must not be
# scored (missing data, a bare fraction on a percent row; not missing data its rule scores itself), its (code, message)
Hit = tuple[Score | None, str, tuple[Finding, ...], tuple[str, str] | None]

# ASCII digits only, as parse_value reads them (a fullwidth ８５ is text there); at most 18 of
# them (12 before the point, 6 after), so that no quantity nears the 28 digits of the decimal context
_BOUND = 10**12
_PLAIN = re.compile(r"\s*([0-9]{1,12}(?:\.[0-9]{1,6})?)\s*([^\s\d.,，。；;：:、()（）]*)\s*")
# outcomes a reading keeps decided (a bound: a reading of more distinct outcomes decides the rest per run)
_DECIDED = 256
_PROFILES: _cache.LRU[int] = _cache.LRU(1024)  # profile_number: a profile seen again keeps its number
_NUMBERS = itertools.count()
_PARTIAL = {"prorata": Partial.PRORATA, "ceil": Partial.CEIL, "floor": Partial.FLOOR}


def reading_key(row: IndicatorRow) -> tuple[Any, ...]:
    """What a row's score depends on besides its outcome and the run's profile: rows with equal
    keys share a reading (and the scores of equal outcomes). A row without a rule adds what its
    default method reads: whether it is a cost or a satisfaction row, and its name if it has no
    target; a row's own profile and options count too."""
    own = (row.profile, row.options) if row.profile or row.options else None
    if row.rule:
        return (row.rule, row.target, row.comparator, row.unit, row.weight, own)
    cost = "成本" in row.level1 or "成本" in row.level2 or "成本" in row.name
    return (None, row.target, row.comparator, row.unit, row.weight, own, cost, "满意" in row.name,
            None if row.target else row.name, row.category)  # fmt: skip


def reading_for(row: IndicatorRow, profile: Profile, fast: bool, key: Any = None, number: int | None = None) -> Reading:
    """The row's reading at the run's ``profile``, prepared once per process (``fast``: with the
    compiled fast path; without it every outcome takes the full path, as ``explain=True`` asks).
    ``key`` is the row's ``reading_key`` and ``number`` the profile's ``profile_number``, when the
    caller has them (a run works them out once: the plan for each reading, the scorer for the profile)."""
    key = ("table-reading", reading_key(row) if key is None else key,
           profile_number(profile) if number is None else number, fast)  # fmt: skip
    try:
        hash(key)
    except TypeError:  # a row option whose value is a list or a table: prepared for this run only
        return Reading(row, profile, fast)
    kept: Reading = _cache.COMPILED.get(key, lambda: Reading(row, profile, fast))
    return kept


def profile_number(profile: Profile) -> int:
    """A number standing for ``profile`` in the keys of readings: a run hashes its profile (every
    field of it) once, not once per reading looked up."""
    return _PROFILES.get(profile, lambda: next(_NUMBERS))


def options_of(profile: Profile) -> Options:
    return Options(places=profile.places, rounding=profile.rounding, partial=_PARTIAL[profile.partial],
                   reverse=profile.reverse)  # fmt: skip


def row_profile(row: IndicatorRow, base: Profile) -> Profile:
    """The profile a row is scored with: ``base`` (the run's), or the row's own, with its options."""
    p = _profiles.get(row.profile) if row.profile else base
    return p.with_options(dict(row.options)) if row.options else p


class Reading:
    """The shared part of the rows of one reading (``row`` stands for them all: their rule,
    indicator fields and name, no id or cells), its rule parsed and compiled for the profile."""

    __slots__ = ("bad_profile", "compiled", "counts_only", "decided", "defaults", "fast", "flags", "node", "opts",
                 "own_missing", "profile", "refusal", "row", "target", "weight")  # fmt: skip

    def __init__(self, row: IndicatorRow, base: Profile, fast: bool) -> None:
        self.row = IndicatorRow(id="", name=row.name, level1=row.level1, level2=row.level2, target=row.target,
                                comparator=row.comparator, unit=row.unit, weight=row.weight, rule=row.rule)  # fmt: skip
        self.weight = row.weight
        self.target = _cache.target(row.target, row.unit)
        self.node: Node | None = None
        self.refusal: tuple[str, str] | None = None  # the rule text's refusal: (code, message)
        self.compiled: Compiled | CompiledComposite | None = None
        self.defaults: Any = None  # a row without a rule: its default method's fast parts (or None)
        self.flags: dict[bool, Decimal] = {}  # 是/否: the points the evaluator gave it alone (no compiled form)
        self.decided: dict[Any, tuple[Decimal | None, str, tuple[Finding, ...], tuple[str, str] | None]] = {}
        self.bad_profile = ""
        self.profile = base
        try:
            self.profile = row_profile(row, base)
        except ScoringError as e:
            self.bad_profile = f"本行的评分口径或选项有误，无法计分: {e}"
        self.opts = options_of(self.profile)
        if row.rule:
            try:
                self.node = _cache.parsed(row.rule)
            except RuleSyntaxError as e:
                self.refusal = (e.code, e.message)
        self.counts_only = _counts_only(self.node)
        # 数据缺失的不得分: the rule's own clause scores a missing-data answer (semantics §86), as evaluate does
        m = missing_clause(self.node) if isinstance(self.node, Rule) else None
        self.own_missing = m is not None and not isinstance(m.outcome, Formula)
        self.fast = fast and self.weight is not None and not self.bad_profile
        if self.fast:
            try:
                if self.node is not None:
                    self.compiled = _compiled(self.row, self.node, self.opts)
                elif not row.rule:
                    self.defaults = self._default_parts()
            except Exception:  # no fast path: the full path scores these rows, or says why not
                self.compiled = self.defaults = None

    # -- one distinct outcome
    def hit(self, o: Outcome | None, key: Any = None) -> Hit:
        """The Hit of an outcome (None: the row has none). Never raises.

        An actual value alone (no grade or hand score; ``key`` the scorer's key of it) is decided
        once per process: what it scored is kept (``decided``: points, method, findings, refusal;
        never a Score, which belongs to its report), and a later run, or the next table, makes its
        Score from that, the 扣分原因 worked out again when read (``Score.later``)."""
        if key is None or o is None or not self.fast or o.grade is not None or o.manual is not None or o.refused:
            return self._hit(o)
        kept = self.decided.get(key)
        if kept is None:
            hit = self._hit(o)
            if len(self.decided) < _DECIDED:
                self.decided[key] = (None if hit[0] is None else hit[0].points, *hit[1:])
            return hit
        points, method, notes, refused = kept
        assert self.weight is not None
        score = None if points is None else Score.later(points, self.weight, self._again, o.actual)
        return score, method, notes, refused

    def _again(self, actual: Any) -> Score:
        """The Score of an actual value alone, made again (as ``hit`` made it first)."""
        score = self._score(Outcome("", actual), actual, [])[0]
        assert score is not None
        return score

    def _hit(self, o: Outcome | None) -> Hit:
        actual = None if o is None else o.actual
        refused = None
        if actual is not None and not isinstance(actual, Mapping):
            try:
                refused = unusable_actual(actual, self.row.target, self.row.unit)
            except Exception:  # a value it cannot weigh (NaN, 1E+999999…): the scoring below says what is wrong
                refused = None
            if refused is not None and refused[0] == "ambiguous-fraction" and self.counts_only:
                refused = None  # a rule that only counts events reads 1 as one event, not as 1% or 100%
            if refused is not None and refused[0] == "missing-data" and self.own_missing:
                refused = None  # the rule says how missing data scores: its clause scores it (_by_rule)
            if refused is not None:
                actual = None
        if self.weight is None:
            return None, "none", (Finding("no-weight", "没有分值，无法计分"),), refused
        if o is None or (actual is None and o.grade is None and o.manual is None):
            code, message = refused or (o.refused if o is not None and o.refused else ("no-outcome", "没有实际完成值"))
            return None, "none", (Finding(code, message),), refused
        if self.bad_profile:
            return None, "none", (Finding("bad-profile", self.bad_profile),), refused
        notes: list[Finding] = []
        try:
            score, method = self._score(o, actual, notes)
        except ScoringError as e:
            score, method = None, "none"
            notes.append(Finding("cannot-score", str(e)))
        except ARITHMETIC as e:  # a value the exact arithmetic cannot hold
            score, method = None, "none"
            notes.append(Finding("cannot-score", str(arithmetic_error(e))))
        except Exception as e:  # a bug in the rule core must not stop the table: report it
            score, method = None, "none"
            notes.append(Finding("internal-error", f"内部错误（请报告）: {type(e).__name__}: {e}"))
        return score, method, tuple(notes), refused

    def _score(self, o: Outcome, actual: Any, notes: list[Finding]) -> tuple[Score | None, str]:
        assert self.weight is not None
        weight, profile = self.weight, self.profile
        if o.manual is not None and o.grade is None:
            score = score_manual(o.manual, weight, o.reason or "", **profile.evaluate_options)
            notes.append(Finding("manual", f"人工给分{o.manual}分", severity="warning"))
            return score, "manual"
        if self.node is not None:
            return self._by_rule(o, actual, notes)
        if self.refusal is not None:
            code, message = self.refusal
            if code != "no-scoring-logic":
                notes.append(Finding("rule-syntax", f"评分标准无法解析 [{code}]: {message}"))
                return None, "none"
            assert self.row.rule is not None
            notes.append(Finding("no-scoring-logic", f"评分标准“{clip(self.row.rule)}”没有评分逻辑，按默认方法计分",
                                 severity="warning"))  # fmt: skip
        if o.grade is not None:
            score = score_grade(o.grade, weight, o.manual, **profile.evaluate_options)
            notes.append(Finding("grade", f"按评定等级“{o.grade}”计分", severity="warning"))
            return score, "grade"
        if self.defaults is not None:
            quickly = self._default_quickly(actual, notes)
            if quickly is not None:
                return quickly, "default"
            notes.clear()
        score = self._default(actual)
        if notes:
            score = prefix(score, notes[0].message)
        for step in score.trace:
            if step.clause == READ_AS_TEXT:
                notes.append(read_as_text_finding(actual, self.row))
            elif step.note == LENIENT:
                notes.append(lenient_finding(actual))
        return score, "default"

    def _by_rule(self, o: Outcome, actual: Any, notes: list[Finding]) -> tuple[Score, str]:
        # a missing-data answer to the rule's own clause on it takes the full path (the compiled form has no such clause)
        quick = self.fast and o.grade is None and not (self.own_missing and type(actual) is str and is_missing(actual))
        if quick:
            score = self._quickly(actual)
            if score is not None:
                return score, "rule"
        assert self.node is not None
        c = self.compiled
        if quick and isinstance(c, (Compiled, CompiledComposite)) and not isinstance(actual, Mapping):
            # refusals the compiled rule knows at once, with the evaluator's own message: the rule
            # contradicts its row (any answer); one number where it needs several; 是/否 it refuses
            refusal = c.rule_refusal or (c.number_refusal if _plain(actual) else None)
            if refusal is None and isinstance(c, Compiled) and type(actual) is str:
                flag = yes_no(actual) if parse_value(actual, self.row.unit) is None else None
                refusal = None if flag is None else c.flag_refusal(flag)
            if refusal:
                raise EvaluationError(refusal)
        score, seen = score_in_full(self.row, self.node, actual, o.grade, self.profile, self.opts, self.target)
        if quick and seen is not None:
            self.flags[seen] = score.points  # the evaluator saw this flag alone: the next one takes its points
        if o.manual is not None:
            notes.append(Finding("manual-ignored", "同时给了等级和人工得分，按等级计分", severity="warning"))
        return score, "rule"

    # -- the full path, as Score.later asks for it when a 扣分原因 is first read
    def full(self, actual: Any) -> Score:
        assert self.node is not None
        return score_in_full(self.row, self.node, actual, None, self.profile, self.opts, self.target)[0]

    def _default(self, actual: Any) -> Score:
        return default_score(self.row, actual, self.opts, target=self.target, satisfaction=self.profile.satisfaction,
                             qualitative=self.profile.qualitative, category=self.row.category)  # fmt: skip

    # -- the compiled fast path
    def _quickly(self, actual: Any) -> Score | None:
        """The points from the compiled rule where it decides at once, the 扣分原因 when first read:
        a number (or one read out of words); sub-item answers; a 是/否 word (``flag_points``, or on a
        rule with no compiled form the points an earlier word of the same flag scored); other words
        from ``word_points``, or, where the evaluator refuses them, judged met or not and scored as
        是/否. None: the full path decides."""
        c = self.compiled
        assert self.weight is not None
        points: Any = None
        if isinstance(c, CompiledComposite):
            if isinstance(actual, Mapping):
                try:
                    points = c.points(actual)
                except ScoringError:
                    raise
                except Exception:
                    return None  # the full path reports it
                return Score.later(points, self.weight, self.full, actual)
        elif c is not None:
            points = quick(c, actual)
        if points is None or points is RAISES:
            flag = yes_no(actual) if type(actual) is str else None
            if flag is not None:
                points = c.flag_points(flag) if isinstance(c, Compiled) else self.flags.get(flag)
            elif isinstance(c, Compiled):
                points = self._words(c, actual, points)
        return None if points is None or points is RAISES else Score.later(points, self.weight, self.full, actual)

    def _words(self, c: Compiled, actual: Any, points: Any) -> Any:
        words = type(actual) is str and parse_value(actual, self.row.unit) is None
        if points is None and words:
            target = self.target
            reading = read_actual(actual, target, self.row.unit) if target.kind == "number" else None
            if reading is not None and reading.quantity is not None and reading.how:
                # a worded outcome with a number in it (9.7万人，完成率97%): the number read out of it
                points = quick(c, as_text(reading.quantity))
                words = False
            else:  # words the evaluator reads as a label
                points = c.word_points(actual)
        if points is RAISES:
            # the evaluator refuses the outcome: words are then judged met or not (numbers are not)
            if not words:
                return None
            # on a row with a rule, words are judged strictly (issue 10): a statement with no word of
            # failure is not taken as met; the lenient reading stays for rows without rule text
            j = judge_text(actual, self.row.target or "", strict=True)
            points = None if j.met is None else c.flag_points(j.met)
        return points

    def _default_parts(self) -> Any:
        """The default method compiled for a row without a rule (``compile_default_parts``), with
        what ``_default_quickly`` needs; None where ``default_score`` decides every outcome."""
        row, target, weight = self.row, self.target, self.weight
        assert weight is not None
        if weight < 0 or target.kind == "date":
            return None
        key = (reading_key(row), self.opts, self.profile.satisfaction, self.profile.qualitative)
        parts = _cache.DEFAULTS.get(key, lambda: compile_default_parts(
            row, self.opts, target=target, satisfaction=self.profile.satisfaction,
            qualitative=self.profile.qualitative, category=row.category))  # fmt: skip
        numeric = target.kind == "number" and (row.comparator or "").strip() != "定性"
        if numeric and parts is None:
            return None  # the method cannot be compiled for this row: default_score decides
        f, g = parts if parts is not None else (None, None)
        full = finish(weight, weight, [], self.opts).points  # a qualitative row met
        return f, g, full, target.text or row.name, self.profile.qualitative == "strict"

    def _default_quickly(self, a: Any, notes: list[Finding]) -> Score | None:
        """``default_score``'s points without its 扣分原因 (worked out when read): a number from the
        compiled method, a number read out of words (``9.7万人，完成率97%``), words judged met (full
        marks, with the notes the full path gives). None: the full path decides."""
        if type(a) is not str:
            return None
        assert self.weight is not None
        f, g, full, about, strict = self.defaults
        if f is not None and g is not None:
            p = f(a)
            if p is None:
                reading = read_actual(a, self.target, self.row.unit)
                if reading is not None:
                    p = g(reading)
                    return None if p is None else Score.later(p, self.weight, self._default, a)
                notes.append(read_as_text_finding(a, self.row))
            else:
                return Score.later(p, self.weight, self._default, a)
        if not a.strip():
            return None
        j = judge_text(a, about, strict=strict)
        if not j.met:
            return None  # default_score raises, with how it judged: the full path says it
        if not j.explicit:
            notes.append(lenient_finding(a))
        return Score.later(full, self.weight, self._default, a)


def _compiled(row: IndicatorRow, node: Node, opts: Options) -> Compiled | CompiledComposite | None:
    """The rule compiled for the reading's indicator (once per process: ``scoring.cache.COMPILED``);
    None where neither numbers nor words have a fast path."""
    key = (row.rule, row.target, row.comparator, row.unit, row.weight, opts)

    def make() -> Compiled | CompiledComposite | None:
        assert row.weight is not None and isinstance(node, (Rule, Composite))
        c: Compiled | CompiledComposite
        try:
            if isinstance(node, Composite):
                c = CompiledComposite(node, target=row.target, weight=row.weight, comparator=row.comparator,
                                      unit=row.unit, options=opts)  # fmt: skip
            else:
                c = Compiled(node, target=row.target, weight=row.weight, comparator=row.comparator, unit=row.unit,
                             options=opts, defer=True)  # fmt: skip
        except ScoringError:
            return None
        if not c.is_fast and not (isinstance(c, Compiled) and c.worded is not None):
            return None  # neither numbers nor words have a fast path on this rule
        return c

    kept: Compiled | CompiledComposite | None = _cache.COMPILED.get(key, make)
    return kept


def _counts_only(node: Node | None) -> bool:
    """The rule reads no measured value, only counts of events (每发现一例扣1分): a bare 1 on a
    percent row is then one event, not a fraction that could be 1% or 100%."""
    return (
        isinstance(node, Rule)
        and not reads_value(node)
        and bool(node.deductions)
        and all(d.kind is StepKind.EVENTS for d in node.deductions)
    )


def _plain(actual: Any) -> bool:
    """A plain number, as ``quick`` takes it without a unit: an int, a finite Decimal, bare digits."""
    t = type(actual)
    if t is int:
        return True
    if t is Decimal:
        return bool(actual.is_finite())
    return t is str and (m := _PLAIN.fullmatch(actual)) is not None and not m[2]


def quick(fast: Compiled, actual: Any) -> Decimal | None:
    """The points of a plain number from the compiled rule: a Decimal or int, or a string of
    digits with a unit or none after it ("85", "85%", "250人"); None for anything else, and for
    what the generated code leaves to the evaluator (the full path then scores it)."""
    t = type(actual)
    if t is int:
        return fast.take(actual) if -_BOUND < actual < _BOUND else None
    if t is Decimal:
        # as for text (_PLAIN): only numbers far from the context's 28 digits; the evaluator says what is wrong with the rest
        return (
            fast.take(actual)
            if actual.is_finite() and (not actual or (-_BOUND < actual < _BOUND and actual.adjusted() > -7))
            else None
        )
    if t is not str:
        return None
    m = _PLAIN.fullmatch(actual)
    if m is None:
        return None
    if not m[2]:
        return fast.take(Decimal(m[1]))
    f = fast.take_written(m[2])
    return None if f is None else f(Decimal(m[1]))


__all__ = ["Hit", "Reading", "options_of", "profile_number", "quick", "reading_for", "reading_key", "row_profile"]
