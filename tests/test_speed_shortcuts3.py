"""The third round of speed shortcuts gives exactly what the plain code gives: the special-category
needles found in one scan grouped by first letter, clean_value skipping a cut it was handed already
and lowering once for its ending tests, a message's words found by str.find in the joined words,
lower-case twins for row patterns holding a letter no ASCII one matches case-blind ("fiancé"), the
leading filler, the name after "I am" and the compound items read by twins. Each is checked against
the slow, obvious reading on sentences of our own and random texts shaped for it."""

from __future__ import annotations

import random
import re

import pytest

import prefilter
import quality
import rules_extractor as rx
import rules_values as v
from tests import rules_reference as ref
from tests.test_speed_shortcuts import PIECES, TEXTS_AND_OWN, _mentions_slowly, _random_texts

# -- the special-category needles in one scan ----------------------------------------------------

NEEDLES = rx.SENSITIVE_HINT_F.needles or ()

SENSITIVE_SHAPES = [
    "my gran was a devout catholic. i am agnostic!my brother is an atheist",
    "tories and a tory, disabilities and disabled, depression and depressed",
    "i take insulin\nfor my diabetes… my blood pressure is fine? yes",
    "the raids on the aids clinic. a gay bar, a gayety",
    "churchchurch. synagoguemosque!hivhiv",
    "voting for the labour party, i vote, political views",
    "chemotherapy after surgery; rehab then migraines",
    ".church",
    "church.",
    "",
]


def _needle_starts_slowly(text: str) -> list[int]:
    """Every place some needle starts at."""
    return [i for i in range(len(text)) if any(text.startswith(needle, i) for needle in NEEDLES)]


def test_the_needle_scan_matches_exactly_the_needles() -> None:
    scan = rx.SENSITIVE_NEEDLE_SCAN
    assert scan is not None and len(NEEDLES) > 40  # the shortcut is in use
    for needle in NEEDLES:
        assert scan.fullmatch(needle), needle
        assert scan.fullmatch(needle[:-1]) is None or needle[:-1] in NEEDLES, needle  # no shorter word matches
    texts = [
        *SENSITIVE_SHAPES,
        *(" ".join(NEEDLES[i::7]) for i in range(7)),
        *_random_texts("aeiouchrstdlgby .", 300, 5),
    ]
    for text in texts:
        # a match wherever a needle starts, and nowhere else: the regex's language is the needles
        assert [i for i in range(len(text)) if scan.match(text, i)] == _needle_starts_slowly(text), text


def test_the_scan_finds_the_stretches_every_needle_finds() -> None:
    texts = [*SENSITIVE_SHAPES, *(t.lower() for t in TEXTS_AND_OWN), " ".join(TEXTS_AND_OWN).lower()]
    texts += [
        f"{a}{sep}{b}" for a in ("church", "tory", "disabled") for b in ("tories", "vote", "x") for sep in ". \n…"
    ]
    holding = 0
    for text in texts:
        expected = ref.sensitive_stretches(text, NEEDLES)
        stretches = set()
        for match in rx.SENSITIVE_NEEDLE_SCAN.finditer(text):  # type: ignore[union-attr]
            at = match.start()
            start = max(text.rfind(end, 0, at) for end in rx.SENTENCE_ENDS) + 1
            ends = [found for end in rx.SENTENCE_ENDS if (found := text.find(end, at)) >= 0]
            stretches.add((start, min(ends, default=len(text))))
        assert stretches == expected, text
        assert set(rx.sensitive_hints(text)) == {m.group(0) for m in rx.SENSITIVE_HINT.finditer(text)}, text
        holding += bool(expected)
    assert holding > 20


def test_no_needle_scan_when_a_needle_holds_a_sentence_end() -> None:
    assert rx._needle_scan(("church", "mr. x")) is None
    assert rx._needle_scan(None) is None
    scan = rx._needle_scan(("ab", "abc", "b(c"))
    assert scan is not None and [m.group(0) for m in scan.finditer("xabcb(cab")] == ["ab", "b(c", "ab"]


# -- clean_value and split_items ------------------------------------------------------------------

