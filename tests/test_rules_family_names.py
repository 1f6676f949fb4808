"""A sibling's name is family, as a partner's or a child's is ("my sister Imke" -> "sister Imke"),
and a named relative is one relative, not a bare one beside it (merge.py refines "sister").
Sentences written for this file."""

from __future__ import annotations

import pytest

from tests.rules_helpers import after, folded


@pytest.mark.parametrize(
    ("message", "family"),
    [
        ("My sister Imke just started at a law firm.", ["sister imke"]),
        ("My brother Joost is visiting from Utrecht.", ["brother joost"]),
        ("I have a brother called Sem.", ["brother sem"]),
        ("My sister, Fenna, lives in Ghent.", ["sister fenna"]),
        ("I have a son named Piet.", ["son piet"]),
    ],
)
def test_a_named_sibling_or_child_is_stored_with_the_name(message: str, family: list[str]) -> None:
    assert folded(after(message, {"age": 50}).get("family")) == family


@pytest.mark.parametrize(
    "message",
    [
        "my brother just texted me",  # no name: the bare relation
        "My sister loves it there.",
    ],
)
def test_without_a_capitalised_name_the_relation_stays_bare(message: str) -> None:
    assert folded(after(message, {"age": 50}).get("family")) in (["brother"], ["sister"])


def test_a_later_name_refines_the_bare_relation_stored_before() -> None:
    profile = after("I have a sister.", {"age": 50})
    assert folded(profile["family"]) == ["sister"]
    assert folded(after("My sister Imke is a vet.", profile)["family"]) == ["sister imke"]


# -- "we" with children: the couple's children are the speaker's ----------------------------


@pytest.mark.parametrize(
    ("message", "family"),
    [
        ("We have three kids.", ["three kids"]),
        ("We've got a new granddaughter, Noor, born on Sunday!", ["granddaughter noor"]),
        ("We just had a baby boy.", ["baby boy"]),
        ("We have two daughters, both at university.", ["two daughters"]),
    ],
)
def test_we_have_children_is_family(message: str, family: list[str]) -> None:
    assert folded(after(message, {"age": 50}).get("family")) == family


@pytest.mark.parametrize(
    "message",
    [
        "We have kids coming over for a party.",  # visitors
        "we had kids over all afternoon",
        "We have the kids this weekend.",
        "Our neighbours have two kids.",
        "Do we have kids on the list?",
    ],
)
def test_children_who_are_visitors_or_someone_elses_are_not(message: str) -> None:
    assert "family" not in after(message, {"age": 50})


# -- a move told without its "I", and a move at work --------------------------------------


@pytest.mark.parametrize(
    ("message", "location"),
    [
        ("Just moved to Bristol, still unpacking.", "Bristol"),
        ("Moved to Tampere from Oulu last spring.", "Tampere"),
        ("Long week. Moved to Riga on Friday.", "Riga"),
    ],
)
def test_a_move_with_its_i_left_out_is_the_speakers(message: str, location: str) -> None:
    assert after(message, {"location": "Oulu"})["location"] == location


@pytest.mark.parametrize(
    "message",
    [
        "Moved to tears by the ending.",
        "I moved to a new desk by the window.",
        "I got moved to the weekend shift.",
        "I moved to the data team last month.",
    ],
)
def test_being_moved_or_moving_at_work_is_no_new_home(message: str) -> None:
    assert after(message, {"location": "Oulu"})["location"] == "Oulu"


def test_more_of_an_x_person_is_a_like() -> None:
    assert after("Honestly I'm more of a tennis person.", {"age": 50}).get("likes") == ["tennis"]
    assert "likes" not in after("I'm more of a morning person.", {"age": 50})
