"""Grammar rules → phrase objects (``_Phrases``: numbers become Decimal here), called by the parser as
it reduces each rule (``Reductions``: no parse tree is built), then the assembler (``assembler.py``)
builds the nodes. With parser.py, the only module that imports lark.

The assembler accepts exactly the clause shapes of the grammar (condition → award, condition →
zero/veto, step → deduction, …) and raises RuleSyntaxError, with the position of the phrase it could
not place, for anything else. Every reading it has to choose is written into the node
(``stated=False`` fields, TargetMet conditions). Modules, each importing only those above it:
``phrases`` (phrase objects, lexicon word lists) → ``accounting`` (span accounting) → ``shapes``
(shared small readings) → ``clauses`` (condition, deduction, list and cap readers) → ``checks``
(whole-rule refusals: crossing bands, a lost dash, a 按比例 condition that leaves values) → ``assembler``
(clauses → Rule/Composite) → ``transform`` (lark tree → phrases; ``build``).

Why ``_Phrases`` is over 300 lines (issue 15): it has one method per grammar rule it turns into a
phrase (as a lark Transformer would), and the grammar has that many; each method is a few lines.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import Any

import attrs
from lark import Token, Tree
from lark.exceptions import VisitError
from lark.grammar import Rule as GrammarRule
from lark.grammar import Terminal

from ..errors import RuleSyntaxError
from ..text.numbers import arabic, chinese_numeral, split_unit
from .assembler import _Assembler
from .grades import grade_words
from .lexicon import words
from .nodes import (
    Abs,
    BinOp,
    ByHand,
    Expr,
    Formula,
    FullMarks,
    Node,
    Num,
    Op,
    Outcome,
    Points,
    Quantity,
    ShareOfWeight,
    Var,
    Zero,
)
from .phrases import (
    _OPS,
    Lead,
    PBareOp,
    PBounded,
    PCmp,
    PGraded,
    PMark,
    PQty,
    PRange,
    PScoreRange,
    PStep,
    PText,
    PWord,
    Span,
    TBreakdown,
    TCap,
    TDeduct,
    TFlag,
    TList,
    TOutcome,
    _is_lead,
)
from .shapes import formula_vars, is_weight_name

_DELAY_OVER = words("delay_over")
_SHORT_WORDS = words("shortfall")  # 低于5-10个百分点: a range of the shortfall (semantics §20, §122)
_EXCESS_BAND_WORDS = words("excess_band")  # 超出5%-10%: a range of the excess (semantics §82, §122)
_BRACKET_LIMIT = re.compile(r"[（(]\s*(?P<n>[0-9]+(?:\.[0-9]+)?)\s*(?P<u>[^\s)）]+)\s*[)）]")
_TIME_UNITS = words("time_unit")
#: （%） after a name of a formula: its unit, a rate (semantics §96)
_UNIT_MARK = re.compile(r"\s*[（(]\s*[%％]\s*[)）]\s*$")
#: （百分制） after a name of a formula: a score out of 100 (semantics §129)
_HUNDRED_MARK = re.compile(r"\s*[（(]\s*百分制\s*[)）]\s*$")
#: a date and the word making it a deadline, right before a （含） inside words (2024年9月30日前（含）完成)
_BRACKET_DEADLINE = re.compile(
    r"[（(]\s*(?P<y>[0-9]{4}\s*年)?\s*(?P<m>[0-9]{1,2}\s*月)\s*(?P<d>[0-9]{1,2}\s*[日号])?"
)
_DATED_BY = re.compile(r"[0-9]\s*[年月日号]\s*(?:底|末)?\s*(?:以前|之前|前)\s*$")
#: words naming a level then 以上/以下, right before a （含） inside words (较大以上（含）, 市级及以上（含）, “满意”以上（含）):
#: the mark restates what 以上 says, the words read as 较大及以上 do (semantics §117); not after a number or %
_LEVEL_THEN_MARK = re.compile(r"(?<=[\u3400-\u9fff”’\"'》])以[上下]$")
#: the same with the mark before 以上/以下 (市级（含）以上): the words before it end with a character of a word
_LEVEL_BEFORE_MARK = re.compile(r"[\u3400-\u9fff”’\"'》]$")
_MARK_THEN_LEVEL = re.compile(r"^以[上下]")


def _tok_span(tok: Token) -> Span:
    return (tok.start_pos or 0, tok.end_pos or 0)


class _Phrases:
    """Grammar rules → phrase objects (numbers become Decimal here): the method named after a rule (or
    its alias) is called with the rule's ``meta`` (its span: ``self._span(meta)``) and its children (tokens
    and the phrases of its sub-rules), as a lark Transformer with ``v_args(meta=True)`` would; the
    parser calls them while it reduces (``Reductions``), so no parse tree is built."""

    def __init__(self, source: str) -> None:
        self.source = source
        #: the Num nodes of percent literals (100% is Num(1), as 1 is): 得分=…×100% is a percentage
        self.percent_literals: set[int] = set()
        #: formula operators read (BinOp, Abs): only they nest a node without bound, so only a text with some
        #: has its node's depth walked (parser.parse; the assembler's own formulas are of fixed depth)
        self.operators = 0

    def _span(self, meta: Any) -> Span:
        if getattr(meta, "empty", True):
            return (0, 0)
        return (meta.start_pos, meta.end_pos)

    # numbers and quantities
    def number(self, meta: Any, ch: list[Token]) -> Decimal:
        tok = ch[0]
        try:
            if tok.type == "CN_NUMBER":
                return chinese_numeral(str(tok))
            return arabic(str(tok))
        except ValueError:
            raise RuleSyntaxError(
                "bad-number", "无法识别的数字", self.source, tok.start_pos or 0,
                length=len(tok), expected=("数字",),
            ) from None  # fmt: skip

    def unit(self, meta: Any, ch: list[Token]) -> str:
        return "/".join(str(t) for t in ch if t.type == "UNIT")  # 微克／立方米 is 微克/立方米

    def quantity(self, meta: Any, ch: list[Any]) -> PQty:
        value: Decimal = ch[0]
        unit = ch[1] if len(ch) > 1 else ""
        mult, base = split_unit(unit)
        return PQty(Quantity(value * mult, base), self._span(meta), multiplier=mult)

    def percent(self, meta: Any, ch: list[Any]) -> PQty:
        return PQty(Quantity(ch[0], "%"), self._span(meta))

    def pp(self, meta: Any, ch: list[Any]) -> PQty:
        # 一个百分点: a percent read as percentage points (the deduction records basis=POINTS)
        return PQty(Quantity(ch[0], "%"), self._span(meta), pp=True)

    def clock(self, meta: Any, ch: list[Token]) -> PQty:
        # 9：00 / 17:30: a time of day, in minutes after midnight (unit 时刻); only a requirement reads it
        hours, minutes = re.split("[:：]", str(ch[0]))
        return PQty(Quantity(Decimal(int(hours) * 60 + int(minutes)), "时刻"), self._span(meta))

    def score_quantity(self, meta: Any, ch: list[Any]) -> PQty:
        return PQty(Quantity(ch[0], "分"), self._span(meta), points_scale=True)

    def score_range(self, meta: Any, ch: list[Any]) -> PScoreRange:
        low = next(c for c in ch if isinstance(c, PQty))
        high = next(c for c in ch if isinstance(c, Decimal))
        if low.q.unit:
            raise RuleSyntaxError(
                "score-range-unit", "分值区间中的数不应带单位", self.source, low.span[0],
                length=max(1, self._span(meta)[1] - low.span[0]), expected=("8-9分",),
            )  # fmt: skip
        lo, hi = sorted((low.q.value, high))  # 5-3分: written high to low, the same range
        return PScoreRange(lo, hi, self._span(meta))

    def incl(self, meta: Any, ch: list[Token]) -> bool | PMark:
        tok = ch[0]
        if tok.type != "INCLUSIVE_RESTATED":
            return tok.type == "INCLUSIVE"
        # (含95%) / (含 10万): the mark restates the number; the quantity it follows must be that number
        m = re.search(r"(不?)(?:含|包括|包含)\s*([0-9.]+)\s*([^\s)）]*)", str(tok))
        assert m is not None
        mult, base = split_unit(m.group(3).replace("％", "%"))
        return PMark(not m.group(1), Quantity(arabic(m.group(2)) * mult, base), _tok_span(tok))

    def _mark(self, q: PQty, mark: Any) -> bool | None:
        """The inclusive mark after ``q``: a restated number must be the number it follows."""
        if not isinstance(mark, PMark):
            return mark if isinstance(mark, bool) else None
        same_unit = mark.q.unit in ("", q.q.unit) or (q.q.unit == "" and mark.q.unit != "%")
        if mark.q.value != q.q.value or not same_unit:
            raise RuleSyntaxError(
                "restated-mark", "括号中重述的数与它前面的数不同", self.source, mark.span[0],
                length=mark.span[1] - mark.span[0], expected=(f"（含{q.q.value.normalize():f}{q.q.unit}）", "（含）"),
                hint="“（含…）”应重复前面的数，如“95%（含95%）”；两数不同时规则不猜测哪一个是对的",
            )  # fmt: skip
        return mark.inclusive

    def marked_quantity(self, meta: Any, ch: list[Any]) -> PQty:
        # 95%(含95%)不扣分: a number marked included, with no comparison word; read as the number
        # (reaching it, stated=False, as 合规率100%得满分). Marked excluded, it says nothing: refused
        q: PQty = ch[0]
        if not self._mark(q, ch[1]):
            raise RuleSyntaxError(
                "mark-without-comparison", "“（不含）”前面没有比较词，无法确定区间", self.source, q.span[0],
                length=max(1, self._span(meta)[1] - q.span[0]), expected=("以上", "以下", "-"),
                hint="写明比较，如“95%（不含）以上”",
            )  # fmt: skip
        return PQty(q.q, self._span(meta), q.points_scale, q.pp, inclusive_mark=True)

    def text(self, meta: Any, ch: list[Token]) -> PText:
        for i, tok in enumerate(ch):
            if tok.type == "EXCLUSIVE":
                # 较大以下（不含）安全事故: below 较大 and not 较大 itself, which is no word of the text (一般? 较小?);
                # a level's words with 以上/以下 read as words (§117), and （不含） would make them other words
                raise RuleSyntaxError("unexpected-token", f"这里不应出现“{tok}”", self.source, tok.start_pos or 0,
                                      length=max(1, len(tok)), expected=("90%（不含）以上", "较大及以上", "一般"),
                                      hint="“（不含）”写在数字之后；文字所说的等级不含本级时，请直接写出所指的等级，如“一般安全事故”")  # fmt: skip
            if tok.type != "INCLUSIVE":
                continue
            before = "".join(str(t) for t in ch[:i])
            after = "".join(str(t) for t in ch[i + 1 :])
            # 2024年9月30日前（含）完成 (semantics §88): the mark says the deadline's own day is on time, as a
            # deadline is read. 较大以上（含）安全事故 / 市级（含）以上 (semantics §117): the level and above, the words
            # 较大及以上 say, read as those words are. After anything else it is read by nothing
            if not (
                _DATED_BY.search(self.source[: tok.start_pos or 0])
                or _LEVEL_THEN_MARK.search(before)
                or (_LEVEL_BEFORE_MARK.search(before) and _MARK_THEN_LEVEL.match(after))
            ):
                raise RuleSyntaxError("unexpected-token", f"这里不应出现“{tok}”", self.source, tok.start_pos or 0,
                                      length=max(1, len(tok)), expected=("90%（含）以上", "2024年9月30日前（含）", "较大以上（含）"),
                                      hint="（含）写在数字、期限或“以上/以下”之后")  # fmt: skip
        return PText("".join(str(t) for t in ch), self._span(meta))

    def name(self, meta: Any, ch: list[Token]) -> str:
        return "".join(str(t) for t in ch)

    def of_target(self, meta: Any, ch: list[Token]) -> PWord:
        return PWord("of_target", str(ch[0]), self._span(meta))

    def deviation(self, meta: Any, ch: list[Token]) -> PWord:
        return PWord("deviation", str(ch[0]), self._span(meta))

    def plus_minus(self, meta: Any, ch: list[Token]) -> PWord:
        return PWord("deviation", str(ch[0]), self._span(meta))

    def exception(self, meta: Any, ch: list[Token]) -> PWord:
        return PWord("exception", str(ch[0]), self._span(meta))

    # comparisons
    def prefix_cmp(self, meta: Any, ch: list[Any]) -> PCmp:
        op_tok: Token = ch[0]
        rest = ch[1:]
        of_target = False
        if rest and isinstance(rest[0], PWord):
            of_target = True
            rest = rest[1:]
        q: PQty = rest[0]
        mark: bool | None = None
        suffix: Op | None = None
        marks = [self._mark(q, c) for c in rest[1:] if isinstance(c, (bool, PMark))]
        if len(set(marks)) > 1:  # 达到90%（不含）以上（含90%）: both marks, and they disagree
            raise RuleSyntaxError("restated-mark", "同一个数既标“含”又标“不含”", self.source, q.span[0],
                                  length=self._span(meta)[1] - q.span[0], expected=("（含）", "（不含）"))  # fmt: skip
        if marks:
            mark = marks[0]
        for extra in rest[1:]:
            if isinstance(extra, Token):
                suffix = _OPS[extra.type]
        return PCmp(_OPS[op_tok.type], q.q, self._span(meta), of_target, mark, suffix)

    def marked_cmp(self, meta: Any, ch: list[Any]) -> PCmp:
        # 低于(含)90% / 高于(不含)80%: the mark between the word and its number
        op_tok: Token = ch[0]
        q: PQty = ch[2]
        if isinstance(ch[1], PMark):
            raise RuleSyntaxError("restated-mark", "括号中的数应写在它重述的数之后", self.source, ch[1].span[0],
                                  length=ch[1].span[1] - ch[1].span[0], expected=("（含）",))  # fmt: skip
        return PCmp(_OPS[op_tok.type], q.q, self._span(meta), False, ch[1], None)

    def suffix_cmp(self, meta: Any, ch: list[Any]) -> PCmp:
        # 90%(含)以上 / 10万元以上(含10万): the mark before or after the word; both must agree
        q: PQty = ch[0]
        marks = [self._mark(q, c) for c in ch[1:] if isinstance(c, (bool, PMark))]
        if len(set(marks)) > 1:
            raise RuleSyntaxError("restated-mark", "同一个数既标“含”又标“不含”", self.source, q.span[0],
                                  length=self._span(meta)[1] - q.span[0], expected=("（含）", "（不含）"))  # fmt: skip
        mark = marks[0] if marks else None
        op_tok: Token = next(c for c in ch[1:] if isinstance(c, Token))
        return PCmp(_OPS[op_tok.type], q.q, self._span(meta), False, mark, None)

    def bracket_cmp(self, meta: Any, ch: list[Any]) -> PCmp:
        # 在规定时限（10个工作日）内: the brackets hold the limit the words name; 10个工作日内 as written without them
        tok: Token = ch[0]
        m = _BRACKET_LIMIT.fullmatch(str(tok))
        assert m is not None  # the terminal's own shape
        start = (tok.start_pos or 0) + m.start("n")
        q = PQty(Quantity(arabic(m["n"]), m["u"]), (start, (tok.start_pos or 0) + m.end("u")))
        if len(ch) == 1:
            # 按规定时限（10个工作日）办结 (§158): 按 keeps the limit the bracket states, at most it (the terminal
            # takes no bracket closed by 内/以上/以下 here, and only after 按 and a time-limit word)
            return PCmp(Op.LE, q.q, self._span(meta), False, None, None)
        return self.suffix_cmp(meta, [q, ch[1]])

    def bracket_deadline(self, meta: Any, ch: list[Token]) -> list[PQty]:
        # 汛前（5月31日前）储备到位: the bracket restates the deadline word before it with its date (§116); the date's
        # numbers stand in the lead as written without the brackets (the deadline reader reads the 前 after them)
        tok = ch[0]
        m = _BRACKET_DEADLINE.match(str(tok))
        assert m is not None  # the terminal's own shape
        base = tok.start_pos or 0
        units = (("y", "年"), ("m", "月"), ("d", "日"))
        return [
            PQty(Quantity(Decimal(m[g][:-1].strip()), unit), (base + m.start(g), base + m.end(g)))
            for g, unit in units if m[g] is not None
        ]  # fmt: skip

    def range(self, meta: Any, ch: list[Any]) -> PRange:
        # ±30%-±35%(含)以内: the second ± and a trailing 以内 restate what the first ± and the range say
        items = [c for c in ch if not isinstance(c, Token)]
        low: PQty = items[0]
        i = 1
        low_mark = None
        if isinstance(items[i], (bool, PMark)):
            low_mark = self._mark(low, items[i])
            i += 1
        high: PQty = items[i]
        high_mark = self._mark(high, items[i + 1]) if len(items) > i + 1 else None
        lq, hq = low.q, high.q
        # 90-100%: the unit written once applies to both ends, its 万/亿 too where the bare number is the
        # smaller (3.3-3.5亿斤 is 3.3亿 to 3.5亿; 500-1万元 is 500元 to 1万元)
        if lq.unit == "" and hq.unit:
            mult = high.multiplier if lq.value <= hq.value / high.multiplier else Decimal(1)
            lq = Quantity(lq.value * mult, hq.unit)
        if lq.unit == hq.unit and lq.value > hq.value:
            # 99%-90%的得27分: a range written high to low is the same range (domain point 16)
            lq, hq, low_mark, high_mark = hq, lq, high_mark, low_mark
        return PRange(lq, hq, self._span(meta), low_mark, high_mark)

    def op_range(self, meta: Any, ch: list[Any]) -> list[Any]:
        """达80%-90%的 / 达到目标值60%（含）-80%的: 达/达到 before a range reaches into it, which the range says
        already: the range (after 目标值 a range of the completion ratio, as 目标值60%-80%). Another comparison
        word before a range (≥80%-90%, 低于80%-90%) says something the range contradicts: refused."""
        op_tok: Token = ch[0]
        rest = ch[1:]
        word = rest[0] if rest and isinstance(rest[0], PWord) else None
        if (
            op_tok.type == "GT" and word is None and str(op_tok) in _DELAY_OVER
            and [q.q.unit in _TIME_UNITS for q in rest if isinstance(q, PQty)][-1:] == [True]
            and all(q.q.unit in ("", *_TIME_UNITS) for q in rest if isinstance(q, PQty))
        ):  # fmt: skip
            # 超过1-3个月的扣3分: an excess word before a range of a duration names a delay (§94): the word
            # stays words (the band's subject), the range the band
            inner = self.range(meta, rest)
            first = next(q for q in rest if isinstance(q, PQty))
            return [PBareOp(Op.GT, (op_tok.start_pos or 0, op_tok.end_pos or 0), False, str(op_tok)),
                    PRange(inner.low, inner.high, (first.span[0], inner.span[1]), inner.low_mark, inner.high_mark)]  # fmt: skip
        qs = [q for q in rest if isinstance(q, PQty)]
        percent = bool(qs) and qs[-1].q.unit == "%" and all(q.q.unit in ("", "%") for q in qs)
        shortfall = op_tok.type == "LT" and qs[-1].pp and any(w in str(op_tok) for w in _SHORT_WORDS) if qs else False
        if percent and (
            (word is None and op_tok.type == "GT" and str(op_tok) in _EXCESS_BAND_WORDS and not qs[-1].pp)
            or shortfall
        ):
            # 超出5%-10%的得2分 / 低于5-10个百分点的扣3分 (semantics §122): an excess or shortfall word before a range of
            # the excess in % or of the shortfall in 个百分点 says what the range measures, as 超支5%-10% (§82) and
            # 低10至20个百分点 (§20) do: the word stays the band's word, the range the band. 低于目标值5至10个百分点
            # (semantics §135): the target named between them is what the shortfall counts from, as in
            # 低于目标值5个百分点以内; it stays a word of the band
            body = rest[1:] if word is not None else rest
            inner = self.range(meta, body)
            first = next(q for q in body if isinstance(q, PQty))
            op = PBareOp(_OPS[op_tok.type], (op_tok.start_pos or 0, op_tok.end_pos or 0), False, str(op_tok))
            band = PRange(inner.low, inner.high, (first.span[0], inner.span[1]), inner.low_mark, inner.high_mark)
            return [op, word, band] if word is not None else [op, band]
        if op_tok.type != "REACH":
            raise RuleSyntaxError(
                "op-before-range", f"比较词“{op_tok}”之后是一个区间，无法确定比较的是哪一端", self.source,
                op_tok.start_pos or 0, length=max(1, self._span(meta)[1] - (op_tok.start_pos or 0)),
                expected=("80%-90%", "达到80%-90%", "≥80%"), hint="区间请直接写“80%-90%”，单侧请写“80%以上”",
            )  # fmt: skip
        body = rest[1:] if word is not None else rest
        inner = self.range(meta, body)
        return [word, inner] if word is not None else [inner]

    def bounded(self, meta: Any, ch: list[Any]) -> PBounded:
        low, op1, mid, op2, high = ch
        lq = low.q
        if lq.unit == "" and high.q.unit:
            lq = Quantity(lq.value, high.q.unit)  # 0≤节约率<5%: the unit written once applies to both ends, as in 0-5%
        return PBounded(lq, _OPS[op1.type], _OPS[op2.type], high.q, isinstance(mid, PWord), self._span(meta))

    def graded(self, meta: Any, ch: list[Any]) -> PGraded:
        # 良（90%-100%）: the band inside the brackets (op_range gives a list), read by clauses.condition (§103)
        inner = tuple(p for c in ch if not isinstance(c, Token) for p in (c if isinstance(c, list) else [c]))
        return PGraded(inner, self._span(meta))

    def bare_op(self, meta: Any, ch: list[Any]) -> PBareOp:
        tok: Token = ch[0]
        op = _OPS[tok.type]
        marks = [c for c in ch[1:] if isinstance(c, Token) and c.type in ("INCLUSIVE", "EXCLUSIVE")]
        targeted = any(isinstance(c, PWord) for c in ch[1:])
        if marks:
            # 达到目标值(含)以上 (semantics §122): the mark after the target says the target itself is in, which
            # 达到 / 不低于 / 不高于 already say; a mark that disagrees with its word (高于目标值(含), 达到目标值(不含))
            # or one with no target before it is read by nothing
            mark = marks[0]
            if not targeted or mark.type == "EXCLUSIVE" or op not in (Op.GE, Op.LE):
                raise RuleSyntaxError("unexpected-token", f"这里不应出现“{mark}”", self.source, mark.start_pos or 0,
                                      length=max(1, len(mark)), expected=("达到目标值（含）以上", "90%（含）以上"),
                                      hint="（含）写在数字或“达到目标值”之后，且与比较词一致")  # fmt: skip
        return PBareOp(op, self._span(meta), targeted, str(tok))

    # steps
    def step_down(self, meta: Any, ch: list[Token]) -> tuple[str, str]:
        return ("down", str(ch[0]))

    def step_up(self, meta: Any, ch: list[Token]) -> tuple[str, str]:
        return ("up", str(ch[0]))

    def step_dev(self, meta: Any, ch: list[Token]) -> tuple[str, str]:
        return ("dev", str(ch[0]))

    def _step(self, meta: Any, ch: list[Any], full: bool) -> PStep:
        ch = [c for c in ch if not (isinstance(c, Token) and c.type == "STEP_BY")]  # 按每…: 按 says nothing more
        head = ch[0]
        if isinstance(head, tuple):
            per, word = head
        else:
            per, word = ("full" if full else "每"), str(head)
        words: list[Any] = []
        q: Quantity | None = None
        mark: bool | None = None
        pp = False
        for c in ch[1:]:
            if isinstance(c, PQty):
                q = c.q
                pp = c.pp
            elif isinstance(c, bool):
                mark = c
            else:
                words.append(c)
        return PStep(per, word, tuple(words), q, self._span(meta), mark, pp)

    def step(self, meta: Any, ch: list[Any]) -> PStep:
        return self._step(meta, ch, False)

    def whole_step(self, meta: Any, ch: list[Any]) -> PStep:
        return self._step(meta, ch, True)

    # tails
    def full_marks(self, meta: Any, ch: list[Any]) -> TOutcome:
        # 不扣分 / 可不扣分 / 不予扣分: nothing deducted, full marks (§23), or an exception to the deductions (§105)
        tok = next((c for c in ch if isinstance(c, Token) and c.type in ("FULL", "WAIVE")), None)
        waive = tok is not None and (tok.type == "WAIVE" or str(tok) == "不扣分")
        return TOutcome(FullMarks(), self._span(meta), waive=waive, permissive=tok is not None and tok.type == "WAIVE")

    def points(self, meta: Any, ch: list[Any]) -> TOutcome:
        value = next(c for c in ch if isinstance(c, Decimal))
        bare = not any(isinstance(c, Token) and c.type in ("AWARD", "LPAR", "BASE_POINTS", "AWARD_AS") for c in ch)
        return TOutcome(Points(value), self._span(meta), bare=bare)

    def half(self, meta: Any, ch: list[Any]) -> TOutcome:
        return TOutcome(ShareOfWeight(Decimal(50)), self._span(meta))

    def points_range(self, meta: Any, ch: list[Any]) -> TOutcome:
        # 得8-9分 / (5-3分): a band that awards a range of points, a hand score within it (domain point 22)
        lo, hi = sorted(c for c in ch if isinstance(c, Decimal))
        return TOutcome(ByHand(lo, hi), self._span(meta))

    def share_range(self, meta: Any, ch: list[Any]) -> TOutcome:
        # 得60%-80%分值 / 得0-60%分值: a range of shares of the weight, a hand score within (domain point 22)
        lo, hi = sorted(c for c in ch if isinstance(c, Decimal))
        return TOutcome(ByHand(lo, hi, share=True), self._span(meta))

    def share(self, meta: Any, ch: list[Any]) -> TOutcome:
        return TOutcome(ShareOfWeight(ch[1]), self._span(meta))

    def zero(self, meta: Any, ch: list[Token]) -> TOutcome:
        system = ch[0].type == "VETO_SYSTEM"
        return TOutcome(Zero(), self._span(meta), veto=ch[0].type == "VETO" or system, bare=str(ch[0]) == "0分",
                        system=system)  # fmt: skip

    def deduct_points(self, meta: Any, ch: list[Any]) -> TDeduct:
        per_unit = ""
        for c in ch:
            if isinstance(c, str) and not isinstance(c, Token):
                per_unit = c
        return TDeduct(ch[1], self._span(meta), per_unit, below_zero=ch[0].type == "DEDUCT_BELOW")

    def bonus_points(self, meta: Any, ch: list[Any]) -> TDeduct:
        per_unit = next((c for c in ch if isinstance(c, str) and not isinstance(c, Token)), "")
        return TDeduct(ch[1], self._span(meta), per_unit, bonus=True)

    def respective(self, meta: Any, ch: list[Any]) -> TList:
        verb: Token = ch[0] if ch[0].type == "GIVE_IN_TURN" else ch[1]
        kind = {"AWARD": "award", "DEDUCT": "deduct", "BONUS": "bonus", "GIVE_IN_TURN": "award"}[verb.type]
        return TList(kind, tuple(c for c in ch if isinstance(c, Decimal)), self._span(meta))

    def bonus_cap(self, meta: Any, ch: list[Any]) -> TCap:
        return TCap(next(c for c in ch if isinstance(c, Decimal)), self._span(meta), "bonus")

    def any_cap(self, meta: Any, ch: list[Any]) -> TCap:
        return TCap(next(c for c in ch if isinstance(c, Decimal)), self._span(meta), "any")

    def bonus_cap_base(self, meta: Any, ch: list[Any]) -> TCap:
        return TCap(Decimal(0), self._span(meta), "base")

    def bonus_highest(self, meta: Any, ch: list[Any]) -> TCap:
        return TCap(Decimal(0), self._span(meta), "highest")  # 就高计分 (semantics §126)

    def per_unit(self, meta: Any, ch: list[Token]) -> str:
        return str(ch[1])

    def deduct_range(self, meta: Any, ch: list[Any]) -> TDeduct:
        return TDeduct(ch[1], self._span(meta), range_high=ch[3], below_zero=ch[0].type == "DEDUCT_BELOW")

    def deduct_announce(self, meta: Any, ch: list[Any]) -> TFlag:
        return TFlag("announce", "扣分", self._span(meta))

    def deduct_formula(self, meta: Any, ch: list[Any]) -> TDeduct:
        return TDeduct(ch[2], self._span(meta), below_zero=ch[0].type == "DEDUCT_BELOW")

    def deduct_share(self, meta: Any, ch: list[Any]) -> TDeduct:
        # 扣满意度分值的10% / 扣除指标分值的10%: the share of the weight named, as 扣（满意度分值×10%）分
        word = str(ch[0])
        name = word[1:].removeprefix("除").removeprefix("减").removesuffix("的")
        return TDeduct(BinOp("*", Var(name), Num(ch[1] / 100)), self._span(meta))

    def cap(self, meta: Any, ch: list[Any]) -> TCap:
        return TCap(next(c for c in ch if isinstance(c, Decimal)), self._span(meta))

    def cap_share(self, meta: Any, ch: list[Any]) -> TCap:
        # 扣分不超过本项分值的50%: a cap as a share of the weight (semantics §84), in percent
        return TCap(next(c for c in ch if isinstance(c, Decimal)), self._span(meta), "share")

    def step_close(self, meta: Any, ch: list[Token]) -> TFlag:
        return TFlag("step_close", str(ch[0]), self._span(meta))

    def until(self, meta: Any, ch: list[Token]) -> TFlag:
        return TFlag("until", str(ch[0]), self._span(meta))

    def proportional(self, meta: Any, ch: list[Token]) -> TFlag:
        return TFlag("proportional", str(ch[0]), self._span(meta))

    def interpolate(self, meta: Any, ch: list[Token]) -> TFlag:
        return TFlag("interpolate", str(ch[0]), self._span(meta))

    def below_zero(self, meta: Any, ch: list[Token]) -> TFlag:
        return TFlag("below_zero", str(ch[0]), self._span(meta))

    def step_rounding(self, meta: Any, ch: list[Token]) -> TFlag:
        return TFlag("ceil", str(ch[0]), self._span(meta))

    def evidence(self, meta: Any, ch: list[Token]) -> TFlag:
        return TFlag("evidence", str(ch[0]), self._span(meta))

    def rank_basis(self, meta: Any, ch: list[Token]) -> TFlag:
        return TFlag("rank_basis", str(ch[0]), self._span(meta))

    def each_item(self, meta: Any, ch: list[Any]) -> TFlag:
        return TFlag("each_item", str(ch[0]), self._span(meta))

    def weight_stated(self, meta: Any, ch: list[Any]) -> TFlag:
        return TFlag("weight", str(ch[0]), self._span(meta))

    def breakdown(self, meta: Any, ch: list[Any]) -> TBreakdown:
        # (2分×4项,即…): LPAR each POINTS TIMES count UNIT [BREAKDOWN_NAMES] RPAR
        each, count = (c for c in ch if isinstance(c, Decimal))
        unit = next(str(c) for c in ch if isinstance(c, Token) and c.type == "UNIT")
        names = next((str(c) for c in ch if isinstance(c, Token) and c.type == "BREAKDOWN_NAMES"), "")
        return TBreakdown(each, count, unit, names, self._span(meta))

    def per_item(self, meta: Any, ch: list[Token]) -> TFlag:
        return TFlag("per_item", str(ch[0]), self._span(meta))

    def ceiling(self, meta: Any, ch: list[Token]) -> TFlag:
        return TFlag("ceiling", str(ch[0]), self._span(meta))

    def definition(self, meta: Any, ch: list[Any]) -> TFlag:
        return TFlag("definition", str(ch[0]), self._span(meta), ch[1])

    def sample(self, meta: Any, ch: list[Token]) -> TFlag:
        # (抽10份孕期档案或入户核实): the sample's size and unit, the bound of the count after it (§145)
        return TFlag("sample", str(ch[0]), self._span(meta))

    def discretion(self, meta: Any, ch: list[Token]) -> TFlag:
        return TFlag("discretion", str(ch[0]), self._span(meta))

    def formula(self, meta: Any, ch: list[Any]) -> TOutcome:
        # 得分=expr / 按 expr 计分 (the words around it say nothing more) / expr alone (预算执行率×分值)
        expr = next(c for c in ch if not isinstance(c, Token))
        if isinstance(expr, Var) and isinstance(ch[0], Token) and ch[0].type == "FORMULA_BY":
            # 按照…的比例计分 with no operator read (a name alone between 按 and 计分): what the score is a multiple of is
            # not written; it once scored the name's value as the points (0.75 for 150 of 200 on a weight of 10)
            start, end = self._span(meta)
            raise RuleSyntaxError(
                "formula-lone-name", f"“按…计分”之间只有一个名称（{expr.name}），没有写出怎样由它算出得分",
                self.source, start, length=end - start, expected=("按实际完成值/目标值×分值计分",),
                hint="写出公式，如“得分=实际完成值/目标值×分值”，或写“按实际完成X占计划X的比例计分”",
            )  # fmt: skip
        if self._percentage(expr):
            start, end = self._span(meta)
            raise RuleSyntaxError(
                "formula-percentage", "这个得分公式算出的是百分比（乘以100%），不是分数：公式中没有分值，规则没有写明百分比换算成几分",
                self.source, start, length=end - start, expected=("得分=…×分值",),
                hint="写明分值，如“得分=实际完成值/计划完成值×分值”",
            )  # fmt: skip
        return TOutcome(Formula(expr), self._span(meta))

    def _percentage(self, expr: Expr) -> bool:
        """得分=（实际完成值/计划完成值）×100% (sixth probe L09): ×100% outermost and no weight in the formula,
        so the result is a percentage, not points (it scored 0.8 at 80 of 100). 100% is a factor of the top
        product (100%×实际值/目标值 too), not a divisor (实际值÷100%×5 is points)."""
        if any(is_weight_name(n) for n in formula_vars(expr)):
            return False
        factors: list[Expr] = []
        stack = [expr]
        while stack:
            e = stack.pop()
            if isinstance(e, BinOp) and e.op in "*/":
                stack.extend((e.left, e.right) if e.op == "*" else (e.left,))
            else:
                factors.append(e)
        return len(factors) > 1 and any(
            isinstance(f, Num) and f.value == 1 and id(f) in self.percent_literals for f in factors
        )

    def bracket_formula(self, meta: Any, ch: list[Any]) -> TOutcome:
        # 系统管理率达到目标值(抽查的系统管理率/85%*10计算得分): the bracket says how the clause before it is scored (§145)
        out = self.formula(meta, [c for c in ch if not (isinstance(c, Token) and c.type in ("FORMULA_LPAR", "RPAR"))])
        return attrs.evolve(out, bracketed=True)

    def rate_formula(self, meta: Any, ch: list[Any]) -> TOutcome:
        # 按完成率计分: the rate scales the weight, as 按完成率×分值计分 says it (semantics §78)
        return TOutcome(Formula(BinOp("*", Var(ch[1]), Var("分值"))), self._span(meta))

    # formula expressions
    def _bin(self, op: str, ch: list[Any]) -> BinOp:
        self.operators += 1
        return BinOp(op, ch[0], ch[2])

    def add(self, meta: Any, ch: list[Any]) -> BinOp:
        return self._bin("+", ch)

    def sub(self, meta: Any, ch: list[Any]) -> BinOp:
        return self._bin("-", ch)

    def mul(self, meta: Any, ch: list[Any]) -> BinOp:
        return self._bin("*", ch)

    def div(self, meta: Any, ch: list[Any]) -> BinOp:
        return self._bin("/", ch)

    def ratio(self, meta: Any, ch: list[Any]) -> BinOp:
        # 实际完成值与目标值之比 / 的比值: a quotient written in words (semantics §96)
        self.operators += 1
        return BinOp("/", Var(str(ch[0])), Var(str(ch[2])))

    def percent_literal(self, meta: Any, ch: list[Any]) -> Num:
        num = Num(ch[0] / 100)
        self.percent_literals.add(id(num))
        return num

    def number_literal(self, meta: Any, ch: list[Any]) -> Num:
        return Num(ch[0])

    def variable(self, meta: Any, ch: list[Any]) -> Var:
        # 满意度（%）×本项分值: the unit in brackets says the name is a rate, as the name alone is read (§12, §96)
        # 满意度调查结果（百分制）: the mark stays with the name, which a ÷100 then reads as written (§129)
        name = _UNIT_MARK.sub("", "".join(str(c) for c in ch))
        return Var(_HUNDRED_MARK.sub("（百分制）", name))

    def abs_value(self, meta: Any, ch: list[Any]) -> Abs:
        self.operators += 1
        return Abs(ch[1])

    def factor(self, meta: Any, ch: list[Any]) -> Expr:
        return ch[1]  # type: ignore[no-any-return]

    # 按（实际完成投资额÷计划投资额）×满分计算得分: brackets inside 按…计分 are brackets too (tenth probe D24: the tree was
    # left in the formula, and evaluating it crashed)
    by_factor = factor

    # structure
    def lead(self, meta: Any, ch: list[Any]) -> Lead:
        # op_range gives its phrases as a list (目标值 and the range): they stand in the lead one by one
        return tuple(p for c in ch for p in (c if isinstance(c, list) else [c]))

    def context(self, meta: Any, ch: list[Any]) -> tuple[str, list[Any], Span]:
        return ("clause", [ch[0]], self._span(meta))

    def scored(self, meta: Any, ch: list[Any]) -> tuple[str, list[Any], Span]:
        return ("clause", list(ch), self._span(meta))

    def clauses(self, meta: Any, ch: list[Any]) -> list[Any]:
        return _points_first(_score_ranges(_points_after(_cells(_heading_points(ch, self.source))), self.source))

    def item(self, meta: Any, ch: list[Any]) -> tuple[str, int, list[Any], Span, Span]:
        mark: Token = ch[0]
        # ① / 1、 / 1. / (1) / （1） / 1): the number the mark writes
        number = "①②③④⑤⑥⑦⑧⑨⑩".find(str(mark)[0]) + 1 or int(re.sub(r"[^0-9]", "", str(mark)))
        return ("item", number, _points_first(_score_ranges(_points_after(_cells(_heading_points(ch[1:], self.source))), self.source)), self._span(meta), _tok_span(mark))

    def composite(self, meta: Any, ch: list[Any]) -> tuple[str, list[Any], list[Any]]:
        pre: list[Any] = []
        items = []
        for c in ch:
            if isinstance(c, list):
                pre = c
            else:
                items.append(c)
        _, number, _, _, (start, end) = items[0]
        mark = self.source[start:end]
        if number != 1 and re.fullmatch(r"[1-9]\.", mark) and re.match(r"\s+[0-9]", self.source[end:]):
            # 3. 3-3. 5亿斤得4分 (PDF text): a lone 3. where no list starts is a decimal cut by a space as likely as an
            # item's number; read as item ③ it dropped the 3 of 3.3 and scored 3.2亿斤 in the band 3-3.5 (metamorphic test)
            raise RuleSyntaxError(
                "item-or-decimal", f"“{mark}”之后有空格：是第{number}项的编号，还是被空格隔开的小数，无法确定", self.source,
                start, length=len(mark), expected=("1. 2. 3.（从1起编号）", "3.3（小数中间不加空格）"),
                hint="分项请从“1.”起编号；小数请去掉小数点后的空格",
            )  # fmt: skip
        return ("composite", pre, items)

    def start(self, meta: Any, ch: list[Any]) -> Any:
        return ch[0]


def _points_first(parts: list[Any]) -> list[Any]:
    """評分標準: 100分: 資金到位率80%以上的; 60分: 60%~80%的: a table written points first. A clause that
    is bare points (no 得/计) followed by a colon scores the lead-only clauses after the colon, up to
    the next such points; any other colon separates clauses like a comma."""
    out: list[Any] = []
    i = 0
    items = list(parts)
    while i < len(items):
        c = items[i]
        if isinstance(c, Token):
            i += 1
            continue
        nxt = items[i + 1] if i + 1 < len(items) else None
        _, body, span = c
        if (
            isinstance(nxt, Token) and nxt.type == "COLON"
            and len(body) == 1 and isinstance(body[0], TOutcome) and body[0].bare
        ):  # fmt: skip
            leads: list[Any] = []
            end = span
            j = i + 2
            while j < len(items):
                d = items[j]
                if isinstance(d, Token):
                    if d.type == "COLON":
                        break
                    j += 1
                    continue
                if len(d[1]) == 1 and isinstance(d[1][0], tuple) and not isinstance(d[1][0], TOutcome):
                    leads.append(d[1][0])
                    end = d[2]
                    j += 1
                    continue
                break
            if leads:
                lead: tuple[Any, ...] = tuple(p for lead in leads for p in lead)
                out.append(("clause", [lead, body[0]], (span[0], end[1])))
                i = j
                continue
        out.append(c)
        i += 1
    return out


def _per_item(part: Any) -> bool:
    """每完成1项取得该项分数: says how a checklist's items score, no outcome of its own (semantics §67)."""
    return isinstance(part, TFlag) and part.kind == "per_item"


