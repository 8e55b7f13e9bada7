"""Grades of one thing (semantics §85): a label is a subject and a grade word (政策知晓度 + 高, 效果 +
不明显, 受益对象满意度调查结果为 + “满意”), where the grade word is the longest word of the lexicon's
``[words.grade]`` the label ends with, or the word a label closes in quotes. Labels whose grades are
distinct and whose subjects are one subject, written once or shortened (政策知晓度高 / 较高 / 一般;
促进农民增收效果显著 / 效果一般), are levels of one thing: alternatives, never a checklist (domain
point 17). Pure functions of label texts; which answer names which label is decided in
``scoring.scores.answers`` with the answer lexicon."""

from __future__ import annotations

import functools
import re

from attrs import frozen

from .lexicon import words

#: a closing quote → its opening one
_QUOTES = {"”": "“", "」": "「", "』": "『", "’": "‘", '"': '"'}
#: closing words that are no part of the grade (年度考核为优秀等次: 优秀; 效果显著的: 显著)
_TAILS = ("等次", "等级", "档次", "的", "。", ".", "者")
#: words that change the grade after them: a label 不够及时 is not the grade 及时 of the subject 不够
_MODIFIERS = ("未", "不", "没", "没有", "无", "非", "部分", "基本", "全部", "较", "比较", "较为", "尚", "均",
              "不太", "不够", "很", "非常", "十分", "完全")  # fmt: skip

#: 优秀：各项指标全部完成 / 良好（基本完成）: a grade word, then the words that say what earns it
_DEFINED = re.compile(r"^(?P<g>[^：:（(]{1,5})\s*(?:[：:].+|[（(][^（()）]+[)）])$")


@frozen
class Grade:
    """A label read as its subject and its grade word (较高 → subject '', word 较高)."""

    subject: str
    word: str
    quoted: bool = False


@functools.cache
def _grade_words() -> tuple[str, ...]:
    return tuple(sorted(words("grade"), key=len, reverse=True))


@functools.cache
def grade_words() -> frozenset[str]:
    """The grade words of the lexicon."""
    return frozenset(words("grade"))


def bare(text: str) -> str:
    """A label or an answer without what closes it and is no part of the grade (的, 等次, a full stop)."""
    t = text.strip()
    while True:
        for tail in _TAILS:
            if t.endswith(tail) and len(t) > len(tail):
                t = t[: -len(tail)].rstrip()
                break
        else:
            return t


def unquoted(text: str) -> str:
    """“满意” → 满意: a word in one pair of quotes is the word."""
    t = bare(text)
    if len(t) > 2 and t[-1] in _QUOTES and t[0] == _QUOTES[t[-1]] and not any(q in t[1:-1] for q in '“”「」『』‘’"'):
        return t[1:-1]
    return t


def changes_grade(opening: str) -> bool:
    """Whether the words before a grade end with a word that changes it (不够, 未, 基本: 未有效保障 is not 有效保障)."""
    return opening.endswith(_MODIFIERS)


def grade_of(text: str) -> Grade | None:
    """The label's subject and grade word, or None: a word closed in quotes at the end of the label
    (年度考核结果“好”: 好), else the longest grade word of the lexicon it ends with, unless what is
    before that word ends with a word that changes it (不够及时: None)."""
    t = bare(text)
    defined = _DEFINED.match(t)
    if defined is not None and defined["g"] in grade_words():
        # 优秀：各项指标全部完成 / 良好（基本完成）: the grade named first, then what earns it (semantics §108)
        return Grade("", defined["g"])
    if len(t) > 2 and t[-1] in _QUOTES:
        i = t.rfind(_QUOTES[t[-1]], 0, len(t) - 1)
        word = t[i + 1 : -1] if i >= 0 else ""
        if word and not any(q in word for q in '“”「」『』‘’"'):
            return Grade(t[:i], word, quoted=True)
        return None
    for w in _grade_words():
        if t.endswith(w):
            subject = t[: -len(w)]
            if subject.endswith(_MODIFIERS):
                return None
            return Grade(subject, w)
    return None


def levels(labels: list[str]) -> tuple[Grade, ...] | None:
    """Two or more labels that are distinct grades of one subject: each label's subject is empty or
    ends the longest one (促进农民增收效果显著 / 效果一般 / 效果不明显: the subject 促进农民增收效果, written
    shorter after the first). None when a label has no grade word, two share one, or the subjects differ
    (制度健全 / 执行规范: two things)."""
    grades = [grade_of(t) for t in labels]
    if len(grades) < 2 or any(g is None for g in grades):
        return None
    found = [g for g in grades if g is not None]
    if len({g.word for g in found}) != len(found):
        return None
    shared = max((g.subject for g in found), key=len)
    if not all(shared.endswith(g.subject) for g in found):
        return None
    return tuple(found)


