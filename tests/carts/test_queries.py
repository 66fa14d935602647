"""Query counts do not grow with the number of lines (or, for lists, the page size)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.carts.factories import (
    CartDiscountFactory,
    CartItemFactory,
    CategoryFactory,
    CustomerCartFactory,
    DiscountCodeFactory,
    ProductFactory,
    VariantFactory,
)

pytestmark = pytest.mark.django_db


def _cart_with_lines(count, cart=None):
    first = CartItemFactory(**({"cart": cart} if cart else {}))
    for _ in range(count - 1):
        CartItemFactory(cart=first.cart)
    CartDiscountFactory(cart=first.cart, discount=DiscountCodeFactory(categories=[CategoryFactory()],
                                                                      combinable=True))
    CartDiscountFactory(cart=first.cart, discount=DiscountCodeFactory(products=[ProductFactory()],
                                                                      combinable=True))
    return first.cart


# GET: cart, its lines (variant + product joined), its codes, their products, their categories,
# and the category tree (a category-limited code is applied).
GET_QUERIES = 6


@pytest.mark.parametrize("lines", [1, 50])
def test_get_cart_costs_the_same_with_1_and_50_lines(api_client, django_assert_num_queries, lines):
    cart = _cart_with_lines(lines)

    with django_assert_num_queries(GET_QUERIES):
        response = api_client.get(f"/api/v1/carts/{cart.pk}/")

    assert response.status_code == 200 and len(response.json()["data"]["items"]) == lines


# Add: the access check (the cart row), then in the service's savepoint (2) the cart locked and stamped
# (one UPDATE), its lines, codes, their products and categories, the variant with its product, the insert
# (7), and the category tree for pricing the answer from what the service loaded (1; no second read).
ADD_QUERIES = 1 + 2 + 7 + 1


@pytest.mark.parametrize("lines", [1, 50])
def test_add_item_costs_the_same_with_1_and_50_lines(api_client, django_assert_num_queries, lines):
    cart = _cart_with_lines(lines)
    variant = VariantFactory()

    with django_assert_num_queries(ADD_QUERIES):
        response = api_client.post(f"/api/v1/carts/{cart.pk}/items/", {"variant_id": variant.pk, "quantity": 1},
                                   format="json")

    assert response.status_code == 201 and len(response.json()["data"]["items"]) == lines + 1


@pytest.mark.parametrize("lines", [1, 50])
def test_customer_get_cart_costs_the_same_with_1_and_50_lines(make_customer_client, django_assert_num_queries,
                                                              lines):
    client = make_customer_client()
    cart = _cart_with_lines(lines, cart=CustomerCartFactory(customer=client.customer))

    # + the customer row the bearer token names
    with django_assert_num_queries(GET_QUERIES + 1):
        response = client.get(f"/api/v1/carts/{cart.pk}/")

    assert response.status_code == 200 and len(response.json()["data"]["items"]) == lines


@pytest.mark.parametrize("limit", [1, 100])
def test_discount_list_query_count_is_flat(admin_client, django_assert_num_queries, limit):
    for _ in range(3):
        DiscountCodeFactory(products=[ProductFactory(), ProductFactory()], categories=[CategoryFactory()])

    # API key lookup, its last-used stamp, COUNT(*), the codes, their products, their categories
    with django_assert_num_queries(6):
        response = admin_client.get(f"/api/v1/discounts/?limit={limit}")

    assert response.status_code == 200 and len(response.json()["data"]) == min(limit, 3)


def test_a_cart_without_a_code_is_not_asked_for_its_codes(api_client):
    """Its lines say it has none (an EXISTS with the lines): the write reads no code rows."""
    item = CartItemFactory()

    with CaptureQueriesContext(connection) as captured:
        response = api_client.post(f"/api/v1/carts/{item.cart_id}/items/",
                                   {"variant_id": item.variant_id, "quantity": 1}, format="json")

    assert response.status_code == 201 and response.json()["data"]["discount_codes"] == []
    assert not [q["sql"] for q in captured if q["sql"].startswith('SELECT "carts_cartdiscount"')]
    assert [q["sql"] for q in captured if q["sql"].startswith('SELECT "carts_cartitem"')]


def test_a_cart_with_a_code_still_answers_it_after_a_write(api_client):
    item = CartItemFactory()
    CartDiscountFactory(cart=item.cart, discount=DiscountCodeFactory(code="TENOFF"))

    response = api_client.post(f"/api/v1/carts/{item.cart_id}/items/",
                               {"variant_id": item.variant_id, "quantity": 1}, format="json")

    assert response.status_code == 201
    assert [code["code"] for code in response.json()["data"]["discount_codes"]] == ["TENOFF"]
