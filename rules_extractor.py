"""The built-in, offline extractor: a table of first-person patterns per field.

How a message is read:
1. It is cut into sentences, then into clauses at "but". A question, a request
   ("can you…", "write…"), a hypothetical ("if I were…") or a clause that speaks
   of the past ("I used to…") yields nothing.
2. Each pattern is anchored on the speaker ("I", "I'm", "my"), so "my sister
   loves tennis" never becomes the user's like, and a negation ("I don't speak",
   "I'm not a") simply does not match the positive pattern.
3. A matched value is cut at the first trailing clause ("because…", "and I…"),
   stripped of determiners, and split into items ("A, B and C").
4. Change words turn an ADD into UPDATE ("I moved to", "from now on", "I'm now")
   or REMOVE ("anymore", "no longer", "drop it").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from extractors import FieldEvent

EventKind = Literal["ADD", "UPDATE", "REMOVE"]

# -- vocabulary -------------------------------------------------------------------

I_AM = r"\bi(?:'m|\s+am|m|\s+m)\b"
ADVERBS = (
    r"(?:(?:really|also|absolutely|just|do|truly|totally|genuinely|still|actually|simply|especially|kind of|"
    r"kinda|sort of|honestly|definitely|very much|mostly|usually|often|always|now|currently|so|too|all)\s+)*"
)
VALUE = r"(?P<v>[^.!?;\n]+)"

LANGUAGES = frozenset(
    """english spanish french german italian portuguese dutch russian ukrainian polish czech slovak
    hungarian romanian bulgarian greek turkish arabic hebrew persian farsi hindi urdu bengali punjabi
    tamil telugu marathi gujarati kannada malayalam chinese mandarin cantonese japanese korean
    vietnamese thai indonesian malay tagalog filipino swahili amharic yoruba zulu afrikaans swedish
    norwegian danish finnish icelandic estonian latvian lithuanian serbian croatian bosnian slovenian
    albanian macedonian catalan basque galician irish welsh gaelic latin esperanto sign asl
    nepali sinhala khmer lao burmese mongolian kazakh uzbek georgian armenian azerbaijani""".split()
)

RELATIVES = (
    r"wife|husband|spouse|partner|son|sons|daughter|daughters|kid|kids|child|children|baby|babies|"
    r"twins?|mother|mom|mum|father|dad|parents|brother|brothers|sister|sisters|siblings?|"
    r"grandma|grandmother|grandpa|grandfather|grandparents|grandkids|grandchildren|grandson|granddaughter|"
    r"aunt|uncle|cousins?|nephews?|nieces?|fianc[eé]e?|boyfriend|girlfriend|stepson|stepdaughter|"
    r"stepmom|stepdad|family"
)
PETS = (
    r"dogs?|puppy|puppies|cats?|kittens?|kitty|fish|goldfish|hamsters?|parrots?|birds?|budgies?|"
    r"rabbits?|bunny|bunnies|turtles?|tortoises?|snakes?|lizards?|geckos?|iguanas?|horses?|ponies|pony|"
    r"guinea pigs?|ferrets?|chickens?|goats?|pigs?|cows?|mice|mouse|rats?|hedgehogs?|chinchillas?"
)
NUMBER_WORDS = r"a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|many|some|\d{1,2}"

# Words that follow "I'm" but are states, not names.
NOT_NAMES = frozenset(
    """a an the not so very too also just still really here there back home good fine well ok okay great
    sure sorry glad happy sad tired exhausted sleepy hungry thirsty bored busy free ready done new old
    young single married divorced retired engaged pregnant sick ill hurt fine alright alive dead lucky
    excited nervous scared afraid worried angry upset mad stressed anxious curious interested
    confused lost late early fast slow tall short big small fat thin strong weak rich poor broke
    alone lonely shy quiet loud funny serious smart dumb lazy blind deaf vegan vegetarian allergic
    from in at on into with about like going trying doing working looking thinking getting feeling
    living learning studying planning making taking having coming leaving staying sitting waiting
    watching reading writing playing eating drinking cooking listening running walking driving
    currently now always never sometimes usually probably maybe kinda sort kind same fan one
    all both only actually literally definitely totally pretty quite rather somewhat almost
    american british english french german spanish italian canadian mexican chinese japanese
    korean indian russian irish scottish african asian european australian brazilian
    christian muslim jewish catholic buddhist hindu atheist gay straight bi lesbian trans
    okay fine human male female man woman guy girl boy person adult kid teen teenager
    certain positive unsure aware sure able unable afraid right wrong correct glad grateful
    thankful blessed proud ashamed embarrassed impressed amazed surprised jealous hopeful""".split()
)
ADJECTIVE_SUFFIXES = ("ed", "ing", "ful", "less", "ous", "ive", "able", "ible", "ish", "ly", "est", "ic")

# Words after "I'm a/an" that are not a role ("I'm a big fan of…" is handled as a like).
NOT_ROLES = frozenset(
    """person people guy girl boy man woman lady gal dude kid child baby human being fan lover type
    kind sort bit lot little huge big fun nice good great bad mess morning night owl early bird
    member part one fan""".split()
)

CUT_AFTER = re.compile(
    r"\s*(?:,\s*|\s)(?:because|since|cause|cuz|when|while|whenever|although|though|but|so|which|who|whom|"
    r"that|where|as well|too|if|unless|until|after|before|then|or so|lol|haha|though|and i|and my|and it|"
    r"and you|and we|and they|and that|i|my|you|it is|it's|its|what about|how about|do you|are you|"
    r"but i|for a living|for fun|every day|everyday|all day|all the time|a lot|so much|very much|"
    r"right now|these days|nowadays|at the moment|from now on|anymore|any more|now|"
    r"in my (?:free|spare) time|on weekends?|at night|by the way|btw|as a hobby|with (?:my|a|some)|"
    r"to be honest|honestly|though)\b.*$",
    re.IGNORECASE,
)
DETERMINERS = re.compile(r"^(?:a|an|the|my|some|all|any|lots of|a lot of|plenty of|many|much|really|very|to)\s+", re.I)
PRONOUNS = frozenset(
    "it that this these those them you him her me us everything anything nothing something stuff things".split()
)
SPLIT_ITEMS = re.compile(r"\s*(?:,\s*(?:and|or)\s+|,\s*|\s+and\s+|\s+or\s+|\s*&\s*|\s*/\s*|\s+as well as\s+)", re.I)

QUESTION_START = re.compile(
    r"^(?:do|does|did|are|is|was|were|can|could|would|will|should|shall|have|has|what|who|whom|where|when|"
    r"why|how|which|may)\b(?!\s+i\s+(?:am|'m))",
    re.I,
)
REQUEST_START = re.compile(
    r"^(?:please|pls|kindly|write|give|find|identify|explain|help|create|list|translate|summari[sz]e|"
    r"generate|make|tell|show|describe|compose|draft|suggest|recommend|convert|calculate|compute|"
    r"classify|rewrite|fix|debug|implement|design|plan|provide|answer|solve|check|review|edit|"
    r"correct|complete|let's|lets|imagine|pretend|act as|assume)\b",
    re.I,
)
HYPOTHETICAL = re.compile(
    r"^(?:if|when|whenever|whether|suppose|supposing|maybe|perhaps|what if|unless)\b|\b(?:if|when)\s+i\b", re.I
)
PAST_OR_OTHERS = re.compile(
    r"\b(?:used to|use to|as a kid|as a child|when i was|back then|years ago|in the past|"
    r"(?:he|she|they|my \w+)\s+(?:said|says|thinks|told))\b",
    re.I,
)
NEAR_FUTURE = re.compile(
    r"\b(?:today|tonight|tomorrow|this (?:morning|afternoon|evening|week|weekend|month)|"
    r"next (?:week|weekend|month|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"later today|right now|at the moment|for now|soon)\b",
    re.I,
)
REMOVAL = re.compile(r"\b(?:anymore|any more|no longer|not any longer|stopped|quit|gave up|drop it|forget)\b", re.I)
CHANGE = re.compile(r"\b(?:now|from now on|these days|moved|relocated|changed|switched|became|new job)\b", re.I)
CODE_LIKE = re.compile(
    r"```|^\s*(?:def |class |import |from \S+ import|function |const |let |var |#include|SELECT |<\w+)", re.M
)
URL_ONLY = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$", re.I)


# -- value cleaning ---------------------------------------------------------------


def clean_value(raw: str, *, max_words: int = 6) -> str | None:
    """Cut trailing clauses and determiners off a matched span; None when nothing usable is left."""
    text = raw.strip().strip("\"'“”‘’`*_")
    text = CUT_AFTER.sub("", " " + text).strip()
    text = re.sub(r"[\s,:;\-–—]+$", "", text)
    for _ in range(3):
        text = DETERMINERS.sub("", text)
    text = text.strip(" .,!?\"'()")
    if not text or text.lower() in PRONOUNS or len(text) > 80:
        return None
    words = text.split()
    if len(words) > max_words:
        return None
    return text


def split_items(raw: str, *, max_words: int = 5) -> list[str]:
    """'Python, JavaScript and Go because…' -> ['Python', 'JavaScript', 'Go']."""
    head = CUT_AFTER.sub("", " " + raw.strip()).strip()
    items = []
    for part in SPLIT_ITEMS.split(head):
        value = clean_value(part, max_words=max_words)
        if value and value.lower() not in {i.lower() for i in items}:
            items.append(value)
    return items


def gerund(verb_phrase: str) -> str:
    """'to swim in lakes' -> 'swimming in lakes', for likes stated with an infinitive."""
    words = verb_phrase.split()
    if not words:
        return verb_phrase
    verb = words[0].lower()
    if verb.endswith("ing") or verb in {"the", "a", "an"}:
        return verb_phrase
    if verb.endswith("ie"):
        verb = verb[:-2] + "ying"
    elif verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")):
        verb = verb[:-1] + "ing"
    elif re.fullmatch(r"[^aeiou]*[aeiou][bdgklmnprt]", verb) and len(verb) <= 4:
        verb = verb + verb[-1] + "ing"
    else:
        verb = verb + "ing"
    return " ".join([verb, *words[1:]])


def _activity(value: str) -> str:
    """Likes given as 'to eat meat' / 'to read' become 'eating meat' / 'reading'."""
    if value.lower().startswith("to "):
        return gerund(value[3:])
    return value


def _name(raw: str) -> list[str]:
    words = []
    for word in raw.split()[:3]:
        word = word.strip(",.!?\"'")
        if not word or word.lower() in {"and", "but", "i", "from", "by", "the", "my", "im", "i'm", "here", "btw"}:
            break
        if not re.fullmatch(r"[A-Za-zÀ-ÖØ-öø-ÿ'\-]{2,20}", word):
            break
        words.append(word)
    if not words or words[0].lower() in NOT_NAMES:
        return []
    return [" ".join(w if any(c.isupper() for c in w) else w.capitalize() for w in words)]


def _name_after_i_am(raw: str, original: str) -> list[str]:
    """'I'm Alice' is a name; 'I'm exhausted' is not. A lone word must look like a name."""
    word = raw.split()[0].strip(",.!?\"'") if raw.split() else ""
    rest = raw[len(raw.split()[0]) :].strip() if raw.split() else ""
    if not re.fullmatch(r"[A-Za-z][a-z'\-]{1,19}|[A-Z][a-zA-Z'\-]{1,19}", word):
        return []
    lowered = word.lower()
    if lowered in NOT_NAMES or lowered in LANGUAGES:
        return []
    if not word[0].isupper() and lowered.endswith(ADJECTIVE_SUFFIXES):
        return []
    # The name must end the clause: "I'm Alice", "i am nick, i like…", "I'm Bob and…"
    if rest and not re.match(r"^(?:[,.!]|and\b|here\b|by the way\b|btw\b|from\b|nice to\b|$)", rest, re.I):
        return []
    return [word if word[0].isupper() else word.capitalize()]


def _role(raw: str) -> list[str]:
    value = re.split(r"\s+(?:at|for|in|with|from|by|on)\s+", raw.strip(), maxsplit=1)[0]
    value = clean_value(value, max_words=4)
    if not value:
        return []
    words = value.lower().split()
    if words[-1] in NOT_ROLES or words[0] in NOT_ROLES or words[0] in {"very", "really", "pretty", "bit"}:
        return []
    if words[-1].endswith(("ed", "ing", "ful", "ous", "ive")) and len(words) == 1:
        return []
    return [value]


def _place(raw: str) -> list[str]:
    value = re.split(r"\s+(?:with|for|since|because|and|but|where|now|near)\b", raw.strip(), maxsplit=1)[0]
    value = clean_value(value, max_words=5)
    return [value] if value else []


def _employer(raw: str) -> list[str]:
    value = re.sub(r"\s+(?:industry|company|sector|field)$", "", raw.strip(), flags=re.I)
    value = re.split(r"\s+(?:as|in|since|for|doing|selling|making|where)\b", value, maxsplit=1)[0]
    value = clean_value(value, max_words=5)
    if not value or value.lower() in {"home", "work", "night", "nights", "the moment", "a job"}:
        return []
    return [value]


def _languages(raw: str) -> list[str]:
    items = []
    for item in split_items(raw, max_words=2):
        word = item.split()[0].lower()
        if word in LANGUAGES:
            items.append(item.split()[0].capitalize() if word != "asl" else "ASL")
    return items


def _age(raw: str) -> list[str]:
    match = re.match(
        r"(\d{1,3})\b(?!\s*(?:%|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|km|miles?|kg|lbs?|"
        r"pounds?|feet|ft|inches|cm|dollars?|euros?|times?|people|kids|children|am|pm|o'clock|th|st|nd|rd))",
        raw,
    )
    if not match:
        return []
    age = int(match.group(1))
    return [str(age)] if 3 <= age <= 110 else []


def _items(raw: str) -> list[str]:
    return split_items(raw)


def _activities(raw: str) -> list[str]:
    return [_activity(item) for item in split_items(raw)]


def _pets(raw: str) -> list[str]:
    value = clean_value(re.sub(r"\s+(?:named|called)\s+(\w+).*$", r" named \1", raw.strip(), flags=re.I), max_words=5)
    return [value] if value else []


def _relative(raw: str) -> list[str]:
    value = clean_value(raw, max_words=3)
    return [value] if value else []


def _education(raw: str) -> list[str]:
    value = re.split(r"\s+(?:and i|but|because|since|so|where|when)\b", raw.strip(), maxsplit=1)[0]
    value = clean_value(value, max_words=6)
    return [value] if value else []


def _goal(raw: str) -> list[str]:
    value = raw.strip()
    become = re.match(r"^(?:to\s+)?(?:become|be|being|becoming)\s+(?:a|an|the)?\s*(?P<r>.+)$", value, re.I)
    if become:
        value = become.group("r")
    value = re.sub(r"^to\s+", "", value, flags=re.I)
    cleaned = clean_value(value, max_words=7)
    return [cleaned] if cleaned else []


@dataclass(frozen=True)
class Pattern:
    field: str
    regex: re.Pattern[str]
    value: Callable[[str], list[str]]
    event: EventKind = "ADD"
    keyword: str = ""  # a cheap substring test before the regex runs


def _p(
    field: str, pattern: str, value: Callable[[str], list[str]], *, event: EventKind = "ADD", keyword: str = ""
) -> Pattern:
    expanded = pattern.replace("{I_AM}", I_AM).replace("{ADV}", ADVERBS).replace("{V}", VALUE)
    expanded = expanded.replace("{REL}", RELATIVES).replace("{PETS}", PETS).replace("{NUM}", NUMBER_WORDS)
    return Pattern(field, re.compile(expanded, re.IGNORECASE), value, event, keyword)


# One row per phrasing, grouped by field. Order matters only within a clause:
# the first pattern that claims a span wins it.
PATTERNS: tuple[Pattern, ...] = (
    # name
    _p("name", r"\bmy name(?:'s|\s+is)\s+{V}", _name, keyword="name"),
    _p("name", r"\b(?:call|address)\s+me\s+{V}", _name, event="UPDATE", keyword="me"),
    _p("name", r"\bi\s+go\s+by\s+{V}", _name, keyword="go by"),
    _p("name", r"^(?:hi|hello|hey)?[\s,!]*(?:this is|it's|its)\s+(?P<v>[A-Z][a-z]+)\s*(?:here)?\s*$", _name),
    _p("name", r"^(?:hi|hello|hey)?[\s,!]*(?P<v>[A-Za-z][a-z]+)\s+here\b", _name, keyword="here"),
    # languages before role/skills so "I'm fluent in French" lands here
    _p("languages", r"\bi\s+{ADV}(?:can\s+)?{ADV}speak\s+{V}", _languages, keyword="speak"),
    _p("languages", r"\bmy\s+(?:native|first|mother)\s+(?:language|tongue)\s+is\s+{V}", _languages, keyword="my"),
    _p("languages", r"{I_AM}\s+{ADV}(?:fluent|native|bilingual)\s+in\s+{V}", _languages, keyword="in"),
    _p("languages", r"{I_AM}\s+(?:a\s+)?native\s+(?P<v>\w+)\s+speaker", _languages, keyword="native"),
    _p(
        "languages",
        r"\b(?:answer|reply|respond|talk|speak|write)\s+(?:to\s+)?me\s+in\s+{V}",
        _languages,
        keyword="me in",
    ),
    # likes given as a fan / lover / favourite
    _p("likes", r"{I_AM}\s+{ADV}(?:a\s+)?(?:big\s+|huge\s+|great\s+|massive\s+)?fan\s+of\s+{V}", _items, keyword="fan"),
    _p(
        "likes",
        r"{I_AM}\s+(?:a|an)\s+(?P<v>[\w\s]{2,30}?)\s+(?:lover|enthusiast|addict|fanatic|nut|junkie|buff)\b",
        _items,
    ),
    _p("likes", r"\bmy\s+favou?rite\s+(?:\w+\s+){0,3}(?:is|are)\s+{V}", _items, keyword="favo"),
    _p("likes", r"^(?P<v>[\w\s'-]{2,40}?)\s+(?:is|are)\s+my\s+(?:absolute\s+)?favou?rites?\b", _items, keyword="favo"),
    _p("likes", r"(?:❤️|♥️|❤)\s*(?P<v>[\w\s'-]{2,40})", _items),
    _p("likes", r"(?P<v>[\w'-]{2,30})\s*(?:❤️|♥️|❤)", _items),
    # dislikes
    _p(
        "dislikes",
        r"\bi\s+{ADV}(?:hate|dislike|detest|loathe|despise|can't stand|cannot stand|can not stand|cant stand)\s+{V}",
        _activities,
    ),
    _p(
        "dislikes",
        r"\bi\s+{ADV}(?:don't|do not|dont)\s+{ADV}(?:like|enjoy|love|care for)\s+{V}",
        _activities,
        keyword="n",
    ),
    _p(
        "dislikes",
        r"{I_AM}\s+not\s+(?:a\s+)?(?:big\s+|huge\s+)?(?:fan\s+of|fond\s+of|into)\s+{V}",
        _items,
        keyword="not",
    ),
    _p("dislikes", r"^(?P<v>[\w\s'-]{2,40}?)\s+(?:is|are)\s+my\s+least\s+favou?rite\b", _items, keyword="least"),
    # likes
    _p("likes", r"\bi\s+{ADV}(?:love|like|enjoy|adore|prefer|dig)\s+{V}", _activities),
    _p("likes", r"\bi\s+{ADV}(?:have\s+a\s+)?(?:passion|soft spot)\s+for\s+{V}", _items, keyword="for"),
    # interests
    _p(
        "interests",
        r"{I_AM}\s+{ADV}(?:very\s+|really\s+|deeply\s+)?(?:interested|passionate)\s+(?:in|about)\s+{V}",
        _activities,
        keyword="in",
    ),
    _p("interests", r"{I_AM}\s+{ADV}(?:really\s+|big\s+|very\s+)?into\s+{V}", _activities, keyword="into"),
    _p(
        "interests",
        r"\bmy\s+(?:main\s+|favou?rite\s+|new\s+)?(?:hobby|hobbies|passion|pastime)\s+(?:is|are|include)\s+{V}",
        _activities,
        keyword="my",
    ),
    _p(
        "interests",
        r"\bin\s+my\s+(?:free|spare|down)\s*time,?\s+i\s+{ADV}(?:like\s+to\s+|love\s+to\s+|enjoy\s+)?{V}",
        _activities,
        keyword="time",
    ),
    _p(
        "interests",
        r"\bi\s+{ADV}(?:go|went)\s+(?P<v>(?:surf|fish|hik|camp|swim|ski|snowboard|run|jogg|bowl|sail|hunt|"
        r"climb|danc|shopp|bik|cycl|kayak|skat|golf)\w*)",
        _items,
        keyword="go",
    ),
    _p("interests", r"\bi\s+{ADV}(?:play|practice|practise)\s+(?:the\s+)?{V}", _items, keyword="pla"),
    _p(
        "interests",
        r"\bi\s+{ADV}collect\s+{V}",
        lambda v: [f"collecting {x}" for x in split_items(v)],
        keyword="collect",
    ),
    # skills
    _p(
        "skills",
        r"{I_AM}\s+{ADV}(?:pretty\s+|very\s+|really\s+|quite\s+)?(?:good|great|skilled|skillful|proficient|"
        r"experienced|an expert|expert|talented)\s+(?:at|in|with)\s+{V}",
        _activities,
    ),
    _p("skills", r"\bi\s+{ADV}know\s+how\s+to\s+{V}", _items, keyword="know"),
    _p(
        "skills",
        r"\bi\s+{ADV}know\s+(?P<v>(?!that\b|what\b|how\b|why\b|who\b|where\b|when\b|you\b|it\b|right\b|"
        r"about\b|the\b|a\b|an\b|him\b|her\b|them\b|this\b|i\b|if\b|so\b|some\w*\b|nothing\b|everything\b|"
        r"many\b|lots\b|people\b)[^.!?;\n]+)",
        _items,
        keyword="know",
    ),
    _p(
        "skills",
        r"\bi\s+{ADV}can\s+{ADV}(?P<v>(?!see\b|tell\b|help\b|do\b|get\b|go\b|imagine\b|understand\b|try\b|come\b|"
        r"be\b|hear\b|say\b|make\b|relate\b|only\b|not\b|never\b|feel\b|think\b|guess\b|give\b|send\b|show\b|find\b|"
        r"use\b|take\b|ask\b|wait\b|believe\b|barely\b|hardly\b|speak\b|have\b|also\b|still\b|you\b)[^.!?;\n]+)",
        _activities,
        keyword="can",
    ),
    _p("skills", r"\bi\s+{ADV}(?:program|code|develop|write code)\s+in\s+{V}", _items, keyword="in"),
    _p(
        "skills",
        r"\bi\s+{ADV}have\s+(?:\d+\s+years\s+of\s+)?(?:experience|expertise)\s+(?:in|with)\s+{V}",
        _items,
        keyword="experience",
    ),
    _p("skills", r"\bmy\s+(?P<v>[\w\s-]{2,30}?)\s+skills?\b", _items, keyword="skill"),
    _p("skills", r"\bi\s+{ADV}(?:learned|learnt)\s+(?:how\s+)?to\s+{V}", _items, keyword="learn"),
    # goals
    _p(
        "goals",
        r"\bmy\s+(?:main\s+|big\s+|life\s+|ultimate\s+|long[- ]term\s+)?(?:goal|dream|ambition|aim|aspiration)"
        r"\s+is\s+(?:to\s+)?{V}",
        _goal,
        keyword="my",
    ),
    _p("goals", r"\bit\s+is\s+my\s+dream\s+to\s+{V}", _goal, keyword="dream"),
    _p(
        "goals",
        r"\bi\s+{ADV}(?:want|would like|'d like|hope|aspire|plan|intend|aim|wish|dream)\s+(?:to\s+)?"
        r"(?P<v>(?:be|become)\s+[^.!?;\n]+)",
        _goal,
    ),
    _p(
        "goals",
        r"\bi\s+{ADV}(?:dream|dreaming)\s+(?:of|about)\s+(?:becoming\s+|being\s+)?{V}",
        lambda v: _goal(v),
        keyword="dream",
    ),
    _p(
        "goals",
        r"\bi\s+{ADV}(?:want|would like|'d like|hope|aspire|plan|intend|aim|wish)\s+to\s+"
        r"(?P<v>(?:learn|travel|visit|see the world|move|retire|open|own|run|climb|master|study|start|buy|build|"
        r"write a|publish|get married|have kids|have a|go back to|finish|graduate|take over)\b[^.!?;\n]*)",
        _goal,
    ),
    _p(
        "goals",
        r"\bi\s+{ADV}(?:am\s+|'m\s+)?(?:working|studying|training)\s+to\s+(?:become|be)\s+{V}",
        _goal,
        keyword="to",
    ),
    # role (after the likes/skills rows that also start with "I'm a")
    _p("role", r"{I_AM}\s+{ADV}(?:now\s+)?(?:a|an)\s+(?P<v>(?!fan\b)[^.!?;\n]+)", _role),
    _p("role", r"\bi\s+{ADV}work\s+as\s+(?:a|an)?\s*{V}", _role, keyword="work as"),
    _p("role", r"\bmy\s+(?:job|profession|occupation|role|position|title)\s+is\s+(?:a|an)?\s*{V}", _role, keyword="my"),
    _p("role", r"\bi\s+{ADV}(?:became|have become|'ve become)\s+(?:a|an)\s+{V}", _role, event="UPDATE", keyword="bec"),
    _p("role", r"{I_AM}\s+(?:employed|working)\s+as\s+(?:a|an)?\s*{V}", _role, keyword="as"),
    # employer
    _p("employer", r"\bi\s+{ADV}(?:work|am working|'m working)\s+(?:at|for)\s+{V}", _employer, keyword="work"),
    _p("employer", r"{I_AM}\s+(?:employed|hired)\s+(?:at|by|in)\s+{V}", _employer, keyword="ed"),
    _p(
        "employer",
        r"\bi\s+{ADV}(?:have|got)\s+a\s+(?:new\s+|part[- ]time\s+|full[- ]time\s+)?job\s+"
        r"(?:working\s+)?(?:at|for|with|in)\s+{V}",
        _employer,
        keyword="job",
    ),
    _p(
        "employer",
        r"\bi\s+{ADV}work\s+in\s+(?:the\s+)?(?P<v>[\w\s-]{2,40}?)\s+(?:industry|sector|business|field)\b",
        _employer,
        keyword="work",
    ),
    _p("employer", r"^(?:the\s+)?(?P<v>[\w\s'&-]{2,40}?)\s+is\s+where\s+i\s+work\b", _employer, keyword="work"),
    _p("employer", r"\bmy\s+employer\s+is\s+{V}", _employer, keyword="employer"),
    _p(
        "employer",
        r"{I_AM}\s+{ADV}(?:a|an)\s+[\w\s-]{2,30}?\s+at\s+(?P<v>[A-Z][\w&'.-]*(?:\s+[A-Z][\w&'.-]*){0,3})",
        _employer,
    ),
    # location
    _p("location", r"\bi\s+{ADV}(?:live|reside|stay)\s+in\s+{V}", _place, keyword="in"),
    _p("location", r"{I_AM}\s+{ADV}(?:based|located|living)\s+in\s+{V}", _place, keyword="in"),
    _p(
        "location",
        r"\bi\s+{ADV}(?:moved|relocated|have moved|'ve moved|just moved)\s+to\s+{V}",
        _place,
        event="UPDATE",
        keyword="to",
    ),
    _p("location", r"{I_AM}\s+{ADV}(?:originally\s+)?from\s+{V}", _place, keyword="from"),
    _p("location", r"\bi\s+{ADV}come\s+from\s+{V}", _place, keyword="from"),
    _p("location", r"\bmy\s+(?:home\s*town|home)\s+is\s+{V}", _place, keyword="home"),
    # age
    _p("age", r"{I_AM}\s+{ADV}(?:turning\s+|almost\s+|nearly\s+|about\s+)?(?P<v>\d{1,3}\b[^.!?;\n]*)", _age),
    _p("age", r"\bi\s+(?:just\s+)?turned\s+(?P<v>\d{1,3}\b[^.!?;\n]*)", _age, event="UPDATE", keyword="turned"),
    _p("age", r"\bmy\s+age\s+is\s+(?P<v>\d{1,3}\b.*)", _age, keyword="age"),
    _p("age", r"\b(?:age|aged)\s+(?P<v>\d{1,3}\b.*)", _age, keyword="age"),
    _p("age", r"\bi\s+will\s+be\s+(?P<v>\d{1,3}\b[^.!?;\n]*)", _age, keyword="will be"),
    # family
    _p(
        "family",
        r"\bi\s+{ADV}have\s+(?P<v>(?:{NUM})\s+(?:(?:older|younger|little|big|baby|step|twin|grown)\s+)?"
        r"(?:{REL}))\b",
        _relative,
        keyword="have",
    ),
    _p(
        "family",
        r"\bmy\s+(?P<v>(?:(?:older|younger|little|big|baby|step|twin|{NUM})\s+)?(?:{REL}))\b",
        _relative,
        keyword="my",
    ),
    _p("family", r"{I_AM}\s+(?P<v>married|engaged)\b", _relative),
    _p("family", r"{I_AM}\s+(?:a\s+)?(?:mother|mom|father|dad|parent)\s+of\s+(?P<v>\w+)", lambda v: [f"{v} kids"]),
    # pets
    _p(
        "pets",
        r"\bi\s+{ADV}(?:have|own|got)\s+(?P<v>(?:(?:{NUM})\s+)?(?:\w+\s+)?(?:{PETS})(?:\s+(?:named|called)\s+\w+)?)\b",
        _pets,
    ),
    _p("pets", r"\bmy\s+(?P<v>(?:\w+\s+)?(?:{PETS})(?:\s+(?:named|called)\s+\w+)?)\b", _pets, keyword="my"),
    # education
    _p(
        "education",
        r"\bi\s+{ADV}(?:studied|study|majored in|major in|am majoring in|'m majoring in|am studying|"
        r"'m studying)\s+{V}",
        _education,
    ),
    _p(
        "education",
        r"\bi\s+{ADV}(?:have|got|earned|hold|completed)\s+(?:a|an|my)\s+(?P<v>(?:bachelor'?s?|master'?s?|"
        r"phd|ph\.d\.|doctorate|degree|mba|diploma|associate'?s?)[^.!?;\n]*)",
        _education,
    ),
    _p("education", r"\bi\s+{ADV}(?:graduated|graduate)\s+from\s+{V}", _education, keyword="grad"),
    _p(
        "education",
        r"\bi\s+{ADV}(?:went|go|attend|attended)\s+(?:to\s+)?(?P<v>[\w\s'-]{0,40}?"
        r"(?:school|college|university|academy|institute|uni)\b(?:\s+of\s+[\w\s]+)?)",
        _education,
    ),
    _p(
        "education",
        r"{I_AM}\s+{ADV}in\s+(?P<v>(?:high|middle|elementary|grad|graduate|law|medical|nursing|culinary|"
        r"art|primary|secondary)\s+school|college|university|uni)\b",
        _education,
        keyword="in",
    ),
    _p(
        "education",
        r"{I_AM}\s+(?:a|an)\s+(?P<v>[\w\s-]{0,30}?(?:student|graduate|grad|undergrad|freshman|sophomore|"
        r"junior|senior))\b",
        _education,
    ),
)

# Fields whose value is itself a list in the profile.
LIST_VALUED = {"likes", "dislikes", "skills", "goals", "interests", "languages", "family", "pets", "education"}
FIRST_PERSON = re.compile(r"\b(?:i|i'm|im|i've|i'd|i'll|me|my|mine|myself)\b|❤", re.IGNORECASE)


def normalise_text(message: str) -> str:
    text = message.replace("’", "'").replace("‘", "'").replace("`", "'")
    text = re.sub(r"\b(don|can|won|isn|aren|doesn|didn)\s*t\b", r"\1't", text, flags=re.I)
    text = re.sub(r"\bdont\b", "don't", text, flags=re.I)
    text = re.sub(r"\bcant\b", "can't", text, flags=re.I)
    text = re.sub(r"\b(i)\s+'m\b", r"\1'm", text, flags=re.I)
    return text


def split_clauses(message: str) -> list[tuple[str, bool]]:
    """Sentences, then clauses at 'but'; each with whether it was a question."""
    clauses = []
    for match in re.finditer(r"[^.!?\n]+(?:[.!?]+|\n|$)", message):
        sentence = match.group(0).strip()
        if not sentence:
            continue
        question = sentence.endswith("?")
        body = sentence.rstrip(".!?").strip()
        for part in re.split(r"\s*(?:,\s*but|;\s*but|\bbut)\s+", body):
            if part.strip():
                clauses.append((part.strip(), question))
    return clauses


def _skip_clause(clause: str, question: bool) -> bool:
    if question or QUESTION_START.match(clause):
        return True
    if REQUEST_START.match(clause) or re.search(
        r"\b(?:can|could|would|will)\s+you\b|\bhelp\s+me\b|\bi\s+need\s+(?:you|help)\b", clause, re.I
    ):
        return True
    return bool(HYPOTHETICAL.search(clause) or PAST_OR_OTHERS.search(clause))


def looks_like_code_or_link(message: str) -> bool:
    return bool(CODE_LIKE.search(message) or URL_ONLY.match(message))


def _event_for(pattern: Pattern, clause: str) -> EventKind:
    if pattern.event == "UPDATE":
        return "UPDATE"
    if pattern.field not in LIST_VALUED and CHANGE.search(clause):
        return "UPDATE"
    return pattern.event


REMOVAL_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (field, re.compile(p.replace("{ADV}", ADVERBS).replace("{V}", VALUE).replace("{I_AM}", I_AM), re.I))
    for field, p in (
        ("likes", r"\bi\s+{ADV}(?:don't|do not|no longer|not)\s+{ADV}(?:like|love|enjoy)\s+{V}"),
        ("likes", r"\bi\s+{ADV}(?:stopped|quit)\s+(?:liking|loving|enjoying)\s+{V}"),
        ("likes", r"{I_AM}\s+(?:no longer|not)\s+(?:a\s+)?fan\s+of\s+{V}"),
        ("interests", r"{I_AM}\s+(?:no longer|not)\s+{ADV}(?:into|interested in)\s+{V}"),
        ("interests", r"\bi\s+{ADV}(?:don't|do not|no longer)\s+(?:play|do|practice)\s+{V}"),
        (
            "skills",
            r"\bi\s+{ADV}(?:don't|do not|no longer|not)\s+{ADV}(?:use|work with|code in|program in|write)\s+{V}",
        ),
        ("skills", r"\bi\s+{ADV}(?:stopped|quit)\s+(?:using|working with)\s+{V}"),
        ("dislikes", r"\bi\s+{ADV}(?:don't|do not|no longer)\s+{ADV}(?:hate|mind|dislike)\s+{V}"),
        ("languages", r"\bi\s+{ADV}(?:don't|do not|no longer|can't|cannot)\s+speak\s+{V}"),
        ("pets", r"\bi\s+{ADV}(?:don't|do not|no longer)\s+have\s+(?:a|an|my)?\s*{V}"),
        ("goals", r"\bi\s+{ADV}(?:don't|do not|no longer)\s+want\s+to\s+(?:become|be)\s+{V}"),
    )
)
REMOVE_SCALAR = re.compile(
    r"\b(?:forget|delete|remove|drop)\s+(?:my|the)\s+(?P<f>name|role|job|location|age|employer|address)\b", re.I
)
SCALAR_ALIASES = {"job": "role", "address": "location"}


class RuleExtractor:
    """The offline extractor: patterns per field, no model, no network."""

    kind = "rules"

    def describe(self) -> dict[str, str | None]:
        return {"extractor": "rules", "llm_model": None, "llm_base_url": None}

    def extract(self, message: str, profile: dict[str, Any]) -> list[FieldEvent]:
        if looks_like_code_or_link(message) or not FIRST_PERSON.search(message):
            return []
        text = normalise_text(message)
        events: list[FieldEvent] = []
        for clause, question in split_clauses(text):
            if _skip_clause(clause, question):
                continue
            if REMOVAL.search(clause):
                events.extend(self._removals(clause, profile))
                continue
            events.extend(self._additions(clause))
        return _merge_same_field(events)

    def _additions(self, clause: str) -> list[FieldEvent]:
        lowered = clause.lower()
        if not FIRST_PERSON.search(clause) and "❤" not in clause and "♥" not in clause:
            return []
        found: list[FieldEvent] = []
        claimed: list[tuple[int, int]] = []
        for pattern in PATTERNS:
            if pattern.keyword and pattern.keyword not in lowered:
                continue
            for match in pattern.regex.finditer(clause):
                start = match.start()
                if any(a <= start < b for a, b in claimed):
                    continue
                raw = match.group("v")
                if pattern.field == "name" and pattern.regex.pattern.startswith(I_AM):
                    values = _name_after_i_am(raw, clause)
                else:
                    values = pattern.value(raw)
                if pattern.field in {"goals", "interests", "likes"} and NEAR_FUTURE.search(clause):
                    values = []
                if not values:
                    continue
                claimed.append((start, match.end()))
                found.append(_event(pattern.field, values, _event_for(pattern, clause)))
        found.extend(self._name_from_i_am(clause, claimed))
        return found

    @staticmethod
    def _name_from_i_am(clause: str, claimed: list[tuple[int, int]]) -> list[FieldEvent]:
        for match in re.finditer(rf"{I_AM}\s+(?P<v>[^.!?;\n]+)", clause, re.I):
            if any(a <= match.start() < b for a, b in claimed):
                continue
            names = _name_after_i_am(match.group("v"), clause)
            if names:
                return [FieldEvent(field="name", value=names[0], event="ADD")]
        return []

    @staticmethod
    def _removals(clause: str, profile: dict[str, Any]) -> list[FieldEvent]:
        events: list[FieldEvent] = []
        for field, regex in REMOVAL_PATTERNS:
            for match in regex.finditer(clause):
                items = split_items(match.group("v"))
                if field in {"likes", "dislikes", "interests"}:
                    items = [_activity(i) for i in items]
                if items:
                    events.append(FieldEvent(field=field, value=items, event="REMOVE"))
        scalar = REMOVE_SCALAR.search(clause)
        if scalar:
            name = scalar.group("f").lower()
            events.append(FieldEvent(field=SCALAR_ALIASES.get(name, name), value=None, event="REMOVE"))
        if not events and re.search(r"\bdrop it\b|\bforget (?:it|that)\b", clause, re.I):
            # "I no longer use Java, drop it": the item is named before the verb.
            named = re.search(r"\b(?:use|like|love|do|play|speak)\s+(?P<v>[\w#+.\- ]{1,30}?)\s*(?:,|$)", clause, re.I)
            if named:
                for field in ("skills", "likes", "interests", "languages"):
                    if any(named.group("v").lower() == str(v).lower() for v in _listify(profile.get(field))):
                        events.append(FieldEvent(field=field, value=[named.group("v")], event="REMOVE"))
        return events


def _listify(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _event(field: str, values: list[str], event: EventKind) -> FieldEvent:
    if field in LIST_VALUED:
        return FieldEvent(field=field, value=values, event=event)
    value: str | int = values[0]
    if field == "age":
        value = int(values[0])
    return FieldEvent(field=field, value=value, event=event)


def _merge_same_field(events: list[FieldEvent]) -> list[FieldEvent]:
    """One event per (field, kind); later scalar values win, list values accumulate."""
    merged: dict[tuple[str, str], FieldEvent] = {}
    for event in events:
        key = (event.field, "REMOVE" if event.event == "REMOVE" else "SET")
        existing = merged.get(key)
        if existing is None:
            merged[key] = event
        elif isinstance(existing.value, list) and isinstance(event.value, list):
            seen = {str(v).lower() for v in existing.value}
            existing.value.extend(v for v in event.value if str(v).lower() not in seen)
        else:
            merged[key] = event
    return list(merged.values())
