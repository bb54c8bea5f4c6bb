from vru_shared.problems import Forbidden, NotFound, Unprocessable


class LocationNotFound(NotFound):
    slug = "location-not-found"


class SiteNotFound(NotFound):
    slug = "site-not-found"


class CspNotFound(NotFound):
    slug = "csp-not-found"


class GuardianNotAssigned(NotFound):
    slug = "guardian-not-assigned"


class NotYourDistrict(Forbidden):
    slug = "not-your-district"


class LockCodeRequired(Unprocessable):
    slug = "lock-code-required"


class NotAGuardian(Unprocessable):
    """Only an active person with the guardian role can be made a site's guardian."""

    slug = "not-a-guardian"
