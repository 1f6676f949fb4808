"""Concurrent messages for one user never lose an update (real uvicorn, real sockets)."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import httpx

from tests.live_server import LiveServer

FRUITS = [
    "apple",
    "banana",
    "cherry",
    "damson",
    "elderberry",
    "fig",
    "grape",
    "guava",
    "honeydew",
    "jackfruit",
    "kiwi",
    "kumquat",
    "lemon",
    "lime",
    "lychee",
    "mango",
    "melon",
    "nectarine",
    "orange",
    "papaya",
    "peach",
    "pear",
    "persimmon",
    "pineapple",
    "plum",
    "pomegranate",
    "quince",
    "raspberry",
    "rhubarb",
    "satsuma",
    "strawberry",
    "tangerine",
    "tomato",
    "watermelon",
    "blueberry",
    "blackberry",
    "cranberry",
    "gooseberry",
    "apricot",
    "avocado",
    "coconut",
    "date",
    "durian",
    "feijoa",
    "jujube",
    "loquat",
    "mulberry",
    "olive",
    "pawpaw",
    "soursop",
]


def test_fifty_simultaneous_messages_to_one_user(live_server: Callable[..., LiveServer], user_id: str) -> None:
    server = live_server(workers=1)
    assert len(set(FRUITS)) == 50

    def send(fruit: str) -> int:
        with httpx.Client(base_url=server.url, timeout=60) as http:
            return http.post("/messages", json={"user_id": user_id, "message": f"I like {fruit}."}).status_code

    with ThreadPoolExecutor(max_workers=50) as pool:
        statuses = list(pool.map(send, FRUITS))
    assert statuses == [200] * 50
    likes = httpx.get(f"{server.url}/users/{user_id}/profile", timeout=10).json()["likes"]
    assert sorted(likes) == sorted(FRUITS)
