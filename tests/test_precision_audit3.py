"""Precision, third audit: classes of values stored from messages that hold no long-term fact
about the speaker (found with bench/junk_probe.py), each with a control that a close true fact
is still kept.

Sentences written for this file. `stored` is what the profile would receive from the rules
extractor after the gate every event passes (guards.admit_events, with the value-quality check);
`check_value` / `check_events` is the gate alone, for a value any extractor (the LLM's too) may propose.
"""

from __future__ import annotations

import pytest

from domain import FieldEvent
from quality import Refused, check_events, check_value
from tests.rules_helpers import folded, stored

# -- someone else's words, quoted ----------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        'Our neighbour shouted "I hate dogs" at the mailman',
        'He posted "I live in Perth now" on his wall',
        "Her profile says “I work at Shopify”",
    ],
)
def test_a_quotation_of_someone_else_is_not_the_users_fact(message: str) -> None:
    kept = stored(message)
    assert not {"dislikes", "location", "employer"} & kept.keys(), kept


def test_a_quotation_an_llm_reads_as_the_users_is_refused() -> None:
    message = 'My flatmate wrote "I speak Danish" on the whiteboard'
    event = FieldEvent(field="languages", value=["Danish"], event="ADD")
    kept, refused = check_events([event], message=message)
    assert kept == [] and "quoted" in refused[0]


def test_the_users_own_words_quoted_and_a_quoted_title_stay() -> None:
    assert stored('I told my landlord "I work at the hospital" and he still doubted me')["employer"] == "hospital"
    assert folded(stored('I love "The Great British Bake Off"')["likes"]) == folded(["Great British Bake Off"])


# -- what others think or say the user is --------------------------------------------------


@pytest.mark.parametrize(
    ("message", "field"),
    [
        ("Everyone assumes I speak Italian", "languages"),
        ("My coworkers think I love karaoke, I don't", "likes"),
    ],
)
def test_what_others_think_of_the_user_is_not_stored(message: str, field: str) -> None:
    assert field not in stored(message)


def test_the_users_own_fact_beside_what_others_say_stays() -> None:
    assert folded(stored("My friends say I'm funny, but honestly I love hiking")["likes"]) == ["hiking"]
    # the thing others believe, then said again by the user in another form
    kept = stored("My cousins think I love sailing but I really do, I sail every summer")
    assert "sailing" in [*kept.get("likes", []), *kept.get("interests", [])]


# -- a story, a game, a role played --------------------------------------------------------


def test_a_character_played_in_a_game_is_no_interest() -> None:
    assert "interests" not in stored("In the game I play a ranger named Kestrel")


def test_a_story_told_is_no_fact_but_the_users_own_clause_stays() -> None:
    message = "I live in Oslo, in the game I play a dwarf named Borin"
    assert stored(message) == {"location": "Oslo"}
    with pytest.raises(Refused, match="quoted"):
        check_value("location", "Maine", message="For my screenplay, the narrator is a welder living in Maine")
    assert check_value("location", "Maine", message="I'm a welder living in Maine") == "Maine"


@pytest.mark.parametrize(
    "message",
    ["Talk to me like I'm a lawyer reviewing this contract", "Pretend I'm a dentist in Leeds and answer as me"],
)
def test_a_hypothetical_self_is_no_fact(message: str) -> None:
    assert stored(message) == {}


def test_a_fact_before_a_likeness_stays() -> None:
    assert stored("I'm a welder and it feels like I'm a stranger at parties") == {"role": "welder"}


# -- irony -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "I adore getting stuck in airports, said no one ever",
        "Oh joy, I totally love doing paperwork",
        "I just adore being stuck in traffic",
    ],
)
def test_irony_is_not_a_preference(message: str) -> None:
    assert "likes" not in stored(message)


def test_a_chore_or_pastime_loved_without_irony_stays() -> None:
    assert folded(stored("I love doing laundry, it calms me")["likes"]) == ["doing laundry"]
    assert folded(stored("I love baking bread")["likes"]) == ["baking bread"]


# -- a figure of speech read as an occupation, and what it was "at" ------------------------


@pytest.mark.parametrize(
    "message",
    [
        "I'm a total moron at chess",
        "I'm a disaster at parallel parking",
        "I'm a genius at parallel parking",
        "I'm a natural at losing keys",
        "I'm a guest at the gala",
        "I'm a witness at the hearing",
        "I'm a passenger on a late bus",
        "I'm a Virgo",
    ],
)
def test_a_self_label_or_a_place_for_a_day_is_no_role_nor_employer(message: str) -> None:
    kept = stored(message)
    assert "role" not in kept and "employer" not in kept, kept


def test_an_event_is_no_employer() -> None:
    assert "employer" not in stored("I'm a plus one at my cousin's wedding")
    assert stored("I work at a wedding venue")["employer"] == "wedding venue"


def test_an_occupation_at_a_place_stays() -> None:
    assert stored("I'm a nurse at St. Luke's") == {"role": "nurse", "employer": "St Luke's"}
    assert stored("I'm a guest lecturer at Leeds") == {"role": "guest lecturer", "employer": "Leeds"}


# -- an idiom read as a place or a name ----------------------------------------------------


@pytest.mark.parametrize(
    "message", ["I'm in hot water with the landlord", "I'm in deep water on this one", "I'm history if I miss the bus"]
)
def test_an_idiom_is_no_place_and_no_name(message: str) -> None:
    assert stored(message) == {}


