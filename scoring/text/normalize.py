"""Text as printed → the canonical text the grammar reads, with an offset map back.

Rules reach the project through PDFs, OCR and web pages (docs: domain point 21). Before the
grammar, :func:`normalize` reads what is unambiguous and records every change, so that a
reader can be told (``Normalized.describe()``) and every error caret and node span can be
mapped back onto the text as given (``Normalized.to_original``, ``span_to_original``).

The steps, in this order; each is a function from the text to the edits it makes, and all
feed one offset map:

1. ``width`` / ``compat``: fullwidth forms the grammar does not take (０-９, Ａ-Ｚ, ＞＜＝, ．)
   → ASCII; Kangxi radicals and CJK compatibility ideographs (⼀, from PDF text) → 一. The
   fullwidth punctuation the grammar reads as it is (，；：（）％ …) stays.
2. ``space`` / ``line-break``: 扣完为 止 → 扣完为止, 0. 1分 → 0.1分, 得8  分 → 得8分. A space
   between two numbers (80 90), after 分 before a figure (the grammar's separator: 得3分 4分)
   or beside Latin letters and other punctuation stays; a line break (a clause separator to
   the grammar) is joined only inside a number or between a number and its 分/% (2⏎分).
   ``space-in-number`` (a warning): ≥9 5% → ≥95%, one space between digits after a comparison that
   takes one number, the digits after it closed by % or a unit.
3. ``traditional``: 評分標準 → 评分标准, through OpenCC (t2s). Lengths are kept, so offsets
   stay 1:1; a conversion that would change a length is done character by character.
4. ``cn-numeral``: 扣一分 → 扣1分, 百分之八十五 → 85%, 三十二条 → 32条, 一个半月 → 1.5个月, through cn2an, only
   where the numeral stands as a quantity (before a counter, or before 分 after 扣/得/计…),
   never inside a word (一般, 统一, 一次性, 一票否决, 每三个月). The grammar's CN_NUMBER
   terminal then only meets numerals left as written (一千五, 一两个: not read here).
5. ``ocr-equals`` / ``ocr-times`` / ``ocr-le`` / ``ocr-zero``: 得分二完成率 → 得分=完成率; X, x, *, ＊
   between two operands → ×; W before a number → ≤; O before a decimal point → 0 (扣O.5分, a warning);
   ``ocr-one`` (a warning): a lower-case l read as the figure 1 between a step word and its unit (每低l个百分点);
   ``ocr-dash`` (a warning): 一 between two percentages is a dash, 80％一90％ → 80％-90％.
6. ``leading-zero`` (a warning): 扣025分 → 扣0.25分. No number is written with a leading
   zero, so a lost decimal point is the only reading; it is shown, never applied silently.
   A lost dash (510万 for 5–10万) cannot be told from a number: left for the parser to refuse.
7. ``lost-dash`` (a warning): 80%99% → 80%-99%; ``interval``: [80%,90%) → 80%（含）至90%（不含）, (100%,+∞) → >100%
   (a square bracket or ∞ must be there); ``ordinal-range``: 第4至第6名 → 第4至6名 (the second 第 repeats the first).
8. ``full-stop``: 不得分. → 不得分。: an ASCII full stop not beside a digit, a letter or another dot
   (a decimal point 0.5 and an item number 1. stay).
9. ``stray-bracket``: a closing bracket that ends the text with no opening one before it
   (``…每项各2.5分)``, ``…不计分查看账目)``) is dropped: it encloses nothing the text says.

Normalizing a normalized text changes nothing (the tests hold this as a property).
Word lists live in normalize.toml beside this file.
"""

from __future__ import annotations

import functools
import re
import tomllib
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Collection, Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import attrs

if TYPE_CHECKING:
    import opencc

__all__ = ["WARNING_KINDS", "Change", "Normalized", "describe_changes", "normalize"]

_DATA: dict[str, Any] = tomllib.loads(Path(__file__).with_name("normalize.toml").read_text(encoding="utf-8"))

WARNING_KINDS = frozenset({"leading-zero", "lost-dash", "space-in-number", "ocr-zero", "ocr-one", "ocr-dash"})
"""Kinds of change a reader must be told about: a reading that repairs lost text."""

_LABELS: dict[str, str] = _DATA["describe"]


@attrs.frozen
class Change:
    """One normalization: ``original[start:end]`` (``before``) was read as ``after``."""

    kind: str  # a stable English code: traditional, width, space, ocr-times, cn-numeral, leading-zero …
    start: int  # in the original text
    end: int
    before: str
    after: str

    @property
    def warning(self) -> bool:
        return self.kind in WARNING_KINDS


