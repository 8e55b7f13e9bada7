"""Hypothesis properties: totality, bounds, monotonicity, exactness, determinism."""

from __future__ import annotations

import itertools
from decimal import Decimal
from typing import Any

import pytest
from corpus_runner import rules
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from strategies import compiled_shapes, stepped_rules

import scoring
from scoring.scores.compiled import RAISES
from scoring.scores.evaluate import Step

# text made of the language's own pieces, shuffled, plus arbitrary characters
PIECES = [
    "满意度", "90%", "及以上", "得满分", "，", "每", "5%", "扣", "2分", "低于", "75%", "不得分", "；", "扣完为止",
    "偏离", "小于等于", "得20分", "大于", "完成", "未完成", "①", "②", "计1分", "1例", "不符", "扣0.25分", "得分=",
    "（", "）", "完成率", "-", "60%", "/", "×", "指标分值", "按比例赋分", "。", "一例", "≥", "5家", "以上", "(含)",
    "0.5", "分", "每下降1%", "直接计0分", "发生", "事故", "\n", " ", "达", "1万人", "%", "扣（满意度分值/15）分",
]  # fmt: skip
rule_texts = st.one_of(
    st.lists(st.sampled_from(PIECES), max_size=14).map("".join),
    st.text(max_size=40),
    st.text(alphabet="每扣分得满不以上下低于高%0123456789.，；①②（）-/×", max_size=30),
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rule_texts)
@example("扣完")
@example("每")
@example("①")
@example("得分=（")
@example("5%<偏离≤20%")
@example("扣4-2分")
def test_totality(text: str) -> None:
    """Any string parses to a Rule/Composite or raises RuleSyntaxError positioned inside the text."""
    try:
        node = scoring.parse(text)
    except scoring.RuleSyntaxError as e:
        assert 0 <= e.pos <= len(text)
        assert e.line >= 1 and e.column >= 1
        assert e.code
        return
    assert isinstance(node, (scoring.Rule, scoring.Composite))


def _numeric_rules() -> list[dict[str, Any]]:
    """Corpus rules with a direction (≥ or ≤ comparator) whose cases are plain numbers."""
    out = []
    for _, r in rules():
        comp = r.get("comparator")
        cs = r.get("case", [])
        if comp not in ("≥", "≤") or not cs:
            continue
        if any(isinstance(c["actual"], dict) or c.get("comparator", comp) != comp for c in cs):
            continue
        try:
            vals = [scoring.reading.values.parse_value(str(c["actual"]), r.get("unit")) for c in cs]
        except Exception:
            continue
        if any(v is None for v in vals):
            continue
        if any(c.get("target", r.get("target")) != r.get("target") for c in cs):
            continue
        out.append(r)
    return out


NUMERIC = _numeric_rules()
# rules whose own text is not monotone: the property would be testing the rule, not the code
NOT_MONOTONE = {
    "s000-L1438": "exactly 80% falls in a gap the text leaves (小于90%且大于80% / 小于80%): A09",
}


def _score(r: dict[str, Any], value: Decimal, unit_text: str) -> Decimal:
    return scoring.evaluate(
        r["text"], f"{value}{unit_text}", target=str(r.get("target")) if r.get("target") is not None else None,
        weight=str(r["weight"]), comparator=r.get("comparator"), unit=r.get("unit"),
    ).points  # fmt: skip


def _grid(r: dict[str, Any]) -> tuple[list[Decimal], str]:
    vals = [scoring.reading.values.parse_value(str(c["actual"]), r.get("unit")) for c in r["case"]]
    nums = sorted({v.quantity.value for v in vals if v is not None})
    pct = all(str(c["actual"]).strip().endswith("%") for c in r["case"])
    lo, hi = nums[0], nums[-1]
    span = (hi - lo) or Decimal(10)
    lo, hi = max(Decimal(0), lo - span / 2), hi + span / 2
    points = [lo + (hi - lo) * Decimal(i) / 40 for i in range(41)] + nums
    unit_text = "%" if pct else ""
    if not pct:
        # values as written in the cases: keep their own unit text when they had one
        first = str(r["case"][0]["actual"]).strip()
        unit_text = first.lstrip("0123456789.,-+")
    return sorted(set(points)), unit_text


def test_numeric_corpus_is_big_enough() -> None:
    assert len(NUMERIC) >= 80


@pytest.mark.parametrize("r", [pytest.param(r, id=r["id"]) for r in NUMERIC if r["id"] not in NOT_MONOTONE])
def test_monotone_and_bounded(r: dict[str, Any]) -> None:
    """A better outcome never scores lower; every score lies in [0, weight]."""
    grid, unit_text = _grid(r)
    better_is_higher = r["comparator"] == "≥"
    weight = Decimal(str(r["weight"]))
    scores = []
    for v in grid:
        try:
            s = _score(r, v, unit_text)
        except scoring.EvaluationError:
            continue
        assert Decimal(0) <= s <= weight, (v, s)
        scores.append((v, s))
    ordered = scores if better_is_higher else list(reversed(scores))
    for (v1, s1), (v2, s2) in itertools.pairwise(ordered):
        assert s2 >= s1, f"{r['text']}: {v1}→{s1} but better {v2}→{s2}"


