"""How answers fill a rule's inputs (domain point 20, semantics §86): a zero band on the same count of
events, a passive veto answered by a count, a 一票否决 heading, numbered items counted, 酌情扣分 as a
deduction by hand, a rule's own clause on missing data. Every expectation is computed by hand from the
rule text and docs/semantics.md; the arithmetic is beside each case."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

import scoring
from scoring.rules import nodes


def _score(text: str, actual: Any, weight: int, **row: Any) -> Decimal | None:
    try:
        return scoring.evaluate(text, actual, weight=weight, **row).points
    except scoring.ScoringError:
        return None


def _refused(text: str) -> str:
    with pytest.raises(scoring.RuleSyntaxError) as e:
        scoring.parse(text)
    return e.value.code


# (rule, row fields, answer, hand score; None = refused)
CASES: list[tuple[str, dict[str, Any], Any, str | None]] = [
    # ---- a zero band on the same count (§69 extended): the counter written alone after the context clause
    # weight 4: 2 batches → 4 − 2 × 1 = 2; 3 batches → the band 3批次及以上 → 0; 0 → 4
    ("抽查发现不合格批次的，每批次扣1分；发现3批次及以上不得分", {"weight": 4}, "2", "2"),
    ("抽查发现不合格批次的，每批次扣1分；发现3批次及以上不得分", {"weight": 4}, "3", "0"),
    ("抽查发现不合格批次的，每批次扣1分；发现3批次及以上不得分", {"weight": 4}, "0", "4"),
    ("抽查发现不合格批次的，每批次扣1分；发现3批次及以上不得分", {"weight": 4}, "3批次", "0"),
    # weight 10: 2 cases → 10 − 2 × 0.5 = 9; 4 cases → the band → 0
    ("检查发现不合规项目的，每项扣0.5分；发现4项及以上不得分", {"weight": 10}, "2", "9"),
    ("检查发现不合规项目的，每项扣0.5分；发现4项及以上不得分", {"weight": 10}, "4", "0"),
    # ---- days late: the band 超过10天未报送 is on the same count of days
    # weight 2: 3 days → 2 − 3 × 0.2 = 1.4; 0 → 2; 10 → 2 − 2 = 0; 12 → band → 0
    ("报告在规定时间内报送的得满分，每迟报1天扣0.2分，超过10天未报送的不得分", {"weight": 2}, "3", "1.4"),
    ("报告在规定时间内报送的得满分，每迟报1天扣0.2分，超过10天未报送的不得分", {"weight": 2}, "0", "2"),
    ("报告在规定时间内报送的得满分，每迟报1天扣0.2分，超过10天未报送的不得分", {"weight": 2}, "12", "0"),
    # weight 5: 每逾期1天扣0.5分, 超过5天不得分: 4 days → 5 − 2 = 3; 6 → 0
    ("按时报送得满分，每逾期1天扣0.5分，逾期超过5天的不得分", {"weight": 5}, "4", "3"),
    ("按时报送得满分，每逾期1天扣0.5分，逾期超过5天的不得分", {"weight": 5}, "6", "0"),
    # ---- a passive veto (被…通报) is an event: a count answers it, 0 = it did not happen
    # {2 cases, not notified} → 4 − 2 = 2; {0, notified once} → veto → 0
    ("资金使用合规率100%得满分，每发现一例不合规扣1分，被审计部门通报的直接计0分",
     {"weight": 4, "target": "100%", "comparator": "≥", "unit": "%"}, {1: "2", 2: "0"}, "2"),
    ("资金使用合规率100%得满分，每发现一例不合规扣1分，被审计部门通报的直接计0分",
     {"weight": 4, "target": "100%", "comparator": "≥", "unit": "%"}, {1: "0", 2: "1"}, "0"),
    ("资金使用合规率100%得满分，每发现一例不合规扣1分，被审计部门通报的直接计0分",
     {"weight": 4, "target": "100%", "comparator": "≥", "unit": "%"}, {1: "1", 2: "是"}, "3"),
    # 受到 likewise: 1 time → veto; 0 → the deduction alone: 6 − 1 × 2 = 4
    ("每发生一起安全事故扣2分，受到上级通报批评的本项不得分", {"weight": 6}, {1: "1", 2: "0"}, "4"),
    ("每发生一起安全事故扣2分，受到上级通报批评的本项不得分", {"weight": 6}, {1: "0", 2: "1"}, "0"),
    # a veto naming a state, not an event, still takes 是/否 only
    ("每发生一起安全事故扣2分，资料不齐全的本项不得分", {"weight": 6}, {1: "0", 2: "1"}, None),
    # ---- 一票否决： heading the clause it vetoes
    # weight 3: 0 events → 3; 1 → veto → 0; 未发生 names the full-marks case → 3
    ("一票否决：发生重大舆情事件的，该项不得分；未发生的，得满分。", {"weight": 3}, "0", "3"),
    ("一票否决：发生重大舆情事件的，该项不得分；未发生的，得满分。", {"weight": 3}, "1", "0"),
    ("一票否决：发生重大舆情事件的，该项不得分；未发生的，得满分。", {"weight": 3}, "未发生", "3"),
    ("一票否决：发生重大舆情事件的，该项不得分；未发生的，得满分。", {"weight": 3}, "是", "3"),
    # the heading before a band: 满意度低于60%的不得分 is the veto; 55% → 0
    ("一票否决：满意度低于60%的不得分", {"weight": 5, "target": "90%", "unit": "%"}, "55%", "0"),
    # ---- numbered items closed by 每完成1项取得该项分数: the count of items done (equal points)
    # four items of 2: 3 done → 3 × 2 = 6; 0 → 0; 4 → 8; 5 is more than there are → refused
    ("（1）按规定编制绩效目标，得2分；（2）开展绩效运行监控，得2分；（3）开展绩效自评，得2分；（4）自评结果公开，得2分。每完成1项取得该项分数。",
     {"weight": 8}, "3", "6"),
    ("（1）按规定编制绩效目标，得2分；（2）开展绩效运行监控，得2分；（3）开展绩效自评，得2分；（4）自评结果公开，得2分。每完成1项取得该项分数。",
     {"weight": 8}, "0", "0"),
    ("（1）按规定编制绩效目标，得2分；（2）开展绩效运行监控，得2分；（3）开展绩效自评，得2分；（4）自评结果公开，得2分。每完成1项取得该项分数。",
     {"weight": 8}, "4项", "8"),
    ("（1）按规定编制绩效目标，得2分；（2）开展绩效运行监控，得2分；（3）开展绩效自评，得2分；（4）自评结果公开，得2分。每完成1项取得该项分数。",
     {"weight": 8}, "5", None),
    ("（1）按规定编制绩效目标，得2分；（2）开展绩效运行监控，得2分；（3）开展绩效自评，得2分；（4）自评结果公开，得2分。每完成1项取得该项分数。",
     {"weight": 8}, "是", None),
    # {是, 是, 否, 否} → 2 + 2 = 4
    ("（1）按规定编制绩效目标，得2分；（2）开展绩效运行监控，得2分；（3）开展绩效自评，得2分；（4）自评结果公开，得2分。每完成1项取得该项分数。",
     {"weight": 8}, {1: "是", 2: "是", 3: "否", 4: "否"}, "4"),
    # items of different points: a count does not say which → refused; each answered: 1 + 2 = 3
    ("①健全制度（1分）；②开展监控（2分）。每完成1项取得该项分数", {"weight": 3}, "1", None),
    ("①健全制度（1分）；②开展监控（2分）。每完成1项取得该项分数", {"weight": 3}, {1: "是", 2: "是"}, "3"),
    # ---- 酌情扣分 under a condition: outside it nothing is deducted; inside, a hand score (refused here)
    # weight 5, target 90%: 95% → 5; 90% (低于 excludes 90) → 5; 85% → by hand
    ("满意度低于90%的酌情扣分", {"weight": 5, "target": "90%", "comparator": "≥", "unit": "%"}, "95%", "5"),
    ("满意度低于90%的酌情扣分", {"weight": 5, "target": "90%", "comparator": "≥", "unit": "%"}, "90%", "5"),
    ("满意度低于90%的酌情扣分", {"weight": 5, "target": "90%", "comparator": "≥", "unit": "%"}, "85%", None),
    # 酌情评分 is an award by hand: 95% lies in no clause (a gap, 0 by §1) — nothing says it is full marks
    ("满意度低于90%的酌情评分", {"weight": 5, "target": "90%", "comparator": "≥", "unit": "%"}, "95%", "0"),
    # ---- the rule's own clause on missing data
    # weight 10, target 90%: 81% → 10 × 81/90 = 9; 95% → 10; 数据缺失 → the clause: 0; 待统计 (also missing) → 0
    ("满意度达到90%以上的，得满分；未达到的，按比例得分；数据缺失的不得分",
     {"weight": 10, "target": "90%", "comparator": "≥", "unit": "%"}, "81%", "9"),
    ("满意度达到90%以上的，得满分；未达到的，按比例得分；数据缺失的不得分",
     {"weight": 10, "target": "90%", "comparator": "≥", "unit": "%"}, "95%", "10"),
    ("满意度达到90%以上的，得满分；未达到的，按比例得分；数据缺失的不得分",
     {"weight": 10, "target": "90%", "comparator": "≥", "unit": "%"}, "数据缺失", "0"),
    ("满意度达到90%以上的，得满分；未达到的，按比例得分；数据缺失的不得分",
     {"weight": 10, "target": "90%", "comparator": "≥", "unit": "%"}, "待统计", "0"),
    # without such a clause missing data stays no outcome: refused
    ("满意度达到90%以上的，得满分；未达到的，按比例得分",
     {"weight": 10, "target": "90%", "comparator": "≥", "unit": "%"}, "数据缺失", None),
]


@pytest.mark.parametrize(("text", "row", "actual", "want"), CASES)
def test_hand_case(text: str, row: dict[str, Any], actual: Any, want: str | None) -> None:
    got = _score(text, actual, **row)
    if want is None:
        assert got is None, f"{text} with {actual!r} should be refused, scored {got}"
    else:
        assert got == Decimal(want), f"{text} with {actual!r}: {got}, by hand {want}"


@pytest.mark.parametrize(
    "text",
    [
        "抽查发现不合格批次的，每批次扣1分；发现3批次及以上不得分",
        "报告在规定时间内报送的得满分，每迟报1天扣0.2分，超过10天未报送的不得分",
        "一票否决：发生重大舆情事件的，该项不得分；未发生的，得满分。",
        "（1）按规定编制绩效目标，得2分；（2）开展绩效运行监控，得2分。每完成1项取得该项分数。",
        "满意度低于90%的酌情扣分",
        "满意度达到90%以上的，得满分；未达到的，按比例得分；数据缺失的不得分",
    ],
)
def test_round_trip(text: str) -> None:
    rule = scoring.parse(text)
    assert scoring.parse(scoring.render(rule)) == rule, scoring.render(rule)


def test_the_count_is_the_one_input() -> None:
    """The zero band and the steps read one count: the reading shows one input, a count in the counter."""
    reading = scoring.bind(scoring.parse("抽查发现不合格批次的，每批次扣1分；发现3批次及以上不得分"))
    assert [(i.kind, i.unit) for i in reading.inputs] == [("count", "批次")]
    reading = scoring.bind(scoring.parse("报告在规定时间内报送的得满分，每迟报1天扣0.2分，超过10天未报送的不得分"))
    assert [(i.kind, i.unit) for i in reading.inputs] == [("count", "天")]


@pytest.mark.parametrize(
    "text",
    [
        "每发现1次违规扣1分，开展培训少于2次的不得分",  # 开展培训 counts trainings, not the 违规 (§69 unchanged)
        "抽查发现不合格批次的，每批次扣1分；培训3批次及以上不得分",  # 培训 is not what the context clause names
        "每迟报1天扣0.2分，超过10天质量不合格的不得分",  # days, but of no lateness or missed report
    ],
)
def test_a_band_on_something_else_stays_apart(text: str) -> None:
    reading = scoring.bind(scoring.parse(text))
    assert len(reading.inputs) == 2, reading.describe()


def test_a_passive_veto_reads_as_an_event() -> None:
    reading = scoring.bind(scoring.parse("每发现一例不合规扣1分，被审计部门通报的直接计0分"))
    assert "或填发生次数" in reading.inputs[-1].meaning


def test_a_heading_veto_needs_its_case() -> None:
    assert _refused("一票否决：发生重大舆情事件的") == "veto-without-condition"
    assert _refused("一票否决：完成得满分") == "veto-without-condition"
    # two worded zeros after the heading, neither a veto already: which one is not written
    assert _refused("一票否决：资料不全的不得分；制度不健全的不得分") == "veto-without-condition"


def test_hand_deduction_is_marked_in_the_node() -> None:
    deduct = scoring.parse("满意度低于90%的酌情扣分")
    award = scoring.parse("满意度低于90%的酌情评分")
    assert isinstance(deduct, scoring.Rule) and isinstance(award, scoring.Rule)
    assert deduct.awards[0].outcome == nodes.ByHand(deduct=True)
    assert award.awards[0].outcome == nodes.ByHand()


def test_hand_deduction_bounds() -> None:
    with pytest.raises(scoring.EvaluationError) as e:
        scoring.evaluate("满意度低于90%的酌情扣分", "85%", target="90%", comparator="≥", unit="%", weight=5)
    assert (e.value.low, e.value.high) == (Decimal("0.00"), Decimal("5.00"))  # type: ignore[attr-defined]


def test_the_missing_data_clause_is_no_input() -> None:
    reading = scoring.bind(scoring.parse("满意度达到90%以上的，得满分；未达到的，按比例得分；数据缺失的不得分"),
                           target="90%", comparator="≥", unit="%")  # fmt: skip
    assert [i.kind for i in reading.inputs] == ["value"]
    assert any(d.what == "数据缺失" and d.stated for d in reading.decisions)


def test_a_count_of_items_is_shown_in_the_reading() -> None:
    reading = scoring.bind(scoring.parse(
        "（1）按规定编制绩效目标，得2分；（2）开展绩效运行监控，得2分；（3）开展绩效自评，得2分。每完成1项取得该项分数。"))
    assert any("完成的项数" in d.value for d in reading.decisions)
