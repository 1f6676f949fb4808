"""The offline extractor, one table per concern. None of these sentences come from the eval set."""

from __future__ import annotations

from typing import Any

import pytest

from rules_extractor import RuleExtractor
from rules_values import gerund, split_items

EXTRACTOR = RuleExtractor()


def normal(text: object) -> str:
    return " ".join(str(text).casefold().split())


def extract(message: str, profile: dict[str, Any] | None = None) -> dict[str, tuple[str, Any]]:
    return {e.field: (e.event, e.value) for e in EXTRACTOR.extract_events(message, profile or {})}


def stored(message: str, profile: dict[str, Any] | None = None) -> dict[str, Any]:
    return {field: value for field, (event, value) in extract(message, profile).items() if event != "REMOVE"}


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # name
        ("My name is Priya.", {"name": "Priya"}),
        ("Hi! I'm Tomasz, nice to meet you.", {"name": "Tomasz"}),
        ("hey, i am kenji", {"name": "Kenji"}),
        ("Call me Mo.", {"name": "Mo"}),
        ("Sam here, quick one about my account", {"name": "Sam"}),
        # role and employer
        ("I'm a nurse.", {"role": "nurse"}),
        ("I work as a data analyst at Spotify.", {"role": "data analyst", "employer": "Spotify"}),
        ("My job is landscape architect.", {"role": "landscape architect"}),
        ("I work for the city council.", {"employer": "city council"}),
        ("I'm a backend developer at Stripe.", {"role": "backend developer", "employer": "Stripe"}),
        # location
        ("I live in Rotterdam.", {"location": "Rotterdam"}),
        ("I'm based in Nairobi these days.", {"location": "Nairobi"}),
        ("I'm from Porto originally", {"location": "Porto"}),
        # age
        ("I'm 29 years old.", {"age": 29}),
        ("I just turned 40!", {"age": 40}),
        # likes
        ("I love hiking and board games.", {"likes": ["hiking", "board games"]}),
        ("I'm a huge fan of jazz.", {"likes": ["jazz"]}),
        ("My favorite food is ramen.", {"likes": ["ramen"]}),
        ("I enjoy baking, gardening and chess.", {"likes": ["baking", "gardening", "chess"]}),
        ("I adore my cat ❤️", {"pets": ["cat"]}),
        # dislikes
        ("I hate cilantro.", {"dislikes": ["cilantro"]}),
        ("I can't stand loud music.", {"dislikes": ["loud music"]}),
        ("I don't like horror movies.", {"dislikes": ["horror movies"]}),
        ("I'm not a fan of winter.", {"dislikes": ["winter"]}),
        # skills
        ("I'm good at public speaking.", {"skills": ["public speaking"]}),
        ("I know Rust and Go.", {"skills": ["Rust", "Go"]}),
        ("I can play the cello.", {"skills": ["playing the cello"]}),
        ("I'm skilled in woodworking.", {"skills": ["woodworking"]}),
        # languages
        ("I speak Portuguese and a little Japanese.", {"languages": ["Portuguese", "Japanese"]}),
        ("My native language is Polish.", {"languages": ["Polish"]}),
        ("Please answer me in German from now on.", {"languages": ["German"]}),
        # goals
        ("My goal is to run a marathon.", {"goals": ["run a marathon"]}),
        ("I want to become a pilot.", {"goals": ["pilot"]}),
        ("I hope to learn Korean.", {"goals": ["learn Korean"]}),
        ("I dream of opening a bakery.", {"goals": ["opening a bakery"]}),
        # interests
        ("I'm interested in astronomy.", {"interests": ["astronomy"]}),
        ("I'm really into bouldering.", {"interests": ["bouldering"]}),
        ("My hobby is birdwatching.", {"interests": ["birdwatching"]}),
        ("In my free time I paint watercolors.", {"interests": ["painting watercolors"]}),
        # family, pets, education
        ("I have two daughters.", {"family": ["two daughters"]}),
        ("I'm married with a son.", {"family": ["married"]}),
        ("I have a golden retriever named Biscuit.", {"pets": ["golden retriever named Biscuit"]}),
        ("I studied marine biology.", {"education": ["marine biology"]}),
        ("I have a master's degree in economics.", {"education": ["master's degree in economics"]}),
    ],
)
def test_each_field(message: str, expected: dict[str, Any]) -> None:
    got = stored(message)
    for field, value in expected.items():
        assert field in got, (message, got)
        if isinstance(value, list):
            # Each expected item exactly (case and spacing aside): "engineer" is not "software engineer".
            for item in value:
                assert normal(item) in [normal(g) for g in got[field]], (message, got)
        else:
            assert str(value).lower() == str(got[field]).lower(), (message, got)