VALUES = [
    "hiking in the alps because it clears my head",
    "the piano pretty well",
    "french fluently and some german",
    "a lot of cheese for",
    "my dog and my cat, who sleep all day",
    "tea\n\twell",
    "tea quite well\n",
    "crème brûlée and a café au lait",
    "fish and chips, rock and roll and black and white films",
    "swimming, it is fun",
    "it\tis",
    "they would",
    "he will\u00a0be",
    "tea it is",
    "pizza they are",
    "sushi we did",
    "jazz\u00a0you will love",
    "how to cook",
    "Skiing Very Well",
    "the US postal service",
    "“quoted stuff”",
    "*because* of the rain",
    "_so_ much fun",
    "it",
    "for 5 years",
    "running for 5 years now",
    "tennis, just bought a racket",
    "green, like a lime",
    "knitting and , and or",
    "f\u0130sh and chips and tea",  # "İ" lower-cases to two characters: the case-blind regex reads it
    "   ",
    "",
]


def _value_texts() -> list[str]:
    texts = [*VALUES, *(s.upper() for s in VALUES), *PIECES]
    texts += [" ".join(p[i:] for p in ("x ", "because ", "for ", "2 ", "years ")) for i in range(3)]
    rnd = random.Random(9)
    words = ["tea", "because", "for", "3", "years", "well", "to", "and", ",", "the", "so", "é", "Well", "\n", '"']
    texts += [" ".join(rnd.choice(words) for _ in range(rnd.randint(1, 8))) for _ in range(1500)]
    return texts


VALUE_TEXTS = _value_texts()


def test_cut_trailing_clause_leaves_its_own_answer_as_it_is() -> None:
    cut_somewhere = 0
    for text in VALUE_TEXTS:
        once = v.cut_trailing_clause(text)
        assert once == ref.cut_trailing_clause(text), text
        assert v.cut_trailing_clause(once) == once, text  # what clean_value's `cut` relies on
        cut_somewhere += once != text
    assert cut_somewhere > 100


def test_clean_value_is_the_plain_reading_with_or_without_the_cut_it_was_handed() -> None:
    kept = 0
    for text in VALUE_TEXTS:
        for words in (2, 4, 6):
            expected = ref.clean_value(text, max_words=words)
            assert v.clean_value(text, max_words=words) == expected, text
            handed = v.cut_trailing_clause(text.strip())
            assert v.clean_value(text, max_words=words, cut=handed) == expected, text
            kept += expected is not None
    assert kept > 300


def test_split_items_is_the_plain_reading() -> None:
    split = 0
    for text in VALUE_TEXTS:
        for words in (3, 5, 8):
            items = v.split_items(text, max_words=words)
            assert items == ref.split_items(text, max_words=words), text
            split += len(items) > 1
    assert split > 50
    assert v.split_items("fish and chips and mac and cheese") == ["fish and chips", "mac and cheese"]
    assert v.split_items("Fish And Chips, Crème Brûlée") == ["Fish And Chips", "Crème Brûlée"]


# -- a message's words found in the joined words ---------------------------------------------------


def test_the_places_of_a_word_are_the_loop_s() -> None:
    rnd = random.Random(12)
    vocabulary = ["a", "ab", "b", "a b", "", "you", "your", "-", "you're"]
    for _ in range(400):
        said = quality.MessageWords(rnd.choice(vocabulary) for _ in range(rnd.randint(0, 30)))
        for _ in range(quality.SCANS_BEFORE_INDEX + 6):  # the first ones are scans, the later use the join
            word = rnd.choice(vocabulary)
            assert said.starts(word) == _mentions_slowly(tuple(said), (word,)), (said, word)
    said = quality._message_words("You, you and YOUR friend; you! your you")
    assert [said.starts("you") for _ in range(5)] == [[0, 1, 5, 7]] * 5
    assert said._joined == " you you and your friend you your you "


# -- twins for patterns holding a letter no ASCII one matches --------------------------------------


