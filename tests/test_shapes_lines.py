"""This round's shapes, part 7 (issue 11, docs/semantics.md §61): rank ranges (第4-6名), compound units
(10万平方米, 微克/立方米), spaced decimals of PDF text (扣 0 . 5 分), a plain quantity line stating the plan
before the steps (计划完成15公里，每少完成1公里扣1分), a heading with a colon before bare bands, and a hand
score within shares of the weight (得60%-80%分值). Expected scores are computed by hand from the rule text and
docs/semantics.md; each accepted text also passes the span-accounting check, and each near miss is refused."""

from __future__ import annotations

from decimal import Decimal

import pytest
from test_span_accounting import _unread_numbers

import scoring
from scoring.text.normalize import normalize


def _score(text: str, actual: object, **kw: object) -> Decimal:
    return scoring.evaluate(scoring.parse(text), actual, **kw).points  # type: ignore[arg-type]


def _refused(text: str) -> str:
    with pytest.raises(scoring.RuleSyntaxError) as e:
        scoring.parse(text)
    return e.value.code


# ------------------------------------------------------------------ spaced decimals (PDF text)


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("每低 1 个百分点扣 0 . 5 分", "每低1个百分点扣0.5分"),
        ("扣 12 . 25 分", "扣12.25分"),
        ("扣0 .5分", "扣0.5分"),
        # a letter-spaced text: the space between two digits is the spacing too
        ("满 意 度 9 0 % 以 上 得 满 分", "满意度90%以上得满分"),
    ],
)
def test_spaced_decimals_joined(text: str, read: str) -> None:
    assert normalize(text).text == read


@pytest.mark.parametrize(
    "text",
    [
        "1 . 2分以上得满分",  # an item number's dot before 2分: no word before the 1
        "满意度80 90得分",  # two numbers in a text written without letter spacing
        "完成1 . 制定方案",  # a dot before a word
    ],
)
def test_spaces_by_a_dot_kept(text: str) -> None:
    n = normalize(text)
    assert " " in n.text, n.text


@pytest.mark.parametrize(
    ("text", "actual", "weight", "points"),
    [
        # weight 5, ≥100%: 98% is 2 points below, 2 × 0.5 = 1 off → 4
        ("完成率达到100% 得满分 ，每低 1 个百分点扣 0 . 5 分", "98%", "5", "4"),
        # 2 errors × 0.5 = 1 off weight 2 → 1
        ("每 出 现 一 次 数 据 差 错 扣 0 . 5 分", "2", "2", "1"),
        # 95%, 93% is 2 below: 2 × 0.5 → 4 of 5
        ("合 格 率 达 到 9 5 % 以 上 得 满 分 ， 每 降 低 1 个 百 分 点 扣 0 . 5 分", "93%", "5", "4"),
    ],
)
def test_spaced_decimals_scored(text: str, actual: str, weight: str, points: str) -> None:
    assert _score(text, actual, weight=weight) == Decimal(points)
    assert not _unread_numbers(text)
