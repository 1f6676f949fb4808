"""Secrets and sensitive identifiers in free text: the detectors behind the privacy gate.

Each detector is a row with a name, the kind of secret it finds, a regex, the cheap
substrings one of which must occur before the regex runs, and an optional validator
(presidio's recognizer shape). Checksums come from python-stdnum, which knows every
country's IBAN layout and the national ids' check digits; our own code only finds the
candidates. Token formats follow detect-secrets' plugins and gitleaks-style rule sets
(bench/secrets_report.py measures both libraries against this table).

Nothing here logs or returns the secret itself: callers get kinds and spans.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from stdnum import iban as stdnum_iban
from stdnum import luhn
from stdnum.br import cpf
from stdnum.es import dni
from stdnum.in_ import aadhaar
from stdnum.it import codicefiscale

from prefilter import MAX_STARTS, matches_at

REDACTED = "[redacted]"

# Kinds, with the words a reason uses (never the secret).
KIND_WORDS = {
    "card_number": "a card number",
    "government_id": "a government id number",
    "iban": "a bank account number (IBAN)",
    "bank_account": "a bank account number",
    "api_token": "an API key or token",
    "private_key": "a private key",
    "password": "a password or PIN",
    "login_credential": "a login",
}


@dataclass(frozen=True)
class Finding:
    kind: str
    start: int
    end: int


@dataclass(frozen=True)
class Detector:
    name: str
    kind: str
    pattern: re.Pattern[str]
    # Substrings, one of which must be in the text for the regex to run ("#digit": a digit;
    # "#number": a run of 8+ digits; "#long-word": a word of 24+ characters). Cheap C-level
    # tests that skip most detectors on most messages.
    needs: tuple[str, ...]
    validate: Callable[[str], bool] | None = None
    group: str | int = 0
    back: int = 0  # the match starts this many characters before the regex's own start
    opens_on_digit: bool = False  # every match of the regex starts on a digit: tried only at the digits


# -- validators ---------------------------------------------------------------------------


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _card_ok(text: str) -> bool:
    digits = _digits(text)
    if not 13 <= len(digits) <= 19 or not luhn.is_valid(digits):
        return False
    if not text.isdigit():
        return _grouped_like_a_card(text)
    # An unbroken run: one Luhn-valid number in ten passes by chance, so it must also
    # start like a card (Visa 4, Mastercard 2/5, Amex/Diners/JCB 3, Discover/UnionPay 6).
    return digits[0] in "23456"


def _grouped_like_a_card(text: str) -> bool:
    """One kind of separator, and groups of 3-6 digits (4-4-4-4, 4-6-5): not a list of small numbers."""
    if len(set(re.findall(r"\D", text))) > 1:
        return False
    groups = re.split(r"\D", text)
    return all(3 <= len(group) <= 6 for group in groups[:-1]) and 1 <= len(groups[-1]) <= 6


def _high_entropy(token: str) -> bool:
    """A random-looking word: mixed case and digits, and near-uniform characters."""
    if sum(c.isdigit() for c in token) < 2 or sum(c.isupper() for c in token) < 2:
        return False
    if sum(c.islower() for c in token) < 2:
        return False
    counts = {c: token.count(c) for c in set(token)}
    entropy = -sum(n / len(token) * math.log2(n / len(token)) for n in counts.values())
    return entropy >= 4.0


# -- patterns -----------------------------------------------------------------------------
# No pattern opens with a look-behind: the regex engine can then skip ahead to the first
# character that could start a match. Token boundaries are checked in code (_standalone).

# (needle that must be in the text, pattern): formats after detect-secrets' plugins and
# gitleaks-style rule sets; each rule runs only when its needle is there.
TOKEN_RULES: tuple[tuple[str, str], ...] = (  # needles split on "|"
    # GitHub (classic and fine-grained), GitLab, npm, PyPI, Hugging Face
    ("gh", r"gh[pousr]_[A-Za-z0-9_]{30,}"),
    ("github_pat_", r"github_pat_[A-Za-z0-9_]{22,}"),
    ("gl", r"gl(?:pat|dt|ft|soat|rt|ptt|cbt|imt|oas|agent)-[A-Za-z0-9_-]{20,}"),
    ("npm_", r"npm_[A-Za-z0-9]{30,}"),
    ("pypi-", r"pypi-AgE[A-Za-z0-9_-]{40,}"),
    ("hf_", r"hf_[A-Za-z0-9]{30,}"),
    # payment and commerce: Stripe, Square, Shopify
    ("k_", r"(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{10,}"),
    ("whsec_", r"whsec_[A-Za-z0-9]{20,}"),
    ("sq0", r"sq0(?:atp|csp|idp)-[A-Za-z0-9_\\-]{20,}"),
    ("shp", r"shp(?:at|ss|ca|pa)_[a-fA-F0-9]{32}"),
    # LLM providers: OpenAI, Anthropic and look-alikes
    ("sk-", r"sk-(?:proj-|ant-(?:api\d\d-)?|svcacct-|admin-)?[A-Za-z0-9_-]{16,}"),
    # clouds: AWS, Google, Azure storage, DigitalOcean
    ("AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA", r"A(?:KIA|SIA|GPA|IDA|ROA|NPA|NVA|IPA)[0-9A-Z]{16}"),
    ("AIza", r"AIza[0-9A-Za-z_-]{30,}"),
    ("ya29.", r"ya29\.[0-9A-Za-z_-]{20,}"),
    ("AccountKey=", r"AccountKey=[A-Za-z0-9+/=]{40,}"),
    ("_v1_", r"do[por]_v1_[a-f0-9]{64}"),
    # chat and mail: Slack, Discord, Telegram, SendGrid, Mailchimp, Twilio
    ("xox", r"xox[abposre]-[A-Za-z0-9-]{10,}"),
    ("hooks.slack.com", r"hooks\.slack\.com/services/\S+"),
    ("#long-word", r"[MNO][A-Za-z\d_-]{23,25}\.[A-Za-z\d_-]{6}\.[A-Za-z\d_-]{27,}"),
    (":AA", r"(?:bot)?\d{8,10}:AA[A-Za-z0-9_-]{33}"),
    ("SG.", r"SG\.[\w-]{20,24}\.[\w-]{39,50}"),
    ("-us", r"[0-9a-f]{32}-us\d{1,2}"),
    ("AC|SK", r"(?:AC|SK)[0-9a-z]{32}"),
    # JSON web tokens, bearer tokens, npm's .npmrc auth
    ("eyJ", r"eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}(?:\.[A-Za-z0-9_-]*)?"),
    ("earer", r"[Bb]earer\s+[A-Za-z0-9._~+/-]{20,}=*"),
    (":_auth", r":_auth(?:Token)?=\s*[^\s$]\S*"),
)
# Credentials in a URL: postgres://user:password@host.
URL_CREDENTIALS = re.compile(r"://[^\s:/@]{1,64}:(?P<value>[^\s:/@]{1,64})@[\w.-]+")

# A long random-looking word with no known prefix ("I love a8Fk…"): an unknown provider's key.
RANDOM_WORD = re.compile(r"[A-Za-z0-9_+-]{24,200}")

PRIVATE_KEY = re.compile(
    r"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----(?:.{0,8000}?-----END [A-Z0-9 ]*-----)?|"
    r"PuTTY-User-Key-File-\d: \S+",
    re.S,
)

# Cards: 13-19 digits, grouped by spaces, dashes or dots (one kind per number).
CARD = re.compile(r"\d(?:[ .-]?\d){12,18}(?![\w-]|[.,]\d)")
# US SSN 123-45-6789, 123 45 6789, 123.45.6789: the whole number, whatever the separator.
SSN = re.compile(r"\d\d\d(?<=(?!000|666|9\d\d)\d{3})([- .])(?!00)\d{2}\1(?!0000)\d{4}(?![\w-]|\.\d)")
# IBAN: country, check digits, then up to 30 letters and digits, grouped or not, any case.
# The exact length is the country's own, read off by python-stdnum below.
IBAN_CANDIDATE = re.compile(r"\d\d(?<=[A-Za-z]{2}\d\d)(?:[ ]?[A-Za-z0-9]){11,32}")
# National ids with a check digit, in their printed shape: Brazil's CPF, India's Aadhaar,
# Spain's DNI, Italy's codice fiscale (found from its digits, then read back six letters).
CPF = re.compile(r"\d{3}\.\d{3}\.\d{3}-\d{2}(?![\w-])")
AADHAAR = re.compile(r"[2-9]\d{3} \d{4} \d{4}(?![\w-]| \d)")
DNI = re.compile(r"\d{8}-?[A-Za-z](?![\w-])")
CODICE_FISCALE = re.compile(r"\d\d(?<=[A-Za-z]{6}\d\d)[A-Za-z]\d\d[A-Za-z]\d{3}[A-Za-z](?!\w)")

# -- secrets stated in words: "my password is …", "PIN 4821", "passport no. X123…" ----------

PASSWORD_WORDS = (
    r"passwords?|password'?s|passwd|pwd|passcodes?|pass\s?phrases?|passwort|kennwort|mot\s+de\s+passe|"
    r"contrase(?:ñ|n)a|senha|wachtwoord|l(?:ö|o)senord|passord|adgangskode|kodeord|salasana|has(?:ł|l)o|"
    r"parola|heslo|jelsz(?:ó|o)|(?:ş|s)ifre|пароль|密码|パスワード|비밀번호|kata\s+sandi|"
    # "pw" and "pass" alone are too common ("bus pass"): only after a possessive
    r"(?<=my\s)(?:pw|pass)|(?<=the\s)(?:pw|pass)|(?<=our\s)(?:pw|pass)|(?<=wifi\s)(?:pw|pass)|"
    r"mother'?s\s+maiden\s+name|security\s+(?:answer|question\s+answer)|recovery\s+phrase|seed\s+phrase"
)
PIN_WORDS = (
    r"pin(?:\s*(?:code|number|no\.?))?|pin-code|code\s+pin|cvv2?|cvc2?|security\s+code|otp|"
    r"one[- ]time\s+(?:code|password)|verification\s+code|2fa\s+code|backup\s+codes?|recovery\s+codes?|"
    r"unlock\s+code|(?:door|alarm|gate|garage|lock|locker|safe)\s+code|combination"
)
TOKEN_WORDS = (
    r"api[\s_-]?keys?|secret(?:\s+key)?|client\s+secret|access[\s_-]?(?:token|key)|auth[\s_-]?token|"
    r"refresh\s+token|bearer\s+token|tokens?|private\s+key|ssh\s+key|license\s+key|licence\s+key"
)
ID_WORDS = (
    r"social\s+security(?:\s+(?:number|no\.?|#))?|ssn|social\s+insurance\s+number|sin|"
    r"national\s+(?:id|identity|insurance)(?:\s+(?:number|no\.?|card\s+number))?|nin|nino|"
    r"passport(?:\s+(?:number|no\.?|#|num))?|"
    r"driver'?s'?\s+licen[cs]e(?:\s+(?:number|no\.?|#|num))?|driving\s+licen[cs]e(?:\s+(?:number|no\.?))?|"
    r"licen[cs]e\s+(?:number|no\.?)|dl\s*(?:#|number|no\.?)|"
    r"tax\s+(?:id|identification\s+number|file\s+number|number)|tin|itin|nif|"
    r"(?:id|identity)\s+(?:card\s+)?(?:number|no\.?)|personnummer|bsn|dni|nie|codice\s+fiscale|cpf|aadhaar|"
    r"pan\s+(?:card|number)|medicare\s+number|nhs\s+number|health\s+insurance\s+number|"
    r"personalausweis(?:nummer)?|ausweisnummer|steuer-?id"
)
BANK_WORDS = r"(?:bank\s+)?account\s+(?:number|no\.?|#)|acct\s*(?:#|no\.?|number)|routing\s+number|sort\s+code"

LABEL_KINDS = (
    ("password", PASSWORD_WORDS),
    ("pin", PIN_WORDS),
    ("api_token", TOKEN_WORDS),
    ("government_id", ID_WORDS),
    ("bank_account", BANK_WORDS),
)
OUTPUT_KIND = {"pin": "password"}
LABEL = re.compile(
    # ASCII boundaries only: "我的密码" has no space before its label
    r"(?<![A-Za-z0-9_-])(?:"
    + "|".join(f"(?P<{kind}_{i}>{words})" for i, (kind, words) in enumerate(LABEL_KINDS))
    + r")(?![A-Za-z0-9_])",
    re.I,
)
# What may stand between a label and its value: "for gmail", "on my laptop", "of my bank card".
QUALIFIER = (
    r"(?:\s+(?:for|to|on|of|at|in)\s+(?:my\s+|the\s+|our\s+)?[\w.@'-]{1,30}"
    r"(?:\s+(?:card|account|app|phone|laptop))?){0,2}"
)
CONNECTOR = (
    r"\s*(?:(?:ist|is|was|are|were|est|es|är|er|jest|je|to|é|è|lautet|will\s+be|has\s+been)(?!\w)\s*:?"
    r"|=>?|->|:|：|'s(?!\w)|’s(?!\w)|-|是|は|는|은)\s*"
)
# A value after a connector runs to the end of its clause: passphrases have spaces.
CLAUSE_VALUE = (
    r"(?P<value>[\"'“‘][^\"'”’\n]{1,100}[\"'”’]|"
    r"[^\s,;][^\n,;]{0,99}?(?=\s+(?:and|but|so|because|or)\s+(?:i|i'm|my|me|we)\b|[,;\n]|[.!?]+(?:\s|$)|$))"
)
STATED = re.compile(r"(?P<label>" + LABEL.pattern + r")" + QUALIFIER + CONNECTOR + CLAUSE_VALUE, re.I)
# With no connector ("I love my password hunter2", "pin code 4821"), the next word is the
# value only when it looks like one: it holds a digit or a symbol.
DIRECT = re.compile(
    r"(?P<label>" + LABEL.pattern + r")\s+(?P<value>(?=[^\s,;]*[\d@#$%^&*!?_+=~])[^\s,;]{3,64}?)(?=[.!?]*(?:[\s,;]|$))",
    re.I,
)
# Words after "my password is" that describe it instead of giving it.
NOT_A_VALUE = re.compile(
    r"(?:not|too|very|so|really|quite|weak|strong|secure|safe|long|short|expired|wrong|incorrect|invalid|"
    r"required|needed|case[- ]sensitive|changed|reset|stored|saved|encrypted|hashed|the\s+same|same|different|"
    r"empty|blank|set|forgotten|lost|stolen|compromised|leaked|hard|easy|simple|complicated|something|what|"
    r"a\s+secret|secret|private|confidential|in|on|at|for|of|from|with|about|under|like|one|mine|yours|"
    # the same descriptions open with an article in other languages: "das Passwort ist ein Wort"
    r"ein|eine|un|une|una|um|uma|een|ett|"
    r"(?:\d+|eight|ten|twelve)\s+(?:characters?|chars|digits|letters|words)\s+long)(?:\W|$)",
    re.I,
)
# The first word of every label above, lower-cased: STATED and DIRECT are tried only where
# one stands (a scan for them over every position cost ~6 ms per 4 KB). Labels in other
# scripts are found by substring. tests/test_secrets_detect.py checks every label is reachable.
LABEL_HEADS = frozenset(
    """
    password passwords passwd pwd pw pass passcode passcodes passphrase passphrases passwort kennwort mot
    contraseña contrasena senha wachtwoord lösenord losenord passord adgangskode kodeord salasana hasło haslo
    parola heslo jelszó jelszo şifre sifre kata mother mothers security recovery seed
    pin cvv cvv2 cvc cvc2 otp one verification 2fa backup unlock door alarm gate garage lock locker safe
    combination code
    api apikey apikeys api_key api_keys secret client access access_token access_key auth auth_token refresh
    bearer token tokens private ssh license licence
    social ssn sin nin nino national passport driver drivers driving dl tax tin itin id identity personnummer
    bsn dni nie nif codice cpf aadhaar pan medicare nhs health personalausweis personalausweisnummer
    ausweisnummer steuer
    bank account acct routing sort
    """.split()
)
SCRIPT_LABELS = ("пароль", "密码", "パスワード", "비밀번호")
HEAD_WORD = re.compile(r"\w+")
# On ASCII text \w is [A-Za-z0-9_]: every other character turned into a space, str.split finds
# HEAD_WORD's words ~4x faster than the regex does.
NON_WORD_TO_SPACE = str.maketrans({chr(c): " " for c in range(128) if not re.fullmatch(r"\w", chr(c))})


def _head_words(text: str) -> list[str]:
    """HEAD_WORD.findall(text)."""
    if len(text) > 100 and text.isascii():  # (on a few words, the regex is the faster)
        return text.translate(NON_WORD_TO_SPACE).split()
    return HEAD_WORD.findall(text)


LOGIN_CONTACT = re.compile(
    r"(?:log\s*in|sign\s*in|user\s*name)\b[^.\n]{0,30}?(?P<value>[\w.+-]+@[\w-]+\.[\w.-]+|\+?\d[\d ()-]{7,}\d)",
    re.I,
)

DETECTORS: tuple[Detector, ...] = (
    Detector("private key block", "private_key", PRIVATE_KEY, ("PRIVATE KEY", "PuTTY")),
    *(
        Detector("token with a known prefix", "api_token", re.compile(rule), tuple(needles.split("|")))
        for needles, rule in TOKEN_RULES
    ),
    Detector("credentials in a URL", "login_credential", URL_CREDENTIALS, ("://",), group="value"),
    Detector("random-looking word", "api_token", RANDOM_WORD, ("#long-word",), _high_entropy),
    Detector("card number (Luhn)", "card_number", CARD, ("#number",), _card_ok),
    Detector("US social security number", "government_id", SSN, ("#number",)),
    Detector("Brazil CPF", "government_id", CPF, ("#number",), cpf.is_valid),
    Detector("India Aadhaar", "government_id", AADHAAR, ("#number",), aadhaar.is_valid),
    Detector("Spain DNI", "government_id", DNI, ("#number",), dni.is_valid),
    Detector("Italy codice fiscale", "government_id", CODICE_FISCALE, ("#digit",), codicefiscale.is_valid, back=6,
             opens_on_digit=True),
    Detector(
        "login", "login_credential", LOGIN_CONTACT, ("ogin", "OGIN", "og in", "ign in", "ser", "SER"), group="value"
    ),
)

# Every plain needle, tested once per text; a detector runs when one of its needs is present.
NEEDLES = frozenset(need for detector in DETECTORS for need in detector.needs if not need.startswith("#"))
# Chat letters by how common they are (rarest last): each needle is filed under its rarest
# character, and a group is searched only when that character is in the text. A one-character
# `in` is a memchr, far cheaper than a needle's search over 4 KB, and most texts hold no "_",
# ":", "=", digit or capital other than "I": ~10 of the 42 needles are searched instead of all.
_COMMON_FIRST = " etaoinsrhldcumfpgwybvkI.,'xjqz"


def _gate(needle: str) -> str:
    """The needle's rarest character (any character outside _COMMON_FIRST counts as rarest)."""
    return max(needle, key=lambda char: (_COMMON_FIRST.find(char) % (len(_COMMON_FIRST) + 1), char))


