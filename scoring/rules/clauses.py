"""The clause readers: a lead's condition (bands, gaps, labels), a deduction or bonus and its step,
lists with 分别, and caps. ``ClauseReader`` is the base of the assembler, which calls them per clause.

Why ``ClauseReader`` is over 300 lines (issue 15): its methods are one reader per clause shape, each
short, that share the state of one rule's reading (the span reader, the segment being read, what the
earlier clauses said); split into classes they would pass that state around instead of holding it."""

from __future__ import annotations

import calendar
import datetime
import itertools
import re
from decimal import Decimal
from typing import Any

import attrs

from ..errors import RuleSyntaxError
from .accounting import SpanReader
from .grades import grade_of, grade_words
from .lexicon import words as lexicon_words
from .nodes import (
    All,
    AnyOf,
    Award,
    Clause,
    Condition,
    Deduction,
    Direction,
    Edge,
    Formula,
    Label,
    Measure,
    MonthDay,
    Op,
    Otherwise,
    Partial,
    PercentBasis,
    Points,
    Quantity,
    Range,
    StepKind,
)
from .phrases import (
    _BEHIND_WORDS,
    _BUDGET_WORDS,
    _DELAY_OVER,
    _DELAY_WORDS,
    _EVENT_UNITS,
    _EVENT_WORDS,
    _EXCESS_BAND_WORDS,
    _EXCESS_WORDS,
    _FIRST_HALF,
    _FLOOR,
    _FREQ_WORDS,
    _JOINT_WORDS,
    _MISSED_WORDS,
    _MORE_WORDS,
    _NEGATIONS,
    _OTHERWISE,
    _PERIODS,
    _REST,
    _SECOND_HALF,
    _SHORT_WORDS,
    _STANDARD_WORDS,
    _TIME_LIMIT_WORDS,
    _TIME_UNITS,
    _UNPAID_WORDS,
    _WHOLE_SET,
    _YEAR_END,
    Lead,
    PBareOp,
    PBounded,
    PCmp,
    PGraded,
    PQty,
    PRange,
    PStep,
    PText,
    PWord,
    Span,
    TCap,
    TDeduct,
    TList,
    _lead_text,
    _merge,
)
from .shapes import _RANK_UNITS, _is_negated, _list_sep, _split_list, delay_band

_GAP_NOUNS = tuple(lexicon_words("gap_noun"))

# a rank counted from the last (倒数第3名): refused, the number ranked is not written
_FROM_LAST = ("倒数",)
#: 每件再扣 / 每次另扣 / 每起还扣: a further deduction per event, for events a deduction before counts (semantics §159)
_AGAIN = ("再", "另", "还")


def _again(lead: Lead, bonus: bool) -> bool:
    """每件再扣 (semantics §159): the deduction's words end in 每… and then 再 / 另 / 还, right before its verb."""
    if bonus or not lead:
        return False
    last = max(lead, key=lambda p: p.span[1])
    if isinstance(last, PText):
        end = last.text.strip()
    elif isinstance(last, PStep) and last.q is None:
        end = last.per + "".join(w.text for w in last.words).strip()  # 每 + 起另: a step with no size of its own
    else:
        return False
    return end.endswith(_AGAIN) and "每" in end[:-1]

#: （优秀） / (良好)的 after a band: the grade that names it (semantics §103)
#: 完成率90%以上（优秀） / 80-89分为良 (semantics §103, §119): the grade named after a band, in brackets or after 为
_GRADE_NOTE = re.compile(r"^\s*(?:[（(]\s*(?P<g>[^（()）0-9%％]+?)\s*[)）]|为\s*(?P<w>[^（()）0-9%％，,；;]+?))\s*的?\s*$")
#: 优秀（10分）：各项指标全部完成: a grade's points before the colon, read as its outcome (semantics §108), are no
#: part of the words that earn it
_GRADE_POINTS = re.compile(r"^(?P<g>[^（(：:]{1,4})\s*[（(]\s*[0-9]+(?:\.[0-9]+)?\s*分\s*[)）](?=\s*[：:])")
#: 控制在…之间 / 介于…之间 around a range, left as 控制在之间 once the range is read out of the words
_BETWEEN = re.compile(r"(?:控制)?(?:在|于|介于)之间(?=的?$)")
#: 且 / 并且 / 同时 joining two worded requirements (semantics §93)
_JOINT = re.compile(r"并且|且|[，,]同时")
#: 或 joining a band to words of another thing (semantics §143)
_EITHER = re.compile(r"或者|或")


def _a_grade(words: str) -> bool:
    """优 / 良好 / “满意”: a grade word of the lexicon, or words that are a grade with no subject (semantics §103)."""
    g = grade_of(words)
    return words in grade_words() or (g is not None and not g.subject)


_OPENERS = tuple(sorted(lexicon_words("condition_opener"), key=len, reverse=True))


def _unopened(text: str) -> str:
    """如果发生重大事故 → 发生重大事故: a word opening a condition is not one of its words (semantics §105);
    若干 is a word of its own."""
    for w in _OPENERS:
        if text.startswith(w) and not text.startswith("若干") and len(text) > len(w):
            return text[len(w) :].lstrip()
    return text


def _conjuncts(words: str) -> tuple[str, ...]:
    """设立举报电话且24小时有人值守 → (设立举报电话, 24小时有人值守): the parts 且 / 并且 / 同时 join, each
    with words of its own; () for words that join nothing (且 at an end)."""
    parts = tuple(p.strip("，, 的") for p in _JOINT.split(words))
    return parts if len(parts) > 1 and all(parts) else ()


# words that may follow a bare number at once without being its unit (达到90的 / 90以上 / 80至90)
_AFTER_A_NUMBER = frozenset("的以及或和与至到为时者后前内上下")
#: 2024年 … : the years a date in words may name (a larger or smaller number of 年 is a duration)
_YEARS = (1949, 2100)
#: what makes a date a deadline: 前 (by), 底/末 (the end of the year or month), 以前/之前
_DEADLINE_WORDS = ("前", "底", "末", "以前", "之前")
_SEASON_BEFORE = re.compile(r"[\u4e00-\u9fff]{1,6}前\s*[（(]")  # 汛期前（ between a year and its bracketed date (§130)
_YEAR_DONE = tuple(lexicon_words("year_done"))  # 2025年完成: by the year's last day (semantics §116)
#: 排名前3的 / 排名4-8的: a bare number or range after these is a rank with no counter (§97); the first only before 前
#: 排名前30%: the words before a share of the number ranked (semantics §109)
_SHARE_BEFORE = ("排名前", "排名在前", "排在前", "名次前", "名次在前")
_RANKED_BEFORE = ("排名前", "排名在前", "排在前", "名次前", "排名", "排名在", "名次", "排名第")
#: after 底/末, what makes the date a start instead (8月底以后开工: after it, no deadline)
_AFTER_WORDS = ("以后", "之后", "后")
# 1月整理更新1次: the units of a period written with its length, and the words between it and its count (§156)
_WRITTEN_PERIODS = ("月", "个月", "周", "季度", "个季度")
_PLAIN_WORDS = re.compile(r"[\u4e00-\u9fff]{1,8}")
_NO_LATER = lexicon_words("no_later")  # 不迟于2025年5月: a deadline written before its date (semantics §104)


def _by(after: str) -> bool:
    """The words after a date make it a deadline (前, 底前, 年底, 以前), not a start (底以后, 之后)."""
    return after.startswith(_DEADLINE_WORDS) and not after.lstrip("底末").startswith(_AFTER_WORDS)


# 以内 / 内 / 以下 / 以上 closing a comparison after a strict comparison word: a band on how far past a line (§155)
_PAST_SUFFIX = re.compile(r"[以之]?内|以[上下]")
_WITHIN_SUFFIX = re.compile(r"[以之]?内")


