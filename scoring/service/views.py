"""What each endpoint answers, as plain JSON data: no FastAPI here, so these run (and are
tested) without the web layer. Numbers are strings, exact as the library gives them.

Errors are raised as ``ServiceError`` (status, stable code, Chinese message, optional line,
column and span) or as the library's own ``ScoringError``; the application turns both into
``{"error": {"code", "message", "line", "column", …}}``.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import scoring
from scoring.writer import curve as _curve
from scoring.writer.axis import axis as _axis
from scoring.writer.check import CODES
from scoring.writer.describe import describe, node_to_data

_SEVERITY_ZH = {"error": "错误", "warning": "提醒", "info": "提示"}
_NOTE = re.compile(r"（注：(.*?)）")
_OPTION_NAMES = ("places", "rounding", "partial", "reverse")
MAX_VALUE_CHARS = 500  # 实际完成值, 指标值, 分值 … as written in one cell


class ServiceError(Exception):
    """A request the service refuses: HTTP ``status``, a stable ``code`` and a Chinese message."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        line: int | None = None,
        column: int | None = None,
        **extra: Any,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.line = line
        self.column = column
        self.extra = extra

    def payload(self) -> dict[str, Any]:
        return {
            "error": {
                "code": self.code,
                "message": self.message,
                "line": self.line,
                "column": self.column,
                **self.extra,
            }
        }


def error_payload(e: scoring.ScoringError) -> tuple[int, dict[str, Any]]:
    """The status and JSON body for a library error: 422 with the position of a syntax error."""
    if isinstance(e, scoring.RuleSyntaxError):
        return 422, {
            "error": {
                "code": e.code,
                "message": e.message,
                "line": e.line,
                "column": e.column,
                "span": [e.pos, min(len(e.text), e.pos + max(e.length, 1))],
                "expected": list(e.expected),
                "hint": e.hint,
                "detail": str(e),
            }
        }
    code = "bad-value" if isinstance(e, scoring.EvaluationError) else "bad-input"
    message = str(e)
    return 422, {"error": {"code": code, "message": message, "line": None, "column": None}}


# ------------------------------------------------------------------ values from a request


