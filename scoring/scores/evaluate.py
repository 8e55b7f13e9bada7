"""Apply a parsed rule to an indicator's values: pure functions over nodes → Score.

Exact arithmetic throughout (Decimal, no float); the final score is rounded once, half-up
to the configured places. The trace records every step as data; the explanation (扣分原因)
is the trace in Chinese. This module holds the order of a rule's clauses (vetoes, words,
bands, deductions, bonuses, composites); the pieces it uses live below it: results.py
(Options, Score, Step), answers.py (an answer as a typed value), explain.py (the words of the
扣分原因) and steps.py (the points of one clause, after the reading's plans).
"""

from __future__ import annotations

import calendar
import datetime
import itertools
from collections.abc import Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs

from ..errors import EvaluationError
from ..reading.bind import VALUE_KEYS as _VALUE_KEYS
from ..reading.bind import (
    activity_count_answers,
    all_from_last,
    band_order,
    band_text,
    budget_answers,
    budget_target,
    case_words,
    checklist,
    checklist_hand,
    deduction_of,
    event_count_answers,
    from_the_first,
    from_the_last,
    joint_parts,
    late_or_missed,
    number_answers,
    one_off_cases,
    overlapping_deductions,
    part_unit,
    reads_from_last,
    reads_rank_share,
    value_place,
    value_slots,
    worded_beside_bonuses,
    worded_beside_vetoes,
)
from ..reading.bind import measured_subjects as _measured_subjects
from ..reading.bind import reads_value as _reads_value
from ..reading.bind import separate_inputs as _inputs_of
from ..reading.deadlines import Answered, answer_date, date_bands, place, row_year
from ..reading.scales import award_op as _award_op
from ..reading.scales import (
    band,
    formula_names,
    met,
    met_line,
    missing_clause,
    names_event,
    on_target,
    outcome_names,
    pick,
    rank_steps_after_bands,
    same_unit,
    signed_deviation,
    signed_growth,
    unsigned_drop,
)
from ..reading.values import (
    EVENT_VERBS,
    comparator,
    is_missing,
    normalize_unit,
    parse_value,
    same_label,
    to_decimal,
    verb_answer,
    yes_no,
)
from ..rules.bands import not_held
from ..rules.grades import grade_of, unquoted
from ..rules.lexicon import words
from ..rules.nodes import (
    Abs,
    All,
    AnyOf,
    Award,
    BinOp,
    ByHand,
    Composite,
    Condition,
    Deduction,
    Expr,
    Formula,
    FullMarks,
    Label,
    Measure,
    MonthDay,
    Node,
    Num,
    Op,
    Otherwise,
    Points,
    Quantity,
    Range,
    Requirement,
    Rule,
    Schedule,
    ShareOfRank,
    StepKind,
    TargetMet,
    Var,
    Veto,
    Waiver,
    Zero,
)
from ..rules.shapes import (
    _inside,
    _rank,
    at_whole_rate,
    budget_comparison,
    case_chosen,
    case_headings,
    deducts,
    delay_unit,
    joint_states,
    only_deducting_bands,
    tiers,
    ties_to_target,
)
from .answers import (
    _actual,
    _as_count,
    _compared,
    _Ctx,
    _event_words,
    _In,
    _item_number,
    _keyed,
    _match_label,
    _named,
    _no_events,
    _number,
    _once_counted,
    _scale,
    _show,
    _show_answer,
    _target_value,
    answer_quantities,
    change_answer,
    clock_answer,
    delay_answer,
    excess_answer,
    fits_the_value,
    graded_bands,
    label_as_written,
    last_place,
    no_event_answer,
    own_grade,
    rank_answer,
    rank_from_last_answer,
    rank_share_answer,
    row_unit,
    signed_answer,
    signed_pair,
)
from .explain import _describe_cond, _describe_outcome, _describe_shared, _has_rate, _worded_conditions
from .results import HUNDRED, ONE, ROUNDING_MODES, ZERO, Options, Score, Step, _fmt, _num, _q4, make_options
from .steps import (
    _ONE_SIDED,
    _add_bonuses,
    _base_points,
    _base_within_weight,
    _checklist,
    _deduct,
    _deducted,
    _expr,
    _gained,
    _in_range,
    _items_counted,
    _outcome,
    _proportional,
    _with_bonuses,
    counts_each,
    one_or_each,
    share_of_rank,
)


def _days_in_months(rule: Rule, x: _In, ctx: _Ctx, full: Decimal) -> _In:
    """20天 on bands of months late (逾期1个月以内扣1分；逾期1-3个月扣3分…; semantics §116): a month is 28 to 31 days, so N
    days are between N÷31 and N÷28 months. Where no edge of the bands lies strictly between those, and the score at an
    edge either end touches is the score inside, every length of month gives the same band: that band, the answer
    taken as a number of months inside the stretch. Otherwise (30天 against 1个月以内: February says more than a month)
    refused, asking for months. Never beside steps per month (their points move with every day)."""
    if x.raw is None or x.quantity is None or x.raw.unit not in ("天", "日"):
        return x  # (first: delay_unit walks the rule's bands, on every evaluation)
    late = delay_unit(rule)
    if late is None or late.lstrip("个") != "月":
        return x
    if any(d.step is not None and d.step.unit.lstrip("个") == "月" for d in rule.deductions):
        return x
    days = Fraction(x.raw.value)
    low, high = days / 31, days / 28
    edges = {Fraction(q.value): q.value for q in answer_quantities(rule) if q.unit.lstrip("个") == "月"}
    ask = (f"实际值{_num(x.raw.value)}天：规则按{late}分档，一个月28至31天，{_num(x.raw.value)}天落在哪一档取决于是哪几个月，"
           f"请按{late}填写逾期时长")  # fmt: skip
    if days < 0 or any(low < e < high for e in edges):
        raise EvaluationError(ask)
    middle = (low + high) / 2
    inside = (Decimal(middle.numerator) / Decimal(middle.denominator)).quantize(Decimal("0.0001"))
    tried = [inside, *(v for e, v in edges.items() if e in (low, high))]
    scores = {_rule(rule, f"{v}{late}", attrs.evolve(ctx, steps=[]), full) for v in tried}
    if len(scores) != 1:
        raise EvaluationError(ask)
    ctx.step(f"{_num(x.raw.value)}天按{late}计：每月28至31天，都在同一档", Decimal(0), "换算")
    q = Quantity(inside, late)
    return _In(q, raw=q)


def evaluate(
    rule: Node,
    actual: Any,
    *,
    target: Any = None,
    weight: Any,
    comparator_: str | None = None,
    unit: str | None = None,
    options: Options | None = None,
) -> Score:
    opts = options or Options()
    w = to_decimal(weight, "weight")
    if w < 0:
        raise EvaluationError(f"weight must not be negative: {w}")
    tv = _target_value(target, unit)
    u = row_unit(unit, tv, target)
    op = comparator(comparator_) if comparator_ else None
    if op is None and tv is not None:
        op = tv.op
    ctx = _Ctx(w, tv, op, u, opts, target_text=target if isinstance(target, str) else "")
    try:
        if isinstance(rule, Composite):
            exact = _composite(rule, actual, ctx)
        else:
            exact = _rule(rule, actual, ctx, w)
    except EvaluationError as e:
        if getattr(e, "hand_range", False) and opts.deduction_range is None:
            raise _hand_bounds(e, rule, actual, target, weight, comparator_, unit, opts) from None
        if getattr(e, "by_hand", False) and isinstance(rule, Rule) and not rule.below_zero and not rule.bonuses:
            # 酌情扣分 / 由考核组评定 (domain point 22): given by hand, and still within [0, the weight]
            q = Decimal(1).scaleb(-opts.places)
            low, high = ZERO.quantize(q), w.quantize(q, rounding=ROUNDING_MODES[opts.rounding])
            err = EvaluationError(f"{e}；得分须人工确定，应在{_num(low)}至{_num(high)}分之间")
            err.low, err.high = low, high  # type: ignore[attr-defined]
            raise err from None
        raise
    floor = None if isinstance(rule, Rule) and rule.below_zero else ZERO  # 该项可负分 (domain point 6)
    exact = min(exact if floor is None else max(exact, floor), w if ctx.ceiling is None else max(w, ctx.ceiling))
    q = Decimal(1).scaleb(-opts.places)
    points = exact.quantize(q, rounding=ROUNDING_MODES[opts.rounding])
    return Score(points, w, _explain(ctx, points, w), tuple(ctx.steps), exact)


def _hand_bounds(
    e: EvaluationError,
    rule: Node,
    actual: Any,
    target: Any,
    weight: Any,
    comparator_: str | None,
    unit: str | None,
    opts: Options,
) -> EvaluationError:
    """扣4-7分 / 每例减5-10分 (domain point 22): the score is given by hand, within the bounds the rule
    still sets: every range deduction at its high end gives the low bound, at its low end the high one.
    The error carries them as ``low`` and ``high`` and its message states them."""

    def at(choice: str) -> Decimal:
        return evaluate(rule, actual, target=target, weight=weight, comparator_=comparator_, unit=unit,
                        options=attrs.evolve(opts, deduction_range=choice)).points  # fmt: skip

    low, high = at("max"), at("min")
    err = EvaluationError(f"{e}；得分须人工确定，应在{_num(low)}至{_num(high)}分之间")
    err.low, err.high = low, high  # type: ignore[attr-defined]
    return err


def _points_within(rule: Rule, full: Decimal, op: Op | None = None) -> None:
    """A rule written for another weight (完成率≥100%计10分 on an 8-point row) keeps its one top
    award and is capped by the weight (semantics §6); but a lower band worth more than the indicator
    (完毕率100以上(20分)完毕率75以上(1916分): 19-16分 with its dash lost) contradicts its row and is
    refused, never clamped."""
    points = [a.outcome.value for a in rule.awards if isinstance(a.outcome, Points)]
    over = [a for a in rule.awards if isinstance(a.outcome, Points) and a.outcome.value > full]
    if not over:
        return
    if len(over) == 1 and points.count(max(points)) == 1 and over[0].outcome == Points(max(points)) and _top_band(rule, over[0], op):
        return
    for a in over[1:] if len(over) > 1 else over:
        if isinstance(a.outcome, Points):
            raise EvaluationError(
                f"规则中的“{_describe_cond(a.condition)}得{_num(a.outcome.value)}分”超过本指标分值{_num(full)}分："
                "请核对分值，或是否印刷时丢失了“-”（如“19-16分”）"
            )


def _top_band(rule: Rule, top: Award, op: Op | None = None) -> bool:
    """The award of the most points is the band at one end of the value's axis, the points running one way
    along it (完成率≥100%计10分，80%-100%计6分 on an 8-point row: the rule for another weight, §6). A band of the
    most points at the other end or in between (覆盖率100%得3分，80%-100%得2分，80%以下得4分 on a 3-point row,
    sixth probe A43) is a lower band worth more than the indicator: refused."""
    bands = [a for a in rule.awards if isinstance(a.condition, Range)]
    if top not in bands:
        return True  # a worded award: no axis to place it on
    inf = Decimal("Infinity")
    axis = sorted(
        bands,
        key=lambda a: (a.condition.low.value.value if a.condition.low is not None else -inf,  # type: ignore[union-attr]
                       a.condition.high.value.value if a.condition.high is not None else inf),  # type: ignore[union-attr]
    )  # fmt: skip
    ranks = [_rank(a.outcome) for a in axis]
    rising = all(x <= y for x, y in itertools.pairwise(ranks))
    falling = all(x >= y for x, y in itertools.pairwise(ranks))
    # the best outcome's end of the axis: the highest values, or the lowest on a ≤ row (完成率100%以上(10分)完成率80以上
    # (1816分), seventh probe R15: the lost-dash 18-16 at the lower end, above the weight, was capped and scored 10)
    best = axis[0] if op in (Op.LE, Op.LT) else axis[-1]
    return (rising or falling) and best is top


def _scheduled_target(rule: Rule, ctx: _Ctx) -> None:
    """9月、10月…应完成任务比例为30%、50%… (semantics §132): the row's target is the period's; it must be one the
    schedule lists, else which period the answer is for is not known (never guessed)."""
    for c in rule.clauses:
        if not isinstance(c, Schedule):
            continue
        listed = "、".join(f"{_fmt(p)}{_fmt(t)}" for p, t in zip(c.periods, c.targets, strict=True))
        if ctx.target is None:
            raise EvaluationError(f"规则按月份写了应完成的目标（{listed}），需要指标值写明该月的目标")
        if ctx.target.quantity not in c.targets:
            raise EvaluationError(
                f"指标值{_fmt(ctx.target.quantity)}不是规则所写各月的目标（{listed}）之一：不知道是哪个月的目标"
            )


