"""The README's curl examples, run in order against a live server: they must really work."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

from tests.live_server import LiveServer

README = Path(__file__).resolve().parents[1] / "README.md"


def curl_commands() -> list[str]:
    text = README.read_text(encoding="utf-8").replace("\\\n", " ")
    return [line.strip() for line in text.splitlines() if line.strip().startswith("curl ")]


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
    ):
        assert fragment in joined + "\n", fragment


def test_readme_curl_examples_run(live_server: Callable[..., LiveServer]) -> None:
    server = live_server(LOG_LEVEL="WARNING")
    subprocess.run(["curl", "-s", "-X", "DELETE", f"{server.url}/users/user_123/memories"], check=True)
    for command in curl_commands():
        command = command.replace("http://localhost:8888", server.url)
        run = subprocess.run(command + " -w '\\n%{http_code}'", shell=True, capture_output=True, text=True, timeout=30)
        body, _, status = run.stdout.rpartition("\n")
        assert run.returncode == 0 and status == "200", (command, status, body)
        assert not (isinstance(json.loads(body), dict) and "detail" in json.loads(body)), (command, body)
    memories = subprocess.run(["curl", "-s", f"{server.url}/users/user_123/memories"], capture_output=True, text=True)
    assert json.loads(memories.stdout) == []  # the last example forgets everything
