"""What `manage.py check_setup` looks at: is this process configured to run the shop in production? Each check
reads the running settings (and, where it must, connects) and answers OK, WARN or FAIL with the fix."""

import os
import tempfile
import time
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core import checks as django_checks
from django.core.cache import caches
from django.core.checks.security.base import (
    SECRET_KEY_INSECURE_PREFIX,
    SECRET_KEY_MIN_LENGTH,
    SECRET_KEY_MIN_UNIQUE_CHARACTERS,
)
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from django.utils.module_loading import import_string

OK, WARN, FAIL = "OK", "WARN", "FAIL"
KEY_FIX = "set it to 50+ random characters, e.g. `python -c 'import secrets; print(secrets.token_urlsafe(50))'`"
# This project's placeholders (settings.py, tests/settings.py, the bench). Django's own `django-insecure-` one is
# Django's security.W009 for SECRET_KEY; JWT_SIGNING_KEY, which Django never checks, is held to it here.
PLACEHOLDERS = ("dev-only-insecure", "test-only", "bench-only")
HOSTS_FIX = "ALLOWED_HOSTS=shop.example.com,api.example.com (the names clients use)"
HTTPS_FIX = "HTTPS_ONLY=1 (the default with DEBUG off) and serve TLS"
# The environment variable that fixes each of Django's deployment warnings here (else Django's own hint).
DEPLOY_FIXES = {
    "security.W004": HTTPS_FIX, "security.W008": HTTPS_FIX, "security.W012": HTTPS_FIX, "security.W016": HTTPS_FIX,
    "security.W009": KEY_FIX, "security.W018": "unset DEBUG (or DEBUG=0)", "security.W020": HOSTS_FIX,
}
# A worker counts as alive when it finished a task this recently; a task waiting longer means none is running.
WORKER_RECENT = timedelta(minutes=15)
WORKER_STALE = timedelta(minutes=5)
NO_EMAIL_BACKENDS = {"console", "locmem", "dummy", "filebased"}


@dataclass(frozen=True)
class Check:
    name: str
    status: str
    message: str
    fix: str = ""


def setup_checks(*, wait_for_worker: float = 0) -> list[Check]:
    """Every check, in the order an operator fixes them (secrets and hosts first, then the services). A check
    that cannot even run (the database is down, say) is a FAIL saying why, never a crash of the report."""
    checks = [("SECRET_KEY", check_secret_key), ("JWT_SIGNING_KEY", check_jwt_signing_key),
              ("check --deploy", check_deploy), ("ALLOWED_HOSTS", check_allowed_hosts), ("proxy", check_proxy),
              ("database", check_database), ("migrations", check_migrations), ("Redis", check_redis),
              ("worker", lambda: check_worker(wait=wait_for_worker)), ("mail", check_mail),
              ("payments", check_payment_gateway), ("media", check_media), ("static files", check_static)]
    return [result for name, check in checks for result in _run(name, check)]


def _run(name: str, check) -> list[Check]:
    """The check's line (Django's deploy check gives one per message)."""
    try:
        result = check()
    except Exception as exc:
        return [Check(name, FAIL, f"could not be checked: {_first_line(exc)}", "fix the lines above first")]
    return result if isinstance(result, list) else [result]


def check_secret_key() -> Check:
    """This project's placeholders only: the rest (Django's `django-insecure-` prefix, length, distinct characters)
    is Django's security.W009, reported by the deploy check, so a weak key is one FAIL, not two."""
    if settings.SECRET_KEY.startswith(PLACEHOLDERS):
        return Check("SECRET_KEY", FAIL, "a development placeholder", KEY_FIX)
    return Check("SECRET_KEY", OK, "not a placeholder (its strength: Django's security.W009)")


def check_jwt_signing_key() -> Check:
    """A placeholder, Django's strength rule for SECRET_KEY (security.W009, which Django applies to SECRET_KEY
    only) and SECRET_KEY's own value."""
    value = settings.JWT_SIGNING_KEY
    if not value or value.startswith((*PLACEHOLDERS, SECRET_KEY_INSECURE_PREFIX)):
        return Check("JWT_SIGNING_KEY", FAIL, "missing or a development placeholder", KEY_FIX)
    if len(value) < SECRET_KEY_MIN_LENGTH or len(set(value)) < SECRET_KEY_MIN_UNIQUE_CHARACTERS:
        return Check("JWT_SIGNING_KEY", FAIL, f"weak: {len(value)} characters, {len(set(value))} distinct", KEY_FIX)
    if value == settings.SECRET_KEY:
        return Check("JWT_SIGNING_KEY", WARN, "the same as SECRET_KEY: one leak exposes sessions and tokens alike",
                     "give JWT_SIGNING_KEY its own random value")
    return Check("JWT_SIGNING_KEY", OK, f"{len(value)} characters")


