"""The built-in, offline extractor: a table of first-person patterns per field.

How a message is read:
1. It is cut into sentences, and each sentence into clauses where a new subject
   starts (", i …", " and my …", " but …"). A clause that asks, requests
   ("can you…", "write…"), supposes ("if I were…") or reports the past
   ("I used to…") yields nothing. A leading "when I …" part is dropped and the
   main clause after it is kept; inside a question, the user's own statements
   ("i'm todd, what's your name?") still count.
2. Every pattern is anchored on the speaker ("I", "I'm", "my"), so "my sister
   loves tennis" never becomes the user's like, and a negation ("I don't speak",
   "I'm not a") does not match the positive pattern. Looser patterns
   ("working at…") check that the nearest subject before them is "I".
3. A matched value is cut at the first trailing clause ("because…", "and I…"),
   stripped of determiners, and split into items ("A, B and C").
4. Change words turn an ADD into UPDATE ("I moved to", "from now on", "I'm now")
   or REMOVE ("anymore", "no longer", "drop it").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from domain import EventKind, FieldEvent
from guards import SENSITIVE_CATEGORIES, TASK_VERBS, prose_outside_code, sensitive_category

# -- vocabulary -------------------------------------------------------------------

I_AM = r"\bi(?:'m|\s+am|m|\s+m)\b"
ADVERBS = (
    r"(?:(?:really|also|absolutely|just|do|truly|totally|genuinely|still|actually|simply|especially|kind of|"
    r"kinda|sort of|honestly|definitely|very much|mostly|usually|often|always|now|currently|so|too|all|only|"
    r"finally|even|sometimes|generally|mainly|particularly|pretty much|certainly|literally|both)\s+)*"
)
VALUE = r"(?P<v>[^.!?;\n]+)"

LANGUAGES = frozenset(
    """english spanish french german italian portuguese dutch russian ukrainian polish czech slovak
    hungarian romanian bulgarian greek turkish arabic hebrew persian farsi hindi urdu bengali punjabi
    tamil telugu marathi gujarati kannada malayalam chinese mandarin cantonese japanese korean
    vietnamese thai indonesian malay tagalog filipino swahili amharic yoruba zulu afrikaans swedish
    norwegian danish finnish icelandic estonian latvian lithuanian serbian croatian bosnian slovenian
    albanian macedonian catalan basque galician irish welsh gaelic latin esperanto asl espanol
    nepali sinhala khmer lao burmese mongolian kazakh uzbek georgian armenian azerbaijani""".split()
)
RELATIVES = (
    r"wife|husband|spouse|partner|sons?|daughters?|kids?|child|children|baby|babies|twins?|"
    r"mother|mom|mum|father|dad|parents|brothers?|sisters?|siblings?|"
    r"grandma|grandmother|grandpa|grandfather|grandparents|grandkids|grandchildren|grandsons?|granddaughters?|"
    r"aunts?|uncles?|cousins?|nephews?|nieces?|fianc[eé]e?|boyfriend|girlfriend|stepsons?|stepdaughters?|"
    r"stepmom|stepdad"
)
RELATIVE_ADJECTIVES = r"(?:older|younger|little|big|baby|step|twin|grown|amazing|lovely|wonderful|beautiful|two|three|"
RELATIVE_ADJECTIVES += r"four|five|six|seven|eight|nine|ten|\d{1,2}|several|many)"
PETS = (
    r"dogs?|puppy|puppies|cats?|kittens?|kitty|fish|goldfish|hamsters?|parrots?|birds?|budgies?|"
    r"rabbits?|bunny|bunnies|turtles?|tortoises?|snakes?|lizards?|geckos?|iguanas?|horses?|ponies|pony|"
    r"guinea pigs?|ferrets?|chickens?|goats?|pigs?|cows?|mice|rats?|hedgehogs?|chinchillas?|"
    r"retrievers?|labradors?|labs?|poodles?|terriers?|beagles?|bulldogs?|shepherds?|huskies|husky|corgis?|"
    r"dachshunds?|chihuahuas?|pugs?|spaniels?|collies?|greyhounds?|rottweilers?|tabby|siamese|axolotls?|"
    r"tarantulas?|cockatiels?|canaries|canary|alpacas?|llamas?|donkeys?"
)
PET_WORD = re.compile(rf"\b(?:{PETS})\b", re.I)
NUMBER_WORDS = r"a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|many|some|\d{1,2}"
HOBBY_VERBS = (
    "ride|paint|draw|knit|sew|bake|cook|hike|fish|hunt|surf|swim|dance|sing|garden|volunteer|sketch|"
    "crochet|quilt|camp|ski|skate|climb|jog|bowl|sail|kayak|golf|meditate|write poetry|write stories|"
    "read books|read novels|run marathons|play music|collect"
)

# Words that follow "I'm" but are states, not names.
NOT_NAMES = frozenset(
    """a an the not so very too also just still really here there back home good fine well ok okay great
    sure sorry glad happy sad tired exhausted sleepy hungry thirsty bored busy free ready done new old
    young single married divorced retired engaged pregnant sick ill hurt alright alive dead lucky
    excited nervous scared afraid worried angry upset mad stressed anxious curious interested
    confused lost late early fast slow tall short big small fat thin strong weak rich poor broke
    alone lonely shy quiet loud funny serious smart dumb lazy blind deaf vegan vegetarian allergic
    from in at on into with about like going trying doing working looking thinking getting feeling
    currently now always never sometimes usually probably maybe kinda sort kind same fan one
    all both only actually literally definitely totally pretty quite rather somewhat almost
    american british english french german spanish italian canadian mexican chinese japanese
    korean indian russian irish scottish african asian european australian brazilian
    christian muslim jewish catholic buddhist hindu atheist gay straight bi lesbian trans
    human male female man woman guy girl boy person adult kid teen teenager certain positive
    unsure aware able unable right wrong correct grateful thankful blessed proud ashamed embarrassed
    impressed amazed surprised jealous hopeful more less much many most better worse best worst
    cool nice awesome fun bad hot cold warm ok sorry starving dying exhausted stuck home outside
    inside away off out over up down open closed available unavailable online offline fluent native
    learning studying living staying leaving coming reading writing listening watching playing
    hoping planning moving trying retiring retired self myself yours his hers theirs ours
    what who how why where when which that this those these it its blonde brunette redhead gone perfect
    beautiful pretty ugly cute handsome healthy fit active sporty creative artistic musical outgoing
    friendly kind nice mean rude honest lucky unlucky clumsy picky messy neat clean dirty organized
    religious spiritual political liberal conservative independent introverted extroverted nerdy geeky
    awake asleep sober drunk high low full empty safe sure calm wild crazy weird normal strange odd
    average simple humble rich wealthy famous popular bald grey gray short tall skinny chubby
    vegan pescatarian lactose gluten diabetic autistic adopted homeless jobless unemployed employed
    retired pregnant expecting pumped stoked psyched thrilled delighted pleased content relieved
    sleepy ill unwell better fine great good ok okay alright well bad terrible horrible awful""".split()
)
ADJECTIVE_SUFFIXES = ("ed", "ing", "ful", "less", "ous", "ive", "able", "ible", "ish", "ly", "est", "ic", "al")
NOT_ROLES = frozenset(
    """person people guy girl boy man woman lady gal dude kid child baby human being fan lover type
    kind sort bit lot little huge big fun nice good great bad mess morning night owl early bird
    member part one male female adult teen teenager native fluent beginner believer fool loner
    couch potato homebody introvert extrovert""".split()
)
NOT_PLACES = frozenset(
    """a an the love trouble pain bed school college high grad charge shape need process favor
    favour touch tune town line debt danger shock awe agreement doubt luck mourning therapy
    rehab treatment recovery control heaven hell hurry fact general total good bad my your tears
    time place position mood way process middle
    his her their our this that these those it class court church the middle middle""".split()
)
AFFIRMATIONS = r"(?:hi|hello|hey|yes|yeah|yep|yup|no|nope|nah|oh|ah|well|ok|okay|cool|nice|wow|lol|haha|good|"
AFFIRMATIONS += r"great|sure|thanks|thank you|so|and|also|actually|honestly|anyway|hmm|um|true|right|same|awesome|"
AFFIRMATIONS += r"interesting|indeed|fine|doing great|doing good|i see|i bet|congrats|sorry|heh|ha)"
LEADING_FILLER = re.compile(rf"^(?:{AFFIRMATIONS}\b[\s,!.…]*)+", re.I)

# A value ends where one of these starts: "Python because it's fun" -> "Python".
TRAILING_CLAUSE_STARTS = """
because|since|cause|cuz|when|while|whenever|although|though|but|so|which|who|whom|that|where|too|if|unless|until|
after|before|then|lol|haha|i|you|it's|its|everyday|anymore|now|especially|even|myself|btw|honestly|here|there|
sometimes|nowadays|as well|or so|and i|and my|and it|and you|and we|and they|and that|it is|what about|how about|
do you|are you|for a living|for fun|every day|all day|all the time|a lot|very much|right now|these days|
at the moment|from now on|any more|in my free time|in my spare time|on weekends|on the weekend|on the weekends|
at night|by the way|as a hobby|with my|with a|with some|to be honest|for a long time|for years|for ages
"""
CUTS_BY_FIRST_WORD: dict[str, tuple[tuple[str, ...], ...]] = {}
for _phrase in TRAILING_CLAUSE_STARTS.replace("\n", "").split("|"):
    _words = tuple(_phrase.split())
    CUTS_BY_FIRST_WORD[_words[0]] = (*CUTS_BY_FIRST_WORD.get(_words[0], ()), _words)
_EDGE_PUNCTUATION = ",.!?;:\"'()"


def cut_trailing_clause(text: str) -> str:
    """Everything before the first word that starts a new clause (a word-by-word scan, no regex)."""
    words = text.split()
    keys = [w.lower().strip(_EDGE_PUNCTUATION) for w in words]
    for i, key in enumerate(keys):
        for phrase in CUTS_BY_FIRST_WORD.get(key, ()):
            if tuple(keys[i : i + len(phrase)]) == phrase:
                return " ".join(words[:i])
        if key == "for" and i + 2 < len(keys) and keys[i + 1].isdigit() and keys[i + 2].startswith("year"):
            return " ".join(words[:i])
    return text


DETERMINERS = re.compile(
    r"^(?:(?:a|an|the|my|some|all|any|lots of|a lot of|plenty of|many|much|really|very)\s+)+", re.I
)
TRAILING_PUNCTUATION = re.compile(r"[\s,:;\-–—]+$")
PRONOUNS = frozenset(
    "it that this these those them you him her me us everything anything nothing something stuff things one".split()
)
CLAUSE_VERB = re.compile(r"\b(?:is|are|was|were|am|has|have|had|does|did|will|would|it|they|he|she|we)\b", re.I)
# A value that starts with one of these is a pronoun or a negation, not a fact.
LEADING_NON_VALUES = frozenset("not no never any it that this them you him her me us they he she".split())
SPLIT_ITEMS = re.compile(r"\s*(?:,\s*(?:and|or)\s+|,\s*|\s+and\s+|\s+or\s+|\s*&\s*|\s*/\s*|\s+as well as\s+)", re.I)

QUESTION_START = re.compile(
    r"^(?:do|does|did|are|is|was|were|can|could|would|will|should|shall|have|has|what|who|whom|where|when|"
    r"why|how|which|may|whats|what's|hows|how's|wanna|want to|you)\b",
    re.I,
)
REQUEST_START = re.compile(
    rf"^(?:please|pls|kindly|{TASK_VERBS}|let's|lets|imagine|pretend|act as|assume|book|order|schedule)\b", re.I
)
REQUEST_ANYWHERE = re.compile(
    r"\b(?:can|could|would|will)\s+you\b|\bhelp\s+me\b|\bi\s+need\s+(?:you|help|to know|a |an )|"
    r"\bi\s+(?:want|would like|'d like)\s+you\s+to\b|\bi'm\s+looking\s+for\s+(?:a|an|some)\b",
    re.I,
)
HYPOTHETICAL_START = re.compile(r"^(?:if|unless|suppose|supposing|what if|maybe|perhaps|i wish|wish)\b", re.I)
TEMPORAL_START = re.compile(
    r"^(?:when|whenever|while|once|after|before|as soon as|every time)\s+(?:i|i'm|im)\b.*?\s(?=i\s|i'm\s|im\s)", re.I
)
REMEMBER_LEAD = re.compile(
    r"^(?:please\s+)?(?:remember|note|keep in mind|don't forget)\s+(?:that\s+)?(?=i\b|i'm\b|my\b)", re.I
)
LANGUAGE_PREFERENCE = re.compile(
    r"^(?:please\s+)?(?:always\s+)?(?:answer|reply|respond|talk|speak|write)\s+(?:to\s+)?me\s+in\s+\w+", re.I
)
CONCESSIVE_START = re.compile(r"^(?:even though|although|though|because|since|as)\s+(?=i\b|i'm\b|my\b)", re.I)
SUBORDINATE_TAIL = re.compile(r"\s+(?:if|when|whenever|unless|while)\s+.*$", re.I)
PAST_OR_OTHERS = re.compile(
    r"\b(?:used to|use to|as a kid|as a child|when i was|back then|years ago|in the past|"
    r"(?:he|she|they|my \w+)\s+(?:said|says|thinks|told))\b",
    re.I,
)
NEAR_FUTURE = re.compile(
    r"\b(?:today|tonight|tomorrow|this (?:morning|afternoon|evening|week|weekend|month)|"
    r"next (?:week|weekend|month|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"later today|right now|at the moment|for now|soon|in a few (?:minutes|hours|days))\b",
    re.I,
)
REMOVAL = re.compile(r"\b(?:anymore|any more|no longer|not any longer|stopped|quit|gave up|drop it)\b", re.I)
CHANGE = re.compile(r"\b(?:now|from now on|these days|moved|relocated|changed|switched|became|new job)\b", re.I)
FIRST_PERSON = re.compile(r"\b(?:i|i'm|im|i've|i'd|i'll|me|my|mine|myself)\b|❤|♥", re.IGNORECASE)
SUBJECTS = re.compile(r"\b(?:i|i'm|im|he|she|they|we|you|it)\b|^(?:my|his|her|their|our|your)\s+\w+", re.I)


# -- value cleaning ---------------------------------------------------------------


def clean_value(raw: str, *, max_words: int = 6) -> str | None:
    """Cut trailing clauses and determiners off a matched span; None when nothing usable is left."""
    text = raw.strip().strip("\"'“”‘’`*_")
    text = cut_trailing_clause(text)
    text = TRAILING_PUNCTUATION.sub("", text)
    text = DETERMINERS.sub("", text)
    text = text.strip(" .,!?\"'()")
    if not text or text.lower() in PRONOUNS or len(text) > 80:
        return None
    words = text.split()
    if len(words) > max_words or words[0].lower() in LEADING_NON_VALUES:
        return None
    return text


def split_items(raw: str, *, max_words: int = 5) -> list[str]:
    """'Python, JavaScript and Go because…' -> ['Python', 'JavaScript', 'Go'].

    Commas separate items only when every part is short; otherwise the first part
    is the value and the rest is another thought ("I can run fast, traffic is no problem").
    """
    head = cut_trailing_clause(raw.strip())
    if "," in head:
        parts = [p for p in head.split(",") if p.strip()]
        if any(CLAUSE_VERB.search(p) for p in parts[1:]):
            head = parts[0] if parts else head
    items: list[str] = []
    for part in SPLIT_ITEMS.split(head):
        value = clean_value(part, max_words=max_words)
        if value and value.lower() not in {i.lower() for i in items}:
            items.append(value)
    return items


def gerund(verb_phrase: str) -> str:
    """'swim in lakes' -> 'swimming in lakes'."""
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
    """'to eat meat' -> 'eating meat'; 'go hiking' -> 'hiking'."""
    value = re.sub(r"^to\s+", "", value, flags=re.I) if value.lower().startswith("to ") else value
    value = re.sub(r"^go\s+(?=\w+ing\b)", "", value, flags=re.I)
    if re.match(
        r"^(?:play|read|watch|eat|cook|listen to|walk|ride|spend time|go|make|bake|write|draw|paint|sing|"
        r"dance|swim|run|hike|travel|shop|fish|knit|sew|build|learn|collect|visit)\b",
        value,
        re.I,
    ):
        return gerund(value)
    return value


# -- value builders, one per kind of field ------------------------------------------


def _name(raw: str) -> list[str]:
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
    if not words or words[0].lower() in NOT_NAMES:
        return []
    return [" ".join(w if any(c.isupper() for c in w) else w.capitalize() for w in words)]


def name_after_i_am(raw: str) -> list[str]:
    """'I'm Alice' is a name; 'I'm exhausted' is not. A lone word must look like a name and end the clause."""
    match = re.match(r"\s*([A-Za-z][A-Za-z'\-]{1,19})(.*)$", raw)
    if not match:
        return []
    word, rest = match.group(1), match.group(2).strip()
    lowered = word.lower()
    if lowered in NOT_NAMES or lowered in LANGUAGES:
        return []
    if not word[0].isupper() and lowered.endswith(ADJECTIVE_SUFFIXES):
        return []
    allowed_after = r"^(?:[,.!…]|and\b|here\b|by the way\b|btw\b|nice to\b|$)"
    if word[0].isupper():
        allowed_after = allowed_after[:-2] + r"|from\b|$)"  # "I'm Bob from Texas", but not "i am gone from home"
    if rest and not re.match(allowed_after, rest, re.I):
        return []
    return [word if word[0].isupper() else word.capitalize()]


def _role(raw: str) -> list[str]:
    value = re.split(r"\s+(?:at|for|in|with|from|by|on|who|that|but|working|looking|so)\s+", raw.strip(), maxsplit=1)[0]
    value = re.sub(
        r"^(?:upcoming|aspiring|future|professional)\s+",
        lambda m: m.group(0) if "prof" in m.group(0) else "",
        value,
        flags=re.I,
    )
    value = clean_value(value, max_words=4)
    if not value or re.search(r"\d", value):
        return []
    words = value.lower().split()
    if words[-1] in NOT_ROLES or words[0] in NOT_ROLES or words[0] in {"very", "really", "pretty", "bit", "huge"}:
        return []
    if len(words) == 1 and words[0].endswith(("ed", "ing", "ful", "ous", "ive", "ic")):
        return []
    return [value]


def _place(raw: str) -> list[str]:
    value = re.split(
        r"\s+(?:with|for|since|because|and|but|where|now|near|working|looking|who|which|right|to|so|it|i|originally)\b|,",
        raw.strip(),
        maxsplit=1,
    )[0]
    value = clean_value(value, max_words=4)
    if not value or value.lower().split()[0] in NOT_PLACES:
        return []
    return [value]


def _employer(raw: str) -> list[str]:
    value = re.sub(r"\s+(?:industry|sector)$", "", raw.strip(), flags=re.I)
    value = re.split(r"\s+(?:as|since|for|doing|selling|making|where|but|while|and i)\b|,", value, maxsplit=1)[0]
    value = clean_value(value, max_words=5)
    if not value or value.lower() in {"home", "work", "night", "nights", "moment", "job", "it", "the moment"}:
        return []
    return [value]


def _languages(raw: str) -> list[str]:
    items = []
    for item in split_items(re.sub(r"^(?:\w+\s+)?languages?:?\s*", "", raw.strip(), flags=re.I), max_words=3):
        for word in item.split():
            lowered = word.lower().strip(",")
            if lowered in LANGUAGES:
                name = "ASL" if lowered == "asl" else "Spanish" if lowered == "espanol" else lowered.capitalize()
                if name not in items:
                    items.append(name)
    return items


_NOT_AGE_UNITS = (
    r"%|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|km|miles?|kg|lbs?|pounds?|feet|ft|inches|cm|dollars?|"
    r"euros?|times?|people|kids|children|am|pm|o'clock|th|st|nd|rd|percent|degrees?|points?"
)


def _age(raw: str) -> list[str]:
    match = re.match(rf"(\d{{1,3}})\b(?!\s*(?:{_NOT_AGE_UNITS})\b)", raw.strip())
    if not match:
        return []
    age = int(match.group(1))
    return [str(age)] if 3 <= age <= 110 else []


def _items(raw: str) -> list[str]:
    return split_items(raw)


def _activities(raw: str) -> list[str]:
    return [_activity(item) for item in split_items(raw)]


def _pets(raw: str) -> list[str]:
    text = re.sub(r"\s+(?:named|called)\s+(\w+)", r" named \1", raw.strip(), flags=re.I)
    items = []
    for item in split_items(text, max_words=8):
        # "two cats think they own the island" -> "two cats"; keep "cat named Spook"
        match = re.match(rf"^(.*?\b(?:{PETS})\b(?:\s+named\s+\w+)?)", item, re.I)
        if match and len(match.group(1).split()) <= 5:
            items.append(match.group(1))
    return items


def _named_pet(raw: str) -> list[str]:
    """'a tortoise named Shelly' is a pet; 'a brother named Tom' or 'a friend named Ana' is not."""
    animal = re.split(r"\s+(?:named|called)\s+", raw, maxsplit=1, flags=re.I)[0]
    if re.search(
        rf"\b(?:{RELATIVES}|friend|colleague|boss|neighbou?r|roommate|teacher|doctor|coworker)\b", animal, re.I
    ):
        return []
    value = clean_value(animal, max_words=3)
    return [value] if value else []


def _sensitive(raw: str) -> list[str]:
    value = clean_value(raw, max_words=5)
    return [value] if value and sensitive_category(value) else []


def _relatives(raw: str) -> list[str]:
    return [item for item in split_items(raw, max_words=4) if re.search(rf"\b(?:{RELATIVES})\b", item, re.I)]


def _status(raw: str) -> list[str]:
    return [raw.strip().lower()]


def _education(raw: str) -> list[str]:
    value = re.split(r"\s+(?:and i|but|because|since|so|where|when|working|looking|and)\b|,", raw.strip(), maxsplit=1)[
        0
    ]
    value = clean_value(value, max_words=7)
    return [value] if value else []


def _goal(raw: str) -> list[str]:
    value = re.split(r",|\s+(?:so|because|but|and i)\s+", raw.strip(), maxsplit=1)[0]
    become = re.match(r"^(?:to\s+)?(?:become|be|being|becoming)\s+(?:a|an|the)?\s*(?P<r>.+)$", value, re.I)
    if become:
        value = become.group("r")
    value = re.sub(r"^(?:to\s+)", "", value, flags=re.I)
    value = re.sub(r"^(?:one of )?(?:the )?(?:world'?s|worlds) best\s+", "", value, flags=re.I)
    cleaned = clean_value(value, max_words=7)
    return [cleaned] if cleaned else []


def _hobby(raw: str) -> list[str]:
    match = re.match(r"(?P<verb>\w+(?:\s+(?:poetry|stories|books|novels|marathons|music))?)(?P<obj>.*)$", raw.strip())
    if not match:
        return []
    obj = match.group("obj").strip()
    if re.match(r"^(?:your|this|that|it|the news|a lot|every|at|to|for|with|about|you|on)\b", obj, re.I):
        obj = ""
    cleaned = clean_value(obj, max_words=3) if obj else None
    verb = gerund(match.group("verb"))
    return [f"{verb} {cleaned}" if cleaned else verb]


@dataclass(frozen=True)
class Pattern:
    field: str
    regex: re.Pattern[str]
    value: Callable[[str], list[str]]
    event: EventKind = "ADD"
    words: frozenset[str] = frozenset()  # the clause must hold one of these words for the regex to run
    anchor: frozenset[str] = frozenset()  # ...and one of these (the speaker: "i", "i'm", "my")
    check_speaker: bool = False  # the nearest subject before the match must be "I"
    exclusive: bool = True  # claims its trigger, so later rows cannot read it another way


def _p(
    field: str,
    pattern: str,
    value: Callable[[str], list[str]],
    *,
    event: EventKind = "ADD",
    words: str = "",
    check_speaker: bool = False,
    exclusive: bool = True,
) -> Pattern:
    expanded = pattern.replace("{I_AM}", I_AM).replace("{ADV}", ADVERBS).replace("{V}", VALUE)
    expanded = expanded.replace("{REL}", RELATIVES).replace("{RELADJ}", RELATIVE_ADJECTIVES)
    expanded = expanded.replace("{PETS}", PETS).replace("{NUM}", NUMBER_WORDS).replace("{HOBBY}", HOBBY_VERBS)
    regex = re.compile(expanded, re.IGNORECASE)
    anchor = frozenset()
    if pattern.startswith("{I_AM}"):
        anchor = frozenset({"m", "am", "im"})
    elif pattern.startswith((r"\bi\s+", r"\bi(")):
        anchor = frozenset({"i"})
    elif pattern.startswith(r"\bmy\s+"):
        anchor = frozenset({"my"})
    return Pattern(field, regex, value, event, frozenset(words.split()), anchor, check_speaker, exclusive)


# One row per phrasing, grouped by field. Within a clause, the first pattern that
# matches at a position claims that trigger; later rows skip it.
# fmt: off
PATTERNS: tuple[Pattern, ...] = (
    # name
    _p("name", r"(?:\bmy\s+(?:given\s+|first\s+|full\s+|real\s+)?name|^name)(?:'s|\s+is)\s+{V}", _name, words="name"),
    _p("name", r"\b(?:call|address)\s+me\s+{V}", _name, event="UPDATE", words="call address"),
    _p("name", r"\bi\s+go\s+by\s+(?:the\s+name\s+)?{V}", _name, words="go"),
    _p("name", r"^(?:this is|it's|its)\s+(?P<v>[A-Z][a-z]+)\s*(?:here)?\s*$", _name, words="this it its"),
    _p("name", r"^(?P<v>[A-Za-z][a-z]+)\s+here\b", _name, words="here"),
    # languages (before role and skills, so "I'm fluent in French" lands here)
    _p("languages", r"\bi\s+{ADV}(?:can\s+)?{ADV}speak\s+(?:\w+\s+languages?\s*,?\s*)?{V}", _languages, words="speak"),
    _p("languages", r"\bmy\s+(?:native|first|mother)\s+(?:language|tongue)\s+is\s+{V}", _languages, words="language tongue"),
    _p("languages", r"{I_AM}\s+{ADV}(?:fluent|native|bilingual)\s+in\s+{V}", _languages, words="fluent native bilingual"),
    _p("languages", r"{I_AM}\s+(?:a\s+)?native\s+(?P<v>\w+)\s+speaker", _languages, words="native"),
    _p("languages", r"\b(?:answer|reply|respond|talk|speak|write)\s+(?:to\s+)?me\s+in\s+{V}", _languages, words="answer reply respond talk speak write"),
    # likes stated as a fan, a lover or a favourite
    _p("likes", r"{I_AM}\s+{ADV}(?:a\s+)?(?:big\s+|huge\s+|great\s+|massive\s+)?fan\s+of\s+{V}", _items, words="fan"),
    _p("likes", r"{I_AM}\s+(?:a|an)\s+(?P<v>[\w\s]{2,30}?)\s+(?:lover|enthusiast|addict|fanatic|nut|junkie|buff)\b", _items, words="lover enthusiast addict fanatic nut junkie buff"),
    _p("likes", r"\bmy\s+(?:absolute\s+)?favou?rite\s+(?:\w+\s+){0,3}(?:is|are)\s+{V}", _items, words="favorite favourite"),
    _p("likes", r"^(?P<v>[\w\s'-]{2,40}?)\s+(?:is|are)\s+{ADV}my\s+(?:absolute\s+)?favou?rites?\b", _items, words="favorite favourite"),
    _p("likes", r"(?:❤️|♥️|❤)\s*(?P<v>[\w\s'-]{2,40})", _items, words="❤ ♥"),
    _p("likes", r"(?P<v>[\w'-]{2,30})\s*(?:❤️|♥️|❤)", _items, words="❤ ♥"),
    _p("likes", r"\bi\s+{ADV}have\s+a\s+(?:\w+\s+)?(?:love|passion|soft spot|thing)\s+for\s+{V}", _items, words="love passion spot thing"),
    # dislikes
    _p("dislikes", r"\bi\s+{ADV}(?:hate|dislike|detest|loathe|despise|can't stand|cannot stand|can not stand)\s+{V}", _activities, words="hate dislike detest loathe despise stand"),
    _p("dislikes", r"\bi\s+{ADV}(?:don't|do not|dont)\s+{ADV}(?:like|enjoy|love|care for|care about|eat|drink)\s+{V}", _activities, words="like enjoy love care eat drink"),
    _p("dislikes", r"{I_AM}\s+not\s+(?:a\s+)?(?:big\s+|huge\s+)?(?:fan\s+of|fond\s+of|into)\s+{V}", _items, words="fan fond into"),
    _p("dislikes", r"{I_AM}\s+{ADV}(?:afraid|scared|terrified|sick and tired)\s+of\s+{V}", _activities, words="afraid scared terrified tired"),
    _p("dislikes", r"^(?P<v>[\w\s'-]{2,40}?)\s+(?:is|are)\s+(?:my\s+least\s+favou?rite|something\s+i\s+{ADV}hate|not\s+my\s+cup\s+of\s+tea)\b", _items, words="least hate cup"),
    # likes
    _p("likes", r"\bi\s+{ADV}(?:love|like|enjoy|adore|prefer|dig)\s+{V}", _activities, words="love like enjoy adore prefer dig"),
    # interests
    _p("interests", r"{I_AM}\s+{ADV}(?:very\s+|really\s+|deeply\s+)?(?:interested|passionate)\s+(?:in|about)\s+{V}", _activities, words="interested passionate"),
    _p("interests", r"{I_AM}\s+{ADV}(?:really\s+|big\s+|very\s+|more\s+|heavily\s+)?into\s+{V}", _activities, words="into"),
    _p("interests", r"\bmy\s+(?:main\s+|favou?rite\s+|new\s+)?(?:hobby|hobbies|passion|pastime)\s+(?:is|are|include)\s+{V}", _activities, words="hobby hobbie passion pastime"),
    _p("interests", r"\bin\s+my\s+(?:free|spare|down)\s*time,?\s+i\s+{ADV}(?:like\s+to\s+|love\s+to\s+|enjoy\s+)?{V}", _activities, words="free spare down freetime downtime sparetime"),
    _p("interests", r"\bi\s+{ADV}go\s+(?P<v>(?:surf|fish|hik|camp|swim|ski|snowboard|run|jogg|bowl|sail|hunt|climb|danc|shopp|bik|cycl|kayak|skat|golf)\w*)", _items, words="go"),
    _p("interests", r"\bi\s+{ADV}(?:play|practice|practise)\s+(?:the\s+)?{V}", _items, words="play practice practise"),
    _p("interests", r"\bi\s+{ADV}(?P<v>(?:{HOBBY})\b[^.!?;\n]*)", _hobby, words="ride paint draw knit sew bake cook hike fish hunt surf swim dance sing garden volunteer sketch crochet quilt camp ski skate climb jog bowl sail kayak golf meditate write read run play collect"),
    # skills
    _p("skills", r"{I_AM}\s+{ADV}(?:pretty\s+|very\s+|really\s+|quite\s+)?(?:good|great|skilled|skillful|proficient|experienced|an expert|expert|talented|excellent)\s+(?:at|in|with)\s+{V}", _activities, words="good great skilled skillful proficient experienced expert talented excellent"),
    _p("skills", r"^(?P<v>[\w\s'-]{2,40}?)\s+is\s+(?:what|something)\s+i\s+{ADV}(?:am|'m)\s+(?:\w+\s+)?good\s+at\b", _activities, words="good"),
    _p("skills", r"\bi\s+{ADV}know\s+how\s+to\s+{V}", _items, words="know"),
    _p("skills", r"\bi\s+{ADV}know\s+(?P<v>(?!that\b|what\b|how\b|why\b|who\b|where\b|when\b|you\b|it\b|right\b|about\b|the\b|a\b|an\b|him\b|her\b|them\b|this\b|i\b|if\b|so\b|some\w*\b|nothing\b|everything\b|many\b|lots\b|people\b|things\b|exactly\b|more\b|less\b|much\b)[^.!?;\n]+)", _items, words="know"),
    _p("skills", r"\bi\s+{ADV}can\s+{ADV}(?P<v>(?!see\b|tell\b|help\b|do\b|get\b|go\b|imagine\b|understand\b|try\b|come\b|be\b|hear\b|say\b|make\b|relate\b|only\b|not\b|never\b|feel\b|think\b|guess\b|give\b|send\b|show\b|find\b|use\b|take\b|ask\b|wait\b|believe\b|barely\b|hardly\b|speak\b|have\b|also\b|still\b|you\b|in\b|afford\b|let\b|put\b|keep\b|call\b|meet\b|talk\b|check\b|look\b|read\b|eat\b|sleep\b|stay\b|leave\b)[^.!?;\n]+)", _activities, words="can"),
    _p("skills", r"\bi\s+{ADV}(?:program|code|develop|write code)\s+in\s+{V}", _items, words="program code develop"),
    _p("skills", r"\bi\s+{ADV}have\s+(?:\d+\s+years\s+of\s+)?(?:experience|expertise)\s+(?:in|with)\s+{V}", _items, words="experience expertise"),
    _p("skills", r"\bmy\s+(?P<v>[\w\s-]{2,30}?)\s+skills?\b", _items, words="skill"),
    _p("skills", r"\bi\s+{ADV}(?:learned|learnt)\s+(?:how\s+)?to\s+{V}", _items, words="learned learnt"),
    # goals
    _p("goals", r"\bmy\s+(?:main\s+|big\s+|life\s+|ultimate\s+|long[- ]term\s+)?(?:goal|dream|ambition|aim|aspiration)\s+is\s+(?:to\s+)?{V}", _goal, words="goal dream ambition aim aspiration"),
    _p("goals", r"\bit\s+is\s+my\s+dream\s+to\s+{V}", _goal, words="dream"),
    _p("goals", r"\bi\s+{ADV}(?:want|would like|'d like|would love|'d love|hope|aspire|plan|intend|aim|wish|dream|am hoping|'m hoping|am planning|'m planning|am going|'m going|am training|'m training)\s+(?:to\s+)?(?P<v>(?:be|become)\s+(?!able\b|sure\b|clear\b|done\b|careful\b|honest\b|there\b|here\b|back\b|ready\b|on\b|in\b|at\b|with\b|home\b|alone\b|left\b|more\b|less\b)[^.!?;\n]+)", _goal, words="want like love hope aspire plan intend aim wish dream hoping planning going training"),
    _p("goals", r"\bi\s+{ADV}(?:dream|dreaming)\s+(?:of|about)\s+(?:becoming\s+|being\s+)?{V}", _goal, words="dream dreaming"),
    _p("goals", r"\bi\s+{ADV}(?:want|would like|'d like|would love|'d love|hope|aspire|plan|intend|aim|wish|am going|'m going|am hoping|'m hoping|am planning|'m planning)\s+to\s+(?P<v>(?:learn|travel|visit|see the world|move out|move abroad|retire|open|own|run a marathon|climb|master|study|start (?:a|my own)|buy a|build a|write a|publish|get married|have kids|go back to|finish|graduate|take over)\b[^.!?;\n]*)", _goal, words="want like love hope aspire plan intend aim wish going hoping planning"),
    _p("goals", r"{I_AM}\s+{ADV}(?:going|training|studying|working)\s+(?:to\s+school\s+)?(?:to\s+(?:become|be)|for)\s+(?:a|an)?\s*{V}", _goal, words="going training studying working"),
    _p("goals", r"{I_AM}\s+(?:a|an)\s+(?:aspiring|wannabe|would-be|future)\s+{V}", _goal, words="aspiring wannabe would future"),
    # education (before role: "I'm a college student" is education)
    _p("education", r"{I_AM}\s+{ADV}(?:a|an)\s+(?P<v>[\w\s-]{0,30}?(?:student|graduate|grad|undergrad|undergraduate|freshman|freshmen|sophomore|phd candidate)\b(?:\s+at\s+[\w\s]+)?)", _education, words="student graduate grad undergrad undergraduate freshman freshmen sophomore candidate"),
    _p("education", r"\bi\s+{ADV}(?:studied|study|majored in|major in|am majoring in|'m majoring in|am studying|'m studying)\s+{V}", _education, words="studied study majored major majoring studying"),
    _p("education", r"\bi\s+{ADV}(?:have|got|earned|hold|completed)\s+(?:a|an|my)\s+(?P<v>(?:[\w-]+\s+){0,3}?(?:bachelor'?s?|master'?s?|phd|ph\.d\.|doctorate|degree|mba|diploma|associate'?s?)[^.!?;\n]*)", _education, words="bachelor master phd ph doctorate degree mba diploma associate"),
    _p("education", r"\bi\s+{ADV}(?:graduated|graduate)\s+from\s+{V}", _education, words="graduated graduate"),
    _p("education", r"\bi\s+{ADV}(?:went|go|attend|attended|am going|'m going|am heading|'m heading|heading)\s+(?:to\s+)?(?P<v>(?:the\s+)?(?:university|college|school|academy|institute)\s+of\s+[\w\s]+|[\w\s'-]{0,40}?(?:school|college|university|academy|institute|uni)\b)", _education, words="school college university academy institute uni"),
    _p("education", r"\b(?:heading|going)\s+to\s+(?P<v>(?:the\s+)?(?:university|college)\s+of\s+[\w\s]+)", _education, check_speaker=True, words="university college"),
    _p("education", r"{I_AM}\s+{ADV}in\s+(?P<v>(?:high|middle|elementary|grad|graduate|law|medical|nursing|culinary|art|primary|secondary)\s*school|college|university|uni)\b", _education, words="school highschool college university uni"),
    _p("education", r"^(?P<v>[\w\s'-]{2,40}?)\s+is\s+what\s+i\s+(?:studied|majored in)\b", _education, words="studied majored"),
    # special categories (health, religion, orientation, politics): the privacy gate keeps them only on "remember that…"
    _p("#sensitive", r"{I_AM}\s+{ADV}(?:a\s+|an\s+)?(?P<v>[\w\s'-]{2,40})", _sensitive, words="#sensitive"),
    _p("#sensitive", r"\bi\s+{ADV}(?:have|suffer from|live with|was diagnosed with)\s+(?P<v>[\w\s'-]{2,40})", _sensitive, words="#sensitive"),
    # role
    _p("role", r"{I_AM}\s+{ADV}(?:now\s+)?(?:a|an)\s+(?P<v>(?!fan\b)[^.!?;\n]+)", _role, words="a an"),
    _p("role", r"\bi\s+{ADV}work\s+as\s+(?:a|an)?\s*{V}", _role, words="work"),
    _p("role", r"\bworking\s+as\s+(?:a|an)\s+{V}", _role, check_speaker=True, words="working"),
    _p("role", r"\bjob\s+as\s+(?:a|an)\s+{V}", _role, check_speaker=True, words="job"),
    _p("role", r"\bmy\s+(?:job|profession|occupation|role|position|title|trade)\s+is\s+(?:a|an)?\s*{V}", _role, words="job profession occupation role position title trade"),
    _p("role", r"\bi\s+{ADV}(?:became|have become|'ve become)\s+(?:a|an)\s+{V}", _role, event="UPDATE", words="became become"),
    _p("role", r"{I_AM}\s+(?:employed|working)\s+as\s+(?:a|an)?\s*{V}", _role, words="employed working"),
    _p("role", r"\bi\s+{ADV}(?:work|am working|'m working)\s+in\s+(?P<v>(?!a\b|an\b|the\b|my\b)[\w\s-]{2,30}?)(?:\s+(?:industry|sector|business|field))?\s*$", _role, words="work working"),
    _p("role", r"\bi\s+{ADV}sell\s+(?P<v>[\w\s-]{2,25}?)\s+for\s+a\s+living", _items, words="sell"),
    # employer
    _p("employer", r"\bi\s+{ADV}(?:work|am working|'m working)\s+(?:full[- ]?time\s+|part[- ]?time\s+)?(?:at|for)\s+{V}", _employer, words="work working"),
    _p("employer", r"\bi\s+{ADV}(?:work|am working|'m working)\s+(?:full[- ]?time\s+|part[- ]?time\s+)?in\s+(?P<v>(?:a|an|the)\s+[^.!?;\n]+)", _employer, words="work working"),
    _p("employer", r"{I_AM}\s+(?:employed|hired)\s+(?:at|by|in)\s+{V}", _employer, words="employed hired"),
    _p("employer", r"\bi\s+{ADV}(?:have|got)\s+a\s+(?:new\s+|part[- ]time\s+|full[- ]time\s+|second\s+)?job\s+(?:working\s+)?(?:at|for|with|in)\s+{V}", _employer, words="job"),
    _p("employer", r"\b(?:working|internship|job|work)\s+(?:at|for)\s+{V}", _employer, check_speaker=True, words="working internship job work"),
    _p("employer", r"{I_AM}\s+{ADV}in\s+the\s+(?P<v>(?:[\w-]+\s+)?(?:army|navy|air force|marines|military|coast guard|national guard))\b", _employer, words="army navy force marine military guard"),
    _p("employer", r"^(?:the\s+)?(?P<v>[\w\s'&-]{2,40}?)\s+is\s+where\s+i\s+work\b", _employer, words="work"),
    _p("employer", r"\bmy\s+employer\s+is\s+{V}", _employer, words="employer"),
    _p("employer", r"(?:{I_AM}\s+{ADV}|\bwork(?:ing)?\s+as\s+)(?:a|an)\s+(?![\w\s-]*?(?:student|graduate|grad|freshman|sophomore)\b)[\w\s-]{2,30}?\s+at\s+(?P<v>(?:a|an|the)\s+[\w\s&'.-]+|[A-Z][\w&'.-]*(?:\s+[A-Z][\w&'.-]*){0,3})", _employer, exclusive=False, words="at"),
    # location
    _p("location", r"\bi\s+{ADV}(?:live|reside|stay)\s+(?:here\s+)?in\s+{V}", _place, words="live reside stay"),
    _p("location", r"{I_AM}\s+{ADV}(?:based|located|living|stationed|settled)\s+in\s+{V}", _place, words="based located living stationed settled"),
    _p("location", r"\bi\s+{ADV}(?:moved|relocated|have moved|'ve moved)\s+to\s+{V}", _place, event="UPDATE", words="moved relocated"),
    # where the user comes from: their location unless they already gave one (see _origin)
    _p("hometown", r"{I_AM}\s+{ADV}(?:originally\s+)?from\s+{V}", _place, words="from"),
    _p("hometown", r"\bi\s+{ADV}come\s+from\s+{V}", _place, words="from"),
    _p("hometown", r"\bmy\s+(?:home\s*town|home)\s+is\s+{V}", _place, words="home hometown"),
    _p("location", r"^(?P<v>[\w\s'-]{2,30}?)\s+is\s+(?:the\s+\w+\s+|where\s+)i\s+live\b", _place, words="live"),
    _p("location", r"{I_AM}\s+{ADV}in\s+(?P<v>(?!a\b|an\b|the\b)[a-z][\w\s'-]{2,30})", _place, words="in"),
    _p("location", r"(?:^|\b)(?:living|here|based)\s+in\s+{V}", _place, check_speaker=True, words="living here based"),
    _p("hometown", r"\bi\s+(?:grew up|was born(?: and raised)?|was raised)\s+in\s+{V}", _place, words="grew born raised"),
    # age
    _p("age", r"{I_AM}\s+{ADV}(?:turning\s+|almost\s+|nearly\s+|about\s+)?(?P<v>\d{1,3}\b[^.!?;\n]*)", _age, words="#num"),
    _p("age", r"\bi\s+(?:just\s+)?turned\s+(?P<v>\d{1,3}\b[^.!?;\n]*)", _age, event="UPDATE", words="turned"),
    _p("age", r"\bmy\s+age\s+is\s+(?P<v>\d{1,3}\b.*)", _age, words="age"),
    _p("age", r"\b(?:age|aged)\s+(?P<v>\d{1,3}\b.*)", _age, check_speaker=True, words="age aged"),
    _p("age", r"\bi(?:\s+will|'ll)\s+be\s+(?P<v>\d{1,3}\b[^.!?;\n]*)", _age, words="#num"),
    _p("age", r"\b(?P<v>\d{1,3})[- ](?:years?|yrs?)[- ]old\b", _age, check_speaker=True, words="old"),
    # family
    _p("family", r"\bi\s+{ADV}have\s+(?P<v>(?:(?:{NUM}|{RELADJ})\s+)*(?:{REL})\b(?:\s*(?:,|and)\s+(?:(?:{NUM}|{RELADJ})\s+)*(?:{REL})\b)*)", _relatives, words="#relative"),
    _p("family", r"(?<!^)\b(?:my|our)\s+(?P<v>(?:{RELADJ}\s+)*(?:{REL}))\b", _relatives, words="#relative"),
    _p("family", r"^(?:my|our)\s+(?P<v>(?:{RELADJ}\s+)*(?:{REL}))\s+and\s+i\b", _relatives, words="#relative"),
    _p("family", r"{I_AM}\s+{ADV}(?:now\s+|happily\s+|recently\s+|newly\s+)?(?P<v>married|engaged|divorced|single|widowed)\b", _status, words="married engaged divorced single widowed"),
    _p("family", r"\bi\s+{ADV}(?:got\s+|am\s+getting\s+|'m\s+getting\s+)(?P<v>married|engaged|divorced)\b", _status, words="married engaged divorced"),
    _p("family", r"\bi\s+(?P<v>married)\s+(?:a|an|my)\b", _status, words="married"),
    _p("family", r"{I_AM}\s+(?:a\s+)?(?:mother|mom|father|dad|parent)\s+of\s+(?P<v>\w+)", lambda v: [f"{v} kids"], words="mother mom father dad parent"),
    # pets
    _p("pets", r"\bi\s+{ADV}(?:have|own|got)\s+(?P<v>(?:(?:{NUM})\s+)?(?:\w+\s+)?(?:{PETS})\b[^.!?;\n]*)", _pets, words="#pet"),
    _p("pets", r"\bi\s+{ADV}(?:have|own|got)\s+(?:a|an)\s+(?P<v>(?:\w+\s+){0,2}?\w+\s+(?:named|called)\s+\w+)", _named_pet, words="named called"),
    _p("pets", r"\bmy\s+(?P<v>(?:\w+\s+)?(?:{PETS})\b[^.!?;\n]*)", _pets, words="#pet"),
)
# fmt: on


def _word_forms(alternation: str) -> frozenset[str]:
    words = set(re.findall(r"[a-z]+", alternation))
    return frozenset(words | {w[:-1] for w in words if w.endswith("s")})


RELATIVE_WORDS = _word_forms(RELATIVES)
PET_WORDS = _word_forms(PETS)
TOKEN = re.compile(r"[a-z0-9]+|❤|♥")
DIGIT = re.compile(r"\d")
FORGET_HINT = re.compile(r"\b(?:forget|delete|remove|drop)\b", re.I)
# Which rows can fire on a clause is decided by the words it holds: one dict look-up a word,
# instead of running all ~100 regexes on every clause.
PATTERNS_BY_WORD: dict[str, tuple[int, ...]] = {}
for _index, _pattern in enumerate(PATTERNS):
    for _word in _pattern.words:
        PATTERNS_BY_WORD[_word] = (*PATTERNS_BY_WORD.get(_word, ()), _index)
ALWAYS_RUN = tuple(i for i, p in enumerate(PATTERNS) if not p.words)


def candidate_patterns(clause: str, *, assume_i: bool = False) -> list[Pattern]:
    """The rows worth running on this clause: one of their words, and their speaker anchor, is in it."""
    lowered = clause.lower()
    words = set(TOKEN.findall(lowered))
    words |= {w[:-1] for w in words if w.endswith("s")}
    if assume_i:
        words.add("i")
    if DIGIT.search(lowered):
        words.add("#num")
    if not words.isdisjoint(PET_WORDS):
        words.add("#pet")
    if not words.isdisjoint(RELATIVE_WORDS):
        words.add("#relative")
    if any(pattern.search(lowered) for pattern in SENSITIVE_CATEGORIES.values()):
        words.add("#sensitive")
    chosen = set(ALWAYS_RUN)
    for word in words:
        chosen.update(PATTERNS_BY_WORD.get(word, ()))
    return [PATTERNS[i] for i in sorted(chosen) if not PATTERNS[i].anchor or not words.isdisjoint(PATTERNS[i].anchor)]


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
FORGET_LIKE = re.compile(
    r"\b(?:forget|delete|remove|drop)\s+(?:that\s+)?i\s+(?P<verb>like|love|enjoy|hate|dislike)\s+" + VALUE, re.I
)
LIST_VALUED = {"likes", "dislikes", "skills", "goals", "interests", "languages", "family", "pets", "education"}
PRONOUN_VALUE = re.compile(r"^\s*(?:it|that|them|this)\b(?:[\s,]+(?:too|a lot|very much|so much|as well))?\s*$", re.I)


# -- reading a message into clauses -----------------------------------------------------


CONTRACTION = re.compile(r"\b(don|can|won|isn|aren|doesn|didn)\s*t\b|\b(dont|cant)\b|\bi\s+'?m\b", re.I)


def _contraction(match: re.Match[str]) -> str:
    if match.group(1):
        return match.group(1) + "'t"
    if match.group(2):
        return match.group(2)[:-1] + "'t"
    return "i'm"


def normalise_text(message: str) -> str:
    """Straight quotes, and the contractions people type without them ("dont", "i m")."""
    text = message.replace("’", "'").replace("‘", "'").replace("`", "'")
    text = CONTRACTION.sub(_contraction, text)
    return text if "\n" in text else " ".join(text.split())


CLAUSE_BREAK = re.compile(
    r"\s*(?:[;:]|\s-\s|,?\s+but\s+|,\s*(?=(?:and\s+|so\s+|because\s+)?(?:i|i'm|im|my|we|you|he|she|they|it|it's|its|"
    r"that|this|there|what|how|do|does|are|is|love|like|enjoy|hate)\b)|\s+(?:and|so|because|cause|since|plus)\s+"
    r"(?=i\b|i'm\b|im\b|my\b))",
    re.I,
)
QUESTION_BREAK = re.compile(r"\s+(?=(?:what|how|where|who|why|do you|are you|did you|have you|and you)\b)", re.I)
ELIDED_I = re.compile(r"^(?=(?:love|like|enjoy|adore|hate|dislike|work|live)\s+(?!i\b|you\b|it\b|that\b)\w)", re.I)


SENTENCE = re.compile(r"[^.!?\n…]+(?:[.!?…]+|\n|$)")
ADDRESSES_YOU = re.compile(r"\byou\b|\byour\b", re.I)
NAME_IS = re.compile(r"^name(?:'s|\s+is)\b", re.I)
ASPIRATION_LEAD = re.compile(r"^(?:when i grow up|one day|someday|some day|eventually)\s*,?\s*", re.I)
BARE_TEMPORAL = re.compile(r"^(?:when|whenever|while|once|after|before)\b", re.I)
PLEASE = re.compile(r"^please\s+", re.I)
I_AM_THEN = re.compile(rf"{I_AM}\s+(?:just\s+)?(?P<v>[^.!?;\n]+)", re.I)


# A clause that asks, requests, supposes or tells of the past states no lasting fact.
REJECT_START = re.compile(
    "|".join(f"(?:{r.pattern})" for r in (QUESTION_START, REQUEST_START, HYPOTHETICAL_START, BARE_TEMPORAL)), re.I
)
REJECT_ANYWHERE = re.compile(f"(?:{REQUEST_ANYWHERE.pattern})|(?:{PAST_OR_OTHERS.pattern})", re.I)


def clause_pieces(text: str) -> list[tuple[str, bool]]:
    """Raw clauses, each with whether its sentence was a question."""
    pieces: list[tuple[str, bool]] = []
    for match in SENTENCE.finditer(text):
        sentence = match.group(0).strip()
        if not sentence:
            continue
        question = sentence.endswith("?")
        body = sentence.rstrip(".!?…").strip()
        for part in CLAUSE_BREAK.split(body):
            for piece in QUESTION_BREAK.split(part) if question else (part,):
                piece = piece.strip()
                if piece:
                    pieces.append((piece, question))
    return pieces


def main_clause(piece: str, question: bool) -> str | None:
    """Strip fillers and subordinate parts; None when nothing stated by the user is left."""
    clause = ASPIRATION_LEAD.sub("", piece.strip(" ,"))
    temporal = TEMPORAL_START.match(clause)
    if temporal:
        clause = clause[temporal.end() :]
    clause = REMEMBER_LEAD.sub("", clause)  # "please remember that I'm diabetic": the statement counts
    if LANGUAGE_PREFERENCE.match(clause):
        return PLEASE.sub("", clause)  # a standing preference, not a one-off task
    if not clause or REJECT_START.match(clause) or REJECT_ANYWHERE.search(clause):
        return None
    clause = CONCESSIVE_START.sub("", clause)
    clause = SUBORDINATE_TAIL.sub("", clause)
    clause = ELIDED_I.sub("i ", clause).strip()
    if not clause or (question and ADDRESSES_YOU.search(clause)):
        return None
    return clause


def _speaker_is_user(clause: str, position: int) -> bool:
    """Is the nearest subject before `position` the user ("I", or none at all)?"""
    subjects = SUBJECTS.findall(clause[:position])
    return not subjects or subjects[-1].lower() in {"i", "i'm", "im"}


URL = re.compile(r"(?:https?://|www\.)\S+", re.I)


def _event_for(pattern: Pattern, clause: str) -> EventKind:
    if pattern.event == "UPDATE":
        return "UPDATE"
    if pattern.field not in LIST_VALUED and CHANGE.search(clause):
        return "UPDATE"
    return pattern.event


class RuleExtractor:
    """The offline extractor: patterns per field, no model, no network."""

    kind = "rules"

    def describe(self) -> dict[str, str | None]:
        return {"extractor": "rules", "llm_model": None, "llm_base_url": None}

    async def extract(self, message: str, profile: dict[str, Any]) -> list[FieldEvent]:
        # Pure CPU work of well under a millisecond for a normal message: no need to leave the loop.
        return self.extract_events(message, profile)

    def extract_events(self, message: str, profile: dict[str, Any]) -> list[FieldEvent]:
        """The field events of one message (synchronous; `extract` is the interface's async face)."""
        # Code and links carry no personal facts; the prose around them still may.
        prose = URL.sub(" ", prose_outside_code(message))
        if not FIRST_PERSON.search(prose):
            return []
        text = normalise_text(prose)
        events: list[FieldEvent] = self._forget_requests(text) if FORGET_HINT.search(text) else []
        speaker_is_user = False
        for piece, question in clause_pieces(text):
            lead = LEADING_FILLER.sub("", piece)
            elided_i = bool(ELIDED_I.match(lead))
            if FIRST_PERSON.search(piece) or elided_i or NAME_IS.match(lead):
                speaker_is_user = True
            elif SUBJECTS.search(piece) or not speaker_is_user:
                # "my wife works…", "he is…": someone else speaks or is spoken of.
                speaker_is_user = False
                continue
            removal = REMOVAL.search(piece)
            # Most clauses hold no trigger word at all: drop them before any further work.
            candidates = candidate_patterns(piece, assume_i=elided_i)
            if not removal and not candidates and not I_AM_THEN.search(piece):
                continue
            clause = main_clause(lead, question)
            if clause is None:
                continue
            if removal:
                events.extend(self._removals(clause, profile))
            else:
                # Cleaning a clause only removes words, so the piece's candidates cover it.
                events.extend(self._additions(clause, candidates, events))
        return _merge_same_field(_origin(events, profile))

    def _additions(self, clause: str, candidates: list[Pattern], earlier: list[FieldEvent]) -> list[FieldEvent]:
        found: list[FieldEvent] = []
        claimed: set[int] = set()
        for pattern in candidates:
            for match in pattern.regex.finditer(clause):
                if pattern.exclusive and match.start() in claimed:
                    continue
                if pattern.check_speaker and not _speaker_is_user(clause, match.start()):
                    continue
                raw = match.group("v")
                if PRONOUN_VALUE.match(raw) and pattern.field in {"skills", "likes", "interests", "dislikes"}:
                    values = _last_items(found + earlier)
                else:
                    values = pattern.value(raw)
                if pattern.field in {"goals", "interests", "likes"} and NEAR_FUTURE.search(clause):
                    values = []
                if not values:
                    continue
                if pattern.exclusive:
                    claimed.add(match.start())
                found.append(_event(pattern.field, values, _event_for(pattern, clause)))
        found.extend(self._name_from_i_am(clause, claimed))
        return found

    @staticmethod
    def _name_from_i_am(clause: str, claimed: set[int]) -> list[FieldEvent]:
        for match in I_AM_THEN.finditer(clause):
            if match.start() in claimed:
                continue
            names = name_after_i_am(match.group("v"))
            if names:
                return [FieldEvent(field="name", value=names[0], event="ADD")]
        return []

    @staticmethod
    def _forget_requests(text: str) -> list[FieldEvent]:
        """'Please forget my age', 'forget that I like tea': instructions about memory itself."""
        events = []
        for match in REMOVE_SCALAR.finditer(text):
            name = match.group("f").lower()
            events.append(FieldEvent(field=SCALAR_ALIASES.get(name, name), value=None, event="REMOVE"))
        for match in FORGET_LIKE.finditer(text):
            field = "dislikes" if match.group("verb").lower() in {"hate", "dislike"} else "likes"
            items = [_activity(i) for i in split_items(match.group("v"))]
            if items:
                events.append(FieldEvent(field=field, value=items, event="REMOVE"))
        return events

    @staticmethod
    def _removals(clause: str, profile: dict[str, Any]) -> list[FieldEvent]:
        events: list[FieldEvent] = []
        for field, regex in REMOVAL_PATTERNS:
            for match in regex.finditer(clause):
                items = split_items(re.sub(r",?\s*drop it\b.*$", "", match.group("v"), flags=re.I))
                if field in {"likes", "dislikes", "interests"}:
                    items = [_activity(i) for i in items]
                if items:
                    events.append(FieldEvent(field=field, value=items, event="REMOVE"))
        return events


def _last_items(events: list[FieldEvent]) -> list[str]:
    """What "it" points back to: the last list items this message named."""
    for event in reversed(events):
        if event.event != "REMOVE" and isinstance(event.value, list) and event.field in {"likes", "interests"}:
            return [str(v) for v in event.value]
    return []


def _origin(events: list[FieldEvent], profile: dict[str, Any]) -> list[FieldEvent]:
    """'I'm from Ohio' is where the user lives unless we know (or just heard) where they live; then it is their hometown."""
    location_known = bool(profile.get("location")) or any(e.field == "location" for e in events)
    return [
        FieldEvent(field="location", value=e.value, event=e.event)
        if e.field == "hometown" and not location_known
        else e
        for e in events
    ]


def _event(field: str, values: list[str], event: EventKind) -> FieldEvent:
    if field == "#sensitive":
        return FieldEvent(field=sensitive_category(values[0]) or "notes", value=values, event=event)
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
