"""Recall on natural chat, an eleventh set, found reading the misses of the even half of the public
conversation dev set and written here in new sentences (other bands, foods and goals):

- a favourite named before its pronoun: "Oasis, they're my favourite band", "Risotto, it's my
  favourite dish" (the thing is the subject the pronoun stands for); a filler or a person before
  the comma names no taste ("Honestly, it's my favourite", "You, you're my favourite");
- "sushi's my favourite food", "jazz has always been my favourite": the same taste, contracted or
  held for long;
- "my favourite team has to be Celtic", "my favourite snack would be crisps", "my favourite film
  has always been Alien": the favourite with a hedge or a time before the thing;
- "my goal this year is to learn piano", "my goal for next year is to …": a stated goal with the
  year it is for before the verb (a goal for today or tonight is a task, no goal);

What is checked is what the profile would receive: the extractor's events after the gate every event
passes (guards.admit_events, with the value-quality check).
"""

from __future__ import annotations

import pytest

from tests.rules_helpers import after, folded, stored


@pytest.mark.parametrize(
    ("message", "likes"),
    [
        ("Oasis, they're my favourite band.", ["Oasis"]),
        ("risotto, it's my favorite dish to cook", ["risotto"]),
        ("Haruki Murakami, he's my favourite writer", ["Haruki Murakami"]),
        ("board games, those are my favourites", ["board games"]),
        ("Tarantino films, they are my all-time favorite", ["Tarantino films"]),
        ("mango lassi, that's my favourite drink", ["mango lassi"]),
    ],
)
def test_a_favourite_named_before_its_pronoun(message: str, likes: list[str]) -> None:
    assert folded(stored(message).get("likes")) == folded(likes)


@pytest.mark.parametrize(
    "message",
    [
        "Honestly, it's my favourite.",
        "Yeah, they're my favourite band",
        "You, you're my favourite",
        "Well, that's my favourite part",
        "Mondays, they're my least favourite",
        "anyway, it's my favourite time of year",
        "What about you, is it your favourite?",
    ],
)
def test_no_favourite_from_a_filler_or_a_person(message: str) -> None:
    assert "likes" not in stored(message)


@pytest.mark.parametrize(
    ("message", "likes"),
    [
        ("sushi's my favourite food", ["sushi"]),
        ("Jazz has always been my favourite.", ["jazz"]),
        ("hiking has always been my favorite way to unwind", ["hiking"]),
    ],
)
def test_a_favourite_contracted_or_held_long(message: str, likes: list[str]) -> None:
    assert folded(stored(message).get("likes")) == folded(likes)


@pytest.mark.parametrize(
    ("message", "likes"),
    [
        ("my favourite team has to be Celtic", ["Celtic"]),
        ("My favorite snack would be salted crisps.", ["salted crisps"]),
        ("my favourite film has always been Alien", ["Alien"]),
        ("my favourite dessert would have to be tiramisu", ["tiramisu"]),
        ("my favorite city must be Kyoto", ["Kyoto"]),
    ],
)
def test_a_favourite_with_a_hedge_before_the_thing(message: str, likes: list[str]) -> None:
    assert folded(stored(message).get("likes")) == folded(likes)


@pytest.mark.parametrize(
    "message",
    [
        "my favourite part has to be the ending",
        "my favorite would have to be you",
        "my favourite excuse has always been traffic",
    ],
)
def test_no_favourite_from_a_part_or_a_person(message: str) -> None:
    assert "likes" not in stored(message)


@pytest.mark.parametrize(
    ("message", "goals"),
    [
        ("My goal this year is to learn the piano", ["learn the piano"]),
        ("my big dream is to open a café someday", ["open a café"]),
        ("my goal for next year is to run a half marathon", ["run a half marathon"]),
    ],
)
def test_a_stated_goal_with_when_around_it(message: str, goals: list[str]) -> None:
    assert folded(stored(message).get("goals")) == folded(goals)


@pytest.mark.parametrize(
    "message",
    [
        "I'm going to finish my homework soon",
        "my goal for today is to finish the laundry",
        "my goal tonight is to sleep early",
    ],
)
def test_no_goal_from_a_task_for_now(message: str) -> None:
    assert "goals" not in stored(message)


@pytest.mark.parametrize(
    "message",
    [
        "just watched Alien, it's my favourite film",
        "Had sushi for lunch, it's my favourite food",
        "Saw Muse last night, they're my favourite band",
        "Off to Paris, it's my favourite city",
        "Happy Friday, it's my favourite day",
        "Baked a lemon tart, it's my favourite dessert",
    ],
)
def test_no_favourite_from_a_clause_without_its_i(message: str) -> None:
    assert "likes" not in stored(message)


