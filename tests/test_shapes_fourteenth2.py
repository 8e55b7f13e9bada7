"""Shapes found by the fourteenth blind probe's refusals (docs/semantics.md §159): the names of the items listed
before their count (包括甲、乙、丙3项，每完成1项得N分), a further per-event deduction written with 再/另 (每件再扣),
基本分 before 按 as the subject of a worded award, and 领先/持平/落后 as the words a level opens with. Variants in
other words than the probe's; every expectation is computed by hand from the rule text and the semantics
(arithmetic beside each case)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

import scoring


def _points(text: str, actual: Any, **row: Any) -> Decimal:
    return scoring.evaluate(text, actual, **row).points


def _compiled(text: str, actual: Any, **row: Any) -> Decimal:
    return scoring.compile(text, **row).score(actual).points


# ------------------------------------------------------------------ the names listed before their count

CLINIC = "活动内容包含义诊、讲座、入户随访3项，每完成1项得2分"
ROADS = "改造项目包括屋面、外墙、管网、道路、绿化5项，每完成1项得1分"


@pytest.mark.parametrize(
    ("text", "weight", "actual", "want"),
    [
        (CLINIC, 6, "2", "4"),  # 2 × 2
        (CLINIC, 6, "3", "6"),  # all three named: 3 × 2
        (CLINIC, 6, "0", "0"),
        (ROADS, 5, "3", "3"),  # 3 × 1
        (ROADS, 5, "5", "5"),
        (ROADS, 5, "1", "1"),
    ],
)
def test_listed_names_count_the_items(text: str, weight: int, actual: str, want: str) -> None:
    assert _points(text, actual, weight=weight, unit="项") == Decimal(want)
    assert _compiled(text, actual, weight=weight, unit="项") == Decimal(want)


@pytest.mark.parametrize(("text", "weight", "actual"), [(CLINIC, 6, "4"), (ROADS, 5, "6")])
def test_listed_names_refuse_a_count_above_them(text: str, weight: int, actual: str) -> None:
    with pytest.raises(scoring.EvaluationError):  # §150: more done than there are items cannot be true
        _points(text, actual, weight=weight, unit="项")


@pytest.mark.parametrize(
    "text",
    [
        "活动内容包含义诊、讲座3项，每完成1项得2分",  # two names, 3项
        "改造项目包括屋面、外墙、管网2项，每完成1项得1分",  # three names, 2项
    ],
)
def test_listed_names_that_disagree_with_the_count_are_refused(text: str) -> None:
    with pytest.raises(scoring.RuleSyntaxError) as e:
        scoring.parse(text)
    assert e.value.code == "items-count"


def test_listed_names_joined_by_he_are_not_read() -> None:
    # 和 joins the last name: how many names there are is not read off 、 alone, so the count stays unread
    with pytest.raises(scoring.RuleSyntaxError) as e:
        scoring.parse("活动内容包含义诊、讲座和入户随访3项，每完成1项得2分")
    assert e.value.code == "unread-number"


# ------------------------------------------------------------------ 每件再扣: a further per-event deduction

COMPLAINTS = "群众投诉每件扣0.5分，投诉未办结的每件再扣0.5分"
BREACHES = "每发现一起违规扣1分，未整改的每起另扣0.5分"


@pytest.mark.parametrize(
    ("text", "weight", "actual", "want"),
    [
        (COMPLAINTS, 3, {1: "2", 2: "1"}, "1.5"),  # 3 − 2 × 0.5 − 1 × 0.5
        (COMPLAINTS, 3, {1: "2", 2: "0"}, "2"),  # 3 − 1
        (COMPLAINTS, 3, {1: "4", 2: "4"}, "0"),  # 3 − 2 − 2 < 0: floored
        (COMPLAINTS, 3, {1: "0", 2: "0"}, "3"),
        (BREACHES, 5, {1: "2", 2: "1"}, "2.5"),  # 5 − 2 × 1 − 1 × 0.5
        (BREACHES, 5, {1: "3", 2: "3"}, "0.5"),  # 5 − 3 − 1.5
    ],
)
def test_further_deduction_per_event(text: str, weight: int, actual: dict[int, str], want: str) -> None:
    assert _points(text, actual, weight=weight) == Decimal(want)


@pytest.mark.parametrize(
    ("text", "weight", "actual"),
    [(COMPLAINTS, 3, {1: "1", 2: "2"}), (BREACHES, 5, {1: "0", 2: "1"})],
)
def test_further_deduction_counts_no_more_than_the_events_before(text: str, weight: int, actual: dict[int, str]) -> None:
    # 再/另: deducted again for some of the events counted before; more of them than of those cannot be true
    with pytest.raises(scoring.EvaluationError):
        _points(text, actual, weight=weight)


# ------------------------------------------------------------------ 基本分按…计N分: the base as a worded award

SHOWCASE = "基础分按工作开展情况计6分，未开展不得分；获得市级表彰的加1分"
PILOT = "获评优秀案例的加2分；基本分按方案落实情况计8分，未落实不得分"


@pytest.mark.parametrize(
    ("text", "weight", "actual", "want"),
    [
        (SHOWCASE, 6, {1: "是", 2: "否"}, "6"),  # the base only
        (SHOWCASE, 6, {1: "是", 2: "是"}, "7"),  # 6 + 1, a stated bonus above the weight (§16)
        (SHOWCASE, 6, {1: "否", 2: "否"}, "0"),  # 未开展不得分
        (PILOT, 8, {1: "是", 2: "是"}, "10"),  # 2 + 8
        (PILOT, 8, {1: "否", 2: "是"}, "8"),
        (PILOT, 8, {1: "否", 2: "否"}, "0"),  # 未落实不得分
    ],
)
def test_base_before_an_basis_is_a_worded_award(text: str, weight: int, actual: dict[int, str], want: str) -> None:
    assert _points(text, actual, weight=weight) == Decimal(want)


def test_base_before_a_number_is_still_the_starting_score() -> None:
    # §126: 基础分8分 is no question; the one bonus is the rule's one input: 8 + 2
    assert _points("基础分8分；获得国家级表彰的加2分", {1: "是"}, weight=10) == Decimal("10")


# ------------------------------------------------------------------ 领先 / 持平 / 落后 after the subject

PEERS = "与同类县区比较，服务效率领先的得4分，持平的得2分，落后的不得分"
BENCH = "年度考核中工作成效领先的计5分，持平的计3分，落后的计0分"


@pytest.mark.parametrize(
    ("text", "weight", "actual", "want"),
    [
        (PEERS, 4, "领先", "4"),  # names 服务效率领先 after its subject
        (PEERS, 4, "持平", "2"),
        (PEERS, 4, "落后", "0"),
        (BENCH, 5, "领先", "5"),  # 年度考核中工作成效 + 领先
        (BENCH, 5, "持平", "3"),
        (BENCH, 5, "落后", "0"),
    ],
)
def test_level_word_names_the_label(text: str, weight: int, actual: str, want: str) -> None:
    assert _points(text, actual, weight=weight) == Decimal(want)


@pytest.mark.parametrize("actual", ["先进", "领"])
def test_other_words_name_no_level(actual: str) -> None:
    # 先进 is no label's ending; 领 is a part of a grade word, no grade
    with pytest.raises(scoring.EvaluationError):
        _points(PEERS, actual, weight=4)


def test_grade_word_after_an_end_of_the_subject_names_the_label() -> None:
    # §160 supersedes §159 here: 领先 is a grade word of the lexicon, so 效率 (an end of the subject 服务效率) + 领先
    # names 服务效率领先 as §85's 知晓度高 names 政策知晓度高: 4 points
    assert _points(PEERS, "效率领先", weight=4) == Decimal("4")
