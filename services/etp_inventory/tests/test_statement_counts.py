"""Round trips per request (issue 17): a page of packs costs the same statements for 1 pack as for 50
(``vru_dev.testing.count_statements``; eager loads are a fixed number, never one per pack)."""

import httpx

from vru_dev.kits.etp_inventory import STAFF, purchase_body
from vru_dev.testing import StatementLog, TestIssuer, count_statements


async def counted(client: httpx.AsyncClient, headers: dict[str, str], limit: int) -> StatementLog:
    await client.get("/v1/packs", headers=headers, params={"limit": limit})  # warm the caches
    with count_statements() as log:
        response = await client.get("/v1/packs", headers=headers, params={"limit": limit})
    assert response.status_code == 200, response.text
    assert len(response.json()["items"]) == limit
    return log


async def test_a_page_of_50_packs_costs_what_a_page_of_1_does(client: httpx.AsyncClient, issuer: TestIssuer) -> None:
    headers = issuer.headers(**STAFF)
    received = await client.post("/v1/purchases", json=purchase_body("COUNT-1", 60), headers=headers)
    assert received.status_code == 201, received.text
    one = await counted(client, headers, 1)
    fifty = await counted(client, headers, 50)
    # one SELECT: the page with its figures (subqueries) and joined references
    assert one.count == fifty.count == 1, f"page of 1: {one}\npage of 50: {fifty}"
