"""Phrase forms of the eleventh probe read since semantics §122, each from the piece it adds (never the probe's
sentence): 得满分的一半 / 计本项满分的一半 (half the weight, as 得一半分值, §40); 达到目标值（含）以上 (the mark after the
target says the target itself is in, as 达到 does); 80（含）-90分 (a marked range on a 分 scale with 分 written once, at the
end, as 80分（含）-90分); a digit-spaced number after letter-spaced words (低 于 9 0 %: one number after 低于, §73).

Each case: rule, answer, row keywords, the hand score (or REFUSE) and why (the arithmetic, from the rule text and
docs/semantics.md)."""

from __future__ import annotations

import pytest

import scoring
from scoring.rules.nodes import Measure
from scoring.text.normalize import normalize
from tests import shape_cases
from tests.shape_cases import REFUSE, refusal, scores_or_refuses

HALF = "合格率达到95%及以上的得满分，90%（含）至95%的得满分的一半，90%以下不得分"
HALF_WORDS = "群众反映良好的，得满分；反映一般的，计本项满分的一半；反映较差的，不得分"
TARGET_MARKED = "完成值达到目标值（含）以上的得满分；达到目标值90%（含）-100%的得4分；90%以下不得分"
POINTS_MARKED = "评价得分85（含）-100分的得满分，70（含）-85分的得6分，70分以下不得分"
POINTS_OPEN = "评价得分85分及以上的得满分，70（不含）-85分的得6分，70分及以下不得分"
EXCESS = "项目支出控制在预算以内得满分；超出预算5%以内（含5%）的得4分；超出5%-10%（含10%）的得2分；超出10%以上的不得分"
SHORT = "完成率低于目标值5个百分点以内的得5分，低于5-10个百分点的得3分，低于10个百分点以上的不得分"
SPACED = "完 成 率 ≥ 9 0 % 得 满 分 ； 低 于 9 0 % 的 按 比 例 得 分"

RATE8: dict[str, object] = {"weight": 8, "target": "≥95%", "comparator": "≥", "unit": "%"}
WORDS6: dict[str, object] = {"weight": 6, "comparator": "定性"}
COUNT6: dict[str, object] = {"weight": 6, "target": "≥500", "comparator": "≥", "unit": "个"}
SCORE10: dict[str, object] = {"weight": 10, "target": "≥85", "comparator": "≥", "unit": "分"}
BUDGET5: dict[str, object] = {"weight": 5, "target": "≤400", "comparator": "≤", "unit": "万元"}
RATE6: dict[str, object] = {"weight": 6, "target": "≥95%", "comparator": "≥", "unit": "%"}
RATE5: dict[str, object] = {"weight": 5, "target": "≥90%", "comparator": "≥", "unit": "%"}

CASES = [
    # 得满分的一半: half the weight (§40, §122)
    (HALF, "96%", RATE8, "8", "95%及以上: 满分 8"),
    (HALF, "92%", RATE8, "4", "90%（含）至95%: 8 / 2 = 4"),
    (HALF, "90%", RATE8, "4", "90% included: 4"),
    (HALF, "89%", RATE8, "0", "90%以下: 0"),
    (HALF_WORDS, "群众反映良好", WORDS6, "6", "满分 6"),
    (HALF_WORDS, "反映一般", WORDS6, "3", "计本项满分的一半: 6 / 2 = 3"),
    (HALF_WORDS, "反映较差", WORDS6, "0", "不得分"),
    # 达到目标值（含）以上: the target and above; target 500
    (TARGET_MARKED, "500", COUNT6, "6", "500 is the target, included: 6"),
    (TARGET_MARKED, "620", COUNT6, "6", "above the target: 6"),
    (TARGET_MARKED, "460", COUNT6, "4", "460 / 500 = 92%, in 90%（含）-100%: 4"),
    (TARGET_MARKED, "450", COUNT6, "4", "450 / 500 = 90% included: 4"),
    (TARGET_MARKED, "440", COUNT6, "0", "88%: 90%以下, 0"),
    # 85（含）-100分: the unit once at the end, the mark on the lower end
    (POINTS_MARKED, "90", SCORE10, "10", "85-100: 满分 10"),
    (POINTS_MARKED, "85", SCORE10, "10", "85 included in the first band: 10"),
    (POINTS_MARKED, "84.9", SCORE10, "6", "70（含）-85: 6"),
    (POINTS_MARKED, "70", SCORE10, "6", "70 included: 6"),
    (POINTS_MARKED, "69", SCORE10, "0", "70分以下: 0"),
    (POINTS_OPEN, "70", SCORE10, "0", "70（不含）: 70 is not in 70-85, but in 70分及以下: 0"),
    (POINTS_OPEN, "71", SCORE10, "6", "in 70（不含）-85: 6"),
    # 超出5%-10%: a band on the excess over the budget 400 (§82), as 超支5%-10%
    (EXCESS, "380", BUDGET5, "5", "within the budget: 满分 5 (no excess band applies, §82)"),
    (EXCESS, "400", BUDGET5, "5", "the budget itself: 5"),
    (EXCESS, "420", BUDGET5, "4", "20 / 400 = 5% over, （含5%）, listed first: 4"),
    (EXCESS, "430", BUDGET5, "2", "30 / 400 = 7.5% over: 5%-10%, 2"),
    (EXCESS, "440", BUDGET5, "2", "40 / 400 = 10% over, （含10%）, listed before 10%以上: 2"),
    (EXCESS, "444", BUDGET5, "0", "11% over: 10%以上, 0"),
    # 低于5-10个百分点: a band on the shortfall from 95% in points (§20), as 低5至10个百分点
    (SHORT, "96%", RATE6, "6", "target met: no shortfall band applies, 满分 6 (§20)"),
    (SHORT, "91%", RATE6, "5", "4 points short: 5个百分点以内, 5"),
    (SHORT, "90%", RATE6, "5", "5 short: 以内 includes 5, listed first: 5"),
    (SHORT, "87%", RATE6, "3", "8 short: 5-10, 3"),
    (SHORT, "85%", RATE6, "3", "10 short: in 5-10 (listed first): 3"),
    (SHORT, "84%", RATE6, "0", "11 short: 10个百分点以上, 0"),
    # 低 于 9 0 %: letter-spaced words, digit-spaced numbers (PDF text); 按比例 below the line (§41): 5 × actual / 90
    (SPACED, "90%", RATE5, "5", "≥90%: 满分 5"),
    (SPACED, "100%", RATE5, "5", "≥90%: 5"),
    (SPACED, "72%", RATE5, "4", "5 × 72 / 90 = 4"),
    (SPACED, "45%", RATE5, "2.5", "5 × 45 / 90 = 2.5"),
]

