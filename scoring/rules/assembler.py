"""The assembler: a transformed parse (clauses of phrases) → a Rule or Composite. It joins clauses
into segments, reads each with the clause readers, orders bands and resolves labels, then accounts spans.

Why ``_Assembler`` is long (issue 15): it is the one place where clauses meet (a band's points decide a step's
start, a veto restates a zero, labels pair with their negations), and each of its steps reads and writes the same
rule-in-progress. The per-clause readers live in clauses.py (``ClauseReader``) and the checks in checks.py
(``RuleChecks``); the readings of lists and items (lists.py, ``ListReader``), of requirements and deadlines
(requirements.py, ``RequirementReader``) and of bands and their bounds (bands.py, ``BandReader``) are its bases,
each a ``RuleChecks`` with methods only, so this file keeps the segments, ``rule`` and what joins them."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import attrs

from ..errors import RuleSyntaxError
from ..text.numbers import chinese_numeral
from .bands import BandReader
from .clauses import _said
from .lexicon import words
from .lists import ListReader, _one_worded_award
from .nodes import (
    Abs,
    All,
    AnyOf,
    Award,
    BinOp,
    ByHand,
    Clause,
    Composite,
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
    Partial,
    Points,
    Proportional,
    Quantity,
    Range,
    Rule,
    Schedule,
    ShareOfWeight,
    StepKind,
    TargetMet,
    Var,
    Veto,
    Waiver,
    Zero,
)
from .phrases import (
    _EVENT_UNITS,
    _EVENT_WORDS,
    _EXCESS_WORDS,
    _SHORT_WORDS,
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
from .requirements import RequirementReader
from .shapes import (
    _DERIVED,
    _is_rate,
    _rank,
    _Segment,
    _side_name,
    _split_list,
    band_and_steps_of_one_value,
    bands_of_one_value,
    checklist_hand,
    delay_band,
    delay_named,
    delay_unit_of,
    exact_delay,
    formula_vars,
    grades_of_one_scale,
    is_weight_name,
    joint_tiers,
    qty_text,
)
from .shapes import (
    checklist as listed_things,
)

#: the words of DISCRETION that deduct by hand, not award (semantics §86)
_HAND_DEDUCTIONS = frozenset(words("hand_deduction"))
_EXCEPTION_OPENERS = tuple(sorted(words("exception_opener"), key=len, reverse=True))  # 但…的，可不扣分 (§105)






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
_LATE_WORDS = ("未及时", "不及时", "未按时", "不按时")  # 未及时发布: a clause scoring it done late (semantics §156)
_ABSENCE = ("无", "没有", *(n + e for n in ("未", "没", "不", "无") for e in _EVENT_WORDS))


def _has_abs(e: object) -> bool:
    if isinstance(e, Abs):
        return True
    return isinstance(e, BinOp) and (_has_abs(e.left) or _has_abs(e.right))


#: X为完成率 / 其中X为完成率 / 设完成率为X: a letter naming a quantity of the rule (semantics §129);
#: 设X为资金到位率: 设 before the letter too (semantics §141)
_LETTER_DEF = re.compile(r"(?:其中|式中)?\s*设?\s*(?P<x>[A-Za-z])\s*(?:为|表示|代表)\s*(?P<name>[\u4e00-\u9fff]{2,12})")
_LETTER_SET = re.compile(r"(?:其中|式中)?\s*设\s*(?P<name>[\u4e00-\u9fff]{2,12})\s*为\s*(?P<x>[A-Za-z])")


def _substitute(e: Expr, name: str, by: Expr) -> Expr:
    """The formula with each ``Var(name)`` replaced by the expression a definition gives it."""
    if isinstance(e, Var):
        return by if e.name == name else e
    if isinstance(e, BinOp):
        return BinOp(e.op, _substitute(e.left, name, by), _substitute(e.right, name, by))
    if isinstance(e, Abs):
        return Abs(_substitute(e.arg, name, by))
    return e


#: 按考核结果 right before 计算得分: 按 / 按照 / 根据 / 依据 and the words of what the score is worked out by
_BASIS = re.compile(r"(?:按照|按(?![时期])|根据|依据)(?P<by>[^，,；;。：:按]*)$")
#: words that name a ratio in what a proportional rule is worked out by
_RATIO_WORDS = ("比例", "比重", "比率", "之比", "占", "比值")


#: 每月 / 每天 …: a step of one unit of time written alone (the line it counts past in the clause before)
_EACH_TIME = frozenset(f"每{c}{u.removeprefix('个')}" for u in _TIME_UNITS for c in ("", "个"))


def _past_a_time_line(lead: Lead) -> bool:
    """超过6个月的: a lead that is one comparison past a number of time units, and at most 的 besides."""
    cmps = [p for p in lead if not isinstance(p, PText)]
    rest = "".join(p.text for p in lead if isinstance(p, PText)).strip()
    return (
        len(cmps) == 1 and isinstance(cmps[0], PCmp) and cmps[0].op in (Op.GT, Op.GE)
        and cmps[0].q.unit in _TIME_UNITS and rest in ("", "的")
    )  # fmt: skip



#: 另 / 另外 / 再 / 还 alone before 扣N分: a further deduction, for the case the clause before states (semantics §115)
_FURTHER = frozenset(("另", "另外", "再", "还", "另行", "并"))

#: refusals of two ladders on one value that a heading before each can resolve into cases (semantics §142)
_CASE_CONFLICTS = frozenset(("crossing-bands", "band-twice", "band-unreachable"))

# (抽10份孕期档案或入户核实): the size of a sample and its unit (the terminal SAMPLE, semantics §145)
_SAMPLE = re.compile(r"抽(?:查|取|检|样)?\s*(?P<n>[0-9]+)\s*(?P<unit>[\u4e00-\u9fff])")

# 五率 / 两率: a count word before 率 names several rates (semantics §145)
_SEVERAL_RATES = re.compile(r"[两二三四五六七八九十]+率")
# 五率(信息采集率、合同签订率…): the count word and the names of the rates in the bracket after it (semantics §154)
_NAMED_RATES = re.compile(r"(?P<n>[两二三四五六七八九十]+)率[（(](?P<names>[^（）()]+)[）)](?P<all>均|都|全部)?$")


def _num_text(d: Decimal) -> str:
    return f"{d.normalize():f}"


class _Assembler(BandReader, RequirementReader, ListReader):

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
                if isinstance(p, TFlag) and p.kind == "rank_basis":
                    # 每项子行动按排名计算分值: read (as the note leading the cases) only where the subjects of
                    # rank ladders name cases (``_subject_cases``, semantics §151); unread, and refused, elsewhere
                    self.rank_bases.append(p)
                    continue
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
                if isinstance(p, TFlag) and p.kind == "sample":
                    # (抽10份孕期档案或入户核实): the sample's size, for the per-item deduction after it (§145)
                    self.use(p)
                    self.samples.append(p)
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
            if (
                seg.tails and joined and not joined[-1].tails and _past_a_time_line(joined[-1].lead)
                and len(seg.lead) == 1 and isinstance(seg.lead[0], PText) and seg.lead[0].text.strip() in _EACH_TIME
            ):  # fmt: skip
                # 超过6个月的，每月扣1分: the line past which each month counts, in the clause before (ninth probe
                # G16; as 超过6个月的每月扣1分 reads, §94)
                prev = joined.pop()
                seg = _Segment(prev.lead + seg.lead, seg.tails, _merge(prev.span, seg.span))
            if not seg.lead and seg.tails and joined and not joined[-1].tails and joined[-1].lead:
                # 偏离小于等于5%，得20分 / 流失率低于5%，即稳定，计5分: the condition stands in the
                # lead-only clauses just before; join them all
                merged: Lead = ()
                span = seg.span
                # a heading of bonuses and deductions (加扣分：, semantics §144) is no condition: it stays a note of its own
                while joined and not joined[-1].tails and joined[-1].lead and not self._section_heading(joined[-1]):
                    prev = joined.pop()
                    merged = prev.lead + merged
                    span = _merge(prev.span, span)
                    if any(isinstance(p, (PCmp, PRange, PBounded)) for p in prev.lead):
                        break
                joined.append(_Segment(merged, seg.tails, span))
                continue
            joined.append(seg)
        return self.announced(self._tier_caps(joined))



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

    def _letters(self, out: list[Clause]) -> list[Clause]:
        """X为完成率，X≥100%得满分；60%≤X<100%时，得分=分值×X (semantics §129): a letter the text defines (X为…, 设…为X,
        其中X为…, a context clause of its own) names that quantity: the formulas read the name in the letter's place
        and the bands that name the letter are on it. The definition is then said by the formula and the bands, no
        note. A letter of a formula that no clause defines stays undefined (refused when scored); a letter defined
        twice, or as more than one name, is refused."""
        bound: dict[str, str] = {}
        notes: list[Clause] = []
        for c in out:
            if not isinstance(c, Note) or type(c) is not Note:
                continue
            m = _LETTER_DEF.fullmatch(c.text.strip()) or _LETTER_SET.fullmatch(c.text.strip())
            if m is None:
                continue
            letter, name = m.group("x").upper(), m.group("name")
            if letter in bound:
                raise self.error("letter-twice", f"字母“{letter}”定义了两次", c.span or (0, len(self.text)),
                                 expected=(f"{letter}为…",), hint="每个字母只定义一次")  # fmt: skip
            bound[letter] = name
            notes.append(c)
        if not bound:
            return out

        def rename(e: Expr) -> Expr:
            for letter, name in bound.items():
                e = _substitute(e, letter, Var(name))
                e = _substitute(e, letter.lower(), Var(name))
            return e

        res: list[Clause] = []
        for c in out:
            if any(c is n for n in notes):
                continue
            if isinstance(c, (Award, Veto)) and isinstance(c.condition, Range):
                sub = c.condition.subject.strip().upper()
                if sub in bound:
                    c = attrs.evolve(c, condition=attrs.evolve(c.condition, subject=bound[sub]))
            if isinstance(c, Award) and isinstance(c.outcome, Formula):
                c = attrs.evolve(c, outcome=attrs.evolve(c.outcome, expr=rename(c.outcome.expr)))
            res.append(c)
        return res

    def _defined_names(self, out: list[Clause]) -> list[Clause]:
        """得分=指标分值×（1-偏差率），偏差率=|实际值-目标值|/目标值: a name of a formula that a definition of the
        rule works out is that definition's expression (semantics §78). The formula reads it in its place, so
        偏差率 is no longer a rate the answer must give, and every number of the definition is read. A
        definition with an absolute value that no formula uses (偏离度=|实际值-目标值|/目标值 before bands on
        偏离度) says on which sides and how the deviation is measured, which a band does not take from the
        text yet: refused (definition-unused) rather than read with the comparator's side."""
        for flag in self.definitions:
            # 其中偏离度=… / 式中偏离度=…: the words that open a definition after its formula are not its name (eighth D28)
            name = flag.text.strip().rstrip("=＝").strip().removeprefix("其中").removeprefix("式中").strip("：: ")
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
            if _rate_of_value(name, flag.expr):
                # 资金到位率=实际到位资金/应到位资金×100%，得分=资金到位率×分值 (semantics §127): the rate the definition names
                # is the value over the target, as the formula's rate name is read (§12): the formula keeps the name, so
                # an answer written as a rate is the rate itself (90% → 4.5 of 5 on any % target), and a value is divided
                # by the target; put in its place, 90% was divided by a % target, or a value-named amount was refused
                out = [c for c in out if not (isinstance(c, Note) and c.span is not None
                                              and flag.span[0] <= c.span[0] and c.span[1] <= flag.span[1])]  # fmt: skip
                continue
            # the definition says nothing the formula does not say now: no note (the canonical text writes
            # the formula alone, and reads back the same)
            out = [c for c in out if not (isinstance(c, Note) and c.span is not None
                                          and flag.span[0] <= c.span[0] and c.span[1] <= flag.span[1])]  # fmt: skip
            if _rate_by_definition(name, flag.expr):
                # 预算执行率=实际支出数/调整后预算数×100%，得分=预算执行率×分值 (semantics §164): a rate of names the row
                # does not give (调整后预算数 is no name of the target): in its place the formula could not be worked
                # out; kept, the answer is the rate itself (a %), and an amount is refused, never divided by the target
                out = [attrs.evolve(c, outcome=attrs.evolve(c.outcome, rates=(*c.outcome.rates, (name, flag.expr))))
                       if c in used and isinstance(c, Award) and isinstance(c.outcome, Formula) else c for c in out]  # fmt: skip
                continue
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
        self.rank_bases: list[TFlag] = []  # 每项子行动按排名计算分值 (semantics §151)
        self.per_item_rule = None  # (12分×2项): one rule for each item (semantics §77)
        self.samples: list[TFlag] = []  # (抽10份…): sizes of samples (semantics §145)
        self.definitions: list[TFlag] = []  # 偏差率=|实际值-目标值|/目标值 (semantics §78)
        self.no_bonus: list[TFlag] = []  # 超额完成不加分 (semantics §78)
        self.ratio_caps: list[TFlag] = []  # 超过100%的按100%计 (semantics §96)
        segs = [self._per_capita_named(s) for s in self.segments(clauses)]
        segs = self._share_of_a_rank(segs)
        segs, self.each_listed = self._each_lists(segs)
        weight = self.weights[0][0] if self.weights else None
        if any(w != weight for w, _ in self.weights):
            raise self.error("two-weights", "规则写了两个不同的满分", self.weights[-1][1], expected=("满分N分",))
        self.ranks = [r.q for s in segs if s.tails and (r := self.rank(s.lead)) is not None]
        self._no_step_from_last(segs)
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
        # (what is measured, where, the steps' span) of each line a context clause gives steps
        started: list[tuple[str, Span, Span | None]] = []
        lone_caps: list[tuple[int, TCap]] = []  # (where in out, the cap) of caps standing alone
        floors: list[tuple[int, Decimal, Span]] = []  # 最低得2分: (where in out, the points, the span) (§102)
        band_headings: list[tuple[int, Range, Span]] = []  # ＜90%的按区间计分：(where in out, its stretch, span)
        standards: list[PQty] = []  # 以100%为标准: the number a note names as the standard
        budgets: list[PQty] = []  # 全年共安排培训经费20万元: the budget a note states (semantics §105)
        unstated_steps: dict[tuple[str, str], Quantity] = {}  # 滞后1个月扣1分: steps written without 每
        self.deferred_tier_or_step = []
        prop_conds: list[tuple[Range, Span]] = []  # 低于95%的按比例得分: the condition of a 按比例 clause
        context_leads: dict[int, Lead] = {}  # the phrases of each context clause's note (by the note's id)
        each_time = self._each_occurrence(segs)  # 1次计2.5分，迟报、不报的计0分 (semantics §67)
        self._frequency_totals(segs)  # 每季度开展1次督查，全年4次 (semantics §81)
        segs = self._items_in_all(segs)  # 每完成1项规定任务得1分，共5项 (semantics §81)
        each_counted = self._each_counted(segs)  # 全年…不少于2次，每次参训人数不少于50人，每少1次… (semantics §81)
        context_range: tuple[Note, PRange] | None = None
        heading: TOutcome | None = None  # 一票否决：发生…的，该项不得分: a veto heading the clauses it applies to
        section_headings: list[tuple[int, Span]] = []  # 加扣分： (semantics §144): where each heading's clauses start
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
            if not seg.tails and self._section_heading(seg):
                # 加扣分：每实现1个…加2分。…每月次扣3分 (semantics §144): a heading of the bonuses and deductions after it,
                # no points of its own; the note reads its words (扣分 in it is no deduction), checked below to head some
                self.use(seg.lead[0].span)
                note = Note(self.text[seg.span[0] : seg.span[1]].strip(), seg.span)
                out.append(note)
                section_headings.append((len(out), seg.span))
                last_lead, context_edge, context_bare, context_freq = seg.lead, None, None, None
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
                budget = self._budget(seg.lead)
                if budget is not None:
                    budgets.append(budget)  # 全年共安排培训经费20万元: the budget 预算 names after it (§105)
                schedule = self._period_targets(seg.lead)
                if schedule is not None:
                    # 9月、10月…应完成任务比例为30%、50%…: each period's target, paired in order (semantics §132)
                    self.use(*seg.lead)
                    note = Schedule(self.text[seg.span[0] : seg.span[1]].strip(), seg.span, *schedule)
                    out.append(note)
                    notes.append(note)
                    last_lead, context_edge, context_bare, context_freq = seg.lead, None, None, None
                    continue
                note = Note(self.text[seg.span[0] : seg.span[1]].strip(), seg.span)
                context_leads[id(note)] = seg.lead
                out.append(note)
                notes.append(note)
                last_lead = seg.lead
                context_freq = None
                before = context_edge
                context_edge = self._context_edge(seg.lead)
                if (
                    before is not None and context_edge is not None and before.q == context_edge.q
                    and isinstance(before, PCmp) and isinstance(context_edge, PCmp)
                    and {before.op, context_edge.op} in ({Op.LE, Op.GT}, {Op.GE, Op.LT})
                ):  # fmt: skip
                    # 应在3个月内完成，超过3个月的，每超1个月扣1分: the second line restates the first from its other
                    # side (the limit, then what is past it): one line, both read (eighth probe G21)
                    self.use(before)
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
                elif (
                    out and isinstance(out[-1], Note) and last_lead
                    and len(lead) == 1 and isinstance(lead[0], PText) and lead[0].text.strip() in _FURTHER
                ):  # fmt: skip
                    # 投诉被查实且造成不良影响的，另扣1分 (semantics §115): 另 says the deduction is a further one, for
                    # the case its clause states; that clause names it (it was read as an event named 另 whose count
                    # was refused: {1: 2, 2: 1} could not be scored)
                    self.use(*lead)
                    notes.remove(out.pop())  # type: ignore[arg-type]
                    lead = ctx = last_lead
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
                        if any(
                            (isinstance(p, PCmp) and p.of_target)
                            or (isinstance(p, PStep) and any(isinstance(w, PWord) and w.kind == "of_target" for w in p.words))
                            for p in lead
                        ):
                            # 应达到98%，低于目标值1个百分点扣0.5分 / 每低于目标值1个百分点: the line is the target the
                            # steps name (§135, §139)
                            ded = attrs.evolve(ded, named_target=True)
                        self.use(context_edge)
                        self._one_measure_started(started, last_lead, context_edge, ded)
                    elif (
                        isinstance(context_edge, PCmp) and ded.kind is StepKind.EVENTS and out and isinstance(out[-1], Note)
                        and id(out[-1]) in context_leads and self._qualifies_counted(context_leads[id(out[-1])], context_edge, ded)
                    ):  # fmt: skip
                        # 水质较去年下降1个类别及以上的，每个断面扣2分 (semantics §144): the clause before says which things
                        # the steps count, in a unit of its own (classes, not sections): part of the event's name, as
                        # a qualifier after the step is (§98); the answer stays the count of such things
                        lo, hi = self._edges(context_edge)
                        ded = attrs.evolve(ded, qualifiers=(*ded.qualifiers, Range(Measure.VALUE, lo, hi, "", context_edge.span)))
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
                either = None if outcomes[0].veto else self.either(lead, self._lead_span(lead, seg.span))
                if either is not None:
                    # 不足60%，或运行管护效果较差，不得分: either of two inputs the 且 tiers ask for (semantics §143)
                    out.append(Award(either, outcomes[0].outcome, False, seg.span))
                    continue
                union = self._union(lead, seg.span)
                if union is not None and not outcomes[0].veto:
                    # 75%-85%或93%-100%得3分: one band of two ranges, each scoring the points (semantics §93)
                    out.extend(Award(c, outcomes[0].outcome, False, seg.span) for c in union)
                    continue
                o = outcomes[0]
                waiver = self._waiver(lead, o, out, seg.span) if o.waive else None
                if waiver is not None:
                    # 但…占比高于平均占比加5%的，可不扣分: an exception to the deductions, its own 是/否 (§105)
                    out.append(waiver)
                    last_lead, context_edge, context_bare, context_freq = seg.lead, None, None, None
                    self.pending_cap = None
                    continue
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
                    if cond is None and isinstance(prev, Veto) and last_lead:
                        # 发生重大事故的，实行一票否决，本项不得分: a second veto phrase with no condition right after a
                        # veto restates it (semantics §105): one veto
                        pass
                    elif o.system and not out and heading is None and self._names_system(lead, o):
                        # 实行旅游安全管理责任一票否决制。如果发生…的，综合评价为零分: the system declared opens the rule
                        # and heads it, as 一票否决：… does (§105); words right before it name the system, no condition
                        self.use(*lead)
                        heading = o
                    elif cond is None and not out and heading is None and self._heads(seg):
                        # 一票否决：发生重大舆情事件的，该项不得分: a heading; the zero after it is the veto (§86)
                        heading = o
                    elif cond is None:
                        raise self.error("veto-without-condition", "否决条款缺少条件", o.span, expected=("条件",))
                    else:
                        out.append(Veto(cond, seg.span))
                else:
                    if o.bracketed and self._reaches_target(cond):
                        # 系统管理率达到目标值(抽查的系统管理率/85%*10计算得分): the bracket says how reaching the target is
                        # scored, at every value, not only once it is reached (§145)
                        cond = None
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
                    elif not outcomes and not deducts:
                        self._line_kept(out, notes, lead, context_edge, last_lead)
                    self._ratio_names(f)
                    self._proportional_basis(f)
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
        for at, span in section_headings:
            if not any(isinstance(c, Deduction) for c in out[at:]):
                raise self.error("heading-without-clauses", "“加扣分”这类标题之后没有加分或扣分条款", span,
                                 expected=("加扣分：每获1次表彰加1分",), hint="标题本身不加分也不扣分；请在冒号后写出加分或扣分的条款")  # fmt: skip
        if heading is not None:
            out = self._headed_veto(heading, out)
        out = self._requirements(out, context_leads)
        out = self._standard_reached(standards, out)
        out = self._budget_bands(budgets, out)
        out = self._deadline_requirements(out, context_leads)
        self._restated_standards(standards, out)
        self._listed_awards(segs, out)
        self._proportional_conditions(prop_conds, out)
        out = self._inherit_measure(out)
        out = self._deviation_point(out)
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
        self._nothing_after_a_veto(out)
        out = self._exact_delays(out)
        out = self._exact_counts(out)
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
        out = self._letters(out)
        out = self._samples(out)
        out = self._several_rates(out)
        weight = self.weights[0][0] if self.weights else None  # 五率…记7分: the weight the band states (§154)
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
        highest = self.bonus_highest
        self.bonus_highest = None
        if highest is not None and sum(1 for c in out if isinstance(c, Deduction) and c.bonus) < 2:
            # 就高计分 over one bonus or none: there is no list to take the highest of (semantics §126)
            raise self.error("highest-without-bonuses", "“就高计分”之前没有两项以上的加分条款可取其高", highest.span,
                             expected=("加N分，…加M分，就高计分",))  # fmt: skip
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
        out = self._measures_apart(started, out)
        per_item = self._per_item(segs, out) or self._each_listed_alone(out)
        floor = self._floor(floors, out, below_zero)
        if floor is not None and not floor:
            until, floor = True, None  # 最低得0分: the ordinary clamp at 0 (semantics §6), as 扣完为止
        rule = Rule(tuple(out), until, rule_cap, bonus_cap=bonus_cap, bonus_cap_base=bonus_base, below_zero=below_zero,
                    stated_weight=weight, per_item=per_item, cap_share=cap_share, floor=floor,
                    bonus_highest=highest is not None)  # fmt: skip
        return rule, notes


















    def _several_rates(self, out: list[Clause]) -> list[Clause]:
        """流入人口管理五率(信息采集率、合同签订率…)达100%记7分 (semantics §145, §154): a count word before 率 names several
        rates, each its own value. Where the names follow in a bracket, as many as the count word says, the band's
        line is stated on each of them and a step on 每项 counts from that line on each: the named measured values of
        §134, each answered under its name or its number in the order written. Anything else stays refused."""
        for c in out:
            cond = getattr(c, "condition", None)
            if isinstance(cond, Range) and (m := _SEVERAL_RATES.search(cond.subject)) is not None:
                read = self._named_rates(c, cond, out)
                if read is not None:
                    return read
                raise self.error(
                    "several-rates", f"“{m.group()}”是几个比率：各自的实际值和扣分还不能读", cond.span or (0, len(self.text)),
                    expected=("信息采集率达到100%，每低1个百分点扣0.2分；合同签订率达到100%…",),
                    hint="把每个比率分别写成一条：名称、目标和扣分；或在“五率”后的括号里列出与个数相同的名称，再写“每项…扣N分”",
                )  # fmt: skip
        return out

    def _named_rates(self, award: Clause, cond: Range, out: list[Clause]) -> list[Clause] | None:
        """三率（甲率、乙率、丙率）均达到95%得满分，每项每低1个百分点扣0.5分 (semantics §154): the band (its one line, 达/达到
        with no upper edge, scoring the weight or N分) and one step on 每项 with no line of its own, nothing else. The step
        becomes one step per name, counted from the band's line (``Deduction.event`` opens with the name, as §134's);
        the band becomes the weight it states (记7分: the rule's stated weight) and a note of the line per name."""
        m = _NAMED_RATES.search(cond.subject)
        if m is None or not isinstance(award, Award) or cond.low is None or cond.high is not None or cond.named:
            return None
        names = [n.strip() for n in re.split(r"[、，,]", m.group("names"))]
        if any(not n.endswith("率") or len(n) < 2 for n in names) or len(set(names)) != len(names):
            return None
        if chinese_numeral(m.group("n")) != len(names):
            return None  # 五率 listing four names: which is meant is not written
        steps = [d for d in out if isinstance(d, Deduction)]
        if len(steps) != 1 or any(x is not award and x is not steps[0] and not isinstance(x, Note) for x in out):
            return None
        step = steps[0]
        if (
            step.kind is not StepKind.DISTANCE or step.start is not None or step.bonus or step.cap is not None
            or not step.event.startswith("项") or step.direction is Direction.EXCESS
        ):  # fmt: skip
            return None
        if isinstance(award.outcome, Points):
            if self.weights and self.weights[0][0] != award.outcome.value:
                return None
            self.weights.insert(0, (award.outcome.value, cond.span or (0, 0)))
        elif not isinstance(award.outcome, FullMarks):
            return None
        words = step.event.removeprefix("项").removeprefix("每")
        line = f"达到{_num_text(cond.low.value.value)}{cond.low.value.unit}"
        read: list[Clause] = [x for x in out if isinstance(x, Note)]
        for name in names:
            read.append(Note(name + line, cond.span))
            read.append(attrs.evolve(step, start=cond.low, event=f"{name}每{words}", direction=Direction.SHORTFALL))
        return read

    def _samples(self, out: list[Clause]) -> list[Clause]:
        """(抽10份孕期档案或入户核实)1份不真切扣1分 (semantics §145): a sample's size bounds the count of the first
        per-item deduction after it counting in the sample's unit (份): that deduction is answered by how many of the
        sample failed, at most its size. A sample no such deduction follows is refused: what it bounds is not written."""
        samples, self.samples = self.samples, []
        for flag in samples:
            m = _SAMPLE.search(self.text[flag.span[0] : flag.span[1]])
            assert m is not None
            size, unit = Decimal(m.group("n")), m.group("unit")
            k = next(
                (
                    i for i, c in enumerate(out)
                    if isinstance(c, Deduction) and c.kind is StepKind.EVENTS and not c.bonus and c.sample is None
                    and c.span is not None and c.span[1] > flag.span[1] and c.step is not None and c.step.unit == unit
                ),
                None,
            )  # fmt: skip
            if k is None or size <= 0:
                raise self.error(
                    "sample-unread", f"抽查{_num_text(size)}{unit}之后没有按“每{unit}”扣分的条款：抽查的数量限定什么没有写明",
                    flag.span, expected=(f"（抽{_num_text(size)}{unit}）1{unit}不合格扣1分",),
                    hint=f"在抽查说明之后写出每{unit}不合格扣几分",
                )  # fmt: skip
            c = out[k]
            assert isinstance(c, Deduction) and c.step is not None
            if c.step.value > size:
                raise self.error("sample-unread", f"每{_num_text(c.step.value)}{unit}扣分，超过了抽查的{_num_text(size)}{unit}",
                                 flag.span, expected=(f"（抽{_num_text(size)}{unit}）1{unit}不合格扣1分",))  # fmt: skip
            out[k] = attrs.evolve(c, sample=size)
        return out

    @staticmethod
    def _reaches_target(cond: object) -> bool:
        """达到目标值 / 完成目标 as a condition: the target met, nothing else (§145)."""
        if isinstance(cond, TargetMet):
            return not cond.negated
        return (
            isinstance(cond, Range) and cond.measure is Measure.RATIO and cond.high is None and cond.low is not None
            and cond.low.inclusive and cond.low.value == Quantity(Decimal(100), "%")
        )  # fmt: skip

    def _waiver(self, lead: Lead, o: TOutcome, out: list[Clause], span: Span) -> Waiver | None:
        """但本地区…占比高于各地区平均占比加5%的，可不扣分 (semantics §105): words opened by 但 (or followed by 可不扣分 /
        不予扣分) after deductions state an exception: when they hold, the deductions are not made. The condition is
        words, its own 是/否, every number in it one of its words (it is not the measured value). 但 on a band of the value
        (但95%以上的不扣分) stays a band (§23); 可不扣分 with no deduction before it has nothing to waive: refused."""
        start, end = self._lead_span(lead, span)
        words = self.text[start:end].strip().strip("，,；;：: ")
        opened = words.startswith(_EXCEPTION_OPENERS)
        if not (opened or o.permissive) or not lead:
            return None
        if any(isinstance(p, (PCmp, PRange, PBounded)) for p in lead):
            return None  # 但95%以上的不扣分: a band of the value (§23)
        if any(isinstance(p, PStep) for p in lead):
            raise self.error("waiver-with-step", "例外条款（不扣分）中不能有“每…”的步长", o.span,
                             expected=("但…的，可不扣分",))  # fmt: skip
        if not any(isinstance(c, Deduction) and not c.bonus for c in out):
            raise self.error("waiver-without-deduction", "“不扣分”的例外条款之前没有扣分条款：不知免去哪项扣分", o.span,
                             expected=("每少1%扣0.1分；但…的，可不扣分",),
                             hint="例外条款写在扣分条款之后")  # fmt: skip
        for w in _EXCEPTION_OPENERS:
            if words.startswith(w):
                words = words[len(w) :].lstrip("，, ")
                break
        words = words.removesuffix("的").rstrip()
        if not words:
            raise self.error("waiver-without-condition", "例外条款没有写明条件", o.span, expected=("但…的，可不扣分",))
        self.use(*lead)
        numbers = tuple(q for p in lead for q in _said(p))
        return Waiver(Label(words, False, (start, end)), numbers, span)

    def _names_system(self, lead: Lead, o: TOutcome) -> bool:
        """安全生产实行一票否决制: words written right against the declared system (no 的, no separator) name it;
        a clause before it (发生重大事故的，实行一票否决制) is its condition (semantics §105)."""
        if not lead:
            return True
        words = self.text[lead[0].span[0] : o.span[0]]
        return all(isinstance(p, PText) for p in lead) and not re.search(r"[，,；;。：:的]", words)

    def _qualifies_counted(self, lead: Lead, c: PCmp, ded: Deduction) -> bool:
        """水质较去年下降1个类别及以上的 before 每个断面扣2分 (semantics §144): words, one comparison in a unit that is no
        counter of the steps, no percent and no points, then 的 alone: which things the steps count."""
        unit = c.q.unit
        if not unit or c.q.is_percent or unit == "分" or ded.step is None or unit == ded.step.unit:
            return False
        if unit in _EVENT_UNITS or unit in _TIME_UNITS:
            return False  # 超过3次的 / 超过3个月的: a count of the events themselves or a time, not a kind of them
        k = lead.index(c)
        before, after = lead[:k], lead[k + 1 :]
        return (
            len(before) >= 1 and all(isinstance(p, PText) for p in before)
            and len(after) == 1 and isinstance(after[0], PText) and after[0].text.strip() == "的"
        )

    def _section_heading(self, seg: Any) -> bool:
        """加扣分： / 扣分项： alone before a colon (semantics §144): the words of a heading of bonuses and deductions."""
        return (
            len(seg.lead) == 1 and isinstance(seg.lead[0], PText)
            and self.text[seg.lead[0].span[0] : seg.lead[0].span[1]].strip() in _SECTION_HEADINGS and self._heads(seg)
        )

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

    def _ratio_names(self, f: TFlag) -> None:
        """按实际完成工程量占计划工程量的比例给分 (semantics §107): the ratio named by its words is 按比例 where they name
        the value and the target of one quantity: 实际完成X over 计划X or 目标X, the same X. Other names (占计划投资额:
        a value over something the row's target is not) are refused with what is read."""
        m = _RATIO_NAMES.fullmatch(f.text)
        if m is None or m["own"] == m["planned"]:
            return
        raise self.error(
            "ratio-names", f"“{f.text}”的比例是“实际完成{m['own']}”与“{m['plan']}{m['planned']}”之比：两者不是同一数量，"
            "无法读作实际值与指标值之比",
            f.span, expected=(f"按实际完成{m['own']}占{m['plan']}{m['own']}的比例给分",),
            hint="按比例计分时写明同一数量的实际完成数与计划数，或写出公式，如“得分=实际完成数/计划数×分值”",
        )  # fmt: skip

    def _line_kept(self, out: list[Clause], notes: list[Note], lead: Lead, edge: Any, before: Lead) -> None:
        """森林火灾受害率控制在0.9‰以内，超过的按比例扣分 (semantics §107): a clause that is one line and nothing else
        (控制在…以内, 不低于…), right before 按比例 under words that name only the other side of that line (超过的,
        低于的: the lexicon's excess and shortfall words, and 的), states the line kept: within it the rule deducts
        nothing, so the note is read as that band scoring full marks (the clause ``X以内得满分`` it abbreviates).
        Words that name the line's own side, or anything else, leave the note (its number unread: refused)."""
        if not (out and isinstance(out[-1], Note) and out[-1] in notes and isinstance(edge, PCmp) and lead):
            return
        if [p for p in before if not isinstance(p, (PText, PWord))] != [edge]:
            return
        rest = "".join(p.text for p in lead if isinstance(p, PText)).strip()
        if rest not in ("", "的", "部分", "的部分") or not all(isinstance(p, (PText, PBareOp)) for p in lead):
            return
        ops = [p.op for p in lead if isinstance(p, PBareOp)]
        if ops:
            over, under = ops == [Op.GT] or ops == [Op.GE], ops == [Op.LT] or ops == [Op.LE]
        else:  # 超支的 / 不足的: a direction word the lexer keeps as words
            side = "".join(p.text for p in lead if isinstance(p, PText)).strip().removesuffix("的").removesuffix("部分")
            over, under = side in _EXCESS_WORDS, side in _SHORT_WORDS
        if not ((over and edge.op in (Op.LE, Op.LT)) or (under and edge.op in (Op.GE, Op.GT))):
            return
        note = out[-1]
        assert note.span is not None
        cond = self.condition(before, self._lead_span(before, note.span))
        if not isinstance(cond, Range):
            return
        notes.remove(note)
        out[-1] = Award(cond, FullMarks(), False, note.span)

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










    @staticmethod
    def _formula_subject(clauses: list[Clause]) -> list[Clause]:
        """满意度得分=满意度×分值 / 预算执行率得分=预算执行率×10: words before 得分= that name a quantity of the
        formula are whose score it is, not a condition (满意度 was a label, answered 是/否, so 87% was refused).
        So is the indicator itself (本指标按照…的比值乘以指标分值计算, lexicon self_reference; semantics §96)."""
        out: list[Clause] = []
        for c in clauses:
            if isinstance(c, Award) and isinstance(c.outcome, Formula) and isinstance(c.condition, Label):
                text = c.condition.text
                # 满意度指标得分=满意度×本项分值: the indicator named by its quantity and 指标/项目 (eighth probe D18)
                named = text.removesuffix("指标").removesuffix("项目") if text.endswith(("指标", "项目")) else None
                # 满意度得分=满意度调查结果（百分制）×本项分值/100: the formula's one name beside the weight opens with the
                # words (its result, its survey score: semantics §129)
                others = [n for n in formula_vars(c.outcome.expr) if not is_weight_name(n)]
                if text in formula_vars(c.outcome.expr) or (named and named in formula_vars(c.outcome.expr)) or (
                    text in _SELF and not c.condition.negated
                ) or (len(others) == 1 and any(len(w) >= 2 and others[0].startswith(w) for w in (text, named or ""))):
                    # 满意度指标得分=满意度测评结果×本项分值: the indicator's quantity (指标 off, as above) opens the one name
                    # (semantics §162)
                    c = attrs.evolve(c, condition=None)
                elif text in _HEADINGS:
                    # 按以下公式计算：得分=… / 评分标准：得分=…: a heading (lexicon HEADING) before the formula says what
                    # follows, no condition the answer must meet (semantics §127); it was a label, so 30个 was refused
                    label = c.condition
                    assert isinstance(label, Label)
                    out.append(Note(text, label.span))
                    c = attrs.evolve(c, condition=None)
            out.append(c)
        return out

    @staticmethod
    def _on_time_against_late(clauses: list[Clause], how_often: Label) -> bool:
        """专题栏目1月整理更新1次，计5分，未及时发布，计3分，未发布，计0分: the frequency's clause is the only requirement, it
        scores more than every other clause, and another clause in words scores it done late (未及时, 不及时, 未按时, 不按时)
        against the rest (semantics §156)."""
        awards = [c for c in clauses if isinstance(c, Award)]
        mine = next((c for c in awards if c.condition is how_often), None)
        if mine is None or how_often.negated or len(awards) != len(clauses) or len(awards) < 3:
            return False
        if not all(_rank(mine.outcome) > _rank(a.outcome) for a in awards if a is not mine):
            return False
        others = [a.condition for a in awards if a is not mine]
        if not all(isinstance(o, Label) and o.negated for o in others):
            return False
        return any(o.text.startswith(_LATE_WORDS) for o in others if isinstance(o, Label))

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

    def _one_measure_started(
        self, started: list[tuple[str, Span, Span | None]], lead: Lead, edge: Any, ded: Deduction
    ) -> None:
        """重大隐患整改率达到100%，每低1个百分点扣0.5分；一般隐患整改率达到95%，每低1个百分点扣0.2分: steps counted from
        lines on two things measured apart need two answers (one answer applied to both lost 1 on the first and nothing
        on the second: 5 of 6, ninth probe B21). Where one name ends the other (重大隐患整改率 … 整改率) whether they are one
        value is not written: refused (two-measures). Names that differ otherwise are kept for ``_measures_apart``
        (semantics §134)."""
        named = "".join(p.text for p in lead if isinstance(p, PText) and p.span[1] <= edge.span[0]).strip("的，, ")
        for other, at, _ in started:
            if named and other and named != other and (named.endswith(other) or other.endswith(named)):
                raise self.error(
                    "two-measures", f"两段扣分各从不同的量起算（“{other}”和“{named}”），是否同一个量没有写明",
                    (at[0], edge.span[1]), expected=("①…；②…（分项各自计分）",),
                    hint="写全两个量的名称，或把两个量分成两项（①②）各自计分",
                )  # fmt: skip
        started.append((named, edge.span, ded.span))

    def _measures_apart(self, started: list[tuple[str, Span, Span | None]], out: list[Clause]) -> list[Clause]:
        """Steps counted from lines stated on two or more differently named values (危险化学品企业重大隐患整改率达到100%，
        每低1个百分点扣0.5分；一般隐患整改率达到95%，每低1个百分点扣0.2分) are the named measured values of semantics §14,
        each answered under its number and its steps counted from its own line (§134): the name is written into the
        steps' words (``Deduction.event``), which name the value they read. A rule that also has bands, 按比例, a band
        veto or a step with no name of its own beside them is refused (two-measures): which value those read is not
        written, and one answer cannot fill both."""
        names = {n for n, _, _ in started if n}
        if len(names) < 2:
            return out
        first, last = started[0][1], started[-1][1]
        where = {sp: n for n, _, sp in started if sp is not None}
        others = [
            c for c in out
            if isinstance(c, (Award, Proportional)) or (isinstance(c, Veto) and isinstance(c.condition, Range))
            or (isinstance(c, Deduction) and c.kind is StepKind.DISTANCE and c.span not in where)
            or (isinstance(c, Deduction) and c.span in where and not where[c.span])
        ]  # fmt: skip
        if others:
            raise self.error(
                "two-measures", "两段扣分各从不同的量起算，各需一个实际值；规则另有按数值计分的条款，读哪个量没有写明",
                (first[0], last[1]), expected=("①…；②…（分项各自计分）",), hint="把两个量分成两项（①②）各自计分",
            )  # fmt: skip
        return [
            attrs.evolve(c, event=where[c.span] + ("" if c.event.startswith("每") else "每") + c.event)
            if isinstance(c, Deduction) and c.span in where and not c.event.startswith(where[c.span]) else c
            for c in out
        ]

    def _exact_delays(self, out: list[Clause]) -> list[Clause]:
        """项目进度滞后1个月扣1分，滞后2个月扣3分，滞后3个月及以上不得分: two or more deductions with no 每, each named by a
        delay word and a number of one unit of time, with different numbers and points not in proportion to them, are
        bands of exactly that delay (1个月 → the weight less 1, 2个月 → less 3), not steps (每滞后2个月扣3分: 1.5 months
        asked three inputs). One such clause alone stays a step (迟报1天扣0.5分 is per day) unless a band on the same
        delay in the same unit stands beside it (延期1个月的扣1分，延期2个月以上的不得分: tiers of one delay, §138).
        Semantics §108, §138; two such clauses not read so (in proportion, or one number twice) are refused as
        ``tier-or-step`` (the refusal ``_tier_or_step`` deferred)."""
        deferred, self.deferred_tier_or_step = self.deferred_tier_or_step, []
        cands = [(k, c) for k, c in enumerate(out) if exact_delay(c)]
        if not cands and not deferred:
            return out  # (the common case leaves at once: no exact delay, nothing deferred)
        units = {c.step.unit.lstrip("个") for _, c in cands if c.step}
        # 延期1个月的扣1分，延期2个月以上的不得分: a band of the same delay opening at the next whole unit (延期1天扣1分，
        # 延期3天以上不得分 leaves 2天 between: per day, as before)
        nxt = {c.step.value + 1 for _, c in cands if c.step}
        banded = any(
            isinstance(c, Award) and delay_band(c.condition) and delay_unit_of(c.condition) in units
            and isinstance(c.condition, Range) and c.condition.low is not None and c.condition.low.inclusive
            and c.condition.low.value.value in nxt
            for c in out
        )  # fmt: skip
        steps = [c.step.value for _, c in cands if c.step]
        rates = {c.points / c.step.value for _, c in cands if c.step and isinstance(c.points, Decimal)}
        read = (
            len(units) == 1 and len(set(steps)) == len(steps)
            and ((len(cands) >= 2 and len(rates) > 1) or (len(cands) == 1 and banded))
        )  # fmt: skip
        if not read:
            if deferred:
                raise self.error(
                    "tier-or-step", "同一事项写了两个不同的扣分步长，无法确定是分档还是每档累计", deferred[0],
                    expected=("每滞后1个月扣1分", "滞后1-2个月扣2分"),
                    hint="按步长累计扣分请写“每…扣N分”；分档扣分请写明区间",
                )  # fmt: skip
            return out
        return _exact_bands(out, cands, [delay_named(c.event)[: -len(qty_text(c.step))].strip() for _, c in cands if c.step])

    @staticmethod
    def _exact_counts(out: list[Clause]) -> list[Clause]:
        """因工作失误引发有效投诉1次扣1分，2次扣2分，3次及以上不得分: deductions with no 每 on exact counts 1, 2, … of one
        event unit (lexicon ``event_unit``), the first named by the event and its count, the others by their count alone,
        beside a band from the next count on, inclusive: tiers of one count, the clause at exactly N (semantics §140, as
        §138 reads exact delays). Anything else stays as it was read."""
        units = words("event_unit")
        cands: list[tuple[int, Deduction]] = []
        for k, c in enumerate(out):
            if (
                isinstance(c, Deduction) and c.kind is StepKind.EVENTS and not c.bonus and c.step is not None
                and c.step.unit in units and isinstance(c.points, Decimal) and c.cap is None and c.points_max is None
            ):  # fmt: skip
                cands.append((k, c))
        if len(cands) < 2:
            return out
        steps = [c.step.value for _, c in cands if c.step is not None]
        named = [delay_named(c.event) for _, c in cands]
        first = named[0]
        if (
            steps != [Decimal(n) for n in range(1, len(steps) + 1)]
            or len({c.step.unit for _, c in cands if c.step is not None}) != 1
            or not first.endswith(qty_text(cands[0][1].step))  # type: ignore[arg-type]
            or len(first) <= len(qty_text(cands[0][1].step))  # type: ignore[arg-type]
            or any(n != qty_text(c.step) for n, (_, c) in zip(named[1:], cands[1:], strict=True) if c.step is not None)
        ):  # fmt: skip
            return out
        unit, nxt = cands[0][1].step.unit, steps[-1] + 1  # type: ignore[union-attr]
        banded = any(
            isinstance(c, Award) and isinstance(c.condition, Range) and c.condition.high is None
            and c.condition.low is not None and c.condition.low.inclusive
            and c.condition.low.value.unit == unit and c.condition.low.value.value == nxt
            for c in out
        )  # fmt: skip
        if not banded:
            return out
        subject = first[: -len(qty_text(cands[0][1].step))].strip()  # type: ignore[arg-type]
        return _exact_bands(out, cands, [subject] * len(cands))

    def _proportional_basis(self, f: TFlag) -> None:
        """按考核结果计算得分 / 按实际完成工程量计算得分: 按 and words before a bare scoring word (计算得分, 计分) say what
        the score is worked out by; words that name no ratio (比例, 比重, 比率, 之比, 占, or a rate: 实际到位率) are no
        proportional rule, and
        reading one scored value ÷ target whatever they said (semantics §108): refused (proportional-basis)."""
        if f.text.startswith(("按", "以")):
            return  # 按比例赋分 / 按完成比例计分: the flag names its basis
        before = self.text[: f.span[0]]
        m = _BASIS.search(before)
        if m is None or not m["by"].strip() or any(w in m["by"] for w in _RATIO_WORDS) or m["by"].rstrip("的 ").endswith("率"):
            return
        raise self.error(
            "proportional-basis", f"“{m.group().strip()}{f.text}”没有写明按什么比例或公式计分", (m.start(), f.span[1]),
            expected=("按实际完成值占目标值的比例计分", "得分=实际值/目标值×分值"),
            hint="写明比例（如“按完成比例计分”）或公式；按考核结果、按实际情况等说法不能直接计算得分",
        )  # fmt: skip

    def _resolve_labels(self, clauses: list[Clause]) -> list[Clause]:
        """In a numeric rule, a worded full-marks condition (完成, 全部完成) means the target is met."""
        numeric = any(
            isinstance(c, (Deduction, Proportional)) or (isinstance(c, Award) and isinstance(c.condition, Range))
            for c in clauses
        )
        events = any(isinstance(c, Deduction) and c.kind in (StepKind.EVENTS, StepKind.ONCE) and not c.bonus for c in clauses)
        written = next((c.condition for c in clauses if isinstance(c, Award) and isinstance(c.condition, Label)
                        and c.condition.span in self.periods), None)  # fmt: skip
        on_time = written is not None and self._on_time_against_late(clauses, written)
        if written is not None and not on_time:
            period, at = self.periods[written.span]  # type: ignore[index]
            raise self.error(
                "period-or-month", f"“{self.text[at[0] : at[1]]}”可能是每{period.value.normalize()}{period.unit}的频次，"
                "也可能是某个月份，只有按时与不及时分别计分时才读作频次", at,
                expected=("每月…1次，计5分，未及时…，计3分", "全年≥N次"),
                hint="写成“每月…N次”并分别写明按时、不及时、未完成的得分，或写明全年应达到的次数",
            )  # fmt: skip
        if not numeric:
            how_often = next((c.condition for c in clauses if isinstance(c, Award) and isinstance(c.condition, Label)
                              and c.condition.span in self.frequencies), None)  # fmt: skip
            if how_often is not None and (on_time or self._on_time_against_late(clauses, how_often)):
                # 专题栏目1月整理更新1次，计5分，未及时发布，计3分，未发布，计0分: how often, scored on time against late and
                # not done (semantics §156): the on-time clause is the requirement met, its count per period kept
                numeric = True
            elif how_often is not None:
                raise self.error(
                    "frequency", "这是一项要求（每季度…一次、全部N项、一年内未发生…），规则没有说实际的次数或项数如何计分",
                    how_often.span or (0, len(self.text)),
                    expected=("每少一次扣N分", "全年≥N次"),
                    hint="写明全年应达到的次数（如“全年召开≥4次”），或写明每少一次扣几分",
                )  # fmt: skip
            if not numeric:
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
                every = self.periods[lab.span][0] if lab.span in self.periods else None
                out.append(attrs.evolve(c, condition=TargetMet(lab.text, negated, need, span=lab.span, deadline=lab.deadline,
                                                               every=every)))  # fmt: skip
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
        try:
            rule, _ = self.rule(tree)
        except RuleSyntaxError as refused:
            cases = self._cases(tree, refused)
            if cases is None:
                raise
            self.account()
            return cases
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

    def _case_headings(self, tree: Sequence[tuple[str, list[Any], Span]], start: int = 0) -> list[int]:
        """The clauses that are headings of a sentence: words alone (no points), closed by a colon, at the
        start of the text or of a sentence (山区、丘陵地区…:… 。其它地区:…)."""
        at = []
        for k, (_, parts, span) in enumerate(tree):
            if len(parts) != 1 or not isinstance(parts[0], tuple) or not parts[0]:
                continue
            before = self.text[: span[0]].rstrip()
            opens = not before or before[-1] in "。；;\n" or k == start  # right after the cases' lead (§151)
            if k >= start and self.text[span[1] : span[1] + 1] in (":", "：") and opens:
                at.append(k)
        return at

    def _cases(self, tree: Sequence[tuple[str, list[Any], Span]], refused: RuleSyntaxError) -> Composite | None:
        """山区：≥300户得10分…。其它地区：≥450户得10分… (semantics §142): two ladders on one value that cross or
        repeat each other (the refusal ``refused``) where each opens with a heading of its own are the cases the
        headings name, exactly one of which applies: a Composite of ``cases``, each case a rule opened by its
        heading. Only where the whole text is refused as bands in conflict; any other refusal stands."""
        if refused.code not in _CASE_CONFLICTS or not isinstance(tree, list):
            return None
        lead, start = self._case_lead(tree)
        at = self._case_headings(tree, start)
        slices: list[list[tuple[str, list[Any], Span]]]
        if len(at) >= 2 and at[0] == start:
            slices = [list(tree[a:b]) for a, b in zip(at, [*at[1:], len(tree)], strict=True)]
        else:
            named = self._subject_cases(tree, start)
            if named is None:
                return None
            slices = named
        items: list[Item] = []
        names: list[str] = []
        for n, part in enumerate(slices, 1):
            try:
                rule, _ = self.rule(part)
                self.require_logic(rule)
            except RuleSyntaxError:
                raise refused from None
            head = rule.clauses[0] if rule.clauses else None
            if not isinstance(head, Note) or type(head) is not Note or not (rule.awards or rule.deductions):
                raise refused
            names.append(head.text)
            items.append(Item(n, None, rule, (part[0][2][0], part[-1][2][1])))
        if len(set(names)) != len(names):
            raise refused  # two cases of one name: which one applies is not written
        if lead is not None:
            self.use(lead.span)
        shared = Rule((lead,)) if lead is not None else None
        return Composite(tuple(items), shared=shared, cases=True, source=self.text)

    def _case_lead(self, tree: Sequence[tuple[str, list[Any], Span]]) -> tuple[Note | None, int]:
        """每项子行动按排名计算分值,即: (semantics §151): the clauses before the cases that say the ladders score a
        rank (按排名计算分值 / 按名次计分) and close with a colon, no number and no points of their own: a note
        leading the cases, and the index of the first case. (None, 0) where the text opens otherwise."""
        for k, (_, parts, span) in enumerate(tree):
            if not all((isinstance(p, tuple) and not isinstance(p, (TOutcome, TDeduct, TFlag, TCap)))
                       or (isinstance(p, TFlag) and p.kind == "rank_basis") for p in parts):  # fmt: skip
                return None, 0
            if self.text[span[1] : span[1] + 1] in (":", "："):
                flags = [p for _, ps, _ in tree[: k + 1] for p in ps if isinstance(p, TFlag)]
                words = self.text[tree[0][2][0] : span[1]]
                if not flags or re.search(r"[0-9０-９]", words) or tree[0][2][0] != 0:
                    return None, 0
                return Note(words.strip(), (tree[0][2][0], span[1])), k + 1
        return None, 0

    def _subject_cases(
        self, tree: Sequence[tuple[str, list[Any], Span]], start: int
    ) -> list[list[tuple[str, list[Any], Span]]] | None:
        """市场主体增量行动第一名得40分,每递减一名,减2分;融资活企、商标兴企、党建促企行动第一名得20分,… (semantics §151):
        rank ladders, each a sentence (after ；/。) opening with the words of its subject right before its
        ordinal (第N名): the subjects name the cases. Each case is read as the heading form reads it (the subject
        a heading, the ladder from 第N名 on), so both forms give one node. None unless every sentence from
        ``start`` opens so."""
        out: list[list[tuple[str, list[Any], Span]]] = []
        for k in range(start, len(tree)):
            kind, parts, span = tree[k]
            before = self.text[: span[0]].rstrip()
            if k > start and before[-1:] not in ("。", "；", ";", "\n"):
                if not out:
                    return None
                out[-1].append(tree[k])
                continue
            first = parts[0] if parts else None
            if not (isinstance(first, tuple) and type(first) is tuple and len(first) >= 2):
                return None
            words, rank = first[0], first[1]
            if not (isinstance(words, PText) and isinstance(rank, PQty) and rank.q.unit == "名"
                    and words.text.endswith("第") and words.span[1] == rank.span[0]):  # fmt: skip
                return None
            name = words.text[:-1].strip()
            if not name or not any(isinstance(p, TOutcome) for p in parts):
                return None
            at = words.span[0] + words.text.index(name)
            cut = words.span[1] - 1  # 第
            head = (kind, [(PText(name, (at, at + len(name))),)], (at, at + len(name)))
            ladder = (kind, [(PText("第", (cut, cut + 1)), *first[1:]), *parts[1:]], (cut, span[1]))
            out.append([head, ladder])
        return out if len(out) >= 2 else None

    def require_logic(self, rule: Rule) -> None:
        if all(isinstance(c, Note) for c in rule.clauses):
            raise RuleSyntaxError(
                "no-scoring-logic", "这段文字没有评分逻辑：没有得分、扣分或不得分的表述", self.text, 0,
                length=len(self.text), expected=("得满分", "得N分", "扣N分", "不得分"),
                hint="评（扣）分标准应说明何种情况得几分，如“完成得满分，未完成不得分”",
            )  # fmt: skip





    _WHOLE_INDICATOR = re.compile(r"(?:本|该|此)(?:项)?指标|一票否决")

    def _indicator_veto(self, built: list[Item]) -> list[Item]:
        """①项目按期完工得3分；②工程质量验收合格得3分；发生重大质量安全事故的，本指标不得分 (semantics §115): a veto
        closing the last item that names the indicator (本指标 / 该指标 / 本项指标) or is 一票否决 zeroes the whole
        composite, not the last item, and takes its own answer: it is an item of its own, numbered after the last
        (as ③发生…的，本指标直接计0分 is), so {1: 是, 2: 是, 3: 未发生} answers it. It was read into item 2, whose one
        answer then covered 验收合格 and the veto, and the veto zeroed item 2 only ({1: 是, 2: 发生} → 3). A veto in
        本项's words (②…得3分，未通过验收的本项不得分) stays the item's."""
        if len(built) < 2:
            return built
        last = built[-1]
        clauses = last.rule.clauses
        k = len(clauses)
        while k and isinstance(clauses[k - 1], Veto) and self._names_indicator(clauses[k - 1]):
            k -= 1
        rest = clauses[:k]
        if k == len(clauses) or not any(isinstance(c, (Award, Deduction)) for c in rest):
            return built
        tail = clauses[k:]
        kept = attrs.evolve(last, rule=attrs.evolve(last.rule, clauses=rest))
        vetoes = [Item(last.number + 1 + i, None, Rule((v,)), getattr(v, "span", None)) for i, v in enumerate(tail)]
        return [*built[:-1], kept, *vetoes]

    def _names_indicator(self, v: Any) -> bool:
        if not isinstance(v, Veto) or v.span is None:
            return False
        return self._WHOLE_INDICATOR.search(self.text[v.span[0] : v.span[1]]) is not None

    def composite(self, pre: list[Any], items: list[Any]) -> Node:
        items, each = self._each_item(items)  # 每项各N分: every item those points, so a count answers too (§97)
        items, per_item = self._per_item_closing(items)
        built: list[Item] = []
        shared_clauses: list[Any] = []
        for _, number, clauses, span, mark in items:
            self.use(mark)
            self.in_item = True
            try:
                rule, _ = self.rule(clauses)
            finally:
                self.in_item = False
            points: Decimal | None = rule.stated_weight  # ①…，共2分: the item's points stated
            things = listed_things(rule) if points is None and checklist_hand(rule) is not None else None
            if things is None and points is None:
                # 1.建立管理制度得2分、配备专职人员得2分: different things, each scored (a checklist, domain point 17);
                # the item was worth its first award's 2, so both done scored 2 of 4 (§108)
                things = listed_things(rule)
            if things is not None:
                # 2.提前开展立项的得2分、及时开展融资的得2分，未开展相关工作的视情况扣分: the things add up (§110)
                points = sum((a.outcome.value for a in things if isinstance(a.outcome, Points)), Decimal(0))
            for a in rule.awards if points is None else ():
                if isinstance(a.outcome, Points) and a.outcome.value > 0:
                    points = a.outcome.value
                    break
            built.append(Item(number, points, rule, span))
        if per_item is None and not each and grades_of_one_scale([i.rule for i in built]):
            # （1）优秀得10分；（2）良好得8分…；（4）不合格不得分: grades of one thing, one answer (§121)
            merged, _ = self.rule([*pre, *(c for item in items for c in item[2])])
            return attrs.evolve(merged, source=self.text)
        if per_item is None and not each and (
            bands_of_one_value([i.rule for i in built]) or band_and_steps_of_one_value([i.rule for i in built])
        ):  # fmt: skip
            # （1）达到目标值100%得满分；（2）80%（含）-100%得满分的80%…: bands of one value, one answer (§119)
            merged, _ = self.rule([*pre, *(c for item in items for c in item[2])])
            return attrs.evolve(merged, source=self.text)
        if per_item is None and not each and joint_tiers([i.rule for i in built]):
            # 1、…超过80%…，且效果良好，分别得6分…。2、…不足60%，或效果较差，不得分: tiers of one pair of inputs (§143)
            merged, _ = self.rule([*pre, *(c for item in items for c in item[2])])
            return attrs.evolve(merged, source=self.text)
        for i in built:
            alone = next((c for c in i.rule.awards if isinstance(c.condition, AnyOf)), None)
            if alone is not None and not any(isinstance(c.condition, All) for c in i.rule.awards):
                self.lone_either(alone)  # 或 of two inputs no 且 tier of the items asks for (§143)
        if per_item is not None:
            self._items_each_scored(built, per_item)
        built = self._indicator_veto(built)
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
            merged = Rule(
                notes + _items_listed(last_rule.clauses, len(built)), last_rule.until_exhausted,
                below_zero=last_rule.below_zero,
            )  # fmt: skip
            return attrs.evolve(merged, source=self.text)
        points_each = all(i.points is not None for i in built)  # 1.…扣0.5分（3分）；2.…（3分）: items of their own
        if scored and all(i.rule.deductions and not i.rule.awards for i in built) and not points_each:
            # ①虚列套取扣4-7分 ②依据不合规扣2分…: numbered deductions from the one weight
            distances = [i for i in built if any(d.kind is StepKind.DISTANCE for d in i.rule.deductions)]
            if len(distances) > 1:
                # ①重大隐患整改率达到100%，每低1个百分点扣0.5分；②一般隐患整改率达到95%…: two measured values, one
                # answer applied to both (98% scored 5 of 6; ninth probe B21, semantics §108)
                raise self.error(
                    "two-measures", "几项扣分各从自己的量起算，各需一个实际值；合成一条规则时一个实际值不能同时回答",
                    distances[1].span or (0, len(self.text)), expected=("①…（N分）；②…（M分）",),
                    hint="为每项写明分值（如“（3分）”），各项分别计分",
                )  # fmt: skip
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




