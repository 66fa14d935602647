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


@pytest.fixture
def admin_site_client(client, staff_user):
    """Django's test client signed in to the admin as a superuser."""
    staff_user.is_superuser = True
    staff_user.save(update_fields=["is_superuser"])
    client.force_login(staff_user)
    return client