def test_a_place_or_name_in_similar_words_stays() -> None:
    assert stored("I live in Hot Springs") == {"location": "Hot Springs"}
    assert stored("I'm Tom") == {"name": "Tom"}


# -- a courtesy or a suggestion read as a preference ---------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "I hate to ask, but can you shorten it?",
        "I hate to bother you again",
        "I hate to interrupt, but one more thing",
        "I like it, let's keep going",
    ],
)
def test_a_courtesy_or_suggestion_is_no_preference(message: str) -> None:
    assert stored(message) == {}


def test_a_dislike_of_doing_a_thing_stays() -> None:
    assert folded(stored("I hate asking for directions")["dislikes"]) == ["asking for directions"]


# -- an adjective left alone by a list cut -------------------------------------------------


def test_a_bare_adjective_is_no_preference() -> None:
    assert folded(stored("I love pizza, big and small")["likes"]) == ["pizza"]
    assert folded(stored("I love big dogs")["likes"]) == ["big dogs"]


# -- a one-off goal that points at the conversation -----------------------------------------


@pytest.mark.parametrize(
    "message", ["I want to finish this chapter before dinner", "I'd like to be the kind of person who journals"]
)
def test_a_goal_that_needs_the_message_is_refused(message: str) -> None:
    assert "goals" not in stored(message)


def test_a_long_term_goal_stays() -> None:
    assert folded(stored("I want to finish my degree")["goals"]) == ["finish my degree"]


# -- a count read as an age ------------------------------------------------------------------


@pytest.mark.parametrize("message", ["I'm 40 pages into the report", "I'm 12 chapters behind"])
def test_a_count_is_no_age(message: str) -> None:
    assert "age" not in stored(message)


def test_an_age_stays() -> None:
    assert stored("I'm 40 and live in Perth") == {"age": 40, "location": "Perth"}


# -- a favourite moment is no preference; studying all night is no education ---------------


def test_a_favourite_memory_is_no_preference() -> None:
    assert "likes" not in stored("My favorite memory is our road trip")
    assert folded(stored("My favorite band is Muse")["likes"]) == ["muse"]


def test_how_long_one_studied_is_no_education() -> None:
    assert "education" not in stored("I studied all night for the exam")
    assert folded(stored("I studied law at Edinburgh")["education"]) == ["law at edinburgh"]


# -- a relative keeps its "-in-law" ----------------------------------------------------------


def test_an_in_law_is_not_cut_to_the_parent() -> None:
    assert folded(stored("My mother-in-law lives with us")["family"]) == ["mother-in-law"]
    assert folded(stored("I have a brother-in-law in Cork")["family"]) == ["brother-in-law"]
    assert folded(stored("My mother lives with us and I love her")["family"]) == ["mother"]


# -- a workplace moved to is no home -------------------------------------------------------


def test_a_workplace_moved_to_is_no_location() -> None:
    assert "location" not in stored("I moved from the hospital to a GP practice, still nursing")
    assert stored("I moved to a law firm in Bristol")["location"] == "Bristol"
    assert stored("I just moved to Paris") == {"location": "Paris"}


# -- an offer, a time or a thing had for a week ---------------------------------------------


@pytest.mark.parametrize(
    ("message", "field"),
    [
        ("I can do Wednesday morning", "skills"),
        ("I can drive us to the lake", "skills"),
        ("I have a rental van this week", "possessions"),
        ("I have a loaner phone until mine is repaired", "possessions"),
    ],
)
def test_an_offer_a_time_or_a_thing_had_for_a_while_is_not_stored(message: str, field: str) -> None:
    assert field not in stored(message)


def test_a_skill_and_a_thing_owned_stay() -> None:
    assert folded(stored("I can drive")["skills"]) == ["driving"]
    assert folded(stored("I have a vintage car")["possessions"]) == ["vintage car"]


# -- a possessive is someone else's name -----------------------------------------------------


@pytest.mark.parametrize("message", ["I'm Priya's dad", "I'm Olek's younger brother"])
def test_a_possessive_is_no_name(message: str) -> None:
    assert "name" not in stored(message)


def test_a_name_beside_a_possessive_stays() -> None:
    assert stored("I'm Chris, Anna's dad")["name"] == "Chris"
    assert stored("My name is Jess")["name"] == "Jess"


# -- a post held for a week, an activity read as a job -------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "I'm acting head of sales while Dana is on leave",
        "I'm interim team lead until the new hire starts",
        "I'm shadowing a paramedic for two days",
    ],
)
def test_a_post_held_for_a_while_or_an_activity_is_no_role(message: str) -> None:
    assert "role" not in stored(message)


def test_an_occupation_with_such_words_stays() -> None:
    assert stored("I'm interim CEO at Brightly")["role"] == "interim CEO"
    assert stored("I'm a substitute teacher")["role"] == "substitute teacher"
    assert stored("I drive a bus for a living")["role"] == "driving a bus"


# -- "X say I …", an emoji in the value ------------------------------------------------


def test_what_another_say_of_the_user_is_not_stored() -> None:
    assert "likes" not in stored("My husband Jun say I love my plants more than him, haha")
    assert folded(stored("As I said, I love hiking")["likes"]) == ["hiking"]


def test_an_emoji_at_a_values_end_is_cut() -> None:
    assert folded(stored("I love my plants 🙂")["likes"]) == ["plants"]
    assert folded(stored("I love Beyoncé 👑👑")["likes"]) == ["beyoncé"]
    assert folded(stored("I love C#")["likes"]) == ["c#"]
