"""Recall on natural chat, a sixth set: lasting facts told in phrasings the table did not read.

- a dislike told by a negated taste ("I'm not big on musicals", "I've never liked olives", "camping
  isn't for me");
- a taste told as lasting ("I've always loved jazz", "knitting is basically my whole personality");
- a language spoken modestly ("I can get by in Italian", "my Dutch is decent");
- a job held for years ("I've spent the last six years as a court reporter") or told by what one
  drives for a living ("I drive buses");
- a move told with a particle ("we've moved back to Cork") or into a home in a named place, and where
  one lives or comes from told object first ("home is Galway these days", "Tallinn's where I grew up");
- a pet taken in ("I adopted a ginger kitten"), a lasting thing owned ("I've got an allotment");
- a goal of qualifying or of getting into a course;
- a group one sings or plays in ("I sing alto in a chamber choir");
- a food one has not eaten for years.

Sentences written for this file. Each class has near misses that must store nothing: the same words
about someone else, a question, a supposition, a one-off (today, tonight), a pronoun for a value.
What is checked is what the profile would receive: the extractor's events after the gate every
event passes (guards.admit_events, with the value-quality check).
"""

from __future__ import annotations

import pytest

from tests.rules_helpers import after, folded, stored

# -- a dislike told by a negated taste ------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "dislikes"),
    [
        ("I'm not big on musicals, too much singing.", ["musicals"]),
        ("Honestly I'm not really keen on crowds.", ["crowds"]),
        ("I'm not crazy about spicy food.", ["spicy food"]),
        ("I've never been a fan of sushi.", ["sushi"]),
        ("I have never liked olives", ["olives"]),
        ("I'm no fan of karaoke lol", ["karaoke"]),
        ("I've never really been into team sports.", ["team sports"]),
        ("Camping isn't for me.", ["camping"]),
        ("Horror films are not really for me", ["horror films"]),
    ],
)
def test_a_negated_taste_is_a_dislike(message: str, dislikes: list[str]) -> None:
    assert folded(stored(message).get("dislikes")) == folded(dislikes)


@pytest.mark.parametrize(
    "message",
    [
        "My wife is not big on musicals.",
        "Are you not keen on crowds?",
        "I'm not keen on the idea of moving again.",
        "I'm not keen on going out tonight.",
        "I'm not crazy about it.",
        "He's never liked olives.",
        "This isn't for me, it's for my brother.",
        "The cake is not for me.",
        "If I'm not keen on the hotel, what then?",
    ],
)
def test_no_dislike_from_someone_else_a_question_or_a_one_off(message: str) -> None:
    assert "dislikes" not in stored(message)


# -- a taste told as lasting ------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "likes"),
    [
        ("I've always loved jazz.", ["jazz"]),
        ("I have always enjoyed long train journeys", ["long train journeys"]),
        ("I've always been into astronomy.", ["astronomy"]),
        ("Knitting is basically my whole personality.", ["knitting"]),
        ("Sea swimming is pretty much my whole life now", ["sea swimming"]),
        ("Bird photography has become my obsession.", ["bird photography"]),
    ],
)
def test_a_lasting_taste_is_a_like(message: str, likes: list[str]) -> None:
    assert folded(stored(message).get("likes")) == folded(likes)


def test_always_hated_is_a_dislike() -> None:
    assert folded(stored("I've always hated tomatoes.").get("dislikes")) == ["tomatoes"]


@pytest.mark.parametrize(
    "message",
    [
        "I've always loved you.",
        "My son has always loved trains.",
        "Have you always loved jazz?",
        "Work is my whole life right now.",
        "It is my whole personality.",
        "My kids are my whole world.",
        "She is my whole world.",
    ],
)
def test_no_lasting_taste_from_others_questions_or_people(message: str) -> None:
    assert "likes" not in stored(message)


