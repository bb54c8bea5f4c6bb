"""A coordinator and an incident in another district (issue 14, item 5). The rule, with the data-protection
minimum in mind: a coordinator sees the incidents in their own districts in full; an incident elsewhere only
because someone involved lives in one of their districts (the review draws their district in), and then only
those residents — not the others involved, not the change history — and the read is audited with that reason.
Any other district's incident is 404. Before, the whole incident was shown and audited as an ordinary read."""

from typing import Any

from vru_dev.kits.referrals import Casework

REFERENCE = "46/881001/26"


def _report(location: str) -> dict[str, Any]:
    return {
        "crime_reference": REFERENCE,
        "occurred_at": "2026-10-14T22:40:00Z",
        "district": "thanet",
        "category": "knife-sharp-instrument",
        "weapon_knife": True,
        "location": location,
        "people": [
            {
                "role": "victim",
                "given_name": "Riley",
                "family_name": "Livesinmedway",
                "date_of_birth": "2010-03-14",
                "home_district": "medway",
            },
            {
                "role": "suspect",
                "given_name": "Morgan",
                "family_name": "Livesinthanet",
                "date_of_birth": "2009-07-01",
                "home_district": "thanet",
            },
        ],
    }


async def _incident(casework: Casework) -> str:
    for location in ("High Street", "High Street, Margate"):  # a corrected re-send: one change in the history
        response = await casework.client.post(
            "/v1/imports/incidents", json={"reports": [_report(location)]}, headers=casework.headers(casework.FEED)
        )
        assert response.status_code == 200, response.text
    listed = await casework.client.get(
        "/v1/incidents", params={"crime_reference": REFERENCE}, headers=casework.headers(casework.ANALYST)
    )
    incident_id: str = listed.json()["items"][0]["id"]
    return incident_id


async def test_a_resident_elsewhere_is_all_a_coordinator_sees(casework: Casework) -> None:
    incident_id = await _incident(casework)
    path = f"/v1/incidents/{incident_id}"

    own = (await casework.client.get(path, headers=casework.headers(casework.THANET))).json()
    assert (own["view"], own["people_withheld"], len(own["people"])) == ("full", 0, 2)
    assert own["changes"]

    response = await casework.client.get(path, headers=casework.headers(casework.MEDWAY_SWALE))
    assert response.status_code == 200, response.text
    seen = response.json()
    assert (seen["view"], seen["people_withheld"], seen["changes"]) == ("residents", 1, [])
    assert [p["family_name"] for p in seen["people"]] == ["Livesinmedway"]
    assert "Livesinthanet" not in response.text
    assert "Morgan" not in response.text
    assert (seen["crime_reference"], seen["district"], seen["location"]) == (
        REFERENCE,
        "thanet",
        "High Street, Margate",
    )

    listed = await casework.client.get(
        "/v1/incidents", params={"crime_reference": REFERENCE}, headers=casework.headers(casework.MEDWAY_SWALE)
    )
    assert [i["id"] for i in listed.json()["items"]] == [incident_id]

    # Neither the incident's district nor anyone's home: 404, as for any incident they may not see.
    stranger = {"roles": ["coordinator"], "districts": ["dover"], "sub": "coordinator-dover"}
    hidden = await casework.client.get(path, headers=casework.headers(stranger))
    assert hidden.status_code == 404
    assert hidden.json()["type"].endswith("/incident-not-found")

    audit = await casework.client.get(
        "/v1/audit-log", params={"record_id": incident_id, "limit": 200}, headers=casework.headers(casework.AUDITOR)
    )
    purposes = {(e["actor_subject"], e["purpose"]) for e in audit.json()["items"] if e["action"] == "read"}
    assert (casework.MEDWAY_SWALE["sub"], "incident in thanet: involves a resident of medway") in purposes
    assert (
        casework.MEDWAY_SWALE["sub"],
        "incident list: in other districts, involving residents of the caller's",
    ) in purposes
    assert (casework.THANET["sub"], "incident") in purposes
