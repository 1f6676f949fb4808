"""Roles, employers and pastimes told with something around them: an age before the role, a
purpose after a skill, a post named without an article after "joined … as", a pastime begun, a
workplace followed by a comma. Sentences written for this file."""

from __future__ import annotations

import pytest

from tests.rules_helpers import after, stored


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("I'm a 41 year old welder hoping to retrain.", {"role": "welder", "age": 41}),
        ("I'm a 33-year-old midwife.", {"role": "midwife", "age": 33}),
        ("I'm a dentist trying to open my own practice.", {"role": "dentist"}),
        ("I joined a fintech startup as senior designer.", {"role": "senior designer", "employer": "fintech startup"}),
        ("I joined Ocado as head of data.", {"role": "head of data", "employer": "Ocado"}),
        ("I've started volunteering at a food bank.", {"interests": ["volunteering at food bank"]}),
        ("I'm trying to get better at chess so I can beat my dad.", {"goals": ["get better at chess"]}),
        ("I founded my own design consultancy.", {"possessions": ["design consultancy"]}),
    ],
)
def test_the_fact_is_read_past_what_surrounds_it(message: str, expected: dict[str, object]) -> None:
    got = stored(message)
    assert {field: got.get(field) for field in expected} == expected


def test_a_workplace_before_a_comma_is_home_when_none_is_known() -> None:
    assert after("I work as a porter in Hull, mostly nights.", {"age": 30})["location"] == "Hull"
    assert after("I work as a porter in Hull, mostly nights.", {"location": "York"})["location"] == "York"


@pytest.mark.parametrize(
    "message",
    [
        "I joined a gym as a beginner.",
        "I joined a running club as a social member.",
        "I joined the navy as soon as I turned eighteen.",
        "My sister joined a startup as lead engineer.",
    ],
)
def test_joining_a_club_or_someone_elses_job_is_no_role(message: str) -> None:
    got = stored(message)
    assert "role" not in got
    assert "employer" not in got


@pytest.mark.parametrize(
    ("message", "profile", "expected"),
    [
        ("I don't do karate anymore, I switched to judo.", {"interests": ["karate"]}, {"interests": ["judo"]}),
        ("I no longer use Excel, I've switched to Python.", {"skills": ["Excel"]}, {"skills": ["Python"]}),
        ("I switched to oat milk.", {"interests": ["karate"]}, {"interests": ["karate"]}),  # which field? none
        ("I switched to nights at the depot.", {"interests": ["karate"]}, {"interests": ["karate"]}),
    ],
)
def test_switching_to_fills_the_field_the_same_message_ended(
    message: str, profile: dict[str, object], expected: dict[str, object]
) -> None:
    assert after(message, dict(profile)) == expected


def test_a_move_after_and_is_the_speakers() -> None:
    assert after("We sold the bungalow and moved to Whitby.", {"location": "Leeds"})["location"] == "Whitby"
    assert after("I quit the band and moved to Oslo.", {"location": "Leeds"})["location"] == "Oslo"
    assert after("My aunt sold her shop and moved to Whitby.", {"location": "Leeds"})["location"] == "Leeds"
    assert after("We finished dinner and moved to the lounge.", {"location": "Leeds"})["location"] == "Leeds"
