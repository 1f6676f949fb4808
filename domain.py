"""The domain's vocabulary and limits, in one place.

Routes, extractors, gates and the merge all import this module (and it imports none of
them), so no two layers can disagree on a field set or a cap, and nothing imports in a circle.
"""

from __future__ import annotations

import math
import re
from typing import Any, Literal

from pydantic import BaseModel, field_validator

# -- fields ------------------------------------------------------------------------------

SCALAR_FIELDS = frozenset({"name", "role", "location", "age", "employer"})
LIST_FIELDS = frozenset(
    {"likes", "dislikes", "skills", "goals", "interests", "languages", "family", "pets", "education"}
)
CANONICAL_FIELDS = ("name", "role", "location", "age", "employer", *sorted(LIST_FIELDS))
# The order /memories, /profile and the context list fields in: these first, then alphabetical.
LEADING_FIELDS = ("name", "role", "location")
# Fields the rule-based extractor adds beyond the canonical ones (the merge treats an unknown field
# by its value's type): hometown, where the user comes from once a location is known; diet
# (vegetarian, vegan…); possessions, lasting things the user owns (a car, an instrument, a business, a home);
# appearance, how the user looks in ways that last (hair, eyes: "long red hair", "blonde with blue eyes").
EXTRA_SCALAR_FIELDS = frozenset({"hometown", "diet"})
EXTRA_LIST_FIELDS = frozenset({"possessions", "appearance"})
# Special categories: stored only on an explicit request to remember that very fact.
SENSITIVE_FIELDS = ("health", "religion", "sexual_orientation", "political_views")

# -- limits ------------------------------------------------------------------------------
# One value: far above any real fact, small enough that a profile stays a few KB.
MAX_VALUE_CHARS = 500
MAX_FIELDS_PER_USER = 100
MAX_ITEMS_PER_LIST = 200
# Items one event (or one PUT) may carry at once.
MAX_ITEMS_PER_VALUE = 100
MAX_EVENTS_PER_MESSAGE = 50
MAX_USER_ID_CHARS = 128
MAX_FIELD_NAME_CHARS = 64
# Numbers: 15 digits is what every JSON reader (a double) holds exactly; a 4,000-digit
# integer or 1e308 is no personal fact, and would slip past the character limit above.
MAX_INT_MAGNITUDE = 10**15 - 1
MAX_FLOAT_MAGNITUDE = 1e15  # exclusive: 1e15 itself is a 16-digit integer
DEFAULT_MAX_MESSAGE_CHARS = 16_000

CONTROL_CHARS = re.compile(r"[\x00-\x1f\x7f]")
# User ids: one rule for the body of POST /messages, every path and the web page. No "/" (a path
# segment could not hold it), and no leading "." (so never "." or "..", which a URL resolves away).
USER_ID_PATTERN = rf"^[A-Za-z0-9_@-][A-Za-z0-9._@-]{{0,{MAX_USER_ID_CHARS - 1}}}$"
USER_ID_RULE = (
    f"1-{MAX_USER_ID_CHARS} characters: letters, digits and . _ @ - (not starting with a dot), e.g. user_123"
)
# What a field name in a path may look like before it is turned into snake_case: a letter
# first (after any separators), then letters, digits and separators.
FIELD_KEY_PATTERN = r"^[ _.-]*[A-Za-z][A-Za-z0-9 _.-]*$"
FIELD_NAME_PATTERN = re.compile(rf"^[a-z][a-z0-9_]{{0,{MAX_FIELD_NAME_CHARS - 1}}}$")

# -- events ------------------------------------------------------------------------------

FieldValue = str | int | float | bool
EventKind = Literal["ADD", "UPDATE", "REMOVE"]


class FieldEvent(BaseModel):
    """One change an extractor proposes (or the merge reports): code decides how it applies."""

    field: str
    value: FieldValue | list[FieldValue] | None = None
    event: EventKind

    @field_validator("event", mode="before")
    @classmethod
    def _upper(cls, value: Any) -> Any:
        return value.strip().upper() if isinstance(value, str) else value


# What pydantic's validation of a FieldEvent would return unchanged, built without it (the gates
# rebuild each event they keep: validation cost ~2 µs of ~3 per event). Both are checked at import
# against what pydantic itself makes (_same_as_pydantic), and pydantic is used if they differ.
_set = object.__setattr__
_PLAIN_TYPES = frozenset({str, int, float, bool})  # exact types: a subclass goes through pydantic
_EVENT_KINDS = frozenset({"ADD", "UPDATE", "REMOVE"})


