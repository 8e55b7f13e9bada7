"""Nodes → canonical Chinese text: a rule read back without ambiguity.

``render(rule)`` writes every clause in one canonical phrasing and states every reading the
original text left implicit:

* edges: one-sided conditions as ``≥ > ≤ <``, two-sided ones as ``75%（含）至90%（不含）``;
* percent steps: ``每低5个百分点`` (percentage points) or ``每低指标值的5%`` (relative);
* direction: ``每低`` (shortfall), ``每超出`` (excess), ``每高于或低于`` (both sides);
* partial steps: ``不足一档按比例`` / ``不足一档按一档计`` / ``不足一档不计``;
* the floor: ``扣完为止`` when written;
* readings the text leaves to a default (``None`` in a node) are stated in a comment
  ``（注：…）`` beside the clause: the comment says what the default is and that the text
  did not say it, so that the canonical text parses back to the same node.

The canonical text is built from the phrases of ``grammar/scoring.lark``, so that
``scoring.parse(render(rule)) == rule``. A few readings have no phrase in the grammar yet;
``pending(rule)`` names the requests of ``docs/render-grammar-requests.md`` a rule's
canonical text depends on (R1 comments, R2 event text, …), and the round-trip tests expect
exactly those rules to fail until the grammar supports the phrases.

render → nodes only: this module imports nothing that parses.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

import attrs

from .lexicon import lexicon, words
from .nodes import (
    Abs,
    All,
    AnyOf,
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
    ShareOfRank,
    ShareOfWeight,
    StepKind,
    TargetMet,
    Var,
    Veto,
    Waiver,
    Zero,
)
from .shapes import formula_vars

__all__ = ["REQUESTS", "number", "pending", "quantity", "range_text", "render", "render_condition", "render_outcome"]

# The grammar requests of docs/render-grammar-requests.md that canonical phrases rely on.
# Remove an id from PENDING when the grammar supports it: the round-trip tests marked
# xfail(strict=True) for it then pass, and strictness makes them fail until the id is removed.
REQUESTS: dict[str, str] = {
    "R1": "注释（注：…）: ignored by the parser",
    "R2": "Deduction.event excluded from equality (descriptive, like spans)",
    "R3": "每低5个百分点 → step Quantity(5, '%') with basis POINTS",
    "R4": "每低指标值的5% → step Quantity(5, '%') with basis RELATIVE",
    "R5": "不足一档按比例 / 不足一档不计 / 不足一档按一档计 bind to the deduction they follow",
    "R6": "每高于或低于 → Direction.BOTH",
    "R7": "自90%起 / 自90%（不含）起 → Deduction.start, direction untouched",
    "R8": "=90分 on a 分 scale (超过90分, 低于90分: §51; 80至90分: §73; 80分（含）至90分（不含）: §91)",
    "R9": "实际值 / 偏离度 / 完成比例 name the measure with an empty subject",
    "R10": "sub-item marks above ⑩ (⑪…⑳)",
    "R11": "扣4至7分 → Deduction.points_max",
    "R12": "按比例赋分（超出按线性） / 按比例赋分（超出按比值） → Proportional.linear",
    "R13": "a checklist ①…⑤ then 以上情况每出现一例…扣N分 → Composite(items of Notes, shared deduction after them)",
    "R14": "a rule-wide cap over a single deduction or bonus (Rule.cap / Rule.bonus_cap with one step clause)",
    "R15": "a shortfall range in 个百分点 whose subject ends in no shortfall word (完成率低于目标10至20个百分点)",
}
# R1-R3 landed (comments ignored, event out of equality, 个百分点 = % with basis POINTS); R13 by notes
# leaving equality (they are descriptive); R11 read already
PENDING: frozenset[str] = frozenset(REQUESTS) - {"R1", "R2", "R3", "R11", "R13"}

_MARKS = "①②③④⑤⑥⑦⑧⑨⑩"
_SHORT_WORDS = ("少", "缺", "下降", "降低", "低", "不足")
#: 例 / 起 / 件 …: a counter written as the whole of what a step counts (lexicon event_unit)
_COUNTERS = frozenset(words("event_unit"))
_SECTION_HEADINGS = frozenset(words("section_heading"))  # 加扣分： before the bonuses and deductions (semantics §144)
_GAP_WORDS = words("shortfall")  # the words transform.gap reads as a shortfall before 个百分点
# words that make 每 + a count a distance (每多增加1个村 is 超出 by 1个 steps): the count stays bare
_MORE_WORDS = ("多", "增加", "超", "提高", "上升")
_SEPARATORS = "，,；;。：:\n\r"
_OP_SIGN = {Op.GE: "≥", Op.GT: ">", Op.LE: "≤", Op.LT: "<", Op.EQ: "="}


# ------------------------------------------------------------------ numbers and quantities


def number(d: Decimal) -> str:
    """A Decimal as the canonical text writes it: no exponent, no trailing zeros (2.50 → 2.5)."""
    if not d.is_finite():
        raise ValueError(f"not a finite number: {d}")
    if d == d.to_integral_value():
        return format(d.quantize(Decimal(1)), "f")
    return format(d.normalize(), "f")


def quantity(q: Quantity) -> str:
    """5% · 5个百分点 · 10000人 · 3.65 (a bare number)."""
    return number(q.value) + q.unit


def _edge(e: Edge) -> str:
    return quantity(e.value) + ("（含）" if e.inclusive else "（不含）")


# ------------------------------------------------------------------ conditions


def _measure_words(c: Range, used: set[str]) -> tuple[str, str]:
    """The words before the comparison and the word after the operator (指标值的 for a ratio)."""
    if c.measure is Measure.DEVIATION:
        # 偏离度≤5% after the rule's definition of 偏离度 (semantics §96): the name it defines
        return (c.defined, "") if c.defined else (c.subject + "偏离", "")
    if c.measure is Measure.RATIO:
        return c.subject, "指标值的"
    if c.measure is Measure.EXCESS:
        # 超出预算10%以内 (§82): the subject ends in the excess word (and the reference) the parser read
        return c.subject, ""
    if c.measure is Measure.GAP:
        # 低于目标10个百分点以内 (§20): the shortfall word makes the band one on the gap. A subject that
        # ends in one (低) says it already; otherwise 低于 before the sign says it (完成率目标低于≤10个百分点),
        # which the parser reads as a comparison word and leaves out of the subject
        if c.subject.endswith(_GAP_WORDS) or c.subject in ("未完成", "少完成"):  # 未完成≥5个 (§101)
            return c.subject, ""
        return c.subject + "低于", ""  # a range after 低于 too (低于10个百分点（含）至20个百分点（含）, §122: R15 done)
    if not c.subject and "inherit" in used:
        used.add("R9")
        return "实际值", ""
    return c.subject, ""


def range_text(c: Range, used: set[str] | None = None) -> str:
    """A Range in canonical form: 满意度≥90% · 偏离5%（不含）至20%（含） · ≥指标值的90% · =100%; the grade naming
    it in brackets after it: =100%（优） (semantics §103)."""
    if c.grade and c.low is not None and _bare_number(c) and "inherit" not in (used or ()):
        # 优（100%）: a grade naming a single number, no edge written (stated=False); =100% would claim the text
        # said 等于 (101% would score 0 where the original refuses it)
        return f"{c.grade}（{quantity(c.low.value)}）"
    text = _band_text(c, set() if used is None else used)
    return f"{text}（{c.grade}）" if c.grade else text


def _bare_number(c: Range) -> bool:
    """The band is one number of a value, neither edge written (优（100%）)."""
    low, high = c.low, c.high
    return (
        low is not None and high is not None and low.value == high.value and low.inclusive and high.inclusive
        and not low.stated and not high.stated and c.measure is Measure.VALUE and not c.subject and not c.named
        and not c.defined and low.value.unit != "分"
    )  # fmt: skip


def _band_text(c: Range, used: set[str]) -> str:
    head, of = _measure_words(c, used)
    low, high = c.low, c.high
    unit_points = any(e is not None and e.value.unit == "分" for e in (low, high))
    if low is not None and high is not None:
        if low.value == high.value and low.inclusive and high.inclusive:
            if unit_points:
                used.add("R8")
            return f"{head}={of}{quantity(low.value)}"
        if unit_points and low.inclusive and high.inclusive and not of:
            return f"{head}{number(low.value.value)}至{number(high.value.value)}分"  # 80-89分得8分: both ends included (§73)
        if unit_points and of:
            used.add("R8")  # 80分（含）至90分（不含） reads since §91, not after 目标值的
        return f"{head}{of}{_edge(low)}至{_edge(high)}"
    if low is not None:
        if unit_points:
            if not low.inclusive:
                return f"{head}超过{quantity(low.value)}"  # read since §51
            return f"{head}{of}{quantity(low.value)}以上"
        if low.inclusive and not low.stated and not of and "lone" in used:
            # 开展政策宣讲活动1次得2分: the rule's one band is a single number, not written as an edge (stated=False);
            # ≥ would claim the text said 以上 (3次 would score where the original refuses it). In a ladder of
            # bands (第7名得4分 after 第4至6名) the ≥ is the ladder's reading and a bare number would read as =
            return f"{head}{quantity(low.value)}"
        return f"{head}{'≥' if low.inclusive else '>'}{of}{quantity(low.value)}"
    if high is not None:
        if unit_points:
            if not high.inclusive:
                return f"{head}低于{quantity(high.value)}"  # read since §51
            return f"{head}{of}{quantity(high.value)}以下"
        return f"{head}{'≤' if high.inclusive else '<'}{of}{quantity(high.value)}"
    raise ValueError("a Range needs at least one edge")


def render_condition(c: Condition | None, used: set[str] | None = None) -> str:
    """The condition of a clause as the canonical text writes it ('' for none)."""
    if c is None:
        return ""
    if isinstance(c, Range):
        return range_text(c, used)
    if isinstance(c, TargetMet) and not c.text and c.requirement is not None:
        return range_text(c.requirement, used)  # the band that states what an event falls short of
    if isinstance(c, (Label, TargetMet, Otherwise)):
        return c.text or ("未达标" if getattr(c, "negated", False) else "达标")
    if isinstance(c, All):
        return "且".join(render_condition(p, used) for p in c.parts)  # 满意度≥90%且投诉率<1% (semantics §100)
    if isinstance(c, AnyOf):
        return "，或".join(render_condition(p, used) for p in c.parts)  # 项目<60%，或运行管护效果较差 (§143)
    raise TypeError(f"not a condition: {c!r}")


# ------------------------------------------------------------------ outcomes and formulas

_PRECEDENCE = {"+": 1, "-": 1, "*": 2, "/": 2}
_OP_TEXT = {"+": "+", "-": "-", "*": "×", "/": "/"}


def definition_text(name: str, e: Expr) -> str:
    """预算执行率=实际支出数/调整后预算数×100%: a rate's definition as written (its ×100% a Num of 1, semantics §164)."""
    if isinstance(e, BinOp) and e.op == "*" and isinstance(e.right, Num) and e.right.value == 1:
        return f"{name}={expr_text(e.left)}×100%"
    return f"{name}={expr_text(e)}"


