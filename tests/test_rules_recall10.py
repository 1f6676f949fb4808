"""Recall on natural chat, a tenth set, found reading the misses of the even half of the public
conversation dev set and written here in new sentences (other names, trades and places):

- a trade with animals is a business, not a pet: "I have a cat grooming business", "I've a horse
  riding company" are possessions (and store no pet);

What is checked is what the profile would receive: the extractor's events after the gate every event
passes (guards.admit_events, with the value-quality check).
"""

from __future__ import annotations

import pytest

from tests.rules_helpers import after, folded, stored


@pytest.mark.parametrize(
    ("message", "possession"),
    [
        ("I have a cat grooming business on the high street.", "cat grooming business"),
        ("i've a horse riding company, mostly kids' lessons", "horse riding company"),
        ("I own a rabbit boarding business in Tromsø", "rabbit boarding business"),
    ],
)
def test_a_trade_with_animals_is_no_pet(message: str, possession: str) -> None:
    got = stored(message)
    assert "pets" not in got
    assert possession in folded(got.get("possessions", []))  # type: ignore[operator]


@pytest.mark.parametrize(
    ("message", "pets"),
    [
        ("I have a dog at the office most days.", ["dog"]),
        ("I have two cats, and a bakery to run.", ["two cats"]),
    ],
)
def test_a_pet_near_a_business_stays_a_pet(message: str, pets: list[str]) -> None:
    assert folded(stored(message).get("pets")) == folded(pets)


def test_where_one_is_from_outlasts_a_move() -> None:
    profile = after("hiya, I'm from Tampere originally", {})
    assert profile["location"] == "Tampere"
    profile = after("we moved to Lyon in March for my job", profile)
    assert (profile["location"], profile["hometown"]) == ("Lyon", "Tampere")


@pytest.mark.parametrize(
    ("message", "hometown"),
    [
        ("I come from Tbilisi, been abroad for ages", "Tbilisi"),
        ("My hometown is Ghent.", "Ghent"),
    ],
)
def test_where_one_is_from_is_the_hometown(message: str, hometown: str) -> None:
    assert stored(message).get("hometown") == hometown


@pytest.mark.parametrize("message", ["My home is Lyon now.", "I'm from work, just got in", "Where are you from?"])
def test_no_hometown_but_from_where_one_is_from(message: str) -> None:
    assert "hometown" not in stored(message)


@pytest.mark.parametrize(
    ("message", "role"),
    [
        ("I'm retired, I was a plumber for most of my life.", "retired plumber"),
        ("I was a librarian until I retired in 2020.", "retired librarian"),
        ("I worked as a welder for decades and retired last year.", "retired welder"),
    ],
)
def test_retired_from_a_trade(message: str, role: str) -> None:
    assert stored(message).get("role") == role


def test_retired_from_the_stored_trade() -> None:
    assert after("I'm retired now, I was a plumber", {"role": "plumber"})["role"] == "retired plumber"


@pytest.mark.parametrize(
    ("message", "role"),
    [
        ("I was a wreck before I retired, honestly.", "retired"),
        ("I'm retired. My wife was a teacher.", "retired"),
        ("I'm not retired, I was a chef till June.", None),
    ],
)
def test_retired_from_no_trade(message: str, role: str | None) -> None:
    assert stored(message).get("role") == role


@pytest.mark.parametrize(
    ("message", "interest"),
    [
        ("I produce music for a couple of local podcasts.", "producing music"),
        ("i make beats after school, mostly lo-fi", "making beats"),
        ("I compose music for board games, weirdly niche", "composing music"),
        ("I record music in the garage with two mates.", "recording music"),
    ],
)
def test_music_one_makes(message: str, interest: str) -> None:
    assert folded(stored(message).get("interests")) == folded([interest])