def check_deploy() -> list[Check]:
    """Django's own system checks with its deployment checks (`manage.py check --deploy`: DEBUG, an empty
    ALLOWED_HOSTS, HTTPS redirect, HSTS, secure cookies, SECRET_KEY strength, ...), one line per message. Any
    security warning is a FAIL (with production values `check --deploy` is clean); other warnings are WARNs."""
    messages = [message for message in django_checks.run_checks(include_deployment_checks=True)
                if not message.is_silenced() and message.level >= django_checks.WARNING]
    if not messages:
        return [Check("check --deploy", OK, "Django's deployment checks find nothing")]
    return [Check(message.id or "check --deploy",
                  FAIL if message.is_serious() or (message.id or "").startswith("security.") else WARN,
                  _first_sentence(message.msg), DEPLOY_FIXES.get(message.id) or message.hint or "")
            for message in messages]


def check_allowed_hosts() -> Check:
    """What Django's check of ALLOWED_HOSTS (security.W020: empty) lets through."""
    hosts = settings.ALLOWED_HOSTS
    if "*" in hosts:
        return Check("ALLOWED_HOSTS", FAIL, "'*' accepts any Host header (forged links in emails)", HOSTS_FIX)
    if hosts and set(hosts) <= {"localhost", "127.0.0.1", "[::1]", "testserver"}:
        return Check("ALLOWED_HOSTS", WARN, f"only local names ({', '.join(hosts)})", HOSTS_FIX)
    return Check("ALLOWED_HOSTS", OK, ", ".join(hosts) or "empty (see security.W020)")


def check_proxy() -> Check:
    """What BEHIND_PROXY means with HTTPS_ONLY (the redirect, HSTS and secure cookies HTTPS_ONLY turns on are
    Django's deploy checks)."""
    if not settings.BEHIND_PROXY:
        if settings.HTTPS_ONLY:
            return Check("proxy", WARN, "HTTPS_ONLY on, BEHIND_PROXY off: right only if gunicorn itself serves TLS",
                         "behind a TLS-terminating proxy or load balancer set BEHIND_PROXY=1 (else requests "
                         "redirect in a loop and client IPs are the proxy's)")
        return Check("proxy", OK, "BEHIND_PROXY off: client IPs are the connection's")
    return Check("proxy", OK, f"behind {settings.TRUSTED_PROXY_COUNT} trusted proxy(ies) that set X-Forwarded-Proto "
                 "and X-Forwarded-For")


def check_database() -> Check:
    fix = "DATABASE_URL=postgres://user:password@host:5432/moodmnky"
    try:
        connection.ensure_connection()
    except Exception as exc:  # any driver error: report it, never crash the report
        return Check("database", FAIL, f"cannot connect: {_first_line(exc)}", fix)
    if connection.vendor != "postgresql":
        return Check("database", FAIL, f"{connection.vendor}: one machine, one writer at a time", fix)
    return Check("database", OK, f"PostgreSQL {connection.pg_version // 10000}, reachable")


def check_migrations() -> Check:
    pending = unapplied_migrations()
    if pending:
        return Check("migrations", FAIL, f"{len(pending)} not applied (first: {pending[0]})",
                     "python manage.py migrate")
    return Check("migrations", OK, "all applied")


def unapplied_migrations() -> list[str]:
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _ in plan]


def check_redis() -> Check:
    if not settings.REDIS_URL:
        return Check("Redis", WARN, "not configured: cache and rate-limit counters live in the database",
                     "REDIS_URL=redis://host:6379/0 (shared by every web machine)")
    for alias in ("default", "ratelimit"):
        cache = caches.create_connection(alias)  # a fresh client: no state shared with the running process
        try:
            cache.set("check_setup", "ok", 10)
            if cache.get("check_setup") != "ok":
                raise RuntimeError("a value written could not be read back")
        except Exception as exc:
            return Check("Redis", FAIL, f"the {alias} cache is unreachable: {_first_line(exc)}",
                         "check REDIS_URL / RATELIMIT_REDIS_URL and that Redis runs")
        finally:
            cache.close()
    return Check("Redis", OK, "cache and rate-limit counters reachable")


