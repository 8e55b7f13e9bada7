"""``scoring parse TEXT`` and ``scoring eval TEXT --actual A --weight W``."""

from __future__ import annotations

import argparse
import json
from typing import Any

from ..api import evaluate, parse
from ..reading.bind import bind
from ..writer.describe import describe, node_to_data


def register(sub: Any) -> None:
    p = sub.add_parser("parse", help="parse rule text and show how it reads")
    p.add_argument("text", help="the 评（扣）分标准 text")
    p.add_argument("--json", action="store_true", help="print the AST as JSON")
    p.add_argument("--target", help="指标值: with it, the reading on that indicator (inputs, each default marked)")
    p.add_argument("--comparator", help="指标值类型: ≥ ≤ = > <")
    p.add_argument("--unit", help="度量单位: %% 人 万元 …")
    p.set_defaults(run=_parse)

    e = sub.add_parser("eval", help="score one indicator value with a rule")
    e.add_argument("text", help="the 评（扣）分标准 text")
    e.add_argument("--actual", required=True, help='实际完成值: 85%%, 3, 是/否, a grade label, or JSON {"1": "是"}')
    e.add_argument("--target", help="指标值 as written: ≥90%%, 1万人")
    e.add_argument("--weight", required=True, help="分值")
    e.add_argument("--comparator", help="指标值类型: ≥ ≤ = > <")
    e.add_argument("--unit", help="度量单位: %% 人 万元 …")
    e.add_argument("--places", type=int, default=2, help="decimals of the score (default 2)")
    e.add_argument("--rounding", choices=["half_up", "truncate"], default="half_up")
    e.add_argument("--partial", choices=["prorata", "ceil", "floor"], default="prorata")
    e.add_argument("--json", action="store_true", help="print the score as JSON")
    e.set_defaults(run=_eval)


def _parse(args: argparse.Namespace) -> int:
    rule = parse(args.text)
    if args.json:
        print(json.dumps(node_to_data(rule), ensure_ascii=False, indent=2))
    else:
        print(describe(rule))
        if args.target or args.comparator or args.unit:
            print(bind(rule, target=args.target, comparator=args.comparator, unit=args.unit).describe())
    return 0


def _actual(text: str) -> Any:
    t = text.strip()
    if t.startswith("{"):
        try:
            value = json.loads(t)
        except json.JSONDecodeError as e:
            raise SystemExit(f"错误: --actual 不是有效的 JSON: {e}") from None
        return {k: (str(v) if not isinstance(v, (str, bool)) else v) for k, v in value.items()}
    return t


def _eval(args: argparse.Namespace) -> int:
    score = evaluate(
        args.text, _actual(args.actual), target=args.target, weight=args.weight, comparator=args.comparator,
        unit=args.unit, places=args.places, rounding=args.rounding, partial=args.partial,
    )  # fmt: skip
    if args.json:
        data = {
            "points": str(score.points),
            "weight": str(score.weight),
            "explanation": score.explanation,
            "trace": [
                {"clause": s.clause, "inputs": dict(s.inputs), "delta": str(s.delta), "note": s.note}
                for s in score.trace
            ],
        }
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(f"得分: {score.points} / {score.weight}")
        print(f"扣分原因: {score.explanation}")
    return 0
