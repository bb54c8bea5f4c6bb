from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..models.evaluation_rating import EvaluationRating
from ..types import UNSET, Unset

T = TypeVar("T", bound="EvaluationCreate")


@_attrs_define
class EvaluationCreate:
    """
    Attributes:
        project_id (UUID):
        rating (EvaluationRating):
        summary (str):
        evaluated_on (datetime.date):
        recommendations (str | Unset):  Default: ''.
    """

    project_id: UUID
    rating: EvaluationRating
    summary: str
    evaluated_on: datetime.date
    recommendations: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        project_id = str(self.project_id)

        rating = self.rating.value

        summary = self.summary

        evaluated_on = self.evaluated_on.isoformat()

        recommendations = self.recommendations

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "project_id": project_id,
                "rating": rating,
                "summary": summary,
                "evaluated_on": evaluated_on,
            }
        )
        if recommendations is not UNSET:
            field_dict["recommendations"] = recommendations

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        project_id = UUID(d.pop("project_id"))

        rating = EvaluationRating(d.pop("rating"))

        summary = d.pop("summary")

        evaluated_on = datetime.date.fromisoformat(d.pop("evaluated_on"))

        recommendations = d.pop("recommendations", UNSET)

        evaluation_create = cls(
            project_id=project_id,
            rating=rating,
            summary=summary,
            evaluated_on=evaluated_on,
            recommendations=recommendations,
        )

        return evaluation_create
