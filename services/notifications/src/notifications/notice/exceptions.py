from vru_shared.problems import NotFound, Unprocessable


class MobileNumberRequired(Unprocessable):
    slug = "mobile-number-required"


class DuplicateKind(Unprocessable):
    slug = "notice-kind-repeated"


class NotAPlatformPerson(NotFound):
    """A person's token whose subject is not an identity person id (another issuer's account)."""

    slug = "notification-person-unknown"
