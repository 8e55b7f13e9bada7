"""Compiled rules for bulk scoring: resolve everything that does not depend on the actual once.

``scoring.compile(rule, target=, weight=, comparator=, unit=, **options)`` returns a
``Compiled`` whose ``points(actual)`` is a Python function generated for that one rule and
indicator (``Compiled.source`` shows it): vetoes and bands as ``if`` tests in order, the
deductions as straight-line Decimal arithmetic, every constant bound once, and the tests that
the bands make impossible left out (a step past a floor band needs no ``d > 0``; a deduction
that cannot reach 0 needs no clamp). No text, no node walking, no explanation.

The generated code takes a number (an int or Decimal actual, in the row's unit) and repeats the
evaluator's arithmetic operation for operation, so that the points are the same to the last
digit. Everything that depends only on units and the rule (which quantity a band compares, the
line a step counts from, the direction of a deviation, relative or in points, a unit mismatch)
comes from the reading's plans (``scoring.reading.scales``), the same the evaluator follows, for
the scale of the actual (a bare number; a number written with a unit, ``take_written``); what a
row's unit multiplies a bare number by (万) is read off ``bare_quantity``. The evaluator is asked
once per rule only for the points of 是/否 on a worded rule and for its refusals' messages.
Branches that the evaluator answers with
an error or a request for a hand score go to the full evaluator, as do actuals of any other type:
``points`` always equals ``evaluate(...).points`` — property tests check it. Shapes covered:
bands on the value, its completion ratio or its deviation from the target, 达标 (TargetMet)
awards, formulas, vetoes, distance, event and one-off deductions, caps and a lifted floor,
按比例赋分, and worded rules given a number (bonuses, shortfall tiers in points, worded vetoes and
rules of several inputs are the evaluator's). Composites are ``scoring.compiled_composite``'s.
``Compiled.score(actual)`` gives the full Score with explanation and trace.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from ..errors import ScoringError
from ..reading.bind import checklist, joint_parts, reads_rank, reads_rank_share
from ..reading.bind import measured_subjects as _measured_subjects
from ..reading.bind import reads_value as _reads_value
from ..reading.bind import separate_inputs as _inputs_of
from ..reading.deadlines import answer_date
from ..reading.scales import (
    decline_bands,
    deviation_itself,
    on_target,
    rank_steps_after_bands,
    two_quantities,
    unsigned_growth,
)
from ..reading.values import bare_quantity, parse_value, to_decimal
from ..reading.values import comparator as _comparator
from ..rules.nodes import (
    Award,
    ByHand,
    Composite,
    Formula,
    FullMarks,
    Label,
    Measure,
    Node,
    Otherwise,
    Points,
    Quantity,
    Range,
    Rule,
    Schedule,
    ShareOfWeight,
    StepKind,
    TargetMet,
    Veto,
    Zero,
)
from .answers import _actual, _Ctx, _In, _match_label, _target_value, counted_bands, row_unit, written_label
from .codegen import _PROBE, _generate, _none, _or, _raises
from .codegen import RAISES as RAISES  # the sentinel bulk scoring compares with (tables/readings.py)
from .compiled_composite import numbers_refused
from .evaluate import _points_within
from .evaluate import evaluate as _evaluate
from .results import Options, Score, _fmt, make_options


class Compiled:
    """A rule bound to one indicator's target, weight, comparator, unit and options."""

    def __init__(self, rule: Node, *, target: Any = None, weight: Any, comparator: str | None = None,
                 unit: str | None = None, options: Options | None = None, defer: bool = False,
                 **option_values: Any) -> None:  # fmt: skip
        """``options``: an Options already made (bulk scoring makes one per profile), or the
        option values by name (places=, rounding=, partial=, …), not both.

        ``defer``: for bulk scoring, which has its own full path (worded outcomes, notes):
        ``take(x)`` and ``take_written(unit)(x)`` return None for every actual the generated
        code leaves to the evaluator, instead of calling it."""
        self.rule = rule
        self._as_written = rule  # what the evaluator is given: it reads the rule on the row itself (on_target)
        self.kwargs = dict(target=target, weight=weight, comparator=comparator, unit=unit)
        if options is not None and not isinstance(options, Options):
            raise TypeError(f"options must be an Options, not {type(options).__name__}")
        if options is not None and option_values:
            raise TypeError("give options= or option values by name, not both")
        self.options = options if options is not None else make_options(**option_values)
        self.weight = to_decimal(weight, "weight")
        self._defer = defer
        # points(actual): the rounded points, from generated code for an int or Decimal actual (a
        # number in the row's unit), from the full evaluator for anything else
        self.points: Callable[[Any], Decimal] = self._slow
        # with defer=True: the generated code alone (None: ask the evaluator; RAISES: it raises)
        self.take: Callable[[Any], Decimal | None] = _none
        self.source = ""  # the generated code, for reading
        self._written: dict[str, Callable[[Decimal], Decimal | None] | None] = {}
        self._by_clause: dict[int, Decimal] = {}  # word_points: per clause of a worded rule
        self._flags: dict[bool, Decimal] = {}  # flag_points
        self._flag_errors: dict[bool, str] = {}  # flag_points: the evaluator's refusal of 是/否
        self._ctx = self._context(target, comparator, unit)
        # the generated code's reading: the evaluator refuses every plain number (in the row's unit)
        # in every branch (the message quotes the number: ``shown``)
        self.refuses_numbers = False
        # 偏差率在5%以内 on a row of ≤5% (the value the deviation itself): a negative answer is refused there
        signed = isinstance(rule, Rule) and self._ctx is not None and deviation_itself(rule, self._ctx.setting) is not rule
        if isinstance(rule, Rule) and self._ctx is not None:
            rule = self.rule = on_target(rule, self._ctx.setting)  # the rule as it reads on this row
        # awards above the weight: a lower band worth more than the row refuses every answer (the
        # evaluator says why); one top award above it is capped by the weight, in the generated code too
        self._by_evaluator = isinstance(rule, Rule) and (
            _answers_by_evaluator(rule)
            or not _within(rule, self.weight, self._ctx)
            or (self._ctx is not None and two_quantities(rule, self._ctx.setting) is not None)
            or signed
            or bool(unsigned_growth(rule))  # 增长10%以内 with no word on a decline: a negative answer is refused there
            or bool(decline_bands(rule))  # 下降10%以上: a bare number is refused there (§163)
            # 第1-3位…分别得…，第4位及以后每后移一位扣0.5分: a place past the listed ones is refused there
            or (isinstance(rule, Rule) and rank_steps_after_bands(rule) is not None)
        )
        if self._ctx is None or not isinstance(rule, Rule) or self.weight < 0 or self._by_evaluator:
            return
        bare = _In(bare_quantity(_PROBE, self._ctx.unit), raw=Quantity(_PROBE))
        made = _generate(rule, self._ctx, bare, _none if defer else self._slow, _raises if defer else self._slow)
        if made is not None and not made[0]:
            self.refuses_numbers = True
        elif made is not None:
            self.source, f = made
            self.take = f
            self.points = _or(f, self._slow) if defer else f

    def take_written(self, unit: str) -> Callable[[Decimal], Decimal | None] | None:
        """For numbers written with ``unit`` after them ("85%", "250人", "9.7万人"): a function of
        the number as written (85, 250, 9.7), generated on first use; None where the evaluator
        would not read such text as one number of that unit. Like ``take``, it returns None for
        what it leaves to the evaluator (it never calls the evaluator itself)."""
        if unit in self._written:
            return self._written[unit]
        if len(self._written) >= _WRITTEN_MAX:
            return None  # junk after numbers in a long-lived table: the evaluator reads the rest
        f = None
        text = f"{_PROBE}{unit}"
        v = parse_value(text, None)
        if (
            self._ctx is not None
            and isinstance(self.rule, Rule)
            and not self._by_evaluator
            and v is not None
            and v.op is None
        ):
            x = _actual(text, self._ctx)
            if x.quantity is not None and x.flag is None and x.label is None:
                made = _generate(self.rule, self._ctx, x, _none, _raises)
                f = made[1] if made is not None and made[0] else None
        self._written[unit] = f
        return f

    @functools.cached_property
    def label_points(self) -> Decimal | None:
        """The points of any worded outcome that is not 是/否 and holds no number (显著, 执行到位),
        where they do not depend on the words: the rule has no worded condition (a label, 否则,
        达标) whose text could match them. RAISES where the evaluator refuses every such word;
        None where the words matter, or for a composite."""
        if not isinstance(self.rule, Rule):
            return None
        conditions = [c.condition for c in self.rule.clauses if isinstance(c, (Award, Veto))]
        if any(isinstance(c, (Label, Otherwise, TargetMet)) for c in conditions):
            return None
        try:
            return self.score("标签").points  # read as a label: yes_no and parse_value give None for it
        except ScoringError:
            return RAISES
        except Exception:
            return None

    @functools.cached_property
    def worded(self) -> tuple[Award, ...] | None:
        """The worded clauses (labels, 否则, 达标) of a rule that the evaluator matches a worded
        outcome against and nothing else (``_choose_label``): each with fixed points
        (符合要求得满分，不符合要求不得分; 完成得满分，完成90%以上得9分…), on a rule without event
        deductions (with them, the evaluator tests each band instead); None for any other rule.
        (A veto never holds for words that are neither 是/否 nor a number: ``_veto_holds``.)"""
        rule = self.rule
        if not isinstance(rule, Rule) or self._ctx is None:
            return None
        if any(d.kind is not StepKind.DISTANCE for d in rule.deductions):
            return None
        awards = tuple(a for a in rule.awards if isinstance(a.condition, (Label, Otherwise, TargetMet)))
        if not all(isinstance(a.outcome, (FullMarks, Points, ShareOfWeight, Zero, ByHand)) for a in awards):
            return None
        return awards or None

    def word_points(self, text: str) -> Decimal | None:
        """The points of a worded outcome that is not 是/否 and holds no number: ``label_points``
        where the words do not matter; on a rule written in words only (``worded``), the points
        of the clause the evaluator matches the words to (worked out once per clause: they do
        not depend on the words), or RAISES where it matches none (the evaluator raises: “…”不是
        这条规则的等级) or the clause asks for a hand score; None where the words matter otherwise."""
        points = self.label_points
        awards = self.worded
        if points is not None or awards is None:
            return points
        match = _match_label(list(awards), text.strip())
        if match is None and isinstance(self.rule, Rule) and (written := written_label(self.rule, text)) is not None:
            match = _match_label(list(awards), written)  # 群众反映良好，无负面舆情: a note and its label (§118)
        if match is None and answer_date(text) is not None:
            return None  # 2024年6月15日 against deadlines: the evaluator places the date (semantics §88)
        if match is None:
            return RAISES
        key = awards.index(match)
        points = self._by_clause.get(key)
        if points is None:
            try:
                points = self.score(text).points
            except ScoringError:
                points = RAISES
            except Exception:
                return None
            self._by_clause[key] = points
        return points

    def flag_refusal(self, met: bool) -> str | None:
        """The evaluator's refusal of 是 (``met``) or 否 alone, once ``flag_points`` has asked it."""
        return self._flag_errors.get(met)

    @functools.cached_property
    def rule_refusal(self) -> str | None:
        """The evaluator's refusal of every answer, where the rule contradicts its row (a lower band
        worth more than the weight: ``_points_within``) or a composite has a clause over all its items
        with no input of its own: one message, worked out once."""
        rule = self.rule
        if (isinstance(rule, Rule) and not _within(rule, self.weight, self._ctx)) or (
            isinstance(rule, Composite) and rule.shared is not None
        ):
            try:
                self.score(Decimal(0))  # evaluate's message: what it checks before the rule comes first
            except ScoringError as e:
                return str(e)
        return None

    @functools.cached_property
    def number_refusal(self) -> str | None:
        """The evaluator's refusal of any one plain number on a rule that needs several answers
        (a value and an event count, two events, two named values: ``_one_answer_fits``; a composite
        of several items), worked out once: the message does not depend on the number. None for
        any other rule."""
        rule = self.rule
        if isinstance(rule, Composite):
            if not numbers_refused(rule):
                return None
        elif not isinstance(rule, Rule):
            return None
        elif len(_inputs_of(rule)) + max(len(_measured_subjects(rule)), 1 if _reads_value(rule) else 0) < 2:
            return None
        try:
            self.score(Decimal(0))
        except ScoringError as e:
            return str(e)
        return None

    def flag_points(self, met: bool) -> Decimal | None:
        """The points of 是 (``met``) or 否: what the evaluator gives the flag alone, once per
        rule; RAISES where it raises, None where it fails otherwise (the full path reports it)."""
        if met not in self._flags:
            try:
                self._flags[met] = self.score(met).points
            except ScoringError as e:
                self._flags[met] = RAISES
                self._flag_errors[met] = str(e)
            except Exception:
                return None
        return self._flags[met]

    def shown(self, x: Decimal) -> tuple[str, ...]:
        """How the evaluator's messages write the plain number ``x``: in the row's unit, then as
        written (``_fmt`` of the answer's quantity and raw): the part of a refusal's message that
        changes with the number."""
        if self._ctx is None:
            return ()
        try:
            a = _actual(x, self._ctx)
        except ScoringError:
            return ()
        return tuple(_fmt(q) for q in (a.quantity, a.raw) if q is not None)

    @property
    def is_fast(self) -> bool:
        """Numbers are scored by generated code (not only by the evaluator)."""
        return bool(self.source)

    def _context(self, target: Any, comparator: str | None, unit: str | None) -> _Ctx | None:
        """The evaluator's context for this indicator, as ``evaluate`` builds it (None where
        building it raises: then every actual goes to the evaluator, which raises the same)."""
        try:
            tv = _target_value(target, unit)
            op = _comparator(comparator) if comparator else None
        except (ScoringError, TypeError):
            return None
        if op is None and tv is not None:
            op = tv.op
        return _Ctx(self.weight, tv, op, row_unit(unit, tv, target), self.options)

    # -------------------------------------------------------------- scoring
    def _slow(self, actual: Any) -> Decimal:
        return self.score(actual).points

    def score(self, actual: Any) -> Score:
        """The full Score (explanation and trace) from the evaluator."""
        o = self.options
        return _evaluate(self._as_written, actual, target=self.kwargs["target"], weight=self.weight,
                         comparator_=self.kwargs["comparator"], unit=self.kwargs["unit"], options=o)  # fmt: skip


