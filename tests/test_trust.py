"""Trust controls over the API, on a real database: history and undo, export and import,
"never remember" rules, erasure. Each claim is checked in the rows PostgreSQL holds."""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import psycopg2
import pytest
from fastapi.testclient import TestClient
from psycopg2 import sql

from api import create_app
from config import Settings
from tests.fake_llm import FakeLLM, events_reply


@pytest.fixture
def db(database_url: str) -> Iterator[Any]:
    conn = psycopg2.connect(database_url)
    conn.autocommit = True
    yield conn
    conn.close()


def rows(db: Any, query: str, *params: Any) -> list[tuple[Any, ...]]:
    with db.cursor() as cur:
        cur.execute(query, params)
        return cur.fetchall()


def events(client: TestClient, user: str, **params: Any) -> list[dict[str, Any]]:
    response = client.get(f"/users/{user}/history", params=params)
    assert response.status_code == 200, response.text
    return response.json()["events"]


def slim(event: dict[str, Any]) -> tuple[Any, ...]:
    return (event["field"], event["event"], event["before"], event["after"], event["has_values"], event["source"])


# -- history ------------------------------------------------------------------------------


def test_each_change_is_one_event_with_values_before_and_after(client: TestClient, db: Any, user_id: str) -> None:
    sent = client.post(
        "/messages",
        json={"user_id": user_id, "message": "I am a carpenter. I love sailing."},
        headers={"X-Request-ID": "trust-test-1"},
    )
    assert sent.status_code == 200
    client.put(f"/users/{user_id}/memories/role", json={"value": "boat builder"})
    client.delete(f"/users/{user_id}/memories/likes")

    assert [slim(e) for e in events(client, user_id)] == [
        ("likes", "DELETE", None, None, False, "edit"),
        ("role", "EDIT", "carpenter", "boat builder", True, "edit"),
        # The deleted field's earlier values are erased too: the event says it was added, not what.
        ("role", "ADD", None, "carpenter", True, "message"),
        ("likes", "ADD", None, None, False, "message"),
    ]
    query = "SELECT DISTINCT request_id FROM memory_events WHERE user_id = %s AND source = 'message'"
    assert rows(db, query, user_id) == [("trust-test-1",)]
    # Deleting by memory id leaves the same DELETE event without values.
    assert client.delete(f"/memories/{user_id}_role").status_code == 200
    assert slim(events(client, user_id)[0]) == ("role", "DELETE", None, None, False, "edit")
    assert rows(db, "SELECT count(*) FROM memory_events WHERE user_id = %s AND has_values", user_id) == [(0,)]


def test_the_message_text_is_never_stored(client: TestClient, db: Any, user_id: str) -> None:
    message = "Honestly the weather was grim all week. I love kayaking."
    assert client.post("/messages", json={"user_id": user_id, "message": message}).status_code == 200
    assert client.get(f"/users/{user_id}/profile").json() == {"likes": ["kayaking"]}
    stored = rows(db, "SELECT row_to_json(e)::text FROM memory_events e WHERE user_id = %s", user_id)
    assert len(stored) == 1
    for fragment in (message, "weather", "grim", "Honestly"):
        assert fragment not in stored[0][0]


def test_history_is_newest_first_paginated_and_filtered(client: TestClient, user_id: str) -> None:
    for city in ("Ghent", "Bruges", "Namur", "Liege"):
        client.put(f"/users/{user_id}/memories/location", json={"value": city})
    client.put(f"/users/{user_id}/memories/age", json={"value": 41})

    first = client.get(f"/users/{user_id}/history", params={"limit": 2}).json()
    assert [(e["field"], e["after"]) for e in first["events"]] == [("age", 41), ("location", "Liege")]
    second = client.get(f"/users/{user_id}/history", params={"limit": 2, "before": first["next_before"]}).json()
    assert [e["after"] for e in second["events"]] == ["Namur", "Bruges"]
    last = client.get(f"/users/{user_id}/history", params={"limit": 2, "before": second["next_before"]}).json()
    assert [e["after"] for e in last["events"]] == ["Ghent"] and last["next_before"] is None
    assert [e["after"] for e in events(client, user_id, field="location")] == ["Liege", "Namur", "Bruges", "Ghent"]
    assert client.get(f"/users/{user_id}/history", params={"limit": 0}).status_code == 422
    assert client.get(f"/users/{user_id}/history", params={"limit": 201}).status_code == 422


