from vru_shared.problems import Conflict, NotFound, Unprocessable


class SupportPlanNotFound(NotFound):
    slug = "support-plan-not-found"


class InterventionNotFound(NotFound):
    slug = "intervention-not-found"


class ActivePlanExists(Conflict):
    slug = "active-support-plan-exists"


class PlanClosed(Conflict):
    slug = "support-plan-closed"


class InvalidSupport(Unprocessable):
    slug = "invalid-support-plan"
