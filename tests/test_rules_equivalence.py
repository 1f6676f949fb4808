"""The fast rule engine (rules_extractor.py, prefilter.py) reads exactly what the slow, obvious
reading of the same table (tests/rules_reference.py) reads, on a corpus of sentences of ours:
many phrasings of every field, negatives, endings, questions, several clauses, odd spacing,
capitals and non-ASCII text (where the lower-case shortcuts must step aside)."""

from __future__ import annotations

import itertools
import random
import re
from collections.abc import Callable

import pytest

import guards
import prefilter
import quality
import rules_extractor as rx
import rules_values as v
import secrets_detect
from domain import FieldEvent
from rules_table import ROWS
from tests import rules_reference as ref
from tests.test_rules_table import EXAMPLES
from vocabulary import NOT_AGE_FOLLOWERS, NOT_AGE_LEADERS

EXTRACTOR = rx.RuleExtractor()

HANDWRITTEN = [
    # names, ages, places
    "Hi there, I'm Wilhelmina Prost and I teach geography.",
    "hey im tobias, nice to meet u",
    "My name's Rafa. I live in Valparaiso with my two cats.",
    "You can call me Dot, everyone does.",
    "Nobody calls me Theodora anymore.",
    "I am 44 and I work as a structural engineer at Arup.",
    "I'm 200% sure about that.",
    "I turned 30 last spring, so I'm 30 now.",
    "We moved to Ghent last year, so I'm not in Lyon anymore.",
    "I no longer live in Minsk.",
    "I grew up in Tromsø but I live in Bergen now.",
    "Originally I'm from Cebu; these days I'm based in Doha.",
    "I'm in Kraków for the week.",
    "I'm totally in for the picnic!",
    # work
    "Big news: I quit Heineken and started as a sommelier at Noma.",
    "I lost my job as a welder two weeks ago.",
    "I'm no longer a receptionist, I'm a paralegal now.",
    "I used to work at a shipyard in Gdansk.",
    "I'm about to get a job as a ranger.",
    "I work part-time at the public library and I volunteer at an animal shelter.",
    "I've been working as a carpenter for years.",
    "I'm the head chef at a small bistro.",
    "I'm a retired firefighter.",
    "I'm a sucker for old horror films.",
    "I'm a stay at home dad of three.",
    # losing a job: both endings read one clause ("from Y as X"); near misses
    "I was laid off from Vestas as a welder, and now I'm a driver.",
    "I lost my job as a tailor at Moss Bros last week.",
    "Aldi let me go in the spring.",
    "I got sacked.",
    "I almost got fired from Vestas.",
    "I was fired up about it.",
    # learning, and object-fronted tastes
    "These days I'm studying Estonian, and I've started taking oboe lessons.",
    "I'm studying for my history exam.",
    "I'm working for a charity now.",
    "I gave up on Estonian.",
    "Kites and yo-yos are what I do on weekends.",
    "Grime and drill are the kinds of music I love.",
    "Escape rooms are my thing.",
    "Those are the things I hate repeating.",
    "The things I love are kites and chess.",
    # likes and dislikes
    "I love kayaking, bouldering and sourdough baking.",
    "Kayaking, knitting and chess are things I enjoy.",
    "I don't like mushrooms anymore.",
    "Actually I don't like durian at all.",
    "I hate waiting in queues but I love trains.",
    "I used to hate broccoli, now I love it.",
    "I really really love jazz, but bebop is my top pick.",
    "Lasagne is one of my favourites!",
    "I'm not a fan of horror movies.",
    "I'm scared of heights.",
    "Yeah, I love to.",
    "Enjoy your weekend!",
    "I love my grandmother.",
    "I adore my ferret, he is called Biscuit.",
    "I find crosswords so relaxing.",
    "I find small talk incredibly tedious.",
    "Opera has really grown on me.",
    "I've come round to olives.",
    "Do you like cricket? I do not.",
    "do you like marmite? i do, especially on toast",
    "What's your favourite season? Mine is autumn.",
    "Any hobbies? Mine is birdwatching.",
    "What's your dream? Mine's to open a bakery.",
    # family, pets, possessions
    "My wife is named Ingrid and my son Oskar just started school.",
    "I have two brothers and a sister.",
    "My brother and I run a bike shop.",
    "My sister loves tennis.",
    "He is a pilot and she works at a bank.",
    "I've been happily married since 2009.",
    "I just got engaged!",
    "I have a tortoise named Shelly.",
    "I have a brother named Tom.",
    "Meet Rex, our new puppy!",
    "I drive an old Volvo estate.",
    "I finally opened my own bakery!",
    "My Mustang is in the garage again, I'm attached to it.",
    "I bought a cottage by the lake.",
    # skills, goals, education
    "I can speak Portuguese and a little Korean.",
    "I'm fluent in Finnish.",
    "I'm learning Japanese now.",
    "I'm learning to play the harp.",
    "I can imagine living by the sea.",
    "I can juggle and I know how to weld.",
    "I want to become a midwife someday.",
    "When I grow up I want to be an astronaut.",
    "I'm studying to be a vet.",
    "As a nursing student, I barely sleep.",
    "As a lifelong Arsenal fan I suffer every weekend.",
    "I graduated from Leiden with a degree in astronomy.",
    "I studied hard.",
    "I'm in the tenth grade.",
    "I dropped out of university.",
    "I'm vegetarian.",
    "As a vegan, I skip cheese.",
    # sensitive, forgetting, requests
    "Please remember that I'm diabetic.",
    "I have asthma.",
    "Forget that I like hiking.",
    "Please forget my age.",
    "Can you write me a poem about the sea?",
    "Please translate this into French: I love cheese.",
    "Help me plan a trip to Rome, I love museums.",
    "If I were rich I would buy a yacht.",
    "My boss said he likes golf.",
    "Write a haiku about autumn.",
    "Thanks, that helps a lot!",
    "What do you think about electric cars?",
    "Are you a robot?",
    # shapes
    "i like tea. i like coffee. i like cocoa.",
    "I like tea\nI love jam\n- I hate traffic\n",
    "I LOVE SKIING AND I LIVE IN OSLO",
    "i dont like pickles and i cant swim",
    "i m a nurse",
    "I've two daughters.",
    "Check https://example.org/i-love-spam — I love hiking though.",
    "```python\ndef f():\n    pass\n```\nI work at Siemens.",
    "I like tea; my husband likes coffee: he is from Porto.",
    "I like x\t\t\t and stuff",
    "Hello\nim\tAlice",
    "yeah… i love tea",
    "I ❤ salsa dancing",
    "pizza ❤",
    # non-ASCII: the lower-case shortcuts must step aside
    "I'm José and I live in São Paulo.",
    "I live in İzmir and I love çay.",
    "I love ſushi and I work at Kelvin Labs.",
    "I love the \u212aelvin scale.",
    "I ſpeak Danish.",
    "ı love tea and I am from Iceland.",
    "I’m from Zürich and I don’t like fondue anymore.",
    "We’re no longer in Malmö.",
    # a pastime told by doing it, the "I" left out; a name given in the next clause
    "Good, just baking rye bread. You?",
    "Just got back from sailing, my arms ache.",
    "My wife is out. Just finished painting the shed with her.",
    "Painting is relaxing, sketching too.",
    "Playing darts later?",
    "I have a tortoise. His name is Gus.",
    "I have a niece. Her name is Ada.",
    "My aunt has a pony. Her name is Dot.",
    "I'd rather be hiking, to be honest.",
    "Do you like figs? I love them they are so sweet.",
    "I'm looking for a job at Bosch as a tester.",
    "ive got a gecko and i ve been painting",
]

