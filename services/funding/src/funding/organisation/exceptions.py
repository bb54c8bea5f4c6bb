from vru_shared.problems import Conflict, NotFound, Unprocessable


class OrganisationNotFound(NotFound):
    slug = "organisation-not-found"


class OrgIdTaken(Conflict):
    slug = "org-id-taken"


class DueDiligenceCheckNotFound(NotFound):
    slug = "due-diligence-check-not-found"


class CheckedInTheFuture(Unprocessable):
    slug = "due-diligence-check-in-the-future"


class DueDiligenceNotCurrent(Conflict):
    """The recipient has no passing due-diligence check within the validity period: check it before approving."""

    slug = "due-diligence-not-current"
