"""Redis stopped and started under the API (docs/reliability.md "Faults" → "Redis stopped and started").

Both caches live on this suite's own redis-server (tests/faults/conftest.py), configured as REDIS_URL
configures them. While it is down the shop keeps serving by the per-feature rule of the doc; health says
degraded; once it is back the counters count and the response cache fills again, with no restart.
"""

import os

import pytest
from django.db import connection

from catalog.models import Product
from tests.catalog.factories import VariantFactory
from tests.customers.factories import PASSWORD, CustomerFactory
from tests.orders.conftest import checkout_url
from tests.orders.factories import checkout_body

pytestmark = [pytest.mark.redis, pytest.mark.django_db]


def _health(client) -> tuple[int, dict]:
    response = client.get("/api/v1/health/")
    return response.status_code, response.json()["data"]


def test_the_shop_keeps_serving_while_redis_is_down(redis_server, api_client, make_cart):
    variant = VariantFactory(quantity=20, price="20.00")
    product_url = f"/api/v1/products/{variant.product_id}/"
    customer = CustomerFactory()
    cart = make_cart((1,))
    assert _health(api_client) == (200, {"status": "ok", "checks": {"database": "ok", "cache": "ok", "tasks": "ok"}})

    redis_server.stop()

    listing = api_client.get("/api/v1/products/")
    detail = api_client.get(product_url)
    not_modified = api_client.get(product_url, HTTP_IF_NONE_MATCH=detail["ETag"])
    new_cart = api_client.post("/api/v1/carts/", {}, format="json")
    added = api_client.post(f"/api/v1/carts/{new_cart.json()['data']['id']}/items/",
                            {"variant_id": variant.pk, "quantity": 2}, format="json")
    login = api_client.post("/api/v1/auth/login/", {"email": customer.email, "password": PASSWORD}, format="json")
    checkout = api_client.post(checkout_url(cart), checkout_body(), format="json", HTTP_IDEMPOTENCY_KEY="k-1")
    replay = api_client.post(checkout_url(cart), checkout_body(), format="json", HTTP_IDEMPOTENCY_KEY="k-1")
    status, health = _health(api_client)

    assert [listing.status_code, detail.status_code, not_modified.status_code] == [200, 200, 304]
    assert variant.product_id in {product["id"] for product in listing.json()["data"]}
    assert [new_cart.status_code, added.status_code, login.status_code] == [201, 201, 200]
    assert "access_token" in login.json()["data"]
    assert (checkout.status_code, replay.status_code, replay["Idempotent-Replayed"]) == (201, 201, "true")
    assert replay.json()["data"]["number"] == checkout.json()["data"]["number"]
    assert "X-RateLimit-Limit" not in listing  # rate limits fail open: nothing is counted
    assert (status, health) == (200, {"status": "degraded",
                                      "checks": {"database": "ok", "cache": "down", "tasks": "ok"}})

    redis_server.start()

    assert _health(api_client) == (200, {"status": "ok", "checks": {"database": "ok", "cache": "ok", "tasks": "ok"}})


def test_rate_limits_fail_open_while_redis_is_down_and_count_again_when_it_returns(redis_server, api_client,
                                                                                   settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "anonymous": "3/h"}
    redis_server.stop()

    during = [api_client.get("/api/v1/products/") for _ in range(5)]

    assert [response.status_code for response in during] == [200] * 5
    assert all("X-RateLimit-Remaining" not in response for response in during)

    redis_server.start()
    after = [api_client.get("/api/v1/products/") for _ in range(4)]

    assert [response.status_code for response in after] == [200, 200, 200, 429]
    assert [response["X-RateLimit-Remaining"] for response in after] == ["2", "1", "0", "0"]
    assert after[3].json()["error"]["code"] == "rate_limited"


def test_a_change_made_during_the_outage_is_served_once_redis_returns_with_its_old_entries(
        redis_server, api_client, admin_client):
    variant = VariantFactory(product__name="Before", quantity=5)
    product_url = f"/api/v1/products/{variant.product_id}/"
    assert api_client.get(product_url).json()["data"]["name"] == "Before"
    assert redis_server.keys("*catalog:product:*")  # cached

    redis_server.stop()
    patched = admin_client.patch(product_url, {"name": "After"}, format="json")
    redis_server.start()  # with its append-only file: the body cached as "Before" is back

    assert patched.status_code == 200
    assert redis_server.keys("*catalog:product:*")  # the old entry survived the restart...
    first, second = api_client.get(product_url), api_client.get(product_url)

    assert Product.objects.get(pk=variant.product_id).name == "After"
    assert [first.json()["data"]["name"], second.json()["data"]["name"]] == ["After", "After"]  # ...never served
    assert first["ETag"] == second["ETag"]
    assert redis_server.keys("*catalog:product:*")  # and the cache fills again


@pytest.mark.skipif(connection.vendor != "sqlite", reason="one pass is enough: the outage rules do not "
                                                          "depend on the database")
def test_health_reports_the_rate_limit_cache_too(redis_server, api_client):
    redis_server.client(1).config_set("maxmemory", "1")  # counters refused ("OOM"), the cache fine
    try:
        status, health = _health(api_client)
    finally:
        redis_server.client(1).config_set("maxmemory", "0")

    assert (status, health["status"], health["checks"]["cache"]) == (200, "degraded", "down")


def test_outage_after_outage_the_api_recovers_each_time_without_a_restart(redis_server, api_client, settings):
    """2 stop/start cycles in CI, 20 with RELIABILITY_LONG=1 (`make reliability`)."""
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "anonymous": "1000/h"}
    VariantFactory(quantity=5)
    cycles = 20 if os.environ.get("RELIABILITY_LONG") == "1" else 2
    served = counted = 0

    for _ in range(cycles):
        redis_server.stop()
        down = [api_client.get("/api/v1/products/") for _ in range(3)]
        redis_server.start()
        up = [api_client.get("/api/v1/products/") for _ in range(3)]
        served += sum(response.status_code == 200 for response in down + up)
        counted += sum("X-RateLimit-Remaining" in response for response in up)
        assert _health(api_client)[1]["status"] == "ok"

    assert (served, counted) == (6 * cycles, 3 * cycles)
    assert redis_server.keys("*catalog:list:*")  # the response cache fills again after every outage


def test_the_admin_login_page_works_while_redis_is_down(redis_server, client):
    staff = CustomerFactory(is_staff=True, is_superuser=True)
    redis_server.stop()

    wrong = client.post("/admin/login/", {"username": staff.email, "password": "wrong"})
    right = client.post("/admin/login/?next=/admin/", {"username": staff.email, "password": PASSWORD})

    assert wrong.status_code == 200 and b"errornote" in wrong.content  # the form again, with its error
    assert (right.status_code, right["Location"]) == (302, "/admin/")
