"""The built-in, offline extractor: reads a message through the table in rules_table.py.

How a message is read:
1. It is cut into sentences, and each sentence into clauses where a new subject
   starts (", i …", " and my …", " but …"). A clause that asks, requests
   ("can you…", "write…", "forget that…") or supposes ("if I were…") yields nothing;
   one that tells of the past ("I used to…", "I was a…") can only end a fact. A
   leading "when I …" part is dropped and the main clause after it is kept; inside a
   question, the user's own statements ("i'm todd, what's your name?") still count.
2. Every row is anchored on the speaker ("I", "I'm", "my"), so "my sister loves
   tennis" never becomes the user's like. Looser rows ("working at…") check that the
   nearest subject before them is "I". Which row wins a trigger is `precedence()`.
3. A matched value is cut at the first trailing clause ("because…", "last week"),
   stripped of determiners, and split into items ("A, B and C").
4. Change rules (issue 9): ending rows REMOVE ("used to", "no longer", "not … anymore",
   "quit", "left", "fired", "laid off", "moved from"); an ending's value is matched to the
   stored one (a role's or an employer's in either of the two fields). A new
   polarity removes the old one ("I hate X" removes X from likes). Replacing words
   ("now", "moved to", "started as", "call me") make a scalar an UPDATE.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

import rules_values as v
from domain import EXTRA_LIST_FIELDS, LIST_FIELDS, EventKind, FieldEvent, copied
from guards import SENSITIVE_CATEGORIES, prose_outside_code, sensitive_category
from prefilter import (
    CaseBlind,
    Prefiltered,
    lower_twin,
    lowered,
    matches_at,
    may_open,
    needle_sets,
    never_matches,
    opening_starts,
    openings,
    pattern_width,
)
from prefilter import needles as required_needles
from quality import Refused, check_value
from rules_table import HERE_ENDS, I_AM, ONGOING_ROWS, ROWS, Row, precedence
from vocabulary import (
    ACTIVITY_GERUNDS,
    AFFIRMATION_PHRASES,
    BARE_NAMED_KIN,
    BUSINESSES,
    DIETS,
    HOME_ADJECTIVES,
    HOME_DWELLINGS,
    INSTRUMENTS,
    NOT_NAMES,
    NUMBER_WORDS,
    OCCUPATIONS,
    PET_OWNERS,
    PETS,
    RELATIVES,
    TASK_VERBS,
    TITLE_POSTS,
    VEHICLES,
    alternation,
)

DEGREE_WORDS = r"(?:bachelor'?s|master'?s|masters|phd|btech|mtech|bsc|msc|beng|meng|mba|llb|ba|ma|degree)"
# ("did my MBA at INSEAD" tells a degree with its "I" left out: no question)
QUESTION_START = re.compile(
    rf"^(?:do|does|did(?!\s+my\s+{DEGREE_WORDS}\s+(?:in|at|from)\s)|are|is|was|were|can|could|would|will|should|shall|have|has|what|who|whom|where|when|"
    r"why|how|which|may|whats|what's|hows|how's|wanna|want to|you)\b",
    re.I,
)
REQUEST_START = re.compile(
    rf"^(?:please|pls|kindly|{TASK_VERBS}|let's|lets|imagine|pretend|act as|assume|book|order|schedule|"
    r"forget|delete|remove|drop|erase|meet|enjoy|have a)\b",
    re.I,
)
REQUEST_ANYWHERE = re.compile(
    r"\b(?:can|could|would|will)\s+you\b|\bhelp\s+me\b|\bi\s+need\s+(?:you|help|to know|a |an )|"
    r"\bi\s+(?:want|would like|'d like)\s+you\s+to\b|"
    # "I'm looking for a plumber" asks; "I'm looking for a new job" tells of a search (goals_job_hunting).
    r"\bi'm\s+looking\s+for\s+(?:a|an|some)\b(?!\s+(?:new\s+|better\s+|different\s+|second\s+)?job\b)",
    re.I,
)
HYPOTHETICAL_START = re.compile(
    r"^(?:if|unless|suppose|supposing|what if|maybe|perhaps|i wish|wish|i can imagine|i could)\b"
    # (but a taste told as an idiom: "I could eat dumplings every day", rules_table's likes_could_x_every_day)
    r"(?!\s+(?:happily\s+)?(?:eat|drink|listen\s+to|watch|read|play)\s+[\w\s'-]{2,40}?\s+"
    r"(?:every\s+(?:single\s+)?day|all\s+day|forever|for\s+ever|on\s+repeat)\b)",
    re.I,
)
TEMPORAL_START = re.compile(
    r"^(?:(?:when|whenever|while|once|after|before|as soon as|every time)\s+(?:i|i'm|im)\b.*?\s"
    # "After the wedding I took the name Byrne", "after the divorce i moved to Sligo": the change after an event
    r"|(?:after|following)\s+(?:the|my|our|that|this)\s+[\w'-]+(?:\s+[\w'-]+)?\s*,?\s+)(?=i\s|i'm\s|im\s)",
    re.I,
)
REMEMBER_LEAD = re.compile(
    r"^(?:please\s+)?(?:remember|note|keep in mind|don't forget)\s+(?:that\s+)?(?=i\b|i'm\b|my\b)", re.I
)
LANGUAGE_PREFERENCE = re.compile(
    r"^(?:please\s+)?(?:always\s+)?(?:answer|reply|respond|talk|speak|write)\s+(?:to\s+)?me\s+in\s+\w+", re.I
)
# "Please call me Bea": a standing preference too, though it starts like a request.
CALL_ME = re.compile(
    r"^(?:(?:please|you\s+can|you\s+may|everyone|everybody|people|friends|they)\s+)?(?:just\s+)?calls?\s+me\b", re.I
)
CONCESSIVE_START = re.compile(r"^(?:even though|although|though|because|since|as)\s+(?=i\b|i'm\b|my\b)", re.I)
CONCESSIVE_LETTERS = "eEaAtTbBsS"  # what its words open with: on a clause opening otherwise it cannot match
SUBORDINATE_TAIL = re.compile(r"\s+(?:if|when|whenever|unless|while)\s+.*$", re.I)
# The past, told: such a clause can only end a fact ("I used to work at X").
PAST = re.compile(r"\b(?:used to|use to|as a kid|as a child|when i was|back then|in the past)\b", re.I)
REPORTED = re.compile(r"\b(?:he|she|they|my \w+)\s+(?:said|says|thinks|told)\b", re.I)
DATED = (
    r"today|tonight|tomorrow|this (?:morning|afternoon|evening|week|weekend|month)|"
    r"next (?:week|weekend|month|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"later today|soon|in a few (?:minutes|hours|days)"
)
NEAR_FUTURE = re.compile(rf"\b(?:{DATED}|right now|at the moment|for now)\b", re.I)
# For a row that tells of something long under way ("I'm learning Thai at the moment"), only a date counts.
DATED_FUTURE = re.compile(rf"\b(?:{DATED})\b", re.I)
# ("I'm looking for a job at Acme": a search, no employer yet.)
FUTURE_INTENT = re.compile(
    r"\b(?:about to|going to|gonna|hope to|hoping to|want to|plan to|will|would|"
    r"looking for|searching for|applying for)\b",
    re.I,
)
# Replacing words: a scalar stated with one of these replaces the stored one.
CHANGE = re.compile(
    r"\b(?:now|from now on|these days|nowadays|moved|relocated|changed|switched|became|new job|started|call me)\b", re.I
)
# (and "here" ending a greeting: "Software engineer here, working at…", "Diego here." introduce the speaker)
# (and "Name's Geoff", "Ailsa here btw": the speaker introducing themselves)
FIRST_PERSON = re.compile(
    r"\b(?:i|i'm|im|i've|ive|i'd|i'll|me|my|mine|myself)\b|❤|♥|\bhere(?=\s*(?:$|[,.!:]|(?:btw|by\s+the\s+way)\b))"
    r"|(?:^|[.!?]\s+)name(?:'s|\s+is)\s"
    r"|(?:^|[.!?]\s+)(?:grew\s+up\s+(?:in|on)|(?:just\s+)?turned\s+\d+|(?:(?:finally|just)\s+)?settled\s+(?:down\s+)?in"
    r"|first\s+(?:day|week|month|shift)\s+at)\b"
    # "Carpenter by trade", "Teacher by day, …": the speaker's trade told tersely (rules_table's role_x_by_trade)
    r"|(?:^|[.!?]\s+)(?:(?:hi|hey|hello)\s*,?\s+)?(?:an?\s+)?[\w-]+(?:\s+[\w-]+){0,2}?\s+by\s+(?:trade|profession|training|day)\b"
    rf"|\bhere\s+in\s+(?-i:[A-Z])|\bour\s+(?:{HOME_ADJECTIVES}\s+)*{HOME_DWELLINGS}\s+in\s+(?-i:[A-Z])"
    r"|\bwe\s+(?:just\s+|finally\s+)?(?:broke\s+up|split\s+up|separated)\b|\bwe(?:'re|\s+are)\s+(?:all\s+)?(?:vegan|vegetarian)\b"
    rf"|\bwe(?:'re|\s+are)\s+(?:a|an)\s+(?:{alternation(DIETS)})\s+(?:household|family|home)\b"
    r"|(?:^|[.!?]\s+)no\s+(?:kids|children)\s*,?\s+but\s",  # "No kids, but two cats" (animals_instead)
    re.IGNORECASE,
)
# "We moved to…", "we live in…", "we adopted a puppy": the user's household, so the user's own place and
# pets; "we sold the bar" ends what the household had (an ending only removes what is stored), and so does
# "Sadly Pepper passed away" (a pet of that name leaves the profile; any other name removes nothing).
# "We have two kids", "we've got a new grandson": the couple's children are the speaker's.
WE_HAVE_CHILDREN = (
    r"(?:have|got|had)\s+(?:a\s+)?(?:new\s+|newborn\s+)?(?:(?:two|three|four|five|six|\d+)\s+)?"
    r"(?:kids?|children|sons?|daughters?|grandsons?|granddaughters?|grandchildren|grandkids?|twins|baby\s+(?:boy|girl))\b"
)
# "We have two cats", "we've got a rescue greyhound": the household's animals are the speaker's pets.
WE_HAVE_PETS = rf"(?:have|got)\s+(?:a|an|two|three|four|five|\d+)\s+(?:[\w-]+\s+)?(?:{v.PETS_RE})\b"
HOUSEHOLD = re.compile(
    r"^we(?:'ve|\s+have)?\s+(?:(?:just|recently|finally|also|then|eventually|actually)\s+)*(?:moved|relocated|live|settled|swapped|traded|broke\s+up|split\s+up|separated|are\s+moving|'re\s+not|are\s+not|'re\s+no|"
    r"packed\s+up|upped\s+sticks|made\s+the\s+(?:big\s+)?move|left|'re\s+back\s+home|are\s+back\s+home|"
    rf"are\s+no|sold|closed|adopted|rescued|bought|{WE_HAVE_CHILDREN}|{WE_HAVE_PETS})\b"
    # "we are vegan at home": the household's diet.
    r"|^we(?:'re|\s+are)\s+(?:all\s+)?(?:vegan|vegetarian|pescatarian)\b"
    # "we're a vegan household", "we are an omnivore family": the household's diet, told as a kind of household.
    rf"|^we(?:'re|\s+are)\s+(?:a|an)\s+(?:{alternation(DIETS)})\s+(?:household|family|home)\b"
    # "our little cottage in Dunedin": where the household's home is.
    rf"|^our\s+(?:{HOME_ADJECTIVES}\s+)*{HOME_DWELLINGS}\s+in\s|^our\s+new\s+(?:place|pad)\s+in\s"
    # "we're in Porto now", "we're Leeds-based": where the household lives (rules_table's location rows).
    r"|^we(?:'re|\s+are)\s+(?:now\s+)?(?:in\s+[\w'-]+(?:\s+[\w'-]+)?\s+(?:now|these\s+days|nowadays)\b|[\w'-]+(?:\s+[\w'-]+)?-based\b)"
    r"|^(?:(?:sadly|unfortunately)\s*,?\s+)?[a-z][\w'-]*\s+(?:has\s+|just\s+)?(?:passed\s+away|died)\b",
    re.I,
)
# "The trams here in Zagreb", "allowed here in Singapore?": told where one is, so the clause is the user's
# (location_here_in reads the place) unless the message tells of a trip.
HERE_IN = re.compile(r"\bhere\s+in\s+(?-i:[A-Z])", re.I)
ON_A_TRIP = re.compile(
    r"\b(?:trip|holiday|holidays|vacation|visiting|visit|travell?ing|tour|conference|honeymoon|layover|stopover|"
    r"weekend\s+(?:in|away)|for\s+(?:a|the|two|three|few)\s+(?:days?|nights?|weeks?))\b",
    re.I,
)
# (and a move or a promotion told with its "I" left out, at a sentence's start: "Just moved to Leeds.")
HOUSEHOLD_ANYWHERE = re.compile(
    r"\bwe(?:'ve|\s+have)?\s+(?:(?:just|recently|finally|also|then|eventually|actually)\s+)*(?:moved|relocated|live|settled|swapped|traded|sold|closed|adopted|rescued|"
    r"packed\s+up|upped\s+sticks|made\s+the\s+(?:big\s+)?move|left|'re\s+back\s+home|are\s+back\s+home|"
    rf"bought|{WE_HAVE_CHILDREN}|{WE_HAVE_PETS})\b|\bour\s+new\s+(?:place|home|house|flat|apartment|condo|pad)\s+in\b|(?:^|[.!?]\s+)(?:just\s+)?(?:moved\s+(?:here\s+)?(?:to|from)|got\s+promoted)\b"
    r"|\b(?:passed\s+away|died)\b"
    r"|\bwe(?:'re|\s+are)\s+(?:now\s+)?(?:in\s+[\w'-]+(?:\s+[\w'-]+)?\s+(?:now|these\s+days|nowadays)\b|[\w'-]+(?:\s+[\w'-]+)?-based\b)",
    re.I,
)
SUBJECTS = re.compile(r"\b(?:i|i'm|im|he|she|they|we|you|it)\b|^(?:my|his|her|their|our|your)\s+\w+", re.I)
# A leading "yeah, well, …" is stripped only from a clause that starts with a letter one could start.
# Looked up by the clause's first word, then tested with startswith: most clauses start with
# "i", and only "i see" / "i bet" of the fillers do, so the regex rarely needs to run.
FILLERS_BY_FIRST_WORD: dict[str, tuple[str, ...]] = {}
for _phrase in AFFIRMATION_PHRASES:
    _first = _phrase.split()[0]
    FILLERS_BY_FIRST_WORD[_first] = (*FILLERS_BY_FIRST_WORD.get(_first, ()), _phrase)


def _may_open_with_filler(lowered: str) -> bool:
    # The first word by str.split: what the regex \s*(\S+) reads (both split at str.isspace); a piece is never blank.
    first = lowered.split(None, 1)[0].strip(",.!")
    return lowered.startswith(FILLERS_BY_FIRST_WORD.get(first, ()))  # any of them (none: False)


# LEADING_FILLER's lower-case twin ("…" of its trailing class no ASCII letter matches): run on ASCII text only.
LEADING_FILLER_TWIN = lower_twin(v.LEADING_FILLER, foreign=True)


def _without_filler(piece: str, low_piece: str) -> str:
    """v.LEADING_FILLER.sub("", piece), `low_piece` being piece.lower(): its one match can only open
    the piece (it starts with ^, without MULTILINE), found by the twin on ASCII text."""
    if LEADING_FILLER_TWIN is None or not piece.isascii():
        return v.LEADING_FILLER.sub("", piece)
    match = LEADING_FILLER_TWIN.match(low_piece)
    return piece[match.end() :] if match else piece


# The same test on a clause's words, without a regex: the user speaks, or someone else is the subject.
SPEAKER_WORDS = frozenset({"i", "im", "me", "my", "mine", "myself", "❤", "♥"})
OTHER_SUBJECTS = frozenset({"he", "she", "they", "we", "you", "it"})
OTHER_OWNER = re.compile(r"^(?:his|her|their|our|your)\s+\w+", re.I)

# -- reading a message into clauses -----------------------------------------------------

# (and "ive", "i ve" for "I've": no other word is spelt so)
CONTRACTION = re.compile(r"\b(don|can|won|isn|aren|doesn|didn)\s*t\b|\b(dont|cant)\b|\b(i\s*ve)\b|\bi\s+'?m\b", re.I)
# "I've a dog", "i ve two sons": possession, read as "I have" (but "I've been" stays).
I_VE_HAVE = re.compile(rf"\bi\s*'?ve\s+(?:got\s+)?(?=(?:{alternation(NUMBER_WORDS)}|\d+|lots|no)\b)", re.I)


CONTRACTION_CB = CaseBlind(CONTRACTION)
# Where a CONTRACTION match can start in lowered ASCII text: on one of its words ("don", "isn"…),
# or on an "i" before "v" ("ive") or before a space ("i m", "i ve"). One scan for these openings
# (a literal-led alternation, which re skips through in C) and the regex tried only where they
# stand (prefilter.matches_at) cost half of the regex's own scan of every position of a message.
# No opening holds the start of another after its first letter, so the scan's matches, which
# never overlap, miss none of them.
CONTRACTION_OPENING = re.compile(r"i\s|iv|don|can|won|isn|aren|doesn|didn")
# Past this many starts per character, the scan of every position costs less.
STARTS_PER_CHAR = 1 / 12


def contraction_starts(low: str) -> list[int] | None:
    """The places in `low` (lowered ASCII text) where CONTRACTION can match, ascending; None when
    they are too many to be worth it."""
    starts = [m.start() for m in CONTRACTION_OPENING.finditer(low)]
    return starts if len(starts) <= len(low) * STARTS_PER_CHAR else None


I_VE_HAVE_CB = CaseBlind(I_VE_HAVE)


def _contraction(group: Callable[[int], str | None]) -> str:
    if first := group(1):
        return first + "'t"
    if second := group(2):
        return second[:-1] + "'t"
    if group(3):
        return "i've"
    return "i'm"


# "Dr. Amara Okafor", "St. Olav's": a title's dot ends no sentence (the dot goes, the name stays whole).
TITLE_DOT = re.compile(r"\b(Dr|Mr|Mrs|Ms|Mx|Prof|St)\.(?=\s+[A-Z])")
TITLES_WITH_DOT = ("Dr. ", "Mr. ", "Mrs. ", "Ms. ", "Mx. ", "Prof. ", "St. ")


# "i eat to much fries", "i play to many games": "too" typed "to" after a habit verb.
TO_FOR_TOO = re.compile(
    r"\b(eat|drink|play|watch|read|buy|spend|smoke|sleep|work|worry|talk)\s+to\s+(much|many)\b", re.I
)
TO_M = re.compile(r"\sto\s+m", re.I)


def normalise_text(message: str) -> str:
    """Straight quotes, titles without their dot, and the contractions people type without them ("dont", "i m")."""
    text = message.replace("’", "'").replace("‘", "'").replace("`", "'").replace("—", " - ").replace("–", " - ")
    if any(title in text for title in TITLES_WITH_DOT):  # a substring test per title, the regex only then
        text = TITLE_DOT.sub(r"\1", text)
    if TO_M.search(text):  # (a short search first; the full regex only then)
        text = TO_FOR_TOO.sub(r"\1 too \2", text)
    text = CONTRACTION_CB.sub(text, lowered(text), _contraction, contraction_starts)
    text = I_VE_HAVE_CB.sub(text, lowered(text), lambda _: "i have ")
    return text if "\n" in text or _single_spaced(text) else " ".join(text.split())


# The whitespace of ASCII text other than the space (what str.split splits at, as \s matches).
OTHER_ASCII_SPACES = tuple(chr(code) for code in range(128) if chr(code).isspace() and code != 32)


def _single_spaced(text: str) -> bool:
    """Whether " ".join(text.split()) is the text itself (so the split and join of ~800 words of
    a 4 KB message can be skipped): ASCII text whose only whitespace is single inner spaces."""
    if not text.isascii() or "  " in text or text[:1] == " " or text[-1:] == " ":
        return False
    for space in OTHER_ASCII_SPACES:  # noqa: SIM110 (a loop is twice as fast as any() over a generator)
        if space in text:
            return False
    return True


# The lookahead lets the scan skip every character that cannot start a break (a third faster).
CLAUSE_BREAK = re.compile(
    r"(?=[\s;:,])\s*(?:[;:]|\s-\s|,?\s+but\s+|\s+(?=(?:would|could|can|will|do|did|are|have)\s+you\b)|"
    r"\s+(?=i\s+do(?:\s+not|n't)?(?:\s+too|\s+at\s+all)?$)|,\s*(?=(?:and\s+|so\s+|because\s+)?"
    # "I used to teach, now I'm a chef": the change after the comma is a clause of its own, not the past
    r"(?:(?:but\s+|and\s+)?(?:now|these\s+days|nowadays)\s*,?\s+)?(?:i|i'm|im|my|we|you|he|she|they|it|it's|its|"
    r"that|this|there|what|how|do|does|are|is|love|like|enjoy|hate|done\s+with)\b)|\s+(?:and|so|because|cause|since|plus)\s+"
    r"(?=i\b|i'm\b|im\b|my\b|he\b|she\b|they\b)"  # "... and she thinks I'm crazy": her clause, not mine
    # "quit Acme, started at Initech as ...": the second verb's "I" left out
    r"|,\s*(?=(?:started|moved|joined|switched)\s+(?:at|to|as|up|over|back|from)\b))",
    re.I,
)
QUESTION_BREAK = re.compile(r"\s+(?=(?:what|how|where|who|why|do you|are you|did you|have you|and you)\b|you$)", re.I)
# "like a lime" after a like ("I love green, like a lime"): a likeness, a noun; "like to swim" or
# "like swimming" is one more like, with its "I" left out.
SIMILE_AFTER_LIKE = re.compile(r"^like\s+(?!to\b|\w+ing\b)", re.I)
# After a dislike or an aversion, ", like X" gives an example of it, never a like: "I hate chores,
# like ironing", "I avoid sugar, like sweets and soda".
EXAMPLE_AFTER_AVERSION = re.compile(r"^like\s+(?!to\b)", re.I)
AVERSION = re.compile(
    r"\b(?:avoid|avoiding|steer(?:ing)?\s+clear\s+of|stay(?:ing)?\s+away\s+from|cut(?:ting)?\s+out|"
    r"allergic\s+to|can't\s+(?:eat|stand|bear|handle)|cannot\s+(?:eat|stand|bear|handle)|sick\s+of|tired\s+of)\b",
    re.I,
)
# ("Don't really care for horror films": a dislike with its "I" left out, not "don't eat the cake", an order;
# "got promoted to lead", "left Shopify, I'm freelancing now", "just moved to Leeds": news of one's own.)
ELIDED_I = re.compile(
    r"^(?=(?:love|like|enjoy|adore|hate|dislike|work|live|am|(?:don't|do\s+not)\s+(?:really\s+|even\s+)?"
    r"(?:like|care\s+for|enjoy)|(?:got\s+promoted|left|quit|moved(?=\s+(?:(?:up|down|over|back|out|across|home)\s+)?(?:to|here|from|into)\b))"
    r"|just\s+(?:turned(?=\s+\d)|got\s+promoted|left|quit|moved(?=\s+(?:(?:up|down|over|back|out|across|home)\s+)?(?:to|here|from|into)\b)"
    r"|settled(?=\s+(?:down\s+)?in\b)|started(?=\s+(?:at|as|working)\b))"
    # "Grew up in Auckland", "turned 50 on Tuesday", "finally settled in Berlin": a terse life fact.
    r"|grew(?=\s+up\s+(?:in|on)\b)|turned(?=\s+\d)|(?:finally\s+)settled(?=\s+(?:down\s+)?in\b)|settled(?=\s+(?:down\s+)?in\b)"
    r"|been(?=\s+(?:a|an)\s+[\w\s'-]{2,40}?\s+(?:fan\b|supporter\b|for\s|since\s|\d+\s*(?:years|yrs)\b)|\s+learning\s|\s+living\s+in\s)"
    # "started at Rimac as an engineer", "doing my MSc here", "officially retired!"
    rf"|started(?=\s+(?:at|as|working)\b)|doing(?=\s+my\s+{DEGREE_WORDS}\b)"
    # "did my BTech in Pune", "did my masters at Leeds": a degree told with the "I" left out.
    rf"|did(?=\s+my\s+{DEGREE_WORDS}\s+(?:in|at|from)\s)"
    r"|first(?=\s+(?:day|week|month|shift)\s+at\s)|started(?=\s+[a-z]+ing\b)|got(?=\s+hired\b)|new(?=\s+(?:job|role|position)\s+(?:at|with)\s)"
    # "Not living in Leeds anymore", "no longer based in Leeds": an ending with its "I'm" left out.
    r"|not(?=\s+(?:living|based)\s+in\s)|no(?=\s+longer\s+(?:living|based)\s+in\s))"
    r"\s+(?!i\b|you\b|it\b|that\b)\w"
    r"|(?:officially|finally)\s+retired\s*(?:$|[!,.]|\s+(?:now|today|last|this|yesterday)\b)"
    r"|retired\s*(?:$|[!,.]|\s+(?:now|today|last|this|yesterday)\b))",
    re.I,
)
# A sentence (or a part after a colon) that opens with its "I" left out: "news: quit Acme", "been learning Rust".
ELIDED_AT_A_START = re.compile(r"(?:^|(?<=[.!?:;]))\s*" + ELIDED_I.pattern[1:], re.I)


ELIDED_SUBJECT_WORDS = frozenset({"i", "m", "ve"})


def elided_subject(match: re.Match[str]) -> str:
    """The subject a clause left out, as its verb needs it: "been learning" -> "i've been learning",
    "doing my MSc" -> "i'm doing my MSc", else "i"."""
    rest = match.string[match.end() : match.end() + 6].lower()
    if rest.startswith("been"):
        return "i've "
    if rest.startswith(("doing", "not ", "no ")):
        return "i'm "
    return "i "


ELIDED_I_LETTERS = "lLeEaAhHdDwWmMjJgGqQtTfFsSbBoOrRnN"  # (prefilter.may_open)
# "Just got back from walking my dog", "playing some chess, you?": a pastime told with the "I" left
# out, as replies to "what are you up to" go. Read only in a statement before anyone else is named
# (see trace), never as a question, and not where the gerund is a subject ("reading is fun").
ELIDED_DOING = re.compile(
    rf"^(?=(?:just\s+)?(?:(?P<ing>(?:{alternation(ACTIVITY_GERUNDS)})\b(?![^,;]*?\b(?:is|are|was|were|does|did|has|have|can|could|"
    r"will|would|might|must|should|makes?|made|keeps?|kept|gets?|got|gives?|gave|takes?|took|seems?|sounds?|looks?|"
    r"helps?|feels?|felt)\b|[^,;]*?\b\w+s\s+me\b))"
    r"|(?:got\s+(?:back|home|done|in)|finished|came\s+(?:back|home))\s+\w))",
    re.I,
)
# The words one of which a clause that names someone else holds (OTHER_SUBJECTS, OTHER_OWNER, SOMEONE_ELSE).
NAMES_SOMEONE = OTHER_SUBJECTS | {"his", "her", "their", "our", "your", "my"}
# The words one of which a clause ELIDED_DOING reads must hold (a set lookup before the regex).
DOING_WORDS = frozenset(ACTIVITY_GERUNDS) | {"got", "finished", "came"}
# Whether a message without "I" may still hold such a clause (else nothing in it is the user's).
# (and "got promoted to lead", told at a sentence's start without the "I": ELIDED_I)
DOING_HINT = re.compile(
    rf"\b(?:just\s+(?:got|finished|came)|{alternation(ACTIVITY_GERUNDS)})\b"
    r"|(?:^|[.!?]\s+)(?:just\s+)?got\s+promoted\b",
    re.I,
)
# A clause about someone else, after which a left-out "I" may be theirs ("my son is on a team, just finished practice").
SOMEONE_ELSE = re.compile(rf"^(?:my|our)\s+(?:\w+\s+)?(?:{alternation(PET_OWNERS + RELATIVES + PETS)})\b", re.I)


def elide_doing(match: re.Match[str]) -> str:
    """The "I" put back: "i'm" before a gerund, "i" before "just got back from"."""
    return "i'm " if match.group("ing") else "i "


# "I work in X and love Y": the second verb's subject is the same "I".
I_SUBJECT = re.compile(r"^(?:i|i'm)\b", re.I)
I_SUBJECT_LETTERS = "iI"  # (prefilter.may_open)
# ("and am": only "I" takes "am", so "I like tea and am a nurse" says "I am a nurse".)
# ("I'm 24 and work in QA", "I'm 30 and live in Leeds": where one works or lives, the same "I".)
# ("I'm 41, live in Leeds and work as a nurse": after a comma too, for work, home and loves; not
# "like", which after a comma gives an example: "I hate chores, like ironing".)
AND_VERB = re.compile(
    r"\s+and\s+(?=(?:love|like|enjoy|adore|hate)\s+(?!it\b|that\b|you\b)\w|am\s+\w|(?:work|live)\s+(?:in|at|for|as|from|near)\b)"
    r"|\s*,\s*(?=(?:love|enjoy|adore)\s+(?!it\b|that\b|you\b)\w|(?:work|live)\s+(?:in|at|for|as|from|near)\b)",
    re.I,
)
# "Do you like X? I do (not)": the answer is about X.
DO_YOU_LIKE = re.compile(r"^(?:so\s+|and\s+)?(?:do|did)\s+you\s+(?:like|love|enjoy)\s+(?P<v>[^?]+)$", re.I)
I_DO = re.compile(
    r"^i\s+(?:really\s+|also\s+|totally\s+)?(?:(?P<no>do\s+not|don't)|do)"
    r"(?:\s+(?:too|also|as\s+well|at\s+all|a\s+lot|very\s+much))?(?:\s*,.*|\s+(?:in|on|at|with|when|while|every|especially)\b.*)?$",
    re.I,
)
# A question about the other's favourite, hobby or dream makes a following "mine is X" the user's.
ASKED = (
    ("#asked_favourite", re.compile(r"\b(?:your|a|any)\s+(?:fave?|favou?rite|fav)\b", re.I)),
    ("#asked_hobby", re.compile(r"\b(?:your|a|any)\s+(?:hobby|hobbies|pastime)\b", re.I)),
    ("#asked_goal", re.compile(r"\byour\s+(?:dream|goal|ambition)\b", re.I)),
    ("#asked_pet", re.compile(r"\b(?:have|got|own)\s+(?:a\s+|any\s+)?pets?\b", re.I)),
)
# "my brother and I run", "Wife Ines and I moved": the relative and the user, one subject.
RELATIVE_AND_I = re.compile(
    rf"^(?:(?:my|our)\s+(?:\w+\s+)?(?:{alternation(RELATIVES)}|family)|(?:the\s+)?(?:{alternation(BARE_NAMED_KIN)})(?:\s+[a-z][a-z'-]+)?)$",
    re.I,
)
# "As a nursing student, I …": the apposition belongs to the clause after it.
APPOSITION = re.compile(r"^(?:as|being)\s+(?:a|an)\s+[\w\s'-]{2,40}$", re.I)
# "Oasis, they're my favourite band": the pronoun after the comma stands for the thing before it
# (one clause, "Oasis is my favourite band"). Not a filler, a person or a question before the comma
# ("Honestly, it's my favourite", "You, you're my favourite"), nor a least favourite.
FAVOURITE_PRONOUN = re.compile(
    r"^(?:they're|they\s+are|it's|it\s+is|that's|that\s+is|he's|he\s+is|she's|she\s+is)\s+"
    r"(?=(?:one\s+of\s+)?my\s+(?:absolute\s+|all[- ]time\s+|very\s+)?(?:favou?rites?|faves?|favs?)\b)",
    re.I,
)
THING_BEFORE_PRONOUN = re.compile(
    r"^(?!(?:i|i'm|im|me|my|mine|you|your|yours|we|our|us|he|she|they|them|it|its|this|that|these|those|there|"
    r"what|which|who|how|why|where|when|and|but|so|or|not|no)\b)[A-Za-z][\w'-]*(?:\s+[\w'-]+){0,3}$",
    re.I,
)


# What a clause with its "I" left out holds, not a name for a thing: "Saw Muse last night, they're my
# favourite band", "Had sushi for lunch, it's …", "Off to Paris, …", "Happy Friday, it's my favourite day".
NOT_A_THING_BEFORE_PRONOUN = re.compile(
    r"\b(?:i|you|me|to|for|at|in|on|with|from|by|about|into|off|out|up|just|last|this|today|tonight|yesterday|"
    r"again|still|finally|now|here|there|saw|seen|had|got|went|made|ate|heard|met|bought|read|found|took|did|"
    r"been|watched|love|like|enjoy|happy|merry|good|great|thanks|thank|congrats|welcome|nice|sorry|same)\b|"
    r"^\w{2,}ed\b",
    re.I,
)


# "I don't have kids, but two cats", "no kids, but 3 horses": what one has instead is the animals (one
# clause, "I have two cats"); not a wish or someone else's ("but two cats would be nice", "but my sister has").
NO_CHILDREN = re.compile(
    r"^(?:i\s+(?:do\s+not|don't|dont)\s+have\s+(?:any\s+)?|i\s+have\s+no\s+|no\s+)(?:kids|children)$", re.I
)
_SOME_ANIMALS = rf"(?:a|an|one|two|three|four|five|six|\d+)\s+(?:[\w-]+\s+)?(?:{v.PETS_RE})"
ANIMALS_INSTEAD = re.compile(rf"^(?:(?:just|only)\s+)?(?P<a>{_SOME_ANIMALS}(?:\s*(?:,|and)\s+{_SOME_ANIMALS})*)$", re.I)


def animals_instead(before: str, after: str) -> str | None:
    """'I don't have kids' + 'two cats' -> 'I have two cats'; None when not that."""
    animals = ANIMALS_INSTEAD.match(after.strip()) if NO_CHILDREN.match(before) else None
    return f"I have {animals.group('a')}" if animals else None


