"""Turning a matched span into a clean value: cut trailing clauses, strip determiners, split
items, and one builder per kind of field. Builders return [] for an unsure reading: a wrong
memory is worse than a missing one.
"""

from __future__ import annotations

import re
from itertools import repeat

from guards import sensitive_category
from prefilter import CaseBlind, lowered, may_open
from vocabulary import (
    ACTIVITY_GERUNDS_NEEDING_OBJECT,
    ADJECTIVE_SUFFIXES,
    AFFIRMATION_PHRASES,
    BUSINESSES,
    CHORES,
    CLAUSE_VERBS,
    COMPOUND_ITEMS,
    FUNCTION_WORDS,
    KIN_SLANG,
    LANGUAGES,
    LEADING_NON_VALUES,
    MONTHS_AND_SEASONS,
    NAMED_ELDERS_AND_KIN,
    NOT_AGE_UNITS,
    NOT_HABIT_PLACES,
    NOT_NAMES,
    NOT_ORIGIN_HEADS,
    NOT_PASTIME_OBJECTS,
    NOT_PLACE_HEADS,
    NOT_PLACES,
    NOT_RATHER_VERBS,
    NOT_ROLES,
    NUMBER_WORDS,
    PARTNERS_AND_CHILDREN,
    PET_OWNERS,
    PET_PHRASES,
    PETS,
    PIECES_OF_ONE_SHOW,
    PREPOSITIONS,
    PRONOUNS,
    RELATIVES,
    ROLE_NOUNS_LIKE_ADJECTIVES,
    SECOND_PERSON,
    TIME_WORDS,
    TRAILING_CLAUSE_PHRASES,
    WEEKDAYS,
    WORK_SETTINGS,
    alternation,
)

# "No one calls me Sam", "no longer": a "no" that opens a negation is no filler.
LEADING_FILLER = re.compile(
    rf"^(?:(?:{alternation(AFFIRMATION_PHRASES)})\b(?!\s+(?:one|longer|more)\b)[\s,!.…:]*)+", re.I
)

CUTS_BY_FIRST_WORD: dict[str, tuple[tuple[str, ...], ...]] = {}
for _phrase in TRAILING_CLAUSE_PHRASES:
    _words = tuple(_phrase.split())
    CUTS_BY_FIRST_WORD[_words[0]] = (*CUTS_BY_FIRST_WORD.get(_words[0], ()), _words)
_EDGE_PUNCTUATION = ",.!?;:\"'()"
_CUT_FIRST_WORDS = frozenset(CUTS_BY_FIRST_WORD) | {"for"}
_NOT_NAMES = frozenset(NOT_NAMES)
_LANGUAGES = frozenset(LANGUAGES)
_NOT_ROLES = frozenset(NOT_ROLES)
_IC_ROLES = frozenset(ROLE_NOUNS_LIKE_ADJECTIVES)
_NOT_PLACES = frozenset(NOT_PLACES)
_PRONOUNS = frozenset(PRONOUNS)
_LEADING_NON_VALUES = frozenset(LEADING_NON_VALUES)
_FUNCTION_WORDS = frozenset(FUNCTION_WORDS)
_CLAUSE_VERBS = frozenset(CLAUSE_VERBS)
_PET_OWNERS = frozenset(PET_OWNERS)
_TIME_WORDS = frozenset(TIME_WORDS)
_NOT_HABIT_PLACES = frozenset(NOT_HABIT_PLACES)
_PEOPLE = frozenset(RELATIVES) | frozenset(PET_OWNERS) | {"family", "folks", "grandparents", "friend", "friends"}
# (an in-law is its own relation: "my brother in law" is no brother)
# ("my other half": one's partner, never "my other half-sister" nor "the other half of it")
RELATIVES_RE = rf"(?:{alternation(RELATIVES)}|other\s+half(?![\w-]|\s+of\b))(?:[\s-]in[\s-]laws?)?"
PETS_RE = alternation(PETS + PET_PHRASES)
PARTNER_RE = re.compile(rf"\b(?P<rel>{alternation(PARTNERS_AND_CHILDREN)})\b", re.I)
# Relatives whose name may follow them ("my grandma Rosa"): partners, children, siblings, and these.
NAMED_RELATIVE_RE = re.compile(
    rf"\b(?P<rel>{alternation(PARTNERS_AND_CHILDREN + NAMED_ELDERS_AND_KIN)})\b",
    re.I,
)


def cut_trailing_clause(text: str) -> str:
    """Everything before the first word that starts a new clause (a word-by-word scan, no regex)."""
    # (one lower() of the text: lower-casing never makes or takes a space, so its words are the words lowered)
    keys = list(map(str.strip, text.lower().split(), repeat(_EDGE_PUNCTUATION)))  # each word's strip, looped in C
    if _CUT_FIRST_WORDS.isdisjoint(keys):
        return text  # no word that could start a cut: the scan below would find none
    words = text.split()
    for i, key in enumerate(keys):
        for phrase in CUTS_BY_FIRST_WORD.get(key, ()):
            if tuple(keys[i : i + len(phrase)]) == phrase:
                return " ".join(words[:i])
        if key == "for" and i + 2 < len(keys) and keys[i + 1].isdigit() and keys[i + 2].startswith("year"):
            return " ".join(words[:i])
    return text


DETERMINERS = re.compile(
    r"^(?:(?:a|an|the|my|some|all|any|lots of|a lot of|plenty of|many|much|most|really|very)\s+)+", re.I
)
DETERMINER_LETTERS = "aAtTmMsSlLpPrRvV"  # what DETERMINERS' words open with (prefilter.may_open)
TRAILING_PUNCTUATION_CHARS = ",:;-–—"  # and whitespace
TRAILING_PUNCTUATION = re.compile(rf"[\s{re.escape(TRAILING_PUNCTUATION_CHARS)}]+$")
# "Python well", "French fluently": how well, not what.
ADVERB_ENDINGS = ("well", "fluently", "perfectly", "decently")
TRAILING_ADVERB = re.compile(
    rf"(?:\s+(?:quite|pretty|very|really|fairly|reasonably))?\s+(?:{'|'.join(ADVERB_ENDINGS)})$", re.I
)
# "taking bubble baths for", "things about": a value never ends in a preposition left by a cut.
PREPOSITION_ENDINGS = tuple("about for with to of in on at from by and or the a an my".split())
TRAILING_PREPOSITION = re.compile(rf"(?:\s+(?:{'|'.join(PREPOSITION_ENDINGS)}))+$", re.I)


def _may_end_in_punctuation(text: str) -> bool:
    """False only when TRAILING_PUNCTUATION cannot match: the last character is none of its own
    (\\s is str.isspace; a final newline is whitespace)."""
    return bool(text) and (text[-1].isspace() or text[-1] in TRAILING_PUNCTUATION_CHARS)


def _may_end_with(text: str, endings: tuple[str, ...]) -> bool:
    """False only when a case-blind `(?:ending)$` cannot match: ASCII text that ends in none of
    them (lower-cased) and not in a newline ($ also matches before a final one)."""
    return not text.isascii() or text.endswith("\n") or text.lower().endswith(endings)


CLAUSE_VERB = re.compile(r"\b(?:is|are|was|were|am|has|have|had|does|did|will|would|it|they|he|she|we)\b", re.I)
# "&" between words splits them ("cats & dogs"), but not inside a name ("R&B", "AT&T").
SPLIT_ITEMS = re.compile(
    r"\s*(?:,\s*(?:and|or)\s+|,\s*|\s+and\s+|\s+or\s+|\s+&\s*|\s*&\s+|\s*/\s*|\s+as well as\s+)", re.I
)
COMPOUND = re.compile(rf"\b(?:{alternation(COMPOUND_ITEMS)})\b", re.I)
COMPOUND_CB = CaseBlind(COMPOUND)  # (its lower-case twin on ASCII text: ~4x faster than the case-blind scan)
SPACES = re.compile(r"\s+")
JOINER = "\u2060"  # holds a compound's words together while a list is split; no \s, no \w
WORD = re.compile(r"[a-z0-9']+")
# "guess it would be like": a clause with its own subject and verb is no value.
SUBJECT_VERB = re.compile(
    r"\b(?:it|he|she|they|we|i|you)\s+(?:would|will|is|was|are|were|can|could|do|does|did|'s|'re|'ll)\b", re.I
)
WH_ANYWHERE = re.compile(r"\b(?:how|what|why|where|who|whom|which|whether)\b", re.I)
# Their lower-case twins, run on ASCII text (prefilter.py): a case-blind scan costs 2-4x more.
CLAUSE_VERB_CB = CaseBlind(CLAUSE_VERB)
SUBJECT_VERB_CB = CaseBlind(SUBJECT_VERB)
WH_ANYWHERE_CB = CaseBlind(WH_ANYWHERE)
SPLIT_ITEMS_CB = CaseBlind(SPLIT_ITEMS)  # every match takes a character: CaseBlind.split reads it as re.split
WH_START = re.compile(r"^(?:how|what|when|where|why|who|whom|which|whether|whatever)\b", re.I)
WH_LETTERS = "hHwW"  # (prefilter.may_open)


_HUSK_WORDS = _FUNCTION_WORDS | _TIME_WORDS | {"last", "next"}


def is_husk(text: str) -> bool:
    """A value made only of function words or time words ("to", "so why", "last week") says nothing."""
    return _husk_lowered(text.lower())


def _husk_lowered(low: str) -> bool:
    """is_husk of a text already lower-cased."""
    tokens = WORD.findall(low)
    return not tokens or _HUSK_WORDS.issuperset(tokens)