@pytest.mark.parametrize(
    "message",
    [
        "I make music recommendations for my sister.",
        "I used to make music in college.",
        "Could I make music on an old laptop?",
        "I'd love to produce music one day.",
    ],
)
def test_no_music_one_makes(message: str) -> None:
    assert "interests" not in stored(message)


@pytest.mark.parametrize(
    ("message", "education"),
    [
        ("did my BSc in marine biology, then got lucky with a lab job", "BSc in marine biology"),
        ("Did my MSc at Utrecht. Loved the bikes.", "MSc at Utrecht"),
        ("did my masters from Anna University, now in Chennai", "masters from Anna University"),
    ],
)
def test_a_degree_without_its_i(message: str, education: str) -> None:
    assert folded(stored(message).get("education")) == folded([education])


@pytest.mark.parametrize(
    "message",
    [
        "did my BA in art count for anything?",
        "Did my MBA application get lost?",
        "Did my brother finish his degree in Lyon?",
    ],
)
def test_a_question_about_a_degree_is_none(message: str) -> None:
    assert "education" not in stored(message)


@pytest.mark.parametrize(
    ("message", "family"),
    [
        ("Husband Tariq and I finally booked the honeymoon.", ["husband Tariq"]),
        ("Girlfriend Saoirse and I adopted a greyhound last week.", ["girlfriend Saoirse"]),
        ("the husband and I are repainting the hallway", ["husband"]),
        ("Daughter Ama and I bake on Saturdays.", ["daughter Ama"]),
    ],
)
def test_a_relative_named_without_my(message: str, family: list[str]) -> None:
    assert folded(stored(message).get("family")) == folded(family)


@pytest.mark.parametrize(
    "message",
    [
        "Sister Agnes and I taught the choir.",
        "Brother Tomas and I ran the soup kitchen.",
        "Husband material, that one.",
        "Did your wife and you move?",
    ],
)
def test_no_relative_named_without_my(message: str) -> None:
    assert "family" not in stored(message)


@pytest.mark.parametrize(
    ("message", "interest"),
    [
        ("I run most days along the canal.", "running"),
        ("i cycle three times a week, mostly hills", "cycling"),
        ("I walk daily, doctor's orders honestly", "walking"),
        ("I run every evening after the kids are asleep.", "running"),
    ],
)
def test_exercise_as_a_routine(message: str, interest: str) -> None:
    assert folded(stored(message).get("interests")) == folded([interest])


@pytest.mark.parametrize(
    "message",
    [
        "I run every Friday meeting for the sales team.",
        "I run daily check-ins with the interns.",
        "Do you walk every day?",
        "I ran every morning back in school.",
        "I don't jog every week anymore.",
    ],
)
def test_no_exercise_routine(message: str) -> None:
    assert "interests" not in stored(message)


@pytest.mark.parametrize(
    ("message", "role"),
    [
        ("my plumber salary barely covers rent here", "plumber"),
        ("On my bus driver wage a holiday is a stretch.", "bus driver"),
        ("My pharmacist pay went up a bit this year.", "pharmacist"),
    ],
)
def test_a_trade_told_by_its_pay(message: str, role: str) -> None:
    assert stored(message).get("role") == role


@pytest.mark.parametrize(
    "message",
    [
        "my cousin's welder salary is double mine",
        "my old tutor salary was better",
        "What is my nurse salary after tax?",
        "My lawyer fees are eating my savings.",
        "My sister's teacher pay is a scandal.",
    ],
)
def test_no_trade_told_by_pay(message: str) -> None:
    assert "role" not in stored(message)


@pytest.mark.parametrize(
    "message",
    [
        "I'm studying a few languages on my commute.",
        "i study several languages, slowly",
        "I'm also studying other languages now.",
    ],
)
def test_languages_studied(message: str) -> None:
    assert folded(stored(message).get("goals")) == folded(["learn languages"])


def test_languages_studied_for_an_exam_are_no_goal() -> None:
    assert "goals" not in stored("I'm studying different languages for my exam on Friday.")