def _items_listed(clauses: tuple[Clause, ...], listed: int) -> tuple[Clause, ...]:
    """（1）…；（2）…；（3）…；（4）…。每完成1项得1.5分 (semantics §150): a count-up award per one item closing numbered
    items of words alone counts those items: the text lists that many (its ``items``; at most that many times its
    points, its cap), and a count above it is refused. 共N项 written with it is what the text states and stays."""
    counted = [
        k for k, c in enumerate(clauses)
        if isinstance(c, Deduction) and c.bonus and c.kind is StepKind.EVENTS and c.step is not None
        and c.step.unit == "项" and c.step.value == 1 and isinstance(c.points, Decimal) and c.when is None
        and not c.qualifiers and c.points_max is None
    ]  # fmt: skip
    if len(counted) != 1 or any(isinstance(c, Deduction) for k, c in enumerate(clauses) if k not in counted):
        return clauses
    d = clauses[counted[0]]
    assert isinstance(d, Deduction) and isinstance(d.points, Decimal)
    if d.items is not None or d.cap is not None:
        return clauses  # 共4项 / 最多加6分 written: what the text states
    out = list(clauses)
    out[counted[0]] = attrs.evolve(d, items=Decimal(listed), cap=d.points * listed)
    return tuple(out)


_SELF = words("self_reference")
_HEADINGS = frozenset(words("HEADING"))
_SECTION_HEADINGS = frozenset(words("section_heading"))


