"""Small readings the assembler shares: clause segments, lists split at 、/和/或, negation, the order
of outcomes, and how two bands relate (crossing, all clear). Pure functions of phrases and nodes."""

from __future__ import annotations

import itertools
import re
from decimal import Decimal
from typing import Any, TypeGuard

import attrs

from .grades import grade_of, grade_words, levels
from .lexicon import words
from .nodes import (
    All,
    AnyOf,
    Award,
    BinOp,
    ByHand,
    Composite,
    Deduction,
    Edge,
    Formula,
    FullMarks,
    Label,
    Measure,
    Note,
    Num,
    Outcome,
    Points,
    Quantity,
    Range,
    Requirement,
    Rule,
    ShareOfWeight,
    StepKind,
    Var,
    Zero,
)
from .once import per_rule
from .phrases import _NEGATED_PHRASES, _NEGATIONS, Lead, PStep, PText, Span, Tail, TOutcome


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


def same_axis(a: Range, b: Range) -> bool:
    """One measure counted from one end: 前5名 and 倒数3名 (semantics §109) are places on two axes, which only the
    number ranked lines up, so no band of one is inside, across or the same as a band of the other."""
    return a.measure is b.measure and a.from_last == b.from_last


def _crossing(a: Range, b: Range) -> bool:
    """Each band holds values the other does not, and they share more than an end."""
    if not same_axis(a, b):
        return False
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


def _inside(inner: Range, outer: Range) -> bool:
    """Every value of ``inner`` lies in ``outer`` (one measure, one scale; ends with their inclusivity). A band
    inside one listed before it never applies (assembler._unreachable_bands, semantics §77)."""
    if not same_axis(inner, outer):
        return False
    edges = [e.value for e in (inner.low, inner.high, outer.low, outer.high) if e is not None]
    if len({(q.is_percent, q.unit) for q in edges}) > 1:
        return False
    if outer.low is not None:
        if inner.low is None:
            return False
        lo, li = outer.low, inner.low
        if li.value.value < lo.value.value or (li.value.value == lo.value.value and li.inclusive and not lo.inclusive):
            return False
    if outer.high is not None:
        if inner.high is None:
            return False
        ho, hi = outer.high, inner.high
        if hi.value.value > ho.value.value or (hi.value.value == ho.value.value and hi.inclusive and not ho.inclusive):
            return False
    return True


def _all_clear(r: Range) -> bool:
    """合规率100% / 准确率达100% / 0例: a band that holds exactly when nothing went wrong."""
    edge = r.low if r.low is not None else r.high
    if edge is None or (r.low is not None and r.high is not None and r.low.value != r.high.value):
        return False
    q = edge.value
    return (q.unit == "%" and q.value == 100 and r.high is None) or (q.value == 0 and r.low is None)


def at_whole_rate(r: Range | None) -> bool:
    """合规率100% / 准确率达100%: a band that holds exactly at the whole rate (≥ 100%), the line a rule
    that counts the cases falling short of it states (TargetMet.requirement)."""
    return r is not None and r.high is None and r.low is not None and r.low.value.unit == "%" and r.low.value.value == 100


def _covered_outside(p: Range, bands: list[Range]) -> bool:
    """低于95%的按比例得分 beside 95%以上得满分: every value outside ``p`` lies in one of ``bands`` (all on
    the measure and unit of ``p``), so that the rule's fallback (按比例, where no band holds) applies
    only inside ``p``: its condition restates what the other bands leave."""
    units = {e.value.unit for r in (p, *bands) for e in (r.low, r.high) if e is not None}
    if len(units) > 1 or any(not same_axis(r, p) for r in bands):
        return False
    stretches: list[tuple[Edge | None, Edge | None]] = []
    if p.low is not None:
        stretches.append((None, Edge(p.low.value, not p.low.inclusive)))
    if p.high is not None:
        stretches.append((Edge(p.high.value, not p.high.inclusive), None))
    return all(_covers(lo, hi, bands) for lo, hi in stretches)


