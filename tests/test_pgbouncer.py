"""The service behind a real PgBouncer (Debian's package) in transaction mode.

PgBouncer sits between two uvicorn workers and the session's test database on the
machine's server, with fewer server connections than the workers hold client
connections, so statements of different requests share server connections.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor

import httpx
import psycopg2
import pytest
from fastapi.testclient import TestClient
from psycopg2.extensions import make_dsn, parse_dsn

from api import create_app
from config import Settings
from database import CANCEL_GRACE_S
from tests.live_server import LiveServer
from tests.pg_cluster import PgBouncer, scratch_folder

SERVER_CONNECTIONS = 2
LIKES = ["chess", "sailing", "pottery", "jazz", "origami"]


@pytest.fixture
def pgbouncer(database_url: str) -> Iterator[PgBouncer]:
    # The configured server on 127.0.0.1, or the embedded one through its Unix socket.
    parts = parse_dsn(database_url)
    with scratch_folder("personalmem-pgbouncer-") as folder:
        bouncer = PgBouncer(
            folder / "pgbouncer",
            server_host=parts.get("host") or "127.0.0.1",
            server_port=int(parts.get("port", 5432)),
            database=parts["dbname"],
            pool_size=SERVER_CONNECTIONS,
        )
        yield bouncer
        bouncer.stop()


def _sorted_likes(profile: dict[str, list[str]]) -> dict[str, list[str]]:
    return {field: sorted(value) for field, value in profile.items()}


def _pool(bouncer: PgBouncer, command: str) -> list[dict[str, object]]:
    return [row for row in bouncer.admin(command) if row["database"] == bouncer.database]


def test_pgbouncer_refuses_session_options_the_service_no_longer_sends(pgbouncer: PgBouncer) -> None:
    with pytest.raises(psycopg2.OperationalError, match="unsupported startup parameter: options"):
        psycopg2.connect(make_dsn(pgbouncer.dsn(), options="-c statement_timeout=15000"))


def test_service_works_through_pgbouncer_in_transaction_mode(
    pgbouncer: PgBouncer, live_server: Callable[..., LiveServer], database_url: str
) -> None:
    server = live_server(workers=2, DATABASE_URL=pgbouncer.dsn(), DB_POOL_SIZE=4)
    server.wait_ready(database=True)
    users = [f"bouncer_user_{n}" for n in range(6)]

    def send(job: tuple[str, str]) -> int:
        user, like = job
        reply = httpx.post(server.url + "/messages", json={"user_id": user, "message": f"I love {like}."}, timeout=30)
        return reply.status_code

    # Concurrent messages for the same users: row locks and transactions hold through PgBouncer.
    jobs = [(user, like) for like in LIKES for user in users]
    with ThreadPoolExecutor(max_workers=12) as pool:
        assert list(pool.map(send, jobs)) == [200] * len(jobs)

    with httpx.Client(base_url=server.url, timeout=30) as client:
        # Concurrent messages land in any order; none may be lost.
        for user in users:
            assert _sorted_likes(client.get(f"/users/{user}/profile").json()) == {"likes": sorted(LIKES)}
        user = users[0]
        assert client.put(f"/users/{user}/memories/likes", json={"value": LIKES}).status_code == 200
        assert client.post("/messages", json={"user_id": user, "message": "My name is Ines."}).status_code == 200
        assert [m["memory"] for m in client.get(f"/users/{user}/memories").json()] == [
            "name: Ines",
            "likes: chess, sailing, pottery, jazz, origami",
        ]
        found = client.get(f"/users/{user}/memories/search", params={"query": "jazz"}).json()
        assert [m["id"] for m in found] == [f"{user}_likes"]
        assert client.get(f"/users/{user}/context").json()["user_id"] == user

        put = client.put(f"/users/{user}/memories/location", json={"value": "Quito"})
        assert put.status_code == 200 and put.json()["memory"] == "location: Quito"
        assert client.delete(f"/users/{user}/memories/name").status_code == 200
        assert client.delete(f"/memories/{user}_location").json() == {"message": f"Memory {user}_location deleted"}
        assert client.get(f"/users/{user}/profile").json() == {"likes": LIKES}
        assert client.delete(f"/users/{users[1]}/memories").status_code == 200
        assert client.get(f"/users/{users[1]}/profile").json() == {}
        assert client.delete(f"/users/{user}/memories/name").status_code == 404

    # The rows, read directly: nothing lost, nothing half-written.
    conn = psycopg2.connect(database_url)
    with conn.cursor() as cur:
        cur.execute("SELECT user_id, memories FROM user_memories WHERE user_id LIKE 'bouncer_user_%%'")
        stored = dict(cur.fetchall())
    conn.close()
    assert {u: _sorted_likes(m) for u, m in stored.items()} == {
        u: {"likes": sorted(LIKES)} for u in users if u != users[1]
    }

    # It all went through PgBouncer, many clients over at most SERVER_CONNECTIONS server connections.
    stats = _pool(pgbouncer, "SHOW STATS")
    assert stats and stats[0]["total_xact_count"] >= len(jobs)
    assert len(_pool(pgbouncer, "SHOW SERVERS")) <= SERVER_CONNECTIONS
    assert len(_pool(pgbouncer, "SHOW CLIENTS")) > SERVER_CONNECTIONS


def test_a_stuck_read_is_cancelled_through_pgbouncer(
    pgbouncer: PgBouncer, make_settings: Callable[..., Settings], database_url: str
) -> None:
    """A read's limit is kept by the service; its cancel request reaches the server through
    PgBouncer (which maps it to the server connection running the read), so nothing is left
    queued behind the lock."""
    waiting = (
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
        "AND wait_event_type = 'Lock' AND pid <> pg_backend_pid() AND query LIKE '%user_memories%'"
    )

    def stuck_reads() -> int:
        with psycopg2.connect(database_url) as conn, conn.cursor() as cur:
            cur.execute(waiting)
            count = int(cur.fetchone()[0])
        conn.close()
        return count

    with TestClient(create_app(make_settings(DATABASE_URL=pgbouncer.dsn(), DB_STATEMENT_TIMEOUT_S="1"))) as client:
        assert client.put("/users/bouncer_stuck/memories/name", json={"value": "Ola"}).status_code == 200
        locker = psycopg2.connect(database_url)
        try:
            with locker.cursor() as cur:
                cur.execute("LOCK TABLE user_memories IN ACCESS EXCLUSIVE MODE")
            started = time.monotonic()
            response = client.get("/users/bouncer_stuck/profile")
            took = time.monotonic() - started
            assert response.status_code == 503
            assert 0.9 <= took < 1 + CANCEL_GRACE_S, took
            deadline = time.monotonic() + 5
            while stuck_reads() and time.monotonic() < deadline:
                time.sleep(0.05)
            assert stuck_reads() == 0
        finally:
            locker.rollback()
            locker.close()
        assert client.get("/users/bouncer_stuck/profile").json() == {"name": "Ola"}
