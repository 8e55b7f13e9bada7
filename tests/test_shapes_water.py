"""A heading of bonuses and deductions (加扣分： / 加减分： / 扣分项： / 加分项：, semantics §144), from the water-quality
rules of dev-108: the heading carries no points, a note reads it, and the clauses after it keep their own inputs.
Expectations are computed by hand from the rule text."""

from __future__ import annotations

from decimal import Decimal

import pytest

import scoring
from scoring.errors import EvaluationError, RuleSyntaxError
from scoring.rules.nodes import Deduction, Note
from scoring.rules.render import render


def _points(text: str, answer: object, weight: str) -> Decimal:
    return scoring.evaluate(text, answer, weight=weight).points  # type: ignore[arg-type]


HEADED = "得40分。加扣分：每实现1个断面升类加2分，每发生1次污染事件扣3分。"


def test_heading_is_a_note_not_a_deduction() -> None:
    rule = scoring.parse(HEADED)
    notes = [c for c in rule.clauses if isinstance(c, Note)]
    assert [n.text for n in notes] == ["加扣分"]
    steps = [c for c in rule.clauses if isinstance(c, Deduction)]
    # the heading is no part of the first bonus's name, and no deduction of its own
    assert [(d.bonus, d.points) for d in steps] == [(True, Decimal(2)), (False, Decimal(3))]
    assert not any(d.event and d.event.startswith("加扣分") for d in steps)


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ({1: "2", 2: "1"}, "41"),  # 40 + 2×2 − 1×3 = 41 (a stated bonus is not capped at the weight, domain 18)
        ({1: "0", 2: "0"}, "40"),  # nothing happened: the base
        ({1: "0", 2: "3"}, "31"),  # 40 − 3×3 = 31
    ],
)
def test_headed_bonus_and_deduction(answer: object, expected: str) -> None:
    assert _points(HEADED, answer, "40") == Decimal(expected)


def test_one_answer_is_not_copied_to_both_counts() -> None:
    with pytest.raises(EvaluationError):
        _points(HEADED, "1", "40")


def test_answer_missing_one_count_is_refused() -> None:
    with pytest.raises(EvaluationError):
        _points(HEADED, {1: "2"}, "40")


@pytest.mark.parametrize(
    ("text", "answer", "weight", "expected"),
    [
        # 扣分项： before one deduction: 10 − 3×1 = 7; 12 findings exhaust the 10 (扣完为止)
        ("得10分。扣分项：每发现1处问题扣1分，扣完为止", "3", "10", "7"),
        ("得10分。扣分项：每发现1处问题扣1分，扣完为止", "12", "10", "0"),
        # 加减分： before a bonus and a deduction: 20 + 1×1 − 2×2 = 17
        ("得20分。加减分：每获得1项市级荣誉加1分；每被通报1次扣2分", {1: "1", 2: "2"}, "20", "17"),
        # 加分项： before a bonus alone, with an ASCII colon: 5 + 2×0.5 = 6
        ("得5分。加分项:每新增1个示范点加0.5分", "2", "5", "6"),
    ],
)
def test_heading_variants(text: str, answer: object, weight: str, expected: str) -> None:
    rule = scoring.parse(text)
    assert isinstance(rule.clauses[1], Note)
    assert _points(text, answer, weight) == Decimal(expected)


@pytest.mark.parametrize("text", ["得10分。加扣分：", "得10分。加扣分：按时报送"])
def test_heading_without_bonus_or_deduction_is_refused(text: str) -> None:
    with pytest.raises(RuleSyntaxError) as e:
        scoring.parse(text)
    assert e.value.code in ("heading-without-clauses", "no-scoring-logic")


@pytest.mark.parametrize(
    "text",
    [HEADED, "得10分。扣分项：每发现1处问题扣1分，扣完为止", "得20分。加减分：每获得1项市级荣誉加1分；每被通报1次扣2分"],
)
def test_heading_round_trips(text: str) -> None:
    rule = scoring.parse(text)
    assert scoring.parse(render(rule)) == rule


@pytest.mark.parametrize(("answer", "expected"), [({1: "3", 2: "0"}, "16"), ({1: "8", 2: "0"}, "20")])
def test_the_cap_words_of_加扣分_are_still_a_cap(answer: object, expected: str) -> None:
    # 加扣分均不突破基本分 is the bonus cap at the base (lexicon BONUS_CAP_BASE, semantics §… "within [0, 2 × base]"),
    # not a heading: 10 + 3×2 = 16; 10 + 8×2 = 26, the bonuses held to the base 10 → 20
    text = "得10分。每获1次表彰加2分，每发生1次事故扣1分，加扣分均不突破基本分"
    assert _points(text, answer, "10") == Decimal(expected)


# ---------------------------------------------------------------- 达到 inside the words of what each step counts
# 每1个国控断面未达到III类及以上水质扣5分 (dev-108): a bare 达到 after the step, with words before and after it, names
# the things counted (sections reaching a class); it is no side of the value, so each is an event, never a distance
# from an unstated target in 个.


