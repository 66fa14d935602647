"""Hourly rate limits per tier (anonymous per IP, customer per user, admin per API key, /auth/ per IP),
failed logins per account, and the client IP behind trusted proxies.

Counted with django-ratelimit's `get_usage` in the "ratelimit" cache (Redis, or a table that never
culls a live counter), so every worker process sees one count. Runs as middleware so that every
response under /api/ (unknown URLs and errors included) carries the X-RateLimit-* headers.
"""

import functools
import hashlib
import ipaddress
import logging
import re
import time

from django.conf import settings
from django.core.cache import caches
from django_ratelimit.core import EXPIRATION_FUDGE, _get_window, _make_cache_key, _split_rate, get_usage

from moodmnky.api.authentication import resolve_api_key, resolve_bearer
from moodmnky.api.exceptions import json_error
from moodmnky.api.middleware import is_api_path
from moodmnky.cache import counter_incr, redis_client_of

logger = logging.getLogger("moodmnky.api")


def client_ip(request) -> str:
    """REMOTE_ADDR; behind BEHIND_PROXY, the X-Forwarded-For entry the outermost trusted proxy appended
    (TRUSTED_PROXY_COUNT from the right), never one the client wrote itself."""
    remote = request.META.get("REMOTE_ADDR") or "unknown"
    if not settings.BEHIND_PROXY:
        return remote
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    count = max(int(getattr(settings, "TRUSTED_PROXY_COUNT", 1)), 1)
    if len(hops) < count:
        return remote  # the request did not pass through every proxy: nothing in the header is trusted
    try:
        return str(ipaddress.ip_address(hops[-count]))
    except ValueError:
        return remote


def caller_tier(request) -> tuple[str, str]:
    """(tier, identity) after full authentication; the auth endpoints and bad, expired or ended
    credentials count against the client IP."""
    if re.match(settings.RATELIMIT_AUTH_PATHS, request.path):
        return "auth", f"ip:{client_ip(request)}"
    raw_key = request.headers.get("X-API-Key", "").strip()
    if raw_key:
        api_key = resolve_api_key(request, raw_key)
        if api_key is not None:
            return "admin", f"key:{api_key.pk}"
    elif request.headers.get("Authorization", "").startswith("Bearer "):
        authenticated = resolve_bearer(request)
        if authenticated is not None:
            return "customer", f"user:{authenticated[0].pk}"
    return "anonymous", f"ip:{client_ip(request)}"


def tier_rate(tier: str) -> str:
    return settings.RATE_LIMITS.get(tier) or settings.RATE_LIMITS["anonymous"]


def login_attempt_start(request, email: str) -> int:
    """Count a login attempt against the account `email` BEFORE its password is checked (LOGIN_FAILURE_LIMIT per
    account, whether or not it exists: nothing leaks); seconds to wait when it is over the limit, else 0.

    Counting first makes the limit hold under concurrent guesses: with check-then-count, several guesses in
    flight at once all passed the check before any was counted. A login that succeeds gives its attempt back
    (`login_attempt_succeeded`), so only failures stay counted.
    """
    usage = _login_failures(request, email, increment=True)
    if usage is None or usage["count"] <= usage["limit"]:
        return 0
    return max(usage["time_left"], 1)


def login_attempt_succeeded(request, email: str) -> None:
    """Give back the attempt `login_attempt_start` counted: the password was right."""
    key, _ = _counter_key(LOGIN_FAILURES, _account(email), settings.LOGIN_FAILURE_LIMIT)
    try:
        caches[settings.RATELIMIT_USE_CACHE].decr(key)
    except ValueError:  # the window ended meanwhile: nothing to give back
        pass
    except Exception:  # the cache is down: it failed open when counting too
        logger.exception("Login-failure counter unavailable")


LOGIN_FAILURES = "auth:login-failures"


def _account(email: str) -> str:
    return hashlib.sha256(email.strip().lower().encode()).hexdigest()


def _login_failures(request, email: str, *, increment: bool) -> dict | None:
    account = _account(email)
    try:
        return get_usage(request, group=LOGIN_FAILURES, key=lambda group, req: account,
                         rate=settings.LOGIN_FAILURE_LIMIT, increment=increment)
    except Exception:  # the cache is down: fail open, as the hourly limits do
        logger.exception("Login-failure counter unavailable")
        return None


def request_usage(request, *, group: str, identity: str, rate: str) -> dict | None:
    """Count this request against `identity` in `group`: django-ratelimit's get_usage (same keys, windows and
    answer), but on Redis in one round trip instead of two (its add() then incr())."""
    counters = caches[settings.RATELIMIT_USE_CACHE]
    if redis_client_of(counters) is None or not getattr(settings, "RATELIMIT_ENABLE", True):
        return get_usage(request, group=group, key=lambda group, req: identity, rate=rate, increment=True)
    limit, period = _split_rate(rate)
    key, window = _counter_key(group, identity, rate)
    count = counter_incr(counters, key, period + EXPIRATION_FUDGE)
    if count is None:  # as get_usage answers when the counter could not be read
        return None if settings.RATELIMIT_FAIL_OPEN else {"count": 0, "limit": 0, "should_limit": True, "time_left": -1}
    return {"count": count, "limit": limit, "should_limit": count > limit, "time_left": window - int(time.time())}


def _counter_key(group: str, identity: str, rate: str) -> tuple[str, int]:
    """(key, end of window) get_usage counts `identity` under in `group` now: django-ratelimit's own key and
    window helpers (pinned version), so our one-round-trip counter and get_usage count in one counter."""
    window = _get_window(identity, _split_rate(rate)[1])
    return _key_in_window(group, window, rate, identity), window


@functools.lru_cache(maxsize=4096)
def _key_in_window(group: str, window: int, rate: str, identity: str) -> str:
    """django-ratelimit's key (a hash of its parts), computed once per caller and window, not on every request."""
    return _make_cache_key(group, window, rate, identity, get_usage.ALL)


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
            usage = request_usage(request, group=f"api:{tier}", identity=identity, rate=tier_rate(tier))
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
