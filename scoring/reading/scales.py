"""Scales: what number a band, a step or 达标 compares, decided once from the rule, the indicator
and the scale of an answer (its unit, written or the row's), never from the number itself.

The evaluator and the generated code both ask these plans (``band``, ``distance``, ``met``) and
only do the arithmetic a plan states; ``bind`` shows the plan of the row's own scale in the
Reading. A plan that cannot compare an answer of that scale carries the refusal (``error``), with
``{q}`` where the answer goes, so the same message comes from every path.
"""

from __future__ import annotations

import functools
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
from attrs import frozen

from ..errors import EvaluationError
from ..rules.lexicon import words
from ..rules.nodes import (
    Award,
    BinOp,
    Deduction,
    Direction,
    Formula,
    FullMarks,
    Label,
    Measure,
    Num,
    Op,
    PercentBasis,
    Points,
    Quantity,
    Range,
    Rule,
    StepKind,
    TargetMet,
    Veto,
    Zero,
)
from ..rules.once import per_rule, per_rule_and
from ..rules.shapes import (
    _DERIVED,
    _PLANNED,
    _RANK_UNITS,
    _is_rate,
    _side_name,
    delay_unit,
    formula_vars,
    is_weight_name,
    ties_to_target,
)
from .values import EVENT_NEGATIONS, ON_TIME, is_missing, normalize_unit, parse_value

HUNDRED = Decimal(100)


@frozen
class Setting:
    """The indicator as a rule reads it: the row's unit (a bare number takes it), the numeric
    target and the comparator (given, or written in the target)."""

    unit: str
    target: Quantity | None
    op: Op | None


@frozen
class Scale:
    """The kind of an answer: its unit in base units (万元 → 元; the row's where none is written)
    and whether the answer wrote it ("85%", "250人") or is a bare number."""

    unit: str
    written: bool

    @property
    def is_percent(self) -> bool:
        return self.unit in ("%", "个百分点")


# ------------------------------------------------------------------ lines and sides


def award_op(rule: Rule) -> Op | None:
    """The side the full-marks band is on (满意度90%以上得满分: ≥), where the comparator is not given;
    without such a band, the side the rule's steps lose on (未超预算计10分，每超过1%扣1分: every step
    is for an excess, so the target is met at or below it: ≤; semantics §4). Bands on a delay
    (逾期1个月以内扣2分) are met at or below a delay of 0: ≤ (semantics §80)."""
    if delay_unit(rule) is not None:
        return Op.LE
    for a in rule.awards:
        c = a.condition
        scores = isinstance(a.outcome, FullMarks) or (isinstance(a.outcome, Points) and a.outcome.value > 0)
        if isinstance(c, Range) and scores and c.measure is Measure.VALUE:  # 低于50%记零分 is no full-marks side
            if c.low is not None and c.high is None:
                return Op.GE
            if c.high is not None and c.low is None:
                return Op.LE
    sides = {d.direction for d in rule.deductions if d.kind is StepKind.DISTANCE}
    if sides == {Direction.EXCESS}:
        return Op.LE
    if sides == {Direction.SHORTFALL}:
        return Op.GE
    return None


def met_line(rule: Rule, unit: str, target: Quantity | None) -> Quantity | None:
    """The line 完成 / 达到目标 is met at, given a number: the edge of the band that gives full marks
    (合规率100%得满分), else the target. A band worth less than full marks is no such line (完成得满分；
    80%-90%得5分: 完成 is met at the target, not at 80%). Beside bands on a delay (按时完成得满分，逾期1个月
    以内扣2分) it is a delay of 0 in their unit: on time (semantics §80)."""
    late = delay_unit(rule)
    if late is not None:
        return Quantity(Decimal(0), late)
    awards = rule.awards
    full = [a for a in awards if isinstance(a.outcome, FullMarks)]
    if not full:
        points = [a.outcome.value for a in awards if isinstance(a.outcome, Points)]
        top = max(points, default=None)
        full = [a for a in awards if isinstance(a.outcome, Points) and a.outcome.value == top and top]
    for a in full:
        c = a.condition
        if isinstance(c, Range) and c.measure is Measure.VALUE:
            edge = c.low if c.low is not None else c.high
            if edge is not None and (edge.value.unit != "分" or unit == "分"):
                return edge.value
    return target


def reference(rule: Rule, d: Deduction | None, unit: str, target: Quantity | None) -> tuple[Quantity | None, str]:
    """Where a deduction's steps count from (semantics §4): its own start (stated), the full-marks
    band's edge (满意度90%及以上得满分，每5%扣2分: 90%), or the indicator's target. With why."""
    if d is not None and d.start is not None:
        return d.start.value, "规则写明"
    for a in rule.awards:
        c = a.condition
        if isinstance(c, Range) and c.measure is Measure.VALUE and isinstance(a.outcome, (FullMarks, Points)):
            if a.outcome == Points(Decimal(0)):
                continue
            edge = c.low if c.low is not None else c.high
            if edge is not None and (edge.value.unit != "分" or unit == "分"):
                return edge.value, "满分线"
    if target is not None:
        return target, "指标值"
    return None, "无"


def default_direction(op: Op | None, rule: Rule | None) -> tuple[Direction, str]:
    """Direction of a deviation the text does not state (semantics §4): the comparator decides;
    without one, the side of the full-marks band; else both sides. With why, in Chinese."""
    if op in (Op.GE, Op.GT):
        return Direction.SHORTFALL, "按指标值类型≥"
    if op in (Op.LE, Op.LT):
        return Direction.EXCESS, "按指标值类型≤"
    if op is Op.EQ:
        return Direction.BOTH, "按指标值类型="
    aop = award_op(rule) if rule is not None else None
    if aop is Op.GE:
        return Direction.SHORTFALL, "未写指标值类型，按满分档在上"
    if aop is Op.LE:
        return Direction.EXCESS, "未写指标值类型，按满分档在下"
    return Direction.BOTH, "未写指标值类型"


@per_rule_and
def two_quantities(rule: Rule, setting: Setting) -> tuple[Quantity, Quantity] | None:
    """Bands on the one value in units that cannot be one quantity (完成率100%计满分；净完成数有1人
    不达标 on a row of %): a % band beside one in a counter unit, with no target in that unit to make
    the % its completion rate. One answer cannot be read for both: the evaluator refuses it."""
    pct: Quantity | None = None
    other: Quantity | None = None
    for c in rule.clauses:
        cond = getattr(c, "condition", None)
        if isinstance(cond, Range) and cond.measure is Measure.VALUE:
            for e in (cond.low, cond.high):
                if e is not None and e.value.is_percent:
                    pct = pct or e.value
                elif e is not None and e.value.unit and e.value.unit != "分":
                    other = other or e.value
    if pct is None or other is None:
        return None
    t = setting.target
    if t is not None and not t.is_percent and same_unit(normalize_unit(t.unit), normalize_unit(other.unit)):
        return None  # 完成率≥100% on a row of 人: the rate of the value the other band counts
    return pct, other


# ------------------------------------------------------------------ steps on the row's target


