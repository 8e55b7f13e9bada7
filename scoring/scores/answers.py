"""Answers as the evaluator takes them: the indicator and options of one evaluation (_Ctx), an
answer read into a typed value (_In: a quantity, 是/否 or a label), item numbers, missing data."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
from attrs import frozen

from ..errors import EvaluationError
from ..reading.bind import event_words, reads_rank
from ..reading.deadlines import answer_date
from ..reading.scales import (
    Compare,
    Scale,
    Setting,
    decline_bands,
    drop_itself,
    once_counted,
    rise_on_drop,
    same_unit,
    two_quantities,
)
from ..reading.values import (
    DONE_OPENINGS,
    EVENT_NEGATIONS,
    EVENT_VERBS,
    LEVEL_OPENINGS,
    NOT_DONE_OPENINGS,
    ON_TIME,
    SAME,
    Value,
    bare_quantity,
    canonical_answer,
    is_missing,
    normalize_unit,
    parse_value,
    same_label,
    yes_no,
)
from ..reading.values import row_unit as _row_unit
from ..rules.grades import Grade, bare, changes_grade, grade_of, grade_words, grades_of, short_names, unquoted
from ..rules.lexicon import words
from ..rules.nodes import (
    Award,
    Deduction,
    Direction,
    Label,
    Note,
    Op,
    Otherwise,
    Quantity,
    Range,
    Requirement,
    Rule,
    StepKind,
    TargetMet,
)
from ..rules.once import per_rule
from ..rules.shapes import delay_unit
from ..text.numbers import chinese_numeral
from .results import Options, Step, _fmt


@attrs.define
class _Ctx:
    weight: Decimal
    target: Value | None
    op: Op | None  # the comparator: given, or written in the target
    unit: str
    options: Options
    steps: list[Step] = attrs.Factory(list)
    ceiling: Decimal | None = None  # stated bonuses (加分) lift the weight's cap by what they added
    # the indicator as the reading's plans take it (scoring.reading.scales)
    setting: Setting = attrs.Factory(
        lambda c: Setting(c.unit, c.target.quantity if c.target is not None else None, c.op), takes_self=True
    )
    target_text: str = ""  # the 指标值 as written (2024年6月底前: the year of deadlines written without one, §88)

    def step(self, clause: str, delta: Decimal, note: str = "", **inputs: object) -> None:
        self.steps.append(Step(clause, tuple((k, _fmt(v)) for k, v in inputs.items()), delta, note))


def row_unit(unit: str | None, target: Value | None, written: Any = None) -> str:
    """``values.row_unit`` of the row (``written``: the target as given), or % where the target read
    is a percent."""
    u = _row_unit(unit, written)
    if not u and target is not None and target.quantity.unit == "%":
        return "%"
    return u


def _target_value(target: Any, unit: str | None) -> Value | None:
    if target is None:
        return None
    if isinstance(target, float):
        raise TypeError("target must be Decimal, int or str, not float")
    if isinstance(target, (int, Decimal)) and not isinstance(target, bool):
        if isinstance(target, Decimal) and not target.is_finite():
            raise EvaluationError(f"指标值不是有限数: {target}")
        return Value(Quantity(Decimal(target), _base_unit(unit)))
    if isinstance(target, str):
        return parse_value(target, unit)
    raise TypeError(f"target must be Decimal, int or str, not {type(target).__name__}")


def _base_unit(unit: str | None) -> str:
    u = normalize_unit(unit)
    if u in ("百分比", "百分率"):
        return "%"
    return u[1:] if u.startswith(("万", "亿")) else u


@frozen
class _In:
    """An actual as the evaluator sees it."""

    quantity: Quantity | None = None  # with the table's unit where the text wrote none
    flag: bool | None = None  # 是/否: requirement met
    label: str | None = None  # a grade label
    raw: Quantity | None = None  # as written, without the table's unit


def _actual(value: Any, ctx: _Ctx) -> _In:
    if is_missing(value):
        raise EvaluationError(
            f"没有实际值（“{'' if value is None else str(value).strip()}”表示数据缺失）：缺失的数据不计分，请填写实际完成值"
        )
    if isinstance(value, float):
        raise TypeError("actual must be Decimal, int, str or bool, not float: pass str() or Decimal to keep it exact")
    if isinstance(value, bool):
        return _In(flag=value)
    if isinstance(value, int):
        return _In(bare_quantity(Decimal(value), ctx.unit), raw=Quantity(Decimal(value)))
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise EvaluationError(f"实际值不是有限数: {value}")
        return _In(bare_quantity(value, ctx.unit), raw=Quantity(value))
    if isinstance(value, str):
        yn = yes_no(value)
        v = parse_value(value, ctx.unit)
        if v is not None:
            raw = parse_value(value, None)
            return _In(v.quantity, yn, raw=raw.quantity if raw is not None else v.quantity)
        if yn is not None:
            return _In(flag=yn)
        return _In(label=value.strip())
    raise TypeError(f"actual must be Decimal, int, str, bool or a mapping, not {type(value).__name__}")


_event_words = event_words  # the reading's (bind.event_words), under the name the scorers use
_once_counted = once_counted  # a one-off deduction or bonus a count answers (semantics §125)


def step_count(x: _In, step: Quantity) -> Quantity:
    """The answer a deduction per counted unit (每发现1例, 每1万元) counts: as written where it wrote no unit
    (3 cases, not 3% on a % row), except where the row's unit is the step's (审计发现违规金额每1万元扣1分 on a 万元
    row: 3 is 3万元, semantics §12; it was 3元, 0.0003 of a step)."""
    assert x.quantity is not None
    if x.raw is None or x.raw.unit:
        return x.quantity
    if x.quantity.unit and step.unit and same_unit(normalize_unit(x.quantity.unit), normalize_unit(step.unit)):
        return x.quantity
    return x.raw


def _as_count(x: _In) -> Quantity:
    """The answer as a count: as written where it wrote no unit (3 on a % row is 3 cases, not 3%)."""
    assert x.quantity is not None
    return x.raw if x.raw is not None and not x.raw.unit else x.quantity


def _keyed(actual: Mapping[Any, Any], numbers: Sequence[int]) -> dict[int, Any]:
    """The answers by item number; every one of ``numbers`` (as the rule numbers its items:
    ①③ is 1 and 3) answered, and no other."""
    out: dict[int, Any] = {}
    for k, v in actual.items():
        out[_item_number(k)] = v
    missing = [i for i in dict.fromkeys(numbers) if i not in out]
    if missing:
        raise EvaluationError(f"缺少第{'、'.join(str(i) for i in missing)}项的实际值")
    extra = [i for i in out if i not in numbers]
    if extra:
        raise EvaluationError(f"没有第{'、'.join(str(i) for i in extra)}项")
    return out


def _item_number(k: Any) -> int:
    if isinstance(k, bool):
        raise EvaluationError(f"分项编号无效: {k!r}")
    if isinstance(k, int):
        return k
    s = str(k).strip()
    marks = "①②③④⑤⑥⑦⑧⑨⑩"
    if s and s[0] in marks:
        return marks.index(s[0]) + 1
    if s.isascii() and s.isdigit():
        return int(s)
    raise EvaluationError(f"分项编号无效: {k!r}")


def _show(x: _In) -> str:
    if x.quantity is not None:
        return _fmt(x.quantity)
    if x.flag is not None:
        return "是" if x.flag else "否"
    return x.label or ""


def _no_events(x: _In) -> bool:
    if x.quantity is not None:
        return x.quantity.value == 0
    return bool(x.flag)


def _scale(x: _In) -> Scale:
    """The answer's scale: its unit, and whether it wrote one (the reading's plans are per scale)."""
    assert x.quantity is not None
    return Scale(x.quantity.unit, x.raw is None or bool(x.raw.unit))


def _number(x: _In, source: str) -> Quantity:
    """The number a plan reads: the value in base units, or as written in the rule's unit."""
    assert x.quantity is not None
    return x.raw if source == "raw" and x.raw is not None else x.quantity


