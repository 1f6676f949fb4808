"""The privacy gate through the API: PUT, messages on both extractors, and what the answer says.

Every claim that something was not stored is checked on the database row itself.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import psycopg2
import pytest
from fastapi.testclient import TestClient

from tests.fake_llm import FakeLLM, events_reply

Row = tuple[dict[str, Any], dict[str, Any]] | None
GITHUB_PAT = "github_pat_11BCDEF0123456789abcdef_ghijklmnopqrstuvwxyz0123"  # the fine-grained shape, made up


@pytest.fixture
def read_row(database_url: str) -> Iterator[Callable[[str], Row]]:
    """The user's row as PostgreSQL holds it (memories, field_times), or None."""
    conn = psycopg2.connect(database_url)
    conn.autocommit = True

    def read(user_id: str) -> Row:
        with conn.cursor() as cur:
            cur.execute("SELECT memories, field_times FROM user_memories WHERE user_id = %s", (user_id,))
            row = cur.fetchone()
        return (row[0], row[1]) if row else None

    yield read
    conn.close()


def put(client: TestClient, user_id: str, key: str, value: object) -> Any:
    return client.put(f"/users/{user_id}/memories/{key}", json={"value": value})


# -- PUT passes the same gate ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "value", "words"),
    [
        ("notes", "5105 1051 0510 5100", "a card number"),
        ("notes", "5105.1051.0510.5100", "a card number"),
        ("notes", ["tea", "234-56-7890"], "a government id number"),
        ("notes", "234 56 7890", "a government id number"),
        ("bank", "nl91abna0417164300", "a bank account number (IBAN)"),
        ("reminder", "my password is orchid55", "a password or PIN"),
        ("reminder", "the wifi pw: Kiwi!Kiwi", "a password or PIN"),
        ("tools", GITHUB_PAT, "an API key or token"),
        ("tools", "sk_live_7Hq2Lm9Np4Rs8Tv1Wx6Yz3Ab", "an API key or token"),
        ("number", 5105105105105100, "a card number"),
    ],
)
def test_put_refuses_a_secret_value(
    client: TestClient, user_id: str, read_row: Callable[[str], Row], key: str, value: object, words: str
) -> None:
    assert put(client, user_id, "location", "Lisbon").status_code == 200
    before = read_row(user_id)
    response = put(client, user_id, key, value)
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert detail == [
        {
            "type": "value_error",
            "loc": ["body", "value"],
            "msg": f"not stored: {key}: something sensitive ({words}); secrets and identifiers are never stored",
        }
    ]
    secret = value[-1] if isinstance(value, list) else str(value)
    assert secret not in response.text
    assert read_row(user_id) == before
    assert read_row(user_id)[0] == {"location": "Lisbon"}  # type: ignore[index]


@pytest.mark.parametrize(
    ("key", "words"),
    [
        ("payment_card", "a card number"),
        ("password", "a password or PIN"),
        ("github_token", "an API key or token"),
        ("card_5105105105105100", "a card number"),
        ("ssn", "a government id number"),
    ],
)
def test_put_refuses_a_key_named_like_a_secret(
    client: TestClient, user_id: str, read_row: Callable[[str], Row], key: str, words: str
) -> None:
    response = put(client, user_id, key, "plain words")
    assert response.status_code == 422
    assert response.json()["detail"] == [
        {
            "type": "value_error",
            "loc": ["path", "key"],
            "msg": f"not stored: a field named like a secret ({words}): secrets and identifiers are never stored",
        }
    ]
    assert "5105" not in response.text
    assert read_row(user_id) is None


@pytest.mark.parametrize(
    ("key", "value", "category"),
    [
        ("health", "type 2 diabetes, on metformin", "health information"),
        ("notes", "takes insulin for diabetes", "health information"),
        ("religion", "Quaker", "religion"),
        ("about_me", ["bisexual"], "sexual orientation"),
    ],
)
def test_put_refuses_a_special_category(
    client: TestClient, user_id: str, read_row: Callable[[str], Row], key: str, value: object, category: str
) -> None:
    """A PUT carries no words of the user: the gate cannot see a request to remember it."""
    response = put(client, user_id, key, value)
    assert response.status_code == 422
    assert response.json()["detail"] == [
        {
            "type": "value_error",
            "loc": ["body", "value"],
            "msg": f"not stored: {key}: something sensitive ({category}); it is kept only when you ask to "
            'remember that very fact, e.g. "remember that …"',
        }
    ]
    assert read_row(user_id) is None