def _points_after(parts: list[Any]) -> list[Any]:
    """合理2分；基本合理1分；不合理0分 / 基本符合 1 分 / 100分: …: points with no verb (得/计) that close a
    clause are the points of the condition before them (the grammar reads them as a value on a 分
    scale, score_quantity, ending the lead). Not where the next clause brings an outcome of its own
    (满意度90分，得满分: 90分 is then a value of 满意度, and the rule is refused as unread), nor where
    an outcome follows in the same clause (满意度90分得满分)."""
    out = list(parts)
    clauses = [i for i, c in enumerate(out) if not isinstance(c, Token)]
    for k, i in enumerate(clauses):
        _, body, span = out[i]
        if not body or not _is_lead(body[-1]):
            continue
        lead = body[-1]
        last = lead[-1] if lead else None
        if isinstance(last, PScoreRange):
            nxt = out[clauses[k + 1]] if k + 1 < len(clauses) else None
            if nxt is not None and nxt[1] and not _is_lead(nxt[1][0]):
                continue  # 满意度80-90分，得5分: a range of values on a 分 scale (_score_ranges)
            # 良好8-9分: a range of points closing the condition, a hand score within it
            rest = [lead[:-1]] if len(lead) > 1 else []
            out[i] = ("clause", [*body[:-1], *rest, TOutcome(ByHand(last.low, last.high), last.span, bare=True)], span)
            continue
        if not (isinstance(last, PQty) and last.points_scale):
            continue
        if any(isinstance(p, PQty) and p.points_scale for p in lead[:-1]):
            continue
        if _restates_target(lead[:-1]):
            continue  # 满意度目标值为90分: the target on a 分 scale, not 90 points (a line the rule must read, or refuse)
        nxt = out[clauses[k + 1]] if k + 1 < len(clauses) else None
        if nxt is not None and nxt[1] and not _is_lead(nxt[1][0]) and not _per_item(nxt[1][0]):
            continue  # the next clause is an outcome alone: 满意度90分，得满分 (每完成1项取得该项分数 scores nothing)
        outcome = TOutcome(Points(last.q.value), last.span, bare=True)
        rest = [lead[:-1]] if len(lead) > 1 else []
        out[i] = ("clause", [*body[:-1], *rest, outcome], span)
    return out


