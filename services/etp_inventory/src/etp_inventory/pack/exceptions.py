from vru_shared.problems import Conflict, NotFound, Unprocessable


class PackNotFound(NotFound):
    slug = "pack-not-found"


class ComponentNotInPack(NotFound):
    slug = "component-not-in-pack"


class PackNotInStock(Conflict):
    slug = "pack-not-in-stock"


class InvalidExpiry(Unprocessable):
    slug = "invalid-expiry"
