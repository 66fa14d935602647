"""Reads of subscriptions and their delivery log, shaped for the API and the admin."""

from django.db.models import Prefetch, QuerySet

from moodmnky.webhooks.models import WebhookAttempt, WebhookDelivery, WebhookSubscription


def subscription_list() -> QuerySet[WebhookSubscription]:
    return WebhookSubscription.objects.order_by("-created_at", "-id")


def delivery_list(*, subscription_id: int | None = None) -> QuerySet[WebhookDelivery]:
    """Deliveries newest first with their event and attempts (oldest attempt first): three queries a page."""
    deliveries = WebhookDelivery.objects.select_related("event").prefetch_related(
        Prefetch("attempts", queryset=WebhookAttempt.objects.order_by("created_at", "id"))
    )
    if subscription_id is not None:
        deliveries = deliveries.filter(subscription_id=subscription_id)
    return deliveries.order_by("-created_at", "-id")
