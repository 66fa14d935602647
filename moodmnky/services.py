"""Writes to platform tables: API keys."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from moodmnky.errors import ValidationFailedError
from moodmnky.models import SCOPES, ApiKey, hash_key


def validate_scopes(scopes: list[str]) -> list[str]:
    unknown = sorted(set(scopes) - set(SCOPES))
    if unknown:
        raise ValidationFailedError(f"Unknown scopes: {', '.join(unknown)}. Known: {', '.join(SCOPES)}.",
                                    field="scopes")
    return sorted(set(scopes), key=SCOPES.index)


@transaction.atomic
def api_key_create(*, name: str, scopes: list[str], expires_at: datetime | None = None,
                   created_by=None) -> tuple[ApiKey, str]:
    """Create a key; returns it with the full secret, which is never stored and never shown again."""
    prefix, raw_key = ApiKey.generate()
    api_key = ApiKey.objects.create(
        name=name, prefix=prefix, hashed_key=hash_key(raw_key), scopes=validate_scopes(scopes),
        expires_at=expires_at, created_by=created_by,
    )
    return api_key, raw_key


def api_key_revoke(*, api_key: ApiKey) -> ApiKey:
    if api_key.revoked_at is None:
        api_key.revoked_at = timezone.now()
        api_key.save(update_fields=["revoked_at"])
    return api_key
