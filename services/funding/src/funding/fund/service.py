from collections.abc import Sequence
from datetime import UTC, datetime
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from funding.budget import BudgetUsageRepository
from funding.financial_year.repository import FinancialYearRepository
from funding.fund.exceptions import (
    BudgetBelowCommitments,
    BudgetExceeded,
    BudgetLineCodeTaken,
    BudgetLineNotFound,
    FundCodeTaken,
    FundNotFound,
    SpendConflict,
    SpendNotFound,
    StreamCodeTaken,
    StreamNotFound,
    UnknownReference,
)
from funding.fund.models import BudgetLine, Fund, FundingStream, Spend
from funding.fund.repository import BudgetLineRepository, FundingStreamRepository, FundRepository, SpendRepository
from funding.fund.schemas import BudgetLineCreate, BudgetLineUpdate, FundCreate, SpendCreate, StreamCreate
from funding.money import pounds
from vru_shared.auth import Principal
from vru_shared.etag import check_if_match
from vru_shared.pagination import PageParams

# --- funds and streams --------------------------------------------------------------------------------


async def list_funds(session: AsyncSession, *, page: PageParams) -> Sequence[Fund]:
    return await FundRepository(session).page(page)


async def get_fund(session: AsyncSession, *, fund_id: UUID) -> Fund:
    fund = await FundRepository(session).get(fund_id)
    if fund is None:
        raise FundNotFound(f"There is no fund {fund_id}.")
    return fund


async def create_fund(session: AsyncSession, *, data: FundCreate) -> Fund:
    fund = Fund(code=data.code, name=data.name, source=data.source, description=data.description)
    if not await FundRepository(session).add(fund):
        raise FundCodeTaken(f"A fund with code '{data.code}' already exists.")
    return fund


async def list_streams(session: AsyncSession, *, page: PageParams) -> Sequence[FundingStream]:
    return await FundingStreamRepository(session).page(page)


async def get_stream(session: AsyncSession, *, code: str) -> FundingStream:
    stream = await FundingStreamRepository(session).get_by(code=code)
    if stream is None:
        raise StreamNotFound(f"There is no funding stream '{code}'.")
    return stream


async def create_stream(session: AsyncSession, *, data: StreamCreate) -> FundingStream:
    stream = FundingStream(code=data.code, name=data.name, description=data.description)
    if not await FundingStreamRepository(session).add(stream):
        raise StreamCodeTaken(f"A funding stream with code '{data.code}' already exists.")
    return stream


# --- budget lines ---------------------------------------------------------------------------------------


async def list_budget_lines(
    session: AsyncSession, *, page: PageParams, year: str | None, stream: str | None, fund_id: UUID | None
) -> Sequence[BudgetLine]:
    return await BudgetLineRepository(session).filtered(page, year=year, stream=stream, fund_id=fund_id)


async def get_budget_line(session: AsyncSession, *, line_id: UUID) -> BudgetLine:
    line = await BudgetLineRepository(session).get(line_id)
    if line is None:
        raise BudgetLineNotFound(f"There is no budget line {line_id}.")
    return line


async def create_budget_line(session: AsyncSession, *, data: BudgetLineCreate) -> BudgetLine:
    if await FundRepository(session).get(data.fund_id) is None:
        raise UnknownReference(f"There is no fund {data.fund_id}.")
    year = await FinancialYearRepository(session).get_by(code=data.financial_year)
    if year is None:
        raise UnknownReference(f"There is no financial year '{data.financial_year}'.")
    stream_id = None
    if data.stream is not None:
        stream = await FundingStreamRepository(session).get_by(code=data.stream)
        if stream is None:
            raise UnknownReference(f"There is no funding stream '{data.stream}'.")
        stream_id = stream.id
    line = BudgetLine(
        fund_id=data.fund_id,
        financial_year_id=year.id,
        stream_id=stream_id,
        code=data.code,
        name=data.name,
        amount_pence=data.amount_pence,
        currency="GBP",
    )
    if not await BudgetLineRepository(session).add(line):
        raise BudgetLineCodeTaken(f"The fund already has a line '{data.code}' in {data.financial_year}.")
    return await get_budget_line(session, line_id=line.id)


