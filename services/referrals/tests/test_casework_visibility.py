"""What one district's coordinator learns of another district's casework through records that gather it (issue
13, "Trust"): a young person known in two districts shows each coordinator only the incidents, reviews and
referrals that coordinator may read on their own routes, and a duplicate referral names the open one only to
whoever may read it."""

from typing import Any

from vru_dev.kits.referrals import Casework

CSWS = "childrens-social-work-services"


def _report(reference: str, district: str) -> dict[str, Any]:
    return {
        "crime_reference": reference,
        "occurred_at": "2026-10-14T22:40:00Z",
        "district": district,
        "category": "drug-supply-linked",
        "weapon_knife": True,
        "people": [
            {
                "role": "victim",
                "given_name": "Robin",
                "family_name": "Twodistricts",
                "date_of_birth": "2010-03-14",
                "police_person_id": "KP-TWO-DISTRICTS",
            }
        ],
    }


async def _known_in_swale_and_thanet(casework: Casework) -> dict[str, Any]:
    """One young person in a Swale incident (and a referral by the Medway & Swale coordinator) and in a Thanet
    incident (and a referral by the Thanet & Canterbury coordinator), both in one review."""
    reports = [_report("46/880001/26", "swale"), _report("46/880002/26", "thanet")]
    response = await casework.client.post(
        "/v1/imports/incidents", json={"reports": reports}, headers=casework.headers(casework.FEED)
    )
    assert response.json()["created"] == 2, response.text
    found: dict[str, Any] = {}
    for key, reference in (("swale", "46/880001/26"), ("thanet", "46/880002/26")):
        listed = await casework.client.get(
            "/v1/incidents", params={"crime_reference": reference}, headers=casework.headers(casework.ANALYST)
        )
        incident = (
            await casework.client.get(
                f"/v1/incidents/{listed.json()['items'][0]['id']}", headers=casework.headers(casework.ANALYST)
            )
        ).json()
        found[key] = {
            "incident": incident["id"],
            "review": incident["review_id"],
            "subject": incident["people"][0]["subject_id"],
            "reference": reference,
        }
    assert found["swale"]["subject"] == found["thanet"]["subject"]
    # one review draws in both districts (the young person's open review): both coordinators work it
    assert found["swale"]["review"] == found["thanet"]["review"]
    found["swale"]["referral"] = (await casework.refer(found["swale"], partner_agency=CSWS))["id"]
    found["thanet"]["referral"] = (
        await casework.refer(found["thanet"], casework.THANET, forum="dcsm-thanet", district="thanet")
    )["id"]
    return found


