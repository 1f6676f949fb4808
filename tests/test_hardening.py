"""Holes an attacker found, closed: bodies are checked before they are read, the logs cannot
be forged and hold no query or body text, ids follow one rule, numbers are bounded.

The body and log tests talk to a real uvicorn over a raw socket: the limits live in the
HTTP layer, which a TestClient does not exercise the same way.
"""

from __future__ import annotations

import json
import re
import select
import socket
from collections.abc import Callable
from urllib.parse import quote

import httpx
import pytest
from fastapi.testclient import TestClient

from tests.fake_llm import FakeLLM, events_reply
from tests.live_server import LiveServer
from web import MAX_BODY_BYTES

KEY = "harden-key-0123456789"
CHUNK = 64 * 1024


def _status(response: bytes) -> int:
    return int(response.split(b" ", 2)[1])


def _read_response(sock: socket.socket, timeout_s: float = 10) -> bytes:
    sock.settimeout(timeout_s)
    data = b""
    while b"\r\n\r\n" not in data:
        part = sock.recv(65536)
        if not part:
            break
        data += part
    head, _, rest = data.partition(b"\r\n\r\n")
    length = re.search(rb"(?i)content-length: *(\d+)", head)
    while length and len(rest) < int(length.group(1)):
        part = sock.recv(65536)
        if not part:
            break
        rest += part
    return head + b"\r\n\r\n" + rest


def _stream_until_answered(server: LiveServer, head: bytes, *, chunked: bool, most_bytes: int) -> tuple[bytes, int]:
    """Send `head`, then body bytes until the server answers (or `most_bytes` were sent).

    Returns the response and how many body bytes had been sent when it came.
    """
    sent = 0
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        sock.sendall(head)
        piece = b"x" * CHUNK
        while sent < most_bytes:
            readable, _, _ = select.select([sock], [], [], 0.02)
            if readable:
                break
            try:
                sock.sendall(b"%x\r\n%s\r\n" % (len(piece), piece) if chunked else piece)
            except (BrokenPipeError, ConnectionResetError):
                break
            sent += len(piece)
        return _read_response(sock), sent


def test_a_chunked_body_is_counted_and_refused_at_the_limit(live_server: Callable[..., LiveServer]) -> None:
    server = live_server()
    head = (
        b"POST /messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        b"Transfer-Encoding: chunked\r\n\r\n"
    )
    response, sent = _stream_until_answered(server, head, chunked=True, most_bytes=64 * 1024 * 1024)
    assert _status(response) == 413, response[:300]
    assert json.loads(response.split(b"\r\n\r\n", 1)[1]) == {
        "detail": f"request body is larger than {MAX_BODY_BYTES} bytes"
    }
    # It stopped reading at the limit: far less than the 64 MB on offer was ever sent.
    assert sent < 8 * 1024 * 1024, sent


@pytest.mark.parametrize("framing", ["chunked", "content-length"])
def test_a_body_without_a_key_is_refused_before_it_is_read(
    live_server: Callable[..., LiveServer], framing: str
) -> None:
    server = live_server(PERSONALMEM_API_KEYS=KEY)
    size_header = b"Transfer-Encoding: chunked" if framing == "chunked" else b"Content-Length: 300000000"
    head = b"PUT /users/u1/memories/name HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n%s\r\n\r\n" % (
        size_header
    )
    response, sent = _stream_until_answered(server, head, chunked=framing == "chunked", most_bytes=64 * 1024 * 1024)
    assert _status(response) == 401, response[:300]
    assert b"API key" in response
    assert sent < 8 * 1024 * 1024, sent


def test_a_body_over_the_limit_is_exactly_413(client: TestClient) -> None:
    body = b'{"user_id": "u", "message": "' + b"a" * (MAX_BODY_BYTES + 1) + b'"}'
    response = client.post("/messages", content=body, headers={"Content-Type": "application/json"})
    assert response.status_code == 413
    assert response.json() == {"detail": f"request body is larger than {MAX_BODY_BYTES} bytes"}


def test_a_body_just_under_the_limit_reaches_the_route(client: TestClient) -> None:
    # 100,000 characters pass the byte limit and meet the message limit: the route's 413.
    response = client.post("/messages", json={"user_id": "u", "message": "a" * 100_000})
    assert response.status_code == 413
    assert response.json()["detail"].startswith("message is 100000 characters")


# -- lone surrogates, log forgery, query strings ------------------------------------------


def test_a_lone_surrogate_is_a_clear_422_and_stays_out_of_the_log(live_server: Callable[..., LiveServer]) -> None:
    server = live_server()
    body = b'{"user_id": "u1", "message": "my pin is 4321 and I like \\ud800 sprockets"}'
    response = httpx.post(f"{server.url}/messages", content=body, headers={"Content-Type": "application/json"})
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/json"
    [error] = response.json()["detail"]
    assert error["loc"] == ["body", "message"]
    assert error["msg"] == "Text must be valid Unicode: a lone surrogate (such as \\ud800) is not"
    assert "input" not in error
    put = httpx.put(
        f"{server.url}/users/u1/memories/note",
        content=b'{"value": ["ok", "\\udfff sprockets"]}',
        headers={"Content-Type": "application/json"},
    )
    assert put.status_code == 422
    server.stop()
    log = server.log_path.read_text(encoding="utf-8", errors="replace")
    assert "sprockets" not in log and "4321" not in log
    assert "Traceback" not in log


