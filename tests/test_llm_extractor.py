"""The LLM path: the real openai client over a real socket to the fake chat-completions server."""

from __future__ import annotations

import contextlib
import json
import logging
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import psycopg2
import pytest
from fastapi.testclient import TestClient

from api import create_app
from config import DEFAULT_LLM_MAX_TOKENS, ConfigError, Settings, load_settings
from extractors import (
    EVENTS_JSON_SCHEMA,
    SHORTER_ANSWER,
    LLMExtractor,
    build_extractor,
    events_json_schema,
    parse_events,
    public_url,
)
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
    # A custom base URL means an OpenAI-compatible server: json_schema with every bound, since
    # their grammar engines honour maxLength and maxItems (a refusal falls back, tested below).
    assert request.body["response_format"] == {"type": "json_schema", "json_schema": events_json_schema("full")}
    assert request.body["max_tokens"] == DEFAULT_LLM_MAX_TOKENS
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


def test_connection_closed_without_an_answer_is_502_not_a_timeout(
    make_settings: Callable[..., Settings], user_id: str
) -> None:
    """A server that accepts, reads and hangs up: a connection failure, not a timeout, and
    said long before LLM_TIMEOUT_S (the transport reports it as a timeout; we do not)."""
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]

    def hang_up() -> None:
        with contextlib.suppress(OSError):
            while True:
                conn, _ = listener.accept()
                conn.recv(65536)
                conn.close()

    threading.Thread(target=hang_up, daemon=True).start()
    settings = make_settings(
        LLM_PROVIDER="openai", OPENAI_API_KEY="sk", OPENAI_BASE_URL=f"http://127.0.0.1:{port}/v1", LLM_TIMEOUT_S="20"
    )
    try:
        with TestClient(create_app(settings)) as client:
            response = client.post("/messages", json={"user_id": user_id, "message": "I'm Bo"})
            assert client.get(f"/users/{user_id}/profile").json() == {}
    finally:
        listener.close()
    assert response.status_code == 502
    assert "could not be reached" in response.json()["detail"]


def test_the_llm_client_is_closed_with_the_app(make_settings: Callable[..., Settings], fake_llm: FakeLLM) -> None:
    settings = make_settings(LLM_PROVIDER="openai", OPENAI_API_KEY="sk", OPENAI_BASE_URL=fake_llm.openai_base_url)
    with TestClient(create_app(settings)) as client:
        fake_llm.queue(events_reply({"field": "name", "value": "Bo", "event": "ADD"}))
        assert client.post("/messages", json={"user_id": "closing-user", "message": "I'm Bo"}).status_code == 200
        extractor = client.app.state.service.extractor  # type: ignore[attr-defined]
        assert isinstance(extractor, LLMExtractor)
        assert not extractor._client.is_closed()
        client.delete("/users/closing-user/memories")
    assert extractor._client.is_closed()


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


# -- output limits, response formats and unstorable answers (issue 11, issue 10 items 6 and 9) --


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


@contextmanager
def personalmem_log() -> Iterator[_Records]:
    """Our logger does not propagate to the root (web.configure_logging), so caplog misses it."""
    records = _Records()
    logger = logging.getLogger("personalmem")
    logger.addHandler(records)
    try:
        yield records
    finally:
        logger.removeHandler(records)


@contextmanager
def llm_app(make_settings: Callable[..., Settings], fake_llm: FakeLLM, **env: str) -> Iterator[TestClient]:
    base = {
        "LLM_PROVIDER": "openai",
        "OPENAI_API_KEY": "sk-test",
        "OPENAI_BASE_URL": fake_llm.openai_base_url,
        "LLM_TIMEOUT_S": "5",
    }
    base.update(env)
    with TestClient(create_app(make_settings(**base))) as client:
        yield client


def test_max_tokens_setting_is_sent(make_settings: Callable[..., Settings], fake_llm: FakeLLM, user_id: str) -> None:
    fake_llm.queue(events_reply({"field": "role", "value": "baker", "event": "ADD"}))
    with llm_app(make_settings, fake_llm, LLM_MAX_TOKENS="321") as client:
        response = client.post("/messages", json={"user_id": user_id, "message": "I work as a baker"})
    assert response.status_code == 200
    assert [r.body["max_tokens"] for r in fake_llm.requests] == [321]


