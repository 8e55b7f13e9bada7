"""The thirteenth probe's A22 and B31 shapes (docs/semantics.md §152): 下达任务数 / 任务数 as names of the row's
target, and 每个 inside the subject of a range earning full marks (a count per unit, with steps by the distance
from the nearer end of the range). Variants of the probe texts; each expectation is computed by hand from the
rule text and the semantics (arithmetic beside each case)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

import scoring


def _points(text: str, actual: Any, **row: Any) -> Decimal:
    return scoring.evaluate(text, actual, **row).points


def _compiled(text: str, actual: Any, **row: Any) -> Decimal:
    return scoring.compile(text, **row).score(actual).points


# ------------------------------------------------------------------ 下达任务数 / 任务数: the row's target

TASK = "耕地保有量不低于下达任务数得满分，低于任务数的不得分"
TASK_ROW = {"target": "≥120万亩", "comparator": "≥", "unit": "万亩", "weight": 4}


@pytest.mark.parametrize(
    ("text", "row", "actual", "expected"),
    [
        (TASK, TASK_ROW, "121", "4"),  # 121 ≥ 120: full marks
        (TASK, TASK_ROW, "120", "4"),  # 不低于 includes the target itself
        (TASK, TASK_ROW, "119.9", "0"),  # below the task: 不得分
        # the bare 任务数 on both sides, another row
        ("粮食播种面积不低于任务数得满分，低于任务数的不得分",
         {"target": "≥500万亩", "comparator": "≥", "unit": "万亩", "weight": 6}, "500", "6"),
        ("粮食播种面积不低于任务数得满分，低于任务数的不得分",
         {"target": "≥500万亩", "comparator": "≥", "unit": "万亩", "weight": 6}, "480", "0"),
        # steps below the task as below 目标值: 196 of 200 = 98%, 2 steps of 1% → 5 − 2 = 3
        ("造林面积达到下达任务数得满分，每低于任务数1%扣1分",
         {"target": "≥200亩", "comparator": "≥", "unit": "亩", "weight": 5}, "196", "3"),
        ("造林面积达到下达任务数得满分，每低于任务数1%扣1分",
         {"target": "≥200亩", "comparator": "≥", "unit": "亩", "weight": 5}, "205", "5"),
    ],
)
def test_task_is_the_target(text: str, row: dict[str, Any], actual: str, expected: str) -> None:
    assert _points(text, actual, **row) == Decimal(expected)
    assert _compiled(text, actual, **row) == Decimal(expected)


def test_task_without_a_target_is_refused() -> None:
    # the rule names the target; a row without one has nothing to compare with
    with pytest.raises(scoring.ScoringError):
        _points(TASK, "121", unit="万亩", weight="4")


# ------------------------------------------------------------------ 每个 + a range earning full marks

GRID = "城市社区每个网格配备专职网格员控制在3-5人之间得满分，每偏离1人扣1分"
GRID_ROW = {"target": "3-5人", "comparator": "=", "unit": "人", "weight": 3}


@pytest.mark.parametrize(
    ("text", "row", "actual", "expected"),
    [
        (GRID, GRID_ROW, "4", "3"),  # inside 3–5: full marks
        (GRID, GRID_ROW, "3", "3"),  # the lower end is inside
        (GRID, GRID_ROW, "6", "2"),  # 1 above the upper end 5: 3 − 1
        (GRID, GRID_ROW, "2", "2"),  # 1 below the lower end 3: 3 − 1
        (GRID, GRID_ROW, "1", "1"),  # 2 below 3: 3 − 2
        (GRID, GRID_ROW, "9", "0"),  # 4 above 5: 3 − 4 → floored at 0
        # 至 as the range's dash, 0.5 a step: 5 is 1 above 4 → 2 − 0.5; 0 is 2 below 2 → 2 − 1
        ("每个村配备保洁员控制在2至4人之间得满分，每偏离1人扣0.5分",
         {"target": "2-4人", "comparator": "=", "unit": "人", "weight": 2}, "3", "2"),
        ("每个村配备保洁员控制在2至4人之间得满分，每偏离1人扣0.5分",
         {"target": "2-4人", "comparator": "=", "unit": "人", "weight": 2}, "5", "1.5"),
        ("每个村配备保洁员控制在2至4人之间得满分，每偏离1人扣0.5分",
         {"target": "2-4人", "comparator": "=", "unit": "人", "weight": 2}, "0", "1"),
        # ～ as the dash, no 控制在/之间: 4 is 2 above 2 → 3 − 2
        ("每个班级配备辅导员1～2名得满分，每偏离1名扣1分",
         {"target": "1-2名", "comparator": "=", "unit": "名", "weight": 3}, "4", "1"),
        ("每个班级配备辅导员1～2名得满分，每偏离1名扣1分",
         {"target": "1-2名", "comparator": "=", "unit": "名", "weight": 3}, "1", "3"),
    ],
)
def test_per_unit_range_deviation(text: str, row: dict[str, Any], actual: str, expected: str) -> None:
    assert _points(text, actual, **row) == Decimal(expected)
    assert _compiled(text, actual, **row) == Decimal(expected)


@pytest.mark.parametrize("actual", ["3-6人", {"网格1": 4, "网格2": 6}, "是"])
def test_per_unit_answer_must_be_one_number(actual: Any) -> None:
    # grids that differ give no one count per grid: a range, an answer per grid or a word is refused
    with pytest.raises(scoring.ScoringError):
        _points(GRID, actual, **GRID_ROW)


def test_each_before_a_deduction_is_still_a_step() -> None:
    # no range earning full marks after 每个: each section counts once, 2 × 2 lost of 5
    assert _points("每个断面水质不达标扣2分", "2", weight="5") == Decimal("1")
