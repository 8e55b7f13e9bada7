"""Lists of items and counted requirements (semantics §81, domain points 15–18): points for each of a
、-list (方案制定、组织实施各1分), 每完成1项取得该项分数 after numbered items, bracketed points after a
deduction (扣0.5分（2分）, （本项3分）), an award for one occurrence under a cap of its own (1篇得0.5分，最多得2分),
and a frequency restated by the year's count (每季度1次，全年4次). Every expectation is computed by hand from
the text; the arithmetic is in the comments."""

from __future__ import annotations

from decimal import Decimal

import pytest

import scoring
from scoring.rules import nodes as n
from scoring.rules.render import render
from tests.test_shapes_marks import _refused, _score

FOUR = "方案制定、组织实施、检查验收、总结报告各1分"
AFTER = "建立制度、配备人员、落实经费，各得1分"
FIRST = "每项工作各0.5分：建立台账、定期核查、及时公示、按时归档"


# ------------------------------------------------------------------ 各N分 over a 、-list


@pytest.mark.parametrize(
    ("text", "names", "each"),
    [
        (FOUR, ("方案制定", "组织实施", "检查验收", "总结报告"), "1"),
        (AFTER, ("建立制度", "配备人员", "落实经费"), "1"),
        (FIRST, ("建立台账", "定期核查", "及时公示", "按时归档"), "0.5"),
        # 和 inside a member that is not the last names one thing: two members
        ("建立和完善制度、配备人员各2分", ("建立和完善制度", "配备人员"), "2"),
    ],
)
def test_each_list_is_one_award_per_member(text: str, names: tuple[str, ...], each: str) -> None:
    rule = scoring.parse(text)
    assert isinstance(rule, n.Rule) and rule.per_item
    assert rule.clauses == tuple(n.Award(n.Label(m), n.Points(Decimal(each))) for m in names)
    assert scoring.parse(render(rule)) == rule


@pytest.mark.parametrize(
    ("text", "weight", "actual", "points"),
    [
        (FOUR, 4, {1: "是", 2: "是", 3: "否", 4: "是"}, "3"),  # 1 + 1 + 0 + 1
        (FOUR, 4, {"1": "否", "2": "否", "3": "否", "4": "否"}, "0"),
        (FOUR, 4, {"方案制定": "是", "组织实施": "否", "检查验收": "是", "总结报告": "否"}, "2"),  # by name: 1 + 1
        (FOUR, 4, "3", "3"),  # equal points: 3 items done × 1
        (FOUR, 4, "4项", "4"),
        (AFTER, 3, {1: "是", 2: "是", 3: "否"}, "2"),
        (AFTER, 3, "0", "0"),
        (FIRST, 2, {1: "是", 2: "否", 3: "是", 4: "是"}, "1.5"),  # 3 × 0.5
        (FIRST, 2, "4", "2"),  # 4 × 0.5
        ("制定方案、组织培训各1分，开展评估得2分", 4, {1: "是", 2: "否", 3: "是"}, "3"),  # 1 + 0 + 2
    ],
)
def test_each_list_scores_each_member_done(text: str, weight: int, actual: object, points: str) -> None:
    assert _score(text, actual, weight=weight) == Decimal(points)


@pytest.mark.parametrize(
    ("text", "actual"),
    [
        (FOUR, "是"),  # one 是 cannot answer four items
        (FOUR, "完成"),
        (FOUR, "否"),
        (FOUR, "5"),  # more items than listed
        (FOUR, "2.5"),
        (FOUR, {1: "是", 2: "是"}),  # items 3 and 4 unanswered
        (FOUR, {"方案制定": "是", "组织": "是", "检查验收": "是", "总结报告": "是"}),  # 组织 is no member's name
        ("制定方案、组织培训各1分，开展评估得2分", "2"),  # unequal points: which two?
    ],
)
def test_each_list_refuses_an_answer_that_does_not_say_which(text: str, actual: object) -> None:
    with pytest.raises(scoring.ScoringError):
        scoring.evaluate(text, actual, weight=4)


def test_one_answer_is_refused_with_what_is_needed() -> None:
    with pytest.raises(scoring.EvaluationError) as e:
        scoring.evaluate(FOUR, "是", weight=4)
    assert "一个“是”不能回答4项" in str(e.value) and "完成的项数" in str(e.value)


