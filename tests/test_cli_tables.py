"""``scoring score``, ``scoring audit`` and ``scoring profiles``, in process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from scoring.cli import main
from scoring.cli.tables import display_width, fit

ROOT = Path(__file__).resolve().parent.parent
RULESETS = ROOT / "rulesets"
DEMO = str(RULESETS / "examples" / "demo.toml")
DEMO_OUTCOMES = str(RULESETS / "examples" / "demo.outcomes.toml")


def test_score_demo_prints_table_total_and_grade(capsys: pytest.CaptureFixture[str]) -> None:
    """The README's main command; the numbers are the hand-computed ones of test_ruleset."""
    assert main(["score", DEMO, "--outcomes", DEMO_OUTCOMES, "--width", "140"]) == 0
    out = capsys.readouterr().out
    assert "公共就业服务专项" in out
    assert "7.60" in out and "7.73" in out  # D01, D09
    assert "47.28" in out and "23.73" in out  # subtotals
    assert "9.37" in out  # execution
    assert "89.58" in out
    assert "评价等次: 良" in out
    assert "Traceback" not in out


def _cut(line: str, columns: int) -> str:
    out = ""
    for ch in line:
        if display_width(out + ch) > columns:
            break
        out += ch
    return out


def test_score_output_is_aligned_for_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    """Columns 编号 7, 三级指标 22, 指标值 12, 实际完成值 16, 分值 6, 得分 7, two spaces between:
    every row's 得分 ends at display column 7+22+12+16+6+7 + 5×2 = 80, whatever its Chinese text."""
    main(["score", DEMO, "--outcomes", DEMO_OUTCOMES, "--width", "120"])
    lines = [ln for ln in capsys.readouterr().out.splitlines() if ln.startswith("D")]
    points = {"D01": "7.60", "D02": "6.00", "D03": "7.68", "D04": "6.00", "D05": "6.00", "D06": "14.00",
              "D07": "8.00", "D08": "8.00", "D09": "7.73", "D10": "9.20"}  # fmt: skip
    assert len(lines) == 10
    for ln in lines:
        assert _cut(ln, 80).endswith(points[ln[:3]]), ln
        assert _cut(ln, 73).endswith(" "), ln  # the 分值 column ends at 7+22+12+16+6 + 4×2 = 71


def test_score_writes_xlsx_csv_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for suffix in ("xlsx", "csv", "json"):
        out = tmp_path / f"demo.{suffix}"
        assert main(["score", DEMO, "--outcomes", DEMO_OUTCOMES, "-o", str(out)]) == 0
        assert out.exists()
    capsys.readouterr()
    wb = load_workbook(tmp_path / "demo.xlsx")
    ws = wb["评分表"]
    values = [c.value for row in ws.iter_rows() for c in row]
    assert "评价等次" in values and "良" in values
    data = json.loads((tmp_path / "demo.json").read_text(encoding="utf-8"))
    assert data["total"] == "89.58"


def test_score_finds_outcomes_beside_the_ruleset(capsys: pytest.CaptureFixture[str]) -> None:
    """附件6: every printed score reproduces; total 99.92 (summary section 3)."""
    path = str(RULESETS / "hunan-hrss-2024-selfeval-annex6-enterprise-pension-fund.toml")
    assert main(["score", path, "--summary"]) == 0
    captured = capsys.readouterr()
    assert "99.92" in captured.out
    assert "outcomes.toml" in captured.err


def test_score_with_profile(capsys: pytest.CaptureFixture[str]) -> None:
    """附件3-1 with one-decimal rounding: the execution row 10 × 5943.58/6863.74 = 8.659 → 8.7."""
    path = str(RULESETS / "hunan-hrss-2024-selfeval-annex3-1-business-funds.toml")
    assert main(["score", path, "--profile", "one-decimal", "--summary"]) == 0
    out = capsys.readouterr().out
    assert "口径 one-decimal" in out
    assert " 8.7 " in out or " 8.7" in out


def test_audit_exit_status(capsys: pytest.CaptureFixture[str]) -> None:
    ok = str(RULESETS / "zhuzhou-hrss-2023-selfeval-project-student-grants.toml")
    assert main(["audit", ok]) == 0
    out = capsys.readouterr().out
    assert "一致 8 行" in out and "98.84" in out
    bad = str(RULESETS / "hunan-hrss-2024-selfeval-annex5-other-development-funds.toml")
    assert main(["audit", bad, "--width", "160"]) == 1
    out = capsys.readouterr().out
    assert "L1078" in out and "L1209" in out and "预算执行率" in out and "execution" not in out
    assert "95.94" in out and "95.90" in out  # printed total vs Σ printed rows


def test_errors_print_a_message_not_a_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score", str(tmp_path / "nope.toml")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("错误") and "Traceback" not in err
    bad = tmp_path / "bad.toml"
    bad.write_text("[[indicator]\n", encoding="utf-8")
    assert main(["score", str(bad)]) == 2
    assert "TOML" in capsys.readouterr().err
    assert main(["score", DEMO, "--profile", "nope"]) == 2
    assert "default" in capsys.readouterr().err  # lists the profiles
    assert main(["score", DEMO, "--outcomes", str(tmp_path / "missing.toml")]) == 2
    assert main(["score", DEMO, "--outcomes", DEMO_OUTCOMES, "-o", str(tmp_path / "x.txt")]) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_profiles_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["profiles"]) == 0
    out = capsys.readouterr().out
    assert "default" in out and "truncate" in out and "grades-80" in out


def test_progress_bar_on_large_tables(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = ["三级指标,指标值,分值,实际完成值"] + [f"指标{i},≥10人,1,{i % 12}人" for i in range(2500)]
    p = tmp_path / "big.csv"
    p.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert main(["score", str(p), "--progress", "--summary"]) == 0
    captured = capsys.readouterr()
    assert "2500/2500" in captured.err and "1000/2500" in captured.err
    assert main(["score", str(p), "--no-progress", "--summary"]) == 0
    assert "/2500" not in capsys.readouterr().err


def test_fit_and_width() -> None:
    assert display_width("满意度") == 6
    assert display_width("ab") == 2
    assert fit("满意度指标", 6) == "满意… "  # … is one column wide
    assert display_width(fit("满意度指标", 7)) == 7
