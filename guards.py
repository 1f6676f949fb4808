"""Two deterministic gates around every extractor.

The privacy gate finds secrets and sensitive identifiers in text (card numbers
that pass Luhn, US SSNs, IBANs that pass mod-97, passwords and PINs stated in
words, API keys and tokens, an email or phone given as a login). The service
redacts them from a message before any extractor (and so any LLM) sees it, and
drops every event whose value still carries one. Health, religion, sexual
orientation and political views are stored only when the user explicitly asks
("remember that I'm diabetic").

The cost gate says whether a message could hold a personal fact at all; an LLM
is not called for pure code, a bare link, a pleasantry or a message that never
speaks of the speaker.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from domain import FieldEvent, check_limits

REDACTED = "[redacted]"


@dataclass(frozen=True)
class Finding:
    kind: str
    start: int
    end: int


def _luhn_ok(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def _iban_ok(candidate: str) -> bool:
    text = re.sub(r"\s+", "", candidate).upper()
    if not 15 <= len(text) <= 34:
        return False
    rearranged = text[4:] + text[:4]
    number = "".join(str(int(c, 36)) for c in rearranged)
    return int(number) % 97 == 1


CARD = re.compile(r"(?<![\w-])(?:\d[ -]?){12,18}\d(?![\w-])")
SSN = re.compile(r"(?<![\w-])(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}(?![\w-])")
IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?\b")
SECRET_TOKEN = re.compile(
    r"\b(?:sk-(?:proj-|ant-)?[A-Za-z0-9_-]{16,}|AKIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{30,}|"
    r"xox[abposr]-[A-Za-z0-9-]{10,}|AIza[0-9A-Za-z_-]{30,}|eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]+|"
    r"glpat-[A-Za-z0-9_-]{20,})"
)
# "my password is hunter2", "PIN: 4821", "api key = abc123…": the value after the label is the secret.
STATED_SECRET = re.compile(
    r"\b(?:pass(?:word|code|phrase)|pwd|pin(?:\s*code)?|api[\s_-]?key|secret(?:\s+key)?|access[\s_-]?token|"
    r"auth[\s_-]?token|token|security\s+code|cvv|cvc|otp|one[- ]time\s+code|social\s+security\s+number|ssn|"
    r"passport\s+(?:number|no)|driver'?s?\s+licen[sc]e\s+(?:number|no)|account\s+number|routing\s+number)"
    r"(?:\s+(?:is|was|=|:)|\s*[:=])\s*[\"']?(?P<secret>[^\s\"',;]{3,})",
    re.I,
)
LOGIN_CONTACT = re.compile(
    r"\b(?:log\s*in|login|sign\s*in|username|user\s*name|account)\b[^.\n]{0,30}?"
    r"(?P<secret>[\w.+-]+@[\w-]+\.[\w.-]+|\+?\d[\d ()-]{7,}\d)",
    re.I,
)


DIGIT = re.compile(r"\d")
TOKEN_PREFIXES = ("sk-", "akia", "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "xox", "aiza", "eyj", "glpat-")
SECRET_LABELS = (
    "pass",
    "pwd",
    "pin",
    "key",
    "secret",
    "token",
    "security code",
    "cvv",
    "cvc",
    "otp",
    "one-time",
    "one time",
    "social security",
    "ssn",
    "passport",
    "licen",
    "account number",
    "routing",
)
LOGIN_LABELS = ("log", "sign", "user", "account")


def find_secrets(text: str) -> list[Finding]:
    """Every secret or sensitive identifier in `text`, as character spans."""
    lowered = text.lower()
    findings: list[Finding] = []
    # Cheap substring tests first: each detector needs a digit or a word it is built around.
    if DIGIT.search(text):
        for match in CARD.finditer(text):
            digits = re.sub(r"\D", "", match.group(0))
            if 13 <= len(digits) <= 19 and _luhn_ok(digits):
                findings.append(Finding("card number", match.start(), match.end()))
        findings += [Finding("government id", m.start(), m.end()) for m in SSN.finditer(text)]
        findings += [Finding("iban", m.start(), m.end()) for m in IBAN.finditer(text) if _iban_ok(m.group(0))]
    if any(prefix in lowered for prefix in TOKEN_PREFIXES):
        findings += [Finding("api key or token", m.start(), m.end()) for m in SECRET_TOKEN.finditer(text)]
    if any(label in lowered for label in SECRET_LABELS):
        findings += [Finding("stated secret", m.start("secret"), m.end("secret")) for m in STATED_SECRET.finditer(text)]
    if any(label in lowered for label in LOGIN_LABELS):
        findings += [
            Finding("login credential", m.start("secret"), m.end("secret")) for m in LOGIN_CONTACT.finditer(text)
        ]
    return sorted(findings, key=lambda f: f.start)


def redact(text: str) -> str:
    """The text with every secret span replaced by [redacted]."""
    out, last = [], 0
    for finding in find_secrets(text):
        if finding.start < last:
            continue
        out.append(text[last : finding.start])
        out.append(REDACTED)
        last = finding.end
    out.append(text[last:])
    return "".join(out)


# -- special categories: stored only on an explicit request ------------------------------

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


def sensitive_category(text: str) -> str | None:
    """'health', 'religion', 'sexual_orientation' or 'political_views' when the text touches one."""
    for category, pattern in SENSITIVE_CATEGORIES.items():
        if pattern.search(text):
            return category
    return None


EXPLICIT_CONSENT = re.compile(
    r"\b(?:please\s+)?(?:remember|note|keep in mind|save|store|don't forget)\s+(?:that|this|:)?", re.I
)


def is_sensitive(value: object) -> bool:
    return sensitive_category(_text_of(value)) is not None


def has_explicit_consent(message: str) -> bool:
    return bool(EXPLICIT_CONSENT.search(message))


def screen_events(events: Iterable[FieldEvent], message: str) -> tuple[list[FieldEvent], list[str]]:
    """Drop events that would store a secret, or a special category without an explicit request.

    REMOVE events always pass: forgetting is never a privacy risk.
    Returns the events to keep and a reason for each one dropped.
    """
    consent = has_explicit_consent(message)
    kept: list[FieldEvent] = []
    dropped: list[str] = []
    for event in events:
        if event.event == "REMOVE":
            kept.append(event)
            continue
        text = _text_of(event.value) + " " + event.field.replace("_", " ")
        if find_secrets(_text_of(event.value)) or REDACTED in text:
            dropped.append(f"{event.field}: looks like a secret or an identifier")
        elif not consent and is_sensitive(text):
            dropped.append(f'{event.field}: sensitive; say "remember that …" to store it')
        else:
            kept.append(event)
    return kept, dropped


def admit_events(events: list[FieldEvent], *, message: str | None) -> tuple[list[FieldEvent], list[str]]:
    """The one gate every way into a profile passes: an extractor's output (rules or LLM),
    PUT, import and undo. Returns the events to apply and a reason for each one refused.

    `message` is the user's message when there is one (consent to a special category is
    read from it); None for the other ways in.
    """
    kept, dropped = check_limits(events)
    kept, refused = screen_events(kept, message or "")
    return kept, dropped + refused


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
# Verbs that open a request ("Write…", "Give me…"); the extractor's clause filter uses them too.
TASK_VERBS = (
    "give|tell|show|explain|write|find|list|identify|translate|summari[sz]e|generate|create|make|describe|compose|"
    "draft|suggest|recommend|convert|calculate|compute|classify|rewrite|fix|debug|implement|design|provide|solve|"
    "check|review|edit|correct|complete|notify|remind|let|help|teach|send|answer|define|compare"
)
TASK_START = re.compile(rf"^\s*(?:please\s+)?(?:{TASK_VERBS}|name)\b", re.I)
# "give me", "explain to me", "for me": the user as the receiver of a task, not the subject of a fact.
REQUEST_FOR_ME = re.compile(
    r"\b(?:give|tell|show|explain|remind|notify|let|help|teach|send|get|find|make|recommend|write|bring|"
    r"email|text)\s+(?:it\s+|this\s+|that\s+)?(?:to\s+)?me\b|\b(?:for|to)\s+me\b",
    re.I,
)
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
    prose = REQUEST_FOR_ME.sub(" ", prose)
    return bool(FIRST_PERSON.search(prose) or "❤" in prose)


def prose_outside_code(message: str) -> str:
    """The message without fenced code blocks and lines that look like code."""
    if "```" not in message and not CODE_BLOCK.search(message):
        return message
    without_fences = FENCED_CODE.sub(" ", message)
    lines = [line for line in without_fences.splitlines() if not CODE_BLOCK.match(line)]
    return "\n".join(lines)