@pytest.mark.parametrize(
    "text",
    [
        "资料齐全各1分",  # one thing
        "制度、人员和经费各1分",  # 和 in the last member: two things or three?
        "方案制定、组织实施各1分，未完成不得分",  # which items does the zero score?
        "方案制定、组织实施各1分，每发现一例问题扣1分",
        "优秀、良好各1分",  # grade words: levels of one thing, not things done
        "每项工作各0.5分",  # no list
    ],
)
def test_unclear_each_lists_are_refused(text: str) -> None:
    assert _refused(text) == "each-list"


def test_the_reading_says_a_count_answers_equal_items() -> None:
    reading = scoring.bind(scoring.parse(FOUR))
    assert [i.kind for i in reading.inputs] == ["flag"] * 4
    assert any("完成的项数" in d.value for d in reading.decisions)


# ------------------------------------------------------------------ 每完成1项取得该项分数 after numbered items

PER_ITEM = "①健全绩效管理制度（1分）；②开展绩效运行监控（1分）；③开展绩效自评（2分）；④评价结果应用（1分）。每完成1项取得该项分数"


@pytest.mark.parametrize(
    ("actual", "points"),
    [
        ({1: "是", 2: "否", 3: "是", 4: "是"}, "4"),  # 1 + 0 + 2 + 1
        ({1: "否", 2: "是", 3: "否", 4: "否"}, "1"),
        ({1: "是", 2: "是", 3: "是", 4: "是"}, "5"),
    ],
)
def test_per_item_after_numbered_items(actual: object, points: str) -> None:
    assert _score(PER_ITEM, actual, weight=5) == Decimal(points)


def test_per_item_after_an_item_with_steps_is_refused() -> None:
    assert _refused("①健全制度（1分）；②资金到位率每低1%扣0.1分（2分）。每完成1项取得该项分数") == "per-item"


# ------------------------------------------------------------------ the points a deduction comes off

MIXED = "①资金到位率100%得2分，每低1%扣0.1分；②资金支出合规，发现一笔违规支出扣0.5分（2分）；③财务资料完整得1分"
STATED = "①项目立项程序规范得2分；②资金使用每发现一例违规扣1分（本项3分）"


@pytest.mark.parametrize(
    ("text", "actual", "points"),
    [
        (MIXED, {1: "98%", 2: "1", 3: "是"}, "4.3"),  # (2 − 2×0.1) + (2 − 0.5) + 1
        (MIXED, {1: "100%", 2: "0", 3: "否"}, "4"),  # 2 + 2 + 0
        (MIXED, {1: "100%", 2: "5", 3: "是"}, "3"),  # 2 + max(0, 2 − 2.5) + 1
        (STATED, {1: "是", 2: "1"}, "4"),  # 2 + (3 − 1)
        (STATED, {1: "否", 2: "4"}, "0"),  # 0 + max(0, 3 − 4)
    ],
)
def test_points_after_a_deduction_are_the_items_points(text: str, actual: object, points: str) -> None:
    assert _score(text, actual, weight=5) == Decimal(points)


def test_bracketed_points_after_a_deduction_state_the_item_weight() -> None:
    rule = scoring.parse(MIXED)
    assert isinstance(rule, n.Composite)
    assert [i.points for i in rule.items] == [Decimal(2), Decimal(2), Decimal(1)]
    assert scoring.parse(render(rule)) == rule


# ------------------------------------------------------------------ an award per occurrence, capped

CAPPED = "报送信息被采用1篇得0.5分，最多得2分。"


@pytest.mark.parametrize(
    ("actual", "points"),
    [("0", "0"), ("1", "0.5"), ("3", "1.5"), ("4", "2"), ("5", "2")],  # 0.5 each, at most 2
)
def test_a_capped_award_for_one_occurrence_accumulates(actual: str, points: str) -> None:
    assert _score(CAPPED, actual, weight=2, target="4", unit="篇", comparator="≥") == Decimal(points)


def test_a_cap_below_the_weight_bounds_the_award() -> None:
    # 1篇得0.5分，最多得1分 on a 2-point row: 3 articles → min(1.5, 1) = 1
    assert _score("信息被采用1篇得0.5分，最多得1分", "3", weight=2) == Decimal(1)


# ------------------------------------------------------------------ a frequency restated by the year's count


@pytest.mark.parametrize(
    ("text", "actual", "points"),
    [
        ("每季度开展1次督查，全年4次，每少1次扣1分。", "3", "3"),  # 4 − 1
        ("每季度开展1次督查，全年4次，每少1次扣1分。", "0", "0"),
        ("每季度召开一次分析会，全年不少于4次，每少一次扣0.5分。", "3", "3.5"),  # 4 − 0.5
        ("每季度召开一次分析会，全年不少于4次，每少一次扣0.5分。", "0", "2"),  # 4 − 4 × 0.5
        ("每半年开展1次评估，全年2次，每少1次扣2分", "1", "2"),  # 4 − 2
    ],
)
def test_a_frequency_restated_by_the_years_count(text: str, actual: str, points: str) -> None:
    assert _score(text, actual, weight=4, target="4次" if "季度" in text else "2次", comparator="≥") == Decimal(points)


