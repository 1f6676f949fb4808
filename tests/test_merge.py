"""The merge rules, as pure functions: no database needed to state them."""

from __future__ import annotations

import pytest

from domain import MAX_ITEMS_PER_LIST, FieldEvent, normalise_field_name
from memory_service import (
    apply_events,
    format_value,
    memory_infos,
    ordered_fields,
    rank_matches,
    render_context,
)

NOW = "2026-01-01T00:00:00+00:00"
LATER = "2026-01-02T00:00:00+00:00"


def ev(field: str, value: object, event: str = "ADD") -> FieldEvent:
    return FieldEvent(field=field, value=value, event=event)  # type: ignore[arg-type]


def merge(profile: dict, *events: FieldEvent, times: dict | None = None, now: str = NOW):
    return apply_events(profile, times or {}, list(events), now=now)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("name", "name"),
        ("Favorite Food", "favorite_food"),
        ("favoriteFood", "favorite_food"),
        ("  likes ", "likes"),
        ("pet-names", "pet_names"),
        ("123", None),
        ("", None),
        ("$$$", None),
        ("x" * 65, None),
    ],
)
def test_normalise_field_name(raw: str, expected: str | None) -> None:
    assert normalise_field_name(raw) == expected


def test_list_add_is_case_insensitive_union_keeping_first_spelling() -> None:
    out = merge({"likes": ["Python"]}, ev("likes", ["python", "Pizza", "pizza"]))
    assert out.profile == {"likes": ["Python", "Pizza"]}
    assert [e.model_dump() for e in out.applied] == [{"field": "likes", "value": ["Pizza"], "event": "ADD"}]


def test_list_field_given_a_string_becomes_an_item() -> None:
    assert merge({}, ev("skills", "Go")).profile == {"skills": ["Go"]}


def test_scalar_add_and_update_replace() -> None:
    out = merge({"location": "Paris"}, ev("location", "Lisbon", "ADD"))
    assert out.profile == {"location": "Lisbon"}
    assert out.applied[0].event == "UPDATE"
    out = merge({}, ev("name", "Jo", "UPDATE"))
    assert out.applied[0].event == "ADD"  # reported as what happened: the field was new


def test_unchanged_events_are_dropped() -> None:
    out = merge(
        {"name": "Alice", "likes": ["tea"]}, ev("name", "Alice"), ev("likes", ["TEA"]), ev("pets", [], "REMOVE")
    )
    assert out.applied == []
    assert out.profile == {"name": "Alice", "likes": ["tea"]}


def test_remove_items_and_emptied_list_is_deleted() -> None:
    times = {"likes": {"created_at": NOW, "updated_at": NOW}}
    out = merge({"likes": ["tea", "Coffee"]}, ev("likes", ["coffee"], "REMOVE"), times=times, now=LATER)
    assert out.profile == {"likes": ["tea"]}
    assert out.field_times["likes"] == {"created_at": NOW, "updated_at": LATER}
    assert out.applied[0].value == ["Coffee"]
    out = merge(out.profile, ev("likes", ["tea"], "REMOVE"), times=out.field_times)
    assert out.profile == {} and out.field_times == {}


def test_remove_scalar_or_without_value_deletes_field() -> None:
    assert merge({"role": "chef"}, ev("role", None, "REMOVE")).profile == {}
    assert merge({"role": "chef"}, ev("role", "Chef", "REMOVE")).profile == {}
    assert merge({"likes": ["a", "b"]}, ev("likes", None, "REMOVE")).profile == {}


def test_remove_scalar_with_a_different_value_keeps_it() -> None:
    out = merge({"location": "Lisbon"}, ev("location", "Paris", "REMOVE"))
    assert out.profile == {"location": "Lisbon"} and out.applied == []


def test_custom_fields_take_their_kind_from_the_value() -> None:
    out = merge({}, ev("Favorite Food", "ramen"), ev("instruments", ["piano"]))
    assert out.profile == {"favorite_food": "ramen", "instruments": ["piano"]}
    out = merge(out.profile, ev("instruments", "violin"))
    assert out.profile["instruments"] == ["piano", "violin"]  # an existing list stays a list


def test_scalar_field_given_a_list_is_joined() -> None:
    assert merge({}, ev("name", ["Alice"])).profile == {"name": "Alice"}


def test_invalid_field_names_are_dropped_and_reported() -> None:
    out = merge({}, ev("!!!", "x"))
    assert out.profile == {} and out.dropped


def test_list_cap_drops_and_reports() -> None:
    full = {"likes": [f"thing {i}" for i in range(MAX_ITEMS_PER_LIST)]}
    out = merge(full, ev("likes", ["one more"]))
    assert out.profile == full
    assert out.applied == [] and "one more" in out.dropped[0]


def test_field_times_created_once_updated_each_change() -> None:
    out = merge({}, ev("name", "A"), now=NOW)
    out = merge(out.profile, ev("name", "B"), times=out.field_times, now=LATER)
    assert out.field_times["name"] == {"created_at": NOW, "updated_at": LATER}


def test_ordering_and_rendering() -> None:
    profile = {"likes": ["a", "b"], "age": 30, "name": "Al", "location": "X", "zodiac": "leo", "role": "chef"}
    assert ordered_fields(profile) == ["name", "role", "location", "age", "likes", "zodiac"]
    assert render_context(profile) == (
        "User Personal Information:\n- name: Al\n- role: chef\n- location: X\n- age: 30\n- likes: a, b\n- zodiac: leo"
    )
    assert render_context({}) == "User Personal Information:\n(nothing stored yet)"
    assert format_value(True) == "true" and format_value(2.0) == "2" and format_value(["a", 1]) == "a, 1"


def test_rank_matches() -> None:
    infos = memory_infos("u", {"likes": ["pineapple"], "skills": ["apple pie baking"], "name": "Bo"}, {})
    assert [i.memory for i in rank_matches(infos, "apple", 5)] == ["skills: apple pie baking", "likes: pineapple"]
    assert rank_matches(infos, "zzz", 5) == []
    assert [i.memory for i in rank_matches(infos, "NAME", 5)] == ["name: Bo"]
