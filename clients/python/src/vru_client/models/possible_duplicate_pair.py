from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.subject_brief import SubjectBrief


T = TypeVar("T", bound="PossibleDuplicatePair")


@_attrs_define
class PossibleDuplicatePair:
    """An open possible duplicate: two records that may be the same young person, awaiting an analyst's
    decision (`POST /v1/subjects/{subject_id}/duplicates/{other_id}/confirm` or `/split`).

        Attributes:
            id (UUID): The flag's id.
            subject (SubjectBrief): A young person's record as a possible duplicate shows it: enough to tell two records
                apart.
            other (SubjectBrief): A young person's record as a possible duplicate shows it: enough to tell two records
                apart.
            reason (str):
            created_at (datetime.datetime):
    """

    id: UUID
    subject: SubjectBrief
    other: SubjectBrief
    reason: str
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        subject = self.subject.to_dict()

        other = self.other.to_dict()

        reason = self.reason

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "subject": subject,
                "other": other,
                "reason": reason,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.subject_brief import SubjectBrief

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        subject = SubjectBrief.from_dict(d.pop("subject"))

        other = SubjectBrief.from_dict(d.pop("other"))

        reason = d.pop("reason")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        possible_duplicate_pair = cls(
            id=id,
            subject=subject,
            other=other,
            reason=reason,
            created_at=created_at,
        )

        possible_duplicate_pair.additional_properties = d
        return possible_duplicate_pair

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
