"""Recall on natural chat (issue 9, item 3), and two precision fixes: a denied fact stores nothing.

Each construction is tested with sentences written for this file, and with near misses that
must store nothing: facts about someone else, questions, suppositions, one-off tasks and errands.
What is checked is what the profile would receive: the extractor's events after the gate
every event passes (guards.admit_events, with the value-quality check).
"""

from __future__ import annotations

import pytest

from tests.rules_helpers import EXTRACTOR, folded, stored

# -- precision: negation before the verb ------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "I am not 52 years old, whatever my nephew says.",
        "i'm not even 19 years old",
        "Honestly I'm not aged 70.",
        "No one ever calls me Fred.",
        "Nobody here calls me Bertie.",
        "No one at work calls me Jo anymore.",
    ],
)
def test_a_denied_age_or_name_stores_nothing(message: str) -> None:
    got = stored(message)
    assert "age" not in got and "name" not in got, got


@pytest.mark.parametrize(
    "message",
    [
        "I'm not working at Ikea.",
        "i'm not living in Bergen",
    ],
)
def test_a_denied_workplace_or_home_stores_nothing(message: str) -> None:
    got = stored(message)
    assert "employer" not in got and "location" not in got, got


@pytest.mark.parametrize(
    ("message", "field", "value"),
    [
        # the negation belongs to someone else's verb, or to a part before a comma
        ("I hope she does not mind that I'm 52 years old.", "age", "52"),
        ("Not gonna lie, I love sauerkraut.", "likes", ["sauerkraut"]),
        ("My cousins call me Fredo.", "name", "fredo"),
        ("It does not change my baking skills.", "skills", ["baking"]),
    ],
)
def test_a_negation_elsewhere_in_the_sentence_does_not_deny_the_fact(message: str, field: str, value: object) -> None:
    assert folded(stored(message).get(field)) == folded(value)


@pytest.mark.parametrize(
    "message",
    [
        "I can picture myself living in Kyoto.",
        "I'm thinking about working at a brewery.",
        "I'd consider living in Malmö.",
    ],
)
def test_a_supposed_home_or_workplace_stores_nothing(message: str) -> None:
    got = stored(message)
    assert "location" not in got and "employer" not in got, got


def test_nobody_is_not_a_name() -> None:
    assert "name" not in stored("Nobody here, just browsing.")


# -- recall: constructions of natural chat ---------------------------------------------


