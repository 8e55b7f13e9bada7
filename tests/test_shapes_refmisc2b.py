"""Semantics §153: a formula written alone reads / as ÷ once × or ÷ has begun it (满意度（百分制）×本项分值/100), and
一次性 in an answer is a word and a level's opening (一次性通过 names 项目验收一次性通过). Expectations by hand from the
texts and docs/semantics.md §127, §129, §92, §112."""

from __future__ import annotations

from decimal import Decimal

import pytest

import scoring
from scoring.rules.render import render


def _points(rule: str, answer: str, **kw: object) -> Decimal:
    p = scoring.evaluate(rule, answer, **kw).points  # type: ignore[arg-type]
    assert scoring.compile(rule, **kw).points(answer) == p  # type: ignore[arg-type]
    return p


_SURVEY = {"weight": 8, "target": "≥85", "unit": "分", "comparator": "≥"}


@pytest.mark.parametrize(
    ("rule", "answer", "points"),
    [
        # a 百分制 score × weight / 100: 76 × 8 / 100 = 6.08; 90.5 × 8 / 100 = 7.24; 100 → 8
        ("群众满意度调查结果（百分制）×本项分值/100", "76", "6.08"),
        ("群众满意度调查结果（百分制）×本项分值/100", "90.5", "7.24"),
        ("群众满意度调查结果（百分制）×本项分值/100", "100", "8.00"),
        # the fullwidth slash is the same sign: 63 × 8 / 100 = 5.04
        ("群众满意度调查结果（百分制）×本项分值／100", "63", "5.04"),
        # ×权重 and a name with no mark: the literal ÷100 reads it out of 100 (§129): 81 × 8 / 100 = 6.48
        ("受益群众满意度×权重/100", "81", "6.48"),
        # the division before the weight: 45 / 100 × 8 = 3.6
        ("服务对象满意度÷100×指标分值/1", "45", "3.60"),
        # a band after the formula still holds: 50 < 60 → 0; 70 × 8 / 100 = 5.6
        ("满意度测评得分（百分制）×分值/100，满意度低于60分不得分", "50", "0.00"),
        ("满意度测评得分（百分制）×分值/100，满意度低于60分不得分", "70", "5.60"),
    ],
)
def test_slash_in_a_formula_alone(rule: str, answer: str, points: str) -> None:
    assert _points(rule, answer, **_SURVEY) == Decimal(points)


@pytest.mark.parametrize(
    "rule", ["群众满意度调查结果（百分制）×本项分值/100", "受益群众满意度×权重/100", "满意度测评得分（百分制）×分值/100，满意度低于60分不得分"]
)
def test_slash_formula_renders_back(rule: str) -> None:
    r = scoring.parse(rule)
    assert scoring.parse(render(r)) == r


@pytest.mark.parametrize("answer", ["130", "88万元", "-5"])
def test_slash_formula_refuses_no_score_out_of_100(answer: str) -> None:
    # 130 and -5 are outside 0–100, 万元 is no score (§129)
    with pytest.raises(scoring.ScoringError):
        scoring.evaluate("群众满意度调查结果（百分制）×本项分值/100", answer, **_SURVEY)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "rule",
    [
        # a name before / opens no formula (完成率/达标率 may be one ratio's name): still refused
        "完成率/达标率×分值",
        "资金到位率/预算执行率×本项分值",
    ],
)
def test_name_before_slash_opens_no_formula(rule: str) -> None:
    with pytest.raises(scoring.RuleSyntaxError):
        scoring.parse(rule)


_ACCEPT = "项目竣工验收一次性通过得满分，整改后通过得60%，未通过不得分"
_RETURN = "设备安装调试一次性合格得满分，返工后合格得50%，不合格不得分"


@pytest.mark.parametrize(
    ("rule", "weight", "answer", "points"),
    [
        # 一次性通过 names the first label (项目竣工验收 + 一次性通过): full marks, 6
        (_ACCEPT, 6, "一次性通过", "6.00"),
        (_ACCEPT, 6, "项目竣工验收一次性通过", "6.00"),
        # 得60%: 60% of the weight, 0.6 × 6 = 3.6
        (_ACCEPT, 6, "整改后通过", "3.60"),
        (_ACCEPT, 6, "未通过", "0.00"),
        # weight 12: 一次性合格 → 12; 返工后合格 得50% → 6; 不合格 → 0
        (_RETURN, 12, "一次性合格", "12.00"),
        (_RETURN, 12, "返工后合格", "6.00"),
        (_RETURN, 12, "不合格", "0.00"),
        # a traditional-character answer is read as the rule is: 一次性報送齊全 → 5
        ("年度资料一次性报送齐全得满分，补报后齐全得3分，未报送不得分", 5, "一次性報送齊全", "5.00"),
        ("年度资料一次性报送齐全得满分，补报后齐全得3分，未报送不得分", 5, "补报后齐全", "3.00"),
    ],
)
def test_once_answers_its_label(rule: str, weight: int, answer: str, points: str) -> None:
    assert _points(rule, answer, weight=weight, target="通过") == Decimal(points)


@pytest.mark.parametrize(
    ("rule", "answer"),
    [
        # 一次性通过 ends two labels: refused, listing them
        ("初审一次性通过得满分，复审一次性通过得3分，未通过不得分", "一次性通过"),
        # 通过 alone ends every label: names none of them exactly
        (_ACCEPT, "通过"),
        # 性通过 opens with no level word: no part of a label is read
        (_ACCEPT, "性通过"),
        # 一次通过 is a count (1 time) where the rule reads words: refused
        (_ACCEPT, "一次通过"),
    ],
)
def test_once_answers_refused(rule: str, answer: str) -> None:
    with pytest.raises(scoring.EvaluationError) as e:
        scoring.evaluate(rule, answer, weight="6", target="通过")
    assert "通过" in str(e.value)


def test_two_labels_listed_when_refused() -> None:
    with pytest.raises(scoring.EvaluationError) as e:
        scoring.evaluate("初审一次性通过得满分，复审一次性通过得3分，未通过不得分", "一次性通过", weight="6", target="通过")
    assert "初审一次性通过" in str(e.value) and "复审一次性通过" in str(e.value)


@pytest.mark.parametrize("answer", ["一次性", "一次性完成", "三年级"])
def test_numeral_words_are_no_count(answer: str) -> None:
    # 一次性 / 三年级 hold a numeral and are words (normalize.toml words, not_counters): no number is read from them
    with pytest.raises(scoring.EvaluationError) as e:
        scoring.evaluate("完成培训任务10个得满分，每少1个扣1分", answer, weight="6", target="10个", unit="个")
    assert "1次" not in str(e.value) and "3年" not in str(e.value)


def test_a_counted_numeral_still_reads() -> None:
    # 九个 is 9: one short of 10, 6 − 1 = 5
    assert _points("完成培训任务10个得满分，每少1个扣1分", "九个", weight=6, target="10个", unit="个") == Decimal("5.00")
