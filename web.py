"""HTTP plumbing around the routes: request ids, access log, key and body checks, log format.

Pure ASGI middleware (not BaseHTTPMiddleware), so that each request pays for a
few header look-ups and nothing more.
"""

from __future__ import annotations

import asyncio
import contextvars
import hmac
import itertools
import json
import logging
import os
import re
import socket
import time
import traceback
from pathlib import Path
from typing import Any, cast

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

request_id_var: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")
access_log = logging.getLogger("personalmem.access")
error_log = logging.getLogger("personalmem.errors")

SAFE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
# Far above any valid body (a 16,000-character message is ~64 KB of UTF-8 at worst).
MAX_BODY_BYTES = 256 * 1024
BODY_METHODS = {"POST", "PUT", "PATCH"}


# A random prefix per process and a counter: unique across workers and restarts, and far
# cheaper than a uuid4 (a getrandom call) on every request.
_ID_PREFIX = os.urandom(8).hex()
_ID_COUNTER = itertools.count(1)


def new_request_id() -> str:
    return f"{_ID_PREFIX}{next(_ID_COUNTER):016x}"


# Control characters (and lone surrogates, which cannot even be written out as UTF-8) in
# anything logged would let a caller forge or break log lines: a %0A in a path is a new line.
_UNSAFE_FOR_LOGS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def escape_control(text: str) -> str:
    """Control characters as visible escapes: a newline becomes \\n, never a line break."""
    return _UNSAFE_FOR_LOGS.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id_var.get()
        return True


class EscapeControlFilter(logging.Filter):
    """Renders the message once and escapes it, whatever the arguments held."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        escaped = escape_control(message)
        if escaped != message:
            record.msg, record.args = escaped, None
        return True


def configure_logging(level: str) -> None:
    """Our loggers write `time level name [request id] message`. Message text is never logged."""
    logger = logging.getLogger("personalmem")
    logger.setLevel(level)
    if not any(isinstance(f, RequestIdFilter) for h in logger.handlers for f in h.filters):
        handler = logging.StreamHandler()
        handler.addFilter(RequestIdFilter())
        handler.addFilter(EscapeControlFilter())
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"))
        logger.addHandler(handler)
        logger.propagate = False
    # uvicorn's own lines (bad requests, start-up) quote what a client sent, too.
    for name in ("uvicorn", "uvicorn.error"):
        for theirs in logging.getLogger(name).handlers:
            if not any(isinstance(f, EscapeControlFilter) for f in theirs.filters):
                theirs.addFilter(EscapeControlFilter())


async def send_error(send: Send, status: int, detail: str, extra_headers: dict[bytes, bytes] | None = None) -> None:
    body = json.dumps({"detail": detail}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    headers.extend((extra_headers or {}).items())
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class RequestContextMiddleware:
    """Gives every request an id (kept from X-Request-ID when it is sane), returns it in the
    response and logs one access line with it: the method, the path (never the query string,
    which holds search text) and the status.

    An exception nothing else handled becomes a JSON 500 here, logged by type and place only:
    past this point Starlette and uvicorn would log its message, which can quote the request body.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = dict(scope["headers"]).get(b"x-request-id", b"").decode("latin-1")
        request_id = incoming if SAFE_REQUEST_ID.match(incoming) else new_request_id()
        token = request_id_var.set(request_id)
        started = time.perf_counter()
        status = 500
        response_started = False

        async def send_with_id(message: Message) -> None:
            nonlocal status, response_started
            if message["type"] == "http.response.start":
                status = message["status"]
                response_started = True
                MutableHeaders(scope=message).append("X-Request-ID", request_id)
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        except Exception as exc:
            frame = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
            where = f" at {Path(frame.filename).name}:{frame.lineno}" if frame else ""
            error_log.error("unhandled %s%s", type(exc).__name__, where)
            if response_started:
                raise
            status = 500
            await send_error(send_with_id, 500, "internal error; the request id names it in the log")
        finally:
            if access_log.isEnabledFor(logging.INFO):
                access_log.info(
                    "%s %s %d %.1fms", scope["method"], scope["path"], status, (time.perf_counter() - started) * 1000
                )
            request_id_var.reset(token)


