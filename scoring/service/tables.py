"""Uploaded tables: scored, audited and written back, without any request naming a server path.

An upload arrives as bytes. It is checked (size, type, an ``.xlsx`` archive's unpacked size)
and written under a fresh private temporary directory (``tempfile.mkdtemp``: mode 0700),
with a name made from the upload's own name stripped to safe characters, because the table
readers take files; the directory is removed when the request is done. Messages that would
name the temporary path name the uploaded file instead.
"""

from __future__ import annotations

import io
import re
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import scoring

from .settings import Settings
from .views import ServiceError

TABLE_SUFFIXES = (".xlsx", ".csv", ".toml", ".json")
OUTCOME_SUFFIXES = (".toml", ".json", ".csv")
XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_UNSAFE = re.compile(r"[^\w\u3400-\u9fff（）()\-. ]+")


class Upload:
    """One uploaded file: its bytes and the name its sender gave it (used for the suffix and
    for display only; never as a path)."""

    def __init__(self, name: str | None, data: bytes) -> None:
        self.data = data
        base = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
        stem, dot, suffix = base.rpartition(".")
        if not dot:
            stem, suffix = base, ""
        stem = _UNSAFE.sub("_", stem).strip(" ._")[:80] or "table"
        self.suffix = "." + suffix.lower() if suffix else ""
        self.stem = stem
        self.display = stem + self.suffix


def check_upload(upload: Upload, suffixes: tuple[str, ...], what: str, settings: Settings) -> None:
    if upload.suffix not in suffixes:
        shown = upload.suffix or "（无扩展名）"
        raise ServiceError(422, "bad-file-type", f"{what}的类型 {shown} 不支持：请上传 {' '.join(suffixes)} 文件")
    if len(upload.data) > settings.max_upload_bytes:
        raise ServiceError(413, "too-large", f"{what}超过 {_mb(settings.max_upload_bytes)}，请拆分后再上传")
    if not upload.data.strip():
        raise ServiceError(422, "empty-file", f"{what}是空的")
    if upload.suffix == ".xlsx":
        try:
            with zipfile.ZipFile(io.BytesIO(upload.data)) as z:
                unpacked = sum(i.file_size for i in z.infolist())
        except (zipfile.BadZipFile, ValueError, OSError):
            raise ServiceError(422, "bad-workbook", f"{upload.display} 不是有效的 Excel 工作簿（.xlsx）") from None
        if unpacked > settings.max_unpacked_bytes:
            raise ServiceError(413, "too-large", f"{what}解压后超过 {_mb(settings.max_unpacked_bytes)}，请拆分后再上传")


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:g} MB"


@contextmanager
def workspace() -> Iterator[Path]:
    """A private temporary directory, removed afterwards."""
    d = Path(tempfile.mkdtemp(prefix="scoring-service-"))
    try:
        yield d
    finally:
        shutil.rmtree(d, ignore_errors=True)


def _place(directory: Path, sub: str, upload: Upload) -> Path:
    (directory / sub).mkdir(mode=0o700)
    p = directory / sub / (upload.stem + upload.suffix)
    p.write_bytes(upload.data)
    return p


def _clean(message: str, directory: Path) -> str:
    """A message with the temporary directory taken out (the uploaded names stay)."""
    for sub in ("table", "outcomes"):
        message = message.replace(str(directory / sub) + "/", "")
    return message.replace(str(directory), "…")


def _load(table: Upload, outcomes: Upload | None, directory: Path, settings: Settings,
          table_rule: str | None = None) -> tuple[Any, Path | None]:  # fmt: skip
    table_path = _place(directory, "table", table)
    outcomes_path = _place(directory, "outcomes", outcomes) if outcomes is not None else None
    try:
        ruleset = scoring.load_ruleset(table_path)
        if table_rule and table_rule.strip():
            ruleset = ruleset.with_table_rule(table_rule)  # a note under the table: rows without a rule
        if outcomes_path is not None:
            scoring.load_outcomes(outcomes_path)  # read once here, so that a bad file is reported as such
    except scoring.ScoringError as e:
        raise ServiceError(422, "bad-table", _clean(str(e), directory)) from None
    except (ValueError, KeyError, IndexError, TypeError, OSError, zipfile.BadZipFile, UnicodeDecodeError):
        # a file the readers cannot take apart (a damaged workbook, a binary file named .csv)
        raise ServiceError(422, "bad-table", f"无法读取 {table.display}：文件已损坏或不是指标表") from None
    if len(ruleset.indicators) > settings.max_rows:
        raise ServiceError(
            413, "too-many-rows", f"表中有 {len(ruleset.indicators)} 行指标，超过上限 {settings.max_rows} 行"
        )
    if not ruleset.indicators:
        raise ServiceError(
            422, "no-indicators", f"{table.display} 中没有找到指标行（需要“三级指标”列或 [[indicator]]）"
        )
    return ruleset, outcomes_path


def score_view(
    table: Upload, outcomes: Upload | None, settings: Settings, *, profile: str | None = None, as_xlsx: bool = False,
    table_rule: str | None = None,
) -> dict[str, Any] | tuple[bytes, str]:
    """The scored table as JSON data, or (workbook bytes, file name) with ``as_xlsx``."""
    with workspace() as d:
        ruleset, outcomes_path = _load(table, outcomes, d, settings, table_rule)
        try:
            report = ruleset.score(outcomes_path, profile=profile or None, explain=as_xlsx)
        except scoring.ScoringError as e:
            raise ServiceError(422, "bad-table", _clean(str(e), d)) from None
        if as_xlsx:
            out = d / "scored.xlsx"
            write_report(report, out)
            return out.read_bytes(), f"{table.stem}-评分结果.xlsx"
        data: dict[str, Any] = report.to_dict()
        data["file"] = table.display
        data["outcomes_file"] = outcomes.display if outcomes is not None else None
        return data


def audit_view(
    table: Upload, outcomes: Upload | None, settings: Settings, *, profile: str | None = None,
    table_rule: str | None = None,
) -> dict[str, Any]:
    with workspace() as d:
        ruleset, outcomes_path = _load(table, outcomes, d, settings, table_rule)
        try:
            result = scoring.audit(ruleset, outcomes_path, profile=profile or None)
        except scoring.ScoringError as e:
            raise ServiceError(422, "bad-table", _clean(str(e), d)) from None
        data: dict[str, Any] = result.to_dict()
        data["ok"] = result.ok
        data["file"] = table.display
        data["total"] = str(result.report.total)
        data["grade"] = result.report.grade
        return data


def write_report(report: Any, path: Path) -> None:
    """The scored workbook (sheet 评分表 with 得分 and 扣分原因, sheet 问题), as ``scoring score -o``."""
    from scoring.tables.spreadsheet import write_report as _write

    _write(report, path)
