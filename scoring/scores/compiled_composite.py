"""Composite rules (①②③…) bound to one indicator, for bulk scoring of per-item answers.

A composite scores the sum of its items, each clamped to its own points, so with the static
context fixed (weight, target, comparator, unit, options) an item's contribution depends only on
its own answer. ``CompiledComposite.points`` memoises that contribution per (item, answer) and
adds the memoised values in item order with the same Decimal operations as ``evaluate``'s
``_composite``, then clamps and rounds as ``evaluate`` does, so the points are bit-identical. A
memo miss is computed by the evaluator's own functions, never a copy of their logic. Anything
else — not a mapping, keys that are not the items' own numbers, an answer of another type than str, int,
bool or Decimal, an item that raises, another decimal context, a rule with shared clauses — goes to
``evaluate``, so the result and any error are the evaluator's. Errors are never memoised.
"""

from __future__ import annotations

import decimal
import functools
from collections.abc import Mapping
from decimal import Decimal
from enum import Enum
from typing import Any

from ..errors import EvaluationError
from ..reading.values import Value, comparator, normalize_unit, to_decimal, yes_no
from ..rules.nodes import Composite, Item, Op
from .answers import _actual, _Ctx, _keyed, _target_value
from .evaluate import _rule, _veto_holds, evaluate
from .results import ROUNDING_MODES, ZERO, Options, Score

# answers memoised as they are; any other type (float, None, a subclass…) goes to the evaluator
_PLAIN = frozenset({str, int, bool, Decimal})
_MEMO_MAX = 4096  # distinct answers kept per item; past it the item's memo starts again


class _Known(Exception):
    """An (item, answer) where the evaluator was seen to fail: its error again, without asking."""

    def __init__(self, args: tuple[Any, ...]) -> None:
        self.args_ = args


class _Kind(Enum):
    VETO = "veto"  # a veto item: holds (the whole composite scores 0) or not (adds nothing)
    CHECKLIST = "checklist"  # no clauses: 是 scores the item's points, 否 scores 0
    RULE = "rule"  # its own rule, clamped to [0, points]
    INVALID = "invalid"  # no points and none implied: the evaluator raises when it gets here


def numbers_refused(rule: Composite) -> bool:
    """Every plain number is refused with one message (分项规则需要每一项的实际值…): two or more items,
    none of whose words a number could name as a grade (words starting with a digit or a sign)."""
    if rule.shared is not None or len(rule.items) < 2 or rule.per_item:
        return False  # (每完成1项取得该项分数: a count of the items done may answer, semantics §86)
    for item in rule.items:
        first = item.rule.clauses[0] if item.rule.clauses else None
        text = getattr(getattr(first, "condition", None), "text", None) or getattr(first, "text", "")
        if text and (text[0].isdigit() or text[0] in "-+."):
            return False
    return True


