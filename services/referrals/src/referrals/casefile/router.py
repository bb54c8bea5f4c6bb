from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response

from referrals.access import ANALYST, READ_CASEWORK, casework_scope
from referrals.casefile import service
from referrals.casefile.dependencies import (
    CrimeReferenceFilter,
    DateOfBirthFilter,
    NameQuery,
    OtherSubjectId,
    PolicePersonIdFilter,
    PossibleDuplicateFilter,
    SubjectId,
)
from referrals.casefile.repository import SubjectSearch
from referrals.casefile.schemas import SubjectRead
from referrals.subject.schemas import PossibleDuplicatePair, SubjectSummary
from vru_shared.auth import Principal
from vru_shared.db import Session
from vru_shared.etag import set_etag
from vru_shared.pagination import Page, Pagination, paginate
from vru_shared.problems import problem_responses

router = APIRouter(tags=["young people"])
Reader = Annotated[Principal, Depends(READ_CASEWORK)]
Analyst = Annotated[Principal, Depends(ANALYST)]


@router.get(
    "/v1/subjects",
    summary="Find young people",
    description="Young people (subjects) matched across incidents; merged records are left out. Find one by "
    "name (`q`: fuzzy, closest names first), `date_of_birth`, `police_person_id` or `crime_reference`; every "
    "criterion given must hold. Without `q`, newest first. `possible_duplicate=true` lists those with an "
    "uncertain match awaiting a decision. A coordinator finds only the young people in incidents or reviews "
    "of their districts, and by crime reference only through an incident they may read. Any other query "
    "parameter is a 422 (a misspelt filter never answers the whole list). Each page read is recorded in the "
    "audit log (purpose `young people search` when searched).",
    response_model=Page[SubjectSummary],
    responses=problem_responses(400, 401, 403, 422),
)
async def list_subjects(
    session: Session,
    principal: Reader,
    page: Pagination,
    request: Request,
    response: Response,
    q: NameQuery = None,
    date_of_birth: DateOfBirthFilter = None,
    police_person_id: PolicePersonIdFilter = None,
    crime_reference: CrimeReferenceFilter = None,
    possible_duplicate: PossibleDuplicateFilter = None,
) -> Page[Any]:
    search = SubjectSearch(
        name=q,
        date_of_birth=date_of_birth,
        police_person_id=police_person_id,
        crime_reference=crime_reference,
        possible_duplicate=possible_duplicate,
    )
    subjects = await service.list_subjects(
        session, principal=principal, scope=casework_scope(principal), page=page, search=search
    )
    key = (lambda s: (s.name_rank, s.created_at, s.id)) if q else (lambda s: (s.created_at, s.id))
    return paginate(subjects, page, key, request, response)


@router.get(
    "/v1/subjects/possible-duplicates",
    summary="List possible duplicates awaiting a decision",
    description="The queue of uncertain matches: pairs of records that may be the same young person, oldest "
    "first, each with the reason it was flagged. Resolve one with `POST /v1/subjects/{subject_id}/duplicates/"
    "{other_id}/confirm` (merge `other` into `subject`) or `/split`; it then leaves the queue. Analysts only. "
    "Recorded in the audit log.",
    response_model=Page[PossibleDuplicatePair],
    responses=problem_responses(400, 401, 403, 422),
)
async def list_possible_duplicates(
    session: Session, principal: Analyst, page: Pagination, request: Request, response: Response
) -> Page[PossibleDuplicatePair]:
    pairs = await service.list_possible_duplicates(
        session, principal=principal, scope=casework_scope(principal), page=page
    )
    return paginate(pairs, page, lambda p: (p.created_at, p.id), request, response)


@router.get(
    "/v1/subjects/{subject_id}",
    summary="A young person's page",
    description="The subject with the incidents they were involved in, their reviews and any possible "
    "duplicates. A merged record still answers, with `merged_into_id` naming the record to use. Recorded in "
    "the audit log.",
    response_model=SubjectRead,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_subject(session: Session, principal: Reader, subject_id: SubjectId, response: Response) -> SubjectRead:
    subject = await service.get_subject(
        session, principal=principal, scope=casework_scope(principal), subject_id=subject_id
    )
    set_etag(response, subject.version)
    return subject


@router.post(
    "/v1/subjects/{subject_id}/duplicates/{other_id}/confirm",
    summary="Confirm a possible duplicate (merge)",
    description="The two records are the same young person: `other_id` is merged into `subject_id` — its "
    "incidents and reviews move over, and it is kept, marked `merged_into_id`, as the trail. 404 when the two "
    "are not flagged; 409 when the flag was already resolved. Analysts only.",
    response_model=SubjectRead,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def confirm_duplicate(
    session: Session, principal: Analyst, subject_id: SubjectId, other_id: OtherSubjectId, response: Response
) -> SubjectRead:
    subject = await service.confirm_duplicate(session, principal=principal, subject_id=subject_id, other_id=other_id)
    set_etag(response, subject.version)
    return subject


@router.post(
    "/v1/subjects/{subject_id}/duplicates/{other_id}/split",
    summary="Split a possible duplicate",
    description="The two records are different young people: the flag is dismissed and neither record "
    "changes. 404 when the two are not flagged; 409 when the flag was already resolved. Analysts only.",
    response_model=SubjectRead,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def split_duplicate(
    session: Session, principal: Analyst, subject_id: SubjectId, other_id: OtherSubjectId, response: Response
) -> SubjectRead:
    subject = await service.split_duplicate(session, principal=principal, subject_id=subject_id, other_id=other_id)
    set_etag(response, subject.version)
    return subject