def _within_items(rule: Rule, actual: Any, ctx: _Ctx) -> Any:
    """每完成1项得2分，共5项 / ①…④… 每完成1项得1.5分 (semantics §150): the text states or lists how many items there
    are; a count above it cannot be true of the text and is refused with that number (it was capped at the items'
    points). The rule's only scoring clause answered item by item ({1: 是, 2: 否, …}, by the numbers 1…N) is the count of
    是; a number beyond the items is refused the same way."""
    counted = [d for d in rule.deductions if d.items is not None]
    if len(counted) != 1:
        return actual
    d = counted[0]
    assert d.items is not None and d.step is not None
    n = d.items
    said = f"规则只列了{_num(n)}{d.step.unit}（共{_num(n)}{d.step.unit}）"
    if isinstance(actual, Mapping):
        if rule.awards or rule.vetoes or len(rule.deductions) != 1 or any(k in _VALUE_KEYS for k in actual):
            return actual
        keys = {k: _item_number(k) for k in actual}
        beyond = sorted(i for i in keys.values() if not 1 <= i <= n)
        if beyond:
            raise EvaluationError(f"{said}，没有第{'、'.join(str(i) for i in beyond)}{d.step.unit}")
        keyed = _keyed(actual, range(1, int(n) + 1))
        answers = {i: _actual(v, ctx) for i, v in keyed.items()}
        unflagged = [i for i, x in answers.items() if x.flag is None]
        if unflagged:
            raise EvaluationError(
                f"{said}，逐项回答时每{d.step.unit}答是/否，第{'、'.join(str(i) for i in unflagged)}{d.step.unit}不是"
            )
        return str(sum(1 for x in answers.values() if x.flag))
    x = _actual(actual, ctx)
    if x.quantity is None or x.flag is not None:
        return actual
    count = _as_count(x)
    if count.unit in ("", d.step.unit) and count.value > n:
        raise EvaluationError(f"{said}，完成{_num(count.value)}{d.step.unit}不可能：完成的{d.step.unit}数应在0至{_num(n)}之间")
    return actual


def _rule(rule: Rule, actual: Any, ctx: _Ctx, full: Decimal) -> Decimal:
    _scheduled_target(rule, ctx)
    m = missing_clause(rule)
    if m is not None and not isinstance(actual, Mapping) and is_missing(actual) and not isinstance(m.outcome, Formula):
        # 数据缺失的不得分 answered 数据缺失: the rule's own clause on missing data scores it (semantics §86)
        _require_points(m, ctx)
        value = _outcome(m.outcome, _In(), ctx, full)
        ctx.step(f"{_describe_cond(m.condition)}：{_describe_outcome(m.outcome, full)}", value, "规则写明了数据缺失时如何计分",
                 实际值=str(actual or "").strip())  # fmt: skip
        return value
    written = rule  # as written: late_or_missed reads its zero before on_target makes it a veto
    signed = signed_deviation(rule, ctx.setting, actual)
    if signed is not None:
        raise EvaluationError(signed)  # −12% on 偏差率在5%以内 where the row's value is the deviation itself
    grown = signed_growth(rule, ctx.setting, actual)
    if grown is not None:
        raise EvaluationError(grown)  # −5% on 增长10%以内 with no word on a decline (semantics §161)
    unsigned = unsigned_drop(rule, ctx.setting, actual)
    if unsigned is not None:
        raise EvaluationError(unsigned)  # 12% on 比上年下降10%以上: the drop or the signed change? (semantics §163)
    rule = on_target(rule, ctx.setting)  # 每延迟1天扣1分 on a row of ≤30天: from the target
    parts = joint_parts(rule)
    if parts is not None:
        return _joint(rule, parts, actual, ctx, full)
    things = checklist(rule)
    if things is not None:
        return _checklist(things, actual, ctx, rule.per_item, checklist_hand(rule))
    actual = _within_items(rule, actual, ctx)
    _points_within(rule, full, ctx.setting.op)
    if rule.floor is not None and rule.floor > full:
        # 最低得12分 on a weight of 10 (semantics §102): the floor is above what the indicator can score
        raise EvaluationError(f"规则写明最低得{_num(rule.floor)}分，高于分值{_num(full)}分：下限不能高于分值")
    if any(isinstance(a.outcome, ShareOfRank) for a in rule.awards):
        # 第2-5名按第1名的比例得分 (semantics §109): the rank's band, and its share of rank 1's points by the values
        rule, actual = share_of_rank(rule, actual, ctx, full)
    if reads_from_last(rule):
        # 全市排名前5名得满分，倒数3名不得分 (semantics §109): the number ranked turns the last places into ranks
        if all_from_last(rule) and (place := last_place(actual)) is not None:
            # 倒数第2名 on 倒数第1名不得分，倒数第2名得2分，其余得满分: both count from the last (§124)
            rule, actual = from_the_last(rule), f"第{place.normalize():f}名"
        else:
            field, actual = rank_from_last_answer(actual)
            rule = from_the_first(rule, field)
    if reads_rank_share(rule):
        # 排名前30%得满分，30%-60%得3分 (semantics §109): the rank and the number ranked, as the share they make
        actual = rank_share_answer(actual)
    separate = _inputs_of(rule)
    if worded_beside_bonuses(rule):
        if rule.waivers:
            raise EvaluationError("这条规则既有文字条件旁的加分，又有可不扣分的例外：两者怎样一起计分还不能读，请人工计分")
        return _worded_and_bonuses(rule, [c for c in separate if not isinstance(c, Waiver)], actual, ctx, full)
    if worded_beside_vetoes(rule):
        return _worded_and_vetoes(rule, [c for c in separate if isinstance(c, Veto)], actual, ctx, full)
    per_clause: dict[int, _In] = {}
    slots = value_slots(rule)
    if slots is None and not isinstance(actual, Mapping) and (pair := signed_pair(separate)) is not None:
        # 提前3个月 on 每提前1个月加0.5分，每延后1个月扣1分: one answer of how early or late fills both (semantics §130)
        actual = signed_answer(pair, actual)
    if slots is None and not isinstance(actual, Mapping):
        actual = _one_named(rule, separate, actual)
        actual = _one_bonus_answer(rule, separate, actual)
        if len(separate) == 2 and isinstance(actual, str):
            actual = _late_or_missed(late_or_missed(written), actual)
    if slots is not None and isinstance(actual, Mapping):
        # several named measured values (semantics §14): each answered under its own number
        if any(k in _VALUE_KEYS for k in actual):
            raise EvaluationError(
                "这条规则衡量几个数值，各按编号给出（"
                + "；".join(f"{i}：{name or _input_name(cs[0])}" for i, (name, cs) in enumerate(slots, 1))
                + "），不用“实际值”"
            )
        keyed = _keyed(actual, range(1, len(slots) + 1))
        counts = _Ctx(ctx.weight, ctx.target, ctx.op, "", ctx.options)
        for i, (name, clauses) in enumerate(slots, 1):
            for clause in clauses:
                per_clause[id(clause)] = _actual(keyed[i], ctx if name else counts)
        x = _In()
    elif isinstance(actual, Mapping):
        value_keys = [k for k in actual if k in _VALUE_KEYS]
        if not value_keys and _reads_value(rule):
            actual = _in_text_order(rule, separate, actual)  # {1: …, 2: …, 3: …}, the value among them (§99)
            value_keys = [k for k in actual if k in _VALUE_KEYS]
        if len(separate) + (1 if _reads_value(rule) else 0) < 2 and not _one_bonus(rule, separate):
            raise EvaluationError("这条规则只需要一个实际值，不需要分项")
        if _reads_value(rule) and not value_keys:
            raise EvaluationError("缺少“实际值”：这条规则还按数值计分，请写成 {'实际值': '95%', 1: …}"
                                  f"，或按各项在规则中出现的顺序把{len(separate) + 1}项（数值也在内）编号为1…{len(separate) + 1}")
        if value_keys and not _reads_value(rule):
            raise EvaluationError("这条规则不按数值计分，不需要“实际值”，只需要各事项的回答 {1: …, 2: …}")
        keyed = _keyed({k: v for k, v in actual.items() if k not in _VALUE_KEYS}, range(1, len(separate) + 1))
        counts = _Ctx(ctx.weight, ctx.target, ctx.op, "", ctx.options)  # a bare number there is a count
        for i, clause in enumerate(separate, 1):
            per_clause[id(clause)] = _actual(keyed[i], counts)
        x = _actual(actual[value_keys[0]], ctx) if value_keys else _In()
    else:
        _absence_of_what(rule, actual)
        x = _actual(actual, ctx)
        x = _month_as_delay(rule, actual, x)
        x = _date_as_delay(rule, x, ctx.target_text)  # 2025年11月30日 on 2025年12月31日前完成得满分，每延后1个月扣2分 (§90)
        x = label_as_written(rule, actual, x)  # 群众反映良好，无负面舆情: a note and the label after it (§118)
        x = own_grade(rule, actual, x)  # 合格 on 优秀得满分，合格得80%…: the rule's own grade, not 是
        x = rank_answer(rule, actual, x)  # 第3名 / 排名第三 where the rule reads a rank (§97)
        x = delay_answer(rule, actual, x)  # 滞后2个月 where the rule scores how late (§104)
        x = no_event_answer(rule, actual, x)  # 未发现 on 每发现一起…扣2分 (§124)
        x = excess_answer(rule, actual, x, ctx)  # 延期2个月 over a duration target ≤18个月 (§118)
        x = change_answer(rule, actual, x, ctx)  # 下降8% on bands of 下降 (§112)
        x = clock_answer(rule, x, ctx)  # 300分钟 on a rule in 小时 (§116)
        x = _days_in_months(rule, x, ctx, full)  # 20天 on bands of months late (§116)
        x = _whole_rate(rule, x)  # 100% on 整改完成率100%，每有1个问题未整改扣1分 (§108)
        rule = _count_up_not_held(rule, x)  # 3 on 开展活动每场得0.5分…；未开展的不得分 (§108)
        _one_answer_fits(rule, separate, x)
    fits_the_value(rule, x, ctx.setting)  # a rank from 1; bands that measure one quantity
    _within_samples(rule, per_clause, x)  # 11 on (抽10份孕期档案)1份不真切扣1分 (§145)
    if rule.waivers:
        rule = _waived(rule, per_clause, ctx)  # 但…的，可不扣分 (semantics §105)

    # 1. vetoes
    worded = [a for a in rule.awards if isinstance(a.condition, (Label, TargetMet))]
    if x.label is not None and not per_clause and rule.vetoes and all(isinstance(a.condition, Otherwise) for a in rule.awards):
        if {verb_answer(x.label, getattr(v.condition, "text", "")) for v in rule.vetoes} == {False}:
            # 未出现 on 出现劣Ⅴ类水体的，本项不得分；否则得满分: the veto's verb negated, the one input answered 否 (§92)
            x = _In(flag=True)
    counted = not per_clause and x.flag is None and x.quantity is not None and event_count_answers(rule)
    if counted:
        _whole_count(x, "事件次数")  # 0.5 or −1 accidents on 发生重大安全事故的不得分；未发生的得满分 (semantics §114)
    for v in rule.vetoes:
        xi = per_clause.get(id(v), x)
        if (
            xi.label is not None and (not isinstance(v.condition, Range) or event_count_answers(rule))
            and _match_label(worded, xi.label) is not None
        ):  # fmt: skip
            # 发生重大舆情事件的，该项不得分；未发生的，得满分 answered 未发生: the answer names the award's case, so the
            # veto's case did not happen (semantics §86, as §70 reads an answer naming one case)
            continue
        if _veto_holds(v.condition, xi, ctx):
            ctx.step(_describe_cond(v.condition) + "：直接计0分", -full, "否决条款")
            return ZERO

    if counted:
        # 0 on 发生重大食品安全事故的直接计0分；其他情况得满分 / 未发生的得满分: none happened, the case 是 answers (§114)
        answered, x = x, _In(flag=True)
        chosen = _choose_label(rule, x, ctx)
        if chosen is not None:
            ctx.steps[-1] = attrs.evolve(ctx.steps[-1], note=f"事件次数{_show(answered)}：按未发生（是）计")
            return chosen
    awards = rule.awards
    if not awards and not rule.deductions and rule.proportional is None:
        # 投诉率超过1%的直接计0分 and nothing else: the rule only says when the indicator scores 0
        ctx.step("未触发否决条款", full, "", 实际值=_show(x))
        return full
    has_events = any(isinstance(c, Deduction) and c.kind is not StepKind.DISTANCE for c in rule.clauses)

    numeric = (
        bool(rule.deductions) or rule.proportional is not None or any(isinstance(a.condition, Range) for a in awards)
    )
    # 2. worded rules (是/否, grade labels)
    texts = [a.condition.text for a in worded if isinstance(a.condition, (Label, TargetMet))]
    # the tiers beside the case of none (未获得表彰的不得分: a negated label, no tier; ninth probe F07, E19)
    tiered = [a.condition.text for a in worded if isinstance(a.condition, (Label, TargetMet)) and not _negative(a)]
    if x.flag is not None and x.quantity is None and not per_clause and (tiers(texts) or (len(tiered) > 1 and tiers(tiered))):
        # 获得国家级荣誉得5分，获得省级荣誉得3分…: 是 names no level, 否 (none won) no band (semantics §92)
        raise EvaluationError(
            f"这条规则按级别计分（{'、'.join(texts)}），“{_show(x)}”不能说明是哪一级：请写出获得的级别"
        )
    if x.quantity is None and not per_clause and not has_events and (x.label is not None or not numeric):
        chosen = _choose_label(rule, x, ctx)
        if chosen is not None:
            return chosen

    # 2a. a number on a worded rule (完成得满分，未完成不得分 with 实际值 = the target; 发生安全事故不得分
    # with 0 events): met when it reaches the target, or when no event happened
    if (
        x.quantity is not None
        and not numeric
        and (not _reads_value(rule) or budget_answers(rule))  # 高于计划成本的，得分=计划成本/实际成本×… (§111)
        and not per_clause
        and not has_events
        and x.flag is None
    ):
        if isinstance(actual, str) and any(
            isinstance(a.condition, (Label, TargetMet)) and a.condition.deadline is not None
            and same_label(actual, a.condition.text) for a in rule.awards
        ):  # fmt: skip
            # 12月完成 on 11月底前完成得满分，12月完成得3分: the words of a dated band, not 12 months (§88)
            chosen = _choose_label(rule, _In(label=actual.strip()), ctx)
            if chosen is not None:
                return chosen
        if (
            isinstance(actual, str) and answer_date(actual) is not None
            and normalize_unit(ctx.unit).lstrip("个") not in words("time_unit")
            and any(isinstance(a.condition, (Label, TargetMet)) and a.condition.deadline is not None for a in rule.awards)
        ):  # fmt: skip
            # 10月 on 9月底前完成的得5分，10月完成的得3分…: a month of the calendar, not 10 months, where the bands are
            # deadlines and the row measures no time (§118); the date is placed as §88 places 2024年12月
            chosen = _choose_label(rule, _In(label=actual.strip()), ctx)
            if chosen is not None:
                return chosen
        met = _number_meets(x, rule, ctx)
        if met is not None and budget_answers(rule):
            return _by_budget(rule, x, ctx, met)  # 高于计划成本的，得分=计划成本/实际成本×… reads the number too (§111)
        if met is not None:
            chosen = _choose_label(rule, _In(flag=met), ctx)
            if chosen is not None:
                ctx.steps[-1] = attrs.evolve(ctx.steps[-1], note=f"实际值{_show(x)}按{'达标' if met else '未达标'}计")
                return chosen
        raise EvaluationError(
            f"这条规则按文字条件计分（{_worded_conditions(rule)}），数字“{_show(x)}”不能回答它："
            "请给出“是/否”或规则中的等级"
        )

    # 2b. 是/否 on a numeric rule: met scores the full-marks clause, not met the lowest clause, where
    # the rule ties its words to the target (完成得满分，未完成按比例) or has no measured value at all
    if x.quantity is None and x.flag is not None and not per_clause:
        tied = any(
            isinstance(a.condition, TargetMet)
            and (not a.condition.negated or ties_to_target(a.condition.text) or _one_band(rule))
            for a in awards
        )  # 是 answers a worded condition as written, a negated one that is the target missed (未完成), or
        # the one band beside a negated case (每年提供一次培训，计1分，未培训不得分)
        if _reads_value(rule) and not tied:
            # 5个及以上得满分…未获批不得分 answered 是: 未获批 names the zero count, it does not say what 是
            # reaches (semantics §92); 完成得满分，未完成按比例 ties 是 to the target
            raise EvaluationError(f"这条规则按数值计分，需要实际数值，而不是“{_show(x)}”")
        if not tied and any(c.bonus and c.kind is StepKind.EVENTS for c in rule.deductions) and not awards:
            # 每完成1项改革任务得2分，最高10分 answered 是: the points count the tasks done; 是 gives no count
            raise EvaluationError(f"这条规则按完成的数量计分，需要填写数量（如 3），而不是“{_show(x)}”")
        _no_bonus_on_one_flag(rule, x)
        return _flag_on_numeric(rule, x.flag, ctx, full)

    # 3. bands: the first award whose condition holds
    if per_clause:
        all_clear = all(_no_events(per_clause[id(c)]) for c in separate if isinstance(c, Deduction))
    else:
        all_clear = False
    losses = any(not d.bonus for d in rule.deductions)
    for a in band_order(rule):
        based = False
        if a.condition is None and losses and isinstance(a.outcome, Formula):
            # 按系统管理率/85%×10计算得分，1份不真切扣1分: the formula is the base the counted events deduct from (§145);
            # a step on the value itself beside it (每低1%扣1分) would count from a line the formula does not state
            _formula_base(rule, per_clause)
            based = True
        elif isinstance(a.condition, Label) or (a.condition is None and losses):
            continue  # 得10分，每低1个百分点扣1分: points with no condition are what the deductions start from
        if isinstance(a.condition, Otherwise):
            if x.quantity is None:
                continue
            held = True  # 90%以上得满分，否则得5分: a number no band above took (it fell into the gap, 0)
        else:
            held = _holds(a.condition, x, ctx, rule, all_clear if per_clause else None)
        if held:
            if deducts(a):
                _not_in_two_deductions(rule, a, x, ctx, full, all_clear if per_clause else None)
            _require_points(a, ctx)
            if one_or_each(a, full) and x.quantity is not None and x.quantity.value > 1:
                raise _one_or_each(a, x, full)
            value = _outcome(a.outcome, x, ctx, full)
            ctx.step(_describe_award(a, ctx, full, x), value, "", 实际值=_show(x))
            if based and value > full:
                # 95%/85%×10 = 11.18 before 1份不真切扣1分: capped at the weight as every formula, then deducted (§145)
                ctx.step(f"公式得分以分值{_num(full)}分为限", full - value, "")
                value = full
            if isinstance(a.outcome, Zero) and a.discretionary:
                ctx.steps[-1] = attrs.evolve(ctx.steps[-1], note="规则允许酌情扣分代替不得分，此处按不得分计")
            if rule.bonuses and value > 0:
                # 完成得基本分10分，多完成1%加1分: the band is the base, the stated bonuses add to it
                return _add_bonuses(rule, x, per_clause, ctx, value, full)
            if rule.bonuses:
                _no_bonus_beside_zero(rule, a, x, per_clause, ctx, full)
            apart = [d for d in rule.deductions if id(d) in per_clause and not d.bonus]
            if apart:
                _no_worded_base(a, value, apart, full)
                # 满意度≥95%得10分…；发生有效投诉的，每起扣1分: the events' own answers deduct from the band
                return _deducted(rule, apart, x, per_clause, ctx, value, full)
            return value

    if _gap_met(rule, x, ctx):
        ctx.step("达到目标", full, "实际值未低于目标，各档扣分均不适用", 实际值=_show(x))
        return full
    if _beyond_deductions(rule, x, ctx):
        ctx.step("未落入任何扣分档", full, "实际值在每一档扣分的范围之外（好的一侧），不扣分", 实际值=_show(x))
        return full

    # 4. deductions from the full-marks points
    after = rank_steps_after_bands(rule)
    if after is not None and x.quantity is not None and x.quantity.value > after[0] and after[1] < full:
        raise EvaluationError(
            f"第{_num(after[0])}名之后按名次扣分：从第{_num(after[0])}名的{_num(after[1])}分扣起，还是从满分{_num(full)}分扣起，"
            "规则没有写明：请核对规则（如写明“第4名起在第3名得分基础上每后移一位扣0.5分”）"
        )
    if rule.bonuses:
        return _with_bonuses(rule, x, per_clause, ctx, full)
    apart = [d for d in rule.deductions if id(d) in per_clause]
    if apart and len(apart) == len(rule.deductions) and x.quantity is not None:
        # the value answered beside deductions with answers of their own (…按比例得分；有违规的扣1分;
        # 满意度≥90%得满分，80%-90%得3分；每发生一起投诉扣1分): the value's own score, 按比例 or a gap
        # between its bands, less those deductions (they were taken from the full marks)
        if rule.proportional is not None:
            own = _proportional(rule, x, ctx, full)
        elif any(isinstance(a.condition, (Range, TargetMet)) for a in awards):
            ctx.step("未覆盖", ZERO, "没有任何条款覆盖这个实际值，记0分", 实际值=_show(x))
            own = ZERO
        else:
            own = _base_of_apart(rule, apart, ctx, full)
        return _deducted(rule, apart, x, per_clause, ctx, own, full)
    if rule.deductions:
        base = _base_of_apart(rule, [d for d in apart if not d.bonus], ctx, full)
        ctx.step("基础分", base, "", 满分=base)
        return _deducted(rule, rule.deductions, x, per_clause, ctx, base, full)

    # 5. proportional
    if rule.proportional is not None:
        return _proportional(rule, x, ctx, full)

    # 6. no clause covers the value: a gap, where bands on it are written; else nothing read it
    if not numeric:
        raise EvaluationError(f"这条规则没有按数值计分的条款（{_worded_conditions(rule)}），数字“{_show(x)}”不能回答它")
    _above_exact_grade(rule, x)  # 101% on 优（100%）得满分…: refused, not a gap (§103)
    ctx.step("未覆盖", ZERO, "没有任何条款覆盖这个实际值（规则有空档），记0分", 实际值=_show(x))
    return ZERO


