"""The parser facade: builds the Lark parser once, parses rule text, and turns every lark
error into a RuleSyntaxError. The only module besides transform.py that imports lark."""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any

from lark import Lark, Token, UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

from ..errors import RuleSyntaxError
from .nodes import Node
from .transform import build

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


def _grammar_text() -> str:
    """The grammar: shipped inside the package, or read from the source tree's grammar/."""
    try:
        return resources.files("scoring").joinpath("grammar/scoring.lark").read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError, NotADirectoryError):
        from pathlib import Path

        return (Path(__file__).resolve().parent.parent.parent / "grammar" / "scoring.lark").read_text(encoding="utf-8")


@functools.cache
def _lark() -> Lark:
    return Lark(_grammar_text(), parser="lalr", lexer="contextual", propagate_positions=True, maybe_placeholders=False)


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
        return RuleSyntaxError("unexpected-token", f"这里不应出现“{tok}”", text, pos, length=max(1, len(tok)),
                               expected=_expected(e.expected), hint=_hint(text, pos))  # fmt: skip
    if isinstance(e, UnexpectedCharacters):
        pos = e.pos_in_stream or 0
        return RuleSyntaxError("unexpected-character", f"无法识别的字符“{text[pos:pos + 1]}”", text, pos,
                               expected=_expected(e.allowed), hint=_hint(text, pos))  # fmt: skip
    return RuleSyntaxError("syntax", "无法解析", text, getattr(e, "pos_in_stream", 0) or 0)


def parse(text: str) -> Node:
    """Parse rule text into a Rule or Composite. Raises RuleSyntaxError, never a lark error."""
    if not isinstance(text, str):
        raise TypeError(f"rule text must be str, not {type(text).__name__}")
    if not text.strip():
        raise RuleSyntaxError("empty", "规则为空", text, 0, expected=("评分规则",))
    try:
        tree = _lark().parse(text)
    except UnexpectedInput as e:
        raise _convert(e, text) from None
    except RecursionError:
        raise RuleSyntaxError("too-deep", "规则嵌套过深", text, 0) from None
    return build(tree, text)
