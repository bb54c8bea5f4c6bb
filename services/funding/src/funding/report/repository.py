from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select

from funding.financial_year.models import FinancialYear
from funding.fund.models import BudgetLine, FundingStream, Spend
from funding.grant.models import AWARDED, Disbursement, DisbursementStatus, Grant, MonitoringReturn
from funding.project.models import Project
from funding.report.schemas import TotalsDimension
from vru_shared.repository import Repository

Key = tuple[str | None, ...]


class ReportRepository(Repository[Grant]):
    """Totals of awarded grants (and spend) by year, area and stream: an aggregate, not records."""

    model = Grant

    def _grants(self, columns: Sequence[Any], year: str | None, *measures: Any) -> Any:
        stmt = (
            select(*columns, *measures)
            .select_from(Grant)
            .join(BudgetLine, BudgetLine.id == Grant.budget_line_id)
            .join(FinancialYear, FinancialYear.id == BudgetLine.financial_year_id)
            .outerjoin(FundingStream, FundingStream.id == BudgetLine.stream_id)
            .outerjoin(Project, Project.id == Grant.project_id)
            .where(Grant.status.in_([s.value for s in AWARDED]))
        )
        return stmt if year is None else stmt.where(FinancialYear.code == year)

    @staticmethod
    def _columns(dimensions: Sequence[TotalsDimension]) -> list[Any]:
        by = {
            TotalsDimension.YEAR: FinancialYear.code,
            TotalsDimension.AREA: Project.area,
            TotalsDimension.STREAM: FundingStream.code,
        }
        return [by[d].label(d.value) for d in dimensions]

    async def _grouped(self, stmt: Any, width: int) -> dict[Key, tuple[int, ...]]:
        rows = (await self.session.execute(stmt)).all()
        return {tuple(row[:width]): tuple(int(v or 0) for v in row[width:]) for row in rows}

    async def totals(self, dimensions: Sequence[TotalsDimension], year: str | None) -> dict[Key, dict[str, int | None]]:
        columns = self._columns(dimensions)
        width = len(columns)
        grouping = [column.element for column in columns]
        awards = self._grants(
            columns,
            year,
            func.count(func.distinct(Grant.project_id)),
            func.count(Grant.id),
            func.sum(Grant.amount_awarded_pence),
        )
        paid = (
            self._grants(columns, year, func.sum(Disbursement.amount_pence))
            .join(Disbursement, Disbursement.grant_id == Grant.id)
            .where(Disbursement.status == DisbursementStatus.PAID.value)
        )
        people = (
            self._grants(
                columns, year, func.sum(MonitoringReturn.people_served), func.sum(MonitoringReturn.sessions_delivered)
            )
            .join(MonitoringReturn, MonitoringReturn.grant_id == Grant.id)
            .where(MonitoringReturn.submitted_at.is_not(None))
        )
        if grouping:
            awards, paid, people = (s.group_by(*grouping) for s in (awards, paid, people))
        by_award = await self._grouped(awards, width)
        by_paid = await self._grouped(paid, width)
        by_people = await self._grouped(people, width)
        by_spend: dict[Key, tuple[int, ...]] | None = None
        if TotalsDimension.AREA not in dimensions:
            spend = (
                select(*columns, func.sum(Spend.amount_pence))
                .select_from(Spend)
                .join(BudgetLine, BudgetLine.id == Spend.budget_line_id)
                .join(FinancialYear, FinancialYear.id == BudgetLine.financial_year_id)
                .outerjoin(FundingStream, FundingStream.id == BudgetLine.stream_id)
            )
            if year is not None:
                spend = spend.where(FinancialYear.code == year)
            if grouping:
                spend = spend.group_by(*grouping)
            by_spend = await self._grouped(spend, width)
        keys = set(by_award) | set(by_paid) | set(by_people) | set(by_spend or {})
        out: dict[Key, dict[str, int | None]] = {}
        for key in keys:
            projects, grants, awarded = by_award.get(key, (0, 0, 0))
            out[key] = {
                "projects": projects,
                "grants": grants,
                "awarded_pence": awarded,
                "paid_pence": by_paid.get(key, (0,))[0],
                "spent_pence": None if by_spend is None else by_spend.get(key, (0,))[0],
                "people_served": by_people.get(key, (0, 0))[0],
                "sessions_delivered": by_people.get(key, (0, 0))[1],
            }
        return out
