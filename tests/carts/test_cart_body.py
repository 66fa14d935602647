"""The cart answer is built by carts.api.serializers.cart_data (plain dicts, for cheap cart writes), which is
also CartSerializer's representation; it must be exactly what the serializer's documented fields give, field by
field, for every kind of line and code."""

import json
from decimal import Decimal

import pytest
from rest_framework import serializers
from rest_framework.renderers import JSONRenderer

from carts import selectors
from carts.api.serializers import CartSerializer, cart_data
from carts.models import Cart, DiscountCode
from tests.blends.factories import BlendFactory, NoteFactory, ProductBaseFactory
from tests.carts.factories import CartDiscountFactory, CartItemFactory, CustomerCartFactory, DiscountCodeFactory
from tests.carts.factories import VariantFactory as CartVariantFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def full_cart():
    """Lines of every kind (a price moved since added, a compare-at price, untracked stock, out of stock, a
    blend made as a base), two codes (one saving, one below its minimum), a note, express shipping."""
    cart = CustomerCartFactory(note="Gift wrap, please", shipping_method=Cart.ShippingMethod.EXPRESS)
    CartItemFactory(cart=cart, quantity=3, unit_price_at_add=Decimal("18.50"),
                    variant=CartVariantFactory(compare_at_price=Decimal("25.00")))
    CartItemFactory(cart=cart, variant=CartVariantFactory(track_inventory=False, price=Decimal("9.99")))
    CartItemFactory(cart=cart, quantity=2, variant=CartVariantFactory(quantity=1))
    blend = BlendFactory(customer=cart.customer, parts=[(NoteFactory(limits={"12": "50"}), "100")])
    CartItemFactory(cart=cart, variant=None, blend=blend, product_base=ProductBaseFactory(), unit_price_at_add=0)
    CartDiscountFactory(cart=cart, discount=DiscountCodeFactory(value=Decimal("12.5"), combinable=True))
    CartDiscountFactory(cart=cart, discount=DiscountCodeFactory(type=DiscountCode.Type.FIXED_AMOUNT, combinable=True,
                                                                value=Decimal("5"), minimum_subtotal=Decimal("999")))
    return cart


def test_the_cart_body_is_cart_serializers_field_by_field(full_cart):
    priced = selectors.cart_price(selectors.cart_get(cart_id=full_cart.pk, customer=full_cart.customer))
    by_fields = serializers.Serializer.to_representation  # what the declared fields give, not the override
    expected, built = by_fields(CartSerializer(priced), priced), cart_data(priced)

    assert len(priced.lines) == 4 and len(priced.codes) == 2 and priced.discount_total > 0
    assert {line.price_changed for line in priced.lines} == {True, False}
    assert {line.is_available for line in priced.lines} == {True, False}
    assert list(built) == list(expected)
    for name in expected:
        if name not in ("items", "discount_codes"):
            assert (name, built[name]) == (name, expected[name])
            assert type(built[name]) is type(expected[name]), name
    for built_rows, expected_rows in ((built["items"], expected["items"]),
                                      (built["discount_codes"], expected["discount_codes"])):
        assert len(built_rows) == len(expected_rows)
        for built_row, expected_row in zip(built_rows, expected_rows, strict=True):
            assert list(built_row) == list(expected_row)
            for name, value in expected_row.items():
                assert (name, built_row[name]) == (name, value)
                assert type(built_row[name]) is type(value), name
    render = JSONRenderer().render
    assert render(built) == render(expected)
    assert json.loads(render(built))["items"][3]["blend_id"] is not None
    assert render(CartSerializer(priced).data) == render(built)  # the serializer answers cart_data's body
