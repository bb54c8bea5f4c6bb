from vru_shared.problems import Conflict, NotFound, Unprocessable


class AllocationNotFound(NotFound):
    slug = "allocation-not-found"


class AllocationInfeasible(Unprocessable):
    slug = "allocation-infeasible"


class InvalidAllocation(Unprocessable):
    slug = "invalid-allocation"


class AlreadyCommitted(Conflict):
    slug = "allocation-already-committed"


class NoCsuOrganisation(Conflict):
    slug = "no-csu-organisation"
