"""What the machine and PostgreSQL were doing during a line of the benchmark.

A Probe thread samples, on the monotonic clock the load generators log with:
- every 50 ms: pg_stat_activity (what each active backend and background process waits
  on) and the kernel's pressure-stall counters (/proc/pressure: time some task waited for
  a CPU, for I/O, for memory);
- every second: every process's CPU time and major page faults from /proc/<pid>/stat,
  split into the benchmark's own processes and everyone else's, the service workers'
  /proc/<pid>/schedstat (time run, time waited on a run queue), and the load average;
- once, half-way: how the accepted connections are spread over the workers (their
  socket fds matched against /proc/net/tcp).
Counters that PostgreSQL keeps (pg_stat_io, checkpoints, autovacuum and autoanalyze
counts, block reads) are read before and after a line by `server_counters`.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import psycopg2

TICK_S = 0.05
SCAN_S = 0.5
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
# Background processes sit in these wait events when they have nothing to do.
IDLE_BACKGROUND_WAITS = {
    "AutovacuumMain", "BgwriterHibernate", "BgwriterMain", "BgWriterHibernate", "BgWriterMain",
    "CheckpointerMain", "LogicalLauncherMain", "WalWriterMain", "IoWorkerMain", "WalSummarizerWal",
    "ArchiverMain", "SysLoggerMain",
}  # fmt: skip


def _read(path: str) -> str:
    try:
        with open(path) as handle:
            return handle.read()
    except OSError:
        return ""


def _psi() -> dict[str, int]:
    """Cumulative µs some task stalled on cpu, io, memory (0 where the kernel lacks PSI)."""
    out = {}
    for resource in ("cpu", "io", "memory"):
        text = _read(f"/proc/pressure/{resource}")
        some = next((line for line in text.splitlines() if line.startswith("some")), "")
        out[resource] = int(some.rsplit("total=", 1)[1]) if "total=" in some else 0
    return out


TCP_COUNTERS = (
    "RetransSegs", "TCPTimeouts", "TCPLossProbes", "TCPToZeroWindowAdv", "DelayedACKLost",
    "ListenOverflows", "ListenDrops",
)  # fmt: skip


def tcp_counters() -> dict[str, int]:
    """The kernel's TCP counters (whole network namespace): retransmissions, timeouts, zero windows."""
    out: dict[str, int] = {}
    for path in ("/proc/net/snmp", "/proc/net/netstat"):
        lines = _read(path).splitlines()
        for names, values in zip(lines[::2], lines[1::2], strict=False):
            for name, value in zip(names.split()[1:], values.split()[1:], strict=False):
                if name in TCP_COUNTERS:
                    out[name] = int(value)
    drops = 0
    for line in _read("/proc/net/softnet_stat").splitlines():
        drops += int(line.split()[1], 16)  # packets dropped because a CPU's backlog was full
    out["softnet_drops"] = drops
    return out


def _proc_table() -> dict[int, tuple[str, int, int, int]]:
    """pid -> (comm, parent pid, CPU ticks used, major faults), for every process."""
    table = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        text = _read(f"/proc/{name}/stat")
        if not text:
            continue
        comm = text[text.index("(") + 1 : text.rindex(")")]
        fields = text[text.rindex(")") + 2 :].split()
        # fields[1] is ppid; [9] majflt; [11] utime; [12] stime (stat(5), counted from field 3)
        table[int(name)] = (comm, int(fields[1]), int(fields[11]) + int(fields[12]), int(fields[9]))
    return table


def descendants(root: int, table: dict[int, tuple[str, int, int, int]]) -> set[int]:
    children: dict[int, list[int]] = {}
    for pid, (_, ppid, _, _) in table.items():
        children.setdefault(ppid, []).append(pid)
    out, todo = set(), [root]
    while todo:
        pid = todo.pop()
        out.add(pid)
        todo.extend(children.get(pid, []))
    return out


