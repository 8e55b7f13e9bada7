"""``scoring serve [--host 127.0.0.1] [--port 8000]``: the HTTP API and the web page (uvicorn).

FastAPI, uvicorn and python-multipart are the ``service`` extra; without them the command
says how to install them and exits 2.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from typing import Any


def register(sub: Any) -> None:
    s = sub.add_parser("serve", help="启动 HTTP API 和网页（需安装 service 附加依赖）", description="启动 HTTP API 和网页（需安装 service 附加依赖）")
    s.add_argument("--host", default="127.0.0.1", help="监听地址（默认 127.0.0.1：仅本机）")
    s.add_argument("--port", type=int, default=8000, help="端口（默认 8000）")
    s.add_argument(
        "--cors-origin",
        action="append",
        default=[],
        metavar="ORIGIN",
        help="允许该来源的浏览器调用（可重复；默认不允许）",
    )
    s.set_defaults(run=_serve)


def _serve(args: argparse.Namespace) -> int:
    missing = [name for name in ("fastapi", "uvicorn", "multipart") if importlib.util.find_spec(name) is None]
    if missing:
        names = "、".join("python-multipart" if m == "multipart" else m for m in missing)
        print(f"错误: scoring serve 需要 {names}：pip install 'scoring[service]'", file=sys.stderr)
        return 2
    import attrs

    from ..service import Settings, serve

    settings = Settings.from_env()
    if args.cors_origin:
        settings = attrs.evolve(settings, cors_origins=tuple(args.cors_origin))
    print(
        f"评（扣）分标准助手: http://{_shown(args.host)}:{args.port}/  （接口说明 /docs；Ctrl+C 停止）", file=sys.stderr
    )
    serve(args.host, args.port, settings, log_level="info")
    return 0


def _shown(host: str) -> str:
    return f"[{host}]" if ":" in host else host
