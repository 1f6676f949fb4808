"""'Never remember' rules as pure functions: reading a rule, matching it, cutting a message."""

from __future__ import annotations

import asyncio

import pytest

from domain import FieldEvent
from guards import admit_events
from never_remember import (
    ALIASES,
    TOPICS,
    normalise_rule,
    parse_rule_requests,
    redact_blocked,
    removals,
    rule_matches,
)


@pytest.mark.parametrize(
    ("said", "rule"),
    [
        ("Anything about my health", "health"),
        ("where I live", "location"),
        ("My Job", "job"),
        ("stuff regarding my politics", "political_views"),
        ("how old I am", "age"),
        ("my kids", "family"),
        ("Location", "location"),
        ("my ex-boyfriend", "ex-boyfriend"),
        ("favorite_food", "favorite_food"),
        ("  ", None),
        ("?!", None),
        ("x" * 81, None),
    ],
)
def test_a_rule_is_kept_in_canonical_form(said: str, rule: str | None) -> None:
    assert normalise_rule(said) == rule


def test_every_alias_names_a_topic() -> None:
    assert set(ALIASES.values()) <= set(TOPICS)
    assert {"health", "religion", "sexual_orientation", "political_views", "location", "job"} <= set(TOPICS)


@pytest.mark.parametrize(
    ("message", "rules", "rest"),
    [
        ("Never remember anything about my health.", ["health"], ""),
        ("Please don't store where I live, thanks! I love figs.", ["location"], "I love figs."),
        ("Stop tracking my job from now on.", ["job"], ""),
        ("I don't want you to remember my age.", ["age"], ""),
        ("Do not save my ex-girlfriend please", ["ex-girlfriend"], ""),
        # Not rules: the speaker's own memory, a one-time removal, "that" (one thing just said).
        ("I don't remember where I left my keys.", [], "I don't remember where I left my keys."),
        ("Forget that I like olives.", [], "Forget that I like olives."),
        ("Don't remember that.", [], "Don't remember that."),
    ],
)
def test_rule_requests_are_read_from_a_message(message: str, rules: list[str], rest: str) -> None:
    assert parse_rule_requests(message) == (rules, rest)


def test_rules_match_fields_categories_and_free_words() -> None:
    assert rule_matches("location", "hometown", "Aarhus")
    assert rule_matches("job", "employer", "Lego")
    assert not rule_matches("job", "likes", "Lego")
    assert rule_matches("health", "likes", "insulin pumps")  # the special category's own words
    assert rule_matches("health", "medical", "none")
    assert not rule_matches("health", "likes", "tennis")
    assert rule_matches("ex-boyfriend", "likes", "my ex boyfriends band")
    assert rule_matches("ex-boyfriend", "ex_boyfriend", "Tom")
    assert not rule_matches("ex-boyfriend", "likes", "boyfriend jeans")


def test_the_gate_drops_what_a_rule_covers_and_keeps_the_rest() -> None:
    events = [
        FieldEvent(field="likes", value=["chess", "my ex-wife's lasagne"], event="ADD"),
        FieldEvent(field="location", value="Split", event="UPDATE"),
        FieldEvent(field="location", event="REMOVE"),
    ]
    kept, dropped = admit_events(events, message=None, rules=["ex-wife", "location"])
    assert kept == [
        FieldEvent(field="likes", value=["chess"], event="ADD"),
        FieldEvent(field="location", event="REMOVE"),
    ]
    assert dropped == [
        "likes: 1 item(s) you asked me never to remember",
        "location: you asked me never to remember where you live",
    ]
    assert admit_events(events[:2], message=None) == (events[:2], [])


def test_removals_cover_whole_fields_and_single_items() -> None:
    profile = {"location": "Split", "likes": ["chess", "my ex-wife's lasagne"], "pets": ["ex-wife's cat"]}
    assert removals(profile, ["ex-wife", "location"]) == [
        FieldEvent(field="location", event="REMOVE"),
        FieldEvent(field="likes", value=["my ex-wife's lasagne"], event="REMOVE"),
        FieldEvent(field="pets", event="REMOVE"),
    ]


def test_blocked_clauses_are_cut_from_a_message() -> None:
    text = "I live in Bergen, and I love hiking. My back surgery went fine."
    assert asyncio.run(redact_blocked(text, ["location", "health"])) == ("I love hiking.", 2)
    assert asyncio.run(redact_blocked(text, [])) == (text, 0)

    async def probe(clause: str) -> list[FieldEvent]:
        # Stands for the local rule extractor: it reads a role from the first clause.
        return [FieldEvent(field="role", value="florist", event="ADD")] if "florist" in clause else []

    cut = asyncio.run(redact_blocked("I'm a florist. I adore tulips.", ["job"], probe))
    assert cut == ("I adore tulips.", 1)
