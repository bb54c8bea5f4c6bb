from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.evaluation_rating import EvaluationRating

T = TypeVar("T", bound="EvaluationRead")


@_attrs_define
class EvaluationRead:
    """The programme officer's evaluation of a project.

    Attributes:
        id (UUID):
        project_id (UUID):
        rating (EvaluationRating):
        summary (str):
        recommendations (str):
        evaluated_on (datetime.date):
        evaluated_by (str):
        evaluated_by_name (None | str):
        created_at (datetime.datetime):
    """

    id: UUID
    project_id: UUID
    rating: EvaluationRating
    summary: str
    recommendations: str
    evaluated_on: datetime.date
    evaluated_by: str
    evaluated_by_name: str | None
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        project_id = str(self.project_id)

        rating = self.rating.value

        summary = self.summary

        recommendations = self.recommendations

        evaluated_on = self.evaluated_on.isoformat()

        evaluated_by = self.evaluated_by

        evaluated_by_name: str | None
        evaluated_by_name = self.evaluated_by_name

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "project_id": project_id,
                "rating": rating,
                "summary": summary,
                "recommendations": recommendations,
                "evaluated_on": evaluated_on,
                "evaluated_by": evaluated_by,
                "evaluated_by_name": evaluated_by_name,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        project_id = UUID(d.pop("project_id"))

        rating = EvaluationRating(d.pop("rating"))

        summary = d.pop("summary")

        recommendations = d.pop("recommendations")

        evaluated_on = datetime.date.fromisoformat(d.pop("evaluated_on"))

        evaluated_by = d.pop("evaluated_by")

        def _parse_evaluated_by_name(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        evaluated_by_name = _parse_evaluated_by_name(d.pop("evaluated_by_name"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        evaluation_read = cls(
            id=id,
            project_id=project_id,
            rating=rating,
            summary=summary,
            recommendations=recommendations,
            evaluated_on=evaluated_on,
            evaluated_by=evaluated_by,
            evaluated_by_name=evaluated_by_name,
            created_at=created_at,
        )

        evaluation_read.additional_properties = d
        return evaluation_read

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
