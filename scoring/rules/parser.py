"""The parser facade: builds the Lark parser once (kept between processes: _cache_path), runs lark's
LALR table with the phrases read at each reduction (_lalr, transform.Reductions: no parse tree is
built), and turns every lark error into a RuleSyntaxError. The only module besides transform.py that
imports lark."""

from __future__ import annotations

import enum
import functools
import hashlib
import os
import re
import sys

try:  # Python 3.11+: the parser of re (sre_parse is deprecated)
    import re._parser as _sre_parse  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover
    import sre_parse as _sre_parse
from collections.abc import Iterator
from decimal import Decimal
from importlib import resources
from typing import TYPE_CHECKING, Any

import attrs
from lark import Lark, Token, UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken
from lark import __version__ as lark_version
from lark.exceptions import VisitError
from lark.lexer import BasicLexer, ContextualLexer, Scanner, _create_unless
from lark.parsers.lalr_analysis import Shift

from ..errors import RuleSyntaxError
from ..text.normalize import Normalized, normalize
from .items import several_items
from .lexicon import grammar_terminals
from .nodes import Node
from .transform import MAX_NESTING, Reductions, build, reductions

if TYPE_CHECKING:
    from lark.parsers.lalr_parser_state import ParserState

# What a terminal is called in an error message.
EXPECTED_NAMES = {
    "NUMBER": "数字", "CN_NUMBER": "数字", "PERCENT": "百分号", "PP": "百分点", "UNIT": "单位",
    "POINTS": "“分”", "DEDUCT": "“扣”", "AWARD": "“得/计”", "FULL": "“满分”", "ZERO": "“不得分”",
    "_SEP": "标点（，；。）", "GE": "比较词（≥、大于等于…）", "LE": "比较词（≤、小于等于…）",
    "GT": "比较词（>、高于…）", "LT": "比较词（<、低于…）", "EQ": "“等于”", "GE_SUFFIX": "“以上”",
    "LE_SUFFIX": "“以下/以内”", "RPAR": "右括号", "LPAR": "左括号", "DASH": "“-”",
    "UNTIL_EXHAUSTED": "“扣完为止”", "PER": "“每”", "CJK": "文字", "$END": "规则结束",
    "ITEM_MARK": "分项编号（①②…）", "SCORE_EQ": "“得分=”", "TIMES": "“×”", "SLASH": "“/”",
}  # fmt: skip


def _grammar_file() -> str:
    """grammar/scoring.lark: shipped inside the package, or read from the source tree's grammar/."""
    try:
        return resources.files("scoring").joinpath("grammar/scoring.lark").read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError, NotADirectoryError):
        from pathlib import Path

        return (Path(__file__).resolve().parent.parent.parent / "grammar" / "scoring.lark").read_text(encoding="utf-8")


def _grammar_text() -> str:
    """The grammar: the .lark file's rules and pattern terminals, and the keyword terminals built
    from the lexicon (lexicon.toml: every synonym with its meaning and an example)."""
    return _grammar_file() + "\n// ---- generated from scoring/rules/lexicon.toml\n" + grammar_terminals()


@functools.cache
def _lark() -> Lark:
    grammar = _grammar_text()
    path = _cache_path(grammar)
    built = path is not None and not os.path.exists(path)
    lark = Lark(grammar, parser="lalr", lexer="contextual", propagate_positions=True, maybe_placeholders=False,
                cache=path or False, _plugins={"ContextualLexer": _ContextualLexer})  # fmt: skip
    if built and path is not None:
        _prune(os.path.dirname(path), keep=path)
    return lark


