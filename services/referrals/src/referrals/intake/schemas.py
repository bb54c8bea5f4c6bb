from datetime import UTC, date, datetime
from typing import Annotated, Any, NamedTuple, Self

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    JsonValue,
    PrivateAttr,
    StrictBool,
    StringConstraints,
    TypeAdapter,
    ValidationError,
    ValidatorFunctionWrapHandler,
    model_validator,
)

from referrals.incident.models import PersonRole
from referrals.incident.schemas import PERSON_EXAMPLE, REPORTED_EXAMPLE
from referrals.plausible import Age, DateOfBirth, OccurredAt, birth_problem

#: At most this many reports (JSON) or rows (CSV) per request.
MAX_REPORTS = 10_000
#: At most this many people in one report.
MAX_PEOPLE = 50

Code = Annotated[str, StringConstraints(strip_whitespace=True, to_lower=True, min_length=1, max_length=64)]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
CrimeReference = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=64, pattern=r"^[A-Za-z0-9][A-Za-z0-9/_.:-]*$"),
    Field(description="The police's crime reference: the idempotency key of the report.", examples=["46/123456/26"]),
]

PoliceId = Annotated[str, StringConstraints(strip_whitespace=True, max_length=64)]
Location = Annotated[str, StringConstraints(strip_whitespace=True, max_length=500)]

_REPORT_EXAMPLE: dict[str, JsonValue] = {
    **REPORTED_EXAMPLE,
    "people": [PERSON_EXAMPLE, {"role": "suspect", "given_name": "Sam", "family_name": "Sample", "age": 19}],
}


class PersonReport(BaseModel):
    """A person involved, as the crime report gives them. Either `date_of_birth` or `age` is required."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [PERSON_EXAMPLE]})

    role: PersonRole
    police_person_id: PoliceId | None = Field(
        default=None, description="The police's own person identifier; the surest way to match a young person."
    )
    given_name: Name
    family_name: Name
    date_of_birth: DateOfBirth | None = None
    age: Age | None = Field(default=None, description="Age on the day (0–120), when the date of birth is unknown.")
    home_district: Code | None = Field(
        default=None, description="District code of where the person lives; brings that district into the review."
    )

    @model_validator(mode="after")
    def _dob_or_age(self) -> Self:
        if self.date_of_birth is None and self.age is None:
            raise ValueError("give date_of_birth or age (both are missing)")
        if self.police_person_id == "":
            self.police_person_id = None
        return self


class IncidentReport(BaseModel):
    """One crime report. Re-sending the same `crime_reference` updates the incident, never duplicates it."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [_REPORT_EXAMPLE]})

    crime_reference: CrimeReference
    occurred_at: OccurredAt
    district: Code = Field(description="District code where it happened (see `GET /v1/districts`).")
    category: Code = Field(description="Offence category code (see `GET /v1/offence-categories`).")
    weapon_knife: StrictBool = Field(default=False, description="A knife or sharp instrument was involved.")
    weapon_firearm: StrictBool = Field(default=False, description="A firearm was involved.")
    location: Location = ""
    people: list[PersonReport] = Field(min_length=1, max_length=MAX_PEOPLE)

    @model_validator(mode="after")
    def _plausible_births(self) -> Self:
        """Each date of birth against the day (the ranges: ``referrals.plausible``)."""
        problems = [
            f"people.{position}.date_of_birth: {problem}"
            for position, person in enumerate(self.people)
            if person.date_of_birth is not None
            and (problem := birth_problem(person.date_of_birth, self.occurred_at)) is not None
        ]
        if problems:
            raise ValueError("; ".join(problems))
        return self


class RejectedRow(BaseModel):
    """A report that was not imported, and why. Nothing of it was written."""

    line: int = Field(
        description="CSV: the line in the file (the header is line 1). JSON: the report's position in `reports`, "
        "from 1.",
        examples=[7],
    )
    crime_reference: str | None = Field(examples=["46/123457/26"])
    reason: str = Field(examples=["unknown district 'atlantis'"])


def reason_of(exc: ValidationError) -> str:
    parts = []
    for error in exc.errors(include_input=False, include_url=False):
        where = ".".join(str(p) for p in error["loc"])
        message = str(error["msg"]).removeprefix("Value error, ")
        parts.append(f"{where}: {message}" if where else message)
    return "; ".join(parts)


