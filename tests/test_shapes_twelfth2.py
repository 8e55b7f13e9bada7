"""Answers a careful scorer reads, found by the twelfth blind probe (semantics §136): a letter grade written A等 / B级 /
C档 answered by its letter, a label opening with a comparison (与上年持平) by its word, a negated event verb on a one-off
deduction, 未被 + the verb of a passive veto. Texts are variants of the probe's; points computed by hand."""

from __future__ import annotations

from decimal import Decimal

import pytest

import scoring


def _points(rule: str, actual: object, **kw: object) -> Decimal:
    return scoring.evaluate(rule, actual, **kw).points  # type: ignore[arg-type]


LETTERS = "年度考核结果为A级的得满分，B级的得70%，C级的得40%，D级的不得分"


@pytest.mark.parametrize(
    ("answer", "points"),
    [("A", "10"), ("A级", "10"), ("B", "7"), ("C级", "4"), ("C", "4"), ("D", "0")],
)
def test_letter_grade_answered_by_its_letter(answer: str, points: str) -> None:
    # weight 10: A full, B 70% = 7, C 40% = 4, D nothing
    assert _points(LETTERS, answer, weight="10") == Decimal(points)


@pytest.mark.parametrize("answer", ["E", "F级", "结果为A"])
def test_letter_not_a_grade_refused(answer: str) -> None:
    with pytest.raises(scoring.ScoringError):
        _points(LETTERS, answer, weight="10")


def test_letter_grade_close_档() -> None:
    rule = "A档的得满分，B档的得5分，C档的不得分"
    assert _points(rule, "B", weight="8") == Decimal("5")
    assert _points(rule, "A", weight="8") == Decimal("8")
    with pytest.raises(scoring.ScoringError):
        _points(rule, "D", weight="8")


COMPARED = "公用经费支出较上年下降的得满分，与上年持平的得3分，上升的不得分"


@pytest.mark.parametrize(
    ("answer", "points"),
    [("下降", "5"), ("持平", "3"), ("与上年持平", "3"), ("上升", "0")],
)
def test_comparison_label_answered_by_its_word(answer: str, points: str) -> None:
    assert _points(COMPARED, answer, weight="5") == Decimal(points)


def test_comparison_word_同比() -> None:
    rule = "投诉件数同比减少的得满分，同比持平的得1分，同比增加的不得分"
    assert _points(rule, "持平", weight="4") == Decimal("1")
    assert _points(rule, "增加", weight="4") == Decimal("0")
    with pytest.raises(scoring.ScoringError):
        _points(rule, "上年", weight="4")  # the comparison alone names nothing


@pytest.mark.parametrize(("answer", "points"), [("0", "4"), ("1", "2"), ("未发生", "4"), ("没有发生", "4"), ("发生", "2")])
def test_negated_event_verb_on_one_off_deduction(answer: str, points: str) -> None:
    # weight 4, 发生…扣2分 once: not happening keeps 4, happening loses 2
    rule = "发生安全责任事故扣2分"
    assert _points(rule, answer, weight="4", target="0起", unit="起", comparator="=") == Decimal(points)


def test_negated_other_verb_refused_on_one_off() -> None:
    rule = "发生安全责任事故扣2分"
    with pytest.raises(scoring.ScoringError):
        _points(rule, "未出现", weight="4", target="0起", unit="起", comparator="=")  # not this clause's verb


PASSIVE = "被上级主管部门约谈的，本项计0分"


@pytest.mark.parametrize(("answer", "points"), [("0", "3"), ("1", "0"), ("未被约谈", "3"), ("没有被约谈", "3"), ("被约谈", "0")])
def test_passive_veto_answered_by_its_verb(answer: str, points: str) -> None:
    assert _points(PASSIVE, answer, weight="3", target="0次", unit="次", comparator="=") == Decimal(points)


@pytest.mark.parametrize("answer", ["未被通报", "约谈", "未被主管"])
def test_passive_veto_other_words_refused(answer: str) -> None:
    # 通报 is not this veto's verb; the verb alone (no 被) and a part of the agent say nothing
    with pytest.raises(scoring.ScoringError):
        _points(PASSIVE, answer, weight="3", target="0次", unit="次", comparator="=")
