"""Points of one clause: an award's outcome, a formula, a deduction over a distance or per event
(the arithmetic the reading's plans state), 按比例赋分, and a checklist's things added up."""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from typing import Any

import attrs

from ..errors import EvaluationError
from ..reading.bind import counts_whole
from ..reading.scales import (
    award_op,
    band,
    default_direction,
    distance,
    formula_names,
    outcome_names,
    ratio,
    reference,
    same_unit,
    target_mismatch,
)
from ..reading.values import (
    is_missing,
    normalize_unit,
    verb_answer,
)
from ..rules.lexicon import words
from ..rules.nodes import (
    Abs,
    Award,
    BinOp,
    ByHand,
    Deduction,
    Direction,
    Expr,
    Formula,
    FullMarks,
    Label,
    Measure,
    Num,
    Op,
    Outcome,
    Partial,
    PercentBasis,
    Points,
    Quantity,
    Range,
    Rule,
    ShareOfRank,
    ShareOfWeight,
    StepKind,
    Var,
    Zero,
)
from .answers import (
    _actual,
    _as_count,
    _compared,
    _Ctx,
    _fail,
    _In,
    _keyed,
    _number,
    _numeric_target,
    _once_counted,
    _scale,
    _show,
    rank_values,
    step_count,
    within,
)
from .explain import _event_count
from .results import HUNDRED, ONE, ZERO, _fmt, _num, _q4


def _outcome(o: Outcome, x: _In, ctx: _Ctx, full: Decimal) -> Decimal:
    if isinstance(o, FullMarks):
        return full
    if isinstance(o, Points):
        return o.value
    if isinstance(o, ShareOfWeight):
        return full * o.percent / HUNDRED
    if isinstance(o, ByHand) and (bounds := o.bounds(full)) is not None:
        # 良好8-9分 / 得60%-80%分值 (domain point 22): a hand score within the range; choosing it asks for one
        # (_require_points), and deduction_range picks an end (min: the least lost, the high end)
        low, high = bounds
        return {"min": high, "mid": (low + high) / 2}.get(ctx.options.deduction_range or "", low)
    if isinstance(o, (Zero, ByHand)):
        return ZERO  # ByHand: ranks lowest; choosing it asks for a hand score (_require_points)
    if isinstance(o, Formula):
        value = _expr(o.expr, x, ctx, full, outcome_names(o))
        return value if o.cap is None else min(value, o.cap)  # 最高5分 (the weight's clamp comes after)
    raise AssertionError(o)


def _expr(e: Expr, x: _In, ctx: _Ctx, full: Decimal, names: dict[str, str] | None = None) -> Decimal:
    if names is None:
        names = dict(formula_names(e))  # what each name stands for, for the whole formula
    if isinstance(e, Num):
        return e.value
    if isinstance(e, Var):
        return _var(e.name, names.get(e.name, "unknown"), x, ctx, full)
    if isinstance(e, Abs):
        return abs(_expr(e.arg, x, ctx, full, names))
    if isinstance(e, BinOp):
        a = _expr(e.left, x, ctx, full, names)
        b = _expr(e.right, x, ctx, full, names)
        if e.op == "+":
            return a + b
        if e.op == "-":
            return a - b
        if e.op == "*":
            return a * b
        if b == 0:
            raise EvaluationError("公式除以0")
        return a / b
    raise AssertionError(e)


def one_or_each(a: Award, full: Decimal) -> bool:
    """报送报告1次计2.5分 / 发表论文1篇得2分 on a row worth more than the award: "1次" read as at least once
    (not written: no 以上) can never reach the weight, and the text may as well mean 2.5 each time. Both
    readings give the award for exactly one; for more, the evaluator refuses (the code generator leaves
    such a rule to it)."""
    c = a.condition
    return (
        isinstance(c, Range) and c.measure is Measure.VALUE and c.high is None and c.low is not None
        and not c.low.stated and c.low.value.value == 1 and c.low.value.unit not in ("", "%", "个百分点")
        and isinstance(a.outcome, Points) and a.outcome.value < full
    )  # fmt: skip


def _base_points(rule: Rule, ctx: _Ctx, full: Decimal) -> Decimal:
    for a in rule.awards:
        if isinstance(a.outcome, FullMarks):
            return full
        if isinstance(a.outcome, Points) and a.outcome.value > 0:
            return a.outcome.value
    return full


def _reference(rule: Rule, ctx: _Ctx, d: Deduction | None) -> Quantity | None:
    """Where steps are counted from: the reading's decision (scoring.reading.bind.reference)."""
    return reference(rule, d, ctx.unit, ctx.target.quantity if ctx.target is not None else None)[0]


def _default_direction(ctx: _Ctx, rule: Rule | None) -> Direction:
    return default_direction(ctx.op, rule)[0]  # the reading's decision (semantics §4)


