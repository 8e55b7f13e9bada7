"""The canonical text carries what the score depends on (tests/test_render_scores.py): whole steps (每满),
a start written as the note before (低于100%的，每满…), a lone single number not written as an edge (1次得2分)
and a grade naming a single number (优（100%）). Each text: its rendering, that the rendering reads back as the
same rule, and the points of the original and of the rendered text at answers computed by hand."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

import scoring


def _both(text: str) -> tuple[Any, Any, str]:
    node = scoring.parse(text)
    rendered = scoring.render(node)
    again = scoring.parse(rendered)
    assert again == node
    return node, again, rendered


def _points(node: Any, actual: str, **kw: Any) -> Decimal | str:
    try:
        return scoring.evaluate(node, actual, **kw).points
    except scoring.ScoringError:
        return "refused"


def _check(text: str, cases: list[tuple[str, str]], **kw: Any) -> str:
    node, again, rendered = _both(text)
    for actual, want in cases:
        expected: Decimal | str = want if want == "refused" else Decimal(want)
        assert _points(node, actual, **kw) == expected, (text, actual)
        assert _points(again, actual, **kw) == expected, (rendered, actual)
    return rendered


def test_whole_steps_render_as_mei_man() -> None:
    """每满5%扣2分 from 95%: 88% is 7 below, one whole step (the part step is dropped) → 10 − 2 = 8; 85%: two → 6;
    86%: 9 below, still one → 8; below 75% nothing. 不足一档不计 after the step would count 88% pro rata (7.2)."""
    rendered = _check(
        "满意度95%以上得满分，每满5%扣2分，低于75%不得分。",
        [("88%", "8"), ("86%", "8"), ("85%", "6"), ("74%", "0")],
        target="95%", comparator="≥", unit="%", weight="10",
    )  # fmt: skip
    assert "每满5%扣2分" in rendered and "不足一档" not in rendered


def test_whole_steps_after_a_start_phrase() -> None:
    """低于95%的每满5个百分点扣1分 on 4: 91% is 4 points below (no whole step) → 4; 90%: one → 3; 84%: 11 below,
    two → 2. The start phrase (<95%时) gives the direction, 每满 the whole steps."""
    rendered = _check(
        "政务服务好评率95%以上得满分，低于95%的每满5个百分点扣1分",
        [("91%", "4"), ("90%", "3"), ("84%", "2")],
        target="≥95%", comparator="≥", unit="%", weight="4",
    )  # fmt: skip
    assert "<95%时每满5个百分点扣1分" in rendered


def test_whole_steps_after_an_inclusive_start() -> None:
    """未达到的每满5个百分点扣1分 after 应达到100% on 5: 97% is 3 below, no whole step → 5; 89%: 11 below, two → 3;
    85%: three → 2."""
    rendered = _check(
        "公益林管护覆盖率应达到100%，未达到的每满5个百分点扣1分",
        [("97%", "5"), ("89%", "3"), ("85%", "2")],
        target="100%", comparator="≥", unit="%", weight="5",
    )  # fmt: skip
    assert "≤100%时每满5个百分点扣1分" in rendered and "不足一档" not in rendered


def test_exclusive_start_is_the_note_before() -> None:
    """项目完成率低于100%的，每满5个百分点扣1分 on 4: 92% is 8 below, one whole step → 3; 89%: two → 2; 100% → 4.
    The start (100%, not included) is the note's line; 自100%（不含）起 is not read by the grammar (R7)."""
    rendered = _check(
        "项目完成率低于100%的，每满5个百分点扣1分",
        [("92%", "3"), ("89%", "2"), ("100%", "4")],
        target="100%", comparator="≥", unit="%", weight="4",
    )  # fmt: skip
    assert rendered.startswith("项目完成率低于100%的；每满5个百分点扣1分") and "自" not in rendered


def test_exclusive_start_pro_rata() -> None:
    """空置率超过5%的部分，每1个百分点扣1分 on 5: 7% is 2 above → 3; 7.5%: 2.5 (pro rata, not written) → 2.5;
    4% → 5."""
    rendered = _check(
        "空置率超过5%的部分，每1个百分点扣1分",
        [("7%", "3"), ("7.5%", "2.5"), ("4%", "5")],
        target="5%", comparator="≤", unit="%", weight="5",
    )  # fmt: skip
    assert rendered.startswith("空置率超过5%的部分；每1个百分点扣1分")


@pytest.mark.parametrize(
    "text",
    ["开展政策宣讲活动1次得2分", "报送工作简报1期得1分"],
)
def test_lone_single_number_renders_bare(text: str) -> None:
    """1次得2分 on 6: once or each time (§62), not 以上: 1 → 2, 0 → 0, 3 refused. ≥1次 would score 3 (2 points)."""
    rendered = _check(text, [("1", "2" if "2分" in text else "1"), ("0", "0"), ("3", "refused")], weight="6")
    assert rendered == text
    assert "≥" not in rendered


def test_a_ladder_keeps_its_edges() -> None:
    """第7名以后得4分 after 第4-6名 (a band among several): the rendering keeps ≥ (only a rule's one band is
    written bare); a bare 第7名 would read as exactly 7 (9th: 4 on the original, 0 on a bare rendering)."""
    text = "全省排名第1名得10分，第2-3名得8分，第4-6名得6分，第7名以后得4分"
    node = scoring.parse(text)
    rendered = scoring.render(node)
    again = scoring.parse(rendered)
    assert again == node
    assert "第≥7名得4分" in rendered
    assert _points(node, "9", weight="10") == _points(again, "9", weight="10") == Decimal("4")


def test_grade_on_a_single_number_renders_grade_first() -> None:
    """优（100%）得满分，良（90%-100%）得8分 on 10: 100% → 10, 95% → 8, 85% → 0, 101% refused (no band holds it:
    100% is one number, not 100%以上). =100%（优） would claim 等于 and score 101% as 0."""
    rendered = _check(
        "优（100%）得满分，良（90%-100%）得8分，差（90%以下）不得分",
        [("100%", "10"), ("95%", "8"), ("85%", "0"), ("101%", "refused")],
        target="≥100%", comparator="≥", unit="%", weight="10",
    )  # fmt: skip
    assert rendered.startswith("优（100%）得满分") and "=100%" not in rendered
