"""Platform tables: API keys for admin integrations and idempotency records."""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone

SCOPES = [
    "products:read", "products:write", "inventory:read", "inventory:write",
    "orders:read", "orders:write", "customers:read", "customers:write",
    "blends:read", "blends:write", "discounts:read", "discounts:write", "webhooks:manage",
]
KEY_PREFIX = "mnky_"


def hash_key(raw_key: str) -> str:
    """Keys carry 256 random bits, so a fast hash is enough to make the stored value useless."""
    return hashlib.sha256(raw_key.encode()).hexdigest()


class ApiKeyQuerySet(models.QuerySet):
    def usable(self):
        now = timezone.now()
        return self.filter(revoked_at__isnull=True).filter(
            models.Q(expires_at__isnull=True) | models.Q(expires_at__gt=now)
        )


class ApiKey(models.Model):
    """A scoped key for an admin integration; only its hash and a lookup prefix are stored."""

    name = models.CharField(max_length=100)
    prefix = models.CharField(max_length=16, unique=True, editable=False)
    hashed_key = models.CharField(max_length=64, editable=False)
    scopes = models.JSONField(default=list)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    expires_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = ApiKeyQuerySet.as_manager()

    class Meta:
        verbose_name = "API key"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @staticmethod
    def generate() -> tuple[str, str]:
        """Return (prefix, full key); the key is `mnky_<prefix>_<secret>`."""
        prefix = secrets.token_hex(4)
        return prefix, f"{KEY_PREFIX}{prefix}_{secrets.token_urlsafe(32)}"

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def is_expired(self) -> bool:
        return self.expires_at is not None and self.expires_at <= timezone.now()

    def has_scope(self, scope: str) -> bool:
        """A `:write` scope includes its `:read`."""
        if scope in self.scopes:
            return True
        resource, _, action = scope.partition(":")
        return action == "read" and f"{resource}:write" in self.scopes


class IdempotencyRecord(models.Model):
    """The stored outcome of a request sent with an Idempotency-Key, per caller."""

    class State(models.TextChoices):
        IN_PROGRESS = "in_progress"
        COMPLETED = "completed"

    caller = models.CharField(max_length=100)
    key = models.CharField(max_length=255)
    request_hash = models.CharField(max_length=64)
    state = models.CharField(max_length=20, choices=State.choices, default=State.IN_PROGRESS)
    response_status = models.PositiveSmallIntegerField(null=True)
    response_body = models.BinaryField(null=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["caller", "key"], name="idempotency_caller_key_unique")]
        indexes = [models.Index(fields=["created_at"])]

    def __str__(self) -> str:
        return f"{self.caller} {self.key} ({self.state})"


class EndedSession(models.Model):
    """A login session (the `sid` every token of one login carries) that was ended: by logout, or because
    one of its refresh tokens was presented again after rotation. Its tokens are refused at once.

    Kept until `expires_at`, when every token the session could have issued has expired anyway.
    """

    sid = models.CharField(max_length=64, unique=True)
    ended_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"session {self.sid} ended {self.ended_at:%Y-%m-%d %H:%M}"
