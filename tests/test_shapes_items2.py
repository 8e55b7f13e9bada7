"""Items counted and items broken down (issue 11, semantics §67): a 、-list of (N分) items with
每完成1项取得该项分数 (dev-100), a breakdown (2分×4项,即…) of the points before it (dev-058), one rule applied
to each item of a breakdown refused (dev-059), and 1次计N分 beside 迟报、不报的计0分 read per occurrence
(dev-020). Every expectation is computed by hand from the text; the arithmetic is in the comments."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

import scoring
from scoring.rules import nodes as n
from scoring.rules.lexicon import lexicon
from scoring.rules.render import render


def _points(text: str, actual: Any, **row: Any) -> Decimal:
    return scoring.evaluate(text, actual, **row).points


def _refused(text: str, actual: Any, **row: Any) -> None:
    with pytest.raises(scoring.ScoringError):
        scoring.evaluate(text, actual, **row)


def _code(text: str) -> str:
    with pytest.raises(scoring.RuleSyntaxError) as e:
        scoring.parse(text)
    return e.value.code


def _round_trip(text: str) -> None:
    r = scoring.parse(text)
    assert scoring.parse(render(r)) == r


# ---------------------------------------------------------------- a 、-list counted per item

LIST3 = "制定办法2分、成立小组2分、印制手册2分,每完成1项取得该项分数"


def test_a_list_of_items_separated_by_the_enumeration_comma_is_a_checklist() -> None:
    r = scoring.parse(LIST3)
    assert isinstance(r, n.Rule) and r.per_item
    labels = [a.condition.text for a in r.awards if isinstance(a.condition, n.Label)]
    assert labels == ["制定办法", "成立小组", "印制手册"]
    assert [a.outcome for a in r.awards] == [n.Points(Decimal(2))] * 3


@pytest.mark.parametrize(
    ("actual", "points"),
    [
        ("3", "6"),  # 3 × 2
        ("2", "4"),  # 2 × 2
        ("0", "0"),  # none met
        ("2项", "4"),  # the count with its counter
        ({1: "是", 2: "否", 3: "是"}, "4"),  # 2 + 0 + 2
        ({1: "否", 2: "否", 3: "否"}, "0"),
    ],
)
def test_each_item_met_scores_its_points_a_count_or_each_answer(actual: Any, points: str) -> None:
    assert _points(LIST3, actual, weight="6") == Decimal(points)


@pytest.mark.parametrize("actual", ["4", "1.5", "-1", "50%", "是"])
def test_a_count_outside_the_items_or_not_a_count_is_refused(actual: str) -> None:
    # 4 > 3 items, 1.5 is not a whole item, 50% is not a count, 是 does not say which items
    _refused(LIST3, actual, weight="6")


def test_a_count_needs_every_item_worth_the_same() -> None:
    text = "制定办法3分、成立小组2分,每完成1项取得该项分数"
    _refused(text, "1", weight="5")  # 1 item met: 3 or 2, which one is not said
    assert _points(text, {1: "是", 2: "否"}, weight="5") == Decimal(3)


def test_without_per_item_words_a_count_is_refused_as_before() -> None:
    text = "制定办法2分、成立小组2分"
    assert _points(text, {1: "是", 2: "是"}, weight="4") == Decimal(4)
    _refused(text, "2", weight="4")


def test_the_zero_of_items_not_met_says_per_item_too() -> None:
    text = "制定办法2分、成立小组2分、印制手册2分,未完成项不得分"
    assert _points(text, "2", weight="6") == Decimal(4)  # 2 × 2


def test_heading_count_and_its_check() -> None:
    ok = "考查2项指标的完成情况,按实现程度计分。其中:制定办法2分、成立小组2分,每完成1项取得该项分数"
    assert _points(ok, "1", weight="4") == Decimal(2)  # 1 × 2
    bad = "考查3项指标的完成情况,按实现程度计分。其中:制定办法2分、成立小组2分,每完成1项取得该项分数"
    assert _code(bad) == "item-count"  # 3项 written, 2 listed


def test_per_item_words_without_a_checklist_are_refused() -> None:
    assert _code("完成任务得满分,每完成1项取得该项分数") == "per-item"


def test_the_enumeration_comma_between_points_lists_stays_a_list() -> None:
    # 分别得6分、4分和2分: the 、 before a number is the list's, not a clause separator
    r = scoring.parse("超过80%、70%、60%，分别得6分、4分、2分")
    assert [a.outcome for a in r.awards] == [n.Points(Decimal(6)), n.Points(Decimal(4)), n.Points(Decimal(2))]


# ---------------------------------------------------------------- (2分×4项,即…): a breakdown


BREAKDOWN = "签订责任状(6分)(2分×3项,即甲、乙、丙)且落实的得6分。每少一项扣2分"


@pytest.mark.parametrize(("actual", "points"), [("3", "6"), ("2", "4"), ("1", "2"), ("0", "0")])
def test_a_breakdown_of_the_points_before_it_scores_nothing(actual: str, points: str) -> None:
    # target 3 项: 3 → 6; each item short loses 2: 2 → 4, 1 → 2, 0 → 0
    assert _points(BREAKDOWN, actual, target="3", comparator="≥", unit="项", weight="6") == Decimal(points)


def test_the_deduction_counts_from_the_items_of_the_breakdown() -> None:
    r = scoring.parse(BREAKDOWN)
    (d,) = r.deductions
    assert d.start == n.Edge(n.Quantity(Decimal(3), "项"), True)


def test_a_breakdown_whose_product_is_not_the_points_before_it_is_refused() -> None:
    assert _code("签订责任状(6分)(2分×4项,即甲、乙、丙、丁)且落实的得6分。每少一项扣2分") == "breakdown-product"


def test_a_breakdown_alone_states_the_weight() -> None:
    text = "签订责任状(2分×4项)，每少一项扣2分"
    r = scoring.parse(text)
    assert r.stated_weight == Decimal(8)  # 2 × 4
    # weight 8 from 4 项: 3 → 1 short → 6
    assert _points(text, "3", target="4", comparator="≥", unit="项", weight="8") == Decimal(6)


def test_one_rule_for_each_item_of_a_breakdown_scores_each_item() -> None:
    # semantics §77: 12分×2项 with a rule that does not count the items: each item scored alone by it, within 12
    text = "免疫密度(12分×2项,即甲和乙)。检查免疫密度达100%的得满分,每低一个百分点扣2分,扣完为止。"
    r = scoring.parse(text)
    assert isinstance(r, scoring.Composite) and [(i.number, i.points) for i in r.items] == [(1, 12), (2, 12)]
    # 甲 98% → 12 − 4 = 8; 乙 95% → 12 − 10 = 2; 10 of 24
    assert _points(text, {1: "98%", 2: "95%"}, weight="24") == Decimal(10)
    # 乙 90% → 12 − 20, floored at 0: 11.5 + 0 (99.75%: 0.25 × 2 = 0.5 lost)
    assert _points(text, {1: "99.75%", 2: "90%"}, weight="24") == Decimal("11.5")
    # one density is never copied to both items
    with pytest.raises(scoring.EvaluationError):
        _points(text, "98%", weight="24")
    # a deduction per item worth another amount counts the items: no rule per item, refused as before
    assert _code("签订责任状(2分×4项)，每少一项扣1分") == "per-item-rule"


# ---------------------------------------------------------------- 1次计N分 beside 迟报、不报的计0分


SCHEDULE = "每月10日、25日按要求报送报表,1次计2分,迟报、不报的计0分"


@pytest.mark.parametrize(("actual", "points"), [("2", "4"), ("1", "2"), ("0", "0"), ("3", "4")])
def test_an_award_for_one_occurrence_beside_a_zero_for_a_missed_one_is_per_occurrence(actual: str, points: str) -> None:
    # 2 reports × 2 = 4; 1 → 2; 3 → 6, capped at the weight 4
    assert _points(SCHEDULE, actual, unit="次", weight="4") == Decimal(points)


def test_the_schedule_is_a_requirement_and_the_zero_a_note() -> None:
    r = scoring.parse(SCHEDULE)
    req = [c for c in r.clauses if isinstance(c, n.Requirement)]
    assert [q for c in req for q in c.terms] == [n.Quantity(Decimal(10), "日"), n.Quantity(Decimal(25), "日")]
    (d,) = r.deductions
    assert d.bonus and d.points == Decimal(2) and d.step == n.Quantity(Decimal(1), "次")
    assert not [a for a in r.awards if isinstance(a.outcome, n.Zero)]


def test_a_percentage_is_not_a_count_of_reports() -> None:
    _refused(SCHEDULE, "80%", unit="次", weight="4")


def test_without_the_missed_zero_one_occurrence_stays_undecided() -> None:
    # §62: 1次计2.5分 alone is once or each time; two reports are refused
    _refused("报送报告1次计2.5分", "2", unit="次", weight="5")
    # a zero for something else (质量差) says nothing about missed reports
    _refused("报送报告1次计2.5分,质量差的计0分", "2", unit="次", weight="5")


def test_each_time_beside_the_missed_zero() -> None:
    text = "按时报送报表,每次计1分,漏报的计0分"
    assert _points(text, "3", unit="次", weight="4") == Decimal(3)  # 3 × 1


@pytest.mark.parametrize(
    "text",
    [
        LIST3,
        "考查2项指标的完成情况,按实现程度计分。其中:制定办法2分、成立小组2分,每完成1项取得该项分数,未完成项不得分",
        BREAKDOWN,
        "签订责任状(2分×4项)，每少一项扣2分",
        SCHEDULE,
        "按时报送报表,每次计1分,漏报的计0分",
    ],
)
def test_round_trip(text: str) -> None:
    _round_trip(text)


def test_render_writes_per_item_without_its_note() -> None:
    # a rule built without the note of its per-item phrase still reads back per item
    r = scoring.parse(LIST3)
    bare = n.Rule(tuple(c for c in r.clauses if not isinstance(c, n.Note)), per_item=True)
    assert "每完成1项取得该项分数" in render(bare)
    assert scoring.parse(render(bare)) == bare


@pytest.mark.parametrize(
    "entry", [e for c in lexicon() if c.name in ("PER_ITEM", "missed_occurrence") for e in c.entries],
    ids=lambda e: e.word or e.pattern,
)
def test_lexicon_examples(entry: Any) -> None:
    """Each PER_ITEM phrase makes its example's list per item; each missed occurrence makes its zero a note."""
    r = scoring.parse(entry.example)
    assert isinstance(r, n.Rule)
    if "1次计" in entry.example:
        assert not [a for a in r.awards if isinstance(a.outcome, n.Zero)] and len(r.deductions) == 1
    else:
        assert r.per_item
