#!/usr/bin/env bash
# Serve the API and the web page on 0.0.0.0:8888. `./start_api.sh --reload` for development.
# WORKERS=2 ./start_api.sh runs two worker processes (they share the database; no state in-process).
set -euo pipefail
cd "$(dirname "$0")"
./setup.sh
# web.py's launcher: uvicorn with each response sent in one write, and with WORKERS > 1 each
# worker listening on a socket of its own (SO_REUSEPORT), so that the kernel spreads connections.
args=(--host "${HOST:-0.0.0.0}" --port "${PORT:-8888}")
if [ "${1:-}" = "--reload" ]; then
    args+=(--reload)
elif [ -n "${WORKERS:-}" ]; then
    args+=(--workers "$WORKERS")
fi
exec .venv/bin/python -m web "${args[@]}"
