"""Span accounting: every number and scoring phrase of an accepted rule is read by a node.

The parser enforces it (``unread-number`` / ``unread-clause``); these tests check it from the
outside, without trusting the parser's own bookkeeping: in every accepted text, changing any
number must change the parsed rule (or make the text refused). A number whose change leaves
the rule as it was was not read: the rule would score the same whatever that number said.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import scoring

DATA = Path(__file__).parent / "data"
FILES = ("seed000_rules.jsonl", "seeds001_004_rules.jsonl", "dev_rules.jsonl")


def _texts() -> list[str]:
    out: set[str] = set()
    for name in FILES:
        with (DATA / name).open(encoding="utf-8") as f:
            for line in f:
                rule = json.loads(line).get("rule")
                if rule:
                    out.add(rule)
    return sorted(out)


TEXTS = _texts()
NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")
# numbers inside these are names (quoted titles), the restatement's remarks, or item marks (2、, (2)),
# read as marks: a lone numbered item scores the same whatever its number; a year naming a period
# (2018年度) is a name as well (scoring/rules/accounting.py _EXEMPT)
EXEMPT = re.compile(r"《[^《》]*》|“[^“”]*”|\"[^\"]*\"|[（(]注[：:][^（()）]*[)）]|(?<![0-9.])[1-9]、|(?<![^\s。；;，,：:])[（(]\s*[1-9][0-9]?\s*[)）]|(?<![0-9.])(?:19|20)[0-9]{2}年度")


def _parse(text: str) -> scoring.Rule | scoring.Composite | None:
    try:
        return scoring.parse(text)
    except scoring.ScoringError:
        return None


def _mutations(text: str) -> list[tuple[int, str]]:
    """(position, text) for each number outside quoted names, changed to another number."""
    exempt = [m.span() for m in EXEMPT.finditer(text)]
    out = []
    for m in NUMBER.finditer(text):
        if any(a <= m.start() < b for a, b in exempt):
            continue
        n = Decimal(m.group())
        other = n + 1 if n < 1000 else n * 2
        new = format(other, "f") if "." in m.group() else str(int(other))
        out.append((m.start(), text[: m.start()] + new + text[m.end() :]))
    return out


_DIGITS = re.compile(r"[0-9.]+")


def _without_digits_in_words(node: object) -> object:
    """The node with digits taken out of its free text (labels, subjects, 达标 words): a number
    that lives only there is not read, so changing it must not count as changing the rule."""
    if isinstance(node, tuple):
        return tuple(_without_digits_in_words(n) for n in node)
    if not attrs.has(type(node)):
        return node
    changes: dict[str, object] = {}
    for f in attrs.fields(type(node)):
        if not f.init:
            continue
        v = getattr(node, f.name)
        if f.name in ("text", "subject") and isinstance(v, str):
            changes[f.name] = _DIGITS.sub("", v)
        elif isinstance(v, tuple) or attrs.has(type(v)):
            changes[f.name] = _without_digits_in_words(v)
    return attrs.evolve(node, **changes) if changes else node  # type: ignore[misc]


def _unread_numbers(text: str) -> list[str]:
    node = _parse(text)
    if node is None:
        return []
    bare = _without_digits_in_words(node)
    return [
        f"{pos}:{mutated}"
        for pos, mutated in _mutations(text)
        if (m := _parse(mutated)) is not None and _without_digits_in_words(m) == bare
    ]


ACCEPTED = [t for t in TEXTS if _parse(t) is not None]


def test_the_corpora_are_here() -> None:
    assert len(TEXTS) > 450
    assert len(ACCEPTED) > 300


@pytest.mark.parametrize("text", ACCEPTED, ids=[f"t{i}" for i in range(len(ACCEPTED))])
def test_every_number_of_an_accepted_corpus_text_is_read(text: str) -> None:
    assert _unread_numbers(text) == []


# ------------------------------------------------------------------ generated rules

PIECES = (
    "满意度", "完成率", "发现", "一例", "问题", "的", "未完成", "完成", "按时", "资料", "报告", "人数",
    "90%", "85%", "5%", "3", "10", "2024年", "第1", "12345", "平台",
    "以上", "以下", "及以上", "低于", "高于", "不低于", "≥", "≤", "每", "每低", "每超过", "偏差",
    "得满分", "得5分", "得2分", "计3分", "不得分", "扣1分", "扣0.5分", "扣完为止", "按比例赋分",
    "，", "；", "。",
    # this round's shapes (semantics §39-§49): ranges of points, halves, remarks, headings, cells
    "视情况扣分", "得8-9分", "5-3分", "(2-0分)", "得一半分值", "得80%分值", "按比例得分", "以会议纪要为准",
    "满分10分", "(5分)", "：", " | ", "未达到", "每天",
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=10).map("".join))
@example("市民对12345服务平台满意度90%以上得满分")
@example("2024年年底前完成得10分，每延后1个月扣3分")
@example("完成3篇得8分")
def test_generated_texts_are_read_completely_or_refused(text: str) -> None:
    """Any text: either refused with our error, or every number in it is read."""
    try:
        scoring.parse(text)
    except scoring.RuleSyntaxError:
        return
    assert _unread_numbers(text) == [], text


@pytest.mark.parametrize(
    ("text", "code", "piece"),
    [
        # 12345 is read as part of a name only where 的 ties the name to what is measured (semantics §57)
        ("市民对12345服务平台满意度95%以上,计5分,每下降0.5%扣0.5分", "unread-number", "12345"),
        # a year with no 前/底/末 after it is no deadline (2024年年底前 is: semantics §53), unless 完成 follows (§116)
        ("2024年实现得10分，每延后1个月扣3分，扣完为止。", "unread-number", "2024"),
        ("持平的得部分分，增长的得满分", "unread-clause", "得部分"),  # 得相应分 reads since §91: a hand score
        # the line before (90%以上) and the start of the steps (低于95%) contradict each other (semantics §89)
        ("家长对学校满意度90%以上，低于95%每偏差5%扣2分", "start-contradicts-line", "90%以上"),
    ],
)
def test_unread_pieces_are_refused_with_the_caret_on_them(text: str, code: str, piece: str) -> None:
    with pytest.raises(scoring.RuleSyntaxError) as e:
        scoring.parse(text)
    assert e.value.code == code
    assert text[e.value.pos : e.value.pos + e.value.length] == piece


def test_a_quoted_name_may_hold_digits() -> None:
    rule = scoring.parse("“12345”热线满意度90%以上得满分，低于90%不得分")
    assert isinstance(rule, scoring.Rule)
