"""The value-quality check: is a proposed value a long-term fact a reader understands alone?

It runs on every extractor's output, the rules' and the LLM's alike, through
guards.admit_events. A value it cannot vouch for is refused with a reason (an unsure
reading stores nothing); a value with a trailing time phrase ("cashier last week") is
cut back to the fact ("cashier") when what remains is good.

A person's own edit (PUT, import, undo: no message) is not judged: they typed exactly what
they mean, and a PUT must accept every value its schema allows. An extractor reading chat
does not know what the person means; its output is what this check is for.

It also holds the comparison keys the merge uses to tell two spellings of one value apart.
The word lists live in vocabulary.py (the value-quality section).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from functools import lru_cache
from itertools import repeat

from domain import FieldEvent, FieldValue, validated_event
from vocabulary import (
    ACTIVITY_GERUNDS,
    AFTER_WORKPLACE_SETTING,
    AGE_UNITS,
    BARE_PLACE_NOUNS,
    CLAUSE_WORDS,
    CONSUMING_GERUNDS,
    CUT_OFF_ENDINGS,
    DEMONYMS,
    INTRODUCTIONS,
    JOKE_TITLE_OBJECTS,
    LEADING_DETERMINERS,
    LEADING_FILLERS,
    LIGHT_GERUNDS,
    MOOD_VERBS,
    MOOD_WORDS,
    NEEDS_CONTEXT,
    NOT_AGE_FOLLOWERS,
    NOT_AGE_LEADERS,
    NOT_EMPLOYER_STARTS,
    NOT_NAME_WORDS,
    NOT_PLACE_HEADS,
    NOT_PLACE_WORDS,
    NOT_POSSESSIONS,
    NOT_ROLE_WORDS,
    OBJECTLESS_VERBS,
    PEOPLE_AROUND,
    PET_WORDS,
    PLACE_PREPOSITIONS,
    PREPOSITIONS,
    REFERRING_NOUNS,
    SECOND_PERSON,
    SELF_NAMING,
    STATE_GOALS,
    TENS_WORDS,
    TRAILING_FILLERS,
    TRAILING_TIME_PHRASES,
    VAGUE_ROLES,
    VAGUE_WORDS,
    VALUE_ADJECTIVE_SUFFIXES,
    VALUE_COURTESY_OBJECTS,
    VALUE_FUNCTION_WORDS,
    VALUE_NOT_SKILL_VERBS,
    VALUE_NUMBER_WORDS,
    VALUE_RELATIVES,
    VALUE_TIME_WORDS,
    WORKPLACE_SETTINGS,
)

MIN_AGE, MAX_AGE = 1, 120
_EDGE = " \t,.;:!?\"'()[]{}-–—…"
_TOKEN = re.compile(r"[\w'’%#/]+(?:-[\w'’%#/]+)*")
# A letter or digit: \w without "_" (str.isalnum, one C scan instead of a generator over the characters).
_ALNUM = re.compile(r"[^\W_]")
# Object pronouns that, ending a short value, leave it meaningless alone ("doing it").
NUMBER_TOKENS = frozenset([*VALUE_NUMBER_WORDS, *TENS_WORDS, "hundred", "thousand"])
_DANGLING = frozenset("it them that this those these him her one".split())
_COURTESY_VERBS = frozenset("know hear help see chat talk meet join come hang hearing knowing".split())
_DETERMINER_WORDS = frozenset("the that this those these a an".split())
# Words that may stand between a name and the animal it belongs to ("Rex, our new puppy").
PET_LINKS = frozenset("is was our my the a an new little sweet cute old family baby adorable rescue lovely".split())
STRONG_SELF_NAMING = ("my name is", "my name's", "call me", "i go by", "people call me", "everyone calls me")
# "nurse for ten years", "in Leeds since 2019", "cashier two years ago", "hiking every weekend":
# dating a fact, not describing it.
_COUNT = (
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|"
    r"fifty|a few|a couple of|a couple|several|many)"
)
_DAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|summer|winter|spring|fall|autumn)"
_PERIOD = rf"(?:day|night|morning|evening|afternoon|week|month|year|{_DAY})"
TRAILING_DURATION = re.compile(
    rf"\s(?:(?:for|since|in|back in)\s+(?:19|20)\d\d|"
    rf"(?:(?:for|in|within|about|almost|over|nearly|for about|for over|in about)\s+)?{_COUNT}\s+"
    rf"(?:years?|months?|weeks?|days?|hours?)(?:\s+ago|\s+now)?|"
    rf"(?:next|last|this|on|every|most|many|(?:on\s+)?most)\s+{_DAY}s?|"
    rf"(?:at|by)\s+(?:the\s+)?age\s+(?:of|on)\s+\w+|when\s+i\s+was\s+\w+)$"
)
# How often and at what hour: "twice a week", "three times a month", "every morning", "at 6am",
# "before sunrise". Tried before TRAILING_DURATION ("twice a week", not "a week", goes), and only
# on a value whose last word may end one (most values end in none: the search is skipped).
TRAILING_OFTEN_OR_CLOCK = re.compile(
    rf"\s(?:(?:(?:at\s+least|about|around|maybe|like)\s+)?(?:once|twice|{_COUNT}\s+times?)\s+(?:a|an|per|every|each)\s+"
    rf"{_PERIOD}|(?:every|each)\s+(?:other\s+|single\s+)?{_PERIOD}s?|"
    rf"(?:at|around|before|after|until|till|by)\s+(?:\d{{1,2}}(?::\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.|o'clock)?|"
    rf"noon|midnight|dawn|dusk|sunrise|sunset))$"
)
_OFTEN_OR_CLOCK_LAST = frozenset(
    """day night morning evening afternoon week month year monday tuesday wednesday thursday friday saturday
    sunday weekend summer winter spring fall autumn am pm a.m. p.m. o'clock noon midnight dawn dusk sunrise
    sunset""".split()
)


# The unions the checks test against, built once (a union of two word lists costs more than the test).
_FUNCTION_OR_CONTEXT = VALUE_FUNCTION_WORDS | NEEDS_CONTEXT
_TIME_OR_FUNCTION = VALUE_TIME_WORDS | VALUE_FUNCTION_WORDS
_VAGUE_OR_FUNCTION = VAGUE_WORDS | VALUE_FUNCTION_WORDS
_NOT_PLACE_OR_FUNCTION = NOT_PLACE_WORDS | VALUE_FUNCTION_WORDS
_RELATIVES_OR_PETS = VALUE_RELATIVES | PET_WORDS
_ONES_OWN_PEOPLE = _RELATIVES_OR_PETS | PEOPLE_AROUND
# Pronouns standing for someone or something the message named: "driving them around", "her music".
_STANDING_FOR = frozenset("it its him his her hers them their theirs".split())

_NEGATIONS = frozenset("nothing none no nobody neither".split())
# "except for X", "apart from X", "other than X": the thing left out of a preference, not the
# thing preferred ("I like everything, except for X" says X is disliked, which is not read here).
_EXCEPTIONS = re.compile(r"^(?:except|excepting|besides|apart\s+from|other\s+than|aside\s+from|save\s+for)\b")
# "a bit of everything", "a little of anything": everything at once is no preference.
_EVERYTHING = frozenset("everything anything something all".split())
# Nouns that stand for something only the conversation named: "I love the place".
_DEICTIC_NOUNS = frozenset("place spot area one ones".split())
# The unions _check_preference tests each value against, built once instead of per value.
_VAGUE_OR_EVERYTHING = _EVERYTHING | VAGUE_WORDS | VALUE_FUNCTION_WORDS
_DEICTIC_OR_DETERMINER = _DEICTIC_NOUNS | _DETERMINER_WORDS
# A purpose clause after a workplace or a job: "a bar to pay for school", "a tutor to earn extra".
_PURPOSE = re.compile(r"\s+(?:in\s+order\s+)?to\s+(?!(?:the|a|an|my|our|his|her|their|its|your)\b)[a-z]+\b.*$", re.I)
_VAGUE_HEADS = frozenset("stuff things thing kinds kind types type sorts sort".split())
_KINDS_OF = re.compile(
    r"^(?:(?:all|many|most|some|different|various|these|those|that|this|the)\s+)?(?:kinds?|types?|sorts?)\s+of\s+", re.I
)


class Refused(ValueError):
    """A value the check will not store; str() is the reason."""


# -- comparison keys (the merge uses these) ------------------------------------------------


def _singular(word: str) -> str:
    if len(word) <= 3 or not word.endswith("s") or word.endswith(("ss", "us", "is", "'s")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes", "zes")):
        return word[:-2]
    return word[:-1]


def _by_first_word(starts: tuple[str, ...]) -> dict[str, list[list[str]]]:
    table: dict[str, list[list[str]]] = {}
    for phrase in starts:  # already longest first
        parts = phrase.split()
        table.setdefault(parts[0], []).append(parts)
    return table


_DETERMINER_STARTS = _by_first_word(LEADING_DETERMINERS)
_CONSUMING_STARTS = _by_first_word(CONSUMING_GERUNDS)


def _drop_leading(words: list[str], starts: tuple[str, ...] | dict[str, list[list[str]]]) -> list[str]:
    """`words` without one leading phrase of `starts` (longest first), repeated while one matches."""
    table = starts if isinstance(starts, dict) else _by_first_word(starts)
    while words:
        for parts in table.get(words[0], ()):
            if words[: len(parts)] == parts and len(words) > len(parts):
                words = words[len(parts) :]
                break
        else:
            return words
    return words


def value_key(value: object) -> str:
    """Two spellings of one value share a key: case, spacing, punctuation, a leading article
    or possessive, and a plural -s do not count ("The Dogs" ~ "dog", "a data analyst" ~
    "Data Analyst"). Numbers compare by their text (30 ~ "30")."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return _text_key(str(value))


