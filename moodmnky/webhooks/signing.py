"""Subscription secrets and the two signatures every delivery carries (DESIGN §6, docs/webhooks.md)."""

import base64
import hashlib
import hmac
import secrets

SECRET_PREFIX = "whsec_"
SECRET_BYTES = 32  # the contract asks for at least 24


def secret_generate() -> str:
    """`whsec_` + base64 of 32 random bytes: the Standard Webhooks secret format."""
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(SECRET_BYTES)).decode()


def secret_key(secret: str) -> bytes:
    """The HMAC key: the decoded bytes after `whsec_` (ValueError for anything else)."""
    if not secret.startswith(SECRET_PREFIX):
        raise ValueError("A webhook secret starts with whsec_.")
    try:
        key = base64.b64decode(secret[len(SECRET_PREFIX):], validate=True)
    except ValueError:
        raise ValueError("A webhook secret is whsec_ followed by base64.") from None
    if len(key) < 24:
        raise ValueError("A webhook secret holds at least 24 bytes.")
    return key


def brand_signature(key: bytes, timestamp: int, body: bytes) -> str:
    """X-Mood-Mnky-Signature: hex HMAC-SHA256 over `<timestamp>.<raw body>`."""
    return hmac.new(key, f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()


def standard_signature(key: bytes, msg_id: str, timestamp: int, body: bytes) -> str:
    """webhook-signature: `v1,` + base64 HMAC-SHA256 over `<id>.<timestamp>.<raw body>`."""
    digest = hmac.new(key, f"{msg_id}.{timestamp}.".encode() + body, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


def signed_headers(*, secret: str, event_id: str, event_type: str, delivery_id: int, timestamp: int,
                   body: bytes) -> dict[str, str]:
    """Every header of a delivery request, both signatures included."""
    key = secret_key(secret)
    return {
        "Content-Type": "application/json",
        "User-Agent": "MOODMNKY-Webhooks/1.0",
        "X-Mood-Mnky-Event": event_type,
        "X-Mood-Mnky-Delivery": str(delivery_id),
        "X-Mood-Mnky-Timestamp": str(timestamp),
        "X-Mood-Mnky-Signature": brand_signature(key, timestamp, body),
        "webhook-id": event_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": standard_signature(key, event_id, timestamp, body),
    }


def verify_brand(*, secret: str, headers: dict[str, str], body: bytes) -> bool:
    """True when X-Mood-Mnky-Signature matches (used by the local receiver)."""
    headers = {name.lower(): value for name, value in headers.items()}
    timestamp = headers.get("x-mood-mnky-timestamp", "")
    if not timestamp.isdigit():
        return False
    expected = brand_signature(secret_key(secret), int(timestamp), body)
    return hmac.compare_digest(expected, headers.get("x-mood-mnky-signature", ""))


def verify_standard(*, secret: str, headers: dict[str, str], body: bytes) -> bool:
    """True when one `v1,` entry of webhook-signature matches (used by the local receiver)."""
    headers = {name.lower(): value for name, value in headers.items()}
    timestamp = headers.get("webhook-timestamp", "")
    if not timestamp.isdigit() or not headers.get("webhook-id"):
        return False
    expected = standard_signature(secret_key(secret), headers["webhook-id"], int(timestamp), body)
    return any(hmac.compare_digest(expected, candidate)
               for candidate in headers.get("webhook-signature", "").split())
