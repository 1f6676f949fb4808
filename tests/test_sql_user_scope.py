"""Every statement the service sends names one user_id, so a sharded PostgreSQL routes it to one shard.

The SQL is read from PostgreSQL's own statement log (log_statement = all, jsonlog) of a
throwaway server that the service uses for real: what is checked is what reached the
server, after psycopg2 filled in the parameters.
"""

from __future__ import annotations

import json
import re
import time
import uuid
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from api import create_app
from config import load_settings
from tests.pg_cluster import FAST_SETTINGS, PgServer, scratch_folder

LITERAL = r"'(?:[^']|'')*'"
CONTROL = re.compile(r"^(BEGIN|COMMIT|ROLLBACK|SELECT 1|SET LOCAL statement_timeout = \d+)$")
WHERE_ONE_USER = re.compile(rf"\bWHERE\b.*\buser_id = ({LITERAL})", re.S)
RETENTION_LOOKUP = re.compile(
    r"^SELECT DISTINCT user_id FROM memory_events WHERE created_at < now\(\) - make_interval\(days => \d+\) LIMIT \d+$"
)
# INSERT … SELECT whose user_id column is one literal (history rows from jsonb_to_recordset).
INSERT_SELECT_ONE_USER = re.compile(rf"^INSERT INTO \w+ \(user_id, [^)]*\) SELECT ({LITERAL}), ", re.S)
INSERT_ONE_USER = re.compile(r"^INSERT INTO \w+ \(([^)]*)\) VALUES \((.*)\)", re.S)
# A call of one of init_db.sql's functions, whose first argument is the one user it touches.
FUNCTION_CALL_ONE_USER = re.compile(rf"^SELECT (?:[\w, ]+ FROM )?(personalmem_\w+)\(({LITERAL})[,)]", re.S)
TABLES = ("user_memories", "memory_events", "memory_rules")


@pytest.fixture
def logged_server() -> Iterator[PgServer]:
    with scratch_folder("personalmem-sqllog-") as folder:
        server = PgServer.primary(
            folder / "pg",
            **FAST_SETTINGS,
            logging_collector="on",
            log_destination="jsonlog",
            log_statement="all",
            log_filename="statements",
        )
        yield server
        server.destroy()


