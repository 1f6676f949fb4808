"""PersonalMem REST API and web page, served on one port.

Run: uvicorn api:app_api --host 0.0.0.0 --port 8888
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Path, Query, Request
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field

from config import PROJECT_DIR, Settings, get_settings
from errors import DatabaseUnavailable, ExtractionError, InvalidMemory, MemoryNotFound, MessageTooLong
from extractors import Extractor, FieldEvent
from memory_service import MemoryInfo, MemoryService, open_memory_service

log = logging.getLogger("personalmem.api")

SERVICE_NAME = "PersonalMem API"
NO_CONTROL_CHARS = r"^[^\x00-\x1f\x7f]+$"

UserId = Annotated[
    str,
    Path(min_length=1, max_length=128, pattern=NO_CONTROL_CHARS, description="User identifier (1-128 characters)"),
]
MemoryKey = Annotated[
    str, Path(min_length=1, max_length=64, pattern=r"^[a-z][a-z0-9_]*$", description="Field name, snake_case")
]


# -- request and response models: the design's JSON shapes ----------------------------


class MessageRequest(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{"user_id": "user_123", "message": "My name is Alice."}]})

    user_id: str = Field(min_length=1, max_length=128, pattern=NO_CONTROL_CHARS)
    message: str = Field(min_length=1)


class MessageResponse(BaseModel):
    success: bool
    memory_context: str
    extracted_memories: list[FieldEvent]
    message: str


class MemoryValue(BaseModel):
    model_config = ConfigDict(extra="forbid")

    value: (
        Annotated[str, Field(max_length=500)]
        | int
        | float
        | bool
        | Annotated[list[Annotated[str, Field(max_length=500)]], Field(max_length=100)]
    )


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


def error_responses(*codes: int) -> dict[int | str, dict[str, Any]]:
    return {code: {"model": ErrorBody} for code in codes}


# -- application ------------------------------------------------------------------


def _configure_logging(level: str) -> None:
    logger = logging.getLogger("personalmem")
    logger.setLevel(level)
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        logger.addHandler(handler)
        logger.propagate = False


def create_app(settings: Settings | None = None, *, extractor: Extractor | None = None) -> FastAPI:
    """Build the app. Nothing is read or connected until the lifespan starts."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        config = settings or get_settings()
        _configure_logging(config.log_level)
        with open_memory_service(config, extractor=extractor) as (service, target):
            app.state.service = service
            app.state.database_mode = target.mode
            log.info("extractor: %s", service.extractor.describe())
            yield

    app = FastAPI(
        title=SERVICE_NAME,
        version="1.0.0",
        description="Long-term personal memory for LLM apps: facts, not transcripts.",
        lifespan=lifespan,
    )
    _add_error_handlers(app)
    _add_routes(app)
    app.mount("/", StaticFiles(directory=PROJECT_DIR / "frontend", html=True), name="frontend")
    return app


def _add_error_handlers(app: FastAPI) -> None:
    statuses: dict[type[Exception], int] = {
        MemoryNotFound: 404,
        InvalidMemory: 422,
        MessageTooLong: 413,
        ExtractionError: 502,
        DatabaseUnavailable: 503,
    }
    for exc_type, status in statuses.items():

        async def handler(request: Request, exc: Exception, status: int = status) -> JSONResponse:
            return JSONResponse(status_code=status, content={"detail": exc.detail})  # type: ignore[attr-defined]

        app.add_exception_handler(exc_type, handler)


def get_service(request: Request) -> MemoryService:
    return request.app.state.service


ServiceDep = Annotated[MemoryService, Depends(get_service)]


