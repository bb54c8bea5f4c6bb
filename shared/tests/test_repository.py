"""The repository base against a real PostgreSQL: visibility inside the query, keyset pages, duplicates, and
the versioned update that turns a concurrent change into 412 instead of a lost update."""

from __future__ import annotations

from collections.abc import AsyncIterator
from uuid import UUID, uuid4

import pytest
from sqlalchemy import ColumnElement, String, text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.orm.exc import StaleDataError

from vru_shared.etag import Versioned
from vru_shared.pagination import PageParams
from vru_shared.repository import ScopedRepository
from vru_shared.transaction import finish

TABLE = "zz_repository_probe"


class Base(DeclarativeBase):
    pass


class Site(Versioned, Base):
    __tablename__ = TABLE

    id: Mapped[UUID] = mapped_column(primary_key=True, default=uuid4)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    district: Mapped[str] = mapped_column(String(10))
    version: Mapped[int] = mapped_column(default=1)


class SiteRepository(ScopedRepository[Site, str | None]):
    model = Site
    order = ("code", "id")

    def visible(self, scope: str | None) -> ColumnElement[bool] | None:
        return None if scope is None else Site.district == scope


@pytest.fixture
async def engine(db_urls: dict[str, str]) -> AsyncIterator[AsyncEngine]:
    engine = create_async_engine(db_urls["referrals"])
    async with engine.begin() as connection:
        await connection.execute(text(f"DROP TABLE IF EXISTS {TABLE}"))
        await connection.run_sync(Base.metadata.create_all)
    try:
        yield engine
    finally:
        async with engine.begin() as connection:
            await connection.execute(text(f"DROP TABLE IF EXISTS {TABLE}"))
        await engine.dispose()


@pytest.fixture
def sessions(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False)


async def seed(sessions: async_sessionmaker[AsyncSession]) -> dict[str, UUID]:
    async with sessions() as session:
        sites = [Site(code=f"S{i:02d}", district="MED" if i % 2 else "SWA") for i in range(6)]
        repository = SiteRepository(session)
        for site in sites:
            assert await repository.add(site)
        await session.commit()
        return {site.code: site.id for site in sites}


async def test_visibility_is_inside_the_query(sessions: async_sessionmaker[AsyncSession]) -> None:
    ids = await seed(sessions)
    async with sessions() as session:
        repository = SiteRepository(session)
        assert await repository.get_visible(ids["S01"], "MED") is not None
        assert await repository.get_visible(ids["S00"], "MED") is None  # another district's record: not found
        assert await repository.get_visible(ids["S00"], None) is not None
        page = await repository.page_visible(PageParams(limit=2), "MED")
        assert [site.code for site in page] == ["S01", "S03", "S05"]  # limit + 1, in the declared order
        assert {site.district for site in await repository.page_visible(PageParams(50), "SWA")} == {"SWA"}


async def test_add_refuses_a_duplicate_without_spoiling_the_transaction(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    await seed(sessions)
    async with sessions() as session:
        repository = SiteRepository(session)
        assert not await repository.add(Site(code="S01", district="MED"))
        assert await repository.get_by(code="S02") is not None  # the transaction is still usable


async def test_a_concurrent_change_is_refused_not_lost(sessions: async_sessionmaker[AsyncSession]) -> None:
    ids = await seed(sessions)
    async with sessions() as first, sessions() as second:
        mine = await SiteRepository(first).get(ids["S01"])
        theirs = await SiteRepository(second).get(ids["S01"])
        assert mine is not None
        assert theirs is not None
        assert mine.version == theirs.version == 1
        await SiteRepository(first).update(mine, {"district": "SWA"})
        assert mine.version == 2  # bumped by the ORM, not by hand
        await first.commit()
        with pytest.raises(StaleDataError):
            await SiteRepository(second).update(theirs, {"district": "DAR"})
        await second.rollback()
    async with sessions() as session:
        stored = await SiteRepository(session).get(ids["S01"])
        assert stored is not None
        assert (stored.district, stored.version) == ("SWA", 2)


async def test_a_stale_write_found_at_commit_is_412(sessions: async_sessionmaker[AsyncSession]) -> None:
    ids = await seed(sessions)
    async with sessions() as first, sessions() as second:
        mine = await SiteRepository(first).get(ids["S02"])
        theirs = await SiteRepository(second).get(ids["S02"])
        assert mine is not None
        assert theirs is not None
        mine.district = "MED"
        await first.commit()
        theirs.district = "DAR"  # not flushed: the transaction middleware's commit finds the conflict
        failure = await finish(second, 200, {})
        assert failure is not None
        assert failure[0] == 412
    async with sessions() as session:
        stored = await SiteRepository(session).get(ids["S02"])
        assert stored is not None
        assert (stored.district, stored.version) == ("MED", 2)
