"""Extractors turn one user message into field events. They never write anything.

`Extractor` is the one-method interface. `LLMExtractor` talks to OpenAI, Azure
OpenAI or any OpenAI-compatible server through the official `openai` client;
the rule-based extractor (rules_extractor.py) satisfies the same interface.
"""

from __future__ import annotations

import asyncio
import functools
import json
import logging
import math
import re
import time
from typing import Any, Literal, Protocol
from urllib.parse import urlsplit

import openai
from pydantic import BaseModel, ValidationError

from config import Settings
from domain import MAX_FIELD_NAME_CHARS, FieldEvent
from errors import ExtractionError
from guards import field_category, find_secrets, is_sensitive, might_hold_personal_fact, secret_field_kind

log = logging.getLogger("personalmem.extractor")

ResponseFormat = Literal["json_schema", "json_object"]
# How far the JSON schema may bound an answer: Azure's strict mode refuses every
# length/count keyword, OpenAI's accepts maxItems but not maxLength, and the grammar
# engines behind compatible servers (llama.cpp, vLLM, Ollama) accept both.
SchemaBounds = Literal["none", "items", "full"]


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


# ~640 tokens (SmolLM2's tokenizer; bench/local_llm.py prints the figure with a 20-field
# profile). Every line earns its place: the rules mirror what the merge and the value
# checks enforce in code, so the model is told what would be refused anyway.
SYSTEM_PROMPT = """\
You keep a long-term memory of personal facts about ONE user, like ChatGPT's memory.
Read the user's message and return the changes to their profile as JSON.

Fields. Scalars: name, role (job or profession), location (where they live), age, employer.
Lists: likes, dislikes, skills, goals, interests, languages, family, pets, education.
Another short snake_case field only for a lasting fact that fits none of these.

Store lasting facts the user states about THEMSELF. Never store: the message or a transcript;
one-off questions or requests; task context ("help me debug this"); short-term states or plans
("tired today", "a concert next week"); facts about other people, except family members under
family ("wife Sofia", "sister Ana": with the name when given); anything negated or asked;
credentials, passwords, ids, card or account numbers; health, religion, sexual orientation or
political views unless the user explicitly asks you to remember them.

Events:
- ADD: a new fact (for lists, value is a list of the new items).
- UPDATE: replacing words change a scalar: now, these days, moved to, started as/at, switched to,
  call me.
- REMOVE: ending words end a fact: used to, no longer, not ... anymore, quit, left, resigned,
  dropped out of, moved from or away, sold, done with, forget that. Value = the items to remove,
  or null to delete the whole field.
  "Switched from X to Y": REMOVE X and ADD Y in the field that holds X.
  "Forget that I said I'm vegan": REMOVE what was said. A relative who died is REMOVEd from family.
- "I don't like X anymore" is a dislike now: REMOVE X from likes, ADD it to dislikes. A taste that
  only faded ("not into X lately", "don't love X anymore") is only REMOVEd.
- A value is never both liked and disliked: when it changes side, REMOVE it from the old list and
  ADD it to the new one. Never REMOVE and ADD the same value in one answer.
- Skip what the current profile already holds.

Values: short, as the user would write them, readable without the message ("Python", not
"Python and JavaScript"). Never a value made of function words ("to", "it"); no time phrases
("last week"); no percentage, rating or count as age; no adjective, title ("Dr") or pet as the user's name;
no prepositional phrase ("for the trip") as location; "can imagine" or "can help" is not a
skill; courtesy or wishes to the other person ("enjoy your weekend") are not likes.
When unsure, store nothing.

Answer with JSON only: {"events": [{"field": "...", "value": ..., "event": "ADD"}]}.
Answer {"events": []} when the message holds nothing to remember."""

# Sent after an answer that hit max_tokens: the second try must fit (and where the schema
# may carry bounds, it allows only this many events).
SHORTER_MAX_EVENTS = 5
SHORTER_ANSWER = (
    "Your previous answer was cut off because it was too long. Answer again with at most "
    f"{SHORTER_MAX_EVENTS} events, each value a few words."
)