def favourite_before_pronoun(thing: str, after: str) -> str | None:
    """'Oasis' + "they're my favourite band" -> 'Oasis is my favourite band'; None when not that."""
    said = FAVOURITE_PRONOUN.match(after.strip())
    if not said or not THING_BEFORE_PRONOUN.match(thing) or v.LEADING_FILLER.match(thing):
        return None
    if NOT_A_THING_BEFORE_PRONOUN.search(thing):
        return None
    return f"{thing} is {after.strip()[said.end():]}"

SENTENCE = re.compile(r"[^.!?\n…]+(?:[.!?…]+|\n|$)")
ADDRESSES_YOU = re.compile(r"\byou\b|\byour\b", re.I)
# "Name's Bea", "Diego here.", "software engineer here": the speaker introduces themselves (so the clause is theirs).
NAME_IS = re.compile(
    rf"^name(?:'s|\s+is)\b|^[a-z][a-z'-]+(?:\s+[a-z][\w'-]*){{0,2}}\s+here{HERE_ENDS}"
    r"|^(?-i:[A-Z])[a-z]{2,}\s+(?:btw|by\s+the\s+way)\b"
    r"|^(?:a\s+|proud\s+)*(?:mum|mom|mother|dad|father|parent)\s+of\s+\w+\s+here\b"
    # "Carpenter by trade", "Teacher by day": the speaker's trade told tersely (rules_table's role_x_by_trade)
    r"|^(?:an?\s+)?[a-z][\w-]*(?:\s+[\w-]+){0,2}?\s+by\s+(?:trade|profession|training|day)\b",
    re.I,
)
# One of them is a word of every clause NAME_IS matches.
NAME_IS_WORDS = frozenset({"name", "here", "btw", "way", "trade", "profession", "training", "day"})
ASPIRATION_LEAD = re.compile(r"^(?:when i grow up|one day|someday|some day|eventually)\s*,?\s*", re.I)
BARE_TEMPORAL = re.compile(r"^(?:when|whenever|while|once|after|before)\b", re.I)
PLEASE = re.compile(r"^please\s+", re.I)
I_AM_AT = re.compile(rf"{I_AM}\s+(?:just\s+)?", re.I)
I_AM_AT_TWIN = lower_twin(I_AM_AT)
URL = re.compile(r"(?:https?://|www\.)\S+", re.I)

