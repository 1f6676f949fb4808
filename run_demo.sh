#!/usr/bin/env bash
# Set up what the demo needs (venv, packages; the embedded database starts by itself) and run it.
set -euo pipefail
cd "$(dirname "$0")"
./setup.sh
exec .venv/bin/python app.py "$@"
