"""GET …/memories and …/context write their JSON bodies themselves (memory_infos_json); each
must be, byte for byte, what FastAPI sends through pydantic for the response_model the route
still declares in /openapi.json (list[MemoryInfo], ContextResponse)."""

from __future__ import annotations

import random

from fastapi.testclient import TestClient
from pydantic import TypeAdapter

from api import ContextResponse
from memory_service import MemoryInfo, memory_infos, memory_infos_json

AS_MODELS = TypeAdapter(list[MemoryInfo])
# Control characters, quotes, backslashes, accents, line and paragraph separators, an emoji.
ALPHABET = [chr(code) for code in range(0x00, 0x250)] + ["\u2028", "\u2029", "\U0001f600", "\ue000", "\ufeff"]


def test_the_hand_written_body_is_pydantics_for_every_kind_of_character() -> None:
    chooser = random.Random(20261124)
    for _ in range(3000):
        text = "".join(chooser.choice(ALPHABET) for _ in range(chooser.randint(0, 10)))
        profile = {"name": text, "age": chooser.randint(0, 120), "likes": [text, "tea " + text], "pets": []}
        times = {"name": {"created_at": text}, "likes": {"created_at": "2026-11-24T10:00:00+00:00", "updated_at": text}}
        user = "u" + text[:2]
        assert memory_infos_json(user, profile, times) == AS_MODELS.dump_json(memory_infos(user, profile, times))


def test_an_empty_profile_is_an_empty_list() -> None:
    assert memory_infos_json("someone", {}, {}) == b"[]"


def test_the_route_sends_the_models_body_and_json_type(client: TestClient, user_id: str) -> None:
    for key, value in [
        ("name", 'Zoë "Z" Ødegård'),
        ("likes", ["crème brûlée", "back\\slash jokes", "\U0001f3b8 riffs"]),
        ("age", 41),
        ("location", "Tromsø"),
    ]:
        assert client.put(f"/users/{user_id}/memories/{key}", json={"value": value}).status_code == 200
    response = client.get(f"/users/{user_id}/memories")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    service = client.app.state.service  # type: ignore[attr-defined]
    assert client.portal is not None
    expected = AS_MODELS.dump_json(client.portal.call(service.get_memories, user_id))
    assert response.content == expected
    assert [item["memory"] for item in response.json()][:3] == [
        'name: Zoë "Z" Ødegård',
        "location: Tromsø",
        "age: 41",
    ]


def test_the_context_route_sends_the_models_body(client: TestClient, user_id: str) -> None:
    assert client.put(f"/users/{user_id}/memories/role", json={"value": "luthier"}).status_code == 200
    assert client.put(f"/users/{user_id}/memories/dislikes", json={"value": ["rain", "ça va"]}).status_code == 200
    response = client.get(f"/users/{user_id}/context")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    service = client.app.state.service  # type: ignore[attr-defined]
    assert client.portal is not None
    memories = client.portal.call(service.get_memories, user_id)
    assert response.content == ContextResponse(user_memories=memories, user_id=user_id).model_dump_json().encode()
    assert response.json()["user_memories"][0]["memory"] == "role: luthier"


def test_an_unknown_users_context_is_empty(client: TestClient, user_id: str) -> None:
    response = client.get(f"/users/{user_id}/context")
    assert response.content == ContextResponse(user_memories=[], user_id=user_id).model_dump_json().encode()