def _restates_target(lead: Sequence[Any]) -> bool:
    """目标值为 / 指标值是 right before a value: the words say what the target is (满意度目标值为90分)."""
    return (len(lead) >= 2 and isinstance(lead[-1], PText) and lead[-1].text.rstrip("：:") in ("为", "是")
            and isinstance(lead[-2], PWord) and lead[-2].kind == "of_target")  # fmt: skip


def _cells(parts: list[Any]) -> list[Any]:
    """超额完成计划任务>100% | 5-3 | 完成计划任务100% | 3 | …: a table row written in cells, each condition's
    cell followed by its points. A cell that is a bare number or range (no unit, no words) right after a
    cell that is a condition alone is that condition's points: 3 → 3分, 5-3 → a hand score within 3-5
    (domain point 22), 0 → 不得分. Cells of conditions alone (300天以上 | 250天以上 | …) state no points."""
    if not any(isinstance(c, Token) and c.type == "CELL" for c in parts):
        return parts
    out = list(parts)
    for i in range(2, len(out)):
        c, border, before = out[i], out[i - 1], out[i - 2]
        if isinstance(c, Token) or isinstance(before, Token) or not (isinstance(border, Token) and border.type == "CELL"):
            continue
        body, cond = c[1], before[1]
        if len(body) != 1 or not _is_lead(body[0]) or len(body[0]) != 1 or len(cond) != 1 or not _is_lead(cond[0]):
            continue
        p = body[0][0]
        outcome: Outcome
        if isinstance(p, PQty) and not p.q.unit and not p.points_scale and p.inclusive_mark is None:
            outcome = Zero() if p.q.value == 0 else Points(p.q.value)
        elif isinstance(p, PRange) and not p.low.unit and not p.high.unit and p.low_mark is None and p.high_mark is None:
            outcome = ByHand(p.low.value, p.high.value)
        else:
            continue
        out[i] = ("clause", [TOutcome(outcome, p.span, bare=True)], c[2])
    return out


