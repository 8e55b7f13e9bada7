"""The typed AST of a scoring rule: frozen attrs nodes and the enums of every reading.

Nodes are data. They hold no lark objects, do no parsing and no I/O. Every convention
the rule text can leave implicit (inclusive edges, percentage points or relative steps,
partial steps, direction of a deviation) is an enum field together with a ``stated``
flag saying whether the text stated it or a default of ``docs/semantics.md`` supplied it.
Source spans are excluded from equality so that ``parse(render(rule)) == rule``.
"""

from __future__ import annotations

import datetime
import enum
import functools
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs
from attrs import frozen

if TYPE_CHECKING:
    from ..text.normalize import Change


def _span() -> Any:
    """A source span (start, end) in characters: excluded from equality and repr."""
    return attrs.field(default=None, eq=False, repr=False)


class Op(enum.Enum):
    """比较: how a value is compared with a bound."""

    GE = "≥"
    GT = ">"
    LE = "≤"
    LT = "<"
    EQ = "="


class Measure(enum.Enum):
    """度量: what a condition or step measures."""

    VALUE = "实际值"  # the actual value itself
    DEVIATION = "偏离度"  # |actual − target| / target, as a percentage
    RATIO = "完成比例"  # actual / target, as a percentage (完成指标值的90%)
    # target − actual in percentage points (低于目标10个百分点以内): a band on the shortfall, which no
    # band covers once the target is met (domain point 16)
    GAP = "差距百分点"
    # (actual − reference) / reference, as a percentage, where the actual is over the reference (超出预算10%以内,
    # 超支5%-10%): a band on the excess, which no band covers while the actual is within the reference
    # (domain points 4, 16; semantics §82)
    EXCESS = "超出幅度"


class Direction(enum.Enum):
    """扣分方向: which side of the reference loses points."""

    SHORTFALL = "低于"  # 低于 减少 下降 少 不足
    EXCESS = "超出"  # 超支 超出 超过 高于 提高
    BOTH = "偏离"  # 偏差/偏离 on an = target


class PercentBasis(enum.Enum):
    """百分比口径: what a percent step is a percent of."""

    POINTS = "百分点"  # percentage points of a rate
    RELATIVE = "相对"  # percent of the reference amount


class Partial(enum.Enum):
    """不足一档: how a partial step counts."""

    PRORATA = "按比例"
    CEIL = "按一档计"
    FLOOR = "不计"


class StepKind(enum.Enum):
    """What a deduction counts."""

    DISTANCE = "差距"  # the distance of the actual from a reference, in steps
    EVENTS = "次数"  # the number of events that happened (每发现一例)
    ONCE = "一次性"  # a deduction with no quantity: once, when the event happened


# ----------------------------------------------------------------- quantities


@frozen(cache_hash=True)  # a key of the reading's plan caches (reading/scales.py)
class Quantity:
    """数量: a number with its unit, in base units (万 already multiplied out)."""

    value: Decimal
    unit: str = ""  # "" (bare number), "%", "个百分点", "分", or a counter/unit word: 人 次 元 月 …

    @property
    def is_percent(self) -> bool:
        return self.unit in ("%", "个百分点")


@frozen(cache_hash=True)  # a key of the reading's plan caches (reading/scales.py)
class Edge:
    """区间端点: a bound and whether it is included."""

    value: Quantity
    inclusive: bool
    stated: bool = attrs.field(default=True, eq=False)  # False: inclusivity is the default reading of a dash range


# ----------------------------------------------------------------- conditions


@frozen(cache_hash=True)  # a key of the reading's plan caches (reading/scales.py)
class Range:
    """条件: the measured value lies between two edges (either may be open)."""

    measure: Measure
    low: Edge | None = None
    high: Edge | None = None
    subject: str = ""  # 满意度, 完成率 … as written (may be empty)
    span: tuple[int, int] | None = _span()
    # numbers inside the subject's name (市民对12345服务平台…的满意度, 35岁及以下的…), as written in ``subject``:
    # part of what is measured, never an edge (semantics §57)
    named: tuple[Quantity, ...] = ()
    # 偏离度=|实际值-目标值|/目标值 before bands on 偏离度: the name of the rule's definition the band measures, a
    # deviation relative to the target on both sides, whatever the comparator (semantics §96); "" for a deviation
    # band on the comparator's side (§4)
    defined: str = ""
    # 优（100%） / 良（90%-100%） / 完成率90%以上（优秀）: the grade that names the band, an answer of its own that
    # scores the band as a value in it does (semantics §103); "" for a band named by no grade
    grade: str = ""
    # 倒数3名 / 倒数第2名: places counted from the last (semantics §109): the edges are places from the last, 1 the
    # last; the answer's number ranked turns them into ranks (倒数3名 of 20 is 第18名 and after)
    from_last: bool = False