def _self_reference(lead: Lead) -> bool:
    """该项 / 本项 / 该指标 as the whole lead of a clause: the indicator itself, no condition (semantics §85)."""
    return len(lead) == 1 and isinstance(lead[0], PText) and lead[0].text.strip() in _SELF


#: a label that is only a comparison of a number of time units (≤260天, 260天以下, 30日以内): no words of its own
_BARE_LIMIT = re.compile(r"[≤≥<>＜＞]?\s*[0-9]+(?:\.[0-9]+)?\s*(?:个)?(?:天|日|工作日|月|年|小时|周)(?:以下|以上|以内|之内|内)?")















def _exact_bands(out: list[Clause], cands: list[tuple[int, Deduction]], subjects: list[str]) -> list[Clause]:
    """Exact delays (§108, §138) or exact counts (§140) as bands: each deduction at N becomes the band at exactly N
    scoring the weight less its points, under the subject given for it."""
    new = list(out)
    for (k, c), subject in zip(cands, subjects, strict=True):
        assert c.step is not None and isinstance(c.points, Decimal)
        at = Edge(c.step, True)
        off = BinOp("-", Var("指标分值"), Num(c.points))
        new[k] = Award(Range(Measure.VALUE, at, at, subject), Formula(off), False, getattr(c, "span", None))
    return new


