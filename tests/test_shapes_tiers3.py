"""Band shapes that were refused (docs/semantics.md §102): a floor on the score (最低得2分), a heading before
bands (＜90%的按区间计分：…) and a carved-out worded band (负增长不得分 beside 增长5%以下得1分). Each
expectation is computed by hand from the rule text and the semantics (arithmetic beside each case); the
evaluator, the compiled rule and the round trip are checked alike (tests/shape_cases.py)."""

from __future__ import annotations

import pytest

import scoring
from scoring.rules import nodes as n
from tests.shape_cases import compiled_scores, reads_back, scores

ROW: dict[str, object] = {"weight": 10}

# ------------------------------------------------------------------ 1. a floor on the score

COVER = "覆盖率达到90%得满分，未达到的每低1个百分点扣1分，最低得2分"
SATIS = "满意度90%以上得满分，每低1个百分点扣1分，最低得2分"

FLOOR_CASES = [
    (COVER, "85%", "5"),  # 5 points short: 10 − 5 = 5, above the floor
    (COVER, "70%", "2"),  # 20 short: 10 − 20 < 0, the floor lifts it to 2
    (COVER, "95%", "10"),  # 达到90%: full marks
    (COVER, "92%", "10"),
    (COVER, "89.5%", "9.5"),  # 0.5 point short, pro rata (§3): 10 − 0.5
    (SATIS, "85%", "5"),
    (SATIS, "70%", "2"),
    (SATIS, "95%", "10"),
    (SATIS, "82%", "2"),  # 8 short: 10 − 8 = 2, exactly the floor
    (SATIS, "81%", "2"),  # 9 short: 1, lifted to 2
    ("满意度90%以上得满分，每低1个百分点扣1分，最低不低于2分", "70%", "2"),  # the same floor with 不低于
    ("满意度90%以上得满分，每低1个百分点扣1分，最低不低于2分", "85%", "5"),
    ("满意度90%以上得满分，每低1个百分点扣1分，最少得2分", "70%", "2"),  # 最少 as 最低
    ("满意度90%以上得满分，每低1个百分点扣1分，最低得0分", "70%", "0"),  # the ordinary clamp (§6)
    ("满意度90%以上得满分，每低1个百分点扣1分，最低得0分", "85%", "5"),
    ("满意度90%以上得满分，每低2个百分点扣1分，最低得3分", "80%", "5"),  # 10 short = 5 steps: 10 − 5 = 5
    ("满意度90%以上得满分，每低2个百分点扣1分，最低得3分", "70%", "3"),  # 10 steps: 0, lifted to 3
]


@pytest.mark.parametrize(("text", "actual", "want"), FLOOR_CASES)
def test_floor(text: str, actual: str, want: str) -> None:
    scores(text, actual, ROW, want)
    compiled_scores(text, actual, ROW, want)


@pytest.mark.parametrize("text", sorted({t for t, _, _ in FLOOR_CASES}))
def test_floor_reads_back(text: str) -> None:
    reads_back(text)


def test_floor_is_a_field_and_shown() -> None:
    rule = scoring.parse(SATIS)
    assert isinstance(rule, n.Rule) and rule.floor == 2 and not rule.until_exhausted
    zero = scoring.parse("满意度90%以上得满分，每低1个百分点扣1分，最低得0分")
    assert isinstance(zero, n.Rule) and zero.floor is None and zero.until_exhausted  # 最低得0分 is 扣完为止
    shown = [d for d in scoring.bind(rule).decisions if d.what == "下限"]
    assert [(d.value, d.stated) for d in shown] == [("最低得2分", True)]


def test_floor_above_the_weight_is_refused_when_scored() -> None:
    text = "满意度90%以上得满分，每低1个百分点扣1分，最低得12分"
    scoring.parse(text)  # the weight is the row's: it is checked when scored
    for actual in ("70%", "95%"):
        with pytest.raises(scoring.EvaluationError, match="高于分值"):
            scoring.evaluate(text, actual, weight=10)
    scores(text, "70%", {"weight": 15}, "12")  # 20 short: 15 − 20 < 0, lifted to 12


@pytest.mark.parametrize(
    ("text", "at"),
    [
        ("满意度90%以上得满分，每低1个百分点扣1分，低于60%不得分，最低得2分", "最低得2分"),  # a band below it
        ("满意度90%以上得满分，80%-90%得1分，每低1个百分点扣1分，最低得2分", "最低得2分"),  # 1 < 2
        ("最低得2分，满意度90%以上得满分，每低1个百分点扣1分", "最低得2分"),  # before the deductions
        ("满意度90%以上得满分，最低得2分", "最低得2分"),  # nothing deducts
    ],
)
def test_floor_refusals(text: str, at: str) -> None:
    with pytest.raises(scoring.RuleSyntaxError) as e:
        scoring.parse(text)
    assert e.value.code == "floor-points"
    assert text[e.value.pos :].startswith(at)
