from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response

from referrals.access import ANALYST
from referrals.incident.dependencies import IncidentId
from referrals.incident.models import Incident
from referrals.incident.schemas import IncidentRead
from referrals.screening import service
from referrals.screening.schemas import ManualScreening
from referrals.settings import ReferralsSettings
from vru_shared.auth import Principal
from vru_shared.db import Session
from vru_shared.etag import set_etag
from vru_shared.problems import problem_responses

router = APIRouter(tags=["incidents"])
Analyst = Annotated[Principal, Depends(ANALYST)]


@router.post(
    "/v1/incidents/{incident_id}/screening",
    summary="Screen an incident in or out by hand",
    description="An analyst's decision, with a required reason. Screening in links the incident to the open "
    "review of one of its young people, or opens a review for the coordinator of its district; screening out "
    "takes it out of its review (the review's history records it). Only the people of an incident in scope are young "
    "people's records: screening in matches them (as on intake), screening out unlinks them (a record nothing "
    "else names is deleted). The decision sticks: re-sent reports and "
    "automatic screening never override it. Analysts only.",
    response_model=IncidentRead,
    responses=problem_responses(401, 403, 404, 422),
)
async def screen_incident(
    session: Session,
    principal: Analyst,
    incident_id: IncidentId,
    data: ManualScreening,
    response: Response,
    request: Request,
) -> Incident:
    settings: ReferralsSettings = request.app.state.settings
    incident = await service.screen_by_hand(
        session,
        principal=principal,
        incident_id=incident_id,
        decision=data.decision,
        reason=data.reason,
        similarity=settings.name_similarity_threshold,
    )
    set_etag(response, incident.version)
    return incident
