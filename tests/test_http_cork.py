"""web.CorkedHttpToolsProtocol: each response leaves in one write, and the bytes on the wire are
exactly what uvicorn's own httptools protocol sends (same order, same content, close after data).

The protocol runs on a real event loop with uvicorn's own config; only the socket is replaced
by a transport that records what it is given.
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from uvicorn.config import Config
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol
from uvicorn.server import ServerState

from web import CorkedHttpToolsProtocol


class RecordingTransport(asyncio.Transport):
    """What a protocol hands to the socket: every write, and when it closed."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[tuple[str, bytes]] = []
        self.closing = False

    def write(self, data: bytes | bytearray | memoryview) -> None:
        if self.closing:
            return  # as a socket transport does: what is written after close() is lost
        self.calls.append(("write", bytes(data)))

    def close(self) -> None:
        self.calls.append(("close", b""))
        self.closing = True

    def is_closing(self) -> bool:
        return self.closing

    def get_extra_info(self, name: str, default: Any = None) -> Any:
        return default

    def pause_reading(self) -> None:
        pass

    def resume_reading(self) -> None:
        pass

    @property
    def writes(self) -> list[bytes]:
        return [data for kind, data in self.calls if kind == "write"]


async def plain_app(scope: dict, receive: Any, send: Any) -> None:
    body = b'{"town": "Ghent"}'
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": body})


async def streaming_app(scope: dict, receive: Any, send: Any) -> None:
    await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/plain")]})
    for chunk in (b"first line\n", b"second line\n", b"third line\n"):
        await send({"type": "http.response.body", "body": chunk, "more_body": True})
        await asyncio.sleep(0)  # the next chunk is sent in a later step of the loop
    await send({"type": "http.response.body", "body": b""})


async def failing_app(scope: dict, receive: Any, send: Any) -> None:
    raise RuntimeError("the app broke before it answered")


async def serve(protocol_class: type[HttpToolsProtocol], app: Any, raw_request: bytes) -> RecordingTransport:
    """Feed one raw request to a protocol on this loop and return what it wrote."""
    loop = asyncio.get_running_loop()
    config = Config(app=app, http=protocol_class, lifespan="off", date_header=False, server_header=False,
                    log_level="critical")  # fmt: skip
    config.load()
    protocol = protocol_class(config=config, server_state=ServerState(), app_state={}, _loop=loop)
    transport = RecordingTransport()
    protocol.connection_made(transport)
    protocol.data_received(raw_request)
    for _ in range(50):  # the response's tasks and the cork's flush run on this loop
        await asyncio.sleep(0)
    protocol.connection_lost(None)
    return transport


GET = b"GET /memories HTTP/1.1\r\nHost: test\r\n\r\n"
GET_CLOSE = b"GET /memories HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n"
TWO_PIPELINED = GET + b"GET /again HTTP/1.1\r\nHost: test\r\n\r\n"


def wire(protocol_class: type[HttpToolsProtocol], app: Any, raw: bytes) -> RecordingTransport:
    return asyncio.run(serve(protocol_class, app, raw))


def test_uvicorns_own_protocol_writes_headers_and_body_apart() -> None:
    """The premise: without the cork a plain response costs two writes (two send() calls)."""
    assert len(wire(HttpToolsProtocol, plain_app, GET).writes) == 2


def test_a_response_leaves_in_one_write() -> None:
    writes = wire(CorkedHttpToolsProtocol, plain_app, GET).writes
    assert len(writes) == 1
    assert writes[0].startswith(b"HTTP/1.1 200 OK\r\n")
    assert writes[0].endswith(b'\r\n\r\n{"town": "Ghent"}')


@pytest.mark.parametrize(
    ("app", "raw"),
    [
        (plain_app, GET),
        (plain_app, GET_CLOSE),
        (plain_app, TWO_PIPELINED),
        (streaming_app, GET),
        (streaming_app, GET_CLOSE),
        (failing_app, GET),
        (failing_app, GET_CLOSE),
    ],
    ids=["plain", "plain-close", "pipelined", "streamed", "streamed-close", "500", "500-close"],
)
def test_the_bytes_on_the_wire_are_uvicorns_own(app: Any, raw: bytes) -> None:
    corked = wire(CorkedHttpToolsProtocol, app, raw)
    plain = wire(HttpToolsProtocol, app, raw)
    assert b"".join(corked.writes) == b"".join(plain.writes)
    assert b"".join(corked.writes)  # every case answers something
    # A close comes after every byte written, as it does without the cork.
    assert [kind for kind, _ in corked.calls if kind == "close"] == [kind for kind, _ in plain.calls if kind == "close"]
    if any(kind == "close" for kind, _ in corked.calls):
        assert corked.calls[-1][0] == "close"


def test_pipelined_responses_stay_in_order() -> None:
    data = b"".join(wire(CorkedHttpToolsProtocol, plain_app, TWO_PIPELINED).writes)
    assert data.count(b"HTTP/1.1 200 OK") == 2


def test_a_streamed_response_keeps_its_chunks_in_order() -> None:
    data = b"".join(wire(CorkedHttpToolsProtocol, streaming_app, GET).writes)
    body = data.split(b"\r\n\r\n", 1)[1]
    assert body == b"b\r\nfirst line\n\r\nc\r\nsecond line\n\r\nb\r\nthird line\n\r\n0\r\n\r\n"
