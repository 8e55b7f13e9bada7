"""What a check reports: the severities, the catalogue of codes (CODES: stable, tests and tools
key on them), the Finding, and Out, the list each check adds its findings to.
"""

from __future__ import annotations

import enum

from attrs import frozen

__all__ = ["CODES", "Finding", "Out", "Severity"]


class Severity(enum.Enum):
    """How serious a finding is: an error makes ``scoring check`` exit 1."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


E, W, N = Severity.ERROR, Severity.WARNING, Severity.INFO

#: code → (severity, catalogue ambiguity tags it speaks to, what it means). Codes are stable.
CODES: dict[str, tuple[Severity, tuple[str, ...], str]] = {
    "syntax": (E, ("A17",), "规则文字无法解析"),
    "no-scoring-logic": (E, ("A13",), "没有评分逻辑（描述性文字）"),
    "band-gap": (W, ("A09",), "有实际值不被任何条款覆盖（空档），按0分计"),
    "band-overlap": (W, ("A03", "A09"), "两个条款覆盖同一实际值且得分不同，按先写的计"),
    "band-duplicate": (N, (), "同一条件重复写了相同的得分"),
    "clause-unreachable": (W, ("A09",), "条款永远不会适用（被前面的条款完全覆盖）"),
    "deduction-unreachable": (W, (), "扣分条款永远不会扣分"),
    "non-monotone": (W, (), "更好的实际值反而得分更低"),
    "cliff": (W, ("A05",), "在一个边界上得分跳变超过分值的一定比例"),
    "floor-jump": (N, ("A05",), "扣分被“不得分”一档截断，得分在边界处跳到0"),
    "exceeds-weight": (E, ("A08",), "规则可给出的分数超过指标分值"),
    "below-weight": (W, ("A08",), "规则最高分低于指标分值，永远得不到满分"),
    "weight-missing": (N, ("A08",), "未给出分值，按规则自身的最高分计"),
    "formula-exceeds-weight": (W, ("A20",), "公式在超额完成时给出超过分值的分数（按分值封顶）"),
    "default-partial": (W, ("A02",), "未写明不足一档如何计（默认按比例）"),
    "percent-basis": (W, ("A01",), "百分比步长未写明是百分点还是相对百分比"),
    "default-direction": (W, ("A04",), "偏差方向未写明（由指标值类型决定）"),
    "no-floor": (W, ("A06",), "扣分可超过分值而未写“扣完为止”（默认最低0分）"),
    "step-without-per": (N, ("A07",), "扣分未写“每”：按每档（每次）计还是只扣一次"),
    "comparator-contradiction": (W, ("A11",), "指标值类型与规则的得分方向相反"),
    "comparator-qualitative": (N, ("A11",), "指标值类型为定性，但规则按数值计分"),
    "target-mismatch": (N, ("A11",), "满分条件与指标值不一致"),
    "target-not-numeric": (W, ("A12",), "规则需要数值指标值，而指标值是文字"),
    "edge-unstated": (N, ("A03",), "区间端点未写明含或不含（按都含计）"),
    "edge-strict": (W, ("A03", "A11"), "满分条件不含指标值本身（大于/高于），与指标值类型“≥/≤”不一致"),
    "needs-judgement": (N, ("A13",), "需要人工判断的等级或酌情扣分"),
    "veto-overrides": (N, ("A14",), "否决条款优先于其他条款"),
    "time-step": (N, ("A16",), "按时间计的步长（月、天、工作日）需要日期口径"),
    "typo": (N, ("A17",), "疑似笔误"),
    "exception-clause": (N, ("A18",), "例外条款改变了考核基数，需要人工确认"),
    "deduction-formula": (N, ("A19",), "每档扣分是一个公式"),
    "default-proportional": (N, ("A10",), "按比例计分的口径未写明"),
    "start-differs": (N, ("A05",), "扣分起点与满分线不同"),
    "not-analysed": (N, (), "缺少指标值或分值，部分检查未做"),
    "weights-total": (W, ("A08",), "指标分值合计不等于100（或表头写明的合计）"),
    "group-weight-total": (W, ("A08",), "一级指标下的分值合计与表头写明的不一致"),
    "duplicate-indicator": (W, (), "同一张表中指标重复"),
}


@frozen
class Finding:
    """One thing a careful reader would point out. ``span`` is (start, end) in ``text``."""

    code: str
    severity: Severity
    message: str
    span: tuple[int, int] | None = None
    text: str = ""
    indicator: str = ""  # check_table: the indicator's id or name

    @property
    def tags(self) -> tuple[str, ...]:
        """The catalogue ambiguity tags (A01…A20) this finding speaks to."""
        return CODES.get(self.code, (self.severity, (), ""))[1]


class Out:
    """The findings of one check, each once, in the order found; ``text`` is the rule text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.findings: list[Finding] = []

    def add(
        self, code: str, message: str, span: tuple[int, int] | None = None, severity: Severity | None = None
    ) -> None:
        sev = severity or CODES[code][0]
        f = Finding(code, sev, message, span, self.text)
        if f not in self.findings:
            self.findings.append(f)