def expr_text(e: Expr, parent: int = 0, right: bool = False) -> str:
    """A formula: （完成率-0.6）/（1-0.6）×指标分值. Percent literals are written as decimals."""
    if isinstance(e, Num):
        return number(e.value)
    if isinstance(e, Var):
        return e.name
    if isinstance(e, BinOp):
        p = _PRECEDENCE[e.op]
        inner = f"{expr_text(e.left, p)}{_OP_TEXT[e.op]}{expr_text(e.right, p, True)}"
        if p < parent or (right and p == parent):
            return f"（{inner}）"
        return inner
    if isinstance(e, Abs):
        return f"|{expr_text(e.arg)}|"
    raise TypeError(f"not an expression: {e!r}")


def render_outcome(o: Outcome) -> str:
    """得满分 · 得8分 · 得指标分值80% · 不得分 · 得分=…"""
    if isinstance(o, FullMarks):
        return "得满分"
    if isinstance(o, Points):
        return f"得{number(o.value)}分"
    if isinstance(o, ShareOfWeight):
        return f"得指标分值{number(o.percent)}%"
    if isinstance(o, Zero):
        return "不得分"
    if isinstance(o, Formula) and o.cap is None and any("的" in n for n in formula_vars(o.expr)):
        # 抽查的系统管理率/85%×10: after 得分= 的 ends a name; 按…计算得分 reads it whole (§145)
        return "按" + expr_text(o.expr) + "计算得分"
    if isinstance(o, Formula):
        return "得分=" + expr_text(o.expr) + ("" if o.cap is None else f"，最高{number(o.cap)}分")
    if isinstance(o, ShareOfRank):
        return f"按第{number(o.rank)}名的比例得分"  # §109
    if isinstance(o, ByHand):
        if o.low is not None and o.high is not None and o.share:
            return f"得{number(o.low)}%-{number(o.high)}%分值"  # 得60%-80%分值: a share of the weight by hand
        if o.low is not None and o.high is not None:
            return f"得{number(o.low)}至{number(o.high)}分"  # 良好8-9分: a hand score within
        return "酌情扣分" if o.deduct else "酌情评分"
    raise TypeError(f"not an outcome: {o!r}")


