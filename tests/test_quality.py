"""The value-quality check: one test per class of junk, as a pure function and through the
LLM path (the real openai client against the fake server), plus the person's own edit."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import vocabulary
from domain import FieldEvent
from guards import admit_events
from quality import Refused, check_events, check_value
from tests.fake_llm import FakeLLM, events_reply

# (class of junk, field, value the extractor proposed, the user's message, the reason given)
JUNK = [
    ("function words", "likes", "of the", "I like all of the above, honestly", "is made only of function words"),
    ("time word", "goals", "next Tuesday", "My plan is for next Tuesday", "a time, not a fact"),
    ("percentage as age", "age", "150", "I'm 150% on board with that", "not a plausible human age (1-120)"),
    ("rating as age", "age", "9", "I'd give my lunch a 9/10", "a count, rating or measure, not an age"),
    ("count as age", "age", "4", "I'm raising 4 kids on my own", "a count, rating or measure, not an age"),
    ("adjective as name", "name", "Thrilled", "I'm thrilled and a bit hungry", "a common word, not a name"),
    ("suffix adjective as name", "name", "Adventurous", "I'm adventurous", "an adjective, not a name"),
    ("pet as name", "name", "Biscuit", "Say hello to Biscuit, my little kitten!", "a pet's name, not the user's"),
    (
        "introduced as name",
        "name",
        "Pepper",
        "This is Pepper, I think you two will get along.",
        "someone introduced to the listener, not the user",
    ),
    (
        "prepositional location",
        "location",
        "for the party",
        "I'm so down for the party",
        "a prepositional phrase, not a place",
    ),
    ("state as location", "location", "a hurry", "I'm in a hurry", "a state, not a place"),
    (
        "can picture as skill",
        "skills",
        "picture myself in Rome",
        "I can picture myself in Rome",
        '"can picture" is no skill',
    ),
    (
        "can help as skill",
        "skills",
        "help out at the shelter",
        "I can help out at the shelter",
        '"can help" is no skill',
    ),
    (
        "wish to the other party",
        "likes",
        "your holiday",
        "Enjoy your holiday, I'd say",
        "about the other party, not the user",
    ),
    (
        "courtesy as like",
        "likes",
        "to hear more",
        "I'd love to hear more",
        "a courtesy to the other party, not a preference",
    ),
    (
        "courtesy object as like",
        "likes",
        "the idea",
        "Oh I love the idea",
        "a courtesy to the other party, not a preference",
    ),
    ("bare infinitive marker", "likes", "to", "Sure, I'd love to.", "is made only of function words"),
    ("pronoun needs the message", "likes", "that one", "I like that one", "needs the message to be understood"),
    ("dangling object", "dislikes", "doing it", "I hate doing it", "needs the message to be understood"),
    ("idiom as role", "role", "huge fan of opera", "I'm a huge fan of opera", "not an occupation"),
    ("reading habit as role", "role", "bookworm", "Honestly I've always been a bookworm", "not an occupation"),
    ("music identity as role", "role", "metalhead", "I have been a metalhead since my teens", "not an occupation"),
    ("food identity as role", "role", "total foodie", "I'm a total foodie, to be fair", "not an occupation"),
    ("gym habit as role", "role", "gym rat", "My friends call me a gym rat and I'm a gym rat", "not an occupation"),
    ("bare owner as role", "role", "owner", "I'm the owner of this laptop", "too vague to be a fact"),
    ("adverb as education", "education", "very hard", "I studied very hard", "too vague to be a fact"),
    (
        "activity as employer",
        "employer",
        "baking for my neighbours' parties",
        "I work at baking for my neighbours' parties",
        "an activity, not an employer",
    ),
    (
        "own relative as like",
        "likes",
        "sister",
        "I love my sister so much",
        "the user's own family or pet, not a preference",
    ),
    ("own pet as like", "likes", "puppy", "I adore my new puppy", "the user's own family or pet, not a preference"),
    (
        "clause as like",
        "likes",
        "board games are the best",
        "Board games are the best, I think",
        "a clause, not a value",
    ),
    ("year as location", "location", "2004", "I've been here in 2004", "a number, not a place"),
    (
        "a trade as location",
        "location",
        "the shipping business",
        "I'm in the shipping business",
        "a state, not a place",
    ),
    ("working from home as employer", "employer", "home most days", "I work from home most days", "not an employer"),
    ("objectless goal", "goals", "visit", "I really want to visit", "needs the message to be understood"),
    (
        "prepositional preference",
        "dislikes",
        "at lunch broccoli",
        "I ate what I hate at lunch broccoli",
        "a prepositional phrase, not a thing liked or disliked",
    ),
    (
        "negated preference",
        "likes",
        "nothing too loud",
        "I like nothing too loud",
        "a negation, not a thing liked or disliked",
    ),
    ("vague head", "likes", "retro stuff", "I enjoy retro stuff", "too vague to be a fact"),
    (
        "exception as preference",
        "likes",
        "except for mushrooms",
        "I eat anything, except for mushrooms",
        "an exception, not a thing liked or disliked",
    ),
    ("apart from", "likes", "apart from opera", "I like any music apart from opera", "an exception, not a thing liked or disliked"),  # noqa: E501
    ("everything at once", "likes", "a little of everything", "I read a little of everything", "too vague to be a fact"),  # noqa: E501
    ("deictic place", "likes", "the place", "been there twice, I love the place", "needs the message to be understood"),
]


@pytest.mark.parametrize(("kind", "field", "value", "message", "reason"), JUNK, ids=[row[0] for row in JUNK])
def test_the_check_refuses_each_class_of_junk(kind: str, field: str, value: str, message: str, reason: str) -> None:
    with pytest.raises(Refused) as refused:
        check_value(field, value, message=message)
    assert str(refused.value) == reason


@pytest.mark.parametrize(
    ("field", "value", "message", "stored"),
    [
        ("role", "barista last month", "I quit as a barista last month", "barista"),
        ("location", "Leeds since 2019", "I've lived in Leeds since 2019", "Leeds"),
        ("role", "plumber for twelve years", "I've been a plumber for twelve years", "plumber"),
        ("goals", "marathon runner someday", "I want to be a marathon runner someday", "marathon runner"),
        ("employer", "Zappos basically", "I work for Zappos basically", "Zappos"),
        ("dislikes", "snakes at all", "I don't like snakes at all", "snakes"),
        ("likes", "well board games", "I like, well, board games", "board games"),
        ("location", "in Porto", "I live in Porto", "Porto"),
        ("age", "thirty-two", "I'm thirty-two", "32"),
        ("age", "27 years old", "I'm 27 years old", "27"),
        ("name", "Ana Lucia Reyes", "Hi, I'm Ana Lucia Reyes", "Ana Lucia Reyes"),
        ("name", "Winston", "my name is Winston and I have a dog", "Winston"),
        ("name", "Ted", "I'm Ted, this is my dog", "Ted"),
        ("name", "Noor whats up", "I am Noor whats up with you", "Noor"),
        ("name", "Ines, and", "I'm Ines, and I teach", "Ines"),
        ("goals", "open a bakery in three years", "I hope to open a bakery in three years", "open a bakery"),
        ("likes", "long walks with", "I like long walks with", "long walks"),
        ("likes", "crosswords and", "I love crosswords and", "crosswords"),
        ("likes", "all sorts of puzzles", "I like all sorts of puzzles", "puzzles"),
        ("likes", "thunderstorms most", "what I love is thunderstorms most", "thunderstorms"),
        ("likes", "fixing things", "I like fixing things", "fixing things"),
        ("skills", "is knitting", "my best skill is knitting", "knitting"),
        ("education", "Oxford at the age of 19", "I went to Oxford at the age of 19", "Oxford"),
        ("likes", "working out", "I like working out", "working out"),
        ("likes", "kids", "I love kids, I'm a teacher", "kids"),
        ("likes", "dogs", "I like dogs", "dogs"),
        ("likes", "to-do lists", "I love to-do lists", "to-do lists"),
        ("name", "Jean-Luc", "call me Jean-Luc", "Jean-Luc"),
        ("name", "Will", "Hi there, I'm Will", "Will"),
        ("name", "May", "I'm May", "May"),
        ("skills", "juggle three balls that's it", "I can juggle three balls, that's it", "juggle three balls"),
        ("employer", "7-Eleven", "I work at 7-Eleven", "7-Eleven"),
        ("likes", "The Who", "I love The Who", "The Who"),
        ("likes", "weekends", "I love weekends", "weekends"),
        ("skills", "make sourdough", "I can make sourdough", "make sourdough"),
        ("employer", "a marketing agency", "I work at a marketing agency", "a marketing agency"),
        ("employer", "a diner to cover rent", "I work at a diner to cover rent", "a diner"),
        ("role", "tutor to earn extra cash", "I'm a tutor to earn extra cash", "tutor"),
        ("role", "assistant to the mayor", "I'm an assistant to the mayor", "assistant to the mayor"),
        ("likes", "places with history", "I love places with history", "places with history"),
        ("location", "the Middle East", "I live in the Middle East", "the Middle East"),
    ],
)
def test_good_values_pass_and_trailing_time_is_cut(field: str, value: str, message: str, stored: str) -> None:
    assert check_value(field, value, message=message) == stored


def test_numbers_from_an_llm() -> None:
    assert check_value("age", 38, message="I turned 38") == 38
    with pytest.raises(Refused, match="not a plausible human age"):
        check_value("age", 212, message="I'm 212 percent sure")
    with pytest.raises(Refused, match="not a plausible human age"):
        check_value("age", True, message="I'm old")
    with pytest.raises(Refused, match="a count, rating or measure"):
        check_value("age", 5, message="I rate it 5 stars")


def test_a_list_keeps_its_good_items_and_names_each_refusal() -> None:
    events = [FieldEvent(field="likes", value=["kayaking", "it", "your plan"], event="ADD")]
    kept, refused = check_events(events, message="I like kayaking, and it, and your plan")
    assert [e.model_dump() for e in kept] == [{"field": "likes", "value": ["kayaking"], "event": "ADD"}]
    assert refused == [
        "likes=it: needs the message to be understood",
        "likes=your plan: about the other party, not the user",
    ]


def test_removes_are_never_refused_only_cut_back() -> None:
    events = [
        FieldEvent(field="role", value="courier last year", event="REMOVE"),
        FieldEvent(field="likes", value=None, event="REMOVE"),
        FieldEvent(field="likes", value=["it"], event="REMOVE"),
    ]
    kept, refused = check_events(events, message="I was a courier last year")
    assert [e.model_dump() for e in kept] == [
        {"field": "role", "value": "courier", "event": "REMOVE"},
        {"field": "likes", "value": None, "event": "REMOVE"},
        {"field": "likes", "value": ["it"], "event": "REMOVE"},
    ]
    assert refused == []


def test_a_persons_own_edit_is_not_judged() -> None:
    # No message: the person typed it, and knows what they mean.
    events = [
        FieldEvent(field="name", value="Sunny", event="UPDATE"),
        FieldEvent(field="location", value="on the road", event="UPDATE"),
        FieldEvent(field="age", value="200", event="UPDATE"),
        FieldEvent(field="likes", value=["to", "?!"], event="ADD"),
    ]
    kept, refused = admit_events(events, message=None, source="put")
    assert [e.model_dump() for e in kept] == [e.model_dump() for e in events]
    assert refused == []


def test_admit_events_runs_the_check_on_every_extractors_output() -> None:
    events = [
        FieldEvent(field="name", value="Sleepy", event="ADD"),
        FieldEvent(field="pets", value="hamster", event="ADD"),
    ]
    kept, refused = admit_events(events, message="I'm sleepy, I have a hamster")
    assert [e.model_dump() for e in kept] == [{"field": "pets", "value": "hamster", "event": "ADD"}]
    assert refused == ["name=Sleepy: a common word, not a name"]


def test_put_stores_what_the_person_typed(client: TestClient, user_id: str) -> None:
    # What an extractor would be refused, a person may keep: a PUT accepts what its schema allows.
    for key, value in (("likes", ["tennis", "the"]), ("location", "on the road"), ("name", "Happy"), ("pets", "?!")):
        response = client.put(f"/users/{user_id}/memories/{key}", json={"value": value})
        assert response.status_code == 200, (key, response.text)
    assert client.get(f"/users/{user_id}/profile").json() == {
        "likes": ["tennis", "the"],
        "location": "on the road",
        "name": "Happy",
        "pets": ["?!"],
    }


@pytest.mark.parametrize(("kind", "field", "value", "message", "reason"), JUNK, ids=[row[0] for row in JUNK])
def test_junk_from_the_llm_is_not_stored_and_the_response_says_why(
    openai_client: TestClient,
    fake_llm: FakeLLM,
    user_id: str,
    kind: str,
    field: str,
    value: str,
    message: str,
    reason: str,
) -> None:
    fake_llm.queue(
        events_reply(
            {
                "field": field,
                "value": [value] if field in ("likes", "dislikes", "skills", "goals", "education") else value,
                "event": "ADD",
            }
        )
    )
    response = openai_client.post("/messages", json={"user_id": user_id, "message": message})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["extracted_memories"] == []
    assert body["message"] == f"Message processed; not stored: {field}={value}: {reason}"
    assert len(fake_llm.requests) == 1
    assert openai_client.get(f"/users/{user_id}/profile").json() == {}


def test_the_llm_path_stores_the_cut_back_value(openai_client: TestClient, fake_llm: FakeLLM, user_id: str) -> None:
    fake_llm.queue(events_reply({"field": "role", "value": "cashier two weeks ago", "event": "ADD"}))
    response = openai_client.post(
        "/messages", json={"user_id": user_id, "message": "I started as a cashier two weeks ago"}
    )
    assert response.json()["extracted_memories"] == [{"field": "role", "value": "cashier", "event": "ADD"}]
    assert openai_client.get(f"/users/{user_id}/profile").json() == {"role": "cashier"}


def test_word_lists_hold_no_duplicates() -> None:
    tree = ast.parse(Path(vocabulary.__file__).read_text())
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
            builder = getattr(node.value.func, "id", "")
            if builder not in ("words", "phrases", "word_set", "longest_first"):
                continue
            raw = node.value.args[0].value  # type: ignore[attr-defined]
            if builder in ("words", "word_set"):
                items = raw.split()
            else:
                items = [" ".join(p.split()) for p in raw.split("|") if p.strip()]
            repeated = sorted({item for item in items if items.count(item) > 1})
            assert repeated == [], (node.targets[0].id, repeated)  # type: ignore[attr-defined]