def _covers(lo: Edge | None, hi: Edge | None, bands: list[Range]) -> bool:
    """The stretch from ``lo`` to ``hi`` (None: unbounded) lies within the union of ``bands``."""

    def starts_by(b: Range, at: Edge | None) -> bool:  # b holds the first value still to cover
        if b.low is None:
            return True
        if at is None:
            return False
        v, w = b.low.value.value, at.value.value
        return v < w or (v == w and (b.low.inclusive or not at.inclusive))

    def past(at: Edge | None) -> bool:  # nothing of the stretch is left from ``at`` on
        if at is None or hi is None:
            return False
        v, h = at.value.value, hi.value.value
        return v > h or (v == h and not (at.inclusive and hi.inclusive))

    def place(e: Edge) -> tuple[Decimal, bool]:  # the values from e on: e included, or only above it
        return (e.value.value, not e.inclusive)

    at = lo  # the values still to cover start here (inclusive or not); None: from -infinity
    while not past(at):
        ends = [Edge(b.high.value, not b.high.inclusive) if b.high is not None else None
                for b in bands if starts_by(b, at)]  # fmt: skip
        if None in ends:
            return True  # a band that holds from here on, without end
        ahead = [e for e in ends if e is not None and (at is None or place(e) > place(at))]
        if not ahead:
            return False
        at = max(ahead, key=place)
    return True


_DELAY_SUBJECT = words("delay")
_DELAY_OVER = words("delay_over")
_LIMIT = tuple(p + w for p in ("", "规定", "规定的") for w in words("time_limit"))
_TIME_UNIT = words("time_unit")


def delay_band(r: object) -> bool:
    """逾期1个月以内 / 延迟1-3个月 / 逾期3个月以上: a band on how late, in a unit of time (semantics §80): its
    subject names a delay (lexicon ``delay``) and its edges are a number of time units. The answer is that
    delay (按期完成 is 0); a worded on-time clause beside such bands is met at a delay of 0."""
    if not isinstance(r, Range) or r.measure is not Measure.VALUE:
        return False
    # 超过时限1个月以内 / 超过1-3个月: an excess word and at most a time-limit word name the delay too (§94)
    over = r.subject.startswith(_DELAY_OVER) and r.subject.removeprefix(r.subject[:2]).strip("的") in ("", *_LIMIT)
    if not over and not any(w in r.subject for w in _DELAY_SUBJECT):
        return False
    edges = [e for e in (r.low, r.high) if e is not None]
    return bool(edges) and all(e.value.unit in _TIME_UNIT for e in edges)


def exact_delay(c: object) -> TypeGuard[Deduction]:
    """滞后1个月扣1分 / 逾期3天的扣1分: a deduction with no 每 named by a delay word (lexicon ``delay``) and ending in its
    number of one unit of time (the 的 before 扣 aside): it may be a band at exactly that delay (semantics §108, §138)."""
    if not isinstance(c, Deduction) or c.kind is not StepKind.EVENTS or c.bonus or c.step is None:
        return False
    if c.step.unit not in _TIME_UNIT or not isinstance(c.points, Decimal) or c.cap is not None or c.points_max is not None:
        return False
    named = delay_named(c.event)
    return named.endswith(qty_text(c.step)) and any(w in named for w in _DELAY_SUBJECT)


def delay_named(event: str) -> str:
    """滞后1个月的 / 延期3天的: an exact delay's words without the 的 that closes them before 扣N分 (semantics §138: with it
    the clause was read as an event step per 1个月 named by its words)."""
    return event.strip().removesuffix("的").rstrip()


def delay_unit_of(r: object) -> str | None:
    """The unit of time of one delay band's edges (个 aside: 个月 and 月 are one unit)."""
    if not isinstance(r, Range):
        return None
    units = {e.value.unit.lstrip("个") for e in (r.low, r.high) if e is not None}
    return units.pop() if len(units) == 1 else None


def qty_text(q: Quantity) -> str:
    return f"{q.value.normalize():f}{q.unit}"


def delay_unit(rule: object) -> str | None:
    """The unit of time of a rule's delay bands (个月 and 月 are one unit), or None when it has none
    (or bands in two units of time, which no one delay answers)."""
    units = [
        e.value.unit
        for a in getattr(rule, "awards", ())
        if delay_band(a.condition)
        for e in (a.condition.low, a.condition.high)
        if e is not None
    ]
    return units[0] if units and len({u.lstrip("个") for u in units}) == 1 else None


#: the names of a formula (semantics §12, §87), read by the reading (reading/scales.py) and by the assembler (a
#: definition a band uses, §96)
_DERIVED = ("偏差", "偏离", "超支", "差异", "变动", "增长", "下降", "减少", "提高", "节约")
_PLANNED = ("计划", "目标", "预期", "预算")
_VALUE_NAMES = ("实际完成值", "实际值", "实际完成数", "实际数", "完成数", "完成值", "实际完成量", "完成量", "实际完成",
                "执行数", "实际执行数", "支出数", "实际支出数", "实际完成额", "完成额", "实际额", "执行额", "支出额",
                "实际支出额")  # fmt: skip
