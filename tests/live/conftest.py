"""Fixtures of the live-server tests: one shop (two gunicorn instances, two db_workers) for the whole package,
an HTTP client spreading requests over its servers, and the servers' logs attached to any failure."""

import os
import tempfile
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django_tasks_db.models import DBTaskResult

from tests.live.harness import Client, Shop, wait_until

SHOP_KEY = pytest.StashKey[Shop | None]()


@pytest.fixture(autouse=True)
def _clean_cache():
    """The suite's cache reset is not wanted here: the servers have their own cache prefix (and limits)."""
    yield


@pytest.fixture(scope="package")
def shop(django_db_setup, django_db_blocker, request):
    """Two gunicorn instances (2 gthread workers × 4 threads each) and two db_workers on the test database,
    for every test of this package; stopped (process groups killed) after the last one, even on failure."""
    if connection.vendor != "postgresql" or not settings.REDIS_URL:
        pytest.skip("needs PostgreSQL and Redis")
    directory = Path(os.environ.get("LIVE_LOG_DIR") or tempfile.mkdtemp(prefix="mm-live-"))
    shop = Shop(directory=directory)
    request.config.stash[SHOP_KEY] = shop
    try:
        with django_db_blocker.unblock():
            shop.start()
        yield shop
    finally:
        shop.stop()
        request.config.stash[SHOP_KEY] = None


@pytest.fixture(autouse=True)
def _tasks_drained(transactional_db, shop):
    """After each test, the workers finish what it queued before the test database is emptied (a row deleted
    under a running task would fail the task's bookkeeping, not what a test means to check)."""
    yield
    wait_until(lambda: not (DBTaskResult.objects.ready() | DBTaskResult.objects.running()).exists(), timeout=120)


@pytest.fixture
def live(shop):
    """An HTTP client of the shop: `live.send(method, path, server=i, json=…, token=…)`."""
    client = Client(shop)
    yield client
    client.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    shop = item.config.stash.get(SHOP_KEY, None)
    if report.failed and shop is not None:
        report.sections.append(("live servers' logs", shop.log_tails()))
    return report
