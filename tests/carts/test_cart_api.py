import uuid
from decimal import Decimal

import pytest

from carts.models import Cart, CartItem
from catalog.models import Product
from tests.carts.factories import CartFactory, CartItemFactory, VariantFactory

pytestmark = pytest.mark.django_db


def _url(cart_id, suffix=""):
    return f"/api/v1/carts/{cart_id}/{suffix}"


def _add(client, cart_id, variant_id, quantity=1):
    return client.post(_url(cart_id, "items/"), {"variant_id": variant_id, "quantity": quantity}, format="json")


def test_guest_cart_is_created_with_a_uuid_and_empty_totals(api_client):
    response = api_client.post("/api/v1/carts/", {}, format="json")

    assert response.status_code == 201
    body = response.json()["data"]
    assert uuid.UUID(body["id"])
    assert body["customer"] is None and body["status"] == "open"
    assert (body["items"], body["discount_codes"]) == ([], [])
    assert [body[key] for key in ("subtotal", "discount_total", "shipping_total", "tax_total", "total")] == [
        "0.00"] * 5
    assert body["currency"] == "USD" and body["item_count"] == 0


def test_customer_gets_their_open_cart_back_with_201(customer_client):
    first = customer_client.post("/api/v1/carts/", {}, format="json")
    second = customer_client.post("/api/v1/carts/", {}, format="json")

    assert (first.status_code, second.status_code) == (201, 201)  # the contract: POST /carts/ is 201
    assert first.json()["data"]["id"] == second.json()["data"]["id"]
    assert first.json()["data"]["customer"] == customer_client.customer.pk
    assert first.json()["data"]["email"] == customer_client.customer.email
    assert Cart.objects.filter(customer=customer_client.customer).count() == 1


def test_patch_sets_email_note_and_shipping_method(api_client, guest_cart_id):
    response = api_client.patch(_url(guest_cart_id), {"email": "Shopper@Example.com", "note": "Gift wrap please",
                                                      "shipping_method": "express"}, format="json")

    assert response.status_code == 200
    body = response.json()["data"]
    assert (body["email"], body["note"], body["shipping_method"]) == (
        "shopper@example.com", "Gift wrap please", "express")


def test_patch_refuses_a_bad_email_naming_the_field(api_client, guest_cart_id):
    response = api_client.patch(_url(guest_cart_id), {"email": "not-an-email"}, format="json")

    assert response.status_code == 400 and response.json()["error"]["code"] == "validation_error"
    assert response.json()["error"]["details"][0]["field"] == "email"
    assert Cart.objects.get(pk=guest_cart_id).email == ""


@pytest.mark.parametrize("cart_id", ["not-a-uuid", "12345", "00000000-0000-0000-0000-00000000000g",
                                     "3efda5df-8f25-49c0-ad22-1303e8230574"])  # a well-formed id no cart has
def test_malformed_or_unknown_cart_id_is_404(api_client, cart_id):
    responses = [api_client.get(_url(cart_id)), api_client.post(_url(cart_id, "items/"), {}, format="json")]

    assert [response.status_code for response in responses] == [404, 404]
    assert responses[0].json()["error"]["code"] == "not_found"


def test_add_item_answers_201_with_the_whole_cart(api_client, guest_cart_id):
    variant = VariantFactory(price=Decimal("24.00"), name="8 oz", product__name="Moonlit Fig")

    response = _add(api_client, guest_cart_id, variant.pk, 2)

    assert response.status_code == 201
    body = response.json()["data"]
    item = body["items"][0]
    assert item["variant_id"] == variant.pk and item["sku"] == variant.sku
    assert item["name"] == "Moonlit Fig – 8 oz"
    assert (item["quantity"], item["unit_price"], item["line_total"]) == (2, "24.00", "48.00")
    assert item["price_changed"] is False and item["previous_unit_price"] is None
    assert (body["subtotal"], body["shipping_total"], body["total"], body["item_count"]) == (
        "48.00", "6.95", "54.95", 2)


def test_adding_the_same_variant_again_raises_the_quantity(api_client, guest_cart_id, variant):
    _add(api_client, guest_cart_id, variant.pk, 2)

    response = _add(api_client, guest_cart_id, variant.pk, 3)

    items = response.json()["data"]["items"]
    assert len(items) == 1 and items[0]["quantity"] == 5
    assert CartItem.objects.get().quantity == 5