@frozen
class MonthDay:
    """11月30日前 / 6月底前: a deadline written without its year (semantics §80). The year is the row's
    business, never guessed: the answer beside it is met or not, or how late, never a date."""

    month: int
    day: int
    # 2月底 before steps of time late (semantics §113): the month's last day, whichever it is (day 29: a date by
    # month and day is never past it; with a year it is that year's last day of February)
    end: bool = False

    def isoformat(self) -> str:
        return f"--{self.month:02d}-{self.day:02d}"  # ISO 8601's form of a date with no year

    def __str__(self) -> str:
        return f"{self.month}月底" if self.end else f"{self.month}月{self.day}日"


@frozen
class Label:
    """事项: a condition stated in words (完成, 未完成, 发生安全事故, 显著, 一般)."""

    text: str
    negated: bool = False  # 未完成, 不符合, 否则, 反之
    span: tuple[int, int] | None = _span()
    # 2024年年底前完成: the deadline the words state (their date, read; the last day of a year or month
    # when no day is written; a MonthDay when no year is written, §80). The requirement stays the words: met
    # or not, or the units late a step counts
    deadline: datetime.date | MonthDay | None = None
    # 8月底以后开工 beside deadlines: the date the words start after (a late band, never a deadline, §88)
    start: datetime.date | MonthDay | None = None
    # 设立举报电话且24小时有人值守: the words joined by 且 / 并且 / 同时, each of which must hold for the
    # condition to be met (semantics §93); () where the words are one requirement. 是 says all of them hold
    parts: tuple[str, ...] = ()


@frozen
class Otherwise:
    """否则 / 反之: the opposite of the clause before."""

    text: str = "否则"
    span: tuple[int, int] | None = _span()


@frozen
class TargetMet:
    """达标: the indicator's target is met (完成, 全部完成, 按方案执行 in a numeric rule).

    In a rule that counts events it means no event happened. ``negated``: not met (未完成).
    ``requirement``: in such a rule, the band that states what an event falls short of
    (时限为3个工作日，计4分，发现一例不符合要求的扣1分: an event is a case over 3 working days); the
    count of events is the input, the band says what is counted.
    """

    text: str = ""
    negated: bool = False
    requirement: Range | None = None
    span: tuple[int, int] | None = _span()
    deadline: datetime.date | MonthDay | None = None  # 2024年年底前完成: as Label.deadline
    # 专题栏目1月整理更新1次 (every 1 month, once): the period a frequency's count is per, where its length is written
    # (semantics §156); ``requirement`` holds the count. None where no length is written (每月: the word says it)
    every: Quantity | None = None


@frozen
class All:
    """满意度达到90%且投诉率低于1%: conditions on different things joined by 且 / 并且 / 同时, each its own
    typed input (answered under 1, 2, … in the order written), all of which must hold (semantics §100).
    A part is a band of its own measured value (its unit its own) or a requirement in words (是/否)."""

    parts: tuple[Range | Label, ...]
    span: tuple[int, int] | None = _span()


@frozen
class AnyOf:
    """不足60%，或运行管护效果较差，不得分: a band and words joined by 或 where both are inputs the rule's ``All``
    tiers already ask for (semantics §143): it holds where either part does. Only beside such tiers."""

    parts: tuple[Range | Label, ...]
    span: tuple[int, int] | None = _span()


Condition = Range | Label | Otherwise | TargetMet | All | AnyOf


# ----------------------------------------------------------------- outcomes


@frozen
class FullMarks:
    """满分: the indicator's weight (or the sub-item's points)."""


@frozen
class Points:
    """得N分."""

    value: Decimal


@frozen
class ShareOfWeight:
    """得指标分值80%: a share of the weight."""

    percent: Decimal


@frozen
class ShareOfRank:
    """按第1名的比例得分 (semantics §109): the points of rank ``rank``'s award × this one's value ÷ that rank's value (of
    what the ranking is by); the answer gives the rank and, where this award is the one that holds, both values."""

    rank: Decimal


@frozen
class Zero:
    """不得分."""


