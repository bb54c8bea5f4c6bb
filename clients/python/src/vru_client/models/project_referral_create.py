from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="ProjectReferralCreate")


@_attrs_define
class ProjectReferralCreate:
    """A referral the project accepted, reported by the referrals service.

    Attributes:
        referral_id (UUID): The referrals service's id of the referral.
        accepted_at (datetime.datetime): When the project accepted it; picks the quarter it counts in.
    """

    referral_id: UUID
    accepted_at: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        referral_id = str(self.referral_id)

        accepted_at = self.accepted_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "referral_id": referral_id,
                "accepted_at": accepted_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        referral_id = UUID(d.pop("referral_id"))

        accepted_at = datetime.datetime.fromisoformat(d.pop("accepted_at"))

        project_referral_create = cls(
            referral_id=referral_id,
            accepted_at=accepted_at,
        )

        return project_referral_create
