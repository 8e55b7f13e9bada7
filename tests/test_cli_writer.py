"""scoring check / explain / curve, in process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scoring.cli import main

RULE = "满意度90%及以上得满分，每5%扣2分，低于75%不得分"
ROW = ["--target", "90%", "--weight", "10", "--comparator", "≥", "--unit", "%"]


def test_check_prints_compiler_style(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", RULE, *ROW]) == 0
    out = capsys.readouterr().out
    assert "<规则>:1:14: 警告: “每5%扣2分”未写明不足一档" in out
    assert "default-partial" not in out and "warning" not in out  # codes only in --json
    lines = out.splitlines()
    i = next(n for n, line in enumerate(lines) if "未写明不足一档" in line)
    # the caret sits under 每5%扣2分: before it 满意度 及以上得满分 ， (10 wide = 20 columns) and 90% (3)
    assert lines[i + 1] == "  " + RULE
    assert lines[i + 2] == "  " + " " * 23 + "^" * 9  # 每 扣 分 wide (6), 5 % 2 narrow (3)
    assert out.rstrip().endswith("个提示")


def test_check_exit_1_on_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "每5%扣2分，扣完未止"]) == 1
    out = capsys.readouterr().out
    assert "<规则>:1:9: 错误: 这里不应出现“完”" in out and "^" in out


def test_check_json(capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", "完成得20分，未完成不得分", "--weight", "15", "--json"])
    data = json.loads(capsys.readouterr().out)
    assert {"code": "exceeds-weight", "severity": "error"}.items() <= data[0].items()
    assert data[0]["line"] == 1 and data[0]["tags"] == ["A08"]


def test_check_min_severity(capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", RULE, *ROW, "--min-severity", "warning"])
    assert "提示:" not in capsys.readouterr().out


def test_check_file_of_rules(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "rules.txt"
    f.write_text("# 两条规则\n完成得满分，未完成不得分\n\n每5%扣2分，扣完未止\n", encoding="utf-8")
    assert main(["check", str(f)]) == 1
    out = capsys.readouterr().out
    assert f"{f}:4:9: 错误: " in out


def test_check_table_file(capsys: pytest.CaptureFixture[str]) -> None:
    path = Path(__file__).parent.parent / "rulesets" / "changsha-hrss-2024-project-targets.toml"
    main(["check", str(path), "--min-severity", "warning"])
    out = capsys.readouterr().out
    assert "指标分值合计10分，不等于100分" in out and "Traceback" not in out
    assert "weights-total" not in out  # the code is in --json


def test_explain(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", RULE, *ROW]) == 0
    out = capsys.readouterr().out
    assert "标准表述: 满意度≥90%得满分；每5%扣2分" in out
    assert "检查（" in out and "跳变4分" in out and "cliff" not in out
    assert "得分表:" in out and "75%     4.00" in out


def test_explain_shows_the_reading_with_its_defaults(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "每低于目标1%扣2分", "--target", "200", "--unit", "人", "--comparator", "≥",
                 "--weight", "10"]) == 0  # fmt: skip
    out = capsys.readouterr().out
    assert "读法（本指标）:" in out and "[实际值] 数值" in out
    # an amount row: a percent step is relative to the target, a default the reading names
    assert "百分比口径: 相对指标值的百分比  [默认（semantics §2，指标是数量）]" in out
    assert "起点: 指标值200人  [默认（semantics §4）]" in out


def test_explain_bad_rule(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "每5%扣"]) == 1
    assert "无法解析" in capsys.readouterr().out


def test_curve_writes_svg(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_file = tmp_path / "curve.svg"
    assert main(["curve", RULE, *ROW, "--from", "70", "--to", "95", "-o", str(out_file)]) == 0
    out = capsys.readouterr().out
    assert "85%     8.00" in out and "已写出" in out
    assert out_file.read_text(encoding="utf-8").lstrip().startswith(("<?xml", "<svg"))


def test_curve_item_of_composite(capsys: pytest.CaptureFixture[str]) -> None:
    text = "①制定办法计1分，未制定不得分；②按投标承诺提供2台盖章机计2分，每少1台扣1分"
    assert main(["curve", text, "--weight", "3", "--item", "2", "--target", "2", "--unit", "台"]) == 0
    assert "2台" in capsys.readouterr().out


@pytest.mark.parametrize(
    "argv",
    [
        ["curve", RULE],  # no weight
        ["curve", RULE, "--weight", "abc"],
        ["curve", RULE, "--weight", "10", "-o", "/nonexistent-dir/x.svg", "--target", "90%"],
        ["curve", RULE, "--weight", "10", "-o", "x.pdf"],
        ["curve", "①完成得1分；②完成得2分", "--weight", "3"],
        ["curve", "①完成得1分；②完成得2分", "--weight", "3", "--item", "7"],
        ["curve", "每5%扣", "--weight", "10"],
        ["explain", RULE, "--weight", "ten"],
        ["check", RULE, "--weight", "ten"],
        ["check", RULE, "--cliff", "lots"],
    ],
)
def test_bad_input_never_a_traceback(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code = main(argv)
    err = capsys.readouterr()
    assert code in (0, 1, 2)
    assert "Traceback" not in err.err + err.out
