"""Apply a parsed rule to an indicator's values: pure functions over nodes → Score.

Exact arithmetic throughout (Decimal, no float); the final score is rounded once, half-up
to the configured places. The trace records every step as data; the explanation (扣分原因)
is the trace in Chinese.

Why it is over 800 lines (issue 15): the evaluator still resolves units and percent bases as it
scores; once scoring/reading/bind.py decides those, the decision helpers leave and the explanation
writers (_describe_*, _explain) go to a module of their own.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from decimal import ROUND_CEILING, ROUND_DOWN, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from typing import Any

import attrs
from attrs import frozen

from ..errors import EvaluationError
from ..reading.bind import VALUE_KEYS as _VALUE_KEYS
from ..reading.bind import measured_subjects as _measured_subjects
from ..reading.bind import reads_value as _reads_value
from ..reading.bind import separate_inputs as _inputs_of
from ..reading.bind import ties_to_target, value_slots
from ..reading.scales import (
    Compare,
    Scale,
    Setting,
    band,
    default_direction,
    distance,
    met,
    pick,
    ratio,
    reference,
    same_unit,
    target_mismatch,
)
from ..reading.scales import award_op as _award_op
from ..reading.values import (
    Value,
    bare_quantity,
    comparator,
    is_missing,
    normalize_unit,
    parse_value,
    same_label,
    to_decimal,
    yes_no,
)
from ..rules.nodes import (
    Award,
    BinOp,
    ByHand,
    Composite,
    Condition,
    Deduction,
    Direction,
    Expr,
    Formula,
    FullMarks,
    Label,
    Measure,
    Node,
    Num,
    Op,
    Otherwise,
    Outcome,
    Partial,
    PercentBasis,
    Points,
    Quantity,
    Range,
    Rule,
    ShareOfWeight,
    StepKind,
    TargetMet,
    Var,
    Veto,
    Zero,
)

ZERO = Decimal(0)
ONE = Decimal(1)
HUNDRED = Decimal(100)

ROUNDING_MODES = {"half_up": ROUND_HALF_UP, "truncate": ROUND_DOWN}


@frozen
class Options:
    """How to score where the text is silent (docs/semantics.md); every field is a profile option."""

    places: int = 2  # decimals of an indicator's score
    rounding: str = "half_up"  # half_up (四舍五入) | truncate
    partial: Partial = Partial.PRORATA  # a partial step when the text does not say
    reverse: str = "ratio"  # ≤ targets with 按比例: ratio (target/actual) | linear (0 at twice the target)
    deduction_range: str | None = None  # 扣4-7分: None (ask for a hand score) | min | max | mid

    def __attrs_post_init__(self) -> None:
        if self.rounding not in ROUNDING_MODES:
            raise ValueError(f"rounding must be one of {sorted(ROUNDING_MODES)}, not {self.rounding!r}")
        if self.deduction_range not in (None, "min", "max", "mid"):
            raise ValueError("deduction_range must be None, 'min', 'max' or 'mid'")
        if self.reverse not in ("ratio", "linear"):
            raise ValueError(f"reverse must be 'ratio' or 'linear', not {self.reverse!r}")
        if not 0 <= self.places <= 6:
            raise ValueError("places must be between 0 and 6")


def make_options(**options: Any) -> Options:
    if "partial" in options and isinstance(options["partial"], str):
        names = {"prorata": Partial.PRORATA, "ceil": Partial.CEIL, "floor": Partial.FLOOR}
        try:
            options["partial"] = names[options["partial"]]
        except KeyError:
            raise ValueError(f"partial must be one of {sorted(names)}") from None
    try:
        return Options(**options)
    except TypeError as e:
        raise TypeError(f"unknown option: {e}") from None


@frozen
class Step:
    """One step of an evaluation: the clause applied, its inputs, and what it did to the score."""

    clause: str
    inputs: tuple[tuple[str, str], ...]
    delta: Decimal  # points added (base) or removed (negative)
    note: str = ""


class Score:
    """得分: the rounded points, the weight, the 扣分原因 and the trace (and ``exact``, the
    points before rounding). Immutable; two Scores are equal when their points, weight,
    explanation and trace are.

    Bulk scoring makes Scores with ``Score.later``: the points at once (from the compiled
    rule), the explanation, trace and exact value from the full evaluator on first use. The
    two must agree on the points; a disagreement is a bug and raises ``RuntimeError``."""

    __slots__ = ("_arg", "_exact", "_explanation", "_full", "_trace", "points", "weight")

    points: Decimal
    weight: Decimal
    _explanation: str
    _trace: tuple[Step, ...]
    _exact: Decimal
    _full: Callable[[Any], Score] | None
    _arg: Any

    def __init__(self, points: Decimal, weight: Decimal, explanation: str, trace: tuple[Step, ...], exact: Decimal):
        _set = object.__setattr__
        _set(self, "points", points)
        _set(self, "weight", weight)
        _set(self, "_explanation", explanation)
        _set(self, "_trace", trace)
        _set(self, "_exact", exact)
        _set(self, "_full", None)

    @classmethod
    def later(cls, points: Decimal, weight: Decimal, full: Callable[[Any], Score], arg: Any) -> Score:
        """A Score whose explanation, trace and exact value ``full(arg)`` gives when first asked
        (the argument is kept rather than a closure: a table keeps thousands of these)."""
        s = _new(cls)
        _set_points(s, points)  # the slots' own setters: bulk scoring makes tens of thousands of these
        _set_weight(s, weight)
        _set_full(s, full)
        _set_arg(s, arg)
        return s

    def _resolve(self) -> None:
        full = self._full
        assert full is not None
        whole = full(self._arg)
        if whole.points != self.points or whole.weight != self.weight:
            raise RuntimeError(f"内部错误（请报告）: 快速计分{self.points}与完整计分{whole.points}不一致")
        _set = object.__setattr__
        _set(self, "_explanation", whole.explanation)
        _set(self, "_trace", whole.trace)
        _set(self, "_exact", whole.exact)
        _set(self, "_full", None)
        _set(self, "_arg", None)

    @property
    def explanation(self) -> str:
        if self._full is not None:
            self._resolve()
        return self._explanation

    @property
    def trace(self) -> tuple[Step, ...]:
        if self._full is not None:
            self._resolve()
        return self._trace

    @property
    def exact(self) -> Decimal:
        if self._full is not None:
            self._resolve()
        return self._exact

    @property
    def lost(self) -> Decimal:
        return self.weight - self.points

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"Score is immutable: cannot set {name}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"Score is immutable: cannot delete {name}")

    def _key(self) -> tuple[Any, ...]:
        return (self.points, self.weight, self.explanation, self.trace)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Score):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return (f"Score(points={self.points!r}, weight={self.weight!r}, explanation={self.explanation!r}, "
                f"trace={self.trace!r}, exact={self.exact!r})")  # fmt: skip

    def __reduce__(self) -> tuple[Any, ...]:
        return (Score, (self.points, self.weight, self.explanation, self.trace, self.exact))

    def evolve(self, **changes: Any) -> Score:
        """A copy with some fields changed (like ``attrs.evolve``)."""
        fields: dict[str, Any] = dict(points=self.points, weight=self.weight, explanation=self.explanation,
                                      trace=self.trace, exact=self.exact)  # fmt: skip
        unknown = set(changes) - set(fields)
        if unknown:
            raise TypeError(f"Score has no field {sorted(unknown)}")
        fields.update(changes)
        return Score(**fields)


_new = object.__new__
_slots = vars(Score)  # the slots' member descriptors
_set_points, _set_weight = _slots["points"].__set__, _slots["weight"].__set__
_set_full, _set_arg = _slots["_full"].__set__, _slots["_arg"].__set__


@attrs.define
class _Ctx:
    weight: Decimal
    target: Value | None
    op: Op | None  # the comparator: given, or written in the target
    unit: str
    options: Options
    steps: list[Step] = attrs.Factory(list)
    ceiling: Decimal | None = None  # stated bonuses (加分) lift the weight's cap by what they added
    # the indicator as the reading's plans take it (scoring.reading.scales)
    setting: Setting = attrs.Factory(
        lambda c: Setting(c.unit, c.target.quantity if c.target is not None else None, c.op), takes_self=True
    )

    def step(self, clause: str, delta: Decimal, note: str = "", **inputs: object) -> None:
        self.steps.append(Step(clause, tuple((k, _fmt(v)) for k, v in inputs.items()), delta, note))


def _fmt(v: object) -> str:
    if isinstance(v, Quantity):
        return f"{_num(v.value)}{v.unit}"
    if isinstance(v, Decimal):
        return _num(v)
    return str(v)


def _num(d: Decimal) -> str:
    """A Decimal as people write it: no exponent, no trailing zeros (2.50 → 2.5)."""
    if d == d.to_integral_value():
        return str(d.quantize(ONE))
    s = format(d.normalize(), "f")
    return s


# ------------------------------------------------------------------ entry point


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
    u = row_unit(unit, tv)
    op = comparator(comparator_) if comparator_ else None
    if op is None and tv is not None:
        op = tv.op
    ctx = _Ctx(w, tv, op, u, opts)
    try:
        if isinstance(rule, Composite):
            exact = _composite(rule, actual, ctx)
        else:
            exact = _rule(rule, actual, ctx, w)
    except EvaluationError as e:
        if getattr(e, "hand_range", False) and opts.deduction_range is None:
            raise _hand_bounds(e, rule, actual, target, weight, comparator_, unit, opts) from None
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


def row_unit(unit: str | None, target: Value | None) -> str:
    """The row's unit, which a bare number takes: as given, or % where the target is a percent
    (85 on a row whose target is 90% is 85%, in evaluate, the command line and tables alike)."""
    u = normalize_unit(unit)
    if not u and target is not None and target.quantity.unit == "%":
        return "%"
    return u


def _target_value(target: Any, unit: str | None) -> Value | None:
    if target is None:
        return None
    if isinstance(target, float):
        raise TypeError("target must be Decimal, int or str, not float")
    if isinstance(target, (int, Decimal)) and not isinstance(target, bool):
        return Value(Quantity(Decimal(target), _base_unit(unit)))
    if isinstance(target, str):
        return parse_value(target, unit)
    raise TypeError(f"target must be Decimal, int or str, not {type(target).__name__}")


def _base_unit(unit: str | None) -> str:
    u = normalize_unit(unit)
    if u in ("百分比", "百分率"):
        return "%"
    return u[1:] if u.startswith(("万", "亿")) else u


# ------------------------------------------------------------------ actuals


@frozen
class _In:
    """An actual as the evaluator sees it."""

    quantity: Quantity | None = None  # with the table's unit where the text wrote none
    flag: bool | None = None  # 是/否: requirement met
    label: str | None = None  # a grade label
    raw: Quantity | None = None  # as written, without the table's unit


def _actual(value: Any, ctx: _Ctx) -> _In:
    if is_missing(value):
        raise EvaluationError(
            f"没有实际值（“{'' if value is None else str(value).strip()}”表示数据缺失）：缺失的数据不计分，请填写实际完成值"
        )
    if isinstance(value, float):
        raise TypeError("actual must be Decimal, int, str or bool, not float: pass str() or Decimal to keep it exact")
    if isinstance(value, bool):
        return _In(flag=value)
    if isinstance(value, int):
        return _In(bare_quantity(Decimal(value), ctx.unit), raw=Quantity(Decimal(value)))
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise EvaluationError(f"实际值不是有限数: {value}")
        return _In(bare_quantity(value, ctx.unit), raw=Quantity(value))
    if isinstance(value, str):
        yn = yes_no(value)
        v = parse_value(value, ctx.unit)
        if v is not None:
            raw = parse_value(value, None)
            return _In(v.quantity, yn, raw=raw.quantity if raw is not None else v.quantity)
        if yn is not None:
            return _In(flag=yn)
        return _In(label=value.strip())
    raise TypeError(f"actual must be Decimal, int, str, bool or a mapping, not {type(value).__name__}")


# ------------------------------------------------------------------ rules


def _points_within(rule: Rule, full: Decimal) -> None:
    """A rule written for another weight (完成率≥100%计10分 on an 8-point row) keeps its one top
    award and is capped by the weight (semantics §6); but a lower band worth more than the indicator
    (完毕率100以上(20分)完毕率75以上(1916分): 19-16分 with its dash lost) contradicts its row and is
    refused, never clamped."""
    points = [a.outcome.value for a in rule.awards if isinstance(a.outcome, Points)]
    over = [a for a in rule.awards if isinstance(a.outcome, Points) and a.outcome.value > full]
    if not over or (len(over) == 1 and points.count(max(points)) == 1 and over[0].outcome == Points(max(points))):
        return
    for a in over[1:] if len(over) > 1 else over:
        if isinstance(a.outcome, Points):
            raise EvaluationError(
                f"规则中的“{_describe_cond(a.condition)}得{_num(a.outcome.value)}分”超过本指标分值{_num(full)}分："
                "请核对分值，或是否印刷时丢失了“-”（如“19-16分”）"
            )


def _rule(rule: Rule, actual: Any, ctx: _Ctx, full: Decimal) -> Decimal:
    _points_within(rule, full)
    separate = _inputs_of(rule)
    per_clause: dict[int, _In] = {}
    slots = value_slots(rule)
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
        if len(separate) + (1 if _reads_value(rule) else 0) < 2:
            raise EvaluationError("这条规则只需要一个实际值，不需要分项")
        if _reads_value(rule) and not value_keys:
            raise EvaluationError("缺少“实际值”：这条规则还按数值计分，请写成 {'实际值': '95%', 1: …}")
        if value_keys and not _reads_value(rule):
            raise EvaluationError("这条规则不按数值计分，不需要“实际值”，只需要各事项的回答 {1: …, 2: …}")
        keyed = _keyed({k: v for k, v in actual.items() if k not in _VALUE_KEYS}, range(1, len(separate) + 1))
        counts = _Ctx(ctx.weight, ctx.target, ctx.op, "", ctx.options)  # a bare number there is a count
        for i, clause in enumerate(separate, 1):
            per_clause[id(clause)] = _actual(keyed[i], counts)
        x = _actual(actual[value_keys[0]], ctx) if value_keys else _In()
    else:
        x = _actual(actual, ctx)
        _one_answer_fits(rule, separate, x)

    # 1. vetoes
    for v in rule.vetoes:
        xi = per_clause.get(id(v), x)
        if _veto_holds(v.condition, xi, ctx):
            ctx.step(_describe_cond(v.condition) + "：直接计0分", -full, "否决条款")
            return ZERO

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
    if x.quantity is None and not per_clause and not has_events and (x.label is not None or not numeric):
        chosen = _choose_label(rule, x, ctx)
        if chosen is not None:
            return chosen

    # 2a. a number on a worded rule (完成得满分，未完成不得分 with 实际值 = the target; 发生安全事故不得分
    # with 0 events): met when it reaches the target, or when no event happened
    if (
        x.quantity is not None
        and not numeric
        and not _reads_value(rule)
        and not per_clause
        and not has_events
        and x.flag is None
    ):
        met = _number_meets(x, rule, ctx)
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
        if _reads_value(rule) and not any(isinstance(a.condition, TargetMet) for a in awards):
            raise EvaluationError(f"这条规则按数值计分，需要实际数值，而不是“{_show(x)}”")
        return _flag_on_numeric(rule, x.flag, ctx, full)

    # 3. bands: the first award whose condition holds
    if per_clause:
        all_clear = all(_no_events(per_clause[id(c)]) for c in separate if isinstance(c, Deduction))
    else:
        all_clear = False
    for a in awards:
        if isinstance(a.condition, (Label, Otherwise)):
            continue
        held = _holds(a.condition, x, ctx, rule, all_clear if per_clause else None)
        if held:
            _require_points(a)
            value = _outcome(a.outcome, x, ctx, full)
            ctx.step(_describe_award(a, ctx, full, x), value, "", 实际值=_show(x))
            if isinstance(a.outcome, Zero) and a.discretionary:
                ctx.steps[-1] = attrs.evolve(ctx.steps[-1], note="规则允许酌情扣分代替不得分，此处按不得分计")
            if rule.bonuses and value > 0:
                # 完成得基本分10分，多完成1%加1分: the band is the base, the stated bonuses add to it
                return _add_bonuses(rule, x, per_clause, ctx, value, full)
            return value

    if _gap_met(rule, x, ctx):
        ctx.step("达到目标", full, "实际值未低于目标，各档扣分均不适用", 实际值=_show(x))
        return full

    # 4. deductions from the full-marks points
    if rule.bonuses:
        return _with_bonuses(rule, x, per_clause, ctx, full)
    deductions = rule.deductions
    if deductions:
        base = _base_points(rule, ctx, full)
        ctx.step("基础分", base, "", 满分=base)
        score = base
        total = ZERO
        for d in deductions:
            xi = per_clause.get(id(d), x)
            lost = _deduct(d, xi, rule, ctx)
            if d.cap is not None and lost > d.cap:
                ctx.step(f"最多扣{_num(d.cap)}分", lost - d.cap, "扣分达到上限")
                lost = d.cap
            total += lost
        if rule.cap is not None and total > rule.cap:
            ctx.step(f"扣分合计最多{_num(rule.cap)}分", total - rule.cap, "扣分达到上限")
            total = rule.cap
        score -= total
        if score < 0 and rule.below_zero:
            ctx.step("可负分", ZERO, "规则写明该项可负分：扣分超过分值，得分为负")
        elif score < 0:
            ctx.step("扣完为止" if rule.until_exhausted else "最低0分", -score, "扣分超过分值，得分记为0")
            score = ZERO
        return min(score, full)

    # 5. proportional
    if rule.proportional is not None:
        return _proportional(rule, x, ctx, full)

    # 6. no clause covers the value: a gap
    ctx.step("未覆盖", ZERO, "没有任何条款覆盖这个实际值（规则有空档），记0分", 实际值=_show(x))
    return ZERO


# ------------------------------------------------------------------ bonuses (domain point 18)


def _gained(rule: Rule, x: _In, per_clause: dict[int, _In], ctx: _Ctx, base: Decimal) -> Decimal:
    """What the stated bonuses add, each bounded by its own cap, then all by the rule's."""
    total = ZERO
    for d in rule.bonuses:
        xi = per_clause.get(id(d), x)
        if d.kind is StepKind.DISTANCE and d.direction is None:
            # a bonus counts the better side: above the line on a ≥ row, below it on a ≤ row
            side = _default_direction(ctx, rule)
            if side is Direction.BOTH:
                raise EvaluationError(f"“{d.event}”加分的方向未写明（高于还是低于时加分），指标值类型也未给出")
            d = attrs.evolve(d, direction=Direction.EXCESS if side is Direction.SHORTFALL else Direction.SHORTFALL)
        if d.kind is not StepKind.DISTANCE and xi.quantity is None and xi.flag is not None:
            # 获先进集体…加2分 answered 是/否: 是 means the bonus was earned (once)
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
    if rule.bonus_cap is not None and total > rule.bonus_cap:
        ctx.step(f"加分合计最多{_num(rule.bonus_cap)}分", rule.bonus_cap - total, "加分达到上限")
        total = rule.bonus_cap
    if rule.bonus_cap_base and total > base:
        ctx.step("加分不超过基本分", base - total, "加分达到上限")
        total = base
    return total


