"""Values read out of a messy cell: targets (指标值), outcomes (实际完成值) and printed numbers.
The table's own records of outcomes, and outcome files, are in scoring.tables.outcomes.

``read_target`` reads a 指标值 (``≥10万人``, ``持卡人数≥5700万人``, ``新增40万人``,
``2023年年底前``, ``提升``); ``read_actual`` reads an outcome (``9.7万人，完成率97%。``, ``≥99%``,
``1000余``, ``现场34，线上31场``, ``“三十二条”``, ``观看点击量达数十万次``) against the row's
target and says, in Chinese, how it read it; ``judge_text`` reads a qualitative outcome
(已完成, 效果明显, 未完成 …); ``decimal_of`` reads a printed number (分值, 得分, 金额). Text
that cannot be read returns None: the caller turns that into a finding.

Numbers become Decimal straight from the text, never through float.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import NamedTuple

from attrs import frozen

from ..errors import ScoringError
from ..rules.nodes import Op, Quantity
from ..text.numbers import chinese_numeral
from .values import comparator, is_missing, narrow, normalize_unit, parse_value


class OutcomeError(ScoringError):
    """An outcome file that cannot be read at all (a bad row is a problem, not an error)."""


# ------------------------------------------------------------------ numbers in text


def decimal_of(value: object, what: str = "数值") -> Decimal | None:
    """A printed number (分值, 得分, 金额) as Decimal: ``"8.70"``, ``"24,939.80"``, ``"20分"``; blank → None.

    Raises OutcomeError for text that is not a number; floats are converted through ``str``
    (a spreadsheet cell holds a binary float: its shortest repr is what the user typed)."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise OutcomeError(f"{what}不能是布尔值: {value!r}")
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    text = str(value).strip().replace(",", "").replace("，", "").replace(" ", "")
    text = text.removesuffix("分").removesuffix("万元")
    if text in ("", "-", "—", "/", "无"):
        return None
    try:
        d = Decimal(text)
    except InvalidOperation:
        raise OutcomeError(f"{what}“{value}”不是数字") from None
    if not d.is_finite():
        raise OutcomeError(f"{what}“{value}”不是有限数")
    return d


_UNITS = sorted(
    """个百分点 % ％ ‰ 万人次 人次 科次 场次 批次 课时 个工作日 工作日 个月 个季度 小时 人 次 场 件 个 项 期 卷 本 名 家 篇 条 元
    天 日 月 年 户 所 台 份 例 起 分 册 套 批 处 座 张 辆 支 部 门 类 课 学时 周 季度 亩 吨 公里 平方米 间 村 社区 单""".split(),
    key=len,
    reverse=True,
)
_UNIT_RE = "|".join(re.escape(u) for u in _UNITS)
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_TOKEN = re.compile(
    rf"(?P<sign>[-－−])?(?P<num>{_NUM})\s*(?P<mult>万|亿|千)?(?P<approx>余|多)?\s*(?P<unit>{_UNIT_RE})?"
    rf"|(?P<vague>数)(?P<vscale>十|百|千)?(?P<vmult>万|亿)?(?P<vunit>{_UNIT_RE})?"
)
_CN_TOKEN = re.compile(rf"[“\"]?(?P<num>[一二两三四五六七八九十百千]+)(?P<unit>{_UNIT_RE})[”\"]?")
_COMPARATOR_BEFORE = re.compile(r"(≥|≧|>=|≤|≦|<=|＞|>|＜|<|不低于|不少于|不高于|不超过|控制在|目标|指标值?|计划)\s*$")
_DONE_BEFORE = re.compile(r"(已完成|完成了|完成|共计|合计|累计|总计|共|达到|达|实际)\s*$")
_RATE_BEFORE = re.compile(r"完成率\s*(为|达|达到)?\s*$")
_SEPARATORS = "，,、；;"


class Token(NamedTuple):
    """A number found in a text: its value (万/亿 multiplied out), its unit and where it stood.

    A NamedTuple (compared and hashed by value, immutable): read_actual makes a few per cell,
    thousands per table."""

    value: Decimal
    unit: str  # "%" for percents; "" for a bare number
    start: int
    end: int
    text: str
    approximate: bool = False  # 余, 多, 数十万
    date: bool = False  # 2024年, 12月31日: part of a date, not a quantity

    @property
    def is_percent(self) -> bool:
        return self.unit == "%"


