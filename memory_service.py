"""The memory service: apply field events to one JSONB row per user, and read it back.

Merging is plain code (never the LLM): `apply_events` (merge.py) is a pure function, and
`MemoryService` runs it inside one transaction that holds the user's row lock,
so concurrent messages for one user never lose an update.
"""

from __future__ import annotations

import asyncio
import functools
import json
import logging
import re
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel

import history
from config import Settings
from database import Cursor, Database, DatabaseTarget, open_target
from domain import (
    CONTROL_CHARS,
    DEFAULT_HISTORY_RETENTION_DAYS,
    DEFAULT_MAX_MESSAGE_CHARS,
    LEADING_FIELDS,
    LIST_FIELDS,
    MAX_FIELDS_PER_USER,
    MAX_ITEMS_PER_LIST,
    MAX_RULES_PER_USER,
    SCALAR_FIELDS,
    FieldEvent,
    FieldValue,
    normalise_field_key,
)
from errors import DatabaseUnavailable, InvalidMemory, MemoryConflict, MemoryNotFound, MessageTooLong
from extractors import Extractor, LLMExtractor, build_extractor
from guards import admit_events, redact, secret_field_kind
from history import FROM_MESSAGE, SELECT_PROFILE_AND_RULES, Record
from merge import FieldTimes, MergeOutcome, Profile, apply_events, format_scalar
from merge import clean_items as _as_items
from merge import forget_field as _forget
from merge import touch_field as _touch
from never_remember import Probe, describe, parse_rule_requests, redact_blocked, removals

log = logging.getLogger("personalmem.service")

EMPTY_CONTEXT = "User Personal Information:\n(nothing stored yet)"


class MemoryInfo(BaseModel):
    id: str
    memory: str
    user_id: str | None
    created_at: str | None
    updated_at: str | None


@dataclass
class MessageResult:
    applied: list[FieldEvent]
    memory_context: str
    dropped: list[str]
    # What the service did besides storing facts ("I will never remember where you live").
    notes: list[str] = field(default_factory=list)


# -- pure functions: formatting, search, validation (the merge is in merge.py) ----------
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


def memory_infos_json(user_id: str, profile: Profile, field_times: FieldTimes) -> bytes:
    """memory_infos() as the JSON body FastAPI would send for list[MemoryInfo], byte for byte,
    without a model a field: on the busiest read, building and validating them cost a tenth of
    the worker's time (py-spy). The values are strings or null, as MemoryInfo's fields, each
    written by the encoder's own string function (a dict a row through the encoder took 20 µs
    a profile, this 13)."""
    empty: dict[str, Any] = {}
    user = _json_string(user_id)
    rows = []
    for name in ordered_fields(profile):
        times = field_times.get(name, empty)
        rows.append(
            '{"id":' + _json_string(f"{user_id}_{name}")
            + ',"memory":' + _json_string(f"{name}: {format_value(profile[name])}")
            + ',"user_id":' + user
            + ',"created_at":' + _json_string_or_null(times.get("created_at"))
            + ',"updated_at":' + _json_string_or_null(times.get("updated_at"))
            + "}"
        )  # fmt: skip
    return ("[" + ",".join(rows) + "]").encode()


# What json.dumps(..., ensure_ascii=False) writes for a string (the C function behind it).
_json_string: Callable[[str], str] = json.encoder.encode_basestring


def _json_string_or_null(value: Any) -> str:
    return "null" if value is None else _json_string(str(value))


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
        return value  # its size is checked by the gate (domain.check_numbers), after the privacy screen
    if isinstance(value, str):
        text = " ".join(CONTROL_CHARS.sub(" ", value).split())
        if not text:
            raise InvalidMemory("value must not be empty")
        return text
    if isinstance(value, list):
        items = _as_items(value)
        if not items:
            raise InvalidMemory("value must hold at least one non-empty item")
        return items
    raise InvalidMemory("value must be a string, a number, a boolean or a list of strings")


def utc_now() -> str:
    return datetime.now(UTC).isoformat()


# -- SQL: every statement the service runs, parameterised ---------------------------

