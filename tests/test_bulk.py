"""Bulk scoring's fast path (compiled rules, lazy explanations, the per-table plan) gives the
same report as the full evaluator, row by row, on tables generated like benchmarks/table.py."""

from __future__ import annotations

import importlib.util
import sys
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import scoring
from scoring import cache
from scoring.reading.profiles import Profile
from scoring.scores.evaluate import Score
from scoring.tables import ruleset as ruleset_module
from scoring.tables.readings import profile_number

ROOT = Path(__file__).resolve().parent.parent


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_table", ROOT / "benchmarks" / "table.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_table"] = module
    spec.loader.exec_module(module)
    return module


BENCH = _bench()


@pytest.mark.parametrize("mode", ["random", "distinct", "typical"])
def test_fast_path_gives_the_full_report(mode: str, monkeypatch: pytest.MonkeyPatch) -> None:
    ruleset, outcomes, _ = BENCH.build(3000, 7, mode)
    _same_reports(ruleset, outcomes, monkeypatch)


# outcomes as people type them: the fast path must read each exactly as the full path does
ODD = ("85", "８５", " 90 ", "85%", "85.0%", "100", "0", "3", "250人", "3例", "2次", "12.5万元", "1200元", "95分",
       "1000000000000", "0.000001", "是", "否", "已完成", "未完成", "显著", "一般", "9.7万人，完成率97%。",
       "完成率95%", "共发现2例", "98.5", "基本完成", "逐步规范", "较差", "按时完成", "良好", "完成率97.5%，较上年提高",
       "共计12场，其中线上3场", "-5", "约85%", "9.7亿元", "“三十二条”", "2024年6月完成", "现场34，线上31场",
       "100余人", "满意度达到93%（≥95%）")  # fmt: skip