# -- a language spoken modestly ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "languages"),
    [
        ("I can get by in Italian.", ["Italian"]),
        ("I get by in Polish, mostly from my grandmother.", ["Polish"]),
        ("I'm conversational in Greek.", ["Greek"]),
        ("I'm fairly comfortable in Portuguese", ["Portuguese"]),
        ("My Dutch is pretty decent.", ["Dutch"]),
        ("my Japanese is rusty but ok", ["Japanese"]),
    ],
)
def test_a_modestly_told_language_is_spoken(message: str, languages: list[str]) -> None:
    assert folded(stored(message).get("languages")) == folded(languages)


@pytest.mark.parametrize(
    "message",
    [
        "My sister can get by in Italian.",
        "Can I get by in Italian on a week's trip?",
        "I'm comfortable in jeans.",
        "I can get by in a small flat.",
        "His Dutch is pretty decent.",
        "My Dutch colleague is pretty decent.",
    ],
)
def test_no_language_from_others_questions_or_no_language(message: str) -> None:
    assert "languages" not in stored(message)


# -- a job held for years, or told by what one drives -----------------------------------------


@pytest.mark.parametrize(
    ("message", "role"),
    [
        ("I've spent the last six years as a court reporter.", "court reporter"),
        ("I have spent over a decade as a ski instructor in Austria", "ski instructor"),
        ("I've spent twenty years working as a locksmith.", "locksmith"),
        ("I drive buses in Dundee.", "bus driver"),
        ("I drive taxis at night", "taxi driver"),
        ("I drive trams for the city.", "tram driver"),
    ],
)
def test_a_job_held_for_years_or_driven_is_a_role(message: str, role: str) -> None:
    assert folded(stored(message).get("role")) == folded(role)


@pytest.mark.parametrize(
    "message",
    [
        "My dad spent thirty years as a miner.",
        "I spent a year as a nanny after school.",
        "I drive a bus to work.",
        "My brother drives trucks.",
        "Do you drive buses?",
        "I drive trucks for fun on weekends.",
    ],
)
def test_no_role_from_the_past_a_possession_or_someone_else(message: str) -> None:
    assert "role" not in stored(message)


# -- a move told with a particle, and where one lives or comes from told object first ---------


@pytest.mark.parametrize(
    ("message", "location"),
    [
        ("We've just moved up to Aberdeen.", "Aberdeen"),
        ("We moved back to Cork in May.", "Cork"),
        ("I moved down to Brighton after uni.", "Brighton"),
        ("We moved into a flat in Bergen last spring.", "Bergen"),
        ("We've moved out of the city into a cottage near Kendal.", "Kendal"),
        ("I was born in Riga, but home is Galway these days.", "Galway"),
        ("I grew up in Ghent, but home's Utrecht now.", "Utrecht"),
    ],
)
def test_a_move_or_a_home_is_the_location(message: str, location: str) -> None:
    assert folded(stored(message).get("location")) == folded(location)


@pytest.mark.parametrize(
    "message",
    [
        "I moved up to the senior team.",
        "We moved back to the old office.",
        "I moved on to brutalist stuff.",
        "My parents moved back to Cork.",
        "Should we move back to Cork?",
        "Home is where the heart is.",
        "Home is a mess right now.",
        "We moved into a bigger flat.",
    ],
)
def test_no_location_from_a_non_place_someone_else_or_a_question(message: str) -> None:
    assert "location" not in stored(message)


@pytest.mark.parametrize(
    ("message", "hometown"),
    [
        ("Tallinn's where I grew up.", "Tallinn"),
        ("Valparaiso is where I was born.", "Valparaiso"),
    ],
)
def test_where_one_grew_up_told_object_first(message: str, hometown: str) -> None:
    assert folded(stored(message).get("hometown") or stored(message).get("location")) == folded(hometown)


def test_no_hometown_from_a_non_place_told_object_first() -> None:
    assert stored("that's where I grew up") == {}


# -- a pet taken in, a lasting thing owned ---------------------------------------------------


