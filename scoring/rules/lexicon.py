"""The lexicon: the grammar's keyword classes as data (``lexicon.toml`` beside this module).

``grammar_terminals()`` is the text of the string terminals that ``parser.py`` appends to
``grammar/scoring.lark`` when it builds the parser; ``words(name)`` is a word list the
transform reads inside free text (direction words, counters, negations). Both come from the
one file, so a new synonym is one line there (and its example a test, tests/test_lexicon.py).
"""

from __future__ import annotations

import functools
import re
import tomllib
from importlib import resources
from typing import Any

import attrs
from attrs import frozen


@frozen
class Entry:
    """One way of writing a keyword: a literal ``word`` or a regex ``pattern``, with an example. ``not_before``:
    characters the word is never followed by (每人, not before 次: 每人次 is 每 and the counter 人次)."""

    word: str = ""
    pattern: str = ""
    example: str = ""
    note: str = ""
    not_before: str = ""
    pair: str = ""  # [words.same_state] / [words.opposite_state]: the phrase the word is paired with


@frozen
class WordClass:
    """A terminal of the grammar or a word list of the transform, with what its words mean."""

    name: str
    kind: str  # "terminal" | "words"
    cls: str  # what tests/test_lexicon.py checks each example against
    meaning: str
    entries: tuple[Entry, ...]
    priority: int | None = None
    multipliers: str = ""  # [terminal.UNIT]: 万/亿 before any word is its multiplier (10万平方米)

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(e.word for e in self.entries if e.word)


def _text() -> str:
    return resources.files("scoring.rules").joinpath("lexicon.toml").read_text(encoding="utf-8")


@functools.cache
def lexicon() -> tuple[WordClass, ...]:
    """Every class of the lexicon, terminals first, in file order."""
    data: dict[str, Any] = tomllib.loads(_text())
    out: list[WordClass] = []
    for kind in ("terminal", "words"):
        for name, table in data.get(kind, {}).items():
            entries = tuple(attrs.evolve(Entry(), **e) for e in table["entries"])
            for e in entries:
                if bool(e.word) == bool(e.pattern):
                    raise ValueError(f"lexicon {kind}.{name}: an entry needs exactly one of word, pattern: {e}")
            out.append(WordClass(name, kind, table["class"], table["meaning"], entries, table.get("priority"),
                                 table.get("multipliers", "")))  # fmt: skip
    return tuple(out)


def _literal(word: str) -> str:
    if '"' in word or "\\" in word:
        raise ValueError(f"lexicon word {word!r}: quotes and backslashes are not words")
    return f'"{word}"'


def _alternative(e: Entry) -> str:
    if e.pattern:
        return f"/{e.pattern}/"
    if e.not_before:
        return f"/{re.escape(e.word)}(?![{re.escape(e.not_before)}])/"
    return _literal(e.word)


@functools.cache
def grammar_terminals() -> str:
    """The lexicon's terminals as lark terminal definitions."""
    lines = []
    for c in lexicon():
        if c.kind != "terminal":
            continue
        alts = " | ".join(_alternative(e) for e in c.entries)
        if c.multipliers:
            # 万平方米 / 亿立方米: a multiplier before a unit not written with one (longest first)
            bases = sorted((w for w in c.words if w[0] not in c.multipliers and "\u3400" <= w[0] <= "\u9fff"),
                           key=len, reverse=True)  # fmt: skip
            alts += f" | /[{c.multipliers}](?:{'|'.join(re.escape(w) for w in bases)})/"
        prio = f".{c.priority}" if c.priority is not None else ""
        lines.append(f"{c.name}{prio}: {alts}")
    return "\n".join(lines) + "\n"


@functools.cache
def pairs(name: str) -> tuple[tuple[str, str], ...]:
    """The (word, pair) of each entry of ``[words.<name>]`` that names a pair (same_state, opposite_state)."""
    for c in lexicon():
        if c.name == name:
            return tuple((e.word, e.pair) for e in c.entries if e.word and e.pair)
    raise KeyError(name)


@functools.cache
def words(name: str) -> tuple[str, ...]:
    """The words of ``[words.<name>]`` (or of ``[terminal.<name>]``), in file order (cached: some are asked for on
    every parse)."""
    for c in lexicon():
        if c.name == name:
            return c.words
    raise KeyError(name)