def _var(name: str, kind: str, x: _In, ctx: _Ctx, full: Decimal) -> Decimal:
    """A name of a formula, as ``scales.formula_names`` reads it."""
    if kind == "weight":
        return full
    if kind == "unknown":
        raise EvaluationError(f"公式中的“{name}”没有定义")
    if kind == "defined_rate":
        # 预算执行率=实际支出数/调整后预算数×100% (semantics §164): the rule defines the rate by names the row does not
        # give; a % is the rate itself, a number of any other kind cannot be turned into it here
        if x.quantity is None or not x.quantity.is_percent:
            got = "" if x.quantity is None else f"，而不是“{_fmt(x.quantity)}”"
            raise EvaluationError(f"公式中的“{name}”由规则定义，其分母不是指标值，无法由数值算出：请直接给出{name}（如“95%”）{got}")
        return x.quantity.value / HUNDRED
    if kind == "mixed_scale":
        raise EvaluationError(f"公式中的“{name}”既在乘以分值的项里，又在不乘分值的项里：百分比按小数还是按点数计算，规则没有写明，请人工计算")
    if kind == "hundred_unclear":
        raise EvaluationError(
            f"公式中的“{name}”与除以100的关系不清楚（百分制分数要除以100，这里它与指标值、其他名称或不除以100的项写在一起）："
            "它按原数还是按小数计算，规则没有写明，请人工计算"
        )
    if kind == "two_rates":
        raise EvaluationError(f"公式中有两个比率，规则没有写明哪个是实际值（{name}…）：请按规则人工计算")
    if kind in ("target", "target_rate", "target_points"):
        t = _numeric_target(ctx)
        if kind == "target_rate":
            if not t.is_percent:
                raise EvaluationError(f"公式中的“{name}”是指标值，应为百分比，而指标值是{_fmt(t)}")
            return t.value / HUNDRED
        return t.value / HUNDRED if t.is_percent and kind == "target" else t.value  # a fraction beside 分值
    if x.quantity is None:
        raise EvaluationError(f"公式需要{name}的数值")
    if kind == "hundred":
        return _hundred(name, x.quantity)
    if kind in ("value", "value_points"):
        err = target_mismatch(ctx.target.quantity, x.quantity.unit) if ctx.target is not None else None
        if err:
            raise EvaluationError(err.replace("{q}", _fmt(x.quantity)))
        return x.quantity.value / HUNDRED if x.quantity.is_percent and kind == "value" else x.quantity.value
    if x.quantity.is_percent:
        return x.quantity.value / HUNDRED
    if kind == "derived":
        if any(w in name for w in _FROM_TARGET):
            return _from_target(name, x, ctx)
        # 增长率, 节约率: the rule does not say how to work it out from the value and the target
        raise EvaluationError(f"公式中的“{name}”要由实际值和指标值算出，规则没有写明怎么算：请直接给出{name}（如“5%”）")
    return _compared(ratio(ctx.setting, "q", x.quantity.unit), x) / HUNDRED


def _hundred(name: str, q: Quantity) -> Decimal:
    """满意度×本项分值/100 (semantics §129): the name is a score out of 100, read as written: 88 (a bare number, or in
    分) is 88, and 88% is 88 too (a satisfaction of 88% is 88 on the 百分制; its fraction divided by 100 again scored
    0.09 of 10). Any other unit, or a number outside 0–100, is refused."""
    if not (q.is_percent or normalize_unit(q.unit) in ("", "分")):
        raise EvaluationError(f"公式中的“{name}”是百分制分数（除以100），需要0到100之间的分数或百分比，而不是“{_fmt(q)}”")
    if not ZERO <= q.value <= HUNDRED:
        raise EvaluationError(f"公式中的“{name}”是百分制分数（除以100），应在0到100之间，而不是“{_fmt(q)}”")
    return q.value


#: names of a formula that domain point 2 defines from the value and the target: 偏差率 / 偏离度 |实际值 − 指标值| / 指标值
#: (the sides the comparator counts, point 4), 超支率 the part above the budget / the budget
_FROM_TARGET = ("偏差", "偏离", "超支")


def _from_target(name: str, x: _In, ctx: _Ctx) -> Decimal:
    """得分=（1-偏差率）×指标分值 answered 90 on a row of 100: 偏差率 = |90 − 100| / 100 = 10% (domain point 2), on the
    side the comparator counts (point 4: ≥ the shortfall, ≤ the excess, = both); 超支率 counts the excess only. It
    was refused, asking for the rate."""
    assert x.quantity is not None
    t = _numeric_target(ctx)
    err = target_mismatch(t, x.quantity.unit)
    if err:
        raise EvaluationError(err.replace("{q}", _fmt(x.quantity)))
    if t.value == 0:
        raise EvaluationError(f"指标值为0，无法计算{name}")
    diff = x.quantity.value - t.value
    if "超支" in name or ctx.op in (Op.LE, Op.LT):
        dist = max(diff, ZERO)
    elif ctx.op in (Op.GE, Op.GT):
        dist = max(-diff, ZERO)
    else:
        dist = abs(diff)
    return dist / abs(t.value)