@pytest.mark.parametrize(
    "message",
    [
        # somebody else (a relative named is kept as family, nothing said of them: tests/test_rules_recall5.py)
        "My colleague Ana is a lawyer.",
        "He is a chef and he lives in Madrid.",
        "My friend speaks Italian.",
        # negation
        "I don't speak Russian.",
        "I'm not a lawyer.",
        "I don't live in Paris.",
        "I never learned to swim.",
        # questions
        "Do you like jazz?",
        "What did I tell you my name was?",
        "Can you remember where I live?",
        "Am I a good cook?",
        # tasks, code, links, pleasantries
        "I need help debugging this function.",
        "Write me a poem about the sea.",
        "Can you translate 'I love you' into French?",
        "```python\ndef add(a, b):\n    return a + b\n```",
        "https://example.com/my-profile",
        "Thanks, that's great!",
        "I want you to summarize this article for me.",
        # short-term states and plans
        "I'm exhausted this morning.",
        "Next week I'm going to a concert.",
        "I'm hungry.",
        "Tonight I want to watch a movie.",
        "I'm busy right now, talk later.",
        # hypotheticals and the past
        "If I were rich I would live in Monaco.",
        "I used to love skateboarding.",
    ],
)
def test_nothing_is_stored(message: str) -> None:
    assert stored(message) == {}, message


@pytest.mark.parametrize(
    ("message", "profile", "field", "event", "value"),
    [
        ("I moved to Lisbon.", {"location": "Berlin"}, "location", "UPDATE", "Lisbon"),
        ("Call me Jo from now on.", {"name": "Joanna"}, "name", "UPDATE", "Jo"),
        ("I'm now a data engineer.", {"role": "analyst"}, "role", "UPDATE", "data engineer"),
        ("I don't like tea anymore.", {"likes": ["tea"]}, "likes", "REMOVE", ["tea"]),
        ("I no longer use Java, drop it.", {"skills": ["Java"]}, "skills", "REMOVE", ["Java"]),
        ("I'm not into chess any more.", {"interests": ["chess"]}, "interests", "REMOVE", ["chess"]),
        ("I stopped liking coffee.", {"likes": ["coffee"]}, "likes", "REMOVE", ["coffee"]),
        ("Please forget my age.", {"age": 30}, "age", "REMOVE", None),
    ],
)
def test_changes(message: str, profile: dict[str, Any], field: str, event: str, value: Any) -> None:
    assert extract(message, profile)[field] == (event, value)


def test_a_like_that_ended_in_dislike_moves_over() -> None:
    # "I don't like tea anymore" is a dislike now (as "I don't like tea" is); a taste that only
    # faded ("I don't love tea anymore", "not into tea lately") ends the like and adds nothing.
    assert extract("I don't like tea anymore.", {"likes": ["tea"]}) == {
        "likes": ("REMOVE", ["tea"]),
        "dislikes": ("ADD", ["tea"]),
    }
    assert "dislikes" not in extract("I don't love tea anymore.", {"likes": ["tea"]})


def test_origin_becomes_hometown_when_location_is_known() -> None:
    assert stored("I'm from Ohio.", {"location": "Denver"}) == {"hometown": "Ohio"}
    assert stored("I'm from Ohio.") == {"location": "Ohio", "hometown": "Ohio"}  # (kept after a move)


