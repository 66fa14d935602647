"""A client library for accessing MOOD MNKY Commerce API"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
