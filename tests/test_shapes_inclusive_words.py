"""（含） after words read since semantics §117: 以上（含） / 以下（含） / （含）以上 written after words that name a
level (较大以上（含）安全事故, 市级以上（含）通报批评, 35岁以下（含）的, “满意”以上（含）的) are that level and above (below), the
words 较大及以上 say, and read as those words do: the words of an event, a label or a subject. （不含） after such words
stays refused, and （含） after anything else in words too. Numbers with （含） read as before.

Each case: rule, answer, row keywords, the hand score (or REFUSE) and why (the arithmetic, from the rule text and
docs/semantics.md)."""

from __future__ import annotations

import pytest

import scoring
from tests import shape_cases
from tests.shape_cases import REFUSE, refusal, scores_or_refuses

VETO = "发生较大以上（含）安全生产事故的，本项不得分；未发生的得满分"
VETO_ASCII = "发生较大以上(含)安全生产事故的，本项不得分；未发生的得满分"
VETO_BEFORE = "发生较大（含）以上安全生产事故的，本项不得分；未发生的得满分"
VETO_JI = "发生较大及以上（含）安全生产事故的，本项不得分；未发生的得满分"
PER_EVENT = "受到市级以上（含）通报批评的，每次扣2分"
MIXED = "发生一般安全生产事故每起扣3分，发生较大以上（含）安全事故的，本指标直接计0分。"
TIERS = "经验做法被省级以上（含）部门推广的得3分，被市级部门推广的得2分，未被推广的不得分"
YOUTH = "35岁以下（含）的青年干部占比不低于20%的，得1分，每低1%，扣0.1分"
SATISFIED = "服务对象满意度调查结果为“满意”以上（含）的比例≥90%得满分，每低1个百分点扣0.2分"
NUMBER = "满意度90%以上（含）得满分，每低1%扣1分"

W5: dict[str, object] = {"weight": 5}
W6: dict[str, object] = {"weight": 6}
W10: dict[str, object] = {"weight": 10}
PROMOTED: dict[str, object] = {"weight": 3, "target": "被推广", "comparator": "定性"}
SHARE1: dict[str, object] = {"weight": 1, "target": "20%", "comparator": "≥", "unit": "%"}
RATE2: dict[str, object] = {"weight": 2, "target": "90%", "comparator": "≥", "unit": "%"}
RATE10: dict[str, object] = {"weight": 10, "target": "90%", "comparator": "≥", "unit": "%"}

CASES = [
    # a veto of an event named with 以上（含）: 是 means the event did not happen (§14), a count from 1 the veto (§114)
    (VETO, "是", W5, "5", "是＝未发生 (§14): 未发生的得满分, 5"),
    (VETO, "否", W5, "0", "否＝发生: 本项不得分, 0"),
    (VETO, "0", W5, "5", "no such accident (§114): 5"),
    (VETO, "1", W5, "0", "one: the veto, 0"),
    (VETO, "未发生", W5, "5", "the rule's own label: 5"),
    (VETO, "发生", W5, "0", "the veto's own verb (§92): it happened, 0"),
    (VETO, "2.5", W5, REFUSE, "a count of events is whole (§92)"),
    # the other marked forms read the same
    (VETO_ASCII, "是", W5, "5", "(含) as （含）: 5"),
    (VETO_ASCII, "1", W5, "0", "one: 0"),
    (VETO_BEFORE, "0", W5, "5", "较大（含）以上 as 较大及以上: 5"),
    (VETO_BEFORE, "否", W5, "0", "happened: 0"),
    (VETO_JI, "3", W5, "0", "及以上（含）: the mark restates 及以上; three: 0"),
    # a deduction per event: the count of the events named with 以上（含）
    (PER_EVENT, "0", W6, "6", "none: 6"),
    (PER_EVENT, "1", W6, "4", "6 − 2 = 4"),
    (PER_EVENT, "2", W6, "2", "6 − 2 × 2 = 2"),
    (PER_EVENT, "3", W6, "0", "6 − 6 = 0"),
    (PER_EVENT, "4", W6, "0", "6 − 8 → 0 (the clamp, domain point 6)"),
    (PER_EVENT, "是", W6, "6", "是: the event did not happen (§14), 6"),
    (PER_EVENT, "否", W6, REFUSE, "否 says it happened, not how many times: each time deducts 2"),
    (PER_EVENT, "1.5", W6, REFUSE, "a count of events is whole (§92)"),
    # the two events of one rule, answered by a mapping in the order written (§14), as probe fifth C07 with 及以上
    (MIXED, {1: "1", 2: "0"}, W10, "7", "one 一般 accident: 10 − 3 = 7, no 较大 one"),
    (MIXED, {1: "0", 2: "1"}, W10, "0", "a 较大以上（含） accident: the veto, 0"),
    (MIXED, {1: "4", 2: "0"}, W10, "0", "10 − 12 → 0"),
    # tiers of government (§92): 省级以上（含） is the tier 省级 and above, as 省级及以上 is; 是 names no tier
    (TIERS, "经验做法被省级以上（含）部门推广", PROMOTED, "3", "the first label, as written: 3"),
    (TIERS, "被市级部门推广", PROMOTED, "2", "the second label (the subject written once, §92): 2"),
    (TIERS, "未被推广", PROMOTED, "0", "none: 0"),
    (TIERS, "是", PROMOTED, REFUSE, "promoted, but at which tier is not said (§92)"),
    # a subject named with 以下（含）: words, the number 35 read as part of the name (§57)
    (YOUTH, "20%", SHARE1, "1", "不低于20%: 1"),
    (YOUTH, "18%", SHARE1, "0.8", "2 points below: 2 × 0.1 = 0.2, 1 − 0.2 = 0.8"),
    (YOUTH, "15.5%", SHARE1, "0.55", "4.5 below, pro-rata (§3): 0.45, 1 − 0.45 = 0.55"),
    (YOUTH, "5%", SHARE1, "0", "15 below: 1.5 → 0 (the clamp)"),
    (YOUTH, "是", SHARE1, REFUSE, "the rule reads a share (§14)"),
    # a label in quotes with 以上（含）, as probe second H08 with 及以上
    (SATISFIED, "85%", RATE2, "1", "5 points below: 5 × 0.2 = 1, 2 − 1 = 1"),
    (SATISFIED, "90%", RATE2, "2", "≥90%: 2"),
    # a number with （含） reads as before (§1: included)
    (NUMBER, "90%", RATE10, "10", "90% is in 90%以上（含）: 10"),
    (NUMBER, "89%", RATE10, "9", "1 below: 10 − 1 = 9"),
    (NUMBER, "87.5%", RATE10, "7.5", "2.5 below, pro-rata: 10 − 2.5 = 7.5"),
]

