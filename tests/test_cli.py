"""The CLI, in-process."""

from __future__ import annotations

import json

import pytest

from scoring.cli import main

RULE = "满意度90%及以上得满分，每5%扣2分，低于75%不得分"


def test_parse(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", RULE]) == 0
    out = capsys.readouterr().out
    assert "扣分条款" in out and "每5%扣2分" in out


def test_parse_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", RULE, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["node"] == "Rule"
    assert [c["node"] for c in data["clauses"]] == ["Award", "Deduction", "Award"]


def test_eval(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", RULE, "--actual", "85%", "--target", "90%", "--weight", "10", "--comparator", "≥"]) == 0
    assert "8.00" in capsys.readouterr().out


def test_eval_json(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["eval", RULE, "--actual", "88%", "--target", "90%", "--weight", "10", "--json"]
    assert main(args) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["points"] == "9.20"
    assert data["trace"]


def test_bad_rule_no_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "每5%扣"]) == 2
    err = capsys.readouterr().err
    assert "错误" in err and "^" in err and "Traceback" not in err


def test_bad_value_no_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", RULE, "--actual", "很多", "--weight", "10"]) == 2
    assert "错误" in capsys.readouterr().err


def test_composite_json_actual(capsys: pytest.CaptureFixture[str]) -> None:
    text = "①制定考核办法计1分，未制定不得分；②按照招标文件及合同的规定进行考核，计1分，1例不符扣0.25分"
    assert main(["eval", text, "--actual", '{"1": "是", "2": 2}', "--weight", "2"]) == 0
    assert "1.50" in capsys.readouterr().out


def test_parse_shows_the_floor_the_text_lifts(capsys: pytest.CaptureFixture[str]) -> None:
    # 该项可负分: the description said 最低0分 while the reading said 可负分
    assert main(["parse", "每发现一例扣2分，该项可负分"]) == 0
    out = capsys.readouterr().out
    assert "下限      可负分（写明）" in out and "最低0分" not in out