def polarity_key(value: object) -> str:
    """The thing liked or disliked: the value's key without a way of consuming it, so
    liking "drinking beer" and disliking "beer" are one thing with two polarities."""
    return _polarity_of_key(value_key(value))


# The merge keys every stored item of a list on each message, inside the row lock: cached.
@lru_cache(maxsize=8192)
def _text_key(text: str) -> str:
    words = [w.strip("'’") for w in _TOKEN.findall(text.casefold().replace("&", " and "))]
    words = _drop_leading([w for w in words if w], _DETERMINER_STARTS)
    return " ".join(_singular(w) for w in words)


@lru_cache(maxsize=8192)
def _polarity_of_key(key: str) -> str:
    return " ".join(_drop_leading(key.split(), _CONSUMING_STARTS))


def contains_phrase(haystack: str, needle: str) -> bool:
    """Whole-word containment of one key in another ("senior data analyst" holds "data analyst")."""
    return bool(needle) and f" {needle} " in f" {haystack} "


# -- the check -----------------------------------------------------------------------------


def check_events(events: list[FieldEvent], *, message: str | None) -> tuple[list[FieldEvent], list[str]]:
    """Keep what is a readable long-term fact; return the events to apply and a reason per refusal.

    `message` is the user's message when an extractor read one (the check may read it for
    context: "200%" is no age, "Rex, our puppy" is no name); None for a person's own edit,
    which passes unjudged.
    """
    if message is None:
        return events, []
    kept: list[FieldEvent] = []
    refused: list[str] = []
    for event in events:
        items = event.value if isinstance(event.value, list) else [event.value]
        good: list[FieldValue] = []
        for item in items:
            if event.event == "REMOVE":
                # Forgetting is never harmful: only cut the time phrase, so "cashier last week" finds "cashier".
                good.append(strip_time(item) or item if isinstance(item, str) else item)  # type: ignore[arg-type]
                continue
            try:
                good.append(check_value(event.field, item, message=message))
            except Refused as reason:
                refused.append(f"{event.field}={_shown(item)}: {reason}")
        if event.event == "REMOVE" and event.value is None:
            kept.append(event)
        elif good:
            value = good if isinstance(event.value, list) else good[0]
            kept.append(validated_event(event.field, value, event.event))  # FieldEvent(field=…, value=…, event=…)
    kept = _drop_employer_of_refused_role(events, kept, message, refused)
    _message_words.cache_clear()
    _not_the_users_spans.cache_clear()
    _folded.cache_clear()
    _message_word_set.cache_clear()
    _before_listener.cache_clear()
    return kept, refused


# -- someone else's words, irony ------------------------------------------------------------

_QUOTE_CHARS = re.compile(r'["“”]')
# A quotation in the first person: "she texted me “I live in Oslo now”" is her fact, not the user's.
_QUOTATION = re.compile(r'["“]([^"“”\n]{1,300})["”]')
_FIRST_PERSON = re.compile(r"\b(?:i|i'm|im|i've|i'd|i'll|me|my|mine)\b")
# The user's own words quoted: "I told him “I'm a nurse, not a doctor”", "I always say …".
_OWN_REPORT = re.compile(
    r"\bi\s+(?:[\w']+\s+){0,2}?(?:said|say|told|tell|wrote|write|texted|text|replied|reply|answered|"
    r"asked|yelled|shouted|tweeted|posted|put|went)\b[^.!?]*$"
)
# Markers that the sentence says the opposite of what it means.
_IRONY = re.compile(r"\b(?:said\s+no\s*(?:one|body)\s+ever|yeah,?\s+right|not!)|(?:^|\s)/s\b", re.I)


@lru_cache(maxsize=1)
def _not_the_users_spans(message: str) -> tuple[bool, tuple[tuple[int, int], ...]]:
    """Whether the message is ironic, and the spans of it that tell no fact of the user's own
    (quotations of others, what others think of the user, a story or a role played); read once
    per message (cleared with _message_words)."""
    # Each pattern runs only when one of its words is in the message (str `in`, a C scan: a regex
    # search with no literal prefix tries every position of 16 KB, ~1 ms each).
    low = _folded(message)
    if _has_any(low, _IRONY_CUES) and _IRONY.search(message):
        return True, ()
    spans = _others_quotes(message) if _has_any(message, '"“”') else []
    if _has_any(low, _REPORTED_CUES) and _REPORTED.search(message):
        spans += _others_beliefs(message)
    if _has_any(low, _FICTION_CUES) and _FICTION.search(message):
        spans += _fiction_sentences(message)
    merged: list[tuple[int, int]] = []
    for start, stop in sorted(spans):  # merged, so that one bisect finds the span a place falls in
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(stop, merged[-1][1]))
        else:
            merged.append((start, stop))
    return False, tuple(merged)


_IRONY_CUES = ("ever", "right", "not!", "/s")
_REPORTED_CUES = ("think", "thought", "assum", "believ", "expect", "imagin", "say", "said", "wish")
_FICTION_CUES = (
    *"narrator protagonist character role pretend game novel story script dream".split(),
    *("like i", "as if", "as though"),
)


def _has_any(text: str, needles: Iterable[str]) -> bool:
    return any(needle in text for needle in needles)


def _not_the_users(value: object, message: str) -> str | None:
    """Why the message does not say this value of the user (irony, someone else's words); else None."""
    ironic, spans = _not_the_users_spans(message)
    if ironic:
        return "said in irony, not meant"
    if spans and _only_in_quotes(str(value), message, spans):
        return "someone else's words, quoted"
    return None


def _others_quotes(message: str) -> list[tuple[int, int]]:
    """The spans (in the casefolded message) of quotations in the first person that someone
    other than the user said or wrote; a quotation the message opens with counts as the user's."""
    low = _folded(message)
    spans = []
    for match in _QUOTATION.finditer(low):
        if not _FIRST_PERSON.search(match.group(1)):
            continue  # a title or a phrase ("I love “The Office”"), not a sentence someone said
        before = low[max(match.start() - 80, 0) : match.start()]
        before = re.split(r"[.!?]", before)[-1]
        if not before.strip() or _OWN_REPORT.search(before):
            continue
        spans.append(match.span(1))
    return spans


# What others think or say the user is: "my kids think I'm a superhero", "people assume I love football".
_REPORTED = re.compile(
    r"\b(?:thinks?|thought|assumes?|assumed|believes?|believed|expects?|expected|imagines?|says?|said|wishes|wished)"
    r"\s+(?:that\s+)?(?:i|i'm|im|i've|i'd)\b",
    re.I,
)
_REPORT_END = re.compile(r"[.,;!?]|\bbut\b")
_SELF = frozenset(("i", "i've", "i'd"))
_DENIED = frozenset(("never", "didn't", "didn’t", "didnt", "not"))


def _others_beliefs(message: str) -> list[tuple[int, int]]:
    """The spans (in the casefolded message) of what someone other than the user is said to
    think, expect or say of the user, up to the clause's end; "I think I'm …" is the user's own."""
    low = _folded(message)
    spans, ends = [], None
    for match in _REPORTED.finditer(low):
        before = low[max(match.start() - 40, 0) : match.start()].split()
        denied = match.group(0).startswith("sa") and not _DENIED.isdisjoint(before[-2:])
        if not _SELF.isdisjoint(before[-2:]) and not denied:
            continue  # "I think I'm …", "I always thought I …" (but "I never said I love jazz" denies it)
        if ends is None:  # each boundary found once: a search from every match could go quadratic
            ends = [end.start() for end in _REPORT_END.finditer(low)]
        spans.append((match.start(), _next_at(ends, match.end(), len(low))))
    return spans


def _next_at(positions: list[int], at: int, default: int) -> int:
    """The first of the sorted positions at or after `at`, else `default`."""
    i = bisect_left(positions, at)
    return positions[i] if i < len(positions) else default


