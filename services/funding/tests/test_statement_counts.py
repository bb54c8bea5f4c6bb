"""Round trips per request (issue 17): a page of grants costs the same statements for 1 row as for 50
(``vru_dev.testing.count_statements``; eager loads are a fixed number, never one per grant)."""

import httpx

from vru_dev.testing import StatementLog, count_statements


async def counted(client: httpx.AsyncClient, headers: dict[str, str], limit: int) -> StatementLog:
    await client.get("/v1/grants", headers=headers, params={"limit": limit})  # warm the caches
    with count_statements() as log:
        response = await client.get("/v1/grants", headers=headers, params={"limit": limit})
    assert response.status_code == 200, response.text
    rows = len(response.json()["items"])
    assert rows == 1 if limit == 1 else rows > 30, rows  # a page of many: every seeded grant (36 today)
    return log


async def test_a_page_of_50_grants_costs_what_a_page_of_1_does(
    client: httpx.AsyncClient, officer: dict[str, str]
) -> None:
    one = await counted(client, officer, 1)
    fifty = await counted(client, officer, 50)
    # one SELECT: the page with its figures (subqueries) and joined references
    assert one.count == fifty.count == 1, f"page of 1: {one}\npage of 50: {fifty}"
