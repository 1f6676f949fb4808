"""Recall on natural chat (issue 9): pets with their names, lists that hold one thing named with
"and", habits told by "too much", a vehicle with its model year, a sport one does, a named diet,
where one spent one's childhood or lives (on a farm), animals one raises, the team one plays in,
what one is the owner of, a job one makes a living as.

Sentences written for this file, with near misses that must store nothing (or less): someone
else's animal, questions, suppositions, words after an animal that are no name. What is checked
is what the profile would receive: the extractor's events after the gate every event passes
(guards.admit_events, with the value-quality check).
"""

from __future__ import annotations

import pytest

from tests.rules_helpers import folded, stored

# -- a pet with its name ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "pets"),
    [
        ("I have a hamster named Nibbles.", ["hamster named nibbles"]),
        ("i've got a parrot called kiwi", ["parrot named kiwi"]),
        ("I own a pony called Clover, she is tiny.", ["pony named clover"]),
        ("My tabby's name is Clementine.", ["tabby named clementine"]),
        ("my rabbit is called thumper", ["rabbit named thumper"]),
        ("My beagle Waffles snores all night.", ["beagle named waffles"]),
        ("Honestly my cat, Pickle, runs this house.", ["cat named pickle"]),
        ("I adore my gecko Ziggy.", ["gecko named ziggy"]),
    ],
)
def test_a_pet_is_kept_with_its_name(message: str, pets: list[str]) -> None:
    assert folded(stored(message).get("pets")) == pets


@pytest.mark.parametrize(
    ("message", "pets"),
    [
        # a name told bare must be capitalised: in lower case it cannot be told from the next word
        ("my dog adores the snow", ["dog"]),
        ("I walk my dog Sunday mornings.", ["dog"]),
        ("My cat I think is a genius.", ["cat"]),
        # "named" followed by no name
        ("I have a cat named after a poet.", ["cat"]),
        # several names are left out rather than cut to the first
        ("I have two cats named Pip and Moss.", ["two cats"]),
    ],
)
def test_words_after_an_animal_that_are_no_name_are_left_out(message: str, pets: list[str]) -> None:
    assert folded(stored(message).get("pets")) == pets


@pytest.mark.parametrize(
    "message",
    [
        "My neighbour's dog Bruno barks all night.",
        "my roommates cat Olive hides under my bed",
        "I have a brother named Lars.",
        "Do you have a dog named Rex?",
        "If I had a cat I would name her Mittens.",
    ],
)
def test_someone_elses_or_a_supposed_pet_stores_no_pet(message: str) -> None:
    assert "pets" not in stored(message)


@pytest.mark.parametrize(
    ("message", "pets"),
    [
        ("Do you have any pets? Mine is a ferret.", ["ferret"]),
        ("got any pets ? mine are two goldfish", ["two goldfish"]),
        ("Do you own a pet? Mine's a chatty cockatiel.", ["chatty cockatiel"]),
    ],
)
def test_mine_after_ones_own_question_about_pets(message: str, pets: list[str]) -> None:
    assert folded(stored(message).get("pets")) == pets


@pytest.mark.parametrize(
    "message",
    [
        "Mine is a ferret.",  # no question about pets before it
        "Do you have any pets? Mine is a long story.",
        "What's your favourite animal? Mine is the otter.",
        "Do you have any pets? My sister's is a ferret.",
    ],
)
def test_mine_without_a_pet_question_or_a_pet_stores_no_pet(message: str) -> None:
    assert "pets" not in stored(message)


def test_a_count_and_a_breed_before_my_animals_are_kept() -> None:
    assert folded(stored("Feeding my two rescue greyhounds takes a while.").get("pets")) == ["two rescue greyhounds"]


# -- one thing named with "and" -------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "likes"),
    [
        ("I love fish and chips.", ["fish and chips"]),
        ("I adore mac and cheese and tacos", ["mac and cheese", "tacos"]),
        ("I listen to R&B and soul.", ["r&b", "soul"]),
        ("i like salt and vinegar crisps", ["salt and vinegar crisps"]),
        ("I enjoy rock and roll, jazz and blues.", ["blues", "jazz", "rock and roll"]),
    ],
)
def test_a_thing_named_with_and_stays_one_item(message: str, likes: list[str]) -> None:
    assert folded(stored(message).get("likes")) == likes


@pytest.mark.parametrize(
    ("message", "likes"),
    [
        ("I like fish and rice.", ["fish", "rice"]),
        ("I love cats & dogs", ["cats", "dogs"]),
        ("I like chips and salsa verde... no, chips and guac", ["chips and salsa verde"]),
    ],
)
def test_two_things_joined_by_and_stay_two(message: str, likes: list[str]) -> None:
    got = folded(stored(message).get("likes"))
    assert isinstance(got, list) and got[: len(likes)] == likes


# -- "too much": a habit that tells a taste --------------------------------------------------


@pytest.mark.parametrize(
    ("message", "likes"),
    [
        ("I watch way too much anime.", ["anime"]),
        ("i read too many thrillers", ["thrillers"]),
        ("Honestly I play too much Minecraft.", ["minecraft"]),
        ("I bake too many cookies, my neighbours get the rest", ["cookies"]),
    ],
)
def test_too_much_of_a_pastime_is_a_like(message: str, likes: list[str]) -> None:
    assert folded(stored(message).get("likes")) == likes


@pytest.mark.parametrize(
    "message",
    [
        "I ate too much cake at the party.",
        "Do I watch too much TV?",
        "My son plays too many video games.",
        "I worry too much about money.",
        "I read too much into things.",
    ],
)
def test_too_much_once_or_of_someone_else_is_no_like(message: str) -> None:
    assert "likes" not in stored(message)


