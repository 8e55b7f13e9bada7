"""Span accounting: every number and scoring phrase of an accepted text lies inside a phrase a node
reads. ``SpanReader`` marks what is read and refuses the text when something is left over."""

from __future__ import annotations

import re
from typing import Any

from ..errors import RuleSyntaxError
from .lexicon import words
from .phrases import PText, Span

# ------------------------------------------------------------------ span accounting
#
# Every number, percent sign and scoring phrase of an accepted text lies inside a phrase that
# a node reads. The assembler marks the spans of the phrases it uses; whatever is left over
# (a number inside a label, a clause with a scoring phrase the grammar did not read) is a
# RuleSyntaxError with the caret on it, never free text.

#: What a node must read: numbers, percent signs and scoring phrases (得5分, 扣分, 满分, 为止 …). 得分 right before a
#: number is a score's name in a subject (检查得分95分以上: a value on a 分 scale, semantics §108), its number read there.
_SIGNIFICANT = re.compile(
    r"[0-9０-９]+(?:[.．][0-9０-９]+)?|[%％]"
    r"|不得分|满分|为止"
    r"|(?<![取获值核评合均总际收])得(?!分\s*[0-9０-９])[^，；。,;：:\s得扣]{0,3}?分(?![析类配别项批期])"
    r"|扣[^，；。,;：:\s得扣]{0,3}?分(?![析类配别项批期])"
    r"|(?<![增参追附施])加[^，；。,;：:\s得扣]{0,3}?分(?![析类配别项批期])"
    r"|(?<![缩削])减[^，；。,;：:\s得扣]{0,3}?分(?![析类配别项批期])"
    r"|(?<![统会设审估合总预核])[计记][^，；。,;：:\s得扣]{0,2}?分(?![析类配别项批期])"
)
#: Where numbers are names, not quantities: quoted titles, the restatement's （注：…） remarks, and a
#: year naming a period (纳入2018年度…考核: the year of the 年度 the text is about, no quantity)
_EXEMPT = re.compile(
    r"(?:扣分|评分|计分|得分)(?:标准|原因|细则|办法|说明)|《[^《》]*》|“[^“”]*”|\"[^\"]*\"|[（(]注[：:][^（()）]*[)）]"
    r"|(?<![0-9.])(?:19|20)[0-9]{2}年度"
    # PM2.5年均浓度 (semantics §141): a pollutant's name holding a figure, a word of the lexicon (CN_WORD), no quantity
    + "".join(f"|{re.escape(w)}(?![0-9.])" for w in words("CN_WORD") if any(ch.isdigit() for ch in w))
)


def _unread(text: str, read: bytearray) -> re.Match[str] | None:
    """The first significant piece of ``text`` not inside a read span, or None."""
    covered = bytearray(read)  # read, or exempt: one mask, searched for a character neither covers
    for m in _EXEMPT.finditer(text):
        covered[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    for m in _SIGNIFICANT.finditer(text):
        if covered.find(0, m.start(), m.end()) != -1:
            return m
    return None


class SpanReader:
    """Marks the spans of the phrases a node reads, and raises positioned RuleSyntaxErrors."""

    def __init__(self, text: str) -> None:
        self.text = text
        # characters inside a phrase that a node reads (span accounting)
        self.read = bytearray(len(text))

    def use(self, *parts: Any) -> None:
        """Mark the phrases (or spans) a node reads."""
        for p in parts:
            span = p if isinstance(p, tuple) and len(p) == 2 and isinstance(p[0], int) else getattr(p, "span", None)
            if span is None:
                continue
            start, end = span
            if end > start:
                self.read[start:end] = b"\x01" * (end - start)
            if isinstance(p, PText):
                # free text (a label, a subject, a remark in brackets) reads words, never the numbers
                # or scoring phrases inside it: (含10万) or (2分×4项) in a subject is not read
                for m in _SIGNIFICANT.finditer(self.text, start, end):
                    self.read[m.start() : m.end()] = b"\x00" * (m.end() - m.start())

    def account(self) -> None:
        """Refuse the text when a number or scoring phrase was not read by any node."""
        m = _unread(self.text, self.read)
        if m is None:
            return
        piece = m.group()
        if piece[0].isdigit() or piece[0] in "０１２３４５６７８９%％":
            what = "百分号" if piece in "%％" else "数字"
            raise self.error(
                "unread-number", f"{what}“{piece}”没有被任何条款读到", m.span(),
                expected=("条件（如“≥90%”）", "步长（如“每5%”）", "分值（如“得2分”）"),
                hint="这个数字在条件或说明文字中，规则没有读懂它的含义；请改写成“条件＋得/扣几分”的形式",
            )  # fmt: skip
        raise self.error(
            "unread-clause", f"“{piece}”这一评分表述没有读懂", m.span(),
            expected=("得N分", "扣N分", "不得分", "扣完为止"),
            hint="这一子句的得分或扣分写法无法识别，规则不会猜测它的含义；请改写成“条件＋得/扣几分”",
        )  # fmt: skip

    def error(
        self, code: str, message: str, span: Span, expected: tuple[str, ...] = (), hint: str = ""
    ) -> RuleSyntaxError:
        return RuleSyntaxError(code, message, self.text, span[0], length=max(1, span[1] - span[0]),
                               expected=expected, hint=hint)  # fmt: skip
