"""Change feeds (issue 14, item 7): every list that takes ``updated_since`` answers, over all its pages, only the
records changed at or after that moment, oldest change first, each with its ``updated_at`` and ``id`` — so a
partner or the front end fetches only what changed — and its cursors cannot be mixed with the list's usual
order's. Checked on every such operation of the merged OpenAPI, on the security suite's world of records."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from tests.security.inprocess import SERVICES, Services
from tests.security.oas import Operation
from tests.security.policy import PRINCIPALS, allowed
from tests.security.world import WORLDS, World, required_query

EPOCH = "2000-01-01T00:00:00Z"
#: Lists that are change feeds: at least these (a list dropping ``updated_since`` fails here).
EXPECTED = {
    ("referrals", "/v1/referrals"),
    ("referrals", "/v1/reviews"),
    ("referrals", "/v1/incidents"),
    ("referrals", "/v1/meetings"),
    ("referrals", "/v1/actions"),
    ("referrals", "/v1/support-plans"),
    ("funding", "/v1/grants"),
    ("etp_inventory", "/v1/sites"),
}


@pytest.fixture(scope="module")
async def worlds(services: Services) -> dict[str, World]:
    return {service: await WORLDS[service](services) for service in SERVICES}


def feeds(all_operations: list[Operation]) -> list[Operation]:
    return [
        op
        for op in all_operations
        if op.method == "GET" and any(p["name"] == "updated_since" for p in op.parameters("query"))
    ]


def test_the_lists_partners_poll_are_feeds(all_operations: list[Operation]) -> None:
    assert {(op.service, op.path) for op in feeds(all_operations)} >= EXPECTED


async def test_every_feed_answers_changes_oldest_first(
    services: Services, worlds: dict[str, World], all_operations: list[Operation]
) -> None:
    checked = 0
    for op in feeds(all_operations):
        principal = next(p for p in PRINCIPALS if allowed(op.service, "GET", op.path, p))
        params = required_query(op)
        items: list[dict[str, Any]] = []
        cursor = None
        for _ in range(50):
            query = {**params, "updated_since": EPOCH, "limit": 2, **({"cursor": cursor} if cursor else {})}
            response = await services.call(op.service, "GET", op.path, principal, params=query)
            assert response.status_code == 200, (str(op), response.text)
            items += response.json()["items"]
            cursor = response.json()["next_cursor"]
            if cursor is None:
                break
        keys = [(datetime.fromisoformat(i["updated_at"]), i["id"]) for i in items]
        assert keys == sorted(keys), f"{op}: not oldest change first"
        assert len(set(keys)) == len(keys), f"{op}: a record twice across pages"
        if keys:
            checked += 1
            newest = items[-1]["updated_at"]
            since = await services.call(
                op.service, "GET", op.path, principal, params={**params, "updated_since": newest}
            )
            assert items[-1]["id"] in [i["id"] for i in since.json()["items"]], f"{op}: 'at or after' misses it"
            assert all(i["updated_at"] >= newest for i in since.json()["items"])
        later = await services.call(
            op.service, "GET", op.path, principal, params={**params, "updated_since": "2999-01-01"}
        )
        assert (later.status_code, later.json()["items"]) == (200, []), str(op)
        # A cursor of the usual order is not one of the feed's (their sort keys differ), and the other way round.
        usual = await services.call(op.service, "GET", op.path, principal, params={**params, "limit": 1})
        if usual.json()["next_cursor"]:
            mixed = await services.call(
                op.service,
                "GET",
                op.path,
                principal,
                params={**params, "updated_since": EPOCH, "cursor": usual.json()["next_cursor"]},
            )
            assert mixed.status_code == 400, (str(op), mixed.text)
            assert mixed.json()["type"].endswith("/bad-request")
    assert checked >= 6, "the world should give most feeds records"