#: 全年执行数 / 年度预算数: the period the amount is of, before its name (eighth probe D30)
_PERIOD_OPENING = ("全年", "本年度", "年度", "本年", "当年")
_TARGET_NAMES = ("目标值", "计划值", "计划数", "计划完成数", "指标值", "目标数", "年度目标值", "计划完成值", "预期值",
                 "目标任务数", "计划任务数", "任务数", "年度目标", "序时进度", "预算数", "预算控制数", "预算额", "计划额",
                 "目标额", "预算金额", "计划金额")  # fmt: skip
#: 实际培训人数 / 计划培训人数 (sixth probe D14): a name opening with these words, neither a rate nor a
#: derived quantity nor points, is the answer's value / the target's (实际…, 计划…, 目标…, 预期…)
_VALUE_OPENING = ("实际",)
#: 应到位资金 / 应完成户数: what should be reached, opening with 应 and a verb of the plan (semantics §127)
_TARGET_OPENING = ("计划", "目标", "预期", "应到位", "应完成", "应拨付", "应支付", "应收", "应缴", "应整改", "应发放")


def _is_rate(name: str) -> bool:
    # 偏离度 / 偏差度: a derived rate named with 度 (sixth probe D19: taken for the value, 108 on 100万元 scored 0)
    return name.endswith("率") or name in ("完成比例", "比例") or (name.endswith("度") and any(w in name for w in _DERIVED))


def _side_name(name: str) -> str | None:
    """``value`` or ``target`` for a name of the answer's value or the target's (§12), else None."""
    for p in _PERIOD_OPENING:
        if name.startswith(p) and len(name) > len(p) + 1:
            name = name.removeprefix(p)
            break
    if name in _VALUE_NAMES:
        return "value"
    if name in _TARGET_NAMES:
        return "target"
    if _is_rate(name) or "分" in name or any(w in name for w in _DERIVED):
        return None
    if name.startswith(_VALUE_OPENING) and len(name) > len("实际"):
        return "value"
    if name.startswith(_TARGET_OPENING) and len(name) > 2:
        return "target"
    return None


def is_weight_name(name: str) -> bool:
    """分值, 指标分值, 满分, 权重, 基本分: a formula's name for the weight (semantics §12)."""
    return "分值" in name or name in ("满分", "权重", "基本分")


def formula_vars(expr: object) -> tuple[str, ...]:
    """The names of a formula (Var nodes), each once, left to right: 实际完成值/计划值×分值 →
    (实际完成值, 计划值, 分值). One walk for the readers that ask (scales.formula_names, the aggregation
    refusal, whose score a formula is)."""
    names: list[str] = []
    stack = [expr]
    while stack:
        e = stack.pop()
        name = getattr(e, "name", None)
        if isinstance(name, str):
            if name not in names:
                names.append(name)
        else:
            kids = (getattr(e, "right", None), getattr(e, "left", None), getattr(e, "arg", None))  # arg: |…| (Abs)
            stack.extend(x for x in kids if x is not None)
    return tuple(names)


#: 各 / 各自 closing the words of a list before its points (方案制定、组织实施各1分): per member
_EACH_WORDS = ("各自", "各")
#: a conjunction in the last member of a list (A、B和C各1分) may join its last two things: which is not
#: clear (及时, 参与, 和谐 are words, not conjunctions)
_JOINING = re.compile(r"以及|或|和(?!谐)|(?<![参给])与|及(?![时格早])|并且")


@attrs.frozen
class EachList:
    """方案制定、组织实施、检查验收各1分: the members of a list, each scored the points after 各 (domain
    point 17: 各 means per item). ``span`` is the list's words and points, ``members`` the words of each."""

    members: tuple[PText, ...]
    points: Tail
    span: Span


def _members(p: PText) -> tuple[PText, ...] | None:
    """The members of a 、-list of words, each with its span; None unless there are two or more and the
    last has no conjunction (A、B和C: two things or three?). Inside another member a 和 names one thing
    (建立和完善制度、配备人员: two)."""
    out: list[PText] = []
    start = p.span[0]
    for piece in p.text.split("、"):
        stripped = piece.strip()
        if stripped:
            at = start + piece.index(stripped[0])
            out.append(PText(stripped, (at, at + len(stripped))))
        start += len(piece) + 1
    if len(out) < 2 or len(out) != p.text.count("、") + 1:
        return None
    if _JOINING.search(out[-1].text):
        return None
    return tuple(out)


