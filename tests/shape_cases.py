"""Checks shared by the data-driven shape test files (cases of (text, actual, row keywords, hand score)):
the evaluator's score, the compiled rule's, and the round trip of the text."""

from __future__ import annotations

from decimal import Decimal

import scoring
from scoring.rules.render import render


def scores(text: str, actual: str, kw: dict[str, object], want: str) -> None:
    assert scoring.evaluate(text, actual, **kw).points == Decimal(want)  # type: ignore[arg-type]


def compiled_scores(text: str, actual: str, kw: dict[str, object], want: str) -> None:
    """The compiled rule scores what the evaluator does."""
    assert scoring.compile(text, **kw).points(actual) == Decimal(want)  # type: ignore[arg-type]


def reads_back(text: str) -> None:
    rule = scoring.parse(text)
    assert scoring.parse(render(rule)) == rule
