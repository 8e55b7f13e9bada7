"""The README's examples are run: every ```console block's command gives exactly the output shown."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from scoring.cli import main

ROOT = Path(__file__).resolve().parent.parent
BLOCKS = re.findall(r"```console\n\$ (.*?)\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)


def test_there_are_three_examples() -> None:
    assert len(BLOCKS) == 3


@pytest.mark.parametrize(("command", "expected"), BLOCKS, ids=lambda x: x.split()[1] if x.startswith("scoring") else "")
def test_readme_example(command: str, expected: str, capsys: pytest.CaptureFixture[str],
                        monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    monkeypatch.chdir(ROOT)
    argv = shlex.split(command)
    assert argv[0] == "scoring"
    status = main(argv[1:])
    assert status == (1 if argv[1] == "audit" else 0)
    assert capsys.readouterr().out == expected


def test_distribution_name_is_not_the_taken_one() -> None:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(r'^name = "jixiao-scoring"', text, re.M)
    assert "jixiao-scoring" in (ROOT / "README.md").read_text(encoding="utf-8")