def test_undo_restores_the_value_before_and_is_itself_an_event(client: TestClient, user_id: str) -> None:
    client.put(f"/users/{user_id}/memories/location", json={"value": "Turku"})
    client.post("/messages", json={"user_id": user_id, "message": "I moved to Tampere."})
    assert client.get(f"/users/{user_id}/profile").json() == {"location": "Tampere"}
    wrong = events(client, user_id)[0]
    assert slim(wrong) == ("location", "UPDATE", "Turku", "Tampere", True, "message")

    undone = client.post(f"/users/{user_id}/history/{wrong['id']}/undo")
    assert undone.status_code == 200
    assert undone.json() == {"undone": wrong["id"], "field": "location", "value": "Turku", "changed": True}
    assert client.get(f"/users/{user_id}/profile").json() == {"location": "Turku"}
    assert slim(events(client, user_id)[0]) == ("location", "UPDATE", "Tampere", "Turku", True, "undo")

    # Undoing an ADD removes the field.
    client.put(f"/users/{user_id}/memories/pets", json={"value": ["hamster"]})
    added = events(client, user_id, field="pets")[0]
    assert client.post(f"/users/{user_id}/history/{added['id']}/undo").json()["value"] is None
    assert client.get(f"/users/{user_id}/profile").json() == {"location": "Turku"}


def test_undo_is_refused_after_a_newer_change_unless_forced(client: TestClient, user_id: str) -> None:
    client.put(f"/users/{user_id}/memories/employer", json={"value": "Acme"})
    client.put(f"/users/{user_id}/memories/employer", json={"value": "Globex"})
    older = events(client, user_id)[0]
    assert slim(older) == ("employer", "EDIT", "Acme", "Globex", True, "edit")
    client.put(f"/users/{user_id}/memories/employer", json={"value": "Initech"})

    refused = client.post(f"/users/{user_id}/history/{older['id']}/undo")
    assert refused.status_code == 409
    assert refused.json() == {
        "detail": f"employer has changed since event {older['id']}; undo with ?force=true to restore it anyway"
    }
    assert client.get(f"/users/{user_id}/profile").json() == {"employer": "Initech"}
    forced = client.post(f"/users/{user_id}/history/{older['id']}/undo", params={"force": "true"})
    assert forced.status_code == 200
    assert client.get(f"/users/{user_id}/profile").json() == {"employer": "Acme"}


def test_an_event_id_never_acts_on_another_user(client: TestClient, user_id: str) -> None:
    other = f"{user_id}_other"
    client.put(f"/users/{other}/memories/name", json={"value": "Vera"})
    client.put(f"/users/{other}/memories/name", json={"value": "Vera Lind"})
    theirs = events(client, other)[0]
    client.put(f"/users/{user_id}/memories/name", json={"value": "Vera Lind"})  # same field, same value

    for event_id in (theirs["id"], 9_000_000_000):
        response = client.post(f"/users/{user_id}/history/{event_id}/undo", params={"force": "true"})
        assert response.status_code == 404
        assert response.json() == {"detail": f"user {user_id!r} has no history event {event_id}"}
    assert client.get(f"/users/{other}/profile").json() == {"name": "Vera Lind"}
    assert client.get(f"/users/{user_id}/profile").json() == {"name": "Vera Lind"}
    assert client.post(f"/users/{user_id}/history/abc/undo").status_code == 422
    assert client.post(f"/users/{user_id}/history/0/undo").status_code == 422


def test_a_deleted_field_cannot_be_brought_back_by_undo(client: TestClient, user_id: str) -> None:
    client.put(f"/users/{user_id}/memories/goals", json={"value": ["learn welding"]})
    client.delete(f"/users/{user_id}/memories/goals")
    deleted, added = events(client, user_id)
    for event in (deleted, added):
        response = client.post(f"/users/{user_id}/history/{event['id']}/undo", params={"force": "true"})
        assert response.status_code == 409
        assert "kept no values" in response.json()["detail"]
    assert client.get(f"/users/{user_id}/profile").json() == {}


