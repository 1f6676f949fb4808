"""The database misbehaving while connections stay open, races on a new user's row, and what
the rows themselves hold. Every claim is checked against the row in PostgreSQL, not a response.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import psycopg2
import pytest
from fastapi.testclient import TestClient
from psycopg2 import sql
from psycopg2.extensions import make_dsn

from api import create_app
from config import Settings
from errors import DATABASE_UNAVAILABLE
from tests.live_server import LiveServer


def run_admin(dsn: str, statement: sql.Composable | str, params: tuple = ()) -> list[tuple]:
    """One statement outside any transaction (CREATE/ALTER/DROP DATABASE need that)."""
    conn = psycopg2.connect(dsn)
    try:
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute(statement, params)
            return cur.fetchall() if cur.description else []
    finally:
        conn.close()


def stored_row(dsn: str, user_id: str) -> tuple[dict, dict] | None:
    with psycopg2.connect(dsn) as conn, conn.cursor() as cur:
        cur.execute("SELECT memories, field_times FROM user_memories WHERE user_id = %s", (user_id,))
        row = cur.fetchone()
    conn.close()
    return (row[0], row[1]) if row else None


def wait_for_backend(dsn: str, condition: str, timeout_s: float = 10) -> int:
    """The pid of the service's backend matching `condition` (SQL over pg_stat_activity)."""
    deadline = time.monotonic() + timeout_s
    with psycopg2.connect(dsn) as conn:
        conn.autocommit = True
        with conn.cursor() as cur:
            while time.monotonic() < deadline:
                cur.execute(
                    "SELECT pid FROM pg_stat_activity WHERE application_name = 'personalmem' "
                    f"AND datname = current_database() AND {condition}"
                )
                row = cur.fetchone()
                if row:
                    return row[0]
                time.sleep(0.05)
    raise AssertionError(f"no backend with {condition}")


def terminate_service_connections(dsn: str) -> int:
    return run_admin(
        dsn,
        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
        "WHERE application_name = 'personalmem' AND datname = current_database()",
    )[0][0]


def test_an_error_on_a_still_open_connection_is_a_503(client: TestClient, database_url: str, user_id: str) -> None:
    assert client.put(f"/users/{user_id}/memories/role", json={"value": "baker"}).status_code == 200
    blocker = psycopg2.connect(database_url)
    try:
        with blocker.cursor() as cur:
            cur.execute("SELECT 1 FROM user_memories WHERE user_id = %s FOR UPDATE", (user_id,))
        answers: list[Any] = []
        writer = threading.Thread(
            target=lambda: answers.append(client.put(f"/users/{user_id}/memories/role", json={"value": "pilot"}))
        )
        writer.start()
        # The write waits for the row lock; cancelling it fails its statement, connection intact.
        pid = wait_for_backend(database_url, "wait_event_type = 'Lock'")
        with psycopg2.connect(database_url) as admin, admin.cursor() as cur:
            cur.execute("SELECT pg_cancel_backend(%s)", (pid,))
        writer.join(20)
        assert answers[0].status_code == 503
        assert answers[0].json() == {"detail": DATABASE_UNAVAILABLE}
    finally:
        blocker.rollback()
        blocker.close()
    assert stored_row(database_url, user_id)[0] == {"role": "baker"}  # type: ignore[index]
    # The connection was rolled back and kept: the next write goes through on it.
    assert client.put(f"/users/{user_id}/memories/role", json={"value": "pilot"}).status_code == 200
    assert stored_row(database_url, user_id)[0] == {"role": "pilot"}  # type: ignore[index]


