"""Endings, learning and object-fronted tastes in the rule extractor (issue 9), read against a
stored profile the way the service stores them: extractor -> guards.admit_events -> merge.apply_events.

Each class is a grammatical construction, tested with sentences written for this file and with
near misses that must change nothing: someone else's job, a supposition, a question, a chore.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.rules_helpers import after, folded, stored

WORKER = {"role": "line cook", "employer": "Ericsson", "location": "Porto", "likes": ["chess"]}

# -- losing a job ends it -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "profile", "gone"),
    [
        # the role, after "as"
        ("I got let go from my job as a sous chef in March.", {"role": "sous chef", "employer": "Lune"}, {"role"}),
        ("I was dismissed as a bus driver.", {"role": "bus driver", "employer": "Arriva"}, {"role"}),
        ("I quit as head chef.", {"role": "head chef", "employer": "Lune"}, {"role"}),
        # the role, before "job"
        ("I got laid off from my call centre job.", {"role": "call centre agent"}, {"role"}),
        # the employer, after from / at / by
        ("I was laid off from Ericsson last month.", {"role": "tester", "employer": "Ericsson"}, {"employer"}),
        ("I've been made redundant at Ericsson.", {"role": "tester", "employer": "Ericsson"}, {"employer"}),
        ("I was let go by Ericsson after the merger.", {"role": "tester", "employer": "Ericsson"}, {"employer"}),
        ("I lost my job at Ericsson.", {"role": "tester", "employer": "Ericsson"}, {"employer"}),
        ("I got fired from my old job at Ericsson.", {"role": "tester", "employer": "Ericsson"}, {"employer"}),
        # the employer as the subject
        ("Ericsson let me go last week.", {"role": "tester", "employer": "Ericsson"}, {"employer"}),
        ("Ericsson just fired me.", {"role": "tester", "employer": "Ericsson"}, {"employer"}),
        # both
        (
            "I was sacked from Lidl as a shelf stacker.",
            {"role": "shelf stacker", "employer": "Lidl"},
            {"role", "employer"},
        ),
        (
            "I lost my job as a translator at Lingvo.",
            {"role": "translator", "employer": "Lingvo"},
            {"role", "employer"},
        ),
        (
            "I was let go from my position as a clerk with Lingvo.",
            {"role": "clerk", "employer": "Lingvo"},
            {"role", "employer"},
        ),
        # told without its object: whatever employer is stored ends
        ("I got laid off two weeks ago.", {"role": "tester", "employer": "Ericsson"}, {"employer"}),
        ("I've been made redundant.", {"role": "tester", "employer": "Ericsson"}, {"employer"}),
        ("I quit my job to sail around Greece.", {"role": "tester", "employer": "Ericsson"}, {"employer"}),
        ("I got fired for showing up late.", {"role": "tester", "employer": "Ericsson"}, {"employer"}),
        # the employer stored inside the role
        ("I got laid off from Ericsson.", {"role": "tester at Ericsson"}, {"role"}),
        # stopping, retiring, resigning; the second verb of an "I … and left" clause
        ("I stopped working at Ericsson.", {"role": "tester", "employer": "Ericsson"}, {"employer"}),
        ("I'm not working at Ericsson anymore.", {"role": "tester", "employer": "Ericsson"}, {"employer"}),
        ("I handed in my notice at Ericsson.", {"role": "tester", "employer": "Ericsson"}, {"employer"}),
        ("I got an offer and quit Ericsson.", {"role": "tester", "employer": "Ericsson"}, {"employer"}),
        ("I stopped working as a tester.", {"role": "tester", "employer": "Ericsson"}, {"role"}),
        ("I no longer work as a tester.", {"role": "tester", "employer": "Ericsson"}, {"role"}),
        ("I don't work as a tester anymore.", {"role": "tester", "employer": "Ericsson"}, {"role"}),
        ("I'm not working as a tester anymore.", {"role": "tester", "employer": "Ericsson"}, {"role"}),
        ("I resigned as tester.", {"role": "tester", "employer": "Ericsson"}, {"role"}),
    ],
)
def test_losing_a_job_ends_the_role_or_the_employer(message: str, profile: dict[str, Any], gone: set[str]) -> None:
    got = after(message, profile)
    assert {f for f in profile if f not in got} == gone, got
    assert {f: v for f, v in got.items() if f not in gone} == {f: v for f, v in profile.items() if f not in gone}


@pytest.mark.parametrize(
    "message",
    [
        "I got let go from my job as a barista.",
        "I was fired from my post as a night porter at the Savoy.",
        "I lost my job as a courier.",
        "I was laid off from my job at Siemens.",
        "I got fired from my warehouse job.",
        "I stopped working at Siemens.",
        "I stopped working as a courier.",
        "I'm quitting my job at Siemens.",
        "I'm quitting my job as a courier.",
    ],
)
def test_losing_a_job_never_adds_one(message: str) -> None:
    got = stored(message)
    assert "role" not in got and "employer" not in got, got


@pytest.mark.parametrize(
    "message",
    [
        "My husband was laid off from Ericsson.",
        "I almost got fired from Ericsson.",
        "I never got let go from Ericsson.",
        "I was nearly made redundant.",
        "Will I get laid off from Ericsson?",
        "If they fire me from Ericsson I'll move to Lisbon.",
        "I'm worried I'll be laid off from Ericsson.",
        "Ericsson let me go home early.",
        "The manager fired me.",
        "I fired my gardener.",
        "I was fired up for the match.",
        "They laid off half the staff at Ericsson.",
        "I quit and started as a line cook.",
        "My sister got married and left Ericsson.",
        "I grabbed my coat and left Ericsson's car park.",
    ],
)
def test_a_job_loss_near_miss_ends_nothing(message: str) -> None:
    got = after(message, WORKER)
    assert got["role"] == WORKER["role"] and got["employer"] == WORKER["employer"], got


# -- the endings that already held (issue 9, item 4) -----------------------------------------


@pytest.mark.parametrize(
    ("message", "field"),
    [
        ("I'm no longer a line cook.", "role"),
        ("I'm not a line cook anymore.", "role"),
        ("I quit my job at Ericsson.", "employer"),
        ("I don't work at Ericsson anymore.", "employer"),
        ("I left Ericsson in May.", "employer"),
        ("We moved away from Porto.", "location"),
        ("I no longer live in Porto.", "location"),
    ],
)
def test_ending_words_remove_the_stored_fact(message: str, field: str) -> None:
    got = after(message, WORKER)
    assert field not in got, got
    assert {f: v for f, v in got.items()} == {f: v for f, v in WORKER.items() if f != field}


# -- learning -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "goal"),
    [
        ("Lately I'm studying Hungarian.", "learn Hungarian"),
        ("I study Icelandic on the train.", "learn Icelandic"),
        ("I've been studying Farsi for two years.", "learn Farsi"),
        ("I'm currently studying the harp with a tutor.", "learn harp"),
        ("I've started taking Greek lessons.", "learn Greek"),
        ("I'm taking banjo classes on Thursdays.", "learn banjo"),
        ("I signed up for a pottery course.", "learn pottery"),
        ("I'm doing an online Dutch course.", "learn Dutch"),
        ("I've been taking tango lessons since spring.", "learn tango"),
        ("I enrolled in Welsh classes.", "learn Welsh"),
        ("The language I'm learning is Hebrew.", "learn Hebrew"),
        ("One of the languages I'm studying at the moment is Thai.", "learn Thai"),
        ("I study foreign languages.", "learn foreign languages"),
    ],
)
def test_studying_or_taking_lessons_is_learning(message: str, goal: str) -> None:
    goals = [g.casefold().replace("the ", "") for g in stored(message).get("goals", [])]
    assert goals == [goal.casefold()], stored(message)


def test_studying_gives_the_same_shape_as_learning() -> None:
    assert stored("I'm studying Tamil.").get("goals") == stored("I'm learning Tamil.").get("goals")


@pytest.mark.parametrize(
    "message",
    [
        "I'm studying for my driving test on Monday.",
        "I'm studying chemistry for tomorrow's exam.",
        "I'm studying Spanish for my quiz.",
        "I'm studying German literature at university.",
        "I'm studying French at uni.",
        "My daughter is taking flute lessons.",
        "Are you studying Japanese?",
        "I have a piano lesson tonight.",
        "I'm taking a math class.",
        "I'm studying hard.",
        "I'm not studying Korean.",
        "The language my son is learning is Hebrew.",
        "I'm studying languages at university.",
        "I'm studying for the bar exam.",
        "I'm working for a charity.",
    ],
)
def test_a_one_off_or_someone_elses_study_is_no_goal(message: str) -> None:
    got = stored(message)
    assert "goals" not in got and "possessions" not in got, got


@pytest.mark.parametrize(
    "message",
    [
        "I gave up on Hungarian.",
        "I stopped taking Hungarian lessons.",
        "I'm not studying Hungarian anymore.",
        "I don't learn Hungarian any more.",
        "I quit my Hungarian classes last month.",
    ],
)
def test_a_learning_aim_ends(message: str) -> None:
    profile = {"goals": ["learn Hungarian", "run a marathon"]}
    assert after(message, profile)["goals"] == ["run a marathon"]


def test_a_denied_nationality_is_no_end_of_learning() -> None:
    profile = {"goals": ["learn French"]}
    assert after("I'm not French.", profile) == profile


# -- object-fronted tastes and pastimes ---------------------------------------------------


@pytest.mark.parametrize(
    ("message", "field", "value"),
    [
        ("Chess and crosswords are what I do on weekends.", "interests", ["chess", "crosswords"]),
        ("Birdwatching is what I do for fun.", "interests", ["birdwatching"]),
        ("Rowing and running are what I do after work.", "interests", ["rowing", "running"]),
        ("Reading and knitting are the things I do in my spare time.", "interests", ["reading", "knitting"]),
        ("Rowing is how I spend my weekends.", "interests", ["rowing"]),
        ("Folk and blues are the kinds of music I love.", "likes", ["folk", "blues"]),
        ("Horror is the genre I enjoy most.", "likes", ["horror"]),
        ("Ramen is the food I love most.", "likes", ["ramen"]),
        ("Sudoku and jigsaws are my thing.", "likes", ["sudoku", "jigsaws"]),
        ("Ceramics is kind of my jam.", "likes", ["ceramics"]),
        ("Dumplings and stews are my favourite things to cook.", "likes", ["dumplings", "stews"]),
        ("Crowded bars aren't really my thing.", "dislikes", ["crowded bars"]),
        ("Opera has never been my cup of tea.", "dislikes", ["opera"]),
    ],
)
def test_a_list_before_a_first_person_taste_is_read(message: str, field: str, value: list[str]) -> None:
    assert folded(stored(message).get(field)) == folded(value), stored(message)


@pytest.mark.parametrize(
    "message",
    [
        "Those are the things I hate repeating.",
        "These are the things I love.",
        "That is my thing.",
        "That's not my thing.",
        "Invoices are what I do all day at work.",
        "Laundry and ironing are what I do on weekends.",
        "Are chess and crosswords what you do on weekends?",
        "Chess and crosswords are what my brother loves.",
        "Tennis and golf are what my wife does on weekends.",
        "Those are the films I like to avoid.",
        "Your patience is what I love about you.",
    ],
)
def test_an_object_fronted_near_miss_stores_no_taste(message: str) -> None:
    got = stored(message)
    assert not {"likes", "interests", "dislikes"} & set(got), got


def test_the_things_i_love_are_still_read() -> None:
    assert folded(stored("The things I love are sailing and chess.").get("likes")) == ["chess", "sailing"]
