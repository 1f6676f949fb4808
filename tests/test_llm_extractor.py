"""The LLM path: the real openai client over a real socket to the fake chat-completions server."""

from __future__ import annotations

import json
import time
from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from api import create_app
from config import Settings
from extractors import EVENTS_JSON_SCHEMA, parse_events
from tests.fake_llm import FakeLLM, Reply, events_reply


def test_openai_events_are_applied(openai_client: TestClient, fake_llm: FakeLLM, user_id: str) -> None:
    fake_llm.queue(
        events_reply(
            {"field": "name", "value": "Alice", "event": "ADD"},
            {"field": "likes", "value": ["Python", "python", "pizza"], "event": "ADD"},
        )
    )
    response = openai_client.post(
        "/messages", json={"user_id": user_id, "message": "I'm Alice; I love Python and pizza"}
    )
    assert response.status_code == 200, response.text
    assert response.json()["extracted_memories"] == [
        {"field": "name", "value": "Alice", "event": "ADD"},
        {"field": "likes", "value": ["Python", "pizza"], "event": "ADD"},
    ]
    assert openai_client.get(f"/users/{user_id}/profile").json() == {"name": "Alice", "likes": ["Python", "pizza"]}

    request = fake_llm.requests[-1]
    assert request.path == "/v1/chat/completions"
    assert request.headers["authorization"] == "Bearer sk-test"
    assert request.body["model"] == "gpt-4o-mini"
    # A custom base URL means an OpenAI-compatible server: json_object, which they all support.
    assert request.body["response_format"] == {"type": "json_object"}
    assert request.user_content == "I'm Alice; I love Python and pizza"
    assert "I love Python" not in request.system_text
    assert len(fake_llm.requests) == 1


def test_prompt_carries_profile_and_rules(openai_client: TestClient, fake_llm: FakeLLM, user_id: str) -> None:
    openai_client.put(f"/users/{user_id}/memories/location", json={"value": "Lisbon"})
    fake_llm.queue(events_reply({"field": "location", "value": "Porto", "event": "UPDATE"}))
    body = openai_client.post("/messages", json={"user_id": user_id, "message": "I moved to Porto"}).json()
    assert body["extracted_memories"] == [{"field": "location", "value": "Porto", "event": "UPDATE"}]
    system = fake_llm.requests[-1].system_text
    assert '"location": "Lisbon"' in system
    for phrase in (
        "transcript",
        "one-off questions",
        "task context",
        "short-term states",
        '{"events"',
        "likes, dislikes",
    ):
        assert phrase in system, phrase


def test_remove_event_from_llm(openai_client: TestClient, fake_llm: FakeLLM, user_id: str) -> None:
    openai_client.put(f"/users/{user_id}/memories/likes", json={"value": ["tea", "coffee"]})
    fake_llm.queue(events_reply({"field": "likes", "value": ["tea"], "event": "REMOVE"}))
    body = openai_client.post("/messages", json={"user_id": user_id, "message": "I don't like tea anymore"}).json()
    assert body["extracted_memories"] == [{"field": "likes", "value": ["tea"], "event": "REMOVE"}]
    assert openai_client.get(f"/users/{user_id}/profile").json() == {"likes": ["coffee"]}


def test_invalid_json_then_retry_succeeds(openai_client: TestClient, fake_llm: FakeLLM, user_id: str) -> None:
    fake_llm.queue(
        Reply(content="Sure! Here you go: {not json"), events_reply({"field": "name", "value": "Bo", "event": "ADD"})
    )
    response = openai_client.post("/messages", json={"user_id": user_id, "message": "I'm Bo"})
    assert response.status_code == 200
    assert openai_client.get(f"/users/{user_id}/profile").json() == {"name": "Bo"}
    assert len(fake_llm.requests) == 2


def test_invalid_twice_is_502_and_nothing_written(openai_client: TestClient, fake_llm: FakeLLM, user_id: str) -> None:
    openai_client.put(f"/users/{user_id}/memories/name", json={"value": "Alice"})
    fake_llm.queue(Reply(content="not json at all"), Reply(content='{"events": [{"field": "name"}]}'))
    response = openai_client.post("/messages", json={"user_id": user_id, "message": "call me Al"})
    assert response.status_code == 502
    assert "invalid output twice" in response.json()["detail"]
    assert openai_client.get(f"/users/{user_id}/profile").json() == {"name": "Alice"}
    assert len(fake_llm.requests) == 2