def clean_value(raw: str, *, max_words: int = 6, cut: str | None = None) -> str | None:
    """Cut trailing clauses and determiners off a matched span; None when nothing usable is left.
    `cut` is a text cut_trailing_clause gave already: it leaves its own answer as it is."""
    text = raw.strip().strip("\"'“”‘’`*_")
    if text != cut:  # (cut_trailing_clause(cut) is cut: what it keeps holds no cut)
        text = cut_trailing_clause(text)
    # Each cut only when its pattern can match at the end (most values end in a plain word).
    if _may_end_in_punctuation(text):
        text = TRAILING_PUNCTUATION.sub("", text)
    if not text.isascii() or text.endswith("\n"):  # _may_end_with: both may match
        text = TRAILING_PREPOSITION.sub("", TRAILING_ADVERB.sub("", text))
    else:  # (one lower() for both tests: an adverb's cut leaves ASCII text that ends in no newline)
        low = text.lower()
        if low.endswith(ADVERB_ENDINGS):
            text = TRAILING_ADVERB.sub("", text)
            low = text.lower()
        if low.endswith(PREPOSITION_ENDINGS):
            text = TRAILING_PREPOSITION.sub("", text)
    determiner = DETERMINERS.match(text) if may_open(text, DETERMINER_LETTERS) else None
    text = text[determiner.end() :] if determiner else text  # DETERMINERS.sub("", text): it only matches at 0
    text = text.strip(" .,!?\"'()")
    low = text.lower()  # (once, for the three tests below: is_husk and lowered() lower it too)
    if not text or low in _PRONOUNS or len(text) > 80 or _husk_lowered(low):
        return None
    words = text.split()  # (one word holds no subject and verb: SUBJECT_VERB needs a space between them)
    if len(words) > 1 and SUBJECT_VERB_CB.search(text, low if text.isascii() else None):
        return None
    # "the US postal service": after a determiner, "us" is no pronoun
    if len(words) > max_words or (words[0].lower() in _LEADING_NON_VALUES and not determiner):
        return None
    return text


# "green, like a lime" or "sports, like rugby": what follows is a likeness or an example, which the
# speaker did not say they like (a likeness never, an example not in so many words).
SIMILE = re.compile(r"\s*,\s*(?:just\s+|kind\s+of\s+|sort\s+of\s+)?like\s+", re.I)


CLAUSE_OPENERS = frozenset({"just", "also", "then", "still", "recently", "finally", "probably", "actually"})


def split_items(raw: str, *, max_words: int = 5) -> list[str]:
    """'Python, JavaScript and Go because…' -> ['Python', 'JavaScript', 'Go'].

    Commas separate items only when every part is short; otherwise the first part
    is the value and the rest is another thought ("I can run fast, traffic is no problem").
    """
    head = cut = cut_trailing_clause(raw.strip())
    if "," in head:  # SIMILE opens on a comma
        head = SIMILE.split(head, maxsplit=1)[0]
    if may_open(head, WH_LETTERS) and WH_START.match(head):
        return []  # "how they live", "what I do": a clause, not a thing
    if "," in head:
        parts = [p for p in head.split(",") if p.strip()]
        # "coffee, just bought a grinder": a part opened by "just", "also", "then" is another thought.
        if any(CLAUSE_VERB_CB.search(p, lowered(p)) or p.split()[0].lower() in CLAUSE_OPENERS for p in parts[1:]):
            head = parts[0] if parts else head
    low = head.lower()
    joined = " and " in low and COMPOUND_CB.search(head, low if head.isascii() else None)
    if joined:  # "fish and chips" is one item
        head = COMPOUND_CB.sub(head, low if head.isascii() else None, lambda group: SPACES.sub(JOINER, group(0) or ""))
        low = head.lower()
    items: list[str] = []
    for part in SPLIT_ITEMS_CB.split(head, low if head.isascii() else None):
        if joined:
            part = part.replace(JOINER, " ")
        first = part.split()[:1]
        if WH_ANYWHERE_CB.search(part, lowered(part)) or (first and first[0].lower() in _CLAUSE_VERBS):
            continue  # "explains why", "reminds me of …": a clause, not a thing
        value = clean_value(part, max_words=max_words, cut=cut)
        if value and value.lower() not in {i.lower() for i in items}:
            items.append(value)
    return items


# Adverbs that may stand between "to" and its verb ("love to just walk"): the verb is the next word.
_BEFORE_VERB = frozenset(
    "just really also always sometimes usually often still even actually simply occasionally mostly mainly".split()
)
# Verbs written as one word whose gerund is two ("like to workout" -> "working out").
_SPLIT_GERUNDS = {"workout": "working out", "hangout": "hanging out", "chillout": "chilling out"}
# Verbs of two syllables stressed on the last, whose last consonant doubles ("referring").
_DOUBLING = frozenset(
    """begin forget admit commit submit omit permit regret upset prefer refer occur control patrol compel
    rebel equip babysit program kidnap unwrap outrun transfer confer defer incur recur excel propel expel
    acquit embed unplug outwit""".split()
)


def gerund(verb_phrase: str) -> str:
    """'swim in lakes' -> 'swimming in lakes'."""
    words = verb_phrase.split()
    while len(words) > 1 and words[0].lower() in _BEFORE_VERB:
        words = words[1:]  # "just walk" -> "walking", not "justing walk"
    if not words:
        return verb_phrase
    verb = words[0].lower()
    if verb in _SPLIT_GERUNDS:
        return " ".join([_SPLIT_GERUNDS[verb], *words[1:]])
    # "sing", "bring", "swing" end in "ing" but are the verb itself: a gerund has a vowel before it.
    if (verb.endswith("ing") and re.search(r"[aeiouy]", verb[:-3])) or verb in {"the", "a", "an"}:
        return verb_phrase
    if verb in {"be", "see", "flee"}:
        verb = verb + "ing"
    elif verb.endswith("ie"):
        verb = verb[:-2] + "ying"
    elif verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")):
        verb = verb[:-1] + "ing"
    elif (re.fullmatch(r"(?:qu|[^aeiou]*)[aeiou][bdgklmnprt]", verb) and len(verb) <= 4) or verb in _DOUBLING:
        verb = verb + verb[-1] + "ing"  # "swim" -> "swimming", "quit" -> "quitting"
    elif re.fullmatch(r"\w+[aeiou]c", verb):
        verb = verb + "king"  # "panic" -> "panicking", "picnic" -> "picnicking"
    else:
        verb = verb + "ing"
    return " ".join([verb, *words[1:]])


ACTIVITY_VERB = re.compile(
    r"^(?:play|read|watch|eat|cook|listen to|walk|ride|spend time|go|make|bake|write|draw|paint|sing|"
    r"dance|swim|run|hike|travel|shop|fish|knit|sew|build|learn|collect|visit|drink|drive|grow|garden)\b",
    re.I,
)


GO_ING = re.compile(r"^go\s+(?=\w+ing\b)", re.I)


def activity(value: str) -> str:
    """'to eat meat' -> 'eating meat'; 'go hiking' -> 'hiking'."""
    infinitive = value.lower().startswith("to ")
    if infinitive:
        value = value[3:]
    value = GO_ING.sub("", value)
    # after "to" the first word is a verb: "love to ski" -> "skiing"
    return gerund(value) if infinitive and not value.lower().startswith(("the ", "a ", "an ", "my ")) else value


# -- value builders, one per kind of field ------------------------------------------


# A title before a name is not the name: "Dr Amara Okafor" is Amara Okafor (the dot is gone by now).
NAME_TITLES = frozenset({"dr", "mr", "mrs", "ms", "mx", "prof"})


def _without_title(raw: str) -> str:
    head, _, rest = raw.strip().partition(" ")
    return rest if head.lower().rstrip(".") in NAME_TITLES and rest[:1].isupper() else raw


def name(raw: str) -> list[str]:
    raw = _without_title(raw)
    words = []
    for word in raw.split()[:3]:
        word = word.strip(",.!?\"'")
        if not word or word.lower() in {"and", "but", "i", "from", "by", "the", "my", "im", "i'm", "here", "btw"}:
            break
        if not re.fullmatch(r"[A-Za-zÀ-ÖØ-öø-ÿ'\-]{2,20}", word):
            break
        words.append(word)
        if raw.split()[len(words) - 1].endswith((",", ".", "!", "?")):
            break
    if not words or any(part in _NOT_NAMES for part in words[0].lower().split("-")):
        return []  # "call me old-fashioned": a state, hyphenated or not
    return [" ".join(w if any(c.isupper() for c in w) else w.capitalize() for w in words)]


NAME_WORD = re.compile(r"\s*([A-Za-z][A-Za-z'\-]{1,19})(.*)$")
SURNAME = re.compile(r"\s+([A-Z][a-z']{1,19}(?:-[A-Z]?[a-z']{1,19})?)(?![\w-])(.*)$")
AFTER_NAME = re.compile(r"^(?:[,.!…]|and\b|here\b|by the way\b|btw\b|nice to\b|thanks?\b|thank you\b|$)", re.I)
AFTER_CAPITALISED_NAME = re.compile(AFTER_NAME.pattern[:-2] + r"|from\b|$)", re.I)


# The part of a hyphenated word that makes it a state, not a name: "gluten-free", "London-based".
NOT_NAME_PARTS = frozenset("free based friendly intolerant taught made minded aged ish off time year years".split())