NEEDLES_BY_GATE: tuple[tuple[str, tuple[str, ...]], ...] = tuple(
    (gate, tuple(sorted(n for n in NEEDLES if _gate(n) == gate))) for gate in sorted({_gate(n) for n in NEEDLES})
)


def needles_in(text: str) -> set[str]:
    """{needle for needle in NEEDLES if needle in text}, a group searched only when its gate is in the text."""
    return {needle for gate, group in NEEDLES_BY_GATE if gate in text for needle in group if needle in text}
DIGIT = re.compile(r"\d")
# Eight digits or more, singly separated: every card, SSN, national id and IBAN has such a run.
LONG_NUMBER = re.compile(r"\d(?:[ .-]?\d){7}")
LONG_NUMBER_DIGITS = 8
DIGIT_STARTS_MIN_CHARS = 256


def _digit_starts(text: str) -> list[int] | None:
    """Where the digits of an ASCII text stand (\\d is [0-9] there), ascending, found with
    str.find (a C scan per digit: ~3 µs over 4 KB, where a \\d regex scan costs ~30 µs); None for
    other text, for a short text (where the scan is as cheap as ten finds), or when there are
    more than MAX_STARTS of them (then a scan costs less)."""
    if len(text) < DIGIT_STARTS_MIN_CHARS or not text.isascii():
        return None
    starts: list[int] = []
    for digit in "0123456789":
        at = text.find(digit)
        while at >= 0:
            if len(starts) == MAX_STARTS:
                return None
            starts.append(at)
            at = text.find(digit, at + 1)
    starts.sort()
    return starts