# ------------------------------------------------------------------ deductions


def _points(p: Decimal | Expr) -> str:
    if isinstance(p, Decimal):
        return f"{number(p)}分"
    return f"（{expr_text(p)}）分"


def _full_marks_edge(rule: Rule) -> Quantity | None:
    """Where steps are counted from when a deduction says nothing: the full-marks edge (as the evaluator reads it)."""
    for a in rule.awards:
        c = a.condition
        if isinstance(c, Range) and c.measure is Measure.VALUE and isinstance(a.outcome, (FullMarks, Points)):
            if a.outcome == Points(Decimal(0)):
                continue
            edge = c.low if c.low is not None else c.high
            if edge is not None:
                return edge.value
    return None


_DIRECTION_DEFAULT = {
    Op.GE: "只计低于的部分", Op.GT: "只计低于的部分",
    Op.LE: "只计超出的部分", Op.LT: "只计超出的部分", Op.EQ: "高于、低于都计",
}  # fmt: skip


class _Context:
    """What the comments may say about defaults: the row's comparator and unit, when known."""

    def __init__(self, comparator: Op | None, rate: bool | None) -> None:
        self.comparator = comparator
        self.rate = rate


def _step_phrase(d: Deduction, used: set[str]) -> str:
    """每低5个百分点 · 每超出指标值的5% · 每偏差5% · 每高于或低于1000元 · 每5%."""
    assert d.step is not None
    dev = d.measure is Measure.DEVIATION
    if d.direction is Direction.SHORTFALL:
        per = "偏离每低" if dev else "每低"
    elif d.direction is Direction.EXCESS:
        per = "偏离每超出" if dev else "每超出"
    elif d.direction is Direction.BOTH:
        used.add("R6")
        per = "偏离每高于或低于" if dev else "每高于或低于"
    else:
        per = "每偏差" if dev else "每"
    return per + _step_size(d, used)


