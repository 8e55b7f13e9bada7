"""Bind: a parsed rule and its indicator → a Reading (what the rule needs, how it reads here).

The reading lists the rule's typed inputs (domain point 20) and every decision that depends on
the indicator (direction, percent basis, partial steps, where steps start, caps and floors),
each marked as stated by the text or supplied by a named default of docs/semantics.md.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs
from attrs import frozen

from ..rules.bands import not_held
from ..rules.grades import grade_of
from ..rules.lexicon import pairs, words
from ..rules.nodes import (
    All,
    Award,
    BinOp,
    Composite,
    Deduction,
    Direction,
    Edge,
    Formula,
    FullMarks,
    Label,
    Measure,
    MonthDay,
    Node,
    Note,
    Num,
    Op,
    Otherwise,
    Partial,
    PercentBasis,
    Points,
    Quantity,
    Range,
    Requirement,
    Rule,
    ShareOfRank,
    StepKind,
    TargetMet,
    Veto,
    Waiver,
    Zero,
)
from ..rules.once import per_rule
from ..rules.render import definition_text, range_text, render_condition, render_outcome
from ..rules.shapes import (
    budget_comparison,
    case_headings,
    checklist,
    checklist_hand,
    deducts,
    joint_states,
    ties_to_target,
)
from ..text.normalize import describe_changes
from .scales import (
    Scale,
    Setting,
    default_direction,
    deviation_itself,
    distance,
    event_words,
    formula_names,
    from_target,
    missing_clause,
    names_event,
    on_target,
    once_counted,
    over_unstated_limit,
    reads_value,
    reference,
)
from .values import bare_quantity, parse_value, row_unit
from .values import comparator as _comparator

#: the measured value's key in a mapping of several answers
VALUE_KEYS = ("实际值", "value")


@frozen
class Input:
    """What a rule needs from an answer: one slot.

    ``kind``: "value" (the measured value, in ``unit``), "count" (how often a named event
    happened), "flag" (是/否: a named requirement met), "grade" (one of ``choices``), "items"
    (a mapping of sub-item answers), "cases" (one case named by its heading, semantics §142). ``key``: where it goes in a mapping of several answers."""

    key: str | int
    kind: str
    name: str
    unit: str = ""
    choices: tuple[str, ...] = ()
    meaning: str = ""  # what 是 and 否 say, where the name is the case that loses points

    @property
    def shown(self) -> str:
        """The kind as the reading shows it: 是/否 with what each means where the name is a failure."""
        return f"{_KINDS[self.kind]}（{self.meaning}）" if self.meaning else _KINDS[self.kind]


@frozen
class Decision:
    """一项读法: how one clause reads on this indicator, and who decided it."""

    clause: str  # the clause it is about, as written
    what: str  # 方向 / 百分比口径 / 不足一档 / 起点 / 上限 / 下限 / 端点
    value: str  # the reading, in Chinese
    stated: bool  # the text says so; False: a default of docs/semantics.md
    source: str = ""  # the semantics point of a default, e.g. "semantics §4"


@frozen
class Reading:
    """A rule bound to one indicator: its inputs and its decisions."""

    rule: Node
    inputs: tuple[Input, ...]
    decisions: tuple[Decision, ...]

    def describe(self) -> str:
        lines = []
        if self.rule.normalized:  # the text as printed, read before parsing (domain point 21): always shown
            lines.append(f"原文读作: {describe_changes(self.rule.source, self.rule.normalized)}")
        lines.append("需要的实际值:")
        for i in self.inputs:
            extra = f"（{i.unit}）" if i.unit else ""
            choices = f"：{'、'.join(i.choices)}" if i.choices else ""
            lines.append(f"  [{i.key}] {i.shown} {i.name}{extra}{choices}")
        lines.append("读法:")
        for d in self.decisions:
            who = "规则写明" if d.stated else f"默认（{d.source}）"
            lines.append(f"  {d.clause}｜{d.what}: {d.value}  [{who}]")
        return "\n".join(lines)


_KINDS = {"value": "数值", "count": "次数", "flag": "是/否", "grade": "等级", "items": "分项", "rank": "名次",
          "cases": "情形（只适用其一，按原文写情形）",  # 山区：…。其它地区：… (semantics §142)
          # 第6名/共20名, 20个中排第6, {'名次': 6, '参评数': 20}, 前25% (semantics §109)
          "rank-share": "名次及参评总数（如 第6名/共20名，或 前25%）",
          # 第18名/共20名 where places are counted from the last (倒数3名: semantics §109)
          "rank-of": "名次及参评总数（如 第18名/共20名）",
          # 第2-5名按第1名的比例得分: the rank, and for a rank scored by the share both values (semantics §109)
          "rank-values": "名次；按比例计分的名次另填本单位值和第1名值（如 第3名，本单位0.8，第1名1.0）"}


# ------------------------------------------------------------------ inputs




#: the words that say an act was done on time (按时报送), and words that add a requirement besides time (按时足额发放)
_ON_TIME = ("按时", "按期", "及时", "准时", "如期")
_SECOND_REQUIREMENT = ("足额", "全额", "足量", "保质", "保量", "规范", "准确", "完整", "齐全")


@per_rule
def late_or_missed(rule: Rule) -> tuple[str, str] | None:
    """按时报送得满分，每迟报1天扣0.1分，未报送不得分 (semantics §108): one worded full-marks award (on time), one step of
    lateness (a delay word and a unit of time) and one worded zero that negates (未/不…): how late and whether it was done
    at all are one quantity, which one answer gives. The (on-time words, missed words), or None."""
    steps = [d for d in rule.deductions if not d.bonus]
    # the zero as written (an award), or as ``on_target`` makes it (a veto with its own answer)
    zeros = [a.condition for a in rule.awards if isinstance(a.outcome, Zero)] + [v.condition for v in rule.vetoes]
    full = [a for a in rule.awards if isinstance(a.outcome, FullMarks)]
    if len(steps) != 1 or len(zeros) != 1 or len(full) != 1 or len(rule.awards) + len(rule.vetoes) != 2:
        return None
    d, z, f = steps[0], zeros[0], full[0].condition
    if (
        d.kind is not StepKind.EVENTS or d.step is None or d.step.unit not in _TIME_UNITS
        or not d.event.startswith(_LATE_WORDS) or not isinstance(z, (Label, TargetMet)) or not isinstance(f, (Label, TargetMet))
    ):  # fmt: skip
        return None
    # 按时报送 / 未报送: the zero is the act not done at all, the full marks the same act on time and nothing more
    # (按时足额发放 / 未足额发放: the zero is a second requirement, how much was paid, which a delay does not answer)
    act = f.text.strip()
    for marker in _ON_TIME:
        act = act.removeprefix(marker)
    missed = z.text.strip().removesuffix("的")
    core = next((missed.removeprefix(n) for n in ("没有", "未", "不", "没") if missed.startswith(n)), None)
    if core is None or act == f.text.strip() or not act.startswith(core) or any(w in act for w in _SECOND_REQUIREMENT):
        return None
    return f.text.strip(), missed


@per_rule
def separate_inputs(rule: Rule) -> tuple[Deduction | Veto | Waiver, ...]:
    """Clauses that each take their own answer: event and one-off deductions, worded vetoes. Not the one
    count of events that the rule's zero bands cut off (``_cut_off``)."""
    counted = _cut_off(rule)
    return tuple(
        c
        for c in rule.clauses
        if (isinstance(c, Deduction) and c.kind is not StepKind.DISTANCE and c is not counted and c.when is None)
        or (isinstance(c, Veto) and not isinstance(c.condition, Range))  # a band veto reads the value
        or isinstance(c, Waiver)  # 但…的，可不扣分: its own 是/否 (semantics §105)
    )


