"""scoring.check and check_table: findings with stable codes, exact intervals, and recall of the
catalogue's ambiguity tags (A01–A20 of seed000_summary.md §5) on the rows tagged with them."""

from __future__ import annotations

import collections
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

import scoring
from scoring.writer.check import check
from scoring.writer.check_table import check_table
from scoring.writer.findings import CODES, Finding, Severity

DATA = Path(__file__).parent / "data" / "seed000_rules.jsonl"
ROWS = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]


def codes(findings: list[Finding]) -> list[str]:
    return [f.code for f in findings]


def _row_findings(r: dict[str, Any]) -> list[Finding]:
    return check(r["rule"], target=r.get("target"), weight=r.get("weight"), comparator=r.get("comparator"),
                 unit=r.get("unit"))  # fmt: skip


#: refusals of a rule whose numbers contradict each other (semantics §89): the row is refused, not read ambiguously
CONTRADICTIONS = frozenset({"start-contradicts-line", "steps-unreachable"})


def recall() -> dict[str, tuple[int, int]]:
    tagged: collections.Counter[str] = collections.Counter()
    found: collections.Counter[str] = collections.Counter()
    for r in ROWS:
        try:
            scoring.parse(r["rule"])
        except scoring.RuleSyntaxError as e:
            if e.code.startswith("unread-") or e.code in CONTRADICTIONS:
                continue  # refused: the parser could not read all of it (or it contradicts itself), so there is no
                # reading to be ambiguous
        tags = {t for f in _row_findings(r) for t in f.tags}
        for t in r.get("ambiguities", []):
            tagged[t] += 1
            found[t] += t in tags
    return {t: (found[t], tagged[t]) for t in sorted(tagged)}


# Tags that map to a check, and the recall the checker must keep (measured when written, in
# brackets). A06 rows include rules whose 不得分 band stops the deductions before the weight
# (满意度90%及以上得满分，每5%扣2分，低于75%不得分): the checker does not call that a missing floor.
FLOORS = {
    "A01": 0.95,  # [59/60] percentage points vs relative
    "A02": 1.0,  # [108/108] partial steps
    "A03": 0.8,  # [42/48] boundary inclusivity
    "A04": 0.85,  # [53/58] direction of a deviation
    "A05": 0.6,  # [9/14] cliffs, floors after steps
    "A06": 0.75,  # [103/128] no cap
    "A07": 1.0,  # [42/42] deduction without 每
    "A08": 0.95,  # [52/52] weight vs rule points
    "A09": 0.75,  # [12/15] gaps
    "A11": 0.75,  # [14/17] comparator contradicts the rule
    "A18": 1.0,  # [3/3] exception clauses
    "A20": 1.0,  # [6/6] formula above the weight
}


@pytest.fixture(scope="module")
def measured() -> dict[str, tuple[int, int]]:
    return recall()


@pytest.mark.parametrize("tag", sorted(FLOORS))
def test_recall_per_tag(tag: str, measured: dict[str, tuple[int, int]]) -> None:
    hit, n = measured[tag]
    assert hit / n >= FLOORS[tag], f"{tag}: {hit}/{n}"


def test_recall_report(measured: dict[str, tuple[int, int]], capsys: pytest.CaptureFixture[str]) -> None:
    with capsys.disabled():
        print("\nchecker recall per ambiguity tag: " + ", ".join(f"{t} {h}/{n}" for t, (h, n) in measured.items()))


def test_every_row_checks_without_crashing() -> None:
    for r in ROWS:
        for f in _row_findings(r):
            assert f.code in CODES
            assert isinstance(f.severity, Severity)
            assert f.message
            if f.span is not None:
                assert 0 <= f.span[0] <= f.span[1] <= len(f.text)


# ------------------------------------------------------------------ gaps, overlaps, unreachable


def test_gap_at_exactly_80() -> None:
    text = "满意度达90%及以上得10分，小于90%且大于80%得8分，小于80%且大于等于60%得5分，小于60%不得分。"
    gaps = [f for f in check(text, target="90%", weight=10, comparator="≥") if f.code == "band-gap"]
    assert len(gaps) == 1
    assert "实际值=80%" in gaps[0].message
    assert text[gaps[0].span[0] : gaps[0].span[1]].startswith("小于90%且大于80%")  # type: ignore[index]


