from vru_shared.problems import Conflict, Forbidden, NotFound, Unprocessable


class SubscriptionNotFound(NotFound):
    slug = "webhook-subscription-not-found"


class DeliveryNotFound(NotFound):
    slug = "webhook-delivery-not-found"


class NotYourAgency(Forbidden):
    slug = "not-your-agency"


class UnknownEventType(Unprocessable):
    slug = "unknown-event-type"


class InvalidWebhookUrl(Unprocessable):
    """Not an absolute http(s) URL with a host, or it carries a user name or password."""

    slug = "webhook-url-invalid"


class WebhookUrlNotHttps(Unprocessable):
    slug = "webhook-url-not-https"


class WebhookHostUnresolvable(Unprocessable):
    slug = "webhook-host-unresolvable"


class WebhookTargetNotPublic(Unprocessable):
    """The host resolves to a private, loopback, link-local, multicast or reserved address (SSRF)."""

    slug = "webhook-target-not-public"


class SubscriptionAlreadyCreated(Conflict):
    """A create retried with the ``Idempotency-Key`` that already made a subscription: its answer (with the secret)
    is never stored for a replay, so the retry names the subscription (``Location``) instead of making a second."""

    slug = "webhook-subscription-already-created"


class WebhookHostNotAllowed(Unprocessable):
    """Only the allow-listed hosts may be targets here (``NOTIFICATIONS_WEBHOOK_ALLOWED_HOSTS_ONLY``)."""

    slug = "webhook-host-not-allowed"