class ClauseReader(SpanReader):
    """Reads one clause's phrases into a node; the rule-level state it needs lives here."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        # thresholds of the rule being read, filled before its deductions are read
        self.thresholds: list[Quantity] = []
        self.pending_cap: Decimal | None = None  # 每例扣1分最多扣5分: the cap of the clause being read
        # 扣分不超过本项分值的50%: (where in the clauses, the cap) of caps as a share of the weight (semantics §84)
        self.share_caps: list[tuple[int, TCap]] = []
        # 60%-80%的按线性内插赋分: interpolations whose two ends the bands beside must score (semantics §91)
        self.two_ends: list[tuple[Award, Span]] = []
        self.bonus_base: TCap | None = None  # 加扣分均不突破基本分 in the rule being read
        self.bonus_highest: TCap | None = None  # 就高计分 in the rule being read (semantics §126)
        # 第一名 / 前3名: the ranks the rule being read names (its steps in 名 then count places)
        self.ranks: list[Quantity] = []
        # 建设任务完成率：100%得5分: the rule opens with a heading and a colon (its bare bands read as reaching)
        self.headed = False
        # 每季度召开一次: the count per period of a frequency label, by the label's span
        self.frequencies: dict[Span, Range] = {}
        # 专题栏目1月整理更新1次: the written period (1月) of such a frequency label and where it stands (semantics §156)
        self.periods: dict[Span, tuple[Quantity, Span]] = {}
        # 完成率90%以上且验收合格: what the last band joined by 且 measured, for a joined band after it with no name
        self.joint_subject = ""
        # building one numbered item of a composite: a lone 或 of two inputs may be a tier of the items' 且 (§143)
        self.in_item = False
        # 逾期3天的扣1分，逾期7天的扣3分: tier-or-step refusals waiting on whether exact delays are bands (§138)
        self.deferred_tier_or_step: list[Span] = []

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
            # 低于任务但差额在1%以内 / 差额1%以上: a noun naming the shortfall itself (lexicon ``gap_noun``) right before a
            # percentage is a band on the shortfall, relative to an amount target (domain point 2); it was read as the
            # value's band, the amount's ratio ≤1% (eleventh probe A12: every shortfall scored 0)
            said_before = self.text[self._lead_span(lead, span)[0] : c.span[0]].strip()
            for w in ("在", "为", "控制在"):
                said_before = said_before.removesuffix(w)
            if not (said_before.endswith(_GAP_NOUNS) and all(q.unit == "%" for q in _said(c))):
                return None
            return self._gap_band(lead, c, span)
        before = [p for p in lead if p.span[1] <= c.span[0]]
        said = any(isinstance(p, PBareOp) and p.op in (Op.LT, Op.LE) for p in before) or any(
            isinstance(p, PText) and p.text.endswith(_SHORT_WORDS) for p in before
        )
        # 低于目标值10个百分点以内 / 低于10个百分点以上: the shortfall word is the comparison's own word and the
        # suffix is the band's (it was read as the completion ratio ≤10%: 70% on 75% scored 0, not 3)
        own = isinstance(c, PCmp) and c.op in (Op.LT, Op.LE) and c.suffix is not None
        if not (said or own) or (isinstance(c, PCmp) and c.of_target and not own):
            return None
        return self._gap_band(lead, c, span)

    def _gap_band(self, lead: Lead, c: PCmp | PRange, span: Span) -> Range:
        """The band on the shortfall that ``c`` bounds, its edges in percentage points (relative to an amount target
        where the evaluator finds one), the lead's words read with it."""
        lo, hi = self._edges(c)
        self.use(*(p for p in lead if isinstance(p, (PText, PWord, PBareOp))), c)
        if lo is not None:
            lo = attrs.evolve(lo, value=Quantity(lo.value.value, "个百分点"))
        if hi is not None:
            hi = attrs.evolve(hi, value=Quantity(hi.value.value, "个百分点"))
        return Range(Measure.GAP, lo, hi, _lead_text(lead).strip("的"), span)

    def value_band_deduction(self, lead: Lead, d: TDeduct, span: Span) -> Range | None:
        """90%（含）～95%（不含）扣1分 / 95%-98%扣2分 / 满意度90%以下扣2分 / 超支5%以内扣1分: a one-off deduction after
        a band of the value (a range, or one comparison) or of the excess over the budget, with no step, is that
        band's outcome, the weight less the points (as §20 reads it on a band of the shortfall; semantics §71,
        §82). Bands of this kind that nest (低于90%扣1分，低于80%扣3分: the tightest band's points, or both?) are read;
        an answer in two of them is refused when scored (semantics §95)."""
        if d.range_high is not None or d.bonus or d.per_unit or d.below_zero or d.count_up:
            return None
        lines = [p for p in lead if isinstance(p, (PRange, PCmp))]
        if self._delay_over(lead, span) is not None:
            # 超过时限1个月以内扣1分 / 超过1-3个月扣3分: the excess word opening the clause names the delay (§94)
            delay = self._delay_condition(lead, span)
            if delay is not None:
                return delay
        if any(isinstance(p, (PStep, PQty, PBounded, PBareOp)) for p in lead):
            return None
        if len(lines) == 2 and not self._closed_pair(lines):
            return None
        if len(lines) not in (1, 2):
            return None
        if any(w in _lead_text(lead) for w in _DELAY_WORDS):
            # 逾期1个月以内扣2分 / 逾期1-3个月扣4分 / 延迟3个月以上扣4分: a band on how late, in a unit of time
            # (semantics §80). The delay is one quantity that grows as things get worse: such bands are tiers, and
            # an answer in two that share a stretch of delay is refused when scored (§95)
            delay = self._delay_condition(lead, span)
            if delay is not None:
                return delay
        if any(isinstance(p, PWord) for p in lead):
            return None  # 未完成90%偏差扣1分: a deviation or a share of the target, no band of the value
        if any(
            isinstance(c, PCmp) and (c.of_target or c.q.unit == "个百分点" or c.q.unit == "分") for c in lines
        ):  # fmt: skip
            return None
        if any(isinstance(p, PText) and any(w in p.text for w in _FREQ_WORDS) for p in lead):
            return None  # 超过3个月的每月扣1分: per month past the line (§47), no band
        said = self.text[self._lead_span(lead, span)[0] : lines[0].span[0]].strip().rstrip("的")
        if said.endswith(_SHORT_WORDS + _EXCESS_WORDS + _DELAY_WORDS + _BEHIND_WORDS) and not self.excess_band(
            lead, span, [lines[0]]
        ):
            return None  # 进度滞后10%以内扣1分: a band on how far behind, not on the value (not read yet)
        cond = self.condition(lead, span)
        if not isinstance(cond, Range) or cond.measure not in (Measure.VALUE, Measure.EXCESS):
            return None
        if len(lines) == 2 and (cond.low is None or cond.high is None):
            return None
        return cond

    def _closed_pair(self, lines: list[Any]) -> bool:
        """95%（含）以上但低于100%扣1分: two comparisons of one quantity, a lower line then an upper one (or the
        other way round) joined by nothing but 但/且/而/并/、/， are one closed band of the value, as the same words
        before 得4分 are (ninth probe A10: refused as two starts of steps; semantics §108)."""
        a, b = lines
        if not (isinstance(a, PCmp) and isinstance(b, PCmp)) or a.q.unit != b.q.unit:
            return False
        lows, highs = (Op.GT, Op.GE), (Op.LT, Op.LE)
        if not ((a.op in lows and b.op in highs) or (a.op in highs and b.op in lows)):
            return False
        between = self.text[a.span[1] : b.span[0]].strip()
        return between.strip("但且而并、，,的 ") == ""

    def _delay_condition(self, lead: Lead, span: Span) -> Range | None:
        """The clause's band when it is one on how late (``shapes.delay_band``), else None with nothing marked
        read: 滞后10%以内扣1分 is no delay, and its 10 must stay unread unless another node reads it (§104; the
        condition marked it read, and the clause became a one-off deduction named by words holding the number)."""
        before = bytes(self.read)
        delay = self.condition(lead, span)
        if delay_band(delay):
            return delay  # type: ignore[return-value]
        self.read[:] = before
        return None

    def excess_band(self, lead: Lead, span: Span, cmps: list[Any]) -> bool:
        """超出预算10%以内 / 超支5%-10% / 超概算10%以上: the words right before a band's percentage end in an
        excess word (lexicon ``excess_band``), with at most a word of the reference after it (``budget``: 预算,
        概算 …): the band is on the excess over the reference (semantics §82). 超支率5%以内 (a rate's name) and
        超出部分 do not end so and stay the value's band."""
        used = [c for c in cmps if c is not None]
        if not used or not all(_said(c) and all(q.unit == "%" for q in _said(c)) for c in used):
            return False
        before = self.text[self._lead_span(lead, span)[0] : min(c.span[0] for c in used)].strip().rstrip("的")
        if not before and all(self.text[c.span[0] : c.span[1]].lstrip().startswith(("超出", "超支")) for c in used):
            # 每超出预算1%扣0.5分，超出10%以上不得分: the excess word is the band's comparison word, with no subject of
            # its own before it (sixth probe B24: read as the value ≥10%, every amount scored 0)
            return True
        for w in sorted(_BUDGET_WORDS, key=len, reverse=True):
            if before.endswith(w):
                before = before[: -len(w)]
                break
        return before.endswith(_EXCESS_BAND_WORDS)

    def _past_within(
        self, lead: Lead, cmps: list[Any], measure: Measure, low: Edge | None, high: Edge | None
    ) -> tuple[Measure, Edge | None, str] | None:
        """高于X N%以内 / 超过目标值10%以内 / 高于目标值10%以上 / 低于X N%以内 (semantics §155): a strict comparison word
        (高于, 超过, 超出 … or 低于, 不足 …) before a number closed by a suffix (以内, 内, 以下, 以上) says the band is on how
        far past the line X it is; the suffix alone (≤ N, as it was read) dropped the word, so 0% or below scored the
        band, and 高于目标值10%以上 was a completion ratio ≥ 10%. Returns the measure, the lower edge and the subject
        (empty: as read) where both ends are read: on the excess over the row's target (目标值/指标值, a percentage:
        ``Measure.EXCESS``, which holds only above the target, §82), or on the value where words name another
        reference (高于上年决算数10%以内: the answer is the excess itself, 0 < x ≤ N, as the sibling bands
        高于上年决算数的30% read it). A form that cannot be read with both ends is refused. None where the lead is no
        such band (bands on the excess over a budget and on the shortfall in points are read elsewhere, §20, §82)."""
        if len(cmps) != 1 or not isinstance(cmps[0], PCmp) or (low is None) == (high is None):
            return None
        c = cmps[0]
        closed = self.text[c.span[0] : c.span[1]]
        bare = [p for p in lead if isinstance(p, PBareOp) and p.span[1] <= c.span[0]]
        suffixed = bool(_PAST_SUFFIX.search(closed))
        # 超出目标值≤10% / 高于上年≤10% / 低于目标值≥5% (semantics §161): the comparison word before the number is its
        # own sign (or 不超过 …) rather than a suffix; it was read as the value ≤ 10%, the word before it dropped
        signed = not suffixed and c.suffix is None and bool(bare) and all(
            isinstance(p, PText) for p in lead if bare[-1].span[1] <= p.span[0] and p.span[1] <= c.span[0]
        )
        if not suffixed and not signed:
            return None
        if c.suffix is not None:
            op, start, named = c.op, c.span[0], ""
        elif bare:
            op, start = bare[-1].op, bare[-1].span[0]
            named = self.text[bare[-1].span[1] : c.span[0]].strip().strip("的")
        else:
            return None
        if op not in (Op.GT, Op.LT):
            return None
        if bare and bare[-1].of_target and c.suffix is None and not named:
            measure = Measure.RATIO  # 超出目标值≤10%: the target named in the comparison word itself
        if measure is Measure.VALUE and self.excess_band(lead, (start, c.span[1]), [c]):
            return None  # 超出预算10%以内: a band on the excess over the budget already (§82)
        within = high is not None
        edge = high if high is not None else low
        assert edge is not None  # one edge, checked above
        unit = edge.value.unit
        points = "百分点" in closed
        if signed and op is Op.LT and within:
            closed = "以内"  # 低于上年≤10%: a drop of at most 10%, refused below as 低于上年10%以内 is
        if measure is Measure.RATIO and op is Op.GT and unit == "%" and not points:
            # 高于目标值10%以内: 0 < (actual − target) / target × 100 ≤ 10; 以上: ≥ 10. The canonical text writes
            # 超出目标 (§82)
            return Measure.EXCESS, low, "超出目标"
        if measure is Measure.VALUE and op is Op.GT and named:
            # 高于上年决算数10%以内: 0 < x ≤ 10; 以上 is the value's own line (x ≥ 10), as read before
            return (Measure.VALUE, Edge(Quantity(Decimal(0), unit), False), "") if within else None
        if measure is Measure.VALUE and op is Op.LT and named and not within and signed:
            # 低于上年≥10% (semantics §163): a drop of 10% or more from the reference named, written so in the canonical
            # text (上年下降≥10%); it was the value ≥ 10% with 低于 dropped, so a growth of 12% scored the band
            return Measure.VALUE, low, f"{named}下降"
        if measure is Measure.VALUE and (not within or (op is Op.LT and not _WITHIN_SUFFIX.search(closed))):
            return None  # 高于10%以上 / 低于60%以下: the suffix restates the word's own side
        said = self.text[start : c.span[1]]
        side = "高出" if op is Op.GT else "低出"
        raise self.error("past-within", f"“{said}”是{side}某条线的幅度，规则没有写明按什么计算这个幅度",
                         c.span, expected=("超出预算10%以内", "低于目标值10个百分点以内", "高于上年决算数10%以内"),
                         hint="请写明比较的对象与幅度的口径，如“低于目标值10个百分点以内”，或写成实际值的区间“0-10%”")  # fmt: skip

    def _delay_over(self, lead: Lead, span: Span) -> tuple[PBareOp, PCmp | PRange] | None:
        """超过时限1个月以内 / 超过1-3个月 / 超出规定时限3个月以上: an excess word (lexicon ``delay_over``) opening the
        lead, then at most words, then the lead's one line, in a unit of time: a band on how late (§94)."""
        bare = [p for p in lead if isinstance(p, PBareOp)]
        lines = [p for p in lead if isinstance(p, (PRange, PCmp))]
        if len(bare) != 1 or len(lines) != 1 or bare[0].op is not Op.GT or bare[0].word not in _DELAY_OVER:
            return None
        line = lines[0]
        units = [line.low.unit, line.high.unit] if isinstance(line, PRange) else [line.q.unit]
        if (
            not all(u in _TIME_UNITS for u in units) or bare[0].span[0] != self._lead_span(lead, span)[0]
            or bare[0].span[1] > line.span[0] or any(isinstance(p, (PStep, PQty, PBounded)) for p in lead)
        ):  # fmt: skip
            return None
        return bare[0], line

    def joint(self, lead: Lead, span: Span) -> All | None:
        """满意度达到90%且投诉率低于1% / 完成率达到100%且无安全事故: 且 / 并且 / ，同时 joining a condition to one on
        another thing, words of its own after the joint and a comparison on a side (semantics §100). Each side is
        read as a condition of its own: a band of its measured value or a requirement in words. None where the
        joint joins nothing of its own (大于等于80%且小于90%: one range; 设立举报电话且24小时有人值守: words to
        words, §93) or a side is something else (a deviation, a deadline, a frequency): read as before."""
        sides = self._sides(lead, span, _JOINT)
        return All(sides, span) if sides is not None else None

    def either(self, lead: Lead, span: Span) -> AnyOf | None:
        """已落实…的项目不足60%，或运行管护效果较差，不得分: 或 after a comparison joining words of another thing, read
        as §100 reads 且 but holding where either side does (semantics §143). The checks keep it only where its
        inputs are those the rule's ``All`` tiers ask for; None where 或 joins no band to words (§93 reads those)."""
        if len(lead) < 2 or not isinstance(lead[-1], PText) or not any(isinstance(p, (PCmp, PRange, PBounded)) for p in lead[:-1]):
            return None
        if not isinstance(lead[-2], (PCmp, PRange, PBounded)) or not lead[-1].text.lstrip("的，, ").startswith("或"):
            return None
        if any(isinstance(p, PText) and _EITHER.search(p.text) for p in lead[:-1]):
            return None  # 或 in the words before the band too: which 或 joins what is not read
        sides = self._sides(lead, span, _EITHER)
        if sides is None or len(sides) != 2 or not isinstance(sides[0], Range) or not isinstance(sides[1], Label):
            return None
        return AnyOf(sides, span)

    def _sides(self, lead: Lead, span: Span, joint: re.Pattern[str]) -> tuple[Range | Label, ...] | None:
        """The two sides of the first word of ``joint`` in the lead's words, each read as a condition of its own
        (a band with a name, or numberless words); None where there are not two such sides."""
        if not any(isinstance(p, (PCmp, PRange, PBounded)) for p in lead):
            return None
        for i, p in enumerate(lead):
            if not isinstance(p, PText):
                continue
            m = joint.search(self.text, p.span[0], p.span[1])
            if m is None:
                continue
            before = PText(self.text[p.span[0] : m.start()], (p.span[0], m.start()))
            after = PText(self.text[m.end() : p.span[1]], (m.end(), p.span[1]))
            left = (*lead[:i], *((before,) if before.text.strip("，, 的") else ()))
            right = (*((after,) if after.text.strip("，, 的") else ()), *lead[i + 1 :])
            own = "".join(q.text for q in right if isinstance(q, PText)).strip("，, 的")
            if not left or not own or not right:
                return None
            sides: list[Range | Label] = []
            read = bytes(self.read)  # a side read and then given up leaves nothing marked read
            for side in (left, right):
                if self.named(side) or any(isinstance(q, PRange) and self.text[: q.span[0]].rstrip().endswith("第")
                                           for q in side):  # fmt: skip
                    cond: Condition | None = None  # numbers inside a name, ordinals: not read as a part (yet)
                else:
                    try:
                        cond = self.condition(side, self._lead_span(side, span))
                    except RuleSyntaxError:
                        cond = None
                numberless = not any(isinstance(q, (PCmp, PRange, PBounded, PQty)) for q in side)
                if isinstance(cond, Range) and cond.measure is Measure.VALUE and not cond.subject and self.joint_subject:
                    # …90%以上且验收合格的得10分，80%-90%且验收合格的得6分: a band with no name of its own after one
                    # joined band measures what that one named (semantics §108)
                    cond = attrs.evolve(cond, subject=self.joint_subject)
                if isinstance(cond, Range) and cond.measure is Measure.VALUE and cond.subject:
                    sides.append(cond)
                elif isinstance(cond, Label) and not cond.parts and cond.deadline is None and cond.start is None \
                        and numberless:  # fmt: skip
                    sides.append(cond)
                else:
                    self.read[:] = read
                    return None
            if isinstance(sides[0], Range) and isinstance(sides[1], Range) and sides[0].subject == sides[1].subject:
                self.read[:] = read
                return None  # two comparisons of one quantity: one range (the checks read it)
            self.use(p)
            self.joint_subject = next((q.subject for q in sides if isinstance(q, Range)), self.joint_subject)
            return tuple(sides)
        return None

    def graded(self, lead: Lead, span: Span) -> Range | None:
        """优（100%） / 良好（80%-90%） / 完成率90%以上（优秀）: a band named by a grade (semantics §103), the grade
        written before the band in brackets or in brackets after it; None when the lead is neither."""
        marks = [p for p in lead if isinstance(p, PGraded)]
        if marks:
            g = marks[0]
            before = [p for p in lead if p.span[1] <= g.span[0]]
            after = [p for p in lead if p.span[0] >= g.span[1]]
            words = self.text[before[0].span[0] : g.span[0]].strip(" ：:") if before else ""
            rest = self.text[g.span[1] : span[1]].strip(" ，。；,;：:")
            if (
                len(marks) > 1 or not all(isinstance(p, PText) for p in before + after)
                or rest not in ("", "的") or not _a_grade(words)
            ):  # fmt: skip
                raise self.error("grade-band", "括号中的区间应紧跟在它所属的等级之后，如“良（90%-100%）得8分”", g.span,
                                 expected=("优（100%）得满分", "良好（80%-90%）得8分"),
                                 hint="括号前写等级（优、良、中、差、优秀、良好…），括号中写该等级的区间")  # fmt: skip
            inner = g.inner
            if len(inner) == 1 and isinstance(inner[0], PQty) and not inner[0].points_scale:
                # 优（100%）: exactly that value (stated=False both ends); a value beyond it is in no band (§103)
                q = inner[0]
                self.use(q, *before, *after, g)
                exact = Edge(q.q, True, False)
                return Range(Measure.VALUE, exact, exact, "", span, grade=words)
            r = self.condition(inner, g.span)
            if not isinstance(r, Range):
                raise self.error("grade-band", "等级后括号中的内容不是数值区间", g.span,
                                 expected=("良（90%-100%）", "优秀（≥90%）"))  # fmt: skip
            self.use(*before, *after, g)
            return attrs.evolve(r, span=span, grade=words)
        last = lead[-1] if lead else None
        m = _GRADE_NOTE.match(last.text) if isinstance(last, PText) else None
        if m is None or not any(isinstance(p, (PCmp, PRange, PBounded)) for p in lead[:-1]):
            return None
        word = m["g"] or m["w"]
        if not _a_grade(word):
            return None
        r = self.condition(lead[:-1], span)
        if not isinstance(r, Range):
            return None
        self.use(last)
        return attrs.evolve(r, grade=word)

    def condition(self, lead: Lead, span: Span) -> Condition | None:
        """The condition a lead states, or None when it states none."""
        graded = self.graded(lead, span)
        if graded is not None:
            return graded
        over = self._delay_over(lead, span)
        if over is not None:
            # 超过时限1个月以内 / 超过1-3个月: the excess word and the words after it are the band's subject (it
            # names the delay, shapes.delay_band), not a comparison of their own (§94)
            r = self.condition(tuple(p for p in lead if p is not over[0]), span)
            if isinstance(r, Range):
                self.use(over[0])
                return attrs.evolve(r, subject=self.text[over[0].span[0] : over[1].span[0]].strip())
            return r
        for c in lead:
            if isinstance(c, PRange) and self.text[: c.span[0]].rstrip().endswith("第"):
                ranks = self.rank_range(lead, c, span)
                if ranks is not None:
                    return ranks
                # 第17-22条免检 / 第2-5: 第 before a range of something other than ranks makes ordinals
                # (items), not a quantity
                raise self.error("ordinal-range", "“第”之后的区间是序号（第几条、第几名），不是数量", c.span,
                                 expected=("数量区间，如“80%-90%”",),
                                 hint="按名次计分请写明每个名次的得分，如“排名1-5名的依次赋予…”")  # fmt: skip
        named = self.named(lead)
        if named:
            # 市民对12345服务平台…的满意度95%以上 / 35岁及以下的不低于20%: the numbers of the name are read with it
            self.use(*named)
            whole = lead
            lead = tuple(p for p in lead if p not in named)
        for c in lead:
            if any(q.unit == "时刻" for q in _said(c)):
                # 17:30前完成得满分: a time of day as a line is no quantity the evaluator compares
                raise self.error("clock-time", "时刻（如“17:30”）不能作为评分的条件", c.span,
                                 expected=("时限为N分钟", "N个工作日内"),
                                 hint="时刻只在说明要求的句子中读作要求的内容，其后按未达到要求的次数扣分")  # fmt: skip
        if (
            any(isinstance(p, PQty) for p in lead) and all(isinstance(p, (PText, PQty)) for p in lead)
            and any(isinstance(p, PText) and _JOINT.search(p.text) for p in lead)
        ):  # fmt: skip
            # 设立举报电话且24小时有人值守: 且 joins words to words, and no comparison word says what a number
            # is held against: the numbers are words of the requirement (24小时 of 有人值守), read with it (§93)
            full = self.text[span[0] : span[1]].strip("，。；,;：: 的")
            parts = _conjuncts(full)
            if parts:
                self.use(*lead)
                return Label(full, _is_negated(full), span, parts=parts)
        gap = self.gap(lead, span)
        if gap is not None:
            return gap
        written = self.written_period(lead)
        if written:
            # 专题栏目1月整理更新1次: every 1 month, once, where the rule scores on time against late (semantics §156);
            # the period and the count are kept by the label's span, the assembler decides (``periods``)
            self.use(*(p for p in lead if isinstance(p, (PText, PWord))), *written)
            period, count = written
            self.frequencies[span] = Range(Measure.VALUE, Edge(count.q, True, False), None, _lead_text(lead).strip("的"))
            self.periods[span] = (period.q, period.span)
            full = _unopened(self.text[span[0] : span[1]].strip("，。；,;：: 的、")) if span != (0, 0) else _lead_text(lead)
            return Label(full, _is_negated(full), span)
        freq = self.frequency(lead) or self.time_scope(lead)
        if freq:
            # 每季度主持召开一次例会 / 每月报送不少于2次: a count per period shorter than the year is how
            # often, a requirement met or not (a label; the count per period is kept as its requirement,
            # ``frequencies``), never a total the year's outcome is compared with
            self.use(*(p for p in lead if isinstance(p, (PText, PWord))), *freq)
            full = self.text[span[0] : span[1]] if span != (0, 0) else _lead_text(lead)
            count = next(p for p in reversed(freq) if isinstance(p, (PCmp, PQty)))
            lo, hi = self._edges(count) if isinstance(count, PCmp) else (Edge(count.q, True, False), None)
            self.frequencies[span] = Range(Measure.VALUE, lo, hi, _lead_text(lead).strip("的"))
            full = _unopened(full.strip("，。；,;：: 的、"))
            return Label(full, _is_negated(full), span)
        cmps = [p for p in lead if isinstance(p, (PCmp, PRange, PBounded))]
        bare = [p for p in lead if isinstance(p, PBareOp)]
        qtys = [p for p in lead if isinstance(p, PQty)]
        words = [p for p in lead if isinstance(p, PWord)]
        # 班额控制在40-45人之间: 在…之间 (and 控制 before it) wrap the range; no part of what is measured
        text = _lead_text(lead)
        text = (_BETWEEN.sub("", text) if "之间" in text else text).strip("的")
        counted = [p for p in lead if isinstance(p, (PQty, PCmp)) and p.q.unit in _RANK_UNITS] + [
            p for p in lead if isinstance(p, PRange) and p.high.unit in _RANK_UNITS
        ]  # fmt: skip
        if counted and any(w in text for w in _FROM_LAST):
            # 倒数3名 / 倒数第2名 / 倒数第3名以内: places counted from the last (semantics §109), read as such; the
            # answer's number ranked says which ranks they are (it read 第≤3名: the best three scored 0)
            last = self._from_last(lead, counted, text, span)
            if last is not None:
                return last
            raise self.error("rank-from-last", "“倒数”的名次从末位数起，要知道参加排名的总数才能换算，规则没有写明",
                             counted[0].span, expected=("第N名", "前N名"),
                             hint="请写成从第1名数起的名次，或写明参加排名的总数")  # fmt: skip
        quarter = self.quarter(lead)
        rank = self.rank(lead) if quarter is None else None
        if rank is not None:
            # 第一名 / 排名第3位: exactly that rank; 前3名: that rank or better (domain point 19: 1 is best)
            self.use(*(p for p in lead if isinstance(p, (PText, PWord))), rank)
            exact = Edge(rank.q, True)
            if self.text[: rank.span[0]].rstrip().endswith("前"):
                return Range(Measure.VALUE, None, exact, text, span)
            later = next((w for w in _LATER_WORDS if self.text[rank.span[1] :].lstrip().startswith(w)), None)
            if later is not None:
                # 第7名以后 / 10名以后: that rank and every later one (the rank included, stated=False: semantics §65)
                return Range(Measure.VALUE, Edge(rank.q, True, False), None, text.replace(later, "", 1), span)
            return Range(Measure.VALUE, exact, exact, text, span)
        measure = Measure.VALUE
        if any(w.kind == "deviation" for w in words) or any(isinstance(p, PBounded) and p.deviation for p in lead):
            measure = Measure.DEVIATION
        if any(w.kind == "of_target" for w in words) or any(isinstance(p, PCmp) and p.of_target for p in lead):
            targets = [w.span[0] for w in words if w.kind == "of_target"]
            deviations = [w.span[0] for w in words if w.kind == "deviation"]
            # 与目标值偏差在10%以内: the target is what the deviation is measured from, not a ratio
            if not (targets and deviations and min(targets) < max(deviations)):
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
            self._no_unknown_unit(lead, low_from, high_from)
            if len(cmps) == 2:
                # 合格率95%（含）以上但低于100%: the 但/且 joining the two lines is no part of what is measured (the
                # subject read 合格率但)
                inner = [p for p in lead if isinstance(p, PText) and cmps[0].span[1] <= p.span[0] < cmps[1].span[0]]
                if inner and all(not p.text.strip("但且而并、，, ") for p in inner):
                    text = "".join(p.text for p in lead if isinstance(p, PText) and p not in inner)
                    text = (_BETWEEN.sub("", text) if "之间" in text else text).strip("的")
            within = self._past_within(lead, cmps, measure, low, high)
            if within is not None:
                measure, low, subject = within
                text = subject or text
            if measure is Measure.VALUE and self.excess_band(lead, span, [low_from, high_from]):
                # 超出预算10%以内得5分 / 超支5%-10%扣3分: a band on the excess over the reference, relative,
                # holding only above it (semantics §82). It was refused, and before that read as the value
                # itself ≤10% (105万元 against 100 scored 0)
                measure = Measure.EXCESS
                # the subject keeps the excess word even where the lexer read it as a comparison word (超出预算:
                # 超出 is also GT), so that the canonical text reads back as this band
                text = self.text[self._lead_span(lead, span)[0] : min(c.span[0] for c in cmps)].strip().rstrip("的")
                if not text:  # 超出10%以上: the excess word is the comparison word itself
                    text = self.text[min(c.span[0] for c in cmps) :].lstrip()[:2]
            if named:
                # the subject as written, its numbers and the 的 before the comparison kept (the canonical
                # text writes it so, and reads it back the same)
                start = min(p.span[0] for p in whole)
                text = self.text[start : min(c.span[0] for c in cmps)].strip()
                return Range(measure, low, high, text, span, tuple(p.q for p in named))
            return Range(measure, low, high, text, span)
        if bare and qtys:
            # 不低于 最低工资标准的 90%: the op and its number are split by words
            c = PCmp(bare[-1].op, qtys[-1].q, _merge(bare[-1].span, qtys[-1].span),
                     inclusive_mark=qtys[-1].inclusive_mark)  # fmt: skip
            lo, hi = self._edges(c)
            self.use(bare[-1], qtys[-1])
            self._no_unknown_unit(lead, qtys[-1])
            return Range(measure, lo, hi, text, span)
        if measure is Measure.DEVIATION and qtys:
            # 偏离30%得15分 / 偏离目标40%不得分: a deviation of (up to) that much
            self.use(qtys[-1])
            return Range(measure, None, Edge(qtys[-1].q, True, False), text, span)
        if len(lead) == 1 and qtys and not qtys[0].points_scale and (
            qtys[0].q.value == 0
            or (qtys[0].q.unit in _EVENT_UNITS and qtys[0].q.value == qtys[0].q.value.to_integral_value())
        ):
            # ≥1家得2分，0家不得分: a bare zero count is exactly that count; so is a bare whole count of a counter
            # standing alone in a ladder of counts (4次及以上得满分，3次得3分，2次得2分: 3次 is 3 times; it was
            # left unread, stated=False both ends)
            self.use(qtys[0])
            zero = Edge(qtys[0].q, True, False)
            return Range(measure, zero, zero, text, span)
        # 2024年年底前完成 / 11月30日前 / 第三季度末前: a date, the deadline of the words
        # 2月底前完成采购得满分: February's end is its last day whichever it is (MonthDay end=True, semantics §148)
        deadline = quarter if quarter is not None else self.deadline(lead, yearless=True, february=True)
        start = self.start_day(lead) if deadline is None else None  # 8月31日后完成的不得分: the band after that day
        if deadline is None and start is None and not any(isinstance(p, (PQty, PCmp, PRange, PBounded, PStep)) for p in lead):
            # 上半年完成 / 下半年的: a half of the year opening the words is the band by 6月30日 / after it (§94)
            words_ = text.strip().removeprefix("在").removeprefix("于")
            if words_.startswith(_FIRST_HALF):
                deadline = MonthDay(6, 30)
            elif words_.startswith(_SECOND_HALF):
                start = MonthDay(6, 30)
            elif words_.startswith(_YEAR_END):
                # 年底前完成 / 年底未完成: by the year's last day, as 12月底前 is (ninth probe G12: a date was refused
                # beside 上半年完成, 下半年完成)
                deadline = MonthDay(12, 31)
        year = deadline is not None or start is not None or (qtys and qtys[-1].q.unit == "年" and qtys[-1].q.value >= 1000)
        if qtys and qtys[-1].q.unit in _TIME_UNITS and self.text[: qtys[-1].span[0]].rstrip().endswith("前"):
            # 前3个月完成: within the first 3 months of the year, a deadline; it was read as "at least 3 months"
            raise self.error("deadline", "“前N个月”是完成期限，不是要达到的数量", qtys[-1].span,
                             expected=("时限为N天", "每延后1个月扣N分"))  # fmt: skip
        worded = any(isinstance(p, PText) for p in lead) or (self.headed and len(lead) == 1)
        if qtys and not year and not bare and not qtys[-1].points_scale and worded:
            # 合规率100%得满分 / 完成3篇得8分 / 按照1.1%执行优惠利率，得12分: reaching the number
            # (the reading "≥ the number" is marked stated=False; ≤ when the rule deducts for excess)
            self.use(qtys[-1])
            self._no_unknown_unit(lead, qtys[-1])
            if named and isinstance(named[0], PCmp):
                # 在规定时限（15个工作日）内办结率100%: the limit is in the rate's name, kept as written (§94)
                name = self.text[min(p.span[0] for p in whole) : qtys[-1].span[0]].strip()
                return Range(measure, Edge(qtys[-1].q, True, False), None, name, span, tuple(p.q for p in named))
            if qtys[-1].q.unit in _TIME_UNITS and any(w in text for w in _TIME_LIMIT_WORDS):
                # 时限为3个工作日 / 办理期限为15天: a time limit is at most that long (stated=False)
                return Range(measure, None, Edge(qtys[-1].q, True, False), text, span)
            return Range(measure, Edge(qtys[-1].q, True, False), None, text, span)
        lead_start, lead_end = self._lead_span(lead, span)
        # 成本超出目标 / 超出预算: an excess word (lexicon ``excess_band``) with the reference right after it and
        # nothing else (lexicon ``budget``: the row's target, as in a band on the excess, §82)
        reference = (
            bool(bare) and bare[-1].word in _EXCESS_BAND_WORDS
            and self.text[bare[-1].span[1] : lead_end].strip().rstrip("的") in _BUDGET_WORDS
        )  # fmt: skip
        if bare and not qtys and (bare[-1].of_target or reference or any(w.kind == "of_target" for w in words)):
            # 小于或等于年度目标值 / 达到年度目标值: the outcome against the target, as a completion ratio
            self.use(*bare)
            c = PCmp(bare[-1].op, Quantity(Decimal(100), "%"), bare[-1].span)
            lo, hi = self._edges(c)
            before = self.text[lead_start : bare[-1].span[0]].strip()
            if reference and not before.endswith(_NEGATIONS):
                # 成本超出目标: a band on the excess over the target, of any size (§82): none holds within it
                subject = self.text[lead_start:lead_end].strip().rstrip("的")
                return Range(Measure.EXCESS, Edge(Quantity(Decimal(0), "%"), False), None, subject, span)
            if before.endswith(_NEGATIONS) and (lo is None) != (hi is None):
                # 未达到目标值: the other side of the line (the 未 was dropped: 80 of 100 scored as reaching it)
                edge = lo if lo is not None else hi
                assert edge is not None
                flipped = attrs.evolve(edge, inclusive=not edge.inclusive)
                lo, hi = (None, flipped) if lo is not None else (flipped, None)
            elif before.endswith(_NEGATIONS):
                return None
            return Range(Measure.RATIO, lo, hi, text, span)
        self.use(*bare)
        if bare:
            word = bare[-1].word
            text = word + text if bare[-1].span[0] <= span[0] + 1 else text + word
        if not text and not qtys:
            return None
        if text.strip() in _OTHERWISE or text.startswith(_OTHERWISE) or text.strip() in _REST:
            return Otherwise(text, span)
        if text.strip() in _FLOOR and not qtys:
            # 每低1个百分点扣1分，最低得2分: a floor above 0 (it read 最低 as a label scored 2: 80% scored 0)
            raise self.error("floor-points", f"“{text.strip()}”之后的分数是得分下限，程序还不能按下限计分", span,
                             expected=("扣完为止", "最多扣N分"),
                             hint="把下限写成扣分上限，如分值5分、最低得2分即“最多扣3分”")  # fmt: skip
        full = self.text[span[0] : span[1]] if span != (0, 0) else text
        if "分" in full and ("：" in full or ":" in full):
            full = _GRADE_POINTS.sub(r"\g<g>", full)
        full = _unopened(full.strip("，。；,;：: 的、"))
        return Label(full, _is_negated(full), span, deadline, start, _conjuncts(full))

    def deadline(self, lead: Lead, yearless: bool = False, february: bool = False) -> datetime.date | MonthDay | None:
        """2024年年底前完成 / 2024年6月底前 / 2024年12月31日前: a date in words with 前 (or 底, 末) after it
        is the deadline of the worded condition it stands in, the date by which it is done (the last day
        of the year or month when no day is written). Its numbers are read into ``Label.deadline``; the
        words stay the requirement (met or not: 是/否, or the months late a delay step counts). A
        year alone with no such word (2024年完成) is no deadline: None, and the year stays unread. ``february``:
        2月底 with no year is read too (where the answer is how late, never a date: semantics §113)."""
        qtys = [p for p in lead if isinstance(p, PQty)]
        years = [i for i, p in enumerate(qtys) if p.q.unit == "年" and _YEARS[0] <= p.q.value <= _YEARS[1]]
        if yearless and not years and tuple(p.q.unit for p in qtys) in (("月",), ("月", "日")):
            return self._month_day(qtys, february)
        if len(years) != 1 or len(qtys) - years[0] > 3:
            return None
        parts = qtys[years[0] :]
        units = tuple(p.q.unit for p in parts)
        if units not in (("年",), ("年", "月"), ("年", "月", "日")):
            return None
        gaps = [self.text[a.span[1] : b.span[0]].strip() for a, b in itertools.pairwise(parts)]
        if gaps and _SEASON_BEFORE.fullmatch(gaps[0]) and not any(gaps[1:]):
            # 2025年汛期前（5月31日前）完工: the bracket restates the season's deadline (§116), the year written before
            # the season word is its year (semantics §130)
            gaps = gaps[1:]
        if any(gaps):
            return None  # 2024年完成6月…: the numbers do not run together as one date
        values = [int(p.q.value) for p in parts]
        if any(p.q.value != int(p.q.value) for p in parts):
            return None
        after = self.text[parts[-1].span[1] :].lstrip()
        if len(values) == 1 and after.startswith(("年底", "年末")):
            values.append(12)
            after = after[1:]
        elif len(values) == 1 and len(qtys) == 1 and after.startswith(_YEAR_DONE) and not after.startswith("完成率"):
            # 2025年完成全部改造任务: done in that year, by its last day, as 12月完成 is by December's (§88, §116)
            after = "前"
        if not _by(after) and not self._no_later(parts[0]):
            return None
        year, month = values[0], values[1] if len(values) > 1 else 12
        if not 1 <= month <= 12:
            return None
        last = calendar.monthrange(year, month)[1]
        day = values[2] if len(values) > 2 else last
        if not 1 <= day <= last:
            return None
        self.use(*parts)
        return datetime.date(year, month, day)

    def quarter(self, lead: Lead, use: bool = True) -> datetime.date | MonthDay | None:
        """第三季度末前完成 / 第四季度完成 / 在第一季度的 / 2025年第二季度: a quarter (第N季度, N 1 to 4) that is the
        lead's only number (or follows its year, as one date), not after 每: the band of the quarter's last day, as
        ``12月完成`` is the band of December's (§88, §94): the deadline of the words (3月31日, 6月30日, 9月30日,
        12月31日), the year only where written. None otherwise (第1季度完成率达到30%: an ordinal, refused)."""
        qtys = [p for p in lead if isinstance(p, PQty)]
        if not qtys or qtys[-1].q.unit != "季度" or any(isinstance(p, (PCmp, PRange, PBounded, PStep, PBareOp)) for p in lead):
            return None
        q = qtys[-1]
        before = self.text[: q.span[0]].rstrip()
        if q.q.value not in (1, 2, 3, 4) or not (
            (before.endswith("第") and not before.endswith("每第")) or self._bare_quarter(q, before, len(qtys))
        ):
            return None
        month = int(q.q.value) * 3
        day = calendar.monthrange(2001, month)[1]
        if len(qtys) == 1:
            if use:
                self.use(q)
            return MonthDay(month, day)
        year = qtys[0]
        if (
            len(qtys) != 2 or year.q.unit != "年" or not _YEARS[0] <= year.q.value <= _YEARS[1] or year.q.value % 1
            or self.text[year.span[1] : q.span[0]].strip() not in ("第", "")
        ):  # fmt: skip
            return None
        if use:
            self.use(year, q)
        return datetime.date(int(year.q.value), month, day)

    def _bare_quarter(self, q: PQty, before: str, count: int) -> bool:
        """三季度完成 / 在4季度 / 2025年一季度: a quarter named without 第 (semantics §128): 1 to 4 right before 季度
        (not 个季度: 三个季度 is a duration), opening its clause (after 在/于, or right after its year); after any
        other word (每, 连续, 前, 近 …) it stays a count."""
        if "个" in self.text[q.span[0] : q.span[1]] or q.q.value != int(q.q.value):
            return False
        if _by(self.text[q.span[1] :].lstrip()) and not self.text[q.span[1] :].lstrip().startswith(("末", "底")):
            return False  # 三季度前完成: before the quarter starts, or by its end? (第三季度末前 says it)
        head = before.removesuffix("在").removesuffix("于").rstrip()
        if count == 2:
            return head.endswith("年")
        return not head or head.endswith(("，", "；", "。", ",", ";", "：", ":", "、"))

    def start_day(self, lead: Lead) -> datetime.date | MonthDay | None:
        """8月31日后 / 8月31日以后 / 8月31日之后, a month and day that are the lead's only numbers, followed by a
        word of after (semantics §90): the day the words start after (``Label.start``; a late band beside
        deadlines, §88), as 8月底以后 is read. Not a month in 个月 (3个月10日后 is a duration), not after 第/每/前.
        With its year written right before it (2025年3月31日后, §104) it is that date."""
        parts = [p for p in lead if isinstance(p, PQty)]
        year: PQty | None = None
        if (
            len(parts) == 3 and parts[0].q.unit == "年" and _YEARS[0] <= parts[0].q.value <= _YEARS[1]
            and parts[0].q.value == int(parts[0].q.value) and not self.text[parts[0].span[1] : parts[1].span[0]].strip()
        ):  # fmt: skip
            year, parts = parts[0], parts[1:]
        if tuple(p.q.unit for p in parts) != ("月", "日") or "个" in self.text[parts[0].span[0] : parts[0].span[1]]:
            return None
        if self.text[parts[0].span[1] : parts[1].span[0]].strip() or self.text[: parts[0].span[0]].rstrip().endswith(("第", "每", "前")):
            return None
        if any(p.q.value != int(p.q.value) for p in parts):
            return None
        if not self.text[parts[1].span[1] :].lstrip().startswith(_AFTER_WORDS):
            return None
        month, day = int(parts[0].q.value), int(parts[1].q.value)
        if not 1 <= month <= 12 or not 1 <= day <= (calendar.monthrange(2001, month)[1] if month != 2 else 29):
            return None
        if year is not None:
            y = int(year.q.value)
            if day > calendar.monthrange(y, month)[1]:
                return None
            self.use(year, *parts)
            return datetime.date(y, month, day)
        self.use(*parts)
        return MonthDay(month, day)

    def _no_later(self, first: PQty) -> bool:
        """不迟于2025年5月 / 不晚于6月15日: a word of the lexicon's ``no_later`` right before a date makes it a deadline
        as 前 after it does (semantics §104): the date itself is on time, a month alone its last day."""
        return self.text[: first.span[0]].rstrip().endswith(_NO_LATER)

    def _month_day(self, parts: list[PQty], february: bool = False) -> MonthDay | None:
        """11月30日前 / 6月底前 / 次年3月31日前, the lead's only numbers (semantics §80): a deadline with no year,
        read into the words' ``deadline`` as month and day (the last day of the month when none is written,
        which needs no year but for February: 2月底 is refused). Not after 第, 每 or 前 (第3月, 每月, 前3月)."""
        if any(self.text[a.span[1] : b.span[0]].strip() for a, b in itertools.pairwise(parts)):
            return None
        if any(p.q.value != int(p.q.value) for p in parts) or self.text[: parts[0].span[0]].rstrip().endswith(("第", "每", "前")):
            return None
        if not _by(self.text[parts[-1].span[1] :].lstrip()) and not self._no_later(parts[0]):
            return None
        month = int(parts[0].q.value)
        if month == 2 and len(parts) == 1 and february:
            # 于2月底前完成…，每延迟1天扣0.1分: the answer is the days late, which the year does not change (§113)
            self.use(*parts)
            return MonthDay(2, 29, end=True)
        if not 1 <= month <= 12 or (month == 2 and len(parts) == 1):
            return None
        last = calendar.monthrange(2001, month)[1] if month != 2 else 29  # any year but a leap one's February
        day = int(parts[1].q.value) if len(parts) > 1 else last
        if not 1 <= day <= last:
            return None
        self.use(*parts)
        return MonthDay(month, day)

    def _no_unknown_unit(self, lead: Lead, *used: Any) -> None:
        """引进资金1亿元得满分 / 完成15公里得满分: a number without a unit that words follow at once has a
        unit the lexicon does not know; the words were glued to the subject (1≤引进资金亿元, so 8000万元
        met a line of 1) and the number compared bare. Refused, the caret on the words."""
        for p, nxt in itertools.pairwise(lead):
            if not any(p is u for u in used):
                continue
            q = p.q if isinstance(p, (PQty, PCmp)) else p.high if isinstance(p, PRange) else None
            if q is None or q.unit or (isinstance(p, PQty) and p.points_scale) or not isinstance(nxt, PText):
                continue
            first = nxt.text[:1]
            if nxt.span[0] == p.span[1] and "\u4e00" <= first <= "\u9fff" and first not in _AFTER_A_NUMBER:
                word = nxt.text[:2]
                raise self.error("unknown-unit", f"数字之后的“{word}”不是已知的单位", (nxt.span[0], nxt.span[0] + len(word)),
                                 expected=("单位，如 万元、个、次、%",),
                                 hint="如果这是单位，请换算为已知单位（如“1亿元”写作“10000万元”）；如果是名称的一部分，请加引号")  # fmt: skip

    def named(self, lead: Lead) -> list[PQty]:
        """The numbers inside the name of what a band measures (semantics §57): a number (bare or with a
        counter, not a percent or points) that the words after it continue with no space (12345服务平台,
        35岁及以下的), not after a comparison word, whose words up to the next number hold 的 (the name
        modifies the measured thing) and reach a comparison of a rate (`…的回访满意度95%以上`, `的不低于20%`);
        or a bare number that opens the clause or follows 的 (`110接处警按时到达率≥98%`, `受理的12345热线工单…`),
        reaching a comparison of a rate.
        Empty otherwise: such a number anywhere else stays unread, and the rule is refused."""
        out: list[Any] = []
        ps = list(lead)
        for k, p in enumerate(ps):
            if isinstance(p, PCmp) and (self._limit_in_rate_name(ps, k) or self._qualifier_in_rate_name(ps, k)):
                out.append(p)
                continue
            if (
                not isinstance(p, PQty) or p.points_scale or p.pp or p.inclusive_mark is not None
                or p.q.is_percent or p.q.unit == "分"
            ):  # fmt: skip
                continue
            after = ps[k + 1] if k + 1 < len(ps) else None
            if not isinstance(after, PText) or after.span[0] != p.span[1]:
                continue
            if k > 0 and not isinstance(ps[k - 1], PText):
                continue  # 不少于50…: a number after a comparison word (or another number) is no name
            letter = self.text[p.span[0] - 1 : p.span[0]]
            if letter.isascii() and letter.isalpha() and not p.q.unit:
                # PM2.5浓度 / CO2排放量: a bare number written onto Latin letters is part of a name
                out.append(p)
                continue
            nxt = next((r for r in ps[k + 1 :] if not isinstance(r, (PText, PWord))), None)
            if isinstance(nxt, PCmp):
                rate = nxt.q.is_percent
            elif isinstance(nxt, PRange):
                rate = nxt.low.is_percent and nxt.high.is_percent
            else:
                continue
            words = "".join(r.text for r in ps[k + 1 :] if isinstance(r, PText) and r.span[1] <= nxt.span[0])
            # a bare number opening the clause (110接处警…) or right after 的 (受理的12345热线…) begins the name
            # of a thing, as a modifier does: it cannot be an amount of the words before it
            opens = not p.q.unit and (k == 0 or (isinstance(ps[k - 1], PText) and ps[k - 1].text.endswith("的")))
            if rate and ("的" in words or opens):
                out.append(p)
        return out

    def _qualifier_in_rate_name(self, ps: list[Any], k: int) -> bool:
        """村级集体经济收入10万元以上的村占比达到60%以上: a comparison of an amount or a count (a unit, not a percent,
        points, 个百分点 or time) between words and 的, whose words after it reach a comparison of a rate, says
        which things the rate counts (villages with 10万元 or more): part of the rate's name, kept as written with its
        comparison word, never a line on the outcome (semantics §107, as §57 and §98's qualifiers)."""
        p = ps[k]
        if (
            p.q.is_percent or not p.q.unit or p.q.unit == "分" or p.q.unit in _TIME_UNITS or p.of_target
            or p.op not in (Op.GE, Op.GT, Op.LE, Op.LT) or k == 0 or not isinstance(ps[k - 1], PText)
        ):  # fmt: skip
            return False
        after = ps[k + 1] if k + 1 < len(ps) else None
        if not isinstance(after, PText) or after.span[0] != p.span[1] or not after.text.startswith("的"):
            return False
        nxt = next((r for r in ps[k + 1 :] if not isinstance(r, (PText, PWord))), None)
        return isinstance(nxt, PCmp) and nxt.q.is_percent and nxt.op in (Op.GE, Op.GT, Op.LE, Op.LT)

    def _limit_in_rate_name(self, ps: list[Any], k: int) -> bool:
        """在规定时限（15个工作日）内办结率100%: a time limit (≤ a duration, 15个工作日内) right before the words of a
        rate (ending in 率) compared with a percent defines that rate (办结 within 15 working days): it is part of
        the rate's name, read with it, not a line on the outcome (semantics §94)."""
        p = ps[k]
        if p.op is not Op.LE or p.q.unit not in _TIME_UNITS or k + 2 >= len(ps):
            return False
        words, nxt = ps[k + 1], ps[k + 2]
        return (
            isinstance(words, PText) and words.text.strip().rstrip("的").endswith("率")
            and isinstance(nxt, (PCmp, PQty)) and nxt.q.is_percent
        )  # fmt: skip

    def time_scope(self, lead: Lead) -> list[Any]:
        """一年内未发生重大安全事故 / 3个月内无投诉: a duration ending in 内 before words of an event (发生,
        出现, 无, 未发生 …) is the period the condition covers, not a quantity the outcome reaches (it was
        read as "≤1年", so an answer of 1 accident scored full marks). Returns the phrase, read with the
        words as the requirement (like a frequency, §24); empty otherwise."""
        numeric = [p for p in lead if isinstance(p, (PCmp, PQty, PRange, PBounded, PStep, PBareOp))]
        if len(numeric) != 1 or not isinstance(numeric[0], PCmp):
            return []
        c = numeric[0]
        if c.q.unit not in _TIME_UNITS or c.op is not Op.LE:
            return []
        after = self.text[c.span[1] :].lstrip()
        starts = tuple(n + e for n in ("", *_NEGATIONS) for e in _EVENT_WORDS) + _NEGATIONS
        return [c] if after.startswith(starts) else []

    def _per_period(self, lead: Lead) -> Quantity | None:
        """每季度 / 每月 / 每人 at the start of a deduction's lead with no step of its own, or right before
        its verb (超时的按超时天数每天扣0.1分): per that period or person (lexicon FREQ), one event each;
        None otherwise. 每三个月 and the like are refused."""
        texts = [p for p in lead if isinstance(p, PText)]
        if not texts:
            return None
        by_length = sorted(_FREQ_WORDS, key=len, reverse=True)
        word, where = None, texts[0]
        if texts[0].span[0] == min(p.span[0] for p in lead):
            word = next((w for w in by_length if texts[0].text.startswith(w)), None)
        if word is None and texts[-1].span[1] == max(p.span[1] for p in lead):
            # 差评未整改的每件再扣0.2分 (semantics §159): 再 / 另 / 还 between the per word and the verb says the
            # deduction is a further one for each of those events; the per word is still right before the verb
            end = texts[-1].text.strip()
            end = end[:-1] if end.endswith(_AGAIN) else end
            word, where = next((w for w in by_length if end.endswith(w)), None), texts[-1]
        if word is None:
            return None
        unit = word.removeprefix("每")
        if unit not in _EVENT_UNITS and unit not in _TIME_UNITS:
            raise self.error("step-without-size", f"“{word}”不是一个计数单位，无法按次扣分", where.span,
                             expected=("每季度", "每月", "每次"))  # fmt: skip
        return Quantity(Decimal(1), unit)

    def rank(self, lead: Lead) -> PQty | None:
        """The rank a lead names (第一名, 第3位, 排名第1, 前3名: a count of 名/位, or a bare number after 第,
        read in 名), when it is the lead's only number; None otherwise. 倒数第N名 counts from the last,
        which the rule does not give, and 第1季度 / 第3条 are ordinals of other things: refused."""
        numeric = [p for p in lead if isinstance(p, (PCmp, PQty, PRange, PBounded, PStep, PBareOp))]
        if len(numeric) != 1 and self.quarter(lead, use=False) is None:
            return None
        q = numeric[-1]
        if self.quarter(lead, use=False) is not None:
            return None  # 第三季度末前 / 2025年第二季度: a deadline (§94), no rank
        if isinstance(q, PCmp) and q.q.unit in (*_RANK_UNITS, "", "%") and not q.of_target:
            # 第=1名 / 前≤3名: the canonical text (scoring.render) of a rank; 排名前≤30%: of a rank's share (§109)
            before = self.text[: q.span[0]].rstrip()
            if q.q.unit == "%":
                if before.endswith(_SHARE_BEFORE) and q.op is Op.LE:
                    return PQty(q.q, q.span)
                return None
            if (before.endswith("第") and q.op is Op.EQ) or (before.endswith("前") and q.op is Op.LE):
                return PQty(Quantity(q.q.value, q.q.unit or "名"), q.span)
            return None
        if not isinstance(q, PQty) or q.points_scale:
            return None
        before = self.text[: q.span[0]].rstrip()
        after = self.text[q.span[1] : q.span[1] + 1]
        if before.endswith("前") and q.q.is_percent:
            if before.endswith(_SHARE_BEFORE):
                # 排名在前10%: the top tenth of those ranked, a band on the rank's share of the number ranked, that
                # share or better (semantics §109); the answer gives the rank and the number ranked
                return q
            # 前10% with no 排名/名次 before it: whose share is not said (it was read as ≥ 10%)
            raise self.error("rank-share", "“前N%”是名次所占比例，要写明是排名（如“排名前10%”）", q.span,
                             expected=("排名前N%", "前N名"), hint="改写成“排名前N%”或名次，如“前3名”")  # fmt: skip
        if before.endswith("第") and q.q.unit == "" and after and after not in "得的，,；;。、 （(":
            # 第3条 / 第2款: the number runs into a word, an ordinal of something else
            raise self.error("ordinal", "“第”之后的数是序号（第几条、第几款），不是数量", q.span,
                             expected=("第N名", "数量，如“完成率≥90%”"))  # fmt: skip
        if before.endswith("第") and q.q.unit not in (*_RANK_UNITS, ""):
            # 第1季度 / 第3条: an ordinal of something else, never a quantity to reach
            raise self.error("ordinal", "“第”之后的数是序号（第几季度、第几条），不是数量", q.span,
                             expected=("数量，如“完成率≥90%”",))  # fmt: skip
        if before.endswith(("倒数第", "倒数", "倒数前")) and q.q.unit in _RANK_UNITS:
            return None  # 倒数第2名 / 倒数3名: a place from the last, read by the clause (semantics §109)
        if before.endswith("倒数第") and q.q.unit == "":
            raise self.error("rank-from-last", "“倒数第N名”需要知道参加排名的总数，规则没有写", q.span,
                             expected=("第N名", "前N名"), hint="改写成正数的名次，如“第N名”")  # fmt: skip
        later = self.text[q.span[1] :].lstrip().startswith(_LATER_WORDS)
        ranked = before.endswith(_RANKED_BEFORE) and not q.q.unit and q.q.value >= 1 and q.q.value % 1 == 0
        if before.endswith("第") or ranked or (q.q.unit in _RANK_UNITS and (before.endswith("前") or later)):
            # 排名前3的 with no counter is 前3名 (the normalizer reads 排名前三 so: semantics §97)
            # 第1 with no counter is a rank as 第1名 is (排名第1)
            return q if q.q.unit else PQty(Quantity(q.q.value, "名"), q.span)
        return None

    def rank_range(self, lead: Lead, c: PRange, span: Span) -> Range | None:
        """第4-6名 / 第4至6位 / 排名第1-3名 (domain point 19, semantics §65): a range of ranks after 第, both
        ends whole numbers from 1 in 名/位 (or bare before a 名/位 at the other end), the lead's only
        number: ranks from the one to the other, both included (1 is best). None otherwise (第17-22条:
        items, refused by the caller as ordinals)."""
        if any(p is not c and isinstance(p, (PCmp, PQty, PRange, PBounded, PStep, PBareOp)) for p in lead):
            return None
        units = {c.low.unit, c.high.unit}
        bare_ranks = units == {""} and self.text[: c.span[0]].rstrip().endswith(_RANKED_BEFORE[1:])  # 排名4-8的
        if (not units & set(_RANK_UNITS) and not bare_ranks) or not units <= {"", *_RANK_UNITS}:
            return None
        after = "".join(p.text for p in lead if isinstance(p, PText) and p.span[0] >= c.span[1])
        if after not in ("", "的", "之间", "之间的"):
            return None  # 第2-5名以外: words after the ranks that change what they mean
        lo, hi = sorted((c.low.value, c.high.value))
        if lo < 1 or lo != lo.to_integral_value() or hi != hi.to_integral_value():
            return None
        self.use(*(p for p in lead if isinstance(p, (PText, PWord))), c)
        low, high = self._edges(PRange(Quantity(lo, "名"), Quantity(hi, "名"), c.span, c.low_mark, c.high_mark))
        # 倒数第2-3名: places from the last (semantics §109); it was read as the ranks 2 to 3
        last = self.text[: c.span[0]].rstrip().endswith(("倒数", "倒数第"))
        return Range(Measure.VALUE, low, high, _lead_text(lead).strip("的"), span, from_last=last)

    def frequency(self, lead: Lead) -> list[Any]:
        """The numeric phrases of a lead that states a requirement in counts rather than a quantity to
        compare: how often (每季度…一次, 每月…不少于2次: a count after a period shorter than the year,
        lexicon ``[words.period]``) or the whole of a list (符合全部3项指标: a count right after 全部/所有,
        ``[words.whole_set]``). Every number of the lead must be such a count (次, 项, 篇 …). Empty when
        the lead says no such thing."""
        numeric = [p for p in lead if isinstance(p, (PCmp, PQty, PRange, PBounded, PStep, PBareOp))]
        counts = [p for p in numeric if isinstance(p, (PQty, PCmp))]
        if not counts or len(counts) != len([p for p in numeric if not isinstance(p, PBareOp)]):
            return []
        if any(
            p.q.is_percent or (p.q.unit not in _EVENT_UNITS and p.q.unit.lstrip("个") not in _EVENT_UNITS)
            for p in counts
        ):
            return []
        start = min(p.span[0] for p in lead if p.span != (0, 0))
        before = self.text[start : counts[0].span[0]]
        if not any(w in before for w in _PERIODS) and not before.rstrip().endswith(_WHOLE_SET):
            return []
        return numeric

    def written_period(self, lead: Lead) -> list[Any]:
        """专题栏目1月整理更新1次: a period with its length written and no 每 (1月, 2周, 1个季度) whose words run straight
        into a count of 次 (only words between, no punctuation) may say how often (every 1 month, once), or 1月 may be
        January: returns [period, count] as a candidate, which the assembler keeps only in a rule that scores doing it
        on time against late (semantics §156) and refuses elsewhere. Empty when the lead says no such thing."""
        numeric = [p for p in lead if isinstance(p, (PCmp, PQty, PRange, PBounded, PStep, PBareOp))]
        qtys = [p for p in numeric if isinstance(p, PQty)]
        if len(numeric) != 2 or len(qtys) != 2:
            return []
        period, count = qtys
        if period.q.unit not in _WRITTEN_PERIODS or period.q.is_percent or count.q.unit != "次":
            return []
        if period.q.value <= 0 or period.q.value != period.q.value.to_integral_value():
            return []
        between = self.text[period.span[1] : count.span[0]]
        if not between or not _PLAIN_WORDS.fullmatch(between) or "每" in between:
            return []
        if self.text[: period.span[0]].rstrip().endswith(("每", "第", "前", "后", "内")) or "每" in _lead_text(lead):
            return []
        after = self.text[count.span[1] :].lstrip()
        if after.startswith(("以上", "以下", "及以上", "以内", "内")):
            return []
        return [period, count]

    def _no_step_from_last(self, segs: list[Any]) -> None:
        """倒数第2名扣2分: a place from the last before a deduction would be read as a step per two places (as 第2名扣2分
        is); only a band on the places from the last is read (semantics §109): refused, as it was."""
        if "倒数" not in self.text:
            return
        for s in segs:
            if not any(isinstance(t, TDeduct) for t in s.tails):
                continue
            for p in s.lead:
                if isinstance(p, (PQty, PCmp)) and p.q.unit in _RANK_UNITS:
                    if self.text[: p.span[0]].rstrip().endswith(("倒数", "倒数第", "倒数前")):
                        raise self.error(
                            "rank-from-last", "“倒数第N名”后接扣分，会被读成按名次逐名扣分，暂不支持", p.span,
                            expected=("倒数第N名的，得M分", "倒数N名不得分"), hint="请写明该名次得多少分",
                        )  # fmt: skip

    def _from_last(self, lead: Lead, counted: list[Any], text: str, span: Span) -> Range | None:
        """倒数3名 / 倒数前3名 / 倒数≤3名 (the last three), 倒数第2名 / 倒数第=2名 (exactly the second from the last),
        倒数第3名以内 (the last three): a band on the place from the last, 1 the last (semantics §109). The count is the
        lead's only number, a whole number from 1, right after 倒数 (倒数前, 倒数第); None for anything else."""
        numeric = [p for p in lead if isinstance(p, (PCmp, PQty, PRange, PBounded, PStep, PBareOp))]
        if len(numeric) != 1 or len(counted) != 1:
            return None
        q = counted[0]
        before = self.text[: q.span[0]].rstrip()
        if isinstance(q, PRange):
            # 倒数第2-3名 / 倒数2至3名: the places from the one to the other, both included (a dash range, §65)
            ends = (q.low, q.high)
            if not before.endswith(("倒数", "倒数第")) or any(e.value < 1 or e.value % 1 != 0 for e in ends):
                return None
            if q.low.value > q.high.value or self.text[q.span[1] :].lstrip().startswith(_LATER_WORDS):
                return None
            low, high = self._edges(q)
            assert low is not None and high is not None
            self.use(*(p for p in lead if isinstance(p, (PText, PWord))), q)
            return Range(Measure.VALUE, attrs.evolve(low, value=Quantity(q.low.value, "名")),
                         attrs.evolve(high, value=Quantity(q.high.value, "名")), text, span, from_last=True)  # fmt: skip
        if q.q.value < 1 or q.q.value % 1 != 0:
            return None
        after = self.text[q.span[1] :].lstrip()
        place = Edge(Quantity(q.q.value, "名"), True)
        if isinstance(q, PQty) and before.endswith(("倒数", "倒数前")) and not after.startswith(_LATER_WORDS):
            last = Range(Measure.VALUE, None, place, text, span, from_last=True)
        elif isinstance(q, PQty) and before.endswith("倒数第") and not after.startswith(_LATER_WORDS):
            last = Range(Measure.VALUE, place, place, text, span, from_last=True)
        elif isinstance(q, PCmp) and q.op is Op.LE and before.endswith(("倒数", "倒数第")) and not q.of_target:
            high = self._edges(q)[1]
            assert high is not None
            last = Range(Measure.VALUE, None, attrs.evolve(high, value=place.value), text, span, from_last=True)
        elif isinstance(q, PCmp) and q.op is Op.EQ and before.endswith("倒数第") and not q.of_target:
            last = Range(Measure.VALUE, place, place, text, span, from_last=True)
        else:
            return None
        self.use(*(p for p in lead if isinstance(p, (PText, PWord))), q)
        return last

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
        if c.inclusive_mark is True and op in (Op.GT, Op.LT):
            op = Op.GE if op is Op.GT else Op.LE
        elif c.inclusive_mark is False and op in (Op.GE, Op.LE):
            # 80%(不含)以上 / 80%以下(不含80%): the mark excludes the number the word would include
            op = Op.GT if op is Op.GE else Op.LT
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
        side_stated = False  # 每降低 / 每提高: the step's own word states the side
        step_q: Quantity | None = None
        step_pp = False
        per_word = ""
        missed = False
        whole = False
        missing_count = False
        if len(steps) > 1:
            # 每低于10000人每减少1%: the first 每… names where the steps start
            first = steps[0]
            if first.q is not None:
                start = Edge(first.q, True)
            steps = steps[1:]
        if (
            steps
            and steps[-1].q is None
            and not steps[-1].words
            and not any(isinstance(p, PQty) and p.span[0] >= steps[-1].span[1] for p in lead)
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
                if start is not None:  # 每90%每90%90%: a start twice over, one of them read by nothing
                    raise self.error("two-starts", "扣分步长之前有两个起点", st.span, expected=("每…扣N分",),
                                     hint="只写一个起点，如“低于95%每偏差5%扣2分”")  # fmt: skip
                start = Edge(st.q, True)
                step_q = trailing[0].q
                step_pp = trailing[0].pp
                self.use(trailing[0])
            if st.per == "down":
                direction, side_stated = Direction.SHORTFALL, True
            elif st.per == "up":
                direction, side_stated = Direction.EXCESS, True
            elif st.per == "dev":
                direction = None
            if any(w in per_word for w in _DELAY_WORDS):
                direction, side_stated = None, False
            if st.per == "down" and not tail.bonus and any(w in per_word + text for w in _MISSED_WORDS):
                # 每缺报一个季度扣0.25分: a missed report is an event, each one counted; its 缺 is no side of a
                # value falling short (semantics §133)
                direction, side_stated, missed = None, False, True
            # 第4位及以后每后退一位 (semantics §141): the place the steps start from, written before them (≥4位)
            rank_start = any(isinstance(c, PCmp) and c.q.unit in _RANK_UNITS and c.span[1] <= st.span[0] for c in cmps)
            if (
                step_q is not None and step_q.unit in _RANK_UNITS and not self.ranks and not rank_start
                and st.per in ("down", "up") and any(w in self.text for w in ("排名", "名次"))
            ):  # fmt: skip
                # 排名第一得满分，每下降一名扣1分: places, but no rank the steps could count from is read
                raise self.error("rank-step-without-rank", "按名次扣分，但没有读到从第几名起算", st.span,
                                 expected=("第1名得N分", "前3名得满分"))  # fmt: skip
            if step_q is not None and step_q.unit in _RANK_UNITS and (self.ranks or (rank_start and st.per in ("down", "up"))):
                # 第一名得40分，每递减一名减2分: steps over ranks, 1 the best. Going down a place is a
                # larger rank number; counted from the best rank the rule names (domain point 19)
                if st.per not in ("down", "up"):
                    raise self.error("rank-step-direction", "名次的步长没有说是名次下降还是上升", st.span,
                                     expected=("每下降一名", "每上升一名"))  # fmt: skip
                direction = Direction.EXCESS if st.per == "down" else Direction.SHORTFALL
                side_stated = False
                if start is None and not any(isinstance(c, PCmp) and c.span[1] <= st.span[0] for c in cmps):
                    # (≥4位时每超出1位: the comparison before the step is where it starts, read below)
                    start = Edge(min(self.ranks, key=lambda q: q.value), True)
        elif (
            not qtys and len(cmps) == 1 and isinstance(cmps[0], PCmp) and cmps[0].op is Op.LT and cmps[0].of_target
            and cmps[0].suffix is None and cmps[0].inclusive_mark is None
            and self.text[cmps[0].span[0] : cmps[0].span[1]].startswith(_SHORT_WORDS)
            and self.text[cmps[0].span[0] : cmps[0].span[1]].endswith("个百分点")
        ):  # fmt: skip
            # 低于目标值1个百分点扣0.5分 (semantics §135): the shortfall word, the target it falls short of and a
            # distance in 个百分点 with no 以内/以上 after it is the step 低1个百分点 writes, per step without 每
            # (domain point 5); it was the line the deduction starts from, its number read by nothing
            c = cmps.pop()
            assert isinstance(c, PCmp)
            step_q, step_pp = c.q, True
            direction, side_stated = Direction.SHORTFALL, True
            self.use(c)
        elif qtys:
            q = qtys[-1].q
            if (
                q.unit in _EVENT_UNITS and q.unit not in _TIME_UNITS and q.value != 1 and not cmps
                and not tail.bonus and any(w in text for w in (*_EVENT_WORDS, *_DELAY_WORDS))
            ):  # fmt: skip
                # 出现2次迟报的扣1分: no 每, and a count of 2: one deduction per two, or one from the second on? Not
                # written (semantics §30); it was read as steps of 2 counted pro rata (tenth probe R08: 1 scored 2.5)
                raise self.error("count-without-each", "扣分前写了几次事件，但没有写“每”：是每这么多次扣一次，还是达到这么多次扣一次，无法确定",
                                 qtys[-1].span, expected=("每出现2次扣1分", "出现2次及以上的扣1分"),
                                 hint="写明“每出现2次扣1分”或“出现2次及以上的扣1分”")  # fmt: skip
            step_q = q
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
                if not side_stated:
                    direction = Direction.SHORTFALL if c.op in (Op.LT, Op.LE) else Direction.EXCESS
                # else 满意度≥90%，每降低1个百分点扣1分: the step's own word (降低/提高) states the side, the
                # comparison only the line it counts from (it read ≥90% as 每超出: 85% scored full marks)
            elif isinstance(c, PBareOp):
                before = self.text[max(0, c.span[0] - 2) : c.span[0]]
                if step_q is not None and self._names_counted(lead, c, steps, step_q):
                    # 每1个国控断面未达到III类及以上水质扣5分 / 每实现1个断面升类并达到III类的加2分 (semantics §144):
                    # 达到 inside the words of what each step counts names those things (sections reaching a class),
                    # no side of the value: each is an event (it was a distance from an unstated target in 个)
                    continue
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
        if direction is None and not steps and not tail.bonus and any(w in text for w in _MISSED_WORDS):
            missed = True  # 缺报1个季度扣0.25分 (as the reading renders 每缺报一个季度): each one an event
        if direction is None and not steps and not missed:
            if any(w in text for w in _SHORT_WORDS):
                direction = Direction.SHORTFALL
            elif any(w in text for w in _EXCESS_WORDS):
                direction = Direction.EXCESS
        deviation = any(w.kind == "deviation" for w in words) or (steps and steps[-1].per == "dev")
        is_delay = any(w in per_word or w in text or w in per_word + text for w in _DELAY_WORDS)  # 每超|期1天
        is_percent = step_q is not None and step_q.is_percent
        is_event = False
        event_verb = any(w in text for w in _EVENT_WORDS) and direction is None and not deviation
        if step_q is None:
            is_event = bool(steps) or tail.per_unit != ""
        elif not is_percent:
            unit = step_q.unit
            if is_delay or event_verb or (deviation and unit in _EVENT_UNITS and not self._has_threshold(unit)):
                # 数据偏差错误一项扣1分: a count of errors, not a deviation; but beside a line in that counter
                # (班额控制在40-45人之间得满分，每偏离1人扣0.5分) a distance from it (ninth probe B16: the answer 42 was
                # read as 42 deviations, every class size scored 0; semantics §108)
                is_event = True
                deviation = False
            elif missed and not deviation:
                is_event = True
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
            if step_q is None:
                return Deduction(StepKind.ONCE, points, None, event=self._event(lead, ctx_text),
                                 points_max=tail.range_high, bonus=tail.bonus, span=span)  # fmt: skip
            # 每超过1%扣0.5-1分 / 每低5%扣1-2分: a range per step of a value (domain point 22) is read below as
            # the steps with that range; it was one deduction of 0.5-1 for the whole clause, answered 是/否
        points_max = tail.range_high
        if step_q is None and not is_event:
            if steps:
                raise self.error("step-without-size", "“每”之后缺少步长", steps[-1].span, expected=("数字",))
            per = self._per_period(lead)
            if (
                per is not None and per.unit in _TIME_UNITS and isinstance(start_from, PCmp)
                and start_from.op in (Op.GT, Op.GE) and start is not None
                and start_from.q.unit.removeprefix("个") == per.unit.removeprefix("个")
            ):  # fmt: skip
                # 超过3个月的每月扣1分: each month past the line is a step of one month counted from it (§94); it
                # was an unread 3 (a count of months the events happen in, with no line)
                self.use(start_from)
                return Deduction(StepKind.DISTANCE, points, Quantity(Decimal(1), start_from.q.unit), Direction.EXCESS,
                                 Measure.VALUE, None, None, start, self._event(lead, ctx_text), bonus=tail.bonus,
                                 span=span)  # fmt: skip
            if per is not None:
                # 每季度未报送扣1分 / 每月未按时报送的扣0.5分: each period it happens in is one event (it was
                # deducted once, however many quarters were missed)
                return Deduction(StepKind.EVENTS, points, per, event=self._event(lead, ctx_text),
                                 bonus=tail.bonus, span=span, again=_again(lead, tail.bonus))  # fmt: skip
            when = self._bonus_band(lead, span) if tail.bonus else None
            if when is not None:
                # 完成率100%以上加2分: a one-off bonus given where the value is in the band (semantics §106); the
                # 100 was unread and the bonus asked 是/否
                return Deduction(StepKind.ONCE, points, None, event=self._event(lead, ctx_text), bonus=True,
                                 span=span, when=when)  # fmt: skip
            return Deduction(
                StepKind.ONCE, points, None, event=self._event(lead, ctx_text), bonus=tail.bonus, span=span
            )
        if is_event and start is not None and len([p for p in lead if isinstance(p, PStep)]) > 1:
            # 每90%每完成率…: a line the steps would start from, but what is counted is no distance
            raise self.error("two-steps", "一个子句里写了两个“每…”，无法确定步长", span, expected=("一个“每…”",))
        if is_event:
            size = step_q if step_q is not None else Quantity(Decimal(1), tail.per_unit or "次")
            return Deduction(StepKind.EVENTS, points, size, event=self._event(lead, ctx_text), span=span,
                             again=_again(lead, tail.bonus),
                             partial=Partial.FLOOR if whole else None, bonus=tail.bonus, doubled=tail.doubled,
                             qualifiers=self.event_qualifiers(lead, steps, size, start))  # fmt: skip
        assert step_q is not None
        if tail.count_up and start is None and direction in (None, Direction.EXCESS):
            # 每完成1%得0.3分: the steps count up from 0
            start, direction = Edge(Quantity(Decimal(0), step_q.unit), True, False), Direction.EXCESS
        self.use(start_from)  # only a distance counts from where a comparison says (低于95%每偏差5%)
        if start is None and direction is not None and not tail.bonus and steps:
            standard = self._standard_before(lead, steps[0], step_q)
            if standard is not None:
                # 满意度以90%为基准，每降低1个百分点: the steps count from the standard (semantics §120)
                self.use(standard)
                start = Edge(standard.q, True)  # as the note before a step reads it (满意度以90%为基准，每降低…扣1分)
        measure = Measure.DEVIATION if deviation else Measure.VALUE
        # the basis of a percent step is set only where the text states it (个百分点); otherwise the
        # evaluator reads it from the quantities: a rate → percentage points, an amount → relative
        basis: PercentBasis | None = PercentBasis.POINTS if step_pp else None
        return Deduction(
            StepKind.DISTANCE, points, step_q, direction, measure, basis,
            Partial.FLOOR if whole else None, start, self._event(lead, ctx_text), points_max=points_max,
            bonus=tail.bonus, span=span,
        )  # fmt: skip

    def _standard_before(self, lead: Lead, step: PStep, unit: Quantity) -> PQty | None:
        """满意度以90%为基准，每降低1个百分点 (semantics §120): the words before the step name a standard (its one number,
        in the step's unit, between 以 and a word of the lexicon's ``standard``: 为标准, 为基准, 为准, then only a
        comma), the line the steps count from; None otherwise."""
        before = [p for p in lead if p.span[1] <= step.span[0]]
        numeric = [p for p in before if not isinstance(p, (PText, PWord))]
        if len(numeric) != 1 or not isinstance(numeric[0], PQty) or numeric[0].points_scale or numeric[0].q.unit != unit.unit:
            return None
        q = numeric[0]
        if not self.text[min(p.span[0] for p in before) : q.span[0]].rstrip().endswith("以"):
            return None
        return q if self.text[q.span[1] : step.span[0]].strip().rstrip("，,").strip() in _STANDARD_WORDS else None

    def _respective(self, lead: Lead, tl: TList, span: Span) -> list[Clause]:
        """超过80%、70%和60%，分别得6分、4分和2分 / 少建一个或已建但未达标的分别扣1分、3分: one clause per
        member of the list, in order (domain point 17: 分别 means per item). Numeric members share the
        comparison of the first; worded members are split at 、/和/或/及, and each is counted per item."""
        n = len(tl.values)
        if n == 1:
            # 未依法把关或不符合条件给予审批的，分别扣1分: one value for each case, whatever the clause lists
            # or finds: one deduction per case (a count), never split into inputs the value does not pair
            d = self.deduction(lead, TDeduct(tl.values[0], tl.span, bonus=tl.kind == "bonus"), span, ())
            if tl.kind == "award" or d.kind is StepKind.DISTANCE:
                raise self.error("list-count", "“分别”之后只有一个分值，无法确定给哪几项", tl.span,
                                 expected=("分别扣N分", "分别得N分、M分"))  # fmt: skip
            if d.kind is StepKind.ONCE:
                d = attrs.evolve(d, kind=StepKind.EVENTS, step=Quantity(Decimal(1), "项"), listed=True)
            return [d]
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
                out_.append(
                    Award(Range(Measure.VALUE, Edge(q, True), Edge(q, True), subject, r.span), Points(v), False, span)
                )
            return out_
        if members and tl.kind == "award":
            if len(members) != n:
                raise self.error("list-count", f"列出{len(members)}个数值，却有{n}个分值", tl.span,
                                 expected=(f"{n}个条件",))  # fmt: skip
            first = members[0]
            last = members[-1]
            if isinstance(first, PQty) and isinstance(last, PCmp) and self.text[last.span[0] : last.span[1]].lstrip()[:1].isdigit():
                # 完成计划的100%、95%、90%以上，分别得6分、4分、2分: the comparison written once, after the last (ninth
                # probe A14; it was refused as "3 values but 3 points")
                first = last
            elif isinstance(first, PQty):
                raise self.error("list-count", "列表中的数值缺少比较", first.span, expected=("≥", "以上"))
            words = tuple(p for p in lead if isinstance(p, PWord) or (isinstance(p, PText) and not _list_sep(p)))
            self.use(*(p for p in lead if isinstance(p, PText) and _list_sep(p)))
            # 超过80%、70%和60%，且运行管护效果良好，分别得6分、4分和2分 (or the words first, 效果良好且…超过80%、…):
            # 且 joins those words to each member's band (semantics §143): each member is an All of the two (§100)
            joined = any(isinstance(p, PText) and _JOINT.search(self.text, *p.span) for p in words)
            out: list[Clause] = []
            for m, v in zip(members, tl.values, strict=True):
                if isinstance(m, PQty) and isinstance(first, PCmp):
                    m = PCmp(first.op, m.q, m.span, first.of_target, None, first.suffix)
                elif isinstance(m, PQty):
                    raise self.error("list-count", "列表中的数值缺少比较", m.span, expected=("≥", "以上"))
                both = self.joint(tuple(sorted((*words, m), key=lambda q: q.span)), span) if joined else None
                cond = both if both is not None else self.condition((*words, m), m.span)
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
                d = attrs.evolve(d, kind=StepKind.EVENTS, step=Quantity(Decimal(1), "项"), listed=True)
            out.append(d)
        return out

    def event_qualifiers(self, lead: Lead, steps: list[PStep], size: Quantity, start: Edge | None) -> tuple[Range, ...]:
        """每出现一次系统故障超过4小时未恢复的 / 每发生一次4小时以上的系统故障: a comparison inside the words of the
        event a deduction counts, after its 每 + counter and continued by words of the event (未恢复的, 的系统故障), in a
        unit other than the counter, says which events count: part of the event's name (semantics §98), never a
        line, a start or a step. The answer stays the count of such events. Empty otherwise (the number then stays
        unread and the rule is refused, as before)."""
        if not steps or start is not None or size.unit not in _EVENT_UNITS:
            return ()
        out: list[Range] = []
        ps = list(lead)
        for k, c in enumerate(ps):
            if not isinstance(c, (PCmp, PRange)) or c.span[0] < steps[-1].span[1]:
                continue
            units = {c.q.unit} if isinstance(c, PCmp) else {c.low.unit, c.high.unit}
            if not all(units) or size.unit in units or "分" in units or any(u.lstrip("个") in _EVENT_UNITS for u in units):
                continue  # 每发现一次3次以上…: a count in the counter is no qualifier; 分 is points
            after = next((r for r in ps[k + 1 :] if r.span != (0, 0)), None)
            named_before = self.text[steps[-1].span[1] : c.span[0]].strip("，,；;。 的")
            if not isinstance(after, PText) or not after.text.strip("，,；;。 的"):
                # the event's words must go on after it (it names a kind of event), or name the event right before
                # it, the qualifier and 的 closing them (每出现一次系统宕机超过2小时的: eighth probe C29); without 的
                # (…超过4小时扣0.5分) the number may as well be where steps per hour start: not read
                if not (named_before and isinstance(after, PText) and after.text.strip() == "的"):
                    continue
            lo, hi = self._edges(c)
            out.append(Range(Measure.VALUE, lo, hi, "", c.span))
            self.use(c)
        return tuple(out)

    def _names_counted(self, lead: Lead, op: PBareOp, steps: list[PStep], step_q: Quantity) -> bool:
        """每1个国控断面未达到III类及以上水质 (semantics §144): a bare 达到 after the step in a counter of things,
        with the words of the counted thing both before it and after it (a level named in words, no number): it
        says which things each step counts."""
        if not steps or op.span[0] < steps[-1].span[1] or step_q.unit not in _EVENT_UNITS:
            return False
        between = [p for p in lead if steps[-1].span[1] <= p.span[0] and p.span[1] <= op.span[0]]
        after = next((p for p in lead if p.span[0] >= op.span[1] and p.span != (0, 0)), None)
        return (
            bool(between) and all(isinstance(p, PText) and p.text.strip("，,；;。 的") for p in between)
            and isinstance(after, PText) and bool(after.text.strip("，,；;。 的"))
        )

    def _bonus_band(self, lead: Lead, span: Span) -> Range | None:
        """完成率100%以上加2分 / 满意度95%以上的加1分: the comparison of a one-off bonus with no step is the band of the
        value it is given in (semantics §106), read as a band's condition is. None where the lead is anything else
        (words only, a step, two comparisons): the number then stays unread, as before."""
        bands = [p for p in lead if isinstance(p, (PCmp, PRange, PBounded))]
        if len(bands) != 1 or any(isinstance(p, (PStep, PQty, PBareOp)) for p in lead):
            return None
        after = "".join(p.text for p in lead if isinstance(p, PText) and p.span[0] >= bands[0].span[1])
        if after.strip("，,；;。 的"):
            return None  # 完成率100%以上的项目加2分: the words go on to name things counted, not the value's band
        words = "".join(p.text for p in lead if isinstance(p, (PText, PWord)))
        if any(w in words for w in (*_SHORT_WORDS, *_EXCESS_WORDS, *_MORE_WORDS)):
            return None  # 降低2%以上加5分: a band on a distance from a line (§77's tier), not on the value itself
        cond = self.condition(lead, span)
        return cond if isinstance(cond, Range) and cond.measure in (Measure.VALUE, Measure.RATIO) else None

    def _event(self, lead: Lead, ctx_text: str) -> str:
        """The words of a deduction's lead as written (每发现一例不合规 → 发现一例不合规)."""
        spans = [p.span for p in lead if hasattr(p, "span") and p.span != (0, 0)]
        if not spans:
            return ctx_text
        raw = self.text[min(s[0] for s in spans) : max(s[1] for s in spans)]
        return raw.lstrip("每").strip("，,；;。 ")

    def _cap(
        self, caps: list[TCap], deducts: list[TDeduct], lead: Lead, out: list[Clause], lone_caps: list[tuple[int, TCap]]
    ) -> None:
        """最多扣5分 / 扣分不超过3分: in a clause with its own deduction (每例扣1分最多扣5分) it
        bounds that deduction; a clause of its own bounds the deduction just before it, or every
        deduction when it closes a rule of several (domain point 15; ``_apply_caps``)."""
        if len(caps) > 1:
            raise self.error("two-caps", "同一子句写了两个扣分上限", caps[1].span)
        cap = caps[0]
        if cap.kind == "share":
            # 每低1个百分点扣0.2分，扣分不超过本项分值的50%: the deductions of the rule lose at most that share of
            # the weight, which the evaluator knows (semantics §84); the assembler checks that it closes them
            if lead and any(not isinstance(p, PText) for p in lead):
                raise self.error("cap-with-condition", "扣分上限前的条件无法读懂", self._lead_span(lead, cap.span),
                                 expected=("扣分不超过本项分值的50%",))  # fmt: skip
            self.use(*lead)
            self.share_caps.append((len(out) + (1 if deducts else 0), cap))
            return
        if cap.kind == "highest":
            # 就高计分，不重复加分: of the bonuses before it, only the largest that holds counts (semantics §126)
            if lead and any(not isinstance(p, PText) for p in lead):
                raise self.error("cap-with-condition", "“就高计分”前的条件无法读懂", self._lead_span(lead, cap.span),
                                 expected=("就高计分",))  # fmt: skip
            self.use(*lead)
            self.bonus_highest = cap
            return
        if cap.kind == "base":
            # 加扣分均不突破基本分: the bonuses add at most the base (domain point 18)
            self.use(*(p for p in lead if isinstance(p, PText)))
            self.bonus_base = cap
            return
        if lead and not deducts and self._joint(lead, cap, out):
            lone_caps.append((len(out), cap))
            return
        if lead and not deducts and any(not isinstance(p, PText) for p in lead):
            raise self.error("cap-with-condition", "扣分上限前的条件无法读懂", self._lead_span(lead, cap.span),
                             expected=("最多扣N分",), hint="把上限写在扣分子句之后，如“每例扣1分，最多扣5分”")  # fmt: skip
        before = [c for c in out if isinstance(c, Deduction)]
        if not deducts and cap.kind == "bonus" and not any(c.bonus for c in before):
            # 该项设有加分项(最多加5分)…加分项：每上升一个百分点加1分: a bonus cap stated before the bonuses
            # it bounds (_apply_caps finds them after it, or refuses)
            self.use(*(p for p in lead if isinstance(p, PText)))
            lone_caps.append((len(out), cap))
            return
        if not deducts and not before and cap.kind == "any" and self._formula_cap(lead, cap, out):
            return
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

    def _formula_cap(self, lead: Lead, cap: TCap, out: list[Clause]) -> bool:
        """得分=（完成率÷95%）×5，最高5分: 最高N分 / 最多得N分 in a clause of its own right after a formula bounds
        the formula's points (``Formula.cap``); the clamp at the weight still holds (semantics §63)."""
        last = out[-1] if out else None
        if lead or not isinstance(last, Award) or not isinstance(last.outcome, Formula) or last.outcome.cap is not None:
            return False
        out[-1] = attrs.evolve(last, outcome=attrs.evolve(last.outcome, cap=cap.points))
        return True

    def _joint(self, lead: Lead, cap: TCap, out: list[Clause]) -> bool:
        """两项合计最多扣2分: N项 and a word of together (lexicon ``joint``) before a cap of its own clause:
        the cap bounds the N deductions before it together, when there are N of them (else refused)."""
        counts = [p for p in lead if isinstance(p, PQty)]
        texts = [p for p in lead if isinstance(p, PText)]
        if len(counts) != 1 or len(counts) + len(texts) != len(lead) or counts[0].q.unit != "项":
            return False
        words = "".join(t.text for t in texts)
        if not words:
            # 两项累计扣分不超过3分, 三项加分累计不超过3分: the word of together is in the cap's own words (lexicon CAP)
            own = self.text[cap.span[0] : cap.span[1]]
            words = next((w for w in _JOINT_WORDS if w in own), "")
        if not words.startswith(_JOINT_WORDS) or words not in _JOINT_WORDS:
            return False
        kind = "bonus" if cap.kind == "bonus" else "deduct"
        before = [c for c in out if isinstance(c, Deduction) and c.bonus == (kind == "bonus")]
        n = counts[0].q.value
        if n != len(before) or n < 2:
            raise self.error("joint-cap-count", f"上限说{_fmt_count(n)}项合计，但之前读到{len(before)}项{'加分' if kind == 'bonus' else '扣分'}", counts[0].span,
                             expected=("与之前扣分条款数相同的项数",), hint="核对项数，或把上限写成“最多扣N分”")  # fmt: skip
        self.use(*lead)
        return True

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
            if not before and bonus and after:
                # (最多加5分) before the bonuses: it bounds them, the one after it or all of them together
                if len(after) == 1:
                    i = out.index(after[0])
                    out[i] = attrs.evolve(after[0], cap=points, items=cap.items)
                else:
                    bonus_cap = points
                continue
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
                out[before[-1]] = attrs.evolve(last, cap=points, items=cap.items)
        return out, rule_cap, bonus_cap

    def _context_edge(self, lead: Lead) -> PCmp | PQty | None:
        """The one number of a context clause (按计划100%完成 / 开机率不得低于95% / >0), if it has one. An ordinal
        right after 第 (第七次人口普查登记完成率应达100%, semantics §141) is part of the name, as in a band (§57), never
        the line: a figure there (第7次) stays unread and refuses the rule, as it does in a band."""
        numeric = [p for p in lead if isinstance(p, (PCmp, PQty, PRange, PBounded, PStep, PBareOp))
                   and not (isinstance(p, PQty) and not p.q.is_percent
                            and self.text[: p.span[0]].rstrip().endswith("第"))]  # fmt: skip
        if len(numeric) == 1 and (
            isinstance(numeric[0], PCmp) or (isinstance(numeric[0], PQty) and numeric[0].q.is_percent)
        ):
            return numeric[0]  # a bare count (每季度进行一次) is a frequency, not a line
        if (
            len(numeric) == 1 and isinstance(numeric[0], PQty) and numeric[0].q.unit in _TIME_UNITS
            and any(w in _lead_text(lead) for w in _TIME_LIMIT_WORDS)
        ):  # fmt: skip
            # 办结时限为3个工作日，每超时1个工作日扣1分: a time limit is the line the steps past it count from
            return PCmp(Op.LE, numeric[0].q, numeric[0].span)
        return None

    @staticmethod
    def _lead_span(lead: Lead, default: Span) -> Span:
        spans = [p.span for p in lead if hasattr(p, "span")]
        if not spans:
            return default
        return (min(s[0] for s in spans), max(s[1] for s in spans))

    def _has_threshold(self, unit: str) -> bool:
        return any(q.unit == unit for q in self.thresholds)


#: after a rank (第7名以后, 10名以后): that rank and the later ones
_LATER_WORDS = ("以后", "之后")



def _fmt_count(n: Decimal) -> str:
    return format(n.normalize(), "f")


def _said(p: Any) -> tuple[Quantity, ...]:
    """The numbers a phrase states (a quantity, a comparison's, a range's two ends)."""
    if isinstance(p, (PQty, PCmp)):
        return (p.q,)
    if isinstance(p, (PRange, PBounded)):
        return (p.low, p.high)
    return ()
