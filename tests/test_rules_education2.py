"""What one studies, told the way people say it, and what is no subject at all:

- "I'm majoring in X" and "I'm studying X" were written into the table but could never match
  (they sat behind "I " + space): now read, with the school when it follows;
- "a PhD student in marine ecology" keeps its subject; "an exchange student in Japan" keeps no
  place in education; "a grad student" is never cut to "grad";
- "studying at the library", "studying with friends", "studying the menu", "studying for my
  finals", "studying abroad": where, with whom, what one looks at, or why, are no subject.

Checked on what the profile would receive (the extractor's events after the gate).
"""

from __future__ import annotations

import pytest

from tests.rules_helpers import stored


@pytest.mark.parametrize(
    ("message", "education"),
    [
        ("I'm majoring in urban planning", ["urban planning"]),
        ("i'm majoring in classics at Durham", ["classics at Durham"]),
        ("I'm studying veterinary medicine", ["veterinary medicine"]),
        ("Im studying geology at Aberdeen", ["geology at Aberdeen"]),
        ("I'm a PhD student in soil chemistry", ["PhD student in soil chemistry"]),
        ("I'm a masters student in applied linguistics at Ghent", ["masters student in applied linguistics at Ghent"]),
        ("I'm a grad student in the history department", ["grad student"]),
        ("I'm an undergrad student in sociology", ["undergrad student in sociology"]),
        ("I'm an exchange student in Korea", ["exchange student"]),
        ("I'm a nursing student in Belfast", ["nursing student"]),
        ("I'm a student in my final year", ["student"]),
    ],
)
def test_what_one_studies(message: str, education: list[str]) -> None:
    assert stored(message).get("education") == education


@pytest.mark.parametrize(
    "message",
    [
        "I'm studying at the café until it closes",
        "I am studying with my cousin this afternoon",
        "I'm studying the train timetable, hang on",
        "I am studying for tomorrow's quiz",
        "I'm studying abroad next spring",
        "I'm studying online tonight",
        "I'm studying my lines for the school play",
        "I'm studying them closely",
        "I'm studying right now so I'll be quick",
    ],
)
def test_no_subject_is_stored_from_where_when_or_what_one_looks_at(message: str) -> None:
    assert "education" not in stored(message)
