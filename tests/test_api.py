"""Every endpoint's shape and error codes, on the real database and the rule-based extractor."""

from __future__ import annotations

import re
from datetime import datetime

from fastapi.testclient import TestClient

ISO = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}")


def post(client: TestClient, user_id: str, message: str) -> dict:
    response = client.post("/messages", json={"user_id": user_id, "message": message})
    assert response.status_code == 200, response.text
    return response.json()


def test_health_shape(client: TestClient) -> None:
    response = client.get("/health")
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {
        "status",
        "timestamp",
        "service",
        "database",
        "database_mode",
        "extractor",
        "llm_model",
        "llm_base_url",
    }
    assert body["status"] == "healthy"
    assert body["service"] == "PersonalMem API"
    assert body["database"] == "ok"
    assert body["database_mode"] == "external"
    assert body["extractor"] == "rules"
    datetime.fromisoformat(body["timestamp"])


def test_post_message_shape(client: TestClient, user_id: str) -> None:
    body = post(client, user_id, "My name is Alice. I'm a software engineer.")
    assert body == {
        "success": True,
        "memory_context": "User Personal Information:\n- name: Alice\n- role: software engineer",
        "extracted_memories": [
            {"field": "name", "value": "Alice", "event": "ADD"},
            {"field": "role", "value": "software engineer", "event": "ADD"},
        ],
        "message": "Message processed successfully",
    }


def test_design_scenario_name_persistence(client: TestClient, user_id: str) -> None:
    post(client, user_id, "My name is Alice.")
    later = post(client, user_id, "What did I tell you my name was?")
    assert later["extracted_memories"] == []
    assert later["memory_context"] == "User Personal Information:\n- name: Alice"
    assert client.get(f"/users/{user_id}/profile").json() == {"name": "Alice"}


def test_design_scenario_preference_tracking(client: TestClient, user_id: str) -> None:
    first = post(client, user_id, "I love Python and pizza.")
    assert first["extracted_memories"] == [{"field": "likes", "value": ["Python", "pizza"], "event": "ADD"}]
    second = post(client, user_id, "I also like JavaScript.")
    assert second["extracted_memories"] == [{"field": "likes", "value": ["JavaScript"], "event": "ADD"}]
    assert client.get(f"/users/{user_id}/profile").json() == {"likes": ["Python", "pizza", "JavaScript"]}
    again = post(client, user_id, "I like python.")
    assert again["extracted_memories"] == []  # set union, case-insensitive: nothing changed


def test_design_scenario_task_context_not_stored(client: TestClient, user_id: str) -> None:
    body = post(client, user_id, "I need help debugging this function.")
    assert body["extracted_memories"] == []
    assert body["message"] == "Message processed; nothing to remember"
    assert body["memory_context"] == "User Personal Information:\n(nothing stored yet)"
    post(client, user_id, "What was I asking about earlier?")
    assert client.get(f"/users/{user_id}/memories").json() == []


def test_get_memories_order_and_shape(client: TestClient, user_id: str) -> None:
    post(client, user_id, "I love Python and JavaScript.")
    post(client, user_id, "I live in Lisbon.")
    post(client, user_id, "My name is Alice. I'm a software engineer.")
    memories = client.get(f"/users/{user_id}/memories").json()
    assert [m["memory"] for m in memories] == [
        "name: Alice",
        "role: software engineer",
        "location: Lisbon",
        "likes: Python, JavaScript",
    ]
    for memory in memories:
        assert set(memory) == {"id", "memory", "user_id", "created_at", "updated_at"}
        assert memory["user_id"] == user_id
        assert memory["id"] == f"{user_id}_{memory['memory'].split(':')[0]}"
        assert ISO.match(memory["created_at"]) and ISO.match(memory["updated_at"])


def test_field_times_are_real(client: TestClient, user_id: str) -> None:
    post(client, user_id, "I love Python.")
    first = client.get(f"/users/{user_id}/memories").json()[0]
    post(client, user_id, "I also like Go.")
    second = client.get(f"/users/{user_id}/memories").json()[0]
    assert second["created_at"] == first["created_at"]
    assert second["updated_at"] > first["updated_at"]


def test_context_endpoint(client: TestClient, user_id: str) -> None:
    post(client, user_id, "My name is Bob.")
    body = client.get(f"/users/{user_id}/context").json()
    assert body["user_id"] == user_id
    assert [m["memory"] for m in body["user_memories"]] == ["name: Bob"]
    empty = client.get("/users/nobody_at_all/context").json()
    assert empty == {"user_memories": [], "user_id": "nobody_at_all"}


