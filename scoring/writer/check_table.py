"""Checks on a whole table: every indicator's rule (check.py), then the table's weights against
its header totals and 100, and indicators written twice.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from ..errors import ScoringError
from ..reading.values import to_decimal
from ..rules.render import number
from .check import check
from .findings import Finding, Severity

__all__ = ["check_table"]

ZERO = Decimal(0)


def check_table(ruleset: Any, *, cliff: Decimal | str = Decimal("0.3")) -> list[Finding]:
    """Check every indicator of a table and the table's weights.

    ``ruleset``: anything with ``.indicators`` (each with ``name``, ``target``, ``weight``,
    ``rule``, ``comparator``, ``unit``, ``level1``, ``level2`` and optionally ``id`` and
    ``section``), or an iterable of such indicators. Optional on the ruleset: ``groups``
    (each with ``level1`` or ``level2`` and ``weight``: the totals printed in the header),
    ``execution`` (with ``weight``: the budget-execution row) and ``sections``.
    """
    indicators = list(getattr(ruleset, "indicators", ruleset))
    findings: list[Finding] = []
    for ind in indicators:
        name = _ind_name(ind)
        rule = getattr(ind, "rule", None)
        if not rule:
            continue
        for f in check(rule, target=getattr(ind, "target", None), weight=getattr(ind, "weight", None),
                       comparator=getattr(ind, "comparator", None), unit=getattr(ind, "unit", None), cliff=cliff):  # fmt: skip
            findings.append(f._replace(indicator=name))
    findings.extend(_weights(ruleset, indicators))
    findings.extend(_duplicates(indicators))
    return findings


def _ind_name(ind: Any) -> str:
    ident = getattr(ind, "id", "") or ""
    name = getattr(ind, "name", "") or ""
    return f"{ident} {name}".strip() if ident else name


def _weight_of(x: Any) -> Decimal | None:
    w = getattr(x, "weight", None)
    if w is None or (isinstance(w, str) and not w.strip()):
        return None
    try:
        return to_decimal(w if not isinstance(w, float) else str(w), "weight")
    except (ScoringError, TypeError):
        return None


def _section(ind: Any) -> str:
    s = getattr(ind, "section", None)
    if s is None:
        return ""
    return str(getattr(s, "id", s) or "")


def _weights(ruleset: Any, indicators: Sequence[Any]) -> Iterable[Finding]:
    execution = getattr(ruleset, "execution", None)
    exec_w = _weight_of(execution) if execution is not None else None
    sections: dict[str, list[Any]] = {}
    for ind in indicators:
        sections.setdefault(_section(ind), []).append(ind)
    hundred = Decimal(100)
    for sec, inds in sections.items():
        where = f"“{sec}”" if sec else "本表"
        weights = [_weight_of(i) for i in inds]
        missing = [i for i, w in zip(inds, weights, strict=True) if w is None]
        known = [w for w in weights if w is not None]
        if not known:
            continue
        total = sum(known, ZERO)
        if missing:
            names = "、".join(_ind_name(i) for i in missing[:5]) + ("等" if len(missing) > 5 else "")
            yield Finding("weight-missing", severity=Severity.INFO, message=f"{where}有{len(missing)}个指标未给分值（{names}），合计按已给出的{number(total)}分计",
                          indicator=sec)  # fmt: skip
            continue
        full = total + (exec_w or ZERO)
        if full == hundred:
            continue
        if exec_w is None and total == hundred - 10:
            yield Finding("weights-total", severity=Severity.INFO,
                          message=f"{where}指标分值合计{number(total)}分：加上预算执行率10分为100分（表中没有预算执行率一行）", indicator=sec)  # fmt: skip
            continue
        extra = f"（含预算执行率{number(exec_w)}分）" if exec_w is not None else ""
        yield Finding(
            "weights-total",
            severity=Severity.WARNING,
            message=f"{where}指标分值合计{number(full)}分{extra}，不等于100分",
            indicator=sec,
        )
    groups = list(getattr(ruleset, "groups", None) or [])
    seen: set[tuple[str, str, str]] = set()
    for g in groups:
        gw = _weight_of(g)
        if gw is None:
            continue
        l1 = getattr(g, "level1", "") or ""
        l2 = getattr(g, "level2", "") or ""
        sec = _section(g)
        key = (l1, l2, sec)
        if key in seen:
            continue
        seen.add(key)
        members = [
            i for i in indicators
            if (not l1 or (getattr(i, "level1", "") or "") == l1) and (not l2 or (getattr(i, "level2", "") or "") == l2)
            and (not sec or _section(i) == sec)
        ]  # fmt: skip
        ws = [_weight_of(i) for i in members]
        if not members or any(w is None for w in ws):
            continue
        total = sum((w for w in ws if w is not None), ZERO)
        if total != gw:
            label = "/".join(x for x in (l1, l2) if x)
            yield Finding("group-weight-total", severity=Severity.WARNING,
                          message=f"“{label}”表头写明{number(gw)}分，其下指标分值合计{number(total)}分", indicator=label)  # fmt: skip


def _duplicates(indicators: Sequence[Any]) -> Iterable[Finding]:
    seen: dict[tuple[str, str, str], Any] = {}
    for ind in indicators:
        name = (getattr(ind, "name", "") or "").strip()
        if not name:
            continue
        key = (_section(ind), getattr(ind, "level2", "") or "", name)
        if key in seen:
            first = seen[key]
            same_rule = (getattr(first, "rule", None) or "") == (getattr(ind, "rule", None) or "")
            extra = "，评分标准也相同" if same_rule else "，评分标准不同"
            yield Finding("duplicate-indicator", severity=Severity.WARNING,
                          message=f"指标“{name}”重复出现（{_ind_name(first)} 与 {_ind_name(ind)}）{extra}", indicator=_ind_name(ind))  # fmt: skip
        else:
            seen[key] = ind