@per_rule
def worded_beside_bonuses(rule: Rule) -> bool:
    """完成得满分，获得表彰的加1分: worded awards (达标, labels) beside bonuses of their own and nothing else that takes an
    answer (semantics §106). The words are one input (是/否, a label, or a number tied to the target) and each bonus
    another; the words' answer stands where a measured value would (``value_place``, 实际值 or its number)."""
    if not any(d.bonus for d in rule.deductions):
        return False  # (the common case leaves at once)
    separate = separate_inputs(rule)
    return (
        bool(separate)
        and all(isinstance(c, Deduction) and c.bonus for c in separate)
        and not reads_value(rule)
        and not any(not d.bonus for d in rule.deductions)
        and any(isinstance(a.condition, (Label, TargetMet)) for a in rule.awards)
        # a worded award that scores: 开展活动每场得0.5分…；未开展的不得分 has none (only the case of none), and 是 on its
        # words gave the weight as a base beside the count-up (3 → 2 + 1.5 on a weight of 2; ninth probe F23, §108)
        and any(isinstance(a.condition, (Label, TargetMet)) and not isinstance(a.outcome, Zero) for a in rule.awards)
    )


_NEGATIONS = ("没有", "不", "未", "无", "没", "非")


def _complement(text: str, veto: str) -> bool:
    """资料齐全 beside 资料不齐全的，本项不得分, 未发生 beside 发生重大事故的: the award's words are the veto's case negated
    (or the veto's are the award's), so one 是/否 answers both: one condition, not two."""
    a, v = _unscoped(text.strip().removesuffix("的")), _unscoped(veto.strip().removesuffix("的"))
    if absence_of_event(a, v):
        return True
    if _paired_failure(a, v):
        return True
    return any(a == v.replace(n, "", 1) or v == a.replace(n, "", 1) for n in _NEGATIONS if n in a or n in v)


def case_words(veto: str) -> str:
    """A veto's case as an answer states it: 弄虚作假的，一经查实 → 弄虚作假 (the words saying how the case is established,
    then 的, off; semantics §121)."""
    veto = veto.strip()
    for w in sorted(words("once_found"), key=len, reverse=True):
        for sep in ("，", ","):
            if veto.endswith(sep + w):
                return veto[: -len(sep + w)].removesuffix("的")
    return veto.removesuffix("的")


def _paired_failure(award: str, veto: str) -> bool:
    """工程质量验收合格 beside 未通过验收, 数据真实准确 beside 弄虚作假 (semantics §121): the award is a subject and one phrase
    of a listed pair (lexicon ``same_state``, ``opposite_state``), exactly; the veto is that subject or none, then the
    other phrase negated (same_state: 未 / 不 / 没有 … before it) or as it is (opposite_state), exactly. Never a phrase
    found inside other words."""
    veto = case_words(veto)
    cases: list[tuple[str, str]] = []  # (the award's phrase, the veto's words after the subject)
    for x, y in pairs("same_state"):
        for mine, other in ((y, x), (x, y)):
            cases += [(mine, n + other) for n in _ABSENT]
    cases += [(y, x) for x, y in pairs("opposite_state")]
    for mine, failure in cases:
        if not award.endswith(mine):
            continue
        subject = award[: -len(mine)]
        if veto in (subject + failure, failure):
            return True
    return False


@per_rule
def worded_beside_vetoes(rule: Rule) -> bool:
    """工作成效显著得满分，成效一般得3分，无成效不得分；发生违纪违法问题被查处的，一票否决 (semantics §115): worded awards
    (labels, 完成) beside worded vetoes on something else, and nothing else that takes an answer: the words are one
    input (是/否 or a label of theirs) and each veto another (是/否, or its count where it names an event, §114). One
    answer scored both (是 → 5: 成效显著 and no veto), against domain point 20. Not where every worded award is the
    veto's own case negated (发生…的，该项不得分；未发生的，得满分: one condition) or 否则 / 其他情况."""
    vetoes = rule.vetoes
    if (
        not vetoes or rule.deductions or rule.proportional is not None or rule.waivers
        or any(not isinstance(v.condition, (Label, TargetMet)) for v in vetoes)
        or reads_value(rule) or joint_parts(rule) is not None or checklist(rule) is not None
    ):  # fmt: skip
        return False
    said = [v.condition.text for v in vetoes if isinstance(v.condition, (Label, TargetMet))]
    worded = [a.condition.text for a in rule.awards if isinstance(a.condition, (Label, TargetMet))]
    return any(not any(_complement(w, v) for v in said) for w in worded)


def value_place(rule: Rule) -> int | None:
    """Where the measured value stands among a rule's inputs in the order the text writes them (1-based), when the
    rule reads a value beside inputs of its own (``separate_inputs``) and the value's clauses are in one place,
    before, after or between the others' (semantics §99); None otherwise."""
    separate = separate_inputs(rule)
    if not separate or not (reads_value(rule) or worded_beside_bonuses(rule) or worded_beside_vetoes(rule)):
        return None
    apart = {id(c) for c in separate}
    starts = [c.span[0] for c in separate if c.span is not None]
    value = [c.span[0] for c in rule.clauses if id(c) not in apart and c.span is not None and not isinstance(c, Veto)]
    if not value or len(starts) != len(separate) or starts != sorted(starts):
        return None
    lo, hi = min(value), max(value)
    if any(lo < s < hi for s in starts):
        return None  # the value's clauses written around another input's: no one place in the order
    return 1 + sum(1 for s in starts if s < lo)


def one_off_cases(rule: Rule) -> tuple[Deduction | Veto | Waiver, ...]:
    """The inputs of a rule that are each a case that happened or not (one-off deductions, worded vetoes),
    two or more, with no measured value: one answer naming one of them answers all (semantics §70).
    Empty for any other rule."""
    cases = separate_inputs(rule)
    if len(cases) >= 2 and not reads_value(rule) and all(
        (isinstance(c, Deduction) and c.kind is StepKind.ONCE and not c.bonus)
        or (isinstance(c, Veto) and isinstance(c.condition, (Label, TargetMet)))
        for c in cases
    ):
        return cases
    return ()


@per_rule
def _cut_off(rule: Rule) -> Deduction | None:
    """每发现1个不合格批次扣0.5分，发现3个及以上不得分 / 有1例扣1分，2例及以上不得分: a zero band in the unit of
    the rule's one count of events, on the same thing (no subject, or the words the events are named by
    begin with it), cuts that count off: one answer, the count, reads both (they took a value and a count,
    so one answer was refused). Another count (开展培训2次以上…，每发现1次违规扣1分) stays apart."""
    events = [d for d in rule.deductions if d.kind is StepKind.EVENTS and not d.bonus]
    # (the band, whether it scores 0): awards on a band, and vetoes on one (差错超过10处的，本项不得分)
    bands = [(a.condition, isinstance(a.outcome, Zero)) for a in rule.awards if isinstance(a.condition, Range)]
    bands += [(v.condition, True) for v in rule.vetoes if isinstance(v.condition, Range)]
    if len(events) != 1 or not bands or len(events) != len(rule.deductions) or events[0].step is None:
        return None
    d = events[0]
    assert d.step is not None
    unit = _count_unit(d)
    named = _named_by(rule, d)
    late = unit in _TIME_UNITS  # 每迟报1天: the events are days late
    for r, zero in bands:
        edges = [e.value for e in (r.low, r.high) if e is not None]
        subject = r.subject.strip()
        if not (
            zero and r.measure is Measure.VALUE and edges
            and all(e.unit == unit and not e.is_percent for e in edges)
            # the thing the events are named by (发现1处差错 / 差错; 抽查发现不合格批次的，每批次… / 发现), or, for
            # days late, the lateness or the missed report itself (每迟报1天… / 超过10天未报送)
            # or an event verb alone (发现3批次及以上的: the events counted, found; eighth probe C26)
            and (not subject or subject in named or subject in _EVENT_VERBS
                 or (late and any(w in subject for w in _LATE_WORDS)))
        ):  # fmt: skip
            return None
    return d


