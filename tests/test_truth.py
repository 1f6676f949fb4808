"""Truth over time through the LLM path: the model contradicts itself or the stored profile,
and the merge keeps the profile consistent (the real openai client against the fake server)."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.fake_llm import FakeLLM, events_reply


def say(client: TestClient, fake_llm: FakeLLM, user_id: str, message: str, *events: dict) -> dict:
    fake_llm.queue(events_reply(*events))
    response = client.post("/messages", json={"user_id": user_id, "message": message})
    assert response.status_code == 200, response.text
    return response.json()


def profile(client: TestClient, user_id: str) -> dict:
    return client.get(f"/users/{user_id}/profile").json()


def test_forgetting_a_like_is_not_undone_by_the_same_answer(
    openai_client: TestClient, fake_llm: FakeLLM, user_id: str
) -> None:
    say(
        openai_client,
        fake_llm,
        user_id,
        "I like sailing and chess",
        {"field": "likes", "value": ["sailing", "chess"], "event": "ADD"},
    )
    body = say(
        openai_client,
        fake_llm,
        user_id,
        "Please forget that I like sailing",
        {"field": "likes", "value": ["sailing"], "event": "REMOVE"},
        {"field": "likes", "value": ["Sailing"], "event": "ADD"},
    )
    assert body["extracted_memories"] == [{"field": "likes", "value": ["sailing"], "event": "REMOVE"}]
    assert profile(openai_client, user_id) == {"likes": ["chess"]}


def test_a_new_dislike_takes_the_thing_out_of_likes(openai_client: TestClient, fake_llm: FakeLLM, user_id: str) -> None:
    say(
        openai_client,
        fake_llm,
        user_id,
        "I love mushrooms and rice",
        {"field": "likes", "value": ["mushrooms", "rice"], "event": "ADD"},
    )
    body = say(
        openai_client,
        fake_llm,
        user_id,
        "Honestly I don't like mushrooms",
        {"field": "dislikes", "value": ["mushroom"], "event": "ADD"},
    )
    assert body["extracted_memories"] == [
        {"field": "likes", "value": ["mushrooms"], "event": "REMOVE"},
        {"field": "dislikes", "value": ["mushroom"], "event": "ADD"},
    ]
    assert profile(openai_client, user_id) == {"likes": ["rice"], "dislikes": ["mushroom"]}
    # and back again: the newer polarity always wins
    say(
        openai_client,
        fake_llm,
        user_id,
        "I've come round to mushrooms, I love them now",
        {"field": "interests", "value": ["Mushrooms"], "event": "ADD"},
    )
    assert profile(openai_client, user_id) == {"likes": ["rice"], "interests": ["Mushrooms"]}


def test_an_answer_liking_and_disliking_one_thing_keeps_only_the_later(
    openai_client: TestClient, fake_llm: FakeLLM, user_id: str
) -> None:
    body = say(
        openai_client,
        fake_llm,
        user_id,
        "I used to enjoy crosswords but now I hate them",
        {"field": "likes", "value": ["crosswords"], "event": "ADD"},
        {"field": "dislikes", "value": ["crosswords"], "event": "ADD"},
    )
    assert body["extracted_memories"] == [{"field": "dislikes", "value": ["crosswords"], "event": "ADD"}]
    assert profile(openai_client, user_id) == {"dislikes": ["crosswords"]}


def test_restating_what_is_stored_is_no_change(openai_client: TestClient, fake_llm: FakeLLM, user_id: str) -> None:
    say(
        openai_client,
        fake_llm,
        user_id,
        "I'm a data analyst",
        {"field": "role", "value": "data analyst", "event": "ADD"},
    )
    body = say(
        openai_client,
        fake_llm,
        user_id,
        "As I said, I'm a Data Analyst and I like maps",
        {"field": "role", "value": "Data  Analyst", "event": "UPDATE"},
        {"field": "location", "value": "Quito", "event": "REMOVE"},
    )
    assert body["extracted_memories"] == []
    assert body["message"] == "Message processed; nothing to remember"
    assert profile(openai_client, user_id) == {"role": "data analyst"}


def test_ending_words_end_a_job_stored_in_another_spelling(
    openai_client: TestClient, fake_llm: FakeLLM, user_id: str
) -> None:
    say(
        openai_client,
        fake_llm,
        user_id,
        "I'm a senior data analyst at Northwind",
        {"field": "role", "value": "a Senior Data Analyst", "event": "ADD"},
        {"field": "employer", "value": "Northwind", "event": "ADD"},
        {"field": "location", "value": "Quito", "event": "ADD"},
    )
    body = say(
        openai_client,
        fake_llm,
        user_id,
        "I'm no longer a data analyst, I left Northwind last week",
        {"field": "role", "value": "data analyst", "event": "REMOVE"},
        {"field": "employer", "value": "northwind last week", "event": "REMOVE"},
        {"field": "role", "value": "data analyst", "event": "ADD"},
    )
    assert body["extracted_memories"] == [
        {"field": "role", "value": "a Senior Data Analyst", "event": "REMOVE"},
        {"field": "employer", "value": "Northwind", "event": "REMOVE"},
    ]
    assert profile(openai_client, user_id) == {"location": "Quito"}


def test_replacing_words_replace_the_scalar(openai_client: TestClient, fake_llm: FakeLLM, user_id: str) -> None:
    say(openai_client, fake_llm, user_id, "I live in Quito", {"field": "location", "value": "Quito", "event": "ADD"})
    body = say(
        openai_client,
        fake_llm,
        user_id,
        "We moved to Cuenca last month, so I'm not in Quito anymore",
        {"field": "location", "value": "Quito", "event": "REMOVE"},
        {"field": "location", "value": "Cuenca last month", "event": "UPDATE"},
    )
    assert body["extracted_memories"] == [
        {"field": "location", "value": "Quito", "event": "REMOVE"},
        {"field": "location", "value": "Cuenca", "event": "ADD"},
    ]
    assert profile(openai_client, user_id) == {"location": "Cuenca"}