# Bounds the schema puts on one answer where the provider accepts them. They are limits
# on generation (a small model can loop inside a string until max_tokens), far above a
# real answer: 16 events, 20 items in one list, 120 characters in one value.
SCHEMA_MAX_EVENTS = 16
SCHEMA_MAX_ITEMS = 20
SCHEMA_MAX_VALUE_CHARS = 120


def events_json_schema(bounds: SchemaBounds = "none", *, max_events: int = SCHEMA_MAX_EVENTS) -> dict[str, Any]:
    """The answer's JSON schema, in OpenAI's strict structured-output form.

    Which keywords strict mode takes (checked against the providers' documentation):
    - OpenAI "Supported schemas": strings take pattern and format, arrays take minItems and
      maxItems; minLength/maxLength are not in the list.
    - Azure OpenAI "Unsupported type-specific keywords": minLength, maxLength, pattern, format,
      minItems, maxItems (and more) are all refused.
    - llama.cpp, vLLM and Ollama compile the schema into a grammar and honour maxLength and
      maxItems; a server that refuses them answers 400, and we fall back to json_object.
    """
    text: dict[str, Any] = {"type": "string"}
    field: dict[str, Any] = {"type": "string"}
    items: dict[str, Any] = {"type": "array", "items": text}
    events: dict[str, Any] = {"type": "array"}
    if bounds in ("items", "full"):
        items["maxItems"] = SCHEMA_MAX_ITEMS
        events["maxItems"] = max_events
    if bounds == "full":
        text = {"type": "string", "maxLength": SCHEMA_MAX_VALUE_CHARS}
        items["items"] = text
        field = {"type": "string", "maxLength": MAX_FIELD_NAME_CHARS}
    events["items"] = {
        "type": "object",
        "additionalProperties": False,
        "required": ["field", "value", "event"],
        "properties": {
            "field": field,
            "value": {"anyOf": [text, {"type": "number"}, {"type": "boolean"}, items, {"type": "null"}]},
            "event": {"type": "string", "enum": ["ADD", "UPDATE", "REMOVE"]},
        },
    }
    return {
        "name": "field_events",
        "strict": True,
        "schema": {
            "type": "object",
            "additionalProperties": False,
            "required": ["events"],
            "properties": {"events": events},
        },
    }


EVENTS_JSON_SCHEMA: dict[str, Any] = events_json_schema("none")

_FENCE = re.compile(r"```(?:json)?\s*(.*?)```", re.DOTALL | re.IGNORECASE)


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"a non-finite number ({name})")


def _finite_float(raw: str) -> float:
    value = float(raw)
    if not math.isfinite(value):
        raise ValueError("a number out of range")
    return value


def parse_events(content: str | None) -> list[FieldEvent]:
    """Parse the model's answer: plain JSON, JSON in a code fence, or JSON inside prose.

    Raises ValueError for anything unusable, including what JSON allows but nothing
    downstream can store: NaN or Infinity, and text that is not valid Unicode (a lone
    surrogate). Control characters are the merge's to strip.
    """
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
        data = json.loads(text, parse_constant=_refuse_constant, parse_float=_finite_float)
    except json.JSONDecodeError as exc:
        raise ValueError(f"invalid JSON ({exc.msg})") from None
    except (ValueError, OverflowError) as exc:
        raise ValueError(f"invalid JSON ({exc})") from None
    try:
        events = ExtractionPayload.model_validate(data).events
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise ValueError(f"JSON does not match the schema ({where}: {first['msg']})") from None
    for event in events:
        values = event.value if isinstance(event.value, list) else [event.value]
        for text_item in (event.field, *(v for v in values if isinstance(v, str))):
            _check_text(text_item)
    return events


