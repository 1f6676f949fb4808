"""Extractors turn one user message into field events. They never write anything.

`Extractor` is the one-method interface. `LLMExtractor` talks to OpenAI, Azure
OpenAI or any OpenAI-compatible server through the official `openai` client;
the rule-based extractor (rules_extractor.py) satisfies the same interface.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import time
from typing import Any, Literal, Protocol

import openai
from openai.types.chat import ChatCompletion
from pydantic import BaseModel, ValidationError

from config import Settings
from domain import FieldEvent
from errors import ExtractionError
from guards import might_hold_personal_fact

log = logging.getLogger("personalmem.extractor")

class ExtractionPayload(BaseModel):
    events: list[FieldEvent]


class Extractor(Protocol):
    kind: str  # "rules", "openai", "azure" or "openai-compatible"

    async def extract(self, message: str, profile: dict[str, Any]) -> list[FieldEvent]:
        """Field events for `message`, given the user's current profile. Raises ExtractionError."""
        ...

    def describe(self) -> dict[str, str | None]:
        """What /health shows about this extractor (never a key)."""
        ...


SYSTEM_PROMPT = """\
You keep a long-term memory of personal facts about ONE user, like ChatGPT's memory.
Read the user's message and return the changes to their profile as JSON.

Fields. Scalars: name, role (job or profession), location (where they live), age, employer.
Lists: likes, dislikes, skills, goals, interests, languages, family, pets, education.
Another short snake_case field is allowed only for a durable fact that fits none of these.

Store: durable facts the user states about THEMSELF: who they are, what they do, where they live,
what they like or dislike, what they can do, want to become, are interested in, speak, who their
family and pets are, what they studied.
Never store: the message itself or a transcript; temporary instructions; one-off questions;
task context ("help me debug this", "write a poem"); short-term states or plans ("tired today",
"going to a concert next week"); facts about other people ("my sister loves tennis");
anything negated or asked ("I'm not a lawyer", "do you like jazz?"); credentials, passwords,
ids, card or account numbers; health, religion, sexual orientation or political views unless
the user explicitly asks you to remember them.

Events:
- ADD: a new fact (for lists, value is a list of the new items).
- UPDATE: a scalar changed ("I moved to Lisbon", "call me Jo from now on").
- REMOVE: a fact no longer holds ("I don't like tea anymore"); value = the items to remove,
  or null to delete the whole field.
Values are short and clean, as the user would write them: "Python", not "Python and JavaScript".
Use the current profile to avoid repeating what is already stored.

Answer with JSON only: {"events": [{"field": "...", "value": ..., "event": "ADD"}]}.
Answer {"events": []} when the message holds nothing to remember."""

EVENTS_JSON_SCHEMA: dict[str, Any] = {
    "name": "field_events",
    "strict": True,
    "schema": {
        "type": "object",
        "additionalProperties": False,
        "required": ["events"],
        "properties": {
            "events": {
                "type": "array",
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["field", "value", "event"],
                    "properties": {
                        "field": {"type": "string"},
                        "value": {
                            "anyOf": [
                                {"type": "string"},
                                {"type": "number"},
                                {"type": "boolean"},
                                {"type": "array", "items": {"type": "string"}},
                                {"type": "null"},
                            ]
                        },
                        "event": {"type": "string", "enum": ["ADD", "UPDATE", "REMOVE"]},
                    },
                },
            }
        },
    },
}

_FENCE = re.compile(r"```(?:json)?\s*(.*?)```", re.DOTALL | re.IGNORECASE)


def parse_events(content: str | None) -> list[FieldEvent]:
    """Parse the model's answer: plain JSON, JSON in a code fence, or JSON inside prose."""
    if not content or not content.strip():
        raise ValueError("empty answer")
    text = content.strip()
    fenced = _FENCE.search(text)
    if fenced:
        text = fenced.group(1).strip()
    if not text.startswith("{"):
        start, end = text.find("{"), text.rfind("}")
        if start < 0 or end <= start:
            raise ValueError("no JSON object in the answer")
        text = text[start : end + 1]
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"invalid JSON ({exc.msg})") from None
    try:
        return ExtractionPayload.model_validate(data).events
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise ValueError(f"JSON does not match the schema ({where}: {first['msg']})") from None


def build_messages(message: str, profile: dict[str, Any]) -> list[dict[str, str]]:
    # The user's words go only in the user turn, never spliced into the instructions.
    return [
        {"role": "system", "content": SYSTEM_PROMPT},
        {"role": "system", "content": "Current profile (JSON): " + json.dumps(profile, ensure_ascii=False)},
        {"role": "user", "content": message},
    ]