def name_after_i_am(raw: str) -> list[str]:
    """'I'm Alice' is a name; 'I'm exhausted' is not. A lone word must look like a name and end the clause.

    A second capitalised word is the surname ("I'm Ana Lima"); in lower case only the first word is
    taken, since "i am ana lima" cannot be told from "i am ana today".
    """
    match = NAME_WORD.match(_without_title(raw))
    if not match:
        return []
    word, rest = match.group(1), match.group(2)
    if word.lower() in NAME_TITLES:
        return []  # a title alone ("I'm Dr. Who?" aside) names no one
    lowered = word.lower()
    if lowered in _NOT_NAMES or lowered in _LANGUAGES:
        return []
    if "-" in lowered and any(part in _NOT_NAMES or part in NOT_NAME_PARTS for part in lowered.split("-")):
        return []  # "gluten-free", "well-off", "self-taught": no name ("Anne-Marie" is one)
    if lowered.endswith(ADJECTIVE_SUFFIXES) and not word[0].isupper():
        return []
    full = word if word[0].isupper() else word.capitalize()
    surname = SURNAME.match(rest) if word[0].isupper() else None
    if surname and surname.group(1).lower() not in _NOT_NAMES:
        full, rest = f"{full} {surname.group(1)}", surname.group(2)
    allowed = AFTER_CAPITALISED_NAME if word[0].isupper() else AFTER_NAME
    if rest.strip() and not allowed.match(rest.strip()):
        return []
    return [full]


# (A comma ends the role too: "software engineer, been at Spotify for years".)
ROLE_CUT = re.compile(
    r"\s+(?:at|for|in|with|from|by|on|who|that|but|working|living|looking|so|since|based|trying|hoping|planning|wanting"
    r"|saving|raising|juggling)(?:\s+|$)|\s*,",
    re.I,
)
# "teacher and waitress" is two roles; "bank teller and just moved" ends the role at "and".
AND_REST = re.compile(r"\s+and\s+(?P<rest>.*)$", re.I)
VERBISH = frozenset(
    "just also then now have has had am is are was love like hate live work study enjoy hope want get got go "
    "went need plan make take".split()
)


def cut_at_and(value: str) -> str:
    """'teacher and waitress', 'Barnes and Noble' stay whole (one word after "and");
    'musician and hope to make it big' ends at "and"."""
    match = AND_REST.search(value)
    if not match:
        return value
    rest = match.group("rest").split()
    if len(rest) == 1 and rest[0].lower() not in VERBISH and not rest[0].lower().endswith("ed"):
        return value
    return value[: match.start()]


# "I'm a married economics major": the status is family's (its own row reads it), not part of the value.
MARITAL_LEAD = re.compile(r"^(?:happily\s+)?(?:married|single|divorced|engaged|widowed)\s+(?=\w)", re.I)


# The builders' own small patterns, compiled once (re's cache look-up cost more than some of them).
ROLE_LEAD = re.compile(r"^(?:upcoming|aspiring|future|professional)\s+", re.I)
DIGIT = re.compile(r"\d")
# "a 29 year old nurse": the age is told apart (age rows); the role is what follows it.
AGE_LEAD = re.compile(r"^\d{1,3}[- ]years?[- ]old\s+", re.I)
NOT_JOB_PARENTS = frozenset(
    "cat dog plant bunny rabbit hamster chicken horse dance soccer football hockey boy girl".split()
)


def role(raw: str) -> list[str]:
    value = cut_at_and(ROLE_CUT.split(AGE_LEAD.sub("", MARITAL_LEAD.sub("", raw.strip())), maxsplit=1)[0])
    value = ROLE_LEAD.sub(lambda m: m.group(0) if "prof" in m.group(0) else "", value)
    value = clean_value(value, max_words=4)
    if not value or DIGIT.search(value):
        return []
    words = value.lower().split()
    if words[-1] in _NOT_ROLES or words[0] in _NOT_ROLES or words[0] in {"very", "really", "pretty", "bit", "huge"}:
        return []
    if words[0] in PARENT_NOUNS and (len(words) == 1 or words[1] in {"of", "to"}):
        return []  # "mum of twins", "dad": family, not a job ("mother superior" is left alone)
    if len(words) == 2 and words[1] in PARENT_NOUNS and words[0] in NOT_JOB_PARENTS:
        return []  # "cat mum", "plant dad", "soccer mom": a pet, a hobby or a child's, not a job
    if len(words) == 1 and words[0].endswith(("ed", "ing", "ful", "ous", "ive", "ic")) and words[0] not in _IC_ROLES:
        return []
    return [value]


PLACE_CUT = re.compile(
    r"\s+(?:with|for|since|because|and|but|where|now|near|working|looking|who|which|right|to|so|it|i|originally|in\s+the|"
    rf"at|last|this|next|anymore|from|{alternation(NUMBER_WORDS[2:])}|\d+|all\s+(?:of\s+)?my\s+life|most\s+of\s+my\s+life|"
    r"my\s+(?:whole|entire)\s+life|"
    rf"in\s+(?:the\s+)?(?:{alternation(MONTHS_AND_SEASONS)}|\d{{4}}))\b|,",
    re.I,
)


# A dwelling is no town: "moved to a new apartment" says nothing of where.
DWELLINGS = frozenset("apartment flat house home place room building condo unit dorm office studio".split())
# A family, an industry, a background is no town: "grew up in the film industry" says nothing of where.
_NOT_PLACE_HEADS = frozenset(NOT_PLACE_HEADS) | frozenset(NOT_ORIGIN_HEADS)


# "a small village near York", "a suburb outside Leeds": the named place, not the kind of place.
NAMED_NEAR = re.compile(
    r"^(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,2}?(?:village|town|city|suburb|hamlet|neighbou?rhood|area|island|farm|"
    r"community|part|corner|region|cottage|house|flat|apartment|cabin|bungalow|houseboat|home)\s+"
    r"(?:(?:just\s+)?(?:near|outside(?:\s+of)?|by)|close\s+to|(?:north|south|east|west)\s+of|"
    r"on\s+the\s+outskirts\s+of|in|of)\s+(?P<p>(?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+)?)",
    re.I,
)


def proper_place(raw: str) -> list[str]:
    """A place named with a capital ('Accra', 'Cape Coast'); 'a nurse from work' names none."""
    return place(raw) if raw.strip()[:1].isupper() else []


# Words after "settled in" that say how, not where ("settled in nicely", "settled in after a week").
_SETTLING_MANNER = frozenset(
    "well fine ok okay alright already yet now fast after before at to for with and here there in just pretty "
    "quite really so too finally eventually comfortably properly easily nicely quickly slowly great good".split()
)


def settled_place(raw: str) -> list[str]:
    """Where one settled: 'Porto' of 'settled in Porto', and in lower case 'porto' too, unless the
    words after 'settled in' tell how it went ('settled in nicely', 'settled in after a week')."""
    words = raw.split()
    if not words:
        return []
    first = words[0].lower().strip(",:!'\"")
    if not words[0][:1].isupper() and (first in _SETTLING_MANNER or first.endswith("ly")):
        return []
    return place(raw)


def role_or_trade(raw: str) -> list[str]:
    """An occupation, or the trade a gerund names ('my nursing job': 'nursing', which finish() matches to the
    stored role 'nurse')."""
    text = raw.strip()
    return role(text) or ([text] if text.lower().endswith("ing") and len(text) >= 7 else [])


def place(raw: str) -> list[str]:
    named = NAMED_NEAR.match(raw.strip())
    if named:
        return place(named.group("p"))
    value = PLACE_CUT.split(raw.strip(), maxsplit=1)[0]
    value = clean_value(value, max_words=4)
    last = value.lower().split()[-1] if value else ""
    if not value or value.lower().split()[0] in _NOT_PLACES or last in DWELLINGS or last in _NOT_PLACE_HEADS:
        return []
    if value[0].isdigit():
        return []  # "born in 1990", "in the 80s": a time, not a place
    if value.split()[0] == "hope":
        return []  # "I live in hope" (in lower case: "Hope, BC" is a town)
    return [value]


# "Novagen in Basel": the town after an employer is where it is, not its name ("Shopify on checkout stuff": what
# one works on there).
EMPLOYER_CUT = re.compile(
    r"\s+(?:as|since|for|doing|selling|making|where|but|while|and i)\b|\s+in(?=\s+(?-i:[A-Z]))"
    r"|\s+on(?=\s+(?-i:[a-z]))|,",
    re.I,
)
GERUND_PHRASE = re.compile(r"^\w+ing\s+(?:(?:for|the|a|an|my|our|everyone|with|to|in|on|at|all|some|up|out)\b)", re.I)
NOT_EMPLOYERS = frozenset({"home", "work", "night", "nights", "moment", "job", "it", "the moment", "them", "myself"})
# A relative is no employer ("I'm working for my dad this summer": family, stored as such).
NOT_EMPLOYER_STARTS = frozenset(
    {"home", "work", "night", "nights", "school", "the", "least", *WORK_SETTINGS, *RELATIVES}
)


INDUSTRY_TAIL = re.compile(r"\s+(?:industry|sector)$", re.I)


def proper_employer(raw: str) -> list[str]:
    """An employer named with a capital ('Zalando', 'Arup'); 'the gym' or 'school' names none."""
    return employer(raw) if raw.strip()[:1].isupper() else []


def employer(raw: str) -> list[str]:
    value = INDUSTRY_TAIL.sub("", raw.strip())
    value = cut_at_and(EMPLOYER_CUT.split(value, maxsplit=1)[0])
    value = clean_value(value, max_words=5)
    # "cooking for the kids": a gerund phrase is an activity, never an organisation ("nursing home" is one).
    if (
        not value
        or value.lower() in NOT_EMPLOYERS
        or value.split()[0].lower() in NOT_EMPLOYER_STARTS
        or GERUND_PHRASE.match(value)
    ):
        return []
    return [value]


NOT_WORK_FIELDS = frozenset(
    "shifts silence bed peace teams pairs bursts secret private person public town the city general charge".split()
)


