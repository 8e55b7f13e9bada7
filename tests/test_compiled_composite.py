"""CompiledComposite.points gives evaluate(...).points for every actual (the same error type where
evaluate raises), on every composite rule of the corpus, with its per-item memo cold and warm."""

from __future__ import annotations

import decimal
import json
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import scoring
import scoring.scores.compiled_composite as cc
from scoring.errors import RuleSyntaxError
from scoring.rules.nodes import Composite, Partial
from scoring.rules.parser import parse
from scoring.scores.compiled_composite import CompiledComposite
from scoring.scores.evaluate import Options, evaluate

DATA = Path(__file__).parent / "data"
MARKS = "①②③④⑤⑥⑦⑧⑨⑩"


def _corpus() -> Iterator[tuple[str, Composite, dict[str, Any]]]:
    for name, fields in (("seed000_rules.jsonl", ("rule",)), ("seeds001_004_rules.jsonl", ("rule_clean", "rule"))):
        with (DATA / name).open(encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                row = json.loads(line)
                text = next((row[k] for k in fields if row.get(k)), None)
                if not text:
                    continue
                try:
                    node = parse(text)
                except RuleSyntaxError:
                    continue
                if isinstance(node, Composite):
                    yield f"{name.split('_')[0]}:{n}", node, row


CORPUS = list(_corpus())
OPTIONS = (Options(), Options(places=1, rounding="truncate", partial=Partial.CEIL, deduction_range="mid"))


def _weights(rule: Composite, row: dict[str, Any]) -> list[Decimal]:
    """The row's weight (the items' points where it has none), the stated points alone (an implied
    share of 0 where an item states none), two points more (a share for the items that state none,
    room above the sum) and a small weight that the total overflows."""
    known = sum((i.points for i in rule.items if i.points is not None), Decimal(0))
    given_ = Decimal(str(row["weight"])) if row.get("weight") is not None else known or Decimal(10)
    return sorted({given_, known, known + 2, Decimal("1.5")})


def _compiled(rule: Composite, row: dict[str, Any], weight: Decimal, options: Options) -> CompiledComposite:
    return CompiledComposite(rule, target=row.get("target"), weight=weight, comparator=row.get("comparator"),
                             unit=row.get("unit"), options=options)  # fmt: skip


def _outcome(f: Callable[[], Decimal]) -> tuple[str, Any]:
    """The points as written (bit-identical, not only equal), or the type of the error."""
    try:
        return "points", str(f())
    except Exception as e:
        return "error", type(e)


def _check(c: CompiledComposite, actual: Any) -> None:
    want = _outcome(lambda: evaluate(c.rule, actual, target=c.target, weight=c.weight, comparator_=c.comparator,
                                     unit=c.unit, options=c.options).points)  # fmt: skip
    assert _outcome(lambda: c.points(actual)) == want, actual
    assert _outcome(lambda: c.points(actual)) == want, actual  # again, from the memo


WORDS = ("是", "否", "1", "0", "3", "显著", "")


def _mappings(n: int) -> Iterator[Any]:
    """Answers per item: each word everywhere, each word in one item, every pair in the first two,
    then other key spellings, missing and extra keys, and actuals that are not mappings."""
    for w in WORDS:
        yield {i: w for i in range(1, n + 1)}
    for other in ("是", "1"):
        for i in range(1, n + 1):
            for w in WORDS:
                yield {j: (w if j == i else other) for j in range(1, n + 1)}
    for a in WORDS:
        for b in WORDS:
            yield {j: (a if j == 1 else b if j == 2 else "是") for j in range(1, n + 1)}
    for w in ("是", "1", "否"):
        yield {str(i): w for i in range(1, n + 1)}
        yield {MARKS[i - 1]: w for i in range(1, n + 1)}
        yield {f" {i} ": w for i in range(1, n + 1)}
        yield {i: int(w) if w.isdigit() else w for i in range(1, n + 1)}
        yield {i: Decimal(w) if w.isdigit() else w == "是" for i in range(1, n + 1)}
        full = {i: w for i in range(1, n + 1)}
        yield {**full, 1: "否", "1": w}  # one item given twice: the last spelling counts
        yield {k: v for k, v in full.items() if k != n}  # missing
        yield {**full, n + 1: w}  # extra
        yield {**full, 0: w}
        yield {**full, "x": w}
        yield {**full, True: w}
        yield {**full, 1: None}
        yield {**full, 1: 1.0}
        yield {**full, 1: [w]}
    yield {}
    yield from ("是", "否", "1", 1, Decimal(2), None, ["是"] * n, "到位及时", "不及时")


@pytest.mark.parametrize("options", OPTIONS, ids=["default", "truncate"])
@pytest.mark.parametrize(("name", "rule", "row"), CORPUS, ids=[c[0] for c in CORPUS])
def test_corpus_composites_agree_with_evaluate(
    name: str, rule: Composite, row: dict[str, Any], options: Options
) -> None:
    for weight in _weights(rule, row):
        c = _compiled(rule, row, weight, options)
        for actual in _mappings(len(rule.items)):
            _check(c, actual)


def test_corpus_has_composites() -> None:
    assert len(CORPUS) >= 30
    assert any(any(i.rule.vetoes for i in r.items) for _, r, _ in CORPUS)  # a veto item
    assert any(any(i.points is None and not i.rule.vetoes for i in r.items) for _, r, _ in CORPUS)  # implied points


# ------------------------------------------------------------------ vetoes


VETO_FIRST = "①发生数据泄露等重大安全事件的，本指标直接计0分；②每发生1次重大安全事故扣1分，扣完为止。"
VETO_MIDDLE = (
    "①每发生1次重大安全事故扣1分，扣完为止；②发生数据泄露等重大安全事件的，本指标直接计0分；"
    "③按计划完工，计2分，1例不符扣0.2分。"
)


@pytest.mark.parametrize("text", [VETO_FIRST, VETO_MIDDLE])
def test_an_item_after_a_holding_veto_is_not_looked_at(text: str) -> None:
    rule = parse(text)
    assert isinstance(rule, Composite)
    n = len(rule.items)
    veto = next(i.number for i in rule.items if i.rule.vetoes)
    c = CompiledComposite(rule, target=None, weight=Decimal(5), comparator=None, unit=None, options=Options())
    for before in ("1", "0", "是", "显著"):  # the item before the veto (VETO_MIDDLE): 显著 raises
        for holds in ("1", "否", "是", "0"):
            for after in ("显著", "x", "2", "是"):  # 显著 and x raise in the item after the veto
                answers = (
                    {i: before for i in range(1, veto)} | {veto: holds} | {i: after for i in range(veto + 1, n + 1)}
                )
                _check(c, answers)
    # the cases that matter, spelled out
    assert c.points({i: "1" for i in range(1, veto)} | {veto: "1"} | {i: "显著" for i in range(veto + 1, n + 1)}) == 0
    if veto > 1:
        with pytest.raises(Exception) as raised:
            evaluate(rule, {1: "显著", 2: "1", 3: "是"}, weight=Decimal(5))
        with pytest.raises(raised.type):
            c.points({1: "显著", 2: "1", 3: "是"})


def test_an_item_with_no_points_left_raises_like_evaluate() -> None:
    rule = parse("①符合申报条件(2分)\n②项目申报、批复程序符合管理办法(1分)\n③项目调整履行了相应手续")
    assert isinstance(rule, Composite)
    for weight in (Decimal(3), Decimal(2), Decimal(4)):  # item ③'s implied share: 0, -1, 1
        c = CompiledComposite(rule, target=None, weight=weight, comparator=None, unit=None, options=Options())
        for actual in ({1: "是", 2: "是", 3: "是"}, {1: "否", 2: "否", 3: "否"}, {1: "是", 2: "是", 3: "x"}):
            _check(c, actual)


def test_an_unusable_context_goes_to_the_evaluator() -> None:
    """A negative weight or a float target fail in evaluate for every actual; points fails the same way."""
    rule = parse(VETO_FIRST)
    assert isinstance(rule, Composite)
    for target, weight in ((None, Decimal(-1)), (1.5, Decimal(5)), (object(), Decimal(5))):
        c = CompiledComposite(rule, target=target, weight=weight, comparator=None, unit=None, options=Options())
        _check(c, {1: "否", 2: "1"})
        _check(c, {1: "是", 2: "1"})


# ------------------------------------------------------------------ the memo


def test_each_item_answer_is_worked_out_once(monkeypatch: pytest.MonkeyPatch) -> None:
    rule = parse(
        "①机房基础设施日现场巡检次数不低于6次，计1分，每少一次扣0.05分；②核心设备现场巡检次数每月不低于1次，"
        "计1分，每少一次扣0.1分；③终端设备年巡检次数不低于1次，计1分，未巡检不得分。"
    )
    assert isinstance(rule, Composite)
    calls: list[tuple[int, Any]] = []
    real = cc._rule

    def counting(r: Any, answer: Any, ctx: Any, full: Decimal) -> Decimal:
        calls.append((next(i.number for i in rule.items if i.rule is r), answer))
        return real(r, answer, ctx, full)

    monkeypatch.setattr(cc, "_rule", counting)
    c = CompiledComposite(rule, target="1", weight=Decimal(3), comparator="≥", unit="次", options=Options())
    answers = [{1: a, 2: b, 3: d} for a in ("6", "4", 5) for b in ("1", "0") for d in ("是", "否")]
    for _ in range(3):
        for actual in answers:
            assert c.points(actual) == evaluate(rule, actual, target="1", weight=3, comparator_="≥", unit="次").points
    # one call per distinct (item, answer), however often and in whatever combination they come
    distinct = {(1, "6"), (1, "4"), (1, 5), (2, "1"), (2, "0"), (3, "是"), (3, "否")}
    assert sorted(calls, key=repr) == sorted(distinct, key=repr)
    # "1" and 1 are different answers (a str may carry a unit), so are 1 and True
    c.points({1: "6", 2: 1, 3: True})
    assert calls[-2:] == [(2, 1), (3, True)]


def test_an_error_is_the_evaluators_and_is_not_worked_out_again(monkeypatch: pytest.MonkeyPatch) -> None:
    rule = parse(VETO_FIRST)
    assert isinstance(rule, Composite)
    c = CompiledComposite(rule, target=None, weight=Decimal(5), comparator=None, unit=None, options=Options())
    seen: list[Any] = []
    real = cc._rule

    def counting(r: Any, answer: Any, ctx: Any, full: Decimal) -> Decimal:
        seen.append(answer)
        return real(r, answer, ctx, full)

    monkeypatch.setattr(cc, "_rule", counting)
    with pytest.raises(scoring.EvaluationError) as first:
        scoring.evaluate(rule, {1: "是", 2: "显著"}, weight=5)
    for _ in range(3):
        with pytest.raises(scoring.EvaluationError) as again:
            c.points({1: "是", 2: "显著"})
        assert str(again.value) == str(first.value)
    assert seen == ["显著"]  # the item is worked out once; the evaluator's error is then known
    assert all("显著" not in m for m in c._memo)  # never memoised as a value


# ------------------------------------------------------------------ property


ANSWERS = st.one_of(
    st.sampled_from(
        ["是", "否", "显著", "不明显", "", " 是 ", "完成", "未完成", "x", "1.5", "-1", "100%", "3次", "2例", "到位及时"]
    ),
    st.integers(min_value=-2, max_value=8),
    st.integers(min_value=-2, max_value=8).map(str),
    st.sampled_from(["0.5", "2.0", "1E+1", "-0", "0.00", "7.25", "NaN", "Infinity"]).map(Decimal),
    st.booleans(),
    st.sampled_from([None, 1.5, ("是",)]),
)
_COMPILED: dict[tuple[int, int, int], CompiledComposite] = {}  # shared across examples: the memo stays warm


@st.composite
def cases(draw: st.DrawFn) -> tuple[CompiledComposite, Any]:
    k = draw(st.integers(min_value=0, max_value=len(CORPUS) - 1))
    _, rule, row = CORPUS[k]
    weights = _weights(rule, row)
    w = draw(st.integers(min_value=0, max_value=len(weights) - 1))
    o = draw(st.integers(min_value=0, max_value=len(OPTIONS) - 1))
    c = _COMPILED.get((k, w, o))
    if c is None:
        c = _COMPILED[(k, w, o)] = _compiled(rule, row, weights[w], OPTIONS[o])
    n = len(rule.items)
    spell = draw(st.sampled_from([int, str, lambda i: MARKS[i - 1]]))
    answers: dict[Any, Any] = {spell(i): draw(ANSWERS) for i in range(1, n + 1)}
    if draw(st.integers(min_value=0, max_value=9)) == 0:  # now and then a key missing or one too many
        if draw(st.booleans()):
            answers.pop(spell(draw(st.integers(min_value=1, max_value=n))))
        else:
            answers[draw(st.sampled_from([0, n + 1, "x", "11"]))] = draw(ANSWERS)
    return c, answers


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
def test_points_equal_evaluate(case: tuple[CompiledComposite, Any]) -> None:
    c, answers = case
    _check(c, answers)


def test_score_and_weight() -> None:
    _, rule, row = CORPUS[0]
    c = _compiled(rule, row, Decimal(2), Options())
    actual = {1: "是", 2: "否"} if len(rule.items) == 2 else {i: "是" for i in range(1, len(rule.items) + 1)}
    assert c.weight == Decimal(2)
    s = c.score(actual)
    assert s == evaluate(rule, actual, target=row.get("target"), weight=2, comparator_=row.get("comparator"),
                         unit=row.get("unit"))  # fmt: skip
    assert s.points == c.points(actual)


# ------------------------------------------------------------------ odd shapes


def test_an_item_scoring_above_its_points_is_clamped() -> None:
    """②不及时但未影响项目进度 reads as a negated label: 是 scores the indicator's whole weight, which
    the item's 1 point caps (the corpus rows of this rule have too small a weight to show it)."""
    rule = parse("①到位及时(2分)\n②不及时但未影响项目进度 (1分)\n③不及时并影响项目进度")
    assert isinstance(rule, Composite)
    item = rule.items[1]
    assert cc._rule(item.rule, "是", cc._Ctx(Decimal(5), None, None, "", Options()), Decimal(1)) == 5
    c = CompiledComposite(rule, target=None, weight=Decimal(5), comparator=None, unit=None, options=Options())
    assert c.points({1: "否", 2: "是", 3: "否"}) == Decimal("1.00")
    for actual in _mappings(3):
        _check(c, actual)


@pytest.mark.parametrize(
    "text",
    [
        "①设有目标(1分)\n③目标明确(1分)",  # numbered 1, 3: evaluate raises KeyError
        "①设有目标(1分)\n①目标明确(1分)",  # numbered 1, 1: both read answer 1
        "发生安全事故的直接计0分。①设有目标，计1分，未设不得分；②目标明确，计1分，未明确不得分。",  # shared
        "每出现一例不符扣1分。①设有目标，计1分；②目标明确，计1分。",  # shared
        "①机构健全、分工明确 (1分)",  # one item: a bare answer is that item's
    ],
)
def test_odd_shapes_agree_with_evaluate(text: str) -> None:
    rule = parse(text)
    assert isinstance(rule, Composite)
    c = CompiledComposite(rule, target=None, weight=Decimal(5), comparator=None, unit=None, options=Options())
    assert c.is_fast == (rule.shared is None)
    for n in (1, 2, 3):
        for actual in _mappings(n):
            _check(c, actual)
    _check(c, {"²": "是", 2: "是"})  # _item_number lets a ValueError out


def test_an_item_scoring_below_0_counts_0() -> None:
    rule = parse("①得分=完成率×指标分值；②设有目标(1分)")
    assert isinstance(rule, Composite)
    c = CompiledComposite(rule, target=None, weight=Decimal(5), comparator=None, unit=None, options=Options())
    assert c.points({1: "-10%", 2: "是"}) == 1  # item ① is 4 × -10% = -0.4, counted as 0
    for first in ("-10%", "-150%", "0%", "50%", "150%", "是", -3, "显著"):
        for second in ("是", "否"):
            _check(c, {1: first, 2: second})


def test_another_decimal_context_goes_to_the_evaluator() -> None:
    """The memo holds values worked out under the context it was made in; under another the
    evaluator may round differently, or (as here) fail writing its explanation."""
    rule = parse("①设有目标(1分)\n②目标明确\n③目标细化")
    assert isinstance(rule, Composite)
    c = CompiledComposite(rule, target=None, weight=Decimal("2.351"), comparator=None, unit=None, options=Options())
    answers = [{1: a, 2: b, 3: "是"} for a in ("是", "否") for b in ("是", "否")]
    for actual in answers:
        _check(c, actual)  # the memo is warm
    with decimal.localcontext(prec=3, rounding=decimal.ROUND_DOWN):
        with pytest.raises(decimal.InvalidOperation):
            evaluate(rule, answers[0], weight=Decimal("2.351"))
        for actual in answers:
            _check(c, actual)
