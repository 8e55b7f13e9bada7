"""Steps counted from lines stated on two differently named measured values (危险化学品企业重大隐患整改率达到100%，
每低1个百分点扣0.5分；一般隐患整改率达到95%，每低1个百分点扣0.2分): two measured values, each answered under its number
and counted from its own line (semantics §134, §14). Hand scores from the text."""

from __future__ import annotations

import pytest
import shape_cases

import scoring

# my own variant: 1 point per point below 100% on the first, 1 point per 2 points below 90% on the second (pro-rata)
WASTE = "城市生活垃圾无害化处理率达到100%，每低1个百分点扣1分；农村生活垃圾收运覆盖率达到90%，每低2个百分点扣1分"
# three values, the last with its line written as 不低于
THREE = ("一类项目验收合格率达到100%，每低1个百分点扣0.5分；二类项目验收合格率达到98%，每低1个百分点扣0.3分；"
         "三类项目验收合格率不低于90%，每低5个百分点扣1分")  # fmt: skip
# a one-off event beside the two values: its own numbered input (是 = it did not happen)
EVENT = WASTE + "；发生安全事故扣2分"

W6 = {"weight": 6}
W5 = {"weight": 5}

CASES: list[shape_cases.Case] = [
    (WASTE, {1: "97%", 2: "85%"}, W6, "0.5"),  # 6 − 3×1 − (5/2)×1
    (WASTE, {1: "100%", 2: "92%"}, W6, "6"),  # both at or above their lines
    (WASTE, {1: "99%", 2: "90%"}, W6, "5"),  # 6 − 1; the second at its own line 90%, not the first's 100%
    (WASTE, {1: "96%", 2: "80%"}, W6, "0"),  # 6 − 4 − 5 → floored at 0
    (WASTE, {1: "100%", 2: "89%"}, W6, "5.5"),  # 6 − 0.5: 1 point below 90 is half a step of 2
    (THREE, {1: "99%", 2: "97%", 3: "85%"}, W5, "3.2"),  # 5 − 0.5 − 0.3 − 1
    (THREE, {1: "100%", 2: "100%", 3: "90%"}, W5, "5"),
    (EVENT, {1: "98%", 2: "90%", 3: "是"}, W6, "4"),  # 6 − 2; 是 = no accident
    (EVENT, {1: "98%", 2: "90%", 3: "否"}, W6, "2"),  # 6 − 2 − 2
]
test_hand_cases, test_compiled_agrees, test_round_trip = shape_cases.checks(CASES)


def test_one_value_stated_twice_is_not_split() -> None:
    # one 完成率 with two lines: one answer, both steps on it (97%: 3 × 0.5 below 100%, above 95%) → 6 − 1.5
    text = "完成率达到100%，每低1个百分点扣0.5分；完成率达到95%，每低1个百分点扣0.2分"
    assert str(scoring.evaluate(text, "97%", weight=6).points) == "4.50"
    # 90%: 10 × 0.5 + 5 × 0.2 = 6 → 0
    assert str(scoring.evaluate(text, "90%", weight=6).points) == "0.00"


@pytest.mark.parametrize(
    "actual",
    ["97%", {"实际值": "97%"}, {1: "97%"}],
)
def test_one_answer_for_two_values_is_refused(actual: object) -> None:
    with pytest.raises(scoring.ScoringError):
        scoring.evaluate(WASTE, actual, weight=6)


@pytest.mark.parametrize(
    "text",
    [
        # one name ends the other: whether they are one value is not written
        "重大隐患整改率达到100%，每低1个百分点扣0.5分；隐患整改率达到95%，每低1个百分点扣0.2分",
        # a band beside the two values: which value it reads is not written
        WASTE + "，低于60%不得分",
        WASTE + "；两项均达标得满分",
    ],
)
def test_unclear_two_values_are_refused(text: str) -> None:
    assert shape_cases.refusal(text).code == "two-measures"
