"""Meetings: agendas from pending referrals, decisions and actions per young person, minutes, and overdue
actions per agency and per coordinator area."""

import uuid
from datetime import date, timedelta
from typing import Any

import httpx

from vru_dev.kits.referrals import Casework

MAM = "mam-medway-swale"
CSWS = "childrens-social-work-services"


async def meeting(casework: Casework, **body: Any) -> dict[str, Any]:
    response = await casework.client.post(
        "/v1/meetings",
        json={"forum": MAM, "held_at": "2026-11-24T10:00:00Z", **body},
        headers=casework.headers(casework.MEDWAY_SWALE),
    )
    assert response.status_code == 201, response.text
    result: dict[str, Any] = response.json()
    return result


async def decide(casework: Casework, meeting_id: str, referral_id: str, *actions: dict[str, Any]) -> httpx.Response:
    return await casework.client.post(
        f"/v1/meetings/{meeting_id}/decisions",
        json={"referral_id": referral_id, "decision": "Safety plan agreed.", "actions": list(actions)},
        headers=casework.headers(casework.MEDWAY_SWALE),
    )


def action(agency: str, days: int, description: str = "Do the agreed thing.") -> dict[str, Any]:
    return {"owner_agency": agency, "description": description, "due_on": str(date.today() + timedelta(days=days))}


class TestCreateMeeting:
    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        assert (await client.post("/v1/meetings", json={})).status_code == 401

    async def test_forbidden(self, casework: Casework) -> None:
        body = {"forum": MAM, "held_at": "2026-11-24T10:00:00Z"}
        for token in (casework.DIRECTOR, {"roles": ["partner_agency"], "agency": uuid.uuid4()}):
            refused = await casework.client.post("/v1/meetings", json=body, headers=casework.headers(token))
            assert refused.status_code == 403
            assert refused.json()["type"].endswith("/forbidden")
        outside = await casework.client.post(
            "/v1/meetings", json={**body, "forum": "dcsm-thanet"}, headers=casework.headers(casework.MEDWAY_SWALE)
        )
        assert outside.status_code == 403
        assert outside.json()["type"].endswith("/outside-your-districts")

    async def test_valid(self, casework: Casework) -> None:
        created = await meeting(casework, attending_agencies=[CSWS, "youth-justice-service"])
        assert (created["forum"]["code"], created["area"], created["districts"], created["status"]) == (
            MAM,
            "medway-swale",
            ["medway", "swale"],
            "scheduled",
        )
        assert [a["code"] for a in created["attending_agencies"]] == [CSWS, "youth-justice-service"]
        carm = await casework.client.post(
            "/v1/meetings",
            json={"forum": "carm", "held_at": "2026-11-25T10:00:00Z", "districts": ["swale"]},
            headers=casework.headers(casework.ANALYST),
        )
        assert (carm.json()["area"], carm.json()["districts"]) == ("medway-swale", ["swale"])

    async def test_invalid(self, casework: Casework) -> None:
        for body in (
            {"forum": "no-such-forum", "held_at": "2026-11-24T10:00:00Z"},
            {"forum": "carm", "held_at": "2026-11-24T10:00:00Z"},
            {"forum": MAM, "held_at": "2026-11-24T10:00:00"},
            {"forum": MAM, "held_at": "2026-11-24T10:00:00Z", "attending_agencies": ["nobody"]},
        ):
            response = await casework.client.post("/v1/meetings", json=body, headers=casework.headers(casework.ANALYST))
            assert response.status_code == 422, body


