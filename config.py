"""Settings for PersonalMem, read once from the environment and `.env`.

`get_settings()` builds the object the first time it is asked for and caches it.
Tests build their own with `load_settings({...})`, so nothing here needs reloading.
Importing this module reads nothing and connects to nothing.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Literal
from urllib.parse import quote

from dotenv import dotenv_values

from domain import DEFAULT_HISTORY_RETENTION_DAYS, DEFAULT_MAX_MESSAGE_CHARS

PROJECT_DIR = Path(__file__).resolve().parent
# Output tokens one LLM answer may take (LLM_MAX_TOKENS). The widest realistic answer, one
# ADD for each field of a 20-field profile, is 442 tokens as compact JSON and 632 indented
# (SmolLM2's tokenizer; OpenAI's need fewer): 768 leaves room for that, and stops a model
# that loops inside a string after seconds, not at LLM_TIMEOUT_S.
DEFAULT_LLM_MAX_TOKENS = 768

ExtractorKind = Literal["rules", "openai", "azure"]


class ConfigError(ValueError):
    """A setting is missing or malformed; raised at start-up, never later."""


@dataclass(frozen=True)
class Settings:
    # Database: DATABASE_URL wins, then POSTGRES_HOST; with neither, an embedded server.
    database_url: str | None = field(default=None, repr=False)
    # A streaming replica for reads (GET memories, profile, search, context); optional.
    database_read_url: str | None = field(default=None, repr=False)
    postgres_host: str | None = None
    postgres_port: int = 5432
    postgres_db: str = "personalmem"
    postgres_user: str = "postgres"
    postgres_password: str = field(default="", repr=False)
    data_dir: Path = PROJECT_DIR / "data"
    db_pool_size: int = 4
    db_pool_timeout_s: float = 5.0
    db_connect_timeout_s: int = 5
    # A statement that runs longer ends in 503 (the server cancels it), not a hang.
    db_statement_timeout_s: float = 15.0

    # LLM: Azure, then OpenAI (or any OpenAI-compatible server), then rules.
    llm_provider: Literal["auto", "azure", "openai", "rules"] = "auto"
    azure_openai_api_key: str | None = field(default=None, repr=False)
    azure_openai_endpoint: str | None = field(default=None, repr=False)
    azure_openai_deployment: str = "gpt-4o-mini"
    azure_openai_model: str = "gpt-4o-mini"
    azure_openai_api_version: str = "2024-10-21"
    openai_api_key: str | None = field(default=None, repr=False)
    openai_model: str = "gpt-4o-mini"
    # A base URL may carry credentials (user:password@, ?api-key=): out of repr, like the keys.
    openai_base_url: str | None = field(default=None, repr=False)
    llm_timeout_s: float = 30.0
    llm_response_format: Literal["auto", "json_schema", "json_object"] = "auto"
    llm_max_tokens: int = DEFAULT_LLM_MAX_TOKENS

    log_level: str = "INFO"
    max_message_chars: int = DEFAULT_MAX_MESSAGE_CHARS
    # Access control: empty means the API is open (said once in the log at start-up).
    api_keys: tuple[str, ...] = field(default=(), repr=False)
    # Origins allowed to call the API from a browser; empty means same-origin only.
    cors_origins: tuple[str, ...] = ()
    # Per-field history (undo, "where it came from"): on by default; events older than the
    # retention are never shown, and are deleted every HISTORY_PRUNE_INTERVAL_S, for every user.
    # Off only to measure what history costs.
    history_enabled: bool = True
    history_retention_days: int = DEFAULT_HISTORY_RETENTION_DAYS
    history_prune_interval_s: float = 600.0

    @property
    def uses_embedded_database(self) -> bool:
        return not self.database_url and not self.postgres_host

    @property
    def embedded_data_dir(self) -> Path:
        return self.data_dir / "postgres"

    def external_dsn(self) -> str:
        """The libpq URL of the configured external server (not for the embedded one)."""
        if self.database_url:
            return self.database_url
        user = quote(self.postgres_user, safe="")
        password = quote(self.postgres_password, safe="")
        auth = f"{user}:{password}@" if password else f"{user}@"
        return f"postgresql://{auth}{self.postgres_host}:{self.postgres_port}/{quote(self.postgres_db, safe='')}"

    @property
    def extractor_kind(self) -> ExtractorKind:
        provider = self.llm_provider
        if provider == "auto":
            if self.azure_openai_api_key and self.azure_openai_endpoint:
                return "azure"
            if self.openai_api_key:
                return "openai"
            return "rules"
        if provider == "azure" and not (self.azure_openai_api_key and self.azure_openai_endpoint):
            raise ConfigError("LLM_PROVIDER=azure needs AZURE_OPENAI_API_KEY and AZURE_OPENAI_ENDPOINT")
        if provider == "openai" and not self.openai_api_key:
            raise ConfigError("LLM_PROVIDER=openai needs OPENAI_API_KEY")
        return provider


def _int(env: Mapping[str, str], name: str, default: int, *, minimum: int = 1) -> int:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError as exc:
        raise ConfigError(f"{name} must be a whole number, got {raw!r}") from exc
    if value < minimum:
        raise ConfigError(f"{name} must be at least {minimum}, got {value}")
    return value


def _float(env: Mapping[str, str], name: str, default: float) -> float:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError as exc:
        raise ConfigError(f"{name} must be a number, got {raw!r}") from exc
    if value <= 0:
        raise ConfigError(f"{name} must be positive, got {value}")
    return value


def _choice(env: Mapping[str, str], name: str, default: str, choices: tuple[str, ...]) -> str:
    value = env.get(name, "").strip().lower() or default
    if value not in choices:
        raise ConfigError(f"{name} must be one of {', '.join(choices)}, got {value!r}")
    return value


def _text(env: Mapping[str, str], name: str) -> str | None:
    value = env.get(name, "").strip()
    return value or None


def _bool(env: Mapping[str, str], name: str, default: bool) -> bool:
    raw = env.get(name, "").strip().lower()
    if not raw:
        return default
    if raw in ("1", "true", "yes", "on"):
        return True
    if raw in ("0", "false", "no", "off"):
        return False
    raise ConfigError(f"{name} must be true or false, got {raw!r}")


def _list(env: Mapping[str, str], name: str) -> tuple[str, ...]:
    return tuple(item.strip() for item in env.get(name, "").split(",") if item.strip())


def load_settings(env: Mapping[str, str]) -> Settings:
    """Build Settings from a plain mapping of environment variables."""
    data_dir = Path(env.get("PERSONALMEM_DATA_DIR", "").strip() or PROJECT_DIR / "data")
    if not data_dir.is_absolute():
        data_dir = PROJECT_DIR / data_dir
    return Settings(
        database_url=_text(env, "DATABASE_URL"),
        database_read_url=_text(env, "DATABASE_READ_URL"),
        postgres_host=_text(env, "POSTGRES_HOST"),
        postgres_port=_int(env, "POSTGRES_PORT", 5432),
        postgres_db=_text(env, "POSTGRES_DB") or "personalmem",
        postgres_user=_text(env, "POSTGRES_USER") or "postgres",
        postgres_password=env.get("POSTGRES_PASSWORD", ""),
        data_dir=data_dir,
        db_pool_size=_int(env, "DB_POOL_SIZE", 4),
        db_pool_timeout_s=_float(env, "DB_POOL_TIMEOUT_S", 5.0),
        db_connect_timeout_s=_int(env, "DB_CONNECT_TIMEOUT_S", 5),
        db_statement_timeout_s=_float(env, "DB_STATEMENT_TIMEOUT_S", 15.0),
        llm_provider=_choice(env, "LLM_PROVIDER", "auto", ("auto", "azure", "openai", "rules")),  # type: ignore[arg-type]
        azure_openai_api_key=_text(env, "AZURE_OPENAI_API_KEY"),
        azure_openai_endpoint=_text(env, "AZURE_OPENAI_ENDPOINT"),
        azure_openai_deployment=_text(env, "AZURE_OPENAI_DEPLOYMENT") or "gpt-4o-mini",
        azure_openai_model=_text(env, "AZURE_OPENAI_MODEL") or "gpt-4o-mini",
        azure_openai_api_version=_text(env, "AZURE_OPENAI_API_VERSION") or "2024-10-21",
        openai_api_key=_text(env, "OPENAI_API_KEY"),
        openai_model=_text(env, "OPENAI_MODEL") or "gpt-4o-mini",
        openai_base_url=_text(env, "OPENAI_BASE_URL"),
        llm_timeout_s=_float(env, "LLM_TIMEOUT_S", 30.0),
        llm_response_format=_choice(  # type: ignore[arg-type]
            env, "LLM_RESPONSE_FORMAT", "auto", ("auto", "json_schema", "json_object")
        ),
        llm_max_tokens=_int(env, "LLM_MAX_TOKENS", DEFAULT_LLM_MAX_TOKENS, minimum=16),
        log_level=(_text(env, "LOG_LEVEL") or "INFO").upper(),
        max_message_chars=_int(env, "MAX_MESSAGE_CHARS", DEFAULT_MAX_MESSAGE_CHARS),
        api_keys=_list(env, "PERSONALMEM_API_KEYS"),
        cors_origins=_list(env, "CORS_ORIGINS"),
        history_enabled=_bool(env, "HISTORY_ENABLED", True),
        history_retention_days=_int(env, "HISTORY_RETENTION_DAYS", DEFAULT_HISTORY_RETENTION_DAYS),
        history_prune_interval_s=_float(env, "HISTORY_PRUNE_INTERVAL_S", 600.0),
    )


# Settings that together choose one thing. When the real environment sets any of a group, the
# .env's values for that group are ignored: an exported POSTGRES_HOST must not lose to a
# DATABASE_URL left in .env (DATABASE_URL wins over POSTGRES_HOST when both come from one place).
CHOICE_GROUPS = (
    ("DATABASE_URL", "POSTGRES_HOST"),
    ("LLM_PROVIDER", "OPENAI_API_KEY", "AZURE_OPENAI_API_KEY", "AZURE_OPENAI_ENDPOINT"),
)


def merge_environment(dotenv: Mapping[str, str | None], environ: Mapping[str, str]) -> dict[str, str]:
    """`.env` overridden by the real environment, variable by variable and choice by choice."""
    merged = {k: v for k, v in dotenv.items() if v is not None}
    for group in CHOICE_GROUPS:
        if any(environ.get(name, "").strip() for name in group):
            for name in group:
                merged.pop(name, None)
    merged.update(environ)
    return merged


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process's settings: `.env` beside the code, overridden by the real environment."""
    return load_settings(merge_environment(dotenv_values(PROJECT_DIR / ".env"), os.environ))


def describe_choice(settings: Settings) -> str:
    """What the service will use, in words (setup.sh prints it). Never a password or key."""
    if settings.uses_embedded_database:
        database = f"the embedded PostgreSQL in {settings.embedded_data_dir}"
    elif settings.database_url:
        database = "the PostgreSQL named by DATABASE_URL"
    else:
        database = f"PostgreSQL at {settings.postgres_host}:{settings.postgres_port}/{settings.postgres_db}"
    kind = settings.extractor_kind
    if kind == "rules":
        extractor = "the built-in rule-based extractor"
    elif kind == "azure":
        extractor = f"Azure OpenAI ({settings.azure_openai_deployment})"
    else:
        where = " at OPENAI_BASE_URL" if settings.openai_base_url else ""
        extractor = f"OpenAI-compatible {settings.openai_model}{where}"
    return f"Using {database} and {extractor}."