def _add_bonuses(rule: Rule, x: _In, per_clause: dict[int, _In], ctx: _Ctx, value: Decimal, full: Decimal) -> Decimal:
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


def _with_bonuses(rule: Rule, x: _In, per_clause: dict[int, _In], ctx: _Ctx, full: Decimal) -> Decimal:
    """Deductions and stated bonuses from a base: the award's points, or the weight; a rule of bonuses
    alone (每开展一项加2分，最高不超过4分) counts up from 0 and stays within the weight (domain point 18)."""
    alone = not rule.awards and all(d.bonus for d in rule.deductions)
    base = ZERO if alone else _base_points(rule, ctx, full)
    ctx.step("基础分", base, "按加分从0计" if alone else "", 满分=base)
    lost = ZERO
    for d in rule.deductions:
        if d.bonus:
            continue
        one = _deduct(d, per_clause.get(id(d), x), rule, ctx)
        if d.cap is not None and one > d.cap:
            ctx.step(f"最多扣{_num(d.cap)}分", one - d.cap, "扣分达到上限")
            one = d.cap
        lost += one
    if rule.cap is not None and lost > rule.cap:
        ctx.step(f"扣分合计最多{_num(rule.cap)}分", lost - rule.cap, "扣分达到上限")
        lost = rule.cap
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