def _ends_each(text: str) -> str | None:
    """The words before a closing 各 (方案制定、组织实施各 → 方案制定、组织实施), or None."""
    core = text.rstrip("均都 ")
    for w in _EACH_WORDS:
        if core.endswith(w):
            return core[: -len(w)].rstrip("，, 的")
    return None


def each_lists(segs: list[_Segment], text: str) -> tuple[list[_Segment], list[EachList], list[Span]]:
    """Segments with each 各-list written out, one award per member (semantics §81): the lists found, and
    the spans of lists that do not read (a 各 before points whose members are not clear: refused by the
    caller). Three ways the list is written:
    ``A、B、C各1分`` (one lead, 各 closing its words); ``A、B、C，各得1分`` (the list alone, then 各 and the
    points); ``每项工作各0.5分：A、B、C`` (the points per item first, a colon, then the list)."""
    out: list[_Segment] = []
    found: list[EachList] = []
    unclear: list[Span] = []
    i = 0
    while i < len(segs):
        seg = segs[i]
        nxt = segs[i + 1] if i + 1 < len(segs) else None
        points = _points_tail(seg)
        words = seg.lead[0] if len(seg.lead) == 1 and isinstance(seg.lead[0], PText) else None
        before = _ends_each(words.text) if words is not None else None
        listed: tuple[PText, ...] | None = None
        lead_span = words.span if words is not None else seg.span
        if points is not None and words is not None and before is not None:
            if "、" in before:
                # 方案制定、组织实施各1分
                listed = _members(PText(before, (words.span[0], words.span[0] + len(before))))
            elif not before and out and not out[-1].tails and _text_list(out[-1]) is not None:
                # 建立制度、配备人员、落实经费，各得1分
                prev = out.pop()
                listed = _members(_text_list(prev))  # type: ignore[arg-type]
                lead_span = prev.span
            elif nxt is not None and not nxt.tails and _text_list(nxt) is not None and _colon_between(text, seg, nxt):
                # 以下工作各1分：建立台账、定期核查
                listed = _members(_text_list(nxt))  # type: ignore[arg-type]
                i += 1
            if listed is None:
                unclear.append(seg.span)
        elif not seg.tails and (each := _per_item_points(seg)) is not None:
            # 每项工作各0.5分：建立台账、定期核查、及时公示、按时归档 (每项 … 各 read as a step before points)
            points = each
            if nxt is not None and not nxt.tails and _text_list(nxt) is not None and _colon_between(text, seg, nxt):
                listed = _members(_text_list(nxt))  # type: ignore[arg-type]
                i += 1
            if listed is None:
                unclear.append(seg.span)
        if listed is None or points is None:
            out.append(seg)
            i += 1
            continue
        span = (min(lead_span[0], seg.span[0]), max(seg.span[1], listed[-1].span[1]))
        found.append(EachList(listed, points, span))
        out.extend(_Segment((m,), [points], m.span) for m in listed)
        i += 1
    return out, found, unclear


def _points_tail(seg: _Segment) -> Tail | None:
    """The one award of points (more than 0) a segment closes with, or None."""
    if len(seg.tails) != 1:
        return None
    t = seg.tails[0]
    if isinstance(t, TOutcome) and not t.veto and isinstance(t.outcome, Points) and t.outcome.value > 0:
        return t
    return None


def _per_item_points(seg: _Segment) -> Tail | None:
    """每项工作各0.5分 / 每项各1分 read as a step (每 + words + points): the points of each item, as an award."""
    if len(seg.lead) != 1 or not isinstance(seg.lead[0], PStep):
        return None
    s = seg.lead[0]
    words_text = "".join(w.text for w in s.words if isinstance(w, PText))
    if (
        s.per != "每" or s.q is None or s.q.unit != "分" or s.q.value <= 0 or s.inclusive_mark is not None
        or len(words_text) != sum(len(getattr(w, "text", "")) for w in s.words)
        or not words_text.startswith("项") or _ends_each(words_text) is None
    ):  # fmt: skip
        return None
    return TOutcome(Points(s.q.value), s.span)


