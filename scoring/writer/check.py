"""Static checks on a rule: what a careful reader would point out before anyone is scored by it.
(A whole table: check_table.py; checks by sampling: check_sampled.py; the vocabulary of findings: findings.py.)

``check(rule_or_text, target=…, weight=…, comparator=…, unit=…)`` returns every finding (it
never stops at the first). A finding has a stable ``code`` (the catalogue ``CODES``: tests
and tools key on it, never on the message), a severity, a span in the rule text and a
Chinese message.

Gaps, overlaps and clauses that can never apply are found by interval arithmetic on the
outcome axis (``scoring.writer.axis.Axis``: a deviation band becomes an interval of outcomes through
the target). Non-monotone stretches, cliffs and deductions that run past the weight are found
by scoring sampled outcomes with ``scoring.evaluate``: the same numbers an evaluation gives.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from ..api import parse
from ..errors import RuleSyntaxError, ScoringError
from ..reading.bind import ambiguous_stretch, overlapping_deductions, show_stretch
from ..reading.values import comparator as parse_comparator
from ..reading.values import parse_value, to_decimal
from ..rules.nodes import (
    Award,
    ByHand,
    Composite,
    Deduction,
    Formula,
    FullMarks,
    Label,
    Measure,
    Node,
    Op,
    Otherwise,
    Points,
    Proportional,
    Range,
    Rule,
    StepKind,
    Veto,
    Zero,
)
from ..rules.render import number, render_outcome
from ..rules.shapes import formula_vars, is_weight_name, only_deducting_bands
from .axis import Axis, Interval, axis, condition_intervals, subtract
from .check_sampled import _direction_of_rule, _first_span, _floor_by_reading, _full_edge, _no_reference, _sampled
from .findings import CODES, Finding, Out, Severity

# check() returns Findings of these severities and codes: they are part of what this module offers
__all__ = ["CODES", "Finding", "Severity", "check"]


ZERO = Decimal(0)


def check(
    rule_or_text: Node | str,
    *,
    target: Any = None,
    weight: Any = None,
    comparator: str | None = None,
    unit: str | None = None,
    cliff: Decimal | str = Decimal("0.3"),
) -> list[Finding]:
    """Every finding on one rule, in the order of the text. ``cliff``: the share of the weight a
    jump at one edge must exceed to be reported (default 0.3)."""
    if isinstance(rule_or_text, str):
        text = rule_or_text
        try:
            node = parse(text)
        except RuleSyntaxError as e:
            code = "no-scoring-logic" if e.code == "no-scoring-logic" else "syntax"
            hint = f"；{e.hint}" if e.hint else ""
            expected = f"；应为：{'、'.join(e.expected)}" if e.expected and code == "syntax" else ""
            span = (e.pos, e.pos + e.length)
            return [Finding(code, f"{e.message}{expected}{hint}", severity=Severity.ERROR, span=span, text=text)]
    else:
        node = rule_or_text
        text = getattr(node, "source", "") or ""
    out = Out(text)
    share = Decimal(str(cliff))
    w: Decimal | None = None
    if weight is not None and str(weight).strip():
        try:
            w = to_decimal(weight if not isinstance(weight, float) else str(weight), "weight")
        except ScoringError:
            out.add("not-analysed", f"分值“{weight}”不是数字，未检查分值")
    if isinstance(node, Composite):
        _composite(node, out, w, target, comparator, unit, share)
    else:
        _rule(node, out, w, target, comparator, unit, share, top=True)
    _text_checks(out)
    return sorted(out.findings, key=lambda f: (f.span[0] if f.span else len(text) + 1, _order(f.severity)))


def _order(s: Severity) -> int:
    return {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}[s]


def _rule(
    rule: Rule, out: Out, w: Decimal | None, target: Any, comparator: str | None, unit: str | None,
    share: Decimal, *, top: bool, what: str = "",
) -> None:  # fmt: skip
    _clause_checks(rule, out, comparator, unit, what)
    for a, b in overlapping_deductions(rule):
        # 满意度低于90%扣1分，低于80%扣3分: the values in both are refused when scored (semantics §95)
        out.add("deduction-overlap",
                f"{what}“{_src(out, a.span)}”与“{_src(out, b.span)}”都覆盖{show_stretch(*ambiguous_stretch(rule, a, b))}："
                f"这些实际值只扣最严一档还是两档累加，原文没有写明，计分时不予计分；请改写成互不重叠的区间", b.span)  # fmt: skip
    _bonus_checks(rule, out, w, what)
    stated = _rule_max(rule)
    weight = w
    if top:
        sw = rule.stated_weight
        if w is None:
            if sw is not None:
                out.add("weight-missing", f"未给出分值：按规则写明的满分{number(sw)}分计")
                stated = sw
            elif stated is not None:
                out.add("weight-missing", f"未给出分值：按规则写明的最高分{number(stated)}分计")
            else:
                out.add("weight-missing", "未给出分值，规则也只写“满分”：无法核对分值（以下按分值100计）")
        else:
            if sw is not None and sw != w:  # 本项满分10分 on a row of 5 (domain point 15: the row's weight is scored)
                out.add("weight-stated-differs",
                        f"{what}规则写明满分{number(sw)}分，与指标分值{number(w)}分不一致：按指标分值{number(w)}分计")  # fmt: skip
            if stated is not None and stated > w:
                out.add("exceeds-weight", f"{what}规则写明最高{number(stated)}分，超过指标分值{number(w)}分",
                        _span_of_points(rule, stated))  # fmt: skip
            elif stated is not None and stated < w and not _has_full(rule):
                out.add("below-weight", f"{what}规则最高只给{number(stated)}分，低于指标分值{number(w)}分，永远得不到满分",
                        _span_of_points(rule, stated))  # fmt: skip
    if weight is None:
        weight = stated if stated is not None else Decimal(100)
    try:
        ax = axis(rule, target=target, comparator=comparator, unit=unit)
    except ScoringError:
        return
    _target_checks(rule, ax, out, target, comparator, unit, what)
    if ax.kind == "value":
        _bands(rule, ax, out, what)
    elif ax.kind == "count":
        _bands(rule, ax, out, what)
    if not _sampled(rule, ax, out, weight, target, comparator, unit, share, what):
        _floor_by_reading(rule, out, weight, what)


def _bonus_cap(rule: Rule, base: Decimal | None) -> Decimal | None:
    """What the bonuses of a rule add at most, as the text states it (None: not capped)."""
    bonuses = rule.bonuses
    if not bonuses:
        return ZERO
    caps: list[Decimal] = []
    if rule.bonus_cap is not None:
        caps.append(rule.bonus_cap)
    if rule.bonus_cap_base and base is not None:
        caps.append(base)
    if all(b.cap is not None for b in bonuses):
        caps.append(sum((b.cap for b in bonuses if b.cap is not None), ZERO))
    return min(caps) if caps else None


def _bonus_span(rule: Rule) -> tuple[int, int] | None:
    spans = [b.span for b in rule.bonuses if b.span is not None]
    return spans[0] if spans else None


def _bonus_checks(rule: Rule, out: Out, w: Decimal | None, what: str) -> None:
    """Bonuses (domain point 18): one with no stated cap is not capped (a warning); stated caps
    let the score pass the weight by what they add (info), unless the rule has no base, when the
    score stays within the weight and a stated cap above it cannot be reached (exceeds-weight)."""
    bonuses = rule.bonuses
    if not bonuses:
        return
    alone = not rule.awards and all(d.bonus for d in rule.deductions) and rule.proportional is None
    stated = _rule_max(rule)
    base = stated if stated is not None else w
    cap = _bonus_cap(rule, base)
    if cap is None:
        uncapped = [b for b in bonuses if b.cap is None]
        src = "、".join(f"“{_src(out, b.span)}”" for b in uncapped if _src(out, b.span)) or "加分条款"
        if alone:
            msg = f"{what}{src}未写加分上限：规则只有加分，按指标分值封顶；建议写明“最多加N分”"
        else:
            msg = f"{what}{src}未写加分上限：加分不封顶，得分可超过指标分值；建议写明“最多加N分”或“加分不超过N分”"
        out.add("bonus-uncapped", msg, uncapped[0].span if uncapped else _bonus_span(rule))
        return
    if w is None or cap <= 0:
        return
    if alone:
        if cap > w:
            out.add("exceeds-weight", f"{what}规则写明最高{number(cap)}分，超过指标分值{number(w)}分（只有加分的规则按分值封顶）",
                    _bonus_span(rule))  # fmt: skip
        return
    top = (base if base is not None else w) + cap
    if top > w:
        out.add("bonus-above-weight",
                f"{what}加分最多{number(cap)}分：得分最高可达{number(top)}分，超过指标分值{number(w)}分（原文写明的加分）",
                _bonus_span(rule))  # fmt: skip


def _has_full(rule: Rule) -> bool:
    return any(isinstance(a.outcome, (FullMarks, Formula)) for a in rule.awards) or (
        not rule.awards and (bool(rule.deductions) or rule.proportional is not None)
    )


def _rule_max(rule: Rule) -> Decimal | None:
    """The highest score the rule states in points (None: it only speaks of 满分 / shares)."""
    if any(isinstance(a.outcome, FullMarks) for a in rule.awards):
        return None
    pts = [a.outcome.value for a in rule.awards if isinstance(a.outcome, Points)]
    return max(pts) if pts else None


def _span_of_points(rule: Rule, value: Decimal) -> tuple[int, int] | None:
    for a in rule.awards:
        if isinstance(a.outcome, Points) and a.outcome.value == value:
            return a.span
    return None


def _clause_checks(rule: Rule, out: Out, comparator: str | None, unit: str | None, what: str) -> None:
    op = parse_comparator(comparator) if comparator else None
    rate = (unit or "").strip() in ("%", "％", "百分比", "百分率")
    said_deviation = False
    for c in rule.clauses:
        if isinstance(c, Deduction):
            _deduction_checks(c, rule, out, op, rate, what)
        elif isinstance(c, Award):
            if c.discretionary or isinstance(c.outcome, ByHand):
                out.add("needs-judgement", f"{what}“{_src(out, c.span)}”允许酌情扣分：扣多少需要人工给出", c.span)
            if isinstance(c.condition, Range):
                cond = c.condition
                written = _src(out, c.span)
                m = re.search(r"(?<!及)(以上|以下|以内)", written)
                if m and "（含）" not in written and "(含)" not in written:
                    out.add("edge-unstated",
                            f"{what}“{written}”的“{m.group(1)}”按《民法典》第一千二百五十九条含本数；建议写“及{m.group(1)}”或“≥/≤”",
                            c.span)  # fmt: skip
                for e in (cond.low, cond.high):
                    if e is not None and not e.stated and cond.low is not None and cond.high is not None:
                        out.add("edge-unstated",
                                f"{what}区间“{_src(out, c.span)}”的端点{number(e.value.value)}{e.value.unit}未写明含或不含：按含计，"
                                "与相邻区间共用端点时按先写的条款计", c.span)  # fmt: skip
                        break
                if cond.measure is Measure.DEVIATION and not said_deviation:
                    said_deviation = True
                    side = {Op.GE: "只计低于指标值的偏离", Op.GT: "只计低于指标值的偏离", Op.LE: "只计超出指标值的偏离",
                            Op.LT: "只计超出指标值的偏离", Op.EQ: "高于、低于都计"}.get(op) if op else None  # fmt: skip
                    msg = (
                        f"按指标值类型{op.value}{side}"
                        if op and side
                        else "由指标值类型决定（≥计低于、≤计超出、=两侧都计）"
                    )
                    out.add("default-direction", f"{what}“{_src(out, c.span)}”未写明偏离的方向：{msg}", c.span)
            if isinstance(c.outcome, Formula) and not all(is_weight_name(n) for n in formula_vars(c.outcome.expr)):
                # 得分=指标分值-1 (a band on the excess, §82) reads no outcome: it cannot grow past the weight
                out.add("formula-exceeds-weight",
                        f"{what}公式“{render_outcome(c.outcome)}”在完成率超过100%时大于分值：按分值封顶", c.span)  # fmt: skip
            if isinstance(c.condition, Label) and not isinstance(c.outcome, (FullMarks, Zero)) and not _binary(rule):
                out.add("needs-judgement", f"{what}“{c.condition.text}”是需要人工判断的等级", c.span)
        elif isinstance(c, Veto):
            if len(rule.clauses) > 1:
                out.add(
                    "veto-overrides",
                    f"{what}“{_src(out, c.span)}”是否决条款：一旦发生，其他条款都不再计分，直接0分",
                    c.span,
                )
        elif isinstance(c, Proportional):
            if c.linear is None:
                side = "≤类指标超出时按分值×指标值/实际值（可配置为线性递减）"
                out.add(
                    "default-proportional", f"{what}“{c.text}”未写明比例的口径：按分值×实际值/指标值，{side}", c.span
                )


def _binary(rule: Rule) -> bool:
    outs = {type(a.outcome) for a in rule.awards}
    return outs <= {FullMarks, Zero} or len(rule.awards) <= 2


def _src(out: Out, span: tuple[int, int] | None) -> str:
    if span is None or not out.text:
        return ""
    return out.text[span[0] : span[1]].strip("，,；;。 ")


def _deduction_checks(d: Deduction, rule: Rule, out: Out, op: Op | None, rate: bool, what: str) -> None:
    src = _src(out, d.span)
    say = f"{what}“{src}”" if src else f"{what}{'加分' if d.bonus else '扣分'}条款"
    if d.points_max is not None and isinstance(d.points, Decimal):
        per = "每次" if d.kind is not StepKind.ONCE else ""
        out.add("deduction-range",
                f"{say}{per}{'加' if d.bonus else '扣'}{number(d.points)}至{number(d.points_max)}分：扣多少需要人工确定，"
                "计分时给出得分的上下限", d.span)  # fmt: skip
    written = out.text[d.span[0] : d.span[1]] if d.span and out.text else ""
    if not isinstance(d.points, Decimal):
        out.add("deduction-formula", f"{say}每档扣分是公式，需要分值才能计算", d.span)
    if written and "每" not in written and d.kind is not StepKind.ONCE:
        how = "按每档计" if d.kind is StepKind.DISTANCE else "按每次计"
        out.add("step-without-per", f"{say}没有写“每”：{how}（也可能只扣一次），建议写明“每…扣…分”", d.span)
    if d.kind is StepKind.ONCE and d.when is not None:
        return  # 完成率100%以上加2分: a band of the value, given once where the value is in it (semantics §106)
    if d.kind is StepKind.ONCE:
        out.add("step-without-per", f"{say}没有数量：发生即扣一次，发生多次也只扣一次", d.span)
        return
    unit = d.step.unit if d.step is not None else ""
    if unit in ("月", "个月", "天", "日", "工作日", "个工作日", "季度", "个季度", "周", "年", "小时") and (
        d.kind is StepKind.DISTANCE or any(w in d.event for w in ("延", "晚", "逾期"))
    ):
        out.add("time-step", f"{say}按{unit}计：不足一{unit.lstrip('个')}如何计、是否只算工作日需要写明", d.span)
    if d.kind is StepKind.EVENTS:
        if d.partial is None and d.step is not None and d.step.value != 1:
            out.add(
                "default-partial", f"{say}每{number(d.step.value)}{unit}一档，未写明不足一档如何计：默认按比例", d.span
            )
        return
    if d.partial is None:
        step = f"{number(d.step.value)}{d.step.unit}" if d.step is not None else ""
        out.add("default-partial",
                f"{say}未写明不足一档（不足{step}）如何计：默认按比例；可写“不足一档按一档计”或“每满{step}”", d.span)  # fmt: skip
    if d.step is not None and d.step.unit == "%":
        if d.basis is None:
            msg = "比率按百分点、数量按指标值的百分比" if not rate else "此行是比率，按百分点"
            out.add("percent-basis", f"{say}的“{number(d.step.value)}%”未写明是百分点还是相对百分比：{msg}", d.span)
        # a basis in the node is one the text stated (个百分点, 指标值的5%): nothing to report
    if d.direction is None and d.bonus:
        side = {Op.GE: "只计高于的部分", Op.GT: "只计高于的部分", Op.LE: "只计低于的部分", Op.LT: "只计低于的部分"}.get(
            op) if op else None  # fmt: skip
        msg = (
            f"按指标值类型{op.value}，{side}"
            if op and side
            else "按指标值类型的较好一侧（≥计高于、≤计低于；=无法确定）"
        )
        out.add("default-direction", f"{say}未写明是高于还是低于才加分：{msg}", d.span)
    elif d.direction is None:
        side = {Op.GE: "只计低于的部分", Op.GT: "只计低于的部分", Op.LE: "只计超出的部分", Op.LT: "只计超出的部分",
                Op.EQ: "高于、低于都计"}.get(op) if op else None  # fmt: skip
        msg = f"按指标值类型{op.value}，{side}" if op and side else "由指标值类型决定（≥计低于、≤计超出、=两侧都计）"
        out.add("default-direction", f"{say}未写明是低于还是超出才扣分：{msg}", d.span)
    if d.start is not None:
        full = _full_edge(rule)
        if full is not None and full.value != d.start.value.value:
            out.add("start-differs",
                    f"{say}从{number(d.start.value.value)}{d.start.value.unit}起扣，而满分线是"
                    f"{number(full.value)}{full.unit}：两者之间的实际值得满分", d.span)  # fmt: skip


def _target_checks(
    rule: Rule, ax: Axis, out: Out, target: Any, comparator: str | None, unit: str | None, what: str
) -> None:
    op = parse_comparator(comparator) if comparator else None
    rewards = _direction_of_rule(rule)
    if op is not None and rewards is not None:
        if op in (Op.LE, Op.LT) and rewards == "higher":
            out.add("comparator-contradiction",
                    f"{what}指标值类型是“{comparator}”（越低越好），而规则奖励更高的实际值：按规则文字计，请核对指标值类型",
                    _first_span(rule))  # fmt: skip
        elif op in (Op.GE, Op.GT) and rewards == "lower":
            out.add("comparator-contradiction",
                    f"{what}指标值类型是“{comparator}”（越高越好），而规则奖励更低的实际值：按规则文字计，请核对指标值类型",
                    _first_span(rule))  # fmt: skip
    # the comparator written in the target against the rule (target “<5起” vs 未发生得满分)
    tv = parse_value(str(target), unit) if target is not None and str(target).strip() else None
    if tv is not None and tv.op is not None and op is not None and tv.op is not op:
        same = {Op.GE: Op.GT, Op.GT: Op.GE, Op.LE: Op.LT, Op.LT: Op.LE}
        if same.get(tv.op) is not op:
            out.add("comparator-contradiction",
                    f"{what}指标值“{target}”与指标值类型“{comparator}”方向不一致", None)  # fmt: skip
    if tv is not None and tv.op is not None and op is None and rewards is not None:
        if (tv.op in (Op.LE, Op.LT) and rewards == "higher") or (tv.op in (Op.GE, Op.GT) and rewards == "lower"):
            out.add("comparator-contradiction",
                    f"{what}指标值“{target}”与规则的得分方向相反：按规则文字计", _first_span(rule))  # fmt: skip
    if comparator and comparator.strip() == "定性" and ax.kind == "value" and _numeric_bands(rule):
        out.add(
            "comparator-qualitative",
            f"{what}指标值类型是“定性”，但规则按数值分档或扣分：实际值需要填写数值",
            _first_span(rule),
        )
    needs_target = any(
        isinstance(a.condition, Range) and a.condition.measure in (Measure.DEVIATION, Measure.RATIO)
        for a in rule.awards
    ) or any(
        d.kind is StepKind.DISTANCE and (d.measure is Measure.DEVIATION or _no_reference(rule, d))
        for d in rule.deductions
    )
    if needs_target and target is not None and str(target).strip() and ax.target is None:
        out.add("target-not-numeric",
                f"{what}规则按偏离度、完成比例或与指标值的差距计分，而指标值“{target}”不是一个数：需要另行给出数值基数",
                _first_span(rule))  # fmt: skip
    elif needs_target and (target is None or not str(target).strip()):
        out.add("not-analysed", f"{what}规则按偏离度、完成比例或与指标值的差距计分：未给出指标值，相关检查未做", None)
    for a in rule.awards:
        c = a.condition
        if not (isinstance(c, Range) and c.measure is Measure.VALUE and isinstance(a.outcome, (FullMarks, Points))):
            continue
        if (
            op in (Op.GE, Op.GT, Op.LE, Op.LT)
            and c.low is not None
            and c.high is not None
            and c.low.value == c.high.value
        ):
            out.add("target-mismatch",
                    f"{what}满分条件是“等于{number(c.low.value.value)}{c.low.value.unit}”，而指标值类型是“{comparator}”：请写明"
                    f"{'超过' if op in (Op.GE, Op.GT) else '低于'}时如何计", a.span)  # fmt: skip
        elif op is Op.GE and c.low is not None and c.high is None and not c.low.inclusive:
            out.add("edge-strict",
                    f"{what}满分条件“{_src(out, a.span)}”不含{number(c.low.value.value)}{c.low.value.unit}本身，而指标值类型是“≥”："
                    "恰好达到指标值时得不到满分", a.span)  # fmt: skip
        elif op is Op.LE and c.high is not None and c.low is None and not c.high.inclusive:
            out.add("edge-strict",
                    f"{what}满分条件“{_src(out, a.span)}”不含{number(c.high.value.value)}{c.high.value.unit}本身，而指标值类型是“≤”："
                    "恰好等于指标值时得不到满分", a.span)  # fmt: skip
        break
    if ax.kind == "count" and ax.target is not None and ax.target > 0 and op in (Op.LE, Op.LT):
        out.add("target-mismatch",
                f"{what}指标值“{target}”允许发生{ax.show(ax.target)}，而规则从第一次发生就扣分", _first_span(rule))  # fmt: skip
    # full-marks threshold vs the target
    edge = _full_edge(rule)
    if edge is not None and ax.target is not None and ax.kind == "value" and not edge.is_percent == (not ax.percent):
        ev = edge.value if edge.is_percent else edge.value / ax.scale
        if ev != ax.target and edge.unit != "分":
            out.add("target-mismatch",
                    f"{what}满分线是{number(ev)}{'%' if ax.percent else ax.unit}，而指标值是{ax.show(ax.target)}", _full_span(rule))  # fmt: skip


def _numeric_bands(rule: Rule) -> bool:
    return any(isinstance(a.condition, Range) for a in rule.awards) or any(
        d.kind is StepKind.DISTANCE for d in rule.deductions
    )


def _full_span(rule: Rule) -> tuple[int, int] | None:
    for a in rule.awards:
        if isinstance(a.condition, Range) and isinstance(a.outcome, (FullMarks, Points)):
            return a.span
    return None


def _outcome_key(a: Award) -> str:
    return render_outcome(a.outcome)


def _bands(rule: Rule, ax: Axis, out: Out, what: str) -> None:
    events = ax.kind == "count"
    claimed: list[tuple[Award, list[Interval]]] = []
    for a in rule.awards:
        if isinstance(a.condition, (Label, Otherwise)):
            continue
        if a.condition is None:
            continue
        ivs = condition_intervals(a.condition, ax, events=events)
        if ivs is None:
            return  # a condition the axis cannot place: no interval analysis
        ivs = [i.intersect(ax.domain) for i in ivs]
        ivs = [i for i in ivs if not i.empty and (not ax.integral or i.has_integer())]
        claimed.append((a, ivs))
    if not claimed:
        return
    name = ax.name
    unit = "%" if ax.percent else ax.unit
    overlapping = overlapping_deductions(rule)
    for j, (aj, ivj) in enumerate(claimed):
        if any(aj in pair for pair in overlapping):
            continue  # two deducting bands that share a stretch: said as deduction-overlap (semantics §95)
        rest = list(ivj)
        for _ai, ivi in claimed[:j]:
            for x in ivi:
                rest = subtract(rest, x)
        rest = [r for r in rest if not ax.integral or r.has_integer()]
        if ivj and not rest:
            prev = [ai for ai, ivi in claimed[:j] if any(not x.intersect(y).empty for x in ivi for y in ivj)]
            same = all(_outcome_key(p) == _outcome_key(aj) for p in prev)
            if same and prev and any(_cond_eq(p, aj) for p in prev):
                out.add("band-duplicate", f"{what}“{_src(out, aj.span)}”与前面的条款重复", aj.span)
            else:
                covered = "、".join(f"“{_src(out, p.span)}”" for p in prev)
                out.add("clause-unreachable",
                        f"{what}“{_src(out, aj.span)}”永远不会适用：它覆盖的实际值已被{covered}覆盖（先写的条款优先）", aj.span)  # fmt: skip
            continue
        for ai, ivi in claimed[:j]:
            if _outcome_key(ai) == _outcome_key(aj):
                continue
            for x in ivi:
                for y in ivj:
                    both = x.intersect(y)
                    if both.empty or (ax.integral and not both.has_integer()):
                        continue
                    if both == x or both == y:
                        # a cascade (≥5家得6分，≥3家得4分): the later band is the else-branch of the earlier
                        continue
                    out.add("band-overlap",
                            f"{what}“{_src(out, ai.span)}”与“{_src(out, aj.span)}”都覆盖{both.text(name, unit)}"
                            f"（{render_outcome(ai.outcome)}或{render_outcome(aj.outcome)}）：按先写的“{_src(out, ai.span)}”计",
                            aj.span)  # fmt: skip
    # gaps: only when nothing else scores the uncovered outcomes
    if rule.deductions or rule.proportional is not None or any(isinstance(a.condition, Otherwise) for a in rule.awards):
        return
    if any(a.condition is None for a in rule.awards):
        return
    free = [ax.domain]
    for _, ivs in claimed:
        for x in ivs:
            free = subtract(free, x)
    free = [f for f in free if not f.empty and (not ax.integral or f.has_integer())]
    if only_deducting_bands(rule) and all(getattr(a.condition, "measure", None) is Measure.VALUE for a in rule.awards):
        # 满意度低于90%扣2分 at 95%: beyond every deducting band nothing is lost (semantics §83), no gap
        bands = [x for _, ivs in claimed for x in ivs]
        free = [f for f in free if not (_beyond(f, bands, ax.domain, above=True) or _beyond(f, bands, ax.domain, above=False))]
    for g in free:
        if ax.integral and g.lo is not None and g.hi is not None:
            ints = [k for k in range(int(g.lo), int(g.hi) + 1) if g.contains(Decimal(k))]
            if len(ints) == 1:
                g = Interval(Decimal(ints[0]), True, Decimal(ints[0]), True)
        out.add(
            "band-gap",
            f"{what}{g.text(name, unit)}没有任何条款覆盖（空档）：按0分计，请补写这一档",
            _gap_span(rule, g, claimed),
        )


def _cond_eq(a: Award, b: Award) -> bool:
    return a.condition == b.condition


def _gap_span(rule: Rule, gap: Interval, claimed: Sequence[tuple[Award, list[Interval]]]) -> tuple[int, int] | None:
    """The clause next to a gap: the one whose interval touches it."""
    for a, ivs in claimed:
        for x in ivs:
            if (x.hi is not None and gap.lo is not None and x.hi == gap.lo) or (
                x.lo is not None and gap.hi is not None and x.lo == gap.hi
            ):
                return a.span
    return claimed[0][0].span if claimed else None


def _composite(
    node: Composite, out: Out, w: Decimal | None, target: Any, comparator: str | None, unit: str | None,
    share: Decimal,
) -> None:  # fmt: skip
    known = sum((i.points for i in node.items if i.points is not None), ZERO)
    scored = [i for i in node.items if i.rule.awards or i.rule.deductions]
    unknown = [i for i in scored if i.points is None]
    if w is None:
        if known:
            out.add("weight-missing", f"未给出分值：按各分项写明的分数合计{number(known)}分计")
    else:
        if known > w:
            out.add("exceeds-weight", f"各分项合计{number(known)}分，超过指标分值{number(w)}分", _item_span(node))
        elif known < w and not unknown:
            out.add(
                "below-weight",
                f"各分项合计{number(known)}分，低于指标分值{number(w)}分：永远得不到满分",
                _item_span(node),
            )
    implied = (w - known) / len(unknown) if (w is not None and unknown and w > known) else None
    for item in node.items:
        pts = item.points if item.points is not None else implied
        if not (item.rule.awards or item.rule.deductions):
            _clause_checks(item.rule, out, comparator, unit, f"第{item.number}项")
            continue
        _rule(item.rule, out, pts, None, None, None, share, top=False, what=f"第{item.number}项")
    if node.shared is not None:
        _rule(node.shared, out, w, target, comparator, unit, share, top=False, what="各项共用的")


def _item_span(node: Composite) -> tuple[int, int] | None:
    return node.items[0].span if node.items else None


_TYPOS = (
    ("呢", "多余的“呢”"), ("高与", "“高与”应为“高于”"), ("。。", "重复的句号"), ("，，", "重复的逗号"),
    ("得满分呢", "多余的“呢”"),
)  # fmt: skip


_REPEAT = re.compile(r"([\u4e00-\u9fff]{2,4})\1")


def _text_checks(out: Out) -> None:
    text = out.text
    if not text:
        return
    for word, why in _TYPOS:
        i = text.find(word)
        if i >= 0 and not (word == "呢" and "得满分呢" in text and text.find("得满分呢") + 3 != i):
            out.add("typo", f"疑似笔误：{why}", (i, i + len(word)))
    for m in _REPEAT.finditer(text):
        if m.group(1) in ("每年", "每月", "以上", "一一"):
            continue
        out.add("typo", f"疑似笔误：“{m.group(1)}”重复了", (m.start(), m.end()))
    for m in re.finditer(r"[\u4e00-\u9fff]([\u4e00-\u9fff])\1(?=[\u4e00-\u9fff])", text):
        ch = m.group(1)
        if ch in "厅处":
            out.add("typo", f"疑似笔误：“{ch}{ch}”", (m.start() + 1, m.end()))
    for m in re.finditer(r"[（(][^（()）]*(除外|如因)[^（()）]*[)）]|除[^，。；]*外，", text):
        out.add(
            "exception-clause",
            f"例外条款“{m.group(0).strip('，')}”：考核基数可能调整，评分时需要人工确认",
            (m.start(), m.end()),
        )
    for m in re.finditer(r"服务[%％]|[\u4e00-\u9fff][%％]计", text):
        out.add("typo", "疑似笔误：多余的“%”", (m.start(), m.end()))


def _beyond(g: Interval, bands: list[Interval], domain: Interval, above: bool) -> bool:
    """The outcomes ``g`` run to the end of the axis above (below) every band: none of them is between two."""
    if above:
        return g.hi == domain.hi and g.lo is not None and all(b.hi is not None and b.hi <= g.lo for b in bands)
    return g.lo == domain.lo and g.hi is not None and all(b.lo is not None and b.lo >= g.hi for b in bands)
