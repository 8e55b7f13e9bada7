"""The compiled default method gives ``default_score``'s points, bit for bit, on plain-number
outcomes, or None (the caller then runs ``default_score``): on the oracle rows without a rule,
on hand-made rows covering every branch of ``_numeric``, and on random rows (hypothesis)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scoring.reading.cells import Target, read_actual, read_target
from scoring.scores.compiled_default import PLAIN, WRITTEN, compile_default, compile_default_parts
from scoring.scores.defaults import default_score
from scoring.scores.evaluate import Options, make_options
from scoring.tables.rows import IndicatorRow
from scoring.text.numbers import split_unit

ORACLE = Path(__file__).parent / "data" / "seed_oracle.jsonl"

OPTIONS = [
    make_options(places=places, rounding=rounding, reverse=reverse)
    for places in (0, 1, 2, 4)
    for rounding in ("half_up", "truncate")
    for reverse in ("ratio", "linear")
]
FEW_OPTIONS = [
    make_options(),
    make_options(places=1, rounding="truncate", reverse="linear"),
    make_options(places=2, rounding="truncate"),
    make_options(places=1, reverse="linear"),
]

# texts the fast path must refuse (not plain numbers; the first five: units read_actual reads otherwise)
NOT_PLAIN = ["100余人", "2023年", "85万", "7个百分点", "90万%", "", "  ", "85.", ".5", "-5", "+5", "1,200", "约85", "85%%", "８５", "1e3", "85万", "≥85", "85 人",
             "完成", "100%。", "85％", "0x10", "1 2"]  # fmt: skip

# the last two: default_score cannot write a number of 29 digits or more in its 扣分原因 (InvalidOperation)
FIXED = ["0", "0.0", "0%", "0.5", "1", "3", "5", "10", "49.99", "50", "85", "85.5", "90", "99.99", "100", "100.00",
         "100.5", "120", "150", "200", "999", "1000", "1000.0", "1000.01", "1001", "1200", "5000", "50000",
         "123456.789", "123456789", "9999999999999999", "12345678901234567", "0.0000001",
         "1" + "0" * 30, "1" + "0" * 27 + ".5"]  # fmt: skip
SPACED = [" 85", "85 ", "85 %", " 85% ", "\u300085%\u3000", "\t100\n", "\xa090.5\xa0"]
# numbers with a unit written after them: amounts in that unit (余/多, 年 and a bare 万 are left)
WRITTEN_UNITS = ["85分", "250人", "12.5万元", "1200元", "3例", "2次", "0.5亿元", "30万人次"]


def _plain(d: Decimal) -> str:
    """A non-negative Decimal as a plain-number text (two decimals at most, trailing zeros kept or not)."""
    if d.adjusted() > 20:  # too long to quantize to cents in the 28-digit context
        return format(abs(d).to_integral_value(), "f")
    d = abs(d).quantize(Decimal("0.01"))
    s = format(d, "f")
    return s.rstrip("0").rstrip(".") if d == d.to_integral_value() else s


def outcomes_for(target: Target, unit: str | None) -> list[str]:
    """Plain outcomes around the target (in the row's unit, with and without %) and fixed ones."""
    out = list(FIXED) + SPACED + WRITTEN_UNITS
    if target.quantity is not None:
        t = target.quantity.value
        mult, _ = split_unit(unit or "")
        base = t if target.quantity.is_percent or (unit or "").endswith("%") else t / mult
        for k in ("0", "0.5", "0.9", "0.999", "1", "1.001", "1.1", "1.5", "2", "2.5", "10"):
            out.append(_plain(base * Decimal(k)))
        out += [_plain(base + Decimal("0.01")), _plain(base - Decimal("0.01"))]
    return out + [s + "%" for s in out if not s.rstrip().endswith("%") and s not in WRITTEN_UNITS]


def check(
    row: Any, target: Target, opts: Options, texts: Iterable[str], *, satisfaction: str = "proportional",
    category: str = "", qualitative: str = "lenient",
) -> tuple[int, int]:  # fmt: skip
    """Assert f agrees with default_score on every text; (plain texts f scored, plain texts default_score scored)."""
    f = compile_default(row, opts, target=target, satisfaction=satisfaction, qualitative=qualitative, category=category)
    taken = scored = 0
    for text in texts:
        try:
            expected: Decimal | None = default_score(
                row, text, opts, target=target, satisfaction=satisfaction, qualitative=qualitative, category=category
            ).points
        except Exception:  # EvaluationError, or InvalidOperation formatting a huge number
            expected = None
        got = f(text) if f is not None else None
        plain = PLAIN.fullmatch(text) is not None or (WRITTEN.fullmatch(text) is not None and text not in NOT_PLAIN)
        if expected is not None and plain:
            scored += 1
        if got is None:
            continue
        assert plain, f"fast path scored a text that is not a plain number: {text!r}"
        taken += 1
        where = (row.target, row.comparator, row.unit, row.name, category, satisfaction, opts, text)
        assert expected is not None, f"fast path scored {got} where default_score raises: {where}"
        assert got == expected and str(got) == str(expected), f"{got} != {expected}: {where}"
    return taken, scored


# ------------------------------------------------------------------ the oracle rows


def oracle_rows() -> Iterator[tuple[IndicatorRow, str]]:
    for line in ORACLE.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        if r.get("rule") or r["kind"] in ("exec", "none") or r.get("weight") is None:
            continue
        row = IndicatorRow(
            id=str(r["line"]), name=r["level3"], level1=r.get("level1") or "", level2=r.get("level2") or "",
            target=r["target"], comparator=r.get("comparator"), unit=r.get("unit"), weight=Decimal(str(r["weight"])),
        )  # fmt: skip
        yield row, row.category


def test_oracle_rows() -> None:
    rows = list(oracle_rows())
    assert len(rows) > 300
    compiled = numeric = taken = scored = 0
    for row, category in rows:
        target = read_target(row.target, row.unit)
        f = compile_default(row, make_options(), target=target, satisfaction="proportional", qualitative="lenient",
                            category=category)  # fmt: skip
        if target.kind == "number" and (row.comparator or "").strip() != "定性":
            numeric += 1
            compiled += f is not None
        else:
            assert f is None, row
        texts = outcomes_for(target, row.unit) + NOT_PLAIN
        for opts in FEW_OPTIONS:
            for satisfaction in ("proportional", "rate"):
                t, s = check(row, target, opts, texts, satisfaction=satisfaction, category=category)
                taken += t
                scored += s if f is not None else 0
    assert numeric > 150 and compiled == numeric
    assert taken >= 0.95 * scored, (taken, scored)


# ------------------------------------------------------------------ hand-made rows

HAND: list[tuple[str, str | None, str | None, str, str, str]] = [
    # target, comparator, unit, weight, name, category
    ("≥90%", None, None, "5", "完成率", ""),
    ("90%", None, None, "5", "完成率", ""),
    ("90", None, "%", "5", "完成率", ""),
    ("≥90", None, None, "4", "人数", ""),
    (">90%", None, None, "3", "合格率", ""),
    ("100", "≥", None, "2.5", "件数", ""),
    ("100", ">", "件", "2.5", "件数", ""),
    ("100", "正向", None, "2", "件数", ""),
    ("100", "反向", None, "2", "件数", ""),
    ("100", "定量", None, "2", "件数", ""),
    ("≤5%", None, None, "5", "失业率", ""),
    ("5%", "≤", None, "5", "失业率", ""),
    ("<5", None, None, "3", "事故数", ""),
    ("≤100", None, None, "7.77", "投诉", ""),
    ("≤30天", None, None, "2", "办结时限", ""),
    ("=100", None, None, "5", "人数", ""),
    ("=100%", None, None, "5", "到位率", ""),
    ("12个月", "=", None, "3", "周期", ""),
    ("≥50", None, "万元", "5", "资金", ""),
    ("≤195", None, "万元", "5", "总成本", "成本指标"),
    ("195万元", None, None, "5", "项目总成本", "产出指标 成本指标"),
    ("195", None, "万元", "5", "项目总成本", "产出指标 成本指标"),
    ("1770元/人", None, None, "5", "人均成本", "成本指标"),
    ("90%", None, None, "5", "成本控制率", "成本指标"),
    ("≥5", None, "亿元", "10", "投资", ""),
    ("≥5万人", None, None, "2", "参保人数", ""),
    ("≥5,441.47万人", None, "万人", "2", "参保人数", ""),
    ("40", None, "万", "2", "就业人数", ""),
    ("0.5", None, "万", "2", "比例", ""),
    ("90", None, "万%", "2", "怪单位", ""),
    ("0", None, None, "5", "数据丢失率", ""),
    ("0%", None, None, "5", "差错率", ""),
    ("=0", None, None, "5", "事故", ""),
    ("≥0", None, None, "5", "数量", ""),
    ("≤0", None, None, "5", "事故", ""),
    ("0", "≥", None, "5", "数量", ""),
    ("-5", None, None, "5", "增长", ""),
    ("≥-5", None, None, "5", "增长", ""),
    ("≤-5", None, None, "5", "下降", ""),
    ("=-5", None, None, "5", "变化", ""),
    ("≥-5%", None, None, "5", "增长率", ""),
    ("≥90%", None, None, "10", "服务对象满意度", ""),
    ("95", None, "%", "10", "群众满意度", ""),
    ("≥95", None, None, "10", "满意人数", ""),
    ("≥90%", None, None, "0", "零分值", ""),
    ("≥90%", None, None, "0.3", "小分值", ""),
    ("≥99.5%", None, None, "1", "准确率", ""),
    ("≤0.5%", None, None, "1", "差错率", ""),
    ("≤0.0001", None, None, "1", "极小", ""),
    ("≥0.0001", None, None, "1", "极小", ""),
    ("≤0.00001", None, None, "1", "极小", ""),  # linear: 9999999999999999 is 1E+21 times the target
    ("≤0.000000000001", None, None, "1", "极小", ""),  # linear: default_score cannot write an excess of 1E+28
    ("≥123456789012345678901234567", None, None, "1", "极大", ""),
    ("≥90%", "定性", None, "5", "定性行", ""),
    ("提升", None, None, "5", "文字", ""),
    ("2023年年底前", None, None, "5", "时间", ""),
]


@pytest.mark.parametrize("spec", HAND, ids=[f"{h[0]}|{h[1]}|{h[2]}|{h[4]}" for h in HAND])
def test_hand_rows(spec: tuple[str, str | None, str | None, str, str, str]) -> None:
    target_text, comparator, unit, weight, name, category = spec
    row = IndicatorRow(id="1", name=name, target=target_text, comparator=comparator, unit=unit, weight=Decimal(weight))
    target = read_target(target_text, unit)
    texts = outcomes_for(target, unit) + NOT_PLAIN
    taken = scored = 0
    for opts in OPTIONS:
        for satisfaction in ("proportional", "rate"):
            t, s = check(row, target, opts, texts, satisfaction=satisfaction, category=category)
            taken += t
            scored += s
    f = compile_default(row, make_options(), target=target, satisfaction="proportional", qualitative="lenient",
                        category=category)  # fmt: skip
    if f is not None:
        assert all(f(text) is None for text in NOT_PLAIN)
        if scored:
            assert taken >= 0.9 * scored, (taken, scored)


def test_rows_not_compiled() -> None:
    def compiled(target: str, comparator: str | None = None, weight: Any = Decimal(5)) -> bool:
        row = IndicatorRow(id="1", name="x", target=target, comparator=comparator, weight=weight)
        f = compile_default(row, make_options(), target=read_target(target), satisfaction="proportional",
                            qualitative="lenient", category="")  # fmt: skip
        return f is not None

    assert compiled("≥90%")
    assert not compiled("≥90%", "定性")
    assert not compiled("提升")
    assert not compiled("2023年年底前")
    assert not compiled("")
    assert not compiled("≥90%", weight=Decimal(-1))
    assert not compiled("≥90%", weight=None)
    assert not compiled("≥90%", weight=Decimal("1E+30"))  # finish cannot round it: default_score raises


def test_sample_points() -> None:
    """A few points worked by hand, so that the agreement above is not agreement on nonsense."""
    row = IndicatorRow(id="1", name="x", target="≥90%", weight=Decimal(5))
    f = compile_default(row, make_options(), target=read_target("≥90%"), satisfaction="proportional",
                        qualitative="lenient", category="")  # fmt: skip
    assert f is not None
    assert f("85%") == Decimal("4.72") and f("85") == Decimal("4.72")  # 5 × 85/90, a bare 85 is 85%
    assert f("95") == Decimal("5.00") and f("1200") is None  # 1200 is not a percent: default_score raises
    assert f("1000") == Decimal("5.00") and f("1000.01") is None  # bare numbers up to 1000 are percents
    row = IndicatorRow(id="2", name="总成本", target="195", unit="万元", weight=Decimal(5))
    f = compile_default(row, make_options(reverse="linear"), target=read_target("195", "万元"),
                        satisfaction="proportional", qualitative="lenient", category="成本指标")  # fmt: skip
    assert f is not None
    assert f("195") == Decimal("5.00") and f("214.5") == Decimal("4.50") and f("390") == Decimal("0.00")
    assert f("90%") is None  # a rate cannot score a ≤ row


# ------------------------------------------------------------------ random rows

UNITS = (None, "人", "万元", "%", "万人", "元/人")
COMPARATORS = (None, "≥", ">", "≤", "<", "=", "正向", "反向", "定量", "定性")


@st.composite
def numbers(draw: st.DrawFn, digits: int = 8) -> str:
    whole = draw(st.integers(min_value=0, max_value=10**digits))
    if draw(st.booleans()):
        return str(whole)
    frac = draw(st.text(alphabet="0123456789", min_size=1, max_size=4))
    return f"{whole}.{frac}"


@st.composite
def plain_outcomes(draw: st.DrawFn) -> str:
    n = draw(st.one_of(numbers(), numbers(3), st.sampled_from(["0", "100", "1000", "1000.001", "0.0"])))
    ws = st.sampled_from(["", " ", "  ", "\u3000", "\t"])
    pct = draw(st.sampled_from(["", "%"]))
    return draw(ws) + n + draw(ws) + pct + draw(ws)


@st.composite
def targets(draw: st.DrawFn) -> str:
    sign = draw(st.sampled_from(["", "", "", "-"]))
    n = draw(st.one_of(numbers(6), numbers(2), st.just("0")))
    op = draw(st.sampled_from(["", "≥", ">", "≤", "<", "=", "不低于", "控制在"]))
    return f"{op}{sign}{n}{draw(st.sampled_from(['', '%', '人', '万元']))}"


@st.composite
def random_rows(draw: st.DrawFn) -> tuple[IndicatorRow, Options, str, str]:
    """A random row without a rule, the options of a profile, its satisfaction method and category."""
    row = IndicatorRow(
        id="1", name=draw(st.sampled_from(["完成率", "服务对象满意度", "项目成本", "人数"])), target=draw(targets()),
        comparator=draw(st.sampled_from(COMPARATORS)), unit=draw(st.sampled_from(UNITS)),
        weight=draw(st.decimals(min_value=0, max_value=100, places=2)),
    )  # fmt: skip
    opts = make_options(places=draw(st.integers(min_value=0, max_value=4)),
                        rounding=draw(st.sampled_from(["half_up", "truncate"])),
                        reverse=draw(st.sampled_from(["ratio", "linear"])))  # fmt: skip
    satisfaction = draw(st.sampled_from(["proportional", "rate"]))
    return row, opts, satisfaction, draw(st.sampled_from(["", "产出指标 成本指标", "效益指标 满意度指标"]))


@settings(max_examples=1500, deadline=None)
@given(random_rows(), st.lists(st.one_of(plain_outcomes(), st.text(max_size=6)), min_size=1, max_size=8))
def test_random_rows(case: tuple[IndicatorRow, Options, str, str], texts: list[str]) -> None:
    row, opts, satisfaction, category = case
    check(row, read_target(row.target, row.unit), opts, texts, satisfaction=satisfaction, category=category)


# ------------------------------------------------------------------ numbers read out of words


@st.composite
def worded_outcomes(draw: st.DrawFn) -> str:
    """Cells as people fill them in: a number with a unit (or 万, 余, a sign) among words, often
    with a completion rate or a restated target beside it."""
    n = draw(st.one_of(numbers(5), numbers(2), st.sampled_from(["0", "100", "9.7", "1,200"])))
    unit = draw(st.sampled_from(["", "%", "人", "万人", "万元", "元", "场", "次", "个百分点", "余人", "多场"]))
    before = draw(st.sampled_from(["", "已完成", "共计", "实际", "完成率", "≥", "目标", "约", "-"]))
    after = draw(st.sampled_from(["", "，完成率97%。", "，完成率102.5%", "，其中线上3场", "，超额完成", "（≥95%）",
                                  "，较上年提高5个百分点", "，现场34，线上31场", "。"]))  # fmt: skip
    return f"{before}{n}{unit}{after}"


@settings(max_examples=1500, deadline=None)
@given(random_rows(), st.lists(worded_outcomes(), min_size=1, max_size=6))
def test_numbers_read_out_of_words(case: tuple[IndicatorRow, Options, str, str], texts: list[str]) -> None:
    """``g(read_actual(text))`` is ``default_score(text).points`` wherever it gives points."""
    row, opts, satisfaction, category = case
    target, unit, comparator, name = row.target, row.unit, row.comparator, row.name
    t = read_target(target, unit)
    kw: dict[str, Any] = {"satisfaction": satisfaction, "qualitative": "lenient", "category": category}
    parts = compile_default_parts(row, opts, target=t, **kw)
    if parts is None:
        return
    g = parts[1]
    for text in texts:
        reading = read_actual(text, t, unit)
        got = None if reading is None else g(reading)
        if got is None:
            continue
        try:
            expected: Decimal | None = default_score(row, text, opts, target=t, **kw).points
        except Exception:
            expected = None
        where = (target, comparator, unit, name, category, satisfaction, opts, text, reading)
        assert expected is not None, f"fast path scored {got} where default_score raises: {where}"
        assert got == expected and str(got) == str(expected), f"{got} != {expected}: {where}"


def test_numbers_read_out_of_words_on_hand_rows() -> None:
    """Each road of ``g``: an amount read out of words, a completion rate read instead of it
    (refused on a ≤ row, where default_score raises), a percent, a number too long to trust."""
    opts = make_options()
    cases = [
        ("≥5000", "人", None, "4870人，完成率97.40%。", Decimal("9.74")),
        ("≥5000", "人", None, "完成率95%", Decimal("9.50")),
        ("≤5000", "万元", None, "完成率95%", None),
        ("≥95%", None, None, "满意度达到93%（≥95%）", Decimal("9.79")),
        ("≥5000", "人", None, "共计1" + "0" * 20 + "人", None),
    ]
    for target, unit, comparator, text, points in cases:
        row = IndicatorRow(id="1", name="人数", target=target, comparator=comparator, unit=unit, weight=Decimal(10))
        t = read_target(target, unit)
        parts = compile_default_parts(row, opts, target=t, satisfaction="proportional", qualitative="lenient",
                                      category="")  # fmt: skip
        assert parts is not None
        reading = read_actual(text, t, unit)
        assert reading is not None, text
        assert parts[1](reading) == points, text
        if points is not None:
            assert default_score(row, text, opts, target=t).points == points
