"""The memory service: apply field events to one JSONB row per user, and read it back.

Merging is plain code (never the LLM): `apply_events` is a pure function, and
`MemoryService` runs it inside one transaction that holds the user's row lock,
so concurrent messages for one user never lose an update.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
from collections.abc import AsyncIterator, Callable, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel

from config import Settings
from database import Cursor, Database, DatabaseTarget, open_target
from domain import (
    CONTROL_CHARS,
    DEFAULT_MAX_MESSAGE_CHARS,
    LEADING_FIELDS,
    LIST_FIELDS,
    MAX_FIELDS_PER_USER,
    MAX_ITEMS_PER_LIST,
    MAX_VALUE_CHARS,
    SCALAR_FIELDS,
    FieldEvent,
    FieldValue,
    normalise_field_name,
)
from errors import InvalidMemory, MemoryConflict, MemoryNotFound, MessageTooLong
from extractors import Extractor, build_extractor
from guards import admit_events, redact, secret_field_kind
from quality import contains_phrase, hard_refusal, polarity_key, value_key

log = logging.getLogger("personalmem.service")

EMPTY_CONTEXT = "User Personal Information:\n(nothing stored yet)"

Profile = dict[str, Any]
FieldTimes = dict[str, dict[str, str]]


class MemoryInfo(BaseModel):
    id: str
    memory: str
    user_id: str | None
    created_at: str | None
    updated_at: str | None


@dataclass
class MergeOutcome:
    profile: Profile
    field_times: FieldTimes
    applied: list[FieldEvent] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    # (field, value_key) of every item this merge added: the same message may say "I hate pop
    # music but love music", so within it only an exact opposite is flipped, never a kind of it.
    added_now: set[tuple[str, str]] = field(default_factory=set, repr=False)

    @property
    def changed(self) -> bool:
        return bool(self.applied)


@dataclass
class MessageResult:
    applied: list[FieldEvent]
    memory_context: str
    dropped: list[str]


# -- pure functions: names, values, merging, formatting --------------------------------


def _clean_item(value: FieldValue) -> str | int | float | bool | None:
    if isinstance(value, bool | int | float):
        return value
    if isinstance(value, str):
        text = " ".join(CONTROL_CHARS.sub(" ", value).split())
        return text[:MAX_VALUE_CHARS] if text else None
    return None


def _as_items(value: FieldValue | list[FieldValue] | None) -> list[str]:
    """A value as a clean list of strings, repeats of one value (by value_key) removed."""
    raw = value if isinstance(value, list) else [value]
    items: list[str] = []
    seen: set[str] = set()
    for item in raw:
        cleaned = _clean_item(item)
        if cleaned is None:
            continue
        text = format_scalar(cleaned)
        if value_key(text) not in seen:
            seen.add(value_key(text))
            items.append(text)
    return items


def _as_scalar(value: FieldValue | list[FieldValue] | None) -> str | int | float | bool | None:
    if isinstance(value, list):
        items = _as_items(value)
        return ", ".join(items) if items else None
    return _clean_item(value)


def _is_list_field(name: str, current: Any, value: Any) -> bool:
    if name in LIST_FIELDS:
        return True
    if name in SCALAR_FIELDS:
        return False
    if current is not None:
        return isinstance(current, list)
    return isinstance(value, list)


# -- truth over time: the rules the merge enforces for every extractor -------------------
# Fields that hold one attitude towards a thing. A thing is never in both: the newer polarity
# removes the older one. A REMOVE from one side ends the attitude on that whole side.
POSITIVE_FIELDS = ("likes", "interests")
NEGATIVE_FIELDS = ("dislikes",)
# Fields that together describe one job: a REMOVE of a value ends it in either ("I left Acme"
# also ends role "engineer at Acme").
WORK_FIELDS = ("role", "employer")


def _side(name: str) -> tuple[str, ...]:
    """The fields that share `name`'s polarity or subject, `name` first."""
    for group in (POSITIVE_FIELDS, NEGATIVE_FIELDS, WORK_FIELDS):
        if name in group:
            return (name, *(other for other in group if other != name))
    return (name,)


def _opposite(name: str) -> tuple[str, ...]:
    if name in POSITIVE_FIELDS:
        return NEGATIVE_FIELDS
    if name in NEGATIVE_FIELDS:
        return POSITIVE_FIELDS
    return ()


