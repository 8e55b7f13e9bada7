"""Loading an indicator table from a file: ``.toml``/``.json`` in the layout of rulesets/README.md
(ruleset.py), or a spreadsheet, ``.xlsx .xlsm .xls .xlsb .ods .csv`` (spreadsheet.py).

It sits above both, so that neither the ruleset nor the spreadsheet reader imports the other's loader.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path

from .rows import RulesetError
from .ruleset import Ruleset, ruleset_from
from .spreadsheet import SUFFIXES, read_table


def load_ruleset(path: str | Path, *, sheet: str | int | None = None) -> Ruleset:
    """Read an indicator table: ``.toml``/``.json`` (the rulesets/README.md layout), or a spreadsheet
    (``.xlsx .xlsm .xls .xlsb .ods .csv``; ``sheet``: a sheet's name or 1-based position)."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix in SUFFIXES:
        return read_table(p, sheet=sheet)
    if not p.exists():
        raise RulesetError(f"{p}: 文件不存在")
    if p.is_dir():
        raise RulesetError(f"{p}: 是目录，不是文件；应为指标表文件（.toml .json .xlsx .xls .csv …）")
    if sheet is not None:
        raise RulesetError(f"{p}: --sheet 只用于电子表格（.xlsx .xls .ods .csv），{suffix} 文件没有工作表")
    try:
        if suffix == ".toml":
            data = tomllib.loads(p.read_text(encoding="utf-8-sig"), parse_float=Decimal)  # a BOM, as in JSON and CSV
        elif suffix == ".json":
            with p.open(encoding="utf-8-sig") as f:
                data = json.load(f, parse_float=Decimal)
        else:
            raise RulesetError(f"{p}: 不支持的文件类型 {suffix!r}；应为 .toml .json .xlsx .xlsm .xls .xlsb .ods 或 .csv")
    except tomllib.TOMLDecodeError as e:
        raise RulesetError(f"{p}: TOML 格式错误: {e}") from None
    except json.JSONDecodeError as e:
        raise RulesetError(f"{p}: JSON 格式错误: {e}") from None
    except UnicodeDecodeError as e:
        raise RulesetError(f"{p}: 不是 UTF-8 文本（{e.reason}，第{e.start}字节）；请另存为 UTF-8") from None
    except OSError as e:
        raise RulesetError(f"{p}: 无法读取（{e.strerror or e}）") from None
    if not isinstance(data, Mapping):
        raise RulesetError(f"{p}: 顶层应为表")
    if "outcome" in data and "indicator" not in data:
        raise RulesetError(f"{p}: 这是实际完成值文件（有 [[outcome]]，没有 [[indicator]]），请用 --outcomes 传入")
    return ruleset_from(data, path=p)


__all__ = ["load_ruleset"]
