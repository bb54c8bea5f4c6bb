"""A partner system polls its referrals as a change feed (issue 14, item 7): before, it had to fetch every sent
referral again each time (``?status=sent``, no change filter). With ``updated_since`` it gets only the referrals
created or changed since its last poll, oldest change first — an answer it gave, a withdrawal — and nothing else."""

from typing import Any

from vru_dev.kits.referrals import Casework

YJS = "youth-justice-service"


async def poll(casework: Casework, partner: dict[str, Any], since: str) -> list[dict[str, Any]]:
    response = await casework.client.get(
        "/v1/referrals", params={"updated_since": since}, headers=casework.headers(partner)
    )
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


async def test_a_partner_fetches_only_what_changed(casework: Casework) -> None:
    partner = await casework.link_partner(YJS)
    first = await casework.refer(await casework.young_person("46/882001/26"), send=True, partner_agency=YJS)
    second = await casework.refer(await casework.young_person("46/882002/26"), send=True, partner_agency=YJS)

    everything = await poll(casework, partner, "2000-01-01")
    assert [r["id"] for r in everything] == [first["id"], second["id"]]  # oldest change first
    last_seen = everything[-1]["updated_at"]

    # The partner accepts the first: since its last poll, only that one changed (and the last one it saw, at
    # the very moment it polled from: "at or after", so a client de-duplicates by id and version).
    await casework.move(first["id"], "accepted", partner)
    changed = await poll(casework, partner, last_seen)
    assert [r["id"] for r in changed if r["id"] != second["id"]] == [first["id"]]
    accepted = next(r for r in changed if r["id"] == first["id"])
    assert (accepted["status"], accepted["updated_at"] > last_seen) == ("accepted", True)

    # The unit withdraws the second: it comes round again, after the first.
    await casework.move(second["id"], "withdrawn", casework.MEDWAY_SWALE, reason="Moved out of the area.")
    again = await poll(casework, partner, accepted["updated_at"])
    assert [r["id"] for r in again][-1] == second["id"]
    assert again[-1]["status"] == "withdrawn"