def test_values_come_out_clean() -> None:
    assert stored("I love Python and JavaScript because they are fun.") == {"likes": ["Python", "JavaScript"]}
    assert stored("I live in New York with my wife.")["location"] == "New York"
    assert stored("I'm a teacher at a primary school, and I love it.")["role"] == "teacher"


def test_several_facts_in_one_message() -> None:
    got = stored("Hi, I'm Lena. I'm a UX designer in Berlin and I love climbing and techno.")
    assert got["name"] == "Lena"
    assert got["role"] == "UX designer"
    assert {"climbing", "techno"} <= {v.lower() for v in got["likes"]}


def test_pronoun_points_back() -> None:
    assert stored("I love cooking, and I'm pretty good at it too.")["skills"] == ["cooking"]


def test_statement_inside_a_question_still_counts() -> None:
    assert stored("i'm dana, what's your name?") == {"name": "Dana"}


def test_split_items_and_gerund() -> None:
    assert split_items("tea, coffee and hot chocolate") == ["tea", "coffee", "hot chocolate"]
    assert split_items("running fast, traffic is no problem") == ["running fast"]
    assert [gerund(v) for v in ("swim", "bake", "read", "tie")] == ["swimming", "baking", "reading", "tying"]


# -- issue 9: change rules (ending and replacing words), with sentences of our own -------------


def events(message: str, profile: dict[str, Any] | None = None) -> list[tuple[str, str, Any]]:
    return [(e.field, e.event, e.value) for e in EXTRACTOR.extract_events(message, profile or {})]


@pytest.mark.parametrize(
    ("message", "profile", "expected"),
    [
        # an ending word ends the stored fact, matched loosely to the stored spelling
        ("I'm not in Porto anymore.", {"location": "Porto"}, [("location", "REMOVE", "Porto")]),
        ("I no longer live in Graz.", {"location": "Graz"}, [("location", "REMOVE", "Graz")]),
        ("I moved away from Leeds years ago.", {"location": "Leeds"}, [("location", "REMOVE", "Leeds")]),
        ("I'm no longer a paralegal.", {"role": "paralegal"}, [("role", "REMOVE", "paralegal")]),
        ("I used to be a florist.", {"role": "florist"}, [("role", "REMOVE", "florist")]),
        ("I used to work for a call centre.", {"employer": "call centre"}, [("employer", "REMOVE", "call centre")]),
        ("I left my job at Ikea.", {"employer": "Ikea"}, [("employer", "REMOVE", "Ikea")]),
        ("I quit my job.", {"employer": "Ikea"}, [("employer", "REMOVE", None)]),
        ("I used to love salsa.", {"likes": ["salsa"]}, [("likes", "REMOVE", ["salsa"])]),
        # an ending that names something not stored removes nothing
        ("I'm no longer a paralegal.", {"role": "architect"}, []),
        ("I no longer live in Graz.", {}, []),
        # "forget that I like X" removes once and never adds it back
        ("Forget that I like karaoke.", {"likes": ["karaoke"]}, [("likes", "REMOVE", ["karaoke"])]),
        # a new polarity removes the old one
        (
            "Actually I don't like sushi.",
            {"likes": ["sushi"]},
            [("likes", "REMOVE", ["sushi"]), ("dislikes", "ADD", ["sushi"])],
        ),
        (
            "I hate jogging now.",
            {"interests": ["jogging"]},
            [("interests", "REMOVE", ["jogging"]), ("dislikes", "ADD", ["jogging"])],
        ),
        (
            "I love mushrooms these days.",
            {"dislikes": ["mushrooms"]},
            [("dislikes", "REMOVE", ["mushrooms"]), ("likes", "ADD", ["mushrooms"])],
        ),
        # replacing words
        ("Call me Nico from now on.", {"name": "Nicolas"}, [("name", "UPDATE", "Nico")]),
        ("You can call me Bo.", {"name": "Bonnie"}, [("name", "UPDATE", "Bo")]),
        (
            "I used to hate beets, but now I love them.",
            {"dislikes": ["beets"]},
            [("dislikes", "REMOVE", ["beets"]), ("likes", "ADD", ["beets"])],
        ),
        ("I switched careers and I'm now a midwife.", {"role": "accountant"}, [("role", "UPDATE", "midwife")]),
    ],
)
def test_change_rules(message: str, profile: dict[str, Any], expected: list[tuple[str, str, Any]]) -> None:
    assert events(message, profile) == expected


