"""The secret detectors on our labelled corpus (bench/secrets_corpus.jsonl), and their vocabulary table.

The corpus holds public test cases (detect-secrets' plugin tests, python-stdnum's doctests,
payment processors' test cards) and our own phrasings, with negatives that must pass untouched.
bench/secrets_report.py prints the same figures beside the libraries'.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from secrets_detect import KIND_WORDS, LABEL_HEADS, find_secrets, redact

CORPUS = Path(__file__).resolve().parents[1] / "bench" / "secrets_corpus.jsonl"
ROWS = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]


def _fully_redacted(text: str, secret: str) -> bool:
    kept = redact(text)
    return not any(piece in kept for piece in re.split(r"[\s.:/-]+", secret) if len(piece) >= 3)


def test_corpus_is_large_labelled_and_sourced() -> None:
    assert len(ROWS) >= 200
    assert all(set(row) == {"text", "label", "secret", "source"} and row["source"] for row in ROWS)
    assert {row["label"] for row in ROWS} <= set(KIND_WORDS) | {"none"}
    assert all(row["secret"] in row["text"] for row in ROWS if row["label"] != "none")
    assert sum(row["label"] == "none" for row in ROWS) >= 50


def test_catch_rate_on_the_corpus() -> None:
    positives = [row for row in ROWS if row["label"] != "none"]
    caught = [row for row in positives if find_secrets(row["text"]) and _fully_redacted(row["text"], row["secret"])]
    missed = [row["text"] for row in positives if row not in caught]
    assert len(caught) / len(positives) >= 0.98, missed


@pytest.mark.parametrize("text", [row["text"] for row in ROWS if row["label"] == "none"])
def test_every_negative_passes(text: str) -> None:
    assert find_secrets(text) == []
    assert redact(text) == text


# One phrase per label of the vocabulary: each is found only if its first word is in
# LABEL_HEADS, so a label added to the patterns but not to the heads fails here.
LABELS = """
password|passwords|password's|passwd|pwd|passcode|passphrase|pass phrase|passwort|kennwort|mot de passe|contraseña|
contrasena|senha|wachtwoord|lösenord|losenord|passord|adgangskode|kodeord|salasana|hasło|haslo|parola|heslo|jelszó|
şifre|пароль|密码|パスワード|비밀번호|kata sandi|my pw|the pass|wifi pw|mother's maiden name|security answer|
recovery phrase|seed phrase|pin|pin code|pin-code|code pin|cvv|cvc2|security code|otp|one-time code|verification code|
2fa code|backup codes|recovery codes|unlock code|door code|alarm code|gate code|garage code|lock code|locker code|
safe code|combination|api key|api_key|apikey|secret key|client secret|access token|access_key|auth token|
refresh token|bearer token|token|private key|ssh key|license key|licence key|social security number|ssn|
social insurance number|sin|national id|national insurance number|nin|nino|passport number|driver's license|
drivers licence|driving licence number|license number|dl number|tax id|tin|itin|nif|id number|identity card number|
personnummer|bsn|dni|nie|codice fiscale|cpf|aadhaar|pan number|medicare number|nhs number|health insurance number|
personalausweis|ausweisnummer|steuer-id|account number|bank account number|acct no|routing number|sort code|
access_token|api_keys|apikeys|auth_token|cvc|cvv2|jelszo|sifre|mothers maiden name|passcodes|passphrases|
personalausweisnummer|tokens
"""


@pytest.mark.parametrize("label", [label.strip() for label in LABELS.replace("\n", "").split("|")])
def test_every_label_is_reachable(label: str) -> None:
    findings = find_secrets(f"{label} is 77Zq-4410-9x")
    assert findings and findings[-1].end == len(f"{label} is 77Zq-4410-9x"), label


def test_every_head_opens_a_label() -> None:
    """No dead entries: each head word is the first word of a label above ("pw" follows "my")."""
    firsts = {re.match(r"\w+", label.strip().lower()).group(0) for label in LABELS.replace("\n", "").split("|")}  # type: ignore[union-attr]
    assert LABEL_HEADS - firsts == {"pw"}
    assert all(head == head.lower() for head in LABEL_HEADS)
