"""The second round of speed shortcuts gives exactly what the plain code gives: secret needles
searched under a gate character, regexes tried only where a match can start (digits, line starts,
the openings of a contraction), CaseBlind's needle gate, a word index for a value's mentions, one
lower() for a value's words, the row needles capped, and the merge's set of seen items. Each is
checked against the slow, obvious reading on sentences of our own and random texts shaped for it."""

from __future__ import annotations

import random
import re

import pytest

import guards
import prefilter
import quality
import rules_extractor as rx
import rules_values as v
import secrets_detect
from domain import FieldEvent
from tests import rules_reference as ref
from tests.test_speed_shortcuts import ASCII_SHAPES, PIECES, TEXTS_AND_OWN, _mentions_slowly, _random_texts

# -- secret needles under a gate character -----------------------------------------------------

SECRET_SHAPES = [
    "my github token is ghp_abcdefghijklmnopqrstuvwxyz0123456789",
    "use AKIAABCDEFGHIJKLMNOP for the bucket",
    "the slack hook is https://hooks.slack.com/services/T000/B000/XXXX",
    "sk-live_abcdefABCDEF1234567890 is the key, and sq0atp-123 too",
    "login: bob@example.org password: Tr0ub4dor&3",
    "user: carla, pass: hunter22",
    "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc",
    "-----BEGIN RSA PRIVATE KEY-----",
    "AccountKey=abc123== and xoxb-1234-5678",
    "ya29.a0AfH6SMC and hf_abcdefghijklmnop and npm_abcdefghijklmnop",
    "Log in as admin, sign in with gl-token, whsec_123 and shpat_123",
    "the wifi code is 4821 and my pin is 0042",
]


def test_every_secret_needle_is_filed_under_a_character_it_holds() -> None:
    filed = [needle for _, group in secrets_detect.NEEDLES_BY_GATE for needle in group]
    assert sorted(filed) == sorted(secrets_detect.NEEDLES)
    for gate, group in secrets_detect.NEEDLES_BY_GATE:
        assert len(gate) == 1 and all(gate in needle for needle in group), (gate, group)


def test_the_gated_needles_are_the_needles_in_the_text() -> None:
    texts = [*SECRET_SHAPES, *(t.lower() for t in SECRET_SHAPES), *(t.upper() for t in SECRET_SHAPES)]
    texts += [*ASCII_SHAPES[:800], *TEXTS_AND_OWN, *_random_texts("AKISGPOJYx_:.-=9hrgseo ", 500, 11)]
    texts += [*secrets_detect.NEEDLES, *(f"{n} {n}" for n in secrets_detect.NEEDLES)]  # a gate at the very start
    found = 0
    for text in texts:
        expected = {needle for needle in secrets_detect.NEEDLES if needle in text}
        assert secrets_detect.needles_in(text) == expected, text
        found += bool(expected)
    assert found > 100


# -- regexes tried only where a match can start ------------------------------------------------


def test_matches_at_is_finditer_when_every_match_opens_at_a_start() -> None:
    pattern = re.compile(r"\d(?:[ .-]?\d){3}")
    for text in ["1234 5678", "12 34-56.78 9", "x1.2.3.4y", "", "1 2 3 4 5 6 7 8", "99999"]:
        digits = [i for i, c in enumerate(text) if c.isdigit()]
        ours = [m.span() for m in prefilter.matches_at(pattern, text, digits)]
        assert ours == [m.span() for m in pattern.finditer(text)], text
    # look-behinds and \b read what stands before the start, as a scan does
    behind = re.compile(r"(?<=a)b|\bc")
    assert [m.span() for m in prefilter.matches_at(behind, "abxc c", [1, 3, 5])] == [(1, 2), (5, 6)]


DIGIT_SHAPES = [
    "my card is 4111 1111 1111 1111 and it expires soon",
    "card 4111-1111-1111-1111, ssn 078-05-1120",
    "codice fiscale RSSMRA85T10A562S, born 1985",
    "il mio codice è RSSMRA85T10A562S",  # not ASCII: the scan
    "cf: rssmra85t10a562s and BNCLRA70A41F205Z",
    "iban DE89 3704 0044 0532 0130 00 please",
    "aadhaar 2345 6789 0123, cpf 123.456.789-09, dni 12345678Z",
    "i'm 34, my kids are 7 and 9, we moved in 2019",
    "call 555 0100 or 555-0199",
    "x" * 30 + "12" + "y" * 30,
    "1" * 70,  # more digits than MAX_STARTS: the scan
    "4" * 8,
    # valid codes (check letter from stdnum) that open on each digit
    *(f"cf {code}, ok" for code in ("RSSMRA00T10A562V", "RSSMRA55T10A562M", "RSSMRA77T10A562S", "RSSMRA99T10A562Y")),
]