class BodyGuardMiddleware:
    """Runs before anything reads a body: the API key, then the body's type and size.

    FastAPI reads and parses a body before it runs any dependency, so the key check in api.py
    would come after a body was read. Here a request that carries a body is turned away with
    401 before a byte of it is read, and a body is counted as it streams (a chunked one has no
    Content-Length) and refused with 413 at the limit, so no client can make a worker buffer more.
    """

    def __init__(self, app: ASGIApp, *, api_keys: tuple[str, ...] = (), max_body_bytes: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.api_keys = api_keys
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in BODY_METHODS:
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        if self.api_keys and not key_is_valid(offered_key(headers), self.api_keys):
            await send_error(send, 401, UNAUTHORIZED_DETAIL, {b"www-authenticate": b"Bearer"})
            return
        problem = self._header_problem(headers)
        if problem:
            await send_error(send, *problem)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body_bytes:
                await send_error(send, 413, self._too_large)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    @property
    def _too_large(self) -> str:
        return f"request body is larger than {self.max_body_bytes} bytes"

    def _header_problem(self, headers: dict[bytes, bytes]) -> tuple[int, str] | None:
        length = headers.get(b"content-length")
        if length and length.isdigit() and int(length) > self.max_body_bytes:
            return 413, self._too_large
        has_body = (length and length != b"0") or b"transfer-encoding" in headers
        content_type = headers.get(b"content-type", b"").split(b";")[0].strip().lower()
        if has_body and content_type != b"application/json" and not content_type.endswith(b"+json"):
            shown = escape_control(content_type.decode("latin-1")) or "none"
            return 415, f"Content-Type must be application/json (got {shown})"
        return None


# -- API keys: one comparison for the middleware above and the dependency in api.py ---------

UNAUTHORIZED_DETAIL = "a valid API key is required: Authorization: Bearer <key> or X-API-Key: <key>"


def offered_key(headers: dict[bytes, bytes]) -> str:
    """The key a request offers: X-API-Key, else an Authorization: Bearer credential."""
    key = headers.get(b"x-api-key", b"").decode("latin-1").strip()
    if key:
        return key
    scheme, _, credentials = headers.get(b"authorization", b"").decode("latin-1").partition(" ")
    return credentials.strip() if scheme.lower() == "bearer" else ""


def key_is_valid(offered: str | None, keys: tuple[str, ...]) -> bool:
    """compare_digest takes the same time wherever two keys differ; every key is compared,
    so the time does not tell which one (if any) was close."""
    if not offered:
        return False
    candidate = offered.encode("utf-8", "surrogateescape")
    matched = False
    for key in keys:
        matched |= hmac.compare_digest(candidate, key.encode())
    return matched


# -- one write per response ---------------------------------------------------------------


class _CorkedTransport:
    """A transport whose writes within one event-loop step leave as one.

    uvicorn writes a response's status line and headers, then its body: two send() calls, each
    of which wakes the client and, on loopback TCP, runs the receiving side's TCP work in the
    sending process. Measured here (bench/RESULTS.md, one worker, strace -c): 2 writes per
    response become 1, and the worker's CPU per request drops by 5-8% (GET memories 193 -> 183 µs,
    /health 132 -> 122 µs). Everything but write() and close() passes through untouched.
    """

    __slots__ = ("_loop", "_pending", "_transport")

    def __init__(self, transport: asyncio.Transport, loop: asyncio.AbstractEventLoop) -> None:
        self._transport = transport
        self._loop = loop
        self._pending: list[bytes] = []

    def write(self, data: bytes) -> None:
        if not self._pending:
            self._loop.call_soon(self.flush)
        self._pending.append(data)

    def flush(self) -> None:
        if self._pending:
            data = b"".join(self._pending) if len(self._pending) > 1 else self._pending[0]
            self._pending.clear()
            self._transport.write(data)

    def close(self) -> None:
        # What was written goes out before the close, as it would have without the cork.
        self.flush()
        self._transport.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._transport, name)


class CorkedHttpToolsProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol with each response sent in one write (`--http web:CorkedHttpToolsProtocol`)."""

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        corked = _CorkedTransport(cast(asyncio.Transport, transport), self.loop)
        super().connection_made(cast(asyncio.Transport, corked))


# -- the launcher: workers that each listen on a socket of their own -----------------------
#
# uvicorn's --workers hands every worker one shared listening socket. A burst of connections
# (a load balancer's pool, or wrk's 32 at once) is then accepted by whichever worker wakes
# first, which takes every pending one: the benchmark saw 31/1, 28/4 and 2/30 splits, and reads
# at 28/4 did 3,530 req/s against 5,063 at 16/16. With SO_REUSEPORT each worker listens on a
# socket of its own and the kernel spreads new connections over them by their addresses.
# uvicorn's own supervisor still runs the workers (health checks, restarts, signals).

SERVE_USAGE = "python -m web [--host H] [--port P] [--workers N] [--reload] [--log-level L]"


def listen_reuseport(host: str, port: int, backlog: int) -> socket.socket:
    """A listening socket of this worker's own on host:port, beside the other workers'."""
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    sock.listen(backlog)
    return sock


class OwnListener:
    """Stands in for the socket uvicorn's supervisor passes to each worker it starts: the worker
    unpickles it (multiprocessing's spawn) as a listening socket of its own."""

    def __init__(self, host: str, port: int, backlog: int) -> None:
        self.host, self.port, self.backlog = host, port, backlog

    def __reduce__(self) -> tuple[Any, tuple[str, int, int]]:
        return listen_reuseport, (self.host, self.port, self.backlog)


def serve(argv: list[str] | None = None) -> int:
    """Run api:app_api as start_api.sh, the Dockerfile, the tests and the benchmark do."""
    import argparse

    import uvicorn
    from uvicorn.supervisors import Multiprocess

    parser = argparse.ArgumentParser(prog="python -m web", usage=SERVE_USAGE)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8888)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--reload", action="store_true")
    parser.add_argument("--log-level", default="info")
    args = parser.parse_args(argv)
    config = uvicorn.Config(
        "api:app_api",
        host=args.host,
        port=args.port,
        workers=args.workers,
        reload=args.reload,
        # uvicorn's access line holds the query string (search text); the service writes its own.
        access_log=False,
        http=CorkedHttpToolsProtocol,
        log_level=args.log_level,
    )
    if args.reload or args.workers <= 1:
        uvicorn.run(
            "api:app_api", host=args.host, port=args.port, reload=args.reload, access_log=False,
            http=CorkedHttpToolsProtocol, log_level=args.log_level,
        )  # fmt: skip
        return 0
    # The port stays ours while workers come and go: a socket bound with SO_REUSEPORT that never
    # listens takes no connections. First a plain bind, which SO_REUSEPORT would not do: a port
    # another program (or a second copy of this service) listens on is an error here, before any
    # worker starts, not a port silently shared with it.
    family = socket.AF_INET6 if ":" in args.host else socket.AF_INET
    try:
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((args.host, args.port))
        holder = socket.socket(family, socket.SOCK_STREAM)
        holder.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        holder.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        holder.bind((args.host, args.port))
    except OSError as exc:
        logging.getLogger("uvicorn.error").error("cannot listen on %s:%s: %s", args.host, args.port, exc.strerror)
        return 1
    try:
        listener = cast(socket.socket, OwnListener(args.host, args.port, config.backlog))
        Multiprocess(config, sockets=[listener]).run()
    finally:
        holder.close()
    return 0


if __name__ == "__main__":
    # Through the module's own name, so that what the workers unpickle lives in `web`, not in
    # `__main__`.
    from web import serve as _serve

    raise SystemExit(_serve())