# A clause that asks, requests or supposes states no fact at all.
REJECT_START = re.compile(
    "|".join(f"(?:{r.pattern})" for r in (QUESTION_START, REQUEST_START, HYPOTHETICAL_START, BARE_TEMPORAL)), re.I
)
REJECT_ANYWHERE = re.compile(f"(?:{REQUEST_ANYWHERE.pattern})|(?:{REPORTED.pattern})", re.I)

# The regexes that scan a whole clause or message, each with the literals a match needs
# (prefilter.py): most clauses hold none of them, and a substring test is ~50x cheaper than the scan.
REJECT_ANYWHERE_F = Prefiltered(REJECT_ANYWHERE)
REJECT_START_CB = CaseBlind(REJECT_START)
SUBORDINATE_TAIL_CB = CaseBlind(SUBORDINATE_TAIL)
# One test at a clause's start for the five openings main_clause strips or keeps.
OPENINGS = (ASPIRATION_LEAD, TEMPORAL_START, REMEMBER_LEAD, LANGUAGE_PREFERENCE, CALL_ME)
SPECIAL_START = re.compile("|".join(f"(?:{p.pattern})" for p in OPENINGS), re.I)
SPECIAL_START_CB = CaseBlind(SPECIAL_START)
# What the five openings' words open with, both cases (prefilter.may_open): most clauses open with "I".
SPECIAL_START_LETTERS = "aAbBcCdDeEfFjJkKnNoOpPrRsStTwWyY"
# Its words are short ("if"), so needles of two letters: most clauses hold none of them.
SUBORDINATE_TAIL_F = Prefiltered(SUBORDINATE_TAIL, shortest=2)
PAST_F = Prefiltered(PAST)
ADDRESSES_YOU_F = Prefiltered(ADDRESSES_YOU)
NEAR_FUTURE_F = Prefiltered(NEAR_FUTURE)
DATED_FUTURE_F = Prefiltered(DATED_FUTURE)
FUTURE_INTENT_F = Prefiltered(FUTURE_INTENT)
CHANGE_F = Prefiltered(CHANGE)
URL_F = Prefiltered(URL)
HOUSEHOLD_ANYWHERE_F = Prefiltered(HOUSEHOLD_ANYWHERE)
DOING_HINT_F = Prefiltered(DOING_HINT)


