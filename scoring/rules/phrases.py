"""Phrase objects: what the grammar rules' methods (transform._Phrases) hand the assembler (a comparison,
a step, an award …), and the word lists of the lexicon the assembler reads inside free text. Data only, no lark."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from attrs import frozen

from .lexicon import words
from .nodes import (
    Expr,
    Op,
    Outcome,
    Quantity,
)

Span = tuple[int, int]

# ------------------------------------------------------------------ words the assembler reads

_OPS = {
    "GE": Op.GE, "GT": Op.GT, "LE": Op.LE, "LT": Op.LT, "EQ": Op.EQ, "REACH": Op.GE,
    "GE_SUFFIX": Op.GE, "LE_SUFFIX": Op.LE,
}  # fmt: skip
# the word lists come from the lexicon (lexicon.toml [words.*]), each word with its meaning and an example
_NEGATIONS = words("negation")
_NEGATED_PHRASES = words("negated_phrase")
_OTHERWISE = words("otherwise")
_FLOOR = words("floor")  # 最低得2分: a floor on the score (Rule.floor, semantics §102)
_REST = words("rest")  # 其余 / 其他: the whole condition, never a prefix
_EVENT_UNITS = words("event_unit")
_TIME_UNITS = words("time_unit")
_DELAY_WORDS = words("delay")
_FIRST_HALF = words("first_half")  # 上半年完成: by 6月30日 (semantics §94)
_SECOND_HALF = words("second_half")  # 下半年的: after 6月30日
_YEAR_END = words("year_end")  # 年底前完成 / 年底未完成: by 12月31日
_DELAY_OVER = words("delay_over")  # 超过时限1个月以内 / 超过1-3个月: an excess word naming a delay (semantics §94)
_JOINT_WORDS = words("joint")
_SHORT_WORDS = words("shortfall")
_EXCESS_WORDS = words("excess")
_EXCESS_BAND_WORDS = words("excess_band")  # 超出预算10%以内: a band on the excess (semantics §82)
_BUDGET_WORDS = words("budget")
_BEHIND_WORDS = words("behind")  # 进度滞后10%以内: a band on a distance, not on the value (semantics §83)  # 预算 / 概算 after an excess word: the reference, the row's target
_EVENT_WORDS = words("event")
_MORE_WORDS = words("more")
_UNPAID_WORDS = words("unpaid")
_PERIODS = words("period")
_FREQ_WORDS = words("FREQ")
_STANDARD_WORDS = words("standard")
_TIME_LIMIT_WORDS = words("time_limit")
_WHOLE_SET = words("whole_set")
_FAILED_WORDS = words("failed_requirement")
_AS_OF_WORDS = frozenset(words("as_of"))  # 截至12月底: the date an outcome is counted at (semantics §79)
_MISSED_WORDS = words("missed_occurrence")


# ------------------------------------------------------------------ phrase objects


@frozen
class PText:
    text: str
    span: Span


@frozen
class PQty:
    q: Quantity
    span: Span
    points_scale: bool = False  # 90分 as a value on a 分 scale
    pp: bool = False  # written as 个百分点
    inclusive_mark: bool | None = None  # 30%(包括30%) / 95%(含) with no comparison word of its own
    multiplier: Decimal = Decimal(1)  # the 万/亿 of its unit as written (3.5亿斤: 亿), already in ``q``


@frozen
class PCmp:
    op: Op
    q: Quantity
    span: Span
    of_target: bool = False
    inclusive_mark: bool | None = None  # （含）/（不含） after the number
    suffix: Op | None = None  # 90%及以上 after a prefix op: 达90%及以上


@frozen
class PMark:
    inclusive: bool  # (含95%) / (不含80%): an inclusive mark restating the number it follows
    q: Quantity
    span: Span


@frozen
class PRange:
    low: Quantity
    high: Quantity
    span: Span
    low_mark: bool | None = None
    high_mark: bool | None = None


@frozen
class PScoreRange:
    """良好8-9分: a range of points closing a condition (or of values on a 分 scale: 满意度80-90分得5分)."""

    low: Decimal
    high: Decimal
    span: Span


@frozen
class PBounded:
    low: Quantity
    low_op: Op
    high_op: Op
    high: Quantity
    deviation: bool
    span: Span


@frozen
class PGraded:
    """优（100%） / 良好（80%-90%）: a band in brackets after the grade that names it (semantics §103); ``inner``
    the phrases inside the brackets, ``span`` the brackets'."""

    inner: tuple[Any, ...]
    span: Span