def _deduct(d: Deduction, x: _In, rule: Rule, ctx: _Ctx) -> Decimal:
    per = d.points if isinstance(d.points, Decimal) else _expr(d.points, x, ctx, ctx.weight)
    if d.points_max is not None:
        choice = ctx.options.deduction_range
        if choice is None:
            if (x.quantity is not None and x.quantity.value == 0 and x.flag is None) or x.flag is True:
                if d.kind is not StepKind.DISTANCE:
                    return ZERO
            if d.kind is StepKind.DISTANCE and not _deduct(attrs.evolve(d, points_max=None), x, rule, ctx):
                return ZERO  # 每低5%扣1-2分 at the line: no step, nothing to choose
            err = EvaluationError(
                f"“{d.event}”扣{_num(per)}-{_num(d.points_max)}分：扣分是区间，需要人工确定（或设置 deduction_range=min|max|mid）"
            )
            err.hand_range = True  # type: ignore[attr-defined]  # evaluate() adds the bounds of the hand score
            raise err
        per = {"min": per, "max": d.points_max, "mid": (per + d.points_max) / 2}[choice]
    partial = d.partial if d.partial is not None else ctx.options.partial
    if d.kind is StepKind.ONCE:
        said = verb_answer(x.label, d.event) if x.label is not None and x.flag is None and x.quantity is None else None
        if said is not None:
            x = _In(flag=not said)  # 未出现 on 出现学生流失情况扣3分: the event's own verb negated (semantics §136)
        if x.flag is None and (x.quantity is None or not _once_counted(d.event) or x.quantity.is_percent):
            if x.quantity is not None and not x.quantity.is_percent and not _once_counted(d.event):
                # 申报材料逾期报送的扣1分 answered 0: no event verb names a count of it; the message said a count would do
                if d.bonus:  # 获得国家级表彰的加2分 answered 1: 是 is the bonus earned (§131)
                    raise EvaluationError(
                        f"“{d.event}”需要回答是/否（是＝有，加分；否＝没有），而不是“{_show(x)}”：这一条款没有写明按次数加分"
                    )
                raise EvaluationError(
                    f"“{d.event}”需要回答是/否（是＝没有这种情形，否＝有），而不是“{_show(x)}”：这一条款没有写明按次数扣分"
                )
            raise EvaluationError(f"需要说明“{d.event}”是否发生（是/否，或它发生的次数），而不是“{_show(x)}”")
        if x.flag is None and x.quantity is not None and x.quantity.value < 0:
            raise EvaluationError(f"次数不能为负: {_fmt(x.quantity)}")
        if x.flag is None and x.quantity is not None and x.quantity.value % 1:
            # 发生安全事故的扣2分 answered 2.5: a count is whole (semantics §125); it deducted once
            raise EvaluationError(f"“{d.event}”的次数应为整数，而不是“{_show(x)}”")
        happened = x.quantity.value > 0 if x.quantity is not None and x.flag is None else (x.flag is False)
        if happened:
            ctx.step(f"{d.event}扣{_num(per)}分", -per, "", 实际值=_show(x))
            return per
        return ZERO
    if d.kind is StepKind.EVENTS:
        if x.quantity is None:
            if x.flag is not None:
                return ZERO if x.flag else _fail(f"需要“{d.event or '扣分事项'}”的次数，而不是“否”")
            raise EvaluationError(f"需要“{d.event or '扣分事项'}”的次数")
        assert d.step is not None
        q = step_count(x, d.step)
        if q.is_percent:
            raise EvaluationError(f"需要次数，而不是百分比{_fmt(q)}")
        if q.value < 0:
            raise EvaluationError(f"次数不能为负: {_fmt(q)}")
        if q.value % 1 and counts_whole(d):
            raise EvaluationError(f"“{d.event or '扣分事项'}”的次数应为整数，而不是“{_show(x)}”")
        if q.unit and d.step.unit and not same_unit(normalize_unit(q.unit), normalize_unit(d.step.unit)):
            raise EvaluationError(f"实际值{_fmt(q)}与步长{_fmt(d.step)}单位不一致")
        steps = _count(q.value / d.step.value, partial)
        lost = steps * per
        if lost:
            ctx.step(f"{_event_count(d, q)}，每{_fmt(d.step)}扣{_num(per)}分", -lost, "", 次数=q)
        return lost
    # distance from a reference: the reading's plan for this answer's scale (scoring.reading.scales)
    if x.quantity is None:
        raise EvaluationError(f"这条规则需要一个数值实际值，而不是“{_show(x)}”")
    assert d.step is not None
    plan = distance(rule, d, ctx.setting, _scale(x))
    q = _number(x, plan.compare.source)
    q = Quantity(q.value, plan.compare.unit)
    if plan.error:
        raise EvaluationError(plan.error.replace("{q}", _fmt(q)))
    qv = _compared(plan.compare, x)
    ref = plan.upper if plan.upper is not None and qv > plan.upper.value else plan.line
    rv = ref.value
    diff = qv - rv
    direction = plan.direction
    if direction is Direction.SHORTFALL:
        dist = max(-diff, ZERO)
    elif direction is Direction.EXCESS:
        dist = max(diff, ZERO)
    else:
        dist = abs(diff)
    if dist == 0:
        return ZERO
    if plan.moved_error:
        raise EvaluationError(plan.moved_error.replace("{q}", _fmt(q)))
    moved = dist / abs(rv) * HUNDRED if plan.relative else dist * plan.per_unit / plan.per_div
    if plan.compare.kind.startswith("deviation"):  # steps on the deviation from the target (deviation_line)
        how = f"偏离指标值{_num(_q4(qv))}%，超出{_num(rv)}%共{_num(_q4(dist))}个百分点"
    elif plan.basis is PercentBasis.RELATIVE:
        how = f"相对{_num(rv)}{ref.unit}偏离{_num(_q4(moved))}%" if not plan.rate else f"相对偏离{_num(_q4(moved))}%"
    elif plan.basis is PercentBasis.POINTS:
        side = "低于" if direction is Direction.SHORTFALL and diff < 0 else "高于" if diff > 0 else "偏离"
        how = f"{side}{_num(rv)}%共{_num(_q4(dist))}个百分点"
    else:
        how = f"{'少于' if diff < 0 else '超出'}{_fmt(ref)}共{_num(_q4(dist))}{q.unit or ref.unit}"
    steps = _count(moved / d.step.value, partial)
    lost = steps * per
    subject = next(
        (a.condition.subject for a in rule.awards if isinstance(a.condition, Range) and a.condition.subject), ""
    )
    subject = "实际值" if plan.compare.kind.startswith("deviation") else subject.rstrip("的") or "实际值"
    ctx.step(
        f"{subject}{_fmt(q)}，{how}，按每{_fmt(d.step)}扣{_num(per)}分",
        -lost,
        _partial_note(partial, steps),
        实际值=q,
        参照值=ref,
    )
    return lost