def _key_for(name: str) -> Callable[[object], str]:
    """How two values of `name` are compared: likes "drinking beer" and dislikes "beer" are one thing."""
    return polarity_key if name in POSITIVE_FIELDS or name in NEGATIVE_FIELDS else value_key


def apply_events(profile: Profile, field_times: FieldTimes, events: Iterable[FieldEvent], *, now: str) -> MergeOutcome:
    """Apply extractor events to a profile; return the new profile and what really changed.

    - Within one message, every REMOVE applies first; then the ADD/UPDATEs in their order.
      An ADD/UPDATE of a value the same message removes (same field or same side) is dropped:
      "forget that I like hiking" never re-adds hiking.
    - ADD/UPDATE on a list field: set union by value_key (case, articles, plural -s ignored),
      first spelling kept. Adding to likes or interests removes the same thing from dislikes,
      and adding to dislikes removes it from likes and interests (_same_thing_as: "beer" is
      "drinking beer", and "fresh fruit" is a kind of "fruit"): the newer polarity wins, and
      the removal is reported.
    - ADD/UPDATE on a scalar: replace, unless the value_key is the stored one (no change).
    - REMOVE with values on a list: take those items out (on likes/interests/dislikes by
      _same_thing_as, and from likes and interests both); an emptied list is deleted.
    - REMOVE with a value on a scalar: delete it when one key holds the other as whole words
      ("data analyst" ends "a Senior Data Analyst"); on role/employer, in either field.
    - REMOVE with no value: delete the field.
    Events that change nothing are left out of `applied`.
    """
    out = MergeOutcome(profile=dict(profile), field_times={k: dict(v) for k, v in field_times.items()})
    named: list[tuple[str, FieldEvent]] = []
    for event in events:
        name = normalise_field_name(event.field)
        if name is None:
            out.dropped.append(f"{event.field!r}: not a valid field name")
        else:
            named.append((name, event))
    removed: dict[str, set[str]] = {}
    for name, event in named:
        if event.event == "REMOVE":
            for field_name in _side(name):
                removed.setdefault(field_name, set()).update(_key_for(field_name)(i) for i in _as_items(event.value))
            _remove(out, name, event.value, now)
    for name, event in named:
        if event.event == "REMOVE":
            continue
        current = out.profile.get(name)
        value = _not_removed(name, event.value, removed.get(name, set()))
        if value is None:
            continue
        if _is_list_field(name, current, value):
            _add_items(out, name, current, value, now)
        else:
            _set_scalar(out, name, current, value, now)
    out.applied = _net_changes(out.applied)
    return out


def _net_changes(applied: list[FieldEvent]) -> list[FieldEvent]:
    """The report without an item added and taken out again by the same message (both
    polarities in one message: the later one is stored, and only it is reported)."""

    def items_of(kind: str) -> set[tuple[str, str]]:
        lists = [e for e in applied if e.event == kind and isinstance(e.value, list)]
        return {(e.field, value_key(item)) for e in lists for item in e.value}  # type: ignore[union-attr]

    both = items_of("ADD") & items_of("REMOVE")
    if not both:
        return applied
    net: list[FieldEvent] = []
    for event in applied:
        if isinstance(event.value, list) and event.event in ("ADD", "REMOVE"):
            items = [i for i in event.value if (event.field, value_key(i)) not in both]
            if items:
                net.append(FieldEvent(field=event.field, value=items, event=event.event))
        else:
            net.append(event)
    return net


def _not_removed(name: str, value: Any, removed: set[str]) -> Any:
    """`value` without what the same message removes; None when nothing is left."""
    if not removed:
        return value
    key = _key_for(name)
    if isinstance(value, list):
        kept = [item for item in value if key(item) not in removed]
        return kept or None
    return None if key(value) in removed else value


def _touch(out: MergeOutcome, name: str, now: str) -> None:
    times = out.field_times.setdefault(name, {"created_at": now})
    times.setdefault("created_at", now)
    times["updated_at"] = now


def _forget(out: MergeOutcome, name: str) -> None:
    out.profile.pop(name, None)
    out.field_times.pop(name, None)


def _has_room_for_field(out: MergeOutcome, name: str) -> bool:
    if name in out.profile or len(out.profile) < MAX_FIELDS_PER_USER:
        return True
    out.dropped.append(f"{name}: the profile already holds {MAX_FIELDS_PER_USER} fields")
    return False