# A sentence about a story, a game or a role played: "for my novel, the narrator lives in Maine",
# "talk to me like I'm a lawyer".
_FICTION = re.compile(
    r"\b(?:narrator|protagonist|my\s+character|role[- ]?play(?:ing)?|"
    r"pretend(?:ing)?\s+(?:that\s+)?(?:i'm|i\s+am|i\s+was|to\s+be|you're|you\s+are)|"
    r"in\s+(?:the|my|this)\s+(?:game|novel|story|script|screenplay|dream)|"
    r"(?:like|as\s+if|as\s+though)\s+(?:i'm|i\s+am|i\s+was|i\s+were))\b",
    re.I,
)
_SENTENCE_END = re.compile(r"[.!?\n]")
_CLAUSE_END = re.compile(r"[.!?\n,]")


def _fiction_sentences(message: str) -> list[tuple[int, int]]:
    """The spans of what tells a story, a game or a role played: from the clause the cue
    stands in to the sentence's end."""
    low = _folded(message)
    clauses = [at.start() for at in _CLAUSE_END.finditer(low)]
    sentences = [at.start() for at in _SENTENCE_END.finditer(low)]
    spans = []
    for match in _FICTION.finditer(low):
        before = bisect_left(clauses, match.start()) - 1
        start = clauses[before] + 1 if before >= 0 else 0
        if match.group().startswith(("like", "as", "pretend")):
            start = match.start()  # "I'm a welder and it feels like I'm …": the hypothetical starts there
        spans.append((start, _next_at(sentences, match.end(), len(low))))
    return spans


def _only_in_quotes(value: str, message: str, spans: tuple[tuple[int, int], ...]) -> bool:
    """Whether every place the message says the value's first word (in any of its verb forms:
    "hiking" may stand as "hike") lies inside one of the spans (sorted, not overlapping)."""
    first = next(iter(_words(value)), "")
    if not first:
        return False
    low, seen = _folded(message), False
    starts = [start for start, _ in spans]
    for form in _verb_forms(first):
        at = low.find(form)
        while at >= 0:
            end = at + len(form)
            if not (_in_word(low, at - 1) or _in_word(low, end)):
                inside = bisect_right(starts, at) - 1
                if inside < 0 or at >= spans[inside][1]:
                    return False
                seen = True
            at = low.find(form, end)
    return seen


def _drop_employer_of_refused_role(
    events: list[FieldEvent], kept: list[FieldEvent], message: str, refused: list[str]
) -> list[FieldEvent]:
    """ "I'm a genius at maths": when the "role" was refused, what it was "at" is no employer."""
    roles = [e.value for e in events if e.field == "role" and e.event != "REMOVE" and isinstance(e.value, str)]
    if not roles or not any(e.field == "employer" for e in kept):
        return kept
    if any(e.field == "role" for e in kept):
        return kept
    low = _folded(message)
    out = []
    for event in kept:
        if event.field == "employer" and isinstance(event.value, str):
            place = re.escape(event.value.casefold())
            between = r"(?:\s+[\w'-]+){0,2}?\s+(?:at|for|with)\s+(?:the\s+)?"
            at_role = (rf"\b{re.escape(r.casefold())}{between}{place}" for r in roles)
            if any(re.search(pattern, low) for pattern in at_role):
                refused.append(f"employer={_shown(event.value)}: what a refused role was at, not an employer")
                continue
        out.append(event)
    return out


def check_value(field: str, value: FieldValue | None, *, message: str) -> FieldValue:
    """The value as it should be stored, or Refused with the reason."""
    if value is None:
        raise Refused("no value")
    not_meant = _not_the_users(value, message)
    if not_meant:
        raise Refused(not_meant)
    if isinstance(value, bool):
        if field == "age":
            raise Refused("not a plausible human age (1-120)")
        return value
    if isinstance(value, int | float):
        if field == "age":
            return _check_age_number(value, message)
        return value
    text = _strip_emoji(" ".join(value.split()).strip(_EDGE))
    words = _words(text)
    pronouns_only = _only(words, _FUNCTION_OR_CONTEXT) and not NEEDS_CONTEXT.isdisjoint(words)
    if words and pronouns_only and not _is_title(text):
        raise Refused("needs the message to be understood")
    problem = hard_refusal(text, words)
    if problem:
        raise Refused(problem)
    if field == "age":
        return _check_age(text, words, message)
    cut = _strip_leading_fillers(_strip_trailing_time(text))
    if field == "name":
        cut = _cut_name(cut)
    if cut != text:  # else its words are the ones read above
        text, words = cut, _words(cut)
    if not words:
        raise Refused("a time, not a fact")
    if not _is_title(text):
        _check_general(words, clauses=field != "name")  # "Will" is a name, not a clause
    if field in ("likes", "interests") and _sarcastic(message):
        raise Refused("said in sarcasm, not a taste")  # "oh yeah I just LOVE doing invoices at 11pm 🙄"
    checker = FIELD_CHECKS.get(field)
    return checker(text, words, message) if checker else text


# Marks of sarcasm in chat that unsay a taste: an eye-roll or upside-down face, "oh great", "just LOVE" in
# capitals, "love that for me". A like in such a message is the opposite of one. (Explicit irony, "/s" or
# "yeah right", refuses every value of the message earlier: _IRONY in _not_the_users.)
SARCASM = re.compile(
    r"🙄|🙃|😒|\boh\s+(?:yeah|great|joy|goody)\b|\bjust\s+(?-i:LOVE)\b|\blove\s+that\s+for\s+me\b",
    re.I,
)


def _strip_emoji(text: str) -> str:
    """ "plants 🙂" -> "plants": an emoji or symbol at either end is no part of the value ("C#" and
    "C++" keep theirs: those are punctuation, not symbols)."""
    if text.isascii():
        return text
    start, end = 0, len(text)
    while end > start and (unicodedata.category(text[end - 1]) in _EMOJI_KINDS or text[end - 1] in _JOINERS):
        end -= 1
    while start < end and (unicodedata.category(text[start]) in _EMOJI_KINDS or text[start] in _JOINERS):
        start += 1
    return text[start:end].strip(_EDGE) if (start, end) != (0, len(text)) else text


_EMOJI_KINDS = frozenset(("So", "Sk", "Cf", "Cs"))
_JOINERS = frozenset("\ufe0f\ufe0e\u200d\u20e3")


@lru_cache(maxsize=64)
def _sarcastic(message: str) -> bool:
    """SARCASM searched once a message, not once a value (a 4 KB message may carry eighty values)."""
    return SARCASM.search(message) is not None


def hard_refusal(text: str, words: list[str] | None = None) -> str | None:
    """Why `text` is no value at all (no letter or digit, only function words); else None.
    `words` is `_words(text)` when the caller has it already."""
    if not _ALNUM.search(text):
        return "has no letter or digit"
    if _only(_words(text) if words is None else words, VALUE_FUNCTION_WORDS) and not _is_title(text):
        return "is made only of function words"
    return None


def _strip_leading_fillers(text: str) -> str:
    parts = text.split()
    while len(parts) > 1 and parts[0].casefold().strip(_EDGE) in LEADING_FILLERS:
        parts = parts[1:]
    return " ".join(parts)


def strip_time(value: str) -> str:
    """A value without the time phrases and fillers it trails off with ("cashier last week" -> "cashier")."""
    return _strip_trailing_time(" ".join(value.split()).strip(_EDGE))


