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


# ------------------------------------------------------------------ 3. a carved-out worded band

GROWTH = "产量比上年增长10%以上得满分，增长5%-10%得3分，增长5%以下得1分，负增长不得分"
RAISED = "亩均产值提高10%以上得满分，提高5%-10%得6分，提高5%以下得3分，未提高不得分"

WORDED_CASES = [
    (GROWTH, "12%", "10"),  # 增长10%以上
    (GROWTH, "7%", "3"),  # 5%-10%
    (GROWTH, "2%", "1"),  # 5%以下, not negative
    (GROWTH, "0%", "1"),  # 0 is no 负增长 (< 0): 5%以下
    (GROWTH, "-3%", "0"),  # 负增长, tried before 5%以下 (which also holds −3%)
    (GROWTH, "5%", "3"),  # both 5%-10% and 5%以下 hold: the first listed wins (§1)
    (GROWTH, "10%", "10"),  # both 10%以上 and 5%-10%: the first listed
    (RAISED, "0%", "0"),  # 未提高: ≤ 0
    (RAISED, "3%", "3"),  # 提高5%以下
    (RAISED, "-2%", "0"),  # 未提高 (it scored 3 in 提高5%以下, third probe A41)
    (RAISED, "12%", "10"),
    (RAISED, "7%", "6"),
    # 下降 alone beside bands on a growth: < 0
    ("产量比上年增长10%以上得满分，增长5%-10%得3分，增长5%以下得1分，下降不得分", "-3%", "0"),
    ("产量比上年增长10%以上得满分，增长5%-10%得3分，增长5%以下得1分，下降不得分", "0%", "1"),
    # 没有增长 / 无增长: ≤ 0, whatever growth word the bands use
    ("收入增长5%以上得满分，增长5%以下得2分，没有增长不得分", "0%", "0"),
    ("收入增长5%以上得满分，增长5%以下得2分，没有增长不得分", "1%", "2"),
    ("亩均产值提高10%以上得满分，提高5%-10%得6分，提高5%以下得3分，无增长不得分", "-1%", "0"),
    ("亩均产值提高10%以上得满分，提高5%-10%得6分，提高5%以下得3分，无增长不得分", "1%", "3"),
    # worded points no band gives (it was refused: the gap gave 0): −3% → 1, 5% → 3 (0-10%)
    ("营业收入增长10%以上得满分，增长0-10%得3分，负增长得1分", "-3%", "1"),
    ("营业收入增长10%以上得满分，增长0-10%得3分，负增长得1分", "5%", "3"),
]


@pytest.mark.parametrize(("text", "actual", "want"), WORDED_CASES)
def test_worded_band(text: str, actual: str, want: str) -> None:
    scores(text, actual, ROW, want)
    compiled_scores(text, actual, ROW, want)


@pytest.mark.parametrize("text", sorted({t for t, _, _ in WORDED_CASES}))
def test_worded_band_reads_back(text: str) -> None:
    reads_back(text)


def test_worded_band_is_tried_before_the_band_it_lies_in() -> None:
    # the order the bands are tried in is the order of the clauses (scoring parse lists them so)
    rule = scoring.parse(GROWTH)
    assert isinstance(rule, n.Rule)
    highs = [(a.condition.high.value.value, a.condition.high.inclusive) for a in rule.awards
             if isinstance(a.condition, n.Range) and a.condition.high is not None]  # fmt: skip
    assert highs == [(10, True), (0, False), (5, True)]  # 5%-10%, then 负增长 (< 0), then 5%以下
    raised = scoring.parse(RAISED)
    assert isinstance(raised, n.Rule)
    worded = raised.awards[2].condition
    assert isinstance(worded, n.Range) and worded.high is not None and worded.low is None
    assert (worded.high.value.value, worded.high.inclusive) == (0, True)  # 未提高: ≤ 0


@pytest.mark.parametrize(
    ("text", "at"),
    [
        ("增长5%以下得1分，零增长不得分", "零增长"),  # = 0: not read
        ("收入增长5%以上得满分，增长5%以下得2分，正增长得3分", "正增长"),
    ],
)
def test_worded_band_refusals(text: str, at: str) -> None:
    with pytest.raises(scoring.RuleSyntaxError) as e:
        scoring.parse(text)
    assert e.value.code == "worded-band"
    assert text[e.value.pos :].startswith(at)


