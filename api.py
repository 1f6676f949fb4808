"""PersonalMem REST API and web page, served on one port.

Run: uvicorn api:app_api --host 0.0.0.0 --port 8888
"""

from __future__ import annotations

import gc
import json
import logging
import re
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Annotated, Any, get_type_hints

from fastapi import APIRouter, Depends, FastAPI, Path, Query, Request, Response
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline
from pydantic import BaseModel, ConfigDict, Field
from starlette.middleware.cors import CORSMiddleware

from config import PROJECT_DIR, Settings, get_settings
from domain import (
    FIELD_KEY_PATTERN,
    HISTORY_PAGE_DEFAULT,
    HISTORY_PAGE_MAX,
    MAX_FIELD_NAME_CHARS,
    MAX_FLOAT_MAGNITUDE,
    MAX_INT_MAGNITUDE,
    MAX_ITEMS_PER_VALUE,
    MAX_USER_ID_CHARS,
    MAX_VALUE_CHARS,
    USER_ID_PATTERN,
    USER_ID_RULE,
    FieldEvent,
)
from errors import (
    DatabaseUnavailable,
    ExtractionError,
    InvalidMemory,
    MemoryConflict,
    MemoryNotFound,
    MessageTooLong,
    PersonalMemError,
    Unauthorized,
)
from extractors import Extractor
from memory_service import MemoryInfo, MemoryService, open_memory_service
from trust import HistoryPage, ImportDocument, ImportMode, ImportResult, RulesIn, RulesResult, TrustControls, UndoResult
from web import (
    UNAUTHORIZED_DETAIL,
    BodyGuardMiddleware,
    RequestContextMiddleware,
    configure_logging,
    key_is_valid,
    offered_key,
)

log = logging.getLogger("personalmem.api")

SERVICE_NAME = "PersonalMem API"

# One rule for user ids, the same in the body of POST /messages and in every path.
UserId = Annotated[
    str, Path(min_length=1, max_length=MAX_USER_ID_CHARS, pattern=USER_ID_PATTERN, description=USER_ID_RULE)
]
MemoryKey = Annotated[
    str,
    Path(
        min_length=1,
        max_length=MAX_FIELD_NAME_CHARS,
        pattern=FIELD_KEY_PATTERN,
        description="Field name; 'Favorite food' or 'favorite-food' is stored as favorite_food",
    ),
]
MemoryId = Annotated[
    str, Path(min_length=3, max_length=200, pattern=r"^[A-Za-z0-9._@-]+$", description='"{user_id}_{field}"')
]
# Numbers are bounded (domain.number_in_range: 15 digits) by the gate every value passes, not
# by validation here: a validation error would echo the number, and a 16-digit one may be a
# card number. The schema still states the bounds, for clients and schema-driven fuzzing.
BoundedInt = Annotated[
    int, Field(json_schema_extra={"minimum": -MAX_INT_MAGNITUDE, "maximum": MAX_INT_MAGNITUDE})
]
FiniteFloat = Annotated[
    float,
    Field(
        allow_inf_nan=False,
        json_schema_extra={"exclusiveMinimum": -MAX_FLOAT_MAGNITUDE, "exclusiveMaximum": MAX_FLOAT_MAGNITUDE},
    ),
]
# At most 500 characters, not blank, no control characters (PostgreSQL's JSONB cannot even hold NUL).
ShortString = Annotated[
    str,
    Field(min_length=1, max_length=MAX_VALUE_CHARS, pattern=r"^[^\x00-\x1f\x7f]*[^\s\x00-\x1f\x7f][^\x00-\x1f\x7f]*$"),
]

ShortStringList = Annotated[list[ShortString], Field(min_length=1, max_length=MAX_ITEMS_PER_VALUE)]

# -- request and response models: the design's JSON shapes ----------------------------


class MessageRequest(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{"user_id": "user_123", "message": "My name is Alice."}]})

    user_id: str = Field(min_length=1, max_length=MAX_USER_ID_CHARS, pattern=USER_ID_PATTERN, description=USER_ID_RULE)
    message: str = Field(min_length=1, description="At most MAX_MESSAGE_CHARS (16,000) characters; longer gets 413")


class MessageResponse(BaseModel):
    success: bool
    memory_context: str
    extracted_memories: list[FieldEvent]
    message: str


class MemoryValue(BaseModel):
    model_config = ConfigDict(extra="forbid")

    value: ShortString | BoundedInt | FiniteFloat | bool | ShortStringList


