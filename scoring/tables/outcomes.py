"""Outcomes as a table holds them: one record per row, the execution row, the printed total;
and outcome files (TOML, JSON, CSV), read into those records.

``load_outcomes(path)`` reads a file; ``outcomes_from(data)`` takes a mapping keyed by indicator
id or name. Printed scores (得分) are kept for the audit. The values in the cells are read
against each row's target later, by scoring.reading.cells.
"""

from __future__ import annotations

import csv
import json
import tomllib
from collections.abc import Iterable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from attrs import frozen

from ..reading.cells import OutcomeError, decimal_of


@frozen
class Outcome:
    """One row's outcome: the actual value, and what the table printed or a person gave."""

    key: str  # indicator id or name
    actual: Any = None  # str | Decimal | int | bool | Mapping (composite sub-items) | None
    printed: Decimal | None = None  # 得分 as printed: only the audit reads it
    reason: str | None = None  # 扣分原因 / 偏差原因 as printed
    grade: str | None = None  # a grade given by hand (优/良/中/差, or a label of the rule)
    manual: Decimal | None = None  # a score given by hand: used as is, and marked as such
    where: str = ""  # file and row, for messages
    refused: tuple[str, str] | None = None  # (code, message): an actual that must not be scored (readings.Reading.hit)


@frozen
class ExecutionOutcome:
    """The budget-execution row of an outcome file: amounts (overriding the ruleset's) and printed values."""

    budget: Decimal | None = None
    spent: Decimal | None = None
    initial_budget: Decimal | None = None
    rate: str | None = None  # 执行率 as printed
    printed: Decimal | None = None  # 得分 as printed


@frozen
class Outcomes:
    """The outcomes of a table: rows keyed by indicator id or name, the execution row, the printed total."""

    items: tuple[Outcome, ...] = ()
    execution: ExecutionOutcome | None = None
    total: Decimal | None = None  # 总分 as printed
    source: str = ""
    problems: tuple[str, ...] = ()  # rows of the file that could not be read


_KEYS = {
    "indicator": "key", "id": "key", "key": "key", "name": "key", "编号": "key", "指标": "key", "三级指标": "key",
    "指标名称": "key", "actual": "actual", "实际完成值": "actual", "实际值": "actual", "完成值": "actual",
    "score": "printed", "printed": "printed", "得分": "printed", "自评得分": "printed", "reason": "reason",
    "扣分原因": "reason", "偏差原因": "reason", "偏差原因分析": "reason", "偏差原因分析及改进措施": "reason",
    "grade": "grade", "等级": "grade", "评定等级": "grade", "manual": "manual", "人工得分": "manual",
    "人工评分": "manual",
}  # fmt: skip
_EXECUTION_KEYS = ("execution", "预算执行率", "执行率", "预算执行")


def load_outcomes(path: str | Path) -> Outcomes:
    """Outcomes from a ``.toml``, ``.json`` or ``.csv`` file (see the README for the layouts)."""
    p = Path(path)
    suffix = p.suffix.lower()
    try:
        if suffix == ".toml":
            data: Any = tomllib.loads(p.read_text(encoding="utf-8-sig"), parse_float=Decimal)  # a BOM, as in JSON and CSV
        elif suffix == ".json":
            with p.open(encoding="utf-8-sig") as f:
                data = json.load(f, parse_float=Decimal)
        elif suffix == ".csv":
            return _from_csv(p)
        else:
            raise OutcomeError(f"{p}: 不支持的实际完成值文件类型 {suffix!r}（支持 .toml .json .csv）")
    except (tomllib.TOMLDecodeError, json.JSONDecodeError) as e:
        raise OutcomeError(f"{p}: 文件格式错误: {e}") from None
    except UnicodeDecodeError as e:
        raise OutcomeError(f"{p}: 不是 UTF-8 文本: {e}") from None
    return outcomes_from(data, source=str(p))


def outcomes_from(data: Any, *, source: str = "") -> Outcomes:
    """Outcomes from parsed data: an outcome file's structure ({"outcome": [...], "execution": …,
    "total": …}), a list of rows, or a plain mapping {indicator id or name: actual or {"actual": …}}."""
    if isinstance(data, Outcomes):
        return data
    problems: list[str] = []
    items: list[Outcome] = []
    execution: ExecutionOutcome | None = None
    total: Decimal | None = None
    if isinstance(data, Mapping) and ("outcome" in data or "outcomes" in data or "meta" in data):
        rows = data.get("outcome", data.get("outcomes", []))
        if "execution" in data:
            execution = _execution(data["execution"], problems, source)
        if "total" in data:
            t = data["total"]
            total = _num(t.get("score") if isinstance(t, Mapping) else t, problems, f"{source} [total]", "总分")
        if isinstance(rows, Mapping):
            items.extend(_row(k, v, problems, f"{source} [{k}]") for k, v in rows.items())
        elif isinstance(rows, list):
            for i, r in enumerate(rows, 1):
                o = _record(r, problems, f"{source} 第{i}条")
                if o is not None:
                    items.append(o)
        else:
            problems.append(f"{source}: outcome 应为列表或表")
    elif isinstance(data, Mapping):
        for k, v in data.items():
            if str(k) in _EXECUTION_KEYS:
                execution = _execution(v, problems, source)
            elif str(k) in ("total", "总分"):
                total = _num(v.get("score") if isinstance(v, Mapping) else v, problems, f"{source} 总分", "总分")
            else:
                items.append(_row(str(k), v, problems, f"{source} [{k}]".strip()))
    elif isinstance(data, list):
        for i, r in enumerate(data, 1):
            o = _record(r, problems, f"{source} 第{i}条")
            if o is not None:
                items.append(o)
    else:
        raise OutcomeError(f"{source}: 实际完成值应为表、列表或映射，而不是 {type(data).__name__}")
    return Outcomes(tuple(o for o in items if o is not None), execution, total, source, tuple(problems))


