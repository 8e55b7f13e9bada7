"""Phrase forms of the eleventh probe read since semantics §122, each from the piece it adds (never the probe's
sentence): 得满分的一半 / 计本项满分的一半 (half the weight, as 得一半分值, §40); 达到目标值（含）以上 (the mark after the
target says the target itself is in, as 达到 does); 80（含）-90分 (a marked range on a 分 scale with 分 written once, at the
end, as 80分（含）-90分); a digit-spaced number after letter-spaced words (低 于 9 0 %: one number after 低于, §73).

Each case: rule, answer, row keywords, the hand score (or REFUSE) and why (the arithmetic, from the rule text and
docs/semantics.md)."""

from __future__ import annotations

import pytest

import scoring
from scoring.text.normalize import normalize
from tests import shape_cases
from tests.shape_cases import REFUSE, refusal, scores_or_refuses

HALF = "合格率达到95%及以上的得满分，90%（含）至95%的得满分的一半，90%以下不得分"
HALF_WORDS = "群众反映良好的，得满分；反映一般的，计本项满分的一半；反映较差的，不得分"
TARGET_MARKED = "完成值达到目标值（含）以上的得满分；达到目标值90%（含）-100%的得4分；90%以下不得分"
POINTS_MARKED = "评价得分85（含）-100分的得满分，70（含）-85分的得6分，70分以下不得分"
POINTS_OPEN = "评价得分85分及以上的得满分，70（不含）-85分的得6分，70分及以下不得分"
SPACED = "完 成 率 ≥ 9 0 % 得 满 分 ； 低 于 9 0 % 的 按 比 例 得 分"

RATE8: dict[str, object] = {"weight": 8, "target": "≥95%", "comparator": "≥", "unit": "%"}
WORDS6: dict[str, object] = {"weight": 6, "comparator": "定性"}
COUNT6: dict[str, object] = {"weight": 6, "target": "≥500", "comparator": "≥", "unit": "个"}
SCORE10: dict[str, object] = {"weight": 10, "target": "≥85", "comparator": "≥", "unit": "分"}
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
    ],
)
def test_refusals_stay(text: str, code: str) -> None:
    assert refusal(text).code == code
