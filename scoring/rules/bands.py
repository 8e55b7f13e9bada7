"""Bands and what bounds them, read by the assembler (``rules.assembler``, whose base this is).

Tiers put tightest first and the bands no value can reach refused (semantics §1, §77, §95), caps on a tier, a floor on
the score (§102), a cap as a share of the weight (§84), a heading over bands (§102), 或 joining two ranges (§93),
interpolation between two ends (§91), the lines of an excess (§82), 未开展 as a count at 0 (§99) and ratio caps (§96).
The methods work on the assembler's segments and clauses and the state ``_Assembler.rule`` sets up for each rule.
"""

from __future__ import annotations

import itertools
import re
from decimal import Decimal

import attrs

from .checks import RuleChecks
from .lexicon import words
from .lists import _num_text
from .nodes import (
    Award,
    BinOp,
    Clause,
    Condition,
    Deduction,
    Direction,
    Edge,
    Formula,
    FullMarks,
    Label,
    Measure,
    Num,
    Op,
    Points,
    Quantity,
    Range,
    StepKind,
    TargetMet,
    Var,
    Veto,
    Zero,
)
from .phrases import (
    _FLOOR,
    Lead,
    PBareOp,
    PBounded,
    PCmp,
    PRange,
    PStep,
    PText,
    PWord,
    Span,
    TCap,
    TDeduct,
    TFlag,
    _merge,
)
from .shapes import (
    _inside,
    _rank,
    _Segment,
    deducts,
    is_weight_name,
)

#: ＜90%的按区间计分：a heading over the bands after it (semantics §102)
_BAND_HEADINGS = frozenset(words("band_heading"))


#: 或 / 或者 between two comparisons of one measure: a union of their ranges (semantics §93)
_OR_WORDS = ("或", "或者")


#: 未开展 / 没有举办 / 未召开: carrying out, negated, with no object of its own (semantics §99)
_NOT_HELD = re.compile(r"(?:未|没有|未曾|从未)(?:" + "|".join(words("activity")) + r")")


_EVENT_COUNTERS = frozenset(words("event_unit"))


def not_held(text: str) -> bool:
    """未开展 / 没有举办 / 未召开 (and 的): carrying out, negated, with no object of its own (semantics §99)."""
    return _NOT_HELD.fullmatch(text.strip().removesuffix("的")) is not None


def _count_edges(c: Clause) -> list[Edge]:
    """The line of steps on a count (不少于2次，少1次扣2分). Not a band's ends: beside one band (开展1次以上满分，
    未开展不得分) the words are its complement, and 是 answers the band (the seed convention, §92)."""
    if isinstance(c, Deduction) and c.kind is StepKind.DISTANCE and c.start is not None:
        return [c.start]
    return []


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


def _ratio_times_points(expr: object) -> Decimal | None:
    """实际完成值/目标值×10, 完成率×10 (a rate defined in percent: a/b×1×10): a ratio of names (or one name) times a
    number of points, either order; that number, or None."""
    if not (isinstance(expr, BinOp) and expr.op == "*"):
        return None
    sides = (expr.left, expr.right)
    nums = [x for x in sides if isinstance(x, Num)]
    if len(nums) != 1 or nums[0].value <= 0:
        return None
    ratio = expr.right if nums[0] is expr.left else expr.left
    if isinstance(ratio, BinOp) and ratio.op == "*" and isinstance(ratio.right, Num) and ratio.right.value == 1:
        ratio = ratio.left  # 执行率=执行数/预算数×100%: the ×100% of a rate in percent is ×1
    if isinstance(ratio, Var) and not is_weight_name(ratio.name):
        return nums[0].value
    ok = (isinstance(ratio, BinOp) and ratio.op == "/" and isinstance(ratio.left, Var)
          and isinstance(ratio.right, Var) and not is_weight_name(ratio.left.name))  # fmt: skip
    return nums[0].value if ok else None


