"""Recall on natural chat, a seventh set, and one precision mend:

- a language spoken with a degree word ("I'm pretty fluent in Greek and a bit of Turkish");
- a programming language coded in with an adverb inside the verb ("I code primarily in Elixir");
- a goal told with "I'd like to ... one day" (without the "some day" it is a request, not a goal);
- freelancing: the stored trade goes freelance, or the role is freelancer when there is no trade to keep
  (not freelancing on the side, nor freelancing as a named trade);
- a taste that faded ("I'm not into chess much lately") ends the like and is not stored as a dislike;
- where one lives told another way ("I call Porto home", "we're Leeds-based", "in Zurich, where I live",
  "I'm out in Boise these days", "since moving to Graz I ...", "I'm a Nebraska native");
- a nationality is no occupation ("I'm a proud Scot"), though it may qualify one ("a German teacher").

Sentences written for this file. What is checked is what the profile would receive: the extractor's
events after the gate every event passes (guards.admit_events, with the value-quality check).
"""

from __future__ import annotations

import pytest

from tests.rules_helpers import after, folded, stored


@pytest.mark.parametrize(
    ("message", "languages"),
    [
        ("I'm pretty fluent in Greek and a bit of Turkish.", ["Greek", "Turkish"]),
        ("i am quite fluent in portuguese", ["portuguese"]),
        ("I'm almost fluent in Korean now", ["Korean"]),
    ],
)
def test_fluent_with_a_degree_word(message: str, languages: list[str]) -> None:
    assert folded(stored(message).get("languages")) == folded(languages)


@pytest.mark.parametrize(
    ("message", "skills"),
    [
        ("I code primarily in Elixir and Go.", ["Elixir", "Go"]),
        ("at work i program mostly in Rust", ["Rust"]),
        ("I develop mainly in Kotlin.", ["Kotlin"]),
    ],
)
def test_code_in_with_an_adverb(message: str, skills: list[str]) -> None:
    assert folded(stored(message).get("skills")) == folded(skills)


@pytest.mark.parametrize(
    ("message", "goal"),
    [
        ("I'd like to visit Patagonia one day.", "visit Patagonia"),
        ("i'd like to open a small bookshop someday", "open a small bookshop"),
        ("I'd like to learn the cello eventually.", "learn the cello"),
    ],
)
def test_id_like_to_some_day_is_a_goal(message: str, goal: str) -> None:
    assert folded(stored(message).get("goals")) == folded([goal])


@pytest.mark.parametrize(
    "message",
    [
        "I'd like to visit the museum on Friday.",
        "I'd like to open an account with your bank.",
        "I'd like to learn more about index funds.",
        "I'd like to finish this report before lunch.",
    ],
)
def test_id_like_to_without_some_day_is_a_request(message: str) -> None:
    assert "goals" not in stored(message)


@pytest.mark.parametrize(
    "message",
    ["I'm freelancing these days.", "i went freelance in march", "I'm now freelancing, mostly for agencies."],
)
def test_freelancing_makes_the_stored_trade_freelance(message: str) -> None:
    assert after(message, {"role": "paralegal"}).get("role") == "freelance paralegal"


def test_freelancing_leaves_the_old_employer_behind() -> None:
    profile = {"role": "sound engineer at Abbey Mews", "employer": "Abbey Mews"}
    changed = after("I quit Abbey Mews in June and I'm freelancing now.", profile)
    assert changed.get("role") == "freelance sound engineer"
    assert "employer" not in changed


@pytest.mark.parametrize(
    ("profile", "message"),
    [
        ({}, "I went freelance last spring."),
        ({"role": "retired"}, "I'm freelancing a bit now."),
        ({"role": "librarian"}, "I'm not a librarian anymore, I'm freelancing."),
    ],
)
def test_freelancing_with_no_trade_to_keep_is_freelancer(profile: dict[str, str], message: str) -> None:
    assert after(message, profile).get("role") == "freelancer"


def test_freelancing_twice_keeps_one_prefix() -> None:
    profile = {"role": "freelance paralegal"}
    assert after("Still freelancing, I'm freelancing now.", profile).get("role") == "freelance paralegal"


