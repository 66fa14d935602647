"""SSRF guard: which webhook URLs may be called, and the checked address to connect to."""

import ipaddress
import socket
from urllib.parse import urlsplit

from django.conf import settings

from moodmnky.webhooks.errors import UnsafeWebhookUrlError


def _resolve(host: str, port: int) -> list[str]:
    """Every address `host` resolves to (tests replace socket.getaddrinfo to fake DNS)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise UnsafeWebhookUrlError(f"The host {host!r} does not resolve.") from exc
    return list(dict.fromkeys(info[4][0] for info in infos))


def is_public_address(address: str) -> bool:
    """False for private, loopback, link-local, multicast, reserved, unspecified and other non-global ranges."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped  # ::ffff:127.0.0.1 is 127.0.0.1
    return not (ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast or ip.is_reserved
                or ip.is_unspecified or not ip.is_global)


def split_url(url: str) -> tuple[str, str, int]:
    """(scheme, host, port) of an http(s) URL with a host, or UnsafeWebhookUrlError."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise UnsafeWebhookUrlError("The URL is not valid.") from exc
    if parts.scheme not in ("http", "https"):
        raise UnsafeWebhookUrlError("Only http and https URLs can receive webhooks.")
    if not parts.hostname:
        raise UnsafeWebhookUrlError("The URL has no host.")
    if parts.username or parts.password:
        raise UnsafeWebhookUrlError("The URL may not carry credentials; use the signing secret to authenticate.")
    return parts.scheme, parts.hostname, port or (443 if parts.scheme == "https" else 80)


def target_address(url: str) -> str:
    """The address to connect to for `url`, after checking every address its host resolves to.

    Called when a subscription is saved and again before every attempt; the sender connects to the
    address returned here, so a DNS answer that changes in between (rebinding) cannot redirect it.
    With WEBHOOK_ALLOW_PRIVATE_URLS on, private and loopback addresses are allowed (development, tests).
    """
    _scheme, host, port = split_url(url)
    addresses = _resolve(host, port)
    if not addresses:
        raise UnsafeWebhookUrlError(f"The host {host!r} does not resolve.")
    if not settings.WEBHOOK_ALLOW_PRIVATE_URLS:
        refused = [address for address in addresses if not is_public_address(address)]
        if refused:
            raise UnsafeWebhookUrlError(
                f"The host {host!r} resolves to a private, loopback, link-local or reserved address "
                f"({refused[0]}); webhooks are only sent to public addresses."
            )
    return addresses[0]
