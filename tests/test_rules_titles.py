"""A post named without an article is a role, never a name ("I'm CTO at Pleo" once stored name
"CTO"), and a name may be followed by a post or a hometown in apposition. Sentences written for this file."""

from __future__ import annotations

import pytest

from tests.rules_helpers import stored


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("I'm CTO at Brightloop.", {"role": "CTO", "employer": "Brightloop"}),
        ("I'm head of logistics at Ocado.", {"role": "head of logistics", "employer": "Ocado"}),
        ("I'm deputy director of finance at the council.", {"role": "deputy director of finance"}),
        ("I'm co-founder of a bakery.", {"role": "co-founder of a bakery"}),
        ("I'm the new principal at Elmwood Primary.", {"role": "principal", "employer": "Elmwood Primary"}),
        ("I'm Ilse, head of research at a pharma company.", {"name": "Ilse", "role": "head of research"}),
        ("I'm Rhys, from Aberystwyth.", {"name": "Rhys", "location": "Aberystwyth"}),
    ],
)
def test_a_post_without_an_article_is_a_role(message: str, expected: dict[str, str]) -> None:
    got = stored(message)
    assert {field: got.get(field) for field in expected} == expected
    assert "name" in expected or "name" not in got


@pytest.mark.parametrize(
    "message",
    [
        "I'm the head of the household.",
        "I'm head over heels for this song.",
        "I'm president of the book club.",  # a post in a pastime is no job
        "I'm the only one at the party.",
        "Is she the CTO at Brightloop?",
        "My mum is head of HR at a bank.",
    ],
)
def test_other_heads_and_someone_elses_posts_store_no_role(message: str) -> None:
    got = stored(message)
    assert "role" not in got
    assert "name" not in got
    assert "employer" not in got
