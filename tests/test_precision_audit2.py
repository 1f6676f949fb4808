"""Precision (issue 9), second audit: classes of stored values a reader would not agree with or
could not read without the message, each with a control that a fact in similar words is kept.

Sentences written for this file. `stored` is what the profile would receive from the rules
extractor after the gate every event passes (guards.admit_events, with the value-quality check);
`check_value` is the gate alone, for a value any extractor (the LLM's too) may propose.
"""

from __future__ import annotations

import pytest

import rules_values as v
from quality import Refused, check_value, strip_time
from tests.rules_helpers import folded, stored

# -- an offer to the other party is no skill -----------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "I can teach you a few knots",
        "I could bake for you when you come over",
        "I can pick you up from the station",
        "I can lend ya my kayak",
        "I can swap you my old skates for your helmet",
    ],
)
def test_an_offer_to_the_listener_is_no_skill(message: str) -> None:
    assert "skills" not in stored(message)


def test_an_offer_an_llm_reads_as_a_skill_is_refused_by_the_gate() -> None:
    with pytest.raises(Refused, match="offer"):
        check_value("skills", "teaching chess", message="I can teach you chess on Sunday")


@pytest.mark.parametrize(
    ("message", "skill"),
    [
        ("I can juggle three oranges", "juggle three oranges"),
        ("I can knit. Can you?", "knitting"),
        ("I can knit what about you", "knitting"),
        # said once as the user's own and once as an offer: the skill stands
        ("I am good at baking and I can bake for you too", "baking"),
    ],
)
def test_a_skill_said_near_you_is_still_a_skill(message: str, skill: str) -> None:
    assert folded(stored(message).get("skills")) == folded([skill])


# -- a verb made a gerund keeps its form ---------------------------------------------------


@pytest.mark.parametrize(
    ("message", "liked"),
    [
        ("I like to just paint", "painting"),  # not "justing paint"
        ("I love to really unwind", "unwinding"),
        ("I love to workout at the gym", "working out at the gym"),  # not "workouting"
        ("I love to picnic by the river", "picnicking by the river"),
        ("I like to program in my spare time", "programming"),
    ],
)
def test_a_gerund_is_spelled_right(message: str, liked: str) -> None:
    assert folded(stored(message).get("likes")) == folded([liked])


@pytest.mark.parametrize(
    ("verb", "gerund"),
    [("quit drinking", "quitting drinking"), ("panic", "panicking"), ("refer", "referring"), ("visit", "visiting")],
)
def test_gerund_doubles_and_adds_k_where_english_does(verb: str, gerund: str) -> None:
    assert v.gerund(verb) == gerund


# -- a mood is no thing liked --------------------------------------------------------------


@pytest.mark.parametrize("message", ["I like being happy", "I love feeling calm", "I like cozy", "I like getting busy"])
def test_a_mood_is_no_like(message: str) -> None:
    assert "likes" not in stored(message)


@pytest.mark.parametrize(
    ("message", "liked"), [("I love staying active", "staying active"), ("I like being outdoors", "being outdoors")]
)
def test_a_way_of_living_is_still_a_like(message: str, liked: str) -> None:
    assert folded(stored(message).get("likes")) == folded([liked])


# -- what only the conversation names: a light verb alone, "the show", "the new flat" --------


@pytest.mark.parametrize(
    "message",
    [
        "I like to stay in",  # "staying": the particle was cut
        "I enjoy the process",
        "I am a huge fan of the series",
        "I am watching the match",
        "I like the new flat a lot",
        "I like doing things",
    ],
)
def test_a_thing_only_the_conversation_names_is_no_preference(message: str) -> None:
    found = stored(message)
    assert "likes" not in found and "interests" not in found


@pytest.mark.parametrize(
    ("message", "liked"),
    [
        ("I like going out", "going out"),
        ("I love old westerns", "old westerns"),
        ("I love the beach", "beach"),
        ("I love the show Seinfeld", "show Seinfeld"),
    ],
)
def test_a_named_or_general_thing_is_still_liked(message: str, liked: str) -> None:
    assert folded(stored(message).get("likes")) == folded([liked])


# -- a kind of place, or one only the conversation places, is no location ------------------


@pytest.mark.parametrize(
    "message", ["I live in the city", "I live on a farm", "I moved to the same town as my cousin"]
)
def test_a_kind_of_place_is_no_location(message: str) -> None:
    assert "location" not in stored(message)


def test_a_bare_kind_of_place_from_an_llm_is_refused() -> None:
    with pytest.raises(Refused):
        check_value("location", "the other side of town", message="I moved to the other side of town")


@pytest.mark.parametrize(("message", "place"), [("I live in a small town", "small town"), ("I live in Leeds", "Leeds")])
def test_a_place_with_a_name_or_a_modifier_is_still_a_location(message: str, place: str) -> None:
    assert folded(stored(message).get("location")) == folded(place)


# -- how often and at what hour are no part of a pastime -----------------------------------


@pytest.mark.parametrize(
    ("value", "kept"),
    [
        ("pilates three times a week", "pilates"),  # not "pilates three times"
        ("yoga twice a week", "yoga"),
        ("rowing every morning", "rowing"),
        ("swimming at 7am", "swimming"),
        ("sketching before sunrise", "sketching"),
    ],
)
def test_a_frequency_or_a_clock_time_is_cut_whole(value: str, kept: str) -> None:
    assert strip_time(value) == kept


