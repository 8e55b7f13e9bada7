"""Rule shapes of the tenth blind probe read from their pieces (docs/semantics.md §120): successive deadlines closed by
a late band written 8月底后 (no 以); a standard 以90%为基准 the steps count from, with points per step a formula of the
weight (分值/15); joint tiers whose later tiers shorten the names of the two measures. Expectations by hand from the
rule texts (probes tenth G04, B11, F27, and the same shapes in other words)."""

from __future__ import annotations

from decimal import Decimal

import pytest

import scoring
from scoring.rules.nodes import Award, Deduction, Label, Quantity
from tests import shape_cases
from tests.shape_cases import Case

# -- 1. successive deadlines, the late band 8月底后 (G04)
G04 = "2025年6月底前完成招标得满分，7月底前完成得3分，8月底前完成得1分，8月底后完成不得分"
WORDS5: dict[str, object] = {"comparator": "定性", "unit": "", "weight": 5}
NOV = "2024年10月底前完成得满分，11月底前完成得2分，11月底后完成不得分"
WORDS4: dict[str, object] = {"comparator": "定性", "unit": "", "weight": 4}
# -- 2. 以90%为基准 before a step whose points are a formula of the weight (B11)
B11 = "满意度以90%为基准，每降低1个百分点，扣（满意度分值/15）分"
PCT10: dict[str, object] = {"target": "≥90%", "comparator": "≥", "unit": "%", "weight": 10}
EXCESS = "预算执行偏差率以5%为基准，每超出1个百分点，扣0.5分"
LE5: dict[str, object] = {"target": "≤5%", "comparator": "≤", "unit": "%", "weight": 5}
# -- 3. joint tiers naming the two measures shorter (F27)
F27 = (
    "毕业生就业率达到90%以上并且专业对口率达到70%以上的得5分，就业率达到80%以上并且对口率达到60%以上的得3分，"
    "其他情况不得分"
)
JOINT5: dict[str, object] = {"comparator": "定量", "unit": "%", "weight": 5}
SHORT = "群众满意度达到95%以上并且信访投诉率低于1%的得满分，满意度达到85%以上并且投诉率低于3%的得3分，其他情况不得分"
JOINT6: dict[str, object] = {"comparator": "定量", "unit": "%", "weight": 6}

CASES: list[Case] = [
    # the first band whose deadline the date does not pass; the deadline day is on time; past 8月31日 the late band
    (G04, "是", WORDS5, "5"),
    (G04, "2025年6月18日", WORDS5, "5"),
    (G04, "2025年6月30日", WORDS5, "5"),
    (G04, "2025年7月31日", WORDS5, "3"),
    (G04, "2025年8月5日", WORDS5, "1"),
    (G04, "2025年8月31日", WORDS5, "1"),
    (G04, "2025年9月1日", WORDS5, "0"),
    (G04, "2025年9月2日", WORDS5, "0"),
    (NOV, "2024年10月31日", WORDS4, "4"),
    (NOV, "2024年11月15日", WORDS4, "2"),
    (NOV, "2024年12月1日", WORDS4, "0"),
    # 10/15 a point below 90%: 88% → 10 − 2 × 10/15 = 8.666… → 8.67; 81% → 10 − 6; 75% → 10 − 10
    (B11, "95%", PCT10, "10"),
    (B11, "90%", PCT10, "10"),
    (B11, "88%", PCT10, "8.67"),
    (B11, "81%", PCT10, "4"),
    (B11, "75%", PCT10, "0"),
    (B11, "60%", PCT10, "0"),
    # 0.5 a point above 5%: 7% → 5 − 1; 5% and 3% → 5
    (EXCESS, "3%", LE5, "5"),
    (EXCESS, "5%", LE5, "5"),
    (EXCESS, "7%", LE5, "4"),
    (EXCESS, "8.5%", LE5, "3.25"),
    # the first tier both parts hold wins; 以上 includes its number; else 0
    (F27, {"1": "92%", "2": "75%"}, JOINT5, "5"),
    (F27, {"1": "92%", "2": "65%"}, JOINT5, "3"),
    (F27, {"1": "85%", "2": "80%"}, JOINT5, "3"),
    (F27, {"1": "78%", "2": "90%"}, JOINT5, "0"),
    (F27, {"1": "90%", "2": "70%"}, JOINT5, "5"),
    (F27, {"1": "80%", "2": "60%"}, JOINT5, "3"),
    (F27, {"1": "80%", "2": "59%"}, JOINT5, "0"),
    (SHORT, {"1": "96%", "2": "0.5%"}, JOINT6, "6"),
    (SHORT, {"1": "90%", "2": "0.5%"}, JOINT6, "3"),
    (SHORT, {"1": "96%", "2": "2%"}, JOINT6, "3"),
    (SHORT, {"1": "96%", "2": "3%"}, JOINT6, "0"),
    (SHORT, {"1": "80%", "2": "0%"}, JOINT6, "0"),
]

test_hand_cases, test_compiled_agrees, test_round_trip = shape_cases.checks(CASES)


def test_late_band_starts_after_the_month() -> None:
    last = scoring.parse(G04).clauses[-1]
    assert isinstance(last, Award) and isinstance(last.condition, Label)
    assert last.condition.deadline is None and last.condition.start is not None
    assert (last.condition.start.month, last.condition.start.day) == (8, 31)


def test_standard_is_where_the_steps_start() -> None:
    (d,) = scoring.parse(B11).clauses
    assert isinstance(d, Deduction) and d.start is not None
    assert d.start.value == Quantity(Decimal("90"), "%")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # 8月后 with points: whether August is in the band is not said (§104, §116)
        ("6月底前完成得满分，7月底前完成得3分，8月后完成得1分", "date-band"),
        # February's last day needs the year
        ("2025年1月底前完成得满分，2月底后完成不得分", "date-band"),
        # a standard in another unit than the step: which line is not read
        ("满意度以90%为基准，每降低5人扣1分", "start-step-units"),
        # a standard beside a line of the step's own: two lines, the standard unread
        ("满意度以90%为基准，低于85%的，每降低1个百分点扣1分", "unread-number"),
        # 就业率 ends both first names: which input it is is not said
        ("城市就业率达到90%且农村就业率达到80%得5分，就业率达到80%且就业率达到70%得3分，否则不得分", "two-conditions"),
        # the shortened names swapped: not the first tier's order
        (
            "毕业生就业率达到90%以上并且专业对口率达到70%以上的得5分，对口率达到60%以上并且就业率达到80%以上的得3分，其他情况不得分",
            "two-conditions",
        ),
        # another measure in a later tier
        (
            "毕业生就业率达到90%以上并且专业对口率达到70%以上的得5分，就业率达到80%以上并且满意度达到60%以上的得3分，其他情况不得分",
            "two-conditions",
        ),
    ],
)
def test_refusals_that_stay(text: str, code: str) -> None:
    assert shape_cases.refusal(text).code == code
