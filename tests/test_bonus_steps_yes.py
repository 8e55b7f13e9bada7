"""是 on a bonus counted per step (semantics §131): 每 counts each case, and 是 does not say how many, so it is
refused unless the cap is one step; an item of a 分别 list is one listed item, met once by 是. Points by hand."""

from __future__ import annotations

import pytest

import scoring

REFUSE = "REFUSE"

# (rule, weight, answer, points by hand)
CASES = [
    # 每获得1项 with no cap: 是 is at least one, how many is not said; counts score 1 each
    ("每获得1项市级表彰加1分", 5, "是", REFUSE),
    ("每获得1项市级表彰加1分", 5, "否", "0.00"),
    ("每获得1项市级表彰加1分", 5, "2", "2.00"),
    ("每开展一次志愿服务活动加0.5分", 3, "是", REFUSE),
    ("每开展一次志愿服务活动加0.5分", 3, "4", "2.00"),  # 4 × 0.5
    # a cap of one step: 是 (one or more) adds exactly the cap
    ("每获得1项市级表彰加1分，最多加1分", 5, "是", "1.00"),
    # a 分别 list: each listed item met or not (domain point 17): 2 + 1 = 3; a count per item: 1 × 2 + 2 × 1 = 4
    ("获市级以上先进集体和个人分别加2分、1分", 5, {1: "是", 2: "是"}, "3.00"),
    ("获市级以上先进集体和个人分别加2分、1分", 5, {1: "是", 2: "否"}, "2.00"),
    ("获市级以上先进集体和个人分别加2分、1分", 5, {1: "1", 2: "2"}, "4.00"),
    ("获市级以上先进集体和个人分别加2分、1分", 5, {1: "否", 2: "否"}, "0.00"),
]


@pytest.mark.parametrize(("text", "weight", "answer", "want"), CASES)
def test_yes_on_bonus_steps(text: str, weight: int, answer: object, want: str) -> None:
    if want == REFUSE:
        with pytest.raises(scoring.ScoringError, match="需要填写数量"):
            scoring.evaluate(text, answer, weight=weight)
    else:
        assert str(scoring.evaluate(text, answer, weight=weight).points) == want
