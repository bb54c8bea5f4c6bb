from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.rejected_row import RejectedRow


T = TypeVar("T", bound="ImportResult")


@_attrs_define
class ImportResult:
    """What an import did, per report (a CSV report is all the rows sharing one crime reference).

    Attributes:
        received (int): Reports received (valid or not).
        created (int): New incidents.
        updated (int): Incidents whose report changed; the change is recorded.
        unchanged (int): Reports identical to what was already held: nothing written.
        rejected (int): Reports not imported (listed in `rejected_rows`).
        rejected_rows (list[RejectedRow]):
        screened_in (int | Unset): Created or updated incidents that are in scope after this import: each is in a
            Serious Violence Review (`GET /v1/incidents?screening=in`). Default: 0.
        reviews_opened (int | Unset): Serious Violence Reviews this import opened. Default: 0.
    """

    received: int
    created: int
    updated: int
    unchanged: int
    rejected: int
    rejected_rows: list[RejectedRow]
    screened_in: int | Unset = 0
    reviews_opened: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        received = self.received

        created = self.created

        updated = self.updated

        unchanged = self.unchanged

        rejected = self.rejected

        rejected_rows = []
        for rejected_rows_item_data in self.rejected_rows:
            rejected_rows_item = rejected_rows_item_data.to_dict()
            rejected_rows.append(rejected_rows_item)

        screened_in = self.screened_in

        reviews_opened = self.reviews_opened

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "received": received,
                "created": created,
                "updated": updated,
                "unchanged": unchanged,
                "rejected": rejected,
                "rejected_rows": rejected_rows,
            }
        )
        if screened_in is not UNSET:
            field_dict["screened_in"] = screened_in
        if reviews_opened is not UNSET:
            field_dict["reviews_opened"] = reviews_opened

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.rejected_row import RejectedRow

        d = dict(src_dict)
        received = d.pop("received")

        created = d.pop("created")

        updated = d.pop("updated")

        unchanged = d.pop("unchanged")

        rejected = d.pop("rejected")

        rejected_rows = []
        _rejected_rows = d.pop("rejected_rows")
        for rejected_rows_item_data in _rejected_rows:
            rejected_rows_item = RejectedRow.from_dict(rejected_rows_item_data)

            rejected_rows.append(rejected_rows_item)

        screened_in = d.pop("screened_in", UNSET)

        reviews_opened = d.pop("reviews_opened", UNSET)

        import_result = cls(
            received=received,
            created=created,
            updated=updated,
            unchanged=unchanged,
            rejected=rejected,
            rejected_rows=rejected_rows,
            screened_in=screened_in,
            reviews_opened=reviews_opened,
        )

        import_result.additional_properties = d
        return import_result

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
