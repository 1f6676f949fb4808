"""The benchmark runs end to end (with tiny durations) and prints every line it promises.

Figures are not checked here: speed belongs to bench/run.sh, not to the test suite.
"""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg2
from psycopg2 import sql

PROJECT_DIR = Path(__file__).resolve().parents[1]
RATIOS = [
    "reads_over_health",
    "reads_over_pgbench_read",
    "writes_over_pgbench_rmw",
    "reads_100k_over_1k",
    "reads_p99_ms",
    "llm_p50_over_rules_p50",
    "llm_calls_per_personal_message",
    "llm_calls_for_skipped_messages",
    "prompt_tokens_20_fields",
]


def test_benchmark_runs_and_reports(admin_dsn: str, tmp_path: Path) -> None:
    prefix = f"pm_bench_smoke_{uuid.uuid4().hex[:8]}"
    results = tmp_path / "RESULTS.md"
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
    for line in (
        "pgbench read",
        "pgbench read-modify-write",
        "GET /health",
        "/memories (2,000 users)",
        "/context (2,000 users)",
        "/memories (200 users)",
        "rules extractor",
        "openai client",
    ):
        assert line in run.stdout, line
    for name in RATIOS:
        assert f"ratio {name} = " in run.stdout, name
    text = results.read_text()
    assert text.startswith("# Benchmark results") and "cores" in text and "ratio reads_over_health" in text