# -- the household's diet, told as a kind of household ---------------------------------------------


@pytest.mark.parametrize(
    ("message", "diet"),
    [
        ("we're a vegan household", "vegan"),
        ("We are a vegetarian family, mostly for the kids", "vegetarian"),
        ("we are an omnivore home, anything goes", "omnivore"),
        ("We're a pescatarian household these days.", "pescatarian"),
    ],
)
def test_the_household_diet(message: str, diet: str) -> None:
    assert stored(message).get("diet") == diet


@pytest.mark.parametrize(
    "message",
    [
        "we are a vegan restaurant",
        "we're a keto friendly bakery",
        "we went to a vegan cafe",
        "we are not a vegetarian family",
    ],
)
def test_no_diet_from_a_business_or_a_denial(message: str) -> None:
    assert "diet" not in stored(message)


# -- a degree named after another thing one has ------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "education"),
    [
        ("i have a steady job and a 2014 degree from Bristol", ["2014 degree from Bristol"]),
        ("I've got two kids and a master's in chemistry", ["master's in chemistry"]),
        ("I have a mortgage and an MBA from Insead", ["MBA from Insead"]),
    ],
)
def test_a_degree_after_another_thing_one_has(message: str, education: list[str]) -> None:
    assert folded(stored(message).get("education")) == folded(education)


@pytest.mark.parametrize(
    "message",
    [
        "I have a friend with a degree from Yale",
        "I have a cousin and a brother with a PhD in maths",
        "I have a meeting and a diploma ceremony to attend",
    ],
)
def test_no_degree_that_is_someone_elses_or_an_event(message: str) -> None:
    assert "education" not in stored(message)


# -- no children, but animals -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "pets"),
    [
        ("i don't have kids, but two cats", ["two cats"]),
        ("No kids, but 3 horses and a goat", ["3 horses", "goat"]),
        ("I do not have children but a dog", ["dog"]),
    ],
)
def test_no_children_but_animals(message: str, pets: list[str]) -> None:
    got = stored(message)
    assert folded(got.get("pets")) == folded(pets)


@pytest.mark.parametrize(
    "message",
    [
        "i don't have kids, but two cats would be nice",
        "I don't have kids, but my sister has two cats",
        "No kids, but a big mortgage",
    ],
)
def test_no_pets_from_a_wish_or_someone_elses(message: str) -> None:
    assert "pets" not in stored(message)


# -- where one studied, told as the place ------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "education"),
    [
        ("I studied at MIT", ["MIT"]),
        ("I'm studying at the University of Tartu these days", ["University of Tartu"]),
        ("I studied at Trinity College for four years", ["Trinity College"]),
        ("i study at UCL, second year", ["UCL"]),
        ("I studied at the Royal Academy of Music", ["Royal Academy of Music"]),
    ],
)
def test_where_one_studied(message: str, education: list[str]) -> None:
    assert folded(stored(message).get("education")) == folded(education)


@pytest.mark.parametrize(
    "message",
    [
        "I studied at the library all afternoon",
        "I study at Starbucks most mornings",
        "I studied at home for the exam",
        "I studied at my desk",
        "I'm studying at my friend's tonight",
    ],
)
def test_no_school_from_where_one_sat_to_study(message: str) -> None:
    assert "education" not in stored(message)


# -- "my baby" said of a pet or a thing is no child ---------------------------------------------------


@pytest.mark.parametrize(
    ("message", "pets"),
    [
        ("my greyhound is my baby", ["greyhound"]),
        ("My two rabbits are my babies!", ["two rabbits"]),
    ],
)
def test_a_pet_called_my_baby_is_no_child(message: str, pets: list[str]) -> None:
    got = stored(message)
    assert "family" not in got
    assert folded(got.get("pets")) == folded(pets)


@pytest.mark.parametrize("message", ["My orchids are my babies", "Pepper is my baby", "that car is my baby"])
def test_my_baby_after_is_names_no_child(message: str) -> None:
    assert "family" not in stored(message)


@pytest.mark.parametrize("message", ["this is my baby brother Callum", "she is my baby sister"])
def test_a_baby_brother_or_sister_stays_family(message: str) -> None:
    family = stored(message).get("family")
    assert isinstance(family, list) and len(family) == 1 and family[0].startswith("baby ")