def test_get_memories_does_not_read_history(client: TestClient, db: Any, database_url: str, user_id: str) -> None:
    client.put(f"/users/{user_id}/memories/name", json={"value": "Oona"})
    # Another transaction holds the history table exclusively: anything reading it would wait.
    locker = psycopg2.connect(database_url)
    try:
        with locker.cursor() as cur:
            cur.execute("SET lock_timeout = '30s'")
            cur.execute("LOCK TABLE memory_events IN ACCESS EXCLUSIVE MODE")
        done: list[int] = []
        paths = (f"/users/{user_id}/memories", f"/users/{user_id}/profile")
        reader = threading.Thread(target=lambda: done.extend(client.get(path).status_code for path in paths))
        reader.start()
        reader.join(timeout=5)
        assert done == [200, 200]
    finally:
        locker.rollback()
        locker.close()


def _age(db: Any, user_id: str, field: str, days: int) -> None:
    rows(
        db,
        "UPDATE memory_events SET created_at = now() - make_interval(days => %s) "
        "WHERE user_id = %s AND field = %s RETURNING id",
        days,
        user_id,
        field,
    )


def test_retention_prunes_every_users_old_events_periodically(
    make_settings: Callable[..., Settings], db: Any, user_id: str
) -> None:
    idle_user = f"{user_id}_idle"  # writes once and never again: its old events must still go
    settings = make_settings(HISTORY_RETENTION_DAYS="30", HISTORY_PRUNE_INTERVAL_S="0.2")
    with TestClient(create_app(settings)) as client:
        client.put(f"/users/{user_id}/memories/name", json={"value": "Ilse"})
        client.put(f"/users/{user_id}/memories/age", json={"value": 30})
        client.put(f"/users/{idle_user}/memories/name", json={"value": "Odo"})
        client.put(f"/users/{idle_user}/memories/role", json={"value": "baker"})
        _age(db, user_id, "name", 31)
        _age(db, idle_user, "name", 45)
        _age(db, idle_user, "role", 29)  # inside the retention period: kept
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            left = rows(
                db, "SELECT user_id, field FROM memory_events WHERE user_id IN (%s, %s) ORDER BY id", user_id, idle_user
            )
            if left == [(user_id, "age"), (idle_user, "role")]:
                break
            time.sleep(0.1)
        assert left == [(user_id, "age"), (idle_user, "role")]
        # The profile itself is never touched by retention.
        assert client.get(f"/users/{idle_user}/profile").json() == {"name": "Odo", "role": "baker"}
        client.delete(f"/users/{idle_user}/memories")


def test_retention_still_prunes_with_history_switched_off(
    make_settings: Callable[..., Settings], db: Any, user_id: str
) -> None:
    """Events recorded while history was on still expire after it is switched off."""
    with TestClient(create_app(make_settings(HISTORY_RETENTION_DAYS="30"))) as client:
        client.put(f"/users/{user_id}/memories/name", json={"value": "Ilse"})
    _age(db, user_id, "name", 31)
    settings = make_settings(HISTORY_ENABLED="false", HISTORY_RETENTION_DAYS="30", HISTORY_PRUNE_INTERVAL_S="0.2")
    with TestClient(create_app(settings)):
        deadline = time.monotonic() + 10
        while rows(db, "SELECT count(*) FROM memory_events WHERE user_id = %s", user_id) != [(0,)]:
            assert time.monotonic() < deadline, "the expired event was never pruned"
            time.sleep(0.1)


def test_expired_events_are_never_shown_before_they_are_pruned(
    make_settings: Callable[..., Settings], db: Any, user_id: str
) -> None:
    settings = make_settings(HISTORY_RETENTION_DAYS="30", HISTORY_PRUNE_INTERVAL_S="3600")
    with TestClient(create_app(settings)) as client:
        client.put(f"/users/{user_id}/memories/name", json={"value": "Ilse"})
        client.put(f"/users/{user_id}/memories/name", json={"value": "Ilsa"})
        client.put(f"/users/{user_id}/memories/age", json={"value": 30})
        expired_ids = {
            row[0] for row in rows(db, "SELECT id FROM memory_events WHERE user_id = %s AND field = 'name'", user_id)
        }
        _age(db, user_id, "name", 31)
        shown = client.get(f"/users/{user_id}/history").json()["events"]
        assert [event["field"] for event in shown] == ["age"]
        exported = client.get(f"/users/{user_id}/export").json()
        assert [event["field"] for event in exported["history"]] == ["age"]
        for event_id in expired_ids:
            assert client.post(f"/users/{user_id}/history/{event_id}/undo").status_code == 404
        # Still in the table (no prune ran yet), and the profile keeps its value.
        assert len(rows(db, "SELECT id FROM memory_events WHERE user_id = %s AND field = 'name'", user_id)) == 2
        assert client.get(f"/users/{user_id}/profile").json()["name"] == "Ilsa"


