"""The national 财预〔2020〕10号 self-evaluation forms, built cell by cell as a clerk fills them in:
title rows, the fund block above the indicator header, the side label 绩效指标 merged down the
block, merged 一级/二级指标, percent and General cells, a 总分 row merged across the label columns.
Every expected figure is worked out by hand in the comments."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from scoring import load_ruleset
from scoring.tables.audit import audit_report

D = Decimal

# (一级, 二级, 三级, 年度指标值, 实际完成值, 分值, 得分); the default methods (no rule column):
#   ≥ or a bare target: weight × min(1, actual/target); a deadline met when the date is not later
INDICATORS = [
    ("产出指标", "数量指标", "养护道路里程", "≥120公里", "126公里", 20, 20),  # 126/120 > 1 → 20
    ("产出指标", "数量指标", "维修桥梁", "≥4座", "3座", 10, 7.5),  # 10 × 3/4 = 7.50
    ("产出指标", "质量指标", "验收合格率", "100%", 0.98, 15, 14.7),  # percent cell 98%: 15 × 0.98 = 14.70
    ("产出指标", "时效指标", "完成时间", "2023年12月31日前", dt.date(2023, 11, 30), 5, 5),  # met → 5
    ("效益指标", "社会效益指标", "群众出行时间缩短", "≥10%", "12%", 15, 15),  # 12/10 > 1 → 15
    ("效益指标", "可持续影响指标", "道路使用年限", "≥5年", "5年", 10, 10),  # → 10
    ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", 15, 15),  # → 15
]
# rows: 20 + 7.5 + 14.7 + 5 + 15 + 10 + 15 = 87.20; fund block: 全年执行数 102.85 / 全年预算数 110
# = 93.5% → 10 × 0.935 = 9.35 (the 年初预算数 100 is not the base); total 87.20 + 9.35 = 96.55 → 优


def project_form(path: Path, *, cover: bool = False) -> Path:
    wb = Workbook()
    ws = wb.active
    if cover:
        ws.title = "封面"
        ws["A1"] = "2023年度项目支出绩效自评报告"
        ws = wb.create_sheet("自评表")
    else:
        ws.title = "自评表"
    ws["A1"] = "项目支出绩效自评表"
    ws.merge_cells("A1:J1")
    ws["A2"] = "（2023年度）"
    ws.merge_cells("A2:J2")
    ws["A3"], ws["B3"] = "项目名称", "乡村道路养护"
    ws.merge_cells("B3:J3")
    ws["A4"], ws["B4"], ws["F4"], ws["G4"] = "主管部门", "县交通运输局", "实施单位", "县公路事务中心"
    ws["A5"] = "项目资金（万元）"
    ws.merge_cells("A5:A9")
    for col, h in zip("DEFGHI", ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"), strict=True):
        ws[f"{col}5"] = h
    funds = [
        ("年度资金总额", 100, 110, 102.85, 10, 0.935, 9.35),
        ("其中：当年财政拨款", 100, 110, 102.85, "—", 0.935, "—"),
        ("上年结转资金", 0, 0, 0, "—", None, "—"),
        ("其他资金", 0, 0, 0, "—", None, "—"),
    ]
    for i, (label, *nums) in enumerate(funds, 6):
        ws[f"B{i}"] = label
        ws.merge_cells(f"B{i}:C{i}")
        for col, v in zip("DEFGHI", nums, strict=True):
            ws[f"{col}{i}"] = v
        ws[f"H{i}"].number_format = "0.00%"
    ws["A10"], ws["B10"], ws["G10"] = "年度总体目标", "预期目标", "实际完成情况"
    ws["B11"], ws["G11"] = "完成120公里乡村道路养护", "完成126公里"
    ws["A12"] = "绩效指标"
    ws.merge_cells("A12:A19")
    for col, h in zip("BCDEFGHI", ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
                                   "偏差原因分析及改进措施"), strict=True):  # fmt: skip
        ws[f"{col}12"] = h
    ws.merge_cells("I12:J12")
    for i, (l1, l2, name, target, actual, weight, printed) in enumerate(INDICATORS, 13):
        ws[f"B{i}"], ws[f"C{i}"], ws[f"D{i}"], ws[f"E{i}"] = l1, l2, name, target
        ws[f"F{i}"], ws[f"G{i}"], ws[f"H{i}"] = actual, weight, printed
        if isinstance(actual, float):
            ws[f"F{i}"].number_format = "0%"
        if isinstance(actual, dt.date):
            ws[f"F{i}"].number_format = "yyyy年m月d日"
    ws.merge_cells("B13:B16")
    ws.merge_cells("C13:C14")
    ws.merge_cells("B17:B18")
    ws["A20"], ws["G20"], ws["H20"] = "总分", 100, 96.55
    ws.merge_cells("A20:F20")
    wb.save(path)
    return path


def test_project_form_scores_seven_rows_and_reads_execution_from_the_fund_block(tmp_path: Path) -> None:
    rs = load_ruleset(project_form(tmp_path / "项目自评表.xlsx"))
    assert [r.name for r in rs.indicators] == [x[2] for x in INDICATORS]
    assert [r.level1 for r in rs.indicators] == [x[0] for x in INDICATORS]
    assert rs.title == "项目支出绩效自评表"
    assert rs.execution is not None
    assert (rs.execution.budget, rs.execution.spent, rs.execution.weight) == (D("110"), D("102.85"), D("10"))
    report = rs.score()
    assert [r.points for r in report.rows] == [D("20.00"), D("7.50"), D("14.70"), D("5.00"), D("15.00"),
                                              D("10.00"), D("15.00")]  # fmt: skip
    assert report.execution is not None and report.execution.points == D("9.35")
    assert report.total == D("96.55") and report.grade == "优" and report.complete
    assert not [f for f in report.findings if f.severity == "error"]
    result = audit_report(report)
    assert result.ok, result.discrepancies
    assert result.totals.printed == D("96.55")


def test_a_cover_sheet_first_and_the_table_named(tmp_path: Path) -> None:
    from scoring.tables.spreadsheet import read_table

    path = project_form(tmp_path / "带封面.xlsx", cover=True)
    assert len(read_table(path).indicators) == 7  # the cover has no indicator header: the next sheet is read
    assert len(read_table(path, sheet="自评表").indicators) == 7
    assert len(read_table(path, sheet=2).indicators) == 7


def grid_table(rows: list[list[object]]) -> list[list[object]]:
    header = ["一级指标", "二级指标", "三级指标", "指标值", "分值", "评（扣）分标准", "实际完成值"]
    return [["某县自评表"], header, *rows]


def test_total_rows_only_without_an_indicator_of_their_own_and_blank_names_kept() -> None:
    from scoring.tables.spreadsheet import table_from_grid

    rule = "完成得满分，未完成不得分"
    rs = table_from_grid(grid_table([
        ["产出指标", "数量指标", "合计完成投资额", "≥100万元", 10, "每少10万元扣1分，扣完为止", "80万元"],
        ["产出指标", "数量指标", "", "≥10个", 10, rule, "完成"],
        ["产出指标", "质量指标", "总分项验收", "完成", 10, rule, "完成"],
        ["合计", "", "", "", 30, "", ""],
    ]))  # fmt: skip
    names = [r.name for r in rs.indicators]
    assert names == ["合计完成投资额", "（第4行未写指标名称）", "总分项验收"]
    assert [f.code for f in rs.problems if f.code == "no-name"] == ["no-name"]
    report = rs.score()
    # 合计完成投资额: 20万元 short, 每少10万元扣1分 → 10 − 2 = 8; the others met → 10 each
    assert [r.points for r in report.rows] == [D("8.00"), D("10.00"), D("10.00")]
    assert report.total == D("28.00")


def test_a_block_weight_on_a_row_of_its_own_is_not_an_indicator() -> None:
    from scoring.tables.spreadsheet import table_from_grid

    rs = table_from_grid(grid_table([
        ["产出指标", "", "", "", 20, "", ""],
        ["产出指标", "数量指标", "培训人次", "≥100人次", 20, "", "100人次"],
        ["效益指标", "", "", "", 80, "", ""],
        ["效益指标", "社会效益", "覆盖率", "≥90%", 80, "", "90%"],
    ]))  # fmt: skip
    assert [r.name for r in rs.indicators] == ["培训人次", "覆盖率"]
    assert rs.score().total == D("100.00")


@pytest.mark.parametrize("label", ["总分", "合计", "总计"])
def test_total_row_printed_total(label: str) -> None:
    from scoring.tables.spreadsheet import table_from_grid

    rs = table_from_grid(grid_table([
        ["产出指标", "数量指标", "培训人次", "≥100人次", 10, "", "100人次"],
        [label, label, label, "", 10, "", ""],
    ]))  # fmt: skip
    assert len(rs.indicators) == 1
