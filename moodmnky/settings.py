"""One settings module for every environment: production differs only by environment variables."""

import os
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
JWT_SIGNING_KEY = os.environ.get("JWT_SIGNING_KEY", "")
if not DEBUG and (not SECRET_KEY or not JWT_SIGNING_KEY):
    raise ImproperlyConfigured("SECRET_KEY and JWT_SIGNING_KEY are required when DEBUG is off.")
# Development only (DEBUG on): throwaway keys so `make run` needs no setup; never used in production.
SECRET_KEY = SECRET_KEY or "dev-only-insecure-secret-key-change-me-" + "x" * 20
JWT_SIGNING_KEY = JWT_SIGNING_KEY or "dev-only-insecure-jwt-signing-key-" + "y" * 20

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "corsheaders",
    "rest_framework",
    "rest_framework_simplejwt.token_blacklist",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_tasks",
    "moodmnky",
    "moodmnky.webhooks",
    "customers",
    "catalog",
    "blends",
    "carts",
    "orders",
    # After moodmnky, whose `db_worker` (the library's worker, reconnecting after a lost database) replaces its own.
    "django_tasks_db",
]

MIDDLEWARE = [
    "moodmnky.api.middleware.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "moodmnky.api.middleware.NotModifiedMiddleware",  # outside CommonMiddleware, which writes the length
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "moodmnky.api.middleware.ApiErrorMiddleware",
    "moodmnky.api.ratelimit.RateLimitMiddleware",
    "moodmnky.api.http_cache.CacheFirstMiddleware",
]

# Benchmarks only (`make bench`, docs/performance.md): a directory for per-worker counters. When set, the
# counting middleware runs first and the bare ceiling view answers at /bench/ceiling/; never set it in production.
BENCH_STATS_DIR = os.environ.get("BENCH_STATS_DIR", "")
if BENCH_STATS_DIR:
    MIDDLEWARE.insert(0, "moodmnky.bench.BenchStatsMiddleware")

ROOT_URLCONF = "moodmnky.urls"
WSGI_APPLICATION = "moodmnky.wsgi.application"
ASGI_APPLICATION = "moodmnky.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Database: SQLite file by default; DATABASE_URL selects PostgreSQL (psycopg 3) in production and CI.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL + a busy timeout let the API and the worker share the file without "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set, else the database cache table, which every worker process
# shares (a per-process memory cache would count each worker separately).
# Rate-limit counters get a cache of their own that never evicts a live counter: Redis (give it a
# `noeviction` or `volatile-ttl` policy, or a Redis of its own via RATELIMIT_REDIS_URL), else a
# dedicated table whose cull deletes expired rows only (moodmnky.cache.CounterDatabaseCache).
REDIS_URL = os.environ.get("REDIS_URL", "")
RATELIMIT_REDIS_URL = os.environ.get("RATELIMIT_REDIS_URL", REDIS_URL)
CACHE_KEY_PREFIX = os.environ.get("CACHE_KEY_PREFIX", "moodmnky")
# A Redis that stops answering costs a request at most this long per call (then the feature's outage rule
# applies, docs/reliability.md "Faults"); without it a black-holed Redis would hold requests for minutes.
REDIS_TIMEOUT_SECONDS = float(os.environ.get("REDIS_TIMEOUT_SECONDS", "1"))
# Rendered catalog bodies each process keeps by their ETag (moodmnky.cache.RecentBodies): a cache hit reads only
# which ETag is current and serves the bytes from here.
RECENT_BODIES_BYTES = int(os.environ.get("RECENT_BODIES_BYTES", str(16 * 1024 * 1024)))