def _schedstat(pid: int) -> tuple[int, int, int]:
    """(ns on a CPU, ns waiting on a run queue, time slices) of a process's main thread."""
    parts = _read(f"/proc/{pid}/schedstat").split()
    return (int(parts[0]), int(parts[1]), int(parts[2])) if len(parts) == 3 else (0, 0, 0)


def connection_spread(port: int, pids: list[int]) -> dict[int, int]:
    """Established TCP connections on `port` held by each pid (accepted sockets)."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in _read(table).splitlines()[1:]:
            fields = line.split()
            local_port = int(fields[1].rsplit(":", 1)[1], 16)
            if local_port == port and fields[3] == "01":  # 01 = ESTABLISHED
                inodes.add(fields[9])
    spread = {}
    for pid in pids:
        count = 0
        with contextlib.suppress(OSError):
            for fd in os.listdir(f"/proc/{pid}/fd"):
                with contextlib.suppress(OSError):
                    target = os.readlink(f"/proc/{pid}/fd/{fd}")
                    count += target.startswith("socket:[") and target[8:-1] in inodes
        spread[pid] = count
    return spread


def _cpu_steal() -> dict[str, int]:
    """Per CPU, jiffies the hypervisor ran something else while this vCPU wanted to run."""
    out = {}
    for line in _read("/proc/stat").splitlines():
        if line.startswith("cpu") and line[3:4].isdigit():
            fields = line.split()
            out[fields[0]] = int(fields[8])
    return out


class Canary(threading.Thread):
    """Pinned to one CPU, wakes every 10 ms and notes how late: a CPU that stops running
    anything (a vCPU the hypervisor descheduled) shows as one canary waking seconds late
    while the other is on time."""

    def __init__(self, cpu: int) -> None:
        super().__init__(daemon=True)
        self.cpu = cpu
        self.late: list[tuple[float, float]] = []
        self.stop_event = threading.Event()

    def run(self) -> None:
        with contextlib.suppress(OSError):
            os.sched_setaffinity(0, {self.cpu})  # 0: the calling thread
        while not self.stop_event.is_set():
            planned = time.monotonic() + 0.01
            time.sleep(0.01)
            late = time.monotonic() - planned
            if late > 0.005:
                self.late.append((planned, late))


class Probe:
    """Samples in a thread from start() to stop(); summary() sorts it into 1-second windows."""

    def __init__(
        self,
        *,
        dsn: str,
        dbname: str,
        workers: list[int],
        own_roots: Callable[[], list[int]],
        port: int | None,
        started: float,
        duration: float,
    ) -> None:
        self.dsn = dsn
        self.dbname = dbname
        self.workers = workers
        self.own_roots = own_roots
        self.port = port
        self.started = started
        self.duration = duration
        self.activity: list[tuple[float, Counter[str]]] = []
        self.psi: list[tuple[float, dict[str, int]]] = []
        self.cpu: list[dict] = []
        self.autovacuum: set[str] = set()
        self.spread: dict[int, int] = {}
        self.errors: list[str] = []
        self.db_pids: set[int] = set()
        self.lateness: list[tuple[float, float]] = []
        self.query_time: list[tuple[float, float]] = []
        self.states: list[tuple[float, Counter[str]]] = []
        self.pg_pids: list[int] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._pg_thread = threading.Thread(target=self._run_pg, daemon=True)
        self.canaries = [Canary(cpu) for cpu in sorted(os.sched_getaffinity(0))]

    def start(self) -> Probe:
        self._thread.start()
        self._pg_thread.start()
        for canary in self.canaries:
            canary.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        for canary in self.canaries:
            canary.stop_event.set()
        self._thread.join(10)
        self._pg_thread.join(10)
        for canary in self.canaries:
            canary.join(5)

    # -- sampling ---------------------------------------------------------------------

    def _run(self) -> None:
        """The kernel's side, every 50 ms; it goes on while PostgreSQL is slow to answer."""
        previous = self._scan()
        next_scan = time.monotonic() + SCAN_S
        wake_at = time.monotonic()
        while not self._stop.is_set():
            now = time.monotonic()
            # How late this thread woke: the machine's scheduling delay, as cyclictest measures it.
            self.lateness.append((now, max(0.0, now - wake_at)))
            self.psi.append((now, _psi()))
            self.states.append((now, self._process_states()))
            if now >= next_scan:
                current = self._scan()
                self.cpu.append(_cpu_delta(previous, current))
                previous = current
                next_scan = now + SCAN_S
            if not self.spread and self.port and now >= self.started + self.duration / 2:
                self.spread = connection_spread(self.port, self.workers)
            pause = max(0.0, TICK_S - (time.monotonic() - now))
            wake_at = time.monotonic() + pause
            self._stop.wait(pause)

    def _run_pg(self) -> None:
        """PostgreSQL's side, every 50 ms: pg_stat_activity, and how long that query took."""
        try:
            conn = psycopg2.connect(self.dsn, application_name="personalmem-bench-probe")
            conn.autocommit = True
        except psycopg2.Error as exc:
            self.errors.append(f"pg_stat_activity not sampled: {exc}")
            return
        try:
            while not self._stop.is_set():
                now = time.monotonic()
                self._sample_activity(conn, now)
                # A trivial query's round trip: how responsive PostgreSQL itself was.
                self.query_time.append((now, time.monotonic() - now))
                self._stop.wait(max(0.0, TICK_S - (time.monotonic() - now)))
        finally:
            conn.close()

    def _process_states(self) -> Counter[str]:
        """State and kernel wait channel of the workers and of our PostgreSQL processes."""
        counts: Counter[str] = Counter()
        for pid in [*self.workers, *self.pg_pids]:
            stat = _read(f"/proc/{pid}/stat")
            if not stat:
                continue
            state = stat[stat.rindex(")") + 2]
            if state == "S" or state == "D":
                wchan = _read(f"/proc/{pid}/wchan") or "?"
                kind = "worker" if pid in self.workers else "postgres"
                counts[f"{kind}:{state}:{wchan}"] += 1
            else:
                counts[f"{'worker' if pid in self.workers else 'postgres'}:{state}"] += 1
        return counts

    def _sample_activity(self, conn, now: float) -> None:
        counts: Counter[str] = Counter()
        try:
            with conn.cursor() as cur:
                cur.execute(
                    "SELECT pid, backend_type, state, wait_event_type, wait_event, datname, left(query, 80) "
                    "FROM pg_stat_activity WHERE pid <> pg_backend_pid()"
                )
                rows = cur.fetchall()
        except psycopg2.Error as exc:
            self.errors.append(str(exc).strip())
            return
        self.db_pids = {row[0] for row in rows if row[1] == "client backend" and row[5] == self.dbname}
        for _, backend_type, state, wait_type, wait_event, datname, query in rows:
            if backend_type == "client backend":
                if state != "active" or datname != self.dbname:
                    continue
                counts[f"backend:{wait_type or 'CPU'}:{wait_event or '-'}"] += 1
            elif wait_event not in IDLE_BACKGROUND_WAITS:
                counts[f"{backend_type}:{wait_type or 'CPU'}:{wait_event or '-'}"] += 1
                if backend_type == "autovacuum worker" and query:
                    self.autovacuum.add(query)
        self.activity.append((now, counts))

    def _scan(self) -> dict:
        table = _proc_table()
        own: set[int] = set(self.db_pids)  # our backends on a server we share
        for root in self.own_roots():
            own |= descendants(root, table)
        self.pg_pids = sorted(pid for pid in own if pid in self.db_pids or table.get(pid, ("",))[0] == "postgres")
        return {
            "t": time.monotonic(),
            "table": table,
            "own": own,
            "sched": {pid: _schedstat(pid) for pid in self.workers},
            "pg_sched": {pid: _schedstat(pid) for pid in self.pg_pids},
            "load": float(_read("/proc/loadavg").split()[0] or 0),
            "tcp": tcp_counters(),
            "steal": _cpu_steal(),
        }

    # -- the summary --------------------------------------------------------------------

    def summary(self, stalled: set[int]) -> dict:
        """Per 1-second window of the line, and the line as a whole."""
        n = max(1, round(self.duration))
        windows = [
            {
                "second": i,
                "waits": Counter(),
                "samples": 0,
                "psi_ms": {"cpu": 0.0, "io": 0.0, "memory": 0.0},
                "own_cpu": 0.0,
                "other_cpu": 0.0,
                "majflt_workers": 0,
                "runqueue_wait_ms_workers": 0.0,
                "probe_late_max_ms": 0.0,
                "cpu_late_max_ms": {},
                "states": Counter(),
                "state_samples": 0,
                "steal_ms": 0.0,
                "pg_runqueue_wait_max_ms": 0.0,
                "pg_query_max_ms": 0.0,
                "load": None,
                "tcp": Counter(),
                "top_others": Counter(),
                "_psi_s": 0.0,
                "_cpu_s": 0.0,
            }
            for i in range(n)
        ]

        def window(t: float) -> dict | None:
            index = int(t - self.started)
            return windows[index] if 0 <= index < n else None

        for t, counts in self.activity:
            w = window(t)
            if w is not None:
                w["waits"].update(counts)
                w["samples"] += 1
        for t, counts in self.states:
            w = window(t)
            if w is not None:
                w["states"].update(counts)
                w["state_samples"] += 1
        for t, late in self.lateness:
            w = window(t)
            if w is not None:
                w["probe_late_max_ms"] = max(w["probe_late_max_ms"], late * 1000)
        for canary in self.canaries:
            for t, late in canary.late:
                w = window(t)
                if w is not None:
                    key = f"cpu{canary.cpu}"
                    w["cpu_late_max_ms"][key] = max(w["cpu_late_max_ms"].get(key, 0.0), round(late * 1000, 1))
        for t, took in self.query_time:
            w = window(t)
            if w is not None:
                w["pg_query_max_ms"] = max(w["pg_query_max_ms"], took * 1000)
        for (t0, a), (t1, b) in zip(self.psi, self.psi[1:], strict=False):
            w = window((t0 + t1) / 2)
            if w is not None:
                w["_psi_s"] += t1 - t0
                for key in w["psi_ms"]:
                    w["psi_ms"][key] += (b[key] - a[key]) / 1000
        for sample in self.cpu:
            w = window(sample["mid"])
            if w is not None:
                span = sample["seconds"]
                w["_cpu_s"] += span
                w["own_cpu"] += sample["own"] * span
                w["other_cpu"] += sample["other"] * span
                w["majflt_workers"] += sample["majflt_workers"]
                w["steal_ms"] += sample["steal_ms"]
                w["pg_runqueue_wait_max_ms"] = max(w["pg_runqueue_wait_max_ms"], sample["pg_runqueue_wait_max_ms"])
                w["runqueue_wait_ms_workers"] += sample["runqueue_wait_ms_workers"]
                w["load"] = sample["load"]
                w["tcp"].update(sample["tcp"])
                w["top_others"].update({name: p * span for name, p in sample["top_others"]})
        for w in windows:
            w["states"] = dict(w["states"].most_common(8))
            # Rates per second of the window, whatever the spacing of the samples that fell in it.
            psi_s, cpu_s = w.pop("_psi_s"), w.pop("_cpu_s")
            w["psi_ms"] = {k: round(v / psi_s, 1) if psi_s else float("nan") for k, v in w["psi_ms"].items()}
            for key in ("own_cpu", "other_cpu"):
                w[key] = round(w[key] / cpu_s, 1) if cpu_s else float("nan")
            w["runqueue_wait_ms_workers"] = round(w["runqueue_wait_ms_workers"] / cpu_s, 1) if cpu_s else float("nan")
            w["tcp"] = {k: v for k, v in w["tcp"].items() if v}
            w["top_others"] = [(k, round(v / cpu_s, 1)) for k, v in w["top_others"].most_common(3)] if cpu_s else []
        for w in windows:
            w["waits"] = dict(w["waits"].most_common(6))
        others: Counter[str] = Counter()
        for sample in self.cpu:
            if self.started <= sample["mid"] < self.started + self.duration:
                others.update(dict(sample["top_others"]))
        inside = [s for s in self.cpu if self.started <= s["mid"] < self.started + self.duration]
        total_waits: Counter[str] = Counter()
        tcp: Counter[str] = Counter()
        for w in windows:
            total_waits.update(w["waits"])
            tcp.update(w.get("tcp", {}))
        return {
            "windows": windows,
            "connections_per_worker": list(self.spread.values()),
            "autovacuum_seen": sorted(self.autovacuum),
            "waits": dict(total_waits.most_common(8)),
            "activity_samples": sum(w["samples"] for w in windows),
            "load_avg": [s["load"] for s in inside],
            "other_cpu_mean": _mean([s["other"] for s in inside]),
            "own_cpu_mean": _mean([s["own"] for s in inside]),
            "top_others": [(name, round(ticks / max(1, len(inside)), 1)) for name, ticks in others.most_common(4)],
            "tcp": dict(tcp),
            "stalled": _compare(windows, stalled),
            "errors": self.errors[:5],
        }