@pytest.mark.parametrize("quantity", [0, -1, 100, "two"])
def test_add_refuses_a_quantity_outside_1_to_99(api_client, guest_cart_id, variant, quantity):
    response = _add(api_client, guest_cart_id, variant.pk, quantity)

    assert response.status_code == 400 and response.json()["error"]["code"] == "validation_error"
    assert response.json()["error"]["details"][0]["field"] == "quantity"
    assert not CartItem.objects.filter(cart_id=guest_cart_id).exists()


def test_add_refuses_a_line_above_99_in_total(api_client, guest_cart_id):
    variant = VariantFactory(quantity=500)
    _add(api_client, guest_cart_id, variant.pk, 60)

    response = _add(api_client, guest_cart_id, variant.pk, 40)

    assert response.status_code == 400 and response.json()["error"]["code"] == "validation_error"
    assert response.json()["error"]["details"][0]["field"] == "quantity"
    assert "99" in response.json()["error"]["message"]
    assert CartItem.objects.get(cart_id=guest_cart_id).quantity == 60


@pytest.mark.parametrize("status", [Product.Status.DRAFT, Product.Status.ARCHIVED])
def test_add_refuses_a_product_not_on_sale(api_client, guest_cart_id, status):
    variant = VariantFactory(product__status=status)

    response = _add(api_client, guest_cart_id, variant.pk)

    assert response.status_code == 400 and response.json()["error"]["code"] == "validation_error"
    assert response.json()["error"]["details"][0]["field"] == "variant_id"
    assert not CartItem.objects.filter(cart_id=guest_cart_id).exists()


def test_add_refuses_an_unknown_variant_and_a_missing_one(api_client, guest_cart_id):
    unknown = _add(api_client, guest_cart_id, 999999)
    missing = api_client.post(_url(guest_cart_id, "items/"), {"quantity": 1}, format="json")

    assert (unknown.status_code, missing.status_code) == (400, 400)
    assert unknown.json()["error"]["code"] == missing.json()["error"]["code"] == "validation_error"
    assert unknown.json()["error"]["details"][0]["field"] == "variant_id"
    assert missing.json()["error"]["details"][0]["field"] == "variant_id"
    assert not CartItem.objects.filter(cart_id=guest_cart_id).exists()


def test_add_more_than_in_stock_is_409_with_the_available_quantity(api_client, guest_cart_id):
    variant = VariantFactory(quantity=3)

    response = _add(api_client, guest_cart_id, variant.pk, 4)

    assert response.status_code == 409
    error = response.json()["error"]
    assert error["code"] == "out_of_stock"
    assert error["context"]["available"] == 3 and error["context"]["requested"] == 4
    assert error["details"] == [{"field": "quantity", "message": error["message"]}]
    assert "Only 3" in error["message"]
    assert not CartItem.objects.exists()


def test_stock_counts_what_is_already_in_the_cart(api_client, guest_cart_id):
    variant = VariantFactory(quantity=5)
    _add(api_client, guest_cart_id, variant.pk, 4)

    response = _add(api_client, guest_cart_id, variant.pk, 2)

    assert response.status_code == 409 and response.json()["error"]["code"] == "out_of_stock"
    assert response.json()["error"]["context"]["available"] == 5
    assert CartItem.objects.get(cart_id=guest_cart_id).quantity == 4
    assert "already have 4" in response.json()["error"]["message"]


def test_sold_out_variant_says_out_of_stock(api_client, guest_cart_id):
    variant = VariantFactory(quantity=0)

    response = _add(api_client, guest_cart_id, variant.pk)

    assert response.status_code == 409 and response.json()["error"]["code"] == "out_of_stock"
    assert response.json()["error"]["context"]["available"] == 0
    assert not CartItem.objects.filter(cart_id=guest_cart_id).exists()
    assert "out of stock" in response.json()["error"]["message"]


@pytest.mark.parametrize("fields", [{"track_inventory": False}, {"allow_backorder": True}])
def test_untracked_or_backorder_variants_have_no_stock_limit(api_client, guest_cart_id, fields):
    variant = VariantFactory(quantity=0, **fields)

    response = _add(api_client, guest_cart_id, variant.pk, 40)

    assert response.status_code == 201
    assert response.json()["data"]["items"][0]["available_quantity"] is None


