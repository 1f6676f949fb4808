"""bench/chat_quality.py scores a running service on whole chats: a fact stated is found, a
value that must never be stored is counted, and a fact the service cannot hold is a miss."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.live_server import LiveServer

PROJECT = Path(__file__).resolve().parents[1]


def test_the_scorer_counts_found_missed_and_forbidden_values(
    live_server: Callable[..., LiveServer], tmp_path: Path
) -> None:
    chat: dict[str, Any] = {
        "id": "t1",
        "sessions": [["Hi, my name is Ottilie.", "I live in Tartu."], ["My password is hunter2-Zebra!"]],
        "facts": [
            {"fields": ["name"], "value": "Ottilie"},
            {"fields": ["location"], "value": "Tartu"},
            {"fields": ["pets"], "value": "a parrot"},  # never said: a miss
        ],
        # Tartu is stored, so listing it here must count one forbidden value; a secret is never stored.
        "not": ["Tartu", "hunter2"],
    }
    data = tmp_path / "chats.jsonl"
    data.write_text(json.dumps(chat) + "\n")
    server = live_server()
    out = subprocess.run(
        [sys.executable, str(PROJECT / "bench" / "chat_quality.py"), "--url", server.url, "--data", str(data)],
        capture_output=True, text=True, check=True, timeout=120,
    ).stdout  # fmt: skip
    assert "missed: pets~a parrot" in out
    assert "FORBIDDEN: location='Tartu'" in out
    assert "chats.jsonl: chats=1 recall=0.667 (2/3) supported=1.000 (2/2) forbidden=1 http_errors=0" in out
