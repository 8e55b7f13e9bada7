"""The FastAPI application: ``create_app(settings=None)``.

Endpoints (JSON in, JSON out, numbers as strings; errors as
``{"error": {"code", "message", "line", "column", …}}``):

- ``POST /api/parse``    how a rule reads, what it needs as input, the checker's findings, the restatement
- ``POST /api/evaluate`` the score of one outcome with its 扣分原因 and the steps
- ``POST /api/curve``    the score at every edge and step, and the picture as SVG
- ``POST /api/score``    (multipart: ``table``, optional ``outcomes``) the scored table; ``?format=xlsx`` the workbook
- ``POST /api/audit``    (the same inputs) the printed scores that differ from the computed ones
- ``GET /``              the page; ``/static/…`` its files; ``/docs`` the OpenAPI description

Bad rule text or values answer 422, input over the limits 413, a request over its time 503,
anything unexpected 500 with a message and no trace (the trace goes to the server's log).
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar

from fastapi import FastAPI, File, Form, Query, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field, StrictFloat, StrictInt, StrictStr
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

import scoring

from . import tables, views
from .settings import Settings
from .views import ServiceError

log = logging.getLogger("scoring.service")
STATIC = Path(__file__).parent / "static"
T = TypeVar("T")

Number = StrictStr | StrictInt | StrictFloat  # numbers as strings (exact) or JSON numbers; never true/false
_STATUS_CODES = {
    404: ("not-found", "没有这个地址"),
    405: ("method-not-allowed", "这个地址不接受这种请求方法"),
    413: ("too-large", "请求过大"),
    400: ("bad-request", "请求格式不对"),
}
_PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


# ------------------------------------------------------------------ request bodies


class Options(BaseModel):
    """Scoring options (the table profiles' options): all optional."""

    model_config = ConfigDict(extra="forbid")

    places: int | None = Field(None, ge=0, le=6, description="得分保留的小数位数（默认2）")
    rounding: Literal["half_up", "truncate"] | None = Field(
        None, description="half_up（四舍五入，默认）或 truncate（截断）"
    )
    partial: Literal["prorata", "ceil", "floor"] | None = Field(
        None, description="不足一档：prorata（按比例，默认）、ceil（按一档计）、floor（不计）"
    )
    reverse: Literal["ratio", "linear"] | None = Field(
        None, description="≤类指标无规则时：ratio（指标值/实际值）或 linear"
    )


class RuleRequest(BaseModel):
    rule: str = Field(
        ..., description="评（扣）分标准原文", examples=["满意度90%及以上得满分，每5%扣2分，低于75%不得分"]
    )
    target: Number | None = Field(None, description="指标值，如 ≥90%、1万人、30", examples=["90%"])
    weight: Number | None = Field(None, description="分值（数字用字符串传递最精确）", examples=["10"])
    comparator: str | None = Field(None, description="指标值类型：≥ ≤ = > < 定性 定量", examples=["≥"])
    unit: str | None = Field(None, description="度量单位：% 人 万元 …", examples=["%"])


class EvaluateRequest(RuleRequest):
    actual: Number | dict[str, Number | bool] = Field(
        ..., description='实际完成值：85%、3、是/否、等级；分项规则用 {"1": "是", "2": "3"}', examples=["85%"]
    )
    weight: Number = Field(..., description="分值", examples=["10"])
    options: Options | None = None


class CurveRequest(RuleRequest):
    lo: Number | None = Field(None, description="最低的实际值（比率写 80 表示 80%）")
    hi: Number | None = Field(None, description="最高的实际值")
    item: int | None = Field(None, description="分项规则（①②…）只画第几项；不填则每项都画")
    options: Options | None = None


class ErrorBody(BaseModel):
    code: str
    message: str
    line: int | None = None
    column: int | None = None


class ErrorResponse(BaseModel):
    error: ErrorBody


_ERRORS: dict[int | str, dict[str, Any]] = {
    413: {"model": ErrorResponse, "description": "输入超过限制"},
    422: {"model": ErrorResponse, "description": "规则文字或数值有误（语法错误带行、列和 span）"},
    503: {"model": ErrorResponse, "description": "处理超时"},
}


# ------------------------------------------------------------------ limits


class BodyLimit:
    """Refuse a request body over ``limit`` bytes with 413: at once when Content-Length says so,
    else as soon as that many bytes have arrived."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                if not value.isdigit() or int(value) > self.limit:
                    response = _error_response(413, "too-large", f"请求超过 {_mb(self.limit)} 的上限")
                    await response(scope, receive, send)
                    return
        received = 0

        async def limited() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise StarletteHTTPException(413, f"请求超过 {_mb(self.limit)} 的上限")
            return message

        await self.app(scope, limited, send)


class PageHeaders:
    """Security headers on the page and its files (not on /docs, which loads its own scripts)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "") if scope["type"] == "http" else ""
        if path != "/" and not path.startswith("/static/"):
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [(k.lower().encode(), v.encode()) for k, v in _PAGE_HEADERS.items()]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)