@attrs.frozen
class Normalized:
    """A text as given, the canonical text read from it, and the way back.

    ``starts[i]``/``ends[i]``: the span of the original text that character ``i`` of ``text``
    was read from (``None``: every position is the same, as when 評 is read as 评 or 一 as 1).
    """

    original: str
    text: str
    changes: tuple[Change, ...] = ()
    starts: tuple[int, ...] | None = attrs.field(default=None, eq=False, repr=False)
    ends: tuple[int, ...] | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def warnings(self) -> tuple[Change, ...]:
        """The changes a reader must be told about (a repaired leading-zero number)."""
        return tuple(c for c in self.changes if c.kind in WARNING_KINDS)

    def to_original(self, pos: int, *, end: bool = False) -> int:
        """A position in ``text`` → the position in ``original``.

        As a start (default), a position maps to where its character begins in the original
        (after any spaces removed before it); with ``end=True``, a span end maps to where the
        character before it ends (before any spaces removed after it).
        """
        n = len(self.text)
        pos = max(0, min(pos, n))
        if self.starts is None or self.ends is None:
            return pos
        if end:
            return self.ends[pos - 1] if pos > 0 else 0
        return self.starts[pos] if pos < n else len(self.original)

    def span_to_original(self, span: tuple[int, int]) -> tuple[int, int]:
        """A span ``(start, end)`` of ``text`` → the span of ``original`` it was read from."""
        start = self.to_original(span[0])
        if span[1] <= span[0]:
            return start, start
        return start, max(start, self.to_original(span[1], end=True))

    def describe(self) -> str:
        """The changes in Chinese, by kind: ``已按简体读作：評分標準 → 评分标准；…``; "" if none."""
        parts: list[str] = []
        for kind, label in _LABELS.items():
            windows = _merge([_window(self.original, c) for c in self.changes if c.kind == kind])
            if windows:
                items = "、".join(f"{_shown(self.original[a:b])} → {_shown(self._text_of(a, b))}" for a, b in windows)
                parts.append(f"{label}：{items}")
        for kind in sorted({c.kind for c in self.changes} - _LABELS.keys()):  # a kind without a label
            parts.append(f"{kind}：" + "、".join(f"{c.before} → {c.after}" for c in self.changes if c.kind == kind))
        return "；".join(parts)

    def _text_of(self, a: int, b: int) -> str:
        """The canonical text read from ``original[a:b]``."""
        if self.starts is None:
            return self.text[a:b]
        return self.text[bisect_left(self.starts, a) : bisect_left(self.starts, b)]


class _Edit(NamedTuple):
    """``text[start:end]`` → ``after``, in the coordinates of a step's input."""

    start: int
    end: int
    after: str
    kind: str


_Step = Callable[[str], list[_Edit]]


def normalize(text: str, *, skip: Collection[tuple[str, int]] = ()) -> Normalized:
    """Read ``text`` as printed into the canonical text the grammar parses (see the module doc).

    ``skip``: changes not to make, each as (kind, start in ``text``): the parser leaves a
    Chinese numeral as written where reading it as figures made the rule unreadable.
    """
    if not isinstance(text, str):
        raise TypeError(f"rule text must be str, not {type(text).__name__}")
    current = text
    starts: list[int] | None = None
    ends: list[int] | None = None
    changes: list[Change] = []
    for step in _STEPS:
        edits = step(current)
        if skip and edits:
            edits = [e for e in edits if (e.kind, _origin(starts, e.start, len(text))) not in skip]
        if not edits:
            continue
        if starts is None or ends is None:
            starts, ends = list(range(len(text))), list(range(1, len(text) + 1))
        current, starts, ends = _apply(current, starts, ends, edits, text, changes)
    if starts is None or ends is None:
        return Normalized(text, text)
    changes.sort(key=lambda c: (c.start, c.end))
    if all(len(c.after) == c.end - c.start for c in changes):  # 評→评, 一→1, ０→0: positions kept
        return Normalized(text, current, tuple(changes))
    return Normalized(text, current, tuple(changes), tuple(starts), tuple(ends))


def describe_changes(original: str, changes: Collection[Change]) -> str:
    """How ``original`` was read, in Chinese (``Normalized.describe``), given the changes a parse kept
    (``Rule.normalized``: the parser may leave a numeral as written, ``skip``); "" if none."""
    if not changes:
        return ""
    full = normalize(original)
    kept = set(changes)
    skip = {(c.kind, c.start) for c in full.changes if c not in kept}
    return (normalize(original, skip=skip) if skip else full).describe()


def _origin(starts: list[int] | None, pos: int, length: int) -> int:
    if starts is None:
        return pos
    return starts[pos] if pos < len(starts) else length


def _apply(
    text: str, starts: list[int], ends: list[int], edits: Sequence[_Edit], original: str, changes: list[Change]
) -> tuple[str, list[int], list[int]]:
    """Apply sorted, disjoint ``edits`` to ``text``, carrying the offset map and recording each change.

    A replacement of equal length keeps the map character by character; any other maps each
    new character to the whole original span it replaces (so a caret on 85% of 百分之八十五
    underlines all six characters).
    """
    out: list[str] = []
    new_starts: list[int] = []
    new_ends: list[int] = []
    pos = 0
    for e in edits:
        out.append(text[pos : e.start])
        new_starts += starts[pos : e.start]
        new_ends += ends[pos : e.start]
        if e.start < e.end:
            o_start, o_end = starts[e.start], ends[e.end - 1]
        else:  # an insertion
            o_start = o_end = starts[e.start] if e.start < len(text) else len(original)
        if len(e.after) == e.end - e.start:
            new_starts += starts[e.start : e.end]
            new_ends += ends[e.start : e.end]
        else:
            new_starts += [o_start] * len(e.after)
            new_ends += [o_end] * len(e.after)
        out.append(e.after)
        changes.append(Change(e.kind, o_start, o_end, original[o_start:o_end], e.after))
        pos = e.end
    out.append(text[pos:])
    new_starts += starts[pos:]
    new_ends += ends[pos:]
    return "".join(out), new_starts, new_ends


# ---------------------------------------------------------------- describe


