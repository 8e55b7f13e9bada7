"""The reading: what a rule needs (typed inputs) and how it reads on an indicator, each decision
marked stated or default. Expectations written from the rule text and docs/semantics.md."""

from __future__ import annotations

import subprocess
import sys

import scoring
from scoring.reading.bind import Decision


def test_a_rule_with_a_value_and_a_veto_needs_two_answers() -> None:
    rule = scoring.parse("满意度90%及以上得满分，每5%扣2分，低于75%不得分；发生重大投诉的直接计0分")
    reading = scoring.bind(rule, target="≥90%", unit="%")
    assert [(i.key, i.kind) for i in reading.inputs] == [("实际值", "value"), (1, "flag")]
    assert reading.inputs[0].unit == "%" and reading.inputs[0].name == "满意度"
    assert "重大投诉" in reading.inputs[1].name
    what = {(d.what, d.value, d.stated) for d in reading.decisions}
    # nothing about direction, basis or partial steps is written: each is a named default
    assert ("方向", "只计低于的部分", False) in what
    assert ("百分比口径", "百分点", False) in what
    assert ("不足一档", "按比例", False) in what
    assert all(d.source.startswith("semantics") for d in reading.decisions if not d.stated)


def test_stated_readings_are_marked_stated() -> None:
    rule = scoring.parse("每超过一个百分点扣0.5分，不足一档按一档计，最多扣3分，扣完为止")
    reading = scoring.bind(rule, target="≤100%")
    stated = {d.what for d in reading.decisions if d.stated}
    assert {"方向", "百分比口径", "不足一档", "上限", "下限"} <= stated


def test_a_bonus_cap_reads_as_a_cap_on_what_is_added() -> None:
    reading = scoring.bind(scoring.parse("每开展一项加2分，最高不超过4分"))
    assert ("上限", "最多加4分") in {(d.what, d.value) for d in reading.decisions}
    # nothing is deducted, so no floor of the deductions is shown
    assert not any(d.what == "下限" for d in reading.decisions)


def test_an_event_rule_needs_a_count_and_a_worded_rule_its_labels() -> None:
    events = scoring.bind(scoring.parse("每发现一例不合规扣1分，扣完为止"))
    (only,) = events.inputs
    assert (only.key, only.kind, only.unit) == ("实际值", "count", "例") and "不合规" in only.name
    grades = scoring.bind(scoring.parse("合理得2分；基本合理得1分；不合理不得分"))
    assert grades.inputs[0].kind == "grade" and grades.inputs[0].choices == ("合理", "基本合理", "不合理")


def test_a_default_edge_is_a_decision() -> None:
    reading = scoring.bind(scoring.parse("80%-90%得5分"))
    assert Decision("分档", "下限端点", "含", False, "semantics §1") in reading.decisions


def test_the_command_line_shows_the_reading() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "scoring", "parse", "满意度90%及以上得满分，每5%扣2分", "--target", "≥90%"],
        capture_output=True, text=True, check=True,
    ).stdout
    assert "需要的实际值" in out and "默认（semantics §4" in out


def test_without_a_comparator_the_full_marks_band_gives_the_direction() -> None:
    """满意度90%及以上得满分 with no 指标值类型: steps count the shortfall only, as the evaluator does."""
    rule = scoring.parse("满意度90%及以上得满分，每5%扣2分")
    (direction,) = [d for d in scoring.bind(rule).decisions if d.what == "方向"]
    assert (direction.value, direction.stated) == ("只计低于的部分", False)
    # 95% is above the band: no deduction; 85% is one step short: 10 − 2
    assert scoring.evaluate(rule, "95%", weight=10).points == 10
    assert scoring.evaluate(rule, "85%", weight=10).points == 8
