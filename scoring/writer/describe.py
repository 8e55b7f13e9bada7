"""How a parsed rule reads: a clause-by-clause listing (for ``scoring parse``) and JSON data."""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import Any

import attrs

from ..rules.nodes import Award, Composite, Deduction, Node, Note, Proportional, Rule, StepKind, Veto, Waiver
from ..scores.explain import _describe_cond, _describe_outcome
from ..scores.results import _fmt


def node_to_data(node: Any) -> Any:
    """Nodes → plain JSON data: {"node": class name, field: value…}; Decimal → str, enums → their Chinese value."""
    if attrs.has(type(node)):
        out: dict[str, Any] = {"node": type(node).__name__}
        for f in attrs.fields(type(node)):
            if f.name in ("span", "source"):
                continue
            out[f.name] = node_to_data(getattr(node, f.name))
        return out
    if isinstance(node, tuple):
        return [node_to_data(x) for x in node]
    if isinstance(node, enum.Enum):
        return node.name
    if isinstance(node, Decimal):
        return str(node)
    return node


def _deduction(d: Deduction) -> str:
    if d.kind is StepKind.ONCE:
        return f"{d.event or '发生扣分情形'}：{'加' if d.bonus else '扣'}{d.points}分（一次）"
    per = f"每{_fmt(d.step)}" if d.step is not None else "每次"
    if d.kind is StepKind.EVENTS:
        return f"{d.event or '扣分事项'}：{per}{'加' if d.bonus else '扣'}{d.points}分（按次数）"
    bits = [
        f"方向: {d.direction.value if d.direction else '未写明，按指标值类型'}",
        f"口径: {d.basis.value if d.basis else ('未写明，比率按百分点、数量按相对' if d.step and d.step.is_percent else '-')}",
        f"不足一档: {d.partial.value if d.partial else '未写明，按比例'}",
    ]
    start = f"自{_fmt(d.start.value)}起" if d.start is not None else "自满分线（或指标值）起"
    return f"{start}{per}{'加' if d.bonus else '扣'}{d.points}分（{'；'.join(bits)}）"


def _rule_lines(rule: Rule, indent: str = "") -> list[str]:
    lines = []
    for c in rule.clauses:
        if isinstance(c, Award):
            cond = _describe_cond(c.condition) or "无条件"
            extra = "（可酌情扣分）" if c.discretionary else ""
            lines.append(
                f"{indent}得分条款  {cond} → {_describe_outcome(c.outcome, Decimal(0)).replace('得满分0分', '满分')}{extra}"
            )
        elif isinstance(c, Deduction):
            cap = f"，最多{'加' if c.bonus else '扣'}{c.cap}分" if c.cap is not None else ""
            lines.append(f"{indent}{'加分条款' if c.bonus else '扣分条款'}  {_deduction(c)}{cap}")
        elif isinstance(c, Veto):
            lines.append(f"{indent}否决条款  {_describe_cond(c.condition)} → 直接计0分")
        elif isinstance(c, Waiver):
            lines.append(f"{indent}例外条款  {c.condition.text} → 不扣分（另答是/否）")
        elif isinstance(c, Proportional):
            lines.append(f"{indent}按比例    {c.text}：分值×实际值/指标值（≤类：指标值/实际值），最高为满分")
        elif isinstance(c, Note):
            lines.append(f"{indent}说明      {c.text}")
    if rule.cap is not None:
        lines.append(f"{indent}上限      扣分合计最多{rule.cap}分")
    if rule.bonus_cap is not None:
        lines.append(f"{indent}上限      加分合计最多{rule.bonus_cap}分")
    if rule.bonus_highest:  # semantics §126
        lines.append(f"{indent}就高计分  多项加分只取成立的最高一项，不累加")
    if rule.bonus_cap_base:
        lines.append(f"{indent}上限      加分不超过基本分")
    if rule.bonuses and rule.bonus_cap is None and not rule.bonus_cap_base and any(d.cap is None for d in rule.bonuses):
        lines.append(f"{indent}注意      有加分未写上限：加分不封顶")
    if rule.below_zero:  # 该项可负分 (domain point 6): the text lifts the floor
        floor = "可负分（写明）：扣分超过分值时得分为负"
    elif rule.floor is not None:  # 最低得2分 (semantics §102)
        floor = f"最低得{rule.floor}分（写明）：扣分后不低于{rule.floor}分"
    elif rule.until_exhausted:
        floor = "扣完为止（写明）"
    else:
        floor = "最低0分（未写明扣完为止，仍按0分封底）"
    lines.append(f"{indent}下限      {floor}")
    return lines


def describe(node: Node) -> str:
    if isinstance(node, Composite):
        out = [f"分项评分，共{len(node.items)}项（各项分别计分后相加，最高为指标分值）"]
        for item in node.items:
            pts = f"{item.points}分" if item.points is not None else "未写分值"
            out.append(f"第{item.number}项（{pts}）")
            out.extend(_rule_lines(item.rule, "  "))
        return "\n".join(out)
    return "\n".join(_rule_lines(node))