def _by_last_word(phrases: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """Phrases grouped by their last word, in their order: a value ending in "week" is only
    tried against the phrases ending in "week" (one look-up instead of ~200 endswith)."""
    grouped: dict[str, list[str]] = {}
    for phrase in phrases:
        grouped.setdefault(phrase.split()[-1], []).append(phrase)
    return {word: tuple(items) for word, items in grouped.items()}


TRAILING_BY_LAST_WORD = _by_last_word((*TRAILING_TIME_PHRASES, *TRAILING_FILLERS, *CUT_OFF_ENDINGS))


def _strip_trailing_time(text: str) -> str:
    while True:
        lowered = text.casefold()
        last = lowered.rsplit(None, 1)[-1] if lowered else ""
        often = last[:1].isdigit() or last in _OFTEN_OR_CLOCK_LAST or last.removesuffix("s") in _OFTEN_OR_CLOCK_LAST
        dated = (often and TRAILING_OFTEN_OR_CLOCK.search(" " + lowered)) or TRAILING_DURATION.search(" " + lowered)
        if dated:
            text = text[: max(dated.start() - 1, 0)].rstrip(_EDGE)
            continue
        for phrase in TRAILING_BY_LAST_WORD.get(last, ()):
            if lowered == phrase:
                return ""
            if lowered.endswith(" " + phrase):
                text = text[: len(text) - len(phrase)].rstrip(_EDGE)
                break
        else:
            return text


def _check_general(words: list[str], *, clauses: bool = True) -> None:
    if _only(words, _TIME_OR_FUNCTION):
        raise Refused("a time, not a fact")
    if _needs_context(words) or not _STANDING_FOR.isdisjoint(words):
        raise Refused("needs the message to be understood")
    if _only(words, _VAGUE_OR_FUNCTION):
        raise Refused("too vague to be a fact")
    if not SECOND_PERSON.isdisjoint(words):
        raise Refused("about the other party, not the user")
    if clauses and not CLAUSE_WORDS.isdisjoint(words):
        raise Refused("a clause, not a value")


# -- per field -----------------------------------------------------------------------------


def _check_age(text: str, words: list[str], message: str) -> FieldValue:
    age = _parse_age(words)
    if age is None:
        raise Refused("not a plausible human age (1-120)")
    _check_age_number(age, message)
    return str(age)


def _check_age_number(age: int | float, message: str) -> int | float:
    if not float(age).is_integer() or not MIN_AGE <= age <= MAX_AGE:
        raise Refused("not a plausible human age (1-120)")
    if _number_is_a_count(int(age), message):
        raise Refused("a count, rating or measure, not an age")
    return age


def _parse_age(words: list[str]) -> int | None:
    for unit in AGE_UNITS:
        parts = unit.split()
        if len(words) > len(parts) and words[-len(parts) :] == parts:
            words = words[: -len(parts)]
            break
    if len(words) == 1 and words[0].isdigit():
        return int(words[0])
    joined = "-".join(words).split("-")
    if len(joined) == 1 and joined[0] in VALUE_NUMBER_WORDS:
        return VALUE_NUMBER_WORDS[joined[0]]
    if len(joined) == 1 and joined[0] in TENS_WORDS:
        return TENS_WORDS[joined[0]]
    units = VALUE_NUMBER_WORDS
    if len(joined) == 2 and joined[0] in TENS_WORDS and joined[1] in units and 0 < units[joined[1]] < 10:
        return TENS_WORDS[joined[0]] + VALUE_NUMBER_WORDS[joined[1]]
    return None


GLUED_AFTER = re.compile(r"\s*(?:%|/|x\b|th\b|st\b|nd\b|rd\b|k\b)")
AFTER_WORD = re.compile(r"[\w%/#]+")
AFTER_WINDOW = 64
BIRTHDAY_ORDINALS = [[suffix, "birthday"] for suffix in ("st", "nd", "rd", "th")]


def _number_is_a_count(age: int, message: str) -> bool:
    """True when the number stands in the message only as a percentage, rating, count or measure."""
    # The digits first, then what may stand before them: the scan skips to the digits
    # (a look-behind first would make it try every position of the message).
    digits = str(age)
    spots = list(re.finditer(rf"{digits}(?<![\w.]{digits})(?![\d.,]\d)", message))
    if not spots:
        return False  # written in words, or rewritten by the extractor: nothing to read
    for spot in spots:
        # The last word before the number (casefold never makes or removes a space: the same
        # word as splitting the casefolded text, without casefolding all of it).
        before = [word.casefold() for word in message[: spot.start()].rsplit(None, 1)[-1:]]
        after_text, after = _after(message, spot.end())
        if after[:2] in BIRTHDAY_ORDINALS:
            return False  # "my 41st birthday": the age reached
        glued = GLUED_AFTER.match(after_text)
        counted = bool(glued) or bool(after and (after[0] in NOT_AGE_FOLLOWERS or after == ["out", "of"]))
        ranked = bool(before) and (before[-1].strip("#") in NOT_AGE_LEADERS or before[-1].endswith("#"))
        if not counted and not ranked:
            return False
    return True


def _after(message: str, end: int) -> tuple[str, list[str]]:
    """The casefolded text after `end` and its first two words. A window of it is enough when it
    holds three words (casefold works character by character, so the window's words are the
    text's): then neither the two words nor a glued unit can run past it."""
    if end + AFTER_WINDOW < len(message):
        window = message[end : end + AFTER_WINDOW].casefold()
        words = AFTER_WORD.findall(window)
        if len(words) >= 3:
            return window, words[:2]
    text = message[end:].casefold()
    return text, AFTER_WORD.findall(text)[:2]


def _says_my(words: list[str], message: str) -> bool:
    """Whether the message speaks of these words as the user's own ("my little sister")."""
    said, wanted = _message_words(message), tuple(words)
    return any(any(w in ("my", "our") for w in said[max(i - 3, 0) : i]) for i in _mentions(said, wanted))


def _mentions(said: tuple[str, ...], wanted: tuple[str, ...]) -> list[int]:
    """Where `wanted` stands in `said` (every start, in order). The first word is found with
    tuple.index, a C scan: a message of 4 KB has ~800 words, and a loop over them in Python
    for each value cost more than the rest of the check."""
    if not wanted:
        return list(range(len(said)))  # the empty phrase: at every word (the callers never ask)
    found: list[int] = []
    last = len(said) - len(wanted)
    first = wanted[0]
    if isinstance(said, MessageWords):  # where the first word stands is known: no scan at all
        for at in said.starts(first):
            if at > last:
                break
            if said[at : at + len(wanted)] == wanted:
                found.append(at)
        return found
    at = 0
    while at <= last:
        try:
            at = said.index(first, at, last + 1)
        except ValueError:
            break
        if said[at : at + len(wanted)] == wanted:
            found.append(at)
        at += 1
    return found


def _cut_name(text: str) -> str:
    """A name ends at the first function word or comma ("Nick, whats your name" -> "Nick")."""
    kept: list[str] = []
    for token in text.split():
        bare = token.strip(_EDGE)
        if kept and bare.casefold().replace("’", "'") in VALUE_FUNCTION_WORDS:
            break
        kept.append(bare)
        if token.rstrip().endswith((",", ";", ":", "!", "?")):
            break
    return " ".join(kept)


ACTIVITY_GERUND_WORDS = frozenset(ACTIVITY_GERUNDS)


def _check_name(text: str, words: list[str], message: str) -> FieldValue:
    if len(words) > 4 or any(not re.fullmatch(r"[^\W\d_]+(?:['’.-][^\W\d_]+)*\.?", w) for w in words):
        raise Refused("does not look like a name")
    if words[-1].endswith(("'s", "’s")):
        raise Refused("someone else's name, not the user's")  # "I'm Sarah's mom"
    for word in words:
        if word in NOT_NAME_WORDS or word in PET_WORDS or word in VALUE_FUNCTION_WORDS:
            raise Refused("a common word, not a name")
        if word in ACTIVITY_GERUND_WORDS:
            raise Refused("an activity, not a name")  # "Bouldering though, I'm hooked"
        if len(word) > 5 and word.endswith(VALUE_ADJECTIVE_SUFFIXES):
            raise Refused("an adjective, not a name")
    said = _message_words(message)
    wanted = tuple(words)
    mentions = _mentions(said, wanted)
    before = [list(said[max(i - 4, 0) : i]) for i in mentions]
    after = [list(said[i + len(words) : i + len(words) + 6]) for i in mentions]
    if any(_ends_with(b, STRONG_SELF_NAMING) for b in before):
        return text
    # The extractor capitalised what was typed in lower case (a name the message never says, an LLM's, is not read).
    lowered_only = len(words) == 1 and text not in message and words[0] in _message_word_set(message)
    if lowered_only and (
        (len(text) > 5 and text.endswith("ing")) or (_capitalises_i(message) and not _greeted(before, after))
    ):
        # "it's pouring here": a lower-case "-ing" word is the weather or a state, not a name; "I'm cranky
        # because…": one who types "I" in capitals types a name so too, unless greeting ("hi, I'm sam", "I'm
        # sam, nice to meet you"). "i'm sam" is kept.
        raise Refused("a state typed in lower case, not a name")
    if any(_pet_before(b) for b in before) or any(_pet_after(a) for a in after):
        raise Refused("a pet's name, not the user's")
    if _for_an_occasion(words, message):
        raise Refused("a part played once, not the user's name")  # "I'm Santa at the office party"
    introduced = any(_ends_with(b, INTRODUCTIONS) for b in before)
    if introduced and not any(_ends_with(b, SELF_NAMING) for b in before):
        raise Refused("someone introduced to the listener, not the user")
    return text


_GREETING_BEFORE = frozenset("hi hey hello hiya yo howdy greetings".split())
_GREETING_AFTER = frozenset("nice pleased glad btw here".split())


def _greeted(before: list[list[str]], after: list[list[str]]) -> bool:
    """A name told with a greeting: "hey, I'm sam", "I'm sam, nice to meet you", "I'm sam btw"."""
    greeted_before = any(not _GREETING_BEFORE.isdisjoint(b) for b in before)
    return greeted_before or any(a[:1] and a[0] in _GREETING_AFTER for a in after)


def _capitalises_i(message: str) -> bool:
    """The writer types the pronoun "I" in capitals ("I'm", "I ", "I've"…): no phone does that for a name."""
    return "I'" in message or "I " in message or "I’" in message


def _ends_with(words: list[str], starts: tuple[str, ...]) -> bool:
    return any(words[-len(p.split()) :] == p.split() for p in starts)


def _pet_before(words: list[str]) -> bool:
    """ "my dog Rex", "a kitten named Miso"."""
    if words[-1:] and words[-1] in ("named", "called"):
        words = words[:-1]
    return bool(words) and words[-1] in PET_WORDS


def _pet_after(words: list[str]) -> bool:
    """ "Rex, our new puppy", "Rex is my cat"."""
    for word in words:
        if word in PET_WORDS:
            return True
        if word not in PET_LINKS:
            return False
    return False


_SAME_OR_OTHER = frozenset("other same next this that these those there here".split())


def _check_location(text: str, words: list[str], message: str) -> FieldValue:
    if words[0] in PLACE_PREPOSITIONS and len(words) > 1:
        text, words = text.split(None, 1)[1], words[1:]
    if words[0] in PREPOSITIONS:
        raise Refused("a prepositional phrase, not a place")
    at = words.index("in") if "in" in words[1:-1] else 0
    if at and words[at - 1] in NOT_PLACE_HEADS:  # "a law firm in Bristol": the place is Bristol
        text, words = re.split(r"\s+in\s+", text, maxsplit=1, flags=re.I)[1], words[at + 1 :]
    if _only(words, _NOT_PLACE_OR_FUNCTION) or words[-1] in NOT_PLACE_HEADS:
        raise Refused("a state, not a place")
    own = _drop_leading(words, _DETERMINER_STARTS)
    if own[:2] == ["middle", "of"] or not VALUE_RELATIVES.isdisjoint(own):
        raise Refused("not a place")  # "the middle of dinner", (near) "my parents"
    if own[0] in _SAME_OR_OTHER:
        raise Refused("needs the message to be understood")  # "the other side of town", "the same city"
    if _only(own, BARE_PLACE_NOUNS):
        raise Refused("a kind of place, not where")  # "the city", "a farm": which one?
    if _is_number(text):
        raise Refused("a number, not a place")
    if _for_an_occasion(words, message):
        raise Refused("a place stayed in for a while, not where the user lives")  # "I'm in Madrid for the summer"
    return text


_WHEN_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday weekend weekends morning afternoon evening night "
    "noon tonight today tomorrow early late next this after before".split()
)
# "I can either be found cooking or fishing", "I can be stubborn": a state or a choice, no skill.
_NOT_SKILL_STARTS = frozenset("either neither be been being".split())