test_hand_cases, test_compiled_agrees, test_round_trip = shape_cases.checks([c[:4] for c in CASES if c[3] != REFUSE])


@pytest.mark.parametrize(("text", "actual", "kw", "want", "why"), CASES)
def test_scores_or_refuses(text: str, actual: object, kw: dict[str, object], want: str, why: str) -> None:
    scores_or_refuses(text, actual, kw, want)


def _words(text: str) -> tuple[str, ...]:
    """The words of each worded condition of ``text`` (the veto's and the awards')."""
    rule = scoring.parse(text)
    return tuple(getattr(c.condition, "text", "") for c in rule.clauses)


@pytest.mark.parametrize(
    ("marked", "plain"),
    [
        (VETO, "发生较大及以上安全生产事故的，本项不得分；未发生的得满分"),
        (VETO_ASCII, "发生较大及以上安全生产事故的，本项不得分；未发生的得满分"),
        (VETO_BEFORE, "发生较大及以上安全生产事故的，本项不得分；未发生的得满分"),
        (PER_EVENT, "受到市级及以上通报批评的，每次扣2分"),
        (TIERS, "经验做法被省级及以上部门推广的得3分，被市级部门推广的得2分，未被推广的不得分"),
        (YOUTH, "35岁及以下的青年干部占比不低于20%的，得1分，每低1%，扣0.1分"),
        (SATISFIED, "服务对象满意度调查结果为“满意”及以上的比例≥90%得满分，每低1个百分点扣0.2分"),
    ],
)
def test_reads_as_the_same_words_with_ji(marked: str, plain: str) -> None:
    """The marked text is the same rule as the one written with 及以上/及以下, its words kept as written: the rule with
    the words swapped back is equal, node for node."""
    rule = scoring.parse(marked)
    back = (
        scoring.render(rule)
        .replace("以上（含）", "及以上").replace("以上(含)", "及以上")
        .replace("（含）以上", "及以上").replace("以下（含）", "及以下")
    )  # fmt: skip
    assert scoring.parse(back) == scoring.parse(plain)


def test_the_words_are_kept_as_written() -> None:
    assert _words(VETO)[0] == "发生较大以上（含）安全生产事故"
    assert _words(VETO_BEFORE)[0] == "发生较大（含）以上安全生产事故"


def test_a_number_with_its_mark_reads_as_before() -> None:
    """90%以上（含） is the comparison ≥90% (§1), not words: the same rule as 90%及以上 and 90%（含）以上."""
    assert scoring.parse(NUMBER) == scoring.parse("满意度90%及以上得满分，每低1%扣1分")
    assert scoring.parse(NUMBER) == scoring.parse("满意度90%（含）以上得满分，每低1%扣1分")


@pytest.mark.parametrize(
    ("text", "code", "at"),
    [
        # （不含） after a level's words: below 较大 and not 较大 itself is no word of the text (一般? 较小?)
        ("发生较大以下（不含）安全事故的，每起扣1分", "unexpected-token", "（不含）"),
        ("发生较大以上（不含）安全事故的，本项不得分", "unexpected-token", "（不含）"),
        ("受到市级（不含）以上通报批评的，每次扣2分", "unexpected-token", "（不含）"),
        # （含） after words that are no 以上/以下 and no deadline: read by nothing (§88)
        ("完成（含）得满分", "unexpected-token", "（含）"),
        ("发生较大（含）安全事故的，本项不得分", "unexpected-token", "（含）"),
        # a later refusal in a rule with an accepted mark: the caret on the second mark
        ("发生较大以上（含）安全事故的，本项不得分；完成（含）得满分", "unexpected-token", "（含）得满分"),
    ],
)
def test_refused(text: str, code: str, at: str) -> None:
    e = refusal(text)
    assert e.code == code
    assert text[e.pos :].startswith(at)


@pytest.mark.parametrize(
    ("text", "mark", "at"),
    [
        # traditional characters, a space in the words: the normalizer's changes, the caret on the original text
        ("發生較大以下（不含） 安全事故的，每起扣1分", "（不含）", 6),
        ("發生 較大以上(含)安全事故的，本項不得分；完 成(含)得滿分", "(含)", 25),
        ("发 生 较 大 以 上 （含） 安 全 事 故 的 ， 本 项 不 得 分 ； 完 成 （含） 得 满 分", "（含）", 44),
    ],
)
def test_the_caret_points_into_the_original_text(text: str, mark: str, at: int) -> None:
    e = refusal(text)
    assert e.code == "unexpected-token"
    assert (e.pos, e.length) == (at, len(mark))
    assert text[at : at + len(mark)] == mark
