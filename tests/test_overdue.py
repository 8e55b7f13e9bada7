"""超期 (overdue) is a delay word: 超期办理一件 counts cases handled late, 每超期1天 days late (lexicon delay).
Expectations by hand."""

from __future__ import annotations

from decimal import Decimal

import pytest

import scoring


@pytest.mark.parametrize(
    ("rule", "answer", "points"),
    [
        ("信访事项按期办结，超期办理一件扣0.5分", "0", "3.00"),
        ("信访事项按期办结，超期办理一件扣0.5分", "3", "1.50"),  # 3 cases late: 3 × 0.5
        ("项目按期完成得满分，每超期1天扣0.5分", "4", "1.00"),  # 4 days late: 3 − 2
    ],
)
def test_overdue_counts(rule: str, answer: str, points: str) -> None:
    assert scoring.evaluate(rule, answer, weight=3).points == Decimal(points)


def test_overdue_cases_on_a_row_of_cases_are_not_its_excess() -> None:
    # read as 每超出1件 on a row of 200件, 3 late cases were 3 < 200 (no excess): full marks
    got = scoring.evaluate("信访事项按期办结，超期办理一件扣0.5分", "3", weight=3, target="200", unit="件")
    assert got.points == Decimal("1.50")
