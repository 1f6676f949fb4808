"""The rule-based extractor's speed on one core: messages per second over the eval set,
and the time for one message of a few KB.

    .venv/bin/python bench/extractor_speed.py
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from guards import admit_events, redact, screen_events
from rules_extractor import RuleExtractor

DATA = Path(__file__).resolve().parents[2] / "shared" / "eval" / "external_dev.jsonl"
FALLBACK = ["My name is Alice. I'm a software engineer.", "I love Python and JavaScript.", "Write a haiku about rain."]


def measure(messages: list[str], rounds: int) -> float:
    extractor = RuleExtractor()
    started = time.perf_counter()
    for _ in range(rounds):
        for message in messages:
            screen_events(extractor.extract_events(redact(message), {}), message)
    return rounds * len(messages) / (time.perf_counter() - started)


def cpu_p95(message: str, rounds: int) -> float:
    """p95 CPU seconds (time.process_time, so other load on the machine does not count) for one
    message through every gate: redact, extractor, admit_events."""
    extractor = RuleExtractor()
    times = []
    for _ in range(rounds):
        started = time.process_time()
        admit_events(extractor.extract_events(redact(message), {}), message=message)
        times.append(time.process_time() - started)
    times.sort()
    return times[int(len(times) * 0.95)]


def main() -> int:
    if DATA.exists():
        messages = [json.loads(line)["message"] for line in DATA.read_text().splitlines() if line.strip()]
    else:
        messages = FALLBACK
    rate = measure(messages, rounds=5)
    print(f"rules extractor (with privacy gate): {rate:,.0f} messages/s on one core over {len(messages)} messages")
    print(f"mean time per message: {1000 / rate:.3f} ms")
    if DATA.exists():
        rows = [json.loads(line) for line in DATA.read_text().splitlines() if line.strip()]
        shapes = {
            "task text (requests with pasted input)": [r["message"] for r in rows if not r["expected"]],
            "mixed (tasks and chat)": [r["message"] for r in rows],
            "dense first-person chat (~110 clauses, ~80 facts)": [r["message"] for r in rows if r["expected"]],
        }
    else:
        shapes = {"fallback": messages}
    for name, texts in shapes.items():
        big = " ".join(texts)[:4096]
        per_call = 1 / measure([big], rounds=100)
        print(f"one {len(big):,}-character message, {name}: {per_call * 1000:.3f} ms")
        print(f"  CPU-time p95 with every gate (redact, extractor, admit_events): {cpu_p95(big, 200) * 1000:.3f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
