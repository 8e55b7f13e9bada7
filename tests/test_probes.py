"""Rules in the style of unseen documents, with hand cases written before the program ran
(tests/probes/README.md): a score given equals the hand score, and a case a scorer cannot score is
refused. A refusal of a scorable case is allowed and counted (a refusal is safe, a wrong score not)."""

from __future__ import annotations

import collections
import tomllib
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pytest

import scoring

HERE = Path(__file__).parent / "probes"

#: cases where the program's answer and the reviewer's differ, each with why it is left
KNOWN = {
    "first:T26": "是/否 on an input named by the failure (发生重大责任事故: 否 = not met, scores 0; the "
    "reviewer meant 'no accident'); the reading says what 是 and 否 mean (semantics §14)",
    "first:U38": "网上办理率每提高1个百分点加0.2分 counts up from the target (semantics §4); the reviewer "
    "would refuse: nothing says what 提高 is measured from",
    "first:W16": "账实相符率100%得满分，每发现1项不符扣0.5分 on a % row reads a bare 2 as two cases (semantics "
    "§14, the seed's own convention); the reviewer would refuse it as 2% or 2 cases",
    "second:T11": "12月 on 11月底前完成得满分，12月完成得3分 is the month of December, all of it in the band 12月完成: 3 "
    "(semantics §118, as the tenth probe's reviewer read 10月 on G17, the same shape); this reviewer would refuse it",
    "second:F03": "得分=实际值÷100%×5 takes 80% in points where no weight name is in the formula (semantics §12)",
    "second:P06": "超出的按比例扣减 on a ≤ row is target ÷ actual (semantics §8); a reader may deduct the excess",
    "sixth:E20": "根据实际情况评定 answered 是 scores full marks, the seed's own convention (tests/corpus grades.toml s002-L401, "
    "printed 2/2); the reviewer would refuse 是",
    "sixth:I19": "于  年  月  日前完成 (a blank deadline) answered 是 scores full marks: 是 says it was done on time; the "
    "reviewer would refuse the blank",
    "seventh:B17": "与上年相比，满意度每下降1个百分点扣0.5分 counts from the row's target, taken as the level of last year (as the "
    "fourth probe's reviewer read 不低于上年 on a row of 12000, fourth:B24); this reviewer would refuse: last year's value is not given",
    "fourth:K28": "完成率低于目标10个百分点的扣3分 with no 以内/以上 reads per step (domain point 5, semantics §20, as "
    "不足计划1%扣1分 does); the reviewer would refuse it as exactly 10 or up to 10",
    "ninth:A28": "90%以下，该项不得分 is a veto (semantics §36), which outranks the band 90%（含）—95% listed before it at the "
    "shared 90%: 0; the reviewer took the band listed first (5)",
    "tenth:C15": "每季度未按时报送…扣1分 answered 5: the count is taken as written (5 × 1 lost, floored at 0); that a year has four "
    "quarters is not checked. The reviewer would refuse 5; the score, 0, is the floor either way",
    "tenth:R16": "本项满分10分。完成率100%得10分，每低1%扣1分 on a weight of 5 at 95%: the stated weight's top award is capped at the "
    "row's weight and the steps deduct from it (semantics §6, §46): 5; the reviewer would refuse (capped 5 or scaled 2.5?)",
    "eleventh:D04": "实际值低于目标值的得满分；高于目标值的，得分=… at exactly the target (1.5 on ≤1.5): neither 低于 nor 高于 holds, a "
    "gap, 0 (domain point 1); the reviewer took the row's ≤ as meeting it (4)",
    "eleventh:R09": "根据实际情况综合评定 answered 是 scores full marks, the seed's own convention (semantics §10, as sixth:E20); the "
    "reviewer would refuse 是",
    "eleventh:R13": "①…（3分）；②…（3分）；③…（2分） on a weight of 5, all done: the items' 8 is capped at the weight (semantics §11, "
    "the checker reports the items above the weight); the reviewer would refuse (8 or 5?)",
    "eleventh:R20": "满意度85%以上得满分，低于90%的每低1个百分点扣1分 at 87%: the full-marks band holds first (the checker notes the "
    "steps start at another line, start-differs); the reviewer would refuse the contradiction",
    "twelfth:D22": "按未完成比例扣减分值 on ≥2000亩, weight 10, answered 500: 10 × 500/2000 = 2.5; the reviewer wrote 2 and "
    "reported it as an arithmetic slip after the run (the hand score is left as written)",
    "twelfth:G09": "逾期1-3个月 bands answered 45天: every month length puts 45 days inside 1-3 months (semantics §116), so 2; the "
    "reviewer marked REFUSE from §80 and agreed after the run that §116 scores it",
    "fourteenth:R07": "全市排名第一名得满分，每差一名扣1分 at 3rd, weight 5: §77 reads 每差一名 as one place below the first, so "
    "5 − 2 = 3; the reviewer marked REFUSE from §26 and reported it as a slip after the run",
    "ninth:G24": "按时完成得满分，逾期1个月以上扣2分 at 0.5 months late: the on-time clause is met at 0 only, the bands start at "
    "1 month, and 0.5 is in neither: a gap, 0 (domain point 1); the reviewer read it as beyond every deducting band (6)",
}


def _cases() -> list[Any]:
    out = []
    for name in ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth"):
        for r in tomllib.loads((HERE / f"{name}.toml").read_text(encoding="utf-8"))["rule"]:
            for i, (actual, expected) in enumerate(r["cases"], 1):
                out.append(pytest.param(name, r, actual, expected, id=f"{name}:{r['id']}#{i}"))
    return out


CASES = _cases()


def _score(rule: dict[str, Any], actual: Any) -> Decimal | None:
    comparator = rule.get("comparator")
    if isinstance(actual, dict):
        actual = {(int(k) if k.isdigit() else k): v for k, v in actual.items()}
    try:
        return scoring.evaluate(
            rule["rule"], actual, target=rule.get("target"), unit=rule.get("unit"), weight=str(rule["weight"]),
            comparator=None if comparator in ("定性", "定量") else comparator,
        ).points  # fmt: skip
    except scoring.ScoringError:
        return None


@pytest.mark.parametrize(("name", "rule", "actual", "expected"), CASES)
def test_probe_case(name: str, rule: dict[str, Any], actual: Any, expected: str) -> None:
    got = _score(rule, actual)
    key = f"{name}:{rule['id']}"
    if key in KNOWN:
        return  # listed above with the reason
    if expected == "REFUSE":
        assert got is None, f"{rule['rule']} with {actual!r} should be refused, scored {got}"
    elif got is not None:
        want = Decimal(expected).quantize(Decimal("0.01"), ROUND_HALF_UP)
        assert got == want, f"{rule['rule']} with {actual!r}: {got}, by hand {want}"


def test_probe_summary() -> None:
    counts: collections.Counter[str] = collections.Counter()
    off: set[str] = set()
    for p in CASES:
        name, rule, actual, expected = p.values
        got = _score(rule, actual)
        if expected == "REFUSE":
            kind = "refused as it should" if got is None else "scored where it should refuse"
        elif got is None:
            kind = "refused (scorable)"
        else:
            kind = "agree" if got == Decimal(expected).quantize(Decimal("0.01"), ROUND_HALF_UP) else "wrong"
        counts[kind] += 1
        if kind in ("wrong", "scored where it should refuse"):
            off.add(f"{name}:{rule['id']}")
    print(f"\nprobes: {len(CASES)} cases: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    assert off == set(KNOWN), (sorted(off - set(KNOWN)), "listed but now right:", sorted(set(KNOWN) - off))
