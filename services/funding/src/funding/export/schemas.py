"""The 360Giving grant record (the fields this service publishes) and the check of its ten required fields."""

import re
from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

ORG_ID = re.compile(r"^[A-Z]{2}-[A-Z]{2,5}-\S+$")
CURRENCY = re.compile(r"^[A-Z]{3}$")

#: The ten fields 360Giving requires of every grant, as JSON paths.
REQUIRED_FIELDS = (
    "id",
    "title",
    "description",
    "currency",
    "amountAwarded",
    "awardDate",
    "recipientOrganization/0/id",
    "recipientOrganization/0/name",
    "fundingOrganization/0/id",
    "fundingOrganization/0/name",
)


def _at(record: dict[str, Any], path: str) -> Any:
    value: Any = record
    for part in path.split("/"):
        if isinstance(value, list):
            value = value[int(part)] if part.isdigit() and int(part) < len(value) else None
        elif isinstance(value, dict):
            value = value.get(part)
        else:
            return None
    return value


def required_field_errors(record: dict[str, Any]) -> list[str]:
    """What is wrong with a grant's ten required 360Giving fields (empty when all is well)."""
    errors = []
    for path in REQUIRED_FIELDS:
        value = _at(record, path)
        if value is None or (isinstance(value, str) and not value.strip()):
            errors.append(f"{path} is missing")
    if errors:
        return errors
    if not str(record["id"]).startswith("360G-"):
        errors.append("id does not start with the 360G- prefix")
    if not CURRENCY.match(str(record["currency"])):
        errors.append("currency is not an ISO 4217 code")
    amount = record["amountAwarded"]
    if isinstance(amount, bool) or not isinstance(amount, int | float) or amount < 0:
        errors.append("amountAwarded is not a number of at least 0")
    try:
        date.fromisoformat(str(record["awardDate"]))
    except ValueError:
        errors.append("awardDate is not an ISO 8601 date")
    for side in ("recipientOrganization", "fundingOrganization"):
        if not ORG_ID.match(str(_at(record, f"{side}/0/id"))):
            errors.append(f"{side}/0/id is not an org-id identifier")
    return errors


class Package(BaseModel):
    """A 360Giving JSON package: `{"grants": [...]}` (amounts in pounds, as the standard has them)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "grants": [
                        {
                            "id": "360G-kmvru-7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
                            "title": "Sheppey Matters 2020/21",
                            "description": "Diversionary activities…",
                            "currency": "GBP",
                            "amountAwarded": 12000.0,
                            "awardDate": "2020-06-01",
                            "plannedDates": [{"startDate": "2020-07-01", "endDate": "2021-03-31"}],
                            "recipientOrganization": [{"id": "GB-CHC-9000003", "name": "Sheppey Matters"}],
                            "fundingOrganization": [
                                {"id": "GB-GOR-PC000047", "name": "Kent & Medway Violence Reduction Unit"}
                            ],
                            "grantProgramme": [
                                {
                                    "code": "vulnerable-childrens-charities",
                                    "title": "Vulnerable Children's Charities fund",
                                }
                            ],
                            "beneficiaryLocation": [
                                {"name": "Swale", "geoCode": "E07000113", "geoCodeType": "NMD", "countryCode": "GB"}
                            ],
                            "dateModified": "2020-07-01T09:00:00+00:00",
                        }
                    ]
                }
            ]
        }
    )

    grants: list[dict[str, Any]] = Field(description="360Giving grant records.")
