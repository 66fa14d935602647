"""Hourly rate limits per tier (anonymous per IP, customer per user, admin per API key).

Counted with django-ratelimit's `get_usage` in the shared cache (Redis, or the database cache
table), so every worker process sees one count. Runs as middleware so that every response under
/api/ (unknown URLs and errors included) carries the X-RateLimit-* headers.
"""

import logging
import re
import time

from django.conf import settings
from django_ratelimit.core import get_usage
from rest_framework_simplejwt.exceptions import TokenError
from rest_framework_simplejwt.tokens import AccessToken

from moodmnky.api.authentication import resolve_api_key
from moodmnky.api.exceptions import json_error
from moodmnky.api.middleware import is_api_path

logger = logging.getLogger("moodmnky.api")


def client_ip(request) -> str:
    """REMOTE_ADDR, or the first X-Forwarded-For hop when BEHIND_PROXY is on (a client cannot spoof it otherwise)."""
    if settings.BEHIND_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[0].strip()
    return request.META.get("REMOTE_ADDR") or "unknown"


def caller_tier(request) -> tuple[str, str]:
    """(tier, identity) of the caller, from the credentials it sends; bad credentials count as anonymous."""
    raw_key = request.headers.get("X-API-Key", "").strip()
    if raw_key:
        api_key = resolve_api_key(request, raw_key)
        if api_key is not None:
            return "admin", f"key:{api_key.pk}"
    auth = request.headers.get("Authorization", "")
    if auth.startswith("Bearer "):
        try:
            token = AccessToken(auth[len("Bearer "):].strip())
            return "customer", f"user:{token[settings.SIMPLE_JWT['USER_ID_CLAIM']]}"
        except (TokenError, KeyError):
            pass
    return "anonymous", f"ip:{client_ip(request)}"


class RateLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_api_path(request.path) or any(
            re.match(pattern, request.path) for pattern in settings.RATELIMIT_EXEMPT_PATHS
        ):
            return self.get_response(request)
        tier, identity = caller_tier(request)
        try:
            usage = get_usage(
                request,
                group=f"api:{tier}",
                key=lambda group, req: identity,
                rate=settings.RATE_LIMITS[tier],
                increment=True,
            )
        except Exception:  # the cache is down: serve without limits (health reports "degraded")
            logger.exception("Rate-limit counter unavailable")
            usage = None
        if usage is None:
            return self.get_response(request)
        if usage["should_limit"]:
            retry_after = max(usage["time_left"], 1)
            response = json_error(request, 429, "rate_limited",
                                  f"Rate limit of {usage['limit']} requests per hour exceeded; "
                                  f"retry in {retry_after} seconds.")
            response["Retry-After"] = str(retry_after)
        else:
            response = self.get_response(request)
        response["X-RateLimit-Limit"] = str(usage["limit"])
        response["X-RateLimit-Remaining"] = str(max(usage["limit"] - usage["count"], 0))
        response["X-RateLimit-Reset"] = str(int(time.time()) + max(usage["time_left"], 0))
        return response
