"""The tenth blind probe's wrong answers and crash, fixed after its run (tests/probes/README.md): variants of each
shape with hand scores from the text and docs/semantics.md (§108)."""

from __future__ import annotations

import pytest
import shape_cases

import scoring

DEV_BANDS = "预算执行偏差率在5%以内得5分，5%-10%得3分，10%-15%得1分，超过15%不得分"
DEV_ROW = {"target": "≤5%", "comparator": "≤", "unit": "%", "weight": 5}
PLUS_MINUS = "预算调整率控制在±10%以内得满分，每超出1个百分点扣0.3分"
PM_ROW = {"target": "≤10%", "comparator": "≤", "unit": "%", "weight": 3}
BASE_BONUS = "任务完成率100%得基本分8分，每超1个百分点加0.5分，最多加2分"
BASE_ROW = {"target": "100%", "comparator": "≥", "unit": "%", "weight": 8}
BUDGET_DEV = "偏离≤5%，计10分；5%<偏离≤20%，计9分，20%<偏离≤30%，计8分，>100%不计分"
BUDGET_ROW = {"target": "100%", "comparator": "≤", "weight": 10}

CASES: list[shape_cases.Case] = [
    # the row's value is the deviation rate itself (≤5% is the full-marks band's line): every band compares it
    (DEV_BANDS, "3%", DEV_ROW, "5"),
    (DEV_BANDS, "7%", DEV_ROW, "3"),
    (DEV_BANDS, "12%", DEV_ROW, "1"),  # it fell into a gap (0): the band 10%-15% measured a deviation from 5%
    (DEV_BANDS, "15%", DEV_ROW, "1"),
    (DEV_BANDS, "16%", DEV_ROW, "0"),  # it scored 1
    (PLUS_MINUS, "8%", PM_ROW, "3"),
    (PLUS_MINUS, "15%", PM_ROW, "1.5"),  # 5 points over: 3 − 1.5
    # a budget row (100%): the bands are deviations from it, as before
    (BUDGET_DEV, "105%", BUDGET_ROW, "10"),
    (BUDGET_DEV, "115%", BUDGET_ROW, "9"),
    # a bonus for the excess: the base is reached from below
    (BASE_BONUS, "100%", BASE_ROW, "8"),
    (BASE_BONUS, "103.5%", BASE_ROW, "9.75"),  # 3.5 × 0.5 = 1.75
    (BASE_BONUS, "98%", BASE_ROW, "0"),  # below the base's line: a gap (it scored the base 8)
    # brackets inside 按…计算得分 (the crash)
    ("按（实际完成投资额÷计划投资额）×满分计算得分", "1820", {"target": "2000", "unit": "万元", "weight": 10}, "9.1"),
]

test_hand_cases, test_compiled_agrees, test_round_trip = shape_cases.checks(CASES)


@pytest.mark.parametrize("answer", ["-12%", "-3%"])
def test_a_negative_deviation_rate_is_refused(answer: str) -> None:
    # ±10% says both sides, 5%以内 one: which a negative rate is held to is not read, so it is refused
    for text, row in ((PLUS_MINUS, PM_ROW), (DEV_BANDS, DEV_ROW)):
        with pytest.raises(scoring.ScoringError, match="为负"):
            scoring.evaluate(text, answer, **row)  # type: ignore[arg-type]
        with pytest.raises(scoring.ScoringError, match="为负"):
            scoring.compile(text, **row).points(answer)  # type: ignore[arg-type]


def test_the_reading_says_the_value_is_the_deviation_itself() -> None:
    reading = scoring.bind(scoring.parse(DEV_BANDS), target="≤5%", comparator="≤", unit="%")
    assert any(d.clause == "偏差分档" and d.value.startswith("实际值本身") for d in reading.decisions)


@pytest.mark.parametrize("text", ["出现2次迟报的扣1分", "迟报2次的扣1分", "发现3例扣2分"])
def test_a_count_without_each_is_refused(text: str) -> None:
    # per two, or from the second on? (semantics §30); it was read as steps of 2, pro rata
    assert shape_cases.refusal(text).code == "count-without-each"


@pytest.mark.parametrize("text", ["出现1次迟报的扣1分", "每出现2次迟报扣1分"])
def test_a_single_count_or_a_step_still_reads(text: str) -> None:
    scoring.parse(text)


@pytest.mark.parametrize("answer", ["7月", "6月"])
def test_a_month_of_the_year_is_no_count_of_months_late(answer: str) -> None:
    # 7月 is July, not 7 months late (it scored 0); how late within July is not written
    with pytest.raises(scoring.ScoringError, match="月份还是晚了几个月"):
        scoring.evaluate("资金于6月30日前拨付到位得满分，每推迟1个月扣0.5分", answer, weight=3)
    # 1个月 is a count of months: 3 − 0.5
    assert scoring.evaluate("资金于6月30日前拨付到位得满分，每推迟1个月扣0.5分", "1个月", weight=3).points == 2.5


def test_none_on_a_thing_not_done_is_refused() -> None:
    # 无 on 未建立…制度: no such case, or no system? Not written; 是/否 read as before
    text = "未建立资金监管制度的，实行一票否决"
    with pytest.raises(scoring.ScoringError, match="不清楚"):
        scoring.evaluate(text, "无", weight=3)
    assert scoring.evaluate(text, "是", weight=3).points == 3
    # 无 on an event (发生重大事故) or on 无安全事故 still says none happened
    assert scoring.evaluate("发生重大事故的，本项不得分", "无", weight=3).points == 3
    assert scoring.evaluate("未发生安全事故得满分，发生不得分", "无", weight=3).points == 3