def _step_size(d: Deduction, used: set[str]) -> str:
    """5个百分点 · 指标值的5% · 1000元: the size of a distance step."""
    assert d.step is not None
    step = d.step
    if step.unit == "个百分点" or (step.unit == "%" and d.basis is PercentBasis.POINTS):
        if step.unit == "%":
            used.add("R3")
        size = f"{number(step.value)}个百分点"
    elif step.unit == "%" and d.basis is PercentBasis.RELATIVE:
        used.add("R4")
        size = f"指标值的{number(step.value)}%"
    else:
        size = quantity(step)
    return size


def _start_phrase(d: Deduction, used: set[str]) -> str:
    """低于95%时 (the comparison the grammar reads as a start and a direction) or 自95%起 (R7)."""
    s = d.start
    if s is None:
        return ""
    q = quantity(s.value)
    if d.direction is Direction.SHORTFALL:
        return f"{'≤' if s.inclusive else '<'}{q}时"
    if d.direction is Direction.EXCESS:
        return f"{'≥' if s.inclusive else '>'}{q}时"
    used.add("R7")
    return f"自{q}起" if s.inclusive else f"自{q}（不含）起"


def _start_in_context(d: Deduction, rule: Rule) -> bool:
    """The start is the one comparison of the context clause just before (§13: 按计划100%完成，每偏差5%扣2分),
    which the canonical text keeps as a note: the start needs no phrase of its own."""
    if d.start is None or (d.direction is not None and d.start.stated):
        return False  # (a start not stated, §58: the lone number of the note before, restating a band's line)
    if not d.start.inclusive and d.direction is not None:
        return False
    # an exclusive start with no direction is the line of the note before (项目完成率低于100%的，每满5个百分点…):
    # the note says 低于/超过 and the grammar reads its line as the start, as the source does
    i = next((k for k, c in enumerate(rule.clauses) if c is d), 0)
    before = rule.clauses[i - 1] if i > 0 else None
    if d.plan and i > 1 and isinstance(before, Award) and isinstance(before.condition, TargetMet):
        before = rule.clauses[i - 2]  # 城镇新增就业8000人，完成得满分，每少完成100人…: the plan before 完成 (§82)
    if d.plan and isinstance(before, Note):
        return True  # 全年发放补贴资金2000万元，每少发放100万元…: the plan line is the note's (in 万元, not 20000000元)
    return isinstance(before, Note) and quantity(d.start.value) in before.text


def _step_name(d: Deduction) -> str:
    """The name of the value a distance step measures, written before 每 (重大治安隐患整改率每低10%): the
    words the evaluator reads as the measured value's name (scoring.reading.bind, two named values are
    two answers). '' when there is none, or when the words hold a number or a separator (a step phrase
    or a context the canonical text writes elsewhere)."""
    if d.kind is not StepKind.DISTANCE or "每" not in d.event:
        return ""
    name = d.event.split("每")[0].strip("，,；;。 的")
    if not name or any(ch.isdigit() or ch in _SEPARATORS or ch in "（）()" for ch in name):
        return ""
    return name


def _named_in_note(d: Deduction, rule: Rule, name: str) -> bool:
    """The note just before names the value and states the line the steps count from (一般隐患整改率达到95%，
    每低1个百分点…): the canonical text keeps the note and writes the step bare after it, as the source does."""
    if d.start is None or not d.start.inclusive or d.direction is not Direction.SHORTFALL:
        return False
    i = next((k for k, c in enumerate(rule.clauses) if c is d), 0)
    before = rule.clauses[i - 1] if i > 0 else None
    return isinstance(before, Note) and before.text.startswith(name) and quantity(d.start.value) in before.text


