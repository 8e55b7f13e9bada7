"""The HTTP API and the web page (issue 14): ``scoring serve`` runs them with uvicorn.

``create_app(settings=None)`` builds the FastAPI application: ``POST /api/parse``,
``/api/evaluate``, ``/api/curve``, ``/api/score`` and ``/api/audit``, the page at ``/`` and the
OpenAPI description at ``/docs``. FastAPI, uvicorn and python-multipart are the ``service``
extra (``pip install 'scoring[service]'``); nothing here imports them until an application
is built, so ``import scoring`` and ``import scoring.service`` work without them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .settings import Settings

if TYPE_CHECKING:
    from fastapi import FastAPI

__all__ = ["Settings", "create_app", "serve"]


def create_app(settings: Settings | None = None) -> FastAPI:
    """The FastAPI application (imports FastAPI only now)."""
    from .app import create_app as _create_app

    return _create_app(settings)


def serve(host: str = "127.0.0.1", port: int = 8000, settings: Settings | None = None, **uvicorn_options: Any) -> None:
    """Run the application with uvicorn until interrupted (bound to localhost by default)."""
    import uvicorn

    uvicorn.run(create_app(settings), host=host, port=port, **uvicorn_options)
