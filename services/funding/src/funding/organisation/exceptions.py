from vru_shared.problems import Conflict, NotFound


class OrganisationNotFound(NotFound):
    slug = "organisation-not-found"


class OrgIdTaken(Conflict):
    slug = "org-id-taken"