def _mean(values: list[float]) -> float:
    values = [v for v in values if v == v]  # NaN (no sample in that window) left out
    return sum(values) / len(values) if values else float("nan")


def _compare(windows: list[dict], stalled: set[int]) -> dict:
    """Mean of each machine figure in stalled windows against the others."""
    out = {}
    for label, chosen in (("stalled", [w for w in windows if w["second"] in stalled]),
                          ("clean", [w for w in windows if w["second"] not in stalled])):  # fmt: skip
        out[label] = {
            "windows": len(chosen),
            "other_cpu": _mean([w["other_cpu"] for w in chosen]),
            "psi_cpu_ms": _mean([w["psi_ms"]["cpu"] for w in chosen]),
            "psi_io_ms": _mean([w["psi_ms"]["io"] for w in chosen]),
            "runqueue_wait_ms_workers": _mean([w["runqueue_wait_ms_workers"] for w in chosen]),
            "probe_late_max_ms": max((w["probe_late_max_ms"] for w in chosen), default=float("nan")),
            "pg_query_max_ms": max((w["pg_query_max_ms"] for w in chosen), default=float("nan")),
            "cpu_late_max_ms": max((v for w in chosen for v in w["cpu_late_max_ms"].values()), default=0.0),
            "steal_ms": sum(w["steal_ms"] for w in chosen),
            "pg_runqueue_wait_max_ms": max((w["pg_runqueue_wait_max_ms"] for w in chosen), default=0.0),
            "majflt_workers": sum(w["majflt_workers"] for w in chosen),
            "tcp_retransmits": sum(w.get("tcp", {}).get("RetransSegs", 0) for w in chosen),
        }
    return out