_TIME_UNITS = words("time_unit")
_LATE_WORDS = (*words("delay"), *words("missed_occurrence"))
_EVENT_VERBS = frozenset(words("event"))
_COUNTERS = {*words("event_unit"), *words("UNIT")}
_COUNTERS_LONGEST = sorted(_COUNTERS, key=len, reverse=True)


def _count_unit(d: Deduction) -> str:
    """The counter a deduction counts in: its step's unit, or, for 每 with a counter and no number (每批次扣1分,
    whose step is one 次 and whose words are the counter), that counter."""
    assert d.step is not None
    if d.event in _COUNTERS:
        return d.event
    # 食品安全抽检不合格每批次: the words end with 每 and the counter (eighth probe C26)
    return next((u for u in _COUNTERS_LONGEST if d.event.endswith("每" + u)), d.step.unit)


_EVENT_UNITS = frozenset(words("event_unit"))


def counts_whole(d: Deduction) -> bool:
    """Whether a deduction's steps count things or events one by one (每发现一起, 每1项, 每批次): its counter is
    one of the lexicon's ``event_unit``, so a count of them is a whole number (2.5起 is refused, semantics §92);
    days, hours and amounts (每迟报1天, 每1万元) may be fractions."""
    return d.kind is StepKind.EVENTS and d.step is not None and _count_unit(d) in _EVENT_UNITS


def _count_name(rule: Rule, d: Deduction) -> str:
    """The events' name as the reading shows it: the deduction's words, or the context clause's where they
    are a counter alone (每批次 after 抽查发现不合格批次的)."""
    named = _named_by(rule, d)
    return named.removesuffix(d.event).rstrip("的") or d.event if d.event in _COUNTERS else d.event or "扣分事项"


def _named_by(rule: Rule, d: Deduction) -> str:
    """The words a deduction's events are named by: its own, after the context clause right before it, which
    says what is counted (抽查发现不合格批次的，每批次扣1分)."""
    at = next(i for i, c in enumerate(rule.clauses) if c is d)
    before = rule.clauses[at - 1] if at else None
    return (before.text if type(before) is Note else "") + d.event


@per_rule
def band_order(rule: Rule) -> tuple[Award, ...]:
    """The awards in the order a value tries them (semantics §91): as written, except that an award with no
    condition written before a band on the value (按完成率×分值计分，完成率低于50%的不得分) is what the
    bands do not take, so it is tried after them: the band holds where it applies (45% → 0), the formula
    elsewhere (60% → 60% × 8). Written first it took every value and the band was never read."""
    awards = rule.awards
    later = [i for i, a in enumerate(awards) if isinstance(a.condition, (Range, TargetMet))]
    if not later:
        return awards
    moved = [a for i, a in enumerate(awards) if a.condition is None and i < later[-1]]
    if not moved:
        return awards
    return tuple(a for a in awards if not any(a is m for m in moved)) + tuple(moved)


_RANK_WORDS = ("第", "排名", "名次", "前", "倒数")


@per_rule
def reads_rank(rule: Rule) -> bool:
    """The measured value is a rank (第1名得6分, 排名第1…每后退一名扣1分, 名次在前10名: domain point 19):
    a band on 名 whose subject says so; the answer is then a whole number from 1."""
    for c in rule.clauses:
        cond = getattr(c, "condition", None)
        if isinstance(cond, Range) and cond.measure is Measure.VALUE:
            edge = cond.low or cond.high
            if edge is not None and edge.value.unit == "名" and any(w in cond.subject for w in _RANK_WORDS):
                return True
    return False


def shares_of_rank(rule: Rule) -> bool:
    """Some rank scores a share of another rank's points by the ranking values (按第1名的比例得分: semantics §109)."""
    return any(isinstance(a.outcome, ShareOfRank) for a in rule.awards)


@per_rule
def reads_from_last(rule: Rule) -> bool:
    """A band counts places from the last (全市排名前5名得满分，倒数3名不得分: semantics §109); the answer is then the
    rank and the number ranked (第18名/共20名), which says which ranks the last places are."""
    return any(isinstance(cond := getattr(c, "condition", None), Range) and cond.from_last for c in rule.clauses)


def from_the_first(rule: Rule, field: Decimal) -> Rule:
    """The rule with its places from the last counted from the first, for ``field`` ranked (semantics §109): the
    P-th from the last is rank field − P + 1, so 倒数3名 (places ≤ 3) of 20 is rank ≥ 18 and 倒数第1名 rank 20. The
    subject says so in the trace (18名≤名次（共20名，倒数≤3名）)."""

    def turned(r: Range) -> Range:
        def rank(e: Edge | None) -> Edge | None:
            return None if e is None else attrs.evolve(e, value=Quantity(field - e.value.value + 1, "名"))

        subject = f"名次（共{field.normalize():f}名，{range_text(r)}）"
        return attrs.evolve(r, low=rank(r.high), high=rank(r.low), subject=subject, from_last=False)

    clauses: list[Any] = []
    for c in rule.clauses:
        cond = getattr(c, "condition", None)
        clauses.append(attrs.evolve(c, condition=turned(cond)) if isinstance(cond, Range) and cond.from_last else c)  # type: ignore[arg-type]
    return attrs.evolve(rule, clauses=tuple(clauses))


@per_rule
def all_from_last(rule: Rule) -> bool:
    """Every band on a rank counts places from the last, and the rule reads nothing else by number (全市排名倒数第1名
    不得分，倒数第2名得2分，其余得满分): a place from the last answered (倒数第2名) then needs no number ranked (§124)."""
    ranged = [cond for c in rule.clauses if isinstance(cond := getattr(c, "condition", None), Range)]
    return bool(ranged) and all(r.from_last for r in ranged) and not rule.deductions and rule.proportional is None


def from_the_last(rule: Rule) -> Rule:
    """The rule with its places from the last read as plain places, for an answer that counts from the last too
    (倒数第2名 as place 2: semantics §124). The subject says so in the trace (倒数名次)."""
    clauses: list[Any] = []
    for c in rule.clauses:
        cond = getattr(c, "condition", None)
        if isinstance(cond, Range) and cond.from_last:
            c = attrs.evolve(c, condition=attrs.evolve(cond, subject=f"倒数名次（{range_text(cond)}）", from_last=False))  # type: ignore[arg-type]
        clauses.append(c)
    return attrs.evolve(rule, clauses=tuple(clauses))


#: 排名前30% / 名次在前10%: the subject of a band on the rank's share of the number ranked (semantics §109)
_SHARE_SUBJECTS = ("排名前", "排名在前", "排在前", "名次前", "名次在前")


@per_rule
def reads_rank_share(rule: Rule) -> bool:
    """The bands read a rank's share of the number ranked (排名前30%得满分，30%-60%得3分: semantics §109): a band in %
    whose subject is a rank's top (排名前); the answer is then a rank and the number ranked (第6名/共20名 = 30%) or a share
    stated as such (前25%), never a bare number."""
    for c in rule.clauses:
        cond = getattr(c, "condition", None)
        if isinstance(cond, Range) and cond.measure is Measure.VALUE and cond.high is not None:
            if cond.high.value.unit == "%" and cond.subject.endswith(_SHARE_SUBJECTS):
                return True
    return False


@per_rule
def measured_subjects(rule: Rule) -> tuple[str, ...]:
    """What the distance deductions measure, where they name it (重大隐患整改率每低10%…；一般隐患
    整改率每低10%…): two different names are two measured values, never one answer copied."""
    subjects: list[str] = []
    for d in rule.deductions:
        name = _measured_name(d)
        if name and name not in subjects:
            subjects.append(name)
    return tuple(subjects)


def _measured_name(d: Deduction) -> str:
    if d.kind is not StepKind.DISTANCE:
        return ""
    name = d.event.split("每")[0].strip("，,；;。 的")
    # 多完成1% / 增加1名: a step phrase with its number is no subject (only words before 每 name one)
    return "" if any(ch.isdigit() for ch in name) else name


