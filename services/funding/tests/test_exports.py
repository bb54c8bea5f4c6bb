"""Exports of the funding reports as CSV and xlsx (issue 14, item 8): the programme officer takes the totals and an
allocation's explanation into a spreadsheet — the same figures as the JSON, columns in a documented order, money
and counts as numbers a spreadsheet can sum. Before, neither route existed (404 / 422)."""

from collections.abc import Callable
from typing import Any

import httpx

from vru_dev.testing import read_csv, read_xlsx

Headers = Callable[..., dict[str, str]]
FakePeer = Callable[..., list[httpx.Request]]
Statistics = Callable[[str, str, dict[str, int]], dict[str, Any]]

TOTALS_HEADER = [
    "financial_year",
    "area",
    "stream",
    "projects",
    "grants",
    "awarded_gbp",
    "paid_gbp",
    "spent_gbp",
    "people_served",
    "sessions_delivered",
]
ALLOCATION_HEADER = [
    "district",
    "district_name",
    "basis_value",
    "quota",
    "quota_pence",
    "bound",
    "whole_pence",
    "remainder",
    "remainder_decimal",
    "rank",
    "extra_penny",
    "tie_broken",
    "amount_pence",
    "grant_id",
]
KNIFE_LINE_2020 = "8cc3a269-e9dd-5f2f-86e5-a4d11f13974d"
COUNTS = {"medway": 7, "swale": 5, "thanet": 6}


async def test_the_totals_export_has_the_reports_groups(client: httpx.AsyncClient, as_role: Headers) -> None:
    params = {"group_by": "area", "financial_year": "2020-21"}
    report = (await client.get("/v1/reports/totals", params=params, headers=as_role("director"))).json()
    response = await client.get("/v1/reports/totals/export", params=params, headers=as_role("director"))
    assert response.status_code == 200, response.text
    assert response.headers["content-disposition"] == 'attachment; filename="funding-totals.csv"'
    rows = read_csv(response.content)
    assert rows[0] == TOTALS_HEADER
    assert [r[1] for r in rows[1:]] == [g["area"] for g in report["groups"]]
    east = next(r for r in rows if r[1] == "east-kent")
    assert (east[0], east[5], east[7]) == ("", "38000.00", "")  # pounds; spend is not split by area

    sheet = read_xlsx(
        (
            await client.get(
                "/v1/reports/totals/export", params={**params, "format": "xlsx"}, headers=as_role("analyst")
            )
        ).content
    )
    assert [c.text for c in sheet[0] if c] == TOTALS_HEADER
    row = next(r for r in sheet if r[1] and r[1].text == "east-kent")
    awarded = row[5]
    assert awarded is not None
    assert (awarded.kind, float(awarded.text)) == ("n", 38000.0)  # a number, not text

    unknown = await client.get("/v1/reports/totals/export", params={"format": "pdf"}, headers=as_role("analyst"))
    assert unknown.status_code == 422
    assert unknown.json()["type"].endswith("/validation-error")
    refused = await client.get("/v1/reports/totals/export", headers=as_role("partner_agency"))
    assert refused.status_code == 403
    assert refused.json()["type"].endswith("/forbidden")


async def test_the_allocation_export_explains_each_share_as_the_run_does(
    client: httpx.AsyncClient,
    officer: dict[str, str],
    as_role: Headers,
    fake_referrals: FakePeer,
    knife_statistics: Statistics,
) -> None:
    fake_referrals(lambda r: httpx.Response(200, json=knife_statistics("2019-04-01", "2020-03-31", COUNTS)))
    body = {
        "title": "Knife Awareness Campaign 2020/21",
        "budget_line_id": KNIFE_LINE_2020,
        "pot_pence": 1_000_000,
        "currency": "GBP",
        "basis": "knife_incidents",
        "period_from": "2019-04-01",
        "period_to": "2020-03-31",
    }
    run = (await client.post("/v1/allocations", json=body, headers=officer)).json()
    path = f"/v1/allocations/{run['id']}/export"
    response = await client.get(path, headers=officer)
    assert response.status_code == 200, response.text
    assert response.headers["content-disposition"] == f'attachment; filename="allocation-{run["id"]}.csv"'
    rows = read_csv(response.content)
    assert rows[0] == ALLOCATION_HEADER
    recipients = run["recipients"]
    assert [r[0] for r in rows[1:]] == [r["district"] for r in recipients]
    assert [int(r[12]) for r in rows[1:]] == [r["amount_pence"] for r in recipients]
    assert sum(int(r[12]) for r in rows[1:]) == 1_000_000
    assert [r[3] for r in rows[1:]] == [r["quota"] for r in recipients]

    sheet = read_xlsx((await client.get(path, params={"format": "xlsx"}, headers=officer)).content)
    amounts = [r[12] for r in sheet[1:]]
    assert all(a is not None and a.kind == "n" for a in amounts)

    # a CSP officer: only their districts' shares, as on the run itself; none of theirs: 404
    csp = read_csv((await client.get(path, headers=as_role("csp_officer", districts=["medway"]))).content)
    assert [r[0] for r in csp[1:]] == ["medway"]
    missing = await client.get(path, headers=as_role("csp_officer", districts=[]))
    assert missing.status_code == 404
    assert missing.json()["type"].endswith("/allocation-not-found")
