"""An honour received named in a one-off bonus (获得国家级表彰的加3分，省级表彰的加2分…) takes a whole count as well as
是/否: 0 none, 1 or more once (semantics §125, §149). Expectations by hand from the rule text."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

import scoring


def _points(text: str, actual: Any, weight: str) -> Decimal:
    return scoring.evaluate(text, actual, weight=weight).points


SIXTH_G09 = "获得国家级表彰的加3分，省级表彰的加2分，市级表彰的加1分，加分累计不超过3分。"


@pytest.mark.parametrize(
    ("text", "actual", "weight", "want"),
    [
        # the probe's own rule: 0 + 2 + 1 = 3; 3 + 2 = 5 capped at 3; 1
        (SIXTH_G09, {1: "0", 2: "1", 3: "1"}, "3", "3"),
        (SIXTH_G09, {1: "1", 2: "1", 3: "0"}, "3", "3"),
        (SIXTH_G09, {1: "0", 2: "0", 3: "1"}, "3", "1"),
        # own words: 荣获 / 表扬; 3 honours at the city level add 1 once (no 每), 0 + 1 = 1
        ("荣获省级表彰的加2分，获得市级表扬的加1分，加分累计不超过2分", {1: "0", 2: "3"}, "2", "1"),
        ("荣获省级表彰的加2分，获得市级表扬的加1分，加分累计不超过2分", {1: "0", 2: "0"}, "2", "0"),
        # 2 + 1 = 3 capped at 2
        ("荣获省级表彰的加2分，获得市级表扬的加1分，加分累计不超过2分", {1: "2", 2: "1"}, "2", "2"),
        # a base then a bonus: 4, and 4 + 1 with one 嘉奖
        ("按时完成得4分，获上级嘉奖的加1分", {1: "是", 2: "0"}, "5", "4"),
        ("按时完成得4分，获上级嘉奖的加1分", {1: "是", 2: "1"}, "5", "5"),
        # 获奖: twice, added once: 3 + 1
        ("完成年度任务得3分，作品在全省评比中获奖的加1分", {1: "是", 2: "2"}, "4", "4"),
    ],
)
def test_honour_counted_once(text: str, actual: Any, weight: str, want: str) -> None:
    assert _points(text, actual, weight) == Decimal(want)


@pytest.mark.parametrize(
    ("text", "actual", "weight"),
    [
        (SIXTH_G09, {1: "1.5", 2: "0", 3: "0"}, "3"),  # a count of honours is whole
        ("未获得表彰的扣1分", "0", "3"),  # negated: no honour happens, 0 could be 是 or none
        ("资料不齐全的扣1分，资料不规范的扣0.5分", {1: "1", 2: "0"}, "2"),  # a state, not an honour: still 是/否 (§125)
    ],
)
def test_refused(text: str, actual: Any, weight: str) -> None:
    with pytest.raises(scoring.ScoringError):
        _points(text, actual, weight)
