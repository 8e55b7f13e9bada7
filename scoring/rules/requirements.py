"""Requirements and deadlines, read by the assembler (``rules.assembler``, whose base this is).

Context clauses that state what an occurrence must meet (a schedule, a standard, a plan the steps count from), the
deadlines the words give (successive, monthly, in brackets), as-of dates and bands on a month (semantics §53, §56, §80,
§82, §88, §94). The methods work on the assembler's clauses and the leads ``_Assembler.rule`` keeps for them.
"""

from __future__ import annotations

import calendar
import itertools
import re
from decimal import Decimal

import attrs

from .checks import _DATE_WORDS, RuleChecks
from .clauses import _said
from .lexicon import words
from .nodes import (
    Award,
    Clause,
    Deduction,
    Direction,
    Edge,
    FullMarks,
    Label,
    Measure,
    MonthDay,
    Note,
    Op,
    PercentBasis,
    Points,
    Quantity,
    Range,
    Requirement,
    StepKind,
    TargetMet,
    Veto,
    Zero,
)
from .phrases import (
    _AS_OF_WORDS,
    _BUDGET_WORDS,
    _EXCESS_WORDS,
    _FAILED_WORDS,
    _NEGATIONS,
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
    _lead_text,
)
from .shapes import (
    delay_band,
    ties_to_target,
)

#: what may close the date an as-of word (截至, 截止 …) begins (semantics §79)
_AS_OF_END = frozenset(("底", "末", "止", "时"))
_BUDGET_ARRANGED = words("budget_arranged")
_WITHIN_BUDGET = tuple(sorted(words("within_budget"), key=len, reverse=True))
_OVER_BUDGET = tuple(sorted(words("over_budget"), key=len, reverse=True))


_SCHEDULE_JOINS = ("、", "和", "，", ",")
# the words naming what each period must reach (应完成任务比例为, 目标为, 计划完成进度为): a task, a target, a plan
_SCHEDULE_WORDS = ("任务", "目标", "计划", "进度", "完成")


def _budget_band(text: str, q: Quantity, span: Span | None) -> Range | None:
    """实际支出不超过预算 → 实际支出 ≤ q; 超支 → > q (the budget a note stated, semantics §105); None for other words."""
    for w in _WITHIN_BUDGET:
        if text.endswith(w):
            return Range(Measure.VALUE, None, Edge(q, True), text[: -len(w)].strip(), span=span)
    for w in _OVER_BUDGET:
        if text.endswith(w):
            return Range(Measure.VALUE, Edge(q, False), None, text[: -len(w)].strip(), span=span)
    return None


#: 9月1日开学前: the name of an event (words only) and 前 right after a date (semantics §128)
_EVENT_BEFORE = re.compile(r"^\s*[\u4e00-\u9fff]{1,6}?(?:之前|以前|前)")
_ONWARD = words("onward")  # 10月及以后: from that month on, the month included (semantics §104)


#: 实际招生达到计划人数 / 完成计划任务 (semantics §123): reaching what the plan line before it states, its subject first
_REACHES_PLAN = re.compile(r"^(?P<subject>.*?)(?:达到|完成|实现)(?P<plan>计划|目标)(?:数|人数|数量|任务|任务数|规模|要求)?的?$")


def _standard_opening(before: str) -> str | None:
    """The words of a standard's note before its number: the subject and 以 (满意度以), or 以 and whose level (以上年水平,
    closed by 水平); the subject, or None when they are not such words."""
    if before.endswith("以"):
        return before[: -len("以")]
    m = re.match(r"^(?P<subject>[^以]*)以(?P<level>[^以0-9]+水平)$", before)
    return m.group("subject") if m else None


def _reaches_plan(text: str, plan_line: str) -> bool:
    """A worded award of reaching the plan the context clause before states (年度招生计划1200人，实际招生达到计划人数得满分):
    its words reach 计划 (or 目标) where the plan line names the same word, with no negation in its subject."""
    m = _REACHES_PLAN.match(text.strip())
    if m is None or m.group("plan") not in plan_line:
        return False
    return not any(w in m.group("subject") for w in ("未", "不", "没", "无"))