def test_a_foreign_letter_is_one_no_ascii_letter_matches_case_blind() -> None:
    for char in "éÉ…ñßœ":
        assert prefilter._foreign_or_lower(ord(char)), char
    for char in "\u212a\u017f\u0131\u0130A":  # the Kelvin sign is "k", long s is "s", dotless i is "I"
        assert not prefilter._foreign_or_lower(ord(char)), char
    assert prefilter.lower_twin(re.compile("caf\u00e9", re.I)) is None  # the default is unchanged
    assert prefilter.lower_twin(re.compile("caf\u00e9", re.I), foreign=True) is not None
    assert prefilter.lower_twin(re.compile("\u212aelvin", re.I), foreign=True) is None


def test_foreign_twins_find_what_the_case_blind_patterns_find_on_ascii_text() -> None:
    patterns = [r.regex for r in rx.ORDERED_ROWS] + [v.LEADING_FILLER, re.compile(r"\bfianc[ée]e?\b|[^é]x", re.I)]
    texts = [*PIECES, "my fiance and my FIANCEE", "my fiancé", "ax bx éx", "Yeah, well… I do"]
    gained = 0
    for pattern in patterns:
        twin = prefilter.lower_twin(pattern, foreign=True)
        if twin is None:
            continue
        gained += prefilter.lower_twin(pattern) is None
        for text in texts:
            low = prefilter.lowered(text)
            if low is None:
                continue
            ours = [(m.span(), m.groupdict()) for m in twin.finditer(low)]
            theirs = [
                (m.span(), {k: x and x.lower() for k, x in m.groupdict().items()}) for m in pattern.finditer(text)
            ]
            assert ours == theirs, (pattern.pattern[:60], text)
    assert gained >= 10  # the rows that hold "fiancé" and the filler


FILLED = [
    "yeah, well… i love tea",
    "Yeah well I love tea",
    "oh okay, i work at a bank",
    "sure! i'm a nurse",
    "well i never",
    "yes no more tea",
    "lol i see, i live in leeds",
    "Ok… I cook",
    "oké, i cook",
    "yeah, i love tea  ",
    "\u0130 see, i like tea",  # "İ" is "i" case-blind, but lower-cases to two characters
    "ok \t",
    "",
]


@pytest.mark.parametrize("piece", [*FILLED, *(p.upper() for p in FILLED), *PIECES[:400]])
def test_the_filler_is_cut_as_the_case_blind_sub_cuts_it(piece: str) -> None:
    assert rx._without_filler(piece, piece.lower()) == v.LEADING_FILLER.sub("", piece)


def test_the_name_after_i_am_is_found_with_or_without_the_twin() -> None:
    clauses = ["i'm Sam", "I am Noor and i'm tired", "im Bo, i m Al", "I'M ZED", "i am just Kai", "i'm café"]
    found = 0
    for clause in [*clauses, *PIECES]:
        plain = rx.RuleExtractor._name_from_i_am(clause, set(), [])
        fast = rx.RuleExtractor._name_from_i_am(clause, set(), [], prefilter.lowered(clause))
        assert [(n, e.field, e.value) for n, e in fast] == [(n, e.field, e.value) for n, e in plain], clause
        found += bool(plain)
        claimed = {m.start() for m in rx.I_AM_AT.finditer(clause)}
        assert rx.RuleExtractor._name_from_i_am(clause, claimed, [], prefilter.lowered(clause)) == []
    assert found > 5


# -- main_clause lowers again only after a change ---------------------------------------------------

TAILS = [
    "i love tea when i used to live in rome",
    "I Love Tea When I Used To Live In Rome",
    "love cycling if you come along",
    "i run while my dad used to walk",
    "i bake bread unless you want cake",
    "i am a cook whenever it is busy back then",
    "love jazz",
    "i like jazz, as a kid i sang",
    "café owner when i was young",
]


@pytest.mark.parametrize("question", [False, True])
def test_the_main_clause_is_the_plain_reading(question: bool) -> None:
    past = 0
    for piece in [*TAILS, *(t.upper() for t in TAILS), *PIECES[:600]]:
        ours = rx.main_clause(piece, question)
        assert ours == ref.main_clause(piece, question), piece
        past += bool(ours and ours[1])
    assert past > 0
    assert rx.main_clause("i love tea when i used to live in rome", question) == ("i love tea", False)


