"""Temporary: query counts of key customers/carts operations (not committed)."""
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.carts.factories import (
    CartDiscountFactory,
    CartItemFactory,
    CategoryFactory,
    CustomerCartFactory,
    DiscountCodeFactory,
    VariantFactory,
)
from tests.customers.factories import CustomerFactory

pytestmark = pytest.mark.django_db
OUT = {}


def _count(fn):
    with CaptureQueriesContext(connection) as ctx:
        response = fn()
    assert response.status_code < 300, response.content
    return len(ctx.captured_queries)


def test_measure(api_client, make_customer_client, admin_client):
    client = make_customer_client()
    mine = CustomerCartFactory(customer=client.customer)
    for _ in range(3):
        CartItemFactory(cart=mine)
    guest = CartItemFactory().cart
    for _ in range(3):
        CartItemFactory(cart=guest)
    CartDiscountFactory(cart=guest, discount=DiscountCodeFactory(categories=[CategoryFactory()], combinable=True))
    OUT["merge"] = _count(lambda: client.post(f"/api/v1/carts/{guest.pk}/merge/"))
    code = DiscountCodeFactory(code="MEASURE1", combinable=True)
    OUT["apply_code"] = _count(lambda: client.post(f"/api/v1/carts/{mine.pk}/discounts/", {"code": code.code},
                                                   format="json"))
    OUT["get_cart"] = _count(lambda: client.get(f"/api/v1/carts/{mine.pk}/"))
    OUT["estimates"] = _count(lambda: client.post(f"/api/v1/carts/{mine.pk}/shipping-estimates/",
                                                  {"address": {"country": "US"}}, format="json"))
    OUT["add_item"] = _count(lambda: client.post(f"/api/v1/carts/{mine.pk}/items/",
                                                 {"variant_id": VariantFactory().pk}, format="json"))
    OUT["profile_get"] = _count(lambda: client.get("/api/v1/customers/profile/"))
    OUT["profile_patch"] = _count(lambda: client.patch("/api/v1/customers/profile/", {"first_name": "Zed"},
                                                       format="json"))
    body = {"first_name": "A", "last_name": "B", "line1": "1 Main St", "city": "X", "country": "DE",
            "postal_code": "10115"}
    OUT["address_create"] = _count(lambda: client.post("/api/v1/customers/addresses/", body, format="json"))
    OUT["export"] = _count(lambda: client.get("/api/v1/customers/profile/export/"))
    other = CustomerFactory()
    OUT["admin_customer_patch"] = _count(lambda: admin_client.patch(f"/api/v1/customers/{other.pk}/",
                                                                    {"last_name": "Q"}, format="json"))
    OUT["discount_create"] = _count(lambda: admin_client.post("/api/v1/discounts/", {
        "code": "MEASURE2", "type": "percentage", "value": "5"}, format="json"))
    OUT["register"] = _count(lambda: api_client.post("/api/v1/auth/register/", {
        "email": "m@example.com", "password": "a-Long-passw0rd-42"}, format="json"))
    print("\nMEASURE " + json.dumps(OUT))
