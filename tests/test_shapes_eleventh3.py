"""Answers a careful scorer scores that were refused (eleventh probe G02, G08, G13, H04, C01, V08, E15, F17, B08;
semantics §124). Hand scores from the rule text and docs/semantics.md; the refusals at the end must stay."""

from __future__ import annotations

from typing import Any

import pytest

import scoring
from tests.shape_cases import REFUSE, Case, checks, scores_or_refuses

# a deadline with no year and a row target that states one (§88, §90): steps per 10 days late, weight 5
FUNDS = "资金于6月底前拨付到位得满分，每推迟10天扣1分"
FUNDS_ROW = {"target": "2024年6月底前", "weight": 5}
# a week is 7 days: 3 days late is 3/7 of a step
WEEKS = "项目应于5月31日前完工，每延误一周扣1分"
WEEKS_ROW = {"target": "2024年5月31日前", "weight": 4}
# on-time words where the rule reads only how late (no worded band for 是)
DELAYS = "每延期5天扣1分，延期超过20天不得分"
DELAYS_ROW = {"target": "2024年12月31日前", "weight": 4}
BUILT = "工程按期竣工得满分，每逾期1个月扣1分"
# a negated event verb as a count of 0
FOUND = "每发现一起违规问题扣1分，扣完为止"
FOUND_ROW = {"unit": "起", "weight": 3}
# a passive veto: 被, the finders, the verb
AUDIT = "被上级检查发现虚报冒领问题的，本项不得分"
# grades listed with 、 between them
GRADES = "服务质量：明显提升（5分）、有所提升（3分）、无变化（1分）、下降（0分）"
# places counted from the last, answered from the last
LAST = "排名倒数第1名不得分，倒数第2名得1分，其余得满分"
LAST_ROW = {"unit": "名", "weight": 4}
# a numbered band and steps on the same value
NUMBERED = "（1）完成率达到100%得满分；（2）每降低1个百分点扣0.5分。"
RATE_ROW = {"target": "100%", "comparator": "≥", "unit": "%", "weight": 5}

CASES: list[Case] = [
    (FUNDS, "2024年6月28日", FUNDS_ROW, "5"),  # before 6月30日
    (FUNDS, "2024年6月30日", FUNDS_ROW, "5"),  # the deadline's own day
    (FUNDS, "2024年7月20日", FUNDS_ROW, "3"),  # 20 days: 2 steps
    (FUNDS, "2024年7月5日", FUNDS_ROW, "4.5"),  # 5 days: half a step (in proportion, §4)
    (FUNDS, "2024年10月30日", FUNDS_ROW, "0"),  # 122 days: floored at 0
    (WEEKS, "2024年6月14日", WEEKS_ROW, "2"),  # 14 days: 2 weeks
    (WEEKS, "2024年6月3日", WEEKS_ROW, "3.57"),  # 3 days: 3/7 of a week, 4 − 3/7 = 3.571…
    (WEEKS, "2024年5月20日", WEEKS_ROW, "4"),
    (DELAYS, "按期完成", DELAYS_ROW, "4"),  # 0 days late
    (DELAYS, "按时完工", DELAYS_ROW, "4"),
    (DELAYS, "延期5天", DELAYS_ROW, "3"),
    (BUILT, "按期竣工", {"target": "2024年12月31日前", "weight": 3}, "3"),
    (BUILT, "按期完工", {"target": "2024年12月31日前", "weight": 3}, "3"),
    (FOUND, "未发现", FOUND_ROW, "3"),  # none found
    (FOUND, "没有发现", FOUND_ROW, "3"),
    (FOUND, "2", FOUND_ROW, "1"),
    (AUDIT, "未发现", {"weight": 2}, "2"),  # the veto did not happen
    (AUDIT, "发现", {"weight": 2}, "0"),
    (GRADES, "无变化", {"weight": 5}, "1"),
    (GRADES, "下降", {"weight": 5}, "0"),
    (GRADES, "有所提升", {"weight": 5}, "3"),
    (LAST, "倒数第1名", LAST_ROW, "0"),
    (LAST, "倒数第2名", LAST_ROW, "1"),
    (LAST, "倒数第二名", LAST_ROW, "1"),
    (LAST, "倒数第6名", LAST_ROW, "4"),  # 其余
    (LAST, "第19名/共20名", LAST_ROW, "1"),  # the pair still reads: 倒数第2名
    (NUMBERED, "100%", RATE_ROW, "5"),
    (NUMBERED, "96%", RATE_ROW, "3"),  # 4 points short: 2 lost
    (NUMBERED, "98.5%", RATE_ROW, "4.25"),  # 1.5 points: 0.75 lost
    (NUMBERED, "80%", RATE_ROW, "0"),
]

test_hand_cases, test_compiled_agrees, test_round_trip = checks(CASES)

REFUSALS: list[Case] = [
    (FUNDS, "7月20日", FUNDS_ROW, REFUSE),  # the year is known; a date without one is refused (§88)
    (FUNDS, "2024年7月20日", {"weight": 5}, REFUSE),  # no year anywhere in the rule or the row
    ("决算报表于次年3月31日前报送，每逾期1天扣1分", "2025年4月2日", {"target": "2024年3月31日前", "weight": 5},
     REFUSE),  # 次年: the target's year is not the deadline's
    ("2025年12月31日前完成得满分，每延后1个月扣2分", "2026年1月15日", {"weight": 6}, REFUSE),  # a month has no fixed days
    (DELAYS, "基本按期", DELAYS_ROW, REFUSE),  # not an on-time word
    (FOUND, "发现", FOUND_ROW, REFUSE),  # found, but how many?
    ("被通报批评的，本项不得分", "未发现", {"weight": 2}, REFUSE),  # no event verb in the veto
    ("完成率100%得满分，每低1%扣1分；数据弄虚作假的，该项得0分", {"实际值": "97%", 1: "0"},
     {"target": "100%", "comparator": "≥", "unit": "%", "weight": 5}, REFUSE),  # 弄虚作假 is a state, not counted
    (GRADES, "提升", {"weight": 5}, REFUSE),  # two grades end so
    (LAST, "第3名", LAST_ROW, REFUSE),  # from the first: the number ranked is needed
    ("全市排名前5名得满分，倒数3名不得分", "倒数第2名", {"unit": "名", "weight": 4}, REFUSE),  # bands from both ends
    ("（1）完成率达到100%得满分；（2）每发现1起问题扣1分", "96%", RATE_ROW, REFUSE),  # a count: two inputs
]


@pytest.mark.parametrize(("text", "actual", "kw", "want"), REFUSALS)
def test_refusals_stay(text: str, actual: Any, kw: dict[str, object], want: str) -> None:
    scores_or_refuses(text, actual, kw, want)


def test_grade_message_lists_each_grade_once() -> None:
    """The refusal lists the grades without the 、 that separated them in the rule (it showed 明显提升、、有所提升)."""
    with pytest.raises(scoring.ScoringError) as e:
        scoring.evaluate(GRADES, "变好", weight=5)
    assert "明显提升、有所提升、无变化、下降" in str(e.value)
    assert "、、" not in str(e.value)