def test_search_ranks_whole_words_first(client: TestClient, user_id: str) -> None:
    client.put(f"/users/{user_id}/memories/likes", json={"value": ["javascript", "java"]})
    client.put(f"/users/{user_id}/memories/skills", json={"value": ["java"]})
    client.put(f"/users/{user_id}/memories/role", json={"value": "javanese dancer"})
    client.put(f"/users/{user_id}/memories/location", json={"value": "Paris"})
    results = client.get(f"/users/{user_id}/memories/search", params={"query": "JAVA", "limit": 5}).json()
    memories = [r["memory"] for r in results]
    assert set(memories) == {"likes: javascript, java", "skills: java", "role: javanese dancer"}
    assert memories[-1] == "role: javanese dancer"  # substring only: ranked last
    limited = client.get(f"/users/{user_id}/memories/search", params={"query": "java", "limit": 1}).json()
    assert len(limited) == 1
    by_field = client.get(f"/users/{user_id}/memories/search", params={"query": "location"}).json()
    assert [r["memory"] for r in by_field] == ["location: Paris"]


def test_search_validation(client: TestClient, user_id: str) -> None:
    assert client.get(f"/users/{user_id}/memories/search", params={"query": ""}).status_code == 422
    assert client.get(f"/users/{user_id}/memories/search", params={"query": "x", "limit": 0}).status_code == 422
    assert client.get(f"/users/{user_id}/memories/search", params={"query": "x", "limit": 101}).status_code == 422
    assert client.get(f"/users/{user_id}/memories/search").status_code == 422


def test_put_sets_and_returns_memory_info(client: TestClient, user_id: str) -> None:
    response = client.put(f"/users/{user_id}/memories/location", json={"value": "Berlin"})
    assert response.status_code == 200
    body = response.json()
    assert body["id"] == f"{user_id}_location"
    assert body["memory"] == "location: Berlin"
    response = client.put(f"/users/{user_id}/memories/likes", json={"value": ["tea", "Tea", "chess"]})
    assert response.json()["memory"] == "likes: tea, chess"
    response = client.put(f"/users/{user_id}/memories/age", json={"value": 41})
    assert response.json()["memory"] == "age: 41"
    assert client.get(f"/users/{user_id}/profile").json() == {
        "location": "Berlin",
        "likes": ["tea", "chess"],
        "age": 41,
    }


def test_put_rejects_bad_keys_and_values(client: TestClient, user_id: str) -> None:
    client.put(f"/users/{user_id}/memories/name", json={"value": "Alice"})
    bad = [
        ("$$$", {"value": "x"}),
        ("-_-", {"value": "x"}),
        ("9lives", {"value": "x"}),
        ("a" * 65, {"value": "x"}),
        ("note", {"value": {"nested": "object"}}),
        ("note", {"value": ""}),
        ("note", {"value": "x" * 501}),
        ("note", {"value": ["x"] * 101}),
        ("note", {}),
        ("note", {"value": "x", "extra": 1}),
        ("note", {"value": []}),
        ("note", {"value": ["ok", " "]}),
    ]
    for key, payload in bad:
        response = client.put(f"/users/{user_id}/memories/{key}", json=payload)
        assert response.status_code == 422, (key, payload, response.text)
        assert response.json()["detail"]
    assert client.get(f"/users/{user_id}/profile").json() == {"name": "Alice"}


def test_put_stores_a_key_under_its_snake_case_name(client: TestClient, user_id: str) -> None:
    response = client.put(f"/users/{user_id}/memories/Favorite-Food", json={"value": "dumplings"})
    assert response.status_code == 200
    assert response.json()["id"] == f"{user_id}_favorite_food"
    assert response.json()["memory"] == "favorite_food: dumplings"
    assert client.put(f"/users/{user_id}/memories/Home Town", json={"value": "Leeds"}).status_code == 200
    assert client.get(f"/users/{user_id}/profile").json() == {"favorite_food": "dumplings", "home_town": "Leeds"}
    assert client.delete(f"/users/{user_id}/memories/Favorite Food").status_code == 200
    assert client.get(f"/users/{user_id}/profile").json() == {"home_town": "Leeds"}


