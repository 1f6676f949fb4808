"""./restart_postgres.sh never wipes the embedded database under a running service: it refuses,
names the processes, and the service keeps working. Once they are stopped, it wipes."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import httpx

from tests.live_server import PROJECT_DIR, LiveServer


def restart(data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("POSTGRES_") and k != "DATABASE_URL"}
    env["PERSONALMEM_DATA_DIR"] = str(data_dir)
    env["PATH"] = "/usr/bin:/bin"  # no docker here: the embedded path is the one under test
    return subprocess.run(
        [str(PROJECT_DIR / "restart_postgres.sh"), "--yes"], env=env, capture_output=True, text=True, timeout=120
    )


def test_restart_refuses_while_the_service_runs_then_wipes(tmp_path: Path, user_id: str) -> None:
    server = LiveServer({"PERSONALMEM_DATA_DIR": str(tmp_path), "LLM_PROVIDER": "rules"})
    try:
        server.wait_ready(90, database=True)
        put = httpx.put(f"{server.url}/users/{user_id}/memories/name", json={"value": "Ines"}, timeout=30)
        assert put.status_code == 200
        refused = restart(tmp_path)
        assert refused.returncode == 2, refused.stderr
        assert f"in use by running PersonalMem process(es): {server.process.pid}" in refused.stderr
        assert (tmp_path / "postgres" / "PG_VERSION").exists()
        profile = httpx.get(f"{server.url}/users/{user_id}/profile", timeout=30)
        assert profile.status_code == 200 and profile.json() == {"name": "Ines"}
    finally:
        server.stop()
    wiped = restart(tmp_path)
    assert wiped.returncode == 0, wiped.stderr
    assert "Embedded database wiped" in wiped.stdout
    assert not (tmp_path / "postgres").exists()
