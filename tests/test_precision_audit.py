"""Precision (issue 9): classes of stored values a strict reader would not agree with, found by
reading what the service stored from chat, each with a control that a long-term fact in similar
words is still stored.

Sentences written for this file. What is checked is what the profile would receive: the
extractor's events after the gate every event passes (guards.admit_events, with the value-quality
check), or the gate alone for a value any extractor (the LLM's too) may propose.
"""

from __future__ import annotations

import pytest

import rules_values as v
from quality import Refused, check_value
from tests.rules_helpers import folded, stored

# -- a partner one parted from, or one only imagined, is no family now ----------------------


@pytest.mark.parametrize(
    "message",
    [
        "rough month, I broke up with my girlfriend in June",
        "I ended things with my fiance before the wedding",
        "I called it off with my boyfriend last spring",
        "I divorced my husband when the kids were small",
        "your neighbour sounds sweet, she could be my stepmom haha",
        "that guy would be my brother in a movie",
    ],
)
def test_a_parted_or_imagined_relative_is_no_family(message: str) -> None:
    assert "family" not in stored(message)


@pytest.mark.parametrize(
    ("message", "family"),
    [
        ("I went hiking with my girlfriend on Sunday", ["girlfriend"]),
        ("I'm so proud to be with my husband of ten years", ["husband"]),
        ("it will be my daughter's first day at school", ["daughter"]),
    ],
)
def test_a_relative_in_similar_words_is_still_family(message: str, family: list[str]) -> None:
    assert folded(stored(message).get("family")) == folded(family)


# -- "I can" after a condition or a purpose is no skill ------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "I'll have the dessert as long as I can still button my coat",
        "I'll keep taking the bus until I can drive",
        "I got a scooter so that I can ride to class",
        "I hope I can visit Lisbon next year",
    ],
)
def test_a_can_after_a_condition_or_purpose_is_no_skill(message: str) -> None:
    assert "skills" not in stored(message)


def test_a_plain_can_is_still_a_skill() -> None:
    assert folded(stored("I can juggle five balls").get("skills")) == folded(["juggle five balls"])


# -- a student's school is no employer ------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    ["I'm a chemistry major at Rutgers", "I'm a pupil at Eton"],
)
def test_a_students_school_is_no_employer(message: str) -> None:
    assert "employer" not in stored(message)


def test_a_worker_at_a_firm_still_has_an_employer() -> None:
    assert folded(stored("I'm a chemist at Pfizer").get("employer")) == "pfizer"


# -- a setting at work is no employer (the gate: any extractor) ----------------------------


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("office", "Most weeks I work from an office, sometimes from home"),
        ("office downtown", "I sit at a desk in an office downtown"),
        ("fields", "I work in the fields most of the year"),
        ("cubicle", "I work in a cubicle all day"),
    ],
)
def test_a_workplace_setting_is_refused_as_employer(value: str, message: str) -> None:
    with pytest.raises(Refused, match="a setting at work"):
        check_value("employer", value, message=message)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("office depot", "I work at office depot"),
        ("field museum", "I work at the field museum"),
        ("law office", "I work in a law office"),
    ],
)
def test_an_employer_named_with_such_a_word_is_kept(value: str, message: str) -> None:
    assert check_value("employer", value, message=message) == value


def test_a_workplace_setting_is_no_employer_through_the_extractor() -> None:
    assert "employer" not in stored("For now I work in an office downtown by the river")
    assert folded(stored("I work in a bakery downtown").get("employer")) is not None


# -- a likeness after a like is no like of its own -----------------------------------------


@pytest.mark.parametrize(
    ("message", "likes"),
    [
        ("I love yellow, like a sunflower", ["yellow"]),
        ("I like green, like the sea in winter", ["green"]),
        ("I like purple, like grapes", ["purple"]),
    ],
)
def test_a_likeness_after_a_like_is_not_liked(message: str, likes: list[str]) -> None:
    assert folded(stored(message).get("likes")) == folded(likes)


@pytest.mark.parametrize(
    ("message", "likes"),
    [
        ("I like tea, like to paint too", ["tea", "painting"]),
        ("I love chess. like hiking too", ["chess", "hiking"]),
    ],
)
def test_a_like_with_its_i_left_out_is_still_liked(message: str, likes: list[str]) -> None:
    assert folded(stored(message).get("likes")) == folded(likes)


def test_a_likeness_inside_a_list_is_cut_by_the_builder() -> None:
    assert v.things("orange, like a pumpkin") == ["orange"]
    assert v.things("orange, pumpkins and apples") == ["orange", "pumpkins", "apples"]


# -- "sing" is a verb, not a gerund ---------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("sing", "singing"),
        ("bring snacks", "bringing snacks"),
        ("swing dance", "swinging dance"),
        ("string beads", "stringing beads"),
        ("singing", "singing"),
        ("being outdoors", "being outdoors"),
        ("doing yoga", "doing yoga"),
    ],
)
def test_the_gerund_of_a_verb_ending_in_ing(phrase: str, expected: str) -> None:
    assert v.gerund(phrase) == expected


def test_a_love_of_singing_is_stored_as_singing() -> None:
    assert folded(stored("I really love to sing!").get("likes")) == folded(["singing"])


# -- a doing whose object was left behind in the message ----------------------------------


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("likes", "spending money", "I got a new bike and I like spending money on it"),
        ("likes", "listening", "great album, I like listening to it on the train"),
        ("interests", "spending time", "my cousins are great, I enjoy spending time with them"),
        ("skills", "reciting all the lines", "I can recite all the lines from that play"),
    ],
)
def test_a_doing_without_its_object_is_refused(field: str, value: str, message: str) -> None:
    with pytest.raises(Refused, match="needs the message"):
        check_value(field, value, message=message)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("likes", "spending money", "honestly I just like spending money"),
        ("likes", "listening to jazz", "I like listening to jazz on the train"),
        ("skills", "reciting poems", "I can recite poems from memory"),
    ],
)
def test_a_doing_with_its_object_is_kept(field: str, value: str, message: str) -> None:
    assert check_value(field, value, message=message) == value


def test_a_doing_without_its_object_is_not_stored() -> None:
    assert "likes" not in stored("I got a new guitar and I love spending money on it")
    assert folded(stored("I love spending money on records").get("likes")) is not None
