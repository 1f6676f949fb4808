"""A statement's time limit: kept by the service outside a transaction, by the server inside one.

A statement outside a transaction (every read, a message's write) carries no `SET LOCAL
statement_timeout` (it cost PostgreSQL more than a read by key): at DB_STATEMENT_TIMEOUT_S the
service asks the server to cancel it, answers 503, and closes that connection; a server that
does not even answer the cancel is given up on CANCEL_GRACE_S later. A transaction (PUT,
DELETE, undo, import) keeps the SET in its first round trip, so the server ends it by itself.
"""

from __future__ import annotations

import asyncio
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import psycopg2
import pytest
from fastapi.testclient import TestClient

import database
from api import create_app
from config import Settings
from database import Cursor, Database
from errors import DATABASE_UNAVAILABLE, DatabaseUnavailable
from tests.pg_cluster import FAST_SETTINGS, PgServer, scratch_folder


def service_backends(dsn: str, condition: str) -> list[tuple[int, str]]:
    with psycopg2.connect(dsn) as conn, conn.cursor() as cur:
        cur.execute(
            "SELECT pid, coalesce(wait_event_type, '') FROM pg_stat_activity WHERE application_name = 'personalmem' "
            f"AND datname = current_database() AND {condition}"
        )
        rows = cur.fetchall()
    conn.close()
    return rows


def wait_until(check: Callable[[], bool], timeout_s: float = 10) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.05)
    return False


def cancelled_behind_a_lock(database_url: str, lock: str, params: tuple[str, ...], send: Callable[[], Any]) -> Any:
    """Send a request while another connection holds `lock`; assert it is answered 503 at the
    1 s limit (well before CANCEL_GRACE_S) and that no backend of the service stays queued
    behind the lock, which is still held: cancelled on the server, not just abandoned."""
    locker = psycopg2.connect(database_url)
    try:
        with locker.cursor() as cur:
            cur.execute(lock, params)
        answers: list[Any] = []
        sender = threading.Thread(target=lambda: answers.append(send()))
        started = time.monotonic()
        sender.start()
        assert wait_until(lambda: bool(service_backends(database_url, "wait_event_type = 'Lock'")))
        sender.join(15)
        took = time.monotonic() - started
        assert answers and answers[0].status_code == 503
        assert answers[0].json() == {"detail": DATABASE_UNAVAILABLE}
        assert 0.9 <= took < 1 + database.CANCEL_GRACE_S, took
        assert wait_until(lambda: not service_backends(database_url, "wait_event_type = 'Lock'"), 5)
    finally:
        locker.rollback()
        locker.close()
    return answers[0]


@pytest.fixture
def short_client(make_settings: Callable[..., Settings]) -> Iterator[TestClient]:
    with TestClient(create_app(make_settings(DB_STATEMENT_TIMEOUT_S="1"))) as client:
        yield client


def test_a_read_stuck_past_the_limit_is_cancelled_on_the_server_and_is_a_503(
    short_client: TestClient, database_url: str, user_id: str
) -> None:
    assert short_client.put(f"/users/{user_id}/memories/city", json={"value": "Tromso"}).status_code == 200
    # Nothing can read the table while this is held: the read waits on the lock.
    cancelled_behind_a_lock(
        database_url,
        "LOCK TABLE user_memories IN ACCESS EXCLUSIVE MODE",
        (),
        lambda: short_client.get(f"/users/{user_id}/memories"),
    )
    # The connection that was cancelled was closed, not pooled: the next reads are answered.
    for _ in range(3):
        response = short_client.get(f"/users/{user_id}/profile")
        assert response.status_code == 200 and response.json() == {"city": "Tromso"}


