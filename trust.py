"""The trust controls: history with undo, export and import, and "never remember" rules.

`TrustControls` is a companion of MemoryService: every write goes through the service's one
locked transaction (`_mutate`), so history, the profile and the rules always change together,
and everything that enters a profile passes guards.admit_events like any other way in.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

import history
from domain import (
    EXPORT_FORMAT,
    EXPORT_FORMAT_VERSION,
    LIST_FIELDS,
    MAX_FIELDS_PER_USER,
    MAX_ITEMS_PER_LIST,
    MAX_RULE_CHARS,
    MAX_RULES_PER_USER,
    MAX_VALUE_CHARS,
    SCALAR_FIELDS,
    EventKind,
    FieldEvent,
    FieldValue,
    normalise_field_name,
)
from errors import InvalidMemory, MemoryConflict, MemoryNotFound
from guards import admit_events
from history import HistoryEvent, Record
from memory_service import MemoryService, ordered_fields, utc_now, validate_put_value
from merge import FieldTimes, MergeOutcome, Profile, apply_events, forget_field, touch_field
from never_remember import normalise_rule, removals

ImportMode = Literal["merge", "replace"]


class HistoryPage(BaseModel):
    events: list[HistoryEvent]
    # Pass as ?before= for the next (older) page; null on the last page.
    next_before: int | None


class UndoResult(BaseModel):
    undone: int
    field: str
    value: Any  # the field's value now; null when the undo removed it
    changed: bool


class RulesIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # A letter or digit somewhere; normalising only shortens a rule, so the length holds after it.
    rules: list[Annotated[str, Field(min_length=1, max_length=MAX_RULE_CHARS, pattern=r"[A-Za-z0-9]")]] = Field(
        max_length=MAX_RULES_PER_USER
    )


class RulesResult(BaseModel):
    rules: list[str]
    removed: list[FieldEvent] = Field(default_factory=list)


class ImportResult(BaseModel):
    mode: ImportMode
    imported: list[str]
    refused: list[str]
    rules: list[str]


class ImportDocument(BaseModel):
    """An export document, as POST /users/{id}/import reads it (history is not imported)."""

    format: Literal["personalmem-export"] | None = None
    format_version: int = Field(ge=1, le=EXPORT_FORMAT_VERSION)
    profile: dict[str, Any] = Field(default_factory=dict)
    field_times: dict[str, Any] = Field(default_factory=dict)
    rules: list[str] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _known_version(cls, data: Any) -> Any:
        # Checked first: a newer document may be shaped differently, and only the version is sure.
        version = data.get("format_version") if isinstance(data, dict) else None
        if isinstance(version, int) and not isinstance(version, bool) and version > EXPORT_FORMAT_VERSION:
            raise ValueError(
                f"this file is export format version {version}; this server reads versions up to "
                f"{EXPORT_FORMAT_VERSION}: import it into a newer PersonalMem"
            )
        return data


class TrustControls:
    def __init__(self, service: MemoryService) -> None:
        self._service = service
        self._db = service._db
        self._retention_days = service.history_retention_days

    # -- history and undo -----------------------------------------------------------

    async def history(self, user_id: str, *, field: str | None, before: int | None, limit: int) -> HistoryPage:
        """Newest first; one more row than asked tells whether an older page exists."""
        rows = await self._db.read(
            lambda cur: history.read_events(
                cur, user_id, field=field, before=before, limit=limit + 1, retention_days=self._retention_days
            ),
            primary=True,
        )
        return HistoryPage(events=rows[:limit], next_before=rows[limit - 1].id if len(rows) > limit else None)

    async def undo(self, user_id: str, event_id: int, *, force: bool) -> UndoResult:
        """Restore the event's field to its value before the event; refused if it changed since."""
        event = await self._db.read(
            lambda cur: history.read_event(cur, user_id, event_id, retention_days=self._retention_days),
            primary=True,
        )
        if event is None:
            raise MemoryNotFound(f"user {user_id!r} has no history event {event_id}")
        if not event.has_values:
            raise MemoryConflict(
                f"event {event_id} kept no values ({event.field} was deleted or removed under a rule): "
                "nothing to restore"
            )
        name, restore = event.field, event.before
        if restore is not None:
            rules = await self._service.read_rules(user_id)
            kept, refused = admit_events(
                [FieldEvent(field=name, value=restore, event="UPDATE")], message=None, source="undo", rules=rules
            )
            if refused or not kept:
                raise MemoryConflict(f"{name} cannot be restored: {'; '.join(refused)}")

        def change(profile: Profile, times: FieldTimes) -> MergeOutcome:
            current = profile.get(name)
            if current != event.after and not force:
                raise MemoryConflict(
                    f"{name} has changed since event {event_id}; undo with ?force=true to restore it anyway"
                )
            out = MergeOutcome(profile=dict(profile), field_times={k: dict(v) for k, v in times.items()})
            if restore is None and current is not None:
                forget_field(out, name)
                out.applied.append(FieldEvent(field=name, value=current, event="REMOVE"))
            elif restore is not None and current != restore:
                if current is None and len(out.profile) >= MAX_FIELDS_PER_USER:
                    raise MemoryConflict(f"the profile already holds {MAX_FIELDS_PER_USER} fields")
                out.profile[name] = restore
                touch_field(out, name, utc_now())
                out.applied.append(FieldEvent(field=name, value=restore, event="ADD" if current is None else "UPDATE"))
            return out

        outcome = await self._service._mutate(user_id, change, record=Record("undo"))
        return UndoResult(undone=event_id, field=name, value=outcome.profile.get(name), changed=outcome.changed)

    # -- export and import ----------------------------------------------------------

    async def export(self, user_id: str) -> dict[str, Any]:
        """The whole memory as one document: profile, per-field times, rules and history."""

        async def read(cur: Any) -> tuple[Any, ...]:
            await cur.execute(history.SELECT_EXPORT, {"user": user_id, "days": self._retention_days})
            return tuple(cur.fetchone())

        profile, times, rules, events = await self._db.read(read, primary=True)
        profile = profile or {}
        return {
            "format": EXPORT_FORMAT,
            "format_version": EXPORT_FORMAT_VERSION,
            "exported_at": utc_now(),
            "user_id": user_id,
            "profile": {name: profile[name] for name in ordered_fields(profile)},
            "field_times": times or {},
            "rules": rules,
            "history": events,
        }

    async def import_document(self, user_id: str, document: ImportDocument, *, mode: ImportMode) -> ImportResult:
        """Bring a document back: every value through the gate PUT uses, all in one transaction."""
        refused: list[str] = []
        new_rules = _read_rules(document.rules, refused)
        current_rules = await self._service.read_rules(user_id)
        rules = new_rules if mode == "replace" else list(dict.fromkeys([*current_rules, *new_rules]))
        if len(rules) > MAX_RULES_PER_USER:
            refused += [f"rule {rule!r}: more than {MAX_RULES_PER_USER} rules" for rule in rules[MAX_RULES_PER_USER:]]
            rules = rules[:MAX_RULES_PER_USER]
        values = _admitted_values(document.profile, rules, refused)
        times = {name: _times(document.field_times.get(name)) for name in values}

        def replace(profile: Profile, current_times: FieldTimes) -> MergeOutcome:
            out = MergeOutcome(profile={}, field_times={})
            for name, value in values.items():
                out.profile[name] = value
                out.field_times[name] = times[name] or {"created_at": utc_now(), "updated_at": utc_now()}
            for name in history.changed_fields(profile, out.profile):
                kind: EventKind = "ADD" if name not in profile else "REMOVE" if name not in out.profile else "UPDATE"
                out.applied.append(FieldEvent(field=name, value=out.profile.get(name), event=kind))
            return out

        def merge(profile: Profile, current_times: FieldTimes) -> MergeOutcome:
            events = [FieldEvent(field=name, value=value, event="UPDATE") for name, value in values.items()]
            out = apply_events(profile, current_times, removals(profile, rules) + events, now=utc_now())
            for name in values:
                own = times[name]
                if name not in profile and own and name in out.profile:
                    out.field_times[name] = own  # a field new here keeps its own history's times
            return out

        async def write_rules(cur: Any) -> None:
            await history.replace_rules(cur, user_id, rules)

        outcome = await self._service._mutate(
            user_id, replace if mode == "replace" else merge, record=Record("import", also=write_rules)
        )
        refused += outcome.dropped
        return ImportResult(
            mode=mode, imported=[n for n in values if n in outcome.profile], refused=refused, rules=rules
        )

    # -- rules ----------------------------------------------------------------------

    async def rules(self, user_id: str) -> list[str]:
        return await self._service.read_rules(user_id)

    async def set_rules(self, user_id: str, raw_rules: list[str]) -> RulesResult:
        """Replace the user's rules, and remove what is stored under them (the history keeps no values)."""
        rules: list[str] = []
        for index, raw in enumerate(raw_rules):
            rule = normalise_rule(raw)
            if rule is None:
                raise InvalidMemory(
                    f"a rule must hold a word, at most {MAX_RULE_CHARS} characters", loc=("body", "rules", str(index))
                )
            if rule not in rules:
                rules.append(rule)

        async def write_rules(cur: Any) -> None:
            await history.replace_rules(cur, user_id, rules)

        def remove(profile: Profile, times: FieldTimes) -> MergeOutcome:
            return apply_events(profile, times, removals(profile, rules), now=utc_now())

        outcome = await self._service._mutate(
            user_id, remove, record=Record("rule", keep_values=False, also=write_rules)
        )
        return RulesResult(rules=rules, removed=outcome.applied)