def _count(steps: Decimal, partial: Partial) -> Decimal:
    if partial is Partial.CEIL:
        return steps.to_integral_value(rounding=ROUND_CEILING)
    if partial is Partial.FLOOR:
        return steps.to_integral_value(rounding=ROUND_FLOOR)
    return steps


def _partial_note(partial: Partial, steps: Decimal) -> str:
    if steps == steps.to_integral_value():
        return ""
    return {"按比例": "不足一档按比例计", "按一档计": "不足一档按一档计", "不计": "不足一档不计"}[partial.value]


def proportional_op(rule: Rule, ctx: _Ctx) -> Op:
    """The side a proportional rule is met on: the row's comparator, else the side of the full-marks band
    (0.9‰以内得满分，超过的按比例扣分: ≤; semantics §107), else ≥. A row whose comparator is on the other side of the
    band the text gives full marks on (≥ beside 以内得满分) contradicts the text: refused, not scored by the row's side
    (1.2‰ on a ≥ row scored full marks; semantics §108)."""
    side = award_op(rule)
    if ctx.op is not None and side is not None and _up(ctx.op) is not None and _up(side) is not None and _up(ctx.op) != _up(side):
        raise EvaluationError(
            f"指标值类型（{ctx.op.value}）与规则得满分的一侧（{side.value}）相反：按比例计分时不知道以哪一侧为准，"
            "请核对指标值类型或规则"
        )
    return ctx.op or side or Op.GE


def _up(op: Op) -> bool | None:
    """Whether the comparison is met upward (≥, >), downward (≤, <), or neither (=)."""
    return True if op in (Op.GE, Op.GT) else False if op in (Op.LE, Op.LT) else None


def _proportional(rule: Rule, x: _In, ctx: _Ctx, full: Decimal) -> Decimal:
    if x.quantity is None:
        if x.flag is not None:
            return full if x.flag else _fail("按比例赋分需要完成的数值（如完成率）")
        raise EvaluationError("按比例赋分需要数值实际值")
    base = _base_points(rule, ctx, full)
    q = x.quantity
    op = proportional_op(rule, ctx)
    if op in (Op.LE, Op.LT):
        t = _numeric_target(ctx)
        wrong = target_mismatch(t, q.unit)
        if wrong:
            raise EvaluationError(wrong.replace("{q}", _fmt(q)))
        tv = t.value
        av = q.value
        linear = rule.proportional.linear if rule.proportional and rule.proportional.linear is not None else None
        if av <= tv:
            share = ONE
        elif linear or (linear is None and ctx.options.reverse == "linear"):
            share = max(ZERO, 2 - av / tv) if tv else ZERO
        else:
            share = tv / av
    else:
        if ctx.target is None and q.is_percent:
            share = q.value / HUNDRED
        else:
            share = _compared(ratio(ctx.setting, "q", q.unit), x) / HUNDRED
        share = min(share, ONE)
    value = base * max(share, ZERO)
    ctx.step(f"按比例赋分：{_num(base)}×{_num(_q4(share * HUNDRED))}%", value, "", 实际值=q)
    return value