def test_price_change_is_shown_and_totals_use_the_new_price(api_client, guest_cart_id):
    variant = VariantFactory(price=Decimal("20.00"))
    _add(api_client, guest_cart_id, variant.pk, 2)
    variant.price = Decimal("22.50")
    variant.save(update_fields=["price"])

    body = api_client.get(_url(guest_cart_id)).json()["data"]

    item = body["items"][0]
    assert (item["unit_price"], item["price_changed"], item["previous_unit_price"]) == ("22.50", True, "20.00")
    assert (item["line_total"], body["subtotal"]) == ("45.00", "45.00")


def test_patch_item_sets_the_quantity_and_answers_the_cart(api_client, guest_cart_id, variant):
    item_id = _add(api_client, guest_cart_id, variant.pk, 1).json()["data"]["items"][0]["id"]

    response = api_client.patch(_url(guest_cart_id, f"items/{item_id}/"), {"quantity": 4}, format="json")

    assert response.status_code == 200
    assert response.json()["data"]["items"][0]["quantity"] == 4


def test_patch_item_above_stock_is_409_but_lowering_is_allowed(api_client, guest_cart_id):
    variant = VariantFactory(quantity=10)
    item_id = _add(api_client, guest_cart_id, variant.pk, 8).json()["data"]["items"][0]["id"]
    variant.quantity = 2
    variant.save(update_fields=["quantity"])

    raised = api_client.patch(_url(guest_cart_id, f"items/{item_id}/"), {"quantity": 9}, format="json")
    unchanged = CartItem.objects.get(pk=item_id).quantity
    lowered = api_client.patch(_url(guest_cart_id, f"items/{item_id}/"), {"quantity": 5}, format="json")

    assert raised.status_code == 409 and raised.json()["error"]["context"]["available"] == 2
    assert raised.json()["error"]["code"] == "out_of_stock" and unchanged == 8
    assert lowered.status_code == 200
    assert lowered.json()["data"]["items"][0]["is_available"] is False


def test_patch_item_to_zero_removes_it(api_client, guest_cart_id, variant):
    item_id = _add(api_client, guest_cart_id, variant.pk, 1).json()["data"]["items"][0]["id"]

    response = api_client.patch(_url(guest_cart_id, f"items/{item_id}/"), {"quantity": 0}, format="json")

    assert response.status_code == 200
    assert response.json()["data"]["items"] == []


def test_delete_item_answers_200_with_the_whole_cart(api_client, guest_cart_id):
    first, second = VariantFactory(), VariantFactory()
    _add(api_client, guest_cart_id, first.pk)
    item_id = _add(api_client, guest_cart_id, second.pk).json()["data"]["items"][1]["id"]

    response = api_client.delete(_url(guest_cart_id, f"items/{item_id}/"))

    assert response.status_code == 200
    assert [item["variant_id"] for item in response.json()["data"]["items"]] == [first.pk]


@pytest.mark.parametrize("item_id", ["abc", "999999", "1.5"])
def test_unknown_or_malformed_item_is_404(api_client, guest_cart_id, item_id):
    responses = [api_client.patch(_url(guest_cart_id, f"items/{item_id}/"), {"quantity": 1}, format="json"),
                 api_client.delete(_url(guest_cart_id, f"items/{item_id}/"))]

    assert [response.status_code for response in responses] == [404, 404]


def test_an_item_of_another_cart_is_404(api_client, guest_cart_id):
    other = CartItemFactory()

    response = api_client.delete(_url(guest_cart_id, f"items/{other.pk}/"))

    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"
    assert CartItem.objects.filter(pk=other.pk).exists()


def test_checked_out_cart_can_be_read_but_not_changed(api_client, variant):
    cart = CartFactory(status=Cart.Status.CHECKED_OUT)

    read = api_client.get(_url(cart.pk))
    write = _add(api_client, cart.pk, variant.pk)

    assert read.status_code == 200 and read.json()["data"]["status"] == "checked_out"
    assert write.status_code == 409 and write.json()["error"]["code"] == "conflict"


def test_an_unknown_blend_is_a_400_naming_blend_id(api_client, guest_cart_id):
    response = api_client.post(_url(guest_cart_id, "items/"),
                               {"blend_id": str(uuid.uuid4()), "product_base_id": 1, "quantity": 1}, format="json")

    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["field"] == "blend_id"


def test_writes_move_last_activity(api_client, guest_cart_id, variant):
    before = Cart.objects.get(pk=guest_cart_id).last_activity_at

    _add(api_client, guest_cart_id, variant.pk)

    assert Cart.objects.get(pk=guest_cart_id).last_activity_at > before
