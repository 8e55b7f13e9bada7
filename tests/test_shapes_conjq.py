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


DEV096 = ("1、已落实管护主体和建立运行管护制度的项目超过80%、70%和60%,且运行管护效果良好,分别得6分、4分和2分。\n"
          "2、已落实管护主体和建立运行管护制度的项目不足60%,或运行管护效果较差,不得分。")  # fmt: skip


@pytest.mark.parametrize(
    ("answer", "points"),
    [
        ({1: "85%", 2: "良好"}, "6.00"),  # > 80 and 良好
        ({1: "80%", 2: "良好"}, "4.00"),  # 超过80% excludes 80; > 70
        ({1: "65%", 2: "良好"}, "2.00"),  # > 60
        ({1: "50%", 2: "良好"}, "0.00"),  # 不足60%: item 2 (either holds)
        ({1: "85%", 2: "较差"}, "0.00"),  # 较差: no 且 tier holds (良好 fails); item 2 holds
        ({1: "60%", 2: "良好"}, "0.00"),  # neither 超过60% nor 不足60%: a gap (§1), 0
    ],
)
def test_dev096_whole(answer: dict[int, str], points: str) -> None:
    """The two items are tiers of one pair of inputs (§143): {1: the share, 2: the state of 运行管护效果}."""
    assert scoring.evaluate(DEV096, answer, weight=6).points == Decimal(points)


def test_dev096_gap_is_reported() -> None:
    """60% with 良好 is in no tier: 0, the step says the rule does not say how it scores (not 否则, not item 2)."""
    score = scoring.evaluate(DEV096, {1: "60%", 2: "良好"}, weight=6)
    assert score.points == Decimal("0.00") and any(s.clause == "未覆盖" for s in score.trace)


def test_dev096_reads_one_rule_of_two_inputs() -> None:
    rule = scoring.parse(DEV096)
    assert isinstance(rule, scoring.Rule)
    conds = [c.condition for c in rule.awards]
    assert [type(c).__name__ for c in conds] == ["All", "All", "All", "AnyOf"]
    assert scoring.parse(scoring.render(rule)) == rule


@pytest.mark.parametrize(
    ("answer", "needs"),
    [
        ("85%", "运行管护效果"),  # the share alone: both inputs named, 良好 never assumed
        ({1: "85%", 2: "一般"}, "良好、较差"),  # a state the text never names
        ({1: "85%", 2: "是"}, "良好、较差"),  # 是 of 良好 says nothing where the text names 较差 too
    ],
)
def test_dev096_refusals(answer: object, needs: str) -> None:
    with pytest.raises(scoring.ScoringError) as e:
        scoring.evaluate(DEV096, answer, weight=6)
    assert needs in str(e.value)


def test_or_words_without_joint_tiers_stays_refused() -> None:
    """或 joining a band to words with no 且 tier asking for the same inputs stays or-unclear (§132, §143)."""
    for text in ("满意度低于60%，或发生安全事故的，不得分",
                 "1、满意度达到90%得满分。\n2、满意度低于60%，或发生安全事故的，不得分。"):  # fmt: skip
        with pytest.raises(scoring.RuleSyntaxError) as e:
            scoring.parse(text)
        assert e.value.code == "or-unclear"
