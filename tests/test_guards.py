"""The privacy gate and the cost gate, alone and end to end."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from domain import FieldEvent
from guards import find_secrets, might_hold_personal_fact, redact, screen_events
from tests.fake_llm import FakeLLM, events_reply

VISA_TEST = "4111 1111 1111 1111"  # a Luhn-valid test number


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (f"my card is {VISA_TEST}", "card number"),
        ("card 5500-0000-0000-0004 exp 12/27", "card number"),
        ("my SSN is 123-45-6789", "government id"),
        ("IBAN: GB82 WEST 1234 5698 7654 32", "iban"),
        ("pay to DE89370400440532013000 please", "iban"),
        ("my password is hunter2!", "stated secret"),
        ("PIN: 4821", "stated secret"),
        ("the api key = abcd1234efgh", "stated secret"),
        ("use sk-proj-abcdefghijklmnopqrstuvwx for it", "api key or token"),
        ("AKIAIOSFODNN7EXAMPLE is our key id", "api key or token"),
        ("token ghp_abcdefghijklmnopqrstuvwxyz0123456789", "api key or token"),
        ("my login is jane.doe@example.com", "login credential"),
        ("sign in with +44 20 7946 0958", "login credential"),
    ],
)
def test_detects_secrets(text: str, kind: str) -> None:
    assert kind in {f.kind for f in find_secrets(text)}, text


@pytest.mark.parametrize(
    "text",
    [
        "4111 1111 1111 1112",  # fails Luhn
        "I was born in 1987 and have 3 kids",
        "call me at lunch, my email is for friends only",
        "I love Python 3.12 and my order number 12345",
        "GB82 is a nice number",
        "I live at 221B Baker Street",
        "my password manager is great",
    ],
)
def test_leaves_ordinary_text_alone(text: str) -> None:
    assert find_secrets(text) == [], text
    assert redact(text) == text


def test_redact_replaces_only_the_secret() -> None:
    assert redact(f"I'm Ana, card {VISA_TEST}, password: s3cr3t") == "I'm Ana, card [redacted], password: [redacted]"


def event(field: str, value: object, kind: str = "ADD") -> FieldEvent:
    return FieldEvent(field=field, value=value, event=kind)  # type: ignore[arg-type]


def test_screen_drops_secrets_and_sensitive_without_consent() -> None:
    events = [
        event("name", "Ana"),
        event("card_number", VISA_TEST),
        event("notes", ["my pin is 1234"]),
        event("health", "diabetic"),
        event("likes", ["church choir"]),
        event("likes", ["tea"], "REMOVE"),
    ]
    kept, dropped = screen_events(events, "whatever the user said")
    assert [(e.field, e.value) for e in kept] == [("name", "Ana"), ("likes", ["tea"])]
    assert len(dropped) == 4


def test_sensitive_is_kept_when_the_user_asks() -> None:
    kept, dropped = screen_events([event("health", "diabetic")], "Please remember that I'm diabetic.")
    assert [e.value for e in kept] == ["diabetic"] and dropped == []
    kept, _ = screen_events([event("card", VISA_TEST)], f"remember my card {VISA_TEST}")
    assert kept == []  # consent never covers a secret


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("I love hiking", True),
        ("My name is Bo", True),
        ("call me Jo", True),
        ("Find the four smallest perfect numbers.", False),
        ("https://example.com/page", False),
        ("thanks!", False),
        ("Hello there", False),
        ("```python\nprint('I am here')\n```", False),
        ("```python\nx = 1\n```\nI wrote this, I'm a beginner", True),
        ("Give me a cooking recipe for the following food.\n\nI love kimchi", False),
        ("Explain to me why the sky is blue.", False),
        ("Tell me about jazz, I love it", True),
        ("Explain this to me: I'm a nurse and shifts confuse me", True),
    ],
)
def test_cost_gate(message: str, expected: bool) -> None:
    assert might_hold_personal_fact(message) is expected


def test_llm_never_sees_the_secret_and_cannot_store_it(
    openai_client: TestClient, fake_llm: FakeLLM, user_id: str
) -> None:
    fake_llm.queue(
        events_reply(
            {"field": "name", "value": "Ana", "event": "ADD"},
            {"field": "card_number", "value": "4111-1111-1111-1111", "event": "ADD"},
            {"field": "payment", "value": ["card 4111111111111111"], "event": "ADD"},
        )
    )
    message = f"I'm Ana and my card is {VISA_TEST}, my password is tr0ub4dor"
    response = openai_client.post("/messages", json={"user_id": user_id, "message": message})
    assert response.status_code == 200
    sent = fake_llm.requests[-1].user_content
    assert "4111" not in sent and "tr0ub4dor" not in sent and "[redacted]" in sent
    assert response.json()["extracted_memories"] == [{"field": "name", "value": "Ana", "event": "ADD"}]
    assert "not stored" in response.json()["message"]
    dump = openai_client.get(f"/users/{user_id}/memories").text
    assert "4111" not in dump
    assert openai_client.get(f"/users/{user_id}/profile").json() == {"name": "Ana"}


def test_gate_skips_the_llm_call(openai_client: TestClient, fake_llm: FakeLLM, user_id: str) -> None:
    for message in ("Thanks!", "Find the four smallest perfect numbers.", "https://example.com"):
        response = openai_client.post("/messages", json={"user_id": user_id, "message": message})
        assert response.status_code == 200 and response.json()["extracted_memories"] == []
    assert fake_llm.requests == []


def test_rules_extractor_path_also_screens(client: TestClient, user_id: str) -> None:
    body = client.post("/messages", json={"user_id": user_id, "message": "I'm diabetic and I love tango."}).json()
    assert [e["field"] for e in body["extracted_memories"]] == ["likes"]
    body = client.post("/messages", json={"user_id": user_id, "message": "I love going to church."}).json()
    assert body["extracted_memories"] == []


def test_special_category_needs_an_explicit_request(client: TestClient, user_id: str) -> None:
    said = client.post("/messages", json={"user_id": user_id, "message": "I'm diabetic."}).json()
    assert said["extracted_memories"] == []
    assert 'say "remember that' in said["message"]
    asked = client.post("/messages", json={"user_id": user_id, "message": "Please remember that I'm diabetic."})
    assert asked.json()["extracted_memories"] == [{"field": "health", "value": ["diabetic"], "event": "ADD"}]
    assert client.get(f"/users/{user_id}/profile").json() == {"health": ["diabetic"]}
