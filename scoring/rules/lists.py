"""Lists of items, read by the assembler (``rules.assembler``, whose base this is).

(2分×4项) breakdowns, 每完成1项取得该项分数, lists with 各 / 分别, occurrences counted per period, items stated
first, the sample a survey's value is measured on (semantics §67, §77, §81, §97). The methods work on the
assembler's segments (``shapes._Segment``) and the state ``_Assembler.rule`` sets up for each rule.
"""

from __future__ import annotations

import itertools
import re
from decimal import Decimal
from typing import Any

import attrs

from .checks import RuleChecks
from .clauses import _said
from .nodes import (
    Award,
    Clause,
    Deduction,
    Direction,
    Edge,
    Item,
    Label,
    Note,
    Op,
    Points,
    Quantity,
    Requirement,
    ShareOfRank,
    StepKind,
    Zero,
)
from .phrases import (
    _EVENT_UNITS,
    _MISSED_WORDS,
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
    TOutcome,
    _is_lead,
    _lead_text,
)
from .shapes import (
    EachList,
    _Segment,
    each_lists,
    things_apart,
)


@attrs.define
class _EachTime:
    """Segments read per occurrence (semantics §67): awards for one occurrence, zeros for a missed one."""

    awards: set[int]  # 1次计2.5分: an award for one occurrence, read per occurrence
    missed: set[int]  # 迟报、不报的计0分: a note of the occurrences not counted
    counted: set[int] = attrs.field(factory=set)  # awards per occurrence (1次计 / 每次计), after a schedule


def _num_text(d: Decimal) -> str:
    """A number as written in a message (2, 0.5: no exponent, no trailing zeros)."""
    return format(d.normalize(), "f")


def _one_worded_award(item: Item) -> bool:
    """An item that is one thing done or not: a single worded award of points (建立制度得2分)."""
    scored = [c for c in item.rule.clauses if not isinstance(c, Note) or isinstance(c, Requirement)]
    return (
        len(scored) == 1 and isinstance(scored[0], Award) and isinstance(scored[0].condition, Label)
        and not scored[0].condition.negated and isinstance(scored[0].outcome, Points) and scored[0].outcome.value > 0
    )  # fmt: skip


#: 共5项: how many there are in all, after a count-up award per one of them
_IN_ALL = ("共", "共计", "合计", "总计")
#: 按第1名的比例得分: the scoring words that end it (semantics §109)
_SHARE_VERBS = ("得分", "计分", "赋分", "给分")


# 本指标包括 / 本项共 / 包含: a clause stating how many items there are, before they are scored (semantics §97);
# 本项共包括 / 共包含: 共 (in all) before 包括 says the same count (semantics §135)
_INCLUDES = re.compile(r"(?:本指标|本项指标|本项|该项|此项|该指标|本项目)?(?:共?包括|共?包含|共有|共计|共|含|合计|总计)")
#: 建设内容包括宣传栏、阅览室、活动室、健身场地4项: a subject, 包括/包含 and the names of the items joined by 、, right
#: before their count (semantics §159); a name with 和/及/与 in it (a last item joined otherwise) is not read
_INCLUDES_NAMED = re.compile(r"[^、，,；;：:]{0,12}?(?:共?包括|共?包含)(?P<names>[^、，,；;：:和及与]+(?:、[^、，,；;：:和及与]+)+)")


#: a year's count: 全年4次, 年度不少于4次 (the clause after a frequency that states the year's total)
_YEAR_WORDS = ("全年", "年度", "每年", "一年")


#: periods a year holds, for a frequency restated by the year's count (每季度1次 → 4次): the periods of
#: lexicon ``[words.period]`` with a fixed number in a year (每周, 每天: weeks and working days vary)
_PER_YEAR = {"每季度": 4, "每三个月": 4, "每月": 12, "每半年": 2}


def _periods_per_year(text: str) -> int | None:
    found = {n for w, n in _PER_YEAR.items() if w in text}
    return found.pop() if len(found) == 1 else None


