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
