"""Recall on natural chat (issue 9), a fourth set of phrasings: a pastime told by doing it or by
having just done it (also with the "I" left out, as replies to "what are you up to?" go), "I'd rather
X", "do you like X? I love them they're …", a sport told by one's team or game, "I can't drink X",
"I'm looking for a new job", a pet's or child's name given in the clause after it, "I watch X" or
"I read X" as a habit, "… and am a nurse" (only "I" takes "am"), "I spend a lot of time at the X", and
"ive" or "i ve" typed for "I've".

Sentences written for this file, each class with near misses that must store nothing (or less):
questions, someone else's doings, chores and meals, idioms, one-off errands, a choice of topic.
What is checked is what the profile would receive: the extractor's events after the gate every
event passes (guards.admit_events, with the value-quality check).
"""

from __future__ import annotations

import pytest

from tests.rules_helpers import folded, stored

# -- a pastime told by doing it, or by having just done it ---------------------------------


@pytest.mark.parametrize(
    ("message", "interests"),
    [
        # one thing made or watched now is a one-off: the pastime is what lasts
        ("I'm just knitting a scarf for my niece's birthday.", ["knitting"]),
        ("I'm crocheting another blanket for the couch.", ["crocheting"]),
        ("pretty good, just baking some sourdough. you?", ["baking sourdough"]),
        ("Just sketching some seagulls down at the harbour", ["sketching seagulls"]),
        ("not bad , just listening to some old vinyl", None),  # a taste: likes_listening_to reads it
        ("I've been painting watercolours with my friends.", ["painting watercolours"]),
        ("Lately I've been reading a lot.", ["reading"]),
        ("Just got back from kayaking on the lake!", ["kayaking"]),
        ("I just finished choir rehearsal, so tired.", ["choir rehearsal"]),
        ("hey, I just got home from bowling with the guys", ["bowling"]),
        ("I was out sailing all afternoon.", ["sailing"]),
        ("Doing fine, just finished coaching the junior squad.", ["coaching the junior squad"]),
    ],
)
def test_a_pastime_told_by_doing_it(message: str, interests: list[str] | None) -> None:
    assert folded(stored(message).get("interests")) == interests


@pytest.mark.parametrize(
    "message",
    [
        # chores, meals and idioms are no pastime
        "I'm just cooking dinner.",
        "Just finished cleaning the garage.",
        "I'm swimming in paperwork this week.",
        "I'm fishing for compliments, I know.",
        "I'm drawing a blank here.",
        "I'm playing it safe.",
        "I've been watching the news all day.",
        # one film watched, one game played: tonight's, not a pastime
        "I'm watching a documentary about whales right now.",
        "Just playing an old racing game, bit bored.",
        "I'm walking to work.",
        # the other party, or the talk itself
        "I'm just reading your reply.",
        "I've been watching you.",
        # a gerund that is the subject, not the doing
        "Painting is so relaxing.",
        "Reading that made me laugh.",
        "Gardening can be hard on the back.",
        # questions
        "Playing tennis later?",
        "Just got back from hiking?",
        # someone else's
        "She just got back from skiing.",
        "My husband loves golf. Just got back from golfing with his brother.",
        "My sister is home, just finished baking a cake.",
        "My son's team won, playing soccer is his life.",
        # with or for people, not a pastime of one's own
        "I'm just playing with my kids.",
        "I'm just watching my sister's kids.",
        "Just walking my neighbour's dog.",
    ],
)
def test_a_doing_that_is_no_pastime_of_ones_own_stores_none(message: str) -> None:
    assert "interests" not in stored(message)


def test_a_pastime_done_right_now_is_a_passing_state() -> None:
    # "right now" makes the doing passing, as for the other interests rows
    assert "interests" not in stored("I'm knitting right now.")


# -- "I'd rather X" ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "likes"),
    [
        ("I'd rather be sailing than sitting in an office.", ["sailing"]),
        ("Honestly I would rather read a good novel.", ["reading a good novel"]),
        ("I'd rather have green tea.", ["green tea"]),
        ("i'd rather go to the beach than the mountains", ["going to the beach"]),
        ("I'd rather be outdoors, to be fair.", ["being outdoors"]),
    ],
)
def test_what_one_would_rather_do_is_a_taste(message: str, likes: list[str]) -> None:
    assert folded(stored(message).get("likes")) == likes