# The scan that splits: CLAUSE_BREAK behind a look-ahead for what every match holds near its start
# (each alternative after its spaces: ";", ":", ",", " - ", "but ", "do you", "i do", "and" and a word…),
# so the alternatives are tried only there, not at every space (a third of the scan's cost). Each
# match of CLAUSE_BREAK meets the look-ahead where it starts, so the two find the same matches; a new
# alternative of CLAUSE_BREAK must be met by it too (tests/test_speed_shortcuts4.py fails otherwise).
CLAUSE_BREAK_AHEAD = (
    r"(?=[;:,]|\s+(?:[;:,-]|but\s|(?:would|could|can|will|do|did|are|have)\s+you|i\s+do|"
    r"(?:and|so|because|cause|since|plus)\s+\w))"
)
CLAUSE_BREAK_SCAN = re.compile(CLAUSE_BREAK_AHEAD + CLAUSE_BREAK.pattern, CLAUSE_BREAK.flags)
CLAUSE_BREAK_CB = CaseBlind(CLAUSE_BREAK_SCAN)
AND_VERB_F = Prefiltered(AND_VERB)  # the verbs it looks ahead for ("love", "hate"…) are its needles
# "I'm studying Chinese and learning to play the violin": the second "-ing" of "I'm" is a clause of its own.
AND_LEARNING = re.compile(r"\s+and\s+(?=(?:learning|studying)\s+\w)", re.I)
I_AM_AND_LEARNING = re.compile(rf"^{I_AM}\s+[^,;]*?\w+ing\b[^,;]*?\s+and\s+(?:learning|studying)\s+\w", re.I)
ASKED_F = tuple((name, Prefiltered(pattern)) for name, pattern in ASKED)
CLAUSE_BREAK_F = Prefiltered(CLAUSE_BREAK, shortest=1)  # its literals are short: ",", ";", "so"
QUESTION_BREAK_CB = CaseBlind(QUESTION_BREAK)


NAME_APPOSITION = re.compile(
    rf"^(?P<head>(?:.*?\b)?{I_AM}\s+(?P<name>[A-Za-z][\w'-]+(?:\s+[A-Za-z][\w'-]+)?))"
    r"\s*,\s+(?P<rest>(?:a|an)\s+\w.*|\d{1,2}\b(?!\s*(?:%|am|pm|:)).*|from\s+(?-i:[A-Z]).*"
    rf"|(?:the\s+)?(?:[\w-]+\s+)?{TITLE_POSTS}\b.*)$",
    re.I,
)


# What NAME_APPOSITION needs after its comma, searched first: most parts hold no such comma.
NAME_APPOSITION_HINT = re.compile(rf",\s+(?:[aA]|\d|from\s|(?:the\s+)?(?:[\w-]+\s+)?{TITLE_POSTS}\b)", re.I)


def _name_then_apposition(part: str) -> tuple[str, str] | None:
    """ "I'm Noor, a pilot at Delta" -> ("I'm Noor", "I'm a pilot at Delta"); "I'm Ana, 16" -> ("I'm Ana",
    "I'm 16"); when what follows "I'm" is a name ("I'm tired, a long day" is left as it is)."""
    match = NAME_APPOSITION.match(part)
    if not match or not v.name_after_i_am(match.group("name")):
        return None
    return match.group("head"), f"I'm {match.group('rest')}"


# Politeness addressed to the other side, a clause or a clause's tail: "thank you", "doing well, thank you",
# "and you", "nice to meet you".
COURTESY = re.compile(
    r"(?:^|,)\s*(?:(?:thank|thanks)\s+(?:you|u)(?:\s+(?:so|very)\s+much)?|and\s+(?:you|u)|(?:nice|great|good)\s+to\s+meet\s+(?:you|u)"
    r"|you\s+too|same\s+to\s+you)\s*[!.]*\s*$",
    re.I,
)
# The question handed back after an answer, at a sentence's end: "…, you?", "…, how about you?", "…, wbu?".
RETURN_QUESTION = re.compile(
    r",\s*(?:and\s+)?(?:you|u|yourself|wbu|hbu|(?:how|what)\s+about\s+(?:you|u|yourself)|how\s+are\s+(?:you|u)"
    r"|how\s+(?:are\s+)?you\s+doing|how\s+is\s+your\s+day|what\s+are\s+you\s+up\s+to)\s*$",
    re.I,
)


def clause_pieces(text: str) -> list[tuple[str, bool]]:
    """Raw clauses, each with whether its sentence was a question."""
    pieces: list[tuple[str, bool]] = []
    for match in SENTENCE.finditer(text):
        sentence = match.group(0).strip()
        if not sentence:
            continue
        question = sentence.endswith("?")
        body = sentence.rstrip(".!?…").strip()
        if question and "," in body:
            tag = RETURN_QUESTION.search(body)
            if tag:  # "playing some chess, you?": a statement, then the question handed back
                body, question = body[: tag.start()].strip(), False
        low = lowered(body)
        # Half the sentences of chat hold none of the break's literals (";", ",", "but", "and"…): no scan.
        parts = CLAUSE_BREAK_CB.split(body, low) if CLAUSE_BREAK_F.may_match(low) else [body]
        last = len(parts) - 1
        for i, part in enumerate(parts):
            stripped = part.strip()
            if "," in stripped and NAME_APPOSITION_HINT.search(stripped):  # (its comma first: most parts hold none)
                split = _name_then_apposition(stripped)
                if split:  # "I'm Noor, a pilot at Delta": the name, then "I'm a pilot at Delta"
                    pieces.extend((piece, question) for piece in split)
                    continue
            if i < last and APPOSITION.match(stripped):
                parts[i + 1] = f"{stripped}, {parts[i + 1]}"
                continue
            if i < last and RELATIVE_AND_I.match(stripped) and I_SUBJECT.match(parts[i + 1]):
                parts[i + 1] = f"{stripped} and {parts[i + 1]}"  # "my brother and I run": one clause
                continue
            if i < last and (joined := favourite_before_pronoun(stripped, parts[i + 1])):
                parts[i + 1] = joined  # "Oasis, they're my favourite band": one clause
                continue
            if i < last and (instead := animals_instead(stripped, parts[i + 1])):
                pieces.append((stripped, question))
                parts[i + 1] = instead  # "no kids, but two cats": the cats are the user's
                continue
            speaks = may_open(stripped, I_SUBJECT_LETTERS) and I_SUBJECT.match(stripped)
            if speaks and AND_VERB_F.found(part, lowered(part)):
                first, *rest = AND_VERB.split(part)  # each verb after the first, with its "I"
                pieces.append((first.strip(), question))
                pieces.extend((f"i {second.strip()}", question) for second in rest)
                continue
            if speaks and I_AM_AND_LEARNING.match(part.strip()):
                first, second = AND_LEARNING.split(part, maxsplit=1)
                pieces.extend([(first.strip(), question), (f"i'm {second.strip()}", question)])
                continue
            if not question:
                if stripped:
                    pieces.append((stripped, question))
                continue
            for piece in QUESTION_BREAK_CB.split(part, lowered(part)):
                piece = piece.strip()
                if piece:
                    pieces.append((piece, question))
    return pieces


def main_clause(piece: str, question: bool) -> tuple[str, bool] | None:
    """Strip fillers and subordinate parts; None when nothing stated by the user is left.

    Also says whether the clause tells of the past, where only ending rows may run.
    """
    clause = piece.strip(" ,")
    low = lowered(clause)  # lowered again only after a step that changed the clause
    # (else none of the five below can match: the clause is as it was)
    if may_open(clause, SPECIAL_START_LETTERS) and SPECIAL_START_CB.match(clause, low):
        clause = ASPIRATION_LEAD.sub("", clause)
        temporal = TEMPORAL_START.match(clause)
        if temporal:
            clause = clause[temporal.end() :]
        clause = REMEMBER_LEAD.sub("", clause)  # "please remember that I'm diabetic": the statement counts
        if LANGUAGE_PREFERENCE.match(clause) or CALL_ME.match(clause):
            return PLEASE.sub("", clause), False  # a standing preference, not a one-off task
        low = lowered(clause)
    if not clause or REJECT_START_CB.match(clause, low) or REJECT_ANYWHERE_F.found(clause, low):
        return None
    if question and clause[:4].lower() == "did ":
        return None  # "did my degree in law count?" asks (QUESTION_START lets "did my MBA at X" through)
    stripped = CONCESSIVE_START.sub("", clause) if may_open(clause, CONCESSIVE_LETTERS) else clause
    if stripped != clause:
        clause, low = stripped, lowered(stripped)
    fresh = True  # whether `low` is still lowered(clause)
    if SUBORDINATE_TAIL_F.may_match(low):  # "if", "when", "unless" or "while" is in it
        clause, fresh = SUBORDINATE_TAIL_CB.sub(clause, low, lambda _: ""), False
    elided = (ELIDED_I.sub(elided_subject, clause) if may_open(clause, ELIDED_I_LETTERS) else clause).strip()
    if not fresh or elided != clause:
        clause, low = elided, lowered(elided)
    if not clause or (question and ADDRESSES_YOU_F.found(clause, low)):
        return None
    return clause, PAST_F.found(clause, low)