def value_slots(rule: Rule) -> list[tuple[str, tuple[Deduction | Veto | Waiver, ...]]] | None:
    """The inputs of a rule that measures several named values and does nothing else with them
    (重大治安隐患整改率每低10%减10分；一般治安隐患整改率每低10%减5分): numbered 1, 2, … in the
    order written, each a measured value (the steps that name it) or one of the separate inputs
    (events, flags). None for any other rule: one measured value, or several that bands or a
    formula would also read (those stay refused: which value a band reads is not written)."""
    if rule.awards or rule.proportional is not None or len(measured_subjects(rule)) < 2:
        return None
    if any(isinstance(v.condition, Range) for v in rule.vetoes):
        return None
    separate = separate_inputs(rule)
    slots: list[tuple[str, list[Deduction | Veto | Waiver]]] = []
    for c in rule.clauses:
        if any(c is s for s in separate):
            assert isinstance(c, (Deduction, Veto))
            slots.append(("", [c]))
        elif isinstance(c, Deduction) and c.kind is StepKind.DISTANCE:
            name = _measured_name(c)
            if not name:
                return None  # a step naming no value, among named ones: which it reads is not written
            same = next((s for s in slots if s[0] == name), None)
            if same is None:
                slots.append((name, [c]))
            else:
                same[1].append(c)
    return [(name, tuple(cs)) for name, cs in slots]


@per_rule
def joint_parts(rule: Rule) -> tuple[Range | Label, ...] | None:
    """满意度达到90%且投诉率低于1%得满分，否则不得分: the conditions 且 joins (an ``All``), each its own input,
    numbered 1, 2, … in the order written and answered as the numbered measured values of ``value_slots`` are
    (semantics §100); the parser keeps every All of a rule on the same inputs. None for any other rule."""
    for a in rule.awards:
        if isinstance(a.condition, All):
            return a.condition.parts
    return None


def part_unit(part: Range) -> str:
    """The unit a part's own words give its answer (满意度达到90%: %), never the row's: the row's unit is one
    quantity's, and the other part measures another."""
    return next((e.value.unit for e in (part.low, part.high) if e is not None), "")


def _joint_input(key: int, part: Range | Label, states: tuple[str, ...] = ()) -> Input:
    if isinstance(part, Range):
        return Input(key, "value", part.subject, part_unit(part))
    state = grade_of(part.text)
    if states and state is not None:
        # 运行管护效果良好 … 或运行管护效果较差: the state of 运行管护效果, one of those written (semantics §143)
        return Input(key, "grade", state.subject, choices=states)
    return Input(key, "flag", part.text, meaning=f"是＝“{part.text}”成立，否＝不成立")


def number_answers(rule: Rule) -> tuple[bool, bool]:
    """How a number answers a rule written in words: (against the target: every worded condition says
    the target is reached, 完成 ⇔ the outcome reaches it; as a count: the conditions name an event,
    present or absent, 完成 beside them meaning none happened: 发生安全事故不得分, 完成满分，发生信访则不得分)."""
    worded = [a.condition for a in rule.awards if isinstance(a.condition, (Label, TargetMet))]
    tied = bool(worded) and all(ties_to_target(c.text) for c in worded)
    named = {_event_core(c.text) for c in worded if event_words(c.text)}
    events = bool(named) and all(
        event_words(c.text) or ties_to_target(c.text) or _absence_of(c.text, named) for c in worded
    )
    return tied, events


def budget_answers(rule: Rule) -> bool:
    """全年支出控制在部门预算内支出得满分；超部门预算支出不得分 (semantics §111): every worded condition compares the outcome
    with a budget or a planned amount (``shapes.budget_comparison``), so a number answers them against the row's target as
    that amount: within it (at most the target, whatever the comparator) is met, over it is not."""
    worded = [a.condition for a in rule.awards if isinstance(a.condition, (Label, TargetMet))]
    return bool(worded) and all(budget_comparison(c.text.strip()) is not None for c in worded)


def budget_target(target: Quantity) -> bool:
    """A target a budget comparison can be answered against (semantics §111): an amount of money (400万元), or 100% (an
    execution rate: the budget spent in full). Another rate (≤90%) or a count (50人) is no budget."""
    return (target.value == 100 and target.is_percent) or target.unit.endswith("元")


_SCOPES = tuple(sorted(words("event_scope"), key=len, reverse=True))  # 本辖区内 before 辖区内
_ABSENT = ("没有", "未", "无", "不")


def _event_core(text: str) -> str:
    """发生安全事故 → 安全事故: what the event verb names."""
    for w in ("发生", "出现", "发现", "存在"):
        text = text.replace(w, "")
    return text.strip("的了")


def _absence_of(text: str, named: set[str]) -> bool:
    """全年无安全事故 beside 发生安全事故: the absence of an event another condition names (the count 0)."""
    for scope in _SCOPES:
        text = text.removeprefix(scope)
    return any(text.startswith(n) and _event_core(text[len(n):]) in named for n in _ABSENT)


def _unscoped(text: str) -> str:
    for scope in _SCOPES:
        text = text.removeprefix(scope)
    return text


def absence_of_event(text: str, event: str) -> bool:
    """未发生 / 无事故 / 未被通报 beside a veto on 发生重大舆情事件 / 出现安全生产责任事故 / 项目资金被审计部门通报: the
    veto's event negated, named by its verb (the verb it opens with), its head noun (the words it ends with) or its
    passive verb (被 and the verb it ends with). The count 0 of the event is this case (semantics §114)."""
    text, event = _unscoped(text.strip().removesuffix("的")), _unscoped(event.strip().removesuffix("的"))
    for n in _ABSENT:
        rest = text.removeprefix(n)
        if rest == text or not rest:
            continue
        if event == rest or event.startswith(rest) or event.endswith(rest):
            return True
        passive = next((w for w in words("passive") if rest.startswith(w)), None)
        if passive is not None and passive in event and len(rest) > len(passive) and event.endswith(rest[len(passive):]):
            return True
    return False


def _veto_event(v: Veto) -> str | None:
    """The event a veto counts, where any count of it from 1 vetoes: worded and naming an event (发生重大安全事故的，
    本项不得分), or a band from 1 on the count of an event (发生较大及以上道路交通事故1起及以上的). None: a veto on a
    value or a state."""
    c = v.condition
    if isinstance(c, Label) and not c.parts and names_event(c.text):
        return c.text
    if (
        isinstance(c, Range) and c.high is None and c.low is not None and c.measure is Measure.VALUE
        and c.low.value.unit in words("event_unit") and names_event(c.subject)
        and ((c.low.inclusive and c.low.value.value == 1) or (not c.low.inclusive and c.low.value.value == 0))
    ):  # fmt: skip
        return c.subject
    return None


def activity_count_answers(rule: Rule) -> bool:
    """开展得满分，未开展不得分 (semantics §114): the awards are a verb of carrying out alone (lexicon ``activity``) and
    that verb negated (未开展), nothing else: a count of the times it was carried out answers them, 0 the negated case
    and 1 or more the verb (开展 = at least once). The verb with more words (开展培训且效果良好) says more than a count."""
    worded = [a.condition for a in rule.awards if isinstance(a.condition, (Label, TargetMet))]
    if len(worded) != 2 or len(rule.clauses) != 2 or rule.vetoes or rule.deductions:
        return False
    done = [c for c in worded if c.text.strip().removesuffix("的") in words("activity")]
    undone = [c for c in worded if not_held(c.text)]
    return (len(done) == 1 and len(undone) == 1
            and undone[0].text.strip().removesuffix("的").endswith(done[0].text.strip().removesuffix("的")))


@per_rule
def event_count_answers(rule: Rule) -> bool:
    """The rule's one input is the count of the events its vetoes name (semantics §114): every veto counts an event
    from 1, nothing else is scored but 否则 / 其他情况 or the absence of a vetoed event (未发生, 无事故, 未被通报), so
    the count 0 is that absence (as 是 is) and a count from 1 vetoes (as 否 does)."""
    if not rule.vetoes or rule.deductions or rule.proportional is not None:
        return False
    events = [_veto_event(v) for v in rule.vetoes]
    if any(e is None for e in events):
        return False
    return all(
        isinstance(a.condition, Otherwise)
        or (isinstance(a.condition, (Label, TargetMet)) and any(absence_of_event(a.condition.text, e) for e in events if e))
        for a in rule.awards
    )


