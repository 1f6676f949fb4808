"""The service's LLM path against a real local model server: llama.cpp with SmolLM2-135M.

    ./bench/local_llm.sh        (installs what it needs, then runs this)

It starts llama.cpp's server (tests/llama_server.py), a recording proxy in front of it
(which times each model call), and the service under uvicorn pointed at the proxy, with the
default LLM settings. Then it sends a few dozen messages of its own, one at a time, and
prints: latency per message (p50, p95, max), tokens per message, the share of 502s by
cause, and the model's time beside the service's own overhead (service time minus model
time). A 135M model answers fast and badly: these figures describe the wiring and the
limits, never extraction quality.
"""

from __future__ import annotations

import os
import re
import signal
import sys
import tempfile
import time
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from config import DEFAULT_LLM_MAX_TOKENS
from tests.fake_llm import FakeLLM, Forwarder, SeenRequest
from tests.live_server import LiveServer
from tests.llama_server import LlamaServer

TIMEOUT_S = 30.0

# A 20-field profile (the prompt-size figure is taken with it), set through PUT.
PROFILE_20 = {
    "name": "Ruth Okafor",
    "role": "structural engineer",
    "location": "Accra",
    "age": 41,
    "employer": "Arup",
    "likes": ["highlife music", "mangoes", "long walks"],
    "dislikes": ["traffic", "cold showers"],
    "skills": ["AutoCAD", "Python", "sewing"],
    "goals": ["learn to sail"],
    "interests": ["bridges", "birdwatching"],
    "languages": ["English", "Twi", "French"],
    "family": ["husband Kofi", "daughter Ama"],
    "pets": ["parrot Bisi"],
    "education": ["civil engineering at KNUST"],
    "favorite_team": "Hearts of Oak",
    "diet": "pescatarian",
    "instrument": "talking drum",
    "hometown": "Kumasi",
    "car": "old Land Cruiser",
    "favorite_book": "Things Fall Apart",
}

# Our own sentences: facts, changes, questions, tasks, pleasantries, secrets, long ones.
MESSAGES = [
    "Hello there!",
    "I'm Devika and I teach chemistry at a high school in Pune.",
    "I moved to Nairobi last spring, so I'm not in Pune anymore.",
    "I used to play squash but I quit after my knee surgery.",
    "These days I work as a data engineer at a logistics startup.",
    "Can you explain how a heat pump works?",
    "My partner Lena and I adopted a greyhound called Pepper.",
    "I speak Hindi, Marathi and a bit of Swahili.",
    "Honestly I can't stand horror films.",
    "Thanks, that was helpful!",
    "I've started learning the violin and I'd like to play in an orchestra one day.",
    "Write a haiku about the monsoon.",
    "I don't like coffee anymore; green tea is my thing now.",
    "My password is Violet-Anchor-19, please keep it safe.",
    "I studied marine biology at the University of Cape Town.",
    "Call me Dev from now on.",
    "I'm a huge fan of Arsenal and never miss a match.",
    "I'm tired today, long week.",
    "My card number is 4012 8888 8888 1881 if you need it.",
    "I run a small pottery studio on weekends and sell bowls at the market.",
    "We're thinking about a trip to Portugal next month.",
    "My brother loves chess but I find it boring.",
    "I've been vegetarian for ten years.",
    "ok",
    "What's the capital of Mongolia?",
    "I no longer work at the logistics startup; I joined a bank as a risk analyst.",
    "Climbing, cycling and baking bread are the things I enjoy most.",
    "I grew up in Goa and still miss the beaches. " * 6,
    "I'm 38 and I want to run a marathon before I turn 40.",
    "Forget that I like squash.",
]
TWENTY_FIELD_MESSAGE = "I just got promoted to lead engineer, and I've taken up pottery."


