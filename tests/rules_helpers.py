"""What the rules extractor's events would do to a profile once through the gate every event
passes (guards.admit_events, with the value-quality check): shared by the rules test files."""

from __future__ import annotations

from typing import Any

from guards import admit_events
from merge import apply_events
from rules_extractor import RuleExtractor

EXTRACTOR = RuleExtractor()


def stored(message: str, profile: dict[str, Any] | None = None) -> dict[str, Any]:
    """Field -> value of what the message would add or update (removals left out)."""
    events, _ = admit_events(EXTRACTOR.extract_events(message, profile or {}), message=message)
    return {e.field: e.value for e in events if e.event != "REMOVE"}


def after(message: str, profile: dict[str, Any]) -> dict[str, Any]:
    """The profile once the message's admitted events are applied."""
    events, _ = admit_events(EXTRACTOR.extract_events(message, profile), message=message)
    return apply_events(profile, {}, events, now="2026-01-01T00:00:00Z").profile


def folded(value: object) -> object:
    """A value compared without case, a list without order; None stays None."""
    if isinstance(value, list):
        return sorted(str(x).casefold() for x in value)
    return None if value is None else str(value).casefold()