def _compared(plan: Compare, x: _In) -> Decimal:
    """The number a clause compares, as the reading's plan for this answer's scale says; its
    refusal where the plan has one."""
    q = _number(x, plan.source)
    if plan.error:
        raise EvaluationError(plan.error.replace("{q}", _fmt(Quantity(q.value, plan.unit))))
    return plan.measure(q.value)


def _numeric_target(ctx: _Ctx) -> Quantity:
    if ctx.target is None:
        raise EvaluationError("这条规则需要数值指标值（target）")
    return ctx.target.quantity


def _fail(msg: str) -> Decimal:
    raise EvaluationError(msg)


def fits_the_value(rule: Rule, x: _In, setting: Setting) -> None:
    """A number answers the rule's one value: a rank is a whole number from 1 (domain point 19), and
    the rule's bands measure one quantity (``scales.two_quantities``); else the refusal."""
    if x.quantity is None:
        return
    if reads_rank(rule):
        r = x.raw if x.raw is not None else x.quantity
        if r.value < 1 or r.value != r.value.to_integral_value() or (r.unit and r.unit != "名"):
            raise EvaluationError(f"这条规则按名次计分，名次应为从1起的整数（第1名为1），而不是“{_show(x)}”")
    _whole_counted(rule, x)
    both = two_quantities(rule, setting)
    if both is not None:
        raise EvaluationError(
            f"这条规则的条件量的是两样东西（{_fmt(both[0])}与{_fmt(both[1])}），一个实际值“{_show(x)}”不能同时回答："
            "请核对规则，或拆成两个指标"
        )


@per_rule
def counted_bands(rule: Rule) -> tuple[Range, ...]:
    """The rule's bands where they are tiers of a count (two or more, every edge in a counter of the lexicon's
    ``event_unit``, no steps on a distance: 1次扣1分，2次扣2分，3次及以上不得分; 一至两次得2分), or none."""
    bands = tuple(a.condition for a in rule.awards if isinstance(a.condition, Range))
    counters = words("event_unit")
    if len(bands) < 2 or any(d.kind is StepKind.DISTANCE for d in rule.deductions):
        return ()  # 923人以上满分，每偏差1%扣1分: a value measured against a line, not tiers of a count
    if all(e.value.unit in counters for b in bands for e in (b.low, b.high) if e is not None):
        return bands
    return ()


def _whole_counted(rule: Rule, x: _In) -> None:
    """Bands that count things: a count is never negative, and a count between two whole ones that no band holds
    (2.5 between 一至两次 and 三至四次, 1.5 between 1次 and 2次) is no count at all: it fell into the gap and scored 0,
    and −1 scored full marks. A fraction inside a band stays (人均2.5次: an average)."""
    q = x.raw if x.raw is not None else x.quantity
    if q is None:
        return
    bands = counted_bands(rule)
    if not bands:
        return
    if q.value < 0 or (q.value != q.value.to_integral_value() and not any(within(b, q.value) for b in bands)):
        raise EvaluationError(f"这条规则按次数（个数）分档，次数应为不小于0的整数，而不是“{_show(x)}”")


def within(cond: Range, v: Decimal) -> bool:
    """Whether the number ``v`` (already on the band's scale) lies between the band's edges, each included or not."""
    lo, hi = cond.low, cond.high
    if lo is not None and (v < lo.value.value or (v == lo.value.value and not lo.inclusive)):
        return False
    return not (hi is not None and (v > hi.value.value or (v == hi.value.value and not hi.inclusive)))


