"""Referrals: drafting with the lawful basis, the 409 for a duplicate, the lifecycle, updates that cannot be
lost, and what a partner agency sees of the referrals sent to it."""

import uuid

import httpx

from vru_dev.kits.referrals import Casework

CSWS = "childrens-social-work-services"


class TestCreateReferral:
    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        assert (await client.post("/v1/referrals", json={})).status_code == 401

    async def test_forbidden(self, casework: Casework) -> None:
        ids = await casework.young_person("46/700/26")
        body = {"subject_id": ids["subject"], "district": "swale", "forum": "carm", "reason": "Concerns."}
        for token in (casework.DIRECTOR, casework.AUDITOR, {"roles": ["partner_agency"], "agency": uuid.uuid4()}):
            response = await casework.client.post("/v1/referrals", json=body, headers=casework.headers(token))
            assert response.status_code == 403, token
            assert response.json()["type"].endswith("/forbidden"), token

    async def test_not_found(self, casework: Casework) -> None:
        ids = await casework.young_person("46/701/26", "thanet")
        body = {"subject_id": ids["subject"], "district": "thanet", "forum": "carm", "reason": "Concerns."}
        response = await casework.client.post(
            "/v1/referrals", json=body, headers=casework.headers(casework.MEDWAY_SWALE)
        )
        assert response.status_code == 404
        assert response.json()["type"].endswith("/subject-not-found")
        body["subject_id"] = str(uuid.uuid4())
        response = await casework.client.post("/v1/referrals", json=body, headers=casework.headers(casework.ANALYST))
        assert response.status_code == 404
        assert response.json()["type"].endswith("/subject-not-found")

    async def test_valid(self, casework: Casework) -> None:
        ids = await casework.young_person("46/702/26")
        response = await casework.client.post(
            "/v1/referrals",
            json={
                "subject_id": ids["subject"],
                "review_id": ids["review"],
                "forum": "mam-medway-swale",
                "reason": "Exploited.",
            },
            headers=casework.headers(casework.MEDWAY_SWALE),
        )
        assert response.status_code == 201, response.text
        body = response.json()
        assert response.headers["location"] == f"/v1/referrals/{body['id']}"
        assert response.headers["etag"] == '"v1"'
        assert (body["view"], body["status"], body["district"], body["review_id"]) == (
            "full",
            "draft",
            "swale",
            ids["review"],
        )
        assert body["destination"]["code"] == "mam-medway-swale"
        assert (body["lawful_basis"], body["consent"]) == (None, None)
        assert [e["kind"] for e in body["events"]] == ["created"]

    async def test_a_duplicate_open_referral_is_refused_naming_it(self, casework: Casework) -> None:
        ids = await casework.young_person("46/703/26")
        first = await casework.refer(ids, partner_agency=CSWS)
        again = await casework.client.post(
            "/v1/referrals",
            json={"subject_id": ids["subject"], "district": "swale", "partner_agency": CSWS, "reason": "Again."},
            headers=casework.headers(casework.ANALYST),
        )
        assert again.status_code == 409
        assert again.json()["type"].endswith("/duplicate-referral")
        assert again.json()["existing_referral_id"] == first["id"]
        assert first["id"] in again.json()["detail"]
        other_destination = await casework.refer(ids, partner_agency="youth-justice-service")
        assert other_destination["status"] == "draft"
        await casework.move(first["id"], "withdrawn", reason="Referred in error.")
        assert (await casework.refer(ids, partner_agency=CSWS))["id"] != first["id"]

    async def test_invalid(self, casework: Casework) -> None:
        ids = await casework.young_person("46/704/26")
        base = {"subject_id": ids["subject"], "district": "swale", "reason": "Exploited."}
        bodies = [
            {**base, "forum": "carm", "partner_agency": CSWS},
            {**base},
            {**base, "forum": "carm", "lawful_basis": "consent", "consent": "refused"},
            {**base, "forum": "carm", "lawful_basis": "public_task"},
            {**base, "forum": "carm", "surprise": True},
            {**base, "forum": "no-such-forum"},
        ]
        for body in bodies:
            response = await casework.client.post(
                "/v1/referrals", json=body, headers=casework.headers(casework.ANALYST)
            )
            assert response.status_code == 422, body


