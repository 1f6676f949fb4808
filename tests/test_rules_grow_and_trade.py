"""Plants one grows are a pastime ("I grow chillies" -> interests "growing chillies"), and the town
a business one runs stands in is where one lives when no home is known. Sentences written for this file."""

from __future__ import annotations

import pytest

from tests.rules_helpers import after


@pytest.mark.parametrize(
    ("message", "interest"),
    [
        ("I grow chillies on my balcony.", "growing chillies"),
        ("I grow my own herbs, nothing fancy.", "growing my own herbs"),
        ("Every summer I grow heirloom tomatoes in the greenhouse.", "growing heirloom tomatoes"),
    ],
)
def test_plants_one_grows_are_a_pastime(message: str, interest: str) -> None:
    assert after(message, {"age": 30}).get("interests") == [interest]


@pytest.mark.parametrize(
    "message",
    [
        "I grow impatient with slow queues.",  # not a plant
        "I grow more tired every day.",
        "My grandad grows prize leeks.",  # someone else
        "Should I grow basil indoors?",  # a question
    ],
)
def test_growing_that_is_no_pastime_of_the_speakers_stores_none(message: str) -> None:
    assert "interests" not in after(message, {"age": 30})


@pytest.mark.parametrize(
    ("message", "location"),
    [
        ("I run a little flower shop in Aberdeen.", "Aberdeen"),
        ("I own a hair salon in Zwolle.", "Zwolle"),
    ],
)
def test_where_ones_business_stands_is_home_when_none_is_known(message: str, location: str) -> None:
    assert after(message, {"age": 30})["location"] == location
    assert after(message, {"location": "Dundee"})["location"] == "Dundee"


@pytest.mark.parametrize(
    "message",
    [
        "I run half marathons in Aberdeen.",  # a race, not a business
        "I own a flat in Zwolle.",  # a home one owns is not where one lives
        "I run a bakery in town.",  # no named place
    ],
)
def test_no_home_is_read_from_other_runs_and_owning(message: str) -> None:
    assert "location" not in after(message, {"age": 30})