def _checklist(things: Sequence[Award], actual: Any, ctx: _Ctx, per_item: bool = False, hand: Award | None = None) -> Decimal:
    """A checklist (domain point 17): each thing answered 是/否 under its number, the points of those
    met added up; one answer for them all is refused. Where the text counts the items (每完成1项取得该项分数,
    ``per_item``) and every item is worth the same, the count of items met answers it too (semantics §67):
    the count decides the points whichever items they are. Items worth different points need each answer.
    ``hand``: 未开展相关工作的视情况扣分 closing the list (semantics §110): a thing not done scores by hand within
    [0, its points]; asked for (the bounds added by evaluate()) unless deduction_range picks an end."""
    names = "；".join(f"{i}：{a.condition.text}" for i, a in enumerate(things, 1) if isinstance(a.condition, Label))
    if not isinstance(actual, Mapping) and per_item:
        return _items_counted(things, actual, ctx, names)
    if not isinstance(actual, Mapping):
        raise EvaluationError(
            f"这条规则列出{len(things)}项不同的事，各自计分（{names}）：请分别回答是否做到，如 {{1: '是', 2: '否'}}"
        )
    keyed = _keyed(_by_number(actual, things), range(1, len(things) + 1))
    total = ZERO
    undone: list[str] = []
    for i, a in enumerate(things, 1):
        x = _actual(keyed[i], ctx)
        if x.flag is None or x.quantity is not None:
            raise EvaluationError(f"第{i}项需要“是/否”，而不是“{_show(x)}”")
        assert isinstance(a.outcome, Points) and isinstance(a.condition, Label)
        got = a.outcome.value if x.flag else ZERO
        if not x.flag and hand is not None:
            undone.append(f"第{i}项 {a.condition.text}（{_num(a.outcome.value)}分）")
            choice = ctx.options.deduction_range
            if choice is not None:
                # min: the least lost (the thing's points kept); max: all lost; mid: half
                got = {"min": a.outcome.value, "mid": a.outcome.value / 2}.get(choice, ZERO)
        ctx.step(f"第{i}项 {a.condition.text}：{'做到' if x.flag else '未做到'}", got, "", 实际值=_show(x))
        total += got
    if undone and hand is not None and ctx.options.deduction_range is None:
        assert isinstance(hand.condition, Label)
        err = EvaluationError(f"“{hand.condition.text}”视情况扣分：{'、'.join(undone)}未做到，这几项的得分需要人工确定")
        err.hand_range = True  # type: ignore[attr-defined]  # evaluate() adds the bounds of the hand score
        raise err
    return total


def _by_number(actual: Mapping[Any, Any], things: Sequence[Award]) -> Mapping[Any, Any]:
    """A checklist's answers keyed by number or by the thing's words as written ({"方案制定": "是"}); a
    name matches exactly (semantics §81), never as a substring."""
    names = {a.condition.text: i for i, a in enumerate(things, 1) if isinstance(a.condition, Label)}
    out: dict[Any, Any] = {}
    for k, v in actual.items():
        key = names.get(k.strip(), k) if isinstance(k, str) else k
        if key in out:
            raise EvaluationError(f"第{key}项答了两次")
        out[key] = v
    return out


def _items_counted(things: Sequence[Award], actual: Any, ctx: _Ctx, names: str) -> Decimal:
    """每完成1项取得该项分数 answered with the count of items met: that many times the points of one item,
    when every item is worth the same; a count between 0 and the number of items, in 项 or bare."""
    points = {a.outcome.value for a in things if isinstance(a.outcome, Points)}
    x = _actual(actual, ctx)
    if len(points) != 1:
        raise EvaluationError(
            f"这条规则列出{len(things)}项，分值各不相同（{names}）：完成项数不能决定得分，请分别回答是否做到，如 {{1: '是', 2: '否'}}"
        )
    if x.quantity is None:
        raise EvaluationError(
            (f"一个“{_show(x)}”不能回答{len(things)}项：" if x.flag is not None else "")
            + f"这条规则列出{len(things)}项，每完成1项取得该项分数（{names}）：请填写完成的项数，或分别回答是否做到，如 {{1: '是', 2: '否'}}"
        )
    count = _as_count(x)
    n = len(things)
    if count.unit not in ("", "项") or count.value != count.value.to_integral_value() or not 0 <= count.value <= n:
        raise EvaluationError(f"需要完成的项数（0至{n}的整数），而不是“{_show(x)}”")
    each = next(iter(points))
    got = each * count.value
    ctx.step(f"完成{_num(count.value)}项，每项{_num(each)}分", got, "", 实际值=_show(x))
    return got


# ------------------------------------------------------------------ deductions and bonuses from a base


#: measures that hold only on one side of the target: none of their bands applies on the other
_ONE_SIDED = (Measure.GAP, Measure.EXCESS)


