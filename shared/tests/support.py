"""A tiny service built with the shared library, for testing the library itself."""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import APIRouter, Depends, FastAPI, Header, Request, Response
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from referrals.db import idempotency_keys
from vru_shared.app import create_service_app
from vru_shared.auth import CurrentPrincipal, Role, public, require
from vru_shared.db import Session
from vru_shared.etag import IfMatch, check_if_match, set_etag
from vru_shared.problems import Conflict, problem_responses
from vru_shared.settings import ServiceSettings


class NoteCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=100)
    count: int = Field(ge=0)


class Clash(Conflict):
    slug = "clash"


router = APIRouter()
VERSION = {"current": 3}


@router.post("/v1/notes", status_code=201, dependencies=[Depends(require(Role.ANALYST))])
async def create_note(session: Session, body: NoteCreate, response: Response) -> dict[str, object]:
    await session.execute(text("CREATE TEMP TABLE IF NOT EXISTS notes (id serial primary key, text text)"))
    note_id: int = (
        await session.execute(text("INSERT INTO notes (text) VALUES (:t) RETURNING id"), {"t": body.text})
    ).scalar_one()
    response.headers["Location"] = f"/v1/notes/{note_id}"
    return {"id": note_id, "text": body.text}


@router.post("/v1/secrets", status_code=201, dependencies=[Depends(require(Role.ANALYST))])
async def create_secret(body: NoteCreate, response: Response) -> dict[str, object]:
    response.headers["Cache-Control"] = "no-store"
    return {"secret": secrets.token_urlsafe(16)}


@router.post("/v1/slow-notes", status_code=201, dependencies=[Depends(require(Role.ANALYST))])
async def create_slow_note(session: Session, body: NoteCreate) -> dict[str, object]:
    await session.execute(text("SELECT 1"))
    await asyncio.sleep(0.5)
    return {"text": body.text}


@router.post("/v1/failing-notes", dependencies=[Depends(require(Role.ANALYST))], responses=problem_responses(409))
async def failing_note(session: Session, body: NoteCreate) -> dict[str, object]:
    await session.execute(text("CREATE TEMP TABLE IF NOT EXISTS notes (id serial primary key, text text)"))
    await session.execute(text("INSERT INTO notes (text) VALUES (:t)"), {"t": body.text})
    raise Clash("It clashes.")


@router.post("/v1/imports/notes", dependencies=[Depends(require(Role.ANALYST))])
async def import_notes(request: Request) -> dict[str, int]:
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
    return {"received": size}


@router.post("/v1/imports/broken-notes", dependencies=[Depends(require(Role.ANALYST))])
async def import_broken_notes(session: Session, request: Request) -> dict[str, int]:
    """A streamed import whose database write fails once the body is read."""
    size = sum([len(chunk) async for chunk in request.stream()])
    await session.execute(text("INSERT INTO no_such_table_here VALUES (:n)"), {"n": size})
    return {"received": size}


@router.get("/v1/notes/count", dependencies=[Depends(require(any_authenticated=True))])
async def count_notes(session: Session) -> dict[str, int]:
    exists: bool = (await session.execute(text("SELECT to_regclass('notes') IS NOT NULL"))).scalar_one()
    if not exists:
        return {"count": 0}
    return {"count": (await session.execute(text("SELECT count(*) FROM notes"))).scalar_one()}


@router.get("/v1/boom", dependencies=[public()])
async def boom(session: Session) -> None:
    await session.execute(text("SELECT * FROM no_such_table_here"))


@router.get("/v1/boom-with-name", dependencies=[public()])
async def boom_with_name(session: Session, name: str) -> None:
    await session.execute(text("SELECT * FROM no_such_table_here WHERE name = :name"), {"name": name})


@router.get("/v1/cacheable", dependencies=[public()])
async def cacheable(response: Response) -> dict[str, str]:
    response.headers["Cache-Control"] = "public, max-age=60"
    return {"public": "yes"}


