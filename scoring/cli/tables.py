"""``scoring score TABLE``, ``scoring audit TABLE`` and ``scoring profiles``.

``score`` prints the scored table aligned for Chinese text (display width by wcwidth), with
subtotals, the execution row, the total and the grade, and writes ``-o OUT.xlsx|.csv|.json``.
``audit`` lists every row whose printed score differs from the computed one and exits 1
when there is any. Outcomes default to ``NAME.outcomes.toml`` beside ``NAME.toml``, or to
the table's own 实际完成值/得分 columns.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, TextIO

from wcwidth import wcswidth, wcwidth

from ..reading import profiles as _profiles
from ..tables.audit import Audit, audit_report, outcomes_beside
from ..tables.load import load_ruleset
from ..tables.report import Report, RowResult
from ..tables.ruleset import Ruleset
from ..tables.spreadsheet import TableError, write_report
from . import EXIT_FINDINGS, EXIT_OK, positive_int

PROGRESS_MIN_ROWS = 1000


_TABLE_RULE = "表注中的评分标准：没有自己评分标准的行按它计分（报告中逐行注明）；规则集也可在 [meta] rule 中写明"


def register(sub: Any) -> None:
    s = sub.add_parser("score", help="给整张指标表评分（.toml .json .xlsx .xls .ods .csv）",
                       description="给整张指标表（绩效自评表）评分：各行得分和扣分原因、小计、预算执行率、总分和评价等次。"
                       "退出状态: 0 每行都已计分；1 有未计分的行；2 输入有误。")  # fmt: skip
    s.add_argument("table", help="指标表：规则集（.toml/.json）或电子表格（.xlsx .xls .ods .csv）")
    s.add_argument("--outcomes", help="实际完成值文件（.toml .json .csv）；默认：表旁的 NAME.outcomes.toml，或表中的实际完成值列")
    s.add_argument("--sheet", help="工作表名称或序号（1 起）；默认：第一张有指标表头的可见工作表")
    s.add_argument("--profile", help=f"计分口径（{'、'.join(_profiles.names())}）；见 scoring profiles")
    s.add_argument("--table-rule", metavar="TEXT", help=_TABLE_RULE)
    s.add_argument("-o", "--output", help="写出评分结果：OUT.xlsx（在原表上填写得分）、OUT.csv 或 OUT.json；不能覆盖输入文件")
    s.add_argument("--json", action="store_true", help="把评分结果以 JSON 写到标准输出（不打印表格）")
    s.add_argument("--summary", action="store_true", help="只打印小计、总分、等次和问题")
    s.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help=f"在标准错误上显示进度条（默认：终端上 {PROGRESS_MIN_ROWS} 行以上时显示）")  # fmt: skip
    s.add_argument("--width", type=positive_int, help="表格宽度（列数；默认：终端宽度）")
    s.set_defaults(run=_score)

    a = sub.add_parser("audit", help="核对印出的得分与表中的评分规则；有不一致时退出状态为 1",
                       description="核对印出的得分（得分列或 outcomes 文件的 score）与按表中规则计算的得分，"
                       "列出每一处不一致及可能的原因。退出状态: 0 全部一致；1 有不一致或无法核对的行；2 输入有误。")  # fmt: skip
    a.add_argument("table", help="带印出得分的指标表（或旁边有 NAME.outcomes.toml 的规则集）")
    a.add_argument("--outcomes", help="含印出得分的文件；默认：表旁的 NAME.outcomes.toml")
    a.add_argument("--sheet", help="工作表名称或序号（1 起）；默认：第一张有指标表头的可见工作表")
    a.add_argument("--profile", help="计算得分所用的口径")
    a.add_argument("--table-rule", metavar="TEXT", help=_TABLE_RULE)
    a.add_argument("-o", "--output", help="同时写出评分结果（.xlsx .csv .json）")
    a.add_argument("--json", action="store_true", help="把核对结果以 JSON 写到标准输出")
    a.add_argument("--width", type=positive_int, help="表格宽度（默认：终端宽度）")
    a.set_defaults(run=_audit)

    p = sub.add_parser("profiles", help="列出可用的计分口径", description="列出可用的计分口径")
    p.set_defaults(run=_list_profiles)


# ------------------------------------------------------------------ commands


def _check_output(args: argparse.Namespace) -> None:
    """-o: a known suffix, and never the input file itself (nor the outcomes file)."""
    if not args.output:
        return
    out = Path(args.output)
    if out.suffix.lower() not in (".xlsx", ".csv", ".json"):
        raise TableError(f"{out}: 不支持的输出类型 {out.suffix!r}；应为 .xlsx .csv 或 .json")
    for given in (args.table, getattr(args, "outcomes", None)):
        if given and Path(given).exists() and out.exists() and out.resolve() == Path(given).resolve():
            raise TableError(f"{out}: 输出文件就是输入文件，不能覆盖原表；请用另一个文件名，如 {out.stem}-评分{out.suffix}")
    if out.is_dir():
        raise TableError(f"{out}: 是目录；-o 应为文件名，如 评分结果.xlsx")


def _load(args: argparse.Namespace) -> tuple[Ruleset, Path | None]:
    _check_output(args)
    if args.profile is not None and args.profile not in _profiles.names():
        raise TableError(f"没有口径 {args.profile!r}；可用: {'、'.join(_profiles.names())}（见 scoring profiles）")
    ruleset = load_ruleset(args.table, sheet=args.sheet)
    if args.table_rule is not None:
        if not args.table_rule.strip():
            raise TableError("--table-rule 不能为空：请给出表注中的评分标准")
        ruleset = ruleset.with_table_rule(args.table_rule)
    outcomes: Path | None = Path(args.outcomes) if args.outcomes else None
    if outcomes is None and ruleset.outcomes is None and ruleset.path is not None:
        outcomes = outcomes_beside(ruleset.path)
        if outcomes is not None:
            print(f"实际完成值: {outcomes}", file=sys.stderr)
    return ruleset, outcomes


def _score(args: argparse.Namespace) -> int:
    ruleset, outcomes = _load(args)
    progress = _progress_bar(len(ruleset.indicators), args.progress)
    report = ruleset.score(outcomes, profile=args.profile, progress=progress, explain=True)
    _write_and_show(args, ruleset, report, report.to_dict,
                    lambda width: print_report(report, sys.stdout, width=width, summary=args.summary))  # fmt: skip
    return EXIT_FINDINGS if (report.unscored or not report.rows) else EXIT_OK


def _write_and_show(args: argparse.Namespace, ruleset: Any, report: Any, data: Any, show: Any) -> None:
    """``-o`` writes the scored workbook (the input is never overwritten); ``--json`` prints ``data()``
    to stdout, otherwise ``show(width)`` prints the table for a terminal."""
    if args.output:
        for f in write_report(report, args.output, source=ruleset.path, sheet=args.sheet):
            print(f"提示: {f}", file=sys.stderr)
        print(f"已写出: {args.output}", file=sys.stderr)
    if args.json:
        json.dump(data(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        show(args.width or shutil.get_terminal_size((120, 24)).columns)
    sys.stdout.flush()


def _audit(args: argparse.Namespace) -> int:
    ruleset, outcomes = _load(args)
    report = ruleset.score(outcomes, profile=args.profile)
    result = audit_report(report)
    _write_and_show(args, ruleset, report, result.to_dict, lambda width: print_audit(result, sys.stdout, width=width))
    return EXIT_FINDINGS if (result.discrepancies or report.unscored or not report.rows) else EXIT_OK


def _list_profiles(args: argparse.Namespace) -> int:
    print(_profiles.describe())
    return 0


# ------------------------------------------------------------------ progress


def _progress_bar(rows: int, wanted: bool | None) -> Callable[[int, int], None] | None:
    show = wanted if wanted is not None else (rows >= PROGRESS_MIN_ROWS and sys.stderr.isatty())
    if not show:
        return None

    def update(done: int, total: int) -> None:
        width = 30
        filled = width * done // total if total else width
        bar = "█" * filled + "·" * (width - filled)
        end = "\n" if done >= total else ""
        sys.stderr.write(f"\r评分 [{bar}] {done}/{total} 行{end}")
        sys.stderr.flush()

    return update


# ------------------------------------------------------------------ terminal tables


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal (a CJK character takes two)."""
    w = wcswidth(text)
    if w >= 0:
        return int(w)
    return sum(max(int(wcwidth(ch)), 0) for ch in text)


def fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` columns (with …) and padded with spaces to exactly ``width``."""
    text = " ".join(str(text).split())
    if display_width(text) > width:
        out = ""
        for ch in text:
            if display_width(out + ch) > width - 1:
                break
            out += ch
        text = out + "…"
    return text + " " * (width - display_width(text))


def wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` columns, each padded to exactly ``width``."""
    text = " ".join(str(text).split())
    lines: list[str] = []
    cur, cur_w = "", 0
    for ch in text:
        w = max(display_width(ch), 0)
        if cur_w + w > width and cur:
            lines.append(cur + " " * (width - cur_w))
            cur, cur_w = "", 0
        cur += ch
        cur_w += w
    lines.append(cur + " " * max(width - cur_w, 0))
    return lines


def with_unit(value: str | None, unit: str | None) -> str:
    """``100`` with unit 人 → ``100人``: a bare number shows the row's unit."""
    v = (value or "").strip()
    if v and unit and re.fullmatch(r"[≥≤<>=＞＜]?\s*[\d.,]+", v):
        return v + unit
    return v


def rjust(text: str, width: int) -> str:
    return " " * max(width - display_width(text), 0) + text


def _num(d: Decimal | None) -> str:
    return "" if d is None else str(d)


def _plain(d: Decimal | None) -> str:
    if d is None:
        return ""
    if d == d.to_integral_value():
        return str(d.quantize(Decimal(1)))
    return format(d.normalize(), "f")


