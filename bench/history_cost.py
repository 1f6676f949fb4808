"""What per-field history costs writes: POST /messages on the rules path, with history on and off.

    POSTGRES_HOST=127.0.0.1 POSTGRES_USER=postgres .venv/bin/python bench/history_cost.py

Every message moves its user to a new city, so every write changes the profile and (with
history on) inserts one history row and runs the retention prune. The two settings run
alternately (on, off, on, off, …) against a fresh database of their own, so drift on a
shared machine touches both alike; the best run of each is compared. Prints writes/s per
run, then `ratio history_on/history_off = X (target >= 0.85)`.

Knobs: HISTORY_BENCH_DURATION (10 s per run), HISTORY_BENCH_ROUNDS (2), HISTORY_BENCH_CONNECTIONS (16),
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
from pathlib import Path
from statistics import median

import psycopg2
from psycopg2 import sql
from psycopg2.extensions import make_dsn

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.live_server import LiveServer  # noqa: E402

DURATION = int(os.environ.get("HISTORY_BENCH_DURATION", "10"))
ROUNDS = int(os.environ.get("HISTORY_BENCH_ROUNDS", "2"))
CONNECTIONS = int(os.environ.get("HISTORY_BENCH_CONNECTIONS", "16"))
WORKERS = int(os.environ.get("HISTORY_BENCH_WORKERS", "1"))
USERS = int(os.environ.get("HISTORY_BENCH_USERS", "1000"))

# Each request: a random user moves to a random city (an UPDATE of location, one history row).
WRK_SCRIPT = """
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
request = function()
  local body = '{"user_id": "hist_' .. math.random(1, %d) .. '", "message": "I moved to Town' ..
    math.random(1, 1000000) .. '."}'
  return wrk.format("POST", "/messages", {["Content-Type"] = "application/json"}, body)
end
done = function(summary, latency, requests)
  io.write(string.format("JSON {\\"requests\\": %%d, \\"non2xx\\": %%d, \\"errors\\": %%d}\\n",
    summary.requests, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
"""


def admin_dsn() -> str:
    if os.environ.get("DATABASE_URL"):
        return make_dsn(os.environ["DATABASE_URL"], dbname="postgres")
    return make_dsn(
        host=os.environ.get("POSTGRES_HOST", "127.0.0.1"),
        port=os.environ.get("POSTGRES_PORT", "5432"),
        user=os.environ.get("POSTGRES_USER", "postgres"),
        password=os.environ.get("POSTGRES_PASSWORD", ""),
        dbname="postgres",
    )


def run_wrk(url: str, script: Path, seconds: int) -> tuple[float, int]:
    out = subprocess.run(
        ["wrk", "-t", "2", "-c", str(CONNECTIONS), "-d", f"{seconds}s", "-s", str(script), url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    stats = json.loads(out.split("JSON ", 1)[1].splitlines()[0])
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    return rate, stats["non2xx"] + stats["errors"]


def measure(dsn: str, history: bool, script: Path, data_dir: Path) -> tuple[float, int]:
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
    try:
        server.wait_ready(60, database=True)
        run_wrk(server.url, script, 3)  # warm the pool, the workers and PostgreSQL's cache
        return run_wrk(server.url, script, DURATION)
    finally:
        server.stop()


def main() -> None:
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is needed (apt-get install wrk)")
    admin = admin_dsn()
    name = f"personalmem_history_cost_{uuid.uuid4().hex[:8]}"
    conn = psycopg2.connect(admin)
    conn.autocommit = True
    conn.cursor().execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    dsn = make_dsn(admin, dbname=name)
    figures: dict[bool, list[float]] = {True: [], False: []}
    try:
        with tempfile.TemporaryDirectory() as folder:
            script = Path(folder) / "history.lua"
            script.write_text(WRK_SCRIPT % USERS)
            for round_number in range(1, ROUNDS + 1):
                for history in (True, False):
                    rate, errors = measure(dsn, history, script, Path(folder))
                    figures[history].append(rate)
                    label = "history on " if history else "history off"
                    print(f"round {round_number} {label}: {rate:8.1f} writes/s  ({errors} errors)", flush=True)
        check = psycopg2.connect(dsn)
        with check.cursor() as cur:
            cur.execute("SELECT count(*) FROM memory_events")
            rows = cur.fetchone()[0]
        check.close()
    finally:
        conn.cursor().execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        conn.close()
    on, off = max(figures[True]), max(figures[False])
    print(f"history rows written: {rows}")
    print(f"median writes/s: history on {median(figures[True]):.1f}, history off {median(figures[False]):.1f}")
    print(f"best writes/s: history on {on:.1f}, history off {off:.1f}")
    print(f"ratio history_on/history_off = {on / off:.3f} (target >= 0.85)")


if __name__ == "__main__":
    main()
