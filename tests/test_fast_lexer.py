"""The parser's fast lexer (scoring.rules.parser._fast_tokens) gives what lark's contextual lexer gives: the same
rule, or the same refusal with the same caret, for every seed and dev-corpus text (and a few that fail to lex)."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

import scoring
from scoring.rules import parser as _parser

DATA = Path(__file__).parent / "data"


def _texts() -> list[str]:
    texts: dict[str, None] = {}
    for name in ("seed000_rules.jsonl", "seeds001_004_rules.jsonl", "dev_rules.jsonl"):
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            texts.setdefault(row.get("rule_clean") or row.get("rule") or row.get("text") or "")
    for probe in sorted((Path(__file__).parent / "probes").glob("*.toml")):
        for rule in tomllib.loads(probe.read_text(encoding="utf-8"))["rule"]:
            texts.setdefault(rule["rule"])
    texts.pop("", None)
    return [*texts, "满意度@@得满分", "完成率≥90%得满分，每低1%扣¥分", "（（（完成率）））"]


def _outcome(text: str) -> Any:
    try:
        return ("rule", _parser._parse(text))
    except scoring.RuleSyntaxError as e:
        return ("refused", e.code, e.pos, e.length, e.message)


def test_fast_and_lark_lexers_agree(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _texts()
    assert len(texts) > 3000
    fast = [_outcome(t) for t in texts]

    def slow(parser: Any, run: Any, fast: bool = False) -> Any:
        return real(parser, run, False)

    real = _parser._lalr
    monkeypatch.setattr(_parser, "_lalr", slow)
    lark = [_outcome(t) for t in texts]
    assert fast == lark
    assert any(o[0] == "refused" for o in fast) and any(o[0] == "rule" for o in fast)


@pytest.mark.parametrize(
    ("regexp", "starts", "not_starts"),
    [
        ("满分|得满分", "满得", "分扣0"),
        ("[0-9]+(?:\\.[0-9]+)?", "09", ".一"),
        ("(?:扣|减)(?:完|满)", "扣减", "完满"),
        ("(?<![得计])[（(]?满分", "（(满", "得计分"),  # a lookbehind reads nothing; an optional bracket may be absent
        ("a?b*c", "abc", "d"),
        ("[一-鿿]{1,12}率", "一鿿完", "0%"),
    ],
)
def test_first_characters(regexp: str, starts: str, not_starts: str) -> None:
    for ch in starts:
        assert _parser._may_start(regexp, ch), ch
    for ch in not_starts:
        assert not _parser._may_start(regexp, ch), ch
        assert re.match(regexp, ch + "满分率abc") is None or not re.match(regexp, ch + "满分率abc").group(0).startswith(ch)


@pytest.mark.parametrize("regexp", ["\\s+", "[^，]+", "(?i:abc)", "x*", "(?:a|)b?"])
def test_first_characters_unknown_or_empty_try_every_place(regexp: str) -> None:
    # a category, a negated class or a flag is not narrowed; a terminal that may match empty is tried anywhere
    for ch in "a满0 ，":
        assert _parser._may_start(regexp, ch)


def test_characters_remembered_per_state_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    # past the bound a character's terminals are worked out each time: the same tokens, no growth
    monkeypatch.setattr(_parser, "_MOST_CHARS", 0)
    texts = ["满意度90%及以上得满分，每5%扣2分，低于75%不得分", "完成率≥90%得满分"]
    lexers = _parser._lark().parser.lexer.lexers  # type: ignore[attr-defined]
    before = {id(lx): len(lx._by_char or {}) for lx in lexers.values()}
    for t in texts:
        assert _outcome(t)[0] == "rule"
    assert all(len(lx._by_char or {}) <= before[id(lx)] for lx in lexers.values())