def _standalone(text: str, start: int, end: int) -> bool:
    """Not glued to a word on either side ("x4111…" or "…1111y" are not numbers of their own)."""
    return (start == 0 or not (text[start - 1].isalnum() or text[start - 1] in "_.,-")) and (
        end == len(text) or not (text[end].isalnum() or text[end] == "_")
    )


def _ibans(text: str) -> list[Finding]:
    """IBANs in any case, grouped or not, each checked by python-stdnum (country layout and mod 97)."""
    found = []
    for match in IBAN_CANDIDATE.finditer(text):
        start = match.start() - 2
        if start > 0 and text[start - 1].isalnum():
            continue
        chars = [(c, start + i) for i, c in enumerate(text[start : match.end()]) if c != " "]
        compact = "".join(c for c, _ in chars).upper()
        for length in range(min(len(compact), 34), 14, -1):
            end = chars[length - 1][1] + 1
            if (end == len(text) or not text[end].isalnum()) and stdnum_iban.is_valid(compact[:length]):
                found.append(Finding("iban", start, end))
                break
    return found


def _label_kind(match: re.Match[str]) -> str:
    name = next(key for key, value in match.groupdict().items() if value and key[-1].isdigit())
    return name.rsplit("_", 1)[0]


def _value_ok(kind: str, value: str, *, described: bool) -> bool:
    """Does the text after a label give a secret of that kind, not a word about it?"""
    quoted = value[:1] in "\"'“‘"
    digits = len(_digits(value))
    if kind == "pin":
        return digits >= 3  # codes and PINs are digits: "the combination is perfect" is not one
    if kind in {"government_id", "bank_account"}:
        return digits >= 4  # ids are numbers: "my passport is expired" is not one
    if kind == "api_token":
        word = value.strip("\"'“”‘’")
        return (quoted or " " not in word) and len(word) >= 6 and (digits > 0 or not (word.islower() or word.isupper()))
    return quoted or not (described and NOT_A_VALUE.match(value))


