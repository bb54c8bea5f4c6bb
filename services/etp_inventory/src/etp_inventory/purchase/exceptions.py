from vru_shared.problems import Conflict, NotFound, Unprocessable


class PurchaseNotFound(NotFound):
    slug = "purchase-not-found"


class LotAlreadyReceived(Conflict):
    slug = "lot-already-received"


class SerialsTaken(Conflict):
    slug = "serials-taken"


class InvalidPurchase(Unprocessable):
    slug = "invalid-purchase"