def test_gap_between_deviation_bands() -> None:
    text = "偏离≤5%，计10分；5%<偏离≤20%，计9分，20%<偏离≤30%，计8分，>100%不计分"
    gaps = [f for f in check(text, target="100", weight=10, comparator="≤", unit="万元") if f.code == "band-gap"]
    assert [g.message.split("没有")[0] for g in gaps] == ["130万元<实际值≤200万元"]


def test_shared_endpoint_is_an_overlap() -> None:
    text = "满意度大于90%的计10分，80%-90%的计8分；70%-80%的计6分；低于70%的不得分。"
    overlaps = [f for f in check(text, weight=10) if f.code == "band-overlap"]
    assert len(overlaps) == 1 and "实际值=80%" in overlaps[0].message


def test_cascade_is_not_an_overlap_but_zero_is_a_gap() -> None:
    fs = check(
        "定点康复医疗机构≥5家，得12分，≥3家，得10分；≥1家得6分。", target="5", weight=12, comparator="≥", unit="家"
    )
    assert "band-overlap" not in codes(fs)
    (gap,) = [f for f in fs if f.code == "band-gap"]
    assert gap.message.startswith("实际值=0家没有任何条款覆盖")


def test_clause_that_can_never_apply() -> None:
    # a band inside one listed before it with other points: the parser refuses it now (band-unreachable, §77),
    # and the checker reports that refusal at the band, where it used to warn clause-unreachable
    text = "满意度≥80%得满分；满意度≥90%得8分；满意度<80%不得分"
    (f,) = check(text, weight=10)
    assert f.code == "syntax" and f.severity == "error" and "永远不会适用" in f.message
    assert f.span is not None and text[f.span[0] : f.span[1]].startswith("满意度≥90%")


# ------------------------------------------------------------------ sampled


def test_cliff_share_is_configurable() -> None:
    text = "满意度90%及以上得满分，每5%扣2分，低于75%不得分"
    row = dict(target="90%", weight=10, comparator="≥", unit="%")
    assert "cliff" in codes(check(text, **row))  # 4 points = 40% of 10 at 75%
    assert "cliff" not in codes(check(text, **row, cliff="0.5"))
    assert "floor-jump" in codes(check(text, **row, cliff="0.5"))


def test_non_monotone() -> None:
    fs = check("满意度≥90%得5分；满意度80%（含）至90%（不含）得8分；满意度<80%不得分", weight=10, comparator="≥")
    bad = [f for f in fs if f.code == "non-monotone"]
    assert bad and "89.99%" in bad[0].message


def test_no_floor_when_deductions_pass_the_weight() -> None:
    fs = check("每发现一例不合规扣1分", weight=5)
    assert "no-floor" in codes(fs)
    assert "no-floor" not in codes(check("每发现一例不合规扣1分，扣完为止", weight=5))


# ------------------------------------------------------------------ weight and comparator


@pytest.mark.parametrize(
    ("text", "weight", "code"),
    [
        ("完成得20分，未完成不得分", 15, "exceeds-weight"),
        ("完成得10分，未完成不得分", 15, "below-weight"),
        ("①制定考核办法计3分，未制定不得分；②按时报送计3分，未报送不得分", 5, "exceeds-weight"),
        ("①制定考核办法计3分，未制定不得分；②按时报送计3分，未报送不得分", 8, "below-weight"),
        ("完成得10分，未完成不得分", None, "weight-missing"),
    ],
)
def test_weight_findings(text: str, weight: int | None, code: str) -> None:
    assert code in codes(check(text, weight=weight))


def test_exceeds_weight_is_an_error() -> None:
    (f,) = [f for f in check("完成得20分，未完成不得分", weight=15) if f.code == "exceeds-weight"]
    assert f.severity is Severity.ERROR


def test_comparator_contradiction() -> None:
    fs = check("经费使用率≥90%得满分，每下降一个百分点扣1分", target="10", comparator="≤", unit="%", weight=10)
    assert "comparator-contradiction" in codes(fs)
    assert "non-monotone" not in codes(fs)  # judged by the rule's own words, not the wrong comparator


def test_defaults_the_text_relies_on() -> None:
    fs = check("每5%扣2分", weight=10)
    assert {"default-partial", "percent-basis", "default-direction", "no-floor"} <= set(codes(fs))
    stated = check("满意度≥90%得满分；满意度每低5个百分点扣2分，不足一档按一档计，扣完为止", weight=10, target="90%")
    assert not {"default-partial", "percent-basis", "default-direction", "no-floor"} & set(codes(stated))