def test_cut_off_answer_is_retried_shorter(
    make_settings: Callable[..., Settings], fake_llm: FakeLLM, user_id: str
) -> None:
    fake_llm.queue(
        Reply(content='{"events": [{"field": "likes", "value": ["kites, kites, kites', finish_reason="length"),
        events_reply({"field": "likes", "value": ["kites"], "event": "ADD"}),
    )
    with llm_app(make_settings, fake_llm) as client:
        response = client.post("/messages", json={"user_id": user_id, "message": "I fly kites every weekend"})
        assert response.status_code == 200
        assert client.get(f"/users/{user_id}/profile").json() == {"likes": ["kites"]}
    first, second = fake_llm.requests
    assert SHORTER_ANSWER not in first.system_text
    assert second.body["messages"][-1] == {"role": "system", "content": SHORTER_ANSWER}
    # The retry's schema allows fewer events too, where the schema may carry bounds.
    assert first.body["response_format"]["json_schema"]["schema"]["properties"]["events"]["maxItems"] == 16
    assert second.body["response_format"]["json_schema"]["schema"]["properties"]["events"]["maxItems"] == 5


def test_cut_off_twice_is_502_with_the_reason(
    make_settings: Callable[..., Settings], fake_llm: FakeLLM, user_id: str
) -> None:
    cut = Reply(content='{"events": [{"field": "likes", "value": ["la la la la', finish_reason="length")
    fake_llm.queue(cut, cut)
    with llm_app(make_settings, fake_llm, LLM_MAX_TOKENS="200") as client:
        client.put(f"/users/{user_id}/memories/name", json={"value": "Ines"})
        response = client.post("/messages", json={"user_id": user_id, "message": "I sing in a choir"})
        assert response.status_code == 502
        assert response.json() == {
            "detail": "the LLM returned invalid output twice: the answer was cut off at LLM_MAX_TOKENS (200 tokens)"
        }
        assert client.get(f"/users/{user_id}/profile").json() == {"name": "Ines"}
    assert len(fake_llm.requests) == 2


def test_json_schema_refused_falls_back_to_json_object_once(
    make_settings: Callable[..., Settings], fake_llm: FakeLLM, user_id: str
) -> None:
    fake_llm.refuse_json_schema = True
    fake_llm.responder = lambda seen: events_reply({"field": "pets", "value": ["gecko"], "event": "ADD"})
    with personalmem_log() as log_lines, llm_app(make_settings, fake_llm) as client:
        first = client.post("/messages", json={"user_id": user_id, "message": "I keep a gecko"})
        second = client.post("/messages", json={"user_id": user_id, "message": "I have a gecko at home"})
        assert client.get(f"/users/{user_id}/profile").json() == {"pets": ["gecko"]}
    assert first.status_code == 200 and second.status_code == 200
    formats = [r.body["response_format"]["type"] for r in fake_llm.requests]
    # Refused once, then json_object for this request and every later one: no second refusal.
    assert formats == ["json_schema", "json_object", "json_object"]
    for request in fake_llm.requests[1:]:
        assert "The answer must match this JSON schema: " in request.system_text
        assert '"maxItems":16' in request.system_text
    assert "The answer must match this JSON schema" not in fake_llm.requests[0].system_text
    fallbacks = [line for line in log_lines.lines if "refused response_format json_schema" in line]
    assert len(fallbacks) == 1


def test_forced_json_schema_is_not_given_up(
    make_settings: Callable[..., Settings], fake_llm: FakeLLM, user_id: str
) -> None:
    fake_llm.refuse_json_schema = True
    with llm_app(make_settings, fake_llm, LLM_RESPONSE_FORMAT="json_schema") as client:
        response = client.post("/messages", json={"user_id": user_id, "message": "I keep a gecko"})
    assert response.status_code == 502
    assert response.json() == {
        "detail": "the LLM server refused the json_schema response format (HTTP 400); "
        "set LLM_RESPONSE_FORMAT to the other choice or to auto"
    }
    assert len(fake_llm.requests) == 1


