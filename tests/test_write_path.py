"""A message's write: one conditional statement when the row is as it was read, the locked
merge when someone wrote in between. Real PostgreSQL; the "someone" is a real transaction."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator

import psycopg2
import pytest
from fastapi.testclient import TestClient

from api import create_app
from config import Settings
from tests.fake_llm import FakeLLM, Reply


@pytest.fixture
def db(database_url: str) -> Iterator[psycopg2.extensions.connection]:
    conn = psycopg2.connect(database_url)
    yield conn
    conn.rollback()
    conn.close()


def _history(db: psycopg2.extensions.connection, user_id: str) -> list[tuple[str, str]]:
    with db.cursor() as cur:
        cur.execute("SELECT field, event FROM memory_events WHERE user_id = %s ORDER BY id", (user_id,))
        rows = cur.fetchall()
    db.rollback()
    return rows


def _waiting_on_lock(db: psycopg2.extensions.connection, timeout_s: float = 20.0) -> bool:
    """True once some backend waits for a row lock (our service's conditional write).

    Told by its wait alone: PostgreSQL 18 was seen to show a backend that waits on a lock in
    the middle of its next statement as idle, with its previous statement's text.
    """
    deadline = time.monotonic() + timeout_s
    with psycopg2.connect(db.dsn) as watcher, watcher.cursor() as cur:
        watcher.autocommit = True
        while time.monotonic() < deadline:
            cur.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()"
            )
            row = cur.fetchone()
            if row and row[0]:
                return True
            time.sleep(0.02)
    return False


def test_a_write_made_between_read_and_write_is_kept(
    client: TestClient, db: psycopg2.extensions.connection, user_id: str
) -> None:
    assert client.post("/messages", json={"user_id": user_id, "message": "I live in Tromso."}).status_code == 200
    # Another writer locks the row; the service reads it (no lock needed), merges, and its
    # conditional UPDATE waits on that lock. The other writer then changes the row and commits.
    with db.cursor() as cur:
        cur.execute("SELECT memories FROM user_memories WHERE user_id = %s FOR UPDATE", (user_id,))
    answers: list[int] = []
    sender = threading.Thread(
        target=lambda: answers.append(
            client.post("/messages", json={"user_id": user_id, "message": "I moved to Narvik."}).status_code
        )
    )
    sender.start()
    assert _waiting_on_lock(db), "the service's write never reached the locked row"
    with db.cursor() as cur:
        cur.execute(
            'UPDATE user_memories SET memories = memories || \'{"skills": ["knitting"]}\' WHERE user_id = %s',
            (user_id,),
        )
    db.commit()
    sender.join(30)
    assert answers == [200]
    profile = client.get(f"/users/{user_id}/profile").json()
    # The other writer's field survives, and the message's change is applied once.
    assert profile == {"location": "Narvik", "skills": ["knitting"]}
    assert _history(db, user_id) == [("location", "ADD"), ("location", "UPDATE")]


def test_plain_messages_write_history_once_each(
    client: TestClient, db: psycopg2.extensions.connection, user_id: str
) -> None:
    for message in ("I live in Bodo.", "I work as a ferry pilot.", "I live in Alta now.", "I live in Alta now."):
        assert client.post("/messages", json={"user_id": user_id, "message": message}).status_code == 200
    # The repeat changes nothing and records nothing.
    assert _history(db, user_id) == [("location", "ADD"), ("role", "ADD"), ("location", "UPDATE")]


def test_without_history_the_conditional_write_still_lands(
    make_settings: Callable[..., Settings], db: psycopg2.extensions.connection, user_id: str
) -> None:
    with TestClient(create_app(make_settings(HISTORY_ENABLED="false"))) as no_history:
        for message in ("I live in Molde.", "I live in Hamar now."):
            assert no_history.post("/messages", json={"user_id": user_id, "message": message}).status_code == 200
        profile = no_history.get(f"/users/{user_id}/profile").json()
    assert profile == {"location": "Hamar"}
    assert _history(db, user_id) == []


def test_a_rule_set_while_the_llm_answers_holds_for_that_message(
    openai_client: TestClient, fake_llm: FakeLLM, user_id: str
) -> None:
    assert openai_client.put(f"/users/{user_id}/memories/skills", json={"value": ["welding"]}).status_code == 200
    # Nothing is stored under the rule, so setting it leaves the profile row as it was: only
    # the rules themselves tell the message's write that it is out of date.
    fake_llm.queue(
        Reply(
            content=json.dumps({"events": [{"field": "location", "value": "Kiruna", "event": "UPDATE"}]}), delay_s=1.0
        )
    )
    answers: list[dict] = []
    sender = threading.Thread(
        target=lambda: answers.append(
            openai_client.post("/messages", json={"user_id": user_id, "message": "I live in Kiruna these days."}).json()
        )
    )
    sender.start()
    time.sleep(0.3)
    assert openai_client.put(f"/users/{user_id}/rules", json={"rules": ["location"]}).status_code == 200
    sender.join(30)
    assert answers and answers[0]["extracted_memories"] == []
    assert openai_client.get(f"/users/{user_id}/profile").json() == {"skills": ["welding"]}
