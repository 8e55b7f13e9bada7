"""Scripts can rely on the command line (issue 12 item 4): every command against bad arguments and
bad files gives a Chinese message and exit status 2, never a traceback; 0 = every row scored,
1 = rows unscored or a printed score wrong; --json to stdout; a closed pipe is quiet."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from scoring.cli import build_parser, main

RULE = "满意度90%及以上得满分，每5%扣2分，低于75%不得分"
DEMO = "rulesets/examples/demo.toml"
DEMO_OUTCOMES = "rulesets/examples/demo.outcomes.toml"
ROOT = Path(__file__).resolve().parent.parent


def commands() -> list[str]:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    return sorted(sub.choices)  # type: ignore[union-attr]


def test_help_lists_every_command_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert "用法" in out and "退出状态" in out
    for name in commands():
        assert name in out
        assert main([name, "--help"]) == 0
        text = capsys.readouterr().out
        assert "用法" in text and "选项" in text and "show this help" not in text


def bad_files(tmp: Path) -> list[Path]:
    (tmp / "empty.toml").write_text("", encoding="utf-8")
    (tmp / "broken.toml").write_text("[[indicator]\nname = 1", encoding="utf-8")
    (tmp / "broken.json").write_text("{", encoding="utf-8")
    (tmp / "gbk.toml").write_bytes("name = '指标'".encode("gbk"))
    (tmp / "fake.xlsx").write_text("不是表格", encoding="utf-8")
    (tmp / "fake.xls").write_bytes(b"\x00\x01not a workbook")
    (tmp / "blank.csv").write_text("", encoding="utf-8")
    (tmp / "notes.txt").write_text("x", encoding="utf-8")
    (tmp / "dir.toml").mkdir()
    return [tmp / n for n in ("empty.toml", "broken.toml", "broken.json", "gbk.toml", "fake.xlsx", "fake.xls",
                              "blank.csv", "notes.txt", "dir.toml", "missing.xlsx")]  # fmt: skip


BAD_ARGS = [
    [],
    ["nope"],
    ["parse"],
    ["parse", "每5%扣"],
    ["parse", ""],
    ["eval", RULE],
    ["eval", RULE, "--actual", "85%", "--weight", "abc"],
    ["eval", RULE, "--actual", "85%", "--weight", "10", "--places", "-1"],
    ["eval", RULE, "--actual", "85%", "--weight", "10", "--places", "x"],
    ["eval", RULE, "--actual", "{\"1\":", "--weight", "10"],
    ["eval", RULE, "--actual", "[1]", "--weight", "10"],
    ["eval", RULE, "--actual", "0.92", "--target", "≥90%", "--weight", "10"],
    ["eval", RULE, "--actual", "85%", "--weight", "10", "--rounding", "bankers"],
    ["score", DEMO, "--profile", "nope"],
    ["score", DEMO, "--width", "0"],
    ["score", DEMO, "-o", "out.txt"],
    ["score", DEMO, "--outcomes", "missing.toml"],
    ["score", DEMO, "--sheet", "1"],
    ["audit", DEMO, "--profile", "nope"],
    ["audit"],
    ["curve", RULE, "--weight", "x"],
    ["curve", RULE, "--weight", "10", "-o", "curve.bmp"],
    ["explain", RULE, "--weight", "abc"],
    ["check", RULE, "--cliff", "abc"],
    ["serve", "--port", "http"],
    ["profiles", "extra"],
]


@pytest.mark.parametrize("argv", BAD_ARGS, ids=lambda a: " ".join(a)[:40] or "(none)")
def test_bad_arguments(argv: list[str], capsys: pytest.CaptureFixture[str], tmp_path: Path,
                       monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    monkeypatch.chdir(ROOT)
    argv = [str(tmp_path / a) if a in ("out.txt", "missing.toml", "curve.bmp") else a for a in argv]
    status = main(argv)
    cap = capsys.readouterr()
    assert status in (1, 2), (argv, status, cap.err)
    assert "Traceback" not in cap.out + cap.err
    assert "错误" in cap.err or "错误" in cap.out or "error" in cap.out
    assert status == 2 or argv[0] in ("explain", "check")  # explain/check: a rule error is a finding (1)


@pytest.mark.parametrize("command", ["score", "audit", "check"])
def test_bad_files(command: str, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    for f in bad_files(tmp_path):
        status = main([command, str(f)])
        cap = capsys.readouterr()
        assert "Traceback" not in cap.out + cap.err, f
        assert status in (1, 2), (f, status, cap.out, cap.err)
        if command != "check":
            assert status == 2 or "没有指标行" in cap.out + cap.err, (f, cap.out, cap.err)


def test_score_exit_status_says_whether_every_row_was_scored(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    monkeypatch.chdir(ROOT)
    assert main(["score", DEMO, "--outcomes", DEMO_OUTCOMES]) == 0
    capsys.readouterr()
    partial = tmp_path / "partial.outcomes.toml"
    partial.write_text('[[outcome]]\nindicator = "D01"\nactual = "#N/A"\n', encoding="utf-8")
    assert main(["score", DEMO, "--outcomes", str(partial)]) == 1
    out = capsys.readouterr().out
    assert "不评等次" in out and "评价等次: 良" not in out


def test_json_to_stdout(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    assert main(["score", DEMO, "--outcomes", DEMO_OUTCOMES, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total"] == "89.58"
    status = main(["audit", "rulesets/hunan-hrss-2024-selfeval-annex5-other-development-funds.toml", "--json"])
    assert status == 1
    data = json.loads(capsys.readouterr().out)
    assert data["discrepancies"]


def test_output_never_overwrites_the_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["三级指标", "年度指标值", "分值", "实际完成值"])
    wb.active.append(["培训人次", "≥100人次", 100, "100人次"])
    path = tmp_path / "same.xlsx"
    wb.save(path)
    before = path.read_bytes()
    assert main(["score", str(path), "-o", str(path)]) == 2
    assert "不能覆盖" in capsys.readouterr().err
    assert path.read_bytes() == before


def run(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "scoring", *args], cwd=ROOT, capture_output=True, input=stdin,
                          timeout=120)  # fmt: skip


def test_python_m_scoring_and_a_closed_pipe() -> None:
    assert run("--help").returncode == 0
    p = subprocess.run(f"{sys.executable} -m scoring score {DEMO} --outcomes {DEMO_OUTCOMES} | head -1",
                       shell=True, cwd=ROOT, capture_output=True, timeout=120)  # fmt: skip
    assert p.stderr == b"", p.stderr.decode()
    assert len(p.stdout.decode().splitlines()) == 1


def test_reasons_wrap_instead_of_being_cut(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    assert main(["score", DEMO, "--outcomes", DEMO_OUTCOMES, "--width", "80"]) == 0
    out = capsys.readouterr().out
    assert "…" not in out
    assert "完成95%" in out.replace("\n", "").replace(" ", "") or "95%" in out