def print_report(report: Report, out: TextIO, *, width: int = 120, summary: bool = False) -> None:
    rs = report.ruleset
    title = rs.title or "（无标题）"
    print(title, file=out)
    meta = [x for x in (rs.meta.agency, str(rs.meta.year) if rs.meta.year else "") if x]
    pname = "默认" if report.profile.name == "default" else report.profile.name
    print(f"{'，'.join(meta) + '；' if meta else ''}口径 {pname}：{report.profile.description}", file=out)
    # columns: id, name, target, actual, weight, points, explanation
    fixed = [("编号", 7), ("三级指标", 22), ("指标值", 12), ("实际完成值", 16), ("分值", 6), ("得分", 7)]
    rest = max(width - sum(w for _, w in fixed) - 2 * len(fixed), 16)
    cols = [*fixed, ("扣分原因", rest)]
    numeric = {"分值", "得分"}

    def line(cells: Sequence[str]) -> str:
        """One table row; text that does not fit wraps onto further lines, never cut."""
        wrapped = [[rjust(c, w)] if name in numeric else wrap(c, w) for (name, w), c in zip(cols, cells, strict=True)]
        height = max(len(x) for x in wrapped)
        out = []
        for k in range(height):
            parts = [x[k] if k < len(x) else " " * w for x, (_, w) in zip(wrapped, cols, strict=True)]
            out.append("  ".join(parts).rstrip())
        return "\n".join(out)

    rule = "─" * min(width, sum(w for _, w in cols) + 2 * (len(cols) - 1))
    if not summary:
        print(rule, file=out)
        print(line([n for n, _ in cols]), file=out)
        print(rule, file=out)
    blocks: dict[tuple[str | None, str], list[RowResult]] = {}
    for r in report.rows:
        blocks.setdefault((r.row.section, r.row.level1), []).append(r)
    section_done: set[str | None] = set()
    for (section, level1), rows in blocks.items():
        if section is not None and section not in section_done and not summary:
            name = next((s.name for s in rs.sections if s.id == section), "")
            print(f"〔{section}{' ' + name if name else ''}〕", file=out)
            section_done.add(section)
        sub = next((s for s in report.level1 if s.section == section and s.level1 == level1), None)
        if not summary:
            print(f"【{level1 or '（未分类）'}】", file=out)
            for r in rows:
                actual = (
                    r.actual if isinstance(r.actual, (str, Decimal, int)) else ("" if r.actual is None else "（分项）")
                )
                reason = _row_reason(r)
                print(line([r.row.id, r.row.name, with_unit(r.row.target, r.row.unit), with_unit(str(actual), r.row.unit),
                            _plain(r.row.weight),
                            _num(r.points) if r.points is not None else "—", reason]), file=out)  # fmt: skip
        if sub is not None:
            label = f"{(section + ' ') if section and summary else ''}{level1 or '（未分类）'} 小计"
            head = (
                f" 表头{_plain(sub.header_weight)}分"
                if sub.header_weight is not None and sub.header_weight != sub.weight
                else ""
            )
            miss = f"，{sub.unscored}行未计分" if sub.unscored else ""
            print(
                line(["", label, "", "", _plain(sub.weight), _num(sub.points), f"{sub.rows}行{miss}{head}"]), file=out
            )
    if report.sections and len(report.sections) > 1:
        print(rule, file=out)
        for s in report.sections:
            name = next((x.name for x in rs.sections if x.id == s.section), "")
            g = report.section_grade(s)
            print(line(["", f"{s.section} {name}".strip(), "", "", _plain(s.weight), _num(s.points),
                        f"等次 {g}" if g else ""]), file=out)  # fmt: skip
    print(rule, file=out)
    if report.execution is not None:
        e = report.execution
        print(line(["", "预算执行率", "", "", _plain(e.weight), _num(e.points), e.explanation]), file=out)
    elif rs.execution is not None:
        print(line(["", "预算执行率", "", "", _plain(rs.execution.weight), "—", "未计分"]), file=out)
    unscored = len(report.unscored)
    note = f"{unscored}行未计分，总分不完整" if unscored else ""
    print(line(["", "总分", "", "", _plain(report.weight), str(report.total), note]), file=out)
    if unscored or not report.rows:
        print(f"评价等次: —（{unscored}行未计分，总分不完整，不评等次）" if unscored else "评价等次: —（表中没有指标行）", file=out)
    else:
        print(
            f"评价等次: {report.grade or '—'}（{report.profile.grade_bands}{'，按得分率' if report.weight != 100 else ''}）",
            file=out,
        )
    errors = [f for f in report.findings if f.severity == "error"]
    warnings = [f for f in report.findings if f.severity != "error"]
    if errors:
        print(f"\n未计分 {len(errors)} 项:", file=out)
        for f in errors:
            print(f"  {f}", file=out)
    if warnings:
        print(f"\n提示 {len(warnings)} 项:", file=out)
        for f in warnings:
            print(f"  {f}", file=out)