class BandReader(RuleChecks):
    """The assembler's readings of bands and their bounds."""

    ratio_caps: list[TFlag]  # 超过100%的按100%计 (semantics §96), set per rule by _Assembler.rule

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
        """最低 / 最少 / 保底 (lexicon ``floor``) as the whole lead of a clause: what follows is a floor on the score.
        A ≥ word after it restates the floor (最低不低于0分: 0分 read as a zero, the 不低于 alone; eighth probe F26)."""
        if len(lead) > 1 and isinstance(lead[-1], PBareOp) and lead[-1].op is Op.GE:
            lead = lead[:-1]
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

    _OR_SIDES = ("以上", "以下", "以内", "之内", "更高", "更低", "更多", "更少", "其他", "其它")

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
        tail = lead[-1] if len(lead) > 1 else None
        said = tail.text.lstrip("的，, ") if isinstance(tail, PText) else ""
        word = next((w for w in _OR_WORDS if said.startswith(w)), None)
        rest = said[len(word) :].strip("的，, ") if word is not None else ""
        if at is None and isinstance(tail, PText) and isinstance(lead[-2], cmp) and rest and not rest.startswith(self._OR_SIDES):
            # 满意度低于60%，或发生安全事故的，不得分: words of another condition after a comparison; they were
            # folded into the band's subject and never asked (semantics §132)
            raise self.error(
                "or-unclear", "“或”在区间之后连接了另一个条件（文字），它需要自己的回答，这样写还不能计分", tail.span,
                expected=("完成率75%-85%或93%-100%得3分",),
                hint="把两个条件分成两档分别写明得分，如“满意度低于60%不得分；发生安全事故的不得分”",
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
        if not deds or not all(d.direction is Direction.EXCESS and not d.bonus for d in deds):
            # 任务完成率100%得基本分8分，每超1个百分点加0.5分: a bonus for the excess says more is better, so the base is
            # reached from below (it was read ≤100%: 98% scored the base 8; tenth probe B08)
            return clauses
        out: list[Clause] = []
        for c in clauses:
            if isinstance(c, Award) and isinstance(c.condition, Range):
                r = c.condition
                if r.low is not None and r.high is None and not r.low.stated:
                    c = attrs.evolve(c, condition=attrs.evolve(r, low=None, high=r.low))
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
            ordered = BandReader._tightest_first(list(ladder), falling=above)
            if ordered == ladder:
                return clauses
            it = iter(ordered)
            return [c if (not isinstance(c, Award) or c is rest) else next(it) for c in clauses]
        ranges = [a.condition for a in awards if isinstance(a.condition, Range)]
        if len({(r.measure, r.from_last) for r in ranges}) != 1:
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

    @staticmethod
    def _deviation_point(clauses: list[Clause]) -> list[Clause]:
        """专职网格员控制在4人得满分，每偏离1人扣1分 (semantics §157): a full-marks band on a bare number (no comparison
        written: read as reached, ≥, by default) beside steps of deviation either way (偏离, no side) is that number
        itself: 偏离 counts from a point, on both sides. Read as ≥4, 6 scored full marks and 2 lost two steps."""
        steps = [c for c in clauses if isinstance(c, Deduction) and c.kind is StepKind.DISTANCE
                 and c.measure is Measure.DEVIATION and c.direction is None and c.start is None]  # fmt: skip
        full = [c for c in clauses if isinstance(c, Award) and isinstance(c.outcome, FullMarks)]
        if len(steps) != 1 or len(full) != 1 or not isinstance(full[0].condition, Range):
            return clauses
        cond = full[0].condition
        if cond.measure is not Measure.VALUE or cond.high is not None or cond.low is None or cond.low.stated:
            return clauses
        point = attrs.evolve(cond, high=Edge(cond.low.value, True, False))
        return [attrs.evolve(c, condition=point) if c is full[0] else c for c in clauses]

    def _ratio_caps(self, out: list[Clause]) -> None:
        """超过100%的按100%计 (semantics §96): the ratio of a formula counted at most 100%. Where every formula of the
        rule is that ratio (names only, the value over the target or a rate) times the weight, the formula reaches
        the weight exactly at 100%, so the cap is the clamp at the weight, stated (domain point 6). Beside any
        other formula (完成率×8: the cap would stop it at 8, the clamp at the weight) or none, which quantity is
        counted at 100% and what that does to the score is not written: refused."""
        if not self.ratio_caps:
            return
        formulas = [c.outcome.expr for c in out if isinstance(c, Award) and isinstance(c.outcome, Formula)]
        points = [
            (i, n) for i, c in enumerate(out)
            if isinstance(c, Award) and isinstance(c.outcome, Formula) and c.outcome.cap is None
            and (n := _ratio_times_points(c.outcome.expr)) is not None
        ]  # fmt: skip
        if len(formulas) == 1 and len(points) == 1:
            # 得分=预算执行率×10分，执行率100%以上按100%计 (semantics §123): the ratio counted at most 100% times N
            # points is at most N points, the formula's cap (最高N分, §63)
            i, n = points[0]
            award = out[i]
            assert isinstance(award, Award) and isinstance(award.outcome, Formula)
            out[i] = attrs.evolve(award, outcome=attrs.evolve(award.outcome, cap=n))
            return
        if not formulas or not all(_ratio_times_weight(e) for e in formulas):
            flag = self.ratio_caps[0]
            raise self.error(
                "ratio-cap", f"“{flag.text}”前没有“比值×分值”的公式：不知道是哪个比值按100%计、对得分有何影响",
                flag.span, expected=("得分=实际值/目标值×分值，超过100%的按100%计",),
                hint="把上限写成得分的上限，如“最高不超过指标分值”",
            )  # fmt: skip