def _words_keyed(
    rule: Rule, separate: Sequence[Deduction | Veto | Waiver], actual: Mapping[Any, Any], how: str
) -> tuple[Mapping[Any, Any], list[Any]]:
    """The answers keyed as the words beside other inputs take them: the words' own under 实际值, or at their place in
    the text's order (§99); refused where the words' answer is missing."""
    value_keys = [k for k in actual if k in _VALUE_KEYS]
    if not value_keys:
        actual = _in_text_order(rule, separate, actual)
        value_keys = [k for k in actual if k in _VALUE_KEYS]
    if len(value_keys) != 1:
        raise EvaluationError(f"缺少“{_worded_conditions(rule)}”的回答：{how}")
    return actual, value_keys


def _score_words(rule: Rule, words: Rule, x: _In, ctx: _Ctx) -> Decimal:
    """The words' own answer scored on ``words`` (the rule without its bonuses or vetoes): 是/否, a label, or a number
    where the words are tied to the target (shown as 达标 / 未达标)."""
    if x.quantity is not None and x.flag is None:
        met = _number_meets(x, words, ctx)
        if met is None:
            raise EvaluationError(f"“{_worded_conditions(rule)}”需要“是/否”或规则中的等级，数字“{_show(x)}”不能回答它")
        answered, x = x, _In(flag=met)
    else:
        answered = None
    value = _choose_label(words, x, ctx)
    if value is None:
        raise EvaluationError(f"“{_worded_conditions(rule)}”需要“是/否”或规则中的等级，而不是“{_show(x)}”")
    if answered is not None:
        ctx.steps[-1] = attrs.evolve(ctx.steps[-1], note=f"实际值{_show(answered)}按{'达标' if x.flag else '未达标'}计")
    return value


def _worded_and_bonuses(rule: Rule, separate: Sequence[Deduction | Veto], actual: Any, ctx: _Ctx, full: Decimal) -> Decimal:
    """完成得满分，获得表彰的加1分 (semantics §106): the words take their own answer (是/否, a label of the rule, or a
    number where the words are tied to the target) under 实际值 or its place in the text's order, and each bonus its
    own. The words score as the rule without its bonuses would; the bonuses are added on top (domain point 18), to
    0 as well where no worded clause holds (否 on 完成得满分). A stated zero (未完成不得分) beside a bonus earned is
    refused: whether 不得分 takes the bonus too is not written."""
    names = [f"{i}：{n}" for i, n in enumerate([_worded_conditions(rule), *(_input_name(c) for c in separate)], 1)]
    how = f"请按各项在规则中出现的顺序编号给出（{'；'.join(names)}），如 {{1: '是', 2: '否'}}，或写成 {{'实际值': '是', 1: '否'}}"
    if not isinstance(actual, Mapping):
        raise EvaluationError(f"这条规则有{len(names)}件事要回答，一个答案不能同时用于几项：{how}")
    actual, value_keys = _words_keyed(rule, separate, actual, how)
    keyed = _keyed({k: v for k, v in actual.items() if k not in _VALUE_KEYS}, range(1, len(separate) + 1))
    counts = _Ctx(ctx.weight, ctx.target, ctx.op, "", ctx.options)  # a bare number there is a count
    per_clause = {id(c): _actual(keyed[i], counts) for i, c in enumerate(separate, 1)}
    words = attrs.evolve(rule, clauses=tuple(c for c in rule.clauses if not (isinstance(c, Deduction) and c.bonus)),
                         bonus_cap=None, bonus_cap_base=False)  # fmt: skip
    x = _actual(actual[value_keys[0]], ctx)
    value = _score_words(rule, words, x, ctx)
    zero = next((a for a in words.awards if isinstance(a.outcome, Zero)), None) if value == ZERO else None
    if zero is not None:  # the chosen clause is the stated zero (a gap, 否 on 完成得满分 alone, has no Zero award)
        counts = _Ctx(ctx.weight, ctx.target, ctx.op, "", ctx.options)  # the bonuses' answers are counts
        _no_bonus_beside_zero(rule, zero, _In(), per_clause, counts, full)
    return _add_bonuses(rule, _In(), per_clause, ctx, value, full)


