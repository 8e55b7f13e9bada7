"""Shapes the third blind probe found refused (issue 11): an ASCII full stop, per mille, shares of the
weight written 得分为分值的80% / 扣满意度分值的10%, bonus and joint caps, 按实际完成比例得分, a stated plan
before its steps, a heading with a colon before a bare band, 不足N个百分点按N个百分点计
(docs/semantics.md §60). Expected scores are computed by hand from the rule text and docs/semantics.md;
the texts are variants of the probe's, not its own."""

from __future__ import annotations

from decimal import Decimal

import pytest
from test_shapes_marks import _refused, _score

import scoring
from scoring.rules.render import render
from scoring.text.normalize import normalize


def _round_trip(text: str) -> None:
    rule = scoring.parse(text)
    assert scoring.parse(render(rule)) == rule


# ------------------------------------------------------------------ 1. an ASCII full stop


def test_full_stop_normalized_and_recorded() -> None:
    n = normalize("完成得满分,未完成不得分.")
    assert n.text == "完成得满分,未完成不得分。"
    assert [c.kind for c in n.changes] == ["full-stop"]
    assert "。" in n.describe()


@pytest.mark.parametrize("text", ["扣0.5分", "1.制定办法得1分", "PM2.5浓度", "e.g. x", "……", "..."])
def test_dots_that_stay(text: str) -> None:
    # a decimal point, an item number's dot, a dot inside Latin text or a run of dots is not a full stop
    assert normalize(text).text == text


@pytest.mark.parametrize(("actual", "points"), [("90%", "10"), ("84%", "9.5"), ("80%", "7.5"), ("69%", "0")])
def test_full_stop_closes_a_rule(actual: str, points: str) -> None:
    # 85%: full; 84% is 1 step short: 10 - 0.5; 80%: 5 steps: 10 - 2.5; 69% < 70%: 0
    text = "满意度≥85%,得满分;每降低1%,扣0.5分;低于70%,不得分."
    assert _score(text, actual, target="≥85%", weight=10) == Decimal(points)


def test_full_stop_between_clauses() -> None:
    # a full stop between clauses separates them as 。 does: 95% is 5 points short: 10 - 5 × 1
    text = "完成率100%得满分.每低1个百分点扣1分."
    assert _score(text, "95%", target="100%", weight=10) == Decimal(5)


# ------------------------------------------------------------------ 2. per mille


PER_MILLE = "死亡率控制在1‰以内得满分，每超0.1‰扣1分"


@pytest.mark.parametrize(("actual", "points"), [("0.6‰", "10"), ("1‰", "10"), ("1.2‰", "8"), ("1.25‰", "7.5")])
def test_per_mille_is_a_unit(actual: str, points: str) -> None:
    # 1.2‰ is 0.2‰ over: 2 steps of 0.1‰: 10 - 2; 1.25‰: 2.5 steps pro rata (§3): 10 - 2.5
    assert _score(PER_MILLE, actual, target="≤1‰", unit="‰", comparator="≤", weight=10) == Decimal(points)


def test_per_mille_never_read_as_percent() -> None:
    # 0.12% is 1.2‰, but the program does not convert between the two units: it refuses
    with pytest.raises(scoring.ScoringError):
        _score(PER_MILLE, "0.12%", target="≤1‰", unit="‰", comparator="≤", weight=10)
    rule = scoring.parse("受害率控制在0.9‰以内得满分，超过不得分")
    assert "‰" in render(rule)
    _round_trip("受害率控制在0.9‰以内得满分，超过不得分")
    _round_trip(PER_MILLE)


@pytest.mark.parametrize(("actual", "points"), [("0.9‰", "6"), ("0.95‰", "0")])
def test_per_mille_band(actual: str, points: str) -> None:
    text = "受害率控制在0.9‰以内得满分，超过不得分"
    assert _score(text, actual, target="≤0.9‰", unit="‰", comparator="≤", weight=6) == Decimal(points)


# ------------------------------------------------------------------ 3. shares of the weight

SHARE_BANDS = "合格率不低于95%的得满分，不低于90%的得分为满分的80%，不低于85%的得分为分值的50%，低于85%的不得分"


@pytest.mark.parametrize(("actual", "points"), [("96%", "5"), ("92%", "4"), ("85%", "2.5"), ("84.9%", "0")])
def test_award_share_written_as_score_is(actual: str, points: str) -> None:
    # 92%: 80% of 5 = 4; 85%: 50% of 5 = 2.5; below 85%: 0
    assert _score(SHARE_BANDS, actual, target="≥95%", weight=5) == Decimal(points)
    _round_trip(SHARE_BANDS)


