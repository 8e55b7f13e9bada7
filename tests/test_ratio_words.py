"""A ratio named by its words after 按照 / 以 (semantics §107, §123): 按照X占Y的比例计分 is 按比例 where X and Y are the
value and the target of one quantity, refused where they are not; it must never read as a formula on one long name
(which scored 150 of 200 as full marks, or as 0.75 points). Points by hand: weight 10, target 200人."""

from __future__ import annotations

import pytest

import scoring

ROW = {"target": "200人", "weight": 10}

# (rule, answer, points by hand or the refusal's code)
CASES = [
    # the value over the target of one quantity: 150/200 × 10 = 7.5; 250 → capped at 10
    ("按照实际完成值占目标值的比例计分", "150", "7.50"),
    ("按照实际完成值占目标值的比例计分", "250", "10.00"),
    ("按照实际完成工作量占计划工作量的比例计分", "150", "7.50"),
    ("按实际完成人数占计划人数的比例计分", "150", "7.50"),
    # two different names: not the value over its target
    ("按照实际完成人数占计划工作量的比例计分", "150", "ratio-names"),
    ("按实际完成人数占计划工作量的比例计分", "150", "ratio-names"),
    # the formula of a ratio written with 之比 / 的比值 / 的比 and the weight still reads: 150/200 × 10 = 7.5
    ("以实际完成值与目标值之比乘以权重计算得分", "150", "7.50"),
    ("按照实际完成值与目标值的比值乘以指标分值计算", "150", "7.50"),
    ("按照实际完成值与目标值的比乘以分值计分", "150", "7.50"),
]


@pytest.mark.parametrize(("text", "answer", "want"), CASES)
def test_ratio_in_words(text: str, answer: str, want: str) -> None:
    if want[0].isdigit():
        assert str(scoring.evaluate(text, answer, **ROW).points) == want
    else:
        with pytest.raises(scoring.ScoringError) as e:
            scoring.evaluate(text, answer, **ROW)
        assert getattr(e.value, "code", None) == want


@pytest.mark.parametrize("text", ["以实际完成人数占计划工作量的比例计分", "按照完成人数占计划数的比例计分"])
def test_never_a_formula_on_one_name(text: str) -> None:
    # 以/按照 + a ratio the §107 pattern does not name (no 实际完成, or 以): refused, never scored
    with pytest.raises(scoring.ScoringError):
        scoring.evaluate(text, "150", **ROW)