def test_history_can_be_switched_off(make_settings: Callable[..., Settings], db: Any, user_id: str) -> None:
    with TestClient(create_app(make_settings(HISTORY_ENABLED="false"))) as client:
        client.post("/messages", json={"user_id": user_id, "message": "I love rowing."})
        client.put(f"/users/{user_id}/memories/name", json={"value": "Pia"})
        assert client.get(f"/users/{user_id}/profile").json() == {"name": "Pia", "likes": ["rowing"]}
        assert rows(db, "SELECT count(*) FROM memory_events WHERE user_id = %s", user_id) == [(0,)]


# -- erasure ------------------------------------------------------------------------------


def test_forget_everything_leaves_no_row_anywhere(client: TestClient, db: Any, user_id: str) -> None:
    client.post("/messages", json={"user_id": user_id, "message": "I am a violinist. I love opera."})
    client.put(f"/users/{user_id}/rules", json={"rules": ["my ex-girlfriend"]})
    client.put(f"/users/{user_id}/memories/location", json={"value": "Graz"})
    client.post(f"/users/{user_id}/history/{events(client, user_id)[0]['id']}/undo")

    def holding_the_id() -> dict[str, int]:
        found: dict[str, int] = {}
        columns = rows(
            db,
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' "
            "AND data_type IN ('text', 'character varying', 'jsonb', 'json', 'character')",
        )
        assert {table for table, _ in columns} >= {"user_memories", "memory_events", "memory_rules"}
        for table, column in columns:
            query = sql.SQL("SELECT count(*) FROM {} WHERE {}::text LIKE %s").format(
                sql.Identifier(table), sql.Identifier(column)
            )
            count = rows(db, query.as_string(db), f"%{user_id}%")[0][0]
            if count:
                found[f"{table}.{column}"] = count
        return found

    assert set(holding_the_id()) == {"user_memories.user_id", "memory_events.user_id", "memory_rules.user_id"}
    response = client.delete(f"/users/{user_id}/memories")
    assert response.status_code == 200
    assert holding_the_id() == {}
    assert events(client, user_id) == []
    assert client.get(f"/users/{user_id}/rules").json() == {"rules": [], "removed": []}


# -- export and import ---------------------------------------------------------------------


def test_export_then_replace_into_a_fresh_user_is_identical(client: TestClient, user_id: str) -> None:
    client.post("/messages", json={"user_id": user_id, "message": "My name is Tove. I speak Danish and Greek."})
    client.put(f"/users/{user_id}/memories/favorite_tree", json={"value": "birch"})
    client.put(f"/users/{user_id}/memories/age", json={"value": 52})
    client.put(f"/users/{user_id}/rules", json={"rules": ["my ex-husband"]})

    exported = client.get(f"/users/{user_id}/export")
    assert exported.status_code == 200
    assert exported.headers["content-disposition"] == f'attachment; filename="personalmem-{user_id}.json"'
    document = exported.json()
    assert document["format"] == "personalmem-export" and document["format_version"] == 1
    assert document["rules"] == ["ex-husband"]
    assert [e["field"] for e in document["history"]] == ["languages", "name", "favorite_tree", "age"]

    fresh = f"{user_id}_copy"
    imported = client.post(f"/users/{fresh}/import", params={"mode": "replace"}, json=document)
    assert imported.status_code == 200
    assert imported.json() == {
        "mode": "replace",
        "imported": ["name", "age", "favorite_tree", "languages"],
        "refused": [],
        "rules": ["ex-husband"],
    }
    again = client.get(f"/users/{fresh}/export").json()
    assert again["profile"] == document["profile"]
    assert again["field_times"] == document["field_times"]
    assert again["rules"] == document["rules"]
    assert client.get(f"/users/{fresh}/memories").json() == [
        {**m, "id": m["id"].replace(user_id, fresh), "user_id": fresh}
        for m in client.get(f"/users/{user_id}/memories").json()
    ]
    # The import is recorded as such; the original's history is not copied in.
    assert {(e["source"], e["event"]) for e in again["history"]} == {("import", "ADD")}