@pytest.fixture
def own_database(admin_dsn: str) -> Iterator[str]:
    """A database of this test alone, so its settings can be changed and dropped with it."""
    name = f"personalmem_ro_{uuid.uuid4().hex[:8]}"
    run_admin(admin_dsn, sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    yield make_dsn(admin_dsn, dbname=name)
    run_admin(admin_dsn, sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def _set_read_only(admin_dsn: str, dsn: str, on: bool) -> None:
    # Through the `postgres` database: a read-only database cannot even be told to stop being one.
    name = sql.Identifier(psycopg2.extensions.parse_dsn(dsn)["dbname"])
    change = "SET default_transaction_read_only = on" if on else "RESET default_transaction_read_only"
    run_admin(admin_dsn, sql.SQL("ALTER DATABASE {} " + change).format(name))


def test_a_read_only_database_gives_503_for_writes_and_keeps_reads(
    make_settings: Callable[..., Settings], admin_dsn: str, own_database: str, user_id: str
) -> None:
    with TestClient(create_app(make_settings(DATABASE_URL=own_database))) as client:
        assert client.put(f"/users/{user_id}/memories/name", json={"value": "Rui"}).status_code == 200
        _set_read_only(admin_dsn, own_database, True)
        assert terminate_service_connections(own_database) >= 1  # new connections read the new setting
        for method, path, body in (
            ("PUT", f"/users/{user_id}/memories/name", {"value": "Rita"}),
            ("POST", "/messages", {"user_id": user_id, "message": "I live in Faro."}),
            ("DELETE", f"/users/{user_id}/memories/name", None),
            ("DELETE", f"/users/{user_id}/memories", None),
        ):
            response = client.request(method, path, json=body)
            assert response.status_code == 503, (method, path, response.text)
            assert response.json() == {"detail": DATABASE_UNAVAILABLE}
        assert client.get(f"/users/{user_id}/profile").json() == {"name": "Rui"}
        _set_read_only(admin_dsn, own_database, False)
        terminate_service_connections(own_database)
        assert client.put(f"/users/{user_id}/memories/name", json={"value": "Rita"}).status_code == 200
    assert stored_row(own_database, user_id)[0] == {"name": "Rita"}  # type: ignore[index]


def test_first_writes_racing_delete_all_never_give_a_5xx(live_server: Callable[..., LiveServer]) -> None:
    server = live_server(workers=2)
    failures: list[tuple[str, int, str]] = []

    def call(http: httpx.Client, user: str, kind: int) -> None:
        if kind % 3 == 0:
            response = http.delete(f"/users/{user}/memories")
        elif kind % 3 == 1:
            response = http.post("/messages", json={"user_id": user, "message": f"I like item{kind}."})
        else:
            response = http.put(f"/users/{user}/memories/note_{kind}", json={"value": "x"})
        if response.status_code != 200:
            failures.append((user, response.status_code, response.text[:200]))

    with httpx.Client(base_url=server.url, timeout=30, limits=httpx.Limits(max_connections=24)) as http:
        for _ in range(15):
            user = f"race_{uuid.uuid4().hex[:10]}"
            with ThreadPoolExecutor(max_workers=12) as pool:
                list(pool.map(lambda kind, u=user: call(http, u, kind), range(12)))
    assert failures == []


def test_no_column_of_any_table_holds_the_message_text(
    client: TestClient, database_url: str, user_id: str
) -> None:
    message = "My name is Oksana. Quillfeather marmalade orbits the teapot at dawn."
    response = client.post("/messages", json={"user_id": user_id, "message": message})
    assert response.status_code == 200
    memories, times = stored_row(database_url, user_id)  # type: ignore[misc]
    assert memories == {"name": "Oksana"}
    assert set(times) == {"name"}
    with psycopg2.connect(database_url) as conn, conn.cursor() as cur:
        cur.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")
        tables = [row[0] for row in cur.fetchall()]
        assert "user_memories" in tables
        for table in tables:
            cur.execute(sql.SQL("SELECT t::text FROM {} AS t").format(sql.Identifier(table)))
            for (text,) in cur.fetchall():
                assert "quillfeather" not in text.lower(), (table, text[:200])
                assert "teapot" not in text.lower(), (table, text[:200])
    conn.close()