@pytest.mark.parametrize(
    ("text", "answer", "expected"),
    [
        ("得10分。每新建1个监测站并达到国家标准的加1分", "3", "13"),  # 10 + 3×1 = 13
        ("得10分。每新建1个监测站并达到国家标准的加1分", "0", "10"),
        ("得10分。每1个站点未达到二级及以上标准扣2分", "3", "4"),  # 10 − 3×2 = 4
        ("得10分。每1个站点未达到二级及以上标准扣2分", "6", "0"),  # 10 − 12 → 0 (最低0分 where 扣完为止 is unwritten)
    ],
)
def test_reached_level_names_the_counted_things(text: str, answer: str, expected: str) -> None:
    steps = [c for c in scoring.parse(text).clauses if isinstance(c, Deduction)]
    assert [(d.kind.name, d.direction) for d in steps] == [("EVENTS", None)]
    assert _points(text, answer, "10") == Decimal(expected)


# ---------------------------------------------------------------- a qualifier in the clause before the step
# 国控断面水质较去年下降1个类别及以上的，每个断面扣2分 (dev-108): the clause before names which things the steps count,
# in a unit of its own (个类别): a qualifier of the events (as §98's after the step); the answer is their count.


@pytest.mark.parametrize(
    ("text", "answer", "expected"),
    [
        ("得10分。空气质量较上年下降1个类别以上的，每个点位扣0.5分", "3", "8.5"),  # 10 − 3×0.5 = 8.5
        ("得10分。某指标较上年下降1个类别及以上的，每个站点扣1分", "4", "6"),  # 10 − 4×1 = 6
        ("得10分。某指标较上年下降1个类别及以上的，每个站点扣1分", "0", "10"),
    ],
)
def test_qualifier_before_the_step(text: str, answer: str, expected: str) -> None:
    steps = [c for c in scoring.parse(text).clauses if isinstance(c, Deduction)]
    assert len(steps) == 1 and steps[0].kind.name == "EVENTS"
    (q,) = steps[0].qualifiers
    assert q.low is not None
    assert q.low.value.value == Decimal(1) and q.low.value.unit == "个类别"
    assert _points(text, answer, "10") == Decimal(expected)


def test_a_time_before_the_step_is_no_qualifier() -> None:
    # 超过3个月的，每月扣1分 stays the steps past the line of 3 months (§94), no qualifier: 5 months → 2 steps
    rule = scoring.parse("得10分。超过3个月的，每月扣1分")
    steps = [c for c in rule.clauses if isinstance(c, Deduction)]
    assert all(not d.qualifiers for d in steps)


# ---------------------------------------------------------------- dev-108 as written

DEV108 = (
    "III类及以上水质比例达到年度任务书要求的,得40分;III类及以上水质比例未达到年度任务书要求的,每1个国控断面未达到III类及以上水质扣5分。\n"
    "加扣分:设置国控断面提升加分项,以2020年度断面水质为基准,2022年度每实现1个国控断面升类并达到III类及以上的,加2分。"
    "国控断面单月水质反弹为劣V类的,每月次扣3分。国控断面水质较去年下降1个类别及以上的,每个断面扣2分。"
)


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ({1: "0", 2: "0", 3: "0", 4: "0"}, "40"),
        ({1: "1", 2: "0", 3: "1", 4: "0"}, "32"),  # 40 − 5 − 3
        ({1: "0", 2: "2", 3: "0", 4: "0"}, "44"),  # 40 + 2×2 (a stated bonus, uncapped)
        ({1: "2", 2: "1", 3: "0", 4: "1"}, "30"),  # 40 − 10 + 2 − 2
    ],
)
def test_dev108(answer: object, expected: str) -> None:
    assert scoring.evaluate(DEV108, answer, weight="40", unit="个").points == Decimal(expected)


def test_dev108_needs_every_count() -> None:
    with pytest.raises(EvaluationError):
        scoring.evaluate(DEV108, "1", weight="40", unit="个")
    with pytest.raises(EvaluationError):
        scoring.evaluate(DEV108, {1: "0", 2: "0", 3: "0"}, weight="40", unit="个")
    assert scoring.parse(render(scoring.parse(DEV108))) == scoring.parse(DEV108)


# ---------------------------------------------------------------- 按…×N计分 with a Roman numeral class in the name
# 按国控断面Ⅲ类以上水质比例×50计分 (dev-109): §63's formula between 按 and 计分, its name holding a water class in Roman
# numerals (and 以上, words of the name): the score is the name's value times the numbers.


@pytest.mark.parametrize(
    ("text", "answer", "weight", "expected"),
    [
        ("按国控断面Ⅲ类以上水质比例×50计分", "90%", "50", "45"),  # 0.9 × 50 = 45
        ("按国控断面Ⅲ类以上水质比例×50计分", "80%", "50", "40"),  # 0.8 × 50 = 40
        ("按辖区Ⅱ类水体比例×50×0.8计分", "75%", "50", "30"),  # 0.75 × 50 × 0.8 = 30
        ("按城市Ⅳ类以下水体比例×10计分", "20%", "10", "2"),  # 0.2 × 10 = 2
    ],
)
def test_formula_with_a_roman_class_in_its_name(text: str, answer: str, weight: str, expected: str) -> None:
    rule = scoring.parse(text)
    assert scoring.parse(render(rule)) == rule
    assert scoring.evaluate(text, answer, weight=weight, unit="%").points == Decimal(expected)


def test_formula_without_its_value_is_refused() -> None:
    with pytest.raises(EvaluationError):
        scoring.evaluate("按国控断面Ⅲ类以上水质比例×50计分", "", weight="50", unit="%")


def test_roman_numeral_outside_a_formula_stays_words() -> None:
    # §79: 水质达到Ⅲ类的得5分 is a worded award (是 → 5), the numeral part of its words
    assert scoring.evaluate("水质达到Ⅲ类的得5分", "是", weight="5").points == Decimal(5)