def test_forced_json_object_writes_the_schema_into_the_prompt(
    make_settings: Callable[..., Settings], fake_llm: FakeLLM, user_id: str
) -> None:
    fake_llm.queue(events_reply({"field": "languages", "value": ["Welsh"], "event": "ADD"}))
    with llm_app(make_settings, fake_llm, LLM_RESPONSE_FORMAT="json_object") as client:
        response = client.post("/messages", json={"user_id": user_id, "message": "I speak Welsh"})
    assert response.status_code == 200
    (request,) = fake_llm.requests
    assert request.body["response_format"] == {"type": "json_object"}
    assert "The answer must match this JSON schema: " in request.system_text


def test_other_400_is_502_without_a_fallback(
    make_settings: Callable[..., Settings], fake_llm: FakeLLM, user_id: str
) -> None:
    fake_llm.queue(Reply(status=400))
    with llm_app(make_settings, fake_llm) as client:
        response = client.post("/messages", json={"user_id": user_id, "message": "I keep a gecko"})
    assert response.status_code == 502
    assert response.json() == {"detail": "the LLM answered with HTTP 400"}
    assert len(fake_llm.requests) == 1


def test_openai_schema_bounds_items_only(make_settings: Callable[..., Settings]) -> None:
    """OpenAI's strict mode takes maxItems but not maxLength; Azure's takes neither."""
    openai_ext = build_extractor(make_settings(LLM_PROVIDER="openai", OPENAI_API_KEY="sk"))
    azure_ext = build_extractor(
        make_settings(LLM_PROVIDER="azure", AZURE_OPENAI_API_KEY="k", AZURE_OPENAI_ENDPOINT="https://x.example")
    )
    assert isinstance(openai_ext, LLMExtractor) and isinstance(azure_ext, LLMExtractor)
    openai_schema = json.dumps(openai_ext._response_format("json_schema"))
    azure_schema = json.dumps(azure_ext._response_format("json_schema"))
    assert '"maxItems": 16' in openai_schema and '"maxItems": 20' in openai_schema
    assert "maxLength" not in openai_schema
    assert "maxItems" not in azure_schema and "maxLength" not in azure_schema
    assert json.loads(azure_schema) == {"type": "json_schema", "json_schema": EVENTS_JSON_SCHEMA}


@pytest.mark.parametrize(
    "content",
    [
        '{"events": [{"field": "name", "value": "Jo\\ud800", "event": "ADD"}]}',  # a lone surrogate
        '{"events": [{"field": "nick\\udfff", "value": "Jo", "event": "ADD"}]}',
        '{"events": [{"field": "likes", "value": ["tea", "\\udc00"], "event": "ADD"}]}',
        '{"events": [{"field": "age", "value": NaN, "event": "ADD"}]}',
        '{"events": [{"field": "age", "value": Infinity, "event": "ADD"}]}',
        '{"events": [{"field": "age", "value": -Infinity, "event": "ADD"}]}',
        '{"events": [{"field": "age", "value": 1e999, "event": "ADD"}]}',
    ],
)
def test_unstorable_llm_answers_are_502(
    make_settings: Callable[..., Settings], fake_llm: FakeLLM, user_id: str, content: str
) -> None:
    fake_llm.queue(Reply(content=content), Reply(content=content))
    with llm_app(make_settings, fake_llm) as client:
        response = client.post("/messages", json={"user_id": user_id, "message": "I'm Jo and I'm 30"})
        assert response.status_code == 502
        assert response.json()["detail"].startswith("the LLM returned invalid output twice: ")
        assert client.get(f"/users/{user_id}/profile").json() == {}
    assert len(fake_llm.requests) == 2


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("http://alice:s3cr3t-pass@127.0.0.1:{port}/v1?api-key=qk-778899#frag", "http://127.0.0.1:{port}/v1"),
        ("https://user@llm.example.org/openai/v1?token=abc", "https://llm.example.org/openai/v1"),
        ("http://[::1]:8080/v1", "http://[::1]:8080/v1"),
        ("http://bad:port:here/v1", "(unparseable URL)"),
    ],
)
def test_public_url_drops_credentials(url: str, shown: str) -> None:
    assert public_url(url.format(port=5000)) == shown.format(port=5000)


