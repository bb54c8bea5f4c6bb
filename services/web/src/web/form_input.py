"""Reading the pages' forms (pounds, GOV.UK date inputs, whole numbers) and the API's answers back into them."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from starlette.datastructures import FormData

from web.api import Api, ApiProblem


class FieldProblem(Exception):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def text(form: FormData, name: str) -> str:
    value = form.get(name)
    return value.strip() if isinstance(value, str) else ""


def echoed(form: FormData | None) -> dict[str, str]:
    """What the person typed, to show again in a form the API refused (nothing for a new form)."""
    return {key: text(form, key) for key in form} if form else {}


def pence(form: FormData, name: str, label: str, *, required: bool = True) -> int | None:
    """Pounds as typed (``12,000`` or ``£12,000.50``) → whole pence."""
    raw = text(form, name).replace(",", "").removeprefix("£").strip()
    if not raw:
        if required:
            raise FieldProblem(name, f"Enter {label}")
        return None
    if not re.fullmatch(r"\d+(\.\d{1,2})?", raw):
        raise FieldProblem(name, f"Enter {label} in pounds and pence, like 12000 or 12000.50")
    try:
        return int(Decimal(raw) * 100)
    except InvalidOperation as exc:  # pragma: no cover - the pattern allows only numbers
        raise FieldProblem(name, f"Enter {label} in pounds") from exc


def whole_number(form: FormData, name: str, label: str) -> int:
    raw = text(form, name)
    if not raw.isdigit():
        raise FieldProblem(name, f"Enter {label} as a whole number")
    return int(raw)


def date_field(form: FormData, name: str, label: str, *, required: bool = True) -> str | None:
    """A GOV.UK date input (``name-day``, ``name-month``, ``name-year``) → ``YYYY-MM-DD``."""
    parts = [text(form, f"{name}-{part}") for part in ("day", "month", "year")]
    if not any(parts):
        if required:
            raise FieldProblem(name, f"Enter {label}")
        return None
    try:
        day, month, year = (int(p) for p in parts)
        return date(year, month, day).isoformat()
    except ValueError as exc:
        raise FieldProblem(name, f"{label.capitalize()} must be a real date, like 1 7 2020") from exc


def date_parts(form: FormData | None, name: str) -> dict[str, str]:
    if form is None:
        return {}
    return {part: text(form, f"{name}-{part}") for part in ("day", "month", "year")}


def problem_errors(problem: ApiProblem, fields: dict[str, str], default: str) -> dict[str, str]:
    """The API's answer as the form's errors: a 422's fields renamed to the form's, else the problem at ``default``."""
    found = {fields.get(name, name): message for name, message in problem.field_errors().items()}
    known = {name: message for name, message in found.items() if name in fields.values()}
    if known:
        return known
    return {default: problem.detail}


async def all_items(api: Api, path: str, **params: Any) -> list[dict[str, Any]]:
    """Every item of a paginated list (following ``next_cursor``), for the short lists these pages show."""
    items: list[dict[str, Any]] = []
    cursor: str | None = None
    for _ in range(20):
        page = await api.get(path, limit=200, cursor=cursor, **params)
        items.extend(page["items"])
        cursor = page.get("next_cursor")
        if not cursor:
            break
    return items


class FormProblems(Exception):
    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("the form has mistakes")
        self.errors = errors