_EVENT_VERBS = ("发生", "出现", "发现", "存在")


def _event_words(text: str) -> bool:
    """A condition that names an event (发生安全事故, 出现流失情况): a count of it can answer it."""
    return any(w in text for w in _EVENT_VERBS)


def _input_name(c: Deduction | Veto) -> str:
    if isinstance(c, Deduction):
        return c.event or "扣分事项"
    return _describe_cond(c.condition)


def _one_answer_fits(rule: Rule, separate: Sequence[Deduction | Veto], x: _In) -> None:
    """One answer fills one input: a rule that needs several (a value and an event, two events)
    is refused with what it needs, rather than copying the answer to each."""
    values = _measured_subjects(rule)
    needs = len(separate) + max(len(values), 1 if _reads_value(rule) else 0)
    if needs < 2:
        return
    slots = value_slots(rule)
    if slots is not None:
        named = [f"{i}：{name or _input_name(cs[0])}" for i, (name, cs) in enumerate(slots, 1)]
        raise EvaluationError(
            f"这条规则需要{len(slots)}个实际值（{'；'.join(named)}），一个答案不能同时用于几项："
            f"请按编号分别给出，如 {{1: '95%', 2: '90%'}}"
        )
    names = (values if len(values) > 1 else ["实际值"] if _reads_value(rule) else []) + [
        f"{i}：{_input_name(c)}" for i, c in enumerate(separate, 1)
    ]
    raise EvaluationError(
        f"这条规则需要{needs}个实际值（{'；'.join(names)}），一个答案不能同时用于几项："
        f"请分别给出，如 {{'实际值': '95%', 1: '否'}}"
    )