class TestAgendaAndDecisions:
    async def test_agenda_from_pending_referrals(self, casework: Casework) -> None:
        created = await meeting(casework)
        ids = await casework.young_person("46/800/26")
        pending = await casework.refer(ids, send=True, forum=MAM)
        await casework.refer(await casework.young_person("46/801/26"), forum=MAM)  # a draft: not yet sent
        await casework.refer(ids, send=True, forum="dcsm-swale")  # another forum
        path = f"/v1/meetings/{created['id']}/agenda"
        agenda = await casework.client.get(path, headers=casework.headers(casework.MEDWAY_SWALE))
        assert [i["referral_id"] for i in agenda.json()["items"]] == [pending["id"]]
        assert agenda.json()["items"][0]["subject"]["id"] == ids["subject"]
        decided = await decide(casework, created["id"], pending["id"], action(CSWS, 7))
        assert decided.status_code == 201, decided.text
        agenda = await casework.client.get(path, headers=casework.headers(casework.MEDWAY_SWALE))
        assert agenda.json()["items"] == []

    async def test_not_found(self, casework: Casework) -> None:
        created = await meeting(casework)
        for token, meeting_id in ((casework.THANET, created["id"]), (casework.ANALYST, str(uuid.uuid4()))):
            response = await casework.client.get(f"/v1/meetings/{meeting_id}/agenda", headers=casework.headers(token))
            assert response.status_code == 404
            assert response.json()["type"].endswith("/meeting-not-found")

    async def test_decision_with_actions(self, casework: Casework) -> None:
        created = await meeting(casework)
        ids = await casework.young_person("46/802/26")
        referral = await casework.refer(ids, send=True, forum=MAM)
        response = await decide(
            casework,
            created["id"],
            referral["id"],
            action(CSWS, 3, "Submit the NRM referral."),
            action("youth-justice-service", 1, "Arrange the electronic tag."),
            action("substance-misuse-service", 7, "Start weekly sessions."),
        )
        assert response.status_code == 201
        decision = response.json()
        assert (decision["referral_id"], decision["subject"]["id"]) == (referral["id"], ids["subject"])
        assert [(a["owner_agency"]["code"], a["status"], a["overdue"]) for a in decision["actions"]] == [
            ("youth-justice-service", "open", False),
            (CSWS, "open", False),
            ("substance-misuse-service", "open", False),
        ]
        shown = await casework.client.get(f"/v1/meetings/{created['id']}", headers=casework.headers(casework.ANALYST))
        assert [d["id"] for d in shown.json()["decisions"]] == [decision["id"]]
        again = await decide(casework, created["id"], referral["id"])
        assert again.status_code == 409
        assert again.json()["type"].endswith("/already-decided")
        other = await casework.refer(ids, send=True, forum="dcsm-swale")
        clash = await decide(casework, created["id"], other["id"])
        assert clash.status_code == 409
        assert clash.json()["type"].endswith("/not-on-agenda")


class TestUpdateMeeting:
    async def test_minutes_need_if_match(self, casework: Casework) -> None:
        created = await meeting(casework)
        path = f"/v1/meetings/{created['id']}"
        body = {"status": "held", "minutes": "Present: CSWS, YJS. Safety plan agreed."}
        assert (
            await casework.client.patch(path, json=body, headers=casework.headers(casework.ANALYST))
        ).status_code == 428
        held = await casework.client.patch(
            path, json=body, headers=casework.headers(casework.ANALYST, **{"If-Match": '"v1"'})
        )
        assert held.status_code == 200, held.text
        assert (held.json()["status"], held.json()["minutes"], held.headers["etag"]) == (
            "held",
            body["minutes"],
            '"v2"',
        )
        stale = await casework.client.patch(
            path, json={"minutes": "Rewritten."}, headers=casework.headers(casework.ANALYST, **{"If-Match": '"v1"'})
        )
        assert stale.status_code == 412
        back = await casework.client.patch(
            path, json={"status": "scheduled"}, headers=casework.headers(casework.ANALYST, **{"If-Match": '"v2"'})
        )
        assert back.status_code == 409
        assert back.json()["type"].endswith("/meeting-not-open")

    async def test_forbidden(self, casework: Casework) -> None:
        created = await meeting(casework)
        response = await casework.client.patch(
            f"/v1/meetings/{created['id']}", json={"minutes": "x"}, headers=casework.headers(casework.DIRECTOR)
        )
        assert response.status_code == 403
        assert response.json()["type"].endswith("/forbidden")


