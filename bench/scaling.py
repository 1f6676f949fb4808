"""Past one machine, measured here: a read replica, PgBouncer, and how the service grows with users.

    .venv/bin/python bench/scaling.py           # a few seconds a line
    .venv/bin/python bench/scaling.py --long    # also seeds up to 1,000,000 users (the capacity table)

Prints a table of req/s and p50/p99, then
    ratio reads_replica_over_direct     reads with DATABASE_READ_URL on a hot standby ÷ without
    ratio reads_pgbouncer_over_direct   reads through PgBouncer (transaction mode) ÷ straight to PostgreSQL
    ratio writes_pgbouncer_over_direct  the same for POST /messages that all write
and with --long a capacity table: users, size on disk, profile size, reads/s and writes/s per core
at 1,000, 10,000, 100,000 and 1,000,000 users.

Everything runs on servers of its own, in a temp folder: a primary and its hot standby built
from the embedded package's PostgreSQL 18 (tests/pg_cluster.py: replication on, durability
settings at PostgreSQL's defaults, shared_buffers as the embedded server's), and Debian's
pgbouncer. The service runs as `uvicorn` with SCALING_WORKERS workers and the rule-based
extractor; the load generator is wrk when installed, else a Python client.

On one machine the standby shares the cores with the primary, the workers and the load
generator: the replica ratio shows what routing reads costs, not the capacity a standby on
its own host adds. The three set-ups run side by side and take turns, line after line, for
SCALING_ROUNDS rounds, every other round in reverse order; each line reports its median, and
each ratio is the geometric mean of its round-by-round values (shown too), which cancels the
edge of running first or second in a round, and lets a busy machine's drift show.

Knobs: SCALING_DURATION (5 s a line), SCALING_WARMUP (1 s), SCALING_ROUNDS (4), SCALING_CONNECTIONS
(32), SCALING_WORKERS (2), SCALING_USERS (10000), SCALING_LOADGEN (auto | wrk | python).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from multiprocessing import Process, Queue
from pathlib import Path

import httpx
import psycopg2

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from database import apply_schema  # noqa: E402
from tests.live_server import LiveServer  # noqa: E402
from tests.pg_cluster import PgBouncer, PgServer, pgbouncer_available  # noqa: E402

DURATION = int(os.environ.get("SCALING_DURATION", "5"))
WARMUP = int(os.environ.get("SCALING_WARMUP", "1"))
CONNECTIONS = int(os.environ.get("SCALING_CONNECTIONS", "32"))
WORKERS = int(os.environ.get("SCALING_WORKERS", "2"))
USERS = int(os.environ.get("SCALING_USERS", "10000"))
ROUNDS = int(os.environ.get("SCALING_ROUNDS", "4"))
LOADGEN = os.environ.get("SCALING_LOADGEN", "auto")
POOL_SIZE = 4  # the service's default DB_POOL_SIZE
LONG_SIZES = (1_000, 10_000, 100_000, 1_000_000)
DATABASE = "personalmem"

# Every message states a new location (one of many), so nearly every one writes.
CITIES = [
    "Lisbon", "Nairobi", "Austin", "Berlin", "Osaka", "Lima", "Toronto", "Pune", "Quito", "Hanoi",
    "Dakar", "Perth", "Bergen", "Tbilisi", "Cusco", "Leeds", "Accra", "Recife", "Daegu", "Split",
]  # fmt: skip

# Profiles of 8-12 fields, like the ones the extractor builds.
SEED_SQL = """
INSERT INTO user_memories (user_id, memories, field_times)
SELECT 'user_' || g, m,
       (SELECT jsonb_object_agg(k, jsonb_build_object('created_at', now(), 'updated_at', now()))
          FROM jsonb_object_keys(m) AS k)
