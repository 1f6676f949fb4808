"""Saved runs and bench/RESULTS.md, which is generated from them.

Every run of bench/bench.py writes bench/runs/<time>/run.json (and its report and probe
data) into a folder git ignores. `bench.py --record` (or `--regenerate`, which runs
nothing) rewrites RESULTS.md: the newest full run's report, then a table of every saved
full run, so that no figure in it is typed by hand.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

# Runs with other settings (the smoke test's 1-second lines, BENCH_DURATION=3 while
# developing) are kept in bench/runs but left out of the table.
FULL_RUN = {"duration_s": 15, "users": 100_000, "connections": 32}
TARGETS = [
    ("reads_p99_ms", "read p99 ms"),
    ("reads_p99_ms_without_stalled_windows", "read p99 ms w/o stalled s"),
    ("reads_over_pgbench_read", "reads/pgbench"),
    ("reads_over_health", "reads/health"),
    ("llm_p50_over_rules_p50", "LLM p50/rules p50"),
    ("writes_over_pgbench_rmw", "writes/RMW"),
]


def load_runs(runs_dir: Path) -> list[dict]:
    runs = []
    for path in sorted(runs_dir.glob("*/run.json")):
        try:
            runs.append(json.loads(path.read_text()))
        except (OSError, ValueError):
            continue
    return runs


def is_full(run: dict) -> bool:
    return all(run.get("settings", {}).get(key) == value for key, value in FULL_RUN.items())


def _cell(run: dict, name: str) -> str:
    ratio = run.get("ratios", {}).get(name)
    if ratio is None or ratio["value"] is None or math.isnan(ratio["value"]):
        return "-"
    value = ratio["value"]
    text = f"{value:.1f}" if ratio["target"] >= 10 else f"{value:.3f}"
    return text if ratio["met"] else f"**{text}** ✗"


def history_table(runs: list[dict]) -> tuple[str, list[dict]]:
    full = [run for run in runs if is_full(run)]
    header = (
        "| run (UTC) | " + " | ".join(label for _, label in TARGETS) + " | stalled read s | load avg | others' CPU |"
    )
    lines = [header, "|" + "---|" * (len(TARGETS) + 4)]
    for run in full:
        machine = run.get("machine_during_reads", {})
        stalled = run.get("stalls", {})
        lines.append(
            f"| {run['id']} | "
            + " | ".join(_cell(run, name) for name, _ in TARGETS)
            + f" | {stalled.get('stalled_windows', '-')}/{stalled.get('windows', '-')}"
            + f" | {machine.get('load_avg', float('nan')):.1f} | {machine.get('other_cpu', float('nan')):.0f}% |"
        )
    return "\n".join(lines), full


def consecutive_p99(full: list[dict], target: float = 50.0, count: int = 5) -> str:
    last = full[-count:]
    if len(last) < count:
        return f"Fewer than {count} full runs are saved ({len(last)}): the {count}-run p99 target is not shown as met."
    met = [r["ratios"]["reads_p99_ms"]["value"] <= target for r in last]
    values = ", ".join(f"{r['ratios']['reads_p99_ms']['value']:.1f}" for r in last)
    verdict = "met" if all(met) else "NOT met"
    return f"Read p99 ≤ {target:g} ms in each of the last {count} full runs: {verdict} ({values} ms)."


READ_LINES = ("health", "memories", "context", "memories_small")


def _median(values: list[float]) -> float:
    values = sorted(v for v in values if v == v)
    return values[len(values) // 2] if values else float("nan")


def stall_evidence(full: list[dict]) -> str:
    """The read lines' 1-second windows of every saved full run, grouped by their slowest request.

    schedstat adds a wait to a process when it finally runs, so a window is set beside the
    longest run-queue wait of any one of our PostgreSQL processes in it or in the next one.
    """
    groups: dict[str, list[tuple[float, float, float]]] = {"≤ 100 ms": [], "100-500 ms": [], "> 500 ms": []}
    events = 0.0
    for run in full:
        for key in READ_LINES:
            figure = run.get("figures", {}).get(key)
            if not figure or "probe" not in figure:
                continue
            server = figure.get("server", {})
            events += sum(server.get(name, 0) for name in ("checkpoints", "autovacuum_count", "autoanalyze_count"))
            slowest = {w["second"]: w["max_ms"] for w in figure["stalls"]["per_window"]}
            windows = figure["probe"]["windows"]
            for i, w in enumerate(windows):
                after = windows[i + 1] if i + 1 < len(windows) else w
                wait = max(w.get("pg_runqueue_wait_max_ms", 0), after.get("pg_runqueue_wait_max_ms", 0))
                worst = slowest.get(w["second"], float("nan"))
                label = "≤ 100 ms" if worst <= 100 else "100-500 ms" if worst <= 500 else "> 500 ms"
                groups[label].append((wait, w.get("other_cpu", float("nan")), w.get("steal_ms", 0.0)))
    lines = [
        "| slowest request in the window | windows | longest wait of one PostgreSQL process, median | "
        "share with a wait ≥ 1 s | others' CPU, median | CPU steal ms |",
        "|---|---|---|---|---|---|",
    ]
    for label, rows in groups.items():
        if not rows:
            continue
        over = sum(1 for wait, _, _ in rows if wait >= 1000)
        lines.append(
            f"| {label} | {len(rows)} | {_median([r[0] for r in rows]):.0f} ms | {over}/{len(rows)} "
            f"| {_median([r[1] for r in rows]):.0f}% | {sum(r[2] for r in rows):.0f} |"
        )
    lines.append(
        f"\nCheckpoints, autovacuums and autoanalyzes during these read lines: {events:.0f}. "
        "The wait is the process's schedstat run-queue time: runnable, not on a CPU."
    )
    return "\n".join(lines)


def render_results(runs: list[dict], latest: dict) -> str:
    table, full = history_table(runs)
    settings = latest["settings"]
    machine = latest["machine"]
    head = (
        "# Benchmark results\n\n"
        "Generated by `./bench/run.sh --record` from the runs saved in bench/runs/ (not kept in git);\n"
        "do not edit by hand.\n\n"
        f"- Run: {latest['id']} UTC\n"
        f"- Machine: {machine['cores']} cores, {machine['platform']}\n"
        f"- Versions: {machine['versions']}\n"
        f"- Database: {settings['database']}; load generator: {settings['loadgen']}; "
        f"{settings['duration_s']}s a line after {settings['warmup_s']}s warm-up, "
        f"{settings['connections']} connections, {settings['workers']} uvicorn workers\n"
    )
    return (
        f"{head}\n```\n{latest['report']}\n```\n\n"
        "## Every saved full run\n\n"
        f"Full runs only ({FULL_RUN['duration_s']} s lines, {FULL_RUN['users']:,} users, "
        f'{FULL_RUN["connections"]} connections); ✗ marks a missed target. "Stalled read s" counts the '
        "1-second windows of the two 100,000-user read lines in which a request took over 100 ms; "
        "load average and others' CPU (% of one core, processes that are not the benchmark's) "
        "are the means over those lines.\n\n"
        f"{table}\n\n{consecutive_p99(full)}\n\n"
        "## The read tail, window by window\n\n"
        "Every 1-second window of the four read lines (health, reads at 100,000 and 1,000 users) of the "
        "full runs above, grouped by the slowest request sent in it (bench/probes.py; README, Performance).\n\n"
        f"{stall_evidence(full)}\n"
    )
