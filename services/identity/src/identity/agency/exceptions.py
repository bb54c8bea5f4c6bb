from vru_shared.problems import Conflict, NotFound


class AgencyNotFound(NotFound):
    slug = "agency-not-found"


class AgencyCodeTaken(Conflict):
    slug = "agency-code-taken"
