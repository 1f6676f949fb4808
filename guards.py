"""Two deterministic gates around every extractor.

The privacy gate: secrets_detect.py finds secrets and sensitive identifiers in text
(cards, SSNs and national ids, IBANs, passwords and PINs stated in words, API keys and
tokens, a login). The service redacts them from a message before any extractor (and so
any LLM) sees it, and `admit_events`, the one gate every way into a profile passes
(message, PUT, import), drops every event whose value holds one or whose field is named
like one. Health, religion, sexual orientation and political views are stored only when
the user explicitly asks to remember that very fact ("remember that I'm diabetic"), read
clause by clause from the message; a PUT or an import has no message, so it cannot store them.

The cost gate says whether a message could hold a personal fact at all; an LLM
is not called for pure code, a bare link, a pleasantry or a message that never
speaks of the speaker.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from domain import (
    CANONICAL_FIELDS,
    EXTRA_LIST_FIELDS,
    EXTRA_SCALAR_FIELDS,
    SENSITIVE_FIELDS,
    FieldEvent,
    check_limits,
    check_numbers,
    with_value,
)
from prefilter import MAX_STARTS, CaseBlind, lowered, matches_at, never_matches, opening_starts, openings
from quality import check_events
from secrets_detect import KIND_WORDS, REDACTED, Finding, find_secrets, redact
from vocabulary import TASK_VERBS  # verbs that open a request ("Write…"); the extractor's clause filter shares them

__all__ = ["REDACTED", "Finding", "admit_events", "find_secrets", "redact", "screen_events"]

NEVER_STORED = "secrets and identifiers are never stored"


# -- special categories: stored only on an explicit request to remember that very fact ------

SENSITIVE_CATEGORIES: dict[str, re.Pattern[str]] = {
    "health": re.compile(
        r"\b(?:diabet\w*|cancer|hiv|aids|depress\w*|anxiety|adhd|autis\w*|bipolar|schizophren\w*|ptsd|ocd|"
        r"asthma\w*|epilep\w*|disorder|disease|illness|syndrome|chemo\w*|medication|insulin|antidepressants?|"
        r"pregnan\w*|miscarriage|abortion|surgery|disabilit\w*|disabled|alcoholi\w*|addict\w*|rehab|"
        r"mental health|allerg\w*|celiac|coeliac|blood pressure|heart condition|migraines?|arthritis|dyslexi\w*)\b",
        re.I,
    ),
    "religion": re.compile(
        r"\b(?:christian|muslim|islam\w*|jewish|judaism|catholic|protestant|buddhis\w*|hindu\w*|sikh|atheis\w*|"
        r"agnostic|mormon|religio\w*|church|mosque|synagogue)\b",
        re.I,
    ),
    "sexual_orientation": re.compile(
        r"\b(?:gay|lesbian|bisexual|queer|transgender|homosexual|heterosexual|asexual|pansexual|"
        r"sexual orientation)\b",
        re.I,
    ),
    "political_views": re.compile(
        r"\b(?:democrat\w*|republican\w*|socialis\w*|communis\w*|libertarian|labour party|tory|tories|"
        r"political views?|vote[ds]? for|voting for)\b",
        re.I,
    ),
}
# One pass for the yes/no question asked of every value.
SENSITIVE_ANY = re.compile("|".join(pattern.pattern for pattern in SENSITIVE_CATEGORIES.values()), re.I)
SENSITIVE_ANY_CB = CaseBlind(SENSITIVE_ANY)  # on ASCII text, its lower-case twin (4x faster)
# Its matches hold no newline nor look past one: the matches in items joined by blank lines
# are the items' own (screen_events searches them all at once).
SENSITIVE_STAYS_IN_ITEMS = never_matches(SENSITIVE_ANY, "\n")
CATEGORY_WORDS = {
    "health": "health information",
    "religion": "religion",
    "sexual_orientation": "sexual orientation",
    "political_views": "political views",
}
# Field names that announce a special category whatever their value ("medical_condition: type 1").
SENSITIVE_FIELD_WORDS = re.compile(
    r"\b(?:(?P<health>health|medical|diagnos\w*|conditions?|medications?|illness\w*|disabilit\w*|mental|therapy)|"
    r"(?P<religion>religio\w*|faith|beliefs?|church)|(?P<sexual_orientation>sexuality|orientation)|"
    r"(?P<political_views>politic\w*|party|vote|voting))\b"
)


def sensitive_category(text: str) -> str | None:
    """'health', 'religion', 'sexual_orientation' or 'political_views' when the text touches one."""
    for category, pattern in SENSITIVE_CATEGORIES.items():
        if pattern.search(text):
            return category
    return None


def field_category(name: str) -> str | None:
    """The special category a field's name announces, if any."""
    if name in _KNOWN_FIELD_CATEGORY:
        return _KNOWN_FIELD_CATEGORY[name]
    return _field_category(name)