def _match_label(awards: list[Award], label: str) -> Award | None:
    """The award an answer names: its label's words (or words listed as meaning the same), else its
    grade word alone (semantics §85); None when it names none, or more than one."""
    found = _named(awards, label)
    return found[0] if len(found) == 1 else None


def _label_text(a: Award) -> str:
    c = a.condition
    if isinstance(c, Range):
        return c.grade  # 良（90%-100%）: the grade naming the band (semantics §103)
    return c.text if isinstance(c, (Label, Otherwise, TargetMet)) else ""


def _worded(a: Award) -> bool:
    """A label, 达标, or a band named by a grade (良（90%-100%）, semantics §103): what a word can name."""
    c = a.condition
    return isinstance(c, (Label, TargetMet)) or (isinstance(c, Range) and bool(c.grade))


def graded_bands(rule: Rule) -> list[Award]:
    """The awards whose band a grade names (优（100%）得满分，良（90%-100%）得8分: semantics §103)."""
    return [a for a in rule.awards if isinstance(a.condition, Range) and a.condition.grade]


def _named(awards: list[Award], label: str) -> list[Award]:
    """The awards an answer names (semantics §85). The label's words, or words listed as meaning the
    same (answers.toml), name it. Else a label that is a subject and a grade word (政策知晓度高, “满意”,
    rules/grades.py) is named by its grade word (高, 满意; the answer as rule text is read: 優秀 is 优秀),
    or by the grade word after the label's subject or its end (知晓度高, 效果显著); the subject of a label
    written without one (较高 after 政策知晓度高) is the one its levels share. Never by a part of a word:
    一 names nothing, 部分完成 is not 完成 (its grade word is 部分完成), 不明显 is not 明显."""
    same = [a for a in awards if same_label(label, _label_text(a))]
    if same:
        return same[:1]
    worded = [a for a in awards if _worded(a)]
    texts = [_label_text(a) for a in worded]
    said_bare = bare(unquoted(canonical_answer(label)))
    short = [
        a for a, text, names in zip(worded, texts, short_names(texts), strict=True)
        if said_bare and (said_bare == bare(text) or any(same_label(label, n) or said_bare == n for n in names))
    ]  # fmt: skip
    if short:
        return short  # 评价等级为A beside B: A; 持平或下降: 下降 (semantics §112); two are refused by the caller
    done = _done_named(worded, said_bare)
    if done is not None:
        return [done]  # 已建立 on 建立长效管护机制 / 未建立 (semantics §118)
    grades, subject = grades_of(texts)
    awards = worded
    answer = unquoted(canonical_answer(label))
    if not answer:
        return []

    def alike(word: str, grade: Grade) -> bool:
        return word == grade.word or word in SAME.get(grade.word, ())

    hit = [a for a, g in zip(awards, grades, strict=True) if g is not None and alike(answer, g)]
    if hit:
        return hit
    said = grade_of(answer)
    if said is None or not said.subject or said.quoted:
        return _after_opening(worded, answer)
    return [
        a for a, g in zip(awards, grades, strict=True)
        if g is not None and alike(said.word, g) and (subject if subject is not None else g.subject).endswith(said.subject)
    ]  # fmt: skip


#: words that join more to what a label requires (建立机制并有效运行): 已建立 does not say the rest holds
_JOINED = ("并", "且", "和", "及", "与", "同时", "，", ",", "、", "；", ";")


def _done_named(awards: list[Award], answer: str) -> Award | None:
    """The label an answer names as done (semantics §118): 已建立 on 建立长效管护机制得满分，未建立的不得分. The answer is a
    done opening (answers.toml ``done_openings``: 已) and words ``v`` of two characters or more; a label is a not-done
    opening (``not_done_openings``: 未) and ``v``, and exactly one label with no negation opens with ``v``, with
    nothing joined to it after ``v`` (建立机制并有效运行 is more than 建立): 已建立 is not 未建立, and that label is the
    other case. The answer may also be the done opening and that label whole (已建立长效管护机制). None otherwise."""
    opening = next((w for w in DONE_OPENINGS if answer.startswith(w)), None)
    if opening is None:
        return None
    said = answer[len(opening) :]
    texts = [bare(_label_text(a)) for a in awards]
    for text in texts:
        neg = next((w for w in NOT_DONE_OPENINGS if text.startswith(w)), None)
        verb = text[len(neg) :] if neg is not None else ""
        if len(verb) < 2:
            continue
        positive = [(a, t) for a, t in zip(awards, texts, strict=True)
                    if t.startswith(verb) and not changes_grade(t[:1]) and not t.startswith(NOT_DONE_OPENINGS)]  # fmt: skip
        if len(positive) != 1:
            continue
        a, t = positive[0]
        if said in (verb, t) and not any(j in t[len(verb) :] for j in _JOINED):
            return a
    return None


def _after_opening(awards: list[Award], answer: str) -> list[Award]:
    """The labels an answer names as their words after an opening (semantics §92): 有效保障 names
    困难群众基本生活得到有效保障 beside 基本保障 / 未保障, 已建立 names 长效管护机制已建立 — the answer opens with a
    word a level opens with (answers.toml ``level_openings``), the label is an opening and then the answer's
    words, and the opening does not end with a word that changes them (机制未 + 建立 is not 建立). Every label
    so named is returned (two are refused by the caller); a suffix with no such opening (政策 of
    执行了厉行节约政策) names none."""
    if len(answer) < 2 or not answer.startswith(LEVEL_OPENINGS):
        return []
    found = []
    for a in awards:
        text = bare(_label_text(a))
        if len(text) > len(answer) and text.endswith(answer) and not changes_grade(text[: -len(answer)]):
            found.append(a)
    return found


