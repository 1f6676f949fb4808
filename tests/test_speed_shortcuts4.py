"""The fourth round of speed shortcuts gives exactly what the plain code gives: CaseBlind's split and
sub going on from the search that proved a match, the gates' events built without pydantic when its
validation would change nothing, a clause's candidate rows as bits of an int, the clause break behind
a look-ahead, the special openings of main_clause behind a first-letter test, a row's matches found
by search, and regexes tried only where their opening words stand (rows that re cannot scan fast,
the consent verbs). Each is checked against the slow, obvious reading on sentences of our own, with
cases where the shortcut must let the slow path run and cases where it skips it."""

from __future__ import annotations

import random
import re

import pytest

import domain
import guards
import prefilter
import quality
import rules_extractor as rx
from domain import FieldEvent
from tests.test_speed_shortcuts import PIECES, TEXTS_AND_OWN, _random_texts

OWN4 = [
    "Honestly I adore Rome, but my partner prefers Lisbon; we argue about it",
    "Quick one - can you check this? I do think it's fine",
    "i bake bread, and i sell it at the market, so my evenings are busy",
    "We moved to Cork, and my kids love the beach, plus i found a job there",
    "I hate cold tea , and I also hate warm milk",
    "Would you rate my essay? I do care about the grade",
    "tea: yes. coffee: no; juice - sometimes",
    "i like jam, like my gran did, and i love toast",
    "I Like Hiking And I Love Maps, But I Hate Rain",
    "because i can, i do",
    "my sister and i run a shop, and my brother helps on saturdays",
    "I work at Tesco and my mum works at Aldi and our dog Rex naps all day",
    "I work at Tesco, I work at Lidl, I work at a pub",
    "my job as a porter, my job at the docks and my internship at a bank",
    "Our twins and my son adore our granny; my wife and our daughter too",
    "My pug and my two cats, plus my husband Ed and my daughter Ivy",
    "call me Sam, or address me as Samuel",
    "when i grow up i want to fly planes",
    "Someday, I will sail around Ireland",
    "please remember that I am vegan",
    "Reply to me in Welsh",
    "Kindly call me Dr Bo",
    "",
]
TEXTS4 = [*OWN4, *(s.upper() for s in OWN4), *(s.lower() for s in OWN4), *TEXTS_AND_OWN]


# -- CaseBlind: split and sub go on from the search that found the first match ---------------------

SPLIT_SHAPES = [
    "Tea, Jam and Toast or Honey",
    "tea & jam",
    "TEA / JAM / TOAST",
    "Cats, Dogs, and Birds as well as Fish",
    "Just One Thing",
    "",
    ",",
    "a and b and c and d",
]


@pytest.mark.parametrize("text", [*SPLIT_SHAPES, *(s.swapcase() for s in SPLIT_SHAPES)])
def test_split_and_sub_after_the_first_match_are_the_regex_s_own(text: str) -> None:
    splitter = rx.v.SPLIT_ITEMS_CB
    assert splitter.split(text, prefilter.lowered(text)) == splitter.regex.split(text)
    cb = prefilter.CaseBlind(re.compile(r"\s*(?:and|or)\s+", re.I))
    assert cb.split(text, prefilter.lowered(text)) == cb.regex.split(text)
    assert cb.sub(text, prefilter.lowered(text), lambda group: "+") == cb.regex.sub("+", text)


def test_matches_after_the_first_are_finditer_s_and_an_empty_first_match_goes_to_the_regex() -> None:
    cb = prefilter.CaseBlind(re.compile(r"x*", re.I))  # its matches may be empty
    for text in ["aXb", "XXaX", "", "abc"]:
        low = text.lower()
        first = cb.twin.search(low) if cb.twin else None
        assert cb._twin_matches(low, first) is None  # an empty match: split and sub use the regex itself
        assert cb.split(text, low) == cb.regex.split(text)
    cb = prefilter.CaseBlind(re.compile(r"x+", re.I))
    for text in ["aXbxxcX", "XX", "abc", "xa"]:
        low = text.lower()
        first = cb.twin.search(low) if cb.twin else None
        if first is None:
            assert cb.split(text, low) == [text]  # no match: no second scan at all
            continue
        assert cb.twin is not None
        spans = [m.span() for m in cb._twin_matches(low, first) or []]
        assert spans == [m.span() for m in cb.twin.finditer(low)] == [m.span() for m in cb.regex.finditer(text)]