def _field_category(name: str) -> str | None:
    if name in SENSITIVE_FIELDS:
        return name
    words = name.replace("_", " ")
    match = SENSITIVE_FIELD_WORDS.search(words)
    return match.lastgroup if match else sensitive_category(words)


def is_sensitive(value: object) -> bool:
    text = _text_of(value)
    return SENSITIVE_ANY_CB.search(text, lowered(text)) is not None


def _stems(text: str) -> set[str]:
    """The special-category words in `text`, cut to a stem ("diabetic", "diabetes" -> "diabe")."""
    return {m.group(0).lower()[:5] for pattern in SENSITIVE_CATEGORIES.values() for m in pattern.finditer(text)}


# Consent is an explicit request, at the start of a clause, to remember what follows:
# "please remember that I…", "note: my…", "can you save this: …", "…, so keep in mind I…".
# "I don't remember…", "I save every penny" or "a store" are not requests: the verb must
# open the clause, with nothing before it but a politeness word.
CONSENT_VERB_PATTERN = (
    r"(?:remember|memori[sz]e|note(?:\s+down)?|make\s+a\s+note(?:\s+of)?|take\s+(?:a\s+)?note(?:\s+of)?|"
    r"keep\s+in\s+mind|don'?t\s+forget|do\s+not\s+forget|never\s+forget|save|store|record|write\s+down|"
    r"add\s+(?:this\s+|that\s+|it\s+)?to\s+(?:my\s+)?(?:memory|memories|profile))(?!\w)"
    r"(?P<object>\s+(?:this|that|it|the\s+fact))?(?:\s+(?:for\s+me|for\s+later|about\s+me|down))?"
    r"(?P<link>\s*(?:that\b|:|-|,))?\s*"
)
# Run on the lower-cased message: a case-insensitive scan costs ten times more (~0.4 ms per 4 KB).
CONSENT_VERB = re.compile(CONSENT_VERB_PATTERN)
CONSENT_VERB_ANY_CASE = re.compile(CONSENT_VERB_PATTERN, re.I)  # when lower() changes the length
# What every match of CONSENT_VERB opens with ("remember", "note", "do"…): where it can start.
CONSENT_OPENINGS = openings(CONSENT_VERB)

# What may stand before the verb in its clause: a politeness word, "can you".
POLITE = r"\s*(?:(?:please|pls|kindly|ok|okay|also|hey)[\s,]+)*(?:(?:can|could|would|will)\s+you\s+(?:please\s+)?)?$"
CLAUSE_OPENER = re.compile(r"(?:[.!?;:\n,]|\b(?:and|but|so|also))" + POLITE, re.I)
MESSAGE_OPENER = re.compile(POLITE, re.I)
# What follows a consent verb but is not a fact to keep: "remember when…", "save money", "remember to call".
NOT_A_FACT = re.compile(
    r"^(?:when|what|who|where|why|how|if|whether|to\b|money|time|energy|every|some|the\s+date)", re.I
)
SENTENCE_END = re.compile(r"[.!?;\n]+(?=\s|$)|\n")