def _all_decimal(obj: object) -> bool:
    return not isinstance(obj, float)


@settings(max_examples=200, deadline=None)
@given(
    actual=st.decimals(min_value=-50, max_value=250, places=3, allow_nan=False, allow_infinity=False),
    weight=st.decimals(min_value=0, max_value=100, places=2, allow_nan=False, allow_infinity=False),
    idx=st.integers(min_value=0, max_value=10_000),
)
def test_bounds_exactness_determinism(actual: Decimal, weight: Decimal, idx: int) -> None:
    """Any numeric actual on any numeric corpus rule: 0 ≤ points ≤ weight, Decimal quantized to 2
    places, no float anywhere in the trace, and the same answer twice."""
    r = NUMERIC[idx % len(NUMERIC)]
    kw = dict(target=str(r.get("target")) if r.get("target") is not None else None, weight=weight,
              comparator=r.get("comparator"), unit=r.get("unit"))  # fmt: skip
    try:
        s1 = scoring.evaluate(r["text"], actual, **kw)  # type: ignore[arg-type]
    except scoring.EvaluationError:
        return
    s2 = scoring.evaluate(r["text"], actual, **kw)  # type: ignore[arg-type]
    assert s1 == s2 and s1.explanation == s2.explanation
    assert isinstance(s1.points, Decimal) and s1.points.as_tuple().exponent == -2
    assert Decimal(0) <= s1.points <= weight
    assert isinstance(s1.exact, Decimal)
    for step in s1.trace:
        assert isinstance(step, Step) and isinstance(step.delta, Decimal)
        assert all(isinstance(v, str) for _, v in step.inputs)


def test_float_is_refused() -> None:
    with pytest.raises(TypeError):
        scoring.evaluate("完成得满分，未完成不得分", 0.5, weight=10)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        scoring.evaluate("完成得满分，未完成不得分", "是", weight=10.0)


@pytest.mark.parametrize("r", [pytest.param(r, id=r["id"]) for r in NUMERIC])
def test_compiled_equals_evaluate(r: dict[str, Any]) -> None:
    """scoring.compile(...).points(x) is the evaluator's points, on a grid of outcomes."""
    grid, _unit_text = _grid(r)
    kw = dict(target=str(r.get("target")) if r.get("target") is not None else None, weight=str(r["weight"]),
              comparator=r.get("comparator"), unit=r.get("unit"))  # fmt: skip
    c = scoring.compile(r["text"], **kw)  # type: ignore[arg-type]
    for v in grid:
        try:
            want = scoring.evaluate(r["text"], v, **kw).points  # type: ignore[arg-type]
        except scoring.EvaluationError:
            continue
        assert c.points(v) == want, (v, c.is_fast)
    for v in grid:  # an outcome the evaluator refuses, the compiled rule refuses too
        try:
            scoring.evaluate(r["text"], v, **kw)  # type: ignore[arg-type]
        except scoring.EvaluationError:
            with pytest.raises(scoring.EvaluationError):
                c.points(v)


@settings(max_examples=300, deadline=None)
@given(
    stepped_rules(),
    st.sampled_from(["90%", "≥90%", "≤30%", "=50%", "80", "≥60人", None]),
    st.sampled_from([None, "≥", "≤", "="]),
    st.sampled_from([Decimal(10), Decimal(20), Decimal("7.5")]),
    st.sampled_from(["prorata", "ceil", "floor"]),
    st.sampled_from([2, 1]),
    st.lists(st.decimals(min_value=-20, max_value=160, places=2), min_size=1, max_size=6),
)
def test_compiled_equals_evaluate_on_generated_rules(rule_unit: Any, target: Any, comparator: Any, weight: Decimal,
                                                     partial: str, places: int, values: list[Decimal]) -> None:  # fmt: skip
    """Generated band and step rules: the generated code gives the evaluator's points (or
    refuses what it refuses), whatever the target, comparator, weight and options."""
    rule, unit = rule_unit
    kw: dict[str, Any] = dict(target=target, weight=weight, comparator=comparator, unit=unit)
    c = scoring.compile(rule, partial=partial, places=places, **kw)
    edges = [e.value.value for a in rule.awards for e in (a.condition.low, a.condition.high) if e is not None]
    edges += [d.start.value.value for d in rule.deductions if d.start is not None]
    near = [e + k for e in edges for k in (Decimal(0), Decimal("0.01"), Decimal("-0.01"))]
    for v in [*values, *near, Decimal("Infinity"), 0, 100]:
        try:
            want = scoring.evaluate(rule, v, partial=partial, places=places, **kw).points
        except scoring.EvaluationError:
            with pytest.raises(scoring.EvaluationError):
                c.points(v)
            continue
        assert c.points(v) == want, (v, c.source)


