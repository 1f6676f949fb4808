#!/usr/bin/env bash
# Set up what the tests need, then run the whole suite. Extra arguments go to pytest.
# Tests use the PostgreSQL named by DATABASE_URL or POSTGRES_HOST when set,
# otherwise an embedded one that they start in a temporary folder.
set -euo pipefail
cd "$(dirname "$0")"
./setup.sh --dev
.venv/bin/ruff check .
exec .venv/bin/python -m pytest "$@"
