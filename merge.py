"""The merge: how field events change a profile, as pure functions (no I/O).

Code, never the LLM, decides what an event does, and the same rules hold for every
extractor. The rules that keep a profile true over time live here in one place
(apply_events says them all): a REMOVE wins over an ADD of the same value in one message,
the newer polarity of a thing wins, an event for what is already stored is no change, and a
scalar REMOVE finds the stored value in another spelling. Values are compared by the keys
in quality.py (case, articles and a plural -s do not count).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from domain import (
    CONTROL_CHARS,
    LIST_FIELDS,
    MAX_FIELDS_PER_USER,
    MAX_ITEMS_PER_LIST,
    MAX_VALUE_CHARS,
    SCALAR_FIELDS,
    FieldEvent,
    FieldValue,
    normalise_field_name,
)
from quality import contains_phrase, polarity_key, value_key

Profile = dict[str, Any]
FieldTimes = dict[str, dict[str, str]]


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


def _clean_item(value: FieldValue | None) -> str | int | float | bool | None:
    if isinstance(value, bool | int | float):
        return value
    if isinstance(value, str):
        text = " ".join(CONTROL_CHARS.sub(" ", value).split())
        return text[:MAX_VALUE_CHARS] if text else None
    return None


def clean_items(value: FieldValue | list[FieldValue] | None) -> list[str]:
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
        items = clean_items(value)
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
                removed.setdefault(field_name, set()).update(_key_for(field_name)(i) for i in clean_items(event.value))
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


def touch_field(out: MergeOutcome, name: str, now: str) -> None:
    times = out.field_times.setdefault(name, {"created_at": now})
    times.setdefault("created_at", now)
    times["updated_at"] = now


def forget_field(out: MergeOutcome, name: str) -> None:
    out.profile.pop(name, None)
    out.field_times.pop(name, None)


def _has_room_for_field(out: MergeOutcome, name: str) -> bool:
    if name in out.profile or len(out.profile) < MAX_FIELDS_PER_USER:
        return True
    out.dropped.append(f"{name}: the profile already holds {MAX_FIELDS_PER_USER} fields")
    return False


def _add_items(out: MergeOutcome, name: str, current: Any, value: Any, now: str) -> None:
    items = clean_items(value)
    if name == "family":
        # "sister Priya" refines a bare "sister": the name replaces it, and a bare relation
        # is not added beside a named one ("I have a son named Leo" is one son, not two).
        stored = current if isinstance(current, list) else []
        named = {relation for item in (*items, *stored) if (relation := _relation_of_named(item))}
        if named:
            _take_out(out, name, lambda item: item.strip().lower() in named, now)
            current = out.profile.get(name)
            items = [item for item in items if item.strip().lower() not in named]
    existing = current if isinstance(current, list) else ([format_scalar(current)] if current is not None else [])
    known = {value_key(item) for item in existing}
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
    touch_field(out, name, now)
    out.applied.append(FieldEvent(field=name, value=list[FieldValue](added), event="ADD"))


def _relation_of_named(item: str) -> str | None:
    """'sister Priya' -> 'sister'; None for anything but a relation and a capitalised name."""
    words = item.split()
    return words[0] if len(words) == 2 and words[1][:1].isupper() and words[0].islower() else None


def _set_scalar(out: MergeOutcome, name: str, current: Any, value: Any, now: str) -> None:
    new = _as_scalar(value)
    if new is None or (current is not None and value_key(new) == value_key(current)):
        return
    if not _has_room_for_field(out, name):
        return
    out.profile[name] = new
    touch_field(out, name, now)
    out.applied.append(FieldEvent(field=name, value=new, event="ADD" if current is None else "UPDATE"))


def _remove(out: MergeOutcome, name: str, value: Any, now: str) -> None:
    wanted = clean_items(value)
    if not wanted:
        if name in out.profile:
            current = out.profile[name]
            forget_field(out, name)
            out.applied.append(FieldEvent(field=name, value=current, event="REMOVE"))
        return
    for field_name in _side(name):
        key = _key_for(field_name)
        current = out.profile.get(field_name)
        if isinstance(current, list):
            if key is polarity_key:
                matches = _same_thing_as(wanted)
            elif field_name in KIND_REMOVED_FIELDS:
                matches = _kind_of(wanted)
            else:
                matches = _equal_to(wanted)
            _take_out(out, field_name, matches, now)
        elif current is not None and any(_same_fact(key(current), key(item)) for item in wanted):
            forget_field(out, field_name)
            out.applied.append(FieldEvent(field=field_name, value=current, event="REMOVE"))


def _same_fact(stored: str, wanted: str) -> bool:
    """A scalar REMOVE matches when one key holds the other as whole words; "REMOVE location
    Paris" while the user lives in Lisbon changes nothing."""
    return contains_phrase(stored, wanted) or contains_phrase(wanted, stored)


def _equal_to(values: list[str]) -> Callable[[str], bool]:
    keys = {value_key(value) for value in values}
    return lambda item: value_key(item) in keys


# Lists whose REMOVE names a kind: "I sold the bar" ends "small tapas bar", "sold my car" ends "red Fiat car".
KIND_REMOVED_FIELDS = ("possessions",)


def _kind_of(values: list[str]) -> Callable[[str], bool]:
    """Whether an item is one of `values` or a kind of one, by value_key and whole words."""
    keys = {value_key(value) for value in values} - {""}
    return lambda item: any((mine := value_key(item)) == k or mine.endswith(" " + k) for k in keys)


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
        touch_field(out, name, now)
    else:
        forget_field(out, name)
    out.applied.append(FieldEvent(field=name, value=removed, event="REMOVE"))


def format_scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
