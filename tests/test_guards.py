"""The privacy gate and the cost gate, as functions: secrets, field names, consent per fact."""

from __future__ import annotations

import pytest

from domain import FieldEvent
from guards import (
    admit_events,
    consented_clauses,
    find_secrets,
    might_hold_personal_fact,
    redact,
    screen_events,
    secret_field_kind,
)

VISA_TEST = "4111 1111 1111 1111"  # a Luhn-valid test number
GITHUB_PAT = "github_pat_11BCDEF0123456789abcdef_ghijklmnopqrstuvwxyz0123"  # the fine-grained shape, made up


@pytest.mark.parametrize(
    ("text", "kind", "secret"),
    [
        (f"my card is {VISA_TEST}", "card_number", VISA_TEST),
        ("card 5500-0000-0000-0004 exp 12/27", "card_number", "5500-0000-0000-0004"),
        # cards written with dots
        ("you can charge 5555.5555.5555.4444 for the trip", "card_number", "5555.5555.5555.4444"),
        ("my SSN is 123-45-6789", "government_id", "123-45-6789"),
        # spaced and dotted SSNs are redacted whole
        ("the form wants 234 56 7890 on line two", "government_id", "234 56 7890"),
        ("ssn 345.67.8901", "government_id", "345.67.8901"),
        ("IBAN: GB82 WEST 1234 5698 7654 32", "iban", "GB82 WEST 1234 5698 7654 32"),
        ("pay to DE89370400440532013000 please", "iban", "DE89370400440532013000"),
        # lower-case IBANs, grouped or not
        ("my salary goes to nl91abna0417164300 each month", "iban", "nl91abna0417164300"),
        ("ch93 0076 2011 6238 5295 7 is where I bank", "iban", "ch93 0076 2011 6238 5295 7"),
        ("my password is hunter2!", "password", "hunter2!"),
        ("PIN: 4821", "password", "4821"),
        # the password forms the gate used to miss
        ("fyi my pw is Mango#77", "password", "Mango#77"),
        ("my pass: river-stone-12", "password", "river-stone-12"),
        ("the password's Lantern9, don't tell", "password", "Lantern9"),
        ("password is: purple elephant sings loudly", "password", "purple elephant sings loudly"),
        ("pin number 7315", "password", "7315"),
        ("I adore my password marzipan5", "password", "marzipan5"),
        ("mein Passwort ist Regenbogen8", "password", "Regenbogen8"),
        ("mi contraseña es luna-roja-3", "password", "luna-roja-3"),
        ("mon mot de passe est fromage99", "password", "fromage99"),
        ("my driver's license number is K402-118-77-903", "government_id", "K402-118-77-903"),
        ("passport no. 533380006", "government_id", "533380006"),
        ("the api key = abcd1234efgh", "api_token", "abcd1234efgh"),
        ("use sk-proj-abcdefghijklmnopqrstuvwx for it", "api_token", "sk-proj-abcdefghijklmnopqrstuvwx"),
        ("AKIAIOSFODNN7EXAMPLE is our key id", "api_token", "AKIAIOSFODNN7EXAMPLE"),
        ("token ghp_abcdefghijklmnopqrstuvwxyz0123456789", "api_token", "ghp_abcdefghijklmnopqrstuvwxyz0123456789"),
        # fine-grained GitHub tokens and Stripe keys
        (f"I adore {GITHUB_PAT}", "api_token", GITHUB_PAT),
        ("deploy with sk_test_9aQ2bR7cS1dT6eU3fV8gW4hX", "api_token", "sk_test_9aQ2bR7cS1dT6eU3fV8gW4hX"),
        ("rk_live_7Hq2Lm9Np4Rs8Tv1Wx6Yz3Ab is the restricted one", "api_token", "rk_live_7Hq2Lm9Np4Rs8Tv1Wx6Yz3Ab"),
        ("my login is jane.doe@example.com", "login_credential", "jane.doe@example.com"),
        ("sign in with +44 20 7946 0958", "login_credential", "+44 20 7946 0958"),
    ],
)  # fmt: skip
def test_detects_secrets_and_redacts_them_whole(text: str, kind: str, secret: str) -> None:
    assert kind in {f.kind for f in find_secrets(text)}, text
    redacted = redact(text)
    assert "[redacted]" in redacted
    for piece in secret.replace(".", " ").replace("-", " ").split():
        if len(piece) >= 3:
            assert piece not in redacted, (text, redacted)


