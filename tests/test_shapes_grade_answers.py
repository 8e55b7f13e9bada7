"""Worded grades answered as reviewers answer them (docs/semantics.md §112): a label without the subject only the
first label writes (评价等级为A beside B: A), an 或 label by one of its alternatives (持平或下降: 下降), a change word
after its subject (人均费用较上年下降: 下降), a Chinese numeral in an ordinal (第一季度 = 第1季度), a signed change on bands
of that change (下降8%). Each answer names a label exactly, never by a part of one. Variants of the probe texts
(fourth D13, D29; fifth D20; second G02, H09; sixth E03; seventh G12; first Y17); each expectation by hand beside the
case. REFUSE where the answer names no label, or more than one."""

from __future__ import annotations

from typing import Any

import pytest
from shape_cases import REFUSE, Case, checks, scores_or_refuses

from scoring.rules.grades import short_names

LETTERS = "考核评价等级为A的得满分，B的得75%，C的得50%，D的不得分"  # weight 8: A 8, B 6, C 4, D 0
RANKED = "在全市考核中获得A等次得满分，B等次得3分，C等次得1分，D等次不得分"  # weight 5: A 5, B 3, C 1, D 0
QUARTER = "项目竣工时间在第一季度的得满分，第二季度的得3分，下半年的不得分"  # weight 5: Q1 5, Q2 3, H2 0
OBJECT = "全面完成年度建设任务得满分，基本完成得80%，未完成不得分"  # weight 10: 10, 8, 0
TREND = "单位成本较上年下降得满分，持平得3分，上升不得分"  # weight 5: 5, 3, 0
EITHER = "比上年明显提高的得满分，有所提高的得分60%，持平或下降的不得分。"  # weight 6: 6, 3.6, 0
IMPACT = "对区域经济发展影响较大得满分，影响一般得分60%，无影响不得分"  # weight 5: 5, 3, 0
DROP = "信访件数较上年下降10%以上得满分，下降5%-10%得3分，下降5%以下得1分，上升不得分。"
DROP_ROW: dict[str, object] = {"target": "10%", "comparator": "≥", "unit": "%", "weight": 5}

# (rule, answer, row, points by hand)
# fmt: off
CASES: list[Case] = [
    # the letter alone is the level: 评价等级为 is the subject the first label alone writes
    (LETTERS, "A", {"weight": 8}, "8"),                # full marks
    (LETTERS, "C", {"weight": 8}, "4"),                # 8 × 50% = 4
    (LETTERS, "考核评价等级为A", {"weight": 8}, "8"),  # the label in full
    (RANKED, "A等次", {"weight": 5}, "5"),             # 等次 closes every label
    (RANKED, "A", {"weight": 5}, "5"),
    (RANKED, "C", {"weight": 5}, "1"),                 # C等次 named without its 等次
    (RANKED, "D等次", {"weight": 5}, "0"),
    # an ordinal written in Chinese numerals is the label's figure (the normalizer reads both alike)
    (QUARTER, "第一季度", {"target": "第一季度", "weight": 5}, "5"),
    (QUARTER, "第1季度", {"target": "第一季度", "weight": 5}, "5"),
    (QUARTER, "第二季度", {"target": "第一季度", "weight": 5}, "3"),
    # the level without the object the first label alone writes: 全面完成 (年度建设任务)
    (OBJECT, "全面完成", {"target": "全面完成", "weight": 10}, "10"),
    (OBJECT, "基本完成", {"target": "全面完成", "weight": 10}, "8"),   # 10 × 80% = 8
    (OBJECT, "未完成", {"target": "全面完成", "weight": 10}, "0"),
    # a change word after the subject 单位成本较上年
    (TREND, "下降", {"weight": 5}, "5"),
    (TREND, "持平", {"weight": 5}, "3"),
    (TREND, "上升", {"weight": 5}, "0"),
    # an alternative of an 或 label names it; the other labels as before
    (EITHER, "下降", {"target": "提高", "weight": 6}, "0"),
    (EITHER, "持平", {"target": "提高", "weight": 6}, "0"),
    (EITHER, "明显提高", {"target": "提高", "weight": 6}, "6"),
    (EITHER, "有所提高", {"target": "提高", "weight": 6}, "3.6"),  # 6 × 60% = 3.6
    # 较大 is a grade word: 影响 + 较大 as 政策知晓度 + 高 (§85)
    (IMPACT, "影响较大", {"target": "影响较大", "weight": 5}, "5"),
    (IMPACT, "较大", {"target": "影响较大", "weight": 5}, "5"),
    (IMPACT, "影响一般", {"target": "影响较大", "weight": 5}, "3"),  # 5 × 60% = 3
    # a signed change on bands of that change: 下降8% is 8% on 下降5%-10% → 3
    (DROP, "下降8%", DROP_ROW, "3"),
    (DROP, "下降12%", DROP_ROW, "5"),                  # 下降10%以上: full marks
    (DROP, "下降3%", DROP_ROW, "1"),                   # 下降5%以下
    (DROP, "上升", DROP_ROW, "0"),
]

