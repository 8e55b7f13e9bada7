"""Values as indicator tables write them: targets (指标值) and actuals (实际完成值).

``≥90%``, ``≤100%``, ``=0``, ``1万人``, ``5,441.47万人``, ``100.00%``, ``≥3家``, ``<5起``, ``90``,
``是``/``否``/``完成``/``未完成``. A value is a Quantity in base units (万 multiplied out),
optionally with the comparator written in front of it. Floats are refused.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Mapping
from decimal import Decimal
from importlib import resources
from typing import Any

from attrs import frozen

from ..errors import EvaluationError
from ..rules.nodes import Op, Quantity
from ..text.numbers import arabic, chinese_numeral, split_unit

_OP_WORDS = {
    "≥": Op.GE, "≧": Op.GE, ">=": Op.GE, "大于等于": Op.GE, "不低于": Op.GE, "不少于": Op.GE, "达到": Op.GE, "达": Op.GE,
    "≤": Op.LE, "≦": Op.LE, "<=": Op.LE, "小于等于": Op.LE, "不高于": Op.LE, "不超过": Op.LE, "控制在": Op.LE,
    ">": Op.GT, "＞": Op.GT, "大于": Op.GT, "高于": Op.GT, "超过": Op.GT,
    "<": Op.LT, "＜": Op.LT, "小于": Op.LT, "低于": Op.LT,
    "=": Op.EQ, "＝": Op.EQ, "等于": Op.EQ,
}  # fmt: skip
_OP_RE = "|".join(sorted((re.escape(k) for k in _OP_WORDS), key=len, reverse=True))
_VALUE_RE = re.compile(
    rf"^\s*(?P<op>{_OP_RE})?\s*(?P<num>[+-]?(?:[0-9][0-9,]*(?:\.[0-9]+)?|\.[0-9]+)|[零一二两三四五六七八九十百千]+)"
    r"\s*(?P<unit>%|％|个百分点|百分比|百分率|[万亿]?[^\s\d%％，,。；;]*)\s*(?P<suffix>及以上|以上|及以下|以下|以内|之内)?\s*[。.]?\s*$"
)
_UNIT_ALIASES = {
    "％": "%",
    "百分比": "%",
    "百分率": "%",
    "个百分点": "%",
    "个月": "月",
    "个工作日": "工作日",
    "个季度": "季度",
}

def _answers() -> dict[str, Any]:
    """The answer lexicon (answers.toml beside this module): yes, no, missing, and label synonyms."""
    with resources.files(__package__).joinpath("answers.toml").open("rb") as f:
        return tomllib.load(f)


_ANSWERS = _answers()
YES: frozenset[str] = frozenset(_ANSWERS["yes"])
NO: frozenset[str] = frozenset(_ANSWERS["no"])
MISSING: frozenset[str] = frozenset(_ANSWERS["missing"])
#: label → the set of labels that mean the same (itself included)
SAME: dict[str, frozenset[str]] = {w: frozenset(g) for g in _ANSWERS["same"] for w in g}
#: verbs a veto opens with, and the negations before them (出现 / 未出现 on 出现劣Ⅴ类水体的不得分; semantics §92)
EVENT_VERBS: tuple[str, ...] = tuple(_ANSWERS["event_verbs"])
#: 按时 / 按期完成 / 未逾期: not late at all, where a rule scores how late (semantics §113)
ON_TIME: frozenset[str] = frozenset(_ANSWERS["on_time"])
EVENT_NEGATIONS: tuple[str, ...] = tuple(_ANSWERS["event_negations"])
#: what is done to the one assessed in a passive veto with no event verb (通报 of 被…通报批评; semantics §136)
PASSIVE_VERBS: tuple[str, ...] = tuple(_ANSWERS["passive_verbs"])
#: 有 / 没有 on a veto written without a negation: it happened, it did not (semantics §118)
EVENT_PRESENCE: frozenset[str] = frozenset(_ANSWERS["event_presence"])
EVENT_ABSENCE: frozenset[str] = frozenset(_ANSWERS["event_absence"])
#: 已 + the verb of a label 未 + verb names the positive label (已建立 on 建立长效管护机制 / 未建立; semantics §118)
DONE_OPENINGS: tuple[str, ...] = tuple(sorted(_ANSWERS["done_openings"], key=len, reverse=True))
NOT_DONE_OPENINGS: tuple[str, ...] = tuple(sorted(_ANSWERS["not_done_openings"], key=len, reverse=True))
#: characters that negate what follows them in a veto's words: 有 cannot answer such a veto (semantics §118)
_NEGATION_CHARS = ("未", "不", "没", "无", "非")


def verb_answer(answer: str, text: str) -> bool | None:
    """Whether an answer says a veto's event happened (True: the verb the veto opens with, 出现 on 出现劣Ⅴ类水体, or 有
    on a veto with no negation in its words), did not (False: a negation and that verb, 未出现 / 不存在; 没有 / 无 on a
    veto with no negation), or neither (None)."""
    a = answer.strip().rstrip("。.")
    if (a in EVENT_PRESENCE or a in EVENT_ABSENCE) and text and not any(c in text for c in _NEGATION_CHARS):
        return a in EVENT_PRESENCE  # 有 on 截留挪用资金的，本项不得分: it happened (§118)
    passive = _passive_answer(a, text)
    if passive is not None:
        return passive
    for verb in EVENT_VERBS:
        if text.startswith(verb) or _after_subject(text, verb):
            if a == verb:
                return True
            if any(a == neg + verb for neg in EVENT_NEGATIONS):
                return False
    return None


def _after_subject(text: str, verb: str) -> bool:
    """被审计、巡视巡察等发现重大违纪违法问题 (semantics §124: 被 and the finders) or 国考断面出现劣Ⅴ类水质 (§140: a subject):
    words before the veto's one event verb, which says what happened as it does at the start. Only with no other event
    verb and no negation before it."""
    if sum(text.count(v) for v in EVENT_VERBS) != 1 or verb not in text:
        return False
    return not any(c in text[: text.index(verb)] for c in _NEGATION_CHARS)


def _passive_answer(answer: str, text: str) -> bool | None:
    """未被通报 on 被省级以上部门通报批评的，本项直接计0分 (semantics §136): a veto opening with 被, with no event verb and no
    negation in its words, and a verb of answers.toml ``passive_verbs`` once after 被: 被 + that verb says it happened,
    a negation + 被 + that verb that it did not. None otherwise."""
    if not text.startswith("被") or any(v in text for v in EVENT_VERBS) or any(c in text for c in _NEGATION_CHARS):
        return None
    for verb in PASSIVE_VERBS:
        if text.count(verb) != 1:
            continue
        if answer == "被" + verb:
            return True
        if any(answer == neg + "被" + verb for neg in EVENT_NEGATIONS):
            return False
    return None


#: words a level opens with after its label's subject (已建立 of 长效管护机制已建立; semantics §92)
LEVEL_OPENINGS: tuple[str, ...] = tuple(sorted(_ANSWERS["level_openings"], key=len, reverse=True))

Actual = Decimal | int | str | bool | Mapping[object, object]


@frozen
class Value:
    """A parsed target or actual: a quantity and the comparator written before it."""

    quantity: Quantity
    op: Op | None = None


def normalize_unit(unit: str | None) -> str:
    """The unit's base form: 万元 → 元 is done by split_unit; here ％ → %, 个月 → 月, 无 → ''."""
    if not unit or unit in ("无", "-", "—", "定性", "定量", "是", "否"):
        return ""
    return _UNIT_ALIASES.get(unit, unit)


