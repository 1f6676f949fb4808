"""The speed shortcuts of the extraction pipeline give exactly what the plain code gives:
needle sets that skip a regex (short needles, character sets, look-arounds, the fallback sets
of the rows), twins that open with a literal, the one-search tests (Prefiltered.found, the
special-category test of all an event's items), and the tokenisers without a regex. Each is
checked against the slow, obvious reading on the corpus of test_rules_equivalence and
sentences of our own with the shapes the shortcuts care about."""

from __future__ import annotations

import random
import re

import pytest

import domain
import guards
import prefilter
import quality
import rules_extractor as rx
import secrets_detect
from domain import FieldEvent
from rules_table import ROWS
from tests.test_rules_equivalence import CORPUS, TEXTS

OWN = [
    "i grew up in perth; these days i rent a flat in leeds",
    "my cousin - the loud one - plays bass; i play drums",
    "if it rains i stay in, when it's sunny i cycle to work",
    "unless the shop is open i bake my own bread",
    "i walk to work if it is dry and i drive when it snows",
    "I'd love to be a pilot someday, but I'm a baker now",
    "i want to become a nurse and i hope to travel",
    "i'm hoping to study law: my dad is a judge",
    "what's your favourite band? mine is blur. any pets? i have a cat",
    "I Cook And Love Jazz, i garden and hate slugs",
    "so i do, i do not, i do too",
    "would you like tea? i do",
    "tea, coffee & cake are things i enjoy",
    "Skiing is something I'm good at, cooking isn't",
    "i've got two dogs and a hamster; i've been vegan since may",
    "I  ve   three kids",
    "my well-known hard--working mother-in-law lives in rome -- or so i hear",
    "‘I’m a welder’ - that's what I said",
    "I LIVE IN OSLO AND I WORK AT A BAKERY",
    "I Live In Oslo And I Work At A Bakery; I Love Jazz",
    "i live in kraków and i love pierogi",
    "I work at a café, I love crème brûlée",
    "i\tlove\ttabs\tand i like   spaces",
    "whenever i can i swim, while my wife runs",
    "since i moved, i've taken up pottery",
    "plus i speak french",
    "i'm a nurse (night shifts) and a mum of 2",
    "",
]
TEXTS_AND_OWN = [*TEXTS, *OWN, *(s.upper() for s in OWN), *(s.title() for s in OWN)]


def _pieces(texts: list[str]) -> list[str]:
    """Every text and every clause piece the engine cuts from it (what the row regexes read)."""
    found = list(texts)
    for text in texts:
        found += [piece for piece, _ in rx.clause_pieces(rx.normalise_text(text))]
    return found


PIECES = _pieces(TEXTS_AND_OWN)


# -- needle sets ------------------------------------------------------------------------------


def test_needles_now_see_character_sets_and_look_aheads() -> None:
    assert prefilter.needles(re.compile(r"one[- ]time\s+code", re.I)) == ("one time", "one-time")
    assert prefilter.needles(re.compile(r"x[;:]", re.I), shortest=1) == ("x:", "x;")
    assert prefilter.needles(re.compile(r"\s+(?=(?:would|could)\s+you\b)"), shortest=1) == ("could", "would")
    assert prefilter.needles(re.compile(r"[a-z]+x"), shortest=1) == ("x",)  # a range is no literal
    assert prefilter.needles(re.compile(r"[^;]x"), shortest=1) == ("x",)  # nor a negated set
    assert prefilter.needles(re.compile(r"(?!never)\w+")) is None  # a negative look-ahead requires nothing
    assert prefilter.needles(re.compile(r"(?<=tea )\w+")) == ("tea ",)  # a look-behind's text is in the text