def _text_list(seg: _Segment) -> PText | None:
    """A lead of words alone that lists things with 、."""
    if len(seg.lead) == 1 and isinstance(seg.lead[0], PText) and "、" in seg.lead[0].text:
        return seg.lead[0]
    return None


def _colon_between(text: str, a: _Segment, b: _Segment) -> bool:
    return text[a.span[1] : b.span[0]].strip() in ("：", ":")


_LEVEL_MODIFIERS = ("基本", "较为", "比较", "较", "不太", "不够", "不", "未", "部分", "完全", "全部", "非常", "十分", "很")


_TIERS = tuple(sorted(words("tier"), key=len, reverse=True))
#: 及以上 / 以上（含） / （含）以上 after a tier word (被省级及以上部门推广): that tier or a higher one, longest first
_TIER_ONWARD = tuple(sorted(words("tier_onward"), key=len, reverse=True))


def tiers(labels: list[str]) -> bool:
    """Labels that differ only in a level of government or award (获得国家级荣誉 / 获得省级荣誉 / 获得市级荣誉, the
    lexicon's ``[words.tier]``): each holds one tier word, the tier words differ, and the labels without them are
    one text (semantics §92)."""
    rests: set[str] = set()
    found: list[str] = []
    for text in labels:
        at = [(i, w) for w in _TIERS for i in [text.find(w)] if i >= 0]
        if not at:
            return False
        i, w = min(at, key=lambda p: (p[0], -len(p[1])))  # the longest word where the first one starts
        if text.find(w, i + len(w)) >= 0:
            return False
        found.append(w)
        after = text[i + len(w) :]
        # 被省级及以上部门推广 / 被省级以上（含）部门推广 / 被市级部门推广: that tier or a higher one (§92, §117)
        after = next((after[len(a) :] for a in _TIER_ONWARD if after.startswith(a)), after)
        rests.add(text[:i] + "\0" + after)
    # 经验做法被省级部门推广 / 被市级部门推广: the subject written once, in the first label
    shortest = min(rests, key=len, default="")
    return bool(rests) and all(r.endswith(shortest) for r in rests) and len(set(found)) == len(found)


def things_apart(labels: list[str]) -> bool:
    """Labels that name different things (印制宣传手册 / 举办培训班: a checklist, domain point 17), not levels
    of one thing: no label is a grade word (优秀, 良好 …: the lexicon's ``[words.grade]``), no two differ only
    by a modifier (合理 / 基本合理), and they are not grades of one subject (效果显著 / 效果一般: semantics §85)."""
    if levels(labels) is not None or tiers(labels):
        return False
    grade_words_ = grade_words()
    cores: list[str] = []
    for text in labels:
        core = text
        for m in _LEVEL_MODIFIERS:
            core = core.replace(m, "")
        if not core or core in grade_words_ or any(core in k or k in core for k in cores):
            return False
        cores.append(core)
    return True


def deducts(a: Award) -> bool:
    """A band that deducts (90%以下扣2分, read as 得分=指标分值-2: semantics §71, §83)."""
    o = a.outcome
    return (isinstance(o, Formula) and isinstance(o.expr, BinOp) and o.expr.op == "-"
            and o.expr.left == Var("指标分值") and isinstance(o.expr.right, Num))  # fmt: skip


@per_rule
def only_deducting_bands(rule: Rule) -> bool:
    """满意度低于90%扣2分: a rule of bands alone, each deducting (a deduction by hand too, 酌情扣分: §86) or zero, and
    at least one deducting. A value no band takes is full marks beyond them all and a gap between two (semantics §83:
    the evaluator's ``_beyond_deductions``, the compiled code's slow path, check's gaps)."""
    bands = [a for a in rule.awards if isinstance(a.condition, Range)]

    def lose(a: Award) -> bool:
        return deducts(a) or (isinstance(a.outcome, ByHand) and a.outcome.deduct)

    return (bool(bands) and len(bands) == len(rule.awards) and any(lose(a) for a in bands)
            and all(lose(a) or isinstance(a.outcome, Zero) or a.outcome == Points(Decimal(0)) for a in bands))  # fmt: skip


_TIED_WORDS = ("完成", "达到", "达成", "达标", "实现")


def ties_to_target(text: str) -> bool:
    """完成 / 全部完成年度目标 / 未达到 / 达不到: a worded condition that says the target is (not)
    reached, so that a number answers it by the comparator (domain point 20)."""
    core = text
    for w in ("尚未", "没有", "未", "不", "全部", "均", "已", "年度", "绩效", "目标", "任务", "指标", "值", "的", "了"):
        core = core.replace(w, "")
    return core in _TIED_WORDS


