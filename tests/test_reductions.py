"""The phrases read while the parser reduces (transform.Reductions, driven by parser._lalr: no parse
tree is built) are exactly what lark's own Transformer gives on the parse tree built with
propagate_positions (parser.parse_tree), each _Phrases method called with the rule's meta as
``v_args(meta=True)`` does: the same children, the same spans (the meta of every rule, inlined
``_rule`` and ``?rule`` included), a lark Tree for a rule with no method, and the same first error.

The reference is lark's, not ours, so a grammar change (a new ``_rule``, a new ``?rule``, a new
method) that the reductions would read differently fails here, on real and on mutated texts."""

from __future__ import annotations

import enum
import random
from decimal import Decimal
from typing import Any

import attrs
import pytest
from corpus_runner import rules
from lark import Token, Transformer, Tree, UnexpectedInput
from lark.exceptions import VisitError

from scoring.errors import RuleSyntaxError
from scoring.rules.parser import _convert, _lalr, _lark, parse_tree
from scoring.rules.transform import Reductions, _Phrases

TEXTS = sorted({r["text"] for _, r in rules()})
PIECES = ["0", "1", "每", "扣", "分", "%", "×", "/", "（", "）", "-", "得分=", "，", "；", "：", "|", "例", "万",
          "完成率", "①", "(1)", "及以上", "扣完为止", "按比例", "(含95%)", "(含)", "5-3分", "80-90分", "(最多加5分)"]  # fmt: skip


def _mutated(n: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        text = rnd.choice(TEXTS)
        for _ in range(rnd.randint(1, 3)):
            i = rnd.randint(0, len(text))
            how = rnd.choice(["insert", "delete", "replace"])
            if how == "insert":
                text = text[:i] + rnd.choice(PIECES) + text[i:]
            elif how == "delete":
                text = text[:i] + text[i + rnd.randint(1, 4) :]
            else:
                text = text[:i] + rnd.choice(PIECES) + text[i + 1 :]
        out.append(text)
    return out


class _Reference(Transformer[Token, Any]):
    """lark's Transformer calling the _Phrases method of each rule with its meta (a rule with no
    method stays a Tree, as Transformer.__default__ leaves it)."""

    def __init__(self, source: str) -> None:
        super().__init__()
        self.phrases = _Phrases(source)

    def __default__(self, data: Any, children: list[Any], meta: Any) -> Any:
        method = getattr(self.phrases, str(data), None)
        if method is None or str(data).startswith("_"):
            return Tree(data, children, meta)
        return method(meta, children)


def _dump(obj: Any) -> Any:
    """Everything in a phrase, spans and token positions included (fields with eq=False too)."""
    if isinstance(obj, Token):
        return ("Token", obj.type, str(obj), obj.start_pos, obj.end_pos)
    if isinstance(obj, Tree):
        meta = obj.meta
        span = None if getattr(meta, "empty", True) else (meta.start_pos, meta.end_pos)
        return ("Tree", str(obj.data), span, [_dump(c) for c in obj.children])
    if isinstance(obj, (list, tuple)):
        return (type(obj).__name__, [_dump(c) for c in obj])
    if obj is None or isinstance(obj, (str, int, Decimal, enum.Enum)):
        return obj
    if attrs.has(type(obj)):
        return (type(obj).__name__, [(f.name, _dump(getattr(obj, f.name))) for f in attrs.fields(type(obj))])
    raise AssertionError(f"unexpected {type(obj).__name__} in the phrases")


def _error(e: BaseException) -> Any:
    if isinstance(e, RuleSyntaxError):
        return ("RuleSyntaxError", e.code, e.pos, e.length, e.message, e.expected)
    return (type(e).__name__, str(e))


def _reference(text: str) -> Any:
    try:
        tree = parse_tree(text)
    except RuleSyntaxError as e:
        return _error(e)
    try:
        return _dump(_Reference(text).transform(tree))
    except RuleSyntaxError as e:  # lark wraps no error of __default__ in a VisitError
        return _error(e)


def _ours(text: str) -> Any:
    run = Reductions(text)
    try:
        top = _lalr(_lark().parse_interactive(text).parser_state, run)
    except UnexpectedInput as e:
        return _error(_convert(e, text))
    try:
        return _dump(run.result(top))
    except VisitError as e:
        return _error(e.orig_exc)
    except RuleSyntaxError as e:
        return _error(e)


@pytest.mark.parametrize("texts", [TEXTS, _mutated(1500, 11)], ids=["corpus", "mutated"])
def test_reductions_read_what_the_tree_reads(texts: list[str]) -> None:
    differ = [t for t in texts if _ours(t) != _reference(t)]
    assert not differ, f"{len(differ)} texts read differently, e.g. {differ[:3]}"


def test_the_comparison_sees_spans_and_errors() -> None:
    """The check above can fail: a span one character off, or another error, is a difference."""
    text = "满意度90%及以上得满分，每5%扣2分，低于75%不得分"
    ours = _ours(text)
    assert ours == _reference(text)
    assert "('text', '满意度'), ('span', ('tuple', [0, 3]))" in repr(ours)
    assert _dump(Token("CJK", "满", 0, end_pos=1)) != _dump(Token("CJK", "满", 1, end_pos=2))
    assert _ours("满意度90%及以上得满分，扣") == _reference("满意度90%及以上得满分，扣")
    assert _ours("满意度90%及以上得满分，扣")[0] == "RuleSyntaxError"
    # a phrase's error (restated-mark) waits for the end of the parse: a syntax error after it wins
    assert _ours("95%(含90%)得满分")[1] == "restated-mark"
    assert _ours("95%(含90%)得满分，扣")[1] == "unexpected-end" == _reference("95%(含90%)得满分，扣")[1]


def _first_match(mres: list[Any], text: str, pos: int) -> tuple[str, str | None] | None:
    for mre in mres:
        m = mre.match(text, pos)
        if m:
            return m.group(0), m.lastgroup
    return None


def test_the_lexers_scanners_match_as_larks() -> None:
    """parser._BasicLexer writes each state's regex as (?:A)(?P<A>)|… (faster): at every position of
    corpus and mutated texts it matches the same text as the same terminal as lark's (?P<A>A)|…."""
    from lark.lexer import Scanner

    lexers = {id(lx): lx for lx in [*_lark().parser.lexer.lexers.values(), _lark().parser.lexer.root_lexer]}
    texts = TEXTS[::12] + _mutated(40, 5)
    for lexer in lexers.values():
        ours = lexer.scanner
        assert len(ours._mres) == 1 and "(?P<" in ours._mres[0].pattern and ")(?P<" in ours._mres[0].pattern
        larks = Scanner(ours.terminals, ours.g_regex_flags, ours.re_, ours.use_bytes)
        assert ours._mres[0].pattern != larks._mres[0].pattern
        for text in texts:
            for pos in range(len(text)):
                assert _first_match(ours._mres, text, pos) == _first_match(larks._mres, text, pos), (text, pos)
