"""Score curves: scores at edges, steps, target and floor (computed by hand), and the plots."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

import scoring
from scoring.writer.axis import Interval, axis
from scoring.writer.curve import plot, svg, table, text_table

RULE = "满意度90%及以上得满分，每5%扣2分，低于75%不得分"


def scores(curve: object) -> dict[Decimal, Decimal | None]:
    return {p.x: p.score for p in curve.points}  # type: ignore[attr-defined]


def test_issue_rule_table() -> None:
    c = table(RULE, target="90%", weight=10, comparator="≥", unit="%")
    s = scores(c)
    # 90 full; 85: 1 step of 5 pp → −2; 80: −4; 75: 3 steps → −6 = 4; just below 75 the 不得分 band
    assert s[Decimal(90)] == Decimal("10.00")
    assert s[Decimal(85)] == Decimal("8.00")
    assert s[Decimal(80)] == Decimal("6.00")
    assert s[Decimal(75)] == Decimal("4.00")
    assert s[Decimal("74.99")] == Decimal("0.00")
    labels = {p.x: p.label for p in c.points}
    assert "指标值" in labels[Decimal(90)] and "边界" in labels[Decimal(75)]
    assert "得分降为0" in labels[Decimal("74.99")]
    assert c.edges == (Decimal(75), Decimal(90))


def test_deviation_bands_on_an_amount() -> None:
    c = table("偏离小于等于5%，得20分；小于等于10%，得15分；小于等于20%得10分；小于等于30%，得5分；大于30%，不得分。",
              target="30", weight=20, comparator="≤", unit="万元")  # fmt: skip
    s = scores(c)
    # target 30万元, ≤: only overspending deviates; 31.5 = 5% → 20; 33 = 10% → 15; 39 = 30% → 5; above → 0
    assert s[Decimal("31.5")] == Decimal("20.00")
    assert s[Decimal("31.51")] == Decimal("15.00")
    assert s[Decimal(33)] == Decimal("15.00")
    assert s[Decimal(39)] == Decimal("5.00")
    assert s[Decimal("39.01")] == Decimal("0.00")
    assert c.axis.unit == "万元" and not c.axis.percent


def test_event_counts() -> None:
    c = table("每发现一例不合规扣1分，扣完为止", weight=5)
    assert c.axis.kind == "count"
    s = scores(c)
    assert [s[Decimal(k)] for k in range(7)] == [
        Decimal(x) for x in ("5.00", "4.00", "3.00", "2.00", "1.00", "0.00", "0.00")
    ]


def test_worded_rule_lists_labels() -> None:
    c = table("显著得满分，一般得分80%，不明显得分60%", weight=20)
    assert dict(c.labels)["一般"] == Decimal("16.00")
    assert "一般" in text_table(c)


def test_bounds() -> None:
    c = table(RULE, target="90%", weight=10, comparator="≥", lo="80", hi="95")
    assert min(p.x for p in c.points) >= 80 and max(p.x for p in c.points) <= 95


def test_composite_is_refused() -> None:
    with pytest.raises(scoring.ScoringError):
        table("①制定办法计1分，未制定不得分；②按时报送计2分", weight=3)


def test_axis() -> None:
    rule = scoring.parse(RULE)
    ax = axis(rule, target="90%", comparator="≥")
    assert ax.percent and ax.better == "higher" and ax.target == 90
    assert ax.typed(Decimal("85")) == "85%"


def test_interval_arithmetic() -> None:
    a = Interval(Decimal(75), True, Decimal(90), False)
    assert a.text() == "75≤实际值<90"
    assert a.contains(Decimal(75)) and not a.contains(Decimal(90))
    parts = Interval(Decimal(0), True, Decimal(100), True).minus(a)
    assert [p.text() for p in parts] == ["0≤实际值<75", "90≤实际值≤100"]
    assert Interval(Decimal(0), False, Decimal(1), False).has_integer() is False


def test_hand_written_svg(tmp_path: Path) -> None:
    c = table(RULE, target="90%", weight=10, comparator="≥", dense=50)
    out = plot(c, tmp_path / "c.svg", title="满意度 & 扣分", engine="svg")
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<svg") and "polyline" in text and "指标值 90%" in text and "&amp;" in text
    assert svg(c).count("<polyline") >= 1


def test_png_with_matplotlib(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    c = table(RULE, target="90%", weight=10, comparator="≥", dense=100)
    out = plot(c, tmp_path / "c.png", title=RULE)
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_plot_refuses_bad_suffix(tmp_path: Path) -> None:
    c = table(RULE, target="90%", weight=10)
    with pytest.raises(scoring.ScoringError):
        plot(c, tmp_path / "c.pdf")


# ------------------------------------------------------------------ bonuses, caps, range deductions (§15, §16)


def test_bonus_adds_above_the_target_up_to_its_cap() -> None:
    c = table("完成得基本分10分，每多完成1%加1分，少完成1%扣1分，加分不超过5分",
              target="100%", weight=10, comparator="≥", unit="%")  # fmt: skip
    s = scores(c)
    # base 10 at 100%; above: +1 per point up to +5 (105% and beyond: 15); below: −1 per point
    assert s[Decimal(100)] == Decimal("10.00")
    assert s[Decimal(101)] == Decimal("11.00")
    assert s[Decimal(103)] == Decimal("13.00")
    assert s[Decimal(105)] == Decimal("15.00")
    assert s[Decimal(97)] == Decimal("7.00")
    assert s[Decimal(90)] == Decimal("0.00")
    labels = {p.x: p.label for p in c.points}
    assert "加分达上限" in labels[Decimal(105)] and "加分起点" in labels[Decimal(100)]
    assert c.axis.domain.hi is None  # a bonus for exceeding: the rate is not capped at 100%


def test_bonus_events_count_up_from_zero() -> None:
    c = table("每开展一项加2分，最高不超过4分", weight=10)
    s = scores(c)
    # a rule of bonuses alone starts from 0: 0 → 0, 1 → 2, 2 → 4 (the cap), 3 → still 4
    assert [s[Decimal(k)] for k in range(4)] == [Decimal(x) for x in ("0.00", "2.00", "4.00", "4.00")]
    assert {p.x: p.label for p in c.points}[Decimal(2)] == "加分达上限"


def test_uncapped_bonus_alone_stays_within_the_weight() -> None:
    s = scores(table("每开展一项加2分", weight=5))
    # 2 per event, no cap stated: 0, 2, 4, then the weight 5 bounds it
    assert [s[Decimal(k)] for k in range(4)] == [Decimal(x) for x in ("0.00", "2.00", "4.00", "5.00")]


def test_cap_bounds_deductions() -> None:
    c = table("每发现一例扣1分，最多扣3分", weight=10)
    s = scores(c)
    # 1 per case, at most 3: 10, 9, 8, 7, then 7 however many more
    assert [s[Decimal(k)] for k in range(5)] == [Decimal(x) for x in ("10.00", "9.00", "8.00", "7.00", "7.00")]
    assert {p.x: p.label for p in c.points}[Decimal(3)] == "扣分达上限"
    assert "扣分达上限" in text_table(c)


def test_range_deduction_shows_its_bounds() -> None:
    c = table("出现火灾事故每例减5-10分", weight=20)
    by_x = {p.x: p for p in c.points}
    # one case: 20 − 10 … 20 − 5 = 10–15; two: 0–10; none: 20
    assert by_x[Decimal(0)].score == Decimal("20.00") and by_x[Decimal(0)].bounds is None
    assert by_x[Decimal(1)].score is None and by_x[Decimal(1)].bounds == (Decimal(10), Decimal(15))
    assert by_x[Decimal(2)].bounds == (Decimal(0), Decimal(10))
    text = text_table(c)
    assert "10.00–15.00" in text and "人工确定" in text
