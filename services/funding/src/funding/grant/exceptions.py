from vru_shared.problems import Conflict, Forbidden, NotFound, Unprocessable


class GrantNotFound(NotFound):
    slug = "grant-not-found"


class GrantTransitionNotAllowed(Conflict):
    slug = "grant-transition-not-allowed"


class GrantNotEditable(Conflict):
    slug = "grant-not-editable"


class FourEyes(Forbidden):
    """The person who submitted a grant may not approve it."""

    slug = "four-eyes"
    title = "Approval needs a second person"


class InvalidGrant(Unprocessable):
    slug = "invalid-grant"


class DisbursementNotFound(NotFound):
    slug = "disbursement-not-found"


class DisbursementTransitionNotAllowed(Conflict):
    slug = "disbursement-transition-not-allowed"


class ScheduleNotAllowed(Conflict):
    slug = "schedule-not-allowed"


class ScheduleExceedsAward(Conflict):
    slug = "schedule-exceeds-award"


class MonitoringReturnNotFound(NotFound):
    slug = "monitoring-return-not-found"


class AlreadySubmitted(Conflict):
    slug = "monitoring-return-already-submitted"


class ReturnNotSubmitted(Conflict):
    """Only a submitted return can be amended: submit it first."""

    slug = "monitoring-return-not-submitted"


class ReturnVersionNotFound(NotFound):
    slug = "monitoring-return-version-not-found"