_VSCALE = {"十": 10, "百": 100, "千": 1000}
_VMULT = {"万": 10000, "亿": 100000000}
_MULT = {"万": Decimal(10000), "亿": Decimal(100000000), "千": Decimal(1000)}


def tokens(text: str) -> list[Token]:
    """Every number in ``text``, in order. Years (2024年) and the month/day after them are dates."""
    out: list[Token] = []
    for m in _TOKEN.finditer(narrow(text)):
        sign, raw, mult_, approx_, unit_, vague, vscale, vmult, vunit = m.groups()
        if vague:
            if not (vscale or vmult):
                continue
            value = Decimal(_VSCALE.get(vscale or "", 1) * _VMULT.get(vmult or "", 1))
            out.append(Token(value, _unit(vunit), m.start(), m.end(), m.group(), True))
            continue
        value = Decimal(raw.replace(",", "") if "," in raw else raw)
        if sign:
            value = -value
        unit = _unit(unit_)
        date = False
        if mult_:
            value = value * _MULT[mult_]
        elif unit == "年" and value == value.to_integral_value() and 1900 <= value <= 2100:
            date = True
        if unit in ("月", "日") and out and out[-1].date and m.start() - out[-1].end <= 1:
            date = True
        out.append(Token(value, unit, m.start(), m.end(), m.group().strip(), bool(approx_), date))
    return out


def _unit(u: str | None) -> str:
    if not u:
        return ""
    if u in ("%", "％", "个百分点"):
        return "%"
    return normalize_unit(u)


def chinese_tokens(text: str) -> list[Token]:
    """Chinese numerals followed by a counter: “三十二条” → 32条."""
    out: list[Token] = []
    for m in _CN_TOKEN.finditer(text):
        try:
            value = chinese_numeral(m["num"])
        except ValueError:
            continue
        out.append(Token(value, _unit(m["unit"]), m.start(), m.end(), m["num"] + m["unit"]))
    return out


# ------------------------------------------------------------------ targets


@frozen
class Target:
    """A 指标值 as the default method sees it.

    ``kind``: "number" (a quantity, maybe with a comparator), "date" (a deadline), or "text"
    (qualitative: 提升, 效果明显, 公平、公正、公开)."""

    kind: str
    text: str
    quantity: Quantity | None = None
    op: Op | None = None
    date: tuple[int, int, int] | None = None
    how: str = ""


_DATE = re.compile(
    r"(?P<y>(?:19|20)\d\d)\s*年\s*(?:(?P<m>\d{1,2})\s*月\s*(?:(?P<d>\d{1,2})\s*日)?|(?P<end>年?底|年?末|全年|12月底))?"
)
_TARGET_PREFIX = re.compile(
    r"^(?P<subject>[^\d≥≧≤≦<>＜＞=＝]*?)(?P<op>≥|≧|>=|≤|≦|<=|＞|>|＜|<|=|＝|新增|达到|达|不低于|不少于|不高于|不超过|控制在)?\s*(?P<rest>[-\d.].*)$"
)


def read_target(text: str | None, unit: str | None = None) -> Target:
    """Read a 指标值: a number (``≥5,441.47万人``, ``持卡人数≥5700万人``), a date, or text."""
    t = (text or "").strip()
    if not t:
        return Target("text", t, how="指标值为空")
    v = parse_value(t, unit)
    if v is not None and not _looks_like_date(t):
        return Target("number", t, v.quantity, v.op)
    d = read_date(t)
    if d is not None:
        return Target("date", t, date=d, how="指标值是时间节点")
    if t.startswith("每"):  # 每周一次, 每年故障少于2次: a frequency, read as text
        return Target("text", t, how="指标值是频次描述")
    m = _TARGET_PREFIX.match(t)
    if m and len(m["subject"]) <= 12:
        rest = m["rest"]
        v = parse_value(rest, unit)
        if v is not None:
            op = comparator(m["op"]) if m["op"] and m["op"] not in ("新增",) else v.op
            if m["op"] in ("达到", "达"):
                op = Op.GE
            how = f"指标值“{t}”读作{_show_op(op)}{_show_q(v.quantity)}" if m["subject"] or m["op"] == "新增" else ""
            return Target("number", t, v.quantity, op or v.op, how=how)
    return Target("text", t)


