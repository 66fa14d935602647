from datetime import timedelta

import pytest
from django.utils import timezone

from carts.models import CartDiscount, DiscountCode, DiscountUsage
from tests.carts.factories import CartDiscountFactory, CategoryFactory, DiscountCodeFactory, ProductFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/discounts/"


def test_create_answers_201_with_the_discount(make_admin_client):
    client = make_admin_client("discounts:write")
    product, category = ProductFactory(), CategoryFactory()

    response = client.post(URL, {
        "code": "Spring15", "type": "percentage", "value": "15", "minimum_subtotal": "30.00",
        "starts_at": "2026-03-01T00:00:00Z", "ends_at": "2026-04-01T00:00:00Z", "usage_limit": 100,
        "usage_limit_per_customer": 1, "product_ids": [product.pk], "category_ids": [category.pk],
        "combinable": True,
    }, format="json")

    assert response.status_code == 201, response.content
    body = response.json()["data"]
    assert (body["code"], body["type"], body["value"], body["minimum_subtotal"]) == (
        "Spring15", "percentage", "15.00", "30.00")
    assert (body["product_ids"], body["category_ids"]) == ([product.pk], [category.pk])
    assert body["times_used"] == 0 and body["is_active"] is True and body["currency"] == "USD"
    assert DiscountCode.objects.get(pk=body["id"]).usage_limit == 100


def test_code_is_unique_whatever_its_case(admin_client):
    DiscountCodeFactory(code="WELCOME10")

    response = admin_client.post(URL, {"code": "welcome10", "type": "free_shipping"}, format="json")

    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["field"] == "code"


@pytest.mark.parametrize("body, field", [
    ({"code": "PCT", "type": "percentage", "value": "120"}, "value"),
    ({"code": "PCT", "type": "percentage"}, "value"),
    ({"code": "FIX", "type": "fixed_amount", "value": "-5"}, "value"),
    ({"code": "DATES", "type": "free_shipping", "starts_at": "2026-05-01T00:00:00Z",
      "ends_at": "2026-04-01T00:00:00Z"}, "ends_at"),
    ({"code": "has space", "type": "free_shipping"}, "code"),
    ({"code": "PROD", "type": "free_shipping", "product_ids": [999999]}, "product_ids"),
    ({"code": "KIND", "type": "bogo"}, "type"),
    ({"code": "LIM", "type": "free_shipping", "usage_limit": 0}, "usage_limit"),
])
def test_invalid_discount_is_400_naming_the_field(admin_client, body, field):
    response = admin_client.post(URL, body, format="json")

    assert response.status_code == 400 and response.json()["error"]["code"] == "validation_error"
    assert response.json()["error"]["details"][0]["field"] == field
    assert not DiscountCode.objects.exists()


def test_list_and_detail_with_filters(make_admin_client):
    client = make_admin_client("discounts:read")
    live = DiscountCodeFactory(code="LIVE")
    DiscountCodeFactory(code="GONE", ends_at=timezone.now() - timedelta(days=1))
    DiscountCodeFactory(code="OFF", is_active=False)

    listed = client.get(URL)
    expired = client.get(URL + "?state=expired")
    detail = client.get(f"{URL}{live.pk}/")

    assert listed.json()["meta"]["pagination"]["total"] == 3
    assert [item["code"] for item in expired.json()["data"]] == ["GONE"]
    assert detail.status_code == 200 and detail.json()["data"]["state"] == "active"


def test_patch_changes_fields_and_replaces_limits(admin_client):
    discount = DiscountCodeFactory(products=[ProductFactory()])
    other = ProductFactory()

    response = admin_client.patch(f"{URL}{discount.pk}/", {"value": "25", "product_ids": [other.pk],
                                                           "is_active": False}, format="json")

    assert response.status_code == 200
    body = response.json()["data"]
    assert (body["value"], body["product_ids"], body["is_active"]) == ("25.00", [other.pk], False)


def test_patch_cannot_reset_the_usage_count(admin_client):
    discount = DiscountCodeFactory(times_used=4)

    admin_client.patch(f"{URL}{discount.pk}/", {"times_used": 0}, format="json")

    discount.refresh_from_db()
    assert discount.times_used == 4


def test_delete_removes_it_from_carts_and_keeps_usage_history(admin_client):
    applied = CartDiscountFactory()
    discount = applied.discount
    DiscountUsage.objects.create(discount=discount, code=discount.code, email="a@example.com")

    response = admin_client.delete(f"{URL}{discount.pk}/")

    assert response.status_code == 204
    assert not CartDiscount.objects.exists()
    assert DiscountUsage.objects.get().code == discount.code


def test_scopes_are_enforced(api_client, customer_client, make_admin_client):
    reader = make_admin_client("discounts:read")
    other_scope = make_admin_client("products:write")

    assert api_client.get(URL).status_code == 401
    assert customer_client.get(URL).status_code == 403
    assert other_scope.get(URL).json()["error"]["code"] == "insufficient_scope"
    refused = reader.post(URL, {"code": "NEW", "type": "free_shipping"}, format="json")
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "insufficient_scope"
    assert reader.get(URL).status_code == 200


def test_unknown_discount_is_404(admin_client):
    assert admin_client.get(f"{URL}999999/").json()["error"]["code"] == "not_found"
    assert admin_client.get(f"{URL}abc/").status_code == 404


def test_state_filter_agrees_with_the_state_shown(admin_client):
    DiscountCodeFactory(code="FRESH", usage_limit=5, times_used=1)
    DiscountCodeFactory(code="USEDUP", usage_limit=2, times_used=2)

    active = admin_client.get(URL + "?state=active").json()["data"]
    exhausted = admin_client.get(URL + "?state=exhausted").json()["data"]

    assert [(d["code"], d["state"]) for d in active] == [("FRESH", "active")]
    assert [(d["code"], d["state"]) for d in exhausted] == [("USEDUP", "exhausted")]