def _worded_and_vetoes(rule: Rule, vetoes: Sequence[Veto], actual: Any, ctx: _Ctx, full: Decimal) -> Decimal:
    """工作成效显著得满分，成效一般得3分，无成效不得分；发生违纪违法问题被查处的，一票否决 (semantics §115): the words take
    their own answer (是/否 or a label of theirs, under 实际值 or their place in the text's order) and each veto its own
    (是＝未发生, 否＝发生, or the event's count, §114). A veto that holds scores 0 (domain point 7); otherwise the words
    score as the rule without its vetoes would. One answer for both is refused: 是 said 成效显著 and no veto at once."""
    names = [f"{i}：{n}" for i, n in enumerate([_worded_conditions(rule), *(_input_name(c) for c in vetoes)], 1)]
    how = f"请按各项在规则中出现的顺序编号给出（{'；'.join(names)}），如 {{1: '是', 2: '否'}}，或写成 {{'实际值': '是', 1: '否'}}"
    if not isinstance(actual, Mapping):
        raise EvaluationError(
            f"这条规则有{len(names)}件事要回答（文字条件和否决条款各需一个答案），一个答案不能同时用于几项：{how}"
        )
    actual, value_keys = _words_keyed(rule, vetoes, actual, how)
    keyed = _keyed({k: v for k, v in actual.items() if k not in _VALUE_KEYS}, range(1, len(vetoes) + 1))
    counts = _Ctx(ctx.weight, ctx.target, ctx.op, "", ctx.options)  # a bare number there is the event's count
    for i, v in enumerate(vetoes, 1):
        if _veto_holds(v.condition, _actual(keyed[i], counts), ctx):
            ctx.step(_describe_cond(v.condition) + "：直接计0分", -full, "否决条款")
            return ZERO
    words = attrs.evolve(rule, clauses=tuple(c for c in rule.clauses if not isinstance(c, Veto)))
    x = _actual(actual[value_keys[0]], ctx)
    value = _score_words(rule, words, x, ctx)
    return value


def _no_bonus_beside_zero(rule: Rule, a: Award, x: _In, per_clause: dict[int, _In], ctx: _Ctx, full: Decimal) -> None:
    """满意度≥90%得满分，低于80%不得分；获得表彰的加1分 at 75% with the award earned: whether 不得分 takes the bonus too
    is not written (0, or 0 + 1); refused, as beside worded awards (semantics §106, §108). A bonus not earned leaves 0."""
    steps = len(ctx.steps)
    earned = _gained(rule, x, per_clause, ctx, ZERO)
    del ctx.steps[steps:]  # what the bonuses would add is only asked here
    if earned:
        raise EvaluationError(
            f"规则写明“{_describe_award(a, ctx, full, x)}”，又有加分{_num(earned)}分：不得分时加分是否仍计，规则没有写明，请人工计分"
        )


def _not_in_two_deductions(rule: Rule, a: Award, x: _In, ctx: _Ctx, full: Decimal, clear: bool | None) -> None:
    """满意度低于90%扣1分，低于80%扣3分 at 75%: a value in two deducting bands that share a stretch loses the tightest
    band's points if they are tiers, or both if they add up; the text does not say which (semantics §95)."""
    pairs = overlapping_deductions(rule)
    if not pairs:
        return
    held = [a, *(q if p == a else p for p, q in pairs if a in (p, q)
                 and _holds((q if p == a else p).condition, x, ctx, rule, clear))]  # fmt: skip
    if len(held) < 2:
        return
    lost = [deduction_of(b) for b in held]
    ranges = [(b, b.condition) for b in held if isinstance(b.condition, Range)]
    inner = next((b for b, r in ranges if all(_inside(r, c) for _, c in ranges)), None)
    tier = deduction_of(inner) if inner is not None else max(lost)
    both = sum(lost, ZERO)
    named = "”“".join(band_text(b) for b in held)
    raise EvaluationError(
        f"实际值{_show(x)}同时落在“{named}”{len(held)}档扣分中，原文没有写明扣法：按所在最严一档扣{_fmt(tier)}分得"
        f"{_fmt(max(full - tier, ZERO))}分，或各档累加扣{_fmt(both)}分得{_fmt(max(full - both, ZERO))}分；"
        "请人工判定，或把各档改写成互不重叠的区间"
    )


def _one_or_each(a: Award, x: _In, full: Decimal) -> EvaluationError:
    """The refusal of steps.one_or_each: 报送报告1次计2.5分 answered 2 on a 5-point row."""
    assert isinstance(a.condition, Range) and a.condition.low is not None and isinstance(a.outcome, Points)
    unit, pts = a.condition.low.value.unit, _num(a.outcome.value)
    return EvaluationError(
        f"“{a.condition.subject}1{unit}”得{pts}分（分值{_num(full)}分），实际值{_show(x)}：是每{unit}得{pts}分，"
        f"还是达到1{unit}即得{pts}分，规则没有写明：请写明“每{unit}得{pts}分”或“1{unit}以上得{pts}分”，或人工计分"
    )


def _no_worded_base(a: Award, value: Decimal, apart: Sequence[Deduction], full: Decimal) -> None:
    """Refuse a worded award below the weight as the start of several separately answered deductions:
    错报1例扣3分…；落实优惠政策记2分，未落实的扣2分 on a 5-point row (dev-027) does not say whether the 2
    points are one item of the 5 or what every deduction counts down from."""
    if isinstance(a.condition, TargetMet) and value < full and len(apart) > 1:
        raise EvaluationError(
            f"规则写明“{a.condition.text}”得{_num(value)}分，又有{len(apart)}项各自回答的扣分："
            f"这{_num(value)}分是分值{_num(full)}分中的一项，还是各项扣分的起点，规则没有写明，请人工计分"
        )


def _base_of_apart(rule: Rule, apart: Sequence[Deduction], ctx: _Ctx, full: Decimal) -> Decimal:
    """The points the deductions start from (steps._base_points), refused where it is a worded award
    below the weight and several deductions are answered apart (``_no_worded_base``)."""
    base = _base_points(rule, ctx, full)
    award = next(
        (a for a in rule.awards if isinstance(a.outcome, FullMarks) or (isinstance(a.outcome, Points) and a.outcome.value > 0)),
        None,
    )  # the award _base_points takes
    if award is not None:
        _no_worded_base(award, base, apart, full)
    return base


def _waived(rule: Rule, per_clause: Mapping[int, _In], ctx: _Ctx) -> Rule:
    """但…占比高于平均占比加5%的，可不扣分 (semantics §105): an exception answered 是 (its condition holds) makes none of
    the rule's deductions (each deducts 0; vetoes, zero bands and bonuses stand); 否 changes nothing. The rule is
    returned without its exceptions. Its answer is 是/否 only: a number does not decide its words."""
    waived = False
    for w in rule.waivers:
        xi = per_clause.get(id(w))
        if xi is None or xi.flag is None or xi.quantity is not None:
            given = "" if xi is None else f"，而不是“{_show(xi)}”"
            raise EvaluationError(f"例外条款“{w.condition.text}”需要自己的“是/否”（是＝符合，不扣分；否＝不符合）{given}")
        ctx.step(f"但{w.condition.text}：可不扣分（例外条款）", ZERO, "例外条款成立，不扣分" if xi.flag else "例外条款不成立",
                 例外条款="是" if xi.flag else "否")  # fmt: skip
        waived = waived or xi.flag
    clauses = tuple(
        attrs.evolve(c, points=ZERO, points_max=None) if waived and isinstance(c, Deduction) and not c.bonus else c
        for c in rule.clauses
        if not isinstance(c, Waiver)
    )
    return attrs.evolve(rule, clauses=clauses)


def _input_name(c: Deduction | Veto | Waiver) -> str:
    if isinstance(c, Deduction):
        return c.event or "扣分事项"
    return _describe_cond(c.condition)


def _in_text_order(rule: Rule, separate: Sequence[Deduction | Veto | Waiver], actual: Mapping[Any, Any]) -> Mapping[Any, Any]:
    """漏登…1例扣0.1分，漏登…1例扣0.2分，逻辑错误纠错达100%，每低1个百分点扣0.1分 answered {1: 3, 2: 2, 3: "95%"}: every
    input numbered in the order the text writes it, the measured value among them (semantics §99), as the 实际值 and
    the events' own numbers {实际值: "95%", 1: 3, 2: 2}. Only when the keys are exactly 1 … the number of inputs and
    the value has one place in the order (``value_place``); otherwise the answer is as given."""
    try:
        numbered = {_item_number(k): v for k, v in actual.items()}
    except EvaluationError:
        return actual
    n = len(separate) + 1
    at = value_place(rule)
    if at is None or len(numbered) != len(actual) or set(numbered) != set(range(1, n + 1)):
        return actual
    others = [numbered[i] for i in range(1, n + 1) if i != at]
    return {_VALUE_KEYS[0]: numbered[at], **{i: v for i, v in enumerate(others, 1)}}


def _one_bonus(rule: Rule, separate: Sequence[Deduction | Veto | Waiver]) -> Deduction | None:
    """基本分8分；获得国家级表彰的加2分: the rule's one input is a bonus (the base is no question, semantics §126,
    and nothing reads a measured value), so a single answer, or one under the number 1, is the bonus's (§131)."""
    if len(separate) != 1 or _reads_value(rule) or rule.vetoes or rule.proportional is not None:
        return None
    c = separate[0]
    if not isinstance(c, Deduction) or not c.bonus or any(a.condition is not None for a in rule.awards):
        return None
    return c


def _one_bonus_answer(rule: Rule, separate: Sequence[Deduction | Veto | Waiver], actual: Any) -> Any:
    """是/否 on 基本分8分；获得国家级表彰的加2分 answers the bonus (是＝获得, the bonus is added; 否＝没有), not 达标:
    it is passed on as that bonus's own numbered answer, {1: 是}, and scores 8 + 2 (semantics §131). A number is
    left as it was (a count for 每获得1项…加1分, refused on a bonus that counts nothing)."""
    if _one_bonus(rule, separate) is None or isinstance(actual, Mapping) or yes_no(actual) is None:
        return actual
    return {1: actual}


def _no_bonus_on_one_flag(rule: Rule, x: _In) -> None:
    """是 on a rule whose bonus counts from the value or counts events (完成得满分，每超1%加1分; 基本分6分，每获得1项…
    加1分) beside what 是 answers: 是 says the target was met, not by how much it was passed or how many were won,
    so the bonus it may earn is not known (semantics §131). It scored the full marks or the base, the bonus dropped."""
    if x.flag is not True:
        return
    open_ = [d for d in rule.bonuses if d.when is None and (d.kind is StepKind.DISTANCE or counts_each(d))]
    if open_:
        raise EvaluationError(
            f"“是”不能说明“{open_[0].event or '加分事项'}”加几分：请给出实际数值或次数（如 {{'实际值': '105%'}} 或 2）"
        )


def _one_named(rule: Rule, separate: Sequence[Deduction | Veto | Waiver], actual: Any) -> Any:
    """建立健全管理制度得2分，制度不健全扣1分，无制度不得分 answered 制度不健全 (or 是): one answer for a rule whose
    inputs are each a case that happened or not (``bind.one_off_cases``), that names exactly one of those cases
    (its words as written) — that case happened and none of the others; 是, none happened. Returned as the
    per-case answers; anything else is returned as it was (and one answer for several inputs is refused as
    before)."""
    if len(separate) < 2 or not isinstance(actual, (str, bool)) or not one_off_cases(rule):
        return actual  # (the common case, one input, leaves at once)
    if yes_no(actual) is True:  # 是 (完成, 无 …: the answer lexicon's yes words, as a table's cell reads them)
        return {i: "是" for i in range(1, len(separate) + 1)}
    if not isinstance(actual, str):
        return actual
    said = actual.strip().strip("。.；;，, ").removesuffix("的")
    names = [(c.event if isinstance(c, Deduction) else c.condition.text).strip().removesuffix("的") for c in separate]  # type: ignore[union-attr]
    if names.count(said) != 1:
        return actual
    return {i: "否" if name == said else "是" for i, name in enumerate(names, 1)}


