"""Applying and removing codes on a cart: every rule, and how each code type prices."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from carts.models import CartDiscount, DiscountCode, DiscountUsage
from tests.carts.factories import (
    CartFactory,
    CartItemFactory,
    CategoryFactory,
    CustomerCartFactory,
    DiscountCodeFactory,
    VariantFactory,
)

pytestmark = pytest.mark.django_db


def _apply(client, cart, code):
    return client.post(f"/api/v1/carts/{cart.pk}/discounts/", {"code": code}, format="json")


def _refused(response) -> str:
    assert response.status_code == 400, response.content
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    assert error["details"][0]["field"] == "code"
    return error["message"]


@pytest.fixture
def cart(db):
    """A guest cart with 2 × 20.00 = 40.00."""
    item = CartItemFactory(quantity=2, variant__price=Decimal("20.00"))
    return item.cart


def test_percentage_code_applies_and_answers_the_whole_cart(api_client, cart):
    DiscountCodeFactory(code="WELCOME10", value=Decimal("10"))

    response = _apply(api_client, cart, "welcome10")

    assert response.status_code == 200
    body = response.json()["data"]
    assert body["discount_codes"] == [{"code": "WELCOME10", "type": "percentage", "amount": "4.00",
                                       "applicable": True}]
    assert (body["subtotal"], body["discount_total"], body["shipping_total"], body["total"]) == (
        "40.00", "4.00", "6.95", "42.95")


def test_unknown_code_is_refused(api_client, cart):
    message = _refused(_apply(api_client, cart, "NOPE"))

    assert "recognise" in message


def test_unknown_inactive_and_not_yet_started_codes_get_one_message(api_client, cart):
    DiscountCodeFactory(code="OLD", is_active=False)
    DiscountCodeFactory(code="SOON", starts_at=timezone.now() + timedelta(days=3))

    unknown, inactive, scheduled = (_refused(_apply(api_client, cart, code)) for code in ("NOPE", "old", "SOON"))

    assert inactive == scheduled == unknown  # nothing says a code exists, in which case, or when it starts
    assert CartDiscount.objects.count() == 0


def test_expired_code_is_refused_with_its_end_date(api_client, cart):
    DiscountCodeFactory(code="SUMMER", ends_at=timezone.now() - timedelta(days=1))

    message = _refused(_apply(api_client, cart, "SUMMER"))

    assert "expired on" in message


def test_code_below_its_minimum_says_how_much_is_missing(api_client, cart):
    DiscountCodeFactory(code="BIG", minimum_subtotal=Decimal("50.00"))

    message = _refused(_apply(api_client, cart, "BIG"))

    assert "50.00 USD" in message and "add 10.00 USD more" in message


def test_used_up_code_is_refused(api_client, cart):
    DiscountCodeFactory(code="LIMITED", usage_limit=2, times_used=2)

    assert "reached its usage limit" in _refused(_apply(api_client, cart, "LIMITED"))


def test_code_used_up_by_this_customer_is_refused(make_customer_client):
    client = make_customer_client()
    cart = CustomerCartFactory(customer=client.customer)
    CartItemFactory(cart=cart)
    code = DiscountCodeFactory(code="ONCE", usage_limit_per_customer=1)
    DiscountUsage.objects.create(discount=code, code=code.code, customer=client.customer, order_reference="MNKY-1")

    message = _refused(_apply(client, cart, "ONCE"))

    assert "once per customer" in message


def test_code_used_up_by_this_email_is_refused_for_a_guest(api_client, cart):
    cart.email = "guest@example.com"
    cart.save()
    code = DiscountCodeFactory(code="ONCE", usage_limit_per_customer=1)
    DiscountUsage.objects.create(discount=code, code=code.code, email="guest@example.com")

    assert "already used it" in _refused(_apply(api_client, cart, "ONCE"))


def test_code_for_other_products_is_refused(api_client, cart):
    DiscountCodeFactory(code="FIGONLY", products=[VariantFactory().product])

    assert "doesn't apply to any item" in _refused(_apply(api_client, cart, "FIGONLY"))


def test_code_on_an_empty_cart_is_refused(api_client):
    DiscountCodeFactory(code="ANY")

    assert "Add something" in _refused(_apply(api_client, CartFactory(), "ANY"))


def test_second_code_is_refused_unless_both_combine(api_client, cart):
    DiscountCodeFactory(code="FIRST", combinable=False)
    DiscountCodeFactory(code="SECOND", combinable=True)
    DiscountCodeFactory(code="THIRD", combinable=False)
    assert _apply(api_client, cart, "FIRST").status_code == 200

    blocked_by_first = _refused(_apply(api_client, cart, "SECOND"))
    not_combinable = _refused(_apply(api_client, cart, "THIRD"))

    assert "FIRST" in blocked_by_first and "can't be combined" in blocked_by_first
    assert "THIRD can't be combined" in not_combinable
    assert list(cart.applied_discounts.values_list("discount__code", flat=True)) == ["FIRST"]


def test_combinable_codes_stack_each_on_what_the_last_left(api_client, cart):
    DiscountCodeFactory(code="TENOFF", type=DiscountCode.Type.FIXED_AMOUNT, value=Decimal("10"), combinable=True)
    DiscountCodeFactory(code="HALF", value=Decimal("50"), combinable=True)

    _apply(api_client, cart, "TENOFF")
    body = _apply(api_client, cart, "HALF").json()["data"]

    assert [code["amount"] for code in body["discount_codes"]] == ["10.00", "15.00"]
    assert body["discount_total"] == "25.00"


def test_reapplying_a_code_changes_nothing(api_client, cart):
    DiscountCodeFactory(code="AGAIN")

    _apply(api_client, cart, "AGAIN")
    response = _apply(api_client, cart, "again")

    assert response.status_code == 200
    assert len(response.json()["data"]["discount_codes"]) == 1


def test_removing_a_code_answers_the_cart_and_unknown_is_404(api_client, cart):
    DiscountCodeFactory(code="BYE")
    _apply(api_client, cart, "BYE")

    removed = api_client.delete(f"/api/v1/carts/{cart.pk}/discounts/bye/")
    again = api_client.delete(f"/api/v1/carts/{cart.pk}/discounts/BYE/")

    assert removed.status_code == 200
    assert removed.json()["data"]["discount_codes"] == [] and removed.json()["data"]["discount_total"] == "0.00"
    assert again.status_code == 404 and again.json()["error"]["code"] == "not_found"


def test_code_stays_listed_at_zero_when_the_cart_falls_below_its_minimum(api_client):
    item = CartItemFactory(quantity=3, variant__price=Decimal("20.00"))
    DiscountCodeFactory(code="SPEND50", value=Decimal("10"), minimum_subtotal=Decimal("50"))
    assert _apply(api_client, item.cart, "SPEND50").json()["data"]["discount_total"] == "6.00"

    response = api_client.patch(f"/api/v1/carts/{item.cart.pk}/items/{item.pk}/", {"quantity": 2}, format="json")

    body = response.json()["data"]
    assert body["discount_codes"] == [{"code": "SPEND50", "type": "percentage", "amount": "0.00",
                                       "applicable": False}]
    assert body["discount_total"] == "0.00" and body["total"] == "46.95"


def test_code_deactivated_after_applying_saves_nothing(api_client, cart):
    code = DiscountCodeFactory(code="PULLED")
    _apply(api_client, cart, "PULLED")
    code.is_active = False
    code.save()

    body = api_client.get(f"/api/v1/carts/{cart.pk}/").json()["data"]

    assert body["discount_codes"][0]["amount"] == "0.00" and body["discount_total"] == "0.00"


def test_product_limited_percentage_discounts_only_those_lines(api_client):
    fig = VariantFactory(price=Decimal("30.00"))
    cart = CartItemFactory(variant=fig).cart
    CartItemFactory(cart=cart, variant__price=Decimal("10.00"))
    DiscountCodeFactory(code="FIG20", value=Decimal("20"), products=[fig.product])

    body = _apply(api_client, cart, "FIG20").json()["data"]

    assert body["discount_total"] == "6.00"
    assert [item["discount_total"] for item in body["items"]] == ["6.00", "0.00"]


def test_category_limited_code_covers_the_categories_below(api_client):
    candles = CategoryFactory(name="Candles")
    jar = CategoryFactory(name="Jar candles", parent=candles)
    cart = CartItemFactory(variant__price=Decimal("40.00"), variant__product__category=jar).cart
    CartItemFactory(cart=cart, variant__price=Decimal("10.00"))
    DiscountCodeFactory(code="CANDLE", type=DiscountCode.Type.FIXED_AMOUNT, value=Decimal("5"),
                        categories=[candles])

    body = _apply(api_client, cart, "CANDLE").json()["data"]

    assert body["discount_total"] == "5.00"
    assert [item["discount_total"] for item in body["items"]] == ["5.00", "0.00"]


def test_fixed_amount_never_exceeds_the_eligible_subtotal(api_client):
    cheap = VariantFactory(price=Decimal("8.00"))
    cart = CartItemFactory(variant=cheap).cart
    CartItemFactory(cart=cart, variant__price=Decimal("50.00"))
    DiscountCodeFactory(code="TWENTY", type=DiscountCode.Type.FIXED_AMOUNT, value=Decimal("20"),
                        products=[cheap.product])

    body = _apply(api_client, cart, "TWENTY").json()["data"]

    assert body["discount_codes"][0]["amount"] == "8.00"
    assert body["total"] == "56.95"  # 58.00 − 8.00 + 6.95 shipping


def test_free_shipping_code_zeroes_shipping_and_shows_what_it_saved(api_client, cart):
    DiscountCodeFactory(code="FREESHIP", type=DiscountCode.Type.FREE_SHIPPING, value=Decimal("0"))

    body = _apply(api_client, cart, "FREESHIP").json()["data"]

    assert body["shipping_total"] == "0.00" and body["discount_total"] == "0.00"
    assert body["discount_codes"] == [{"code": "FREESHIP", "type": "free_shipping", "amount": "6.95",
                                       "applicable": True}]
    assert body["total"] == "40.00"


def test_applying_to_a_closed_cart_is_409(api_client, cart):
    cart.status = "merged"
    cart.save()
    DiscountCodeFactory(code="LATE")

    response = _apply(api_client, cart, "LATE")

    assert response.status_code == 409 and response.json()["error"]["code"] == "conflict"
    assert not CartDiscount.objects.exists()
