"""Checkout, cancellation and refunds keep `Product.in_stock` (tests/catalog/test_product_in_stock.py: the rest)."""

import pytest

from catalog.models import Product
from moodmnky.actors import SYSTEM

pytestmark = pytest.mark.django_db


def stored(product) -> bool:
    return Product.objects.values_list("in_stock", flat=True).get(pk=product.pk)


def test_checkout_cancel_and_refund_flip_it(place_order):
    from orders.services import order_cancel, order_refund

    order = place_order((1,), stock=1)
    product = order.lines.get().variant.product
    assert stored(product) is False  # the checkout sold the last unit
    order_cancel(order_id=order.pk, actor=SYSTEM)
    assert stored(product) is True  # the cancellation put it back

    order = place_order((1,), stock=1)
    line = order.lines.get()
    assert stored(line.variant.product) is False
    order_refund(order_id=order.pk, amount=order.amount_paid, actor=SYSTEM,
                 lines=[{"line_id": line.pk, "quantity": 1, "restock": True}])
    assert stored(line.variant.product) is True
