"""Errors shared by the identity domains."""

from typing import Any

from vru_shared.problems import Unprocessable


class InvalidReference(Unprocessable):
    """A body field names something that does not exist (e.g. an unknown agency): 422 naming the field."""

    slug = "validation-error"
    title = "Validation failed"

    def __init__(self, field: str, message: str, **kwargs: Any) -> None:
        errors = [{"loc": ["body", field], "field": field, "message": message, "type": "not_found"}]
        super().__init__(f"The request is not valid: {field}.", extra={"errors": errors}, **kwargs)