def _check_skill(text: str, words: list[str], message: str) -> FieldValue:
    if words[0] in _NOT_SKILL_STARTS:
        raise Refused(f'"can {words[0]} …" is no skill')
    # ("Go", capitalised and alone, is the programming language: "I mostly write Go".)
    if words[0] in VALUE_NOT_SKILL_VERBS and text != "Go":
        raise Refused(f'"can {words[0]}" is no skill')
    if _done_for_listener(words[0], message) or "us" in words[1:]:
        raise Refused("an offer to the other party, not a skill")  # "I can teach you", "drive us there"
    if _only(words, _WHEN_WORDS):
        raise Refused("a time, not a skill")  # "I can do Tuesday afternoon"
    if _object_left_behind(words, message):
        raise Refused("needs the message to be understood")
    return text


# What a doing was done to or with, left behind in the message: "spending money on it", "singing
# all the songs from that film": without its object the doing says another thing, or nothing.
_LEFT_OBJECTS = frozenset("it them that this those these".split())


def _object_left_behind(words: list[str], message: str) -> bool:
    if len(words[0]) <= 4 or not words[0].endswith("ing"):
        return False
    said = _message_words(message)
    # Where the value's last word stands, found in C (_mentions): not a Python loop over every
    # word of the message for every value.
    return any(
        i + 2 < len(said) and said[i + 1] in PREPOSITIONS and said[i + 2] in _LEFT_OBJECTS
        for i in _mentions(said, (words[-1],))
    )


# "I like silver more", "I like the blue one better": the comparison is no part of the thing liked.
_COMPARATIVE_TAIL = frozenset("more better less".split())
# An adjective alone, left when a list is cut ("big and small", "clean and healthy"): of what?
_BARE_ADJECTIVES = frozenset(
    "small big large little tiny huge clean aged fermented fresh raw cheap expensive fancy plain".split()
)
# What nobody enjoys, said to be loved: irony ("I just adore being stuck in traffic").
# Cues of mock enthusiasm before a chore loved: "Yeah I totally love doing taxes".
_MOCKING = re.compile(r"\b(?:yeah|totally|oh\s+(?:great|joy|sure|boy))\b", re.I)
_ANNOYANCE = re.compile(r"^(?:being|getting)\s+stuck\b|^waiting\s+(?:on\s+hold|in\s+(?:a\s+)?line|in\s+traffic)")


def _check_preference(text: str, words: list[str], message: str) -> FieldValue:
    if len(words) > 1 and words[-1] in _COMPARATIVE_TAIL and words[-2] not in VALUE_FUNCTION_WORDS:
        text, words = text.rsplit(None, 1)[0], words[:-1]
    own = _drop_leading(words, _DETERMINER_STARTS) or words
    if own and own[-1] in _ONES_OWN_PEOPLE and _says_my(own, message):
        if own[-1] in PEOPLE_AROUND:
            raise Refused("the user's own people, not a preference")  # "my patients"
        raise Refused("the user's own family or pet, not a preference")
    if words[0] in PREPOSITIONS and words[0] != "to" and len(words) > 1:
        raise Refused("a prepositional phrase, not a thing liked or disliked")  # "for dinner vegetables"
    if words[0] == "to" and len(words) > 1 and words[1] in _COURTESY_VERBS:
        raise Refused("a courtesy to the other party, not a preference")
    content = [w for w in words if w not in VALUE_FUNCTION_WORDS]
    if words[0] in _DETERMINER_WORDS and content and _only(content, VALUE_COURTESY_OBJECTS):
        raise Refused("a courtesy to the other party, not a preference")
    if words[0] in _NEGATIONS:
        raise Refused("a negation, not a thing liked or disliked")
    if words[0] in ("let's", "lets"):
        raise Refused("a suggestion, not a thing liked or disliked")  # "I like it, let's go"
    if len(own) == 1 and own[0] in _BARE_ADJECTIVES:
        raise Refused("needs the message to be understood")
    if _ANNOYANCE.match(text.casefold()) or (not _CHORE_WORDS.isdisjoint(words) and _MOCKING.search(message)):
        raise Refused("an annoyance said in irony, not a preference")  # "nothing scary" is a dislike, unread
    if _EXCEPTIONS.match(text.casefold()):
        raise Refused("an exception, not a thing liked or disliked")
    if _object_left_behind(words, message):
        raise Refused("needs the message to be understood")
    if _only(words, _VAGUE_OR_EVERYTHING) and not _is_title(text):
        raise Refused("too vague to be a fact")
    if _only(words, _DEICTIC_OR_DETERMINER):
        raise Refused("needs the message to be understood")
    if _only(own, MOOD_WORDS) or (own[0] in MOOD_VERBS and _only(own[1:], _MOOD_OR_VAGUE)):
        raise Refused("a mood, not a thing liked or disliked")  # "being happy", "cozy"
    if own[0] in LIGHT_GERUNDS and _only(own[1:], _VAGUE_OR_HEADS):
        raise Refused("needs the message to be understood")  # "staying" (in), "seeing" (you), "doing things"
    if (own[-1] in REFERRING_NOUNS or (len(own) == 2 and own[0] in _PASSING)) and _refers_back(own, message):
        raise Refused("needs the message to be understood")  # "the show", "watching the game"
    if _one_thing(own, message):
        raise Refused("one thing of one occasion, not a taste")  # "my new earrings", "the cake you baked"
    if len(own) == 1 and own[0].endswith("ing") and _done_for_listener(own[0], message, _WITH_LISTENER):
        raise Refused("a courtesy to the other party, not a preference")  # "chatting with you"
    if len(own) == 1 and own[0].endswith("ing") and _said_before_but(own[0], message):
        raise Refused("a courtesy to the other party, not a preference")  # "I hate to ask, but …"
    if words[-1] in _VAGUE_HEADS and not any(w.endswith("ing") for w in words):
        raise Refused("too vague to be a fact")  # "old stuff": stuff of what? ("fixing things" is an activity)
    cut = _WHY_DONE.sub("", text)
    if cut != text and _words(cut):  # "piano to relax" -> "piano": why it is done is no part of it
        text, words = cut, _words(cut)
    kinds = _KINDS_OF.match(text)
    if kinds and len(words) > 2:  # "all kinds of music" -> "music"
        return text[kinds.end() :]
    return text