def consented_clauses(message: str) -> list[str]:
    """The parts of a message that the user explicitly asked to be remembered.

    "Please remember that I'm diabetic. I also have asthma." consents to the first
    sentence only. "I have asthma, please remember that." consents to what came before
    the request in its sentence (or to the sentence before, when the request stands alone).
    """
    clauses: list[str] = []
    lowered = message.lower()
    verbs: Iterable[re.Match[str]]
    if len(lowered) != len(message):
        verbs = CONSENT_VERB_ANY_CASE.finditer(message)
    else:
        # Tried only where one of the verbs' opening words stands (found by str.find), when they are few.
        starts = opening_starts(lowered, CONSENT_OPENINGS) if CONSENT_OPENINGS else None
        if starts is None or len(starts) > MAX_STARTS:
            verbs = CONSENT_VERB.finditer(lowered)
        else:
            verbs = matches_at(CONSENT_VERB, lowered, starts)
    for lead in verbs:
        before = message[max(0, lead.start() - 60) : lead.start()]
        if not (CLAUSE_OPENER.search(before) or (lead.start() <= 60 and MESSAGE_OPENER.match(before))):
            continue
        end = SENTENCE_END.search(message, lead.end())
        clause = message[lead.end() : end.start() if end else len(message)].strip()
        if clause and not NOT_A_FACT.match(clause):
            if lead.group("object") or lead.group("link") or re.match(r"(?:i|i'm|my|me)\b", clause, re.I):
                clauses.append(clause)
            continue
        if not clause and lead.group("object"):
            clauses.append(_clause_before(message, lead.start() - len(_polite_tail(before))))
    return [clause for clause in clauses if clause]


def _polite_tail(before: str) -> str:
    match = re.search(POLITE, before, re.I)
    return match.group(0) if match else ""


def _clause_before(message: str, position: int) -> str:
    before = message[:position].rstrip(" ,;:-")
    before = re.sub(r"(?:\s+(?:and|but|so|also))+$", "", before, flags=re.I)
    ends = list(SENTENCE_END.finditer(before))
    if ends and ends[-1].end() >= len(before.rstrip()):
        before = before[: ends[-1].start()]  # the request stood alone: the sentence before
        ends = list(SENTENCE_END.finditer(before))
    return before[ends[-1].end() :].strip() if ends else before.strip()


def _consented(item: str, clauses: list[str]) -> bool:
    """Is this one fact inside a clause the user asked to be remembered?

    A fact with special-category words needs those words there ("diabetes" is covered by
    "remember that I'm diabetic"); one without (a value under a "health" field) needs all its words.
    """
    item_stems = _stems(item)
    words = set(re.findall(r"\w+", item.lower()))
    for clause in clauses:
        if item_stems and item_stems <= _stems(clause):
            return True
        if not item_stems and words and words <= set(re.findall(r"\w+", clause.lower())):
            return True
    return False


# -- field names that announce a secret ---------------------------------------------------

# Words that name a secret wherever they stand in a field's name ("bank_password", "ssn_copy")...
SECRET_FIELD_ANYWHERE = re.compile(
    r"\b(?:(?P<password>pass(?:word|wd|code|phrase)s?|pwd|cvv\d?|cvc\d?|otp|pin\s+(?:code|number)|"
    r"security\s+(?:code|answer)|mothers?\s+maiden\s+name|seed\s+phrase|recovery\s+(?:phrase|codes?))|"
    r"(?P<api_token>api\s*keys?|apikey|credentials?|(?:access|secret|private|ssh|auth|client|license|licence|signing)"
    r"\s+(?:keys?|tokens?))|"
    r"(?P<government_id>ssn|social\s+security|social\s+insurance|(?:national|tax)\s+(?:id|insurance|number)|"
    r"passport\s+(?:number|no|num|id)|(?:drivers?|driving)\s+licen[cs]es?|licen[cs]e\s+number|id\s+number|"
    r"personnummer|aadhaar|cpf|bsn)|"
    r"(?P<card_number>(?:credit|debit|payment|bank|visa|amex|mastercard)\s+cards?|cards?\s+(?:number|no|num|details|"
    r"info|pin|cvv)|cc\s+(?:number|no|num))|"
    r"(?P<iban>iban)|(?P<bank_account>bank\s+(?:account|details)|account\s+(?:number|no|num)|routing\s+number|"
    r"sort\s+code))\b"
)
# ...and words that do only as the whole name or its last word ("github_token", "card",
# "card_4111…"), since "pin_collection" or "card_game" name hobbies.
SECRET_FIELD_LAST = re.compile(
    r"(?:^|\s)(?:(?P<password>pass|pw|pin|pins)|(?P<api_token>tokens?|secrets?)|"
    r"(?P<government_id>sin|nin|nino|tin|passport)|(?P<card_number>cards?|cc))(?:\s+\d[\d\s]*)?$"
)