def test_quit_and_started_somewhere_else() -> None:
    got = events("Great news: I quit Oracle and started as a data scientist at Zalando.", {"employer": "Oracle"})
    assert got == [
        ("employer", "REMOVE", "Oracle"),
        ("role", "UPDATE", "data scientist"),
        ("employer", "UPDATE", "Zalando"),
    ]


def test_moved_so_not_there_anymore() -> None:
    got = events("We moved to Ghent in May, so I'm not in Antwerp anymore.", {"location": "Antwerp"})
    assert got == [("location", "REMOVE", "Antwerp"), ("location", "UPDATE", "Ghent")]


def test_we_moved_is_the_users_move() -> None:
    assert events("We moved to Aarhus.", {"location": "Oslo"}) == [("location", "UPDATE", "Aarhus")]


def test_removals_come_first() -> None:
    """The merge applies events in order: a removal of the old value never undoes the new one."""
    got = events("I don't live in Turin anymore, I live in Milan.", {"location": "Turin"})
    assert got == [("location", "REMOVE", "Turin"), ("location", "ADD", "Milan")]


# -- issue 9: precision at the source, one test per junk class --------------------------------


@pytest.mark.parametrize(
    ("message", "field"),
    [
        ("I'm 300% certain it will rain.", "age"),
        ("I'm 10 minutes away.", "age"),
        ("I'm focused and driven.", "name"),
        ("Say hi to Biscuit, our new kitten!", "name"),
        ("This is Mango.", "name"),
        ("I'm a softie for romantic comedies.", "role"),
        ("I'm all in for the hike.", "location"),
        ("I'm in for a treat.", "location"),
        ("I studied hard.", "education"),
        ("I can imagine retiring in the mountains.", "skills"),
        ("I can picture it already.", "skills"),
        ("Yeah, I'd love to.", "likes"),
        ("Have a lovely weekend!", "likes"),
        ("Enjoy your holiday!", "likes"),
        ("I work, cooking for the whole family.", "employer"),
        ("I love my brother.", "likes"),
        ("I like how they handle it and stuff.", "likes"),
        ("Do you like olives? I do not know yet.", "dislikes"),
        ("I adore my neighbours cat.", "pets"),
        ("I adore my neighbours cat.", "likes"),
        ("I love winter, reminds me of home.", "interests"),
        ("I'm about to start a job as a tutor.", "role"),
        ("I live in a van right outside Denver.", "location"),
        ("I have a farm dog named Rex.", "possessions"),
    ],
)
def test_junk_is_not_stored(message: str, field: str) -> None:
    assert field not in stored(message), (message, stored(message))


def test_a_role_carries_no_time_phrase() -> None:
    assert events("I lost my job as a bartender last month.", {"role": "bartender"}) == [
        ("role", "REMOVE", "bartender")
    ]
    assert stored("I'm a bartender since last year.") == {"role": "bartender"}


def test_a_sucker_for_is_a_like() -> None:
    assert stored("I'm a sucker for spy novels.") == {"likes": ["spy novels"]}