def _count_up_not_held(rule: Rule, x: _In) -> Rule:
    """开展“送医下乡”活动每场得0.5分，最多得2分；未开展的不得分 answered by a count (ninth probe F23): 未开展 is that count at 0,
    which the count-up already scores 0, so the rule is the count-up alone (3 → 1.5, 0 → 0). Only where every deduction
    counts up per event and the one award is that case of none; anything else is returned as it was."""
    if x.quantity is None or x.flag is not None or x.quantity.is_percent:
        return rule
    awards = rule.awards
    steps = rule.deductions
    if (
        len(awards) != 1 or not isinstance(awards[0].outcome, Zero) or not isinstance(awards[0].condition, (Label, TargetMet))
        or not not_held(awards[0].condition.text) or not steps or rule.vetoes
        or any(d.kind is not StepKind.EVENTS or not d.bonus for d in steps)
    ):  # fmt: skip
        return rule
    return attrs.evolve(rule, clauses=tuple(c for c in rule.clauses if c is not awards[0]))


def _whole_rate(rule: Rule, x: _In) -> _In:
    """审计发现问题整改完成率100%，每有1个问题未整改扣1分 answered 100% (ninth probe C18): a requirement of the whole rate
    (100%) before steps that count the cases falling short of it, and nothing else: 100% written with its sign is no case
    (a count of 0), as on 合规率100%得满分，每发现一例… (§14); another rate (98%) says cases were found but not how many,
    refused. A count answers as before."""
    if x.quantity is None or not x.quantity.is_percent or rule.awards or rule.vetoes:
        return x
    whole = [c for c in rule.clauses if isinstance(c, Requirement) and c.terms == (Quantity(HUNDRED, "%"),)]
    steps = rule.deductions
    if len(whole) != 1 or not steps or any(d.kind is not StepKind.EVENTS or d.bonus or d.step is None for d in steps):
        return x
    if not _as_count(x).is_percent:
        if x.quantity.value < HUNDRED:
            return x  # a bare 2 on a % row: two cases (§14)
        n = _num(x.quantity.value)  # a bare 100: the whole rate, or 100 cases? (it scored 0 as 100 cases)
        raise EvaluationError(f"“{n}”是{whole[0].text}还是{n}次（例），无法确定：请写成“{n}%”，或写明次数（如“{n}例”）")
    if x.quantity.value == HUNDRED:
        return _In(quantity=Quantity(ZERO, steps[0].step.unit if steps[0].step else ""))
    raise EvaluationError(f"“{whole[0].text}”未达到时按发现的次数扣分：请给出次数，而不是“{_show(x)}”")


def _late_or_missed(shape: tuple[str, str] | None, actual: Any) -> Any:
    """按时报送得满分，每迟报1天扣0.1分，未报送不得分 answered by one answer (``bind.late_or_missed``, semantics §108): a
    number (3, 3天) is the days late of a report that was made, the missed words (未报送) the zero, 是 or the on-time
    words on time; as the answers to its two inputs (1: the days late, 2: the veto, 是 = it did not happen). 否 alone
    (late, or not at all?) and anything else are returned as they were (one answer for two inputs is refused)."""
    if shape is None or not isinstance(actual, str):
        return actual
    on_time, missed = shape
    said = actual.strip().strip("。.；;，, ").removesuffix("的")
    if said == missed:
        return {1: "0", 2: "否"}
    if yes_no(said) is True or said == on_time:
        return {1: "0", 2: "是"}
    if parse_value(said, None) is not None:
        return {1: said, 2: "是"}
    return actual


def _joint(rule: Rule, parts: tuple[Range | Label, ...], actual: Any, ctx: _Ctx, full: Decimal) -> Decimal:
    """满意度达到90%且投诉率低于1%得满分，否则不得分 (semantics §100): each condition 且 joins is its own input,
    answered under its number as ``value_slots``' measured values are; an award holds where every part does (an
    ``AnyOf``, 或: where one does, §143), the first listed that holds wins, 否则 takes the rest, and a rule without it
    scores 0 there (a gap). Words naming two or more states of one thing are answered by the state (§143)."""
    states = joint_states(rule)
    named = "；".join(f"{i}：{_part_name(p, states.get(i, ()))}" for i, p in enumerate(parts, 1))
    example = ", ".join(f"{i}: '{_part_example(p, states.get(i, ()))}'" for i, p in enumerate(parts, 1))
    if not isinstance(actual, Mapping):
        raise EvaluationError(
            f"这条规则的条件由“且”{'和“或”' if any(isinstance(a.condition, AnyOf) for a in rule.awards) else ''}连接，"
            f"需要{len(parts)}个实际值（{named}），一个答案不能同时用于几项："
            f"请按编号分别给出，如 {{{example}}}"
        )
    if any(k in _VALUE_KEYS for k in actual):
        raise EvaluationError(f"这条规则的条件各按编号给出（{named}），不用“实际值”")
    keyed = _keyed(actual, range(1, len(parts) + 1))
    answers = [_part_answer(i, p, keyed[i], ctx, states.get(i, ())) for i, p in enumerate(parts, 1)]
    shown = {f"第{i}项": _show(x) for i, (x, _) in enumerate(answers, 1)}
    for a in rule.awards:
        cond = a.condition
        if isinstance(cond, All):
            held = all(_part_holds(p, x, c) for p, (x, c) in zip(cond.parts, answers, strict=True))
        elif isinstance(cond, AnyOf):
            held = any(_part_holds(p, x, c) for p, (x, c) in zip(cond.parts, answers, strict=True))
        else:
            held = isinstance(cond, Otherwise)  # the checks leave only 否则 beside the conditions
        if held:
            value = _outcome(a.outcome, _In(), ctx, full)
            joined = isinstance(cond, (All, AnyOf))
            ctx.step(_describe_award(a, ctx, full), value, "" if joined else _unmet(parts, answers), **shown)
            return value
    ctx.step("未覆盖", ZERO, f"{_unmet(parts, answers)}，规则没有写此时如何计分，记0分", **shown)
    return ZERO


def _unmet(parts: tuple[Range | Label, ...], answers: list[tuple[_In, _Ctx]]) -> str:
    """未满足：投诉率<1%: the parts of the first joined conditions the answers miss."""
    missed = [_describe_cond(p) for p, (x, c) in zip(parts, answers, strict=True) if not _part_holds(p, x, c)]
    return f"未满足：{'、'.join(missed)}" if missed else "未同时满足各条件"


def _part_name(part: Range | Label, states: tuple[str, ...]) -> str:
    if isinstance(part, Range):
        return part.subject
    g = grade_of(part.text)
    return f"{g.subject}（{'或'.join(states)}）" if states and g is not None else part.text


def _part_example(part: Range | Label, states: tuple[str, ...] = ()) -> str:
    edge = part.low or part.high if isinstance(part, Range) else None
    return _fmt(edge.value) if edge is not None else (states[0] if states else "是")


def _part_answer(i: int, part: Range | Label, answer: Any, ctx: _Ctx, states: tuple[str, ...] = ()) -> tuple[_In, _Ctx]:
    """One part's answer, read in its own words' unit (满意度达到90%: 92 is 92%), with the setting it is compared in; words
    naming states of one thing take one of the states written (良好 or 较差; semantics §143)."""
    if isinstance(part, Range):
        own = _Ctx(ctx.weight, None, None, part_unit(part), ctx.options)
        x = _actual(answer, own)
        if x.quantity is None:
            raise EvaluationError(f"第{i}项“{part.subject}”需要一个数值，而不是“{_show(x)}”")
        unit, said = own.unit, x.raw.unit if x.raw is not None else ""
        if unit and said and not same_unit(normalize_unit(said), normalize_unit(unit)):
            # 92人 for 满意度达到90%: the part's own words give its unit; no target converts another
            raise EvaluationError(f"第{i}项“{part.subject}”以{unit}计，而不是“{_show(x)}”")
        return x, own
    if states:
        said = unquoted(str(answer)) if isinstance(answer, str) else ""
        if said not in states:
            # 是 / 否 of 良好 says nothing of 较差, and a state the text never names (一般) has no score (semantics §143)
            raise EvaluationError(
                f"第{i}项“{_part_name(part, states)}”需要文中写到的状态之一（{'、'.join(states)}），"
                f"而不是“{answer if isinstance(answer, str) else _show_answer(answer)}”"
            )
        return _In(label=said), ctx
    x = _actual(answer, _Ctx(ctx.weight, None, None, "", ctx.options))
    if x.flag is None or x.quantity is not None:
        # a number never decides a worded condition (domain point 20)
        raise EvaluationError(f"第{i}项“{part.text}”需要“是”（成立）或“否”（不成立），而不是“{_show(x)}”")
    return x, ctx


def _part_holds(part: Range | Label, x: _In, ctx: _Ctx) -> bool:
    if isinstance(part, Range):
        return _in_range(part, x, ctx)
    if x.label is not None:
        g = grade_of(part.text)
        return g is not None and g.word == x.label  # the state answered is the one these words name (§143)
    return bool(x.flag)  # 是: the words hold as written (无安全事故: none happened)


def _one_band(rule: Rule) -> bool:
    """The rule has one band of the value and no deduction (每年提供一次培训，计1分，未培训不得分; 年巡检次数不低于1次，计1分，
    未巡检不得分): beside a negated worded case 是 says the band's requirement was met, 否 the case (the seed corpus's
    reading, tests/corpus composite s000-L998); with a ladder of bands (5个及以上得满分，3-4个得3分…未获批不得分) 是
    says no band (semantics §92)."""
    return not rule.deductions and sum(isinstance(a.condition, Range) for a in rule.awards) == 1


def _one_answer_fits(rule: Rule, separate: Sequence[Deduction | Veto | Waiver], x: _In) -> None:
    """One answer fills one input: a rule that needs several (a value and an event, two events)
    is refused with what it needs, rather than copying the answer to each."""
    values = _measured_subjects(rule)
    needs = len(separate) + max(len(values), 1 if _reads_value(rule) else 0)
    worded = [a.condition.text for a in rule.awards if isinstance(a.condition, (Label, TargetMet))]
    if needs < 2 and worded and any(isinstance(c, Deduction) and c.bonus for c in separate):
        # 完成得满分，获得表彰的加1分: 完成 and the bonus are two questions; one 否 lost the bonus's
        # point as a deduction (4 of 5), one 是 gave full marks without the bonus
        raise EvaluationError(
            f"这条规则有两件事要回答（{worded[0]}；{_input_name(separate[0])}），一个答案不能同时回答：请按规则人工计分"
        )
    if needs < 2:
        return
    slots = value_slots(rule)
    if slots is not None:
        named = [f"{i}：{name or _input_name(cs[0])}" for i, (name, cs) in enumerate(slots, 1)]
        raise EvaluationError(
            f"这条规则需要{len(slots)}个实际值（{'；'.join(named)}），一个答案不能同时用于几项："
            f"请按编号分别给出，如 {{1: '95%', 2: '90%'}}"
        )
    names = (list(values) if len(values) > 1 else ["实际值"] if _reads_value(rule) else []) + [
        f"{i}：{_input_name(c)}" for i, c in enumerate(separate, 1)
    ]
    example = (
        "{'实际值': '95%', 1: '否'}" if _reads_value(rule)
        else "{1: '是', 2: '否'}" if all(isinstance(c, Deduction) and c.bonus and c.kind is StepKind.ONCE for c in separate)
        else "{1: '0', 2: '否'}"
    )  # fmt: skip
    raise EvaluationError(
        f"这条规则需要{needs}个实际值（{'；'.join(names)}），一个答案不能同时用于几项：请分别给出，如 {example}"
    )


def _number_meets(x: _In, rule: Rule, ctx: _Ctx) -> bool | None:
    """Whether a number satisfies a worded rule: against a numeric target where every worded
    condition says the target is reached (完成 ⇔ the outcome reaches the target), or as a count of
    the event every condition names. None: a number cannot answer these words."""
    assert x.quantity is not None
    if budget_answers(rule):
        # 超部门预算支出不得分 (semantics §111): within the row's target as the budget is met, whatever the comparator
        t = budget_line(ctx, rule)
        source, unit = pick(_scale(x), t)
        if (unit in ("%", "个百分点")) != t.is_percent:
            raise EvaluationError(f"这条规则按预算（指标值{_fmt(t)}）比较，“{_show(x)}”的单位与指标值不同，不能比较")
        return _compare(_number(x, source).value, Op.LE, t.value)
    if activity_count_answers(rule):
        # 开展得满分，未开展不得分 answered 2: carried out twice, so carried out (semantics §114)
        _whole_count(x, "次数")
        return _as_count(x).value >= 1
    tied, events = number_answers(rule)  # the reading's (bind.number_answers)
    if ctx.target is not None and tied:
        t = ctx.target.quantity
        source, unit = pick(_scale(x), t)
        if (unit in ("%", "个百分点")) == t.is_percent:
            return _compare(_number(x, source).value, ctx.op or Op.GE, t.value)
    if events and not _as_count(x).is_percent:
        # the number counts the events (a percentage counts nothing): met when none happened
        if x.quantity.value < 0:
            raise EvaluationError(f"次数不能为负: {_fmt(x.quantity)}")
        return x.quantity.value == 0
    return None


