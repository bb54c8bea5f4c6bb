from vru_shared.problems import Conflict, NotFound, Unprocessable


class UseReportNotFound(NotFound):
    slug = "use-report-not-found"


class PackNotUsable(Conflict):
    slug = "pack-not-in-place"


class UsedInFuture(Unprocessable):
    slug = "used-in-future"