@pytest.mark.parametrize(
    ("message", "interest"),
    [
        ("I eat out most Fridays, usually Thai.", "eating out"),
        ("my flatmates and I dine out a lot, too much honestly", "dining out"),
    ],
)
def test_eating_out_as_a_habit(message: str, interest: str) -> None:
    assert folded(stored(message).get("interests")) == folded([interest])


@pytest.mark.parametrize(
    "message",
    [
        "I eat out of the pot when I'm alone.",
        "I eat out tonight with my old team.",
        "Should I eat out or cook?",
        "I rarely eat out.",
    ],
)
def test_no_eating_out_habit(message: str) -> None:
    assert "interests" not in stored(message)


def test_relatives_listed_with_a_comma_before_and() -> None:
    assert folded(stored("I have two sons, and a daughter at uni.").get("family")) == folded(["two sons", "daughter"])
    assert folded(stored("I have a sister, and a parrot.").get("family")) == folded(["sister"])


@pytest.mark.parametrize(
    ("message", "interest"),
    [
        ("baking sourdough, how about you?", "baking sourdough"),
        ("playing some badminton, wbu?", "playing badminton"),
        ("just got back from surfing, how are you?", "surfing"),
    ],
)
def test_an_answer_then_the_question_handed_back(message: str, interest: str) -> None:
    assert folded(stored(message).get("interests")) == folded([interest])


@pytest.mark.parametrize("message", ["do you knit, or crochet?", "Baking sourdough, is that hard?", "you bake, you?"])
def test_a_question_stays_a_question(message: str) -> None:
    assert "interests" not in stored(message)


@pytest.mark.parametrize(
    ("message", "interest"),
    [
        ("doing well, thank you. baking some rye bread", "baking rye bread"),
        ("all good, thank you! playing some darts with the lads", "playing darts"),
    ],
)
def test_politeness_names_no_one(message: str, interest: str) -> None:
    assert folded(stored(message).get("interests")) == folded([interest])


def test_politeness_then_someone_else() -> None:
    got = stored("Thank you. Knitting is what my aunt does all day.")
    assert "interests" not in got


@pytest.mark.parametrize(
    ("message", "goals"),
    [
        ("I'm in school right now studying Korean.", ["learn Korean"]),
        ("I'm studying Korean and learning to play the cello.", ["learn Korean", "learn to play the cello"]),
        ("I'm still in class studying Greek and learning to code", ["learn Greek", "learn to code"]),
    ],
)
def test_two_things_learnt(message: str, goals: list[str]) -> None:
    assert folded(stored(message).get("goals")) == folded(goals)


@pytest.mark.parametrize(
    "message",
    [
        "I love baking and learning new recipes.",
        "I'm in school studying for my finals.",
        "My son is in school studying Latin.",
    ],
)
def test_no_two_things_learnt(message: str) -> None:
    assert "goals" not in stored(message)


@pytest.mark.parametrize(
    ("message", "possession"),
    [
        ("I'm a welder and just bought my first house.", "first house"),
        ("I teach yoga and finally bought a cottage near Whitby.", "cottage"),
    ],
)
def test_a_home_bought_after_and(message: str, possession: str) -> None:
    assert folded(stored(message).get("possessions")) == folded([possession])


@pytest.mark.parametrize(
    "message",
    [
        "My cousin moved to Cork and bought a house.",
        "I bought a home gym for the garage.",
        "I bought a house plant yesterday.",
    ],
)
def test_no_home_bought(message: str) -> None:
    assert "possessions" not in stored(message)


@pytest.mark.parametrize(
    ("message", "employer"),
    [("Zalando hired me last month!", "Zalando"), ("Arup finally hired me as a tester in May.", "Arup")],
)
def test_an_employer_that_hired_me(message: str, employer: str) -> None:
    assert stored(message).get("employer") == employer


