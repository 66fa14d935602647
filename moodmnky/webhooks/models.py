import uuid

from django.db import models
from django.db.models import Q
from django.utils import timezone


def new_event_id() -> str:
    return f"evt_{uuid.uuid4().hex}"


class Event(models.Model):
    """Something that happened, recorded in the same transaction as the change that caused it."""

    id = models.CharField(primary_key=True, max_length=40, default=new_event_id, editable=False)
    type = models.CharField(max_length=64, db_index=True)
    data = models.JSONField()
    actor_label = models.CharField(max_length=150, blank=True)  # Actor.label of who caused it
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    # Set once deliveries exist for every matching subscription; the sweep fans out events whose
    # after-commit hook never ran (the process died between the commit and the enqueue).
    fanned_out_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.type} {self.id}"

    def payload(self) -> dict:
        """The body every subscriber receives."""
        return {"id": self.id, "type": self.type, "timestamp": self.created_at.isoformat(),
                "version": "1.0", "data": self.data}


class WebhookSubscription(models.Model):
    """An integration's endpoint and the event types it wants; `secret` keys both signatures."""

    url = models.URLField(max_length=2000)
    events = models.JSONField(default=list)  # event types, or ["*"] for every type
    secret = models.CharField(max_length=100, editable=False)
    description = models.CharField(max_length=200, blank=True)
    is_active = models.BooleanField(default=True)
    failure_count = models.PositiveIntegerField(default=0, editable=False)  # failed deliveries in a row
    disabled_reason = models.CharField(max_length=200, blank=True, editable=False)
    disabled_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "webhook subscription"

    def __str__(self) -> str:
        return self.url

    def wants(self, event_type: str) -> bool:
        return "*" in self.events or event_type in self.events

    @staticmethod
    def failing_q() -> Q:
        """Active, with failed deliveries in a row (each after all its retries)."""
        return Q(is_active=True, failure_count__gt=0)

    @staticmethod
    def disabled_q() -> Q:
        """Turned off by the delivery code (a 410 Gone, or too many failures), not by staff."""
        return Q(is_active=False) & ~Q(disabled_reason="")


class WebhookDelivery(models.Model):
    """One event for one subscription: retried until it succeeds or runs out of attempts."""

    class Status(models.TextChoices):
        PENDING = "pending"
        SUCCEEDED = "succeeded"
        FAILED = "failed"

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="deliveries")
    subscription = models.ForeignKey(WebhookSubscription, on_delete=models.CASCADE, related_name="deliveries")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempt_count = models.PositiveSmallIntegerField(default=0)  # attempts in the current round
    # The schedule's origin: the event's time, or the moment of a redelivery.
    scheduled_from = models.DateTimeField(default=timezone.now)
    # Pending: when the next attempt is due. While an attempt is in flight it is the lease's end:
    # a worker that dies mid-attempt leaves the row to be claimed again once it passes.
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    in_flight = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "webhook deliveries"
        constraints = [models.UniqueConstraint(fields=["event", "subscription"], name="webhook_delivery_once")]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self) -> str:
        return f"{self.event.type} → {self.subscription.url}"


class WebhookAttempt(models.Model):
    """One HTTP request of a delivery, as sent and as answered."""

    delivery = models.ForeignKey(WebhookDelivery, on_delete=models.CASCADE, related_name="attempts")
    number = models.PositiveSmallIntegerField()
    url = models.URLField(max_length=2000)
    request_headers = models.JSONField(default=dict)
    status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    duration_ms = models.PositiveIntegerField(default=0)
    response_excerpt = models.TextField(blank=True)
    error = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"attempt {self.number}: {self.status_code or self.error}"

    @property
    def succeeded(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300
