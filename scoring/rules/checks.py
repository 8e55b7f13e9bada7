"""Whole-rule refusals: shapes the assembler reads clause by clause but that, taken together, say
something the rule does not state (crossing bands, the same band twice, several things scored beside
bands, tiers or steps, a checklist beside another clause, an aggregation of other scores, a 按比例
condition that leaves values unscored, a run of (N分) whose dash was lost). Each raises a positioned
RuleSyntaxError; none changes a node. ``RuleChecks`` sits between the clause readers and the assembler."""

from __future__ import annotations

import itertools
import re
from decimal import Decimal

import attrs

from .clauses import ClauseReader
from .lexicon import words
from .nodes import (
    All,
    AnyOf,
    Award,
    ByHand,
    Clause,
    Deduction,
    Direction,
    Edge,
    Formula,
    FullMarks,
    Label,
    Measure,
    Note,
    Op,
    Otherwise,
    Points,
    Proportional,
    Quantity,
    Range,
    ShareOfWeight,
    StepKind,
    TargetMet,
    Veto,
    Zero,
)
from .phrases import Lead, PCmp, PQty, PStep, PText, PWord, Span, TOutcome
from .shapes import (
    _covered_outside,
    _crossing,
    _rank,
    _Segment,
    deducts,
    delay_band,
    exact_delay,
    formula_vars,
    same_axis,
    same_inputs,
)

_DATE_WORDS = ("底", "末", "前", "份", "上旬", "中旬", "下旬", "中", "初")
_SHORT_SUBJECTS = ("未完成", "少完成", "缺", "少", "欠", "差")
_COUNTED_SHORT = ("未完成", "少完成")  # a band on the count not done, in the target's unit (§101)

_BRACKETED_POINTS = re.compile(r"[（(]\s*([0-9]+)\s*分\s*[)）]")


# words before the subject of bands that make a band of it the rule does not write (负增长, 未提高)
_NEGATED_VALUE = ("未", "没有", "无", "不")
#: 增长 / 提高 … ending the subject of bands, and 下降 / 减少 as a worded band of that growth (semantics §102)
_GROWTH = words("growth")
_DECLINE = words("decline")
_WORDED_VALUE = ("负", "零", "正", *_NEGATED_VALUE)


def _holds_zero(r: Range) -> bool:
    """Whether the band takes the value 0 (提高5%以下 does: 未提高, 0 or less, falls in it)."""
    return (r.low is None or r.low.value.value <= 0) and (r.high is None or r.high.value.value >= 0)


def _below(low: Edge, high: Edge) -> bool:
    """Whether a band from ``low`` up takes a value of the band up to ``high`` (both at 0 or its side)."""
    return low.value.value < high.value.value or (low.value.value == high.value.value and low.inclusive and high.inclusive)


def _none_below_zero(bands: list[Range]) -> bool:
    """Whether no band takes a value below 0 (each starts at 0 or above: 增长0-5%)."""
    return bool(bands) and all(b.low is not None and b.low.value.value >= 0 for b in bands)


_FIGURES = re.compile(r"[0-9]+(?:\.[0-9]+)?")


def _first_digit(text: str, span: Span) -> int:
    """Where the first figure of a phrase starts (after its comparison word)."""
    for i in range(span[0], span[1]):
        if text[i].isdigit():
            return i
    return span[0]


def _hand_for_undone(c: Clause) -> bool:
    """未开展相关工作的视情况扣分: a deduction by hand (no range of its own) under a negated condition in words, which
    after a checklist scores the things not done (semantics §110; ``reading.bind.checklist_hand``)."""
    return (isinstance(c, Award) and isinstance(c.outcome, ByHand) and c.outcome.deduct and c.outcome.low is None
            and isinstance(c.condition, Label) and c.condition.negated and not c.condition.parts
            and c.condition.deadline is None)  # fmt: skip