@per_rule_and
def on_target(rule: Rule, setting: Setting) -> Rule:
    """The rule as it reads on this row: a deduction per unit of time late or of something short
    (每延迟1天扣1分, 每少1人扣2分), which counts those units, counts them from the target where the
    row's target is a number of that unit (≤30天, 50人): the answer is then the row's value (33天)
    and the steps its distance past the target (3天), as the 实际完成值 column holds the indicator's
    value. Without such a target the units late or short are the answer. (The other way round, a
    step 每缺一名 with no line to count from, stays refused: whether 3 means three in place or three
    missing is not written.)"""
    rule = deviation_itself(events_apart(without_missing(rule)), setting)
    t = setting.target
    _plan_is_target(rule, setting)
    if t is None:
        rule = over_unstated_limit(rule)
    if t is None or not t.unit or t.is_percent or not any(d.kind is StepKind.EVENTS for d in rule.deductions):
        return rule
    changed = False
    clauses = []
    for c in rule.clauses:
        if isinstance(c, Deduction):
            side = from_target(c, t, setting.op)
            if side is not None:
                c = attrs.evolve(c, kind=StepKind.DISTANCE, direction=side)
                changed = True
        clauses.append(c)
    return attrs.evolve(rule, clauses=tuple(clauses)) if changed else rule


def _itself(rule: Rule, setting: Setting) -> list[Award]:
    """The bands on a deviation that the row's value is itself, or none: a row of ≤ a percent (偏差率 ≤5%) whose line is
    an edge of one of the rule's bands on a deviation (偏差率在5%以内得5分), none defined by a formula in the text."""
    t = setting.target
    if t is None or not t.is_percent or setting.op not in (Op.LE, Op.LT):
        return []
    devs = [a for a in rule.awards if isinstance(a.condition, Range) and a.condition.measure is Measure.DEVIATION]
    if not devs or any(a.condition.defined for a in devs):  # type: ignore[union-attr]
        return []
    # the row's line is the full-marks band's: 偏差率在5%以内得满分 (or its best points) on ≤5%; a band at 100% of a budget
    # row (偏离≤5%计10分…>100%不计分 on ≤100%) is a deviation from it, as before
    best = max((a.outcome.value for a in rule.awards if isinstance(a.outcome, Points)), default=None)
    full = [
        a for a in devs
        if a.condition.low is None and a.condition.high is not None and a.condition.high.value == t  # type: ignore[union-attr]
        and (isinstance(a.outcome, FullMarks) or (isinstance(a.outcome, Points) and a.outcome.value == best))
    ]  # fmt: skip
    return devs if full else []


def signed_deviation(rule: Rule, setting: Setting, answer: Any) -> str | None:
    """Why a negative answer is refused where the row's value is the deviation itself (``deviation_itself``): whether
    −12% is 12% off (both sides, as ±10% says) or within 5%以内 (one side) is not written by the bands as read."""
    if not isinstance(answer, str) or not answer.lstrip().startswith(("-", "−", "－")) or not _itself(rule, setting):
        return None  # (the sign first: this runs on every evaluation)
    v = parse_value(answer, setting.unit)
    if v is None or v.quantity.value >= 0:
        return None
    return (f"实际值{answer.strip()}为负：指标值{_show(setting.target)}是偏差率的上限，偏差率为负时按绝对值比较还是只看一侧，"  # type: ignore[arg-type]
            "规则没有写明：请填写偏差率的绝对值，或核对规则")  # fmt: skip


_GROWTH = words("growth")


@per_rule
def unsigned_growth(rule: Rule) -> tuple[Range, ...]:
    """与上年相比增长10%以内得2分 (semantics §161): the bands on a growth (a subject ending in 增长, 提高 …, lexicon
    ``growth``) open below (≤ N% with N above 0), in a rule where no band says what a decline scores (负增长不得分 reads
    as 增长<0%, §102; 增长0-10% starts at 0). Whether −5% is "growth within 10%" is not written (a cost held to 增长5%以内
    is met by a decline, an output is not): a negative answer is refused there (``signed_growth``)."""
    bands = [a.condition for a in rule.awards if isinstance(a.condition, Range) and a.condition.measure is Measure.VALUE]
    if any(
        (b.high is not None and b.high.value.value <= 0) or (b.low is not None and b.low.value.value < 0) for b in bands
    ):
        return ()
    return tuple(
        b for b in bands
        if b.low is None and b.high is not None and b.high.value.unit == "%" and b.high.value.value > 0
        and b.subject.strip().endswith(_GROWTH)
    )  # fmt: skip


def signed_growth(rule: Rule, setting: Setting, answer: Any) -> str | None:
    """Why a negative answer is refused on a band of growth open below (``unsigned_growth``)."""
    bands = unsigned_growth(rule)  # per rule: most rules have none, and the answer is not read again for them
    if not bands:
        return None
    if isinstance(answer, (int, Decimal)) and not isinstance(answer, bool):
        negative = answer < 0
        shown = str(answer)
    elif isinstance(answer, str) and answer.lstrip().startswith(("-", "−", "－")):
        v = parse_value(answer, setting.unit)
        negative = v is not None and v.quantity is not None and v.quantity.value < 0
        shown = answer.strip()
    else:
        return None
    if not negative:
        return None
    b = bands[0]
    assert b.high is not None
    n = f"{b.high.value.value.normalize():f}"
    return (f"实际值{shown}为负：“{b.subject.strip()}≤{n}%”一档按增长计，规则没有写明下降（负增长）是否算在内，也没有为负增长"
            f"单列一档：请核对规则（如写明“负增长不得分”，或写成“增长0-{n}%”）")  # fmt: skip


_DROP = ("下降", "降低", "减少")  # a drop from a reference (比上年下降10%以上; 低于上年≥10% reads 上年下降, §163)
_RISE = ("增长", "上升", "提高", "提升", "增加")


@per_rule
def decline_bands(rule: Rule) -> tuple[Range, ...]:
    """比上年下降10%以上不得分 / 较上年降低5%-10%扣1分 (semantics §163): the bands on a drop (a VALUE band in % whose subject
    ends with 下降, 降低 or 减少). The answer is how far it dropped; a bare number (12%, −12%) does not say whether it is
    the drop or the signed change from the reference, so it is refused there (``unsigned_drop``)."""
    return tuple(
        a.condition for a in rule.awards
        if isinstance(a.condition, Range) and a.condition.measure is Measure.VALUE and not a.condition.grade
        and a.condition.subject.strip().rstrip("的").endswith(_DROP)
        and all(e is None or e.value.unit == "%" for e in (a.condition.low, a.condition.high))
    )  # fmt: skip


def _drop_need(b: Range) -> str:
    return f"“{b.subject.strip().rstrip('的')}”一档按下降的幅度计：请填写“下降12%”（下降了多少）或“增长5%”（没有下降）"


def drop_itself(rule: Rule, setting: Setting) -> bool:
    """A row whose target is the drop (较上年下降10%以上得满分 on ≥10%, 年度用电量较上年下降5%以上 on ≥5%): a % line with
    ≥ / > that is the lower edge of a band on a drop open above. The row's value is then the drop itself, as the
    row's target says, and a bare number is that drop (−1%: it rose by 1%), as before (semantics §163)."""
    t = setting.target
    if t is None or not t.is_percent or setting.op not in (Op.GE, Op.GT):
        return False
    return any(b.high is None and b.low is not None and b.low.value == t for b in decline_bands(rule))


