"""A band on the count not done (docs/semantics.md §101): 未完成/少完成 N个 beside clauses that read the count
done is target − actual in the target's own unit. Each expectation is computed by hand from the rule text."""

from __future__ import annotations

from decimal import Decimal

import pytest

import scoring
from scoring.rules import nodes
from tests.shape_cases import reads_back, scores

VILLAGES = "完成10个村的改造任务得满分，每少完成1个村扣1分，未完成5个以上不得分"
ROW = {"target": "10个", "comparator": "≥", "unit": "个", "weight": 10}


@pytest.mark.parametrize(
    ("text", "actual", "kw", "want"),
    [
        (VILLAGES, "10", ROW, "10.00"),  # the target met: full marks, no band on the shortfall applies
        (VILLAGES, "8", ROW, "8.00"),  # 2 not done: 10 − 2 × 1; 2 < 5
        (VILLAGES, "6", ROW, "6.00"),  # 4 not done: 10 − 4; 4 < 5
        (VILLAGES, "5", ROW, "0.00"),  # 5 not done: 以上 includes 5 (domain point 1) → 0
        (VILLAGES, "4", ROW, "0.00"),  # 6 not done ≥ 5 → 0
        (VILLAGES, "12", ROW, "10.00"),  # over the target: full marks, the shortfall is below 0
        # 少完成, and the band on 3-4 not done with the weight less 5 (§71): 7 done is 3 not done → 10 − 5
        ("完成10个村的改造任务得满分，每少完成1个村扣1分，少完成3-4个扣5分，少完成5个以上不得分", "7", ROW, "5.00"),
        ("完成10个村的改造任务得满分，每少完成1个村扣1分，少完成3-4个扣5分，少完成5个以上不得分", "8", ROW, "8.00"),
        ("完成10个村的改造任务得满分，每少完成1个村扣1分，少完成3-4个扣5分，少完成5个以上不得分", "5", ROW, "0.00"),
        # the probe's row (V23): weight 8, 8 done → 8 − 2; 4 done → 6 not done ≥ 5 → 0
        (VILLAGES + "。", "8", {**ROW, "weight": 8}, "6.00"),
        (VILLAGES + "。", "4", {**ROW, "weight": 8}, "0.00"),
    ],
)
def test_scores_and_reads_back(text: str, actual: str, kw: dict[str, object], want: str) -> None:
    scores(text, actual, kw, want)
    reads_back(text)


def test_the_band_is_on_the_shortfall_in_the_counter() -> None:
    rule = scoring.parse(VILLAGES)
    assert isinstance(rule, nodes.Rule)
    band = rule.awards[-1].condition
    assert isinstance(band, nodes.Range) and band.measure is nodes.Measure.GAP
    assert band.low is not None and band.low.value == nodes.Quantity(Decimal(5), "个") and band.low.inclusive
    # a changed number is a changed rule
    assert scoring.parse(VILLAGES.replace("未完成5", "未完成6")) != rule
    score = scoring.evaluate(VILLAGES, "5", **ROW)  # type: ignore[arg-type]
    assert "未完成数量" in score.explanation


@pytest.mark.parametrize("actual", ["50%"])
def test_an_answer_in_another_unit_is_refused(actual: str) -> None:
    with pytest.raises(scoring.ScoringError):
        scoring.evaluate(VILLAGES, actual, **{**ROW, "target": "10个"})  # type: ignore[arg-type]


def test_without_a_numeric_target_the_shortfall_cannot_be_counted() -> None:
    with pytest.raises(scoring.ScoringError):
        scoring.evaluate(VILLAGES, "5", weight=10)


def test_other_shortfall_words_beside_the_count_done_stay_refused_with_the_caret() -> None:
    text = "完成10个村的改造任务得满分，每少完成1个村扣1分，欠5个以上不得分"
    with pytest.raises(scoring.RuleSyntaxError) as e:
        scoring.parse(text)
    assert e.value.code == "shortfall-band"
    assert text[e.value.pos :].startswith("欠5个以上")