def secret_field_kind(name: str) -> str | None:
    """The kind of secret a field's name announces ("github_token", "card_4111…"), if any."""
    if name in _KNOWN_FIELD_SECRET:
        return _KNOWN_FIELD_SECRET[name]
    return _secret_field_kind(name)


def _secret_field_kind(name: str) -> str | None:
    words = name.replace("_", " ").strip()
    match = SECRET_FIELD_ANYWHERE.search(words) or SECRET_FIELD_LAST.search(words)
    if match:
        return match.lastgroup
    findings = find_secrets(words)
    return findings[0].kind if findings else None


# The known fields' answers, worked out once: every event of every message asks about its field.
_KNOWN_FIELDS = (*CANONICAL_FIELDS, *sorted(EXTRA_SCALAR_FIELDS), *sorted(EXTRA_LIST_FIELDS), *SENSITIVE_FIELDS)
_KNOWN_FIELD_SECRET = {name: _secret_field_kind(name) for name in _KNOWN_FIELDS}
_KNOWN_FIELD_CATEGORY = {name: _field_category(name) for name in _KNOWN_FIELDS}


# -- the screen ---------------------------------------------------------------------------


def screen_events(events: Iterable[FieldEvent], message: str) -> tuple[list[FieldEvent], list[str]]:
    """Drop events that would store a secret, or a special category without an explicit request.

    A field named like a secret is dropped whatever its value. Consent is read per fact:
    each item of a special category must sit inside a clause the user asked to be
    remembered; the others are dropped and the rest of the event kept.
    REMOVE events always pass: forgetting is never a privacy risk.
    Returns the events to keep and a reason for each one dropped (never the value itself).
    """
    clauses: list[str] | None = None  # read from the message only when a special category needs it
    kept: list[FieldEvent] = []
    dropped: list[str] = []
    for event in events:
        if event.event == "REMOVE":
            kept.append(event)
            continue
        name_kind = secret_field_kind(event.field)
        if name_kind:
            dropped.append(f"a field named like a secret ({KIND_WORDS[name_kind]}): {NEVER_STORED}")
            continue
        items = event.value if isinstance(event.value, list) else [event.value]
        # One read for all items: a blank line keeps two items from joining into one number.
        values = "\n\n".join(_text_of(item) for item in items)
        secret = next(iter(find_secrets(values)), None)
        if secret or REDACTED in values:
            words = KIND_WORDS[secret.kind] if secret else "a secret"
            dropped.append(f"{event.field}: something sensitive ({words}); {NEVER_STORED}")
            continue
        category = field_category(event.field)
        # One search of all the items (joined above) says whether any item can be sensitive:
        # SENSITIVE_ANY's matches never hold a newline, so a match in one item is a match in the joined text.
        maybe_sensitive = category or not SENSITIVE_STAYS_IN_ITEMS or is_sensitive(values)
        allowed = []
        for item in items:
            if category or (maybe_sensitive and is_sensitive(item)):
                if clauses is None:
                    clauses = consented_clauses(message) if message else []
                if not _consented(_text_of(item), clauses):
                    continue
            allowed.append(item)
        if len(allowed) < len(items):
            what = CATEGORY_WORDS.get(category or sensitive_category(_text_of(items)) or "", "a special category")
            dropped.append(
                f"{event.field}: something sensitive ({what}); it is kept only when you ask to remember "
                'that very fact, e.g. "remember that …"'
            )
        if allowed:
            value = allowed if isinstance(event.value, list) else allowed[0]
            kept.append(with_value(event, value))  # event.model_copy(update={"value": value})
    return kept, dropped


def message_reasons(message: str) -> list[str]:
    """What the privacy gate cut out of a message before any extractor read it (kinds only)."""
    kinds = dict.fromkeys(finding.kind for finding in find_secrets(message))
    if not kinds:
        return []
    what = ", ".join(KIND_WORDS[kind] for kind in kinds)
    return [f"something sensitive in the message ({what}) was cut out before it was read; {NEVER_STORED}"]