def test_profile_keys_come_in_the_documented_order(client: TestClient, user_id: str) -> None:
    for key, value in (("likes", ["tea"]), ("zodiac", "leo"), ("age", 30), ("location", "Oslo"), ("role", "cook")):
        assert client.put(f"/users/{user_id}/memories/{key}", json={"value": value}).status_code == 200
    assert client.put(f"/users/{user_id}/memories/name", json={"value": "Vi"}).status_code == 200
    response = client.get(f"/users/{user_id}/profile")
    assert list(response.json()) == ["name", "role", "location", "age", "likes", "zodiac"]


def test_delete_one_key(client: TestClient, user_id: str) -> None:
    post(client, user_id, "My name is Alice. I love tea.")
    response = client.delete(f"/users/{user_id}/memories/likes")
    assert response.status_code == 200
    assert response.json() == {"message": f"Memory likes deleted for user {user_id}"}
    assert client.get(f"/users/{user_id}/profile").json() == {"name": "Alice"}
    missing = client.delete(f"/users/{user_id}/memories/likes")
    assert missing.status_code == 404
    assert "likes" in missing.json()["detail"]


def test_delete_all(client: TestClient, user_id: str) -> None:
    post(client, user_id, "My name is Alice.")
    response = client.delete(f"/users/{user_id}/memories")
    assert response.status_code == 200
    assert response.json() == {"message": f"All memories deleted for user {user_id}"}
    assert client.get(f"/users/{user_id}/memories").json() == []


def test_delete_by_id_with_underscores(client: TestClient, user_id: str) -> None:
    uid = f"{user_id}_123"
    client.put(f"/users/{uid}/memories/favorite_food", json={"value": "pizza"})
    client.put(f"/users/{uid}/memories/name", json={"value": "Alice"})
    response = client.delete(f"/memories/{uid}_favorite_food")
    assert response.status_code == 200
    assert response.json() == {"message": f"Memory {uid}_favorite_food deleted"}
    assert client.get(f"/users/{uid}/profile").json() == {"name": "Alice"}


def test_delete_by_id_prefers_longest_stored_user(client: TestClient, user_id: str) -> None:
    short, long = f"{user_id}_a", f"{user_id}_a_favorite"
    client.put(f"/users/{short}/memories/favorite_food", json={"value": "pizza"})
    client.put(f"/users/{long}/memories/food", json={"value": "sushi"})
    assert client.delete(f"/memories/{user_id}_a_favorite_food").status_code == 200
    assert client.get(f"/users/{long}/profile").json() == {}
    assert client.get(f"/users/{short}/profile").json() == {"favorite_food": "pizza"}
    # with the long user's field gone, the same id now resolves to the short user
    assert client.delete(f"/memories/{user_id}_a_favorite_food").status_code == 200
    assert client.get(f"/users/{short}/profile").json() == {}


def test_delete_by_id_not_found(client: TestClient, user_id: str) -> None:
    for memory_id in (f"{user_id}_name", "nounderscore", f"{user_id}_"):
        response = client.delete(f"/memories/{memory_id}")
        assert response.status_code == 404, memory_id
        assert "not found" in response.json()["detail"]


def test_message_validation(client: TestClient, user_id: str) -> None:
    cases = [
        {"user_id": user_id},
        {"message": "hi"},
        {"user_id": "", "message": "hi"},
        {"user_id": "x" * 129, "message": "hi"},
        {"user_id": "bad\x00id", "message": "hi"},
        {"user_id": user_id, "message": ""},
        {"user_id": user_id, "message": 42},
    ]
    for payload in cases:
        response = client.post("/messages", json=payload)
        assert response.status_code == 422, payload
    too_long = client.post("/messages", json={"user_id": user_id, "message": "a" * 16_001})
    assert too_long.status_code == 413
    assert "16000" in too_long.json()["detail"]
    assert client.get(f"/users/{user_id}/memories").json() == []


def test_path_user_id_validation(client: TestClient) -> None:
    assert client.get("/users/" + "x" * 129 + "/memories").status_code == 422
    assert client.get("/users/bad%01id/memories").status_code == 422


def test_frontend_and_docs_served(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert "PersonalMem" in page.text
    assert client.get("/docs").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    for path in (
        "/health",
        "/messages",
        "/users/{user_id}/memories",
        "/users/{user_id}/memories/search",
        "/memories/{memory_id}",
        "/users/{user_id}/context",
        "/users/{user_id}/memories/{key}",
        "/users/{user_id}/profile",
    ):
        assert path in paths, path
