from vru_shared.problems import Conflict, NotFound, Unprocessable


class FundNotFound(NotFound):
    slug = "fund-not-found"


class FundCodeTaken(Conflict):
    slug = "fund-code-taken"


class StreamNotFound(NotFound):
    slug = "funding-stream-not-found"


class StreamCodeTaken(Conflict):
    slug = "funding-stream-code-taken"


class BudgetLineNotFound(NotFound):
    slug = "budget-line-not-found"


class BudgetLineCodeTaken(Conflict):
    slug = "budget-line-code-taken"


class UnknownReference(Unprocessable):
    """A body names a fund, year or stream that does not exist."""

    slug = "unknown-reference"


class BudgetExceeded(Conflict):
    """Awards and spend on a budget line would pass its amount."""

    slug = "budget-exceeded"
    title = "Budget line exceeded"


class BudgetBelowCommitments(Conflict):
    slug = "budget-below-commitments"


class SpendNotFound(NotFound):
    slug = "spend-not-found"


class SpendConflict(Conflict):
    """The same (source, source_reference) was already recorded with different details."""

    slug = "spend-conflict"
