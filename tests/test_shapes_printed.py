"""Text as printed and small phrasings the blind probes found refused (docs/semantics.md §79): a space inside
a number, the letter O for 0, Roman numerals in names, 高于或等于, 斤, a range's 万/亿, a bare number opening a
name, a unit declared in a heading, a range on a 分 scale written with two signs, an as-of date, a rate
required in full before per-failure deductions. Expected scores are computed by hand from the rule text and
docs/semantics.md; the texts are variants of the probes', not their own."""

from __future__ import annotations

from decimal import Decimal

import pytest
from test_shapes_marks import _score
from test_shapes_probe4 import _refused, _round_trip
from test_span_accounting import _unread_numbers

import scoring
from scoring.rules import nodes

# ------------------------------------------------------------------ a space inside a number, O for 0

SPACED = "合格率≥9 0%得满分，每低1个百分点扣2分"


@pytest.mark.parametrize(
    ("actual", "points"),
    [
        ("90%", "10"),  # ≥90% (9 0% read as 90%)
        ("87%", "4"),  # 3 points below 90: 10 − 3 × 2
        ("85.5%", "1"),  # 4.5 below: 10 − 9
        ("80%", "0"),  # 10 below: 20 deducted, floor 0
    ],
)
def test_space_inside_a_number(actual: str, points: str) -> None:
    assert _score(SPACED, actual, target="≥90%", unit="%", weight=10) == Decimal(points)


def test_space_inside_a_number_is_shown_as_a_warning() -> None:
    rule = scoring.parse(SPACED)
    assert rule == scoring.parse("合格率≥90%得满分，每低1个百分点扣2分")
    assert [(c.kind, c.start, c.before) for c in rule.normalized] == [("space-in-number", 5, " ")]
    assert "数字中间有空格，已按一个数读作（请核对）：率≥9 0%得 → 率≥90%得" in scoring.bind(rule, target="≥90%").describe()


@pytest.mark.parametrize(
    ("text", "piece"),
    [
        ("合格率达到9 0%得满分", "0"),  # 达到 takes a range (9-0%?): not joined, 0% unread
        ("合格率9 0%得满分", "9"),  # no comparison before: two numbers may be meant
    ],
)
def test_space_between_numbers_refused(text: str, piece: str) -> None:
    code, under = _refused(text)
    assert code == "unread-number" and under == piece


def test_letter_o_for_zero() -> None:
    text = "满意度≥85%得满分，每低1个百分点扣O.4分"
    # 82%: 3 points below 85, 3 × 0.4 = 1.2 off 4
    assert _score(text, "82%", target="≥85%", unit="%", weight=4) == Decimal("2.8")
    assert [c.kind for c in scoring.parse(text).normalized] == ["ocr-zero"]


# ------------------------------------------------------------------ Roman numerals are words

ROMAN = "Ⅲ类及以上水质断面比例≥80%得6分，每低1个百分点扣0.5分；出现劣Ⅴ类水体的，本项不得分"


@pytest.mark.parametrize(
    ("actual", "points"),
    [
        ({"实际值": "78%", 1: 0}, "5"),  # 2 points below 80: 6 − 1; no 劣Ⅴ类 water
        ({"实际值": "90%", 1: 1}, "0"),  # 劣Ⅴ类 water found: the veto
    ],
)
def test_roman_numerals_name_a_class(actual: object, points: str) -> None:
    assert _score(ROMAN, actual, target="≥80%", unit="%", weight=6) == Decimal(points)


def test_roman_numerals_are_never_numbers() -> None:
    rule = scoring.parse(ROMAN)
    assert isinstance(rule, nodes.Rule)
    award = rule.awards[0]
    assert isinstance(award.condition, nodes.Range) and "Ⅲ类" in award.condition.subject
    assert award.condition.low is not None and award.condition.low.value == nodes.Quantity(Decimal(80), "%")
    _round_trip(ROMAN)