# ------------------------------------------------------------------ text and nodes


def test_syntax_error_is_a_finding() -> None:
    (f,) = check("每5%扣2分，扣完未止")
    assert f.code == "syntax" and f.severity is Severity.ERROR and f.span == (8, 9)
    assert f.message.startswith("这里不应出现“完”") and "unexpected-token" not in f.message


def test_descriptive_text() -> None:
    (f,) = check("预算范围内完成本年度考试")
    assert f.code == "no-scoring-logic"


def test_accepts_a_parsed_rule() -> None:
    rule = scoring.parse("完成得20分，未完成不得分")
    assert "exceeds-weight" in codes(check(rule, weight=15))


def test_typos() -> None:
    fs = check("按时，按核定金额完成得满分呢，未按时完成按比例扣分", weight=15)
    assert "typo" in codes(fs)


def test_codes_catalogue() -> None:
    for code, (severity, tags, meaning) in CODES.items():
        assert code == code.lower() and " " not in code
        assert isinstance(severity, Severity) and meaning
        assert all(t.startswith("A") for t in tags)


# ------------------------------------------------------------------ tables


@attrs.frozen
class Row:
    name: str
    weight: Any
    rule: str | None = None
    target: str | None = None
    comparator: str | None = None
    unit: str | None = None
    level1: str = "产出指标"
    level2: str = "数量指标"
    id: str = ""


@attrs.frozen
class Group:
    level1: str
    weight: Decimal


@attrs.frozen
class Table:
    indicators: tuple[Row, ...]
    groups: tuple[Group, ...] = ()
    execution: Any = None


def test_table_weights_and_duplicates() -> None:
    t = Table(
        (
            Row("完成率", 40, "完成得满分，未完成不得分", id="L1"),
            Row("完成率", 20, "完成得满分，未完成不得分", id="L2"),
            Row(
                "满意度",
                30,
                "满意度≥90%得满分，每低1个百分点扣1分，扣完为止",
                "90%",
                "≥",
                "%",
                level1="满意度指标",
                id="L3",
            ),
        ),
        groups=(Group("产出指标", Decimal(50)), Group("满意度指标", Decimal(30))),
    )
    fs = check_table(t)
    by = {f.code: f for f in fs}
    assert "weights-total" in by and "90" in by["weights-total"].message
    assert "duplicate-indicator" in by
    assert "group-weight-total" in by and "60" in by["group-weight-total"].message
    assert any(f.indicator == "L3 满意度" for f in fs)


def test_table_that_adds_up() -> None:
    t = Table((Row("a", 50, "完成得满分，未完成不得分"), Row("b", 50, "完成得满分，未完成不得分", level2="质量指标")))
    assert not [f for f in check_table(t) if f.code in ("weights-total", "duplicate-indicator")]


def test_table_with_execution_row() -> None:
    @attrs.frozen
    class Exe:
        weight: Decimal = Decimal(10)

    t = Table((Row("a", 45, None), Row("b", 45, None, level2="质量指标")), execution=Exe())
    assert not [f for f in check_table(t) if f.code == "weights-total"]


def test_real_ruleset() -> None:
    from scoring.tables.load import load_ruleset

    path = Path(__file__).parent.parent / "rulesets" / "changsha-hrss-2024-project-targets.toml"
    fs = check_table(load_ruleset(path))
    assert fs and all(f.code in CODES for f in fs)
    assert any(f.code == "weights-total" for f in fs)


# ------------------------------------------------------------------ bonuses, caps, range deductions (§15, §16)


def _by_code(findings: list[Finding]) -> dict[str, Finding]:
    return {f.code: f for f in findings}


def test_uncapped_bonus_warns() -> None:
    # domain point 18: a bonus with no stated cap is not capped, and the checker warns
    text = "完成得基本分10分，每多完成1%加1分，少完成1%扣1分"
    f = _by_code(check(text, target="100%", weight=10, comparator="≥", unit="%"))["bonus-uncapped"]
    assert f.severity is Severity.WARNING and "不封顶" in f.message
    assert f.span is not None and text[f.span[0] : f.span[1]].startswith("每多完成1%加1分")
    alone = _by_code(check("每开展一项加2分", weight=10))["bonus-uncapped"]
    assert "按指标分值封顶" in alone.message  # a rule of bonuses alone stays within the weight
    assert "no-floor" not in codes(check("每开展一项加2分", weight=10))  # a bonus never runs past the floor