# -- events built without pydantic where its validation changes nothing -----------------------------


PLAIN_VALUES: list[object] = [["tea", "jam"], "Ana", 41, 2.5, True, None, [], ["a", 1, 1.5, False]]


@pytest.mark.parametrize("value", PLAIN_VALUES)
@pytest.mark.parametrize("event", ["ADD", "UPDATE", "REMOVE"])
def test_a_plain_event_is_the_one_pydantic_builds(value: object, event: str) -> None:
    assert domain._FAST  # the shortcut is in use
    ours = domain.validated_event("likes", value, event)
    theirs = FieldEvent(field="likes", value=value, event=event)  # type: ignore[arg-type]
    assert domain._alike(ours, theirs)
    if isinstance(value, list):
        assert ours.value is not value  # a new list, as pydantic makes


class Word(str):
    pass


@pytest.mark.parametrize(
    ("field", "value", "event"),
    [
        ("likes", ("tea", "jam"), "ADD"),  # a tuple: pydantic makes a list of it
        ("likes", ["tea"], "add"),  # pydantic's validator upper-cases the kind
        ("likes", ["tea"], " ADD "),
        ("likes", [Word("tea")], "ADD"),  # a str subclass
        (Word("likes"), "tea", "ADD"),
        ("likes", {"a": 1}, "ADD"),  # refused by pydantic: refused here too
        ("likes", ["tea"], "MERGE"),
    ],
)
def test_anything_else_goes_through_pydantic(field: str, value: object, event: str) -> None:
    try:
        theirs = FieldEvent(field=field, value=value, event=event)  # type: ignore[arg-type]
    except Exception as error:
        with pytest.raises(type(error)):
            domain.validated_event(field, value, event)
        return
    ours = domain.validated_event(field, value, event)
    assert domain._alike(ours, theirs)
    assert type(ours.value) is type(theirs.value)


@pytest.mark.parametrize("value", PLAIN_VALUES)
def test_with_value_is_model_copy(value: object) -> None:
    for base in (
        FieldEvent(field="pets", event="REMOVE"),  # "value" not set: the copy sets it
        FieldEvent(field="pets", value=["cat"], event="ADD"),
        FieldEvent.model_construct(field="pets", value="dog", event="UPDATE"),
    ):
        ours = domain.with_value(base, value)
        theirs = base.model_copy(update={"value": value})
        assert domain._alike(ours, theirs)
        assert ours.value is value  # model_copy does not copy the new value either


def test_with_value_of_a_subclass_or_an_extra_goes_through_model_copy() -> None:
    class Tagged(FieldEvent):
        pass

    tagged = Tagged(field="likes", value=["tea"], event="ADD")
    copied = domain.with_value(tagged, ["jam"])
    assert type(copied) is Tagged and copied.value == ["jam"]


def test_the_gates_keep_what_they_kept_before() -> None:
    message = "I love tea and jam, I am 41, please remember that I have asthma"
    events = [
        FieldEvent(field="likes", value=["tea", "jam"], event="ADD"),
        FieldEvent(field="age", value=41, event="ADD"),
        FieldEvent(field="health", value=["asthma"], event="ADD"),
        FieldEvent(field="Favorite Food", value="pizza", event="add"),  # type: ignore[arg-type]
        FieldEvent(field="role", event="REMOVE"),
    ]
    kept, reasons = guards.admit_events(events, message=message)
    assert [(e.field, e.value, e.event) for e in kept] == [
        ("likes", ["tea", "jam"], "ADD"),
        ("age", 41, "ADD"),
        ("health", ["asthma"], "ADD"),
        ("favorite_food", "pizza", "ADD"),
        ("role", None, "REMOVE"),
    ]
    assert reasons == []
    assert all(type(e) is FieldEvent and e.model_fields_set == {"field", "value", "event"} for e in kept)