# Negation before the verb ("I am not 45 years old", "no one ever calls me Sam"): the fact is denied.
# A supposition ("I can picture myself living in Oslo", "I'm thinking about working at X") states none.
NEGATION = re.compile(
    r"\b(?:not|never|nobody|no\s+one|no\s+longer|hardly|barely|imagine|picture|would|could|might|wish|dream(?:ing)?|"
    r"consider(?:ing)?|thinking\s+(?:of|about)|hope|hoping|plan(?:ning)?\s+on|if)\b|n't\b|'d\b",
    re.I,
)


SPEAKER_START = re.compile(r"(?:i|i'm|im|my|mine|me)\b", re.I)


def negated_before(clause: str, position: int) -> bool:
    """Does a negation stand between the nearest subject (or comma) before `position` and `position`?"""
    begin = clause.rfind(",", 0, position) + 1
    for subject in SUBJECTS.finditer(clause, begin, position):
        begin = subject.end()
    return bool(NEGATION.search(clause, begin, position))


def _speaker_is_user(clause: str, position: int) -> bool:
    """Is the nearest subject before `position` the user ("I", or none at all)?"""
    subjects = SUBJECTS.findall(clause[:position])
    if not subjects or subjects[-1].lower() in {"i", "i'm", "im"}:
        return True
    # "We sold the house and moved to Delft": a household's "we" is the user's
    return subjects[-1].lower() == "we" and len(subjects) == 1 and bool(HOUSEHOLD.match(clause))


# -- which rows can fire on a clause --------------------------------------------------


def _word_forms(items: tuple[str, ...]) -> frozenset[str]:
    # (TOKEN reads ASCII words: "fiancé", "café" reach it as "fianc", "caf", which must trigger too)
    accented = {re.split(r"[^a-z0-9]", w)[0] for w in items if not w.isascii()} - {""}
    return frozenset(set(items) | {w[:-1] for w in items if w.endswith("s")} | accented)


# Pseudo-words a row may list: the clause holds a word of that class.
WORD_CLASSES = {
    "#relative": _word_forms(RELATIVES) | {"half"},  # ("my other half", rules_values.RELATIVES_RE)
    "#pet": _word_forms(PETS) | {"guinea"},
    "#owned": _word_forms(VEHICLES + INSTRUMENTS),
    "#occupation": _word_forms(OCCUPATIONS),
    "#business": _word_forms(BUSINESSES),
}
TOKEN = re.compile(r"[a-z0-9]+|❤|♥")
DIGIT = re.compile(r"\d")
# Which rows can fire on a clause is decided by the words it holds: one set intersection with
# every row's words, instead of running all ~180 regexes on every clause. Rows are tried in
# precedence order.
ORDERED_ROWS = tuple(sorted(ROWS, key=precedence))


def _rows_by_word() -> dict[str, tuple[int, ...]]:
    """Each trigger word -> the rows (indices into ORDERED_ROWS) it lets run. A member of a
    word class triggers the rows that list the class ("sister" the rows listing "#relative")."""
    by_word: dict[str, set[int]] = {}
    for index, r in enumerate(ORDERED_ROWS):
        for word in r.words:
            by_word.setdefault(word, set()).add(index)
    for name, members in WORD_CLASSES.items():
        for member in members:
            by_word.setdefault(member, set()).update(by_word.get(name, ()))
    return {word: tuple(sorted(rows)) for word, rows in by_word.items() if rows}


ROWS_BY_WORD = _rows_by_word()
TRIGGER_WORDS = frozenset(ROWS_BY_WORD)
ALWAYS_RUN = tuple(i for i, r in enumerate(ORDERED_ROWS) if not r.words)
ANCHORS = tuple(r.anchor or None for r in ORDERED_ROWS)
ENDING = tuple(r.ending for r in ORDERED_ROWS)
# Each speaker anchor with the rows that need it (a handful of anchors: "i", "my", "i'm").
ROWS_BY_ANCHOR = tuple(
    (anchor, frozenset(i for i, a in enumerate(ANCHORS) if a == anchor))
    for anchor in dict.fromkeys(a for a in ANCHORS if a)
)


def _row_needles(index: int) -> tuple[str, ...] | None:
    """The literals a row's regex needs (prefilter.py), one of which the clause must hold:
    "don't" for "I don't like…". None when no test is worth making.

    The most selective set (prefilter.needles) is kept unless it tells nothing new: when every
    word that lets the row run holds one of its needles, it always passes. Then the next set the
    regex needs, short needles included ("be" of "I want to be…"), may still skip most clauses."""
    regex = ORDERED_ROWS[index].regex
    # A word class ("#pet") never stands in a clause's words: its members ("dog") do, and they are keys too.
    keys = [word for word, rows in ROWS_BY_WORD.items() if index in rows and word not in WORD_CLASSES]

    def implied(option: tuple[str, ...]) -> bool:
        return bool(keys) and all(not key.startswith("#") and any(n in key for n in option) for key in keys)

    best = required_needles(regex)
    # A row that runs only on a word class ("#pet") has the class's members for needles: the clause
    # holds one of them already (that let the row run), and a hundred animals tested one by one
    # cost more than the regex. Such a row takes a short fallback set ("my") or none.
    on_a_class = all(word.startswith("#") for word in ORDERED_ROWS[index].words)
    if best is not None and not (on_a_class and len(best) > MAX_FALLBACK_NEEDLES) and not implied(best):
        return best
    fallbacks = (option for option in needle_sets(regex, shortest=2) if len(option) <= MAX_FALLBACK_NEEDLES)
    return next((option for option in fallbacks if not implied(option)), None)


# A clause holding none of a long list pays a look-up for each: past this many, the regex is cheaper.
MAX_FALLBACK_NEEDLES = 16


ROW_NEEDLES = tuple(_row_needles(index) for index in range(len(ORDERED_ROWS)))  # what the engine loop reads
# Each row's regex without IGNORECASE, run on the lowered clause (prefilter.lower_twin); None
# for a row whose pattern tells case apart ("[A-Z]") or holds a non-ASCII letter that an ASCII one
# matches case-blind (a twin runs on ASCII text only, where "é" of "fiancé" matches nowhere either way).
ROW_TWINS = tuple(lower_twin(r.regex, foreign=True) for r in ORDERED_ROWS)
# What the engine loop reads of a row, in one look-up: the row, whether it ends a fact, its needles, its twin.
ROW_PLANS = tuple(zip(ORDERED_ROWS, ENDING, ROW_NEEDLES, ROW_TWINS, strict=True))
# Whether every match of a row takes at least one character (so a scan may go on where a match
# ended and find what finditer finds next): the pattern's shortest width is not 0.
ROW_MATCHES_TAKE_TEXT = tuple(pattern_width(r.regex)[0] > 0 for r in ORDERED_ROWS)


def _row_openings(index: int) -> tuple[str, ...] | None:
    """What every match of a row opens with (prefilter.openings), for a row whose scan re cannot
    speed up itself: one that runs case-blind (no twin) or whose twin opens with look-behinds, which
    re tries at every position. None for the others (a twin led by a literal is scanned for it in C)."""
    r, twin = ORDERED_ROWS[index], ROW_TWINS[index]
    if r.at_start or not (twin is None or twin.pattern.startswith("(?<")):
        return None
    return openings(r.regex)


ROW_OPENINGS = tuple(_row_openings(index) for index in range(len(ORDERED_ROWS)))


# A fast prefilter for the special-category words, run once on the lower-cased message: the
# guards' patterns without IGNORECASE (the text is lower-cased already, and a case-blind scan
# costs twice as much). The privacy gate and the row builder still apply the exact ones.
SENSITIVE_HINT = re.compile("|".join(f"(?:{p.pattern})" for p in SENSITIVE_CATEGORIES.values()))


def clause_words(lowered: str, *, sensitive: tuple[str, ...] | None = None) -> set[str]:
    """The words of a lower-cased clause (plurals also without their -s), with the pseudo-words
    "#num" and "#sensitive" (word classes such as "#pet" are resolved by ROWS_BY_WORD).
    `sensitive` is the special-category words the whole message holds (found once, not per clause)."""
    words = set(TOKEN.findall(lowered))
    # (a token is never empty; w[-1] and a list cost ~40% less than endswith and a set comprehension)
    plurals = [w[:-1] for w in words if w[-1] == "s" and w != "is"]  # ("is" is no plural of "i")
    if plurals:
        words.update(plurals)
    if DIGIT.search(lowered):
        words.add("#num")
    if sensitive is None:
        sensitive = tuple(m.group(0) for m in SENSITIVE_HINT.finditer(lowered))
    for hit in sensitive:  # any(hit in lowered ...), without a generator per clause
        if hit in lowered:
            words.add("#sensitive")
            break
    return words


# The same sets as bits of an int (bit i: row i), so that a clause's rows are a few ORs and ANDs
# of small ints instead of set updates and differences of up to ~130 rows.
ALWAYS_RUN_BITS = sum(1 << i for i in ALWAYS_RUN)
ROW_BITS_BY_WORD = {word: sum(1 << i for i in rows) for word, rows in ROWS_BY_WORD.items()}
# Each anchor with the bits of every row but those that need it (what stays when the clause lacks it).
BITS_WITHOUT_ANCHOR = tuple((anchor, ~sum(1 << i for i in rows)) for anchor, rows in ROWS_BY_ANCHOR)


def candidate_rows(words: set[str]) -> list[int]:
    """The rows worth running on a clause with these words (indices into ORDERED_ROWS, in
    precedence order): one of their words, and their speaker anchor, is in it."""
    hits = words & TRIGGER_WORDS
    if not hits and not ALWAYS_RUN:
        return []
    chosen = ALWAYS_RUN_BITS
    for word in hits:
        chosen |= ROW_BITS_BY_WORD[word]
    # The rows whose anchor the clause lacks go.
    for anchor, kept in BITS_WITHOUT_ANCHOR:
        if words.isdisjoint(anchor):
            chosen &= kept
    rows = []  # the set bits, lowest first: the rows in precedence order
    while chosen:
        lowest = chosen & -chosen
        rows.append(lowest.bit_length() - 1)
        chosen ^= lowest
    return rows


