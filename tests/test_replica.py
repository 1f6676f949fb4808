"""Read replicas: a real primary and a real hot standby (pg_basebackup -R), on free ports.

Which server answered a read is proved by what only that server holds: with replay paused
on the standby, a write on the primary is missing from what the standby serves.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from api import create_app
from config import Settings, load_settings
from tests.pg_cluster import FAST_SETTINGS, PgServer, scratch_folder


@pytest.fixture
def cluster() -> Iterator[tuple[PgServer, PgServer]]:
    with scratch_folder("personalmem-replica-") as folder:
        primary = PgServer.primary(folder / "primary", **FAST_SETTINGS)
        standby = None
        try:
            standby = primary.standby(folder / "standby")
            yield primary, standby
        finally:
            if standby is not None:
                standby.destroy()
            primary.destroy()


def _settings(primary: PgServer, standby: PgServer) -> Settings:
    return load_settings(
        {
            "DATABASE_URL": primary.dsn("personalmem"),
            "DATABASE_READ_URL": standby.dsn("personalmem"),
            "LLM_PROVIDER": "rules",
            "DB_CONNECT_TIMEOUT_S": "2",
            "DB_POOL_TIMEOUT_S": "2",
        }
    )


def _stored(server: PgServer, user_id: str) -> object:
    rows = server.query("SELECT memories FROM user_memories WHERE user_id = %s", (user_id,), database="personalmem")
    return rows[0][0] if rows else None


def _service_sessions(server: PgServer) -> int:
    return server.query(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = 'personalmem' AND application_name = 'personalmem'"
    )[0][0]


def test_reads_come_from_the_standby_and_writes_go_to_the_primary(
    cluster: tuple[PgServer, PgServer], user_id: str
) -> None:
    primary, standby = cluster
    with TestClient(create_app(_settings(primary, standby))) as client:
        assert client.post("/messages", json={"user_id": user_id, "message": "My name is Ada."}).status_code == 200
        standby.wait_replayed(primary)
        assert client.get(f"/users/{user_id}/profile").json() == {"name": "Ada"}
        assert _service_sessions(standby) >= 1

        standby.query("SELECT pg_wal_replay_pause()")
        put = client.put(f"/users/{user_id}/memories/location", json={"value": "Oslo"})
        assert put.status_code == 200 and put.json()["memory"] == "location: Oslo"
        assert _stored(primary, user_id) == {"name": "Ada", "location": "Oslo"}
        assert _stored(standby, user_id) == {"name": "Ada"}

        # Every read endpoint answers from the paused standby: the write is not there yet.
        assert client.get(f"/users/{user_id}/profile").json() == {"name": "Ada"}
        assert [m["memory"] for m in client.get(f"/users/{user_id}/memories").json()] == ["name: Ada"]
        assert client.get(f"/users/{user_id}/memories/search", params={"query": "oslo"}).json() == []
        context = client.get(f"/users/{user_id}/context").json()
        assert [m["memory"] for m in context["user_memories"]] == ["name: Ada"]

        # A message reads the primary: its extractor and its reply see the caller's own write.
        reply = client.post("/messages", json={"user_id": user_id, "message": "I love tea."})
        assert reply.status_code == 200
        assert reply.json()["memory_context"] == (
            "User Personal Information:\n- name: Ada\n- location: Oslo\n- likes: tea"
        )

        standby.query("SELECT pg_wal_replay_resume()")
        standby.wait_replayed(primary)
        assert client.get(f"/users/{user_id}/profile").json() == {"name": "Ada", "location": "Oslo", "likes": ["tea"]}


def test_standby_down_sends_reads_to_the_primary_then_back(cluster: tuple[PgServer, PgServer], user_id: str) -> None:
    primary, standby = cluster
    with TestClient(create_app(_settings(primary, standby))) as client:
        assert client.post("/messages", json={"user_id": user_id, "message": "My name is Ada."}).status_code == 200
        standby.wait_replayed(primary)
        assert client.get(f"/users/{user_id}/profile").json() == {"name": "Ada"}

        standby.stop()
        assert client.put(f"/users/{user_id}/memories/location", json={"value": "Oslo"}).status_code == 200
        # No 503 for reads while the primary is up: each endpoint answers 200 with the primary's data.
        for _ in range(3):
            profile = client.get(f"/users/{user_id}/profile")
            assert profile.status_code == 200 and profile.json() == {"name": "Ada", "location": "Oslo"}
            memories = client.get(f"/users/{user_id}/memories")
            assert [m["memory"] for m in memories.json()] == ["name: Ada", "location: Oslo"]
            search = client.get(f"/users/{user_id}/memories/search", params={"query": "oslo"})
            assert search.status_code == 200 and [m["memory"] for m in search.json()] == ["location: Oslo"]
            context = client.get(f"/users/{user_id}/context")
            assert context.status_code == 200 and len(context.json()["user_memories"]) == 2

        # The standby comes back: reads return to it by themselves, seen again through a
        # write it has not replayed.
        standby.start()
        standby.wait_replayed(primary)
        standby.query("SELECT pg_wal_replay_pause()")
        assert client.put(f"/users/{user_id}/memories/location", json={"value": "Bergen"}).status_code == 200
        seen = []
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            profile = client.get(f"/users/{user_id}/profile")
            assert profile.status_code == 200
            seen.append(profile.json()["location"])
            if seen[-1] == "Oslo":
                break
            time.sleep(0.2)
        assert seen[-1] == "Oslo", seen
        assert set(seen) <= {"Oslo", "Bergen"}
        assert _service_sessions(standby) >= 1
        standby.query("SELECT pg_wal_replay_resume()")


def test_primary_down_reads_still_served_by_the_standby(cluster: tuple[PgServer, PgServer], user_id: str) -> None:
    primary, standby = cluster
    with TestClient(create_app(_settings(primary, standby))) as client:
        assert client.post("/messages", json={"user_id": user_id, "message": "My name is Ada."}).status_code == 200
        standby.wait_replayed(primary)
        primary.stop()
        assert client.get(f"/users/{user_id}/profile").json() == {"name": "Ada"}
        write = client.put(f"/users/{user_id}/memories/location", json={"value": "Oslo"})
        assert write.status_code == 503
        assert _stored(standby, user_id) == {"name": "Ada"}
        primary.start()
