"""The command line: ``scoring parse|eval|score|audit|check|explain|curve``.
Last stage of the pipeline (text → rules → reading → scores → writer → tables → cli).

``main(argv) -> int`` never lets a traceback reach the user for bad input: a ScoringError
prints its message and exits 2. Each group of subcommands lives in its own module and
registers itself here.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from ..errors import ScoringError
from . import rules as cli_rules

_MODULES = ["scoring.cli.rules", "scoring.cli.tables", "scoring.cli.writer", "scoring.cli.serve"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="scoring", description="评（扣）分标准: parse, evaluate, score and check rules"
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__import__('scoring').__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    import importlib

    for name in _MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as e:
            if e.name != name:
                raise
            continue
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(list(argv) if argv is not None else None)
    try:
        return int(args.run(args))
    except ScoringError as e:
        print(f"错误: {e}", file=sys.stderr)
        return 2
    except (OSError, TypeError) as e:
        print(f"错误: {e}", file=sys.stderr)
        return 2


__all__ = ["build_parser", "cli_rules", "main"]