@frozen
class ByHand:
    """酌情扣分 / 评定: the text gives no points; an evaluator gives the score by hand.

    ``low``/``high``: a band that awards a range of points (良好8-9分, 得5-3分; domain point 22):
    the hand score lies within them. None: no bounds but the weight's.
    """

    low: Decimal | None = None
    high: Decimal | None = None
    share: bool = False  # 得60%-80%分值: ``low``/``high`` are percents of the weight (semantics §78)
    # 酌情扣分 / 视情况扣减: a deduction by hand, not an award (酌情评分, 评定): where its condition does not hold
    # nothing is deducted (semantics §86)
    deduct: bool = False

    def bounds(self, full: Decimal) -> tuple[Decimal, Decimal] | None:
        """The hand score's bounds in points, on a weight of ``full`` (None: no bounds but the weight's)."""
        if self.low is None or self.high is None:
            return None
        return (full * self.low / 100, full * self.high / 100) if self.share else (self.low, self.high)


@frozen
class Num:
    """A number in a formula (a percent is already divided by 100)."""

    value: Decimal


@frozen
class Var:
    """A named quantity in a formula: 完成率, 指标分值, 满意度分值."""

    name: str


@frozen
class BinOp:
    """Arithmetic in a formula."""

    op: str  # + - * /
    left: Expr
    right: Expr


@frozen
class Abs:
    """|实际值-目标值|: the absolute value of an expression (semantics §78)."""

    arg: Expr


Expr = Num | Var | BinOp | Abs


@frozen
class Formula:
    """得分=…: points computed from a formula. ``cap``: 最高5分 after it (the points are at most the cap; the
    clamp at the weight holds as well, so a cap above the weight changes nothing: semantics §63). ``rates``: names of
    the formula the rule defines as a ratio of names the formula cannot work out (预算执行率=实际支出数/调整后预算数×100%),
    each with its definition: the answer is that rate itself, written as a % (semantics §164)."""

    expr: Expr
    cap: Decimal | None = None
    rates: tuple[tuple[str, Expr], ...] = ()


Outcome = FullMarks | Points | ShareOfWeight | Zero | Formula | ByHand | ShareOfRank


# ----------------------------------------------------------------- clauses


@frozen
class Award:
    """条件→得分: when the condition holds the indicator scores the outcome."""

    condition: Condition | None
    outcome: Outcome
    discretionary: bool = False  # 不得分或扣相应分数: 0, though the text lets an evaluator deduct less
    span: tuple[int, int] | None = _span()


@frozen
class Veto:
    """否决: when the condition holds the indicator scores 0, whatever else applies."""

    condition: Condition
    span: tuple[int, int] | None = _span()


@frozen
class Waiver:
    """但…的，可不扣分: an exception; when its condition holds the rule's deductions (扣分) are not made. Vetoes
    and zero bands still apply. Its condition is its own 是/否 (semantics §105)."""

    condition: Label
    # the numbers written in its words (…平均占比加5%): part of the case's words, not the measured value; kept as read
    numbers: tuple[Quantity, ...] = ()
    span: tuple[int, int] | None = _span()


