"""Process-wide caches, bounded (least recently used first out): what a rule text parses to
(refusals included), what an indicator's target reads as, and the rules and default methods
compiled for an indicator. Many small tables then cost what one big table costs: a text met in
one table is not parsed or compiled again for the next (benchmarks/tables_many.py).

Everything kept is immutable or a deterministic memo of its own (a Compiled's per-unit code), and
nothing kept reaches a run: a refusal is kept as its fields (code, message, caret position…),
never as the exception, whose traceback would hold the frames, and so the report, of the run
that raised it; each lookup raises a fresh RuleSyntaxError.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, Generic, TypeVar

from .errors import RuleSyntaxError
from .reading.cells import Target, read_target
from .rules.nodes import Node
from .rules.parser import parse

V = TypeVar("V")
_MISSING: Any = object()


class LRU(Generic[V]):
    """A bounded mapping: past ``maxsize`` entries, the least recently used goes."""

    def __init__(self, maxsize: int) -> None:
        self.maxsize = maxsize
        self._data: OrderedDict[Hashable, V] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get(self, key: Hashable, make: Callable[[], V]) -> V:
        """The value kept for ``key``, or ``make()``'s, kept."""
        data = self._data
        value = data.get(key, _MISSING)
        if value is not _MISSING:
            self.hits += 1
            try:
                data.move_to_end(key)
            except KeyError:  # another thread dropped it meanwhile
                pass
            return value  # type: ignore[no-any-return]
        self.misses += 1
        value = make()
        with self._lock:
            data[key] = value
            while len(data) > self.maxsize:
                data.popitem(last=False)
        return value

    def __len__(self) -> int:
        return len(self._data)

    def clear(self) -> None:
        with self._lock:
            self._data.clear()
        self.hits = self.misses = 0


_Refusal = tuple[str, str, str, int, int, tuple[str, ...], str]  # RuleSyntaxError's fields

RULES: LRU[Node | _Refusal] = LRU(8192)  # rule text → its Rule, or the refusal's fields
TARGETS: LRU[Target] = LRU(8192)  # (指标值, unit) → the target read
COMPILED: LRU[Any] = LRU(16384)  # (rule text, target, comparator, unit, weight, Options) → Compiled | None
DEFAULTS: LRU[Any] = LRU(4096)  # a row without a rule: its default method compiled, or None


def _parse_or_refusal(text: str) -> Node | _Refusal:
    try:
        return parse(text)
    except RuleSyntaxError as e:
        return (e.code, e.message, e.text, e.pos, e.length, e.expected, e.hint)


def parsed(text: str) -> Node:
    """``parse(text)``, once per process for each distinct text (a refusal is raised anew each time)."""
    kept = RULES.get(text, lambda: _parse_or_refusal(text))
    if type(kept) is tuple:
        code, message, shown, pos, length, expected, hint = kept
        raise RuleSyntaxError(code, message, shown, pos, length=length, expected=expected, hint=hint)
    return kept  # type: ignore[return-value]


def target(text: str | None, unit: str | None) -> Target:
    """``read_target(text, unit)``, once per process for each distinct pair."""
    return TARGETS.get((text, unit), lambda: read_target(text, unit))


def sizes() -> dict[str, int]:
    return {"rules": len(RULES), "targets": len(TARGETS), "compiled": len(COMPILED), "defaults": len(DEFAULTS)}


def clear() -> None:
    """Empty every cache (benchmarks start cold; tests that change what a text means)."""
    for c in (RULES, TARGETS, COMPILED, DEFAULTS):
        c.clear()


__all__ = ["COMPILED", "DEFAULTS", "LRU", "RULES", "TARGETS", "clear", "parsed", "sizes", "target"]