# ------------------------------------------------------------------ 高于或等于 / 低于或等于

EITHER = "完成率高于或等于90%的得5分，低于90%高于或等于80%的得3分，低于80%的不得分"


@pytest.mark.parametrize(("actual", "points"), [("90%", "5"), ("85%", "3"), ("80%", "3"), ("79.9%", "0")])
def test_higher_or_equal(actual: str, points: str) -> None:
    assert _score(EITHER, actual, target="≥90%", unit="%", weight=5) == Decimal(points)


@pytest.mark.parametrize(("actual", "points"), [("1%", "2"), ("0.5%", "2"), ("1.5%", "0")])
def test_lower_or_equal(actual: str, points: str) -> None:
    text = "投诉率低于或等于1%得满分，高于1%不得分"
    assert _score(text, actual, target="≤1%", unit="%", weight=2) == Decimal(points)


# ------------------------------------------------------------------ 斤, and the 万/亿 of a range written once

JIN = "油料产量2.0亿斤以上得满分，1.8-2.0亿斤得3分，1.8亿斤以下不得分"


@pytest.mark.parametrize(
    ("actual", "points"),
    [
        ("2.1", "5"),
        ("1.9", "3"),  # inside 1.8亿-2.0亿斤
        ("1.8", "3"),  # the range, listed before 1.8亿斤以下, holds its end (domain point 1)
        ("1.7", "0"),
    ],
)
def test_a_unit_of_weight_with_a_multiplier(actual: str, points: str) -> None:
    assert _score(JIN, actual, target="≥2.0亿斤", unit="亿斤", weight=5) == Decimal(points)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("资金3-5万元得3分", 30000, 50000),  # 3万 to 5万: the 万 written once
        ("资金500-1万元得3分", 500, 10000),  # the bare number is larger than 1: 500元, not 500万
    ],
)
def test_range_multiplier(text: str, low: int, high: int) -> None:
    rule = scoring.parse(text)
    assert isinstance(rule, nodes.Rule)
    cond = rule.awards[0].condition
    assert isinstance(cond, nodes.Range) and cond.low is not None and cond.high is not None
    assert (cond.low.value, cond.high.value) == (nodes.Quantity(Decimal(low), "元"), nodes.Quantity(Decimal(high), "元"))


# ------------------------------------------------------------------ a bare number opening a name (§57)

HOTLINE = "110报警服务台接警及时率≥95%得4分，90%≤及时率<95%得2分，及时率<90%不得分"


@pytest.mark.parametrize(("actual", "points"), [("96%", "4"), ("92%", "2"), ("89%", "0")])
def test_number_opening_a_name(actual: str, points: str) -> None:
    assert _score(HOTLINE, actual, target="≥95%", unit="%", weight=4) == Decimal(points)


def test_number_after_de_opening_a_name() -> None:
    text = "咨询的12345热线回复率≥90%得满分，每降1%扣1分"
    # 88%: 2 points below 90, 1 each: 3 − 2
    assert _score(text, "88%", target="≥90%", unit="%", weight=3) == Decimal(1)
    rule = scoring.parse(text)
    assert isinstance(rule, nodes.Rule)
    cond = rule.awards[0].condition
    assert isinstance(cond, nodes.Range) and cond.named == (nodes.Quantity(Decimal(12345)),)


@pytest.mark.parametrize(
    ("text", "piece"),
    [
        ("投入资金100完成率达到90%以上得满分", "100"),  # after words: an amount that lost its unit?
        ("110接处警到达数≥98次得5分", "110"),  # the comparison is not of a rate
    ],
)
def test_number_in_a_name_refused(text: str, piece: str) -> None:
    assert _refused(text) == ("unread-number", piece)


# ------------------------------------------------------------------ a unit declared in the heading

HEADED = "及时率（%）：≥95，满分；85-95，2分；<85，0分。"