def _partial_phrase(p: Partial) -> str:
    return {Partial.PRORATA: "不足一档按比例", Partial.CEIL: "不足一档按一档计", Partial.FLOOR: "不足一档不计"}[p]


def _deduction(d: Deduction, rule: Rule, ctx: _Context, used: set[str], notes: list[str]) -> str:
    if d.points_max is not None:
        used.add("R11")
        low = number(d.points) if isinstance(d.points, Decimal) else expr_text(d.points)
        amount = f"{'加' if d.bonus else '扣'}{low}至{number(d.points_max)}分"
    else:
        amount = ("加" if d.bonus else "扣") + _points(d.points)
    if d.kind is StepKind.ONCE and d.when is not None:
        return f"{render_condition(d.when, used)}{amount}"  # 完成率≥100%加2分 (semantics §106)
    if d.kind is StepKind.ONCE:
        notes.append("没有数量：发生即扣一次")
        return f"{d.event}{amount}"
    if d.kind is StepKind.EVENTS:
        step = d.step or Quantity(Decimal(1), "次")
        event = d.event
        if not event:
            text = f"每{quantity(step)}{amount}"
        elif event.removeprefix("每") == step.unit:
            text = f"每{step.unit}{amount}"  # 因工作失职造成不良影响的，每次扣1-3分: the words are the note before
        elif event.removeprefix("每") in _COUNTERS:
            text = f"每{event.removeprefix('每')}{amount}"  # 发现违规问题的，每例扣1-3分: the counter is the words
        elif "每" in event and not any(ch.isdigit() for ch in event):
            text = f"{event}{amount}"  # 出现火灾事故每例扣5至10分: the counter is in the words
        elif not any(ch.isdigit() for ch in event) and not any(n in event for n in "一二两三四五六七八九十"):
            text = f"{event}{amount}/{step.unit}"
        elif "或" in event and event.startswith(_SHORT_WORDS):
            # 每少1种机构或少1项制度的: each missing thing of either counter is one event (§16)
            text = f"每{event}{amount}"
        else:
            # 每少一次 reads as a shortfall distance, 每多增加1个 as an excess; without 每 they count events
            # (a qualifier's comparison word inside the words, 完成率低于60%的项目, is no shortfall: semantics §98)
            bare = "每" in event or (
                not d.qualifiers and (any(w in event for w in _SHORT_WORDS) or event.startswith(_MORE_WORDS))
            )
            text = f"{event}{amount}" if bare else f"每{event}{amount}"
        if d.partial is not None and d.partial is not Partial.CEIL:
            used.add("R5")
            text += "，" + _partial_phrase(d.partial)
        elif d.partial is None and step.value != 1:
            notes.append("不足一档未写明：默认按比例")
        if d.sample is not None:
            text = f"（抽{number(d.sample)}{step.unit}）{text}"  # (抽10份孕期档案)1份不真切扣1分 (semantics §145)
        return text
    # distance from a reference
    used.add("R2")
    name = _step_name(d)
    if name and _named_in_note(d, rule, name):
        start = name = ""  # 重大隐患整改率达到100%，每低1个百分点…: the note before gives the name and the line (§134)
    else:
        start = "" if _start_in_context(d, rule) else _start_phrase(d, used)
    if start:
        name = ""  # ≤100%时 before the name would put the line's number in the name (a gap: docs/architecture.md)
    # 重大治安隐患整改率每低10%扣10分: the name of the value the step measures, as written (§14, §134); without it
    # two named steps would read as one value answered once
    whole = d.partial is Partial.FLOOR and d.measure is Measure.VALUE and (d.direction is None or bool(start))
    if whole:
        # 每满5个百分点扣1分: 每满 is the grammar's own phrase for whole steps only (不足一档不计); the direction,
        # where there is one, is the start phrase's (<95%时每满5个百分点)
        phrase = "每满" + _step_size(d, used)
    else:
        phrase = _step_phrase(d, used)
    text = start + name + phrase + amount
    if d.partial is not None and d.partial is not Partial.CEIL and not whole:
        used.add("R5")
        text += "，" + _partial_phrase(d.partial)
    if d.start is None:
        ref = _full_marks_edge(rule)
        notes.append(f"差距自满分线{quantity(ref)}起算" if ref is not None else "差距自指标值起算")
    if d.direction is None:
        if ctx.comparator is not None:
            notes.append(f"方向未写明：按指标值类型{_OP_SIGN[ctx.comparator]}，{_DIRECTION_DEFAULT[ctx.comparator]}")
        else:
            notes.append("方向未写明：按指标值类型，≥计低于的部分，≤计超出的部分，=两侧都计")
    if d.step is not None and d.step.unit == "%" and d.basis is None:
        if ctx.rate is True:
            notes.append("百分比口径未写明：比率按百分点")
        elif ctx.rate is False:
            notes.append("百分比口径未写明：按指标值的百分比")
        else:
            notes.append("百分比口径未写明：比率按百分点，数量按指标值的百分比")
    if d.partial is None:
        notes.append("不足一档未写明：默认按比例")
    return text