def test_fast_path_reads_odd_outcomes_as_the_full_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every corpus row template (rules and rows without one) against outcomes typed in odd
    ways: fullwidth digits, units, 万, words, numbers inside words."""
    from scoring.tables.outcomes import Outcome, Outcomes
    from scoring.tables.rows import IndicatorRow
    from scoring.tables.ruleset import Ruleset

    rows, outs = [], []
    for i, t in enumerate(BENCH.templates()):
        for j, actual in enumerate(ODD):
            rid = f"R{i}-{j}"
            rows.append(IndicatorRow(id=rid, name=t["name"], level1=t["level1"], level2=t["level2"], target=t["target"],
                                     comparator=t["comparator"], unit=t["unit"], weight=t["weight"], rule=t["rule"]))  # fmt: skip
            outs.append(Outcome(rid, actual))
    _same_reports(Ruleset.from_rows(rows, title="odd"), Outcomes(tuple(outs)), monkeypatch)


def _same_reports(ruleset: Any, outcomes: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = ruleset.score(outcomes)
    monkeypatch.setattr(ruleset_module, "_FAST", False)
    full = ruleset.score(outcomes)
    monkeypatch.setattr(ruleset_module, "_FAST", True)
    lazy = 0
    for a, b in zip(fast.rows, full.rows, strict=True):
        assert a.row is b.row
        if a.score is not None and a.score._full is not None:
            lazy += 1
        assert (a.points, a.method, a.findings) == (b.points, b.method, b.findings), a.row
        assert a.explanation == b.explanation and a.score == b.score
        if a.score is not None and b.score is not None:
            assert a.score.exact == b.score.exact
    assert lazy > 100  # the fast path was taken
    assert (fast.total, fast.weight, fast.grade) == (full.total, full.weight, full.grade)
    assert fast.level1 == full.level1 and fast.level2 == full.level2 and fast.sections == full.sections
    assert fast.findings == full.findings


def test_explain_gives_the_same_report_with_every_explanation_worked_out() -> None:
    ruleset, outcomes, _ = BENCH.build(2000, 5, "random")
    lazy, eager = ruleset.score(outcomes), ruleset.score(outcomes, explain=True)
    assert all(r.score is None or r.score._full is None for r in eager.rows)
    assert any(r.score is not None and r.score._full is not None for r in lazy.rows)
    assert [(r.points, r.explanation, r.findings) for r in lazy.rows] == [
        (r.points, r.explanation, r.findings) for r in eager.rows
    ]
    assert (lazy.total, lazy.grade, lazy.findings) == (eager.total, eager.grade, eager.findings)


def test_subtotals_add_up() -> None:
    ruleset, outcomes, _ = BENCH.build(2000, 3, "random")
    report = ruleset.score(outcomes)
    scored = [r for r in report.rows if r.points is not None]
    assert sum((s.points for s in report.level2), Decimal(0)) == sum((r.points for r in scored), Decimal(0))
    assert sum((s.points for s in report.level1), Decimal(0)) == sum((s.points for s in report.sections), Decimal(0))
    assert sum(s.rows for s in report.sections) == len(report.rows)
    assert sum(s.unscored for s in report.level2) == len(report.rows) - len(scored)
    assert report.total == sum((s.points for s in report.sections), Decimal(0)) + report.execution.points


def test_a_replaced_row_list_is_planned_again() -> None:
    ruleset = scoring.load_ruleset(ROOT / "rulesets" / "examples" / "demo.toml")
    before = ruleset.score(ROOT / "rulesets" / "examples" / "demo.outcomes.toml")
    ruleset.indicators = ruleset.indicators[:-1]
    after = ruleset.score(ROOT / "rulesets" / "examples" / "demo.outcomes.toml")
    assert len(after.rows) == len(before.rows) - 1
    assert sum(s.rows for s in after.level1) == len(after.rows)


def test_lazy_score_works_out_its_explanation_once() -> None:
    calls = []

    def full(actual: str) -> Score:
        calls.append(1)
        return scoring.evaluate("完成率每低1%扣1分", actual, target="100%", weight=10)

    s = Score.later(Decimal("5.00"), Decimal(10), full, "95%")
    assert s.points == Decimal("5.00") and not calls
    assert "扣" in s.explanation and len(calls) == 1
    assert s.trace and s.exact == Decimal(5) and len(calls) == 1
    with pytest.raises(AttributeError):
        s.points = Decimal(1)  # type: ignore[misc]


def test_lazy_score_that_disagrees_is_a_bug_not_a_silent_result() -> None:
    s = Score.later(Decimal("9.00"), Decimal(10),
                    lambda a: scoring.evaluate("完成率每低1%扣1分", a, target="100%", weight=10), "95%")  # fmt: skip
    with pytest.raises(RuntimeError, match="不一致"):
        _ = s.explanation


def test_a_table_scored_again_reuses_its_compiled_rules_per_profile(monkeypatch: pytest.MonkeyPatch) -> None:
    ruleset, outcomes, _ = BENCH.build(1500, 11, "random")

    # the readings (rule parsed and compiled for the indicator and profile) are kept process-wide
    # in scoring.cache.COMPILED, keyed ("table-reading", reading, the profile's number, fast)
    def readings(profile: Profile) -> list[Any]:
        number = profile_number(profile)
        return [k for k in cache.COMPILED._data if k[:1] == ("table-reading",) and k[2] == number]

    cache.clear()
    first = ruleset.score(outcomes)
    assert readings(ruleset.profile)
    prepared = cache.COMPILED.misses
    again = ruleset.score(outcomes)
    assert cache.COMPILED.misses == prepared  # nothing prepared or compiled again
    assert [(r.points, r.explanation, r.findings) for r in first.rows] == [
        (r.points, r.explanation, r.findings) for r in again.rows
    ]
    # another profile compiles its own, and still agrees with the full path
    other = scoring.profiles.get("one-decimal")
    assert not readings(other)
    fast = ruleset.score(outcomes, profile=other)
    assert readings(other) and cache.COMPILED.misses > prepared
    monkeypatch.setattr(ruleset_module, "_FAST", False)
    full = ruleset.score(outcomes, profile=other)
    assert [(r.points, r.explanation) for r in fast.rows] == [(r.points, r.explanation) for r in full.rows]
    assert any(a.points != b.points for a, b in zip(first.rows, fast.rows, strict=True))


def test_a_large_run_leaves_the_garbage_collector_as_it_found_it() -> None:
    import gc

    ruleset, outcomes, _ = BENCH.build(6000, 2, "typical")
    assert gc.isenabled() and gc.get_freeze_count() == 0
    report = ruleset.score(outcomes)
    assert gc.isenabled() and gc.get_freeze_count() == 0
    # the run's objects went straight to the oldest generation, not left for young passes
    oldest = {id(o) for o in gc.get_objects(2)}
    assert id(report.rows[0]) in oldest and id(report.rows[-1]) in oldest
    # objects the program froze itself stay frozen
    gc.freeze()
    frozen = gc.get_freeze_count()
    try:
        ruleset.score(outcomes)
        assert gc.isenabled() and gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
    gc.disable()
    try:
        ruleset.score(outcomes)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_long_lived_table_keeps_a_bounded_number_of_written_units() -> None:
    """Code is generated per unit written after a number (85%, 250人); junk units in outcomes
    must not grow a table's compiled rules without bound: past the cap the evaluator reads them."""
    from scoring.scores.compiled import Compiled

    c = Compiled(scoring.parse("满意度90%及以上得满分，每5%扣2分，低于75%不得分"), target="90%", weight=Decimal(10),
                 defer=True)  # fmt: skip
    assert c.take_written("%") is not None
    for i in range(200):
        c.take_written(f"件{i}")
    assert len(c._written) <= 64
    f = c.take_written("%")
    assert f is not None and f(Decimal(85)) == Decimal("8.00")


