"""Negated statements store nothing: "no", "not", "never", "n't" and their kin, each form
sent through the API and checked in the database row itself (none may be created)."""

from __future__ import annotations

import psycopg2
import pytest
from fastapi.testclient import TestClient

NEGATED = [
    "I speak no French.",
    "I don't speak French.",
    "I do not speak French.",
    "I never speak French.",
    "I can't speak French.",
    "I cannot speak a word of French.",
    "I hardly speak German.",
    "I speak neither Dutch nor German.",
    "I neither speak Dutch nor German.",
    "I'm not a lawyer.",
    "I am not a lawyer.",
    "I'm no lawyer.",
    "I'm not really a lawyer.",
    "I am by no means a lawyer.",
    "I wouldn't call myself a runner.",
    "I'm not a software engineer.",
    "I have no dog.",
    "I don't have a cat.",
    "I do not have any pets.",
    "I have no kids.",
    "I don't have any siblings.",
    "I'm not married.",
    "I never studied law.",
    "I didn't study law.",
    "I'm not studying medicine.",
    "I've never worked at Google.",
    "I'm not from Spain.",
    "I don't live in Oslo.",
    "I have never lived in Oslo.",
    "I never lived in Lima.",
    "I don't know Rust.",
    "I do not know Rust at all.",
    "I know no Rust.",
    "I barely know Python.",
    "I'm not interested in golf.",
    "I have no interest in golf.",
    "I'm not good at chess.",
    "I'm not skilled in welding.",
    "I don't play the piano.",
    "I don't want to become a pilot.",
    "I have no plans to learn Korean.",
    "I'm not 30.",
    "My name isn't Bob.",
    "My name is not Bob.",
    "Nobody calls me Bob.",
]


def row_exists(database_url: str, user_id: str) -> bool:
    conn = psycopg2.connect(database_url)
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT 1 FROM user_memories WHERE user_id = %s", (user_id,))
            return cur.fetchone() is not None
    finally:
        conn.close()


@pytest.mark.parametrize("message", NEGATED)
def test_a_negated_statement_stores_nothing(client: TestClient, database_url: str, user_id: str, message: str) -> None:
    response = client.post("/messages", json={"user_id": user_id, "message": message})
    assert response.status_code == 200
    assert response.json()["extracted_memories"] == [], message
    assert not row_exists(database_url, user_id), message


def test_the_same_statement_without_the_negation_is_stored(
    client: TestClient, database_url: str, user_id: str
) -> None:
    # The control: the forms above store nothing because of the negation, not because the
    # extractor cannot read the sentence at all.
    assert client.post("/messages", json={"user_id": user_id, "message": "I speak French."}).status_code == 200
    conn = psycopg2.connect(database_url)
    with conn.cursor() as cur:
        cur.execute("SELECT memories FROM user_memories WHERE user_id = %s", (user_id,))
        assert cur.fetchone() == ({"languages": ["French"]},)
    conn.close()
