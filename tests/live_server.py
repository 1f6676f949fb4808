"""uvicorn in a subprocess, configured only through its environment (tests and the benchmark)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

PROJECT_DIR = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LiveServer:
    """`python -m web` (uvicorn serving api:app_api, web.serve) on a free port of 127.0.0.1.

    The caller's POSTGRES_*, OPENAI_*, AZURE_*, DATABASE_URL and DATABASE_READ_URL are dropped, so that only
    `env` configures the server.
    """

    def __init__(self, env: dict[str, str], *, workers: int = 1, log_dir: Path | None = None) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        folder = log_dir or Path(env.get("PERSONALMEM_DATA_DIR") or tempfile.gettempdir())
        self.log_path = folder / f"uvicorn-{self.port}.log"
        full_env = {k: v for k, v in os.environ.items() if not k.startswith(("POSTGRES_", "OPENAI_", "AZURE_"))}
        full_env.pop("DATABASE_URL", None)
        full_env.pop("DATABASE_READ_URL", None)
        full_env.update(env)
        self._log = open(self.log_path, "wb")  # noqa: SIM115 (closed in stop)
        command = [
            sys.executable,
            "-m",
            "web",  # the launcher start_api.sh and the Dockerfile run (web.serve)
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--workers",
            str(workers),
            "--log-level",
            "warning",
        ]
        self.process = subprocess.Popen(
            command, cwd=PROJECT_DIR, env=full_env, stdout=self._log, stderr=subprocess.STDOUT
        )

    def wait_ready(self, timeout_s: float = 60, *, database: bool = False) -> LiveServer:
        """Until /health answers (and, with `database`, says the database is reachable)."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited: {self.log_path.read_text()[-2000:]}")
            try:
                health = httpx.get(self.url + "/health", timeout=2)
                if health.status_code == 200 and (not database or health.json()["database"] == "ok"):
                    return self
            except (httpx.HTTPError, ValueError, KeyError):
                pass
            time.sleep(0.2)
        raise RuntimeError(f"server not ready: {self.log_path.read_text()[-2000:]}")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(5)
        self._log.close()
