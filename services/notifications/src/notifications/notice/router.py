from uuid import UUID

from fastapi import APIRouter

from notifications.notice import service
from notifications.notice.dependencies import Admin, Caller
from notifications.notice.schemas import PreferencesRead, PreferencesUpdate
from vru_shared.db import Session
from vru_shared.problems import problem_responses

router = APIRouter(tags=["notification preferences"])
PATH = "/v1/notification-preferences"


@router.get(
    PATH + "/me",
    summary="Your notification preferences",
    description="Per kind of notice your roles receive: e-mail on or off, SMS on or off (defaults: e-mail on, SMS "
    "off), and the mobile number SMS go to. Signed-in people only (an API client: 403 `forbidden`). A person another "
    "issuer signed in (not an identity person) sees the defaults, with `person_id` null.",
    response_model=PreferencesRead,
    responses=problem_responses(401, 403),
)
async def get_my_preferences(session: Session, principal: Caller) -> PreferencesRead:
    return await service.get_preferences(session, principal=principal)


@router.put(
    PATH + "/me",
    summary="Set your notification preferences",
    description="Your mobile number (a UK mobile, `07…` or `+447…`; null: none) and your choices for the kinds you "
    "list (the others keep theirs). SMS on for any kind needs a mobile number (422 `mobile-number-required`); a "
    "kind listed twice is 422 `notice-kind-repeated`; a person who is not an identity person (another issuer's): 404 "
    "`notification-person-unknown`. Never a young person's details: notices carry a link only.",
    response_model=PreferencesRead,
    responses=problem_responses(401, 403, 404, 422),
)
async def put_my_preferences(session: Session, principal: Caller, data: PreferencesUpdate) -> PreferencesRead:
    return await service.put_preferences(session, principal=principal, data=data)


@router.get(
    PATH + "/{person_id}",
    summary="Someone's notification preferences",
    description="An administrator's view of a person's choices (the kinds they chose, the defaults otherwise).",
    response_model=PreferencesRead,
    responses=problem_responses(401, 403, 422),
)
async def get_preferences_of(session: Session, principal: Admin, person_id: UUID) -> PreferencesRead:
    return await service.get_preferences_of(session, person_id=person_id)
