"""Hypothesis strategies: rules generated from the node types, for the round-trip property.

Each strategy builds nodes the way the parser would (the transform's readings are part of a
node: a Label starting with 未 is negated, a band after a 偏离 band inherits its measure), so
that ``parse(render(rule)) == rule`` can be asked of them. ``supported_rules`` stay within the
phrases the grammar reads today; ``distance_rules`` need the requests of
docs/render-grammar-requests.md (R1 comments, R2 event text, R3/R4 percent bases).
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

from scoring.rules.nodes import (
    Award,
    Deduction,
    Direction,
    Edge,
    FullMarks,
    Label,
    Measure,
    Otherwise,
    Partial,
    PercentBasis,
    Points,
    Quantity,
    Range,
    Rule,
    ShareOfWeight,
    StepKind,
    TargetMet,
    Zero,
)
from scoring.rules.transform import _Assembler

SUBJECTS = ("", "满意度", "完成率", "服务对象满意度", "合格率")
UNITS = ("%", "家", "人", "次")
# label texts and whether the transform reads them as negated
LABELS = (("完成", False), ("未完成", True), ("显著", False), ("按时提交", False), ("未按时提交", True),
          ("执行到位", False), ("不明显", True))  # fmt: skip

points = st.decimals(min_value=Decimal("0.5"), max_value=Decimal(30), places=1).filter(lambda d: d > 0)
shares = st.integers(min_value=10, max_value=90).map(Decimal)


@st.composite
def outcomes(draw: st.DrawFn, zero: bool = True) -> object:
    kinds = [st.just(FullMarks()), points.map(Points), shares.map(ShareOfWeight)]
    if zero:
        kinds.append(st.just(Zero()))
    return draw(st.one_of(*kinds))


@st.composite
def ranges(draw: st.DrawFn, unit: str, subject: str, measure: Measure = Measure.VALUE) -> Range:
    values = draw(st.lists(st.integers(min_value=1, max_value=99), min_size=2, max_size=2, unique=True))
    lo, hi = sorted(Decimal(v) for v in values)
    shape = draw(st.sampled_from(["low", "high", "both", "equal"]))
    inc1, inc2 = draw(st.booleans()), draw(st.booleans())
    q1, q2 = Quantity(lo, unit), Quantity(hi, unit)
    if shape == "low":
        return Range(measure, Edge(q1, inc1), None, subject)
    if shape == "high":
        return Range(measure, None, Edge(q2, inc2), subject)
    if shape == "equal":
        return Range(measure, Edge(q1, True), Edge(q1, True), subject)
    return Range(measure, Edge(q1, inc1), Edge(q2, inc2), subject)


@st.composite
def band_rules(draw: st.DrawFn, measures: tuple[Measure, ...] = (Measure.VALUE,)) -> Rule:
    """分档: bands on one measured value, each with its outcome. A deviation or ratio band's
    canonical text carries a comment (R1) saying how the measure is computed."""
    unit = draw(st.sampled_from(UNITS))
    subject = draw(st.sampled_from(SUBJECTS))
    measure = draw(st.sampled_from(measures))
    if measure is not Measure.VALUE:
        unit = "%"
    n = draw(st.integers(min_value=1, max_value=4))
    clauses = [Award(draw(ranges(unit, subject, measure)), draw(outcomes())) for _ in range(n)]
    # nested one-sided bands written loosest first are read tightest first, as the parser does
    return Rule(tuple(_Assembler._tightest_first(list(clauses))), draw(st.booleans()))


@st.composite
def label_rules(draw: st.DrawFn) -> Rule:
    """完成得满分，未完成不得分 / 显著得满分，一般得分80% / …否则不得分."""
    picked = draw(st.lists(st.sampled_from(LABELS), min_size=1, max_size=3, unique=True))
    clauses: list[Award] = [Award(Label(text, neg), draw(outcomes())) for text, neg in picked]
    if draw(st.booleans()):
        clauses.append(Award(Otherwise("否则"), Zero()))
    return Rule(tuple(clauses))


@st.composite
def event_rules(draw: st.DrawFn) -> Rule:
    """完成得N分，每发现一例不合格扣M分，扣完为止: a count of events."""
    event = draw(st.sampled_from(["发现一例不合格", "出现1次差错", "发生1起投诉"]))
    unit = {"发现一例不合格": "例", "出现1次差错": "次", "发生1起投诉": "起"}[event]
    head = draw(st.sampled_from(["全部合格", "按时完成"]))
    full = draw(st.one_of(st.just(FullMarks()), points.map(Points)))
    d = Deduction(StepKind.EVENTS, draw(points), Quantity(Decimal(1), unit), event=event)
    return Rule((Award(TargetMet(head, False), full), d), draw(st.booleans()))


supported_rules = st.one_of(band_rules(), label_rules())


@st.composite
def distance_rules(draw: st.DrawFn) -> Rule:
    """满意度≥90%得满分，每低5个百分点扣2分: needs R1, R2 (and R3/R4 for percent bases)."""
    edge = Decimal(draw(st.integers(min_value=60, max_value=99)))
    award = Award(Range(Measure.VALUE, Edge(Quantity(edge, "%"), True), None, "满意度"), FullMarks())
    step = Quantity(Decimal(draw(st.sampled_from([1, 2, 5]))), "%")
    d = Deduction(
        StepKind.DISTANCE, draw(points), step,
        draw(st.sampled_from([Direction.SHORTFALL, None])), Measure.VALUE,
        draw(st.sampled_from([PercentBasis.POINTS, PercentBasis.RELATIVE])), None, None, "",
    )  # fmt: skip
    return Rule((award, d), draw(st.booleans()))


pending_rules = st.one_of(distance_rules(), event_rules(), band_rules((Measure.DEVIATION, Measure.RATIO)))


@st.composite
def stepped_rules(draw: st.DrawFn) -> tuple[Rule, str]:
    """Bands on a rate or a count, then one or two distance deductions (each with or without a
    direction, a start, a partial-step reading), as the compiled fast path takes them; with
    the unit the table gives."""
    unit = draw(st.sampled_from(["%", "人"]))
    bands = draw(st.lists(ranges(unit, "满意度"), min_size=0, max_size=3))
    clauses: list[Award | Deduction] = [Award(r, draw(outcomes())) for r in bands]
    for _ in range(draw(st.integers(min_value=1, max_value=2))):
        step = Quantity(Decimal(draw(st.sampled_from([1, 2, 5, 10]))), unit)
        start = draw(st.one_of(st.none(), st.integers(min_value=1, max_value=99).map(
            lambda v: Edge(Quantity(Decimal(v), unit), True))))  # fmt: skip
        clauses.append(Deduction(
            StepKind.DISTANCE, draw(points), step,
            draw(st.sampled_from([Direction.SHORTFALL, Direction.EXCESS, Direction.BOTH, None])), Measure.VALUE,
            None, draw(st.sampled_from([None, Partial.PRORATA, Partial.CEIL, Partial.FLOOR])), start,
        ))  # fmt: skip
    return Rule(tuple(clauses), draw(st.booleans())), unit


# ----------------------------------------------------------------- every shape scoring.compile follows

ROW_UNITS = ("%", "人", "万元", "万人", "次", None)


@st.composite
def compiled_shapes(draw: st.DrawFn) -> tuple[Rule, str | None]:
    """Any shape the compiled path generates code for, with the row's unit: vetoes, bands on the
    value, its ratio or its deviation, 达标 awards, formulas, hand-scored bands, distance, event
    and one-off deductions (each with or without its readings), 按比例赋分, worded rules."""
    from scoring.rules.nodes import BinOp, ByHand, Formula, Num, Proportional, Var, Veto

    unit = draw(st.sampled_from(ROW_UNITS))
    if draw(st.integers(min_value=0, max_value=9)) == 0:
        return draw(label_rules()), unit
    bare = {"%": "%", "万元": "元", "万人": "人"}.get(unit or "", unit or "")
    value_units = st.sampled_from(["%", bare, "", "例"])
    clauses: list[object] = []
    if draw(st.integers(min_value=0, max_value=5)) == 0:
        cond = draw(st.one_of(ranges(draw(value_units), "投诉"), st.just(Label("发生安全事故"))))
        clauses.append(Veto(cond))
    formula = st.sampled_from([
        BinOp("*", Var("完成率"), Var("指标分值")),
        BinOp("*", BinOp("/", BinOp("-", Var("完成率"), Num(Decimal("0.6"))), BinOp("-", Num(Decimal(1)),
              Num(Decimal("0.6")))), Var("指标分值")),
        BinOp("/", Var("指标分值"), Var("完成率")),
    ]).map(Formula)  # fmt: skip
    outcome = st.one_of(outcomes(), formula, st.just(ByHand()), st.just(ByHand(deduct=True)))
    for _ in range(draw(st.integers(min_value=0, max_value=3))):
        kind = draw(st.sampled_from(["value", "ratio", "deviation", "met"]))
        if kind == "met":
            clauses.append(Award(TargetMet(draw(st.sampled_from(["完成", "未完成"])), draw(st.booleans())),
                                 draw(outcome)))  # fmt: skip
            continue
        measure = {"value": Measure.VALUE, "ratio": Measure.RATIO, "deviation": Measure.DEVIATION}[kind]
        u = draw(value_units) if measure is Measure.VALUE else "%"
        clauses.append(Award(draw(ranges(u, "完成率", measure)), draw(outcome)))
    for _ in range(draw(st.integers(min_value=0, max_value=2))):
        kind = draw(st.sampled_from([StepKind.DISTANCE, StepKind.DISTANCE, StepKind.EVENTS, StepKind.ONCE]))
        per = draw(points)
        if kind is StepKind.ONCE:
            clauses.append(Deduction(StepKind.ONCE, per, None, event="发生一次"))
            continue
        step_unit = draw(value_units)
        step = Quantity(Decimal(draw(st.sampled_from([1, 2, 5, 10]))), step_unit)
        if kind is StepKind.EVENTS:
            clauses.append(Deduction(StepKind.EVENTS, per, step, event="发现一例"))
            continue
        at = draw(st.one_of(st.none(), st.integers(min_value=1, max_value=99)))
        start = None if at is None else Edge(Quantity(Decimal(at), step_unit), True)
        clauses.append(Deduction(
            StepKind.DISTANCE, per, step,
            draw(st.sampled_from([Direction.SHORTFALL, Direction.EXCESS, Direction.BOTH, None])),
            draw(st.sampled_from([Measure.VALUE, Measure.DEVIATION])),
            draw(st.sampled_from([None, PercentBasis.POINTS, PercentBasis.RELATIVE])),
            draw(st.sampled_from([None, Partial.PRORATA, Partial.CEIL, Partial.FLOOR])), start,
            points_max=draw(st.sampled_from([None, None, None, per + 1])),
        ))  # fmt: skip
    if draw(st.integers(min_value=0, max_value=4)) == 0:
        clauses.append(Proportional(linear=draw(st.sampled_from([None, True, False]))))
    return Rule(tuple(clauses), draw(st.booleans())), unit  # type: ignore[arg-type]