def _cpu_delta(a: dict, b: dict) -> dict:
    """CPU used between two scans, in % of one core, by our processes and by the others."""
    seconds = max(1e-6, b["t"] - a["t"])
    own = other = 0.0
    by_name: Counter[str] = Counter()
    for pid, (comm, _, ticks, _) in b["table"].items():
        before = a["table"].get(pid)
        # Kernel workers rename themselves as they move between queues: keyed by pid alone.
        used = ticks - (before[2] if before else 0)
        if used <= 0:
            continue
        percent = 100 * used / CLOCK_TICKS / seconds
        if pid in b["own"]:
            own += percent
        else:
            other += percent
            by_name[comm.split("-", 1)[0] if comm.startswith("kworker") else comm] += percent
    majflt = sum(
        b["table"][pid][3] - a["table"][pid][3] for pid in b["sched"] if pid in a["table"] and pid in b["table"]
    )
    waited = sum(b["sched"][pid][1] - a["sched"].get(pid, (0, 0, 0))[1] for pid in b["sched"]) / 1e6
    return {
        "mid": (a["t"] + b["t"]) / 2,
        "seconds": seconds,
        "own": own,
        "other": other,
        "top_others": [(name, round(p, 1)) for name, p in by_name.most_common(4)],
        "majflt_workers": majflt,
        "runqueue_wait_ms_workers": waited,
        "load": b["load"],
        "tcp": {name: b["tcp"][name] - a["tcp"].get(name, 0) for name in b["tcp"]},
        # The longest any one PostgreSQL process of ours sat runnable but not running.
        "pg_runqueue_wait_max_ms": max(
            ((b["pg_sched"][pid][1] - a["pg_sched"][pid][1]) / 1e6 for pid in b["pg_sched"] if pid in a["pg_sched"]),
            default=0.0,
        ),
        "steal_ms": sum(b["steal"][c] - a["steal"].get(c, 0) for c in b["steal"]) * 1000 / CLOCK_TICKS,
    }