def _heading_points(parts: list[Any], source: str) -> list[Any]:
    """资金到位率（5分）：到位率100%得满分… / ①制度建设（2分）：建立制度得2分: points in brackets closing a
    clause that a colon ends are the heading's, the weight of what follows (Rule.stated_weight, an item's
    points), not an award for the words before them."""
    if not any(isinstance(c, Token) and c.type == "COLON" for c in parts):
        return parts
    out = list(parts)
    graded: list[tuple[int, Any]] = []  # (where, a clause of a grade's points) to insert after the grade's words
    for i, c in enumerate(out[:-1]):
        nxt = out[i + 1]
        if isinstance(c, Token) or not (isinstance(nxt, Token) and nxt.type == "COLON"):
            continue
        body = c[1]
        last = body[-1] if body else None
        if (
            len(body) == 2 and _is_lead(body[0]) and isinstance(last, TOutcome) and isinstance(last.outcome, Points)
            and source[last.span[0]] in "(（"
        ):  # fmt: skip
            earned = _graded_heading(out, i, body[0])
            if earned is not None:
                # 优秀（10分）：各项指标全部完成；良好（8分）：基本完成: a grade's points, the words after the colon
                # what earns it (semantics §108), read as 优秀：各项指标全部完成，得10分
                out[i] = ("clause", [body[0]], (c[2][0], last.span[0]))
                points = last if last.outcome.value else attrs.evolve(last, outcome=Zero())  # 差（0分）: 不得分
                graded.append((earned, ("clause", [points], last.span)))
                continue
            out[i] = ("clause", [body[0], TFlag("weight", "（分）", last.span)], c[2])
    for at, points in reversed(graded):
        out.insert(at, points)
    return out


