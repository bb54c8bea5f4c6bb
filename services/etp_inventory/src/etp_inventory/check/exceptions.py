from vru_shared.problems import Conflict, Unprocessable


class PackNotAtSite(Conflict):
    slug = "pack-not-at-site"


class CheckInFuture(Unprocessable):
    slug = "check-in-future"
