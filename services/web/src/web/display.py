"""How the pages show money, dates, statuses and districts (filters and globals of the templates)."""

from __future__ import annotations

from datetime import date

from web.rendering import environment

DISTRICTS = {
    "ashford": "Ashford",
    "canterbury": "Canterbury",
    "dartford": "Dartford",
    "dover": "Dover",
    "folkestone-hythe": "Folkestone & Hythe",
    "gravesham": "Gravesham",
    "maidstone": "Maidstone",
    "medway": "Medway",
    "sevenoaks": "Sevenoaks",
    "swale": "Swale",
    "thanet": "Thanet",
    "tonbridge-malling": "Tonbridge & Malling",
    "tunbridge-wells": "Tunbridge Wells",
}
TAG_COLOURS = {
    "draft": "grey",
    "submitted": "blue",
    "in_review": "light-blue",
    "approved": "green",
    "active": "turquoise",
    "completed": "purple",
    "rejected": "red",
    "withdrawn": "orange",
    "closed": "grey",
    "scheduled": "blue",
    "paid": "green",
    "cancelled": "grey",
    "preview": "yellow",
    "committed": "green",
}


def pounds(pence: int | None) -> str:
    """``1234567`` → ``£12,345.67``."""
    if pence is None:
        return "–"
    sign = "-" if pence < 0 else ""
    whole, part = divmod(abs(int(pence)), 100)
    return f"{sign}£{whole:,}.{part:02d}"


def long_date(value: str | None) -> str:
    """``2020-07-01`` (or a timestamp) → ``1 July 2020``."""
    if not value:
        return "–"
    try:
        day = date.fromisoformat(str(value)[:10])
    except ValueError:
        return str(value)
    return f"{day.day} {day:%B %Y}"


def status_text(status: str | None) -> str:
    return (status or "").replace("_", " ").capitalize()


def status_tag(status: str | None) -> dict[str, str]:
    """The options of a GOV.UK tag for a status."""
    colour = TAG_COLOURS.get(status or "", "grey")
    return {"text": status_text(status), "classes": f"govuk-tag--{colour}"}


def district_name(code: str) -> str:
    return DISTRICTS.get(code, code)


environment.filters.update(pounds=pounds, long_date=long_date, status_text=status_text, district_name=district_name)
environment.globals.update(status_tag=status_tag)