@pytest.mark.parametrize(
    "text",
    ["每季度开展1次督查，全年3次，每少1次扣1分", "每季度召开两次分析会，全年不少于4次，每少一次扣0.5分", "每月报送1次，全年4次，每少1次扣1分"],
)
def test_a_frequency_that_disagrees_with_the_years_count_is_refused(text: str) -> None:
    assert _refused(text) == "frequency-total"


def test_a_frequency_without_the_years_count_stays_refused() -> None:
    # the year's count is not written (semantics §66)
    assert _refused("安全生产检查每季度不少于1次，每少1次扣0.5分") == "frequency-start"


def test_fen_after_a_count_is_a_word() -> None:
    # 召开1次分析会: 分 begins 分析会 (the lexer read it as points)
    rule = scoring.parse("召开1次分析会得满分，未召开不得分")
    assert isinstance(rule, n.Rule) and isinstance(rule.clauses[0], n.Award)


# ------------------------------------------------------------------ 共N项 after a count-up award


@pytest.mark.parametrize(("actual", "points"), [("0", "0"), ("3", "3"), ("5", "5")])  # 1 per task, 5 tasks
def test_items_in_all_bound_a_count_up_award(actual: str, points: str) -> None:
    assert _score("每完成1项规定任务得1分，共5项", actual, weight=5, target="5", unit="项", comparator="≥") == Decimal(points)


def test_items_in_all_read_as_the_awards_cap() -> None:
    rule = scoring.parse("每完成1项任务得2分，共3项")
    assert isinstance(rule, n.Rule) and [d.cap for d in rule.deductions] == [Decimal(6)]  # 3 × 2
    assert scoring.parse(render(rule)) == rule


@pytest.mark.parametrize("text", ["每完成1项规定任务得1分，共5篇", "每完成2项规定任务得1分，共5项"])
def test_items_in_all_in_another_counter_stay_unread(text: str) -> None:
    assert _refused(text) == "unread-number"


# ------------------------------------------------------------------ requirements beside the quantity scored

TRAINING = "全年组织培训不少于2次，每次参训人数不少于50人，每少1次扣1分。"
SAMPLE = "满意度调查样本量不少于200份，满意度≥90%得满分，每低1%扣1分。"


@pytest.mark.parametrize(("actual", "points"), [("2", "2"), ("1", "1"), ("0", "0"), ("3", "2")])  # 2 − short × 1
def test_what_each_occurrence_must_meet_is_a_requirement(actual: str, points: str) -> None:
    assert _score(TRAINING, actual, weight=2, target="2", unit="次", comparator="≥") == Decimal(points)


@pytest.mark.parametrize(("actual", "points"), [("88%", "8"), ("90%", "10"), ("95%", "10"), ("79%", "0")])
def test_how_the_value_is_measured_is_a_requirement(actual: str, points: str) -> None:
    # 10 − (90 − 88) × 1; 79% is 11 points short: clamped at 0
    assert _score(SAMPLE, actual, weight=10, target="90%", unit="%", comparator="≥") == Decimal(points)


@pytest.mark.parametrize(("text", "term", "says"), [(TRAINING, "50人", "每次应达到"), (SAMPLE, "200份", "测量应满足")])
def test_the_reading_shows_the_requirement(text: str, term: str, says: str) -> None:
    rule = scoring.parse(text)
    assert isinstance(rule, n.Rule) and scoring.parse(render(rule)) == rule
    reqs = [c for c in rule.clauses if isinstance(c, n.Requirement)]
    assert len(reqs) == 1 and term in reqs[0].text
    decisions = scoring.bind(rule, target="2", unit="次", comparator="≥").decisions
    assert any(d.what == "要求" and says in d.value and term in d.value for d in decisions)


@pytest.mark.parametrize(
    "text",
    [
        "培训人数不少于200人，满意度≥90%得满分，每少10人扣1分",  # 人 is the steps' unit: a start or a requirement?
        "全年组织培训不少于2次，每次参训人数不少于50人，每少1人扣1分",  # the steps count people, not sessions
    ],
)
def test_a_requirement_in_a_unit_the_rule_scores_stays_unread(text: str) -> None:
    assert _refused(text) == "unread-number"
