"""``ETag`` on reads and ``If-Match`` on changes of shared records: the one versioning mechanism.

A shared record has an integer ``version`` column and the :class:`Versioned` mixin, which maps it as
SQLAlchemy's ``version_id_col``: every change the ORM flushes is ``UPDATE … SET …, version = :v + 1
WHERE id = :id AND version = :v``. Of two requests that read the same version, the second finds no row
once the first has committed (PostgreSQL re-checks the condition after waiting for the first's row lock);
SQLAlchemy raises ``StaleDataError`` and the platform answers 412 — nothing is overwritten, with or
without a row lock, and no service bumps a version by hand.

A record's ETag is a strong tag made from its version: ``"v3"``. A change without ``If-Match`` gets 428;
``If-Match: *`` too (it names no version, so it cannot tell a lost update); a stale one, 412.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Header, Response
from pydantic import BaseModel
from sqlalchemy.orm import declared_attr

from vru_shared.problems import PreconditionFailed, PreconditionRequired


class Versioned:
    """Mixin for a model with an integer ``version`` column: the ORM checks and bumps it on every flush."""

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805 - a declared_attr takes the class
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]


def etag_for(version: int) -> str:
    return f'"v{version}"'


def set_etag(response: Response, version: int) -> None:
    response.headers["ETag"] = etag_for(version)


def versioned_response(model: BaseModel, version: int) -> Response:
    """A read's answer: ``model`` as JSON, serialised once, with the record's ``ETag``.

    For a hot read whose route declares ``response_model`` (its OpenAPI, unchanged) and returns this: FastAPI
    validates and serialises a returned model against the response model, where a ``Response`` is sent as it
    is (``bench/profile_read.py``, issue 17). The same bytes FastAPI makes: JSON by alias, nothing excluded."""
    return Response(
        model.model_dump_json(by_alias=True), media_type="application/json", headers={"ETag": etag_for(version)}
    )


IfMatch = Annotated[
    str | None,
    Header(
        alias="If-Match",
        max_length=512,
        description="The ETag from your last read of this record. Required, `*` is not enough; stale: 412.",
        examples=['"v3"'],
    ),
]


def check_if_match(if_match: str | None, current_version: int) -> None:
    """Raise 428 when the header is missing or only ``*``, 412 when no listed tag is the current one."""
    tags = [tag.strip().removeprefix("W/") for tag in (if_match or "").split(",") if tag.strip()]
    if not tags or tags == ["*"]:
        raise PreconditionRequired(
            "Send If-Match with the ETag from your last read of this record (`*` names no version)."
        )
    current = etag_for(current_version)
    if current not in tags:
        raise PreconditionFailed(
            "The record has changed since you read it; read it again and reapply your change.",
            headers={"ETag": current},
        )
