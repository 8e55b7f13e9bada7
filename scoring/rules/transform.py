"""Parse tree → nodes.

Two stages. ``_Phrases`` (a lark Transformer) turns the phrases of the grammar into small
phrase objects, with numbers as Decimal. ``_Assembler`` then reads each clause's phrases
and builds the scoring clauses. It accepts exactly the clause shapes listed in
``docs/grammar.md`` (condition → award, condition → zero/veto, step → deduction, …) and
raises RuleSyntaxError, with the position of the phrase it could not place, for anything
else. Every reading it has to choose is written into the node (``stated=False`` fields,
TargetMet conditions).

Why it is over 800 lines (issue 15): the assembler is where every shape of this round landed
(caps, bonuses, lists, tiers, ranks, span accounting) and is still being reshaped; the seam to cut
next is the assembler's shape readers (deductions, bonuses, lists) into a module of their own.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import attrs
from attrs import frozen
from lark import Token, Transformer, Tree, v_args

from ..errors import RuleSyntaxError
from ..text.numbers import arabic, chinese_numeral, split_unit
from .lexicon import words
from .nodes import (
    Award,
    BinOp,
    ByHand,
    Clause,
    Composite,
    Condition,
    Deduction,
    Direction,
    Edge,
    Expr,
    Formula,
    FullMarks,
    Item,
    Label,
    Measure,
    Node,
    Note,
    Num,
    Op,
    Otherwise,
    Outcome,
    Partial,
    PercentBasis,
    Points,
    Proportional,
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
_EVENT_UNITS = words("event_unit")
_TIME_UNITS = words("time_unit")
_DELAY_WORDS = words("delay")
_SHORT_WORDS = words("shortfall")
_EXCESS_WORDS = words("excess")
_EVENT_WORDS = words("event")
_MORE_WORDS = words("more")
_UNPAID_WORDS = words("unpaid")


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


@frozen
class PCmp:
    op: Op
    q: Quantity
    span: Span
    of_target: bool = False
    inclusive_mark: bool | None = None  # （含）/（不含） after the number
    suffix: Op | None = None  # 90%及以上 after a prefix op: 达90%及以上


@frozen
class PRange:
    low: Quantity
    high: Quantity
    span: Span
    low_mark: bool | None = None
    high_mark: bool | None = None


@frozen
class PBounded:
    low: Quantity
    low_op: Op
    high_op: Op
    high: Quantity
    deviation: bool
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


@frozen
class TDeduct:
    points: Decimal | Expr
    span: Span
    per_unit: str = ""
    range_high: Decimal | None = None
    bonus: bool = False  # 加N分: points added (domain point 18)
    count_up: bool = False  # 每完成1%得0.3分: a per-step award with no base, counting up from 0
    below_zero: bool = False  # 倒扣N分: the score may go below 0 (domain point 6)


@frozen
class TFlag:
    kind: str  # until | proportional | ceil | discretion | below_zero | announce (扣分 with no points)
    text: str
    span: Span


@frozen
class TCap:
    points: Decimal  # 最多扣5分: the deductions lose at most this much
    span: Span
    kind: str = "deduct"  # deduct (最多扣) | bonus (最多加) | any (最高不超过: the clause before) | base (加分不超过基本分)


@frozen
class TList:
    kind: str  # award | deduct | bonus
    values: tuple[Decimal, ...]  # 分别得6分、4分和2分: one per member of the list before
    span: Span


Lead = tuple[Any, ...]
Tail = TOutcome | TDeduct | TFlag | TCap | TList


def _tok_span(tok: Token) -> Span:
    return (tok.start_pos or 0, tok.end_pos or 0)


def _tree_span(tree: Tree[Any]) -> Span:
    meta = tree.meta
    if getattr(meta, "empty", True):
        return (0, 0)
    return (meta.start_pos, meta.end_pos)


def _merge(a: Span, b: Span) -> Span:
    return (min(a[0], b[0]), max(a[1], b[1]))


@v_args(meta=True)
class _Phrases(Transformer[Token, Any]):
    """lark tree → phrase objects (numbers become Decimal here)."""

    def __init__(self, source: str) -> None:
        super().__init__()
        self.source = source

    def _span(self, meta: Any) -> Span:
        if getattr(meta, "empty", True):
            return (0, 0)
        return (meta.start_pos, meta.end_pos)

    # numbers and quantities
    def number(self, meta: Any, ch: list[Token]) -> Decimal:
        tok = ch[0]
        try:
            if tok.type == "CN_NUMBER":
                return chinese_numeral(str(tok))
            return arabic(str(tok))
        except ValueError:
            raise RuleSyntaxError(
                "bad-number", "无法识别的数字", self.source, tok.start_pos or 0,
                length=len(tok), expected=("数字",),
            ) from None  # fmt: skip

    def unit(self, meta: Any, ch: list[Token]) -> str:
        return str(ch[0])

    def quantity(self, meta: Any, ch: list[Any]) -> PQty:
        value: Decimal = ch[0]
        unit = ch[1] if len(ch) > 1 else ""
        mult, base = split_unit(unit)
        return PQty(Quantity(value * mult, base), self._span(meta))

    def percent(self, meta: Any, ch: list[Any]) -> PQty:
        return PQty(Quantity(ch[0], "%"), self._span(meta))

    def pp(self, meta: Any, ch: list[Any]) -> PQty:
        # 一个百分点: a percent read as percentage points (the deduction records basis=POINTS)
        return PQty(Quantity(ch[0], "%"), self._span(meta), pp=True)

    def score_quantity(self, meta: Any, ch: list[Any]) -> PQty:
        return PQty(Quantity(ch[0], "分"), self._span(meta), points_scale=True)

    def incl(self, meta: Any, ch: list[Token]) -> bool:
        return ch[0].type == "INCLUSIVE"

    def text(self, meta: Any, ch: list[Token]) -> PText:
        return PText("".join(str(t) for t in ch), self._span(meta))

    def name(self, meta: Any, ch: list[Token]) -> str:
        return "".join(str(t) for t in ch)

    def of_target(self, meta: Any, ch: list[Token]) -> PWord:
        return PWord("of_target", str(ch[0]), self._span(meta))

    def deviation(self, meta: Any, ch: list[Token]) -> PWord:
        return PWord("deviation", str(ch[0]), self._span(meta))

    def plus_minus(self, meta: Any, ch: list[Token]) -> PWord:
        return PWord("deviation", str(ch[0]), self._span(meta))

    def exception(self, meta: Any, ch: list[Token]) -> PWord:
        return PWord("exception", str(ch[0]), self._span(meta))

    # comparisons
    def prefix_cmp(self, meta: Any, ch: list[Any]) -> PCmp:
        op_tok: Token = ch[0]
        rest = ch[1:]
        of_target = False
        if rest and isinstance(rest[0], PWord):
            of_target = True
            rest = rest[1:]
        q: PQty = rest[0]
        mark: bool | None = None
        suffix: Op | None = None
        for extra in rest[1:]:
            if isinstance(extra, bool):
                mark = extra
            elif isinstance(extra, Token):
                suffix = _OPS[extra.type]
        return PCmp(_OPS[op_tok.type], q.q, self._span(meta), of_target, mark, suffix)

    def suffix_cmp(self, meta: Any, ch: list[Any]) -> PCmp:
        q: PQty = ch[0]
        mark = ch[1] if len(ch) == 3 else None
        op_tok: Token = ch[-1]
        return PCmp(_OPS[op_tok.type], q.q, self._span(meta), False, mark, None)

    def range(self, meta: Any, ch: list[Any]) -> PRange:
        # ±30%-±35%(含)以内: the second ± and a trailing 以内 restate what the first ± and the range say
        items = [c for c in ch if not isinstance(c, Token)]
        low: PQty = items[0]
        i = 1
        low_mark = None
        if isinstance(items[i], bool):
            low_mark = items[i]
            i += 1
        high: PQty = items[i]
        high_mark = items[i + 1] if len(items) > i + 1 else None
        lq, hq = low.q, high.q
        # 90-100%: the unit written once applies to both ends
        if lq.unit == "" and hq.unit:
            lq = Quantity(lq.value, hq.unit)
        if lq.unit == hq.unit and lq.value > hq.value:
            # 99%-90%的得27分: a range written high to low is the same range (domain point 16)
            lq, hq, low_mark, high_mark = hq, lq, high_mark, low_mark
        return PRange(lq, hq, self._span(meta), low_mark, high_mark)

    def bounded(self, meta: Any, ch: list[Any]) -> PBounded:
        low, op1, mid, op2, high = ch
        return PBounded(low.q, _OPS[op1.type], _OPS[op2.type], high.q, isinstance(mid, PWord), self._span(meta))

    def bare_op(self, meta: Any, ch: list[Any]) -> PBareOp:
        tok: Token = ch[0]
        return PBareOp(_OPS[tok.type], self._span(meta), len(ch) > 1, str(tok))

    # steps
    def step_down(self, meta: Any, ch: list[Token]) -> tuple[str, str]:
        return ("down", str(ch[0]))

    def step_up(self, meta: Any, ch: list[Token]) -> tuple[str, str]:
        return ("up", str(ch[0]))

    def step_dev(self, meta: Any, ch: list[Token]) -> tuple[str, str]:
        return ("dev", str(ch[0]))

    def _step(self, meta: Any, ch: list[Any], full: bool) -> PStep:
        head = ch[0]
        if isinstance(head, tuple):
            per, word = head
        else:
            per, word = ("full" if full else "每"), str(head)
        words: list[Any] = []
        q: Quantity | None = None
        mark: bool | None = None
        pp = False
        for c in ch[1:]:
            if isinstance(c, PQty):
                q = c.q
                pp = c.pp
            elif isinstance(c, bool):
                mark = c
            else:
                words.append(c)
        return PStep(per, word, tuple(words), q, self._span(meta), mark, pp)

    def step(self, meta: Any, ch: list[Any]) -> PStep:
        return self._step(meta, ch, False)

    def whole_step(self, meta: Any, ch: list[Any]) -> PStep:
        return self._step(meta, ch, True)

    # tails
    def full_marks(self, meta: Any, ch: list[Any]) -> TOutcome:
        return TOutcome(FullMarks(), self._span(meta))

    def points(self, meta: Any, ch: list[Any]) -> TOutcome:
        value = next(c for c in ch if isinstance(c, Decimal))
        bare = not any(isinstance(c, Token) and c.type in ("AWARD", "LPAR", "BASE_POINTS") for c in ch)
        return TOutcome(Points(value), self._span(meta), bare=bare)

    def share(self, meta: Any, ch: list[Any]) -> TOutcome:
        return TOutcome(ShareOfWeight(ch[1]), self._span(meta))

    def zero(self, meta: Any, ch: list[Token]) -> TOutcome:
        return TOutcome(Zero(), self._span(meta), veto=ch[0].type == "VETO", bare=str(ch[0]) == "0分")

    def deduct_points(self, meta: Any, ch: list[Any]) -> TDeduct:
        per_unit = ""
        for c in ch:
            if isinstance(c, str) and not isinstance(c, Token):
                per_unit = c
        return TDeduct(ch[1], self._span(meta), per_unit, below_zero=ch[0].type == "DEDUCT_BELOW")

    def bonus_points(self, meta: Any, ch: list[Any]) -> TDeduct:
        per_unit = next((c for c in ch if isinstance(c, str) and not isinstance(c, Token)), "")
        return TDeduct(ch[1], self._span(meta), per_unit, bonus=True)

    def respective(self, meta: Any, ch: list[Any]) -> TList:
        verb: Token = ch[0] if ch[0].type == "GIVE_IN_TURN" else ch[1]
        kind = {"AWARD": "award", "DEDUCT": "deduct", "BONUS": "bonus", "GIVE_IN_TURN": "award"}[verb.type]
        return TList(kind, tuple(c for c in ch if isinstance(c, Decimal)), self._span(meta))

    def bonus_cap(self, meta: Any, ch: list[Any]) -> TCap:
        return TCap(next(c for c in ch if isinstance(c, Decimal)), self._span(meta), "bonus")

    def any_cap(self, meta: Any, ch: list[Any]) -> TCap:
        return TCap(next(c for c in ch if isinstance(c, Decimal)), self._span(meta), "any")

    def bonus_cap_base(self, meta: Any, ch: list[Any]) -> TCap:
        return TCap(Decimal(0), self._span(meta), "base")

    def per_unit(self, meta: Any, ch: list[Token]) -> str:
        return str(ch[1])

    def deduct_range(self, meta: Any, ch: list[Any]) -> TDeduct:
        return TDeduct(ch[1], self._span(meta), range_high=ch[3], below_zero=ch[0].type == "DEDUCT_BELOW")

    def deduct_announce(self, meta: Any, ch: list[Any]) -> TFlag:
        return TFlag("announce", "扣分", self._span(meta))

    def deduct_formula(self, meta: Any, ch: list[Any]) -> TDeduct:
        return TDeduct(ch[2], self._span(meta), below_zero=ch[0].type == "DEDUCT_BELOW")

    def cap(self, meta: Any, ch: list[Any]) -> TCap:
        return TCap(next(c for c in ch if isinstance(c, Decimal)), self._span(meta))

    def until(self, meta: Any, ch: list[Token]) -> TFlag:
        return TFlag("until", str(ch[0]), self._span(meta))

    def proportional(self, meta: Any, ch: list[Token]) -> TFlag:
        return TFlag("proportional", str(ch[0]), self._span(meta))

    def below_zero(self, meta: Any, ch: list[Token]) -> TFlag:
        return TFlag("below_zero", str(ch[0]), self._span(meta))

    def step_rounding(self, meta: Any, ch: list[Token]) -> TFlag:
        return TFlag("ceil", str(ch[0]), self._span(meta))

    def discretion(self, meta: Any, ch: list[Token]) -> TFlag:
        return TFlag("discretion", str(ch[0]), self._span(meta))

    def formula(self, meta: Any, ch: list[Any]) -> TOutcome:
        return TOutcome(Formula(ch[1]), self._span(meta))

    # formula expressions
    def _bin(self, op: str, ch: list[Any]) -> BinOp:
        return BinOp(op, ch[0], ch[2])

    def add(self, meta: Any, ch: list[Any]) -> BinOp:
        return self._bin("+", ch)

    def sub(self, meta: Any, ch: list[Any]) -> BinOp:
        return self._bin("-", ch)

    def mul(self, meta: Any, ch: list[Any]) -> BinOp:
        return self._bin("*", ch)

    def div(self, meta: Any, ch: list[Any]) -> BinOp:
        return self._bin("/", ch)

    def percent_literal(self, meta: Any, ch: list[Any]) -> Num:
        return Num(ch[0] / 100)

    def number_literal(self, meta: Any, ch: list[Any]) -> Num:
        return Num(ch[0])

    def variable(self, meta: Any, ch: list[Any]) -> Var:
        return Var(ch[0])

    def factor(self, meta: Any, ch: list[Any]) -> Expr:
        return ch[1]  # type: ignore[no-any-return]

    # structure
    def lead(self, meta: Any, ch: list[Any]) -> Lead:
        return tuple(ch)

    def context(self, meta: Any, ch: list[Any]) -> tuple[str, list[Any], Span]:
        return ("clause", [ch[0]], self._span(meta))

    def scored(self, meta: Any, ch: list[Any]) -> tuple[str, list[Any], Span]:
        return ("clause", list(ch), self._span(meta))

    def clauses(self, meta: Any, ch: list[Any]) -> list[Any]:
        return _points_first(_points_after(ch))

    def item(self, meta: Any, ch: list[Any]) -> tuple[str, int, list[Any], Span, Span]:
        mark: Token = ch[0]
        # ① / 1、 / 1. / (1) / （1） / 1): the number the mark writes
        number = "①②③④⑤⑥⑦⑧⑨⑩".find(str(mark)[0]) + 1 or int(re.sub(r"[^0-9]", "", str(mark)))
        return ("item", number, _points_first(_points_after(ch[1:])), self._span(meta), _tok_span(mark))

    def composite(self, meta: Any, ch: list[Any]) -> tuple[str, list[Any], list[Any]]:
        pre: list[Any] = []
        items = []
        for c in ch:
            if isinstance(c, list):
                pre = c
            else:
                items.append(c)
        return ("composite", pre, items)

    def start(self, meta: Any, ch: list[Any]) -> Any:
        return ch[0]


# ------------------------------------------------------------------ assembling clauses


@attrs.define
class _Segment:
    lead: Lead
    tails: list[Tail]
    span: Span


def _rank(o: Outcome) -> Decimal:
    """Order outcomes without knowing the weight: 满分 above any points."""
    if isinstance(o, FullMarks):
        return Decimal("1e9")
    if isinstance(o, Points):
        return o.value
    if isinstance(o, ShareOfWeight):
        return o.percent / 100
    return Decimal(0)


def _lead_text(lead: Lead) -> str:
    return "".join(p.text for p in lead if isinstance(p, PText))


def _points_first(parts: list[Any]) -> list[Any]:
    """評分標準: 100分: 資金到位率80%以上的; 60分: 60%~80%的: a table written points first. A clause that
    is bare points (no 得/计) followed by a colon scores the lead-only clauses after the colon, up to
    the next such points; any other colon separates clauses like a comma."""
    out: list[Any] = []
    i = 0
    items = list(parts)
    while i < len(items):
        c = items[i]
        if isinstance(c, Token):
            i += 1
            continue
        nxt = items[i + 1] if i + 1 < len(items) else None
        _, body, span = c
        if (
            isinstance(nxt, Token) and nxt.type == "COLON"
            and len(body) == 1 and isinstance(body[0], TOutcome) and body[0].bare
        ):  # fmt: skip
            leads: list[Any] = []
            end = span
            j = i + 2
            while j < len(items):
                d = items[j]
                if isinstance(d, Token):
                    if d.type == "COLON":
                        break
                    j += 1
                    continue
                if len(d[1]) == 1 and isinstance(d[1][0], tuple) and not isinstance(d[1][0], TOutcome):
                    leads.append(d[1][0])
                    end = d[2]
                    j += 1
                    continue
                break
            if leads:
                lead: tuple[Any, ...] = tuple(p for lead in leads for p in lead)
                out.append(("clause", [lead, body[0]], (span[0], end[1])))
                i = j
                continue
        out.append(c)
        i += 1
    return out


def _points_after(parts: list[Any]) -> list[Any]:
    """合理2分；基本合理1分；不合理0分 / 基本符合 1 分 / 100分: …: points with no verb (得/计) that close a
    clause are the points of the condition before them (the grammar reads them as a value on a 分
    scale, score_quantity, ending the lead). Not where the next clause brings an outcome of its own
    (满意度90分，得满分: 90分 is then a value of 满意度, and the rule is refused as unread), nor where
    an outcome follows in the same clause (满意度90分得满分)."""
    out = list(parts)
    clauses = [i for i, c in enumerate(out) if not isinstance(c, Token)]
    for k, i in enumerate(clauses):
        _, body, span = out[i]
        if not body or not _is_lead(body[-1]):
            continue
        lead = body[-1]
        last = lead[-1] if lead else None
        if not (isinstance(last, PQty) and last.points_scale):
            continue
        if any(isinstance(p, PQty) and p.points_scale for p in lead[:-1]):
            continue
        nxt = out[clauses[k + 1]] if k + 1 < len(clauses) else None
        if nxt is not None and nxt[1] and not _is_lead(nxt[1][0]):
            continue  # the next clause is an outcome alone: 满意度90分，得满分
        outcome = TOutcome(Points(last.q.value), last.span, bare=True)
        rest = [lead[:-1]] if len(lead) > 1 else []
        out[i] = ("clause", [*body[:-1], *rest, outcome], span)
    return out


def _is_lead(part: Any) -> bool:
    return isinstance(part, tuple) and not isinstance(part, (TOutcome, TDeduct, TFlag, TCap, TList))


_LIST_SEPS = "".join(words("LIST_SEP"))
_RANK_UNITS = words("rank_unit")


def _list_sep(p: PText) -> bool:
    return bool(p.text.strip()) and all(ch in _LIST_SEPS for ch in p.text.strip())


def _split_list(lead: Lead) -> list[Lead]:
    """少建一个或已建但未达标的 → (少建一个) (已建但未达标的): a lead split at 、/和/或/及 in its words."""
    parts: list[list[Any]] = [[]]
    for p in lead:
        if not isinstance(p, PText):
            parts[-1].append(p)
            continue
        start = p.span[0]
        piece = ""
        for i, ch in enumerate(p.text):
            if ch in _LIST_SEPS:
                if piece:
                    parts[-1].append(PText(piece, (start, p.span[0] + i)))
                parts.append([])
                piece, start = "", p.span[0] + i + 1
            else:
                piece += ch
        if piece:
            parts[-1].append(PText(piece, (start, p.span[1])))
    return [tuple(x) for x in parts if x]


def _is_negated(text: str) -> bool:
    return text.startswith(_NEGATIONS) or any(w in text for w in _NEGATED_PHRASES)


# ------------------------------------------------------------------ span accounting
#
# Every number, percent sign and scoring phrase of an accepted text lies inside a phrase that
# a node reads. The assembler marks the spans of the phrases it uses; whatever is left over
# (a number inside a label, a clause with a scoring phrase the grammar did not read) is a
# RuleSyntaxError with the caret on it, never free text.

#: What a node must read: numbers, percent signs and scoring phrases (得5分, 扣分, 满分, 为止 …).
_SIGNIFICANT = re.compile(
    r"[0-9０-９]+(?:[.．][0-9０-９]+)?|[%％]"
    r"|不得分|满分|为止"
    r"|(?<![取获值核评合均总际])得[^，；。,;：:\s得扣]{0,3}?分(?![析类配别项批期])"
    r"|扣[^，；。,;：:\s得扣]{0,3}?分(?![析类配别项批期])"
    r"|(?<![增参追附施])加[^，；。,;：:\s得扣]{0,3}?分(?![析类配别项批期])"
    r"|(?<![缩削])减[^，；。,;：:\s得扣]{0,3}?分(?![析类配别项批期])"
    r"|(?<![统会设审估合总预核])[计记][^，；。,;：:\s得扣]{0,2}?分(?![析类配别项批期])"
)
#: Where numbers are names, not quantities: quoted titles, and the restatement's （注：…） remarks.
_EXEMPT = re.compile(r"(?:扣分|评分|计分|得分)(?:标准|原因|细则|办法|说明)|《[^《》]*》|“[^“”]*”|\"[^\"]*\"|[（(]注[：:][^（()）]*[)）]")


def _unread(text: str, read: bytearray) -> re.Match[str] | None:
    """The first significant piece of ``text`` not inside a read span, or None."""
    exempt = bytearray(len(text))
    for m in _EXEMPT.finditer(text):
        exempt[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    for m in _SIGNIFICANT.finditer(text):
        if any(not read[i] and not exempt[i] for i in range(m.start(), m.end())):
            return m
    return None


def _crossing(a: Range, b: Range) -> bool:
    """Each band holds values the other does not, and they share more than an end."""
    edges = [e for e in (a.low, a.high, b.low, b.high) if e is not None]
    if len({e.value.unit.lstrip("个") for e in edges}) > 1:
        return False  # different quantities: no common axis
    inf = Decimal("Infinity")
    a_lo = a.low.value.value if a.low else -inf
    a_hi = a.high.value.value if a.high else inf
    b_lo = b.low.value.value if b.low else -inf
    b_hi = b.high.value.value if b.high else inf
    shared = min(a_hi, b_hi) - max(a_lo, b_lo)
    nested = (a_lo <= b_lo and b_hi <= a_hi) or (b_lo <= a_lo and a_hi <= b_hi)
    return shared > 0 and not nested


def _all_clear(r: Range) -> bool:
    """合规率100% / 准确率达100% / 0例: a band that holds exactly when nothing went wrong."""
    edge = r.low if r.low is not None else r.high
    if edge is None or (r.low is not None and r.high is not None and r.low.value != r.high.value):
        return False
    q = edge.value
    return (q.unit == "%" and q.value == 100 and r.high is None) or (q.value == 0 and r.low is None)


class _Assembler:
    def __init__(self, text: str) -> None:
        self.text = text
        # thresholds of the rule being read, filled before its deductions are read
        self.thresholds: list[Quantity] = []
        # characters inside a phrase that a node reads (span accounting)
        self.read = bytearray(len(text))
        self.pending_cap: Decimal | None = None  # 每例扣1分最多扣5分: the cap of the clause being read
        self.bonus_base: TCap | None = None  # 加扣分均不突破基本分 in the rule being read

    def use(self, *parts: Any) -> None:
        """Mark the phrases (or spans) a node reads."""
        for p in parts:
            span = p if isinstance(p, tuple) and len(p) == 2 and isinstance(p[0], int) else getattr(p, "span", None)
            if span is None:
                continue
            start, end = span
            if end > start:
                self.read[start:end] = b"\x01" * (end - start)
            if isinstance(p, PText):
                # free text (a label, a subject, a remark in brackets) reads words, never the numbers
                # or scoring phrases inside it: (含10万) or (2分×4项) in a subject is not read
                for m in _SIGNIFICANT.finditer(self.text, start, end):
                    self.read[m.start() : m.end()] = b"\x00" * (m.end() - m.start())

    def account(self) -> None:
        """Refuse the text when a number or scoring phrase was not read by any node."""
        m = _unread(self.text, self.read)
        if m is None:
            return
        piece = m.group()
        if piece[0].isdigit() or piece[0] in "０１２３４５６７８９%％":
            what = "百分号" if piece in "%％" else "数字"
            raise self.error(
                "unread-number", f"{what}“{piece}”没有被任何条款读到", m.span(),
                expected=("条件（如“≥90%”）", "步长（如“每5%”）", "分值（如“得2分”）"),
                hint="这个数字在条件或说明文字中，规则没有读懂它的含义；请改写成“条件＋得/扣几分”的形式",
            )  # fmt: skip
        raise self.error(
            "unread-clause", f"“{piece}”这一评分表述没有读懂", m.span(),
            expected=("得N分", "扣N分", "不得分", "扣完为止"),
            hint="这一子句的得分或扣分写法无法识别，规则不会猜测它的含义；请改写成“条件＋得/扣几分”",
        )  # fmt: skip

    def error(
        self, code: str, message: str, span: Span, expected: tuple[str, ...] = (), hint: str = ""
    ) -> RuleSyntaxError:
        return RuleSyntaxError(code, message, self.text, span[0], length=max(1, span[1] - span[0]),
                               expected=expected, hint=hint)  # fmt: skip

    # -- segments: (lead, tails) pairs; a lead-only clause followed by a tail-only one is joined
    def segments(self, clauses: Sequence[tuple[str, list[Any], Span]]) -> list[_Segment]:
        segs: list[_Segment] = []
        for _, parts, span in clauses:
            lead: Lead = ()
            tails: list[Tail] = []
            seg_span = span
            for p in parts:
                if isinstance(p, tuple) and not isinstance(p, (TOutcome, TDeduct, TFlag, TCap)):
                    if tails:
                        segs.append(_Segment(lead, tails, seg_span))
                        lead, tails = (), []
                    lead = p
                else:
                    tails.append(p)
            segs.append(_Segment(lead, tails, seg_span))
        joined: list[_Segment] = []
        for seg in segs:
            if not seg.lead and seg.tails and joined and not joined[-1].tails and joined[-1].lead:
                # 偏离小于等于5%，得20分 / 流失率低于5%，即稳定，计5分: the condition stands in the
                # lead-only clauses just before; join them all
                merged: Lead = ()
                span = seg.span
                while joined and not joined[-1].tails and joined[-1].lead:
                    prev = joined.pop()
                    merged = prev.lead + merged
                    span = _merge(prev.span, span)
                    if any(isinstance(p, (PCmp, PRange, PBounded)) for p in prev.lead):
                        break
                joined.append(_Segment(merged, seg.tails, span))
                continue
            joined.append(seg)
        return self.announced(joined)

    def announced(self, segs: list[_Segment]) -> list[_Segment]:
        """没有完成的扣分，每低于目标值2%扣1分: 扣分 with no points announces the step deduction that
        follows at once and says how much; the clause then states only when it applies (a lead, as
        in 没有完成的，每低于…). Anywhere else (每处扣分, 视情况扣分, 加倍扣分) it says no amount and is
        refused: the rule would have to guess one."""
        out: list[_Segment] = []
        for i, seg in enumerate(segs):
            flag = next((t for t in seg.tails if isinstance(t, TFlag) and t.kind == "announce"), None)
            if flag is None:
                out.append(seg)
                continue
            nxt = segs[i + 1] if i + 1 < len(segs) else None
            if (
                len(seg.tails) != 1
                or any(isinstance(p, PStep) for p in seg.lead)
                or nxt is None
                or not any(isinstance(p, PStep) for p in nxt.lead)
                or not any(isinstance(t, TDeduct) and not t.bonus for t in nxt.tails)
            ):
                raise self.error(
                    "deduct-without-points", "“扣”之后没有写扣几分", (flag.span[1] - 1, flag.span[1]),
                    expected=("数字",),
                    hint="“扣”之后应写扣几分，如“每5%扣2分”；规则不会猜测扣分的数额",
                )  # fmt: skip
            self.use(flag)
            out.append(_Segment(seg.lead, [], seg.span))
        return out

    # -- conditions
    def gap(self, lead: Lead, span: Span) -> Range | None:
        """低于目标10个百分点以内 / 低10至20个百分点 / 低20个百分点以上 (domain point 16): a band on the
        shortfall from the target, in percentage points. Read from its pieces: a shortfall word (低于,
        低, 少, 不足 …) before one comparison or range whose number is written in 个百分点. Without
        个百分点 (低于90%) the band is on the value itself, as before."""
        cmps = [p for p in lead if isinstance(p, (PCmp, PRange))]
        if len(cmps) != 1 or any(isinstance(p, (PStep, PQty, PBounded)) for p in lead):
            return None
        c = cmps[0]
        if "百分点" not in self.text[c.span[0] : c.span[1]]:
            return None
        before = [p for p in lead if p.span[1] <= c.span[0]]
        said = any(isinstance(p, PBareOp) and p.op in (Op.LT, Op.LE) for p in before) or any(
            isinstance(p, PText) and p.text.endswith(_SHORT_WORDS) for p in before
        )
        if not said or (isinstance(c, PCmp) and c.of_target):
            return None
        lo, hi = self._edges(c)
        self.use(*(p for p in lead if isinstance(p, (PText, PWord, PBareOp))), c)
        if lo is not None:
            lo = attrs.evolve(lo, value=Quantity(lo.value.value, "个百分点"))
        if hi is not None:
            hi = attrs.evolve(hi, value=Quantity(hi.value.value, "个百分点"))
        return Range(Measure.GAP, lo, hi, _lead_text(lead).strip("的"), span)

    def condition(self, lead: Lead, span: Span) -> Condition | None:
        """The condition a lead states, or None when it states none."""
        for c in lead:
            if isinstance(c, PRange) and self.text[: c.span[0]].rstrip().endswith("第"):
                # 第17-22条免检 / 第2-5名: 第 before a range makes ordinals (items, ranks), not a quantity
                raise self.error("ordinal-range", "“第”之后的区间是序号（第几条、第几名），不是数量", c.span,
                                 expected=("数量区间，如“80%-90%”",),
                                 hint="按名次计分请写明每个名次的得分，如“排名1-5名的依次赋予…”")  # fmt: skip
        gap = self.gap(lead, span)
        if gap is not None:
            return gap
        cmps = [p for p in lead if isinstance(p, (PCmp, PRange, PBounded))]
        bare = [p for p in lead if isinstance(p, PBareOp)]
        qtys = [p for p in lead if isinstance(p, PQty)]
        words = [p for p in lead if isinstance(p, PWord)]
        text = _lead_text(lead).strip("的")
        measure = Measure.VALUE
        if any(w.kind == "deviation" for w in words) or any(isinstance(p, PBounded) and p.deviation for p in lead):
            measure = Measure.DEVIATION
        if any(w.kind == "of_target" for w in words) or any(isinstance(p, PCmp) and p.of_target for p in lead):
            measure = Measure.RATIO
        self.use(*(p for p in lead if isinstance(p, (PText, PWord))))
        if cmps:
            low: Edge | None = None
            high: Edge | None = None
            low_from: Any = None
            high_from: Any = None
            for c in cmps:
                lo, hi = self._edges(c)
                if lo is not None:
                    low, low_from = lo, c
                if hi is not None:
                    high, high_from = hi, c
            self.use(low_from, high_from)
            return Range(measure, low, high, text, span)
        if bare and qtys:
            # 不低于 最低工资标准的 90%: the op and its number are split by words
            c = PCmp(bare[-1].op, qtys[-1].q, _merge(bare[-1].span, qtys[-1].span))
            lo, hi = self._edges(c)
            self.use(bare[-1], qtys[-1])
            return Range(measure, lo, hi, text, span)
        if measure is Measure.DEVIATION and qtys:
            # 偏离30%得15分 / 偏离目标40%不得分: a deviation of (up to) that much
            self.use(qtys[-1])
            return Range(measure, None, Edge(qtys[-1].q, True, False), text, span)
        if len(lead) == 1 and qtys and qtys[0].q.value == 0 and not qtys[0].points_scale:
            # ≥1家得2分，0家不得分: a bare zero count is exactly that count
            self.use(qtys[0])
            zero = Edge(qtys[0].q, True, False)
            return Range(measure, zero, zero, text, span)
        year = qtys and qtys[-1].q.unit == "年" and qtys[-1].q.value >= 1000  # 2024年年底前: a date
        if qtys and not year and not bare and not qtys[-1].points_scale and any(isinstance(p, PText) for p in lead):
            # 合规率100%得满分 / 完成3篇得8分 / 按照1.1%执行优惠利率，得12分: reaching the number
            # (the reading "≥ the number" is marked stated=False; ≤ when the rule deducts for excess)
            self.use(qtys[-1])
            return Range(measure, Edge(qtys[-1].q, True, False), None, text, span)
        if bare and not qtys and (bare[-1].of_target or any(w.kind == "of_target" for w in words)):
            # 小于或等于年度目标值 / 达到年度目标值: the outcome against the target, as a completion ratio
            self.use(*bare)
            c = PCmp(bare[-1].op, Quantity(Decimal(100), "%"), bare[-1].span)
            lo, hi = self._edges(c)
            return Range(Measure.RATIO, lo, hi, text, span)
        self.use(*bare)
        if bare:
            word = bare[-1].word
            text = word + text if bare[-1].span[0] <= span[0] + 1 else text + word
        if not text and not qtys:
            return None
        if text.strip() in _OTHERWISE or text.startswith(_OTHERWISE):
            return Otherwise(text, span)
        full = self.text[span[0] : span[1]] if span != (0, 0) else text
        return Label(full.strip("，。；,;：: 的"), _is_negated(full), span)

    def _edges(self, c: PCmp | PRange | PBounded) -> tuple[Edge | None, Edge | None]:
        if isinstance(c, PRange):
            lo_inc = True if c.low_mark is None else c.low_mark
            hi_inc = True if c.high_mark is None else c.high_mark
            return Edge(c.low, lo_inc, c.low_mark is not None), Edge(c.high, hi_inc, c.high_mark is not None)
        if isinstance(c, PBounded):
            lo = Edge(c.low, c.low_op in (Op.LE, Op.GE))
            hi = Edge(c.high, c.high_op in (Op.LE, Op.GE))
            return lo, hi
        op = c.suffix if c.suffix is not None else c.op
        if c.inclusive_mark is not None and op in (Op.GT, Op.LT):
            op = Op.GE if op is Op.GT else Op.LE
        if op is Op.GE:
            return Edge(c.q, True), None
        if op is Op.GT:
            return Edge(c.q, False), None
        if op is Op.LE:
            return None, Edge(c.q, True)
        if op is Op.LT:
            return None, Edge(c.q, False)
        return Edge(c.q, True), Edge(c.q, True)

    # -- deductions
    def deduction(self, lead: Lead, tail: TDeduct, span: Span, context: Lead) -> Deduction:
        steps = [p for p in lead if isinstance(p, PStep)]
        qtys = [p for p in lead if isinstance(p, PQty)]
        cmps = [p for p in lead if isinstance(p, (PCmp, PBareOp))]
        words = [p for p in lead if isinstance(p, PWord)]
        self.use(*steps, *words, *(p for p in lead if isinstance(p, (PText, PBareOp))))
        text = _lead_text(lead) + "".join(_lead_text(s.words) for s in steps)
        ctx_text = _lead_text(context)
        start: Edge | None = None
        direction: Direction | None = None
        step_q: Quantity | None = None
        step_pp = False
        per_word = ""
        whole = False
        missing_count = False
        if len(steps) > 1:
            # 每低于10000人每减少1%: the first 每… names where the steps start
            first = steps[0]
            if first.q is not None:
                start = Edge(first.q, True)
            steps = steps[1:]
        if steps and steps[-1].q is None and not steps[-1].words and not any(
            isinstance(p, PQty) and p.span[0] >= steps[-1].span[1] for p in lead
        ):
            # 每扣2分: 每 with neither a step (5%, 一例) nor a counted thing (每次)
            raise self.error("step-without-size", "“每”之后缺少步长", steps[-1].span, expected=("数字", "一例", "次"),
                             hint="写明每多少扣分，如“每5%扣2分”“每一例扣1分”")  # fmt: skip
        if steps:
            st = steps[-1]
            per_word = st.word
            whole = st.per == "full"
            step_q = st.q
            step_pp = st.pp
            trailing = [p for p in lead if isinstance(p, PQty) and p.span[0] >= st.span[1]]
            between = self.text[st.span[1] : trailing[0].span[0]] if trailing else ""
            if st.q is not None and trailing and "或" in between and st.per == "down" and not st.q.is_percent:
                # 每少一种机构或少一项制度: two counters of one shortfall, each missing thing one step
                alternative = trailing[0]
                self.use(alternative)
                trailing = []
                missing_count = True
            if st.q is not None and trailing:
                # 每低于100%一个百分点: 100% is where the steps start, 一个百分点 the step
                start = Edge(st.q, True)
                step_q = trailing[0].q
                step_pp = trailing[0].pp
                self.use(trailing[0])
            if st.per == "down":
                direction = Direction.SHORTFALL
            elif st.per == "up":
                direction = Direction.EXCESS
            elif st.per == "dev":
                direction = None
            if any(w in per_word for w in _DELAY_WORDS):
                direction = None
        elif qtys:
            step_q = qtys[-1].q
            step_pp = qtys[-1].pp
            self.use(qtys[-1])
        start_from: Any = None
        for c in cmps:
            # 低于95%每偏差5%: the comparison before the step is where the steps start
            if isinstance(c, PCmp) and (not steps or c.span[1] <= steps[-1].span[0]):
                if start is not None and start.value != c.q:
                    # 90%以上每低于95%一个百分点: two different lines the steps would count from
                    raise self.error("two-starts", "扣分的起点写了两个不同的数", c.span,
                                     expected=("一个起点",), hint="只写一个起点，如“低于95%每偏差5%扣2分”")  # fmt: skip
                start = Edge(c.q, c.op in (Op.GE, Op.LE))
                start_from = c
                direction = Direction.SHORTFALL if c.op in (Op.LT, Op.LE) else Direction.EXCESS
            elif isinstance(c, PBareOp):
                before = self.text[max(0, c.span[0] - 2) : c.span[0]]
                if before.endswith(_NEGATIONS):
                    # 未达到偏差10% / 未达到招聘人数: falling short
                    direction = Direction.SHORTFALL
                elif c.op in (Op.LT, Op.LE):
                    direction = Direction.SHORTFALL
                elif c.op in (Op.GT, Op.GE):
                    direction = Direction.EXCESS
        if direction is None and not tail.bonus and any(w in text for w in _UNPAID_WORDS):
            direction = Direction.SHORTFALL  # 未入库资金每5%扣2分 / 每欠1%扣1分: the part missing, stated
        if direction is None and not steps and tail.bonus and any(w in text for w in _MORE_WORDS):
            direction = Direction.EXCESS  # 多完成1%加1分
        if direction is None and not steps:
            if any(w in text for w in _SHORT_WORDS):
                direction = Direction.SHORTFALL
            elif any(w in text for w in _EXCESS_WORDS):
                direction = Direction.EXCESS
        deviation = any(w.kind == "deviation" for w in words) or (steps and steps[-1].per == "dev")
        is_delay = any(w in per_word or w in text for w in _DELAY_WORDS)
        is_percent = step_q is not None and step_q.is_percent
        is_event = False
        event_verb = any(w in text for w in _EVENT_WORDS) and direction is None and not deviation
        if step_q is None:
            is_event = bool(steps) or tail.per_unit != ""
        elif not is_percent:
            unit = step_q.unit
            if is_delay or event_verb or (deviation and unit in _EVENT_UNITS):
                # 数据偏差错误一项扣1分: a count of errors, not a deviation
                is_event = True
                deviation = False
            elif direction is None and not deviation and (unit in _EVENT_UNITS or unit == ""):
                is_event = unit != "" or any(w in text for w in _EVENT_WORDS)
            elif direction is None and not deviation and unit in _TIME_UNITS:
                is_event = True
            elif (
                (not steps or missing_count)
                and direction is Direction.SHORTFALL
                and unit in _EVENT_UNITS
                and not self._has_threshold(unit)
            ):
                # 少一项扣1分 / 缺一个扣0.5分 with no number to fall short of: count what is missing
                is_event = True
        points = tail.points
        if tail.range_high is not None:
            if not isinstance(points, Decimal) or tail.range_high <= points:
                raise self.error("deduction-range", "扣分区间的上限应大于下限", tail.span, expected=("扣4-7分",))
            # 虚列套取扣4-7分: a deduction whose amount the evaluator chooses within the range;
            # 每例减5-10分: that much per case
            if is_event:
                size = step_q if step_q is not None else Quantity(Decimal(1), tail.per_unit or "次")
                return Deduction(StepKind.EVENTS, points, size, event=self._event(lead, ctx_text),
                                 points_max=tail.range_high, bonus=tail.bonus, span=span)  # fmt: skip
            return Deduction(StepKind.ONCE, points, None, event=self._event(lead, ctx_text),
                             points_max=tail.range_high, bonus=tail.bonus, span=span)  # fmt: skip
        if step_q is None and not is_event:
            if steps:
                raise self.error("step-without-size", "“每”之后缺少步长", steps[-1].span, expected=("数字",))
            return Deduction(StepKind.ONCE, points, None, event=self._event(lead, ctx_text), bonus=tail.bonus, span=span)
        if is_event and start is not None and len([p for p in lead if isinstance(p, PStep)]) > 1:
            # 每90%每完成率…: a line the steps would start from, but what is counted is no distance
            raise self.error("two-steps", "一个子句里写了两个“每…”，无法确定步长", span, expected=("一个“每…”",))
        if is_event:
            size = step_q if step_q is not None else Quantity(Decimal(1), tail.per_unit or "次")
            return Deduction(StepKind.EVENTS, points, size, event=self._event(lead, ctx_text), span=span,
                             partial=Partial.FLOOR if whole else None, bonus=tail.bonus)  # fmt: skip
        assert step_q is not None
        if tail.count_up and start is None and direction in (None, Direction.EXCESS):
            # 每完成1%得0.3分: the steps count up from 0
            start, direction = Edge(Quantity(Decimal(0), step_q.unit), True, False), Direction.EXCESS
        self.use(start_from)  # only a distance counts from where a comparison says (低于95%每偏差5%)
        measure = Measure.DEVIATION if deviation else Measure.VALUE
        # the basis of a percent step is set only where the text states it (个百分点); otherwise the
        # evaluator reads it from the quantities: a rate → percentage points, an amount → relative
        basis: PercentBasis | None = PercentBasis.POINTS if step_pp else None
        return Deduction(
            StepKind.DISTANCE, points, step_q, direction, measure, basis,
            Partial.FLOOR if whole else None, start, self._event(lead, ctx_text), bonus=tail.bonus, span=span,
        )  # fmt: skip

    def _respective(self, lead: Lead, tl: TList, span: Span) -> list[Clause]:
        """超过80%、70%和60%，分别得6分、4分和2分 / 少建一个或已建但未达标的分别扣1分、3分: one clause per
        member of the list, in order (domain point 17: 分别 means per item). Numeric members share the
        comparison of the first; worded members are split at 、/和/或/及, and each is counted per item."""
        n = len(tl.values)
        members = [p for p in lead if isinstance(p, (PCmp, PQty, PRange))]
        if (
            tl.kind == "award" and len(members) == 1 and isinstance(members[0], PRange)
            and members[0].low.unit in _RANK_UNITS and members[0].high.unit == members[0].low.unit
            and members[0].high.value - members[0].low.value + 1 == n
            and members[0].low.value == members[0].low.value.to_integral_value()
        ):  # fmt: skip
            # 排名1-5名的依次赋予60分、57分、54分、51分、48分: one band per rank (domain point 19)
            r = members[0]
            self.use(r)
            self.use(*(p for p in lead if isinstance(p, (PText, PWord))))
            subject = _lead_text(lead).strip("的")
            out_: list[Clause] = []
            for k, v in enumerate(tl.values):
                q = Quantity(r.low.value + k, r.low.unit)
                out_.append(Award(Range(Measure.VALUE, Edge(q, True), Edge(q, True), subject, r.span), Points(v), False, span))
            return out_
        if members and tl.kind == "award":
            if len(members) != n or isinstance(members[0], PQty):
                raise self.error("list-count", f"列出{len(members)}个数值，却有{n}个分值", tl.span,
                                 expected=(f"{n}个条件",))  # fmt: skip
            first = members[0]
            words = tuple(p for p in lead if isinstance(p, PWord) or (isinstance(p, PText) and not _list_sep(p)))
            self.use(*(p for p in lead if isinstance(p, PText) and _list_sep(p)))
            out: list[Clause] = []
            for m, v in zip(members, tl.values, strict=True):
                if isinstance(m, PQty) and isinstance(first, PCmp):
                    m = PCmp(first.op, m.q, m.span, first.of_target, None, first.suffix)
                elif isinstance(m, PQty):
                    raise self.error("list-count", "列表中的数值缺少比较", m.span, expected=("≥", "以上"))
                cond = self.condition((*words, m), m.span)
                out.append(Award(cond, Points(v), False, span))
            return out
        parts = _split_list(lead)
        if len(parts) != n or tl.kind == "award":
            raise self.error("list-count", f"列出{len(parts)}项，却有{n}个分值", tl.span, expected=(f"{n}项",))
        out = []
        for part, v in zip(parts, tl.values, strict=True):
            d = self.deduction(part, TDeduct(v, tl.span, bonus=tl.kind == "bonus"), span, ())
            if d.kind is StepKind.ONCE:
                # 分别 means per item: each one counts
                d = attrs.evolve(d, kind=StepKind.EVENTS, step=Quantity(Decimal(1), "项"))
            out.append(d)
        return out

    def _event(self, lead: Lead, ctx_text: str) -> str:
        """The words of a deduction's lead as written (每发现一例不合规 → 发现一例不合规)."""
        spans = [p.span for p in lead if hasattr(p, "span") and p.span != (0, 0)]
        if not spans:
            return ctx_text
        raw = self.text[min(s[0] for s in spans) : max(s[1] for s in spans)]
        return raw.lstrip("每").strip("，,；;。 ")

    def _cap(self, caps: list[TCap], deducts: list[TDeduct], lead: Lead, out: list[Clause],
             lone_caps: list[tuple[int, TCap]]) -> None:
        """最多扣5分 / 扣分不超过3分: in a clause with its own deduction (每例扣1分最多扣5分) it
        bounds that deduction; a clause of its own bounds the deduction just before it, or every
        deduction when it closes a rule of several (domain point 15; ``_apply_caps``)."""
        if len(caps) > 1:
            raise self.error("two-caps", "同一子句写了两个扣分上限", caps[1].span)
        cap = caps[0]
        if cap.kind == "base":
            # 加扣分均不突破基本分: the bonuses add at most the base (domain point 18)
            self.use(*(p for p in lead if isinstance(p, PText)))
            self.bonus_base = cap
            return
        if lead and not deducts and any(not isinstance(p, PText) for p in lead):
            raise self.error("cap-with-condition", "扣分上限前的条件无法读懂", self._lead_span(lead, cap.span),
                             expected=("最多扣N分",), hint="把上限写在扣分子句之后，如“每例扣1分，最多扣5分”")  # fmt: skip
        before = [c for c in out if isinstance(c, Deduction)]
        if not deducts and not before:
            raise self.error("cap-without-deduction", "扣分上限之前没有扣分条款", cap.span,
                             expected=("每…扣N分", "扣N分"))  # fmt: skip
        self.use(*(p for p in lead if isinstance(p, PText)))
        if deducts:
            if cap.kind != "any" and any(d.bonus != (cap.kind == "bonus") for d in deducts):
                raise self.error("cap-kind", "上限与本子句不符（加分的上限写成了扣分上限，或相反）", cap.span,
                                 expected=("最多扣N分", "最多加N分"))  # fmt: skip
            self.pending_cap = cap.points  # applied to this clause's deductions as they are built
        else:
            lone_caps.append((len(out), cap))

    def _apply_caps(
        self, out: list[Clause], lone_caps: list[tuple[int, TCap]]
    ) -> tuple[list[Clause], Decimal | None, Decimal | None]:
        rule_cap: Decimal | None = None
        bonus_cap: Decimal | None = None
        for where, cap in lone_caps:
            points = cap.points
            kind = cap.kind
            if kind == "any":
                # 最高不超过4分: the cap of the clause just before, a deduction or a bonus
                prev = next((c for c in reversed(out[:where]) if isinstance(c, Deduction)), None)
                kind = "bonus" if prev is not None and prev.bonus else "deduct"
            bonus = kind == "bonus"
            before = [i for i, c in enumerate(out[:where]) if isinstance(c, Deduction) and c.bonus == bonus]
            after = [c for c in out[where:] if isinstance(c, Deduction) and c.bonus == bonus]
            if not before:
                raise self.error("cap-without-deduction", "上限之前没有" + ("加分" if bonus else "扣分") + "条款",
                                 cap.span, expected=("每…加N分" if bonus else "每…扣N分",))  # fmt: skip
            if not after and len(before) > 1 and bonus:
                bonus_cap = points  # 每项加1分…每篇加2分，最多加5分: all the bonuses together
            elif not after and len(before) > 1:
                rule_cap = points  # 每次减0.5分，每例减1分，最多减5分: all the deductions together
            else:
                last = out[before[-1]]
                assert isinstance(last, Deduction)
                if last.cap is not None:
                    raise self.error("two-caps", "同一扣分条款有两个上限", cap.span, expected=("一个上限",))
                out[before[-1]] = attrs.evolve(last, cap=points)
        return out, rule_cap, bonus_cap

    @staticmethod
    def _context_edge(lead: Lead) -> PCmp | PQty | None:
        """The one number of a context clause (按计划100%完成 / 开机率不得低于95% / >0), if it has one."""
        numeric = [p for p in lead if isinstance(p, (PCmp, PQty, PRange, PBounded, PStep, PBareOp))]
        if len(numeric) == 1 and (isinstance(numeric[0], PCmp) or (isinstance(numeric[0], PQty) and numeric[0].q.is_percent)):
            return numeric[0]  # a bare count (每季度进行一次) is a frequency, not a line
        return None

    def _has_threshold(self, unit: str) -> bool:
        return any(q.unit == unit for q in self.thresholds)


    # -- a list of clauses → Rule
    def rule(self, clauses: Sequence[tuple[str, list[Any], Span]]) -> tuple[Rule, list[Note]]:
        segs = self.segments(clauses)
        self.thresholds = [p.q for s in segs for p in s.lead if isinstance(p, PCmp)] + [
            p.low for s in segs for p in s.lead if isinstance(p, PRange)
        ]
        out: list[Clause] = []
        until = False
        notes: list[Note] = []
        last_lead: Lead = ()
        ceil = False
        below_zero = False  # 该项可负分 / 倒扣 (domain point 6)
        context_edge: Any = None  # the one comparison of a context clause, for the deduction after it
        lone_caps: list[tuple[int, TCap]] = []  # (where in out, the cap) of caps standing alone
        for seg in segs:
            if not seg.tails:
                note = Note(self.text[seg.span[0] : seg.span[1]].strip(), seg.span)
                out.append(note)
                notes.append(note)
                last_lead = seg.lead
                context_edge = self._context_edge(seg.lead)
                continue
            lead = seg.lead
            self.use(*seg.tails)
            lists = [t for t in seg.tails if isinstance(t, TList)]
            if lists:
                if len(seg.tails) > 1:
                    raise self.error("list-with-other", "“分别…”之外同一子句还有别的得分或扣分", seg.span,
                                     expected=("，",))  # fmt: skip
                if (
                    len(_split_list(lead)) < len(lists[0].values)
                    and out and isinstance(out[-1], Note) and last_lead
                    and not any(isinstance(p, (PCmp, PQty, PRange)) for p in lead)
                ):  # fmt: skip
                    # 少建一个或已建，但未达标的分别扣1分、3分: the list begins in the clause before
                    notes.remove(out.pop())  # type: ignore[arg-type]
                    lead = last_lead + lead
                out.extend(self._respective(lead, lists[0], seg.span))
                last_lead = seg.lead
                context_edge = None
                continue
            deducts = [t for t in seg.tails if isinstance(t, TDeduct)]
            caps = [t for t in seg.tails if isinstance(t, TCap)]
            if caps:
                self._cap(caps, deducts, lead, out, lone_caps)
                if not deducts and not [t for t in seg.tails if not isinstance(t, TCap)]:
                    last_lead = seg.lead
                    context_edge = None
                    continue
            outcomes = [t for t in seg.tails if isinstance(t, TOutcome)]
            flags = [t for t in seg.tails if isinstance(t, TFlag)]
            if (
                outcomes and not deducts and len(outcomes) == 1 and isinstance(outcomes[0].outcome, Points)
                and len([p for p in lead if isinstance(p, PStep)]) == 1
            ):  # fmt: skip
                # 每完成1%得0.3分 / 每开展一项得2分: a per-step award with no base counts up from 0
                # (domain point 18); it reads as points added per step
                points = outcomes[0].outcome.value
                deducts = [TDeduct(points, outcomes[0].span, bonus=True, count_up=True)]
                outcomes = []
            if deducts:
                ctx = lead
                if not lead:
                    # 1例不符，扣0.2分: the step is in the clause before
                    prev = out[-1] if out else None
                    if isinstance(prev, Note):
                        out.pop()
                        lead = last_lead
                # a condition before the deduction in the same lead, e.g. 完成率100%计2分，每有一项未完成扣0.2分
                gap = None
                if len(deducts) == 1 and isinstance(deducts[0].points, Decimal) and not outcomes:
                    d = deducts[0]
                    if d.range_high is None and not d.bonus and not d.per_unit and not d.below_zero:
                        gap = self.gap(lead, self._lead_span(lead, seg.span))
                if gap is not None:
                    # 低于目标10个百分点以内的扣3分: within this band of the shortfall the indicator
                    # scores its weight less the points (domain point 16); one band applies
                    assert isinstance(deducts[0].points, Decimal)
                    off = BinOp("-", Var("指标分值"), Num(deducts[0].points))
                    out.append(Award(gap, Formula(off), False, seg.span))
                    deducts = []
                for d in deducts:
                    below_zero = below_zero or d.below_zero
                    ded = self.deduction(lead, d, seg.span, ctx)
                    if self.pending_cap is not None:
                        ded = attrs.evolve(ded, cap=self.pending_cap)
                    if context_edge is not None and ded.kind is StepKind.DISTANCE and ded.start is None:
                        # 按计划100%完成年度评审人数，每偏差5%扣2分 / “三公经费”>0,每超过一个百分点扣0.5分:
                        # the clause before states the line the steps count from
                        incl = not (isinstance(context_edge, PCmp) and context_edge.op in (Op.GT, Op.LT))
                        q = context_edge.q
                        ded = attrs.evolve(ded, start=Edge(q, incl))
                        self.use(context_edge)
                    elif context_edge is not None and ded.start is not None and ded.start.value == context_edge.q:
                        # 人数10000人以上，每低于10000人每减少1%扣1分: the clause before restates the start
                        self.use(context_edge)
                    out.append(ded)
                if outcomes:
                    raise self.error("mixed-clause", "同一子句中既扣分又给分", outcomes[0].span)
            elif outcomes:
                if len(outcomes) > 1 and not all(isinstance(o.outcome, Zero) for o in outcomes):
                    raise self.error("two-outcomes", "同一条件给出了两个分值", outcomes[1].span, expected=("，", "；"))
                cond = self.condition(lead, self._lead_span(lead, seg.span))
                o = outcomes[0]
                discretionary = any(f.kind == "discretion" for f in flags)
                if o.veto:
                    if cond is None:
                        raise self.error("veto-without-condition", "否决条款缺少条件", o.span, expected=("条件",))
                    out.append(Veto(cond, seg.span))
                else:
                    out.append(Award(cond, o.outcome, discretionary, seg.span))
            for f in flags:
                if f.kind == "until":
                    until = True
                elif f.kind == "proportional":
                    out.append(Proportional(f.text, True if "超支" in f.text else None, f.span))
                elif f.kind == "ceil":
                    ceil = True
                elif f.kind == "below_zero":
                    below_zero = True
                elif f.kind == "discretion" and not outcomes:
                    # 未完成的，按完成情况酌情扣分 / 根据部门自评材料评定: no points in the text
                    cond = self.condition(lead, self._lead_span(lead, seg.span))
                    out.append(Award(cond, ByHand(), False, seg.span))
            last_lead = seg.lead
            context_edge = None
            self.pending_cap = None
        out = self._inherit_measure(out)
        out = self._excess_thresholds(out)
        out = self._tightest_first(out)
        self._no_crossing_bands(out)
        if ceil:
            out = [attrs.evolve(c, partial=Partial.CEIL) if isinstance(c, Deduction) else c for c in out]
        out = self._resolve_labels(out)
        out, rule_cap, bonus_cap = self._apply_caps(out, lone_caps)
        bonus_base = self.bonus_base is not None
        if bonus_base and not any(isinstance(c, Deduction) and c.bonus for c in out):
            assert self.bonus_base is not None
            raise self.error("cap-without-bonus", "加分上限之前没有加分条款", self.bonus_base.span, expected=("加N分",))
        self.bonus_base = None
        if below_zero and not any(isinstance(c, Deduction) and not c.bonus for c in out):
            flag = next((t for s in segs for t in s.tails if isinstance(t, TFlag) and t.kind == "below_zero"), None)
            raise self.error("below-zero-without-deduction", "“可负分”之前没有扣分条款",
                             flag.span if flag else (0, len(self.text)), expected=("扣N分",))  # fmt: skip
        rule = Rule(tuple(out), until, rule_cap, bonus_cap=bonus_cap, bonus_cap_base=bonus_base, below_zero=below_zero)
        return rule, notes

    @staticmethod
    def _excess_thresholds(clauses: list[Clause]) -> list[Clause]:
        """未超预算100万元，计10分；每超过1%扣1分: an unstated bound is an upper one when the rule deducts for excess."""
        deds = [c for c in clauses if isinstance(c, Deduction) and c.kind is StepKind.DISTANCE]
        if not deds or not all(d.direction is Direction.EXCESS for d in deds):
            return clauses
        out: list[Clause] = []
        for c in clauses:
            if isinstance(c, Award) and isinstance(c.condition, Range):
                r = c.condition
                if r.low is not None and r.high is None and not r.low.stated:
                    c = attrs.evolve(c, condition=attrs.evolve(r, low=None, high=r.low))
            out.append(c)
        return out

    def _no_crossing_bands(self, clauses: list[Clause]) -> None:
        """Two bands on one quantity that cross (each holds values the other does not, and they share
        a stretch, not just an end) with different points contradict each other: 1个月内到账2分，12月内
        到账1分，2个月以上0分 is 1-2月 with its dash lost. Nested tiers (≥5家得6分，≥3家得4分) and bands
        that share an end (80%以上…80%以下) are read as written, the first listed winning (semantics §1)."""
        bands = [c for c in clauses if isinstance(c, Award) and isinstance(c.condition, Range)]
        for i, a in enumerate(bands):
            for b in bands[i + 1 :]:
                ra, rb = a.condition, b.condition
                assert isinstance(ra, Range) and isinstance(rb, Range)
                if ra.measure is not rb.measure or a.outcome == b.outcome or not _crossing(ra, rb):
                    continue
                raise self.error(
                    "crossing-bands", "两个分档相互交叉，给分不同", b.span or (0, len(self.text)),
                    expected=("互不重叠的分档",),
                    hint="检查是否印刷时丢失了“-”（如“1-2月内”），或改写成互不重叠的区间",
                )  # fmt: skip

    @staticmethod
    def _tightest_first(clauses: list[Clause]) -> list[Clause]:
        """偏离40%不得分；偏离30%得15分；偏离20%得18分；偏离10%以内得20分: nested one-sided bands
        written loosest first are tiers; each holds from the next tighter bound on. Since the first
        band that holds wins, they are put tightest first (the order the AST shows is the reading).
        Only when every award is such a band on one measure and the bounds strictly loosen."""
        awards = [c for c in clauses if isinstance(c, Award)]
        if len(awards) < 2 or not all(isinstance(a.condition, Range) for a in awards):
            return clauses
        ranges = [a.condition for a in awards if isinstance(a.condition, Range)]
        if len({r.measure for r in ranges}) != 1:
            return clauses
        if all(r.low is None and r.high is not None for r in ranges):
            bounds = [r.high.value for r in ranges if r.high is not None]
            loosening = all(a.value > b.value for a, b in itertools.pairwise(bounds))
        elif all(r.high is None and r.low is not None for r in ranges):
            bounds = [r.low.value for r in ranges if r.low is not None]
            loosening = all(a.value < b.value for a, b in itertools.pairwise(bounds))
        else:
            return clauses
        if not loosening or len({(b.is_percent, b.unit) for b in bounds}) != 1:
            return clauses
        tiers = iter(reversed(awards))
        return [next(tiers) if isinstance(c, Award) else c for c in clauses]

    @staticmethod
    def _inherit_measure(clauses: list[Clause]) -> list[Clause]:
        """偏离小于等于5%，得20分；小于等于10%，得15分: later bands keep the measure of the first."""
        out: list[Clause] = []
        measure = Measure.VALUE
        for c in clauses:
            if isinstance(c, Award) and isinstance(c.condition, Range):
                cond = c.condition
                if cond.measure is Measure.VALUE and not cond.subject and measure is not Measure.VALUE:
                    c = attrs.evolve(c, condition=attrs.evolve(cond, measure=measure))
                else:
                    measure = cond.measure
            out.append(c)
        return out

    @staticmethod
    def _lead_span(lead: Lead, default: Span) -> Span:
        spans = [p.span for p in lead if hasattr(p, "span")]
        if not spans:
            return default
        return (min(s[0] for s in spans), max(s[1] for s in spans))

    def _resolve_labels(self, clauses: list[Clause]) -> list[Clause]:
        """In a numeric rule, a worded full-marks condition (完成, 全部完成) means the target is met."""
        numeric = any(
            isinstance(c, (Deduction, Proportional)) or (isinstance(c, Award) and isinstance(c.condition, Range))
            for c in clauses
        )
        events = any(isinstance(c, Deduction) and c.kind in (StepKind.EVENTS, StepKind.ONCE) for c in clauses)
        if not numeric:
            return clauses
        out: list[Clause] = []
        top = max((_rank(c.outcome) for c in clauses if isinstance(c, Award)), default=Decimal(0))
        for c in clauses:
            if isinstance(c, Award) and isinstance(c.condition, Label):
                # 未发生得满分 is the met case although it starts with 未: the top outcome is "met";
                # 未及时发布，计1分 below a 计5分 stays a not-met grade
                lab = c.condition
                negated = isinstance(c.outcome, Zero) or (lab.negated and _rank(c.outcome) < top)
                out.append(attrs.evolve(c, condition=TargetMet(lab.text, negated, span=lab.span)))
            elif (
                events
                and isinstance(c, Award)
                and isinstance(c.condition, Range)
                and isinstance(c.outcome, (FullMarks, Points))
                and not any(isinstance(d, Deduction) and d.kind is StepKind.DISTANCE for d in clauses)
            ):
                # 合规率100%得满分，每发现一例不合规扣1分: the input is the count of events. A band at the
                # whole rate (or at no case) just says "no event"; any other (时限为3个工作日) says what an
                # event falls short of, and is kept as the requirement, not thrown away
                r = c.condition
                words = (self.text[r.span[0] : r.span[1]] if r.span else r.subject).strip("，,；;。 的")
                need = None if _all_clear(r) else attrs.evolve(r, span=None)
                out.append(attrs.evolve(c, condition=TargetMet(words, False, need, r.span)))
            else:
                out.append(c)
        return out

    # -- the whole text
    def build(self, tree: Any) -> Node:
        if isinstance(tree, tuple) and tree[0] == "composite":
            node = self.composite(tree[1], tree[2])
            self.account()
            return node
        rule, _ = self.rule(tree)
        self.require_logic(rule)
        self.account()
        return attrs.evolve(rule, source=self.text)

    def require_logic(self, rule: Rule) -> None:
        if all(isinstance(c, Note) for c in rule.clauses):
            raise RuleSyntaxError(
                "no-scoring-logic", "这段文字没有评分逻辑：没有得分、扣分或不得分的表述", self.text, 0,
                length=len(self.text), expected=("得满分", "得N分", "扣N分", "不得分"),
                hint="评（扣）分标准应说明何种情况得几分，如“完成得满分，未完成不得分”",
            )  # fmt: skip

    def _item_note(self, item: Item) -> Note:
        span = item.span or (0, 0)
        return Note(self.text[span[0] : span[1]].strip(), item.span)

    def composite(self, pre: list[Any], items: list[Any]) -> Node:
        built: list[Item] = []
        shared_clauses: list[Any] = []
        for _, number, clauses, span, mark in items:
            self.use(mark)
            rule, _ = self.rule(clauses)
            points: Decimal | None = None
            for a in rule.awards:
                if isinstance(a.outcome, Points) and a.outcome.value > 0:
                    points = a.outcome.value
                    break
            built.append(Item(number, points, rule, span))
        scored = [i for i in built if i.rule.awards or i.rule.deductions or i.rule.vetoes]
        checklist = (
            len(built) > 1
            and scored == [built[-1]]
            and not built[-1].rule.awards
            and isinstance(built[-1].rule.clauses[0], Note)
        )
        if checklist:
            # ①资产保存完整；…⑤…；以上情况每出现一例不符合要求的扣1分: a checklist whose scoring is
            # the deduction in the last item's closing sentence
            last_rule = built[-1].rule
            notes = tuple(self._item_note(i) for i in built[:-1])
            merged = Rule(notes + last_rule.clauses, last_rule.until_exhausted, below_zero=last_rule.below_zero)
            return attrs.evolve(merged, source=self.text)
        if scored and all(i.rule.deductions and not i.rule.awards for i in built):
            # ①虚列套取扣4-7分 ②依据不合规扣2分…: numbered deductions from the one weight
            clauses = tuple(c for i in built for c in i.rule.clauses)
            merged = Rule(clauses, any(i.rule.until_exhausted for i in built), below_zero=any(i.rule.below_zero for i in built))
            return attrs.evolve(merged, source=self.text)
        if not scored:
            # ①资产保存完整；②资产配置合理；…以上情况每出现一例不符合要求的扣1分: a checklist
            # whose only scoring is the shared deduction at the end of the last item
            notes = tuple(self._item_note(i) for i in built)
            pre_rule, _ = self.rule(pre) if pre else (Rule(()), [])
            merged = Rule(pre_rule.clauses + notes, pre_rule.until_exhausted)
            self.require_logic(merged)
            return attrs.evolve(merged, source=self.text)
        # a trailing 以上情况…扣分 sentence lives in the last item's clauses: split it off
        last = built[-1]
        if pre:
            shared_clauses = pre
        shared: Rule | None = None
        if shared_clauses:
            shared, _ = self.rule(shared_clauses)
            if all(isinstance(c, Note) for c in shared.clauses):
                shared = None
        del last
        return Composite(tuple(built), shared, source=self.text)


def build(tree: Tree[Token], text: str) -> Node:
    """Turn a parse tree of ``grammar/scoring.lark`` into a Rule or Composite."""
    phrases = _Phrases(text).transform(tree)
    return _Assembler(text).build(phrases)
