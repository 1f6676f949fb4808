"""No message up to 16 KB may hold the event loop for long: redaction, the cost gate and the
rule extractor stay within a CPU budget on every shape, hand-made or generated.

CPU time (time.process_time), not wall time, so a busy machine cannot fail this. The budget
is generous (the benchmark's target is 50 ms; bench/extractor_speed.py prints the figures):
what this catches is super-linear work, which takes seconds on 16 KB, not milliseconds.
"""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.extractor_speed import ADVERSARIAL_SHAPES, pipeline
from domain import DEFAULT_MAX_MESSAGE_CHARS
from rules_extractor import RuleExtractor

BUDGET_S = 0.25
EXTRACTOR = RuleExtractor()

# Pieces a message is built from: the words the rules and gates key on, separators,
# digits and symbols their patterns count, and text outside ASCII.
ATOMS = [
    "I",
    "I'm",
    "I am",
    "my",
    "me",
    "name",
    "is",
    "like",
    "love",
    "hate",
    "don't",
    "not",
    "no",
    "never",
    "and",
    "or",
    "but",
    "live",
    "in",
    "from",
    "work",
    "as",
    "at",
    "a",
    "the",
    "speak",
    "remember",
    "that",
    "password",
    "pin",
    "card",
    "4111",
    "1111",
    "123-45-6789",
    "DE89",
    "sk_live_",
    "ghp_",
    "@",
    ".",
    ",",
    ";",
    ":",
    "!",
    "?",
    "'",
    '"',
    "(",
    ")",
    "-",
    "_",
    "/",
    "http://",
    "```",
    "    ",
    "\t",
    "\n",
    "\r\n",
    " ",
    "  ",
    "é",
    "\u0301",
    "❤️",
    "\u200d",
    "\u05d0",
    "我",
    "Xy",
    "aaaaaaaa",
    "0",
    "9",
]


def cpu_seconds(message: str) -> float:
    started = time.process_time()
    pipeline(message, EXTRACTOR)
    return time.process_time() - started


@pytest.mark.parametrize("shape", list(ADVERSARIAL_SHAPES))
def test_every_adversarial_shape_stays_within_the_budget(shape: str) -> None:
    message = ADVERSARIAL_SHAPES[shape]
    assert len(message) == DEFAULT_MAX_MESSAGE_CHARS
    assert cpu_seconds(message) < BUDGET_S, shape


@settings(
    max_examples=120,
    deadline=None,
    derandomize=True,  # the same examples every run: a failure is reproducible, never flaky
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    unit=st.lists(st.sampled_from(ATOMS), min_size=1, max_size=12).map(" ".join) | st.text(min_size=1, max_size=40),
    head=st.lists(st.sampled_from(ATOMS), max_size=8).map(" ".join),
    size=st.integers(min_value=1, max_value=DEFAULT_MAX_MESSAGE_CHARS),
)
def test_generated_messages_stay_within_the_budget(unit: str, head: str, size: int) -> None:
    # A short unit repeated to the size: periodic text is what sends a backtracking regex or a
    # clause splitter quadratic.
    message = (head + unit * (size // len(unit) + 1))[:size]
    assert cpu_seconds(message) < BUDGET_S, (head[:80], unit[:80], size)