def _alt(*names: str) -> str:
    return "|".join(re.escape(w) for w in sorted({w for n in names for w in words(n)}, key=len, reverse=True))


# 全年支出控制在部门预算内支出 / 超部门预算支出 / 实际成本不高于计划成本 (semantics §111): the words compare the outcome
# with the reference the row's target states (lexicon budget, compared_amount), whoever's budget it is (budget_owner),
# optionally closed by what is compared (spending)
_REFERENCE = rf"(?:{_alt('budget_owner')})?(?:{_alt('budget', 'compared_amount')})"
_SPENT = rf"(?:{_alt('spending')})?的?"
_WITHIN_RE = re.compile(rf"(?:控制)?在{_REFERENCE}(?:{_alt('within_close')}){_SPENT}$")
_ABOVE_RE = re.compile(rf"(?P<neg>不|未|没有)?(?:{_alt('above_reference')}){_REFERENCE}{_SPENT}$")
_OVERSPENT_RE = re.compile(r"(?P<neg>不|未|没有)?超支的?$")


def budget_comparison(text: str) -> bool | None:
    """Whether worded words compare the outcome with the row's target as a budget or a planned amount
    (semantics §111): True for within it (控制在预算内, 不超过预算, 不高于计划成本, 未超支: at most the target), False
    for over it (超支, 超部门预算支出, 高于计划成本: above the target), None for any other words (the subject before
    the comparison is free: 全年支出). 按预算支出 compares nothing."""
    if _WITHIN_RE.search(text):
        return True
    m = _ABOVE_RE.search(text) or _OVERSPENT_RE.search(text)
    if m is None:
        return None
    return m.group("neg") is not None

@per_rule
def checklist(rule: Rule) -> tuple[Award, ...] | None:
    """Clauses that score different things, each for its points (印制宣传手册,得1分;举办培训班,得1分:
    domain point 17): a checklist, each thing answered 是/否 under its number and the points of those
    met added up. Not levels of one thing (合理2分；基本合理1分; 优秀/良好/一般): a label that is a grade
    word, or two whose words differ only by a modifier (基本, 较, 不 …), make the clauses alternatives.
    None for any rule that is not all such awards (but the hand deduction of the things not done that may close
    them, ``checklist_hand``)."""
    awards = rule.awards
    hand = checklist_hand(rule)
    if hand is not None:
        awards = awards[:-1]
    # 考查…的完成情况，按实现程度计分。其中：… beside 每完成1项取得该项分数: the notes before the items
    # say what they are (semantics §67)
    scored = [c for c in rule.clauses if not isinstance(c, Note) or isinstance(c, Requirement)] if rule.per_item else list(rule.clauses)
    if hand is not None:
        scored.remove(hand)
    if len(awards) < 2 or len(awards) != len(scored):
        return None
    for a in awards:
        c = a.condition
        if not isinstance(c, Label) or c.negated or not isinstance(a.outcome, Points) or a.outcome.value <= 0:
            return None
    if not things_apart([a.condition.text for a in awards if isinstance(a.condition, Label)]):
        return None
    return awards


@per_rule
def checklist_hand(rule: Rule) -> Award | None:
    """提前开展立项的得2分、及时开展融资的得2分，未开展相关工作的视情况扣分 (semantics §110): a deduction by hand under a
    negated condition in words (未…), closing awards on different things: the things not done lose their points by
    hand, so the hand score of each lies within [0, its points]. None where the rule ends otherwise."""
    last = rule.clauses[-1] if rule.clauses else None
    if not (isinstance(last, Award) and isinstance(last.outcome, ByHand) and last.outcome.deduct
            and last.outcome.low is None and isinstance(last.condition, Label) and last.condition.negated
            and not last.condition.parts and last.condition.deadline is None):  # fmt: skip
        return None
    before = rule.awards[:-1]
    if len(before) < 2 or not all(isinstance(a.condition, Label) and isinstance(a.outcome, Points) for a in before):
        return None
    return last