def work_field(raw: str) -> list[str]:
    """'marketing', 'the film industry' -> the line of work; 'shifts' or 'Leeds' (a town, capitalised) is none."""
    value = clean_value(ROLE_CUT.split(raw.strip(), maxsplit=1)[0], max_words=4)
    if not value or value.lower() in NOT_WORK_FIELDS or value.split()[0].lower() in _NOT_ROLES:
        return []
    if value[0].isupper() and not value.split()[0].isupper():
        return []  # "I work in Leeds": a place, not a line of work ("IT", "HR" stay)
    return [value]


LANGUAGES_LEAD = re.compile(r"^(?:\w+\s+)?languages?:?\s*", re.I)


def languages(raw: str) -> list[str]:
    items = []
    for item in split_items(LANGUAGES_LEAD.sub("", raw.strip()), max_words=3):
        for word in item.split():
            lowered = word.lower().strip(",")
            if lowered in _LANGUAGES:
                found = "ASL" if lowered == "asl" else "Spanish" if lowered == "espanol" else lowered.capitalize()
                if found not in items:
                    items.append(found)
    return items


AGE = re.compile(rf"(\d{{1,3}})\b(?!\s*(?:{alternation(NOT_AGE_UNITS)})(?:\W|$))(?!%)")


def age(raw: str) -> list[str]:
    match = AGE.match(raw.strip())
    if not match:
        return []
    years = int(match.group(1))
    return [str(years)] if 3 <= years <= 110 else []


def items(raw: str) -> list[str]:
    return split_items(raw)


def activities(raw: str) -> list[str]:
    """What one can do: 'play the cello' -> 'playing the cello'."""
    found = [gerund(item) if ACTIVITY_VERB.match(item) else activity(item) for item in split_items(raw)]
    return [item for item in found if not is_husk(item)]


def things_as_gerund(raw: str) -> list[str]:
    """'work out' -> 'working out'; 'go to the gym' -> 'going to the gym'."""
    return [gerund(raw.strip().lower())]


def volunteering(raw: str) -> list[str]:
    """'volunteer at the soup kitchen' -> 'volunteering at the soup kitchen'."""
    match = re.match(r"volunteer(?:ing)?\s+(?P<prep>\w+)\s+(?P<place>.+)$", raw.strip(), re.I)
    place = clean_value(match.group("place"), max_words=5) if match else None
    return [f"volunteering {match.group('prep').lower()} {place}"] if match and place else ["volunteering"]


def teacher(raw: str) -> list[str]:
    """'elementary school' -> 'elementary school teacher'; 'math' -> 'math teacher'."""
    value = clean_value(raw, max_words=4)
    return [f"{value} teacher"] if value and not is_husk(value) else []


def coach(raw: str) -> list[str]:
    """'little league baseball' -> 'little league baseball coach'."""
    value = clean_value(raw, max_words=4)
    return [f"{value} coach"] if value and not is_husk(value) else []


def left_school(raw: str) -> list[str]:
    """'dropped out of college' -> 'dropped out of college' (the schooling stated, not lost)."""
    match = re.match(
        r"(?P<how>.+?)\s+(?:of\s+|from\s+)?(?P<school>(?:high\s+)?school|college|university|uni)\b", raw, re.I
    )
    if not match:
        return []
    how = "dropped out of" if "drop" in match.group("how").lower() else "did not finish"
    return [f"{how} {match.group('school').lower()}"]


# The animals a "cat person" or a "dog person" likes, named in the plural: 'cats', 'dogs'.
_ANIMAL_PLURALS = {word: f"{word}s" for word in ("cat", "dog", "horse", "bird", "rabbit", "snake", "reptile")}


def person_likes(raw: str) -> list[str]:
    """'a cat person' -> 'cats' (the animals, as "I like cats" is said); 'a beach person' -> 'beach';
    'a good person' says nothing."""
    word = raw.strip().lower()
    if word in _NOT_NAMES or word.endswith(ADJECTIVE_SUFFIXES) or is_husk(word):
        return []
    return [_ANIMAL_PLURALS.get(word, word)]


VERB_OBJECT = re.compile(r"^\w+\s+(?:in|on|at|with|to|for|the|a|an|my|out|up)\b", re.I)


# "I like the second option", "I prefer the shorter version": a choice among what the chat showed.
SHOWN_IN_CHAT = re.compile(
    r"^(?:the|this|that|these|those|your)\s+(?:\w+\s+){0,2}?(?:options?|versions?|drafts?|ideas?|answers?|suggestions?|"
    r"approach|layout|titles?|wording|updates?|edits?|changes?|formats?|tone|results?|examples?|summary|response|reply|"
    r"one|ones|first|second|third|last|former|latter|other|previous)\b",
    re.I,
)
SHOWN_LETTERS = "tTyY"  # (prefilter.may_open)


# A time that makes "like to X" a hope: "someday", "one day", "when I grow up".
SOMEDAY = re.compile(r"\b(?:someday|some\s+day|one\s+day|eventually|in\s+the\s+future|when\s+i\s+grow\s+up)\b", re.I)


# After "In my free time I …": what is no doing of its own ("I am …", "I can …"); and the verbs other rows
# read as the pastime already ("I coach a youth team": interests_coach_team), kept as told.
_NOT_A_DOING = frozenset(
    "am was were will would can could should might must have has had need want coach volunteer".split()
)


def free_time(raw: str) -> list[str]:
    """What one does in one's free time, as a doing: 'paint' -> 'painting', 'watch old films' -> 'watching
    old films', 'enjoy baking' read as 'baking'; 'play chess' -> 'chess', as "I play chess" is read."""
    words = raw.strip().split()
    if words and words[0].lower().strip(_EDGE_PUNCTUATION) in {"work", "sleep", "rest", "study"}:
        return []  # "in my free time I work": no pastime
    if not words or words[0].lower() in _NOT_A_DOING or words[0].lower().endswith("ing"):
        return things(raw)
    if words[0].lower() == "play" and len(words) > 1:
        return things(" ".join(words[1:]))
    return things(f"to {raw.strip()}")


# What fills a weekend without being a pastime: "I spend my weekends working / resting / sleeping".
_NO_PASTIME_DOING = frozenset("working resting sleeping waiting studying recovering doing commuting".split())


def pastime_doing(raw: str) -> list[str]:
    """'hiking with friends' (from "my weekends are for hiking with friends") as things(); work, rest or sleep
    fills the time but is no pastime."""
    first = raw.strip().split()[:1]
    if first and first[0].lower().strip(_EDGE_PUNCTUATION) in _NO_PASTIME_DOING:
        return []
    return things(raw)


def things(raw: str) -> list[str]:
    """What one likes: 'to cook' -> 'cooking', but 'fish' stays 'fish' (a food, not fishing).

    After "to", the infinitive carries on: 'to swim and paint' -> 'swimming', 'painting'; an item
    that reads as a verb and its object ('take part in races') is an activity too, a noun stays.
    """
    if may_open(raw.strip(), SHOWN_LETTERS) and SHOWN_IN_CHAT.match(raw.strip()):
        return []
    infinitive = raw.strip().lower().startswith("to ")
    if infinitive and SOMEDAY.search(raw.split(",")[0]):
        return []  # "I'd like to be a doctor someday": a hope, not a taste
    # ("to" and its verb take two words of an item: "to go camping in the summer" is as long as "camping in the summer")
    parts = split_items(raw, max_words=6 if infinitive else 5)
    found = [
        activity(item)
        if i == 0 or not infinitive
        else gerund(item)
        if ACTIVITY_VERB.match(item) or VERB_OBJECT.match(item)
        else item
        for i, item in enumerate(parts)
    ]
    # "to play" -> "playing" says nothing alone; "my roommates dog" is someone else's
    return [item for item in found if not is_husk(item) and not _owned_by_someone_else(item)]


def _owned_by_someone_else(item: str) -> bool:
    words = item.lower().split()
    return len(words) > 1 and words[0].removesuffix("'s").removesuffix("'") in _PET_OWNERS


# After an animal, a business that serves animals: "dog walking company", "cat sitting service", "pet supply shop".
# (Only a trade's words between: "a dog at the shop" is a pet.)
TRADE_AFTER_ANIMAL = re.compile(
    rf"(?:\s+(?:[a-z-]+ing|supply|supplies|food|care|treat|toy|accessories|rescue)){{0,2}}\s+(?:{alternation(BUSINESSES)}|services?)\b",
    re.I,
)
# Idioms that name an animal one does not keep.
PET_IDIOM = re.compile(
    r"^(?:a\s+)?(?:dog\s+in\s+(?:this|the|that)\s+fight|horse\s+in\s+(?:this|the)\s+race|bee\s+in\s+my\s+bonnet)", re.I
)
PET_BEFORE_ANIMAL = re.compile(rf"\bpets?\s+(?=(?:{PETS_RE})\b)", re.I)


# "two cats named Milo and Otis": names of several animals are left out, not cut to the first.
NAMES_LIST = re.compile(
    r"\s+(?:named|called)\s+[A-Za-z][\w'-]*(?:(?:\s*,\s*|\s*,?\s+and\s+)(?:[A-Z][\w'-]*|[a-z][\w'-]*(?=\s*$)))+", re.I
)


# The builders' patterns, compiled once: built from the word lists inside a call, each call
# assembled and hashed a pattern of a few KB just to find it in re's cache.
PET_HEAD = re.compile(rf"^(.*?\b(?:{PETS_RE})\b(?!-)(?:\s+named\s+\w+)?)", re.I)
NOT_AN_ANIMAL = re.compile(
    rf"\b(?:{RELATIVES_RE}|friend|colleague|boss|neighbou?r|roommate|teacher|doctor|coworker)\b", re.I
)
RELATIVE_WORD = re.compile(rf"\b(?:{RELATIVES_RE})\b", re.I)
# On ASCII text their lower-case twins (prefilter.CaseBlind): the same matches at the same places.
PET_HEAD_CB = CaseBlind(PET_HEAD)
NOT_AN_ANIMAL_CB = CaseBlind(NOT_AN_ANIMAL)
RELATIVE_WORD_CB = CaseBlind(RELATIVE_WORD)


