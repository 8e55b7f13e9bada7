"""Text as printed and small shapes the sixth blind probe found refused or wrong (docs/semantics.md §89): a text
that spaces every digit, the letter l for 1, a line break inside a scoring word, units of real tables (头, 座, 口,
千瓦 …), 以N为标准 + 达到的, steps no value reaches, a line before the steps that their start contradicts.
Expected scores are computed by hand from the rule text and docs/semantics.md; the texts are variants of the
probes', not their own."""

from __future__ import annotations

from decimal import Decimal

import pytest
from test_shapes_marks import _score
from test_shapes_probe4 import _refused, _round_trip

import scoring
from scoring.rules import nodes

# ------------------------------------------------------------------ a text that spaces every digit (probe J08)

DIGIT_SPACED = "完成率≥ 9 5 %得满分，8 5 %-9 5 %得 4 分，低于 8 5 %不得分"


@pytest.mark.parametrize(
    ("actual", "points"),
    [
        ("97%", "6"),  # ≥95%: full marks (weight 6)
        ("95%", "6"),  # 95 is in both ≥95% and 85%-95%: the first listed wins (semantics §1)
        ("90%", "4"),  # 85%-95%
        ("85%", "4"),  # a dash range includes its ends
        ("84%", "0"),  # 低于85%
    ],
)
def test_digit_spaced_bands(actual: str, points: str) -> None:
    assert _score(DIGIT_SPACED, actual, target="≥95%", unit="%", weight=6) == Decimal(points)


def test_digit_spaced_text_reads_as_written_together_and_warns() -> None:
    rule = scoring.parse(DIGIT_SPACED)
    assert rule == scoring.parse("完成率≥ 95%得满分，85%-95%得4分，低于85%不得分")
    warned = [c for c in rule.normalized if c.warning]
    # one warning per space between two digits: 9 5, 8 5, 9 5, 8 5
    # positions in the printed text: 完成率≥␣9␣5 (6), 8␣5 (15), 9␣5 (21), 低于␣8␣5 (35)
    assert [(c.kind, c.start, c.before) for c in warned] == [("space-in-number", i, " ") for i in (6, 15, 21, 35)]
    assert "数字中间有空格，已按一个数读作（请核对）" in scoring.bind(rule, target="≥95%").describe()


def test_digit_spaced_points_after_de() -> None:
    # 得 1 0 分 is 10 points (得 takes one number); weight 10: 92% → 10, 89% → 0
    text = "满意度≥ 9 0 %得 1 0 分，低于 9 0 %不得分"
    assert _score(text, "92%", target="≥90%", unit="%", weight=10) == Decimal(10)
    assert _score(text, "89%", target="≥90%", unit="%", weight=10) == Decimal(0)


def test_digit_spaced_number_with_no_context_stays_refused() -> None:
    # 9 0 %以上 with no comparison before it and no dash beside it: 9-0%? refused at the unread number
    code, piece = _refused("满意度9 0 %以上得满分，8 0 %以下不得分")
    assert code == "unread-number" and piece in ("9", "0")


# ------------------------------------------------------------------ the letter l for 1 (probe J19)


def test_letter_l_for_one_in_a_step() -> None:
    # 每低1个百分点扣0.5分 from 98%, weight 4: 96% → 4 − 2 × 0.5 = 3; 90% → 4 − 8 × 0.5 = 0
    text = "投诉办结率98%以上得满分，每低l个百分点扣0.5分"
    assert _score(text, "96%", target="≥98%", unit="%", weight=4) == Decimal(3)
    assert _score(text, "90%", target="≥98%", unit="%", weight=4) == Decimal(0)
    rule = scoring.parse(text)
    assert [(c.kind, c.before, c.after) for c in rule.normalized] == [("ocr-one", "l", "1")]
    assert "已将字母“l”读作数字“1”（请核对）" in scoring.bind(rule, target="≥98%", unit="%").describe()


def test_letter_l_for_one_in_events() -> None:
    # 每发现1例扣1分, weight 3: 2 cases → 3 − 2 = 1
    assert _score("每发现l例违规扣l分", "2", weight=3) == Decimal(1)


# ------------------------------------------------------------------ a line break inside a scoring word (probe J20)


@pytest.mark.parametrize(("count", "points"), [("2", "1"), ("4", "0")])
def test_line_break_inside_until_exhausted(count: str, points: str) -> None:
    # 每发现1例扣1分，直至扣完 (the wrap split 直至扣⏎完), weight 3: 2 → 1; 4 → 0 (floor)
    assert _score("每发现1例违规扣1分，直至扣\n完", count, weight=3) == Decimal(points)


def test_line_break_inside_bu_de_fen() -> None:
    # 90%以上满分, 每低1%扣1分, 低于80%不得分 (不得⏎分), weight 10: 85% → 5; 79% → 0
    text = "满意度90%以上得满分，每低1%扣1分，低于80%不得\n分"
    assert scoring.parse(text) == scoring.parse(text.replace("\n", ""))
    assert _score(text, "85%", target="≥90%", unit="%", weight=10) == Decimal(5)
    assert _score(text, "79%", target="≥90%", unit="%", weight=10) == Decimal(0)


def test_line_break_between_clauses_stays_a_separator() -> None:
    rule = scoring.parse("按时完成得满分\n未完成不得分")
    assert not any(c.kind == "line-break" for c in rule.normalized)