def _log_entries(server: PgServer) -> list[dict[str, str]]:
    entries = []
    for path in sorted((server.pgdata / "log").glob("statements*.json")):
        entries += [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    return entries


def _statements_until(server: PgServer, marker: str) -> list[tuple[str, str]]:
    """The service's (session, statement) pairs in the log, once the log has reached `marker`."""
    server.query(f"SELECT '{marker}'")
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        entries = _log_entries(server)
        if any(marker in entry.get("message", "") and "statement:" in entry.get("message", "") for entry in entries):
            return [
                (entry["session_id"], entry["message"].removeprefix("statement: "))
                for entry in entries
                if entry.get("application_name") == "personalmem" and entry.get("message", "").startswith("statement:")
            ]
        time.sleep(0.1)
    raise AssertionError("the statement log never reached the marker")


def test_every_statement_names_one_user_id(logged_server: PgServer) -> None:
    settings = load_settings(
        {"DATABASE_URL": logged_server.dsn("personalmem"), "LLM_PROVIDER": "rules", "HISTORY_PRUNE_INTERVAL_S": "0.2"}
    )
    users = {"sq_ana", "sq_ana_favorite", "sq_bo"}
    with TestClient(create_app(settings)) as client:
        assert client.get("/health").json()["database"] == "ok"  # creates the database, applies the schema
        start = _statements_until(logged_server, f"start-{uuid.uuid4().hex}")

        assert client.post("/messages", json={"user_id": "sq_ana", "message": "My name is Ana."}).status_code == 200
        assert client.post("/messages", json={"user_id": "sq_ana", "message": "I love kayaking."}).status_code == 200
        assert client.post("/messages", json={"user_id": "sq_bo", "message": "Thanks!"}).status_code == 200
        assert client.get("/users/sq_ana/memories").status_code == 200
        assert client.get("/users/sq_ana/memories/search", params={"query": "kayak"}).status_code == 200
        assert client.get("/users/sq_ana/context").status_code == 200
        assert client.get("/users/sq_ana/profile").json() == {"name": "Ana", "likes": ["kayaking"]}
        assert client.put("/users/sq_ana/memories/favorite_food", json={"value": "ramen"}).status_code == 200
        assert client.put("/users/sq_ana_favorite/memories/food", json={"value": "mochi"}).status_code == 200
        # Two users could own this id: the longest stored user id wins, one row at a time.
        assert client.delete("/memories/sq_ana_favorite_food").status_code == 200
        assert client.get("/users/sq_ana_favorite/profile").json() == {}
        assert client.get("/users/sq_ana/profile").json()["favorite_food"] == "ramen"
        assert client.delete("/memories/sq_nobody_here_x").status_code == 404
        assert client.delete("/users/sq_ana/memories/likes").status_code == 200
        # Retention: sq_bo's history has expired; the periodic prune must delete it user by user.
        assert client.put("/users/sq_bo/memories/name", json={"value": "Bo"}).status_code == 200
        expire = "UPDATE memory_events SET created_at = now() - interval '400 days' WHERE user_id = 'sq_bo'"
        logged_server.query(expire, database="personalmem")
        count = "SELECT count(*) FROM memory_events WHERE user_id = 'sq_bo'"
        deadline = time.monotonic() + 10
        while logged_server.query(count, database="personalmem") != [(0,)] and time.monotonic() < deadline:
            time.sleep(0.1)
        assert client.delete("/users/sq_ana/memories").status_code == 200
        statements = _statements_until(logged_server, f"end-{uuid.uuid4().hex}")[len(start) :]

    assert len(statements) >= 15
    seen_users: set[str] = set()
    kinds: set[str] = set()
    in_transaction: dict[str, bool] = {}
    bare_seen = 0
    called: set[str] = set()
    for session, batch in statements:
        pieces = [piece.strip() for piece in batch.split(";") if piece.strip()]
        # The statement timeout travels with each transaction's first round trip: no session
        # state for a pooler in transaction mode to leak. A statement outside a transaction
        # (every read, a message's write) carries nothing: its limit is kept by the service (a
        # deadline that cancels it), so it reaches the server bare.
        if not in_transaction.get(session):
            if pieces[0] == "BEGIN":
                assert pieces[1].startswith("SET LOCAL statement_timeout"), batch
            else:
                assert not any(piece.upper().startswith("SET") for piece in pieces), batch
                bare_seen += 1
        in_transaction[session] = (in_transaction.get(session) or pieces[0] == "BEGIN") and pieces[-1] not in (
            "COMMIT",
            "ROLLBACK",
        )
        for piece in pieces:
            if CONTROL.match(piece):
                continue
            if RETENTION_LOOKUP.match(piece):
                # The one statement that names no user: retention's read of which users have
                # expired events (a read, which a sharded cluster runs on every shard).
                kinds.add("RETENTION LOOKUP")
                continue
            assert "ANY(" not in piece.upper() and " IN (" not in piece.upper(), piece
            kinds.add(piece.split()[0] + (" FOR UPDATE" if piece.endswith("FOR UPDATE") else ""))
            insert = INSERT_ONE_USER.match(piece)
            if insert:
                columns = [c.strip() for c in insert.group(1).split(",")]
                values = re.findall(rf"{LITERAL}|[^,]+", insert.group(2))
                seen_users.add(values[columns.index("user_id")].strip().strip("'"))
                continue
            insert_select = INSERT_SELECT_ONE_USER.match(piece)
            if insert_select:
                kinds.add("INSERT")
                seen_users.add(insert_select.group(1).strip("'"))
                continue
            call = FUNCTION_CALL_ONE_USER.match(piece)
            if call:
                called.add(call.group(1))
                seen_users.add(call.group(2).strip("'"))
                continue
            where = WHERE_ONE_USER.search(piece)
            assert where and " OR " not in piece.upper(), f"not scoped to one user_id: {piece}"
            seen_users.add(where.group(1).strip("'"))
    assert {"SELECT", "SELECT FOR UPDATE", "INSERT", "UPDATE", "DELETE", "RETENTION LOOKUP"} <= kinds
    assert bare_seen >= 5
    # A message's read and write go through functions; what they run must name one user too.
    assert called == {"personalmem_message_read_v1", "personalmem_message_write_v1"}
    for name in called:
        _assert_body_names_one_user(logged_server, name)
    # Every candidate split of an unknown id was looked up on its own.
    assert users | {"sq", "sq_nobody", "sq_nobody_here"} <= seen_users


def _assert_body_names_one_user(server: PgServer, name: str) -> None:
    """Every statement in the function's body that touches a table names its first argument as user_id."""
    [(arguments, body)] = server.query(
        "SELECT proargnames, prosrc FROM pg_proc WHERE proname = %s", (name,), database="personalmem"
    )
    user = arguments[0]
    statements = [piece for piece in re.split(r";", body) if any(table in piece for table in TABLES)]
    assert statements, body
    for statement in statements:
        sql = " ".join(statement.split())
        assert "ANY(" not in sql.upper() and " IN (" not in sql.upper() and " OR " not in sql.upper(), sql
        for table in TABLES:
            for use in re.finditer(rf"\b{table}\b", sql):
                rest = sql[use.end() :]
                # FROM/UPDATE t … WHERE/ON t.user_id = p_user, or INSERT INTO t (user_id, …) SELECT p_user, …
                scoped = re.match(
                    rf"(?: \w+)?(?: SET .*?)? (?:WHERE|ON) (?:\w+\.)?user_id = {user}\b", rest
                ) or re.match(rf" \(user_id, [^)]*\) SELECT {user},", rest)
                assert scoped, f"{name}: {table} not scoped to {user}: {sql}"