FROM (
  SELECT g, jsonb_strip_nulls(jsonb_build_object(
    'name', (ARRAY['Alice','Bob','Carla','Dmitri','Esra','Femi','Grace','Hiro','Ines','Jon'])[1 + g %% 10],
    'role', (ARRAY['nurse','software engineer','teacher','chef','data analyst','electrician'])[1 + g %% 6],
    'location', (ARRAY['Lisbon','Nairobi','Austin','Berlin','Osaka','Lima','Toronto','Pune'])[1 + g %% 8],
    'age', 18 + g %% 60,
    'employer', (ARRAY['Acme','City Hospital','Globex','Initech'])[1 + g %% 4],
    'likes', jsonb_build_array((ARRAY['hiking','jazz','pizza','chess','gardening'])[1 + g %% 5],
                               (ARRAY['tea','cycling','sci-fi','baking'])[1 + g %% 4]),
    'skills', jsonb_build_array((ARRAY['Python','public speaking','carpentry','SQL'])[1 + g %% 4]),
    'languages', jsonb_build_array('English', (ARRAY['Spanish','Hindi','French','German'])[1 + g %% 4]),
    'interests', CASE WHEN g %% 2 = 0 THEN jsonb_build_array('astronomy', 'history') END,
    'goals', CASE WHEN g %% 3 = 0 THEN jsonb_build_array('run a marathon') END,
    'pets', CASE WHEN g %% 4 = 0 THEN jsonb_build_array('a cat named Miso') END
  )) AS m
  FROM generate_series(%(first)s, %(last)s) AS g
) AS profiles
ON CONFLICT (user_id) DO NOTHING
"""


@dataclass
class Figure:
    name: str
    rps: float
    p50_ms: float
    p99_ms: float
    errors: int
    note: str = ""


# -- the database ------------------------------------------------------------------------


def seed(primary: PgServer, first: int, last: int) -> float:
    """Users first..last (added to those already there), then VACUUM ANALYZE and CHECKPOINT."""
    started = time.perf_counter()
    conn = psycopg2.connect(primary.dsn(DATABASE))
    with conn, conn.cursor() as cur:
        apply_schema(cur)
        for low in range(first, last + 1, 100_000):  # in slices: one huge INSERT holds a lot of memory
            cur.execute(SEED_SQL, {"first": low, "last": min(last, low + 99_999)})
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute("VACUUM ANALYZE user_memories")
        cur.execute("CHECKPOINT")  # no checkpoint of the seed may land inside a measurement
    conn.close()
    return time.perf_counter() - started


def sizes(primary: PgServer) -> tuple[int, float]:
    """(bytes on disk of the table and its indexes, mean stored profile in bytes)."""
    rows = primary.query(
        "SELECT pg_total_relation_size('user_memories'), "
        "(SELECT avg(pg_column_size(memories) + pg_column_size(field_times)) FROM user_memories)",
        database=DATABASE,
    )
    return int(rows[0][0]), float(rows[0][1])


# -- load --------------------------------------------------------------------------------

WRK_SCRIPT = """
math.randomseed(os.time() + tonumber(tostring({{}}):sub(8), 16))
local users = {users}
local kind = "{kind}"
local cities = {cities}
request = function()
  local id = math.random(1, users)
  if kind == "read" then
    return wrk.format("GET", "/users/user_" .. id .. "/memories")
  end
  local body = '{{"user_id": "user_' .. id .. '", "message": "I live in ' .. cities[math.random(1, #cities)] .. '."}}'
  return wrk.format("POST", "/messages", {{["Content-Type"] = "application/json"}}, body)
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("JSON {{\\"p50\\": %f, \\"p99\\": %f, \\"non2xx\\": %d, \\"errors\\": %d}}\\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, e.status, e.connect + e.read + e.write + e.timeout))
end
"""


def use_wrk() -> bool:
    if LOADGEN == "wrk" and not shutil.which("wrk"):
        raise SystemExit("SCALING_LOADGEN=wrk but wrk is not installed (apt-get install wrk)")
    return LOADGEN != "python" and shutil.which("wrk") is not None


def load(url: str, kind: str, users: int, name: str, seconds: int) -> Figure:
    if use_wrk():
        script = WRK_SCRIPT.format(users=users, kind=kind, cities="{" + ", ".join(f'"{c}"' for c in CITIES) + "}")
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
            handle.write(script)
        out = subprocess.run(
            # A 10 s timeout (wrk's default is 2 s): a slow answer is a latency, not an error.
            ["wrk", "-t", "2", "-c", str(CONNECTIONS), "-d", f"{seconds}s", "--timeout", "10s", "-s", handle.name, url],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        os.unlink(handle.name)
        stats = json.loads(out.split("JSON ", 1)[1].splitlines()[0])
        rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
        errors = stats["non2xx"] + stats["errors"]
        note = f"wrk ({stats['non2xx']} non-2xx, {stats['errors']} socket errors)" if errors else "wrk"
        return Figure(name, rps, stats["p50"], stats["p99"], errors, note)
    queue: Queue = Queue()
    procs = [Process(target=_python_load, args=(url, kind, users, seconds, queue)) for _ in range(2)]
    for proc in procs:
        proc.start()
    results = [queue.get() for _ in procs]
    for proc in procs:
        proc.join()
    latencies = sorted(x for lat, _ in results for x in lat)
    return Figure(
        name, len(latencies) / seconds, _pct(latencies, 50), _pct(latencies, 99), sum(e for _, e in results), "python"
    )


def _python_load(url: str, kind: str, users: int, seconds: int, out: Queue) -> None:
    import random

    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def run() -> None:
        nonlocal errors
        with httpx.Client(base_url=url, timeout=30) as client:
            while time.monotonic() < stop_at:
                uid = f"user_{random.randint(1, users)}"
                started = time.perf_counter()
                if kind == "read":
                    response = client.get(f"/users/{uid}/memories")
                else:
                    message = f"I live in {random.choice(CITIES)}."
                    response = client.post("/messages", json={"user_id": uid, "message": message})
                with lock:
                    latencies.append((time.perf_counter() - started) * 1000)
                    errors += response.status_code >= 400

    threads = [threading.Thread(target=run) for _ in range(CONNECTIONS // 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    out.put((latencies, errors))


def _pct(values: list[float], pct: float) -> float:
    return values[min(len(values) - 1, round(pct / 100 * (len(values) - 1)))] if values else float("nan")


class Service(LiveServer):
    def __init__(self, folder: Path, **env: str) -> None:
        base = {"LLM_PROVIDER": "rules", "LOG_LEVEL": "WARNING", "PERSONALMEM_API_KEYS": ""}
        super().__init__({**base, "PERSONALMEM_DATA_DIR": str(folder), **env}, workers=WORKERS, log_dir=folder)
        self.wait_ready(90, database=True)

    def measure(self, kind: str, users: int, name: str) -> Figure:
        load(self.url, kind, users, name, WARMUP)  # warm the workers, the pools and the caches
        figure = load(self.url, kind, users, name, DURATION)
        print(f"  {figure.name}: {figure.rps:,.0f}/s", flush=True)
        return figure


# -- the run -----------------------------------------------------------------------------


def replica_and_pgbouncer(folder: Path, primary: PgServer, standby: PgServer, bouncer: PgBouncer) -> list[str]:
    """ROUNDS rounds of every line, the three set-ups side by side; each line's median is reported."""
    direct_dsn, standby_dsn = primary.dsn(DATABASE), standby.dsn(DATABASE)
    services: dict[str, Service] = {}
    runs: dict[str, list[Figure]] = {}
    try:
        services["direct"] = Service(folder, DATABASE_URL=direct_dsn)
        services["replica"] = Service(folder, DATABASE_URL=direct_dsn, DATABASE_READ_URL=standby_dsn)
        services["pgbouncer"] = Service(folder, DATABASE_URL=bouncer.dsn())
        lines = [
            ("reads_direct", "direct", "read", "reads, straight to the primary"),
            ("reads_replica", "replica", "read", "reads, DATABASE_READ_URL = hot standby"),
            ("reads_pgbouncer", "pgbouncer", "read", "reads, through PgBouncer"),
            ("writes_direct", "direct", "write", "writes (POST /messages), straight to the primary"),
            ("writes_pgbouncer", "pgbouncer", "write", "writes (POST /messages), through PgBouncer"),
        ]
        for round_number in range(1, ROUNDS + 1):
            print(f"round {round_number} of {ROUNDS}", flush=True)
            # Every other round in reverse, so that no set-up always runs first (after a checkpoint,
            # in another line's wake).
            for key, setup, kind, name in lines if round_number % 2 else lines[::-1]:
                runs.setdefault(key, []).append(services[setup].measure(kind, USERS, name))
        standby_sessions = standby.query(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'personalmem'"
        )[0][0]
    finally:
        for service in services.values():
            service.stop()

    figures = {key: _median(figures) for key, figures in runs.items()}
    report = [_table(list(figures.values())), ""]
    report.append(
        f"median of {ROUNDS} rounds a line; load average now {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    )
    report.append(f"standby sessions of the service after the replica lines: {standby_sessions}")
    report.append(
        f"PgBouncer: transaction mode, {WORKERS} workers x {POOL_SIZE} client connections over "
        f"{WORKERS * POOL_SIZE} server connections (the hop is measured, not a fan-in)"
    )
    report.append("")
    for name, over, under in (
        ("reads_replica_over_direct", "reads_replica", "reads_direct"),
        ("reads_pgbouncer_over_direct", "reads_pgbouncer", "reads_direct"),
        ("writes_pgbouncer_over_direct", "writes_pgbouncer", "writes_direct"),
    ):
        each = [a.rps / b.rps for a, b in zip(runs[over], runs[under], strict=True)]
        # The geometric mean over rounds run in alternating order cancels the advantage of
        # running second (or first) in a round.
        ratio = math.prod(each) ** (1 / len(each))
        shown = ", ".join(f"{r:.2f}" for r in each)
        report.append(f"ratio {name} = {ratio:.3f} (geometric mean; round by round: {shown})")
    return report


def _median(figures: list[Figure]) -> Figure:
    ordered = sorted(figures, key=lambda f: f.rps)
    middle = ordered[len(ordered) // 2]
    notes = "; ".join(f.note for f in figures if f.errors) or middle.note
    return Figure(middle.name, middle.rps, middle.p50_ms, middle.p99_ms, sum(f.errors for f in figures), notes)


def capacity(folder: Path, primary: PgServer) -> list[str]:
    cores = os.cpu_count() or 1
    primary.query("TRUNCATE user_memories", database=DATABASE)
    seeded = 0
    rows = []
    for users in LONG_SIZES:
        if users > seeded:
            print(f"seeding users {seeded + 1:,}..{users:,} ... ", end="", flush=True)
            print(f"{seed(primary, seeded + 1, users):.0f} s", flush=True)
            seeded = users
        on_disk, profile_bytes = sizes(primary)
        service = Service(folder, DATABASE_URL=primary.dsn(DATABASE))
        try:
            reads = service.measure("read", users, f"reads at {users:,} users")
            writes = service.measure("write", users, f"writes at {users:,} users")
        finally:
            service.stop()
        rows.append((users, on_disk, profile_bytes, reads, writes))
    lines = [
        f"capacity, {cores} cores ({WORKERS} uvicorn workers, PostgreSQL and the load generator on the same cores;"
        " 'per core' = total / cores):",
        f"{'users':>10} {'table+indexes':>14} {'profile':>8} {'reads/s':>8} {'per core':>9} {'p99 ms':>7}"
        f" {'writes/s':>9} {'per core':>9} {'p99 ms':>7}",
    ]
    for users, on_disk, profile_bytes, reads, writes in rows:
        lines.append(
            f"{users:>10,} {on_disk / 2**20:>11,.0f} MB {profile_bytes:>6,.0f} B {reads.rps:>8,.0f}"
            f" {reads.rps / cores:>9,.0f} {reads.p99_ms:>7.1f} {writes.rps:>9,.0f} {writes.rps / cores:>9,.0f}"
            f" {writes.p99_ms:>7.1f}"
        )
    return lines


def _table(figures: list[Figure]) -> str:
    lines = [f"{'line':<52}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}  load"]
    lines += [f"{f.name:<52}{f.rps:>9,.0f}{f.p50_ms:>9.2f}{f.p99_ms:>9.2f}{f.errors:>8}  {f.note}" for f in figures]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--long", action="store_true", help="also seed up to 1,000,000 users (capacity table)")
    args = parser.parse_args()
    if not pgbouncer_available():
        raise SystemExit("pgbouncer is not installed: apt-get install pgbouncer")
    print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores", flush=True)
    print(
        f"PersonalMem past one machine: {DURATION} s a line after {WARMUP} s warm-up, {CONNECTIONS} connections, "
        f"{WORKERS} workers, load generator: {'wrk' if use_wrk() else 'python'}",
        flush=True,
    )
    folder = Path(tempfile.mkdtemp(prefix="personalmem-scaling-"))
    primary = standby = bouncer = None
    try:
        primary = PgServer.primary(folder / "primary")
        primary.query(f"CREATE DATABASE {DATABASE}")
        print(f"seeding {USERS:,} users ... {seed(primary, 1, USERS):.1f} s", flush=True)
        standby = primary.standby(folder / "standby")
        standby.wait_replayed(primary)
        bouncer = PgBouncer(
            folder / "pgbouncer", server_port=primary.port, database=DATABASE, pool_size=WORKERS * POOL_SIZE
        )
        report = replica_and_pgbouncer(folder, primary, standby, bouncer)
        if args.long:
            bouncer.stop()
            bouncer = None
            standby.destroy()  # the capacity lines measure one server, as a single machine runs it
            standby = None
            report += ["", *capacity(folder, primary)]
        print("\n" + "\n".join(report))
    finally:
        if bouncer is not None:
            bouncer.stop()
        if standby is not None:
            standby.destroy()
        if primary is not None:
            primary.destroy()
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