@pytest.mark.parametrize(
    ("message", "pets"),
    [
        ("I adopted a ginger kitten last month.", ["ginger kitten"]),
        ("I rescued a scruffy old terrier in March", ["scruffy old terrier"]),
        ("I've adopted two guinea pigs.", ["two guinea pigs"]),
    ],
)
def test_an_adopted_animal_is_a_pet(message: str, pets: list[str]) -> None:
    assert folded(stored(message).get("pets")) == folded(pets)


@pytest.mark.parametrize(
    "message",
    [
        "My neighbour adopted a ginger kitten.",
        "Should I adopt a kitten?",
        "I adopted a new approach to budgeting.",
        "I'd adopt a dog if I had a garden.",
    ],
)
def test_no_pet_adopted_by_others_or_supposed(message: str) -> None:
    assert "pets" not in stored(message)


@pytest.mark.parametrize(
    ("message", "possessions"),
    [
        ("I've got an allotment down the lane.", ["allotment"]),
        ("I own a 10-inch telescope.", ["10-inch telescope"]),
        ("I have a little greenhouse out back", ["little greenhouse"]),
    ],
)
def test_a_lasting_thing_owned_is_a_possession(message: str, possessions: list[str]) -> None:
    assert folded(stored(message).get("possessions")) == folded(possessions)


@pytest.mark.parametrize(
    "message",
    [
        "My uncle has an allotment.",
        "I have a telescope lesson on Friday.",
        "Do you have a greenhouse?",
        "I want to get an allotment.",
    ],
)
def test_no_possession_of_others_wished_or_asked(message: str) -> None:
    assert "possessions" not in stored(message)


# -- a goal of qualifying or of getting into a course ------------------------------------------


@pytest.mark.parametrize(
    ("message", "goal"),
    [
        ("I want to qualify as an architect.", "qualify as an architect"),
        ("I'm hoping to qualify as a midwife by 2027", "qualify as a midwife"),
        ("I want to get onto an animation course at uni.", "get onto an animation course"),
        ("I'd love to get into a music conservatory.", "get into a music conservatory"),
    ],
)
def test_qualifying_or_getting_onto_a_course_is_a_goal(message: str, goal: str) -> None:
    assert any(goal in str(g).lower() for g in stored(message).get("goals", [])), stored(message)


@pytest.mark.parametrize(
    "message",
    [
        "My daughter wants to qualify as a vet.",
        "Do I need to qualify as a member first?",
        "I want to get into the car before it rains.",
        "I don't want to get into a fight about it.",
    ],
)
def test_no_goal_of_someone_else_a_question_or_no_course(message: str) -> None:
    assert "goals" not in stored(message)


# -- a group one sings or plays in --------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "interest"),
    [
        ("I sing alto in a chamber choir.", "singing alto in a chamber choir"),
        ("I play trumpet in a brass band on Sundays.", "playing trumpet in a brass band"),
        ("I sing with a gospel choir every week", "singing with a gospel choir"),
    ],
)
def test_a_group_one_sings_or_plays_in_is_an_interest(message: str, interest: str) -> None:
    assert folded(stored(message).get("interests")) == folded([interest])


@pytest.mark.parametrize(
    "message",
    [
        "My son plays trumpet in a brass band.",
        "Should I sing in a choir?",
        "She sings alto in a chamber choir.",
    ],
)
def test_no_group_of_others_or_asked(message: str) -> None:
    assert "interests" not in stored(message)


# -- a food not eaten for years -----------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "dislikes"),
    [
        ("I haven't eaten meat in nine years.", ["meat"]),
        ("I have not touched red meat since 2015", ["red meat"]),
        ("I've never eaten pork.", ["pork"]),
    ],
)
def test_a_food_not_eaten_for_years_is_kept_off(message: str, dislikes: list[str]) -> None:
    assert folded(stored(message).get("dislikes")) == folded(dislikes)


@pytest.mark.parametrize(
    "message",
    [
        "I haven't eaten meat today.",
        "I haven't eaten fish this week.",
        "My husband hasn't eaten meat in years.",
        "I haven't drunk alcohol in five years.",
        "I haven't eaten since breakfast.",
    ],
)
def test_no_food_kept_off_for_a_day_by_others_or_a_drink(message: str) -> None:
    assert "dislikes" not in stored(message)


