"""The facade: parse, evaluate and Indicator, the three functions most callers need.
It sits on rules/, reading/ and scores/; the writer's tools and the command line call it."""

from __future__ import annotations

import functools
from collections.abc import Callable
from decimal import Decimal, DivisionByZero, Overflow
from typing import Any, TypeVar

from attrs import frozen

from .errors import EvaluationError
from .reading.values import to_decimal
from .rules.nodes import Composite, Node, Rule
from .rules.parser import parse as _parse
from .scores import evaluate as _ev
from .scores.compiled import Compiled
from .scores.compiled import compile_rule as _compile_rule

#: What the arithmetic can raise on values it cannot hold (decimal's traps: DivisionByZero,
#: InvalidOperation, Overflow; ZeroDivisionError, OverflowError) and on nesting it cannot follow.
ARITHMETIC = (ArithmeticError, RecursionError)

F = TypeVar("F", bound=Callable[..., Any])


class ArithmeticLimitError(EvaluationError):
    """A value the exact arithmetic cannot hold: a step of 0 (每0例), more digits than the decimal
    context keeps (a 25-digit count, a weight of 10**30), an exponent out of range (1E+999999…)."""


def arithmetic_error(e: BaseException) -> EvaluationError:
    """The ScoringError for one of ARITHMETIC (a message in Chinese, no traceback kept)."""
    if isinstance(e, (DivisionByZero, ZeroDivisionError)):
        return ArithmeticLimitError("计算中出现除以零：规则中的步长、基数或目标值为0，无法计分")
    if isinstance(e, (Overflow, OverflowError)):
        return ArithmeticLimitError("数值过大，超出可计算的范围，无法计分")
    if isinstance(e, RecursionError):
        return ArithmeticLimitError("规则嵌套过深，无法计分")
    return ArithmeticLimitError("数值超出可精确计算的范围（位数过多、指数过大或不是有限数），无法计分")


def guarded(f: F) -> F:
    """``f`` raising a ScoringError where the arithmetic would raise one of ARITHMETIC."""

    @functools.wraps(f)
    def g(*args: Any, **kwargs: Any) -> Any:
        try:
            return f(*args, **kwargs)
        except ARITHMETIC as e:
            error = arithmetic_error(e)
        raise error  # outside the except clause: the arithmetic error, and its frames, are not kept as context

    return g  # type: ignore[return-value]


@guarded
def parse(text: str) -> Node:
    """Parse 评（扣）分标准 text into a Rule (or a Composite of ①②③ sub-items).

    Raises RuleSyntaxError (with position, caret, what was expected and a hint) for text it
    does not understand, including text with no scoring logic at all.
    """
    return _parse(text)


@guarded
def evaluate(
    rule_or_text: Node | str,
    actual: Any,
    *,
    target: Any = None,
    weight: Any,
    comparator: str | None = None,
    unit: str | None = None,
    **options: Any,
) -> _ev.Score:
    """Score one indicator: the rule (or its text) applied to ``actual``.

    ``actual``, ``target`` and ``weight`` accept Decimal, int or str ("85%", "1万人", "≥90%");
    float raises TypeError. ``options``: places, rounding ("half_up" | "truncate"),
    partial ("prorata" | "ceil" | "floor"), reverse ("ratio" | "linear").
    """
    rule = parse(rule_or_text) if isinstance(rule_or_text, str) else rule_or_text
    if not isinstance(rule, (Rule, Composite)):
        raise TypeError(f"rule must be a Rule, Composite or str, not {type(rule_or_text).__name__}")
    opts = _ev.make_options(**options)
    return _ev.evaluate(rule, actual, target=target, weight=weight, comparator_=comparator, unit=unit, options=opts)


@guarded
def compile(
    rule_or_text: Node | str,
    *,
    target: Any = None,
    weight: Any,
    comparator: str | None = None,
    unit: str | None = None,
    **options: Any,
) -> Compiled:
    """Bind a rule to one indicator for repeated scoring (``scoring.scores.compiled``): its
    ``points`` and ``score`` raise a ScoringError, never an arithmetic error, like ``evaluate``."""
    c = _compile_rule(rule_or_text, target=target, weight=weight, comparator=comparator, unit=unit, **options)
    c.points = guarded(c.points)
    setattr(c, "score", guarded(c.score))  # noqa: B010 (an instance attribute over the method)
    return c


@frozen
class Indicator:
    """三级指标: a row of a target table. ``target`` is the 指标值 as written (≥90%, 1万人, 提升)."""

    name: str
    target: str | None
    weight: Decimal | int | str
    rule: str | None = None
    comparator: str | None = None
    unit: str | None = None

    def parsed(self) -> Node | None:
        return parse(self.rule) if self.rule else None

    @guarded
    def score(self, actual: Any, **options: Any) -> _ev.Score:
        """Score this indicator. Rows with no rule text use the default method of their comparator."""
        rule = self.parsed()
        if rule is None:
            from .scores.defaults import score_default

            return score_default(self, actual, **options)
        return evaluate(rule, actual, target=self.target, weight=to_decimal(self.weight, "weight"),
                        comparator=self.comparator, unit=self.unit, **options)  # fmt: skip
