from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.readiness_counts import ReadinessCounts


T = TypeVar("T", bound="CspSummary")


@_attrs_define
class CspSummary:
    """A Community Safety Partnership's packs in figures: no sites, no lock codes, no contacts.

    Attributes:
        id (UUID):
        district (str):
        name (str):
        on_hand (int): Packs held by the CSP itself, not yet deployed.
        at_sites (int): Packs in stock at the CSP's sites.
        sites (int):
        public_sites (int):
        readiness_at_sites (ReadinessCounts):
        used (int): Use reports at the CSP's sites, ever.
        open_resupply_tasks (int):
        minimum_stock (int): Below this `on_hand`, the CSP is on the low-stock alert.
        below_minimum (bool):
        version (int): The ETag is `"v<version>"`.
    """

    id: UUID
    district: str
    name: str
    on_hand: int
    at_sites: int
    sites: int
    public_sites: int
    readiness_at_sites: ReadinessCounts
    used: int
    open_resupply_tasks: int
    minimum_stock: int
    below_minimum: bool
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        district = self.district

        name = self.name

        on_hand = self.on_hand

        at_sites = self.at_sites

        sites = self.sites

        public_sites = self.public_sites

        readiness_at_sites = self.readiness_at_sites.to_dict()

        used = self.used

        open_resupply_tasks = self.open_resupply_tasks

        minimum_stock = self.minimum_stock

        below_minimum = self.below_minimum

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "district": district,
                "name": name,
                "on_hand": on_hand,
                "at_sites": at_sites,
                "sites": sites,
                "public_sites": public_sites,
                "readiness_at_sites": readiness_at_sites,
                "used": used,
                "open_resupply_tasks": open_resupply_tasks,
                "minimum_stock": minimum_stock,
                "below_minimum": below_minimum,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.readiness_counts import ReadinessCounts

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        district = d.pop("district")

        name = d.pop("name")

        on_hand = d.pop("on_hand")

        at_sites = d.pop("at_sites")

        sites = d.pop("sites")

        public_sites = d.pop("public_sites")

        readiness_at_sites = ReadinessCounts.from_dict(d.pop("readiness_at_sites"))

        used = d.pop("used")

        open_resupply_tasks = d.pop("open_resupply_tasks")

        minimum_stock = d.pop("minimum_stock")

        below_minimum = d.pop("below_minimum")

        version = d.pop("version")

        csp_summary = cls(
            id=id,
            district=district,
            name=name,
            on_hand=on_hand,
            at_sites=at_sites,
            sites=sites,
            public_sites=public_sites,
            readiness_at_sites=readiness_at_sites,
            used=used,
            open_resupply_tasks=open_resupply_tasks,
            minimum_stock=minimum_stock,
            below_minimum=below_minimum,
            version=version,
        )

        csp_summary.additional_properties = d
        return csp_summary

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
