"""The facade: parse, evaluate and Indicator, the three functions most callers need.
It sits on rules/, reading/ and scores/; the writer's tools and the command line call it."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from attrs import frozen

from .reading.values import to_decimal
from .rules.nodes import Composite, Node, Rule
from .rules.parser import parse as _parse
from .scores import evaluate as _ev


def parse(text: str) -> Node:
    """Parse 评（扣）分标准 text into a Rule (or a Composite of ①②③ sub-items).

    Raises RuleSyntaxError (with position, caret, what was expected and a hint) for text it
    does not understand, including text with no scoring logic at all.
    """
    return _parse(text)


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

    def score(self, actual: Any, **options: Any) -> _ev.Score:
        """Score this indicator. Rows with no rule text use the default method of their comparator."""
        rule = self.parsed()
        if rule is None:
            from .scores.defaults import score_default

            return score_default(self, actual, **options)
        return evaluate(rule, actual, target=self.target, weight=to_decimal(self.weight, "weight"),
                        comparator=self.comparator, unit=self.unit, **options)  # fmt: skip