def test_every_needle_set_of_a_pattern_is_required() -> None:
    patterns = [r.regex for r in ROWS] + [rx.CLAUSE_BREAK, rx.SUBORDINATE_TAIL, rx.PAST, rx.CHANGE, rx.QUESTION_BREAK]
    checked = 0
    for pattern in patterns:
        sets = prefilter.needle_sets(pattern, shortest=1)
        for text in PIECES:
            low = prefilter.lowered(text)
            if low is None or not pattern.search(text):
                continue
            for needles in sets:
                checked += 1
                assert any(n in low for n in needles), (pattern.pattern[:60], needles, text)
    assert checked > 1000


@pytest.mark.parametrize("index", range(len(rx.ORDERED_ROWS)))
def test_the_engine_row_needles_never_skip_a_match(index: int) -> None:
    """ROW_NEEDLES, fallback sets and all, as _read_clause tests them."""
    row, needles = rx.ORDERED_ROWS[index], rx.ROW_NEEDLES[index]
    if needles is None:
        return
    for text in PIECES:
        low = prefilter.lowered(text)
        if low is not None and row.regex.search(text):
            assert any(n in low for n in needles), (row.name, needles, text)


def test_the_fallback_needles_are_short_sets_the_trigger_words_do_not_imply() -> None:
    assert rx.ROW_NEEDLES[[r.name for r in rx.ORDERED_ROWS].index("goals_want_to_be")] == ("be",)
    for needles in rx.ROW_NEEDLES:
        assert needles is None or min(map(len, needles)) >= 2


@pytest.mark.parametrize("name", ["CLAUSE_BREAK", "SUBORDINATE_TAIL"])
def test_the_clause_filters_never_skip_a_match(name: str) -> None:
    pattern: re.Pattern[str] = getattr(rx, name)
    filtered: prefilter.Prefiltered = getattr(rx, f"{name}_F")
    assert filtered.needles is not None
    skipped = 0
    for text in PIECES:
        low = prefilter.lowered(text)
        if not filtered.may_match(low):
            skipped += 1
            assert pattern.search(text) is None, (name, text)
    assert skipped > 50  # the filter does skip


def test_found_is_the_regex_yes_or_no() -> None:
    patterns = [rx.REJECT_ANYWHERE, rx.PAST, rx.ADDRESSES_YOU, rx.NEAR_FUTURE, rx.DATED_FUTURE, rx.CHANGE]
    patterns += [rx.HOUSEHOLD_ANYWHERE, rx.FUTURE_INTENT, rx.AND_VERB, *(pattern for _, pattern in rx.ASKED)]
    patterns.append(re.compile(r"[A-Z]\w+ is", re.I))  # no twin: the case-blind regex itself
    for pattern in patterns:
        filtered = prefilter.Prefiltered(pattern)
        for text in PIECES:
            assert filtered.found(text, prefilter.lowered(text)) == (pattern.search(text) is not None), text


# -- twins that open with a literal ------------------------------------------------------------


def test_literal_first_rewrites_only_a_single_leading_letter() -> None:
    assert prefilter.literal_first(r"\bi\s+like") == r"i(?<=\bi)\s+like"
    assert prefilter.literal_first(r"\bmy\s") == r"m(?<=\bm)y\s"
    for kept in (r"\bi?x", r"\bi*x", r"\bi+x", r"\bi{2}x", r"\b(?:a|b)", r"\bI", r"\b\w", r"\b"):
        assert prefilter.literal_first(kept) == kept
    assert prefilter.literal_first("\\bi  *x", re.X) == "\\bi  *x"  # verbose: the space does not end the atom
    # "\bi?x" rewritten would require an "i": it must find "x" alone, as the pattern does
    assert re.search(prefilter.literal_first(r"\bi?x"), "x") is not None


