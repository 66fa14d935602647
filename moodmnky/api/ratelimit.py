"""Hourly rate limits per tier (anonymous per IP, customer per user, admin per API key, /auth/ per IP),
failed logins per account, and the client IP behind trusted proxies.

Counted with django-ratelimit's `get_usage` in the "ratelimit" cache (Redis, or a table that never
culls a live counter), so every worker process sees one count. Runs as middleware so that every
response under /api/ (unknown URLs and errors included) carries the X-RateLimit-* headers.

An anonymous GET is counted once its view is known: a view that reads the cache first (http_cache.cache_first)
makes the count in its own cache round trip when the counters and the response cache share a Redis
(`deferred_count`, `settle_count`); any other view is counted before it runs, as before.
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
from moodmnky.cache import Count, counter_incr, redis_client_of, same_redis

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
    limit, period = _rate_parts(rate)
    key, window = _counter_key(group, identity, rate)
    count = counter_incr(counters, key, period + EXPIRATION_FUDGE)
    if count is None:  # as get_usage answers when the counter could not be read
        return None if settings.RATELIMIT_FAIL_OPEN else {"count": 0, "limit": 0, "should_limit": True, "time_left": -1}
    return _usage_of(count, limit, window)


def _usage_of(count: int, limit: int, window: int) -> dict:
    """get_usage's answer for a count made in our own round trip, and the end of its window (X-RateLimit-Reset)."""
    return {"count": count, "limit": limit, "should_limit": count > limit, "time_left": window - int(time.time()),
            "reset": window}


def _counter_key(group: str, identity: str, rate: str) -> tuple[str, int]:
    """(key, end of window) get_usage counts `identity` under in `group` now: django-ratelimit's own key and
    window helpers (pinned version), so our one-round-trip counter and get_usage count in one counter."""
    window = _get_window(identity, _rate_parts(rate)[1])
    return _key_in_window(group, window, rate, identity), window


_rate_parts = functools.lru_cache(maxsize=64)(_split_rate)  # (limit, period) of "100/h": parsed once per rate


@functools.lru_cache(maxsize=4096)
def _key_in_window(group: str, window: int, rate: str, identity: str) -> str:
    """django-ratelimit's key (a hash of its parts), computed once per caller and window, not on every request."""
    return _make_cache_key(group, window, rate, identity, get_usage.ALL)


def limited_response(request, usage: dict):
    """The 429 of a request over its limit (the X-RateLimit-* headers are added by the middleware)."""
    retry_after = max(usage["time_left"], 1)
    response = json_error(request, 429, "rate_limited",
                          f"Rate limit of {usage['limit']} requests per hour exceeded; retry in {retry_after} seconds.")
    response["Retry-After"] = str(retry_after)
    return response


class _Deferred:
    """An anonymous GET's count, not made yet: its view may make it in its own cache round trip."""

    __slots__ = ("counters", "group", "identity", "rate", "window", "settled", "usage")

    def __init__(self, counters, group: str, identity: str, rate: str):
        self.counters, self.group, self.identity, self.rate = counters, group, identity, rate
        self.window, self.settled, self.usage = None, False, None


def deferred_count(request) -> Count | None:
    """The count the rate limiter left to this request's view (to make in its cache read), or None."""
    deferred = getattr(request, "_ratelimit_deferred", None)
    if deferred is None or deferred.settled:
        return None
    key, deferred.window = _counter_key(deferred.group, deferred.identity, deferred.rate)
    return Count(deferred.counters, key, _rate_parts(deferred.rate)[1] + EXPIRATION_FUDGE)


def settle_count(request, count: int | None):
    """Record the count the view made (None: the counters were unreachable, the request is not limited); the 429
    to answer when the request is over its limit, else None."""
    deferred = request._ratelimit_deferred
    if count is None:
        logger.error("Rate-limit counter unavailable")
        return _settled(request, deferred, None)
    # The window of the counter the view incremented (deferred_count), not one worked out again now.
    return _settled(request, deferred, _usage_of(count, _rate_parts(deferred.rate)[0], deferred.window))


def count_deferred(request):
    """Count now a request whose count was left to its view (the view will not read the cache first); the 429 to
    answer when it is over its limit, else None."""
    deferred = getattr(request, "_ratelimit_deferred", None)
    if deferred is None or deferred.settled:
        return None
    return _settled(request, deferred, _usage(request, deferred.group, deferred.identity, deferred.rate))


def _settled(request, deferred: _Deferred, usage: dict | None):
    deferred.settled, deferred.usage = True, usage
    return limited_response(request, usage) if usage is not None and usage["should_limit"] else None


def _usage(request, group: str, identity: str, rate: str) -> dict | None:
    try:
        return request_usage(request, group=group, identity=identity, rate=rate)
    except Exception:  # the cache is down: serve without limits (health reports "degraded")
        logger.exception("Rate-limit counter unavailable")
        return None


def _counters_beside_the_cache():
    """The counters' cache when it shares the response cache's Redis (a view can count in its read), else None."""
    if not getattr(settings, "RATELIMIT_ENABLE", True):
        return None
    try:
        counters = caches[settings.RATELIMIT_USE_CACHE]
    except Exception:  # no such cache: counted (and failing open) the usual way
        return None
    return counters if same_redis(counters, caches["default"]) else None


@functools.lru_cache(maxsize=8)
def _exempt(patterns: tuple[str, ...]) -> re.Pattern:
    """RATELIMIT_EXEMPT_PATHS as one pattern, compiled once."""
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns) or "(?!)")


class RateLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_api_path(request.path) or _exempt(tuple(settings.RATELIMIT_EXEMPT_PATHS)).match(request.path):
            return self.get_response(request)
        tier, identity = caller_tier(request)
        group, rate = f"api:{tier}", tier_rate(tier)
        counters = _counters_beside_the_cache() if tier == "anonymous" and request.method == "GET" else None
        if counters is not None:
            deferred = request._ratelimit_deferred = _Deferred(counters, group, identity, rate)
            response = self.get_response(request)  # process_view, or the view itself, counts the request
            if not deferred.settled:  # no view ran (an unknown URL): counted now
                response = count_deferred(request) or response
            usage = deferred.usage
        else:
            usage = _usage(request, group, identity, rate)
            if usage is None:
                return self.get_response(request)
            response = limited_response(request, usage) if usage["should_limit"] else self.get_response(request)
        if usage is None:
            return response
        response["X-RateLimit-Limit"] = str(usage["limit"])
        response["X-RateLimit-Remaining"] = str(max(usage["limit"] - usage["count"], 0))
        # The window's end; get_usage (the database counters) gives only the seconds left when it counted.
        now = int(time.time())
        response["X-RateLimit-Reset"] = str(max(usage.get("reset", now + usage["time_left"]), now))
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        """Count a deferred request before its view runs, unless the view makes the count in its cache read."""
        if getattr(view_func, "counts_in_its_read", False):
            return None
        return count_deferred(request)
