"""Recall on natural chat (issue 9): pets with their names, lists that hold one thing named with
"and", habits told by "too much", a vehicle with its model year.

Sentences written for this file, with near misses that must store nothing (or less): someone
else's animal, questions, suppositions, words after an animal that are no name. What is checked
is what the profile would receive: the extractor's events after the gate every event passes
(guards.admit_events, with the value-quality check).
"""

from __future__ import annotations

from typing import Any

import pytest

from guards import admit_events
from rules_extractor import RuleExtractor

EXTRACTOR = RuleExtractor()


def kept(message: str, profile: dict[str, Any] | None = None) -> dict[str, Any]:
    """Field -> value of what would be stored (no removals)."""
    events, _ = admit_events(EXTRACTOR.extract_events(message, profile or {}), message=message)
    return {e.field: e.value for e in events if e.event != "REMOVE"}


def folded(value: object) -> object:
    if isinstance(value, list):
        return sorted(str(x).casefold() for x in value)
    return str(value).casefold()


# -- a pet with its name ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "pets"),
    [
        ("I have a hamster named Nibbles.", ["hamster named nibbles"]),
        ("i've got a parrot called kiwi", ["parrot named kiwi"]),
        ("I own a pony called Clover, she is tiny.", ["pony named clover"]),
        ("My tabby's name is Clementine.", ["tabby named clementine"]),
        ("my rabbit is called thumper", ["rabbit named thumper"]),
        ("My beagle Waffles snores all night.", ["beagle named waffles"]),
        ("Honestly my cat, Pickle, runs this house.", ["cat named pickle"]),
        ("I adore my gecko Ziggy.", ["gecko named ziggy"]),
    ],
)
def test_a_pet_is_kept_with_its_name(message: str, pets: list[str]) -> None:
    assert folded(kept(message).get("pets")) == pets


@pytest.mark.parametrize(
    ("message", "pets"),
    [
        # a name told bare must be capitalised: in lower case it cannot be told from the next word
        ("my dog adores the snow", ["dog"]),
        ("I walk my dog Sunday mornings.", ["dog"]),
        ("My cat I think is a genius.", ["cat"]),
        # "named" followed by no name
        ("I have a cat named after a poet.", ["cat"]),
        # several names are left out rather than cut to the first
        ("I have two cats named Pip and Moss.", ["two cats"]),
    ],
)
def test_words_after_an_animal_that_are_no_name_are_left_out(message: str, pets: list[str]) -> None:
    assert folded(kept(message).get("pets")) == pets


@pytest.mark.parametrize(
    "message",
    [
        "My neighbour's dog Bruno barks all night.",
        "my roommates cat Olive hides under my bed",
        "I have a brother named Lars.",
        "Do you have a dog named Rex?",
        "If I had a cat I would name her Mittens.",
    ],
)
def test_someone_elses_or_a_supposed_pet_stores_no_pet(message: str) -> None:
    assert "pets" not in kept(message)


@pytest.mark.parametrize(
    ("message", "pets"),
    [
        ("Do you have any pets? Mine is a ferret.", ["ferret"]),
        ("got any pets ? mine are two goldfish", ["two goldfish"]),
        ("Do you own a pet? Mine's a chatty cockatiel.", ["chatty cockatiel"]),
    ],
)
def test_mine_after_ones_own_question_about_pets(message: str, pets: list[str]) -> None:
    assert folded(kept(message).get("pets")) == pets


@pytest.mark.parametrize(
    "message",
    [
        "Mine is a ferret.",  # no question about pets before it
        "Do you have any pets? Mine is a long story.",
        "What's your favourite animal? Mine is the otter.",
        "Do you have any pets? My sister's is a ferret.",
    ],
)
def test_mine_without_a_pet_question_or_a_pet_stores_no_pet(message: str) -> None:
    assert "pets" not in kept(message)


def test_a_count_and_a_breed_before_my_animals_are_kept() -> None:
    assert folded(kept("Feeding my two rescue greyhounds takes a while.").get("pets")) == ["two rescue greyhounds"]


# -- one thing named with "and" -------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "likes"),
    [
        ("I love fish and chips.", ["fish and chips"]),
        ("I adore mac and cheese and tacos", ["mac and cheese", "tacos"]),
        ("I listen to R&B and soul.", ["r&b", "soul"]),
        ("i like salt and vinegar crisps", ["salt and vinegar crisps"]),
        ("I enjoy rock and roll, jazz and blues.", ["blues", "jazz", "rock and roll"]),
    ],
)
def test_a_thing_named_with_and_stays_one_item(message: str, likes: list[str]) -> None:
    assert folded(kept(message).get("likes")) == likes


@pytest.mark.parametrize(
    ("message", "likes"),
    [
        ("I like fish and rice.", ["fish", "rice"]),
        ("I love cats & dogs", ["cats", "dogs"]),
        ("I like chips and salsa verde... no, chips and guac", ["chips and salsa verde"]),
    ],
)
def test_two_things_joined_by_and_stay_two(message: str, likes: list[str]) -> None:
    got = folded(kept(message).get("likes"))
    assert isinstance(got, list) and got[: len(likes)] == likes


# -- "too much": a habit that tells a taste --------------------------------------------------


@pytest.mark.parametrize(
    ("message", "likes"),
    [
        ("I watch way too much anime.", ["anime"]),
        ("i read too many thrillers", ["thrillers"]),
        ("Honestly I play too much Minecraft.", ["minecraft"]),
        ("I bake too many cookies, my neighbours get the rest", ["cookies"]),
    ],
)
def test_too_much_of_a_pastime_is_a_like(message: str, likes: list[str]) -> None:
    assert folded(kept(message).get("likes")) == likes


@pytest.mark.parametrize(
    "message",
    [
        "I ate too much cake at the party.",
        "Do I watch too much TV?",
        "My son plays too many video games.",
        "I worry too much about money.",
        "I read too much into things.",
    ],
)
def test_too_much_once_or_of_someone_else_is_no_like(message: str) -> None:
    assert "likes" not in kept(message)


# -- a vehicle with its model year ---------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "possessions"),
    [
        ("Nothing beats my 2009 Subaru on snowy roads.", ["2009 subaru"]),
        ("i fixed the engine on my tractor", ["tractor"]),
    ],
)
def test_a_vehicle_with_its_year_or_a_tractor_is_owned(message: str, possessions: list[str]) -> None:
    assert folded(kept(message).get("possessions")) == possessions


@pytest.mark.parametrize("message", ["My uncle's tractor broke down.", "Is a 2009 Subaru any good?"])
def test_someone_elses_vehicle_is_not_owned(message: str) -> None:
    assert "possessions" not in kept(message)
