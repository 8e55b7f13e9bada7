"""Requirements described with numbers, scored by counting failures (semantics §56), and numbers
inside a subject's name (§57). Every expectation is computed by hand from the rule text."""

from __future__ import annotations

from decimal import Decimal

import pytest

import scoring
from scoring.rules import nodes as n


def _rule(text: str) -> n.Rule:
    rule = scoring.parse(text)
    assert isinstance(rule, n.Rule)
    return rule


def _points(text: str, actual: object, weight: str, **kw: str) -> Decimal:
    return scoring.evaluate(scoring.parse(text), actual, weight=weight, **kw).points  # type: ignore[arg-type]


def _requirement(rule: n.Rule) -> n.Requirement:
    reqs = [c for c in rule.clauses if isinstance(c, n.Requirement)]
    assert len(reqs) == 1, rule
    return reqs[0]


# ------------------------------------------------------------------ §56 requirements

REPORT = "每季度结束后10日内报送报告，未按时报送每次扣1分"


def test_a_deadline_before_a_deduction_per_failure_is_the_requirement() -> None:
    rule = _rule(REPORT)
    req = _requirement(rule)
    assert req.terms == (n.Quantity(Decimal(10), "日"),)
    assert req.text == "每季度结束后10日内报送报告"
    (d,) = rule.deductions
    assert d.kind is n.StepKind.EVENTS
    # weight 4: 2 late reports → 4 − 2 × 1 = 2; 5 late → 4 − 5 < 0 → 0
    assert _points(REPORT, "2", "4") == Decimal("2.00")
    assert _points(REPORT, "0", "4") == Decimal("4.00")
    assert _points(REPORT, "5", "4") == Decimal("0.00")


def test_the_requirement_numbers_are_never_an_answer_scale() -> None:
    # the answer counts failures: a percentage or the deadline's own number as a date is refused
    with pytest.raises(scoring.ScoringError):
        _points(REPORT, "50%", "4")


def test_a_changed_term_is_a_changed_rule() -> None:
    assert _rule(REPORT) != _rule(REPORT.replace("10日", "15日"))
    assert _rule(REPORT) == _rule(scoring.render(_rule(REPORT)))


def test_the_reading_shows_the_terms() -> None:
    reading = scoring.bind(_rule(REPORT), unit="次")
    decision = next(d for d in reading.decisions if d.what == "要求")
    assert "10日" in decision.value and not decision.stated


@pytest.mark.parametrize(
    ("text", "actual", "weight", "points", "why"),
    [
        ("资金在下达后30个工作日内拨付到位，未及时拨付的，一次扣1分", "1", "2", "1.00", "2 − 1 × 1"),
        ("项目于6月底前开工，未按期开工的扣2分", "是", "5", "5.00", "started on time: nothing deducted"),
        ("项目于6月底前开工，未按期开工的扣2分", "否", "5", "3.00", "not on time: once, 5 − 2"),
        ("办结时间不超过15个工作日，逾期办结的每件扣0.5分", "3", "5", "3.50", "3 × 0.5 = 1.5; 5 − 1.5"),
        ("接到投诉后2小时内响应，未按规定时间响应的每次扣0.2分", "4", "1", "0.20", "4 × 0.2 = 0.8; 1 − 0.8"),
        # a time of day (9：00) is read as a term: the fullwidth colon no longer splits the clause
        ("在8:30~17:30接到报修后30分钟内到场，响应及时得满分，未及时到场扣0.5分/次", "3", "5", "3.50",
         "3 × 0.5 = 1.5; 5 − 1.5"),
        ("春节前下达全部资金的50%，6月底前全部下达完，每出现一个项目未按进度下达扣1分，扣完为止", "4", "3", "0.00",
         "4 × 1 = 4 > 3 → 0"),
    ],
)  # fmt: skip
def test_variants(text: str, actual: str, weight: str, points: str, why: str) -> None:
    assert _points(text, actual, weight) == Decimal(points), why
    _requirement(_rule(text))


@pytest.mark.parametrize(
    ("text", "piece"),
    [
        # no deadline or time limit: 90% may be a band (满意度90%以上 beside counted complaints)
        ("满意度90%以上，每次投诉扣1分", "90"),
        # a deadline, but the deduction counts something else than failing it
        ("资金于6月底前拨付，每发现一例违规扣1分", "6"),
        # a requirement followed by a bonus, not a deduction
        ("每月10日前报送，按时报送的每次加1分", "10"),
    ],
)
def test_numbers_that_may_be_bands_are_still_refused(text: str, piece: str) -> None:
    with pytest.raises(scoring.RuleSyntaxError) as e:
        scoring.parse(text)
    assert e.value.code == "unread-number"
    assert text[e.value.pos : e.value.pos + e.value.length] == piece


def test_a_time_of_day_is_no_condition() -> None:
    with pytest.raises(scoring.RuleSyntaxError) as e:
        scoring.parse("17:30前完成得满分，未完成不得分")
    assert e.value.code == "clock-time"
    assert e.value.pos == 0


# ------------------------------------------------------------------ §57 numbers inside a name

HOTLINE = "市民对12345服务平台工单处理质量的回访满意度95%以上,计5分,每下降0.5%扣0.5分,扣完为止。"