def check_worker(*, wait: float = 0) -> Check:
    """django-tasks-db keeps every task as a row: a recently finished one shows a worker ran; a ready task left
    waiting shows none is running. With `wait`, a heartbeat task is queued and must be done within that time."""
    backend = settings.TASKS["default"]["BACKEND"]
    fix = "run `python manage.py db_worker --queue-name '*'` (a service that restarts it; one or more machines)"
    if backend != "django_tasks_db.DatabaseBackend":
        status = WARN if backend.endswith("ImmediateBackend") else FAIL
        return Check("worker", status, f"TASKS backend {backend}: webhooks and emails are not queued for a worker",
                     "unset TASKS_BACKEND (django_tasks_db.DatabaseBackend)")
    if wait:
        return _worker_heartbeat(wait, fix)
    from django_tasks_db.models import DBTaskResult

    now = timezone.now()
    waiting = DBTaskResult.objects.ready().filter(enqueued_at__lt=now - WORKER_STALE)
    if oldest := waiting.order_by("enqueued_at").values_list("enqueued_at", flat=True).first():
        return Check("worker", FAIL, f"{waiting.count()} task(s) waiting since {oldest:%Y-%m-%d %H:%M} UTC: "
                     "no worker is taking them", fix)
    last = DBTaskResult.objects.filter(finished_at__isnull=False).order_by("-finished_at").values_list(
        "finished_at", flat=True).first()
    if last and now - last <= WORKER_RECENT:
        return Check("worker", OK, f"a worker finished a task {int((now - last).total_seconds())} s ago")
    return Check("worker", WARN, "no task finished in the last 15 minutes and none is waiting: cannot tell",
                 "run `check_setup --wait-for-worker 30`, which queues a heartbeat task; cron's `sweep_webhooks "
                 "--enqueue` every minute keeps this evidence fresh")


def _worker_heartbeat(wait: float, fix: str) -> Check:
    from moodmnky.tasks import worker_heartbeat

    result = worker_heartbeat.enqueue()
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        result.refresh()
        if result.is_finished:
            return Check("worker", OK, f"a worker ran the heartbeat task {result.id}")
        time.sleep(0.2)
    return Check("worker", FAIL, f"no worker ran the heartbeat task {result.id} within {wait:g} s", fix)


def check_mail() -> Check:
    backend = settings.EMAIL_BACKEND.rsplit(".", 2)[-2]
    if backend in NO_EMAIL_BACKENDS:
        return Check("mail", FAIL, f"the {backend} backend: customers receive no email",
                     "EMAIL_URL=smtp+tls://user:password@smtp.example.com:587 and DEFAULT_FROM_EMAIL")
    return Check("mail", OK, f"{backend} via {settings.EMAIL_HOST}:{settings.EMAIL_PORT}, from "
                 f"{settings.DEFAULT_FROM_EMAIL}")


def check_payment_gateway() -> Check:
    fix = "PAYMENT_GATEWAY=<dotted path of your gateway class> (docs/orders.md)"
    if settings.PAYMENT_GATEWAY == "test":
        return Check("payments", FAIL, "the test gateway: anyone pays with tok_success", fix)
    try:
        import_string(settings.PAYMENT_GATEWAY)
    except ImportError as exc:
        return Check("payments", FAIL, f"{settings.PAYMENT_GATEWAY} cannot be imported: {_first_line(exc)}", fix)
    return Check("payments", OK, settings.PAYMENT_GATEWAY)


def check_media() -> Check:
    backend = settings.STORAGES["default"]["BACKEND"]
    if not backend.endswith("FileSystemStorage"):
        return Check("media", OK, backend)
    root = settings.MEDIA_ROOT
    try:
        os.makedirs(root, exist_ok=True)
        with tempfile.TemporaryFile(dir=root):
            pass
    except OSError as exc:
        return Check("media", FAIL, f"MEDIA_ROOT {root} is not writable: {exc.strerror}",
                     "create it and give the app's user write access (MEDIA_ROOT=...)")
    if settings.SERVE_MEDIA and not settings.DEBUG:
        return Check("media", WARN, f"Django serves {root} itself (SERVE_MEDIA)",
                     "let the proxy or a CDN serve MEDIA_ROOT at /media/ and unset SERVE_MEDIA")
    return Check("media", OK, f"local disk {root} (writable; every web machine must see the same files)")


def check_static() -> Check:
    backend = settings.STORAGES["staticfiles"]["BACKEND"]
    manifest = os.path.join(settings.STATIC_ROOT, "staticfiles.json")
    if "Manifest" in backend and not os.path.exists(manifest):
        return Check("static files", FAIL, f"no {manifest}: the admin and API docs pages answer 500",
                     "python manage.py collectstatic --noinput (on every deploy)")
    return Check("static files", OK, "collected" if "Manifest" in backend else backend)


def _first_sentence(text: str) -> str:
    return text.split(". ", 1)[0].rstrip(".")[:200]


def _first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0][:200]
