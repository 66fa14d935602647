import pytest

from moodmnky.actors import Actor
from tests.orders.factories import CartFactory, CartItemFactory, VariantFactory


@pytest.fixture
def staff_actor(staff_user):
    return Actor(user=staff_user)


@pytest.fixture
def make_cart(db):
    """make_cart((2, 1), stock=50, customer=None): a guest (or customer's) cart, one line per quantity."""

    def make(quantities=(2,), *, stock=50, customer=None, price="20.00"):
        cart = CartFactory(customer=customer, email=customer.email if customer else "")
        for quantity in quantities:
            CartItemFactory(cart=cart, quantity=quantity, variant=VariantFactory(quantity=stock, price=price))
        return cart

    return make


def checkout_url(cart) -> str:
    return f"/api/v1/carts/{cart.pk}/checkout/"
