"""Facts told in the present perfect or with what came after them, read as they are meant:

- "I've worked at X for six years", "I have worked for X since 2011": the employer, held until
  now (a length of time or "since" must follow: "I've worked at a bar before" may be long past);
- "I've been interested in X since I was small": an interest, as "I'm interested in X";
- "I'm retired after 30 years in banking": retired, the years after it no longer in the way;
- "I have a black belt in judo": a skill.

Checked on what the profile would receive (the extractor's events after the gate).
"""

from __future__ import annotations

import pytest

from quality import Refused, check_value
from tests.rules_helpers import stored


@pytest.mark.parametrize(
    ("message", "field", "value"),
    [
        ("I've worked at Vestas for nine years now", "employer", "Vestas"),
        ("I have worked for Hartwell Logistics since 2011", "employer", "Hartwell Logistics"),
        ("Ive worked at the district hospital for the last four years", "employer", "district hospital"),
        ("I've been interested in beekeeping since I was a teenager", "interests", ["beekeeping"]),
        ("I have been really interested in astronomy for years", "interests", ["astronomy"]),
        ("I'm retired after 35 years on the railways", "role", "retired"),
        ("I have a black belt in taekwondo", "skills", ["black belt in taekwondo"]),
        ("I've got a second-dan black belt in kendo", "skills", ["second-dan black belt in kendo"]),
    ],
)
def test_a_fact_held_until_now(message: str, field: str, value: object) -> None:
    assert stored(message).get(field) == value


@pytest.mark.parametrize(
    ("message", "field"),
    [
        ("I've worked at a call centre before, never again", "employer"),
        ("I've worked at Vestas for a week and already hate it", "employer"),
        ("I've worked for myself for ten years", "employer"),
        ("My daughter has a black belt in judo", "skills"),
        ("Does anyone here have a black belt in karate?", "skills"),
    ],
)
def test_no_fact_of_the_user_held_until_now(message: str, field: str) -> None:
    assert field not in stored(message)


@pytest.mark.parametrize(
    ("message", "pets"),
    [
        ("We have two guinea pigs and a hamster", ["two guinea pigs", "hamster"]),
        ("We've got an old collie named Fenn", ["old collie named Fenn"]),
        ("we have a cat at home who hates the hoover", ["cat"]),
    ],
)
def test_the_households_animals_are_the_speakers_pets(message: str, pets: list[str]) -> None:
    assert stored(message).get("pets") == pets


@pytest.mark.parametrize(
    "message",
    [
        "We have a rat problem in the shed",
        "We have a mouse infestation again",
        "I have a cat allergy, sadly",
        "At the studio we have a parrot",
        "My neighbours have a goat",
        "We had a rabbit when I was a kid",
        "We have two dogs staying with us till Sunday",
        "I have my sister's cat to look after this week",
        "Do we have a cat?",
    ],
)
def test_no_pet_of_the_speakers_own(message: str) -> None:
    assert "pets" not in stored(message)


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("I'm 52, live in Galway and work as a locksmith", {"age": 52, "location": "Galway", "role": "locksmith"}),
        ("I live in Dundee, work as a midwife and love wild swimming",
         {"location": "Dundee", "role": "midwife", "likes": ["wild swimming"]}),
        ("I'm Priyanka, live in Leicester", {"name": "Priyanka", "location": "Leicester"}),
        ("I work in Salford, live in Bury", {"location": "Bury"}),
    ],
)  # fmt: skip
def test_verbs_after_a_comma_share_the_first_clauses_i(message: str, expected: dict[str, object]) -> None:
    assert stored(message) == expected


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("I can't stand housework, like hoovering", {"dislikes": ["housework"]}),
        ("I really dislike crowded bars, like the ones downtown", {"dislikes": ["crowded bars"]}),
        ("I avoid fizzy drinks, like cola and lemonade", {}),
        ("I'm allergic to shellfish, like prawns", {}),
        ("I love spicy food, like vindaloo", {"likes": ["spicy food"]}),
    ],
)
def test_like_after_an_aversion_gives_an_example_not_a_like(message: str, expected: dict[str, object]) -> None:
    assert stored(message) == expected


def test_the_gate_refuses_such_a_pet_from_any_extractor() -> None:
    """The check sits in quality.check_value, which every extractor's output passes (an LLM's too)."""
    with pytest.raises(Refused):
        check_value("pets", "rat", message="We have a rat problem in the shed")
    with pytest.raises(Refused):
        check_value("pets", "cat", message="Sorry, I have a cat allergy")
    assert check_value("pets", "cat", message="We have a cat and a rat problem") == "cat"