# -- a clause's candidate rows as bits ---------------------------------------------------------------


def _candidates_slowly(words: set[str]) -> list[int]:
    chosen = set(rx.ALWAYS_RUN)
    for word in words & rx.TRIGGER_WORDS:
        chosen.update(rx.ROWS_BY_WORD[word])
    for anchor, rows in rx.ROWS_BY_ANCHOR:
        if words.isdisjoint(anchor):
            chosen -= rows
    return sorted(chosen)


def test_candidate_rows_are_the_set_reading() -> None:
    rnd = random.Random(4)
    vocabulary = sorted(rx.TRIGGER_WORDS | {"i", "my", "m", "am", "im", "the", "zebra"})
    word_sets = [rx.clause_words(piece.lower()) for piece in PIECES]
    word_sets += [set(rnd.sample(vocabulary, rnd.randint(0, 12))) for _ in range(3000)]
    word_sets += [set(), {"i"}, {"my", "sister"}, {"longer", "not", "i"}, set(vocabulary)]
    for words in word_sets:
        assert rx.candidate_rows(words) == _candidates_slowly(words), words


# -- the clause break behind its look-ahead -----------------------------------------------------------

BREAK_SHAPES = [
    "tea; jam",
    "tea:jam",
    "tea - jam",
    "tea-jam",
    "tea, but jam",
    "tea but jam",
    "tea butter",
    "ok can you help",
    "ok, can you help",
    "ok cannot you",
    "yes i do",
    "yes i do not",
    "yes i do too at all",
    "yes i dont",
    "tea, and i like it",
    "tea, so my cat",
    "tea, it's fine",
    "tea , because we can",
    "tea and i like it",
    "tea and my cat",
    "tea and me",
    "tea and im fine",
    "tea plus i swim",
    "tea and she swims",
    "tea so they left",
    "tea because he can",
    "tea, started at acme",
    "tea sandwich",
    "tea, salad",
    "a  ,  b",
    "a \t; b",
    "a\n, i do",
    "i do",
    " i do",
    ", i",
    "",
]


def test_the_look_ahead_finds_what_the_clause_break_finds() -> None:
    rnd = random.Random(5)
    words = ["i", "do", "you", "can", "and", "but", "so", "my", "it", "tea", ",", ";", "-", ":", "plus", "im"]
    spaces = [" ", "  ", "\t", " \n", ""]
    shaped = ["".join(rnd.choice(words) + rnd.choice(spaces) for _ in range(rnd.randint(1, 12))) for _ in range(3000)]
    texts = [*BREAK_SHAPES, *(s.upper() for s in BREAK_SHAPES), *shaped, *PIECES, *TEXTS4]
    for text in texts:
        for sample in (text, text.lower()):
            plain = [m.span() for m in rx.CLAUSE_BREAK.finditer(sample)]
            assert [m.span() for m in rx.CLAUSE_BREAK_SCAN.finditer(sample)] == plain, sample
        assert rx.CLAUSE_BREAK_CB.split(text, prefilter.lowered(text)) == rx.CLAUSE_BREAK.split(text), text


def test_the_look_ahead_skips_spaces_before_other_words_and_lets_breaks_through() -> None:
    ahead = re.compile(rx.CLAUSE_BREAK_AHEAD, re.I)
    assert ahead.match("tea sandwich", 3) is None  # a space before another word: the body is not tried
    assert ahead.match("tea, salad", 3)  # a comma: the body is tried (and finds no break)
    assert rx.CLAUSE_BREAK.search("tea, salad") is None
    for text, at in [("tea, and i", 3), ("ok can you", 2), ("yes i do", 3), ("a - b", 1), ("a and my", 1)]:
        assert ahead.match(text, at) and rx.CLAUSE_BREAK.match(text, at), text


