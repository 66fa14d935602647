"""Test settings: the app's settings with a few overrides. Database and cache still come from the
environment, so the same suite runs on SQLite and on PostgreSQL + Redis."""

import os

os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("SECRET_KEY", "test-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz")
os.environ.setdefault("JWT_SIGNING_KEY", "test-only-jwt-signing-key-0123456789abcdefghijklmnop")
os.environ.setdefault("HTTPS_ONLY", "0")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("CACHE_KEY_PREFIX", f"moodmnky-test-{os.getpid()}")
# `make test` runs the suite in several pytest-xdist worker processes. Each gets a database of its own
# (pytest-django appends the worker id) and a Redis database of its own: the tests clear the cache
# between tests, and django-redis's clear() empties the whole Redis database, not just one prefix.
# The base URL is kept in TEST_REDIS_BASE_URL: a subprocess of a worker (a db_worker the test starts with these
# settings) inherits PYTEST_XDIST_WORKER and the worker's REDIS_URL, and must not add the number again (on gw1,
# base 14 became 16: no such database).
_XDIST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
if _XDIST_WORKER.startswith("gw") and os.environ.get("REDIS_URL"):
    from urllib.parse import urlsplit

    _redis = urlsplit(os.environ.setdefault("TEST_REDIS_BASE_URL", os.environ["REDIS_URL"]))
    _redis_db = int(_redis.path.strip("/") or 0) + int(_XDIST_WORKER[2:])
    os.environ["REDIS_URL"] = _redis._replace(path=f"/{_redis_db}").geturl()

from decimal import Decimal  # noqa: E402

from moodmnky.settings import *  # noqa: E402,F403

# Fast password hashing: the suite creates many accounts.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Mail goes to django.core.mail.outbox.
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tasks run inline at enqueue time unless a test uses the database backend on purpose.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "database": {"BACKEND": "django_tasks_db.DatabaseBackend"},  # for tests of the real queue + worker
}
# Rate limits high enough that ordinary tests never hit them; rate-limit tests lower them.
RATE_LIMITS = {"anonymous": "100000/h", "customer": "100000/h", "admin": "100000/h", "auth": "100000/h"}
LOGIN_FAILURE_LIMIT = "100000/15m"
ADMIN_LOGIN_LIMITS = {"ip": "100000/15m", "account": "100000/15m"}
# No 30-day order history in seed_demo (about 10 s a call); tests/orders/test_demo.py seeds a short one itself.
DEMO_ORDER_HISTORY_DAYS = 0
# Uploaded media in a throwaway folder.
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
WEBHOOK_ALLOW_PRIVATE_URLS = True
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
# Without Redis, the suite uses a per-process memory cache so that query counts (which would include
# the database cache table's queries) are the same on SQLite and on PostgreSQL + Redis. The database
# cache table itself is exercised by tests that switch to it explicitly.
# The rate-limit counters likewise get a memory cache of their own (tests of the counter table switch to it).
if not REDIS_URL:  # noqa: F405
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests"},
              "ratelimit": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "counters"}}
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]
# The store's money settings, pinned: cart totals, shipping and loyalty tests assert these exact figures,
# whatever STORE_CURRENCY, SHIPPING_*, FREE_SHIPPING_THRESHOLD or TAX_RATE the environment sets.
STORE_CURRENCY = "USD"
SHIPPING_RATES = {
    "standard": {"cost": Decimal("6.95"), "carrier": "USPS", "days": (3, 7)},
    "express": {"cost": Decimal("19.95"), "carrier": "UPS", "days": (1, 2)},
}
FREE_SHIPPING_THRESHOLD = Decimal("75.00")
TAX_RATE = Decimal("0")
LOYALTY_TIERS = [("bronze", 0), ("silver", 500), ("gold", 1500), ("platinum", 5000)]
