"""Worded comparisons with the row's target as a budget or a planned amount (docs/semantics.md §111, domain points 1,
2, 20): 控制在预算内 / 不超预算 / 不高于计划成本 (at most the target) and 超支 / 超预算 / 高于计划成本 (above it), answered by a
number against the row's target where it is an amount of money or 100%. Expectations by hand, arithmetic beside each."""

from __future__ import annotations

from typing import Any

import pytest
import shape_cases

import scoring

DEPT = "全年支出控制在部门预算内支出得满分；超部门预算支出不得分。"
RATE_ROW: dict[str, object] = {"target": "100%", "comparator": "≤", "unit": "%", "weight": 20}
OVER = "按预算支出，超支不得分。"
AMOUNT_ROW: dict[str, object] = {"target": "50", "comparator": "≤", "unit": "万元", "weight": 10}
COST = "实际成本高于计划成本的，得分=计划成本/实际成本×本项分值；不高于计划成本的得满分"
COST_ROW: dict[str, object] = {"target": "≤400", "comparator": "≤", "unit": "万元", "weight": 8}
WITHIN = "支出不超过预算得满分"

CASES: list[tuple[str, Any, dict[str, object], str]] = [
    (DEPT, "98%", RATE_ROW, "20"),  # 98% ≤ 100%: within the budget (first probe F12)
    (DEPT, "100%", RATE_ROW, "20"),  # 预算内 includes the budget itself (以内, domain point 1)
    (DEPT, "101%", RATE_ROW, "0"),  # 101% > 100%: over, 不得分
    (DEPT, "是", RATE_ROW, "20"),  # 是/否 still answer the words
    (DEPT, "否", RATE_ROW, "0"),
    (OVER, "49", AMOUNT_ROW, "10"),  # 49 ≤ 50万元: not over; only 超支 is written, nothing lost (first probe U41)
    (OVER, "50", AMOUNT_ROW, "10"),  # 超支 is above the budget, 50 is not
    (OVER, "51", AMOUNT_ROW, "0"),
    (OVER, "500000元", AMOUNT_ROW, "10"),  # 50万元 in 元
    (COST, "500", COST_ROW, "6.4"),  # 500 > 400: 400 / 500 × 8 = 6.4 (eighth probe D11)
    (COST, "450", COST_ROW, "7.11"),  # 400 / 450 × 8 = 7.111… → 7.11
    (COST, "400", COST_ROW, "8"),  # 不高于 includes 400: full marks
    (COST, "380", COST_ROW, "8"),
    (COST, "是", COST_ROW, "8"),  # 是: not above the plan
    (WITHIN, "60", AMOUNT_ROW, "0"),  # over, and no clause scores it: a gap, 0 (domain point 1)
    (WITHIN, "45", AMOUNT_ROW, "10"),
]

test_hand_cases, test_compiled_agrees, test_round_trip = shape_cases.checks(CASES)


@pytest.mark.parametrize(
    ("text", "actual", "row"),
    [
        (DEPT, "98%", {"target": "≥90%", "unit": "%", "weight": 20}),  # a rate other than 100% is no budget
        (DEPT, "98%", {"target": "按时完成", "weight": 20}),  # no numeric target: the budget is not given
        (OVER, "49", {"target": "50", "unit": "人", "weight": 10}),  # 50人 is no budget
        (OVER, "8%", AMOUNT_ROW),  # a % against 50万元: the excess or the share spent? (as §82)
        (COST, "否", COST_ROW),  # above the plan, but by how much? the formula needs the cost
    ],
)
def test_refused(text: str, actual: str, row: dict[str, Any]) -> None:
    with pytest.raises(scoring.EvaluationError):
        scoring.evaluate(text, actual, **row)


def test_other_words_stay_words() -> None:
    # 按预算执行 compares nothing: a number still cannot answer it
    with pytest.raises(scoring.EvaluationError):
        scoring.evaluate("按预算执行得满分，否则不得分", "49", **AMOUNT_ROW)  # type: ignore[arg-type]


def test_a_row_of_at_least_against_budget_words_is_refused() -> None:
    """超支不得分 on a row of ≥: the row and the words disagree on the side that is met (semantics §111)."""
    import pytest

    import scoring

    text = "全年支出控制在部门预算内支出得满分；超部门预算支出不得分。"
    kw = {"target": "100%", "comparator": "≥", "weight": 20}
    with pytest.raises(scoring.ScoringError, match="相反"):
        scoring.evaluate(text, "98%", **kw)
    with pytest.raises(scoring.ScoringError, match="相反"):
        scoring.compile(text, **kw).points("98%")
    assert scoring.evaluate(text, "是", **kw).points == 20  # the words answered: within the budget
