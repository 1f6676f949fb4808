"""Truth over time, third round (issue 9): a life changes and the stored profile follows it.

Multi-message sequences read the way the service stores them (extractor -> guards.admit_events
-> merge.apply_events, tests.rules_helpers.after), each asserting the exact final profile.
Sentences written for this file; the near misses (suppositions, plans, questions, someone
else's life) must change nothing.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.rules_helpers import after


def told(*messages: str, start: dict[str, Any] | None = None) -> dict[str, Any]:
    """The profile after the messages, in order, from `start` (empty when not given)."""
    profile: dict[str, Any] = dict(start or {})
    for message in messages:
        profile = after(message, profile)
    return profile


# -- a new job: the old employer does not stay beside a different trade ---------------------
CHEMIST = "I work as a pharmacist at Larkfield Pharmacy."


@pytest.mark.parametrize(
    ("message", "role"),
    [
        ("I'm a bus driver now.", "bus driver"),
        ("i'm a bus driver now", "bus driver"),
        ("These days I'm a florist.", "florist"),
        ("I work as a carpenter these days.", "carpenter"),
        ("i became a paramedic last year", "paramedic"),
        ("Now I'm a stay-at-home dad.", "stay-at-home dad"),
    ],
)
def test_a_different_trade_told_as_a_change_ends_the_old_employer(message: str, role: str) -> None:
    assert told(CHEMIST, message) == {"role": role}


@pytest.mark.parametrize(
    "message",
    [
        "I'm retired now.",
        "i retired last year",
        "I've finally retired!",
    ],
)
def test_retiring_ends_the_stored_employer(message: str) -> None:
    assert told(CHEMIST, message) == {"role": "retired"}


def test_a_promotion_keeps_the_employer() -> None:
    assert told(CHEMIST, "I'm a senior pharmacist now.") == {
        "role": "senior pharmacist",
        "employer": "Larkfield Pharmacy",
    }


def test_a_new_trade_with_its_employer_replaces_both() -> None:
    assert told(CHEMIST, "I'm now a ranger at Kielder Park.") == {"role": "ranger", "employer": "Kielder Park"}


@pytest.mark.parametrize(
    "message",
    [
        "My last day at Larkfield Pharmacy was Friday.",
        "my last day at larkfield pharmacy was yesterday",
        "Tomorrow is my last day at Larkfield Pharmacy.",
    ],
)
def test_a_last_day_at_the_employer_ends_it(message: str) -> None:
    assert told(CHEMIST, message) == {"role": "pharmacist"}


@pytest.mark.parametrize(
    "message",
    [
        "I might become a bus driver next year.",  # a plan
        "If I were a bus driver I'd see more of the city.",  # a supposition
        "Should I become a florist?",  # a question
        "My brother is a bus driver now.",  # someone else
        "My husband retired last year.",  # someone else retires
        "My last day at the beach was lovely.",  # not the employer
        "Our last day at the cottage was Friday.",  # not a job
    ],
)
def test_near_misses_keep_the_job(message: str) -> None:
    profile = told(CHEMIST, message)
    assert profile["role"] == "pharmacist"
    assert profile["employer"] == "Larkfield Pharmacy"


def test_a_first_role_beside_a_stored_employer_keeps_it() -> None:
    # no trade was stored: the two messages describe one job
    profile = told("I work at Hollowmere Foods.", "I'm a packer now.")
    assert profile == {"role": "packer", "employer": "Hollowmere Foods"}