async def update_budget_line(
    session: AsyncSession, *, line_id: UUID, data: BudgetLineUpdate, if_match: str | None
) -> BudgetLine:
    """Rename or re-amount the (locked) line; the ORM checks and bumps its version."""
    repo = BudgetLineRepository(session)
    line = await repo.lock(line_id)
    if line is None:
        raise BudgetLineNotFound(f"There is no budget line {line_id}.")
    check_if_match(if_match, line.version)
    amount = data.amount_pence
    if amount is not None and amount != line.amount_pence:
        awarded, spent = await BudgetUsageRepository(session).usage(line_id)
        if amount < awarded + spent:
            raise BudgetBelowCommitments(
                f"{pounds(awarded + spent)} is already awarded or spent on this line; "
                f"it cannot be cut to {pounds(amount)}.",
                extra={"awarded_pence": awarded, "spent_pence": spent},
            )
    changes = data.model_dump(exclude_none=True)
    if any(getattr(line, name) != value for name, value in changes.items()):
        await repo.update(line, {**changes, "updated_at": datetime.now(UTC)})
    return await get_budget_line(session, line_id=line_id)


async def ensure_room(session: AsyncSession, line: BudgetLine, extra_pence: int, what: str) -> None:
    """Raise 409 budget-exceeded unless ``extra_pence`` more fits on the (locked) line."""
    awarded, spent = await BudgetUsageRepository(session).usage(line.id)
    available = line.amount_pence - awarded - spent
    if extra_pence > available:
        raise BudgetExceeded(
            f"{what} of {pounds(extra_pence)} would exceed budget line '{line.name}': "
            f"{pounds(line.amount_pence)} of which {pounds(awarded)} is awarded and {pounds(spent)} spent, "
            f"{pounds(available)} available.",
            extra={
                "budget_line_id": str(line.id),
                "amount_pence": line.amount_pence,
                "awarded_pence": awarded,
                "spent_pence": spent,
                "available_pence": available,
                "requested_pence": extra_pence,
            },
        )


# --- spend -------------------------------------------------------------------------------------------------


def _same(spend: Spend, line_id: UUID, data: SpendCreate) -> bool:
    return (spend.budget_line_id, spend.amount_pence, spend.description, spend.spent_on) == (
        line_id,
        data.amount_pence,
        data.description,
        data.spent_on,
    )


def _repeat(existing: Spend, line_id: UUID, data: SpendCreate) -> tuple[Spend, bool]:
    if not _same(existing, line_id, data):
        raise SpendConflict(
            f"{data.source} '{data.source_reference}' was already recorded with different details "
            f"({pounds(existing.amount_pence)} on line {existing.budget_line_id}).",
            extra={"existing_spend_id": str(existing.id)},
        )
    return existing, False


async def record_spend(
    session: AsyncSession, *, line_id: UUID, data: SpendCreate, principal: Principal
) -> tuple[Spend, bool]:
    """Record spend; (record, created). A repeat with the same details returns the first record."""
    line = await BudgetLineRepository(session).lock(line_id)
    if line is None:
        raise BudgetLineNotFound(f"There is no budget line {line_id}.")
    repo = SpendRepository(session)
    existing = await repo.get_by(source=data.source, source_reference=data.source_reference)
    if existing is not None:
        return _repeat(existing, line_id, data)
    await ensure_room(session, line, data.amount_pence, "Spend")
    spend = Spend(
        budget_line_id=line_id,
        amount_pence=data.amount_pence,
        currency="GBP",
        description=data.description,
        source=data.source,
        source_reference=data.source_reference,
        spent_on=data.spent_on,
        recorded_by=principal.client_id or principal.subject,
    )
    if not await repo.add(spend):  # recorded meanwhile against another line
        existing = await repo.get_by(source=data.source, source_reference=data.source_reference)
        assert existing is not None
        return _repeat(existing, line_id, data)
    return spend, True


async def get_spend(session: AsyncSession, *, spend_id: UUID) -> Spend:
    spend = await SpendRepository(session).get(spend_id)
    if spend is None:
        raise SpendNotFound(f"There is no spend record {spend_id}.")
    return spend


async def list_spend(session: AsyncSession, *, line_id: UUID, page: PageParams) -> Sequence[Spend]:
    await get_budget_line(session, line_id=line_id)
    return await SpendRepository(session).of_line(line_id, page)