_WRITTEN_MAX = 64  # units take_written generates code for, per compiled rule


def _within(rule: Rule, weight: Decimal, ctx: Any = None) -> bool:
    """The rule's awards fit the row's weight as the evaluator reads them (``_points_within``, on the row's
    comparator)."""
    try:
        _points_within(rule, weight, ctx.setting.op if ctx is not None else None)
    except ScoringError:
        return False
    return True


def _answers_by_evaluator(rule: Rule) -> bool:
    """Rules whose numbers the evaluator alone answers, because a number fills only some of their
    inputs (typed inputs, domain point 20): a worded veto or a one-off deduction (a number counts
    the event only where the words name one), a rule with several inputs (the evaluator refuses
    one answer for them all), a worded rule (a number answers it only through the target or as
    an event count)."""
    separate = _inputs_of(rule)
    if not rule.awards and not rule.deductions and rule.proportional is None:
        return True  # vetoes alone
    if any(isinstance(a.outcome, Formula) and a.outcome.cap is not None for a in rule.awards):
        return True  # 得分=…，最高5分: the generated code does not bound a formula by its cap
    if rule.below_zero and any(isinstance(a.outcome, Formula) for a in rule.awards):
        return True  # 该项可负分 with a formula: the generated code clamps a formula's points at 0
    if rule.bonuses:
        return True  # 加分 (domain point 18): the generated code does not add bonuses
    if rule.waivers:
        return True  # 但…的，可不扣分 (semantics §105): an exception's own 是/否, the evaluator's
    if rule.floor is not None:
        return True  # 最低得2分 (semantics §102): a floor the generated code does not apply, the evaluator's
    if rule.cap_share is not None:
        return True  # 扣分不超过本项分值的50% (semantics §84): a cap the weight decides, the evaluator's
    if any(isinstance(c, Schedule) for c in rule.clauses):
        return True  # 9月…应完成任务比例为30%… (semantics §132): the evaluator checks the row's target is a period's
    if joint_parts(rule) is not None:
        return True  # 满意度达到90%且投诉率低于1% (semantics §100): numbered answers, one per condition, the evaluator's
    if checklist(rule) is not None:
        return True  # a checklist (domain point 17): one 是/否 per thing, the evaluator's
    if reads_rank(rule):
        return True  # a rank (domain point 19): the evaluator refuses one that is no whole number from 1
    if any(d.sample is not None for d in rule.deductions):
        return True  # (抽10份…)1份不真切扣1分: the evaluator refuses a count above the sample (semantics §145)
    if any(isinstance(a.outcome, Formula) and a.condition is None for a in rule.awards) and rule.deductions:
        return True  # a formula the deductions count from (semantics §145): the evaluator's
    if counted_bands(rule):
        return True  # bands that count (1次扣1分，2次扣2分…): the evaluator refuses a count below 0 or between whole ones
    if reads_rank_share(rule):
        return True  # 排名前30% (semantics §109): a rank and the number ranked, read by the evaluator
    if any(isinstance(a.condition, Range) and a.condition.measure in (Measure.GAP, Measure.EXCESS) for a in rule.awards):
        return True  # 低于目标10个百分点以内的扣3分 / 超支5%以内扣1分 (domain point 16): one side of the target only
    if any(isinstance(v.condition, (Label, Otherwise, TargetMet)) for v in rule.vetoes):
        return True
    if any(isinstance(a.outcome, ByHand) and a.outcome.deduct and isinstance(a.condition, Range) for a in rule.awards):
        return True  # 满意度低于90%的酌情扣分 (semantics §86): nothing is lost beyond the band, the evaluator's reading
    # 全年未出现事故，计10分 / 合规率100%得满分，每发现一例… (a number counts the events) and worded
    # rules (完成得满分，未完成不得分: a number answers them through the target or as an event count)
    # are generated: codegen._award_test and codegen._met_code follow the evaluator's _holds and
    # _number_meets, and leave to it what a number cannot answer
    # several inputs (the evaluator's _one_answer_fits): two named measured values count as two
    return len(separate) + max(len(_measured_subjects(rule)), 1 if _reads_value(rule) else 0) >= 2


def compile_rule(rule_or_text: Node | str, *, target: Any = None, weight: Any, comparator: str | None = None,
                 unit: str | None = None, **options: Any) -> Compiled:  # fmt: skip
    """Bind a rule to one indicator for repeated scoring (see the module docstring)."""
    from ..rules.parser import parse

    rule = parse(rule_or_text) if isinstance(rule_or_text, str) else rule_or_text
    return Compiled(rule, target=target, weight=weight, comparator=comparator, unit=unit, **options)
