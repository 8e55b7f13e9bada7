"""Fourteenth probe shapes (semantics §158): a PDF space inside a percentage before 以上/以下 (满意度9 0%以上), a time limit
in brackets after 按规定时限 with no 内 (the limit kept), 次月N日前 on a thing done every month (the days late summed),
and 完成值超过目标值的不额外加分 (the cap at the weight, stated). Hand scores from the rule texts."""

from __future__ import annotations

import pytest
import shape_cases

from scoring.text.normalize import normalize

PASS_RATE = "合格率9 5%以上得满分，每低1%扣0.5分"  # 95%
COVERAGE = "覆盖率8 5%及以上得满分，每低1个百分点扣0.2分"  # 85%
WORKDAYS = "按规定时限（5个工作日）完成得满分，每超1个工作日扣1分"
DAYS = "按时限（30天）办理完毕得满分，每超过1天扣0.1分"
MONTHLY = "每月数据于次月5日前上报，每逾期1天扣0.1分"
MONTH_REPORT = "统计月报在次月8日前报送，每迟报1天扣0.5分，扣完为止"
RATIO = "得分=指标分值×（实际完成值/目标值），实际完成值超过目标值的不加分"
RATIO_YEAR = "得分=实际值/年度目标值×指标分值，完成数高于目标的部分不另加分"

CASES: list[shape_cases.Case] = [
    # 95% is the line: 93% is 2 below → 4 − 1 = 3; 80% is 15 below → 4 − 7.5, floored at 0
    (PASS_RATE, "95%", {"weight": 4, "target": "≥95%", "unit": "%"}, "4"),
    (PASS_RATE, "93%", {"weight": 4, "target": "≥95%", "unit": "%"}, "3"),
    (PASS_RATE, "80%", {"weight": 4, "target": "≥95%", "unit": "%"}, "0"),
    # 85% the line: 80% is 5 points below → 2 − 1 = 1
    (COVERAGE, "85%", {"weight": 2, "target": "≥85%", "unit": "%"}, "2"),
    (COVERAGE, "80%", {"weight": 2, "target": "≥85%", "unit": "%"}, "1"),
    # within 5 working days → 3; 6 is one over → 2; 9 is four over → 0 (floor)
    (WORKDAYS, "4", {"weight": 3, "target": "≤5个工作日", "unit": "个工作日"}, "3"),
    (WORKDAYS, "6", {"weight": 3, "target": "≤5个工作日", "unit": "个工作日"}, "2"),
    (WORKDAYS, "9", {"weight": 3, "target": "≤5个工作日", "unit": "个工作日"}, "0"),
    # 30 days kept → 2; 35 is 5 over → 2 − 0.5 = 1.5
    (DAYS, "30", {"weight": 2, "target": "≤30天", "unit": "天"}, "2"),
    (DAYS, "35", {"weight": 2, "target": "≤30天", "unit": "天"}, "1.5"),
    # the days late over the months: 0 → 2; 3 → 2 − 0.3 = 1.7
    (MONTHLY, "0", {"weight": 2}, "2"),
    (MONTHLY, "3", {"weight": 2}, "1.7"),
    # 3 days late → 2 − 1.5 = 0.5; 5 → 2 − 2.5, floored at 0
    (MONTH_REPORT, "3", {"weight": 2}, "0.5"),
    (MONTH_REPORT, "5", {"weight": 2}, "0"),
    # 150/200 × 10 = 7.5; 300/200 × 10 = 15, capped at the weight: 10
    (RATIO, "150", {"weight": 10, "target": "≥200"}, "7.5"),
    (RATIO, "300", {"weight": 10, "target": "≥200"}, "10"),
    # 40/50 × 6 = 4.8; 60/50 × 6 = 7.2, capped: 6
    (RATIO_YEAR, "40", {"weight": 6, "target": "≥50"}, "4.8"),
    (RATIO_YEAR, "60", {"weight": 6, "target": "≥50"}, "6"),
]

test_hand_cases, test_compiled_agrees, test_round_trip = shape_cases.checks(CASES)


@pytest.mark.parametrize(("text", "joined"), [("满意度9 0%以上得满分", "满意度90%以上得满分"), ("差错率5 2‰及以下", "差错率52‰及以下")])
def test_a_downward_pair_before_a_line_word_is_one_number(text: str, joined: str) -> None:
    n = normalize(text)
    assert n.text == joined
    assert [c.kind for c in n.changes] == ["space-in-number"]  # a warning


@pytest.mark.parametrize(
    "text",
    [
        "满意度8 90%以上得满分",  # 8-90% with a lost dash is a range: two readings
        "完成9 5%",  # no line word after: nothing says one number stands here
        "满意度9 0%得满分",  # the same
        "满意度9 0 %以上",  # a space before the %: not the one printed space of one number
        "1 2项",  # a list of numbers
        "得8  分",  # points (joined by the space rule, not as one number)
    ],
)
def test_other_pairs_stay_apart(text: str) -> None:
    assert "space-in-number" not in [c.kind for c in normalize(text).changes]


@pytest.mark.parametrize(
    "text",
    [
        "超过规定时限（10个工作日）的每天扣1分",  # 超过 before the limit word: not the limit kept
        "项目验收后次月10日前报送，每迟报1天扣0.2分",  # 次月 after an event, nothing done every month
        "每超1%加1分，完成值超过目标值的不加分",  # a bonus beside no bonus: a contradiction
    ],
)
def test_still_refused(text: str) -> None:
    shape_cases.refusal(text)


def test_a_date_answer_to_a_monthly_deadline_is_refused() -> None:
    shape_cases.scores_or_refuses(MONTH_REPORT, "2025-02-12", {"weight": 2}, shape_cases.REFUSE)
