"""Commands for rule writers: ``scoring check``, ``scoring explain`` and ``scoring curve``.

``check FILE|TEXT`` prints every finding compiler-style (position, the line, a caret under
the fault aligned for Chinese text) and exits 1 when any finding is an error. ``explain TEXT``
prints the canonical restatement, the findings and a short table of outcomes and scores.
``curve TEXT`` prints the score at every edge and step and writes a plot with ``-o``.
Bad input never shows a traceback: it is reported and the command exits 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ..errors import ScoringError, caret_lines, line_column
from ..writer.check import check
from ..writer.check_table import check_table
from ..writer.findings import Finding, Severity

_TABLE_SUFFIXES = (".toml", ".json", ".xlsx", ".csv")
_SEVERITY_ZH = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}


def _weight(text: str) -> str:
    """``--weight``: a number (``10``, ``2.5``, ``10分``), kept as text for the API."""
    from ..reading.cells import decimal_of

    d = decimal_of(text, "分值")  # OutcomeError (a ValueError) for text that is not a number
    if d is None or d < 0:
        raise ValueError(text)
    return text


_weight.__name__ = "_weight"


def _row_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--target", help="指标值，按原文: ≥90%%、1万人、30")
    p.add_argument("--weight", type=_weight, help="分值（数字）")
    p.add_argument("--comparator", help="指标值类型: ≥ ≤ = > < 定性 定量")
    p.add_argument("--unit", help="度量单位: %% 人 万元 …")


def register(sub: Any) -> None:
    c = sub.add_parser("check", help="检查评分规则：一条规则、每行一条的文件或整张指标表", description="检查评分规则：一条规则、每行一条的文件或整张指标表；有错误时退出状态为 1")
    c.add_argument(
        "source",
        metavar="FILE|TEXT",
        help="规则文本；每行一条规则的文件；或指标表（.toml .json .xlsx .xls .csv）",
    )
    _row_args(c)
    c.add_argument(
        "--cliff", default="0.3", help="某一边界处得分跳变超过分值的这一比例时报告（默认 0.3）"
    )
    c.add_argument(
        "--min-severity", choices=["info", "warning", "error"], default="info", help="只显示此级别及以上的问题"
    )
    c.add_argument("--json", action="store_true", help="以 JSON 输出问题")
    c.set_defaults(run=_guard(_check))

    e = sub.add_parser("explain", help="规则的标准表述、检查和得分表", description="以无歧义的标准表述重写规则，检查它，并列出各边界处的得分")
    e.add_argument("text", help="评（扣）分标准文本")
    _row_args(e)
    e.set_defaults(run=_guard(_explain))

    v = sub.add_parser("curve", help="得分曲线：各边界与档位处的得分，可画图", description="在每个边界和档位计算得分，并画出得分与实际值的关系")
    v.add_argument("text", help="评（扣）分标准文本")
    _row_args(v)
    v.add_argument("--from", dest="lo", help="显示的最低实际值（比率行 80 即 80%%）")
    v.add_argument("--to", dest="hi", help="显示的最高实际值")
    v.add_argument("--item", type=int, help="有分项①②…的规则：要画的分项序号")
    v.add_argument("-o", "--output", help="把曲线写入 .svg 或 .png 文件")
    v.add_argument("--all", action="store_true", help="列出所有采样点，而不只是边界、档位和变化处")
    v.set_defaults(run=_guard(_curve))


def _guard(fn: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """Report bad input as a message and exit status 2, never as a traceback."""

    def run(args: argparse.Namespace) -> int:
        try:
            return fn(args)
        except ScoringError as e:
            print(f"错误: {e}", file=sys.stderr)
        except (ValueError, ArithmeticError, OSError, TypeError, KeyError) as e:
            print(f"错误: {e}", file=sys.stderr)
        return 2

    return run


# ------------------------------------------------------------------ findings, compiler-style


def format_finding(f: Finding, source: str = "<规则>") -> str:
    """``source:line:col: 警告: message`` then the line and a caret under the span (the code is in --json)."""
    head_where = source
    lines: list[str] = []
    if f.span is not None and f.text:
        start, end = f.span
        line, col = line_column(f.text, start)
        head_where = f"{source}:{line}:{col}"
        shown, caret = caret_lines(f.text, start, max(1, min(end, _line_end(f.text, start)) - start))
        lines = [f"  {shown}", f"  {caret}"]
    who = f"{f.indicator}: " if f.indicator else ""
    return "\n".join([f"{head_where}: {f.severity.zh}: {who}{f.message}", *lines])


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end == -1 else end


def _keep(findings: Sequence[Finding], minimum: str) -> list[Finding]:
    order = {"info": 0, "warning": 1, "error": 2}
    return [f for f in findings if order[f.severity.value] >= order[minimum]]


def _summary(findings: Sequence[Finding]) -> str:
    n = {s: sum(1 for f in findings if f.severity is s) for s in Severity}
    return f"{n[Severity.ERROR]} 个错误，{n[Severity.WARNING]} 个警告，{n[Severity.INFO]} 个提示"


def _as_json(f: Finding, source: str) -> dict[str, Any]:
    out: dict[str, Any] = {"source": source, "code": f.code, "severity": f.severity.value, "message": f.message,
                           "tags": list(f.tags)}  # fmt: skip
    if f.indicator:
        out["indicator"] = f.indicator
    if f.span is not None:
        line, col = line_column(f.text, f.span[0])
        out.update(span=list(f.span), line=line, column=col)
    return out


def _check(args: argparse.Namespace) -> int:
    src: str = args.source
    path = Path(src)
    results: list[tuple[str, Finding]] = []
    is_file = len(src) < 4096 and "\n" not in src and _is_file(path)
    if is_file and path.suffix.lower() in _TABLE_SUFFIXES:
        from ..tables.load import load_ruleset

        ruleset = load_ruleset(path)
        if not ruleset.indicators:
            raise ScoringError(f"{path}: 表中没有指标行（[[indicator]] 或三级指标列为空），无可检查")
        results = [(str(path), f) for f in check_table(ruleset, cliff=args.cliff)]
    elif is_file:
        text = path.read_text(encoding="utf-8")
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            for f in _check_text(line, args):
                results.append((f"{path}:{n}", f))
    else:
        results = [("<规则>", f) for f in _check_text(src, args)]
    shown = [(s, f) for s, f in results if f in _keep([f], args.min_severity)]
    if args.json:
        print(json.dumps([_as_json(f, s) for s, f in shown], ensure_ascii=False, indent=2))
    else:
        for s, f in shown:
            print(_format_in(f, s))
        print(_summary([f for _, f in results]))
    return 1 if any(f.severity is Severity.ERROR for _, f in results) else 0


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


def _format_in(f: Finding, source: str) -> str:
    """A finding of a file of rules: ``file:N`` names the rule's line; the column is in the rule."""
    if ":" in source and source.rsplit(":", 1)[1].isdigit() and f.span is not None:
        base, n = source.rsplit(":", 1)
        text = format_finding(f, base)
        head, _, rest = text.partition("\n")
        where, _, msg = head.partition(": ")
        col = where.rsplit(":", 1)[1] if where.count(":") >= 2 else "1"
        return f"{base}:{n}:{col}: {msg}" + ("\n" + rest if rest else "")
    return format_finding(f, source)


