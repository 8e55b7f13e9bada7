"""Findings, one type across the package: what ``scoring.check`` says of a rule, what loading,
scoring and auditing a table say of a row or the table. The severities, the catalogue of the
rule checks' codes (CODES: stable, tests and tools key on them), the Finding, and Out, the list
each check adds its findings to.
"""

from __future__ import annotations

import enum
from operator import itemgetter
from typing import TYPE_CHECKING, Any

__all__ = ["CODES", "Finding", "Out", "Severity"]


class Severity(enum.StrEnum):
    """How serious a finding is. In a table, "error": the row was not scored (its points are
    missing from the total); "warning": scored, read with a caveat; "info": worth knowing. For
    ``scoring check``, an error makes it exit 1. A ``str``: ``Severity.ERROR == "error"``."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def zh(self) -> str:
        """错误 / 警告 / 提示: the word a reader sees."""
        return _SEVERITY_ZH[self.value]


_SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}


E, W, N = Severity.ERROR, Severity.WARNING, Severity.INFO

#: code → (severity, catalogue ambiguity tags it speaks to, what it means). Codes are stable.
CODES: dict[str, tuple[Severity, tuple[str, ...], str]] = {
    "syntax": (E, ("A17",), "规则文字无法解析"),
    "no-scoring-logic": (E, ("A13",), "没有评分逻辑（描述性文字）"),
    "band-gap": (W, ("A09",), "有实际值不被任何条款覆盖（空档），按0分计"),
    "band-overlap": (W, ("A03", "A09"), "两个条款覆盖同一实际值且得分不同，按先写的计"),
    "band-duplicate": (N, (), "同一条件重复写了相同的得分"),
    "deduction-overlap": (W, ("A03", "A09"), "两档扣分的范围重叠：同时落在两档的实际值只扣最严一档还是累加，原文没有写明，不予计分"),
    "clause-unreachable": (W, ("A09",), "条款永远不会适用（被前面的条款完全覆盖）"),
    "deduction-unreachable": (W, (), "扣分条款永远不会扣分"),
    "non-monotone": (W, (), "更好的实际值反而得分更低"),
    "cliff": (W, ("A05",), "在一个边界上得分跳变超过分值的一定比例"),
    "floor-jump": (N, ("A05",), "扣分被“不得分”一档截断，得分在边界处跳到0"),
    "exceeds-weight": (E, ("A08",), "规则可给出的分数超过指标分值"),
    "below-weight": (W, ("A08",), "规则最高分低于指标分值，永远得不到满分"),
    "weight-missing": (N, ("A08",), "未给出分值，按规则自身的最高分计"),
    "weight-stated-differs": (W, ("A08",), "规则写明的满分与指标分值不一致（按指标分值计）"),
    "formula-exceeds-weight": (W, ("A20",), "公式在超额完成时给出超过分值的分数（按分值封顶）"),
    "bonus-uncapped": (W, ("A08",), "加分未写上限：不封顶（只有加分的规则按分值封顶）"),
    "bonus-above-weight": (N, ("A08",), "原文写明的加分使得分可超过指标分值"),
    "deduction-range": (N, ("A13",), "扣分是一个区间（扣4-7分）：需要人工确定，计分给出上下限"),
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


class Finding(tuple[Any, ...]):
    """One thing a careful reader would point out, about a rule, a row or a whole table.

    ``code`` is stable (tests and tools match on it; it appears in JSON and ``code`` fields,
    never in text a reader reads); ``severity`` a :class:`Severity` (a ``str``); ``message`` the
    Chinese sentence; ``indicator`` the row's id (``None`` for the table or a rule on its own;
    ``"execution"`` for 预算执行率, ``"total"`` for 总分), ``name`` the row's name; ``span``
    (start, end) in ``text``, the rule text, when the finding points into one.

    Positional order: ``Finding(code, message, indicator, name, severity, span, text)``. A
    tuple (made in C: a large table repeats a row's findings for each row that shares its
    outcome); ``str(f)`` is the line a reader sees, in Chinese."""

    __slots__ = ()
    _fields = ("code", "message", "indicator", "name", "severity", "span", "text")

    def __new__(
        cls,
        code: str,
        message: str,
        indicator: str | None = None,
        name: str = "",
        severity: Severity | str = "error",
        span: tuple[int, int] | None = None,
        text: str = "",
    ) -> Finding:
        sev = severity.value if isinstance(severity, Severity) else str(severity)
        if sev not in _SEVERITY_ZH:
            raise ValueError(f"severity must be error, warning or info, not {severity!r}")
        if span is None and not text:
            return tuple.__new__(cls, (code, message, indicator, name, sev))
        where = None if span is None else (int(span[0]), int(span[1]))
        return tuple.__new__(cls, (code, message, indicator, name, sev, where, text))

    if TYPE_CHECKING:
        code: str
        message: str
        indicator: str | None
        name: str
    else:
        code = property(itemgetter(0), doc="the stable code")
        message = property(itemgetter(1), doc="the Chinese message")
        indicator = property(itemgetter(2), doc="the row's id; None for the table or a rule")
        name = property(itemgetter(3), doc="the row's name")

    @property
    def severity(self) -> Severity:
        return _SEVERITIES[self[4]]

    @property
    def span(self) -> tuple[int, int] | None:
        """(start, end) in ``text``, the rule text, or None."""
        return self[5] if len(self) > 5 else None

    @property
    def text(self) -> str:
        """The rule text ``span`` points into ("" when there is none)."""
        return self[6] if len(self) > 6 else ""

    @property
    def tags(self) -> tuple[str, ...]:
        """The catalogue ambiguity tags (A01…A20) this finding speaks to."""
        return CODES.get(self.code, (self.severity, (), ""))[1]

    @property
    def where(self) -> str:
        """Where it is, in words: ``D08 劳动者就业能力``, ``预算执行率``, ``第3–8字``; "" for a table."""
        ind = self.indicator
        row = self.name if ind in _SPECIAL_ROWS else " ".join(x for x in (ind, self.name) if x)
        span = self.span
        at = f"第{span[0] + 1}–{max(span[1], span[0] + 1)}字" if span is not None and self.text else ""
        return "，".join(x for x in (row or (_SPECIAL_ROWS.get(ind or "", "")), at) if x)

    def to_dict(self) -> dict[str, Any]:
        """As JSON data: code, severity, message, indicator, name (and span, text when set)."""
        out: dict[str, Any] = {"code": self.code, "severity": self[4], "message": self.message,
                               "indicator": self.indicator, "name": self.name}  # fmt: skip
        if self.span is not None:
            out.update(span=list(self.span), text=self.text)
        return out

    _asdict = to_dict

    def _replace(self, **changes: Any) -> Finding:
        now = dict(zip(self._fields, (*self[:5], self.span, self.text), strict=True))
        return Finding(**{**now, **changes})

    def __getnewargs__(self) -> tuple[Any, ...]:  # pickle and copy: the positional fields
        return tuple(self)

    def __repr__(self) -> str:
        shown = ", ".join(f"{k}={v!r}" for k, v in zip(self._fields, self, strict=False))
        return f"Finding({shown})"

    def __str__(self) -> str:
        """The line a reader sees: ``D08 劳动者就业能力: 按评定等级“良”计分`` (no code)."""
        where = self.where
        return f"{where}: {self.message}" if where else self.message


_SEVERITIES = {s.value: s for s in Severity}
_SPECIAL_ROWS = {"execution": "预算执行率", "total": "总分"}


class Out:
    """The findings of one check, each once, in the order found; ``text`` is the rule text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.findings: list[Finding] = []

    def add(
        self, code: str, message: str, span: tuple[int, int] | None = None, severity: Severity | None = None
    ) -> None:
        sev = severity or CODES[code][0]
        f = Finding(code, message, severity=sev, span=span, text=self.text)
        if f not in self.findings:
            self.findings.append(f)
