"""The Python client partners install (``clients/python``, ``vru_client``), used as a partner's system would use
it, against the running platform through the real gateway: a token with client credentials, a list read page by
page, a record read, a change sent with an ``Idempotency-Key`` and replayed, and problems parsed as ``Problem``."""

from __future__ import annotations

import random
import time
import uuid
from collections.abc import Callable

import httpx
import pytest

from tests.conftest import password_token
from vru_cli import client as vru_client_generation
from vru_client import AuthenticatedClient
from vru_client.api.agencies import list_agencies
from vru_client.api.api_clients import create_client as create_api_client
from vru_client.api.organisations_and_projects import create_organisation, get_organisation, list_organisations
from vru_client.models import (
    ApiClientCreate,
    ApiClientCreated,
    OrganisationCreate,
    OrganisationKind,
    OrganisationRead,
    PageAgencyRead,
    PageOrganisationRead,
    Problem,
    Role,
)
from vru_client.oauth import ClientCredentials, TokenError, connect
from vru_client.types import UNSET, Unset
from vru_dev.platform import Platform

pytestmark = pytest.mark.e2e


def slug(problem: Problem) -> str:
    return problem.type_.rsplit("/", 1)[-1]


def issue_api_client(gateway: httpx.Client) -> tuple[str, str]:
    """The unit's administrator issues an API client to a funder's grants system (with the generated client too)."""
    admin = AuthenticatedClient(base_url=str(gateway.base_url), token=password_token(gateway, "admin@example.org"))
    agencies = list_agencies.sync(client=admin)
    assert isinstance(agencies, PageAgencyRead), agencies
    client_id = f"grants-system-{uuid.uuid4().hex[:8]}"
    body = ApiClientCreate(
        client_id=client_id, name="A funder's grants system", agency_id=agencies.items[0].id,
        roles=[Role.PROGRAMME_OFFICER],
    )  # fmt: skip
    created = create_api_client.sync(client=admin, body=body)
    assert isinstance(created, ApiClientCreated), created
    return client_id, created.client_secret


def test_a_partner_system_uses_the_client(platform: Platform, gateway: httpx.Client) -> None:
    base_url = platform.config.gateway_url
    client_id, secret = issue_api_client(gateway)
    with pytest.raises(TokenError) as refused:
        connect(base_url, client_id, "not-the-secret")
    assert refused.value.status_code == 401

    client = connect(base_url, client_id, secret)

    # A change, sent with an Idempotency-Key and sent again (a retry after a lost answer): made once.
    key = str(uuid.uuid4())
    body = OrganisationCreate(
        org_id=f"GB-CHC-{random.randrange(10**8, 10**9)}", name="Client Test Youth Trust", kind=OrganisationKind.CHARITY
    )
    first = create_organisation.sync_detailed(client=client, body=body, idempotency_key=key)
    again = create_organisation.sync_detailed(client=client, body=body, idempotency_key=key)
    assert first.status_code == again.status_code == 201
    assert isinstance(first.parsed, OrganisationRead)
    assert isinstance(again.parsed, OrganisationRead)
    assert again.parsed.id == first.parsed.id
    assert again.headers["idempotent-replayed"] == "true"
    # The same key with another body: a problem, parsed.
    other = create_organisation.sync(
        client=client, body=OrganisationCreate(org_id=body.org_id, name="Another", kind=OrganisationKind.CHARITY),
        idempotency_key=key,
    )  # fmt: skip
    assert isinstance(other, Problem)
    assert (other.status, slug(other)) == (422, "validation-error")
    assert other.detail == "This Idempotency-Key was already used with a different request."

    # A list, page by page, following next_cursor to the end.
    seen: list[OrganisationRead] = []
    cursor: str | Unset | None = UNSET
    pages = 0
    while True:
        page = list_organisations.sync(client=client, limit=5, cursor=cursor)
        assert isinstance(page, PageOrganisationRead), page
        assert len(page.items) <= 5
        seen += page.items
        pages += 1
        if not page.next_cursor:
            break
        cursor = page.next_cursor
    assert pages > 1
    assert len({o.id for o in seen}) == len(seen)
    assert first.parsed.id in {o.id for o in seen}

    # A record.
    read = get_organisation.sync(first.parsed.id, client=client)
    assert isinstance(read, OrganisationRead)
    assert (read.org_id, read.name, read.kind) == (body.org_id, body.name, OrganisationKind.CHARITY)

    # Problems: a record that is not there, and a body the API refuses, each with its slug.
    missing = get_organisation.sync(uuid.uuid4(), client=client)
    assert isinstance(missing, Problem)
    assert (missing.status, slug(missing)) == (404, "organisation-not-found")
    assert missing.request_id
    invalid = create_organisation.sync(
        client=client, body=OrganisationCreate(org_id="not an org-id", name="X", kind=OrganisationKind.CHARITY)
    )
    assert isinstance(invalid, Problem)
    assert (invalid.status, slug(invalid)) == (422, "validation-error")
    assert not isinstance(invalid.errors, Unset)
    assert invalid.errors
    taken = create_organisation.sync(client=client, body=body)  # no key: a second registration of the org-id
    assert isinstance(taken, Problem)
    assert (taken.status, slug(taken)) == (409, "org-id-taken")


def test_the_client_matches_the_document_the_platform_serves(gateway: httpx.Client) -> None:
    # The client is generated offline from the apps' documents (vru_cli.openapi); what partners reach is the
    # gateway's /openapi.json, merged at run time by identity: the two give the same client.
    deadline = time.monotonic() + 60
    # Identity leaves out a service that does not answer in time (a busy machine) and retries a minute later.
    while (served := gateway.get("/openapi.json", timeout=30).json())["info"].get("x-unavailable"):
        assert time.monotonic() < deadline, "the merged OpenAPI document stays partial"
        time.sleep(2)
    assert vru_client_generation.differences(served) == []


def paths_sent_to(sent: list[str]) -> dict[str, list[Callable[[httpx.Request], None]]]:
    """httpx event hooks recording the path of every request sent, the auth flow's token requests too."""
    return {"request": [lambda request: sent.append(request.url.path)]}


def test_client_credentials_renews_the_token_before_it_expires(platform: Platform, gateway: httpx.Client) -> None:
    base_url = platform.config.gateway_url
    client_id, secret = issue_api_client(gateway)
    for leeway, expected in ((60.0, 1), (10_000.0, 3)):  # a token of 15 minutes: kept; one "about to expire": renewed
        sent: list[str] = []
        credentials = ClientCredentials(base_url, client_id, secret, leeway=leeway)
        with httpx.Client(base_url=base_url, auth=credentials, event_hooks=paths_sent_to(sent)) as http:
            for _ in range(3):
                assert http.get("/v1/organisations", params={"limit": 1}).status_code == 200
        assert sent.count("/oauth/token") == expected, (leeway, sent)