@pytest.mark.parametrize(
    ("message", "field", "value"),
    [
        # an infinitive carries on over "and": both are activities
        ("I love to sail and paint.", "likes", ["sailing", "painting"]),
        ("i like to bake and volunteer at the food bank", "likes", ["baking", "volunteering at the food bank"]),
        # object-fronted pastimes
        ("Birdwatching is my passion.", "interests", ["birdwatching"]),
        ("Crosswords and jigsaws are what I do for fun.", "interests", ["crosswords", "jigsaws"]),
        ("Baking bread is how I unwind.", "interests", ["baking bread"]),
        # favourites
        ("Figs are among my favourite fruits.", "likes", ["figs"]),
        ("My second favourite author is Le Guin.", "likes", ["le guin"]),
        # a habit told by how often
        ("I go to the cinema every week.", "interests", ["going to the cinema"]),
        ("I visit Crete at least twice a year.", "interests", ["visiting crete"]),
        ("I usually go climbing a few times a month.", "interests", ["climbing"]),
        ("Most evenings I'm usually knitting in front of the TV.", "interests", ["knitting"]),
        ("i'm always reading something on my kindle", "interests", ["reading something"]),
        ("Last year I took up fencing.", "interests", ["fencing"]),
        ("I've taken up the trombone.", "interests", ["trombone"]),
        ("I spend weekends restoring furniture.", "interests", ["restoring furniture"]),
        # learning
        ("I've been picking up some Catalan.", "goals", ["learn catalan"]),
        ("I'm slowly picking up the mandolin.", "goals", ["learn mandolin"]),
        ("I started learning Hungarian in March.", "goals", ["learn hungarian"]),
        ("I'm learning Dutch for my job.", "goals", ["learn dutch"]),
        ("I take pottery classes.", "goals", ["learn pottery"]),
        # fandom
        ("Being a Leeds supporter, I know heartbreak.", "likes", ["leeds"]),
        ("I'm a die-hard Packers supporter.", "likes", ["packers"]),
        # identity by apposition
        ("Being a midwife, I work odd hours.", "role", "midwife"),
        # family after "with"
        ("I'm married with three kids.", "family", ["married", "three kids"]),
        ("I'm a pharmacist with two daughters.", "family", ["two daughters"]),
        # where one grew up, after "and"
        ("I'm based in Leipzig and grew up in Dresden.", "hometown", "dresden"),
        # work, told with how or since when
        ("I work weekends as a lifeguard.", "role", "lifeguard"),
        ("i freelance as a copy editor", "role", "copy editor"),
        ("I work in publishing.", "role", "publishing"),
        ("i work in logistics at a port", "role", "logistics"),
        ("I've been a plumber for over twenty years.", "role", "plumber"),
        ("I've worked as a sommelier since 2016.", "role", "sommelier"),
        # degrees under way, and the year of a course
        ("I'm pursuing a PhD in marine biology.", "education", ["phd in marine biology"]),
        ("I just finished my bachelor's in history.", "education", ["bachelor's in history"]),
        ("I'm in my final year of medical school.", "education", ["medical school"]),
        # where one has lived till now
        ("I've lived in Aarhus for six years.", "location", "aarhus"),
        ("I have been living in Cusco all my life.", "location", "cusco"),
        # diet held for a while
        ("I've been pescatarian for ages.", "diet", "pescatarian"),
        # strong tastes
        ("I'm obsessed with Nordic noir.", "likes", ["nordic noir"]),
        ("I'm totally hooked on bouldering.", "likes", ["bouldering"]),
        ("My go-to snack is popcorn.", "likes", ["popcorn"]),
        ("I'm just listening to some Fela Kuti.", "likes", ["fela kuti"]),
        # pastimes told by the time they take
        ("I spend hours every week tinkering with old clocks.", "interests", ["tinkering with old clocks"]),
        ("I go for a long walk every evening.", "interests", ["walking"]),
        # tastes told as a kind of person, and family counts
        ("I'm a real tea snob.", "likes", ["tea"]),
        ("I'm a massive astronomy geek.", "likes", ["astronomy"]),
        ("I've three adult sons.", "family", ["three adult sons"]),
        ("I'm a granny to four.", "family", ["four grandchildren"]),
        # aspirations with "I'd love to"
        ("I'd love to live in the mountains someday.", "goals", ["live in the mountains"]),
        ("I'd like to become a midwife.", "goals", ["midwife"]),
        # lasting aims and projects
        ("I'm really trying to get fit this year.", "goals", ["get fit"]),
        ("I've decided to quit vaping.", "goals", ["quit vaping"]),
        ("I'm saving for a trip to Japan.", "goals", ["save for a trip to japan"]),
        ("I'm working on my first screenplay.", "interests", ["writing a screenplay"]),
        ("I was promoted to charge nurse.", "role", "charge nurse"),
        # the same constructions, stating lasting facts
        ("I love the mountains.", "likes", ["mountains"]),
        ("I like green tea better than coffee.", "likes", ["green tea"]),
        ("I know Rust quite well.", "skills", ["rust"]),
        ("I have a soft spot for cats, well all animals really.", "likes", ["cats", "all animals"]),
        ("I live in the Bay Area.", "location", "bay area"),
        ("Please call me Jean-Luc.", "name", "jean-luc"),
        ("I'm in Tbilisi.", "location", "tbilisi"),
        # pastimes kept up, and groups one belongs to
        ("I've been drawing comics since high school.", "interests", ["drawing comics"]),
        ("I've played the oboe for over ten years.", "interests", ["playing the oboe"]),
        ("I've done karate since 2011.", "interests", ["karate"]),
        ("I'm in a community choir.", "interests", ["community choir"]),
        ("I'm on the volleyball team at work.", "interests", ["volleyball team"]),
        ("I'm a busy mum of four.", "family", ["four kids"]),
        # "I've got" is "I have"
        ("I've got three rabbits.", "pets", ["three rabbits"]),
    ],
)
def test_natural_chat_is_read(message: str, field: str, value: object) -> None:
    assert folded(stored(message).get(field)) == folded(value), stored(message)


def test_a_new_employer_and_role_replace_the_old_ones() -> None:
    profile = {"employer": "Nokia", "role": "tester"}
    events = EXTRACTOR.extract_events("I left Nokia and joined Ericsson as a product owner.", profile)
    got = {(e.field, e.event): e.value for e in events}
    assert got[("employer", "REMOVE")] == "Nokia"
    assert got[("employer", "UPDATE")] == "Ericsson"
    assert got[("role", "UPDATE")] == "product owner"


