"""Precision, fourth audit: classes of values stored from chat that holds no long-term fact about
the speaker (found with bench/junk_probe.py --nofact bench/junk_probe_nofact_p8.txt), each with a
control that a close true fact is still kept.

Sentences written for this file. `stored` is what the profile would receive from the rules
extractor after the gate every event passes (guards.admit_events, with the value-quality check).
"""

from __future__ import annotations

import pytest

from quality import check_value
from tests.rules_helpers import stored

# -- a state typed in lower case, read as a name ----------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "I'm grouchy because my tea went cold",
        "I'm sunburnt, don't laugh",
        "it's snowing here, can you believe it",
    ],
)
def test_a_lower_case_state_is_not_a_name(message: str) -> None:
    assert "name" not in stored(message)


@pytest.mark.parametrize(
    ("message", "name"),
    [
        ("i'm rowan, what's up", "Rowan"),
        ("Hello, I'm odile", "Odile"),
        ("I'm fenna, nice to meet you", "Fenna"),
        ("I'm Grady, just signed up", "Grady"),
        ("Sterling here, checking in", "Sterling"),
    ],
)
def test_a_name_typed_in_lower_case_with_a_greeting_is_kept(message: str, name: str) -> None:
    assert stored(message).get("name") == name


def test_a_name_the_message_never_says_is_not_read_as_typed_in_lower_case() -> None:
    # An LLM's reading may name what the message does not spell out: no lower-case form to judge.
    assert check_value("name", "Ines", message="I told them all: store my details") == "Ines"


# -- a habit joked about as a job -------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "I'm a professional snoozer, ask anyone",
        "I'm an olympic-level overthinker",
        "I'm a hopeless daydreamer at work",
        "I'm head of chaos at home",
        "I'm the chief of naps around here",
    ],
)
def test_a_joked_about_habit_is_not_a_role(message: str) -> None:
    assert "role" not in stored(message)


@pytest.mark.parametrize(
    ("message", "role"),
    [
        ("I'm the head of logistics at a brewery", "head of logistics"),
        ("I'm a professional translator", "professional translator"),
        ("I'm director of admissions", "director of admissions"),
    ],
)
def test_a_real_title_of_a_department_is_kept(message: str, role: str) -> None:
    assert stored(message).get("role") == role


# -- a part played at one occasion ------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "fields"),
    [
        ("I'm an usher at my brother's wedding in June", {"role", "employer"}),
        ("I'm a volunteer at the charity auction tonight", {"role", "employer"}),
        ("I'm a chaperone on the school trip tomorrow", {"role"}),
        ("I'm a steward at the festival this weekend", {"role", "employer"}),
        ("I'm a judge for the chili cookoff tomorrow", {"role"}),
        ("I'm Cinderella at my niece's party on saturday", {"name"}),
    ],
)
def test_a_part_at_one_occasion_is_not_a_role_employer_or_name(message: str, fields: set[str]) -> None:
    assert not fields & stored(message).keys(), stored(message)


@pytest.mark.parametrize(
    ("message", "field", "value"),
    [
        ("I'm a midwife at Leeds General, nights this week", "role", "midwife"),
        ("I'm a sommelier and tonight is my night off", "role", "sommelier"),
        ("I work at a wedding venue in Bath", "employer", "wedding venue"),
        ("just got promoted to senior analyst today!", "role", "senior analyst"),
    ],
)
def test_a_post_told_beside_a_time_in_another_clause_is_kept(message: str, field: str, value: str) -> None:
    assert stored(message).get(field) == value


# -- one thing of one occasion, liked -----------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "I adore my new sunglasses",
        "I hate our new fridge, it hums all night",
        "I love the lasagna you suggested",
        "I really enjoy the playlist he made",
        "I really like the scarf my grandma crocheted",
        "I'm not a fan of the font they picked",
    ],
)
def test_a_single_thing_newly_got_or_made_by_someone_is_not_a_taste(message: str) -> None:
    kept = stored(message)
    assert not {"likes", "dislikes"} & kept.keys(), kept


@pytest.mark.parametrize(
    ("message", "field", "value"),
    [
        ("I love new restaurants", "likes", "new restaurants"),
        ("I hate the smell of bleach", "dislikes", "smell of bleach"),
        ("I love curry", "likes", "curry"),
    ],
)
def test_a_kind_of_thing_liked_is_kept(message: str, field: str, value: str) -> None:
    assert stored(message).get(field) == [value]


# -- a customer, a newcomer, a figure of speech: no job, and what it was "at" no employer -------


@pytest.mark.parametrize(
    ("message", "fields"),
    [
        ("I'm a regular at the Rusty Anchor, best chips in town", {"role", "employer"}),
        ("I'm a newcomer at the climbing wall", {"role", "employer"}),
        ("I'm a total creature of habit", {"role"}),
        ("I'm a farm girl at heart", {"employer"}),
        ("I'm a loyal fan of the baristas at Grind", {"employer"}),
    ],
)
def test_no_job_and_no_employer_from_a_customer_or_an_idiom(message: str, fields: set[str]) -> None:
    assert not fields & stored(message).keys(), stored(message)


@pytest.mark.parametrize(
    ("message", "field", "value"),
    [
        ("I'm a pharmacist at Boots", "employer", "Boots"),
        ("I've got a part-time job at Aldi", "employer", "Aldi"),
    ],
)
def test_an_employer_after_a_job_is_kept(message: str, field: str, value: str) -> None:
    assert stored(message).get(field) == value


