import re
from datetime import datetime
from typing import Annotated, Literal
from uuid import UUID

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StrictBool

from notifications.notice.kinds import KINDS, NOTICE_KINDS

NoticeKindName = Literal[NOTICE_KINDS]  # type: ignore[valid-type]

_UK_MOBILE = re.compile(r"(?:\+44|0044|0)(7\d{9})")


def uk_mobile(value: str) -> str:
    """A UK mobile number in any usual writing (``07700 900123``, ``+44 7700 900123``), stored as ``07…``."""
    digits = re.sub(r"[\s().-]", "", value)
    match = _UK_MOBILE.fullmatch(digits)
    if match is None:
        raise ValueError("not a UK mobile number (07… or +447…)")
    return "0" + match.group(1)


UkMobile = Annotated[str, Field(min_length=10, max_length=20, examples=["07700 900123"]), AfterValidator(uk_mobile)]


class KindChoice(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: NoticeKindName
    email: StrictBool
    sms: StrictBool


class KindRead(KindChoice):
    title: str = Field(description="What the notice is about.")


class PreferencesRead(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "person_id": "5b1e7d2a-3c4f-4a6b-8e9d-0f1a2b3c4d5e",
                    "mobile_number": None,
                    "kinds": [{"kind": "referral.accepted", "title": "Referral accepted", "email": True, "sms": False}],
                    "updated_at": None,
                }
            ]
        }
    )

    person_id: UUID | None = Field(
        description="Your identity person id (null when another issuer signed you in: the defaults, unchangeable)."
    )
    mobile_number: str | None = Field(description="Where SMS notices go; none: no SMS.")
    kinds: list[KindRead] = Field(
        description="The kinds of notice your roles receive (and any you chose before), with your choices: e-mail on "
        "and SMS off unless you said otherwise."
    )
    updated_at: datetime | None = Field(description="When you last changed them (null: the defaults).")


class PreferencesUpdate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "mobile_number": "07700 900123",
                    "kinds": [{"kind": "review.overdue", "email": True, "sms": True}],
                }
            ]
        },
    )

    mobile_number: UkMobile | None = Field(
        default=None, description="A UK mobile number for SMS notices; null or left out: none (no SMS)."
    )
    kinds: list[KindChoice] = Field(
        default_factory=list,
        max_length=len(KINDS),
        description="Your choices per kind; a kind left out keeps its choice (or the default).",
    )