# -- a pet that died leaves the profile; "we adopted" is the household's pet --------------------


@pytest.mark.parametrize(
    "message",
    [
        "Sadly Biscuit passed away last night.",
        "Biscuit died on Sunday, I'm heartbroken.",
        "Unfortunately, Biscuit has passed away.",
    ],
)
def test_a_named_pet_that_died_is_removed(message: str) -> None:
    profile = {"pets": ["greyhound named Biscuit", "goldfish"]}
    assert after(message, profile) == {"pets": ["goldfish"]}


@pytest.mark.parametrize(
    "message",
    [
        "Sadly my neighbour passed away.",
        "He died in 1990.",
        "Einstein died in 1955.",
        "the battery died again",
    ],
)
def test_no_pet_removed_or_added_by_other_deaths(message: str) -> None:
    profile = {"pets": ["greyhound named Biscuit"]}
    assert after(message, profile) == profile


def test_we_adopted_is_the_households_pet() -> None:
    assert folded(stored("We adopted two kittens from the shelter.").get("pets")) == ["two kittens"]


@pytest.mark.parametrize("message", ["I'm heartbroken.", "Honestly I'm gutted, the trip is off."])
def test_a_feeling_is_no_name(message: str) -> None:
    assert "name" not in stored(message)


def test_an_adopted_pet_told_twice_is_one_pet() -> None:
    assert folded(stored("I just adopted a rescue cat, a tabby called Mango.").get("pets")) == ["tabby named mango"]
    assert folded(stored("I adopted a cat and a dog named Rex.").get("pets")) == ["cat", "dog named rex"]


# -- a pastime got into, a dislike with its "I" left out, working for oneself, a nationality --------


@pytest.mark.parametrize(
    ("message", "interests"),
    [
        ("I've really got into birdwatching this year.", ["birdwatching"]),
        ("I've been getting into sourdough lately.", ["sourdough"]),
        ("I got into bouldering during lockdown.", ["bouldering"]),
    ],
)
def test_a_pastime_got_into_is_an_interest(message: str, interests: list[str]) -> None:
    assert folded(stored(message).get("interests")) == folded(interests)


@pytest.mark.parametrize(
    "message",
    [
        "I got into Oxford!",
        "I got into trouble at work.",
        "I got into bed at ten.",
        "My son got into skateboarding.",
        "Have you got into birdwatching?",
    ],
)
def test_no_pastime_from_a_school_trouble_or_someone_else(message: str) -> None:
    assert "interests" not in stored(message)


def test_a_dislike_with_its_i_left_out() -> None:
    assert folded(stored("I'm Ola. Don't really care for sitcoms.").get("dislikes")) == ["sitcoms"]
    assert "dislikes" not in stored("I'm Ola. Don't eat the cake!")


def test_working_for_oneself_as_a_role() -> None:
    assert stored("I work for myself as a photographer.").get("role") == "photographer"


@pytest.mark.parametrize("message", ["I'm Nigerian but live in Dublin.", "I'm Colombian, from Cali."])
def test_a_nationality_is_no_name(message: str) -> None:
    assert "name" not in stored(message)


# -- "Diego here", programming languages, a degree aimed at, a business's town, "and retired" -------


def test_a_greeting_with_here_names_the_speaker_and_nothing_else_does() -> None:
    assert stored("Hola! Tomas here. I run a small bakery.").get("name") == "Tomas"
    assert "name" not in stored("I love it. The weather here is great.")
    assert "name" not in stored("I'm fine. Traffic here is awful.")


@pytest.mark.parametrize(
    ("message", "skills"),
    [
        ("I mostly write Go at work.", ["Go"]),
        ("I write Kotlin and a bit of Rust.", ["Kotlin", "Rust"]),
        ("I use TypeScript every day.", ["TypeScript"]),
        ("I work in Python mostly.", ["Python"]),
    ],
)
def test_a_programming_language_one_works_in_is_a_skill(message: str, skills: list[str]) -> None:
    result = stored(message)
    assert folded(result.get("skills")) == folded(skills)
    assert "location" not in result


