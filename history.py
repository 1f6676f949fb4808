"""Per-field history and "never remember" rules: their tables, their SQL, and how a write is recorded.

Every change to a profile is written as one row per changed field, in the same transaction
as the profile row (MemoryService._mutate calls `record_changes`). A row holds the field's
value before and after, never the message that caused it: facts, never transcripts.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pydantic import BaseModel

from database import Cursor
from domain import FieldEvent, HistoryKind, HistorySource
from errors import MemoryConflict
from web import request_id_var

Profile = dict[str, Any]


class HistoryEvent(BaseModel):
    id: int
    field: str
    event: HistoryKind
    before: Any
    after: Any
    # False for a deleted field (or one removed under a rule): the event says that it
    # happened, not what the field held, and cannot be undone.
    has_values: bool
    source: HistorySource
    request_id: str | None
    created_at: str


@dataclass(frozen=True)
class Record:
    """How one write is recorded in the history."""

    source: HistorySource
    kind: HistoryKind | None = None  # EDIT for a PUT, DELETE for a deleted field; else from the change
    # False: the events keep no values, and the values older events of those fields held are
    # erased too (a deleted field, a field removed under a "never remember" rule).
    keep_values: bool = True
    # More work in the same transaction (a rules change that goes with the profile change).
    also: Callable[[Cursor], Awaitable[None]] | None = None


FROM_MESSAGE = Record("message")


def changed_fields(before: Profile, after: Profile) -> list[str]:
    return sorted(name for name in before.keys() | after.keys() if before.get(name) != after.get(name))


def history_rows(
    before: Profile, after: Profile, applied: Sequence[FieldEvent], record: Record
) -> list[dict[str, Any]]:
    """One row per changed field. The kind is the merge's own when it reported one for the field."""
    rows = []
    for name in changed_fields(before, after):
        kinds = {event.event for event in applied if event.field == name}
        if record.kind is not None:
            kind: str = record.kind
        elif len(kinds) == 1:
            kind = kinds.pop()
        else:
            kind = "ADD" if name not in before else "REMOVE" if name not in after else "UPDATE"
        keep = record.keep_values
        rows.append(
            {
                "field": name,
                "event": kind,
                "before": before.get(name) if keep else None,
                "after": after.get(name) if keep else None,
                "has_values": keep,
            }
        )
    return rows


# -- SQL: every statement on the history and rules tables, parameterised -------------------

# Events older than the retention period: never shown (the reads below leave them out), and
# deleted by MemoryService.prune_history every HISTORY_PRUNE_INTERVAL_S for every user, active
# or not; a message's write pays nothing for retention.
_CUTOFF = "now() - make_interval(days => %(days)s)"
_UNEXPIRED = f"created_at >= {_CUTOFF}"
INSERT_EVENTS = (
    "INSERT INTO memory_events (user_id, field, event, before, after, has_values, source, request_id) "
    "SELECT %(user)s, e.field, e.event, e.before, e.after, e.has_values, %(source)s, %(request)s "
    "FROM jsonb_to_recordset(%(rows)s::jsonb) "
    "AS e(field text, event text, before jsonb, after jsonb, has_values boolean)"
)
# A message's write in one statement (and so one round trip, with no BEGIN or COMMIT), a
# function in init_db.sql so that its plan is kept: the profile is replaced only if its row is
# still the version the merge started from and the user's "never remember" rules are still the
# ones its events were screened under; its history (rows: None when history is off) is written
# only if it was. false means someone wrote in between: the caller reads the rules again and
# merges under the row lock.
WRITE_MESSAGE = (
    "SELECT personalmem_message_write_v1(%(user)s, %(version)s, %(rules)s::text[], %(memories)s, %(times)s, "
    "%(rows)s, %(source)s, %(request)s)"
)
# The fields as a JSON array (jsonb ?): no ANY(…), which reads as a multi-user statement.
ERASE_FIELD_VALUES = (
    "UPDATE memory_events SET before = NULL, after = NULL, has_values = false "
    "WHERE user_id = %s AND %s::jsonb ? field AND has_values"
)
EVENT_COLUMNS = "id, field, event, before, after, has_values, source, request_id, created_at"
SELECT_EVENTS = (
    f"SELECT {EVENT_COLUMNS} FROM memory_events WHERE user_id = %(user)s AND {_UNEXPIRED} "
    "AND (%(field)s::text IS NULL OR field = %(field)s) AND (%(before)s::bigint IS NULL OR id < %(before)s) "
    "ORDER BY id DESC LIMIT %(limit)s"
)
SELECT_EVENT = f"SELECT {EVENT_COLUMNS} FROM memory_events WHERE user_id = %(user)s AND id = %(id)s AND {_UNEXPIRED}"
# Retention for everyone: which users have expired events (the one statement that names no
# user; a read, which a sharded cluster runs on every shard; the BRIN index on created_at finds
# the old pages), then each one's deleted like any other single-user statement.
USERS_WITH_EXPIRED = f"SELECT DISTINCT user_id FROM memory_events WHERE created_at < {_CUTOFF} LIMIT %(limit)s"
DELETE_EXPIRED = f"DELETE FROM memory_events WHERE user_id = %(user)s AND created_at < {_CUTOFF}"
PRUNE_BATCH_USERS = 500
SELECT_RULES = "SELECT rule FROM memory_rules WHERE user_id = %s ORDER BY id"
COUNT_RULES = "SELECT count(*) FROM memory_rules WHERE user_id = %s"
DELETE_RULES = "DELETE FROM memory_rules WHERE user_id = %s"
INSERT_RULES = (
    "INSERT INTO memory_rules (user_id, rule) SELECT %s, rule FROM unnest(%s::text[]) WITH ORDINALITY AS r(rule, n) "
    "ORDER BY n ON CONFLICT DO NOTHING"
)
# The profile, the rules and the row's version in one round trip (a function in init_db.sql,
# so that its plan is kept): a message needs all three before it is read, and the version
# lets its write skip the row lock (WRITE_MESSAGE).
SELECT_PROFILE_AND_RULES = "SELECT memories, field_times, rules, version FROM personalmem_message_read_v1(%(user)s)"
# One statement, so one snapshot: the profile, the rules and the history agree with each other.
SELECT_EXPORT = (
    "SELECT m.memories, m.field_times, "
    "ARRAY(SELECT rule FROM memory_rules r WHERE r.user_id = %(user)s ORDER BY r.id), "
    # json, not jsonb: an event's keys stay in the order GET …/history gives them.
    "(SELECT coalesce(json_agg(json_build_object('id', e.id, 'field', e.field, 'event', e.event, "
    "'before', e.before, 'after', e.after, 'has_values', e.has_values, 'source', e.source, "
    "'request_id', e.request_id, 'created_at', e.created_at) ORDER BY e.id), '[]'::json) "
    f"FROM memory_events e WHERE e.user_id = %(user)s AND e.{_UNEXPIRED}) "
    "FROM (SELECT 1) AS one LEFT JOIN user_memories m ON m.user_id = %(user)s"
)
# "Forget everything": the history and the rules go with the profile.
ERASE_USER = (
    "DELETE FROM memory_events WHERE user_id = %s",
    "DELETE FROM memory_rules WHERE user_id = %s",
    "DELETE FROM user_memories WHERE user_id = %s",
)