def redis_cache(url: str, key_prefix: str, *, fail_open: bool) -> dict:
    """A django-redis cache: `fail_open` serves misses and drops writes while Redis is unreachable (the
    response cache); otherwise errors reach the caller, which decides (the rate-limit counters)."""
    client = "FailOpenRedisClient" if fail_open else "PrefixScopedRedisClient"
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": key_prefix,
        "OPTIONS": {"CLIENT_CLASS": f"moodmnky.cache.{client}",
                    "SOCKET_CONNECT_TIMEOUT": REDIS_TIMEOUT_SECONDS, "SOCKET_TIMEOUT": REDIS_TIMEOUT_SECONDS},
    }


if REDIS_URL:
    CACHES = {"default": redis_cache(REDIS_URL, CACHE_KEY_PREFIX, fail_open=True)}
else:
    CACHES = {
        "default": {
            "BACKEND": "moodmnky.cache.AtomicDatabaseCache",
            "LOCATION": "moodmnky_cache",
            "KEY_PREFIX": CACHE_KEY_PREFIX,
        }
    }
if RATELIMIT_REDIS_URL:
    CACHES["ratelimit"] = redis_cache(RATELIMIT_REDIS_URL, f"{CACHE_KEY_PREFIX}-ratelimit", fail_open=False)
else:
    CACHES["ratelimit"] = {
        "BACKEND": "moodmnky.cache.CounterDatabaseCache",
        "LOCATION": "moodmnky_ratelimit",
        "KEY_PREFIX": CACHE_KEY_PREFIX,
        # Past this many rows each write first deletes the expired ones; live counters are never culled.
        "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("RATELIMIT_TABLE_CULL_AT", "100000"))},
    }

AUTH_USER_MODEL = "customers.Customer"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_RESET_TIMEOUT = int(os.environ.get("PASSWORD_RESET_TIMEOUT", str(60 * 60 * 2)))
PASSWORD_RESET_URL = os.environ.get("PASSWORD_RESET_URL", "http://localhost:3000/reset-password?token={token}")

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Uploaded media served by Django itself (development and single-box installs); production uses a CDN/bucket.
SERVE_MEDIA = env_bool("SERVE_MEDIA", DEBUG)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# Email: console by default; EMAIL_URL (smtp://user:pass@host:port, +tls) or the usual EMAIL_* variables.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
# Seconds an SMTP connection may hang before the send fails (Django's default waits for ever, holding the
# worker; the failed task can be retried, a hung one cannot).
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "30"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "MOOD MNKY <hello@moodmnky.example>")
if os.environ.get("EMAIL_URL"):
    from urllib.parse import unquote, urlsplit

    _email = urlsplit(os.environ["EMAIL_URL"])
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = _email.hostname or "localhost"
    EMAIL_PORT = _email.port or 25
    EMAIL_HOST_USER = unquote(_email.username or "")
    EMAIL_HOST_PASSWORD = unquote(_email.password or "")
    EMAIL_USE_TLS = _email.scheme.endswith("+tls")

# Security: HTTPS_ONLY defaults on in production; BEHIND_PROXY decides whether forwarded headers are trusted.
HTTPS_ONLY = env_bool("HTTPS_ONLY", not DEBUG)
BEHIND_PROXY = env_bool("BEHIND_PROXY", False)
# Proxies in front of the app that append to X-Forwarded-For: the client is that many entries from the right.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "1"))
if HTTPS_ONLY:
    SECURE_SSL_REDIRECT = True
    SECURE_REDIRECT_EXEMPT = [r"^api/v1/health/$"]  # load balancers probe over plain HTTP
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS")
CORS_URLS_REGEX = r"^/api/.*$"
CORS_EXPOSE_HEADERS = [
    "X-Request-ID",
    "X-RateLimit-Limit",
    "X-RateLimit-Remaining",
    "X-RateLimit-Reset",
    "Retry-After",
    "ETag",
    "Idempotent-Replayed",
]
CORS_ALLOW_HEADERS = ["accept", "authorization", "content-type", "x-api-key", "idempotency-key", "x-request-id",
                      "if-none-match"]

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "moodmnky.api.authentication.JWTAuthentication",
        "moodmnky.api.authentication.ApiKeyAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["moodmnky.api.renderers.EnvelopeJSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["moodmnky.api.parsers.JSONParser"],  # media upload views add multipart
    "DEFAULT_PAGINATION_CLASS": "moodmnky.api.pagination.PageLimitPagination",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "moodmnky.api.schema.EnvelopeAutoSchema",
    "EXCEPTION_HANDLER": "moodmnky.api.exceptions.api_exception_handler",
    "COERCE_DECIMAL_TO_STRING": True,
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}