def admit_events(
    events: list[FieldEvent], *, message: str | None, source: str = "message", rules: Sequence[str] = ()
) -> tuple[list[FieldEvent], list[str]]:
    """The one gate every way into a profile passes: an extractor's output (rules or LLM),
    PUT, import and undo. Returns the events to apply and a reason for each one refused.

    `message` is the user's message when there is one: consent to a special category is
    read from it, fact by fact, and the secrets cut out of it are reported. For the other
    ways in (`source` "put", "import", …) it is None, so a special category is refused:
    the only proof of consent the gate can check is the user's own words.
    `rules` are the user's "never remember" rules: what they cover is dropped whatever the way in.
    """
    # never_remember builds its topics on this module's categories: imported here, not above.
    from never_remember import screen_rules

    kept, dropped = check_limits(events)
    kept, refused = screen_events(kept, message or "")
    kept, out_of_range = check_numbers(kept)
    kept, unfit = check_events(kept, message=message)
    kept, blocked = screen_rules(kept, rules)
    noted = message_reasons(message) if message and source == "message" else []
    return kept, noted + dropped + refused + out_of_range + unfit + blocked


def _text_of(value: object) -> str:
    if isinstance(value, list):
        return " ".join(str(item) for item in value)
    return "" if value is None else str(value)


# -- the cost gate ---------------------------------------------------------------------

FIRST_PERSON = re.compile(r"\b(?:i|i'm|im|i've|i'd|i'll|me|my|mine|myself|call me)\b", re.I)
PLEASANTRY = re.compile(
    r"^\s*(?:hi|hello|hey|yo|thanks|thank you|thx|ty|ok|okay|k|cool|great|nice|awesome|bye|goodbye|good night|"
    r"good morning|good evening|lol|haha|sure|yes|no|yep|nope|got it|sounds good|perfect|you too|same to you|"
    r"i see|i agree|me too|i'm fine|i'm good|i am fine|i am good|i'm ok|how are you)[\s!.,?]*"
    r"(?:(?:thanks|thank you|so much|a lot|again|there|you|friend|buddy)[\s!.,?]*)*$",
    re.I,
)
CODE_BLOCK = re.compile(
    r"```|^[ \t]*(?:def |class |import |from \S+ import |function |const |let |var |#include|"
    r"SELECT |INSERT |UPDATE |public |private |<\?php|<html|<div)",
    re.M,
)
TASK_START = re.compile(rf"^\s*(?:please\s+)?(?:{TASK_VERBS}|name)\b", re.I)
# "give me", "explain to me", "for me": the user as the receiver of a task, not the subject of a fact.
REQUEST_FOR_ME = re.compile(
    r"\b(?:give|tell|show|explain|remind|notify|let|help|teach|send|get|find|make|recommend|write|bring|"
    r"email|text)\s+(?:it\s+|this\s+|that\s+)?(?:to\s+)?me\b|\b(?:for|to)\s+me\b",
    re.I,
)
REQUEST_FOR_ME_CB = CaseBlind(REQUEST_FOR_ME)
FENCED_CODE = re.compile(r"```.*?(?:```|$)", re.S)
BARE_LINK = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$", re.I)


def might_hold_personal_fact(message: str) -> bool:
    """False when no extractor could find a personal fact here, so an LLM call would be wasted.

    Deliberately generous: a wrong "False" loses a memory, a wrong "True" only costs tokens.
    """
    if BARE_LINK.match(message) or PLEASANTRY.match(message):
        return False
    prose = prose_outside_code(message)
    if TASK_START.match(prose):
        prose = prose.split("\n\n")[0]  # a task's pasted input is not about the user
    prose = REQUEST_FOR_ME_CB.sub(prose, lowered(prose), lambda _: " ")
    return bool(FIRST_PERSON.search(prose) or "❤" in prose)


def _code_line(message: str) -> bool:
    """CODE_BLOCK.search(message) for a message without a fence: what is left of the pattern opens
    a line (^ under MULTILINE: the start, or after a newline), so on a message of a few lines it
    is tried at their starts only, not at every position (~50 µs over 4 KB)."""
    if message.count("\n") >= MAX_STARTS:
        return CODE_BLOCK.search(message) is not None
    starts = [0]
    at = message.find("\n")
    while at >= 0:
        starts.append(at + 1)
        at = message.find("\n", at + 1)
    return next(matches_at(CODE_BLOCK, message, starts), None) is not None


def prose_outside_code(message: str) -> str:
    """The message without fenced code blocks and lines that look like code."""
    if "```" not in message and not _code_line(message):
        return message
    without_fences = FENCED_CODE.sub(" ", message)
    lines = [line for line in without_fences.splitlines() if not CODE_BLOCK.match(line)]
    return "\n".join(lines)
