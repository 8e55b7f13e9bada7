"""或以上 / 或以下 after a number are 及以上 / 及以下 (lexicon GE_SUFFIX, LE_SUFFIX): the number or more (less), included.
They were left as words in the measured value's name (满意度或以上), the 以上 read by no node. Points by hand."""

from __future__ import annotations

import pytest

import scoring

# (rule, row, answer, points by hand)
CASES = [
    ("满意度60%或以上的得满分，否则不得分", {"weight": 5}, "60%", "5.00"),  # 60% included
    ("满意度60%或以上的得满分，否则不得分", {"weight": 5}, "59.9%", "0.00"),
    ("偏差率5%或以下的得满分，否则不得分", {"weight": 4, "target": "≤5%"}, "5%", "4.00"),  # 5% included
    ("偏差率5%或以下的得满分，否则不得分", {"weight": 4, "target": "≤5%"}, "5.1%", "0.00"),
]


@pytest.mark.parametrize(("text", "row", "answer", "want"), CASES)
def test_or_suffix_scores(text: str, row: dict[str, object], answer: str, want: str) -> None:
    assert str(scoring.evaluate(text, answer, **row).points) == want  # type: ignore[arg-type]


def test_or_suffix_is_a_comparison_not_a_name() -> None:
    rule = scoring.parse("满意度60%或以上的得满分，否则不得分")
    cond = rule.clauses[0].condition  # type: ignore[union-attr]
    assert cond.subject == "满意度" and cond.low.inclusive and cond.low.stated  # type: ignore[union-attr]
    assert scoring.parse(scoring.render(rule)) == rule