def _as_count(x: _In) -> Quantity:
    """The answer as a count: as written where it wrote no unit (3 on a % row is 3 cases, not 3%)."""
    assert x.quantity is not None
    return x.raw if x.raw is not None and not x.raw.unit else x.quantity


def _number_meets(x: _In, rule: Rule, ctx: _Ctx) -> bool | None:
    """Whether a number satisfies a worded rule: against a numeric target where every worded
    condition says the target is reached (完成 ⇔ the outcome reaches the target), or as a count of
    the event every condition names. None: a number cannot answer these words."""
    assert x.quantity is not None
    worded = [a.condition for a in rule.awards if isinstance(a.condition, (Label, TargetMet))]
    tied = bool(worded) and all(ties_to_target(c.text) for c in worded)
    # 发生安全事故不得分 / 全年不出现“要情”事件计8分，否则不计分 / 完成满分，发生信访则不得分: the
    # conditions name an event (present or absent; 完成 beside them means none happened)
    events = any(_event_words(c.text) for c in worded) and all(
        _event_words(c.text) or ties_to_target(c.text) for c in worded
    )
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


def _flag_on_numeric(rule: Rule, met: bool, ctx: _Ctx, full: Decimal) -> Decimal:
    values = [_outcome(a.outcome, _In(flag=met), ctx, full) for a in rule.awards if not isinstance(a.outcome, Formula)]
    if met:
        best = max(values, default=full) if values else full
        best = _base_points(rule, ctx, full) if rule.deductions else best
        ctx.step("达标", best, "实际值为“是”：按达标计分", 实际值="是")
        return best
    for a in rule.awards:
        if isinstance(a.outcome, ByHand) and _negative_or_unmet(a):
            _require_points(a)
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
        ctx.step("基础分", score, "", 满分=score)
        for d in rule.deductions:
            score -= _deduct(d, _In(flag=False), rule, ctx)
        return max(score, ZERO)
    raise EvaluationError("这条规则按数值扣分，“否”不足以计分：请给出实际数值")


