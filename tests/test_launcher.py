"""web.serve (`python -m web`, what start_api.sh, the Dockerfile, the tests and the benchmark
run): with several workers, each listens on a socket of its own (SO_REUSEPORT), so that a
burst of connections is spread over the workers instead of taken by whichever woke first."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from tests.live_server import LiveServer, free_port

PROJECT_DIR = Path(__file__).resolve().parents[1]
BURST = 32


def worker_of(sock: socket.socket) -> str:
    """The worker that answered a GET /health on this connection: request ids start with a
    random prefix of each process (web.new_request_id)."""
    sock.sendall(b"GET /health HTTP/1.1\r\nHost: test\r\n\r\n")
    head = b""
    while b"\r\n\r\n" not in head:
        chunk = sock.recv(65536)
        assert chunk, "connection closed before the response"
        head += chunk
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"x-request-id:"):
            return line.split(b":", 1)[1].strip().decode()[:16]
    raise AssertionError(head.decode(errors="replace"))


def burst(port: int) -> Counter[str]:
    """Open BURST connections at once, then ask each which worker holds it."""
    connections = [socket.create_connection(("127.0.0.1", port), timeout=10) for _ in range(BURST)]
    try:
        return Counter(worker_of(sock) for sock in connections)
    finally:
        for sock in connections:
            sock.close()


def workers_of(server: LiveServer) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(server.process.pid)], capture_output=True, text=True).stdout
    pids = []
    for pid in map(int, out.split()):
        # multiprocessing's resource tracker is a child too; the workers run the app.
        if b"resource_tracker" not in Path(f"/proc/{pid}/cmdline").read_bytes():
            pids.append(pid)
    return pids


def wait_for_both_workers(port: int, timeout_s: float = 60) -> Counter[str]:
    deadline = time.monotonic() + timeout_s
    while True:
        seen = burst(port)
        if len(seen) == 2 or time.monotonic() > deadline:
            return seen
        time.sleep(0.5)


def test_a_burst_of_connections_is_spread_over_both_workers(live_server: Callable[..., LiveServer]) -> None:
    server = live_server(workers=2)
    port = int(server.url.rsplit(":", 1)[1])
    wait_for_both_workers(port)
    for _ in range(3):
        spread = burst(port)
        assert len(spread) == 2, spread
        # The kernel hashes each connection's addresses: 16/16 on average; a worker left with
        # 3 of 32 or fewer happens about once in a million bursts. A shared socket gave 32/0.
        assert min(spread.values()) >= 4, spread


def test_a_worker_that_dies_is_replaced_and_listens_on_a_socket_of_its_own(
    live_server: Callable[..., LiveServer],
) -> None:
    server = live_server(workers=2)
    port = int(server.url.rsplit(":", 1)[1])
    before = wait_for_both_workers(port)
    assert len(before) == 2, before
    victim = workers_of(server)[0]
    os.kill(victim, signal.SIGKILL)
    deadline = time.monotonic() + 60
    while True:
        workers = workers_of(server)
        if victim not in workers and len(workers) == 2:
            break
        assert time.monotonic() < deadline, "the dead worker was not replaced"
        time.sleep(0.5)
    after = wait_for_both_workers(port)
    assert len(after) == 2, after
    assert len(set(after) - set(before)) == 1  # one new worker, with a prefix of its own
    assert min(after.values()) >= 4, after


def launch(port: int) -> subprocess.CompletedProcess[str]:
    """`python -m web` with two workers on a port, to its end (it ends at once when refused)."""
    return subprocess.run(
        [sys.executable, "-m", "web", "--host", "127.0.0.1", "--port", str(port), "--workers", "2"],
        cwd=PROJECT_DIR,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_port_already_in_use_fails_at_once_and_says_so() -> None:
    port = free_port()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", port))
        taken.listen()
        run = launch(port)
    assert run.returncode == 1
    assert f"cannot listen on 127.0.0.1:{port}: Address already in use" in run.stderr


def test_a_second_copy_on_the_same_port_is_refused(live_server: Callable[..., LiveServer]) -> None:
    """SO_REUSEPORT would let a second copy share the port with the first, splitting its
    traffic between two services; the launcher's plain bind refuses it."""
    server = live_server(workers=2)
    port = int(server.url.rsplit(":", 1)[1])
    run = launch(port)
    assert run.returncode == 1
    assert "Address already in use" in run.stderr
    assert burst(port).total() == BURST  # the first copy still serves