def record_changes(
    cur: Cursor,
    user_id: str,
    before: Profile,
    after: Profile,
    applied: Sequence[FieldEvent],
    record: Record,
) -> None:
    """Queue the history of one change inside the caller's transaction (it is sent with its COMMIT)."""
    rows = history_rows(before, after, applied, record)
    if not rows:
        return
    # Sent with the transaction's next statement (its COMMIT): history adds no round trip to a write.
    if not record.keep_values:
        cur.send_with_next(ERASE_FIELD_VALUES, (user_id, json.dumps([row["field"] for row in rows])))
    cur.send_with_next(INSERT_EVENTS, insert_params(user_id, rows, record))


def insert_params(user_id: str, rows: list[dict[str, Any]], record: Record) -> dict[str, Any]:
    """The parameters of INSERT_EVENTS (and of WRITE_MESSAGE's history)."""
    request_id = request_id_var.get()
    return {
        "user": user_id,
        "source": record.source,
        "request": None if request_id == "-" else request_id,
        "rows": json.dumps(rows, ensure_ascii=False),
    }


async def erase_values(cur: Cursor, user_id: str, fields: Sequence[str]) -> None:
    if fields:
        await cur.execute(ERASE_FIELD_VALUES, (user_id, json.dumps(list(fields))))


async def replace_rules(cur: Cursor, user_id: str, rules: Sequence[str]) -> None:
    await cur.execute(DELETE_RULES, (user_id,))
    if rules:
        await cur.execute(INSERT_RULES, (user_id, list(rules)))


async def add_rules(cur: Cursor, user_id: str, rules: Sequence[str], *, limit: int) -> None:
    await cur.execute(INSERT_RULES, (user_id, list(rules)))
    await cur.execute(COUNT_RULES, (user_id,))
    if cur.fetchone()[0] > limit:
        raise MemoryConflict(f"at most {limit} never-remember rules; remove one first")


async def read_rules(cur: Cursor, user_id: str) -> list[str]:
    await cur.execute(SELECT_RULES, (user_id,))
    return [row[0] for row in cur.fetchall()]


async def read_events(
    cur: Cursor, user_id: str, *, field: str | None, before: int | None, limit: int, retention_days: int
) -> list[HistoryEvent]:
    params = {"user": user_id, "field": field, "before": before, "limit": limit, "days": retention_days}
    await cur.execute(SELECT_EVENTS, params)
    return [event_from_row(row) for row in cur.fetchall()]


async def read_event(cur: Cursor, user_id: str, event_id: int, *, retention_days: int) -> HistoryEvent | None:
    """The event, when it is this user's and not expired: another user's id is as unknown as a made-up one."""
    await cur.execute(SELECT_EVENT, {"user": user_id, "id": event_id, "days": retention_days})
    row = cur.fetchone()
    return event_from_row(row) if row else None


async def users_with_expired(cur: Cursor, *, retention_days: int) -> list[str]:
    await cur.execute(USERS_WITH_EXPIRED, {"days": retention_days, "limit": PRUNE_BATCH_USERS})
    return [row[0] for row in cur.fetchall()]


async def delete_expired(cur: Cursor, user_id: str, *, retention_days: int) -> int:
    """Delete one user's expired events; how many went."""
    await cur.execute(DELETE_EXPIRED, {"user": user_id, "days": retention_days})
    return cur.rowcount


async def erase_user(cur: Cursor, user_id: str) -> None:
    for statement in ERASE_USER:
        await cur.execute(statement, (user_id,))


def event_from_row(row: Sequence[Any]) -> HistoryEvent:
    created: datetime = row[8]
    return HistoryEvent(
        id=row[0],
        field=row[1],
        event=row[2],
        before=row[3],
        after=row[4],
        has_values=row[5],
        source=row[6],
        request_id=row[7],
        created_at=created.isoformat(),
    )
