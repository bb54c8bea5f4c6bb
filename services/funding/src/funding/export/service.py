import logging
from decimal import Decimal
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from funding.export.repository import ExportRepository
from funding.export.schemas import required_field_errors
from funding.grant.models import Grant
from funding.settings import FundingSettings
from vru_shared.csv_export import Cell, csv_text
from vru_shared.kent_medway import DISTRICT_CODES, DISTRICTS

logger = logging.getLogger("funding.export")

#: 360Giving regrant type for a grant to a Community Safety Unit for onward delivery: "Transfer to intermediary".
REGRANT_TYPE = "FRG020"

#: The 360Giving geoCodeType (the standard's ``geoCodeType`` codelist) of an ONS code, by its entity prefix:
#: E06 unitary authorities (Medway), E07 non-metropolitan districts (the Kent districts), E22 Community Safety
#: Partnerships. There is no "LAD" code in the codelist.
GEO_CODE_TYPES = {"E06": "UA", "E07": "NMD", "E22": "CSP"}


def geo_code_type(ons_code: str) -> str:
    """The codelist's type of an ONS geography code; a code of another entity is a programming error."""
    return GEO_CODE_TYPES[ons_code[:3]]


def _location(district: str, *, csp: bool) -> dict[str, str]:
    """A beneficiary location: the district's Community Safety Partnership (type CSP, its E22 code) for a grant
    to a Community Safety Unit when that code is held, else the district itself (UA or NMD)."""
    place = DISTRICTS[district]
    if csp and place.csp_ons_code:
        return {"name": place.csp_name, "geoCode": place.csp_ons_code, "geoCodeType": "CSP", "countryCode": "GB"}
    return {
        "name": place.name,
        "geoCode": place.ons_code,
        "geoCodeType": geo_code_type(place.ons_code),
        "countryCode": "GB",
    }


CSV_COLUMNS = (
    ("Identifier", "id"),
    ("Title", "title"),
    ("Description", "description"),
    ("Currency", "currency"),
    ("Amount Awarded", "amountAwarded"),
    ("Award Date", "awardDate"),
    ("Planned Dates:Start Date", "plannedDates/0/startDate"),
    ("Planned Dates:End Date", "plannedDates/0/endDate"),
    ("Recipient Org:Identifier", "recipientOrganization/0/id"),
    ("Recipient Org:Name", "recipientOrganization/0/name"),
    ("Funding Org:Identifier", "fundingOrganization/0/id"),
    ("Funding Org:Name", "fundingOrganization/0/name"),
    ("Grant Programme:Code", "grantProgramme/0/code"),
    ("Grant Programme:Title", "grantProgramme/0/title"),
    ("Beneficiary Location:Name", "location/name"),
    ("Beneficiary Location:Geographic Code", "location/geoCode"),
    ("Beneficiary Location:Geographic Code Type", "location/geoCodeType"),
    ("For Regrant Type", "regrantType"),
    ("Last Modified", "dateModified"),
)


def _record(grant: Grant, settings: FundingSettings) -> dict[str, Any]:
    assert grant.amount_awarded_pence is not None
    assert grant.award_date is not None
    record: dict[str, Any] = {
        "id": f"{settings.giving_prefix}-{grant.id}",
        "title": grant.title,
        "description": grant.description,
        "currency": grant.currency,
        "amountAwarded": grant.amount_awarded_pence / 100,
        "awardDate": grant.award_date.isoformat(),
        "recipientOrganization": [{"id": grant.recipient.org_id, "name": grant.recipient.name}],
        "fundingOrganization": [{"id": settings.funder_org_id, "name": settings.funder_org_name}],
    }
    if grant.planned_start_on and grant.planned_end_on:
        record["plannedDates"] = [
            {"startDate": grant.planned_start_on.isoformat(), "endDate": grant.planned_end_on.isoformat()}
        ]
    stream = grant.budget_line.funding_stream if grant.budget_line else None
    if stream:
        record["grantProgramme"] = [{"code": stream.code, "title": stream.name}]
    if grant.districts:
        record["beneficiaryLocation"] = [_location(d, csp=grant.regrant) for d in grant.districts if d in DISTRICTS]
    if grant.regrant:
        record["regrantType"] = REGRANT_TYPE
    record["dateModified"] = grant.updated_at.isoformat()
    return record


async def package(session: AsyncSession, *, settings: FundingSettings, year: str | None) -> list[dict[str, Any]]:
    """The published grants as 360Giving records; a record failing the ten required fields is left out (and
    logged) rather than published broken."""
    records = []
    for grant in await ExportRepository(session).published(year=year):
        record = _record(grant, settings)
        errors = required_field_errors(record)
        if errors:
            logger.error("grant left out of the 360Giving export", extra={"grant_id": str(grant.id), "errors": errors})
            continue
        records.append(record)
    return records


def _csv_location(record: dict[str, Any]) -> dict[str, str]:
    """One CSV location: the district when the grant serves one; else their names (no single geocode)."""
    locations = record.get("beneficiaryLocation") or []
    if len(locations) == 1:
        return dict(locations[0])
    if len(locations) == len(DISTRICT_CODES):
        return {"name": "Kent and Medway"}
    return {"name": ", ".join(loc["name"] for loc in locations)} if locations else {}


def _cell(record: dict[str, Any], path: str) -> Cell:
    if path.startswith("location/"):
        return _csv_location(record).get(path.split("/", 1)[1], "")
    value: Any = record
    for part in path.split("/"):
        if isinstance(value, list):
            value = value[int(part)] if value else None
        elif isinstance(value, dict):
            value = value.get(part)
        if value is None:
            return ""
    if isinstance(value, float):
        return Decimal(f"{value:.2f}")  # a number (pounds and pence), never text the writer would prefix
    return str(value)


def to_csv(records: list[dict[str, Any]]) -> str:
    """360Giving CSV: one row per grant, the standard's column titles, UTF-8; through the shared writer, so a
    title or name a spreadsheet would run as a formula gets a leading ``'``."""
    return csv_text(
        [title for title, _ in CSV_COLUMNS], ([_cell(record, path) for _, path in CSV_COLUMNS] for record in records)
    )
