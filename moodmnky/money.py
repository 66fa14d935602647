"""The store's money settings, read in one place."""

from django.conf import settings


def store_currency() -> str:
    """The ISO 4217 code every price is charged in (settings.STORE_CURRENCY)."""
    return settings.STORE_CURRENCY