_YEAR_FIRST = re.compile(r"^\s*(19|20)\d\d\s*年")
_LOWER_BOUND = re.compile(r"\d\s*[万亿千]?\s*[余多]")  # 100余人, 3万多: read as their lower bound


def _looks_like_date(t: str) -> bool:
    return bool(_YEAR_FIRST.match(t))


def read_date(text: str) -> tuple[int, int, int] | None:
    """``2023年年底`` → (2023, 12, 31); ``2024年6月`` → (2024, 6, 31-ish end of month); None if no date."""
    m = _DATE.search(text)
    if not m:
        return None
    y = int(m["y"])
    if m["m"]:
        month = int(m["m"])
        if not 1 <= month <= 12:
            return None
        day = int(m["d"]) if m["d"] else 31
        return (y, month, min(day, 31))
    return (y, 12, 31)


def _show_op(op: Op | None) -> str:
    return op.value if op is not None else ""


def _show_q(q: Quantity) -> str:
    v = q.value
    s = format(v.normalize(), "f") if v != v.to_integral_value() else str(v.to_integral_value())
    return f"{s}{q.unit}"


# ------------------------------------------------------------------ actuals


@frozen
class Reading:
    """A number read from an outcome, and how it was read (for the 扣分原因 and the findings)."""

    quantity: Quantity | None = None
    how: str = ""  # empty: the cell was a plain value
    op: Op | None = None  # a comparator written with it (≥99%)
    ratio: Decimal | None = None  # a completion rate (%) read instead of the amount
    date: tuple[int, int, int] | None = None


def read_actual(text: str, target: Target, unit: str | None = None) -> Reading | None:
    """Read the number of an outcome ``text`` that compares with ``target``; None when there is none.

    Rules, in order: a plain value (``97%``, ``≥99%``); for a percent target, the percentages
    of the text, leaving out the ones that restate a bound (``≧15%``, ``控制在5.50%``); for an
    amount, the numbers whose unit agrees with the target's (a bare number before a unit
    shares it: ``现场34，线上31场``), the one marked 完成/共计/合计 if any, else their sum (up
    to 其中); a lone number of another unit (``发文28篇`` for ``次``) with a note; a 完成率 as
    a ratio; Chinese numerals with a counter (``“三十二条”``); 余/多/数十万 read as their
    lower bound."""
    t = text.strip()
    if not t:
        return None
    if target.kind == "date":
        d = read_date(t)
        return Reading(date=d, how=f"实际完成时间读作{d[0]}年{d[1]}月") if d else None
    v = None if _LOWER_BOUND.search(t) else parse_value(t, unit)
    if v is not None and not _looks_like_date(t):
        q = v.quantity
        if (
            target.quantity is not None
            and target.quantity.is_percent
            and not q.is_percent
            and not q.unit
            and _pct_bare(q)
        ):
            q = Quantity(q.value, "%")  # 003 prints rates as bare numbers: "100", "90.21"
        if v.op is not None:
            return Reading(q, f"实际值写作“{t}”（一个界限），按{_show_q(q)}计", v.op)
        return Reading(q)
    toks = [k for k in tokens(t) if not k.date]
    if not toks:
        toks = chinese_tokens(t)
        if toks and target.quantity is not None and not target.quantity.is_percent:
            k = toks[0] if len(toks) == 1 else None
            if k is not None:
                return Reading(Quantity(k.value, k.unit), f"中文数字“{k.text}”读作{_show_q(Quantity(k.value, k.unit))}")
        return None
    toks = _carry_units(t, toks)
    if target.quantity is None:
        return None
    if target.quantity.is_percent:
        return _read_percent(t, toks, target)
    return _read_amount(t, toks, target)


def _pct_bare(q: Quantity) -> bool:
    return Decimal(0) <= q.value <= Decimal(1000)


def _carry_units(text: str, toks: list[Token]) -> list[Token]:
    """``现场34，线上31场``: a bare number followed by a separator takes the unit of the next number."""
    out = list(toks)
    for i in range(len(out) - 2, -1, -1):
        k, nxt = out[i], out[i + 1]
        if k.unit or not nxt.unit or nxt.is_percent:
            continue
        between = text[k.end : nxt.start]
        if between[:1] in _SEPARATORS and "率" not in between:
            out[i] = Token(k.value, nxt.unit, k.start, k.end, k.text + nxt.unit, k.approximate, k.date)
    return out


