import multiprocessing
import os
import time

import pytest
from django.test import Client

from moodmnky.tokens import tokens_for
from tests.customers.factories import CustomerFactory

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.platform.urls")]
URL = "/api/v1/_test/admin/"  # any API path counts; this one needs no database for anonymous callers


@pytest.fixture
def low_limits(settings):
    settings.RATE_LIMITS = {"anonymous": "3/h", "customer": "4/h", "admin": "5/h"}
    return settings.RATE_LIMITS


def test_anonymous_limit_counts_down_then_429_with_retry_after(api_client, low_limits):
    responses = [api_client.get(URL) for _ in range(4)]

    assert [r.status_code for r in responses] == [401, 401, 401, 429]
    assert [r["X-RateLimit-Limit"] for r in responses] == ["3"] * 4
    assert [r["X-RateLimit-Remaining"] for r in responses] == ["2", "1", "0", "0"]
    reset = int(responses[0]["X-RateLimit-Reset"])
    assert time.time() < reset <= time.time() + 3600
    limited = responses[-1]
    assert limited.json()["error"]["code"] == "rate_limited"
    assert 0 < int(limited["Retry-After"]) <= 3600


def test_customer_limit_is_per_user(low_limits):
    first, second = CustomerFactory(), CustomerFactory()
    clients = []
    for customer in (first, second):
        client = Client()
        client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {tokens_for(customer)['access_token']}"
        clients.append(client)

    first_statuses = [clients[0].get("/api/v1/_test/me/").status_code for _ in range(5)]
    second = clients[1].get("/api/v1/_test/me/")

    assert first_statuses == [200, 200, 200, 200, 429]
    assert second.status_code == 200
    assert second["X-RateLimit-Limit"] == "4" and second["X-RateLimit-Remaining"] == "3"


def test_admin_limit_is_per_api_key(make_admin_client, low_limits):
    one, other = make_admin_client("orders:read"), make_admin_client("orders:read")

    statuses = [one.get(URL).status_code for _ in range(6)]

    assert statuses == [200] * 5 + [429]
    assert other.get(URL)["X-RateLimit-Remaining"] == "4"


def test_invalid_credentials_count_against_the_ip(api_client, low_limits):
    api_client.credentials(HTTP_X_API_KEY="mnky_bogus_key")

    responses = [api_client.get(URL) for _ in range(4)]

    assert [r["X-RateLimit-Limit"] for r in responses] == ["3"] * 4
    assert responses[-1].status_code == 429


def test_unknown_urls_and_errors_carry_the_headers(api_client, low_limits):
    response = api_client.get("/api/v1/does-not-exist/")

    assert response.status_code == 404
    assert response["X-RateLimit-Limit"] == "3"


def test_health_schema_and_docs_are_exempt(api_client, low_limits):
    statuses = [api_client.get("/api/v1/health/").status_code for _ in range(5)]

    assert statuses == [200] * 5
    assert "X-RateLimit-Limit" not in api_client.get("/api/v1/health/")
    assert api_client.get(URL)["X-RateLimit-Remaining"] == "2"


def test_forwarded_for_is_ignored_unless_behind_proxy(api_client, low_limits, settings):
    settings.BEHIND_PROXY = False
    spoofed = [api_client.get(URL, HTTP_X_FORWARDED_FOR=f"10.0.0.{n}").status_code for n in range(4)]
    assert spoofed[-1] == 429

    settings.BEHIND_PROXY = True
    from django.core.cache import caches

    caches["ratelimit"].clear()
    proxied = [api_client.get(URL, HTTP_X_FORWARDED_FOR=f"10.0.0.1, 203.0.113.{n}").status_code for n in range(4)]
    assert 429 not in proxied  # each request's proxy-appended (rightmost) address differs


def test_database_cache_table_counts_too(api_client, low_limits, settings):
    settings.CACHES = {**settings.CACHES, "ratelimit": {"BACKEND": "moodmnky.cache.CounterDatabaseCache",
                                                        "LOCATION": "moodmnky_ratelimit"}}

    statuses = [api_client.get(URL).status_code for _ in range(4)]

    assert statuses == [401, 401, 401, 429]
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM moodmnky_ratelimit")
        assert cursor.fetchone()[0] >= 1


def _hammer(count: int) -> list[int]:
    client = Client()
    return [client.get("/api/v1/_test/admin/").status_code for _ in range(count)]


@pytest.mark.redis
@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs Redis (REDIS_URL) to share counts between processes")
def test_two_processes_share_one_count_in_redis(settings):
    settings.RATE_LIMITS = {"anonymous": "6/h", "customer": "6/h", "admin": "6/h"}
    settings.ROOT_URLCONF = "tests.platform.urls"

    with multiprocessing.get_context("fork").Pool(2) as pool:
        results = pool.map(_hammer, [5, 5])

    flat = [status for statuses in results for status in statuses]
    assert flat.count(401) == 6  # exactly the limit got through, across both processes
    assert flat.count(429) == 4
    assert all(results)  # each process did its share


def test_cache_outage_serves_requests_without_limits(api_client, low_limits):
    from unittest import mock

    with mock.patch("django_ratelimit.core.caches") as caches, \
            mock.patch("moodmnky.api.ratelimit.caches", caches):  # both the Redis and the other counters' path
        caches.__getitem__.return_value.add.side_effect = ConnectionError("redis down")
        response = api_client.get("/api/v1/does-not-exist/")

    assert response.status_code == 404
    assert "X-RateLimit-Limit" not in response


def test_crash_in_middleware_is_an_enveloped_500(api_client, settings):
    from unittest import mock

    settings.DEBUG = False
    api_client.raise_request_exception = False
    with mock.patch("moodmnky.api.ratelimit.caller_tier", side_effect=RuntimeError("boom")):
        response = api_client.get("/api/v1/health/x/")

    assert response.status_code == 500
    assert response.json()["error"]["code"] == "internal_error"