def test_import_names_every_refusal_and_merges(client: TestClient, user_id: str) -> None:
    client.put(f"/users/{user_id}/memories/likes", json={"value": ["figs"]})
    client.put(f"/users/{user_id}/memories/name", json={"value": "Rune"})
    document = {
        "format_version": 1,
        "profile": {
            "likes": ["dates", "my ex-wife's cooking", "x" * 501],
            "name": "Runa",
            "Bad Name": "x",
            "location": ["a", "b"],
            "hobby": {"nested": True},
            "health": "asthma",
        },
        "rules": ["ex-wife", "   "],
    }
    response = client.post(f"/users/{user_id}/import", json=document)
    assert response.status_code == 200
    body = response.json()
    assert body["mode"] == "merge" and body["imported"] == ["likes", "name"] and body["rules"] == ["ex-wife"]
    assert body["refused"] == [
        "rule '   ': not a usable rule",
        "likes: a value longer than 500 characters",
        'likes: you asked me never to remember "ex-wife"',
        "'Bad Name': not a valid field name",
        "location: holds a single value, not a list",
        "hobby: value must be a string, a number, a boolean or a list of strings",
        "health: something sensitive (health information); it is kept only when you ask to remember that very fact, "
        'e.g. "remember that …"',
    ]
    assert client.get(f"/users/{user_id}/profile").json() == {"name": "Runa", "likes": ["figs", "dates"]}


def test_bad_imports_get_a_clear_4xx_and_change_nothing(client: TestClient, db: Any, user_id: str) -> None:
    client.put(f"/users/{user_id}/memories/name", json={"value": "Sten"})
    before = rows(db, "SELECT count(*) FROM memory_events WHERE user_id = %s", user_id)

    newer = client.post(f"/users/{user_id}/import", json={"format_version": 2, "profile": {"name": "X"}})
    assert newer.status_code == 422
    assert newer.json()["detail"][0]["msg"] == (
        "Value error, this file is export format version 2; this server reads versions up to 1: "
        "import it into a newer PersonalMem"
    )
    for malformed in ({"profile": {"name": "X"}}, {"format_version": 1, "profile": ["name"]}, [1, 2]):
        assert client.post(f"/users/{user_id}/import", json=malformed).status_code == 422
    bad_mode = client.post(f"/users/{user_id}/import", params={"mode": "overwrite"}, json={"format_version": 1})
    assert bad_mode.status_code == 422
    not_json = client.post(
        f"/users/{user_id}/import", content=b"{not json", headers={"Content-Type": "application/json"}
    )
    assert not_json.status_code == 422
    huge = {"format_version": 1, "profile": {f"field_{i}": "y" * 400 for i in range(1000)}}
    too_big = client.post(f"/users/{user_id}/import", json=huge)
    assert too_big.status_code == 413
    assert client.get(f"/users/{user_id}/profile").json() == {"name": "Sten"}
    assert rows(db, "SELECT count(*) FROM memory_events WHERE user_id = %s", user_id) == before


def test_an_import_is_one_transaction(client: TestClient, db: Any, user_id: str) -> None:
    client.put(f"/users/{user_id}/memories/name", json={"value": "Ulla"})
    # A trigger makes the rules write (the last statement of the import) fail inside PostgreSQL.
    rows(
        db,
        "CREATE OR REPLACE FUNCTION refuse_rule() RETURNS trigger AS $$ BEGIN "
        "IF NEW.rule = 'refused-by-trigger' THEN RAISE EXCEPTION 'no' USING ERRCODE = '22023'; END IF; "
        "RETURN NEW; END $$ LANGUAGE plpgsql; "
        "CREATE TRIGGER refuse_rule BEFORE INSERT ON memory_rules FOR EACH ROW EXECUTE FUNCTION refuse_rule(); "
        "SELECT 1",
    )
    try:
        document = {
            "format_version": 1,
            "profile": {"name": "Other", "pets": ["newt"]},
            "rules": ["refused-by-trigger"],
        }
        response = client.post(f"/users/{user_id}/import", params={"mode": "replace"}, json=document)
        assert response.status_code == 422
    finally:
        rows(db, "DROP TRIGGER refuse_rule ON memory_rules; DROP FUNCTION refuse_rule(); SELECT 1")
    assert client.get(f"/users/{user_id}/profile").json() == {"name": "Ulla"}
    assert [slim(e) for e in events(client, user_id)] == [("name", "EDIT", None, "Ulla", True, "edit")]
    assert client.get(f"/users/{user_id}/rules").json()["rules"] == []


