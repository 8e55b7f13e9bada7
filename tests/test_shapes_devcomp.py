"""A schedule of targets per month before 完成…计满分 / 按比例计分 (semantics §132). Expectations by hand."""

from __future__ import annotations

from decimal import Decimal

import pytest

from scoring import RuleSyntaxError, parse, render
from scoring.api import evaluate
from scoring.errors import EvaluationError
from scoring.rules.nodes import Quantity, Schedule

TEXT = "6月、9月、12月应完成计划进度为40%、70%、100%,完成该月任务计满分,未完成的按比例计分。"


def test_schedule_read_in_order() -> None:
    r = parse(TEXT)
    s = r.clauses[0]
    assert isinstance(s, Schedule)
    assert s.periods == tuple(Quantity(Decimal(m), "月") for m in (6, 9, 12))
    assert s.targets == tuple(Quantity(Decimal(t), "%") for t in (40, 70, 100))
    assert parse(render(r)) == r
    assert parse(TEXT.replace("70%", "75%")) != r


@pytest.mark.parametrize(
    ("actual", "target", "points"),
    [
        ("35%", "70%", "50.00"),  # 9月 target 70%: 35/70 × 100 = 50
        ("40%", "40%", "100.00"),  # 6月 target met
        ("45%", "40%", "100.00"),  # above the target: no bonus
        ("90%", "100%", "90.00"),  # 12月: 90/100 × 100
    ],
)
def test_schedule_scores_the_months_target(actual: str, target: str, points: str) -> None:
    s = evaluate(parse(TEXT), actual, target=target, weight=100, comparator="≥", unit="%")
    assert s.points == Decimal(points)


@pytest.mark.parametrize("target", ["50%", None])
def test_target_not_a_scheduled_one_is_refused(target: str | None) -> None:
    with pytest.raises(EvaluationError):
        evaluate(parse(TEXT), "40%", target=target, weight=100, comparator="≥", unit="%")


@pytest.mark.parametrize(
    "text",
    [
        "6月、9月应完成计划进度为40%、70%、100%,完成该月任务计满分,未完成的按比例计分。",  # 2 months, 3 targets
        "9月、6月应完成计划进度为40%、70%,完成该月任务计满分,未完成的按比例计分。",  # months out of order
    ],
)
def test_unpaired_schedules_stay_refused(text: str) -> None:
    with pytest.raises(RuleSyntaxError):
        parse(text)


@pytest.mark.parametrize(
    "text",
    [
        "满意度低于60%,或发生安全事故的,不得分。",  # the accident was folded into the subject and never asked
        "项目完成率不足50%或验收不合格的不得分，否则得满分。",
    ],
)
def test_words_after_a_band_joined_by_or_are_refused(text: str) -> None:
    with pytest.raises(RuleSyntaxError) as e:
        parse(text)
    assert e.value.code == "or-unclear"


def test_or_between_two_ranges_still_reads() -> None:
    r = parse("完成率低于60%或高于120%不得分，否则得满分")
    assert evaluate(r, "130%", weight=4, unit="%").points == Decimal("0.00")
    assert evaluate(r, "100%", weight=4, unit="%").points == Decimal("4.00")