# -- main_clause's special openings behind a first-letter test ---------------------------------------


def _first_letters(items: list[tuple[object, object]]) -> set[str]:
    """The characters a match can open with ("" when the items can take no text)."""
    if not items:
        return {""}
    op, av = items[0]
    rest = items[1:]
    if op is prefilter.sre.AT:
        return _first_letters(rest)
    if op is prefilter.sre.SUBPATTERN:
        inner = _first_letters(list(av[-1]))  # type: ignore[index]
    elif op is prefilter.sre.BRANCH:
        inner = set().union(*(_first_letters(list(alternative)) for alternative in av[1]))  # type: ignore[index]
    elif op is prefilter.sre.MAX_REPEAT:
        inner = _first_letters(list(av[2])) | ({""} if av[0] == 0 else set())  # type: ignore[index]
    else:
        assert op is prefilter.sre.LITERAL, op
        return {chr(av)}  # type: ignore[arg-type]
    return (inner - {""}) | (_first_letters(rest) if "" in inner else set())


def test_the_special_opening_letters_are_both_cases_of_what_the_five_open_with() -> None:
    opening = _first_letters(list(prefilter.sre_parse.parse(rx.SPECIAL_START.pattern, rx.SPECIAL_START.flags)))
    assert "" not in opening and all(c.isascii() and c.islower() for c in opening)
    assert sorted(rx.SPECIAL_START_LETTERS) == sorted(opening | {c.upper() for c in opening})
    assert not prefilter.may_open("I like tea", rx.SPECIAL_START_LETTERS)  # skipped: most clauses
    assert prefilter.may_open("When I grow up, I want to be a vet", rx.SPECIAL_START_LETTERS)  # tried


def test_main_clause_is_as_before_where_the_letter_test_skips_the_openings() -> None:
    def main_clause_slowly(piece: str, question: bool) -> tuple[str, bool] | None:
        original = rx.may_open
        rx.may_open = lambda text, letters: True
        try:
            return rx.main_clause(piece, question)
        finally:
            rx.may_open = original

    pieces = [*PIECES, *TEXTS4, "\u017fomeday i will sail", "ſome day I'll fly", "Once I'm done, I nap"]
    for piece in pieces:
        for question in (False, True):
            assert rx.main_clause(piece, question) == main_clause_slowly(piece, question), piece


# -- a row's matches found by search; regexes tried where their opening words stand --------------------


def test_every_row_takes_text() -> None:
    assert all(rx.ROW_MATCHES_TAKE_TEXT)
    for r, takes in zip(rx.ORDERED_ROWS, rx.ROW_MATCHES_TAKE_TEXT, strict=True):
        assert takes == (prefilter.pattern_width(r.regex)[0] > 0)
    assert prefilter.pattern_width(re.compile(r"a*")) == (0, prefilter.pattern_width(re.compile(r"a*"))[1])
    assert prefilter.pattern_width(re.compile(r"ab|c")) == (1, 2)


def _trace_slowly(text: str) -> list[tuple[str, object]]:
    """The extractor's events with every row read by finditer over the whole clause."""
    saved = rx.ROW_MATCHES_TAKE_TEXT, rx.ROW_OPENINGS
    rx.ROW_MATCHES_TAKE_TEXT = tuple(False for _ in saved[0])
    rx.ROW_OPENINGS = tuple(None for _ in saved[1])
    try:
        return [(name, event.model_dump()) for name, event in rx.RuleExtractor().trace(text)]
    finally:
        rx.ROW_MATCHES_TAKE_TEXT, rx.ROW_OPENINGS = saved


def test_the_rows_read_what_they_read_by_finditer() -> None:
    many = "i like tea, i like jam and i like toast; i love maps and i love rain and i love snow and i love hail"
    for text in [many, many.upper(), *TEXTS4]:
        fast = [(name, event.model_dump()) for name, event in rx.RuleExtractor().trace(text)]
        assert fast == _trace_slowly(text), text
    assert len(rx.RuleExtractor().trace(many)) >= 2