class HealthResponse(BaseModel):
    status: str
    timestamp: str
    service: str
    database: str
    database_mode: str
    extractor: str
    llm_model: str | None
    llm_base_url: str | None


class MessageOut(BaseModel):
    message: str


class ContextResponse(BaseModel):
    user_memories: list[MemoryInfo]
    user_id: str


class ErrorBody(BaseModel):
    detail: str


def documented(*codes: int) -> dict[int | str, dict[str, Any]]:
    """Error responses a route can give, for /docs and for schema-driven clients."""
    return {code: {"model": ErrorBody} for code in (401, 503, *codes)}


# -- errors: one place maps each typed failure to its status --------------------------

STATUS_BY_ERROR: dict[type[PersonalMemError], int] = {
    Unauthorized: 401,
    MemoryNotFound: 404,
    MemoryConflict: 409,
    MessageTooLong: 413,
    ExtractionError: 502,
    DatabaseUnavailable: 503,
}


async def _error_response(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, PersonalMemError)
    status = STATUS_BY_ERROR[type(exc)]
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    if status >= 500:
        # The caller gets a plain detail; what failed inside (hosts, sockets, paths) goes to the log.
        log.warning("%s %s -> %d: %s", request.method, request.url.path, status, exc.internal or exc.detail)
    return JSONResponse(status_code=status, content={"detail": exc.detail}, headers=headers)


async def _invalid_memory(request: Request, exc: Exception) -> JSONResponse:
    # The same shape as FastAPI's own validation errors, so clients parse one kind of 422.
    assert isinstance(exc, InvalidMemory)
    error = {"type": "value_error", "loc": list(exc.loc), "msg": exc.detail}
    return JSONResponse(status_code=422, content={"detail": [error]})


async def _invalid_request(request: Request, exc: Exception) -> JSONResponse:
    """FastAPI's 422, except that an input which cannot be written as JSON text (a lone surrogate
    such as \\ud800, a NaN) is not echoed back: echoing it was a plain-text 500."""
    assert isinstance(exc, RequestValidationError)
    errors = []
    for error in jsonable_encoder(exc.errors()):
        if "input" in error and not _echoable(error["input"]):
            error.pop("input")
            if error.get("type") == "string_unicode":
                error["msg"] = "Text must be valid Unicode: a lone surrogate (such as \\ud800) is not"
        errors.append(error)
    return JSONResponse(status_code=422, content={"detail": errors})


def _echoable(value: Any) -> bool:
    try:
        json.dumps(value, ensure_ascii=False, allow_nan=False).encode("utf-8")
    except (UnicodeEncodeError, TypeError, ValueError):
        return False
    return True


# -- dependencies ---------------------------------------------------------------------

# The two ways to send a key, as /openapi.json declares them (Swagger's "Authorize").
KEY_DESCRIPTION = "One of PERSONALMEM_API_KEYS"
KEY_SCHEMES: dict[str, dict[str, str]] = {
    "HTTPBearer": {"type": "http", "description": KEY_DESCRIPTION, "scheme": "bearer"},
    "APIKeyHeader": {"type": "apiKey", "description": KEY_DESCRIPTION, "in": "header", "name": "X-API-Key"},
}
KEY_SECURITY: list[dict[str, list[str]]] = [{"HTTPBearer": []}, {"APIKeyHeader": []}]  # either one


def require_api_key(request: Request) -> None:
    """Any one of the configured keys, in either header (requests with a body were already
    checked by BodyGuardMiddleware, before their body was read); then each query parameter
    given at most once.

    It reads both headers itself, with the middleware's own function, instead of through
    FastAPI's HTTPBearer and APIKeyHeader: those are two more dependencies to solve on every
    request (~20 µs of a read's ~230 µs in the worker, measured in-process); the schemes are
    declared in /openapi.json by KeyedRouter and create_app instead. The query check rides in
    the same dependency for the same reason, and after the key, so that a keyless request
    learns nothing but 401.
    """
    keys: tuple[str, ...] = request.app.state.settings.api_keys
    if keys and not key_is_valid(offered_key(dict(request.scope["headers"])), keys):
        raise Unauthorized(UNAUTHORIZED_DETAIL)
    if request.scope["query_string"]:
        _refuse_repeated_parameters(request)


def _refuse_repeated_parameters(request: Request) -> None:
    """?field=a&field=b: every query parameter of this API holds one value, and FastAPI would
    quietly keep the last one given; which one was meant is the client's to say."""
    seen: set[str] = set()
    repeated: dict[str, None] = {}
    for name, _ in request.query_params.multi_items():
        if name in seen:
            repeated[name] = None
        seen.add(name)
    if repeated:
        raise RequestValidationError(
            [
                {"type": "repeated_parameter", "loc": ("query", name), "msg": "Give this parameter once, not twice"}
                for name in repeated
            ]
        )