def _graded_heading(out: list[Any], i: int, lead: Any) -> int | None:
    """Where the words that earn the grade at ``out[i]`` end (the index after them), when the heading is a grade
    word alone (优秀, 良好) and its colon is followed by one or more clauses of words with no outcome, up to the
    next grade's heading (良好（8分）：…) or the end; None otherwise (资金到位率（5分）：…: a heading)."""
    if len(lead) != 1 or not isinstance(lead[0], PText) or lead[0].text not in grade_words():
        return None
    k = i + 2
    while k < len(out) and not isinstance(out[k], Token):
        nxt = out[k + 1] if k + 1 < len(out) else None
        if k > i + 2 and isinstance(nxt, Token) and nxt.type == "COLON":
            return k  # the next grade's heading
        if not out[k][1] or not all(_is_lead(p) for p in out[k][1]):
            return None  # words with an outcome of their own: not what earns the grade
        k += 1
    if k == i + 2 or (k < len(out) and out[k].type == "COLON"):
        return None
    return k

def _score_ranges(parts: list[Any], source: str) -> list[Any]:
    """满意度80-90分，得5分 / 考核得分80-89分得8分: a range of points that an outcome follows (in its clause or
    the next) is a range of values on a 分 scale, as 80分以上 is a value on it (semantics §51, §73): read as a
    range of 分 values. (A range closing a condition with no outcome after it, 良好8-9分, was read as a hand
    score by _points_after.)"""
    if "分" not in source or not any(ch in source for ch in "-—－～~至–"):
        return parts  # no range of points written anywhere
    out = list(parts)
    clauses = [i for i, c in enumerate(out) if not isinstance(c, Token)]
    for k, i in enumerate(clauses):
        c = out[i]
        if not any(_is_lead(part) and any(isinstance(p, PScoreRange) for p in part) for part in c[1]):
            continue
        nxt = out[clauses[k + 1]][1] if k + 1 < len(clauses) else []
        for j, part in enumerate(c[1]):
            for n, p in enumerate(part if _is_lead(part) else ()):
                if isinstance(p, PScoreRange):
                    after = [*part[n + 1 :], *c[1][j + 1 :], *nxt][:1]
                    _score_range_band(p, part[n + 1 :], after, [*c[1][j + 1 :], *nxt][:1], source)
        body = [
            tuple(PRange(Quantity(p.low, "分"), Quantity(p.high, "分"), p.span) if isinstance(p, PScoreRange) else p for p in part)
            if _is_lead(part) else part
            for part in c[1]
        ]  # fmt: skip
        out[i] = (c[0], body, c[2])
    return out