class TestTransitions:
    async def test_lawful_basis_before_sending(self, casework: Casework) -> None:
        ids = await casework.young_person("46/710/26")
        draft = await casework.refer(ids, partner_agency=CSWS, lawful_basis=None, consent=None)
        path = f"/v1/referrals/{draft['id']}"
        refused = await casework.client.post(
            path + "/transitions", json={"to": "sent"}, headers=casework.headers(casework.MEDWAY_SWALE)
        )
        assert refused.status_code == 409
        assert refused.json()["type"].endswith("/lawful-basis-missing")
        patched = await casework.client.patch(
            path,
            json={
                "lawful_basis": "public_task",
                "consent": "not_sought",
                "sharing_note": "Asking would put him at risk.",
            },
            headers=casework.headers(casework.MEDWAY_SWALE, **{"If-Match": '"v1"'}),
        )
        assert patched.status_code == 200, patched.text
        sent = await casework.move(draft["id"], "sent")
        assert (sent["status"], sent["lawful_basis"], sent["consent"]) == ("sent", "public_task", "not_sought")
        assert sent["sent_at"] is not None

    async def test_a_draft_without_a_basis_can_be_withdrawn(self, casework: Casework) -> None:
        ids = await casework.young_person("46/715/26")
        draft = await casework.refer(ids, partner_agency=CSWS, lawful_basis=None, consent=None)
        withdrawn = await casework.move(draft["id"], "withdrawn", reason="Referred to the wrong service.")
        assert (withdrawn["status"], withdrawn["status_reason"]) == ("withdrawn", "Referred to the wrong service.")

    async def test_lifecycle(self, casework: Casework) -> None:
        ids = await casework.young_person("46/711/26")
        referral = await casework.refer(ids, send=True, partner_agency="national-referral-mechanism")
        await casework.move(referral["id"], "accepted")
        await casework.move(referral["id"], "in_progress")
        done = await casework.move(referral["id"], "completed", outcome="Positive reasonable-grounds decision.")
        assert (done["status"], done["outcome"]) == ("completed", "Positive reasonable-grounds decision.")
        assert done["closed_at"] is not None
        assert [e["to_status"] for e in done["events"]] == ["draft", "sent", "accepted", "in_progress", "completed"]
        again = await casework.client.post(
            f"/v1/referrals/{referral['id']}/transitions",
            json={"to": "withdrawn", "reason": "Too late."},
            headers=casework.headers(casework.MEDWAY_SWALE),
        )
        assert again.status_code == 409
        assert again.json()["type"].endswith("/referral-transition-not-allowed")
        assert again.json()["allowed"] == []

    async def test_reasons_and_outcomes_are_required(self, casework: Casework) -> None:
        ids = await casework.young_person("46/712/26")
        referral = await casework.refer(ids, send=True, partner_agency=CSWS)
        for body in (
            {"to": "rejected"},
            {"to": "withdrawn"},
            {"to": "completed"},
            {"to": "accepted", "outcome": "x" * 5},
        ):
            response = await casework.client.post(
                f"/v1/referrals/{referral['id']}/transitions", json=body, headers=casework.headers(casework.ANALYST)
            )
            assert response.status_code == 422, body
        rejected = await casework.move(referral["id"], "rejected", reason="Already open to our service.")
        assert rejected["status_reason"] == "Already open to our service."

    async def test_stale_if_match(self, casework: Casework) -> None:
        ids = await casework.young_person("46/713/26")
        referral = await casework.refer(ids, partner_agency=CSWS)
        response = await casework.client.post(
            f"/v1/referrals/{referral['id']}/transitions",
            json={"to": "sent"},
            headers=casework.headers(casework.MEDWAY_SWALE, **{"If-Match": '"v7"'}),
        )
        assert response.status_code == 412
        assert response.headers["etag"] == '"v1"'

    async def test_sending_is_a_disclosure_in_the_audit_log(self, casework: Casework) -> None:
        ids = await casework.young_person("46/714/26")
        referral = await casework.refer(ids, send=True, partner_agency=CSWS)
        entries = await casework.audit("coordinator-ms")
        assert (
            "disclose",
            "referral",
            [referral["id"], ids["subject"]],
            "referral sent to Children's Social Work Services (childrens-social-work-services)",
            None,
        ) in entries