SUBJECTS = ["I", "i", "I really", "Honestly, I", "And I"]
VERBS_AND_OBJECTS = [
    "love hiking",
    "like pottery and chess",
    "enjoy reading thrillers",
    "hate loud music",
    "don't like olives",
    "don't eat meat anymore",
    "used to love skating",
    "work at Philips",
    "work as a nurse",
    "live in Porto",
    "moved to Quito",
    "speak Catalan",
    "play the violin",
    "have a dog named Pixel",
    "have three kids",
    "can knit",
    "want to become a pilot",
    "studied law",
    "am a teacher",
    "am 27",
    "am not in Madrid anymore",
    "no longer work at Shell",
]
TAILS = ["", " last week", " because it's fun", ", what about you?", " right now", " these days", "!"]


def corpus() -> list[str]:
    sentences = list(HANDWRITTEN) + list(EXAMPLES.values())
    for subject, phrase in itertools.product(SUBJECTS, VERBS_AND_OBJECTS):
        sentences.append(f"{subject} {phrase}.")
    for phrase, tail in itertools.product(VERBS_AND_OBJECTS, TAILS):
        sentences.append(f"I {phrase}{tail}")
    # several clauses and sentences in one message
    for first, second in zip(VERBS_AND_OBJECTS, reversed(VERBS_AND_OBJECTS), strict=True):
        sentences.append(f"I {first}, and my sister {second}. Also I {second}")
    return sentences