def _restates(text: str, k: Token, target: Target) -> bool:
    before = text[max(0, k.start - 6) : k.start]
    return bool(_COMPARATOR_BEFORE.search(before))


def _read_percent(text: str, toks: list[Token], target: Target) -> Reading | None:
    pct = [k for k in toks if k.is_percent]
    if not pct:
        return None
    kept = [k for k in pct if not _restates(text, k, target)] or pct
    values = {k.value for k in kept}
    if len(values) > 1:
        rates = [k for k in kept if _RATE_BEFORE.search(text[max(0, k.start - 8) : k.start])]
        if len(rates) == 1:
            kept = rates
        else:
            return None
    k = kept[0]
    q = Quantity(k.value, "%")
    if len(pct) == 1 and k.text.strip() == text.strip():
        return Reading(q)
    skipped = [x.text for x in pct if x not in kept]
    how = f"从“{_clip(text)}”中取百分数{_show_q(q)}"
    if skipped:
        how += f"（略去复述指标值的{'、'.join(skipped)}）"
    return Reading(q, how)


def _compatible(unit: str, target_unit: str) -> bool:
    if not unit or not target_unit:
        return True
    a, b = unit.lstrip("个"), target_unit.lstrip("个")
    return a == b or a.startswith(b) or b.startswith(a)


def _read_amount(text: str, toks: list[Token], target: Target) -> Reading | None:
    assert target.quantity is not None
    tu = target.quantity.unit
    amounts = [k for k in toks if not k.is_percent]
    cut = text.find("其中")
    if cut >= 0:
        amounts = [k for k in amounts if k.start < cut] or amounts
    same = [k for k in amounts if k.unit and _compatible(k.unit, tu)] if tu else [k for k in amounts]
    if not same:
        same = [k for k in amounts if not k.unit]
    if not same:
        if len(amounts) == 1:
            k = amounts[0]
            q = Quantity(k.value, tu)
            return Reading(
                q, f"“{_clip(text)}”中只有一个数“{k.text}”，单位与指标值（{tu or '无单位'}）不同，按{_show_q(q)}计"
            )
        rates = [k for k in toks if k.is_percent and _RATE_BEFORE.search(text[max(0, k.start - 8) : k.start])]
        if len(rates) == 1:
            return Reading(None, f"从“{_clip(text)}”中取完成率{rates[0].text}", ratio=rates[0].value)
        return None
    kept = [k for k in same if not _restates(text, k, target)] or same
    marked = [k for k in kept if _DONE_BEFORE.search(text[max(0, k.start - 4) : k.start])]
    approx = "（“余/多/数”按下限计）" if any(k.approximate for k in kept) else ""
    if len(kept) == 1 or marked:
        k = (marked or kept)[0]
        q = Quantity(k.value, k.unit or tu)
        if k.text == text.strip():
            return Reading(q, f"“{k.text}”按下限{_show_q(q)}计" if k.approximate else "")
        how = f"从“{_clip(text)}”中取{'完成数' if marked and len(kept) > 1 else ''}“{k.text}”" + approx
        return Reading(q, how)
    total = sum((k.value for k in kept), Decimal(0))
    q = Quantity(total, kept[0].unit or tu)
    parts = "+".join(_show_q(Quantity(k.value, "")) for k in kept)
    return Reading(q, f"“{_clip(text)}”各项相加：{parts}={_show_q(q)}{approx}")


def _clip(text: str, n: int = 30) -> str:
    t = " ".join(text.split())
    return t if len(t) <= n else t[: n - 1] + "…"


# ------------------------------------------------------------------ qualitative outcomes

_NEGATIVE = (
    "未完成", "没有完成", "未能完成", "未达到", "未达成", "未实现", "未能", "未按", "未上线", "未建立", "未开展",
    "未落实", "未覆盖", "未通过", "尚未", "没有达到", "不合格", "不达标", "不符合", "不及时", "不到位", "不满意",
    "未及时", "滞后", "延期", "延误", "逾期", "超期", "较差", "很差", "效果差", "失败", "无效", "未见成效",
)  # fmt: skip
_NEGATIVE_EXACT = ("否", "差", "不", "无", "未", "没有", "×", "N", "no", "false", "False")
_POSITIVE = (
    "已完成", "完成", "达到", "达成", "实现", "已实现", "上线", "已建立", "建立", "覆盖", "优", "良好", "显著", "明显",
    "较好", "正常", "按时", "及时", "全部", "圆满", "有效", "符合", "合格", "是", "提升", "提高", "保障", "到位",
)  # fmt: skip
_LADDER = ("差", "中", "良", "优")


