from vru_shared.problems import Conflict, NotFound


class DistrictNotFound(NotFound):
    slug = "district-not-found"


class CoordinatorAreaNotFound(NotFound):
    slug = "coordinator-area-not-found"


class OffenceCategoryNotFound(NotFound):
    slug = "offence-category-not-found"


class ForumNotFound(NotFound):
    slug = "forum-not-found"


class PartnerAgencyNotFound(NotFound):
    slug = "partner-agency-not-found"


class IdentityAgencyAlreadyLinked(Conflict):
    slug = "identity-agency-already-linked"


class ProjectProvidedByAnother(Conflict):
    """The funded project is already delivered by another partner agency (one provider per project)."""

    slug = "project-provider-taken"


class ProjectProviderNotFound(NotFound):
    slug = "project-provider-not-found"