def _label_starts(text: str) -> list[int]:
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters change length when lower-cased
        heads = LABEL_HEADS.intersection(HEAD_WORD.findall(lowered))
        return [m.start() for head in heads for m in re.finditer(rf"(?<!\w){re.escape(head)}(?!\w)", text, re.I)]
    starts = []
    for label in SCRIPT_LABELS:  # written without spaces around them
        if label in text:
            starts += [m.start() for m in re.finditer(re.escape(label), text)]
    for head in LABEL_HEADS.intersection(_head_words(lowered)):
        at = lowered.find(head)
        while at >= 0:
            end = at + len(head)
            before_ok = at == 0 or not (lowered[at - 1].isalnum() or lowered[at - 1] == "_")
            if before_ok and (end == len(lowered) or not (lowered[end].isalnum() or lowered[end] == "_")):
                starts.append(at)
            at = lowered.find(head, at + 1)
    return starts


def _stated(text: str) -> list[Finding]:
    found = []
    for start in _label_starts(text):
        match = STATED.match(text, start)
        if match:
            kind = _label_kind(match)
            between = text[match.end("label") : match.start("value")]
            if _value_ok(kind, match.group("value"), described=":" not in between):
                found.append(Finding(OUTPUT_KIND.get(kind, kind), match.start("value"), match.end("value")))
        match = DIRECT.match(text, start)
        if match:
            kind = _label_kind(match)
            if kind == "password" or _value_ok(kind, match.group("value"), described=False):
                found.append(Finding(OUTPUT_KIND.get(kind, kind), match.start("value"), match.end("value")))
    return found