# -- issue 9: recall on natural chat, sentences of our own ------------------------------------


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("Dumplings are one of my favorites!", {"likes": ["Dumplings"]}),
        ("I like most films, but noir is my top pick.", {"likes": ["films", "noir"]}),
        ("As a lifelong Arsenal fan, I suffer every season.", {"likes": ["Arsenal"]}),
        ("I'm learning Korean.", {"goals": ["learn Korean"]}),
        ("I'm learning to play the banjo.", {"goals": ["learn to play the banjo"]}),
        ("As a physics student, I love puzzles.", {"education": ["physics student"], "likes": ["puzzles"]}),
        ("As a firefighter, I work nights.", {"role": "firefighter"}),
        ("I finally opened my own bakery!", {"possessions": ["bakery"]}),
        ("I drive an old Volvo.", {"possessions": ["old Volvo"]}),
        ("Rowing, chess and baking are things I enjoy.", {"likes": ["Rowing", "chess", "baking"]}),
        ("Hi! I'm Ana Lima.", {"name": "Ana Lima"}),
        ("I'm vegan.", {"diet": "vegan"}),
        ("I'm a vegetarian.", {"diet": "vegetarian"}),
        ("My wife is named Greta.", {"family": ["wife Greta"]}),
        ("My son, Theo, turns five soon.", {"family": ["son Theo"]}),
        ("I graduated from Yale with a degree in history.", {"education": ["degree in history from Yale"]}),
        ("I love my mom.", {"family": ["mom"]}),
        ("What's your favourite snack? Mine is popcorn.", {"likes": ["popcorn"]}),
        ("I teach primary school music.", {"role": "primary school music teacher"}),
        ("I've been volunteering at a hospice.", {"interests": ["volunteering at hospice"]}),
        ("Do you like curling? I do, mostly on weekends.", {"likes": ["curling"]}),
        ("do you like anchovies i do not", {"dislikes": ["anchovies"]}),
        ("Do you enjoy hiking? I love it!", {"likes": ["hiking"]}),
        ("I work at Marks and Spencer.", {"employer": "Marks and Spencer"}),
        ("I'm a painter and hope to exhibit soon.", {"role": "painter"}),
    ],
)
def test_natural_chat(message: str, expected: dict[str, Any]) -> None:
    assert stored(message) == expected


def test_facts_about_other_people_stay_out() -> None:
    assert stored("My husband is a vegan and drives a Tesla.") == {"family": ["husband"]}  # he is, not his diet or car
    assert stored("My daughter is learning French.") == {"family": ["daughter"]}  # not her aim
    assert "role" not in stored("As a nurse, my mother works nights.")


def test_the_word_pet_before_an_animal_is_not_the_animal() -> None:
    assert events("I have a pet hedgehog.") == [("pets", "ADD", ["hedgehog"])]
    assert events("My three pet ferrets sleep all day.") == [("pets", "ADD", ["three ferrets"])]


def test_ongoing_learning_survives_right_now_but_a_date_voids_it() -> None:
    assert events("I'm learning Swahili at the moment.") == [("goals", "ADD", ["learn Swahili"])]
    assert events("I'm training to become an electrician right now.") == [("goals", "ADD", ["electrician"])]
    assert events("I'm learning to ski tomorrow.") == []


def test_a_changed_taste_replaces_the_old_polarity() -> None:
    profile = {"dislikes": ["anchovies"]}
    assert events("I've slowly grown to love anchovies.", profile) == [
        ("dislikes", "REMOVE", ["anchovies"]),
        ("likes", "ADD", ["anchovies"]),
    ]
    assert events("Anchovies have grown on me.", profile) == [
        ("dislikes", "REMOVE", ["anchovies"]),
        ("likes", "ADD", ["Anchovies"]),
    ]
    assert events("I've warmed up to my neighbour.") == []


def test_a_marital_status_before_a_role_goes_to_family() -> None:
    assert events("I'm a divorced pharmacist from Leeds.") == [
        ("family", "ADD", ["divorced"]),
        ("role", "ADD", "pharmacist"),
        ("location", "ADD", "Leeds"),  # where one is from, and no other place is known
        ("hometown", "ADD", "Leeds"),
    ]


def test_can_barely_is_no_skill() -> None:
    assert events("I can barely touch my toes after the holidays.") == []
    assert events("Luckily I can still knit.") == [("skills", "ADD", ["knitting"])]
