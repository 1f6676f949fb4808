"""Rows that listed "'m …" or "'ve …" behind "I" + space could never read the contracted form,
which is how people write: "I've been promoted", "I'm working in logistics", "I'm getting
engaged". Each now reads it as it reads "I have been", "I am working". And where one works that
names no employer ("in the shed", "in a team of four", "for my aunt") stores none.

Checked on what the profile would receive (the extractor's events after the gate).
"""

from __future__ import annotations

import pytest

from tests.rules_helpers import stored


@pytest.mark.parametrize(
    ("message", "field", "value"),
    [
        ("I've just been promoted to shift supervisor", "role", "shift supervisor"),
        ("Ive been promoted to deputy head", "role", "deputy head"),
        ("I've become a paramedic", "role", "paramedic"),
        ("I'm working in logistics now", "role", "logistics"),
        ("Im working in insurance", "role", "insurance"),
        ("I'm working for myself since the spring", "role", "self-employed"),
        ("I'm getting engaged in June!", "family", ["engaged"]),
        ("I'm going to Hillcrest Technical College", "education", ["Hillcrest Technical College"]),
        ("I've not eaten pork in over a decade", "dislikes", ["pork"]),
        ("I'm working at Lindqvist Joinery", "employer", "Lindqvist Joinery"),
        ("Got a favourite snack? Mine's salted liquorice", "likes", ["salted liquorice"]),
        ("And your dream? Mine's to walk the Camino", "goals", ["walk the Camino"]),
        ("I've bought a cottage near the coast", "possessions", ["cottage"]),
    ],
)
def test_the_contracted_form_reads_as_the_full_one(message: str, field: str, value: object) -> None:
    assert stored(message).get(field) == value


@pytest.mark.parametrize(
    "message",
    [
        "I'm working in the shed all afternoon",
        "I am working in the kitchen, back in a bit",
        "I'm working in a team of four on this",
        "I'm working in the dark because the power is out",
        "I'm working for my aunt over the holidays",
        "I work for my stepdad on weekends",
    ],
)
def test_where_or_for_whom_in_the_family_one_works_names_no_employer(message: str) -> None:
    assert "employer" not in stored(message)
