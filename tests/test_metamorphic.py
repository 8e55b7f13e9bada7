"""Metamorphic test of generalization and of the normalizer (domain point 21).

Rules reach the project printed through PDFs, OCR and web pages: fullwidth digits, ASCII or fullwidth
punctuation, traditional characters, spaces inside words and between a number and its unit, 及以上 for
以上, a final 。 or none. None of these changes what a rule means (docs/semantics.md §1, §23;
scoring/text/normalize.py). So for every hand-scored case the program already gets right (the blind
probes, tests/probes/*.toml, and the dev corpus, tests/dev_corpus/*.toml), each rewrite below of its
rule text must score exactly the same hand score, or be refused. A different score is a silent wrong
score: a defect. A refusal is safe but a generalization gap (the original reads, the rewrite does not),
counted and printed by the summary test (``pytest -q -s tests/test_metamorphic.py -k summary``).

Each case is tried with one transformation chosen by a stable hash of its id (a few seconds); set
``METAMORPH_FULL=1`` to try every applicable transformation on every case (the figures of the report).

Left out on purpose: ，↔； between clauses. The grammar takes both as one separator, but the docs
do not say they mean the same (a cap closes "its clause or the rule", domain point 15), so it is no
meaning-preserving rewrite by the docs.
"""

from __future__ import annotations

import collections
import functools
import os
import re
import zlib
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, NamedTuple

import opencc
import pytest
from test_dev_corpus import KNOWN_FILE, dev_cases, load
from test_probes import CASES as PROBE_CASES
from test_probes import KNOWN as PROBE_KNOWN

import scoring

FULL = os.environ.get("METAMORPH_FULL", "") not in ("", "0")

# ---------------------------------------------------------------- transformations (pure: str → str)

_CJK = "\u3400-\u9fff"
_FW_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")


def fullwidth_digits(text: str) -> str:
    """0-9 → ０-９ and a decimal point between digits → ．(a fullwidth form, domain point 21)."""
    text = re.sub(r"(?<=[0-9])\.(?=[0-9])", "．", text)
    return text.translate(_FW_DIGITS)