class TimedForwarder(Forwarder):
    """The recording proxy, also timing each model call (request in, answer out)."""

    def __init__(self, upstream_base_url: str) -> None:
        super().__init__(upstream_base_url, timeout_s=TIMEOUT_S + 1)
        self.seconds: dict[int, float] = {}

    def _forward(self, seen: SeenRequest) -> tuple[int, bytes]:
        started = time.perf_counter()
        try:
            return super()._forward(seen)
        finally:
            self.seconds[id(seen)] = time.perf_counter() - started


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def cause_of(detail: str) -> str:
    if "cut off at LLM_MAX_TOKENS" in detail:
        return "answer cut off at max_tokens, twice"
    if "did not answer within" in detail:
        return "timeout (LLM_TIMEOUT_S)"
    if "does not match the schema" in detail:
        return "JSON not in our shape, twice"
    if "invalid output twice" in detail:
        return "invalid output twice: " + re.sub(r"\(.*", "", detail.split(": ", 1)[1]).strip()
    return detail


def database_env(data_dir: str) -> dict[str, str]:
    """The database the service would use: DATABASE_URL or POSTGRES_* when set, else embedded."""
    if os.environ.get("DATABASE_URL"):
        return {"DATABASE_URL": os.environ["DATABASE_URL"]}
    if os.environ.get("POSTGRES_HOST"):
        return {k: v for k, v in os.environ.items() if k.startswith("POSTGRES_")}
    return {"PERSONALMEM_DATA_DIR": data_dir}


def main() -> int:
    # A SIGTERM (timeout, Ctrl-C from a wrapper) still stops the servers this run started.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    work = tempfile.mkdtemp(prefix="local_llm_bench_")
    print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (other work skews every figure)")
    started = time.perf_counter()
    llama = LlamaServer(log_dir=Path(work)).wait_ready()
    print(f"llama.cpp server ready in {time.perf_counter() - started:.1f} s (SmolLM2-135M-Instruct Q4_1, 2 threads)")
    forwarder = TimedForwarder(llama.base_url)
    proxy = FakeLLM().start()
    proxy.responder = forwarder
    env = {
        "LLM_PROVIDER": "openai",
        "OPENAI_API_KEY": "local-no-key",
        "OPENAI_BASE_URL": proxy.openai_base_url,
        "OPENAI_MODEL": "smollm2-135m",
        "LLM_TIMEOUT_S": f"{TIMEOUT_S:g}",
        "PERSONALMEM_DATA_DIR": work,
        **database_env(work),
    }
    service = LiveServer(env, log_dir=Path(work))
    rows: list[dict[str, Any]] = []
    try:
        service.wait_ready()
        with httpx.Client(base_url=service.url, timeout=TIMEOUT_S + 30) as client:
            user = f"bench_{uuid.uuid4().hex[:8]}"
            for message in MESSAGES:
                rows.append(send(client, proxy, forwarder, user, message))
            rich = f"bench_{uuid.uuid4().hex[:8]}"
            for field, value in PROFILE_20.items():
                client.put(f"/users/{rich}/memories/{field}", json={"value": value}).raise_for_status()
            twenty = send(client, proxy, forwarder, rich, TWENTY_FIELD_MESSAGE)
            rows.append(twenty)
            # Counted by the server's own template and tokenizer, whether or not it answered in time.
            twenty["template_tokens"] = prompt_tokens(llama.url, proxy.requests[-1].body["messages"])
            client.delete(f"/users/{user}/memories")
            client.delete(f"/users/{rich}/memories")
    finally:
        service.stop()
        proxy.stop()
        llama.stop()
    report(rows, twenty)
    print(f"load average after: {os.getloadavg()[0]:.1f}")
    return 0


def prompt_tokens(server_url: str, messages: list[dict[str, str]]) -> int:
    prompt = httpx.post(server_url + "/apply-template", json={"messages": messages}, timeout=60).json()["prompt"]
    return len(httpx.post(server_url + "/tokenize", json={"content": prompt}, timeout=60).json()["tokens"])