# 第3名, 排名第3, 全市排名第三位, 名次：3, 倒数第2名 (the last of which is refused): an ordinal answer to a rank
_ORDINAL = re.compile(
    r"^(?:[^0-9第倒]{0,8}?(?:排名|名次)[：:]?(?:为|是)?)?(?P<last>倒数)?(?P<top>前)?(?P<nth>第)?"
    r"(?P<num>[0-9]+(?:\.[0-9]+)?|[一二两三四五六七八九十百]+)(?P<counter>名|位)?$"
)


def rank_answer(rule: Rule, actual: Any, x: _In) -> _In:
    """An ordinal answer where the rule reads a rank (domain point 19, semantics §97): 第3名, 排名第3, 第三名,
    全市排名第3位 are the rank 3, as 3 is. Only where a rank is read, and only an ordinal (第, or 排名/名次
    before the number): 3名 on another rule is three people. 倒数第2名 counts from the last, which the
    number ranked would decide: refused with what is needed. Anything else is left as it was."""
    if x.label is None or not isinstance(actual, str) or not reads_rank(rule):
        return x
    text = x.label.replace(" ", "")
    m = _ORDINAL.match(text)
    if m is None or m.start("num") == 0:
        return x  # no 第 and no 排名/名次 before the number: not an ordinal
    if m["last"]:
        raise EvaluationError(
            f"“{x.label}”是从末位数起的名次，这条规则按从第1名数起的名次计分：请填写从第1名数起的名次（如 第3名 或 3）"
        )
    if m["top"]:
        raise EvaluationError(f"“{x.label}”是一段名次，这条规则按具体名次计分：请填写名次（如 第3名 或 3）")
    num = m["num"]
    value = chinese_numeral(num) if not num.isascii() else Decimal(num)
    q = Quantity(value, "名")
    return _In(q, raw=q)


# A rank with the number ranked (semantics §109): 第6名/共20名, 6/20, 第6名（共20名）, 共20名排第6名, 20个中排第6,
# 全市20个县区中排名第6; and a share of those ranked stated as such: 前25%, 排名前25%
_NUM = r"[0-9]+(?:\.[0-9]+)?|[零一二两三四五六七八九十百千]+"
_RANK_OF = re.compile(
    rf"^(?:[^0-9第前]{{0,8}}?(?:排名|名次)[：:]?(?:为|是)?)?第?(?P<rank>{_NUM})(?:名|位)?"
    rf"(?:[/／]共?|[（(，,]?共)(?P<field>{_NUM})(?:名|位|个|家)?[）)]?$"
)
_FIELD_FIRST = re.compile(
    rf"^(?:[^0-9第]{{0,8}}?)?共?(?P<field>{_NUM})(?:名|位|个|家)?[^0-9第，,]{{0,6}}?[中里]?[，,]?"
    rf"(?:排名?|名列|位列|排在)第?(?P<rank>{_NUM})(?:名|位)?$"
)
_SHARE = re.compile(rf"^(?:[^0-9第前]{{0,8}}?(?:排名|名次)(?:在|为|是)?)?前(?P<share>{_NUM})(?:%|％)$")
#: the keys of a rank and of the number ranked in a mapping answer: {'名次': 6, '参评数': 20}
RANK_KEYS = ("名次", "排名")
FIELD_KEYS = ("参评数", "参评总数", "参加排名数", "排名总数")


def _whole(text: str) -> Decimal:
    return chinese_numeral(text) if not text.isascii() else Decimal(text)


def rank_of(actual: Any) -> tuple[Decimal, Decimal] | None:
    """A rank and the number ranked (semantics §109), from 第6名/共20名, 20个中排第6 or {'名次': 6, '参评数': 20};
    None where the answer is no such pair. A rank that is no whole number from 1, or beyond the number ranked, is
    refused."""
    if isinstance(actual, Mapping):
        rk = [k for k in actual if k in RANK_KEYS]
        fk = [k for k in actual if k in FIELD_KEYS]
        if len(rk) != 1 or len(fk) != 1 or len(actual) != 2:
            return None
        parts = (str(actual[rk[0]]).strip(), str(actual[fk[0]]).strip())
        rank, field = (rank_answer_value(parts[0]), rank_answer_value(parts[1]))
    elif isinstance(actual, str):
        text = actual.replace(" ", "").replace("\u3000", "")
        m = _RANK_OF.match(text) or _FIELD_FIRST.match(text)
        if m is None:
            return None
        rank, field = _whole(m["rank"]), _whole(m["field"])
    else:
        return None
    for v, what in ((rank, "名次"), (field, "参评总数")):
        if v is None or v < 1 or v != v.to_integral_value():
            raise EvaluationError(f"{what}应为从1起的整数，而不是“{actual}”")
    assert rank is not None and field is not None
    if rank > field:
        raise EvaluationError(f"名次（第{rank}名）排在参评总数（共{field}名）之后：请核对“{actual}”")
    return rank, field


def rank_answer_value(text: str) -> Decimal | None:
    """第6名 / 6 / 六 / 20个 / 20名: the whole number in a mapping's rank or count."""
    m = re.fullmatch(rf"第?(?P<n>{_NUM})(?:名|位|个|家)?", text)
    return None if m is None else _whole(m["n"])


_LAST_PLACE = re.compile(rf"^倒数第(?P<place>{_NUM})(?:名|位)?$")


def last_place(actual: Any) -> Decimal | None:
    """倒数第2名 (a place counted from the last: semantics §124) as 2; None for any other answer. A place that is no
    whole number from 1 is refused."""
    if not isinstance(actual, str) or (m := _LAST_PLACE.match(actual.replace(" ", "").replace("\u3000", ""))) is None:
        return None
    place = _whole(m["place"])
    if place < 1 or place != place.to_integral_value():
        raise EvaluationError(f"“{actual.strip()}”不是名次：倒数名次应为从1起的整数")
    return place