@pytest.mark.parametrize(
    "message",
    [
        "They hired me on the spot.",
        "My uncle hired me for the harvest.",
        "Lena hired me to mow her lawn.",
        "Omar hired me as a DJ for his wedding.",
        "Nobody hired me this year.",
    ],
)
def test_no_employer_that_hired_me(message: str) -> None:
    assert "employer" not in stored(message)


def test_an_only_child() -> None:
    assert folded(stored("Honestly I'm an only child, so holidays are quiet.").get("family")) == folded(["only child"])
    assert "family" not in stored("I'm not an only child, sadly.")
    assert folded(stored("My daughter is an only child.").get("family")) == folded(["daughter"])


@pytest.mark.parametrize(
    ("message", "family"),
    [
        ("my hubby Idris works in logistics", ["husband Idris"]),
        ("The missus and I are off to Tenerife.", ["wife"]),
        ("I have two kiddos and a very patient dog.", ["two kids"]),
    ],
)
def test_pet_names_for_kin(message: str, family: list[str]) -> None:
    assert folded(stored(message).get("family")) == folded(family)


def test_a_break_up_finds_the_plain_word() -> None:
    profile = after("my hubby snores like a train", {})
    assert profile["family"] == ["husband"]
    assert "husband" not in after("We split up last month.", profile).get("family", [])


def test_accented_words_trigger_their_rows() -> None:
    assert folded(stored("my fiancée Noor and I just got a flat").get("family")) == folded(["fiancée Noor"])
    assert folded(stored("I own a café in Ghent, mostly waffles").get("possessions")) == folded(["café"])


def test_just_turned_an_age() -> None:
    assert stored("just turned 40! feeling ancient").get("age") == 40
    assert "age" not in stored("my son just turned 5 and wants a dinosaur cake")


@pytest.mark.parametrize(
    ("message", "diet"),
    [("vegan here, any ideas for a picnic?", "vegan"), ("Lifelong vegetarian here! Tofu tips welcome.", "vegetarian")],
)
def test_a_diet_introduced_with_here(message: str, diet: str) -> None:
    got = stored(message)
    assert (got.get("diet"), got.get("role")) == (diet, None)


@pytest.mark.parametrize("message", ["the vegan place here is great", "Any vegan options here?"])
def test_no_diet_introduced_with_here(message: str) -> None:
    assert "diet" not in stored(message)


@pytest.mark.parametrize(
    ("message", "like"),
    [
        ("I love to bake bread for my nephews.", "baking bread for my nephews"),
        ("i like to go sailing in the summer", "sailing in the summer"),
    ],
)
def test_a_longer_pastime_after_like_to(message: str, like: str) -> None:
    assert like.casefold() in folded(stored(message).get("likes", []))  # type: ignore[operator]


@pytest.mark.parametrize(
    "message",
    [
        "I like to be a vet someday.",
        "i like to work in a hospital one day",
        "I love to sail, someday I want to see Fiji",
    ],
)
def test_a_hope_is_no_taste(message: str) -> None:
    likes = [str(x).casefold() for x in stored(message).get("likes", [])]
    assert not [x for x in likes if "vet" in x or "hospital" in x or "fiji" in x]


@pytest.mark.parametrize("message", ["My other half is a welder.", "my other half and I moved to Bristol in May"])
def test_my_other_half_is_a_partner(message: str) -> None:
    assert folded(stored(message).get("family")) == folded(["partner"])


@pytest.mark.parametrize("message", ["My other half-sister lives in Perth.", "I ate my other half of the sandwich."])
def test_no_other_half(message: str) -> None:
    assert "partner" not in folded(stored(message).get("family", []))  # type: ignore[operator]


@pytest.mark.parametrize(
    ("message", "interest"),
    [
        ("I'm a total bookworm, three novels a week.", "reading"),
        ("i'm a bit of a gym rat these days", "going to the gym"),
        ("I'm a huge foodie, so recommend me places!", "food"),
    ],
)
def test_a_pastime_told_by_a_nickname(message: str, interest: str) -> None:
    assert folded(stored(message).get("interests")) == folded([interest])