def share_of_rank(rule: Rule, actual: Any, ctx: _Ctx, full: Decimal) -> tuple[Rule, Any]:
    """按第1名的比例得分 (semantics §109): the band of ranks that holds for the answer's rank, first listed (§1); where it
    scores a share of rank N's points, those points × this one's value ÷ rank N's value, both from the answer (a rank
    alone is refused there with what is needed; elsewhere it is enough). The rule comes back with that share as
    points, and the answer as the rank."""
    share = next(a.outcome for a in rule.awards if isinstance(a.outcome, ShareOfRank))
    assert isinstance(share, ShareOfRank)
    nth = share.rank.normalize()
    read = rank_values(actual, share.rank)
    if read is None:
        if is_missing(actual):
            return rule, actual  # 数据缺失: refused as missing data by the answer's reading
        raise EvaluationError(
            f"这条规则按名次计分，有的名次按第{nth:f}名的比例得分：请填写名次（如 第3名），该名次按比例计分时再写明本单位和第{nth:f}名的"
            f"排名依据数值（如 {{'名次': 3, '本单位值': '0.8', '第{nth:f}名值': '1.0'}} 或 第3名，本单位0.8，第{nth:f}名1.0）"
        )
    rank, own, first = read

    def holding(r: Decimal) -> Award | None:
        x = _In(Quantity(r, "名"), raw=Quantity(r, "名"))
        return next((a for a in rule.awards if isinstance(a.condition, Range) and _in_range(a.condition, x, ctx)), None)

    chosen = holding(rank)
    base = holding(share.rank)
    if base is None or isinstance(base.outcome, ShareOfRank):
        raise EvaluationError(f"规则没有写第{nth:f}名得多少分，按第{nth:f}名的比例无从计算")
    top = _outcome(base.outcome, _In(), ctx, full)
    clauses: list[Any] = []
    for c in rule.clauses:
        if not (isinstance(c, Award) and isinstance(c.outcome, ShareOfRank)):
            clauses.append(c)
        elif c is not chosen:
            clauses.append(attrs.evolve(c, outcome=Points(top)))  # never taken: at most rank N's points
        else:
            if own is None or first is None:
                raise EvaluationError(
                    f"第{rank:f}名按第{nth:f}名的比例得分，要用本单位和第{nth:f}名的排名依据数值（名次算不出比例）：请写成 "
                    f"{{'名次': {rank:f}, '本单位值': …, '第{nth:f}名值': …}} 或 第{rank:f}名，本单位…，第{nth:f}名…"
                )
            if first <= 0 or own < 0 or own > first:
                raise EvaluationError(
                    f"本单位值{_num(own)}与第{nth:f}名值{_num(first)}不合：第{nth:f}名的值应大于0，且不小于本单位值"
                )
            cond = c.condition
            assert isinstance(cond, Range)
            shown = f"{cond.subject}（按第{nth:f}名的比例：{_num(top)}分×{_num(own)}÷{_num(first)}）"
            clauses.append(attrs.evolve(c, condition=attrs.evolve(cond, subject=shown), outcome=Points(top * own / first)))
    return attrs.evolve(rule, clauses=tuple(clauses)), f"第{rank:f}名"


def _in_range(cond: Range, x: _In, ctx: _Ctx) -> bool:
    v = _compared(band(cond, ctx.setting, _scale(x)), x)
    if cond.measure in _ONE_SIDED and v <= 0:
        return False  # the target is met (the budget kept): no band on the shortfall (the excess) applies
    return within(cond, v)




#: counters of events (起, 次, 件 …): a further deduction per 次 of events counted per 起 counts the same events
_EVENT_COUNTERS = frozenset(words("event_unit"))


def _check_again(deductions: Sequence[Deduction], x: _In, per_clause: dict[int, _In]) -> None:
    """差评每件扣0.1分，差评未整改的每件再扣0.2分 (semantics §159): a per-event deduction written with 再 / 另 / 还
    deducts again for some of the events the per-event deduction before it counts (in the same counter), so its
    count cannot exceed theirs: {1: 2, 2: 3} (3 unrectified of 2 bad reviews) is refused, not scored."""
    for before, d in itertools.pairwise(deductions):
        if not (
            d.again and d.kind is StepKind.EVENTS and before.kind is StepKind.EVENTS and not before.bonus
            and d.step is not None and before.step is not None
            and (d.step.unit == before.step.unit or {d.step.unit, before.step.unit} <= _EVENT_COUNTERS)
        ):  # fmt: skip
            continue
        mine, theirs = per_clause.get(id(d), x).quantity, per_clause.get(id(before), x).quantity
        if mine is not None and theirs is not None and mine.value > theirs.value:
            raise EvaluationError(
                f"“{d.event}”再扣的是“{before.event}”中的一部分，次数不能多于后者：{_fmt(mine)}多于{_fmt(theirs)}"
            )


def _lost(rule: Rule, deductions: Sequence[Deduction], x: _In, per_clause: dict[int, _In], ctx: _Ctx) -> Decimal:
    """What ``deductions`` take, each within its own cap, then all within the rule's."""
    total = ZERO
    _check_again(deductions, x, per_clause)
    for d in deductions:
        lost = _deduct(d, per_clause.get(id(d), x), rule, ctx)
        if d.cap is not None and lost > d.cap:
            ctx.step(f"最多扣{_num(d.cap)}分", lost - d.cap, "扣分达到上限")
            lost = d.cap
        total += lost
    if rule.cap is not None and total > rule.cap:
        ctx.step(f"扣分合计最多{_num(rule.cap)}分", total - rule.cap, "扣分达到上限")
        total = rule.cap
    if rule.cap_share is not None:
        # 扣分不超过本项分值的50% (semantics §84): a share of the weight (the item's points in a sub-item)
        cap = ctx.weight * rule.cap_share / HUNDRED
        if total > cap:
            ctx.step(f"扣分合计最多{_num(cap)}分（分值的{_num(rule.cap_share)}%）", total - cap, "扣分达到上限")
            total = cap
    return total


