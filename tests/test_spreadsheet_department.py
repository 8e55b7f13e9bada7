"""The national 财预〔2020〕10号 department form (部门整体支出绩效自评表), built as a clerk fills
it in: title rows, the department and fund block (年度资金总额 with its 执行率 as a percent cell,
then 按收入性质分/按支出性质分 rows that are not the total), 年度总体目标, the side label 绩效指标
merged down the indicator block, merged 一级/二级指标, percent and General cells, a 总分 row.
Expectations worked out by hand in the comments."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook

from scoring import load_ruleset

D = Decimal

# (一级, 二级, 三级, 年度指标值, 实际完成值, 分值); no rule column: the default methods
INDICATORS = [
    ("产出指标", "数量指标", "职业技能培训人次", "≥2000人次", "1800人次", 20),  # 20 × 1800/2000 = 18.00
    ("产出指标", "质量指标", "培训合格率", "≥90%", 0.95, 15),  # percent cell 95% ≥ 90% → 15
    ("产出指标", "时效指标", "补贴发放及时率", "100%", "100%", 15),  # → 15
    ("效益指标", "社会效益指标", "城镇新增就业人数", "≥5000人", "4500人", 20),  # 20 × 0.9 = 18.00
    ("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "88%", 20),  # 20 × 88/90 = 19.555… → 19.56
]
# rows 18 + 15 + 15 + 18 + 19.56 = 85.56; funds 全年执行数 1,710 / 全年预算数 1,800 = 95% → 10 × 0.95
# = 9.50 (年初预算数 1,500 is not the base); total 85.56 + 9.50 = 95.06 → 优 (≥90)


def department_form(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "部门整体支出绩效自评表"
    ws["A1"] = "部门整体支出绩效自评表"
    ws.merge_cells("A1:I1")
    ws["A2"] = "（2023年度）"
    ws.merge_cells("A2:I2")
    ws["A3"], ws["B3"] = "部门（单位）名称", "县人力资源和社会保障局"
    ws.merge_cells("B3:I3")
    ws["A4"] = "年度主要任务"
    ws["B4"], ws["E4"] = "任务名称", "主要内容"
    ws["B5"], ws["E5"] = "就业创业服务", "职业技能培训、就业补贴发放"
    ws["A6"] = "年度部门整体支出预算（万元）"
    ws.merge_cells("A6:A10")
    for col, h in zip("CDEFGH", ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"), strict=True):
        ws[f"{col}6"] = h
    funds = [
        ("年度资金总额", 1500, 1800, 1710, 10, 0.95, 9.5),
        ("按收入性质分：财政拨款", 1400, 1700, 1615, "—", 0.95, "—"),
        ("其他资金", 100, 100, 95, "—", 0.95, "—"),
        ("按支出性质分：基本支出", 900, 1000, 980, "—", 0.98, "—"),
        ("项目支出", 600, 800, 730, "—", 0.9125, "—"),
    ]
    for i, (label, *nums) in enumerate(funds, 7):
        ws[f"B{i}"] = label
        for col, v in zip("CDEFGH", nums, strict=True):
            ws[f"{col}{i}"] = v
        ws[f"G{i}"].number_format = "0.00%"
    ws["A11"], ws["B11"], ws["F11"] = "年度总体目标", "预期目标", "实际完成情况"
    ws["B12"], ws["F12"] = "完成培训2000人次，新增就业5000人", "培训1800人次，新增就业4500人"
    ws["A13"] = "绩效指标"
    ws.merge_cells("A13:A19")
    for col, h in zip("BCDEFGHI", ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
                                   "偏差原因分析及改进措施"), strict=True):  # fmt: skip
        ws[f"{col}13"] = h
    for i, (l1, l2, name, target, actual, weight) in enumerate(INDICATORS, 14):
        ws[f"B{i}"], ws[f"C{i}"], ws[f"D{i}"], ws[f"E{i}"], ws[f"F{i}"], ws[f"G{i}"] = l1, l2, name, target, actual, weight
        if isinstance(actual, float):
            ws[f"F{i}"].number_format = "0%"
    ws.merge_cells("B14:B16")  # 产出指标 merged down its three rows
    ws["B19"] = "总分"
    ws.merge_cells("B19:F19")
    ws["G19"] = 100
    ws["H19"] = 95.06
    wb.save(path)
    return path


def test_department_form_scores_its_rows_and_reads_the_fund_block(tmp_path: Path) -> None:
    ruleset = load_ruleset(department_form(tmp_path / "部门整体支出绩效自评表.xlsx"))
    names = [r.name for r in ruleset.indicators]
    assert names == [x[2] for x in INDICATORS]  # no fund row, no side label, no 总分 row taken for an indicator
    assert [r.level1 for r in ruleset.indicators] == [x[0] for x in INDICATORS]  # the merged 产出指标 fills down
    report = ruleset.score()
    points = {r.row.name: r.points for r in report.rows}
    assert points == {
        "职业技能培训人次": D("18.00"),
        "培训合格率": D("15.00"),
        "补贴发放及时率": D("15.00"),
        "城镇新增就业人数": D("18.00"),
        "服务对象满意度": D("19.56"),
    }
    assert report.execution is not None and report.execution.points == D("9.50")
    assert "全年执行数1710/全年预算数1800" in report.execution.explanation
    assert report.total == D("95.06") and report.weight == 100 and report.grade == "优"
    assert not report.unscored
