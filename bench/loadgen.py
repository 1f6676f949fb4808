"""Load generators for the benchmark: wrk with a per-request log, or a Python fallback.

Both record every request as (send time, latency, status) on the monotonic clock that
the probes (bench/probes.py) use too, so that each 1-second window of a line can be set
beside what the machine and PostgreSQL were doing in it. wrk's own histogram gives
only whole-line percentiles; its per-request latencies come from a Lua script that tags
each request with an X-Request-ID (which the service echoes) and times it with
clock_gettime through LuaJIT's ffi.
"""

from __future__ import annotations

import json
import random
import re
import shutil
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from multiprocessing import Process, Queue
from pathlib import Path

import httpx

# Half of these hold a fact and half are gated (no fact, one SELECT): the mix a chat app sends.
MIXED_MESSAGES = [
    "My name is Alice and I'm a software engineer.",
    "I love hiking, board games and Thai food.",
    "I live in Lisbon now.",
    "I speak Portuguese and a little Japanese.",
    "I'm really into astronomy.",
    "Can you help me debug this function? It returns None.",
    "Write a haiku about the sea.",
    "What is the capital of Australia?",
    "Thanks, that was helpful!",
    "I need a summary of this article for tomorrow's meeting.",
]
# Every write message moves the user to one of these places: none is a seeded location, so
# each message changes the row (a repeat of the same place for the same user is the only
# no-op, and the benchmark counts the writes the service says it stored).
TOWNS = [
    "Aarhus", "Accra", "Adelaide", "Almaty", "Amman", "Antwerp", "Asuncion", "Bergen", "Bilbao", "Bologna",
    "Bordeaux", "Bratislava", "Brisbane", "Bruges", "Cadiz", "Calgary", "Cardiff", "Cork", "Cusco", "Dakar",
    "Dresden", "Dundee", "Durban", "Edmonton", "Fukuoka", "Galway", "Gdansk", "Geneva", "Ghent", "Girona",
    "Graz", "Halifax", "Hobart", "Innsbruck", "Kampala", "Kigali", "Krakow", "Leipzig", "Leuven", "Lille",
    "Ljubljana", "Lucerne", "Lyon", "Malmo", "Mendoza", "Montevideo", "Naples", "Nantes", "Nice", "Oaxaca",
    "Odense", "Oulu", "Palermo", "Perth", "Porto", "Quito", "Reykjavik", "Riga", "Rosario", "Salzburg",
    "Santander", "Seville", "Siena", "Split", "Tallinn", "Tampere", "Tartu", "Trieste", "Turin", "Utrecht",
    "Valencia", "Verona", "Vilnius", "Wellington", "Windhoek", "Winnipeg", "Wroclaw", "Zadar", "Zagreb", "Zurich",
]  # fmt: skip
# With 80 towns, a user drawn twice got the town it already had once in 80 writes: a no-op that
# stores nothing (and, in short runs over few users, pushed writes_stored_per_message under 0.99).
# Ten prefixes make 800 places, so a repeat is one write in 800.
PLACES = [prefix + town for prefix in ("", "North ", "South ", "East ", "West ", "Old ", "New ", "Upper ", "Lower ",
                                       "Greater ") for town in TOWNS]  # fmt: skip
WRITE_TEMPLATE = "I live in {town}."

STALL_MS = 100.0  # a request this slow (20x a typical read's p50) marks its 1-second window as stalled


@dataclass
class Figure:
    name: str
    rps: float
    p50_ms: float
    p99_ms: float
    errors: int = 0
    note: str = ""
    requests: int = 0
    extra: dict = field(default_factory=dict)