def unsigned_drop(rule: Rule, setting: Setting, answer: Any) -> str | None:
    """Why a bare number is refused on bands on a drop (``decline_bands``): 12% may be the drop or a growth of 12%,
    −12% the signed change (a drop of 12%) or a nonsense drop; the sign is never guessed. Not where the row's target
    says its value is the drop (``drop_itself``)."""
    bands = decline_bands(rule)  # per rule: most rules have none, and the answer is not read again for them
    if not bands or isinstance(answer, bool) or not isinstance(answer, (int, Decimal, Fraction, str)):
        return None
    said = answer.strip() if isinstance(answer, str) else answer
    if isinstance(said, str):
        if said.startswith(_DROP + _RISE) or not said or not (said[0].isdigit() or said[0] in "-−－+.＋"):
            return None
        v = parse_value(said, "%")
        if v is None or v.op is not None or v.quantity is None or v.quantity.value == 0:
            return None  # 0%: no change either way
    elif said == 0:
        return None
    if drop_itself(rule, setting):
        return None
    return f"实际值“{said}”没有写明是下降还是增长：{_drop_need(bands[0])}"


def rise_on_drop(rule: Rule) -> str | None:
    """Why 增长5% is refused on bands on a drop (semantics §163): where a band is open below (下降5%以下, ≤ 5% with no
    lower edge) and no band starts at or below 0, whether a rise is in it is not written (as §161 for 增长10%以内)."""
    bands = decline_bands(rule)
    if any(b.low is not None and b.low.value.value <= 0 for b in bands):
        return None
    for b in bands:
        if b.low is None and b.high is not None and b.high.value.value > 0:
            n = f"{b.high.value.value.normalize():f}"
            return (f"“{b.subject.strip().rstrip('的')}≤{n}%”一档按下降幅度计，规则没有写明增长（没有下降）是否算在内："
                    f"请核对规则（如写明“增长的不得分”，或写成“下降0-{n}%”）")  # fmt: skip
    return None


@per_rule
def rank_steps_after_bands(rule: Rule) -> tuple[Decimal, Decimal] | None:
    """排名第1-3位的分别得10分、9分、8分，第4位及以后每后移一位扣0.5分: steps over places that start right after the places
    the rule gives points to, where the last of those is worth less than the weight: (the last listed place, its
    points), or None. Whether the steps take from that place's points (4th: 7.5) or from the weight (4th: 10, more
    than 2nd) is not written; the evaluator refuses a place past the listed ones (eleventh probe F20: 4th scored 10)."""
    ranks = [
        (a.condition.high.value.value, a.outcome.value) for a in rule.awards
        if isinstance(a.condition, Range) and a.condition.high is not None and a.condition.high.value.unit in _RANK_UNITS
        and isinstance(a.outcome, Points)
    ]  # fmt: skip
    steps = [d for d in rule.deductions if d.kind is StepKind.DISTANCE and d.step is not None and d.step.unit in _RANK_UNITS
             and d.start is not None and not d.bonus]  # fmt: skip
    if not ranks or len(steps) != 1:
        return None
    last, points = max(ranks)
    start = steps[0].start
    assert start is not None
    return (last, points) if start.value.value > last else None


@per_rule_and
def deviation_itself(rule: Rule, setting: Setting) -> Rule:
    """预算执行偏差率在5%以内得5分，5%-10%得3分，10%-15%得1分 on a row of ≤5%: the row's value is the deviation itself, and
    every band of the rule compares it as it stands (12% → 1). It was decided band by band, by whether the band's own edge
    was the target: the bands from 5% read the value, the band 10%-15% a deviation from 5% (12% fell in a gap and 16%
    scored 1; tenth probe A04). The bands become bands of the value; ``band`` reads the row's line the same way."""
    devs = _itself(rule, setting)
    if not devs:
        return rule
    clauses = []
    for c in rule.clauses:
        if isinstance(c, Award) and isinstance(c.condition, Range) and any(c is a for a in devs):
            c = attrs.evolve(c, condition=attrs.evolve(c.condition, measure=Measure.VALUE))
        clauses.append(c)
    return attrs.evolve(rule, clauses=tuple(clauses))


def over_unstated_limit(rule: Rule) -> Rule:
    """在规定时间内完成得满分，每超过1天扣0.5分 on a row with no target (semantics §116): the full marks are on-time words
    alone (answers.toml ``on_time``: the limit is named, never stated) and a step of a unit of time opens with an excess
    word (lexicon ``delay_over``): no number says where the limit is, so a number of days can only be the days over it,
    and the steps count from 0 days over, as a step per day late does (每逾期1天). The step becomes that, or the rule is
    returned as it is. With a target that is a number (≤30天) the steps count from it instead."""
    if not any(isinstance(a.outcome, FullMarks) and isinstance(a.condition, TargetMet) and a.condition.deadline is None
               and a.condition.text.strip().removesuffix("的") in ON_TIME for a in rule.awards):  # fmt: skip
        return rule
    clauses = []
    changed = False
    for c in rule.clauses:
        if (
            isinstance(c, Deduction) and c.kind is StepKind.DISTANCE and c.direction is Direction.EXCESS and not c.bonus
            and c.start is None and c.measure is Measure.VALUE and c.step is not None and c.step.unit in _TIME_UNITS
            and c.event.startswith(_OVER_WORDS)
        ):  # fmt: skip
            c = attrs.evolve(c, kind=StepKind.EVENTS, direction=None)
            changed = True
        clauses.append(c)
    return attrs.evolve(rule, clauses=tuple(clauses)) if changed else rule


_TIME_UNITS = words("time_unit")
_OVER_WORDS = tuple(words("delay_over"))


def _plan_is_target(rule: Rule, setting: Setting) -> None:
    """计划完成15公里，每少完成1公里扣1分 on a row whose target is another number (≥20公里): the steps count
    from the plan the rule states or from the row's target, and which is not written: refused
    (plan-differs-from-target, semantics §65). The same number in the same unit (or a bare target on the
    row's unit) is one line."""
    t = setting.target
    if t is None:
        return
    for d in rule.deductions:
        if d.named_target and d.start is not None and d.start.value.unit == "%" and t.unit in ("%", "") and (
            d.start.value.value != t.value
        ):
            raise EvaluationError(
                f"规则写的目标值“{d.start.value.value.normalize():f}%”与指标值“{t.value.normalize():f}%”不同，"
                "“低于目标值”从哪一个起算没有写明（target-differs）：请让两者一致"
            )
        if not d.plan or d.start is None:
            continue
        plan = d.start.value
        unit = t.unit or setting.unit
        if plan.value != t.value or (unit and normalize_unit(unit) != normalize_unit(plan.unit)):
            shown = f"{t.value.normalize():f}{t.unit or setting.unit}"
            raise EvaluationError(
                f"规则写的计划数“{plan.value.normalize():f}{plan.unit}”与指标值“{shown}”不同，扣分从哪一个起算没有写明"
                "（plan-differs-from-target）：请让两者一致，或在规则中写明“低于N…每少…”"
            )


_EVENT_VERBS = ("发生", "出现", "发现", "存在")


def event_words(text: str) -> bool:
    """A condition that names an event (发生安全事故, 出现流失情况): a count of it can answer it."""
    return any(w in text for w in _EVENT_VERBS)


def names_event(text: str) -> bool:
    """A veto's words name something that happens, so a count answers it: an event verb, or 有 first
    (有实名投诉并查实的不得分: how many there were)."""
    return (event_words(text) or text.startswith(("有", "如有", "若有", "凡有")) or _passive(text)
            or _caused(text))


