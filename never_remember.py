"""'Never remember' rules: topics, fields or free words a person does not want stored.

A rule is kept as short canonical text. A known topic ("health", "location", "job", …) names
the fields it blocks and the words that speak of it; any other rule is a field name or a free
word ("ex-boyfriend"), matched as whole words in field names and values. The gate
(guards.admit_events) drops every event a rule matches; the service cuts the clauses of a
message that speak of a blocked topic before any extractor (and so any LLM) sees them.
Pure functions only: nothing here reads or writes the database.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from domain import CONTROL_CHARS, MAX_RULE_CHARS, FieldEvent, FieldValue, normalise_field_name
from guards import SENSITIVE_CATEGORIES


@dataclass(frozen=True)
class Topic:
    fields: tuple[str, ...]  # fields the topic blocks whatever they hold
    values: re.Pattern[str] | None  # words in a value (or a field name) that belong to the topic
    clauses: re.Pattern[str] | None  # words in a message clause that speak of the topic


def _words(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{pattern})\b", re.I)


def _category(name: str, extra: str) -> re.Pattern[str]:
    """A special category's own pattern (guards.SENSITIVE_CATEGORIES) plus the words naming it."""
    return re.compile(f"{SENSITIVE_CATEGORIES[name].pattern}|" + rf"\b(?:{extra})\b", re.I)


TOPICS: dict[str, Topic] = {
    "health": Topic(
        ("health", "medical", "medical_conditions", "medications", "conditions", "diagnosis"),
        _category("health", r"health|medical|diagnos\w*|doctors?|hospital|therapy|therapist|symptoms?|sick"),
        _category("health", r"health|medical|diagnos\w*|doctors?|hospital|therapy|therapist|symptoms?|sick"),
    ),
    "religion": Topic(("religion", "faith", "beliefs"), _category("religion", r"faith|god|pray\w*"), None),
    "sexual_orientation": Topic(
        ("sexual_orientation", "sexuality", "orientation"), _category("sexual_orientation", r"sexuality"), None
    ),
    "political_views": Topic(
        ("political_views", "politics", "party", "vote"), _category("political_views", r"politic\w*|elections?"), None
    ),
    "location": Topic(
        ("location", "hometown", "address", "city", "country", "neighborhood", "neighbourhood"),
        None,
        _words(
            r"live|lives|living|lived|moved|moving|move|relocat\w*|based|reside\w*|address|hometown|"
            r"neighbou?rhood|grew up|i'?m from|i am from|come from"
        ),
    ),
    "job": Topic(
        ("role", "employer", "job", "occupation", "company", "profession", "workplace"),
        None,
        _words(
            r"work|works|working|worked|job|jobs|career|employ\w*|occupation|profession|boss|colleagues?|"
            r"co-?workers?|hired|promot\w*|salary|office"
        ),
    ),
    "age": Topic(("age", "birthday", "birth_year"), None, _words(r"years old|\d+\s*yo|birthday|born|my age")),
    "name": Topic(("name", "full_name", "nickname"), None, _words(r"my name|call me|i'?m called|named")),
    "family": Topic(
        ("family", "children", "partner", "spouse"),
        None,
        _words(
            r"wife|husband|partner|spouse|son|sons|daughters?|kids?|children|mother|father|mom|mum|dad|"
            r"brothers?|sisters?|parents?|family|married"
        ),
    ),
}
for _name in ("pets", "education", "languages", "skills", "goals", "interests", "likes", "dislikes"):
    TOPICS.setdefault(_name, Topic((_name,), None, None))

# What people say, as the topic it means ("my job" -> "job").
ALIASES = {
    "where i live": "location",
    "where i'm from": "location",
    "where i am from": "location",
    "where i come from": "location",
    "address": "location",
    "my address": "location",
    "home": "location",
    "hometown": "location",
    "city": "location",
    "work": "job",
    "career": "job",
    "what i do": "job",
    "what i do for a living": "job",
    "where i work": "job",
    "employer": "job",
    "occupation": "job",
    "role": "job",
    "profession": "job",
    "medical": "health",
    "medical history": "health",
    "medical conditions": "health",
    "health conditions": "health",
    "illnesses": "health",
    "faith": "religion",
    "beliefs": "religion",
    "religious beliefs": "religion",
    "politics": "political_views",
    "political views": "political_views",
    "how i vote": "political_views",
    "sexuality": "sexual_orientation",
    "sexual orientation": "sexual_orientation",
    "how old i am": "age",
    "birthday": "age",
    "kids": "family",
    "children": "family",
    "pet": "pets",
}