class TestUpdateReferral:
    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        assert (await client.patch(f"/v1/referrals/{uuid.uuid4()}", json={"note": "Hello."})).status_code == 401

    async def test_forbidden(self, casework: Casework) -> None:
        ids = await casework.young_person("46/720/26")
        referral = await casework.refer(ids, partner_agency=CSWS)
        response = await casework.client.patch(
            f"/v1/referrals/{referral['id']}", json={"note": "Hello."}, headers=casework.headers(casework.DIRECTOR)
        )
        assert response.status_code == 403
        assert response.json()["type"].endswith("/forbidden")

    async def test_not_found(self, casework: Casework) -> None:
        ids = await casework.young_person("46/721/26")
        referral = await casework.refer(ids, partner_agency=CSWS)
        for token in (casework.THANET, casework.ANALYST):
            path = f"/v1/referrals/{referral['id'] if token is casework.THANET else uuid.uuid4()}"
            response = await casework.client.patch(
                path, json={"note": "Hello."}, headers=casework.headers(token, **{"If-Match": '"v1"'})
            )
            assert response.status_code == 404
            assert response.json()["type"].endswith("/referral-not-found")

    async def test_if_match_is_required(self, casework: Casework) -> None:
        ids = await casework.young_person("46/722/26")
        referral = await casework.refer(ids, partner_agency=CSWS)
        path = f"/v1/referrals/{referral['id']}"
        missing = await casework.client.patch(
            path, json={"note": "Hi there."}, headers=casework.headers(casework.ANALYST)
        )
        assert missing.status_code == 428
        stale = await casework.client.patch(
            path, json={"note": "Hi there."}, headers=casework.headers(casework.ANALYST, **{"If-Match": '"v0"'})
        )
        assert stale.status_code == 412

    async def test_two_changes_from_the_same_read_one_wins(self, casework: Casework) -> None:
        ids = await casework.young_person("46/723/26")
        referral = await casework.refer(ids, partner_agency=CSWS)
        path = f"/v1/referrals/{referral['id']}"
        etag = (await casework.client.get(path, headers=casework.headers(casework.ANALYST))).headers["etag"]
        first = await casework.client.patch(
            path,
            json={"reason": "First reason given."},
            headers=casework.headers(casework.ANALYST, **{"If-Match": etag}),
        )
        second = await casework.client.patch(
            path,
            json={"reason": "Second reason given."},
            headers=casework.headers(casework.MEDWAY_SWALE, **{"If-Match": etag}),
        )
        assert (first.status_code, second.status_code) == (200, 412)
        assert first.headers["etag"] == '"v2"'
        current = (await casework.client.get(path, headers=casework.headers(casework.ANALYST))).json()
        assert (current["reason"], current["version"]) == ("First reason given.", 2)

    async def test_the_reason_is_fixed_once_sent(self, casework: Casework) -> None:
        ids = await casework.young_person("46/724/26")
        referral = await casework.refer(ids, send=True, partner_agency=CSWS)
        response = await casework.client.patch(
            f"/v1/referrals/{referral['id']}",
            json={"reason": "Something else now."},
            headers=casework.headers(casework.ANALYST, **{"If-Match": f'"v{referral["version"]}"'}),
        )
        assert response.status_code == 409
        assert response.json()["type"].endswith("/referral-not-editable")
        noted = await casework.client.patch(
            f"/v1/referrals/{referral['id']}",
            json={"note": "Family told of the referral."},
            headers=casework.headers(casework.ANALYST, **{"If-Match": f'"v{referral["version"]}"'}),
        )
        assert noted.status_code == 200
        assert noted.json()["events"][-1] == {
            **noted.json()["events"][-1],
            "kind": "note",
            "note": "Family told of the referral.",
        }


class TestListReferrals:
    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        assert (await client.get("/v1/referrals")).status_code == 401

    async def test_forbidden(self, casework: Casework) -> None:
        for token in (casework.AUDITOR, casework.FEED, {"roles": ["guardian"]}):
            refused = await casework.client.get("/v1/referrals", headers=casework.headers(token))
            assert refused.status_code == 403
            assert refused.json()["type"].endswith("/forbidden")

    async def test_coordinators_see_their_districts(self, casework: Casework) -> None:
        swale = await casework.refer(await casework.young_person("46/730/26"), partner_agency=CSWS)
        thanet_ids = await casework.young_person("46/731/26", "thanet")
        thanet = await casework.refer(thanet_ids, casework.THANET, partner_agency=CSWS)
        mine = await casework.client.get("/v1/referrals", headers=casework.headers(casework.MEDWAY_SWALE))
        assert [r["id"] for r in mine.json()["items"]] == [swale["id"]]
        everyone = await casework.client.get("/v1/referrals", headers=casework.headers(casework.DIRECTOR))
        assert [r["id"] for r in everyone.json()["items"]] == [thanet["id"], swale["id"]]
        drafts = await casework.client.get(
            "/v1/referrals", params={"status": "sent"}, headers=casework.headers(casework.DIRECTOR)
        )
        assert drafts.json()["items"] == []
        other = await casework.client.get(
            f"/v1/referrals/{thanet['id']}", headers=casework.headers(casework.MEDWAY_SWALE)
        )
        assert other.status_code == 404
        assert other.json()["type"].endswith("/referral-not-found")

    async def test_the_young_persons_page_lists_referrals(self, casework: Casework) -> None:
        ids = await casework.young_person("46/732/26")
        referral = await casework.refer(ids, forum="mam-medway-swale")
        page = (
            await casework.client.get(f"/v1/subjects/{ids['subject']}", headers=casework.headers(casework.ANALYST))
        ).json()
        assert [(r["id"], r["status"], r["destination"]["code"]) for r in page["referrals"]] == [
            (referral["id"], "draft", "mam-medway-swale")
        ]


