"""年底前 / 年底 / 年末 / 年内 opening a worded band are the year's last day, 12月31日, as 12月底前 is; and 下半年 before a
later band is the half from 7月1日 to 12月31日 (semantics §108; ninth probe G12). Hand scores from the text: a date
answered scores the first band whose deadline it does not pass (§88)."""

from __future__ import annotations

import shape_cases

W5 = {"weight": 5}
HALVES = "上半年完成全部资金拨付的得满分，下半年完成的得3分，年底未完成的不得分"
YEAR_END = "6月底前完成得满分，年底前完成得3分，年底未完成不得分"
QUARTERS = "项目开工时间在第一季度的得满分，第二季度的得3分，下半年的不得分"
WITHIN = "年内完成得满分，否则不得分"

CASES: list[shape_cases.Case] = [
    (HALVES, "3月31日", W5, "5"),  # in the first half
    (HALVES, "6月30日", W5, "5"),  # its last day
    (HALVES, "7月1日", W5, "3"),  # the second half's first
    (HALVES, "9月1日", W5, "3"),
    (HALVES, "下半年完成", W5, "3"),  # the label itself
    (HALVES, "是", W5, "5"),
    (YEAR_END, "6月30日", W5, "5"),
    (YEAR_END, "9月1日", W5, "3"),  # by 12月31日
    (YEAR_END, "12月31日", W5, "3"),
    # 下半年 as the last band is the late band from 7月1日, as before
    (QUARTERS, "6月30日", W5, "3"),
    (QUARTERS, "9月1日", W5, "0"),
    (WITHIN, "11月1日", W5, "5"),
    (WITHIN, "否", W5, "0"),
]

test_hand_cases, test_compiled_agrees, test_round_trip = shape_cases.checks(CASES)


def test_a_date_with_a_year_against_a_yearless_year_end_is_refused() -> None:
    # the rule has no year: none is inferred (§88)
    shape_cases.scores_or_refuses(WITHIN, "2025年11月1日", W5, shape_cases.REFUSE)