def rank_from_last_answer(actual: Any) -> tuple[Decimal, str]:
    """The answer of a rule with places from the last (倒数3名不得分: semantics §109): the number ranked, and the rank as
    第N名. A rank alone is refused even where a band from the first would take it (第2名 in 前5名): the number ranked
    decides whether it is also among the last, and the rule is not read for some answers only."""
    pair = rank_of(actual)
    if pair is None:
        shown = actual if not isinstance(actual, Mapping) else dict(actual)
        raise EvaluationError(
            f"这条规则有从末位数起的名次（倒数），要知道参评总数才能确定“{shown}”是倒数第几："
            "请写明名次及参评总数（如 第18名/共20名、20个中排第18，或 {'名次': 18, '参评数': 20}）"
        )
    return pair[1], f"第{pair[0].normalize():f}名"


# 第3名，本单位0.8，第1名1.0: a rank with this one's value and the named rank's value (semantics §109)
_RANK_VALUES = re.compile(
    rf"^(?P<rank>第?(?:{_NUM})(?:名|位)?)[，,；;]本单位(?:值|数值)?[：:为]?(?P<own>-?[0-9]+(?:\.[0-9]+)?)"
    rf"[，,；;]第(?P<nth>{_NUM})名(?:值|数值)?[：:为]?(?P<first>-?[0-9]+(?:\.[0-9]+)?)$"
)
#: the keys of the values in a mapping answer: {'名次': 3, '本单位值': '0.8', '第1名值': '1.0'}
OWN_KEYS = ("本单位值", "本单位数值")


def rank_values(actual: Any, nth: Decimal) -> tuple[Decimal, Decimal | None, Decimal | None] | None:
    """A rank, and this one's value and the ``nth`` rank's value where both are given (按第1名的比例得分: semantics
    §109): 3, 第3名, 第3名，本单位0.8，第1名1.0, {'名次': 3, '本单位值': '0.8', '第1名值': '1.0'}. None where the answer is
    none of these."""
    own = first = None
    if isinstance(actual, Mapping):
        rk = [k for k in actual if k in RANK_KEYS]
        ok = [k for k in actual if k in OWN_KEYS]
        fk = [k for k in actual if k in (f"第{nth.normalize():f}名值", f"第{nth.normalize():f}名数值")]
        if len(rk) != 1 or len(ok) > 1 or len(fk) > 1 or len(ok) != len(fk) or len(actual) != 1 + len(ok) + len(fk):
            return None
        rank = rank_answer_value(str(actual[rk[0]]).strip())
        if ok:
            own, first = (_decimal(actual[ok[0]]), _decimal(actual[fk[0]]))
            if own is None or first is None:
                return None
    elif isinstance(actual, (int, Decimal)) and not isinstance(actual, bool):
        rank = Decimal(actual)
    elif isinstance(actual, str):
        text = actual.replace(" ", "")
        m = _RANK_VALUES.match(text)
        if m is not None:
            if _whole(m["nth"]) != nth:
                return None
            text, own, first = m["rank"], Decimal(m["own"]), Decimal(m["first"])
        ordinal = _ORDINAL.match(text)
        if ordinal is None or ordinal["last"] or ordinal["top"]:
            return None
        rank = _whole(ordinal["num"])
    else:
        return None
    if rank is None or rank < 1 or rank != rank.to_integral_value():
        raise EvaluationError(f"名次应为从1起的整数（第1名为1），而不是“{actual}”")
    return rank, own, first


def _decimal(v: Any) -> Decimal | None:
    if isinstance(v, bool) or isinstance(v, float):
        return None
    try:
        d = Decimal(str(v).strip())
    except ArithmeticError:
        return None
    return d if d.is_finite() else None


_RANK_SHARE_NEEDS = "请写明名次及参评总数（如 第6名/共20名、20个中排第6，或 {'名次': 6, '参评数': 20}），或名次所占比例（如 前25%）"


def rank_share_answer(actual: Any) -> str:
    """The answer of a rule on a rank's share of the number ranked (排名前30%得满分…: semantics §109), as that share in %:
    第6名/共20名 → 30%, 前25% → 25%. The share is rank ÷ number ranked, so the last place of the top 30% of 20 (the
    6th) is at exactly 30% and inside 前30%, as 前N名 holds the Nth. A bare number or percent says neither and is
    refused with what is needed."""
    pair = rank_of(actual)
    if pair is not None:
        share = pair[0] / pair[1] * 100
        return f"{share.normalize():f}%"
    if isinstance(actual, str):
        m = _SHARE.match(actual.replace(" ", ""))
        if m is not None:
            share = _whole(m["share"])
            if not 0 < share <= 100:
                raise EvaluationError(f"名次所占比例应在0%（不含）到100%之间，而不是“{actual}”")
            return f"{share.normalize():f}%"
    shown = actual if not isinstance(actual, Mapping) else dict(actual)
    raise EvaluationError(f"这条规则按名次在参评总数中所占的比例计分，“{shown}”没有说明：{_RANK_SHARE_NEEDS}")


_DELAY_WORDS = tuple(sorted(words("delay"), key=len, reverse=True))
_TIME_UNIT_WORDS = words("time_unit")


def _reads_delay(rule: Rule) -> bool:
    """The rule scores how late: bands on a delay (§80) or steps per unit of time late (§88)."""
    return delay_unit(rule) is not None or any(
        isinstance(d, Deduction) and d.kind is StepKind.EVENTS and d.step is not None
        and d.step.unit in _TIME_UNIT_WORDS and d.event.startswith(_DELAY_WORDS)
        for d in rule.clauses
    )  # fmt: skip


