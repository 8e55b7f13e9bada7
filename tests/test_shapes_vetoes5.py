"""Vetoes and further deductions answered one input per condition (docs/semantics.md §115): a veto after numbered items
that names the indicator (本指标 / 本项指标 / 一票否决) is the whole composite's, numbered after the items; worded awards
beside a veto on something else take two answers; 另扣N分 after a clause of its own is that clause's deduction.
Expectations by hand from the rule texts (probes seventh F13, ninth V18, ninth C23, and variants of them)."""

from __future__ import annotations

from typing import Any

import pytest

import scoring
from tests import shape_cases
from tests.shape_cases import REFUSE, Case, scores_or_refuses

F13 = "①项目按期完工得3分；②工程质量验收合格得3分；发生重大质量安全事故的，本指标不得分"
F13_ONE_VOTE = "①项目按期完工得3分；②工程质量验收合格得3分；发生重大质量安全事故的，一票否决"
F13_ITEM = "①项目按期完工得3分；②工程质量验收合格得3分；③发生重大质量安全事故的，本指标不得分"
V18 = "工作成效显著得满分，成效一般得3分，无成效不得分；发生违纪违法问题被查处的，一票否决"
RIVER = "完成整治任务得满分；出现劣Ⅴ类水体的，本项不得分"
C23 = "因工作失误被群众有效投诉的，每件扣0.5分；投诉被查实且造成不良影响的，另扣1分"
W6: dict[str, object] = {"weight": 6}
W5: dict[str, object] = {"weight": 5}
W3: dict[str, object] = {"weight": 3}

CASES: list[Case] = [
    # the veto of the whole indicator, answered as the third input (是＝未发生, or the count of the event)
    (F13, {1: "是", 2: "是", 3: "未发生"}, W6, "6"),  # 3 + 3
    (F13, {1: "是", 2: "否", 3: "未发生"}, W6, "3"),  # 3 + 0
    (F13, {1: "是", 2: "是", 3: "发生"}, W6, "0"),  # 本指标不得分: the whole indicator, not item 2
    (F13, {1: "是", 2: "是", 3: "否"}, W6, "0"),
    (F13, {1: "是", 2: "是", 3: "0"}, W6, "6"),  # no event (semantics §114)
    (F13, {1: "是", 2: "是", 3: "1"}, W6, "0"),
    (F13_ONE_VOTE, {1: "是", 2: "是", 3: "是"}, W6, "6"),
    (F13_ONE_VOTE, {1: "否", 2: "是", 3: "是"}, W6, "3"),
    (F13_ONE_VOTE, {1: "是", 2: "是", 3: "否"}, W6, "0"),
    (F13_ITEM, {1: "是", 2: "是", 3: "未发生"}, W6, "6"),  # the same reading as the veto written as ③
    (F13_ITEM, {1: "是", 2: "是", 3: "发生"}, W6, "0"),
    # the grade and the veto: one answer each, in the text's order
    (V18, {1: "成效一般", 2: "0"}, W5, "3"),
    (V18, {1: "成效显著", 2: "1"}, W5, "0"),  # the veto overrides the grade
    (V18, {1: "成效显著", 2: "0"}, W5, "5"),
    (V18, {1: "无成效", 2: "否"}, W5, "0"),
    (V18, {1: "工作成效显著", 2: "是"}, W5, "5"),
    (V18, {"实际值": "成效一般", 1: "是"}, W5, "3"),
    (RIVER, {1: "是", 2: "是"}, W3, "3"),
    (RIVER, {1: "是", 2: "否"}, W3, "0"),  # 劣Ⅴ类水体 appeared
    (RIVER, {1: "是", 2: "0"}, W3, "3"),
    (RIVER, {1: "是", 2: "2"}, W3, "0"),
    # 另扣1分: the further deduction for 投诉被查实且造成不良影响, answered 是 (no such case) / 否 (there was)
    (C23, {1: 2, 2: "否"}, W3, "1"),  # 3 − 2 × 0.5 − 1
    (C23, {1: 0, 2: "是"}, W3, "3"),
    (C23, {1: 1, 2: "是"}, W3, "2.5"),  # 3 − 0.5
    # a veto in 本项's words on the item's own failure stays the item's, one answer (未通过验收 = not 验收合格 by the
    # listed pair, semantics §121): 3 + 3
    ("①项目按期完工得3分；②工程质量验收合格得3分，未通过验收的本项不得分", {1: "是", 2: "是"}, W6, "6"),
    ("①项目按期完工得3分；②工程质量验收合格得3分，未通过验收的本项不得分", {1: "是", 2: "否"}, W6, "3"),
]

REFUSALS: list[Case] = [
    (F13, {1: "是", 2: "是"}, W6, REFUSE),  # the veto's answer is missing
    (V18, "是", W5, REFUSE),  # one answer for the grade and the veto
    (V18, "成效一般", W5, REFUSE),
    (V18, "0", W5, REFUSE),
    (RIVER, "是", W3, REFUSE),
    (RIVER, "0", W3, REFUSE),
]

test_hand_cases, test_compiled_agrees, test_round_trip = shape_cases.checks(CASES)


@pytest.mark.parametrize(("text", "actual", "kw", "want"), REFUSALS)
def test_refused(text: str, actual: Any, kw: dict[str, object], want: str) -> None:
    scores_or_refuses(text, actual, kw, want)


def test_refusals_say_what_is_needed() -> None:
    with pytest.raises(scoring.ScoringError, match="缺少第3项（否决条款：发生重大质量安全事故"):
        scoring.evaluate(F13, {1: "是", 2: "是"}, weight=6)
    with pytest.raises(scoring.ScoringError, match="文字条件和否决条款各需一个答案"):
        scoring.evaluate(V18, "是", weight=5)


def test_readings_show_the_inputs() -> None:
    inputs = scoring.bind(scoring.parse(F13)).inputs
    veto = inputs[-1]
    assert veto.key == 3 and "否决，本指标计0分" in veto.name and "发生重大质量安全事故" in veto.name
    assert veto.meaning == "是＝未发生，否＝发生；或填发生次数"
    grade, event = scoring.bind(scoring.parse(V18)).inputs
    assert grade.choices == ("工作成效显著", "成效一般", "无成效")
    assert event.name == "发生违纪违法问题被查处"
    (_, further) = scoring.bind(scoring.parse(C23)).inputs
    assert further.name.startswith("投诉被查实且造成不良影响")


def test_item_veto_kept() -> None:
    # 本项 on the item's own failure: not split off (no third item)
    rule = scoring.parse("①项目按期完工得3分；②工程质量验收合格得3分，未通过验收的本项不得分")
    assert isinstance(rule, scoring.Composite) and [i.number for i in rule.items] == [1, 2]