def _per_capita(p: Any) -> bool:
    """每千人 / 每万人口 / 每千名 / 每十万人 in a measure's name: 每 before a round count of people."""
    if not (isinstance(p, PStep) and p.per == "每"):
        return False
    if p.q is None:  # 每万人拥有…: the count of people read as words
        return _lead_text(p.words).startswith(_PER_CAPITA_WORDS)
    return not p.words and p.q.unit in ("人", "名", "户") and p.q.value in (100, 1000, 10000, 100000)


_PER_CAPITA_WORDS = ("百人", "千人", "万人", "十万人", "千名", "万名", "百户", "千户", "万户")


class ListReader(RuleChecks):
    """The assembler's readings of lists and items; the attributes are set per rule by ``_Assembler.rule``."""

    weights: list[tuple[Decimal, Span]]  # 本项满分10分: the weights the text states
    breakdowns: list[TBreakdown]  # (2分×4项): points as each × items (semantics §67)
    per_items: list[TFlag]  # 每完成1项取得该项分数 (semantics §67)
    per_item_rule: TBreakdown | None  # (12分×2项): one rule for each item (semantics §77)
    each_listed: list[EachList]  # A、B、C各1分 (semantics §81)

    def _breakdown(self, b: TBreakdown, tails: list[Tail]) -> None:
        """(8分)(2分×4项,即…): the points just before, broken down as 2 points × 4 items (semantics §67);
        with no points before it, the weight the text states (本项满分8分). The product must be those
        points (breakdown-product). Which deduction counts the items is checked once the rule is read
        (``_breakdown_counted``)."""
        total = b.each * b.count
        before = tails[-1] if tails else None
        if (
            isinstance(before, TOutcome) and isinstance(before.outcome, Points) and not before.bare
            and not self.text[before.span[1] : b.span[0]].strip()
        ):  # fmt: skip
            if before.outcome.value != total:
                raise self.error(
                    "breakdown-product", f"分项分值之积{_num_text(b.each)}×{_num_text(b.count)}与前面的"
                    f"{_num_text(before.outcome.value)}分不一致", b.span,
                    expected=(f"({_num_text(before.outcome.value)}分)(N分×M{b.unit})，N×M相等",),
                    hint="括号里的“每项分值×项数”应等于它前面的分值；规则不猜测哪一个是对的",
                )  # fmt: skip
        else:
            self.weights.append((total, b.span))
        self.use(b)
        self.breakdowns.append(b)

    def _breakdown_counted(self, out: list[Clause]) -> list[Clause]:
        """(2分×4项)…每少一项扣2分: the items of a breakdown are what the deduction counts, from all of
        them (the 4 items stated: its start, 4项). A rule that does not count them (免疫密度(12分×2项)…
        每低一个百分点扣2分: one rule applied to each item) is refused as per-item-rule."""
        for b in self.breakdowns:
            counted = [
                (k, c) for k, c in enumerate(out)
                if isinstance(c, Deduction) and not c.bonus and c.kind is StepKind.DISTANCE
                and c.direction is Direction.SHORTFALL and c.step is not None
                and c.step.unit == b.unit and c.step.value == 1 and c.points == b.each
            ]  # fmt: skip
            of_items = any(
                isinstance(c, Deduction) and c.step is not None and c.step.unit == b.unit for c in out
            )  # 每少一项扣1分: the items are counted (with other points than the breakdown's): no rule per item
            if (not counted and not of_items and len(self.breakdowns) == 1
                    and b.count == b.count.to_integral_value() and 2 <= b.count <= 20):  # fmt: skip
                # 免疫密度(12分×2项,即口蹄疫和禽流感)…每低一个百分点扣2分: one rule applied to each item (§77); build()
                # makes it a composite of that many items of those points, each answered apart
                self.per_item_rule = b
                continue
            if len(counted) != 1:
                raise self.error(
                    "per-item-rule", f"“{_num_text(b.each)}分×{_num_text(b.count)}{b.unit}”的每一{b.unit}"
                    "各按同一规则计分，这种写法还不能读", b.span,
                    expected=(f"每少一{b.unit}扣{_num_text(b.each)}分", f"①…({_num_text(b.each)}分)；②…({_num_text(b.each)}分)"),
                    hint="请把各项分开编号写出（①…(N分)；②…(N分)），每项写明自己的评分规则",
                )  # fmt: skip
            k, d = counted[0]
            if d.start is None:
                out[k] = attrs.evolve(d, start=Edge(Quantity(b.count, b.unit), True))
        return out

    def _per_capita_named(self, seg: _Segment) -> _Segment:
        """每千人口执业医师数达到2.8人 / 每千名老年人拥有养老床位数达到35张: 每 before a round count of people is
        the measure's denominator, words of its name, not a step: the subject keeps them (it read 口医师数) and a
        line after them is read (2.8 was left unread before steps)."""
        if not any(_per_capita(p) for p in seg.lead):
            return seg
        lead = []
        for p in seg.lead:
            if _per_capita(p):
                self.use(p)
                p = PText(self.text[p.span[0] : p.span[1]], p.span)
            lead.append(p)
        return attrs.evolve(seg, lead=tuple(lead))

    def _per_item(self, segs: list[_Segment], out: list[Clause]) -> bool:
        """每完成1项取得该项分数 / 未完成项不得分 / 按实现程度计分 (semantics §67): each item of the checklist
        scores its points when met. Only beside a checklist (two or more things, each for its points, the
        rest notes); elsewhere refused (per-item: which items?). A count of items in a note before the list
        (考查…的5项预期效益指标) must be the number of items listed (item-count)."""
        if not self.per_items:
            return False
        awards = [c for c in out if not isinstance(c, Note) or isinstance(c, Requirement)]
        if len(awards) < 2 or not all(
            isinstance(a, Award) and isinstance(a.condition, Label) and not a.condition.negated
            and isinstance(a.outcome, Points) and a.outcome.value > 0 for a in awards
        ):  # fmt: skip
            flag = self.per_items[0]
            raise self.error(
                "per-item", f"“{flag.text}”旁边没有逐项列出分值的各项，不知道“该项”指哪几项", flag.span,
                expected=("甲事项2分、乙事项2分，每完成1项取得该项分数",),
                hint="把各项及其分值列出（如“制定办法2分、成立小组2分”），再写“每完成1项取得该项分数”",
            )  # fmt: skip
        counts = [
            p for s in segs if not s.tails for p in s.lead
            if isinstance(p, PQty) and not p.points_scale and p.q.unit == "项"
        ]  # fmt: skip
        if len(counts) > 1 or (counts and counts[0].q.value != len(awards)):
            p = counts[-1]
            raise self.error(
                "item-count", f"写明的项数{_num_text(p.q.value)}项与列出的{len(awards)}项不一致", p.span,
                expected=(f"{len(awards)}项",),
                hint="前面写的项数应等于后面逐项列出的项数；规则不猜测哪一个是对的",
            )  # fmt: skip
        self.use(*counts)
        return True

    def _each_lists(self, segs: list[_Segment]) -> tuple[list[_Segment], list[EachList]]:
        """方案制定、组织实施、检查验收各1分 / 建立制度、配备人员，各得1分 / 每项工作各0.5分：建立台账、定期核查
        (semantics §81): points for each of a list are one award per member, written out (方案制定得1分；…);
        the rule is then a checklist whose items each score their points (domain point 17). A 各 before
        points whose members are not clear (one thing, or a member joined by 和/及/或) is refused."""
        out, found, unclear = each_lists(segs, self.text)
        if unclear:
            raise self.error(
                "each-list", "“各N分”是所列各项分别得分，但所列各项不清楚（应以“、”分隔两项以上，最后一项不带“和、及、或”）",
                unclear[0], expected=("A、B、C各1分", "A得1分；B得1分"),
                hint="用“、”列出各项再写“各N分”，或逐项写成“方案制定得1分；组织实施得1分…”",
            )  # fmt: skip
        for e in found:
            self.use(*e.members)
        return out, found

    def _each_listed_alone(self, out: list[Clause]) -> bool:
        """A 各-list is a checklist (每完成1项取得该项分数: each member met scores its points); beside a clause
        that is not an item of the checklist (未完成不得分, a deduction, a band) which items that clause scores
        is not written: refused (each-list)."""
        if not self.each_listed:
            return False
        scored = [c for c in out if not isinstance(c, Note) or isinstance(c, Requirement)]
        checklist = all(
            isinstance(c, Award) and isinstance(c.condition, Label) and not c.condition.negated
            and isinstance(c.outcome, Points) and c.outcome.value > 0 for c in scored
        )  # fmt: skip
        labels = [c.condition.text for c in scored if isinstance(c, Award) and isinstance(c.condition, Label)]
        if not checklist or not things_apart(labels):
            raise self.error(
                "each-list", "“各N分”列出的各项分别得分，另一条款对哪些项计分没有写明", self.each_listed[0].span,
                expected=("A、B、C各1分",),
                hint="分项计分请逐项写明分值（①A(1分)；②B(1分)），未完成的项不得分不必另写",
            )  # fmt: skip
        return True

    def _each_occurrence(self, segs: list[_Segment]) -> _EachTime:
        """1次计2.5分，迟报、不报的计0分 / 每次计2.5分，迟报、不报的计0分 (semantics §67): an award for one
        occurrence (a lead of 1 in a counter, words aside) or per occurrence, right before a zero whose words
        are only missed occurrences (lexicon ``[words.missed_occurrence]``: 迟报, 不报 …). The zero for each
        missed one says the award is for each one met: the award counts up per occurrence (as 每次计2.5分,
        domain point 18), and the zero is a note of the occurrences it does not count. A cap of the award's
        own right after it (报送信息被采用1篇得0.5分，最多得2分) says the same: only points that add up have a
        cap (semantics §81). Without either §62 stands (1次计2.5分 is refused for two or more)."""
        out = _EachTime(set(), set())
        for seg, nxt in itertools.pairwise(segs):
            capped = not nxt.lead and len(nxt.tails) == 1 and isinstance(nxt.tails[0], TCap) and nxt.tails[0].kind in ("any", "bonus")
            if not self._missed_zero(nxt) and not capped:
                continue
            points = [t for t in seg.tails if isinstance(t, TOutcome) and isinstance(t.outcome, Points)]
            counted = [t for t in seg.tails if isinstance(t, TDeduct) and t.bonus and isinstance(t.points, Decimal)]
            qtys = [p for p in seg.lead if isinstance(p, PQty)]
            steps = [p for p in seg.lead if isinstance(p, PStep)]
            once = (
                len(points) == 1 and len(seg.tails) == 1 and not steps and len(qtys) == 1
                and qtys[0].q.value == 1 and qtys[0].q.unit in _EVENT_UNITS and not qtys[0].points_scale
                and all(isinstance(p, (PQty, PText)) for p in seg.lead)
            )  # fmt: skip
            # 每次计2.5分 / 加2.5分/次: already per occurrence (a count-up award or a bonus per event)
            each = len(seg.tails) == 1 and (len(counted) == 1 or (len(points) == 1 and len(steps) == 1))
            if once:
                out.awards.add(id(seg))
            if capped:
                # 报送信息被采用1篇得0.5分，最多得2分: a cap on the award says it accumulates (semantics §81)
                continue
            if once or each:
                out.missed.add(id(nxt))
                out.counted.add(id(seg))
        return out

    def _frequency_totals(self, segs: list[_Segment]) -> None:
        """每季度开展1次督查，全年4次，每少1次扣1分 / 每季度召开一次分析会，全年不少于4次 (semantics §81): a count per
        period (§24) right before a context clause that states the year's count in the same counter restates
        it, when the count per period times the periods of a year is that count (1 × 4 quarters = 4): the
        year's count is the line the steps count from (§13, §65), the frequency is read as its restatement.
        Where they differ (每季度2次，全年4次) which one counts is not written: refused (frequency-total)."""
        for seg, nxt in itertools.pairwise(segs):
            if seg.tails or nxt.tails:
                continue
            freq = self.frequency(seg.lead)
            per_year = _periods_per_year(self.text[seg.span[0] : seg.span[1]])
            counts = [p for p in freq if isinstance(p, (PQty, PCmp))]
            if len(freq) != 1 or len(counts) != 1 or per_year is None:
                continue
            total = [p for p in nxt.lead if isinstance(p, (PQty, PCmp, PRange, PBounded, PStep, PBareOp))]
            words = "".join(p.text for p in nxt.lead if isinstance(p, PText))
            if (
                len(total) != 1 or not isinstance(total[0], (PQty, PCmp)) or not words.startswith(_YEAR_WORDS)
                or total[0].q.unit != counts[0].q.unit
                or (isinstance(total[0], PCmp) and total[0].op not in (Op.GE, Op.EQ))
            ):  # fmt: skip
                continue
            if counts[0].q.value * per_year != total[0].q.value:
                raise self.error(
                    "frequency-total", f"频次（{self.text[seg.span[0] : seg.span[1]].strip()}）折合全年"
                    f"{_num_text(counts[0].q.value * per_year)}{counts[0].q.unit}，与写明的全年"
                    f"{_num_text(total[0].q.value)}{total[0].q.unit}不一致", total[0].span,
                    expected=(f"全年{_num_text(counts[0].q.value * per_year)}{counts[0].q.unit}",),
                    hint="频次与全年次数应一致；规则不猜测以哪一个为准",
                )  # fmt: skip
            self.use(counts[0])

    def _items_in_all(self, segs: list[_Segment]) -> list[_Segment]:
        """每完成1项规定任务得1分，共5项 (semantics §81): a count-up award per one of a counter (domain point 18)
        followed by a clause of 共/共计/合计 and a count in that counter alone states how many there are in all:
        the award reaches at most that many times its points (5 × 1 = 5), read as its cap (最多加5分)."""
        segs = self._items_stated_first(segs)
        out: list[_Segment] = []
        for k, seg in enumerate(segs):
            prev = out[-1] if out else None
            if (
                k > 0 and prev is segs[k - 1] and not seg.tails and len(seg.lead) == 2
                and isinstance(seg.lead[0], PText) and seg.lead[0].text.strip() in _IN_ALL
                and isinstance(seg.lead[1], PQty) and not seg.lead[1].points_scale
            ):  # fmt: skip
                count = seg.lead[1]
                steps = [p for p in prev.lead if isinstance(p, PStep)]
                points = [t for t in prev.tails if isinstance(t, TOutcome) and isinstance(t.outcome, Points)]
                if (
                    len(steps) == 1 and steps[0].per == "每" and steps[0].q is not None and steps[0].q.value == 1
                    and steps[0].q.unit == count.q.unit and len(points) == 1 and len(prev.tails) == 1
                ):  # fmt: skip
                    assert isinstance(points[0].outcome, Points)
                    self.use(seg.lead[0])
                    cap = TCap(points[0].outcome.value * count.q.value, count.span, "bonus", count.q.value)
                    out.append(_Segment((), [cap], seg.span))
                    continue
            out.append(seg)
        return out

    def _items_stated_first(self, segs: list[_Segment]) -> list[_Segment]:
        """本指标包括5项重点工作，每完成1项得2分 (semantics §97): a context clause of (本指标/本项…) 包括/包含/共 and a
        count in a counter, words after it at most, right before a count-up award per one of that counter (domain
        point 18) with nothing else in it, states how many there are in all, as 共5项 after the award does
        (``_items_in_all``): the award reaches at most that many times its points (5 × 2 = 10), read as its cap.
        The clause is moved after the award, where the cap it states binds."""
        out: list[_Segment] = []
        k = 0
        while k < len(segs):
            seg = segs[k]
            nxt = segs[k + 1] if k + 1 < len(segs) else None
            named = (
                _INCLUDES_NAMED.fullmatch(seg.lead[0].text.strip())
                if len(seg.lead) == 2 and isinstance(seg.lead[0], PText) else None
            )  # fmt: skip
            if (
                nxt is not None and not seg.tails and len(seg.lead) in (2, 3)
                and isinstance(seg.lead[0], PText)
                and (_INCLUDES.fullmatch(seg.lead[0].text.strip()) or named is not None)
                and isinstance(seg.lead[1], PQty) and not seg.lead[1].points_scale and not seg.lead[1].pp
                and seg.lead[1].q.unit in _EVENT_UNITS and seg.lead[1].q.value > 0
                and seg.lead[1].q.value == seg.lead[1].q.value.to_integral_value()
                and all(isinstance(p, PText) for p in seg.lead[2:])
                and self._counts_up_per_one(nxt, seg.lead[1].q.unit) is not None
            ):  # fmt: skip
                count = seg.lead[1]
                points = self._counts_up_per_one(nxt, count.q.unit)
                assert points is not None
                if named is not None and len(names := named["names"].split("、")) != count.q.value:
                    raise self.error(
                        "items-count", f"列出了{len(names)}项（{'、'.join(names)}），写明的却是"
                        f"{_num_text(count.q.value)}{count.q.unit}", count.span,
                        expected=(f"{len(names)}{count.q.unit}",),
                        hint="列出的项目数应与写明的项数一致；规则不猜测以哪一个为准",
                    )  # fmt: skip
                self.use(seg.lead[0])
                out.append(nxt)
                out.append(_Segment((), [TCap(points * count.q.value, count.span, "bonus", count.q.value)], seg.span))
                k += 2
                continue
            out.append(seg)
            k += 1
        return out

    @staticmethod
    def _counts_up_per_one(seg: _Segment, unit: str) -> Decimal | None:
        """The points of a count-up award per one of ``unit`` (每完成1项得2分) that is the whole segment, or None."""
        steps = [p for p in seg.lead if isinstance(p, PStep)]
        if not (
            len(seg.tails) == 1 and isinstance(seg.tails[0], TOutcome) and isinstance(seg.tails[0].outcome, Points)
            and not seg.tails[0].veto and len(steps) == 1 and steps[0].per == "每" and steps[0].q is not None
            and steps[0].q.value == 1 and steps[0].q.unit == unit and isinstance(seg.lead[0], PStep)
            and all(isinstance(p, PText) for p in seg.lead[1:])
        ):  # fmt: skip
            return None
        return seg.tails[0].outcome.value

    def _each_counted(self, segs: list[_Segment]) -> dict[int, Requirement]:
        """全年组织培训不少于2次，每次参训人数不少于50人，每少1次扣1分 (semantics §81): a context clause of 每 + the
        counter of the shortfall steps (每次, 每场) and one comparison in another unit, between a context line in
        that counter and the steps, says what each occurrence counted must meet: a Requirement (its number a term,
        never a line), and the line before it stays the start of the steps (2次: 1 held → 1 short)."""
        out: dict[int, Requirement] = {}
        for line, seg, steps in zip(segs, segs[1:], segs[2:], strict=False):
            if line.tails or seg.tails or len(seg.lead) != 2:
                continue
            per, cmp = seg.lead
            edge = self._context_edge(line.lead)
            down = [p for p in steps.lead if isinstance(p, PStep) and p.q is not None]
            if not (
                isinstance(per, PStep) and per.per == "每" and per.q is None and per.words
                and isinstance(cmp, (PCmp, PQty)) and isinstance(edge, PCmp) and edge.q.unit in _EVENT_UNITS
                and len(down) == 1 and down[0].q is not None and down[0].q.unit == edge.q.unit
                and per.words[0].text.startswith(edge.q.unit) and cmp.q.unit != edge.q.unit
                and any(isinstance(t, TDeduct) and not t.bonus for t in steps.tails)
            ):  # fmt: skip
                continue
            text = self.text[seg.span[0] : seg.span[1]].strip()
            out[id(seg)] = Requirement(text, seg.span, (cmp.q,))
        for seg, nxt in itertools.pairwise(segs):
            if self._how_measured(seg, nxt, segs):
                # 满意度调查样本量不少于200份，满意度≥90%得满分: how the scored value must be measured
                out[id(seg)] = Requirement(self.text[seg.span[0] : seg.span[1]].strip(), seg.span, (seg.lead[1].q,))
        return out

    def _each_item(self, items: list[Any]) -> tuple[list[Any], bool]:
        """(1)有独立的办公场所;(2)办公设备齐全;…(4)有…队伍每项各2.5分 (dev-158): points for each item, written
        once at the end of the last. The items are things scored (domain point 17: 每项 means per item),
        so each item's words become an award of those points, as if written `(1)有独立的办公场所得2.5分`.
        Only where no item scores on its own (its lead alone: words, or a line such as 合格率100%, read as
        the award written out would be): an item with points, a step or a zero of its own (which points
        does it score?) is refused (`each-item`), as is the phrase anywhere but closing the list. Returns the
        items and whether the phrase was read: every item then worth the same, the count of items met answers
        the list too, as 每完成1项取得该项分数 says (semantics §97)."""
        flags = [
            (k, j, p)
            for k, (_, _, clauses, _, _) in enumerate(items)
            for j, (_, parts, _) in enumerate(clauses)
            for p in parts
            if isinstance(p, TFlag) and p.kind == "each_item"
        ]
        if not flags:
            return items, False
        k, j, flag = flags[0]
        last_clauses = items[-1][2]
        closing = (
            len(flags) == 1
            and k == len(items) - 1
            and j == len(last_clauses) - 1
            and last_clauses[j][1][-1] is flag
            and all(_is_lead(p) for p in last_clauses[j][1][:-1])
        )
        leads_alone = all(
            _is_lead(p) or p is flag for _, _, clauses, _, _ in items for _, parts, _ in clauses for p in parts
        )
        if not closing or not leads_alone:
            raise self.error(
                "each-item", "“每项各N分”只能放在逐项列出的最后一项末尾，且各项自身不另写分数", flag.span,
                expected=("(1)…;(2)…每项各N分",),
                hint="要么逐项写分数（(1)…得2分;(2)…得2分），要么各项只写要求、最后写“每项各N分”",
            )  # fmt: skip
        self.use(flag)
        m = re.search(r"[0-9]+(?:\.[0-9]+)?", self.text[flag.span[0] : flag.span[1]])
        assert m is not None
        award = TOutcome(Points(Decimal(m.group())), flag.span)
        out = []
        for kind, number, clauses, span, mark in items:
            kept = [(ck, [p for p in parts if p is not flag], cs) for ck, parts, cs in clauses]
            kept = [c for c in kept if c[1]]
            out.append((kind, number, [*kept, ("scored", [award], flag.span)], span, mark))
        return out, True

    def _per_item_closing(self, items: list[Any]) -> tuple[list[Any], TFlag | None]:
        """①健全绩效管理制度（1分）；…④评价结果应用（1分）。每完成1项取得该项分数 (semantics §81): the per-item
        phrase as the last item's closing clause says how the numbered items score (each met, its points),
        which is how a composite of such items scores anyway: it is taken off the last item (whose own rule
        it does not belong to) and checked once the items are read (``_items_each_scored``)."""
        if not items:
            return items, None
        kind, number, clauses, span, mark = items[-1]
        if len(clauses) < 2:
            return items, None
        parts = clauses[-1][1]
        if len(parts) != 1 or not (isinstance(parts[0], TFlag) and parts[0].kind == "per_item"):
            return items, None
        flag = parts[0]
        self.use(flag)
        return [*items[:-1], (kind, number, clauses[:-1], span, mark)], flag

    def _items_each_scored(self, built: list[Item], flag: TFlag) -> None:
        """每完成1项取得该项分数 after numbered items: each item must be a thing scored for its points, met or
        not (one worded award of points); beside an item with a band, a step or a zero (which points does
        a met item take?) it is refused (per-item)."""
        for i in built:
            if not _one_worded_award(i):
                raise self.error(
                    "per-item", f"“{flag.text}”要求各项只写所做的事及其分值，第{i.number}项另有计分方式", flag.span,
                    expected=("①甲事项（1分）；②乙事项（2分）。每完成1项取得该项分数",),
                    hint="各项只写要求及分值；另有扣分或分档的项请分开写明",
                )  # fmt: skip

    def _item_note(self, item: Item) -> Note:
        span = item.span or (0, 0)
        return Note(self.text[span[0] : span[1]].strip(), item.span)

    def _share_of_a_rank(self, segs: list[_Segment]) -> list[_Segment]:
        """第2-5名按第1名的比例得分 (dev-040, semantics §109): the points of a rank as a share of what rank 1 scores, by the
        ratio of this one's value (of what the ranking is by) to the first's: the clause's outcome (ShareOfRank), read
        from 按第N名 + 的比例 + a scoring word (得分/计分/赋分/给分) ending the clause, after a band of ranks. Anything
        else beside 按第N名的比例 (words after the scoring word, a clause with points of its own, no band of ranks before
        it) is refused (rank-proportion) with what it would need."""
        out: list[_Segment] = []
        for seg in segs:
            hit = None
            for n, (a, q, b) in enumerate(zip(seg.lead, seg.lead[1:], seg.lead[2:], strict=False)):
                if (
                    isinstance(a, PText) and a.text.endswith("按第") and isinstance(q, PQty) and q.q.unit in ("名", "位")
                    and isinstance(b, PText) and b.text.startswith(("的比例", "比例"))
                ):  # fmt: skip
                    hit = (n, a, q, b)
            if hit is None:
                out.append(seg)
                continue
            n, a, q, b = hit
            verb = b.text.removeprefix("的").removeprefix("比例")
            # the rank whose points are shared must have a band of its own with points (第1名得6分)
            named = any(
                s.tails and isinstance(s.tails[0], TOutcome) and (r := self.rank(s.lead)) is not None
                and r.q.value == q.q.value
                for s in segs
            )  # fmt: skip
            ranks = [p for p in seg.lead[:n] if isinstance(p, (PQty, PRange))]
            if (
                verb not in _SHARE_VERBS or seg.tails or n + 3 != len(seg.lead) or a.text != "按第" or not named
                or len(ranks) != 1 or q.q.value < 1 or q.q.value % 1 != 0
            ):  # fmt: skip
                raise self.error(
                    "rank-proportion", f"“按第{q.q.value}名的比例”计分要用本单位和第{q.q.value}名的排名依据数值"
                    "，只读“第M-N名按第1名的比例得分”这一写法",
                    (a.span[1] - 2, b.span[0] + 3), expected=("第2-5名按第1名的比例得分",),
                    hint="请写明按什么数值的比例（如完成值、得分），或按名次分档写明分数",
                )  # fmt: skip
            self.use(a, q, b)
            outcome = TOutcome(ShareOfRank(q.q.value), (a.span[0], b.span[1]))
            out.append(_Segment(seg.lead[:n], [outcome], seg.span))
        return out

    def _how_measured(self, seg: _Segment, nxt: _Segment, segs: list[_Segment]) -> bool:
        """满意度调查样本量不少于200份，满意度≥90%得满分，每低1%扣1分 (semantics §81): a context clause of words and one
        comparison in a counter that no other number of the rule is in, right before a band of its own outcome, says
        how the value scored is measured (a survey's sample): a Requirement, never a band or a start."""
        if seg.tails or len(seg.lead) != 2 or not isinstance(seg.lead[0], PText) or not isinstance(seg.lead[1], PCmp):
            return False
        cmp = seg.lead[1]
        if cmp.q.is_percent or cmp.q.unit not in _EVENT_UNITS or cmp.op not in (Op.GE, Op.GT):
            return False
        if not any(isinstance(t, TOutcome) for t in nxt.tails) or not any(isinstance(p, (PCmp, PRange)) for p in nxt.lead):
            return False
        others = [q for s in segs if s is not seg for p in s.lead for q in _said(p) if q is not None]
        others += [p.q for s in segs if s is not seg for p in s.lead if isinstance(p, PStep) and p.q is not None]
        return bool(others) and all(q.unit != cmp.q.unit for q in others)

    def _missed_zero(self, seg: _Segment) -> bool:
        """迟报、不报的计0分: a zero (not a veto) whose words are only missed occurrences."""
        if len(seg.tails) != 1 or not seg.lead or not all(isinstance(p, (PText, PWord)) for p in seg.lead):
            return False
        t = seg.tails[0]
        if not (isinstance(t, TOutcome) and isinstance(t.outcome, Zero) and not t.veto):
            return False
        said = self.text[seg.lead[0].span[0] : seg.lead[-1].span[1]].strip().removesuffix("的")
        words = re.split(r"[、和或及]", said)
        return all(w in _MISSED_WORDS for w in words)

