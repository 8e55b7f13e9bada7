"""The lexicon as data (issue 11 item 2): every entry of scoring/rules/lexicon.toml, one test per
class parametrized over its entries, checks that the entry's example contains the word, parses,
and reads as the node its class means. A new synonym is one line in lexicon.toml; this file
then tests it."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

import pytest

import scoring
from scoring.rules import nodes as n
from scoring.rules.lexicon import Entry, WordClass, grammar_terminals, lexicon


def _entries(*classes: str) -> list[pytest.param]:  # type: ignore[valid-type]
    return [
        pytest.param(c, e, id=f"{c.name}-{e.word or e.pattern}")
        for c in lexicon()
        if c.cls in classes
        for e in c.entries
    ]


def _parse(c: WordClass, e: Entry) -> n.Rule:
    if e.word:
        assert e.word in e.example, f"the example of {c.name} {e.word!r} does not contain it"
    else:
        assert re.search(e.pattern, e.example), f"the example of {c.name} /{e.pattern}/ does not match it"
    rule = scoring.parse(e.example)
    assert isinstance(rule, n.Rule)
    return rule


def _clauses(rule: n.Rule, kind: type) -> list:  # type: ignore[type-arg]
    return [c for c in rule.clauses if isinstance(c, kind)]


def _first_range(rule: n.Rule) -> n.Range:
    award = _clauses(rule, n.Award)[0]
    assert isinstance(award.condition, n.Range), award
    return award.condition


def _deduction(rule: n.Rule) -> n.Deduction:
    deds = _clauses(rule, n.Deduction)
    assert len(deds) == 1, rule
    d: n.Deduction = deds[0]
    return d


def test_every_class_has_a_meaning_and_examples() -> None:
    names = [c.name for c in lexicon()]
    assert len(names) == len(set(names))
    for c in lexicon():
        assert c.meaning and c.entries, c.name
        assert all(e.example for e in c.entries), c.name
    assert "UNTIL_EXHAUSTED" in grammar_terminals()


# ------------------------------------------------------------------ comparisons and boundary words

_EDGES: dict[str, Callable[[n.Range], bool]] = {
    "GE": lambda r: r.low is not None and r.low.inclusive and r.high is None,
    "REACH": lambda r: r.low is not None and r.low.inclusive and r.high is None,
    "GE_SUFFIX": lambda r: r.low is not None and r.low.inclusive and r.high is None,
    "GT": lambda r: r.low is not None and not r.low.inclusive and r.high is None,
    "LE": lambda r: r.high is not None and r.high.inclusive and r.low is None,
    "LE_SUFFIX": lambda r: r.high is not None and r.high.inclusive and r.low is None,
    "LT": lambda r: r.high is not None and not r.high.inclusive and r.low is None,
    "EQ": lambda r: r.low is not None and r.high is not None and r.low.value == r.high.value,
    "INCLUSIVE": lambda r: r.low is not None and r.low.inclusive and r.low.stated,
    "EXCLUSIVE": lambda r: r.low is not None and not r.low.inclusive and r.low.stated,
}


@pytest.mark.parametrize(("c", "e"), _entries("comparison"))
def test_comparison(c: WordClass, e: Entry) -> None:
    assert _EDGES[c.name](_first_range(_parse(c, e)))


@pytest.mark.parametrize(("c", "e"), _entries("target"))
def test_target_and_deviation(c: WordClass, e: Entry) -> None:
    want = n.Measure.RATIO if c.name == "OF_TARGET" else n.Measure.DEVIATION
    assert _first_range(_parse(c, e)).measure is want


# ------------------------------------------------------------------ steps


@pytest.mark.parametrize(("c", "e"), _entries("step"))
def test_step(c: WordClass, e: Entry) -> None:
    d = _deduction(_parse(c, e))
    delay = any(w in e.word for w in ("延后", "延误", "晚"))
    if c.name == "PER_FULL":
        assert d.partial is n.Partial.FLOOR
    elif c.name == "STEP_CEIL":
        assert d.partial is n.Partial.CEIL
    elif c.name == "STEP_DOWN" and delay:
        assert d.kind is n.StepKind.EVENTS and d.step is not None
    elif c.name == "STEP_DOWN":
        assert d.kind is n.StepKind.DISTANCE and d.direction is n.Direction.SHORTFALL
    elif c.name == "STEP_UP":
        assert d.kind is n.StepKind.DISTANCE and d.direction is n.Direction.EXCESS
    elif c.name == "STEP_DEV":
        assert d.kind is n.StepKind.DISTANCE and d.direction is None and d.measure is n.Measure.DEVIATION
    else:
        assert d.kind is n.StepKind.DISTANCE and d.step == n.Quantity(Decimal(5), "%")


@pytest.mark.parametrize(("c", "e"), _entries("frequency"))
def test_frequency_is_words_not_a_step(c: WordClass, e: Entry) -> None:
    rule = _parse(c, e)
    award = _clauses(rule, n.Award)[0]
    assert e.word in getattr(award.condition, "text", "")
    if c.kind == "terminal":
        assert not _clauses(rule, n.Deduction)
        return
    # [words.period]: the count after 每季度 is how often, read with the words (the requirement met
    # or not; the count per period kept as its requirement), never a band at a total of 1 time:
    # 每少一次 counts from the target, not from 1次
    assert isinstance(award.condition, n.TargetMet)
    need = award.condition.requirement
    assert need is not None and need.low is not None and need.low.value.unit == "次"
    d = _deduction(rule)
    assert d.step is not None and d.step.unit == "次" and d.start is None


@pytest.mark.parametrize(("c", "e"), _entries("direction", "shortfall", "excess", "more", "delay"))
def test_direction_words(c: WordClass, e: Entry) -> None:
    d = _deduction(_parse(c, e))
    if c.cls == "shortfall":
        assert d.direction is n.Direction.SHORTFALL
    elif c.cls == "excess":
        assert d.direction is n.Direction.EXCESS
    elif c.cls == "more":
        assert d.bonus and d.direction is n.Direction.EXCESS
    else:
        assert d.kind is n.StepKind.EVENTS


# ------------------------------------------------------------------ outcomes


@pytest.mark.parametrize(("c", "e"), _entries("award", "formula"))
def test_award(c: WordClass, e: Entry) -> None:
    rule = _parse(c, e)
    awards = _clauses(rule, n.Award)
    outcomes = [a.outcome for a in awards]
    if c.name in ("FULL", "NOISE"):
        assert isinstance(outcomes[0], n.FullMarks)
    elif c.name in ("BASE_POINTS", "POINTS"):
        assert outcomes[0] in (n.Points(Decimal(10)), n.Points(Decimal(5)))
    elif c.name in ("AWARD_SHARE", "SHARE_AFTER"):
        assert outcomes[0] == n.ShareOfWeight(Decimal(80))
    elif c.name == "AWARD_HALF":
        assert outcomes[-1] == n.ShareOfWeight(Decimal(50))
    elif c.name in ("SCORE_EQ", "FORMULA_BY", "FORMULA_BY_RATE", "FORMULA_END", "FORMULA_NAME"):
        assert isinstance(outcomes[-1], n.Formula)
    elif c.name in ("RATIO_WITH", "RATIO_END"):  # 实际完成值与目标值之比: the first name over the second
        formula = outcomes[-1]
        assert isinstance(formula, n.Formula) and isinstance(formula.expr, n.BinOp)
        assert formula.expr.left == n.BinOp("/", n.Var("实际完成值"), n.Var("目标值"))
    else:  # 分别 / 依次 / a list separator: one award per member
        assert [o for o in outcomes if isinstance(o, n.Points)] == [n.Points(Decimal(v)) for v in (6, 4, 2)][: len(outcomes)]
        assert len(outcomes) >= 2


@pytest.mark.parametrize(("c", "e"), _entries("zero"))
def test_zero(c: WordClass, e: Entry) -> None:
    assert any(isinstance(a.outcome, n.Zero) for a in _clauses(_parse(c, e), n.Award))


@pytest.mark.parametrize(("c", "e"), _entries("veto"))
def test_veto(c: WordClass, e: Entry) -> None:
    assert _parse(c, e).vetoes


@pytest.mark.parametrize(("c", "e"), _entries("deduct"))
def test_deduct(c: WordClass, e: Entry) -> None:
    d = _deduction(_parse(c, e))
    assert d.points == 1 and not d.bonus


@pytest.mark.parametrize(("c", "e"), _entries("deduct_share"))
def test_deduct_share(c: WordClass, e: Entry) -> None:
    # 扣满意度分值的10%: 10% of the weight, written as the formula 扣（满意度分值×10%）分
    d = _deduction(_parse(c, e))
    assert isinstance(d.points, n.BinOp) and d.points.op == "*"
    assert d.points.right == n.Num(Decimal("0.1"))
    assert isinstance(d.points.left, n.Var) and d.points.left.name.endswith(("分值", "满分"))


@pytest.mark.parametrize(("c", "e"), _entries("joint"))
def test_joint_cap(c: WordClass, e: Entry) -> None:
    # 两项合计最多扣2分: the cap of the two deductions together (the rule's)
    rule = _parse(c, e)
    assert isinstance(rule, n.Rule) and rule.cap == 2


@pytest.mark.parametrize(("c", "e"), _entries("cap"))
def test_cap(c: WordClass, e: Entry) -> None:
    rule = _parse(c, e)
    if c.name == "UNTIL_EXHAUSTED":
        assert rule.until_exhausted
    elif c.name == "BONUS_CAP_BASE":
        assert rule.bonus_cap_base
    elif c.name == "BONUS_HIGHEST":  # semantics §126: only the largest bonus that holds
        assert rule.bonus_highest and len(rule.bonuses) == 2
    else:
        d = _deduction(rule)
        assert d.cap is not None and d.cap in (4, 5)
        assert d.bonus == (c.name in ("BONUS_CAP", "CAP_ANY"))


@pytest.mark.parametrize(("c", "e"), _entries("proportional"))
def test_proportional(c: WordClass, e: Entry) -> None:
    assert _clauses(_parse(c, e), n.Proportional)


@pytest.mark.parametrize(("c", "e"), _entries("judgement"))
def test_judgement(c: WordClass, e: Entry) -> None:
    assert any(isinstance(a.outcome, n.ByHand) for a in _clauses(_parse(c, e), n.Award))


@pytest.mark.parametrize(("c", "e"), _entries("evidence"))
def test_evidence_remark_scores_nothing(c: WordClass, e: Entry) -> None:
    """以党委会纪要为准: how the evidence is checked; the rule reads as it does without the remark."""
    rule = _parse(c, e)
    bare = re.sub(e.pattern, "", e.example)
    assert rule == scoring.parse(bare)


@pytest.mark.parametrize(("c", "e"), _entries("weight"))
def test_weight_stated_scores_nothing(c: WordClass, e: Entry) -> None:
    """本项满分10分: the weight stated (Rule.stated_weight); the clauses read as they do without it."""
    rule = _parse(c, e)
    m = re.search(e.pattern + r"\s*([0-9]+(?:\.[0-9]+)?)\s*分[)）]?[，,；;。]?", e.example)
    assert m is not None
    assert rule.stated_weight == Decimal(m.group(1))
    rest = scoring.parse(e.example[: m.start()] + e.example[m.end() :])
    assert isinstance(rest, n.Rule) and rule.clauses == rest.clauses


@pytest.mark.parametrize(("c", "e"), _entries("ceiling"))
def test_ceiling_scores_nothing(c: WordClass, e: Entry) -> None:
    """最高不超过指标分值: the clamp at the weight stated, a remark; the rule reads as it does without it."""
    rule = _parse(c, e)
    assert rule == scoring.parse(re.sub("[，,]" + e.pattern, "", e.example))


@pytest.mark.parametrize(("c", "e"), _entries("definition"))
def test_definition_scores_nothing(c: WordClass, e: Entry) -> None:
    """完成率=实际完成数/计划数×100%: the rate defined, a remark; the rule reads as it does without it."""
    rule = _parse(c, e)
    head, rest = e.example.split("，", 1)
    if head.startswith("得分="):  # the name defined is the formula's: read in its place (semantics §78)
        name, expr = rest.split("=", 1)
        assert rule == scoring.parse(head.replace(name, f"（{expr}）"))
        return
    assert rule == scoring.parse(rest)


# ------------------------------------------------------------------ words inside conditions


@pytest.mark.parametrize(("c", "e"), _entries("negation", "otherwise"))
def test_negation(c: WordClass, e: Entry) -> None:
    zero = next(a for a in _clauses(_parse(c, e), n.Award) if isinstance(a.outcome, n.Zero))
    if c.cls == "otherwise" or e.word in ("否则", "反之"):
        assert isinstance(zero.condition, n.Otherwise)
    else:
        assert getattr(zero.condition, "negated", False), zero


@pytest.mark.parametrize(("c", "e"), _entries("event"))
def test_event(c: WordClass, e: Entry) -> None:
    d = _deduction(_parse(c, e))
    assert d.kind is n.StepKind.EVENTS


@pytest.mark.parametrize(("c", "e"), _entries("word", "heading"))
def test_words_of_a_condition(c: WordClass, e: Entry) -> None:
    rule = _parse(c, e)
    awards = _clauses(rule, n.Award)
    if c.cls == "heading":
        # a heading before bands, or before a formula (按以下公式计算：得分=…, semantics §127): no condition of its words
        assert isinstance(awards[0].outcome, n.FullMarks) or (
            isinstance(awards[0].outcome, n.Formula) and awards[0].condition is None
        )
        assert e.word not in getattr(awards[0].condition, "text", "")
    elif c.name == "PARTICLE":  # 的 ends a condition: 完成的 is 完成
        assert [getattr(a.condition, "text", "") for a in awards] == ["完成", "未完成"]
    else:
        assert any(e.word in getattr(a.condition, "text", "") for a in awards)


@pytest.mark.parametrize(("c", "e"), _entries("unit", "event_unit", "time_unit", "rank_unit"))
def test_units_and_counters(c: WordClass, e: Entry) -> None:
    rule = _parse(c, e)
    if c.cls == "rank_unit":
        ranges = [a.condition for a in _clauses(rule, n.Award)]
        assert [r.low.value for r in ranges] == [n.Quantity(Decimal(k), e.word) for k in (1, 2, 3)]  # type: ignore[union-attr]
        return
    d = _deduction(rule)
    if c.name == "PP":
        assert d.basis is n.PercentBasis.POINTS
        return
    assert d.step is not None
    if c.cls in ("event_unit", "time_unit"):
        assert d.kind is n.StepKind.EVENTS and d.step.unit == e.word


@pytest.mark.parametrize(("c", "e"), _entries("standard"))
def test_standard_restated(c: WordClass, e: Entry) -> None:
    # 以100%为标准 is read as the line a band (≤100%) states again; another number is refused
    rule = _parse(c, e)
    assert any(e.word in note.text for note in _clauses(rule, n.Note))
    with pytest.raises(scoring.RuleSyntaxError) as err:
        scoring.parse(e.example.replace("以100%", "以90%"))
    assert err.value.code == "unread-number"


@pytest.mark.parametrize(("c", "e"), _entries("time_limit"))
def test_time_limit_is_an_upper_bound(c: WordClass, e: Entry) -> None:
    # 时限为3个工作日: at most 3 working days (kept as what an event, a case over the limit, falls short of)
    award = _clauses(_parse(c, e), n.Award)[0]
    assert isinstance(award.condition, n.TargetMet)
    need = award.condition.requirement
    assert need is not None and need.low is None and need.high is not None and need.high.inclusive


@pytest.mark.parametrize(("c", "e"), _entries("as_of"))
def test_as_of_date_is_a_note(c: WordClass, e: Entry) -> None:
    # 截至12月底，…: the date the outcome is counted at scores nothing (semantics §79)
    rule = _parse(c, e)
    first = rule.clauses[0]
    assert isinstance(first, n.Note) and first.text.startswith(e.word)
    assert rule.clauses[1:] == scoring.parse(e.example.split("，", 1)[1]).clauses


@pytest.mark.parametrize(("c", "e"), _entries("failed_requirement"))
def test_failed_requirement_reads_the_requirement_before(c: WordClass, e: Entry) -> None:
    # 30个工作日内拨付到位，未及时拨付的，一次扣1分: the deadline is the requirement's term (semantics §56),
    # the deduction counts the failures; without the failure word the number is unread
    rule = _parse(c, e)
    reqs = _clauses(rule, n.Requirement)
    assert len(reqs) == 1 and reqs[0].terms, rule
    d = _deduction(rule)
    assert d.kind in (n.StepKind.EVENTS, n.StepKind.ONCE) and not d.bonus
    with pytest.raises(scoring.RuleSyntaxError) as err:
        scoring.parse(e.example.replace(e.word, "违规"))
    assert err.value.code == "unread-number"


@pytest.mark.parametrize(("c", "e"), _entries("whole_set"))
def test_whole_set_is_a_requirement(c: WordClass, e: Entry) -> None:
    # 符合全部3项指标: the requirement (all 3 met), kept with its count; each item not met one event
    rule = _parse(c, e)
    award = _clauses(rule, n.Award)[0]
    assert isinstance(award.condition, n.TargetMet)
    need = award.condition.requirement
    assert need is not None and need.low is not None and need.low.value == n.Quantity(Decimal(3), "项")
    d = _deduction(rule)
    assert d.kind is n.StepKind.EVENTS


@pytest.mark.parametrize(("c", "e"), _entries("below_zero"))
def test_below_zero(c: WordClass, e: Entry) -> None:
    rule = _parse(c, e)
    assert rule.below_zero and _clauses(rule, n.Deduction)


@pytest.mark.parametrize(("c", "e"), _entries("interpolation"))
def test_interpolation(c: WordClass, e: Entry) -> None:
    awards = _clauses(_parse(c, e), n.Award)
    assert any(isinstance(a.outcome, n.Formula) for a in awards)


@pytest.mark.parametrize(("c", "e"), _entries("floor"))
def test_a_floor_above_zero_is_read(c: WordClass, e: Entry) -> None:
    # 最低得2分 read 最低 as a label scored 2, so 80% lost 10 steps and scored 0 (fourth blind probe K33); it was
    # refused, and is now the rule's floor (semantics §102): weight 5, 80% → 5 − 10 → 2
    rule = scoring.parse(e.example)
    assert isinstance(rule, n.Rule) and rule.floor == Decimal(2)
    assert scoring.evaluate(e.example, "80%", weight=5).points == Decimal(2)


@pytest.mark.parametrize(("c", "e"), _entries("excess_band", "budget"))
def test_excess_band(c: WordClass, e: Entry) -> None:
    # 超出预算10%以内: the band is on the excess over the budget (semantics §82)
    awards = _clauses(_parse(c, e), n.Award)
    assert any(isinstance(a.condition, n.Range) and a.condition.measure is n.Measure.EXCESS for a in awards)


@pytest.mark.parametrize(("c", "e"), _entries("behind"))
def test_behind_is_no_band_of_the_value(c: WordClass, e: Entry) -> None:
    # 进度滞后10%以内扣1分: how far behind, not the value ≤10% (95% scored 0): not read yet (semantics §83)
    assert e.word in e.example
    with pytest.raises(scoring.RuleSyntaxError):
        scoring.parse(e.example)


@pytest.mark.parametrize(("c", "e"), _entries("grade"))
def test_grade_word_names_its_label(c: WordClass, e: Entry) -> None:
    """A grade word (semantics §85): the example's labels are levels of one thing, one of them is the word's
    grade, and the word alone as the answer scores that label's clause (the example's first clause is full
    marks, its last 0, the others their points; weight 4)."""
    from scoring.rules.grades import levels

    rule = _parse(c, e)
    awards = _clauses(rule, n.Award)
    grades = levels([a.condition.text for a in awards])
    assert grades is not None, e.example
    (award,) = [a for a, g in zip(awards, grades, strict=True) if g.word == e.word]
    o = award.outcome
    want = Decimal(4) if isinstance(o, n.FullMarks) else Decimal(0) if isinstance(o, n.Zero) else o.value
    assert scoring.evaluate(rule, e.word, weight=4).points == want


@pytest.mark.parametrize(("c", "e"), _entries("self_reference"))
def test_self_reference_is_no_condition(c: WordClass, e: Entry) -> None:
    # 合格率≥95%，该项得满分 (semantics §85): the bands are the conditions before; 96% full marks (4), 90% 0
    rule = _parse(c, e)
    assert all(isinstance(a.condition, n.Range) for a in _clauses(rule, n.Award))
    assert scoring.evaluate(rule, "96%", weight=4).points == 4
    assert scoring.evaluate(rule, "90%", weight=4).points == 0


@pytest.mark.parametrize(("c", "e"), _entries("no_later"))
def test_no_later_makes_a_deadline(c: WordClass, e: Entry) -> None:
    # 不迟于2025年5月，每延后半个月扣0.5分: the date after the word is the requirement's deadline (a month alone its
    # last day), as 前 after it would make it (semantics §104)
    rule = _parse(c, e)
    reqs = _clauses(rule, n.Requirement)
    assert len(reqs) == 1 and reqs[0].deadline is not None
    assert reqs[0].deadline.month == 5 and reqs[0].deadline.day in (15, 31)


@pytest.mark.parametrize(("c", "e"), _entries("onward"))
def test_onward_is_the_band_after_the_month_before(c: WordClass, e: Entry) -> None:
    # 10月及以后完成的不得分 beside deadlines: the band after 9月30日, October included (semantics §104)
    rule = _parse(c, e)
    last = _clauses(rule, n.Award)[-1].condition
    assert isinstance(last, n.Label) and last.deadline is None and last.start == n.MonthDay(9, 30)