def test_health_and_startup_log_hide_base_url_credentials(
    make_settings: Callable[..., Settings], fake_llm: FakeLLM
) -> None:
    url = f"http://alice:s3cr3t-pass@127.0.0.1:{fake_llm.port}/v1?api-key=qk-778899"
    with personalmem_log() as log_lines, llm_app(make_settings, fake_llm, OPENAI_BASE_URL=url) as client:
        health = client.get("/health").json()
    assert health["llm_base_url"] == f"http://127.0.0.1:{fake_llm.port}/v1"
    assert "s3cr3t" not in json.dumps(health) and "qk-778899" not in json.dumps(health)
    logged = "\n".join(log_lines.lines)
    assert f"http://127.0.0.1:{fake_llm.port}/v1" in logged  # the start-up line names the server...
    assert "s3cr3t" not in logged and "qk-778899" not in logged and "alice" not in logged  # ...and no secret


def test_profile_secrets_never_reach_the_llm(
    make_settings: Callable[..., Settings], fake_llm: FakeLLM, database_url: str, user_id: str
) -> None:
    """A profile stored before the gates existed (written here with SQL) is screened before a prompt."""
    stored = {
        "name": "Dana",
        "payment_card": "4111 1111 1111 1111",
        "password": "tulip-Moon-88",
        "likes": ["sailing", "my pin is 4821", "chess"],
        "health": "diabetic",
        "religion": "none",
        "github_token": "abc123",
    }
    with psycopg2.connect(database_url) as conn, conn.cursor() as cur:
        cur.execute(
            "INSERT INTO user_memories (user_id, memories) VALUES (%s, %s::jsonb)", (user_id, json.dumps(stored))
        )
    conn.close()
    fake_llm.queue(events_reply({"field": "likes", "value": ["rowing"], "event": "ADD"}))
    with llm_app(make_settings, fake_llm) as client:
        response = client.post("/messages", json={"user_id": user_id, "message": "I also enjoy rowing"})
    assert response.status_code == 200
    (request,) = fake_llm.requests
    sent = json.dumps(request.body)
    for secret in ("4111", "tulip-Moon-88", "diabetic", "4821", "abc123"):
        assert secret not in sent, secret
    # The fields go whole, names included (the prompt itself says "passwords", so check the turn).
    profile_turn = request.body["messages"][1]["content"]
    assert profile_turn == 'Current profile (JSON): {"name": "Dana", "likes": ["sailing", "chess"]}'


def test_prompt_states_change_and_value_rules(
    make_settings: Callable[..., Settings], fake_llm: FakeLLM, user_id: str
) -> None:
    fake_llm.queue(events_reply())
    with llm_app(make_settings, fake_llm) as client:
        client.post("/messages", json={"user_id": user_id, "message": "I used to live in Oslo"})
    system = fake_llm.requests[-1].system_text
    for phrase in (
        # change rules
        "never both liked and disliked",
        "REMOVE it from the old list and\n  ADD it to the new one",
        "used to, no longer, not ... anymore, quit, left, resigned,\n  dropped out of, moved from or away, sold,"
        " done with, forget that",
        '"Switched from X to Y": REMOVE X and ADD Y in the field that holds X',
        "now, these days, moved to, started as/at, switched to,\n  call me",
        "Never REMOVE and ADD the same value in one answer",
        # value rules
        "function words",
        '("last week")',
        "no percentage, rating or count as age",
        'no adjective, title ("Dr") or pet as the user\'s name',
        "no prepositional phrase",
        '"can imagine" or "can help" is not a\nskill',
        "courtesy or wishes to the other person",
        'family ("wife Sofia", "sister Ana": with the name when given)',
        "When unsure, store nothing.",
    ):
        assert phrase in system, phrase


def test_base_url_credentials_stay_out_of_settings_repr() -> None:
    settings = load_settings(
        {"OPENAI_API_KEY": "sk", "OPENAI_BASE_URL": "http://bob:pw-in-url@10.0.0.5:8000/v1?api-key=q-in-url"}
    )
    assert "pw-in-url" not in repr(settings) and "q-in-url" not in repr(settings)


@pytest.mark.parametrize("raw", ["0", "15", "-5", "many"])
def test_llm_max_tokens_must_be_a_sensible_number(raw: str) -> None:
    with pytest.raises(ConfigError, match="LLM_MAX_TOKENS"):
        load_settings({"LLM_MAX_TOKENS": raw})


def test_llm_max_tokens_default() -> None:
    assert load_settings({}).llm_max_tokens == 768
