"""Leaving a job without naming it, and leaving a trade behind (issue 9: ending words end a fact).

Read against a stored profile the way the service stores it: extractor -> guards.admit_events ->
merge.apply_events. Sentences written for this file; near misses must change nothing.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.rules_helpers import after

CLERK = {"role": "payroll clerk", "employer": "Brightwater Foods", "likes": ["bowling"]}


@pytest.mark.parametrize(
    "message",
    [
        "I handed in my notice.",
        "I handed in my resignation yesterday.",
        "I've resigned.",
        "I resigned last week because the commute was killing me.",
        "I gave my notice on Friday.",
        "I gave notice today.",
    ],
)
def test_a_resignation_ends_the_stored_employer(message: str) -> None:
    profile = after(message, dict(CLERK))
    assert "employer" not in profile
    assert profile["role"] == "payroll clerk"  # a trade outlasts one employer
    assert profile["likes"] == ["bowling"]


@pytest.mark.parametrize(
    "message",
    [
        "My husband handed in his notice.",  # someone else's job
        "I resigned from the parish council.",  # a post, not the stored job
        "Should I hand in my notice?",  # a question
        "I might resign if nothing changes.",  # a supposition
        "I gave the landlord notice on the flat.",  # another kind of notice
    ],
)
def test_near_misses_of_a_resignation_keep_the_job(message: str) -> None:
    assert after(message, dict(CLERK))["employer"] == "Brightwater Foods"


@pytest.mark.parametrize(
    ("message", "profile"),
    [
        ("I'm done with nursing.", {"role": "nurse"}),
        ("I'm through with accounting for good.", {"role": "junior accountant"}),
        ("I'm finished with teaching, it wore me out.", {"role": "maths teacher"}),
        ("Honestly I'm done with plumbing forever.", {"role": "plumber"}),
    ],
)
def test_done_with_a_trade_ends_the_role_that_practises_it(message: str, profile: dict[str, Any]) -> None:
    assert "role" not in after(message, dict(profile))


@pytest.mark.parametrize(
    ("message", "profile"),
    [
        ("I'm done with teaching for now.", {"role": "maths teacher"}),  # a pause, not an end
        ("I'm done with shopping.", {"role": "nurse"}),  # not the stored trade
        ("My brother is done with nursing.", {"role": "nurse"}),  # someone else
        ("I'm done with it.", {"role": "nurse"}),
        ("Are you done with plumbing?", {"role": "plumber"}),
    ],
)
def test_done_with_something_else_keeps_the_role(message: str, profile: dict[str, Any]) -> None:
    assert after(message, dict(profile))["role"] == profile["role"]


def test_done_with_a_trade_removes_nothing_when_no_role_is_stored() -> None:
    assert after("I'm done with nursing.", {"likes": ["bowling"]}) == {"likes": ["bowling"]}


STUDENT = {"education": ["history degree at Durham"], "employer": "Waitrose", "location": "Durham"}


@pytest.mark.parametrize(
    "message",
    [
        "I'm no longer at Durham.",
        "I'm not at Durham anymore, long story.",
        "I dropped out of Durham in my second year.",
        "I transferred from Durham to Exeter.",
    ],
)
def test_leaving_a_school_ends_the_education_held_there(message: str) -> None:
    profile = after(message, dict(STUDENT))
    assert "education" not in profile
    assert profile["employer"] == "Waitrose"


@pytest.mark.parametrize(
    "message",
    [
        "I'm no longer at Waitrose.",
        "I'm not with Waitrose any more.",
    ],
)
def test_no_longer_at_an_employer_ends_it(message: str) -> None:
    profile = after(message, dict(STUDENT))
    assert "employer" not in profile
    assert profile["education"] == ["history degree at Durham"]


@pytest.mark.parametrize(
    "message",
    [
        "I'm not at Durham this week, visiting my gran.",  # away for a while
        "I'm not at Waitrose today.",
        "My cousin dropped out of Durham.",  # someone else
        "I'm not at home right now.",
        "I dropped out of the choir.",  # not the stored school
    ],
)
def test_a_passing_absence_or_someone_elses_change_keeps_both(message: str) -> None:
    profile = after(message, dict(STUDENT))
    assert profile["education"] == ["history degree at Durham"]
    assert profile["employer"] == "Waitrose"


def test_a_resignation_then_a_trade_left_behind_in_one_breath_ends_both() -> None:
    profile = after(
        "handed in my notice today, done with bookkeeping for good", {"role": "bookkeeper", "employer": "Kestrel"}
    )
    assert profile == {"employer": "Kestrel"}  # no "I": the trade left is read, the resignation is not
    assert (
        after("I handed in my notice, done with bookkeeping for good", {"role": "bookkeeper", "employer": "Kestrel"})
        == {}
    )