@frozen(cache_hash=True)  # a key of the reading's plan caches (reading/scales.py)
class Deduction:
    """扣分: points lost per step, per event, or once.

    ``None`` in ``direction``, ``basis`` or ``partial`` means the text does not say: the
    evaluator applies the default of docs/semantics.md (the comparator decides the direction;
    a rate takes percentage points, an amount a relative percent; partial steps pro-rata).
    """

    kind: StepKind
    points: Decimal | Expr  # per step; an Expr for 扣（满意度分值/15）分
    step: Quantity | None = None  # the step size (5%, 1000万, 1个月); for EVENTS the counter (1例)
    direction: Direction | None = None
    measure: Measure = Measure.VALUE
    basis: PercentBasis | None = None  # for percent steps
    partial: Partial | None = None
    start: Edge | None = None  # where the steps start (低于95%每偏差5%); None: the full-marks edge or the target
    event: str = attrs.field(default="", eq=False)  # the words as written (发现一例不合规); feeds messages only
    points_max: Decimal | None = None  # 扣4-7分: the deduction is a range, ``points`` its low end
    cap: Decimal | None = None  # 最多扣5分 after this clause: its deductions lose at most this much
    # 加分 (domain point 18): the steps add points instead (每开展一项加2分, 多完成1%加1分); ``cap`` then
    # bounds what they add (最高不超过4分), and only such stated points take a score above the weight
    bonus: bool = False
    span: tuple[int, int] | None = _span()
    # 计划完成15公里，每少完成1公里扣1分: ``start`` is the plan stated in the clause before (a quantity with no
    # comparison, semantics §65); a row whose target differs is refused (plan-differs-from-target)
    plan: bool = False
    # 应达到98%，低于目标值1个百分点扣0.5分: the steps fall short of 目标值, which the clause before states (``start``);
    # a row whose target differs is refused as a plan is (semantics §135). Not shown: the start is
    named_target: bool = attrs.field(default=False, eq=False)
    # 是已婚育妇漏登的加倍扣分: twice the points of the per-event deduction before, for the events these words name;
    # they are counted here and not in the one before (semantics §76). Shown in the reading; the points say the rest
    doubled: bool = attrs.field(default=False, eq=False)
    # 每出现一次系统故障超过4小时未恢复的: comparisons inside the words of the counted event, which say which events
    # count (part of the event's name, never a line or a step; semantics §98). In equality: a changed number is a
    # changed rule; the canonical text writes them inside ``event``
    qualifiers: tuple[Range, ...] = ()
    # 差评每件扣0.1分，差评未整改的每件再扣0.2分: 再 / 另 / 还 before the verb of a per-event deduction says it is
    # deducted again for events the per-event deduction before counts (semantics §159): its count is of some of
    # those events and cannot exceed theirs. Descriptive like ``doubled`` (the canonical text keeps 再 in ``event``)
    again: bool = attrs.field(default=False, eq=False)
    # 完成率100%以上加2分: a one-off bonus given where the measured value is in this band (semantics §106), rather
    # than for an event answered 是/否: it reads the rule's one value and takes no answer of its own
    when: Range | None = None
    # 先进集体和个人分别加2分、1分: an item of a list scored per listed item (分别, domain point 17), not steps the text
    # writes with 每: 是 on it is that item met, once. Descriptive like ``event`` (the canonical text writes 加2分/项)
    listed: bool = attrs.field(default=False, eq=False)
    # (抽10份孕期档案)1份不真切扣1分: the size of the sample the counted items are drawn from; a count above it is
    # refused (semantics §145). In equality: the canonical text writes it, （抽10份）
    sample: Decimal | None = None
    # 每完成1项得2分，共5项 / ①…②…③…④… 每完成1项得1.5分: how many items the text states or lists for a count-up
    # award per one item (semantics §150). ``cap`` is that many times the points; a count above it is no answer
    # of this text and is refused (it was capped). Rendered 得N分，共M项
    items: Decimal | None = None


@frozen
class Proportional:
    """按比例赋分: weight × actual/target (≤ targets: target/actual), capped at the weight.

    ``linear``: 按超支比例扣减 states the reading for an overrun: weight × (1 − overrun/target).
    None: the text does not say; the profile's ``reverse`` option decides for ≤ targets.
    """

    text: str = "按比例赋分"
    linear: bool | None = None
    span: tuple[int, int] | None = _span()


@frozen
class Note:
    """说明: text that states no scoring logic (a definition, an exception, a heading)."""

    text: str
    span: tuple[int, int] | None = _span()


@frozen
class Requirement(Note):
    """要求: a sentence that states what is required (a deadline, a time limit, a share to pay) and no
    outcome, followed by a deduction per failure to meet it (`每年6月底前预拨…，未及时足额拨付一次扣1分`).

    ``terms``: its numbers as written (6月, 30个工作日, 50%), read as the requirement's wording. They are
    never a band, a line or a step: the answer is the count of failures (semantics §56). Unlike a plain
    ``Note`` it takes part in a rule's equality, so that a changed term is a changed rule.
    """

    terms: tuple[Quantity, ...] = ()
    # 计划于8月底前完成采购，每推迟10天扣0.5分: the deadline it states, the steps after it count the time late from
    # (semantics §88); written by the text, which holds its date
    deadline: datetime.date | MonthDay | None = None
    # 每月10日前报送: the period a deadline comes back in ("月"; its day is the one term), the steps after it counting
    # the days late summed over the periods (semantics §94); "" for a deadline or limit met once
    every: str = ""


@frozen
class Schedule(Note):
    """进度: `9月、10月、11月、12月应完成任务比例为30%、50%、75%、100%` before 完成…计满分 / 按比例计分: the target of
    each period, paired in order (semantics §132). The row's target is the period's: it must be one of ``targets``
    (which period the answer is for is the row's target, never guessed). Compared in a rule's equality."""

    periods: tuple[Quantity, ...] = ()
    targets: tuple[Quantity, ...] = ()


Clause = Award | Veto | Deduction | Proportional | Note | Waiver


