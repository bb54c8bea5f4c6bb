from vru_shared.problems import Conflict


class NotEnoughStock(Conflict):
    slug = "not-enough-stock"


class PackNotMovable(Conflict):
    slug = "pack-not-movable"