def _add_routes(app: FastAPI) -> None:
    @app.get("/health", response_model=HealthResponse, tags=["health"])
    def health(request: Request, service: ServiceDep) -> HealthResponse:
        """Service status, database reachability and the active extractor."""
        database_ok = service.database_available()
        return HealthResponse(
            status="healthy" if database_ok else "degraded",
            timestamp=datetime.now(UTC).isoformat(),
            service=SERVICE_NAME,
            database="ok" if database_ok else "unavailable",
            database_mode=request.app.state.database_mode,
            **service.extractor.describe(),  # type: ignore[arg-type]
        )

    @app.post(
        "/messages",
        response_model=MessageResponse,
        tags=["messages"],
        responses=error_responses(413, 502, 503),
    )
    def process_message(body: MessageRequest, service: ServiceDep) -> MessageResponse:
        """Extract long-term personal facts from one message and merge them into the user's memory."""
        result = service.process_message(user_id=body.user_id, message=body.message)
        return MessageResponse(
            success=True,
            memory_context=result.memory_context,
            extracted_memories=result.applied,
            message=_outcome_text(result.applied, result.dropped),
        )

    @app.get(
        "/users/{user_id}/memories", response_model=list[MemoryInfo], tags=["memories"], responses=error_responses(503)
    )
    def get_memories(user_id: UserId, service: ServiceDep) -> list[MemoryInfo]:
        """All memories of a user, name, role and location first."""
        return service.get_memories(user_id)

    @app.get(
        "/users/{user_id}/memories/search",
        response_model=list[MemoryInfo],
        tags=["memories"],
        responses=error_responses(503),
    )
    def search_memories(
        user_id: UserId,
        service: ServiceDep,
        query: Annotated[str, Query(min_length=1, max_length=200)],
        limit: Annotated[int, Query(ge=1, le=100)] = 5,
    ) -> list[MemoryInfo]:
        """Keyword search over a user's field names and values; whole words rank first."""
        return service.search(user_id, query=query, limit=limit)

    @app.delete(
        "/users/{user_id}/memories", response_model=MessageOut, tags=["memories"], responses=error_responses(503)
    )
    def delete_all_memories(user_id: UserId, service: ServiceDep) -> MessageOut:
        """Forget everything about a user."""
        service.delete_all(user_id)
        return MessageOut(message=f"All memories deleted for user {user_id}")

    @app.put(
        "/users/{user_id}/memories/{key}",
        response_model=MemoryInfo,
        tags=["memories"],
        responses=error_responses(503),
    )
    def set_memory(user_id: UserId, key: MemoryKey, body: MemoryValue, service: ServiceDep) -> MemoryInfo:
        """Set one field to a value (a list replaces the whole list)."""
        return service.set_memory(user_id, key, body.value)

    @app.delete(
        "/users/{user_id}/memories/{key}",
        response_model=MessageOut,
        tags=["memories"],
        responses=error_responses(404, 503),
    )
    def delete_memory(user_id: UserId, key: MemoryKey, service: ServiceDep) -> MessageOut:
        """Forget one field of a user."""
        service.delete_memory(user_id, key)
        return MessageOut(message=f"Memory {key} deleted for user {user_id}")

    @app.delete(
        "/memories/{memory_id}", response_model=MessageOut, tags=["memories"], responses=error_responses(404, 503)
    )
    def delete_memory_by_id(
        memory_id: Annotated[str, Path(min_length=3, max_length=200, pattern=NO_CONTROL_CHARS)],
        service: ServiceDep,
    ) -> MessageOut:
        """Forget one memory by its id, "{user_id}_{field}"."""
        service.delete_memory_by_id(memory_id)
        return MessageOut(message=f"Memory {memory_id} deleted")

    @app.get(
        "/users/{user_id}/context", response_model=ContextResponse, tags=["memories"], responses=error_responses(503)
    )
    def get_context(user_id: UserId, service: ServiceDep) -> ContextResponse:
        """A user's memories, for building a chatbot prompt."""
        return ContextResponse(user_memories=service.get_memories(user_id), user_id=user_id)

    @app.get(
        "/users/{user_id}/profile", response_model=dict[str, Any], tags=["memories"], responses=error_responses(503)
    )
    def get_profile(user_id: UserId, service: ServiceDep) -> dict[str, Any]:
        """The raw profile object, field -> value."""
        return service.get_profile(user_id)


def _outcome_text(applied: list[FieldEvent], dropped: list[str]) -> str:
    text = "Message processed successfully" if applied else "Message processed; nothing to remember"
    if dropped:
        text += f"; not stored: {'; '.join(dropped[:10])}"
    return text


app_api = create_app()