def _keyed(actual: Mapping[Any, Any], numbers: Sequence[int]) -> dict[int, Any]:
    """The answers by item number; every one of ``numbers`` (as the rule numbers its items:
    ①③ is 1 and 3) answered, and no other."""
    out: dict[int, Any] = {}
    for k, v in actual.items():
        out[_item_number(k)] = v
    missing = [i for i in dict.fromkeys(numbers) if i not in out]
    if missing:
        raise EvaluationError(f"缺少第{'、'.join(str(i) for i in missing)}项的实际值")
    extra = [i for i in out if i not in numbers]
    if extra:
        raise EvaluationError(f"没有第{'、'.join(str(i) for i in extra)}项")
    return out


def _item_number(k: Any) -> int:
    if isinstance(k, bool):
        raise EvaluationError(f"分项编号无效: {k!r}")
    if isinstance(k, int):
        return k
    s = str(k).strip()
    marks = "①②③④⑤⑥⑦⑧⑨⑩"
    if s and s[0] in marks:
        return marks.index(s[0]) + 1
    if s.isascii() and s.isdigit():
        return int(s)
    raise EvaluationError(f"分项编号无效: {k!r}")


def _show(x: _In) -> str:
    if x.quantity is not None:
        return _fmt(x.quantity)
    if x.flag is not None:
        return "是" if x.flag else "否"
    return x.label or ""


def _no_events(x: _In) -> bool:
    if x.quantity is not None:
        return x.quantity.value == 0
    return bool(x.flag)


# ------------------------------------------------------------------ conditions