SELECT_PROFILE = "SELECT memories, field_times FROM user_memories WHERE user_id = %s"
LOCK_PROFILE = "SELECT memories, field_times FROM user_memories WHERE user_id = %s FOR UPDATE"
# A new user's row, created and locked in one statement. ON CONFLICT DO UPDATE takes the lock
# on whichever row wins, even one another transaction created (or deleted and created again)
# a moment ago, so a first write never has to retry.
CREATE_LOCKED_PROFILE = (
    "INSERT INTO user_memories (user_id, memories, field_times) VALUES (%s, '{}', '{}') "
    "ON CONFLICT (user_id) DO UPDATE SET user_id = EXCLUDED.user_id RETURNING memories, field_times"
)
UPDATE_PROFILE = "UPDATE user_memories SET memories = %s, field_times = %s, updated_at = now() WHERE user_id = %s"
DELETE_PROFILE = "DELETE FROM user_memories WHERE user_id = %s"


class MemoryService:
    def __init__(
        self,
        db: Database,
        extractor: Extractor,
        *,
        max_message_chars: int = DEFAULT_MAX_MESSAGE_CHARS,
        history_enabled: bool = True,
        history_retention_days: int = DEFAULT_HISTORY_RETENTION_DAYS,
    ) -> None:
        self._db = db
        self.extractor = extractor
        self.max_message_chars = max_message_chars
        self.history_enabled = history_enabled
        self.history_retention_days = history_retention_days
        self._probe: Probe | None = None

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
        # "Don't remember where I live" sets a rule (and removes what is stored under it);
        # only the rest of the message is read for facts.
        requested, message_rest = parse_rule_requests(message)
        ruled = await self._set_rules_from_message(user_id, requested) if requested else None
        # On the primary, not a read replica: a chat sends messages back to back, and the
        # extractor (and the memory_context returned) must see the previous one's write.
        profile, times, rules, version = await self._read_for_message(user_id)
        # Secrets, and the clauses on a topic the user never wants remembered, are cut out
        # before any extractor (and so any LLM) sees the message; what it returns is screened again.
        text, cut = await redact_blocked(redact(message_rest), rules, self._local_probe() if rules else None)
        extracted = await self.extractor.extract(text, profile) if text.strip() else []
        events, screened = admit_events(extracted, message=message, rules=rules)
        notes = _rule_notes(requested, ruled, cut)
        earlier = ruled.applied if ruled else []
        if not events:
            return MessageResult(earlier, render_context(profile), screened, notes)
        outcome = apply_events(profile, times, events, now=utc_now())
        if not outcome.changed:
            return MessageResult(earlier, render_context(profile), screened + outcome.dropped, notes)
        if (
            version is None
            or not outcome.profile
            or not await self._write_if_unchanged(user_id, version, rules, profile, outcome)
        ):
            # A new user's first row, an emptied profile, or a row (or rules) someone changed
            # since they were read; an LLM may take seconds, and a rule set meanwhile ("don't
            # remember where I live", sent just after) still holds for what this message stores.
            latest = await self.read_rules(user_id)
            if latest != rules:
                events, screened = admit_events(extracted, message=message, rules=latest)
            outcome = await self._mutate(user_id, lambda p, t: apply_events(p, t, events, now=utc_now()))
        return MessageResult(
            applied=earlier + outcome.applied,
            memory_context=render_context(outcome.profile),
            dropped=screened + outcome.dropped,
            notes=notes,
        )

    async def get_memories(self, user_id: str) -> list[MemoryInfo]:
        profile, times = await self._read(user_id)
        return memory_infos(user_id, profile, times)

    async def get_memories_json(self, user_id: str) -> bytes:
        """get_memories() as its JSON body (the read the benchmark's busiest line makes)."""
        profile, times = await self._read(user_id)
        return memory_infos_json(user_id, profile, times)

    async def get_context_json(self, user_id: str) -> bytes:
        """GET …/context's body, {"user_memories": [...], "user_id": ...} (api.ContextResponse),
        written the same way as get_memories_json()."""
        memories = await self.get_memories_json(user_id)
        return b'{"user_memories":' + memories + b',"user_id":' + _json_string(user_id).encode() + b"}"

    async def get_profile(self, user_id: str) -> Profile:
        """field -> value, in the documented order (JSONB keeps its own: shortest key first)."""
        profile = (await self._read(user_id))[0]
        return {name: profile[name] for name in ordered_fields(profile)}

    async def search(self, user_id: str, *, query: str, limit: int) -> list[MemoryInfo]:
        return rank_matches(await self.get_memories(user_id), query, limit)

    async def set_memory(self, user_id: str, key: str, value: Any) -> MemoryInfo:
        """Set one field to exactly `value` (a list replaces the whole list)."""
        name = _field_key(key)
        clean = validate_put_value(value)
        if name in SCALAR_FIELDS and isinstance(clean, list):
            raise MemoryConflict(f"{name} holds a single value, not a list")
        # The same gate as a message, with no message: a secret or a special category is
        # refused whole (a PUT sets exactly this value, never part of it), and so is what
        # one of the user's never-remember rules covers.
        proposed = FieldEvent(
            field=name, value=list[FieldValue](clean) if isinstance(clean, list) else clean, event="UPDATE"
        )
        _, refused = admit_events([proposed], message=None, source="put", rules=await self.read_rules(user_id))
        if refused:
            loc = ("path", "key") if secret_field_kind(name) else ("body", "value")
            raise InvalidMemory("not stored: " + "; ".join(refused), loc=loc)

        def replace(profile: Profile, times: FieldTimes) -> MergeOutcome:
            out = MergeOutcome(profile=dict(profile), field_times={k: dict(v) for k, v in times.items()})
            if name not in out.profile and len(out.profile) >= MAX_FIELDS_PER_USER:
                raise MemoryConflict(f"the profile already holds {MAX_FIELDS_PER_USER} fields")
            if isinstance(clean, list) and len(clean) > MAX_ITEMS_PER_LIST:
                raise MemoryConflict(f"a list holds at most {MAX_ITEMS_PER_LIST} items")
            stored: FieldValue | list[FieldValue] = (
                list[FieldValue](clean) if isinstance(clean, list) else [clean] if name in LIST_FIELDS else clean
            )
            if out.profile.get(name) != stored:
                out.profile[name] = stored
                _touch(out, name, utc_now())
                out.applied.append(FieldEvent(field=name, value=stored, event="UPDATE"))
            return out

        outcome = await self._mutate(user_id, replace, record=Record("edit", kind="EDIT"))
        return memory_info(user_id, name, outcome.profile[name], outcome.field_times)

    async def delete_memory(self, user_id: str, key: str) -> None:
        key = _field_key(key)

        def forget(profile: Profile, times: FieldTimes) -> MergeOutcome:
            if key not in profile:
                raise MemoryNotFound(f"user {user_id!r} has no memory {key!r}")
            out = MergeOutcome(profile=dict(profile), field_times=dict(times))
            _forget(out, key)
            out.applied.append(FieldEvent(field=key, event="REMOVE"))
            return out

        # The event says the field was deleted, not what it held; older events lose its values too.
        await self._mutate(user_id, forget, record=Record("edit", kind="DELETE", keep_values=False))

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
            # One candidate row at a time, longest user id first: every statement names one
            # user_id, so a sharded deployment (Citus) routes each to one shard, and two such
            # deletes take their locks in the same order.
            for user_id in sorted(splits, key=len, reverse=True):
                await cur.execute(LOCK_PROFILE, (user_id,))
                row = cur.fetchone()
                key = splits[user_id]
                if row is not None and key in row[0]:
                    memories, times = row
                    before = dict(memories)
                    memories.pop(key)
                    times.pop(key, None)
                    self._write_locked(cur, user_id, memories, times)
                    await self._record(
                        cur, user_id, before, memories, [], Record("edit", kind="DELETE", keep_values=False)
                    )
                    return
            raise MemoryNotFound(f"memory {memory_id!r} not found")

        await self._db.run(delete)

    async def delete_all(self, user_id: str) -> None:
        """Forget everything: the profile, its history and the user's rules, in one transaction."""

        async def delete(cur: Cursor) -> None:
            # The row lock waits for a write in flight, so its history rows are seen and erased too.
            await cur.execute(LOCK_PROFILE, (user_id,))
            await history.erase_user(cur, user_id)

        await self._db.run(delete)

    async def read_rules(self, user_id: str) -> list[str]:
        return await self._db.read(lambda cur: history.read_rules(cur, user_id), primary=True)

    async def prune_history(self) -> int:
        """Delete every user's history events older than the retention period; how many went."""
        days, pruned = self.history_retention_days, 0
        while True:
            find = functools.partial(history.users_with_expired, retention_days=days)
            users = await self._db.read(find, primary=True)
            for user_id in users:
                delete = functools.partial(history.delete_expired, user_id=user_id, retention_days=days)
                pruned += await self._db.run(delete, transaction=False)
            if len(users) < history.PRUNE_BATCH_USERS:
                return pruned

    async def database_available(self) -> bool:
        return await self._db.ping()

    # -- private --------------------------------------------------------------------

    async def _read(self, user_id: str, *, primary: bool = False) -> tuple[Profile, FieldTimes]:
        """The stored profile; from the read replica (DATABASE_READ_URL) unless `primary`."""

        async def read(cur: Cursor) -> tuple[Profile, FieldTimes]:
            await cur.execute(SELECT_PROFILE, (user_id,))
            row = cur.fetchone()
            return (row[0], row[1]) if row else ({}, {})

        return await self._db.read(read, primary=primary)

    async def _read_for_message(self, user_id: str) -> tuple[Profile, FieldTimes, list[str], str | None]:
        """The profile, its field times, the user's rules and the row's version (None: no row yet)."""

        async def read(cur: Cursor) -> tuple[Profile, FieldTimes, list[str], str | None]:
            await cur.execute(SELECT_PROFILE_AND_RULES, {"user": user_id})
            row = cur.fetchone()
            return row[0] or {}, row[1] or {}, row[2], row[3]

        return await self._db.read(read, primary=True)

    async def _write_if_unchanged(
        self, user_id: str, version: str, rules: list[str], before: Profile, outcome: MergeOutcome
    ) -> bool:
        """Write a message's merge in one statement if the row is still `version` and the user's
        rules are still `rules`; False if either changed.

        Most messages find their user's row unchanged since it was read: this write takes no
        lock beforehand and needs no BEGIN or COMMIT, one round trip where the locked path takes two.
        """
        params: dict[str, Any] = {"user": user_id, "version": version, "rules": rules,
                                  "memories": _json(outcome.profile), "times": _json(outcome.field_times)}  # fmt: skip
        if self.history_enabled:
            rows = history.history_rows(before, outcome.profile, outcome.applied, FROM_MESSAGE)
            params |= history.insert_params(user_id, rows, FROM_MESSAGE)
        else:
            params |= {"rows": None, "source": None, "request": None}  # no events: the profile alone

        async def write(cur: Cursor) -> bool:
            await cur.execute(history.WRITE_MESSAGE, params)
            return bool(cur.fetchone()[0])

        return await self._db.run(write, transaction=False)

    async def _set_rules_from_message(self, user_id: str, rules: list[str]) -> MergeOutcome:
        """Add the rules and remove what is stored under them, in one transaction."""

        async def add(cur: Cursor) -> None:
            await history.add_rules(cur, user_id, rules, limit=MAX_RULES_PER_USER)

        def remove(profile: Profile, times: FieldTimes) -> MergeOutcome:
            return apply_events(profile, times, removals(profile, rules), now=utc_now())

        return await self._mutate(user_id, remove, record=Record("rule", keep_values=False, also=add))

    def _local_probe(self) -> Probe | None:
        """The rule-based extractor, to tell which clauses hold a blocked fact before an LLM sees them."""
        if self.extractor.describe().get("extractor") == "rules":
            return None  # the gate drops what it finds; no LLM is called
        if self._probe is None:
            from rules_extractor import RuleExtractor

            local = RuleExtractor()
            self._probe = lambda text: local.extract(text, {})
        return self._probe

    async def _record(
        self, cur: Cursor, user_id: str, before: Profile, after: Profile, applied: list[FieldEvent], record: Record
    ) -> None:
        if self.history_enabled:
            history.record_changes(cur, user_id, before, after, applied, record)
        elif not record.keep_values:
            await history.erase_values(cur, user_id, history.changed_fields(before, after))

    async def _mutate(
        self,
        user_id: str,
        change: Callable[[Profile, FieldTimes], MergeOutcome],
        *,
        record: Record = FROM_MESSAGE,
    ) -> MergeOutcome:
        """Lock the user's row, apply `change`, write the result and its history, all in one transaction."""

        async def transaction(cur: Cursor) -> MergeOutcome:
            await cur.execute(LOCK_PROFILE, (user_id,))
            row = cur.fetchone()
            if row is None:
                await cur.execute(CREATE_LOCKED_PROFILE, (user_id,))
                row = cur.fetchone()
            outcome = change(row[0], row[1])
            if record.also is not None:
                await record.also(cur)
            # An unchanged empty profile is the row just created: writing it deletes it again.
            if outcome.changed or not row[0]:
                self._write_locked(cur, user_id, outcome.profile, outcome.field_times)
            if outcome.changed:
                await self._record(cur, user_id, row[0], outcome.profile, outcome.applied, record)
            return outcome

        return await self._db.run(transaction)

    @staticmethod
    def _write_locked(cur: Cursor, user_id: str, profile: Profile, times: FieldTimes) -> None:
        # Nobody reads the result: the statement travels with the transaction's next one (its
        # COMMIT at the latest), one round trip fewer per write; an error surfaces there, before
        # anything is committed, and is mapped as any other.
        if profile:
            cur.send_with_next(UPDATE_PROFILE, (_json(profile), _json(times), user_id))
        else:
            # An emptied profile leaves no row behind, as if the user had never written.
            cur.send_with_next(DELETE_PROFILE, (user_id,))