_MOOD_OR_VAGUE = MOOD_WORDS | VAGUE_WORDS
_VAGUE_OR_HEADS = VAGUE_WORDS | _VAGUE_HEADS
# What points back at a thing the conversation named: "the show", "this game", "your plan".
# Words that leave "the new place", "the latest episode" pointing at one thing the conversation named.
_PASSING = frozenset("new old same other last next first whole latest current recent".split())
_POINTING = frozenset("the this that these those your his her their its".split())
# After a verb, the listener it is done to or for: "teach you", "cook for you", "lend ya".
_FOR_LISTENER = re.compile(
    r"\s+(?:(?!(?:can|could|do|does|did|what|how|about|and|but|so|are|will|would|have)\b)[\w'’]+\s+){0,3}?"
    r"(?:you|ya|u|y'all|yall)\b(?!\s*\?)"
)
# A doing shared with the other party: "chatting with you", "talking to you".
# Or done to them: "I hate to bother you", "interrupting you".
_WITH_LISTENER = re.compile(r"\s+(?:(?:with|to|for)\s+)?(?:you|ya|u|y'all|yall)\b")


def _verb_forms(word: str) -> tuple[str, ...]:
    """The forms a value's verb may have in the message: "cooking" may stand as "cook",
    "baking" as "bake", "swimming" as "swim"."""
    if not word.endswith("ing") or len(word) <= 4:
        return (word,)
    stem = word[:-3]
    forms = [word, stem, stem + "e"]
    if len(stem) > 2 and stem[-1] == stem[-2]:
        forms.append(stem[:-1])
    if stem.endswith("y"):
        forms.append(stem[:-1] + "ie")
    return tuple(forms)


def _done_for_listener(word: str, message: str, after: re.Pattern[str] = _FOR_LISTENER) -> bool:
    """Whether every time the message says this verb it is done to or for the other party
    ("I can teach you", "I can cook for you sometime"): an offer, not something of the user's own."""
    # First on the message's words (read once per message, found with tuple.index in C): a
    # mention with no "you" in the four words after it is the user's own, and ends the check.
    forms = _verb_forms(word)
    near = _before_listener(message)
    if near.isdisjoint(forms):
        return False  # the verb never stands just before a "you": the common case, one set test
    present = _message_word_set(message)
    said, seen = _message_words(message), False
    forms = tuple(f for f in forms if f in present)
    for form in forms:
        for i in _mentions(said, (form,)):
            if SECOND_PERSON.isdisjoint(said[i + 1 : i + 5]):
                return False
            seen = True
    if not seen:
        return False
    # Every mention has a "you" after it: read the text itself, punctuation and all.
    low = _folded(message)
    seen = False
    for form in forms:
        at = low.find(form)  # str.find, a C scan: a regex with look-arounds cost ~20x more on 4 KB
        while at >= 0:
            end = at + len(form)
            if not (_in_word(low, at - 1) or _in_word(low, end)):
                if not after.match(low, end):
                    return False
                seen = True
            at = low.find(form, end)
    return seen


# "I hate to ask, but …", "I hate to say it but": an apology before a request, no dislike.
_HATE_TO_BUT = re.compile(r"\bhate\s+to\s+([a-z]+)(?:\s+[\w']+){0,3}?\s*(?:,|\s+but\b)")


def _said_before_but(word: str, message: str) -> bool:
    low = _folded(message)
    if "hate to" not in low:
        return False
    forms = _verb_forms(word)
    return any(match.group(1) in forms for match in _HATE_TO_BUT.finditer(low))


def _in_word(text: str, at: int) -> bool:
    """Whether the character at `at` (if any) continues a word."""
    return 0 <= at < len(text) and (text[at].isalnum() or text[at] in "'’_")


@lru_cache(maxsize=1)
def _before_listener(message: str) -> frozenset[str]:
    """The words in the four before each "you" of the message (read once per message)."""
    said, near = _message_words(message), set[str]()
    for person in SECOND_PERSON & _message_word_set(message):
        for i in _mentions(said, (person,)):
            near.update(said[max(i - 4, 0) : i])
    return frozenset(near)


@lru_cache(maxsize=1)
def _message_word_set(message: str) -> frozenset[str]:
    """The message's words as a set: a form the message never says is skipped without a scan."""
    return frozenset(_message_words(message))


@lru_cache(maxsize=1)
def _folded(message: str) -> str:
    """The message casefolded, once for all the values of one message (cleared with _message_words)."""
    return message.casefold()


def _refers_back(own: list[str], message: str) -> bool:
    """Whether the value's last noun stands in the message (or the value) after "the", "this",
    "your"…: "the show" is one thing only the conversation knows. Bare plurals and names pass."""
    if len(own) > 1 and own[-2] in _POINTING:
        return True  # "watching the game"
    if len(own) > 2 or (len(own) == 2 and own[0] not in _PASSING):
        return False  # "the new Batman movie", "the horror movie": named enough
    said = _message_words(message)
    return any(i > 0 and said[i - 1] in _POINTING for i in _mentions(said, tuple(own)))


# Who did something to the one thing a like names ("the soup she made", "the logo they revealed").
_DOERS = frozenset("you they he she we u ya".split())
_OWNERS = frozenset("my our his her their your the this that".split())


def _one_thing(own: list[str], message: str) -> bool:
    """Whether a like names one thing of one occasion, not a kind of thing: a thing newly got ("my new
    earrings", "the new update"), or one told by what someone did to it ("the logo they revealed", "the
    sweater my aunt knitted", "the cake you recommended", where the extractor kept only "cake")."""
    if len(own) > 1 and (not _DOERS.isdisjoint(own[1:]) or (own[-1].endswith("ed") and ("my" in own or "our" in own))):
        return True  # the doer inside the value
    if len(own) > 4 or (own[0] != "new" and len(own) > 2):
        return False  # ("the new Taylor Swift album" is one album)
    said = _message_words(message)
    for i in _mentions(said, tuple(own)):
        if i == 0 or said[i - 1] not in _OWNERS:
            continue  # "I love new places", "cake" said bare: a kind of thing
        if own[0] == "new" or (i + len(own) < len(said) and said[i + len(own)] in _DOERS):
            return True
    return False


# Why a pastime is done, trailing it: "piano to relax", "running to stay fit", "to clear my head".
_WHY_DONE = re.compile(
    r"\s+(?:in\s+order\s+|so\s+as\s+)?to\s+(?:relax|unwind|de-?stress|decompress|stay|keep|clear|pass|blow|earn|"
    r"escape|calm|chill|cope|burn|lose)\b.*$",
    re.I,
)


# A parent at home is an occupation, though "dad" alone is none.
_STAY_AT_HOME = re.compile(r"^stay[- ]at[- ]home[- ](?:mom|mum|dad|parent|mother|father)$", re.I)


def _check_role(text: str, words: list[str], message: str) -> FieldValue:
    if _STAY_AT_HOME.match(text):
        return text
    text, words = _cut_purpose(text, words)
    head = words[: next((i for i, w in enumerate(words) if w in PREPOSITIONS), len(words))]
    if not NOT_ROLE_WORDS.isdisjoint(head) or words[:3] == ["fish", "out", "of"]:
        raise Refused("not an occupation")
    if len(head) < len(words) and not JOKE_TITLE_OBJECTS.isdisjoint(words[len(head) :]):
        raise Refused("a joke title, not an occupation")  # "the CEO of procrastination", "head of snacks"
    if head and head[-1] in DEMONYMS:
        raise Refused("a nationality, not an occupation")
    if head and head[-1] in PET_WORDS:
        raise Refused("an animal, not an occupation")  # "plot twist: I'm actually a cat"
    if len(words) == 1 and words[0] in VAGUE_ROLES:
        raise Refused("too vague to be a fact")
    if words[0] in PREPOSITIONS:
        raise Refused("a prepositional phrase, not an occupation")
    if len(words) > 2 and words[0].endswith("ing") and words[1] in _DETERMINER_WORDS and _now_doing(words[0], message):
        raise Refused("an activity, not an occupation")  # "I'm shadowing a surgeon for a day"
    if words[0] in _STANDING_IN and _COVERING.search(message):
        raise Refused("a post held for a while, not an occupation")  # "acting manager while my boss is away"
    if _for_an_occasion(words, message):
        raise Refused("a part for one occasion or a while, not an occupation")  # "a juror this week"
    return text


def _now_doing(gerund: str, message: str) -> bool:
    """ "I'm shadowing …": the doing told as what the user is doing now ("I drive a truck for a
    living", read as "driving a truck", is not)."""
    return re.search(rf"\bi(?:'m|’m|\s+am)\s+(?:\w+\s+)?{re.escape(gerund)}\b", _folded(message)) is not None


