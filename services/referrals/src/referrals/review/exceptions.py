from vru_shared.problems import Conflict, NotFound


class ReviewNotFound(NotFound):
    slug = "review-not-found"


class ReviewTransitionNotAllowed(Conflict):
    slug = "review-transition-not-allowed"
