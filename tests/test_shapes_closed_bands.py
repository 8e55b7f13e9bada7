"""A one-off deduction after two comparisons of one quantity that close a band between them (95%（含）以上但
低于100%扣1分): the band's outcome is the weight less the points, as after a range written with a dash (semantics
§71, §108). Hand scores from the text; each band holds exactly its own stretch of the value (domain point 16)."""

from __future__ import annotations

import shape_cases

import scoring

#: ninth probe A10: 95% is in the band (（含）), 90% is not in 低于90% but is in 低于95%
A10 = "项目竣工验收一次性合格率达到100%得满分，合格率95%（含）以上但低于100%扣1分，低于95%的扣3分，低于90%不得分"
A10_ROW = {"target": "100%", "weight": 5, "unit": "%", "comparator": "≥"}
NO_BUT = "合格率达到100%得满分，95%（含）以上低于100%的扣1分，低于95%的扣3分"
JOINED = "到位率达到98%得满分，到位率高于90%且低于98%的扣1分，90%及以下扣3分"
JOINED_ROW = {"target": "≥98%", "weight": 4, "unit": "%", "comparator": "≥"}

CASES: list[shape_cases.Case] = [
    (A10, "100%", A10_ROW, "5"),
    (A10, "98%", A10_ROW, "4"),  # 5 − 1
    (A10, "95%", A10_ROW, "4"),  # 95%（含）
    (A10, "92%", A10_ROW, "2"),  # 5 − 3
    (A10, "89%", A10_ROW, "0"),  # 低于90%不得分, the tighter band
    (NO_BUT, "96%", A10_ROW, "4"),
    (NO_BUT, "94.9%", A10_ROW, "2"),
    (NO_BUT, "50%", A10_ROW, "2"),  # no zero is stated below 95%
    (JOINED, "98%", JOINED_ROW, "4"),
    (JOINED, "90.5%", JOINED_ROW, "3"),  # 4 − 1
    (JOINED, "90%", JOINED_ROW, "1"),  # 高于90% excludes 90; 90%及以下 holds it: 4 − 3
]

test_hand_cases, test_compiled_agrees, test_round_trip = shape_cases.checks(CASES)


def test_the_subject_keeps_no_joining_word_nor_loses_a_word_with_a_numeral() -> None:
    # 一次性 is a word, not a count of 1次; 但 joins the two lines and is no part of what is measured
    rule = scoring.parse(A10)
    subjects = [getattr(c.condition, "subject", None) for c in rule.clauses]
    assert subjects[0] == "项目竣工验收一次性合格率"
    assert subjects[1] == "合格率"


def test_two_lines_that_close_no_band_are_still_refused() -> None:
    # two lower lines (95%以上但90%以上), or two units: no band between them; the lines stay two starts
    assert shape_cases.refusal("合格率达到100%得满分，95%以上但90%以上扣1分").code == "two-starts"
    assert shape_cases.refusal("合格率达到100%得满分，95%以上但低于100个扣1分").code == "two-starts"