def test_a_number_glued_inside_the_name_is_part_of_it() -> None:
    rule = _rule(HOTLINE)
    band = rule.awards[0].condition
    assert isinstance(band, n.Range)
    assert band.named == (n.Quantity(Decimal(12345)),)
    assert "12345服务平台" in band.subject
    assert band.low == n.Edge(n.Quantity(Decimal(95), "%"), True)
    # weight 5: 94% is 1 point short = 2 steps of 0.5 → 5 − 1 = 4; 95% → 5
    assert _points(HOTLINE, "94%", "5") == Decimal("4.00")
    assert _points(HOTLINE, "95%", "5") == Decimal("5.00")
    assert _rule(HOTLINE) != _rule(HOTLINE.replace("12345", "12366"))
    assert _rule(scoring.render(rule)) == rule
    reading = scoring.bind(rule, unit="%")
    assert any(d.what == "名称中的数" and "12345" in d.value for d in reading.decisions)


@pytest.mark.parametrize(
    ("text", "actual", "weight", "points", "why"),
    [
        # 45岁以下 qualifies who is counted; the band is 不低于30%
        ("女性干部中，45岁以下的占比不低于30%的，得2分。每低1%，扣0.2分。", "28%", "2", "1.60", "2 pp × 0.2 = 0.4; 2 − 0.4"),
        ("女性干部中，45岁以下的占比不低于30%的，得2分。每低1%，扣0.2分。", "30%", "2", "2.00", "不低于 includes 30"),
        ("对12345热线的满意度90%以上得满分，低于90%不得分", "89%", "10", "0.00", "below 90 → 0"),
        ("对12345热线的满意度90%以上得满分，低于90%不得分", "90%", "10", "10.00", "90 included"),
    ],
)  # fmt: skip
def test_name_variants(text: str, actual: str, weight: str, points: str, why: str) -> None:
    assert _points(text, actual, weight) == Decimal(points), why


@pytest.mark.parametrize(
    ("text", "piece"),
    [
        # no 的 tying the words to the measured thing: 100 may be an amount that lost its unit
        ("投入资金100完成率达到90%以上得满分", "100"),
        ("市民对12345服务平台满意度95%以上,计5分", "12345"),
        # the comparison after the words is not of a rate
        ("对12345热线的投诉办结数量不低于100件得满分", "12345"),
    ],
)
def test_numbers_not_certainly_in_a_name_are_refused(text: str, piece: str) -> None:
    with pytest.raises(scoring.RuleSyntaxError) as e:
        scoring.parse(text)
    assert e.value.code == "unread-number"
    assert text[e.value.pos : e.value.pos + e.value.length] == piece


# ------------------------------------------------------------------ §58 OCR damage

CHANGE_RATE = "“三公经费”变动率0,计 3 分;“三公经费” 0 , 每超过一个百分点扣0.3分,扣完为止。"


@pytest.mark.parametrize(
    ("actual", "points", "why"),
    [("-5%", "3.00", "≤ 0 → 3"), ("2%", "2.40", "2 pp over 0 × 0.3 = 0.6"), ("15%", "0.00", "4.5 > 3 → 0")],
)
def test_a_lone_number_restating_the_band_line_is_the_start(actual: str, points: str, why: str) -> None:
    kw = {"target": "0", "comparator": "≤", "unit": "%"}
    assert _points(CHANGE_RATE, actual, "3", **kw) == Decimal(points), why


def test_the_lost_sign_is_not_repaired() -> None:
    (d,) = _rule(CHANGE_RATE).deductions
    assert d.start is not None and d.start.value == n.Quantity(Decimal(0)) and not d.start.stated
    reading = scoring.bind(_rule(CHANGE_RATE), target="0", comparator="≤", unit="%")
    assert any(x.what == "起点" and not x.stated and "§58" in x.source for x in reading.decisions)
    # another number than the band's line: which line it is cannot be told, refused
    with pytest.raises(scoring.RuleSyntaxError) as e:
        scoring.parse(CHANGE_RATE.replace("” 0 ,", "” 1 ,"))
    assert e.value.code == "unread-number"


def test_w_before_a_number_is_at_most() -> None:
    text = "“公务招待费”变动率W 0 ,计 2 分 ; “公务招待费变动率” 0, 每超过一个百分点扣0.2分,扣完为止 。"
    rule = _rule(text)
    assert any(c.kind == "ocr-le" for c in rule.normalized)
    kw = {"target": "0", "comparator": "≤", "unit": "%"}
    # 4.5 pp over × 0.2 = 0.9 → 2 − 0.9 = 1.1
    assert _points(text, "4.5%", "2", **kw) == Decimal("1.10")


def test_two_percentages_run_together_are_a_range_with_a_warning() -> None:
    text = "完成率95%以上得5分，80%94%得3分，低于80%不得分"
    rule = _rule(text)
    assert [c.kind for c in rule.normalized if c.warning] == ["lost-dash"]
    assert _points(text, "90%", "5") == Decimal("3.00")  # 80%–94% → 3
    # the same percentage twice is no range: refused, not repaired
    with pytest.raises(scoring.RuleSyntaxError):
        scoring.parse("完成率95%以上得5分，80%80%得3分")