class LLMExtractor:
    """One chat-completions call per message through the official openai client."""

    # A 429 is retried once, and only when its Retry-After fits inside the time budget.
    max_rate_limit_retries = 1

    def __init__(
        self,
        client: openai.AsyncOpenAI,
        *,
        kind: str,
        model: str,
        timeout_s: float,
        response_format: Literal["json_schema", "json_object"],
        base_url: str | None = None,
    ) -> None:
        self._client = client
        self.kind = kind
        self.model = model
        self.timeout_s = timeout_s
        self.response_format = response_format
        self.base_url = base_url

    def describe(self) -> dict[str, str | None]:
        return {"extractor": self.kind, "llm_model": self.model, "llm_base_url": self.base_url}

    async def extract(self, message: str, profile: dict[str, Any]) -> list[FieldEvent]:
        if not might_hold_personal_fact(message):
            return []  # no first-person words, code, a link or a pleasantry: not worth a call
        deadline = time.monotonic() + self.timeout_s
        messages = build_messages(message, profile)
        problem = ""
        for _attempt in (1, 2):  # invalid output gets one more try, then fails
            content = await self._complete(messages, deadline)
            try:
                return parse_events(content)
            except ValueError as exc:
                problem = str(exc)
                log.warning("LLM returned unusable output: %s", problem)
        raise ExtractionError(f"the LLM returned invalid output twice: {problem}")

    async def _complete(self, messages: list[dict[str, str]], deadline: float) -> str | None:
        rate_limit_retries = self.max_rate_limit_retries
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise ExtractionError(f"the LLM did not answer within {self.timeout_s:g} s")
            try:
                # The client's generic post() (documented for requests its typed methods do not
                # cover) sends the same body to the same endpoint, with the same auth, Azure
                # deployment routing, timeout and typed errors, but skips re-walking the
                # messages against its TypedDicts: that walk was half our CPU per call.
                response = await self._client.post(
                    "/chat/completions",
                    body={
                        "model": self.model,
                        "messages": messages,
                        "response_format": self._response_format(),
                        "temperature": 0,
                    },
                    cast_to=ChatCompletion,
                    options={"timeout": remaining},
                )
            except openai.APITimeoutError:
                raise ExtractionError(f"the LLM did not answer within {self.timeout_s:g} s") from None
            except openai.RateLimitError as exc:
                wait = _retry_after_s(exc.response)
                if rate_limit_retries > 0 and wait is not None and time.monotonic() + wait < deadline:
                    rate_limit_retries -= 1
                    await asyncio.sleep(wait)
                    continue
                raise ExtractionError("the LLM is rate-limited (HTTP 429); try again later") from None
            except openai.APIStatusError as exc:
                raise ExtractionError(f"the LLM answered with HTTP {exc.status_code}") from None
            except openai.APIConnectionError:
                raise ExtractionError("the LLM could not be reached (connection failed)") from None
            except (openai.OpenAIError, ValueError) as exc:
                # A 200 whose body is not a chat completion (an HTML error page from a proxy, say).
                raise ExtractionError(f"the LLM answered with something unreadable ({type(exc).__name__})") from None
            try:
                return response.choices[0].message.content if response.choices else None
            except (AttributeError, IndexError, TypeError):
                raise ExtractionError("the LLM answered with something that is not a chat completion") from None

    def _response_format(self) -> dict[str, Any]:
        if self.response_format == "json_schema":
            return {"type": "json_schema", "json_schema": EVENTS_JSON_SCHEMA}
        return {"type": "json_object"}


def _retry_after_s(response: Any) -> float | None:
    headers = getattr(response, "headers", None) or {}
    raw = headers.get("retry-after-ms")
    if raw:
        try:
            return max(float(raw) / 1000, 0.0)
        except ValueError:
            pass
    raw = headers.get("retry-after")
    if raw:
        try:
            return max(float(raw), 0.0)
        except ValueError:
            return None
    return None


def build_extractor(settings: Settings) -> Extractor:
    """The extractor the settings ask for: Azure, OpenAI(-compatible) or the built-in rules."""
    kind = settings.extractor_kind
    if kind == "rules":
        from rules_extractor import RuleExtractor

        return RuleExtractor()
    if kind == "azure":
        client: openai.AsyncOpenAI = openai.AsyncAzureOpenAI(
            api_key=settings.azure_openai_api_key,
            azure_endpoint=settings.azure_openai_endpoint,
            api_version=settings.azure_openai_api_version,
            timeout=settings.llm_timeout_s,
            max_retries=0,
        )
        return LLMExtractor(
            client,
            kind="azure",
            model=settings.azure_openai_deployment,
            timeout_s=settings.llm_timeout_s,
            response_format=_pick_format(settings, default="json_schema"),
            base_url=settings.azure_openai_endpoint,
        )
    client = openai.AsyncOpenAI(
        api_key=settings.openai_api_key,
        base_url=settings.openai_base_url,
        timeout=settings.llm_timeout_s,
        max_retries=0,
    )
    compatible = bool(settings.openai_base_url)
    return LLMExtractor(
        client,
        kind="openai-compatible" if compatible else "openai",
        model=settings.openai_model,
        timeout_s=settings.llm_timeout_s,
        # Not every compatible server (older Ollama, LM Studio) knows json_schema; all know json_object.
        response_format=_pick_format(settings, default="json_object" if compatible else "json_schema"),
        base_url=settings.openai_base_url,
    )


def _pick_format(
    settings: Settings, *, default: Literal["json_schema", "json_object"]
) -> Literal["json_schema", "json_object"]:
    return default if settings.llm_response_format == "auto" else settings.llm_response_format
