from vru_shared.problems import Conflict, NotFound


class ProjectReferralNotFound(NotFound):
    slug = "project-referral-not-found"


class ProjectNotFunded(Conflict):
    """No awarded grant funds the project: there are no monitoring figures to count into."""

    slug = "project-not-funded"


class ProjectReferralConflict(Conflict):
    """The referral was already counted for another project."""

    slug = "project-referral-conflict"
