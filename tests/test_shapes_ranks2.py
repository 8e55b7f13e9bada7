"""Ranks answered as ordinals, items counted where the text says how many, a share of a rank's value refused
(docs/semantics.md §97, domain points 17-19). Every expectation is computed by hand from the rule text and the
semantics, its arithmetic beside it; the evaluator and the compiled rule must agree, accepted texts read back."""

from __future__ import annotations

from decimal import Decimal

import pytest
import shape_cases
from shape_cases import compiled_scores, reads_back, scores

import scoring

# ------------------------------------------------------------------ ordinal answers to a rank rule

PLACES = "排名第1得满分，第2得8分"  # §26: rank 1 → weight, rank 2 → 8, any other rank is a gap (0)
RANGE = "第1名得10分，第2-5名得6分"  # §65: ranks 2 to 5 → 6
STEPS = "第一名得40分,每递减一名,减2分"  # §26: from rank 1, 2 points per place down
ROW10 = {"weight": 10}
ROW40 = {"weight": 40}

ORDINALS = [
    (PLACES, "第2名", ROW10, "8"),  # 第2名 is rank 2
    (PLACES, "排名第2", ROW10, "8"),  # 排名 before the number
    (PLACES, "第二名", ROW10, "8"),  # a Chinese numeral
    (PLACES, "全市排名第二位", ROW10, "8"),  # 位 as the counter, a scope before 排名
    (PLACES, "名次：1", ROW10, "10"),  # 名次 and a colon
    (PLACES, "第1名", ROW10, "10"),
    (PLACES, "第3名", ROW10, "0"),  # rank 3 is in no band: a gap, 0
    (RANGE, "第三名", ROW10, "6"),  # 3 within 2-5
    (RANGE, "第5名", ROW10, "6"),  # the range's end, included (§1)
    (RANGE, "第6名", ROW10, "0"),  # after 5: a gap
    (STEPS, "第五名", ROW40, "32"),  # 40 − (5 − 1) × 2 = 32
    (STEPS, "排名第21位", ROW40, "0"),  # 40 − 20 × 2 = 0
]


test_ordinal_answers_a_rank, test_ordinal_answers_a_rank_compiled, test_ordinal_round_trip = shape_cases.checks(ORDINALS)


@pytest.mark.parametrize(
    ("actual", "needs"),
    [
        ("倒数第1名", "从末位数起"),  # counted from the last: which rank is it?
        ("前2名", "一段名次"),  # a range of ranks, not one
        ("第0名", "从1起的整数"),  # no rank 0
        ("第2.5名", "从1起的整数"),  # no half rank
    ],
)
def test_ordinal_answers_refused(actual: str, needs: str) -> None:
    with pytest.raises(scoring.EvaluationError, match=needs):
        scoring.evaluate(PLACES, actual, weight=10)


def test_ordinal_is_no_quantity_where_no_rank_is_read() -> None:
    # 名 here counts people (培训50名以上): 第3名 is no number of people, refused as before
    with pytest.raises(scoring.EvaluationError, match="数值实际值"):
        scoring.evaluate("培训50名以上得满分", "第3名", weight=5)


# ------------------------------------------------------------------ 每项各N分 answered by a count

EACH = "（1）建立制度；（2）配备人员；（3）落实经费，每项各2分"  # §61: three items of 2 points


@pytest.mark.parametrize(
    ("actual", "want"),
    [
        ("2", "4"),  # two items met × 2
        ("3项", "6"),  # all three
        ("0", "0"),
        ({1: "是", 2: "否", 3: "是"}, "4"),  # per item as before: 2 + 0 + 2
    ],
)
def test_each_item_answered_by_a_count(actual: object, want: str) -> None:
    assert scoring.evaluate(EACH, actual, weight=6).points == Decimal(want)  # type: ignore[arg-type]


@pytest.mark.parametrize("actual", ["4", "1.5", "是"])
def test_each_item_count_out_of_range_refused(actual: str) -> None:
    # 4 of 3 items, half an item, or one 是 for three different things
    with pytest.raises(scoring.EvaluationError):
        scoring.evaluate(EACH, actual, weight=6)


# ------------------------------------------------------------------ the count of items stated before the award

STATED = [
    ("本指标包括5项重点工作，每完成1项得2分", "3", {"weight": 10}, "6"),  # 3 × 2
    ("本指标包括5项重点工作，每完成1项得2分", "5", {"weight": 10}, "10"),  # 5 × 2, the stated count
    ("本指标包括5项重点工作，每完成1项得2分", "0", {"weight": 10}, "0"),
    ("本项共4项任务，每完成1项得2.5分", "3", {"weight": 10}, "7.5"),  # 3 × 2.5
    ("包含3项工作，每完成1项得1分", "2", {"weight": 3}, "2"),  # 2 × 1
]


@pytest.mark.parametrize(("text", "actual", "kw", "want"), STATED)
def test_items_stated_first(text: str, actual: str, kw: dict[str, object], want: str) -> None:
    scores(text, actual, kw, want)
    compiled_scores(text, actual, kw, want)


def test_items_stated_first_is_the_cap() -> None:
    # 5项 × 2分: the award reaches at most 10, as 共5项 after it would (§81)
    rule = scoring.parse("本指标包括5项重点工作，每完成1项得2分")
    assert rule == scoring.parse("每完成1项得2分，共5项")


@pytest.mark.parametrize(
    "text",
    [
        "本指标包括5项重点工作，每完成1项得2分",
        "本项共4项任务，每完成1项得2.5分",
        "（1）建立制度；（2）配备人员；（3）落实经费，每项各2分",
    ],
)
def test_reads_back(text: str) -> None:
    reads_back(text)


# ------------------------------------------------------------------ refusals, caret on the fault


@pytest.mark.parametrize(
    ("text", "code", "at"),
    [
        # the count of items in another counter than the steps: 5 stays unread
        ("本指标包括5篇，每完成1项得2分", "unread-number", "5"),
        # a step of two items: 5 is not the cap of a per-one award, unread
        ("本指标包括5项重点工作，每完成2项得2分", "unread-number", "5"),
        # dev-040's share of what the first scored reads since §109 (tests/test_shapes_ranks4.py); without the
        # first's points it is refused
        ("第2-5名按第1名的比例得分", "rank-proportion", "按第1名的比例"),
        # still refused (see §97): the rank share, a rank from the last, grade labels with bracketed points,
        # a 各-list whose last member joins two with 和, bonuses per award level
        ("方案制定、组织实施、总结评估和成果运用各1分", "each-list", "方案"),
    ],
)
def test_refused_with_caret(text: str, code: str, at: str) -> None:
    e = shape_cases.refusal(text)
    assert e.code == code
    assert e.pos == text.index(at)