#: Fullwidth digits and point, as Chinese input methods type them: read as ASCII (same length, so
#: positions in the text stay put).
WIDE_DIGITS = str.maketrans("０１２３４５６７８９．", "0123456789.")
WIDE = re.compile("[０-９．]")  # where there is none, translating (a dict lookup per character) is skipped


def narrow(text: str) -> str:
    """Fullwidth digits and point (as Chinese input methods type them) as ASCII ones."""
    return text.translate(WIDE_DIGITS) if WIDE.search(text) else text


@functools.lru_cache(maxsize=8192)
def parse_value(text: str, unit: str | None = None) -> Value | None:
    """``≥90%`` → Value(90 %, ≥). ``unit`` is the table's unit, used when the text has none.
    Returns None when the text is not a single number (提升, 2024年12月31日前, 90%、60%).

    Memoised (a pure function of two strings, returning a frozen Value): a table repeats its
    targets and many of its outcomes, and reading one costs microseconds."""
    m = _VALUE_RE.match(narrow(text))
    if not m:
        return None
    num = m["num"]
    if num[0] in "零一二两三四五六七八九十百千" and m["unit"] and (
        not _classifier(m["unit"]) or _numeral_word(num + m["unit"])
    ):
        return None  # 一般, 一体机, 一次性通过, 三年级: words, not numbers (semantics §153)
    try:
        value = chinese_numeral(num) if num[0] in "零一二两三四五六七八九十百千" else arabic(num)
    except ValueError:
        return None
    written = m["unit"] or ""
    if not written.isascii():
        written = canonical_answer(written)  # 1個月, 3萬元: a unit in traditional characters is the same unit
    table_unit = unit or ""
    if written in ("%", "％", "百分比", "百分率", "个百分点"):
        return Value(Quantity(value, "%"), _op(m))
    use = written or table_unit
    if use in ("%", "％", "百分比", "百分率"):
        return Value(Quantity(value, "%"), _op(m))
    mult, base = split_unit(use)
    if not written and table_unit.startswith(("万", "亿")):
        mult, base = split_unit(table_unit)
    return Value(Quantity(value * mult, normalize_unit(base)), _op(m))


def _numeral_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The normalizer's words that hold a numeral before a counter (一次性, 一年一度: normalize.toml ``words``) and
    the words a counter opens that are no counter (年级: ``not_counters``): the rule text's reading of them, for answers."""
    with resources.files("scoring.text").joinpath("normalize.toml").open("rb") as f:
        numerals = tomllib.load(f)["numerals"]
    return tuple(numerals["words"]), tuple(numerals["not_counters"])


