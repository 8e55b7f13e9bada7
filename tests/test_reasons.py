"""扣分原因 as a reviewer would write them (issue 12 item 5). Every row of every table under
rulesets/ (scored on its outcomes when it has them) and every corpus case is scored, and every
reason is read for garbling: doubled numbers (出现负面事件每1例3, 延期1个月2月), None, English
words that are not in the row's own text, no reason on a row that lost points, a reason that
says nothing (按公式计分, 基础分), amounts the table never had."""

from __future__ import annotations

import re
import tomllib
from decimal import Decimal
from pathlib import Path

import pytest

import scoring
from scoring.tables.spreadsheet import table_from_grid

ROOT = Path(__file__).parent.parent

Reason = tuple[str, str, str, Decimal, Decimal, str]  # where, the row's own text, rule, points, weight, reason


def _tables() -> list[Reason]:
    out: list[Reason] = []
    for path in sorted((ROOT / "rulesets").rglob("*.toml")):
        if path.name.endswith(".outcomes.toml"):
            continue
        beside = path.with_name(path.name[: -len(".toml")] + ".outcomes.toml")
        report = scoring.load_ruleset(path).score(beside if beside.exists() else None)
        for r in report.rows:
            if r.score is not None:
                own = " ".join(str(x or "") for x in (r.row.name, r.row.rule, r.row.target, r.row.unit, r.actual))
                out.append((f"{path.name}:{r.row.id}", own, r.row.rule or "", r.score.points, r.score.weight,
                            r.score.explanation))  # fmt: skip
        if report.execution is not None:
            e = report.execution
            out.append((f"{path.name}:预算执行率", "", "", e.points, e.weight, e.explanation))
    return out


def _corpus() -> list[Reason]:
    out: list[Reason] = []
    for path in sorted((ROOT / "tests" / "corpus").glob("*.toml")):
        for rule in tomllib.loads(path.read_text(encoding="utf-8")).get("rule", []):
            for case in rule.get("case", []):
                try:
                    s = scoring.evaluate(rule["text"], case["actual"], target=rule.get("target"),
                                         weight=rule.get("weight"), comparator=rule.get("comparator"),
                                         unit=rule.get("unit"))  # fmt: skip
                except scoring.ScoringError:
                    continue
                own = " ".join(str(x or "") for x in (rule["text"], rule.get("target"), rule.get("unit"), case["actual"]))
                out.append((f"{path.name}:{rule['id']}:{case['actual']}", own, rule["text"], s.points, s.weight,
                            s.explanation))  # fmt: skip
    return out


REASONS = _tables() + _corpus()

_DOUBLED = [
    re.compile(r"每\d+(?:\.\d+)?(?![\d.])[^\d，；。、（）扣得加%]{1,2}\d"),  # 出现负面事件每1例3
    re.compile(r"(?<![\d.])1(例|次|项|件|个|起)[^\d，；：]{0,16}\d+(?:\.\d+)?\1，每"),  # 发现1例不合规2例，每1例
    re.compile(r"(?:^|[；：])(例|次|项|件|个|起)\d"),  # 次2次
    re.compile(r"\d(?:个月|月|天|日|次|例|个|项|件|起)\d+(?:\.\d+)?(?:个月|月|天|日|次|例|个|项|件|起)"),  # 延期1个月2月
    re.compile(r"[一二两三四五六七八九十](?:次|例|个|项|件|起)(?:差错|错误|问题|事件)?\d"),  # 出现一次差错3
]


def garbled(own: str, points: Decimal, weight: Decimal, reason: str) -> str | None:
    """What is wrong with a reason, or None."""
    if "None" in reason and "None" not in own:
        return "None"
    for word in re.findall(r"[A-Za-z]{2,}", reason):
        if word not in own:
            return f"English word {word!r}"
    if points < weight and not reason.strip():
        return "no reason on a row that lost points"
    said = [p for p in re.split(r"[；;]", reason) if p and not re.fullmatch(r"得(?:满分)?[\d.]+分", p)]
    if points < weight and all(re.fullmatch(r".*(?:按公式计分|基础分)", p) for p in said):
        return "a reason that says nothing"
    for pattern in _DOUBLED:
        m = pattern.search(reason)
        if m and m.group(0) not in own:
            return f"doubled number {m.group(0)!r}"
    return None


def test_there_are_reasons_to_read() -> None:
    assert len(REASONS) > 1000
    assert sum(1 for r in REASONS if r[3] < r[4]) > 300  # rows that lost points, with a reason to read


def test_every_reason_reads_as_a_reviewer_would_write_it() -> None:
    bad = [(where, why, reason) for where, own, _, p, w, reason in REASONS if (why := garbled(own, p, w, reason))]
    assert not bad, "\n".join(f"{w}: {why}: {r}" for w, why, r in bad[:30])


@pytest.mark.parametrize(
    ("reason", "why"),
    [
        ("出现负面事件每1例3，每1例扣1分，扣3分；得17.00分", "doubled"),
        ("延期1个月2月，每1个月扣3分；得4.00分", "doubled"),
        ("出现一次差错3，扣3分；得7.00分", "doubled"),
        ("实际值None；得0.00分", "None"),
        ("口径 default；得8.00分", "English"),
        ("60%≤实际值：按公式计分；得7.73分", "says nothing"),
        ("", "no reason"),
    ],
)
def test_the_reader_finds_what_it_is_meant_to(reason: str, why: str) -> None:
    found = garbled("", Decimal(5), Decimal(10), reason)
    assert found is not None and why in found


def test_events_formulas_and_items_read_plainly() -> None:
    def why(text: str, actual: object, **kw: object) -> str:
        return scoring.evaluate(text, actual, **kw).explanation  # type: ignore[arg-type]

    assert why("出现负面事件每一例扣1分", "3", target="0", weight=20, comparator="=", unit="例") == (
        "出现负面事件3例，每1例扣1分，扣3分；得17.00分"
    )
    assert why("每三个月为一个季度，缺一个扣0.5分，扣完为止。", "4", weight=4).startswith("缺4个，每1个扣0.5分")
    rule = "完成率小于60%不得分，大于等于60%的，得分=（完成率-60%）/（1-60%）×指标分值。"
    assert why(rule, "85%", target="100%", weight=12) == "60%≤实际值：得分=（完成率85%-60%）/（1-60%）×12；得7.50分"
    composite = "①按时提交月度、季度服务总结报告，计2分，逾期一次扣0.25分；②按时提交年度报告，计1分，未提交不得分。"
    text = why(composite, {"1": "3", "2": "是"}, weight=3)
    assert "基础分" not in text and "逾期3次，每1次扣0.25分" in text


def test_a_rate_only_execution_row_is_explained_by_its_rate() -> None:
    """Only 执行率 93.5% printed: the reason gives the rate, not 全年执行数93.5/全年预算数100."""
    grid = [
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值"],
        ["产出指标", "数量指标", "培训人数", "≥100人", "100人", 90],
        ["预算执行率", "", "", "", "93.5%", 10],
    ]
    report = table_from_grid(grid).score()
    assert report.execution is not None
    assert report.execution.points == Decimal("9.35")
    assert report.execution.explanation == "预算执行率93.5%（表中只填了执行率），得分=10×93.5%；得9.35分"
    assert "全年执行数" not in report.execution.explanation
    assert any(f.code == "execution-rate-only" for f in report.findings)
