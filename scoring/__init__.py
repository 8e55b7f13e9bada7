"""scoring: the scoring rules of Chinese budget performance evaluation, executable.

A ten-line tour::

    import scoring
    rule = scoring.parse("满意度90%及以上得满分，每5%扣2分，低于75%不得分")
    score = scoring.evaluate(rule, "85%", target="90%", weight=10, comparator="≥", unit="%")
    score.points        # Decimal('8.00'): rounded half-up to 2 places
    score.explanation   # 扣分原因, in Chinese
    score.trace         # the steps as data
    ind = scoring.Indicator("满意度", target="≥90%", weight=10, rule="…")
    ind.score("85%")    # the same, with the row's own target, comparator and unit
    scoring.score_frame(df)  # a pandas or polars DataFrame, one indicator a row: points, error columns

Errors all derive from ScoringError (a ValueError): RuleSyntaxError for rule text the
parser does not understand, EvaluationError for values a rule cannot use.
"""

from __future__ import annotations

from typing import Any

from .api import Indicator, compile, evaluate, parse
from .errors import EvaluationError, RuleSyntaxError, ScoringError
from .reading import profiles  # the table layer: scoring.profiles lists the named profiles
from .reading.bind import Reading, bind
from .rules.nodes import Composite, Rule
from .rules.render import render
from .scores.compiled import Compiled
from .scores.defaults import score_execution
from .scores.evaluate import Options, Score, Step
from .tables.audit import Audit, audit
from .tables.load import load_ruleset
from .tables.outcomes import load_outcomes
from .tables.report import Report
from .tables.rows import Finding
from .tables.ruleset import Ruleset
from .writer.check import check
from .writer.check_table import check_table

__all__ = [
    "Audit",
    "Compiled",
    "Composite",
    "EvaluationError",
    "Finding",
    "Indicator",
    "Options",
    "Reading",
    "Report",
    "Rule",
    "RuleSyntaxError",
    "Ruleset",
    "Score",
    "ScoringError",
    "Step",
    "audit",
    "bind",
    "check",
    "check_table",
    "compile",
    "evaluate",
    "load_outcomes",
    "load_ruleset",
    "parse",
    "profiles",
    "render",
    "score_execution",
    "score_frame",
]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    """``scoring.score_frame`` (pandas/polars frames, the ``frame`` extra) is imported when first asked for."""
    if name == "score_frame":
        from .tables.frames import score_frame

        return score_frame
    raise AttributeError(f"module 'scoring' has no attribute {name!r}")