# answers that name no label, or two: refused
REFUSALS: list[Case] = [
    (LETTERS, "E", {"weight": 8}, REFUSE),             # no such grade
    (LETTERS, "AB", {"weight": 8}, REFUSE),
    (LETTERS, "评价等级为A", {"weight": 8}, REFUSE),   # a part of the subject: the label has it whole or not at all
    (RANKED, "等次", {"weight": 5}, REFUSE),
    (QUARTER, "第三季度", {"target": "第一季度", "weight": 5}, REFUSE),  # no band written for it
    (QUARTER, "季度", {"target": "第一季度", "weight": 5}, REFUSE),
    (OBJECT, "部分完成", {"target": "全面完成", "weight": 10}, REFUSE),  # not 完成, not 基本完成
    (OBJECT, "全面", {"target": "全面完成", "weight": 10}, REFUSE),
    (OBJECT, "年度建设任务", {"target": "全面完成", "weight": 10}, REFUSE),
    (TREND, "较上年下降", {"weight": 5}, REFUSE),       # opens with no level word: a part of the label
    (TREND, "不下降", {"weight": 5}, REFUSE),
    (EITHER, "提高", {"target": "提高", "weight": 6}, REFUSE),       # 明显提高 or 有所提高: two labels
    (EITHER, "持平或", {"target": "提高", "weight": 6}, REFUSE),
    (IMPACT, "影响", {"target": "影响较大", "weight": 5}, REFUSE),
    (DROP, "上升3%", DROP_ROW, REFUSE),                 # a rise is no band of the 下降 bands' numbers
    (DROP, "下降", DROP_ROW, REFUSE),                   # how much is not said
]
# fmt: on

test_hand_cases, test_compiled_agrees, test_round_trip = checks(CASES)


@pytest.mark.parametrize(("text", "actual", "kw", "want"), REFUSALS)
def test_refused(text: str, actual: Any, kw: dict[str, object], want: str) -> None:
    scores_or_refuses(text, actual, kw, want)


def test_positive_word_never_names_a_negated_alternative() -> None:
    # 未按时或足额拨付 may negate both (未 (按时或足额) 拨付): 足额拨付 is no alternative of it; 不及时或不到位 splits
    assert short_names(["按时足额拨付", "未按时或足额拨付"]) == [(), ()]
    assert short_names(["及时到位", "不及时或不到位"]) == [(), ("不及时", "不到位")]


def test_short_names_only_for_the_first_label() -> None:
    # the subject is written on the first label only; a later label is written without one
    assert short_names(["评价等级为A", "B", "C"]) == [("A",), (), ()]
    assert short_names(["项目开工时间在第1季度", "第2季度", "下半年"]) == [("第1季度",), (), ()]
    assert short_names(["全面完成年度目标任务", "基本完成", "未完成"]) == [("全面完成",), (), ()]
    # a letter inside a word (获得PPT) is no level; nor a label that is the token alone
    assert short_names(["获得PPT", "B"]) == [(), ()]
    assert short_names(["完成", "部分完成", "未完成"]) == [(), (), ()]


@pytest.mark.parametrize(
    ("text", "actual", "kw", "want"),
    [
        # 完成 against 未完成 / 部分完成: its own label, never the negated one, never by a substring
        ("完成得满分，部分完成得3分，未完成不得分", "完成", {"weight": 5}, "5"),
        ("完成得满分，部分完成得3分，未完成不得分", "部分完成", {"weight": 5}, "3"),
        ("完成得满分，部分完成得3分，未完成不得分", "未完成", {"weight": 5}, "0"),
        ("按时足额拨付得满分，未按时或足额拨付不得分", "足额拨付", {"weight": 5}, REFUSE),
    ],
)
def test_no_substring_no_negated(text: str, actual: Any, kw: dict[str, object], want: str) -> None:
    scores_or_refuses(text, actual, kw, want)