def shared_subject(grades: tuple[Grade, ...]) -> str:
    """The subject levels of one thing share: the longest written."""
    return max((g.subject for g in grades), key=len)


def _common_prefix(texts: list[str]) -> str:
    first = min(texts)
    last = max(texts)
    n = 0
    while n < len(first) and first[n] == last[n]:
        n += 1
    return first[:n]


def written_in_full(labels: list[str]) -> tuple[Grade, ...] | None:
    """Levels written each with their subject, in words the lexicon does not list (实际支出与预算相符 /
    实际支出与预算基本相符 / 实际支出与预算不相符): the subject is the words all of them start with, up to
    a word that changes what follows (满意度较高 / 满意度较低: 满意度), of two characters or more; what
    follows is each one's grade, distinct, of two characters or more or a grade word of the lexicon
    (项目优秀 / 项目优良 are not 项目优 + 秀 / 良). None otherwise."""
    texts = [bare(t) for t in labels]
    if len(texts) < 2:
        return None
    subject = _common_prefix(texts)
    while subject and subject.endswith(_MODIFIERS):
        subject = subject[:-1]
    if len(subject) < 2:
        return None
    rests = [t[len(subject) :] for t in texts]
    known = grade_words()
    if len(set(rests)) != len(rests) or any(len(r) < 2 and r not in known for r in rests):
        return None
    return tuple(Grade(subject, r) for r in rests)


def grades_of(labels: list[str]) -> tuple[list[Grade | None], str | None]:
    """Each label's grade and the subject they share: levels of one thing where the labels are
    (``levels``); else each label alone (``grade_of``, no shared subject), unless a label has no grade
    word and the labels are levels written in full in other words (``written_in_full``)."""
    one = levels(labels)
    if one is None:
        alone = [grade_of(t) for t in labels]
        if all(g is not None for g in alone):
            return alone, None
        one = written_in_full(labels)
        if one is None:
            return alone, None
    return list(one), shared_subject(one)


#: a level written as one token (A, B; 1, 2 of 第1季度 / 第2季度) and what may stand before it in a shorter label (第)
_TOKEN = re.compile(r"(?P<p>第?)(?P<t>[A-Za-z]|[0-9]+)(?P<s>\D*)$")
#: words joining alternatives inside one label (持平或下降)
_OR = re.compile(r"或者|或")


def _common_suffix(texts: list[str]) -> str:
    return _common_prefix([t[::-1] for t in texts])[::-1]


def _parallel(first: str, other: str) -> str | None:
    """The level of ``first`` when it is written as ``other`` is, after words of its own: 评价等级为A beside B (A);
    在全省考核中获得A beside B (the 等次 both close with is bare's); 项目开工时间在第1季度 beside 第2季度 (第1季度). The
    token is one Latin letter or a whole number, of the same kind in both, with the same words around it (第, 季度)
    and not the same token; the words before it in ``first`` are two characters or more. None otherwise."""
    m, o = _TOKEN.search(first), _TOKEN.fullmatch(other)
    if m is None or o is None or m["s"] != o["s"] or m["p"] != o["p"] or m["t"] == o["t"]:
        return None
    if m["t"].isdigit() != o["t"].isdigit():
        return None
    opening = first[: m.start()]
    if len(opening) < 2 or (opening[-1].isascii() and opening[-1].isalnum()):
        return None  # AA, 12: a token longer than the other's; a label that is the token alone has no subject
    return first[m.start() :]


def _before_object(first: str, others: list[str]) -> str | None:
    """The level of ``first`` without its object, when the other labels all end with one word of two characters or
    more that ``first`` has once, followed by more words (全面完成年度目标任务 beside 基本完成 / 未完成: 全面完成): the
    words up to and with that word, if some are before it. None otherwise."""
    if len(others) < 2:
        return None
    word = _common_suffix(others)
    if len(word) < 2 or first.count(word) != 1 or first.endswith(word) or first.startswith(word):
        return None
    return first[: first.index(word) + len(word)]


def _framed(first: str, others: list[str]) -> str | None:
    """The level of ``first`` without a subject the others leave off, when the others all open with the same words and
    close with the same words, each with words of its own between (在省级媒体刊发 / 在市级媒体刊发: 在 … 级媒体刊发), and
    ``first`` is two characters or more, then once only those opening words, words of its own and those closing words
    (宣传报道在国家级媒体刊发: 在国家级媒体刊发; semantics §118). A label opening with a negation (未被推广 beside 被省级部门
    推广 / 被市级部门推广) is the case none of them holds, no level of the frame: it is left out of it (semantics §140). None
    otherwise."""
    others = [o for o in others if not o.startswith(_NEGATIONS)]
    if len(others) < 2:
        return None
    opening, closing = _common_prefix(others), _common_suffix(others)
    if not opening or not closing or any(len(o) <= len(opening) + len(closing) for o in others):
        return None
    middles = [o[len(opening) : len(o) - len(closing)] for o in others]
    if len(set(middles)) != len(middles) or not first.endswith(closing):
        return None
    starts = [i for i in range(2, len(first) - len(closing)) if first.startswith(opening, i)]
    if len(starts) != 1:
        return None
    level = first[starts[0] :]
    middle = level[len(opening) : len(level) - len(closing)]
    return level if middle and middle not in middles else None