@frozen
class Judgement:
    """Whether a qualitative outcome says the target was met: True, False, or None (cannot tell)."""

    met: bool | None
    how: str
    explicit: bool = True  # False: met only because no word of failure was found (lenient reading)


def judge_text(actual: str, target: str = "", *, strict: bool = False) -> Judgement:
    """Read a qualitative outcome against its target.

    Met: the outcome restates the target, or says 完成/达到/实现/是/效果明显 …; or, unless
    ``strict``, it is a statement with no word of failure (未完成, 未达到, 滞后, 较差 …), which
    is how the printed self-evaluations score (基本完成, 逐步规范, 长期 all scored full).
    Not met: a word of failure, or a grade below the target's (良 for 优)."""
    a = actual.strip().rstrip("。.")
    tgt = (target or "").strip().rstrip("。.")
    if not a:
        return Judgement(None, "实际完成值为空")
    if a in _NEGATIVE_EXACT:
        return Judgement(False, f"实际完成值“{a}”表示未达到")
    if a in _LADDER and tgt in _LADDER:
        if _LADDER.index(a) >= _LADDER.index(tgt):
            return Judgement(True, f"等级“{a}”不低于指标值“{tgt}”")
        return Judgement(False, f"等级“{a}”低于指标值“{tgt}”")
    neg = next((w for w in _NEGATIVE if w in a), None)
    if neg is not None:
        return Judgement(False, f"实际完成值含“{neg}”")
    if tgt and (a == tgt or tgt in a):
        return Judgement(True, "实际完成值与指标值一致")
    pos = next((w for w in _POSITIVE if w in a), None)
    if pos is not None:
        return Judgement(True, f"实际完成值含“{pos}”")
    if strict:
        return Judgement(None, f"实际完成值“{_clip(a)}”没有明确说明是否达到指标值")
    return Judgement(True, f"实际完成值“{_clip(a)}”未见未完成、未达到等表述，按达到计", explicit=False)


__all__ = [
    "Judgement",
    "OutcomeError",
    "Reading",
    "Target",
    "Token",
    "decimal_of",
    "judge_text",
    "read_actual",
    "read_date",
    "read_target",
    "tokens",
]


_BARE_NUMBER = re.compile(r"^\s*\+?(\d+(?:\.\d+)?|\.\d+)\s*$")


def unusable_actual(actual: object, target: str | None, unit: str | None) -> tuple[str, str] | None:
    """An outcome that must not be scored, as (finding code, message), or None.

    * missing data (``#N/A``, ``数据缺失``, ``待统计``, ``—``; values.is_missing): no outcome;
    * a bare number between 0 and 1 (a General-format cell ``0.92``, CSV text ``0.92``, a JSON
      or TOML number) on a row whose target is a percentage above 1%: 92% and 0.92% are both
      readings the clerk may have meant, so the row is refused with how to write it, never
      silently read as 0.92% (docs/tables.md, "Numbers as typed"). A cell formatted as a percentage, or the
      text ``92%``, is never bare."""
    if isinstance(actual, str):
        if is_missing(actual):
            return "missing-data", f"实际完成值“{actual.strip()}”表示数据缺失：没有实际值，不计分；请填写实际完成值"
        m = _BARE_NUMBER.match(actual)
        if m is None:
            return None
        value = Decimal(m[1])
    elif isinstance(actual, (Decimal, int)) and not isinstance(actual, bool):
        value = Decimal(actual)
    else:
        return None
    if not (0 < value <= 1):
        return None
    t = read_target(target, unit)
    q = t.quantity
    if t.kind != "number" or q is None or q.unit not in ("%", "％") or q.value <= 1:
        return None
    shown = format(value.normalize(), "f")
    pct = format((value * 100).normalize(), "f")
    return "ambiguous-fraction", (
        f"实际完成值{shown}是不带%的数，而指标值是{t.text}{'' if '%' in t.text else '%'}：是{pct}%还是{shown}%无法确定，"
        f"未计分。请写成“{pct}%”（或把单元格设为百分比格式）；若确为{shown}%，请写“{shown}%”"
    )