CORPUS = corpus()


def _read(trace: list[tuple[str, FieldEvent]]) -> list[tuple[str, dict[str, object]]]:
    return [(name, event.model_dump()) for name, event in trace]


def test_the_corpus_is_large_and_says_something() -> None:
    assert len(CORPUS) >= 200
    read = [ref.trace(sentence) for sentence in CORPUS]
    assert sum(1 for events in read if events) >= 150
    assert sum(1 for events in read if not events) >= 15  # negatives: requests, others' facts, questions
    # every row of the table fires somewhere in the corpus, ending rows included
    fired = {name for events in read for name, _ in events}
    assert {r.name for r in ROWS} <= fired


@pytest.mark.parametrize("sentence", CORPUS)
def test_the_fast_engine_reads_what_the_reference_reads(sentence: str) -> None:
    assert _read(EXTRACTOR.trace(sentence)) == _read(ref.trace(sentence))


def test_the_same_on_the_whole_corpus_as_one_message() -> None:
    message = " ".join(CORPUS)
    assert _read(EXTRACTOR.trace(message)) == _read(ref.trace(message))
    message = "\n".join(CORPUS)
    assert _read(EXTRACTOR.trace(message)) == _read(ref.trace(message))


# -- the shortcuts themselves ---------------------------------------------------------------

CASE_BLIND = {
    **{
        name: getattr(rx, name)
        for name in ("CLAUSE_BREAK", "QUESTION_BREAK", "CONTRACTION", "I_VE_HAVE", "REJECT_START", "REJECT_ANYWHERE")
    },
    **{name: getattr(v, name) for name in ("CLAUSE_VERB", "SUBJECT_VERB", "WH_ANYWHERE")},
    "REQUEST_FOR_ME": guards.REQUEST_FOR_ME,
    "SENSITIVE_ANY": guards.SENSITIVE_ANY,
}
TEXTS = [*CORPUS, *(s.upper() for s in CORPUS[:80]), *(s.title() for s in CORPUS[80:160])]


def test_the_needles_are_read_off_the_pattern() -> None:
    assert prefilter.needles(re.compile(r"\bi\s+(?:don't|do not)\s+like\b", re.I)) == ("do not", "don't")
    assert prefilter.needles(re.compile(r"\b(?:used to|as a kid)\b", re.I)) == ("as a kid", "used to")
    assert prefilter.needles(re.compile(r"\bi\s+\w+")) is None  # nothing longer than "i" is required
    assert prefilter.needles(re.compile(r"(?:x+|yes)?abc")) == ("abc",)  # an optional part requires nothing
    assert prefilter.needles(re.compile(r"(?:green|)tea")) == ("greentea", "tea")


@pytest.mark.parametrize("pattern", [r.regex for r in ROWS] + [rx.PAST, rx.REJECT_ANYWHERE, rx.CHANGE, rx.URL])
def test_a_prefilter_never_skips_a_match(pattern: re.Pattern[str]) -> None:
    filtered = prefilter.Prefiltered(pattern)
    for text in TEXTS:
        if pattern.search(text):
            assert filtered.may_match(prefilter.lowered(text)), (pattern.pattern[:60], text)


def test_lower_case_twins_find_the_same_matches() -> None:
    for name, pattern in CASE_BLIND.items():
        blind = prefilter.CaseBlind(pattern)
        assert blind.twin is not None, name
        for text in TEXTS:
            low = prefilter.lowered(text)
            assert blind.split(text, low) == pattern.split(text), (name, text)
            assert [m.span() for m in pattern.finditer(text)] == [
                m.span() for m in blind.twin.finditer(low or text.lower())
            ] or low is None
            match = blind.match(text, low)
            expected = pattern.match(text)
            assert (match and match.span()) == (expected and expected.span())