def _row_reason(r: RowResult) -> str:
    if r.score is None:
        return "未计分：" + r.explanation
    if r.score.points < r.score.weight:
        return r.score.explanation
    return ""


def print_audit(result: Audit, out: TextIO, *, width: int = 120) -> None:
    report = result.report
    print(f"审计: {report.ruleset.title or '（无标题）'}", file=out)
    n = len(result.discrepancies)
    print(f"核对 {result.rows_checked} 行印出得分（含预算执行率），一致 {result.rows_matching} 行，"
          f"需处理 {n} 项", file=out)  # fmt: skip
    if result.discrepancies:
        cols = [("编号", 9), ("指标", 20), ("分值", 5), ("印出", 7), ("计算", 7)]
        rest = max(width - sum(w for _, w in cols) - 2 * len(cols), 20)
        rule = "─" * min(width, sum(w for _, w in cols) + rest + 2 * len(cols))
        print(rule, file=out)
        print("  ".join([*(fit(c, w) for c, w in cols), "原因"]), file=out)
        print(rule, file=out)
        for d in result.discrepancies:
            cells = [fit("" if d.indicator in ("execution", "total") else d.indicator, 9), fit(d.name, 20), rjust(_plain(d.weight), 5), rjust(_num(d.printed), 7),
                     rjust(_num(d.computed) if d.computed is not None else "—", 7)]  # fmt: skip
            reason = d.reason
            first = True
            while reason or first:
                chunk = _take(reason, rest)
                reason = reason[len(chunk) :]
                print(("  ".join(cells) if first else " " * (sum(w for _, w in cols) + 2 * len(cols) - 2)) + "  " + chunk,
                      file=out)  # fmt: skip
                first = False
        print(rule, file=out)
    t = result.totals
    if result.rows_checked == 0:
        print("表中没有印出的得分（得分列或 NAME.outcomes.toml 的 score），无可核对", file=out)
    unscored = len(report.unscored)
    if unscored:
        print(f"{unscored} 行无法计算得分（见 scoring score 的未计分项），计算总分不完整", file=out)
    if t.printed is not None:
        same = "一致" if t.printed_consistent else f"不一致，相差{t.printed - t.printed_rows}"
        agree = "一致" if t.computed_agrees else "不一致"
        print(
            f"总分: 印出 {t.printed}；各行印出得分之和 {t.printed_rows}（{same}）；计算 {t.computed}（与印出{agree}）",
            file=out,
        )
    else:
        print(f"总分: 未印出；各行印出得分之和 {t.printed_rows}；计算 {t.computed}", file=out)
    if t.rows_without_printed:
        print(f"{t.rows_without_printed} 行没有印出得分，未核对", file=out)
    if not report.rows:
        print("结论: 表中没有指标行，无可核对", file=out)
    elif unscored and result.ok:
        print(f"结论: 已核对的印出得分与评分规则一致，但有 {unscored} 行无法计算得分，未能核对", file=out)
    else:
        print("结论: " + ("印出得分与评分规则一致" if result.ok else f"有 {n} 项需处理（见上）"), file=out)


def _take(text: str, width: int) -> str:
    out = ""
    for ch in text:
        if display_width(out + ch) > width:
            break
        out += ch
    return out or text[:1]


__all__ = ["display_width", "fit", "print_audit", "print_report", "register"]