def _score_range_band(
    p: PScoreRange, rest: tuple[Any, ...], after: list[Any], follow: list[Any], source: str
) -> None:
    """Refuse a range of points that is not a band's range of 分 values: words after it in the condition
    (在0-5分之间评定), or a hand score after it (0-5分酌情评分): the points of the range are then likely
    the points awarded, which the text does not say. 为 and a grade word after it, then points (80-89分为良，得7分;
    ``follow``: what comes after the range's clause part), name the band: a band on a score (semantics §119)."""
    words = "".join(q.text for q in rest if isinstance(q, PText))
    hand = bool(after) and (
        (isinstance(after[0], TOutcome) and isinstance(after[0].outcome, ByHand))
        or (isinstance(after[0], TFlag) and after[0].kind == "discretion")
    )
    grade = words.removeprefix("为") if words.startswith("为") else words.strip("（()）") if words[:1] in "（(" else ""
    named = grade in grade_words() and len(rest) == 1 and bool(follow)
    if named:
        # 80-89分为良，得7分: the band on a score named by its grade, the points after it (semantics §119)
        o = follow[0]
        named = isinstance(o, TOutcome) and not isinstance(o.outcome, ByHand)
    if (words and words != "的" and not named) or len(rest) > (1 if words else 0) or hand:
        raise RuleSyntaxError(
            "points-range-as-value", "分值区间之后又写了文字或酌情评分，无法确定它是分值还是分数段", source,
            p.span[0], length=p.span[1] - p.span[0], expected=("良好8-9分", "考核得分80-89分得8分"),
            hint="在分值区间内评分请写成“得0-5分”；分数段请写成“80-89分得8分”",
        )  # fmt: skip