@pytest.mark.parametrize(
    "text",
    [
        "4111 1111 1111 1112",  # fails Luhn
        "I was born in 1987 and have 3 kids",
        "call me at lunch, my email is for friends only",
        "I love Python 3.12 and my order number 12345",
        "GB82 is a nice number",
        "I live at 221B Baker Street",
        "my password manager is great",
        "my password is too short, I need a new one",
        "the combination of salt and chocolate is my weakness",
        "I keep a pin collection from every city",
        "my bus pass is green",
        "I renewed my passport last spring",
        "I counted 1 2 3 4 5 6 7 8 9 1 0 1 1 sheep",
        "version 10.4.22.1 of the app",
        "I own a 2019 Subaru and ran 12.5 km",
    ],
)
def test_leaves_ordinary_text_alone(text: str) -> None:
    assert find_secrets(text) == [], text
    assert redact(text) == text


def test_redact_replaces_only_the_secret() -> None:
    assert redact(f"I'm Ana, card {VISA_TEST}, password: s3cr3t") == "I'm Ana, card [redacted], password: [redacted]"


def event(field: str, value: object, kind: str = "ADD") -> FieldEvent:
    return FieldEvent(field=field, value=value, event=kind)  # type: ignore[arg-type]


def test_screen_drops_secrets_and_sensitive_without_consent() -> None:
    events = [
        event("name", "Ana"),
        event("card_number", VISA_TEST),
        event("notes", ["my pin is 1234"]),
        event("health", "diabetic"),
        event("likes", ["church choir"]),
        event("likes", ["tea"], "REMOVE"),
    ]
    kept, dropped = screen_events(events, "whatever the user said")
    assert [(e.field, e.value) for e in kept] == [("name", "Ana"), ("likes", ["tea"])]
    assert len(dropped) == 4
    assert all("1234" not in reason and "4111" not in reason for reason in dropped)


@pytest.mark.parametrize(
    ("field", "kind"),
    [
        ("password", "password"),
        ("wifi_pw", "password"),
        ("bank_password", "password"),
        ("github_token", "api_token"),
        ("api_key", "api_token"),
        ("payment_card", "card_number"),
        ("card", "card_number"),
        ("card_5105105105105100", "card_number"),
        ("ssn", "government_id"),
        ("drivers_license", "government_id"),
        ("passport_number", "government_id"),
        ("iban", "iban"),
        ("account_number", "bank_account"),
    ],
)
def test_fields_named_like_a_secret_are_dropped(field: str, kind: str) -> None:
    assert secret_field_kind(field) == kind
    kept, dropped = screen_events([event(field, "anything at all")], "")
    assert kept == []
    assert dropped == [f"a field named like a secret ({_words(kind)}): secrets and identifiers are never stored"]
    assert all(char not in dropped[0] for char in "0123456789")


def _words(kind: str) -> str:
    from secrets_detect import KIND_WORDS

    return KIND_WORDS[kind]


@pytest.mark.parametrize(
    "field", ["favorite_card_game", "pin_collection", "secret_talent", "passport_country", "keyboard", "hometown"]
)
def test_ordinary_fields_with_secret_like_words_pass(field: str) -> None:
    assert secret_field_kind(field) is None
    kept, dropped = screen_events([event(field, "bridge")], "")
    assert [e.field for e in kept] == [field] and dropped == []


# -- consent: an explicit request to remember that very fact ----------------------------------