NAMED_OR_CALLED = re.compile(r"\s+(?:named|called)\s+(\w+)", re.I)


def pets(raw: str) -> list[str]:
    text = NAMES_LIST.sub("", raw.strip()) if " and " in raw or "," in raw else raw.strip()
    text = NAMED_OR_CALLED.sub(r" named \1", text)
    # "a pet rabbit": the animal, not the word "pet" before it.
    text = PET_BEFORE_ANIMAL.sub("", text)
    found = []
    for item in split_items(text, max_words=8):
        named = pet_with_name(item) if len(item.split()) > 1 else []
        if named and not _owned_by_someone_else(item):
            found.extend(named)  # "dog Rex" (from "I love my dog Rex") -> "dog named Rex"
            continue
        # "two cats think they own the island" -> "two cats"; keep "cat named Spook"
        head = PET_HEAD_CB.match(item, lowered(item))
        match = item[: head.end(1)] if head else None  # the twin's match reads the lowered item: cut the item
        if _owned_by_someone_else(item):
            continue  # "my roommates dog": someone else's pet
        if PET_IDIOM.match(item):
            continue  # "I have a dog in this fight": no dog
        if head and TRADE_AFTER_ANIMAL.match(item, head.end(1)):
            continue  # "a dog grooming business": a trade with animals (possessions), no pet
        if match is not None and len(match.split()) <= 5:
            found.append(match)
    return found


def named_pet(raw: str) -> list[str]:
    """'a tortoise named Shelly' -> 'tortoise named Shelly'; 'a brother named Tom' or 'a friend named Ana' is no pet."""
    parts = re.split(r"\s+(?:named|called)\s+", raw, maxsplit=1, flags=re.I)
    animal, rest = parts[0], parts[1] if len(parts) > 1 else ""
    if NOT_AN_ANIMAL_CB.search(animal, lowered(animal)):
        return []
    value = clean_value(animal, max_words=3)
    if not value:
        return []
    called = _pet_name(rest)
    return [f"{value} named {called}" if called else value]


PET_NAME = re.compile(r"^([A-Za-z][a-z'\-]{1,19})(?=\s*$|\s*[,!.]|\s+(?:and|but|who|she|he|because|since)\b)")
# Told bare after the animal ("my dog Rex loves walks"), a name is capitalised and stands alone.
BARE_PET_NAME = re.compile(r"^([A-Z][a-z\-]{1,19})\b(?!')")


def _pet_name(text: str, *, bare: bool = False) -> str | None:
    """The one-word name after 'named'/'called' ('Rex, and …' -> 'Rex'), None when it reads as no name."""
    match = (BARE_PET_NAME if bare else PET_NAME).match(text.strip())
    if not match:
        return None
    word = match.group(1)
    low = word.lower()
    if low in _NOT_PET_NAMES or low in _NOT_NAMES or low in _FUNCTION_WORDS or low in _PRONOUNS:
        return None
    return word


# Capitalised words after an animal that are no name ("my dog Sunday mornings", "my cat I think").
_NOT_PET_NAMES = (
    frozenset(WEEKDAYS + MONTHS_AND_SEASONS + PETS + TIME_WORDS) | PREPOSITIONS | {"i", "christmas", "easter"}
)


# "dog's name is Rex", "cat is called Miso", "parrot, Kiwi" -> the animal and its name.
PET_AND_NAME = re.compile(
    rf"^(?P<animal>(?:\w+\s+)?(?:{PETS_RE}))(?:'s\s+name\s+is|\s+is\s+(?:named|called)|(?P<bare>\s*,?))\s+(?P<name>.+)$",
    re.I,
)


def pet_with_name(raw: str) -> list[str]:
    """'dog's name is Rex' -> 'dog named Rex'. A name told bare after the animal ('my dog Rex')
    must be capitalised: in lower case 'my dog loves …' cannot be told from a name."""
    match = PET_AND_NAME.match(raw.strip())
    if not match:
        return []
    called = _pet_name(match.group("name"), bare=match.group("bare") is not None)
    animal = clean_value(match.group("animal"), max_words=3)
    if not animal or not called or _owned_by_someone_else(animal):
        return []  # "my neighbours dog Rex": someone else's pet
    second = SECOND_PET_NAME.match(match.group("name").strip())
    if second and _pet_name(second.group(1), bare=True):  # "my rabbits Fig and Olive": both names
        called = f"{called} and {second.group(1)}"
    return [f"{animal.lower()} named {called}"]


SECOND_PET_NAME = re.compile(r"^[A-Za-z][\w'-]*\s+and\s+([A-Z][a-z\-]{1,19})\b(?!')")


def sensitive(raw: str) -> list[str]:
    value = clean_value(raw, max_words=5)
    return [value] if value and sensitive_category(value) else []


def relatives(raw: str) -> list[str]:
    return [plain_kin(item) for item in split_items(raw, max_words=4) if RELATIVE_WORD_CB.search(item, lowered(item))]


KIN_SLANG_RE = re.compile(rf"\b(?:{alternation(tuple(KIN_SLANG))})\b", re.I)


def plain_kin(value: str) -> str:
    """'hubby' -> 'husband', 'the kiddos' -> 'the kids': the plain word a later change names."""
    return KIN_SLANG_RE.sub(lambda m: KIN_SLANG[m.group(0).lower()], value) if KIN_SLANG_RE.search(value) else value


def relatives_gone(raw: str) -> list[str]:
    """'husband Henri' (the name kept only when capitalised, as stored), 'dad', 'grandmother'."""
    named = relative_with_name(raw)
    return named or [item.lower() for item in relatives(raw)]


PARTNER_KINDS = ["boyfriend", "girlfriend", "partner", "fiance", "fiancee", "fiancé", "fiancée", "husband", "wife"]


def partner_gone(raw: str) -> list[str]:
    """What an ended relationship removes from family: every kind of partner (only one stored matches)."""
    return list(PARTNER_KINDS)


def parent_of(raw: str) -> list[str]:
    """'mum of three', 'Dad of two' -> as told, lower-cased (a parent telling how many children)."""
    return [" ".join(raw.split()).lower()]


def coached(raw: str) -> list[str]:
    """'hurling' (from "I coach the under-12 hurling team") -> 'coaching hurling'."""
    return [f"coaching {raw.strip()}"] if raw.strip() else []


def capitalised_name(raw: str) -> list[str]:
    """'Thandi' (from "Thandi btw"): a name told bare must be capitalised ("pizza btw" names no one)."""
    return name_here(raw) if raw.strip()[:1].isupper() else []


def capitalised_place(raw: str) -> list[str]:
    """'Zagreb' of 'Zagreb little side project', 'Cape Town': the leading capitalised words, as a place."""
    kept = []
    for word in raw.split():
        if not word[:1].isupper():
            break
        kept.append(word)
    return place(" ".join(kept)) if kept else []


def relative_with_name(raw: str) -> list[str]:
    """'wife is named Sofia', 'son, Leo', 'daughter's name is Mia' -> 'wife Sofia'.

    Only a capitalised name is kept: in lower case "my son loves …" cannot be told from a name.
    """
    relation = NAMED_RELATIVE_RE.search(raw)
    first = re.search(r"([A-Z][a-z'\-]{1,19})\W*$", raw.strip())
    if not relation or not first or first.group(1).lower() in _NOT_NAMES:
        return []
    return [f"{plain_kin(relation.group('rel').lower())} {first.group(1)}"]


def bare_kin(raw: str) -> list[str]:
    """'Wife Ines' -> 'wife Ines'; 'wife', 'son mateo' (a name in lower case is not told apart) -> the relation."""
    return relative_with_name(raw) or relatives(raw.split()[0])


def named_or_relatives(raw: str) -> list[str]:
    """'grandson, Rafi' -> 'grandson Rafi'; 'two kids' -> 'two kids'."""
    return (relative_with_name(raw) if "," in raw else []) or relatives(raw.split(",")[0])


def status(raw: str) -> list[str]:
    return [raw.strip().lower()]


EDUCATION_CUT = re.compile(r"\s+(?:and i|but|because|since|so|where|when|working|looking|and)\b|,", re.I)
DEGREE_IN = re.compile(
    r"^(?P<school>.+?)\s+with\s+(?:a|an|my)\s+(?P<degree>(?:[\w'-]+\s+){0,2}?(?:degree|bachelor'?s?|master'?s?|"
    r"phd|doctorate|diploma|mba|ba|bs|bsc|ma|msc))\s+in\s+(?P<subject>[\w\s'-]{2,40})$",
    re.I,
)


# What follows "I study / I'm studying" when it is no subject: where, with whom or when one
# studies ("at the library", "with friends", "abroad", "tonight"), or one thing looked at
# closely ("the menu", "my notes").
NOT_A_SUBJECT_LEAD = frozenset(
    "at with in on for abroad online together alone late during until till from by about through here there "
    "tonight today now all up the this that these those my his her our their your some every".split()
)
# "a PhD student in marine ecology": a lower-case subject after "student in"; a capital is a
# place ("an exchange student in Japan"), which is not the subject.
STUDENT_IN_PLACE = re.compile(r"\s+in\s+(?:[A-Z]|\d).*$")


