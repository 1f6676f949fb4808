"""Load across two uvicorn workers sharing one PostgreSQL: counts are asserted, never times."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import httpx

from tests.live_server import LiveServer


def test_two_hundred_concurrent_likes_for_one_user(live_server: Callable[..., LiveServer], user_id: str) -> None:
    server = live_server(workers=2, LOG_LEVEL="WARNING")
    flavours = [f"flavour{n:03d}" for n in range(200)]

    def send(flavour: str) -> tuple[int, str]:
        with httpx.Client(base_url=server.url, timeout=60) as http:
            response = http.post("/messages", json={"user_id": user_id, "message": f"I like {flavour}."})
            return response.status_code, response.headers.get("X-Request-ID", "")

    with ThreadPoolExecutor(max_workers=100) as pool:
        results = list(pool.map(send, flavours))
    assert [status for status, _ in results] == [200] * 200
    assert len({request_id for _, request_id in results}) == 200
    likes = httpx.get(f"{server.url}/users/{user_id}/profile", timeout=10).json()["likes"]
    assert sorted(likes) == flavours


def test_twenty_users_times_twenty_messages(live_server: Callable[..., LiveServer], user_id: str) -> None:
    server = live_server(workers=2, LOG_LEVEL="WARNING")
    users = [f"{user_id}_{u}" for u in range(20)]
    jobs = [(user, f"hobby{m:02d}") for user in users for m in range(20)]

    def send(job: tuple[str, str]) -> int:
        user, hobby = job
        with httpx.Client(base_url=server.url, timeout=60) as http:
            return http.post("/messages", json={"user_id": user, "message": f"I enjoy {hobby}."}).status_code

    with ThreadPoolExecutor(max_workers=64) as pool:
        statuses = list(pool.map(send, jobs))
    assert statuses == [200] * 400
    for user in users:
        profile = httpx.get(f"{server.url}/users/{user}/profile", timeout=10).json()
        assert sorted(profile["likes"]) == [f"hobby{m:02d}" for m in range(20)], user