# -- the household's animals: "we just got a puppy" ------------------------------------------------


@pytest.mark.parametrize(
    ("message", "pets"),
    [
        ("we just got a puppy!", ["puppy"]),
        ("We finally got two guinea pigs for the kids", ["two guinea pigs"]),
    ],
)
def test_the_households_new_animals(message: str, pets: list[str]) -> None:
    assert folded(stored(message).get("pets")) == folded(pets)


@pytest.mark.parametrize(
    "message",
    [
        "we got a puppy for my niece's birthday",
        "we got a dog to look after for the weekend",
        "we should get a cat",
        "do we have a cat?",
        "we got a cat allergy test done",
    ],
)
def test_no_pet_from_a_gift_a_stay_or_a_wish(message: str) -> None:
    assert "pets" not in stored(message)


# -- "to much" typed for "too much" after a habit verb ----------------------------------------------


@pytest.mark.parametrize(
    ("message", "field", "value"),
    [
        ("i eat to much chips and salsa", "likes", ["chips and salsa"]),
        ("I watch to much anime lol", "likes", ["anime"]),
        ("i play to many video games", "likes", ["video games"]),
    ],
)
def test_to_much_for_too_much_after_a_habit(message: str, field: str, value: list[str]) -> None:
    assert folded(stored(message).get(field)) == folded(value)


@pytest.mark.parametrize("message", ["I owe a lot to much older friends", "it was added to much fanfare"])
def test_to_much_elsewhere_stays(message: str) -> None:
    assert stored(message) == {}


# -- "a cat person" likes cats -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "field", "value"),
    [
        ("I'm a cat person", "likes", ["cats"]),
        ("honestly I'm more of a dog person", "likes", ["dogs"]),
        ("I'm a horse person through and through", "likes", ["horses"]),
        ("I'm not a cat person", "dislikes", ["cats"]),
        ("I'm a beach person", "likes", ["beach"]),
        ("I'm a people person", "likes", ["people"]),
    ],
)
def test_an_animal_person_likes_the_animals(message: str, field: str, value: list[str]) -> None:
    assert folded(stored(message).get(field)) == folded(value)


# -- a trade told tersely: "Designer by trade", "Teacher by day, gamer by night" -------------------------


@pytest.mark.parametrize(
    ("message", "role"),
    [
        ("Carpenter by trade, been at it 20 years", "Carpenter"),
        ("software developer by profession", "software developer"),
        ("Teacher by day, gamer by night", "Teacher"),
        ("hi, paramedic by training", "paramedic"),
    ],
)
def test_a_trade_told_tersely(message: str, role: str) -> None:
    assert stored(message).get("role") == role


@pytest.mark.parametrize(
    "message",
    ["Paid by day, not by the hour", "Lost by day, found by night", "the best by far", "Sold by the kilo"],
)
def test_no_trade_from_other_words_before_by(message: str) -> None:
    assert "role" not in stored(message)


# -- "In my free time I paint": the pastime as a doing ----------------------------------------------


@pytest.mark.parametrize(
    ("message", "interests"),
    [
        ("In my free time I paint", ["painting"]),
        ("in my spare time i play chess", ["chess"]),
        ("In my free time I read", ["reading"]),
        ("in my downtime i watch old films", ["watching old films"]),
        ("In my free time I enjoy baking", ["baking"]),
        ("in my spare time I go fishing", ["fishing"]),
    ],
)
def test_a_free_time_pastime_as_a_doing(message: str, interests: list[str]) -> None:
    assert folded(after(message, {}).get("interests")) == folded(interests)


@pytest.mark.parametrize("message", ["in my free time i work", "In my spare time I sleep, honestly"])
def test_no_pastime_from_work_or_sleep(message: str) -> None:
    assert "interests" not in stored(message)


# -- weekends told as what they are for -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "interests"),
    [
        ("my weekends are for hiking", ["hiking"]),
        ("My weekends are mostly spent fishing with my brother", ["fishing"]),
        ("my evenings are spent knitting", ["knitting"]),
        ("most weekends you'll find me surfing", ["surfing"]),
        ("on Sundays you will find me gardening", ["gardening"]),
    ],
)
def test_weekends_told_as_what_they_are_for(message: str, interests: list[str]) -> None:
    assert folded(stored(message).get("interests")) == folded(interests)