def test_openings_are_what_every_match_opens_with() -> None:
    assert prefilter.openings(re.compile(r"\bmy\s+\w+", re.I)) == ("my",)
    assert prefilter.openings(re.compile(r"(?<!x\s)(?:(?<!be\s)|(?=my))\b(?:my|our)\s", re.I)) == ("my", "our")
    assert prefilter.openings(re.compile(r"\b(?:going|go|gone)\s+to", re.I)) == ("go",)
    assert prefilter.openings(re.compile(r"(?:ab|cd)(?:ef|gh)x\w", re.I)) == ("abefx", "abghx", "cdefx", "cdghx")
    assert prefilter.openings(re.compile(r"(?:a|bc)\w", re.I)) is None  # "a" is shorter than 2
    assert prefilter.openings(re.compile(r"(?:a|bc)\w", re.I), shortest=1) == ("a", "bc")
    assert prefilter.openings(re.compile(r"\w+my", re.I)) is None
    assert prefilter.openings(re.compile(r"(?:my)?our", re.I)) is None  # "ourselves" and "myour": no one opening
    assert prefilter.openings(re.compile(r"My\s+name")) is None  # case-sensitive, upper case: not the lowered text's
    assert prefilter.openings(re.compile(r"(?i:my)\s")) is None  # a group with flags of its own
    assert prefilter.opening_starts("my dog, our cat, mymy", ("my", "our")) == [0, 8, 17, 19]
    assert rx.ROW_OPENINGS.count(None) < len(rx.ROW_OPENINGS)  # the shortcut is in use


def test_rows_tried_at_their_openings_find_the_scan_s_matches() -> None:
    rows = [(i, o) for i, o in enumerate(rx.ROW_OPENINGS) if o is not None]
    assert rows
    clauses = [*PIECES, *TEXTS4, *_random_texts("my our job work in at a  ", 400, 6)]
    for index, found in rows:
        r, twin = rx.ORDERED_ROWS[index], rx.ROW_TWINS[index]
        for clause in clauses:
            low = prefilter.lowered(clause)
            if low is None:
                continue
            pattern, read = (r.regex, clause) if twin is None else (twin, low)
            at = prefilter.opening_starts(low, found)
            plain = [(m.span(), m.groupdict()) for m in pattern.finditer(read)]
            tried = [(m.span(), m.groupdict()) for m in prefilter.matches_at(pattern, read, at)]
            assert tried == plain, (r.name, clause)


def _consented_slowly(message: str) -> list[str]:
    saved = guards.CONSENT_OPENINGS
    guards.CONSENT_OPENINGS = None
    try:
        return guards.consented_clauses(message)
    finally:
        guards.CONSENT_OPENINGS = saved


CONSENT_SHAPES = [
    "please remember that I'm allergic to nuts",
    "Note: my blood type is O. Also save this: I'm left-handed",
    "I have asthma, please remember that.",
    "don't forget I'm vegan, and do not forget my cat is called Pip",
    "do you remember when we met? I do.",
    "Can you store this for me - I take insulin",
    "I save every penny and I record songs",
    "add this to my profile: I speak Dutch",
    "do " * 80 + "remember that I'm a twin",  # more openings than MAX_STARTS: the scan itself
    "ÄDD THIS TO MY PROFILE: I SPEAK DUTCH",  # lower() keeps the length: the lowered scan
    "İ remember that I'm tall",  # lower() changes the length: the case-blind scan
]


@pytest.mark.parametrize("message", [*CONSENT_SHAPES, *(m.upper() for m in CONSENT_SHAPES), *TEXTS4])
def test_consent_read_at_the_verbs_openings_is_the_scan_s(message: str) -> None:
    assert guards.CONSENT_OPENINGS  # the shortcut is in use
    assert guards.consented_clauses(message) == _consented_slowly(message)