def _caused(text: str) -> bool:
    """造成重大影响的 / 因隐患未整改引发安全事故 (§114) / 投诉经查实造成不良社会影响的 (§140): a cause word (lexicon
    cause) anywhere in the words, not negated right before it (未造成 / 没有造成 / 不会造成 name no event)."""
    for c in _CAUSES:
        at = text.find(c)
        while at >= 0:
            if not text[:at].endswith(_NOT_CAUSED):
                return True
            at = text.find(c, at + 1)
    return False


_NOT_CAUSED = (*EVENT_NEGATIONS, "不会", "未能")  # the answers data's negations, and a modal before the cause word


_CAUSES = tuple(words("cause"))


def once_counted(text: str) -> bool:
    """A one-off deduction or bonus (no 每) whose words name something that happens, as a veto's do (§114's
    ``names_event``: an event verb, 有 first, a passive, a cause): a whole count answers it, 0 that it did not
    happen and 1 or more that it did, counted once (semantics §125). An action to be done (建立制度) or a state
    (资料不齐全) takes 是/否 only. An honour received (获得国家级表彰的加3分, 省级表彰的加2分: lexicon ``honour``) is
    one too, for the one-off clauses only, not for vetoes (semantics §149)."""
    return names_event(text) or _honoured(text)


def _honour_words() -> tuple[str, ...]:
    return tuple(words("honour"))


def _honoured(text: str) -> bool:
    """获得国家级表彰的 / 省级表彰的 / 受到表扬的: an honour word (lexicon ``honour``) with no negation before it in the
    words (未获得表彰的 names no event)."""
    for w in _honour_words():
        at = text.find(w)
        if at >= 0 and not any(neg in text[:at] for neg in (*EVENT_NEGATIONS, "没有", "未")):
            return True
    return False


def _passive(text: str) -> bool:
    """被审计部门通报 / 受到通报批评: something done to the one assessed, an event that a count answers
    (semantics §86). 被 inside a word that is no passive (植被) does not count."""
    for w in words("not_passive"):
        text = text.replace(w, "")
    return any(w in text for w in words("passive"))


@per_rule
def reads_value(rule: Rule) -> bool:
    """The rule reads a measured value: steps over a distance, bands on a value, 按比例, a formula."""
    return (
        any(d.kind is StepKind.DISTANCE or d.when is not None for d in rule.deductions)
        or rule.proportional is not None
        or any(isinstance(a.condition, Range) or isinstance(a.outcome, Formula) for a in rule.awards)
        or any(isinstance(v.condition, Range) for v in rule.vetoes)
    )


def _terms(e: object) -> list[object]:
    """The terms a formula adds up at its top (a-(b×c) → a, b×c); a sum in brackets inside a product is
    one term of the product."""
    if isinstance(e, BinOp) and e.op in "+-":
        return _terms(e.left) + _terms(e.right)
    return [e]


def _scaled_names(expr: object) -> dict[str, bool | None]:
    """For each name of a formula, whether the term of the top sum it stands in has the weight in it
    (True: a % is its fraction), has none (False: a % is in points) or both, in two terms (None)."""
    out: dict[str, bool | None] = {}
    for term in _terms(expr):
        names = formula_vars(term)
        weighted = any(is_weight_name(n) for n in names)
        for n in names:
            out[n] = weighted if out.get(n, weighted) == weighted else None
    return out


def _per_hundred(term: object) -> bool:
    """满意度×分值/100, 满意度/100×分值: a product that divides by the number 100 (a literal, not 100%, which is 1)."""
    if isinstance(term, BinOp) and term.op == "/":
        return (isinstance(term.right, Num) and term.right.value == HUNDRED) or _per_hundred(term.left)
    if isinstance(term, BinOp) and term.op == "*":
        return _per_hundred(term.left) or _per_hundred(term.right)
    return False


#: （百分制） after a name of a formula: the name is a score out of 100 (semantics §129)
HUNDRED_MARK = "百分制"


def _hundred_names(expr: object) -> dict[str, str]:
    """The names a literal ÷100 reads (semantics §129): in a term of the top sum that divides by 100, its one name
    that is no weight (满意度×本项分值/100) is the number as written on a 100-point scale, ``hundred`` (88 → 8.8 of 10,
    never 88% taken as 0.88 and divided again); a target, derived or planned name there, two names, or a name in
    that term and in another one is ``hundred_unclear`` (refused). A name marked （百分制） in no such term is
    ``hundred_unclear`` too (out of 100 it is not divided by 100: 88 × 10 would be 880)."""
    out: dict[str, str] = {}
    elsewhere: set[str] = set()
    for term in _terms(expr):
        names = [n for n in formula_vars(term) if not is_weight_name(n)]
        if not _per_hundred(term):
            elsewhere.update(names)
            continue
        for n in names:
            if len(n) == 1 and n.isascii():
                continue  # a letter no clause defines stays undefined (semantics §129)
            plain = _side_name(n) == "value" or (
                _side_name(n) is None and not n.startswith(_PLANNED) and not any(w in n for w in _DERIVED))
            out[n] = "hundred" if len(names) == 1 and plain and n not in out else "hundred_unclear"
    for n in elsewhere:
        if n in out or HUNDRED_MARK in n:
            out[n] = "hundred_unclear"
    return out


@functools.lru_cache(maxsize=1024)
def formula_names(expr: object) -> tuple[tuple[str, str], ...]:
    """What each name stands for (``_formula_names``), a literal ÷100 read first (semantics §129, ``_hundred_names``)."""
    hundred = _hundred_names(expr)
    return tuple((n, hundred.get(n, k)) for n, k in _formula_names(expr))


def outcome_names(o: Formula) -> dict[str, str]:
    """What each name of a formula outcome stands for: ``formula_names``, and ``defined_rate`` for a rate the rule
    defines by names the formula cannot work out (预算执行率=实际支出数/调整后预算数×100%, semantics §164): only an
    answer written as the rate (a %) is one."""
    names = dict(formula_names(o.expr))
    names.update((n, "defined_rate") for n, _ in o.rates)
    return names