SIMPLE_JWT = {
    "ACCESS_TOKEN_LIFETIME": timedelta(minutes=15),
    "REFRESH_TOKEN_LIFETIME": timedelta(days=7),
    "ROTATE_REFRESH_TOKENS": True,
    "BLACKLIST_AFTER_ROTATION": True,
    "UPDATE_LAST_LOGIN": True,
    "ALGORITHM": "HS256",
    "SIGNING_KEY": JWT_SIGNING_KEY,
    "AUTH_HEADER_TYPES": ("Bearer",),
    "USER_ID_FIELD": "id",
    "USER_ID_CLAIM": "user_id",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "MOOD MNKY Commerce API",
    "DESCRIPTION": (
        "REST API of the MOOD MNKY fragrance shop: catalog, carts, orders, customers and custom blends. "
        "Every success body is `{\"data\": ...}` (lists add `meta.pagination` and `links`); every error is "
        "`{\"error\": {\"status\", \"code\", \"message\", \"details\", \"request_id\"}}`. Customers authenticate "
        "with `Authorization: Bearer <access token>`, admin integrations with `X-API-Key`."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # System fonts: the ReDoc page loads nothing from other hosts (moodmnky/templates/moodmnky/redoc.html).
    "REDOC_UI_SETTINGS": {"theme": {"typography": {
        "fontFamily": "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif",
        "headings": {"fontFamily": "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"},
        "code": {"fontFamily": "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace"}}}},
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "ENUM_NAME_OVERRIDES": {
        "CheckStatusEnum": [("ok", "ok"), ("down", "down")],
        # Order.payment_status and Payment.status would both be named PaymentStatusEnum (one overwriting the other).
        "OrderPaymentStatusEnum": "orders.models.Order.PaymentStatus",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "moodmnky.api.schema.postprocess_component_names",  # readable names in generated clients
        "moodmnky.api.schema.postprocess_links",  # 201 → what was created (clients; stateful fuzzing)
    ],
}

# Background work: Django's Tasks API (django-tasks backport) stored in the same database.
TASKS = {"default": {"BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}
# A task RUNNING this long is presumed lost with its worker and requeued by `requeue_lost_tasks`
# (docs/reliability.md "Faults"); after TASK_MAX_CLAIMS workers tried it, it is failed instead.
TASK_LEASE_SECONDS = int(os.environ.get("TASK_LEASE_SECONDS", str(15 * 60)))
TASK_MAX_CLAIMS = int(os.environ.get("TASK_MAX_CLAIMS", "3"))

# Rate limits per hour (fixed windows), counted with django-ratelimit in the "ratelimit" cache.
RATE_LIMITS = {
    "anonymous": os.environ.get("RATE_LIMIT_ANON", "60/h"),
    "customer": os.environ.get("RATE_LIMIT_CUSTOMER", "1000/h"),
    "admin": os.environ.get("RATE_LIMIT_ADMIN", "5000/h"),
    # /auth/... per client IP, whatever credentials the request carries.
    "auth": os.environ.get("RATE_LIMIT_AUTH", "60/h"),
}
# Failed logins per account (any address), then 429 until the window ends; django-ratelimit's rate syntax.
LOGIN_FAILURE_LIMIT = os.environ.get("LOGIN_FAILURE_LIMIT", "10/15m")
# The Django admin's login form: POSTs per client IP and per account (email typed).
ADMIN_LOGIN_LIMITS = {
    "ip": os.environ.get("ADMIN_LOGIN_LIMIT_IP", "30/15m"),
    "account": os.environ.get("ADMIN_LOGIN_LIMIT_ACCOUNT", "10/15m"),
}
RATELIMIT_USE_CACHE = "ratelimit"
RATELIMIT_FAIL_OPEN = True  # a cache outage must not take the API down with it
RATELIMIT_EXEMPT_PATHS = [r"^/api/v1/health/$", r"^/api/schema/", r"^/api/docs/", r"^/api/redoc/"]
RATELIMIT_AUTH_PATHS = r"^/api/v1/auth/"

IDEMPOTENCY_TTL = timedelta(hours=24)

# seed_demo reaches the apps through these: each app's `demo.seed()`, in dependency order, and the module
# that creates the demo logins (customers/demo.py documents its two functions).
DEMO_DATA_APPS = ["customers", "catalog", "blends", "carts", "orders"]
DEMO_LOGIN_PROVIDER = os.environ.get("DEMO_LOGIN_PROVIDER", "customers.demo")
# seed_demo's order history (orders/demo_history.py): guest orders over this many days, for the admin home's chart.
DEMO_ORDER_HISTORY_DAYS = 30

# Store settings.
STORE_CURRENCY = os.environ.get("STORE_CURRENCY", "USD")
STORE_NAME = os.environ.get("STORE_NAME", "MOOD MNKY")
SHIPPING_RATES = {
    "standard": {"cost": Decimal(os.environ.get("SHIPPING_STANDARD", "6.95")), "carrier": "USPS",
                 "days": (3, 7)},
    "express": {"cost": Decimal(os.environ.get("SHIPPING_EXPRESS", "19.95")), "carrier": "UPS",
                "days": (1, 2)},
}
FREE_SHIPPING_THRESHOLD = Decimal(os.environ.get("FREE_SHIPPING_THRESHOLD", "75.00"))
TAX_RATE = Decimal(os.environ.get("TAX_RATE", "0"))
# Added to a product base's price for one unit made with a customer's own blend.
BLEND_PREMIUM = Decimal(os.environ.get("BLEND_PREMIUM", "8.00"))
LOYALTY_TIERS = [("bronze", 0), ("silver", 500), ("gold", 1500), ("platinum", 5000)]

# Webhooks (docs/webhooks.md): targets on private/loopback addresses only when allowed (development, tests).
WEBHOOK_ALLOW_PRIVATE_URLS = env_bool("WEBHOOK_ALLOW_PRIVATE_URLS", DEBUG)
WEBHOOK_TIMEOUT_SECONDS = float(os.environ.get("WEBHOOK_TIMEOUT_SECONDS", "5"))
# An attempt in flight holds its delivery this long; a worker killed mid-attempt frees it after that.
WEBHOOK_LEASE_SECONDS = int(os.environ.get("WEBHOOK_LEASE_SECONDS", "60"))
# The sweep re-enqueues due deliveries this late (their own queued task should have run by then).
WEBHOOK_SWEEP_GRACE_SECONDS = int(os.environ.get("WEBHOOK_SWEEP_GRACE_SECONDS", "120"))
# A subscription is turned off after this many failed deliveries in a row (each one after all its retries).
WEBHOOK_DISABLE_AFTER_FAILURES = int(os.environ.get("WEBHOOK_DISABLE_AFTER_FAILURES", "5"))
WEBHOOK_TASKS_BACKEND = os.environ.get("WEBHOOK_TASKS_BACKEND", "default")
PAYMENT_GATEWAY = os.environ.get("PAYMENT_GATEWAY", "test")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "moodmnky.logging.RequestIdFilter"}},
    "formatters": {"json": {"()": "moodmnky.logging.JsonFormatter"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "json", "filters": ["request_id"]},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.server": {"level": "WARNING"}},
}
