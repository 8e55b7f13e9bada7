"""Vetoes, exceptions and preambles (docs/semantics.md §105): a veto phrase restated after a veto, a declared veto
system heading the clauses after it (实行…一票否决制), 如果 opening a condition, 综合评价为零分 vetoing the row (§87), an
exception to the deductions (但…的，可不扣分) with its own 是/否 numbered in text order (§99), bands referred to but not
given (按幅度分段计分: a hand score within the weight, domain point 22), and a note stating the budget that 预算 then
names. Every expectation is computed by hand from the rule text and the semantics (arithmetic beside each case)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
import shape_cases

import scoring
from scoring.rules.nodes import Award, Composite, Edge, Label, Measure, Quantity, Range, Rule, Veto, Waiver

FOOD = "出现重大食品安全事故的，实行一票否决，本项不得分；否则得满分"
TOUR = "实行旅游安全管理责任一票否决制。如果在本辖区内发生特大旅游安全责任事故(旅游行政管理部门负有直接责任),综合评价为零分。"
STAFF = (
    "按照国家规定的中小学教职工编制标准，足额保障本地区中小学教职工编制的，得2分。若保障不到位的，每少1%，扣0.1分；"
    "但本地区中小学教职工编制总量与地区事业编制总量的占比高于各地区平均占比加5%的，可不扣分。"
)
STAFF_NO = "资金到位率100%得满分，每低1%扣0.5分；但因上级资金未到位的，不予扣分"
SEX = "出生人口性别比在107及以下的,计满分;高于107的,按幅度分段计分。"
BUDGET = "全年共安排培训经费20万元，实际支出不超过预算得满分，超支不得分。"

STAFF_ROW: dict[str, object] = {"weight": 2, "target": "100%", "comparator": "≥", "unit": "%"}
FUND_ROW: dict[str, object] = {"weight": 5, "target": "100%", "comparator": "≥", "unit": "%"}

# (text, answer, row, hand score)
CASES: list[tuple[str, Any, dict[str, object], str]] = [
    (FOOD, "未出现", {"weight": 5}, "5"),  # the veto's own verb negated (§92): it did not hold, full marks 5
    (FOOD, "是", {"weight": 5}, "5"),  # 是 = it did not happen: 5
    (FOOD, "1", {"weight": 5}, "0"),  # one accident: 一票否决, 0
    (FOOD, "否", {"weight": 5}, "0"),  # 否 = it happened (a veto's 是/否): 0
    (TOUR, "1", {"weight": 100}, "0"),  # one 特大事故: the row's veto (§87), 0
    (TOUR, "0", {"weight": 100}, "100"),  # none: the rule only says when it scores 0, full 100
    (TOUR, "是", {"weight": 100}, "100"),  # 是 = it did not happen: 100
    # the measured 保障率 is 1, the exception 2 (text order, §99)
    (STAFF, {1: "95%", 2: "否"}, STAFF_ROW, "1.5"),  # 5 pp short × 0.1 = 0.5; no exception: 2 − 0.5 = 1.5
    (STAFF, {1: "95%", 2: "是"}, STAFF_ROW, "2"),  # the exception holds: nothing deducted, 2
    (STAFF, {1: "97.5%", 2: "否"}, STAFF_ROW, "1.75"),  # 2.5 pp × 0.1 = 0.25 (pro-rata): 1.75
    (STAFF, {1: "70%", 2: "否"}, STAFF_ROW, "0"),  # 30 pp × 0.1 = 3 > 2: clamped at 0
    (STAFF, {1: "70%", 2: "是"}, STAFF_ROW, "2"),  # waived: 2
    (STAFF, {1: "100%", 2: "否"}, STAFF_ROW, "2"),  # 足额: 得2分
    (STAFF, {"实际值": "95%", 1: "是"}, STAFF_ROW, "2"),  # the value by name, the exception as 1: waived, 2
    (STAFF_NO, {1: "90%", 2: "否"}, FUND_ROW, "0"),  # 10 pp × 0.5 = 5: 5 − 5 = 0
    (STAFF_NO, {1: "96%", 2: "否"}, FUND_ROW, "3"),  # 4 pp × 0.5 = 2: 3
    (STAFF_NO, {1: "96%", 2: "是"}, FUND_ROW, "5"),  # 不予扣分 holds: 5
    (SEX, "105", {"weight": 10, "target": "107", "comparator": "≤"}, "10"),  # 105 ≤ 107: full 10
    (SEX, "107", {"weight": 10, "target": "107", "comparator": "≤"}, "10"),  # 及以下 includes 107 (point 1)
    (BUDGET, "18万元", {"weight": 5}, "5"),  # 18万 ≤ 20万: full 5
    (BUDGET, "20万元", {"weight": 5}, "5"),  # 不超过 includes 20万 (point 1): 5
    (BUDGET, "20.01万元", {"weight": 5}, "0"),  # 超支: 0
    (BUDGET, "25", {"weight": 5, "unit": "万元"}, "0"),  # 25万元 on a row in 万元: over, 0
    (BUDGET, "19.5", {"weight": 5, "unit": "万元"}, "5"),  # 19.5万元: within, 5
]

test_hand_cases, test_compiled_agrees, test_round_trip = shape_cases.checks(CASES)


def _rule(text: str) -> Rule:
    r = scoring.parse(text)
    if isinstance(r, Composite):
        (item,) = r.items
        r = item.rule
    assert isinstance(r, Rule)
    return r


def test_a_veto_restated_is_one_veto() -> None:
    r = _rule(FOOD)
    assert [type(c) for c in r.clauses] == [Veto, Award]
    assert r.clauses[0] == Veto(Label("出现重大食品安全事故", False))


def test_the_declared_system_heads_the_veto() -> None:
    (v,) = _rule(TOUR).clauses
    # 如果 opens the condition and is not one of its words; the remark in brackets is
    assert v == Veto(Label("在本辖区内发生特大旅游安全责任事故(旅游行政管理部门负有直接责任)", False))


def test_the_exception_is_its_own_input() -> None:
    r = _rule(STAFF)
    (w,) = [c for c in r.clauses if isinstance(c, Waiver)]
    assert w.condition.text == "本地区中小学教职工编制总量与地区事业编制总量的占比高于各地区平均占比加5%"  # the 5% is words
    reading = scoring.bind(r, target="100%", comparator="≥", unit="%")
    kinds = [i.kind for i in reading.inputs]
    assert kinds == ["value", "flag"]


@pytest.mark.parametrize("answer", ["95%", "是", {1: "95%", 2: "1"}, {1: "95%", 2: "5%"}])
def test_one_answer_or_a_number_for_the_exception_is_refused(answer: Any) -> None:
    with pytest.raises(scoring.EvaluationError):
        scoring.evaluate(STAFF, answer, **STAFF_ROW)  # type: ignore[arg-type]


def test_bands_not_given_are_a_hand_score_within_the_weight() -> None:
    with pytest.raises(scoring.EvaluationError) as e:
        scoring.evaluate(SEX, "109", weight=10, target="107", comparator="≤")
    assert "人工" in str(e.value) and "0至10分" in str(e.value)


def test_the_budget_is_the_stated_amount() -> None:
    r = _rule(BUDGET)
    bands = [c.condition for c in r.clauses if isinstance(c, Award)]
    q = Quantity(Decimal(200000), "元")
    assert bands == [Range(Measure.VALUE, None, Edge(q, True), "实际支出"), Range(Measure.VALUE, Edge(q, False), None, "")]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("实行一票否决，本项不得分", "veto-without-condition"),  # no case named at all
        ("发生一般事故扣2分，实行一票否决", "veto-without-condition"),  # after a deduction: which case is not written
        ("安全生产实行一票否决制，发生重大安全事故的，扣5分", "veto-without-condition"),  # no zero after the system
        ("完成得满分；但因不可抗力未完成的，可不扣分", "waiver-without-deduction"),  # nothing deducted to waive
        ("每低1%扣0.5分；但，可不扣分", "waiver-without-condition"),  # the exception's case not written
        ("全年安排经费20万元，其中上半年安排10万元，实际支出不超过预算得满分", "unread-number"),  # two budgets: which?
        ("出生人口性别比在107及以下的,计满分;高于107的,按幅度分段扣分。", "unread-number"),  # 分段扣分: not read, nor 107
    ],
)
def test_ambiguous_variants_are_refused(text: str, code: str) -> None:
    assert shape_cases.refusal(text).code == code
