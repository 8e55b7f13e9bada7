"""Thirteenth probe, first helper (semantics §140): variants of C24, C14, G06, V03, V11, E06 with hand-computed points."""

from __future__ import annotations

from decimal import Decimal

import pytest

import scoring

CAUSED = "因服务态度被投诉的，每件扣1分；投诉经核实造成恶劣影响的，另扣2分"
COUNTED = "出现安全事故1起扣2分，2起扣5分，3起及以上不得分"
SCOPED = "辖区发生重大安全生产事故的，本项不得分；未发生的，得满分"
SUBJECT = "监测点位出现超标排放的，本项不得分；否则得满分"
FRAMED = "做法被国家级媒体报道的得6分，被省级媒体报道的得4分，被市级媒体报道的得2分，未被报道的不得分"
STARTED = "项目在第一季度末前启动的得满分，第二季度启动的得4分，第三季度启动的得2分，年内未启动的不得分"


def points(rule: str, actual: object, weight: str, **kw: str) -> Decimal:
    return scoring.evaluate(rule, actual, weight=weight, **kw).points  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("actual", "expected"),
    [
        ({1: "1", 2: "3"}, "2"),  # 5 - 1 - 2 (另扣2分 once for 3 cases)
        ({1: "0", 2: "0"}, "5"),
        ({1: "2", 2: "否"}, "1"),  # 5 - 2 - 2
        ({1: "2", 2: "是"}, "3"),
    ],
)
def test_cause_after_subject_takes_a_count(actual: object, expected: str) -> None:
    assert points(CAUSED, actual, "5") == Decimal(expected)


def test_cause_count_must_be_whole() -> None:
    with pytest.raises(scoring.ScoringError, match="整数"):
        points(CAUSED, {1: "1", 2: "1.5"}, "5")


def test_negated_cause_names_no_event() -> None:
    from scoring.reading.scales import names_event

    assert names_event("投诉经核实造成恶劣影响")
    assert not names_event("投诉经核实未造成影响")


@pytest.mark.parametrize(("actual", "expected"), [("0", "6"), ("1", "4"), ("2", "1"), ("3", "0"), ("5", "0")])
def test_exact_counts_are_tiers(actual: str, expected: str) -> None:
    # 1起 → 6 - 2, 2起 → 6 - 5 (per event it would be 6 - 4), 3起 and more → 0
    assert points(COUNTED, actual, "6") == Decimal(expected)


def test_exact_counts_refuse_yes() -> None:
    with pytest.raises(scoring.ScoringError):
        points(COUNTED, "是", "6")


def test_exact_counts_with_a_gap_stay_steps() -> None:
    # the band opens at 4起, not at the next count 3起: not read as tiers, three inputs as before
    with pytest.raises(scoring.ScoringError):
        points("发生安全事故1起扣2分，2起扣5分，4起及以上不得分", "2", "6")


@pytest.mark.parametrize(("actual", "expected"), [("0", "5"), ("2", "0"), ("未发生", "5")])
def test_scope_without_nei(actual: str, expected: str) -> None:
    assert points(SCOPED, actual, "5", target="0", unit="起", comparator="=") == Decimal(expected)


def test_scope_count_must_be_whole() -> None:
    with pytest.raises(scoring.ScoringError, match="整数"):
        points(SCOPED, "1.5", "5", target="0", unit="起", comparator="=")


@pytest.mark.parametrize(("actual", "expected"), [("未出现", "4"), ("出现", "0"), ("0", "4"), ("1", "0")])
def test_veto_verb_after_subject(actual: str, expected: str) -> None:
    assert points(SUBJECT, actual, "4") == Decimal(expected)


@pytest.mark.parametrize(
    ("actual", "expected"), [("被国家级媒体报道", "6"), ("被市级媒体报道", "2"), ("未被报道", "0")]
)
def test_first_label_named_beside_a_negated_case(actual: str, expected: str) -> None:
    assert points(FRAMED, actual, "6") == Decimal(expected)


@pytest.mark.parametrize("actual", ["国家级", "是"])
def test_first_label_part_refused(actual: str) -> None:
    with pytest.raises(scoring.ScoringError):
        points(FRAMED, actual, "6")


@pytest.mark.parametrize(
    ("actual", "expected"),
    [("2025年3月1日", "6"), ("2025年5月1日", "4"), ("2025年8月1日", "2"), ("2026年1月5日", "0"), ("第二季度启动", "4")],
)
def test_not_started_is_negated(actual: str, expected: str) -> None:
    assert points(STARTED, actual, "6", target="2025年3月31日前") == Decimal(expected)