@pytest.mark.parametrize("message", ["My brother is a total bookworm.", "I'm not a gym rat at all."])
def test_no_pastime_told_by_a_nickname(message: str) -> None:
    assert "interests" not in stored(message)


@pytest.mark.parametrize(
    ("message", "interest"),
    [
        ("I've skated for ages, mostly street.", "skating"),
        ("i have surfed my whole life, cold water mostly", "surfing"),
        ("I've sailed since 2009 and still get seasick.", "sailing"),
        ("I've baked bread for a decade now.", "baking bread"),
    ],
)
def test_a_pastime_kept_up_for_long(message: str, interest: str) -> None:
    assert folded(stored(message).get("interests")) == folded([interest])


@pytest.mark.parametrize(
    "message",
    ["I've skated competitively since college.", "I haven't surfed for years.", "My dad has sailed for decades."],
)
def test_no_pastime_kept_up_for_long(message: str) -> None:
    assert "interests" not in stored(message)


@pytest.mark.parametrize(
    "message",
    [
        "I'm a recovering addict, two years clean.",
        "I'm a former Leeds fan, long story.",
        "recovering addict here, be kind",
    ],
)
def test_no_taste_of_a_past_or_a_dependence(message: str) -> None:
    assert "likes" not in stored(message)


def test_a_taste_before_addict() -> None:
    assert folded(stored("I'm a tea addict, four pots a day.").get("likes")) == folded(["tea"])


@pytest.mark.parametrize(
    "message",
    [
        "I'm a slave to my inbox these days.",
        "I'm a victim of phone fraud, what now?",
        "I'm a survivor, always have been.",
    ],
)
def test_no_job_in_a_figure_of_speech(message: str) -> None:
    assert "role" not in stored(message)


def test_a_job_still_a_job() -> None:
    assert stored("I'm a prison officer in Hull.").get("role") == "prison officer"


@pytest.mark.parametrize(
    "message",
    [
        "I'm a creature of habit, same cafe every day.",
        "I'm a work in progress, like everyone.",
        "I'm a regular at the Crown on Fridays.",
        "I'm a newbie at knitting, be gentle.",
        "I'm a legend in my own kitchen.",
    ],
)
def test_no_job_nor_employer_in_a_self_description(message: str) -> None:
    got = stored(message)
    assert ("role" not in got, "employer" not in got) == (True, True)


def test_a_work_coach_is_a_job() -> None:
    got = stored("I'm a work coach at the jobcentre in Leith.")
    assert got.get("role") == "work coach"


@pytest.mark.parametrize(
    "message",
    [
        "I play dumb when my boss asks.",
        "I play favourites with my nieces.",
        "I play the victim, apparently.",
        "I play devil's advocate a lot.",
    ],
)
def test_no_pastime_in_a_play_idiom(message: str) -> None:
    assert "interests" not in stored(message)


def test_play_an_instrument_still() -> None:
    assert folded(stored("I play the bassoon in an orchestra.").get("interests", [])) != []


@pytest.mark.parametrize(
    "message", ["I live in fear of wasps.", "i live in hope, as always", "I live in a bubble, honestly."]
)
def test_no_home_in_a_figure_of_speech(message: str) -> None:
    assert "location" not in stored(message)


def test_a_town_called_hope() -> None:
    assert stored("I live in Hope, a small town in BC.").get("location") == "Hope"


def test_no_pet_nor_job_in_an_animal_idiom() -> None:
    assert "pets" not in stored("Honestly I have a dog in this fight, it's my street.")
    assert "role" not in stored("I'm a lone wolf at parties.")
    assert "role" not in stored("I'm a social butterfly, always out.")
    assert stored("I'm a beekeeper in Devon.").get("role") == "beekeeper"
