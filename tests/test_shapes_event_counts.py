"""Events and vetoes answered by a count (docs/semantics.md §114): a rule whose one input is an event it vetoes
(发生/出现/被…通报/因…引发, or a band from 1起) takes the count of the event, 0 as 是 (it did not happen) and 1 or more
as 否 (the veto); 开展得满分，未开展不得分 takes the count of times carried out. A state (资料不齐全, 情节严重), a
grade beside the veto, a fraction or a negative count stays refused. Expectations by hand from the rule texts
(probes ninth V01 V14 V16, seventh V03, eighth V02 V07, first X05, and variants of them)."""

from __future__ import annotations

from typing import Any

import pytest

import scoring
from tests import shape_cases
from tests.shape_cases import REFUSE, Case, scores_or_refuses

FOOD = "发生重大食品安全事故的，本指标直接计0分；其他情况得满分"
FOOD_ROW: dict[str, object] = {"target": "0", "comparator": "≤", "unit": "起", "weight": 5}
ROAD = "年度内发生较大及以上道路交通事故1起及以上的，本项不得分；未发生的得满分"
ROAD_ROW: dict[str, object] = {"target": "0", "comparator": "≤", "unit": "起", "weight": 4}
HELD = "开展得满分，未开展不得分"
HELD_ROW: dict[str, object] = {"target": "1", "comparator": "≥", "unit": "场", "weight": 10}

CASES: list[Case] = [
    # a worded veto and 其他情况 / 否则: 0 is 未发生 (是, full marks), any count from 1 vetoes (0)
    (FOOD, "0", FOOD_ROW, "5"),
    (FOOD, "1", FOOD_ROW, "0"),
    (FOOD, "2", FOOD_ROW, "0"),
    (FOOD, "是", FOOD_ROW, "5"),  # 是＝未发生, unchanged
    (FOOD, "否", FOOD_ROW, "0"),  # 否＝发生, unchanged
    ("出现重大安全生产事故的，本项不得分；否则得满分", "0", {"weight": 4}, "4"),
    ("出现重大安全生产事故的，本项不得分；否则得满分", "3", {"weight": 4}, "0"),
    # a band from 1起 on the count of the event beside 未发生: 0 is 未发生
    (ROAD, "0", ROAD_ROW, "4"),
    (ROAD, "1", ROAD_ROW, "0"),  # 1起及以上 includes 1
    (ROAD, "3", ROAD_ROW, "0"),
    # the absence named by the head noun (无事故) or by the passive verb (未被通报)
    ("出现安全生产责任事故的实行一票否决；无事故得满分", "0", {"weight": 5}, "5"),
    ("出现安全生产责任事故的实行一票否决；无事故得满分", "1", {"weight": 5}, "0"),
    ("项目资金被审计部门通报的，直接计0分；未被通报的，得满分", "0", {"weight": 3}, "3"),
    ("项目资金被审计部门通报的，直接计0分；未被通报的，得满分", "2", {"weight": 3}, "0"),
    # a veto on what a cause led to (因…引发) beside counted steps: its own count
    ("每发现1处安全隐患扣0.5分，最多扣3分；因隐患未整改引发安全事故的，本项不得分", {1: "4", 2: "0"},
     {"target": "0", "comparator": "≤", "unit": "处", "weight": 5}, "3"),  # 5 − 4 × 0.5
    ("每发现1处安全隐患扣0.5分，最多扣3分；因隐患未整改引发安全事故的，本项不得分", {1: "10", 2: "0"},
     {"target": "0", "comparator": "≤", "unit": "处", "weight": 5}, "2"),  # 10 × 0.5 = 5, capped at 3: 5 − 3
    ("每发现1处安全隐患扣0.5分，最多扣3分；因隐患未整改引发安全事故的，本项不得分", {1: "0", 2: "1"},
     {"target": "0", "comparator": "≤", "unit": "处", "weight": 5}, "0"),  # the veto
    # 开展 / 未开展: carried out at least once, or not at all
    (HELD, "2", HELD_ROW, "10"),
    (HELD, "1", HELD_ROW, "10"),
    (HELD, "0", HELD_ROW, "0"),
    ("举办的得满分，未举办的不得分", "3", {"weight": 4}, "4"),
    ("举办的得满分，未举办的不得分", "0", {"weight": 4}, "0"),
]

