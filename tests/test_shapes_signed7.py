"""Signed answers of how early or late (docs/semantics.md §130): a bonus stepped per unit of time early beside
deductions per the same unit late is one quantity answered once; a plan line before such steps; a year before a
season word whose bracket restates the deadline; 未完工 / 未竣工 / 未建成 as negations. Variants of the blind
reviewers' texts; each expectation is computed by hand from the rule text (arithmetic beside each case)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

import scoring
from scoring.errors import EvaluationError, RuleSyntaxError
from scoring.rules.nodes import Label, Requirement
from scoring.rules.render import render


def _points(text: str, actual: Any, **row: Any) -> Decimal:
    return scoring.evaluate(text, actual, **row).points


def _compiled(text: str, actual: Any, **row: Any) -> Decimal:
    return scoring.compile(text, **row).score(actual).points


# ------------------------------------------------------------- one signed answer for the early and late steps

DAYS = "工程交付时间每提前10天加0.2分，每延后10天扣0.5分，加分不超过0.6分"  # weight 3
WEEKS = "每提前1周竣工加1分，最多加2分；每滞后1周扣0.5分"  # weight 6


@pytest.mark.parametrize(
    ("text", "weight", "actual", "expected"),
    [
        (DAYS, 3, "提前20天", "3.40"),  # 2 steps × 0.2 = 0.4 ≤ 0.6 → 3.4
        (DAYS, 3, "提前50天", "3.60"),  # 5 × 0.2 = 1.0, capped at 0.6 → 3.6
        (DAYS, 3, "延后30天", "1.50"),  # 3 × 0.5 = 1.5 → 1.5
        (DAYS, 3, "逾期100天", "0.00"),  # 10 × 0.5 = 5 > 3 → floored at 0
        (DAYS, 3, "按期完成", "3.00"),  # on time: neither
        (DAYS, 3, 0, "3.00"),
        (DAYS, 3, "0", "3.00"),
        (DAYS, 3, "延后15天", "2.25"),  # pro-rata (§3): 1.5 steps × 0.5 = 0.75
        (WEEKS, 6, "提前1周", "7.00"),  # +1
        (WEEKS, 6, "提前3周", "8.00"),  # 3, capped at 2
        (WEEKS, 6, "滞后4周", "4.00"),  # 4 × 0.5 = 2
        (WEEKS, 6, "延期两周", "5.00"),  # 2 × 0.5 = 1
    ],
)
def test_signed_answer(text: str, weight: int, actual: Any, expected: str) -> None:
    assert _points(text, actual, weight=weight) == Decimal(expected)
    assert _compiled(text, actual, weight=weight) == Decimal(expected)


@pytest.mark.parametrize(
    ("actual", "needs"),
    [
        ("20", "说不出是哪一种"),  # early or late? a bare positive number is refused
        (Decimal("5"), "说不出是哪一种"),
        ("2025年8月15日", "不能换算"),  # no deadline, and no word on a part step
        ("提前", "不是这样的时长"),  # how much?
        ("是", "不是这样的时长"),
        ("提前2个月", "单位不一致"),  # months against steps of days
    ],
)
def test_signed_answer_refused(actual: Any, needs: str) -> None:
    with pytest.raises(EvaluationError, match=needs):
        _points(DAYS, actual, weight=3)


def test_numbered_answers_still_taken() -> None:
    # the two inputs answered under their numbers, as before: {1: 提前 20天 → +0.4, 2: 延后 10天 → −0.5}
    assert _points(DAYS, {1: "20天", 2: "10天"}, weight=3) == Decimal("2.90")


def test_not_a_signed_pair() -> None:
    # two bonuses on time early and nothing late: no pair; one answer still refused as two inputs
    with pytest.raises(EvaluationError):
        _points("每提前1个月加0.5分，每提前1周加0.1分", "提前1个月", weight=3)


# ------------------------------------------------------------- a plan line before the early and late steps

PLAN = "计划2026年6月底前交付，每提前1个月交付加1分，最多加2分；每延后1个月扣1.5分"  # weight 8


@pytest.mark.parametrize(
    ("actual", "expected"),
    [
        ("按期", "8.00"),
        ("0", "8.00"),
        ("提前1个月", "9.00"),  # +1
        ("提前4个月", "10.00"),  # 4, capped at 2
        ("延后2个月", "5.00"),  # 2 × 1.5 = 3
        ("推迟6个月", "0.00"),  # 9 > 8 → 0
    ],
)
def test_plan_before_signed_steps(actual: str, expected: str) -> None:
    assert _points(PLAN, actual, weight=8) == Decimal(expected)


def test_plan_read_as_requirement() -> None:
    rule = scoring.parse(PLAN)
    req = rule.clauses[0]
    assert isinstance(req, Requirement) and str(req.deadline) == "2026-06-30"
    assert scoring.parse(render(rule)) == rule


@pytest.mark.parametrize(("actual", "needs"), [("2026年5月10日", "不能换算"), ("3", "说不出是哪一种")])
def test_plan_refusals(actual: str, needs: str) -> None:
    # a date would need a part month counted (not written); a bare 3 is early or late
    with pytest.raises(EvaluationError, match=needs):
        _points(PLAN, actual, weight=8)


# ------------------------------------------------------------- a year before a season word and its bracketed date

FLOOD = "2026年汛期前（6月15日前）竣工得满分，7月竣工得3分，8月及以后竣工不得分"  # weight 5


@pytest.mark.parametrize(
    ("actual", "expected"),
    [
        ("2026年6月15日", "5.00"),  # the deadline itself is on time
        ("2026年7月1日", "3.00"),
        ("2026年7月31日", "3.00"),
        ("2026年8月1日", "0.00"),
    ],
)
def test_year_before_season_word(actual: str, expected: str) -> None:
    assert _points(FLOOD, actual, weight=5) == Decimal(expected)


def test_year_before_season_word_read() -> None:
    rule = scoring.parse(FLOOD)
    first = rule.clauses[0]
    assert isinstance(first.condition, Label) and str(first.condition.deadline) == "2026-06-15"  # type: ignore[union-attr]
    assert scoring.parse(render(rule)) == rule


def test_yearless_date_refused_when_year_written() -> None:
    with pytest.raises(EvaluationError):
        _points(FLOOD, "7月10日", weight=5)


def test_season_gap_with_a_number_stays_unread() -> None:
    # 2026年第2批（6月15日前）: words with a number between the year and the bracket are no season word
    with pytest.raises(RuleSyntaxError, match="2"):
        scoring.parse("2026年第2批前（6月15日前）竣工得满分，7月竣工得3分")


# ------------------------------------------------------------- 未完工 / 未竣工 / 未建成 negate


@pytest.mark.parametrize("text", ["当年未完工不得分", "年内未竣工的不得分", "年底前未建成不得分"])
def test_not_done_words_negate(text: str) -> None:
    cond = scoring.parse(text).clauses[0].condition  # type: ignore[union-attr]
    assert isinstance(cond, Label) and cond.negated


def test_not_done_word_scores() -> None:
    # 按期竣工得满分，未竣工不得分: 否 on the first label is the second's case, 0; 是 → 4
    text = "按期竣工得满分，年内未竣工不得分"
    assert _points(text, "是", weight=4) == Decimal("4.00")
    assert _points(text, "否", weight=4) == Decimal("0.00")


@pytest.mark.parametrize(("actual", "expected"), [("2026年3月10日", "6.00"), ("2026年8月20日", "2.00"), ("2027年1月5日", "0.00")])
def test_not_done_word_closes_quarter_bands(actual: str, expected: str) -> None:
    # §128's quarters with a negated late band worded 未建成: by 6月30日 → 6, by 9月30日 → 2, not built in the year → 0
    text = "上半年建成得满分，三季度建成得2分，年内未建成不得分"
    assert _points(text, actual, weight=6, target="2026年12月31日前") == Decimal(expected)
