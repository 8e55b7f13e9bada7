"""个 alone is any counter, never a measure (scoring.reading.scales.same_unit). Expectations by hand."""

from __future__ import annotations

from decimal import Decimal

import pytest

import scoring
from scoring.reading.scales import same_unit

RULE = "完成10个村的改造任务得满分，每少完成1个村扣1分"  # weight 10, target 10个


@pytest.mark.parametrize(("a", "b", "same"), [
    ("个", "个村", True), ("个", "家", True), ("个", "人", True), ("个", "个", True), ("个村", "村", True),
    ("个", "季度", True), ("个", "月", True), ("个", "元", False), ("个", "万元", False), ("个", "天", False), ("个", "吨", False), ("个", "%", False),
    ("个月", "月", True), ("天", "工作日", True), ("元", "元", True), ("元", "吨", False),
])  # fmt: skip
def test_same_unit(a: str, b: str, same: bool) -> None:
    assert same_unit(a, b) is same and same_unit(b, a) is same


@pytest.mark.parametrize(("answer", "points"), [("8", "8.00"), ("8个", "8.00"), ("8个村", "8.00"), ("12个", "10.00")])
def test_a_count_answers_a_count(answer: str, points: str) -> None:
    # 10 − 8 = 2 missing, 每少完成1个扣1分 → 8; 12 ≥ 10 → full marks
    assert scoring.evaluate(RULE, answer, weight=10, target="10", unit="个").points == Decimal(points)


@pytest.mark.parametrize("answer", ["5万元", "3天", "2吨"])
def test_a_measure_is_no_count(answer: str) -> None:
    # 5万元 read as 50000 of the 10个 scored full marks
    with pytest.raises(scoring.EvaluationError) as e:
        scoring.evaluate(RULE, answer, weight=10, target="10", unit="个")
    assert "单位不一致" in str(e.value)


@pytest.mark.parametrize(("answer", "points"), [("3", "0.70"), ("0", "1.00")])
def test_per_person_time_is_a_counter(answer: str, points: str) -> None:
    # 每人次 is 每 and the counter 人次 (it read as the frequency 每人, a one-off answered 是/否): 1 − 3 × 0.1
    assert scoring.evaluate("缺席培训的每人次扣0.1分", answer, weight=1).points == Decimal(points)