def test_control_characters_cannot_forge_a_log_line(live_server: Callable[..., LiveServer]) -> None:
    server = live_server(PERSONALMEM_API_KEYS=KEY)
    forged = "2031-01-01 00:00:00,000 INFO personalmem.api [forged] all good"
    path = "/users/x%0A" + forged.replace(" ", "%20") + "%0D%0A/profile"
    assert httpx.get(server.url + path).status_code == 401
    server.stop()
    lines = server.log_path.read_text(encoding="utf-8").splitlines()
    assert not any(line.startswith("2031-01-01") for line in lines), lines
    assert any("\\n2031-01-01" in line and "[forged]" in line for line in lines), lines


def test_query_strings_never_reach_the_log(live_server: Callable[..., LiveServer], user_id: str) -> None:
    server = live_server()
    response = httpx.get(f"{server.url}/users/{user_id}/memories/search", params={"query": "zanzibarquokka"})
    assert response.status_code == 200
    server.stop()
    log = server.log_path.read_text(encoding="utf-8")
    assert f"GET /users/{user_id}/memories/search 200" in log
    assert "zanzibarquokka" not in log


# -- one rule for user ids -----------------------------------------------------------------

BAD_USER_IDS = ["bob/memories", ".", "..", ".hidden", "a b", "tab\there", "ünïcode", "x" * 129, "semi;colon", ""]
GOOD_USER_IDS = ["user_123", "alice@example.com", "a.b-c_d", "-", "0", "x" * 128]


@pytest.mark.parametrize("bad", BAD_USER_IDS)
def test_a_user_id_outside_the_rule_is_refused_everywhere(client: TestClient, bad: str) -> None:
    said = client.post("/messages", json={"user_id": bad, "message": "My name is Ola."})
    assert said.status_code == 422, said.text
    assert said.json()["detail"][0]["loc"] == ["body", "user_id"]
    # Percent-encoded, dots too, so that no client resolves "/users/../x" before the server sees it.
    quoted = "/users/" + quote(bad, safe="").replace(".", "%2E")
    for method, suffix in (("GET", "/memories"), ("GET", "/profile"), ("PUT", "/memories/name")):
        response = client.request(method, quoted + suffix, json={"value": "Ola"} if method == "PUT" else None)
        assert response.status_code in (404, 405, 422), (bad, method, response.status_code)


@pytest.mark.parametrize("good", GOOD_USER_IDS)
def test_every_route_takes_an_id_that_follows_the_rule(client: TestClient, good: str) -> None:
    client.delete(f"/users/{good}/memories")  # fixed ids: another test (the fuzzer) may have used one
    assert client.post("/messages", json={"user_id": good, "message": "My name is Ola."}).status_code == 200
    assert client.get(f"/users/{good}/profile").json() == {"name": "Ola"}
    assert client.put(f"/users/{good}/memories/age", json={"value": 33}).status_code == 200
    assert client.delete(f"/memories/{good}_age").status_code == 200
    assert client.delete(f"/users/{good}/memories").status_code == 200
    assert client.get(f"/users/{good}/profile").json() == {}


def test_erasing_a_slashed_id_cannot_touch_another_user(client: TestClient, user_id: str) -> None:
    assert client.put(f"/users/{user_id}/memories/memories", json={"value": "kept"}).status_code == 200
    said = client.post("/messages", json={"user_id": f"{user_id}/memories", "message": "My name is Eve."})
    assert said.status_code == 422
    assert client.get(f"/users/{user_id}/profile").json() == {"memories": "kept"}


# -- numbers are bounded like strings -----------------------------------------------------


@pytest.mark.parametrize(
    "raw", [b"9" * 4000, b"1" + b"0" * 15, b"-1" + b"0" * 15, b"1e308", b"-1e16", b"1e16", b"Infinity", b"NaN"]
)
def test_a_number_past_15_digits_is_refused(client: TestClient, user_id: str, raw: bytes) -> None:
    response = client.put(
        f"/users/{user_id}/memories/lucky_number",
        content=b'{"value": ' + raw + b"}",
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 422, (raw[:20], response.text[:200])
    assert client.get(f"/users/{user_id}/profile").json() == {}


@pytest.mark.parametrize("value", [999_999_999_999_999, -999_999_999_999_999, 3.25, 0, 99_999_999_999_999.5])
def test_a_number_within_15_digits_is_stored_exactly(client: TestClient, user_id: str, value: float) -> None:
    assert client.put(f"/users/{user_id}/memories/lucky_number", json={"value": value}).status_code == 200
    assert client.get(f"/users/{user_id}/profile").json() == {"lucky_number": value}


def test_an_llm_answer_past_the_number_limit_is_dropped(
    openai_client: TestClient, fake_llm: FakeLLM, user_id: str
) -> None:
    fake_llm.queue(
        events_reply(
            {"field": "age", "value": 1e308, "event": "ADD"},
            {"field": "house_number", "value": int("9" * 40), "event": "ADD"},
            {"field": "name", "value": "Ivo", "event": "ADD"},
        )
    )
    said = openai_client.post("/messages", json={"user_id": user_id, "message": "I'm Ivo."})
    assert said.status_code == 200
    assert "age: a number beyond 999,999,999,999,999 (15 digits) or not finite" in said.json()["message"]
    assert "house_number: a number beyond" in said.json()["message"]
    assert openai_client.get(f"/users/{user_id}/profile").json() == {"name": "Ivo"}


# -- what a new user tripped on: docs offline, favicon -------------------------------


def test_docs_load_their_assets_from_this_server(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    assets = re.findall(r"""(?:src|href)=['"]([^'"]+)['"]""", page.text)
    assert assets and all(a.startswith("/") for a in assets), assets
    for asset in assets:
        assert client.get(asset).status_code == 200, asset


def test_the_page_has_a_favicon(client: TestClient) -> None:
    icon = client.get("/favicon.ico")
    assert icon.status_code == 200 and icon.content[:4] == b"\x00\x00\x01\x00"  # the ICO signature
    assert '<link rel="icon" href="favicon.ico"' in client.get("/").text