class _BasicLexer(BasicLexer):
    """lark's lexer of one parser state, with two ways to find the token at a place:

    - the fast lexer (_fast_tokens) asks ``candidates``: the state's terminals that can start with the
      character there, each tried alone in lark's order. No regex of a state's terminals is compiled, and a
      token tries about 4 terminals instead of 60–90 (half the matching time; a fresh process no longer
      compiles a regex per state, which took most of the first parse of a table's rules);
    - lark's own lexer (errors, and states with callbacks) uses the scanner, one regex
      ``(?:A)(?P<A>)|(?:B)(?P<B>)|…`` instead of lark's ``(?P<A>A)|(?P<B>B)|…``: the same match and the same
      ``lastgroup`` (the terminal), but a branch that starts with its text rather than with its group lets
      Python's regex engine skip a terminal whose first character is not there without entering it."""

    def _build_scanner(self) -> Scanner:
        scanner = super()._build_scanner()
        if not scanner.use_bytes:
            pattern = "|".join(f"(?:{t.pattern.to_regexp()})(?P<{t.name}>)" for t in scanner.terminals)
            try:
                scanner._mres = [scanner.re_.compile(pattern, scanner.g_regex_flags)]
            except (AssertionError, scanner.re_.error):  # too many groups for re: lark's own split
                pass
        return scanner

    #: per first character of the text left: the terminals (name, compiled pattern) that can start with it,
    #: in lark's order (built on first use, see candidates); None until the state is first lexed
    _by_char: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] | None = None
    _plain: tuple[tuple[str, re.Pattern[str]], ...] = ()

    def start(self) -> dict[str, tuple[tuple[str, re.Pattern[str]], ...]] | None:
        """Ready this state for the fast lexer, or None where lark's lexer must read it (a terminal with a
        callback: an ``unless`` of lark's, or one of the user's). The terminals are lark's scanner's, in its
        order, each compiled alone (Python's regex cache has them from lark's own check of each terminal):
        no regex of a state's terminals is compiled (that took a second in a fresh process)."""
        terminals, callback = _create_unless(self.terminals, self.g_regex_flags, self.re, self.use_bytes)  # type: ignore[no-untyped-call]
        if callback or self.user_callbacks or self.use_bytes:
            return None
        self._plain = tuple((t.name, re.compile(t.pattern.to_regexp(), self.g_regex_flags)) for t in terminals)
        self._by_char = {}
        return self._by_char

    def candidates(self, ch: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
        """The terminals that can match at a place that starts with ``ch``: this state's, in lark's order,
        less those that cannot start with ``ch`` (and cannot match empty). The first of them that matches is
        the one lark's scanner (one regex of all of them, tried in order) matches, since a terminal left out
        cannot match there: the token is the same, from a few terminals instead of 60–90."""
        found = tuple((name, rx) for name, rx in self._plain if _may_start(rx.pattern, ch))
        found = _SHARED.setdefault(found, found)  # the same terminals for many characters: one tuple
        if len(self._by_char) < _MOST_CHARS:  # type: ignore[arg-type]
            self._by_char[ch] = found  # type: ignore[index]
        return found


#: the terminal tuples of _BasicLexer.candidates, one object per distinct tuple
_SHARED: dict[tuple[tuple[str, re.Pattern[str]], ...], tuple[tuple[str, re.Pattern[str]], ...]] = {}
#: characters remembered per parser state (rule text uses a few hundred; text of any characters met by a long-lived
#: service must not grow the lexer without bound: past this, a character's terminals are worked out each time)
_MOST_CHARS = 1024


_ANY = None  # a first character the analysis does not narrow (a category such as \\s, a negated class, a flag)
_Ranges = frozenset[tuple[int, int]]  # code point ranges, both ends included


@functools.cache
def _first_chars(regexp: str) -> tuple[_Ranges | None, bool]:
    """The characters a match of ``regexp`` can start with (code point ranges; None: any) and whether it
    can match empty. Conservative: where unsure, any."""
    try:
        parsed = _sre_parse.parse(regexp)
    except re.error:  # a pattern Python's parser does not take back: no narrowing
        return _ANY, True
    return _first_of(list(parsed))


def _first_of(items: list[Any]) -> tuple[_Ranges | None, bool]:
    """First characters and whether it can match empty, of a sequence of sre items."""
    out: set[tuple[int, int]] = set()
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            return frozenset(out | {(av, av)}), False
        if name == "IN":
            ranges = _class_ranges(av)
            return (_ANY if ranges is None else frozenset(out | ranges)), False
        if name in ("AT", "ASSERT", "ASSERT_NOT"):
            continue  # zero-width: the next item starts the match (a lookahead only narrows it further)
        if name == "BRANCH":
            parts = [_first_of(list(b)) for b in av[1]]
        elif name == "SUBPATTERN" and not av[1]:  # a group that adds no flag
            parts = [_first_of(list(av[3]))]
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            first, nullable = _first_of(list(av[2]))
            parts = [(first, nullable or av[0] == 0)]
        else:
            return _ANY, False
        for first, _ in parts:
            if first is None:
                return _ANY, False
            out |= first
        if not any(nullable for _, nullable in parts):
            return frozenset(out), False
    return frozenset(out), True


def _class_ranges(av: list[Any]) -> set[tuple[int, int]] | None:
    ranges: set[tuple[int, int]] = set()
    for op, v in av:
        name = str(op)
        if name == "LITERAL":
            ranges.add((v, v))
        elif name == "RANGE":
            ranges.add((v[0], v[1]))
        else:  # NEGATE, CATEGORY
            return None
    return ranges


def _may_start(regexp: str, ch: str) -> bool:
    first, nullable = _first_chars(regexp)
    if nullable or first is None:
        return True
    c = ord(ch)
    return any(lo <= c <= hi for lo, hi in first)


class _ContextualLexer(ContextualLexer):
    BasicLexer = _BasicLexer


def _cache_path(grammar: str) -> str | None:
    """Where the built parser is kept between processes (read back in a seventh of the time of building
    it: 40 ms for 280), or None.

    lark's ``cache=``: the parse table and lexer, pickled, with the sha256 of the grammar text, lark's
    options and version in the file, checked on load (a changed grammar or lexicon is built again).
    Ours also names the file by that grammar, so that processes of two grammars never write the same
    file, and keeps it only in a folder of this user's that no one else can write (a pickle is code):
    ``$XDG_CACHE_HOME/scoring`` or ``~/.cache/scoring``; elsewhere (no such folder, Windows) nothing
    is kept. ``SCORING_PARSER_CACHE=0`` turns it off."""
    if os.environ.get("SCORING_PARSER_CACHE") == "0" or not hasattr(os, "getuid"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    if not os.path.isabs(base):
        return None
    folder = os.path.join(base, "scoring")
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
        mode = os.stat(folder)
    except OSError:
        return None
    if mode.st_uid != os.getuid() or mode.st_mode & 0o022:
        return None
    key = hashlib.sha256(f"{grammar}\n{lark_version}\n{sys.version_info[:2]}".encode()).hexdigest()[:24]
    return os.path.join(folder, f"parser-{key}.lark")


def _prune(folder: str, keep: str, most: int = 8) -> None:
    """Keep the ``most`` newest parsers of the folder (one per grammar met: editing the lexicon makes one)."""
    try:
        paths = sorted(
            (os.path.join(folder, n) for n in os.listdir(folder) if n.startswith("parser-") and n.endswith(".lark")),
            key=os.path.getmtime, reverse=True,
        )  # fmt: skip
        for old in paths[most:]:
            if old != keep:
                os.remove(old)
    except OSError:
        pass


def _expected(names: Any) -> tuple[str, ...]:
    out: list[str] = []
    for n in sorted(names or ()):
        label = EXPECTED_NAMES.get(n)
        if label and label not in out:
            out.append(label)
    return tuple(out[:8])


def _hint(text: str, pos: int) -> str:
    rest = text[pos:]
    before = text[:pos]
    if before.endswith("扣") or rest.startswith("扣分"):
        return "“扣”之后应写扣几分，如“扣2分”"
    if "扣完" in rest[:3] or "为止" in rest[:4]:
        return "“扣完为止”是否写错了？"
    if before.endswith("每"):
        return "“每”之后应写步长，如“每5%”“每一例”"
    if rest[:1] in "分":
        return "分值前缺少数字？"
    return "检查这里的用词或标点"


def parse_tree(text: str) -> Any:
    """The raw lark tree of ``text`` (for debugging and grammar tests). Raises RuleSyntaxError."""
    try:
        return _lark().parse(text)
    except UnexpectedInput as e:
        raise _convert(e, text) from None


#: an operator of arithmetic, the rest of its clause a comparison of what it computes (…×100%≥100%得满分)
_FORMULA_CONDITION = re.compile(
    r"[^，,；;。\n]*?(?:[≥≤＞＜><]|大于|小于|不低于|不高于|低于|高于|达到|以上|以下)[^，,；;。\n]*?(?:得|计|记|扣|不得分)"
)


def _convert(e: UnexpectedInput, text: str) -> RuleSyntaxError:
    if isinstance(e, UnexpectedEOF):
        return RuleSyntaxError("unexpected-end", "规则不完整", text, len(text),
                               expected=_expected(e.expected), hint=_hint(text, len(text)))  # fmt: skip
    if isinstance(e, UnexpectedToken):
        tok: Token = e.token
        pos = tok.start_pos if tok.start_pos is not None else len(text)
        if tok.type == "$END":
            return RuleSyntaxError("unexpected-end", "规则不完整", text, len(text),
                                   expected=_expected(e.expected), hint=_hint(text, len(text)))  # fmt: skip
        if tok.type in ("TIMES", "DIVIDE", "SLASH") and _FORMULA_CONDITION.match(text, pos + len(tok)):
            # 实际完成值/目标值×100%≥100%得满分: arithmetic as the subject of a band (semantics §96)
            return RuleSyntaxError(
                "formula-condition", "分档的条件是一个算式：算式作为比较的对象还不能读", text, pos, length=max(1, len(tok)),
                expected=("完成率≥100%得满分（完成率=实际完成值/目标值×100%）",),
                hint="请给算式起个名字写成定义，分档写在这个名字上，如“完成率=实际完成值/目标值×100%，完成率≥100%得满分”",
            )  # fmt: skip
        return RuleSyntaxError("unexpected-token", f"这里不应出现“{tok}”", text, pos, length=max(1, len(tok)),
                               expected=_expected(e.expected), hint=_hint(text, pos))  # fmt: skip
    if isinstance(e, UnexpectedCharacters):
        pos = e.pos_in_stream or 0
        if _garbled(text[pos : pos + 1]):
            # 當?shù)厣鐣?huì): a wrongly decoded page (pinyin with tone marks, U+FFFD) is no text to read
            return RuleSyntaxError("garbled-text", f"文字有乱码“{text[pos:pos + 1]}”，无法读出", text, pos,
                                   hint="这段文字的编码在转录时损坏：请按原件重新录入这一处")  # fmt: skip
        return RuleSyntaxError("unexpected-character", f"无法识别的字符“{text[pos:pos + 1]}”", text, pos,
                               expected=_expected(e.allowed), hint=_hint(text, pos))  # fmt: skip
    return RuleSyntaxError("syntax", "无法解析", text, getattr(e, "pos_in_stream", 0) or 0)


def _garbled(ch: str) -> bool:
    """A character no rule writes: a Latin letter with a diacritic (ù, ì from a page decoded wrongly) or
    the replacement character."""
    return ch == "\ufffd" or ("\u00c0" <= ch <= "\u024f" and ch not in "×÷")


MAX_CHARS = 2000  # longest rule text read (the longest real one has 239 characters)
MAX_DEPTH = 64  # deepest node nesting read (real rules: 7); deeper formulas would recurse without bound


def parse(text: str) -> Node:
    """Parse rule text into a Rule or Composite. Raises RuleSyntaxError, never a lark error.

    The text as printed is normalized first (scoring.text.normalize: 評分標準, 扣完为 止, 0. 1分,
    扣一分, 扣025分 …) and the canonical text is parsed; node spans, ``source`` and any error's
    caret refer to the text as given, and the node's ``normalized`` lists what was read how.
    Text longer than MAX_CHARS, or nested deeper than MAX_DEPTH, is refused (too-long, too-deep).
    """
    if not isinstance(text, str):
        raise TypeError(f"rule text must be str, not {type(text).__name__}")
    if not text.strip():
        raise RuleSyntaxError("empty", "规则为空", text, 0, expected=("评分规则",))
    if len(text) > MAX_CHARS:
        raise RuleSyntaxError("too-long", f"规则过长（{len(text)}字，最多{MAX_CHARS}字）", text[:40] + "…", 40,
                              hint="一条评分标准通常不超过几百字；请检查是否把多个单元格合在了一起")  # fmt: skip
    try:
        node = _parse_as_printed(text)
    except (RecursionError, VisitError):
        raise RuleSyntaxError("too-deep", f"规则嵌套过深（最多{MAX_DEPTH}层）", text, 0) from None
    return node


def _depth(node: Node) -> int:
    """How deeply ``node``'s fields nest (level by level, iteratively: the point is to refuse what would
    recurse), up to MAX_DEPTH + 1."""
    fields = _FIELDS
    depth, level = 0, [node] if _fields(type(node)) else []
    while level and depth <= MAX_DEPTH:
        depth += 1
        values = [getattr(obj, name) for obj in level for name in fields[type(obj)]]  # type: ignore[union-attr]
        level = []
        while values:
            v = values.pop()
            if isinstance(v, tuple):
                values.extend(v)  # tuples of nodes (and of tuples) are the same level
            elif (fields[type(v)] if type(v) in fields else _fields(type(v))) is not None:
                level.append(v)
    return depth


#: per type: the names of the fields _depth walks (an attrs class's, but ``normalized``), None for others
_FIELDS: dict[type, tuple[str, ...] | None] = {}


def _fields(cls: type) -> tuple[str, ...] | None:
    try:
        return _FIELDS[cls]
    except KeyError:
        names = None
        if attrs.has(cls) and not issubclass(cls, _LEAVES):
            names = tuple(f.name for f in attrs.fields(cls) if f.name != "normalized")
        _FIELDS[cls] = names
        return names


def _parse_as_printed(text: str) -> Node:
    reading = normalize(text)
    if not reading.changes:
        return _parse(text)
    skip: set[tuple[str, int]] = set()
    while True:
        try:
            node = _parse(reading.text)
        except RuleSyntaxError as e:
            error = _error_in_original(e, reading)
            # a numeral read as figures where the rule does not read it (连续两年 → 连续2年: an
            # unread number): leave it as written and parse again, once per numeral
            numeral = next((c for c in reading.changes if c.kind == "cn-numeral" and c.start < error.pos + error.length
                            and error.pos < c.end), None)  # fmt: skip
            if numeral is None:
                raise error from None
            skip.add((numeral.kind, numeral.start))
            reading = normalize(text, skip=skip)
            continue
        mapped: Node = _in_original(node, reading)
        return mapped


def _parse(text: str) -> Node:
    run = Reductions(text)
    try:
        try:
            top = _lalr(_lark().parse_interactive(text).parser_state, run, fast=True)
        except _Slow:  # what only lark's lexer reports exactly: the text again, with it
            run = Reductions(text)
            top = _lalr(_lark().parse_interactive(text).parser_state, run, fast=False)
    except UnexpectedInput as e:
        raise _convert(e, text) from None
    except RecursionError:
        raise RuleSyntaxError("too-deep", "规则嵌套过深", text, 0) from None
    try:
        node = build(run.result(top), text)
    except RuleSyntaxError as e:
        if e.code != "several-things":
            raise
        # 纳入预算安排得1分；计划编制比较完整得3分…；高于决算数的30%得4分…: parts separated by ；, each a rule of its
        # own, are the items ①②③ unwritten (semantics §146); anything else keeps the refusal
        node = several_items(text, e, _parse)
    if run.phrases.operators and _depth(node) > MAX_DEPTH:
        # only formula operators nest without bound (a text with none is a few levels deep: not walked)
        raise RuleSyntaxError("too-deep", f"规则嵌套过深（最多{MAX_DEPTH}层）", text, 0)
    return node


@functools.cache
def _actions() -> tuple[dict[Any, dict[str, tuple[bool, Any]]], Any]:
    """lark's LALR table with each reduction as (size, rule name, our reduction: transform.reductions)
    instead of the grammar rule, and the end state (once per process)."""
    conf = _lark().parse_interactive("").parser_state.parse_conf
    reduce = reductions(_lark().rules)
    states = {  # names as str: lark's rule names are Tokens, whose == is Python
        state: {
            str(name): (True, arg) if action is Shift else (False, (len(arg.expansion), str(arg.origin.name), reduce[arg]))
            for name, (action, arg) in actions.items()
        }
        for state, actions in conf.states.items()
    }
    return states, conf.end_state


_new_str = str.__new__


class _Slow(Exception):
    """The fast lexer met a place no terminal of the state matches (or a lexer callback): lark's lexer reports it."""


def _fast_tokens(parser: ParserState[Any], text: str) -> Iterator[Token]:
    """lark's contextual lexer (``ContextualLexer.lex``, ``BasicLexer.next_token``) where every token matches: the
    scanner of the parser's state, tokens with their positions (all the reductions and errors read; lines are not
    counted, a rule is one line to the errors, which report positions). Where no terminal matches, ``_Slow``: the
    text is lexed again by lark, whose error (UnexpectedCharacters, or the token another state would take) it
    reports. A third of the lexer's time went to line counting and lark's per-token calls."""
    lexers = parser.lexer.lexer.lexers  # type: ignore[attr-defined]  # LexerThread → ContextualLexer
    stack = parser.state_stack
    pos, end = 0, len(text)
    while pos < end:
        lx = lexers[stack[-1]]
        by = lx._by_char
        if by is None:
            by = lx.start()
            if by is None:
                raise _Slow
        ch = text[pos]
        for name, rx in by[ch] if ch in by else lx.candidates(ch):
            m = rx.match(text, pos)
            if m is not None:
                kind = name
                break
        else:
            raise _Slow
        value = m.group(0)
        stop = pos + len(value)
        if kind not in lx.ignore_types:
            # Token(kind, value, pos, 1, pos + 1, 1, stop + 1, stop), as lark's Token._future_new makes it, without
            # the keyword handling of its __new__ (a fifth of the fast lexer's time)
            t = _new_str(Token, value)
            t.type, t.start_pos, t.value, t.end_pos = kind, pos, value, stop
            t.line, t.column, t.end_line, t.end_column = 1, pos + 1, 1, stop + 1
            yield t
        pos = stop


def _lalr(parser: ParserState[Any], run: Reductions, fast: bool = False) -> Any:
    """lark's LALR loop (ParserState.feed_token, lark.parsers.lalr_parser_state), calling our reductions
    (the phrases: transform.Reductions) where lark calls its parse tree builder. Tokens come from lark's
    contextual lexer, which reads the parser's state; errors are lark's UnexpectedInput."""
    states, end_state = _actions()
    stack, values = parser.state_stack, parser.value_stack
    # one loop over the tokens and the $END after them (a call per token cost 2% of a cold parse)
    tokens = _fast_tokens(parser, parser.lexer.state.text.text) if fast else parser.lexer.lex(parser)  # type: ignore[no-untyped-call,union-attr]
    for token in _with_end(tokens):
        while True:
            try:
                shift, arg = states[stack[-1]][token.type]
            except KeyError:
                expected = {s for s in states[stack[-1]] if s.isupper()}
                raise UnexpectedToken(token, expected, state=parser, interactive_parser=None) from None  # type: ignore[no-untyped-call]
            if shift:
                stack.append(arg)
                values.append(token)
                if len(stack) > MAX_NESTING:
                    run.too_deep()
                break
            size, name, reduce = arg
            if size:
                children = values[-size:]
                del stack[-size:]
                del values[-size:]
            else:
                children = []
            values.append(reduce(run, children))
            stack.append(states[stack[-1]][name][1])
            if stack[-1] == end_state and token.type == "$END":
                return values[-1]
    raise AssertionError("$END accepted nothing")  # lark's tables accept at $END or raise UnexpectedToken


def _with_end(tokens: Iterator[Token]) -> Iterator[Token]:
    """The lexer's tokens, then $END at the last one's position."""
    token = None
    for token in tokens:
        yield token
    yield Token.new_borrow_pos("$END", "", token) if token else Token("$END", "", 0, 1, 1)


def _error_in_original(e: RuleSyntaxError, reading: Normalized) -> RuleSyntaxError:
    """The error with its caret on the characters of the text as given."""
    start, end = reading.span_to_original((e.pos, e.pos + max(e.length, 1)))
    return RuleSyntaxError(e.code, e.message, reading.original, start, length=max(end - start, 1),
                           expected=e.expected, hint=e.hint)  # fmt: skip


_LEAVES = (str, int, Decimal, enum.Enum)  # node fields that hold no span


def _in_original(obj: Any, reading: Normalized) -> Any:
    """``obj`` with every node span mapped back to the text as given, ``source`` the text as
    given and ``normalized`` the changes; unchanged parts are shared, not copied."""
    if isinstance(obj, tuple):
        items = tuple(_in_original(o, reading) for o in obj)
        return obj if all(a is b for a, b in zip(items, obj, strict=True)) else items
    if obj is None or isinstance(obj, _LEAVES) or not attrs.has(type(obj)):
        return obj
    changed: dict[str, Any] = {}
    for f in attrs.fields(type(obj)):
        name = f.name
        value = getattr(obj, name)
        new: Any
        if name == "span":
            new = value if value is None or reading.starts is None else reading.span_to_original(value)
            if new == value:
                new = value
        elif name == "source":
            new = reading.original if value == reading.text else value
        elif name == "normalized":
            new = reading.changes
        else:
            new = _in_original(value, reading)
        if new is not value:
            changed[name] = new
    return attrs.evolve(obj, **changed) if changed else obj
