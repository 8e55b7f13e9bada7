"""A rule that applies to a whole table (issue 11: a note under the table that sets how its rows
score): ``[meta] rule`` in a ruleset, ``--table-rule`` on the command line, ``with_table_rule``
in Python. Rows without a rule of their own take it, and the report says so on each of them;
rows with their own rule keep it. Expected points are worked out by hand from the rule."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from scoring.cli import main
from scoring.tables.load import load_ruleset
from scoring.tables.rows import RulesetError
from scoring.tables.ruleset import ruleset_from

NOTE = "完成率100%得满分，每低1%扣1分，扣完为止"
TABLE = f"""
[meta]
title = "表注"
rule = "{NOTE}"

[[indicator]]
id = "A"
name = "开工率"
target = "100%"
comparator = "≥"
weight = "10"

[[indicator]]
id = "B"
name = "满意度"
target = "90%"
comparator = "≥"
weight = "10"
rule = "满意度90%及以上得满分，每低5%扣2分"
"""
OUTCOMES = """
[meta]
ruleset = "t.toml"
[[outcome]]
id = "A"
actual = "97%"
[[outcome]]
id = "B"
actual = "85%"
"""


def _files(tmp_path: Path, table: str = TABLE) -> Path:
    (tmp_path / "t.toml").write_text(table, encoding="utf-8")
    (tmp_path / "t.outcomes.toml").write_text(OUTCOMES, encoding="utf-8")
    return tmp_path / "t.toml"


def test_rows_without_a_rule_take_the_tables(tmp_path: Path) -> None:
    report = load_ruleset(_files(tmp_path)).score(tmp_path / "t.outcomes.toml")
    a, b = report.rows
    assert a.points == Decimal("7.00")  # 97%: 3 points short of 100%, 1 each
    assert b.points == Decimal("8.00")  # its own rule: 85% is 5% below 90%, one step of 2
    assert [f.code for f in a.findings] == ["rule-from-table"]
    assert NOTE in a.findings[0].message
    assert "rule-from-table" not in [f.code for f in b.findings]


def test_without_a_table_rule_the_row_has_none(tmp_path: Path) -> None:
    plain = TABLE.replace(f'rule = "{NOTE}"\n', "", 1)
    report = load_ruleset(_files(tmp_path, plain)).score(tmp_path / "t.outcomes.toml")
    assert report.rows[0].method != "rule" and "rule-from-table" not in [f.code for f in report.rows[0].findings]


def test_with_table_rule_in_python(tmp_path: Path) -> None:
    plain = TABLE.replace(f'rule = "{NOTE}"\n', "", 1)
    ruleset = load_ruleset(_files(tmp_path, plain)).with_table_rule("完成率100%得满分，每低1%扣2分")
    assert ruleset.score(tmp_path / "t.outcomes.toml").rows[0].points == Decimal("4.00")  # 3 points short, 2 each


def test_a_table_rule_that_is_no_text_is_refused() -> None:
    with pytest.raises(RulesetError, match="应为文字"):
        ruleset_from({"meta": {"rule": 5}, "indicator": []})


def test_cli_table_rule(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plain = TABLE.replace(f'rule = "{NOTE}"\n', "", 1)
    path = _files(tmp_path, plain)
    assert main(["score", str(path), "--table-rule", "完成率100%得满分，每低1%扣2分", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)["rows"]
    assert rows[0]["points"] == "4.00"
    assert rows[1]["points"] == "8.00"
    assert main(["score", str(path), "--table-rule", " "]) == 2
    assert "--table-rule 不能为空" in capsys.readouterr().err


def test_a_table_rule_the_parser_refuses_is_a_finding_on_its_rows(tmp_path: Path) -> None:
    bad = TABLE.replace(NOTE, "完成率每低1%扣")
    report = load_ruleset(_files(tmp_path, bad)).score(tmp_path / "t.outcomes.toml")
    a, b = report.rows
    assert a.points is None and "rule-from-table" in [f.code for f in a.findings]
    assert b.points == Decimal("8.00")
