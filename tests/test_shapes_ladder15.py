"""Labels that share their subject and differ only by a level word are a ladder of levels of one thing, not a
checklist (docs/semantics.md §160, domain point 17): `指标水平领先的得3分，指标水平落后的得1分` asks one answer, the
level; 领先 / 持平 / 落后 are grade words of the lexicon. Real checklists (different subjects, or one grade word
twice) are unchanged. Variants in other words than the issue's; every expectation is computed by hand from the rule
text and the semantics (arithmetic beside each case)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

import scoring


def _points(text: str, actual: Any, **row: Any) -> Decimal:
    return scoring.evaluate(text, actual, **row).points


def _compiled(text: str, actual: Any, **row: Any) -> Decimal:
    return scoring.compile(text, **row).score(actual).points


ISSUE = "指标水平领先的得3分，指标水平落后的得1分"
SERVICE = "与去年相比，服务水平领先的得4分，服务水平持平的得2分，服务水平落后的不得分"
QUALITY = "工作质量良好的得4分，工作质量较差的得1分"
AWARE = "群众知晓率高的得5分，群众知晓率较低的得2分"
SCHEDULE = "按计划进度完成得3分，进度落后得1分"


@pytest.mark.parametrize(
    ("text", "weight", "actual", "want"),
    [
        (ISSUE, 3, "领先", "3"),  # the level 领先: its 3 points, not 3 + 1 capped
        (ISSUE, 3, "落后", "1"),
        (ISSUE, 3, "指标水平落后", "1"),  # the label's words
        (SERVICE, 4, "领先", "4"),
        (SERVICE, 4, "持平", "2"),
        (SERVICE, 4, "落后", "0"),  # 不得分
        (SERVICE, 4, "服务水平持平", "2"),
        (QUALITY, 4, "良好", "4"),
        (QUALITY, 4, "较差", "1"),
        (AWARE, 5, "高", "5"),
        (AWARE, 5, "较低", "2"),
        (SCHEDULE, 3, "落后", "1"),  # 按计划进度 + 完成 / 进度 + 落后: the subject shortened after the first (§85)
        (SCHEDULE, 3, "完成", "3"),
    ],
)
def test_levels_of_one_subject_are_one_answer(text: str, weight: int, actual: str, want: str) -> None:
    assert _points(text, actual, weight=weight) == Decimal(want)
    assert _compiled(text, actual, weight=weight) == Decimal(want)


@pytest.mark.parametrize(
    ("text", "weight", "actual"),
    [
        (ISSUE, 3, {1: "是", 2: "是"}),  # two levels at once: was read as two things, 3 + 1 capped at 3
        (ISSUE, 3, {1: "是", 2: "否"}),  # a ladder takes one answer, not one per item
        (SERVICE, 4, {1: "否", 2: "是", 3: "否"}),
        (QUALITY, 4, {1: "是", 2: "是"}),
        (SCHEDULE, 3, {1: "是", 2: "是"}),  # was 3 + 1 capped at 3
        (ISSUE, 3, "持平"),  # a level the rule does not list: no band written for it (§85, §108: refused with the grades)
        (ISSUE, 3, "否"),  # no level reached, and no points written for that
        (ISSUE, 3, "先进"),  # no level word of this rule
    ],
)
def test_two_levels_or_an_unlisted_one_are_refused(text: str, weight: int, actual: Any) -> None:
    with pytest.raises(scoring.EvaluationError):
        _points(text, actual, weight=weight)


@pytest.mark.parametrize(
    ("text", "weight", "actual", "want"),
    [
        ("建立制度得1分，配备人员得1分", 2, {1: "是", 2: "是"}, "2"),  # two things: 1 + 1
        ("建立制度得1分，配备人员得1分", 2, {1: "是", 2: "否"}, "1"),
        ("服务态度好得2分，服务质量好得3分", 5, {1: "是", 2: "是"}, "5"),  # one grade word twice: two things, 2 + 3
        ("服务态度好得2分，服务质量好得3分", 5, {1: "否", 2: "是"}, "3"),
        ("制度建设领先得2分，档案管理落后得1分", 3, {1: "是", 2: "是"}, "3"),  # two subjects: 2 + 1
        ("制度建设领先得2分，档案管理落后得1分", 3, {1: "否", 2: "是"}, "1"),
    ],
)
def test_real_checklists_stay_checklists(text: str, weight: int, actual: dict[int, str], want: str) -> None:
    assert _points(text, actual, weight=weight) == Decimal(want)


def test_a_checklist_still_refuses_one_answer() -> None:
    with pytest.raises(scoring.EvaluationError, match="各自计分"):
        _points("制度建设领先得2分，档案管理落后得1分", "领先", weight=3)