def delay_answer(rule: Rule, actual: Any, x: _In) -> _In:
    """滞后2个月 / 逾期15天 where the rule scores how late (semantics §104): a delay word of the lexicon, then a
    duration and nothing else, is that duration, as 2个月 is. Only where the rule reads a delay; anything else is
    left as it was (a word the rule does not know is refused as before). An on-time word of the answer lexicon
    (按时, 按期完成, 未逾期: ``on_time``), the whole answer, is 是: not late at all (semantics §113)."""
    if isinstance(actual, str) and actual.strip() in ON_TIME and _reads_delay(rule):
        units = {d.step.unit for d in rule.deductions if d.step is not None and d.step.unit in _TIME_UNIT_WORDS}
        units |= {u} if (u := delay_unit(rule)) is not None else set()
        worded = any(isinstance(a.condition, (Label, TargetMet)) for a in rule.awards)
        if not worded and len(units) == 1:
            # 按期完成 on 每延期3天扣1分，延期超过15天不得分: no worded band for 是 to meet; not late is 0 of the unit (§124)
            zero = Quantity(Decimal(0), units.pop())
            return _In(zero, raw=zero)
        return _In(flag=True)
    if x.label is None or not isinstance(actual, str) or not _reads_delay(rule):
        return x
    text = x.label.replace(" ", "")
    word = next((w for w in _DELAY_WORDS if text.startswith(w)), None)
    if word is None:
        return x
    v = parse_value(text[len(word) :], None)
    if v is None or v.op is not None or v.quantity.unit not in _TIME_UNIT_WORDS:
        return x
    return _In(v.quantity, raw=v.quantity)


def no_event_answer(rule: Rule, actual: Any, x: _In) -> _In:
    """未发现 on 每发现一起违规使用资金问题扣2分 (semantics §124): where the rule's one deduction counts events written
    with an event verb (answers.toml ``event_verbs``: 每发现一起…, 每出现1次…) and nothing else is asked (no veto, no
    worded award), the whole answer a negation and that verb (``event_negations``: 未发现, 没有发现) says none happened:
    0 of the step's unit. The verb alone (发现) says how many no more than 是 does: left as it came (refused)."""
    if x.label is None or not isinstance(actual, str) or rule.vetoes or len(rule.deductions) != 1:
        return x
    d = rule.deductions[0]
    if d.kind is not StepKind.EVENTS or d.bonus or d.step is None or any(
        isinstance(a.condition, (Label, TargetMet)) for a in rule.awards
    ):
        return x
    said = actual.strip().rstrip("。.")
    verb = next((v for v in EVENT_VERBS if d.event.startswith(v)), None)
    if verb is None or not any(said == n + verb for n in EVENT_NEGATIONS):
        return x
    zero = Quantity(Decimal(0), d.step.unit)
    return _In(zero, raw=zero)


def excess_answer(rule: Rule, actual: Any, x: _In, ctx: _Ctx) -> _In:
    """延期2个月 on 项目建设周期18个月，每延期1个月扣1分 with the target ≤18个月 (semantics §118): where the one deduction
    counts the excess of the row's value over its target in steps of a unit of time, written with a delay word, and
    the answer is that delay word and a duration in the target's unit, the answer is how far over the target the
    value is: the value is the target plus it. Only where the deduction counts from the target (no line of its own)
    and every number the rule states as a requirement is the target (周期18个月 beside ≤18): the delay then says the
    same over either. Anything else is left as it came (refused as before)."""
    if x.label is None or not isinstance(actual, str) or ctx.target is None or len(rule.deductions) != 1:
        return x
    d = rule.deductions[0]
    text = x.label.replace(" ", "")
    word = next((w for w in _DELAY_WORDS if text.startswith(w)), None)
    if (
        word is None or d.kind is not StepKind.DISTANCE or d.direction is not Direction.EXCESS or d.start is not None
        or d.step is None or not d.event.startswith(word) or ctx.op not in (Op.LE, Op.LT)
    ):  # fmt: skip
        return x
    v = parse_value(text[len(word) :], None)
    target = ctx.target.quantity
    if v is None or v.op is not None or v.quantity.value < 0 or v.quantity.unit not in _TIME_UNIT_WORDS:
        return x
    unit = normalize_unit(target.unit)
    if normalize_unit(v.quantity.unit) != unit or normalize_unit(d.step.unit) != unit:
        return x
    stated = [q for c in rule.clauses if isinstance(c, Requirement) for q in c.terms]
    if any(normalize_unit(q.unit) != unit or q.value != target.value for q in stated):
        return x
    q = Quantity(target.value + v.quantity.value, target.unit)
    return _In(q, raw=q)


#: minutes in each unit of clock time: the only conversion between units of time made (semantics §116). A day is
#: no fixed number of hours (a working day is not 24), a month no fixed number of days: those are never converted
_CLOCK_MINUTES = {"分钟": 1, "小时": 60}


def answer_quantities(node: Any) -> Iterator[Quantity]:
    """Every quantity a rule's nodes hold (steps, lines, edges), in no particular order."""
    if isinstance(node, Quantity):
        yield node
    elif isinstance(node, tuple):
        for n in node:
            yield from answer_quantities(n)
    elif attrs.has(type(node)):
        for f in attrs.fields(type(node)):
            yield from answer_quantities(getattr(node, f.name))


def _line_units(rule: Rule, ctx: _Ctx) -> set[str]:
    """The units of what a value is compared with: every quantity of the rule but the steps of its deductions, the
    row's unit and its target's."""
    units = {ctx.unit} | ({ctx.target.quantity.unit} if ctx.target is not None else set())
    for c in rule.clauses:
        if isinstance(c, Deduction):
            units |= {q.unit for f in attrs.fields(Deduction) if f.name != "step"
                      for q in answer_quantities(getattr(c, f.name))}  # fmt: skip
        else:
            units |= {q.unit for q in answer_quantities(c)}
    return units


