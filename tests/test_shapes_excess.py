"""Bands on the excess over a budget, one-sided deduction bands, plans the steps count from, and a cap as a
share of the weight (docs/semantics.md §82-§84). Each case is computed by hand from the rule text and the
semantics; the arithmetic is in the comment. Near misses are refused with their codes."""

from __future__ import annotations

from decimal import Decimal

import pytest
from test_shapes_marks import _refused, _score

import scoring
from scoring.rules import nodes

BUDGET = "项目成本控制在批复预算以内，得满分；超出预算10%以内，得分为满分的50%；超出预算10%以上，不得分。"
TIERS = "超支5%以内（含5%）扣1分，超支5%-10%（含10%）扣3分，超支10%以上不得分"
ESTIMATE = "实际投资额≤概算投资得满分；超概算10%以内得3分；超概算10%以上不得分"

# (text, answer, target, weight, expected, the arithmetic)
CASES = [
    (BUDGET, "95", "≤100万元", 10, "10", "within the budget: the first band"),
    (BUDGET, "100", "≤100万元", 10, "10", "at the budget: within it"),
    (BUDGET, "105", "≤100万元", 10, "5", "(105-100)/100 = 5% over, within 10%: 50% of 10"),
    (BUDGET, "110", "≤100万元", 10, "5", "10% over: 以内 includes 10, listed before 以上 (first listed wins)"),
    (BUDGET, "115", "≤100万元", 10, "0", "15% over: 10%以上"),
    (TIERS, "190", "≤200万元", 5, "5", "not over: no band on the excess applies, nothing deducted"),
    (TIERS, "200", "≤200万元", 5, "5", "exactly the budget: 0% over, no band applies"),
    (TIERS, "205", "≤200万元", 5, "4", "2.5% over: 5 - 1"),
    (TIERS, "210", "≤200万元", 5, "4", "5% over: (含5%) in the first band, listed first: 5 - 1"),
    (TIERS, "215", "≤200万元", 5, "2", "7.5% over: 5 - 3"),
    (TIERS, "220", "≤200万元", 5, "2", "10% over: (含10%) in the second band: 5 - 3"),
    (TIERS, "230", "≤200万元", 5, "0", "15% over: 10%以上不得分"),
    (TIERS, "104%", "≤100%", 5, "4", "an execution rate against 100%: 4% over, 5 - 1"),
    (ESTIMATE, "1050", "≤1000万元", 5, "3", "5% over the estimate (超 + 概算): 3"),
    (ESTIMATE, "1200", "≤1000万元", 5, "0", "20% over"),
    ("项目成本控制在预算数以内得满分，超出预算5%以内得3分，超出5%以上不得分", "208", "≤200万元", 5, "3",
     "4% over: 3 (超出5%以上 inherits the excess measure and says it itself)"),
    ("项目成本控制在预算数以内得满分，超出预算5%以内得3分，超出5%以上不得分", "211", "≤200万元", 5, "0", "5.5% over"),
    # one-sided deduction bands (§83)
    ("满意度90%以上得满分，满意度90%以下扣2分", "90%", "≥90%", 5, "5", "both bands claim 90%: the first listed"),
    ("满意度90%以上得满分，满意度90%以下扣2分", "88%", "≥90%", 5, "3", "5 - 2"),
    ("满意度低于90%扣2分", "95%", "≥90%", 5, "5", "beyond the one deducting band: nothing deducted"),
    ("满意度低于90%扣2分", "85%", "≥90%", 5, "3", "5 - 2"),
    ("满意度低于90%扣2分，低于80%不得分", "79%", "≥90%", 5, "0", "the zero band inside the deducting one is tried first"),
    ("满意度低于90%扣2分，低于80%不得分", "85%", "≥90%", 5, "3", "5 - 2"),
    ("满意度低于90%扣2分，低于80%不得分", "92%", "≥90%", 5, "5", "above both bands"),
    ("90%（含）～95%（不含）扣1分，85%（含）～90%（不含）扣3分，85%以下不得分", "96%", "≥95%", 10, "10",
     "above every band: nothing deducted (it fell into the gap and scored 0)"),
    ("90%（含）～95%（不含）扣1分，80%（含）～85%（不含）扣3分，80%以下不得分", "87%", "≥95%", 10, "0",
     "between two bands: a gap (domain point 1)"),
    # plan lines (§65, §82)
    ("全年征收税款目标5亿元，每少完成1%扣0.5分", "4.8", "5亿元", 6, "4", "4% short of 5亿元: 4 steps × 0.5"),
    ("全年征收税款目标5亿元，每少完成1%扣0.5分", "4", "5亿元", 6, "0", "20% short: 10 points, clamped at 0"),
    ("项目预算控制数1200万元，实际支出每超出预算2%扣1分，扣完为止", "1248", "≤1200万元", 4, "2", "4% over: 2 steps"),
    ("项目预算控制数1200万元，实际支出每超出预算2%扣1分，扣完为止", "1200", "≤1200万元", 4, "4", "not over"),
    ("项目预算控制数1200万元，实际支出每超出预算2%扣1分，扣完为止", "1212", "≤1200万元", 4, "3.5", "1% over: half a step"),
    ("城镇新增就业8000人，完成得满分，每少完成100人扣0.1分", "7500", "8000人", 3, "2.5", "500 short: 5 × 0.1"),
    ("城镇新增就业8000人，完成得满分，每少完成100人扣0.1分", "8200", "8000人", 3, "3", "reached"),
    # the plan stated as a line reached (达到), ninth probe B24
    ("义诊服务达到5000人次，完成得满分，每少完成100人次扣0.1分", "4850", "≥5000", 2, "1.85", "150 short: 1.5 × 0.1"),
    ("义诊服务达到5000人次，完成得满分，每少完成100人次扣0.1分", "5000", "≥5000", 2, "2", "reached"),
    ("义诊服务达到5000人次，完成得满分，每少完成100人次扣0.1分", "2000", "≥5000", 2, "0", "3000 short: 3, floored at 0"),
    ("满意度调查中“不满意”比例超过5%的，每超过1个百分点扣1分。", "7%", "≤5%", 5, "3", "2 points over 5%"),
    ("满意度调查中“不满意”比例超过5%的，每超过1个百分点扣1分。", "4%", "≤5%", 5, "5", "not over"),
    # a cap as a share of the weight (§84)
    ("每低1个百分点扣0.2分，扣分不超过本项分值的50%", "80%", "100%", 4, "2", "20 × 0.2 = 4, capped at 50% of 4 = 2"),
    ("每低1个百分点扣0.2分，扣分不超过本项分值的50%", "95%", "100%", 4, "3", "5 × 0.2 = 1"),
    ("每低1个百分点扣0.2分，扣分不超过本项分值的50%", "90%", "100%", 4, "2", "10 × 0.2 = 2: the cap exactly"),
    ("每发现一例扣1分，每低1个百分点扣0.5分，扣分不超过本项分值的25%", {"实际值": "98%", 1: "3"}, "100%", 8, "6",
     "3 + 1 = 4, capped at 25% of 8 = 2 together"),
]