def _check_text(text: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("text that is not valid Unicode (a lone surrogate)") from None


# -- the prompt ---------------------------------------------------------------------------


def screen_profile(profile: dict[str, Any]) -> dict[str, Any]:
    """The profile without anything the privacy gate flags: it never goes into a prompt.

    Values stored before a gate existed (or through a hole in it) must not travel to the
    LLM a second time. Each value is read with its field's name as its label, so that
    "password: hunter2" or "card: 4111 …" is caught like the same words in a message. A
    flagged list item goes alone; a flagged scalar, or a special-category field, goes whole.
    """
    kept: dict[str, Any] = {}
    for name, value in profile.items():
        label = name.replace("_", " ")
        if field_category(name) or secret_field_kind(name) or _flagged(label):
            continue  # "health", "github_token", "card_4111…": the name alone says enough
        if isinstance(value, list):
            items = [item for item in value if not _flagged(f"{label}: {item}")]
            if items:
                kept[name] = items
        elif not _flagged(f"{label}: {value}"):
            kept[name] = value
    return kept


# A user's profile goes into every prompt, and its values change rarely: each "label: value"
# is read by the gate once per process, not once per message. Only stored values come here.
@functools.lru_cache(maxsize=8192)
def _flagged(text: str) -> bool:
    return bool(find_secrets(text)) or is_sensitive(text)


def build_messages(
    message: str, profile: dict[str, Any], *, schema_in_prompt: bool = False, shorter: bool = False
) -> list[dict[str, str]]:
    # The user's words go only in the user turn, never spliced into the instructions.
    system = SYSTEM_PROMPT
    if schema_in_prompt:
        # json_object mode only promises JSON, not our shape: the schema has to be read.
        schema = json.dumps(events_json_schema("full")["schema"], separators=(",", ":"))
        system += "\nThe answer must match this JSON schema: " + schema
    messages = [
        {"role": "system", "content": system},
        {
            "role": "system",
            "content": "Current profile (JSON): " + json.dumps(screen_profile(profile), ensure_ascii=False),
        },
        {"role": "user", "content": message},
    ]
    if shorter:
        messages.append({"role": "system", "content": SHORTER_ANSWER})
    return messages


def public_url(url: str | None) -> str | None:
    """scheme://host[:port]/path of a URL: no user, password, query or fragment.

    OPENAI_BASE_URL may carry credentials (http://user:secret@host/v1, ?api-key=…);
    /health and the log show only where the server is.
    """
    if not url:
        return None
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        port = parts.port
    except ValueError:
        return "(unparseable URL)"
    if ":" in host:
        host = f"[{host}]"
    netloc = f"{host}:{port}" if port else host
    return f"{parts.scheme}://{netloc}{parts.path}" if parts.scheme else netloc + parts.path


# -- the extractor ------------------------------------------------------------------------


class _FormatRefused(Exception):
    """The server answered 400 to our response_format."""


# A timeout the client reports this long before the call's deadline was not a timeout.
TIMEOUT_SLACK_S = 0.25


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
        max_tokens: int,
        response_format: ResponseFormat,
        may_fall_back: bool = False,
        schema_bounds: SchemaBounds = "none",
        base_url: str | None = None,
    ) -> None:
        self._client = client
        self.kind = kind
        self.model = model
        self.timeout_s = timeout_s
        self.max_tokens = max_tokens
        # json_schema can fall back to json_object once for the life of the process when the
        # server refuses it (LLM_RESPONSE_FORMAT=auto); a forced choice never changes.
        self.response_format: ResponseFormat = response_format
        self.may_fall_back = may_fall_back
        self.schema_bounds: SchemaBounds = schema_bounds
        self.base_url = base_url

    def describe(self) -> dict[str, str | None]:
        return {"extractor": self.kind, "llm_model": self.model, "llm_base_url": public_url(self.base_url)}

    async def aclose(self) -> None:
        """Close the client's connections (its aiohttp session warns at exit otherwise)."""
        await self._client.close()

    async def extract(self, message: str, profile: dict[str, Any]) -> list[FieldEvent]:
        if not might_hold_personal_fact(message):
            return []  # no first-person words, code, a link or a pleasantry: not worth a call
        deadline = time.monotonic() + self.timeout_s
        problem = ""
        shorter = False
        attempts = 0
        while attempts < 2:  # invalid output gets one more try, then fails
            fmt = self.response_format
            messages = build_messages(message, profile, schema_in_prompt=fmt == "json_object", shorter=shorter)
            try:
                content, finish_reason = await self._complete(messages, fmt, deadline, shorter=shorter)
            except _FormatRefused:
                self._fall_back(fmt)
                continue  # the same attempt again, in json_object mode
            attempts += 1
            if finish_reason == "length":
                # Truncated JSON at best; at worst a loop inside a string. Ask for less.
                problem = f"the answer was cut off at LLM_MAX_TOKENS ({self.max_tokens} tokens)"
                shorter = True
                log.warning("LLM answer cut off at max_tokens=%d", self.max_tokens)
                continue
            try:
                return parse_events(content)
            except ValueError as exc:
                problem = str(exc)
                log.warning("LLM returned unusable output: %s", problem)
        raise ExtractionError(f"the LLM returned invalid output twice: {problem}")

    def _fall_back(self, refused: ResponseFormat) -> None:
        if refused != "json_schema" or not self.may_fall_back:
            raise ExtractionError(
                f"the LLM server refused the {refused} response format (HTTP 400); "
                "set LLM_RESPONSE_FORMAT to the other choice or to auto"
            )
        if self.response_format == "json_schema":  # concurrent requests: log once
            self.response_format = "json_object"
            log.warning(
                "the LLM server refused response_format json_schema; using json_object with the "
                "schema in the prompt from now on (set LLM_RESPONSE_FORMAT to choose)"
            )

    async def _complete(
        self, messages: list[dict[str, str]], fmt: ResponseFormat, deadline: float, *, shorter: bool = False
    ) -> tuple[str | None, str | None]:
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
                # cast_to=str: the body as text, read below with json.loads. Building the
                # client's ChatCompletion model from it took ~75 µs a call; json.loads ~4.
                text = await self._client.post(
                    "/chat/completions",
                    body={
                        "model": self.model,
                        "messages": messages,
                        "response_format": self._response_format(fmt, shorter=shorter),
                        "temperature": 0,
                        # max_tokens, not max_completion_tokens: every compatible server and
                        # Azure's GA API take it; without it a model looping inside a string
                        # generates until LLM_TIMEOUT_S.
                        "max_tokens": self.max_tokens,
                    },
                    cast_to=str,
                    options={"timeout": remaining},
                )
            except openai.APITimeoutError:
                if time.monotonic() < deadline - TIMEOUT_SLACK_S:
                    # Long before the budget ran out, so not a timeout: the aiohttp transport
                    # reports a refused or reset connection as one (its exception map picks
                    # httpx's ConnectTimeout for aiohttp's ClientConnectionError family).
                    raise ExtractionError("the LLM could not be reached (connection failed)") from None
                raise ExtractionError(f"the LLM did not answer within {self.timeout_s:g} s") from None
            except openai.RateLimitError as exc:
                wait = _retry_after_s(exc.response)
                if rate_limit_retries > 0 and wait is not None and time.monotonic() + wait < deadline:
                    rate_limit_retries -= 1
                    await asyncio.sleep(wait)
                    continue
                raise ExtractionError("the LLM is rate-limited (HTTP 429); try again later") from None
            except openai.BadRequestError as exc:
                if _names_response_format(exc):
                    raise _FormatRefused() from None
                raise ExtractionError("the LLM answered with HTTP 400") from None
            except openai.APIStatusError as exc:
                raise ExtractionError(f"the LLM answered with HTTP {exc.status_code}") from None
            except openai.APIConnectionError:
                raise ExtractionError("the LLM could not be reached (connection failed)") from None
            except (openai.OpenAIError, ValueError) as exc:
                # Anything else the client raises on the way (its body checks are _first_choice's).
                raise ExtractionError(f"the LLM answered with something unreadable ({type(exc).__name__})") from None
            return _first_choice(text)

    def _response_format(self, fmt: ResponseFormat, *, shorter: bool = False) -> dict[str, Any]:
        if fmt == "json_schema":
            max_events = SHORTER_MAX_EVENTS if shorter else SCHEMA_MAX_EVENTS
            return {"type": "json_schema", "json_schema": events_json_schema(self.schema_bounds, max_events=max_events)}
        return {"type": "json_object"}


