"""Formula shapes of semantics §129: a literal ÷100 beside a name reads the name as a score out of 100 (百分制),
（百分制） after a name, a letter variable defined in the text. Expectations by hand from the texts."""

from __future__ import annotations

from decimal import Decimal

import pytest

import scoring


def _points(rule: str, answer: str, **kw: object) -> Decimal:
    kw = {"comparator": "≥", **kw}
    p = scoring.evaluate(rule, answer, **kw).points  # type: ignore[arg-type]
    assert scoring.compile(rule, **kw).points(answer) == p  # type: ignore[arg-type]
    return p


@pytest.mark.parametrize(
    ("rule", "kw", "answer", "points"),
    [
        # 满意度 out of 100 × weight / 100: 88 × 10 / 100 = 8.8 (it scored 0.10: 88 as 0.88, divided again)
        ("得分=满意度×本项分值/100", {"weight": 10, "target": "90", "unit": "分"}, "88", "8.80"),
        ("得分=满意度×本项分值/100", {"weight": 10, "target": "90", "unit": "分"}, "95.5", "9.55"),
        # 88% on the 百分制 is 88: 88 × 10 / 100 = 8.8
        ("得分=满意度×本项分值/100", {"weight": 10, "target": "90", "unit": "分"}, "88%", "8.80"),
        ("得分=满意度×本项分值/100", {"weight": 10, "target": "90%"}, "88%", "8.80"),
        # 0.88 out of 100 is 0.88: 0.88 × 10 / 100 = 0.088 → 0.09 (the number as written)
        ("得分=满意度×本项分值/100", {"weight": 10, "target": "90", "unit": "分"}, "0.88", "0.09"),
        # the bracket says it: 76 × 8 / 100 = 6.08; 100 × 8 / 100 = 8
        ("群众满意度得分=群众满意度测评结果（百分制）×本项分值/100", {"weight": 8, "target": "85", "unit": "分"}, "76", "6.08"),
        ("群众满意度得分=群众满意度测评结果（百分制）×本项分值/100", {"weight": 8, "target": "85", "unit": "分"}, "100",
         "8.00"),
        ("得分=测评得分（百分制）×权重÷100", {"weight": 4, "target": "90", "unit": "分"}, "92.5", "3.70"),
        # ÷100 first: 93 / 100 × 6 = 5.58
        ("得分=实际值/100×分值", {"weight": 6, "target": "90%"}, "93%", "5.58"),
        ("得分=满意度/100×分值", {"weight": 6, "target": "90%"}, "93", "5.58"),
        # no ÷100: the rate is its fraction (§12), unchanged: 93% × 6 = 5.58
        ("得分=满意度×分值", {"weight": 6, "target": "90%"}, "93%", "5.58"),
    ],
)
def test_scores(rule: str, kw: dict[str, object], answer: str, points: str) -> None:
    assert _points(rule, answer, **kw) == Decimal(points)


@pytest.mark.parametrize(
    ("rule", "answer"),
    [
        ("得分=满意度×本项分值/100", "120"),  # outside 0–100
        ("得分=满意度×本项分值/100", "-5"),
        ("得分=满意度×本项分值/100", "88万元"),  # no score out of 100
        ("得分=满意度（百分制）×本项分值", "88"),  # out of 100 and not divided by 100: 880 points is no reading
        ("得分=实际值/目标值×分值/100", "88"),  # a ratio divided by 100 again: which is meant is not written
        ("得分=满意度×分值/100+满意度/10", "88"),  # the name in a ÷100 term and in another
    ],
)
def test_refused(rule: str, answer: str) -> None:
    with pytest.raises(scoring.EvaluationError):
        scoring.evaluate(rule, answer, weight=10, target="90", unit="分", comparator="≥")


