"""Pieces every catalog service uses: the "not given" marker and a save that reports unique clashes."""

from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Model

from moodmnky.errors import ValidationFailedError

UNSET: Any = object()  # "not given" in update services, where None is a value


def save_checked(instance: Model, *, field: str) -> None:
    """Save, turning a unique clash (a concurrent create won the slug or SKU) into a 400 naming `field`."""
    try:
        with transaction.atomic():
            instance.save()
    except IntegrityError as exc:
        if "unique" in str(exc).lower() or "duplicate" in str(exc).lower():
            value = getattr(instance, field)
            raise ValidationFailedError(f"`{value}` is already taken.", field=field) from None
        raise ValidationFailedError(f"The {instance._meta.verbose_name} breaks a rule: {exc}") from None