# "anything about my …", "stuff regarding …": the words around a topic, not the topic.
_FILLER = re.compile(
    r"^(?:(?:anything|everything|things|stuff|information|info|details|facts|any\s+facts)\s+)?"
    r"(?:(?:about|on|regarding|concerning|related\s+to|to\s+do\s+with|of)\s+)?(?:the\s+fact\s+that\s+)?",
    re.I,
)
_MY = re.compile(r"^(?:my|mine|our)\s+", re.I)


def normalise_rule(text: str) -> str | None:
    """A rule as stored: a topic's name, a field name, or lower-case words; None when nothing is left."""
    cleaned = " ".join(CONTROL_CHARS.sub(" ", text).split()).strip(" .!?,;:\"'").lower()
    cleaned = _FILLER.sub("", cleaned).strip()
    for candidate in (cleaned, _MY.sub("", cleaned)):
        if candidate in TOPICS:
            return candidate
        if candidate in ALIASES:
            return ALIASES[candidate]
    cleaned = _MY.sub("", cleaned).strip()
    field = normalise_field_name(cleaned)
    if field in TOPICS:
        return field
    if not cleaned or len(cleaned) > MAX_RULE_CHARS or not re.search(r"[a-z0-9]", cleaned):
        return None
    if re.fullmatch(r"[a-z][a-z0-9_]*", cleaned):
        return cleaned  # a field name, as given
    return cleaned


def _free_pattern(rule: str) -> re.Pattern[str]:
    """Whole words, with any spacing, '-' or '_' between them and an optional plural."""
    words = [w for w in re.split(r"[^a-z0-9]+", rule.lower()) if w]
    return re.compile(r"(?<![a-z0-9])" + r"[\s_-]*".join(map(re.escape, words)) + r"(?:s|es)?(?![a-z0-9])", re.I)


def _text_of(value: Any) -> str:
    if isinstance(value, list):
        return " ".join(str(item) for item in value)
    return "" if value is None else str(value)


def rule_matches(rule: str, field: str, value: Any) -> bool:
    """True when `rule` covers this field, or this value stored under it."""
    topic = TOPICS.get(rule)
    field_words = field.replace("_", " ")
    if topic is not None:
        if field in topic.fields:
            return True
        return bool(topic.values and topic.values.search(f"{field_words} {_text_of(value)}"))
    return bool(_free_pattern(rule).search(f"{field_words} {_text_of(value)}"))


def matching_rule(rules: Iterable[str], field: str, value: Any) -> str | None:
    return next((rule for rule in rules if rule_matches(rule, field, value)), None)


def screen_rules(events: list[FieldEvent], rules: Sequence[str]) -> tuple[list[FieldEvent], list[str]]:
    """The gate's never-remember step: drop what a rule covers. REMOVE always passes."""
    if not rules:
        return events, []
    kept: list[FieldEvent] = []
    dropped: list[str] = []
    for event in events:
        if event.event != "REMOVE":
            items = event.value if isinstance(event.value, list) else [event.value]
            blocked = [i for i in items if matching_rule(rules, event.field, i)]
            if blocked and (len(blocked) == len(items) or matching_rule(rules, event.field, None)):
                dropped.append(f"{event.field}: you asked me never to remember {_said(rules, event)}")
                continue
            if blocked:
                rest: list[FieldValue] = [i for i in items if i is not None and i not in blocked]
                dropped.append(f"{event.field}: {len(blocked)} item(s) you asked me never to remember")
                event = FieldEvent(field=event.field, value=rest, event=event.event)
        kept.append(event)
    return kept, dropped


def _said(rules: Sequence[str], event: FieldEvent) -> str:
    rule = matching_rule(rules, event.field, event.value) or ""
    return describe(rule)


def describe(rule: str) -> str:
    """How a rule is named back to a person: 'your health', 'where you live', '"ex-boyfriend"'."""
    spoken = {
        "health": "anything about your health",
        "religion": "your religion",
        "sexual_orientation": "your sexual orientation",
        "political_views": "your political views",
        "location": "where you live",
        "job": "your job",
        "age": "your age",
        "name": "your name",
        "family": "your family",
    }
    return spoken.get(rule, f'"{rule.replace("_", " ")}"')


def removals(profile: dict[str, Any], rules: Sequence[str]) -> list[FieldEvent]:
    """REMOVE events for everything stored under `rules`: whole fields, or single list items."""
    events: list[FieldEvent] = []
    for field, value in profile.items():
        if matching_rule(rules, field, None):
            events.append(FieldEvent(field=field, event="REMOVE"))
        elif isinstance(value, list):
            blocked = [item for item in value if matching_rule(rules, field, item)]
            if len(blocked) == len(value):
                events.append(FieldEvent(field=field, event="REMOVE"))
            elif blocked:
                events.append(FieldEvent(field=field, value=blocked, event="REMOVE"))
        elif matching_rule(rules, field, value):
            events.append(FieldEvent(field=field, event="REMOVE"))
    return events