@pytest.mark.parametrize(
    "message",
    ["My team uses Go.", "I can go tomorrow.", "I use go-karts at the track.", "Do I use Python for this?"],
)
def test_no_programming_language_of_others_or_no_language(message: str) -> None:
    assert "skills" not in stored(message)


@pytest.mark.parametrize(
    ("message", "goal"),
    [
        ("I want to do a master's in marine biology.", "master's in marine biology"),
        ("I'd love to do a PhD some day.", "phd"),
        ("I'm hoping to get an MBA.", "get an mba"),
    ],
)
def test_a_degree_aimed_at_is_a_goal(message: str, goal: str) -> None:
    assert folded(stored(message).get("goals")) == [goal]


@pytest.mark.parametrize(
    "message", ["My brother wants to do a PhD.", "Do I need to do a master's first?", "If I did a PhD, would it pay?"]
)
def test_no_degree_goal_of_others_or_asked(message: str) -> None:
    assert "goals" not in stored(message)


def test_a_business_in_a_town_is_where_one_lives_unless_known() -> None:
    assert stored("I run a little bookshop in Hexham.").get("location") == "Hexham"
    assert "location" not in stored("I run a marathon in Berlin every year.")
    assert "location" not in stored("I own a bakery in town.")
    assert after("I run a little bookshop in Hexham.", {"location": "Newcastle"}).get("location") == "Newcastle"


def test_and_retired_is_the_speakers_role() -> None:
    assert stored("I'm 66 and recently retired.").get("role") == "retired"
    assert "role" not in stored("My wife is 66 and recently retired.")


# -- a line of work after "I'm in", a pastime told by its doer, and what is no place or no role -------


@pytest.mark.parametrize(
    ("message", "role"),
    [
        ("I'm in sales.", "sales"),
        ("I'm in finance, mostly fintech.", "finance"),
        ("I'm in real estate now", "real estate"),
    ],
)
def test_a_line_of_work_after_i_am_in_is_the_role(message: str, role: str) -> None:
    result = stored(message)
    assert result.get("role") == role
    assert "location" not in result


@pytest.mark.parametrize("message", ["I'm in my forties.", "I'm in my early 30s.", "I'm in it for the money."])
def test_no_place_from_an_age_or_a_pronoun(message: str) -> None:
    assert "location" not in stored(message)


def test_a_role_ends_at_a_comma() -> None:
    assert stored("I'm a data engineer, been at Zalando for three years.").get("role") == "data engineer"


@pytest.mark.parametrize(
    ("message", "interests"),
    [("I'm a runner.", ["running"]), ("I'm a keen hiker, mostly in the Pyrenees.", ["hiking"])],
)
def test_a_pastime_told_by_its_doer_is_an_interest(message: str, interests: list[str]) -> None:
    result = stored(message)
    assert folded(result.get("interests")) == folded(interests)
    assert "role" not in result


@pytest.mark.parametrize("message", ["I'm a Londoner.", "I'm an expat.", "My wife is a runner."])
def test_no_role_or_interest_from_where_one_is_from_or_someone_else(message: str) -> None:
    result = stored(message)
    assert "role" not in result
    assert "interests" not in result


def test_a_promotion_told_without_the_i_updates_the_role() -> None:
    assert after("got promoted to senior analyst today!!", {"role": "junior analyst"}) == {"role": "senior analyst"}
    assert after("My sister got promoted to manager.", {"role": "junior analyst"})["role"] == "junior analyst"


@pytest.mark.parametrize(
    "message", ["I changed my mind about jazz, it's great.", "I've completely changed my mind on jazz."]
)
def test_a_changed_mind_ends_the_old_opinion(message: str) -> None:
    assert after(message, {"dislikes": ["jazz", "opera"]}) == {"dislikes": ["opera"]}
    assert after(message, {"likes": ["jazz"]}) == {}