def clock_answer(rule: Rule, x: _In, ctx: _Ctx) -> _In:
    """300分钟 where the rule and its row measure in 小时 (系统故障修复时间≤4小时，每超出1小时扣0.5分), or 1.5小时 where
    they measure in 分钟: the answer in the rule's unit of clock time, 60 minutes an hour, where the rule has one such
    unit only and the number comes out exact (a division by 60 that does not end, 100分钟 = 1⅔小时, is refused:
    no rounding is invented). 天 against 小时 is left as it was (refused as another unit)."""
    if x.quantity is None or x.raw is None or x.raw.unit not in _CLOCK_MINUTES:
        return x
    units = {q.unit for q in answer_quantities(rule)} | {ctx.unit}
    if ctx.target is not None:
        units.add(ctx.target.quantity.unit)
    clock = units & _CLOCK_MINUTES.keys()
    if len(clock) != 1:
        # 不超过2小时得满分，每超过30分钟扣1分: the value is measured in the unit of every line, the row and the target,
        # and only the steps count in the other (a distance in hours counted in steps of minutes, §88; §118)
        clock = _line_units(rule, ctx) & _CLOCK_MINUTES.keys()
    if len(clock) != 1 or x.raw.unit in clock:
        return x
    (to,) = clock
    minutes = Fraction(x.raw.value) * _CLOCK_MINUTES[x.raw.unit]
    value = minutes / _CLOCK_MINUTES[to]
    rest = value.denominator
    for p in (2, 5):
        while rest % p == 0:
            rest //= p
    if rest != 1:
        raise EvaluationError(f"实际值{_show(x)}换算成{to}不是有限小数（1{to}＝{_CLOCK_MINUTES[to]}分钟），"
                              f"不作四舍五入：请按{to}填写")  # fmt: skip
    q = Quantity(Decimal(value.numerator) / Decimal(value.denominator), to)
    return _In(q, x.flag, x.label, raw=q)


_COMMA = re.compile(r"\s*[，,]\s*")


def written_label(rule: Rule, text: str) -> str | None:
    """The label an answer names as the rule writes it, with the words before it that the rule keeps as a note
    (semantics §118): 群众反映良好，无负面舆情 on 群众反映良好，无负面舆情得满分；有个别负面反映的得3分… (read as the note 群众反映良好
    and the label 无负面舆情). The answer, split at its commas, is those notes' words, each exactly, in the clauses
    right before the label, then the label's own words; None where it is not (or is another label's too)."""
    parts = _COMMA.split(text.strip())
    if len(parts) < 2 or not all(parts):
        return None
    clauses = rule.clauses
    found = []
    for i, c in enumerate(clauses):
        if not isinstance(c, Award) or not isinstance(c.condition, Label) or not same_label(parts[-1], c.condition.text):
            continue
        before = clauses[max(i - len(parts) + 1, 0) : i]
        if len(before) == len(parts) - 1 and all(
            type(n) is Note and n.text == p for n, p in zip(before, parts[:-1], strict=True)
        ):
            found.append(c.condition.text)
    return found[0] if len(found) == 1 else None


def label_as_written(rule: Rule, actual: Any, x: _In) -> _In:
    """``written_label`` as the answer: the label's own words (semantics §118); any other answer as it came."""
    if x.label is None or not isinstance(actual, str):
        return x
    label = written_label(rule, actual)
    return x if label is None else _In(label=label)


def own_grade(rule: Rule, actual: Any, x: _In) -> _In:
    """An answer that is one of the rule's own grades (合格 on 优秀得满分，合格得80%，不合格不得分) is that
    grade, not the 是 its word also means."""
    if x.flag is None or x.quantity is not None or not isinstance(actual, str):
        return x
    worded = [a for a in rule.awards if _worded(a)]  # 差 on 优（100%）…差（80%以下）不得分: the grade (§103)
    said = actual.strip()
    named = _named(worded, said)
    if len(named) == 1:
        return _In(label=said)
    if len(named) > 1:
        # 合格 on 一次性合格得满分，返工后合格得50%，不合格不得分: the word ends two of the rule's levels; as 是 it
        # scored the first (fourteenth probe review, semantics §157)
        levels = "、".join(dict.fromkeys(_label_text(a) for a in named))
        raise EvaluationError(f"“{said}”可以是规则中的几档（{levels}）：请写出是哪一档")
    if said in grade_words():
        # 合格 on 优秀（6分）…良好（4分）…一般（2分）…较差（0分）: a grade word of another scale says which level was
        # reached in words the rule does not use; 是 met the best (§10), but 合格 is no 是 here (thirteenth probe E07)
        grades = [g.word for a in worded if isinstance(a.condition, Label) and (g := grade_of(a.condition.text))]
        if len(set(grades)) >= 3:
            raise EvaluationError(f"“{said}”是一个等级，但不是这条规则的等级（{'、'.join(dict.fromkeys(grades))}）：请写出规则中的等级")
    return x


#: words of a change (下降8%): the number after one is how much the quantity changed that way (semantics §112)
_CHANGE_WORDS = ("下降", "上升", "提升", "提高", "降低", "增长", "增加", "减少")
_DROP_WORDS = ("下降", "降低", "减少")


