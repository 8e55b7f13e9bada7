"""This round's shapes, part 2: shortfall tiers in percentage points, item marks and checklists,
rank steps, bounded judgement, and the regressions refused (docs/semantics.md §20-). Expected
scores are computed by hand from the rule text and docs/semantics.md."""

from __future__ import annotations

from decimal import Decimal

import pytest

import scoring
from scoring.rules import nodes


def _score(text: str, actual: object, **kw: object) -> Decimal:
    return scoring.evaluate(scoring.parse(text), actual, **kw).points  # type: ignore[arg-type]


# ------------------------------------------------------------------ shortfall tiers (domain point 16)

TIERS = "完成率低于目标10个百分点以内的扣3分，低10至20个百分点的扣6分，低20个百分点以上的不得分"


def test_shortfall_tiers_read_as_bands_on_the_gap() -> None:
    rule = scoring.parse(TIERS)
    assert isinstance(rule, nodes.Rule)
    ranges = [a.condition for a in rule.awards]
    assert all(isinstance(r, nodes.Range) and r.measure is nodes.Measure.GAP for r in ranges)
    assert len(rule.deductions) == 0


@pytest.mark.parametrize(
    ("actual", "points"),
    [
        ("100%", "10"),  # the target met: no band applies, full marks
        ("101%", "10"),
        ("95%", "7"),  # 5 points short: 10 - 3
        ("90%", "7"),  # 10 short: 以内 includes 10
        ("89%", "4"),  # 11 short: 10 - 6
        ("80%", "4"),  # 20 short: the band 10至20 is listed first
        ("79.5%", "0"),  # 20.5 short: 不得分
    ],
)
def test_shortfall_tiers_target_100(actual: str, points: str) -> None:
    assert _score(TIERS, actual, target="100%", weight=10) == Decimal(points)


@pytest.mark.parametrize(("actual", "points"), [("90%", "10"), ("85%", "7"), ("75%", "4"), ("69%", "0")])
def test_shortfall_tiers_target_90(actual: str, points: str) -> None:
    # 85% is 5 points short of 90%, 75% is 15, 69% is 21
    assert _score(TIERS, actual, target="90%", weight=10) == Decimal(points)


def test_shortfall_tiers_round_trip() -> None:
    # the example of docs/semantics.md §20: render writes the gap bands so that they read back alike
    from scoring.rules.render import pending, render

    rule = scoring.parse(TIERS)
    text = render(rule)
    assert text == "完成率目标低于≤10个百分点得分=指标分值-3；低10个百分点（含）至20个百分点（含）得分=指标分值-6；低≥20个百分点不得分"
    assert pending(rule) == set()
    assert scoring.parse(text) == rule


def test_shortfall_tier_never_below_zero() -> None:
    assert _score(TIERS, "95%", target="100%", weight=2) == Decimal(0)  # 2 - 3, clamped at 0


def test_a_rate_below_a_value_stays_a_value_band() -> None:
    # no 个百分点: 低于90% is a band on the value itself, not on the shortfall
    rule = scoring.parse("完成率90%以上得满分，低于90%不得分")
    assert all(a.condition.measure is nodes.Measure.VALUE for a in rule.awards)  # type: ignore[union-attr]


# ------------------------------------------------------------------ (1) / （1） / 1) item marks (domain point 17)


@pytest.mark.parametrize(
    "text",
    ["(1)制定办法得2分；(2)成立小组得2分", "（1）制定办法得2分；（2）成立小组得2分", "1)制定办法得2分；2)成立小组得2分",
     "(1)制定办法(2分)；(2)成立小组(2分)"],
)  # fmt: skip
def test_bracketed_item_marks_are_items(text: str) -> None:
    node = scoring.parse(text)
    assert isinstance(node, nodes.Composite)
    assert [(i.number, i.points) for i in node.items] == [(1, Decimal(2)), (2, Decimal(2))]
    # 2 + 2 on a 4-point row: each met item adds its points
    assert scoring.evaluate(node, {"1": "是", "2": "否"}, weight=4).points == Decimal(2)
    assert scoring.evaluate(node, {"1": "是", "2": "是"}, weight=4).points == Decimal(4)


def test_a_bracket_inside_words_is_no_item_mark() -> None:
    # 得分(1) is not preceded by a separator: no item mark, so the number is refused as unread
    with pytest.raises(scoring.RuleSyntaxError):
        scoring.parse("完成得满分(1)")



# ------------------------------------------------------------------ regressions refused


def test_ordinal_range_is_refused() -> None:
    # dev-150: 第17-22条 are items 17 to 22, not a quantity between 17 and 22
    with pytest.raises(scoring.RuleSyntaxError) as e:
        scoring.parse("注:被评为上虞市级以上治安安全单位的,第17-22条免检、满分。")
    assert e.value.code == "ordinal-range"


# ------------------------------------------------------------------ 扣分 announcing the step after it

ANNOUNCED = "完成或超额完成目标值得基本分;没有完成的扣分,每低于目标值2%扣1分,最低为零分。"


def test_bare_deduction_announces_the_step_after_it() -> None:
    rule = scoring.parse(ANNOUNCED)
    assert isinstance(rule, nodes.Rule)
    (d,) = rule.deductions
    assert d.points == Decimal(1) and d.step == nodes.Quantity(Decimal(2), "%")
    assert _score(ANNOUNCED, "100%", target="100%", weight=30) == Decimal(30)
    assert _score(ANNOUNCED, "96%", target="100%", weight=30) == Decimal(28)  # 4 points short: 2 steps


@pytest.mark.parametrize(
    "text",
    [
        "完成得满分；不符要求每处扣分",  # a step with no amount
        "没有完成的扣分，每次加1分",  # what follows adds, it deducts nothing
    ],
)
def test_bare_deduction_with_no_amount_is_refused(text: str) -> None:
    with pytest.raises(scoring.RuleSyntaxError) as e:
        scoring.parse(text)
    assert e.value.code == "deduct-without-points"
