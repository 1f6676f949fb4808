"""The offline extractor, one table per concern. None of these sentences come from the eval set."""

from __future__ import annotations

from typing import Any

import pytest

from rules_extractor import RuleExtractor
from rules_values import gerund, split_items

EXTRACTOR = RuleExtractor()


def extract(message: str, profile: dict[str, Any] | None = None) -> dict[str, tuple[str, Any]]:
    return {e.field: (e.event, e.value) for e in EXTRACTOR.extract_events(message, profile or {})}


def stored(message: str, profile: dict[str, Any] | None = None) -> dict[str, Any]:
    return {field: value for field, (event, value) in extract(message, profile).items() if event != "REMOVE"}


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # name
        ("My name is Priya.", {"name": "Priya"}),
        ("Hi! I'm Tomasz, nice to meet you.", {"name": "Tomasz"}),
        ("hey, i am kenji", {"name": "Kenji"}),
        ("Call me Mo.", {"name": "Mo"}),
        ("Sam here, quick one about my account", {"name": "Sam"}),
        # role and employer
        ("I'm a nurse.", {"role": "nurse"}),
        ("I work as a data analyst at Spotify.", {"role": "data analyst", "employer": "Spotify"}),
        ("My job is landscape architect.", {"role": "landscape architect"}),
        ("I work for the city council.", {"employer": "city council"}),
        ("I'm a backend developer at Stripe.", {"role": "backend developer", "employer": "Stripe"}),
        # location
        ("I live in Rotterdam.", {"location": "Rotterdam"}),
        ("I'm based in Nairobi these days.", {"location": "Nairobi"}),
        ("I'm from Porto originally", {"location": "Porto"}),
        # age
        ("I'm 29 years old.", {"age": 29}),
        ("I just turned 40!", {"age": 40}),
        # likes
        ("I love hiking and board games.", {"likes": ["hiking", "board games"]}),
        ("I'm a huge fan of jazz.", {"likes": ["jazz"]}),
        ("My favorite food is ramen.", {"likes": ["ramen"]}),
        ("I enjoy baking, gardening and chess.", {"likes": ["baking", "gardening", "chess"]}),
        ("I adore my cat ❤️", {"pets": ["cat"]}),
        # dislikes
        ("I hate cilantro.", {"dislikes": ["cilantro"]}),
        ("I can't stand loud music.", {"dislikes": ["loud music"]}),
        ("I don't like horror movies.", {"dislikes": ["horror movies"]}),
        ("I'm not a fan of winter.", {"dislikes": ["winter"]}),
        # skills
        ("I'm good at public speaking.", {"skills": ["public speaking"]}),
        ("I know Rust and Go.", {"skills": ["Rust", "Go"]}),
        ("I can play the cello.", {"skills": ["playing the cello"]}),
        ("I'm skilled in woodworking.", {"skills": ["woodworking"]}),
        # languages
        ("I speak Portuguese and a little Japanese.", {"languages": ["Portuguese", "Japanese"]}),
        ("My native language is Polish.", {"languages": ["Polish"]}),
        ("Please answer me in German from now on.", {"languages": ["German"]}),
        # goals
        ("My goal is to run a marathon.", {"goals": ["run a marathon"]}),
        ("I want to become a pilot.", {"goals": ["pilot"]}),
        ("I hope to learn Korean.", {"goals": ["learn Korean"]}),
        ("I dream of opening a bakery.", {"goals": ["opening a bakery"]}),
        # interests
        ("I'm interested in astronomy.", {"interests": ["astronomy"]}),
        ("I'm really into bouldering.", {"interests": ["bouldering"]}),
        ("My hobby is birdwatching.", {"interests": ["birdwatching"]}),
        ("In my free time I paint watercolors.", {"interests": ["watercolors"]}),
        # family, pets, education
        ("I have two daughters.", {"family": ["two daughters"]}),
        ("I'm married with a son.", {"family": ["married"]}),
        ("I have a golden retriever named Biscuit.", {"pets": ["golden retriever"]}),
        ("I studied marine biology.", {"education": ["marine biology"]}),
        ("I have a master's degree in economics.", {"education": ["master's degree in economics"]}),
    ],
)
def test_each_field(message: str, expected: dict[str, Any]) -> None:
    got = stored(message)
    for field, value in expected.items():
        assert field in got, (message, got)
        if isinstance(value, list):
            for item in value:
                assert any(item.lower() in str(g).lower() for g in got[field]), (message, got)
        else:
            assert str(value).lower() == str(got[field]).lower(), (message, got)


