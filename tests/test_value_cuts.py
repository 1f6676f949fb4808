r"""No stored value starts or ends inside a word of the message.

An optional article written as `(?:a|an)?\s*` took the "a" of "an astronaut" or of "accountancy"
and left "n astronaut" and "ccountancy" (scorers that match loosely counted them as hits). The
templates below put vowel-initial words after every article-taking construction we know of.
Sentences written for this file.
"""

from __future__ import annotations

import itertools
import re

import pytest

from domain import FieldEvent
from quality import check_events
from tests.rules_helpers import after, stored

WORD = re.compile(r"[a-z0-9]+")


@pytest.mark.parametrize(
    ("message", "field", "value"),
    [
        ("When I'm older I want to be an architect.", "goals", ["architect"]),
        ("My dream is to be an illustrator at Pixar.", "goals", ["illustrator at Pixar"]),
        ("I hope to become an optician.", "goals", ["optician"]),
        ("My job is an electrician, mostly rewiring.", "role", "electrician"),
        ("My profession is accountancy.", "role", "accountancy"),
        ("My job is air traffic controller.", "role", "air traffic controller"),
        ("I teach in an academy near the coast.", "role", "academy teacher"),
    ],
)
def test_an_article_is_never_taken_from_the_word_after_it(message: str, field: str, value: object) -> None:
    assert stored(message).get(field) == value


OPENINGS = [
    "I want to be {x}.",
    "I'd love to become {x} one day.",
    "My dream is to be {x}.",
    "My goal is to become {x}.",
    "My job is {x}.",
    "My profession is {x}.",
    "I work as {x}.",
    "I'm {x}.",
    "I used to be {x}.",
    "I'm no longer {x}.",
    "I teach in {x}.",
]
NOUNS = ["an actuary", "an usher", "an interpreter", "an editor", "an orthodontist", "an archivist",
         "air crew", "anaesthetics", "economics", "an inn keeper", "the army", "a agronomist"]  # fmt: skip


@pytest.mark.parametrize(("opening", "noun"), list(itertools.product(OPENINGS, NOUNS)))
def test_every_stored_word_is_a_whole_word_of_the_message(opening: str, noun: str) -> None:
    message = opening.format(x=noun)
    words = set(WORD.findall(message.lower()))
    for field, value in stored(message).items():
        for item in value if isinstance(value, list) else [value]:
            tokens = WORD.findall(str(item).lower())
            # the first and last words carry the cut; the middle ones may be inflected ("teacher")
            for token in {tokens[0], tokens[-1]} - {"teacher"}:
                assert token in words, f"{field}={item!r} from {message!r}"


def test_a_role_ends_at_a_comma() -> None:
    assert stored("I'm a sous chef, still learning the ropes.").get("role") == "sous chef"


@pytest.mark.parametrize(
    ("message", "role"),
    [
        ("got promoted to shift supervisor today!!", "shift supervisor"),
        ("Just got promoted to charge nurse.", "charge nurse"),
        ("My husband got promoted to partner.", "line cook"),  # someone else's promotion
        ("got promoted?", "line cook"),
    ],
)
def test_a_promotion_told_without_its_i(message: str, role: str) -> None:
    assert after(message, {"role": "line cook"})["role"] == role


@pytest.mark.parametrize(
    ("field", "value", "kept"),
    [
        ("likes", "gold more", "gold"),  # "I like gold more": the comparison is no part of the thing
        ("likes", "the train better", "the train"),
        ("dislikes", "sprouts less", "sprouts"),
        ("likes", "more", None),  # nothing left but the comparison
    ],
)
def test_a_comparative_tail_is_cut_from_a_taste(field: str, value: str, kept: str | None) -> None:
    admitted, _ = check_events([FieldEvent(field=field, value=[value], event="ADD")], message=f"I like {value}")
    assert [e.value for e in admitted] == ([[kept]] if kept else [])


@pytest.mark.parametrize("value", ["either be found gardening", "be stubborn", "being on time"])
def test_a_state_or_a_choice_is_no_skill(value: str) -> None:
    admitted, _ = check_events([FieldEvent(field="skills", value=[value], event="ADD")], message=f"I can {value}")
    assert admitted == []


@pytest.mark.parametrize(
    ("message", "likes"),
    [
        ("i like pluto he's so goofy", ["pluto"]),
        ("I love Abba they're timeless", ["Abba"]),
        ("I really like Lisbon we're going back in May", ["Lisbon"]),
    ],
)
def test_a_taste_ends_where_a_clause_about_someone_starts(message: str, likes: list[str]) -> None:
    assert stored(message).get("likes") == likes


@pytest.mark.parametrize(
    ("field", "value", "kept"),
    [
        ("goals", "run my first half marathon in September", "run my first half marathon"),
        ("goals", "visit Kyoto next autumn", "visit Kyoto"),
        ("likes", "Venice in February", "Venice"),
    ],
)
def test_a_month_or_a_coming_season_is_cut_from_a_value(field: str, value: str, kept: str) -> None:
    admitted, _ = check_events([FieldEvent(field=field, value=[value], event="ADD")], message=value)
    assert [e.value for e in admitted] == [[kept]]


def test_a_place_ends_before_in_the() -> None:
    assert stored("I live in Swindon in the south west.").get("location") == "Swindon"
