"""Multi-turn scenarios (tests/data/scenarios.json) through the API on the rule-based extractor.

The file uses the scenario format of ../shared/eval/score.py, so the same cases can be scored
against a running server: python3 ../shared/eval/score.py --data tests/data/scenarios.json
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

SCENARIOS = json.loads((Path(__file__).parent / "data" / "scenarios.json").read_text())["scenarios"]


def loose(text: object) -> str:
    return re.sub(r"[^\w\s]", " ", str(text).lower()).strip()


def has(profile: dict[str, Any], field: str, value: object) -> bool:
    stored = profile.get(field)
    values = stored if isinstance(stored, list) else [] if stored is None else [stored]
    e = loose(value)
    return any(
        e == loose(v) or (len(e) >= 3 and e in loose(v)) or (len(loose(v)) >= 3 and loose(v) in e) for v in values
    )


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
            assert not has(profile, field, value), (field, value, profile)
    if scenario.get("nothing"):
        assert profile == {}
    raw = client.get(f"/users/{user_id}/memories").text.lower()
    for secret in scenario.get("leak", []):
        assert secret.lower() not in raw
    for field, most in scenario.get("max_items", {}).items():
        assert len(profile.get(field, [])) <= most