# -- never remember -------------------------------------------------------------------------


def test_rules_over_the_api_remove_what_is_stored_and_block_puts(client: TestClient, db: Any, user_id: str) -> None:
    client.put(f"/users/{user_id}/memories/location", json={"value": "Riga"})
    client.put(f"/users/{user_id}/memories/likes", json={"value": ["jazz", "my ex-boyfriend's band"]})
    response = client.put(
        f"/users/{user_id}/rules", json={"rules": ["Where I live", "ex-boyfriend", "anything about my health"]}
    )
    assert response.status_code == 200
    assert response.json() == {
        "rules": ["location", "ex-boyfriend", "health"],
        "removed": [
            {"field": "likes", "value": ["my ex-boyfriend's band"], "event": "REMOVE"},
            {"field": "location", "value": "Riga", "event": "REMOVE"},
        ],
    }
    assert client.get(f"/users/{user_id}/profile").json() == {"likes": ["jazz"]}
    rules = client.get(f"/users/{user_id}/rules").json()
    assert rules == {"rules": ["location", "ex-boyfriend", "health"], "removed": []}
    # What the rule removed is gone from the history too.
    recorded = json.dumps(events(client, user_id))
    assert "Riga" not in recorded and "boyfriend" not in recorded

    blocked = client.put(f"/users/{user_id}/memories/hometown", json={"value": "Jurmala"})
    assert blocked.status_code == 422
    assert blocked.json()["detail"][0]["msg"] == "not stored: hometown: you asked me never to remember where you live"
    assert client.put(f"/users/{user_id}/rules", json={"rules": ["  "]}).status_code == 422
    assert client.put(f"/users/{user_id}/rules", json={"rules": ["x"] * 51}).status_code == 422
    assert client.put(f"/users/{user_id}/rules", json={"rules": []}).json() == {"rules": [], "removed": []}
    assert client.put(f"/users/{user_id}/memories/hometown", json={"value": "Jurmala"}).status_code == 200


def test_a_rule_set_by_message_removes_what_is_stored_and_says_so(client: TestClient, user_id: str) -> None:
    client.post("/messages", json={"user_id": user_id, "message": "I work as a pharmacist at Boots. I love cycling."})
    assert client.get(f"/users/{user_id}/profile").json() == {
        "role": "pharmacist",
        "employer": "Boots",
        "likes": ["cycling"],
    }
    response = client.post("/messages", json={"user_id": user_id, "message": "Please stop remembering my job."})
    assert response.status_code == 200
    body = response.json()
    assert body["message"] == (
        "Message processed successfully; I will never remember your job; removed what was stored: employer, role"
    )
    assert client.get(f"/users/{user_id}/profile").json() == {"likes": ["cycling"]}
    assert client.get(f"/users/{user_id}/rules").json()["rules"] == ["job"]

    later = client.post("/messages", json={"user_id": user_id, "message": "I got promoted to head pharmacist."})
    assert later.json()["extracted_memories"] == []
    assert client.get(f"/users/{user_id}/profile").json() == {"likes": ["cycling"]}
    assert "pharmacist" not in json.dumps(events(client, user_id))


def test_forget_that_is_a_one_time_removal_not_a_rule(client: TestClient, user_id: str) -> None:
    client.post("/messages", json={"user_id": user_id, "message": "I love knitting."})
    client.post("/messages", json={"user_id": user_id, "message": "Forget that I love knitting."})
    assert client.get(f"/users/{user_id}/rules").json()["rules"] == []


