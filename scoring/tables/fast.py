"""The fast path of a scoring run: each static key's rule (or default method) compiled once per
profile, and a number scored by it at once, its 扣分原因 worked out when first read.

Whatever the fast path cannot decide returns None, and the full path (full_path.py) scores it;
the deferred 扣分原因 comes from the full path too, which must agree (``Score.later`` checks).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from .. import cache as _cache
from ..errors import RuleSyntaxError, ScoringError
from ..reading.cells import judge_text, read_actual
from ..reading.profiles import Profile
from ..reading.values import parse_value, yes_no
from ..rules.nodes import Composite, Node
from ..scores.compiled import RAISES, Compiled
from ..scores.compiled_composite import CompiledComposite
from ..scores.compiled_default import Fast as DefaultFast
from ..scores.compiled_default import ReadingFast, compile_default_parts
from ..scores.defaults import default_score, finish
from ..scores.evaluate import Options, Score
from .full_path import as_text, score_in_full
from .plan import Plan, static_key
from .rows import Finding, IndicatorRow, lenient_finding, read_as_text_finding

Hit = tuple[Score | None, str, tuple[Finding, ...]]  # a memoised row: score, method, findings (no row ids)
Later = tuple[IndicatorRow, Node, Any, Profile, Options]  # what the full path needs to explain a Score later

# ASCII digits only, as parse_value reads them (a fullwidth ８５ is text there); at most 18 of
# them (12 before the point, 6 after), so that no quantity nears the 28 digits of the decimal context
_BOUND = 10**12
_PLAIN = re.compile(r"\s*([0-9]{1,12}(?:\.[0-9]{1,6})?)\s*([^\s\d.,，。；;：:、()（）]*)\s*")


class FastPath:
    """The fast path of one run at one profile. The compiled rules and default methods are the
    plan's (``Plan.compiled``), so a table scored again does not compile again; ``flags`` are
    the points a 是/否 word scored on a static key whose rule has no compiled form."""

    def __init__(self, rule: Callable[[str], Node], plan: Plan, profile: Profile) -> None:
        self.rule = rule  # the ruleset's parsed rule of a text (parsed once per ruleset)
        self.plan = plan
        self.profile = profile
        self.compiled, self.defaults = plan.compiled.setdefault(profile, ({}, {}))
        self.flags: dict[tuple[int, bool], Decimal] = {}  # (static key, 是/否): points
        self.later = self._later  # bound once: Score.later keeps it on thousands of Scores

    def _later(self, args: Later) -> Score:
        row, node, actual, profile, opts = args
        return score_in_full(self.plan, row, node, actual, None, profile, opts)[0]

    def fast_rule(self, skey: int, row: IndicatorRow, node: Node, opts: Options) -> Compiled | CompiledComposite | None:
        """The row's rule compiled for its target, weight and the run's profile, when the fast
        path takes its shape (None otherwise); once per static key."""
        if skey in self.compiled:
            return self.compiled[skey]
        assert row.weight is not None
        key = (row.rule, row.target, row.comparator, row.unit, row.weight, opts)
        c: Compiled | CompiledComposite | None = _cache.COMPILED.get(key, lambda: _compile(row, node, opts))
        self.compiled[skey] = c
        return c

    def quick_for(self, row: IndicatorRow, skey: int, opts: Options) -> Callable[[Any], Hit | None] | None:
        """The fast path of one static key, for the run's profile (whose options are ``opts``), as
        one closure: a number (or a mapping of sub-item answers) → its points from the compiled
        rule, the 扣分原因 worked out when first read (``Score.later``); None where the full path
        must decide. Everything the closure needs is looked up once here."""
        assert row.weight is not None
        weight, profile, plan = row.weight, self.profile, self.plan
        later = Score.later
        if not row.rule:
            return self._default_quick(row, skey, profile, opts)
        try:
            node = self.rule(row.rule)
        except RuleSyntaxError:
            return None
        fast = self.fast_rule(skey, row, node, opts)
        if fast is None:
            return None

        def slowly(a: Any) -> Score:
            return score_in_full(plan, row, node, a, None, profile, opts)[0]

        if isinstance(fast, CompiledComposite):
            points = fast.points

            def composite(a: Any) -> Hit | None:
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

        def number(a: Any) -> Hit | None:
            p = quick(fast, a)
            if p is None or p is RAISES:
                return None
            return later(p, weight, slowly, a), "rule", ()

        return number

    def _default_quick(
        self, row: IndicatorRow, skey: int, profile: Profile, opts: Options
    ) -> Callable[[Any], Hit | None] | None:
        """``quick_for`` of a row without a rule: ``default_score``'s points without its 扣分原因
        (worked out when read) for a number (from the compiled default method), a number read
        out of words (``9.7万人，完成率97%``: ``read_actual``, then the compiled method), and
        words judged met (full marks, with the notes the scorer's full path gives). None: the full path."""
        assert row.weight is not None
        weight, later = row.weight, Score.later
        target = self.plan.target(row)
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

        def default(a: Any) -> Hit | None:
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
                    notes = (read_as_text_finding(a, row),)
                else:
                    return later(p, weight, explain, a), "default", ()
            if not a.strip():
                return None
            j = judge_text(a, about, strict=strict)
            if not j.met:
                return None  # default_score raises, with how it judged: the full path says it
            if not j.explicit:
                notes = (*notes, lenient_finding(a))
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
        key = (static_key(row), row.category, opts, profile.satisfaction, profile.qualitative)
        f: tuple[DefaultFast, ReadingFast] | None = _cache.DEFAULTS.get(key, lambda: compile_default_parts(
            row, opts, target=self.plan.target(row), satisfaction=profile.satisfaction,
            qualitative=profile.qualitative, category=row.category))  # fmt: skip
        self.defaults[skey] = f
        return f

    def quickly(self, skey: int, row: IndicatorRow, node: Node, actual: Any, profile: Profile,
                opts: Options) -> Score | None:  # fmt: skip
        """The points without the 扣分原因 where they come cheap, the rest worked out when first
        read (``Score.later``, from ``score_in_full``, which must agree): a number (or one read out
        of words) from the compiled rule; a 是/否 word from its ``flag_points``; other words from
        its ``word_points``, or, where the evaluator refuses them, judged met or not and scored as
        是/否. On a rule with no compiled form, a 是/否 word takes the points an earlier word of
        the same flag scored on this row (``flags``). None: take the full path."""
        assert row.weight is not None
        weight = row.weight
        args = (row, node, actual, profile, opts)  # for the 扣分原因, worked out by score_in_full when read
        flag = yes_no(actual) if type(actual) is str else None
        fast = self.fast_rule(skey, row, node, opts)
        if flag is not None:
            shared = fast.flag_points(flag) if isinstance(fast, Compiled) else self.flags.get((skey, flag))
            return None if shared is None or shared is RAISES else Score.later(shared, weight, self.later, args)
        if fast is None or isinstance(fast, CompiledComposite):
            return None  # (the static key's closure took the mappings it could)
        points = quick(fast, actual)
        words = type(actual) is str and parse_value(actual, row.unit) is None
        if points is None and words:
            target = self.plan.target(row)
            reading = read_actual(actual, target, row.unit) if target.kind == "number" else None
            if reading is not None and reading.quantity is not None and reading.how:
                # a worded outcome with a number in it (9.7万人，完成率97%): the number read out of it
                points = quick(fast, as_text(reading.quantity))
                words = False
            else:  # words the evaluator reads as a label
                points = fast.word_points(actual)
        if points is RAISES:
            # the evaluator refuses the outcome: words are then judged met or not (numbers are not)
            if not words:
                return None
            # on a row with a rule, words are judged strictly (issue 10): a statement with no word of
            # failure is not taken as met; the lenient reading stays for rows without rule text
            j = judge_text(actual, row.target or "", strict=True)
            points = None if j.met is None else fast.flag_points(j.met)
        return None if points is None or points is RAISES else Score.later(points, weight, self.later, args)


def _compile(row: IndicatorRow, node: Node, opts: Options) -> Compiled | CompiledComposite | None:
    """The row's rule compiled for its indicator; None where neither numbers nor words have a fast path."""
    assert row.weight is not None
    c: Compiled | CompiledComposite | None
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


__all__ = ["FastPath", "Hit", "quick"]