def test_award_share_of_full_marks() -> None:
    # 得满分的60%: 满分 is the weight: 60% of 20 = 12
    assert _score("完成率90%以上得满分，80%-90%得满分的60%，低于80%不得分", "85%", target="≥90%", weight=20) == 12


@pytest.mark.parametrize(("actual", "points"), [("90%", "10"), ("88%", "8"), ("84.5%", "4.5"), ("70%", "0")])
def test_deduct_share_of_the_weight(actual: str, points: str) -> None:
    # each point below 90% deducts 10% of the weight 10 = 1 point; 84.5%: 5.5 points short, pro rata 5.5
    text = "满意度90%以上得满分，每降低1个百分点，扣满意度分值的10%"
    assert _score(text, actual, target="≥90%", weight=10) == Decimal(points)
    _round_trip(text)


@pytest.mark.parametrize(("actual", "points"), [("100%", "20"), ("90%", "18"), ("75%", "15"), ("50%", "10")])
def test_deduct_share_per_ten_points(actual: str, points: str) -> None:
    # each 10 points below 100% deducts 10% of 20 = 2 points; 75% is 2.5 steps: 5 points
    text = "完成率达到100%的，得满分；完成率每降低10个百分点，扣除指标分值的10%"
    assert _score(text, actual, target="100%", weight=20) == Decimal(points)


@pytest.mark.parametrize(("actual", "points"), [("90%", "10"), ("85%", "5"), ("92%", "10")])
def test_comparison_then_a_step_down(actual: str, points: str) -> None:
    # 满意度≥90%；每降低1个百分点扣1分: the step's word says shortfall, ≥90% the line (it read 每超出 before:
    # 85% scored 10)
    assert _score("满意度≥90%；每降低1个百分点，扣1分", actual, target="≥90%", weight=10) == Decimal(points)


def test_dot_spaced_inside_a_number_stays() -> None:
    assert "。" not in normalize("每低1个百分点扣0 . 5分").text


def test_excess_band_read() -> None:
    # 超出预算10%以内 is a band on the excess over the budget; it was read as the value ≤10% (105 of 100: 0),
    # then refused (excess-band); semantics §82 reads it: 105 on ≤100万元 is 5% over → 5
    text = "成本控制在预算以内得满分，超出预算10%以内得5分，超出预算10%以上不得分"
    assert _score(text, "105", target="≤100万元", weight=10) == Decimal(5)


# ------------------------------------------------------------------ 4. bonus caps and joint caps

BONUS = "完成目标得满分；超额完成的，每超1个百分点加0.5分，加分最高不超过2分"


@pytest.mark.parametrize(("actual", "points"), [("100%", "10"), ("102%", "11"), ("104%", "12"), ("110%", "12")])
def test_bonus_cap_phrase(actual: str, points: str) -> None:
    # 2 points over: 2 × 0.5 = 1 bonus; 4 over: 2, the cap; 10 over: 5, capped at 2
    assert _score(BONUS, actual, target="100%", weight=10) == Decimal(points)
    _round_trip(BONUS)


JOINT = "迟报每次扣0.5分，错报每次扣1分，两项合计最多扣2分"


@pytest.mark.parametrize(
    ("answers", "points"), [({1: 0, 2: 0}, "5"), ({1: 1, 2: 1}, "3.5"), ({1: 2, 2: 1}, "3"), ({1: 3, 2: 2}, "3")]
)
def test_joint_cap(answers: dict[int, int], points: str) -> None:
    # 1 + 1: 0.5 + 1 = 1.5 lost; 2 + 1: 1 + 1 = 2; 3 + 2: 1.5 + 2 = 3.5, the two together capped at 2
    assert _score(JOINT, answers, weight=5) == Decimal(points)
    assert scoring.parse(JOINT).cap == 2
    _round_trip(JOINT)


def test_joint_cap_with_the_wrong_count_refused() -> None:
    # 三项合计 after two deductions: which three is not written
    assert _refused("迟报每次扣0.5分，错报每次扣1分，三项合计最多扣2分") == "joint-cap-count"


# ------------------------------------------------------------------ 5. 按实际完成比例得分


@pytest.mark.parametrize(
    ("text", "actual", "points"),
    [
        ("按实际完成比例得分", "150个", "7.5"),  # 10 × 150/200
        ("按实际完成比例计分", "250个", "10"),  # over the target: no bonus (§8)
        ("按进度完成比例给分", "120个", "6"),  # 10 × 120/200
        ("完成得满分，未完成按完成比例给分", "50个", "2.5"),
    ],
)
def test_proportional_words(text: str, actual: str, points: str) -> None:
    assert _score(text, actual, target="≥200个", weight=10) == Decimal(points)
    _round_trip(text)
