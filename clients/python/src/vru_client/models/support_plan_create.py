from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SupportPlanCreate")


@_attrs_define
class SupportPlanCreate:
    """A young person's support plan (one active plan each), optionally from a referral.

    Attributes:
        subject_id (UUID):
        summary (str):
        referral_id (None | Unset | UUID):
    """

    subject_id: UUID
    summary: str
    referral_id: Unset | UUID | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        subject_id = str(self.subject_id)

        summary = self.summary

        referral_id: str | Unset | None
        if isinstance(self.referral_id, Unset):
            referral_id = UNSET
        elif isinstance(self.referral_id, UUID):
            referral_id = str(self.referral_id)
        else:
            referral_id = self.referral_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "subject_id": subject_id,
                "summary": summary,
            }
        )
        if referral_id is not UNSET:
            field_dict["referral_id"] = referral_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        subject_id = UUID(d.pop("subject_id"))

        summary = d.pop("summary")

        def _parse_referral_id(data: object) -> Unset | UUID | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                referral_id_type_0 = UUID(data)

                return referral_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        referral_id = _parse_referral_id(d.pop("referral_id", UNSET))

        support_plan_create = cls(
            subject_id=subject_id,
            summary=summary,
            referral_id=referral_id,
        )

        return support_plan_create
