"""The funding service, as this service uses it: record the cost of a purchase against a budget line."""

import logging
from datetime import date, datetime
from typing import Literal
from uuid import UUID

from pydantic import BaseModel

from vru_shared.http_client import DownstreamError, DownstreamUnavailable, ServiceClient
from vru_shared.problems import Conflict, NotFound, Unprocessable

logger = logging.getLogger("etp_inventory.funding")


class Spend(BaseModel):
    """Funding's answer to a recorded spend (contract: ``POST /v1/budget-lines/{id}/spend``)."""

    id: UUID
    budget_line_id: UUID
    amount_pence: int
    currency: Literal["GBP"]
    description: str
    source: str
    source_reference: str
    spent_on: date
    created_at: datetime


class BudgetLineNotFound(NotFound):
    slug = "budget-line-not-found"


class BudgetExceeded(Conflict):
    slug = "budget-exceeded"


class SpendRefused(Unprocessable):
    slug = "spend-refused"


def _funding_detail(error: DownstreamError) -> str | None:
    try:
        body = error.response.json()
    except ValueError:
        return None
    detail = body.get("detail") if isinstance(body, dict) else None
    return detail if isinstance(detail, str) else None


class FundingClient:
    def __init__(self, client: ServiceClient) -> None:
        self.client = client

    async def record_spend(
        self,
        *,
        budget_line_id: UUID,
        amount_pence: int,
        description: str,
        source_reference: str,
        spent_on: date,
        idempotency_key: str,
    ) -> Spend:
        """Charge ``amount_pence`` to the budget line, exactly once per ``idempotency_key``.

        Funding's 404, 409 and 422 become this service's own problems with the same status; any failure to
        get an answer is a 503 (``DownstreamUnavailable``) with ``Retry-After``."""
        try:
            spend: Spend = await self.client.call(
                "POST",
                f"/v1/budget-lines/{budget_line_id}/spend",
                Spend,
                json={
                    "amount_pence": amount_pence,
                    "currency": "GBP",
                    "description": description,
                    "source": "etp_inventory",
                    "source_reference": source_reference,
                    "spent_on": spent_on.isoformat(),
                },
                idempotency_key=idempotency_key,
            )
        except DownstreamError as error:
            said = _funding_detail(error)
            suffix = f" Funding said: {said}" if said else ""
            if error.status_code == 404:
                raise BudgetLineNotFound(
                    f"The funding service has no budget line {budget_line_id}.{suffix}",
                    extra={"budget_line_id": str(budget_line_id)},
                ) from error
            if error.status_code == 409 and not _problem_type(error).endswith("/budget-exceeded"):
                # Not a refusal: the same Idempotency-Key is still being processed by funding. Retry shortly.
                raise DownstreamUnavailable(
                    f"The funding service is still processing this purchase's charge.{suffix}",
                    headers={"Retry-After": "1"},
                    extra={"peer": "funding"},
                ) from error
            if error.status_code == 409:
                raise BudgetExceeded(
                    f"The budget line {budget_line_id} cannot pay £{amount_pence / 100:,.2f}: it would be "
                    f"overspent.{suffix}",
                    extra={"budget_line_id": str(budget_line_id), "amount_pence": amount_pence},
                ) from error
            if error.status_code == 422:
                raise SpendRefused(f"The funding service refused the spend.{suffix}") from error
            logger.warning("funding refused our call", extra={"status": error.status_code})
            raise DownstreamUnavailable(
                f"The funding service refused this service's call ({error.status_code}). Nothing was changed.",
                headers={"Retry-After": "30"},
                extra={"peer": "funding"},
            ) from error
        if spend.amount_pence != amount_pence or spend.budget_line_id != budget_line_id:
            raise DownstreamUnavailable(
                "The funding service recorded a different spend than asked. Nothing was changed.",
                headers={"Retry-After": "30"},
                extra={"peer": "funding"},
            )
        return spend


def _problem_type(error: DownstreamError) -> str:
    try:
        body = error.response.json()
    except ValueError:
        return ""
    return str(body.get("type", "")) if isinstance(body, dict) else ""
