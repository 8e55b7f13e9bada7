"""The full path of a rule row: the outcome read as the evaluator needs it (a number out of
words, words judged met or not), then scored by the evaluator, with how it was read in front.

The compiled fast path (readings.py) gives the same points sooner and works out the 扣分原因 here when read.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..errors import EvaluationError
from ..reading.cells import Target, judge_text, read_actual
from ..reading.profiles import Profile
from ..reading.values import parse_value, yes_no
from ..rules.nodes import Node, Quantity
from ..scores.evaluate import Options, Score, Step
from ..scores.evaluate import evaluate as _evaluate
from .rows import IndicatorRow

ZERO = Decimal(0)


def score_in_full(row: IndicatorRow, node: Node, actual: Any, grade: str | None, profile: Profile, opts: Options,
                  target: Target) -> tuple[Score, bool | None]:  # fmt: skip
    """The full path: the outcome read (a number out of words, words judged met or not) and
    scored by the evaluator, with how it was read in front of the 扣分原因 (``target``: the row's
    指标值 read); and the 是/否 the evaluator was given alone, if it was."""
    given: Any = grade if grade is not None else actual
    how = ""
    seen = None
    if isinstance(given, str) and grade is None and parse_value(given, row.unit) is None:
        if target.kind == "number":
            reading = read_actual(given, target, row.unit)
            if reading is not None and reading.quantity is not None and reading.how:
                given, how = as_text(reading.quantity), reading.how
    try:
        score = evaluate_row(row, node, given, opts)
        if not how and grade is None:
            seen = yes_no(given) if isinstance(given, str) and parse_value(given, row.unit) is None else None
    except EvaluationError as first:
        if not isinstance(given, str) or grade is not None or how or parse_value(given, row.unit) is not None:
            # a number (written as one, or read out of words) that the rule cannot score is
            # an error to report, not words to judge: 56% on 每发现一例扣1分 is not "met"
            raise
        # strict on a row with a rule (issue 10): no word of failure is not a word of success
        j = judge_text(given, row.target or "", strict=True)
        if j.met is None:
            raise
        try:
            score = evaluate_row(row, node, j.met, opts)
        except EvaluationError:
            raise first from None
        how = f"按定性表述判断：{j.how}，视为“{'是' if j.met else '否'}”"
        seen = j.met
    if how:
        score = prefix(score, f"实际值读作：{how}")
    return score, seen


def evaluate_row(row: IndicatorRow, node: Node, given: Any, opts: Options) -> Score:
    """The evaluator on one row's rule, with the row's target, weight, comparator and unit."""
    return _evaluate(node, given, target=row.target, weight=row.weight, comparator_=row.comparator, unit=row.unit,
                     options=opts)  # fmt: skip


def as_text(q: Quantity) -> str:
    """A number read out of words, as text with its unit (a bare number would be in the row's
    unit, 万 multiplied out)."""
    return f"{format(q.value, 'f')}{'%' if q.is_percent else q.unit}"


def prefix(score: Score, text: str) -> Score:
    """``score`` with ``text`` in front of its 扣分原因 and as the first step of its trace."""
    step = Step(text, (), ZERO)
    return score.evolve(explanation=f"{text}；{score.explanation}", trace=(step, *score.trace))


__all__ = ["as_text", "evaluate_row", "prefix", "score_in_full"]