@pytest.mark.parametrize(
    "message",
    [
        "my weekends are for resting",
        "my weekends are spent working",
        "my weekends are spent cleaning the house",
        "you'll find me sleeping on the sofa",
        "you'll find me waiting at the station",
        "would you find me crying?",
    ],
)
def test_no_pastime_from_rest_work_or_a_moment(message: str) -> None:
    assert "interests" not in stored(message)


@pytest.mark.parametrize("message", ["I spend my weekends working", "i spend most evenings sleeping, honestly"])
def test_spending_weekends_on_work_or_sleep_is_no_pastime(message: str) -> None:
    assert "interests" not in stored(message)


# -- degrees told in other ways -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "education"),
    [
        ("I have a BA in history", ["BA in history"]),
        ("i've got an MSc from Delft", ["MSc from Delft"]),
        ("I graduated in 2015 with a degree in economics", ["degree in economics"]),
        ("I graduated last year with a master's in nursing", ["master's in nursing"]),
        ("my degree is in philosophy", ["degree in philosophy"]),
        ("My PhD was in marine biology", ["PhD in marine biology"]),
        ("I'm a graduate of Edinburgh University", ["graduate of Edinburgh University"]),
    ],
)
def test_a_degree_told_another_way(message: str, education: list[str]) -> None:
    assert folded(stored(message).get("education")) == folded(education)


@pytest.mark.parametrize(
    "message",
    [
        "I have a ma in the kitchen",
        "my degree is in the drawer somewhere",
        "my brother's degree is in law",
        "I graduated with a hangover",
        "I have a BA in mind for next year",
    ],
)
def test_no_degree_from_other_words(message: str) -> None:
    assert "education" not in stored(message)


# -- a child's age is no age of the user's --------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "my 5 year old loves dinosaurs",
        "My 7-year-old is obsessed with trains",
        "I have a 6 year old and a baby",
        "i've got a 9-year-old who won't sleep",
        "out at the park with my 4 year old",
        "I babysit a 6 year old on Fridays",
        "our 3 year old started nursery",
    ],
)
def test_a_childs_age_is_not_the_users(message: str) -> None:
    assert "age" not in stored(message)


@pytest.mark.parametrize(
    ("message", "age"),
    [
        ("I'm a 30 year old teacher", 30),
        ("I am 41 years old", 41),
        ("as a 52 year old I feel it", 52),
        ("hi, I'm an 18-year-old student", 18),
    ],
)
def test_the_users_own_age_stays(message: str, age: int) -> None:
    assert stored(message).get("age") == age


# -- a taste told as an idiom ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "likes"),
    [
        ("I can't get enough of true crime podcasts", ["true crime podcasts"]),
        ("i never say no to a good curry", ["good curry"]),
        ("I could eat dumplings every day", ["dumplings"]),
        ("honestly I could listen to Nina Simone all day", ["Nina Simone"]),
        ("I'd pick the mountains over the beach any day", ["mountains"]),
    ],
)
def test_a_taste_told_as_an_idiom(message: str, likes: list[str]) -> None:
    got = stored(message)
    assert folded(got.get("likes")) == folded(likes)
    assert "dislikes" not in got


@pytest.mark.parametrize(
    "message",
    [
        "I can't get enough sleep these days",
        "I never say no to my boss",
        "I could eat a horse right now",
        "I'd pick you up at eight",
        "I could do this all day",
    ],
)
def test_no_taste_from_a_lookalike(message: str) -> None:
    assert "likes" not in stored(message)


# -- a skill told as the kind of doer one is ----------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "skills"),
    [
        ("I'm a decent cook", ["cooking"]),
        ("i'm a pretty good swimmer", ["swimming"]),
        ("I'm a fast typist", ["typing"]),
        ("I'm a strong public speaker", ["public speaking"]),
        ("I'm pretty decent at photography", ["photography"]),
        ("I'm fairly good with computers", ["computers"]),
        ("I'm handy with tools", ["tools"]),
    ],
)
def test_a_skill_told_as_the_doer(message: str, skills: list[str]) -> None:
    got = stored(message)
    assert folded(got.get("skills")) == folded(skills)
    assert "role" not in got


@pytest.mark.parametrize(
    "message",
    [
        "I'm not a good swimmer",
        "I'm a terrible singer",
        "I'm a good listener, my friends say, but tired",
        "I'm a slow reader",
    ],
)
def test_no_skill_from_a_denial_or_a_weakness(message: str) -> None:
    got = stored(message)
    assert "skills" not in got
    assert "role" not in got