# ------------------------------------------------------------------ rules


def _comment(notes: Iterable[str], used: set[str]) -> str:
    notes = list(dict.fromkeys(notes))
    if not notes:
        return ""
    used.add("R1")
    return "（注：" + "；".join(notes) + "）"


def _inherits(rule: Rule) -> set[int]:
    """Awards whose empty-subject VALUE range would inherit the measure of an earlier band."""
    out: set[int] = set()
    measure = Measure.VALUE
    for i, c in enumerate(rule.clauses):
        if isinstance(c, Award) and isinstance(c.condition, Range):
            cond = c.condition
            if cond.measure is Measure.VALUE and not cond.subject and measure is not Measure.VALUE:
                out.add(i)
            else:
                measure = cond.measure
    return out


def _rule_text(rule: Rule, ctx: _Context, used: set[str]) -> str:
    parts: list[str] = []
    inherit = _inherits(rule)
    said_measure: set[Measure] = set()
    deductions = [i for i, c in enumerate(rule.clauses) if isinstance(c, Deduction)]
    last_deduction = deductions[-1] if deductions else None
    ceil = bool(deductions) and all(isinstance(c, Deduction) and c.partial is Partial.CEIL for c in rule.deductions)
    if any(c.partial is Partial.CEIL for c in rule.deductions) and not ceil:
        used.add("R5")
    first = _points_first(rule)
    bands = [i for i, c in enumerate(rule.clauses) if isinstance(c, Award) and isinstance(c.condition, Range)]
    lone = bands[0] if len(bands) == 1 else None  # the rule's only band (its bare number reads back as written)
    lists = _listed_runs(rule)
    inside = {k for run in lists.values() for k in run[:-1]}
    for c in rule.clauses:  # 预算执行率=实际支出数/调整后预算数×100% before the formulas on it (semantics §164)
        if isinstance(c, Award) and isinstance(c.outcome, Formula):
            parts.extend(t for n, by in c.outcome.rates if (t := definition_text(n, by)) not in parts)
    for i, c in enumerate(rule.clauses):
        if i in inside:
            continue  # written with the last item of its 分别 list
        notes: list[str] = []
        local = {"inherit"} if i in inherit else set()
        if i == lone:
            local.add("lone")
        if first and isinstance(c, Award):
            local.add("points-first")
        run = lists.get(i)
        if run is not None:
            text = _listed_text([rule.clauses[k] for k in run])  # type: ignore[misc]
        else:
            text = _clause(c, rule, ctx, local, notes, said_measure)
        used |= local - {"inherit", "points-first", "lone"}
        if isinstance(c, Deduction) and c.partial is Partial.CEIL and not ceil:
            text += "，" + _partial_phrase(Partial.CEIL)
        if isinstance(c, Deduction) and c.items is not None and c.step is not None and c.bonus:
            # 每完成1项得2分，共5项: the items stated (semantics §150); 共 reads after an award written with 得
            amount = "加" + _points(c.points)
            text = text.replace(amount, "得" + amount[1:], 1) + f"，共{number(c.items)}{c.step.unit}"
        elif isinstance(c, Deduction) and c.cap is not None:
            text += f"，最多{'加' if c.bonus else '扣'}{number(c.cap)}分"
        if i == last_deduction:
            if ceil:
                text += "，不足一档按一档计"
            if rule.until_exhausted:
                text += "，扣完为止"
            elif getattr(rule, "below_zero", False):
                text += "，该项可负分"
            elif getattr(rule, "floor", None) is None:  # 最低得N分 closes the rule (semantics §102)
                notes.append("未写扣完为止：最低0分")
        parts.append(text + _comment(notes, used))
    if (rule.cap is not None and sum(not d.bonus for d in rule.deductions) < 2) or (
        rule.bonus_cap is not None and len(rule.bonuses) < 2
    ):
        used.add("R14")  # 最多扣/加N分 after a single step clause is that clause's cap
    if rule.cap is not None and parts:
        parts[-1] += f"，最多扣{number(rule.cap)}分"
    if rule.cap_share is not None and parts:
        parts[-1] += f"，扣分不超过本项分值的{number(rule.cap_share)}%"  # semantics §84
    if rule.bonus_cap is not None and parts:
        parts[-1] += f"，最多加{number(rule.bonus_cap)}分"
    floor = getattr(rule, "floor", None)
    if floor is not None and parts:
        parts[-1] += f"，最低得{number(floor)}分"  # semantics §102
    if rule.bonus_highest and parts:
        parts[-1] += "，就高计分"  # only the largest bonus that holds (semantics §126)
    if rule.bonus_cap_base:
        parts.append("加分不超过基本分")
    if rule.stated_weight is not None:
        parts.insert(0, f"满分{number(rule.stated_weight)}分")  # 本项满分10分 (domain point 15)
    if rule.per_item and not any(isinstance(c, Note) and _says_per_item(c.text) for c in rule.clauses):
        parts.append("每完成1项取得该项分数")  # the checklist's items score each its points (§67)
    if rule.until_exhausted and last_deduction is None:
        if parts:
            parts[-1] += "，扣完为止"
        else:
            parts.append("扣完为止")
    return _joined(parts)