def _veto_holds(cond: Condition, x: _In, ctx: _Ctx) -> bool:
    if isinstance(cond, Range):
        if x.quantity is None:
            raise EvaluationError(f"否决条款“{_describe_cond(cond)}”需要数值实际值，而不是“{_show(x)}”")
        return _in_range(cond, x, ctx)
    # a worded veto (发生数据泄露…): the input says whether the requirement was met, or counts the event
    if x.flag is not None:
        return not x.flag
    text = getattr(cond, "text", "")
    if x.quantity is not None and _event_words(text) and not x.quantity.is_percent:
        if x.quantity.value < 0:
            raise EvaluationError(f"次数不能为负: {_fmt(x.quantity)}")
        return x.quantity.value > 0
    raise EvaluationError(f"否决条款“{_describe_cond(cond)}”需要“是/否”（或事件次数），而不是“{_show(x)}”")


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
        met = _target_met(x, ctx, rule, events_clear)
        return met != cond.negated
    return False


def _target_met(x: _In, ctx: _Ctx, rule: Rule, events_clear: bool | None) -> bool:
    if events_clear is not None:
        return events_clear
    if x.flag is not None and x.quantity is None:
        return x.flag
    events = any(isinstance(d, Deduction) and d.kind is not StepKind.DISTANCE for d in rule.clauses)
    if x.quantity is None:
        raise EvaluationError(f"无法判断“{_show(x)}”是否达标")
    if events:
        once = [d for d in rule.deductions if d.kind is StepKind.ONCE and not _event_words(d.event)]
        if once or _as_count(x).is_percent:
            # 未如期完成且无充分理由的扣3分: no event a number could count
            raise EvaluationError(
                f"需要说明“{once[0].event if once else '扣分事项'}”是否发生（是/否），而不是“{_show(x)}”"
            )
        if x.quantity.value < 0:
            raise EvaluationError(f"次数不能为负: {_fmt(x.quantity)}")
        return x.quantity.value == 0
    m = met(_reference(rule, ctx, None), ctx.op or _award_op(rule) or Op.GE, _scale(x))
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


def _scale(x: _In) -> Scale:
    """The answer's scale: its unit, and whether it wrote one (the reading's plans are per scale)."""
    assert x.quantity is not None
    return Scale(x.quantity.unit, x.raw is None or bool(x.raw.unit))


def _number(x: _In, source: str) -> Quantity:
    """The number a plan reads: the value in base units, or as written in the rule's unit."""
    assert x.quantity is not None
    return x.raw if source == "raw" and x.raw is not None else x.quantity


def _compared(plan: Compare, x: _In) -> Decimal:
    """The number a clause compares, as the reading's plan for this answer's scale says; its
    refusal where the plan has one."""
    q = _number(x, plan.source)
    if plan.error:
        raise EvaluationError(plan.error.replace("{q}", _fmt(Quantity(q.value, plan.unit))))
    return plan.measure(q.value)


def _gap_met(rule: Rule, x: _In, ctx: _Ctx) -> bool:
    """The target is met on a rule of bands on the shortfall: none of them applies (domain point 16)."""
    gaps = [a.condition for a in rule.awards if isinstance(a.condition, Range) and a.condition.measure is Measure.GAP]
    return bool(gaps) and x.quantity is not None and _compared(band(gaps[0], ctx.setting, _scale(x)), x) <= 0


def _numeric_target(ctx: _Ctx) -> Quantity:
    if ctx.target is None:
        raise EvaluationError("这条规则需要数值指标值（target）")
    return ctx.target.quantity


def _in_range(cond: Range, x: _In, ctx: _Ctx) -> bool:
    v = _compared(band(cond, ctx.setting, _scale(x)), x)
    if cond.measure is Measure.GAP and v <= 0:
        return False  # the target is met: no band on the shortfall applies
    if cond.low is not None:
        lo = cond.low.value.value
        if v < lo or (v == lo and not cond.low.inclusive):
            return False
    if cond.high is not None:
        hi = cond.high.value.value
        if v > hi or (v == hi and not cond.high.inclusive):
            return False
    return True


# ------------------------------------------------------------------ outcomes


def _outcome(o: Outcome, x: _In, ctx: _Ctx, full: Decimal) -> Decimal:
    if isinstance(o, FullMarks):
        return full
    if isinstance(o, Points):
        return o.value
    if isinstance(o, ShareOfWeight):
        return full * o.percent / HUNDRED
    if isinstance(o, (Zero, ByHand)):
        return ZERO  # ByHand: ranks lowest; choosing it asks for a hand score (_require_points)
    if isinstance(o, Formula):
        return _expr(o.expr, x, ctx, full)
    raise AssertionError(o)


def _expr(e: Expr, x: _In, ctx: _Ctx, full: Decimal) -> Decimal:
    if isinstance(e, Num):
        return e.value
    if isinstance(e, Var):
        name = e.name
        if "分值" in name or name in ("满分", "权重"):
            return full
        if name.endswith("率") or name in ("完成比例", "比例"):
            if x.quantity is None:
                raise EvaluationError(f"公式需要{name}的数值")
            if x.quantity.is_percent:
                return x.quantity.value / HUNDRED
            return _compared(ratio(ctx.setting, "q", x.quantity.unit), x) / HUNDRED
        raise EvaluationError(f"公式中的“{name}”没有定义")
    if isinstance(e, BinOp):
        a = _expr(e.left, x, ctx, full)
        b = _expr(e.right, x, ctx, full)
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


