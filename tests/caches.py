from django.conf import settings
from django.core.cache import cache, caches


def clear_caches() -> None:
    """Empty the cached reads and the rate-limit counters (their own cache where one is configured)."""
    cache.clear()
    if "ratelimit" in settings.CACHES:
        caches["ratelimit"].clear()