# -- PostgreSQL's own counters, before and after a line ---------------------------------

COUNTER_QUERIES = {
    # PostgreSQL 17 moved the checkpoint counters to pg_stat_checkpointer.
    "checkpoints": [
        "SELECT num_timed + num_requested FROM pg_stat_checkpointer",
        "SELECT checkpoints_timed + checkpoints_req FROM pg_stat_bgwriter",
    ],
    "autovacuum_count": ["SELECT coalesce(sum(autovacuum_count), 0) FROM pg_stat_user_tables"],
    "autoanalyze_count": ["SELECT coalesce(sum(autoanalyze_count), 0) FROM pg_stat_user_tables"],
    "rows_updated": ["SELECT coalesce(sum(n_tup_upd + n_tup_ins), 0) FROM pg_stat_user_tables"],
    "blks_read": ["SELECT blks_read FROM pg_stat_database WHERE datname = current_database()"],
    "blks_hit": ["SELECT blks_hit FROM pg_stat_database WHERE datname = current_database()"],
    # pg_stat_io (PostgreSQL 16+): reads that missed shared buffers, for client backends.
    "io_reads": ["SELECT coalesce(sum(reads), 0) FROM pg_stat_io WHERE backend_type = 'client backend'"],
    "io_read_ms": ["SELECT coalesce(sum(read_time), 0) FROM pg_stat_io WHERE backend_type = 'client backend'"],
    "io_writes_all": ["SELECT coalesce(sum(writes), 0) FROM pg_stat_io"],
    "io_fsyncs_all": ["SELECT coalesce(sum(fsyncs), 0) FROM pg_stat_io"],
}


