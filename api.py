"""PersonalMem REST API and web page, served on one port.

Run: uvicorn api:app_api --host 0.0.0.0 --port 8888
"""

from __future__ import annotations

import gc
import hmac
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Path, Query, Request
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field

from config import PROJECT_DIR, Settings, get_settings
from domain import MAX_FIELD_NAME_CHARS, MAX_USER_ID_CHARS, MAX_VALUE_CHARS, FieldEvent
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
from web import RequestContextMiddleware, SettingsCORSMiddleware, configure_logging

log = logging.getLogger("personalmem.api")

SERVICE_NAME = "PersonalMem API"
NO_CONTROL_CHARS = r"^[^\x00-\x1f\x7f]+$"

UserId = Annotated[
    str,
    Path(
        min_length=1,
        max_length=MAX_USER_ID_CHARS,
        pattern=NO_CONTROL_CHARS,
        description=f"User identifier (1-{MAX_USER_ID_CHARS} characters)",
    ),
]
MemoryKey = Annotated[
    str,
    Path(
        min_length=1,
        max_length=MAX_FIELD_NAME_CHARS,
        pattern=r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$",
        description="Field name in snake_case: lower-case words joined by single underscores",
    ),
]
MemoryId = Annotated[
    str, Path(min_length=3, max_length=200, pattern=NO_CONTROL_CHARS, description='"{user_id}_{field}"')
]
# At most 500 characters, not blank, no control characters (PostgreSQL's JSONB cannot even hold NUL).
ShortString = Annotated[
    str,
    Field(min_length=1, max_length=MAX_VALUE_CHARS, pattern=r"^[^\x00-\x1f\x7f]*[^\s\x00-\x1f\x7f][^\x00-\x1f\x7f]*$"),
]


# -- request and response models: the design's JSON shapes ----------------------------


class MessageRequest(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{"user_id": "user_123", "message": "My name is Alice."}]})

    user_id: str = Field(min_length=1, max_length=MAX_USER_ID_CHARS, pattern=NO_CONTROL_CHARS)
    message: str = Field(min_length=1, description="At most MAX_MESSAGE_CHARS (16,000) characters; longer gets 413")


class MessageResponse(BaseModel):
    success: bool
    memory_context: str
    extracted_memories: list[FieldEvent]
    message: str


class MemoryValue(BaseModel):
    model_config = ConfigDict(extra="forbid")

    value: ShortString | int | float | bool | Annotated[list[ShortString], Field(min_length=1, max_length=100)]


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
        log.warning("%s %s -> %d: %s", request.method, request.url.path, status, exc.detail)
    return JSONResponse(status_code=status, content={"detail": exc.detail}, headers=headers)


async def _invalid_memory(request: Request, exc: Exception) -> JSONResponse:
    # The same shape as FastAPI's own validation errors, so clients parse one kind of 422.
    assert isinstance(exc, InvalidMemory)
    error = {"type": "value_error", "loc": list(exc.loc), "msg": exc.detail}
    return JSONResponse(status_code=422, content={"detail": [error]})


# -- dependencies ---------------------------------------------------------------------

# The two ways to send a key, as OpenAPI security schemes (Swagger's "Authorize" button).
SECURITY_SCHEMES = {
    "HTTPBearer": {"type": "http", "scheme": "bearer", "description": "One of PERSONALMEM_API_KEYS"},
    "APIKeyHeader": {
        "type": "apiKey",
        "in": "header",
        "name": "X-API-Key",
        "description": "One of PERSONALMEM_API_KEYS",
    },
}


async def require_api_key(request: Request) -> None:
    """One dependency reading both headers itself: FastAPI's per-dependency cost was ~12% of a read."""
    keys: tuple[str, ...] = request.app.state.settings.api_keys
    if not keys:
        return
    offered = request.headers.get("x-api-key") or ""
    if not offered:
        scheme, _, credentials = request.headers.get("authorization", "").partition(" ")
        offered = credentials.strip() if scheme.lower() == "bearer" else ""
    # compare_digest takes the same time wherever two keys differ; every key is compared,
    # so the time does not tell which one (if any) was close.
    matched = False
    for key in keys:
        matched |= hmac.compare_digest(offered.encode(), key.encode())
    if not offered or not matched:
        raise Unauthorized("a valid API key is required: Authorization: Bearer <key> or X-API-Key: <key>")


async def get_service(request: Request) -> MemoryService:
    return request.app.state.service


ServiceDep = Annotated[MemoryService, Depends(get_service)]

public = APIRouter()
protected = APIRouter(dependencies=[Depends(require_api_key)])
PROTECTED_SECURITY = [{"HTTPBearer": []}, {"APIKeyHeader": []}]


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
async def process_message(body: MessageRequest, service: ServiceDep) -> MessageResponse:
    """Extract long-term personal facts from one message and merge them into the user's memory."""
    result = await service.process_message(user_id=body.user_id, message=body.message)
    return MessageResponse(
        success=True,
        memory_context=result.memory_context,
        extracted_memories=result.applied,
        message=_outcome_text(result.applied, result.dropped),
    )