@pytest.mark.parametrize(
    "message",
    [
        # somebody else
        "My sister loves tennis.",
        "My colleague Ana is a lawyer.",
        "My husband works at Google.",
        "He is a chef and he lives in Madrid.",
        "My friend speaks Italian.",
        # negation
        "I don't speak Russian.",
        "I'm not a lawyer.",
        "I don't live in Paris.",
        "I never learned to swim.",
        # questions
        "Do you like jazz?",
        "What did I tell you my name was?",
        "Can you remember where I live?",
        "Am I a good cook?",
        # tasks, code, links, pleasantries
        "I need help debugging this function.",
        "Write me a poem about the sea.",
        "Can you translate 'I love you' into French?",
        "```python\ndef add(a, b):\n    return a + b\n```",
        "https://example.com/my-profile",
        "Thanks, that's great!",
        "I want you to summarize this article for me.",
        # short-term states and plans
        "I'm exhausted this morning.",
        "Next week I'm going to a concert.",
        "I'm hungry.",
        "Tonight I want to watch a movie.",
        "I'm busy right now, talk later.",
        # hypotheticals and the past
        "If I were rich I would live in Monaco.",
        "I used to love skateboarding.",
    ],
)
def test_nothing_is_stored(message: str) -> None:
    assert stored(message) == {}, message


@pytest.mark.parametrize(
    ("message", "profile", "field", "event", "value"),
    [
        ("I moved to Lisbon.", {"location": "Berlin"}, "location", "UPDATE", "Lisbon"),
        ("Call me Jo from now on.", {"name": "Joanna"}, "name", "UPDATE", "Jo"),
        ("I'm now a data engineer.", {"role": "analyst"}, "role", "UPDATE", "data engineer"),
        ("I don't like tea anymore.", {"likes": ["tea"]}, "likes", "REMOVE", ["tea"]),
        ("I no longer use Java, drop it.", {"skills": ["Java"]}, "skills", "REMOVE", ["Java"]),
        ("I'm not into chess any more.", {"interests": ["chess"]}, "interests", "REMOVE", ["chess"]),
        ("I stopped liking coffee.", {"likes": ["coffee"]}, "likes", "REMOVE", ["coffee"]),
        ("Please forget my age.", {"age": 30}, "age", "REMOVE", None),
    ],
)
def test_changes(message: str, profile: dict[str, Any], field: str, event: str, value: Any) -> None:
    assert extract(message, profile)[field] == (event, value)


def test_removal_does_not_add_a_dislike() -> None:
    assert "dislikes" not in extract("I don't like tea anymore.", {"likes": ["tea"]})


def test_origin_becomes_hometown_when_location_is_known() -> None:
    assert stored("I'm from Ohio.", {"location": "Denver"}) == {"hometown": "Ohio"}
    assert stored("I'm from Ohio.") == {"location": "Ohio"}


def test_values_come_out_clean() -> None:
    assert stored("I love Python and JavaScript because they are fun.") == {"likes": ["Python", "JavaScript"]}
    assert stored("I live in New York with my wife.")["location"] == "New York"
    assert stored("I'm a teacher at a primary school, and I love it.")["role"] == "teacher"


def test_several_facts_in_one_message() -> None:
    got = stored("Hi, I'm Lena. I'm a UX designer in Berlin and I love climbing and techno.")
    assert got["name"] == "Lena"
    assert got["role"] == "UX designer"
    assert {"climbing", "techno"} <= {v.lower() for v in got["likes"]}


def test_pronoun_points_back() -> None:
    assert stored("I love cooking, and I'm pretty good at it too.")["skills"] == ["cooking"]


def test_statement_inside_a_question_still_counts() -> None:
    assert stored("i'm dana, what's your name?") == {"name": "Dana"}


def test_split_items_and_gerund() -> None:
    assert split_items("tea, coffee and hot chocolate") == ["tea", "coffee", "hot chocolate"]
    assert split_items("running fast, traffic is no problem") == ["running fast"]
    assert [gerund(v) for v in ("swim", "bake", "read", "tie")] == ["swimming", "baking", "reading", "tying"]