_STANDING_IN = frozenset("acting interim temporary temp stand-in substitute relief cover".split())
_COVERING = re.compile(
    r"\b(?:while|until|till|for\s+now|this\s+week|for\s+(?:a|the|two|three)\s+(?:few\s+)?(?:days?|weeks?))\b", re.I
)


def _check_employer(text: str, words: list[str], message: str) -> FieldValue:
    text, words = _cut_purpose(text, words)
    if words[0] in NOT_EMPLOYER_STARTS or _is_number(text):
        raise Refused("not an employer")
    if words[0] in WORKPLACE_SETTINGS and (len(words) == 1 or words[1] in AFTER_WORKPLACE_SETTING):
        raise Refused("a setting at work, not an employer")
    if words[0] in PREPOSITIONS or (len(words) > 1 and words[0].endswith("ing") and words[1] in PREPOSITIONS):
        raise Refused("an activity, not an employer")
    if any(w.removesuffix("'s") in ("everyone", "everybody", "someone", "people") for w in words):
        raise Refused("an activity, not an employer")
    if words[-1] in _ONE_DAY_EVENTS or _for_an_occasion(words, message):
        raise Refused("an event, not an employer")  # "a plus one at the wedding", "a guest at the conference"
    if _at_after_no_job(text, message):
        raise Refused("what a non-job was at, not an employer")  # "a regular at the Crown", "a newbie at chess"
    return text


def _at_after_no_job(text: str, message: str) -> bool:
    """Whether the message tells the employer after "I'm … at" and a word that is no occupation ("I'm a
    regular at the Crown pub", "I'm a big fan of the staff at Pret"): up to eight words before "at"."""
    folded = _folded(message)
    at = folded.find(text.casefold())
    if at < 0:
        return False
    before = folded[max(at - 50, 0) : at].split()
    if before and before[-1] in _DETERMINER_WORDS:
        before = before[:-1]
    if not before or before[-1] != "at":
        return False
    told = next((i for i in range(len(before) - 2, max(len(before) - 9, -1), -1) if before[i] in _I_AM_WORDS), None)
    return told is not None and not NOT_ROLE_WORDS.isdisjoint(before[told + 1 : -1])


_I_AM_WORDS = frozenset("i'm i’m im am".split())


_ONE_DAY_EVENTS = frozenset(
    "wedding weddings conference party funeral concert reunion meetup shower game match festival gala".split()
)
# Where a part is played once ("a judge at the science fair", "the referee for the game"), and the times
# that make a post one of the moment ("a juror this week", "Santa at the office party this year").
_OCCASIONS = _ONE_DAY_EVENTS | frozenset(
    "fair fete trial quiz christening ceremony recital tournament race marathon fundraiser auction show".split()
)
_NOW_WORDS = frozenset("today tonight tomorrow".split())
_SOON_OR_NOW = frozenset("this next".split())
_SPANS = frozenset("week weekend month year morning afternoon evening".split())
# A stretch that ends ("for the summer", "this semester", "until March"): a post or a home held for it is passing.
_SEASONS = frozenset("summer winter spring autumn fall season semester term holidays".split()) | _SPANS
_UNTIL = frozenset("until till til".split())
_MONTHS = frozenset(
    "january february march april may june july august september october november december next the".split()
)
# Where the clause telling a post ends: what comes after is another thought ("a nurse, on nights tonight").
_POST_CLAUSE_END = re.compile(r"[.,;:!?\n]|\s(?:and|but|so|because|who|that|which|when|while)\s")
# "I'm" before a post, and words that make it a change told with a day ("I'm starting as …").
_I_AM_BEFORE = re.compile(r"\bi(?:'m|’m|\s+am|m)\s+(?:[^.,;:!?\n]*\s)?$")
_CHANGE_WORDS = frozenset("starting started start promoted hired new first becoming joining moving back now".split())


def _for_an_occasion(words: list[str], message: str) -> bool:
    """Whether the rest of the clause after the value (or the value's own end) names one occasion, a time
    of the moment or a stretch that ends: "a bridesmaid at my cousin's wedding", "a judge at the fair
    today", "a lifeguard for the summer", "based in Singapore until March". Read from
    where the value's last word stands in the message, up to the clause's end (eight words at most)."""
    folded = _folded(message)
    at = folded.find(words[-1])
    if at < 0:
        return False
    # Only a post told with "I'm" ("I'm a juror …"): a change told with a day stays one ("got promoted to
    # lead today", "I start at Arup tomorrow").
    before = folded[max(at - 60, 0) : at]
    told = _I_AM_BEFORE.search(before)
    if not told or not _CHANGE_WORDS.isdisjoint(before[told.end() :].split()):
        return False
    rest = folded[at + len(words[-1]) : at + len(words[-1]) + 80]
    end = _POST_CLAUSE_END.search(rest)
    said = [w.strip("'\"()") for w in (rest[: end.start()] if end else rest).split()[:8]]
    opening = re.split(r"[.,;:!?\n]", before[: told.start()])[-1].split()[-4:]
    said = [*opening, *said]  # "this week I'm in Paris": the time may open the clause
    if len(words) > 1 and words[-1] in _SOON_OR_NOW:
        said = [words[-2], words[-1], *said]  # "cousin's wedding next" (month): the value's end is read too
    said.append("")  # (so that the word after any word can be read)
    return any(
        w in _OCCASIONS
        or w in _NOW_WORDS
        or (w in _SOON_OR_NOW and said[i + 1] in _SEASONS)
        or (w == "the" and i > 0 and said[i - 1] == "for" and said[i + 1] in _SEASONS)
        or (w in _UNTIL and said[i + 1] in _MONTHS)
        for i, w in enumerate(said[:-1])
    )


def _cut_purpose(text: str, words: list[str]) -> tuple[str, list[str]]:
    """ "a bar to pay for school" -> "a bar": why someone works there is not where they work."""
    cut = _PURPOSE.sub("", text)
    return (cut, _words(cut)) if cut != text and _words(cut) else (text, words)


_GOAL_POINTING = frozenset("this that these those".split())


def _check_goal(text: str, words: list[str], message: str) -> FieldValue:
    if len(words) == 1 and words[0] in OBJECTLESS_VERBS:
        raise Refused("needs the message to be understood")
    if not _GOAL_POINTING.isdisjoint(words) or (words[0] in ("kind", "sort", "type") and words[1:2] == ["of"]):
        raise Refused("needs the message to be understood")  # "finish this chapter", "the kind of person"
    if len(words) == 1 and (words[0] in MOOD_WORDS or words[0] in STATE_GOALS):
        return f"be {text}"  # "rich" alone reads as a thing; the goal is to be rich
    return text


_STUDY_TIMES = frozenset("night nights day days morning evening weekend hours hard".split())


def _check_education(text: str, words: list[str], message: str) -> FieldValue:
    if words[0] in PREPOSITIONS - PLACE_PREPOSITIONS:
        raise Refused("a prepositional phrase, not an education")
    if words[0] in _STUDY_TIMES:
        raise Refused("how long or hard one studied, not an education")  # "studied all night for it"
    return text


def _check_possession(text: str, words: list[str], message: str) -> FieldValue:
    if words[0] in _NEGATIONS:
        raise Refused("a negation, not a thing owned")  # "no idea"
    if _only(_drop_leading(words, _DETERMINER_STARTS), _NOT_OWNED):
        raise Refused("not a thing owned")  # "a question", "a lot of work", "a meeting"
    if not _NOT_OWNED_YET.isdisjoint(words):
        raise Refused("had for a while, not owned")  # "a rental car this week", "a loaner laptop"
    return text


_NOT_OWNED = NOT_POSSESSIONS | VAGUE_WORDS | VALUE_FUNCTION_WORDS
_NOT_OWNED_YET = frozenset("rental rented loaner loaned borrowed hired temporary".split())


# After a pet's word, that it is no more: "my dog passed away", "our cat died last spring".
_GONE_AFTER = re.compile(
    r"(?:\s+[\w'’]+){0,2}?\s+(?:passed|died|is\s+gone|was\s+put\s+(?:down|to\s+sleep)|ran\s+away|went\s+missing|"
    r"got\s+(?:lost|hit|run\s+over))\b"
)
_GONE_BEFORE = re.compile(r"\b(?:lost|buried)\s+(?:my|our)(?:\s+[\w'’]+){0,2}?\s+$")


def _check_pet(text: str, words: list[str], message: str) -> FieldValue:
    if words == ["pet"]:
        raise Refused("too vague to be a fact")  # "any pet friendly hotels?": no animal named
    if _pet_gone(words[-1], message):
        raise Refused("a pet that is gone, not one the user has")
    if _pet_for_another(words[-1], message):
        raise Refused("an animal got for someone else, not the user's pet")  # "a kitten for my niece's birthday"
    if _pet_not_kept(words[-1], message):
        raise Refused("a nuisance, an allergy or a short stay, not a pet")  # "a rat problem", "a cat allergy"
    return text