# "I studied at MIT", "at the University of Tartu", "at Trinity College": a school named as one (its
# word, or capitals like "UCL"), never where one sat to study ("at the library", "at Starbucks", "at home").
STUDIED_AT_SCHOOL = re.compile(
    r"^at\s+(?:the\s+)?(?P<school>(?-i:(?:[A-Z][\w'&-]*\s+){0,3}(?:University|College|Institute|Polytechnic|Academy|Conservatory|"
    r"Conservatoire)(?:\s+of(?:\s+[A-Z][\w'&-]*)+)?|[A-Z]{2,5}))(?=\s*$|\s*,|\s+(?:for|in|since|until|from|and|but|these|this|last)\b)"
)


def degree_is_in(raw: str) -> list[str]:
    """'degree is in philosophy' -> 'degree in philosophy' (from "my degree is in philosophy")."""
    return education(re.sub(r"\s+(?:is|was)\s+in\s+", " in ", raw.strip(), count=1, flags=re.I))


def study_subject(raw: str) -> list[str]:
    """The subject of 'I study / studied / am studying / am majoring in <subject>'; or the school, 'at MIT'."""
    school = STUDIED_AT_SCHOOL.match(raw.strip())
    if school:
        return [school.group("school")]
    first = raw.strip().split(maxsplit=1)[:1]
    if not first or first[0].lower() in NOT_A_SUBJECT_LEAD:
        return []
    return education(raw)


def student_of(raw: str) -> list[str]:
    """'I'm a <kind of> student [in <subject>] [at <school>]', without a place after 'in'."""
    return education(STUDENT_IN_PLACE.sub("", raw.strip()))


def education(raw: str) -> list[str]:
    """'MIT with a degree in physics' keeps both: 'degree in physics from MIT'."""
    degree = DEGREE_IN.match(raw.strip())
    if degree:
        school = clean_value(degree.group("school"), max_words=6)
        subject = clean_value(EDUCATION_CUT.split(degree.group("subject"), maxsplit=1)[0], max_words=5)
        if school and subject:
            return [f"{degree.group('degree')} in {subject} from {school}"]
    value = EDUCATION_CUT.split(MARITAL_LEAD.sub("", raw.strip()), maxsplit=1)[0]
    value = clean_value(value, max_words=9)  # "second-year law student at the University of Edinburgh"
    # "I studied hard": a manner adverb is no subject; "studying to be a vet" is a goal, not a subject.
    if not value or (len(value.split()) == 1 and value.lower() in {"hard", "a lot", "well", "late", "abroad"}):
        return []
    if value.lower().split()[0] in {"to", "for", "because", "so"}:
        return []
    return [value]


GOAL_CUT = re.compile(r",|\s+(?:so|because|but|and i)\s+")
GOAL_BECOME = re.compile(r"^(?:to\s+)?(?:become|be|being|becoming)\s+(?:(?:a|an|the)\s+)?(?P<r>.+)$", re.I)
GOAL_TO = re.compile(r"^(?:to\s+)", re.I)
GOAL_BEST = re.compile(r"^(?:one of )?(?:the )?(?:world'?s|worlds) best\s+", re.I)


def goal(raw: str) -> list[str]:
    value = GOAL_CUT.split(raw.strip(), maxsplit=1)[0]
    become = GOAL_BECOME.match(value)
    if become:
        value = become.group("r")
    value = GOAL_TO.sub("", value)
    value = GOAL_BEST.sub("", value)
    cleaned = clean_value(value, max_words=7)
    # "I want to learn": a bare verb names no goal
    if not cleaned or (len(cleaned.split()) == 1 and ACTIVITY_VERB.match(cleaned)):
        return []
    return [cleaned]


# When and why one learns is no part of what: "Hungarian in March", "Dutch for my job".
LEARNING_CUT = re.compile(
    rf"\s*,|\s+(?:since|last|this|during|because|so|but|for|at|with|on\s+and\s+off|off\s+and\s+on|again|in\s+(?:the\s+)?(?:{alternation(MONTHS_AND_SEASONS)}|\d{{4}}|"
    r"evenings?|mornings?|my\s+(?:free|spare)))\b",
    re.I,
)


def learning(raw: str) -> list[str]:
    """'Japanese' or 'to play the guitar' -> a goal: 'learn Japanese', 'learn to play the guitar'."""
    raw = LEARNING_CUT.split(raw.strip(), maxsplit=1)[0]
    head = raw.lower().split()[:2]
    if head[:1] == ["the"] and head[1:] and head[1] in _PIECES_OF_ONE_SHOW:
        return []  # "learning the lyrics for karaoke night", "the ropes": for one show or one new start
    infinitive = re.match(r"^(?:how\s+)?to\s+", raw.strip(), re.I)
    cleaned = clean_value(raw.strip()[infinitive.end() :] if infinitive else raw, max_words=5)
    if not cleaned or cleaned.lower() in {"a lot", "lots", "so much", "things", "new things", "stuff"}:
        return []
    return [f"learn to {cleaned}" if infinitive else f"learn {cleaned}"]


_CHORES = frozenset(CHORES)
_PIECES_OF_ONE_SHOW = frozenset(PIECES_OF_ONE_SHOW)


def pastimes(raw: str) -> list[str]:
    """'chess and laundry' (are what I do on weekends) -> ['chess']: a chore is no pastime."""
    return [item for item in things(raw) if _CHORES.isdisjoint(WORD.findall(item.lower()))]


HABIT_VERB = re.compile(r"^(?:(?:go|head)\s+(?:to\s+)?|visit\s+|attend\s+)", re.I)
HABIT_DETERMINERS = frozenset({"the", "a", "an", "my", "our", "some"})


def habit(raw: str) -> list[str]:
    """'go to the opera' (every month) -> 'going to the opera'; 'go to work' (every day) is no pastime."""
    value = clean_value(raw, max_words=6)
    if not value:
        return []
    rest = [w for w in HABIT_VERB.sub("", value).lower().split() if w not in HABIT_DETERMINERS]
    if not rest or rest[0] in _NOT_HABIT_PLACES or is_husk(" ".join(rest)):
        return []
    if any(w.removesuffix("'s") in _PEOPLE for w in rest):
        return []  # "visit my parents every Sunday": a visit to people, not a pastime
    return [gerund(re.sub(r"^go\s+(?=\w+ing\b)", "", value, flags=re.I))]


PHRASE_TAIL = frozenset("on in at during while when after before with for from by around near".split())


def doing(raw: str) -> list[str]:
    """'reading crime novels on the train' -> 'reading crime novels': the pastime without where or when."""
    words = raw.split()
    # "playing with clay", "baking for friends": right after the verb, "with" and "for" belong to it.
    tails = [i for i, w in enumerate(words) if w.lower() in PHRASE_TAIL and (i > 1 or w.lower() not in {"with", "for"})]
    end = next((i for i in tails if i >= 1), len(words))
    return things(" ".join(words[:end]))


_NEEDS_OBJECT = frozenset(ACTIVITY_GERUNDS_NEEDING_OBJECT)
_NOT_PASTIME_OBJECTS = frozenset(NOT_PASTIME_OBJECTS) | _CHORES
_SECOND_PERSON = frozenset(SECOND_PERSON)
# After the gerund, where a pastime done now stops: a place, a time, a companion, a purpose.
NOW_TAIL = PHRASE_TAIL | {
    *("to", "so", "because", "while", "today", "tonight", "now", "later", "again", "all", "this", "how", "what", "down")
}
# "playing it safe", "reading this", "watching the news": an object that names no pastime.
NO_OBJECT = frozenset({"it", "this", "that", "them", "something", "stuff", "things", "around", "the news"})
# "cooking up a curry", "playing around": a particle, before the object if there is one.
PARTICLES = frozenset({"up", "out", "around", "along", "away"})
# An object that is one thing of its kind ("a scarf", "another puzzle"): a one-off, not a pastime.
ONE_INSTANCE = frozenset({"a", "an", "another"})


def pastime_now(raw: str) -> list[str]:
    """'cooking up some paella for friends' -> 'cooking up some paella': a pastime told by doing it.

    'cooking dinner', 'playing with my kids', 'listening to you' and a bare 'playing' are no pastime."""
    words = raw.split()
    if not words:
        return []
    verb = words[0].lower()
    keep = 2 if verb == "listening" and len(words) > 1 and words[1].lower() == "to" else 1
    end = next((i for i in range(keep, len(words)) if words[i].lower().strip(",") in NOW_TAIL), len(words))
    found = things(" ".join(words[:end]))
    if len(found) != 1:
        return []
    value = found[0]
    tokens = WORD.findall(value.lower())
    rest = tokens[keep:]
    if rest and rest[0] in PARTICLES:
        rest = rest[1:]
    if not _NOT_PASTIME_OBJECTS.isdisjoint(WORD.findall(raw.lower())):
        return []  # "cooking dinner", and "swimming in paperwork" though the cut left "swimming"
    if "first time" in raw.lower():
        return []  # "watching The Wire for the first time": a first go, no pastime yet
    # "knitting a scarf", "watching an old horror movie": one of it, done now. What lasts is
    # the pastime itself, when it stands alone; "watching", "playing" say nothing without it.
    if not rest or " ".join(rest) in NO_OBJECT or rest[0] in NO_OBJECT or rest[0] in ONE_INSTANCE:
        return [] if verb in _NEEDS_OBJECT else [verb]
    if not _SECOND_PERSON.isdisjoint(rest) or any(w.removesuffix("'s") in _PEOPLE for w in rest):
        return []
    if rest[0] == "some":  # "cooking up some paella" -> "cooking paella": the kind of thing, not this batch
        value = re.sub(r"^(\S+(?:\s+to)?)\s+(?:(?:up|out|around|along|away)\s+)?some\s+", r"\1 ", value, flags=re.I)
    return [value]