@pytest.mark.parametrize(
    ("message", "role"),
    [
        ("I'm freelancing on the side.", "paralegal"),
        ("I freelance as a sound engineer.", "sound engineer"),
        ("My brother is freelancing now.", "paralegal"),
    ],
)
def test_freelancing_on_the_side_or_as_a_trade(message: str, role: str) -> None:
    assert after(message, {"role": "paralegal"}).get("role") == role


@pytest.mark.parametrize(
    "message",
    [
        "I'm not into chess much lately.",
        "i'm not really into chess these days",
        "I'm not into chess at the moment, work is too busy.",
    ],
)
def test_a_faded_taste_ends_the_like_and_is_no_dislike(message: str) -> None:
    profile = after(message, {"likes": ["chess", "tea"]})
    assert folded(profile.get("likes")) == folded(["tea"])
    assert "dislikes" not in profile


def test_not_into_without_a_time_word_is_still_a_dislike() -> None:
    assert folded(stored("I'm not into horror films.").get("dislikes")) == folded(["horror films"])


# -- where one lives, told another way ---------------------------------------------------


@pytest.mark.parametrize(
    ("message", "location"),
    [
        ("We live just outside Tromsø.", "Tromsø"),
        ("I call Ljubljana home these days.", "Ljubljana"),
        ("Valparaíso is home for me now.", "Valparaíso"),
        ("Bergen's home for me these days.", "Bergen"),
        ("I'm Glasgow-based, if that matters for the time zone.", "Glasgow"),
        ("we're Cape Town-based", "Cape Town"),
        ("The rent is steep in Zurich, where I live.", "Zurich"),
        ("We're in Tbilisi now.", "Tbilisi"),
    ],
)
def test_where_one_lives_told_another_way(message: str, location: str) -> None:
    assert stored(message).get("location") == location


@pytest.mark.parametrize(
    "message",
    [
        "I call it home.",
        "Work is home for me at this point.",
        "This is home now.",
        "We're in a meeting now.",
        "We're in trouble now.",
        "we are in Lyon for the weekend now",
        "My sister is Leeds-based.",
        "I call my grandma at home every Sunday.",
    ],
)
def test_home_words_that_name_no_place_of_ones_own(message: str) -> None:
    assert "location" not in stored(message)


def test_we_are_in_now_replaces_the_old_town() -> None:
    assert after("We're in Tbilisi now, finally unpacked.", {"location": "Batumi"}).get("location") == "Tbilisi"


@pytest.mark.parametrize(
    ("message", "location"),
    [
        ("I live up in Inverness.", "Inverness"),
        ("I'm out in Boise these days.", "Boise"),
        ("Since moving to Graz I take the tram everywhere.", "Graz"),
        ("I moved here to Aarhus in 2021.", "Aarhus"),
    ],
)
def test_where_one_lives_with_a_particle(message: str, location: str) -> None:
    assert stored(message).get("location") == location


@pytest.mark.parametrize(
    "message",
    [
        "I'm up in arms about the parking rules.",
        "I'm down in Cardiff for a conference.",
        "I'm over in Cork visiting my aunt.",
        "I'm out in the shed fixing the mower.",
    ],
)
def test_a_particle_before_in_that_is_no_home(message: str) -> None:
    assert "location" not in stored(message)


def test_a_native_of_a_place_is_where_one_comes_from() -> None:
    assert after("I'm a Nebraska native.", {"location": "Denver"}).get("hometown") == "Nebraska"


# -- a nationality is no occupation --------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    ["I'm a Canadian.", "I'm a proud Scot.", "I'm a Kiwi living in Hamburg.", "I'm an American, for what it's worth."],
)
def test_a_nationality_is_not_stored_as_the_role(message: str) -> None:
    assert "role" not in stored(message)


@pytest.mark.parametrize(
    ("message", "role"),
    [("I'm a German teacher.", "German teacher"), ("I'm an Italian chef.", "Italian chef")],
)
def test_a_nationality_before_an_occupation_keeps_it(message: str, role: str) -> None:
    assert stored(message).get("role") == role