# ------------------------------------------------------------------ units of real tables (probe A57)

LIVESTOCK = "生猪存栏≥5000头得4分；3000～5000头得2分；＜3000头得0分"


@pytest.mark.parametrize(
    ("actual", "points"),
    [
        ("6000头", "4"),
        ("5000头", "4"),  # ≥5000 listed first
        ("4000头", "2"),
        ("0.3万头", "2"),  # 3000头: the range includes its ends
        ("2999头", "0"),
    ],
)
def test_livestock_bands(actual: str, points: str) -> None:
    assert _score(LIVESTOCK, actual, target="5000头", comparator="≥", unit="头", weight=4) == Decimal(points)


@pytest.mark.parametrize(
    ("text", "target", "unit", "actual", "points"),
    [
        ("新建公厕10座以上得满分，每少1座扣1分", "10座", "座", "8座", "3"),  # 2 short: 5 − 2
        ("新打机井20口以上得满分，每少1口扣0.5分", "20口", "口", "16口", "3"),  # 4 short: 5 − 2
        ("新增装机500千瓦以上得满分，每少50千瓦扣1分", "500千瓦", "千瓦", "400千瓦", "3"),  # 2 steps: 5 − 2
        ("出栏家禽10万羽以上得满分，每少1万羽扣1分", "10万羽", "羽", "8万羽", "3"),  # 2 steps: 5 − 2
        ("植树1万棵以上得满分，每少1000棵扣1分", "1万棵", "棵", "7000棵", "2"),  # 3 steps: 5 − 3
    ],
)
def test_units_of_real_tables(text: str, target: str, unit: str, actual: str, points: str) -> None:
    assert _score(text, actual, target=target, comparator="≥", unit=unit, weight=5) == Decimal(points)


def test_a_chinese_numeral_before_a_new_counter_is_a_figure() -> None:
    # 每发现一头 → 每发现1头: 3 → 5 − 3 = 2
    assert _score("每发现一头病死猪未处理扣1分", "3", weight=5) == Decimal(2)


# ------------------------------------------------------------------ 以N为标准 + 达到的 (probe B10)

STANDARD = "完成率以100%为标准，达到的得满分，每下降5个百分点扣1分，低于80%不得分"


@pytest.mark.parametrize(
    ("actual", "points"),
    [
        ("100%", "5"),  # reaches the standard
        ("92%", "3.4"),  # 8 points below 100: 1.6 steps pro-rata, 5 − 1.6
        ("80%", "1"),  # 20 below: 4 steps, 5 − 4
        ("79%", "0"),  # 低于80%
    ],
)
def test_standard_reached(actual: str, points: str) -> None:
    assert _score(STANDARD, actual, target="100%", comparator="≥", unit="%", weight=5) == Decimal(points)


def test_standard_reached_is_the_band_of_the_standard() -> None:
    rule = scoring.parse(STANDARD)
    award = next(c for c in rule.clauses if isinstance(c, nodes.Award) and isinstance(c.outcome, nodes.FullMarks))
    assert award.condition == nodes.Range(
        nodes.Measure.VALUE, nodes.Edge(nodes.Quantity(Decimal(100), "%"), True), None, "完成率"
    )
    _round_trip(STANDARD)


def test_standard_with_another_word_stays_refused() -> None:
    # 完成的 is not 达到 the standard: the standard's line is not guessed
    assert _refused("完成率以90%为标准，完成的得满分，每下降5个百分点扣1分")[0] == "unread-number"


# ------------------------------------------------------------------ steps no value reaches (probe L08)


@pytest.mark.parametrize(
    ("text", "piece"),
    [
        ("完成率达到95%得满分，每低1个百分点扣0.5分，低于95%的不得分", "低于95%的不得分"),
        ("完成率达到95%得满分，每低1个百分点扣0.5分，低于96%不得分", "低于96%不得分"),  # covers more
        ("低于95%的每低1个百分点扣0.5分，低于95%不得分", "低于95%不得分"),  # the steps' own start
        ("成本控制在100万元以内得满分，每超出1万元扣1分，超过100万元不得分", "超过100万元不得分"),
    ],
)
def test_steps_unreachable(text: str, piece: str) -> None:
    assert _refused(text) == ("steps-unreachable", piece)


@pytest.mark.parametrize(("actual", "points"), [("90%", "2.5"), ("85%", "0"), ("84%", "0")])
def test_steps_above_the_zero_band_read(actual: str, points: str) -> None:
    # 95% down to 85% is the steps': 90% → 5 − 5 × 0.5 = 2.5; 85% → 5 − 10 × 0.5 = 0; 84% → 低于85% → 0
    text = "完成率达到95%得满分，每低1个百分点扣0.5分，低于85%不得分"
    assert _score(text, actual, target="≥95%", unit="%", weight=5) == Decimal(points)


# ------------------------------------------------------------------ a line the steps' start contradicts (seed 000 L569)


def test_start_contradicts_the_line_before() -> None:
    assert _refused("学生满意度85%以上，低于90%每降低1%扣1分") == ("start-contradicts-line", "85%以上")


def test_start_restating_the_line_before_reads() -> None:
    # 90%以上 restated by 低于90%: 87% → 10 − 3 = 7
    assert _score("满意度90%以上，低于90%每低1%扣1分", "87%", target="≥90%", unit="%", weight=10) == Decimal(7)