def _by_budget(rule: Rule, x: _In, ctx: _Ctx, within: bool) -> Decimal:
    """The award of the side of the budget the outcome is on (semantics §111): within it (控制在预算内, 不高于计划成本) or
    over it (超支, 高于计划成本), whichever words are negated; its outcome reads the number where it is a formula. A side
    no clause names: within, nothing is lost (full marks); over, no clause scores it (a gap, 0)."""
    full = ctx.weight
    side = [a for a in rule.awards
            if isinstance(a.condition, (Label, TargetMet)) and budget_comparison(a.condition.text.strip()) is within]
    shown = "是" if x.flag is True else "否" if x.flag is False else _show(x)
    what = "未超出预算（指标值）" if within else "超出预算（指标值）"
    if len(side) > 1:
        raise EvaluationError(f"这条规则有几个条款都按{what}计分：请按规则人工计算")
    if not side:
        value = full if within else ZERO
        ctx.step(what, value, "规则只写了另一种情形" if within else "规则没有写这种情形的得分（空档）", 实际值=shown)
        return value
    (a,) = side
    value = _outcome(a.outcome, x, ctx, full)
    ctx.step(_describe_award(a, ctx, full), value, what, 实际值=shown)
    _require_points(a, ctx)
    return value


def budget_line(ctx: _Ctx, rule: Rule) -> Quantity:
    """The budget words compare with (semantics §111): the row's target, an amount in its unit or 100%; refused without one."""
    t = None if ctx.target is None else ctx.target.quantity
    if t is None or not budget_target(t):
        words = "、".join(a.condition.text for a in rule.awards if isinstance(a.condition, (Label, TargetMet)))
        have = "没有数值指标值" if t is None else f"指标值{_fmt(t)}不是预算金额（或100%的执行率）"
        raise EvaluationError(f"这条规则的文字条件（{words}）与预算比较，本行{have}：请在指标值中给出预算数，或回答“是/否”")
    if ctx.op in (Op.GE, Op.GT):
        # 超支不得分 on a row of ≥: the words are met at or below the budget, the row above it (semantics §111)
        raise EvaluationError(
            f"指标值类型（{ctx.op.value}）与规则（不超出预算得满分）相反：不知道以哪一侧为准，请核对指标值类型，或回答“是/否”"
        )
    return t


def _flag_on_numeric(rule: Rule, met: bool, ctx: _Ctx, full: Decimal) -> Decimal:
    values = [_outcome(a.outcome, _In(flag=met), ctx, full) for a in rule.awards if not isinstance(a.outcome, Formula)]
    if met:
        best = max(values, default=full) if values else full
        best = _base_points(rule, ctx, full) if rule.deductions else best
        if rule.bonuses:
            _base_within_weight(rule, best, full)  # a base above the weight beside bonuses is refused (§126, §131)
        ctx.step("达标", best, "实际值为“是”：按达标计分", 实际值="是")
        return best
    for a in rule.awards:
        if isinstance(a.outcome, ByHand) and _negative_or_unmet(a):
            _require_points(a, ctx)
    between = [
        a for a in rule.awards
        if isinstance(a.condition, Range)
        and (isinstance(a.outcome, Formula) or ZERO < _outcome(a.outcome, _In(flag=False), ctx, full) < full)
    ]  # fmt: skip
    stated = any(isinstance(a.condition, (TargetMet, Label)) and _negative(a) for a in rule.awards)  # 未完成不得分
    if between and not stated:
        # 完成得满分，完成指标值的90%以上得14分…不足60%不得分: 未完成 spans 0 to 14分; 否 does not say which
        raise EvaluationError(f"“否”不能确定落在哪一档（{_describe_cond(between[0].condition)}等），请给出实际数值")
    if any(isinstance(a.outcome, Zero) for a in rule.awards) or (rule.proportional is None and not rule.deductions):
        ctx.step("未达标，不得分", ZERO, "实际值为“否”：按最低一档计分", 实际值="否")
        return ZERO
    if rule.deductions and all(d.kind is StepKind.ONCE for d in rule.deductions):
        score = _base_points(rule, ctx, full)
        _base_within_weight(rule, score, full)  # 基本分12分 on a weight of 10 beside a bonus: refused (§126, §131)
        ctx.step("基础分", score, "", 满分=score)
        for d in rule.deductions:
            if not d.bonus:  # 否 earns no bonus; it takes nothing either
                score -= _deduct(d, _In(flag=False), rule, ctx)
        return max(score, ZERO)
    if rule.deductions and all(d.bonus for d in rule.deductions):
        # 基本分6分，每获得1项市级表彰加1分 answered 否: the bonus counts what was won (§131)
        raise EvaluationError("这条规则按次数或数值加分，“否”不足以计分：请给出实际数值或次数（没有则填0）")
    raise EvaluationError("这条规则按数值扣分，“否”不足以计分：请给出实际数值")


def _whole_count(x: _In, what: str) -> None:
    """A count of events is whole and not negative (semantics §92, §114)."""
    assert x.quantity is not None
    q = _as_count(x)
    if q.is_percent:
        raise EvaluationError(f"需要{what}，而不是百分比{_show(x)}")
    if q.value < 0:
        raise EvaluationError(f"次数不能为负: {_fmt(q)}")
    if q.value % 1:
        raise EvaluationError(f"{what}应为整数，而不是“{_show(x)}”")


def _veto_holds(cond: Condition, x: _In, ctx: _Ctx) -> bool:
    if isinstance(cond, Range):
        if x.quantity is None:
            raise EvaluationError(f"否决条款“{_describe_cond(cond)}”需要数值实际值，而不是“{_show(x)}”")
        return _in_range(cond, x, ctx)
    # a worded veto (发生数据泄露…): the input says whether the requirement was met, or counts the event
    if x.flag is not None:
        return not x.flag
    text = getattr(cond, "text", "")
    said = verb_answer(x.label, text) if x.label is not None else None
    if said is not None:
        return said  # 出现 / 未出现 on 出现劣Ⅴ类水体的不得分: the veto's own verb (semantics §92)
    if x.label is not None and text and x.label.strip() == case_words(text):
        return True  # 弄虚作假 on 弄虚作假的，一经查实，本项得0分: the veto's own case, word for word (semantics §121)
    counted = names_event(text)
    if x.quantity is not None and counted and not x.quantity.is_percent:
        if x.quantity.value < 0:
            raise EvaluationError(f"次数不能为负: {_fmt(x.quantity)}")
        if x.quantity.value % 1:
            # 0.5 events of 发生安全事故的不得分 vetoed the row: an event happens a whole number of times (§92)
            raise EvaluationError(f"否决条款“{_describe_cond(cond)}”的事件次数应为整数，而不是“{_show(x)}”")
        return x.quantity.value > 0
    what = "“是/否”（或事件次数）" if counted else "“是/否”"
    raise EvaluationError(f"否决条款“{_describe_cond(cond)}”需要{what}，而不是“{_show(x)}”")


def _holds(cond: Condition | None, x: _In, ctx: _Ctx, rule: Rule, events_clear: bool | None) -> bool:
    if cond is None:
        return True
    if isinstance(cond, Range):
        if x.quantity is None:
            if x.flag is not None:
                return False
            raise EvaluationError(f"这条规则需要一个数值实际值，而不是“{_show(x)}”")
        return _in_range(cond, x, ctx)
    if isinstance(cond, TargetMet):
        if events_clear is None and x.quantity is not None and not _as_count(x).is_percent and _event_words(cond.text):
            # 全年未出现档案遗失或其他事故，计10分，发生1起全扣: the number counts the events; met when none
            if x.quantity.value < 0:
                raise EvaluationError(f"次数不能为负: {_fmt(x.quantity)}")
            return (x.quantity.value == 0) != cond.negated
        met = _target_met(x, ctx, rule, events_clear, cond)
        return met != cond.negated
    return False


def _target_met(x: _In, ctx: _Ctx, rule: Rule, events_clear: bool | None, cond: TargetMet | None = None) -> bool:
    words = cond.text if cond is not None else ""
    if events_clear is not None and x.quantity is None:
        return events_clear
    if events_clear is not None:
        # the value answered beside the events' own answers: 完成 is the value reaching the line (it
        # was the events' answer: {80%, 资料齐全} scored 完成)
        return _met_by_value(x, ctx, rule)
    if x.flag is not None and x.quantity is None:
        return x.flag
    events = any(isinstance(d, Deduction) and d.kind is not StepKind.DISTANCE for d in rule.clauses)
    if x.quantity is None:
        raise EvaluationError(f"无法判断“{_show(x)}”是否达标")
    if events and cond is not None and at_whole_rate(cond.requirement) and x.quantity.is_percent:
        # 合规率100%得满分，每发现一例不合规扣1分: 100% written is the line met; 98% says some were
        # found but not how many; a bare 100 on a % row is 100% or 100 cases (it scored 0 as 100 cases)
        if _as_count(x).is_percent:
            if x.quantity.value >= HUNDRED:
                return True
            raise EvaluationError(f"“{words}”未达到时按发现的次数扣分：请给出次数，而不是“{_show(x)}”")
        if x.quantity.value >= HUNDRED:
            n = _num(x.quantity.value)
            raise EvaluationError(f"“{n}”是{words}还是{n}次（例），无法确定：请写成“{n}%”，或写明次数（如“{n}例”）")
    if events:
        once = [d for d in rule.deductions if d.kind is StepKind.ONCE and not _once_counted(d.event)]
        if once or _as_count(x).is_percent:
            # 未如期完成且无充分理由的扣3分: no event a number could count
            raise EvaluationError(
                f"需要说明“{once[0].event if once else '扣分事项'}”是否发生（是/否），而不是“{_show(x)}”"
            )
        if x.quantity.value < 0:
            raise EvaluationError(f"次数不能为负: {_fmt(x.quantity)}")
        return x.quantity.value == 0
    return _met_by_value(x, ctx, rule)


def _met_by_value(x: _In, ctx: _Ctx, rule: Rule) -> bool:
    line = met_line(rule, ctx.unit, ctx.target.quantity if ctx.target is not None else None)
    m = met(line, ctx.op or _award_op(rule) or Op.GE, _scale(x))
    q = _number(x, m.source)
    if m.error:
        raise EvaluationError(m.error.replace("{q}", _fmt(q)))
    return _compare(q.value, m.op, m.line)


def _compare(v: Decimal, op: Op, ref: Decimal) -> bool:
    if op is Op.GE:
        return v >= ref
    if op is Op.GT:
        return v > ref
    if op is Op.LE:
        return v <= ref
    if op is Op.LT:
        return v < ref
    return v == ref


def _gap_met(rule: Rule, x: _In, ctx: _Ctx) -> bool:
    """The target is met on a rule of bands on the shortfall, or the budget kept on a rule of bands on the
    excess (超支5%以内扣1分…: semantics §82): none of them applies (domain point 16)."""
    gaps = [a.condition for a in rule.awards
            if isinstance(a.condition, Range) and a.condition.measure in _ONE_SIDED]  # fmt: skip
    return bool(gaps) and x.quantity is not None and _compared(band(gaps[0], ctx.setting, _scale(x)), x) <= 0


def _beyond_deductions(rule: Rule, x: _In, ctx: _Ctx) -> bool:
    """满意度低于90%扣2分 / 90%（含）～95%（不含）扣1分…85%以下不得分 at 96%: a rule whose bands only deduct (得分=指标
    分值-N) or zero, the value in none of them and beyond all of them on one side, loses nothing (semantics §83;
    it fell into the gap and scored 0). A value between two bands stays a gap."""
    if x.quantity is None or not only_deducting_bands(rule):
        return False
    conds = [a.condition for a in rule.awards if isinstance(a.condition, Range)]
    if any(c.measure is not Measure.VALUE for c in conds):
        return False
    values = [_compared(band(c, ctx.setting, _scale(x)), x) for c in conds]
    above = all(c.high is not None and v >= c.high.value.value for c, v in zip(conds, values, strict=True))
    below = all(c.low is not None and v <= c.low.value.value for c, v in zip(conds, values, strict=True))
    return above or below


