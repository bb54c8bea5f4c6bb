from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.referral_status import ReferralStatus

if TYPE_CHECKING:
    from ..models.person_ref import PersonRef


T = TypeVar("T", bound="AgendaItem")


@_attrs_define
class AgendaItem:
    """
    Attributes:
        referral_id (UUID):
        subject (PersonRef): The young person, as the audience needs them (`id` only for VRU staff).
        district (str):
        reason (str):
        status (ReferralStatus):
        sent_at (datetime.datetime | None):
    """

    referral_id: UUID
    subject: PersonRef
    district: str
    reason: str
    status: ReferralStatus
    sent_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        referral_id = str(self.referral_id)

        subject = self.subject.to_dict()

        district = self.district

        reason = self.reason

        status = self.status.value

        sent_at: str | None
        if isinstance(self.sent_at, datetime.datetime):
            sent_at = self.sent_at.isoformat()
        else:
            sent_at = self.sent_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "referral_id": referral_id,
                "subject": subject,
                "district": district,
                "reason": reason,
                "status": status,
                "sent_at": sent_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.person_ref import PersonRef

        d = dict(src_dict)
        referral_id = UUID(d.pop("referral_id"))

        subject = PersonRef.from_dict(d.pop("subject"))

        district = d.pop("district")

        reason = d.pop("reason")

        status = ReferralStatus(d.pop("status"))

        def _parse_sent_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sent_at_type_0 = datetime.datetime.fromisoformat(data)

                return sent_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        sent_at = _parse_sent_at(d.pop("sent_at"))

        agenda_item = cls(
            referral_id=referral_id,
            subject=subject,
            district=district,
            reason=reason,
            status=status,
            sent_at=sent_at,
        )

        agenda_item.additional_properties = d
        return agenda_item

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
