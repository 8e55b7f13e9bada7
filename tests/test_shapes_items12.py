"""How often, written with the period's length and no 每 (专题栏目1月整理更新1次: every 1 month, once), read where the
item scores doing it on time against late and not done (semantics §156; seed s000-L1287). Hand scores from the
rule text."""

from __future__ import annotations

import pytest

import scoring
from scoring.rules import nodes as n
from tests import shape_cases
from tests.shape_cases import Case

SEED = (
    "①招聘信息、求职人员信息采集、审核后2个工作日内上网发布，计5分，未及时发布，计1分，未发布，计0分；"
    "②政策资讯及时更新，专题栏目1月整理更新1次，计5分，未及时发布，计3分，未发布，计0分。"
)
# my own words: 每周 beside 1周…1次 in one text, a quarter with 每, two months written with 个
WEEKS = "①每周更新就业信息1次，计4分，不及时更新，计2分，未更新，计0分；②1周召开调度会1次，计6分，未按时召开，计3分，未召开，计0分"
QUARTER = "每季度报送进度报告2次，得4分，不按时报送，得2分，未报送，不得分"
MONTHS = "2个月开展巡查1次，计5分，不及时开展，计2分，未开展，计0分"
SEED_KW = {"weight": 10, "target": "10", "comparator": "定性", "unit": "%"}

CASES: list[Case] = [
    # the seed: ① on time 5 / late 1 / not 0; ② on time 5 / late 3 / not 0; 是 the on-time clause, 否 the worst
    (SEED, {"1": "是", "2": "是"}, SEED_KW, "10"),  # 5 + 5
    (SEED, {"1": "未及时发布", "2": "未及时发布"}, SEED_KW, "4"),  # 1 + 3
    (SEED, {"1": "未发布", "2": "是"}, SEED_KW, "5"),  # 0 + 5
    (SEED, {"1": "未及时发布", "2": "是"}, SEED_KW, "6"),  # 1 + 5
    (SEED, {"1": "是", "2": "未发布"}, SEED_KW, "5"),  # 5 + 0
    (SEED, {"1": "是", "2": "否"}, SEED_KW, "5"),  # 5 + 0 (否: the worst clause written, §10)
    # 每周 and 1周…1次 side by side
    (WEEKS, {"1": "是", "2": "是"}, {"weight": 10}, "10"),  # 4 + 6
    (WEEKS, {"1": "不及时更新", "2": "未按时召开"}, {"weight": 10}, "5"),  # 2 + 3
    (WEEKS, {"1": "未更新", "2": "是"}, {"weight": 10}, "6"),  # 0 + 6
    (WEEKS, {"1": "是", "2": "未召开"}, {"weight": 10}, "4"),  # 4 + 0
    # a quarter
    (QUARTER, "是", {"weight": 4}, "4"),
    (QUARTER, "不按时报送", {"weight": 4}, "2"),
    (QUARTER, "未报送", {"weight": 4}, "0"),
    # two months
    (MONTHS, "是", {"weight": 5}, "5"),
    (MONTHS, "不及时开展", {"weight": 5}, "2"),
    (MONTHS, "未开展", {"weight": 5}, "0"),
]

test_hand_cases, test_compiled_agrees, test_round_trip = shape_cases.checks(CASES)


def _on_time(rule: object) -> n.TargetMet:
    clauses = rule.items[-1].rule.clauses if isinstance(rule, n.Composite) else rule.clauses  # type: ignore[attr-defined]
    cond = clauses[0].condition
    assert isinstance(cond, n.TargetMet)
    return cond


def test_the_period_and_the_count_are_fields_of_the_on_time_requirement() -> None:
    cond = _on_time(scoring.parse(SEED))
    assert cond.every == n.Quantity(1, "月")
    assert cond.requirement is not None and cond.requirement.low is not None
    assert cond.requirement.low.value == n.Quantity(1, "次")
    months = _on_time(scoring.parse(MONTHS))
    assert months.every is not None and months.every.value == 2
    # 每季度 says its period in the word: no length written
    quarter = _on_time(scoring.parse(QUARTER))
    assert quarter.every is None
    assert quarter.requirement is not None and quarter.requirement.low is not None
    assert quarter.requirement.low.value == n.Quantity(2, "次")


@pytest.mark.parametrize(("old", "new"), [("1月", "2月"), ("1次", "3次")])
def test_changing_either_number_changes_the_rule(old: str, new: str) -> None:
    assert scoring.parse(SEED.replace(old, new)) != scoring.parse(SEED)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # no late clause: 1月 may be January
        ("专题栏目1月整理更新1次，计5分，未发布，计0分", "period-or-month"),
        ("专题栏目1月整理更新1次得满分", "period-or-month"),
        # the late clause scores as much as the on-time one: nothing ranks them
        ("专题栏目1月整理更新1次，计5分，未及时更新，计5分，未更新，计0分", "period-or-month"),
        # 每月 in worded awards with no late clause: as §24
        ("每月整理更新1次，计5分，未更新，计0分", "frequency"),
    ],
)
def test_a_period_without_on_time_against_late_stays_refused(text: str, code: str) -> None:
    with pytest.raises(scoring.RuleSyntaxError) as e:
        scoring.parse(text)
    assert e.value.code == code


@pytest.mark.parametrize(
    ("text", "actual", "kw", "needs"),
    [
        (SEED, {"1": "是", "2": "优"}, SEED_KW, "未及时发布"),  # no such outcome of item 2
        (SEED, {"1": "是", "2": "3"}, SEED_KW, "是/否"),  # a count per period is no answer to the words
        (SEED, {"1": "是"}, SEED_KW, "第2项"),  # item 2 not answered
        (WEEKS, {"1": "是", "2": "较好"}, {"weight": 10}, "未按时召开"),
    ],
)
def test_an_outcome_the_item_has_not_is_refused_with_what_it_takes(
    text: str, actual: dict[str, str], kw: dict[str, object], needs: str
) -> None:
    with pytest.raises(scoring.EvaluationError) as e:
        scoring.evaluate(text, actual, **kw)  # type: ignore[arg-type]
    assert needs in str(e.value)


@pytest.mark.parametrize("text", [SEED, MONTHS, WEEKS])
def test_the_canonical_text_writes_the_period_and_reads_back_the_same(text: str) -> None:
    rule = scoring.parse(text)
    canonical = scoring.render(rule)
    cond = _on_time(rule)
    assert cond.every is not None
    assert f"{cond.every.value.normalize()}{cond.every.unit}" in canonical
    assert scoring.parse(canonical) == rule
