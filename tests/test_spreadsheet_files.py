"""Workbooks as they arrive: a hidden first sheet, a table named by --sheet, Excel 97–2003 .xls
(python-calamine), a formula saved without its value, a GBK CSV. Expectations by hand."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from scoring import load_ruleset
from scoring.tables.spreadsheet import TableError, read_table

D = Decimal
HEADER = ["一级指标", "二级指标", "三级指标", "年度指标值", "分值", "实际完成值"]
ROWS = [
    ["产出指标", "数量指标", "培训人次", "≥200人次", 40, "150人次"],  # 40 × 150/200 = 30
    ["效益指标", "社会效益", "就业率", "≥80%", 60, "80%"],  # met → 60
]


def workbook(path: Path, *, hidden_first: bool = False) -> Path:
    wb = Workbook()
    ws = wb.active
    if hidden_first:
        ws.title = "旧表"
        ws.append(["三级指标", "分值"])
        ws.append(["作废的指标", 100])
        ws.sheet_state = "hidden"
        ws = wb.create_sheet("自评表")
    else:
        ws.title = "自评表"
    ws.append(["某县2023年度项目绩效自评表"])
    ws.append(HEADER)
    for r in ROWS:
        ws.append(r)
    wb.save(path)
    return path


def test_hidden_sheet_skipped_with_a_finding(tmp_path: Path) -> None:
    rs = read_table(workbook(tmp_path / "t.xlsx", hidden_first=True))
    assert [r.name for r in rs.indicators] == ["培训人次", "就业率"]
    assert any(f.code == "hidden-sheet" and "旧表" in f.message for f in rs.problems)
    assert rs.score().total == D("90.00")  # 30 + 60
    hidden = read_table(tmp_path / "t.xlsx", sheet="旧表")  # asked for by name: read
    assert [r.name for r in hidden.indicators] == ["作废的指标"]


def test_unknown_sheet_is_refused_with_the_sheets_listed(tmp_path: Path) -> None:
    path = workbook(tmp_path / "t.xlsx", hidden_first=True)
    with pytest.raises(TableError) as e:
        read_table(path, sheet="汇总")
    assert "1.旧表（隐藏）" in str(e.value) and "2.自评表" in str(e.value)
    with pytest.raises(TableError):
        read_table(path, sheet=3)


def test_no_sheet_with_a_header(tmp_path: Path) -> None:
    wb = Workbook()
    wb.active.append(["封面"])
    wb.save(tmp_path / "cover.xlsx")
    with pytest.raises(TableError) as e:
        load_ruleset(tmp_path / "cover.xlsx")
    assert "--sheet" in str(e.value)


def test_xls_read_with_calamine(tmp_path: Path) -> None:
    xlwt = pytest.importorskip("xlwt")
    wb = xlwt.Workbook()
    cover = wb.add_sheet("封面")
    cover.write(0, 0, "2023年度绩效自评")
    ws = wb.add_sheet("自评表")
    ws.write_merge(0, 0, 0, 5, "某县2023年度项目绩效自评表")
    for c, h in enumerate(HEADER):
        ws.write(1, c, h)
    ws.write_merge(2, 3, 0, 0, "产出指标")  # merged down two rows
    rows = [
        [None, "数量指标", "培训人次", "≥200人次", 20, "150人次"],  # 20 × 150/200 = 15
        [None, "数量指标", "发放手册", "≥100册", 20, 100],  # a General number, the row's unit: met → 20
        ["效益指标", "社会效益", "就业率", "≥80%", 60, "80%"],  # → 60
    ]
    for i, row in enumerate(rows, 2):
        for c, v in enumerate(row):
            if v is not None:
                ws.write(i, c, v)
    wb.save(str(tmp_path / "表.xls"))
    rs = load_ruleset(tmp_path / "表.xls")
    assert [(r.level1, r.name) for r in rs.indicators] == [
        ("产出指标", "培训人次"), ("产出指标", "发放手册"), ("效益指标", "就业率")]  # fmt: skip
    assert rs.score().total == D("95.00")
    assert len(load_ruleset(tmp_path / "表.xls", sheet="自评表").indicators) == 3


def test_formula_without_a_cached_value_is_reported(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(HEADER)
    ws.append(["产出指标", "数量指标", "培训人次", "≥200人次", 40, "=B9*2"])  # openpyxl saves no value
    ws.append(["效益指标", "社会效益", "就业率", "≥80%", 60, "80%"])
    wb.save(tmp_path / "f.xlsx")
    rs = read_table(tmp_path / "f.xlsx")
    found = [f for f in rs.problems if f.code == "formula-no-value"]
    assert found and "第2行F列" in found[0].message and "=B9*2" in found[0].message
    report = rs.score()
    assert report.rows[0].score is None and not report.complete  # no value: no outcome, never a score


def test_gbk_csv(tmp_path: Path) -> None:
    text = "\n".join(",".join(str(c) for c in r) for r in [HEADER, *ROWS]) + "\n"
    (tmp_path / "t.csv").write_bytes(text.encode("gbk"))
    rs = load_ruleset(tmp_path / "t.csv")
    assert [r.name for r in rs.indicators] == ["培训人次", "就业率"]
    assert rs.score().total == D("90.00")


def test_not_a_workbook(tmp_path: Path) -> None:
    (tmp_path / "bad.xlsx").write_text("这不是 Excel 文件")
    (tmp_path / "bad.xls").write_text("这不是 Excel 文件")
    for name in ("bad.xlsx", "bad.xls"):
        with pytest.raises(TableError) as e:
            load_ruleset(tmp_path / name)
        assert "无法读取" in str(e.value)


def test_cli_sheet_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from scoring.cli import main

    path = workbook(tmp_path / "t.xlsx", hidden_first=True)
    assert main(["score", str(path), "--sheet", "2"]) == 0
    assert "培训人次" in capsys.readouterr().out
    assert main(["score", str(path), "--sheet", "汇总"]) == 2
    assert "没有工作表" in capsys.readouterr().err