def _deducted(rule: Rule, deductions: Sequence[Deduction], x: _In, per_clause: dict[int, _In], ctx: _Ctx,
              base: Decimal, full: Decimal) -> Decimal:  # fmt: skip
    """``base`` less what ``deductions`` take, each within its cap and all within the rule's, floored
    at 0 unless the rule lifts the floor (该项可负分), never above the weight."""
    score = base - _lost(rule, deductions, x, per_clause, ctx)
    if score < 0 and rule.below_zero:
        ctx.step("可负分", ZERO, "规则写明该项可负分：扣分超过分值，得分为负")
    elif score < 0:
        ctx.step("扣完为止" if rule.until_exhausted else "最低0分", -score, "扣分超过分值，得分记为0")
        score = ZERO
    if rule.floor is not None and score < rule.floor <= base:
        # 最低得2分 (semantics §102): the deductions leave at least the stated points
        ctx.step(f"最低得{_num(rule.floor)}分", rule.floor - score, "规则写明得分下限")
        score = rule.floor
    return min(score, full)


def _gained(rule: Rule, x: _In, per_clause: dict[int, _In], ctx: _Ctx, base: Decimal) -> Decimal:
    """What the stated bonuses add, each bounded by its own cap, then all by the rule's."""
    total = ZERO
    largest = ZERO  # 就高计分 (semantics §126): only the largest bonus that holds
    held = [d for d in rule.bonuses if d.when is not None and x.quantity is not None and _in_range(d.when, x, ctx)]
    if len(held) > 1:
        # 90%以上加1分，100%以上加2分 at 105%: tiers (the one band, 2) or each band's bonus (3)? not written
        raise EvaluationError(
            f"实际值{_show(x)}同时落在“{'”“'.join(d.event for d in held)}”{len(held)}档加分中，原文没有写明只加一档还是各档累加："
            "请人工计分，或把各档改写成互不重叠的区间"
        )
    for d in rule.bonuses:
        xi = per_clause.get(id(d), x)
        if d.kind is StepKind.DISTANCE and d.direction is None:
            # a bonus counts the better side: above the line on a ≥ row, below it on a ≤ row
            side = _default_direction(ctx, rule)
            if side is Direction.BOTH:
                raise EvaluationError(f"“{d.event}”加分的方向未写明（高于还是低于时加分），指标值类型也未给出")
            d = attrs.evolve(d, direction=Direction.EXCESS if side is Direction.SHORTFALL else Direction.SHORTFALL)
        if d.when is not None:
            # 完成率100%以上加2分 (semantics §106): the bonus of a band of the value, given where the value is in it
            if x.quantity is None:
                raise EvaluationError(f"“{d.event}”按数值加分，需要实际数值，而不是“{_show(x)}”")
            got = d.points if _in_range(d.when, x, ctx) and isinstance(d.points, Decimal) else ZERO
            if got:
                ctx.step(f"{d.event}加{_num(got)}分", got, "", 实际值=_show(x))
        elif d.kind is not StepKind.DISTANCE and xi.quantity is None and xi.flag is not None:
            # 获先进集体…加2分 answered 是/否: 是 means the bonus was earned (once)
            if xi.flag and counts_each(d):
                most = f"最多加{_num(d.cap)}分，" if d.cap is not None else ""
                raise EvaluationError(
                    f"“{d.event or '加分事项'}”按次数加分，{most}“是”不能说明几次：需要填写数量（如 2；没有则填0）"
                )
            got = d.points if xi.flag and isinstance(d.points, Decimal) else ZERO
            if got:
                ctx.step(f"{d.event or '加分事项'}加{_num(got)}分", got, "", 实际值=_show(xi))
        else:
            got = _deduct(d, xi, rule, ctx)  # the same steps as a deduction; the trace entry is relabelled
            if got and ctx.steps:
                ctx.steps[-1] = attrs.evolve(ctx.steps[-1], clause=ctx.steps[-1].clause.replace("扣", "加"), delta=got)
        if d.cap is not None and got > d.cap:
            ctx.step(f"最多加{_num(d.cap)}分", d.cap - got, "加分达到上限")
            got = d.cap
        total += got
        largest = max(largest, got)
    if rule.bonus_highest and total > largest:
        ctx.step("就高计分", largest - total, "多项加分只取最高一项，不重复加分")
        total = largest
    if rule.bonus_cap is not None and total > rule.bonus_cap:
        ctx.step(f"加分合计最多{_num(rule.bonus_cap)}分", rule.bonus_cap - total, "加分达到上限")
        total = rule.bonus_cap
    if rule.bonus_cap_base and total > base:
        ctx.step("加分不超过基本分", base - total, "加分达到上限")
        total = base
    return total