def test_a_blocked_topic_never_reaches_the_llm(openai_client: TestClient, fake_llm: FakeLLM, user_id: str) -> None:
    assert openai_client.put(f"/users/{user_id}/rules", json={"rules": ["health"]}).status_code == 200

    whole = openai_client.post(
        "/messages", json={"user_id": user_id, "message": "My doctor changed my insulin dose this week."}
    )
    assert whole.status_code == 200
    assert fake_llm.requests == []
    assert whole.json()["message"] == (
        "Message processed; nothing to remember; left out 1 part(s) of your message on a topic you asked me "
        "never to remember"
    )

    fake_llm.queue(
        events_reply(
            {"field": "likes", "value": ["badminton"], "event": "ADD"},
            {"field": "conditions", "value": ["migraines"], "event": "ADD"},
        )
    )
    part = openai_client.post(
        "/messages",
        json={"user_id": user_id, "message": "I play badminton on Sundays. My migraines are worse lately."},
    )
    assert part.status_code == 200
    assert fake_llm.requests[-1].user_content == "I play badminton on Sundays."
    # Whatever an LLM returns anyway is dropped by the gate.
    assert openai_client.get(f"/users/{user_id}/profile").json() == {"likes": ["badminton"]}


def test_a_job_clause_is_cut_before_the_llm_even_without_job_words(
    openai_client: TestClient, fake_llm: FakeLLM, user_id: str
) -> None:
    openai_client.put(f"/users/{user_id}/rules", json={"rules": ["my job"]})
    fake_llm.queue(events_reply({"field": "likes", "value": ["tulips"], "event": "ADD"}))
    response = openai_client.post(
        "/messages", json={"user_id": user_id, "message": "I'm a dentist, and I love tulips."}
    )
    assert response.status_code == 200
    assert fake_llm.requests[-1].user_content == "I love tulips."


def test_unknown_user_reads_are_empty(client: TestClient) -> None:
    nobody = f"nobody_{uuid.uuid4().hex[:8]}"
    assert client.get(f"/users/{nobody}/history").json() == {"events": [], "next_before": None}
    assert client.get(f"/users/{nobody}/rules").json() == {"rules": [], "removed": []}
    document = client.get(f"/users/{nobody}/export").json()
    assert (document["profile"], document["field_times"], document["rules"], document["history"]) == ({}, {}, [], [])


def test_history_settings_are_read_and_checked() -> None:
    from config import ConfigError, load_settings

    settings = load_settings({"HISTORY_ENABLED": "off", "HISTORY_RETENTION_DAYS": "30"})
    assert (settings.history_enabled, settings.history_retention_days) == (False, 30)
    assert (load_settings({}).history_enabled, load_settings({}).history_retention_days) == (True, 365)
    with pytest.raises(ConfigError, match="HISTORY_ENABLED must be true or false, got 'maybe'"):
        load_settings({"HISTORY_ENABLED": "maybe"})
    with pytest.raises(ConfigError, match="HISTORY_RETENTION_DAYS must be at least 1, got 0"):
        load_settings({"HISTORY_RETENTION_DAYS": "0"})


def test_history_rows_keep_values_with_percent_signs_and_quotes(client: TestClient, db: Any, user_id: str) -> None:
    # History is sent with the COMMIT as client-side SQL text: % and quotes must survive it.
    client.put(f"/users/{user_id}/memories/favorite_fabric", json={"value": "100% wool, 'tweed' %s %(x)s"})
    client.put(f"/users/{user_id}/memories/favorite_fabric", json={"value": 'linen "50%"'})
    assert rows(db, "SELECT before, after FROM memory_events WHERE user_id = %s ORDER BY id", user_id) == [
        (None, "100% wool, 'tweed' %s %(x)s"),
        ("100% wool, 'tweed' %s %(x)s", 'linen "50%"'),
    ]


def test_a_rule_set_while_the_llm_reads_a_message_still_holds(
    openai_client: TestClient, fake_llm: FakeLLM, user_id: str
) -> None:
    slow = events_reply({"field": "location", "value": "Tromso", "event": "ADD"})
    slow.delay_s = 1.5
    fake_llm.queue(slow)
    answers: list[int] = []
    sender = threading.Thread(
        target=lambda: answers.append(
            openai_client.post("/messages", json={"user_id": user_id, "message": "I'm settling in Tromso."}).status_code
        )
    )
    sender.start()
    while not fake_llm.requests:  # the message is with the LLM now
        threading.Event().wait(0.02)
    assert openai_client.put(f"/users/{user_id}/rules", json={"rules": ["where I live"]}).status_code == 200
    sender.join(timeout=10)
    assert answers == [200]
    assert openai_client.get(f"/users/{user_id}/profile").json() == {}