def _base_points(rule: Rule, ctx: _Ctx, full: Decimal) -> Decimal:
    for a in rule.awards:
        if isinstance(a.outcome, FullMarks):
            return full
        if isinstance(a.outcome, Points) and a.outcome.value > 0:
            return a.outcome.value
    return full


# ------------------------------------------------------------------ deductions


def _reference(rule: Rule, ctx: _Ctx, d: Deduction | None) -> Quantity | None:
    """Where steps are counted from: the reading's decision (scoring.reading.bind.reference)."""
    return reference(rule, d, ctx.unit, ctx.target.quantity if ctx.target is not None else None)[0]


def _default_direction(ctx: _Ctx, rule: Rule | None) -> Direction:
    return default_direction(ctx.op, rule)[0]  # the reading's decision (semantics §4)


def _deduct(d: Deduction, x: _In, rule: Rule, ctx: _Ctx) -> Decimal:
    per = d.points if isinstance(d.points, Decimal) else _expr(d.points, x, ctx, ctx.weight)
    if d.points_max is not None:
        choice = ctx.options.deduction_range
        if choice is None:
            if (x.quantity is not None and x.quantity.value == 0 and x.flag is None) or x.flag is True:
                return ZERO
            err = EvaluationError(
                f"“{d.event}”扣{_num(per)}-{_num(d.points_max)}分：扣分是区间，需要人工确定（或设置 deduction_range=min|max|mid）"
            )
            err.hand_range = True  # type: ignore[attr-defined]  # evaluate() adds the bounds of the hand score
            raise err
        per = {"min": per, "max": d.points_max, "mid": (per + d.points_max) / 2}[choice]
    partial = d.partial if d.partial is not None else ctx.options.partial
    if d.kind is StepKind.ONCE:
        if x.flag is None and (x.quantity is None or not _event_words(d.event) or x.quantity.is_percent):
            raise EvaluationError(f"需要说明“{d.event}”是否发生（是/否，或它发生的次数），而不是“{_show(x)}”")
        if x.flag is None and x.quantity is not None and x.quantity.value < 0:
            raise EvaluationError(f"次数不能为负: {_fmt(x.quantity)}")
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
        q = x.raw if x.raw is not None and not x.raw.unit else x.quantity
        if q.is_percent:
            raise EvaluationError(f"需要次数，而不是百分比{_fmt(q)}")
        if q.value < 0:
            raise EvaluationError(f"次数不能为负: {_fmt(q)}")
        assert d.step is not None
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
    ref = plan.line
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
    moved = dist / abs(rv) * HUNDRED if plan.relative else dist
    if plan.basis is PercentBasis.RELATIVE:
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
    subject = subject.rstrip("的") or "实际值"
    ctx.step(
        f"{subject}{_fmt(q)}，{how}，按每{_fmt(d.step)}扣{_num(per)}分",
        -lost,
        _partial_note(partial, steps),
        实际值=q,
        参照值=ref,
    )
    return lost


def _fail(msg: str) -> Decimal:
    raise EvaluationError(msg)


def _q4(d: Decimal) -> Decimal:
    return d.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP).normalize()


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


# ------------------------------------------------------------------ proportional


def _proportional(rule: Rule, x: _In, ctx: _Ctx, full: Decimal) -> Decimal:
    if x.quantity is None:
        if x.flag is not None:
            return full if x.flag else _fail("按比例赋分需要完成的数值（如完成率）")
        raise EvaluationError("按比例赋分需要数值实际值")
    base = _base_points(rule, ctx, full)
    q = x.quantity
    op = ctx.op or Op.GE
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


# ------------------------------------------------------------------ worded rules


def _choose_label(rule: Rule, x: _In, ctx: _Ctx) -> Decimal | None:
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
    full = ctx.weight
    values = [(a, _outcome(a.outcome, x, ctx, full)) for a in awards]
    if x.label is not None:
        match = _match_label(awards, x.label)
        if match is None:
            labels = "、".join(_describe_cond(a.condition) for a in awards if a.condition is not None)
            raise EvaluationError(f"“{x.label}”不是这条规则的等级，应为: {labels}（或是/否）")
        value = dict((id(a), v) for a, v in values)[id(match)]
        ctx.step(_describe_award(match, ctx, full), value, "", 实际值=x.label)
        _require_points(match)
        return value
    if x.flag is None:
        return None
    positive = [(a, v) for a, v in values if not _negative(a)]
    negative = [(a, v) for a, v in values if _negative(a)]
    if x.flag:
        if positive:
            a, v = max(positive, key=lambda p: p[1])
            ctx.step(_describe_award(a, ctx, full), v, "达标", 实际值="是")
            return v
        ctx.step("未发生扣分情形，得满分", full, "规则只写了不得分的情形", 实际值="是")
        return full
    if negative:
        a, v = min(negative, key=lambda p: p[1])
        _require_points(a)
        ctx.step(_describe_award(a, ctx, full), v, "未达标", 实际值="否")
        return v
    if len(positive) > 1:
        a, v = min(positive, key=lambda p: p[1])
        ctx.step(_describe_award(a, ctx, full), v, "未达标：取最低一档", 实际值="否")
        return v
    ctx.step("未达标，不得分", ZERO, "规则只写了得分的情形，未达标记0分", 实际值="否")
    return ZERO


