"""The URLconf walked once for the tests that must cover every API route (access matrix, query budgets)."""

from collections.abc import Iterator

from django.urls import URLPattern, URLResolver, get_resolver

API = "api/v1/"


def url_patterns(resolver: URLResolver | None = None, prefix: str = "") -> Iterator[tuple[str, URLPattern]]:
    """(full route, pattern) of every pattern of the URLconf, nested includes flattened."""
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            yield from url_patterns(pattern, prefix + str(pattern.pattern))
        else:
            yield prefix + str(pattern.pattern), pattern