def _choose_label(rule: Rule, x: _In, ctx: _Ctx) -> Decimal | None:
    if x.label is not None and graded_bands(rule):
        return _by_grade(rule, x, ctx)
    awards = [a for a in rule.awards if isinstance(a.condition, (Label, Otherwise, TargetMet))]
    if not awards:
        if rule.deductions or rule.proportional is not None or any(isinstance(a.condition, Range) for a in rule.awards):
            if x.flag is not None:
                return None
            raise EvaluationError(f"这条规则需要一个数值实际值，而不是“{_show(x)}”")
        if x.flag is not None and rule.vetoes:
            ctx.step("未触发否决条款", ctx.weight, "")
            return ctx.weight
        return None
    if x.flag is not None and x.label is None and budget_answers(rule):
        return _by_budget(rule, x, ctx, x.flag)  # 是: within the budget, 否: over it (§111)
    full = ctx.weight
    values = [(a, _outcome(a.outcome, x, ctx, full)) for a in awards]
    if x.label is not None:
        match = _match_label(awards, x.label)
        if match is None and (when := answer_date(x.label)) is not None:
            return _by_date(rule, when, values, ctx)
        named = _named(awards, x.label) if match is None else []
        if len(named) > 1:
            labels = "、".join(_describe_cond(a.condition) for a in named if a.condition is not None)
            raise EvaluationError(f"“{x.label}”可以是这条规则的几个等级（{labels}）：请写出完整的等级")
        if match is None:
            labels = "、".join(_describe_cond(a.condition) for a in awards if a.condition is not None)
            raise EvaluationError(f"“{x.label}”不是这条规则的等级，应为: {labels}（或是/否）")
        value = dict((id(a), v) for a, v in values)[id(match)]
        ctx.step(_describe_award(match, ctx, full), value, "", 实际值=x.label)
        _require_points(match, ctx)
        return value
    if x.flag is None:
        return None
    positive = [(a, v) for a, v in values if not _negative(a)]
    negative = [(a, v) for a, v in values if _negative(a)]
    if x.flag:
        if positive:
            a, v = max(positive, key=lambda p: p[1])
            _require_points(a, ctx)  # 视情况给予0-5分 answered 是: a hand score within 0-5, never its low end
            ctx.step(_describe_award(a, ctx, full), v, "达标", 实际值="是")
            return v
        if all(isinstance(a.outcome, ByHand) for a, _ in negative):
            # 根据实际情况综合评定 answered 是: no case that loses points is written, only how it is judged (§10)
            ctx.step("达到要求，得满分", full, "规则只写了评定方式，没有写失分的情形：是＝达到要求", 实际值="是")
            return full
        ctx.step("未发生扣分情形，得满分", full, "规则只写了不得分的情形", 实际值="是")
        return full
    if negative:
        a, v = min(negative, key=lambda p: p[1])
        _require_points(a, ctx)
        ctx.step(_describe_award(a, ctx, full), v, "未达标", 实际值="否")
        return v
    if len(positive) > 1:
        # 优秀得满分，良好得3分，一般得1分 answered 否: not the best grade, but which one (or below the lowest) is not
        # said, and the text writes nothing for a case below its grades (semantics §10)
        grades = "、".join(_describe_cond(a.condition) for a, _ in positive if a.condition is not None)
        raise EvaluationError(
            f"这条规则按等级计分（{grades}），没有写未达到时得几分；“否”不能说明是哪一级：请写出等级，或人工计分"
        )
    ctx.step("未达标，不得分", ZERO, "规则只写了得分的情形，未达标记0分", 实际值="否")
    return ZERO


def _by_grade(rule: Rule, x: _In, ctx: _Ctx) -> Decimal:
    """良 on 优（100%）得满分，良（90%-100%）得8分…: the band the grade names scores as a value in it does
    (semantics §103). A word that names no grade, or two, is refused with the grades."""
    assert x.label is not None
    awards = [a for a in rule.awards if isinstance(a.condition, (Label, TargetMet))] + graded_bands(rule)
    named = _named(awards, x.label)
    grades = "、".join(_label_of(a) for a in awards)
    if len(named) > 1:
        raise EvaluationError(f"“{x.label}”可以是这条规则的几个等级（{'、'.join(_label_of(a) for a in named)}）：请写出完整的等级")
    if not named:
        raise EvaluationError(f"“{x.label}”不是这条规则的等级，应为: {grades}，或实际数值")
    match = named[0]
    if isinstance(match.outcome, Formula):
        raise EvaluationError(f"等级“{_label_of(match)}”按数值计分，请给出实际数值，而不是“{x.label}”")
    full = ctx.weight
    _require_points(match, ctx)
    value = _outcome(match.outcome, x, ctx, full)
    ctx.step(_describe_award(match, ctx, full), value, "按等级计分", 实际值=x.label)
    return value


def _label_of(a: Award) -> str:
    c = a.condition
    return c.grade if isinstance(c, Range) else _describe_cond(c)


def _above_exact_grade(rule: Rule, x: _In) -> None:
    """A value above a top band a grade names by one number (优（100%）: exactly 100%, semantics §103): the
    text does not say whether 优 takes it; refused rather than scored 0 as a gap."""
    if x.quantity is None:
        return
    edges = [e for a in rule.awards if isinstance(a.condition, Range) for e in (a.condition.low, a.condition.high) if e is not None]
    for a in graded_bands(rule):
        c = a.condition
        assert isinstance(c, Range)
        if c.low is None or c.low != c.high or c.low.stated or c.low.value.unit != x.quantity.unit:
            continue
        top = c.low.value.value
        if x.quantity.value > top and all(e.value.unit != x.quantity.unit or e.value.value <= top for e in edges):
            raise EvaluationError(
                f"“{c.grade}（{_fmt(c.low.value)}）”只写了{_fmt(c.low.value)}这一个值，规则没有说明高于它的实际值"
                f"“{_show(x)}”属于哪一档：请核对规则（如写成“{c.grade}（{_fmt(c.low.value)}及以上）”），或给出等级"
            )


_NEGATED_OPENINGS = ("未", "没有", "不", "非")


def _absence_of_what(rule: Rule, actual: Any) -> None:
    """无 / 没有 on a case written as a thing not done (未建立资金监管制度的，一票否决; 未按时报送的扣1分): 无 may say there
    is no such case (是) or that there is none of the thing (the case holds): refused, where 无 on 发生重大事故的 or
    无安全事故 reads as before. A negated event (未发生…) is no such case either."""
    if not isinstance(actual, str) or actual.strip() not in ("无", "没有"):
        return
    cases = [c.condition.text for c in rule.vetoes if isinstance(c.condition, (Label, TargetMet))]
    cases += [d.event for d in rule.deductions if d.kind is StepKind.ONCE and not d.bonus]
    cases += [a.condition.text for a in rule.awards if isinstance(a.condition, Label) and a.condition.negated]
    for text in cases:
        rest = next((text.removeprefix(n) for n in _NEGATED_OPENINGS if text.startswith(n)), None)
        if rest and not rest.startswith(EVENT_VERBS):
            raise EvaluationError(
                f"“{actual.strip()}”回答“{text}”不清楚：是说没有这种情形，还是说没有{rest.removesuffix('的')}：请填写“是/否”"
                "（是＝没有这种情形，否＝有）"
            )


def _month_as_delay(rule: Rule, actual: Any, x: _In) -> _In:
    """7月 on 资金于6月30日前拨付到位得满分，每推迟1个月扣0.5分: a month of the year (no 个) where a deadline is a date and the
    steps count months late is a month, not 7 months late; how late within it is not written: refused (it scored 0, as
    7 months late)."""
    if not isinstance(actual, str) or x.quantity is None:
        return x
    month = answer_date(actual)  # 7月: a whole month of the year (7个月 is no date)
    if month is None or month.first == month.last or not isinstance(month.first, MonthDay):
        return x
    dated = any(isinstance(c, Requirement) and c.deadline is not None for c in rule.clauses) or any(
        isinstance(a.condition, (Label, TargetMet)) and a.condition.deadline is not None for a in rule.awards
    )
    steps = any(d.step is not None and d.step.unit in ("月", "个月") for d in rule.deductions)
    if dated and steps:
        raise EvaluationError(f"“{actual.strip()}”是月份还是晚了几个月，无法确定：请填写晚了几个月（如“1个月”，按期填0），或完成日期")
    return x


def _date_as_delay(rule: Rule, x: _In, target: str | None) -> _In:
    """A completion date answering a deadline beside a step per unit of time late (semantics §90): the answer is
    how late. A date with its year on or before a deadline with its year is 0 units late; past it, the days late
    when the step counts days (the difference of the two dates, exact); a step in months or years is refused (a
    month has no fixed number of days), and so is a date where either side has no year. Anything else is
    returned as it came (the date is placed against date bands, §88, or refused)."""
    if x.label is None or (when := answer_date(x.label)) is None:
        return x
    dated = [(c.text, c.deadline) for c in rule.clauses if isinstance(c, Requirement) and c.deadline is not None]
    dated += [(a.condition.text, a.condition.deadline) for a in rule.awards
              if isinstance(a.condition, (Label, TargetMet)) and a.condition.deadline is not None]  # fmt: skip
    steps = [d.step for d in rule.deductions
             if d.kind is StepKind.EVENTS and d.step is not None and d.step.unit in words("time_unit")]  # fmt: skip
    if len(dated) != 1 or len(steps) != 1 or len(rule.deductions) != 1:
        return x
    (said, deadline), unit = dated[0], steps[0].unit
    year = row_year(target)
    if isinstance(deadline, MonthDay) and year is not None and not any(w in said for w in words("next_year")):
        # 10月底前 on a row whose target is 2025年10月底前: the deadline takes the target's year (§88, §124)
        last = calendar.monthrange(year, deadline.month)[1]
        deadline = datetime.date(year, deadline.month, last if deadline.end else min(deadline.day, last))
    if isinstance(deadline, MonthDay) and isinstance(when.first, MonthDay) and isinstance(when.last, MonthDay):
        return _yearless_delay(deadline, when, unit)
    if not isinstance(deadline, datetime.date) or not isinstance(when.first, datetime.date):
        raise EvaluationError(f"“{when.text}”与期限{deadline}缺少年份，不能比较（年份不推断）：请填写晚了几{unit}（按期填0）")
    assert isinstance(when.last, datetime.date)
    if when.last <= deadline:
        return _In(Quantity(Decimal(0), unit), raw=Quantity(Decimal(0), unit))
    days = {"天": 1, "日": 1, "周": 7, "星期": 7}.get(unit)  # a week is 7 days; a month or a year has no fixed count
    if when.first != when.last or days is None:
        raise EvaluationError(f"“{when.text}”晚于期限{deadline.isoformat()}：请填写晚了几{unit}（按{unit}计的时间不由日期推算）")
    late = Quantity(Decimal((when.first - deadline).days) / days, unit)  # 3 days late on a weekly step: 3/7 of a week
    return _In(late, raw=late)


def _yearless_delay(deadline: MonthDay, when: Answered, unit: str) -> _In:
    """7月5日 on 资金于6月30日前拨付到位得满分，每推迟5天扣0.5分 (semantics §118): neither side states a year, so the two
    are compared by month and day in one year, as §88 compares them. On or before the deadline the answer is 0 late;
    past it, the days between them are counted where they are the same in a leap year and in a common one (the
    stretch does not hold 29 February); a whole month past the deadline, a step not in days, or a stretch over 29
    February are refused (the year is never invented)."""
    assert isinstance(when.first, MonthDay) and isinstance(when.last, MonthDay)
    firsts, lasts = set(), set()
    for year in (2023, 2024):  # a common year and a leap year
        if when.last.month == 2 and when.last.day > calendar.monthrange(year, 2)[1]:
            continue  # 2月29日 answered: a leap year's date
        end = calendar.monthrange(year, deadline.month)[1] if deadline.end else deadline.day
        due = datetime.date(year, deadline.month, end)
        firsts.add((datetime.date(year, when.first.month, when.first.day) - due).days)
        lasts.add((datetime.date(year, when.last.month, when.last.day) - due).days)
    if max(lasts) <= 0:
        return _In(Quantity(Decimal(0), unit), raw=Quantity(Decimal(0), unit))
    asked = f"“{when.text}”与期限{deadline}缺少年份"
    if when.first != when.last or unit not in ("天", "日"):
        raise EvaluationError(f"{asked}，不能比较（年份不推断）：请填写晚了几{unit}（按期填0）")
    if len(firsts) != 1:
        raise EvaluationError(f"{asked}，其间是否有2月29日取决于年份（年份不推断）：请填写晚了几{unit}（按期填0）")
    late = Quantity(Decimal(firsts.pop()), unit)
    return _In(late, raw=late)


