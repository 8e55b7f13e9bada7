"""``scoring parse TEXT`` and ``scoring eval TEXT --actual A --weight W``."""

from __future__ import annotations

import argparse
import json
from typing import Any

from ..api import evaluate, parse
from ..errors import ScoringError
from ..reading.bind import bind
from ..reading.cells import unusable_actual
from ..writer.describe import describe, node_to_data


def register(sub: Any) -> None:
    p = sub.add_parser("parse", help="解读规则文本，显示它如何被理解", description="解读评（扣）分标准，显示它如何被理解（--json 输出语法树）")
    p.add_argument("text", help="评（扣）分标准文本")
    p.add_argument("--json", action="store_true", help="以 JSON 输出语法树")
    p.add_argument("--target", help="指标值：给出时显示规则在该指标上的解读（所需输入，默认处标明）")
    p.add_argument("--comparator", help="指标值类型: ≥ ≤ = > <")
    p.add_argument("--unit", help="度量单位: %% 人 万元 …")
    p.set_defaults(run=_parse)

    e = sub.add_parser("eval", help="用一条规则给一个实际值计分", description="用一条评（扣）分标准给一个实际完成值计分，输出得分和扣分原因")
    e.add_argument("text", help="评（扣）分标准文本")
    e.add_argument("--actual", required=True, help='实际完成值: 85%%、3、是/否、等级词，或分项 JSON {"1": "是"}')
    e.add_argument("--target", help="指标值，按原文: ≥90%%、1万人")
    e.add_argument("--weight", required=True, help="分值（数字）")
    e.add_argument("--comparator", help="指标值类型: ≥ ≤ = > <")
    e.add_argument("--unit", help="度量单位: %% 人 万元 …")
    e.add_argument("--places", type=_places, default=2, help="得分保留的小数位数（0–10，默认 2）")
    e.add_argument("--rounding", choices=["half_up", "truncate"], default="half_up", help="舍入：half_up 四舍五入（默认），truncate 截断")
    e.add_argument("--partial", choices=["prorata", "ceil", "floor"], default="prorata", help="不足一档：prorata 按比例（默认），ceil 按一档，floor 不计")
    e.add_argument("--json", action="store_true", help="以 JSON 输出得分")
    e.set_defaults(run=_eval)


def _parse(args: argparse.Namespace) -> int:
    rule = parse(args.text)
    if args.json:
        print(json.dumps(node_to_data(rule), ensure_ascii=False, indent=2))
    else:
        print(describe(rule))
        # the reading on this indicator (or, with none given, where the indicator would decide)
        print(bind(rule, target=args.target, comparator=args.comparator, unit=args.unit).describe())
    return 0


def _actual(text: str) -> Any:
    t = text.strip()
    if t.startswith("{"):
        try:
            value = json.loads(t)
        except json.JSONDecodeError as e:
            raise ScoringError(f"--actual 不是有效的 JSON（{e.msg}，第{e.pos + 1}个字符）；分项应写成 {{\"1\": \"是\", \"2\": \"3\"}}") from None
        if not isinstance(value, dict):
            raise ScoringError('--actual 的 JSON 应为对象，如 {"1": "是", "2": "3"}')
        return {k: (str(v) if not isinstance(v, (str, bool)) else v) for k, v in value.items()}
    return t


def _places(text: str) -> int:
    n = int(text)
    if not 0 <= n <= 10:
        raise ValueError(text)
    return n


_places.__name__ = "_places"  # named in the usage error (cli/__init__.py translates it)


def _eval(args: argparse.Namespace) -> int:
    actual = _actual(args.actual)
    why = unusable_actual(actual, args.target, args.unit)
    if why is not None:
        raise ScoringError(why[1].replace("未计分。", "无法计分。"))
    score = evaluate(
        args.text, actual, target=args.target, weight=args.weight, comparator=args.comparator,
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
