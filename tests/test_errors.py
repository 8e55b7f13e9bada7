"""Malformed rule text → stable RuleSyntaxError codes and positions (what the parser raises today).

Samples that deserve a better code or hint are listed in docs/render-grammar-requests.md
(“Errors a person can act on”); when the parser improves, update the row here.
"""

from __future__ import annotations

import pytest

import scoring
from scoring.errors import caret_lines, display_width

# text, code, 0-based position, what the message must offer (a word of `expected` or of the hint)
SAMPLES = [
    ("", "empty", 0, "评分规则"),
    ("   ", "empty", 0, "评分规则"),
    ("满意度90%以上得满分，每5%扣分", "deduct-without-points", 16, "数字"),  # 扣 without points
    ("每发现一例扣", "unexpected-end", 6, "数字"),  # the text stops after 扣
    ("每5%扣2分，扣完未止", "unexpected-token", 8, "数字"),  # 扣完为止 misspelt (hint: see docs)
    ("得分=（完成率-60%", "unexpected-end", 11, "右括号"),
    ("扣4-2分", "deduction-range", 0, "扣4-7分"),
    ("满意度90%以上得满分，每扣2分", "step-without-size", 12, "数字"),  # 每 with no step
    ("满意度90%以上得", "no-scoring-logic", 0, "得N分"),
    ("预算范围内完成本年度考试", "no-scoring-logic", 0, "得满分"),
    ("完成得满分，未完成不得分，得5分得3分", "two-outcomes", 16, ""),
    ("发生安全事故直接计0分得5分", "two-outcomes", 11, ""),
    # a stray closer inside the text (one that ends it is dropped by the normalizer, semantics §61)
    ("90%以上得满分），每5%扣2分，扣完为止", "unexpected-token", 8, ""),
    ("满意度@90%得满分", "unexpected-character", 3, ""),
    ("無影響當?shù)厣的案件得满分", "garbled-text", 7, "重新录入"),  # a page decoded wrongly (dev-152)
    ("满意度\ufffd90%得满分", "garbled-text", 3, "重新录入"),
    ("60%-80%按线性内插赋分", "interpolation-ends", 7, "高于90%的，按线性内插赋分"),  # two ends: which points?
]


@pytest.mark.parametrize(("text", "code", "pos", "offer"), SAMPLES, ids=[f"{s[1]}-{i}" for i, s in enumerate(SAMPLES)])
def test_malformed(text: str, code: str, pos: int, offer: str) -> None:
    with pytest.raises(scoring.RuleSyntaxError) as info:
        scoring.parse(text)
    e = info.value
    assert (e.code, e.pos) == (code, pos)
    assert e.line == 1 and e.column == pos + 1
    if offer:
        assert offer in "、".join(e.expected) + e.hint
    assert f"[{code}]" in str(e)


def test_hint_for_a_missing_number_after_deduct() -> None:
    with pytest.raises(scoring.RuleSyntaxError) as info:
        scoring.parse("满意度90%以上得满分，每5%扣分")
    assert "扣2分" in info.value.hint


def test_caret_is_aligned_for_chinese() -> None:
    with pytest.raises(scoring.RuleSyntaxError) as info:
        scoring.parse("满意度90%以上得满分，每5%扣分")
    e = info.value
    shown, caret = str(e).splitlines()[1:3]
    assert shown.strip() == "满意度90%以上得满分，每5%扣分"
    # the caret starts where 分 is displayed: the width of everything before it
    assert caret.index("^") - 2 == display_width("满意度90%以上得满分，每5%扣")
    assert caret_lines(e.text, e.pos)[1].strip() == "^^"  # 分 is two columns wide


def test_second_line_position() -> None:
    with pytest.raises(scoring.RuleSyntaxError) as info:
        scoring.parse("完成得满分\n每5%扣分")
    assert (info.value.line, info.value.column) == (2, 5)


@pytest.mark.parametrize("bad", [None, 3, b"x"])
def test_not_text(bad: object) -> None:
    with pytest.raises(TypeError):
        scoring.parse(bad)  # type: ignore[arg-type]