def send(client: httpx.Client, proxy: FakeLLM, forwarder: TimedForwarder, user: str, message: str) -> dict[str, Any]:
    before = len(proxy.requests)
    answered = len(forwarder.answers)
    t0 = time.perf_counter()
    response = client.post("/messages", json={"user_id": user, "message": message})
    elapsed = time.perf_counter() - t0
    forwarder.wait_idle(timeout_s=TIMEOUT_S + 10)
    answers = forwarder.answers[answered:]
    bodies = [body or {} for _, _, body in answers]
    return {
        "status": response.status_code,
        "detail": response.json().get("detail", "") if response.status_code != 200 else "",
        "seconds": elapsed,
        "calls": len(proxy.requests) - before,
        "model_seconds": sum(forwarder.seconds.get(id(seen), 0.0) for seen, _, _ in answers),
        "prompt_tokens": sum(b.get("usage", {}).get("prompt_tokens", 0) for b in bodies),
        "completion_tokens": sum(b.get("usage", {}).get("completion_tokens", 0) for b in bodies),
        # Every call answered by the model (none cut short by the service's timeout).
        "complete": bool(answers) and all(status == 200 for _, status, _ in answers),
        "cut_off": sum(1 for b in bodies if (b.get("choices") or [{}])[0].get("finish_reason") == "length"),
    }


def report(rows: list[dict[str, Any]], twenty: dict[str, Any]) -> None:
    called = [r for r in rows if r["calls"]]
    gated = [r for r in rows if not r["calls"]]
    statuses = Counter(r["status"] for r in rows)
    print(f"\nmessages: {len(rows)} ({len(called)} called the model, {len(gated)} gated with no call)")
    print(f"statuses: {dict(sorted(statuses.items()))}   (500s: {statuses.get(500, 0)})")
    print(f"settings: LLM_MAX_TOKENS={DEFAULT_LLM_MAX_TOKENS} (default), LLM_TIMEOUT_S={TIMEOUT_S:g}")

    def line(label: str, values: list[float], unit: str = "s", fmt: str = "{:.2f}") -> None:
        if not values:
            print(f"  {label:<34} -")
            return
        cells = [fmt.format(pct(values, 0.5)), fmt.format(pct(values, 0.95)), fmt.format(max(values))]
        print(f"  {label:<34} p50 {cells[0]:>7} {unit}  p95 {cells[1]:>7} {unit}  max {cells[2]:>7} {unit}")

    answered = [r for r in called if r["complete"]]
    print(f"\nper message that called the model ({len(called)}):")
    line("service (POST /messages)", [r["seconds"] for r in called])
    line("model calls", [float(r["calls"]) for r in called], "", "{:.0f}")
    print(f"per message whose model calls all answered in time ({len(answered)}):")
    line("service (POST /messages)", [r["seconds"] for r in answered])
    line("model (proxy round trip)", [r["model_seconds"] for r in answered])
    line("service overhead (service - model)", [r["seconds"] - r["model_seconds"] for r in answered])
    line("prompt tokens (all calls)", [float(r["prompt_tokens"]) for r in answered], "", "{:.0f}")
    line("completion tokens (all calls)", [float(r["completion_tokens"]) for r in answered], "", "{:.0f}")
    print("per message gated by the cost gate (no model call):")
    line("service (POST /messages)", [r["seconds"] * 1000 for r in gated], "ms", "{:.1f}")

    print(f"\nprompt tokens with a 20-field profile: {twenty.get('template_tokens')} (target <= 1,200)")
    cut = sum(r["cut_off"] for r in called)
    print(f"answers cut off at max_tokens: {cut} of {sum(r['calls'] for r in called)} calls")
    failed = [r for r in rows if r["status"] == 502]
    print(f"\n502s: {len(failed)} of {len(called)} messages that called the model ({share(len(failed), len(called))})")
    for cause, count in Counter(cause_of(r["detail"]) for r in failed).most_common():
        print(f"  {share(count, len(called)):>6}  {cause}")
    slowest = max((r["seconds"] for r in rows), default=0.0)
    verdict = "within" if slowest <= TIMEOUT_S + 1 else "OVER"
    print(f"\nslowest request: {slowest:.2f} s ({verdict} LLM_TIMEOUT_S + 1 s = {TIMEOUT_S + 1:g} s)")


def share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "-"


if __name__ == "__main__":
    sys.exit(main())
