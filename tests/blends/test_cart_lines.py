from decimal import Decimal

import pytest

from blends.models import Note
from carts.models import Cart, CartItem
from tests.blends.factories import BlendFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def cart_id(customer_client):
    return customer_client.post("/api/v1/carts/", {}, format="json").json()["data"]["id"]


@pytest.fixture
def blend(customer, notes):
    return BlendFactory(customer=customer, name="Evening", parts=[
        (notes["bergamot"], "30"), (notes["rose"], "25.50"), (notes["sandalwood"], "40.50"), (notes["clove"], "4")])


def _add(client, cart_id, blend, base, quantity=1):
    return client.post(f"/api/v1/carts/{cart_id}/items/", {"blend_id": str(blend.pk), "product_base_id": base.pk,
                                                          "quantity": quantity}, format="json")


def test_a_compliant_blend_goes_into_the_cart_at_the_formulation_price(customer_client, cart_id, blend, bases):
    response = _add(customer_client, cart_id, blend, bases["candle"], quantity=2)

    assert response.status_code == 201
    data = response.json()["data"]
    item = data["items"][0]
    assert (item["blend_id"], item["product_base_id"], item["variant_id"]) == (str(blend.pk), bases["candle"].pk, None)
    assert (item["unit_price"], item["line_total"], item["name"]) == ("40.00", "80.00", "Evening – 8 oz Candle")
    assert item["is_available"] is True
    assert data["subtotal"] == "80.00"


def test_a_non_compliant_blend_is_refused_naming_the_notes(customer_client, cart_id, blend, bases):
    response = _add(customer_client, cart_id, blend, bases["body_oil"])

    assert response.status_code == 400
    error = response.json()["error"]
    assert "Bergamot" in error["message"] and "Clove" not in error["message"]
    assert error["details"][0]["field"] == "product_base_id"
    assert error["context"]["violations"][0]["note_slug"] == "bergamot"
    assert not CartItem.objects.exists()


def test_another_customers_blend_is_a_400_naming_blend_id(customer_client, cart_id, bases):
    other = BlendFactory()

    response = _add(customer_client, cart_id, other, bases["candle"])

    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["field"] == "blend_id"


def test_a_guest_cannot_add_a_blend(api_client, blend, bases):
    guest_cart = api_client.post("/api/v1/carts/", {}, format="json").json()["data"]["id"]

    response = _add(api_client, guest_cart, blend, bases["candle"])

    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["field"] == "blend_id"


def test_variant_and_blend_together_are_refused(customer_client, cart_id, blend, bases):
    response = customer_client.post(f"/api/v1/carts/{cart_id}/items/", {
        "variant_id": 1, "blend_id": str(blend.pk), "product_base_id": bases["candle"].pk}, format="json")

    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["field"] == "variant_id"


def test_the_same_blend_and_base_again_raise_the_quantity(customer_client, cart_id, blend, bases):
    _add(customer_client, cart_id, blend, bases["candle"])

    data = _add(customer_client, cart_id, blend, bases["candle"], quantity=2).json()["data"]

    assert [item["quantity"] for item in data["items"]] == [3]


def test_more_than_the_oils_can_make_is_409(customer_client, cart_id, blend, bases, notes):
    # one candle needs 22.68 g of oil: clove 4 % = 0.9072 g; 2.00 g make two candles
    Note.objects.filter(pk=notes["clove"].pk).update(stock_grams=Decimal("2.00"))

    response = _add(customer_client, cart_id, blend, bases["candle"], quantity=3)

    assert response.status_code == 409
    error = response.json()["error"]
    assert error["code"] == "out_of_stock" and error["context"]["available"] == 2


def test_patching_a_blend_line_checks_the_stock(customer_client, cart_id, blend, bases, notes):
    item_id = _add(customer_client, cart_id, blend, bases["candle"]).json()["data"]["items"][0]["id"]
    Note.objects.filter(pk=notes["clove"].pk).update(stock_grams=Decimal("2.00"))

    ok = customer_client.patch(f"/api/v1/carts/{cart_id}/items/{item_id}/", {"quantity": 2}, format="json")
    too_many = customer_client.patch(f"/api/v1/carts/{cart_id}/items/{item_id}/", {"quantity": 3}, format="json")

    assert ok.status_code == 200 and ok.json()["data"]["items"][0]["quantity"] == 2
    assert too_many.status_code == 409


def test_a_line_made_non_compliant_later_shows_unavailable(customer_client, cart_id, blend, bases, notes):
    _add(customer_client, cart_id, blend, bases["candle"])
    notes["clove"].ifra_limits.filter(ifra_category="12").update(limit=Decimal("0.1"))

    item = customer_client.get(f"/api/v1/carts/{cart_id}/").json()["data"]["items"][0]

    assert item["is_available"] is False


def test_a_cart_item_is_a_variant_or_a_blend_never_both_nor_neither(customer, blend, bases):
    from django.db import IntegrityError, transaction

    from tests.carts.factories import VariantFactory

    cart = Cart.objects.create(customer=customer)
    with pytest.raises(IntegrityError), transaction.atomic():
        CartItem.objects.create(cart=cart, quantity=1, unit_price_at_add=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        CartItem.objects.create(cart=cart, quantity=1, unit_price_at_add=1, variant=VariantFactory(), blend=blend,
                                product_base=bases["candle"])
    with pytest.raises(IntegrityError), transaction.atomic():
        CartItem.objects.create(cart=cart, quantity=1, unit_price_at_add=1, blend=blend)


def test_cart_with_blend_lines_reads_in_a_fixed_number_of_queries(customer_client, cart_id, customer, notes, bases,
                                                                 django_assert_max_num_queries):
    for _ in range(2):
        _add(customer_client, cart_id, BlendFactory(customer=customer, parts=[(notes["rose"], "100")]),
             bases["candle"])
    with django_assert_max_num_queries(20) as few:
        customer_client.get(f"/api/v1/carts/{cart_id}/")
    allowed = len(few.captured_queries)  # read now: the next request resets the connection's query log
    for _ in range(4):
        _add(customer_client, cart_id, BlendFactory(customer=customer, parts=[(notes["sandalwood"], "100")]),
             bases["candle"])

    with django_assert_max_num_queries(allowed):
        response = customer_client.get(f"/api/v1/carts/{cart_id}/")

    assert len(response.json()["data"]["items"]) == 6


def test_a_customer_cannot_put_their_blend_in_a_guest_cart(customer_client, api_client, blend, bases):
    guest_cart = api_client.post("/api/v1/carts/", {}, format="json").json()["data"]["id"]

    response = _add(customer_client, guest_cart, blend, bases["candle"])

    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["field"] == "blend_id"
    assert not CartItem.objects.exists()