def test_put_of_ordinary_values_still_works(client: TestClient, user_id: str, read_row: Callable[[str], Row]) -> None:
    assert put(client, user_id, "favorite_card_game", "bridge").status_code == 200
    assert put(client, user_id, "likes", ["chess", "Python 3.12"]).status_code == 200
    assert read_row(user_id)[0] == {"favorite_card_game": "bridge", "likes": ["chess", "Python 3.12"]}  # type: ignore[index]


# -- messages: nothing sensitive stored, and the answer says so ------------------------------


@pytest.mark.parametrize(
    ("message", "secret", "words"),
    [
        ("I'm Ana and my visa is 4000.0566.5566.5556", "5556", "a card number"),
        ("I'm Ana and my pay goes to nl91abna0417164300", "nl91abna0417164300", "a bank account number (IBAN)"),
        ("I'm Ana, my social is 234 56 7890", "7890", "a government id number"),
        (f"I'm Ana and I use {GITHUB_PAT}", "github_pat_", "an API key or token"),
        ("I'm Ana and I like sk_live_7Hq2Lm9Np4Rs8Tv1Wx6Yz3Ab", "sk_live_", "an API key or token"),
        ("I'm Ana and my pw is Mango#77", "Mango", "a password or PIN"),
        ("I'm Ana. my pass: river-stone-12", "river", "a password or PIN"),
        ("I'm Ana and the password's Lantern9", "Lantern9", "a password or PIN"),
        ("I'm Ana. password is: purple elephant sings loudly", "elephant", "a password or PIN"),
        ("I'm Ana and my pin number 7315", "7315", "a password or PIN"),
        ("I'm Ana and I adore my password marzipan5", "marzipan", "a password or PIN"),
        ("I'm Ana. mein Passwort ist Regenbogen8", "Regenbogen", "a password or PIN"),
        ("I'm Ana and my driver's license is K402-118-77-903", "K402", "a government id number"),
    ],
)  # fmt: skip
def test_message_secrets_are_never_stored_and_the_answer_says_why(
    client: TestClient, user_id: str, read_row: Callable[[str], Row], message: str, secret: str, words: str
) -> None:
    response = client.post("/messages", json={"user_id": user_id, "message": message})
    assert response.status_code == 200
    body = response.json()
    assert secret not in response.text
    assert (
        f"not stored: something sensitive in the message ({words}) was cut out before it was read; "
        "secrets and identifiers are never stored"
    ) in body["message"]
    row = read_row(user_id)
    assert row is not None and secret not in json.dumps(row)
    assert row[0].get("name") == "Ana"


def test_special_category_in_a_statement_is_not_stored(
    client: TestClient, user_id: str, read_row: Callable[[str], Row]
) -> None:
    for message in (
        "I have asthma and I work at a bakery",
        "I'm a Buddhist and I store my bike in the garage",
        "I'm diabetic and I save for a trip",
    ):
        body = client.post("/messages", json={"user_id": user_id, "message": message}).json()
        assert all(e["field"] not in {"health", "religion"} for e in body["extracted_memories"]), message
    memories = read_row(user_id)[0]  # type: ignore[index]
    assert "health" not in memories and "religion" not in memories
    assert memories["employer"] == "bakery"


def test_special_category_needs_an_explicit_request(
    client: TestClient, user_id: str, read_row: Callable[[str], Row]
) -> None:
    said = client.post("/messages", json={"user_id": user_id, "message": "I'm diabetic."}).json()
    assert said["extracted_memories"] == []
    assert said["message"] == (
        "Message processed; not stored: health: something sensitive (health information); "
        'it is kept only when you ask to remember that very fact, e.g. "remember that …"'
    )
    assert read_row(user_id) is None
    asked = client.post("/messages", json={"user_id": user_id, "message": "Please remember that I'm diabetic."})
    assert asked.json()["extracted_memories"] == [{"field": "health", "value": ["diabetic"], "event": "ADD"}]
    assert read_row(user_id)[0] == {"health": ["diabetic"]}  # type: ignore[index]


def test_rules_extractor_path_also_screens(client: TestClient, user_id: str) -> None:
    body = client.post("/messages", json={"user_id": user_id, "message": "I'm diabetic and I love tango."}).json()
    assert [e["field"] for e in body["extracted_memories"]] == ["likes"]
    body = client.post("/messages", json={"user_id": user_id, "message": "I love going to church."}).json()
    assert body["extracted_memories"] == []


# -- the LLM path: the secret never reaches the LLM, and its output passes the gate ----------