REFUSALS: list[Case] = [
    (FOOD, "0.5", FOOD_ROW, REFUSE),  # an event happens a whole number of times
    (FOOD, "-1", FOOD_ROW, REFUSE),
    (FOOD, "95%", FOOD_ROW, REFUSE),  # a percentage counts nothing
    (ROAD, "0.5", ROAD_ROW, REFUSE),
    (ROAD, "1.5", ROAD_ROW, REFUSE),  # not vetoed as "at least 1": a count is whole
    # 2起及以上 beside 未发生: 1 accident is in neither case (a gap the text leaves)
    ("年度内发生较大及以上道路交通事故2起及以上的，本项不得分；未发生的得满分", "1", ROAD_ROW, REFUSE),
    # a state, not an event: how many times 资料不齐全 is not written, and 1 could be 是 or one case
    ("资料不齐全的，本项不得分；其他情况得满分", "0", {"weight": 5}, REFUSE),
    ("情节严重的，本项不得分；其他情况得满分", "0", {"weight": 5}, REFUSE),
    # grades beside the veto: 0 says nothing of 成效; the one answer is not copied to both
    ("工作成效显著得满分，成效一般得3分，无成效不得分；发生违纪违法问题被查处的，一票否决", "0", {"weight": 5}, REFUSE),
    # another worded award beside the veto: 0 says nothing of 完成整治任务
    ("完成整治任务得满分；出现劣Ⅴ类水体的，本项不得分", "0", {"weight": 3}, REFUSE),
    # 开展 with more words than the verb: a count says nothing of 培训's own condition
    ("开展培训得满分，未开展不得分", "2", {"weight": 10}, REFUSE),
    (HELD, "0.5", HELD_ROW, REFUSE),
    (HELD, "-1", HELD_ROW, REFUSE),
    (HELD, "50%", HELD_ROW, REFUSE),
]

test_hand_cases, test_compiled_agrees, test_round_trip = shape_cases.checks(CASES)


@pytest.mark.parametrize(("text", "actual", "kw", "want"), REFUSALS)
def test_refused(text: str, actual: Any, kw: dict[str, object], want: str) -> None:
    scores_or_refuses(text, actual, kw, want)


def test_refusals_say_what_is_needed() -> None:
    with pytest.raises(scoring.ScoringError, match="整数"):
        scoring.evaluate(FOOD, "0.5", **FOOD_ROW)  # type: ignore[arg-type]
    with pytest.raises(scoring.ScoringError, match="负"):
        scoring.evaluate(HELD, "-1", **HELD_ROW)  # type: ignore[arg-type]


def test_reading_shows_the_count() -> None:
    (road,) = scoring.bind(scoring.parse(ROAD), target="0", comparator="≤", unit="起").inputs
    assert (road.kind, road.unit) == ("count", "起")
    assert "0＝未发生" in road.meaning
    (held,) = scoring.bind(scoring.parse(HELD)).inputs
    assert "或填开展的次数（0＝未开展" in held.meaning
    (food,) = scoring.bind(scoring.parse(FOOD)).inputs
    assert food.meaning == "是＝未发生，否＝发生；或填发生次数"  # 是 and 否 as before


def test_yes_no_unchanged() -> None:
    # 是 on a failure-named input says it did not happen (semantics §14): full marks; 否: the veto
    assert scoring.evaluate(ROAD, "未发生", **ROAD_ROW).points == 4  # type: ignore[arg-type]
    assert scoring.evaluate("项目资金被审计部门通报的，直接计0分；未被通报的，得满分", "否", weight=3).points == 0
