from typing import Annotated
from uuid import UUID

from fastapi import Path, Query

from funding.grant.models import GrantStatus
from vru_shared.inputs import QueryBool
from vru_shared.kent_medway import DistrictCode

GrantId = Annotated[UUID, Path(description="The grant's id.")]
DisbursementId = Annotated[UUID, Path(description="The disbursement's id.")]
ReturnId = Annotated[UUID, Path(description="The monitoring return's id.")]
StatusFilter = Annotated[GrantStatus | None, Query(alias="status", description="Only grants in this status.")]
DistrictFilter = Annotated[DistrictCode | None, Query(alias="district", description="Only grants serving it.")]
BudgetLineFilter = Annotated[UUID | None, Query(alias="budget_line_id", description="Only grants on this line.")]
ProjectFilter = Annotated[UUID | None, Query(alias="project_id", description="Only this project's grants.")]
RecipientFilter = Annotated[
    UUID | None, Query(alias="recipient_organisation_id", description="Only grants to this organisation.")
]
AllocationFilter = Annotated[
    UUID | None, Query(alias="allocation_id", description="Only the grants a formula allocation created.")
]
GrantFilter = Annotated[UUID | None, Query(alias="grant_id", description="Only this grant's returns.")]
OverdueFilter = Annotated[
    QueryBool | None,
    Query(alias="overdue", description="`true`: only returns not submitted and past their due date; `false`: others."),
]
