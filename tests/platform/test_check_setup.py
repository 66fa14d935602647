"""`manage.py check_setup`: each production check failing and passing, and the command's report and exit status."""

import io
from datetime import timedelta

import pytest
from django.core import checks as django_checks
from django.core.management import call_command, execute_from_command_line
from django.core.management.base import CommandError
from django.db import OperationalError, connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from moodmnky import setup_checks
from moodmnky.setup_checks import FAIL, OK, WARN
from tests.ports import free_port

pytestmark = pytest.mark.django_db
STRONG = "Zq3-" + "k8Vw_pX2" * 7
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.mark.parametrize(("value", "status"), [
    ("", FAIL), ("dev-only-insecure-secret-key-change-me-xxxxxxxxxxxxxxxxxxxx", FAIL), ("short-key", FAIL),
    ("a" * 60, FAIL), ("django-insecure-" + STRONG, FAIL), (STRONG, OK),
])
def test_jwt_signing_key_strength(settings, value, status):
    settings.JWT_SIGNING_KEY = value

    assert setup_checks.check_jwt_signing_key().status == status


def test_secret_key_placeholders_of_this_project_fail_here(settings):
    settings.SECRET_KEY = "dev-only-insecure-secret-key-change-me-xxxxxxxxxxxxxxxxxxxx"

    assert setup_checks.check_secret_key().status == FAIL
    assert _deploy("security.W009") is None  # long and varied enough for Django: only this check knows it


@pytest.mark.parametrize("value", ["short-key", "django-insecure-" + STRONG])
def test_a_weak_secret_key_is_reported_once_by_djangos_deploy_check(settings, value):
    settings.SECRET_KEY = value

    key_lines = [(check.name, check.status) for check in setup_checks.setup_checks()
                 if check.name in ("SECRET_KEY", "security.W009")]

    assert key_lines == [("SECRET_KEY", OK), ("security.W009", FAIL)]


def test_jwt_signing_key_equal_to_the_secret_key_is_a_warning(settings):
    settings.SECRET_KEY = settings.JWT_SIGNING_KEY = STRONG
    assert setup_checks.check_jwt_signing_key().status == WARN

    settings.JWT_SIGNING_KEY = STRONG[::-1]
    assert setup_checks.check_jwt_signing_key().status == OK


def _deploy(check_id: str) -> setup_checks.Check | None:
    return next((check for check in setup_checks.check_deploy() if check.name == check_id), None)


def test_deploy_check_reports_djangos_deployment_warnings_as_failures_with_this_projects_fix(settings):
    settings.DEBUG, settings.ALLOWED_HOSTS, settings.SECURE_SSL_REDIRECT = True, [], False

    debug, hosts, redirect = _deploy("security.W018"), _deploy("security.W020"), _deploy("security.W008")

    assert debug == setup_checks.Check("security.W018", FAIL, "You should not have DEBUG set to True in deployment",
                                       "unset DEBUG (or DEBUG=0)")
    assert (hosts.status, hosts.fix) == (FAIL, setup_checks.HOSTS_FIX)
    assert (redirect.status, redirect.fix) == (FAIL, setup_checks.HTTPS_FIX)


def test_deploy_check_is_one_ok_line_with_production_values(settings):
    settings.DEBUG, settings.ALLOWED_HOSTS, settings.SECRET_KEY = False, ["shop.example.com"], STRONG
    settings.SECURE_SSL_REDIRECT, settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE = True, True, True
    settings.SECURE_HSTS_SECONDS, settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = 3600, True
    settings.SECURE_HSTS_PRELOAD = True

    assert setup_checks.check_deploy() == [setup_checks.Check("check --deploy", OK,
                                                              "Django's deployment checks find nothing")]


def test_deploy_check_leaves_out_silenced_checks(settings):
    settings.DEBUG = True
    settings.SILENCED_SYSTEM_CHECKS = [*settings.SILENCED_SYSTEM_CHECKS, "security.W018"]

    assert _deploy("security.W018") is None


@pytest.mark.parametrize(("hosts", "status"), [
    (["*"], FAIL), (["localhost", "127.0.0.1"], WARN), (["shop.example.com"], OK),
    ([], OK),  # empty is Django's security.W020, reported by the deploy check
])
def test_allowed_hosts(settings, hosts, status):
    settings.ALLOWED_HOSTS = hosts

    assert setup_checks.check_allowed_hosts().status == status


