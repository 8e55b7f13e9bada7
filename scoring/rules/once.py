"""Facts about a rule worked out once per rule object (bind once, score many).

The evaluator asks the same questions of a rule on every answer: which clauses take their own
answer, whether its bands count from the last place, what its deviation bands compare on this
row. Their answers depend only on the rule (and, for some, the row's setting), never on the
answer, so ``per_rule`` keeps each in the rule's own memo (``Rule.memo``). A parsed rule is shared
by every row and call that scores the same text (the parse cache), so its facts are shared too.

Only functions of immutable results are memoised (a bool, a node, a tuple): a caller can never
change what another call sees. A function that raises is not memoised (it raises again).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, TypeVar, cast

if TYPE_CHECKING:
    from .nodes import Rule

T = TypeVar("T")
S = TypeVar("S", bound=Hashable)

_MAX_SETTINGS = 64  # one rule scored against many rows' settings: the memo is cleared rather than grown without end


def per_rule(fn: Callable[[Rule], T]) -> Callable[[Rule], T]:
    """``fn(rule)``, worked out once per rule object."""

    @functools.wraps(fn)
    def once(rule: Rule) -> T:
        memo = rule.memo
        try:
            return cast(T, memo[fn])
        except KeyError:
            out = memo[fn] = fn(rule)
            return out

    return once


def per_rule_and(fn: Callable[[Rule, S], T]) -> Callable[[Rule, S], T]:
    """``fn(rule, setting)``, worked out once per rule object and setting (the row's unit, target, comparator)."""

    @functools.wraps(fn)
    def once(rule: Rule, setting: S) -> T:
        memo = rule.memo
        key = (fn, setting)
        try:
            return cast(T, memo[key])
        except KeyError:
            if len(memo) > _MAX_SETTINGS:
                memo.clear()
            out = memo[key] = fn(rule, setting)
            return out

    return once
