"""Settings: defaults, provider choice, validation, and secrets kept out of repr."""

from __future__ import annotations

import pytest

from config import ConfigError, describe_choice, load_settings, merge_environment


def test_defaults_are_embedded_and_rules() -> None:
    settings = load_settings({})
    assert settings.uses_embedded_database
    assert settings.embedded_data_dir.name == "postgres"
    assert settings.extractor_kind == "rules"
    assert settings.llm_timeout_s == 30 and settings.openai_model == "gpt-4o-mini"
    assert settings.postgres_port == 5432 and settings.postgres_db == "personalmem"


@pytest.mark.parametrize(
    ("env", "kind"),
    [
        ({"OPENAI_API_KEY": "sk"}, "openai"),
        ({"AZURE_OPENAI_API_KEY": "k", "AZURE_OPENAI_ENDPOINT": "https://x"}, "azure"),
        ({"AZURE_OPENAI_API_KEY": "k", "AZURE_OPENAI_ENDPOINT": "https://x", "OPENAI_API_KEY": "sk"}, "azure"),
        ({"AZURE_OPENAI_API_KEY": "k"}, "rules"),
        ({"OPENAI_API_KEY": "sk", "LLM_PROVIDER": "rules"}, "rules"),
        (
            {
                "OPENAI_API_KEY": "sk",
                "AZURE_OPENAI_API_KEY": "k",
                "AZURE_OPENAI_ENDPOINT": "https://x",
                "LLM_PROVIDER": "openai",
            },
            "openai",
        ),
    ],
)
def test_extractor_choice(env: dict[str, str], kind: str) -> None:
    assert load_settings(env).extractor_kind == kind


def test_forced_provider_without_key_fails_clearly() -> None:
    with pytest.raises(ConfigError, match="OPENAI_API_KEY"):
        _ = load_settings({"LLM_PROVIDER": "openai"}).extractor_kind
    with pytest.raises(ConfigError, match="AZURE_OPENAI_ENDPOINT"):
        _ = load_settings({"LLM_PROVIDER": "azure"}).extractor_kind


@pytest.mark.parametrize(
    "env",
    [{"LLM_PROVIDER": "gemini"}, {"POSTGRES_PORT": "abc"}, {"LLM_TIMEOUT_S": "-1"}, {"MAX_MESSAGE_CHARS": "0"}],
)
def test_bad_values_are_rejected(env: dict[str, str]) -> None:
    with pytest.raises(ConfigError):
        load_settings(env)


def test_secrets_are_not_in_repr() -> None:
    settings = load_settings(
        {
            "OPENAI_API_KEY": "sk-secret-1",
            "AZURE_OPENAI_API_KEY": "az-secret-2",
            "POSTGRES_PASSWORD": "pw-secret-3",
            "DATABASE_URL": "postgresql://u:pw-secret-4@h/db",
        }
    )
    text = repr(settings)
    for secret in ("sk-secret-1", "az-secret-2", "pw-secret-3", "pw-secret-4"):
        assert secret not in text


@pytest.mark.parametrize(
    ("dotenv", "environ", "wanted"),
    [
        # An exported POSTGRES_HOST beats a DATABASE_URL left in .env.
        ({"DATABASE_URL": "postgresql://dotenv/db"}, {"POSTGRES_HOST": "exported"}, "PostgreSQL at exported:5432"),
        # An exported DATABASE_URL beats .env's POSTGRES_HOST, as before.
        ({"POSTGRES_HOST": "dotenv"}, {"DATABASE_URL": "postgresql://u@exported/db"}, "named by DATABASE_URL"),
        # Only .env: its DATABASE_URL wins over its own POSTGRES_HOST.
        ({"DATABASE_URL": "postgresql://dotenv/db", "POSTGRES_HOST": "dotenv"}, {}, "named by DATABASE_URL"),
        # Nothing exported about the database: .env's choice holds, other exported settings merge in.
        ({"POSTGRES_HOST": "dotenv"}, {"POSTGRES_PORT": "6543"}, "PostgreSQL at dotenv:6543"),
        ({}, {}, "embedded PostgreSQL"),
    ],
)
def test_an_exported_database_choice_wins_over_dotenv(dotenv: dict, environ: dict, wanted: str) -> None:
    assert wanted in describe_choice(load_settings(merge_environment(dotenv, environ)))


def test_an_exported_llm_choice_wins_over_dotenv() -> None:
    dotenv = {"AZURE_OPENAI_API_KEY": "k", "AZURE_OPENAI_ENDPOINT": "https://x", "OPENAI_MODEL": "m1"}
    settings = load_settings(merge_environment(dotenv, {"OPENAI_API_KEY": "sk"}))
    assert settings.extractor_kind == "openai" and settings.openai_model == "m1"
    forced = load_settings(merge_environment({"OPENAI_API_KEY": "sk"}, {"LLM_PROVIDER": "rules"}))
    assert forced.extractor_kind == "rules"


def test_the_choice_is_described_without_secrets() -> None:
    text = describe_choice(load_settings({"DATABASE_URL": "postgresql://u:pw-secret@h/db", "OPENAI_API_KEY": "sk-x"}))
    assert text == "Using the PostgreSQL named by DATABASE_URL and OpenAI-compatible gpt-4o-mini."
