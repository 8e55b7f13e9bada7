"""The command line: ``scoring parse|eval|score|audit|profiles|check|explain|curve|serve``
(also ``python -m scoring``). Last stage of the pipeline (text → rules → reading → scores →
writer → tables → cli).

Exit status, for scripts: 0 = done, every row scored; 1 = findings: rows left unscored, a
printed score that is wrong (audit), a rule with an error (check); 2 = bad input (arguments,
files, rule text); 3 = an internal error (a bug: reported in one line, never a traceback).
Help and messages are Chinese; argparse's own words are translated here. A closed pipe
(``scoring score … | head -1``) ends the command quietly.
"""

from __future__ import annotations

import argparse
import importlib
import os
import re
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from ..errors import ScoringError
from . import rules as cli_rules

_MODULES = ["scoring.cli.rules", "scoring.cli.tables", "scoring.cli.writer", "scoring.cli.serve"]

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT, EXIT_INTERNAL = 0, 1, 2, 3

_ARGPARSE_ZH = [
    (r"the following arguments are required: (.*)", r"缺少参数: \1"),
    (r"unrecognized arguments: (.*)", r"无法识别的参数: \1"),
    (r"argument (\S+): invalid choice: (.*?) \(choose from (.*)\)", r"参数 \1: 无效的选项 \2（可选: \3）"),
    (r"argument (\S+): invalid (\w+) value: (.*)", r"参数 \1: 不是有效的\2: \3"),
    (r"argument (\S+): expected one argument", r"参数 \1 后面需要一个值"),
    (r"argument (\S+): ignored explicit argument (.*)", r"参数 \1 不接受值 \2"),
    (r"argument (\S+): (.*)", r"参数 \1: \2"),
    (r"invalid choice: (.*?) \(choose from (.*)\)", r"无效的命令 \1（可选: \2）"),
]
_TYPES_ZH = {"int": "整数", "float": "数", "_places": "小数位数（0–10 的整数）", "_positive_int": "正整数", "_weight": "分值（数字）"}


class ChineseFormatter(argparse.HelpFormatter):
    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, prefix="用法: " if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    """argparse with Chinese headings and messages; a usage error is exit status 2 with a hint."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", ChineseFormatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "参数"
        self._optionals.title = "选项"
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help="显示本帮助并退出")

    def error(self, message: str) -> NoReturn:
        for pattern, zh in _ARGPARSE_ZH:
            new, n = re.subn(pattern, zh, message)
            if n:
                message = new
                break
        for en, zh in _TYPES_ZH.items():
            message = message.replace(f"不是有效的{en}:", f"不是有效的{zh}:")
        self.print_usage(sys.stderr)
        self.exit(EXIT_INPUT, f"错误: {message}（提示: {self.prog} --help 查看用法）\n")


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="scoring",
        description="预算绩效评（扣）分标准：解读、计分、整表评分、核对印出得分、检查规则。",
        epilog="退出状态: 0 全部完成；1 有未计分的行、印出得分有误或规则有错误；2 输入有误；3 内部错误。"
        "各命令的用法: scoring 命令 --help",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__import__('scoring').__version__}",
                        help="显示版本并退出")  # fmt: skip
    sub = parser.add_subparsers(dest="command", required=True, metavar="命令", title="命令", parser_class=Parser)
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
    try:
        parser = build_parser()
        args = parser.parse_args(list(argv) if argv is not None else None)
        return int(args.run(args))
    except SystemExit as e:  # --help, --version, usage errors: argparse has printed its message
        return e.code if isinstance(e.code, int) else (EXIT_OK if e.code is None else _message(str(e.code)))
    except BrokenPipeError:
        _quiet_stdout()
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
    except ScoringError as e:
        return _message(f"错误: {e}")
    except (OSError, UnicodeError) as e:
        return _message(f"错误: {e}")
    except Exception as e:  # a bug: one line, no traceback
        return _message(f"内部错误（请报告）: {type(e).__name__}: {e}", EXIT_INTERNAL)


def _message(text: str, status: int = EXIT_INPUT) -> int:
    try:
        print(text, file=sys.stderr)
    except (BrokenPipeError, OSError):
        pass
    return status


def _quiet_stdout() -> None:
    """stdout's reader has gone: point stdout at /dev/null so the flush at exit says nothing."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def places(text: str) -> int:
    """``--places``: 0–10 decimals."""
    n = int(text)
    if not 0 <= n <= 10:
        raise ValueError(text)
    return n


places.__name__ = "_places"


def positive_int(text: str) -> int:
    n = int(text)
    if n <= 0:
        raise ValueError(text)
    return n


positive_int.__name__ = "_positive_int"


__all__ = ["EXIT_FINDINGS", "EXIT_INPUT", "EXIT_INTERNAL", "EXIT_OK", "build_parser", "cli_rules", "main", "places",
           "positive_int"]  # fmt: skip
