"""Totality (issue 13): parse, evaluate, compile and the table path raise nothing but
ScoringError (and TypeError for a float, as documented) for any input, and a table keeps one
entry per row written, whatever its rows hold.

The fuzz tests here are bounded (a few seconds); ``python tools/fuzz.py`` runs the same
properties for as long as you like."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from corpus_runner import rules
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import scoring
from scoring.rules.parser import MAX_CHARS, MAX_DEPTH

TEXTS = sorted({r["text"] for _, r in rules()})
RULE = "满意度90%及以上得满分，每5%扣2分，低于75%不得分"
#: pieces of rule text that a mutation splices in: digits (0 above all), operators, brackets, units
PIECES = ["0", "1", "0.", "每", "扣", "分", "%", "×", "/", "（", "）", "-", "得分=", "，", "；", "例", "万", "亿",
          "完成率", "1" * 25, "9" * 30, "一" * 40, "\x00", "\u200b", "①", "及以上", "扣完为止", "按比例"]  # fmt: skip
#: values no rule can use
HOSTILE: list[Any] = ["0", "-0", "1" * 25, "1E+999999999999999999", "NaN", "-Infinity", "sNaN", 10**30, -(10**30),
                      Decimal("1E+999999999999999999"), Decimal("1E-999999999999999999"), Decimal("NaN"),
                      Decimal("sNaN"), Decimal("-Infinity"), "0%", "1e400%", "#N/A", "", "是", "否", "\x07",
                      {1: "是", 2: "1" * 40}, 0, -1, "9" * 60 + "%"]  # fmt: skip


def only_ours(f: Any, *args: Any, **kwargs: Any) -> Any:
    """``f(...)``, or None where it raised a ScoringError; any other exception fails the test."""
    try:
        return f(*args, **kwargs)
    except scoring.ScoringError:
        return None


@pytest.mark.parametrize(
    ("rule", "actual", "kwargs"),
    [
        ("每0例扣1分", "3", {"weight": 10}),
        ("每发现一例不合规扣1分，扣完为止", "1" * 25, {"weight": 10}),
        (RULE, "85%", {"target": "90%", "weight": 10**30, "comparator": "≥", "unit": "%"}),
        (RULE, Decimal("1E+999999999999999999"), {"target": "90%", "weight": 10, "comparator": "≥", "unit": "%"}),
    ],
)
def test_the_issues_smallest_cases_are_our_errors(rule: str, actual: Any, kwargs: dict[str, Any]) -> None:
    with pytest.raises(scoring.EvaluationError) as e:
        scoring.evaluate(rule, actual, **kwargs)
    assert e.value.__traceback__ is not None and e.value.__context__ is None  # raised from None: no chain kept
    compiled = only_ours(scoring.compile, rule, **kwargs)  # compiling may refuse the weight at once
    if compiled is not None:
        only_ours(compiled.points, actual)  # the generated code may hold what the evaluator cannot
        with pytest.raises(scoring.EvaluationError):
            compiled.score(actual)


def test_step_zero_says_why() -> None:
    with pytest.raises(scoring.EvaluationError, match="除以零"):
        scoring.evaluate("每0例扣1分", "3", weight=10)


@pytest.mark.parametrize(
    "text",
    ["得分=完成率" + "×1" * 489, "得分=完成率" + "×1" * 488, "得分=" + "（" * 489 + "完成率" + "）" * 489,
     "得分=完成率" + "×1" * (MAX_DEPTH + 1)],
)  # fmt: skip
def test_deep_formulas_are_refused_as_too_deep(text: str) -> None:
    with pytest.raises(scoring.RuleSyntaxError) as e:
        scoring.parse(text)
    assert e.value.code == "too-deep"


def test_formulas_below_the_depth_limit_score() -> None:
    text = "得分=完成率" + "×1" * 20 + "×指标分值"
    assert scoring.evaluate(text, "50%", target="100%", weight=10).points == Decimal("5.00")


def test_long_text_is_refused_with_a_short_message() -> None:
    assert max(map(len, TEXTS)) * 4 < MAX_CHARS  # generous: every real rule fits four times over
    for text in ("一" * 100_000, RULE * (MAX_CHARS // len(RULE) + 1)):
        with pytest.raises(scoring.RuleSyntaxError) as e:
            scoring.parse(text)
        assert e.value.code == "too-long"
        assert "规则过长" in str(e.value) and len(str(e.value)) < 400


def test_float_is_still_a_type_error() -> None:
    with pytest.raises(TypeError):
        scoring.evaluate(RULE, 0.85, target="90%", weight=10)


@st.composite
def mutated(draw: st.DrawFn) -> str:
    """A corpus text with a few pieces spliced in, cut out or doubled."""
    text = draw(st.sampled_from(TEXTS))
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(text)))
        how = draw(st.sampled_from(["insert", "delete", "replace", "repeat"]))
        if how == "insert":
            text = text[:i] + draw(st.sampled_from(PIECES)) + text[i:]
        elif how == "delete":
            text = text[:i] + text[i + draw(st.integers(1, 5)) :]
        elif how == "replace":
            text = text[:i] + draw(st.sampled_from(PIECES)) + text[i + 1 :]
        else:
            text = text[:i] + text[i : i + 3] * draw(st.integers(2, 50)) + text[i + 3 :]
    return text


values = st.one_of(
    st.sampled_from(HOSTILE),
    st.integers(-(10**40), 10**40),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.text(alphabet="0123456789.%万亿-E+e是否例", max_size=40),
)
weights = st.one_of(st.sampled_from([10, 0, "nan", 10**30, Decimal("1E+400"), "-5", "1" * 40]), st.integers(-5, 10**35))
targets = st.sampled_from([None, "90%", "0", "0%", "≥90%", "≤0", "1" * 30, "1E+999999999", "是", "-1",
                           Decimal("sNaN"), Decimal("NaN"), Decimal("-Infinity"), 10**30])  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(mutated(), values, targets, weights, st.sampled_from([None, "≥", "≤", "定性", "="]))
def test_fuzz_parse_evaluate_compile_raise_only_ours(
    text: str, actual: Any, target: Any, weight: Any, cmp: Any
) -> None:
    rule = only_ours(scoring.parse, text)
    if rule is None:
        return
    kwargs = {"target": target, "weight": weight, "comparator": cmp}
    only_ours(scoring.evaluate, rule, actual, **kwargs)
    c = only_ours(scoring.compile, rule, **kwargs)
    if c is not None:
        only_ours(c.points, actual)
        only_ours(c.score, actual)


def _bad_rows() -> list[Any]:
    return [
        {"id": "zero-step", "name": "x", "rule": "每0例扣1分", "weight": 10},
        {"id": "deep", "name": "x", "rule": "得分=完成率" + "×1" * 489, "weight": 10, "target": "90%"},
        {"id": "long", "name": "x", "rule": "一" * 20_000, "weight": 10},
        {"id": "nan", "name": "x", "rule": RULE, "weight": "nan", "target": "90%"},
        {"id": "huge-weight", "name": "x", "rule": RULE, "weight": Decimal("1E+400"), "target": "90%"},
        {"id": "bad-options", "name": "x", "rule": RULE, "weight": 10, "target": "90%", "options": {"places": "x"}},
        {"id": "bad-partial", "name": "x", "rule": RULE, "weight": 10, "target": "90%", "options": {"partial": "?"}},
        {"id": "bad-profile", "name": "x", "rule": RULE, "weight": 10, "target": "90%", "profile": "nope"},
        {"id": "control", "name": "x\x00\x07", "rule": RULE + "\x01", "weight": 10, "target": "90%"},
        {"id": "big-count", "name": "x", "rule": "每发现一例不合规扣1分，扣完为止", "weight": 10},
        "not a mapping",
        {"id": "good", "name": "x", "rule": RULE, "weight": 10, "target": "90%", "comparator": "≥", "unit": "%"},
    ]


_ACTUALS = {"zero-step": "3", "deep": "50%", "long": "1", "nan": "85%", "huge-weight": "85%", "bad-options": "85%",
            "bad-partial": "85%", "bad-profile": "85%", "control": "85%\x07", "big-count": "1" * 25, "good": "85%"}  # fmt: skip


@pytest.mark.parametrize("explain", [False, True])
def test_a_bad_row_is_a_row_with_a_finding(explain: bool) -> None:
    rows = _bad_rows()
    rs = scoring.Ruleset.from_rows(rows)
    report = rs.score(_ACTUALS, explain=explain)
    assert len(report.rows) == len(rows)
    by_id = {r.row.id: r for r in report.rows}
    assert by_id["good"].points == Decimal("8.00")
    for rid in ("zero-step", "deep", "long", "nan", "huge-weight", "bad-options", "bad-partial", "bad-profile",
                "big-count"):  # fmt: skip
        r = by_id[rid]
        assert r.score is None, rid
        assert [f for f in report.findings if f.indicator == rid and f.severity == "error"], rid
    assert not [f for f in report.findings if f.code == "internal-error"]


_CELLS = st.one_of(
    st.none(), st.sampled_from(HOSTILE), st.text(max_size=12), st.sampled_from(["85%", "90%", "10", "是"])
)
_ROW_KEYS = {
    "rule": st.one_of(st.none(), st.sampled_from(TEXTS), mutated()),
    "weight": st.one_of(st.none(), st.sampled_from([10, "5", "nan", "1e400", "x", -3, 0, Decimal("1E+99999")])),
    "target": _CELLS,
    "comparator": st.sampled_from([None, "≥", "≤", "定性", "?", ""]),
    "unit": st.sampled_from([None, "%", "人", "万元", "\x00"]),
    "options": st.sampled_from([None, {}, {"places": 1}, {"places": "x"}, {"partial": "?"}, "zz", {"nope": 1}]),
    "profile": st.sampled_from([None, "truncate", "nope", ""]),
    "level1": st.sampled_from(["产出指标", "", "成本指标"]),
}


@st.composite
def malformed_tables(draw: st.DrawFn) -> tuple[list[Any], dict[str, Any]]:
    n = draw(st.integers(1, 8))
    rows: list[Any] = []
    outcomes: dict[str, Any] = {}
    for i in range(n):
        if draw(st.integers(0, 9)) == 0:
            rows.append(draw(st.sampled_from(["x", 3, None, ["a"]])))
            continue
        row = {"id": f"r{i}", "name": f"指标{i}"}
        for k, s in _ROW_KEYS.items():
            v = draw(s)
            if v is not None:
                row[k] = v
        rows.append(row)
        outcomes[f"r{i}"] = draw(st.one_of(_CELLS, st.dictionaries(st.sampled_from(["1", "2", 1]), _CELLS, max_size=2)))
    return rows, outcomes


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(malformed_tables(), st.booleans())
def test_malformed_tables_keep_one_entry_per_row(table: tuple[list[Any], dict[str, Any]], explain: bool) -> None:
    rows, outcomes = table
    rs = scoring.Ruleset.from_rows(rows)
    report = rs.score(outcomes, explain=explain)
    assert len(report.rows) == len(rows)
    for r in report.rows:
        if r.score is None:
            assert r.findings, r.row.id
        else:
            only_ours(lambda s=r.score: s.explanation)
    assert not [f for f in report.findings if f.code == "internal-error"], report.findings


@pytest.mark.parametrize(
    "actual", [Decimal("NaN"), Decimal("sNaN"), Decimal("1E+999999999999999999"), Decimal("-Infinity")]
)
def test_non_finite_outcomes_are_a_rows_finding(actual: Decimal) -> None:
    rows = [{"id": "a", "name": "x", "rule": RULE, "weight": 10, "target": "90%", "unit": "%"},
            {"id": "b", "name": "y", "weight": 10, "target": "90%", "unit": "%", "comparator": "≥"}]  # fmt: skip
    report = scoring.Ruleset.from_rows(rows).score({"a": actual, "b": actual})
    assert len(report.rows) == 2
    assert report.rows[0].score is None and report.rows[0].findings
    assert all(r.score is not None or r.findings for r in report.rows)


@pytest.mark.parametrize("target", [Decimal("sNaN"), Decimal("NaN"), Decimal("-Infinity")])
def test_a_target_that_is_no_finite_number_is_refused(target: Decimal) -> None:
    for rule in ("满意度90%及以上得满分，每5%扣2分", "每低于目标1%扣1分", "完成得满分，未完成不得分"):
        with pytest.raises(scoring.EvaluationError, match="指标值不是有限数"):
            scoring.evaluate(rule, "85", target=target, weight=10)
