"""Spreadsheets: reading .xlsx/.csv tables as evaluators keep them, writing scored tables."""

from __future__ import annotations

import csv
import json
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from scoring.tables.load import load_ruleset
from scoring.tables.spreadsheet import TableError, read_table, write_csv, write_json, write_report, write_xlsx

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "rulesets" / "examples" / "demo.toml"
DEMO_OUTCOMES = ROOT / "rulesets" / "examples" / "demo.outcomes.toml"
D = Decimal


def demo_report():  # type: ignore[no-untyped-def]
    return load_ruleset(DEMO).score(DEMO_OUTCOMES)


def test_written_xlsx_cells(tmp_path: Path) -> None:
    """The demo (hand-computed in test_ruleset.test_demo_table_hand_computed) written and reopened."""
    out = tmp_path / "scored.xlsx"
    write_xlsx(demo_report(), out)
    wb = load_workbook(out)
    assert wb.sheetnames == ["评分表", "问题"]
    ws = wb["评分表"]
    assert ws["A1"].value == "2024年度项目支出绩效自评表（示例）：公共就业服务专项"
    header = [c.value for c in ws[2]]
    assert header[:5] == ["编号", "一级指标", "二级指标", "三级指标", "指标值"]
    assert header[-2:] == ["得分", "扣分原因"]
    score_col, reason_col, name_col = len(header), len(header) + 1, header.index("三级指标") + 1
    score_col -= 1
    reason_col -= 1
    rows = {ws.cell(r, 1).value: r for r in range(3, ws.max_row + 1) if ws.cell(r, 1).value}
    d01 = rows["D01"]
    assert ws.cell(d01, score_col).value == pytest.approx(7.6)
    assert "2.85万人" in ws.cell(d01, reason_col).value  # how the messy outcome was read
    assert ws.cell(rows["D02"], score_col).value == 6
    assert ws.cell(rows["D02"], reason_col).value is None  # full marks: nothing lost
    assert ws.cell(rows["D09"], score_col).value == pytest.approx(7.73)
    labels = {ws.cell(r, name_col).value: r for r in range(3, ws.max_row + 1)}
    sub = next(r for k, r in labels.items() if k and k.startswith("产出指标 小计"))
    assert ws.cell(sub, score_col).value == pytest.approx(47.28)  # 7.60+6+7.68+6+6+14
    sub2 = next(r for k, r in labels.items() if k and k.startswith("效益指标 小计"))
    assert ws.cell(sub2, score_col).value == pytest.approx(23.73)
    assert ws.cell(labels["预算执行率"], score_col).value == pytest.approx(9.37)
    total = next(r for k, r in labels.items() if k and k.startswith("总分"))
    assert ws.cell(total, score_col).value == pytest.approx(89.58)
    assert ws.cell(labels["评价等次"], score_col).value == "良"
    fs = wb["问题"]
    assert [c.value for c in fs[1]] == ["编号", "指标", "级别", "代码", "说明"]
    codes = [(fs.cell(r, 1).value, fs.cell(r, 4).value) for r in range(2, fs.max_row + 1)]
    assert ("D08", "grade") in codes


def test_written_xlsx_reads_back_to_the_same_scores(tmp_path: Path) -> None:
    out = tmp_path / "scored.xlsx"
    write_xlsx(demo_report(), out)
    rs = read_table(out)
    assert len(rs.indicators) == 10  # subtotal, execution, total and grade rows are not indicators
    assert rs.execution is not None and rs.execution.budget == 500 and rs.execution.spent == D("468.3")
    report = rs.score(DEMO_OUTCOMES)
    assert report.total == D("89.58")


def test_csv_and_json_outputs(tmp_path: Path) -> None:
    report = demo_report()
    c = tmp_path / "scored.csv"
    write_csv(report, c)
    with c.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0][-2:] == ["得分", "扣分原因"]
    d10 = next(r for r in rows if r[0] == "D10")
    assert d10[-2] == "9.20"
    assert any(r[3] == "评价等次" and r[-2] == "良" for r in rows)
    assert read_table(c).score(DEMO_OUTCOMES).total == D("89.58")
    j = tmp_path / "scored.json"
    write_json(report, j)
    data = json.loads(j.read_text(encoding="utf-8"))
    assert data["total"] == "89.58" and data["grade"] == "良"
    assert data["rows"][0]["id"] == "D01" and data["rows"][0]["points"] == "7.60"
    with pytest.raises(TableError):
        write_report(report, tmp_path / "scored.txt")