class TestYoungPersonsPage:
    async def test_each_coordinator_sees_only_their_districts_casework(self, casework: Casework) -> None:
        known = await _known_in_swale_and_thanet(casework)
        subject = known["swale"]["subject"]
        for token, own, other in (
            (casework.MEDWAY_SWALE, known["swale"], known["thanet"]),
            (casework.THANET, known["thanet"], known["swale"]),
        ):
            response = await casework.client.get(f"/v1/subjects/{subject}", headers=casework.headers(token))
            assert response.status_code == 200, response.text
            page = response.json()
            assert [i["id"] for i in page["incidents"]] == [own["incident"]]
            assert [i["crime_reference"] for i in page["incidents"]] == [own["reference"]]
            assert [r["id"] for r in page["reviews"]] == [own["review"]]
            assert [r["id"] for r in page["referrals"]] == [own["referral"]]
            for hidden in ("incident", "referral", "reference"):
                assert other[hidden] not in response.text, (token["sub"], hidden)
            # the same records on their own routes: not found for this coordinator
            for path, slug in (
                (f"/v1/incidents/{other['incident']}", "incident-not-found"),
                (f"/v1/referrals/{other['referral']}", "referral-not-found"),
            ):
                refused = await casework.client.get(path, headers=casework.headers(token))
                assert refused.status_code == 404, path
                assert refused.json()["type"].endswith(f"/{slug}"), (path, refused.text)

    async def test_the_analyst_sees_every_district(self, casework: Casework) -> None:
        known = await _known_in_swale_and_thanet(casework)
        response = await casework.client.get(
            f"/v1/subjects/{known['swale']['subject']}", headers=casework.headers(casework.ANALYST)
        )
        page = response.json()
        assert {i["id"] for i in page["incidents"]} == {known["swale"]["incident"], known["thanet"]["incident"]}
        assert [r["id"] for r in page["reviews"]] == [known["swale"]["review"]]
        assert {r["id"] for r in page["referrals"]} == {known["swale"]["referral"], known["thanet"]["referral"]}

    async def test_a_possible_duplicate_in_another_district_is_not_named(self, casework: Casework) -> None:
        swale, thanet = _report("46/880003/26", "swale"), _report("46/880004/26", "thanet")
        swale["people"][0]["police_person_id"] = "KP-880003"
        thanet["people"][0]["police_person_id"] = "KP-880004"  # same name and birth, another police id: flagged
        response = await casework.client.post(
            "/v1/imports/incidents", json={"reports": [swale, thanet]}, headers=casework.headers(casework.FEED)
        )
        assert response.json()["created"] == 2, response.text
        ids = {}
        for reference in ("46/880003/26", "46/880004/26"):
            listed = await casework.client.get(
                "/v1/incidents", params={"crime_reference": reference}, headers=casework.headers(casework.ANALYST)
            )
            incident = await casework.client.get(
                f"/v1/incidents/{listed.json()['items'][0]['id']}", headers=casework.headers(casework.ANALYST)
            )
            ids[reference] = incident.json()["people"][0]["subject_id"]
        mine, theirs = ids["46/880003/26"], ids["46/880004/26"]
        analyst = await casework.client.get(f"/v1/subjects/{mine}", headers=casework.headers(casework.ANALYST))
        assert [d["other_id"] for d in analyst.json()["possible_duplicates"]] == [theirs]
        page = await casework.client.get(f"/v1/subjects/{mine}", headers=casework.headers(casework.MEDWAY_SWALE))
        assert page.status_code == 200
        assert page.json()["possible_duplicates"] == []
        assert page.json()["possible_duplicate"] is True  # a match awaits an analyst's decision
        assert theirs not in page.text
        hidden = await casework.client.get(f"/v1/subjects/{theirs}", headers=casework.headers(casework.MEDWAY_SWALE))
        assert hidden.json()["type"].endswith("/subject-not-found")


class TestSharedReview:
    async def test_each_coordinator_sees_only_their_districts_incidents_of_it(self, casework: Casework) -> None:
        known = await _known_in_swale_and_thanet(casework)
        for token, own, other in (
            (casework.MEDWAY_SWALE, known["swale"], known["thanet"]),
            (casework.THANET, known["thanet"], known["swale"]),
        ):
            response = await casework.client.get(f"/v1/reviews/{own['review']}", headers=casework.headers(token))
            assert response.status_code == 200, response.text
            assert [i["id"] for i in response.json()["incidents"]] == [own["incident"]]
            assert other["incident"] not in response.text
            assert other["reference"] not in response.text
        everything = await casework.client.get(
            f"/v1/reviews/{known['swale']['review']}", headers=casework.headers(casework.ANALYST)
        )
        assert len(everything.json()["incidents"]) == 2


class TestDuplicateReferral:
    async def test_the_open_referral_is_named_to_whoever_may_read_it(self, casework: Casework) -> None:
        known = await _known_in_swale_and_thanet(casework)
        body = {"subject_id": known["swale"]["subject"], "forum": "dcsm-thanet", "reason": "Again."}
        for token in (casework.ANALYST, casework.THANET):
            response = await casework.client.post(
                "/v1/referrals", json=body | {"district": "thanet"}, headers=casework.headers(token)
            )
            assert response.status_code == 409, response.text
            problem = response.json()
            assert problem["type"].endswith("/duplicate-referral")
            assert problem["existing_referral_id"] == known["thanet"]["referral"]

    async def test_another_districts_open_referral_is_not_named(self, casework: Casework) -> None:
        known = await _known_in_swale_and_thanet(casework)
        # The Thanet coordinator refers the young person to the agency the Swale referral (unseen) went to.
        body = {"subject_id": known["thanet"]["subject"], "district": "thanet", "partner_agency": CSWS}
        response = await casework.client.post(
            "/v1/referrals", json=body | {"reason": "Also here."}, headers=casework.headers(casework.THANET)
        )
        assert response.status_code == 409, response.text
        problem = response.json()
        assert problem["type"].endswith("/duplicate-referral")
        assert "existing_referral_id" not in problem
        assert known["swale"]["referral"] not in response.text
        hidden = await casework.client.get(
            f"/v1/referrals/{known['swale']['referral']}", headers=casework.headers(casework.THANET)
        )
        assert hidden.json()["type"].endswith("/referral-not-found")