def _formula_names(expr: object) -> tuple[tuple[str, str], ...]:
    """What each name of a formula stands for, decided once for the whole formula (semantics §12):
    ``weight`` (分值, 满分, 权重, 基本分), ``value`` (实际完成值, 实际完成数: the answer),
    ``target`` (目标值, 计划数: the indicator's target), ``rate`` (完成率: the answer as a rate),
    ``target_rate`` (计划完成率 beside 实际完成率: the target, a %), ``derived`` (偏差率, 超支率: worked
    out from the answer and the target by a rule the text does not give; only an answer written as
    a rate is one), ``two_rates`` (two rates neither of which is planned: which is the answer is not
    written), ``mixed_scale`` (a value or target in a term with the weight and in one without: a % would
    be a fraction in one and points in the other) or ``unknown``. Every name ending in 率 was the answer:
    实际完成率÷计划完成率 was 1."""
    names = formula_vars(expr)
    plain = [n for n in names if _is_rate(n) and not n.startswith(_PLANNED) and not any(w in n for w in _DERIVED)]
    # a % value or target is its fraction where the formula scales the weight by it (实际值×分值); in
    # plain arithmetic, a term added to or taken from the points with no weight in it (分值-(目标值-实际值)×0.5,
    # 10-(目标值-实际值)×0.5), it is the number as written, in points (sixth probe D13: 92% scored 9.96, not 6)
    scaled = _scaled_names(expr)
    actual_named = any(n.startswith("实际") for n in names)
    kinds = []
    for n in names:
        if is_weight_name(n):
            kind = "weight"
        elif side := _side_name(n):
            kind = {True: side, False: f"{side}_points", None: "mixed_scale"}[scaled.get(n)]
        elif not _is_rate(n):
            kind = "unknown"
        elif any(w in n for w in _DERIVED):
            kind = "derived"
        elif n.startswith(_PLANNED) and actual_named:
            kind = "target_rate"
        else:
            kind = "two_rates" if len(plain) > 1 else "rate"
        kinds.append((n, kind))
    # 得分=满意度×分值: the one name that is no weight, value, target or rate is the measured value
    # (the answer as a rate); beside the target (支出进度/序时进度×分值, sixth probe D20) it is the value
    # the target is compared with; beside anything else it stays undefined
    # a letter no clause defines (得分=分值×X; X为完成率 is bound by the assembler, semantics §129) names nothing
    unknown = [i for i, (n, k) in enumerate(kinds) if k == "unknown" and not (len(n) == 1 and n.isascii())]
    if len(unknown) == 1 and all(k in ("weight", "unknown") for _, k in kinds):
        kinds[unknown[0]] = (kinds[unknown[0]][0], "rate")
    elif (
        len(unknown) == 1 and all(k in ("weight", "unknown", "target", "target_points") for _, k in kinds)
        and "分" not in (name := kinds[unknown[0]][0]) and not any(w in name for w in _DERIVED)
    ):  # fmt: skip
        kinds[unknown[0]] = (name, {True: "value", False: "value_points", None: "mixed_scale"}[scaled.get(name)])
    return tuple(kinds)


@per_rule
def missing_clause(rule: Rule) -> Award | None:
    """数据缺失的不得分: the rule's own clause on missing data, a worded condition that is, exactly, a missing-data
    answer of the answer lexicon (reading/answers.toml: 数据缺失, 无数据, 待统计 …). Where the text says how missing
    data scores, that clause scores it (semantics §86); it is no input of its own, and a number answers the rest.
    None where the rule has no such clause, or more than one."""
    found = [c for c in rule.clauses if isinstance(c, Award) and isinstance(c.condition, (Label, TargetMet))
             and is_missing(c.condition.text.removesuffix("的")) and c.condition.text.strip()]  # fmt: skip
    return found[0] if len(found) == 1 else None


@per_rule
def without_missing(rule: Rule) -> Rule:
    """The rule as it reads an answer that is not missing data: its own clause on missing data left out."""
    m = missing_clause(rule)
    if m is None:
        return rule
    return attrs.evolve(rule, clauses=tuple(c for c in rule.clauses if c is not m))


@per_rule
def events_apart(rule: Rule) -> Rule:
    """A worded 不得分 that is not the measured value's own (发生安全事故的不得分, 未开展不得分) is a veto
    with its own answer (是/否, or the count of the event it names), not a condition on the other
    clauses' answer:
    - beside steps on a measured value (合格率100%得满分，每低1%扣1分；发生安全事故的不得分): 98% scored
      0, as if 98% said an accident had happened; words that say the target is not reached (未完成,
      未达到) stay the value's own, and so do words beside bands alone (开展1次以上满分，未开展不得分)
      but for an event they name (出现投诉的不得分);
    - beside deductions for events or requirements (发生一般事故每起扣2分，发生重大事故不得分; 每迟报1天
      扣0.1分，未报送不得分): one count of 一般事故 said nothing about 重大事故 (a 1 scored 0), 3 days
      late is no 未报送 (it scored 0)."""
    if not any(isinstance(a.outcome, Zero) and isinstance(a.condition, (Label, TargetMet)) for a in rule.awards):
        return rule  # nothing worded scores 0: the common case, decided at once
    steps = any(not d.bonus for d in rule.deductions)
    proportional = rule.proportional is not None
    measured = reads_value(rule)
    if not (steps or measured):
        return rule

    def apart(c: object) -> bool:
        if not (isinstance(c, Award) and isinstance(c.outcome, Zero) and isinstance(c.condition, (Label, TargetMet))):
            return False
        text = c.condition.text
        # beside bands alone (开展1次以上满分，未开展不得分) words may be the value's own other side: only
        # an event they name (出现投诉的不得分, 有实名投诉并查实的不得分) is apart
        # beside 按比例 (满分计35分，按比例计分，未用于交通运输行业发展的，计0分) the words are no side of the
        # value 按比例 reads (it scores every value below the target): read as "not met" they took 80% to 0
        return not ties_to_target(text) and (steps or proportional or names_event(text))

    clauses = tuple(Veto(c.condition, c.span) if apart(c) and isinstance(c, Award) and c.condition is not None else c
                    for c in rule.clauses)  # fmt: skip
    return rule if clauses == rule.clauses else attrs.evolve(rule, clauses=clauses)


def from_target(d: Deduction, t: Quantity | None, op: Op | None = None) -> Direction | None:
    """The side a per-unit deduction counts from the target on (``on_target``), or None. Nothing is short of a target
    of 0 (0份 is no failure at all) or of a ceiling (≤2份): there the count of failures is the answer (twelfth probe
    C02: 3 files not conforming on a row of =0份 scored full marks, read as 0 − 3 short of 0)."""
    if t is None or not t.unit or t.is_percent:
        return None
    side = _side(d, t)
    if side is Direction.SHORTFALL and (t.value == 0 or op in (Op.LE, Op.LT)):
        return None
    return side


def _side(d: Deduction, t: Quantity) -> Direction | None:
    if d.kind is not StepKind.EVENTS or d.bonus or d.step is None or not d.step.unit:
        return None
    if not same_unit(normalize_unit(d.step.unit), normalize_unit(t.unit)) and not (_timed(d.step.unit) and _timed(t.unit)):
        # 每超期1周 on ≤180天 is one dimension: the row's value is the duration (fourteenth probe G06); in units with
        # no fixed ratio (周 and 工作日) the steps refuse it rather than count the row's days as weeks
        return None
    text = d.event
    # late only in units of time (每延迟1天 on ≤30天: the row's value is a duration); 每延误一次 on a row
    # of 12次 counts delays, and the row's 12 may count the months on time: the delays stay the answer
    # (a duration: 6月底前, 30个工作日内 are a deadline or a limit written round the unit, not a
    # number of months the answer is counted from)
    late = normalize_unit(d.step.unit).lstrip("个") in _TIME and normalize_unit(t.unit).lstrip("个") in _TIME and any(
        w in text for w in (*words("delay"), "延迟", "延期", "拖延", "推迟", "滞后", *words("excess"))
    )
    # 每发现缺少一份: an event verb says the answer counts what was found, whatever the row's unit
    # (每不符合1项, 每未完成1项 on a row of 3项: the items short of the target, as 每缺一项)
    short = any(w in text for w in (*words("shortfall"), "不符合", "未完成", "未达到", "未落实")) and not any(
        w in text for w in words("event")
    )
    if late == short:
        return None  # neither, or both: the units stay the answer
    return Direction.EXCESS if late else Direction.SHORTFALL


_TIME = ("天", "日", "工作日", "小时", "周", "月", "年")


def _timed(unit: str) -> bool:
    """A unit of time (个月 as 月, 个工作日 as 工作日)."""
    return normalize_unit(unit).lstrip("个") in _TIME


