"""Fixes after the thirteenth blind probe's run. Points by hand from the rule text and docs/semantics.md (§108)."""

from __future__ import annotations

from typing import Any

import pytest

import scoring

REFUSE = "REFUSE"

# (rule, row, answer, points by hand)
CASES: list[tuple[str, dict[str, Any], Any, str]] = [
    # 二至三次: a Chinese numeral before 至 whose other end is a quantity is the range's first end (A30); 2 and 3 both
    # in it (domain point 1: 至 includes both ends)
    ("组织应急演练五次以上得满分，三至四次得4分，一至两次得2分，未组织不得分", {"weight": 6}, "5", "6.00"),
    ("组织应急演练五次以上得满分，三至四次得4分，一至两次得2分，未组织不得分", {"weight": 6}, "3", "4.00"),
    ("组织应急演练五次以上得满分，三至四次得4分，一至两次得2分，未组织不得分", {"weight": 6}, "4", "4.00"),
    ("组织应急演练五次以上得满分，三至四次得4分，一至两次得2分，未组织不得分", {"weight": 6}, "1", "2.00"),
    ("组织应急演练五次以上得满分，三至四次得4分，一至两次得2分，未组织不得分", {"weight": 6}, "2", "2.00"),
    ("组织应急演练五次以上得满分，三至四次得4分，一至两次得2分，未组织不得分", {"weight": 6}, "0", "0.00"),
    # a grade word of another scale on a ladder of three or more grades (E07): which level is not said; 是 still
    # names the best (§10), the rule's own grade its points
    ("优（5分）：按期全面完成；良（3分）：基本完成；中（1分）：完成一半以上；差（0分）：未完成过半", {"weight": 5}, "合格", REFUSE),
    ("优（5分）：按期全面完成；良（3分）：基本完成；中（1分）：完成一半以上；差（0分）：未完成过半", {"weight": 5}, "良", "3.00"),
    ("优（5分）：按期全面完成；良（3分）：基本完成；中（1分）：完成一半以上；差（0分）：未完成过半", {"weight": 5}, "是", "5.00"),
    # bands that count (exact tiers of a count): a count is a whole number from 0; 1.5 and −1 are no counts
    ("因违规操作引发群众投诉1次扣1分，2次扣3分，3次及以上不得分", {"weight": 5}, "1.5", REFUSE),
    ("因违规操作引发群众投诉1次扣1分，2次扣3分，3次及以上不得分", {"weight": 5}, "-1", REFUSE),
    ("因违规操作引发群众投诉1次扣1分，2次扣3分，3次及以上不得分", {"weight": 5}, "2", "2.00"),
    ("组织应急演练五次以上得满分，三至四次得4分，一至两次得2分，未组织不得分", {"weight": 6}, "2.5", REFUSE),
    # a rule of two grades keeps reading 合格 as met (its own words or 是)
    ("验收合格得满分，不合格不得分", {"weight": 4}, "合格", "4.00"),
]


@pytest.mark.parametrize(("text", "row", "answer", "want"), CASES)
def test_thirteenth_fixes(text: str, row: dict[str, Any], answer: Any, want: str) -> None:
    if want == REFUSE:
        with pytest.raises(scoring.ScoringError):
            scoring.evaluate(text, answer, **row)
    else:
        assert str(scoring.evaluate(text, answer, **row).points) == want


def test_school_year_is_no_counter() -> None:
    # 三年级 is a school year: the normalizer leaves it as written (it read 3年级, and 一至三年级 as a range 1至3年)
    from scoring.text.normalize import normalize

    assert "3年" not in normalize("一至三年级学生近视检查覆盖率达到100%得满分").text
