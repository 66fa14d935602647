from decimal import Decimal

import pytest

from carts.models import Cart, CartItem
from tests.carts.factories import (
    CartDiscountFactory,
    CartFactory,
    CartItemFactory,
    CategoryFactory,
    CustomerCartFactory,
    DiscountCodeFactory,
    VariantFactory,
)

pytestmark = pytest.mark.django_db

MERGE_QUERIES = 25


def _merge(client, cart):
    return client.post(f"/api/v1/carts/{cart.pk}/merge/", {}, format="json")


def test_merge_sums_quantities_and_marks_the_guest_cart_merged(customer_client):
    shared, only_guest = VariantFactory(quantity=50), VariantFactory(quantity=50)
    mine = CustomerCartFactory(customer=customer_client.customer)
    CartItemFactory(cart=mine, variant=shared, quantity=2)
    guest = CartFactory()
    CartItemFactory(cart=guest, variant=shared, quantity=3)
    CartItemFactory(cart=guest, variant=only_guest, quantity=1)

    response = _merge(customer_client, guest)

    assert response.status_code == 200
    body = response.json()["data"]
    assert body["id"] == str(mine.pk)
    assert {item["variant_id"]: item["quantity"] for item in body["items"]} == {shared.pk: 5, only_guest.pk: 1}
    guest.refresh_from_db()
    assert guest.status == Cart.Status.MERGED and guest.merged_into_id == mine.pk


def test_merge_caps_quantities_by_stock_and_the_line_maximum(customer_client):
    scarce, plenty = VariantFactory(quantity=4), VariantFactory(quantity=500)
    mine = CustomerCartFactory(customer=customer_client.customer)
    CartItemFactory(cart=mine, variant=scarce, quantity=3)
    CartItemFactory(cart=mine, variant=plenty, quantity=90)
    guest = CartFactory()
    CartItemFactory(cart=guest, variant=scarce, quantity=3)
    CartItemFactory(cart=guest, variant=plenty, quantity=20)

    body = _merge(customer_client, guest).json()["data"]

    assert {item["variant_id"]: item["quantity"] for item in body["items"]} == {scarce.pk: 4, plenty.pk: 99}


def test_merge_leaves_behind_lines_no_longer_on_sale_or_sold_out(customer_client):
    guest = CartFactory()
    CartItemFactory(cart=guest, variant__product__status="archived")
    CartItemFactory(cart=guest, variant__quantity=0)
    kept = CartItemFactory(cart=guest, variant__quantity=5, quantity=2)

    body = _merge(customer_client, guest).json()["data"]

    assert [(item["variant_id"], item["quantity"]) for item in body["items"]] == [(kept.variant_id, 2)]


def test_merge_creates_the_customers_cart_when_they_have_none(customer_client):
    guest = CartItemFactory(quantity=2).cart

    body = _merge(customer_client, guest).json()["data"]

    assert body["customer"] == customer_client.customer.pk and body["item_count"] == 2
    assert Cart.objects.get(customer=customer_client.customer).status == Cart.Status.OPEN


def test_merge_carries_codes_that_still_qualify_and_drops_the_others(customer_client):
    guest = CartItemFactory(quantity=2, variant__price=Decimal("20.00")).cart
    CartDiscountFactory(cart=guest, discount=DiscountCodeFactory(code="STILLGOOD", combinable=True))
    CartDiscountFactory(cart=guest, discount=DiscountCodeFactory(code="LIMITED", usage_limit=1, times_used=1,
                                                                  combinable=True))

    body = _merge(customer_client, guest).json()["data"]

    assert [code["code"] for code in body["discount_codes"]] == ["STILLGOOD"]
    assert body["discount_total"] == "4.00"