@pytest.mark.parametrize(("https_only", "behind_proxy", "status"), [
    (False, False, OK), (False, True, OK), (True, False, WARN), (True, True, OK),
])
def test_proxy(settings, https_only, behind_proxy, status):
    settings.HTTPS_ONLY, settings.BEHIND_PROXY = https_only, behind_proxy

    assert setup_checks.check_proxy().status == status


@pytest.mark.skipif(connection.vendor == "postgresql", reason="the SQLite half of the database check")
def test_database_on_sqlite_fails():
    check = setup_checks.check_database()

    assert (check.status, check.fix) == (FAIL, "DATABASE_URL=postgres://user:password@host:5432/moodmnky")


@pytest.mark.postgres
def test_database_on_postgresql_passes():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL)")

    assert setup_checks.check_database().status == OK


def test_database_unreachable_fails(monkeypatch):
    def refuse():
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "ensure_connection", refuse)

    check = setup_checks.check_database()

    assert check.status == FAIL and "cannot connect: connection refused" in check.message


def test_migrations_applied_pass_and_pending_ones_fail(monkeypatch):
    assert setup_checks.check_migrations().status == OK  # the test database is fully migrated

    monkeypatch.setattr(setup_checks, "unapplied_migrations", lambda: ["orders.0099_new"])

    check = setup_checks.check_migrations()
    assert (check.status, check.fix) == (FAIL, "python manage.py migrate") and "orders.0099_new" in check.message


def test_redis_not_configured_warns_and_unreachable_fails(settings):
    settings.REDIS_URL = ""
    assert setup_checks.check_redis().status == WARN

    settings.REDIS_URL = f"redis://127.0.0.1:{free_port()}/2"  # nothing listens there
    dead = {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": settings.REDIS_URL,
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 1}}
    settings.CACHES = {"default": dead, "ratelimit": dead}

    check = setup_checks.check_redis()
    assert check.status == FAIL and "the default cache is unreachable" in check.message


@pytest.mark.redis
def test_redis_reachable_passes(settings):
    if not settings.REDIS_URL:
        pytest.skip("needs Redis (REDIS_URL)")

    assert setup_checks.check_redis().status == OK


def _task(**fields) -> DBTaskResult:
    return DBTaskResult.objects.create(task_path="moodmnky.tasks.worker_heartbeat", args_kwargs={"args": [],
                                       "kwargs": {}}, backend_name="default", run_after=timezone.now(), **fields)


def test_worker_alive_when_a_task_finished_recently(settings):
    settings.TASKS = DATABASE_TASKS
    _task(status="SUCCESSFUL", finished_at=timezone.now() - timedelta(minutes=2))

    assert setup_checks.check_worker().status == OK


def test_worker_missing_when_tasks_wait(settings):
    settings.TASKS = DATABASE_TASKS
    waiting = _task(status="READY")
    DBTaskResult.objects.filter(pk=waiting.pk).update(enqueued_at=timezone.now() - timedelta(minutes=30))

    check = setup_checks.check_worker()

    assert check.status == FAIL and "no worker is taking them" in check.message and "db_worker" in check.fix


def test_worker_unknown_without_recent_tasks_warns(settings):
    settings.TASKS = DATABASE_TASKS
    _task(status="SUCCESSFUL", finished_at=timezone.now() - timedelta(hours=3))

    check = setup_checks.check_worker()

    assert check.status == WARN and "--wait-for-worker" in check.fix


@pytest.mark.parametrize(("backend", "status"), [
    ("django_tasks.backends.immediate.ImmediateBackend", WARN), ("django_tasks.backends.dummy.DummyBackend", FAIL),
])
def test_worker_check_names_a_backend_without_a_worker(settings, backend, status):
    settings.TASKS = {"default": {"BACKEND": backend}}

    assert setup_checks.check_worker().status == status


def test_worker_heartbeat_fails_when_no_worker_runs_it(settings):
    settings.TASKS = DATABASE_TASKS

    check = setup_checks.check_worker(wait=0.3)

    assert check.status == FAIL and "no worker ran the heartbeat task" in check.message


@pytest.mark.django_db(transaction=True)
def test_worker_heartbeat_passes_when_a_worker_runs_it(settings, monkeypatch):
    settings.TASKS = DATABASE_TASKS
    # While check_setup waits, a worker takes the queue (here: one batch run in place of the first pause).
    monkeypatch.setattr(setup_checks.time, "sleep", lambda seconds: call_command(
        "db_worker", "--batch", "--no-startup-delay", "--queue-name", "*", verbosity=0))

    check = setup_checks.check_worker(wait=30)

    assert check.status == OK and "a worker ran the heartbeat task" in check.message