_TO_FULL = {",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "%": "％"}
_TO_ASCII = {v: k for k, v in _TO_FULL.items()}


def fullwidth_punctuation(text: str) -> str:
    """, ; : ( ) % → ，；：（）％ (a comma between digits, 1,000, stays: a thousands separator is no comma)."""
    return re.sub(r"(?<![0-9]),|,(?![0-9])|[;:()%]", lambda m: _TO_FULL[m.group()], text)


def ascii_punctuation(text: str) -> str:
    """，；：（）％ → , ; : ( ) % (web pages mix the two widths)."""
    return re.sub("[，；：（）％]", lambda m: _TO_ASCII[m.group()], text)


@functools.cache
def _s2t() -> opencc.OpenCC:
    return opencc.OpenCC("s2t")


def traditional(text: str) -> str:
    """评分标准 → 評分標準: the text in traditional characters (OpenCC s2t; the normalizer reads back t2s)."""
    return str(_s2t().convert(text))


def _positions(text: str, pattern: str) -> list[int]:
    return [m.start() for m in re.finditer(pattern, text)]


def space_in_word(text: str) -> str:
    """扣完为止 → 扣完为 止: one space between two CJK characters (PDF text), at a place chosen by a stable
    hash of the text, so that the function stays pure."""
    places = _positions(text, f"(?<=[{_CJK}])(?=[{_CJK}])")
    if not places:
        return text
    i = places[zlib.crc32(text.encode()) % len(places)]
    return text[:i] + " " + text[i:]


def space_before_unit(text: str) -> str:
    """得8分 → 得8 分, 90% → 90 %: a space between every number and the unit or word right after it."""
    return re.sub(f"(?<=[0-9])(?=[{_CJK}%％‰])", " ", text)


def spaces_before_points(text: str) -> str:
    """得8分 → 得8  分: two spaces between a number and 分 (a PDF's justified text)."""
    return re.sub("(?<=[0-9])(?=分)", "  ", text)


def space_after_point(text: str) -> str:
    """0.1分 → 0. 1分: a space after every decimal point (a PDF's cut number)."""
    return re.sub(r"(?<=[0-9])\.(?=[0-9])", ". ", text)


def drop_ji(text: str) -> str:
    """90%及以上 → 90%以上, 及以下 → 以下: both include the number (semantics §1)."""
    return re.sub("及(?=以[上下])", "", text)


def add_ji(text: str) -> str:
    """90%以上 → 90%及以上 after a number or %, not already 及以上 (semantics §1: both include the number)."""
    return re.sub(r"(?<=[0-9%％])(?=以[上下](?![（(]))", "及", text)


def marked_inclusive(text: str) -> str:
    """90%及以上 → 90%以上（含）: the inclusive mark after the word (semantics §1, §23)."""
    return re.sub("及(以[上下])(?![（(])", r"\1（含）", text)


def toggle_final_stop(text: str) -> str:
    """A final 。 added, or removed where the text ends with one (the grammar's separator ends nothing)."""
    if text.endswith("。"):
        return text[:-1]
    if text and text[-1] not in "，,；;。.：:、":
        return text + "。"
    return text


def letter_spaced(text: str) -> str:
    """满意度 → 满 意 度: a space between every two CJK characters side by side (a PDF's letter-spaced text)."""
    return re.sub(f"(?<=[{_CJK}])(?=[{_CJK}])", " ", text)


def printed(text: str) -> str:
    """Several at once, as one PDF prints them: traditional characters, fullwidth digits, a space before
    every unit and one inside a word."""
    return space_in_word(space_before_unit(fullwidth_digits(traditional(text))))


TRANSFORMS: dict[str, Callable[[str], str]] = {
    f.__name__: f
    for f in (
        fullwidth_digits, fullwidth_punctuation, ascii_punctuation, traditional, space_in_word,
        space_before_unit, spaces_before_points, space_after_point, drop_ji, add_ji, marked_inclusive,
        toggle_final_stop, letter_spaced, printed,
    )
}  # fmt: skip


# ---------------------------------------------------------------- the cases the program gets right today


class Case(NamedTuple):
    id: str
    text: str
    actual: Any
    expected: Decimal | None  # None: the hand answer is a refusal
    target: str | None
    unit: str | None
    weight: str | None
    comparator: str | None


def _points(case: Case, text: str) -> Decimal | None:
    try:
        return scoring.evaluate(
            text, case.actual, target=case.target, unit=case.unit, weight=case.weight, comparator=case.comparator
        ).points
    except scoring.ScoringError:
        return None


def _probe_cases() -> list[Case]:
    out = []
    for p in PROBE_CASES:
        name, rule, actual, expected = p.values
        if f"{name}:{rule['id']}" in PROBE_KNOWN:
            continue
        if isinstance(actual, dict):
            actual = {(int(k) if k.isdigit() else k): v for k, v in actual.items()}
        comparator = rule.get("comparator")
        want = None if expected == "REFUSE" else Decimal(expected).quantize(Decimal("0.01"), ROUND_HALF_UP)
        out.append(Case(
            str(p.id), rule["rule"], actual, want, rule.get("target"), rule.get("unit"), str(rule["weight"]),
            None if comparator in ("定性", "定量") else comparator,
        ))  # fmt: skip
    return out


def _dev_cases() -> list[Case]:
    known = set(load(KNOWN_FILE).get("failures", {}))
    return [
        Case(c.id, c.text, c.actual, c.points if c.kind == "points" else None, c.target, c.unit, c.weight, c.comparator)
        for c in dev_cases()
        if c.kind in ("points", "refuse") and c.id not in known
    ]


@functools.cache
def right_today() -> tuple[Case, ...]:
    """Every case whose hand answer the program gives today on the text as written."""
    return tuple(c for c in _probe_cases() + _dev_cases() if _points(c, c.text) == c.expected)


def _pairs() -> list[tuple[Case, str]]:
    out = []
    for case in right_today():
        names = [n for n, f in TRANSFORMS.items() if f(case.text) != case.text]
        if not names:
            continue
        if not FULL:
            names = [names[zlib.crc32(case.id.encode()) % len(names)]]
        out += [(case, n) for n in names]
    return out


_OUTCOMES: dict[tuple[str, str], tuple[str, str, Decimal | None]] = {}


def outcome(case: Case, name: str) -> tuple[str, str, Decimal | None]:
    """("same" | "refused" | "different", the rewritten text, its score); each computed once (the summary
    reuses what the parametrized test found)."""
    key = (case.id, name)
    if key not in _OUTCOMES:
        _OUTCOMES[key] = _outcome(case, name)
    return _OUTCOMES[key]


def _outcome(case: Case, name: str) -> tuple[str, str, Decimal | None]:
    text = TRANSFORMS[name](case.text)
    got = _points(case, text)
    if got == case.expected:
        return "same", text, got
    if got is None:
        return "refused", text, got
    return "different", text, got


@pytest.mark.parametrize(("case", "name"), [pytest.param(c, n, id=f"{c.id}~{n}") for c, n in _pairs()])
def test_rewrite_keeps_the_score(case: Case, name: str) -> None:
    kind, text, got = outcome(case, name)
    assert kind != "different", f"{case.text!r} → {text!r} ({name}) with {case.actual!r}: {got}, by hand {case.expected}"


# ---------------------------------------------------------------- the transformations themselves


@pytest.mark.parametrize(
    ("name", "before", "after"),
    [
        ("fullwidth_digits", "扣0.5分", "扣０．５分"),
        ("fullwidth_punctuation", "1,000元,每(项)扣2分;10%", "1,000元，每（项）扣2分；10％"),
        ("ascii_punctuation", "（含）；满意度：90％，", "(含);满意度:90%,"),
        ("traditional", "评分标准扣完为止", "評分標準扣完爲止"),
        ("space_before_unit", "得8分，90%以上", "得8 分，90 %以上"),
        ("spaces_before_points", "得8分", "得8  分"),
        ("space_after_point", "扣0.1分", "扣0. 1分"),
        ("drop_ji", "90%及以上", "90%以上"),
        ("add_ji", "90%以上，5次以下（含）", "90%及以上，5次以下（含）"),
        ("marked_inclusive", "90%及以上", "90%以上（含）"),
        ("toggle_final_stop", "不得分。", "不得分"),
        ("toggle_final_stop", "不得分", "不得分。"),
    ],
)
def test_transformation(name: str, before: str, after: str) -> None:
    got = TRANSFORMS[name](before)
    if name == "traditional":  # OpenCC's variant of 为 (爲 or 為) is its own choice
        assert got[:4] == after[:4] and got[6] in "爲為", got
    else:
        assert got == after


def test_space_in_word_inserts_one_space_between_cjk() -> None:
    got = space_in_word("扣完为止")
    assert got.replace(" ", "") == "扣完为止" and got.count(" ") == 1 and not got.startswith(" ")
    assert space_in_word("90%") == "90%"


def test_metamorphic_summary() -> None:
    counts: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    different: list[str] = []
    for case, name in _pairs():
        kind, text, got = outcome(case, name)
        counts[name][kind] += 1
        if kind == "different":
            different.append(f"{case.id}~{name}: {text!r} → {got}, by hand {case.expected}")
    total: collections.Counter[str] = sum(counts.values(), collections.Counter())
    scope = "full run" if FULL else "one transformation per case (METAMORPH_FULL=1 for all)"
    print(f"\nmetamorphic ({scope}): {len(right_today())} cases right today, {sum(total.values())} rewrites: "
          f"same {total['same']}, refused {total['refused']}, different {total['different']}")  # fmt: skip
    for name in TRANSFORMS:
        c = counts.get(name)
        if c:
            print(f"  {name:22} same {c['same']:5}  refused {c['refused']:5}  different {c['different']:3}")
    for line in different:
        print("  DIFFERENT", line)
    assert not different
