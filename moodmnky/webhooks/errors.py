from moodmnky.errors import ConflictError, NotFoundError, ValidationFailedError


class UnsafeWebhookUrlError(ValidationFailedError):
    """The URL is not http(s) or resolves to an address webhooks may not reach (SSRF guard)."""

    message = "This URL cannot receive webhooks."
    field = "url"


class WebhookNotFoundError(NotFoundError):
    message = "No such webhook subscription."


class DeliveryInFlightError(ConflictError):
    message = "An attempt of this delivery is in flight right now; try again in a few seconds."


class SubscriptionDisabledError(ConflictError):
    message = "This webhook subscription is disabled; turn it back on (is_active) first."