def _rule_inputs(rule: Rule, unit: str) -> list[Input]:
    out: list[Input] = []
    joint = joint_parts(rule)
    if joint is not None:
        states = joint_states(rule)
        return [_joint_input(i, p, states.get(i, ())) for i, p in enumerate(joint, 1)]
    things = checklist(rule)
    if things is not None:
        return [Input(i, "flag", a.condition.text if isinstance(a.condition, Label) else "") for i, a in enumerate(things, 1)]
    slots = value_slots(rule)
    if slots is not None:
        for i, (name, clauses) in enumerate(slots, 1):
            if name:
                out.append(Input(i, "value", name, unit))
            else:
                out.append(_separate_input(i, clauses[0]))
        return out
    separate = separate_inputs(rule)
    beside = worded_beside_bonuses(rule) or worded_beside_vetoes(rule)
    several = len(separate) + (1 if reads_value(rule) or beside else 0) > 1
    counted = _cut_off(rule)
    if counted is not None:
        # 每发现1个不合格批次扣0.5分，发现3个及以上不得分: the bands read the count of the events (semantics §69)
        out.append(Input(VALUE_KEYS[0] if several else "实际值", "count", _count_name(rule, counted), _count_unit(counted)))
    elif reads_value(rule) and event_count_answers(rule):
        # 发生较大及以上道路交通事故1起及以上的，本项不得分；未发生的得满分: the count of the events (semantics §114)
        band = next(v.condition for v in rule.vetoes if isinstance(v.condition, Range))
        out.append(Input(VALUE_KEYS[0] if several else "实际值", "count", band.subject.rstrip("的"),
                         band.low.value.unit if band.low else "次", meaning="发生次数：0＝未发生，1及以上＝发生（否决）"))  # fmt: skip
    elif reads_value(rule):
        kind = "rank-of" if reads_from_last(rule) else "rank-values" if shares_of_rank(rule) else "rank" if reads_rank(rule) else "rank-share" if reads_rank_share(rule) else "value"
        # 优（100%）得满分，良（90%-100%）得8分: the grade naming a band answers as a value in it does (§103)
        grades = tuple(a.condition.grade for a in rule.awards if isinstance(a.condition, Range) and a.condition.grade)
        meaning = f"或填等级：{'、'.join(grades)}" if grades else ""
        out.append(Input(VALUE_KEYS[0] if several else "实际值", kind, _subject(rule) or "实际值",
                         "名" if kind in ("rank", "rank-of", "rank-values") else "" if kind == "rank-share" else unit, grades, meaning))  # fmt: skip
    worded = [a for a in rule.awards if isinstance(a.condition, (Label, TargetMet))]
    if worded and not reads_value(rule) and (not separate or beside):
        choices = tuple(a.condition.text for a in worded if isinstance(a.condition, (Label, TargetMet)))
        kind = "grade" if len(choices) > 2 else "flag"
        name = "等级" if kind == "grade" else choices[0] if len(choices) == 1 else "是否达到"
        # 设立举报电话且24小时有人值守: 是 says every part holds (semantics §93)
        parts = next((a.condition.parts for a in worded if isinstance(a.condition, Label) and a.condition.parts), ())
        meaning = f"是＝{'、'.join(f'“{p}”' for p in parts)}都做到，缺一项为否" if kind == "flag" and parts else ""
        if activity_count_answers(rule):
            # 开展得满分，未开展不得分: a count answers too (semantics §114)
            done, undone = sorted(choices, key=not_held)
            meaning = f"是＝{done}，否＝{undone}；或填{done}的次数（0＝{undone}，1及以上＝{done}）"
        if budget_answers(rule):
            # 超支不得分 (semantics §111): a number answers too, against the budget in the row's target
            meaning = "是＝未超出预算；也可填实际数，与指标值中的预算比较"
        out.append(Input(VALUE_KEYS[0] if several else "实际值", kind, name, choices=choices, meaning=meaning))
    for i, c in enumerate(separate, 1):
        out.append(_separate_input(i if several else "实际值", c, _deadline(rule)))
    return out


def _deadline(rule: Rule) -> str:
    """2024年年底前完成: the deadline a worded condition of the rule states, as a date, or ""."""
    for a in rule.awards:
        if isinstance(a.condition, (Label, TargetMet)) and a.condition.deadline is not None:
            return str(a.condition.deadline) if isinstance(a.condition.deadline, MonthDay) else a.condition.deadline.isoformat()
    for c in rule.clauses:
        if isinstance(c, Requirement) and c.deadline is not None:  # 计划于8月底前完成采购，每推迟10天… (§88)
            return str(c.deadline) if isinstance(c.deadline, MonthDay) else c.deadline.isoformat()
    return ""


def _separate_input(key: str | int, c: Deduction | Veto | Waiver, deadline: str = "") -> Input:
    """An event's count, or 是/否 of a requirement (a one-off deduction, a worded veto)."""
    if isinstance(c, Deduction) and c.kind is StepKind.EVENTS:
        unit = c.step.unit if c.step else "次"
        if deadline and unit in words("time_unit"):
            # 2024年年底前完成得10分，每延后1个月扣3分: the answer is how late, never a date
            return Input(key, "count", c.event or "扣分事项", unit, meaning=f"晚于{deadline}的{unit}数；按期完成填0")
        return Input(key, "count", c.event or "扣分事项", unit)
    name = c.event if isinstance(c, Deduction) else getattr(c.condition, "text", "否决条件")
    if isinstance(c, Waiver):
        return Input(key, "flag", name, meaning="是＝符合（不扣分），否＝不符合")  # 但…的，可不扣分 (semantics §105)
    # the name is the case that loses points (发生重大事故, 资料不齐全的): 是 says it did not happen
    counted = names_event(name) if isinstance(c, Veto) else once_counted(name)  # semantics §114, §125
    meaning = "是＝未发生，否＝发生；或填发生次数" if counted else "是＝没有这种情形，否＝有"
    if isinstance(c, Deduction) and c.bonus:
        # 获得表彰的加1分: the case that gains points; 受到表彰的加1分 also by a count, once (semantics §125)
        meaning = "是＝有（加分），否＝没有" + ("；或填次数（0＝没有，1及以上＝有，只加一次）" if counted else "")
    return Input(key, "flag", name or "扣分事项", meaning=meaning)


def _item_input(number: int, rule: Rule, unit: str) -> Input:
    """One sub-item's input: what its rule needs (a checklist item with no scoring of its own: 是/否)."""
    inner = _rule_inputs(rule, unit)
    if len(inner) == 1:
        only = inner[0]
        if rule.vetoes and not rule.awards and not rule.deductions:
            # 发生重大质量安全事故的，本指标不得分 after ①②: a veto of the whole indicator, its own number (semantics §115)
            return Input(number, only.kind, f"第{number}项（否决，本指标计0分）：{only.name}", only.unit, only.choices,
                         only.meaning)  # fmt: skip
        return Input(number, only.kind, f"第{number}项：{only.name}", only.unit, only.choices)
    if not inner:
        return Input(number, "flag", f"第{number}项是否达到")
    return Input(number, "items", f"第{number}项（{'、'.join(str(i.key) for i in inner)}）")


def _subject(rule: Rule) -> str:
    for a in rule.awards:
        if isinstance(a.condition, Range) and a.condition.subject:
            return a.condition.subject.rstrip("的")
    return ""


# ------------------------------------------------------------------ decisions


_DIRECTIONS = {
    Direction.SHORTFALL: "只计低于的部分",
    Direction.EXCESS: "只计超出的部分",
    Direction.BOTH: "高于或低于都计",
}