# property: no formula shape ×/÷100 gives a value 100× off. Each answer reads a number on the 100-point scale
# (88, 88% → 88; 0.88 → 0.88) and the hand value of each shape is 88 × w / 100 or 0.88 × w / 100 (0 when refused)
_SHAPES = ("得分=满意度×分值/100", "得分=满意度/100×分值", "得分=分值×满意度÷100", "得分=满意度（百分制）×分值/100",
           "得分=实际值×分值/100", "得分=满意度×本项分值/100", "得分=分值×（满意度/100）", "满意度（百分制）×本项分值÷100")


@pytest.mark.parametrize("shape", _SHAPES)
@pytest.mark.parametrize("target", [{"target": "90", "unit": "分"}, {"target": "90%"}, {"target": "90"}])
@pytest.mark.parametrize(("answer", "on_scale"), [("88", "88"), ("88%", "88"), ("0.88", "0.88")])
def test_never_hundredfold(shape: str, target: dict[str, str], answer: str, on_scale: str) -> None:
    weight = Decimal(10)
    hand = (Decimal(on_scale) * weight / 100).quantize(Decimal("0.01"), rounding="ROUND_HALF_UP")
    try:
        got = _points(shape, answer, weight=weight, **target)
    except scoring.EvaluationError:
        return  # a refusal is fine
    assert got == hand, (shape, target, answer, got)


# a letter defined in the text names the quantity; the bands and the formula on it read that quantity
_X = "X为达标率，X≥95%得满分；70%≤X<95%时，得分=分值×X；X<70%不得分"
_Y = "设完成率为Y，Y≥100%得满分；50%≤Y<100%时，得分=Y×分值；Y<50%不得分"


@pytest.mark.parametrize(
    ("rule", "answer", "points"),
    [
        # weight 4: ≥95% → 4; 90% → 4 × 0.9 = 3.6; 70% → 2.8; 69.5% → 0
        (_X, "97%", "4.00"),
        (_X, "95%", "4.00"),
        (_X, "90%", "3.60"),
        (_X, "72.5%", "2.90"),
        (_X, "70%", "2.80"),
        (_X, "69.5%", "0.00"),
        (_Y, "100%", "4.00"),
        (_Y, "66%", "2.64"),
        (_Y, "49%", "0.00"),
        ("其中x为完成率，x≥100%得满分；x<100%时，得分=分值×x", "85%", "3.40"),
    ],
)
def test_letter(rule: str, answer: str, points: str) -> None:
    assert _points(rule, answer, weight=4, target="100%") == Decimal(points)


def test_letter_reads_back() -> None:
    from scoring.rules.render import render

    r = scoring.parse(_X)
    assert not any(isinstance(c, scoring.rules.nodes.Note) for c in r.clauses)
    assert scoring.parse(render(r)) == r


def test_letter_undefined_or_twice_refused() -> None:
    with pytest.raises((scoring.EvaluationError, scoring.RuleSyntaxError)):
        scoring.evaluate("得分=分值×X", "80%", weight=5, target="100%", comparator="≥")
    with pytest.raises(scoring.RuleSyntaxError):
        scoring.parse("X为完成率，X为达标率，X≥100%得满分；X<100%时，得分=分值×X")


# a formula inside a band: 按（…-…）/…×分值计算 after the band's condition
_BAND = "合格率达到90%及以上的得满分；合格率在70%—90%之间的，按（实际值-70%）/20%×分值计算；合格率低于70%的不得分"


@pytest.mark.parametrize(
    ("answer", "points"),
    [
        # weight 8: 80% → (0.80 − 0.70) / 0.20 × 8 = 4; 75% → 2; 89% → 7.6; 90% → 8 (both bands say so); 70% → 0; 65% → 0
        ("80%", "4.00"),
        ("75%", "2.00"),
        ("89%", "7.60"),
        ("90%", "8.00"),
        ("96%", "8.00"),
        ("70%", "0.00"),
        ("65%", "0.00"),
    ],
)
def test_formula_in_band(answer: str, points: str) -> None:
    assert _points(_BAND, answer, weight=8, target="90%") == Decimal(points)


def test_formula_in_band_reads_back() -> None:
    from scoring.rules.render import render

    r = scoring.parse(_BAND)
    assert scoring.parse(render(r)) == r
