"""A line stated in the text before a step written with 每 that names 目标值 (应达到96%，每低于目标值1个百分点扣1分):
the steps count from that line where it is the row's target, and the rule is refused when scored on a row whose
target is another number (target-differs, semantics §135, §139). The 得 form of exact delays stays refused (§139).
Hand scores from the text."""

from __future__ import annotations

import pytest
import shape_cases

import scoring

STEP = "资金拨付及时率应达到96%，每低于目标值1个百分点扣1分"
STEP_INDEX = "验收合格率应达到90%，每低于指标值2个百分点扣1分"
NO_TARGET_WORD = "验收合格率应达到90%，每低2个百分点扣1分"

CASES: list[shape_cases.Case] = [
    # STEP on a row of ≥96%, weight 5: 95% → 5 − 1; 93.5% → 5 − 2.5 (pro rata); 96% → 5; 90% → 5 − 6, floored at 0
    (STEP, "95%", {"weight": 5, "target": "≥96%"}, "4"),
    (STEP, "93.5%", {"weight": 5, "target": "≥96%"}, "2.5"),
    (STEP, "96%", {"weight": 5, "target": "≥96%"}, "5"),
    (STEP, "90%", {"weight": 5, "target": "≥96%"}, "0"),
    # STEP_INDEX on a row of ≥90%, weight 4: 86% → 4 − 2 × 1; 89% → 4 − 0.5
    (STEP_INDEX, "86%", {"weight": 4, "target": "≥90%"}, "2"),
    (STEP_INDEX, "89%", {"weight": 4, "target": "≥90%"}, "3.5"),
    # without 目标值 the steps count from the line the text states, whatever the row's target: 86% → 4 − 2
    (NO_TARGET_WORD, "86%", {"weight": 4, "target": "≥85%"}, "2"),
    # the text's line and the row's target differ: 目标值 is which? refused
    (STEP, "95%", {"weight": 5, "target": "≥95%"}, shape_cases.REFUSE),
    (STEP, "97%", {"weight": 5, "target": "≥98%"}, shape_cases.REFUSE),
    (STEP_INDEX, "86%", {"weight": 4, "target": "≥85%"}, shape_cases.REFUSE),
]

test_hand_cases, test_compiled_agrees, test_round_trip = shape_cases.checks(
    [c for c in CASES if c[3] != shape_cases.REFUSE]
)


@pytest.mark.parametrize(("text", "actual", "kw", "want"), [c for c in CASES if c[3] == shape_cases.REFUSE])
def test_target_differs_is_refused(text: str, actual: str, kw: dict[str, object], want: str) -> None:
    with pytest.raises(scoring.EvaluationError, match="target-differs"):
        scoring.evaluate(text, actual, **kw)  # type: ignore[arg-type]
    with pytest.raises(scoring.ScoringError):
        scoring.compile(text, **kw).points(actual)  # type: ignore[arg-type]


def test_without_every_is_unchanged() -> None:
    # §135's form without 每: 应达到96%，低于目标值1个百分点扣1分 on ≥96%, weight 5: 94% → 5 − 2; on ≥95% refused
    text = "资金拨付及时率应达到96%，低于目标值1个百分点扣1分"
    shape_cases.scores_or_refuses(text, "94%", {"weight": 5, "target": "≥96%"}, "3")
    with pytest.raises(scoring.EvaluationError, match="target-differs"):
        scoring.evaluate(text, "94%", weight=5, target="≥95%")


def test_exact_delays_awarded_stay_refused() -> None:
    # 逾期1周的得3分: read as ≥1周, the next band unreachable; on time is not written (§139): refused, not guessed
    assert shape_cases.refusal("逾期1周的得3分，逾期2周的得1分，逾期3周以上的不得分").code == "band-unreachable"
