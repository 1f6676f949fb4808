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
from quality import polarity_key, value_key

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


# -- truth over time: the rules every extractor's events are merged by --------------------


def report(out) -> list[dict]:
    return [e.model_dump() for e in out.applied]


def test_disliking_a_liked_thing_moves_it_and_reports_both_sides() -> None:
    out = merge({"likes": ["Olives", "jazz"], "interests": ["olive"]}, ev("dislikes", ["olives"]))
    assert out.profile == {"likes": ["jazz"], "dislikes": ["olives"]}
    assert report(out) == [
        {"field": "likes", "value": ["Olives"], "event": "REMOVE"},
        {"field": "interests", "value": ["olive"], "event": "REMOVE"},
        {"field": "dislikes", "value": ["olives"], "event": "ADD"},
    ]


def test_liking_a_disliked_thing_moves_it_back() -> None:
    out = merge({"dislikes": ["the opera", "mud"]}, ev("interests", ["Opera"]))
    assert out.profile == {"dislikes": ["mud"], "interests": ["Opera"]}


def test_polarity_sees_through_a_way_of_consuming_and_a_kind_of_thing() -> None:
    # Stored before: "drinking cider" is cider, "sparkling cider" is a kind of cider.
    out = merge({"likes": ["drinking cider", "sparkling cider", "cidermaking"]}, ev("dislikes", ["cider"]))
    assert out.profile == {"likes": ["cidermaking"], "dislikes": ["cider"]}


def test_one_message_may_hold_a_kind_and_its_opposite() -> None:
    # "I can't stand talk radio but I love radio": both stand, said together.
    out = merge({}, ev("dislikes", ["talk radio"]), ev("likes", ["radio"]))
    assert out.profile == {"dislikes": ["talk radio"], "likes": ["radio"]}


def test_both_polarities_of_one_thing_in_one_message_the_later_wins_and_only_it_is_reported() -> None:
    out = merge({}, ev("likes", ["karaoke"]), ev("dislikes", ["Karaoke"]))
    assert out.profile == {"dislikes": ["Karaoke"]}
    assert report(out) == [{"field": "dislikes", "value": ["Karaoke"], "event": "ADD"}]


def test_restating_a_stored_like_still_clears_a_stale_dislike() -> None:
    out = merge({"likes": ["tea"], "dislikes": ["tea"]}, ev("likes", ["Tea"]))
    assert out.profile == {"likes": ["tea"]}
    assert report(out) == [{"field": "dislikes", "value": ["tea"], "event": "REMOVE"}]


def test_a_removed_value_is_never_re_added_by_the_same_message() -> None:
    stored = {"likes": ["bouldering", "chess"]}
    for events in (
        (ev("likes", ["bouldering"], "REMOVE"), ev("likes", ["Bouldering"])),
        (ev("likes", ["Bouldering"]), ev("likes", ["bouldering"], "REMOVE")),  # order does not matter
        (ev("likes", ["bouldering"], "REMOVE"), ev("interests", ["bouldering"])),  # nor the side's other field
    ):
        out = merge(stored, *events)
        assert out.profile == {"likes": ["chess"]}, events
        assert report(out) == [{"field": "likes", "value": ["bouldering"], "event": "REMOVE"}]


def test_a_remove_does_not_block_a_different_new_value() -> None:
    out = merge({"location": "Ghent"}, ev("location", None, "REMOVE"), ev("location", "Bruges", "UPDATE"))
    assert out.profile == {"location": "Bruges"}
    out = merge({"location": "Ghent"}, ev("location", "Bruges", "UPDATE"), ev("location", "Ghent", "REMOVE"))
    assert out.profile == {"location": "Bruges"}  # removals first: Ghent goes, then Bruges is set


def test_removing_a_like_ends_it_in_interests_too() -> None:
    out = merge({"likes": ["sudoku"], "interests": ["Sudoku", "birds"]}, ev("likes", ["sudoku"], "REMOVE"))
    assert out.profile == {"interests": ["birds"]}


