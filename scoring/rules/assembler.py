"""The assembler: a transformed parse (clauses of phrases) → a Rule or Composite. It joins clauses
into segments, reads each with the clause readers, orders bands and resolves labels, then accounts spans.

Why ``_Assembler`` is over 300 lines (issue 15): it is the one place where clauses meet (a band's
points decide a step's start, a veto restates a zero, labels pair with their negations), and each of
its steps reads and writes the same rule-in-progress; the per-clause readers already live in clauses.py."""

from __future__ import annotations

import calendar
import itertools
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import attrs

from ..errors import RuleSyntaxError
from .checks import _DATE_WORDS
from .clauses import _said
from .lexicon import words
from .lists import ListReader, _num_text, _one_worded_award
from .nodes import (
    Abs,
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
    MonthDay,
    Node,
    Note,
    Num,
    Op,
    Partial,
    PercentBasis,
    Points,
    Proportional,
    Quantity,
    Range,
    Requirement,
    Rule,
    ShareOfWeight,
    StepKind,
    TargetMet,
    Var,
    Veto,
    Zero,
)
from .phrases import (
    _AS_OF_WORDS,
    _BUDGET_WORDS,
    _EVENT_UNITS,
    _EVENT_WORDS,
    _EXCESS_WORDS,
    _FAILED_WORDS,
    _FLOOR,
    _SHORT_WORDS,
    _STANDARD_WORDS,
    _TIME_LIMIT_WORDS,
    _TIME_UNITS,
    Lead,
    PBareOp,
    PBounded,
    PCmp,
    PQty,
    PRange,
    PStep,
    PText,
    PWord,
    Span,
    Tail,
    TBreakdown,
    TCap,
    TDeduct,
    TFlag,
    TList,
    TOutcome,
    _is_lead,
    _lead_text,
    _merge,
)
from .shapes import (
    _inside,
    _rank,
    _Segment,
    _side_name,
    _split_list,
    deducts,
    delay_band,
    formula_vars,
    is_weight_name,
    ties_to_target,
)

#: ＜90%的按区间计分：a heading over the bands after it (semantics §102)
_BAND_HEADINGS = frozenset(words("band_heading"))

#: 或 / 或者 between two comparisons of one measure: a union of their ranges (semantics §93)
_OR_WORDS = ("或", "或者")

#: what may close the date an as-of word (截至, 截止 …) begins (semantics §79)
_AS_OF_END = frozenset(("底", "末", "止", "时"))
#: the words of DISCRETION that deduct by hand, not award (semantics §86)
_HAND_DEDUCTIONS = frozenset(words("hand_deduction"))


#: 未开展 / 没有举办 / 未召开: carrying out, negated, with no object of its own (semantics §99)
_NOT_HELD = re.compile(r"(?:未|没有|未曾|从未)(?:" + "|".join(words("activity")) + r")")
_EVENT_COUNTERS = frozenset(words("event_unit"))


def _count_edges(c: Clause) -> list[Edge]:
    """The line of steps on a count (不少于2次，少1次扣2分). Not a band's ends: beside one band (开展1次以上满分，
    未开展不得分) the words are its complement, and 是 answers the band (the seed convention, §92)."""
    if isinstance(c, Deduction) and c.kind is StepKind.DISTANCE and c.start is not None:
        return [c.start]
    return []


def _hand_deduction(seg: Any, nxt: Any) -> bool:
    """低于90%扣分 / 未完成的扣分 closing its clause: a condition before a bare 扣分 (no 每, no other tail) that no
    step or bonus follows, so the amount is given by hand within the weight (semantics §22, domain point 22)."""
    if len(seg.tails) != 1 or not seg.lead or any(isinstance(p, PStep) for p in seg.lead):
        return False
    if not any(isinstance(p, (PCmp, PRange, PBounded, PText)) for p in seg.lead):
        return False
    last = seg.lead[-1]
    if isinstance(last, PText) and last.text.rstrip("的").endswith(("倍", "加重")):
        return False  # 加倍扣分 says how much, relative to a deduction (§76): read there or refused
    return nxt is None or not any(isinstance(t, TDeduct) for t in nxt.tails)


def _percent(q: Quantity) -> Quantity:
    return Quantity(q.value, "%") if not q.unit else q


def _in_percent(p: Any) -> Any:
    """A phrase with its bare numbers read as percentages (a heading declared the unit: semantics §79)."""
    if isinstance(p, PCmp) and not p.q.unit:
        return attrs.evolve(p, q=_percent(p.q))
    if isinstance(p, PRange) and not p.low.unit and not p.high.unit:
        return attrs.evolve(p, low=_percent(p.low), high=_percent(p.high))
    if isinstance(p, PQty) and not p.q.unit and not p.points_scale:
        return attrs.evolve(p, q=_percent(p.q))
    if isinstance(p, PStep) and p.q is not None and not p.q.unit:
        return attrs.evolve(p, q=_percent(p.q))
    return p






#: 无缺会 / 没有违规 / 未发生事故 / 未出现问题: words saying that something is absent
_ABSENCE = ("无", "没有", *(n + e for n in ("未", "没", "不", "无") for e in _EVENT_WORDS))


def _has_abs(e: object) -> bool:
    if isinstance(e, Abs):
        return True
    return isinstance(e, BinOp) and (_has_abs(e.left) or _has_abs(e.right))


def _substitute(e: Expr, name: str, by: Expr) -> Expr:
    """The formula with each ``Var(name)`` replaced by the expression a definition gives it."""
    if isinstance(e, Var):
        return by if e.name == name else e
    if isinstance(e, BinOp):
        return BinOp(e.op, _substitute(e.left, name, by), _substitute(e.right, name, by))
    if isinstance(e, Abs):
        return Abs(_substitute(e.arg, name, by))
    return e


