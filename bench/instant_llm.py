"""An OpenAI-compatible chat-completions endpoint that answers at once, for the benchmark.

    python -m uvicorn bench.instant_llm:app --port 9100

Pure ASGI under uvicorn, so that the fake is never the bottleneck (the threaded fake of
the tests tops out near 1,000 calls a second here). GET /stats counts the calls by
user message, so the benchmark can check "one call per message, none when gated".
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

CALLS: Counter[str] = Counter()
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
        payload = REPLY_BODY
    elif scope["path"] == "/stats":
        payload = json.dumps({"calls": sum(CALLS.values()), "by_message": CALLS}).encode()
    else:
        await send({"type": "http.response.start", "status": 404, "headers": []})
        await send({"type": "http.response.body", "body": b""})
        return
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode())]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": payload})
