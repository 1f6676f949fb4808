"""Multi-turn scenarios (tests/data/scenarios.json) through the API on the rule-based extractor.

Each scenario lists turns, the values that must be stored (matched exactly, case and spacing
aside) and the values that must not appear.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

SCENARIOS = json.loads((Path(__file__).parent / "data" / "scenarios.json").read_text())["scenarios"]


def normal(text: object) -> str:
    """Case and spacing aside, a value must be exactly the expected one."""
    return " ".join(str(text).casefold().split())


def stored_values(profile: dict[str, Any], field: str) -> list[str]:
    stored = profile.get(field)
    return [normal(v) for v in (stored if isinstance(stored, list) else [] if stored is None else [stored])]


def has(profile: dict[str, Any], field: str, value: object) -> bool:
    """The field holds exactly this value: "engineer" is not "software engineer"."""
    return normal(value) in stored_values(profile, field)


def mentions(profile: dict[str, Any], field: str, value: object) -> bool:
    """Any stored value of the field contains this one: what must be absent must not hide inside another."""
    return any(re.search(rf"(?<!\w){re.escape(normal(value))}(?!\w)", v) for v in stored_values(profile, field))


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s["id"] for s in SCENARIOS])
def test_scenario(client: TestClient, user_id: str, scenario: dict[str, Any]) -> None:
    for turn in scenario["turns"]:
        assert client.post("/messages", json={"user_id": user_id, "message": turn}).status_code == 200
    profile = client.get(f"/users/{user_id}/profile").json()
    for field, expected in scenario.get("expect", {}).items():
        for value in expected if isinstance(expected, list) else [expected]:
            assert has(profile, field, value), (field, value, profile)
    for field, values in scenario.get("absent", {}).items():
        for value in values:
            assert not mentions(profile, field, value), (field, value, profile)
    if scenario.get("nothing"):
        assert profile == {}
    raw = client.get(f"/users/{user_id}/memories").text.lower()
    for secret in scenario.get("leak", []):
        assert secret.lower() not in raw
    for field, most in scenario.get("max_items", {}).items():
        assert len(profile.get(field, [])) <= most