def _plain(value: Any) -> bool:
    """A value FieldEvent's validation keeps as it is (a list as a new list of the same items)."""
    if value is None or type(value) in _PLAIN_TYPES:
        return True
    if type(value) is not list:
        return False
    for item in value:  # noqa: SIM110 (a loop is twice as fast as all() over a generator)
        if type(item) not in _PLAIN_TYPES:
            return False
    return True


def _fast_event(field: str, value: Any, event: str) -> FieldEvent:
    made = object.__new__(FieldEvent)
    _set(made, "__dict__", {"field": field, "value": list(value) if type(value) is list else value, "event": event})
    _set(made, "__pydantic_fields_set__", {"field", "value", "event"})
    _set(made, "__pydantic_extra__", None)
    _set(made, "__pydantic_private__", None)
    return made


_UNCHANGED = object()  # (no new value: a plain copy)


def _fast_copy(event: FieldEvent, value: Any = _UNCHANGED) -> FieldEvent:
    """event.model_copy(update={"value": value}), or event.model_copy() without a value, for a
    FieldEvent with no extra or private attributes."""
    made = object.__new__(FieldEvent)
    attributes = event.__dict__.copy()
    fields_set = set(event.__pydantic_fields_set__)
    if value is not _UNCHANGED:
        attributes["value"] = value
        fields_set.add("value")
    _set(made, "__dict__", attributes)
    _set(made, "__pydantic_fields_set__", fields_set)
    _set(made, "__pydantic_extra__", None)
    _set(made, "__pydantic_private__", None)
    return made


def _alike(ours: FieldEvent, theirs: FieldEvent) -> bool:
    return (
        type(ours) is type(theirs)
        and list(ours.__dict__.items()) == list(theirs.__dict__.items())
        and repr(ours.__dict__) == repr(theirs.__dict__)  # (True is 1 and 1.0 to ==, not to repr)
        and ours.model_fields_set == theirs.model_fields_set
        and ours.__pydantic_extra__ == theirs.__pydantic_extra__
        and ours.__pydantic_private__ == theirs.__pydantic_private__
        and ours == theirs
        and ours.model_dump() == theirs.model_dump()
    )


def _same_as_pydantic() -> bool:
    samples: list[tuple[str, Any, EventKind]] = [
        ("likes", ["tea", "jam"], "ADD"),
        ("name", "Ana", "UPDATE"),
        ("age", 41, "ADD"),
        ("score", 2.5, "ADD"),
        ("flag", True, "REMOVE"),
        ("mixed", ["a", 1, 1.5, False], "ADD"),
        ("role", None, "REMOVE"),
        ("empty", [], "ADD"),
    ]
    for field, value, event in samples:
        if not _alike(_fast_event(field, value, event), FieldEvent(field=field, value=value, event=event)):
            return False
        for base in (FieldEvent(field=field, event=event), FieldEvent(field=field, value="x", event=event)):
            if not _alike(_fast_copy(base, value), base.model_copy(update={"value": value})):
                return False
            if not _alike(_fast_copy(base), base.model_copy()):
                return False
    return True


_FAST = _same_as_pydantic()


def validated_event(field: Any, value: Any, event: Any) -> FieldEvent:
    """FieldEvent(field=field, value=value, event=event): without pydantic when its validation
    would change nothing (a str field, a valid kind, a value of plain types)."""
    if _FAST and type(field) is str and type(event) is str and event in _EVENT_KINDS and _plain(value):
        return _fast_event(field, value, event)
    return FieldEvent(field=field, value=value, event=event)


def copied(event: FieldEvent) -> FieldEvent:
    """event.model_copy(), without pydantic's generic copy for a plain FieldEvent."""
    if _FAST and type(event) is FieldEvent and event.__pydantic_extra__ is None and event.__pydantic_private__ is None:
        return _fast_copy(event)
    return event.model_copy()


def with_value(event: FieldEvent, value: Any) -> FieldEvent:
    """event.model_copy(update={"value": value}), without pydantic's generic copy for a plain FieldEvent."""
    if _FAST and type(event) is FieldEvent and event.__pydantic_extra__ is None and event.__pydantic_private__ is None:
        return _fast_copy(event, value)
    return event.model_copy(update={"value": value})


def normalise_field_name(raw: str) -> str | None:
    """'Favorite Food' -> 'favorite_food'; None when nothing usable is left."""
    name = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", raw.strip())
    name = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")
    return name if FIELD_NAME_PATTERN.match(name) else None