@protected.get("/users/{user_id}/memories", response_model=list[MemoryInfo], tags=["memories"], responses=documented())
async def get_memories(user_id: UserId, service: ServiceDep) -> list[MemoryInfo]:
    """All memories of a user, name, role and location first."""
    return await service.get_memories(user_id)


@protected.get(
    "/users/{user_id}/memories/search", response_model=list[MemoryInfo], tags=["memories"], responses=documented()
)
async def search_memories(
    user_id: UserId,
    service: ServiceDep,
    query: Annotated[str, Query(min_length=1, max_length=200)],
    limit: Annotated[int, Query(ge=1, le=100)] = 5,
) -> list[MemoryInfo]:
    """Keyword search over a user's field names and values; whole words rank first."""
    return await service.search(user_id, query=query, limit=limit)


@protected.delete("/users/{user_id}/memories", response_model=MessageOut, tags=["memories"], responses=documented())
async def delete_all_memories(user_id: UserId, service: ServiceDep) -> MessageOut:
    """Forget everything about a user."""
    await service.delete_all(user_id)
    return MessageOut(message=f"All memories deleted for user {user_id}")


@protected.put(
    "/users/{user_id}/memories/{key}",
    response_model=MemoryInfo,
    tags=["memories"],
    responses=documented(400, 409, 413, 415),
)
async def set_memory(user_id: UserId, key: MemoryKey, body: MemoryValue, service: ServiceDep) -> MemoryInfo:
    """Set one field to a value (a list replaces the whole list)."""
    return await service.set_memory(user_id, key, body.value)


@protected.delete(
    "/users/{user_id}/memories/{key}", response_model=MessageOut, tags=["memories"], responses=documented(404)
)
async def delete_memory(user_id: UserId, key: MemoryKey, service: ServiceDep) -> MessageOut:
    """Forget one field of a user."""
    await service.delete_memory(user_id, key)
    return MessageOut(message=f"Memory {key} deleted for user {user_id}")


@protected.delete("/memories/{memory_id}", response_model=MessageOut, tags=["memories"], responses=documented(404))
async def delete_memory_by_id(memory_id: MemoryId, service: ServiceDep) -> MessageOut:
    """Forget one memory by its id, "{user_id}_{field}" (the longest stored user id wins)."""
    await service.delete_memory_by_id(memory_id)
    return MessageOut(message=f"Memory {memory_id} deleted")


@protected.get("/users/{user_id}/context", response_model=ContextResponse, tags=["memories"], responses=documented())
async def get_context(user_id: UserId, service: ServiceDep) -> ContextResponse:
    """A user's memories, for building a chatbot prompt."""
    return ContextResponse(user_memories=await service.get_memories(user_id), user_id=user_id)


@protected.get("/users/{user_id}/profile", response_model=dict[str, Any], tags=["memories"], responses=documented())
async def get_profile(user_id: UserId, service: ServiceDep) -> dict[str, Any]:
    """The raw profile object, field -> value."""
    return await service.get_profile(user_id)


def _outcome_text(applied: list[FieldEvent], dropped: list[str]) -> str:
    # The reasons name what was refused and why (the privacy gate's never hold the value):
    # "nothing to remember" would hide that something sensitive was left out.
    if not dropped:
        return "Message processed successfully" if applied else "Message processed; nothing to remember"
    head = "Message processed successfully" if applied else "Message processed"
    return f"{head}; not stored: {'; '.join(dropped[:10])}"


# -- application ------------------------------------------------------------------------


def create_app(settings: Settings | None = None, *, extractor: Extractor | None = None) -> FastAPI:
    """Build the app. Nothing is read or connected until the lifespan starts."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        config = settings or get_settings()
        configure_logging(config.log_level)
        app.state.settings = config
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

    app = FastAPI(
        title=SERVICE_NAME,
        version="1.0.0",
        description="Long-term personal memory for LLM apps: facts, not transcripts.",
        lifespan=lifespan,
    )
    for error_type in STATUS_BY_ERROR:
        app.add_exception_handler(error_type, _error_response)
    app.add_exception_handler(InvalidMemory, _invalid_memory)
    app.include_router(public)
    app.include_router(protected)
    app.mount("/", StaticFiles(directory=PROJECT_DIR / "frontend", html=True), name="frontend")
    _document_security(app)
    # Outermost first: every response, CORS preflights included, gets an X-Request-ID.
    app.add_middleware(SettingsCORSMiddleware)
    app.add_middleware(RequestContextMiddleware)
    return app


def _document_security(app: FastAPI) -> None:
    """Declare the key schemes in /openapi.json, and which operations need one."""
    protected_paths = {(route.path, method) for route in protected.routes for method in route.methods}  # type: ignore[attr-defined]
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = build()
            schema.setdefault("components", {})["securitySchemes"] = SECURITY_SCHEMES
            for path, operations in schema["paths"].items():
                for method, operation in operations.items():
                    if (path, method.upper()) in protected_paths:
                        operation["security"] = PROTECTED_SECURITY
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


app_api = create_app()