def _read_rules(raw_rules: list[str], refused: list[str]) -> list[str]:
    rules: list[str] = []
    for raw in raw_rules:
        rule = normalise_rule(raw) if isinstance(raw, str) else None
        if rule is None:
            refused.append(f"rule {str(raw)[:40]!r}: not a usable rule")
        elif rule not in rules:
            rules.append(rule)
    return rules


def _admitted_values(profile: dict[str, Any], rules: list[str], refused: list[str]) -> dict[str, Any]:
    """The document's fields that pass PUT's checks and the gate; each refusal is named."""
    values: dict[str, Any] = {}
    for raw_name, raw_value in profile.items():
        name = normalise_field_name(raw_name)
        if name != raw_name:
            refused.append(f"{raw_name[:40]!r}: not a valid field name")
            continue
        if len(values) >= MAX_FIELDS_PER_USER:
            refused.append(f"{name}: the profile already holds {MAX_FIELDS_PER_USER} fields")
            continue
        if isinstance(raw_value, list):
            fitting = [i for i in raw_value if not (isinstance(i, str) and len(i) > MAX_VALUE_CHARS)]
            refused += [f"{name}: a value longer than {MAX_VALUE_CHARS} characters"] * (len(raw_value) - len(fitting))
            raw_value = fitting
        elif isinstance(raw_value, str) and len(raw_value) > MAX_VALUE_CHARS:
            refused.append(f"{name}: a value longer than {MAX_VALUE_CHARS} characters")
            continue
        try:
            clean = validate_put_value(raw_value)
        except InvalidMemory as exc:
            refused.append(f"{name}: {exc.detail}")
            continue
        if name in SCALAR_FIELDS and isinstance(clean, list):
            refused.append(f"{name}: holds a single value, not a list")
            continue
        if isinstance(clean, list) or name in LIST_FIELDS:
            items: list[FieldValue] = list(clean) if isinstance(clean, list) else [clean]
            kept_items = _admitted_items(name, items, rules, refused)
            if kept_items:
                values[name] = kept_items
            continue
        kept, reasons = admit_events(
            [FieldEvent(field=name, value=clean, event="UPDATE")], message=None, source="import", rules=rules
        )
        refused += reasons
        if kept:
            values[name] = kept[0].value
    return values


def _admitted_items(name: str, items: list[FieldValue], rules: list[str], refused: list[str]) -> list[FieldValue]:
    """A list is gated item by item, so one refused item does not take the whole list with it."""
    kept_items: list[FieldValue] = []
    for item in items:
        kept, reasons = admit_events(
            [FieldEvent(field=name, value=[item], event="ADD")], message=None, source="import", rules=rules
        )
        refused += reasons
        if kept:
            kept_items.append(item)
    if len(kept_items) > MAX_ITEMS_PER_LIST:
        refused.append(f"{name}: {len(kept_items) - MAX_ITEMS_PER_LIST} items beyond {MAX_ITEMS_PER_LIST}")
        kept_items = kept_items[:MAX_ITEMS_PER_LIST]
    return kept_items


def _times(raw: Any) -> dict[str, str] | None:
    """A field's times from a document, when both are ISO-8601; else None (the import's own time is used)."""
    if not isinstance(raw, dict):
        return None
    try:
        created, updated = str(raw["created_at"]), str(raw["updated_at"])
        datetime.fromisoformat(created)
        datetime.fromisoformat(updated)
    except (KeyError, ValueError):
        return None
    return {"created_at": created, "updated_at": updated}