# "it", "them too", and "them it is so exciting" (a comment on the thing, without a comma before it).
PRONOUN_VALUE = re.compile(
    r"^\s*(?:it|that|them|this)\b(?:[\s,]+(?:too|a lot|very much|so much|as well))?"
    r"(?:\s+(?:it|that|they)(?:'s|'re|\s+is|\s+are)\b[^.!?;\n]*)?\s*$",
    re.I,
)
REMOVE_SCALAR = re.compile(
    r"\b(?:forget|delete|remove|drop)\s+(?:my|the)\s+(?P<f>name|role|job|location|age|employer|address)\b", re.I
)
SCALAR_ALIASES = {"job": "role", "address": "location"}
FORGET_LIKE = re.compile(
    r"\b(?:forget|delete|remove|drop)\s+(?:that\s+)?i\s+(?P<verb>like|love|enjoy|hate|dislike)\s+(?P<v>[^.!?;\n]+)",
    re.I,
)
# "Forget that I said I'm vegan", "forget what I told you, I don't play piano": what was said, read as a
# statement of its own, is removed ("forget what I said about X" names no fact: nothing).
FORGET_SAID = re.compile(
    r"\b(?:forget|delete|remove|drop)\s+(?:that|what)\s+i\s+(?:said|told\s+you|mentioned|wrote)\s+"
    r"(?:earlier\s+|before\s+)?(?:that\s+)?(?P<said>(?:i|i'm|i've|my)\b[^.!?;\n]+)",
    re.I,
)
FORGET_WORDS = ("forget", "delete", "remove", "drop")
FORGET_HINT = re.compile(rf"\b(?:{'|'.join(FORGET_WORDS)})\b", re.I)


def _asks_to_forget(text: str, low: str | None) -> bool:
    """Whether FORGET_HINT matches `text`. On ASCII text (`low` is lowered(text)) each word is
    found with str.find and its edges checked as \\b does: ~10x cheaper than the case-blind scan."""
    if low is None:
        return FORGET_HINT.search(text) is not None
    looked = 0
    for word in FORGET_WORDS:
        at = low.find(word)
        while at >= 0:
            end = at + len(word)
            if (at == 0 or not _word_char(low[at - 1])) and (end == len(low) or not _word_char(low[end])):
                return True
            looked += 1
            if looked > FORGET_LOOKS:  # "dropdropdrop…": one scan costs less than a look at each
                return FORGET_HINT.search(text) is not None
            at = low.find(word, at + 1)
    return False


FORGET_LOOKS = 32


def _word_char(char: str) -> bool:
    return char.isalnum() or char == "_"  # what \w matches


# SENSITIVE_HINT is case-sensitive and reads the lower-cased text itself, so its needles hold on any text.
SENSITIVE_HINT_F = Prefiltered(SENSITIVE_HINT)
# Its matches never hold a sentence end, so only the stretches between sentence ends that hold
# one of its needles need the (slow) scan; their edges are no word characters, as at a text's ends.
SENTENCE_ENDS = ".!?\n…"
HINTS_STAY_IN_SENTENCES = never_matches(SENSITIVE_HINT, SENTENCE_ENDS) and not re.search(r"\w", SENTENCE_ENDS)


def _needle_scan(needles: tuple[str, ...] | None) -> re.Pattern[str] | None:
    """One scan that matches exactly the needles, grouped by their first character ("a(?:ids|sthma)|…"):
    ~80 str.find over a 4 KB message cost twice as much. None when a needle holds a sentence end
    (then a match would not tell which stretch it stands in)."""
    if not needles or any(end in needle for needle in needles for end in SENTENCE_ENDS):
        return None
    by_first: dict[str, list[str]] = {}
    for needle in needles:
        by_first.setdefault(needle[0], []).append(re.escape(needle[1:]))
    return re.compile("|".join(f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in by_first.items()))


# Where a needle stands: a needle inside (or overlapping) a match stands in that match's stretch,
# since no needle holds a sentence end, so the stretches of the scan's matches are those of every needle.
SENSITIVE_NEEDLE_SCAN = _needle_scan(SENSITIVE_HINT_F.needles)


def sensitive_hints(low_text: str) -> tuple[str, ...]:
    """The special-category words (SENSITIVE_HINT's matches) in the lower-cased message."""
    if SENSITIVE_NEEDLE_SCAN is None or not HINTS_STAY_IN_SENTENCES:
        return tuple({m.group(0) for m in SENSITIVE_HINT.finditer(low_text)})
    stretches: set[tuple[int, int]] = set()
    for needle in SENSITIVE_NEEDLE_SCAN.finditer(low_text):
        at = needle.start()
        start = max(low_text.rfind(end, 0, at) for end in SENTENCE_ENDS) + 1
        ends = [found for end in SENTENCE_ENDS if (found := low_text.find(end, at)) >= 0]
        stretches.add((start, min(ends, default=len(low_text))))
    return tuple({m.group(0) for start, end in stretches for m in SENSITIVE_HINT.finditer(low_text[start:end])})


# The extractor builds its events from values it made itself (strings, an int age, fresh lists):
# pydantic's validation (a third of the cost of an event) would change nothing. What
# model_construct sets, set directly (model_construct's generic loop over the fields costs as
# much again); checked against model_construct once at import, which is used if they differ.
_set = object.__setattr__


def _event_of(field: str, value: Any, event: EventKind) -> FieldEvent:
    made = object.__new__(FieldEvent)
    _set(made, "__dict__", {"field": field, "value": value, "event": event})
    _set(made, "__pydantic_fields_set__", {"field", "value", "event"})
    _set(made, "__pydantic_extra__", None)
    _set(made, "__pydantic_private__", None)
    return made


def _same_as_model_construct() -> bool:
    ours = _event_of("likes", ["tea"], "ADD")
    theirs = FieldEvent.model_construct(field="likes", value=["tea"], event="ADD")
    return (
        list(ours.__dict__.items()) == list(theirs.__dict__.items())
        and ours.model_fields_set == theirs.model_fields_set
        and ours.__pydantic_extra__ == theirs.__pydantic_extra__
        and ours.__pydantic_private__ == theirs.__pydantic_private__
        and ours == theirs
        and ours.model_dump() == theirs.model_dump()
    )


# model_construct when this pydantic builds models another way
new_event: Callable[..., FieldEvent] = _event_of if _same_as_model_construct() else FieldEvent.model_construct
ANY_VALUE = ""  # a builder's answer for an ending with no value: "I quit my job" ends whatever employer


class RuleExtractor:
    """The offline extractor: named rows per field, no model, no network."""

    kind = "rules"

    def describe(self) -> dict[str, str | None]:
        return {"extractor": "rules", "llm_model": None, "llm_base_url": None}

    async def extract(self, message: str, profile: dict[str, Any]) -> list[FieldEvent]:
        # Pure CPU work of well under a millisecond for a normal message: no need to leave the loop.
        return self.extract_events(message, profile)

    def extract_events(self, message: str, profile: dict[str, Any]) -> list[FieldEvent]:
        """The field events of one message (synchronous; `extract` is the interface's async face)."""
        events = finish([event for _, event in self.trace(message)], profile)
        return events + _employer_left_behind(profile, events, message)

    def trace(self, message: str) -> list[tuple[str, FieldEvent]]:
        """Every raw event of a message with the name of the row that produced it (before the
        change rules resolve it against the profile): what tests/test_rules_table.py reads."""
        # Code and links carry no personal facts; the prose around them still may.
        prose = prose_outside_code(message)
        if URL_F.may_match(lowered(prose)):
            prose = URL.sub(" ", prose)
        if (
            not FIRST_PERSON.search(prose)
            and not HOUSEHOLD_ANYWHERE_F.found(prose, lowered(prose))
            and not DOING_HINT_F.found(prose, lowered(prose))
            and not ELIDED_AT_A_START.search(prose)
        ):
            return []
        text = normalise_text(prose)
        forget = _asks_to_forget(text, lowered(text))
        found: list[tuple[str, FieldEvent]] = self._forget_requests(text) if forget else []
        speaker_is_user = False
        others_named = False  # a statement so far named someone else as its subject
        sensitive = sensitive_hints(text.lower())
        asked: set[str] = set()
        referent: list[str] = []  # what "do you like X?" asked about
        previous = 0  # where the events of the clause before this one start in `found`
        last_piece = ""  # the clause before this one
        for piece, question in clause_pieces(text):
            piece_before, last_piece = last_piece, piece
            low_piece = piece.lower()
            words = clause_words(low_piece, sensitive=sensitive)
            before, previous = previous, len(found)
            polite = COURTESY.search(piece) if "you" in words else None
            if polite:  # "thank you", "doing well, thank you": politeness names no one whose facts follow
                piece = piece[: polite.start()].strip()
                if not piece:
                    continue
                low_piece = piece.lower()
                words = clause_words(low_piece, sensitive=sensitive)
            if "name" in words or "named" in words or "called" in words:
                named = _named_after(piece, found[before:])
                if named is not None:  # "I have a cat. Her name is Spook.": the cat, with its name
                    at, event = named
                    found[found.index(at)] = event
                    continue
            if question:
                low_question = lowered(piece)
                asked = {name for name, pattern in ASKED_F if pattern.found(piece, low_question)} or asked
            liked = DO_YOU_LIKE.match(_without_filler(piece, low_piece)) if "you" in words else None
            referent = v.things(liked.group("v")) if liked else referent
            if asked and "mine" in words:
                words |= asked
            answer = I_DO.match(piece) if referent and "do" in words else None
            if answer:
                field = "dislikes" if answer.group("no") else "likes"
                found.append((f"{field}_answer_i_do", new_event(field=field, value=referent, event="ADD")))
                referent = []
                continue
            lead = _without_filler(piece, low_piece) if _may_open_with_filler(low_piece) else piece
            # With "i" among the words the user speaks whatever the clause opens with: skip both tests.
            elided_i = "i" not in words and may_open(lead, ELIDED_I_LETTERS) and bool(ELIDED_I.match(lead))
            # (the clause before is looked at only for a clause without its "I": the rare case)
            told_before = {e.field for _, e in found[before:previous]} if elided_i else set()
            if "likes" in told_before and SIMILE_AFTER_LIKE.match(lead):
                continue  # "I love red, like a fire engine": a likeness of what was just liked, no new like
            averse_before = "dislikes" in told_before or (elided_i and AVERSION.search(piece_before))
            if averse_before and EXAMPLE_AFTER_AVERSION.match(lead):
                continue  # "I hate chores, like ironing": an example of the aversion, no like
            doing = not (
                elided_i or question or others_named or "i" in words or words.isdisjoint(DOING_WORDS)
            ) and ELIDED_DOING.match(lead)
            if doing:
                lead, elided_i = ELIDED_DOING.sub(elide_doing, lead, count=1), True
                words |= {"i", "m"}
            if not (others_named or question or words.isdisjoint(NAMES_SOMEONE)) and (
                not words.isdisjoint(OTHER_SUBJECTS) or OTHER_OWNER.match(piece) or SOMEONE_ELSE.match(lead)
            ):
                others_named = True
            household = "i" not in words and (
                bool(HOUSEHOLD.match(lead))
                or ("here" in words and bool(HERE_IN.search(lead)) and not ON_A_TRIP.search(text))
            )
            named = not words.isdisjoint(NAME_IS_WORDS) and NAME_IS.match(lead)  # (it reads "name" or "here")
            if not words.isdisjoint(SPEAKER_WORDS) or elided_i or household or named:
                speaker_is_user = True
            elif not speaker_is_user or not words.isdisjoint(OTHER_SUBJECTS) or OTHER_OWNER.match(piece):
                # "my wife works…", "he is…": someone else speaks or is spoken of.
                speaker_is_user = False
                continue
            if elided_i or household:
                words |= ELIDED_SUBJECT_WORDS  # the subject put back may be "i", "i'm" or "i've"
            # Most clauses hold no trigger word at all: drop them before any further work.
            candidates = candidate_rows(words)
            if not candidates and not ("m" in words or "am" in words or "im" in words):
                continue
            read = main_clause(lead, question)
            if read is None:
                continue
            clause, past = read
            # Cleaning a clause only removes words, so the piece's candidates cover it.
            found.extend(self._read_clause(clause, candidates, found, past=past, referent=referent))
        if any(name == "location_here_in" for name, _ in found) and ON_A_TRIP.search(text):
            found = [(name, event) for name, event in found if name != "location_here_in"]  # "here in Rome" on a trip
        return found

    def _read_clause(
        self,
        clause: str,
        candidates: list[int],
        earlier: list[tuple[str, FieldEvent]],
        *,
        past: bool,
        referent: list[str],
    ) -> list[tuple[str, FieldEvent]]:
        found: list[tuple[str, FieldEvent]] = []
        claimed: set[int] = set()
        spans: list[tuple[int, int]] = []  # what ending rows read: no other row reads it again
        near_future: bool | None = None
        low = lowered(clause)
        for index in candidates:  # already in precedence order
            r, ending, needles, twin = ROW_PLANS[index]
            if past and not ending:
                continue
            if low is None:
                twin = None  # non-ASCII text: the case-blind regex itself
            elif needles is not None:  # one of the literals its regex needs, inlined
                for needle in needles:
                    if needle in low:
                        break
                else:
                    continue  # none of the literals its regex needs is in the clause
            # On ASCII text the row's lower-case twin reads the lowered clause (2-4x faster than a
            # case-blind scan; the same matches at the same places): the value is cut from the clause.
            if r.at_start:
                first = r.regex.match(clause) if twin is None else twin.match(low)  # type: ignore[arg-type]
                if first is None:
                    continue
                matches: Iterable[re.Match[str]] = (first,)
            elif low is not None and ROW_OPENINGS[index] is not None:
                # Tried only where the row's opening words stand ("my", "our"): the regex itself would be
                # tried at every position, look-behinds first (the lowered ASCII clause has the clause's places).
                pattern, read = (r.regex, clause) if twin is None else (twin, low)
                matches = matches_at(pattern, read, opening_starts(low, ROW_OPENINGS[index]))  # type: ignore[arg-type]
            else:
                # finditer's matches, found by search while they are one or two (most rows match a clause
                # once or not at all, and a finditer costs twice a search that finds nothing). A row's
                # matches are never empty (ROW_MATCHES_TAKE_TEXT), so each search goes on where the one
                # before ended, as finditer does.
                pattern, read = (r.regex, clause) if twin is None else (twin, low)
                first = pattern.search(read)  # type: ignore[arg-type]
                if first is None:
                    continue
                if not ROW_MATCHES_TAKE_TEXT[index]:
                    matches = pattern.finditer(read)  # type: ignore[arg-type]
                else:
                    second = pattern.search(read, first.end())  # type: ignore[arg-type]
                    more = () if second is None else (second, *pattern.finditer(read, second.end()))  # type: ignore[arg-type]
                    matches = (first, *more)
            for match in matches:
                start = match.start()
                if r.exclusive and start in claimed:
                    continue
                # What an ending read no other row reads again; a non-exclusive ending reads alongside
                # the others ("laid off from Acme as a tester": the employer and the role).
                if spans and (r.exclusive or not ending) and any(a <= start < b for a, b in spans):
                    continue
                if r.check_speaker and not _speaker_is_user(clause, start):
                    continue
                # A match that starts on the speaker ("I", "my") holds its own negation; the others may not.
                if start and not ending and not SPEAKER_START.match(clause, start) and negated_before(clause, start):
                    continue
                raw = match.group("v") if twin is None else clause[match.start("v") : match.end("v")]
                # (the field first: a set look-up spares the regex on the other rows' values)
                if r.field in {"skills", "likes", "interests", "dislikes"} and PRONOUN_VALUE.match(raw):
                    values = _last_items([e for _, e in earlier + found]) or list(referent)
                else:
                    values = r.value(raw)
                if r.field in {"goals", "interests", "likes"} and not ending:
                    if r.name in ONGOING_ROWS:
                        if DATED_FUTURE_F.found(clause, low):
                            values = []
                    else:
                        if near_future is None:  # searched once a clause, when a row needs it
                            near_future = NEAR_FUTURE_F.found(clause, low)
                        if near_future:
                            values = []
                if (
                    r.field in {"role", "employer", "location"}
                    and FUTURE_INTENT_F.may_match(low)
                    and FUTURE_INTENT.search(clause, 0, start)
                ):
                    values = []  # "I'm about to get a job as a nurse": not yet
                if not values and not (ending and raw == ""):
                    continue
                if r.exclusive:
                    claimed.add(start)
                if ending:
                    end = match.start("v") + (raw.find(values[-1]) + len(values[-1]) if values else 0)
                    spans.append((start, max(end, match.start("v"))))
                found.append((r.name, _event(r.field, values, _event_for(r, clause, low))))
        lower = clause.lower() if low is None else low
        if not past and ("'m" in lower or "am " in lower or "im " in lower):  # cheap test before the regex
            found.extend(self._name_from_i_am(clause, claimed, spans, low))
        return found

    @staticmethod
    def _name_from_i_am(
        clause: str, claimed: set[int], spans: list[tuple[int, int]], low: str | None = None
    ) -> list[tuple[str, FieldEvent]]:
        # (on ASCII text, `low` = lowered(clause), the lower-case twin: the same matches at the same places)
        for match in I_AM_AT.finditer(clause) if low is None or I_AM_AT_TWIN is None else I_AM_AT_TWIN.finditer(low):
            if match.start() in claimed or any(a <= match.start() < b for a, b in spans):
                continue
            names = v.name_after_i_am(clause[match.end() : match.end() + 80])
            if names:
                return [("name_i_am_x", new_event(field="name", value=names[0], event="ADD"))]
        return []

    def _forget_requests(self, text: str) -> list[tuple[str, FieldEvent]]:
        """'Please forget my age', 'forget that I like tea': instructions about memory itself (REMOVE only)."""
        events: list[tuple[str, FieldEvent]] = []
        for match in REMOVE_SCALAR.finditer(text):
            name = match.group("f").lower()
            field = SCALAR_ALIASES.get(name, name)
            events.append(("forget_field", new_event(field=field, value=None, event="REMOVE")))
        for match in FORGET_LIKE.finditer(text):
            field = "dislikes" if match.group("verb").lower() in {"hate", "dislike"} else "likes"
            items = v.things(match.group("v"))
            if items:
                events.append(("forget_that_i_like", new_event(field=field, value=items, event="REMOVE")))
        for match in FORGET_SAID.finditer(text):
            for _, said in self.trace(match.group("said")):
                if said.event != "REMOVE" and not said.field.startswith("#"):
                    events.append(("forget_that_i_said", new_event(field=said.field, value=said.value, event="REMOVE")))
        return events


