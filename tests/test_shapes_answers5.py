"""Answers a careful scorer reads that were refused (docs/semantics.md §118; tenth probe E08, E14, E27, V15, V16,
G17, G13, B14, G07): 已 + the verb of a negated label, a label with the note written before it, a first label with a
subject the others leave off, 未发现 / 有 on a veto, a month against month bands, a yearless date against a yearless
deadline on steps of days, minutes against a line in hours, a delay over a duration target. Variants of the probe
texts; each hand score is worked out from the rule text beside the case, and refusals that must stay are listed."""

from __future__ import annotations

from typing import Any

import pytest

from tests.shape_cases import REFUSE, Case, checks, scores_or_refuses

WORDS = {"comparator": "定性", "unit": ""}

CASES: list[Case] = [
    # 1. 已 + the verb of 未 + verb names the positive label; weight 3
    ("建立长效管护机制的得满分，未建立的不得分", "已建立", {**WORDS, "weight": 3}, "3"),  # 已建立 is not 未建立: full
    ("建立长效管护机制的得满分，未建立的不得分", "已建立长效管护机制", {**WORDS, "weight": 3}, "3"),  # 已 + the label
    ("建立长效管护机制的得满分，未建立的不得分", "未建立", {**WORDS, "weight": 3}, "0"),
    ("开展业务培训得满分，未开展的不得分", "已开展", {**WORDS, "weight": 2}, "2"),
    ("完成年度工作任务得4分，未完成的不得分", "已经完成", {**WORDS, "weight": 4}, "4"),
    # 2. the label as written, with the words the rule keeps as a note before it; weight 5
    ("群众反映良好，无负面舆情得满分；有个别负面反映的得3分；负面舆情较多的不得分", "群众反映良好，无负面舆情",
     {**WORDS, "weight": 5}, "5"),
    ("群众反映良好，无负面舆情得满分；有个别负面反映的得3分；负面舆情较多的不得分", "群众反映良好, 无负面舆情",
     {**WORDS, "weight": 5}, "5"),
    ("群众反映良好，无负面舆情得满分；有个别负面反映的得3分；负面舆情较多的不得分", "有个别负面反映", {**WORDS, "weight": 5}, "3"),
    # 3. the first label without the subject the others leave off (在…级媒体刊发); weight 5
    ("宣传报道在国家级媒体刊发得满分，在省级媒体刊发得3分，在市级媒体刊发得1分", "在国家级媒体刊发", {**WORDS, "weight": 5}, "5"),
    ("宣传报道在国家级媒体刊发得满分，在省级媒体刊发得3分，在市级媒体刊发得1分", "在省级媒体刊发", {**WORDS, "weight": 5}, "3"),
    ("经验做法在国家级刊物登载得4分，在省级刊物登载得2分，在市级刊物登载得1分", "在国家级刊物登载", {**WORDS, "weight": 4}, "4"),
    # 4. a veto answered by its own verb negated (未发现) or by 有 / 没有 when its words hold no negation
    ("发现数据造假的，一票否决，本项不得分；否则得满分", "未发现", {**WORDS, "weight": 4}, "4"),  # it did not happen
    ("发现数据造假的，一票否决，本项不得分；否则得满分", "发现", {**WORDS, "weight": 4}, "0"),  # it did
    ("截留挪用资金的，本项不得分", "有", {**WORDS, "weight": 6}, "0"),  # there was: the veto holds
    ("截留挪用资金的，本项不得分", "没有", {**WORDS, "weight": 6}, "6"),
    ("截留挪用资金的，本项不得分", "无", {**WORDS, "weight": 6}, "6"),
    # 5. a month answered against bands of months (the whole month falls in one band); weight 5
    ("9月底前完成的得5分，10月完成的得3分，11月及以后完成的不得分", "10月", {**WORDS, "weight": 5}, "3"),
    ("9月底前完成的得5分，10月完成的得3分，11月及以后完成的不得分", "9月", {**WORDS, "weight": 5}, "5"),  # all by 9月30日
    ("9月底前完成的得5分，10月完成的得3分，11月及以后完成的不得分", "12月", {**WORDS, "weight": 5}, "0"),
    # 6. a yearless date against a yearless deadline, steps of 5 days at 0.5 (proportional), weight 2
    ("资金于6月30日前拨付到位得满分，每推迟5天扣0.5分", "7月5日", {**WORDS, "weight": 2}, "1.5"),  # 5 days: 2 − 0.5
    ("资金于6月30日前拨付到位得满分，每推迟5天扣0.5分", "7月12日", {**WORDS, "weight": 2}, "0.8"),  # 12 days: 2 − 1.2
    ("资金于6月30日前拨付到位得满分，每推迟5天扣0.5分", "6月30日", {**WORDS, "weight": 2}, "2"),  # the day itself: on time
    ("资金于6月30日前拨付到位得满分，每推迟5天扣0.5分", "6月1日", {**WORDS, "weight": 2}, "2"),
    ("资金于2月20日前拨付到位得满分，每推迟5天扣0.5分", "2月25日", {**WORDS, "weight": 2}, "1.5"),  # 5 days, no 2月29日
    # 7. minutes against a line in hours with steps in minutes; weight 3, line 2 hours, 1 point per 30 minutes over
    ("应急响应时间不超过2小时得满分，每超过30分钟扣1分", "150分钟", {"target": "≤2", "comparator": "≤", "unit": "小时",
     "weight": 3}, "2"),  # 2.5 hours: 30 minutes over, 1 step
    ("应急响应时间不超过2小时得满分，每超过30分钟扣1分", "210分钟", {"target": "≤2", "comparator": "≤", "unit": "小时",
     "weight": 3}, "0"),  # 3.5 hours: 90 minutes over, 3 steps
    ("应急响应时间不超过2小时得满分，每超过30分钟扣1分", "120分钟", {"target": "≤2", "comparator": "≤", "unit": "小时",
     "weight": 3}, "3"),
    # 8. a delay over a duration target: the value is the target plus the delay; weight 4
    ("项目建设周期18个月，每延期1个月扣1分", "延期2个月", {"target": "≤18", "comparator": "≤", "unit": "个月", "weight": 4},
     "2"),  # 20 months: 2 over, 2 steps
    ("项目建设周期18个月，每延期1个月扣1分", "延期0.5个月", {"target": "≤18", "comparator": "≤", "unit": "个月", "weight": 4},
     "3.5"),  # half a step, proportional
]