def _by_date(rule: Rule, when: Answered, values: list[tuple[Award, Decimal]], ctx: _Ctx) -> Decimal:
    """2024年6月15日 on 2024年6月底前开工得满分，未按期开工不得分 (semantics §88): a completion date scores the band
    of the first deadline it does not pass, read by ``reading.deadlines``; refused where the dates cannot be
    compared (a year missing on one side, bands that are not successive deadlines)."""
    bands = date_bands(rule, ctx.target_text)
    if isinstance(bands, str):
        raise EvaluationError(f"“{when.text}”是日期，{bands}：请填写是否按期完成，或规则中的等级")
    try:
        award, how = place(bands, when)
    except ValueError as e:
        raise EvaluationError(str(e)) from None
    if award is None:
        ctx.step("没有一档包含该完成日期，记0分", ZERO, how, 实际值=when.text)
        return ZERO
    value = dict((id(a), v) for a, v in values)[id(award)]
    ctx.step(_describe_award(award, ctx, ctx.weight), value, how, 实际值=when.text)
    _require_points(award, ctx)
    return value


def _negative_or_unmet(a: Award) -> bool:
    c = a.condition
    return c is None or isinstance(c, Otherwise) or (isinstance(c, (Label, TargetMet)) and c.negated)


def _require_points(a: Award, ctx: _Ctx) -> None:
    if isinstance(a.outcome, ByHand):
        cond = _describe_cond(a.condition)
        low, high = a.outcome.low, a.outcome.high
        if low is not None and high is not None:
            # 良好8-9分 (domain point 22): evaluate() states the bounds, as for 扣4-7分
            if ctx.options.deduction_range is not None:
                return
            given = f"分值的{_num(low)}%-{_num(high)}%" if a.outcome.share else f"{_num(low)}-{_num(high)}分"
            err = EvaluationError(f"“{cond}”时规则给出{given}，需要人工确定得分")
            err.hand_range = True  # type: ignore[attr-defined]
            raise err
        how = "酌情扣分" if a.outcome.deduct else "酌情评分"
        err = EvaluationError(f"“{cond}”时规则规定{how}，需要人工给出得分")
        err.by_hand = True  # type: ignore[attr-defined]  # evaluate() adds the bounds the rule still sets
        raise err


def _negative(a: Award) -> bool:
    c = a.condition
    if isinstance(c, Otherwise):
        return True
    if isinstance(c, (Label, TargetMet)) and c.negated:
        return True
    if isinstance(c, Label) and (isinstance(a.outcome, Zero) or (isinstance(a.outcome, ByHand) and a.outcome.low is None)):
        return True  # 发生安全事故不得分 / 根据部门自评材料评定: the clause for a requirement not met (not 良好8-9分)
    return False




def _composite_as_grades(c: Composite, actual: Any, ctx: _Ctx) -> Decimal | None:
    """①到位及时(2分) ②不及时但未影响项目进度(1分) ③不及时并影响项目进度: numbered grades.
    A label that names exactly one item scores that item's points (0 where it states none)."""
    if not isinstance(actual, str):
        return None
    label = actual.strip()
    hits = []
    for item in c.items:
        first = item.rule.clauses[0] if item.rule.clauses else None
        cond = getattr(first, "condition", None)
        text = getattr(cond, "text", None) or getattr(first, "text", "")
        if text and (text == label or text.startswith(label)):
            hits.append(item)
    if len(hits) != 1:
        return None
    item = hits[0]
    pts = item.points if item.points is not None else ZERO
    ctx.step(f"按第{item.number}项评定：{label}", pts, "分项作为等级使用", 实际值=label)
    return pts


def _veto_items_answered(c: Composite, actual: Mapping[Any, Any]) -> None:
    """①…；②…；发生重大质量安全事故的，本指标不得分 answered {1: 是, 2: 是}: the veto of the whole indicator is an input
    of its own, numbered after the items (semantics §115); the refusal says which number and what to write."""
    try:
        given = {_item_number(k) for k in actual}
    except EvaluationError:
        return
    for item in c.items:
        if item.number in given or not item.rule.vetoes or item.rule.awards or item.rule.deductions:
            continue
        what = "、".join(_describe_cond(v.condition) for v in item.rule.vetoes)
        counted = all(names_event(getattr(v.condition, "text", "")) for v in item.rule.vetoes)
        how = "是＝未发生，否＝发生，或填发生次数" if counted else "是＝没有这种情形，否＝有"
        raise EvaluationError(
            f"缺少第{item.number}项（否决条款：{what}，本指标计0分）的回答：请填{how}，"
            f"如 {{{', '.join(f'{i.number}: …' for i in c.items if i is not item)}, {item.number}: '是'}}"
        )


def _case(c: Composite, actual: Any, ctx: _Ctx) -> Decimal:
    """山区：…。其它地区：… (semantics §142): the one case the answer names by its heading, scored on its value by
    that case's rule within the weight; an answer naming no heading, or several, is refused with the headings."""
    heads = case_headings(c)
    listed = "；".join(f"“{h}”" for h in heads)
    if not isinstance(actual, Mapping) or len(actual) != 1:
        raise EvaluationError(f"规则按情形分别计分，只适用其中一种：请写明适用的情形及其实际值，如 {{'{heads[-1]}': …}}；"
                              f"规则所列情形：{listed}")  # fmt: skip
    ((key, value),) = actual.items()
    n = case_chosen(c, key)
    if n is None:
        raise EvaluationError(f"“{key}”不是规则所列的情形：请按原文写出适用的情形，规则所列情形：{listed}")
    item = c.items[n - 1]
    sub = _Ctx(ctx.weight, ctx.target, ctx.op, ctx.unit, ctx.options)
    value = _rule(item.rule, value, sub, ctx.weight)
    ctx.step(f"适用情形“{heads[n - 1]}”", ZERO, "")
    for s in sub.steps:
        ctx.steps.append(attrs.evolve(s, clause=f"{heads[n - 1]}：{s.clause}"))
    return value


def _composite(c: Composite, actual: Any, ctx: _Ctx) -> Decimal:
    if c.cases:
        return _case(c, actual, ctx)
    if c.shared is not None:
        # 发生安全事故的直接计0分。①…②…: a clause over all items, with no input of its own in a
        # mapping of item answers; refused rather than left out of the score
        raise EvaluationError(
            f"分项之前的总括条款（{_describe_shared(c.shared)}）暂不能计分：请把它写进各分项，或拆成单独的指标"
        )
    if not isinstance(actual, Mapping) and c.per_item:
        # ①…（2分）；②…（2分）…。每完成1项取得该项分数: the count of items done, their points being equal (§86)
        things = [i.rule.awards[0] for i in c.items]
        names = "；".join(f"{i.number}：{getattr(a.condition, 'text', '')}" for i, a in zip(c.items, things, strict=True))
        return _items_counted(things, actual, ctx, names)
    if not isinstance(actual, Mapping):
        if len(c.items) == 1:
            actual = {c.items[0].number: actual}
        else:
            graded = _composite_as_grades(c, actual, ctx)
            if graded is not None:
                return graded
            raise EvaluationError(f"分项规则需要每一项的实际值（如 {{1: '是', 2: 3}}），共{len(c.items)}项")
    _veto_items_answered(c, actual)
    keyed = _keyed(actual, [i.number for i in c.items])
    known = sum((i.points for i in c.items if i.points is not None), ZERO)
    unknown = [i for i in c.items if i.points is None and not i.rule.vetoes]
    implied = (ctx.weight - known) / len(unknown) if unknown else ZERO
    total = ZERO
    for item in c.items:
        sub = _Ctx(ctx.weight, ctx.target, ctx.op, ctx.unit, ctx.options)
        if item.rule.vetoes and not item.rule.awards and not item.rule.deductions:
            xi = _actual(keyed[item.number], ctx)
            if any(_veto_holds(v.condition, xi, ctx) for v in item.rule.vetoes):
                ctx.step(
                    f"第{item.number}项：" + _describe_cond(item.rule.vetoes[0].condition) + "，直接计0分",
                    -total,
                    "否决条款",
                )
                return ZERO
            continue
        points = item.points if item.points is not None else implied
        if points <= 0:
            raise EvaluationError(f"第{item.number}项没有写分值，也无法由总分推出")
        if not (item.rule.awards or item.rule.deductions or item.rule.proportional):
            # ③项目调整履行了相应手续: a checklist item, met or not
            met = yes_no(keyed[item.number])
            if met is None:
                raise EvaluationError(f"第{item.number}项需要“是”或“否”")
            value = points if met else ZERO
            ctx.step(
                f"第{item.number}项{'达标' if met else '未达标'}（分值由总分推出：{_num(_q4(points))}分）", value, ""
            )
            total += value
            continue
        value = _rule(item.rule, keyed[item.number], sub, points)
        value = min(max(value, ZERO), points)
        for s in sub.steps:
            ctx.steps.append(attrs.evolve(s, clause=f"第{item.number}项：{s.clause}"))
        ctx.step(f"第{item.number}项得{_num(_q4(value))}分（满分{_num(points)}分）", ZERO, "")
        total += value
    return total


def _within_samples(rule: Rule, per_clause: dict[int, _In], x: _In) -> None:
    """(抽10份孕期档案或入户核实)1份不真切扣1分 (semantics §145): the count answered is of the sample's items, so it
    is a whole number from 0 to the sample's size; more than were drawn is refused, not scored."""
    for d in rule.deductions:
        if d.sample is None or d.step is None:
            continue
        q = per_clause.get(id(d), x).quantity
        if q is None:
            continue
        if q.value < 0 or q.value != q.value.to_integral_value() or q.value > d.sample:
            raise EvaluationError(
                f"“{d.event or _num(d.step.value) + d.step.unit}”只在抽查的{_num(d.sample)}{d.step.unit}中计数，"
                f"应为0到{_num(d.sample)}的整数，而不是{_num(q.value)}"
            )


def _formula_base(rule: Rule, per_clause: dict[int, _In]) -> None:
    """A formula with no condition beside deductions (semantics §145): it is the base only when every deduction is
    a counted event answered apart; a step on the measured value beside it is refused (which line it counts from,
    and whether it repeats the formula, is not written). Before this the formula was skipped and the deductions
    counted from full marks."""
    if any(id(d) not in per_clause and not d.bonus for d in rule.deductions):
        raise EvaluationError("这条规则按公式计分，旁边又有按数值的扣分：扣分从哪条线算起、是否与公式重复没有写明，请人工计分")


def _describe_award(a: Award, ctx: _Ctx, full: Decimal, x: _In | None = None) -> str:
    cond = _describe_cond(a.condition)
    said = _describe_outcome(a.outcome, full)
    if isinstance(a.outcome, Formula) and x is not None:
        try:
            said = f"得分={_formula_text(a.outcome.expr, x, ctx, full, _has_rate(a.outcome.expr), '', outcome_names(a.outcome))}"
        except EvaluationError:
            pass
    return f"{cond}：{said}" if cond else said


def _formula_text(e: Expr, x: _In, ctx: _Ctx, full: Decimal, rate: bool, outer: str = "",
                  names: dict[str, str] | None = None) -> str:  # fmt: skip
    """（完成率68.75%-60%）/（1-60%）×10: the formula with the row's numbers in it."""
    if names is None:
        names = dict(formula_names(e))
    if isinstance(e, Num):
        v = e.value
        return f"{_num(v * HUNDRED)}%" if rate and ZERO < v < ONE else _num(v)
    if isinstance(e, Var):
        value = _expr(e, x, ctx, full, names)
        kind = names.get(e.name, "")
        if kind == "weight":
            return _num(value)
        percent = (x.quantity is not None and x.quantity.is_percent) if kind == "value" else (
            ctx.target is not None and ctx.target.quantity.is_percent and kind == "target")
        if kind in ("value", "target", "value_points", "target_points", "hundred") and not percent:
            return f"{e.name}{_num(value)}"
        return f"{e.name}{_num(_q4(value * HUNDRED))}%"
    if isinstance(e, BinOp):
        op = {"*": "×", "/": "/"}.get(e.op, e.op)
        left = _formula_text(e.left, x, ctx, full, rate, e.op, names)
        text = left + op + _formula_text(e.right, x, ctx, full, rate, e.op, names)
        return f"（{text}）" if e.op in "+-" and outer in ("*", "/", "-") else text
    if isinstance(e, Abs):
        return f"|{_formula_text(e.arg, x, ctx, full, rate, '', names)}|"
    return ""


def _explain(ctx: _Ctx, points: Decimal, weight: Decimal) -> str:
    parts = []
    for s in ctx.steps:
        if s.clause == "基础分" or s.clause.endswith("：基础分"):  # 第1项：基础分 says nothing
            continue
        text = s.clause
        if s.delta < 0 and "扣" in s.clause and "扣完" not in s.clause:
            text += f"，扣{_num(_q4(-s.delta))}分"
        if s.note:
            text += f"（{s.note}）"
        parts.append(text)
    head = "；".join(parts)
    tail = f"得{points}分" if points < weight else f"得满分{points}分"
    return f"{head}；{tail}" if head else tail


__all__ = ["Options", "Score", "Step", "evaluate", "make_options"]  # Options, Score and Step live in results.py