# -- an animal got for someone else --------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "I got a kitten for my goddaughter's birthday",
        "we adopted two guinea pigs for the classroom",
        "I got a parrot for my grandpa's flat",
    ],
)
def test_an_animal_got_for_someone_else_is_not_the_users_pet(message: str) -> None:
    assert "pets" not in stored(message), stored(message)


@pytest.mark.parametrize(
    ("message", "pet"),
    [
        ("I got a puppy for my birthday", "puppy"),
        ("I got a kitten for the kids", "kitten"),
    ],
)
def test_an_animal_got_for_the_household_is_kept(message: str, pet: str) -> None:
    assert stored(message).get("pets") == [pet]


# -- a fragment that does not read alone ---------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "field"),
    [
        ("I adore the scent after a thunderstorm", "likes"),
        ("I hate the texture, it's like slime", "dislikes"),
        ("I like cricket and went to Lord's once", "likes"),
        ("I hate hornets and got stung twice", "dislikes"),
    ],
)
def test_a_fragment_is_not_stored(message: str, field: str) -> None:
    values = stored(message).get(field, [])
    assert not any(v in ("scent", "texture") or v.startswith(("got", "went")) for v in values), values


@pytest.mark.parametrize(
    ("message", "field", "value"),
    [
        ("I adore the scent of pine", "likes", "scent of pine"),
        ("I love dumplings", "likes", "dumplings"),
    ],
)
def test_a_whole_value_is_kept(message: str, field: str, value: str) -> None:
    assert stored(message).get(field) == [value]


# -- a thing read for a use, or a first go, is no pastime ---------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "I'm reading the recipe for my nan's trifle",
        "I'm reading the manual for my new drill",
        "I'm watching Columbo for the first time",
        "I'm reading the reviews before I book",
    ],
)
def test_a_thing_read_for_a_use_or_a_first_go_is_not_an_interest(message: str) -> None:
    assert "interests" not in stored(message), stored(message)


@pytest.mark.parametrize(
    ("message", "value"),
    [
        ("I'm reading a gripping spy novel", "reading"),
        ("I'm crocheting a blanket for winter", "crocheting"),
    ],
)
def test_a_pastime_done_now_is_kept(message: str, value: str) -> None:
    assert any(value in v for v in stored(message).get("interests", [])), stored(message)


# -- what is learnt for one show is no goal --------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "I'm learning the lines for the panto on friday",
        "I've been learning the steps for my sister's first dance",
        "I'm learning the ropes at the new warehouse",
    ],
)
def test_what_is_learnt_for_one_show_is_not_a_goal(message: str) -> None:
    assert "goals" not in stored(message), stored(message)


@pytest.mark.parametrize(
    ("message", "goal"),
    [
        ("I'm learning the banjo", "learn banjo"),
        ("I've been learning Welsh", "learn Welsh"),
    ],
)
def test_a_lasting_thing_learnt_is_kept(message: str, goal: str) -> None:
    assert stored(message).get("goals") == [goal]


# -- a post or a home held for a stretch that ends ------------------------------------------------


@pytest.mark.parametrize(
    ("message", "field", "passing"),
    [
        ("I'm living in Valencia for the summer, then back home", "location", "Valencia"),
        ("I'm a ski instructor for the season", "role", "ski instructor"),
        ("I'm a research intern at Novartis this semester", "role", "research intern"),
        ("I'm based in Doha until April for a contract", "location", "Doha"),
        ("I live in Hull, but this week I'm in Prague", "location", "Prague"),
    ],
)
def test_a_post_or_a_home_for_a_stretch_that_ends_is_not_stored(message: str, field: str, passing: str) -> None:
    assert stored(message).get(field) != passing


@pytest.mark.parametrize(
    ("message", "field", "value"),
    [
        ("I'm living in Valencia now", "location", "Valencia"),
        ("I'm a ski instructor in Verbier", "role", "ski instructor"),
        ("I'm a teacher, the summer break is the best part", "role", "teacher"),
    ],
)
def test_a_post_or_a_home_without_an_end_is_kept(message: str, field: str, value: str) -> None:
    assert stored(message).get(field) == value


# -- a favourite that is no taste ---------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "my go-to excuse is a flat tyre",
        "my favourite mistake was dyeing my hair green",
        "my fave complaint is the weather",
    ],
)
def test_a_favourite_excuse_or_mistake_is_not_a_like(message: str) -> None:
    assert "likes" not in stored(message), stored(message)


def test_a_favourite_thing_of_a_kind_is_kept() -> None:
    assert stored("my go-to snack is roasted almonds").get("likes") == ["roasted almonds"]


# -- a denial of having said it, a make-believe self ----------------------------------------------


@pytest.mark.parametrize(
    ("message", "field"),
    [
        ("hold on, I never said I love opera", "likes"),
        ("I didn't say I live in Cardiff, you made that up", "location"),
        ("surprise: I'm actually a hamster", "role"),
        ("between us, I'm a vampire", "role"),
    ],
)
def test_a_denial_or_a_make_believe_self_is_not_stored(message: str, field: str) -> None:
    assert field not in stored(message), stored(message)


@pytest.mark.parametrize(
    ("message", "field", "value"),
    [
        ("I said I love opera and I meant it", "likes", ["opera"]),
        ("I'm a dog groomer", "role", "dog groomer"),
    ],
)
def test_what_the_user_stands_by_is_kept(message: str, field: str, value: object) -> None:
    assert stored(message).get(field) == value
