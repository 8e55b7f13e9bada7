"""The words of the 扣分原因: conditions, ranges and outcomes of a rule written back in Chinese
(pure functions of nodes, used by the evaluator's trace and by writer/describe)."""

from __future__ import annotations

from decimal import Decimal

from ..rules.nodes import (
    Abs,
    All,
    AnyOf,
    Award,
    BinOp,
    ByHand,
    Condition,
    Deduction,
    Expr,
    FullMarks,
    Label,
    Measure,
    Otherwise,
    Outcome,
    Points,
    Quantity,
    Range,
    Rule,
    ShareOfRank,
    ShareOfWeight,
    TargetMet,
    Var,
    Veto,
    Zero,
)
from .results import _fmt, _num


def _worded_conditions(rule: Rule) -> str:
    return "、".join(_describe_cond(a.condition) for a in rule.awards if a.condition is not None) or "文字条件"


def _describe_shared(rule: Rule) -> str:
    parts = [_describe_cond(c.condition) for c in rule.clauses if isinstance(c, (Award, Veto))]
    parts += [d.event for d in rule.deductions if d.event]
    return "；".join(p for p in parts if p) or "总括条款"


def _describe_cond(c: Condition | None) -> str:
    if c is None:
        return ""
    if isinstance(c, (Label, Otherwise)):
        return c.text
    if isinstance(c, TargetMet):
        return c.text or ("未完成" if c.negated else "完成")
    if isinstance(c, All):
        return "且".join(_describe_cond(p) for p in c.parts)
    if isinstance(c, AnyOf):
        return "或".join(_describe_cond(p) for p in c.parts)
    return range_text(c)


def range_text(c: Range) -> str:
    name = c.subject or c.measure.value
    if c.measure is not Measure.VALUE:
        name = c.measure.value
    edge = c.low or c.high
    if c.measure is Measure.GAP and edge is not None and not edge.value.is_percent and edge.value.unit != "个百分点":
        name = "未完成数量（指标值−实际值）"  # 未完成5个以上 (semantics §101): the shortfall counted in the target's unit
    parts = []
    if (
        c.low is not None
        and c.high is not None
        and c.low.value == c.high.value
        and c.low.inclusive
        and c.high.inclusive
    ):
        return f"{name}={_fmt(c.low.value)}"
    if c.low is not None:
        parts.append(f"{_fmt(c.low.value)}{'≤' if c.low.inclusive else '<'}")
    parts.append(name)
    if c.high is not None:
        parts.append(f"{'≤' if c.high.inclusive else '<'}{_fmt(c.high.value)}")
    return "".join(parts)


def _describe_outcome(o: Outcome, full: Decimal) -> str:
    if isinstance(o, FullMarks):
        return f"得满分{_num(full)}分"
    if isinstance(o, Points):
        return f"得{_num(o.value)}分"
    if isinstance(o, ShareOfWeight):
        return f"得分值的{_num(o.percent)}%"
    if isinstance(o, Zero):
        return "不得分"
    if isinstance(o, ByHand):
        if o.low is not None and o.high is not None and o.share:
            return f"得分值的{_num(o.low)}%-{_num(o.high)}%（人工给分）"
        if o.low is not None and o.high is not None:
            return f"得{_num(o.low)}-{_num(o.high)}分（人工给分）"
        return "酌情评分（人工给分）"
    if isinstance(o, ShareOfRank):
        return f"按第{_num(o.rank)}名的比例得分（第{_num(o.rank)}名的分数×本单位值÷第{_num(o.rank)}名值）"
    return "按公式计分"


def _event_count(d: Deduction, q: Quantity) -> str:
    """出现负面事件3例 from 出现负面事件每一例扣1分 and 3: the event, less its step, then the count."""
    event = d.event or ""
    unit = q.unit or (d.step.unit if d.step is not None else "") or ""
    if d.step is not None and d.step.unit:
        for one in (f"每{_num(d.step.value)}{d.step.unit}", f"{_num(d.step.value)}{d.step.unit}"):
            if one in event:  # 出现负面事件每1例, 发现1例不合规, 逾期1次
                event = event.replace(one, "", 1)
                break
    if event in (unit, "每"):
        event = ""
    count = f"{_num(q.value)}{unit}"
    return f"{event}{count}" if event else f"共{count}"


def _has_rate(e: Expr) -> bool:
    if isinstance(e, Var):
        return e.name.endswith("率") or e.name in ("完成比例", "比例")
    if isinstance(e, BinOp):
        return _has_rate(e.left) or _has_rate(e.right)
    if isinstance(e, Abs):
        return _has_rate(e.arg)
    return False
