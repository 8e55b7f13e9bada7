"""Cases named by the subjects of rank ladders (docs/semantics.md §151): 甲行动第一名得40分,每递减一名,减2分;乙、丙行动第一名得20分,…,
two rank ladders that would contradict each other, each opening with the words of the sub-action it scores; 每项子行动按排名
计算分值,即: before them is a note leading the cases. The answer names the case as written. Expectations computed by hand."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

import scoring
from scoring.rules.nodes import Composite, Note

DEV106 = ("每项子行动按排名计算分值,即:市场主体增量行动第一名得40分,每递减一名,减2分;"
          "融资活企、商标兴企、党建促企行动第一名得20分,每递减一名,减1分。")  # fmt: skip
FIRST = "市场主体增量行动"
OTHERS = "融资活企、商标兴企、党建促企行动"
# a variant in other words: 按名次计分, two teams, 3 and 1 points a rank
TEAMS = "各队按名次计分,即:青年突击队第一名得30分,每递减一名,减3分;后勤保障队第一名得10分,每递减一名,减1分。"


def _points(text: str, actual: Any, weight: int) -> Decimal:
    return scoring.evaluate(text, actual, weight=weight, unit="名").points


def test_dev106_is_read_as_cases_led_by_its_note() -> None:
    node = scoring.parse(DEV106)
    assert isinstance(node, Composite) and node.cases
    assert [i.rule.clauses[0] for i in node.items] == [Note(FIRST), Note(OTHERS)]
    assert node.shared is not None and node.shared.clauses == (Note("每项子行动按排名计算分值,即"),)
    shown = scoring.render(node)
    assert shown.startswith("每项子行动按排名计算分值,即：" + FIRST + "：")
    assert scoring.parse(shown) == node


def test_the_subject_form_and_the_heading_form_read_alike() -> None:
    headed = "市场主体增量行动:第一名得40分,每递减一名,减2分。融资活企、商标兴企、党建促企行动:第一名得20分,每递减一名,减1分。"
    plain = "市场主体增量行动第一名得40分,每递减一名,减2分;融资活企、商标兴企、党建促企行动第一名得20分,每递减一名,减1分。"
    assert scoring.parse(plain) == scoring.parse(headed)


@pytest.mark.parametrize(
    ("text", "actual", "weight", "points"),
    [
        (DEV106, {FIRST: "1"}, 40, "40"),  # 第一名 → 40
        (DEV106, {FIRST: "5"}, 40, "32"),  # 4 ranks down × 2 → 40 − 8 = 32
        (DEV106, {FIRST: "21"}, 40, "0"),  # 20 ranks down × 2 = 40 → 0
        (DEV106, {OTHERS: "1"}, 20, "20"),  # 第一名 → 20
        (DEV106, {OTHERS: "4"}, 20, "17"),  # 3 ranks down × 1 → 17
        (TEAMS, {"青年突击队": "3"}, 30, "24"),  # 2 ranks down × 3 → 30 − 6 = 24
        (TEAMS, {"后勤保障队": "6"}, 10, "5"),  # 5 ranks down × 1 → 10 − 5 = 5
        (TEAMS, {" 后勤保障队 ": "1"}, 10, "10"),  # spaces around the name aside → 10
    ],
)
def test_the_named_case_scores(text: str, actual: dict[str, str], weight: int, points: str) -> None:
    assert _points(text, actual, weight) == Decimal(points)


@pytest.mark.parametrize(
    "actual",
    [
        "1",  # no sub-action named: 40 on the first ladder, 20 on the second
        {"实际值": "1"},
        {"商标兴企行动": "1"},  # one member of the list: not a name written in the text (§151: refused)
        {"商标兴企": "1"},  # part of the listed name
        {"增量行动": "1"},  # part of the first name
        {"市场主体增量行动第": "1"},  # the ordinal is not part of the name
        {FIRST: "1", OTHERS: "1"},  # two cases at once
        {"其它行动": "1"},  # a name not in the text
    ],
)
def test_an_answer_without_a_written_name_is_refused_with_the_names(actual: Any) -> None:
    with pytest.raises(scoring.ScoringError) as e:
        scoring.evaluate(DEV106, actual, weight=40, unit="名")
    assert FIRST in str(e.value) and OTHERS in str(e.value)


@pytest.mark.parametrize(
    "text",
    [
        # no subject before the second ladder: which case it is, is not written
        "市场主体增量行动第一名得40分,每递减一名,减2分;第一名得20分,每递减一名,减1分。",
        # the same subject twice
        "甲行动第一名得40分,每递减一名,减2分;甲行动第一名得20分,每递减一名,减1分。",
        # no subjects at all
        "第一名得40分,每递减一名,减2分;第一名得20分,每递减一名,减1分。",
        # the note alone before one ladder: 按排名计算分值 leads no cases, stays unread
        "每项子行动按排名计算分值,即:第一名得40分,每递减一名,减2分。",
        # the note before ladders that do not conflict: no cases, the note unread
        "按排名计分,即:甲行动第一名得40分;甲行动第二名得30分。",
    ],
)
def test_other_texts_stay_refused(text: str) -> None:
    with pytest.raises(scoring.RuleSyntaxError):
        scoring.parse(text)


def test_the_lead_before_headings_reads_as_before_subjects() -> None:
    headed = "各队按名次计分,即:青年突击队:第一名得30分,每递减一名,减3分。后勤保障队:第一名得10分,每递减一名,减1分。"
    assert scoring.parse(headed) == scoring.parse(TEAMS)


def test_the_compiled_rule_and_the_trace_agree() -> None:
    c = scoring.compile(DEV106, weight=40, unit="名")
    assert c.score({FIRST: "2"}).points == Decimal(38)  # 1 rank down × 2 → 38
    with pytest.raises(scoring.ScoringError):
        c.score("2")
    score = scoring.evaluate(DEV106, {OTHERS: "2"}, weight=20, unit="名")
    assert score.points == Decimal(19)  # 1 rank down × 1 → 19
    assert any(OTHERS in s.clause for s in score.trace)