def test_no_twin_where_lower_casing_would_change_the_matches() -> None:
    assert prefilter.lower_twin(re.compile(r"[A-Z][a-z]+", re.I)) is None  # an upper-case range
    assert prefilter.lower_twin(re.compile(r"stra\u00dfe", re.I)) is None  # a non-ASCII literal
    assert prefilter.lower_twin(re.compile(r"(\w)\1", re.I)) is None  # a back-reference
    assert prefilter.lower_twin(re.compile(r"abc")) is None  # not case-blind: nothing to gain
    assert prefilter.lowered("I love the \u212aelvin scale") is None  # the Kelvin sign matches "k" case-blind


def test_special_category_words_are_found_sentence_by_sentence_as_in_one_scan() -> None:
    assert rx.HINTS_STAY_IN_SENTENCES
    texts = [
        *TEXTS,
        " ".join(CORPUS).lower(),
        "i go to church. my asthma!the church?diabetic\nmental health… vote for x, i voted for y",
        "churches, churchgoer.church…mental\nhealth. blood pressure!heart condition",
    ]
    for text in texts:
        low = text.lower()
        assert set(rx.sensitive_hints(low)) == {m.group(0) for m in rx.SENSITIVE_HINT.finditer(low)}, text


def _number_is_a_count_slowly(age: int, message: str) -> bool:
    """quality._number_is_a_count as first written: every spot read on the whole casefolded rest."""
    spots = list(re.finditer(rf"(?<![\w.]){age}(?![\d.,]\d)", message))
    if not spots:
        return False
    for spot in spots:
        before = message[: spot.start()].casefold().split()
        after_text = message[spot.end() :].casefold()
        glued = re.match(r"\s*(?:%|/|x\b|th\b|st\b|nd\b|rd\b|k\b)", after_text)
        after = re.findall(r"[\w%/#]+", after_text)[:2]
        counted = bool(glued) or bool(after and (after[0] in NOT_AGE_FOLLOWERS or after == ["out", "of"]))
        ranked = bool(before) and (before[-1].strip("#") in NOT_AGE_LEADERS or before[-1].endswith("#"))
        if not counted and not ranked:
            return False
    return True


def test_a_number_is_read_as_a_count_as_before() -> None:
    pieces = [
        "I'm",
        "I am",
        "25",
        "25%",
        "25/10",
        "out of",
        "#25",
        "top",
        "25th",
        "2.5",
        "25,5",
        "x25",
        "25x",
        "25k",
        "rated",
        "ſ",
        "Straße",
        "ΣΑΣ",
        "\t",
        "\n",
        "years old",
        ".25",
        "125",
        "1/25",
        "my kid is",
        "percent",
    ]
    generator = random.Random(7)
    for _ in range(3000):
        message = " ".join(generator.choice(pieces) for _ in range(generator.randint(1, 40)))
        for age in (25, 5, 2):
            assert quality._number_is_a_count(age, message) == _number_is_a_count_slowly(age, message), message


def test_what_a_match_may_hold() -> None:
    assert prefilter.never_matches(re.compile(r"\b(?:ab|cd\w*)\b"), ".!")
    assert not prefilter.never_matches(re.compile(r"a\s+b"), "\n")  # \s takes a new line
    assert not prefilter.never_matches(re.compile(r"a.b"), ".")
    assert not prefilter.never_matches(re.compile(r"a[^x]"), ".")
    assert not prefilter.never_matches(re.compile(r"^ab"), ".")  # "^" would match at every stretch
    assert not prefilter.never_matches(re.compile(r"(?<=x\.)ab"), ".")  # looks past the stretch


def test_a_leading_determiner_is_cut_like_the_substitution_did() -> None:
    for text in TEXTS:
        for start in range(0, len(text), 7):
            part = text[start:]
            match = v.DETERMINERS.match(part)
            assert (part[match.end() :] if match else part) == v.DETERMINERS.sub("", part)


def test_contractions_keep_their_capitals() -> None:
    assert rx.normalise_text("Don t worry, I m FINE and I DONT care") == "Don't worry, i'm FINE and I DON't care"
    assert rx.normalise_text("Don t worry, I m ſure") == ref.normalise_text("Don t worry, I m ſure")


