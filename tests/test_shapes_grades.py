"""Graded and worded outcomes (semantics §85): a label is a subject and a grade word, and the grade word
alone names it; levels of one thing are alternatives; awards written 为N分 / 得分为满分的一半; grades named
beside their range. Each case: the rule, the row, the answer, and the points by hand (arithmetic in the
comment); REFUSE where a scorer cannot score the answer."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

import scoring
from scoring.rules.grades import Grade, grade_of, levels, written_in_full

REFUSE = "REFUSE"
_SCORE = {"weight": 10, "target": "90分", "comparator": "≥", "unit": "分"}
_PCT = {"weight": 10, "target": "90%", "comparator": "≥", "unit": "%"}
_RATE6 = {"weight": 6, "target": "95%", "comparator": "≥", "unit": "%"}
_RATE8 = {"weight": 8, "target": "95%", "comparator": "≥", "unit": "%"}

# (rule, row {weight, target, comparator, unit}, answer, points by hand)
# fmt: off
CASES: list[tuple[str, dict[str, Any], Any, str]] = [
    # the grade word alone names the label whose grade it is: 政策知晓度 + 高 (full marks 4); 较高 is its own
    # grade, not 高 after 较
    ("政策知晓度高得满分，较高得3分，一般得1分，较低不得分。", {"weight": 4}, "高", "4"),
    ("政策知晓度高得满分，较高得3分，一般得1分，较低不得分。", {"weight": 4}, "较高", "3"),
    ("政策知晓度高得满分，较高得3分，一般得1分，较低不得分。", {"weight": 4}, "知晓度高", "4"),
    ("政策知晓度高得满分，较高得3分，一般得1分，较低不得分。", {"weight": 4}, "政策知晓度较低", "0"),
    # a subject that is not the labels' one names nothing; one character of a grade word is no grade
    ("政策知晓度高得满分，较高得3分，一般得1分，较低不得分。", {"weight": 4}, "满意度高", REFUSE),
    ("政策知晓度高得满分，较高得3分，一般得1分，较低不得分。", {"weight": 4}, "般", REFUSE),
    ("政策知晓度高得满分，较高得3分，一般得1分，较低不得分。", {"weight": 4}, "不高", REFUSE),
    # quoted grades: the quoted word is the grade (满意 6; 基本满意 6 × 1/2 = 3; 不满意 0)
    ("受益对象满意度调查结果为“满意”的得满分，“基本满意”的得一半分，“不满意”的不得分", {"weight": 6}, "满意", "6"),
    ("受益对象满意度调查结果为“满意”的得满分，“基本满意”的得一半分，“不满意”的不得分", {"weight": 6}, "基本满意", "3"),
    ("受益对象满意度调查结果为“满意”的得满分，“基本满意”的得一半分，“不满意”的不得分", {"weight": 6}, "“不满意”", "0"),
    ("受益对象满意度调查结果为“满意”的得满分，“基本满意”的得一半分，“不满意”的不得分", {"weight": 6}, "比较满意", REFUSE),
    # 好 5; 较好 5 × 80% = 4; 一般 5 × 60% = 3; 差 0
    ("年度考核结果“好”得满分，“较好”得80%，“一般”得60%，“差”不得分", {"weight": 5}, "好", "5"),
    ("年度考核结果“好”得满分，“较好”得80%，“一般”得60%，“差”不得分", {"weight": 5}, "较好", "4"),
    ("年度考核结果“好”得满分，“较好”得80%，“一般”得60%，“差”不得分", {"weight": 5}, "一般", "3"),
    ("年度考核结果“好”得满分，“较好”得80%，“一般”得60%，“差”不得分", {"weight": 5}, "差", "0"),
    # levels of one thing (效果 + 显著 / 一般 / 不明显) are alternatives, not a checklist of three things
    ("促进农民增收效果显著的得10分，效果一般的得6分，效果不明显的得2分。", {"weight": 10}, "效果显著", "10"),
    ("促进农民增收效果显著的得10分，效果一般的得6分，效果不明显的得2分。", {"weight": 10}, "显著", "10"),
    ("促进农民增收效果显著的得10分，效果一般的得6分，效果不明显的得2分。", {"weight": 10}, "效果不明显", "2"),
    ("促进农民增收效果显著的得10分，效果一般的得6分，效果不明显的得2分。", {"weight": 10}, "明显", "10"),  # 明显 = 显著
    ("促进农民增收效果显著的得10分，效果一般的得6分，效果不明显的得2分。", {"weight": 10}, {1: "是"}, REFUSE),
    # 否 on grades that are all met in some degree, nothing written below them (semantics §10): not the best grade,
    # but which one is not said (效果不明显 is a grade word, not a negated case: 否 could be 一般 or 不明显); with a
    # case not met written, 否 is that case (未建立 0)
    ("工作成效优秀得满分，良好得3分，一般得1分", {"weight": 5}, "否", REFUSE),
    ("工作成效优秀得满分，良好得3分，一般得1分", {"weight": 5}, "是", "5"),
    ("工作成效优秀得满分，良好得3分，一般得1分", {"weight": 5}, "良好", "3"),
    ("促进农民增收效果显著的得10分，效果一般的得6分，效果不明显的得2分。", {"weight": 10}, "否", REFUSE),
    ("管护机制健全得满分，基本健全得2分，未建立不得分", {"weight": 4}, "否", "0"),
    # two labels with one grade word: 好 names either, refused; the label in full names one (3)
    ("服务态度好得满分，服务质量好得3分，否则不得分", {"weight": 5}, "好", REFUSE),
    ("服务态度好得满分，服务质量好得3分，否则不得分", {"weight": 5}, "服务质量好", "3"),
    # two things, each for its points (2 + 3 = 5 = the weight): a checklist; one word answers neither
    ("服务态度好得2分，服务质量好得3分", {"weight": 5}, "好", REFUSE),
    ("服务态度好得2分，服务质量好得3分", {"weight": 5}, {1: "是", 2: "否"}, "2"),
    # levels written in full in words the lexicon does not list: the subject all start with, then the grade
    ("实际支出与预算相符得满分，实际支出与预算基本相符得6分，实际支出与预算不相符不得分", {"weight": 10}, "基本相符", "6"),
    ("实际支出与预算相符得满分，实际支出与预算基本相符得6分，实际支出与预算不相符不得分", {"weight": 10}, "相符", "10"),
    ("实际支出与预算相符得满分，实际支出与预算基本相符得6分，实际支出与预算不相符不得分", {"weight": 10}, "符", REFUSE),
    # a label's last characters that are no grade name nothing (政策 of 执行了厉行节约政策)
    ("执行了厉行节约政策，得6分；执行不到位，得3分；未执行，不得分。", {"weight": 6}, "政策", REFUSE),
    # 为 as the award verb after a condition's line: 90分以上（含）full marks 10; 80-90分 (both ends) 8; below 80 5;
    # 90 is in both of the first two bands: the first listed wins (10)
    ("满意度测评90分以上（含）为满分，80-90分为8分，80分以下为5分。", _SCORE, "92", "10"),
    ("满意度测评90分以上（含）为满分，80-90分为8分，80分以下为5分。", _SCORE, "90", "10"),
    ("满意度测评90分以上（含）为满分，80-90分为8分，80分以下为5分。", _SCORE, "80", "8"),
    ("满意度测评90分以上（含）为满分，80-90分为8分，80分以下为5分。", _SCORE, "79", "5"),
    ("满意度90%以上为满分，80%以下为5分。", _PCT, "95%", "10"),
    # 得分为 is no award of 为: 得分为满分 is full marks (as before), 得分为8分 not read yet
    ("满意度90分以上得分为满分，80分以下不得分", _SCORE, "95", "10"),
    # 得分为满分的一半: half the weight (6 × 1/2 = 3); 85%-95% includes both ends, 95% is the first band's (6)
    ("年度计划完成率在95%以上（含95%）的，得满分；85%-95%之间的，得分为满分的一半；85%以下的，不得分。", _RATE6, "95%", "6"),
    ("年度计划完成率在95%以上（含95%）的，得满分；85%-95%之间的，得分为满分的一半；85%以下的，不得分。", _RATE6, "85%", "3"),
    ("年度计划完成率在95%以上（含95%）的，得满分；85%-95%之间的，得分为满分的一半；85%以下的，不得分。", _RATE6, "84.9%", "0"),
    # 该项 is the indicator, not a condition: the line before is the clause's (92%: 8 × 80% = 6.4)
    ("新建改建户厕合格率≥95%，该项得满分；90%≤合格率<95%，该项得分为满分的80%；合格率<90%，该项不得分。", _RATE8, "95%", "8"),
    ("新建改建户厕合格率≥95%，该项得满分；90%≤合格率<95%，该项得分为满分的80%；合格率<90%，该项不得分。", _RATE8, "92%", "6.4"),
    ("新建改建户厕合格率≥95%，该项得满分；90%≤合格率<95%，该项得分为满分的80%；合格率<90%，该项不得分。", _RATE8, "89%", "0"),
    # 得分60%-80%: a hand score within 60%-80% of the weight (6 to 8 of 10): the middle grade is refused with its
    # bounds; met is full marks (10), not met 0
    ("达成年度指标得满分；部分达成年度指标并具有一定效果的，得分60%-80%；未达成年度指标不得分", {"weight": 10}, "是", "10"),
    ("达成年度指标得满分；部分达成年度指标并具有一定效果的，得分60%-80%；未达成年度指标不得分", {"weight": 10}, "否", "0"),
    ("达成年度指标得满分；部分达成年度指标并具有一定效果的，得分60%-80%；未达成年度指标不得分", {"weight": 10},
     "部分达成年度指标并具有一定效果", REFUSE),
]
# fmt: on


@pytest.mark.parametrize(("rule", "row", "answer", "want"), CASES)
def test_case(rule: str, row: dict[str, Any], answer: Any, want: str) -> None:
    if want == REFUSE:
        with pytest.raises(scoring.ScoringError):
            scoring.evaluate(rule, answer, **row)
    else:
        assert scoring.evaluate(rule, answer, **row).points == Decimal(want)


@pytest.mark.parametrize(
    ("label", "grade"),
    [
        ("政策知晓度高", Grade("政策知晓度", "高")),
        ("较高", Grade("", "较高")),
        ("效果不明显的", Grade("效果", "不明显")),
        ("年度考核为优秀等次", Grade("年度考核为", "优秀")),
        ("年度考核结果“好”", Grade("年度考核结果", "好", quoted=True)),
        ("不够及时", None),  # 不够 changes the grade after it
        ("印制宣传手册", None),
    ],
)
def test_grade_of(label: str, grade: Grade | None) -> None:
    assert grade_of(label) == grade


def test_levels_of_one_thing() -> None:
    assert levels(["促进农民增收效果显著", "效果一般", "效果不明显"]) is not None
    assert levels(["制度健全", "执行规范"]) is None  # two subjects: two things
    assert levels(["方案合理", "预算合理"]) is None  # one grade twice: two things
    assert levels(["印制宣传手册", "举办培训班"]) is None
    assert written_in_full(["项目优秀", "项目优良"]) is None  # 项目优 + 秀 / 良: no grade of one character
    assert written_in_full(["满意度较高", "满意度较低"]) == (Grade("满意度", "较高"), Grade("满意度", "较低"))


def test_a_checklist_stays_a_checklist() -> None:
    # 印制宣传手册 / 举办培训班 are two things: each met adds its points (1 + 0 = 1)
    assert scoring.evaluate("印制宣传手册得1分；举办培训班得1分", {1: "是", 2: "否"}, weight=2).points == 1


def test_a_range_of_shares_is_bounded_by_hand() -> None:
    # 得分60%-80% of 10: a hand score within [6, 8] (domain point 22)
    text = "达成年度指标得满分；部分达成年度指标并具有一定效果的，得分60%-80%；未达成年度指标不得分"
    with pytest.raises(scoring.ScoringError) as err:
        scoring.evaluate(text, "部分达成年度指标并具有一定效果", weight=10)
    assert "6至8分" in str(err.value)


@pytest.mark.parametrize("text", ["满意度目标值为90分，每低1分扣1分", "满意度指标值是90分，低于90分的每低1分扣1分"])
def test_a_target_restated_on_a_points_scale_is_no_award(text: str) -> None:
    # 目标值为90分 says what the target is; read as 90 points it was a base of 90 and 85 scored 10 (weight 10);
    # the line on a 分 scale is not read yet, so the rule is refused with a caret on the 90
    with pytest.raises(scoring.RuleSyntaxError) as e:
        scoring.parse(text)
    assert e.value.code == "unread-number"
    assert text[e.value.column - 1 : e.value.column + 1] == "90"


def test_a_target_restated_in_percent_is_the_line_the_steps_count_from() -> None:
    # 目标值为90%: weight 10, 85% is 5 points below, 每低1%扣1分 → 10 − 5 = 5
    got = scoring.evaluate("满意度目标值为90%，每低1%扣1分", "85%", weight=10, target="≥90%", unit="%")
    assert got.points == Decimal("5.00")