@pytest.mark.parametrize(
    ("message", "clauses"),
    [
        ("Please remember that I have asthma.", ["I have asthma"]),
        ("Note: I'm a Sikh and I cook every Sunday", ["I'm a Sikh and I cook every Sunday"]),
        ("save this: my blood pressure runs high", ["my blood pressure runs high"]),
        ("Could you keep in mind that I'm lactose intolerant?", ["I'm lactose intolerant"]),
        ("I'm a lesbian, please remember that.", ["I'm a lesbian"]),
        ("I take insulin. Remember that!", ["I take insulin"]),
        ("Don't forget I'm allergic to shellfish", ["I'm allergic to shellfish"]),
        # a consent verb inside a statement is not a request
        ("I have asthma and I sell shoes at a store in town", []),
        ("I'm a Buddhist and I save coupons", []),
        ("I can never remember names, my dyslexia again", []),
        ("I note everything because of my anxiety", []),
        ("Do you remember that I'm Catholic?", []),
        ("Remember when I had surgery last year?", []),
        ("please remember to water the plants, I'm diabetic", []),
        ("Please don't remember that I'm gay", []),
    ],
)
def test_consented_clauses(message: str, clauses: list[str]) -> None:
    assert consented_clauses(message) == clauses


def test_consent_counts_per_fact_not_per_message() -> None:
    message = "Please remember that I have asthma. I'm also bipolar."
    kept, dropped = screen_events([event("health", ["asthma", "bipolar disorder"])], message)
    assert [(e.field, e.value) for e in kept] == [("health", ["asthma"])]
    assert dropped == [
        "health: something sensitive (health information); it is kept only when you ask to remember that very "
        'fact, e.g. "remember that …"'
    ]


def test_consent_follows_the_words_not_the_spelling() -> None:
    kept, dropped = screen_events([event("health", "type 1 diabetes")], "Please remember that I'm diabetic.")
    assert [e.value for e in kept] == ["type 1 diabetes"] and dropped == []


def test_a_sensitive_field_needs_its_value_in_the_request() -> None:
    asked = "remember that my medical condition is Crohn's"
    kept, _ = screen_events([event("medical_condition", "Crohn's")], asked)
    assert [e.value for e in kept] == ["Crohn's"]
    kept, dropped = screen_events([event("medical_condition", "Crohn's")], "I love soup, remember that")
    assert kept == [] and len(dropped) == 1


@pytest.mark.parametrize(
    "message",
    [
        "I have epilepsy-like seizures and I run a store by the harbour",  # no request at all
        "I'm Jewish and I save receipts for taxes",
        "I keep forgetting things, I remember little since my ADHD diagnosis",
    ],
)
def test_statements_with_consent_words_do_not_store_special_categories(message: str) -> None:
    events = [event("health", ["epilepsy", "ADHD"]), event("religion", ["Jewish"])]
    kept, dropped = screen_events(events, message)
    assert kept == [] and len(dropped) == 2


def test_sensitive_is_kept_when_the_user_asks() -> None:
    kept, dropped = screen_events([event("health", "diabetic")], "Please remember that I'm diabetic.")
    assert [e.value for e in kept] == ["diabetic"] and dropped == []
    kept, _ = screen_events([event("card", VISA_TEST)], f"remember my card {VISA_TEST}")
    assert kept == []  # consent never covers a secret


def test_admit_events_reports_what_was_cut_from_the_message() -> None:
    kept, reasons = admit_events([event("name", "Ana")], message="I'm Ana, my pw is Tulip#2024")
    assert [e.field for e in kept] == ["name"]
    assert reasons == [
        "something sensitive in the message (a password or PIN) was cut out before it was read; "
        "secrets and identifiers are never stored"
    ]


def test_admit_events_without_a_message_refuses_special_categories() -> None:
    kept, reasons = admit_events([event("health", "asthma")], message=None, source="import")
    assert kept == [] and len(reasons) == 1


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("I love hiking", True),
        ("My name is Bo", True),
        ("call me Jo", True),
        ("Find the four smallest perfect numbers.", False),
        ("https://example.com/page", False),
        ("thanks!", False),
        ("Hello there", False),
        ("```python\nprint('I am here')\n```", False),
        ("```python\nx = 1\n```\nI wrote this, I'm a beginner", True),
        ("Give me a cooking recipe for the following food.\n\nI love kimchi", False),
        ("Explain to me why the sky is blue.", False),
        ("Tell me about jazz, I love it", True),
        ("Explain this to me: I'm a nurse and shifts confuse me", True),
    ],
)
def test_cost_gate(message: str, expected: bool) -> None:
    assert might_hold_personal_fact(message) is expected