def change_answer(rule: Rule, actual: Any, x: _In, ctx: _Ctx) -> _In:
    """下降8% where every band of the rule is on a 下降 (受理投诉件数较上年下降10%以上得满分，下降5%-10%得3分，下降5%以下得1分):
    the change word the bands' subjects end with, then a number and nothing else, is that number, as 8% is (semantics
    §112). Another change word (上升3% on those bands) or bands on other subjects leave the answer as it was: refused."""
    if x.label is None or not isinstance(actual, str):
        return x
    text = x.label.replace(" ", "")
    word = next((w for w in _CHANGE_WORDS if text.startswith(w)), None)
    bands = [a.condition for a in rule.awards if isinstance(a.condition, Range)]
    drops = decline_bands(rule)
    if word is not None and drops and len(drops) == len(bands) and not any(b.subject.endswith(word) for b in bands):
        # 降低12% / 增长5% on bands of 下降 (semantics §163): any word of a drop is the drop; a word of a rise is no drop
        # (0), where the bands say what no drop scores and no worded label names the rise
        v = parse_value(text[len(word) :], None)
        if v is None or v.op is not None or v.quantity.value < 0:
            return x
        if word in _DROP_WORDS:
            return _actual(text[len(word) :], ctx)
        if any(not isinstance(a.condition, Range) for a in rule.awards):
            return x  # 上升不得分 written beside the bands: 上升3% is refused as before (§112)
        why = None if drop_itself(rule, ctx.setting) else rise_on_drop(rule)  # on the row's drop: as −N reads
        if why is not None:
            raise EvaluationError(f"实际值“{text}”没有下降：{why}")
        return _actual(f"-{text[len(word):]}", ctx)  # the drop is minus the rise: in no band that starts at 0
    if word is None or not bands or not all(b.subject.endswith(word) and not b.grade for b in bands):
        return x
    v = parse_value(text[len(word) :], None)
    if v is None or v.op is not None or v.quantity.value < 0:
        return x
    return _actual(text[len(word) :], ctx)


_EARLY_WORDS = tuple(sorted(words("early"), key=len, reverse=True))


def _time_word(event: str, vocabulary: tuple[str, ...]) -> str | None:
    """The word of ``vocabulary`` a step's event opens with, after the name the text writes before 每 (项目完工时间每提前1个月)."""
    tail = event.rsplit("每", 1)[-1]
    return next((w for w in vocabulary if tail.startswith(w)), None)


def signed_pair(separate: Sequence[Any]) -> tuple[int, int, str] | None:
    """每提前1个月加0.5分，每延后1个月扣1分 (semantics §130): the rule's only two inputs are a bonus stepped per unit of time
    early (lexicon ``early``) and a deduction stepped per the same unit of time late (``delay``), the two signs of one
    quantity, how early or late. Returns the bonus's and the deduction's numbers among the inputs (from 1, the text's
    order) and the unit; None for any other rule."""
    if len(separate) != 2 or not all(
        isinstance(c, Deduction) and c.kind is StepKind.EVENTS and c.step is not None and c.when is None
        and c.step.unit in _TIME_UNIT_WORDS for c in separate
    ):  # fmt: skip
        return None
    early = [i for i, c in enumerate(separate, 1) if c.bonus and _time_word(c.event, _EARLY_WORDS)]
    late = [i for i, c in enumerate(separate, 1) if not c.bonus and _time_word(c.event, _DELAY_WORDS)]
    if len(early) != 1 or len(late) != 1:
        return None
    units = {normalize_unit(c.step.unit) for c in separate}
    if len(units) != 1:
        return None
    return early[0], late[0], separate[late[0] - 1].step.unit


def signed_answer(pair: tuple[int, int, str], actual: Any) -> dict[int, Any]:
    """One answer of how early or late, given to the bonus and the deduction of a signed pair (semantics §130):
    提前3个月 → {bonus: 3个月, deduction: 0}; 延后2个月 / 滞后2个月 → {bonus: 0, deduction: 2个月}; 0 or an on-time word
    (按期) → both 0. A bare positive number (early or late?), a date (how a part month counts is not written) and any
    other words are refused with what is needed."""
    early, late, unit = pair
    need = f"需要提前或延后多少（如“提前1{unit}”“延后2{unit}”，按期为0）"
    said = actual.strip().rstrip("。.") if isinstance(actual, str) else actual
    if isinstance(said, str) and said in ON_TIME:
        return {early: 0, late: 0}
    number: Decimal | Fraction | None = None
    if isinstance(said, (int, Decimal, Fraction)) and not isinstance(said, bool):
        number = Decimal(said) if isinstance(said, int) else said
    elif isinstance(said, str) and (v := parse_value(said, None)) is not None and v.op is None and not v.quantity.unit:
        number = v.quantity.value
    if number is not None:
        if number == 0:
            return {early: 0, late: 0}
        raise EvaluationError(f"规则对提前加分、对延后扣分，一个不带“提前”或“延后”的数“{_show_answer(actual)}”说不出是哪一种：{need}")
    if isinstance(said, str) and answer_date(said) is not None:
        raise EvaluationError(
            f"规则按提前或延后的整月/天数加减分，没有写不足一个单位的部分怎样计，日期“{said}”不能换算：{need}"
        )
    if isinstance(said, str):
        text = said.replace(" ", "")
        for words_, slot in ((_EARLY_WORDS, early), (_DELAY_WORDS, late)):
            word = next((w for w in words_ if text.startswith(w)), None)
            if word is None:
                continue
            v = parse_value(text[len(word) :], None)
            if v is None or v.op is not None or v.quantity.unit not in _TIME_UNIT_WORDS:
                break
            return {early: 0, late: 0} | {slot: text[len(word) :]}
    raise EvaluationError(f"规则按提前或延后的时长加减分，“{_show_answer(actual)}”不是这样的时长：{need}")


def _show_answer(actual: Any) -> str:
    return actual if isinstance(actual, str) else _fmt(actual) if isinstance(actual, Decimal) else str(actual)