def _first_choice(text: str) -> tuple[str | None, str | None]:
    """The first choice's message content and finish reason of a chat completion's body."""
    try:
        completion = json.loads(text)
    except ValueError:
        # A 200 whose body is not JSON (an HTML error page from a proxy, say).
        raise ExtractionError("the LLM answered with something unreadable (not JSON)") from None
    try:
        choices = completion["choices"]
        if not choices:
            return None, None
        content, finish_reason = choices[0]["message"].get("content"), choices[0].get("finish_reason")
    except (KeyError, IndexError, TypeError, AttributeError):
        raise ExtractionError("the LLM answered with something that is not a chat completion") from None
    if not isinstance(content, str | None) or not isinstance(finish_reason, str | None):
        raise ExtractionError("the LLM answered with something that is not a chat completion")
    return content, finish_reason


def _names_response_format(exc: openai.APIStatusError) -> bool:
    text = f"{exc.message} {exc.body}".lower()
    return any(word in text for word in ("response_format", "json_schema", "response format"))


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
    forced = settings.llm_response_format != "auto"
    if kind == "azure":
        client: openai.AsyncOpenAI = openai.AsyncAzureOpenAI(
            api_key=settings.azure_openai_api_key,
            azure_endpoint=settings.azure_openai_endpoint or "",  # set: extractor_kind says "azure"
            api_version=settings.azure_openai_api_version,
            timeout=settings.llm_timeout_s,
            max_retries=0,
            http_client=_http_client(),
        )
        return LLMExtractor(
            client,
            kind="azure",
            model=settings.azure_openai_deployment,
            timeout_s=settings.llm_timeout_s,
            max_tokens=settings.llm_max_tokens,
            response_format=_pick_format(settings),
            may_fall_back=not forced,
            schema_bounds="none",
            base_url=settings.azure_openai_endpoint,
        )
    client = openai.AsyncOpenAI(
        api_key=settings.openai_api_key,
        base_url=settings.openai_base_url,
        timeout=settings.llm_timeout_s,
        max_retries=0,
        http_client=_http_client(),
    )
    compatible = bool(settings.openai_base_url)
    return LLMExtractor(
        client,
        kind="openai-compatible" if compatible else "openai",
        model=settings.openai_model,
        timeout_s=settings.llm_timeout_s,
        max_tokens=settings.llm_max_tokens,
        # json_schema everywhere: a compatible server that does not know it answers 400,
        # and the extractor falls back to json_object (once, logged) unless the choice is forced.
        response_format=_pick_format(settings),
        may_fall_back=not forced,
        schema_bounds="full" if compatible else "items",
        base_url=settings.openai_base_url,
    )


def _http_client() -> Any:
    """The openai client's own aiohttp transport (the `openai[aiohttp]` extra) in place of its
    default httpx one: the same client, errors and timeouts, with ~300 µs less CPU per call
    measured here (1.99 -> 1.68 ms of worker CPU per LLM-path message; README, Performance).
    Its session opens on the first call, inside the running loop; `LLMExtractor.aclose` ends it."""
    return openai.DefaultAioHttpClient()


def _pick_format(settings: Settings) -> ResponseFormat:
    return "json_schema" if settings.llm_response_format == "auto" else settings.llm_response_format
