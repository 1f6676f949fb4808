"""Truth over time, third round (issue 9): a life changes and the stored profile follows it.

Multi-message sequences read the way the service stores them (extractor -> guards.admit_events
-> merge.apply_events, tests.rules_helpers.after), each asserting the exact final profile.
Sentences written for this file; the near misses (suppositions, plans, questions, someone
else's life) must change nothing.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.rules_helpers import after


def told(*messages: str, start: dict[str, Any] | None = None) -> dict[str, Any]:
    """The profile after the messages, in order, from `start` (empty when not given)."""
    profile: dict[str, Any] = dict(start or {})
    for message in messages:
        profile = after(message, profile)
    return profile


# -- a new job: the old employer does not stay beside a different trade ---------------------
CHEMIST = "I work as a pharmacist at Larkfield Pharmacy."


@pytest.mark.parametrize(
    ("message", "role"),
    [
        ("I'm a bus driver now.", "bus driver"),
        ("i'm a bus driver now", "bus driver"),
        ("These days I'm a florist.", "florist"),
        ("I work as a carpenter these days.", "carpenter"),
        ("i became a paramedic last year", "paramedic"),
        ("Now I'm a stay-at-home dad.", "stay-at-home dad"),
    ],
)
def test_a_different_trade_told_as_a_change_ends_the_old_employer(message: str, role: str) -> None:
    assert told(CHEMIST, message) == {"role": role}


@pytest.mark.parametrize(
    "message",
    [
        "I'm retired now.",
        "i retired last year",
        "I've finally retired!",
    ],
)
def test_retiring_ends_the_stored_employer(message: str) -> None:
    assert told(CHEMIST, message) == {"role": "retired"}


def test_a_promotion_keeps_the_employer() -> None:
    assert told(CHEMIST, "I'm a senior pharmacist now.") == {
        "role": "senior pharmacist",
        "employer": "Larkfield Pharmacy",
    }


def test_a_new_trade_with_its_employer_replaces_both() -> None:
    assert told(CHEMIST, "I'm now a ranger at Kielder Park.") == {"role": "ranger", "employer": "Kielder Park"}


@pytest.mark.parametrize(
    "message",
    [
        "My last day at Larkfield Pharmacy was Friday.",
        "my last day at larkfield pharmacy was yesterday",
        "Tomorrow is my last day at Larkfield Pharmacy.",
    ],
)
def test_a_last_day_at_the_employer_ends_it(message: str) -> None:
    assert told(CHEMIST, message) == {"role": "pharmacist"}


@pytest.mark.parametrize(
    "message",
    [
        "I might become a bus driver next year.",  # a plan
        "If I were a bus driver I'd see more of the city.",  # a supposition
        "Should I become a florist?",  # a question
        "My brother is a bus driver now.",  # someone else
        "My husband retired last year.",  # someone else retires
        "My last day at the beach was lovely.",  # not the employer
        "Our last day at the cottage was Friday.",  # not a job
    ],
)
def test_near_misses_keep_the_job(message: str) -> None:
    profile = told(CHEMIST, message)
    assert profile["role"] == "pharmacist"
    assert profile["employer"] == "Larkfield Pharmacy"


def test_a_first_role_beside_a_stored_employer_keeps_it() -> None:
    # no trade was stored: the two messages describe one job
    profile = told("I work at Hollowmere Foods.", "I'm a packer now.")
    assert profile == {"role": "packer", "employer": "Hollowmere Foods"}


# -- a move: the new place replaces the old, and a place left is no longer home --------------
HOME = "I live in Dunmore."


@pytest.mark.parametrize(
    "message",
    [
        "We packed up and moved to Castlebar in the spring.",
        "We packed up and went to Castlebar.",
        "We upped sticks and moved to Castlebar.",
        "we made the move to castlebar last year",
        "I've made the move to Castlebar.",
        "I'm back home in Castlebar after ten years in Dunmore.",
        "i'm back home in castlebar now",
        "My new place in Castlebar has a garden.",
        "We just settled in Castlebar.",
        "We relocated to Castlebar in May.",
    ],
)
def test_a_move_told_another_way_replaces_the_location(message: str) -> None:
    assert {field: str(value).casefold() for field, value in told(HOME, message).items()} == {"location": "castlebar"}


@pytest.mark.parametrize(
    "message",
    [
        "I left Dunmore last spring.",
        "we left dunmore years ago",
        "I left Dunmore for good.",
        "We moved away from Dunmore.",
    ],
)
def test_leaving_the_stored_place_ends_it(message: str) -> None:
    assert told(HOME, message) == {}


def test_living_somewhere_since_leaving_the_stored_place() -> None:
    assert told(HOME, "Been living in Castlebar since we left Dunmore.") == {"location": "Castlebar"}


@pytest.mark.parametrize(
    "message",
    [
        "If I moved to Castlebar I'd have a shorter commute.",  # a supposition
        "My sister moved to Castlebar.",  # someone else
        "Should we move to Castlebar?",  # a question
        "I might move to Castlebar next year.",  # a plan
        "We're thinking about moving to Castlebar.",  # a plan
        "I left Dunmore at six this morning to beat the traffic.",  # a trip from home
        "We left Dunmore for the weekend.",  # a trip
        "I left Castlebar last spring.",  # not the stored place
        "We packed up and went to the beach.",  # an outing
        "We packed up and went to Castlebar for the weekend.",  # a trip
        "I'm back in the office on Monday.",  # not a place
        "My new place in the team is great.",  # not a home
    ],
)
def test_near_misses_of_a_move_keep_the_location(message: str) -> None:
    assert told(HOME, message)["location"] == "Dunmore"


# -- a changed taste: the newer attitude wins, a favourite may change without the old one hated --
def test_a_favourite_told_as_now_is_added_beside_the_old_one() -> None:
    # a new favourite does not say the old one stopped being liked
    profile = told("My favourite band is Fontaines.", "My favourite band is now Wet Leg.")
    assert profile == {"likes": ["Fontaines", "Wet Leg"]}


@pytest.mark.parametrize(
    "message",
    [
        "Halloumi has become my favourite cheese.",
        "halloumi is my new favourite",
        "Halloumi's become my favourite.",
    ],
)
def test_a_thing_that_became_the_favourite_is_liked(message: str) -> None:
    profile = told("I love brie.", message)
    assert {field: [str(x).casefold() for x in value] for field, value in profile.items()} == {
        "likes": ["brie", "halloumi"]
    }


@pytest.mark.parametrize(
    "message",
    [
        "I've gone off brie.",
        "i've totally gone off brie",
        "I went off brie after that holiday.",
    ],
)
def test_going_off_a_liked_thing_ends_the_like(message: str) -> None:
    assert told("I love brie and figs.", message) == {"likes": ["figs"]}


@pytest.mark.parametrize(
    "message",
    [
        "Brie isn't my thing anymore.",
        "brie is not my thing these days",
    ],
)
def test_no_longer_my_thing_turns_a_like_to_a_dislike(message: str) -> None:
    profile = told("I love brie and figs.", message)
    assert {field: [str(x).casefold() for x in value] for field, value in profile.items()} == {
        "likes": ["figs"],
        "dislikes": ["brie"],
    }


@pytest.mark.parametrize(
    "message",
    [
        "Actually I quite like okra now.",
        "i quite like okra these days",
        "I've started to enjoy okra.",
        "I'm starting to like okra.",
        "i have begun to like okra",
    ],
)
def test_a_dislike_that_turned_to_a_like(message: str) -> None:
    assert told("I hate okra and sprouts.", message) == {"dislikes": ["sprouts"], "likes": ["okra"]}


@pytest.mark.parametrize(
    "message",
    [
        "My son has gone off brie.",  # someone else
        "Have you gone off brie?",  # a question
        "The brie has gone off.",  # spoiled, not a taste
        "I went off to university in Galway.",  # a departure
        "I've started to like him.",  # a person
        "If I went off brie I'd have nothing to eat.",  # a supposition
    ],
)
def test_near_misses_of_a_changed_taste_keep_the_like(message: str) -> None:
    assert told("I love brie.", message)["likes"] == ["brie"]


# -- a new name ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("message", "name"),
    [
        ("After the wedding, I took the name Orla Byrne.", "Orla Byrne"),
        ("I changed my name to Orla.", "Orla"),
        ("i've changed my name to orla", "Orla"),
        ("I'm going by Orla now.", "Orla"),
        ("My new name is Orla.", "Orla"),
    ],
)
def test_a_new_name_replaces_the_old(message: str, name: str) -> None:
    assert told("My name is Aoife Kelly.", message) == {"name": name}


@pytest.mark.parametrize(
    "message",
    [
        "My sister changed her name to Orla.",  # someone else
        "Should I change my name to Orla?",  # a question
        "I might change my name to Orla.",  # a plan
        "I took the name tag off my bag.",  # not a name
        "I changed my last name to Byrne.",  # a surname alone does not replace the full name
    ],
)
def test_near_misses_of_a_new_name_keep_it(message: str) -> None:
    assert told("My name is Aoife Kelly.", message)["name"] == "Aoife Kelly"


# -- a career change and an ended trade ------------------------------------------------------
WELDER = "I'm a welder at Ostrander Steel."


@pytest.mark.parametrize(
    "message",
    [
        "I switched careers and became a midwife.",
        "i changed careers and became a midwife",
        "I retrained as a midwife.",
        "i've retrained as a midwife",
    ],
)
def test_a_career_change_replaces_the_role_and_its_employer(message: str) -> None:
    assert told(WELDER, message) == {"role": "midwife"}


@pytest.mark.parametrize(
    "message",
    [
        "I retired from Ostrander Steel last year.",
        "i retired from ostrander steel in 2021",
        "I retired from welding.",
        "I've retired from work.",
    ],
)
def test_retiring_from_the_stored_job_makes_the_role_retired(message: str) -> None:
    assert told(WELDER, message) == {"role": "retired"}


@pytest.mark.parametrize(
    "message",
    [
        "I quit welding last year.",
        "i gave up welding for good",
        "I stopped welding in 2020.",
        "I don't weld anymore.",
    ],
)
def test_giving_up_the_trade_ends_the_role(message: str) -> None:
    assert told("I'm a welder.", message) == {}


@pytest.mark.parametrize(
    "message",
    [
        "I retired from competitive rowing.",  # a sport, not the job
        "My dad retired from Ostrander Steel.",  # someone else
        "I quit smoking last year.",  # not the trade
        "I stopped welding for a week while my hand healed.",  # a pause
        "I might retrain as a midwife.",  # a plan
        "Should I switch careers and become a midwife?",  # a question
    ],
)
def test_near_misses_of_a_career_change_keep_the_job(message: str) -> None:
    profile = told(WELDER, message)
    assert (profile["role"], profile["employer"]) == ("welder", "Ostrander Steel")


def test_retiring_from_the_employer_ends_it_and_the_trade() -> None:
    # (was pinned in test_rules_endings.py as ending the employer only: one who retired is retired)
    assert told("I retired from Ericsson in June.", start={"role": "tester", "employer": "Ericsson"}) == {
        "role": "retired"
    }


# -- a taste that flipped, told in other words ------------------------------------------------
@pytest.mark.parametrize(
    "message",
    [
        "i never liked quinoa",
        "I never really cared for quinoa.",
        "Quinoa is gross to me.",
        "i think quinoa is disgusting",
        "I'm not a quinoa person.",
    ],
)
def test_a_like_turned_to_a_dislike(message: str) -> None:
    profile = told("I love quinoa and kale.", message)
    assert {field: [str(x).casefold() for x in value] for field, value in profile.items()} == {
        "likes": ["kale"],
        "dislikes": ["quinoa"],
    }


@pytest.mark.parametrize(
    "message",
    [
        "I'm fond of sitcoms these days.",
        "i'm really fond of sitcoms",
        "I'm quite fond of sitcoms now.",
        "i'm big on sitcoms lately",
    ],
)
def test_a_dislike_turned_to_a_like_told_as_fondness(message: str) -> None:
    assert told("I hate sitcoms and sudoku.", message) == {"dislikes": ["sudoku"], "likes": ["sitcoms"]}


@pytest.mark.parametrize(
    "message",
    [
        "I never liked quinoa until last year.",  # it changed since
        "My wife thinks quinoa is gross.",  # someone else
        "Is quinoa gross?",  # a question
        "The quinoa at that cafe was gross.",  # one meal, not the thing
        "I'm not fond of quinoa's price.",  # not the thing itself
        "I'm not keen on quinoa tonight.",  # one evening
        "I'm keen on quinoa salad for the picnic.",  # a wish for one meal
    ],
)
def test_near_misses_of_a_flipped_taste_keep_the_like(message: str) -> None:
    assert told("I love quinoa.", message)["likes"] == ["quinoa"]


def test_a_role_the_value_check_refuses_changes_no_job() -> None:
    # "a full time mom" is refused as an occupation: nothing about the job was said
    assert told(CHEMIST, "I'm a full time mom now.") == {"role": "pharmacist", "employer": "Larkfield Pharmacy"}


# -- more ways to tell a move --------------------------------------------------------------
@pytest.mark.parametrize(
    ("message", "profile"),
    [
        ("We moved out of Dunmore last year.", {}),
        ("i moved out of dunmore", {}),
        ("I moved across the country to Castlebar.", {"location": "Castlebar"}),
        ("we moved halfway across the world to castlebar", {"location": "castlebar"}),
    ],
)
def test_moving_out_of_or_across_to(message: str, profile: dict[str, Any]) -> None:
    assert told(HOME, message) == profile


@pytest.mark.parametrize(
    "message",
    [
        "I moved out of my parents' place at eighteen.",  # not the stored place
        "My son moved out of Dunmore.",  # someone else
        "Should we move across the country to Castlebar?",  # a question
    ],
)
def test_near_misses_of_moving_out_keep_the_location(message: str) -> None:
    assert told(HOME, message)["location"] == "Dunmore"


# -- a taste lost or gained, told as the change itself ------------------------------------------
@pytest.mark.parametrize(
    "message",
    [
        "I've lost my taste for gin.",
        "i got tired of gin",
        "I got bored of gin after a while.",
        "i got sick of gin last summer",
    ],
)
def test_a_lost_taste_ends_the_like(message: str) -> None:
    assert told("I love gin and crosswords.", message) == {"likes": ["crosswords"]}


@pytest.mark.parametrize(
    "message",
    [
        "I've developed a taste for anchovies.",
        "i've acquired a taste for anchovies",
        "I'm warming up to anchovies.",
    ],
)
def test_a_gained_taste_turns_a_dislike_to_a_like(message: str) -> None:
    assert told("I hate anchovies and capers.", message) == {"dislikes": ["capers"], "likes": ["anchovies"]}


@pytest.mark.parametrize(
    "message",
    [
        "I got tired of waiting for the bus.",  # a moment's impatience
        "My brother got bored of gin.",  # someone else
        "Have you lost your taste for gin?",  # a question
    ],
)
def test_near_misses_of_a_lost_taste_keep_the_like(message: str) -> None:
    assert told("I love gin.", message)["likes"] == ["gin"]


def test_a_convert_to_a_taste_is_no_occupation() -> None:
    assert "role" not in told("I'm a convert to oat milk.")


# -- settling somewhere, in lower case too ------------------------------------------------------
@pytest.mark.parametrize("message", ["we just settled in castlebar", "i've finally settled in castlebar"])
def test_settling_in_a_place_in_lower_case_replaces_the_location(message: str) -> None:
    assert told(HOME, message) == {"location": "castlebar"}


@pytest.mark.parametrize(
    "message",
    [
        "we settled in nicely",
        "i've settled in well at work",
        "we settled in after a few weeks",
        "i'm settled in now",
        "we settled in quickly",
        "my sister settled in castlebar",
    ],
)
def test_settling_in_without_a_place_keeps_the_location(message: str) -> None:
    assert told(HOME, message)["location"] == "Dunmore"


# -- a new job told by its verb alone ---------------------------------------------------------
@pytest.mark.parametrize("message", ["These days I teach.", "i teach now", "nowadays i teach"])
def test_teaching_told_alone_replaces_the_role(message: str) -> None:
    assert told(CHEMIST, message) == {"role": "teacher"}


@pytest.mark.parametrize("message", ["Do you teach?", "My wife teaches now.", "If I could teach I would."])
def test_near_misses_of_teaching_keep_the_job(message: str) -> None:
    assert told(CHEMIST, message)["role"] == "pharmacist"


@pytest.mark.parametrize(
    "message",
    ["I'm known as Orla.", "i'm called orla", "I'd prefer to be called Orla.", "i prefer to be called orla now"],
)
def test_the_name_one_is_known_by_replaces_the_name(message: str) -> None:
    assert told("My name is Aoife Kelly.", message) == {"name": "Orla"}


@pytest.mark.parametrize(
    "message",
    [
        "I'm called in to work most Sundays.",
        "I'm known as the quiet one.",
        "I'm called to the bar next year.",
        "My cousin is known as Orla.",
    ],
)
def test_near_misses_of_a_name_one_is_known_by_keep_the_name(message: str) -> None:
    assert told("My name is Aoife Kelly.", message)["name"] == "Aoife Kelly"


@pytest.mark.parametrize(
    "message",
    ["I'm back home in Castlebar for Christmas.", "i'm back home in castlebar over easter", "I'm back home in bed."],
)
def test_a_visit_back_home_keeps_the_location(message: str) -> None:
    assert told(HOME, message)["location"] == "Dunmore"


@pytest.mark.parametrize(
    "message",
    [
        "we packed up and moved to castlebar",
        "i've just moved into a flat in castlebar",
        "we moved into a little house near castlebar",
        "i call castlebar home now",
    ],
)
def test_a_move_in_lower_case_replaces_the_location(message: str) -> None:
    assert told(HOME, message) == {"location": "castlebar"}


@pytest.mark.parametrize(
    "message",
    [
        "we packed up and went to the lake",  # an outing
        "i call my mum home every sunday",  # a phone call
        "i call him home for dinner",  # calling someone in
        "we packed up and moved to a bigger office",  # work, not home
    ],
)
def test_near_misses_of_a_lower_case_move_keep_the_location(message: str) -> None:
    assert told(HOME, message)["location"] == "Dunmore"


# -- an age reached ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "message",
    ["I celebrated my 41st birthday on Saturday.", "yesterday was my 41st birthday", "Today is my 41st birthday!"],
)
def test_a_birthday_reached_updates_the_age(message: str) -> None:
    assert told("I'm 40.", message) == {"age": 41}


@pytest.mark.parametrize(
    "message",
    [
        "My 41st birthday is next week.",  # to come
        "It's my 41st birthday tomorrow.",  # to come
        "My wife celebrated her 41st birthday.",  # someone else
        "We celebrated my son's 11th birthday.",  # someone else
    ],
)
def test_a_birthday_to_come_or_someone_elses_keeps_the_age(message: str) -> None:
    assert told("I'm 40.", message)["age"] == 40


# -- a job ended, told without its name ---------------------------------------------------------
@pytest.mark.parametrize(
    "message",
    [
        "I don't work there anymore.",
        "i no longer work there",
        "I stopped working there in May.",
        "i quit working there",
    ],
)
def test_no_longer_working_there_ends_the_employer(message: str) -> None:
    assert told(CHEMIST, message) == {"role": "pharmacist"}


@pytest.mark.parametrize(
    ("message", "role"),
    [
        ("I left nursing.", "nurse"),
        ("i quit my nursing job", "nurse"),
        ("I left my teaching job last year.", "maths teacher"),
    ],
)
def test_leaving_the_trade_ends_the_role(message: str, role: str) -> None:
    assert told(message, start={"role": role}) == {}


@pytest.mark.parametrize(
    "message",
    [
        "My husband doesn't work there anymore.",  # someone else
        "Do you still work there?",  # a question
        "I don't work there on Fridays.",  # a day off, not an ending
    ],
)
def test_near_misses_of_no_longer_working_there_keep_the_employer(message: str) -> None:
    assert told(CHEMIST, message)["employer"] == "Larkfield Pharmacy"


@pytest.mark.parametrize(("message", "role"), [("I'm a retired pharmacist.", "retired pharmacist")])
def test_a_retired_trade_ends_the_employer(message: str, role: str) -> None:
    assert told(CHEMIST, message) == {"role": role}


def test_semi_retired_keeps_the_employer() -> None:
    assert told(CHEMIST, "I'm semi-retired now.") == {"role": "semi-retired", "employer": "Larkfield Pharmacy"}


# -- a pastime given up, a taste told as what the thing does to one -------------------------------
@pytest.mark.parametrize(
    "message",
    [
        "I stopped playing squash.",
        "i gave up squash last year",
        "I quit squash after my knee op.",
        "I've given up squash.",
    ],
)
def test_giving_up_a_pastime_ends_it(message: str) -> None:
    assert told("I love playing squash and chess.", message) == {"likes": ["chess"]}


@pytest.mark.parametrize(
    "message",
    [
        "I gave up chocolate for Lent.",  # a fast, the taste stays
        "My wife gave up squash.",  # someone else
        "Should I give up squash?",  # a question
        "I might quit squash.",  # a plan
    ],
)
def test_near_misses_of_giving_up_keep_the_pastime(message: str) -> None:
    assert told("I love squash and chocolate.", message)["likes"] == ["squash", "chocolate"]


@pytest.mark.parametrize(
    ("message", "profile"),
    [
        ("Knitting bores me now.", {"likes": ["crosswords"], "dislikes": ["Knitting"]}),
        ("knitting bores me to tears", {"likes": ["crosswords"], "dislikes": ["knitting"]}),
        ("Crosswords bore me.", {"likes": ["knitting"], "dislikes": ["Crosswords"]}),
    ],
)
def test_a_thing_that_bores_one_is_a_dislike(message: str, profile: dict[str, Any]) -> None:
    assert told("I love knitting and crosswords.", message) == profile


@pytest.mark.parametrize("message", ["My job bores me.", "The film bores me.", "It bores me."])
def test_near_misses_of_boring_things_store_nothing(message: str) -> None:
    assert told(message) == {}


# -- "I used to …, now I …": the change after the comma is read, not taken for the past ------------
@pytest.mark.parametrize(
    ("start", "message", "profile"),
    [
        ({"role": "teacher"}, "i used to be a teacher, now i'm a chef", {"role": "chef"}),
        ({"location": "Leeds"}, "I used to live in Leeds, these days I live in York.", {"location": "York"}),
        ({"likes": ["golf"]}, "I used to love golf, now I prefer tennis.", {"likes": ["tennis"]}),
        ({"dislikes": ["olives"]}, "i used to hate olives, now i love them", {"likes": ["olives"]}),
    ],
)
def test_a_change_after_the_comma_is_stored(start: dict[str, Any], message: str, profile: dict[str, Any]) -> None:
    assert told(message, start=start) == profile


def test_a_past_told_alone_only_ends() -> None:
    assert told("I used to be a teacher, now and then I miss it.", start={"role": "teacher"}) == {}


# -- a change told after the event that brought it ---------------------------------------------------
@pytest.mark.parametrize(
    ("message", "profile"),
    [
        ("After the wedding I took the name Orla Byrne.", {"name": "Orla Byrne"}),
        ("after the divorce i moved to castlebar", {"name": "Aoife Kelly", "location": "castlebar"}),
        ("Since the merger I work for Hartwell Group.", {"name": "Aoife Kelly", "employer": "Hartwell Group"}),
    ],
)
def test_a_change_after_an_event_is_stored(message: str, profile: dict[str, Any]) -> None:
    assert told(message, start={"name": "Aoife Kelly"}) == profile


@pytest.mark.parametrize(
    "message",
    [
        "After the wedding I might move to Castlebar.",  # a plan
        "After the wedding should I move to Castlebar?",  # a question
        "Before the wedding I lived in Castlebar.",  # the past
    ],
)
def test_near_misses_after_an_event_store_no_location(message: str) -> None:
    assert "location" not in told(message, start={"name": "Aoife Kelly"})
