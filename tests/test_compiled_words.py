"""Worded outcomes on a compiled rule: ``word_points`` and ``flag_points`` give the evaluator's
points (RAISES exactly where it raises) on every corpus rule, for the rule's own labels, parts of
them, and words people write (显著, 已完成, 执行到位 …)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import scoring
from scoring.errors import EvaluationError, ScoringError
from scoring.reading.values import parse_value, yes_no
from scoring.rules.nodes import Award, Label, Otherwise, TargetMet
from scoring.scores.compiled import RAISES, Compiled

DATA = Path(__file__).parent / "data"
WORDS = ("显著", "一般", "不明显", "优", "良", "执行到位", "形式单一", "效果明显", "按时完成", "正常运行", "符合",
         "不符合", "合格", "不合格", "部分完成", "基本完成", "未开展")  # fmt: skip


def _rows() -> list[dict[str, Any]]:
    rows = []
    for name, key in (("seed000_rules.jsonl", "rule"), ("seeds001_004_rules.jsonl", "rule_clean")):
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            text = r.get(key) or r.get("rule")
            if text:
                rows.append({"rule": text, "target": r.get("target"), "comparator": r.get("comparator"),
                             "unit": r.get("unit"), "weight": Decimal(str(r.get("weight") or 10))})  # fmt: skip
    return rows


ROWS = _rows()


def _words(node: Any) -> list[str]:
    """The rule's own worded conditions, their halves, and the common words, as typed (not
    是/否, no number)."""
    out = list(WORDS)
    for a in getattr(node, "clauses", ()):
        c = getattr(a, "condition", None)
        if isinstance(a, Award) and isinstance(c, (Label, Otherwise, TargetMet)) and c.text:
            out += [c.text, c.text[:2], c.text[-2:], f" {c.text} "]
    return [w for w in dict.fromkeys(out) if yes_no(w) is None and parse_value(w, None) is None]


def _evaluated(node: Any, actual: Any, row: dict[str, Any]) -> Decimal | type[Exception]:
    try:
        return scoring.evaluate(node, actual, target=row["target"], weight=row["weight"],
                                comparator=row["comparator"], unit=row["unit"]).points  # fmt: skip
    except Exception as e:
        return type(e)


def test_word_and_flag_points_equal_the_evaluator_on_every_corpus_rule() -> None:
    worded = scored = 0
    for row in ROWS:
        try:
            node = scoring.parse(row["rule"])
        except ScoringError:
            continue
        c = Compiled(node, target=row["target"], weight=row["weight"], comparator=row["comparator"], unit=row["unit"],
                     defer=True)  # fmt: skip
        worded += c.worded is not None
        for word in _words(node):
            got = c.word_points(word)
            if got is None:
                continue
            want = _evaluated(node, word, row)
            if got is RAISES:
                assert want is EvaluationError, (row["rule"], word, want)
            else:
                scored += 1
                assert got == want, (row["rule"], word, got, want)
        for met in (True, False):
            got = c.flag_points(met)
            want = _evaluated(node, met, row)
            if got is RAISES:
                assert want is EvaluationError, (row["rule"], met)
            elif got is not None:
                assert got == want, (row["rule"], met)
                assert _evaluated(node, "是" if met else "否", row) == want  # the word reads as the flag
    # fewer scored since typed inputs refuse a number on a worded rule (102 rules, 265 word scorings), and
    # since a label's last two characters no longer name it (政策 for 执行了厉行节约政策: semantics §85; 219)
    assert worded > 90 and scored > 210, (worded, scored)


@pytest.mark.parametrize(
    ("rule", "word", "points"),
    [
        ("符合要求得满分，不符合要求不得分或扣相应分数。", "不符合要求", Decimal("0.00")),
        ("符合要求得满分，不符合要求不得分或扣相应分数。", "符合要求", Decimal("10.00")),
        ("符合要求得满分，不符合要求不得分或扣相应分数。", "效果明显", RAISES),  # names no clause: judged as words
        ("长沙引才政策知晓率比上年提高显著得满分，一般得分80%，不明显得分60%", "一般", Decimal("8.00")),
        ("长沙引才政策知晓率比上年提高显著得满分，一般得分80%，不明显得分60%", "不明显", Decimal("6.00")),
        ("根据部门自评材料评定。", "优", RAISES),  # names no clause
        ("根据部门自评材料评定。", "根据部门自评材料", RAISES),  # a clause that asks for a hand score
        ("完成率≥100%计10分，每小于5%扣1分", "优", RAISES),  # no worded clause: any such word is refused
        ("完成得满分，完成指标值的90%以上得9分，未完成不得分", "未完成", Decimal("0.00")),  # bands and words
        ("完成得满分，完成指标值的90%以上得9分，未完成不得分", "显著", RAISES),
        ("每发生1次重大安全事故扣1分,扣完为止;发生数据泄露等重大安全事件的,直接计0分。", "未发生", None),  # a veto first
    ],
)
def test_word_points_by_hand(rule: str, word: str, points: Any) -> None:
    c = Compiled(scoring.parse(rule), target="是", weight=Decimal(10), defer=True)
    got = c.word_points(word)
    assert got is points if points is RAISES or points is None else got == points
    assert c.word_points(word) is got or c.word_points(word) == got  # the clause's points are kept


@pytest.mark.parametrize(
    "rule",
    [
        "每发生1次安全事故扣1分；完成得满分，未完成不得分",  # events: the evaluator tests each band instead
        "发生重大安全事故的直接计0分；完成得满分，未完成不得分",  # a worded veto
        "完成得满分，未完成的，得分=完成率×指标分值",  # a formula on a worded clause
        "完成得满分，完成指标值的90%以上得9分，未完成不得分",  # bands beside the words
    ],
)
def test_word_points_where_words_matching_one_clause_could_score_apart(rule: str) -> None:
    """Words that match the same clause (完成, 全部完成, 完成得满分) in every order: the points
    kept for a clause are never given to a word the evaluator scores otherwise."""
    node = scoring.parse(rule)
    words = ["完成", "完成得满分", "全部完成", "未完成", "未完成任务", "发生重大安全事故", "显著"]
    for order in (words, words[::-1]):
        c = Compiled(node, target="是", weight=Decimal(10), defer=True)
        for word in order:
            got = c.word_points(word)
            want = _evaluated(node, word, {"target": "是", "weight": Decimal(10), "comparator": None, "unit": None})
            if got is RAISES:
                assert want is EvaluationError, (rule, word)
            elif got is not None:
                assert got == want, (rule, word, got, want)
    formula = Compiled(scoring.parse("完成得满分，未完成的，得分=完成率×指标分值"), target="是", weight=Decimal(10))
    assert formula.worded is None  # its points would depend on more than the clause