def _add_items(out: MergeOutcome, name: str, current: Any, value: Any, now: str) -> None:
    existing = current if isinstance(current, list) else ([format_scalar(current)] if current is not None else [])
    known = {value_key(item) for item in existing}
    items = _as_items(value)
    added = [item for item in items if value_key(item) not in known]
    room = MAX_ITEMS_PER_LIST - len(existing)
    if len(added) > room:
        out.dropped.extend(
            f"{name}={item}: the list already holds {MAX_ITEMS_PER_LIST} items" for item in added[max(room, 0) :]
        )
        added = added[: max(room, 0)]
    for opposite in _opposite(name):
        # Even an item already stored here flips the other side: the message restates this polarity.
        _take_out(out, opposite, _contradicted_by(items, opposite, out.added_now), now)
    if not added or not _has_room_for_field(out, name):
        return
    out.added_now.update((name, value_key(item)) for item in added)
    out.profile[name] = existing + added
    _touch(out, name, now)
    out.applied.append(FieldEvent(field=name, value=added, event="ADD"))


def _set_scalar(out: MergeOutcome, name: str, current: Any, value: Any, now: str) -> None:
    new = _as_scalar(value)
    if new is None or (current is not None and value_key(new) == value_key(current)):
        return
    if not _has_room_for_field(out, name):
        return
    out.profile[name] = new
    _touch(out, name, now)
    out.applied.append(FieldEvent(field=name, value=new, event="ADD" if current is None else "UPDATE"))


def _remove(out: MergeOutcome, name: str, value: Any, now: str) -> None:
    wanted = _as_items(value)
    if not wanted:
        if name in out.profile:
            current = out.profile[name]
            _forget(out, name)
            out.applied.append(FieldEvent(field=name, value=current, event="REMOVE"))
        return
    for field_name in _side(name):
        key = _key_for(field_name)
        current = out.profile.get(field_name)
        if isinstance(current, list):
            _take_out(out, field_name, _same_thing_as(wanted) if key is polarity_key else _equal_to(wanted), now)
        elif current is not None and any(_same_fact(key(current), key(item)) for item in wanted):
            _forget(out, field_name)
            out.applied.append(FieldEvent(field=field_name, value=current, event="REMOVE"))


def _same_fact(stored: str, wanted: str) -> bool:
    """A scalar REMOVE matches when one key holds the other as whole words; "REMOVE location
    Paris" while the user lives in Lisbon changes nothing."""
    return contains_phrase(stored, wanted) or contains_phrase(wanted, stored)


def _equal_to(values: list[str]) -> Callable[[str], bool]:
    keys = {value_key(value) for value in values}
    return lambda item: value_key(item) in keys


def _same_thing_as(values: list[str]) -> Callable[[str], bool]:
    """Whether a liked or disliked item is one of `values`, or a kind of one, or one is a kind
    of it: by polarity_key, equal or ending in the other as whole words ("fresh fruit" is a
    kind of "fruit"). Known limit: a compound whose last word is another thing ("hot dogs")."""
    keys = {polarity_key(value) for value in values} - {""}

    def matches(item: str) -> bool:
        mine = polarity_key(item)
        return any(mine == k or mine.endswith(" " + k) or k.endswith(" " + mine) for k in keys if mine)

    return matches


def _contradicted_by(items: list[str], field_name: str, added_now: set[tuple[str, str]]) -> Callable[[str], bool]:
    """Which items of `field_name` the opposite polarity of `items` contradicts: a kind of the
    same thing when stored before, only the very same thing when added by this message."""
    loose = _same_thing_as(items)
    exact = {polarity_key(item) for item in items}

    def matches(item: str) -> bool:
        if (field_name, value_key(item)) in added_now:
            return polarity_key(item) in exact
        return loose(item)

    return matches


def _take_out(out: MergeOutcome, name: str, matches: Callable[[str], bool], now: str) -> None:
    current = out.profile.get(name)
    if not isinstance(current, list):
        return
    removed = [item for item in current if matches(item)]
    if not removed:
        return
    kept = [item for item in current if not matches(item)]
    if kept:
        out.profile[name] = kept
        _touch(out, name, now)
    else:
        _forget(out, name)
    out.applied.append(FieldEvent(field=name, value=removed, event="REMOVE"))


