"""Numbers as the clerk typed them (issue 12 item 2; docs/semantics.md §16): the cell's own format
decides; a bare fraction on a percent row is refused with how to write it, never read as 0.92%;
missing data is no outcome. The same for a workbook, CSV, JSON, TOML and a mapping."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from scoring import load_ruleset
from scoring.tables.ruleset import ruleset_from

D = Decimal
RULE = "满意度90%及以上得满分，每5%扣2分，低于75%不得分"
ROWS = [
    {"id": "A", "name": "群众满意度", "target": "≥90%", "unit": "%", "weight": 10, "rule": RULE},
    {"id": "B", "name": "就业率", "target": "≥90%", "weight": 10},  # no rule: 10 × min(1, a/t)
    {"id": "C", "name": "差错率", "target": "≤0.5%", "weight": 10},  # a target below 1%: 0.4 is 0.4%
]


def test_a_mapping() -> None:
    rs = ruleset_from({"indicator": ROWS})
    report = rs.score({"A": "0.92", "B": D("0.92"), "C": "0.4"})
    a, b, c = report.rows
    assert a.score is None and b.score is None  # 92% or 0.92%: refused
    assert [f.code for f in a.findings] == ["ambiguous-fraction"]
    assert "请写成“92%”" in a.findings[0].message
    assert c.points == D("10.00")  # 0.4% ≤ 0.5%: met
    assert not report.complete


@pytest.mark.parametrize("missing", ["#N/A", "数据缺失", "待统计", "—", "#DIV/0!"])
def test_missing_data_is_no_outcome_with_or_without_a_rule(missing: str) -> None:
    report = ruleset_from({"indicator": ROWS}).score({"A": missing, "B": missing, "C": "0.4%"})
    assert [r.score is None for r in report.rows] == [True, True, False]
    assert all(r.findings[0].code == "missing-data" for r in report.rows[:2])
    assert len(report.rows) == 3  # nothing lost


OWN = "满意度达到90%以上的，得满分；未达到的，按比例得分；数据缺失的不得分"


@pytest.mark.parametrize("fast", [True, False])
@pytest.mark.parametrize("missing", ["数据缺失", "#N/A", "待统计", "—"])
def test_a_rules_own_missing_data_clause_scores_a_missing_cell(missing: str, fast: bool) -> None:
    # semantics §86: the rule states how missing data scores, so a missing cell takes that clause (0 here),
    # in a table as in evaluate; a row whose rule says nothing of it is still not scored
    rows = [{"id": "A", "name": "满意度", "target": "≥90%", "unit": "%", "weight": 10, "rule": OWN}, {**ROWS[0], "id": "B"}]
    rs = ruleset_from({"indicator": rows})
    report = rs.score({"A": missing, "B": missing}, explain=not fast)
    a, b = report.rows
    assert a.points == D("0.00")
    assert b.score is None and b.findings[0].code == "missing-data"
    # a number still answers the value: 81% → 10 × 81/90 = 9
    assert rs.score({"A": "81%"}).rows[0].points == D("9.00")
    assert rs.score({"A": "95%"}).rows[0].points == D("10.00")


def test_an_empty_cell_is_no_outcome_even_with_the_clause() -> None:
    # an empty cell is an outcome not yet written, not a statement that the data is missing
    rows = [{"id": "A", "name": "满意度", "target": "≥90%", "unit": "%", "weight": 10, "rule": OWN}]
    report = ruleset_from({"indicator": rows}).score({})
    assert report.rows[0].score is None


def test_85_takes_the_rows_unit() -> None:
    report = ruleset_from({"indicator": ROWS}).score({"A": "85", "B": 85, "C": "0.4"})
    # A: 85%, 5 points below 90%, 每5%扣2分 → 8.00; B: 10 × 85/90 = 9.444… → 9.44
    assert [r.points for r in report.rows] == [D("8.00"), D("9.44"), D("10.00")]


def test_a_workbook_percent_cell_and_general_cell(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["三级指标", "年度指标值", "度量单位", "分值", "评（扣）分标准", "实际完成值"])
    ws.append(["群众满意度", "≥90%", "%", 10, RULE, 0.85])  # percent format: 85% → 8.00
    ws["F2"].number_format = "0%"
    ws.append(["就业率", "≥90%", "%", 10, None, 0.92])  # General: refused
    ws.append(["服务对象满意度", "≥90%", "%", 10, RULE, "#N/A"])
    wb.save(tmp_path / "t.xlsx")
    report = load_ruleset(tmp_path / "t.xlsx").score()
    assert report.rows[0].points == D("8.00")
    assert report.rows[1].score is None and report.rows[1].findings[0].code == "ambiguous-fraction"
    assert report.rows[2].score is None and report.rows[2].findings[0].code == "missing-data"


def test_csv_json_toml_read_alike(tmp_path: Path) -> None:
    rs = ruleset_from({"indicator": ROWS})
    (tmp_path / "o.csv").write_text("编号,实际完成值\nA,0.92\nB,#N/A\nC,0.4\n", encoding="utf-8")
    (tmp_path / "o.json").write_text(json.dumps({"A": 0.92, "B": "#N/A", "C": 0.4}), encoding="utf-8")
    (tmp_path / "o.toml").write_text(
        '[[outcome]]\nindicator = "A"\nactual = 0.92\n[[outcome]]\nindicator = "B"\nactual = "#N/A"\n'
        '[[outcome]]\nindicator = "C"\nactual = 0.4\n', encoding="utf-8")  # fmt: skip
    for name in ("o.csv", "o.json", "o.toml"):
        report = rs.score(tmp_path / name)
        assert [f.code for r in report.rows for f in r.findings] == ["ambiguous-fraction", "missing-data"], name
        assert report.rows[2].points == D("10.00")


def test_a_count_of_one_on_a_percent_row_is_one_event() -> None:
    # a rule that only counts events reads a bare 1 as one case, not as 1% or 100% (no ambiguity)
    rows = [{"id": "K", "name": "合规率", "target": "100%", "unit": "%", "weight": 10,
             "rule": "合规率100%得满分，每发现一例不合规扣1分，扣完为止。"},
            {"id": "A", "name": "群众满意度", "target": "≥90%", "unit": "%", "weight": 10, "rule": RULE}]
    report = ruleset_from({"indicator": rows}).score({"K": "1", "A": "1"})
    k, a = report.rows
    assert k.points == D("9.00")  # one case found: 10 − 1
    assert [f.code for f in a.findings] == ["ambiguous-fraction"]  # a rate: 1% or 100%, refused
