"""A strict comparison word before 以内 / 以上: 高于X N%以内 is a band on how far past X, 0 < x ≤ N (semantics §155).

Each case: rule, row target, comparator, unit, weight, answer, the hand score, and why (the arithmetic from the rule
text and docs/semantics.md). The compiled rule must agree with the evaluator."""

from __future__ import annotations

from decimal import Decimal

import pytest

import scoring
from scoring.scores.compiled import compile_rule

# dev-126 (tests/dev_corpus/checklists.toml): three items separated by ；, weight 8 (§146)
D126 = (
    "把上年结转的专项资金纳入本年度预算安排得 1 分;年初会同财政部门编制资金使用计划,计划编制比较完整得 3 分,年初单独编制资金使用计划得 2 分;"
    "本级财政预算安排就业补助资金高于上年专项资金决算数的 30%(包括 30%)得 4 分,高于上年专项资金决算数的 20%(包括 20%)得 3 分,"
    "高于上年专项资金决算数的 10%(包括 10%)得 2 分,高于上年专项资金决算数 10%以内的得 1 分。"
)
# a reference named in the words (not the row's target): the answer is the excess over it itself
OVER_NAMED = "高于上年决算数10%以内得2分，高于上年决算数10%以上得5分"
# the row's target named: a band on the excess over the target, relative to it (§82)
OVER_TARGET = "高于目标值10%以内的得3分，高于目标值10%以上不得分"
# already read with both ends before §155 (left as they were): the excess over a budget (§82), the shortfall in points (§20)
OVER_BUDGET = "超出预算5%以内得4分，超出预算5%以上不得分"
UNDER_POINTS = "低于目标值10个百分点以内的得3分，低于目标值10个百分点以上不得分"
# eleventh probe A12: a gap noun before the percentage, the shortfall relative to an amount target (left as it was)
UNDER_GAP = "耕地保有量不低于下达任务的得满分；低于任务但差额在1%以内的得6分；差额1%以上的不得分"
LAND = {"target": "≥52.6", "comparator": "≥", "unit": "万亩", "weight": 8}

AMOUNT = {"target": "≤100万元", "comparator": "≤", "unit": "万元", "weight": 5}
BUDGET = {"target": "≤200万元", "comparator": "≤", "unit": "万元", "weight": 5}
RATE = {"target": "≥90%", "comparator": "≥", "unit": "%", "weight": 5}


def _d126(x: str) -> dict[str, str]:
    return {"1": "是", "2": "计划编制比较完整", "3": x}


CASES: list[tuple[str, object, dict[str, object], str, str]] = [
    (D126, _d126("35%"), {"weight": 8, "unit": "%"}, "8", "1 + 3 + 4 (≥30%)"),
    (D126, _d126("10%"), {"weight": 8, "unit": "%"}, "6", "1 + 3 + 2: 10%(包括10%) is listed before 10%以内"),
    (D126, _d126("9.9%"), {"weight": 8, "unit": "%"}, "5", "1 + 3 + 1: 0 < 9.9 ≤ 10"),
    (D126, _d126("0.5%"), {"weight": 8, "unit": "%"}, "5", "1 + 3 + 1: 0 < 0.5 ≤ 10"),
    (D126, _d126("0%"), {"weight": 8, "unit": "%"}, "4", "1 + 3 + 0: 0% is not 高于 last year, no band"),
    (D126, _d126("-5%"), {"weight": 8, "unit": "%"}, "4", "1 + 3 + 0: below last year, no band (it scored 1)"),
    (OVER_NAMED, "5%", {"weight": 5, "unit": "%"}, "2", "0 < 5 ≤ 10"),
    (OVER_NAMED, "10%", {"weight": 5, "unit": "%"}, "2", "以内 includes 10, listed first"),
    (OVER_NAMED, "12%", {"weight": 5, "unit": "%"}, "5", "12 ≥ 10: 以上"),
    (OVER_NAMED, "0%", {"weight": 5, "unit": "%"}, "0", "not above: no band takes 0"),
    (OVER_NAMED, "-3%", {"weight": 5, "unit": "%"}, "0", "below: no band"),
    (OVER_TARGET, "95", AMOUNT, "5", "within the target: no band on the excess applies (§82: 190 of ≤200 → 5)"),
    (OVER_TARGET, "100", AMOUNT, "5", "at the target: excess 0, not above it (the lower end excludes 0)"),
    (OVER_TARGET, "105", AMOUNT, "3", "(105 − 100) / 100 = 5% ≤ 10%"),
    (OVER_TARGET, "110", AMOUNT, "3", "10%: 以内 includes 10, listed first"),
    (OVER_TARGET, "112", AMOUNT, "0", "12% > 10%: 以上, 不得分"),
    (OVER_TARGET, "104%", {"target": "100%", "unit": "%", "weight": 5}, "3", "an execution rate: 104 − 100 = 4% over"),
    (OVER_BUDGET, "190", BUDGET, "5", "within the budget: no band applies"),
    (OVER_BUDGET, "200", BUDGET, "5", "at the budget: excess 0"),
    (OVER_BUDGET, "205", BUDGET, "4", "2.5% over ≤ 5%"),
    (OVER_BUDGET, "210", BUDGET, "4", "5%: 以内 includes 5, listed first"),
    (OVER_BUDGET, "211", BUDGET, "0", "5.5% > 5%"),
    (UNDER_POINTS, "95%", RATE, "5", "met: no shortfall band applies"),
    (UNDER_POINTS, "90%", RATE, "5", "at the target: shortfall 0, met"),
    (UNDER_POINTS, "85%", RATE, "3", "5 points short ≤ 10"),
    (UNDER_POINTS, "80%", RATE, "3", "10 points: 以内 includes 10, listed first"),
    (UNDER_POINTS, "79%", RATE, "0", "11 points > 10"),
    (UNDER_GAP, "53", LAND, "8", "above the task: 不低于, no shortfall band"),
    (UNDER_GAP, "52.6", LAND, "8", "at the task: shortfall 0, 不低于 holds"),
    (UNDER_GAP, "52.074", LAND, "6", "0.526 / 52.6 = 1% exactly: 以内 includes it, listed first"),
    (UNDER_GAP, "52", LAND, "0", "0.6 / 52.6 = 1.14% > 1%"),
]