# ---------------------------------------------------------------- the phrases, applied while parsing
#
# The LALR parser (parser.py, on lark's parse table) calls one function per reduction; ours call the
# _Phrases method of the rule at once, so no parse tree is built and walked again. They keep what lark's tree
# builder and a ``v_args(meta=True)`` Transformer would give the method (the parse tree itself is still
# there for debugging: parser.parse_tree):
# - its children: the rule's tokens and the phrases of its sub-rules, without the tokens the grammar
#   filters out (``_SEP``, anonymous strings), the children of an inlined ``_rule`` in its place;
# - its ``meta``: the span from the first to the last character of the rule's children in the text,
#   filtered tokens and inlined rules included (what ``propagate_positions=True`` computes);
# - a ``?rule`` with one child is that child (its span is that of the whole ``?rule``);
# - a rule with no method is a lark Tree of its children (lark's Transformer.__default__);
# - a stack deeper than MAX_NESTING: RecursionError (too-deep), raised like an exception in a method;
# - an exception in a method: the first one is raised once the whole text has parsed, so that a
#   syntax error after it is still the error the text gets (it was found first when the tree was
#   transformed after parsing), and no method is called after it; an exception other than a
#   RuleSyntaxError is wrapped in lark's VisitError, as the Transformer did.


class _Node:
    """One reduction's result on the parser's stack: its span (this is the ``meta`` of the phrase
    method: ``start_pos``, ``end_pos``, ``empty``) and its value (the phrase, or the children of an
    inlined rule)."""

    __slots__ = ("end_pos", "start_pos", "value")
    empty = False

    def __init__(self, start_pos: int, end_pos: int, value: Any = None) -> None:
        self.start_pos = start_pos
        self.end_pos = end_pos
        self.value = value


