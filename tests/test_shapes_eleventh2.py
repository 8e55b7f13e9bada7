"""Rule shapes of the eleventh blind probe refused because a number of a context clause was left unread, read from their
pieces (docs/semantics.md §123): a dated deadline, then the deduction announced by how late (按延期天数扣分), then
steps per day late; a plan line and a worded award of reaching the plan (达到计划人数) before % steps; a line stated by
目标值为… before steps over it; a monthly deadline before a deduction per late report (每迟报1次). Expectations by
hand from the rule texts a ratio counted at most 100% beside a ratio times N points (D06); a standard
with whose level between 以 and its number (B16); 按照 as 按 (D17). (Probes eleventh G18, B04, B11, G16, D06, B16, D17, and
the same shapes in other words.)"""

from __future__ import annotations

import pytest

from tests import shape_cases
from tests.shape_cases import Case

# -- 1. a dated deadline, the deduction announced by how late, steps per day late (G18)
G18 = "应于2025年9月30日前完成，未按时完成的按延期天数扣分，每延期1天扣0.05分"
G18_KW: dict[str, object] = {"target": "2025年9月30日前", "comparator": "定性", "weight": 1}
ANNOUNCED_ALONE = "应于2025年6月30日前完成，按逾期天数扣分，每逾期1天扣0.1分"
DATED2: dict[str, object] = {"comparator": "定性", "weight": 2}
BY_MONTHS = "应于2025年6月底前完成，未按期完成的按延期月数扣分，每延期1个月扣1分"
DATED3: dict[str, object] = {"comparator": "定性", "weight": 3}
# -- 2. a plan line, then reaching the plan in words, then % steps (B04)
B04 = "年度招生计划1200人，实际招生达到计划人数得满分，每少1%扣0.5分"
B04_KW: dict[str, object] = {"target": "≥1200", "comparator": "≥", "unit": "人", "weight": 5}
PLAN_COUNT = "全年计划培训500人次，实际培训达到计划数得满分，每少1%扣1分"
PLAN_KW: dict[str, object] = {"target": "≥500", "comparator": "≥", "unit": "人次", "weight": 10}
# -- 3. 目标值为 a line, steps over it (B11)
B11 = "目标值为15天，每超过1天扣0.2分"
B11_KW: dict[str, object] = {"target": "≤15", "comparator": "≤", "unit": "天", "weight": 2}
MINUTES = "目标值为30分钟，每超过5分钟扣1分"
MINUTES_KW: dict[str, object] = {"target": "≤30", "comparator": "≤", "unit": "分钟", "weight": 5}
# -- 4. a monthly deadline, a deduction per late report (G16)
G16 = "各地应于每月5日前报送数据，每迟报1次扣0.2分"
G16_KW: dict[str, object] = {"comparator": "定量", "unit": "次", "weight": 2}
OVERDUE = "每季度结束后10日内报送报告，每逾期1次扣0.5分"
# -- 5. the ratio counted at most 100% beside a ratio times N points: at most N points (D06)
D06 = "预算执行率=全年执行数/全年预算数×100%。得分=预算执行率×10分，执行率100%以上按100%计"
D06_KW: dict[str, object] = {"target": "100%", "comparator": "≥", "unit": "%", "weight": 10}
TIMES8 = "得分=完成率×8，完成率超过100%的按100%计"
PCT10: dict[str, object] = {"target": "≥100%", "comparator": "≥", "unit": "%", "weight": 10}
# -- 6. a standard with whose level between 以 and its number, reached in words, base points (B16)
B16 = "以上年水平60%为基准，达到基准得基本分5分；每提高1个百分点加0.5分，每降低1个百分点扣0.5分，加扣分均不突破基本分"
B16_KW: dict[str, object] = {"target": "≥60%", "comparator": "≥", "unit": "%", "weight": 5}
NAMED_STANDARD = "以90%为标准，达到标准得满分，每降低1个百分点扣0.5分"
PCT5: dict[str, object] = {"target": "≥90%", "comparator": "≥", "unit": "%", "weight": 5}
# -- 7. 按照 is 按 before the ratio named by its words (D17)
D17 = "按照实际完成工作量占计划工作量的比例计分"
D17_KW: dict[str, object] = {"target": "≥12", "comparator": "≥", "unit": "项", "weight": 6}
BY_SHARE = "按照实际完成比例计分"