async def get_service(request: Request) -> MemoryService:
    return request.app.state.service


async def keyed_service(request: Request) -> MemoryService:
    """The service, for a caller holding a key: the key check and the service in one dependency.

    FastAPI solves each dependency of a route on every request, at ~15-20 µs apiece here (a
    read by key is ~220 µs in the worker; in-process, interleaved: 259 µs with a router-level
    key dependency and a service dependency, 234-238 with one of them, 219 with neither).
    """
    require_api_key(request)
    return request.app.state.service


async def keyed_trust(request: Request) -> TrustControls:
    """History, undo, export, import and rules, for a caller holding a key (as keyed_service)."""
    require_api_key(request)
    return TrustControls(request.app.state.service)


ServiceDep = Annotated[MemoryService, Depends(get_service)]
KeyedService = Annotated[MemoryService, Depends(keyed_service)]
KeyedTrust = Annotated[TrustControls, Depends(keyed_trust)]
KEYED_DEPENDENCIES = (KeyedService, KeyedTrust)


class KeyedRouter(APIRouter):
    """A router whose every route needs an API key, and says so in /openapi.json.

    The key is checked by the route's KeyedService or KeyedTrust parameter (one dependency,
    not a router-level one beside the service's): a route without one is refused here, when
    it is defined, so that none can be left open by mistake.
    """

    def add_api_route(self, path: str, endpoint: Callable[..., Any], **kwargs: Any) -> None:
        hints = get_type_hints(endpoint, include_extras=True).values()
        if not any(hint in KEYED_DEPENDENCIES for hint in hints):
            raise TypeError(f"{endpoint.__name__} ({path}) takes no KeyedService or KeyedTrust: it would need no key")
        kwargs["openapi_extra"] = {"security": KEY_SECURITY, **(kwargs.get("openapi_extra") or {})}
        super().add_api_route(path, endpoint, **kwargs)


public = APIRouter()
protected = KeyedRouter()


# -- routes ---------------------------------------------------------------------------


@public.get("/health", response_model=HealthResponse, tags=["health"])
async def health(request: Request, service: ServiceDep) -> HealthResponse:
    """Service status, database reachability and the active extractor (never needs a key)."""
    database_ok = await service.database_available()
    return HealthResponse(
        status="healthy" if database_ok else "degraded",
        timestamp=datetime.now(UTC).isoformat(),
        service=SERVICE_NAME,
        database="ok" if database_ok else "unavailable",
        database_mode=request.app.state.database_mode,
        **service.extractor.describe(),  # type: ignore[arg-type]
    )


@protected.post(
    "/messages", response_model=MessageResponse, tags=["messages"], responses=documented(400, 413, 415, 502)
)
async def process_message(body: MessageRequest, service: KeyedService) -> MessageResponse:
    """Extract long-term personal facts from one message and merge them into the user's memory."""
    result = await service.process_message(user_id=body.user_id, message=body.message)
    return MessageResponse(
        success=True,
        memory_context=result.memory_context,
        extracted_memories=result.applied,
        message="; ".join([_outcome_text(result.applied, result.dropped), *result.notes]),
    )


@protected.get("/users/{user_id}/memories", response_model=list[MemoryInfo], tags=["memories"], responses=documented())
async def get_memories(user_id: UserId, service: KeyedService) -> Response:
    """All memories of a user, name, role and location first."""
    return Response(await service.get_memories_json(user_id), media_type="application/json")


@protected.get("/users/{user_id}/context", response_model=ContextResponse, tags=["memories"], responses=documented())
async def get_context(user_id: UserId, service: KeyedService) -> Response:
    """A user's memories, for building a chatbot prompt."""
    return Response(await service.get_context_json(user_id), media_type="application/json")


@protected.get(
    "/users/{user_id}/memories/search", response_model=list[MemoryInfo], tags=["memories"], responses=documented()
)
async def search_memories(
    user_id: UserId,
    service: KeyedService,
    query: Annotated[str, Query(min_length=1, max_length=200)],
    limit: Annotated[int, Query(ge=1, le=100)] = 5,
) -> list[MemoryInfo]:
    """Keyword search over a user's field names and values; whole words rank first."""
    return await service.search(user_id, query=query, limit=limit)


