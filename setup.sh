#!/usr/bin/env bash
# Build .venv and install the packages. Safe to run again: it only reinstalls
# when a requirements file changed. `./setup.sh --dev` adds the test tools.
set -euo pipefail
cd "$(dirname "$0")"

PYTHON="${PYTHON:-python3}"
if ! "$PYTHON" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
    echo "PersonalMem needs Python 3.11 or newer; $PYTHON is $("$PYTHON" --version 2>&1)." >&2
    echo "Set PYTHON=/path/to/python3.11 (or newer) and run again." >&2
    exit 1
fi

if [ ! -x .venv/bin/python ]; then
    echo "Creating .venv with $("$PYTHON" --version)"
    "$PYTHON" -m venv .venv
fi

files=(requirements.txt)
if [ "${1:-}" = "--dev" ]; then
    files+=(requirements-dev.txt)
fi
stamp=".venv/.installed-$(cat "${files[@]}" | sha256sum | cut -c1-16)"
if [ ! -f "$stamp" ]; then
    echo "Installing ${files[*]}"
    .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
    args=()
    for f in "${files[@]}"; do args+=(-r "$f"); done
    .venv/bin/python -m pip install --quiet --disable-pip-version-check "${args[@]}"
    touch "$stamp"
fi

if [ "${1:-}" != "--dev" ]; then
    # The same settings the service reads (.env, overridden by the environment), in words.
    .venv/bin/python -c 'import config; print(config.describe_choice(config.get_settings()))' >&2
    if [ ! -f .env ]; then
        echo "To configure a server or an LLM: cp env_example.txt .env and edit it." >&2
    fi
fi
