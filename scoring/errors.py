"""Errors: one root, ScoringError, and compiler-style messages with a width-aware caret."""

from __future__ import annotations

import unicodedata


class ScoringError(ValueError):
    """The root of every error scoring raises on bad input."""


def display_width(text: str) -> int:
    """Columns a terminal gives ``text``: a wide (CJK) or full-width character takes two."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def caret_lines(text: str, pos: int, length: int = 1) -> tuple[str, str]:
    """The line of ``text`` holding ``pos`` and a caret line under it, aligned by display width."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    if end == -1:
        end = len(text)
    line = text[start:end]
    col = pos - start
    under = line[col : col + max(length, 1)] or " "
    return line, " " * display_width(line[:col]) + "^" * max(display_width(under), 1)


def line_column(text: str, pos: int) -> tuple[int, int]:
    """1-based line and column (in characters) of ``pos``."""
    line = text.count("\n", 0, pos) + 1
    column = pos - (text.rfind("\n", 0, pos) + 1) + 1
    return line, column


class RuleSyntaxError(ScoringError):
    """Rule text the parser does not understand.

    ``code`` is stable (tests assert it), ``pos`` is the 0-based character offset,
    ``line`` and ``column`` are 1-based, ``expected`` says in Chinese what would have been
    understood there, and ``hint`` suggests a fix where one is likely.
    """

    def __init__(
        self,
        code: str,
        message: str,
        text: str,
        pos: int,
        *,
        length: int = 1,
        expected: tuple[str, ...] = (),
        hint: str = "",
    ) -> None:
        self.code = code
        self.message = message
        self.text = text
        self.pos = max(0, min(pos, len(text)))
        self.length = length
        self.expected = expected
        self.hint = hint
        self.line, self.column = line_column(text, self.pos)
        super().__init__(self._render())

    def _render(self) -> str:
        shown, caret = caret_lines(self.text, self.pos, self.length)
        out = [f"第{self.line}行第{self.column}列: {self.message} [{self.code}]", f"  {shown}", f"  {caret}"]
        if self.expected:
            out.append("  应为: " + "、".join(self.expected))
        if self.hint:
            out.append("  提示: " + self.hint)
        return "\n".join(out)


class EvaluationError(ScoringError):
    """A value a rule cannot use: a percentage where a count is expected, a missing sub-item,
    a negative count, NaN, a float."""