@protected.delete("/users/{user_id}/memories", response_model=MessageOut, tags=["memories"], responses=documented())
async def delete_all_memories(user_id: UserId, service: KeyedService) -> MessageOut:
    """Forget everything about a user."""
    await service.delete_all(user_id)
    return MessageOut(message=f"All memories deleted for user {user_id}")


@protected.put(
    "/users/{user_id}/memories/{key}",
    response_model=MemoryInfo,
    tags=["memories"],
    responses=documented(400, 409, 413, 415),
)
async def set_memory(user_id: UserId, key: MemoryKey, body: MemoryValue, service: KeyedService) -> MemoryInfo:
    """Set one field to a value (a list replaces the whole list)."""
    return await service.set_memory(user_id, key, body.value)


@protected.delete(
    "/users/{user_id}/memories/{key}", response_model=MessageOut, tags=["memories"], responses=documented(404)
)
async def delete_memory(user_id: UserId, key: MemoryKey, service: KeyedService) -> MessageOut:
    """Forget one field of a user."""
    await service.delete_memory(user_id, key)
    return MessageOut(message=f"Memory {key} deleted for user {user_id}")


@protected.delete("/memories/{memory_id}", response_model=MessageOut, tags=["memories"], responses=documented(404))
async def delete_memory_by_id(memory_id: MemoryId, service: KeyedService) -> MessageOut:
    """Forget one memory by its id, "{user_id}_{field}" (the longest stored user id wins)."""
    await service.delete_memory_by_id(memory_id)
    return MessageOut(message=f"Memory {memory_id} deleted")


@protected.get("/users/{user_id}/profile", response_model=dict[str, Any], tags=["memories"], responses=documented())
async def get_profile(user_id: UserId, service: KeyedService) -> dict[str, Any]:
    """The raw profile object, field -> value."""
    return await service.get_profile(user_id)


# -- trust controls: history and undo, export and import, "never remember" rules ----------

EventId = Annotated[int, Path(ge=1, le=2**63 - 1, description="A history event's id (from GET …/history)")]



@protected.get("/users/{user_id}/history", response_model=HistoryPage, tags=["history"], responses=documented())
async def get_history(
    user_id: UserId,
    trust: KeyedTrust,
    field: Annotated[
        str | None, Query(min_length=1, max_length=MAX_FIELD_NAME_CHARS, pattern=FIELD_KEY_PATTERN)
    ] = None,
    limit: Annotated[int, Query(ge=1, le=HISTORY_PAGE_MAX)] = HISTORY_PAGE_DEFAULT,
    before: Annotated[int | None, Query(ge=1, le=2**63 - 1, description="next_before of the previous page")] = None,
) -> HistoryPage:
    """A user's memory changes, newest first, one page at a time (optionally for one field)."""
    return await trust.history(user_id, field=field, before=before, limit=limit)


@protected.post(
    "/users/{user_id}/history/{event_id}/undo",
    response_model=UndoResult,
    tags=["history"],
    responses=documented(404, 409),
)
async def undo_event(user_id: UserId, event_id: EventId, trust: KeyedTrust, force: bool = False) -> UndoResult:
    """Restore a field to its value before an event; 409 if it changed since, unless ?force=true."""
    return await trust.undo(user_id, event_id, force=force)


@protected.get("/users/{user_id}/export", response_model=dict[str, Any], tags=["export"], responses=documented())
async def export_memory(user_id: UserId, trust: KeyedTrust) -> JSONResponse:
    """The whole memory as one JSON document (profile, per-field times, rules, history), as a download."""
    filename = "personalmem-" + re.sub(r"[^A-Za-z0-9._-]", "_", user_id)[:64] + ".json"
    headers = {"Content-Disposition": f'attachment; filename="{filename}"'}
    return JSONResponse(await trust.export(user_id), headers=headers)


@protected.post(
    "/users/{user_id}/import", response_model=ImportResult, tags=["export"], responses=documented(400, 413, 415)
)
async def import_memory(
    user_id: UserId, document: ImportDocument, trust: KeyedTrust, mode: ImportMode = "merge"
) -> ImportResult:
    """Bring back an exported document, merged into the memory or replacing it; refusals are named."""
    return await trust.import_document(user_id, document, mode=mode)


@protected.get("/users/{user_id}/rules", response_model=RulesResult, tags=["rules"], responses=documented())
async def get_rules(user_id: UserId, trust: KeyedTrust) -> RulesResult:
    """The topics, fields and words this user never wants remembered."""
    return RulesResult(rules=await trust.rules(user_id))