@pytest.mark.parametrize(
    ("stored", "event"),
    [
        ({"likes": ["Kites"]}, ev("likes", ["kite", "the kites"])),
        ({"role": "Data Analyst"}, ev("role", "data  analyst", "UPDATE")),
        ({"role": "data analyst"}, ev("role", "a Data Analyst", "ADD")),
        ({"age": 41}, ev("age", "41", "UPDATE")),
        ({"employer": "Globex"}, ev("employer", "Initech", "REMOVE")),
        ({"pets": ["cat"]}, ev("pets", ["dog"], "REMOVE")),
        ({}, ev("location", "Oslo", "REMOVE")),
    ],
)
def test_an_event_for_what_is_already_true_changes_nothing(stored: dict, event: FieldEvent) -> None:
    out = merge(stored, event)
    assert out.profile == stored
    assert out.applied == []


def test_scalar_remove_matches_case_articles_and_whole_words() -> None:
    assert merge({"role": "Data Analyst"}, ev("role", "a data analyst", "REMOVE")).profile == {}
    assert merge({"role": "a senior data analyst"}, ev("role", "Data Analyst", "REMOVE")).profile == {}
    assert merge({"role": "data analyst"}, ev("role", "analyst", "REMOVE")).profile == {}
    # a part of a word is no match: "York" is not in "Yorkshire"
    assert merge({"location": "Yorkshire"}, ev("location", "York", "REMOVE")).profile == {"location": "Yorkshire"}


def test_ending_a_job_removes_the_pair_in_either_field() -> None:
    stored = {"role": "welder", "employer": "Acme Corp"}
    out = merge(stored, ev("role", "welder", "REMOVE"), ev("employer", "acme corp", "REMOVE"))
    assert out.profile == {}
    assert report(out) == [
        {"field": "role", "value": "welder", "event": "REMOVE"},
        {"field": "employer", "value": "Acme Corp", "event": "REMOVE"},
    ]
    # "I left Initech" also ends a role that names it
    out = merge({"role": "tester at Initech", "likes": ["golf"]}, ev("employer", "Initech", "REMOVE"))
    assert out.profile == {"likes": ["golf"]}


def test_a_replacing_update_replaces_the_scalar() -> None:
    out = merge({"role": "barista"}, ev("role", "Product Manager", "UPDATE"), ev("employer", "Spotify", "UPDATE"))
    assert out.profile == {"role": "Product Manager", "employer": "Spotify"}
    assert report(out) == [
        {"field": "role", "value": "Product Manager", "event": "UPDATE"},
        {"field": "employer", "value": "Spotify", "event": "ADD"},
    ]


def test_value_key_and_polarity_key() -> None:
    assert value_key("The Puppies") == value_key("puppy") == "puppy"
    assert value_key("a Data  Analyst") == "data analyst"
    assert value_key(30.0) == value_key("30") == "30"
    assert value_key("glasses") == "glass" and value_key("bus") == "bus" and value_key("Jess") == "jess"
    assert polarity_key("listening to jazz") == polarity_key("Jazz") == "jazz"
    assert polarity_key("cooking") == "cooking"  # making is not consuming


# -- a named relative refines the bare relation ------------------------------------------------


def test_a_name_replaces_the_bare_relation_it_refines() -> None:
    out = merge({"family": ["sister", "parents"]}, ev("family", ["sister Imke"]))
    assert out.profile["family"] == ["parents", "sister Imke"]
    assert [(e.event, e.value) for e in out.applied] == [("REMOVE", ["sister"]), ("ADD", ["sister Imke"])]


def test_a_bare_relation_beside_a_named_one_is_not_a_second_relative() -> None:
    assert merge({}, ev("family", ["son Joost", "son"])).profile["family"] == ["son Joost"]
    out = merge({"family": ["daughter Wren"]}, ev("family", ["daughter"]))
    assert out.profile["family"] == ["daughter Wren"]
    assert out.applied == []


def test_only_the_same_bare_relation_is_refined() -> None:
    out = merge({"family": ["older brother", "sisters", "wife"], "likes": ["sister"]}, ev("family", ["sister Imke"]))
    # "sisters" may be more than the one named: it stays, as does every other relation.
    assert out.profile["family"] == ["older brother", "sisters", "wife", "sister Imke"]
    assert out.profile["likes"] == ["sister"]
    # two named children are two children
    assert merge({"family": ["son Joost"]}, ev("family", ["son Piet"])).profile["family"] == ["son Joost", "son Piet"]