NOT_NAME_WORDS = frozenset(NOT_NAMES)
COUNT_WORDS = frozenset(NUMBER_WORDS) - {"a", "an"}
# "Her name is Spook", "he's called Rex": the name of the one just mentioned.
NAME_OF_THE_ONE = re.compile(
    r"^(?:(?:her|his|its)\s+name(?:'s|\s+is)|(?:she|he|it)(?:'s|\s+is)\s+(?:named|called))\s+"
    r"(?P<n>[A-Za-z][a-z'-]{1,19})$",
    re.I,
)


def _named_after(
    piece: str, last_clause: list[tuple[str, FieldEvent]]
) -> tuple[tuple[str, FieldEvent], tuple[str, FieldEvent]] | None:
    """The one animal, partner or child the clause before named, now with the name this clause gives it:
    (the old event, the new one); None when the clause gives no name or the one before named no single one."""
    said = NAME_OF_THE_ONE.match(piece.strip(" ,"))
    adds = [(n, e) for n, e in last_clause if e.event != "REMOVE" and e.field in {"pets", "family"}]
    if said is None or len(adds) != 1 or not isinstance(adds[0][1].value, list) or len(adds[0][1].value) != 1:
        return None
    row_name, event = adds[0]
    one = str(event.value[0])
    if one.split()[0].lower() in COUNT_WORDS or one.split()[0].isdigit():
        return None  # "two dogs": whose name it is cannot be told
    name = said.group("n")
    if event.field == "pets":
        values = v.named_pet(f"{one} named {name}") if "named" not in one else []
    else:
        relation = v.PARTNER_RE.fullmatch(one)
        values = [f"{one.lower()} {name.capitalize()}"] if relation and name.lower() not in NOT_NAME_WORDS else []
    if not values or values == [one]:
        return None
    return adds[0], (row_name, new_event(field=event.field, value=values, event=event.event))


def _event_for(r: Row, clause: str, low: str | None) -> EventKind:
    if r.event != "ADD":
        return r.event
    if r.field not in LIST_FIELDS and CHANGE_F.found(clause, low):
        return "UPDATE"
    return "ADD"


def _last_items(events: list[FieldEvent]) -> list[str]:
    """What "it" points back to: the last list items this message named ("I used to hate olives,
    now I love them": the olives, though the first clause only ended a dislike)."""
    for event in reversed(events):
        if isinstance(event.value, list) and event.field in {"likes", "interests", "dislikes"}:
            return [str(x) for x in event.value]
    return []


def _event(field: str, values: list[str], event: EventKind) -> FieldEvent:
    if field in (SWITCH_FIELD, TURNED_DISLIKE_FIELD):
        return new_event(field=field, value=values, event=event)
    if field in (WORKPLACE_FIELD, FREELANCE_FIELD):
        return new_event(field=field, value=values[0], event=event)
    if field == "#sensitive":
        return new_event(field=sensitive_category(values[0]) or "health", value=values, event=event)
    if event == "REMOVE" and (not values or values == [ANY_VALUE]):
        return new_event(field=field, value=None, event=event)
    if field in LIST_FIELDS or field in EXTRA_LIST_FIELDS:
        return new_event(field=field, value=values, event=event)
    value: str | int = values[0]
    if field == "age" and event != "REMOVE":
        value = int(values[0])
    return new_event(field=field, value=value, event=event)


# -- change rules: resolve against what is stored -------------------------------------

STEM = re.compile(r"(?:ing|es|s)$")
WORK_FIELDS = ("role", "employer")
OPPOSITE = {"likes": ("dislikes",), "interests": ("dislikes",), "dislikes": ("likes", "interests")}


def content(text: object) -> frozenset[str]:
    """A value's content words, lightly stemmed: 'Listening to country music' -> {listen, country, music}."""
    words = v.WORD.findall(str(text).lower())
    return frozenset(STEM.sub("", w) if len(w) > 4 else w for w in words if not v.is_husk(w))


def same_thing(a: object, b: object) -> bool:
    """Loose match: one value's content words hold the other's ('fresh fruit' ~ 'fruit')."""
    ca, cb = content(a), content(b)
    return bool(ca and cb) and (ca <= cb or cb <= ca)


def _stored_matches(profile: dict[str, Any], field: str, wanted: list[str]) -> list[str]:
    stored = profile.get(field)
    items = stored if isinstance(stored, list) else [] if stored is None else [stored]
    return [str(s) for s in items if any(same_thing(s, w) for w in wanted)]


def _trade_matches(profile: dict[str, Any], wanted: list[str]) -> list[str]:
    """The stored role whose trade a gerund names: 'nursing' ~ 'nurse', 'teaching' ~ 'maths teacher'."""
    role = profile.get("role")
    stems = [w.lower()[:-3] for w in wanted if w.lower().endswith("ing") and len(w) >= 7]
    if not isinstance(role, str) or not stems:
        return []
    words = role.lower().split()
    return [role] if any(word.startswith(stem) for stem in stems for word in words) else []


SWITCH_FIELD = "#switch"
SWITCH_TO_FIELD = "#switch_to"
SWITCHABLE_FIELDS = ("likes", "interests", "skills", "languages")
WORKPLACE_FIELD = "#workplace"
FREELANCE_FIELD = "#freelance"
TURNED_DISLIKE_FIELD = "#turned_dislike"
BORN_IN_FIELD = "#born_in"
RETIRED_FROM_FIELD = "#retired_from"
# What one retires from that is always one's work ("retired from work", "from the workforce").
WORK_ITSELF = frozenset(("work", "my job", "the workforce", "full-time work", "my career", "the job"))
HOME_IS_FIELD = "#home_is"
# Roles that name no trade one could freelance in: freelancing replaces them.
NO_TRADE_ROLES = frozenset(
    (
        "student retired retiree unemployed self-employed freelancer homemaker housewife househusband "
        "volunteer intern"
    ).split()
)