def _joined(parts: list[str]) -> str:
    """The clauses joined by ；, but a heading of bonuses and deductions (加扣分：, semantics §144) by its colon alone."""
    out = ""
    for k, p in enumerate(parts):
        out += ("" if k == 0 or parts[k - 1].removesuffix("：") in _SECTION_HEADINGS else "；") + p
    return out


def _listed_item(c: Clause) -> bool:
    return (
        isinstance(c, Deduction) and c.listed and c.kind is StepKind.EVENTS and isinstance(c.points, Decimal)
        and c.points_max is None and c.cap is None and c.partial is None and c.when is None and not c.qualifiers
        and bool(c.event) and not any(ch in _SEPARATORS or ch in "、和" for ch in c.event)
    )  # fmt: skip


def _listed_runs(rule: Rule) -> dict[int, list[int]]:
    """Runs of two or more items of one 分别 list (先进集体和个人分别加2分、1分, ``Deduction.listed``, §131), keyed
    by the index of the run's last item: written back as the list, since an item alone (加2分/项) reads as
    steps, which take a count where the list takes 是/否 per item."""
    runs: dict[int, list[int]] = {}
    run: list[int] = []
    cs = rule.clauses
    for k, c in enumerate([*cs, None]):
        if c is not None and _listed_item(c) and (not run or cs[run[0]].bonus == c.bonus):  # type: ignore[union-attr]
            run.append(k)
            continue
        if len(run) > 1:
            runs[run[-1]] = run
        run = [k] if c is not None and _listed_item(c) else []
    return runs


def _listed_text(items: list[Deduction]) -> str:
    """获市级以上先进集体、个人分别加2分、1分."""
    sign = "加" if items[0].bonus else "扣"
    return "、".join(d.event for d in items) + "分别" + sign + "、".join(f"{number(d.points)}分" for d in items)  # type: ignore[arg-type]


def _says_per_item(text: str) -> bool:
    """A note that is itself a phrase of the lexicon's PER_ITEM (每完成1项取得该项分数, 未完成项不得分 …)."""
    pats = next(c for c in lexicon() if c.name == "PER_ITEM").entries
    return any(re.fullmatch(e.pattern or re.escape(e.word), text) for e in pats)


def _points_first(rule: Rule) -> bool:
    """Write the awards points first (100分：…) when a condition written over several phrases
    follows a note: cond，得N分 would read the note as part of the condition. Only for rules of
    notes then awards of points, since a points-first condition runs to the next points."""
    cs = rule.clauses
    lead = next((k for k, c in enumerate(cs) if not isinstance(c, Note)), len(cs))
    awards = cs[lead:]
    if lead == 0 or not awards:
        return False
    if not all(
        isinstance(c, Award) and not c.discretionary and isinstance(c.outcome, (Points, Zero))
        and isinstance(c.condition, (Label, TargetMet)) for c in awards
    ):  # fmt: skip
        return False
    assert isinstance(awards[0], Award)
    return any(ch in render_condition(awards[0].condition) for ch in _SEPARATORS)