def test_the_last_long_text_is_remembered_by_digest_only() -> None:
    card = "4111 1111 1111 1111"
    first = "My card is " + card + ". " + "I like tea. " * 60
    second = "Nothing here. " + "I like jam. " * 60
    assert len(first) >= secrets_detect.MEMO_MIN_CHARS and len(second) >= secrets_detect.MEMO_MIN_CHARS
    found = secrets_detect.find_secrets(first)
    assert [f.kind for f in found] == ["card_number"]
    assert secrets_detect._last_read is not None
    assert secrets_detect.find_secrets(first) == found  # the second read of the same text
    assert secrets_detect._last_read is None  # used up: a third read reads afresh
    assert secrets_detect.find_secrets(second) == []  # another text is read afresh
    assert secrets_detect.find_secrets(first) == found
    memo = secrets_detect._last_read
    assert memo is not None and card.encode() not in memo[0]
    assert all(isinstance(f, secrets_detect.Finding) for f in memo[1])


# -- shortcuts that skip a regex: each may only skip where the regex finds nothing ------------

TRICKY_ENDS = [
    "tea",
    "green tea,",
    "tea -",
    "tea –",
    "tea —\n",
    "tea\u00a0",  # a non-breaking space is \s too
    "Python well",
    "Python WELL",
    "French fluently\n",
    "French pretty well",
    "baths for",
    "things ABOUT",
    "stuff about\n",
    "a walk in the",
    "speaks it ſo well",
    "café with",
    "Kelvin \u212aelvin",
    "",
    " ",
]


def test_an_end_cut_is_skipped_only_where_it_would_cut_nothing() -> None:
    values = [*TRICKY_ENDS, *TEXTS, *(t[: len(t) // 2] for t in TEXTS)]
    for text in values:
        if not v._may_end_in_punctuation(text):
            assert v.TRAILING_PUNCTUATION.sub("", text) == text, text
        if not v._may_end_with(text, v.ADVERB_ENDINGS):
            assert v.TRAILING_ADVERB.sub("", text) == text, text
        if not v._may_end_with(text, v.PREPOSITION_ENDINGS):
            assert v.TRAILING_PREPOSITION.sub("", text) == text, text
    # and where it runs, it does cut
    assert v.clean_value("Python well") == "Python"
    assert v.clean_value("French FLUENTLY\n") == "French"
    assert v.clean_value("long baths for") == "long baths"
    assert v.clean_value("green tea -") == "green tea"


def test_a_trailing_clause_is_cut_as_by_the_full_scan() -> None:
    for text in [*TRICKY_ENDS, *TEXTS, "tea for 3 years", "tea for three years", "jazz, because why not"]:
        assert v.cut_trailing_clause(text) == ref.cut_trailing_clause(text), text


def test_case_blind_substitution_reads_the_groups_from_the_text() -> None:
    for name in ("CONTRACTION", "I_VE_HAVE"):
        pattern = getattr(rx, name)
        blind = prefilter.CaseBlind(pattern)
        groups = range(1, pattern.groups + 1)

        def shown(group: Callable[[int], str | None], groups: range = groups) -> str:
            return "<" + "|".join(group(i) or "-" for i in groups) + ">"

        for text in [*TEXTS, "Nothing To Change Here", "DONT stop", "I'VE TWO dogs", "ſure I m"]:
            expected = pattern.sub(lambda m: shown(m.group), text)
            assert blind.sub(text, prefilter.lowered(text), shown) == expected, (name, text)


def test_the_forget_hint_is_the_regex_yes_or_no() -> None:
    texts = [
        *TEXTS,
        "please forget my age",
        "FORGET IT",
        "I am forgetful",
        "undelete that",
        "a drop-off point",
        "my_drop folder",
        "dropbox and removers",
        "remove",
        "x remove\u00e9",  # not ASCII: the regex itself runs
        "drop.",
        "2drop",
        "",
        "drop" * 100,  # past the looks the str.find loop takes before one scan instead
        "drop" * 100 + " forget it",
        "Remove" * 60 + " DROP",
    ]
    for text in texts:
        assert rx._asks_to_forget(text, prefilter.lowered(text)) == bool(rx.FORGET_HINT.search(text)), text
