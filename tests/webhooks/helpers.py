import base64
import hashlib
import hmac
import json
from datetime import timedelta

from django.utils import timezone
from standardwebhooks import Webhook

from moodmnky.webhooks.models import WebhookDelivery


def make_due(delivery_id: int) -> None:
    """Let the clock pass to the next attempt: its time comes now."""
    WebhookDelivery.objects.filter(pk=delivery_id).update(next_attempt_at=timezone.now() - timedelta(seconds=1))


def verify_both(secret: str, headers, body: bytes) -> dict:
    """Check a received delivery independently: the standardwebhooks package for the Standard Webhooks
    headers, and a hand-written HMAC for X-Mood-Mnky-Signature. Returns the parsed body."""
    headers = dict(headers.items())
    payload = Webhook(secret).verify(body, headers)

    key = base64.b64decode(secret.removeprefix("whsec_"))
    timestamp = headers["X-Mood-Mnky-Timestamp"]
    expected = hmac.new(key, timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()
    assert hmac.compare_digest(headers["X-Mood-Mnky-Signature"], expected)
    assert timestamp == headers["Webhook-Timestamp"]
    assert json.loads(body) == payload
    return payload
