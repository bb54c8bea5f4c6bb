from vru_shared.problems import Conflict, NotFound


class SubjectNotFound(NotFound):
    slug = "subject-not-found"


class DuplicateFlagNotFound(NotFound):
    slug = "possible-duplicate-not-found"


class DuplicateAlreadyResolved(Conflict):
    slug = "possible-duplicate-resolved"