_WORDS_WITH_NUMERALS, _NOT_COUNTERS = _numeral_words()


def _numeral_word(text: str) -> bool:
    """``一次性通过``: a Chinese numeral that opens a word (一次性) or stands before a word a counter opens (三年级) is
    read as the rule text reads it, a word, never a count (it read as 1 次性通过: a number that answered no label)."""
    return text.startswith(_WORDS_WITH_NUMERALS) or text.lstrip("零一二两三四五六七八九十百千").startswith(_NOT_COUNTERS)


def written_unit(text: str) -> str:
    """The unit written in a target (``≤100万元`` → 万元, ``≥90%`` → %), '' where none is written or
    the text is not one number: a bare number on a row with no unit of its own takes it."""
    m = _VALUE_RE.match(narrow(text))
    if not m or parse_value(text) is None:
        return ""
    written = m["unit"] or ""
    return "%" if written in ("%", "％", "百分比", "百分率", "个百分点") else written


def row_unit(unit: str | None, target: object = None) -> str:
    """The row's unit, which a bare number takes: as given, else the unit written in the target
    (85 on a row of 90% is 85%; 103 on one of ≤100万元 is 103万元: it was a unitless 103, below
    1,000,000元). One rule for evaluate, bind, the command line and tables."""
    u = normalize_unit(unit)
    if not u and isinstance(target, str):
        u = normalize_unit(written_unit(target))
    return u


def bare_quantity(value: Decimal, unit: str | None) -> Quantity:
    """A number given without a unit (an int or Decimal actual) in the table's ``unit``, exactly as
    ``parse_value`` reads the same number written as text: 180 on a 万元 row is 1,800,000 元."""
    use = unit or ""
    if use in ("%", "％", "百分比", "百分率"):
        return Quantity(value, "%")
    mult, base = split_unit(use)
    return Quantity(value * mult, normalize_unit(base))


_CLASSIFIERS = (
    "个",
    "例",
    "次",
    "项",
    "人",
    "场",
    "天",
    "起",
    "件",
    "处",
    "份",
    "种",
    "家",
    "台",
    "篇",
    "月",
    "年",
    "日",
    "周",
    "名",
    "位",
    "季度",
)


def _classifier(unit: str) -> bool:
    return unit.lstrip("万亿").startswith(_CLASSIFIERS)


def _op(m: re.Match[str]) -> Op | None:
    if m["op"]:
        return _OP_WORDS[m["op"]]
    if m["suffix"]:
        return Op.GE if "上" in m["suffix"] else Op.LE
    return None


def comparator(text: str | None) -> Op | None:
    """指标值类型: ≥ ≤ = > < (and their words); 定性/定量/blank → None."""
    if not text:
        return None
    t = text.strip()
    return _OP_WORDS.get(t) or {"正向": Op.GE, "反向": Op.LE}.get(t)


def to_decimal(value: object, what: str) -> Decimal:
    """A weight or plain number from Decimal, int or str; float is refused."""
    if isinstance(value, bool):
        raise TypeError(f"{what} must be Decimal, int or str, not bool")
    if isinstance(value, float):
        raise TypeError(
            f"{what} must be Decimal, int or str, not float: pass str({value!r}) or Decimal to keep it exact"
        )
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise EvaluationError(f"{what} is not a finite number: {value}")
        return value
    if isinstance(value, str):
        v = parse_value(value)
        if v is None:
            raise EvaluationError(f"{what}: “{value}”不是数字")
        return v.quantity.value
    raise TypeError(f"{what} must be Decimal, int or str, not {type(value).__name__}")


def yes_no(value: object) -> bool | None:
    """是/完成/True → True, 否/未完成/False → False, anything else → None."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        for text in (value, canonical_answer(value)):
            t = text.strip().rstrip("。.")
            if t in YES:
                return True
            if t in NO:
                return False
    return None


def is_missing(value: object) -> bool:
    """Missing data (#N/A, 数据缺失, 待统计, —, an empty cell): no outcome, never a score."""
    if value is None:
        return True
    if isinstance(value, str):
        t = value.strip().rstrip("。.")
        return not t or t in MISSING
    return False


@functools.lru_cache(maxsize=4096)
def canonical_answer(text: str) -> str:
    """An answer as rule text is read (scoring.text.normalize): traditional characters as simplified,
    fullwidth forms folded, spaces inside words removed (資金管理制度健全 → 资金管理制度健全)."""
    if text.isascii():
        return text
    from ..text.normalize import normalize  # the normalizer pulls in OpenCC: only for non-ASCII answers

    return normalize(text).text


def same_label(answer: str, label: str) -> bool:
    """An answer names a rule's label: the same words, or words listed as meaning the same
    (answers.toml), as printed or after the normalizer's reading. Never a substring: 部分完成 is
    not 完成, 不明显 is not 明显."""
    b = label.strip().rstrip("。.").strip("的")
    for text in (answer, canonical_answer(answer)):
        a = text.strip().rstrip("。.").strip("的")
        if a == b or a in SAME.get(b, ()):
            return True
    return False
