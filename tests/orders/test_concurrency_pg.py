"""Checkout under real concurrency on PostgreSQL: threads, each with its own connection, through the API."""

import pytest
from django.db import connection
from rest_framework.test import APIClient

from carts.models import DiscountCode, DiscountUsage
from catalog.models import Variant
from orders.models import Order
from tests.carts.factories import CartDiscountFactory, DiscountCodeFactory
from tests.concurrency import run_concurrently
from tests.orders.conftest import checkout_url
from tests.orders.factories import CartFactory, CartItemFactory, VariantFactory, checkout_body

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL: SQLite serialises writers"),
    pytest.mark.django_db(transaction=True),
]


def checkout(cart):
    response = APIClient().post(checkout_url(cart), checkout_body(), format="json")
    return response.status_code, response.json()


def test_thirty_shoppers_for_the_last_five_units_make_exactly_five_orders():
    variant = VariantFactory(quantity=5)
    carts = [CartItemFactory(cart=CartFactory(), variant=variant, quantity=1).cart for _ in range(30)]

    results = run_concurrently(checkout, [(cart,) for cart in carts])

    statuses = [status for status, _ in results]
    assert statuses.count(201) == 5
    assert statuses.count(409) == 25
    assert {body["error"]["code"] for status, body in results if status == 409} == {"out_of_stock"}
    assert Variant.objects.get(pk=variant.pk).quantity == 0
    assert Order.objects.filter(payment_status="paid").count() == 5
    numbers = list(Order.objects.values_list("number", flat=True))
    assert len(set(numbers)) == 5


def test_single_use_code_raced_by_twenty_checkouts_is_used_once():
    code = DiscountCodeFactory(code="ONLYONCE", usage_limit=1)
    carts = []
    for _ in range(20):
        cart = CartItemFactory(cart=CartFactory(), variant=VariantFactory(quantity=5), quantity=1).cart
        CartDiscountFactory(cart=cart, discount=code)
        carts.append(cart)

    results = run_concurrently(checkout, [(cart,) for cart in carts])

    statuses = [status for status, _ in results]
    assert statuses.count(201) == 1
    assert statuses.count(400) == 19
    assert {body["error"]["details"][0]["field"] for status, body in results if status == 400} == {"code"}
    assert DiscountCode.objects.get(pk=code.pk).times_used == 1
    assert DiscountUsage.objects.count() == 1
    assert Order.objects.count() == 1
    assert sum(Variant.objects.values_list("quantity", flat=True)) == 20 * 5 - 1


def test_carts_with_the_same_variants_in_opposite_order_never_deadlock():
    first, second = VariantFactory(quantity=100), VariantFactory(quantity=100)
    carts = []
    for index in range(16):
        cart = CartFactory()
        for variant in ((first, second) if index % 2 else (second, first)):
            CartItemFactory(cart=cart, variant=variant, quantity=2)
        carts.append(cart)

    results = run_concurrently(checkout, [(cart,) for cart in carts])

    assert [status for status, _ in results] == [201] * 16
    assert list(Variant.objects.filter(pk__in=[first.pk, second.pk]).values_list("quantity", flat=True)) == [68, 68]


def test_order_numbers_are_unique_under_concurrency():
    carts = [CartItemFactory(cart=CartFactory(), variant=VariantFactory(quantity=5), quantity=1).cart
             for _ in range(12)]

    results = run_concurrently(checkout, [(cart,) for cart in carts])

    numbers = [body["data"]["number"] for _, body in results]
    assert len(set(numbers)) == 12
    assert all(number.startswith("MNKY-") and int(number[5:]) >= 1001 for number in numbers)


def test_the_same_guest_checkout_sent_four_times_at_once_charges_once():
    cart = CartItemFactory(cart=CartFactory(), variant=VariantFactory(quantity=5), quantity=1).cart

    def send(key):
        response = APIClient().post(checkout_url(cart), checkout_body(), format="json", HTTP_IDEMPOTENCY_KEY=key)
        return response.status_code

    with_key = run_concurrently(send, [("same-key",)] * 4)
    assert with_key.count(201) >= 1 and set(with_key) <= {201, 409}  # 201 (or its replay) or in progress
    assert Order.objects.count() == 1

    without_key = run_concurrently(checkout, [(cart,)] * 3)
    assert [status for status, _ in without_key] == [409] * 3  # the cart is checked out: still one order
    assert Order.objects.count() == 1
    assert Variant.objects.get(pk=cart.items.get().variant_id).quantity == 4
