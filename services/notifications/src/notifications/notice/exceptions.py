from vru_shared.problems import Forbidden, NotFound, Unprocessable


class NotAPerson(Forbidden):
    """Notification preferences belong to people; an API client has none."""

    slug = "notification-preferences-people-only"


class MobileNumberRequired(Unprocessable):
    slug = "mobile-number-required"


class DuplicateKind(Unprocessable):
    slug = "notice-kind-repeated"


class NotAPlatformPerson(NotFound):
    """A person's token whose subject is not an identity person id (another issuer's account)."""

    slug = "notification-person-unknown"
