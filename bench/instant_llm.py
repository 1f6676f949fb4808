"""An OpenAI-compatible chat-completions endpoint that answers at once, for the benchmark.

    python -m bench.instant_llm --port 9100

It runs on the same two cores as the service it stands in for a remote LLM to, so its own CPU
per call is taken from the service's LLM line: under uvicorn (pure ASGI) it cost ~300 µs a
call here, a third of what the openai client costs the service per call. It is therefore a
bare asyncio protocol on uvloop with httptools' parser (both come with uvicorn[standard]):
HTTP/1.1 with keep-alive, Content-Length bodies, one answer per request in order.
GET /stats counts the calls by user message, so the benchmark can check "one call per
message, none when gated". A message "I live in <town>." gets that town back as the
location, so that every write message of the benchmark changes the row, as with the rules
extractor; any other message gets one fixed fact.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import resource
from collections import Counter
from typing import cast

import httptools

CALLS: Counter[str] = Counter()
MOVED = re.compile(r"^I live in ([A-Z][A-Za-z ]{0,40})\.$")
REPLY = {
    "id": "chatcmpl-instant",
    "object": "chat.completion",
    "created": 0,
    "model": "instant",
    "choices": [
        {
            "index": 0,
            "message": {
                "role": "assistant",
                "content": json.dumps({"events": [{"field": "likes", "value": ["hiking"], "event": "ADD"}]}),
            },
            "finish_reason": "stop",
            "logprobs": None,
        }
    ],
    "usage": {"prompt_tokens": 600, "completion_tokens": 20, "total_tokens": 620},
}
REPLY_BODY = json.dumps(REPLY).encode()


def reply_body(user_message: str) -> bytes:
    moved = MOVED.match(user_message)
    if not moved:
        return REPLY_BODY
    events = {"events": [{"field": "location", "value": moved.group(1), "event": "UPDATE"}]}
    reply = {
        **REPLY,
        "choices": [{**REPLY["choices"][0], "message": {"role": "assistant", "content": json.dumps(events)}}],
    }
    return json.dumps(reply).encode()


def answer(method: bytes, path: bytes, body: bytes) -> tuple[bytes, bytes]:
    """(status line, JSON body) for one request."""
    if method == b"POST" and path.endswith(b"/chat/completions"):
        request = json.loads(body or b"{}")
        user = next((m.get("content", "") for m in request.get("messages", []) if m.get("role") == "user"), "")
        CALLS[user] += 1
        return b"200 OK", reply_body(user)
    if path == b"/stats":
        # The fake's own CPU so far, so that the benchmark can say what it cost per call.
        usage = resource.getrusage(resource.RUSAGE_SELF)
        stats = {"calls": sum(CALLS.values()), "by_message": CALLS, "cpu_s": usage.ru_utime + usage.ru_stime}
        return b"200 OK", json.dumps(stats).encode()
    return b"404 Not Found", b"{}"


class InstantLLMProtocol(asyncio.Protocol):
    """One keep-alive connection: parse requests with httptools, answer each as it completes."""

    def __init__(self) -> None:
        self.parser = httptools.HttpRequestParser(self)
        self.transport: asyncio.WriteTransport | None = None
        self.url = b""
        self.body: list[bytes] = []

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = cast(asyncio.WriteTransport, transport)  # uvloop's is not an asyncio.Transport

    def data_received(self, data: bytes) -> None:
        try:
            self.parser.feed_data(data)
        except httptools.HttpParserError:
            if self.transport is not None:
                self.transport.write(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                self.transport.close()

    # httptools callbacks
    def on_message_begin(self) -> None:
        self.url, self.body = b"", []

    def on_url(self, url: bytes) -> None:
        self.url += url

    def on_body(self, body: bytes) -> None:
        self.body.append(body)

    def on_message_complete(self) -> None:
        status, payload = answer(self.parser.get_method(), httptools.parse_url(self.url).path, b"".join(self.body))
        head = b"HTTP/1.1 %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n" % (status, len(payload))
        if not self.parser.should_keep_alive():
            head += b"Connection: close\r\n"
        if self.transport is not None:
            self.transport.write(head + b"\r\n" + payload)
            if not self.parser.should_keep_alive():
                self.transport.close()


async def serve(host: str, port: int) -> None:
    server = await asyncio.get_running_loop().create_server(InstantLLMProtocol, host, port, backlog=1024)
    async with server:
        await server.serve_forever()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=9100)
    args = parser.parse_args()
    try:
        import uvloop

        uvloop.install()
    except ImportError:
        pass
    asyncio.run(serve(args.host, args.port))


if __name__ == "__main__":
    main()