def test_a_frequency_read_from_chat_leaves_the_pastime() -> None:
    assert folded(stored("I do yoga twice a week").get("interests")) == folded(["doing yoga"])
    assert folded(stored("I like to go swimming at 7am").get("likes")) == folded(["swimming"])


# -- a courtesy to the listener, and why a pastime is done, are no part of it ---------------


@pytest.mark.parametrize("message", ["I love chatting with you", "I love talking to you"])
def test_a_doing_with_the_listener_is_no_preference(message: str) -> None:
    assert "likes" not in stored(message)


@pytest.mark.parametrize(
    ("message", "interest"),
    [("I play the cello to unwind", "cello"), ("I go jogging to stay in shape", "jogging")],
)
def test_the_reason_for_a_pastime_is_cut(message: str, interest: str) -> None:
    assert folded(stored(message).get("interests")) == folded([interest])


def test_a_to_that_belongs_to_the_pastime_stays() -> None:
    assert folded(stored("I love listening to podcasts").get("likes")) == folded(["listening to podcasts"])


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("in the middle of nowhere", "we live in the middle of nowhere"),
        ("near my grandparents", "I live near my grandparents"),
    ],
)
def test_a_spot_in_between_or_a_person_is_no_location(value: str, message: str) -> None:
    with pytest.raises(Refused):
        check_value("location", value, message=message)


@pytest.mark.parametrize("value", ["the Middle East", "horse farm"])
def test_a_place_that_shares_those_words_is_kept(value: str) -> None:
    assert check_value("location", value, message=f"I live in {value}") == value


# -- what one "has" that is no thing owned --------------------------------------------------


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("a doubt", "I have a doubt about the plan"),
        ("a lot of homework", "I have a lot of homework tonight"),
        ("an appointment at noon", "I have an appointment at noon"),
        ("no clue", "I have no clue"),
        ("a fever", "I have a fever since Monday"),
    ],
)
def test_a_state_an_errand_or_a_thought_is_no_possession(value: str, message: str) -> None:
    with pytest.raises(Refused):
        check_value("possessions", value, message=message)


@pytest.mark.parametrize("value", ["a sailboat", "a bakery", "a test kit"])
def test_a_thing_owned_is_still_a_possession(value: str) -> None:
    assert check_value("possessions", value, message=f"I have {value}") == value


# -- a state wanted is stored as the goal it is --------------------------------------------


@pytest.mark.parametrize(
    ("message", "goal"),
    [("I hope to be wealthy one day", "be wealthy"), ("my aim is to become stronger", "be stronger")],
)
def test_a_state_wanted_reads_as_a_goal(message: str, goal: str) -> None:
    assert folded(stored(message).get("goals")) == folded([goal])


def test_a_role_wanted_stays_the_role() -> None:
    assert folded(stored("I want to become a pharmacist").get("goals")) == folded(["pharmacist"])


# -- someone else's: a pronoun for someone named before, one's people, a pet that died -------


@pytest.mark.parametrize(
    ("field", "value"),
    [("interests", "walking them to school"), ("likes", "his paintings"), ("likes", "cooking for her")],
)
def test_a_pronoun_for_someone_named_before_needs_the_message(field: str, value: str) -> None:
    with pytest.raises(Refused, match="needs the message"):
        check_value(field, value, message=f"my nieces are here so I am {value}")


def test_a_title_with_a_pronoun_is_kept() -> None:
    assert check_value("likes", "Let It Be", message="I love Let It Be") == "Let It Be"


@pytest.mark.parametrize("message", ["I adore my pupils", "I really like my coworkers"])
def test_ones_people_are_no_like(message: str) -> None:
    assert "likes" not in stored(message)


def test_making_friends_is_still_a_like() -> None:
    assert folded(stored("I love making friends").get("likes")) == folded(["making friends"])


@pytest.mark.parametrize(
    "message",
    ["our rabbit died in the spring, we were all sad", "sadly my parrot passed away", "I lost my old cat in May"],
)
def test_a_pet_that_is_gone_is_no_pet(message: str) -> None:
    assert "pets" not in stored(message)


@pytest.mark.parametrize(
    ("message", "pets"),
    [("I have a hamster and my parrot died last year", ["hamster"]), ("I miss my beagle when I travel", ["beagle"])],
)
def test_a_living_pet_is_still_a_pet(message: str, pets: list[str]) -> None:
    assert folded(stored(message).get("pets")) == folded(pets)


@pytest.mark.parametrize("message", ["I'm a junior in high school", "I am a senior in college"])
def test_a_school_year_is_no_occupation(message: str) -> None:
    assert "role" not in stored(message)


def test_a_senior_job_is_still_an_occupation() -> None:
    assert folded(stored("I'm a senior architect").get("role")) == "senior architect"


# -- a chore is no interest ----------------------------------------------------------------


@pytest.mark.parametrize("message", ["I spend hours ironing shirts", "I spend my Sundays doing errands"])
def test_a_chore_is_no_interest(message: str) -> None:
    assert "interests" not in stored(message)


def test_a_chore_said_to_be_liked_is_still_a_like() -> None:
    assert folded(stored("I love doing laundry").get("likes")) == folded(["doing laundry"])