def test_a_transaction_stuck_on_a_row_lock_is_ended_by_the_server_at_the_limit(
    short_client: TestClient, database_url: str, user_id: str
) -> None:
    assert short_client.put(f"/users/{user_id}/memories/city", json={"value": "Bergen"}).status_code == 200
    blocker = psycopg2.connect(database_url)
    try:
        with blocker.cursor() as cur:
            cur.execute("SELECT 1 FROM user_memories WHERE user_id = %s FOR UPDATE", (user_id,))
        started = time.monotonic()
        # Nobody cancels this one (PUT is a transaction): the SET LOCAL it carries makes the
        # server end it.
        response = short_client.put(f"/users/{user_id}/memories/city", json={"value": "Narvik"})
        took = time.monotonic() - started
        assert response.status_code == 503 and response.json() == {"detail": DATABASE_UNAVAILABLE}
        assert 0.9 <= took < 5, took
    finally:
        blocker.rollback()
        blocker.close()
    assert short_client.get(f"/users/{user_id}/profile").json() == {"city": "Bergen"}


async def _select_one(cur: Cursor) -> Any:
    await cur.execute("SELECT 1")
    return cur.fetchone()[0]


def test_a_server_that_does_not_answer_the_cancel_is_given_up_on() -> None:
    """A throwaway server whose backend is frozen (SIGSTOP): neither the read nor the cancel
    request is answered, so the wait ends CANCEL_GRACE_S after the limit, as a 503."""
    with scratch_folder("personalmem-deadline-") as folder:
        server = PgServer.primary(folder / "pg", **FAST_SETTINGS)
        try:
            dsn = server.dsn()

            async def scenario() -> tuple[float, type[BaseException] | None, Any]:
                db = Database(dsn, size=1, statement_timeout_s=0.5)
                assert await db.read(_select_one, primary=True) == 1
                (pid,) = server.query("SELECT pid FROM pg_stat_activity WHERE application_name = 'personalmem'")[0]
                os.kill(pid, signal.SIGSTOP)
                started = time.monotonic()
                raised: type[BaseException] | None = None
                try:
                    await db.read(_select_one, primary=True)
                except DatabaseUnavailable as exc:
                    raised = type(exc)
                finally:
                    os.kill(pid, signal.SIGCONT)
                took = time.monotonic() - started
                # The frozen connection was dropped; a new one answers.
                again = await db.read(_select_one, primary=True)
                db.close()
                return took, raised, again

            took, raised, again = asyncio.run(scenario())
            assert raised is DatabaseUnavailable
            assert 0.5 + database.CANCEL_GRACE_S - 0.1 <= took < 0.5 + database.CANCEL_GRACE_S + 2, took
            assert again == 1
        finally:
            server.destroy()


def test_a_read_that_finishes_in_time_keeps_its_connection(database_url: str) -> None:
    async def scenario() -> tuple[int, int]:
        db = Database(database_url, size=1, statement_timeout_s=5)
        await db.read(_select_one, primary=True)
        first = await db.read(lambda cur: _backend_pid(cur), primary=True)
        second = await db.read(lambda cur: _backend_pid(cur), primary=True)
        db.close()
        return first, second

    first, second = asyncio.run(scenario())
    assert first == second


async def _backend_pid(cur: Cursor) -> int:
    await cur.execute("SELECT pg_backend_pid()")
    return int(cur.fetchone()[0])


def test_a_message_write_stuck_on_a_row_lock_is_cancelled_at_the_limit_and_writes_nothing(
    short_client: TestClient, database_url: str, user_id: str
) -> None:
    """A message's write is one statement outside a transaction: its limit is the service's."""
    assert short_client.post("/messages", json={"user_id": user_id, "message": "I live in Bergen."}).status_code == 200
    cancelled_behind_a_lock(
        database_url,
        "SELECT 1 FROM user_memories WHERE user_id = %s FOR UPDATE",
        (user_id,),
        lambda: short_client.post("/messages", json={"user_id": user_id, "message": "I moved to Narvik."}),
    )
    assert short_client.get(f"/users/{user_id}/profile").json() == {"location": "Bergen"}