CASES: list[Case] = [
    # 1. on the deadline: full; 1 day late 1 − 0.05; 10 days 1 − 0.5; 61 days (Oct 31 + Nov 30) 3.05 > 1 → 0
    (G18, "2025年9月30日", G18_KW, "1"),
    (G18, "2025年10月1日", G18_KW, "0.95"),
    (G18, "2025年10月10日", G18_KW, "0.5"),
    (G18, "2025年11月30日", G18_KW, "0"),
    # 5 days late: 2 − 0.5
    (ANNOUNCED_ALONE, "2025年7月5日", DATED2, "1.5"),
    (ANNOUNCED_ALONE, "2025年6月30日", DATED2, "2"),
    # two months late: 3 − 2
    (BY_MONTHS, "2个月", DATED3, "1"),
    (BY_MONTHS, "2025年6月30日", DATED3, "3"),
    # 2. 1% of 1200 is 12: 1188 one step (−0.5), 1170 2.5 steps (−1.25), 1140 five (−2.5), 1080 ten (−5)
    (B04, "1200", B04_KW, "5"),
    (B04, "1188", B04_KW, "4.5"),
    (B04, "1170", B04_KW, "3.75"),
    (B04, "1140", B04_KW, "2.5"),
    (B04, "1080", B04_KW, "0"),
    (B04, "1300", B04_KW, "5"),
    # 1% of 500 is 5: 490 two steps (−2), 475 five (−5)
    (PLAN_COUNT, "490", PLAN_KW, "8"),
    (PLAN_COUNT, "475", PLAN_KW, "5"),
    (PLAN_COUNT, "500", PLAN_KW, "10"),
    # 3. over 15 days: 18 three days (−0.6), 16.5 one and a half (−0.3, in proportion), 30 fifteen (−3 → 0)
    (B11, "15", B11_KW, "2"),
    (B11, "10", B11_KW, "2"),
    (B11, "18", B11_KW, "1.4"),
    (B11, "16.5", B11_KW, "1.7"),
    (B11, "30", B11_KW, "0"),
    # 40 minutes: two steps of 5 over 30 (−2)
    (MINUTES, "40", MINUTES_KW, "3"),
    (MINUTES, "30", MINUTES_KW, "5"),
    # 4. the answer is the count of late reports: 3 × 0.2; 12 × 0.2 = 2.4 > 2 → 0
    (G16, "0", G16_KW, "2"),
    (G16, "3", G16_KW, "1.4"),
    (G16, "12", G16_KW, "0"),
    (OVERDUE, "3", G16_KW, "0.5"),
    (OVERDUE, "0", G16_KW, "2"),
    # 5. 95% × 10; 102% counted as 100%: 10; 87.345% × 10 = 8.7345 → 8.73
    (D06, "95%", D06_KW, "9.5"),
    (D06, "100%", D06_KW, "10"),
    (D06, "102%", D06_KW, "10"),
    (D06, "87.345%", D06_KW, "8.73"),
    # 95% × 8 = 7.6; 120% counted as 100%: 8 of weight 10
    (TIMES8, "95%", PCT10, "7.6"),
    (TIMES8, "120%", PCT10, "8"),
    # 6. 64%: 5 + 4 × 0.5; 75%: 5 + 7.5, the bonus at most the base 5 → 10; 56%: 5 − 2; 40%: 5 − 10 → 0
    (B16, "60%", B16_KW, "5"),
    (B16, "64%", B16_KW, "7"),
    (B16, "75%", B16_KW, "10"),
    (B16, "56%", B16_KW, "3"),
    (B16, "40%", B16_KW, "0"),
    # 86%: 4 points below 90%, −2
    (NAMED_STANDARD, "86%", PCT5, "3"),
    (NAMED_STANDARD, "95%", PCT5, "5"),
    # 7. 6 × 9/12 = 4.5; 6 × 11/12 = 5.5; over the plan at most the weight
    (D17, "12", D17_KW, "6"),
    (D17, "9", D17_KW, "4.5"),
    (D17, "11", D17_KW, "5.5"),
    (D17, "15", D17_KW, "6"),
    (BY_SHARE, "9", D17_KW, "4.5"),
]

test_hand_cases, test_compiled_agrees, test_round_trip = shape_cases.checks(CASES)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # the announcement counts months, the steps days: which count is not said
        ("应于2025年9月30日前完成，按延期月数扣分，每延期1天扣0.05分", "unread-number"),
        # the award reaches 目标, the line before states a 计划: not the same number by the words
        ("年度招生计划1200人，实际招生达到目标人数得满分，每少1%扣0.5分", "unread-number"),
        # a step of % over a line of days: a share of what is not said
        ("目标值为15天，每超过2%扣0.2分", "unread-number"),
        # words between 以 and the number that do not name a level: not read as a standard
        ("以上年60%为基准，达到基准得基本分5分；每降低1个百分点扣0.5分", "unread-number"),
        # the standard reached names another word than the note's
        ("以90%为标准，达到基准得满分，每降低1个百分点扣0.5分", "unread-number"),
        # beside bands and no formula, which ratio is counted at 100% is not written
        ("完成率90%以上得满分，100%以上按100%计", "ratio-cap"),
    ],
)
def test_refusals_that_stay(text: str, code: str) -> None:
    assert shape_cases.refusal(text).code == code