def bands_of_one_value(rules: list[Rule]) -> bool:
    """（1）达到目标值100%得满分；（2）达到目标值80%（含）-100%得分为满分的80%；…（4）低于目标值60%不得分 (semantics §119):
    numbered items each of which awards for a range of one and the same measured value (one measure and scale, one
    subject where they name one), the ranges sharing at most an end, no item with points of its own stated (（2分）),
    are bands of one value: alternatives answered by one value (domain points 16, 17), not sub-items each answered
    apart. A value lies in one of them at most, so the points of the items never add up."""
    if len(rules) < 2 or any(r.stated_weight is not None for r in rules):
        return False
    ranges: list[Range] = []
    for r in rules:
        if not r.clauses or not all(isinstance(c, Award) and isinstance(c.condition, Range) for c in r.clauses):
            return False
        ranges += [c.condition for c in r.clauses if isinstance(c, Award) and isinstance(c.condition, Range)]
    first = ranges[0]
    subjects = {g.subject for g in ranges if g.subject}
    if len(subjects) > 1 or not all(same_axis(first, g) and not g.grade for g in ranges):
        return False
    edges = [e.value for g in ranges for e in (g.low, g.high) if e is not None]
    if len({(q.is_percent, q.unit.lstrip("个")) for q in edges}) > 1:
        return False
    inf = Decimal("Infinity")
    spans = sorted(
        (g.low.value.value if g.low else -inf, g.high.value.value if g.high else inf) for g in ranges
    )  # fmt: skip
    return all(hi <= lo for (_, hi), (lo, _) in itertools.pairwise(spans))


def band_and_steps_of_one_value(rules: list[Rule]) -> bool:
    """（1）回款率达到100%得满分；（2）每下降1个百分点扣0.3分 (semantics §124): numbered items of which the first are
    bands of one value (one band, or bands as ``bands_of_one_value`` reads them) and the rest steps on the distance of
    that same value from them (每下降1个百分点扣…, no count of events, no bonus), in that order, no item with points of
    its own stated, read as one rule, as the sentences unnumbered are: one answer, the value. Steps on a value of
    another kind (a count, another unit) keep the items apart."""
    if len(rules) < 2 or any(r.stated_weight is not None for r in rules):
        return False
    banded = [r for r in rules if r.clauses and all(isinstance(c, Award) and isinstance(c.condition, Range) for c in r.clauses)]
    stepped = [
        r for r in rules
        if r.clauses and all(isinstance(c, Deduction) and c.kind is StepKind.DISTANCE and not c.bonus for c in r.clauses)
    ]  # fmt: skip
    if not banded or not stepped or rules != [*banded, *stepped]:
        return False
    if len(banded) > 1 and not bands_of_one_value(banded):
        return False
    ranges = [c.condition for r in banded for c in r.clauses if isinstance(c, Award) and isinstance(c.condition, Range)]
    edges = [e.value for g in ranges for e in (g.low, g.high) if e is not None]
    if len(ranges) == 1 and (ranges[0].grade or not edges):
        return False
    kinds = {(q.is_percent, q.unit.lstrip("个")) for q in edges}
    steps = [c for r in stepped for c in r.clauses if isinstance(c, Deduction)]
    return len(kinds) == 1 and all(
        d.step is not None and d.measure is ranges[0].measure and (d.step.is_percent, d.step.unit.lstrip("个")) in kinds
        for d in steps
    )


def grades_of_one_scale(rules: list[Rule]) -> bool:
    """（1）优秀得10分；（2）良好得8分；（3）合格得6分；（4）不合格不得分 / ①好（5分）②较好（3分）③差（0分） (semantics §121):
    numbered items each of which is one award whose label is a grade word of the lexicon and nothing else, distinct,
    their points falling from the first to the last, no item with points of its own stated apart from its award, are
    levels of one thing: alternatives answered by the grade (domain point 17), not items each answered apart. One
    grade holds, so the points never add up; the binder still refuses an award above the weight."""
    if len(rules) < 2 or any(r.stated_weight is not None for r in rules):
        return False
    known = grade_words()
    seen: set[str] = set()
    values: list[Decimal | None] = []  # None: 满分, the most there is
    for r in rules:
        if len(r.clauses) != 1 or r.per_item or r.until_exhausted or r.below_zero or r.cap is not None:
            return False
        a = r.clauses[0]
        if not isinstance(a, Award) or a.discretionary:
            return False
        c = a.condition
        if not (isinstance(c, Label) and c.deadline is None and c.start is None and not c.parts):
            return False
        if c.text not in known or c.text in seen:
            return False
        seen.add(c.text)
        if isinstance(a.outcome, FullMarks):
            values.append(None)
        elif isinstance(a.outcome, Points):
            values.append(a.outcome.value)
        elif isinstance(a.outcome, Zero):
            values.append(Decimal(0))
        else:
            return False
    if None in values[1:]:
        return False
    numbers = [v for v in values if v is not None]
    return all(hi > lo for hi, lo in itertools.pairwise(numbers))