def test_consent_verbs_open_where_their_openings_stand() -> None:
    lowered = "so do not forget that i nap. take note: i snore"
    starts = prefilter.opening_starts(lowered, guards.CONSENT_OPENINGS or ())
    found = [m.span() for m in prefilter.matches_at(guards.CONSENT_VERB, lowered, starts)]
    assert found == [m.span() for m in guards.CONSENT_VERB.finditer(lowered)] and len(found) == 2
    assert prefilter.opening_starts("i like jam", guards.CONSENT_OPENINGS or ()) == []  # no verb: no try at all


# -- a message's words without the hyphen and apostrophe passes when it holds neither ----------------


def _words_slowly(text: str) -> list[str]:
    folded = text.casefold().replace("’", "'")
    return [w.strip("'’") for w in quality._TOKEN.findall(folded) if w.strip("'’")]


WORD_SHAPES = [
    "my gran lives in york and i visit her every sunday " * 4,  # long, no hyphen, no apostrophe: both skipped
    "my mother-in-law lives in york -- or so i hear - she's 90 " * 3,  # long, with both: both passes run
    "it's ‘quoted’ and 'single' and '' and ' " * 4,
    "a--b c---d -e f- -- - x-y-z " * 5,
    "short one",
    "short-ish 'one'",
    "Ünïcödé wörds — and dashes – here " * 5,
    "",
]


def test_words_are_the_slow_reading() -> None:
    texts = [*WORD_SHAPES, *(t.upper() for t in WORD_SHAPES), *TEXTS4, " ".join(TEXTS4)]
    texts += _random_texts("ab Z9_'%#/-.,!?\t\n()&*@:;\"’", 600, 8)
    texts += [t * 8 for t in _random_texts("abc -'", 200, 9)]
    for text in texts:
        assert quality._words(text) == _words_slowly(text), text


# -- a pronoun value is looked for only on the rows that read one ------------------------------------


def test_a_pronoun_still_points_back_on_a_taste_row_and_reads_as_is_elsewhere() -> None:
    def read(text: str) -> list[tuple[str, object]]:
        return [(e.field, e.value) for _, e in rx.RuleExtractor().trace(text)]

    assert read("Do you like jazz? I love it") == [("likes", ["jazz"])]  # the regex runs: "it" is jazz
    assert read("I love tea, I really enjoy it") == [("likes", ["tea"]), ("likes", ["tea"])]
    assert ("likes", ["it"]) not in read("I love tea, I really enjoy it")
    assert rx.PRONOUN_VALUE.match("this bakery") is None  # (a role row's value is never tested: no pronoun rule)
    for text in TEXTS4:
        assert all(value not in (["it"], ["them"]) for _, value in read(text)), text


# -- the merge of one message's events copies them without pydantic's generic copy -------------------


def test_copied_is_model_copy() -> None:
    for base in (
        FieldEvent(field="pets", event="REMOVE"),  # "value" not set: the copy leaves it unset
        FieldEvent(field="pets", value=["cat"], event="ADD"),
        FieldEvent.model_construct(field="age", value=7, event="UPDATE"),
        rx.new_event(field="likes", value=["tea"], event="ADD"),
    ):
        ours, theirs = domain.copied(base), base.model_copy()
        assert domain._alike(ours, theirs) and ours is not base
        assert ours.model_fields_set == base.model_fields_set
        assert ours.value is base.value  # a shallow copy, as model_copy's

    class Tagged(FieldEvent):
        pass

    assert type(domain.copied(Tagged(field="likes", value=["tea"], event="ADD"))) is Tagged  # through model_copy


def test_merging_a_message_s_events_leaves_the_extractor_s_events_alone() -> None:
    first = rx.new_event(field="likes", value=["tea"], event="ADD")
    second = rx.new_event(field="likes", value=["jam", "Tea"], event="ADD")
    merged = rx._merge_same_field([first, second])
    assert [(e.field, e.value, e.event) for e in merged] == [("likes", ["tea", "jam"], "ADD")]
    assert first.value == ["tea"]  # the copy grew, not the event it was copied from
