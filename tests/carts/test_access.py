"""Object-level access: a guest cart is anyone's who knows its id; a customer's cart is only theirs."""

import pytest

from carts.models import Cart, CartItem
from tests.carts.factories import CartItemFactory, CustomerCartFactory, DiscountCodeFactory, VariantFactory

pytestmark = pytest.mark.django_db


def _calls(cart, item, variant, code):
    base = f"/api/v1/carts/{cart.pk}/"
    return [
        ("get", base, None),
        ("patch", base, {"note": "mine now"}),
        ("post", base + "items/", {"variant_id": variant.pk, "quantity": 1}),
        ("patch", base + f"items/{item.pk}/", {"quantity": 2}),
        ("delete", base + f"items/{item.pk}/", None),
        ("post", base + "discounts/", {"code": code.code}),
        ("delete", base + f"discounts/{code.code}/", None),
        ("post", base + "shipping-estimates/", {"address": {"country": "US"}}),
    ]


@pytest.fixture
def owned(db):
    item = CartItemFactory(cart=CustomerCartFactory(), quantity=1)
    return item.cart, item, VariantFactory(), DiscountCodeFactory()


@pytest.mark.parametrize("caller", ["anonymous", "other_customer", "admin_key"])
def test_a_customers_cart_is_404_to_everyone_else(caller, owned, api_client, make_customer_client, admin_client):
    client = {"anonymous": api_client, "other_customer": make_customer_client(),
              "admin_key": admin_client}[caller]
    cart, item, variant, code = owned

    statuses = [getattr(client, method)(url, body, format="json").status_code
                for method, url, body in _calls(cart, item, variant, code)]

    assert statuses == [404] * len(statuses)
    assert CartItem.objects.get(pk=item.pk).quantity == 1
    cart.refresh_from_db()
    assert cart.note == "" and not cart.applied_discounts.exists()


def test_another_customer_cannot_merge_a_customers_cart(owned, make_customer_client):
    cart = owned[0]

    response = make_customer_client().post(f"/api/v1/carts/{cart.pk}/merge/", {}, format="json")

    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"
    assert Cart.objects.get(pk=cart.pk).status == Cart.Status.OPEN


def test_the_owner_uses_their_cart(owned, make_customer_client):
    cart, item, variant, code = owned
    client = make_customer_client(cart.customer)

    statuses = [getattr(client, method)(url, body, format="json").status_code
                for method, url, body in _calls(cart, item, variant, code)[:4]]

    assert statuses == [200, 200, 201, 200]


def test_a_guest_cart_is_usable_by_whoever_knows_its_id(api_client, make_customer_client, guest_cart_id):
    variant = VariantFactory()
    signed_in = make_customer_client()

    added = signed_in.post(f"/api/v1/carts/{guest_cart_id}/items/", {"variant_id": variant.pk}, format="json")
    read = api_client.get(f"/api/v1/carts/{guest_cart_id}/")

    assert added.status_code == 201
    assert read.status_code == 200 and read.json()["data"]["item_count"] == 1


def test_an_invalid_token_is_401_not_a_guest_cart(api_client):
    api_client.credentials(HTTP_AUTHORIZATION="Bearer not-a-token")

    response = api_client.post("/api/v1/carts/", {}, format="json")

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "invalid_token"