def counts_each(d: Deduction) -> bool:
    """每获得1项市级表彰加1分(，最多加2分): a bonus 每 counts per case, so 是 does not say how many were won (semantics
    §131; it added one step). A cap of one step (最多加1分) makes 是 exact; an item of a 分别 list (分别加2分、1分, dev-049)
    is one listed item (domain point 17), met once by 是."""
    return (
        d.bonus and d.kind is StepKind.EVENTS and not d.listed and isinstance(d.points, Decimal)
        and (d.cap is None or d.cap > d.points)
    )  # fmt: skip


def _base_within_weight(rule: Rule, base: Decimal, full: Decimal) -> None:
    """基本分12分；获得表彰的加2分 on a weight of 10 (semantics §126): a base stated with no condition above the weight,
    beside bonuses, is refused: the bonuses may lift the score above the weight by what they add (§16), the base may
    not, and whether the text's base or the row's weight is wrong is not written."""
    if base > full and any(a.condition is None and isinstance(a.outcome, Points) for a in rule.awards):
        raise EvaluationError(
            f"基本分{_num(base)}分高于本项分值{_num(full)}分：加分可以使得分超过分值，基本分本身不能；"
            "请核对基本分或分值"
        )


def _add_bonuses(rule: Rule, x: _In, per_clause: dict[int, _In], ctx: _Ctx, value: Decimal, full: Decimal) -> Decimal:
    _base_within_weight(rule, value, full)
    gained = _gained(rule, x, per_clause, ctx, value)
    if (
        gained
        and not any(d.cap is not None for d in rule.bonuses)
        and rule.bonus_cap is None
        and not rule.bonus_cap_base
    ):
        ctx.steps[-1] = attrs.evolve(ctx.steps[-1], note="规则未写加分上限，加分不封顶")
    ctx.ceiling = max(full, value) + gained
    return value + gained


def _short_of_the_base(rule: Rule, x: _In, ctx: _Ctx) -> bool:
    """Whether a value no band holds is short of every band a step of a bonus counts on from (达到1000人得基本分3分，
    每增加100人加0.2分 at 900: the base is not reached, a gap, 0; it scored the base 3 — ninth probe B08, semantics
    §108). Beyond the band on the bonus's side (完成率100%得5分，每增加1个百分点加0.2分 at 103%) the band is the base."""
    assert x.quantity is not None
    v = x.quantity.value
    lows = [a.condition.low.value.value for a in rule.awards if isinstance(a.condition, Range) and a.condition.low]
    highs = [a.condition.high.value.value for a in rule.awards if isinstance(a.condition, Range) and a.condition.high]
    up = any(d.kind is StepKind.DISTANCE and d.bonus and d.direction is not Direction.SHORTFALL for d in rule.deductions)
    if up:
        return bool(lows) and v < min(lows)
    return bool(highs) and v > max(highs)


def _with_bonuses(rule: Rule, x: _In, per_clause: dict[int, _In], ctx: _Ctx, full: Decimal) -> Decimal:
    """Deductions and stated bonuses from a base: the award's points, or the weight; a rule of bonuses
    alone (每开展一项加2分，最高不超过4分) counts up from 0 and stays within the weight (domain point 18)."""
    alone = not rule.awards and all(d.bonus for d in rule.deductions)
    # 满意度≥90%得满分；获得表彰的加1分 at 85%: no band holds and no step counts from one: a gap, 0
    gap = (x.quantity is not None and any(isinstance(a.condition, Range) for a in rule.awards)
           and not any(d.kind is StepKind.DISTANCE and not d.bonus for d in rule.deductions)
           and (not any(d.kind is StepKind.DISTANCE for d in rule.deductions) or _short_of_the_base(rule, x, ctx)))  # fmt: skip
    base = ZERO if alone or gap else _base_points(rule, ctx, full)
    _base_within_weight(rule, base, full)
    ctx.step("基础分", base, "按加分从0计" if alone else "未覆盖：没有任何条款覆盖这个实际值" if gap else "", 满分=base)
    lost = _lost(rule, [d for d in rule.deductions if not d.bonus], x, per_clause, ctx)
    if rule.bonus_cap_base and lost > base:
        lost = base  # 加扣分均不突破基本分: the deductions too stay within the base
    score = base - lost if rule.below_zero else max(base - lost, ZERO)  # 该项可负分 (domain point 6)
    if base - lost < 0 and not rule.below_zero:
        ctx.step("扣完为止" if rule.until_exhausted else "最低0分", lost - base, "扣分超过分值，得分记为0")
    gained = _gained(rule, x, per_clause, ctx, base)
    if alone:
        ctx.ceiling = full
        return min(score + gained, full)
    if (
        gained
        and not any(d.cap is not None for d in rule.bonuses)
        and rule.bonus_cap is None
        and not rule.bonus_cap_base
    ):
        ctx.step("加分不封顶", ZERO, "规则未写加分上限，加分不封顶")
    ctx.ceiling = max(full, min(score, full) + gained)
    return min(score, full) + gained
