"""Settings: defaults, provider choice, validation, and secrets kept out of repr."""

from __future__ import annotations

import pytest

from config import ConfigError, load_settings


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
