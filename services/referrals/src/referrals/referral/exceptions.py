from vru_shared.problems import Conflict, Forbidden, NotFound, Unprocessable


class ReferralNotFound(NotFound):
    slug = "referral-not-found"


class DuplicateReferral(Conflict):
    """An open referral of the same young person to the same destination exists (named in the problem)."""

    slug = "duplicate-referral"


class ReferralTransitionNotAllowed(Conflict):
    slug = "referral-transition-not-allowed"


class LawfulBasisMissing(Conflict):
    slug = "lawful-basis-missing"


class ReferralNotEditable(Conflict):
    slug = "referral-not-editable"


class NotTheReferrer(Forbidden):
    slug = "referrer-only"


class InvalidReferral(Unprocessable):
    slug = "invalid-referral"


class SubjectMerged(Conflict):
    slug = "subject-merged"


class NotAFundedProject(Unprocessable):
    slug = "not-a-funded-project"