def test_twins_that_open_with_a_literal_find_the_same_matches() -> None:
    rewritten = 0
    twins: list[tuple[re.Pattern[str], re.Pattern[str] | None]] = [
        (r.regex, t) for r, t in zip(rx.ORDERED_ROWS, rx.ROW_TWINS, strict=True) if t is not None
    ]
    twins += [(rx.I_VE_HAVE, rx.I_VE_HAVE_CB.twin), (rx.SPECIAL_START, rx.SPECIAL_START_CB.twin)]
    for pattern, twin in twins:
        assert twin is not None
        rewritten += twin.pattern != pattern.pattern
        for text in PIECES:
            low = prefilter.lowered(text)
            if low is None:
                continue
            ours = [(m.span(), m.groupdict()) for m in twin.finditer(low)]
            theirs = [
                (m.span(), {k: v and v.lower() for k, v in m.groupdict().items()}) for m in pattern.finditer(text)
            ]
            assert ours == theirs, (pattern.pattern[:60], text)
    assert rewritten > 50


# -- tokenisers without a regex ----------------------------------------------------------------


def _random_texts(alphabet: str, count: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 160))) for _ in range(count)]


ASCII_SHAPES = [*_random_texts("ab Z9_'%#/-.,!?\t\n()&*@:;\"", 3000, 7), " ".join(TEXTS_AND_OWN), *TEXTS_AND_OWN]


def test_ascii_tokens_are_the_token_regex_words() -> None:
    for text in ASCII_SHAPES:
        folded = text.casefold()
        if folded.isascii():
            assert quality._ascii_tokens(folded) == quality._TOKEN.findall(folded), text
    for text in ["a--b-c", "-a-", "x---y", "well-known hard--working", "--", "a-", "'-'", "a-'b"]:
        assert quality._ascii_tokens(text) == quality._TOKEN.findall(text), text


def test_value_words_are_read_as_before() -> None:
    for text in [*ASCII_SHAPES[:500], *TEXTS_AND_OWN, "‘Ünïcode’ wörds-here", "x" * 150 + "é"]:
        folded = text.casefold().replace("’", "'")
        expected = [w.strip("'’") for w in quality._TOKEN.findall(folded) if w.strip("'’")]
        assert quality._words(text) == expected, text


def test_label_head_words_are_the_word_regex_words() -> None:
    for text in [*ASCII_SHAPES, "pass\u00a0word " * 30, "contraseña: x " * 20]:
        assert secrets_detect._head_words(text.lower()) == secrets_detect.HEAD_WORD.findall(text.lower()), text


def _may_open_with_filler_slowly(low: str) -> bool:
    match = re.match(r"\s*(\S+)", low)
    assert match is not None
    return low.startswith(rx.FILLERS_BY_FIRST_WORD.get(match.group(1).strip(",.!"), ()))


def test_a_filler_is_looked_up_by_the_first_word_the_regex_read() -> None:
    fillers = list(rx.FILLERS_BY_FIRST_WORD.values())
    shaped = [f"{phrases[0]}{gap}i love tea" for phrases in fillers for gap in (" ", "\t", "\u00a0", "\x1c", ", ")]
    opened = 0
    for text in [*PIECES, *shaped]:
        low = text.lower()
        if not low.strip():
            continue
        assert rx._may_open_with_filler(low) == _may_open_with_filler_slowly(low), text
        opened += _may_open_with_filler_slowly(low)
    assert opened > len(shaped) // 2


# -- one search instead of one per item or per word ------------------------------------------------


def _mentions_slowly(said: tuple[str, ...], wanted: tuple[str, ...]) -> list[int]:
    return [i for i in range(len(said)) if said[i : i + len(wanted)] == wanted]


def test_mentions_are_found_as_by_the_loop() -> None:
    said = tuple("my dog rex and my dog max and our cat my dog".split())
    longest = ("dog", "max", "and", "our", "cat", "my", "dog")
    for wanted in [("my", "dog"), ("dog",), ("cat",), ("rex", "and", "my"), longest, ("owl",)]:
        assert quality._mentions(said, wanted) == _mentions_slowly(said, wanted), wanted
    assert quality._mentions(said, ("my", "dog", "x")) == []
    assert quality._mentions((), ("a",)) == []


