"""The service's limits and switches (no FastAPI needed to read them)."""

from __future__ import annotations

import os
from collections.abc import Mapping

from attrs import field, frozen


def _origins(value: str) -> tuple[str, ...]:
    return tuple(o.strip() for o in value.split(",") if o.strip())


@frozen
class Settings:
    """Limits on what one request may ask of the server, and who may call it from a browser.

    ``max_body_bytes``: a request body (JSON or multipart) larger than this is refused with 413
    before it is read. ``max_upload_bytes``: one uploaded file; ``max_unpacked_bytes``: an
    ``.xlsx`` is a zip archive and is refused when its parts would unpack to more than this.
    ``max_rule_chars``: the length of one rule text. ``max_rows``: indicator rows in an uploaded
    table. ``timeout_seconds``: the time a request may take before it is answered with 503
    (the work is bounded by the limits above). ``cors_origins``: the origins a browser may
    call the API from; empty (the default) means none but the page itself.
    """

    max_body_bytes: int = 12 * 1024 * 1024
    max_upload_bytes: int = 10 * 1024 * 1024
    max_unpacked_bytes: int = 64 * 1024 * 1024
    max_rule_chars: int = 2000
    max_rows: int = 20000
    timeout_seconds: float = 20.0
    cors_origins: tuple[str, ...] = field(default=(), converter=tuple)
    workers: int = 8  # requests worked on at once in threads; the rest wait their turn

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Settings from ``SCORING_CORS_ORIGINS`` (comma-separated), ``SCORING_MAX_BODY_BYTES``,
        ``SCORING_MAX_UPLOAD_BYTES``, ``SCORING_MAX_RULE_CHARS``, ``SCORING_MAX_ROWS`` and
        ``SCORING_TIMEOUT_SECONDS``; anything unset keeps its default."""
        e = os.environ if env is None else env
        kwargs: dict[str, object] = {}
        if e.get("SCORING_CORS_ORIGINS"):
            kwargs["cors_origins"] = _origins(e["SCORING_CORS_ORIGINS"])
        for name in ("max_body_bytes", "max_upload_bytes", "max_unpacked_bytes", "max_rule_chars", "max_rows"):
            value = e.get("SCORING_" + name.upper())
            if value:
                kwargs[name] = int(value)
        if e.get("SCORING_TIMEOUT_SECONDS"):
            kwargs["timeout_seconds"] = float(e["SCORING_TIMEOUT_SECONDS"])
        return cls(**kwargs)  # type: ignore[arg-type]