@router.get("/v1/db-down", dependencies=[public()])
async def db_down() -> None:
    raise OperationalError("SELECT 1", {}, ConnectionRefusedError("connection refused"))


@router.get("/v1/ping-db", dependencies=[public()])
async def ping_db(session: Session) -> dict[str, int]:
    return {"one": (await session.execute(text("SELECT 1"))).scalar_one()}


@router.get("/v1/sleep", dependencies=[public()])
async def sleep_in_database(session: Session, ms: int) -> dict[str, int]:
    await session.execute(text("SELECT pg_sleep(:s)"), {"s": ms / 1000})
    return {"slept": ms}


@router.post("/v1/kept-notes", status_code=201, dependencies=[Depends(require(Role.ANALYST))])
async def create_kept_note(session: Session, body: NoteCreate) -> dict[str, object]:
    """Writes to ``kept_notes`` (a real table the test creates), then sleeps ``count`` ms in the database."""
    await session.execute(text("INSERT INTO kept_notes (text) VALUES (:t)"), {"t": body.text})
    await session.execute(text("SELECT pg_sleep(:s)"), {"s": body.count / 1000})
    return {"text": body.text}


async def broken_dependency(session: Session) -> None:
    await session.execute(text("SELECT * FROM no_such_table_here"))


@router.get("/v1/boom-in-dependency", dependencies=[public(), Depends(broken_dependency)])
async def boom_in_dependency() -> None:
    return None


@router.get("/v1/streamed-boom", dependencies=[public()], response_class=StreamingResponse)
async def streamed_boom(session: Session) -> StreamingResponse:
    """A streamed export whose query fails before its first chunk."""

    async def lines() -> AsyncIterator[str]:
        result = await session.stream(text("SELECT * FROM no_such_table_here"))
        async for row in result:
            yield f"{row}\n"

    return StreamingResponse(lines(), media_type="text/csv")


@router.post("/v1/clash-at-commit", status_code=201, dependencies=[public()])
async def clash_at_commit(session: Session) -> dict[str, bool]:
    """Two rows breaking a deferred unique constraint: the route succeeds, the commit fails."""
    await session.execute(
        text("CREATE TEMP TABLE IF NOT EXISTS deferred_notes (n int UNIQUE DEFERRABLE INITIALLY DEFERRED)")
    )
    await session.execute(text("INSERT INTO deferred_notes VALUES (1), (1)"))
    return {"saved": True}


@router.get("/v1/whoami", dependencies=[Depends(require(any_authenticated=True))])
async def whoami(principal: CurrentPrincipal, request: Request) -> dict[str, object]:
    return {"sub": principal.subject, "roles": sorted(principal.roles), "request_id": request.state.request_id}


@router.get("/v1/versioned", dependencies=[public()])
async def versioned(response: Response) -> dict[str, int]:
    set_etag(response, VERSION["current"])
    return {"version": VERSION["current"]}


@router.patch("/v1/versioned", dependencies=[public()])
async def patch_versioned(response: Response, if_match: IfMatch = None) -> dict[str, int]:
    check_if_match(if_match, VERSION["current"])
    set_etag(response, VERSION["current"])
    return {"version": VERSION["current"]}


@router.get("/v1/echo-header", dependencies=[public()])
async def echo_header(x_thing: Annotated[str | None, Header()] = None) -> dict[str, str | None]:
    return {"x_thing": x_thing}


def build_app(database_url: str, **overrides: object) -> FastAPI:
    settings = ServiceSettings(
        service_name="sample",
        database_url=database_url,
        db_schema="referrals",
        token_issuer="http://identity.test",
        **overrides,  # type: ignore[arg-type]
    )
    return create_service_app(
        settings,
        title="Sample",
        description="Sample service",
        routers=[router],
        idempotency=idempotency_keys,
        bulk_body_limits={"/v1/imports/": 4_000_000},
    )