class RuleChecks(ClauseReader):
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

    def _no_unreachable_steps(self, clauses: list[Clause]) -> None:
        """满意度达到90%得满分，每低1%扣1分，低于90%不得分: the steps count the shortfall below 90%, and the zero band
        takes every value below 90%: no value is ever scored by the steps (88% scored 0, the zero band winning). The
        text contradicts itself (the reviewers of the sixth probe, L08): refused. Only where the zero band covers
        every value the steps count, the line they count from being stated (their own 低于N%, or the edge of the
        full-marks band): 低于80%不得分 after steps from 90% leaves 80%-90% to the steps and reads. Semantics §89."""
        for d in clauses:
            if not (isinstance(d, Deduction) and not d.bonus and d.kind is StepKind.DISTANCE):
                continue
            line = self._steps_line(clauses, d)
            if line is None:
                continue
            below, edge = line
            for z in clauses:
                if not (isinstance(z, Award) and isinstance(z.condition, Range) and z.condition.measure is d.measure
                        and (isinstance(z.outcome, Zero) or z.outcome == Points(Decimal(0)))):  # fmt: skip
                    continue
                r = z.condition
                far = r.high if below else r.low  # the zero band is open on the side the steps count
                if (r.low if below else r.high) is not None or far is None or far.value.unit != edge.value.unit:
                    continue
                if (far.value.value >= edge.value.value) if below else (far.value.value <= edge.value.value):
                    shown = self.text[z.span[0] : z.span[1]] if z.span else ""
                    raise self.error(
                        "steps-unreachable",
                        f"扣分步长用不上：步长扣分的每一个值都已落在“{shown}”之中，二者矛盾",
                        z.span or (0, len(self.text)), expected=("低于N%不得分（N低于扣分起点）",),
                        hint="写明不得分的下限，如“每低1%扣1分，低于80%不得分”，或删去步长",
                    )  # fmt: skip

    @staticmethod
    def _steps_line(clauses: list[Clause], d: Deduction) -> tuple[bool, Edge] | None:
        """The side the steps count (True: below) and the edge they count from, where the text states both:
        their own start (低于95%每偏差5%), or the edge of the one one-sided full-marks band (达到90%得满分)."""
        full = [c.condition for c in clauses if isinstance(c, Award) and isinstance(c.outcome, FullMarks)
                and isinstance(c.condition, Range) and c.condition.measure is d.measure]  # fmt: skip
        band = full[0] if len(full) == 1 else None
        if band is not None and (band.low is None) == (band.high is None):
            band = None  # a range (80%-90%得满分) or no edge: steps on both sides may count
        below = {Direction.SHORTFALL: True, Direction.EXCESS: False}.get(d.direction) if d.direction else None
        if below is None and band is not None and d.direction is None:
            below = band.low is not None
        if below is None:
            return None
        if d.start is not None:
            return below, d.start
        if band is None or (band.low if below else band.high) is None:
            return None
        edge = band.low if below else band.high
        assert edge is not None
        return below, edge

    @staticmethod
    def _zero_before_deductions(clauses: list[Clause]) -> list[Clause]:
        """低于95%扣1分，低于80%不得分: a zero band that shares values with a band that deducts, listed before it, is
        tried first: at 79% the rule scores 0 whether the deductions are tiers or add up (it scored 4, the first
        band listed winning). Semantics §83."""
        out = list(clauses)
        for z in [c for c in clauses if isinstance(c, Award) and isinstance(c.condition, Range)
                  and (isinstance(c.outcome, Zero) or c.outcome == Points(Decimal(0)))]:  # fmt: skip
            assert isinstance(z.condition, Range)
            cond = z.condition
            first = next((i for i, c in enumerate(out) if c is z or (
                isinstance(c, Award) and isinstance(c.condition, Range) and deducts(c)
                and c.condition.measure is cond.measure and _share_a_stretch(c.condition, cond))), None)  # fmt: skip
            if first is not None and out[first] is not z:
                out.remove(z)
                out.insert(first, z)
        return out

    def _where(self, part: object, clause: object) -> tuple[int, int]:
        """The span a refusal points at: the condition's, else its clause's, else the whole text."""
        span = getattr(part, "span", None) or getattr(clause, "span", None)
        return span if span is not None else (0, len(self.text))

    def _no_date_bands(self, clauses: list[Clause]) -> None:
        """11月底前完成得满分，12月完成得3分: a month followed by 底/末/前/份/旬 is a date (a deadline),
        not a number of months: read as bands it compared 12 with 11 months, and an answer such as
        12月完成 or 次年1月 scored whatever band it fell in. Refused: how a completion date scores is
        written as steps (每推迟1个月扣N分) or in words (按时完成得满分)."""
        dated = [c.condition for c in clauses if isinstance(c, (Award, Veto))
                 and isinstance(c.condition, (Label, TargetMet)) and c.condition.deadline is not None]  # fmt: skip
        for c in clauses:
            r = getattr(c, "condition", None)
            if not isinstance(r, Range):
                continue
            edge = r.low or r.high
            if dated and edge is not None and edge.value.unit == "月" and not delay_band(r):
                # 11月底前完成得满分，12月完成得3分: beside a deadline (§53, §80) a month is a date too
                raise self.error(
                    "date-band", "这里的月份是日期（期限），不是月数，不能按数值分档", self._where(dated[0], c),
                    expected=("按时完成得满分", "每推迟1个月扣N分"),
                    hint="写成“N月底前完成得满分，每推迟1个月扣N分”，或按是否按时完成计分",
                )  # fmt: skip
            if edge is not None and edge.value.unit == "日" and r.span is not None and re.search(
                rf"(?<![0-9.]){re.escape(format(edge.value.value, 'f'))}\s*日\s*(?:以前|之前|前)", self.text[r.span[0] : r.span[1]]
            ):
                # 每月10日前报送得满分: 10日前 is the 10th of a month, a deadline (it read ≥ 10 days: 12 scored full)
                raise self.error(
                    "date-band", "这里的“日”是日期（期限），不是天数，不能按数值分档", self._where(r, c),
                    expected=("按时报送得满分", "每逾期1天扣N分"),
                    hint="写成“每月10日前报送得满分，每逾期1天扣N分”，或按是否按时报送计分",
                )  # fmt: skip
            if edge is not None and edge.value.unit in ("月", "个月") and r.subject.startswith(_DATE_WORDS):
                raise self.error(
                    "date-band", "这里的月份是日期（期限），不是月数，不能按数值分档", self._where(r, c),
                    expected=("按时完成得满分", "每推迟1个月扣N分"),
                    hint="写成“N月底前完成得满分，每推迟1个月扣N分”，或按是否按时完成计分",
                )  # fmt: skip

    def _shortfall_bands(self, clauses: list[Clause]) -> list[Clause]:
        """未完成5个以上不得分 beside 完成10个村…得满分: a band on what is missing, not on the value done (read as
        a band on the value, 8 done scored 0 (8 ≥ 5) and 4 done kept its steps). Where the words say 未完成 /
        少完成 before a count (not a percentage) and the rest of the rule reads the value done, the band is on
        the shortfall from the target counted in the target's own unit (``Measure.GAP`` in 个: target − actual,
        semantics §101). Other shortfall words (缺, 欠 …) before a count there stay refused: the rule counts one
        quantity two ways and nothing marks which an answer gives."""
        def short(r: object) -> bool:
            edge = (r.low or r.high) if isinstance(r, Range) else None
            return (isinstance(r, Range) and r.measure is Measure.VALUE and "率" not in r.subject and edge is not None
                    and not edge.value.is_percent and r.subject.startswith(_SHORT_SUBJECTS))  # fmt: skip

        done = any(
            (isinstance(c, Award) and isinstance(c.condition, Range) and not short(c.condition))
            or (isinstance(c, Deduction) and c.kind is StepKind.DISTANCE)
            for c in clauses
        )  # the value done is read elsewhere in the rule
        if not done:
            return clauses
        out: list[Clause] = []
        for c in clauses:
            r = getattr(c, "condition", None)
            if isinstance(r, Range) and short(r):
                if not (r.subject.startswith(_COUNTED_SHORT) and isinstance(c, Award)
                        and all(e is None or e.value.unit for e in (r.low, r.high))):  # fmt: skip
                    raise self.error(
                        "shortfall-band", "这一档按未完成（缺少）的数量分档，而其他条款按完成的数量计分",
                        self._where(r, c),
                        expected=("完成N个以下不得分", "未完成N个以上不得分"),
                        hint="改写成按完成数量分档（如“完成5个以下不得分”），或写明实际值填未完成的数量",
                    )  # fmt: skip
                c = attrs.evolve(c, condition=attrs.evolve(r, measure=Measure.GAP))
            out.append(c)
        return out

    def _nothing_after_a_veto(self, clauses: list[Clause]) -> None:
        """发生重大安全事故的，实行一票否决，扣5分 / …，得5分: points with no condition and nothing to count, beside a veto,
        say neither when they apply nor what they count (a base for deductions is another thing: 得10分，每低1%扣1分).
        They were read as a deduction of 5 whenever anything happened, or 5 points always (semantics §108)."""
        if not any(isinstance(c, Veto) for c in clauses):
            return
        counted = any(isinstance(c, Deduction) and c.kind is not StepKind.ONCE for c in clauses)
        for c in clauses:
            # 得分=实际完成数/计划数×分值 beside a veto: a formula is no bare points, it says what it computes (§119)
            bare = (isinstance(c, Deduction) and c.kind is StepKind.ONCE and not c.event and c.when is None) or (
                isinstance(c, Award) and c.condition is None and not counted and not isinstance(c.outcome, Formula)
            )
            if bare:
                raise self.error(
                    "outcome-without-condition", "否决条款之外的这个得分或扣分没有条件：不知道何时适用", self._where(c, c),
                    expected=("条件＋得/扣N分",),
                    hint="写明这一分数的条件（如“发生一般事故的扣2分”），或删去与一票否决重复的分数",
                )  # fmt: skip
    def lone_either(self, c: Award) -> None:
        """或 joining a band to words, read only where 且 tiers ask for the same two inputs (semantics §143)."""
        raise self.error(
            "or-unclear", "“或”在区间之后连接了另一个条件（文字），它需要自己的回答，这样写还不能计分",
            self._where(c.condition, c), expected=("完成率75%-85%或93%-100%得3分",),
            hint="把两个条件分成两档分别写明得分，如“满意度低于60%不得分；发生安全事故的不得分”",
        )  # fmt: skip

    def _no_two_conditions(self, clauses: list[Clause]) -> None:
        """满意度达到90%且投诉率低于1%得满分 / 完成率达到100%且无安全事故得满分: 且 joins a second
        condition to a band, on another quantity or in words. Read as one band, the two comparisons
        made one empty range (95% scored 0) or the words were dropped (100% scored full marks with the
        accident unasked). Now read as an ``All`` of two typed inputs (semantics §100) where the rule is
        those conditions and 否则: each All of the rule names the same inputs in the same order, beside
        it only 否则 / 其他 and points. Anything else with an All is refused; 且 that joins a second
        condition but is not read as one (a veto, a deviation) stays refused. 且 between two comparisons
        on one quantity (大于等于80%且小于90%) is one range and reads."""
        joints = [c for c in clauses if isinstance(c, Award) and isinstance(c.condition, All)]
        alone = next((c for c in clauses if isinstance(c, Award) and isinstance(c.condition, AnyOf)), None)
        if alone is not None and not joints and not self.in_item:
            self.lone_either(alone)
        if joints:
            first = joints[0].condition
            assert isinstance(first, All)
            for c in clauses:
                cond = getattr(c, "condition", None)
                fits = isinstance(c, Award) and isinstance(c.outcome, (FullMarks, Points, ShareOfWeight, Zero)) and (
                    isinstance(cond, Otherwise)
                    or (isinstance(cond, (All, AnyOf)) and same_inputs(first.parts, cond.parts))
                )
                if not fits:
                    names = [p.subject if isinstance(p, Range) else p.text for p in first.parts]
                    raise self.error(
                        "two-conditions",
                        f"“{'”和“'.join(names)}”两个条件同时满足时计分，各按编号回答；这里另有条款"
                        f"（{'不同的两个条件' if isinstance(cond, All) else '另一种条件或计分方式'}），"
                        "不清楚各项回答怎样用于这一条款",
                        self._where(cond, c),
                        expected=("A达到N%且B低于M%得满分，否则不得分",),
                        hint="两个条件同时满足的条款只与“否则/其他情况”连用；其余计分请分成两项（①②）各自计分",
                    )  # fmt: skip
        for c in clauses:
            r = getattr(c, "condition", None)
            if not isinstance(r, Range):
                continue
            for joint in ("并且", "且", "同时"):
                at = r.subject.find(joint)
                if at >= 0 and r.subject[at + len(joint) :].strip("的，, "):
                    # the message names both conditions: each needs its own answer, which is not read yet (§93)
                    where = self._where(r, c)
                    said = self.text[where[0] : where[1]] if where is not None else r.subject
                    left, _, right = said.partition(joint)
                    # 满意度达到90%以上，同时投诉率低于1%的: the first condition closed before the clause (its own lead)
                    before = f"“{left.strip('，, ')}”" if left.strip("，, ") else f"“{joint}”之前的条件"
                    raise self.error(
                        "two-conditions",
                        f"“{joint}”连接了两个条件（{before}和“{right.strip('，, 的')}”），"
                        "各需一个实际值，一个实际值不能同时回答；这两个条件这样写还不能计分（semantics §100）",
                        where, expected=("一个条件一档",),
                        hint="把两个条件分成两项（①②）各自计分，或分成两条规则",
                    )  # fmt: skip
            if r.low is not None and r.high is not None and r.low.value.unit == r.high.value.unit and (
                r.low.value.value > r.high.value.value
                or (r.low.value.value == r.high.value.value and not (r.low.inclusive and r.high.inclusive))
            ):
                # 低于60%、高于120%不得分: two comparisons joined by 、 made one empty range, so the clause never
                # held (100% scored 0 as a gap); joined by 或 they are a union, two bands (semantics §93)
                raise self.error(
                    "two-conditions", "两个条件合成了一个空区间（“、”连接的两个条件不能合成一档）", self._where(r, c),
                    expected=("一个条件一档",), hint="把两个条件分成两档分别写明得分，如“低于60%不得分；高于120%不得分”",
                )  # fmt: skip

    def _no_each_list(self, clauses: list[Clause]) -> None:
        """方案制定、组织实施、检查验收、总结报告各1分: points for each of several things listed, read as one
        worded award (是 scored 1 of 4). Refused: each thing is an answer of its own (written as a
        checklist, 方案制定得1分；组织实施得1分…, it reads, domain point 17)."""
        for c in clauses:
            cond = getattr(c, "condition", None)
            if isinstance(c, Award) and isinstance(cond, Label) and cond.text.rstrip("均都").endswith("各"):
                raise self.error(
                    "each-list", "“各N分”是所列各项分别得分，一个答案不能回答几项",
                    self._where(cond, c),
                    expected=("逐项写明：A得1分；B得1分",),
                    hint="逐项写成“方案制定得1分；组织实施得1分…”，每项按是/否回答",
                )  # fmt: skip

    def _worded_value_bands(self, clauses: list[Clause]) -> list[Clause]:
        """增长5%以下得1分，负增长不得分 / 提高5%以下得3分，未提高不得分 (semantics §102): beside bands on a growth
        (a subject ending in 增长, 提高 … lexicon ``growth``, every edge in one unit), 负增长 and 下降 (lexicon
        ``decline``) are that growth below 0, 未提高 / 没有增长 / 无增长 at most 0: a band, read as one, tried
        before the first band it lies in (the narrower band first, as nested awards are, §1); −3% scored 1 in
        增长5%以下. Left to ``_no_worded_value`` otherwise (零增长, other words)."""
        growing = [
            c.condition for c in clauses
            if isinstance(c, Award) and isinstance(c.condition, Range) and c.condition.subject.endswith(_GROWTH)
        ]  # fmt: skip
        units = {e.value.unit for b in growing for e in (b.low, b.high) if e is not None}
        if not growing or len(units) != 1 or len({b.measure for b in growing}) != 1:
            return clauses
        unit = units.pop()
        out = list(clauses)
        for c in clauses:
            if not isinstance(c, Award) or not isinstance(c.condition, (Label, TargetMet)):
                continue
            cond = c.condition
            text = cond.text.strip().rstrip("的")
            if text in _DECLINE or any(text == "负" + g for g in _GROWTH):
                high = Edge(Quantity(Decimal(0), unit), False)  # 负增长: below 0
            elif any(text == n + g for n in _NEGATED_VALUE for g in _GROWTH):
                high = Edge(Quantity(Decimal(0), unit), True)  # 未提高: not above 0
            else:
                continue
            outer = next((b for b in growing if b.low is None or _below(b.low, high)), None)
            subject = (outer or growing[-1]).subject
            band = attrs.evolve(c, condition=Range(growing[0].measure, None, high, subject, cond.span))
            out.remove(c)
            where = next((i for i, o in enumerate(out) if isinstance(o, Award) and o.condition is outer), None)
            out.insert(where if where is not None else clauses.index(c), band)
        return out

    def _no_worded_value(self, clauses: list[Clause]) -> None:
        """增长5%以下得1分，负增长不得分: a worded award that names the value the bands read (负增长 of 增长)
        with words no band has (负, 零): −3% fell in 增长≤5% and scored 1, the words never reached.
        Refused: the words are a band the rule does not write as one."""
        bands = [c.condition for c in clauses if isinstance(c, Award) and isinstance(c.condition, Range)]
        subjects = {b.subject for b in bands}
        for c in clauses:
            cond = getattr(c, "condition", None)
            if not (isinstance(c, Award) and isinstance(cond, (Label, TargetMet))):
                continue
            for whole in subjects:
                # 负增长 / 零增长 of 增长, and 未提高 / 没有增长 of 提高…增长 (−2% fell in 提高5%以下: 3, not 0); of
                # 营业收入增长 too, the subject's last words (−3% fell in 营业收入增长5%以下 and scored 1)
                subject = next(
                    (whole[k:] for k in range(len(whole) - 1)
                     if cond.text.endswith(whole[k:]) and cond.text[: -len(whole) + k] in ("负", "零")),
                    whole,
                )  # fmt: skip  (only 负/零 + the last words: 未发布 of …上网发布 is the case no band has, as before)
                before = cond.text[: -len(subject)] if cond.text.endswith(subject) else None
                if before in _NEGATED_VALUE and not any(b.subject == whole and _holds_zero(b) for b in bands):
                    continue  # 开展1次以上满分，未开展不得分: 未开展 (0 times) is the value no band has
                if before == "负" and isinstance(c.outcome, Zero) and _none_below_zero(bands):
                    # 增长0-5%得3分，负增长不得分: no band takes a value below 0, so −2% falls in no band and
                    # scores 0, which is what 负增长不得分 says (semantics §91); worded points there still refuse
                    continue
                if len(subject) >= 2 and before in _WORDED_VALUE:
                    raise self.error(
                        "worded-band", f"“{cond.text}”是{subject}的一个区间，规则没有把它写成数值条件",
                        self._where(cond, c),
                        expected=(f"{subject}<0", f"{subject}=0"),
                        hint=f"写成数值条件，如“{subject}低于0不得分”",
                    )  # fmt: skip

    def _one_thing(self, clauses: list[Clause]) -> None:
        """纳入预算安排得1分；计划编制比较完整得3分；…高于决算数的30%得4分: two or more worded awards beside
        bands on a quantity are several things scored (domain point 17), where one number scored one
        band and ignored the rest. Refused, never guessed: adding them up or taking one is the rule
        writer's to say (item marks ①②③ say it). One worded award beside bands (完成得满分；80%-90%得5分)
        is read as before. Known gap: worded awards alone with equal points (印制手册得1分；举办培训班得1分)
        are still read as alternatives (semantics §30)."""
        worded = [
            c for c in clauses
            if isinstance(c, Award) and isinstance(c.condition, Label) and not c.condition.negated
            and isinstance(c.outcome, (Points, FullMarks, ShareOfWeight)) and _rank(c.outcome) > 0
        ]  # fmt: skip
        bands = [c for c in clauses if isinstance(c, Award) and isinstance(c.condition, Range) and _rank(c.outcome) > 0]
        if len(worded) < 2 or not bands:
            return
        raise self.error(
            "several-things", "文字条件的得分与数值分档并列，像是几个事项分别计分，规则无法确定如何合计",
            worded[1].span or (0, len(self.text)), expected=("①…（N分）②…（N分）",),
            hint="分别计分的事项请编号（①②③或1、2、），并写明各自的分值",
        )  # fmt: skip

    def _tier_or_step(self, lead: Lead, ded: Deduction, seen: dict[tuple[str, str], Quantity]) -> None:
        """滞后1个月扣1分，滞后2个月扣2分: deductions written without 每 are per step (domain point 5), but two of
        them on the same thing with different sizes read as tiers as well (2 months late: −2, or −4 as
        two step deductions?). Refused, never guessed: 每 or a range (滞后1-2个月) says which."""
        if ded.step is None or ded.kind is StepKind.ONCE or any(isinstance(p, PStep) for p in lead):
            return
        key = (re.sub(r"[0-9.０-９一二两三四五六七八九十]+", "", ded.event), ded.step.unit)
        before = seen.setdefault(key, ded.step)
        if before != ded.step:
            if exact_delay(ded):
                # 逾期3天的扣1分，逾期7天的扣3分: exact delays may be bands of one delay (semantics §138); the refusal
                # waits for ``Assembler._exact_delays`` to say whether they are read so
                self.deferred_tier_or_step.append(ded.span or (0, len(self.text)))
                return
            raise self.error(
                "tier-or-step", "同一事项写了两个不同的扣分步长，无法确定是分档还是每档累计", ded.span or (0, len(self.text)),
                expected=("每滞后1个月扣1分", "滞后1-2个月扣2分"),
                hint="按步长累计扣分请写“每…扣N分”；分档扣分请写明区间",
            )  # fmt: skip

    def _listed_awards(self, segs: list[_Segment], clauses: list[Clause]) -> None:
        """提前开展立项的得2分、及时开展融资的得2分,未开展相关工作的视情况扣分: 、 right after an award lists
        the next thing scored, so the awards are a checklist (domain point 17), each thing for its points.
        Beside any clause but such awards (a hand score or a zero for the things not done, a deduction),
        which things that clause scores is not written: refused (it was read as levels of one thing)."""
        for prev, seg in itertools.pairwise(segs):
            first = seg.lead[0] if seg.lead else None
            # the 、 leads the next clause's words, or separates it when it follows points (§67: 得2分、及时…)
            listed = isinstance(first, PText) and first.text.startswith("、")
            if first is None or not (listed or self.text[: first.span[0]].rstrip().endswith("分、")):
                continue
            points = [
                t for s in (prev, seg) for t in s.tails if isinstance(t, TOutcome) and isinstance(t.outcome, Points)
            ]
            if len(points) < 2:
                continue  # 优秀(9-10分)、良好(7-8分): levels of one thing, each a range, not things listed
            others = [c for c in clauses if not isinstance(c, Note)
                      and not (isinstance(c, Award) and isinstance(c.outcome, Points))]  # fmt: skip
            if others == [clauses[-1]] and _hand_for_undone(clauses[-1]):
                continue  # 未开展相关工作的视情况扣分: the things not done scored by hand (semantics §110)
            if others:
                raise self.error(
                    "checklist-with-other", "“、”列出的各项分别得分，另一条款对哪些项计分没有写明",
                    (first.span[0], first.span[0] + 1) if listed else (first.span[0] - 1, first.span[0]),
                    expected=("A得2分；B得2分",),
                    hint="分项计分请用①②编号并写明每项未完成时如何计分",
                )  # fmt: skip

    def _no_aggregation(self, clauses: list[Clause]) -> None:
        """年度经营业绩考核得分=指标完成情况考核得分+指标比较情况考核得分: a formula over the scores of other
        indicators (a name ending in 得分) sums other rows; it is no rule on this row's outcome."""
        for c in clauses:
            if isinstance(c, Award) and isinstance(c.outcome, Formula):
                if any(n.endswith("得分") for n in formula_vars(c.outcome.expr)):
                    raise self.error(
                        "aggregation", "公式由其他指标的得分相加而成，不是对本指标实际值的评分规则",
                        c.span or (0, len(self.text)), expected=("得分=完成率×指标分值",),
                        hint="汇总得分请在指标表中相加，不作为一条评分规则",
                    )  # fmt: skip

    def _no_band_twice(self, clauses: list[Clause]) -> None:
        """The same band twice with different points (山区满意度90%以上得10分，其他地区满意度90%以上得8分;
        A行动第一名得40分…B行动第一名得20分): ladders for different subjects or regions under headings
        the rule does not take as an input. The first listed would win, and the others never apply:
        refused, never guessed. The same band twice on one subject (80%以上得8分，80%以上得6分) is a
        contradiction, refused too: which of the two the writer meant is not written."""

        def key(e: Edge | None) -> tuple[Quantity, bool] | None:
            return None if e is None else (e.value, e.inclusive)

        bands = [c for c in clauses if isinstance(c, Award) and isinstance(c.condition, Range)]
        for i, a in enumerate(bands):
            for b in bands[i + 1 :]:
                ra, rb = a.condition, b.condition
                assert isinstance(ra, Range) and isinstance(rb, Range)
                same = same_axis(ra, rb) and key(ra.low) == key(rb.low) and key(ra.high) == key(rb.high)
                if same and a.outcome != b.outcome:
                    raise self.error(
                        "band-twice", "同一个区间给了两个不同的分值", b.span or (0, len(self.text)),
                        expected=("每个区间一个分值",),
                        hint="若是不同地区、不同项目各自的计分档，请分成各自的规则；若是笔误，请改正其中一档",
                    )  # fmt: skip

    def _proportional_conditions(self, conds: list[tuple[Range, Span]], clauses: list[Clause]) -> None:
        """低于95%的按比例得分 beside 95%以上得满分: a condition on a 按比例 clause is read where it restates
        what the bands leave (every value outside it lies in a band, shapes._covered_outside), since the
        evaluator tries the bands first and scores 按比例 where none holds. Anywhere else (no band for
        the values it leaves, a deduction or a worded clause beside it) refused: those values would
        fall to 按比例 against the words. A condition up to a rate of 100% (60%-100%按比例得分) may leave
        what lies above: 按比例 gives full marks there. A veto on a band of the value (低于60%的，记零分，并予以
        一票否决, §31) is a band here: it scores 0 there and the evaluator tries it before anything else (§7, §96)."""
        for cond, span in conds:
            bands = [c.condition for c in clauses if isinstance(c, (Award, Veto)) and isinstance(c.condition, Range)]
            alone = (
                all(
                    isinstance(c, (Note, Proportional))
                    or (isinstance(c, (Award, Veto)) and isinstance(c.condition, Range))
                    for c in clauses
                )
                and sum(isinstance(c, Proportional) for c in clauses) == 1
            )
            # 60%-100%按比例得分: above a rate of 100% 按比例 gives full marks, capped (§8), as no reader doubts
            whole = Quantity(Decimal(100), "%")
            if cond.high is not None and cond.high.value == whole and cond.measure in (Measure.VALUE, Measure.RATIO):
                cond = attrs.evolve(cond, high=None)
            # its edges are the bands' own (低于95% beside 95%以上): a restatement, not a line of its own
            lows = {b.low.value for b in bands if b.low is not None}
            highs = {b.high.value for b in bands if b.high is not None}
            edges = (cond.high is None or cond.high.value in lows) and (cond.low is None or cond.low.value in highs)
            if not (alone and edges and _covered_outside(cond, bands)):
                raise self.error(
                    "proportional-condition", "按比例计分的条件与其他各档不衔接：条件之外的数值没有写怎样计分", span,
                    expected=("95%以上得满分，低于95%的按比例得分",),
                    hint="按比例计分适用于其他各档之外的数值；请写明条件之外如何计分，如“95%以上得满分，低于95%的按比例得分”",
                )  # fmt: skip
            self._proportional_first(cond, clauses)

    @staticmethod
    def _proportional_first(cond: Range, clauses: list[Clause]) -> None:
        """70%（含）-90%（不含）按比例得分，70%以下不得分: the line both claim belongs to the one listed first
        (§1), but the evaluator tries the bands before 按比例 (70% scored 0, sixth probe D23). A band listed
        after the 按比例 clause gives up the shared line it includes: 70%以下 reads < 70%, as the AST shows."""
        at = next(i for i, c in enumerate(clauses) if isinstance(c, Proportional))
        for i in range(at + 1, len(clauses)):
            b = clauses[i]
            if not isinstance(b, Award) or not isinstance(b.condition, Range):
                continue
            r = b.condition
            if cond.low is not None and cond.low.inclusive and r.high is not None and r.high.inclusive and r.high.value == cond.low.value:
                r = attrs.evolve(r, high=attrs.evolve(r.high, inclusive=False))
            if cond.high is not None and cond.high.inclusive and r.low is not None and r.low.inclusive and r.low.value == cond.high.value:
                r = attrs.evolve(r, low=attrs.evolve(r.low, inclusive=False))
            if r is not b.condition:
                clauses[i] = attrs.evolve(b, condition=r)

    def _lost_dash_value(self, segs: list[_Segment]) -> None:
        """补助资金5万元以下的得1分，510万元的得3分，10万元以上的得5分: a bare value of a band whose figures are
        two other lines of the rule run together, the smaller first (5 and 10 → 510), is a range that lost
        its dash (domain point 21): refused, never read (510万 was read as a line of 510万: 8万 scored 0)."""
        figures: list[tuple[str, str, Span, str]] = []  # (figures as written, unit, span, side: bare/upper/lower)
        for seg in segs:
            if not seg.tails:
                continue
            for p in seg.lead:
                if isinstance(p, (PQty, PCmp)):
                    m = _FIGURES.match(self.text, p.span[0] if isinstance(p, PQty) else _first_digit(self.text, p.span))
                    if m:
                        side = "bare" if isinstance(p, PQty) else "upper" if p.op in (Op.LE, Op.LT) else "lower"
                        figures.append((m.group(), p.q.unit, (m.start(), m.end()), side))
        uppers = [f for f, _, _, side in figures if side == "upper" and "." not in f]
        lowers = [f for f, _, _, side in figures if side == "lower" and "." not in f]
        for fig, _unit, span, side in figures:
            if side != "bare" or "." in fig:
                continue
            # the line below which one band ends and the line above which another starts, run together
            for a, b in itertools.product(uppers, lowers):
                if a + b == fig and Decimal(a) < Decimal(b):
                    raise self.error(
                        "lost-dash", f"“{fig}”像是丢失了“-”的区间（{a}-{b}）", span, expected=(f"{a}-{b}",),
                        hint="区间请写成“5-10万元”；规则不会猜测丢失的符号",
                    )  # fmt: skip

    def _lost_dash(self, segs: list[_Segment]) -> None:
        """总资金使用合理规范(5分)…基本合理规范(3分)…不太合理规范(20分) / 实行单独列帐核算(53分)未实行(30分):
        alternatives in words with their points in brackets, where a value of two falling digits (2>0,
        5>3) says a range lost its dash (domain point 21): a later alternative awarding more than the
        first, or a chain of such pairs sharing their ends (5-3, 3-0). A lost dash is not repaired:
        refused (they were read as 20 and as 53, 30 points)."""
        run: list[tuple[Decimal, str, Span]] = []
        for seg in segs:
            if any(not isinstance(p, (PText, PWord)) for p in seg.lead):
                continue
            for t in seg.tails:
                if not (isinstance(t, TOutcome) and isinstance(t.outcome, Points) and self.text[t.span[0]] in "(（"):
                    continue
                m = _BRACKETED_POINTS.fullmatch(self.text, t.span[0], t.span[1])
                if m:
                    run.append((t.outcome.value, m.group(1), m.span(1)))
        if len(run) < 2:
            return

        def falling(d: str) -> bool:
            return len(d) == 2 and d[0] > d[1]

        first = run[0][0]
        for (_, da, _), (value, db, span) in itertools.pairwise(run):
            if (falling(db) and value > first) or (falling(da) and falling(db) and da[1] == db[0]):
                raise self.error(
                    "lost-dash", f"“{db}分”像是丢失了“-”的分值区间（{db[0]}-{db[1]}分）", span,
                    expected=(f"{db[0]}-{db[1]}分",),
                    hint="分值区间请写成“2-0分”；规则不会猜测丢失的符号",
                )  # fmt: skip


def _share_a_stretch(a: Range, b: Range) -> bool:
    """Whether two ranges hold more than one value in common (nested, or crossing), not just an end."""
    def low(r: Range) -> Decimal | None:
        return r.low.value.value if r.low is not None else None

    def high(r: Range) -> Decimal | None:
        return r.high.value.value if r.high is not None else None

    lows = [v for v in (low(a), low(b)) if v is not None]
    highs = [v for v in (high(a), high(b)) if v is not None]
    return not lows or not highs or max(lows) < min(highs)