@dataclass
class Timeline:
    """Every completed request of a line: send time (monotonic s), latency (ms), status."""

    started: float
    duration: float
    sent: list[float]
    latency_ms: list[float]
    status: list[int]
    wrote: list[int] = field(default_factory=list)

    def windows(self) -> list[dict]:
        """Per 1-second window (by send time): requests, p50, p99, max and whether it stalled."""
        buckets: list[list[float]] = [[] for _ in range(max(1, round(self.duration)))]
        for sent, latency in zip(self.sent, self.latency_ms, strict=True):
            index = int(sent - self.started)
            if 0 <= index < len(buckets):
                buckets[index].append(latency)
        out = []
        for index, values in enumerate(buckets):
            values.sort()
            out.append(
                {
                    "second": index,
                    "requests": len(values),
                    "p50_ms": pct(values, 50),
                    "p99_ms": pct(values, 99),
                    "max_ms": values[-1] if values else float("nan"),
                    "over_stall": sum(v > STALL_MS for v in values),
                }
            )
        return out

    def p99_without(self, seconds: set[int]) -> float:
        kept = sorted(
            lat for s, lat in zip(self.sent, self.latency_ms, strict=True) if int(s - self.started) not in seconds
        )
        return pct(kept, 99)


def pct(values: list[float], p: float) -> float:
    """The p-th percentile of sorted values (nearest rank)."""
    if not values:
        return float("nan")
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]


def stall_summary(timeline: Timeline) -> dict:
    windows = timeline.windows()
    stalled = {w["second"] for w in windows if w["over_stall"]}
    return {
        "windows": len(windows),
        "stalled_windows": sorted(stalled),
        "requests_over_stall": sum(w["over_stall"] for w in windows),
        "p99_without_stalled_ms": timeline.p99_without(stalled),
        "per_window": windows,
    }


# -- wrk -------------------------------------------------------------------------------

WRK_SCRIPT = r"""
local ffi = require("ffi")
ffi.cdef[[
typedef struct {{ long tv_sec; long tv_nsec; }} pm_timespec;
int clock_gettime(int clk, pm_timespec *tp);
]]
local ts = ffi.new("pm_timespec")
local function now_us()
  ffi.C.clock_gettime(1, ts)  -- CLOCK_MONOTONIC, the clock of Python's time.monotonic()
  return tonumber(ts.tv_sec) * 1000000 + math.floor(tonumber(ts.tv_nsec) / 1000)
end

local users = {users}
local kind = "{kind}"
local messages = {messages}
local towns = {towns}
local logdir = "{logdir}"
local writes = kind == "writes" or kind == "mixed"
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

function init(args)
  math.randomseed(os.time() + tid * 7919)
  log = io.open(logdir .. "/wrk-" .. tid .. ".log", "w")
  sent = {{}}
  seq = 0
end

function request()
  seq = seq + 1
  local rid = "b" .. tid .. "x" .. seq
  local id = math.random(1, users)
  local headers = {{["X-Request-ID"] = rid}}
  local req
  if kind == "health" then
    req = wrk.format("GET", "/health", headers)
  elseif kind == "memories" or kind == "context" then
    req = wrk.format("GET", "/users/user_" .. id .. "/" .. kind, headers)
  else
    local message
    if kind == "writes" then
      message = '"I live in ' .. towns[math.random(1, #towns)] .. '."'
    else
      message = messages[math.random(1, #messages)]
    end
    headers["Content-Type"] = "application/json"
    local body = '{{"user_id": "user_' .. id .. '", "message": ' .. message .. '}}'
    req = wrk.format("POST", "/messages", headers, body)
  end
  sent[rid] = now_us()
  return req
end

function response(status, headers, body)
  local rid = headers["x-request-id"] or headers["X-Request-ID"]
  local t0 = rid and sent[rid]
  if t0 then
    sent[rid] = nil
    -- For a message: 1 when the service says it stored something (it answers only after COMMIT).
    local wrote = 0
    if writes and status == 200 and not body:find('"extracted_memories":[]', 1, true) then
      wrote = 1
    end
    log:write(t0, " ", now_us() - t0, " ", status, " ", wrote, "\n")
  end
end
"""


def have_wrk(loadgen: str) -> bool:
    return loadgen != "python" and shutil.which("wrk") is not None


def run_load(
    url: str, kind: str, users: int, name: str, *, duration: float, connections: int, loadgen: str
) -> tuple[Figure, Timeline]:
    if have_wrk(loadgen):
        return _wrk(url, kind, users, name, duration, connections)
    if loadgen == "wrk":
        raise SystemExit("BENCH_LOADGEN=wrk but wrk is not installed")
    return _python_load(url, kind, users, name, duration, connections)