def test_timeout_is_502_within_budget(openai_client: TestClient, fake_llm: FakeLLM, user_id: str) -> None:
    fake_llm.queue(Reply(delay_s=5, content='{"events": [{"field": "name", "value": "Late", "event": "ADD"}]}'))
    started = time.monotonic()
    response = openai_client.post("/messages", json={"user_id": user_id, "message": "I'm Slow"})
    assert response.status_code == 502
    assert "did not answer within 2 s" in response.json()["detail"]
    assert time.monotonic() - started < 4.5  # LLM_TIMEOUT_S=2 plus margin, not the LLM's 5 s
    assert openai_client.get(f"/users/{user_id}/profile").json() == {}


@pytest.mark.parametrize(("status", "expected"), [(500, "HTTP 500"), (503, "HTTP 503"), (429, "rate-limited")])
def test_llm_http_errors_are_502(
    openai_client: TestClient, fake_llm: FakeLLM, user_id: str, status: int, expected: str
) -> None:
    fake_llm.queue(Reply(status=status))
    response = openai_client.post("/messages", json={"user_id": user_id, "message": "I'm Bo"})
    assert response.status_code == 502
    assert expected in response.json()["detail"]


def test_rate_limit_retry_honours_retry_after(openai_client: TestClient, fake_llm: FakeLLM, user_id: str) -> None:
    fake_llm.queue(
        Reply(status=429, headers={"Retry-After": "0.2"}),
        events_reply({"field": "name", "value": "Bo", "event": "ADD"}),
    )
    response = openai_client.post("/messages", json={"user_id": user_id, "message": "I'm Bo"})
    assert response.status_code == 200
    assert len(fake_llm.requests) == 2


def test_connection_refused_is_502(make_settings: Callable[..., Settings], user_id: str) -> None:
    settings = make_settings(LLM_PROVIDER="openai", OPENAI_API_KEY="sk", OPENAI_BASE_URL="http://127.0.0.1:9/v1")
    with TestClient(create_app(settings)) as client:
        response = client.post("/messages", json={"user_id": user_id, "message": "I'm Bo"})
    assert response.status_code == 502
    assert "could not be reached" in response.json()["detail"]


def test_azure_configuration(make_settings: Callable[..., Settings], fake_llm: FakeLLM, user_id: str) -> None:
    settings = make_settings(
        AZURE_OPENAI_API_KEY="azure-key",
        AZURE_OPENAI_ENDPOINT=fake_llm.azure_endpoint,
        AZURE_OPENAI_DEPLOYMENT="memdeploy",
        AZURE_OPENAI_API_VERSION="2024-10-21",
        LLM_PROVIDER="auto",
    )
    fake_llm.queue(events_reply({"field": "role", "value": "nurse", "event": "ADD"}))
    with TestClient(create_app(settings)) as client:
        assert client.get("/health").json()["extractor"] == "azure"
        response = client.post("/messages", json={"user_id": user_id, "message": "I work as a nurse"})
        assert response.status_code == 200
        assert client.get(f"/users/{user_id}/profile").json() == {"role": "nurse"}
    request = fake_llm.requests[-1]
    assert request.path == "/openai/deployments/memdeploy/chat/completions"
    assert request.query["api-version"] == ["2024-10-21"]
    assert request.headers["api-key"] == "azure-key"
    assert request.body["response_format"] == {"type": "json_schema", "json_schema": EVENTS_JSON_SCHEMA}


@pytest.mark.parametrize(
    "content",
    [
        '{"events": [{"field": "name", "value": "A", "event": "add"}]}',
        '```json\n{"events": [{"field": "name", "value": "A", "event": "ADD"}]}\n```',
        'Here is the JSON:\n{"events": [{"field": "name", "value": "A", "event": "ADD"}]}\nDone.',
    ],
)
def test_parse_events_defensively(content: str) -> None:
    events = parse_events(content)
    assert [e.model_dump() for e in events] == [{"field": "name", "value": "A", "event": "ADD"}]


@pytest.mark.parametrize(
    "content",
    [
        "",
        "no json",
        "[1, 2]",
        '{"events": "x"}',
        '{"events": [{"field": "a", "value": 1, "event": "MERGE"}]}',
        '{"events": [{"field": "a", "value": {"x": 1}, "event": "ADD"}]}',
        json.dumps({"other": []}),
    ],
)
def test_parse_events_rejects(content: str) -> None:
    with pytest.raises(ValueError):
        parse_events(content)