@pytest.mark.parametrize(("rule", "answer", "kw", "want", "why"), CASES)
def test_bands_past_a_line(rule: str, answer: object, kw: dict[str, object], want: str, why: str) -> None:
    assert scoring.evaluate(rule, answer, **kw).points == Decimal(want), why  # type: ignore[arg-type]
    if not isinstance(answer, dict):
        assert compile_rule(rule, **kw).points(answer) == Decimal(want), why  # type: ignore[arg-type]


def test_the_named_band_reads_both_ends() -> None:
    rule = scoring.parse("高于上年决算数10%以内得2分")
    assert isinstance(rule, scoring.Rule)
    cond = rule.clauses[0].condition  # type: ignore[union-attr]
    assert cond.low is not None and cond.low.value.value == 0 and not cond.low.inclusive
    assert cond.high is not None and cond.high.value.value == 10 and cond.high.inclusive


def test_a_rate_target_is_refused() -> None:
    # the excess over ≥90%: in points or relative to 90%? not written (§82)
    with pytest.raises(scoring.ScoringError):
        scoring.evaluate(OVER_TARGET, "95%", **RATE)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("rule", "why"),
    [
        ("低于目标值10%以内的得3分", "a relative shortfall: no node reads it (it was the completion ratio ≤ 10%)"),
        ("低于目标值10%以上不得分", "as above (it was the completion ratio ≥ 10%)"),
        ("高于目标值10个百分点以内的得1分", "an excess in points: no node reads it (it was the ratio ≤ 10%)"),
        ("高于10%以内得1分", "above what? no line is named (it was ≤ 10%)"),
        ("低于上年10%以内得1分", "the drop or the signed change? not written (it was ≤ 10%)"),
    ],
)
def test_refused_forms(rule: str, why: str) -> None:
    with pytest.raises(scoring.RuleSyntaxError) as e:
        scoring.parse(rule)
    assert e.value.code == "past-within", why


def test_a_deduction_on_the_excess_stays_refused() -> None:
    # §82 / §121: 超出预算5%以内扣1分 stays unread-number (超支…扣1分 reads)
    with pytest.raises(scoring.RuleSyntaxError):
        scoring.parse("超出预算5%以内扣1分")


@pytest.mark.parametrize(
    "rule", [D126, OVER_NAMED, OVER_TARGET, OVER_BUDGET, UNDER_POINTS, UNDER_GAP, "超过目标值10%以内得1分"]
)
def test_render_round_trip(rule: str) -> None:
    parsed = scoring.parse(rule)
    assert scoring.parse(scoring.render(parsed)) == parsed