def test_merge_keeps_the_customers_code_over_a_conflicting_guest_code(customer_client):
    mine = CustomerCartFactory(customer=customer_client.customer)
    CartItemFactory(cart=mine)
    CartDiscountFactory(cart=mine, discount=DiscountCodeFactory(code="MINE"))
    guest = CartItemFactory().cart
    CartDiscountFactory(cart=guest, discount=DiscountCodeFactory(code="THEIRS"))

    body = _merge(customer_client, guest).json()["data"]

    assert [code["code"] for code in body["discount_codes"]] == ["MINE"]


def test_merging_again_returns_the_same_cart_unchanged(customer_client):
    guest = CartItemFactory(quantity=2).cart

    first = _merge(customer_client, guest).json()["data"]
    second = _merge(customer_client, guest)

    assert second.status_code == 200
    assert second.json()["data"]["id"] == first["id"] and second.json()["data"]["item_count"] == 2


def test_merge_needs_a_signed_in_customer(api_client, admin_client):
    guest = CartItemFactory().cart

    anonymous = _merge(api_client, guest)
    api_key = _merge(admin_client, guest)

    assert (anonymous.status_code, api_key.status_code) == (401, 403)
    assert (anonymous.json()["error"]["code"], api_key.json()["error"]["code"]) == ("not_authenticated",
                                                                                  "permission_denied")
    assert Cart.objects.get(pk=guest.pk).status == Cart.Status.OPEN


def test_merging_your_own_cart_is_refused(customer_client):
    mine = CustomerCartFactory(customer=customer_client.customer)

    response = _merge(customer_client, mine)

    assert response.status_code == 400 and response.json()["error"]["code"] == "validation_error"
    assert Cart.objects.get(pk=mine.pk).status == Cart.Status.OPEN


def test_a_checked_out_guest_cart_cannot_be_merged(customer_client):
    guest = CartFactory(status=Cart.Status.CHECKED_OUT)

    response = _merge(customer_client, guest)

    assert response.status_code == 409 and response.json()["error"]["code"] == "conflict"
    assert Cart.objects.get(pk=guest.pk).status == Cart.Status.CHECKED_OUT
    assert not Cart.objects.filter(customer=customer_client.customer).exists()


def test_merged_guest_cart_points_to_the_customers_cart_and_refuses_writes(api_client, customer_client):
    guest = CartItemFactory().cart
    target = _merge(customer_client, guest).json()["data"]["id"]

    read = api_client.get(f"/api/v1/carts/{guest.pk}/")
    write = api_client.post(f"/api/v1/carts/{guest.pk}/items/", {"variant_id": VariantFactory().pk},
                            format="json")

    assert read.json()["data"]["status"] == "merged" and read.json()["data"]["merged_into"] == target
    assert write.status_code == 409 and write.json()["error"]["context"]["merged_into"] == target
    assert write.json()["error"]["code"] == "conflict" and CartItem.objects.filter(cart=guest).count() == 1


# The customer (token) and the guest cart row; in the service (2 savepoints): the customer's open cart,
# both carts locked and read once with lines, codes and the codes' products and categories (5), the line
# update and insert, the category walk and the shopper's uses of the carried code, its insert, the two
# cart stamps; then the response read (cart, lines, codes, their products and categories, category walk).
@pytest.mark.parametrize("lines", [1, 20])
def test_merge_costs_the_same_with_1_and_20_lines(customer_client, django_assert_num_queries, lines):
    mine = CustomerCartFactory(customer=customer_client.customer)
    guest, candles = CartFactory(), CategoryFactory()
    for _ in range(lines):
        shared = VariantFactory()
        CartItemFactory(cart=mine, variant=shared)
        CartItemFactory(cart=guest, variant=shared)
        CartItemFactory(cart=guest, variant__product__category=candles)
    CartDiscountFactory(cart=guest, discount=DiscountCodeFactory(categories=[candles], usage_limit_per_customer=1))

    with django_assert_num_queries(MERGE_QUERIES):
        response = _merge(customer_client, guest)

    assert response.status_code == 200 and len(response.json()["data"]["items"]) == 2 * lines
    assert [code["applicable"] for code in response.json()["data"]["discount_codes"]] == [True]
