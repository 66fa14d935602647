import pytest
from django.test import override_settings

LOCMEM = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "catalog-tests"}}


@pytest.fixture
def locmem_cache():
    """A process-local cache, so query-count tests count only catalog queries (the database cache
    table would add its own queries; Redis adds none), the same on SQLite and PostgreSQL."""
    from django.core.cache import cache

    with override_settings(CACHES=LOCMEM):
        cache.clear()
        yield cache
