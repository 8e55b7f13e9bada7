"""Wrong scores found by the fourteenth blind probe and in the review of its round (semantics §157). Expectations
computed by hand from the rule texts."""

from __future__ import annotations

from decimal import Decimal

import pytest

import scoring

G06 = "按合同工期完成得满分，每超期1周扣1分"


@pytest.mark.parametrize(
    ("actual", "want"),
    [
        ("175", "4"),  # on time: 175 ≤ 180 days (it scored 0, read as 175 weeks late)
        ("180", "4"),
        ("187", "3"),  # 7 days over = 1 week: 4 − 1
        ("190.5", "2.5"),  # 10.5 days = 1.5 weeks, pro rata (domain point 2)
        ("194", "2"),  # 14 days = 2 weeks
        ("215", "0"),  # 35 days = 5 weeks: 4 − 5, floored at 0
    ],
)
def test_weeks_late_on_a_row_of_days(actual: str, want: str) -> None:
    score = scoring.evaluate(G06, actual, target="≤180天", weight=4, unit="天", comparator="≤")
    assert score.points == Decimal(want)
    compiled = scoring.compile(G06, target="≤180天", weight=4, unit="天", comparator="≤")
    assert compiled.points(actual) == Decimal(want)


@pytest.mark.parametrize(
    ("actual", "want"),
    [
        ("90", "5"),
        ("150", "4"),  # 60 minutes over = 1 hour: 5 − 1
        ("120", "4.5"),  # 30 minutes = half an hour, pro rata
        ("390", "0"),  # 5 hours over
    ],
)
def test_hours_late_on_a_row_of_minutes(actual: str, want: str) -> None:
    # it was refused: a step larger than the distance's unit was not converted
    rule = "应急响应时间不超过90分钟得满分，每超过1小时扣1分"
    score = scoring.evaluate(rule, actual, target="≤90分钟", weight=5, unit="分钟", comparator="≤")
    assert score.points == Decimal(want)


def test_days_late_on_a_row_of_weeks() -> None:
    # a row in weeks, steps of days: 1 week over = 7 days = 7 × 0.2 = 1.4
    rule = "建设周期不超过10周得满分，每超期1天扣0.2分"
    assert scoring.evaluate(rule, "11", target="≤10周", weight=5, unit="周", comparator="≤").points == Decimal("3.6")


def test_working_days_are_no_fixed_part_of_a_week() -> None:
    # 5 working days a week is a convention, not a unit: weeks of working days stay the count answered
    rule = "按期完成得满分，每超期1周扣1分"
    with pytest.raises(scoring.ScoringError):
        scoring.compile(rule, target="≤20个工作日", weight=4, unit="个工作日", comparator="≤").points("27")


LADDER = "项目验收一次性合格得满分，返工后合格得50%，不合格不得分"


@pytest.mark.parametrize(("actual", "want"), [("一次性合格", "10"), ("返工后合格", "5"), ("不合格", "0")])
def test_each_level_by_its_words(actual: str, want: str) -> None:
    assert scoring.evaluate(LADDER, actual, weight=10).points == Decimal(want)


def test_a_word_that_ends_two_levels_is_refused() -> None:
    # 合格 is the end of 一次性合格 and of 返工后合格: as 是 it scored the first, 10
    with pytest.raises(scoring.ScoringError, match="一次性合格、返工后合格"):
        scoring.evaluate(LADDER, "合格", weight=10)


POINT = "专职网格员控制在4人得满分，每偏离1人扣1分"


@pytest.mark.parametrize(
    ("target", "actual", "want"),
    [
        # 偏离 counts from the number itself; which side counts is the row's type (the reading's note): weight 3
        ("≤4人", "6", "1"),  # 2 over a ceiling: 3 − 2 (it scored 3, 6 read as inside ≥4)
        ("≤4人", "2", "3"),  # under a ceiling: no deviation counted
        ("=4人", "6", "1"),  # both sides count on an exact target
        ("=4人", "2", "1"),
        ("=4人", "4", "3"),
        ("≥4人", "6", "3"),  # above a floor: none counted
        ("≥4人", "2", "1"),
    ],
)
def test_a_bare_number_beside_deviation_steps_is_the_point(target: str, actual: str, want: str) -> None:
    assert scoring.evaluate(POINT, actual, target=target, weight=3, unit="人").points == Decimal(want)


def test_the_point_is_shown_and_reads_back() -> None:
    from scoring.rules.render import render

    rule = scoring.parse(POINT)
    assert scoring.parse(render(rule)) == rule
    cond = rule.clauses[0].condition  # type: ignore[union-attr]
    assert cond.low.value == cond.high.value  # type: ignore[union-attr]
