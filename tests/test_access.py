"""Who may call the API (keys, CORS), request ids, and what the logs may hold."""

from __future__ import annotations

import io
import logging
from collections.abc import Callable, Iterator

import pytest
from fastapi.testclient import TestClient

from api import KeyedRouter, KeyedService, create_app
from config import Settings

KEYS = "key-one-123456,key-two-abcdef"


@pytest.fixture
def keyed_client(make_settings: Callable[..., Settings]) -> Iterator[TestClient]:
    with TestClient(create_app(make_settings(PERSONALMEM_API_KEYS=KEYS))) as client:
        yield client


def test_protected_endpoints_need_a_key(keyed_client: TestClient, user_id: str) -> None:
    calls = [
        ("POST", "/messages", {"user_id": user_id, "message": "I'm Bo."}),
        ("GET", f"/users/{user_id}/memories", None),
        ("GET", f"/users/{user_id}/memories/search?query=bo", None),
        ("GET", f"/users/{user_id}/context", None),
        ("GET", f"/users/{user_id}/profile", None),
        ("PUT", f"/users/{user_id}/memories/name", {"value": "Bo"}),
        ("DELETE", f"/users/{user_id}/memories/name", None),
        ("DELETE", f"/memories/{user_id}_name", None),
        ("DELETE", f"/users/{user_id}/memories", None),
        ("GET", f"/users/{user_id}/history", None),
        ("POST", f"/users/{user_id}/history/1/undo", None),
        ("GET", f"/users/{user_id}/export", None),
        ("POST", f"/users/{user_id}/import", {"format": 1, "profile": {}}),
        ("GET", f"/users/{user_id}/rules", None),
        ("PUT", f"/users/{user_id}/rules", {"rules": ["health"]}),
    ]
    for method, path, body in calls:
        for headers in (
            {},
            {"Authorization": "Bearer wrong"},
            {"X-API-Key": "key-one-12345"},
            {"Authorization": "key-one-123456"},
        ):
            response = keyed_client.request(method, path, json=body, headers=headers)
            assert response.status_code == 401, (method, path, headers)
            assert "API key" in response.json()["detail"]
            assert response.headers["WWW-Authenticate"] == "Bearer"
    assert keyed_client.get(f"/users/{user_id}/memories", headers={"X-API-Key": "key-one-123456"}).json() == []


def test_both_header_forms_and_every_key_work(keyed_client: TestClient, user_id: str) -> None:
    bearer = {"Authorization": "Bearer key-two-abcdef"}
    header = {"X-API-Key": "key-one-123456"}
    assert (
        keyed_client.post("/messages", json={"user_id": user_id, "message": "I'm Bo."}, headers=bearer).status_code
        == 200
    )
    assert keyed_client.get(f"/users/{user_id}/profile", headers=header).json() == {"name": "Bo"}


def test_health_page_and_docs_stay_open(keyed_client: TestClient) -> None:
    assert keyed_client.get("/health").status_code == 200
    assert keyed_client.get("/").status_code == 200
    assert keyed_client.get("/app.js").status_code == 200
    schemes = keyed_client.get("/openapi.json").json()["components"]["securitySchemes"]
    assert schemes["HTTPBearer"]["scheme"] == "bearer"
    assert schemes["APIKeyHeader"] == {
        "type": "apiKey",
        "in": "header",
        "name": "X-API-Key",
        "description": "One of PERSONALMEM_API_KEYS",
    }


def test_open_service_says_so_once(make_settings: Callable[..., Settings]) -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    logger = logging.getLogger("personalmem")
    logger.addHandler(handler)
    try:
        with TestClient(create_app(make_settings())) as client:
            client.get("/health")
            client.get("/users/someone/memories")
    finally:
        logger.removeHandler(handler)
    assert stream.getvalue().count("PERSONALMEM_API_KEYS is not set") == 1


def test_cors_same_origin_by_default(client: TestClient) -> None:
    response = client.get("/health", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in response.headers
    preflight = client.options(
        "/messages", headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"}
    )
    assert "access-control-allow-origin" not in preflight.headers


def test_cors_allows_configured_origins(make_settings: Callable[..., Settings]) -> None:
    with TestClient(create_app(make_settings(CORS_ORIGINS="https://app.example, https://b.example"))) as client:
        allowed = client.options(
            "/messages", headers={"Origin": "https://app.example", "Access-Control-Request-Method": "POST"}
        )
        assert allowed.status_code == 200
        assert allowed.headers["access-control-allow-origin"] == "https://app.example"
        other = client.get("/health", headers={"Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in other.headers


def test_every_response_has_a_request_id(client: TestClient, user_id: str) -> None:
    responses = [
        client.get("/health"),
        client.get("/"),
        client.get(f"/users/{user_id}/memories"),
        client.delete(f"/users/{user_id}/memories/nothing"),
        client.post("/messages", json={}),
        client.post("/messages", content=b"x", headers={"Content-Type": "text/plain"}),
    ]
    ids = [r.headers["X-Request-ID"] for r in responses]
    assert all(len(i) == 32 for i in ids) and len(set(ids)) == len(ids)
    assert client.get("/health", headers={"X-Request-ID": "trace-abc.123"}).headers["X-Request-ID"] == "trace-abc.123"
    odd = client.get("/health", headers={"X-Request-ID": "bad id\twith spaces"}).headers["X-Request-ID"]
    assert odd != "bad id\twith spaces" and len(odd) == 32


def test_logs_carry_the_request_id_and_never_the_message(make_settings: Callable[..., Settings], user_id: str) -> None:
    stream = io.StringIO()
    with TestClient(create_app(make_settings(LOG_LEVEL="DEBUG"))) as client:
        handler = logging.getLogger("personalmem").handlers[0]
        old_stream = handler.setStream(stream)  # type: ignore[attr-defined]
        try:
            secret_message = "My name is Zorbulon and my password is hunter2-zz"
            response = client.post(
                "/messages",
                json={"user_id": user_id, "message": secret_message},
                headers={"X-Request-ID": "req-log-check"},
            )
            client.put(f"/users/{user_id}/memories/name", json={"value": "Zorbulon"})
        finally:
            handler.setStream(old_stream)  # type: ignore[attr-defined]
    text = stream.getvalue()
    assert response.status_code == 200
    assert "[req-log-check]" in text and "POST /messages 200" in text
    for secret in ("Zorbulon", "hunter2", "password"):
        assert secret not in text


def test_a_keyed_route_that_would_need_no_key_is_refused_when_defined() -> None:
    """The key is checked by a route's KeyedService or KeyedTrust parameter; a route on the
    keyed router without one would be open, so defining it fails."""
    router = KeyedRouter()

    async def forgot_the_key(user_id: str) -> dict[str, str]:
        return {"user_id": user_id}

    with pytest.raises(TypeError, match="forgot_the_key"):
        router.add_api_route("/users/{user_id}/open", forgot_the_key)

    async def keyed(user_id: str, service: KeyedService) -> dict[str, str]:
        return {"user_id": user_id}

    router.add_api_route("/users/{user_id}/keyed", keyed)
    assert [route.path for route in router.routes] == ["/users/{user_id}/keyed"]  # type: ignore[attr-defined]