test_hand_cases, test_compiled_agrees, test_round_trip = checks(CASES)

REFUSALS: list[Case] = [
    ("建立长效管护机制的得满分，未建立的不得分", "正在建立", {**WORDS, "weight": 3}, REFUSE),  # neither case written
    ("建立长效管护机制的得满分，未建立的不得分", "已建", {**WORDS, "weight": 3}, REFUSE),  # not the verb of 未建立
    ("建立管护机制并有效运行的得满分，未建立的不得分", "已建立", {**WORDS, "weight": 3}, REFUSE),  # 并有效运行 not said
    ("建立管护机制并运行的得满分，建立管护机制未运行的得1分，未建立的不得分", "已建立", {**WORDS, "weight": 3}, REFUSE),
    ("群众反映良好，无负面舆情得满分；有个别负面反映的得3分；负面舆情较多的不得分", "反映良好，无负面舆情",
     {**WORDS, "weight": 5}, REFUSE),  # not the note's words
    ("宣传报道在国家级媒体刊发得满分，在省级媒体刊发得3分，在市级媒体刊发得1分", "是", {**WORDS, "weight": 5}, REFUSE),
    ("宣传报道在国家级媒体刊发得满分，在省级媒体刊发得3分，在市级媒体刊发得1分", "国家级", {**WORDS, "weight": 5}, REFUSE),
    ("未建立资金监管制度的，本项不得分", "有", {**WORDS, "weight": 6}, REFUSE),  # 有制度, or the failure: not said
    ("9月底前完成的得5分，10月完成的得3分，11月及以后完成的不得分", "2月", {**WORDS, "weight": 5}, REFUSE),
    ("资金于2月20日前拨付到位得满分，每推迟5天扣0.5分", "3月2日", {**WORDS, "weight": 2}, REFUSE),  # 10 or 11 days
    ("资金于6月30日前拨付到位得满分，每推迟5天扣0.5分", "7月", {**WORDS, "weight": 2}, REFUSE),  # 1 to 31 days late
    ("资金于6月30日前拨付到位得满分，每推迟5天扣0.5分", "2024年7月5日", {**WORDS, "weight": 2}, REFUSE),  # a year, none
    ("应急响应时间不超过2小时得满分，每超过30分钟扣1分", "100分钟", {"target": "≤2", "comparator": "≤", "unit": "小时",
     "weight": 3}, REFUSE),  # 1⅔ hours: no rounding invented
    ("项目建设周期18个月，每延期1个月扣1分", "延期2个月", {"target": "≤20", "comparator": "≤", "unit": "个月", "weight": 4},
     REFUSE),  # 18 written, 20 the target: over which?
    ("项目建设周期18个月，每延期1个月扣1分", "延期60天", {"target": "≤18", "comparator": "≤", "unit": "个月", "weight": 4},
     REFUSE),  # days are not months
]


@pytest.mark.parametrize(("text", "actual", "kw", "want"), REFUSALS)
def test_refusals_stay(text: str, actual: Any, kw: dict[str, object], want: str) -> None:
    scores_or_refuses(text, actual, kw, want)