class TestPartnerAgency:
    async def test_sees_exactly_the_referrals_sent_to_it(self, casework: Casework) -> None:
        partner = await casework.link_partner(CSWS)
        ids = await casework.young_person("46/740/26")
        sent = await casework.refer(ids, send=True, partner_agency=CSWS)
        draft = await casework.refer(await casework.young_person("46/741/26"), partner_agency=CSWS)
        elsewhere = await casework.refer(ids, send=True, partner_agency="youth-justice-service")
        forum = await casework.refer(ids, send=True, forum="mam-medway-swale")
        listed = await casework.client.get("/v1/referrals", headers=casework.headers(partner))
        assert listed.status_code == 200
        assert [r["id"] for r in listed.json()["items"]] == [sent["id"]]
        shared = await casework.client.get(f"/v1/referrals/{sent['id']}", headers=casework.headers(partner))
        body = shared.json()
        assert body["view"] == "shared"
        assert set(body["subject"]) == {"given_name", "family_name", "date_of_birth"}
        assert "review_id" not in body
        for other in (draft, elsewhere, forum):
            response = await casework.client.get(f"/v1/referrals/{other['id']}", headers=casework.headers(partner))
            assert response.status_code == 404
            assert response.json()["type"].endswith("/referral-not-found")

    async def test_nothing_else_is_visible(self, casework: Casework) -> None:
        partner = await casework.link_partner(CSWS)
        ids = await casework.young_person("46/742/26")
        for path in (
            "/v1/reviews",
            f"/v1/reviews/{ids['review']}",
            "/v1/incidents",
            f"/v1/incidents/{ids['incident']}",
            "/v1/subjects",
            f"/v1/subjects/{ids['subject']}",
            "/v1/meetings",
            "/v1/support-plans",
            "/v1/actions/overdue-summary",
        ):
            refused = await casework.client.get(path, headers=casework.headers(partner))
            assert refused.status_code == 403, path
            assert refused.json()["type"].endswith("/forbidden"), path

    async def test_accepts_and_updates(self, casework: Casework) -> None:
        partner = await casework.link_partner(CSWS)
        referral = await casework.refer(await casework.young_person("46/743/26"), send=True, partner_agency=CSWS)
        path = f"/v1/referrals/{referral['id']}"
        accepted = await casework.move(referral["id"], "accepted", partner)
        assert accepted["view"] == "shared"
        updated = await casework.client.patch(
            path,
            json={"agency_reference": "CSWS-2026-1187", "note": "Allocated to a social worker."},
            headers=casework.headers(partner, **{"If-Match": f'"v{accepted["version"]}"'}),
        )
        assert updated.status_code == 200, updated.text
        assert updated.json()["agency_reference"] == "CSWS-2026-1187"
        not_theirs = await casework.client.patch(
            path,
            json={"reason": "Rewritten."},
            headers=casework.headers(partner, **{"If-Match": updated.headers["etag"]}),
        )
        assert not_theirs.status_code == 403
        assert not_theirs.json()["type"].endswith("/referrer-only")
        withdraw = await casework.client.post(
            path + "/transitions", json={"to": "withdrawn", "reason": "No."}, headers=casework.headers(partner)
        )
        assert withdraw.status_code == 403
        assert withdraw.json()["type"].endswith("/referrer-only")

    async def test_reads_are_audited_with_the_agency(self, casework: Casework) -> None:
        partner = await casework.link_partner(CSWS)
        ids = await casework.young_person("46/744/26")
        referral = await casework.refer(ids, send=True, partner_agency=CSWS)
        await casework.client.get("/v1/referrals", headers=casework.headers(partner))
        await casework.client.get(f"/v1/referrals/{referral['id']}", headers=casework.headers(partner))
        purpose = "referral shared with Children's Social Work Services (childrens-social-work-services)"
        expected = ("read", "referral", [referral["id"], ids["subject"]], purpose, str(partner["agency"]))
        assert await casework.audit(partner["sub"]) == [expected, expected]

    async def test_an_unlinked_agency_sees_nothing(self, casework: Casework) -> None:
        referral = await casework.refer(await casework.young_person("46/745/26"), send=True, partner_agency=CSWS)
        stranger = {"roles": ["partner_agency"], "agency": uuid.uuid4()}
        listed = await casework.client.get("/v1/referrals", headers=casework.headers(stranger))
        assert listed.json()["items"] == []
        response = await casework.client.get(f"/v1/referrals/{referral['id']}", headers=casework.headers(stranger))
        assert response.status_code == 404
        assert response.json()["type"].endswith("/referral-not-found")