class TestActions:
    async def _actions(self, casework: Casework) -> dict[str, Any]:
        created = await meeting(casework)
        referral = await casework.refer(await casework.young_person("46/810/26"), send=True, forum=MAM)
        response = await decide(
            casework,
            created["id"],
            referral["id"],
            action(CSWS, -2, "Submit the NRM referral."),
            action("youth-justice-service", -1, "Arrange the electronic tag."),
            action("substance-misuse-service", 7, "Start weekly sessions."),
        )
        return {a["owner_agency"]["code"]: a for a in response.json()["actions"]}

    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        assert (await client.get("/v1/actions")).status_code == 401

    async def test_forbidden(self, casework: Casework) -> None:
        for token in (casework.AUDITOR, casework.FEED):
            refused = await casework.client.get("/v1/actions", headers=casework.headers(token))
            assert refused.status_code == 403
            assert refused.json()["type"].endswith("/forbidden")

    async def test_overdue_per_agency_and_area(self, casework: Casework) -> None:
        actions = await self._actions(casework)
        overdue = await casework.client.get(
            "/v1/actions", params={"overdue": "true"}, headers=casework.headers(casework.MEDWAY_SWALE)
        )
        assert [a["id"] for a in overdue.json()["items"]] == [
            actions[CSWS]["id"],
            actions["youth-justice-service"]["id"],
        ]
        assert all(a["overdue"] for a in overdue.json()["items"])
        of_agency = await casework.client.get(
            "/v1/actions", params={"overdue": "true", "agency": CSWS}, headers=casework.headers(casework.ANALYST)
        )
        assert [a["id"] for a in of_agency.json()["items"]] == [actions[CSWS]["id"]]
        of_other_area = await casework.client.get(
            "/v1/actions",
            params={"overdue": "true", "area": "thanet-canterbury"},
            headers=casework.headers(casework.ANALYST),
        )
        assert of_other_area.json()["items"] == []
        summary = (
            await casework.client.get("/v1/actions/overdue-summary", headers=casework.headers(casework.DIRECTOR))
        ).json()
        assert [(c["code"], c["overdue"]) for c in summary["by_agency"]] == [(CSWS, 1), ("youth-justice-service", 1)]
        assert [(c["code"], c["overdue"]) for c in summary["by_area"]] == [("medway-swale", 2)]
        theirs = (
            await casework.client.get("/v1/actions/overdue-summary", headers=casework.headers(casework.THANET))
        ).json()
        assert (theirs["by_agency"], theirs["by_area"]) == ([], [])

    async def test_the_owning_agency_sees_and_updates_its_actions(self, casework: Casework) -> None:
        partner = await casework.link_partner(CSWS)
        actions = await self._actions(casework)
        listed = await casework.client.get("/v1/actions", headers=casework.headers(partner))
        assert [a["id"] for a in listed.json()["items"]] == [actions[CSWS]["id"]]
        assert listed.json()["items"][0]["subject"]["id"] is None
        mine = f"/v1/actions/{actions[CSWS]['id']}"
        theirs = f"/v1/actions/{actions['youth-justice-service']['id']}"
        missing = await casework.client.get(theirs, headers=casework.headers(partner))
        assert missing.status_code == 404
        assert missing.json()["type"].endswith("/action-not-found")
        body = {"status": "done", "note": "NRM submitted."}
        assert (await casework.client.patch(mine, json=body, headers=casework.headers(partner))).status_code == 428
        done = await casework.client.patch(mine, json=body, headers=casework.headers(partner, **{"If-Match": '"v1"'}))
        assert done.status_code == 200, done.text
        assert (done.json()["status"], done.json()["overdue"], done.json()["completed_at"] is not None) == (
            "done",
            False,
            True,
        )
        moved = await casework.client.patch(
            mine, json={"due_on": "2027-01-01"}, headers=casework.headers(partner, **{"If-Match": '"v2"'})
        )
        assert moved.status_code == 403
        assert moved.json()["type"].endswith("/owner-only")
        entries = await casework.audit(partner["sub"])
        assert (
            entries[0][3]
            == "meeting actions shared with Children's Social Work Services (childrens-social-work-services)"
        )


class TestPlausibleCaseworkDates:
    """Issue 13 ("Trust"): casework dates are from 2000-01-01 to 10 years ahead (``referrals.plausible``)."""

    async def test_a_meeting_or_action_in_1900_or_2100_is_422_naming_the_field(self, casework: Casework) -> None:
        for held_at in ("1900-11-24T10:00:00Z", "2100-11-24T10:00:00Z"):
            response = await casework.client.post(
                "/v1/meetings", json={"forum": MAM, "held_at": held_at}, headers=casework.headers(casework.ANALYST)
            )
            assert response.status_code == 422, held_at
            problem = response.json()
            assert problem["type"].endswith("/validation-error")
            assert [e["field"] for e in problem["errors"]] == ["held_at"], problem
        ids = await casework.young_person("46/890/26")
        referral = await casework.refer(ids, forum=MAM, send=True)
        held = await meeting(casework)
        response = await decide(
            casework, held["id"], referral["id"], {"owner_agency": CSWS, "description": "Late.", "due_on": "1900-01-01"}
        )
        assert response.status_code == 422
        assert response.json()["type"].endswith("/validation-error")
        assert [e["field"] for e in response.json()["errors"]] == ["actions.0.due_on"], response.text
