from unittest import mock

import pytest
from django.db import OperationalError

pytestmark = pytest.mark.django_db


def test_health_ok(api_client):
    response = api_client.get("/api/v1/health/")

    assert response.status_code == 200
    assert response.json() == {"data": {"status": "ok",
                                        "checks": {"database": "ok", "cache": "ok", "tasks": "ok"}}}


def test_health_is_503_down_when_the_database_is_unreachable(api_client):
    with mock.patch("django.db.backends.base.base.BaseDatabaseWrapper.cursor",
                    side_effect=OperationalError("connection refused")):
        response = api_client.get("/api/v1/health/")

    assert response.status_code == 503
    assert response.json() == {"data": {"status": "down",
                                        "checks": {"database": "down", "cache": "ok", "tasks": "down"}}}


def test_health_is_degraded_when_only_the_cache_fails(api_client):
    with mock.patch("django.core.cache.cache.set", side_effect=ConnectionError("redis gone")):
        response = api_client.get("/api/v1/health/")

    assert response.status_code == 200
    assert response.json()["data"]["status"] == "degraded"
    assert response.json()["data"]["checks"]["cache"] == "down"