def _row(key: str, value: Any, problems: list[str], where: str) -> Outcome:
    if isinstance(value, Mapping) and _is_record(value):
        o = _record({"indicator": key, **value}, problems, where)
        return o if o is not None else Outcome(key, where=where)
    return Outcome(key, _actual(value), where=where)


def _is_record(value: Mapping[str, Any]) -> bool:
    return any(str(k) in _KEYS and _KEYS[str(k)] != "key" for k in value)


def _actual(value: Any) -> Any:
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, Mapping):
        return {str(k): _actual(v) for k, v in value.items()}
    if isinstance(value, list):
        return {str(i): _actual(v) for i, v in enumerate(value, 1)}
    return value


def _record(r: Any, problems: list[str], where: str) -> Outcome | None:
    if not isinstance(r, Mapping):
        problems.append(f"{where}: 应为表（indicator, actual, score …），而不是 {r!r}")
        return None
    fields: dict[str, Any] = {}
    for k, v in r.items():
        name = _KEYS.get(str(k).strip())
        if name is None:
            if str(k) not in ("note", "备注", "level1", "level2", "一级指标", "二级指标", "section"):
                problems.append(f"{where}: 未知字段 {k!r}（已忽略）")
            continue
        if name in fields and fields[name] not in (None, ""):
            continue
        fields[name] = v
    key = fields.get("key")
    if key is None or str(key).strip() == "":
        problems.append(f"{where}: 缺少指标编号或名称（indicator）")
        return None
    return Outcome(
        str(key).strip(),
        _actual(_blank(fields.get("actual"))),
        _num(fields.get("printed"), problems, where, "得分"),
        _text(fields.get("reason")),
        _text(fields.get("grade")),
        _num(fields.get("manual"), problems, where, "人工得分"),
        where,
    )


def _blank(v: Any) -> Any:
    return None if isinstance(v, str) and not v.strip() else v


def _text(v: Any) -> str | None:
    if v is None:
        return None
    s = str(v).strip()
    return s or None


def _num(v: Any, problems: list[str], where: str, what: str) -> Decimal | None:
    try:
        return decimal_of(v, what)
    except OutcomeError as e:
        problems.append(f"{where}: {e}")
        return None


def _execution(v: Any, problems: list[str], source: str) -> ExecutionOutcome:
    where = f"{source} [execution]"
    if not isinstance(v, Mapping):
        return ExecutionOutcome(spent=_num(v, problems, where, "全年执行数"))
    get = {str(k): x for k, x in v.items()}
    return ExecutionOutcome(
        budget=_num(get.get("budget", get.get("全年预算数")), problems, where, "全年预算数"),
        spent=_num(get.get("spent", get.get("全年执行数")), problems, where, "全年执行数"),
        initial_budget=_num(get.get("initial_budget", get.get("年初预算数")), problems, where, "年初预算数"),
        rate=_text(get.get("rate", get.get("执行率"))),
        printed=_num(get.get("score", get.get("得分")), problems, where, "得分"),
    )


def _from_csv(p: Path) -> Outcomes:
    try:
        with p.open(encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f))
    except UnicodeDecodeError:
        with p.open(encoding="gb18030", newline="") as f:
            rows = list(csv.reader(f))
    if not rows:
        raise OutcomeError(f"{p}: 文件为空")
    header = [h.strip() for h in rows[0]]
    if not any(_KEYS.get(h) == "key" for h in header):
        raise OutcomeError(f"{p}: 第1行应为表头，且含指标编号或名称列（indicator/编号/三级指标），实际为 {header}")
    problems: list[str] = []
    items: list[Outcome] = []
    execution: ExecutionOutcome | None = None
    total: Decimal | None = None
    for n, row in enumerate(rows[1:], 2):
        if not any(c.strip() for c in row):
            continue
        rec = dict(zip(header, row, strict=False))
        key = next((rec[h] for h in header if _KEYS.get(h) == "key" and rec.get(h, "").strip()), "")
        if key.strip() in _EXECUTION_KEYS:
            actual = next((rec[h] for h in header if _KEYS.get(h) == "actual"), None)
            printed = next((rec[h] for h in header if _KEYS.get(h) == "printed"), None)
            execution = ExecutionOutcome(
                spent=_num(actual, problems, f"{p}:{n}", "全年执行数"),
                printed=_num(printed, problems, f"{p}:{n}", "得分"),
            )
            continue
        if key.strip() in ("总分", "合计", "total"):
            printed = next((rec[h] for h in header if _KEYS.get(h) == "printed"), None)
            total = _num(printed, problems, f"{p}:{n}", "总分")
            continue
        o = _record(rec, problems, f"{p}:{n}")
        if o is not None:
            items.append(o)
    return Outcomes(tuple(items), execution, total, str(p), tuple(problems))


def merge(first: Outcomes, second: Outcomes) -> Outcomes:
    """``second`` overriding ``first`` row by row (a table's own 实际完成值 column, then an outcome file)."""
    keys = {o.key for o in second.items}
    items = tuple(o for o in first.items if o.key not in keys) + second.items
    return Outcomes(
        items,
        second.execution or first.execution,
        second.total if second.total is not None else first.total,
        second.source or first.source,
        first.problems + second.problems,
    )


def iter_keys(items: Iterable[Outcome]) -> list[str]:
    return [o.key for o in items]


__all__ = [
    "ExecutionOutcome",
    "Outcome",
    "Outcomes",
    "load_outcomes",
    "merge",
    "outcomes_from",
]