def _self_evaluation_workbook(path: Path) -> None:
    """A table as evaluators keep it: a title row, merged 一级指标 cells, a blank 二级指标 cell,
    a merged 分值 cell, a percentage-formatted cell, an unknown column and a 合计 row."""
    wb = Workbook()
    ws = wb.active
    ws.append(["2024年度项目支出绩效自评表"])
    ws.append(["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "评（扣）分标准", "联系人"])
    ws.append(["产出指标（20分）", "数量指标", "参保人数", "≥10万人", "9.7万人，完成率97%。", 10, 9.7, None, "张三"])
    ws.append([None, None, "培训场次", "≥40场", "现场34，线上31场", 5, 5, None, None])
    ws.append([None, "质量指标", "资金合规", "100%", 0.9135, 5, 4.57, None, None])
    ws.append(["满意度指标", "满意度", "满意度", "≥90%", "88%", 10, 9.2, "满意度90%及以上得满分，每5%扣2分，低于75%不得分", None])
    ws.append(["满意度指标", "满意度", "满意度2", "≥90%", "95%", None, None, None, None])
    ws.append(["合计", None, None, None, None, None, 28.47, None, None])
    ws.merge_cells("A3:A5")  # 产出指标 over three rows
    ws.merge_cells("F6:F7")  # one weight over two rows
    ws["E5"].number_format = "0.00%"
    wb.save(path)


def test_read_xlsx_merged_blank_and_formatted_cells(tmp_path: Path) -> None:
    """参保人数 10 × 9.7/10 = 9.70; 培训场次 65 ≥ 40 → 5; 资金合规 91.35% of 100% → 5 × 0.9135 = 4.57 (4.5675);
    满意度 10 − 2 × 2/5 = 9.20; 满意度2 has no weight (the merged cell stays on the first row)."""
    p = tmp_path / "selfeval.xlsx"
    _self_evaluation_workbook(p)
    rs = read_table(p)
    assert rs.title == "2024年度项目支出绩效自评表"
    names = [r.name for r in rs.indicators]
    assert names == ["参保人数", "培训场次", "资金合规", "满意度", "满意度2"]
    assert [r.level1 for r in rs.indicators] == ["产出指标", "产出指标", "产出指标", "满意度指标", "满意度指标"]
    assert [r.level2 for r in rs.indicators] == ["数量指标", "数量指标", "质量指标", "满意度", "满意度"]
    assert rs.indicators[3].weight == 10 and rs.indicators[4].weight is None
    assert any(g.level1 == "产出指标" and g.weight == 20 for g in rs.groups)
    codes = {f.code for f in rs.problems}
    assert "unknown-column" in codes and "merged-number" in codes
    assert any("联系人" in f.message for f in rs.problems)
    report = rs.score()
    points = {r.row.name: r.points for r in report.rows}
    assert points == {"参保人数": D("9.70"), "培训场次": D("5.00"), "资金合规": D("4.57"), "满意度": D("9.20"),
                      "满意度2": None}  # fmt: skip
    assert report.outcomes.total == D("28.47")
    assert report.row("R5").actual == "91.35%"  # the cell showed 91.35%


def test_read_csv_gb18030_and_missing_columns(tmp_path: Path) -> None:
    p = tmp_path / "targets.csv"
    p.write_text("三级指标,指标值\n城镇新增就业人数,≥3万人\n", encoding="gb18030")
    rs = read_table(p)
    assert [r.name for r in rs.indicators] == ["城镇新增就业人数"]
    assert any(f.code == "missing-column" and "分值" in f.message for f in rs.problems)
    report = rs.score({"城镇新增就业人数": "3.2万人"})
    assert report.row("城镇新增就业人数").findings[0].code == "no-weight"


def test_table_without_a_name_column_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "bad.csv"
    p.write_text("甲,乙,丙\n1,2,3\n", encoding="utf-8")
    with pytest.raises(TableError, match="三级指标"):
        read_table(p)
    with pytest.raises(TableError):
        read_table(tmp_path / "missing.xlsx")
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a zip file")
    with pytest.raises(TableError):
        read_table(broken)


def test_execution_row_in_a_spreadsheet(tmp_path: Path) -> None:
    """A 预算执行率 row with 全年预算数/全年执行数 columns: 10 × 90/100 = 9."""
    p = tmp_path / "t.csv"
    p.write_text(
        "三级指标,指标值,分值,全年预算数,全年执行数,实际完成值,得分\n预算执行率,,10,100,90,,9\n参保人数,≥10人,90,,,10人,90\n",
        encoding="utf-8",
    )
    rs = read_table(p)
    report = rs.score()
    assert report.execution is not None and report.execution.points == 9
    assert report.total == 99 and report.grade == "优"