@protected.put("/users/{user_id}/rules", response_model=RulesResult, tags=["rules"], responses=documented(400, 415))
async def set_rules(user_id: UserId, body: RulesIn, trust: KeyedTrust) -> RulesResult:
    """Replace the never-remember rules; what is stored under them is removed."""
    return await trust.set_rules(user_id, body.rules)


def _outcome_text(applied: list[FieldEvent], dropped: list[str]) -> str:
    # The reasons name what was refused and why (the privacy gate's never hold the value):
    # "nothing to remember" would hide that something sensitive was left out.
    if not dropped:
        return "Message processed successfully" if applied else "Message processed; nothing to remember"
    head = "Message processed successfully" if applied else "Message processed"
    return f"{head}; not stored: {'; '.join(dropped[:10])}"


# -- application ------------------------------------------------------------------------


def _declare_key_schemes(app: FastAPI) -> None:
    """Add the key schemes to the generated /openapi.json (FastAPI's "extending OpenAPI")."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = generate()
            schema.setdefault("components", {})["securitySchemes"] = KEY_SCHEMES
        return app.openapi_schema  # type: ignore[return-value]  # set by generate()

    app.openapi = openapi  # type: ignore[method-assign]


def _add_routes_first(app: FastAPI, *routers: APIRouter) -> None:
    """The routers' routes, in order, at the head of the app's own table.

    Not include_router(): in this FastAPI an included router is matched lazily, twice per
    request (once to find it, once to dispatch), and every route it passes over on the way
    costs more than a whole read by key does in PostgreSQL. Flat, and ahead of the docs routes
    that FastAPI and FastAPIOffline add at construction, a read by key runs ~20% fewer
    instructions in the worker (cachegrind, in-process: 1.13 M -> 0.88 M; /health 0.59 M ->
    0.48 M). Nothing is lost: each route already carries its router's dependencies (the API
    key) and OpenAPI security, and no router here has a prefix.
    """
    app.router.routes[:0] = [route for router in routers for route in router.routes]


def create_app(settings: Settings | None = None, *, extractor: Extractor | None = None) -> FastAPI:
    """Build the app from `settings` (default: the environment and .env). Reading settings is
    all that happens here: the database and the LLM are reached when the lifespan starts."""
    config = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        configure_logging(config.log_level)
        if not config.api_keys:
            log.warning("PERSONALMEM_API_KEYS is not set: the API is open to anyone who can reach it")
        async with open_memory_service(config, extractor=extractor) as (service, target):
            app.state.service = service
            app.state.database_mode = target.mode
            log.info("extractor: %s", service.extractor.describe())
            # Everything built so far lives as long as the process. Frozen, it is no longer
            # walked by every full collection: those took ~60 ms idle and stalled all requests
            # in flight on this worker (read p99 of 0.3-0.7 s under load).
            gc.collect()
            gc.freeze()
            yield

    # FastAPIOffline is FastAPI with /docs and /redoc served from assets its package ships,
    # so the docs work with no internet (stock FastAPI loads Swagger UI from a CDN).
    app = FastAPIOffline(
        title=SERVICE_NAME,
        version="1.0.0",
        description="Long-term personal memory for LLM apps: facts, not transcripts.",
        lifespan=lifespan,
        # The service exports no OpenTelemetry; left on, FastAPI looked for a configured provider
        # on every request.
        telemetry={"tracing": False, "metrics": False, "logs": False},
    )
    app.state.settings = config
    _declare_key_schemes(app)
    for error_type in STATUS_BY_ERROR:
        app.add_exception_handler(error_type, _error_response)
    app.add_exception_handler(InvalidMemory, _invalid_memory)
    app.add_exception_handler(RequestValidationError, _invalid_request)
    _add_routes_first(app, public, protected)
    app.mount("/", StaticFiles(directory=PROJECT_DIR / "frontend", html=True), name="frontend")
    # add_middleware wraps what is there already, so the last one added runs first:
    # request ids (on every response, CORS preflights and early refusals included), then
    # CORS (so a 401 or 413 still carries its headers), then the key and body checks.
    app.add_middleware(BodyGuardMiddleware, api_keys=config.api_keys)
    if config.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(config.cors_origins),
            allow_methods=["GET", "POST", "PUT", "DELETE"],
            allow_headers=["Authorization", "X-API-Key", "Content-Type", "X-Request-ID"],
            expose_headers=["X-Request-ID"],
        )
    app.add_middleware(RequestContextMiddleware)
    return app


app_api = create_app()