def test_compiled_fast_path_covers_the_common_shapes() -> None:
    fast = sum(
        scoring.compile(r["text"], target=str(r.get("target")), weight=str(r["weight"]), comparator=r.get("comparator"),
                        unit=r.get("unit")).is_fast
        for r in NUMERIC
    )
    assert fast >= 20


def _evaluated(rule: Any, actual: Any, **kw: Any) -> Decimal | type[Exception]:
    try:
        return scoring.evaluate(rule, actual, **kw).points
    except Exception as e:  # the evaluator's own error (EvaluationError; ArithmeticError in a formula)
        return type(e)


@settings(max_examples=600, deadline=None)
@given(
    compiled_shapes(),
    st.sampled_from(["90%", "≥90%", "≤30%", "=50%", "80", "≥60人", "154.5", "0", "1000", None]),
    st.sampled_from([None, "≥", "≤", "="]),
    st.sampled_from([Decimal(10), Decimal(20), Decimal("7.5")]),
    st.sampled_from([{}, {"partial": "ceil"}, {"places": 1}, {"rounding": "truncate"}, {"reverse": "linear"},
                     {"deduction_range": "max"}]),
    st.lists(st.decimals(min_value=-20, max_value=2000, places=2), min_size=1, max_size=5),
)
def test_compiled_equals_evaluate_on_every_shape(rule_unit: Any, target: Any, comparator: Any, weight: Decimal,
                                                 options: dict[str, Any], values: list[Decimal]) -> None:  # fmt: skip
    """Every shape the generated code follows (vetoes, bands on value, ratio and deviation, 达标,
    formulas, distance/event/one-off deductions, 按比例赋分, worded rules given a number), any
    unit (万 ones too), target, comparator and options: the generated code gives the evaluator's
    points, numbers written with a unit ("85%", "250人") included, and leaves to the evaluator
    exactly what the evaluator refuses."""
    rule, unit = rule_unit
    kw: dict[str, Any] = dict(target=target, weight=weight, comparator=comparator, unit=unit, **options)
    c = scoring.compile(rule, **kw)
    deferred = scoring.Compiled(rule, defer=True, **kw)
    labelled = deferred.label_points  # any word that is not 是/否 and holds no number, where the words do not matter
    for word in ("显著", "执行到位", "一般"):
        want_word = _evaluated(rule, word, **kw)
        if labelled is RAISES:
            assert want_word is scoring.EvaluationError, word
        elif labelled is not None:
            assert labelled == want_word, word
    edges = [e.value.value for a in rule.awards if isinstance(a.condition, scoring.rules.nodes.Range)
             for e in (a.condition.low, a.condition.high) if e is not None]  # fmt: skip
    near = [e + k for e in edges for k in (Decimal(0), Decimal("0.01"), Decimal("-0.01"))]
    for v in [*values, *near, 0, 100, Decimal("Infinity")]:
        want = _evaluated(rule, v, **kw)
        if isinstance(want, Decimal):
            assert c.points(v) == want, (v, c.source)
            taken = deferred.take(v)
            assert taken is None or taken == want, (v, deferred.source)
        else:
            with pytest.raises(want):
                c.points(v)
            taken = deferred.take(v)
            assert taken is None or (taken is RAISES and want is scoring.EvaluationError), (v, deferred.source)
        if not isinstance(v, Decimal) or not v.is_finite() or v < 0:
            continue
        for written in ("%", "人", "元", "万元", "例"):
            f = deferred.take_written(written)
            got = None if f is None else f(v)
            if got is RAISES:
                assert _evaluated(rule, f"{v}{written}", **kw) is scoring.EvaluationError, (v, written)
            elif got is not None:
                assert got == _evaluated(rule, f"{v}{written}", **kw), (v, written)


@pytest.mark.parametrize("linear", [None, True, False])
@pytest.mark.parametrize("unit", ["%", "人", "万元", None])
@pytest.mark.parametrize("target", [None, "90%", "≤30", "1000", "0"])
def test_compiled_proportional_equals_evaluate(linear: bool | None, unit: str | None, target: str | None) -> None:
    """按比例赋分 on every kind of target, both readings of an overrun: generated code == evaluator."""
    from scoring.rules.nodes import Award, FullMarks, Proportional, Rule, TargetMet

    for rule in (Rule((Proportional(linear=linear),)), Rule((Award(TargetMet("完成"), FullMarks()), Proportional(linear=linear)))):
        for comparator in (None, "≥", "≤"):
            for reverse in ("ratio", "linear"):
                kw: dict[str, Any] = dict(target=target, weight=Decimal(10), comparator=comparator, unit=unit,
                                          reverse=reverse)  # fmt: skip
                c = scoring.compile(rule, **kw)
                for v in (Decimal(0), Decimal("29.5"), Decimal(30), Decimal(45), Decimal(60), Decimal(90),
                          Decimal("123.45"), Decimal(1000), Decimal(2500)):  # fmt: skip
                    want = _evaluated(rule, v, **kw)
                    if isinstance(want, Decimal):
                        assert c.points(v) == want, (v, kw, c.source)
                    else:
                        with pytest.raises(want):
                            c.points(v)