@pytest.mark.parametrize("word", ["增长", "提高", "增加", "上升", "下降", "减少"])
def test_every_growth_and_decline_word(word: str) -> None:
    # the lexicon's examples (classes growth, decline): −3% is below 0, in the worded band, not in 5%以下 (3 or 1)
    from scoring.rules.lexicon import lexicon

    examples = [e.example for c in lexicon() if c.name in ("growth", "decline") for e in c.entries if e.word == word]
    assert examples
    for text in examples:
        scores(text, "-3%", ROW, "0")
        reads_back(text)


# ------------------------------------------------------------------ 2. a heading before bands

HEADED = "综合治理率≥90%计满分，＜90%的按区间计分：80%-90%计7分，70%-80%计4分，＜70%计0分"

HEADED_CASES = [
    (HEADED, "95%", "10"),  # ≥90%
    (HEADED, "85%", "7"),  # 80%-90%
    (HEADED, "75%", "4"),  # 70%-80%
    (HEADED, "65%", "0"),  # ＜70%
    (HEADED, "90%", "10"),  # ≥90% and 80%-90% share 90: the first listed wins (§1)
    (HEADED, "80%", "7"),  # 80%-90% and 70%-80% share 80: the first listed
    (HEADED, "70%", "4"),  # 70%-80% includes 70; ＜70% does not
    ("综合治理率≥90%计满分，低于90%的分档计分：80%-90%计7分，70%-80%计4分，低于70%计0分", "85%", "7"),
    ("综合治理率≥90%计满分，低于90%的分档计分：80%-90%计7分，70%-80%计4分，低于70%计0分", "69%", "0"),
    ("综合治理率≥90%计满分，＜90%的按以下区间计分：80%-90%计7分，70%-80%计4分，＜70%计0分", "72%", "4"),
]


@pytest.mark.parametrize(("text", "actual", "want"), HEADED_CASES)
def test_heading(text: str, actual: str, want: str) -> None:
    scores(text, actual, ROW, want)
    compiled_scores(text, actual, ROW, want)


@pytest.mark.parametrize("text", sorted({t for t, _, _ in HEADED_CASES}))
def test_heading_reads_back(text: str) -> None:
    reads_back(text)


def test_heading_is_the_bands_after_it() -> None:
    # the heading adds no clause: the rule is the same as the bands written alone
    assert scoring.parse(HEADED) == scoring.parse("综合治理率≥90%计满分，80%-90%计7分，70%-80%计4分，＜70%计0分")


@pytest.mark.parametrize(
    ("text", "at"),
    [
        # 80%-95% reaches past the heading's 90%
        ("综合治理率≥90%计满分，＜90%的按区间计分：80%-95%计7分，70%-80%计4分，＜70%计0分", "80%-95%"),
        # ≥70% has no top: it holds values the heading does not
        ("综合治理率≥90%计满分，＜90%的按区间计分：80%-90%计7分，≥70%计4分，＜70%计0分", "≥70%"),
        # a band above the heading's line
        ("综合治理率＜90%的按区间计分：80%-90%计7分，≥90%计满分", "≥90%"),
    ],
)
def test_heading_refusals(text: str, at: str) -> None:
    with pytest.raises(scoring.RuleSyntaxError) as e:
        scoring.parse(text)
    assert e.value.code == "heading-band"
    assert text[e.value.pos :].startswith(at)


def test_heading_without_a_colon_is_not_read() -> None:
    # without the colon the clause is no heading: its 90 stays unread
    with pytest.raises(scoring.RuleSyntaxError) as e:
        scoring.parse("综合治理率≥90%计满分，＜90%的按区间计分，80%-90%计7分，70%-80%计4分，＜70%计0分")
    assert e.value.code == "unread-number"


@pytest.mark.parametrize("word", ["按区间计分", "按以下区间计分", "分档计分"])
def test_every_band_heading_word(word: str) -> None:
    # the lexicon's examples (class band_heading): 85% in 80%-90% → 7, 65% below 70% → 0
    from scoring.rules.lexicon import lexicon

    examples = [e.example for c in lexicon() if c.name == "band_heading" for e in c.entries if e.word == word]
    assert examples
    for text in examples:
        scores(text, "85%", ROW, "7")
        scores(text, "65%", ROW, "0")
        reads_back(text)


def test_floor_is_described() -> None:
    from scoring.writer.describe import describe

    rule = scoring.parse(SATIS)
    assert any("最低得2分" in line for line in describe(rule).splitlines() if "下限" in line)
