"""A small chat-completions server on 127.0.0.1 for tests and benchmarks.

It speaks the wire format the official openai client expects (OpenAI paths and
Azure deployment paths alike), answers from a queue of scripted replies or from
a responder function, and records every request it saw. It can refuse
`response_format: json_schema` with a 400 (as some compatible servers do), and,
with `forward_to`, it is a recording proxy in front of a real server.
"""

from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.request
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit


@dataclass
class Reply:
    content: str | None = '{"events": []}'
    status: int = 200
    delay_s: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)
    raw_body: bytes | None = None  # sent as is, instead of a completion
    finish_reason: str = "stop"  # "length" when max_tokens cut the answer off


@dataclass
class SeenRequest:
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: dict[str, Any]

    @property
    def user_content(self) -> str:
        return next(m["content"] for m in self.body["messages"] if m["role"] == "user")

    @property
    def system_text(self) -> str:
        return "\n".join(m["content"] for m in self.body["messages"] if m["role"] == "system")


def events_reply(*events: dict[str, Any]) -> Reply:
    return Reply(content=json.dumps({"events": list(events)}))


class FakeLLM:
    def __init__(self) -> None:
        self.replies: deque[Reply] = deque()
        self.responder: Callable[[SeenRequest], Reply] | None = None
        self.requests: list[SeenRequest] = []
        # Answer 400 to json_schema, naming response_format, as older compatible servers do.
        self.refuse_json_schema = False
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    @property
    def openai_base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    @property
    def azure_endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> FakeLLM:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def queue(self, *replies: Reply) -> None:
        self.replies.extend(replies)

    def reset(self) -> None:
        with self._lock:
            self.replies.clear()
            self.requests.clear()
            self.responder = None
            self.refuse_json_schema = False

    def _next_reply(self, seen: SeenRequest) -> Reply:
        with self._lock:
            self.requests.append(seen)
            fmt = seen.body.get("response_format") or {}
            if self.refuse_json_schema and fmt.get("type") == "json_schema":
                error = {"error": {"message": "response_format type json_schema is not supported", "code": 400}}
                return Reply(status=400, raw_body=json.dumps(error).encode())
            if self.replies:
                return self.replies.popleft()
        if self.responder is not None:
            return self.responder(seen)
        return Reply()

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                parts = urlsplit(self.path)
                if not parts.path.endswith("/chat/completions"):
                    self._send(404, b'{"error": {"message": "not found"}}')
                    return
                seen = SeenRequest(
                    path=parts.path,
                    query=parse_qs(parts.query),
                    headers={k.lower(): v for k, v in self.headers.items()},
                    body=json.loads(raw or b"{}"),
                )
                reply = fake._next_reply(seen)
                if reply.delay_s:
                    time.sleep(reply.delay_s)
                if reply.raw_body is not None:
                    self._send(reply.status, reply.raw_body, reply.headers)
                elif reply.status != 200:
                    error = {"error": {"message": f"scripted {reply.status}", "type": "server_error"}}
                    self._send(reply.status, json.dumps(error).encode(), reply.headers)
                else:
                    completion = _completion(seen, reply.content, reply.finish_reason)
                    self._send(200, json.dumps(completion).encode(), reply.headers)

            def _send(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(body)))
                    for key, value in (headers or {}).items():
                        self.send_header(key, value)
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout test)

        return Handler


def _completion(seen: SeenRequest, content: str | None, finish_reason: str = "stop") -> dict[str, Any]:
    prompt_chars = sum(len(m.get("content") or "") for m in seen.body.get("messages", []))
    return {
        "id": "chatcmpl-fake",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": seen.body.get("model", "fake"),
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content},
                "finish_reason": finish_reason,
                "logprobs": None,
            }
        ],
        "usage": {"prompt_tokens": prompt_chars // 4, "completion_tokens": 10, "total_tokens": prompt_chars // 4 + 10},
    }


class Forwarder:
    """A responder that passes each request on to a real server and its answer back unchanged.

    The FakeLLM in front has already recorded the request, so together they are a recording
    proxy. `answers` keeps each upstream answer with its request: (request, status, parsed body).
    """

    def __init__(self, upstream_base_url: str, *, timeout_s: float) -> None:
        self.url = upstream_base_url.rstrip("/") + "/chat/completions"
        self.timeout_s = timeout_s
        self.answers: list[tuple[SeenRequest, int, dict[str, Any] | None]] = []
        self._in_flight = 0
        self._idle = threading.Condition()

    def __call__(self, seen: SeenRequest) -> Reply:
        with self._idle:
            self._in_flight += 1
        try:
            status, raw = self._forward(seen)
            try:
                parsed = json.loads(raw)
            except ValueError:
                parsed = None
            self.answers.append((seen, status, parsed))
            return Reply(status=status, raw_body=raw)
        finally:
            with self._idle:
                self._in_flight -= 1
                self._idle.notify_all()

    def wait_idle(self, timeout_s: float) -> bool:
        """Wait until no request is being forwarded (one the client gave up on may still run)."""
        with self._idle:
            return self._idle.wait_for(lambda: self._in_flight == 0, timeout=timeout_s)

    def _forward(self, seen: SeenRequest) -> tuple[int, bytes]:
        request = urllib.request.Request(
            self.url, data=json.dumps(seen.body).encode(), headers={"Content-Type": "application/json"}
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout_s) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read()
        except (urllib.error.URLError, OSError) as exc:
            # Closing the connection is what makes llama.cpp cancel the generation: give the
            # proxy the service's own timeout, so a request the service gave up on stops too.
            return 504, json.dumps({"error": {"message": f"proxy: upstream failed ({type(exc).__name__})"}}).encode()
