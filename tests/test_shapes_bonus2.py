"""Bonuses and caps the parser or evaluator refused (docs/semantics.md §106, domain points 15, 18, 20): a worded award
beside a bonus of its own, a list of bonus events under one summed cap, and a cap over the deductions of two step
clauses written 两项累计扣分不超过N分. Every expectation is computed by hand from the rule text and the semantics
(arithmetic beside each case); the evaluator, the compiled rule and the frame path must all give it."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
import shape_cases

import scoring
from scoring.rules.nodes import Deduction, Rule, StepKind
from scoring.rules.render import render

WORDED = "完成得满分，获得表彰的加1分"
WORDED_ROW: dict[str, object] = {"target": "100%", "comparator": "≥", "unit": "%", "weight": 5}
TASKS = "工作任务全部完成得4分，未完成不得分；获省级以上表彰的加1分"
MEDIA = "按期完成年度工作任务得基本分8分；工作经验被省级以上媒体宣传报道的，每次加0.5分，最多加2分"
GRADES = "优秀得满分，良好得8分，获得表彰的加1分"
AWARDS = "获得国家级表彰的加3分，省级表彰的加2分，市级表彰的加1分，加分累计不超过3分"
AWARDS3 = "获得国家级表彰的加3分，省级表彰的加2分，市级表彰的加1分，三项加分累计不超过3分"
REPORTS = "迟报一次扣0.5分，漏报一次扣1分，两项累计扣分不超过3分"
BAND = "完成率达到80%得满分，每低1%扣1分，完成率100%以上加2分。"
BAND_ROW: dict[str, object] = {"target": "≥80%", "unit": "%", "weight": 10}
TWO_BANDS = "完成率达到80%得满分，每低1%扣1分，完成率90%-100%（不含）加1分，100%以上加2分"
OVERLAP = "完成率达到80%得满分，每低1%扣1分，完成率90%以上加1分，100%以上加2分"

# (text, answers, row, hand score)
CASES: list[tuple[str, Any, dict[str, object], str]] = [
    # the words are answered on their own (1), the bonus on its own (2), in the order the text writes them (§99)
    (WORDED, {1: "是", 2: "否"}, WORDED_ROW, "5"),  # 完成: full marks 5; no bonus
    (WORDED, {1: "是", 2: "是"}, WORDED_ROW, "6"),  # 5 + 1: a stated bonus lifts the weight's cap, none stated (point 18)
    (WORDED, {1: "否", 2: "是"}, WORDED_ROW, "1"),  # not done and no clause for it: 0 (a gap), + 1 = 1 (never 6)
    (WORDED, {1: "否", 2: "否"}, WORDED_ROW, "0"),
    (WORDED, {"实际值": "100%", 1: "否"}, WORDED_ROW, "5"),  # 100% reaches the target 100% (完成 ⇔ target, point 20)
    (WORDED, {1: "90%", 2: "是"}, WORDED_ROW, "1"),  # 90 < 100: not done, 0; + 1
    (TASKS, {1: "是", 2: "是"}, {"target": "全部完成", "weight": 4}, "5"),  # 4 + 1 (seventh probe F04)
    (TASKS, {1: "是", 2: "否"}, {"target": "全部完成", "weight": 4}, "4"),
    (TASKS, {1: "否", 2: "否"}, {"target": "全部完成", "weight": 4}, "0"),  # 未完成不得分
    (MEDIA, {1: "是", 2: "3"}, {"weight": 8}, "9.5"),  # 8 + 3 × 0.5 (eighth probe F04)
    (MEDIA, {1: "是", 2: "6"}, {"weight": 8}, "10"),  # 8 + min(6 × 0.5, 2)
    (MEDIA, {1: "否", 2: "1"}, {"weight": 8}, "0.5"),  # the base not earned: 0 + 0.5
    (GRADES, {1: "良好", 2: "是"}, {"weight": 10}, "9"),  # 良好 8 + 1
    (GRADES, {1: "优秀", 2: "否"}, {"weight": 10}, "10"),
    # three bonus events, each 是/否, their sum capped at 3; a rule of bonuses alone counts from 0 within the weight
    (AWARDS, {1: "是", 2: "是", 3: "否"}, {"weight": 5}, "3"),  # 3 + 2 = 5 > 3: 3
    (AWARDS, {1: "否", 2: "是", 3: "是"}, {"weight": 5}, "3"),  # 2 + 1 = 3
    (AWARDS, {1: "否", 2: "否", 3: "是"}, {"weight": 5}, "1"),
    (AWARDS, {1: "否", 2: "否", 3: "否"}, {"weight": 5}, "0"),
    (AWARDS, {1: "是", 2: "否", 3: "否"}, {"weight": 2}, "2"),  # 3 within the cap 3, but bonuses alone stay within 2
    (AWARDS3, {1: "是", 2: "否", 3: "是"}, {"weight": 5}, "3"),  # 3 + 1 = 4 > 3: 3
    # two counts of events, their deductions together at most 3 (§15, §60's joint cap)
    (REPORTS, {1: 2, 2: 3}, {"weight": 5}, "2"),  # 2 × 0.5 + 3 × 1 = 4 > 3: 5 − 3
    (REPORTS, {1: 1, 2: 1}, {"weight": 5}, "3.5"),  # 0.5 + 1 = 1.5: 5 − 1.5
    (REPORTS, {1: 0, 2: 0}, {"weight": 5}, "5"),
    (REPORTS, {1: 10, 2: 10}, {"weight": 5}, "2"),  # 15 > 3: 5 − 3
    (REPORTS, {1: 2, 2: 3}, {"weight": 2}, "0"),  # 2 − 3 < 0: 0 (the clamp, point 6)
    # a bonus band on the one value: the base as the other clauses score it, + 2 where the value is ≥100% (以上
    # includes its number, point 1); no cap stated, so the score may exceed the weight by the 2 (point 18)
    (BAND, "105%", BAND_ROW, "12"),  # ≥80%: 10; 105 ≥ 100: + 2
    (BAND, "100%", BAND_ROW, "12"),  # 以上 includes 100
    (BAND, "99%", BAND_ROW, "10"),  # full marks, below the bonus band
    (BAND, "80%", BAND_ROW, "10"),
    (BAND, "75%", BAND_ROW, "5"),  # 5 points short × 1: 10 − 5
    (BAND, "72.5%", BAND_ROW, "2.5"),  # 7.5 points short, pro-rata (point 3): 10 − 7.5
    (BAND, "60%", BAND_ROW, "0"),  # 20 short: 10 − 20 < 0 → 0
    (BAND, "105", {"weight": 10}, "12"),  # no row: 105 on a 完成率 rule is 105%
    (TWO_BANDS, "95%", {"weight": 10}, "11"),  # in 90%-100%(不含): + 1
    (TWO_BANDS, "100%", {"weight": 10}, "12"),  # 100 is out of the first (不含), in the second: + 2
    (TWO_BANDS, "85%", {"weight": 10}, "10"),
    (OVERLAP, "95%", {"weight": 10}, "11"),  # only the 90%以上 band holds
]

test_hand_cases, test_compiled_agrees, test_round_trip = shape_cases.checks(CASES)


def test_the_frame_path_agrees() -> None:
    pd = pytest.importorskip("pandas")
    rows = [(text, actual, kw, want) for text, actual, kw, want in CASES]
    frame = pd.DataFrame({
        "rule": [r[0] for r in rows], "target": [r[2].get("target") for r in rows],
        "comparator": [r[2].get("comparator") for r in rows], "unit": [r[2].get("unit") for r in rows],
        "weight": [str(r[2]["weight"]) for r in rows], "actual": pd.Series([r[1] for r in rows], dtype=object),
    })  # fmt: skip
    out = scoring.score_frame(frame)
    assert [p for p in out["points"]] == [Decimal(r[3]) for r in rows]


def test_the_reading_lists_the_words_then_the_bonus() -> None:
    inputs = scoring.bind(scoring.parse(WORDED), target="100%", comparator="≥", unit="%").inputs
    assert [(i.key, i.kind, i.name) for i in inputs] == [("实际值", "flag", "完成"), (1, "flag", "获得表彰的")]
    shown = scoring.bind(scoring.parse(WORDED)).describe()
    assert "文字条件（是/否）是第1项" in shown  # the answer may be numbered in the text's order (§99)


def test_the_bonus_band_is_a_band_of_the_value() -> None:
    rule = scoring.parse(BAND)
    assert isinstance(rule, Rule)
    bonus = rule.deductions[-1]
    assert bonus.bonus and bonus.kind is StepKind.ONCE and bonus.when is not None
    assert bonus.when.subject == "完成率" and bonus.when.high is None and bonus.when.low is not None
    assert bonus.when.low.value.value == 100 and bonus.when.low.inclusive
    assert render(rule).endswith("完成率≥100%加2分（注：未写扣完为止：最低0分）")
    # one input, the value: the bonus band asks nothing of its own
    assert [(i.key, i.kind) for i in scoring.bind(rule, target="≥80%", unit="%").inputs] == [("实际值", "value")]
    changed = scoring.parse(BAND.replace("100%以上", "110%以上"))
    assert changed != rule  # the band's line is part of the rule


def test_the_caps_are_the_rules() -> None:
    awards = scoring.parse(AWARDS)
    assert isinstance(awards, Rule) and awards.bonus_cap == 3 and awards.cap is None
    assert all(isinstance(c, Deduction) and c.bonus and c.cap is None for c in awards.deductions)
    reports = scoring.parse(REPORTS)
    assert isinstance(reports, Rule) and reports.cap == 3 and reports.bonus_cap is None
    assert all(isinstance(c, Deduction) and not c.bonus and c.cap is None for c in reports.deductions)


@pytest.mark.parametrize(
    ("text", "actual", "row", "says"),
    [
        # one answer is never copied to the words and the bonus (point 20)
        (WORDED, "否", WORDED_ROW, "2件事要回答"),
        (WORDED, "是", WORDED_ROW, "2件事要回答"),
        (TASKS, "是", {"target": "全部完成", "weight": 4}, "2件事要回答"),
        # a stated 不得分 beside a bonus earned: whether the bonus still counts is not written
        (TASKS, {1: "否", 2: "是"}, {"target": "全部完成", "weight": 4}, "加分是否仍计"),
        (WORDED, {1: "是", 2: "是", 3: "否"}, WORDED_ROW, "缺少"),  # three answers for two inputs
        (WORDED, {2: "是"}, WORDED_ROW, "缺少"),  # the words' answer missing
        (GRADES, {1: "及格", 2: "是"}, {"weight": 10}, "不是这条规则的等级"),
        (AWARDS, "是", {"weight": 5}, "3个实际值"),  # one 是 for three events
        (BAND, "是", BAND_ROW, "需要实际数值"),  # 是 says nothing of which band
        (BAND, {1: "是"}, BAND_ROW, "只需要一个实际值"),  # the bonus band takes no answer of its own
        # at 105% both bonus bands hold: only the higher band (2) or both (3)? not written
        (OVERLAP, "105%", {"weight": 10}, "2档加分"),
    ],
)
def test_refused_answers(text: str, actual: Any, row: dict[str, object], says: str) -> None:
    with pytest.raises(scoring.ScoringError) as e:
        scoring.evaluate(text, actual, **row)  # type: ignore[arg-type]
    assert says in str(e.value)
    with pytest.raises(scoring.ScoringError):
        scoring.compile(text, **row).points(actual)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # N项 with no word of together: each item's cap, or the two together? (domain point 15)
        ("迟报一次扣0.5分，漏报一次扣1分，两项扣分不超过3分", "cap-with-condition"),
        # which two of the three deductions the cap bounds is not written
        ("迟报一次扣0.5分，漏报一次扣1分，错报一次扣1分，两项累计扣分不超过3分", "joint-cap-count"),
        ("获得国家级表彰的加3分，省级表彰的加2分，市级表彰的加1分，两项加分累计不超过3分", "joint-cap-count"),
        # words after the band name things counted (each such project?): not the value's band, the 100 stays unread
        ("完成率达到80%得满分，每低1%扣1分，完成率100%以上的项目加2分", "unread-number"),
        # two quantities before one bonus: which band is not one of the value
        ("完成率达到80%得满分，每低1%扣1分，完成率100%以上或满意度95%以上加2分", "two-starts"),
    ],
)
def test_a_cap_or_band_whose_scope_is_unclear_is_refused(text: str, code: str) -> None:
    assert shape_cases.refusal(text).code == code