def test_one_search_of_the_joined_items_says_whether_any_item_is_sensitive() -> None:
    assert guards.SENSITIVE_STAYS_IN_ITEMS
    item_lists = (
        [
            ["mental", "health"],  # joined they would read "mental health" were the join a space
            ["blood", "pressure"],
            ["voted", "for x"],
            ["tea", "church choir", "jam"],
            ["Diabetes", "chess"],
            ["hiking", "reading"],
            ["depressed", ""],
        ]
        + [[w for w in text.split() if w] for text in TEXTS_AND_OWN[:200]]
    )
    for items in item_lists:
        joined = "\n\n".join(items)
        assert guards.is_sensitive(joined) == any(guards.is_sensitive(item) for item in items), items


def test_screen_events_keeps_and_drops_per_item_as_before() -> None:
    message = "please remember that i have asthma. i love chess, church music and jazz"
    events = [FieldEvent(field="likes", value=["chess", "church music", "jazz"], event="ADD")]
    events.append(FieldEvent(field="interests", value=["mental", "health"], event="ADD"))
    kept, dropped = guards.screen_events(events, message)
    assert kept[0].value == ["chess", "jazz"] and len(dropped) == 1  # no consent for the church
    assert kept[1].value == ["mental", "health"]  # neither word alone is health information


def test_known_field_names_are_normalised_as_by_the_function() -> None:
    for name, normalised in domain._KNOWN_FIELD_NAMES.items():
        assert normalised == domain.normalise_field_name(name)
    kept, _ = domain.check_limits([FieldEvent(field="Favorite Food", value="x", event="ADD")])
    assert kept[0].field == "favorite_food"  # an unknown name still goes through the function


def test_the_corpus_reads_the_same_through_every_gate() -> None:
    """Smoke: the whole pipeline on our sentences as one message gives events (the exact
    equality with the reference engine is test_rules_equivalence's)."""
    message = " ".join(OWN)
    events, _ = guards.admit_events(rx.RuleExtractor().extract_events(guards.redact(message), {}), message=message)
    assert {e.field for e in events} >= {"location", "likes", "role"}
    assert len(CORPUS) > 200


# -- value builders' patterns, compiled once and read through their twins -------------------------

PET_PHRASES = [
    "a dog named Rex",
    "two geckos who rule the bathroom shelf",
    "My Old Labrador",
    "a pet rabbit called Fudge",
    "three hamsters and a Guinea Pig",
    "a dog-walking business",
    "the café cat",
    "my sister",
    "a tortoise named Shelly and a parrot",
]


def test_a_pet_is_cut_from_the_item_as_the_case_blind_regex_cut_it() -> None:
    import rules_values as v

    for item in [*PET_PHRASES, *(p.upper() for p in PET_PHRASES), *PIECES]:
        head = v.PET_HEAD_CB.match(item, prefilter.lowered(item))
        expected = v.PET_HEAD.match(item)
        assert (item[: head.end(1)] if head else None) == (expected.group(1) if expected else None), item


def test_the_builders_read_pets_and_relatives_as_before() -> None:
    """What the builders read with their patterns built inside each call (recorded from that code)."""
    import rules_values as v

    assert v.pets("a dog named Rex and two cats") == ["dog"]  # the names list is cut before the items
    assert v.pets("two cats") == ["two cats"]
    assert v.pets("My Old Labrador") == ["Old Labrador"]
    assert v.pets("a pet rabbit called Fudge") == ["rabbit named Fudge"]
    assert v.relatives("two Brothers and a sister") == ["two Brothers", "sister"]
    assert v.relatives("my Fiancé and two sons") == ["Fiancé", "two sons"]  # non-ASCII: the case-blind regex
    assert v.relatives("two friends") == []
    assert v.named_pet("a brother named Tom") == []  # a relative is no pet
    assert v.named_pet("a tortoise named Shelly") == ["tortoise named Shelly"]