def _term(q: Quantity) -> str:
    """A requirement's term as written: a time of day (minutes after midnight) as 17:30."""
    if q.unit == "时刻":
        hours, minutes = divmod(int(q.value), 60)
        return f"{hours}:{minutes:02d}"
    return _quantity(q)


def _quantity(q: Quantity) -> str:
    v = q.value.normalize()
    return f"{format(v, 'f')}{q.unit}"


def _limits_lateness(req: Requirement, rule: Rule) -> bool:
    """30天内拨付到位，每逾期1天扣0.1分: a time limit right before a step per unit of time late (§88)."""
    k = rule.clauses.index(req)
    nxt = rule.clauses[k + 1] if k + 1 < len(rule.clauses) else None
    return (
        isinstance(nxt, Deduction) and nxt.kind is StepKind.EVENTS and nxt.step is not None
        and nxt.step.unit in words("time_unit") and len(req.terms) == 1 and req.terms[0].unit in words("time_unit")
    )  # fmt: skip


def _measured_by(req: Requirement, rule: Rule) -> bool:
    """A requirement right before a band (满意度调查样本量不少于200份，满意度≥90%得满分): how the value is measured."""
    k = rule.clauses.index(req)
    nxt = rule.clauses[k + 1] if k + 1 < len(rule.clauses) else None
    return isinstance(nxt, Award) and isinstance(nxt.condition, Range)


def _rule_decisions(rule: Rule, op: Op | None, target_percent: bool, unit: str = "",
                    target: Quantity | None = None) -> list[Decision]:  # fmt: skip
    out: list[Decision] = []
    if rule.per_item and checklist(rule) is not None:
        worth = {a.outcome.value for a in rule.awards if isinstance(a.outcome, Points)}
        if len(worth) == 1:
            # 每完成1项取得该项分数 over items of equal points: the count of items met answers it too (§67)
            out.append(Decision("每完成1项取得该项分数", "答法", f"各项分值相同（{_quantity(Quantity(worth.pop(), '分'))}）："
                                "可逐项（按编号或事项名称）填是/否，也可只填完成的项数", True))  # fmt: skip
    hand = checklist_hand(rule)
    if hand is not None and isinstance(hand.condition, Label):
        # 未开展相关工作的视情况扣分 closing awards on different things: it scores the things not done (§110)
        out.append(Decision(f"{hand.condition.text}酌情扣分", "扣分范围", "只对未做到的各项：每项在0至该项分值之间人工评分；"
                            "各项都做到时不扣分", False, "semantics §110"))  # fmt: skip
    for a, b in overlapping_deductions(rule):
        # 满意度低于90%扣1分，低于80%扣3分: the values in both bands are refused, the rest scored (semantics §95)
        low, high = ambiguous_stretch(rule, a, b)
        if low is None or high is None or low.value.value < high.value.value or (low.inclusive and high.inclusive):
            out.append(Decision(f"{band_text(a)}；{band_text(b)}", "重叠扣分档",
                                f"实际值{show_stretch(low, high)}同时落在两档中：只扣最严一档还是两档扣分累加，原文没有写明，"
                                "这些值不予计分；只落在一档的值两种读法相同，照常计分", False, "semantics §95"))  # fmt: skip
    late = late_or_missed(rule)
    if late is not None:
        # 按时报送得满分，每迟报1天扣0.1分，未报送不得分 answered 3天 or 未报送 (scores.evaluate._late_or_missed)
        out.append(Decision("迟报与未报", "答法", f"可按编号分别填；也可只填一个答案：迟了多少（{late[0]}填0或“是”），"
                            f"或“{late[1]}”；只填“否”不知是迟了还是未做，不予计分", False, "semantics §108"))  # fmt: skip
    if one_off_cases(rule):
        # 建立健全管理制度得2分，制度不健全扣1分，无制度不得分 answered 制度不健全 (scores.evaluate._one_named)
        out.append(Decision("各事项", "答法", "可逐项填是/否；也可只填发生的那一项（按原文，其余按未发生），或填“是”（都未发生）",
                            False, "semantics §70"))  # fmt: skip
    for c in rule.clauses:
        if isinstance(c, Award) and isinstance(c.outcome, Formula):
            for name, by in c.outcome.rates:
                # 预算执行率=实际支出数/调整后预算数×100%，得分=预算执行率×分值 (semantics §164)
                out.append(Decision(name, "计量", f"实际值即{definition_text(name, by)}（规则的定义），填百分比；"
                                    "其分母不是指标值，填数值不予计分", False, "semantics §164"))  # fmt: skip
            for name, kind in formula_names(c.outcome.expr):
                if kind == "derived" and any(w in name for w in ("偏差", "偏离", "超支")):
                    # 得分=（1-偏差率）×指标分值 answered with the value (domain point 2, semantics §99)
                    how = "超出指标值的部分÷指标值" if "超支" in name else "|实际值−指标值|÷指标值（偏离的方向按指标值类型）"
                    out.append(Decision(name, "计量", f"填数值时{name}＝{how}；填百分比时即为{name}", False,
                                        "domain point 2, semantics §99"))  # fmt: skip
        if isinstance(c, Award) and isinstance(c.condition, Range):
            for edge, side in ((c.condition.low, "下限"), (c.condition.high, "上限")):
                if edge is not None and not edge.stated:
                    out.append(Decision(_words(c), f"{side}端点", "含" if edge.inclusive else "不含", False,
                                        "semantics §1"))  # fmt: skip
        if isinstance(c, Award) and isinstance(c.condition, Range) and c.condition.named:
            # 市民对12345服务平台…的满意度95%以上: numbers read as part of the name (§57)
            named = "、".join(_quantity(q) for q in c.condition.named)
            out.append(Decision(c.condition.subject, "名称中的数", f"{named}是所衡量对象名称的一部分，不是评分线", False,
                                "semantics §57"))  # fmt: skip
        if isinstance(c, Deduction) and c.qualifiers:
            # 每出现一次系统故障超过4小时未恢复的: numbers that say which events count (§98)
            said = "、".join(_quantity(e.value) for r in c.qualifiers for e in (r.low, r.high) if e is not None)
            out.append(Decision(c.event, "事件名称中的数", f"{said}是所计事件名称的一部分（哪些事件计数），不是评分线或步长；"
                                "答法：填符合这一描述的事件次数", False, "semantics §98"))  # fmt: skip
        if isinstance(c, Award) and c is next((a for a in rule.awards if isinstance(a.condition, Range)
                                                and a.condition.measure is Measure.EXCESS), None):  # fmt: skip
            # 超出预算10%以内 (§82): what the bands on the excess compare, and the answer they take (said once)
            out.append(Decision("超出幅度分档", "比较的量", "超出指标值（预算数）的幅度：(实际值−指标值)÷指标值；"
                                "未超出时各档都不适用", False, "semantics §82，原文写“超出/超支”"))  # fmt: skip
            out.append(Decision("超出幅度分档", "答法", "填实际金额；填百分比无法判断是超出幅度还是预算执行率，不予计分"
                                "（指标值为100%的执行率行除外）", False, "semantics §82"))  # fmt: skip
        if isinstance(c, Requirement):
            # 每年6月底前预拨…的50，未及时足额拨付一次扣1分: the numbers describe what is required (§56)
            terms = "、".join(_term(q) for q in c.terms)
            if _measured_by(c, rule):
                # 满意度调查样本量不少于200份，满意度≥90%得满分: how the value scored is measured (§81)
                out.append(Decision(c.text, "要求", f"其中的数（{terms}）是测量应满足的要求，不是评分线；按满足这一要求时测得的实际值计分，"
                                    "未满足时如何计分规则未写明", False, "semantics §81"))  # fmt: skip
            elif any(d.kind is StepKind.DISTANCE and d.step is not None and c.terms and d.step.unit != c.terms[0].unit
                     for d in rule.deductions):
                # 全年组织培训不少于2次，每次参训人数不少于50人，每少1次扣1分: what each occurrence counted must meet (§81)
                out.append(Decision(c.text, "要求", f"其中的数（{terms}）是每次应达到的要求，不是评分线；实际值只计达到这一要求的次数",
                                    False, "semantics §81"))  # fmt: skip
            elif c.every:
                # 每月10日前报送上月数据，逾期1天扣0.1分: a deadline every month (§94)
                out.append(Decision(c.text, "期限", f"其中的数（{terms}）是每{c.every}的期限，不是评分线；实际值是各{c.every}晚于期限的"
                                    f"天数之和（都按期填0），不是日期", False, "semantics §94"))  # fmt: skip
            elif c.deadline is None and _limits_lateness(c, rule):
                out.append(Decision(c.text, "时限", f"其中的数（{terms}）是时限，不是评分线；扣分按超出时限的时间计"
                                    "（指标值为时长时，按实际用时超出指标值的部分计）", False, "semantics §88"))  # fmt: skip
            elif c.deadline is not None:
                out.append(Decision(c.text, "期限", f"其中的数（{terms}）是完成期限，不是评分线；实际值是晚于期限的时间（按期填0）",
                                    False, "semantics §88"))  # fmt: skip
            else:
                out.append(Decision(c.text, "要求", f"其中的数（{terms}）是要求的内容，不是评分线；实际值是未达到这一要求的次数",
                                    False, "semantics §56"))  # fmt: skip
        if not isinstance(c, Deduction):
            continue
        name = c.event or "扣分"
        if c.doubled and c.step is not None:
            # 是已婚育妇漏登的加倍扣分: the points are stated (twice the clause before's); counting these events
            # here and not also in the clause before is the reading chosen (§76)
            out.append(Decision(name, "加倍扣分", f"每{c.step.unit}扣{c.points}分，是前一条每{c.step.unit}扣分的两倍；"
                                f"这些{c.step.unit}数只按这一条计，不再计入前一条", False, "semantics §76"))  # fmt: skip
        if c.kind is StepKind.DISTANCE:
            if c.direction is not None:
                out.append(Decision(name, "方向", _DIRECTIONS[c.direction], True))
            else:
                direction, why = default_direction(op, rule)
                out.append(Decision(name, "方向", _DIRECTIONS[direction], False, f"semantics §4，{why}"))
            # how a number in the row's unit reads here: the plan the evaluator and compiled code follow
            plan = distance(rule, c, Setting(unit, target, op), Scale(bare_quantity(Decimal(0), unit).unit, False))
            if plan.compare.kind == "ratio":
                out.append(
                    Decision(
                        name, "比较的量", "完成率（实际值÷指标值）", False, "semantics §2，满分线是百分比而指标是数量"
                    )
                )
            if c.step is not None and c.step.is_percent and plan.basis is not None:
                if c.basis is not None and c.basis is plan.basis:
                    out.append(Decision(name, "百分比口径", _basis(c.basis), True))
                elif c.basis is not None:
                    out.append(Decision(name, "百分比口径", _basis(plan.basis), False,
                                        f"semantics §2，写明{_basis(c.basis)}但比较的两个量都不是百分比"))  # fmt: skip
                else:
                    out.append(Decision(name, "百分比口径", _basis(plan.basis), False,
                                        "semantics §2，" + ("比较的是比率" if plan.rate else "指标是数量")))  # fmt: skip
            ref, why = reference(rule, c, unit, target)
            if ref is None:
                shown = "没有可用的起点（需要数值指标值）"
            else:
                shown = _quantity(ref) if c.start is not None else f"{why}{_quantity(ref)}"
            stated = c.start is not None and c.start.stated
            source = (
                "" if stated else "semantics §4" if c.start is None
                else "semantics §65，前一句写的计划数，按达到计" if c.plan
                else "semantics §58，比较符号缺失，与前面分档的界线相同"
            )  # fmt: skip
            out.append(Decision(name, "起点", shown, stated, source))
        if c.kind is not StepKind.ONCE:
            if c.partial is not None:
                out.append(Decision(name, "不足一档", c.partial.value, True))
            else:
                out.append(Decision(name, "不足一档", Partial.PRORATA.value, False, "semantics §3（选项 partial）"))
        if c.cap is not None:
            out.append(Decision(name, "上限", f"最多{'加' if c.bonus else '扣'}{c.cap}分", True))  # 最高不超过4分 on a bonus
    if any(not d.bonus for d in rule.deductions):  # bonuses alone count up from 0 and lose nothing
        if rule.cap is not None:
            out.append(Decision("全部扣分", "上限", f"合计最多扣{rule.cap}分", True))
        if rule.cap_share is not None:  # 扣分不超过本项分值的50% (semantics §84)
            out.append(Decision("全部扣分", "上限", f"合计最多扣分值的{_quantity(Quantity(rule.cap_share, '%'))}", True))
        if rule.below_zero:
            out.append(Decision("全部扣分", "下限", "可负分", True))  # 该项可负分 / 倒扣 (domain point 6)
        elif rule.floor is not None:  # 最低得2分 (semantics §102)
            out.append(Decision("全部扣分", "下限", f"最低得{rule.floor}分", True))
        else:
            floor_stated = rule.until_exhausted
            out.append(Decision("全部扣分", "下限", "最低0分", floor_stated, "" if floor_stated else "semantics §6"))
    if rule.proportional is not None:
        p = rule.proportional
        if p.linear is not None:
            out.append(Decision(p.text, "超出的算法", "线性扣减" if p.linear else "指标值/实际值", True))
        elif op in (Op.LE, Op.LT):
            out.append(Decision(p.text, "超出的算法", "指标值/实际值（选项 reverse）", False, "semantics §8"))
    return out


