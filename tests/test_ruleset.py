"""The table layer: loading rulesets, scoring whole tables, the default method, outcome reading.

Every expected number is computed by hand in the test's docstring or comment, never copied
from the program's output.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

import scoring
from scoring import profiles
from scoring.errors import EvaluationError, ScoringError
from scoring.reading.cells import judge_text, read_actual, read_target
from scoring.scores.defaults import score_default, score_execution, score_grade, score_manual
from scoring.tables.load import load_ruleset
from scoring.tables.outcomes import outcomes_from
from scoring.tables.rows import IndicatorRow, RulesetError
from scoring.tables.ruleset import Ruleset, ruleset_from

ROOT = Path(__file__).resolve().parent.parent
RULESETS = ROOT / "rulesets"
SHIPPED = sorted(p for p in RULESETS.rglob("*.toml") if not p.name.endswith(".outcomes.toml"))
WITH_OUTCOMES = sorted(RULESETS.rglob("*.outcomes.toml"))
DEMO = RULESETS / "examples" / "demo.toml"
DEMO_OUTCOMES = RULESETS / "examples" / "demo.outcomes.toml"
D = Decimal


def test_there_are_rulesets() -> None:
    assert len(SHIPPED) >= 33  # 32 transcribed tables and the demo
    assert len(WITH_OUTCOMES) >= 23


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_every_shipped_ruleset_scores_at_its_own_targets(path: Path) -> None:
    """Each row scored with its own target as the outcome: no exception; a row either has a
    score within [0, weight] or an error finding saying why not; a row without rule text
    (the default method) scores full marks or has a finding."""
    rs = load_ruleset(path)
    assert rs.indicators, path
    report = rs.score({r.id: r.target for r in rs.indicators if r.target})
    assert len(report.rows) == len(rs.indicators)  # no row disappears
    for r in report.rows:
        errors = [f for f in r.findings if f.severity == "error"]
        if r.score is None:
            assert errors, (r.row.id, "unscored without a reason")
            continue
        assert r.row.weight is not None
        assert 0 <= r.score.points <= r.row.weight, r.row.id
        if not r.row.rule and r.row.target:
            assert r.score.points == r.row.weight or r.findings, (r.row.id, r.row.target, r.score.explanation)
    assert report.total == sum((r.points for r in report.rows if r.points is not None), D(0)) + (
        report.execution.points if report.execution else 0
    )


@pytest.mark.parametrize("path", WITH_OUTCOMES, ids=lambda p: p.stem)
def test_every_outcome_file_scores(path: Path) -> None:
    rs = load_ruleset(path.with_name(path.name.replace(".outcomes", "")))
    report = rs.score(path)
    assert len(report.rows) == len(rs.indicators)
    assert not [f for f in report.findings if f.code in ("unknown-outcome", "internal-error", "bad-outcome")]


def test_demo_table_hand_computed() -> None:
    """demo.toml with demo.outcomes.toml, by hand (2 places, half up):

    D01 ≥3万人, "2.85万人，完成率95%。" → 8 × 2.85/3 = 7.60
    D02 ≥40场, "现场34，线上31场" → 34 + 31 = 65 ≥ 40 → 6
    D03 按比例赋分, 96% of 100% → 8 × 0.96 = 7.68
    D04 每发现一例不合规扣1分, 2 cases → 8 − 2 = 6
    D05 如期完成满分, "已完成" → 6
    D06 项目总成本 195万元 (成本: ≤), 184.79万元 → 14
    D07 一般得分80% → 10 × 0.8 = 8
    D08 qualitative, grade 良 given by hand → 80% × 10 = 8
    D09 (完成率 − 60%)/(1 − 60%) × 10, 27.5/30.24 = 0.909392 → 0.309392/0.4 × 10 = 7.7348 → 7.73
    D10 每5%扣2分 below 90%, 88% → 2/5 × 2 = 0.8 → 9.2
    execution 10 × 468.3/500 = 9.366 → 9.37
    产出 7.60+6+7.68+6+6+14 = 47.28; 效益 8+8+7.73 = 23.73; 满意度 9.20
    total 47.28 + 23.73 + 9.20 + 9.37 = 89.58 → 良 (80 ≤ 89.58 < 90)
    """
    report = load_ruleset(DEMO).score(DEMO_OUTCOMES)
    expected = {"D01": "7.60", "D02": "6.00", "D03": "7.68", "D04": "6.00", "D05": "6.00", "D06": "14.00",
                "D07": "8.00", "D08": "8.00", "D09": "7.73", "D10": "9.20"}  # fmt: skip
    assert {r.row.id: str(r.points) for r in report.rows} == expected
    assert report.execution is not None and report.execution.points == D("9.37")
    assert {s.level1: s.points for s in report.level1} == {"产出指标": D("47.28"), "效益指标": D("23.73"),
                                                         "满意度指标": D("9.20")}  # fmt: skip
    assert report.total == D("89.58")
    assert report.weight == 100
    assert report.grade == "良"
    assert report.complete
    assert report.row("D08").method == "grade"
    assert report.row("D03").method == "rule"
    assert report.row("D01").method == "default"
    assert "2.85万人" in report.row("D01").explanation


def test_bad_rows_never_stop_the_others() -> None:
    rs = Ruleset.from_rows([
        {"id": "A", "name": "参保人数", "target": "≥100人", "weight": "10"},
        {"id": "B", "name": "分项", "target": "1", "weight": "5", "rule": "①制定考核办法计1分，未制定不得分；②按合同考核计4分，未考核不得分"},
        {"id": "C", "name": "无分值", "target": "≥1次"},
        {"id": "D", "name": "定性", "target": "效果明显", "weight": "5"},
        {"id": "E", "name": "坏规则", "target": "1", "weight": "5", "rule": "满意率达90%(含)以上的得8分， 80%(含)-90%得6分，70%(舍)- 80%得4分"},
        {"id": "F", "name": "没有实际值", "target": "≥1", "weight": "5"},
        {"id": "G", "name": "残句", "target": "≥90%", "weight": "5", "rule": "满意度90%以上得满分，每5%扣"},
    ])  # fmt: skip
    report = rs.score({"A": "95人", "B": "是", "C": "2次", "D": "未完成", "E": "85%", "G": "85%"})
    ids = [r.row.id for r in report.rows]
    assert ids == ["A", "B", "C", "D", "E", "F", "G"]
    assert report.row("A").points == D("9.50")  # 10 × 95/100
    codes = {f.indicator: f.code for f in report.findings if f.severity == "error"}
    assert codes["B"] == "cannot-score"  # a composite needs one answer per sub-item
    assert codes["C"] == "no-weight"
    assert codes["D"] == "cannot-score"  # 未完成: needs a grade or a hand score
    assert codes["F"] == "no-outcome"
    assert codes["G"] == "rule-syntax"  # the text stops after 扣
    assert report.row("E").score is not None or "E" in codes  # parses or not: never an exception
    assert report.total == sum((r.points for r in report.rows if r.points is not None), D(0))
    assert not report.complete
    assert len(report.unscored) >= 4


def test_outcomes_by_name_and_unknown_keys() -> None:
    rs = Ruleset.from_rows([
        {"id": "A", "name": "参保人数", "target": "≥100人", "weight": "10"},
        {"id": "B", "name": "满意度", "target": "≥90%", "weight": "10"},
        {"id": "C", "name": "满意度", "target": "≥95%", "weight": "10"},
    ])  # fmt: skip
    report = rs.score({"参保人数": "100人", "满意度": "90%", "不存在的指标": "1"})
    assert report.row("A").points == 10
    codes = sorted(f.code for f in report.findings)
    assert "ambiguous-outcome" in codes  # two rows are called 满意度
    assert "unknown-outcome" in codes


def test_composite_outcome_mapping() -> None:
    """①②: 1 + 4 points; ① done, ② not done → 1."""
    rs = Ruleset.from_rows([{"id": "B", "name": "分项", "weight": "5",
                             "rule": "①制定考核办法计1分，未制定不得分；②按合同考核计4分，未考核不得分"}])  # fmt: skip
    report = rs.score({"B": {"actual": {"1": "是", "2": "否"}}})
    assert report.row("B").points == D("1.00")


def test_manual_score_and_grade() -> None:
    rs = Ruleset.from_rows([{"id": "Q", "name": "效果", "target": "效果明显", "comparator": "定性", "weight": "10"}])
    assert rs.score({"Q": {"actual": "效果一般", "manual": "7.5"}}).row("Q").points == D("7.50")
    assert rs.score({"Q": {"actual": "效果一般", "grade": "中"}}).row("Q").points == D("6.00")  # 60% of 10
    bad = rs.score({"Q": {"actual": "x", "manual": "12"}})  # more than the weight
    assert bad.row("Q").score is None and bad.row("Q").findings[0].code == "cannot-score"


def test_execution_row_from_ruleset_and_outcomes() -> None:
    """10 × 26842.05 / 30996.40 = 8.6597 → 8.66 (seed 002, line 102)."""
    rs = ruleset_from({"indicator": [], "execution": {"budget": "30,996.40", "spent": "26,842.05", "weight": "10"}})
    report = rs.score({})
    assert report.execution is not None and report.execution.points == D("8.66")
    # the outcome file may carry 全年执行数 instead
    rs2 = ruleset_from({"indicator": [], "execution": {"budget": "100", "weight": "10"}})
    assert rs2.score({"execution": {"spent": "95.5"}}).execution.points == D("9.55")  # type: ignore[union-attr]


def test_weight_from_header() -> None:
    """003:257: the row has no weight; its header 成本指标 (20分) has no other row → 20."""
    rs = load_ruleset(RULESETS / "zhuzhou-hrss-2023-selfeval-project-public-institution-recruitment.toml")
    row = next(r for r in rs.indicators if r.id == "L257")
    assert row.weight == 20
    report = rs.score(RULESETS / "zhuzhou-hrss-2023-selfeval-project-public-institution-recruitment.outcomes.toml")
    assert report.row("L257").points == 20  # 135万元 ≤ 150万元
    assert any(f.code == "weight-from-header" for f in report.row("L257").findings)


def test_header_weight_findings() -> None:
    """附件8: 产出指标 (50分) over rows weighing 55, 效益指标 (30分) over rows weighing 25."""
    rs = load_ruleset(RULESETS / "hunan-hrss-2024-selfeval-annex8-work-injury-fund.toml")
    report = rs.score(RULESETS / "hunan-hrss-2024-selfeval-annex8-work-injury-fund.outcomes.toml")
    msgs = [f.message for f in report.findings if f.code == "header-weight"]
    assert any("产出指标" in m and "55" in m for m in msgs)
    assert any("效益指标" in m and "25" in m for m in msgs)


def test_profile_per_table_and_per_row() -> None:
    """0.9389 × 1: default 0.94; truncate 0.93; a row option rounding=truncate_1 → 0.9."""
    rows = [{"id": "A", "name": "毕业生", "target": "113499人", "weight": "1"}]
    outcomes = {"A": "106566人"}
    assert Ruleset.from_rows(rows).score(outcomes).row("A").points == D("0.94")
    assert Ruleset.from_rows(rows, profile="truncate").score(outcomes).row("A").points == D("0.93")
    assert Ruleset.from_rows(rows).score(outcomes, profile="truncate").row("A").points == D("0.93")
    row_opt = [{**rows[0], "options": {"rounding": "truncate_1"}}]
    assert Ruleset.from_rows(row_opt).score(outcomes).row("A").points == D("0.9")
    rs = ruleset_from({"meta": {"profile": "one-decimal"}, "indicator": rows})
    assert rs.score(outcomes).row("A").points == D("0.9")


def test_grades_bands() -> None:
    p90, p80 = profiles.get("default"), profiles.get("grades-80")
    assert [p90.grade(D(x)) for x in ("90", "89.99", "80", "79.99", "60", "59.99")] == ["优", "良", "良", "中", "中", "差"]
    assert [p80.grade(D(x)) for x in ("80", "79.99", "70", "69.99", "60", "59.99")] == ["优", "良", "良", "中", "中", "差"]


def test_profiles_listed_with_descriptions() -> None:
    names = profiles.names()
    for n in ("default", "one-decimal", "truncate", "ceil-steps", "floor-steps", "linear-reverse", "grades-80"):
        assert n in names
    assert all(p.description for p in profiles.PROFILES.values())
    with pytest.raises(profiles.ProfileError):
        profiles.get("no-such-profile")
    with pytest.raises(profiles.ProfileError):
        profiles.DEFAULT.with_options({"bogus": 1})


def test_load_errors_are_scoring_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[meta\ntitle=", encoding="utf-8")
    with pytest.raises(RulesetError):
        load_ruleset(bad)
    with pytest.raises(ScoringError):
        load_ruleset(tmp_path / "missing.toml")
    with pytest.raises(RulesetError):
        load_ruleset(RULESETS / "examples" / "demo.outcomes.toml")


# ------------------------------------------------------------------ the default method


def _ind(target: str | None, weight: str = "10", comparator: str | None = None, name: str = "指标") -> IndicatorRow:
    return IndicatorRow("X", name, target=target, comparator=comparator, weight=D(weight))


@pytest.mark.parametrize(
    ("target", "actual", "weight", "expected", "why"),
    [
        ("≥10万人", "9.7万人，完成率97%。", "1", "0.97", "1 × 9.7/10"),
        ("≥4000", "3,791.22", "1", "0.95", "3791.22/4000 = 0.947805 → 0.95"),
        ("100%", "95.10%", "2", "1.90", "2 × 95.1%"),
        ("≥30万人", "40.4万人,完成率134.67%。", "1", "1.00", "no bonus above the target"),
        ("≤100%", "91.35%", "1", "1.00", "within the bound"),
        ("≤100%", "125%", "10", "8.00", "ratio: 10 × 100/125"),
        ("＜50%", "-2.42%", "4", "4.00", "a negative deviation is within the bound"),
        ("0", "0", "3", "3.00", "a bare 0 target is lower-is-better"),
        ("0", "1", "3", "0.00", "over a 0 bound: nothing"),
        ("1770元/人", "1770元/人", "20", "20.00", "equal"),
        ("≥40场", "现场34，线上31场", "1", "1.00", "34 + 31 = 65"),
        ("24个", "已完成21个，3个项目收尾工作", "2", "1.75", "the completed number: 2 × 21/24"),
        ("≥10", "主题教育期间新出台了“三十二条”政策举措", "1", "1.00", "三十二 = 32"),
        ("达5万次", "观看点击量达数十万次", "1", "1.00", "数十万 ≥ 10万"),
        ("≥1000人", "1000余学员的理论授课任务", "1", "1.00", "1000余 → 1000"),
        ("2023年年底", "2022年年底", "10", "10.00", "done before the deadline"),
        ("立法规范", "逐步规范", "3", "3.00", "no word of failure: as the documents score"),
        ("持卡人数≥5700万人", "5676万人", "3", "2.99", "3 × 5676/5700 = 2.98737 → 2.99"),
    ],
)
def test_default_method(target: str, actual: str, weight: str, expected: str, why: str) -> None:
    assert score_default(_ind(target, weight), actual).points == D(expected), why


def test_default_cost_rows_are_lower_is_better() -> None:
    """项目总成本 195万元 under 成本指标: ≤; 200万元 → 20 × 195/200 = 19.5; linear: 20 × (2 − 200/195) = 19.49."""
    ind = IndicatorRow("X", "项目总成本", level1="成本指标", target="195万元", weight=D(20))
    assert score_default(ind, "184.79万元", category=ind.category).points == 20
    assert score_default(ind, "200万元", category=ind.category).points == D("19.50")
    assert score_default(ind, "200万元", category=ind.category, reverse="linear").points == D("19.49")


def test_default_satisfaction_rate_option() -> None:
    """≥95%, 91%: proportional 10 × 91/95 = 9.578 → 9.58; weight × rate 10 × 0.91 = 9.10."""
    ind = _ind("≥95.00%", "10", name="社会公众或服务对象满意度")
    assert score_default(ind, "91.00%").points == D("9.58")
    assert score_default(ind, "91.00%", satisfaction="rate").points == D("9.10")


def test_default_qualitative_needs_a_grade_when_not_met() -> None:
    with pytest.raises(EvaluationError, match="grade"):
        score_default(_ind("效果明显", comparator="定性"), "未完成")
    with pytest.raises(EvaluationError):
        score_default(_ind("优", comparator="定性"), "良")  # a grade below the target's
    with pytest.raises(EvaluationError):
        score_default(_ind("效果明显"), "长期", qualitative="strict")
    assert score_default(_ind("效果明显"), "长期").points == 10  # lenient, as the documents score
    with pytest.raises(EvaluationError):
        score_default(_ind("≥1"), None)


def test_default_refuses_float() -> None:
    with pytest.raises(TypeError):
        score_default(_ind("≥1"), 0.5)


def test_score_execution_hand_computed() -> None:
    """002/003 execution rows: 10 × min(1, spent/budget), 2 places half up."""
    assert score_execution("30,996.40", "26,842.05").points == D("8.66")  # 86.597%
    assert score_execution("184.86", "184.79").points == D("10.00")  # 9.9962 rounds up to 10
    assert score_execution("1058.46", "1061.91").points == D("10.00")  # over-execution capped
    assert score_execution("6863.74", "5943.58").points == D("8.66")  # 8.6594
    assert score_execution("6863.74", "5943.58", places=1).points == D("8.7")  # the printed 8.70
    assert score_execution(D("16882.02"), D("24013.75"), weight=10).points == 10
    assert scoring.score_execution(100, 72, 5).points == D("3.60")
    with pytest.raises(EvaluationError):
        score_execution(0, 1)
    with pytest.raises(TypeError):
        score_execution(100.0, 90)  # type: ignore[arg-type]


def test_grade_and_manual_scores() -> None:
    assert score_grade("良", 10).points == D("8.00")
    assert score_grade("80%", 5).points == D("4.00")
    assert score_grade("部分达成年度指标并具有一定效果", 10, manual="7").points == D("7.00")
    with pytest.raises(EvaluationError):
        score_grade("部分达成", 10, manual="9")  # outside [60%, 80%)
    with pytest.raises(EvaluationError):
        score_grade("马马虎虎", 10)
    assert score_manual("3.456", 5).points == D("3.46")


# ------------------------------------------------------------------ reading outcomes


@pytest.mark.parametrize(
    ("target", "text", "value", "unit"),
    [
        ("≥10万人", "9.7万人，完成率97%。", "97000", "人"),
        ("≥40场", "现场34，线上31场", "65", "场"),
        ("≥900", "完成978余课时", "978", "课时"),
        ("≥95%", "≥99%", "99", "%"),
        ("≥5,441.47万人", "截至2024年底5,458.08万人,完成率100.31%", "54580800", "人"),
        ("控制在5.50%", "失业率平均值5.30%，控制在5.50%的目标范围内", "5.30", "%"),
        ("≧15%", "≧15%，达成初步就业意向17598人次，总参线下人数74536人,24%", "24", "%"),
        ("≥4期", "2期全省新任职武装部长集训、1期招录专武干部集训、1期新招录专武干部集训", "4", "期"),
        ("大于等于600", "中高级代收代报419人，初级认定80人，中级工程评审165人", "664", "人"),
        ("9000件", "13500件，涉及金额7.58亿元", "13500", "件"),
        ("100%", "贫困人员参保率达100 %，实现应保尽保", "100", "%"),
        ("5万人", "9.3万余人", "93000", "人"),
    ],
)
def test_read_actual(target: str, text: str, value: str, unit: str) -> None:
    t = read_target(target)
    r = read_actual(text, t)
    assert r is not None and r.quantity is not None
    assert r.quantity.value == D(value)
    assert r.quantity.unit == unit
    if text.strip() != f"{value}{unit}":
        assert r.how or r.op is not None  # the reading is recorded


def test_unreadable_actual_is_a_finding_or_read_as_text() -> None:
    assert read_actual("很多", read_target("≥10人")) is None
    rs = Ruleset.from_rows([{"id": "A", "name": "x", "target": "≥10人", "weight": "2"}])
    strict = rs.score({"A": "很多"}, profile="strict-qualitative")
    assert strict.row("A").score is None
    lenient = rs.score({"A": "很多"})
    assert lenient.row("A").points == 2
    assert any(f.code == "read-as-text" for f in lenient.row("A").findings)


def test_read_target_kinds() -> None:
    assert read_target("2023年年底前").kind == "date"
    assert read_target("公开、平等、竞争、择优").kind == "text"
    assert read_target("每周一次").kind == "text"
    t = read_target("持卡人数≥5700万人")
    assert t.kind == "number" and t.quantity is not None and t.quantity.value == D(57000000)


def test_judge_text() -> None:
    assert judge_text("已完成", "上线运行").met is True
    assert judge_text("未完成", "上线运行").met is False
    assert judge_text("按质按量完成差旅活动的各项任务", "按质按量完成差旅活动的各项任务").met is True  # 差旅 is not 差
    assert judge_text("逐步规范", "立法规范").explicit is False
    assert judge_text("逐步规范", "立法规范", strict=True).met is None


def test_outcomes_from_formats(tmp_path: Path) -> None:
    o = outcomes_from({"outcome": [{"indicator": "A", "actual": "1", "score": "0.5"}], "total": {"score": "99"}})
    assert o.items[0].printed == D("0.5") and o.total == D("99")
    p = tmp_path / "o.csv"
    p.write_text("编号,实际完成值,得分\nA,95%,9.5\n预算执行率,90,9\n总分,,98\n", encoding="utf-8")
    o2 = scoring.load_outcomes(p)
    assert o2.items[0].actual == "95%" and o2.items[0].printed == D("9.5")
    assert o2.execution is not None and o2.execution.printed == 9
    assert o2.total == 98
    j = tmp_path / "o.json"
    j.write_text('{"A": "95%", "B": {"actual": "是", "manual": 3}}', encoding="utf-8")
    o3 = scoring.load_outcomes(j)
    assert [x.key for x in o3.items] == ["A", "B"] and o3.items[1].manual == 3


@pytest.mark.parametrize("actual", ["9.7万人，完成率97%。", "共97000人", "9.7"])
def test_a_number_read_from_text_keeps_its_unit_on_a_wan_row(actual: str) -> None:
    # 10万人 wanted, 9.7万人 reached: 97%, 3 points below 100%, 0.5 each: 8.50 (the number read
    # from the text is in 人; re-read as a bare number it would be taken as 97000万人)
    row = IndicatorRow(id="a", name="参保人数", level1="产出指标", level2="数量指标", target="10", comparator="≥",
                       unit="万人", weight=Decimal(10), rule="完成率大于等于100%得满分，每下降1%扣0.5分，扣完为止")  # fmt: skip
    score = Ruleset.from_rows([row], title="t").score({"a": actual}).rows[0].score
    assert score is not None and score.points == Decimal("8.50"), score


@pytest.mark.parametrize("fast", [True, False])
def test_a_number_the_rule_cannot_score_is_reported_not_judged_as_words(
    fast: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """56% on 每发现一例扣1分, or 58分 on a rule of percentages, is an error in the table; it
    was once read as words with no word of failure in them, and scored full marks."""
    from scoring.tables import ruleset as ruleset_module

    monkeypatch.setattr(ruleset_module, "_FAST", fast)
    rows = [
        IndicatorRow(id="events", name="上缴情况", target="100%", weight=Decimal(10),
                     rule="发生未上缴长沙市财政事务管理中心事项一例扣1分"),
        IndicatorRow(id="satisfied", name="满意度", target="95%", weight=Decimal(10),
                     rule="满意度大于等于95%的得10分，满意度小于95%且大于等于80%的得5分，满意度小于80%不得分。"),
        IndicatorRow(id="words", name="上缴情况", target="100%", weight=Decimal(10),
                     rule="发生未上缴长沙市财政事务管理中心事项一例扣1分"),
        IndicatorRow(id="read", name="上缴情况", target="100%", weight=Decimal(10),
                     rule="发生未上缴长沙市财政事务管理中心事项一例扣1分"),
    ]  # fmt: skip
    report = Ruleset.from_rows(rows, title="t").score(
        {"events": "56%", "satisfied": "58分", "words": "按时足额上缴", "read": "上缴率98%，较上年提高"}
    )
    events, satisfied, words, read = report.rows
    assert events.points is None and "需要次数，而不是百分比56%" in events.findings[0].message
    assert satisfied.points is None and "单位不一致" in satisfied.findings[0].message
    assert read.points is None and read.findings[0].code == "cannot-score"
    # words are still judged: nothing in them says the requirement was missed
    assert words.points == Decimal("10.00") and "按定性表述判断" in words.explanation
