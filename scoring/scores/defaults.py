"""The default method of a row with no rule text (domain points 8, 9, 11), and the execution row.

* ``≥`` (or a bare number): weight × min(1, actual/target); no bonus above the target.
* ``≤``: full within the bound; above it weight × target/actual, or (``reverse="linear"``)
  weight × (2 − actual/target), reaching 0 at twice the target.
* ``=``: full when equal; otherwise weight × min(actual/target, target/actual).
* A bare amount under a 成本 heading means ``≤`` (项目总成本 195万元), a per-unit standard
  (1770元/人) ``=``, a bare 0 (数据丢失率 0) ``≤``; any other bare number ``≥``.
* Qualitative rows (定性, or a target in words): full marks when the outcome says the target
  was met; otherwise an EvaluationError asking for a grade or a score given by hand.
* Deadlines (2023年年底前): full when the outcome's date is not later.
* The budget-execution row: weight × min(1, 全年执行数 / 全年预算数).

Scores are rounded like ``scoring.evaluate`` does (the same Options), and the 扣分原因 says
how a messy outcome was read (``9.7万人，完成率97%。`` → 9.7万人).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from ..errors import EvaluationError
from ..reading.cells import Reading, Target, judge_text, read_actual, read_date, read_target
from ..reading.values import bare_quantity, to_decimal
from ..reading.values import comparator as parse_comparator
from ..rules.nodes import Op, Quantity
from .results import ROUNDING_MODES, Options, Score, Step, make_options

ZERO = Decimal(0)
ONE = Decimal(1)
HUNDRED = Decimal(100)

#: Shares of the weight for grades given by hand to a row without a rule (domain point 10).
GRADE_SHARES: dict[str, Decimal] = {
    "优": HUNDRED, "良": Decimal(80), "中": Decimal(60), "差": ZERO,
    "好": HUNDRED, "较好": Decimal(80), "一般": Decimal(60), "较差": ZERO,
    "达成": HUNDRED, "部分达成": Decimal(60), "未达成": ZERO,
    "达成年度指标": HUNDRED, "部分达成年度指标并具有一定效果": Decimal(60), "未达成年度指标且效果较差": ZERO,
}  # fmt: skip
#: The national three bands as ranges of the weight (a hand score must fall inside).
GRADE_BANDS: dict[str, tuple[Decimal, Decimal]] = {
    "达成": (Decimal(80), HUNDRED), "达成年度指标": (Decimal(80), HUNDRED),
    "部分达成": (Decimal(60), Decimal(80)), "部分达成年度指标并具有一定效果": (Decimal(60), Decimal(80)),
    "未达成": (ZERO, Decimal(60)), "未达成年度指标且效果较差": (ZERO, Decimal(60)),
}  # fmt: skip

_EXTRA = ("satisfaction", "qualitative", "category")

#: Notes in a Score's trace that the table layer turns into warnings (how a value was read).
READ_AS_TEXT = "实际完成值中没有可与指标值比较的数值，按定性表述判断"
LENIENT = "宽松判定"


def finish(exact: Decimal, weight: Decimal, steps: list[Step], options: Options, head: str = "") -> Score:
    """A Score from an exact value: clamped to [0, weight], rounded as ``evaluate`` rounds."""
    exact = min(max(exact, ZERO), weight)
    q = ONE.scaleb(-options.places)
    points = exact.quantize(q, rounding=ROUNDING_MODES[options.rounding])
    parts = [s.clause + (f"（{s.note}）" if s.note else "") for s in steps if s.clause]
    if head:
        parts.insert(0, head)
    tail = f"得{points}分" if points < weight else f"得满分{points}分"
    explanation = "；".join([*parts, tail])
    return Score(points, weight, explanation, tuple(steps), exact)


def _split(options: Mapping[str, Any]) -> tuple[Options, dict[str, Any]]:
    extra = {k: options[k] for k in _EXTRA if k in options}
    rest = {k: v for k, v in options.items() if k not in _EXTRA}
    return make_options(**rest), extra


def num(d: Decimal) -> str:
    """A Decimal as people write it: 2.50 → 2.5, 10 → 10."""
    if d == d.to_integral_value():
        return str(d.quantize(ONE))
    return format(d.normalize(), "f")


def show(q: Quantity) -> str:
    if q.unit == "" or q.is_percent:
        return f"{num(q.value)}{q.unit}"
    v, unit = q.value, q.unit
    if abs(v) >= 100000000 and v % 1000000 == 0:
        return f"{num(v / 100000000)}亿{unit}"
    if abs(v) >= 10000 and v % 100 == 0:
        return f"{num(v / 10000)}万{unit}"
    return f"{num(v)}{unit}"


def _pct(ratio: Decimal) -> str:
    return num((ratio * HUNDRED).quantize(Decimal("0.01")))


# ------------------------------------------------------------------ the execution row


class RateOnly(Decimal):
    """全年预算数 of a table that printed only 执行率 (86.60%): 100, with 全年执行数 the rate itself.
    ``score_execution`` then explains the rate, not amounts the table never had."""

    __slots__ = ()


#: The budget a rate-only 预算执行率 row is scored against (``Execution(RATE_ONLY_BUDGET, rate)``).
RATE_ONLY_BUDGET = RateOnly(100)


def score_execution(budget: Any, spent: Any, weight: Any = 10, **options: Any) -> Score:
    """预算执行率 score: weight × min(1, 全年执行数 / 全年预算数), rounded like every score.

    ``budget`` is 全年预算数 (the adjusted budget, not 年初预算数), ``spent`` 全年执行数;
    Decimal, int or str ("26,842.05"); float raises TypeError."""
    opts, _ = _split(options)
    b = to_decimal(budget, "全年预算数")
    s = to_decimal(spent, "全年执行数")
    w = to_decimal(weight, "分值")
    if b <= 0:
        raise EvaluationError(f"全年预算数应大于0，而不是{num(b)}")
    if s < 0:
        raise EvaluationError(f"全年执行数不能为负: {num(s)}")
    if w < 0:
        raise EvaluationError(f"分值不能为负: {num(w)}")
    rate = s / b
    used = min(rate, ONE)
    note = "执行率超过100%按100%计" if rate > 1 else ""
    shown = str((rate * HUNDRED).quantize(Decimal("0.01"), rounding=ROUNDING_MODES["half_up"]))
    if type(budget) is RateOnly:  # only the rate was printed: no amounts to show
        clause = f"预算执行率{num(s)}%（表中只填了执行率），得分={num(w)}×{_pct(used)}%"
        step = Step(clause, (("执行率", num(s) + "%"),), w * used, note)
        return finish(w * used, w, [step], opts)
    clause = f"预算执行率=全年执行数{num(s)}/全年预算数{num(b)}={shown}%，得分={num(w)}×{_pct(used)}%"
    step = Step(clause, (("全年预算数", num(b)), ("全年执行数", num(s)), ("执行率", shown + "%")), w * used, note)
    return finish(w * used, w, [step], opts)


# ------------------------------------------------------------------ grades and hand scores


def score_manual(points: Any, weight: Any, note: str = "", **options: Any) -> Score:
    """A score given by hand, checked against [0, weight] and rounded like every score."""
    opts, _ = _split(options)
    w = to_decimal(weight, "分值")
    p = to_decimal(points, "人工得分")
    if not ZERO <= p <= w:
        raise EvaluationError(f"人工得分{num(p)}不在0到分值{num(w)}之间")
    step = Step("人工评定得分" + (f"：{note}" if note else ""), (("人工得分", num(p)),), p)
    return finish(p, w, [step], opts)


def score_grade(grade: str, weight: Any, manual: Any = None, **options: Any) -> Score:
    """A grade given by hand to a row without a rule: 优/良/中/差 (100/80/60/0% of the weight),
    the national bands 达成/部分达成/未达成 (a hand score inside the band, or its lower end;
    达成 scores full), or a share written as a percentage (``80%``)."""
    opts, _ = _split(options)
    w = to_decimal(weight, "分值")
    g = grade.strip()
    if g in GRADE_BANDS and manual is not None:
        low, high = GRADE_BANDS[g]
        p = to_decimal(manual, "人工得分")
        share = p / w * HUNDRED if w else ZERO
        if not (low <= share <= high):
            raise EvaluationError(f"人工得分{num(p)}不在等级“{g}”的区间[{num(low)}%,{num(high)}%]内")
        return finish(p, w, [Step(f"评定等级“{g}”，人工得分", (("等级", g),), p)], opts)
    if g in GRADE_SHARES:
        share = GRADE_SHARES[g]
    elif g.endswith(("%", "％")):
        share = to_decimal(g[:-1], "等级比例")
    else:
        labels = "、".join(GRADE_SHARES)
        raise EvaluationError(f"无法识别的评定等级“{g}”，应为: {labels}，或一个百分比（如80%）")
    note = ""
    if g in GRADE_BANDS and g not in ("达成", "达成年度指标"):
        note = "区间取下限，可用人工得分给出区间内的分数"
    value = w * share / HUNDRED
    return finish(value, w, [Step(f"评定等级“{g}”，得分值的{num(share)}%", (("等级", g),), value, note)], opts)


# ------------------------------------------------------------------ rows without a rule


def score_default(indicator: Any, actual: Any, **options: Any) -> Score:
    """Score a row that has no rule text with the default method of its comparator.

    ``indicator`` has ``name``, ``target``, ``weight``, ``comparator`` and ``unit`` (an
    ``scoring.Indicator`` or a ruleset row). Options: those of ``evaluate`` (places, rounding,
    partial, reverse), ``satisfaction`` ("proportional" | "rate"), ``qualitative``
    ("lenient" | "strict") and ``category`` (the row's 一级/二级指标, which tells cost rows)."""
    opts, extra = _split(options)
    return default_score(indicator, actual, opts, **extra)


def default_score(
    indicator: Any,
    actual: Any,
    opts: Options,
    *,
    target: Target | None = None,
    satisfaction: str = "proportional",
    qualitative: str = "lenient",
    category: str = "",
) -> Score:
    """``score_default`` with its options already built (and the target already read, if given)."""
    extra = {"satisfaction": satisfaction, "category": category}
    weight = to_decimal(indicator.weight, "分值")
    if weight < 0:
        raise EvaluationError(f"分值不能为负: {num(weight)}")
    unit = getattr(indicator, "unit", None)
    if target is None:
        target = read_target(indicator.target, unit)
    written = (getattr(indicator, "comparator", None) or "").strip()
    op = parse_comparator(written) if written else None
    strict = qualitative == "strict"
    qualitative_row = written == "定性"
    steps: list[Step] = []

    if actual is None or (isinstance(actual, str) and not actual.strip()):
        raise EvaluationError("没有实际完成值")
    if isinstance(actual, float):
        raise TypeError("actual must be Decimal, int, str or bool, not float: pass str() or Decimal to keep it exact")
    if isinstance(actual, Mapping):
        raise EvaluationError("分项实际值只适用于分项评分标准，这一行没有评分标准")

    if isinstance(actual, bool):
        if actual:
            steps.append(Step("实际完成值为“是”：达到指标值", (("实际值", "是"),), weight))
            return finish(weight, weight, steps, opts)
        raise EvaluationError("实际完成值为“否”（未达到指标值）：请给出评定等级（grade）或人工得分（manual）")

    if target.kind == "number" and not qualitative_row:
        assert target.quantity is not None
        reading: Reading | None
        if isinstance(actual, (int, Decimal)):
            # a bare number is in the row's unit, as the same number written as text (180 on a 万元 row)
            q = target.quantity
            reading = Reading(Quantity(Decimal(actual) if q.is_percent else bare_quantity(Decimal(actual), unit).value, q.unit))
        else:
            reading = read_actual(str(actual), target, unit)
        if reading is not None:
            return _numeric(indicator, target, op, reading, weight, opts, extra, steps, str(actual))
        if isinstance(actual, str):
            steps.append(Step(READ_AS_TEXT, (("实际值", actual),), ZERO))
    elif target.kind == "date" and isinstance(actual, str):
        d = read_date(actual)
        if d is not None and target.date is not None:
            if d <= target.date:
                steps.append(Step(f"完成时间“{actual.strip()}”不晚于“{target.text}”", (("实际值", actual),), weight))
                return finish(weight, weight, steps, opts)
            raise EvaluationError(
                f"完成时间“{actual.strip()}”晚于指标值“{target.text}”：请给出评定等级（grade）或人工得分（manual）"
            )

    if not isinstance(actual, str):
        raise EvaluationError(f"定性指标需要文字描述的实际完成值，而不是 {actual!r}")
    j = judge_text(actual, target.text or indicator.name, strict=strict)
    if j.met:
        steps.append(Step(f"定性指标：{j.how}", (("实际值", actual.strip()),), weight, "" if j.explicit else LENIENT))
        return finish(weight, weight, steps, opts)
    raise EvaluationError(f"定性指标：{j.how}；请给出评定等级（grade）或人工得分（manual）")


def infer_op(target: Target, category: str) -> tuple[Op, str]:
    """The comparator of a number target with none written, and why."""
    assert target.quantity is not None
    q = target.quantity
    if "成本" in category and not q.is_percent:
        if "/" in q.unit:
            return Op.EQ, "成本标准（单价）未写比较符，按“=”计"
        return Op.LE, "成本指标未写比较符，按“≤”（不超过）计"
    if q.value == 0:
        return Op.LE, "指标值为0，按“≤”（越低越好）计"
    return Op.GE, ""


def _numeric(
    indicator: Any,
    target: Target,
    written_op: Op | None,
    reading: Reading,
    weight: Decimal,
    opts: Options,
    extra: dict[str, Any],
    steps: list[Step],
    raw: str,
) -> Score:
    assert target.quantity is not None
    tq = target.quantity
    note = ""
    op = written_op or target.op
    if op is None:
        op, note = infer_op(target, str(extra.get("category", "")) + str(getattr(indicator, "name", "")))
    if reading.how:
        steps.append(Step(reading.how, (("实际值", raw.strip()),), ZERO))
    if note:
        steps.append(Step(note, (), ZERO))

    if reading.ratio is not None:
        ratio = reading.ratio / HUNDRED
        if op in (Op.LE, Op.LT):
            raise EvaluationError("反向指标需要实际数值，不能只用完成率")
        used = max(min(ratio, ONE), ZERO)
        value = weight * used
        steps.append(Step(f"完成率{_pct(ratio)}%，按比例得{num(weight)}×{_pct(used)}%", (), value))
        return finish(value, weight, steps, opts)

    aq = reading.quantity
    assert aq is not None
    t, a = tq.value, aq.value
    if tq.is_percent != aq.is_percent:
        if aq.is_percent and not tq.is_percent:
            # a completion rate given for an amount target
            ratio = a / HUNDRED
            if op in (Op.LE, Op.LT):
                raise EvaluationError(f"实际值{show(aq)}是百分比，指标值{show(tq)}不是：无法比较")
            used = max(min(ratio, ONE), ZERO)
            value = weight * used
            steps.append(Step(f"实际值{show(aq)}按完成率计，得{num(weight)}×{_pct(used)}%", (), value))
            return finish(value, weight, steps, opts)
        raise EvaluationError(f"实际值{show(aq)}不是百分比，指标值{show(tq)}是：无法比较")
    if aq.unit and tq.unit and not _same(aq.unit, tq.unit) and not reading.how:
        steps.append(Step(f"实际值单位“{aq.unit}”与指标值单位“{tq.unit}”不同，按数值比较", (), ZERO))

    shown = f"指标值{op.value}{show(tq)}，实际{show(aq)}"
    name = str(getattr(indicator, "name", ""))
    if op in (Op.GE, Op.GT):
        if a >= t:
            steps.append(Step(f"{shown}，达到指标值", (), weight))
            return finish(weight, weight, steps, opts)
        if extra.get("satisfaction") == "rate" and "满意" in name and aq.is_percent:
            used = max(min(a / HUNDRED, ONE), ZERO)
            value = weight * used
            steps.append(Step(f"{shown}，满意度按分值×满意度计：{num(weight)}×{_pct(used)}%", (), value))
            return finish(value, weight, steps, opts)
        if t <= 0:
            raise EvaluationError(f"{shown}：指标值不为正数，无法按比例计分，请写明评分标准")
        ratio = max(a / t, ZERO)
        value = weight * ratio
        steps.append(Step(f"{shown}，完成{_pct(ratio)}%，按比例得{num(weight)}×{_pct(ratio)}%", (), value))
        return finish(value, weight, steps, opts)
    if op in (Op.LE, Op.LT):
        if a <= t:
            steps.append(Step(f"{shown}，未超过指标值", (), weight))
            return finish(weight, weight, steps, opts)
        if t < 0:
            raise EvaluationError(f"{shown}：指标值为负数，无法按比例计分，请写明评分标准")
        if t == 0:
            steps.append(Step(f"{shown}，指标值为0，超出即不得分", (), ZERO))
            return finish(ZERO, weight, steps, opts)
        if opts.reverse == "linear":
            ratio = max(2 - a / t, ZERO)
            value = weight * ratio
            how = f"超出{_pct(a / t - 1)}%，线性递减（两倍指标值为0）得{num(weight)}×{_pct(ratio)}%"
        else:
            ratio = t / a
            value = weight * ratio
            how = f"超出指标值，按 指标值/实际值 得{num(weight)}×{_pct(ratio)}%"
        steps.append(Step(f"{shown}，{how}", (), value))
        return finish(value, weight, steps, opts)
    # =
    if a == t:
        steps.append(Step(f"{shown}，等于指标值", (), weight))
        return finish(weight, weight, steps, opts)
    if a <= 0 or t <= 0:
        raise EvaluationError(f"{shown}：不等于指标值，且无法按比例计分，请写明评分标准")
    ratio = min(a / t, t / a)
    value = weight * ratio
    steps.append(Step(f"{shown}，偏离指标值，按比例得{num(weight)}×{_pct(ratio)}%", (), value))
    return finish(value, weight, steps, opts)


def _same(a: str, b: str) -> bool:
    a2, b2 = a.lstrip("个"), b.lstrip("个")
    return a2 == b2 or a2.startswith(b2) or b2.startswith(a2)


__all__ = [
    "GRADE_BANDS",
    "GRADE_SHARES",
    "LENIENT",
    "RATE_ONLY_BUDGET",
    "READ_AS_TEXT",
    "RateOnly",
    "default_score",
    "finish",
    "infer_op",
    "score_default",
    "score_execution",
    "score_grade",
    "score_manual",
]