@pytest.mark.parametrize(("backend", "status"), [
    ("django.core.mail.backends.console.EmailBackend", FAIL), ("django.core.mail.backends.locmem.EmailBackend", FAIL),
    ("django.core.mail.backends.smtp.EmailBackend", OK),
])
def test_mail(settings, backend, status):
    settings.EMAIL_BACKEND = backend

    assert setup_checks.check_mail().status == status


@pytest.mark.parametrize(("gateway", "status"), [
    ("test", FAIL), ("payments.not.there.Gateway", FAIL), ("orders.payments.ManualGateway", OK),
])
def test_payment_gateway(settings, gateway, status):
    settings.PAYMENT_GATEWAY = gateway

    assert setup_checks.check_payment_gateway().status == status


def test_media(settings, tmp_path):
    settings.MEDIA_ROOT, settings.SERVE_MEDIA, settings.DEBUG = tmp_path / "media", False, False
    assert setup_checks.check_media().status == OK

    settings.SERVE_MEDIA = True
    assert setup_checks.check_media().status == WARN

    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    settings.MEDIA_ROOT = blocked / "media"
    assert setup_checks.check_media().status == FAIL


def test_static_files_need_collectstatic_with_the_manifest_storage(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}}
    assert setup_checks.check_static().status == FAIL

    (tmp_path / "staticfiles.json").write_text("{}")
    assert setup_checks.check_static().status == OK


def test_command_prints_a_line_per_check_and_exits_1_on_a_failure(settings):
    settings.DEBUG = True
    out = io.StringIO()

    with pytest.raises(CommandError) as raised:
        call_command("check_setup", stdout=out, no_color=True)

    *check_lines, summary = out.getvalue().splitlines()
    names = [line[5:21].strip() for line in check_lines]  # "<status:4> <name:16> <message>"
    statuses = [line[:4].strip() for line in check_lines]
    assert raised.value.returncode == 1
    assert names[:2] == ["SECRET_KEY", "JWT_SIGNING_KEY"]
    # Django's deploy checks next (DEBUG on: at least security.W018), then the project's, each once.
    assert names[2:-10] and all(name.startswith("security.") for name in names[2:-10])
    assert names[-10:] == ["ALLOWED_HOSTS", "proxy", "database", "migrations", "Redis", "worker", "mail", "payments",
                           "media", "static files"]
    assert "FAIL security.W018    You should not have DEBUG set to True in deployment — fix: unset DEBUG (or DEBUG=0)" \
        in check_lines
    assert summary == (f"{len(check_lines)} checks: {statuses.count('OK')} OK, {statuses.count('WARN')} WARN, "
                       f"{statuses.count('FAIL')} FAIL.")


def test_command_passes_when_nothing_fails_and_strict_fails_on_warnings(monkeypatch):
    results = [setup_checks.Check("DEBUG", OK, "off"), setup_checks.Check("Redis", WARN, "not configured", "REDIS_URL")]
    monkeypatch.setattr("moodmnky.management.commands.check_setup.setup_checks", lambda **kwargs: results)
    out = io.StringIO()

    call_command("check_setup", stdout=out, no_color=True)
    with pytest.raises(CommandError) as strict:
        call_command("check_setup", "--strict", stdout=io.StringIO())

    assert out.getvalue().splitlines()[-1] == "2 checks: 1 OK, 1 WARN, 0 FAIL."
    assert strict.value.returncode == 1


def test_a_system_check_error_is_a_line_of_the_report_not_a_crash_before_it(capsys):
    """Run as from a shell (call_command skips Django's system checks): a check that errors is reported as FAIL
    among the others instead of stopping the command before its report."""
    def broken(app_configs, **kwargs):
        return [django_checks.Error("Broken on purpose.", id="tests.E001")]

    django_checks.register(broken)
    try:
        with pytest.raises(SystemExit) as raised:
            execute_from_command_line(["manage.py", "check_setup", "--no-color"])
    finally:
        django_checks.registry.registry.registered_checks.discard(broken)

    lines = capsys.readouterr().out.splitlines()
    assert raised.value.code == 1
    assert any(line.split()[:2] == ["FAIL", "tests.E001"] for line in lines), lines
    assert " checks: " in lines[-1]
