"""Blend checkouts under real concurrency on PostgreSQL: threads, each with its own connection, through the API."""

from decimal import Decimal

import pytest
from django.db import connection
from rest_framework.test import APIClient

from blends.models import Note, NoteStockMovement
from carts.models import CartItem
from moodmnky.tokens import tokens_for
from orders.models import Order
from tests.blends.factories import BlendFactory, NoteFactory, ProductBaseFactory
from tests.concurrency import run_concurrently
from tests.customers.factories import CustomerFactory
from tests.orders.conftest import checkout_url
from tests.orders.factories import CartFactory, checkout_body

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL: SQLite serialises writers"),
    pytest.mark.django_db(transaction=True),
]


def blend_cart(parts, base):
    customer = CustomerFactory()
    cart = CartFactory(customer=customer, email=customer.email)
    CartItem.objects.create(cart=cart, blend=BlendFactory(customer=customer, parts=parts), product_base=base,
                            quantity=1, unit_price_at_add=base.price)
    return customer, cart


def checkout(customer, cart):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {tokens_for(customer)['access_token']}")
    response = client.post(checkout_url(cart), checkout_body(email=customer.email), format="json")
    return response.status_code, response.json()


def test_twenty_blend_checkouts_for_a_scarce_note_never_oversell_it():
    # One candle (226.80 g at 10 %) of a 50/50 blend takes 11.34 g of each note: 50 g of the scarce one makes 4.
    base = ProductBaseFactory(fragrance_load=Decimal("10.00"), fill_weight_g=Decimal("226.80"))
    scarce, plenty = NoteFactory(stock_grams=Decimal("50.00")), NoteFactory(stock_grams=Decimal("10000.00"))
    carts = [blend_cart([(scarce, "50"), (plenty, "50")], base) for _ in range(20)]

    results = run_concurrently(checkout, carts)

    statuses = [status for status, _ in results]
    assert statuses.count(201) == 4
    assert statuses.count(409) == 16
    assert {body["error"]["code"] for status, body in results if status == 409} == {"out_of_stock"}
    assert Note.objects.get(pk=scarce.pk).stock_grams == Decimal("50.00") - 4 * Decimal("11.34")
    assert Note.objects.get(pk=plenty.pk).stock_grams == Decimal("10000.00") - 4 * Decimal("11.34")
    assert NoteStockMovement.objects.filter(note=scarce, reason="sale").count() == 4
    assert Order.objects.filter(payment_status="paid").count() == 4


def test_carts_holding_the_same_notes_in_opposite_order_never_deadlock():
    base = ProductBaseFactory()
    first, second = NoteFactory(stock_grams=Decimal("5000.00")), NoteFactory(stock_grams=Decimal("5000.00"))
    carts = [blend_cart([(first, "60"), (second, "40")] if i % 2 else [(second, "60"), (first, "40")], base)
             for i in range(12)]

    results = run_concurrently(checkout, carts)

    assert [status for status, _ in results] == [201] * 12, [body for _, body in results]
    taken = sum(-m.delta for m in NoteStockMovement.objects.filter(reason="sale"))
    assert Note.objects.get(pk=first.pk).stock_grams + Note.objects.get(pk=second.pk).stock_grams == \
        Decimal("10000.00") - taken