class RequirementReader(RuleChecks):
    """The assembler's readings of requirements and deadlines."""

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
            if numeric and (
                self._counts_failures(result, j, result[numeric[-1]].span)
                or (numeric == [j - 1] and self._failed_limit(leads[id(result[j - 1])], result, j))
            ):
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
            if k + 2 < len(result) and (
                self._failure_words(nxt, leads) or self._delay_announced(nxt, result[k + 2], leads)
            ):
                # 应于5月31日前储备到位，未按时储备到位的，每逾期1天扣0.2分: the failure said in words of its own between
                # the requirement and its steps names what the steps count (semantics §113); it stays a note.
                # 未按时完成的按延期天数扣分，每延期1天扣0.05分: so does the announcement that the deduction goes by
                # how late (semantics §123)
                nxt = result[k + 2]
            elif k + 2 < len(result) and self._early_bonus(nxt):
                # 计划2025年10月底前完工，每提前1个月完成加0.5分…；每延后1个月扣1分: the steps of time early before the
                # steps of time late count from the same deadline, the other sign of how late (semantics §130)
                nxt = result[k + 2]
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
            deadline = self.deadline(lead, yearless=True, february=True)
            if deadline is None and not late_band and (event := self._event_day(lead)):
                # 教材须在9月1日开学前发放到位，每推迟1天扣0.5分: the day of an event named right after it (semantics §128);
                # whether that day itself is on time is not said, so the requirement keeps no date to compare a
                # date with: the answer is how late (a date answered is refused)
                self.use(*event)
                result[k] = Requirement(text, c.span, tuple(q for p in event for q in _said(p)))
                continue
            if deadline is None:
                continue
            terms = tuple(q for p in lead for q in _said(p))
            result[k] = Requirement(text, c.span, terms, deadline)
        self._no_delay_cutoff(result)
        return result

    @staticmethod
    def _early_bonus(c: Clause) -> bool:
        """每提前1个月完成加0.5分: a bonus stepped per unit of time early (lexicon ``early``, semantics §130)."""
        return (
            isinstance(c, Deduction) and c.kind is StepKind.EVENTS and c.bonus and c.step is not None
            and c.step.unit in _TIME_UNITS and c.event.startswith(words("early"))
        )  # fmt: skip

    def _event_day(self, lead: Lead) -> list[PQty]:
        """在9月1日开学前 / 于2025年3月1日春节前: a date (month and day, its year optional) the lead's only numbers, then
        the name of an event (up to 6 characters of words, no number or mark) and 前/之前/以前 (semantics §128):
        the day the event falls on. [] otherwise."""
        qtys = [p for p in lead if isinstance(p, PQty)]
        if any(not isinstance(p, (PQty, PText)) for p in lead):
            return []
        units = tuple(p.q.unit for p in qtys)
        if units not in (("月", "日"), ("年", "月", "日")) or any(p.q.value != int(p.q.value) for p in qtys):
            return []
        if any(self.text[a.span[1] : b.span[0]].strip() for a, b in itertools.pairwise(qtys)):
            return []
        if self.text[: qtys[0].span[0]].rstrip().endswith(("第", "每", "前")):
            return []
        month, day = int(qtys[-2].q.value), int(qtys[-1].q.value)
        if not 1 <= month <= 12 or not 1 <= day <= (calendar.monthrange(2001, month)[1] if month != 2 else 29):
            return []
        if len(qtys) == 3 and not 1949 <= qtys[0].q.value <= 2100:
            return []
        if _EVENT_BEFORE.match(self.text[qtys[-1].span[1] :]) is None:
            return []
        return qtys

    def _failure_words(self, c: Clause, leads: dict[int, Lead]) -> bool:
        """未按时储备到位的 / 未按期完成的: a context clause of words alone (no number) opening with a word of the
        lexicon's ``failed_requirement`` and closed by 的, the failure to meet the requirement before it (§113)."""
        if not (isinstance(c, Note) and not isinstance(c, Requirement) and id(c) in leads and c.span is not None):
            return False
        if any(not isinstance(p, PText) for p in leads[id(c)]):
            return False
        text = self.text[c.span[0] : c.span[1]].strip().rstrip("，,；;")
        return text.startswith(_FAILED_WORDS) and text.endswith("的")

    def _delay_announced(self, c: Clause, steps: Clause, leads: dict[int, Lead]) -> bool:
        """未按时完成的按延期天数扣分 / 按逾期天数扣分: a context clause of words alone (its 扣分 announcing the steps
        right after it, §22) saying the deduction goes by how late — 按, a delay word (lexicon ``delay``) and the
        count it is measured in (天数, 日数 for steps in days; 月数 for steps in months; 时长 or 时间 for any) —
        after the failure in words (lexicon ``failed_requirement`` … 的) or alone (semantics §123). The steps after it
        must count a delay too, per that unit of time."""
        if not (isinstance(c, Note) and not isinstance(c, Requirement) and id(c) in leads and c.span is not None):
            return False
        if any(not isinstance(p, PText) for p in leads[id(c)]):
            return False
        if not (isinstance(steps, Deduction) and steps.kind is StepKind.EVENTS and steps.step is not None):
            return False
        text = self.text[c.span[0] : c.span[1]].strip().rstrip("，,；;")
        if text.startswith(_FAILED_WORDS) and "的" in text:
            text = text[text.index("的") + 1 :]
        if not (text.startswith("按") and text.endswith("扣分")):
            return False
        said = text[1:-2]
        delay = next((w for w in words("delay") if said.startswith(w)), None)
        if delay is None or not steps.event.startswith(words("delay")):
            return False
        count = said[len(delay) :]
        unit = steps.step.unit
        return (
            count in ("时长", "时间")
            or (count in ("天数", "日数") and unit in ("天", "日", "个工作日", "工作日"))
            or (count == "月数" and unit in ("月", "个月"))
        )

    def _no_delay_cutoff(self, clauses: list[Clause]) -> None:
        """2025年6月底前完成招标，每滞后一个月扣0.5分；年底前仍未完成招标的不得分: steps per unit of time late after a
        requirement, then a negated clause at a later deadline (年底前仍未完成). How late and whether past that cutoff
        are one answer, which no node reads yet; as a 是/否 of its own the negated clause scored 0 for 否 (done by
        年底) and kept the steps for 是 (semantics §104). Refused."""
        steps = any(
            isinstance(c, Requirement) and isinstance(d, Deduction) and d.kind is StepKind.EVENTS and d.step is not None
            and d.step.unit in _TIME_UNITS and d.event.startswith(words("delay"))
            for c, d in itertools.pairwise(clauses)
        )  # fmt: skip
        if not steps:
            return
        for c in clauses:
            if (
                isinstance(c, Award) and isinstance(c.condition, (TargetMet, Label)) and c.condition.negated
                and any(w in c.condition.text for w in ("前", "底", "末"))
            ):  # fmt: skip
                span = c.condition.span or c.span or (0, len(self.text))
                raise self.error("delay-cutoff", "按逾期时长扣分之后又写了一个截止期限（如“年底前仍未完成不得分”），"
                                 "逾期多久与是否超过这个期限要由同一个答案判断，暂不支持", span,
                                 expected=("每滞后1个月扣N分，最多扣M分", "逾期N个月以上不得分"),
                                 hint="把截止期限写成逾期时长，如“滞后6个月以上不得分”")  # fmt: skip

    def _monthly_deadline(self, lead: Lead) -> PQty | None:
        """每月10日前 / 每月5号以前: the one number of a context clause, a day of the month right after 每月 and
        before a word of by (前, 以前, 之前): a deadline that comes back every month (§94)."""
        numeric = [p for p in lead if isinstance(p, (PCmp, PQty, PRange, PBounded, PStep, PBareOp))]
        if len(numeric) != 1 or not isinstance(numeric[0], PQty) or numeric[0].q.unit not in ("日", "号"):
            return None
        p = numeric[0]
        if not 1 <= p.q.value <= 31 or p.q.value % 1:
            return None
        before = self.text[: p.span[0]].rstrip()
        if before.endswith("次月"):
            # 月度报表于次月10日前报送 (§158): the 10th of the month after each month, where the clause says the thing
            # is done every month (lexicon ``monthly``: 月度, 每月, 月报, 按月); 次月 alone may follow a one-off event
            clause = re.split("[，,；;。\n]", before)[-1]
            if not any(w in clause for w in words("monthly")):
                return None
        elif not before.endswith("每月"):
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

    def _failed_limit(self, lead: Lead, out: list[Clause], k: int) -> bool:
        """受理投诉未在24小时内响应的，一次扣0.5分 (semantics §104): the context clause right before a deduction per
        occurrence names the failure itself: a negation (未, 没有, 未能) and 在 right before its one number, a time
        limit (≤ a duration: 24小时内), words of the event after it closed by 的; the deduction (一次扣 / 每次扣)
        has no words but its counter. The limit is the requirement's term and the answer the count of such
        failures, as when the failure words follow the requirement (未及时拨付的，一次扣1分)."""
        if k >= len(out):
            return False
        d = out[k]
        if not (
            isinstance(d, Deduction) and d.kind is StepKind.EVENTS and not d.bonus and d.step is not None
            and d.step.value == 1 and d.step.unit not in _TIME_UNITS and not d.qualifiers
            and d.event.lstrip("每1一") == d.step.unit
        ):  # fmt: skip
            return False
        numeric = [p for p in lead if isinstance(p, (PCmp, PQty, PRange, PBounded, PStep, PBareOp))]
        if len(numeric) != 1 or not isinstance(numeric[0], PCmp):
            return False
        c = numeric[0]
        if c.op not in (Op.LE, Op.LT) or c.q.unit not in _TIME_UNITS or c.of_target:
            return False
        before = self.text[: c.span[0]].rstrip().removesuffix("在")
        if not before.endswith(tuple(n + m for n in _NEGATIONS for m in ("", "能"))) or before.endswith("不"):
            return False
        words_after = _lead_text(tuple(p for p in lead if p.span[0] >= c.span[1])).strip()
        return len(words_after) > 1 and words_after.endswith("的")

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
        if d.kind is StepKind.EVENTS and d.step is not None and d.event.startswith(words("delay")):
            return True  # 每迟报1次扣0.2分 (semantics §123): each time late (lexicon ``delay``) is a failure to meet it
        return any(w in self.text[after[1] : d.span[1]] for w in _FAILED_WORDS)

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
            onward = self._month_onward(r)
            if isinstance(c, Award) and r is not None and r.span is not None and onward is not None:
                # 10月及以后完成的不得分: from the month's first day on, the band after the month before ends (§104)
                text = self.text[r.span[0] : r.span[1]].strip("，。；,;：: 的")
                out.append(attrs.evolve(c, condition=Label(text, False, r.span, start=onward)))
                continue
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
            if subject.startswith(("底", "末")) and subject[1:].startswith(("以后", "之后", "后")):
                # 8月底后完成 is 8月底以后完成: 后 right after 底/末 is after the month's end (tenth probe G04)
                out.append(attrs.evolve(c, condition=Label(text, False, r.span, start=end)))
            elif subject.startswith(("以后", "之后")) and self._nothing_after(c, int(month)):
                # 8月以后完成不得分: with or without August the score is 0 there (a month no band covers is a gap,
                # scored 0, §1): read from the month's first day, the band after the month before ends (§116)
                out.append(attrs.evolve(c, condition=Label(text, False, r.span, start=self._month_before(int(month)))))
            elif subject and not subject.startswith((*_DATE_WORDS, "以后", "之后", "后")):
                # 10月以后完成 is no 10月完成 (it read the band by 10月31日): whether October is in it is not said (§104)
                out.append(attrs.evolve(c, condition=Label(text, False, r.span, deadline=end)))
            else:
                out.append(c)
        return out

    @staticmethod
    def _nothing_after(c: Award, month: int) -> bool:
        """8月以后完成不得分 (semantics §116): a band from a month on, 以后 leaving the month itself unsaid, that scores
        nothing, where the month before ends in the same year and with no year needed (not January, not March):
        whichever way 以后 is read the score in that month is 0."""
        return isinstance(c.outcome, Zero) or (isinstance(c.outcome, Points) and c.outcome.value == 0) if month in (2, *range(4, 13)) else False

    @staticmethod
    def _month_before(month: int) -> MonthDay:
        return MonthDay(month - 1, calendar.monthrange(2001, month - 1)[1])

    def _month_onward(self, r: object) -> MonthDay | None:
        """10月及以后 / 10月及之后 beside deadlines (semantics §104): a band from that month on, its month included (a
        word of the lexicon's ``onward``), is the band after the last day of the month before (``Label.start``).
        January (the month before is in another year) and March (February's last day needs the year) are None,
        and so is 10月以后 (whether October is in it is not said): they stay ``date-band``."""
        if not (isinstance(r, Range) and r.low is not None and r.high is None and r.span is not None
                and r.low.value.unit == "月" and r.low.stated and r.low.inclusive and not delay_band(r)):  # fmt: skip
            return None
        month = r.low.value.value
        if month != month.to_integral_value() or int(month) not in (2, *range(4, 13)):
            return None
        words_ = self.text[r.span[0] : r.span[1]].strip().removeprefix("在").removeprefix("于")
        figure = str(int(month))
        if not words_.startswith(figure + "月") or not words_[len(figure) + 1 :].startswith(_ONWARD):
            return None
        before = int(month) - 1
        return MonthDay(before, calendar.monthrange(2001, before)[1])

    @staticmethod
    def _period_targets(lead: Lead) -> tuple[tuple[Quantity, ...], tuple[Quantity, ...]] | None:
        """9月、10月、11月、12月应完成任务比例为30%、50%、75%、100% (semantics §132): a context clause that is a list
        of months (whole, 1–12, rising), words of a task or target ending in 为, then as many numbers in one unit:
        each month's target, paired in order. Anything else (one month, counts that differ, words between the
        numbers, months out of order) is not this."""
        words = [k for k, p in enumerate(lead) if isinstance(p, PText) and p.text not in _SCHEDULE_JOINS]
        if len(words) != 1:
            return None
        at = words[0]
        said = lead[at]
        assert isinstance(said, PText)
        if not said.text.endswith("为") or not any(w in said.text for w in _SCHEDULE_WORDS):
            return None

        def listed(ps: Lead) -> tuple[Quantity, ...] | None:
            qs = ps[0::2]
            if not qs or not all(isinstance(p, PQty) and not p.points_scale for p in qs):
                return None
            if not all(isinstance(p, PText) and p.text in _SCHEDULE_JOINS for p in ps[1::2]) or len(ps) % 2 == 0:
                return None
            return tuple(p.q for p in qs if isinstance(p, PQty))

        periods, targets = listed(lead[:at]), listed(lead[at + 1 :])
        if periods is None or targets is None or len(periods) < 2 or len(periods) != len(targets):
            return None
        if any(q.unit != "月" or q.value != int(q.value) or not 1 <= q.value <= 12 for q in periods):
            return None
        if any(a.value >= b.value for a, b in itertools.pairwise(periods)):
            return None
        if len({q.unit for q in targets}) != 1:
            return None
        return periods, targets

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

    def _schedule(self, note: Note, lead: Lead) -> Requirement | None:
        """每月5日、20日如期按要求报送工程进度报告 before an award per occurrence: its numbers, all days or other
        units of time, are the schedule the occurrences keep (a requirement's terms, §56), never a band."""
        terms = tuple(q for p in lead for q in _said(p))
        if not terms or any(q.unit not in _TIME_UNITS for q in terms) or not all(isinstance(p, (PQty, PText)) for p in lead):
            return None
        self.use(*lead)
        return Requirement(note.text, note.span, terms)

    def _plan_line(self, lead: Lead, direction: Direction | None = None) -> PQty | PCmp | None:
        """计划完成15公里 / 当年新增造林面积5000亩 / 全年召开例会12次: a context clause of words and one
        quantity in a unit (no comparison, no percent, no points, not how often or a time scope): the plan
        it states, or None. 义诊服务达到5000人次 (a line reached, ≥) is the plan of a shortfall step too (ninth probe
        B24: its 5000 was unread and the rule refused)."""
        numeric = [p for p in lead if not isinstance(p, (PText, PWord))]
        if len(numeric) != 1 or not any(isinstance(p, PText) for p in lead):
            return None
        q: PQty | PCmp = numeric[0]
        if isinstance(q, PCmp):
            if direction is not Direction.SHORTFALL or q.op is not Op.GE or q.of_target or q.inclusive_mark is False:
                return None
        elif not isinstance(q, PQty) or q.points_scale or q.pp or q.inclusive_mark is not None:
            return None
        if not q.q.unit or q.q.is_percent:
            return None
        if self.frequency(lead) or self.time_scope(lead) or self.deadline(lead) is not None:
            return None
        said = "".join(p.text for p in lead if isinstance(p, PText) and p.span[1] <= q.span[0])
        if said.endswith(_SHORT_WORDS + _EXCESS_WORDS):
            return None  # 少建1个或已建…: a count short (or over) is an event, not the plan
        return q

    def _plan_before(
        self, out: list[Clause], last_lead: Lead, leads: dict[int, Lead], ded: Deduction
    ) -> PQty | PCmp | None:
        """The plan line (§65) a step deduction counts from: the context clause right before it, or before a worded
        award of the target met between them (城镇新增就业8000人，完成得满分，每少完成100人扣0.1分: 完成 is reaching
        the plan). A shortfall step in the plan's unit, or in % of it (全年征收税款目标5亿元，每少完成1%扣0.5分: 1% of
        5亿元, domain point 2); an excess step only after a plan that names a budget (项目预算控制数1200万元，每超出
        预算2%扣1分: lexicon ``budget``), in its unit or in % of it; a deviation step (偏差/偏离) after a plan stated
        as a bare quantity (年度招生计划1500人，实际招生每偏差1%扣0.5分, semantics §141), on both sides of it. None
        otherwise (§65: 每超1公里 reads no line)."""
        deviation = ded.measure is Measure.DEVIATION or ded.direction is Direction.BOTH
        if ded.step is None or (ded.direction not in (Direction.SHORTFALL, Direction.EXCESS) and not deviation):
            return None
        lead: Lead | None = None
        if out and isinstance(out[-1], Note):
            lead = last_lead
        elif (
            len(out) >= 2 and isinstance(out[-1], Award) and isinstance(out[-1].condition, (Label, TargetMet))
            and not out[-1].condition.negated and isinstance(out[-1].outcome, FullMarks)
            and isinstance(out[-2], Note) and id(out[-2]) in leads
            and (ties_to_target(out[-1].condition.text)
                 or _reaches_plan(out[-1].condition.text, _lead_text(leads[id(out[-2])])))
        ):  # fmt: skip
            lead = leads[id(out[-2])]
        if not lead:
            return None
        plan = self._plan_line(lead, ded.direction)
        if plan is None or (deviation and not isinstance(plan, PQty)):
            return None  # 达到5000人次 is a line reached, no centre to deviate from
        # a % step is relative to an amount planned (5亿元, 8000人), not to a span of time (查看最近连续2年资料)
        relative = ded.step.unit == "%" and ded.basis is not PercentBasis.POINTS and plan.q.unit not in _TIME_UNITS
        if plan.q.unit != ded.step.unit and not relative:
            return None
        # 目标值为15天，每超过1天扣0.2分 (semantics §123): 目标值 is a word of its own (of the target), the line's too
        said = _lead_text(lead) + "".join(p.text for p in lead if isinstance(p, PWord) and p.kind == "of_target")
        if ded.direction is Direction.EXCESS and not any(w in said for w in _BUDGET_WORDS):
            return None
        return plan

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
        # 满意度以90%为标准: the subject the standard is of may come before 以 (words only); 以上年水平60%为基准
        # (semantics §123): whose level it is may stand between 以 and the number, words closed by 水平
        return q if _standard_opening(before) is not None and after in _STANDARD_WORDS else None

    def _budget(self, lead: Lead) -> PQty | None:
        """全年共安排培训经费20万元 (semantics §105): a note stating the budget, its one number an amount of money after a
        word that arranges a budget (lexicon ``[words.budget_arranged]``: 安排, 预算, 下达, 批复, 核定), or None."""
        numeric = [p for p in lead if not isinstance(p, (PText, PWord))]
        if len(numeric) != 1 or not isinstance(numeric[0], PQty) or numeric[0].points_scale or numeric[0].pp:
            return None
        q = numeric[0]
        if not q.q.unit.endswith("元"):
            return None
        before = self.text[min(p.span[0] for p in lead) : q.span[0]]
        after = self.text[q.span[1] : max(p.span[1] for p in lead)].strip().strip("，,。；;")
        return q if any(w in before for w in _BUDGET_ARRANGED) and not after else None

    def _budget_bands(self, budgets: list[PQty], clauses: list[Clause]) -> list[Clause]:
        """全年共安排培训经费20万元，实际支出不超过预算得满分，超支不得分 (semantics §105): after a note stating the budget,
        the worded conditions that name the budget (``[words.within_budget]``: 不超过预算, 预算以内 …; ``[words.over_budget]``:
        超支, 超出预算 …; the subject written before them) are bands of the measured amount on that number: within it
        ≤ 20万元 (domain point 1: 不超过 includes its number), over it > 20万元. Only for one such note, and only where
        every worded condition naming the budget is one of these; otherwise nothing is rewritten and the note's number
        stays unread (refused, unread-number)."""
        if len(budgets) != 1:
            return clauses
        (q,) = budgets
        out = list(clauses)
        done = 0
        for i, c in enumerate(clauses):
            if not isinstance(c, Award) or not isinstance(c.condition, (Label, TargetMet)):
                continue
            text = c.condition.text.strip().removesuffix("的")
            band = _budget_band(text, q.q, c.condition.span)
            if band is None:
                if any(w in text for w in ("预算", "超支")):
                    return clauses  # 预算执行率达到… beside it: which number 预算 is there is not read here
                continue
            out[i] = attrs.evolve(c, condition=band)
            done += 1
        restated = any(
            isinstance(c, Award) and isinstance(c.condition, Range) and c.condition.measure is Measure.VALUE
            and q.q in (e.value for e in (c.condition.low, c.condition.high) if e is not None)
            for c in clauses
        )  # fmt: skip
        if done or restated:
            # 全年共安排培训经费20万元；实际支出≤200000元得满分 (the canonical text): the bands restate the budget
            self.use(q)
        return out if done else clauses

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
        subject = _standard_opening(self.text[note.span[0] : q.span[0]].strip() if note.span else "") or ""
        # 以60%为基准，达到基准得基本分5分 (semantics §123): the standard named by its word (基准, 标准), points of its own
        named = self.text[q.span[1] : note.span[1]].strip().removeprefix("为").removesuffix("为准") if note.span else ""
        said = ("达到", subject + "达到") + (("达到" + named, subject + "达到" + named) if named else ())
        reached = [
            i for i, c in enumerate(clauses)
            if isinstance(c, Award) and isinstance(c.outcome, (FullMarks, Points))
            and isinstance(c.condition, (Label, TargetMet))
            and not c.condition.negated and getattr(c.condition, "requirement", None) is None
            and c.condition.deadline is None and c.condition.text in said and clauses.index(note) < i
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

