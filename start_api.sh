#!/usr/bin/env bash
# Serve the API and the web page on 0.0.0.0:8888. `./start_api.sh --reload` for development.
# WORKERS=2 ./start_api.sh runs two worker processes (they share the database; no state in-process).
set -euo pipefail
cd "$(dirname "$0")"
./setup.sh
# --http: uvicorn's httptools protocol with each response sent in one write (web.py).
args=(api:app_api --host "${HOST:-0.0.0.0}" --port "${PORT:-8888}" --no-access-log --http web:CorkedHttpToolsProtocol)
if [ "${1:-}" = "--reload" ]; then
    args+=(--reload)
elif [ -n "${WORKERS:-}" ]; then
    args+=(--workers "$WORKERS")
fi
exec .venv/bin/uvicorn "${args[@]}"