def _check_text(text: str, args: argparse.Namespace) -> list[Finding]:
    return check(text, target=args.target, weight=args.weight, comparator=args.comparator, unit=args.unit,
                 cliff=args.cliff)  # fmt: skip


# ------------------------------------------------------------------ explain


def _explain(args: argparse.Namespace) -> int:
    from ..api import parse
    from ..reading.bind import bind
    from ..rules.nodes import Composite
    from ..rules.render import render
    from ..writer.curve import table, text_table

    try:
        rule = parse(args.text)
    except ScoringError as e:
        print(f"规则: {args.text}")
        print(f"无法解析:\n{e}")
        return 1
    print(f"规则: {args.text}")
    print(f"标准表述: {render(rule, comparator=args.comparator, unit=args.unit)}")
    reading = bind(rule, target=args.target, comparator=args.comparator, unit=args.unit)
    print("读法（本指标）:")
    print("  " + reading.describe().replace("\n", "\n  "))
    findings = check(rule, target=args.target, weight=args.weight, comparator=args.comparator, unit=args.unit)
    findings = [f._replace(text=args.text) for f in findings]
    print(f"检查（{_summary(findings)}）:")
    for f in findings:
        print("  " + format_finding(f).replace("\n", "\n  "))
    weight = args.weight
    if isinstance(rule, Composite):
        print("得分表: 分项规则各项分别计分，见 scoring curve --item N")
        return 0
    if weight is None:
        print("得分表: 未给出分值（--weight），按分值10列出")
        weight = "10"
    try:
        curve = table(rule, target=args.target, weight=weight, comparator=args.comparator, unit=args.unit)
    except ScoringError as e:
        print(f"得分表: 无法列出（{str(e).splitlines()[0]}）")
        return 0
    if not curve.points and not curve.labels:
        print("得分表: 需要指标值（--target）才能列出")
        return 0
    print("得分表:")
    print("  " + text_table(curve).replace("\n", "\n  "))
    return 0


# ------------------------------------------------------------------ curve


def _curve(args: argparse.Namespace) -> int:
    from ..api import parse
    from ..rules.nodes import Composite
    from ..writer.curve import plot, table, text_table

    if args.weight is None:
        raise ScoringError("需要分值：--weight W")
    rule = parse(args.text)
    title = args.text
    if isinstance(rule, Composite):
        if args.item is None:
            numbers = "、".join(str(i.number) for i in rule.items)
            raise ScoringError(f"分项规则（第{numbers}项）各项分别计分：用 --item N 选一项")
        item = next((i for i in rule.items if i.number == args.item), None)
        if item is None:
            raise ScoringError(f"没有第{args.item}项")
        weight = item.points if item.points is not None else args.weight
        rule, title = item.rule, f"第{args.item}项"
    else:
        weight = args.weight
    dense = 240 if args.output else 0
    curve = table(rule, target=args.target, weight=weight, comparator=args.comparator, unit=args.unit,
                  lo=args.lo, hi=args.hi, dense=dense)  # fmt: skip
    print(text_table(curve, all_points=args.all))
    if args.output:
        written = plot(curve, args.output, title=title)
        print(f"已写出 {written}")
    return 0
