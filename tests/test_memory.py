"""Nothing kept after a run (issue 13): once a report is dropped, nothing of it stays reachable
from the ruleset or the process-wide caches (no exception with a traceback into the run's
frames), whatever its rows raised."""

from __future__ import annotations

import gc
import weakref
from decimal import Decimal

import pytest

import scoring
from scoring import cache

RULE = "满意度90%及以上得满分，每5%扣2分，低于75%不得分"
COMPOSITE = "①制定考核办法计1分，未制定不得分；②每发现1例不符扣0.25分，扣完为止"

ROWS = [
    {"id": "ok", "name": "满意度", "rule": RULE, "weight": 10, "target": "90%", "comparator": "≥", "unit": "%"},
    {"id": "refused", "name": "x", "rule": "预算范围内完成本年度考试", "weight": 10, "target": "90%"},
    {"id": "syntax", "name": "x", "rule": "每扣分分分", "weight": 10},
    {"id": "zero", "name": "x", "rule": "每0例扣1分", "weight": 10},
    {"id": "composite", "name": "x", "rule": COMPOSITE, "weight": 2},
    {"id": "composite-bad", "name": "x", "rule": COMPOSITE, "weight": 2},
    {"id": "default", "name": "x", "weight": 10, "target": "≥90%", "unit": "%"},
]
OUTCOMES = {"ok": "85%", "refused": "是", "syntax": "1", "zero": "3", "composite": {"1": "是", "2": "1"},
            "composite-bad": {"1": "也许", "2": "-1"}, "default": "85%"}  # fmt: skip


@pytest.mark.parametrize("explain", [False, True])
def test_no_row_of_a_finished_report_stays_reachable(explain: bool) -> None:
    ruleset = scoring.Ruleset.from_rows(ROWS)
    for _ in range(2):  # the second run meets the cached refusals and errors
        report = ruleset.score(OUTCOMES, explain=explain)
        assert len(report.rows) == len(ROWS)
        for r in report.rows:
            if r.score is not None:
                assert r.score.explanation
        alive = weakref.ref(report)
        scores = [weakref.ref(r.score) for r in report.rows if r.score is not None and hasattr(r.score, "__weakref__")]
        del report, r
        gc.collect()
        assert alive() is None, gc.get_referrers(alive())
        assert all(s() is None for s in scores)


def test_cached_refusals_are_fields_not_exceptions() -> None:
    with pytest.raises(scoring.RuleSyntaxError) as first:
        cache.parsed("每扣分分分")
    with pytest.raises(scoring.RuleSyntaxError) as again:
        cache.parsed("每扣分分分")
    assert first.value is not again.value and str(first.value) == str(again.value)
    assert first.value.code == again.value.code
    for kept in list(cache.RULES._data.values()) + list(cache.COMPILED._data.values()):
        assert not isinstance(kept, BaseException)


def test_compiled_composite_keeps_messages_not_errors() -> None:
    c = scoring.Ruleset.from_rows(ROWS[4:6]).score({"composite": {"1": "也许", "2": "1"}})
    assert c.rows
    for kept in cache.COMPILED._data.values():
        for errors in getattr(kept, "_errors", ()):
            assert not any(isinstance(v, BaseException) for v in errors.values())


def test_caches_are_bounded() -> None:
    lru: cache.LRU[int] = cache.LRU(3)
    for i in range(10):
        assert lru.get(i, lambda i=i: i * 2) == i * 2
    assert len(lru) == 3 and lru.get(9, lambda: -1) == 18 and lru.get(0, lambda: -1) == -1


def test_a_ruleset_scores_the_same_with_warm_caches() -> None:
    cache.clear()
    first = scoring.Ruleset.from_rows(ROWS).score(OUTCOMES)
    second = scoring.Ruleset.from_rows(ROWS).score(OUTCOMES)
    assert [r.points for r in first.rows] == [r.points for r in second.rows]
    assert [f.code for f in first.findings] == [f.code for f in second.findings]
    assert first.total == second.total and first.total > Decimal(0)