@pytest.mark.parametrize(
    "message",
    [
        "I'd rather not say.",
        "I'd rather talk about something else.",
        "I'd rather you called me back.",
        "I would rather die.",
        "I'd rather stay in tonight.",
        "My brother would rather play chess.",
        "Would you rather go skiing?",
        "I'd rather wait and see.",
    ],
)
def test_a_rather_that_is_no_taste_stores_none(message: str) -> None:
    assert "likes" not in stored(message)


# -- "do you like X? I love them they're …" ------------------------------------------------


def test_a_pronoun_with_a_comment_after_it_points_back_to_the_question() -> None:
    assert folded(stored("Do you like pickles? I love them they are so crunchy.").get("likes")) == ["pickles"]
    assert folded(stored("do you like jazz ? i hate it it is so messy").get("dislikes")) == ["jazz"]


def test_a_pronoun_with_a_comment_and_nothing_asked_stores_none() -> None:
    assert "likes" not in stored("I love it it's great.")
    assert "likes" not in stored("Do you like olives? My wife loves them they are salty.")


# -- a sport told by one's team or game ----------------------------------------------------


@pytest.mark.parametrize(
    ("message", "interests"),
    [
        ("My volleyball team won on Sunday!", ["volleyball team"]),
        ("my bowling league starts again in march", ["bowling league"]),
        ("My tennis match got moved to Friday.", ["tennis"]),
        ("ugh , my rugby practice ran late", ["rugby"]),
    ],
)
def test_a_sport_told_by_ones_team_or_game(message: str, interests: list[str]) -> None:
    assert folded(stored(message).get("interests")) == interests


@pytest.mark.parametrize(
    "message",
    [
        "My daughter's hockey game is at six.",
        "Is your chess club open to beginners?",
        "The football game was on all night.",
        "My team at work is tiny.",
    ],
)
def test_someone_elses_or_no_team_stores_no_sport(message: str) -> None:
    assert "interests" not in stored(message)


# -- "I can't drink X", "I never eat X" ------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "dislikes"),
    [
        ("I can't drink coffee, it keeps me up.", ["coffee"]),
        ("I never eat pork.", ["pork"]),
        ("i cannot eat spicy food", ["spicy food"]),
    ],
)
def test_what_one_keeps_off(message: str, dislikes: list[str]) -> None:
    assert folded(stored(message).get("dislikes")) == dislikes


@pytest.mark.parametrize(
    "message",
    [
        "I can't eat another bite.",
        "I can't eat right now.",
        "I can't drink that much.",
        "My son can't drink milk.",
        "Can't I eat the cake?",
    ],
)
def test_a_passing_cannot_or_someone_elses_stores_no_dislike(message: str) -> None:
    assert "dislikes" not in stored(message)


# -- "I'm looking for a new job" -------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "goals"),
    [
        ("Honestly I am searching for a new job.", ["find a new job"]),
        ("i am searching for a better job", ["find a better job"]),
        ("I'm job hunting these days.", ["find a job"]),
        ("I'm currently looking for work.", ["find work"]),
    ],
)
def test_a_job_search_is_a_goal(message: str, goals: list[str]) -> None:
    assert folded(stored(message).get("goals")) == goals


@pytest.mark.parametrize(
    ("message", "absent"),
    [
        ("I'm looking for a plumber.", "goals"),
        ("I'm looking for a job for my cousin.", "goals"),
        ("My wife is looking for a new job.", "goals"),
        ("Are you looking for a new job?", "goals"),
        # a search names no employer or role yet
        ("I'm looking for a new job at Siemens.", "employer"),
        ("I'm applying for a job as a welder.", "role"),
    ],
)
def test_a_search_for_something_else_or_someone_else_stores_none(message: str, absent: str) -> None:
    assert absent not in stored(message)


# -- a name given in the clause after the one named ------------------------------------------