def format_scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def format_value(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(format_scalar(item) for item in value)
    return format_scalar(value)


def ordered_fields(profile: Profile) -> list[str]:
    """name, role, location first; then every other field alphabetically."""
    leading = [name for name in LEADING_FIELDS if name in profile]
    return leading + sorted(name for name in profile if name not in LEADING_FIELDS)


def memory_info(user_id: str, name: str, value: Any, field_times: FieldTimes) -> MemoryInfo:
    times = field_times.get(name, {})
    return MemoryInfo(
        id=f"{user_id}_{name}",
        memory=f"{name}: {format_value(value)}",
        user_id=user_id,
        created_at=times.get("created_at"),
        updated_at=times.get("updated_at"),
    )


def memory_infos(user_id: str, profile: Profile, field_times: FieldTimes) -> list[MemoryInfo]:
    return [memory_info(user_id, name, profile[name], field_times) for name in ordered_fields(profile)]


def render_context(profile: Profile) -> str:
    if not profile:
        return EMPTY_CONTEXT
    lines = [f"- {name}: {format_value(profile[name])}" for name in ordered_fields(profile)]
    return "User Personal Information:\n" + "\n".join(lines)


def rank_matches(infos: list[MemoryInfo], query: str, limit: int) -> list[MemoryInfo]:
    """Keyword search: whole-word matches rank above substring matches, ties keep profile order."""
    terms = [t for t in re.split(r"\s+", query.casefold().strip()) if t]
    phrase = " ".join(terms)
    scored: list[tuple[int, int, MemoryInfo]] = []
    for position, info in enumerate(infos):
        text = info.memory.casefold().replace(": ", " ").replace("_", " ") + " " + info.memory.casefold()
        score = 0
        if phrase and re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text):
            score += 4
        for term in terms:
            if re.search(rf"(?<!\w){re.escape(term)}(?!\w)", text):
                score += 2
            elif term in text:
                score += 1
        if score:
            scored.append((-score, position, info))
    scored.sort(key=lambda row: (row[0], row[1]))
    return [info for _, _, info in scored[:limit]]


def validate_put_value(value: Any) -> FieldValue | list[str]:
    """The value of PUT /users/{id}/memories/{key}: a short string, a number, a boolean, or a list of strings."""
    if isinstance(value, bool | int | float):
        return value
    if isinstance(value, str):
        text = " ".join(CONTROL_CHARS.sub(" ", value).split())
        if not text:
            raise InvalidMemory("value must not be empty")
        _refuse_hard(text)
        return text
    if isinstance(value, list):
        items = _as_items(value)
        if not items:
            raise InvalidMemory("value must hold at least one non-empty item")
        for item in items:
            _refuse_hard(item)
        return items
    raise InvalidMemory("value must be a string, a number, a boolean or a list of strings")


def _refuse_hard(text: str) -> None:
    # A person's own edit gets only the hard refusals: they know what they mean.
    problem = hard_refusal(text)
    if problem:
        raise InvalidMemory(f"value {text[:40]!r} {problem}")


def utc_now() -> str:
    return datetime.now(UTC).isoformat()


# -- SQL: every statement the service runs, parameterised ---------------------------

SELECT_PROFILE = "SELECT memories, field_times FROM user_memories WHERE user_id = %s"
LOCK_PROFILE = "SELECT memories, field_times FROM user_memories WHERE user_id = %s FOR UPDATE"
INSERT_PROFILE = (
    "INSERT INTO user_memories (user_id, memories, field_times) VALUES (%s, %s, %s) "
    "ON CONFLICT (user_id) DO NOTHING RETURNING user_id"
)
UPDATE_PROFILE = "UPDATE user_memories SET memories = %s, field_times = %s, updated_at = now() WHERE user_id = %s"
DELETE_PROFILE = "DELETE FROM user_memories WHERE user_id = %s"
LOCK_CANDIDATE_PROFILES = (
    "SELECT user_id, memories, field_times FROM user_memories WHERE user_id = ANY(%s) "
    "ORDER BY length(user_id) DESC FOR UPDATE"
)


class _RowVanished(Exception):
    """Another transaction created the row between our read and our insert: read again."""