def test_a_changed_mind_about_something_else_or_someone_elses_changes_nothing() -> None:
    profile = {"dislikes": ["jazz"]}
    assert after("I changed my mind about the hotel.", profile) == profile
    assert after("My wife changed her mind about jazz.", profile)["dislikes"] == ["jazz"]


@pytest.mark.parametrize(
    "message",
    [
        "I was wrong about jazz.",
        "Honestly jazz is growing on me.",
        "I've become a fan of jazz.",
        "I've learned to appreciate jazz.",
    ],
)
def test_a_dislike_taken_back(message: str) -> None:
    assert "dislikes" not in after(message, {"dislikes": ["jazz"]})


@pytest.mark.parametrize(
    "message", ["My son has become a fan of jazz.", "I was wrong about the date.", "I learned to appreciate my mum."]
)
def test_no_dislike_taken_back_by_others_or_about_something_else(message: str) -> None:
    assert after(message, {"dislikes": ["jazz"]})["dislikes"] == ["jazz"]


@pytest.mark.parametrize(
    "message",
    [
        "Pizza isn't for me, it's for the kids.",
        "I want to get into the course details first.",
        "I'm in hospital.",
    ],
)
def test_no_dislike_goal_or_place_from_an_order_a_detail_or_a_ward(message: str) -> None:
    assert stored(message) == {}


def test_working_for_oneself_is_self_employed() -> None:
    assert stored("I work for myself these days.").get("role") == "self-employed"


def test_where_one_comes_from_after_ones_age() -> None:
    result = stored("hi im Kenji, 17, from Sendai")
    assert (result.get("name"), result.get("age"), result.get("location") or result.get("hometown")) == (
        "Kenji",
        17,
        "Sendai",
    )
    assert "location" not in stored("I'm Kenji, 17, from work.") and "hometown" not in stored(
        "I'm Kenji, 17, from work."
    )


@pytest.mark.parametrize(
    ("message", "role"),
    [
        ("Yo. Data analyst here, working at Monzo on fraud stuff.", "Data analyst"),
        ("Retired plumber here.", "Retired plumber"),
        ("hey, paramedic here!", "paramedic"),
    ],
)
def test_a_job_before_here_introduces_the_speaker(message: str, role: str) -> None:
    assert stored(message).get("role") == role


def test_what_one_works_on_is_no_part_of_the_employer() -> None:
    assert stored("Yo. Data analyst here, working at Monzo on fraud stuff.").get("employer") == "Monzo"


@pytest.mark.parametrize(
    "message",
    [
        "Click here.",
        "Long-time lurker here.",
        "Total beginner here!",
        "Same here.",
        "Everyone here is nice.",
        "Look here.",
    ],
)
def test_no_role_or_name_from_here_that_introduces_no_one(message: str) -> None:
    assert stored(message) == {}


def test_leaving_an_employer_told_without_the_i_ends_it() -> None:
    profile = {"role": "data analyst", "employer": "Monzo"}
    assert after("Left Monzo, I'm freelancing now.", profile).get("employer") is None
    assert after("Left the keys at home, I'm so tired.", profile)["employer"] == "Monzo"


# -- a free-from diet, a pet parent, a fan introduced by "here", "X is my life" --------------------


@pytest.mark.parametrize(
    ("message", "diet"), [("I'm gluten-free.", "gluten-free"), ("I'm dairy-free now", "dairy-free")]
)
def test_a_free_from_diet_is_a_diet_and_no_name(message: str, diet: str) -> None:
    result = stored(message)
    assert result.get("diet") == diet
    assert "name" not in result


def test_a_hyphenated_name_is_still_a_name() -> None:
    assert stored("I'm Anne-Marie.").get("name") == "Anne-Marie"
    assert "name" not in stored("I'm London-based.")


@pytest.mark.parametrize(("message", "pets"), [("I'm a cat mum.", ["cat"]), ("I'm a proud dog dad!", ["dog"])])
def test_a_pet_parent_has_that_pet_and_no_job(message: str, pets: list[str]) -> None:
    result = stored(message)
    assert result.get("pets") == pets
    assert "role" not in result