# After an animal: for whom or what it was got, when that is not the user ("a puppy for my nephew's
# birthday", "a hamster for the classroom"; "a kitten for christmas" is the user's own).
_FOR_ANOTHER = re.compile(
    r"\s+for\s+(?:(?:my|his|her|our|their|the|a)\s+)?(?:[\w-]+(?:'s|’s)\s|(?:[\w-]+\s+)?(?:classroom|class|office|school)\b)"
)


# After an animal: a nuisance, an allergy or a short stay, no animal kept ("a rat problem", "a mouse
# infestation", "a cat allergy", "3 cats visiting this weekend", "a dog to look after for a week").
# ("I have a dog at the office" is kept: one's own dog may come to work.)
_NOT_KEPT_AFTER = re.compile(
    r"\s+(?:problems?|issues?|infestation|plague|allergy|allergies|visiting|staying|over\s+for|"
    r"(?:to\s+)?(?:look\s+after|mind|sit|pet-?sit)\b|for\s+(?:the|a|this)\s+(?:weekend|week|night|few\s+days))\b",
    re.I,
)


def _pet_not_kept(word: str, message: str) -> bool:
    """Whether every time the message names this animal it is a nuisance, an allergy or a stay."""
    return _every_mention(word, message, lambda low, _at, end: bool(_NOT_KEPT_AFTER.match(low, end)))


def _every_mention(word: str, message: str, holds: Callable[[str, int, int], bool]) -> bool:
    """Whether the message names `word` (as a whole word) and `holds(folded message, start, end)`
    is true of every place it does."""
    low = _folded(message)
    seen = False
    at = low.find(word)
    while at >= 0:
        end = at + len(word)
        if not (_in_word(low, at - 1) or _in_word(low, end)):
            if not holds(low, at, end):
                return False
            seen = True
        at = low.find(word, end)
    return seen


def _pet_for_another(word: str, message: str) -> bool:
    """Whether every time the message names this animal it was got for someone or something else."""
    return _every_mention(word, message, lambda low, _at, end: bool(_FOR_ANOTHER.match(low, end)))


def _pet_gone(word: str, message: str) -> bool:
    """Whether every time the message names this animal it says it died or is lost."""
    return _every_mention(
        word,
        message,
        lambda low, at, end: bool(_GONE_AFTER.match(low, end) or _GONE_BEFORE.search(low, max(at - 40, 0), at)),
    )


# Chores: what one spends time on is no interest when it is one of these ("cleaning the house").
_CHORE_WORDS = frozenset(
    "chores chore cleaning laundry housework errands homework paperwork ironing vacuuming dishes groceries taxes"
    .split()
)


def _check_interest(text: str, words: list[str], message: str) -> FieldValue:
    if not _CHORE_WORDS.isdisjoint(words):
        raise Refused("a chore, not an interest")  # "doing chores", "cleaning the house"
    if "named" in words[1:] or "called" in words[1:]:
        raise Refused("a character or one thing, not an interest")  # "I play a knight named Roland"
    return _check_preference(text, words, message)


def _check_family(text: str, words: list[str], message: str) -> FieldValue:
    """ "my mother-in-law" is no "mother": the relative keeps the "-in-law" the message gives it."""
    low = _folded(message)
    last = words[-1]
    if "-in-law" in low and f"{last}-in-law" in low and f"{last}-in-law" not in text.casefold():
        return f"{text}-in-law"
    return text


FIELD_CHECKS = {
    "family": _check_family,
    "pets": _check_pet,
    "possessions": _check_possession,
    "age": _check_age,
    "name": _check_name,
    "location": _check_location,
    "skills": _check_skill,
    "likes": _check_preference,
    "interests": _check_interest,
    "dislikes": _check_preference,
    "role": _check_role,
    "employer": _check_employer,
    "education": _check_education,
    "goals": _check_goal,
}


# -- helpers -------------------------------------------------------------------------------


def _words(text: str) -> list[str]:
    # [w.strip("'’") for each token, if not empty], looped in C (map and filter): 2-3x faster.
    folded = text.casefold().replace("’", "'")
    long_ascii = len(folded) > _SHORT and folded.isascii()
    tokens = _ascii_tokens(folded) if long_ascii else _TOKEN.findall(folded)
    if "'" not in folded:  # ("’" is "'" by now) no token holds one: each strip keeps it whole, and none is empty
        return tokens
    return list(filter(None, map(str.strip, tokens, repeat("'’"))))


# _TOKEN's words on ASCII text without the regex (~4x faster on a message of 4 KB): every
# character outside its class and "-" becomes a space; in what is left, a word is a run of the
# class joined by single hyphens, so a chunk is cut at its runs of two or more.
_TOKEN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_'%#/")
_NOT_TOKEN_TO_SPACE = str.maketrans({chr(c): " " for c in range(128) if chr(c) not in _TOKEN_CHARS | {"-"}})
_HYPHENS = re.compile(r"-{2,}")
_SHORT = 100  # on a value's few words, the regex is the faster


def _ascii_tokens(text: str) -> list[str]:
    """_TOKEN.findall(text) for ASCII text."""
    spaced = text.translate(_NOT_TOKEN_TO_SPACE)
    if "-" not in spaced:  # no chunk to cut at hyphens: the chunks are the words
        return spaced.split()
    tokens: list[str] = []
    for chunk in spaced.split():
        if "-" not in chunk:
            tokens.append(chunk)
        else:
            tokens.extend(part for part in _HYPHENS.split(chunk.strip("-")) if part)
    return tokens


class MessageWords(tuple[str, ...]):
    """A message's words, with an index of them built in C once a few values have asked: the
    words joined by spaces (a word's places are where str.find finds it between two spaces) and
    where each word's space stands. The values of a dense message are found through it, not by a
    scan of the ~800 words of a 4 KB message each; a message with few such values is scanned."""

    # The words joined by spaces, " w0 w1 … "; "" when a word holds a space (then: scans).
    _joined: str | None = None
    _scans = 0
    _known: dict[str, list[int]] | None = None  # the places found through the join, by word (asked again)

    def starts(self, word: str) -> list[int]:
        """Every place `word` stands, in order."""
        joined = self._joined
        if joined is None:
            self._scans += 1
            if self._scans <= SCANS_BEFORE_INDEX:  # a scan or two cost less than the join
                return self._found(word, 0, len(self) - 1)
            joined = f" {' '.join(self)} "
            if joined.count(" ") != len(self) + 1:
                joined = ""  # a word holds a space
            self._joined = joined
        if not joined or not word or " " in word:
            return self._found(word, 0, len(self) - 1)
        known = self._known
        if known is None:
            known = self._known = {}
        elif word in known:
            return list(known[word])
        key, step = f" {word} ", len(word) + 1
        found: list[int] = []
        place = last = 0  # the word after the space at `last` is the `place`-th
        at = joined.find(key)  # on a word's space: no word holds one, so the word after it is `word`
        while at >= 0:
            place += joined.count(" ", last, at)  # (counted in C: the spaces before it are the words)
            found.append(place)
            last = at
            at = joined.find(key, at + step)  # (the next may start on this one's closing space)
        known[word] = found
        return list(found)

    def _found(self, word: str, at: int, last: int) -> list[int]:
        """The places of `word` from `at` to `last`, each found with tuple.index (a C scan)."""
        found: list[int] = []
        while at <= last:
            try:
                at = self.index(word, at, last + 1)
            except ValueError:
                break
            found.append(at)
            at += 1
        return found


SCANS_BEFORE_INDEX = 2


@lru_cache(maxsize=1)
def _message_words(message: str) -> MessageWords:
    """The message's words, read once for all the values of one message. check_events clears
    it when done, so no message (secrets and all) lingers in memory."""
    return MessageWords(_words(message))


def _needs_context(words: list[str]) -> bool:
    """A pronoun standing for something only the message names: "it", "this one", "doing it"."""
    if _only(words, _FUNCTION_OR_CONTEXT) and not NEEDS_CONTEXT.isdisjoint(words):
        return True
    return (len(words) <= 3 and words[-1] in _DANGLING) or words[-1] in ("it", "them")


def _is_number(text: str) -> bool:
    """ "1984", "sixteen", "two hundred": split on spaces only, so "7-Eleven" is a name."""
    return all(w.isdigit() or w in NUMBER_TOKENS for w in text.casefold().split())


def _only(words: list[str], vocabulary: frozenset[str]) -> bool:
    return vocabulary.issuperset(words)


def _is_title(text: str) -> bool:
    """Two or more words, each capitalised: a title or a proper name ("The Who", "You Me at Six")."""
    parts = text.split()
    if len(parts) < 2 or not parts[0][:1].isupper():
        return False
    return all(p[:1].isupper() or p in ("at", "of", "the", "and", "in", "on", "to", "a") for p in parts)


def _shown(value: object) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:37] + "..."