# -- a vehicle with its model year ---------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "possessions"),
    [
        ("Nothing beats my 2009 Subaru on snowy roads.", ["2009 subaru"]),
        ("i fixed the engine on my tractor", ["tractor"]),
    ],
)
def test_a_vehicle_with_its_year_or_a_tractor_is_owned(message: str, possessions: list[str]) -> None:
    assert folded(stored(message).get("possessions")) == possessions


@pytest.mark.parametrize("message", ["My uncle's tractor broke down.", "Is a 2009 Subaru any good?"])
def test_someone_elses_vehicle_is_not_owned(message: str) -> None:
    assert "possessions" not in stored(message)


# -- a sport one does, animals one raises, the team one plays in ---------------------------------


@pytest.mark.parametrize(
    ("message", "interests"),
    [
        ("I do judo.", ["judo"]),
        ("i do kickboxing twice a week", ["kickboxing"]),
        ("I practise tai chi in the park.", ["tai chi"]),
        ("I breed alpacas.", ["breeding alpacas"]),
        ("i keep a few hens", ["keeping a few hens"]),
        ("I play in a darts league.", ["playing in a darts league"]),
        ("i play for the local rugby club", ["playing for the local rugby club"]),
    ],
)
def test_a_sport_done_animals_raised_or_a_team_played_in_is_an_interest(message: str, interests: list[str]) -> None:
    assert folded(stored(message).get("interests")) == interests


@pytest.mark.parametrize(
    "message",
    [
        "My nephew does judo.",
        "I don't do pilates.",
        "Do you do crossfit?",
        "I did fencing in school.",
        "I'll do zumba tomorrow.",
        "I want to raise goats one day.",
        "I keep my cat indoors.",
        "Do you play in a band?",
        "My son plays for the school team.",
    ],
)
def test_a_sport_or_animals_of_someone_else_or_not_yet_is_no_interest(message: str) -> None:
    assert "interests" not in stored(message)


# -- a named diet ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "diet"),
    [
        ("I'm on a paleo diet.", "paleo"),
        ("i eat a mostly plant based diet", "plant based"),
        ("I stick to a mediterranean diet", "mediterranean"),
    ],
)
def test_a_named_diet_is_kept(message: str, diet: str) -> None:
    assert folded(stored(message).get("diet")) == diet


@pytest.mark.parametrize(
    "message",
    [
        "I'm on a diet.",
        "I'm on a gluten-free diet.",  # may tell of an illness
        "My husband is on a keto diet.",
        "Should I try a keto diet?",
    ],
)
def test_an_unnamed_diet_someone_elses_or_a_question_stores_no_diet(message: str) -> None:
    assert "diet" not in stored(message)


# -- where one spent one's childhood, or lives on a farm -----------------------------------------


@pytest.mark.parametrize(
    ("message", "field", "value"),
    [
        # (where one grew up is the hometown even with no home known: one who says so mostly lives elsewhere now)
        ("I spent my childhood in Accra.", "hometown", "accra"),
        ("I live in Lyon, but I spent most of my teens in Nantes.", "hometown", "nantes"),
        ("I live on a sheep farm.", "location", "sheep farm"),
        ("i live on a narrowboat", "location", "narrowboat"),
        ("I live on a farm in Ghent.", "location", "ghent"),
    ],
)
def test_childhood_place_or_a_farm_is_where_one_is_from_or_lives(message: str, field: str, value: str) -> None:
    assert folded(stored(message).get(field)) == value


@pytest.mark.parametrize(
    "message",
    [
        "I spent my weekend in Porto.",
        "I live on a tight budget.",
        "My cousin spent her childhood in Accra.",
        "Would you live on a boat?",
    ],
)
def test_a_passing_stay_or_someone_elses_childhood_stores_no_place(message: str) -> None:
    got = stored(message)
    assert "location" not in got and "hometown" not in got


# -- what one is the owner of; a job one makes a living as -------------------------------------


@pytest.mark.parametrize(
    ("message", "possessions"),
    [
        ("I'm the proud owner of a 1967 Mustang.", ["1967 mustang"]),
        ("i am the owner of a tiny bookstore", ["tiny bookstore"]),
        ("I'm the co-owner of a yoga studio downtown.", ["yoga studio"]),
    ],
)
def test_what_one_is_the_owner_of_is_a_possession(message: str, possessions: list[str]) -> None:
    got = stored(message)
    assert folded(got.get("possessions")) == possessions
    assert "role" not in got  # not "proud owner" read as a job


@pytest.mark.parametrize(
    "message",
    ["My aunt is the owner of a bakery.", "Are you the owner of a Tesla?", "I want to be the owner of a cafe."],
)
def test_someone_elses_or_a_wished_ownership_is_no_possession(message: str) -> None:
    assert "possessions" not in stored(message)


@pytest.mark.parametrize(
    ("message", "role"),
    [
        ("I make a living as a sign painter.", "sign painter"),
        ("i earn my living as a tour guide", "tour guide"),
    ],
)
def test_making_a_living_as_is_a_role(message: str, role: str) -> None:
    assert folded(stored(message).get("role")) == role


@pytest.mark.parametrize(
    "message",
    [
        "I'd love to make a living as a potter.",
        "Can anyone make a living as a poet?",
        "My brother makes a living as a magician.",
        "I make a living as best I can.",
    ],
)
def test_a_wished_or_someone_elses_living_or_no_job_is_no_role(message: str) -> None:
    assert "role" not in stored(message)
