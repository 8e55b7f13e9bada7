"""Band shapes that were refused whole (docs/semantics.md §95): nested one-sided deduction bands, read, with
only the answers that lie in two deducting bands refused. Every expectation is computed by hand from the rule
text and the semantics; the arithmetic is in the comment."""

from __future__ import annotations

from decimal import Decimal

import pytest
from shape_cases import reads_back, scores

import scoring

R1 = "满意度低于90%扣1分，低于80%扣3分"
R2 = "完成率低于95%扣1分，低于90%扣3分，低于80%不得分"
R3 = "巡查覆盖率低于95%扣1分，低于85%扣2分，低于75%不得分"
R4 = "满意度低于95%扣1分，80%-90%扣3分"  # crossing, not nested: 80%-90% lies inside 低于95%

KW: dict[str, object] = {"target": "≥95%", "weight": 10}

# (text, answer, hand score, why)
CASES = [
    (R1, "85%", "9", "in 低于90% only: 10 − 1"),
    (R1, "80%", "9", "低于80% leaves 80% out: in 低于90% only"),
    (R1, "90%", "10", "低于90% leaves 90% out: beyond every deducting band, nothing deducted (§83)"),
    (R1, "95%", "10", "beyond every band"),
    (R2, "92%", "9", "in 低于95% only"),
    (R2, "90%", "9", "低于90% leaves 90% out"),
    (R2, "79%", "0", "the zero band inside the deducting ones is tried first: 0 under both readings"),
    (R2, "70%", "0", "the zero band"),
    (R2, "96%", "10", "beyond every band"),
    (R3, "90%", "9", "in 低于95% only"),
    (R3, "85%", "9", "低于85% leaves 85% out"),
    (R3, "74%", "0", "低于75%不得分, tried first"),
    (R3, "95%", "10", "beyond every band"),
    (R4, "92%", "9", "in 低于95% only"),
    (R4, "79%", "9", "below 80%-90%: in 低于95% only"),
]

# (text, answer, tiers reading, cumulative reading)
BOTH = [
    (R1, "75%", "7", "6"),  # tightest: 10 − 3; both: 10 − 1 − 3
    (R1, "79.9%", "7", "6"),
    (R2, "85%", "7", "6"),  # in 低于95% and 低于90% (the zero band takes only <80%)
    (R2, "80%", "7", "6"),  # 低于80% leaves 80% out: still in the two deducting bands
    (R3, "80%", "8", "7"),  # 10 − 2 or 10 − 1 − 2
    (R3, "75%", "8", "7"),
    (R4, "85%", "7", "6"),
]


@pytest.mark.parametrize(("text", "actual", "want", "why"), CASES)
def test_answers_in_one_band_are_scored(text: str, actual: str, want: str, why: str) -> None:
    scores(text, actual, KW, want)


@pytest.mark.parametrize(("text", "actual", "want", "why"), CASES)
def test_compiled_scores_a_bare_number_alike(text: str, actual: str, want: str, why: str) -> None:
    # a bare number goes through the generated code (a written 85% goes to the evaluator)
    compiled = scoring.compile(text, unit="%", **KW)  # type: ignore[arg-type]
    assert compiled.points(Decimal(actual.rstrip("%"))) == Decimal(want), why


@pytest.mark.parametrize(("text", "actual", "tiers", "both"), BOTH)
def test_answers_in_two_deducting_bands_are_refused(text: str, actual: str, tiers: str, both: str) -> None:
    with pytest.raises(scoring.EvaluationError) as e:
        scoring.evaluate(text, actual, **KW)  # type: ignore[arg-type]
    msg = str(e.value)
    # the message names both readings and their scores
    assert f"按所在最严一档扣{10 - int(tiers)}分得{tiers}分" in msg
    assert f"各档累加扣{10 - int(both)}分得{both}分" in msg


@pytest.mark.parametrize(("text", "actual", "tiers", "both"), BOTH)
def test_compiled_refuses_the_same_answers(text: str, actual: str, tiers: str, both: str) -> None:
    compiled = scoring.compile(text, unit="%", **KW)  # type: ignore[arg-type]
    with pytest.raises(scoring.EvaluationError, match="最严一档"):
        compiled.points(Decimal(actual.rstrip("%")))


def test_frame_refuses_the_same_rows() -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"rule": [R2] * 4, "target": ["≥95%"] * 4, "weight": [10] * 4, "unit": ["%"] * 4,
                          "actual": ["85", "92", "79", "85%"]})  # fmt: skip
    out = scoring.score_frame(frame)
    assert list(out["points"]) == [None, Decimal(9), Decimal(0), None]
    assert "最严一档" in out["error"][0] and "最严一档" in out["error"][3]


@pytest.mark.parametrize(("text", "stretch"), [
    (R1, "低于80%"),
    (R2, "80%（含）至90%（不含）"),  # the zero band tried first takes what is below 80%
    (R3, "75%（含）至85%（不含）"),
    (R4, "80%（含）至90%（含）"),
])  # fmt: skip
def test_reading_and_check_show_the_ambiguous_stretch(text: str, stretch: str) -> None:
    shown = scoring.bind(scoring.parse(text), target="≥95%").describe()
    assert f"重叠扣分档: 实际值{stretch}同时落在两档中" in shown
    found = [f for f in scoring.check(text, target="≥95%", weight=10) if f.code == "deduction-overlap"]
    assert len(found) == 1 and stretch in found[0].message


def test_bands_sharing_an_end_are_no_overlap() -> None:
    # 超支5%以内扣1分，超支5%-10%扣3分 share the end 5%: read, the first listed winning (§83)
    text = "超支5%以内（含5%）扣1分，超支5%-10%（含10%）扣3分，超支10%以上不得分"
    assert "重叠扣分档" not in scoring.bind(scoring.parse(text), target="≤200万元").describe()
    assert scoring.evaluate(text, "210", target="≤200万元", weight=5).points == 4  # 5% over: 5 − 1


@pytest.mark.parametrize("text", [R1, R2, R3, R4])
def test_round_trip(text: str) -> None:
    reads_back(text)