_STOP = set("，,；;。：:、\n\r\t 　")


def _window(text: str, c: Change) -> tuple[int, int]:
    """The change with up to three characters of context on each side, within its clause."""
    a, b = c.start, c.end
    for _ in range(3):
        if a > 0 and text[a - 1] not in _STOP:
            a -= 1
    for _ in range(3):
        if b < len(text) and text[b] not in _STOP:
            b += 1
    return a, b


def _shown(text: str) -> str:
    return text.replace("\r\n", "⏎").replace("\n", "⏎").replace("\r", "⏎")


def _merge(windows: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(windows):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


# ---------------------------------------------------------------- 1. width and compatibility forms


def _fold_table() -> tuple[dict[str, str], dict[str, str]]:
    """Fullwidth/small forms → ASCII (kind width); radicals, compatibility ideographs → unified (compat)."""
    keep = set(_DATA["width"]["keep"])
    width: dict[str, str] = {}
    compat: dict[str, str] = {}
    for lo, hi in ((0xFF01, 0xFF5E), (0xFF61, 0xFF64), (0xFE50, 0xFE6B)):
        for cp in range(lo, hi + 1):
            ch = chr(cp)
            folded = unicodedata.normalize("NFKC", ch)
            if ch not in keep and len(folded) == 1 and folded != ch:
                width[ch] = folded
    for lo, hi in ((0x2E80, 0x2FDF), (0xF900, 0xFAFF)):
        for cp in range(lo, hi + 1):
            ch = chr(cp)
            folded = unicodedata.normalize("NFKC", ch)
            if len(folded) == 1 and folded != ch and "\u3400" <= folded <= "\u9fff":
                compat[ch] = folded
    return width, compat


_WIDTH, _COMPAT = _fold_table()
#: 〔项〕 → （项）: bracket forms the grammar does not take, read as the round brackets (normalize.toml)
_BRACKET: dict[str, str] = dict(_DATA["brackets"])
# ﹝ (a small form) folds to 〔, which is read as （ in the same pass (so that normalizing is a fixpoint)
_WIDTH = {k: _BRACKET.get(v, v) for k, v in _WIDTH.items()}
_FOLD = str.maketrans({**_WIDTH, **_COMPAT, **_BRACKET})
_FOLDABLE = re.compile(
    "(?P<width>[" + re.escape("".join(_WIDTH)) + "]+)|(?P<compat>[" + re.escape("".join(_COMPAT)) + "]+)"
    "|(?P<bracket>[" + re.escape("".join(_BRACKET)) + "]+)"
)


def _width(text: str) -> list[_Edit]:
    """０-９ → 0-9, ＞ → >, ＝ → =, ． → . ; ⼀ (Kangxi radical) → 一; 〔 → （. Same lengths."""
    return [
        _Edit(m.start(), m.end(), m.group().translate(_FOLD), m.lastgroup or "width") for m in _FOLDABLE.finditer(text)
    ]


# ---------------------------------------------------------------- 2. traditional characters


@functools.cache
def _t2s() -> opencc.OpenCC:
    """OpenCC's t2s converter, made on first use (imports its C library and dictionaries)."""
    import opencc

    return opencc.OpenCC("t2s")


def _convert(text: str) -> str:
    """OpenCC t2s to its fixpoint (its tables hold one chain: 薴 → 苧 → 苎)."""
    cc = _t2s()
    out = str(cc.convert(text))
    for _ in range(3):
        again = str(cc.convert(out))
        if again == out:
            break
        out = again
    return out


def _convert_char(ch: str) -> str:
    try:
        out = _convert(ch)
    except UnicodeError:  # a lone surrogate: OpenCC reads UTF-8 only
        return ch
    return out if len(out) == 1 else ch


def _traditional(text: str) -> list[_Edit]:
    """評分標準 → 评分标准, 扣完為止 → 扣完为止: each run of changed characters, lengths kept."""
    try:
        simplified = _convert(text)
    except UnicodeError:
        simplified = text if text.isascii() else "".join(map(_convert_char, text))
    if simplified == text:
        return []
    if len(simplified) != len(text):  # a phrase of another length: char by char, so offsets stay 1:1
        simplified = "".join(map(_convert_char, text))
    edits: list[_Edit] = []
    i, n = 0, len(text)
    while i < n:
        if text[i] == simplified[i]:
            i += 1
            continue
        j = i + 1
        while j < n and text[j] != simplified[j]:
            j += 1
        edits.append(_Edit(i, j, simplified[i:j], "traditional"))
        i = j
    return edits


# ---------------------------------------------------------------- 3. spaces and line breaks

_WHITESPACE = re.compile("[ \t\u3000\u00a0\r\n]+")
_OPEN = "(（"
_CLOSE = ")）"
_PERCENT = "%％"


def _cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff"


def _digit(ch: str) -> bool:
    return "0" <= ch <= "9"


_ONE_CJK = re.compile("[\u3400-\u9fff]")
_TWO_CJK = re.compile("[\u3400-\u9fff]{2}")


def _letter_spaced(text: str) -> bool:
    """满 意 度 9 0 % 以 上 (a PDF's letter-spaced text): at least four CJK characters and no two
    written side by side; a space between two digits there is the spacing too (9 5% is 95%)."""
    return _TWO_CJK.search(text) is None and len(_ONE_CJK.findall(text)) >= 4


def _joins(text: str, s: int, e: int, *, spaced: bool = False, numbers: frozenset[int] = frozenset()) -> bool:
    """Whether spaces in ``text[s:e]`` are inside a word or a number (PDF text) and can go.

    Kept: between two numbers (80 90; not in a letter-spaced text: 9 5%) and after a percentage before a number (80% 90%), after
    分 before a figure (the grammar's clause separator: 得3分 4分…), beside Latin letters or
    other punctuation.
    """
    left, right = text[s - 1], text[e]
    if _digit(left) and right == ".":
        # 扣 0 . 5 分 (PDF text): the space before a decimal point cut from its digits
        after = e + 1
        while after < len(text) and text[after] in " \t\u3000\u00a0":
            after += 1
        return after < len(text) and _decimal(text, e, text[after])
    if _digit(left):
        if spaced and _digit(right) and e - s == 1:
            return True  # 9 5% in a letter-spaced text (a single space, as between its characters)
        return _cjk(right) or right in _PERCENT or right in _CLOSE or s in numbers
    if left == ".":
        return _decimal(text, s - 1, right)
    if left in _PERCENT:
        return _cjk(right) or right in _CLOSE
    if _cjk(left):
        if _digit(right):
            return left != "分"
        return _cjk(right) or right in _PERCENT or right in _CLOSE
    if left in _OPEN:
        return _cjk(right) or _digit(right)
    return False


#: comparison words and signs that take one number, never a range (a range after them is refused,
#: semantics §73): a space between two digit runs after one is inside that number (normalize.toml)
_ONE_NUMBER_AFTER: tuple[str, ...] = tuple(sorted(_DATA["space"]["one_number_after"], key=len, reverse=True))
#: words after a percentage that make it a one-sided line (满意度9 0%以上, semantics §158; normalize.toml)
_ONE_LINE_BEFORE: tuple[str, ...] = tuple(_DATA["space"]["one_line_before"])
_UNIT_START = _PERCENT + "‰"
_BLANK = " \u3000\u00a0"
_DASH = "-—–～~至"
_POINTS_WORDS = "扣得计记加减赋给"  # 得 1 0 分: the points of an award or a deduction
_DIGIT_RUN = re.compile(r"(?<![0-9.])[0-9]+(?:[ \u3000\u00a0][0-9]+)+")


def _digit_spaced(text: str) -> bool:
    """满意度≥ 9 0 %得满分，8 0 %-9 0 %… (PDF text that spaced the digits of every number): no two digits
    stand side by side anywhere, and a digit is followed by one space and a digit (``_number_spaces`` asks
    for two such numbers)."""
    return re.search("[0-9][0-9]", text) is None and re.search(f"[0-9][{_BLANK}][0-9]", text) is not None


def _downward(run: str) -> bool:
    """9 0 (two digit groups): whether, read as a range with a lost dash, it would run downwards (9-0),
    which no range does, so that a lost dash cannot be meant (semantics §158)."""
    left, right = run.split()
    return int(left) > int(right)


def _number_spaces(text: str) -> frozenset[int]:
    """The spaces inside one number (PDF text, kind ``space-in-number``, a warning): ≥9 5% → ≥95%,
    and in a text that spaced every number's digits (``_digit_spaced``) ≥ 9 0 % → ≥90%, 8 0 %-9 0 % → 80%-90%.

    A run of digits with single spaces between them is one number only where nothing else can be meant:
    its closer is %, ‰ or a CJK unit other than 分 (not a dot, a space or another number), and it stands
    where one number stands. After a comparison that takes one number (≥, 低于 …: a lost dash, 9-5%,
    would be a range after it, which is refused, semantics §73), with one space in the run and the
    closer right after it. In a digit-spaced text, the run may have several spaces and one space before
    its closer, and it also stands as one number beside a range's dash (8 0 %-9 0 %: an end of a range is
    never a range itself) or as the points after 得/扣… closed by 分 (得 1 0 分). Two numbers (80 90,
    80% 90%, 得3分 4分, 达到3 5个: 达到 takes a range, 3-5个) stay apart; so does a run with no such context."""
    runs = list(_DIGIT_RUN.finditer(text))
    spaced = len(runs) >= 2 and _digit_spaced(text)  # two spaced numbers at least: ≥9 5 5% alone stays apart
    out: set[int] = set()
    for m in runs:
        a, b = m.span()
        gaps = [i for i in range(a, b) if text[i] in _BLANK]
        if not spaced and len(gaps) != 1:
            continue
        # one blank before the closer (≥9 8 %: a space a PDF put before the % too, joined as 8 % is)
        j = b + 1 if text[b : b + 1] in tuple(_BLANK) and b + 1 < len(text) else b
        closer = text[j : j + 1]
        if not closer or closer == "." or (closer.isspace()):
            continue
        # in a digit-spaced text the words before may be letter-spaced too (低 于 9 5 %: 低于, semantics §122)
        before = re.sub(f"[{_BLANK}]", "", text[:a]) if spaced else text[:a]
        before = before[:-6] + "".join(map(_convert_char, before[-6:]))  # 低於 is 低于 (OpenCC runs after spaces)
        unit = closer in _UNIT_START or (_cjk(closer) and closer != "分")
        if unit and before.endswith(_ONE_NUMBER_AFTER):
            out.update(gaps)
        elif len(gaps) == 1 and j == b and (closer in _UNIT_START) and _downward(text[a:b]):
            if text[j + 1 :].startswith(_ONE_LINE_BEFORE):
                out.update(gaps)  # 满意度9 0%以上: 9-0% is no range (semantics §158)
        elif spaced and unit and (before[-1:] in tuple(_DASH) or text[j + 1 :].lstrip(_BLANK)[:1] in tuple(_DASH)):
            out.update(gaps)  # 8 0 %-9 0 %: an end of a range
        elif spaced and closer == "分" and before[-1:] and before[-1] in _POINTS_WORDS:
            out.update(gaps)  # 得 1 0 分
    return frozenset(out)


#: scoring words a table cell's wrap may split (扣完⏎为止): normalize.toml ``[line_break] words``
_BREAK_WORDS: tuple[str, ...] = tuple(_DATA["line_break"]["words"])


def _joins_line(text: str, s: int, e: int) -> bool:
    """A line break (a clause separator to the grammar) is joined only inside a number
    (0.⏎5), between a number and its 分 or % (2⏎分), or inside a scoring word (扣完⏎为止: a line
    ending 扣完 says nothing, one starting 为止 begins nothing; normalize.toml ``[line_break]``)."""
    left, right = text[s - 1], text[e]
    if _digit(left):
        return right == "分" or right in _PERCENT
    if _cjk(left) and _cjk(right):
        return _split_word(text, s, e)
    return left == "." and _decimal(text, s - 1, right)


def _split_word(text: str, s: int, e: int) -> bool:
    """Whether the break ``text[s:e]`` falls strictly inside one of the scoring words, read as the later steps
    read it: spaces beside the break gone (扣完⏎为 止) and traditional characters simplified (扣完⏎爲止)."""
    left = "".join(map(_convert_char, re.sub(f"[{_BLANK}\t]", "", text[max(0, s - 8) : s])))
    right = "".join(map(_convert_char, re.sub(f"[{_BLANK}\t]", "", text[e : e + 8])))
    for word in _BREAK_WORDS:
        for cut in range(1, len(word)):
            if left.endswith(word[:cut]) and right.startswith(word[cut:]):
                return True
    return False


#: signs a number follows (width-folded first: ＜ is < here): a comparison, a range's dash
_BEFORE_NUMBER = "≥≤<>=≧≦-—–～~"


def _decimal(text: str, dot: int, right: str) -> bool:
    """Whether ``text[dot]`` is a decimal point cut from its digits (扣0. 1分, 扣2. 5分), not an
    item number's dot (1. 2分以上…): the digits before it are 0, or follow a word (扣, 得…), a comparison sign
    or a range's dash (≥99. 9%, 85%-89. 9%)."""
    if not _digit(right):
        return False
    k = dot
    while k > 0 and text[k - 1] in " \t\u3000\u00a0":
        k -= 1  # 0 . 5: spaces between the digits and the dot
    dot = k
    while k > 0 and _digit(text[k - 1]):
        k -= 1
    if k == dot:
        return False
    if text[k:dot] == "0":
        return True
    while k > 0 and text[k - 1] in " \t\u3000\u00a0":
        k -= 1
    # after a word (扣2. 5分), a comparison sign (≥99. 9%) or a range's dash (85%-89. 9%): a number stands there, never
    # an item mark, which opens the text or follows a separator or a bracket (1. 2分以上…, ；2. 5分…)
    return k > 0 and (_cjk(text[k - 1]) or text[k - 1] in _BEFORE_NUMBER)


def _spaces(text: str) -> list[_Edit]:
    """扣完为 止 → 扣完为止, 0. 1分 → 0.1分, 扣 0 . 5 分 → 扣0.5分, 得8  分 → 得8分, 2⏎分 → 2分."""
    edits: list[_Edit] = []
    if _WHITESPACE.search(text) is None:
        return edits  # (most texts: nothing to join, and the letter-spacing and number scans are skipped)
    n = len(text)
    spaced = _letter_spaced(text)
    numbers = _number_spaces(text)
    for m in _WHITESPACE.finditer(text):
        s, e = m.span()
        if s == 0 or e == n:
            continue
        run = m.group()
        breaks = run.count("\n") + run.count("\r") - run.count("\r\n")
        if breaks == 0:
            if _joins(text, s, e, spaced=spaced, numbers=numbers):
                inside = _digit(text[s - 1]) and _digit(text[e]) and not spaced
                edits.append(_Edit(s, e, "", "space-in-number" if inside else "space"))
        elif breaks == 1 and _joins_line(text, s, e):
            edits.append(_Edit(s, e, "", "line-break"))
    return edits


# ---------------------------------------------------------------- 4. OCR confusions

_NOT_EQUALS = re.escape(_DATA["ocr"]["equals_not_before"])
_OCR_EQUALS = re.compile(rf"(?:(?<=得分)|(?<=得分值))二(?=[0-9(（]|(?![{_NOT_EQUALS}])[\u3400-\u9fff])")
_OCR_TIMES = re.compile(
    r"[0-9%％)）\u3400-\u9fff][ \t]*(?P<sign>[Xx*＊])[ \t]*(?=[0-9(（]|"
    + "|".join(re.escape(w) for w in _DATA["ocr"]["times_before"])
    + ")"
)
_TIMES_SIGN = re.compile("[Xx*＊]")
_OCR_LE = re.compile(r"(?<![A-Za-z0-9])W[ \t]*(?=[0-9])")
# 扣O.5分: the letter O (or o) before a decimal point and a digit, not inside a Latin word or a number
# (No.5 stays), is the figure 0: no word is written O.5 (a warning: the reader must check it)
_OCR_ZERO = re.compile(r"(?<![A-Za-z0-9.\s])[Oo](?=\.[0-9])")


# 每低l个百分点扣l分: the letter l where a figure must stand, after a CJK character or a comparison sign and
# not beside another Latin letter, with digits after it or none, before a counter or 分 after 扣/得 …
_OCR_ONE = re.compile(r"(?<=[\u3400-\u9fff≥≤<>=])l(?P<rest>[0-9]*(?:\.[0-9]+)?)(?![A-Za-z0-9.])")


def _ocr_one(text: str) -> list[_Edit]:
    """每低l个百分点扣l分 → 每低1个百分点扣1分 (kind ``ocr-one``, a warning): a lower-case l read as the figure 1
    only where a quantity stands (before a counter, %, or 分 after 扣/得 …, as a Chinese numeral is read,
    ``_quantity``); no word is written l个 or 扣l分. An upper-case I (Ⅰ类, I级) and an l beside Latin letters
    (ml, lg) stay as written."""
    return [
        _Edit(m.start(), m.start() + 1, "1", "ocr-one")
        for m in _OCR_ONE.finditer(text)
        if _quantity(text, m.end(), text[m.start() - 1])
    ]


# 80％一90％: 一 between two percentages is a dash (a range); a percentage is never followed by the numeral 一
# and then another percentage (not after 每: 每5%一90%… is no range)
_OCR_DASH = re.compile(r"(?<![0-9.每])[0-9]+(?:\.[0-9]+)?[%％](?P<dash>一)(?=[0-9]+(?:\.[0-9]+)?[%％])")


def _ocr(text: str) -> list[_Edit]:
    """得分二完成率 → 得分=完成率; 85%X10 → 85%×10 (between two operands only); W 0 → ≤0."""
    edits: list[_Edit] = []
    if "二" in text:
        edits += [_Edit(m.start(), m.end(), "=", "ocr-equals") for m in _OCR_EQUALS.finditer(text)]
    if _TIMES_SIGN.search(text):
        edits += [_Edit(m.start("sign"), m.end("sign"), "×", "ocr-times") for m in _OCR_TIMES.finditer(text)]
    if "W" in text:
        edits += [_Edit(m.start(), m.end(), "≤", "ocr-le") for m in _OCR_LE.finditer(text)]
    if "O" in text or "o" in text:
        edits += [_Edit(m.start(), m.end(), "0", "ocr-zero") for m in _OCR_ZERO.finditer(text)]
    if "l" in text:
        edits += _ocr_one(text)
    if "一" in text:
        edits += [_Edit(m.start("dash"), m.end("dash"), "-", "ocr-dash") for m in _OCR_DASH.finditer(text)]
    edits.sort()
    return edits


# ---------------------------------------------------------------- 5. Chinese numerals

_NUM = _DATA["numerals"]
_COUNTERS: tuple[str, ...] = tuple(sorted(_NUM["counters"], key=len, reverse=True))
_POINTS_AFTER: str = _NUM["points_after"]
_INCIDENT_AFTER: str = _NUM["incident_after"]
_ONE_NOT_AFTER: str = _NUM["one_not_after"]
_ORDINAL_END: str = _NUM["ordinal_end"]
_RANKED_TOP: tuple[str, ...] = tuple(_NUM["ranked_top"])
_NOT_COUNTERS: tuple[str, ...] = tuple(_NUM["not_counters"])
_WORDS = re.compile("|".join(map(re.escape, _NUM["words"])))

_DIGITS = "零〇一二两三四五六七八九"
_RUN = f"[{_DIGITS}十百千万亿](?:[{_DIGITS}十百千万亿]|点(?=[{_DIGITS}]))*"
_NUMERALS = re.compile(rf"百分之(?P<pct>{_RUN}|[0-9]+(?:\.[0-9]+)?)(?![0-9.])|(?P<num>{_RUN})")
_ANY_NUMERAL = re.compile(f"[{_DIGITS}十百]")
_DIGIT_VALUE = {ch: str(i) for i, ch in enumerate("零一二三四五六七八九")} | {"〇": "0", "两": "2"}


@functools.cache
def _cn2an() -> tuple[Callable[[str, str], Any], Callable[[int], str]]:
    """cn2an, imported on first use (its import takes about 0.1 s)."""
    import cn2an

    return cn2an.cn2an, cn2an.an2cn


def _integer(run: str) -> str | None:
    """一万二千 → 12000, 两百 → 200, 十 → 10; None unless the numeral is written in full (一千五, 十二三 stay)."""
    if all(ch in _DIGITS for ch in run):
        return _DIGIT_VALUE[run] if len(run) == 1 else None  # 一二 (one or two), 三四: not a number
    cn2an, an2cn = _cn2an()
    try:
        value = cn2an(run, "normal")
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    if not isinstance(value, int):
        return None
    written = run.replace("两", "二").replace("〇", "零")
    if written.startswith("一十"):
        written = written[1:]
    return str(value) if an2cn(value) == written else None


def _value(run: str, before_year: bool) -> str | None:
    """The figures of a Chinese numeral: 零点五 → 0.5, 二〇二二 (before 年) → 2022."""
    if before_year and len(run) == 4 and all(ch in _DIGITS for ch in run):
        return "".join(_DIGIT_VALUE[ch] for ch in run)
    whole, _, fraction = run.partition("点")
    if fraction and not all(ch in _DIGITS for ch in fraction):
        return None
    integer = _integer(whole) if whole else None
    if integer is None:
        return None
    return integer + ("." + "".join(_DIGIT_VALUE[ch] for ch in fraction) if fraction else "")


_FIGURE_HALF = re.compile(r"(?<![0-9.])([0-9]+)个半(?=月|小时)")


def _numerals(text: str) -> list[_Edit]:
    """扣一分 → 扣1分, 每低一个百分点 → 每低1个百分点, 百分之八十五 → 85%, 三十二条 → 32条, 一个半月 → 1.5个月."""
    edits: list[_Edit] = []
    if "个半" in text:  # 1个半月 → 1.5个月 (一个半月 below): the half is read, never 1个 and a word 半月
        edits = [_Edit(m.start(), m.end(), m[1] + (".5个" if text.startswith("月", m.end()) else ".5"), "cn-numeral")
                 for m in _FIGURE_HALF.finditer(text)]  # fmt: skip
    if not _ANY_NUMERAL.search(text):
        return edits
    words = [m.span() for m in _WORDS.finditer(text)]
    for m in _NUMERALS.finditer(text):
        if m.group("pct") is not None:
            pct = m.group("pct")
            figure = pct if pct[0].isdigit() else _value(pct, False)
            if figure is not None:
                edits.append(_Edit(m.start(), m.end(), figure + "%", "cn-numeral"))
            continue
        s, e = m.span()
        if text.startswith(("分点", "分之", "分比"), e) and text[e - 1] in "百千":  # 一百分点 … : 百分点
            e -= 1
        if text[e - 1] in "万亿" and e - s > 1:  # 三万人次 → 3万人次: 万 stays a unit
            e -= 1
        run = text[s:e]
        if not any(ch in _DIGITS for ch in run) and not run.startswith("十"):
            continue  # 百分制, 千万, 万元: no digit
        before = text[s - 1] if s else ""
        figure_before = text[:s].rstrip(" \t\u3000\u00a0")[-1:]
        if (figure_before and (_digit(figure_before) or figure_before == ".")) or (e < len(text) and _digit(text[e])):
            continue  # 1万2千, 1. 一: mixed with figures
        if any(a < e and s < b for a, b in words):
            continue
        if run == "一" and before and before in _ONE_NOT_AFTER:
            continue
        if not _quantity(text, e, before) and not _ranked_top(text, s, e) and not _range_start(text, e):
            continue
        figure = _value(run, text.startswith("年", e))
        if figure is not None and text.startswith(("个半月", "个半小时"), e) and "." not in figure:
            # 一个半月 → 1.5个月, 两个半小时 → 2.5小时: the half is read (it was a word, and 一个 a count)
            edits.append(_Edit(s, e + 2, figure + (".5个" if text.startswith("个半月", e) else ".5"), "cn-numeral"))
        elif figure is not None:
            edits.append(_Edit(s, e, figure, "cn-numeral"))
    return edits


_RANGE_TO = "至到-—～~－"
_RUN_AT = re.compile(_RUN)


def _range_start(text: str, e: int) -> bool:
    """二至三次得3分 (thirteenth probe A30): a numeral before 至/到/- whose other end stands as a quantity (三次) is the range's
    first end, read as the second is; it was left as words (二至) and the range read as ≥3次."""
    if e >= len(text) or text[e] not in _RANGE_TO:
        return False
    m = _RUN_AT.match(text, e + 1)
    return m is not None and _quantity(text, m.end(), text[e])


def _ranked_top(text: str, s: int, e: int) -> bool:
    """排名前三的得4分 / 名次前五，…: the best ranks up to it, with no counter (a rank, semantics §97)."""
    return text[:s].endswith(_RANKED_TOP) and (e == len(text) or text[e] in _ORDINAL_END)


def _quantity(text: str, e: int, before: str) -> bool:
    """Whether the numeral ending at ``e`` stands as a quantity: before a counter, or before 分 after 扣/得/计…"""
    if text.startswith(_NOT_COUNTERS, e):
        return False  # 三年级: a school year, not 3年
    if text.startswith("分钟", e):
        return True
    if text.startswith("分", e):
        return bool(before) and before in _POINTS_AFTER and not text.startswith(("分之", "分点", "分比", "分制"), e)
    if text.startswith("起", e):
        return bool(before) and before in _INCIDENT_AFTER
    if before == "第" and (e == len(text) or text[e] in _ORDINAL_END):
        return True  # 第二的得4分: an ordinal with no counter (a rank, semantics §73)
    return text.startswith(_COUNTERS, e)


# ---------------------------------------------------------------- 6. lost decimal points

_LEADING_ZERO = re.compile(r"(?<![0-9.,])0(?P<rest>[0-9]+)(?![0-9.])(?=[ \t]*(?:分|%|％|个百分点|百分点))")


def _leading_zero(text: str) -> list[_Edit]:
    """扣025分 → 扣0.25分: a figure with a leading zero before 分 or % has lost its decimal point."""
    if "0" not in text:
        return []
    return [_Edit(m.start(), m.end(), "0." + m.group("rest"), "leading-zero") for m in _LEADING_ZERO.finditer(text)]


# ---------------------------------------------------------------- 7. lost dashes between two percentages

# 80%99%: two different percentages run together with nothing between them have lost the dash of a range
# (domain point 21: the % signs leave no other reading); not after 每 (每90%90%: a step and a start)
_LOST_DASH = re.compile(r"(?<![0-9.每])(?P<a>[0-9]+(?:\.[0-9]+)?)(?P<pct>[%％])(?P<b>[0-9]+(?:\.[0-9]+)?)[%％]")


def _lost_dash(text: str) -> list[_Edit]:
    """80%99% → 80%-99%, 80％99％ → 80％-99％: a range that lost its dash, read with a warning (the reader must check it)."""
    if "%" not in text and "％" not in text:
        return []
    return [
        _Edit(m.end("a"), m.end("a") + 1, m["pct"] + "-", "lost-dash")
        for m in _LOST_DASH.finditer(text)
        if Decimal(m.group("a")) != Decimal(m.group("b"))
    ]


# [90%,100%] / [80%,90%) / (100%,+∞): a range in interval notation, read as the range with its ends marked (含/不含);
# a square bracket or ∞ must be there (（80%，90%） alone may be a remark listing two numbers)
_INTERVAL = re.compile(
    r"(?P<open>[\[（(【])\s*(?P<a>[0-9]+(?:\.[0-9]+)?\s*[%％]?)\s*[,，]\s*"
    r"(?P<b>[0-9]+(?:\.[0-9]+)?\s*[%％]?|[+＋]?\s*∞)\s*(?P<close>[\]）)】])"
)


def _intervals(text: str) -> list[_Edit]:
    """[80%,90%) → 80%（含）至90%（不含）, (100%,+∞) → >100%: interval notation as the range it writes."""
    if "," not in text and "，" not in text:
        return []
    out = []
    for m in _INTERVAL.finditer(text):
        square = m["open"] in "[【" or m["close"] in "]】"
        infinite = "∞" in m["b"]
        if not (square or infinite):
            continue
        a = m["a"].replace(" ", "")
        low = "（含）" if m["open"] in "[【" else "（不含）"
        if infinite:
            after = ("≥" if m["open"] in "[【" else ">") + a
        else:
            b = m["b"].replace(" ", "")
            high = "（含）" if m["close"] in "]】" else "（不含）"
            after = f"{a}{low}至{b}{high}"
        out.append(_Edit(m.start(), m.end(), after, "interval"))
    return out


# 第4至第6名: the second 第 of a range of ordinals repeats the first (第4至6名); the grammar reads a range of ranks
# after one 第 (semantics §97)
_ORDINAL_AGAIN = re.compile(r"第\s*[0-9]+\s*(?:名|位)?\s*(?:至|到|-|—|～|~)\s*(?P<again>第)(?=\s*[0-9])")


def _ordinal_range(text: str) -> list[_Edit]:
    """第4至第6名 → 第4至6名: the repeated 第 of a range of ordinals dropped."""
    if text.count("第") < 2:
        return []
    return [_Edit(m.start("again"), m.end("again"), "", "ordinal-range") for m in _ORDINAL_AGAIN.finditer(text)]


# ---------------------------------------------------------------- 8. an ASCII full stop

# 不得分. : a half-width full stop that ends a clause is the 。 the grammar separates clauses with; a
# dot beside a digit stays (a decimal point 0.5, an item number 1.), as does one in a run (..) or beside
# Latin letters (e.g.)
# (spaces between: 扣0 . 5分, a PDF's decimal point, stays too)
_FULL_STOP = re.compile(r"(?<![0-9.A-Za-z \t\u3000\u00a0])[ \t\u3000\u00a0]*\.(?![ \t\u3000\u00a0]*[0-9.A-Za-z])")


def _full_stop(text: str) -> list[_Edit]:
    """不得分. → 不得分。: an ASCII full stop not beside a digit, a letter or another dot."""
    if "." not in text:
        return []
    return [_Edit(m.end() - 1, m.end(), "。", "full-stop") for m in _FULL_STOP.finditer(text)]


# ---------------------------------------------------------------- 9. a closing bracket no bracket opened

_OPENERS, _CLOSERS = "（(", "）)"
_TRAILING = set("，,；;。 \t　")


def _stray_bracket(text: str) -> list[_Edit]:
    """…每项各2.5分) → …每项各2.5分: a closing bracket at the end of the text that no bracket opened (PDF
    text lost the opener, or kept a table cell's closer). It encloses nothing the text says, so it is
    dropped and the change shown; a stray closer anywhere else is left for the grammar to refuse."""
    if ")" not in text and "）" not in text:
        return []
    depth = 0
    stray: list[int] = []
    for i, ch in enumerate(text):
        if ch in _OPENERS:
            depth += 1
        elif ch in _CLOSERS:
            if depth:
                depth -= 1
            else:
                stray.append(i)
    return [
        _Edit(i, i + 1, "", "stray-bracket")
        for i in stray
        if all(c in _TRAILING or (c in _CLOSERS and j in stray) for j, c in enumerate(text[i + 1 :], i + 1))
    ]


# Spaces go before OpenCC (its phrases must see the joined words) and numerals before OCR
# (W一个 → W1个 must meet the W rule in the same pass): so the result is a fixpoint.
_STEPS: tuple[_Step, ...] = (
    _width, _spaces, _traditional, _numerals, _ocr, _leading_zero, _lost_dash, _intervals, _ordinal_range, _full_stop,
    _stray_bracket,
)
