"""超期 (overdue) is a delay word: 超期办理一件 counts cases handled late, 每超期1天 days late (lexicon delay).
Expectations by hand."""

from __future__ import annotations

from decimal import Decimal

import pytest

import scoring


@pytest.mark.parametrize(
    ("rule", "answer", "points"),
    [
        ("信访事项按期办结，超期办理一件扣0.5分", "0", "3.00"),
        ("信访事项按期办结，超期办理一件扣0.5分", "3", "1.50"),  # 3 cases late: 3 × 0.5
        ("项目按期完成得满分，每超期1天扣0.5分", "4", "1.00"),  # 4 days late: 3 − 2
    ],
)
def test_overdue_counts(rule: str, answer: str, points: str) -> None:
    assert scoring.evaluate(rule, answer, weight=3).points == Decimal(points)


def test_overdue_cases_on_a_row_of_cases_are_not_its_excess() -> None:
    # read as 每超出1件 on a row of 200件, 3 late cases were 3 < 200 (no excess): full marks
    got = scoring.evaluate("信访事项按期办结，超期办理一件扣0.5分", "3", weight=3, target="200", unit="件")
    assert got.points == Decimal("1.50")


@pytest.mark.parametrize(
    ("rule", "answer", "points"),
    [
        # a rate in full stated before deductions per failure of it (lexicon failed_requirement): the count of failures
        ("项目资金支出合规性100%，每发现一笔不合规支出扣0.5分，扣完为止", "2", "2.00"),  # 3 − 2 × 0.5
        ("问题整改率100%，每有1项未整改扣1分", "2", "1.00"),  # 3 − 2
        # the second line restates the first from its other side (应在3个月内, 超过3个月的): 5 months is 2 past, 3 − 2
        ("项目前期工作应在3个月内完成，超过3个月的，每超1个月扣1分", "5", "1.00"),
    ],
)
def test_requirement_stated_then_failures_counted(rule: str, answer: str, points: str) -> None:
    kw = {"target": "≤3", "comparator": "≤", "unit": "个月"} if "个月" in rule else {}
    assert scoring.evaluate(rule, answer, weight=3, **kw).points == Decimal(points)  # type: ignore[arg-type]


def test_a_rate_below_full_or_no_failure_word_stays_unread() -> None:
    for rule in ("合格率95%，每发现1批次不合格扣1分", "满意度100%，每次投诉扣1分", "应在3个月内完成，超过4个月的，每超1个月扣1分"):
        with pytest.raises(scoring.RuleSyntaxError) as e:
            scoring.parse(rule)
        assert e.value.code == "unread-number"


@pytest.mark.parametrize(("answer", "points"), [("2", "2.00"), ("3", "0.00"), ("0", "4.00")])
def test_a_zero_band_on_the_counter_after_its_per(answer: str, points: str) -> None:
    # 每批次 counts 批次, and 发现3批次及以上 (an event verb alone before the band) cuts that count off: one answer
    rule = "食品安全抽检不合格每批次扣1分；发现3批次及以上的，本项不得分"
    assert scoring.evaluate(rule, answer, weight=4).points == Decimal(points)


@pytest.mark.parametrize(("answer", "points"), [("92%", "9.20"), ("103%", "10.00")])
def test_a_year_before_a_name_of_the_value(answer: str, points: str) -> None:
    # 全年执行数 / 全年预算数 are the value and the target (the year they are of before their names): 0.92 × 1 × 10
    rule = "预算执行率=全年执行数/全年预算数×100%，得分=预算执行率×分值"
    got = scoring.evaluate(rule, answer, weight=10, target="100%", comparator="≥", unit="%")
    assert got.points == Decimal(points)


@pytest.mark.parametrize(("answer", "points"), [("1", "1.50"), ("3", "0.50")])
def test_a_qualifier_closing_the_event_with_de(answer: str, points: str) -> None:
    # 系统宕机超过2小时的: which outages count (§98); 2 − 0.5 per such outage
    assert scoring.evaluate("每出现一次系统宕机超过2小时的扣0.5分", answer, weight=2).points == Decimal(points)


@pytest.mark.parametrize(("answer", "points"), [("110", "9.00"), ("95", "9.50")])
def test_a_definition_after_qizhong(answer: str, points: str) -> None:
    # 其中偏离度=|实际完成额-预算额|/预算额: 110 on 100 → 10%, 10 × 0.9; 95 → 5%, 10 × 0.95
    rule = "得分=分值×（1-偏离度），其中偏离度=|实际完成额-预算额|/预算额"
    assert scoring.evaluate(rule, answer, weight=10, target="100", unit="万元").points == Decimal(points)


@pytest.mark.parametrize(
    ("rule", "answer", "points"),
    [
        ("满意度[90%,100%]得5分，[80%,90%)得3分，80%以下不得分", "90%", "5.00"),  # both ends of [90%,100%] included
        ("满意度[90%,100%]得5分，[80%,90%)得3分，80%以下不得分", "85%", "3.00"),
        ("完成率（100%，+∞）得5分；[90%，100%]得4分；[80%，90%）得2分；80%以下得0分", "100%", "4.00"),  # (100%: not 100%
        ("完成率（100%，+∞）得5分；[90%，100%]得4分；[80%，90%）得2分；80%以下得0分", "105%", "5.00"),
    ],
)
def test_interval_notation(rule: str, answer: str, points: str) -> None:
    assert scoring.evaluate(rule, answer, weight=5).points == Decimal(points)


def test_interval_notation_is_shown_and_round_brackets_alone_stay_words() -> None:
    r = scoring.parse("满意度[90%,100%]得5分，[80%,90%)得3分，80%以下不得分")
    assert [c.kind for c in r.normalized] == ["interval", "interval"]
    # （80%，90%） with round brackets and no ∞ may be a remark listing two numbers: not read as an interval
    from scoring.text.normalize import normalize

    assert normalize("（80%，90%）").text == "（80%，90%）"
