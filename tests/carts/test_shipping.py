from datetime import date
from decimal import Decimal

import pytest

from carts.business_days import business_days_add
from carts.models import DiscountCode
from tests.carts.factories import CartDiscountFactory, CartFactory, CartItemFactory, DiscountCodeFactory

pytestmark = pytest.mark.django_db

ADDRESS = {"address": {"country": "US", "region": "CA", "postal_code": "94110"}}


def _estimate(client, cart, body=ADDRESS):
    return client.post(f"/api/v1/carts/{cart.pk}/shipping-estimates/", body, format="json")


def test_estimates_list_every_method_with_cost_and_dates(api_client):
    cart = CartItemFactory(quantity=2, variant__price=Decimal("20.00")).cart

    response = _estimate(api_client, cart)

    assert response.status_code == 200
    body = response.json()["data"]
    by_method = {estimate["method"]: estimate for estimate in body["estimates"]}
    assert set(by_method) == {"standard", "express"}
    assert (by_method["standard"]["cost"], by_method["standard"]["carrier"]) == ("6.95", "USPS")
    assert (by_method["express"]["cost"], by_method["express"]["currency"]) == ("19.95", "USD")
    for estimate in body["estimates"]:
        assert date.fromisoformat(estimate["estimated_delivery_min"]) <= date.fromisoformat(
            estimate["estimated_delivery_max"])
    assert by_method["standard"]["selected"] is True
    assert (body["free_shipping_threshold"], body["amount_to_free_shipping"]) == ("75.00", "35.00")


def test_standard_is_free_from_the_threshold_after_discounts_and_express_is_not(api_client):
    cart = CartItemFactory(quantity=4, variant__price=Decimal("20.00")).cart  # 80.00
    CartDiscountFactory(cart=cart, discount=DiscountCodeFactory(value=Decimal("5")))  # −4.00 → 76.00

    body = _estimate(api_client, cart).json()["data"]

    costs = {estimate["method"]: estimate["cost"] for estimate in body["estimates"]}
    assert costs == {"standard": "0.00", "express": "19.95"}
    assert body["amount_to_free_shipping"] == "0.00"


def test_a_discount_that_drops_below_the_threshold_brings_shipping_back(api_client):
    cart = CartItemFactory(quantity=4, variant__price=Decimal("20.00")).cart  # 80.00
    CartDiscountFactory(cart=cart, discount=DiscountCodeFactory(value=Decimal("10")))  # −8.00 → 72.00

    body = api_client.get(f"/api/v1/carts/{cart.pk}/").json()["data"]

    assert (body["shipping_total"], body["total"]) == ("6.95", "78.95")


def test_free_shipping_code_makes_every_method_free(api_client):
    cart = CartItemFactory().cart
    CartDiscountFactory(cart=cart, discount=DiscountCodeFactory(type=DiscountCode.Type.FREE_SHIPPING,
                                                                value=Decimal("0")))

    body = _estimate(api_client, cart).json()["data"]

    assert {estimate["cost"] for estimate in body["estimates"]} == {"0.00"}


def test_selected_express_method_is_what_the_cart_charges(api_client):
    cart = CartItemFactory(quantity=5, variant__price=Decimal("20.00")).cart
    api_client.patch(f"/api/v1/carts/{cart.pk}/", {"shipping_method": "express"}, format="json")

    cart_body = api_client.get(f"/api/v1/carts/{cart.pk}/").json()["data"]
    estimates = _estimate(api_client, cart).json()["data"]["estimates"]

    assert cart_body["shipping_total"] == "19.95"  # express is never free by threshold
    assert [estimate["method"] for estimate in estimates if estimate["selected"]] == ["express"]


def test_empty_cart_shows_the_flat_rates(api_client):
    body = _estimate(api_client, CartFactory()).json()["data"]

    assert [estimate["cost"] for estimate in body["estimates"]] == ["6.95", "19.95"]
    assert body["amount_to_free_shipping"] == "75.00"


@pytest.mark.parametrize("body, field", [
    ({}, "address"),
    ({"address": {}}, "address.country"),
    ({"address": {"country": "USA"}}, "address.country"),
    ({"address": {"country": "1"}}, "address.country"),
    ({"address": "US"}, "address"),
])
def test_bad_address_is_400_naming_the_field(api_client, body, field):
    response = _estimate(api_client, CartFactory(), body)

    assert response.status_code == 400 and response.json()["error"]["code"] == "validation_error"
    assert response.json()["error"]["details"][0]["field"] == field


@pytest.mark.parametrize("start, days, expected", [
    (date(2026, 11, 27), 1, date(2026, 11, 30)),  # Friday + 1 business day = Monday
    (date(2026, 11, 28), 1, date(2026, 11, 30)),  # Saturday
    (date(2026, 11, 23), 3, date(2026, 11, 26)),  # Monday + 3 = Thursday
    (date(2026, 11, 23), 7, date(2026, 12, 2)),
])
def test_business_days_skip_weekends(start, days, expected):
    assert business_days_add(start, days) == expected
