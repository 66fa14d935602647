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


def event_types(**filters) -> list[str]:
    """Webhook events recorded so far, oldest first (created_at is set at insert time, in order)."""
    from moodmnky.webhooks.models import Event

    return list(Event.objects.filter(**filters).order_by("created_at").values_list("type", flat=True))


@pytest.fixture
def place_order(make_cart):
    """place_order((2, 1), customer=None, stock=50, token="tok_success") -> a paid order made by a real checkout."""
    from orders.services import order_checkout
    from tests.orders.factories import ADDRESS

    def place(quantities=(2, 1), *, customer=None, stock=50, price="20.00"):
        cart = make_cart(quantities, customer=customer, stock=stock, price=price)
        email = customer.email if customer else "g@example.com"
        return order_checkout(cart_id=cart.pk, customer=customer, email=email, shipping_method="standard",
                              shipping_address=dict(ADDRESS, company="", line2="", phone=""),
                              payment_gateway="test", payment_token="tok_success", actor=Actor(system="test"))

    return place


@pytest.fixture
def admin_site_client(client, staff_user):
    """Django's test client signed in to the admin as a superuser."""
    staff_user.is_superuser = True
    staff_user.save(update_fields=["is_superuser"])
    client.force_login(staff_user)
    return client