# The known fields' names, normalised once: every event of an extractor names one of them,
# and check_limits would otherwise run normalise_field_name's two substitutions for each.
_KNOWN_FIELD_NAMES = {
    name: normalise_field_name(name)
    for name in (*CANONICAL_FIELDS, *sorted(EXTRA_SCALAR_FIELDS), *sorted(EXTRA_LIST_FIELDS), *SENSITIVE_FIELDS)
}


def normalise_field_key(raw: str) -> str | None:
    """A key from a path ('Favorite-Food', 'homeTown') as stored ('favorite_food', 'home_town').

    Splitting camelCase can push a 64-character key past the limit; such a key is only
    lower-cased, so every key the path pattern admits has a stored name.
    """
    name = normalise_field_name(raw)
    if name is None:
        plain = re.sub(r"[^a-z0-9]+", "_", raw.lower()).strip("_")
        name = plain if FIELD_NAME_PATTERN.match(plain) else None
    return name


def number_in_range(value: Any) -> bool:
    """False for an int or float past the limits above (NaN and infinities included)."""
    if isinstance(value, bool):
        return True
    if isinstance(value, int):
        return -MAX_INT_MAGNITUDE <= value <= MAX_INT_MAGNITUDE
    if isinstance(value, float):
        return math.isfinite(value) and abs(value) < MAX_FLOAT_MAGNITUDE
    return True


def check_numbers(events: list[FieldEvent]) -> tuple[list[FieldEvent], list[str]]:
    """Drop events holding a number past the limits (run after the privacy screen, so that a
    card number sent as a JSON number is named as a card, not as a long number)."""
    kept: list[FieldEvent] = []
    dropped: list[str] = []
    for event in events:
        items = event.value if isinstance(event.value, list) else [event.value]
        if all(number_in_range(item) for item in items):
            kept.append(event)
        else:
            dropped.append(f"{event.field}: a number beyond {MAX_INT_MAGNITUDE:,} (15 digits) or not finite")
    return kept, dropped


def check_limits(events: list[FieldEvent]) -> tuple[list[FieldEvent], list[str]]:
    """Hold whatever an extractor returned to the limits PUT enforces; report what is refused.

    An LLM can be talked into anything by a hostile message: no strange keys, no huge values,
    no flood of fields.
    """
    kept: list[FieldEvent] = []
    dropped: list[str] = []
    for event in events[:MAX_EVENTS_PER_MESSAGE]:
        field = event.field
        name = _KNOWN_FIELD_NAMES[field] if field in _KNOWN_FIELD_NAMES else normalise_field_name(field)
        items = event.value if isinstance(event.value, list) else [event.value]
        if name is None:
            dropped.append(f"{event.field[:40]!r}: not a valid field name")
        elif any(isinstance(i, str) and len(i) > MAX_VALUE_CHARS for i in items):
            dropped.append(f"{name}: a value longer than {MAX_VALUE_CHARS} characters")
        elif len(items) > MAX_ITEMS_PER_VALUE:
            dropped.append(f"{name}: more than {MAX_ITEMS_PER_VALUE} items at once")
        else:
            kept.append(validated_event(name, event.value, event.event))  # FieldEvent(field=…, value=…, event=…)
    if len(events) > MAX_EVENTS_PER_MESSAGE:
        dropped.append(f"{len(events) - MAX_EVENTS_PER_MESSAGE} events beyond {MAX_EVENTS_PER_MESSAGE} per message")
    return kept, dropped

# -- trust controls: history, export/import, never-remember rules ------------------------
# One history event: what happened to a field. ADD/UPDATE/REMOVE come from a merge (a message,
# an import, an undo), EDIT from a PUT, DELETE from deleting a field (kept without its values).
HistoryKind = Literal["ADD", "UPDATE", "REMOVE", "EDIT", "DELETE"]
HistorySource = Literal["message", "edit", "import", "undo", "rule"]
HISTORY_PAGE_DEFAULT = 50
HISTORY_PAGE_MAX = 200
DEFAULT_HISTORY_RETENTION_DAYS = 365
# The export document's shape. An import refuses a newer version (it cannot know what it means).
EXPORT_FORMAT = "personalmem-export"
EXPORT_FORMAT_VERSION = 1
# "Never remember" rules: a topic ("health", "where I live"), a field name or a free word.
MAX_RULES_PER_USER = 50
MAX_RULE_CHARS = 80
