"""Time filters take a date alone as well as an RFC 3339 date-time (issue 14, "Smaller": they demanded a full
time). A date means the start of that day in UK time, so ``from=2026-11-01&to=2026-12-01`` is November."""

import pytest

from vru_dev.kits.referrals import Casework

# The kit's incident occurred at 2026-10-14T22:40:00Z: 23:40 on 14 October in UK (summer) time.


@pytest.mark.parametrize(
    ("params", "found"),
    [
        ({"occurred_from": "2026-10-14"}, True),
        ({"occurred_from": "2026-10-15"}, False),  # from 00:00 BST on the 15th = 23:00Z on the 14th: after it
        ({"occurred_to": "2026-10-15"}, True),
        ({"occurred_to": "2026-10-14"}, False),
        ({"occurred_from": "2026-10-01", "occurred_to": "2026-11-01"}, True),
        ({"occurred_from": "2026-10-14T22:41:00Z"}, False),  # a full time still works
    ],
)
async def test_incidents_take_a_day(casework: Casework, params: dict[str, str], found: bool) -> None:
    ids = await casework.young_person("46/777/26")
    response = await casework.client.get(
        "/v1/incidents",
        params={"crime_reference": "46/777/26", **params},
        headers=casework.headers(casework.ANALYST),
    )
    assert response.status_code == 200, response.text
    assert [i["id"] for i in response.json()["items"]] == ([ids["incident"]] if found else [])


@pytest.mark.parametrize(
    ("path", "name"),
    [("/v1/incidents", "occurred_from"), ("/v1/audit-log", "from"), ("/v1/meetings", "to")],
)
@pytest.mark.parametrize("value", ["2026-02-30", "14/10/2026", "2026-10-14T10:00:00", "1760000000"])
async def test_not_a_day_or_a_time(casework: Casework, path: str, name: str, value: str) -> None:
    token = casework.AUDITOR if path == "/v1/audit-log" else casework.ANALYST
    response = await casework.client.get(path, params={name: value}, headers=casework.headers(token))
    assert response.status_code == 422, response.text
    assert response.json()["type"].endswith("/validation-error")
    assert [e["field"] for e in response.json()["errors"]] == [name]


async def test_the_audit_log_takes_days(casework: Casework) -> None:
    await casework.young_person("46/778/26")
    headers = casework.headers(casework.AUDITOR)
    response = await casework.client.get("/v1/audit-log", params={"from": "2026-01-01", "limit": 1}, headers=headers)
    assert (response.status_code, len(response.json()["items"])) == (200, 1)
    response = await casework.client.get("/v1/audit-log", params={"to": "2026-01-01"}, headers=headers)
    assert (response.status_code, response.json()["items"]) == (200, [])  # before the first entry
