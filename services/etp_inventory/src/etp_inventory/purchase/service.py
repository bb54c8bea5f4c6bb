import uuid
from collections.abc import Sequence
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from etp_inventory.clients.funding import FundingClient
from etp_inventory.kit_type.repository import KitTypeRepository
from etp_inventory.location.repository import LocationRepository
from etp_inventory.movement.models import MovementKind
from etp_inventory.movement.service import record
from etp_inventory.pack.models import PackStatus
from etp_inventory.purchase.exceptions import InvalidPurchase, LotAlreadyReceived, PurchaseNotFound, SerialsTaken
from etp_inventory.purchase.models import Purchase
from etp_inventory.purchase.repository import PurchaseRepository
from etp_inventory.purchase.schemas import PurchaseCreate
from vru_shared.auth import Principal
from vru_shared.pagination import PageParams

#: Purchase ids are uuid5 of the supplier and lot, so a retried receipt keeps its id (and its funding key).
PURCHASE_NAMESPACE = uuid.UUID("5d3c1b2a-8e7f-4a6b-9c0d-1e2f3a4b5c6d")


def supplier_key(supplier: str) -> str:
    return " ".join(supplier.lower().split())


def purchase_id_for(supplier: str, lot_number: str) -> UUID:
    return uuid.uuid5(PURCHASE_NAMESPACE, f"{supplier_key(supplier)}\n{lot_number}")


def funding_idempotency_key(purchase_id: UUID) -> str:
    return f"etp-purchase-{purchase_id}"


async def list_purchases(session: AsyncSession, *, page: PageParams) -> Sequence[Purchase]:
    return await PurchaseRepository(session).page(page, descending=True)


async def get_purchase(session: AsyncSession, *, purchase_id: UUID) -> Purchase:
    purchase = await PurchaseRepository(session).get(purchase_id)
    if purchase is None:
        raise PurchaseNotFound(f"There is no purchase {purchase_id}.")
    return purchase


async def receive(
    session: AsyncSession, *, principal: Principal, data: PurchaseCreate, funding: FundingClient
) -> Purchase:
    """Record the lot, its packs and their "received" ledger entries; then charge funding; only then may the
    request's transaction commit. If funding refuses or cannot answer, the exception rolls everything back."""
    repo = PurchaseRepository(session)
    kits = KitTypeRepository(session)
    kit_type = await kits.get_by(code=data.kit_type)
    if kit_type is None:
        raise InvalidPurchase(f"There is no kit type '{data.kit_type}'.")
    parts = kit_type.parts
    given = {c.component: c.expires_on for c in data.component_expiries}
    expiring = {p.component for p in parts if p.shelf_life_months is not None}
    in_kit = {p.component for p in parts}
    problems = []
    if missing := sorted(expiring - given.keys()):
        problems.append(f"give the expiry of: {', '.join(missing)}")
    if not_in_kit := sorted(given.keys() - in_kit):
        problems.append(f"not in a {data.kit_type} pack: {', '.join(not_in_kit)}")
    if never := sorted((given.keys() & in_kit) - expiring):
        problems.append(f"these do not expire: {', '.join(never)}")
    if stale := sorted(c for c, d in given.items() if d <= data.received_on):
        problems.append(f"already out of date on arrival: {', '.join(stale)}")
    if problems:
        raise InvalidPurchase("The component expiries are not right: " + "; ".join(problems) + ".")

    purchase_id = purchase_id_for(data.supplier, data.lot_number)
    if await repo.get(purchase_id) is not None:
        raise LotAlreadyReceived(
            f"Lot {data.lot_number} from {data.supplier} was already received.",
            extra={"purchase_id": str(purchase_id)},
        )
    prefix = data.serial_prefix or data.lot_number
    serials = [f"{prefix}-{n:04d}" for n in range(1, data.quantity + 1)]
    if taken := await repo.serials_taken(serials):
        raise SerialsTaken(
            f"Serials {', '.join(taken)}… already belong to other packs; give another serial_prefix.",
            extra={"taken": taken},
        )
    purchase = Purchase(
        id=purchase_id,
        supplier=data.supplier,
        supplier_key=supplier_key(data.supplier),
        lot_number=data.lot_number,
        kit_type_id=kit_type.id,
        quantity=data.quantity,
        unit_cost_pence=data.unit_cost_pence,
        currency="GBP",
        budget_line_id=data.budget_line_id,
        received_on=data.received_on,
        received_by=principal.subject,
        received_by_name=principal.name,
    )
    if not await repo.add(purchase):
        raise LotAlreadyReceived(f"Lot {data.lot_number} from {data.supplier} was already received.")
    expiry_by_component = {p.component_type_id: given.get(p.component) for p in parts}
    dates = [d for d in expiry_by_component.values() if d is not None]
    pack_expires_on = min(dates) if dates else None
    store = await LocationRepository(session).central_store()
    received = [(uuid.uuid4(), serial) for serial in serials]
    packs = [
        {
            "id": pack_id,
            "public_id": uuid.uuid4(),
            "serial": serial,
            "kit_type_id": kit_type.id,
            "purchase_id": purchase_id,
            "status": PackStatus.IN_STOCK.value,
            "location_id": store.id,
            "expires_on": pack_expires_on,
            "needs_attention": False,
            "version": 1,
        }
        for pack_id, serial in received
    ]
    await repo.add_lot(
        [
            {"purchase_id": purchase_id, "component_type_id": component_id, "expires_on": expires_on}
            for component_id, expires_on in expiry_by_component.items()
        ],
        packs,
        [
            {
                "pack_id": pack_id,
                "component_type_id": part.component_type_id,
                "quantity": part.quantity,
                "expires_on": expiry_by_component[part.component_type_id],
                "replaced_at": None,
            }
            for pack_id, _ in received
            for part in parts
        ],
    )
    await record(
        session,
        principal=principal,
        kind=MovementKind.RECEIVED,
        packs=received,
        origin=None,
        destination=store,
        reason=f"Lot {data.lot_number} from {data.supplier}",
        reference_id=purchase_id,
    )
    total = data.quantity * data.unit_cost_pence
    spend = await funding.record_spend(
        budget_line_id=data.budget_line_id,
        amount_pence=total,
        description=f"{data.quantity} × {kit_type.name}, lot {data.lot_number} from {data.supplier}",
        source_reference=str(purchase_id),
        spent_on=data.received_on,
        idempotency_key=funding_idempotency_key(purchase_id),
    )
    await repo.update(purchase, {"funding_spend_id": spend.id})
    return await get_purchase(session, purchase_id=purchase_id)