@pytest.mark.parametrize(
    ("message", "field", "value"),
    [
        ("I have a rabbit. Her name is Clover.", "pets", ["rabbit named clover"]),
        ("i have a gecko . his name is ziggy", "pets", ["gecko named ziggy"]),
        ("I've got a son. His name is Felix.", "family", ["son felix"]),
        ("I have a brother. His name is Tom.", "family", ["brother tom"]),
    ],
)
def test_a_name_given_in_the_next_clause(message: str, field: str, value: list[str]) -> None:
    assert folded(stored(message).get(field)) == value


@pytest.mark.parametrize(
    ("message", "field", "value"),
    [
        ("My friend has a parrot. Its name is Kiwi.", "pets", None),
        ("I have a vintage typewriter. Her name is Matilda.", "pets", None),
        ("I have two dogs. Her name is Bea.", "pets", ["two dogs"]),
        ("I have a cat and a dog. His name is Max.", "pets", ["cat", "dog"]),
        ("I have a hamster. I love it. Her name is Nibbles.", "pets", ["hamster"]),
    ],
)
def test_a_name_that_cannot_be_told_to_belong_to_the_one_named_is_left_out(
    message: str, field: str, value: list[str] | None
) -> None:
    assert folded(stored(message).get(field)) == value


# -- "I watch X", "I read X": a habit told in the present ------------------------------------


@pytest.mark.parametrize(
    ("message", "interests"),
    [
        ("I read historical fiction.", ["reading historical fiction"]),
        ("i watch nature documentaries with my dad", ["watching nature documentaries"]),
        ("I mostly watch baseball on weekends.", ["watching baseball"]),
    ],
)
def test_what_one_watches_or_reads_is_a_habit(message: str, interests: list[str]) -> None:
    assert folded(stored(message).get("interests")) == interests


@pytest.mark.parametrize(
    "message",
    [
        "I read an article about it.",
        "I read that book last year.",
        "I read somewhere that it helps.",
        "I read your message.",
        "I watch my weight.",
        "I watch the kids on Fridays.",
        "I watch them grow.",
        "My son watches cartoons.",
        "Do you read comics?",
    ],
)
def test_watching_or_reading_one_thing_or_someone_stores_no_habit(message: str) -> None:
    assert "interests" not in stored(message)


# -- "… and am a nurse" ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "role"),
    [
        ("I love hiking and am a nurse.", "nurse"),
        ("i finished my degree and am a pharmacist now", "pharmacist"),
    ],
)
def test_and_am_continues_the_speakers_clause(message: str, role: str) -> None:
    assert folded(stored(message).get("role")) == role


def test_and_am_after_someone_else_is_still_the_speaker_only_when_they_said_i() -> None:
    assert "role" not in stored("My sister loves hiking and is a nurse.")


# -- "I spend a lot of time at the X" ----------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "interests"),
    [
        ("I spend a lot of time at the allotment.", ["spending time at the allotment"]),
        ("i spend most of my free time in the pottery studio", ["spending time in the pottery studio"]),
    ],
)
def test_a_place_one_spends_ones_time_at(message: str, interests: list[str]) -> None:
    assert folded(stored(message).get("interests")) == interests


@pytest.mark.parametrize(
    "message",
    [
        "I spend a lot of time at the office.",
        "I spend most of my time in the hospital with my dad.",
        "I spend all my time in my room.",
        "My son spends a lot of time at the skate park.",
        "I spent a lot of time at the beach last summer.",
    ],
)
def test_work_sickness_home_or_someone_elses_time_stores_no_place(message: str) -> None:
    assert "interests" not in stored(message)


# -- "ive", "i ve" typed for "I've" ---------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "field", "value"),
    [
        ("ive got three hamsters", "pets", ["three hamsters"]),
        ("i ve been crocheting blankets", "interests", ["crocheting blankets"]),
        ("Ive lived in Tallinn for years.", "location", "tallinn"),
    ],
)
def test_ive_typed_without_an_apostrophe_is_ive(message: str, field: str, value: object) -> None:
    assert folded(stored(message).get(field)) == value


def test_the_word_ive_in_a_name_stores_nothing() -> None:
    assert stored("Jony Ive designs phones.") == {}
