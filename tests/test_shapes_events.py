"""Numbers inside the words of a counted event (docs/semantics.md §98): `每出现一次系统故障超过4小时未恢复的扣0.5分`
counts the events the words name, the 4小时 saying which events count (part of the event's name), never a line, a
start or a step. Variants of the shape, not real texts; each expectation is computed by hand from the rule text and
docs/semantics.md (arithmetic beside each case). The shapes of the brief that stay refused are pinned with their
carets, so that a change that starts reading them is seen."""

from __future__ import annotations

import pytest
import shape_cases

import scoring

W2 = {"weight": 2}
W3 = {"weight": 3}
W5 = {"weight": 5}

OUTAGE = "每出现一次系统故障超过4小时未恢复的扣0.5分"
LONG_FAULT = "每发生一次4小时以上的系统故障扣0.5分"
LOW_PROJECT = "每发现一个完成率低于60%的项目扣1分"

CASES = [
    # the answer is the count of such events; 0.5 each (domain point 5), clamped at 0 (§6)
    (OUTAGE, "0", W2, "2"),  # none: 2
    (OUTAGE, "3", W2, "0.5"),  # 2 - 3 × 0.5 = 0.5
    (OUTAGE, "5", W2, "0"),  # 2 - 2.5 < 0 → 0
    (OUTAGE + "，扣完为止", "1", W2, "1.5"),  # 2 - 0.5
    # the qualifier before the noun (4小时以上的系统故障): 3 - 2 × 0.5 = 2
    (LONG_FAULT, "2", W3, "2"),
    # a rate as the qualifier (完成率低于60%的项目): 2 such projects, 5 - 2 × 1 = 3; 2个 the same
    (LOW_PROJECT, "2", W5, "3"),
    (LOW_PROJECT, "2个", W5, "3"),
]


# the evaluator, the compiled rule (|…| is abs() in its code) and the round trip of every case
test_hand_cases, test_compiled_agrees, test_round_trip = shape_cases.checks(CASES)


def test_the_qualifier_is_part_of_the_rule() -> None:
    """The number and the comparison word of the qualifier take part in equality (span accounting's promise: a
    changed number is a changed rule), though the event's words do not."""
    rule = scoring.parse(OUTAGE)
    assert rule != scoring.parse(OUTAGE.replace("4小时", "8小时"))
    assert rule != scoring.parse(OUTAGE.replace("超过4小时", "4小时以上"))  # > 4 or ≥ 4
    (d,) = rule.clauses
    assert isinstance(d, scoring.rules.nodes.Deduction)  # type: ignore[attr-defined]
    (q,) = d.qualifiers
    assert q.low is not None and q.low.value.value == 4 and q.low.value.unit == "小时" and not q.low.inclusive
    assert d.start is None and d.step is not None and d.step.unit == "次"  # no line, no step from the 4


def test_the_reading_says_what_the_number_is() -> None:
    reading = scoring.bind(scoring.parse(OUTAGE))
    (d,) = [d for d in reading.decisions if d.what == "事件名称中的数"]
    assert d.source == "semantics §98" and not d.stated
    assert "4小时" in d.value and "事件次数" in d.value


def test_a_percentage_is_no_count() -> None:
    # the rule reads the count of events (the qualifier's 4小时 is no value to answer): 50% is refused
    with pytest.raises(scoring.ScoringError, match="需要次数"):
        scoring.evaluate(OUTAGE, "50%", weight=2)


@pytest.mark.parametrize(
    ("text", "code", "column"),
    [
        # the comparison closes the words: 超过4小时扣0.5分 may be per hour over, or events lasting over 4 hours
        ("每出现一次系统故障超过4小时扣0.5分", "unread-number", 11),
        # the qualifier before the step, in the clause before: a start or the event's name? not read
        ("系统故障超过4小时未恢复的，每次扣0.5分", "unread-number", 6),
        # a count in the step's own counter is no qualifier
        ("每发现1次3次以上的违规扣1分", "unread-number", 5),
        # two budgets stated before worded bands on 预算 (§105 reads one): which is 预算 is not guessed, neither is read
        ("全年安排经费20万元，其中上半年安排10万元，实际支出不超过预算得满分，超支不得分", "unread-number", 6),
        # bands on how far behind schedule (§83): no node reads 滞后 bands yet
        ("项目按计划进度完成得满分，进度滞后10%以内扣1分，滞后10%-20%扣2分，滞后20%以上不得分", "unread-number", 17),
        # a count per quarter with steps and no year's count (§66, §81; §98 says why it stays refused)
        ("安全生产检查每季度不少于1次，每少1次扣0.5分", "frequency-start", 9),
        # a frequency among worded awards alone (§24)
        ("每季度召开一次例会得满分，未召开不得分", "frequency", 0),
        # a band on what is missing beside the value done, in words other than 未完成/少完成 (§98, §101)
        ("完成10个村的改造任务得满分，每少完成1个村扣1分，缺5个以上不得分", "shortfall-band", 26),
    ],
)
def test_still_refused_with_the_caret(text: str, code: str, column: int) -> None:
    with pytest.raises(scoring.RuleSyntaxError) as e:
        scoring.parse(text)
    assert e.value.code == code
    assert e.value.pos == column, text[e.value.pos :]