def kept_up(raw: str) -> list[str]:
    """'played the cello' -> 'playing the cello'; 'done judo' -> 'judo'."""
    verb, _, rest = raw.strip().partition(" ")
    value = clean_value(rest, max_words=4)
    if not value or (len(value.split()) == 1 and value.lower().endswith("ly")):
        return []  # "played professionally": how, not what
    if verb.lower() == "done":
        return [value]
    return [f"{'playing' if verb.lower() == 'played' else 'practising'} {rest.strip()}"]


def saving_for(raw: str) -> list[str]:
    """'a house' -> 'save for a house'."""
    value = clean_value(raw, max_words=5)
    return [f"save for {raw.strip()}"] if value else []


def project(raw: str) -> list[str]:
    """'novel' -> 'writing a novel'; 'album' -> 'making an album'."""
    thing = " ".join(raw.lower().split())
    written = {"novel", "book", "memoir", "screenplay", "comic", "thesis", "dissertation"}
    verb = "writing" if thing in written else "making"
    return [f"{verb} {'an' if thing[0] in 'aeiou' else 'a'} {thing}"]


# "I produce music for a podcast", "I make beats on weekends": what may follow a made work and leave it
# the work itself (a noun after it makes it another thing: "music recommendations", "music videos").
MAKING_VERBS = frozenset("make produce compose record".split())
MADE_WORK_TAIL = re.compile(
    r"(?:for|in|on|at|with|as|every|each|most|when|whenever|while|after|before|and|but|professionally|mostly"
    r"|mainly|too|also|now|daily|a\s+lot|full[- ]time|part[- ]time|myself|from|since|during|online|alone"
    r"|together)\b|[,;:!]",
    re.I,
)


# A hobby's verb (with the works it makes, if named) and what follows it.
HOBBY_VERB_OBJECT = re.compile(
    r"(?P<verb>\w+(?:\s+(?:poetry|stories|books|novels|marathons|music|songs|beats))?)(?P<obj>.*)$"
)


def hobby(raw: str) -> list[str]:
    match = HOBBY_VERB_OBJECT.match(raw.strip())
    if not match:
        return []
    obj = match.group("obj").strip()
    if match.group("verb").lower().split()[0] in MAKING_VERBS:
        # "I make music recommendations": not making the works; "for a podcast", "in my room" say no more of them
        return [] if obj and not MADE_WORK_TAIL.match(obj) else [gerund(match.group("verb"))]
    if re.match(r"^(?:your|this|that|it|the news|a lot|every|at|to|for|with|about|you|on)\b", obj, re.I):
        obj = ""
    cleaned = clean_value(obj, max_words=3) if obj else None
    verb = gerund(match.group("verb"))
    return [f"{verb} {cleaned}" if cleaned else verb]


def possession(raw: str) -> list[str]:
    """'my own bakery' -> 'own bakery'; 'a red Nissan Pathfinder' -> 'red Nissan Pathfinder'."""
    value = clean_value(re.split(r"\s+(?:named|called|that|which|and)\b|,", raw.strip(), maxsplit=1)[0], max_words=4)
    return [value] if value else []


SOLD_DESCRIBED = re.compile(r"^(?:(?:old|new|little|big|beloved|trusty|first|last|second|own)\s+)+", re.I)


def given_up(raw: str) -> list[str]:
    """'the bar last month' -> 'bar', 'my old van' -> 'van': what one sold or gave away, without
    when, to whom, or the words that told it apart then (the stored one may be 'white camper van')."""
    value = PLACE_CUT.split(raw.strip(), maxsplit=1)[0]
    return possession(SOLD_DESCRIBED.sub("", value))


GET_BETTER = re.compile(r"^(?:get\s+better\s+at|improve(?:\s+my)?|brush\s+up\s+(?:on\s+)?(?:my\s+)?)\s+", re.I)


PURPOSE_CUT = re.compile(r"\s+(?:to|so|for|because|since|as|before)\s+", re.I)


def get_better(raw: str) -> list[str]:
    """'get better at motion graphics too' -> 'get better at motion graphics'."""
    head = GET_BETTER.match(raw.strip())
    if not head:
        return []
    # what it is for is no part of the skill: "photography to take pictures of the dogs"
    skill = clean_value(PURPOSE_CUT.split(raw.strip()[head.end() :], maxsplit=1)[0], max_words=4)
    return [f"get better at {skill}"] if skill and not is_husk(skill) else []


COUNT_NAMES = re.compile(r"^(?P<count>\S+)\s+(?P<noun>.+?)\s*[,:]\s*(?P<names>.+)$")


def count_with_names(raw: str) -> list[str]:
    """'two kids, ola and Kuba' -> 'two kids: Ola and Kuba' when every name is written capitalised;
    'two cats, food and toys' names none."""
    match = COUNT_NAMES.match(raw.strip())
    if not match:
        return []
    names = [n.strip() for n in re.split(r"\s*,\s*|\s*,?\s+and\s+", match.group("names")) if n.strip()]
    if len(names) < 2 or not all(n[:1].isupper() and n.lower() not in _FUNCTION_WORDS for n in names):
        return []
    return [f"{match.group('count').lower()} {match.group('noun').lower()}: {', '.join(names[:-1])} and {names[-1]}"]


SWITCH = re.compile(r"^(?P<old>.+?)\s+(?:to|for)\s+(?P<new>.+)$", re.I)


def switch(raw: str) -> list[str]:
    """'violin to viola' -> ['violin', 'viola']: what was given up, then what took its place."""
    match = SWITCH.match(raw.strip())
    if not match:
        return []
    old, new = clean_value(match.group("old"), max_words=3), clean_value(match.group("new"), max_words=3)
    return [old, new] if old and new and not is_husk(old) and not is_husk(new) else []
def looks(raw: str) -> list[str]:
    """'long red hair and blue eyes' -> one description (hair and eyes told together stay together)."""
    value = " ".join(re.sub(r"\s*,\s*", " ", raw).split()).lower()
    return [re.sub(r"^(?:really|very)\s+", "", value)] if value else []


def children_count(raw: str) -> list[str]:
    """'two' -> 'two kids'; 'twins' stays 'twins' (a mother "of twins")."""
    word = raw.strip().lower()
    return [word] if word in ("twins", "triplets") else [f"{raw.strip()} kids"]


# A parent is no occupation: "I'm a single mum of twins" is family.
PARENT_NOUNS = frozenset(
    "mum mom mother mummy mommy dad father daddy parent grandma grandmother grandpa grandfather".split()
)


def diet(raw: str) -> list[str]:
    return [raw.strip().lower()]


# "I'm an avid reader": the pastime behind the person's noun.
PASTIME_OF = {
    "reader": "reading", "runner": "running", "hiker": "hiking", "swimmer": "swimming", "cyclist": "cycling",
    "gamer": "gaming", "gardener": "gardening", "cook": "cooking", "baker": "baking", "skier": "skiing",
    "surfer": "surfing", "climber": "climbing", "traveler": "travelling", "traveller": "travelling",
    "dancer": "dancing", "knitter": "knitting", "golfer": "golf", "birdwatcher": "birdwatching",
    "photographer": "photography", "camper": "camping", "fisherman": "fishing", "angler": "fishing",
    "astronomer": "astronomy", "stargazer": "stargazing", "painter": "painting", "sailor": "sailing",
    "kayaker": "kayaking", "collector": "collecting", "musician": "music", "writer": "writing",
    "bookworm": "reading", "gym rat": "going to the gym", "foodie": "food",
}  # fmt: skip


# "I'm a decent cook", "a fast typist": the skill behind the doer's noun.
SKILL_OF = {
    "cook": "cooking", "baker": "baking", "swimmer": "swimming", "dancer": "dancing", "singer": "singing",
    "typist": "typing", "driver": "driving", "skier": "skiing", "public speaker": "public speaking",
    "negotiator": "negotiating", "climber": "climbing", "surfer": "surfing", "knitter": "knitting",
    "chess player": "chess",
}  # fmt: skip
# (Not the nouns that are trades as often: "I'm a great photographer / mechanic / programmer" may be one's job.)


def doer_skill(raw: str) -> list[str]:
    """'cook' (from "I'm a decent cook") -> 'cooking'."""
    found = SKILL_OF.get(" ".join(raw.split()).lower())
    return [found] if found else []


# A pastime's past participle and its verb: "I've surfed my whole life" -> surf -> "surfing" ("played" is
# interests_have_played's).
DONE_PASTIMES = {
    "surfed": "surf", "skated": "skate", "danced": "dance", "sung": "sing", "painted": "paint",
    "knitted": "knit", "swum": "swim", "cycled": "cycle", "climbed": "climb", "fished": "fish", "sailed": "sail",
    "skied": "ski", "hiked": "hike", "sewn": "sew", "baked": "bake", "gardened": "garden", "kayaked": "kayak",
    "boxed": "box", "drawn": "draw", "rowed": "row",
}  # fmt: skip


def done_long(raw: str) -> list[str]:
    """'played piano' (since I was five) -> 'playing piano'; 'surfed' (my whole life) -> 'surfing'."""
    words = raw.split()
    verb = DONE_PASTIMES.get(words[0].lower()) if words else None
    return [" ".join([gerund(verb), *words[1:]])] if verb else []


def pastime(raw: str) -> list[str]:
    found = PASTIME_OF.get(" ".join(raw.split()).lower())
    return [found] if found else []


def gerund_pastime(raw: str) -> list[str]:
    """ "playing chess for years": the pastime, without the duration (the row matched it)."""
    value = clean_value(raw, max_words=6)
    return [value] if value and value.split()[0].lower().endswith("ing") else []


BACK_FROM_NOUN = re.compile(
    r"^(?:(?:my|a|the)\s+)?(?P<v>(?:[\w-]+\s+)?(?:practice|rehearsal)|volunteer\s+work|volunteering)$", re.I
)