def text_value(value: Any, what: str) -> str | None:
    """A number or text from a request as the library wants it: str (exact), int; a JSON
    number with a fraction becomes its shortest decimal text (85.5 → "85.5")."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise ServiceError(422, "bad-value", f"{what}应为数字或文字，而不是 true/false")
    if isinstance(value, (int, float, Decimal)):
        if isinstance(value, float) and value != value:  # NaN
            raise ServiceError(422, "bad-value", f"{what}不是有效的数字")
        return str(value) if not isinstance(value, float) else repr(value)
    if isinstance(value, str):
        if len(value) > MAX_VALUE_CHARS:
            raise ServiceError(413, "value-too-long", f"{what}有 {len(value)} 个字符，超过上限 {MAX_VALUE_CHARS}")
        stripped = value.strip()
        return stripped or None
    raise ServiceError(422, "bad-value", f"{what}应为数字或文字")


def actual_value(value: Any) -> Any:
    """实际完成值: text or a number; a mapping {"1": "是", "2": "3"} for rules with sub-items ①②③."""
    if isinstance(value, Mapping):
        out: dict[Any, Any] = {}
        for k, v in value.items():
            key: Any = int(k) if isinstance(k, str) and k.strip().isdigit() else k
            out[key] = v if isinstance(v, bool) else text_value(v, f"第{k}项的实际完成值")
        return out
    text = text_value(value, "实际完成值")
    if text is None:
        raise ServiceError(422, "missing-actual", "请填写实际完成值")
    return text


def options_of(options: Mapping[str, Any] | None) -> dict[str, Any]:
    if not options:
        return {}
    unknown = sorted(set(options) - set(_OPTION_NAMES))
    if unknown:
        raise ServiceError(422, "bad-option", f"不认识的选项：{'、'.join(unknown)}（可用：{'、'.join(_OPTION_NAMES)}）")
    out = {k: v for k, v in options.items() if v is not None}
    if "places" in out and (
        isinstance(out["places"], bool) or not isinstance(out["places"], int) or not 0 <= out["places"] <= 6
    ):
        raise ServiceError(422, "bad-option", "places（保留小数位数）应为0到6的整数")
    return out


# ------------------------------------------------------------------ parsing, cached


_PARSED: OrderedDict[str, scoring.Rule | scoring.Composite] = OrderedDict()
_PARSED_MAX = 1024
_PARSED_LOCK = threading.Lock()


def parsed(text: str) -> scoring.Rule | scoring.Composite:
    """The rule of ``text``, parsed once per text and kept for the last 1,024 texts (rules are
    immutable, so they are shared between requests and threads)."""
    with _PARSED_LOCK:
        node = _PARSED.get(text)
        if node is not None:
            _PARSED.move_to_end(text)
            return node
    node = scoring.parse(text)
    assert isinstance(node, (scoring.Rule, scoring.Composite))
    with _PARSED_LOCK:
        _PARSED[text] = node
        while len(_PARSED) > _PARSED_MAX:
            _PARSED.popitem(last=False)
    return node


def is_parsed(text: str) -> bool:
    """Whether ``text`` is parsed already (its evaluation is then a matter of microseconds)."""
    return text in _PARSED


# ------------------------------------------------------------------ /api/parse


def _finding(f: Any, text: str) -> dict[str, Any]:
    out: dict[str, Any] = {
        "code": f.code,
        "severity": f.severity.value,
        "severity_zh": _SEVERITY_ZH.get(f.severity.value, f.severity.value),
        "title": CODES.get(f.code, (None, (), ""))[2],
        "message": f.message,
        "tags": list(f.tags),
        "span": None,
        "line": None,
        "column": None,
        "words": "",
    }
    if f.span is not None:
        start, end = max(0, f.span[0]), min(len(text), f.span[1])
        out["span"] = [start, max(start, end)]
        out["line"] = text.count("\n", 0, start) + 1
        out["column"] = start - (text.rfind("\n", 0, start) + 1) + 1
        out["words"] = text[start:end]
    return out


def _reading(node: scoring.Rule | scoring.Composite) -> list[dict[str, str]]:
    """The clause listing of ``scoring parse`` as rows {kind, text, default}."""
    rows = []
    for line in describe(node).splitlines():
        indent = len(line) - len(line.lstrip())
        parts = line.strip().split(None, 1)
        if len(parts) == 2 and parts[0] in ("得分条款", "扣分条款", "否决条款", "按比例", "说明", "下限"):
            kind, text = parts
        else:
            kind, text = "", line.strip()
        rows.append(
            {
                "kind": kind,
                "text": text,
                "level": "item" if indent else "top",
                "default": "yes" if "未写明" in text else "",
            }
        )
    return rows


def _bound(node: scoring.Rule | scoring.Composite, target: str | None, comparator: str | None,
           unit: str | None) -> dict[str, Any]:  # fmt: skip
    """The reading on this row (``scoring.bind``): the typed inputs, and each decision with who took it
    (the text, or the default of docs/semantics.md it names)."""
    try:
        r = scoring.bind(node, target=target, comparator=comparator, unit=unit)
    except scoring.ScoringError as e:
        return {"inputs": [], "decisions": [], "error": str(e)}
    inputs = [{"key": str(i.key), "kind": i.kind, "name": i.name, "unit": i.unit, "choices": list(i.choices),
               "meaning": i.meaning} for i in r.inputs]  # fmt: skip
    decisions = [{"clause": d.clause, "what": d.what, "value": d.value, "stated": d.stated, "source": d.source}
                 for d in r.decisions]  # fmt: skip
    return {"inputs": inputs, "decisions": decisions}


def _inputs(rule: scoring.Rule, target: str | None, comparator: str | None, unit: str | None) -> dict[str, Any]:
    """What the rule needs as 实际完成值, in plain words, with an example."""
    try:
        ax = _axis(rule, target=target, comparator=comparator, unit=unit)
    except scoring.ScoringError:
        return {"kind": "value", "what": "实际完成值", "example": ""}
    if ax.kind == "label":
        labels = ["是", "否"]
        try:
            labels = [lab for lab, _ in _curve.table(rule, weight="10").labels]
        except scoring.ScoringError:
            pass
        return {"kind": "label", "what": "文字：" + "、".join(labels), "labels": labels, "example": labels[0]}
    if ax.kind == "count":
        word = ax.unit or "次"
        return {"kind": "count", "what": f"发生的次数（{word}）", "unit": ax.unit, "example": "1"}
    example = ""
    if ax.target is not None:
        example = ax.typed(ax.target)
    if ax.percent and not ax.unit:
        return {"kind": "value", "what": "比率（带 %）", "unit": "%", "example": example or "90%"}
    return {"kind": "value", "what": f"数值（{ax.unit}）" if ax.unit else "数值", "unit": ax.unit, "example": example}


def parse_view(
    text: str,
    *,
    target: str | None = None,
    weight: str | None = None,
    comparator: str | None = None,
    unit: str | None = None,
) -> dict[str, Any]:
    node = parsed(text)
    restatement = scoring.render(node, comparator=comparator, unit=unit)
    defaults = [d for note in _NOTE.findall(restatement) for d in note.split("；") if d]
    findings = scoring.check(node, target=target, weight=weight, comparator=comparator, unit=unit)
    out: dict[str, Any] = {
        "rule": text,
        "kind": "composite" if isinstance(node, scoring.Composite) else "rule",
        "reading": _reading(node),
        "bound": _bound(node, target, comparator, unit),
        "restatement": restatement,
        "defaults": defaults,
        "findings": [_finding(f, text) for f in findings],
        "ast": node_to_data(node),
    }
    if isinstance(node, scoring.Composite):
        out["inputs"] = {
            "kind": "items",
            "what": "各项分别填写",
            "items": [
                {
                    "number": item.number,
                    "points": None if item.points is None else str(item.points),
                    **_inputs(item.rule, target, comparator, unit),
                }
                for item in node.items
            ],
        }
    else:
        out["inputs"] = _inputs(node, target, comparator, unit)
    return out


# ------------------------------------------------------------------ /api/evaluate


def evaluate_view(
    text: str,
    actual: Any,
    *,
    target: str | None,
    weight: str | None,
    comparator: str | None = None,
    unit: str | None = None,
    options: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    if weight is None:
        raise ServiceError(422, "missing-weight", "请填写分值")
    node = parsed(text)
    score = scoring.evaluate(
        node, actual, target=target, weight=weight, comparator=comparator, unit=unit, **options_of(options)
    )
    out: dict[str, Any] = {
        "points": str(score.points),
        "weight": str(score.weight),
        "explanation": score.explanation,
        "trace": [
            {"clause": s.clause, "inputs": dict(s.inputs), "delta": str(s.delta), "note": s.note} for s in score.trace
        ],
    }
    if getattr(score, "exact", None) is not None:
        out["exact"] = str(score.exact)
    return out


# ------------------------------------------------------------------ /api/curve


def _key_points(curve: Any) -> list[Any]:
    """The rows worth a table: marked outcomes and every change of score (as ``scoring curve``)."""
    rows = []
    last: Any = "none"
    for p in curve.points:
        if p.dense:
            continue
        changed = p.score != last
        last = p.score
        steps_only = all(part.startswith("第") for part in p.label.split("、")) if p.label else True
        if steps_only and not changed:
            continue
        rows.append(p)
    return rows


def _one_curve(
    rule: scoring.Rule,
    *,
    target: str | None,
    weight: str | None,
    comparator: str | None,
    unit: str | None,
    lo: str | None,
    hi: str | None,
    options: Mapping[str, Any] | None,
    title: str = "",
) -> dict[str, Any]:
    curve = _curve.table(
        rule,
        target=target,
        weight=weight,
        comparator=comparator,
        unit=unit,
        lo=lo,
        hi=hi,
        dense=120,
        **options_of(options),
    )
    ax = curve.axis
    out: dict[str, Any] = {
        "axis": {"kind": ax.kind, "name": ax.name, "percent": ax.percent, "unit": ax.unit, "better": ax.better},
        "weight": str(curve.weight),
        "target": None if curve.target is None else ax.show(curve.target),
        "edges": [ax.show(e) for e in curve.edges],
        "points": [
            {
                "x": str(p.x),
                "outcome": ax.typed(p.x),
                "shown": ax.show(p.x),
                "score": None if p.score is None else str(p.score),
                "label": p.label,
                "explanation": p.explanation,
                "error": p.error,
            }
            for p in _key_points(curve)
        ],
        "labels": [{"outcome": lab, "score": None if s is None else str(s)} for lab, s in curve.labels],
        "svg": None,
    }
    if curve.points and not curve.labels:
        out["svg"] = _curve.svg(curve, title=title)
    return out


def _item_weight(node: scoring.Composite, item: Any, weight: str | None) -> str | None:
    """A sub-item's points as written; an item without points shares what the others leave of the weight."""
    if item.points is not None:
        return str(item.points)
    if weight is None:
        return None
    try:
        left = Decimal(weight) - sum((i.points for i in node.items if i.points is not None), Decimal(0))
    except ArithmeticError:
        return weight
    unstated = sum(1 for i in node.items if i.points is None)
    return str(left / unstated) if left > 0 and unstated else weight


def curve_view(
    text: str,
    *,
    target: str | None = None,
    weight: str | None = None,
    comparator: str | None = None,
    unit: str | None = None,
    lo: str | None = None,
    hi: str | None = None,
    item: int | None = None,
    options: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    node = parsed(text)
    kw: dict[str, Any] = {
        "target": target,
        "comparator": comparator,
        "unit": unit,
        "lo": lo,
        "hi": hi,
        "options": options,
    }
    if isinstance(node, scoring.Composite):
        items = [i for i in node.items if item is None or i.number == item]
        if not items:
            raise ServiceError(422, "no-such-item", f"没有第{item}项")
        return {
            "kind": "composite",
            "items": [
                {"number": i.number, **_one_curve(i.rule, weight=_item_weight(node, i, weight), **kw)} for i in items
            ],
        }
    if item is not None:
        raise ServiceError(422, "no-such-item", "这条规则没有分项（①②…）")
    return {"kind": "rule", **_one_curve(node, weight=weight, **kw)}
