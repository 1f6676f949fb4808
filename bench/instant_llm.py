"""An OpenAI-compatible chat-completions endpoint that answers at once, for the benchmark.

    python -m uvicorn bench.instant_llm:app --port 9100

Pure ASGI under uvicorn, so that the fake is never the bottleneck (the threaded fake of
the tests tops out near 1,000 calls a second here). GET /stats counts the calls by
user message, so the benchmark can check "one call per message, none when gated".
A message "I live in <town>." gets that town back as the location, so that every write
message of the benchmark changes the row, as with the rules extractor; any other message
gets one fixed fact.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from typing import Any

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


async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
    if scope["type"] != "http":
        return
    body = b""
    while True:
        message = await receive()
        body += message.get("body", b"")
        if not message.get("more_body"):
            break
    if scope["method"] == "POST" and scope["path"].endswith("/chat/completions"):
        request = json.loads(body or b"{}")
        user = next((m.get("content", "") for m in request.get("messages", []) if m.get("role") == "user"), "")
        CALLS[user] += 1
        payload = reply_body(user)
    elif scope["path"] == "/stats":
        payload = json.dumps({"calls": sum(CALLS.values()), "by_message": CALLS}).encode()
    else:
        await send({"type": "http.response.start", "status": 404, "headers": []})
        await send({"type": "http.response.body", "body": b""})
        return
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode())]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": payload})