def _state(part: Range | Label) -> tuple[str, str] | None:
    """运行管护效果良好 → (运行管护效果, 良好): the words of a joined part as a state (a grade word, semantics §85) of a
    thing they name; None for a band, words without a grade word, or a grade word with nothing before it."""
    if not isinstance(part, Label) or part.negated or part.parts:
        return None
    g = grade_of(part.text)
    return (g.subject, g.word) if g is not None and g.subject else None


def joint_key(part: Range | Label) -> str:
    """What one input of an All (or AnyOf) answers: the measured value a band names, the thing whose state words name
    (运行管护效果良好 and 运行管护效果较差: one input, 运行管护效果, semantics §143), or the words of a requirement."""
    if isinstance(part, Range):
        return f"值:{part.subject}"
    state = _state(part)
    return f"状态:{state[0]}" if state is not None else f"是否:{part.text}"


def same_inputs(first: tuple[Range | Label, ...], parts: tuple[Range | Label, ...]) -> bool:
    """Whether a later tier joined by 且 (or 或) names the inputs of the first, in the same order (semantics §100, §120,
    §143): the same key each, or a measured value named by a shorter name that ends the first tier's name of it and no
    other (毕业生就业率…且专业对口率… then 就业率…且对口率…: the same two inputs, the names shortened once said)."""
    if len(first) != len(parts):
        return False
    names = [p.subject for p in first if isinstance(p, Range)]
    for a, b in zip(first, parts, strict=True):
        if joint_key(a) == joint_key(b):
            continue
        if not (isinstance(a, Range) and isinstance(b, Range) and b.subject and a.subject.endswith(b.subject)):
            return False
        if sum(n.endswith(b.subject) for n in names) != 1:
            return False  # 率 ends both names: which one it is is not said
    return True


def joint_states(rule: Rule) -> dict[int, tuple[str, ...]]:
    """The inputs (numbered from 1) of a rule's joined conditions whose words name two or more states of one thing
    (且运行管护效果良好 … 或运行管护效果较差): answered by the state, one of those the text names, in the order written
    (semantics §143). An input whose words name one state keeps 是/否 (§100)."""
    named: dict[int, list[str]] = {}
    for a in rule.awards:
        if isinstance(a.condition, (All, AnyOf)):
            for i, p in enumerate(a.condition.parts, 1):
                state = _state(p)
                if state is not None and state[1] not in named.setdefault(i, []):
                    named[i].append(state[1])
    return {i: tuple(ws) for i, ws in named.items() if len(ws) > 1}


def joint_tiers(rules: list[Rule]) -> bool:
    """1、…超过80%、70%和60%，且运行管护效果良好，分别得6分、4分和2分。2、…不足60%，或运行管护效果较差，不得分 (semantics
    §143): numbered items each only awards on conditions joined by 且 or 或 that ask for the same inputs, none with
    points of its own stated, are tiers of one rule answered once, not sub-items answered apart."""
    if len(rules) < 2 or any(r.stated_weight is not None for r in rules):
        return False
    conds = [c.condition for r in rules for c in r.clauses if isinstance(c, Award)]
    if len(conds) != sum(len(r.clauses) for r in rules) or not all(isinstance(c, (All, AnyOf)) for c in conds):
        return False
    first = next((c for c in conds if isinstance(c, All)), None)
    return first is not None and all(isinstance(c, (All, AnyOf)) and same_inputs(first.parts, c.parts) for c in conds)


def case_headings(c: Composite) -> tuple[str, ...]:
    """The headings naming the cases of a Composite of ``cases`` (semantics §142), in the order written: the
    Note opening each case's rule."""
    return tuple(h.text for i in c.items if i.rule.clauses and isinstance(h := i.rule.clauses[0], Note))


def case_chosen(c: Composite, key: object) -> int | None:
    """The case an answer's key names: a heading's words as written (spaces around them aside); None for
    any other key (a number, part of a heading, a word of no heading). Semantics §142."""
    if not isinstance(key, str):
        return None
    for item, head in zip(c.items, case_headings(c), strict=True):
        if key.strip() == head:
            return item.number
    return None
