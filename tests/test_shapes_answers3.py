"""Answers found by the seventh blind probe (docs/semantics.md §92): 是 on a rule that reads only a count, a
fraction of a count of events, and a grade answered by the label's words after its opening. Variants of the
probe texts; each expectation is computed by hand from the rule text and the semantics (arithmetic beside
each case)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

import scoring


def _points(text: str, actual: Any, **row: Any) -> Decimal:
    return scoring.evaluate(text, actual, **row).points


def _compiled(text: str, actual: Any, **row: Any) -> Decimal:
    return scoring.compile(text, **row).score(actual).points


# ------------------------------------------------------------------ 是 on a rule that reads a count

LADDER = "获得市级以上表彰4次及以上得满分，2-3次得4分，1次得2分，未获得不得分"
LADDER_ROW = {"target": "4", "comparator": "≥", "unit": "次", "weight": 6}


@pytest.mark.parametrize(
    ("actual", "want"),
    [
        ("5", "6"),  # 4次及以上: full marks
        ("3", "4"),  # 2-3次
        ("1", "2"),  # 1次
        ("0", "0"),  # 未获得: no band of a count holds; the worded zero
    ],
)
def test_count_ladder_scores_counts(actual: str, want: str) -> None:
    assert _points(LADDER, actual, **LADDER_ROW) == Decimal(want)


@pytest.mark.parametrize("answer", ["是", "完成", "达标"])
def test_count_ladder_refuses_yes(answer: str) -> None:
    # 未获得 names the zero count; nothing says which count 是 is (it scored full marks)
    with pytest.raises(scoring.ScoringError, match="需要实际数值"):
        _points(LADDER, answer, **LADDER_ROW)


def test_yes_still_answers_a_condition_tied_to_the_target() -> None:
    # 完成 ties 是 to the target (semantics §14): 是 → the full-marks clause, 10
    text = "完成率100%得满分，未完成的不得分"
    assert _points(text, "是", target="100%", comparator="≥", unit="%", weight=10) == Decimal("10")


COUNT_UP = "每完成1项重点任务得1.5分，最高6分"
COUNT_UP_ROW = {"target": "4", "comparator": "≥", "unit": "项", "weight": 6}


@pytest.mark.parametrize(("actual", "want"), [("0", "0"), ("2", "3"), ("5", "6")])  # 2 × 1.5; 5 × 1.5 = 7.5 capped at 6
def test_count_up_award_scores_counts(actual: str, want: str) -> None:
    assert _points(COUNT_UP, actual, **COUNT_UP_ROW) == Decimal(want)


@pytest.mark.parametrize("answer", ["是", "完成"])
def test_count_up_award_refuses_yes(answer: str) -> None:
    # the points count the tasks done; 是 gives no count (it scored the cap, 6)
    with pytest.raises(scoring.ScoringError, match="需要填写数量"):
        _points(COUNT_UP, answer, **COUNT_UP_ROW)


# ------------------------------------------------------------------ a count of events is whole

EVENTS = "每发现一例违规报销扣0.5分，扣完为止"
EVENTS_ROW = {"target": "0", "comparator": "=", "unit": "例", "weight": 3}


@pytest.mark.parametrize("score", [_points, _compiled])
@pytest.mark.parametrize(("actual", "want"), [("0", "3"), ("4", "1"), ("4例", "1"), ("7", "0")])  # 3 − 4 × 0.5 = 1
def test_events_whole_counts(score: Any, actual: str, want: str) -> None:
    assert score(EVENTS, actual, **EVENTS_ROW) == Decimal(want)


@pytest.mark.parametrize("score", [_points, _compiled])
@pytest.mark.parametrize("actual", ["1.5", "2.5例"])
def test_events_fraction_refused(score: Any, actual: str) -> None:
    with pytest.raises(scoring.ScoringError, match="应为整数"):
        score(EVENTS, actual, **EVENTS_ROW)


def test_days_may_be_a_fraction() -> None:
    # days are no counter of events (§88 converts hours to days exactly): 1.5 days × 0.2 per day = 0.3 → 1.7
    text = "每迟报1天扣0.2分，扣完为止"
    assert _points(text, "1.5", target="0", comparator="=", unit="天", weight=2) == Decimal("1.7")


# ------------------------------------------------------------------ a grade answered after its opening

LEVELS = "项目管理制度已健全的得满分，正在完善的得3分，未建立的不得分"
LEVELS_ROW = {"target": "已健全", "weight": 5}


@pytest.mark.parametrize(
    ("actual", "want"),
    [
        ("已健全", "5"),  # 项目管理制度 + 已健全: the first level without its subject
        ("项目管理制度已健全", "5"),  # the label's words
        ("正在完善", "3"),
        ("未建立", "0"),
    ],
)
def test_level_after_its_opening(actual: str, want: str) -> None:
    assert _points(LEVELS, actual, **LEVELS_ROW) == Decimal(want)


BUILT = "长效管护机制已建立的得满分，正在建立的得2分，未建立的不得分"


@pytest.mark.parametrize(("actual", "want"), [("已建立", "4"), ("正在建立", "2"), ("未建立", "0")])
def test_built_levels(actual: str, want: str) -> None:
    # 长效管护机制 + 已建立: the first level named after its opening; the others as written
    assert _points(BUILT, actual, target="已建立", weight=4) == Decimal(want)


@pytest.mark.parametrize("actual", ["建立", "立", "机制已建立", "管护机制"])
def test_a_bare_ending_names_no_level(actual: str) -> None:
    # 建立 ends all three labels; 机制已建立 opens with no level word (a part of the subject); 管护机制 ends none
    with pytest.raises(scoring.ScoringError):
        _points(BUILT, actual, target="已建立", weight=4)


def test_a_negated_opening_is_not_the_level() -> None:
    # 资金未 + 按时拨付: the opening ends with 未, so 按时拨付 does not name the negative label; it names none
    text = "资金按时足额拨付得满分，资金未按时拨付不得分"
    with pytest.raises(scoring.ScoringError):
        _points(text, "按时拨付", target="按时足额拨付", weight=4)


def test_an_answer_after_two_openings_is_refused() -> None:
    # 已完成 ends both 年度任务已完成 and 专项任务已完成: it names two labels (a checklist or levels alike)
    text = "年度任务已完成得3分，专项任务已完成得2分"
    with pytest.raises(scoring.ScoringError):
        _points(text, "已完成", weight=5)


# ------------------------------------------------------------------ a veto answered by its own verb

SEWAGE = "出现黑臭水体的，本项不得分；否则得满分"
MISUSE = "存在虚报冒领补贴资金情况的，本指标计0分"


@pytest.mark.parametrize(
    ("text", "actual", "want"),
    [
        (SEWAGE, "出现", "0"),  # the veto's verb: it happened
        (SEWAGE, "未出现", "4"),  # the verb negated: it did not; 否则得满分
        (SEWAGE, "没有出现", "4"),
        (MISUSE, "存在", "0"),
        (MISUSE, "不存在", "4"),  # only the veto: not triggered, full marks
    ],
)
def test_veto_answered_by_its_verb(text: str, actual: str, want: str) -> None:
    assert _points(text, actual, weight=4) == Decimal(want)


@pytest.mark.parametrize("actual", ["存在", "未存在问题", "出现问题"])
def test_another_verb_or_more_words_answer_no_veto(actual: str) -> None:
    # 存在 is not the verb 出现黑臭水体 opens with; 出现问题 is more than the verb: no reading
    with pytest.raises(scoring.ScoringError):
        _points(SEWAGE, actual, weight=4)


def test_a_negated_verb_does_not_answer_other_words() -> None:
    # 完成任务 is a second worded input: 未出现 does not answer it (one answer is not copied to two inputs)
    text = "出现黑臭水体的，本项不得分；完成整治任务得满分"
    with pytest.raises(scoring.ScoringError):
        _points(text, "未出现", weight=4)


# ------------------------------------------------------------------ levels of government are alternatives

AWARDS = "获得国家级表彰得6分，获得省级表彰得4分，获得市级表彰得2分"


@pytest.mark.parametrize(("actual", "want"), [("获得国家级表彰", "6"), ("获得省级表彰", "4"), ("获得市级表彰", "2")])
def test_tiers_are_alternatives(actual: str, want: str) -> None:
    # one award of the three, by its words (not a checklist adding 6 + 4 + 2)
    assert _points(AWARDS, actual, weight=6) == Decimal(want)


@pytest.mark.parametrize("actual", ["是", "否"])
def test_tiers_refuse_yes_no(actual: str) -> None:
    # 是 names no tier; 否 (none won) is no band of the text (it would have scored the lowest, 2)
    with pytest.raises(scoring.ScoringError, match="请写出获得的级别"):
        _points(AWARDS, actual, weight=6)


def test_different_things_at_tiers_stay_a_checklist() -> None:
    # 表彰 and 立项 are two things, not one thing at two tiers: {是, 是} → 3 + 2
    text = "获得省级表彰得3分，获得市级立项得2分"
    assert _points(text, {1: "是", 2: "是"}, weight=5) == Decimal("5")