class CompiledComposite:
    """A composite rule bound to one indicator's target, weight, comparator, unit and options."""

    def __init__(self, rule: Composite, *, target: Any, weight: Decimal, comparator: str | None, unit: str | None,
                 options: Options) -> None:  # fmt: skip
        if rule.cases:
            # 山区：…。其它地区：… (semantics §142): one case applies, named by the answer; the evaluator's
            raise EvaluationError("按情形分别计分的规则由逐条计分处理")
        self.rule = rule
        self.target = target
        self.comparator = comparator
        self.unit = unit
        self.options = options
        self.weight = to_decimal(weight, "weight")
        self._quantum = Decimal(1).scaleb(-options.places)
        self._mode = ROUNDING_MODES[options.rounding]
        n = len(rule.items)
        self._numbers = [i.number for i in rule.items]
        # answers keyed as people key them ({"1": "是", "2": "否"}): looked up as they are
        self._by_text = {str(n): n for n in self._numbers}
        self._items: tuple[Item, ...] = rule.items
        self._kinds: list[_Kind] = []
        self._points: list[Decimal] = []
        self._memo: list[dict[Any, Any]] = [{} for _ in range(n)]
        # (item, answer) → the evaluator's EvaluationError when that item, reached first with that
        # answer, is where the whole composite fails (its message depends on the item and answer only)
        self._errors: list[dict[Any, tuple[Any, ...]]] = [{} for _ in range(n)]
        # the memo holds values computed under this decimal context; another one is left to the evaluator
        dc = decimal.getcontext()
        self._decimal = (dc.prec, dc.rounding)
        # what evaluate works out before it looks at the actual; if any of it fails, evaluate fails on
        # every actual, so every call goes there (and raises there)
        self._fast = False
        if rule.shared is not None:
            return  # clauses for all items (before ①): _composite leaves them out today, and may not tomorrow
        try:
            self._static = self._context()
            self._classify()
        except Exception:
            return
        self._fast = True

    def _context(self) -> tuple[Decimal, Value | None, Op | None, str]:
        w = self.weight
        if w < 0:
            raise ValueError("negative weight")  # evaluate raises its own error for it
        u = normalize_unit(self.unit)
        tv = _target_value(self.target, self.unit)
        op = comparator(self.comparator) if self.comparator else None
        if op is None and tv is not None:
            op = tv.op
        return w, tv, op, u

    def _classify(self) -> None:
        """Each item's kind and points, as ``_composite`` decides them (they do not depend on the actual)."""
        items = self._items
        known = sum((i.points for i in items if i.points is not None), ZERO)
        unknown = [i for i in items if i.points is None and not i.rule.vetoes]
        implied = (self.weight - known) / len(unknown) if unknown else ZERO
        for item in items:
            r = item.rule
            points = item.points if item.points is not None else implied
            if r.vetoes and not r.awards and not r.deductions:
                kind = _Kind.VETO
            elif points <= 0:
                kind = _Kind.INVALID
            elif not (r.awards or r.deductions or r.proportional):
                kind = _Kind.CHECKLIST
            else:
                kind = _Kind.RULE
            self._kinds.append(kind)
            self._points.append(points)

    @property
    def is_fast(self) -> bool:
        """Whether mappings can be scored from the memo (else every call is the full evaluator)."""
        return self._fast

    # -------------------------------------------------------------- scoring
    @functools.cached_property
    def rule_refusal(self) -> str | None:
        """The evaluator's refusal of every answer: a clause over all items with no input of its
        own (发生安全事故的直接计0分。①…②…), worked out once."""
        if self.rule.shared is None:
            return None
        try:
            self.score({})
        except EvaluationError as e:
            return str(e)
        return None

    @functools.cached_property
    def number_refusal(self) -> str | None:
        """The evaluator's refusal of any one plain number for two or more items (it needs an answer
        per item; the message names no number), worked out once; None where a number could still
        name an item used as a grade (an item's words starting with a digit or a sign)."""
        if not numbers_refused(self.rule):
            return None
        try:
            self.score(Decimal(0))
        except EvaluationError as e:
            return str(e)
        return None

    def score(self, actual: Any) -> Score:
        """The full Score (explanation and trace) from the evaluator."""
        return evaluate(self.rule, actual, target=self.target, weight=self.weight, comparator_=self.comparator,
                        unit=self.unit, options=self.options)  # fmt: skip

    def points(self, actual: Any) -> Decimal:
        """``evaluate(...).points``: from the memo for a mapping of per-item answers, else from the evaluator."""
        if not self._fast or not (type(actual) is dict or isinstance(actual, Mapping)):
            return self.score(actual).points
        dc = decimal.getcontext()
        if (dc.prec, dc.rounding) != self._decimal:
            return self.score(actual).points
        by_text = self._by_text
        if type(actual) is dict and len(actual) == len(by_text) and actual.keys() == by_text.keys():
            keyed = {by_text[k]: v for k, v in actual.items()}  # what _keyed gives, without its checks
        else:
            try:
                keyed = _keyed(actual, self._numbers)
            except Exception:
                return self.score(actual).points
        total = ZERO
        memo = self._memo
        kinds = self._kinds
        for i, item in enumerate(self._items):
            key: Any = None
            try:
                answer = keyed[item.number]
                t = type(answer)
                if t not in _PLAIN:
                    return self.score(actual).points
                key = answer if t is str else (t, answer.as_tuple()) if t is Decimal else (t, answer)
                m = memo[i]
                value = m.get(key)
                if value is None:
                    failed = self._errors[i].get(key)
                    if failed is not None:
                        raise _Known(failed)
                    value = self._item(i, answer)
                    if len(m) >= _MEMO_MAX:
                        m.clear()
                    m[key] = value
            except _Known as known:
                raise EvaluationError(*known.args_) from None
            except Exception:
                # the evaluator gives the error (or, should it not raise, the points)
                try:
                    return self.score(actual).points
                except EvaluationError as e:
                    if key is not None and len(self._errors[i]) < _MEMO_MAX:
                        self._errors[i][key] = e.args  # its message, not the exception: a traceback would keep the run
                    raise
            if kinds[i] is _Kind.VETO:
                if value:
                    total = ZERO  # _composite returns 0 at once; later items are not looked at
                    break
                continue
            total += value
        try:
            exact = min(max(total, ZERO), self.weight)
            return exact.quantize(self._quantum, rounding=self._mode)
        except Exception:
            return self.score(actual).points

    def _item(self, i: int, answer: Any) -> Any:
        """Item ``i``'s contribution to the total (a veto item: whether it holds), by the evaluator's functions.
        Raises what they raise; the caller then asks the full evaluator."""
        kind = self._kinds[i]
        item = self._items[i]
        w, tv, op, u = self._static
        ctx = _Ctx(w, tv, op, u, self.options)
        if kind is _Kind.VETO:
            x = _actual(answer, ctx)
            return any(_veto_holds(v.condition, x, ctx) for v in item.rule.vetoes)
        if kind is _Kind.INVALID:
            raise ValueError(f"item {item.number} has no points")
        points = self._points[i]
        if kind is _Kind.CHECKLIST:
            met = yes_no(answer)
            if met is None:
                raise ValueError(f"item {item.number} needs 是 or 否")
            return points if met else ZERO
        value = _rule(item.rule, answer, ctx, points)
        return min(max(value, ZERO), points)