class _Assembler(ListReader):

    # -- segments: (lead, tails) pairs; a lead-only clause followed by a tail-only one is joined
    def segments(self, clauses: Sequence[tuple[str, list[Any], Span]]) -> list[_Segment]:
        segs: list[_Segment] = []
        for _, parts, span in clauses:
            lead: Lead = ()
            tails: list[Tail] = []
            seg_span = span
            weight_only = bool(parts) and all(isinstance(p, TFlag) and p.kind == "weight" for p in parts)
            for k, p in enumerate(parts):
                if self._points_after_deduction(parts, k):
                    # ②资金支出合规，发现一笔违规支出扣0.5分（2分）: the points the deductions come off (§81)
                    self.weights.append((p.outcome.value, p.span))
                    self.use(p)
                    continue
                if isinstance(p, TFlag) and p.kind == "each_item":
                    raise self.error(
                        "each-item", "“每项各N分”之前没有逐项编号列出的各项，不知道“每项”指哪几项", p.span,
                        expected=("(1)…;(2)…每项各N分",),
                        hint="把各项编号列出（①②③或(1)(2)(3)），每项只写所要求的事，最后写“每项各N分”",
                    )  # fmt: skip
                if isinstance(p, TFlag) and p.kind == "per_item":
                    # 每完成1项取得该项分数: says how the checklist's items score (checked in ``_per_item``)
                    self.use(p)
                    self.per_items.append(p)
                    continue
                if isinstance(p, TBreakdown):
                    self._breakdown(p, tails)
                    continue
                if isinstance(p, TFlag) and p.kind == "step_close":
                    self._step_close(p, tails)
                    continue
                if isinstance(p, TFlag) and p.kind in ("evidence", "weight", "definition", "ceiling"):
                    # 以党委会纪要为准 (how the evidence is checked), 本项满分10分 (the weight stated),
                    # 完成率=实际完成数/计划数×100% (the rate defined), 最高不超过指标分值 (the clamp at
                    # the weight, which holds anyway: domain point 6): remarks that score nothing
                    self._remark(p)
                    continue
                if isinstance(p, tuple) and not isinstance(p, (TOutcome, TDeduct, TFlag, TCap)):
                    if tails and isinstance(tails[-1], TOutcome) and isinstance(tails[-1].outcome, Formula) and any(
                        isinstance(q, (PCmp, PRange, PBareOp)) for q in p
                    ):
                        # 实际完成数÷计划数达到100%的得满分: the formula is what the comparison right after it (no
                        # separator) compares, not the score (it scored 0.8 points at 80 of 100): not read yet (§96)
                        raise self.error(
                            "formula-condition", "分档的条件是一个算式：算式作为比较的对象还不能读", tails[-1].span,
                            expected=("完成率≥100%得满分（完成率=实际完成值/目标值×100%）",),
                            hint="请给算式起个名字写成定义，分档写在这个名字上，如“完成率=实际完成值/目标值×100%，完成率≥100%得满分”",
                        )  # fmt: skip
                    if tails:
                        segs.append(_Segment(lead, tails, seg_span))
                        lead, tails = (), []
                    lead = p
                else:
                    tails.append(p)
            if lead and not tails and parts and not _is_lead(parts[-1]):
                # 资金到位率（5分）：… / …扣1分，每报告以纪要为准: words left alone by a remark are a note of
                # their own words (the heading's, without the weight), not of the whole clause
                seg_span = (min(q.span[0] for q in lead), max(q.span[1] for q in lead))
            if not weight_only:  # 本项满分10分 alone: Rule.stated_weight, no note
                segs.append(_Segment(lead, tails, seg_span))
        joined: list[_Segment] = []
        for seg in segs:
            if _self_reference(seg.lead) and seg.tails and joined and not joined[-1].tails and joined[-1].lead:
                # 合格率≥95%，该项得满分 (semantics §85): 该项 names the indicator, not a condition of its own
                seg = _Segment((), seg.tails, seg.span)
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
        return self.announced(self._tier_caps(joined))

    def _tier_caps(self, segs: list[_Segment]) -> list[_Segment]:
        """每降低1%加2分，降低2%以上加4分 (dev-116): a band on the same distance right after per-step bonuses
        (the step's own word, 降低 after 每降低, with ≥ a multiple of the step), adding exactly what the steps add
        at its line, is the steps' cap (domain point 16: tiers; from the line on the band holds, and the steps
        would add the same there): read as 最多加4分 on the steps. Points that differ from the steps' at the line
        are a band beside the steps, not read yet (refused as before, unread-number)."""
        out: list[_Segment] = []
        for seg in segs:
            prev = out[-1] if out else None
            cap = self._tier_cap(prev, seg) if prev is not None else None
            if cap is not None and prev is not None:
                self.use(*seg.lead)
                out[-1] = _Segment(prev.lead, [*prev.tails, cap], _merge(prev.span, seg.span))
                continue
            out.append(seg)
        return out

    @staticmethod
    def _tier_cap(prev: _Segment, seg: _Segment) -> TCap | None:
        if len(prev.lead) != 1 or len(prev.tails) != 1 or len(seg.lead) != 2 or len(seg.tails) != 1:
            return None
        step, bonus = prev.lead[0], prev.tails[0]
        word, line = seg.lead
        tier = seg.tails[0]
        if not (isinstance(step, PStep) and step.per in ("down", "up") and step.q is not None and step.q.value > 0
                and isinstance(bonus, TDeduct) and bonus.bonus and isinstance(bonus.points, Decimal)
                and bonus.range_high is None and not bonus.count_up):  # fmt: skip
            return None
        if not (isinstance(word, PText) and isinstance(line, PCmp) and line.op is Op.GE and not line.of_target
                and isinstance(tier, TDeduct) and tier.bonus and isinstance(tier.points, Decimal)
                and tier.range_high is None):  # fmt: skip
            return None
        if word.text != step.word.removeprefix("每") or line.q.unit != step.q.unit:
            return None
        if line.q.value / step.q.value * bonus.points != tier.points:
            return None
        return TCap(tier.points, _merge(word.span, tier.span), "bonus")

    def _points_after_deduction(self, parts: list[Any], k: int) -> bool:
        """发现一笔违规支出扣0.5分（2分）: bracketed points closing a clause right after its one deduction (no
        other outcome in the clause) are the points that deduction comes off, the weight of the item or rule
        (as 本项满分2分; semantics §81). Read as an award beside the deduction they were refused (mixed-clause)."""
        p = parts[k]
        if k == 0 or k != len(parts) - 1 or not isinstance(p, TOutcome) or not isinstance(p.outcome, Points):
            return False
        before = parts[k - 1]
        return (
            isinstance(before, TDeduct) and not before.bonus and p.outcome.value > 0
            and self.text[p.span[0]] in "（(" and not self.text[before.span[1] : p.span[0]].strip()
            and not any(isinstance(x, TOutcome) for x in parts[: k - 1])
        )  # fmt: skip

    def _ceil_is_the_step(self, flag: TFlag, out: list[Clause]) -> None:
        """不足5%按5%计 / 不足2个百分点按2个百分点计: a partial step counts as a whole one (semantics §3, §63),
        when both numbers are the step of every deduction (每低5%…). Another number (不足5%按3%计, or 不足1%按1%计
        after 每5%) says something else, and is refused (step-rounding)."""
        nums = [Decimal(m) for m in re.findall(r"[0-9]+(?:\.[0-9]+)?", flag.text)]
        if not nums:
            return  # 不足一档按一档计
        steps = {(d.step.value if d.step.unit == "%" else None) for d in out if isinstance(d, Deduction) and d.step is not None}
        if len(set(nums)) != 1 or steps != {nums[0]}:
            raise self.error(
                "step-rounding", "“不足N按N计”的N与扣分步长不同", flag.span, expected=("不足一档按一档计", "与步长相同的N"),
                hint="N应等于步长（如“每低5%扣1分，不足5%按5%计”）；不同时规则不猜测如何取整",
            )  # fmt: skip

    def _step_close(self, flag: TFlag, tails: list[Tail]) -> None:
        """按每低1%扣0.5分扣减 / 按每少1个百分点扣0.1分计算: 计算/扣减 right after a deduction's points closes it (with
        the 按 that may open the step, semantics §78) and says nothing more. Anywhere else (得2分计算, 加1分计算) it
        is refused (step-close)."""
        before = tails[-1] if tails else None
        if not (isinstance(before, TDeduct) and not before.bonus and not self.text[before.span[1] : flag.span[0]].strip()):
            raise self.error(
                "step-close", f"“{flag.text}”之前不是扣分", flag.span, expected=("按每低1%扣0.5分扣减",),
                hint=f"“{flag.text}”只用在扣分之后（如“按每低1%扣0.5分{flag.text}”）；请删去它或写明扣几分",
            )  # fmt: skip
        self.use(flag)
















    def _schedule(self, note: Note, lead: Lead) -> Requirement | None:
        """每月5日、20日如期按要求报送工程进度报告 before an award per occurrence: its numbers, all days or other
        units of time, are the schedule the occurrences keep (a requirement's terms, §56), never a band."""
        terms = tuple(q for p in lead for q in _said(p))
        if not terms or any(q.unit not in _TIME_UNITS for q in terms) or not all(isinstance(p, (PQty, PText)) for p in lead):
            return None
        self.use(*lead)
        return Requirement(note.text, note.span, terms)

    def _remark(self, flag: TFlag) -> None:
        """Read a remark's words, and its numbers where the remark says what they are: the weight of
        本项满分10分; in a definition only a 100 (×100%, a rate in percent). Any other number of a
        definition (完成率=实际完成数/120×100%: 120 is a line the rule measures against) stays
        unread, and the rule is refused (unread-number)."""
        self.use(flag)
        if flag.kind == "weight":
            m = re.search(r"[0-9]+(?:\.[0-9]+)?", self.text[flag.span[0] : flag.span[1]])
            assert m is not None
            self.weights.append((Decimal(m.group()), flag.span))
        if flag.kind == "ceiling" and (("不" in flag.text and "加分" in flag.text) or "100" in flag.text):
            self.no_bonus.append(flag)
        if flag.kind == "ceiling" and "100" in flag.text:
            self.ratio_caps.append(flag)
        if flag.kind == "definition":
            self.definitions.append(flag)
            start = flag.span[0]
            for m in re.finditer(r"[0-9]+(?:\.[0-9]+)?", self.text[flag.span[0] : flag.span[1]]):
                if Decimal(m.group()) != 100:
                    self.read[start + m.start() : start + m.end()] = b"\x00" * (m.end() - m.start())

    def _defined_names(self, out: list[Clause]) -> list[Clause]:
        """得分=指标分值×（1-偏差率），偏差率=|实际值-目标值|/目标值: a name of a formula that a definition of the
        rule works out is that definition's expression (semantics §78). The formula reads it in its place, so
        偏差率 is no longer a rate the answer must give, and every number of the definition is read. A
        definition with an absolute value that no formula uses (偏离度=|实际值-目标值|/目标值 before bands on
        偏离度) says on which sides and how the deviation is measured, which a band does not take from the
        text yet: refused (definition-unused) rather than read with the comparator's side."""
        for flag in self.definitions:
            name = flag.text.strip().rstrip("=＝").strip()
            used = [c for c in out if isinstance(c, Award) and isinstance(c.outcome, Formula)
                    and name in formula_vars(c.outcome.expr)]  # fmt: skip
            if not used and self._deviation_bands(flag, name, out):
                out = [_defined_band(c, name) for c in out]
                continue
            if not used or flag.expr is None or name in formula_vars(flag.expr):
                if _has_abs(flag.expr):
                    raise self.error(
                        "definition-unused", f"“{name}”的定义（含绝对值）没有用在得分公式里，规则没有写明按它评分的各档如何计算",
                        flag.span, expected=(f"得分=…{name}…",),
                        hint=f"把定义代入公式（如“得分=（1-{name}）×分值”），或写明偏离的方向（高于、低于都计）",
                    )  # fmt: skip
                continue
            self.use(flag.span)  # its numbers are the formula's now
            # the definition says nothing the formula does not say now: no note (the canonical text writes
            # the formula alone, and reads back the same)
            out = [c for c in out if not (isinstance(c, Note) and c.span is not None
                                          and flag.span[0] <= c.span[0] and c.span[1] <= flag.span[1])]  # fmt: skip
            out = [attrs.evolve(c, outcome=attrs.evolve(c.outcome, expr=_substitute(c.outcome.expr, name, flag.expr)))
                   if c in used and isinstance(c, Award) and isinstance(c.outcome, Formula) else c for c in out]  # fmt: skip
        return out

    def _deviation_bands(self, flag: TFlag, name: str, out: list[Clause]) -> bool:
        """偏离度=|实际值-目标值|/目标值。偏离度≤5%得满分，5%＜偏离度≤10%得60%分值… (semantics §96): a definition of a
        deviation as |value − target| / target (the names read as §12 does: the answer's value and the target) that
        the bands after it measure, each band on the deviation and naming it, and no step beside them: the bands
        read the deviation so defined, relative to the target and on both sides. Its numbers are read."""
        e = flag.expr
        if not (any(w in name for w in ("偏差", "偏离")) and isinstance(e, BinOp) and e.op == "/"
                and isinstance(e.left, Abs) and isinstance(e.right, Var) and isinstance(e.left.arg, BinOp)
                and e.left.arg.op == "-" and isinstance(e.left.arg.left, Var) and isinstance(e.left.arg.right, Var)):  # fmt: skip
            return False
        sides = {_side_name(e.left.arg.left.name), _side_name(e.left.arg.right.name)}
        target = e.right.name
        if sides != {"value", "target"} or _side_name(target) != "target" or target not in formula_vars(e.left):
            return False
        bands = [c for c in out if isinstance(c, (Award, Veto)) and isinstance(c.condition, Range)
                 and c.condition.measure is Measure.DEVIATION]  # fmt: skip
        if not bands or any(isinstance(c, Deduction) for c in out):
            return False
        if not all(c.span is not None and name in self.text[c.span[0] : c.span[1]] for c in bands):
            return False
        self.use(flag.span)
        return True

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
            doubled = self._doubled(seg, flag, out[-1] if out else None)
            if doubled is not None:
                out.append(doubled)
                continue
            announces = (
                len(seg.tails) == 1
                and not any(isinstance(p, PStep) for p in seg.lead)
                and nxt is not None
                and any(isinstance(p, PStep) for p in nxt.lead)
                and any(isinstance(t, TDeduct) and not t.bonus for t in nxt.tails)
            )
            if not announces and _hand_deduction(seg, nxt):
                # 满意度90%以上得满分，低于90%扣分: a condition and 扣分, nothing after it: how much is by hand (§22)
                out.append(_Segment(seg.lead, [TFlag("discretion", "扣分", flag.span)], seg.span))
                continue
            if not announces:
                raise self.error(
                    "deduct-without-points", "“扣”之后没有写扣几分", (flag.span[1] - 1, flag.span[1]),
                    expected=("数字",),
                    hint="“扣”之后应写扣几分，如“每5%扣2分”；规则不会猜测扣分的数额",
                )  # fmt: skip
            self.use(flag)
            out.append(_Segment(seg.lead, [], seg.span))
        return out

    def _doubled(self, seg: _Segment, flag: TFlag, prev: _Segment | None) -> _Segment | None:
        """1例错、漏登扣0.5分，是已婚育妇漏登的加倍扣分 (semantics §76): 加倍扣分 right after a deduction per
        counted event says how much — twice that clause's points per event — for the events its own words
        name. It becomes a deduction of its own, per the same counter, answered with its own count. Only
        after exactly one deduction of a fixed number of points per counted event (1例, 每发现1处); after a
        step of a value (每低1%扣1分) or anything else it stays refused as before."""
        if len(seg.tails) != 1 or len(seg.lead) != 1 or not isinstance(seg.lead[0], PText) or prev is None:
            return None
        words = seg.lead[0].text
        if not words.endswith("加倍") or len(prev.tails) != 1 or not isinstance(prev.tails[0], TDeduct):
            return None
        d = prev.tails[0]
        counted = [
            p for p in prev.lead
            if isinstance(p, (PStep, PQty)) and p.q is not None and p.q.value == 1 and p.q.unit in _EVENT_UNITS
        ]  # fmt: skip
        if d.bonus or d.range_high is not None or not isinstance(d.points, Decimal) or len(counted) != 1:
            return None
        event = words.removesuffix("加倍")
        cleft = event.startswith("是") and event.endswith("的")  # 是已婚育妇漏登的: "where it is …"
        event = event.removeprefix("是") if cleft else event
        event = event.removesuffix("的")
        if not event:
            return None
        self.use(flag)
        start = seg.lead[0].span[0] + (1 if cleft else 0)
        q = counted[0]  # the counter, read once already in the clause before: no span of its own here
        per = attrs.evolve(q, words=(), span=(0, 0)) if isinstance(q, PStep) else attrs.evolve(q, span=(0, 0))
        twice = d.points * 2
        twice = twice.quantize(Decimal(1)) if twice == twice.to_integral() else twice
        return _Segment(
            (per, PText(event, (start, start + len(event)))),
            [attrs.evolve(d, points=twice, span=flag.span, doubled=True)],
            seg.span,
        )

    # -- a list of clauses → Rule
    def rule(self, clauses: Sequence[tuple[str, list[Any], Span]]) -> tuple[Rule, list[Note]]:
        self.weights: list[tuple[Decimal, Span]] = []  # 本项满分10分: the weights the text states
        self.breakdowns: list[TBreakdown] = []  # (2分×4项): points as each × items (semantics §67)
        self.per_items: list[TFlag] = []  # 每完成1项取得该项分数 (semantics §67)
        self.per_item_rule = None  # (12分×2项): one rule for each item (semantics §77)
        self.definitions: list[TFlag] = []  # 偏差率=|实际值-目标值|/目标值 (semantics §78)
        self.no_bonus: list[TFlag] = []  # 超额完成不加分 (semantics §78)
        self.ratio_caps: list[TFlag] = []  # 超过100%的按100%计 (semantics §96)
        segs = [self._per_capita_named(s) for s in self.segments(clauses)]
        self._share_of_a_rank(segs)
        segs, self.each_listed = self._each_lists(segs)
        weight = self.weights[0][0] if self.weights else None
        if any(w != weight for w, _ in self.weights):
            raise self.error("two-weights", "规则写了两个不同的满分", self.weights[-1][1], expected=("满分N分",))
        self.ranks = [r.q for s in segs if s.tails and (r := self.rank(s.lead)) is not None]
        self.headed = self._heading(segs)
        if self.headed:
            segs = self._heading_unit(segs)
        # 全年召开例会12次，每少1次扣0.5分: a plan line in a counter is a line to fall short of, as a count an
        # award asks for is (below)
        plans = [
            p.q for s, nxt in itertools.pairwise(segs)
            if not s.tails and (p := self._plan_line(s.lead)) is not None
            and any(isinstance(x, PStep) and x.q is not None and x.q.unit == p.q.unit for x in nxt.lead)
        ]  # fmt: skip
        self.thresholds = [p.q for s in segs if not self.frequency(s.lead) for p in s.lead if isinstance(p, PCmp)] + [
            p.low for s in segs for p in s.lead if isinstance(p, PRange)
        ]
        # 业务培训2次得满分，少1次扣1分: a count an award asks for (read as reached, §4) is a line to fall
        # short of too; without it 少1次 counted the missing ones and a count held (0次) scored full marks
        self.thresholds += [
            q.q for s in segs
            if any(isinstance(x, TOutcome) and not x.veto for x in s.tails)
            and not self.frequency(s.lead) and not self.time_scope(s.lead)
            for q in s.lead if isinstance(q, PQty) and not q.points_scale and not q.q.is_percent
            and q.q.unit in _EVENT_UNITS
        ]  # fmt: skip
        self.thresholds += [q for q in plans if q.unit in _EVENT_UNITS]
        out: list[Clause] = []
        until = False
        notes: list[Note] = []
        last_lead: Lead = ()
        ceil = False
        ceil_flags: list[TFlag] = []
        below_zero = False  # 该项可负分 / 倒扣 (domain point 6)
        context_edge: Any = None  # the one comparison of a context clause, for the deduction after it
        context_bare: PQty | None = None  # “三公经费” 0 ,每超过…: a lone number whose comparison sign was lost
        context_freq: Any = None  # 每季度不少于1次: a context clause's count per period, no line for the steps
        lone_caps: list[tuple[int, TCap]] = []  # (where in out, the cap) of caps standing alone
        floors: list[tuple[int, Decimal, Span]] = []  # 最低得2分: (where in out, the points, the span) (§102)
        band_headings: list[tuple[int, Range, Span]] = []  # ＜90%的按区间计分：(where in out, its stretch, span)
        standards: list[PQty] = []  # 以100%为标准: the number a note names as the standard
        unstated_steps: dict[tuple[str, str], Quantity] = {}  # 滞后1个月扣1分: steps written without 每
        prop_conds: list[tuple[Range, Span]] = []  # 低于95%的按比例得分: the condition of a 按比例 clause
        context_leads: dict[int, Lead] = {}  # the phrases of each context clause's note (by the note's id)
        each_time = self._each_occurrence(segs)  # 1次计2.5分，迟报、不报的计0分 (semantics §67)
        self._frequency_totals(segs)  # 每季度开展1次督查，全年4次 (semantics §81)
        segs = self._items_in_all(segs)  # 每完成1项规定任务得1分，共5项 (semantics §81)
        each_counted = self._each_counted(segs)  # 全年…不少于2次，每次参训人数不少于50人，每少1次… (semantics §81)
        context_range: tuple[Note, PRange] | None = None
        heading: TOutcome | None = None  # 一票否决：发生…的，该项不得分: a veto heading the clauses it applies to
        for seg in segs:
            if id(seg) in each_time.missed:
                # 迟报、不报的计0分 after an award per occurrence: the occurrences it does not count
                self.use(*seg.lead, *seg.tails)
                note = Note(self.text[seg.span[0] : seg.span[1]].strip(), seg.span)
                out.append(note)
                notes.append(note)
                last_lead = seg.lead
                context_edge = None
                context_bare = None
                continue
            if id(seg) in each_time.counted and out and isinstance(out[-1], Note) and id(out[-1]) in context_leads:
                # 每月5日、20日如期按要求报送…，1次计2.5分: the schedule is a requirement's terms (§56)
                req = self._schedule(out[-1], context_leads[id(out[-1])])
                if req is not None:
                    notes.remove(out[-1])
                    out[-1] = req
            if id(seg) in each_counted:
                # 每次参训人数不少于50人: what each occurrence counted must meet; the line before stays the start
                self.use(*seg.lead)
                out.append(each_counted[id(seg)])
                continue
            if not seg.tails:
                heads = self._band_heading(seg, segs)
                if heads is not None:
                    # ＜90%的按区间计分：80%-90%计7分…: the bands after it divide this stretch (semantics §102)
                    # the heading word (计分 in it) is read as a whole; it adds no clause: the bands after it are
                    # the rule, checked against it once read (canonical text writes them alone)
                    self.use(*seg.lead[:-1], seg.lead[-1].span)
                    band_headings.append((len(out), heads, seg.span))
                    last_lead, context_edge, context_bare, context_freq = seg.lead, None, None, None
                    continue
                low = self._floor_stated(seg.lead)
                if low is not None:
                    # 最低不低于2分: the floor with a comparison of points (semantics §102)
                    self.use(*seg.lead)
                    floors.append((len(out), low.q.value, seg.span))
                    last_lead, context_edge, context_bare, context_freq = seg.lead, None, None, None
                    continue
                if self._as_of(seg.lead):
                    # 截至12月底: the date the outcome is counted at (semantics §79); a note, its numbers read
                    self.use(*(p for p in seg.lead if isinstance(p, PQty)))
                    note = Note(self.text[seg.span[0] : seg.span[1]].strip(), seg.span)
                    out.append(note)
                    notes.append(note)
                    last_lead, context_edge, context_bare, context_freq = seg.lead, None, None, None
                    continue
                standard = self._standard(seg.lead)
                if standard is not None:
                    standards.append(standard)
                note = Note(self.text[seg.span[0] : seg.span[1]].strip(), seg.span)
                context_leads[id(note)] = seg.lead
                out.append(note)
                notes.append(note)
                last_lead = seg.lead
                context_freq = None
                context_edge = self._context_edge(seg.lead)
                if context_edge is not None and self.frequency(seg.lead):
                    # 安全生产检查每季度不少于1次，每少1次扣0.5分: how often (a count per quarter) is no line the
                    # year's count falls short of (it counted from 1: 2 checks of the 4 scored full marks)
                    context_freq, context_edge = context_edge, None
                context_bare = self._lone_number(seg.lead) if context_edge is None else None
                if context_edge is None and context_freq is None:
                    # 化解率在80%~90%之间的，每降低1个百分点扣0.5分 (semantics §71): a range whose two ends are the
                    # lines of the bands beside it; the steps below it count from its top
                    ranged = [p for p in seg.lead if isinstance(p, (PCmp, PQty, PRange, PBounded, PStep, PBareOp))]
                    lines = [p.q for s in segs for p in s.lead if isinstance(p, PCmp)]
                    if len(ranged) == 1 and isinstance(ranged[0], PRange) and {ranged[0].low, ranged[0].high} <= set(lines):
                        context_range = (note, ranged[0])
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
                context_bare = None
                context_freq = None
                continue
            deducts = [t for t in seg.tails if isinstance(t, TDeduct)]
            caps = [t for t in seg.tails if isinstance(t, TCap)]
            if caps:
                self._cap(caps, deducts, lead, out, lone_caps)
                if not deducts and not [t for t in seg.tails if not isinstance(t, TCap)]:
                    last_lead = seg.lead
                    context_edge = None
                    context_bare = None
                    context_freq = None
                    continue
            outcomes = [t for t in seg.tails if isinstance(t, TOutcome)]
            flags = [t for t in seg.tails if isinstance(t, TFlag)]
            if not deducts and not flags and len(outcomes) == 1 and self._floor_lead(lead):
                # 每低1个百分点扣1分，最低得2分: a floor on the score, not a band (semantics §102)
                o = outcomes[0]
                if not isinstance(o.outcome, (Points, Zero)) or o.veto:
                    raise self.error("floor-points", "“最低”之后应是得分下限的分数", o.span, expected=("最低得2分",))
                self.use(*lead)
                floors.append((len(out), o.outcome.value if isinstance(o.outcome, Points) else Decimal(0), seg.span))
                last_lead, context_edge, context_bare, context_freq = seg.lead, None, None, None
                continue
            if (
                outcomes and not deducts and len(outcomes) == 1 and isinstance(outcomes[0].outcome, Points)
                and (len([p for p in lead if isinstance(p, PStep)]) == 1 or id(seg) in each_time.awards)
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
                elif (
                    out
                    and isinstance(out[-1], Note)
                    and self._counted_event(last_lead)
                    and all(isinstance(p, (PText, PWord)) for p in lead)
                ):
                    # 出现1次因安排不到位，群众反映强烈的扣1分: the count of the event is in the clause
                    # before, the words after it say which events count; one lead
                    notes.remove(out.pop())  # type: ignore[arg-type]
                    lead = last_lead + lead
                # a condition before the deduction in the same lead, e.g. 完成率100%计2分，每有一项未完成扣0.2分
                gap = None
                if len(deducts) == 1 and isinstance(deducts[0].points, Decimal) and not outcomes:
                    d = deducts[0]
                    if d.range_high is None and not d.bonus and not d.per_unit and not d.below_zero:
                        gap = self.gap(lead, self._lead_span(lead, seg.span))
                if gap is None and len(deducts) == 1 and isinstance(deducts[0].points, Decimal) and not outcomes:
                    gap = self.value_band_deduction(lead, deducts[0], self._lead_span(lead, seg.span))
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
                    self._tier_or_step(lead, ded, unstated_steps)
                    if self.pending_cap is not None:
                        ded = attrs.evolve(ded, cap=self.pending_cap)
                    if context_freq is not None and ded.kind is StepKind.DISTANCE and ded.start is None:
                        raise self.error(
                            "frequency-start", "“每季度…N次”是频次，不是扣分的起点：全年应达到的次数没有写明",
                            context_freq.span, expected=("全年不少于4次，每少1次扣N分",),
                            hint="写明全年应达到的次数，如“全年检查不少于4次，每少1次扣0.5分”",
                        )  # fmt: skip
                    if context_edge is not None and ded.kind is StepKind.DISTANCE and ded.start is None:
                        # 按计划100%完成年度评审人数，每偏差5%扣2分 / “三公经费”>0,每超过一个百分点扣0.5分:
                        # the clause before states the line the steps count from
                        incl = not (isinstance(context_edge, PCmp) and context_edge.op in (Op.GT, Op.LT))
                        q = context_edge.q
                        if q.is_percent and ded.step is not None and ded.step.unit and not ded.step.is_percent:
                            # 办理时限压缩至法定时限的50%以内，每超出1天扣0.5分: days past a line in % (of a time
                            # limit never given) — a day count met no such line and scored full marks
                            raise self.error(
                                "start-step-units", f"扣分起点是百分比（{self.text[context_edge.span[0] : context_edge.span[1]]}），"
                                f"步长却是{ded.step.unit}：无法从百分比起按{ded.step.unit}计",
                                context_edge.span, expected=("起点与步长同一单位",),
                                hint="写明起点的天数（如“办理时限10天以内，每超出1天扣0.5分”）",
                            )  # fmt: skip
                        ded = attrs.evolve(ded, start=Edge(q, incl))
                        self.use(context_edge)
                    elif (
                        context_bare is not None and ded.kind is StepKind.DISTANCE and ded.start is None
                        and any(isinstance(a, Award) and isinstance(a.condition, Range)
                                and context_bare.q in (e.value for e in (a.condition.low, a.condition.high) if e)
                                for a in out)
                    ):  # fmt: skip
                        # “三公经费”变动率0,计3分;“三公经费” 0 ,每超过一个百分点扣0.3分: a lone number whose sign
                        # was lost restates the line of the band before, where the steps start anyway (§58); the
                        # sign is not repaired (stated=False). Another number stays unread and refuses the rule
                        ded = attrs.evolve(ded, start=Edge(context_bare.q, True, False))
                        self.use(context_bare)
                    elif (
                        ded.kind is StepKind.DISTANCE and ded.start is None
                        and (plan := self._plan_before(out, last_lead, context_leads, ded)) is not None
                    ):  # fmt: skip
                        # 计划完成15公里，每少完成1公里扣1分: the quantity the clause before states is the line
                        # the shortfall counts from (reached: ≥, stated=False; semantics §65); 项目预算控制数1200万元，
                        # 每超出预算2%扣1分: the budget the excess counts from (semantics §82)
                        ded = attrs.evolve(ded, start=Edge(plan.q, True, False), plan=True)
                        self.use(plan)
                    elif (
                        context_range is not None and out and out[-1] is context_range[0]
                        and ded.kind is StepKind.DISTANCE and ded.start is None and ded.direction is Direction.SHORTFALL
                        and ded.step is not None and ded.step.is_percent == context_range[1].high.is_percent
                    ):  # fmt: skip
                        ded = attrs.evolve(ded, start=Edge(context_range[1].high, True))
                        self.use(context_range[1])
                        notes.remove(out.pop())  # type: ignore[arg-type]  # the range is the deduction's, no note
                    elif (
                        isinstance(context_edge, PCmp) and ded.start is not None and ded.kind is StepKind.DISTANCE
                        and ded.start.value.unit == context_edge.q.unit and ded.start.value != context_edge.q
                        and _start_beyond(context_edge.op, ded.direction, ded.start.value.value, context_edge.q.value)
                    ):  # fmt: skip
                        # 家长对学校满意度90%以上，低于95%每偏差5%扣2分: the clause before states 90% as the line, the
                        # steps count from below 95%: 90%-95% is both met and deducted (semantics §89)
                        raise self.error(
                            "start-contradicts-line",
                            f"前文写明“{self.text[context_edge.span[0] : context_edge.span[1]]}”，扣分却从另一个数起算："
                            "两者之间的实际值是否扣分，原文自相矛盾",
                            context_edge.span, expected=("满意度95%以上得满分，每低5%扣2分",),
                            hint="让扣分起点与前文的标准一致，或删去其中一个",
                        )  # fmt: skip
                    elif context_edge is not None and ded.start is not None and ded.start.value == context_edge.q:
                        # 人数10000人以上，每低于10000人每减少1%扣1分: the clause before restates the start
                        self.use(context_edge)
                    out.append(ded)
                if outcomes:
                    raise self.error("mixed-clause", "同一子句中既扣分又给分", outcomes[0].span)
            elif outcomes:
                if isinstance(outcomes[0].outcome, ByHand) and any(isinstance(p, PStep) for p in lead):
                    # 每超过1%得2-0分: a range of points per step is no reading the evaluator has
                    raise self.error("step-range", "“每…”之后的得分是区间，无法按步计分", outcomes[0].span,
                                     expected=("每超过1%加1分",))  # fmt: skip
                if len(outcomes) > 1 and not all(isinstance(o.outcome, Zero) for o in outcomes):
                    raise self.error("two-outcomes", "同一条件给出了两个分值", outcomes[1].span, expected=("，", "；"))
                union = self._union(lead, seg.span)
                if union is not None and not outcomes[0].veto:
                    # 75%-85%或93%-100%得3分: one band of two ranges, each scoring the points (semantics §93)
                    out.extend(Award(c, outcomes[0].outcome, False, seg.span) for c in union)
                    continue
                o = outcomes[0]
                joint = None if o.veto else self.joint(lead, self._lead_span(lead, seg.span))
                # 满意度达到90%且投诉率低于1%得满分: two conditions, each its own input (semantics §100)
                cond = joint if joint is not None else self.condition(lead, self._lead_span(lead, seg.span))
                discretionary = any(f.kind == "discretion" for f in flags)
                if o.veto:
                    prev = out[-1] if out else None
                    zero = isinstance(prev, Award) and (
                        isinstance(prev.outcome, Zero) or prev.outcome == Points(Decimal(0))
                    )
                    if cond is None and isinstance(prev, Award) and zero and last_lead:
                        # 82%以下的记零分，并给予一票否决: the veto restates the condition just scored 0
                        # (and outranks it: one clause, the veto)
                        cond = prev.condition
                        out.pop()
                    if cond is None and not out and heading is None and self._heads(seg):
                        # 一票否决：发生重大舆情事件的，该项不得分: a heading; the zero after it is the veto (§86)
                        heading = o
                    elif cond is None:
                        raise self.error("veto-without-condition", "否决条款缺少条件", o.span, expected=("条件",))
                    else:
                        out.append(Veto(cond, seg.span))
                else:
                    out.append(Award(cond, o.outcome, discretionary, seg.span))
            for f in flags:
                if f.kind == "until":
                    until = True
                elif f.kind == "proportional":
                    if any(isinstance(p, (PCmp, PRange, PBounded)) for p in lead) and not outcomes:
                        # 低于95%的按比例得分: read where the condition restates what the bands leave
                        span = self._lead_span(lead, seg.span)
                        cond = self.condition(lead, span)
                        assert isinstance(cond, Range)
                        prop_conds.append((cond, span))
                    out.append(Proportional(f.text, True if "超" in f.text else None, f.span))  # 按超支/超出比例
                elif f.kind == "interpolate":
                    out.append(self._interpolation(lead, f, seg.span, bool(outcomes or deducts)))
                elif f.kind == "ceil":
                    ceil = True
                    ceil_flags.append(f)
                elif f.kind == "below_zero":
                    below_zero = True
                elif f.kind == "discretion" and not outcomes:
                    # 未完成的，按完成情况酌情扣分 / 根据部门自评材料评定: no points in the text
                    if deducts or any(isinstance(p, PStep) for p in lead):
                        raise self.error("mixed-clause", "同一子句中既按步长计分又酌情评分", f.span)
                    cond = self.condition(lead, self._lead_span(lead, seg.span))
                    # 酌情扣分 deducts by hand, 酌情评分 awards by hand (lexicon hand_deduction, semantics §86)
                    hand_deducts = f.text in _HAND_DEDUCTIONS or f.text.endswith(("扣分", "扣减", "减分"))  # 视完成情况扣分
                    out.append(Award(cond, ByHand(deduct=hand_deducts), False, seg.span))
            last_lead = seg.lead
            context_edge = None
            context_bare = None
            context_freq = None
            self.pending_cap = None
        self._within_headings(band_headings, out)
        if heading is not None:
            out = self._headed_veto(heading, out)
        out = self._requirements(out, context_leads)
        out = self._standard_reached(standards, out)
        out = self._deadline_requirements(out, context_leads)
        self._restated_standards(standards, out)
        self._listed_awards(segs, out)
        self._proportional_conditions(prop_conds, out)
        out = self._inherit_measure(out)
        out = self._excess_thresholds(out)
        self._no_unreachable_steps(out)
        out = self._zero_before_deductions(out)
        out = self._tightest_first(out)
        out = self._month_bands(out)
        self._no_date_bands(out)
        out = self._worded_value_bands(out)  # 负增长不得分 beside 增长5%以下得1分 (semantics §102)
        self._no_worded_value(out)
        self._no_each_list(out)
        self._no_two_conditions(out)
        out = self._shortfall_bands(out)
        self._no_crossing_bands(out)
        self._no_band_twice(out)
        out = self._unreachable_bands(out)
        for f in ceil_flags:
            self._ceil_is_the_step(f, out)
        if ceil:
            out = [attrs.evolve(c, partial=Partial.CEIL) if isinstance(c, Deduction) else c for c in out]
        self._one_thing(out)
        self._no_aggregation(out)
        self._lost_dash(segs)
        self._lost_dash_value(segs)
        out = self._formula_subject(out)
        out = self._defined_names(out)
        out = self._resolve_labels(out)
        out = self._breakdown_counted(out)
        cap_share = self._cap_share(out)
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
        if self.no_bonus and any(isinstance(c, Deduction) and c.bonus for c in out):
            raise self.error(
                "bonus-contradiction", f"规则既写了加分，又写了“{self.no_bonus[0].text}”", self.no_bonus[0].span,
                expected=("加N分，最多加M分",), hint="二者矛盾：请删去其一，或写明加分的上限",
            )  # fmt: skip
        out = self._not_held(out)
        self._ratio_caps(out)
        self._interpolation_ends(out)
        per_item = self._per_item(segs, out) or self._each_listed_alone(out)
        floor = self._floor(floors, out, below_zero)
        if floor is not None and not floor:
            until, floor = True, None  # 最低得0分: the ordinary clamp at 0 (semantics §6), as 扣完为止
        rule = Rule(tuple(out), until, rule_cap, bonus_cap=bonus_cap, bonus_cap_base=bonus_base, below_zero=below_zero,
                    stated_weight=weight, per_item=per_item, cap_share=cap_share, floor=floor)  # fmt: skip
        return rule, notes

    def _not_held(self, out: list[Clause]) -> list[Clause]:
        """应急演练每年不少于2次，少1次扣2分，未开展不得分: 未开展 (a negated verb of carrying out, lexicon ``activity``, and
        nothing else) beside a count of what is carried out (steps or bands in one counter of events) is that count
        at 0, a band, so one answer, the count, reads the rule (semantics §99). It was read as the target unmet, a
        second input: a count of 1 of 2 would have scored 0 where the steps give weight − 2."""
        units = {e.value.unit for c in out for e in _count_edges(c)}
        if any(isinstance(getattr(c, "condition", None), Range) for c in out):
            return out  # bands on the count beside the words: their complement (开展1次以上满分，未开展不得分)
        if len(units) != 1 or not (unit := units.pop()) or unit not in _EVENT_COUNTERS:
            return out
        done: list[Clause] = []
        for c in out:
            cond = getattr(c, "condition", None)
            if (isinstance(c, (Award, Veto)) and isinstance(cond, (TargetMet, Label)) and cond.negated
                    and (not isinstance(c, Award) or isinstance(c.outcome, Zero))
                    and _NOT_HELD.fullmatch(cond.text.strip().removesuffix("的"))):  # fmt: skip
                band = Range(Measure.VALUE, None, Edge(Quantity(Decimal(0), unit), True, False), cond.text, cond.span)
                c = attrs.evolve(c, condition=band)
            done.append(c)
        return done

    def _band_heading(self, seg: _Segment, segs: list[_Segment]) -> Range | None:
        """＜90%的按区间计分：/ 低于90%的分档计分： (semantics §102): a comparison, then (的) a heading word
        (lexicon ``band_heading``) and nothing else, closed by a colon and followed by bands: the stretch the
        bands after it divide. None where the clause is anything else."""
        lead = seg.lead
        if len(lead) not in (2, 3) or not isinstance(lead[-2], (PCmp, PRange)) or not isinstance(lead[-1], PText):
            return None  # a subject may come first (综合治理率＜90%的按区间计分)
        if len(lead) == 3 and not isinstance(lead[0], PText):
            return None
        if lead[-1].text.strip().removeprefix("的") not in _BAND_HEADINGS or lead[-2].span[1] != lead[-1].span[0]:
            return None
        k = segs.index(seg)
        if k + 1 >= len(segs) or self.text[seg.span[1] : segs[k + 1].span[0]].strip()[:1] not in ("：", ":"):
            return None
        cond = self.condition(lead[:-1], self._lead_span(lead[:-1], seg.span))
        return cond if isinstance(cond, Range) else None

    def _within_headings(self, headings: list[tuple[int, Range, Span]], out: list[Clause]) -> None:
        """Every band after a heading (＜90%的按区间计分：) lies in its stretch, up to the heading's own line,
        which a band may share (80%-90%: at 90% the band before, ≥90%, is listed first and wins, §1); at least
        one band follows. Else the heading and the bands disagree: refused (``heading-band``)."""
        for where, stretch, span in headings:
            bands = [c for c in out[where:] if isinstance(c, Award) and isinstance(c.condition, Range)]
            if not bands:
                raise self.error("heading-band", "“按区间计分”之后没有分档", span, expected=("80%-90%计7分",))
            for b in bands:
                r = b.condition
                assert isinstance(r, Range)
                below = stretch.low is None or (r.low is not None and r.low.value.value >= stretch.low.value.value)
                above = stretch.high is None or (r.high is not None and r.high.value.value <= stretch.high.value.value)
                units = {e.value.unit for e in (r.low, r.high, stretch.low, stretch.high) if e is not None}
                if not (below and above) or len(units) != 1:
                    raise self.error(
                        "heading-band", f"这一档不在前面“{self.text[span[0] : span[1]]}”所说的区间之内", b.span or span,
                        expected=(self.text[span[0] : span[1]] + "：…",),
                        hint="让各档落在标题所说的区间之内，或删去标题",
                    )  # fmt: skip

    def _floor_lead(self, lead: Lead) -> bool:
        """最低 / 最少 / 保底 (lexicon ``floor``) as the whole lead of a clause: what follows is a floor on the score."""
        if not lead or not all(isinstance(p, (PText, PWord)) for p in lead):
            return False
        a, b = self._lead_span(lead, (0, 0))
        return self.text[a:b].strip("，。；,;：: ") in _FLOOR

    def _floor_stated(self, lead: Lead) -> PCmp | None:
        """最低不低于2分 / 最低不少于2分: a floor word, then ≥ a number of points and nothing else (semantics §102)."""
        if len(lead) != 2 or not isinstance(lead[1], PCmp) or not self._floor_lead(lead[:1]):
            return None
        c = lead[1]
        if c.op is not Op.GE or c.q.unit != "分" or self.text[lead[0].span[1] : c.span[0]].strip():
            return None
        return c

    def _floor(self, floors: list[tuple[int, Decimal, Span]], out: list[Clause], below_zero: bool) -> Decimal | None:
        """最低得2分 closing the deductions of a rule (semantics §102): the points the deductions leave at least.
        It must come after every deduction, with at least one before it, and beside no band, veto or bonus that
        could score less than it (which one wins is not written): else ``floor-points``. A floor above the
        weight is refused when scored."""
        if not floors:
            return None
        where, points, span = floors[-1]
        deductions = [c for c in out if isinstance(c, Deduction)]
        below = [
            c for c in out
            if isinstance(c, Veto) or (isinstance(c, Deduction) and c.bonus)
            or (isinstance(c, Award) and not isinstance(c.outcome, FullMarks)
                and not (isinstance(c.outcome, Points) and c.outcome.value >= points))
        ]  # fmt: skip
        if points and below:
            raise self.error(
                "floor-points", f"得分下限{_num_text(points)}分与其他条款的得分冲突（哪一个优先没有写明）", span,
                expected=("每…扣N分，最低得M分",), hint="下限只能跟在扣分条款之后，且其他条款的得分不低于下限",
            )  # fmt: skip
        if (
            len(floors) > 1 or below_zero or not any(not d.bonus for d in deductions)
            or any(isinstance(c, Deduction) for c in out[where:])
        ):  # fmt: skip
            raise self.error(
                "floor-points", "得分下限应写在全部扣分条款之后（且只写一次）", span,
                expected=("每…扣N分，最低得M分",), hint="把“最低得N分”写在最后",
            )  # fmt: skip
        return points

    def _cap_share(self, out: list[Clause]) -> Decimal | None:
        """扣分不超过本项分值的50% (semantics §84): closing the deductions of the rule (none after it, at least one
        before, none a bonus), it bounds them together at that share of the weight. Anywhere else which
        deductions it bounds is not written: refused (``cap-share``)."""
        caps, self.share_caps = self.share_caps, []
        if not caps:
            return None
        where, cap = caps[-1]
        before = [c for c in out[:where] if isinstance(c, Deduction)]
        after = [c for c in out[where:] if isinstance(c, Deduction)]
        if len(caps) > 1 or after or not before or any(d.bonus for d in before) or not 0 < cap.points <= 100:
            raise self.error(
                "cap-share", "按分值百分比写的扣分上限应写在全部扣分条款之后（且只写一次）", cap.span,
                expected=("每…扣N分，扣分不超过本项分值的50%",), hint="把上限写在最后，或按分值折算成分数，如“最多扣2分”",
            )  # fmt: skip
        return cap.points

    def _union(self, lead: Lead, span: Span) -> list[Condition] | None:
        """75%-85%或93%-100%得3分 / 完成率低于60%或高于120%不得分: 或 (或者) between two comparisons of one
        measure makes one band of the two ranges, a union (semantics §93): the condition of each, the subject
        before the first shared. None where the lead has no 或 between comparisons. A second part with words
        of its own (完成率低于60%或满意度低于80%) may name another measure: refused, as is anything but one
        comparison on each side."""
        cmp = (PCmp, PRange, PBounded)
        at = next(
            (i for i, p in enumerate(lead) if 0 < i < len(lead) - 1 and isinstance(p, PText) and isinstance(lead[i - 1], cmp)
             and p.text.lstrip("的，, ").startswith(_OR_WORDS)),
            None,
        )  # fmt: skip
        if at is None:
            return None
        first, second = lead[:at], lead[at + 1 :]
        if not any(isinstance(p, cmp) for p in second):
            return None  # 或 between words: a worded condition, read as before
        before = [p for p in first if not isinstance(p, cmp)]
        if (
            lead[at].text.strip("的，, ") not in _OR_WORDS
            or sum(isinstance(p, cmp) for p in first) != 1 or not isinstance(first[-1], cmp)
            or sum(isinstance(p, cmp) for p in second) != 1 or not isinstance(second[0], cmp)
            or any(not isinstance(p, PText) or p.text.strip("的，, ") for p in second[1:])
            or any(not isinstance(p, PText) for p in before)
        ):  # fmt: skip
            where = lead[at].span
            raise self.error(
                "or-unclear", "“或”连接的不是同一个数值的两个区间，不清楚它连接的是两个条件还是两个数值", where,
                expected=("完成率75%-85%或93%-100%得3分",),
                hint="同一数值的两个区间用“或”连接；不同数值的条件请分成两档分别写明得分",
            )  # fmt: skip
        self.use(lead[at], *second[1:])
        parts = [first, (*before, *second[:1])]
        return [c for c in (self.condition(p, self._lead_span(p, p[-1].span)) for p in parts) if c is not None]

    def _interpolation(self, lead: Lead, flag: TFlag, span: Span, scored: bool) -> Award:
        """高于90%的，按线性内插赋分: from the one line of its condition (0 points there) to the target (full
        marks), read as the formula 得分=（完成率-90%）/（指标值-90%）×指标分值 (semantics §59). The upper end is
        the target, which the text leaves unsaid: the formula names it, and the reading shows it."""
        if scored:
            raise self.error("mixed-clause", "同一子句中既按线性内插计分又另给分值", flag.span)
        cond = self.condition(lead, self._lead_span(lead, span))
        edges = [e for e in (cond.low, cond.high) if e is not None] if isinstance(cond, Range) else []
        linear = any(w in flag.text for w in words("linear"))  # 按插值法: not said to be linear (sixth probe L12)
        if linear and isinstance(cond, Range) and len(edges) == 2 and all(e.value.is_percent for e in edges):
            # 完成率60%-80%的按线性内插赋分，80%以上得满分，60%以下不得分: both ends written, their points are the
            # bands' beside it (0 at 60%, full marks at 80%); checked once the rule's clauses are read (semantics §91)
            low, high = (Num(e.value.value / 100) for e in edges)
            share = BinOp("/", BinOp("-", Var("完成率"), low), BinOp("-", high, low))
            award = Award(cond, Formula(BinOp("*", share, Var("指标分值"))), False, span)
            self.two_ends.append((award, flag.span))
            return award
        if not isinstance(cond, Range) or len(edges) != 1 or not edges[0].value.is_percent:
            raise self.error(
                "interpolation-ends", "线性内插的起点不明：条件应是一个百分比界线（如“高于90%的”）", flag.span,
                expected=("高于90%的，按线性内插赋分",),
                hint="写明内插区间的两端及其得分，如“90%得0分，100%得满分，之间按线性内插赋分”",
            )  # fmt: skip
        line = Num(edges[0].value.value / 100)
        share = BinOp("/", BinOp("-", Var("完成率"), line), BinOp("-", Var("指标值"), line))
        return Award(cond, Formula(BinOp("*", share, Var("指标分值"))), False, span)

    def _interpolation_ends(self, out: list[Clause]) -> None:
        """60%-80%的按线性内插赋分 read from 0 at its lower end to full marks at its upper end: that holds only where
        the bands beside it say so, a band from the upper end up scoring full marks (80%以上得满分) and one below
        the lower end scoring 0 (60%以下不得分). Anything else leaves the points at the ends unwritten: refused."""
        pending, self.two_ends = self.two_ends, []
        for award, where in pending:
            r = award.condition
            assert isinstance(r, Range) and r.low is not None and r.high is not None
            lo, hi = r.low.value, r.high.value
            bands = [c for c in out if isinstance(c, Award) and c is not award and isinstance(c.condition, Range)]
            top = any(b.condition.high is None and b.condition.low is not None and b.condition.low.value == hi
                      and isinstance(b.outcome, FullMarks) for b in bands if isinstance(b.condition, Range))  # fmt: skip
            bottom = any(b.condition.low is None and b.condition.high is not None and b.condition.high.value == lo
                         and (isinstance(b.outcome, Zero) or b.outcome == Points(Decimal(0)))
                         for b in bands if isinstance(b.condition, Range))  # fmt: skip
            if not (top and bottom):
                raise self.error(
                    "interpolation-ends", "线性内插区间两端的得分不明：应另写高于上端得满分、低于下端不得分", where,
                    expected=("高于90%的，按线性内插赋分", "60%-80%的按线性内插赋分，80%以上得满分，60%以下不得分"),
                    hint="写明内插区间的两端及其得分，如“90%得0分，100%得满分，之间按线性内插赋分”",
                )  # fmt: skip

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

    def _requirements(self, out: list[Clause], leads: dict[int, Lead]) -> list[Clause]:
        """每年6月底前预拨…不少于…的50，10月底前拨付剩余资金，未及时足额拨付一次扣1分: context clauses that state
        a requirement with a deadline or a time limit (a number in a unit of time: 6月, 次月10日, 30个工作日,
        5分钟, 9：00~17：30) and no outcome of their own, right before a deduction per failure to meet it
        (per event or once, its words saying the failure: 未及时, 未在规定时间内, 未按进度 …, lexicon
        ``[words.failed_requirement]``; a worded award of the requirement met, 响应及时得满分, may stand
        between): their numbers are the requirement's terms (``Requirement``), never a band, a line or a
        step; the answer is the count of failures. Anything else is left as it was (unread numbers refuse
        the rule): a number with no deadline beside it (满意度90%以上，每次投诉扣1分) may be a band."""
        result = list(out)
        i = 0
        while i < len(result):
            if not (isinstance(result[i], Note) and id(result[i]) in leads):
                i += 1
                continue
            j = i
            while j < len(result) and isinstance(result[j], Note) and id(result[j]) in leads:
                j += 1
            numeric = [k for k in range(i, j) if any(_said(p) for p in leads[id(result[k])])]
            if numeric and self._counts_failures(result, j, result[numeric[-1]].span):
                first, last = numeric[0], numeric[-1]
                phrases = [p for k in range(first, last + 1) for p in leads[id(result[k])]]
                terms = tuple(q for p in phrases for q in _said(p))
                timed = any(q.unit in _TIME_UNITS or q.unit == "时刻" or (q.unit == "年" and q.value >= 1000) for q in terms)
                # 查处率100%，未按期结案的每件扣0.5分 (semantics §79): a rate required in full, each failure short of it
                full = terms == (Quantity(Decimal(100), "%"),) and not any(isinstance(p, (PCmp, PRange, PBounded)) for p in phrases)
                if (timed or full) and not any(isinstance(p, PStep) for p in phrases):
                    self.use(*phrases)
                    a, b = result[first].span or (0, 0), result[last].span or (0, 0)
                    req = Requirement(self.text[a[0] : b[1]].strip(), (a[0], b[1]), terms)
                    result[first : last + 1] = [req]
                    j -= last - first
            i = j
        return result

    def _deadline_requirements(self, out: list[Clause], leads: dict[int, Lead]) -> list[Clause]:
        """计划于8月底前完成采购，每推迟10天扣0.5分: a context clause whose only numbers are a deadline (a date and
        前/底/末, §53, §80), right before a step per unit of time late (a delay word, lexicon ``delay``), is the
        requirement the steps count from (semantics §88): a ``Requirement`` holding the deadline, the answer how
        late (the count of that unit past it; on time 0), as beside a worded full-marks clause. It was unread."""
        result = list(out)
        for k, c in enumerate(result[:-1]):
            nxt = result[k + 1]
            if not (isinstance(c, Note) and not isinstance(c, Requirement) and id(c) in leads and c.span is not None):
                continue
            late_band = (
                isinstance(nxt, Award) and isinstance(nxt.condition, Label) and nxt.condition.deadline is None
                and nxt.condition.start is None and nxt.condition.text.startswith(words("delay"))
            )  # fmt: skip
            if not late_band and not (
                isinstance(nxt, Deduction) and nxt.kind is StepKind.EVENTS and not nxt.bonus and nxt.step is not None
                and nxt.step.unit in _TIME_UNITS and nxt.event.startswith(words("delay"))
            ):  # fmt: skip
                continue
            lead = leads[id(c)]
            text = self.text[c.span[0] : c.span[1]].strip()
            limit = self._time_limit(lead)
            if limit is not None:
                # 收到上级资金后30天内拨付到位，每逾期1天扣0.1分: a time limit, the line the days late count from
                self.use(limit)
                result[k] = Requirement(text, c.span, _said(limit))
                continue
            day = self._monthly_deadline(lead)
            if day is not None and not late_band:
                # 每月10日前报送上月数据，逾期1天扣0.1分: a deadline every month (§94): the requirement's term, the
                # steps count the days late over all the months (the answer is their total), no date
                self.use(day)
                result[k] = Requirement(text, c.span, _said(day), every="月")
                continue
            if any(isinstance(p, (PCmp, PRange, PBounded, PStep)) for p in lead):
                continue
            deadline = self.deadline(lead, yearless=True)
            if deadline is None:
                continue
            terms = tuple(q for p in lead for q in _said(p))
            result[k] = Requirement(text, c.span, terms, deadline)
        return result

    def _monthly_deadline(self, lead: Lead) -> PQty | None:
        """每月10日前 / 每月5号以前: the one number of a context clause, a day of the month right after 每月 and
        before a word of by (前, 以前, 之前): a deadline that comes back every month (§94)."""
        numeric = [p for p in lead if isinstance(p, (PCmp, PQty, PRange, PBounded, PStep, PBareOp))]
        if len(numeric) != 1 or not isinstance(numeric[0], PQty) or numeric[0].q.unit not in ("日", "号"):
            return None
        p = numeric[0]
        if not self.text[: p.span[0]].rstrip().endswith("每月") or not 1 <= p.q.value <= 31 or p.q.value % 1:
            return None
        return p if self.text[p.span[1] :].lstrip().startswith(("前", "以前", "之前")) else None

    @staticmethod
    def _time_limit(lead: Lead) -> PCmp | PQty | None:
        """30天内 / 不超过15个工作日 / 办结时限为30天: the one number of a context clause, a duration in a unit of
        time that is at most that long (a comparison below it, or a time-limit word, lexicon ``time_limit``)."""
        numeric = [p for p in lead if isinstance(p, (PCmp, PQty, PRange, PBounded, PStep, PBareOp))]
        if len(numeric) != 1:
            return None
        p = numeric[0]
        if isinstance(p, PCmp) and p.op in (Op.LE, Op.LT) and p.q.unit in _TIME_UNITS:
            return p
        if isinstance(p, PQty) and p.q.unit in _TIME_UNITS and any(w in _lead_text(lead) for w in _TIME_LIMIT_WORDS):
            return p
        return None

    def _counts_failures(self, out: list[Clause], k: int, after: Span | None) -> bool:
        """The clause at ``k`` (or after a worded award of the requirement met, 响应及时得满分) deducts per
        failure to meet a requirement: per event (not per unit of time late) or once, not a bonus, the words
        from ``after`` to its end saying the failure (lexicon ``[words.failed_requirement]``)."""
        if k < len(out):
            met = out[k]
            if (
                isinstance(met, Award) and isinstance(met.condition, Label) and not met.condition.negated
                and isinstance(met.outcome, (FullMarks, Points))
            ):  # fmt: skip
                k += 1
        if k >= len(out) or after is None:
            return False
        d = out[k]
        if not isinstance(d, Deduction) or d.bonus or d.kind is StepKind.DISTANCE or d.span is None:
            return False
        if d.kind is StepKind.EVENTS and d.step is not None and d.step.unit in _TIME_UNITS:
            return False  # 每逾期1天扣1分: the time late is a distance from the deadline (a reading of its own)
        return any(w in self.text[after[1] : d.span[1]] for w in _FAILED_WORDS)

    def _plan_line(self, lead: Lead) -> PQty | None:
        """计划完成15公里 / 当年新增造林面积5000亩 / 全年召开例会12次: a context clause of words and one
        quantity in a unit (no comparison, no percent, no points, not how often or a time scope): the plan
        it states, or None."""
        numeric = [p for p in lead if not isinstance(p, (PText, PWord))]
        if len(numeric) != 1 or not isinstance(numeric[0], PQty) or not any(isinstance(p, PText) for p in lead):
            return None
        q = numeric[0]
        if not q.q.unit or q.q.is_percent or q.points_scale or q.pp or q.inclusive_mark is not None:
            return None
        if self.frequency(lead) or self.time_scope(lead) or self.deadline(lead) is not None:
            return None
        said = "".join(p.text for p in lead if isinstance(p, PText) and p.span[1] <= q.span[0])
        if said.endswith(_SHORT_WORDS + _EXCESS_WORDS):
            return None  # 少建1个或已建…: a count short (or over) is an event, not the plan
        return q

    def _heads(self, seg: Any) -> bool:
        """The segment is a heading: a colon closes it (一票否决：…)."""
        return self.text[seg.span[1] : seg.span[1] + 1] in ("：", ":") or self.text[seg.span[0] : seg.span[1]].rstrip().endswith(("：", ":"))

    def _headed_veto(self, heading: TOutcome, out: list[Clause]) -> list[Clause]:
        """一票否决：发生重大舆情事件的，该项不得分；未发生的，得满分 (semantics §86): the heading says that the one case the
        clauses after it score 0 is a veto (a zero on a condition is made one, as 82%以下的记零分，并给予一票否决 is);
        clauses that are vetoes already stay so; with no zero, or with several zeros not all vetoes, which case it
        vetoes is not written (veto-without-condition)."""
        zeros = [i for i, c in enumerate(out) if isinstance(c, Veto) or (
            isinstance(c, Award) and isinstance(c.outcome, Zero) and c.condition is not None)]
        if zeros and all(isinstance(out[i], Veto) for i in zeros):
            return out
        if len(zeros) != 1:
            raise self.error("veto-without-condition", "否决条款缺少条件", heading.span, expected=("一票否决：发生…的，该项不得分",),
                             hint="在“一票否决”之后写明否决的情形，只写一种")  # fmt: skip
        at = zeros[0]
        c = out[at]
        if isinstance(c, Award):
            assert c.condition is not None
            out = [*out[:at], Veto(c.condition, c.span), *out[at + 1 :]]
        return out

    def _plan_before(self, out: list[Clause], last_lead: Lead, leads: dict[int, Lead], ded: Deduction) -> PQty | None:
        """The plan line (§65) a step deduction counts from: the context clause right before it, or before a worded
        award of the target met between them (城镇新增就业8000人，完成得满分，每少完成100人扣0.1分: 完成 is reaching
        the plan). A shortfall step in the plan's unit, or in % of it (全年征收税款目标5亿元，每少完成1%扣0.5分: 1% of
        5亿元, domain point 2); an excess step only after a plan that names a budget (项目预算控制数1200万元，每超出
        预算2%扣1分: lexicon ``budget``), in its unit or in % of it. None otherwise (§65: 每超1公里 reads no line)."""
        if ded.step is None or ded.direction not in (Direction.SHORTFALL, Direction.EXCESS):
            return None
        lead: Lead | None = None
        if out and isinstance(out[-1], Note):
            lead = last_lead
        elif (
            len(out) >= 2 and isinstance(out[-1], Award) and isinstance(out[-1].condition, Label)
            and not out[-1].condition.negated and ties_to_target(out[-1].condition.text)
            and isinstance(out[-1].outcome, FullMarks)
            and isinstance(out[-2], Note) and id(out[-2]) in leads
        ):  # fmt: skip
            lead = leads[id(out[-2])]
        if not lead:
            return None
        plan = self._plan_line(lead)
        if plan is None:
            return None
        # a % step is relative to an amount planned (5亿元, 8000人), not to a span of time (查看最近连续2年资料)
        relative = ded.step.unit == "%" and ded.basis is not PercentBasis.POINTS and plan.q.unit not in _TIME_UNITS
        if plan.q.unit != ded.step.unit and not relative:
            return None
        if ded.direction is Direction.EXCESS and not any(w in _lead_text(lead) for w in _BUDGET_WORDS):
            return None
        return plan

    def _heading(self, segs: list[_Segment]) -> bool:
        """建设任务完成率：100%得5分；≥90%得4分 (semantics §65): the rule opens with words alone (no number)
        and a colon, naming what the bands after it measure; a band written as a bare number then reads as
        reaching it, as 完成率100%得5分 does."""
        if len(segs) < 2 or segs[0].tails or not segs[0].lead:
            return False
        if not all(isinstance(p, (PText, PWord)) for p in segs[0].lead):
            return False
        between = self.text[segs[0].span[1] : segs[1].span[0]].strip()
        return between[:1] in ("：", ":")

    @staticmethod
    def _as_of(lead: Lead) -> bool:
        """截至12月底 / 截止2024年12月31日 / 截止到2024年底 (semantics §79): a context clause that is an as-of word
        (lexicon ``[words.as_of]``), then a date written in figures (年, 年月, 年月日, 月 or 月日, running
        together), then nothing or 底/末/止/时: the date the outcome is counted at. Anything more is not this."""
        if len(lead) < 2 or not isinstance(lead[0], PText) or lead[0].text not in _AS_OF_WORDS:
            return False
        rest = list(lead[1:])
        if isinstance(rest[-1], PText):
            if rest.pop().text not in _AS_OF_END:
                return False
        if not rest or not all(isinstance(p, PQty) and not p.points_scale for p in rest):
            return False
        parts = [p for p in rest if isinstance(p, PQty)]
        if any(a.span[1] != b.span[0] for a, b in itertools.pairwise(parts)) or parts[0].span[0] != lead[0].span[1]:
            return False
        units = tuple(p.q.unit for p in parts)
        if units not in (("年",), ("年", "月"), ("年", "月", "日"), ("月",), ("月", "日")):
            return False
        if any(p.q.value != int(p.q.value) for p in parts):
            return False
        limits = {"年": (1949, 2100), "月": (1, 12), "日": (1, 31)}
        return all(limits[p.q.unit][0] <= p.q.value <= limits[p.q.unit][1] for p in parts)

    def _heading_unit(self, segs: list[_Segment]) -> list[_Segment]:
        """满意度（%）：≥90，满分；80-90，3分；<80，0分 (semantics §79): a heading that closes with a percent sign
        alone in brackets declares the unit of the rule's numbers; a number written bare in a band or a step
        after it is a percentage (≥90 is ≥90%). The heading keeps its words. Any other bracket stays a remark."""
        words = segs[0].lead[-1]
        m = re.search(r"[（(]\s*[%％]\s*[)）]\s*$", words.text) if isinstance(words, PText) else None
        if m is None or not isinstance(words, PText):
            return segs
        self.use((words.span[0] + m.start(), words.span[1]))
        name = PText(words.text[: m.start()].rstrip(), (words.span[0], words.span[0] + len(words.text[: m.start()].rstrip())))
        # the note keeps the heading's words: the canonical text writes its numbers with % (≥95%), no bracket
        head = _Segment((*segs[0].lead[:-1], *((name,) if name.text else ())), segs[0].tails, (segs[0].span[0], name.span[1]))
        return [head, *(_Segment(tuple(map(_in_percent, s.lead)), s.tails, s.span) for s in segs[1:])]

    @staticmethod
    def _lone_number(lead: Lead) -> PQty | None:
        """The one number of a context clause that has no comparison word and no unit (“三公经费” 0), if any."""
        numeric = [p for p in lead if not isinstance(p, (PText, PWord))]
        if len(numeric) == 1 and isinstance(numeric[0], PQty):
            q = numeric[0]
            if not q.q.unit and not q.points_scale and q.inclusive_mark is None:
                return q
        return None

    @staticmethod
    def _counted_event(lead: Lead) -> bool:
        """出现1次… / 发生1起…: a lead whose one number is a single count of an event (an event verb
        before a count of 1 in a counter of events)."""
        numeric = [p for p in lead if not isinstance(p, (PText, PWord))]
        if len(numeric) != 1:
            return False
        q = numeric[0]
        if isinstance(q, PStep) and q.per == "每" and q.q is not None:
            # 每出现1次因…不到位 (as the canonical text writes it): the same count
            return q.q.value == 1 and q.q.unit in _EVENT_UNITS and _lead_text(q.words).endswith(_EVENT_WORDS)
        if not isinstance(q, PQty):
            return False
        words = "".join(p.text for p in lead if isinstance(p, PText) and p.span[1] <= q.span[0])
        return q.q.value == 1 and q.q.unit in _EVENT_UNITS and words.endswith(_EVENT_WORDS)

    def _standard(self, lead: Lead) -> PQty | None:
        """以100%为标准 / 以上年实际为基准 …: a note naming the standard the rule measures from (its one
        number written between 以 and 为标准/为基准/为准, lexicon ``[words.standard]``), or None."""
        numeric = [p for p in lead if not isinstance(p, (PText, PWord))]
        if len(numeric) != 1 or not isinstance(numeric[0], PQty) or numeric[0].points_scale:
            return None
        q = numeric[0]
        start = min(p.span[0] for p in lead)
        end = max(p.span[1] for p in lead)
        before = self.text[start : q.span[0]].strip()
        after = self.text[q.span[1] : end].strip()
        # 满意度以90%为标准: the subject the standard is of may come before 以 (words only)
        return q if before.endswith("以") and after in _STANDARD_WORDS else None

    def _standard_reached(self, standards: list[PQty], clauses: list[Clause]) -> list[Clause]:
        """满意度以90%为标准，达到的得满分，每下降2个百分点扣1分: 达到 with no number of its own, right after the
        standard, reaches that standard: the award is the band ≥90% (达到 includes its number, domain point 1), on
        the subject the standard names, and the steps count from its edge. Only for one standard and one such
        award that says nothing but 达到 (达到的, 满意度达到的); 完成 or a target of the row is not the standard
        (semantics §89)."""
        if len(standards) != 1:
            return clauses
        (q,) = standards
        note = next((c for c in clauses if isinstance(c, Note) and c.span is not None
                     and c.span[0] <= q.span[0] and q.span[1] <= c.span[1]), None)  # fmt: skip
        if note is None:
            return clauses
        subject = self.text[note.span[0] : q.span[0]].strip() if note.span else ""
        subject = subject[: -len("以")] if subject.endswith("以") else ""
        reached = [
            i for i, c in enumerate(clauses)
            if isinstance(c, Award) and isinstance(c.outcome, FullMarks) and isinstance(c.condition, (Label, TargetMet))
            and not c.condition.negated and getattr(c.condition, "requirement", None) is None
            and c.condition.deadline is None and c.condition.text in ("达到", subject + "达到") and clauses.index(note) < i
        ]  # fmt: skip
        if len(reached) != 1:
            return clauses
        i = reached[0]
        award = clauses[i]
        assert isinstance(award, Award) and isinstance(award.condition, (Label, TargetMet))
        band = Range(Measure.VALUE, Edge(q.q, True), None, subject, span=award.condition.span)
        out = list(clauses)
        out[i] = attrs.evolve(award, condition=band)
        return out

    def _restated_standards(self, standards: list[PQty], clauses: list[Clause]) -> None:
        """以100%为标准。控制率≤100%，计5分；每超过一个百分点扣0.5分: the standard is read where a band's
        edge or a deduction's start states the same number (a restatement). A standard no clause
        states is left unread, and the rule is refused (unread-number): which line it sets is not
        guessed."""
        lines: set[Quantity] = set()
        for c in clauses:
            if isinstance(c, Award) and isinstance(c.condition, Range):
                lines.update(e.value for e in (c.condition.low, c.condition.high) if e is not None)
            elif isinstance(c, Deduction) and c.start is not None:
                lines.add(c.start.value)
        for q in standards:
            if q.q in lines:
                self.use(q)

    def _month_bands(self, clauses: list[Clause]) -> list[Clause]:
        """11月底前完成得满分，12月完成得3分 / …，8月底以后开工不得分: beside a deadline (§53, §80) a band on a
        bare month is a date, never a number of months (semantics §88). ``12月完成`` (the month, no 底/前 after
        it: done in that month) is the deadline of the month's last day, a worded band like ``12月底前完成``;
        ``8月底以后开工`` is the band after that month's end (``Label.start``: a late band, no deadline).
        February's last day needs the year and the rest (上旬, 8月以后, a delay) stay refused (``date-band``)."""
        dated = any(isinstance(c, (Award, Veto)) and isinstance(c.condition, (Label, TargetMet))
                    and c.condition.deadline is not None for c in clauses)  # fmt: skip
        if not dated:
            return clauses
        out: list[Clause] = []
        for c in clauses:
            r = c.condition if isinstance(c, Award) else None
            if not (isinstance(c, Award) and isinstance(r, Range) and r.low is not None and r.high is None and r.span is not None
                    and r.low.value.unit == "月" and not r.low.stated and not delay_band(r)):  # fmt: skip
                out.append(c)
                continue
            month = r.low.value.value
            if month != month.to_integral_value() or not 1 <= month <= 12 or month == 2:
                out.append(c)
                continue
            end = MonthDay(int(month), calendar.monthrange(2001, int(month))[1])
            text = self.text[r.span[0] : r.span[1]].strip("，。；,;：: 的")
            subject = r.subject.lstrip("份")
            if subject.startswith(("底", "末")) and subject[1:].startswith(("以后", "之后")):
                out.append(attrs.evolve(c, condition=Label(text, False, r.span, start=end)))
            elif subject and not subject.startswith(_DATE_WORDS):
                out.append(attrs.evolve(c, condition=Label(text, False, r.span, deadline=end)))
            else:
                out.append(c)
        return out

    @staticmethod
    def _tightest_first(clauses: list[Clause], falling: bool = False) -> list[Clause]:
        """偏离40%不得分；偏离30%得15分；偏离20%得18分；偏离10%以内得20分: nested one-sided bands
        written loosest first are tiers; each holds from the next tighter bound on. Since the first
        band that holds wins, they are put tightest first (the order the AST shows is the reading).
        Only when every award is such a band on one measure, the bounds strictly loosen and the points
        fall as they do, but for
        one band on the other side of the loosest bound written first or last (≥60%得6分，≥80%得8分，
        ≥90%得10分，<60%得0分: the rest below the tiers), which stays where it is. Where that rest scores more
        than every tier (满意度90%以上得5分，低于90%得3分，低于85%得1分: the tiers are below the best band), the
        points fall as the tiers tighten away from it (``falling``)."""
        awards = [c for c in clauses if isinstance(c, Award)]
        if len(awards) < 2 or not all(isinstance(a.condition, Range) for a in awards):
            return clauses
        rest = _rest_below(awards)
        if rest is not None:
            ladder = [a for a in awards if a is not rest]
            above = all(_rank(rest.outcome) > _rank(a.outcome) for a in ladder)
            ordered = _Assembler._tightest_first(list(ladder), falling=above)
            if ordered == ladder:
                return clauses
            it = iter(ordered)
            return [c if (not isinstance(c, Award) or c is rest) else next(it) for c in clauses]
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
        if not all((_rank(a.outcome) > _rank(b.outcome)) if falling else (_rank(a.outcome) < _rank(b.outcome))
                   for a, b in itertools.pairwise(awards)):  # fmt: skip
            return clauses  # ≥80%得满分；≥90%得8分: a tighter band worth less is no tier (the checker says why)
        tiers = iter(reversed(awards))
        return [next(tiers) if isinstance(c, Award) else c for c in clauses]

    def _unreachable_bands(self, clauses: list[Clause]) -> list[Clause]:
        """A band that lies wholly inside a band listed before it can never apply, as the first band that
        holds wins (§1). Two one-sided bands on one side (偏差率…10%以上得3分，20%以上不得分, sixth probe A48:
        25% scored 3) are tiers where the points the tighter one gives follow the way the other bands' points
        run along the value (falling as the deviation grows: 0 after 3): the tighter is put before the looser,
        as ``_tightest_first`` does for a whole ladder. Any other band inside an earlier one (满意度80%以上得10分，
        90%以上得5分: the better outcome would score less; 偏差在5%以内得满分，偏差在3%以内得8分) is refused
        (`band-unreachable`): which of the two the writer meant is not written (§77). A band restated with the
        same points (90%以上得满分 twice) changes nothing and stays."""
        for _ in range(len(clauses)):
            awards = [(i, c) for i, c in enumerate(clauses) if isinstance(c, Award) and isinstance(c.condition, Range)]
            hit = next(
                ((i, a, j, b) for n, (i, a) in enumerate(awards) for j, b in awards[n + 1 :]
                 if a.outcome != b.outcome and _inside(b.condition, a.condition)  # type: ignore[arg-type]
                 and not (deducts(a) and deducts(b))),  # two deducting bands: values in both refused (§95)
                None,
            )  # fmt: skip
            if hit is None:
                return clauses
            i, a, j, b = hit
            if not self._tier_pair(a, b, [c for _, c in awards if c is not a and c is not b]):
                raise self.error(
                    "band-unreachable", "这一档完全落在前面一档之内，按“先列先用”永远不会适用", b.span or (0, 0),
                    expected=("互不重叠的各档",),
                    hint="请把各档写成互不重叠的区间，或把较窄的一档写在前面（先列的档先适用）",
                )  # fmt: skip
            clauses = [*clauses[:i], b, *(c for k, c in enumerate(clauses) if i <= k and k != j)]
        return clauses

    @staticmethod
    def _tier_pair(a: Award, b: Award, others: list[Award]) -> bool:
        """Whether b (inside a, both one-sided on one side) reads as the tier beyond a: the other bands'
        points run the same way along the value as a's and b's would (b past a's line)."""
        ra, rb = a.condition, b.condition
        assert isinstance(ra, Range) and isinstance(rb, Range)
        upward = ra.high is None and rb.high is None and ra.low is not None and rb.low is not None
        downward = ra.low is None and rb.low is None and ra.high is not None and rb.high is not None
        if not (upward or downward):
            return False
        line = ra.low.value.value if upward else ra.high.value.value  # type: ignore[union-attr]
        # the others lie on the near side of a's line: their points against a's say how points run outward
        near = []
        for o in others:
            r = o.condition
            assert isinstance(r, Range)
            if upward and ((r.high is not None and r.high.value.value <= line) or (r.low is not None and r.low.value.value < line)):
                near.append(_rank(o.outcome))
            elif downward and ((r.low is not None and r.low.value.value >= line) or (r.high is not None and r.high.value.value > line)):
                near.append(_rank(o.outcome))
        if not near:
            return False
        pa, pb = _rank(a.outcome), _rank(b.outcome)
        if all(p > pa for p in near):
            return pb < pa  # points fall outward: the tier beyond scores less
        if all(p < pa for p in near):
            return pb > pa
        return False

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

    def _ratio_caps(self, out: list[Clause]) -> None:
        """超过100%的按100%计 (semantics §96): the ratio of a formula counted at most 100%. Where every formula of the
        rule is that ratio (names only, the value over the target or a rate) times the weight, the formula reaches
        the weight exactly at 100%, so the cap is the clamp at the weight, stated (domain point 6). Beside any
        other formula (完成率×8: the cap would stop it at 8, the clamp at the weight) or none, which quantity is
        counted at 100% and what that does to the score is not written: refused."""
        if not self.ratio_caps:
            return
        formulas = [c.outcome.expr for c in out if isinstance(c, Award) and isinstance(c.outcome, Formula)]
        if not formulas or not all(_ratio_times_weight(e) for e in formulas):
            flag = self.ratio_caps[0]
            raise self.error(
                "ratio-cap", f"“{flag.text}”前没有“比值×分值”的公式：不知道是哪个比值按100%计、对得分有何影响",
                flag.span, expected=("得分=实际值/目标值×分值，超过100%的按100%计",),
                hint="把上限写成得分的上限，如“最高不超过指标分值”",
            )  # fmt: skip

    @staticmethod
    def _formula_subject(clauses: list[Clause]) -> list[Clause]:
        """满意度得分=满意度×分值 / 预算执行率得分=预算执行率×10: words before 得分= that name a quantity of the
        formula are whose score it is, not a condition (满意度 was a label, answered 是/否, so 87% was refused).
        So is the indicator itself (本指标按照…的比值乘以指标分值计算, lexicon self_reference; semantics §96)."""
        out: list[Clause] = []
        for c in clauses:
            if isinstance(c, Award) and isinstance(c.outcome, Formula) and isinstance(c.condition, Label):
                if c.condition.text in formula_vars(c.outcome.expr) or (
                    c.condition.text in _SELF and not c.condition.negated
                ):
                    c = attrs.evolve(c, condition=None)
            out.append(c)
        return out

    @staticmethod
    def _met_case(clauses: list[Clause]) -> list[Clause]:
        """无缺会现象3分 / 未发生安全事故得满分 / 无违规违纪问题8分: a worded award that says something is
        absent (无, 没有, or 未/不 before an event verb: 未发生, 未出现) and scores more than every other
        clause of its rule is the requirement met, not its failure, as 未发生得满分 is in a numeric rule
        (``_resolve_labels``): answered 否 it must not score its points. A negated quality (不及时但未影响
        项目进度(1分), 未完成) stays the requirement not met."""
        awards = [c for c in clauses if isinstance(c, Award)]
        out: list[Clause] = []
        for c in clauses:
            if (
                isinstance(c, Award) and isinstance(c.condition, Label) and c.condition.negated
                and c.condition.text.startswith(_ABSENCE)
                and isinstance(c.outcome, (Points, FullMarks, ShareOfWeight)) and _rank(c.outcome) > 0
                and all(_rank(c.outcome) > _rank(a.outcome) for a in awards if a is not c)
            ):  # fmt: skip
                c = attrs.evolve(c, condition=attrs.evolve(c.condition, negated=False))
            out.append(c)
        return out

    def _resolve_labels(self, clauses: list[Clause]) -> list[Clause]:
        """In a numeric rule, a worded full-marks condition (完成, 全部完成) means the target is met."""
        numeric = any(
            isinstance(c, (Deduction, Proportional)) or (isinstance(c, Award) and isinstance(c.condition, Range))
            for c in clauses
        )
        events = any(isinstance(c, Deduction) and c.kind in (StepKind.EVENTS, StepKind.ONCE) and not c.bonus for c in clauses)
        if not numeric:
            how_often = next((c.condition for c in clauses if isinstance(c, Award) and isinstance(c.condition, Label)
                              and c.condition.span in self.frequencies), None)  # fmt: skip
            if how_often is not None:
                raise self.error(
                    "frequency", "这是一项要求（每季度…一次、全部N项、一年内未发生…），规则没有说实际的次数或项数如何计分",
                    how_often.span or (0, len(self.text)),
                    expected=("每少一次扣N分", "全年≥N次"),
                    hint="写明全年应达到的次数（如“全年召开≥4次”），或写明每少一次扣几分",
                )  # fmt: skip
            return self._met_case(clauses)
        out: list[Clause] = []
        top = max((_rank(c.outcome) for c in clauses if isinstance(c, Award)), default=Decimal(0))
        # one band beside the events is the line they fall short of; several bands are on a measured
        # value of their own (满意度≥95%得10分，满意度<95%得5分；每发生1起投诉扣1分: a rate and a count)
        bands = sum(1 for c in clauses if isinstance(c, Award) and isinstance(c.condition, Range))
        for c in clauses:
            if isinstance(c, Award) and isinstance(c.condition, Label):
                # 未发生得满分 is the met case although it starts with 未: the top outcome is "met";
                # 未及时发布，计1分 below a 计5分 stays a not-met grade
                lab = c.condition
                negated = isinstance(c.outcome, Zero) or (lab.negated and _rank(c.outcome) < top)
                need = self.frequencies.get(lab.span) if lab.span is not None else None
                if isinstance(need, Range) and isinstance(c.outcome, Zero) and _BARE_LIMIT.fullmatch(lab.text.strip()):
                    # ≤260天不得分 / 260天以下不得分 beside bands: the words are only the comparison, whose zero holds
                    # where it is met (a band); read as the not-met case of a limit it inverted the text
                    out.append(attrs.evolve(c, condition=need))
                    continue
                out.append(attrs.evolve(c, condition=TargetMet(lab.text, negated, need, span=lab.span, deadline=lab.deadline)))
            elif (
                events
                and bands == 1
                and isinstance(c, Award)
                and isinstance(c.condition, Range)
                and isinstance(c.outcome, (FullMarks, Points))
                and not any(isinstance(d, Deduction) and d.kind is StepKind.DISTANCE for d in clauses)
            ):
                # 合规率100%得满分，每发现一例不合规扣1分: the input is the count of events. The band is kept
                # as the requirement: at the whole rate (or at no case) it says "no event", and a % answer
                # can only be the whole rate (shapes.at_whole_rate); any other (时限为3个工作日) says what
                # an event falls short of
                r = c.condition
                words = (self.text[r.span[0] : r.span[1]] if r.span else r.subject).strip("，,；;。 的")
                out.append(attrs.evolve(c, condition=TargetMet(words, False, attrs.evolve(r, span=None), r.span)))
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
        b = self.per_item_rule
        if b is not None:
            # (12分×2项,即牲畜口蹄疫和禽流感): the rule scores each item alone, within its points (semantics §77)
            each = attrs.evolve(rule, stated_weight=b.each)
            names = [n.strip() for n in re.split("[、和及与]", b.names.strip().removeprefix("即"))] if b.names else []
            if len(names) == int(b.count) and all(names):
                # 即牲畜口蹄疫和禽流感: each item is named, in order; its name heads its rule (a note)
                items = tuple(
                    Item(k, b.each, attrs.evolve(each, clauses=(Note(n, b.span), *each.clauses)), b.span)
                    for k, n in enumerate(names, 1)
                )
            else:
                items = tuple(Item(k, b.each, each, b.span) for k in range(1, int(b.count) + 1))
            return Composite(items, source=self.text)
        return attrs.evolve(rule, source=self.text)

    def require_logic(self, rule: Rule) -> None:
        if all(isinstance(c, Note) for c in rule.clauses):
            raise RuleSyntaxError(
                "no-scoring-logic", "这段文字没有评分逻辑：没有得分、扣分或不得分的表述", self.text, 0,
                length=len(self.text), expected=("得满分", "得N分", "扣N分", "不得分"),
                hint="评（扣）分标准应说明何种情况得几分，如“完成得满分，未完成不得分”",
            )  # fmt: skip





    def composite(self, pre: list[Any], items: list[Any]) -> Node:
        items, each = self._each_item(items)  # 每项各N分: every item those points, so a count answers too (§97)
        items, per_item = self._per_item_closing(items)
        built: list[Item] = []
        shared_clauses: list[Any] = []
        for _, number, clauses, span, mark in items:
            self.use(mark)
            rule, _ = self.rule(clauses)
            points: Decimal | None = rule.stated_weight  # ①…，共2分: the item's points stated
            for a in rule.awards if points is None else ():
                if isinstance(a.outcome, Points) and a.outcome.value > 0:
                    points = a.outcome.value
                    break
            built.append(Item(number, points, rule, span))
        if per_item is not None:
            self._items_each_scored(built, per_item)
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
            merged = Rule(
                clauses, any(i.rule.until_exhausted for i in built), below_zero=any(i.rule.below_zero for i in built)
            )
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
        # 每项各N分 over items of words alone: each a worded award of the same points, so the count answers (§97);
        # an item that is a line (合格率100%) is no thing done or not, and keeps the per-item answers
        each = each and all(_one_worded_award(i) for i in built)
        return Composite(tuple(built), shared, per_item=per_item is not None or each, source=self.text)




_SELF = words("self_reference")


def _self_reference(lead: Lead) -> bool:
    """该项 / 本项 / 该指标 as the whole lead of a clause: the indicator itself, no condition (semantics §85)."""
    return len(lead) == 1 and isinstance(lead[0], PText) and lead[0].text.strip() in _SELF


#: a label that is only a comparison of a number of time units (≤260天, 260天以下, 30日以内): no words of its own
_BARE_LIMIT = re.compile(r"[≤≥<>＜＞]?\s*[0-9]+(?:\.[0-9]+)?\s*(?:个)?(?:天|日|工作日|月|年|小时|周)(?:以下|以上|以内|之内|内)?")






def _rest_below(awards: list[Award]) -> Award | None:
    """The first or last band of a ladder of one-sided bands when it is on the other side of all the
    others and meets or misses the loosest of them (<60% beside ≥60%, ≥80%, ≥90%; >40% beside ≤10%,
    ≤20%, ≤30%): what is left below the tiers, not a tier. None otherwise."""
    if len(awards) < 3:
        return None
    for rest, others in ((awards[-1], awards[:-1]), (awards[0], awards[1:])):
        r = rest.condition
        ranges = [o.condition for o in others if isinstance(o.condition, Range)]
        if not isinstance(r, Range) or len(ranges) != len(others) or len({o.measure for o in ranges} | {r.measure}) != 1:
            continue
        lows = [o.low.value for o in ranges if o.low is not None and o.high is None]
        highs = [o.high.value for o in ranges if o.high is not None and o.low is None]
        # (0家不得分 beside ≥3家, ≥5家: a point below the tiers is the rest as well)
        if r.high is not None and len(lows) == len(ranges) and _same_scale(r.high.value, lows):
            if r.high.value.value <= min(q.value for q in lows):
                return rest
        if r.low is not None and len(highs) == len(ranges) and _same_scale(r.low.value, highs):
            if r.low.value.value >= max(q.value for q in highs):
                return rest
    return None






def _same_scale(q: Quantity, others: list[Quantity]) -> bool:
    return all((o.is_percent, o.unit) == (q.is_percent, q.unit) for o in others)



def _start_beyond(op: Op, direction: Direction | None, start: Decimal, line: Decimal) -> bool:
    """Whether steps that count from ``start`` deduct values the line before (``op`` ``line``) states as met:
    90%以上 before 低于95%每…扣 (shortfall from above the line), ≤100万元 before 超过90万元每…扣."""
    if op in (Op.GE, Op.GT):
        return direction is Direction.SHORTFALL and start > line
    if op in (Op.LE, Op.LT):
        return direction is Direction.EXCESS and start < line
    return False


def _ratio_times_weight(expr: object) -> bool:
    """实际完成值/目标值×权重, 完成率×分值: a ratio of names (or one name) times the weight's name, either order."""
    if not (isinstance(expr, BinOp) and expr.op == "*"):
        return False
    sides = (expr.left, expr.right)
    weight = [x for x in sides if isinstance(x, Var) and is_weight_name(x.name)]
    other = [x for x in sides if not (isinstance(x, Var) and is_weight_name(x.name))]
    if len(weight) != 1 or len(other) != 1:
        return False
    ratio = other[0]
    if isinstance(ratio, Var):
        return True
    return (isinstance(ratio, BinOp) and ratio.op == "/" and isinstance(ratio.left, Var)
            and isinstance(ratio.right, Var) and not is_weight_name(ratio.left.name))  # fmt: skip


def _defined_band(c: Clause, name: str) -> Clause:
    """A band on the deviation, read as the rule's definition of it: relative, both sides (semantics §96)."""
    if isinstance(c, (Award, Veto)) and isinstance(c.condition, Range) and c.condition.measure is Measure.DEVIATION:
        # its subject is the quantity defined (偏差率在5%以内: 在 is no part of it)
        return attrs.evolve(c, condition=attrs.evolve(c.condition, defined=name, subject=""))
    return c