def test_stated_bonus_caps() -> None:
    # base 10 + at most 5 added: 15 over a weight of 10 is what the text states (info, not an error)
    fs = _by_code(check("完成得基本分10分，每多完成1%加1分，少完成1%扣1分，加分不超过5分",
                        target="100%", weight=10, comparator="≥", unit="%"))  # fmt: skip
    assert "bonus-uncapped" not in fs and "exceeds-weight" not in fs
    assert fs["bonus-above-weight"].severity is Severity.INFO and "最高可达15分" in fs["bonus-above-weight"].message
    assert codes(check("每开展一项加2分，最高不超过4分", weight=10)) == []  # 4 within 10: nothing to say
    # a per-step award from 0 stays within the weight: a stated 30 on a weight of 20 cannot be reached
    (f,) = [f for f in check("每完成1%得0.3分，最高30分", target="100%", weight=20, comparator="≥", unit="%")
            if f.code == "exceeds-weight"]  # fmt: skip
    assert "最高30分" in f.message and f.severity is Severity.ERROR


def test_bonus_direction_defaults_to_the_better_side() -> None:
    fs = check("完成得基本分10分，加1分每5%，最多加5分", target="100%", weight=10, comparator="≥", unit="%")
    msgs = [f.message for f in fs if f.code == "default-direction"]
    assert all("才扣分" not in m for m in msgs)


def test_capped_deductions_do_not_pass_the_floor() -> None:
    assert "no-floor" not in codes(check("每发现一例扣1分，最多扣3分", weight=10))
    assert "no-floor" in codes(check("每发现一例扣1分", weight=10))


def test_range_deduction_is_a_hand_score() -> None:
    text = "出现火灾事故每例减5-10分"
    f = _by_code(check(text, weight=20))["deduction-range"]
    assert "5至10分" in f.message and f.span is not None and text[f.span[0] : f.span[1]].startswith("出现火灾事故")


@pytest.mark.parametrize(
    ("text", "weight", "found"),
    [
        ("本项满分10分，完成得满分，未完成不得分", 5, True),  # written for 10, the row gives 5: scored out of 5
        ("本项满分10分，完成得满分，未完成不得分", 10, False),
        ("完成得满分，未完成不得分（满分5分）", 5, False),
        ("完成得满分，未完成不得分", 5, False),  # no weight stated
    ],
)
def test_stated_weight_against_the_rows(text: str, weight: int, found: bool) -> None:
    fs = [f for f in check(text, weight=weight) if f.code == "weight-stated-differs"]
    assert bool(fs) is found
    if found:
        assert fs[0].severity is Severity.WARNING and "满分10分" in fs[0].message and "指标分值5分" in fs[0].message


def test_stated_weight_stands_in_for_a_missing_weight() -> None:
    (f,) = [f for f in check("本项满分10分，完成得满分，未完成不得分", weight=None) if f.code == "weight-missing"]
    assert "满分10分" in f.message


@pytest.mark.parametrize(
    ("text", "warned"),
    [
        ("得分=完成率×指标分值", True),  # grows with the rate: past 100% it passes the weight (capped)
        ("超支5%以内（含5%）扣1分，超支5%-10%扣3分，超支10%以上不得分", False),  # 得分=指标分值-1 reads no outcome
    ],
)
def test_formula_exceeds_weight_only_where_it_reads_the_outcome(text: str, warned: bool) -> None:
    fs = check(text, target="≤200" if "超支" in text else "≥90%", unit="万元" if "超支" in text else "%", weight=10)
    assert ("formula-exceeds-weight" in codes(fs)) is warned


def test_no_gap_beyond_every_deducting_band() -> None:
    # semantics §83: 满意度低于90%扣2分 at 95% loses nothing (full marks), so 90%-100% is no gap that scores 0
    assert "band-gap" not in codes(check("满意度低于90%扣2分", target="≥90%", unit="%", weight=10))
    # a value between two deducting bands is still a gap (85% ≤ x < 90%: 0), and only that one is reported
    fs = [f for f in check("满意度90%（含）～95%（不含）扣1分，80%（含）～85%（不含）扣3分，80%以下不得分",
                           target="≥90%", unit="%", weight=10) if f.code == "band-gap"]  # fmt: skip
    assert len(fs) == 1 and "85%≤实际值<90%" in fs[0].message
