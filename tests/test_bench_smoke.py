"""The benchmark runs end to end (with tiny durations) and prints every line it promises.

Figures are not checked here: speed belongs to bench/run.sh, not to the test suite.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg2
from psycopg2 import sql

from bench.history import history_table, load_runs, render_results

PROJECT_DIR = Path(__file__).resolve().parents[1]
RATIOS = [
    "reads_p99_ms",
    "reads_p99_ms_without_stalled_windows",
    "reads_over_pgbench_read",
    "reads_over_health",
    "reads_100k_over_1k",
    "writes_over_pgbench_rmw",
    "writes_stored_per_message",
    "llm_p50_over_rules_p50",
    "llm_calls_per_personal_message",
    "llm_calls_for_skipped_messages",
    "prompt_tokens_20_fields",
]
LINES = [
    "pgbench read",
    "pgbench read-modify-write",
    "GET /health",
    "/memories (2,000 users)",
    "/context (2,000 users)",
    "/memories (200 users)",
    "POST /messages, rules, each stores a fact",
    "POST /messages, rules, chat mix (half gated)",
    "POST /messages, openai client + instant LLM, each stores a fact",
]


def test_benchmark_runs_saves_the_run_and_records_only_when_asked(admin_dsn: str, tmp_path: Path) -> None:
    prefix = f"pm_bench_smoke_{uuid.uuid4().hex[:8]}"
    results = tmp_path / "RESULTS.md"
    runs = tmp_path / "runs"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("POSTGRES_", "OPENAI_", "AZURE_"))}
    env.update(
        {
            "DATABASE_URL": admin_dsn,
            "BENCH_DB_PREFIX": prefix,
            "BENCH_DURATION": "1",
            "BENCH_WARMUP": "1",
            "BENCH_USERS": "2000",
            "BENCH_SMALL_USERS": "200",
            "BENCH_RESULTS": str(results),
            "BENCH_RUNS": str(runs),
            "BENCH_CONNECTIONS": "8",
            "PERSONALMEM_DATA_DIR": str(tmp_path),
        }
    )
    try:
        run = subprocess.run(
            [sys.executable, "bench/bench.py"], cwd=PROJECT_DIR, env=env, capture_output=True, text=True, timeout=600
        )
    finally:
        conn = psycopg2.connect(admin_dsn)
        conn.autocommit = True
        with conn.cursor() as cur:
            for name in (prefix, f"{prefix}_small"):
                cur.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        conn.close()
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    for line in LINES:
        assert line in run.stdout, line
    for name in RATIOS:
        assert f"ratio {name} = " in run.stdout, name
    # The gate counts exactly: one call per personal message, none for gated ones.
    assert "ratio llm_calls_per_personal_message = 1 (target == 1)\n" in run.stdout
    assert "ratio llm_calls_for_skipped_messages = 0 (target == 0)\n" in run.stdout
    assert "(target <= 1200; counted with o200k_base" in run.stdout
    # What the fake LLM's own CPU took from the shared cores is reported with the LLM line.
    assert "the instant LLM itself used " in run.stdout and " µs of CPU per call on the same cores" in run.stdout
    assert run.stdout.count("stalled windows: ") == len(LINES)
    assert run.stdout.count("connections per worker: ") == len(LINES)

    # Saved in its own folder; RESULTS.md untouched without --record.
    saved = list(runs.glob("*/run.json"))
    assert len(saved) == 1
    data = json.loads(saved[0].read_text())
    assert set(data["ratios"]) == set(RATIOS)
    writes = data["figures"]["writes"]
    assert writes["requests"] > 0 and writes["stored"] >= 0.99 * writes["requests"]
    assert data["llm"]["gate"] == {"personal": 2, "skipped": 0, "personal_messages": 2, "skipped_messages": 4}
    assert data["llm"]["fake_cpu_us_per_call"] > 0
    assert not results.exists()

    regen = subprocess.run(
        [sys.executable, "bench/bench.py", "--regenerate"], cwd=PROJECT_DIR, env=env, capture_output=True, text=True
    )
    assert regen.returncode == 0, regen.stderr
    text = results.read_text()
    assert text.startswith("# Benchmark results") and f"- Run: {data['id']} UTC" in text
    assert data["report"] in text


def _run(run_id: str, p99: float, *, duration: int = 15) -> dict:
    ratio = {"op": "<=", "target": 50.0, "note": ""}
    return {
        "id": run_id,
        "settings": {"duration_s": duration, "users": 100_000, "connections": 32},
        "ratios": {"reads_p99_ms": {**ratio, "value": p99, "met": p99 <= 50}},
        "stalls": {"stalled_windows": 3, "windows": 30},
        "machine_during_reads": {"load_avg": 4.0, "other_cpu": 50.0},
    }


def test_history_is_generated_from_saved_full_runs_only(tmp_path: Path) -> None:
    runs = [_run(f"2026-01-0{i} 10:00:00", p99) for i, p99 in enumerate([12.0, 61.5, 20.0, 30.0, 40.0, 45.0], 1)]
    runs.append(_run("2026-01-09 10:00:00", 5.0, duration=3))  # a short run: kept, but not in the table
    for run in runs:
        folder = tmp_path / run["id"].replace(" ", "_")
        folder.mkdir()
        (folder / "run.json").write_text(json.dumps(run))
    loaded = load_runs(tmp_path)
    assert [r["id"] for r in loaded] == [r["id"] for r in runs]
    table, full = history_table(loaded)
    assert [r["id"] for r in full] == [r["id"] for r in runs[:6]]
    assert "| 2026-01-02 10:00:00 | **61.5** ✗ |" in table
    assert "| 2026-01-01 10:00:00 | 12.0 |" in table
    assert "2026-01-09" not in table
    latest = {**runs[5], "report": "REPORT", "machine": {"cores": 2, "platform": "x", "versions": "v"}}
    latest["settings"] = {**latest["settings"], "database": "db", "loadgen": "wrk", "warmup_s": 3, "workers": 2}
    text = render_results(loaded[:6], latest)
    # The last five full runs (61.5 among them) decide the five-run verdict.
    assert "in each of the last 5 full runs: NOT met (61.5, 20.0, 30.0, 40.0, 45.0 ms)" in text
    assert "## The read tail, window by window" in text
    text = render_results([*loaded[2:6], _run("2026-01-07 10:00:00", 10.0)], latest)
    assert "in each of the last 5 full runs: met (20.0, 30.0, 40.0, 45.0, 10.0 ms)" in text


def test_history_cost_runs_both_servers_and_drops_its_database(admin_dsn: str, tmp_path: Path) -> None:
    def history_cost_databases() -> set[str]:
        conn = psycopg2.connect(admin_dsn)
        with conn.cursor() as cur:
            cur.execute("SELECT datname FROM pg_database WHERE datname LIKE 'personalmem_history_cost_%'")
            names = {row[0] for row in cur.fetchall()}
        conn.close()
        return names

    before = history_cost_databases()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("POSTGRES_", "OPENAI_", "AZURE_"))}
    env.update(
        {
            "DATABASE_URL": admin_dsn,
            "HISTORY_BENCH_DURATION": "1",
            "HISTORY_BENCH_ROUNDS": "1",
            "HISTORY_BENCH_CONNECTIONS": "2",
            "HISTORY_BENCH_USERS": "20",
            "PERSONALMEM_DATA_DIR": str(tmp_path),
        }
    )
    run = subprocess.run(
        [sys.executable, "bench/history_cost.py"], cwd=PROJECT_DIR, env=env, capture_output=True, text=True, timeout=300
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    rows = int(run.stdout.split("history rows written: ", 1)[1].split()[0])
    assert rows > 0  # the server with history on recorded its writes; the one without recorded none
    ratio_line = next(line for line in run.stdout.splitlines() if line.startswith("ratio history_on/history_off = "))
    assert float(ratio_line.split("= ", 1)[1].split()[0]) > 0
    assert "(target >= 0.85)" in ratio_line
    assert history_cost_databases() == before