@pytest.mark.parametrize(("text", "actual", "target", "weight", "points", "why"), CASES)
def test_hand_scores(text: str, actual: object, target: str, weight: int, points: str, why: str) -> None:
    assert _score(text, actual, target=target, weight=weight) == Decimal(points), why


@pytest.mark.parametrize(("text", "code"), [
    # nested deduction bands now parse; the answers in two of them are refused (tests/test_shapes_tiers2.py, §95)
    ("扣分不超过本项分值的50%，每低1个百分点扣0.2分", "cap-share"),  # before the deductions: which ones?
    ("每低1个百分点扣0.2分，扣分不超过本项分值的50%，每发现一例扣1分", "cap-share"),
])  # fmt: skip
def test_refused(text: str, code: str) -> None:
    assert _refused(text) == code


@pytest.mark.parametrize(("answer", "target"), [
    ("8%", "≤200万元"),  # the excess itself, or 8% of the budget spent?
    ("105%", "≤200万元"),  # the execution rate, or 105% over?
    ("104%", "≤90%"),  # over a rate of 90%: in points or relative?
    ("205", None),  # no budget to measure the excess against
])  # fmt: skip
def test_excess_answers_refused(answer: str, target: str | None) -> None:
    with pytest.raises(scoring.EvaluationError):
        scoring.evaluate(TIERS, answer, target=target, weight=5)


def test_excess_band_nodes() -> None:
    rule = scoring.parse(TIERS)
    assert isinstance(rule, nodes.Rule)
    bands = [a.condition for a in rule.awards]
    assert all(isinstance(b, nodes.Range) and b.measure is nodes.Measure.EXCESS for b in bands)
    # a rate's name is no excess word: 超支率5%以内 is the value of the rate
    named = scoring.parse("超支率5%以内得满分，超支率5%以上不得分")
    assert isinstance(named, nodes.Rule)
    assert all(isinstance(a.condition, nodes.Range) and a.condition.measure is nodes.Measure.VALUE for a in named.awards)


@pytest.mark.parametrize("text", [BUDGET, TIERS, ESTIMATE, "满意度90%以上得满分，满意度90%以下扣2分",
                                  "每低1个百分点扣0.2分，扣分不超过本项分值的50%",
                                  "项目预算控制数1200万元，实际支出每超出预算2%扣1分，扣完为止",
                                  "城镇新增就业8000人，完成得满分，每少完成100人扣0.1分",
                                  "义诊服务达到5000人次，完成得满分，每少完成100人次扣0.1分"])  # fmt: skip
def test_round_trip(text: str) -> None:
    rule = scoring.parse(text)
    assert scoring.parse(scoring.render(rule)) == rule


def test_reading_shows_the_excess() -> None:
    reading = scoring.bind(scoring.parse(TIERS), target="≤200万元", unit="万元")
    shown = [(d.clause, d.what) for d in reading.decisions]
    assert ("超出幅度分档", "比较的量") in shown and ("超出幅度分档", "答法") in shown


def test_plan_in_time_is_no_relative_line() -> None:
    # 查看最近连续2年资料: a span of time, not an amount a % step is a share of (the plan stays unread)
    assert _refused("查看最近连续2年资料，每低1%扣1分") == "unread-number"