def server_counters(dsn: str) -> dict[str, float]:
    """Cumulative counters; a line's figure is the difference of two calls."""
    out: dict[str, float] = {}
    conn = psycopg2.connect(dsn, application_name="personalmem-bench-probe")
    conn.autocommit = True
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT pg_stat_clear_snapshot()")
            for name, queries in COUNTER_QUERIES.items():
                for query in queries:
                    try:
                        cur.execute(query)
                        out[name] = float(cur.fetchone()[0] or 0)
                        break
                    except psycopg2.Error:
                        continue
    finally:
        conn.close()
    return out


def counter_delta(before: dict[str, float], after: dict[str, float]) -> dict[str, float]:
    return {name: after[name] - before[name] for name in after if name in before}


class ServerLog:
    """The part of the embedded server's log written since mark(): checkpoints, autovacuum."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._offset = 0

    def mark(self) -> None:
        self._offset = self.path.stat().st_size if self.path and self.path.exists() else 0

    def since_mark(self) -> list[str]:
        if not self.path or not self.path.exists():
            return []
        with open(self.path, errors="replace") as handle:
            handle.seek(self._offset)
            text = handle.read()
        keep = ("checkpoint", "automatic vacuum", "automatic analyze")
        return [line.strip() for line in text.splitlines() if any(k in line for k in keep)]