def test_secrets_found_at_the_digits_are_the_scan_s_findings(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [*DIGIT_SHAPES, *(t.upper() for t in DIGIT_SHAPES), *SECRET_SHAPES, *TEXTS_AND_OWN[:300]]
    texts += _random_texts("0123456789 .-ABCRSTMaz", 800, 5)
    texts += [f"{text} {' and '.join(DIGIT_SHAPES[:4])} {text}" for text in TEXTS_AND_OWN[:100]]  # long texts
    texts += [" ".join(DIGIT_SHAPES[i : i + 3]) + " x" * 120 for i in range(len(DIGIT_SHAPES))]
    ours = [secrets_detect._find_secrets(text) for text in texts]
    monkeypatch.setattr(secrets_detect, "_digit_starts", lambda text: None)  # every text scanned
    assert ours == [secrets_detect._find_secrets(text) for text in texts]
    assert sum(bool(found) for found in ours) > 20


def test_digit_starts_are_where_the_digits_stand() -> None:
    pad = " " * secrets_detect.DIGIT_STARTS_MIN_CHARS
    assert secrets_detect._digit_starts("a1b22c" + pad) == [1, 3, 4]
    assert secrets_detect._digit_starts("no digits" + pad) == []
    assert secrets_detect._digit_starts("é1" + pad) is None  # \d is more than 0-9 there
    assert secrets_detect._digit_starts("7" * (prefilter.MAX_STARTS + 1) + pad) is None
    assert secrets_detect._digit_starts("a1b22c") is None  # short: the scan
    assert all(d.opens_on_digit is False or d.pattern.pattern.startswith(r"\d") for d in secrets_detect.DETECTORS)


CODE_SHAPES = [
    "i love tea",
    "i love tea\ndef f():\n    return 1",
    "  import os\nprint(os.name)",
    "x = 1\r\nclass A: pass",
    "line one\rclass B: pass",  # a lone \r opens no line for ^
    "SELECT * FROM t\nwhere i like tea",
    "i like #include files",
    "intro\n\t\tconst x = 2;",
    "text\n<div>hi</div>",
    "from here to there\nfrom a import b",
    "\n" * 70 + "def g(): pass",  # many lines: the scan
    "",
    "\n",
]


def test_code_lines_are_found_at_the_line_starts() -> None:
    for text in [*CODE_SHAPES, *ASCII_SHAPES[:500], *TEXTS_AND_OWN]:
        if "```" in text:
            continue
        assert guards._code_line(text) == (guards.CODE_BLOCK.search(text) is not None), text
    assert sum(guards._code_line(text) for text in CODE_SHAPES) >= 7


# -- contractions tried at their openings ----------------------------------------------------------

CONTRACTION_SHAPES = [
    "i m here, i  'm there, i\tve got it, ive been, i ve two",
    "dont, don t, cant, can t, won t, isn t, aren t, doesn t, didn t",
    "DONT CANT IVE I M",
    "idontknow, scanty, wont, donkey, canteen, ivory, i-m, i'm, i've",
    "dont,cant;ive.i m!i\x1cve",
    "i\n m, i\r\nve, don\tt",
    "aren't you, isn't it, didnt we",
]


def test_contractions_read_at_their_openings_are_the_scan_s() -> None:
    texts = [*CONTRACTION_SHAPES, *(t.title() for t in CONTRACTION_SHAPES), *TEXTS_AND_OWN, *ASCII_SHAPES[:300]]
    texts += _random_texts("dionacwtvemsr '\t\n", 1500, 3)
    tried = 0
    for text in texts:
        low = prefilter.lowered(text)
        expected = rx.CONTRACTION.sub(lambda m: rx._contraction(m.group), text)
        assert rx.CONTRACTION_CB.sub(text, low, rx._contraction, rx.contraction_starts) == expected, text
        starts = rx.contraction_starts(low) if low is not None else None
        if low is not None and starts is not None and rx.CONTRACTION_CB.twin is not None:
            tried += 1
            assert {m.start() for m in rx.CONTRACTION_CB.twin.finditer(low)} <= set(starts), text
    assert tried > 1000


def test_too_many_openings_fall_back_to_the_scan() -> None:
    assert rx.contraction_starts("i " * 100) is None
    assert rx.contraction_starts("we like tea") == []


# -- CaseBlind's needle gate -----------------------------------------------------------------------


def test_a_case_blind_regex_with_few_needles_skips_only_texts_it_cannot_match() -> None:
    gated = [cb for cb in (v.SPLIT_ITEMS_CB, v.WH_ANYWHERE_CB, rx.SUBORDINATE_TAIL_CB, rx.I_VE_HAVE_CB)]
    assert all(cb.gate is not None and len(cb.gate) <= prefilter.MAX_GATE_NEEDLES for cb in gated)
    assert v.SUBJECT_VERB_CB.gate is None  # many needles: no gate
    texts = [*PIECES, "tea & cake", "tea/coffee", "as well as jam", "how so", "I've two", "i ve got 3"]
    skipped = 0
    for cb in gated:
        for text in texts:
            low = prefilter.lowered(text)
            assert (cb.search(text, low) is None) == (cb.regex.search(text) is None), text
            if not cb.regex.groups:
                assert cb.split(text, low) == cb.regex.split(text), text
            assert cb.sub(text, low, lambda g: "#") == cb.regex.sub("#", text), text
            skipped += low is not None and cb._absent(low)
    assert skipped > 200


# -- values and the quality check ------------------------------------------------------------------


def test_a_value_s_words_are_lowered_once_as_each_was_lowered() -> None:
    odd = ["ΟΔΟΣ ΚΑΙ ΣΟΦΙΑ because ΣΣ", "İstanbul BECAUSE of it", "tea\u00a0Because\u2003x", "KAFFEΣ, SO"]
    odd += ["chess For 3 Years", "ﬁsh and chips, especially", "Straße since may", "ǅemal lately"]
    for text in [*odd, *PIECES, *(p.upper() for p in PIECES[:400])]:
        assert v.cut_trailing_clause(text) == ref.cut_trailing_clause(text), text


def test_a_likeness_needs_a_comma() -> None:
    for text in [*PIECES, "green like a lime", "tea kind of like jam"]:
        if "," not in text:
            assert v.SIMILE.split(text, maxsplit=1) == [text], text
    likenesses = ("green, like a lime", "green ,like a lime", "green,  just like a lime", "sports,\tsort of like rugby")
    for likeness in likenesses:
        assert v.split_items(likeness) == [likeness.split(",")[0].strip()], likeness


def test_a_row_on_a_word_class_has_few_needles() -> None:
    on_a_class = [
        n for r, n in zip(rx.ORDERED_ROWS, rx.ROW_NEEDLES, strict=True) if all(w.startswith("#") for w in r.words)
    ]
    assert on_a_class and all(n is None or len(n) <= rx.MAX_FALLBACK_NEEDLES for n in on_a_class)
    named = {r.name: n for r, n in zip(rx.ORDERED_ROWS, rx.ROW_NEEDLES, strict=True)}
    assert named["pets_my_named"] == ("my",)  # not the hundred animals of #pet
    assert named["family_my_relative"] == ("my", "our")
    assert len(named["interests_hobby_verb"] or ()) > rx.MAX_FALLBACK_NEEDLES  # its words are no class: kept


def test_mentions_through_the_word_index_are_the_loop_s() -> None:
    rnd = random.Random(4)
    vocabulary = "my dog rex and our cat the tea i".split()
    for _ in range(300):
        said = quality.MessageWords(rnd.choice(vocabulary) for _ in range(rnd.randint(0, 40)))
        # more asks than SCANS_BEFORE_INDEX: the first are scans, the later go through the index
        for _ in range(quality.SCANS_BEFORE_INDEX + 6):
            wanted = tuple(rnd.choice(vocabulary) for _ in range(rnd.randint(1, 3)))
            assert quality._mentions(said, wanted) == _mentions_slowly(tuple(said), wanted), (said, wanted)
    said = quality._message_words("My dog, my DOG! a dog")
    asked = ("my", "dog", "a", "cat") * 3
    assert [said.starts(w) for w in asked] == [[0, 2], [1, 3, 5], [4], []] * 3


def _merge_slowly(events: list[FieldEvent]) -> list[tuple[str, object, str]]:
    merged: dict[tuple[str, str], list[object] | object] = {}
    kinds: dict[tuple[str, str], str] = {}
    for event in events:
        key = (event.field, "REMOVE" if event.event == "REMOVE" else "SET")
        old = merged.get(key)
        if isinstance(old, list) and isinstance(event.value, list):
            seen = {str(x).lower() for x in old}
            for x in event.value:
                if str(x).lower() not in seen:
                    seen.add(str(x).lower())
                    old.append(x)
            continue
        merged[key] = list(event.value) if isinstance(event.value, list) else event.value
        kinds[key] = event.event
    return [(field, value, kinds[(field, kind)]) for (field, kind), value in merged.items()]


def test_merged_list_items_are_each_kept_once() -> None:
    events = [
        FieldEvent(field="likes", value=["tea", "Jam"], event="ADD"),
        FieldEvent(field="likes", value=["jam", "chess"], event="ADD"),
        FieldEvent(field="likes", value=["CHESS", "golf", "golf"], event="ADD"),
        FieldEvent(field="role", value="baker", event="ADD"),
        FieldEvent(field="role", value="cook", event="UPDATE"),
        FieldEvent(field="likes", value=["tea"], event="REMOVE"),
    ]
    ours = [(e.field, e.value, e.event) for e in rx._merge_same_field(events)]
    assert ours == _merge_slowly(events)
    assert ours[0] == ("likes", ["tea", "Jam", "chess", "golf"], "ADD")


def test_a_single_spaced_text_is_its_own_join_of_words() -> None:
    texts = [*TEXTS_AND_OWN, *ASCII_SHAPES[:800], " lead", "trail ", "a  b", "a\tb", "a\x1cb", "a\xa0b", "", "x"]
    texts += _random_texts("ab \t\x0b\x1f\xa0", 800, 9)
    single = 0
    for text in texts:
        if rx._single_spaced(text):
            single += 1
            assert " ".join(text.split()) == text, repr(text)
    assert single > 300