# -- messages: setting a rule, and keeping blocked clauses from the extractor -------------

# The opening of a sentence that sets a rule; the rest of the sentence is the topic. Kept to
# the opening on purpose: a pattern that also had to find where the topic ends backtracked
# quadratically on a long sentence (17 s on 15,000 spaces).
RULE_OPENING = re.compile(
    r"^\s*(?:(?:please|and|also|ok|okay|so|oh)\b[\s,]*)*"
    r"(?:(?:do\s+not|don'?t|dont|never|stop|no\s+longer|quit)\s+(?:ever\s+)?|"
    r"i\s+(?:do\s+not|don'?t)\s+want\s+you\s+to\s+(?:ever\s+)?|i'?d\s+rather\s+you\s+didn'?t\s+)"
    r"(?:remember(?:ing)?|stor(?:e|ing)|sav(?:e|ing)|keep(?:ing)?|record(?:ing)?|track(?:ing)?|memori[sz](?:e|ing)|"
    r"note|noting|writ(?:e|ing)\s+down)\s+",
    re.I,
)
# Words that may close the sentence without being part of the topic ("…, please", "… from now on").
TRAILING_WORDS = (
    "please",
    "ever",
    "again",
    "from now on",
    "going forward",
    "anymore",
    "any more",
    "thanks",
    "thank you",
)
SENTENCE_BREAK = re.compile(r"(?<=[.!?;])\s+|\n+")
# "…, and I love chess": a conjunction opening a new first-person clause.
# (?<=\S): a run of spaces is tried once, from its start, not from every space in it.
CLAUSE_BREAK = re.compile(
    r"(?<=\S),?\s+(?:and|but|though|while)\s+(?=(?:i|i'm|i've|my|we|we're)\b)|(?<=\S),\s+(?=(?:i|my)\b)", re.I
)


def sentences(message: str) -> list[str]:
    return [part for part in SENTENCE_BREAK.split(message) if part.strip()]


def parse_rule_requests(message: str) -> tuple[list[str], str]:
    """The rules a message asks for ("don't remember where I live"), and the rest of the message."""
    rules: list[str] = []
    rest: list[str] = []
    for sentence in sentences(message):
        match = RULE_OPENING.match(sentence)
        topic = _topic(sentence[match.end() :]) if match else ""
        rule = normalise_rule(topic) if topic and not _one_time(topic) else None
        if rule is None:
            rest.append(sentence)
        elif rule not in rules:
            rules.append(rule)
    return rules, " ".join(rest)


def _topic(text: str) -> str:
    """The words after the opening, without closing politeness ("…, please!")."""
    if len(text) > 4 * MAX_RULE_CHARS:
        return ""  # longer than any rule: a sentence about something else
    topic = text.strip(" \t,.!?;")
    stripped = True
    while stripped:
        stripped = False
        for word in TRAILING_WORDS:
            if topic.lower().endswith(" " + word) or topic.lower().endswith("," + word):
                topic = topic[: -len(word)].rstrip(" \t,.!?;")
                stripped = True
    return topic


def _one_time(topic: str) -> bool:
    """'don't remember that I said that': about one thing said, not a standing topic."""
    return bool(re.match(r"^(?:that|this|it|what\s+i\s+(?:just\s+)?said)\b", topic.strip(), re.I))


Probe = Callable[[str], Awaitable[list[FieldEvent]]]


async def redact_blocked(message: str, rules: Sequence[str], probe: Probe | None = None) -> tuple[str, int]:
    """The message without the clauses that speak of a blocked topic, and how many were cut.

    A clause is cut when a topic's words appear in it, when a rule's words do, or when
    `probe` (the local rule-based extractor) reads a fact from it that a rule covers
    ("I'm a nurse at St Mary's" under "job").
    """
    if not rules:
        return message, 0
    kept: list[str] = []
    cut = 0
    for sentence in sentences(message):
        for clause in CLAUSE_BREAK.split(sentence):
            if await _clause_blocked(clause, rules, probe):
                cut += 1
            elif clause.strip():
                kept.append(clause.strip())
    return " ".join(kept), cut


async def _clause_blocked(clause: str, rules: Sequence[str], probe: Probe | None) -> bool:
    for rule in rules:
        topic = TOPICS.get(rule)
        if topic is None:
            if _free_pattern(rule).search(clause):
                return True
            continue
        if any(p is not None and p.search(clause) for p in (topic.clauses, topic.values)):
            return True
    if probe is None:
        return False
    for event in await probe(clause):
        items = event.value if isinstance(event.value, list) else [event.value]
        if any(matching_rule(rules, event.field, item) for item in items):
            return True
    return False