# ------------------------------------------------------------------ units


def same_unit(a: str, b: str) -> bool:
    """天/日/工作日 are one unit; 个 before a counter is dropped; 万元 starts with 元's prefix … 个 alone is any
    counter (个村, 家, 人) but no measure (元, 天, 吨: 5万元 on a row of 10个 scored full marks as 50000 of them)."""
    a2, b2 = a.lstrip("个"), b.lstrip("个")
    if a2 in _DAYS and b2 in _DAYS:
        return True
    if not a2 or not b2:
        other = a2 or b2
        return not other or other in _COUNTERS or other in _COUNTED_WITH_GE or other not in _UNITS
    return a2 == b2 or a2.startswith(b2) or b2.startswith(a2)


_DAYS = ("天", "日", "工作日")
_COUNTERS = frozenset(words("event_unit"))
_UNITS = frozenset(u for u in words("UNIT") if u != "个") | {"%", "‰", "个百分点", "分"}
#: units counted with 个 (4个季度, 3个月: 缺一个 on a row of 4季度 is one quarter missing)
_COUNTED_WITH_GE = frozenset(u[1:] for u in words("UNIT") if u.startswith("个") and len(u) > 1)


def _show(q: Quantity) -> str:
    v = q.value
    s = str(v.quantize(Decimal(1))) if v == v.to_integral_value() else format(v.normalize(), "f")
    return f"{s}{q.unit}"


def mismatch(unit: str, ref: Quantity, what: str = "实际值", shown: str = "{q}") -> str | None:
    """The refusal where a number in ``unit`` cannot be compared with ``ref`` (a bare number or a
    bare reference takes the other's unit); None where it can."""
    if unit == ref.unit or not unit or not ref.unit:
        return None
    if (unit in ("%", "个百分点")) != ref.is_percent or not same_unit(unit, ref.unit):
        return f"{what}{shown}与规则中的{_show(ref)}单位不一致"
    return None


# ------------------------------------------------------------------ which number


def pick(scale: Scale, ref: Quantity | None) -> tuple[str, str]:
    """Which number of the answer a clause reads, and in what unit: ``"q"`` (the value in base
    units) or ``"raw"`` (as written). A bare answer whose row unit contradicts the rule's (3 on a %
    row against a step of 例) is read in the rule's unit, as written."""
    if scale.written or ref is None:
        return "q", scale.unit
    if ref.is_percent and not scale.is_percent:
        return "q", scale.unit  # an amount against a rate: the completion ratio is taken later
    u = scale.unit
    if (
        u
        and ref.unit
        and u != ref.unit
        and (Quantity(Decimal(0), u).is_percent != ref.is_percent or not same_unit(u, ref.unit))
    ):
        return "raw", ref.unit
    return "q", u


@frozen
class Compare:
    """How an answer becomes the number a clause compares.

    ``kind``: "value" (the number itself), "ratio" (number / ``divisor`` × 100: the completion
    rate), "deviation" (|number − divisor| / |divisor| × 100 on the ``direction``'s side), "gap"
    (``divisor`` − number: the shortfall in points), "gap-ratio" (100 − the completion rate).
    ``error``: the refusal for answers of this scale, with ``{q}`` for the answer."""

    source: str  # "q" or "raw"
    unit: str
    kind: str
    divisor: Decimal = Decimal(0)
    direction: Direction = Direction.BOTH
    error: str | None = None

    def measure(self, number: Decimal) -> Decimal:
        """The compared number (the plan has no error)."""
        k = self.kind
        if k == "value":
            return number
        if k == "ratio":
            return number / self.divisor * HUNDRED
        if k == "gap":
            return self.divisor - number
        if k == "gap-ratio":
            return HUNDRED - number / self.divisor * HUNDRED
        diff = number - self.divisor
        if self.direction is Direction.SHORTFALL:
            diff = max(-diff, Decimal(0))
        elif self.direction is Direction.EXCESS:
            diff = max(diff, Decimal(0))
        else:
            diff = abs(diff)
        if k == "deviation-points":
            return diff  # a rate's deviation from a rate target, in percentage points (semantics §2)
        return diff / abs(self.divisor) * HUNDRED


def _refused(source: str, unit: str, error: str) -> Compare:
    return Compare(source, unit, "value", error=error)


def ratio(setting: Setting, source: str, unit: str) -> Compare:
    """The completion rate: the answer over the target (an answer already in % on an amount row is
    the rate itself)."""
    t = setting.target
    if t is None:
        return _refused(source, unit, "这条规则需要数值指标值（target）")
    is_percent = unit in ("%", "个百分点")
    if is_percent and not t.is_percent:
        return Compare(source, unit, "value")
    err = target_mismatch(t, unit)
    if err:
        return _refused(source, unit, err)
    if t.value == 0:
        return _refused(source, unit, "指标值为0，无法计算完成比例")
    return Compare(source, unit, "ratio", t.value)


def target_mismatch(t: Quantity, unit: str) -> str | None:
    """The target compared with an answer in ``unit`` (the message names the target first)."""
    if t.unit == unit or not t.unit or not unit:
        return None
    if t.is_percent != (unit in ("%", "个百分点")) or not same_unit(t.unit, unit):
        return f"实际值{{q}}与指标值{_show(t)}单位不一致"
    return None


@functools.lru_cache(maxsize=4096)
def band(cond: Range, setting: Setting, scale: Scale) -> Compare:
    """What a band (满意度≥90%, 完成率低于80%, 偏离度≤5%, 低于目标10个百分点) compares."""
    edge = cond.low or cond.high
    assert edge is not None
    t = setting.target
    if cond.measure is Measure.EXCESS:
        return excess(setting, scale)
    if cond.measure is Measure.VALUE:
        source, unit = pick(scale, edge.value)
        if edge.value.is_percent and unit not in ("%", "个百分点") and unit != "分":
            if not unit and setting.target is None:
                # a number with no unit anywhere (none written, none on the row, no target to
                # take a completion rate of) against a % line: in the rule's unit, a rate
                return Compare(source, "%", "value")
            return ratio(setting, source, unit)  # 完成率≥100% on an amount: actual/target
        err = mismatch(unit, edge.value)
        return _refused(source, unit, err) if err else Compare(source, unit, "value")
    if cond.measure is Measure.RATIO:
        return ratio(setting, "q", scale.unit)
    t = setting.target
    if t is None:
        return _refused("q", scale.unit, "这条规则需要数值指标值（target）")
    if cond.measure is Measure.GAP:
        if not edge.value.is_percent and edge.value.unit != "个百分点":
            # 未完成5个以上 (semantics §101): the count not done, target − actual in the target's own unit
            err = target_mismatch(t, scale.unit) or mismatch(scale.unit or t.unit, edge.value)
            if not err and not same_unit(t.unit or scale.unit, edge.value.unit):
                err = f"未完成的数量按{_show(edge.value)}计，与指标值{_show(t)}单位不一致"
            return _refused("q", scale.unit, err) if err else Compare("q", scale.unit, "gap", t.value)
        if t.is_percent:
            err = target_mismatch(t, scale.unit) or mismatch(scale.unit, t)
            return _refused("q", scale.unit, err) if err else Compare("q", scale.unit, "gap", t.value)
        r = ratio(setting, "q", scale.unit)
        if r.error or r.kind == "value":
            return r if r.error else Compare("q", scale.unit, "gap", HUNDRED)
        return Compare("q", scale.unit, "gap-ratio", r.divisor)
    err = target_mismatch(t, scale.unit)
    if err:
        return _refused("q", scale.unit, err)
    if t.value == 0:
        return _refused("q", scale.unit, "指标值为0，无法计算偏离度")
    if cond.defined:
        # 偏离度=|实际值-目标值|/目标值 written in the rule: relative to the target, both sides (semantics §96)
        return Compare("q", scale.unit, "deviation", t.value, Direction.BOTH)
    if t.is_percent and setting.op in (Op.LE, Op.LT) and edge.value == t:
        # 偏差率在5%以内得满分 on a row of ≤5%: the row's value is the deviation itself (as distance)
        err = mismatch(scale.unit, t)
        return _refused("q", scale.unit, err) if err else Compare("q", scale.unit, "value")
    direction = default_direction(setting.op, None)[0]
    return Compare("q", scale.unit, _deviation_kind(t, scale), t.value, direction)