# -- a case-blind pattern tried only when the text opens with a letter its words open with -----------


def _first_letters(items: list[tuple[object, object]]) -> set[str]:
    """The characters a match's first character can be, read from the parsed pattern (case as written)."""
    op, av = items[0]
    if op is prefilter.sre.AT:  # ^: what follows opens the match
        return _first_letters(items[1:])
    if op is prefilter.sre.ASSERT:  # a look-ahead at the start: what it reads opens the match
        return _first_letters(list(av[1]))  # type: ignore[index]
    if op is prefilter.sre.SUBPATTERN:
        return _first_letters(list(av[-1]))  # type: ignore[index]
    if op is prefilter.sre.MAX_REPEAT:
        assert av[0] >= 1  # type: ignore[index]
        return _first_letters(list(av[2]))  # type: ignore[index]
    if op is prefilter.sre.BRANCH:
        return set().union(*(_first_letters(list(alternative)) for alternative in av[1]))  # type: ignore[index]
    assert op is prefilter.sre.LITERAL, op
    return {chr(av)}  # type: ignore[arg-type]


OPENERS = [
    (rx.I_SUBJECT, rx.I_SUBJECT_LETTERS),
    (rx.CONCESSIVE_START, rx.CONCESSIVE_LETTERS),
    (rx.ELIDED_I, rx.ELIDED_I_LETTERS),
    (v.DETERMINERS, v.DETERMINER_LETTERS),
    (v.WH_START, v.WH_LETTERS),
    (v.SHOWN_IN_CHAT, v.SHOWN_LETTERS),
]


@pytest.mark.parametrize(("pattern", "letters"), OPENERS)
def test_the_opening_letters_are_both_cases_of_what_the_words_open_with(pattern: re.Pattern[str], letters: str) -> None:
    opening = _first_letters(list(prefilter.sre_parse.parse(pattern.pattern, pattern.flags)))
    assert all(c.isascii() and c.islower() for c in opening)
    assert sorted(letters) == sorted(opening | {c.upper() for c in opening})


@pytest.mark.parametrize(("pattern", "letters"), OPENERS)
def test_a_text_opening_with_another_ascii_character_never_matches(pattern: re.Pattern[str], letters: str) -> None:
    words = ["even though i", "as i", "because my", "love tea", "am happy", "i'm", "i", "a lot of", "the", "very"]
    words += ["we moved", "what", "how", "the first one", "your draft"]
    tails = [*words, *(w.upper() for w in words), *(w[1:] for w in words)]
    matched = 0
    for first in map(chr, range(128)):
        for tail in tails:
            text = first + tail
            if pattern.match(text):
                assert prefilter.may_open(text, letters), text
                matched += 1
            elif not prefilter.may_open(text, letters):
                assert pattern.search(text) is None, text  # (^: no match further on either)
    for text in ["\u017fince i moved", "\u0130'm here", "", *PIECES]:
        assert prefilter.may_open(text, letters) or pattern.match(text) is None, text
    assert matched > 0


def test_a_clause_is_split_as_before_where_the_shortcuts_skip_a_regex() -> None:
    texts = ["Since I moved, I garden", "\u017fince i moved, i garden", "i cook and love jazz", "I'm Bo, 16, a cook"]
    for text in [*texts, *TEXTS_AND_OWN]:
        normal = rx.normalise_text(text)
        assert rx.clause_pieces(normal) == ref.clause_pieces(normal), text


def test_a_clause_the_name_pattern_matches_holds_name_or_here() -> None:
    clauses = ["Name's Geoff", "name is Jo", "jonah here btw", "Big Arsenal fan here!", "NAME IS BO", "there here"]
    matched = 0
    for clause in [*clauses, *PIECES, *(p.upper() for p in PIECES)]:
        lead = rx._without_filler(clause, clause.lower())
        if rx.NAME_IS.match(lead):
            assert not rx.clause_words(clause.lower(), sensitive=()).isdisjoint(rx.NAME_IS_WORDS), clause
            matched += 1
    assert matched >= 5