_RATIO_NAMES = re.compile(r"按(?:照)?实际完成(?P<own>\w+?)占(?P<plan>计划|目标)(?P<planned>\w+?)的比例\w{2}")


def _start_beyond(op: Op, direction: Direction | None, start: Decimal, line: Decimal) -> bool:
    """Whether steps that count from ``start`` deduct values the line before (``op`` ``line``) states as met:
    90%以上 before 低于95%每…扣 (shortfall from above the line), ≤100万元 before 超过90万元每…扣."""
    if op in (Op.GE, Op.GT):
        return direction is Direction.SHORTFALL and start > line
    if op in (Op.LE, Op.LT):
        return direction is Direction.EXCESS and start < line
    return False




def _rate_of_value(name: str, e: object) -> bool:
    """完成率 = 实际完成数/计划数 (×100%): a rate defined as the answer's value over the target, the names read as §12
    reads them; the rate is then what a formula's rate name already means (semantics §127)."""
    if not _is_rate(name) or any(w in name for w in _DERIVED):
        return False
    if isinstance(e, BinOp) and e.op == "*" and isinstance(e.right, Num) and e.right.value in (1, 100):
        e = e.left  # ×100% (a Num of 1: the percent read as its fraction) or ×100
    return (isinstance(e, BinOp) and e.op == "/" and isinstance(e.left, Var) and isinstance(e.right, Var)
            and _side_name(e.left.name) == "value" and _side_name(e.right.name) == "target")  # fmt: skip


def _rate_by_definition(name: str, e: object) -> bool:
    """预算执行率 = 实际支出数/调整后预算数 (×100%): a rate (a name ending in 率, not derived) defined as a ratio of two
    names whose denominator is no name of the answer's value or of the target (semantics §164): in the rate's place
    the formula would have a name nothing defines."""
    if not _is_rate(name) or any(w in name for w in _DERIVED):
        return False
    if isinstance(e, BinOp) and e.op == "*" and isinstance(e.right, Num) and e.right.value in (1, 100):
        e = e.left
    if not (isinstance(e, BinOp) and e.op == "/" and isinstance(e.left, Var) and isinstance(e.right, Var)):
        return False
    return _side_name(e.right.name) is None and not is_weight_name(e.right.name)


def _defined_band(c: Clause, name: str) -> Clause:
    """A band on the deviation, read as the rule's definition of it: relative, both sides (semantics §96)."""
    if isinstance(c, (Award, Veto)) and isinstance(c.condition, Range) and c.condition.measure is Measure.DEVIATION:
        # its subject is the quantity defined (偏差率在5%以内: 在 is no part of it)
        return attrs.evolve(c, condition=attrs.evolve(c.condition, defined=name, subject=""))
    return c

