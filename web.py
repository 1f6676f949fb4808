"""HTTP plumbing around the routes: request ids, access log, body checks, CORS, log format.

Pure ASGI middleware (not BaseHTTPMiddleware), so that each request pays for a
few header look-ups and nothing more.
"""

from __future__ import annotations

import contextvars
import itertools
import json
import logging
import os
import re
import time
from typing import Any

from starlette.datastructures import MutableHeaders
from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

request_id_var: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")
access_log = logging.getLogger("personalmem.access")

SAFE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
# Far above any valid body (a 16,000-character message is ~64 KB of UTF-8 at worst).
MAX_BODY_BYTES = 256 * 1024
BODY_METHODS = {b"POST", b"PUT", b"PATCH"}


# A random prefix per process and a counter: unique across workers and restarts, and far
# cheaper than a uuid4 (a getrandom call) on every request.
_ID_PREFIX = os.urandom(8).hex()
_ID_COUNTER = itertools.count(1)


def new_request_id() -> str:
    return f"{_ID_PREFIX}{next(_ID_COUNTER):016x}"


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id_var.get()
        return True


def configure_logging(level: str) -> None:
    """Our loggers write `time level name [request id] message`. Message text is never logged."""
    logger = logging.getLogger("personalmem")
    logger.setLevel(level)
    if not any(isinstance(f, RequestIdFilter) for h in logger.handlers for f in h.filters):
        handler = logging.StreamHandler()
        handler.addFilter(RequestIdFilter())
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"))
        logger.addHandler(handler)
        logger.propagate = False


async def _send_error(send: Send, status: int, detail: str, request_id: str) -> None:
    body = json.dumps({"detail": detail}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"x-request-id", request_id.encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class RequestContextMiddleware:
    """Gives every request an id (kept from X-Request-ID when it is sane), returns it in the
    response, logs one access line with it, and turns away bodies that are not JSON or too big."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        incoming = headers.get(b"x-request-id", b"").decode("latin-1")
        request_id = incoming if SAFE_REQUEST_ID.match(incoming) else new_request_id()
        token = request_id_var.set(request_id)
        started = time.perf_counter()
        status = 500
        try:
            problem = _body_problem(scope["method"].encode(), headers)
            if problem:
                status = problem[0]
                await _send_error(send, problem[0], problem[1], request_id)
                return

            async def send_with_id(message: Message) -> None:
                nonlocal status
                if message["type"] == "http.response.start":
                    status = message["status"]
                    MutableHeaders(scope=message).append("X-Request-ID", request_id)
                await send(message)

            await self.app(scope, receive, send_with_id)
        finally:
            if access_log.isEnabledFor(logging.INFO):
                # The path, never the body: message text stays out of the logs.
                access_log.info(
                    "%s %s %d %.1fms", scope["method"], scope["path"], status, (time.perf_counter() - started) * 1000
                )
            request_id_var.reset(token)


def _body_problem(method: bytes, headers: dict[bytes, bytes]) -> tuple[int, str] | None:
    if method not in BODY_METHODS:
        return None
    length = headers.get(b"content-length")
    if length and length.isdigit() and int(length) > MAX_BODY_BYTES:
        return 413, f"request body is larger than {MAX_BODY_BYTES} bytes"
    has_body = (length and length != b"0") or b"transfer-encoding" in headers
    content_type = headers.get(b"content-type", b"").split(b";")[0].strip().lower()
    if has_body and content_type != b"application/json" and not content_type.endswith(b"+json"):
        shown = content_type.decode("latin-1") or "none"
        return 415, f"Content-Type must be application/json (got {shown})"
    return None


class SettingsCORSMiddleware:
    """CORS from CORS_ORIGINS, read from the settings the lifespan loaded; none means same-origin only."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self._cors: ASGIApp | None = None
        self._origins: tuple[str, ...] | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        settings: Any = getattr(scope["app"].state, "settings", None)
        origins = tuple(settings.cors_origins) if settings is not None else ()
        if not origins:
            await self.app(scope, receive, send)
            return
        if self._cors is None or origins != self._origins:
            self._origins = origins
            self._cors = CORSMiddleware(
                self.app,
                allow_origins=list(origins),
                allow_methods=["GET", "POST", "PUT", "DELETE"],
                allow_headers=["Authorization", "X-API-Key", "Content-Type", "X-Request-ID"],
                expose_headers=["X-Request-ID"],
            )
        await self._cors(scope, receive, send)
