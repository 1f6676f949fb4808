"""Both ways to get a database: the embedded server, and an external one named by settings."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import psycopg2
from fastapi.testclient import TestClient

from api import create_app
from config import Settings, load_settings
from database import describe_dsn


def test_embedded_server_when_nothing_is_configured(tmp_path: Path, user_id: str) -> None:
    settings = load_settings({"PERSONALMEM_DATA_DIR": str(tmp_path), "LLM_PROVIDER": "rules"})
    assert settings.uses_embedded_database
    with TestClient(create_app(settings)) as client:
        health = client.get("/health").json()
        assert health["database_mode"] == "embedded" and health["database"] == "ok"
        assert client.post("/messages", json={"user_id": user_id, "message": "My name is Ada."}).status_code == 200
    assert (tmp_path / "postgres" / "PG_VERSION").read_text().strip() == "18"
    # The data outlives the process's server handle: a new app on the same folder sees it.
    with TestClient(create_app(settings)) as client:
        assert client.get(f"/users/{user_id}/profile").json() == {"name": "Ada"}
        server_dsn = client.app.state.service._db._dsn  # type: ignore[attr-defined]
        conn = psycopg2.connect(server_dsn)
        with conn.cursor() as cur:
            cur.execute("SELECT memories FROM user_memories WHERE user_id = %s", (user_id,))
            assert cur.fetchone() == ({"name": "Ada"},)
            cur.execute("SELECT indexname FROM pg_indexes WHERE tablename = 'user_memories'")
            # The schema was applied: the key, and no index inside profiles (init_db.sql says why).
            assert {row[0] for row in cur.fetchall()} == {"user_memories_pkey"}
        conn.close()


def test_external_server_and_missing_database_is_created(
    make_settings: Callable[..., Settings], database_url: str, user_id: str
) -> None:
    parts = psycopg2.extensions.parse_dsn(database_url)
    new_db = parts["dbname"] + "_created"
    dsn = psycopg2.extensions.make_dsn(database_url, dbname=new_db)
    settings = make_settings(DATABASE_URL=dsn)
    try:
        with TestClient(create_app(settings)) as client:
            assert client.get("/health").json()["database_mode"] == "external"
            assert client.post("/messages", json={"user_id": user_id, "message": "I live in Oslo."}).status_code == 200
            assert client.get(f"/users/{user_id}/profile").json() == {"location": "Oslo"}
    finally:
        admin = psycopg2.connect(psycopg2.extensions.make_dsn(database_url, dbname="postgres"))
        admin.autocommit = True
        with admin.cursor() as cur:
            cur.execute(f'DROP DATABASE IF EXISTS "{new_db}" WITH (FORCE)')
        admin.close()


def test_postgres_host_settings_build_a_dsn_without_leaking_the_password() -> None:
    settings = load_settings({"POSTGRES_HOST": "db.example", "POSTGRES_PASSWORD": "s3cret p@ss", "POSTGRES_DB": "pm"})
    assert not settings.uses_embedded_database
    dsn = settings.external_dsn()
    assert dsn == "postgresql://postgres:s3cret%20p%40ss@db.example:5432/pm"
    assert describe_dsn(dsn) == "db.example:5432/pm as postgres"
    assert "s3cret" not in repr(settings)


def test_a_starting_worker_does_not_wait_on_transactions_in_progress(
    make_settings: Callable[..., Settings], database_url: str, client: TestClient, user_id: str
) -> None:
    """Every worker applies init_db.sql at start-up. On an up-to-date database that must take no
    table lock: ALTER TABLE … IF NOT EXISTS and CREATE INDEX IF NOT EXISTS queued behind any
    writer's open transaction, and every read and write then queued behind them."""
    assert client.put(f"/users/{user_id}/memories/name", json={"value": "Ines"}).status_code == 200
    writer = psycopg2.connect(database_url)  # a transaction that stays open on every table
    try:
        with writer.cursor() as cur:
            for table in ("user_memories", "memory_events", "memory_rules"):
                cur.execute(f"LOCK TABLE {table} IN ROW EXCLUSIVE MODE")
        with TestClient(create_app(make_settings())) as starting:
            assert starting.get("/health").json()["database"] == "ok"
            assert starting.get(f"/users/{user_id}/profile").json() == {"name": "Ines"}
    finally:
        writer.rollback()
        writer.close()