def _basis(b: PercentBasis) -> str:
    return "百分点" if b is PercentBasis.POINTS else "相对指标值的百分比"


def _words(a: Award) -> str:
    c = a.condition
    return c.subject if isinstance(c, Range) and c.subject else "分档"


# ------------------------------------------------------------------ bind


def bind(rule: Node, *, target: Any = None, comparator: str | None = None, unit: str | None = None) -> Reading:
    """The reading of ``rule`` on an indicator with this target, comparator and unit."""
    tv = parse_value(target, unit) if isinstance(target, str) else None
    op = _comparator(comparator) if comparator else (tv.op if tv is not None else None)
    u = row_unit(unit, target)
    percent = u == "%" or (tv is not None and tv.quantity.unit == "%")
    if percent and not u:
        u = "%"
    tq = tv.quantity if tv is not None else None
    if tq is None and isinstance(target, (int, Decimal)) and not isinstance(target, bool):
        tq = bare_quantity(Decimal(target), u)  # a number: in the row's unit, as evaluate reads it
    setting = Setting(u, tq, op)
    if isinstance(rule, Composite) and rule.cases:
        # 山区：…。其它地区：… (semantics §142): one case applies, answered under its heading's words
        heads = case_headings(rule)
        cases = [(h, on_target(i.rule, setting), i.rule) for h, i in zip(heads, rule.items, strict=True)]
        inputs = [attrs.evolve(_item_input(i.number, r, u), key=h, name=f"情形“{h}”：" + _item_input(i.number, r, u).name.split("：", 1)[-1])
                  for i, (h, r, _) in zip(rule.items, cases, strict=True)]  # fmt: skip
        decisions = [d for _, r, was in cases for d in (*_on_target(was, tq, op, u), *_rule_decisions(r, op, percent, u, tq))]
        listed = "；".join(f"“{h}”" for h in heads)
        decisions.insert(0, Decision("按情形计分", "答法", f"只适用其中一种情形，填 {{情形: 实际值}}，情形须按原文写：{listed}", True,
                                     "semantics §142"))  # fmt: skip
        return Reading(rule, (Input("实际值", "cases", "适用的情形及其实际值 {情形: …}"), *inputs), tuple(decisions))
    if isinstance(rule, Composite):
        # each sub-item is answered under its own number, with what its own rule needs
        items = [(i.number, on_target(i.rule, setting), i.rule) for i in rule.items]
        inputs = [_item_input(n, r, u) for n, r, _ in items]
        decisions = [d for _, r, was in items for d in (*_on_target(was, tq, op, u), *_rule_decisions(r, op, percent, u, tq))]
        worth = {i.points for i in rule.items}
        if rule.per_item and len(worth) == 1 and None not in worth:
            # ①…（2分）；②…（2分）。每完成1项取得该项分数: the count of items done answers too (semantics §86)
            decisions.insert(0, Decision("每完成1项取得该项分数", "答法", f"各项分值相同（{_quantity(Quantity(worth.pop() or Decimal(0), '分'))}）："
                                         "可逐项（按编号）填是/否，也可只填完成的项数", True))  # fmt: skip
        return Reading(rule, (Input("实际值", "items", "各分项的实际值 {1: …, 2: …}"), *inputs), tuple(decisions))
    assert isinstance(rule, Rule)
    bound = on_target(rule, setting)
    decided = (*_on_target(rule, tq, op, u), *_rule_decisions(bound, op, percent, u, tq))
    m = missing_clause(rule)
    if m is not None and m.condition is not None:
        # 数据缺失的不得分: the text says how missing data scores; no input of its own (semantics §86)
        text = getattr(m.condition, "text", "")
        decided = (Decision(text, "数据缺失", f"填“{text}”等缺失值时{render_outcome(m.outcome)}；填数值时按其余条款计分", True),
                   *decided)  # fmt: skip
    at = value_place(rule)
    if at is not None:
        n = len(separate_inputs(rule)) + 1
        what = "文字条件（是/否）" if worded_beside_bonuses(rule) or worded_beside_vetoes(rule) else "数值"  # 完成得满分，获得表彰的加1分 (§106)
        decided = (*decided, Decision("实际值", "答法", f"可写 {{实际值: …, 1: …}}，也可按各项在规则中出现的顺序编号1…{n}（{what}是第{at}项）",
                                      False, "semantics §99"))  # fmt: skip
    return Reading(rule, tuple(_rule_inputs(bound, u)), decided)