def test_a_plant_mum_has_no_pet_and_no_job() -> None:
    assert stored("I'm a plant mum.") == {}


@pytest.mark.parametrize(
    ("message", "likes"),
    [
        ("Huge Arsenal fan here.", ["Arsenal"]),
        ("Lifelong Tolkien nerd here!", ["Tolkien"]),
        ("Music is my life.", ["Music"]),
        ("Chess is my world", ["Chess"]),
    ],
)
def test_a_fan_introduced_by_here_or_a_taste_that_is_ones_life(message: str, likes: list[str]) -> None:
    assert stored(message).get("likes") == likes


@pytest.mark.parametrize("message", ["You are my world.", "My kids are my life.", "Work is my life."])
def test_no_taste_from_people_or_work_being_ones_life(message: str) -> None:
    assert "likes" not in stored(message)


@pytest.mark.parametrize(
    "message",
    ["I'd like to do a degree of customization here.", "I'm in sales calls all day.", "I'm in meetings all day."],
)
def test_no_goal_or_place_from_a_measure_or_a_busy_day(message: str) -> None:
    assert stored(message) == {}


# -- school exams and years, a post headed, a team led; cuts of a role and a teacher's subject --------


@pytest.mark.parametrize(
    ("message", "education"),
    [
        ("I'm currently doing my A-levels.", ["A-levels"]),
        ("I'm doing GCSEs this year.", ["GCSEs"]),
        ("I'm in year 12.", ["year 12"]),
    ],
)
def test_school_exams_or_a_school_year_are_education(message: str, education: list[str]) -> None:
    assert stored(message).get("education") == education


@pytest.mark.parametrize(
    "message", ["My son is in year 12.", "I'm in year 2 of my degree.", "Is she doing her A-levels?"]
)
def test_no_school_year_of_others_or_of_a_degree(message: str) -> None:
    assert "education" not in stored(message)


@pytest.mark.parametrize(
    ("message", "role"),
    [
        ("I'm head of marketing at a startup.", "head of marketing"),
        ("I lead the data team at a supermarket chain.", "data team lead"),
        ("I manage the night team.", "night team manager"),
        ("I teach yoga on the side.", "yoga teacher"),
    ],
)
def test_a_post_or_a_team_led_is_the_role(message: str, role: str) -> None:
    assert stored(message).get("role") == role


@pytest.mark.parametrize("message", ["I lead a busy life.", "I run a team.", "My boss leads the data team."])
def test_no_role_from_a_life_a_bare_team_or_someone_else(message: str) -> None:
    assert "role" not in stored(message)


def test_a_role_ends_before_where_one_lives() -> None:
    assert stored("I'm a Brit living in Spain.") == {"location": "Spain"}


# -- (found reading held-out set E at the end) an introduction without "I", "and work in", a home bought --


@pytest.mark.parametrize(
    ("message", "name"),
    [("Name's Ilse, should have said.", "Ilse"), ("Name's Bram.", "Bram"), ("ruth here btw", "Ruth")],
)
def test_an_introduction_without_i_is_the_name(message: str, name: str) -> None:
    assert stored(message).get("name") == name


def test_no_name_from_a_name_that_is_not_the_speakers() -> None:
    assert stored("The name is misleading.") == {}


def test_and_work_in_and_and_live_in_are_the_speakers() -> None:
    assert stored("I'm 31 and live in Ghent.") == {"age": 31, "location": "Ghent"}
    assert stored("I'm 26 and work in logistics for a shipping firm.").get("role") == "logistics"
    assert "location" not in stored("My brother is 30 and lives in Leeds.")


def test_a_home_bought_in_a_town_is_where_one_lives() -> None:
    assert stored("We bought a house in Bath last year.") == {"location": "Bath", "possessions": ["house"]}
    assert "location" not in stored("We bought a holiday home in Spain.")
