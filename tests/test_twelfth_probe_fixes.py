"""Fixes after the twelfth blind probe's run (semantics §14): nothing is short of a target of 0 or of a ceiling, so a
per-case deduction whose words name a failure (不符合, 未完成) counts the failures answered, never a shortfall from the
target (3 files not conforming on a row of =0份 scored full marks). Points by hand from the rule text."""

from __future__ import annotations

from typing import Any

import pytest

import scoring

# (rule, row, answer, points by hand)
CASES: list[tuple[str, dict[str, Any], Any, str]] = [
    # 0.5 per case: 4 → 3 − 2 = 1; 7 → below 0 → 0
    ("检查台账，1本不符合规范扣0.5分", {"weight": 3, "target": "0本", "comparator": "="}, "4", "1.00"),
    ("检查台账，1本不符合规范扣0.5分", {"weight": 3, "target": "0本", "comparator": "="}, "7", "0.00"),
    ("检查台账，1本不符合规范扣0.5分", {"weight": 3, "target": "0本"}, "0", "3.00"),
    # a ceiling: the failures are the answer, each costs its points (≤2: 3 → 4 − 3 × 0.4 = 2.8)
    ("每发现1处未落实整改要求扣0.4分", {"weight": 4, "target": "≤2处"}, "3", "2.80"),
    # doubled events beside it on a row of 0例 (§76): 2 × 0.3 + 1 × 0.6 = 1.2 → 2.8
    ("每发现1例信息录入错误扣0.3分，涉及特困人员的加倍扣分", {"weight": 4, "target": "0例", "comparator": "="},
     {1: "2", 2: "1"}, "2.80"),
    # a target above 0 still counts the items short of it (§14): 每未完成1项 on 5项, 3 done → 2 short → 5 − 2 = 3
    ("每未完成1项扣1分", {"weight": 5, "target": "5项", "unit": "项"}, "3", "3.00"),
]


@pytest.mark.parametrize(("text", "row", "answer", "want"), CASES)
def test_failures_on_a_zero_target(text: str, row: dict[str, Any], answer: Any, want: str) -> None:
    assert str(scoring.evaluate(text, answer, **row).points) == want


# 最高计N分 / 最多记N分 after steps is their cap (lexicon CAP_ANY: 计 and 记 are 得); 最高 was read as a worded condition
# and the rule asked two answers. Bonus 0.3 per article, at most 1.5: 4 → 1.2, 6 → 1.5 (capped)
@pytest.mark.parametrize(("answer", "want"), [("0", "0.00"), ("4", "1.20"), ("6", "1.50")])
def test_highest_counted_is_a_cap(answer: str, want: str) -> None:
    text = "调研报告被县级以上领导批示的，每篇计0.3分，最高计1.5分"
    assert str(scoring.evaluate(text, answer, weight="1.5").points) == want
    rule = scoring.parse(text)
    assert scoring.parse(scoring.render(rule)) == rule