def back_from(raw: str) -> list[str]:
    """'my choir rehearsal' -> 'choir rehearsal'; 'walking my dog' read as a pastime done now."""
    noun = BACK_FROM_NOUN.match(raw.strip())
    return [noun.group("v").lower()] if noun else pastime_now(raw)


_NOT_RATHER_VERBS = frozenset(NOT_RATHER_VERBS)
RATHER_THAN = re.compile(r"\s+(?:than|instead\s+of|over)\s+.*$", re.I)
# "be outdoors" -> "being outdoors", "be reading" -> "reading", "have tea" -> "tea": the thing preferred.
RATHER_LEAD = re.compile(r"^(?:(?P<be>be)\s+(?=\w+ing\b)|(?:have|eat|drink|listen\s+to|watch)\s+)", re.I)


def rather(raw: str) -> list[str]:
    """'go to the park than the mall' -> 'going to the park': what one would rather do, without what it beats."""
    head = RATHER_THAN.sub("", raw.split(",")[0].strip())
    first = head.split()[:1]
    if not first or first[0].lower() in _NOT_RATHER_VERBS:
        return []
    lead = RATHER_LEAD.match(head)
    if lead:
        return things(head[lead.end() :])
    return things(f"to {head}")


TEAM_NOUNS = frozenset({"team", "club", "league"})


def sport_of_team(raw: str) -> list[str]:
    """'soccer team' -> 'soccer team' (one belongs to it); 'softball game' -> 'softball' (one plays it)."""
    words = raw.lower().split()
    return [" ".join(words)] if words[-1] in TEAM_NOUNS else [" ".join(words[:-1])]


def job_hunt(raw: str) -> list[str]:
    """'a new job' -> 'find a new job'; 'job hunting' (no object) -> 'find a job'."""
    value = raw.strip().lower()
    if not value or value.startswith("job "):
        return ["find a job"]
    return [f"find {value if value.startswith('a ') or value == 'work' else 'a ' + value}"]


def watch_read(raw: str) -> list[str]:
    """'watch cooking shows on Sundays' -> 'watching cooking shows' (a bare 'watch' or 'read' says nothing)."""
    verb, _, rest = raw.strip().partition(" ")
    found = pastime_now(f"{'watching' if verb.lower() == 'watch' else 'reading'} {rest}")
    return [f for f in found if " " in f]


def time_at(raw: str) -> list[str]:
    """'at the climbing gym' -> 'spending time at the climbing gym'; 'at work', 'in my room' or 'in the hospital'
    is no pastime."""
    prep, _, place = raw.strip().partition(" ")
    words = [w for w in WORD.findall(place.lower()) if w not in HABIT_DETERMINERS]
    if not words or words[-1] in _NOT_HABIT_PLACES or words[-1] in _NOT_PASTIME_OBJECTS or is_husk(" ".join(words)):
        return []
    if any(w.removesuffix("'s") in _PEOPLE for w in words):
        return []
    return [f"spending time {prep.lower()} {place.strip()}"]


def qualify(raw: str) -> list[str]:
    """'qualify as a midwife by 2027' -> 'qualify as a midwife': the profession one works towards."""
    match = re.match(r"qualify\s+as\s+(?P<a>an?)\s+(?P<r>.+)$", raw.strip(), re.I)
    found = role(match.group("r")) if match else []
    return [f"qualify as {match.group('a').lower()} {found[0]}"] if match and found else []


# What one drives for a living, told in the plural ("I drive buses"): the driver's job.
DRIVEN_FOR_WORK = {
    "tram": "tram",  # "I drive the 16 bus": one line, named
    "bus": "bus",
    "trams": "tram",
    "buses": "bus",
    "busses": "bus",
    "trucks": "truck",
    "lorries": "lorry",
    "taxis": "taxi",
    "cabs": "cab",
    "trains": "train",
    "ambulances": "ambulance",
    "forklifts": "forklift",
    "coaches": "coach",
    "delivery vans": "delivery van",
    "school buses": "school bus",
}


def driver(raw: str) -> list[str]:
    """'buses' -> 'bus driver'."""
    kind = DRIVEN_FOR_WORK.get(" ".join(raw.lower().split()))
    return [f"{kind} driver"] if kind else []


def pet_gone(raw: str) -> list[str]:
    """'Pepper' (from "Sadly Pepper passed away") -> the name; a pronoun or an uncapitalised word names no pet."""
    value = raw.strip()
    if not value[:1].isupper() or value.lower() in NOT_PET_GONE:
        return []
    return [value]


NOT_PET_GONE = frozenset("i he she it they we who everyone everybody someone somebody nobody grandpa grandma".split())


# "a rescue dog, a beagle called Pepper": one animal, told twice (the second time with its name).
PET_APPOSITION = re.compile(r"^(?:a|an)\s+[^,]+,\s+(?:a|an)\s+[^,]+?\s+(?:named|called)\s+\w+", re.I)


def adopted_pets(raw: str) -> list[str]:
    """The pets taken in; an animal told again with its name ("a rescue dog, a beagle called Pepper") is one."""
    found = pets(raw)
    if len(found) == 2 and " and " not in raw and PET_APPOSITION.match(raw.strip()) and "named" in found[1]:
        return found[1:]
    return found


# When or why one got into it is no part of what: "climbing during lockdown", "chess thanks to my dad".
TAKEN_UP_CUT = re.compile(
    r"\s+(?:during|since|after|when|while|at|with|through|thanks\s+to|because|in\s+(?:lockdown|the\s+pandemic|\d{4}|college|uni|school))\b",
    re.I,
)


def taken_up(raw: str) -> list[str]:
    """What one got into: a kind of thing in lower case ('birdwatching'), never a named place ('Oxford')."""
    return things(TAKEN_UP_CUT.split(raw.strip(), maxsplit=1)[0]) if raw.strip()[:1].islower() else []


# Programming languages as they are written (the rest are capitalised).
CODE_LANGUAGE_NAMES = {"golang": "Go", "javascript": "JavaScript", "typescript": "TypeScript", "sql": "SQL"}
CODE_LANGUAGE = re.compile(
    r"\b(?:python|java|javascript|typescript|go|golang|rust|kotlin|swift|scala|haskell|elixir|sql|perl|lua|dart|clojure"
    r"|fortran|cobol)\b",
    re.I,
)


def code_languages(raw: str) -> list[str]:
    """'Go and a bit of Rust' -> ['Go', 'Rust']: the programming languages named, as they are written."""
    found: list[str] = []
    for match in CODE_LANGUAGE.finditer(raw):
        word = match.group(0).lower()
        name = CODE_LANGUAGE_NAMES.get(word, word.capitalize())
        if name not in found:
            found.append(name)
    return found


def degree_goal(raw: str) -> list[str]:
    """'do a master's in economics' -> "master's in economics"; 'get an MBA' stays (the verb says what)."""
    return goal(re.sub(r"^(?:do|pursue|go\s+for|study\s+for|start)\s+(?:a|an|my)\s+", "", raw.strip(), flags=re.I))


# What stands before "here" that is no job: "long-time lurker here", "total beginner here".
NOT_ROLE_HERE = frozenset(
    "lurker newcomer beginner user reader listener viewer fan follower member customer subscriber player buyer "
    "traveller traveler visitor stranger outsider tourist newbie noob learner asker poster".split()
)
ROLE_SUFFIXES = ("er", "or", "ist", "yst", "ian", "eer", "ant", "ent", "ect", "man")
ROLE_WORDS_HERE = frozenset("nurse chef dev medic vet pilot cop midwife surgeon paramedic".split())


def role_here(raw: str) -> list[str]:
    """'Software engineer' (from "Software engineer here") -> the role; only a noun that reads as a job."""
    found = role(raw)
    last = found[0].lower().split()[-1] if found else ""
    if not found or last in NOT_ROLE_HERE or not (last.endswith(ROLE_SUFFIXES) or last in ROLE_WORDS_HERE):
        return []
    return found


# Jobs told in one word: "paramedic here" introduces a paramedic, not someone named Paramedic.
JOB_NOUNS = frozenset(
    """nurse doctor teacher engineer developer programmer designer lawyer paralegal accountant pharmacist paramedic
    medic midwife dentist vet chef cook baker barista bartender waiter waitress cashier electrician plumber carpenter
    mechanic pilot driver farmer firefighter officer soldier student scientist researcher analyst consultant manager
    librarian journalist writer editor photographer artist musician architect surgeon therapist counsellor counselor
    tutor lecturer professor translator cleaner builder gardener postman courier receptionist secretary clerk banker
    dev coder nanny carer caregiver""".split()
)


def name_here(raw: str) -> list[str]:
    """'Diego' (from "Diego here") -> the name; a job ("paramedic here") is no name."""
    return [] if raw.strip().lower() in JOB_NOUNS else name(raw)


def pet_parent(raw: str) -> list[str]:
    """'cat' (from "I'm a cat mum") -> the pet; "plant mum" keeps plants, no pet."""
    value = raw.strip().lower()
    return [] if value == "plant" else [value]


def team_role(raw: str) -> list[str]:
    """'lead the data' (from "I lead the data team") -> 'data team lead'; 'manage our sales' -> 'sales team manager'."""
    match = re.match(r"(?P<verb>lead|manage|run|head\s+up|head)\s+(?:the|a|our)\s+(?P<team>.+)$", raw.strip(), re.I)
    if not match:
        return []
    verb = match.group("verb").lower()
    title = "manager" if verb == "manage" else "lead" if verb in {"lead", "run"} else "head"
    team = match.group("team").strip()
    return [f"{team} team {title}"] if team.lower() not in {"same", "other", "whole", "entire"} else []
