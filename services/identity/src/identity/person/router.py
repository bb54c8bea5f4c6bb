from fastapi import APIRouter, Depends, Request, Response, status

from identity.access import ADMIN, CONTACTS, GUARDIAN_LOOKUP
from identity.dependencies import Hasher
from identity.person import service
from identity.person.dependencies import (
    ActiveFilter,
    AgencyFilter,
    ContactDistrict,
    ContactIds,
    ContactRole,
    GuardianEmail,
    PersonId,
    RoleFilter,
)
from identity.person.models import Person
from identity.person.schemas import ContactRead, GuardianRead, PersonCreate, PersonRead, PersonUpdate
from vru_shared.db import Session
from vru_shared.etag import IfMatch, set_etag
from vru_shared.pagination import Page, Pagination, paginate, whole
from vru_shared.problems import problem_responses

router = APIRouter(tags=["people"], dependencies=[Depends(ADMIN)])


@router.post(
    "/v1/people",
    summary="Create a person",
    description="Add someone who logs in, with their agency, roles and (for district-scoped roles) districts. "
    "The e-mail is unique regardless of case (409 otherwise). A password, if given, has at least 12 "
    "characters and is stored only as an argon2id hash. Admin only.",
    status_code=status.HTTP_201_CREATED,
    response_model=PersonRead,
    responses=problem_responses(401, 403, 409, 422),
)
async def create_person(session: Session, hasher: Hasher, data: PersonCreate, response: Response) -> Person:
    person = await service.create(session, data=data, hasher=hasher)
    response.headers["Location"] = f"/v1/people/{person.id}"
    set_etag(response, person.version)
    return person


@router.get(
    "/v1/people",
    summary="List people",
    description="People ordered by e-mail, optionally filtered by agency, role or active flag. Admin only.",
    response_model=Page[PersonRead],
    responses=problem_responses(400, 401, 403, 422),
)
async def list_people(
    session: Session,
    page: Pagination,
    request: Request,
    response: Response,
    agency_id: AgencyFilter = None,
    role: RoleFilter = None,
    active: ActiveFilter = None,
) -> Page[PersonRead]:
    rows = await service.list_people(session, page=page, agency_id=agency_id, role=role, active=active)
    return paginate(rows, page, lambda p: (p.email,), request, response)


@router.get(
    "/v1/people/{person_id}",
    summary="Get a person",
    description="One person, with the `ETag` for a later PATCH. Admin only.",
    response_model=PersonRead,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_person(session: Session, person_id: PersonId, response: Response) -> Person:
    person = await service.get(session, person_id=person_id)
    set_etag(response, person.version)
    return person


@router.patch(
    "/v1/people/{person_id}",
    summary="Change a person",
    description="Change the display name, agency, roles, districts, active flag or password. Deactivated people "
    "cannot get new tokens. Deactivating, changing the agency, roles or districts, or setting a password revokes "
    "the person's tokens issued so far: every service refuses them (401 `token-revoked`) within its revocation poll "
    "interval (`GET /v1/revocations`). Setting a password also resets the failed-login count. Send `If-Match` (428 "
    "without, 412 when stale). Admin only.",
    response_model=PersonRead,
    responses=problem_responses(401, 403, 404, 412, 422, 428),
)
async def update_person(
    session: Session,
    hasher: Hasher,
    person_id: PersonId,
    data: PersonUpdate,
    response: Response,
    if_match: IfMatch = None,
) -> Person:
    person = await service.update(session, person_id=person_id, data=data, if_match=if_match, hasher=hasher)
    set_etag(response, person.version)
    return person


@router.post(
    "/v1/people/{person_id}/unlock",
    summary="Unlock a person",
    description="Reset the failed-login count (and clear `locked_until`, which logins no longer set: failures "
    "are throttled per account and address instead of locking the account). Admin only.",
    response_model=PersonRead,
    responses=problem_responses(401, 403, 404, 422),
)
async def unlock_person(session: Session, person_id: PersonId, response: Response) -> Person:
    person = await service.unlock(session, person_id=person_id)
    set_etag(response, person.version)
    return person


guardians_router = APIRouter(tags=["guardians"], dependencies=[Depends(GUARDIAN_LOOKUP)])


@guardians_router.get(
    "/v1/guardians",
    summary="Look a guardian up by e-mail",
    description="The active person holding the `guardian` role with exactly this e-mail, as a list of none or "
    "one: how a CSP officer finds the person id to make someone the guardian of a pack site (`PUT "
    "/v1/sites/{site_id}/guardians/{subject}`). A look-up, not a directory: the e-mail is required. Admin, "
    "director, programme officer, CSP officer, the platform's services.",
    response_model=Page[GuardianRead],
    responses=problem_responses(401, 403, 422),
)
async def find_guardian(session: Session, email: GuardianEmail) -> Page[GuardianRead]:
    return whole([GuardianRead.model_validate(g) for g in await service.find_guardian(session, email=email)])


@guardians_router.get(
    "/v1/guardians/{person_id}",
    summary="Get a guardian",
    description="An active person holding the `guardian` role: 404 `guardian-not-found` for anyone else "
    "(deactivated, another role, or no one). The ETP inventory service checks an assignment with it.",
    response_model=GuardianRead,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_guardian(session: Session, person_id: PersonId) -> Person:
    return await service.get_guardian(session, person_id=person_id)


contacts_router = APIRouter(tags=["contacts"], dependencies=[Depends(CONTACTS)])


@contacts_router.get(
    "/v1/contacts",
    summary="Whom to send a notice to",
    description="Active people with their e-mail, roles and districts: by id (`person_id`, repeated, at most 100), "
    "or the holders of a role in a district (`role` and `district`) — how the notifications service addresses its "
    "e-mail notices. A role without a district (or a district without a role) is 422 `contacts-query-incomplete`; no "
    "query at all, an empty list. Deactivated people are left out. The platform's "
    "services only.",
    response_model=Page[ContactRead],
    responses=problem_responses(401, 403, 422),
)
async def list_contacts(
    session: Session, person_ids: ContactIds = None, role: ContactRole = None, district: ContactDistrict = None
) -> Page[ContactRead]:
    rows = await service.contacts(
        session, person_ids=person_ids or [], role=role.value if role else None, district=district
    )
    return whole([ContactRead.model_validate(p) for p in rows])
