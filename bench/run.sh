#!/usr/bin/env bash
# Run the benchmark: ./bench/run.sh   (BENCH_DURATION=5 ./bench/run.sh for a quick look)
# Each run is saved in bench/runs/<time>/ (ignored by git); ./bench/run.sh --record also
# regenerates bench/RESULTS.md from the saved runs.
# Uses the database the service would use: embedded unless POSTGRES_HOST or DATABASE_URL is set.
set -euo pipefail
cd "$(dirname "$0")/.."
./setup.sh --dev >&2
if ! command -v wrk >/dev/null 2>&1 && [ "${BENCH_LOADGEN:-auto}" != "python" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "Installing wrk (HTTP load generator) with apt-get" >&2
        (apt-get update -qq && apt-get install -y -qq wrk) >/dev/null 2>&1 || echo "could not install wrk; using the Python load generator" >&2
    else
        echo "wrk is not installed and cannot be installed here; using the Python load generator" >&2
    fi
fi
.venv/bin/python bench/bench.py "$@"
# What per-field history costs writes: a server with it and one without, side by side (needs wrk).
if command -v wrk >/dev/null 2>&1; then
    .venv/bin/python bench/history_cost.py
else
    echo "history cost: not measured (bench/history_cost.py needs wrk)"
fi
# The scaling figures (replicas, PgBouncer), when that script is there.
if [ -f bench/scaling.py ]; then
    .venv/bin/python bench/scaling.py
fi
