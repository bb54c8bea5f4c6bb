from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.key_state import KeyState

T = TypeVar("T", bound="SigningKeyRead")


@_attrs_define
class SigningKeyRead:
    """A signing key's identity and state. Private material is never returned.

    Attributes:
        kid (str):
        state (KeyState):
        published (bool): Whether the key is in the JWKS.
        created_at (datetime.datetime):
        retired_at (datetime.datetime | None):
        publish_until (datetime.datetime | None): A retired key leaves the JWKS after this time.
    """

    kid: str
    state: KeyState
    published: bool
    created_at: datetime.datetime
    retired_at: datetime.datetime | None
    publish_until: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kid = self.kid

        state = self.state.value

        published = self.published

        created_at = self.created_at.isoformat()

        retired_at: str | None
        if isinstance(self.retired_at, datetime.datetime):
            retired_at = self.retired_at.isoformat()
        else:
            retired_at = self.retired_at

        publish_until: str | None
        if isinstance(self.publish_until, datetime.datetime):
            publish_until = self.publish_until.isoformat()
        else:
            publish_until = self.publish_until

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kid": kid,
                "state": state,
                "published": published,
                "created_at": created_at,
                "retired_at": retired_at,
                "publish_until": publish_until,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kid = d.pop("kid")

        state = KeyState(d.pop("state"))

        published = d.pop("published")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_retired_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                retired_at_type_0 = datetime.datetime.fromisoformat(data)

                return retired_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        retired_at = _parse_retired_at(d.pop("retired_at"))

        def _parse_publish_until(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                publish_until_type_0 = datetime.datetime.fromisoformat(data)

                return publish_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        publish_until = _parse_publish_until(d.pop("publish_until"))

        signing_key_read = cls(
            kid=kid,
            state=state,
            published=published,
            created_at=created_at,
            retired_at=retired_at,
            publish_until=publish_until,
        )

        signing_key_read.additional_properties = d
        return signing_key_read

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