_TABLE_RULE = "表注中的评分标准（可选）：没有自己评分标准的行按它计分，逐行注明"


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:g} MB"


def _error_response(status: int, code: str, message: str, **extra: Any) -> JSONResponse:
    return JSONResponse(
        {"error": {"code": code, "message": message, "line": None, "column": None, **extra}}, status_code=status
    )


# ------------------------------------------------------------------ the application


def create_app(settings: Settings | None = None) -> FastAPI:
    """The application with ``settings`` (default: ``Settings.from_env()``)."""
    settings = settings or Settings.from_env()
    # The work of a request runs in these threads: at most ``workers`` at once, so a request
    # answered with 503 after its time limit keeps its thread until its (bounded) work ends,
    # and new requests queue rather than pile up threads.
    pool = ThreadPoolExecutor(max_workers=settings.workers, thread_name_prefix="scoring-service")

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        pool.shutdown(wait=False, cancel_futures=True)

    app = FastAPI(
        title="scoring：评（扣）分标准",
        version=scoring.__version__,
        description="解析与计算预算绩效评（扣）分标准。数值一律以字符串返回（精确十进制）。",
        debug=False,
        lifespan=lifespan,
    )
    app.state.settings = settings

    async def run(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Work in the pool, answered within the time limit (queueing included)."""
        future = asyncio.get_running_loop().run_in_executor(pool, functools.partial(fn, *args, **kwargs))
        try:
            return await asyncio.wait_for(future, settings.timeout_seconds)
        except TimeoutError:
            raise ServiceError(
                503, "timeout", f"处理时间超过 {settings.timeout_seconds:g} 秒，请缩小输入后重试"
            ) from None

    def rule_text(text: str) -> str:
        if len(text) > settings.max_rule_chars:
            raise ServiceError(
                413, "rule-too-long", f"规则文字有 {len(text)} 个字符，超过上限 {settings.max_rule_chars}"
            )
        if not text.strip():
            raise ServiceError(422, "empty-rule", "请填写评（扣）分标准")
        return text

    # ---- errors: one JSON shape, never a trace

    @app.exception_handler(ServiceError)
    async def _service_error(request: Request, exc: ServiceError) -> JSONResponse:
        return JSONResponse(exc.payload(), status_code=exc.status)

    @app.exception_handler(scoring.ScoringError)
    async def _scoring_error(request: Request, exc: scoring.ScoringError) -> JSONResponse:
        status, payload = views.error_payload(exc)
        return JSONResponse(payload, status_code=status)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        return _error_response(422, "bad-request", _validation_message(exc.errors()))

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code, message = _STATUS_CODES.get(exc.status_code, (f"http-{exc.status_code}", "请求无法处理"))
        if exc.status_code == 413 and isinstance(exc.detail, str):
            message = exc.detail
        return _error_response(exc.status_code, code, message)

    @app.exception_handler(Exception)
    async def _internal_error(request: Request, exc: Exception) -> JSONResponse:
        log.exception("internal error on %s %s", request.method, request.url.path)
        return _error_response(500, "internal-error", "服务器内部错误：已记录，请稍后重试或联系管理员")

    # ---- rule writers

    @app.post("/api/parse", responses=_ERRORS, summary="规则怎么读：条款、默认口径、检查结果、标准表述")
    async def parse(body: RuleRequest) -> JSONResponse:
        return JSONResponse(await run(views.parse_view, rule_text(body.rule), **_row(body)))

    @app.post("/api/evaluate", responses=_ERRORS, summary="计算一个实际完成值的得分与扣分原因")
    async def evaluate(body: EvaluateRequest) -> JSONResponse:
        text = rule_text(body.rule)
        row = _row(body)
        actual = views.actual_value(body.actual)
        kwargs: dict[str, Any] = {
            **row,
            "options": body.options.model_dump(exclude_none=True) if body.options else None,
        }
        if views.is_parsed(text) and not isinstance(actual, dict):
            # a rule already parsed scores one outcome in tens of microseconds: answered at once,
            # without the hop to a worker thread
            return JSONResponse(views.evaluate_view(text, actual, **kwargs))
        return JSONResponse(await run(views.evaluate_view, text, actual, **kwargs))

    @app.post("/api/curve", responses=_ERRORS, summary="各边界、各档的得分表与得分曲线（SVG）")
    async def curve(body: CurveRequest) -> JSONResponse:
        text = rule_text(body.rule)
        data = await run(
            views.curve_view,
            text,
            **_row(body),
            lo=views.text_value(body.lo, "最低实际值"),
            hi=views.text_value(body.hi, "最高实际值"),
            item=body.item,
            options=body.options.model_dump(exclude_none=True) if body.options else None,
        )
        return JSONResponse(data)

    # ---- evaluators

    async def uploads(table: UploadFile, outcomes: UploadFile | None) -> tuple[tables.Upload, tables.Upload | None]:
        t = await _read(table, settings)
        tables.check_upload(t, tables.TABLE_SUFFIXES, "指标表", settings)
        o = None
        if outcomes is not None and (outcomes.filename or outcomes.size):
            o = await _read(outcomes, settings)
            tables.check_upload(o, tables.OUTCOME_SUFFIXES, "实际完成值文件", settings)
        return t, o

    @app.post(
        "/api/score",
        responses=_ERRORS,
        summary="给整张指标表评分；?format=xlsx 返回评分后的工作簿",
        response_model=None,
    )
    async def score(
        table: Annotated[UploadFile, File(description="指标表：.xlsx .csv .toml .json")],
        outcomes: Annotated[UploadFile | None, File(description="实际完成值文件（可选）：.toml .json .csv")] = None,
        profile: Annotated[str | None, Form(description="评分口径（可选），见 scoring profiles")] = None,
        format: Annotated[Literal["json", "xlsx"], Query(description="json（默认）或 xlsx")] = "json",
        table_rule: Annotated[str | None, Form(description=_TABLE_RULE)] = None,
    ) -> Response:
        t, o = await uploads(table, outcomes)
        result = await run(tables.score_view, t, o, settings, profile=profile, as_xlsx=format == "xlsx",
                           table_rule=table_rule)  # fmt: skip
        if isinstance(result, tuple):
            data, name = result
            return Response(data, media_type=tables.XLSX_MEDIA_TYPE, headers={"Content-Disposition": _attachment(name)})
        return JSONResponse(result)

    @app.post("/api/audit", responses=_ERRORS, summary="核对表中填报的得分：列出与计算结果不一致的行及原因")
    async def audit(
        table: Annotated[UploadFile, File(description="指标表：.xlsx .csv .toml .json（含得分列）")],
        outcomes: Annotated[UploadFile | None, File(description="实际完成值与填报得分文件（可选）")] = None,
        profile: Annotated[str | None, Form(description="评分口径（可选）")] = None,
        table_rule: Annotated[str | None, Form(description=_TABLE_RULE)] = None,
    ) -> JSONResponse:
        t, o = await uploads(table, outcomes)
        return JSONResponse(await run(tables.audit_view, t, o, settings, profile=profile, table_rule=table_rule))

    # ---- the page

    @app.get("/", include_in_schema=False)
    async def page() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    @app.get("/api/profiles", summary="可选的评分口径")
    async def profiles() -> dict[str, list[dict[str, str]]]:
        return {
            "profiles": [{"name": p.name, "description": p.description} for p in scoring.profiles.PROFILES.values()]
        }

    @app.get("/api/health", summary="服务是否在运行")
    async def health() -> dict[str, str]:
        return {"status": "ok", "version": scoring.__version__}

    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    app.add_middleware(PageHeaders)
    if settings.cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["Content-Type"],
        )
    app.add_middleware(BodyLimit, limit=settings.max_body_bytes)
    return app


def _row(body: RuleRequest) -> dict[str, str | None]:
    return {
        "target": views.text_value(body.target, "指标值"),
        "weight": views.text_value(body.weight, "分值"),
        "comparator": views.text_value(body.comparator, "指标值类型"),
        "unit": views.text_value(body.unit, "度量单位"),
    }


async def _read(upload: UploadFile, settings: Settings) -> tables.Upload:
    if upload.size is not None and upload.size > settings.max_upload_bytes:
        raise ServiceError(413, "too-large", f"{upload.filename or '上传的文件'} 超过 {_mb(settings.max_upload_bytes)}")
    data = await upload.read(settings.max_upload_bytes + 1)
    return tables.Upload(upload.filename, data)


def _attachment(name: str) -> str:
    from urllib.parse import quote

    return f"attachment; filename=\"scored.xlsx\"; filename*=UTF-8''{quote(name)}"


_FIELDS = {
    "rule": "规则文字（rule）",
    "actual": "实际完成值（actual）",
    "weight": "分值（weight）",
    "target": "指标值（target）",
    "comparator": "指标值类型（comparator）",
    "unit": "度量单位（unit）",
    "table": "指标表文件（table）",
    "outcomes": "实际完成值文件（outcomes）",
    "options": "选项（options）",
    "format": "format",
    "item": "分项（item）",
    "lo": "最低实际值（lo）",
    "hi": "最高实际值（hi）",
}


def _validation_message(errors: Any) -> str:
    """The request's faults in plain words (never the values sent back)."""
    parts: list[str] = []
    for e in list(errors)[:5]:
        loc = [str(x) for x in e.get("loc", ()) if x not in ("body", "query", "form")]
        kind = str(e.get("type", ""))
        field = next((x for x in loc if not x.isdigit()), "")
        name = _FIELDS.get(field, field or "请求")
        if field == "options" and len(loc) > 1 and kind != "extra_forbidden":
            name = f"选项 {loc[1]} "
        if kind == "json_invalid":
            parts.append("请求体不是有效的 JSON")
        elif kind == "missing":
            parts.append(f"缺少{name}")
        elif kind in ("model_attributes_type", "dict_type") and not loc:
            parts.append("请求体应为 JSON 对象")
        elif kind == "literal_error":
            expected = str((e.get("ctx") or {}).get("expected", ""))
            choices = expected.replace(" or ", ", ").replace("'", "").split(", ")
            parts.append(f"{name}只能是 {'、'.join(choices)}")
        elif kind == "extra_forbidden":
            parts.append(f"不认识的{_FIELDS.get(loc[0], loc[0]) if loc else '字段'}字段：{loc[-1] if loc else ''}")
        elif kind in ("less_than_equal", "greater_than_equal"):
            parts.append(f"{name}超出范围")
        else:
            parts.append(f"{name}的值不对：应为文字或数字" if field else "请求格式不对")
    return "；".join(dict.fromkeys(parts)) or "请求格式不对"


__all__ = ["create_app"]