def _on_target(rule: Rule, t: Quantity | None, op: Op | None = None, unit: str = "") -> list[Decision]:
    """每延迟1天扣1分 on a row of ≤30天: counted from the target (``scales.on_target``), shown."""
    out = []
    if deviation_itself(rule, Setting(unit, t, op)) is not rule and t is not None:
        # 偏差率在5%以内得5分，5%-10%得3分 on a row of ≤5%: every band compares the value as it stands (tenth probe A04)
        out.append(Decision("偏差分档", "比较的量", f"实际值本身（指标值{_quantity(t)}是偏差率的上限，各档都按实际值比较，不再计算与指标值的偏离）",
                            False, "semantics §108"))  # fmt: skip
    for d in rule.deductions:
        side = from_target(d, t, op)
        if side is not None and t is not None:
            past = "超出" if side is Direction.EXCESS else "低于"
            out.append(Decision(d.event or "扣分", "计量", f"实际值{past}指标值{_quantity(t)}的部分（实际值填本行的{t.unit}数）",
                                False, f"semantics §14，指标值以{t.unit}计"))  # fmt: skip
    if t is None:
        # 在规定时间内完成得满分，每超过1天扣0.5分 with no target: the answer is the units over the unstated limit (§116)
        over = over_unstated_limit(rule)
        for was, now in zip(rule.clauses, over.clauses, strict=True):
            if was is not now and isinstance(now, Deduction) and now.step is not None:
                out.append(Decision(now.event or "扣分", "答法", f"填超过规定时间的{now.step.unit}数（规定时间没有写明，数值只能是超出的部分），"
                                    "按时完成填0", False, "semantics §116"))  # fmt: skip
    return out


__all__ = ["VALUE_KEYS", "Decision", "Input", "Reading", "bind", "budget_answers", "budget_target", "checklist",
           "checklist_hand", "event_words", "from_the_first", "joint_parts", "late_or_missed", "measured_subjects",
           "number_answers", "one_off_cases", "part_unit", "reads_from_last", "reads_rank", "reads_rank_share", "reads_value",
           "separate_inputs", "value_slots", "worded_beside_bonuses", "worded_beside_vetoes"]  # fmt: skip


# ------------------------------------------------------------------ nested deduction bands (semantics §83, §95)


def _is_zero(a: Award) -> bool:
    return isinstance(a.outcome, Zero) or a.outcome == Points(Decimal(0))


def _shared(a: Range, b: Range) -> bool:
    """Whether two ranges hold more than one value in common (nested, or crossing), not just an end."""
    lows = [r.low.value.value for r in (a, b) if r.low is not None]
    highs = [r.high.value.value for r in (a, b) if r.high is not None]
    return not lows or not highs or max(lows) < min(highs)


def overlapping_deductions(rule: Rule) -> list[tuple[Award, Award]]:
    """满意度低于90%扣1分，低于80%扣3分: the pairs of bands that each deduct points (得分=指标分值-N) on one measure
    and share a stretch of values. A value in both is ambiguous (the tightest band's points, or both added up):
    the evaluator refuses exactly those values; a value in one of them only is scored (semantics §95)."""
    bands = [a for a in rule.awards if isinstance(a.condition, Range) and deducts(a)]
    out = []
    for i, a in enumerate(bands):
        for b in bands[i + 1 :]:
            ra, rb = a.condition, b.condition
            assert isinstance(ra, Range) and isinstance(rb, Range)
            if ra.measure is rb.measure and _shared(ra, rb):
                out.append((a, b))
    return out


def _tighter(lo: Edge | None, other: Edge | None, low: bool) -> Edge | None:
    if lo is None or other is None:
        return lo or other
    v, w = lo.value.value, other.value.value
    if v == w:
        return lo if not lo.inclusive else other
    return lo if (v > w) == low else other


def ambiguous_stretch(rule: Rule, a: Award, b: Award) -> tuple[Edge | None, Edge | None]:
    """The values in both ``a`` and ``b`` that no zero band tried before them takes (低于95%扣1分，低于85%扣2分，
    低于75%不得分: 75% to 85%, the zero band taking what is below 75%)."""
    ra, rb = a.condition, b.condition
    assert isinstance(ra, Range) and isinstance(rb, Range)
    low, high = _tighter(ra.low, rb.low, True), _tighter(ra.high, rb.high, False)
    order = list(band_order(rule))
    first = min(order.index(a), order.index(b))
    for z in order[:first]:
        zc = z.condition
        if not (_is_zero(z) and isinstance(zc, Range) and zc.measure is ra.measure):
            continue
        if zc.low is None and zc.high is not None:  # 低于75%不得分 takes the values below 75%
            low = _tighter(low, Edge(zc.high.value, not zc.high.inclusive), True)
        elif zc.high is None and zc.low is not None:
            high = _tighter(high, Edge(zc.low.value, not zc.low.inclusive), False)
    return low, high


def show_stretch(low: Edge | None, high: Edge | None) -> str:
    """75%（含）至85%（不含） / 低于80% / 90%以上: a stretch of values as the reading shows it."""
    def q(e: Edge) -> str:
        return _quantity(e.value)

    if low is not None and high is not None:
        return f"{q(low)}（{'含' if low.inclusive else '不含'}）至{q(high)}（{'含' if high.inclusive else '不含'}）"
    if high is not None:
        return f"{q(high)}及以下" if high.inclusive else f"低于{q(high)}"
    if low is not None:
        return f"{q(low)}及以上" if low.inclusive else f"高于{q(low)}"
    return "任何值"


def deduction_of(a: Award) -> Decimal:
    """The N of a band 得分=指标分值-N (``deducts``)."""
    o = a.outcome
    assert isinstance(o, Formula) and isinstance(o.expr, BinOp) and isinstance(o.expr.right, Num)
    return o.expr.right.value


def band_text(a: Award) -> str:
    """低于90%扣1分: a deducting band as the reading and the refusal name it."""
    return f"{render_condition(a.condition)}扣{_quantity(Quantity(deduction_of(a), '分'))}"
