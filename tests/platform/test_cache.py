import pytest
from django.core.cache import caches
from django.db import connection

from tests.concurrency import run_concurrently

pytestmark = pytest.mark.django_db

DATABASE_CACHE = {"default": {"BACKEND": "moodmnky.cache.AtomicDatabaseCache", "LOCATION": "moodmnky_cache"}}


def _expiry_of(cache, key):
    with connection.cursor() as cursor:
        cursor.execute("SELECT expires FROM moodmnky_cache WHERE cache_key = %s", [cache.make_key(key)])
        return cursor.fetchone()[0]


def test_incr_keeps_the_counter_expiry(settings):
    settings.CACHES = DATABASE_CACHE
    cache = caches["default"]
    cache.add("hits", 1, 3600)
    before = _expiry_of(cache, "hits")

    assert cache.incr("hits") == 2
    assert cache.incr("hits", 5) == 7

    assert _expiry_of(cache, "hits") == before
    assert cache.get("hits") == 7


def test_incr_of_a_missing_key_raises(settings):
    settings.CACHES = DATABASE_CACHE

    with pytest.raises(ValueError):
        caches["default"].incr("nothing-here")


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL for concurrent connections")
@pytest.mark.django_db(transaction=True)
def test_concurrent_increments_are_never_lost(settings):
    settings.CACHES = DATABASE_CACHE
    caches["default"].add("hits", 0, 3600)

    def bump():
        for _ in range(25):
            caches["default"].incr("hits")

    results = run_concurrently(bump, [()] * 8)

    assert caches["default"].get("hits") == 200, results  # results: any exception a thread raised
