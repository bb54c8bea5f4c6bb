from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="OffenceCategoryRead")


@_attrs_define
class OffenceCategoryRead:
    """
    Attributes:
        id (UUID):
        code (str):
        name (str):
        serious_violence (bool): Incidents of this category are screened for a review.
        knife (bool): Counted as a knife incident (the funding formula uses these counts).
    """

    id: UUID
    code: str
    name: str
    serious_violence: bool
    knife: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        code = self.code

        name = self.name

        serious_violence = self.serious_violence

        knife = self.knife

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "code": code,
                "name": name,
                "serious_violence": serious_violence,
                "knife": knife,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        code = d.pop("code")

        name = d.pop("name")

        serious_violence = d.pop("serious_violence")

        knife = d.pop("knife")

        offence_category_read = cls(
            id=id,
            code=code,
            name=name,
            serious_violence=serious_violence,
            knife=knife,
        )

        offence_category_read.additional_properties = d
        return offence_category_read

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