@pytest.mark.parametrize(
    ("actual", "points"),
    [
        ("96%", "4"),
        ("95%", "4"),  # ≥95 listed before 85-95: the first listed wins
        ("90%", "2"),
        ("85%", "2"),
        ("84%", "0"),
    ],
)
def test_unit_declared_in_the_heading(actual: str, points: str) -> None:
    assert _score(HEADED, actual, target="≥95%", unit="%", weight=4) == Decimal(points)


def test_heading_unit_reads_as_percent() -> None:
    assert scoring.parse(HEADED).clauses[1:] == scoring.parse("及时率：≥95%，满分；85%-95%，2分；<85%，0分。").clauses[1:]
    _round_trip(HEADED)
    assert _unread_numbers(HEADED) == []


# ------------------------------------------------------------------ a range on a 分 scale with two signs

MARKED = "测评得分≥85分得4分，70分≤测评得分<85分得2分，测评得分<70分不得分"


@pytest.mark.parametrize(("actual", "points"), [("90", "4"), ("85", "4"), ("84.9", "2"), ("70", "2"), ("69", "0")])
def test_points_scale_between_two_signs(actual: str, points: str) -> None:
    assert _score(MARKED, actual, target="85", unit="分", weight=4) == Decimal(points)


# ------------------------------------------------------------------ an as-of date

AS_OF = "截止2024年11月底，项目完成率100%得满分，90%以上得6分，90%以下不得分"


@pytest.mark.parametrize(("actual", "points"), [("100%", "8"), ("95%", "6"), ("90%", "6"), ("85%", "0")])
def test_as_of_date_scores_nothing(actual: str, points: str) -> None:
    assert _score(AS_OF, actual, target="100%", unit="%", weight=8) == Decimal(points)


def test_as_of_date_is_a_note() -> None:
    rule = scoring.parse(AS_OF)
    assert isinstance(rule, nodes.Rule)
    assert rule.clauses[0] == nodes.Note("截止2024年11月底")
    _round_trip(AS_OF)


@pytest.mark.parametrize(
    ("text", "piece"),
    [
        ("截至13月底，项目完成率100%得满分", "13"),  # no 13th month
        ("截至12月底完成率100%得满分", "12"),  # not a clause of its own
    ],
)
def test_as_of_refused(text: str, piece: str) -> None:
    assert _refused(text) == ("unread-number", piece)


# ------------------------------------------------------------------ a rate required in full, failures counted

FULL = "案件按期办结率100%，未按期办结的每件扣1分"


@pytest.mark.parametrize(("actual", "points"), [("0", "3"), ("2", "1"), ("2件", "1"), ("5件", "0")])
def test_rate_required_in_full(actual: str, points: str) -> None:
    assert _score(FULL, actual, target="100%", unit="%", weight=3) == Decimal(points)


def test_rate_required_in_full_takes_no_rate() -> None:
    with pytest.raises(scoring.ScoringError):
        _score(FULL, "98%", target="100%", unit="%", weight=3)
    rule = scoring.parse(FULL)
    assert isinstance(rule, nodes.Rule) and isinstance(rule.clauses[0], nodes.Requirement)
    assert rule.clauses[0].terms == (nodes.Quantity(Decimal(100), "%"),)


def test_two_failures_counted_apart() -> None:
    text = "低保对象认定准确率100%，每错评1户扣0.5分，每漏评1户扣1分"
    # 1 wrongly listed, 2 missed: 4 − 0.5 − 2
    assert _score(text, {1: "1", 2: "2"}, target="100%", unit="%", weight=4) == Decimal("1.5")


@pytest.mark.parametrize(
    "text",
    [
        "案件按期办结率95%，未按期办结的每件扣1分",  # a line below 100%: the steps may start from it
        "满意度100%，每次投诉扣1分",  # 投诉 is no failure word of the lexicon
    ],
)
def test_rate_not_in_full_refused(text: str) -> None:
    assert _refused(text)[0] == "unread-number"