def _freelance(profile: dict[str, Any], events: list[FieldEvent]) -> FieldEvent:
    """'I'm freelancing now': the stored trade goes freelance ('data engineer' -> 'freelance data
    engineer', leaving any 'at <employer>' behind); with no trade stored, or the role ended by the
    same message, the role is freelancer."""
    role = profile.get("role")
    role_ended = any(e.field == "role" and e.event == "REMOVE" for e in events)
    trade = re.split(r"\s+(?:at|for|with)\s+", role, maxsplit=1)[0].strip() if isinstance(role, str) else ""
    if role_ended or not trade or trade.lower() in NO_TRADE_ROLES or "stay-at-home" in trade.lower():
        return new_event(field="role", value="freelancer", event="UPDATE")
    if trade.lower().startswith(("freelance ", "freelancing ")):
        return new_event(field="role", value=trade, event="UPDATE")
    if trade[1:2].islower():  # "Software engineer" told at a sentence's start: not a proper name
        trade = trade[0].lower() + trade[1:]
    return new_event(field="role", value=f"freelance {trade}", event="UPDATE")


def _retired_from(profile: dict[str, Any], event: FieldEvent) -> list[FieldEvent]:
    """'I retired from Acme' (the stored employer), 'from teaching' (the stored trade), 'from work': the
    role is retired. From anything else ('competitive rowing', a post one never told of) nothing is sure."""
    wanted = [str(x) for x in event.value] if isinstance(event.value, list) else [str(event.value)]
    left = [w for w in wanted if w.lower() in WORK_ITSELF]
    if left or _stored_matches(profile, "employer", wanted) or _trade_matches(profile, wanted):
        return [new_event(field="role", value="retired", event="UPDATE")]
    return []


def _turned_against(profile: dict[str, Any], event: FieldEvent) -> list[FieldEvent]:
    """'I don't like coffee anymore': out of likes (and interests, where stored), into dislikes."""
    wanted = [str(x) for x in event.value] if isinstance(event.value, list) else []
    if not wanted:
        return []
    out = [new_event(field="likes", value=_stored_matches(profile, "likes", wanted) or wanted, event="REMOVE")]
    interests = _stored_matches(profile, "interests", wanted)
    if interests:
        out.append(new_event(field="interests", value=interests, event="REMOVE"))
    return [*out, new_event(field="dislikes", value=wanted, event="ADD")]


def _switched(profile: dict[str, Any], event: FieldEvent) -> list[FieldEvent]:
    """'Switched from violin to viola': the first out of the list field that holds it, the second
    into that field. When no stored list holds the first, which field is meant is unsure: nothing."""
    old, new = (str(x) for x in event.value)  # type: ignore[union-attr]  # v.switch gives two
    for field, stored in profile.items():
        if field in LIST_FIELDS and isinstance(stored, list):
            matched = [str(s) for s in stored if same_thing(s, old)]
            if matched:
                gone = new_event(field=field, value=matched, event="REMOVE")
                return [gone, new_event(field=field, value=[new], event="ADD")]
    for field in SWAPPABLE_SCALARS:  # "swapped Leeds for York": the stored place, employer or role
        stored = profile.get(field)
        if isinstance(stored, str) and same_thing(stored, old) and (field == "role" or new[:1].isupper()):
            return [new_event(field=field, value=new, event="UPDATE")]
    return []


SWAPPABLE_SCALARS = ("location", "employer", "role")


def _switched_to(events: list[FieldEvent], event: FieldEvent) -> list[FieldEvent]:
    """'I don't play handball anymore, I switched to basketball': into the one list field the same
    message ended something in; nothing when it ended nothing (which field is meant is unsure)."""
    ended = {e.field for e in events if e.event == "REMOVE" and e.field in SWITCHABLE_FIELDS}
    if len(ended) != 1:
        return []
    return [new_event(field=ended.pop(), value=[str(event.value)], event="ADD")]


def finish(events: list[FieldEvent], profile: dict[str, Any]) -> list[FieldEvent]:
    """Apply the change rules, then one event per (field, kind), removals first."""
    out: list[FieldEvent] = []
    for event in origin(_retired_trade(events), profile):
        if event.field == SWITCH_FIELD:
            out.extend(_switched(profile, event))
            continue
        if event.field == SWITCH_TO_FIELD:
            out.extend(_switched_to(events, event))
            continue
        if event.field == TURNED_DISLIKE_FIELD:
            out.extend(_turned_against(profile, event))
            continue
        if event.field == FREELANCE_FIELD:
            out.append(_freelance(profile, events))
            continue
        if event.field == RETIRED_FROM_FIELD:
            out.extend(_retired_from(profile, event))
            continue
        if event.event == "REMOVE" and event.value is not None:
            wanted = [str(x) for x in (event.value if isinstance(event.value, list) else [event.value])]
            matched = _stored_matches(profile, event.field, wanted)
            if not matched and event.field == "role":
                matched = _trade_matches(profile, wanted)
            if not matched and event.field in WORK_FIELDS:
                # "I was laid off from Acme" also ends a role stored as "tester at Acme" (merge.py reads either field).
                matched = [m for other in WORK_FIELDS for m in _stored_matches(profile, other, wanted)]
            if event.field in LIST_FIELDS:
                out.append(new_event(field=event.field, value=matched or wanted, event="REMOVE"))
            elif matched:  # a scalar is removed only when the stored one is the value named
                out.append(new_event(field=event.field, value=matched[0], event="REMOVE"))
            continue
        out.append(event)
        if event.event != "REMOVE" and event.field in OPPOSITE:
            # A newer polarity removes the older: "I hate X" takes X out of likes and interests.
            items = [str(x) for x in (event.value if isinstance(event.value, list) else [event.value])]
            for other in OPPOSITE[event.field]:
                matched = _stored_matches(profile, other, items)
                if matched:
                    out.append(new_event(field=other, value=matched, event="REMOVE"))
    merged = _merge_same_field(out)
    return [e for e in merged if e.event == "REMOVE"] + [e for e in merged if e.event != "REMOVE"]


# Roles that hold no employer: one who says so works for no one now ("a retired nurse" too).
NO_EMPLOYER_ROLES = frozenset(("retired", "retiree", "unemployed"))
# Roles that say nothing of the employer: one semi-retired may still work a few days where they did.
EMPLOYER_KEPT_ROLES = frozenset(("semi-retired", "semi retired"))


def _employer_left_behind(profile: dict[str, Any], events: list[FieldEvent], message: str) -> list[FieldEvent]:
    """The stored employer a new role leaves behind (issue 9): 'I'm retired now' ends it, and so
    does a different trade told as a change ('I'm a bus driver now' after 'pharmacist at Boots'),
    unless the message names its employer. A promotion in the same trade ('senior pharmacist
    now') shares a word with the stored role and keeps the employer; a first role told beside a
    stored employer ('I work at Boots', then 'I'm a packer now') is the same job told in two parts."""
    employer = profile.get("employer")
    if not isinstance(employer, str) or any(e.field == "employer" for e in events):
        return []
    roles = [e for e in events if e.field == "role" and e.event != "REMOVE" and isinstance(e.value, str)]
    if not roles:
        return []
    new = str(roles[-1].value)
    try:  # a role the value check refuses ("full time mom") tells of no change of job
        check_value("role", new, message=message)
    except Refused:
        return []
    stored = profile.get("role")
    if new.lower() in EMPLOYER_KEPT_ROLES:
        return []
    if new.lower() in NO_EMPLOYER_ROLES or new.lower().startswith("retired ") or (
        roles[-1].event == "UPDATE" and isinstance(stored, str) and not content(stored) & content(new)
    ):
        return [new_event(field="employer", value=employer, event="REMOVE")]
    return []


def _retired_trade(events: list[FieldEvent]) -> list[FieldEvent]:
    """'I'm retired, I was a gym teacher', 'I was a nurse before I retired': one role, 'retired gym teacher',
    in place of the ended trade and the bare 'retired' (only when the message tells both, of one trade)."""
    retired = [i for i, e in enumerate(events) if e.field == "role" and e.event != "REMOVE" and e.value == "retired"]
    ended = [e for e in events if e.field == "role" and e.event == "REMOVE" and isinstance(e.value, str) and e.value]
    if not retired or len(ended) != 1 or not _a_trade(str(ended[0].value)):
        return events
    trade = new_event(field="role", value=f"retired {ended[0].value}", event=events[retired[-1]].event)
    return [trade if i == retired[-1] else e for i, e in enumerate(events) if e is not ended[0]]


# Agent nouns that name a habit or a state, not a trade one retires from ("I was a wreck", "a heavy smoker").
NOT_TRADES = frozenset(
    "wreck mess loner hoarder worrier beginner believer lover smoker drinker gamer runner member user owner fan".split()
)
_OCCUPATIONS = frozenset(OCCUPATIONS)


def _a_trade(role: str) -> bool:
    """'gym teacher', 'postman', 'florist': an occupation noun (by the list, or by its ending) last."""
    words = role.lower().split()
    if not words or words[0] == "retired" or words[-1] in NOT_TRADES:
        return False
    return words[-1] in _OCCUPATIONS or words[-1].endswith(("er", "or", "ist", "ian", "man", "woman"))


def origin(events: list[FieldEvent], profile: dict[str, Any]) -> list[FieldEvent]:
    """'I'm from Ohio' is the user's hometown; while no home is known (stored or just heard) it is
    where they live too, so a later 'I moved to Denver' keeps where they are from. Where one grew up
    or was born (BORN_IN_FIELD) is always the hometown: one who says so mostly lives elsewhere now.
    'My home is Lisbon' (HOME_IS_FIELD) is where one lives while no home is known, else the hometown.
    Where one works ('a nurse at a clinic in Leeds') is where one lives only when no home is known;
    then it is dropped."""
    location_known = bool(profile.get("location")) or any(e.field == "location" and e.event != "REMOVE" for e in events)
    located: list[FieldEvent] = []
    for e in events:
        if e.field == BORN_IN_FIELD:
            located.append(new_event(field="hometown", value=e.value, event=e.event))
        elif e.event == "REMOVE" or e.field not in HOMETOWN_FIELDS:
            located.append(e)
        elif location_known and e.field != WORKPLACE_FIELD:
            located.append(new_event(field="hometown", value=e.value, event=e.event))
        elif not location_known:
            located.append(new_event(field="location", value=e.value, event=e.event))
            if e.field == "hometown":
                located.append(e)
    return [e for e in located if e.field != WORKPLACE_FIELD]  # a known home outranks a workplace


# Fields origin() places: a hometown, a birthplace, a home, a workplace.
HOMETOWN_FIELDS = ("hometown", BORN_IN_FIELD, HOME_IS_FIELD, WORKPLACE_FIELD)


def _merge_same_field(events: list[FieldEvent]) -> list[FieldEvent]:
    """One event per (field, kind); later scalar values win, list values accumulate."""
    merged: dict[tuple[str, str], FieldEvent] = {}
    seen: dict[tuple[str, str], set[str]] = {}  # each key's items, lower-cased, kept as they grow
    for event in events:
        key = (event.field, "REMOVE" if event.event == "REMOVE" else "SET")
        existing = merged.get(key)
        if existing is None:
            merged[key] = copied(event)  # event.model_copy()
            seen.pop(key, None)
        elif isinstance(existing.value, list) and isinstance(event.value, list):
            known = seen.get(key)
            if known is None:  # (not setdefault: that would build the set again for every event)
                known = seen[key] = {str(x).lower() for x in existing.value}
            fresh = []
            for x in event.value:
                if str(x).lower() not in known:
                    known.add(str(x).lower())
                    fresh.append(x)
            existing.value = [*existing.value, *fresh]
        else:
            merged[key] = event
            seen.pop(key, None)
    return list(merged.values())