def excess(setting: Setting, scale: Scale) -> Compare:
    """超出预算10%以内 (semantics §82): the excess of the answer over the target (the budget), relative to it,
    above 0 only where the answer is over. An amount against an amount target is (amount − target) ÷ target;
    a rate against a target of 100% (an execution rate) is the rate less 100%. A percentage against an
    amount target is refused: whether it is the excess itself or the share of the budget spent is not
    written (105% or 5%?); so is a rate against any other target (over a rate of 90%, relative or in points?)."""
    t = setting.target
    if t is None or t.value == 0:
        return _refused("q", scale.unit, "按超出预算的幅度分档，需要预算数（数值指标值）")
    answered_rate = scale.unit in ("%", "个百分点")
    if t.is_percent:
        if answered_rate and t.value == HUNDRED:
            return Compare("q", scale.unit, "deviation-points", t.value, Direction.EXCESS)
        return _refused("q", scale.unit, f"按超出幅度分档，指标值是比率（{_show(t)}）：超出幅度按百分点还是按比例计算，"
                        "规则没有写明")  # fmt: skip
    if answered_rate:
        return _refused("q", scale.unit, "按超出预算的幅度分档：“{q}”是超出的幅度还是预算执行率，无法确定；"
                        f"请填实际金额（{setting.unit or t.unit or '与指标值同一单位'}）")  # fmt: skip
    err = target_mismatch(t, scale.unit)
    return _refused("q", scale.unit, err) if err else Compare("q", scale.unit, "deviation", t.value, Direction.EXCESS)



def _deviation_kind(t: Quantity, scale: Scale) -> str:
    """A rate against a rate target deviates in percentage points (偏差在5个百分点以内 on =75%: 68% is
    7 points off; it was |68 − 75| / 75 = 9.33%); an amount relatively (semantics §2)."""
    return "deviation-points" if t.is_percent and scale.unit in ("%", "个百分点") else "deviation"


@frozen
class Met:
    """达标 on a number: the answer (``source``) against ``line`` by ``op``, or the refusal."""

    source: str
    line: Decimal
    op: Op
    error: str | None = None


@functools.lru_cache(maxsize=4096)
def met(ref: Quantity | None, op: Op, scale: Scale) -> Met:
    """完成 / 达到目标 given a number: it reaches ``ref``, the line the rule's steps count from
    (``bind.reference``), by ``op`` (the comparator, or the full-marks band's side)."""
    if ref is None:
        return Met("q", Decimal(0), op, "需要数值指标值才能判断是否完成")
    source, unit = pick(scale, ref)
    return Met(source, ref.value, op, mismatch(unit, ref))


# ------------------------------------------------------------------ steps over a distance


@frozen
class Steps:
    """A deduction over a distance (每低1个百分点扣1分) on one scale of answer.

    The distance is ``compare``'s number less ``line`` on the ``direction``'s side; ``relative``:
    divided by |line| × 100 first (a percent step on an amount); ``error``: refused whatever the
    number; ``moved_error``: refused once the distance is above 0 (a relative step from 0, a step
    in another unit than the answer's). ``basis`` and ``rate`` say how it reads, for the trace."""

    compare: Compare
    line: Quantity
    direction: Direction
    relative: bool
    basis: PercentBasis | None  # None: the step is no percentage
    rate: bool  # the compared number is a rate (a % answer, or the completion rate)
    error: str | None = None
    moved_error: str | None = None
    upper: Quantity | None = None  # a full-marks band with two ends: above it the steps count from here
    # 不超过2小时…每超过30分钟: one unit of the distance is this many of the step's (60 minutes an hour, §88)
    per_unit: Decimal = Decimal(1)
    # 不超过90分钟…每超过1小时: one unit of the step is this many of the distance's (a week is 7 days, §157): the
    # distance is divided by it (× 1/7 would not be exact)
    per_div: Decimal = Decimal(1)


def deviation_line(rule: Rule, d: Deduction) -> Quantity | None:
    """Where steps on the deviation from the target start, for a deduction that counts the deviation
    (偏差率≤5%得满分，偏差率每增加1%扣1分; 偏离度在5%以内得满分，每增加1个百分点扣1分; 超过5%的，
    每偏离1%扣1分) beside a full-marks band on the deviation: its own start, else that band's bound
    (5%). None for a deduction on the value, or beside bands on the value. These steps counted the
    value's distance from the target on the side 增加 names (108 on 100万元 lost 8 steps, 92 none)."""
    if d.step is None or not d.step.is_percent:
        return None
    if not any(isinstance(a.condition, Range) and a.condition.measure is Measure.DEVIATION for a in rule.awards):
        return None  # no band on the deviation: the common case
    bands = [a for a in rule.awards if isinstance(a.condition, Range)]
    full = next((a.condition for a in bands if isinstance(a.condition, Range) and a.condition.measure is Measure.DEVIATION
                 and isinstance(a.outcome, (FullMarks, Points)) and a.outcome != Points(Decimal(0))), None)  # fmt: skip
    if full is None or not all(isinstance(a.condition, Range) and a.condition.measure is Measure.DEVIATION for a in bands):
        return None  # 满意度95%以上得满分，执行偏差率每5%扣2分: the shortfall below the value's band
    if d.measure is Measure.DEVIATION:
        if d.start is not None and d.start.value.is_percent:
            return d.start.value
    else:
        named = d.event.split("每")[0].strip("，,；;。 的")  # 合格率每低1%: a value named; 增加1个百分点: none
        named = named.removesuffix("部分").rstrip("的").removeprefix("超出").removeprefix("超过")  # 超出部分每1个百分点
        if named and not any(ch.isdigit() for ch in named):
            return None
        if d.measure is not Measure.VALUE or d.start is not None:
            return None
    edge = full.high or full.low
    return edge.value if edge is not None else Quantity(Decimal(0), "%")


def distance(rule: Rule, d: Deduction, setting: Setting, scale: Scale) -> Steps:
    """How a distance deduction reads an answer of ``scale`` (semantics §2–§4): where its steps
    count from and on which side (``bind.reference``, ``bind.default_direction``), then the rest."""
    line = deviation_line(rule, d)
    t = setting.target
    # 偏差率在5%以内得满分 on a row of ≤5%: the row's value is the deviation itself, and the steps count
    # it from the target (7% loses 2); a deviation of it from 5% (40%) is no reading anyone gives
    itself = t is not None and t.is_percent and setting.op in (Op.LE, Op.LT) and line == t
    if line is not None and not itself:
        return _deviation_steps(line, setting, scale)
    ref, why = reference(rule, d, setting.unit, setting.target)
    direction = d.direction if d.direction is not None else default_direction(setting.op, rule)[0]
    steps = _distance(d, ref, direction, setting, scale)
    upper = _upper_line(rule, ref) if why == "满分线" and direction is Direction.BOTH else None
    return attrs.evolve(steps, upper=upper) if upper is not None and not steps.relative else steps