def test_the_next_table_reuses_what_its_readings_decided_and_gives_the_same_rows() -> None:
    """A reading keeps what it decided for an actual value (points, method, findings; no Score):
    another table of the same readings and outcomes makes its own Scores from that, and its rows
    are those a first decision gives (points, 扣分原因, findings), and those of the full path."""
    from scoring.tables.ruleset import Ruleset

    ruleset, outcomes, _ = BENCH.build(1500, 5, "random")
    cache.clear()
    fresh = ruleset.score(outcomes)
    again = Ruleset.from_rows(ruleset.indicators, execution=ruleset.execution).score(outcomes)  # readings decided
    full = ruleset.score(outcomes, explain=True)
    assert any(r.score is not None and r.score._full is not None for r in again.rows)
    for a, b, c in zip(fresh.rows, again.rows, full.rows, strict=True):
        assert a.score is not b.score or a.score is None  # each report has Scores of its own
        assert (a.points, a.method, a.findings, a.explanation) == (b.points, b.method, b.findings, b.explanation)
        assert (b.points, b.method, b.findings, b.explanation) == (c.points, c.method, c.findings, c.explanation)
    assert (fresh.total, fresh.findings) == (again.total, again.findings) == (full.total, full.findings)


def test_refusals_known_at_once_carry_the_evaluators_message() -> None:
    """A rule that contradicts its row, one number for a rule that needs several answers, and 是/否
    on a numeric rule are refused by the compiled rule without the evaluator: with its message."""
    from scoring.tables.outcomes import Outcome, Outcomes
    from scoring.tables.rows import IndicatorRow
    from scoring.tables.ruleset import Ruleset

    cases = [
        ("偏离度≤5%得20分；偏离度≤10%得15分；偏离度>10%不得分", "100", "10", "98"),  # 15 > the weight 10
        ("偏离度≤5%得20分；偏离度≤10%得15分；偏离度>10%不得分", "100", "10", "是"),
        ("完成率100%计2分，每有一项未完成扣0.2分；每有一个系统备案不成功扣0.5分，扣完为止。", "100%", "2", "3"),
        ("满意度90%及以上得满分，每5%扣2分，低于75%不得分", "90%", "10", "是"),
        ("满意度90%及以上得满分，每5%扣2分，低于75%不得分", "90%", "10", "否"),
        ("①按时报送计2分，未报送不得分；②资料完整计3分，不完整不得分", "完成", "5", "4"),  # one number, two items
        ("发生安全事故的直接计0分。①按时报送计2分；②资料完整计3分", "完成", "5", "是"),  # a clause over all items
    ]
    rows = [IndicatorRow(id=f"R{i}", name=f"指标{i}", target=t, weight=Decimal(w), rule=r)
            for i, (r, t, w, _) in enumerate(cases)]  # fmt: skip
    outs = Outcomes(tuple(Outcome(f"R{i}", a) for i, (*_, a) in enumerate(cases)))
    report = Ruleset.from_rows(rows, title="refusals").score(outs)
    for row, (rule, target, weight, actual) in zip(report.rows, cases, strict=True):
        with pytest.raises(scoring.EvaluationError) as e:
            scoring.evaluate(rule, actual, target=target, weight=weight)
        assert row.points is None
        assert [f.message for f in row.findings if f.code == "cannot-score"] == [str(e.value)], rule
