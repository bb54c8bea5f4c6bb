"""``ETag`` on reads and ``If-Match`` on changes of shared records.

A record's ETag is a strong tag made from its ``version`` (an integer column bumped on every change):
``"v3"``. A PATCH/DELETE without ``If-Match`` gets 428; with a stale one, 412.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Header, Response

from vru_shared.problems import PreconditionFailed, PreconditionRequired


def etag_for(version: int) -> str:
    return f'"v{version}"'


def set_etag(response: Response, version: int) -> None:
    response.headers["ETag"] = etag_for(version)


IfMatch = Annotated[
    str | None,
    Header(
        alias="If-Match",
        max_length=512,
        description="The ETag from your last read of this record. Required; a stale value gets 412.",
        examples=['"v3"'],
    ),
]


def check_if_match(if_match: str | None, current_version: int) -> None:
    """Raise 428 when the header is missing, 412 when no listed tag is the current one."""
    if if_match is None or not if_match.strip():
        raise PreconditionRequired("Send If-Match with the ETag from your last read of this record.")
    current = etag_for(current_version)
    tags = [tag.strip().removeprefix("W/") for tag in if_match.split(",")]
    if "*" in tags or current in tags:
        return
    raise PreconditionFailed(
        "The record has changed since you read it; read it again and reapply your change.",
        headers={"ETag": current},
    )