def _lua_list(items: list[str]) -> str:
    return "{" + ", ".join(json.dumps(item) for item in items) + "}"


def _wrk(url: str, kind: str, users: int, name: str, duration: float, connections: int) -> tuple[Figure, Timeline]:
    with tempfile.TemporaryDirectory() as logdir:
        script = WRK_SCRIPT.format(
            users=users,
            kind=kind,
            messages=_lua_list([json.dumps(m) for m in MIXED_MESSAGES]),
            towns=_lua_list(PLACES),
            logdir=logdir,
        )
        path = Path(logdir) / "load.lua"
        path.write_text(script)
        threads = min(2, connections)
        started = time.monotonic()
        # A 10 s timeout: a stalled request is measured as slow, not dropped as a socket error.
        out = subprocess.run(
            [
                *("wrk", "-t", str(threads), "-c", str(connections), "-d", f"{duration:g}s"),
                *("--timeout", "10s", "-s", str(path), url),
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        sent: list[float] = []
        latency: list[float] = []
        status: list[int] = []
        wrote: list[int] = []
        for log in Path(logdir).glob("wrk-*.log"):
            for line in log.read_text().splitlines():
                t0, lat, code, stored = line.split()
                sent.append(int(t0) / 1e6)
                latency.append(int(lat) / 1000)
                status.append(int(code))
                wrote.append(int(stored))
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    lost = sum(int(x) for x in socket_errors.groups()) if socket_errors else 0
    timeline = Timeline(started, duration, sent, latency, status, wrote)
    return _figure(name, rps, timeline, lost, "wrk"), timeline


def _figure(name: str, rps: float, timeline: Timeline, lost: int, tool: str) -> Figure:
    ordered = sorted(timeline.latency_ms)
    bad = sum(code >= 400 for code in timeline.status)
    note = tool + (f" ({bad} non-2xx, {lost} socket errors)" if bad or lost else "")
    return Figure(name, rps, pct(ordered, 50), pct(ordered, 99), errors=bad + lost, note=note, requests=len(ordered))


# -- the Python fallback (no wrk) ---------------------------------------------------------


def _python_worker(url: str, kind: str, users: int, seconds: float, connections: int, out: Queue) -> None:
    records: list[tuple[float, float, int, int]] = []
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def run() -> None:
        with httpx.Client(base_url=url, timeout=30) as client:
            while time.monotonic() < stop_at:
                uid = f"user_{random.randint(1, users)}"
                sent = time.monotonic()
                if kind == "health":
                    response = client.get("/health")
                elif kind in ("memories", "context"):
                    response = client.get(f"/users/{uid}/{kind}")
                else:
                    if kind == "writes":
                        message = WRITE_TEMPLATE.format(town=random.choice(PLACES))
                    else:
                        message = random.choice(MIXED_MESSAGES)
                    response = client.post("/messages", json={"user_id": uid, "message": message})
                elapsed = (time.monotonic() - sent) * 1000
                wrote = kind in ("writes", "mixed") and response.status_code == 200
                wrote = wrote and bool(response.json()["extracted_memories"])
                with lock:
                    records.append((sent, elapsed, response.status_code, int(wrote)))

    threads = [threading.Thread(target=run) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    out.put(records)


def _python_load(
    url: str, kind: str, users: int, name: str, duration: float, connections: int
) -> tuple[Figure, Timeline]:
    queue: Queue = Queue()
    started = time.monotonic()
    per_process = max(1, connections // 2)
    procs = [Process(target=_python_worker, args=(url, kind, users, duration, per_process, queue)) for _ in range(2)]
    for proc in procs:
        proc.start()
    records = [r for _ in procs for r in queue.get()]
    for proc in procs:
        proc.join()
    columns = list(zip(*records, strict=True)) if records else [[], [], [], []]
    timeline = Timeline(started, duration, *(list(c) for c in columns))
    return _figure(name, len(records) / duration, timeline, 0, "python client (no wrk)"), timeline


def loadgen_name(loadgen: str) -> str:
    return "wrk" if have_wrk(loadgen) else "python"