def _field_key(key: str) -> str:
    """A field name as given in a path ('Favorite-Food'), as it is stored ('favorite_food')."""
    name = normalise_field_key(key)
    if name is None:
        raise InvalidMemory(
            "key must hold a letter first, then letters, digits, spaces, '-' or '_'; "
            "it is stored in snake_case (64 characters at most)",
            loc=("path", "key"),
        )
    return name


def _rule_notes(requested: list[str], ruled: MergeOutcome | None, cut: int) -> list[str]:
    notes = []
    if requested:
        notes.append("I will never remember " + ", ".join(describe(rule) for rule in requested))
    if ruled and ruled.applied:
        notes.append("removed what was stored: " + ", ".join(sorted({e.field for e in ruled.applied})))
    if cut:
        notes.append(f"left out {cut} part(s) of your message on a topic you asked me never to remember")
    return notes


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


async def _prune_history_every(service: MemoryService, interval_s: float) -> None:
    """Retention for every user, active or not, from inside each API process (no extra service).
    Several processes pruning at once only find less to delete."""
    while True:
        await asyncio.sleep(interval_s)
        try:
            pruned = await service.prune_history()
            if pruned:
                days = service.history_retention_days
                log.info("history retention: deleted %d events older than %d days", pruned, days)
        except DatabaseUnavailable as exc:
            log.warning("history retention postponed: %s", exc.internal or exc.detail)
        except Exception as exc:  # a background task that died would stop retention for good
            log.error("history retention failed (%s); trying again later", type(exc).__name__)


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
        read_dsn=settings.database_read_url,
        size=settings.db_pool_size,
        acquire_timeout_s=settings.db_pool_timeout_s,
        connect_timeout_s=settings.db_connect_timeout_s,
        statement_timeout_s=settings.db_statement_timeout_s,
    )
    active = extractor if extractor is not None else build_extractor(settings)
    service = MemoryService(
        db,
        active,
        max_message_chars=settings.max_message_chars,
        history_enabled=settings.history_enabled,
        history_retention_days=settings.history_retention_days,
    )
    if not await db.ping():
        log.warning("database not reachable yet; requests will get 503 until it is")
    # Retention runs with history switched off too: events recorded before still expire.
    pruning = asyncio.create_task(_prune_history_every(service, settings.history_prune_interval_s))
    try:
        yield service, target
    finally:
        pruning.cancel()
        await asyncio.gather(pruning, return_exceptions=True)
        # The service closes the LLM client it built; an extractor passed in is the caller's.
        if extractor is None and isinstance(active, LLMExtractor):
            await active.aclose()
        db.close()
        if target.embedded_server is not None:
            await asyncio.to_thread(target.embedded_server.cleanup)
