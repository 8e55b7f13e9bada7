"""Checks shared by the data-driven shape test files (cases of (text, actual, row keywords, hand score)):
the evaluator's score, the compiled rule's, and the round trip of the text."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

import scoring
from scoring.rules.render import render


def scores(text: str, actual: Any, kw: dict[str, object], want: str) -> None:
    assert scoring.evaluate(text, actual, **kw).points == Decimal(want)  # type: ignore[arg-type]


def compiled_scores(text: str, actual: Any, kw: dict[str, object], want: str) -> None:
    """The compiled rule scores what the evaluator does."""
    assert scoring.compile(text, **kw).points(actual) == Decimal(want)  # type: ignore[arg-type]


def refusal(text: str) -> scoring.RuleSyntaxError:
    """The parser's refusal of ``text`` (the test fails if it is read)."""
    with pytest.raises(scoring.RuleSyntaxError) as e:
        scoring.parse(text)
    return e.value


def reads_back(text: str) -> None:
    rule = scoring.parse(text)
    assert scoring.parse(render(rule)) == rule


#: a hand score that is a refusal: the answer cannot be scored from the text
REFUSE = "REFUSE"


def scores_or_refuses(text: str, actual: Any, kw: dict[str, object], want: str) -> None:
    """The hand score from the evaluator and the compiled rule, or, for ``REFUSE``, the evaluator's refusal."""
    if want == REFUSE:
        with pytest.raises(scoring.ScoringError):
            scoring.evaluate(text, actual, **kw)  # type: ignore[arg-type]
        return
    scores(text, actual, kw, want)
    compiled_scores(text, actual, kw, want)


Case = tuple[str, Any, dict[str, object], str]
Check = Callable[..., None]


def checks(cases: list[Case]) -> tuple[Check, Check, Check]:
    """The three parametrized tests of a shape file's cases: each hand score from the evaluator, the same from the
    compiled rule, and each distinct text's round trip. A test file binds them to its own names
    (``test_hand_cases, test_compiled_agrees, test_round_trip = shape_cases.checks(CASES)``) for pytest to collect."""

    @pytest.mark.parametrize(("text", "actual", "kw", "want"), cases)
    def test_hand_cases(text: str, actual: Any, kw: dict[str, object], want: str) -> None:
        scores(text, actual, kw, want)

    @pytest.mark.parametrize(("text", "actual", "kw", "want"), cases)
    def test_compiled_agrees(text: str, actual: Any, kw: dict[str, object], want: str) -> None:
        compiled_scores(text, actual, kw, want)

    @pytest.mark.parametrize("text", sorted({c[0] for c in cases}))
    def test_round_trip(text: str) -> None:
        reads_back(text)

    return test_hand_cases, test_compiled_agrees, test_round_trip