def test_pets_after_family_are_kept() -> None:
    got = stored("I have two sons and a tortoise.")
    assert folded(got.get("family")) == ["two sons"]
    assert folded(got.get("pets")) == ["tortoise"]


def test_a_stay_at_home_parent_is_a_role() -> None:
    assert folded(stored("I'm a stay-at-home mum.").get("role")) == "stay-at-home mum"


# -- near misses: nothing (or nothing of that field) is stored ----------------------------


@pytest.mark.parametrize(
    ("message", "field"),
    [
        # errands, work and school are no pastimes
        ("I go to work every day.", "interests"),
        ("I go to the dentist twice a year.", "interests"),
        ("i go to school every morning", "interests"),
        ("I visit my grandparents every Sunday.", "interests"),
        ("i go to my friend's place every weekend", "interests"),
        # a passing state, not a pastime
        ("I'm always running late.", "interests"),
        ("I'm usually working on Saturdays.", "interests"),
        # someone else's
        ("My brother is married with three kids and grew up in Dresden.", "hometown"),
        ("My wife goes to the cinema every week.", "interests"),
        ("Pottery is her passion.", "interests"),
        ("That is my passion.", "interests"),
        # errands and one-offs
        ("I'm picking up my niece.", "goals"),
        ("I'm picking up groceries.", "goals"),
        ("I took up too much of your time.", "interests"),
        ("I took up the offer.", "interests"),
        ("I take evening classes.", "goals"),
        # a club is no employer without a role
        ("I just joined a gym.", "employer"),
        ("I joined the choir last year.", "employer"),
        # a place of work, a manner of work, or a past stay is no line of work or home
        ("I work in Leeds.", "role"),
        ("I work in shifts.", "role"),
        ("I've lived in Rome and Paris.", "location"),
        ("I've been a fool for years.", "role"),
        # a passing activity or someone else's
        ("I'm going for a run.", "interests"),
        ("My dad is listening to some Motown.", "likes"),
        ("I'm listening to you.", "likes"),
        ("I'm just listening to my favourite band.", "likes"),
        ("I'm obsessed with you.", "likes"),
        ("My sister's go-to snack is popcorn.", "likes"),
        ("I'm not obsessed with Nordic noir.", "likes"),
        # a degree word is no taste; a request is no goal
        ("I'm a total nerd.", "likes"),
        ("I'm such a geek.", "likes"),
        ("I'd like to open a savings account.", "goals"),
        ("I'd love to learn more about that.", "goals"),
        ("As a Spurs fan, I know pain.", "skills"),
        ("I'm into the idea.", "interests"),
        ("My favourite part was the twist at the end.", "likes"),
        ("I'm trying to fix my printer.", "goals"),
        ("I'm saving for a rainy day.", "goals"),
        ("I'm writing an email to the landlord.", "interests"),
        ("My husband got promoted to manager.", "role"),
        ("Do you think I should quit smoking?", "goals"),
        ("As a matter of fact, I do.", "role"),
        ("As a rule, I never eat after eight.", "role"),
        # a choice among what the chat showed, a passing stay, a dwelling, a time: no lasting fact
        ("I like the third draft better.", "likes"),
        ("I prefer the longer version.", "likes"),
        ("I love this one.", "likes"),
        ("I'm in Lyon for a wedding.", "location"),
        ("i'm in oslo this week", "location"),
        ("We moved to a bigger house.", "location"),
        ("I was born in 1987.", "location"),
        ("I was born in the 90s.", "hometown"),
        ("Call me old-fashioned, but I write letters.", "name"),
        ("I'm a terrible singer.", "role"),
        ("I have a cat-sitting job on Sunday.", "pets"),
        ("I've played it for years.", "interests"),
        ("I've played competitively since college.", "interests"),
        ("I'm in the team meeting.", "interests"),
        ("I'm on the team call right now.", "interests"),
        ("My son is on the hockey team.", "interests"),
        # questions and suppositions
        ("Do you go to the cinema every week?", "interests"),
        ("If I took up fencing, would you join?", "interests"),
        ("Should I start learning Hungarian?", "goals"),
        ("Write a poem about someone who goes to the opera every month.", "interests"),
    ],
)
def test_near_misses_store_nothing(message: str, field: str) -> None:
    assert field not in stored(message), stored(message)