class IncidentBatch(BaseModel):
    """Up to 10,000 crime reports. Each report is validated on its own: invalid ones are listed in the
    response's `rejected_rows` while the others are imported."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"reports": [_REPORT_EXAMPLE]}]})

    reports: list[IncidentReport] = Field(max_length=MAX_REPORTS)
    _positions: list[int] = PrivateAttr(default_factory=list)
    _rejected: list[RejectedRow] = PrivateAttr(default_factory=list)

    @model_validator(mode="wrap")
    @classmethod
    def _keep_valid_reports(cls, data: Any, handler: ValidatorFunctionWrapHandler) -> Any:
        raw = data.get("reports") if isinstance(data, dict) else None
        if not isinstance(raw, list) or len(raw) > MAX_REPORTS:
            return handler(data)
        valid: list[IncidentReport] = []
        positions: list[int] = []
        rejected: list[RejectedRow] = []
        for position, item in enumerate(raw, start=1):
            try:
                valid.append(IncidentReport.model_validate(item))
                positions.append(position)
            except ValidationError as exc:
                reference = item.get("crime_reference") if isinstance(item, dict) else None
                rejected.append(
                    RejectedRow(
                        line=position,
                        crime_reference=str(reference)[:64] if reference is not None else None,
                        reason=reason_of(exc),
                    )
                )
        batch = handler({**data, "reports": valid})
        assert isinstance(batch, IncidentBatch)
        batch._positions = positions
        batch._rejected = rejected
        return batch

    @property
    def positions(self) -> list[int]:
        return self._positions

    @property
    def rejected(self) -> list[RejectedRow]:
        return self._rejected


class ImportResult(BaseModel):
    """What an import did, per report (a CSV report is all the rows sharing one crime reference)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "received": 3,
                    "created": 1,
                    "updated": 1,
                    "unchanged": 0,
                    "rejected": 1,
                    "screened_in": 2,
                    "reviews_opened": 1,
                    "rejected_rows": [{"line": 4, "crime_reference": "46/123457/26", "reason": "unknown district 'x'"}],
                }
            ]
        }
    )

    received: int = Field(description="Reports received (valid or not).")
    created: int = Field(description="New incidents.")
    updated: int = Field(description="Incidents whose report changed; the change is recorded.")
    unchanged: int = Field(description="Reports identical to what was already held: nothing written.")
    rejected: int = Field(description="Reports not imported (listed in `rejected_rows`).")
    screened_in: int = Field(
        default=0,
        description="Created or updated incidents that are in scope after this import: each is in a Serious "
        "Violence Review (`GET /v1/incidents?screening=in`).",
    )
    reviews_opened: int = Field(default=0, description="Serious Violence Reviews this import opened.")
    rejected_rows: list[RejectedRow]


class Person(NamedTuple):
    """A person of a report as validated, as a tuple: a chunk's worth of reports waits to be written, and a
    tuple is one object where a model is three (itself, its ``__dict__``, its set of fields) for the garbage
    collector to track."""

    role: str
    police_person_id: str | None
    given_name: str
    family_name: str
    date_of_birth: date | None
    age: int | None
    home_district: str | None


class Report(NamedTuple):
    """A validated crime report (see :class:`Person`)."""

    crime_reference: str
    occurred_at: datetime
    district: str
    category: str
    weapon_knife: bool
    weapon_firearm: bool
    location: str
    people: tuple[Person, ...]

    @classmethod
    def of(cls, report: IncidentReport) -> "Report":
        return cls(
            report.crime_reference,
            report.occurred_at.astimezone(UTC),  # the same instant, with a shared time zone object
            report.district,
            report.category,
            report.weapon_knife,
            report.weapon_firearm,
            report.location,
            tuple(
                Person(
                    p.role.value,
                    p.police_person_id,
                    p.given_name,
                    p.family_name,
                    p.date_of_birth,
                    p.age,
                    p.home_district,
                )
                for p in report.people
            ),
        )


#: A CSV report's values as tuples, in the order of :class:`IncidentReport`'s fields (and :class:`PersonReport`'s
#: for each person), with the same types: the whole report is checked by one call of a compiled validator, and no
#: model is built per row. The rules the models check in Python (:meth:`PersonReport._dob_or_age`,
#: :meth:`IncidentReport._plausible_births`) are checked on the result (``csv_reader``); a report that fails any
#: of it goes through the models, whose errors name the row's fields.
CsvPersonValues = tuple[PersonRole, PoliceId | None, Name, Name, DateOfBirth | None, Age | None, Code | None]
CsvReportValues = tuple[
    CrimeReference, OccurredAt, Code, Code, StrictBool, StrictBool, Location, tuple[CsvPersonValues, ...]
]
CSV_REPORT: TypeAdapter[CsvReportValues] = TypeAdapter(CsvReportValues)  # type: ignore[arg-type,unused-ignore]  # a tuple alias
