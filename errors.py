"""Typed failures of the service. api.py maps each one to an HTTP status in one place."""


class PersonalMemError(Exception):
    """Base class: `detail` is safe to show to the caller; `internal` (hosts, paths, server
    messages) goes to the log only."""

    def __init__(self, detail: str, *, internal: str = "") -> None:
        super().__init__(detail)
        self.detail = detail
        self.internal = internal


class MemoryNotFound(PersonalMemError):
    """No such memory, key or user (404)."""


class InvalidMemory(PersonalMemError):
    """A value or key the service refuses to store (422, in FastAPI's validation-error shape)."""

    def __init__(self, detail: str, *, loc: tuple[str, ...] = ("body", "value")) -> None:
        super().__init__(detail)
        self.loc = loc


class ExtractionError(PersonalMemError):
    """The LLM failed or answered with something unusable (502). Nothing is written."""


DATABASE_UNAVAILABLE = "the database is unavailable; try again shortly"


class DatabaseUnavailable(PersonalMemError):
    """PostgreSQL cannot be reached, refuses writes, or no connection is free in time (503)."""

    def __init__(self, detail: str = DATABASE_UNAVAILABLE, *, internal: str = "") -> None:
        super().__init__(detail, internal=internal)


class MessageTooLong(PersonalMemError):
    """A message longer than MAX_MESSAGE_CHARS (413)."""


class Unauthorized(PersonalMemError):
    """No API key, or not one of PERSONALMEM_API_KEYS (401)."""


class MemoryConflict(PersonalMemError):
    """A valid request that the stored profile cannot take: a cap reached, a list for a single-valued field (409)."""
