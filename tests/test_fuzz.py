"""Fuzz the whole OpenAPI schema with schemathesis against a real server on a real database.

Every response must be a documented status whose body matches its schema, and never a 500.
Both schema-valid (positive) and schema-breaking (negative) inputs are generated, with a
bounded number of examples per operation so that CI stays quick.

schemathesis's own pytest plugin does not work with pytest 9 yet, so each operation is
driven through its Hypothesis strategy from one parametrised test.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.specs.openapi.checks import positive_data_acceptance

from tests.live_server import LiveServer

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "25"))
# How the service words a refusal by policy of a request the schema allows.
POLICY_REFUSAL = re.compile(r"not stored")
API_KEY = "fuzz-key-0123456789"
OPERATIONS = [
    "GET /health",
    "POST /messages",
    "GET /users/{user_id}/memories",
    "DELETE /users/{user_id}/memories",
    "GET /users/{user_id}/memories/search",
    "PUT /users/{user_id}/memories/{key}",
    "DELETE /users/{user_id}/memories/{key}",
    "DELETE /memories/{memory_id}",
    "GET /users/{user_id}/context",
    "GET /users/{user_id}/profile",
    "GET /users/{user_id}/history",
    "POST /users/{user_id}/history/{event_id}/undo",
    "GET /users/{user_id}/export",
    "POST /users/{user_id}/import",
    "GET /users/{user_id}/rules",
    "PUT /users/{user_id}/rules",
]


@pytest.fixture(scope="module")
def fuzz_server(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    data_dir: Path = tmp_path_factory.mktemp("fuzz")
    server = LiveServer(
        {
            "DATABASE_URL": database_url,
            "LLM_PROVIDER": "rules",
            "PERSONALMEM_DATA_DIR": str(data_dir),
            "LOG_LEVEL": "WARNING",
            "PERSONALMEM_API_KEYS": API_KEY,
        }
    )
    server.wait_ready()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def api_schema(fuzz_server: LiveServer) -> schemathesis.BaseSchema:
    return schemathesis.openapi.from_url(f"{fuzz_server.url}/openapi.json")


def test_every_operation_is_fuzzed(api_schema: schemathesis.BaseSchema) -> None:
    labels = {result.ok().label for result in api_schema.get_all_operations()}  # type: ignore[union-attr]
    assert labels == set(OPERATIONS)


# Invalid input needs an input to break: /health takes none.
CASES = [(label, GenerationMode.POSITIVE) for label in OPERATIONS] + [
    (label, GenerationMode.NEGATIVE) for label in OPERATIONS if label != "GET /health"
]


@pytest.mark.parametrize(("label", "mode"), CASES, ids=[f"{label} {mode.value}" for label, mode in CASES])
def test_operation_conforms_to_its_schema(
    api_schema: schemathesis.BaseSchema, fuzz_server: LiveServer, label: str, mode: GenerationMode
) -> None:
    operation = api_schema.find_operation_by_label(label)
    assert operation is not None
    seen: list[int] = []

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def run(case: schemathesis.Case) -> None:
        response = case.call(base_url=fuzz_server.url, headers={"Authorization": f"Bearer {API_KEY}"})
        seen.append(response.status_code)
        assert response.status_code < 500, (case.method, case.formatted_path, response.text[:300])
        # Also checks that the same request without the key is refused (schemathesis "ignored auth").
        # A schema-valid request may still be refused by policy (the privacy gate, value quality,
        # limits): schemathesis's positive_data_acceptance would fail on any such 4xx whenever the
        # generator happens to write something secret-looking, so it is replaced by the check below.
        case.validate_response(response, excluded_checks=[positive_data_acceptance])
        if mode is GenerationMode.POSITIVE and response.status_code in (400, 413, 422):
            assert POLICY_REFUSAL.search(response.text), (case.method, case.formatted_path, response.text[:300])

    run()
    assert seen, "no example was generated"
    assert httpx.get(f"{fuzz_server.url}/health", timeout=10).json()["database"] == "ok"
