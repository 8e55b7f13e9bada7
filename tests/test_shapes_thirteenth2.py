"""Shapes of the thirteenth blind probe's parse refusals, read since semantics §141, on variant texts of our own: a
range on a 分 scale with the unit at both ends, an ordinal in a name before a line, a pollutant's name holding a
figure, a deviation step after a plan line, a letter defined after 设, steps over places that start after a listed
range. Hand scores from the rule texts and docs/semantics.md."""

from __future__ import annotations

import pytest
import shape_cases

import scoring

SCALE = "考核成绩在95分以上的得满分，在85分至95分之间的得3分，在85分以下的不得分"
SCALE_ROW = {"target": "≥95分", "comparator": "≥", "unit": "分", "weight": 5}
DASHED = "测评成绩90分以上得满分，80分-90分得4分，80分以下不得分"
DASHED_ROW = {"target": "≥90分", "comparator": "≥", "unit": "分", "weight": 6}
LETTER = "设Y为项目完成率，Y≥90%得满分；60%≤Y<90%时，得分=分值×Y；Y<60%不得分"
LETTER_ROW = {"target": "≥90%", "comparator": "≥", "unit": "%", "weight": 10}
PM10 = "可吸入颗粒物（PM10）年均浓度≤70微克/立方米得满分；70-80微克/立方米（含）得4分；超过80微克/立方米不得分"
PM10_ROW = {"target": "≤70微克/立方米", "comparator": "≤", "unit": "微克/立方米", "weight": 8}
SURVEY = "第三次全国国土调查数据入库率应达98%，每低1个百分点扣1分"
SURVEY_ROW = {"target": "≥98%", "comparator": "≥", "unit": "%", "weight": 4}
PLAN = "年度培训计划800人次，实际培训每偏差2%扣1分"
PLAN_ROW = {"target": "800人次", "comparator": "=", "unit": "人次", "weight": 5}
PLACES = "综合排名第1-2名的分别得8分、6分，第3名及以后每下降一名扣1分"

CASES: list[shape_cases.Case] = [
    # 在85分至95分之间: 85 and 95 both in the range (§1); 95 is claimed by 95分以上 listed first, 85 by the range
    # listed before 85分以下
    (SCALE, "97", SCALE_ROW, "5"),
    (SCALE, "95", SCALE_ROW, "5"),
    (SCALE, "90", SCALE_ROW, "3"),
    (SCALE, "85", SCALE_ROW, "3"),
    (SCALE, "84.5", SCALE_ROW, "0"),
    (DASHED, "86", DASHED_ROW, "4"),
    (DASHED, "79", DASHED_ROW, "0"),
    # 设Y为项目完成率: the formula reads 分值 × 完成率: 75% → 7.5, 60% → 6
    (LETTER, "95%", LETTER_ROW, "10"),
    (LETTER, "75%", LETTER_ROW, "7.5"),
    (LETTER, "60%", LETTER_ROW, "6"),
    (LETTER, "59%", LETTER_ROW, "0"),
    # PM10 is a name: the bands are on the concentration (70 is ≤70, 80 is in 70-80（含）)
    (PM10, "65", PM10_ROW, "8"),
    (PM10, "70", PM10_ROW, "8"),
    (PM10, "75", PM10_ROW, "4"),
    (PM10, "80", PM10_ROW, "4"),
    (PM10, "81", PM10_ROW, "0"),
    # 第三次 is part of the name; 应达98% is the line the steps count from: 96% → 4 − 2 = 2, 95.5% → 4 − 2.5
    (SURVEY, "98%", SURVEY_ROW, "4"),
    (SURVEY, "96%", SURVEY_ROW, "2"),
    (SURVEY, "95.5%", SURVEY_ROW, "1.5"),
    (SURVEY, "90%", SURVEY_ROW, "0"),
    # deviation from the plan of 800, both sides, 2% = 16人次 a step: 816 → 1 step, 776 → 24 = 1.5 steps (pro rata),
    # 600 → 25% = 12.5 steps
    (PLAN, "800", PLAN_ROW, "5"),
    (PLAN, "816", PLAN_ROW, "4"),
    (PLAN, "776", PLAN_ROW, "3.5"),
    (PLAN, "600", PLAN_ROW, "0"),
    # the listed places read; the 3rd and later are refused (from 2nd's 6 or from the weight 8? §108)
    (PLACES, "1", {"weight": 8}, "8"),
    (PLACES, "2", {"weight": 8}, "6"),
]

test_hand_cases, test_compiled_agrees, test_round_trip = shape_cases.checks(CASES)


@pytest.mark.parametrize("place", ["3", "5"])
def test_places_after_the_listed_range_are_refused(place: str) -> None:
    with pytest.raises(scoring.ScoringError, match="扣起"):
        scoring.evaluate(PLACES, place, weight=8)


def test_a_plan_unlike_the_target_is_refused() -> None:
    # 800 written, 900 on the row: which one the deviation counts from is not written
    with pytest.raises(scoring.ScoringError, match="plan-differs-from-target"):
        scoring.evaluate(PLAN, "816", target="900人次", comparator="=", unit="人次", weight=5)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # a space between the letters and the figure: no name of the lexicon, 2.5 read by nothing (§65)
        ("PM 2.5年均浓度≤35微克/立方米得满分，超过45微克/立方米不得分", "unread-number"),
        # a figure after 第 in a name stays unread, before a line as in a band
        ("第3次全国国土调查数据入库率应达98%，每低1个百分点扣1分", "unread-number"),
        # a letter defined twice, the second after 设
        ("X为完成率，设X为到位率，X≥90%得满分", "letter-twice"),
    ],
)
def test_refusals(text: str, code: str) -> None:
    assert shape_cases.refusal(text).code == code