def test_llm_never_sees_the_secret_and_cannot_store_it(
    openai_client: TestClient, fake_llm: FakeLLM, user_id: str, read_row: Callable[[str], Row]
) -> None:
    fake_llm.queue(
        events_reply(
            {"field": "name", "value": "Ana", "event": "ADD"},
            {"field": "card_number", "value": "4111-1111-1111-1111", "event": "ADD"},
            {"field": "payment", "value": ["card 4111111111111111"], "event": "ADD"},
        )
    )
    message = "I'm Ana and my card is 4111 1111 1111 1111, my password is tr0ub4dor"
    response = openai_client.post("/messages", json={"user_id": user_id, "message": message})
    assert response.status_code == 200
    sent = json.dumps(fake_llm.requests[-1].body)
    assert "4111" not in sent and "tr0ub4dor" not in sent and "[redacted]" in sent
    assert response.json()["extracted_memories"] == [{"field": "name", "value": "Ana", "event": "ADD"}]
    assert "not stored" in response.json()["message"] and "4111" not in response.json()["message"]
    assert read_row(user_id)[0] == {"name": "Ana"}  # type: ignore[index]


@pytest.mark.parametrize(
    ("message", "secrets"),
    [
        ("I'm Bo; card 5555.5555.5555.4444 and iban ch93 0076 2011 6238 5295 7", ["5555", "ch93", "6238"]),
        ("I'm Bo, ssn 321 54 9876, key rk_live_7Hq2Lm9Np4Rs8Tv1Wx6Yz3Ab", ["9876", "rk_live", "7Hq2"]),
        ("I'm Bo. my pass: river-stone-12. mein Passwort ist Regenbogen8", ["river", "Regenbogen"]),
        (f"I'm Bo and I adore {GITHUB_PAT}", ["github_pat", "11BCDEF"]),
    ],
)
def test_the_llm_request_body_holds_no_secret(
    openai_client: TestClient, fake_llm: FakeLLM, user_id: str, message: str, secrets: list[str]
) -> None:
    fake_llm.queue(events_reply({"field": "name", "value": "Bo", "event": "ADD"}))
    response = openai_client.post("/messages", json={"user_id": user_id, "message": message})
    assert response.status_code == 200
    sent = json.dumps(fake_llm.requests[-1].body, ensure_ascii=False)
    assert "I'm Bo" in sent
    for secret in secrets:
        assert secret not in sent


def test_llm_events_named_like_secrets_are_dropped(
    openai_client: TestClient, fake_llm: FakeLLM, user_id: str, read_row: Callable[[str], Row]
) -> None:
    fake_llm.queue(
        events_reply(
            {"field": "name", "value": "Ana", "event": "ADD"},
            {"field": "password", "value": "swordfish", "event": "ADD"},
            {"field": "github_token", "value": "abc", "event": "ADD"},
            {"field": "card_5105105105105100", "value": "visa", "event": "ADD"},
        )
    )
    response = openai_client.post("/messages", json={"user_id": user_id, "message": "I'm Ana, hi"})
    assert response.status_code == 200
    body = response.json()
    assert body["extracted_memories"] == [{"field": "name", "value": "Ana", "event": "ADD"}]
    assert "swordfish" not in response.text and "5105" not in response.text
    assert body["message"].count("a field named like a secret") == 3
    assert read_row(user_id)[0] == {"name": "Ana"}  # type: ignore[index]


def test_llm_special_category_is_kept_per_fact(
    openai_client: TestClient, fake_llm: FakeLLM, user_id: str, read_row: Callable[[str], Row]
) -> None:
    fake_llm.queue(
        events_reply(
            {"field": "health", "value": ["asthma", "bipolar disorder"], "event": "ADD"},
            {"field": "religion", "value": "Buddhist", "event": "ADD"},
            {"field": "likes", "value": ["tea"], "event": "ADD"},
        )
    )
    message = "Please remember that I have asthma. I'm bipolar, a Buddhist, and I store tea in jars."
    response = openai_client.post("/messages", json={"user_id": user_id, "message": message})
    assert response.status_code == 200
    assert read_row(user_id)[0] == {"health": ["asthma"], "likes": ["tea"]}  # type: ignore[index]
    assert "bipolar" not in response.json()["message"] and "Buddhist" not in response.json()["message"]


def test_gate_skips_the_llm_call(openai_client: TestClient, fake_llm: FakeLLM, user_id: str) -> None:
    for message in ("Thanks!", "Find the four smallest perfect numbers.", "https://example.com"):
        response = openai_client.post("/messages", json={"user_id": user_id, "message": message})
        assert response.status_code == 200 and response.json()["extracted_memories"] == []
    assert fake_llm.requests == []