_Reduce = Callable[["Reductions", list[Any]], Any]

#: the deepest the parser's stack may grow (real rules: 15): a text nested deeper (（（（…完成率）…）)
#: is refused as too-deep, as a walk of its parse tree would have recursed without bound (the parser
#: calls Reductions.too_deep)
MAX_NESTING = 64


def _reduction(name: str, method: Any, keep: tuple[tuple[int, bool], ...], size: int, single: bool, inline: bool) -> _Reduce:
    """The reduction of one grammar rule (``keep``: the index of each child it keeps and whether that
    child is an inlined ``_rule`` to expand; ``single``: a ``?rule`` that is its one child)."""
    whole = len(keep) == size and not any(expand for _, expand in keep)
    grows = inline and keep[:1] == ((0, True),)  # a+ (left recursive): the first child's list grows

    def reduce(run: Reductions, s: list[Any]) -> Any:
        ch: list[Any]
        if whole:
            ch = [c.value if type(c) is _Node else c for c in s]
        else:
            ch = []
            for i, expand in keep:
                c = s[i]
                if expand:
                    if ch:
                        ch += c.value
                    else:
                        ch = c.value  # left recursion (a+): extend the list in place, as lark does
                else:
                    ch.append(c.value if type(c) is _Node else c)
        if grows:  # the first child (consumed) becomes the node
            node = s[0]
            node.end_pos, node.value = s[-1].end_pos, ch
            return node
        node = _Node(s[0].start_pos, s[-1].end_pos)  # every child has a span (no rule matches no text)
        if inline:
            node.value = ch
        elif single and len(ch) == 1:
            # a token stays itself (its own span); a phrase takes the span of the whole ?rule
            c = s[keep[0][0]] if len(keep) == 1 and not keep[0][1] else ch[0]
            if isinstance(c, Token):
                return c
            node.value = ch[0]
        elif method is None:
            tree: Tree[Any] = Tree(name, ch)
            tree.meta.empty, tree.meta.start_pos, tree.meta.end_pos = False, node.start_pos, node.end_pos
            node.value = tree
        elif run.error is None:
            try:
                node.value = method(run.phrases, node, ch)
            except Exception as e:  # raised after the parse (Reductions.result)
                run.error, run.error_rule = e, name
        return node

    return reduce


def reductions(rules: Iterable[GrammarRule]) -> dict[GrammarRule, _Reduce]:
    """The reduction of every rule of the grammar (once per process: see Reductions)."""
    table: dict[GrammarRule, _Reduce] = {}
    for rule in rules:
        name = str(rule.alias or rule.options.template_source or rule.origin.name)
        inline = rule.origin.name.startswith("_")
        single = bool(rule.options.expand1) and not rule.alias
        if inline and single:
            raise NotImplementedError(f"grammar rule {name}: an inlined rule (_rule) cannot also be ?rule")
        if not rule.expansion:  # lark would give it an empty meta, which the spans of its parents skip
            raise NotImplementedError(f"grammar rule {name}: an alternative that matches no text")
        keep = tuple(
            (i, not sym.is_term and sym.name.startswith("_"))
            for i, sym in enumerate(rule.expansion)
            if rule.options.keep_all_tokens or not (isinstance(sym, Terminal) and sym.filter_out)
        )
        method = None if inline or name.startswith("_") else getattr(_Phrases, name, None)
        table[rule] = _reduction(name, method if callable(method) else None, keep, len(rule.expansion), single, inline)
    return table


class Reductions:
    """One text's reading while the parser reduces: its _Phrases, the first error, and the parser's
    stack (MAX_NESTING). Each reduction (``reductions``) is called with it and the rule's children."""

    __slots__ = ("error", "error_rule", "phrases")

    def __init__(self, source: str) -> None:
        self.phrases = _Phrases(source)
        self.error: Exception | None = None
        self.error_rule = ""

    def too_deep(self) -> None:
        if self.error is None:
            self.error = RecursionError(f"nested deeper than {MAX_NESTING}")

    def result(self, top: Any) -> Any:
        """The phrases of the whole text (what the parser returned), or the first error of a phrase."""
        if self.error is not None:
            if isinstance(self.error, (RuleSyntaxError, RecursionError)):
                raise self.error
            raise VisitError(self.error_rule, None, self.error)  # type: ignore[no-untyped-call]
        return top.value if type(top) is _Node else top


def build(phrases: Any, text: str) -> Node:
    """Turn the phrases of a text of ``grammar/scoring.lark`` (Reductions.result) into a Rule or Composite."""
    return _Assembler(text).build(phrases)