def _upper_line(rule: Rule, ref: Quantity | None) -> Quantity | None:
    """病床使用率在85%-93%之间得满分，每偏离1个百分点扣0.5分: the full-marks band has two ends, and a
    deviation either way counts from the end it passed (95% from 93%: it was counted from 85%)."""
    for a in rule.awards:
        c = a.condition
        if isinstance(c, Range) and c.measure is Measure.VALUE and c.low is not None and c.high is not None:
            if c.low.value == ref and isinstance(a.outcome, (FullMarks, Points)) and c.high.value.unit == ref.unit:
                return c.high.value
    return None


@functools.lru_cache(maxsize=1024)
def _deviation_steps(line: Quantity, setting: Setting, scale: Scale) -> Steps:
    """Steps on the deviation from the target past ``line``: the deviation as a band on it reads it
    (the comparator's side; both with none), in percentage points."""
    t = setting.target
    error = None
    if t is None:
        error = "这条规则需要数值指标值（target）"
    elif target_mismatch(t, scale.unit):
        error = target_mismatch(t, scale.unit)
    elif t.value == 0:
        error = "指标值为0，无法计算偏离度"
    side = default_direction(setting.op, None)[0]
    kind = _deviation_kind(t, scale) if t is not None else "deviation"
    compare = Compare("q", scale.unit, kind, t.value if t is not None else Decimal(0), side, error)
    return Steps(compare, line, Direction.EXCESS, False, PercentBasis.POINTS, True, error)


@functools.lru_cache(maxsize=4096)
def _distance(d: Deduction, ref: Quantity | None, direction: Direction, setting: Setting, scale: Scale) -> Steps:
    assert d.step is not None
    if ref is None:
        no = Compare("q", scale.unit, "value")
        return Steps(no, Quantity(Decimal(0)), direction, False, None, False, "需要数值指标值（target）才能计算差距")
    source, unit = pick(scale, ref)
    q_percent = unit in ("%", "个百分点")
    compare = Compare(source, unit, "value")
    error = None
    if d.measure is Measure.DEVIATION or ref.is_percent == q_percent or not unit or not ref.unit:
        if not (ref.is_percent and not q_percent and unit):
            error = mismatch(unit, ref)
    elif q_percent and not ref.is_percent and ref.unit and not d.step.is_percent:
        # 召开2次以上…少一次扣2.5分 answered 50%: a percentage is no count of meetings (it scored full marks,
        # 50 being above 2; the step's unit was checked only once the distance moved)
        error = mismatch(unit, ref)
    rated = False
    t = setting.target
    if ref.is_percent and not q_percent and d.step.is_percent and t is not None and not t.is_percent:
        compare = ratio(setting, source, unit)  # 完成率大于等于100%…每下降1% on an amount: completion rates
        rated = True
        error = error or compare.error
    rv = ref.value
    moved_error = None
    basis: PercentBasis | None = None
    rate = False
    relative = False
    if d.step.is_percent:
        # a rate: a % answer, the completion rate, or a number with no unit at all (none written,
        # none on the row) set against a percentage line (65%征收到位记满分，每欠1%扣1分)
        rate = q_percent or (ref.is_percent and (rated or not unit))
        basis = d.basis
        if basis is None:
            basis = PercentBasis.POINTS if rate else PercentBasis.RELATIVE
        if basis is PercentBasis.POINTS and not (q_percent or ref.is_percent):
            basis = PercentBasis.RELATIVE
        if basis is PercentBasis.RELATIVE:
            relative = bool(rv) or not rate
            if not rate and rv == 0:
                moved_error = "参照值为0，无法按相对百分比计算"
    elif (per := time_factor(ref.unit or unit, d.step.unit)) is not None:
        # 应急响应时间不超过2小时得满分，每超过30分钟扣1分: hours and minutes are one dimension, converted exactly
        # (the distance in hours × 60; a bare 3 on an hour row read 1 hour as 1 of 30 minutes: 2.97 for 1)
        return Steps(compare, ref, direction, relative, basis, rate, error, moved_error, per_unit=per)
    elif (div := time_factor(d.step.unit, ref.unit or unit)) is not None:
        # 不超过90分钟…每超过1小时 / 合同工期≤180天…每超期1周: a step larger than the distance's unit, converted exactly
        # (the distance in minutes ÷ 60, in days ÷ 7; a bare 187 on a row of days read 187 weeks late, fourteenth probe G06)
        return Steps(compare, ref, direction, relative, basis, rate, error, moved_error, per_div=div)
    elif unit and d.step.unit and _timed(unit) and _timed(d.step.unit) and not same_unit(
        normalize_unit(unit), normalize_unit(d.step.unit)
    ):
        # 每超期1周 on a row of ≤20个工作日: a week is no fixed number of working days (27 read 27 weeks late)
        moved_error = f"实际值{{q}}以{unit}计，步长{_show(d.step)}以{d.step.unit}计，两者没有固定的换算，算不出超出几{d.step.unit}：请把指标值和实际值写成步长的单位"
    elif ref.is_percent and d.step.unit and d.step.unit != "分":
        # 签订率达100%的记2分；每少签两个…扣1分: steps of 2个 on a line in % (the 2 taken as points of the rate: 0 scored
        # 0 with 50 steps lost): the rate and the count of what is missing are two quantities (semantics §99)
        moved_error = f"步长{_show(d.step)}与参照线{_show(ref)}单位不一致：实际值{{q}}是比率，步长是个数，无法相减"
    elif scale.written and d.step.unit and unit and d.step.unit != "分":
        if not same_unit(normalize_unit(unit), normalize_unit(d.step.unit)):
            moved_error = f"实际值{{q}}与步长{_show(d.step)}单位不一致"
    return Steps(compare, ref, direction, relative, basis, rate, error, moved_error)


#: units of time one of which is an exact number of another's (a day is not: 24 hours, or 8 working hours?)
_TIME_FACTORS = {
    ("小时", "分钟"): Decimal(60), ("分钟", "秒"): Decimal(60), ("小时", "秒"): Decimal(3600),
    ("周", "天"): Decimal(7), ("周", "日"): Decimal(7),  # calendar days (a week of 工作日 is no fixed number)
}  # fmt: skip


def time_factor(unit: str, step_unit: str) -> Decimal | None:
    """How many ``step_unit`` one ``unit`` is, where they are different units of time with an exact ratio
    (小时 → 分钟: 60); None otherwise (the same unit, or no exact ratio)."""
    return _TIME_FACTORS.get((normalize_unit(unit).lstrip("个"), normalize_unit(step_unit).lstrip("个")))


__all__ = [
    "Compare",
    "Met",
    "Scale",
    "Setting",
    "Steps",
    "band",
    "distance",
    "from_target",
    "met",
    "met_line",
    "mismatch",
    "on_target",
    "pick",
    "ratio",
    "same_unit",
    "target_mismatch",
    "two_quantities",
]  # fmt: skip
