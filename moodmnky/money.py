"""The store's currency: every price the shop shows or charges is in it."""

from django.conf import settings


def store_currency() -> str:
    """The ISO 4217 code of every price (`STORE_CURRENCY`)."""
    return settings.STORE_CURRENCY