#: words that negate what follows them: one before the first of alternatives may negate them all
_NEGATIONS = ("未", "不", "没", "无", "非")


def _negation_shared(parts: list[str]) -> bool:
    """未按时或足额拨付: a negation before the first alternative that the others lack may be the negation of all of
    them (未 (按时或足额) 拨付), so 足额拨付 is no alternative of its own (never the positive word for a negated
    label)."""
    return parts[0].startswith(_NEGATIONS) and not all(p.startswith(_NEGATIONS) for p in parts[1:])


def _compared(name: str) -> str:
    """The word after the comparison a label opens with (与上年持平: 持平; lexicon ``comparison_phrase``; semantics §136),
    two characters or more and no number; '' otherwise."""
    opening = next((w for w in words("comparison_phrase") if name.startswith(w)), None)
    if opening is None:
        return ""
    rest = name[len(opening) :]
    return rest if len(rest) >= 2 and not any(c.isdigit() for c in rest) and not rest.startswith("相比") else ""


def _letter(name: str) -> str:
    """The letter of a letter grade closed by a word of the lexicon's ``letter_grade_close`` (A等, B级, C档: A, B, C;
    semantics §136); '' otherwise."""
    if len(name) == 2 and name[0].isascii() and name[0].isalpha() and name[1] in words("letter_grade_close"):
        return name[0]
    return ""


def _copula_letter(name: str) -> str:
    """The letter of a level written as a word of the lexicon's ``level_copula`` and one Latin letter (为B: B;
    semantics §162); '' otherwise."""
    if len(name) == 2 and name[0] in words("level_copula") and name[1].isascii() and name[1].isalpha():
        return name[1]
    return ""


def _copula_level(first: str, others: list[str]) -> str | None:
    """The level of ``first`` when every other label is a copula and one letter (为B, 为C) and ``first`` closes with the
    same copula and another letter after a subject of two characters or more (年度考核等次为A: 为A). None otherwise."""
    if not others or not all(_copula_letter(o) for o in others):
        return None
    level = first[-2:]
    if len(first) < 4 or not _copula_letter(level) or any(level[0] != o[0] for o in others):
        return None
    if level in others or (first[-3].isascii() and first[-3].isalnum()):
        return None
    return level


def short_names(labels: list[str]) -> list[tuple[str, ...]]:
    """For each label, the words besides its own that name it exactly (semantics §112): its level without the
    subject it alone writes (评价等级为A: A beside B, C; 项目开工时间在第1季度: 第1季度 beside 第2季度; 全面完成年度目标任务:
    全面完成 beside 基本完成 / 未完成; 宣传报道在国家级媒体刊发: 在国家级媒体刊发 beside 在省级媒体刊发 / 在市级媒体刊发), and each of its alternatives joined by 或 (持平或下降: 持平, 下降), in the label or in that
    level. Only the first label is read for a subject: the others are written after it, without one. Pure function
    of the label texts; an answer still names a label only by one of these words exactly, never by a part of one."""
    texts = [bare(t) for t in labels]
    copula = len(texts) > 1 and _copula_level(texts[0], texts[1:]) is not None
    out: list[tuple[str, ...]] = []
    for i, t in enumerate(texts):
        names: list[str] = []
        if i == 0 and len(texts) > 1:
            level = next((p for o in texts[1:] if (p := _parallel(t, o)) is not None), None)
            if level is None:
                level = _before_object(t, texts[1:])
            if level is None:
                level = _framed(t, texts[1:])
            if level is None:
                level = _copula_level(t, texts[1:])
            if level is not None:
                names.append(level)
        names.extend(_compared(n) for n in [t, *names] if _compared(n))
        names.extend(_letter(n) for n in [t, *names] if _letter(n))
        if copula:
            names.extend(_copula_letter(n) for n in [t, *names] if _copula_letter(n))
        for whole in [t, *names]:
            parts = [p.strip() for p in _OR.split(whole)]
            if len(parts) > 1 and all(parts) and not _negation_shared(parts):
                names.extend(parts)
        out.append(tuple(dict.fromkeys(n for n in names if n != t)))
    return out