# A message is read twice (redacted before the extractor, reported on after it). The second
# read of a long text reuses the first one's findings, keyed by a digest: no text is kept.
# A reuse is used up: a third read of the same text (or the same message sent again) reads it
# afresh, so the memo saves exactly the second read.
MEMO_MIN_CHARS = 512
_last_read: tuple[bytes, tuple[Finding, ...]] | None = None


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=32).digest()


def find_secrets(text: str) -> list[Finding]:
    """Every secret or sensitive identifier in `text`, as character spans, in order.

    Not cached by text (a cache would keep raw messages, secrets included, in memory); the
    findings of the last long text are remembered by a digest of it (see _last_read).
    """
    global _last_read
    if len(text) < MEMO_MIN_CHARS:
        return _find_secrets(text)
    digest = _digest(text)
    last = _last_read
    if last is not None and last[0] == digest:
        _last_read = None
        return list(last[1])
    findings = _find_secrets(text)
    _last_read = (digest, tuple(findings))
    return findings


def _find_secrets(text: str) -> list[Finding]:
    present = needles_in(text)
    digits = _digit_starts(text)
    if digits is None:
        if DIGIT.search(text):
            present.add("#digit")
            if LONG_NUMBER.search(text):
                present.add("#number")
    elif digits:
        present.add("#digit")
        if len(digits) >= LONG_NUMBER_DIGITS and next(matches_at(LONG_NUMBER, text, digits), None):
            present.add("#number")
    if max(map(len, text.split()), default=0) >= 24:  # a word of 24 characters or more
        present.add("#long-word")
    findings: list[Finding] = []
    for detector in DETECTORS if present else ():  # a detector runs only when one of its needs is present
        if present.isdisjoint(detector.needs):
            continue
        if detector.opens_on_digit and digits is not None:
            matches: Iterable[re.Match[str]] = matches_at(detector.pattern, text, digits)
        else:
            matches = detector.pattern.finditer(text)
        for match in matches:
            start, end = match.start(detector.group) - detector.back, match.end(detector.group)
            if detector.group == 0 and not _standalone(text, start, end):
                continue
            if detector.validate is None or detector.validate(text[start:end]):
                findings.append(Finding(detector.kind, start, end))
    if "#number" in present:
        findings += _ibans(text)
    findings += _stated(text)
    return sorted(set(findings), key=lambda f: (f.start, -f.end))


def redact(text: str) -> str:
    """The text with every secret span replaced by [redacted] (overlapping spans merged)."""
    out, last = [], 0
    for finding in find_secrets(text):
        if finding.end <= last:
            continue
        out.append(text[last : max(finding.start, last)])
        out.append(REDACTED if finding.start >= last else "")
        last = finding.end
    out.append(text[last:])
    return "".join(out)
