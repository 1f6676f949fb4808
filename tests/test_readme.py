"""The README's curl examples, run in order against a live server: they must really work,
and answer exactly the JSON the README prints under them."""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from tests.live_server import LiveServer

README = Path(__file__).resolve().parents[1] / "README.md"


def curl_commands() -> list[str]:
    text = README.read_text(encoding="utf-8").replace("\\\n", " ")
    return [line.strip() for line in text.splitlines() if line.strip().startswith("curl ")]


# Values that differ from run to run: any ISO time, and which database the server found.
VARYING = {"timestamp", "created_at", "updated_at", "database_mode", "exported_at"}
# History event ids come from a sequence every test shares, request ids from the server:
# their type is what the README documents.
OPAQUE = {"undone", "request_id", "next_before"}
FENCE = re.compile(r"```(\w*)\n(.*?)```", re.S)
INLINE_JSON = re.compile(r"\A\s*`(\{.*?\})`")


def examples() -> list[tuple[str, Any]]:
    """(curl command, the JSON printed right under it or None), in README order."""
    text = README.read_text(encoding="utf-8")
    found: list[tuple[str, Any]] = []
    blocks = list(FENCE.finditer(text))
    for index, block in enumerate(blocks):
        if block.group(1) != "bash" or not block.group(2).lstrip().startswith("curl "):
            continue
        command = " ".join(block.group(2).replace("\\\n", " ").split())
        after = text[block.end() :]
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        expected: Any = None
        if following is not None and following.group(1) == "json" and not text[block.end() : following.start()].strip():
            expected = json.loads(following.group(2))
        elif inline := INLINE_JSON.match(after):
            expected = json.loads(inline.group(1))
        found.append((command, expected))
    return found


def same(expected: Any, got: Any, key: str = "") -> bool:
    if key in OPAQUE or (key == "id" and isinstance(expected, int)):
        return type(got) is type(expected)
    if key in VARYING:
        if key == "database_mode":
            return got in ("embedded", "external")
        return isinstance(got, str) and bool(datetime.fromisoformat(got)) and isinstance(expected, str)
    if isinstance(expected, dict):
        keys_match = isinstance(got, dict) and list(expected) == list(got)  # the order is documented too
        return keys_match and all(same(v, got[k], k) for k, v in expected.items())
    if isinstance(expected, list):
        return isinstance(got, list) and len(expected) == len(got) and all(map(same, expected, got))
    return expected == got


def test_readme_has_an_example_for_every_endpoint() -> None:
    joined = "\n".join(curl_commands())
    for fragment in (
        "/health",
        "-X POST http://localhost:8888/messages",
        "/users/user_123/memories/search",
        "/users/user_123/context",
        "/users/user_123/profile",
        "-X PUT",
        "-X DELETE http://localhost:8888/memories/",
        "-X DELETE http://localhost:8888/users/user_123/memories/location",
        "-X DELETE http://localhost:8888/users/user_123/memories\n",
        "/users/user_123/history?",
        "/undo",
        "/users/user_123/export",
        "/users/user_123/import?mode=merge",
        "-X PUT http://localhost:8888/users/user_123/rules",
    ):
        assert fragment in joined + "\n", fragment


def test_readme_curl_examples_run(live_server: Callable[..., LiveServer]) -> None:
    server = live_server(LOG_LEVEL="WARNING")
    subprocess.run(["curl", "-s", "-X", "DELETE", f"{server.url}/users/user_123/memories"], check=True)
    runs = examples()
    assert len(runs) == len(curl_commands())
    assert sum(expected is not None for _, expected in runs) == len(runs)  # every example shows its answer
    for command, expected in runs:
        command = command.replace("http://localhost:8888", server.url)
        run = subprocess.run(command + " -w '\\n%{http_code}'", shell=True, capture_output=True, text=True, timeout=30)
        body, _, status = run.stdout.rpartition("\n")
        assert run.returncode == 0 and status == "200", (command, status, body)
        assert same(expected, json.loads(body)), (command, expected, body)
    memories = subprocess.run(["curl", "-s", f"{server.url}/users/user_123/memories"], capture_output=True, text=True)
    assert json.loads(memories.stdout) == []  # the last example forgets everything
