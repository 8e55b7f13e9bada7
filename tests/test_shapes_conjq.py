"""分别 lists of bands joined by 且 / 并且 to words: each member an All of its band and the words (semantics §143).
Expectations by hand from the texts and semantics §1 (达到 includes, 超过 excludes), §100 (是/否 per worded part)."""

from decimal import Decimal

import pytest

import scoring

LIST_AFTER = "项目完成率达到90%、80%和70%，并且验收合格，分别得10分、8分和5分，否则不得分"
WORDS_FIRST = "验收合格并且项目完成率达到90%、80%和70%，分别得10分、8分和5分，否则不得分"
DEV096_FIRST = ("已落实管护主体和建立运行管护制度的项目超过80%、70%和60%,且运行管护效果良好,分别得6分、4分和2分,"
                "否则不得分")  # fmt: skip


@pytest.mark.parametrize(
    ("answer", "points"),
    [
        ({1: "95%", 2: "是"}, "10.00"),  # ≥ 90 and 合格: 10
        ({1: "90%", 2: "是"}, "10.00"),  # 达到 includes 90
        ({1: "85%", 2: "是"}, "8.00"),  # 80 ≤ 85 < 90: 8
        ({1: "70%", 2: "是"}, "5.00"),  # 达到 includes 70
        ({1: "69%", 2: "是"}, "0.00"),  # below every member: 否则
        ({1: "95%", 2: "否"}, "0.00"),  # not 合格: no member holds, 否则
    ],
)
def test_list_then_joint(answer: dict[int, str], points: str) -> None:
    assert scoring.evaluate(LIST_AFTER, answer, weight=10).points == Decimal(points)


@pytest.mark.parametrize(
    ("answer", "points"),
    [
        ({1: "是", 2: "95%"}, "10.00"),
        ({1: "是", 2: "75%"}, "5.00"),  # 70 ≤ 75 < 80
        ({1: "否", 2: "95%"}, "0.00"),
    ],
)
def test_words_first(answer: dict[int, str], points: str) -> None:
    """The worded condition written first is input 1, the band input 2 (numbered in the order written)."""
    assert scoring.evaluate(WORDS_FIRST, answer, weight=10).points == Decimal(points)


@pytest.mark.parametrize(
    ("answer", "points"),
    [
        ({1: "85%", 2: "是"}, "6.00"),  # > 80
        ({1: "80%", 2: "是"}, "4.00"),  # 超过80% excludes 80; > 70
        ({1: "65%", 2: "是"}, "2.00"),  # > 60
        ({1: "60%", 2: "是"}, "0.00"),  # 超过60% excludes 60: 否则
        ({1: "85%", 2: "否"}, "0.00"),  # 效果 not 良好
    ],
)
def test_dev096_first_item_with_otherwise(answer: dict[int, str], points: str) -> None:
    assert scoring.evaluate(DEV096_FIRST, answer, weight=6).points == Decimal(points)


def test_one_answer_refused() -> None:
    """The share alone is refused, naming both inputs: 良好 is never assumed."""
    with pytest.raises(scoring.ScoringError) as e:
        scoring.evaluate(DEV096_FIRST, "85%", weight=6)
    assert "运行管护效果良好" in str(e.value)


def test_state_word_refused() -> None:
    """The worded part is answered 是/否 (§100); a state word is refused, not guessed."""
    with pytest.raises(scoring.ScoringError):
        scoring.evaluate(DEV096_FIRST, {1: "85%", 2: "一般"}, weight=6)


def test_render_round_trip() -> None:
    for text in (LIST_AFTER, WORDS_FIRST, DEV096_FIRST):
        rule = scoring.parse(text)
        assert scoring.parse(scoring.render(rule)) == rule


def test_dev096_zero_band_with_or_stays_refused() -> None:
    """dev-096's second item (不足60%，或运行管护效果较差，不得分) joins a band and another state of the worded
    condition by 或: not read yet (or-unclear), so the whole text stays refused."""
    text = ("1、已落实管护主体和建立运行管护制度的项目超过80%、70%和60%,且运行管护效果良好,分别得6分、4分和2分。\n"
            "2、已落实管护主体和建立运行管护制度的项目不足60%,或运行管护效果较差,不得分。")  # fmt: skip
    with pytest.raises(scoring.RuleSyntaxError) as e:
        scoring.parse(text)
    assert e.value.code == "or-unclear"