test_hand_cases, test_compiled_agrees, test_round_trip = shape_cases.checks([c[:4] for c in CASES if c[3] != REFUSE])


@pytest.mark.parametrize(("text", "actual", "kw", "want", "why"), CASES)
def test_scores_or_refuses(text: str, actual: object, kw: dict[str, object], want: str, why: str) -> None:
    scores_or_refuses(text, actual, kw, want)


@pytest.mark.parametrize(
    ("marked", "plain"),
    [
        (HALF, "合格率达到95%及以上的得满分，90%（含）至95%的得一半分值，90%以下不得分"),
        ("完成90%以上得满分，完成80%-90%记满分的一半", "完成90%以上得满分，完成80%-90%得一半分值"),
        ("完成90%以上得满分，完成80%-90%得本项满分的一半", "完成90%以上得满分，完成80%-90%得分为满分的一半"),
        (TARGET_MARKED, "完成值达到目标值以上的得满分；达到目标值90%（含）-100%的得4分；90%以下不得分"),
        ("完成值不低于目标值（含）的得满分，低于目标值的不得分", "完成值不低于目标值的得满分，低于目标值的不得分"),
        (POINTS_MARKED, "评价得分85分（含）-100分的得满分，70分（含）-85分的得6分，70分以下不得分"),
        (SPACED, "完成率≥90%得满分；低于90%的按比例得分"),
    ],
)
def test_reads_as_the_plain_form(marked: str, plain: str) -> None:
    """Each new form is the rule its plain form is, node for node."""
    assert scoring.parse(marked) == scoring.parse(plain)


@pytest.mark.parametrize(
    ("text", "plain", "measure"),
    [
        (EXCESS, EXCESS.replace("超出5%-10%", "超出预算5%-10%"), Measure.EXCESS),
        (SHORT, SHORT.replace("低于5-10个百分点", "低5至10个百分点"), Measure.GAP),
    ],
)
def test_the_range_after_the_word_is_the_band_of_the_plain_form(text: str, plain: str, measure: object) -> None:
    """超出5%-10% is the band 超出预算5%-10% reads (§82), 低于5-10个百分点 the one 低5至10个百分点 reads (§20): the same
    measure and edges (the words before it are kept as written)."""
    band = scoring.parse(text).clauses[2].condition
    same = scoring.parse(plain).clauses[2].condition
    assert band.measure is measure
    assert (band.measure, band.low, band.high) == (same.measure, same.low, same.high)


def test_spaced_numbers_are_joined_after_spaced_words() -> None:
    assert normalize(SPACED).text.replace(" ", "") == "完成率≥90%得满分；低于90%的按比例得分"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # the mark after the target must agree with the word before it: 高于 leaves the target out, （不含）
        # after 达到 contradicts it; a mark with no target before it is read by nothing
        ("完成值高于目标值（含）以上的得满分，否则不得分", "unexpected-token"),
        ("完成值达到目标值（不含）以上的得满分，否则不得分", "unexpected-token"),
        ("完成值达到（含）以上的得满分，否则不得分", "unexpected-token"),
        # 满分的一半 without the verb of an award is no award
        ("完成90%以上得满分，完成80%-90%满分的一半", "unexpected-end"),
        # a comparison word before a range of the value still says something the range contradicts; 超过 names no
        # excess band (§82) and a sign names no shortfall
        ("完成率低于80%-90%的扣3分", "op-before-range"),
        ("成本超过5%-10%的扣3分", "op-before-range"),
        ("完成率<5-10个百分点的扣3分", "op-before-range"),
    ],
)
def test_refusals_stay(text: str, code: str) -> None:
    assert refusal(text).code == code