class MemoryService:
    def __init__(
        self, db: Database, extractor: Extractor, *, max_message_chars: int = DEFAULT_MAX_MESSAGE_CHARS
    ) -> None:
        self._db = db
        self.extractor = extractor
        self.max_message_chars = max_message_chars

    # -- public ---------------------------------------------------------------------

    async def process_message(self, *, user_id: str, message: str) -> MessageResult:
        """Extract field events from one message and merge them into the user's profile.

        The extractor (possibly a slow LLM) runs before any row is locked; the merge
        then runs against the freshly locked row, so nothing written meanwhile is lost.
        """
        if len(message) > self.max_message_chars:
            raise MessageTooLong(
                f"message is {len(message)} characters; the limit is {self.max_message_chars} (MAX_MESSAGE_CHARS)"
            )
        profile, _ = await self._read(user_id)
        # Secrets are cut out before any extractor (and so any LLM) sees the message,
        # and whatever an extractor still returns is screened again.
        extracted = await self.extractor.extract(redact(message), profile)
        events, screened = admit_events(extracted, message=message)
        if not events:
            return MessageResult(applied=[], memory_context=render_context(profile), dropped=screened)
        outcome = await self._mutate(user_id, lambda p, t: apply_events(p, t, events, now=utc_now()))
        return MessageResult(
            applied=outcome.applied,
            memory_context=render_context(outcome.profile),
            dropped=screened + outcome.dropped,
        )

    async def get_memories(self, user_id: str) -> list[MemoryInfo]:
        profile, times = await self._read(user_id)
        return memory_infos(user_id, profile, times)

    async def get_profile(self, user_id: str) -> Profile:
        return (await self._read(user_id))[0]

    async def search(self, user_id: str, *, query: str, limit: int) -> list[MemoryInfo]:
        return rank_matches(await self.get_memories(user_id), query, limit)

    async def set_memory(self, user_id: str, key: str, value: Any) -> MemoryInfo:
        """Set one field to exactly `value` (a list replaces the whole list)."""
        name = normalise_field_name(key)
        if name is None or name != key:
            raise InvalidMemory(
                "key must be snake_case: a lower-case letter, then letters, digits or _ (64 at most)",
                loc=("path", "key"),
            )
        clean = validate_put_value(value)
        if name in SCALAR_FIELDS and isinstance(clean, list):
            raise MemoryConflict(f"{name} holds a single value, not a list")
        # The same gate as a message, with no message: a secret or a special category is
        # refused whole (a PUT sets exactly this value, never part of it).
        proposed = FieldEvent(
            field=name, value=list[FieldValue](clean) if isinstance(clean, list) else clean, event="UPDATE"
        )
        _, refused = admit_events([proposed], message=None, source="put")
        if refused:
            loc = ("path", "key") if secret_field_kind(name) else ("body", "value")
            raise InvalidMemory("not stored: " + "; ".join(refused), loc=loc)

        def replace(profile: Profile, times: FieldTimes) -> MergeOutcome:
            out = MergeOutcome(profile=dict(profile), field_times={k: dict(v) for k, v in times.items()})
            if name not in out.profile and len(out.profile) >= MAX_FIELDS_PER_USER:
                raise MemoryConflict(f"the profile already holds {MAX_FIELDS_PER_USER} fields")
            if isinstance(clean, list) and len(clean) > MAX_ITEMS_PER_LIST:
                raise MemoryConflict(f"a list holds at most {MAX_ITEMS_PER_LIST} items")
            stored = [clean] if name in LIST_FIELDS and not isinstance(clean, list) else clean
            if out.profile.get(name) != stored:
                out.profile[name] = stored
                _touch(out, name, utc_now())
                out.applied.append(FieldEvent(field=name, value=stored, event="UPDATE"))
            return out

        outcome = await self._mutate(user_id, replace)
        return memory_info(user_id, name, outcome.profile[name], outcome.field_times)

    async def delete_memory(self, user_id: str, key: str) -> None:
        def forget(profile: Profile, times: FieldTimes) -> MergeOutcome:
            if key not in profile:
                raise MemoryNotFound(f"user {user_id!r} has no memory {key!r}")
            out = MergeOutcome(profile=dict(profile), field_times=dict(times))
            _forget(out, key)
            out.applied.append(FieldEvent(field=key, event="REMOVE"))
            return out

        await self._mutate(user_id, forget)

    async def delete_memory_by_id(self, memory_id: str) -> None:
        """Delete `{user_id}_{field}`, splitting the id against what is stored.

        Every '_' is a possible split point. The candidates whose user exists and
        whose remainder is one of that user's fields are kept; when several remain,
        the longest stored user id wins (so 'user_123_favorite_food' is field
        'favorite_food' of 'user_123' unless a user 'user_123_favorite' has a field 'food').
        """
        splits = {memory_id[:i]: memory_id[i + 1 :] for i, ch in enumerate(memory_id) if ch == "_" and i > 0}
        if not splits:
            raise MemoryNotFound(f"memory {memory_id!r} not found")

        async def delete(cur: Cursor) -> None:
            await cur.execute(LOCK_CANDIDATE_PROFILES, (list(splits),))
            for user_id, memories, times in cur.fetchall():
                key = splits[user_id]
                if key in memories:
                    memories.pop(key)
                    times.pop(key, None)
                    await self._write_locked(cur, user_id, memories, times)
                    return
            raise MemoryNotFound(f"memory {memory_id!r} not found")

        await self._db.run(delete)

    async def delete_all(self, user_id: str) -> None:
        async def delete(cur: Cursor) -> None:
            await cur.execute(DELETE_PROFILE, (user_id,))

        await self._db.run(delete, transaction=False)

    async def database_available(self) -> bool:
        return await self._db.ping()

    # -- private --------------------------------------------------------------------

    async def _read(self, user_id: str) -> tuple[Profile, FieldTimes]:
        async def read(cur: Cursor) -> tuple[Profile, FieldTimes]:
            await cur.execute(SELECT_PROFILE, (user_id,))
            row = cur.fetchone()
            return (row[0], row[1]) if row else ({}, {})

        return await self._db.run(read, transaction=False)

    async def _mutate(self, user_id: str, change: Callable[[Profile, FieldTimes], MergeOutcome]) -> MergeOutcome:
        """Lock the user's row, apply `change`, and write the result, all in one transaction."""

        async def transaction(cur: Cursor) -> MergeOutcome:
            await cur.execute(LOCK_PROFILE, (user_id,))
            row = cur.fetchone()
            outcome = change(row[0], row[1]) if row else change({}, {})
            if not outcome.changed:
                return outcome
            if row is None:
                if outcome.profile:
                    await cur.execute(INSERT_PROFILE, (user_id, _json(outcome.profile), _json(outcome.field_times)))
                    if cur.fetchone() is None:
                        raise _RowVanished
            else:
                await self._write_locked(cur, user_id, outcome.profile, outcome.field_times)
            return outcome

        # Two first messages for a new user both see no row; the loser of the INSERT
        # race rolls back and merges again against the winner's row, now locked.
        for _ in range(5):
            try:
                return await self._db.run(transaction)
            except _RowVanished:
                continue
        raise AssertionError("user row kept appearing and vanishing")

    @staticmethod
    async def _write_locked(cur: Cursor, user_id: str, profile: Profile, times: FieldTimes) -> None:
        if profile:
            await cur.execute(UPDATE_PROFILE, (_json(profile), _json(times), user_id))
        else:
            # An emptied profile leaves no row behind, as if the user had never written.
            await cur.execute(DELETE_PROFILE, (user_id,))


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


@asynccontextmanager
async def open_memory_service(
    settings: Settings, *, extractor: Extractor | None = None
) -> AsyncIterator[tuple[MemoryService, DatabaseTarget]]:
    """Start (or reach) the database, build the pool and the service; close both on exit.

    A database that is down at start-up is not fatal: requests get 503 until it is back.
    """
    # Starting the embedded server runs initdb and pg_ctl: off the event loop.
    target = await asyncio.to_thread(open_target, settings)
    db = Database(
        target.dsn,
        size=settings.db_pool_size,
        acquire_timeout_s=settings.db_pool_timeout_s,
        connect_timeout_s=settings.db_connect_timeout_s,
    )
    service = MemoryService(db, extractor or build_extractor(settings), max_message_chars=settings.max_message_chars)
    if not await db.ping():
        log.warning("database not reachable yet; requests will get 503 until it is")
    try:
        yield service, target
    finally:
        db.close()
        if target.embedded_server is not None:
            await asyncio.to_thread(target.embedded_server.cleanup)
