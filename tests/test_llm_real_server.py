"""The LLM path against a real model server: llama.cpp's own server with SmolLM2-135M.

Our fake server only says what we scripted. A real one enforces json_schema as a grammar,
runs out of tokens, loops inside strings and answers slowly, so these tests assert only
what must hold for ANY model:
- every answer is 200 or 502 with one of our reasons, never 500;
- every request carries max_tokens, and no answer the server gave is longer than that;
- a cut-off answer is retried once, shorter;
- everything stored passes our schema and our gates (read from the database row);
- a password or a card number in a message never reaches the server (a recording proxy
  sits between the service and the server);
- a pleasantry never calls the model.
What a 135M model extracts is not asserted: it proves the wiring, not extraction quality.
The speed of this path is measured by bench/local_llm.sh, not here.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from itertools import pairwise
from typing import Any

import psycopg2
import pytest
from fastapi.testclient import TestClient

from api import create_app
from config import Settings
from domain import FieldEvent, normalise_field_name
from extractors import SHORTER_ANSWER
from guards import admit_events
from tests.fake_llm import FakeLLM, Forwarder
from tests.llama_server import LlamaServer

# Small enough that a looping answer ends in seconds on 2 busy cores, large enough for a
# few events: the default (768) is sized for a 20-field answer, these profiles are small.
MAX_TOKENS = 160
TIMEOUT_S = 30
REASONS_502 = re.compile(r"^the LLM (returned invalid output twice: .+|did not answer within 30 s)$")


@pytest.fixture(scope="module")
def llama() -> Iterator[LlamaServer]:
    with LlamaServer() as server:
        yield server


@pytest.fixture(scope="module")
def proxy(llama: LlamaServer) -> Iterator[FakeLLM]:
    recorder = FakeLLM().start()
    recorder.responder = Forwarder(llama.base_url, timeout_s=TIMEOUT_S + 1)
    yield recorder
    recorder.stop()


@pytest.fixture(scope="module")
def real_client(make_settings: Callable[..., Settings], proxy: FakeLLM) -> Iterator[TestClient]:
    settings = make_settings(
        LLM_PROVIDER="openai",
        OPENAI_API_KEY="local-no-key",
        OPENAI_BASE_URL=proxy.openai_base_url,
        OPENAI_MODEL="smollm2-135m",
        LLM_TIMEOUT_S=str(TIMEOUT_S),
        LLM_MAX_TOKENS=str(MAX_TOKENS),
    )
    with TestClient(create_app(settings)) as client:
        yield client


def send(client: TestClient, proxy: FakeLLM, user_id: str, message: str) -> tuple[Any, list[Any]]:
    """POST one message; return the response and the server's answers to it (request, status, body)."""
    forwarder = proxy.responder
    assert isinstance(forwarder, Forwarder)
    answered_before = len(forwarder.answers)
    response = client.post("/messages", json={"user_id": user_id, "message": message})
    assert response.status_code in (200, 502), (response.status_code, response.text)
    if response.status_code == 502:
        assert REASONS_502.match(response.json()["detail"]), response.json()
    # After a timeout the server may still be generating until the proxy hangs up too: wait,
    # so that answers pair with their message and the next one does not queue behind.
    assert forwarder.wait_idle(timeout_s=TIMEOUT_S + 10)
    return response, forwarder.answers[answered_before:]


def stored_row(database_url: str, user_id: str) -> dict[str, Any]:
    with psycopg2.connect(database_url) as conn, conn.cursor() as cur:
        cur.execute("SELECT memories FROM user_memories WHERE user_id = %s", (user_id,))
        row = cur.fetchone()
    conn.close()
    return row[0] if row else {}


def assert_passes_gates(profile: dict[str, Any]) -> None:
    for field, value in profile.items():
        assert normalise_field_name(field) == field, field
        event = FieldEvent(field=field, value=value, event="ADD")  # our schema
        kept, refused = admit_events([event], message=None)  # our limits and privacy gate
        assert refused == [], (field, value, refused)
        assert kept == [event]


def test_messages_give_200_or_502_and_store_only_what_passes_the_gates(
    real_client: TestClient, proxy: FakeLLM, database_url: str, user_id: str
) -> None:
    for message in (
        "I'm Tomasz and I work as a carpenter in Gdansk.",
        "These days I mostly play the cello, and rainy mornings are my favourite.",
        "I no longer eat meat, and my daughter Ola just started school.",
    ):
        response, answers = send(real_client, proxy, user_id, message)
        assert 1 <= len(answers) <= 2  # one try, and one retry on unusable output
        timed_out = response.status_code == 502 and "did not answer" in response.json()["detail"]
        for index, (request, status, body) in enumerate(answers):
            assert request.user_content == message
            assert request.body["max_tokens"] == MAX_TOKENS
            # llama.cpp takes json_schema (and so enforces our bounds as a grammar).
            assert request.body["response_format"]["type"] == "json_schema"
            if timed_out and index == len(answers) - 1 and status == 504:
                continue  # the proxy hung up after the service did (a machine too busy)
            assert status == 200, body
            assert body["usage"]["completion_tokens"] <= MAX_TOKENS
        for (_, status, body), (retry, _, _) in pairwise(answers):
            if status == 200 and body["choices"][0]["finish_reason"] == "length":
                assert retry.body["messages"][-1] == {"role": "system", "content": SHORTER_ANSWER}
        if response.status_code == 200:
            for event in response.json()["extracted_memories"]:
                FieldEvent.model_validate(event)
    assert_passes_gates(stored_row(database_url, user_id))


def test_secrets_in_a_message_never_reach_the_server(
    real_client: TestClient, proxy: FakeLLM, database_url: str, user_id: str
) -> None:
    message = "My password is Quartz-Lemon-42, my card is 4012 8888 8888 1881, and I love sailing."
    _, answers = send(real_client, proxy, user_id, message)
    requests = [request for request, _, _ in answers]
    assert requests, "the message holds a fact, so the model is asked"
    sent = json.dumps([r.body for r in requests])
    for secret in ("Quartz-Lemon-42", "4012 8888 8888 1881", "8888"):
        assert secret not in sent
    assert "[redacted]" in requests[0].user_content
    stored = json.dumps(stored_row(database_url, user_id))
    assert "Quartz" not in stored and "8888" not in stored


def test_a_pleasantry_never_calls_the_model(real_client: TestClient, proxy: FakeLLM, user_id: str) -> None:
    seen_before = len(proxy.requests)
    response, answers = send(real_client, proxy, user_id, "Thanks so much, have a good one!")
    assert answers == [] and len(proxy.requests) == seen_before
    assert response.status_code == 200
    assert response.json()["extracted_memories"] == []