def _negative_or_unmet(a: Award) -> bool:
    c = a.condition
    return c is None or isinstance(c, Otherwise) or (isinstance(c, (Label, TargetMet)) and c.negated)


def _require_points(a: Award) -> None:
    if isinstance(a.outcome, ByHand):
        cond = _describe_cond(a.condition)
        raise EvaluationError(f"“{cond}”时规则规定酌情评分，需要人工给出得分")


def _negative(a: Award) -> bool:
    c = a.condition
    if isinstance(c, Otherwise):
        return True
    if isinstance(c, (Label, TargetMet)) and c.negated:
        return True
    if isinstance(c, Label) and isinstance(a.outcome, (Zero, ByHand)):
        return True  # 发生安全事故不得分 / 根据部门自评材料评定: the clause for a requirement not met
    return False


def _match_label(awards: list[Award], label: str) -> Award | None:
    def text(a: Award) -> str:
        c = a.condition
        return c.text if isinstance(c, (Label, Otherwise, TargetMet)) else ""

    same = [a for a in awards if same_label(label, text(a))]
    if same:
        return same[0]
    # 比上年提高显著 answered 显著: the grade word after the subject the labels share, never after a
    # word that changes it (部分完成 is not 完成, 不明显 is not 明显)
    graded = [
        a for a in awards
        if text(a).endswith(label) and len(text(a)) > len(label) and not text(a)[: -len(label)].endswith(_MODIFIERS)
    ]  # fmt: skip
    if len(graded) == 1:
        return graded[0]
    return None


_MODIFIERS = ("未", "不", "没", "没有", "无", "非", "部分", "基本", "大部分", "全部", "较", "比较", "尚", "均")


# ------------------------------------------------------------------ composite


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


def _composite(c: Composite, actual: Any, ctx: _Ctx) -> Decimal:
    if c.shared is not None:
        # 发生安全事故的直接计0分。①…②…: a clause over all items, with no input of its own in a
        # mapping of item answers; refused rather than left out of the score
        raise EvaluationError(
            f"分项之前的总括条款（{_describe_shared(c.shared)}）暂不能计分：请把它写进各分项，或拆成单独的指标"
        )
    if not isinstance(actual, Mapping):
        if len(c.items) == 1:
            actual = {c.items[0].number: actual}
        else:
            graded = _composite_as_grades(c, actual, ctx)
            if graded is not None:
                return graded
            raise EvaluationError(f"分项规则需要每一项的实际值（如 {{1: '是', 2: 3}}），共{len(c.items)}项")
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


def _worded_conditions(rule: Rule) -> str:
    return "、".join(_describe_cond(a.condition) for a in rule.awards if a.condition is not None) or "文字条件"


def _describe_shared(rule: Rule) -> str:
    parts = [_describe_cond(c.condition) for c in rule.clauses if isinstance(c, (Award, Veto))]
    parts += [d.event for d in rule.deductions if d.event]
    return "；".join(p for p in parts if p) or "总括条款"


# ------------------------------------------------------------------ explanations


def _describe_cond(c: Condition | None) -> str:
    if c is None:
        return ""
    if isinstance(c, (Label, Otherwise)):
        return c.text
    if isinstance(c, TargetMet):
        return c.text or ("未完成" if c.negated else "完成")
    return range_text(c)


def range_text(c: Range) -> str:
    name = c.subject or {"实际值": "实际值", "偏离度": "偏离度", "完成比例": "完成比例"}[c.measure.value]
    if c.measure is not Measure.VALUE:
        name = c.measure.value
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
        return "酌情评分（人工给分）"
    return "按公式计分"


def _describe_award(a: Award, ctx: _Ctx, full: Decimal, x: _In | None = None) -> str:
    cond = _describe_cond(a.condition)
    said = _describe_outcome(a.outcome, full)
    if isinstance(a.outcome, Formula) and x is not None:
        try:
            said = f"得分={_formula_text(a.outcome.expr, x, ctx, full, _has_rate(a.outcome.expr))}"
        except EvaluationError:
            pass
    return f"{cond}：{said}" if cond else said


# 扣分原因 as a reviewer writes them (contained: issue 12 item 5): an event count without the step
# it was written with (出现负面事件3例, not 出现负面事件每1例3); a formula with its numbers.


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
    return False


def _formula_text(e: Expr, x: _In, ctx: _Ctx, full: Decimal, rate: bool, outer: str = "") -> str:
    """（完成率68.75%-60%）/（1-60%）×10: the formula with the row's numbers in it."""
    if isinstance(e, Num):
        v = e.value
        return f"{_num(v * HUNDRED)}%" if rate and ZERO < v < ONE else _num(v)
    if isinstance(e, Var):
        value = _expr(e, x, ctx, full)
        if "分值" in e.name or e.name in ("满分", "权重"):
            return _num(value)
        return f"{e.name}{_num(_q4(value * HUNDRED))}%"
    if isinstance(e, BinOp):
        op = {"*": "×", "/": "/"}.get(e.op, e.op)
        text = _formula_text(e.left, x, ctx, full, rate, e.op) + op + _formula_text(e.right, x, ctx, full, rate, e.op)
        return f"（{text}）" if e.op in "+-" and outer in ("*", "/", "-") else text
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
