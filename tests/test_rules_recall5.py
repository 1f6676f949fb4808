"""Recall on natural chat (issue 9), a fifth set: a relative named as the subject of a clause is
family ("My older brother is a pilot": the speaker has an older brother), and no place is read from
what one grows up in or comes from that is no place ("the music industry", "a military family").

Sentences written for this file, each class with near misses that must store nothing (or less):
a partner one parted from, a relative who died, "my baby" (a partner or a pet as often as a child),
what is said of the relative (their job, diet, tastes), and real places beside the non-places.
What is checked is what the profile would receive: the extractor's events after the gate every
event passes (guards.admit_events, with the value-quality check).
"""

from __future__ import annotations

import pytest

from tests.rules_helpers import folded, stored

# -- a relative as the clause's subject ----------------------------------------------------


@pytest.mark.parametrize(
    ("message", "family"),
    [
        ("My older brother is a pilot for a cargo airline.", ["older brother"]),
        ("my stepdad makes the best pancakes", ["stepdad"]),
        ("My twins start kindergarten in the autumn.", ["twins"]),
        ("nice. my grandparents run a vineyard near Mendoza", ["grandparents"]),
        ("My husband and kids are at the zoo today.", ["husband", "kids"]),
        ("ha, my niece's hamster escaped again", ["niece"]),
        ("Well, my aunt is visiting from Lisbon.", ["aunt"]),
        # the relative named after a pause is read by the older row, as before
        ("Honestly, I think my cousin cheats at cards.", ["cousin"]),
    ],
)
def test_a_relative_as_the_subject_is_family(message: str, family: list[str]) -> None:
    assert folded(stored(message).get("family")) == folded(family)


@pytest.mark.parametrize(
    "message",
    [
        # a partner one parted from, a relative gone
        "My boyfriend dumped me last week.",
        "my ex husband moved to Perth",
        "My girlfriend broke up with me over text.",
        "My grandpa passed away in March.",
        "my mom is dead to me",
        "My husband left me for his trainer.",
        # "my baby" is a partner or a pet as often as a child
        "my baby is sleeping on the couch",
        # not a relative
        "My colleague Ana is a lawyer.",
        "My best friend speaks Italian.",
    ],
)
def test_no_relative_parted_from_gone_or_not_family(message: str) -> None:
    assert "family" not in stored(message)


@pytest.mark.parametrize(
    "message",
    [
        "My sister is a vegan and drives a Tesla.",
        "My dad works at the harbour as a crane operator.",
        "My son loves tennis and lives in Oslo.",
        "My wife is learning Portuguese.",
    ],
)
def test_what_is_said_of_the_relative_is_not_the_speakers(message: str) -> None:
    got = stored(message)
    assert set(got) == {"family"}, got


def test_a_relative_and_i_is_still_read_as_before() -> None:
    got = stored("My brother and I restore old motorbikes.")
    assert folded(got.get("family")) == ["brother"]


def test_a_named_partner_keeps_the_name() -> None:
    assert folded(stored("My wife is called Ingrid.").get("family")) == ["wife ingrid"]


# -- no place from a family, an industry, a household ----------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "I grew up in the film industry.",
        "I come from a military family.",
        "I was raised in a very religious household.",
        "I grew up in a farming family in the hills.",
        "I come from a sporting background.",
    ],
)
def test_no_place_from_what_is_no_place(message: str) -> None:
    got = stored(message)
    assert "location" not in got and "hometown" not in got, got
    # also where the town one lives in is known, so the origin would be kept as a hometown
    got = stored(message, {"location": "Bergen"})
    assert "location" not in got and "hometown" not in got, got


@pytest.mark.parametrize(
    ("message", "place"),
    [
        ("I grew up in Tromso.", "tromso"),
        ("I come from a small fishing village.", "small fishing village"),
        ("I live in the business district.", "business district"),
        ("I grew up on a sheep farm.", "sheep farm"),
    ],
)
def test_a_place_is_still_a_place(message: str, place: str) -> None:
    got = stored(message)
    assert folded(got.get("location") or got.get("hometown")) == place, got


# -- appearance: hair and eyes, told as lasting looks ----------------------------------------


@pytest.mark.parametrize(
    ("message", "appearance"),
    [
        ("Everyone at the bakery teases me about my curly ginger hair.", ["curly ginger hair"]),
        ("I have hazel eyes and freckles.", ["hazel eyes"]),
        ("i've got long dark hair and green eyes", ["long dark hair and green eyes"]),
        ("I've silver-dyed hair these days, a bit wild.", ["silver-dyed hair"]),
        ("honestly i'm a natural redhead", ["redhead"]),
        ("I am blonde with grey eyes, like my grandmother.", ["blonde with grey eyes"]),
        ("I'm a brunette, by the way.", ["brunette"]),
    ],
)
def test_hair_and_eyes_are_appearance(message: str, appearance: list[str]) -> None:
    assert folded(stored(message).get("appearance")) == folded(appearance)


@pytest.mark.parametrize(
    "message",
    [
        # a state of the day, a product, a salon visit
        "My hair is a mess today.",
        "My hair dye ran out, ugh.",
        "I have a red hair tie somewhere.",
        "I have brown hair dye in the cupboard.",
        "I'm getting my hair cut tomorrow.",
        # someone else's looks
        "My brother has red hair.",
        "She has lovely blue eyes.",
        "Do you have blue eyes?",
        # a drink, not the hair
        "I'm a ginger ale drinker.",
        # no lasting look named
        "I have eyes on the prize.",
    ],
)
def test_no_appearance_from_a_state_a_product_or_someone_else(message: str) -> None:
    assert "appearance" not in stored(message)


def test_a_redhead_is_no_role() -> None:
    got = stored("I'm a redhead.")
    assert folded(got.get("appearance")) == ["redhead"] and "role" not in got