@frozen
class PBareOp:
    op: Op
    span: Span
    of_target: bool = False
    word: str = ""


@frozen
class PWord:
    kind: str  # "of_target" | "deviation" | "exception"
    text: str
    span: Span


@frozen
class PStep:
    per: str  # "每" | "down" | "up" | "dev" | "full"
    word: str  # the 每… token as written
    words: tuple[Any, ...]  # PText / PWord between 每 and the quantity
    q: Quantity | None
    span: Span
    inclusive_mark: bool | None = None
    pp: bool = False  # the step was written in 个百分点


@frozen
class TOutcome:
    outcome: Outcome
    span: Span
    veto: bool = False
    bare: bool = False  # 100分 / 0分 with no verb: in a table written points first (100分: 80%以上)
    waive: bool = False  # 不扣分 / 可不扣分: nothing is deducted (semantics §23, §105)
    permissive: bool = False  # 可不扣分 / 不予扣分: the deductions may be waived, an exception's words (§105)
    system: bool = False  # 实行…一票否决制: a veto system declared, heading the clauses after it (semantics §105)
    bracketed: bool = False  # 达到目标值(…/85%*10计算得分): a formula in brackets restating how the clause is scored (§145)


@frozen
class TDeduct:
    points: Decimal | Expr
    span: Span
    per_unit: str = ""
    range_high: Decimal | None = None
    bonus: bool = False  # 加N分: points added (domain point 18)
    count_up: bool = False  # 每完成1%得0.3分: a per-step award with no base, counting up from 0
    below_zero: bool = False  # 倒扣N分: the score may go below 0 (domain point 6)
    doubled: bool = False  # 加倍扣分: twice the points of the deduction before (semantics §76)


@frozen
class TFlag:
    kind: str  # until | proportional | ceil | discretion | below_zero | announce (扣分 with no points) | evidence
    text: str
    span: Span
    expr: Any = None  # definition: the expression after 偏差率= (semantics §78)


@frozen
class TCap:
    points: Decimal  # 最多扣5分: the deductions lose at most this much
    span: Span
    kind: str = (
        "deduct"  # deduct (最多扣) | bonus (最多加) | any (最高不超过: the clause before) | base (加分不超过基本分)
        # | highest (就高计分: only the largest bonus that holds counts, semantics §126)
        # | share (扣分不超过本项分值的50%: ``points`` is the percent of the weight)
    )
    items: Decimal | None = None  # 共5项: the cap is that many items' points (semantics §150)


@frozen
class TList:
    kind: str  # award | deduct | bonus
    values: tuple[Decimal, ...]  # 分别得6分、4分和2分: one per member of the list before
    span: Span


@frozen
class TBreakdown:
    """(2分×4项,即…): points stated as the points of each item × the count of items, the items named
    after 即 (semantics §67). Read beside the points it breaks down; scores nothing of its own."""

    each: Decimal  # 2分: the points of each item
    count: Decimal  # 4项: how many items
    unit: str  # 项
    names: str  # 即乡镇政府同村委会、…: the items named ("" when not written)
    span: Span


Lead = tuple[Any, ...]
Tail = TOutcome | TDeduct | TFlag | TCap | TList | TBreakdown


def _merge(a: Span, b: Span) -> Span:
    return (min(a[0], b[0]), max(a[1], b[1]))


def _lead_text(lead: Lead) -> str:
    return "".join(p.text for p in lead if isinstance(p, PText))


def _is_lead(part: Any) -> bool:
    return isinstance(part, tuple) and not isinstance(part, (TOutcome, TDeduct, TFlag, TCap, TList, TBreakdown))