def _clause(c: Clause, rule: Rule, ctx: _Context, used: set[str], notes: list[str], said: set[Measure]) -> str:
    if isinstance(c, Award):
        cond = render_condition(c.condition, used)
        if "points-first" in used:
            # 评分标准：100分：项目支出符合规定,无违规违纪；0分：… (a condition over several phrases after a note)
            pts = "0" if isinstance(c.outcome, Zero) else number(c.outcome.value)  # type: ignore[union-attr]
            return f"{pts}分：{cond}"
        if c.outcome == Points(Decimal(0)) and not c.discretionary:
            return f"{cond}（0分）"  # 得0分 reads as 不得分 (Zero): the bracketed points keep Points(0)
        out = render_outcome(c.outcome)
        if c.discretionary:
            out += "或扣相应分数"
        if isinstance(c.condition, TargetMet):
            notes.append("按未达到指标值计" if c.condition.negated else "按达到指标值计")
        if isinstance(c.condition, Range) and c.condition.measure not in said:
            said.add(c.condition.measure)
            if c.condition.measure is Measure.DEVIATION and not c.condition.defined:  # else the definition says it
                notes.append("偏离度=|实际值-指标值|/指标值，方向按指标值类型")
            elif c.condition.measure is Measure.RATIO:
                notes.append("完成比例=实际值/指标值")
        if any(ch in cond for ch in _SEPARATORS):
            # a condition written over several phrases (有结余，但不超过上年结转): the outcome follows a comma
            return f"{cond}，{out}"
        if isinstance(c.outcome, Formula) and isinstance(c.condition, Label):
            # 按以下公式计算：得分=…: words run into 得分= would be read as the formula's first name
            return f"{cond}：{out}"
        return cond + out
    if isinstance(c, Veto):
        cond = render_condition(c.condition, used)
        # 弄虚作假的，一经查实: a condition over several phrases takes a comma before its outcome, as an award's does
        return cond + ("，直接计0分" if any(ch in cond for ch in _SEPARATORS) else "直接计0分")
    if isinstance(c, Waiver):
        return f"但{c.condition.text}的，可不扣分"  # an exception to the deductions (semantics §105)
    if isinstance(c, Deduction):
        return _deduction(c, rule, ctx, used, notes)
    if isinstance(c, Proportional):
        if c.linear is None:
            notes.append("得分=分值×实际值/指标值，最高满分；≤类指标超出时口径未写明：默认分值×指标值/实际值")
        return c.text
    if isinstance(c, Note):
        if c.text[:1] in _MARKS:
            used.add("R13")
        if c.text in _SECTION_HEADINGS:
            return c.text + "："  # 加扣分： heads the bonuses and deductions after it (semantics §144)
        return c.text
    raise TypeError(f"not a clause: {c!r}")


def _item_mark(item: Item, used: set[str]) -> str:
    if 1 <= item.number <= len(_MARKS):
        return _MARKS[item.number - 1]
    used.add("R10")
    return chr(0x2460 + item.number - 1) if item.number <= 20 else f"{item.number}、"


def _render(node: Node, ctx: _Context, used: set[str]) -> str:
    if isinstance(node, Composite) and node.cases:
        # 山区：…。其它地区：… (semantics §142): each case after its heading and a colon, one sentence each
        cases = []
        for item in node.items:
            head, *rest = item.rule.clauses
            assert isinstance(head, Note)
            cases.append(f"{head.text}：" + _rule_text(attrs.evolve(item.rule, clauses=tuple(rest)), ctx, used))
        lead = node.shared.clauses[0] if node.shared is not None and node.shared.clauses else None
        # 每项子行动按排名计算分值,即: (semantics §151): the note leading the cases, before them, closed by a colon
        return (f"{lead.text}：" if isinstance(lead, Note) else "") + "。".join(cases)
    if isinstance(node, Composite):
        parts = []
        if node.shared is not None:
            parts.append(_rule_text(node.shared, ctx, used))
        for item in node.items:
            parts.append(_item_mark(item, used) + _rule_text(item.rule, ctx, used))
        return "；".join(parts) + ("。每完成1项取得该项分数" if node.per_item else "")
    if isinstance(node, Rule):
        return _rule_text(node, ctx, used)
    raise TypeError(f"render needs a Rule or Composite, not {type(node).__name__}")


def _context(comparator: str | Op | None, unit: str | None) -> _Context:
    op: Op | None
    if isinstance(comparator, Op) or comparator is None:
        op = comparator
    else:
        op = {
            "≥": Op.GE, ">=": Op.GE, ">": Op.GT, "≤": Op.LE, "<=": Op.LE, "<": Op.LT, "=": Op.EQ,
            "正向": Op.GE, "反向": Op.LE,
        }.get(comparator.strip())  # fmt: skip
    rate: bool | None = None
    if unit is not None and unit.strip() not in ("", "无", "-", "定性", "定量"):
        rate = unit.strip() in ("%", "％", "百分比", "百分率")
    return _Context(op, rate)


def render(node: Node, *, comparator: str | Op | None = None, unit: str | None = None) -> str:
    """The canonical text of a parsed rule: every edge, step basis, direction, partial step and
    floor stated; defaults the text relies on are stated in ``（注：…）`` comments.

    ``comparator`` and ``unit`` (the row's 指标值类型 and 度量单位), when given, let the comments
    name the default that applies to this row rather than the rule for every row.
    """
    return _render(node, _context(comparator, unit), set())


def pending(node: Node) -> set[str]:
    """The grammar requests (ids of REQUESTS) the canonical text of ``node`` needs and the
    grammar does not support yet. Empty: ``parse(render(node)) == node`` is expected today."""
    used: set[str] = set()
    _render(node, _context(None, None), used)
    return used & PENDING