@frozen
class Rule:
    """评分规则: the clauses of one rule, in the order written."""

    # notes (context, definitions) are descriptive like spans: equality compares the scoring clauses
    # (a Requirement is compared: its terms are read)
    clauses: tuple[Clause, ...] = attrs.field(
        eq=lambda cs: tuple(c for c in cs if not isinstance(c, Note) or isinstance(c, (Requirement, Schedule)))
    )
    until_exhausted: bool = False  # 扣完为止 was written (the clamp at 0 holds anyway)
    cap: Decimal | None = None  # 最多扣5分 closing the rule: all its deductions lose at most this much
    bonus_cap: Decimal | None = None  # 最多加10分 / 加分不超过N分 for all the bonuses of the rule together
    bonus_cap_base: bool = False  # 加分不超过基本分 / 加扣分均不突破基本分: the bonuses add at most the base
    below_zero: bool = False  # 该项可负分 / 倒扣: the text lifts the floor, the score may go below 0 (domain point 6)
    # 本项满分10分 / 共2分 (domain point 15): the weight the text states; the row's weight is the one scored
    # (a sub-item's stated weight is its points)
    stated_weight: Decimal | None = None
    # 每完成1项取得该项分数 / 未完成项不得分 beside a checklist (semantics §67): each item met scores its points,
    # so where every item is worth the same the count of items met answers the checklist too
    per_item: bool = False
    # 扣分不超过本项分值的50% closing the deductions (semantics §84): they lose at most this percent of the
    # weight together (of the item's points in a sub-item), beside ``cap`` if both are written
    cap_share: Decimal | None = None
    # 每低1个百分点扣1分，最低得2分 (semantics §102): the deductions leave at least these points (stated); 最低得0分
    # is the ordinary clamp (``until_exhausted``)
    floor: Decimal | None = None
    # 就高计分，不重复加分 / 就高不就低 / 按最高一项计 after two or more bonuses (semantics §126): of the bonuses
    # that hold, only the largest counts (not their sum)
    bonus_highest: bool = False
    source: str = attrs.field(default="", eq=False, repr=False)
    # how the text as printed was read before parsing (scoring.text.normalize: 評→评, 0. 1分 → 0.1分 …);
    # spans and ``source`` are the text as given
    normalized: tuple[Change, ...] = attrs.field(default=(), eq=False, repr=False)

    @functools.cached_property
    def memo(self) -> dict[object, object]:
        """Facts about this rule the evaluator works out once (``scoring.rules.once``); not a field: it takes
        no part in equality, rendering or the node walkers."""
        return {}

    @functools.cached_property  # asked many times per evaluation: worked out once per rule
    def awards(self) -> tuple[Award, ...]:
        return tuple(c for c in self.clauses if isinstance(c, Award))

    @functools.cached_property
    def deductions(self) -> tuple[Deduction, ...]:
        """Every step clause: deductions and bonuses (``Deduction.bonus``) alike."""
        return tuple(c for c in self.clauses if isinstance(c, Deduction))

    @functools.cached_property
    def bonuses(self) -> tuple[Deduction, ...]:
        return tuple(c for c in self.clauses if isinstance(c, Deduction) and c.bonus)

    @functools.cached_property
    def vetoes(self) -> tuple[Veto, ...]:
        return tuple(c for c in self.clauses if isinstance(c, Veto))

    @functools.cached_property
    def waivers(self) -> tuple[Waiver, ...]:
        return tuple(c for c in self.clauses if isinstance(c, Waiver))

    @functools.cached_property
    def proportional(self) -> Proportional | None:
        for c in self.clauses:
            if isinstance(c, Proportional):
                return c
        return None


@frozen
class Item:
    """分项: one numbered sub-item of a composite rule (①…), with its own points."""

    number: int
    points: Decimal | None  # None: the item states no points (a veto item, or implied)
    rule: Rule
    span: tuple[int, int] | None = _span()


@frozen
class Composite:
    """分项评分: sub-items ①②③…, each scored alone; the indicator scores their sum."""

    items: tuple[Item, ...]
    shared: Rule | None = None  # clauses after the items that apply to all (以上情况每出现一例…扣1分)
    # 每完成1项取得该项分数 closing the items (semantics §81): each item is a thing done for its points; where
    # they are all worth the same, the count of items done answers too (semantics §86)
    per_item: bool = False
    # 山区：…得10分…。其它地区：…得10分… (semantics §142): each item is a case named by its heading (the Note
    # opening its rule), and exactly one applies: the answer names the heading and gives its value; not a sum
    cases: bool = False
    source: str = attrs.field(default="", eq=False, repr=False)
    normalized: tuple[Change, ...] = attrs.field(default=(), eq=False, repr=False)  # as Rule.normalized


Node = Rule | Composite
