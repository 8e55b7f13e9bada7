"""The built parser kept between processes (scoring.rules.parser._cache_path: lark's cache=, a pickle):
only in a folder of this user's that no one else can write, one file per grammar (a changed grammar or
lexicon is built again, never read from the file of another), and a parser read back parses as the
one built."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from scoring.rules.parser import _cache_path, _prune

ROOT = Path(__file__).resolve().parent.parent
TEXTS = ["满意度90%及以上得满分，每5%扣2分，低于75%不得分", "①资金到位率100%得2分；②按时报送资料得1分，否则不得分", "每发现一例扣"]


def test_one_file_per_grammar_in_a_private_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("SCORING_PARSER_CACHE", raising=False)
    a, b = _cache_path("start: A\nA: \"a\""), _cache_path("start: A\nA: \"b\"")
    assert a is not None and b is not None and a != b
    assert Path(a).parent == tmp_path / "scoring"
    assert (tmp_path / "scoring").stat().st_mode & 0o777 == 0o700
    assert _cache_path("start: A\nA: \"a\"") == a


def test_no_cache_where_others_can_write_or_when_turned_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("SCORING_PARSER_CACHE", raising=False)
    (tmp_path / "scoring").mkdir(mode=0o700)
    os.chmod(tmp_path / "scoring", 0o777)
    assert _cache_path("start: A\nA: \"a\"") is None
    os.chmod(tmp_path / "scoring", 0o700)
    assert _cache_path("start: A\nA: \"a\"") is not None
    monkeypatch.setenv("SCORING_PARSER_CACHE", "0")
    assert _cache_path("start: A\nA: \"a\"") is None
    monkeypatch.delenv("SCORING_PARSER_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/folder")
    monkeypatch.setenv("HOME", "relative")
    assert _cache_path("start: A\nA: \"a\"") is None


def test_prune_keeps_the_newest(tmp_path: Path) -> None:
    for i in range(12):
        p = tmp_path / f"parser-{i:02d}.lark"
        p.write_text("x")
        os.utime(p, (1_000_000 + i, 1_000_000 + i))
    (tmp_path / "other.txt").write_text("x")
    _prune(str(tmp_path), keep=str(tmp_path / "parser-00.lark"), most=8)
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == ["other.txt", "parser-00.lark"] + [f"parser-{i:02d}.lark" for i in range(4, 12)]  # the 8 newest, and the one in use


def _run(cache_home: Path, cache: str) -> str:
    code = (
        "import scoring\n"
        "from scoring.rules.parser import _lark\n"
        f"for t in {TEXTS!r}:\n"
        "    try:\n"
        "        print(repr(scoring.parse(t)))\n"
        "    except scoring.RuleSyntaxError as e:\n"
        "        print(e.code, e.pos)\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home), "SCORING_PARSER_CACHE": cache, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout


def test_a_parser_read_back_parses_as_the_one_built(tmp_path: Path) -> None:
    built = _run(tmp_path, "0")
    assert not (tmp_path / "scoring").exists()
    written = _run(tmp_path, "1")
    files = list((tmp_path / "scoring").glob("parser-*.lark"))
    assert len(files) == 1 and files[0].stat().st_size > 10_000
    mtime = files[0].stat().st_mtime_ns
    read = _run(tmp_path, "1")
    assert files[0].stat().st_mtime_ns == mtime  # read, not written again
    assert built == written == read and "unexpected-end" in built
