"""Blend lines through checkout, the lifecycle, cancel and refunds (orders.services.lines, kind `blend`)."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.formats import date_format

from blends.models import Note, NoteStockMovement
from blends.services import blend_update
from carts.models import Cart, CartItem
from moodmnky.actors import Actor
from orders.models import Order, OrderLine
from orders.services import order_checkout
from tests.blends.factories import BlendFactory
from tests.orders.conftest import checkout_url
from tests.orders.factories import ADDRESS, CartFactory, checkout_body

pytestmark = pytest.mark.django_db


@pytest.fixture
def blend(customer, notes):
    return BlendFactory(customer=customer, name="Evening", parts=[
        (notes["bergamot"], "30"), (notes["rose"], "25.50"), (notes["sandalwood"], "40.50"), (notes["clove"], "4")])


def blend_cart(customer, *lines):
    """A customer's cart with (blend, base, quantity) lines."""
    cart = CartFactory(customer=customer, email=customer.email)
    for blend, base, quantity in lines:
        CartItem.objects.create(cart=cart, blend=blend, product_base=base, quantity=quantity,
                                unit_price_at_add=base.price + Decimal("8.00"))
    return cart


def checkout(client, cart, **overrides):
    return client.post(checkout_url(cart), checkout_body(email=cart.email, **overrides), format="json")


def stock() -> dict:
    return dict(Note.objects.values_list("slug", "stock_grams"))


def test_checkout_prices_snapshots_and_dates_a_blend_line(customer_client, customer, blend, bases):
    response = checkout(customer_client, blend_cart(customer, (blend, bases["candle"], 2)))

    assert response.status_code == 201
    order = response.json()["data"]
    line = order["lines"][0]
    assert (line["unit_price"], line["line_total"], line["is_made_to_order"]) == ("40.00", "80.00", True)
    assert order["subtotal"] == "80.00"
    snapshot = line["blend"]
    assert (snapshot["blend_id"], snapshot["version"], snapshot["cure_days"]) == (str(blend.pk), 1, 7)
    assert [c["note_slug"] for c in snapshot["components"]] == ["bergamot", "rose", "sandalwood", "clove"]
    formulation = snapshot["formulation"]
    assert (formulation["quantity"], formulation["product_base_id"]) == (2, bases["candle"].pk)
    assert sum(Decimal(c["grams"]) for c in formulation["components"]) == Decimal(formulation["fragrance_grams"])
    assert snapshot["ifra"]["compliant"] is True and "amendments" in snapshot["ifra"]
    assert order["ready_by"] == (timezone.now() + timedelta(days=7)).date().isoformat()
    assert OrderLine.objects.get().blend_version_id == blend.current_version_id


def test_the_order_keeps_its_version_after_the_customer_changes_the_blend(customer_client, customer, blend, bases,
                                                                           notes, admin_client):
    order = checkout(customer_client, blend_cart(customer, (blend, bases["candle"], 1))).json()["data"]
    old_version, old_snapshot = blend.current_version_id, order["lines"][0]["blend"]

    blend_update(blend=blend, actor=Actor(user=customer), components=[
        {"note_id": notes["rose"].pk, "percentage": "50.00"},
        {"note_id": notes["sandalwood"].pk, "percentage": "50.00"}])

    blend.refresh_from_db()
    assert blend.current_version_id != old_version
    line = OrderLine.objects.get()
    assert line.blend_version_id == old_version
    again = admin_client.get(f"/api/v1/orders/{order['id']}/").json()["data"]
    assert again["lines"][0]["blend"] == old_snapshot


def test_a_non_compliant_blend_is_refused_at_checkout_and_nothing_is_consumed(customer_client, customer, blend,
                                                                              bases):
    cart = blend_cart(customer, (blend, bases["candle"], 1), (blend, bases["body_oil"], 1))
    before = stock()

    response = checkout(customer_client, cart)

    assert response.status_code == 400
    error = response.json()["error"]
    assert "Bergamot" in error["message"]
    assert [v["note_slug"] for v in error["context"]["violations"]] == ["bergamot"]
    assert stock() == before
    assert not NoteStockMovement.objects.exists() and not Order.objects.exists()
    assert Cart.objects.get(pk=cart.pk).status == Cart.Status.OPEN


def test_checkout_takes_the_grams_and_cancel_puts_them_back(customer_client, customer, blend, bases, admin_client):
    before = stock()
    order = checkout(customer_client, blend_cart(customer, (blend, bases["candle"], 3))).json()["data"]
    grams = {c["note_slug"]: Decimal(c["grams"]) for c in order["lines"][0]["blend"]["formulation"]["components"]}

    taken = NoteStockMovement.objects.filter(reference=order["number"], reason="sale")
    assert {m.note.slug: -m.delta for m in taken} == grams
    assert stock() == {slug: before[slug] - grams[slug] for slug in before}

    response = admin_client.post(f"/api/v1/orders/{order['id']}/cancel/", {"reason": "Changed mind"}, format="json")

    assert response.status_code == 200
    released = NoteStockMovement.objects.filter(reference=order["number"], reason="cancel")
    assert {m.note.slug: m.delta for m in released} == grams
    assert stock() == before
    assert OrderLine.objects.get().quantity_restocked == 3


def test_a_declined_payment_leaves_the_note_stock_untouched(customer_client, customer, blend, bases):
    before = stock()

    response = checkout(customer_client, blend_cart(customer, (blend, bases["candle"], 1)),
                        payment={"gateway": "test", "token": "tok_declined"})

    assert response.status_code == 402
    assert stock() == before
    assert not NoteStockMovement.objects.exists()


def test_short_note_stock_is_a_409_and_takes_nothing(customer_client, customer, blend, bases, notes):
    Note.objects.filter(pk=notes["clove"].pk).update(stock_grams=Decimal("0.50"))
    before = stock()

    response = checkout(customer_client, blend_cart(customer, (blend, bases["candle"], 1)))

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "out_of_stock"
    assert stock() == before and not NoteStockMovement.objects.exists()


def test_a_blend_order_goes_through_processing_before_it_ships(customer_client, customer, blend, bases, admin_client):
    order = checkout(customer_client, blend_cart(customer, (blend, bases["candle"], 1))).json()["data"]
    url = f"/api/v1/orders/{order['id']}/status/"

    refused = admin_client.patch(url, {"status": "shipped"}, format="json")
    assert refused.status_code == 409
    assert refused.json()["error"]["code"] == "invalid_transition"

    assert admin_client.patch(url, {"status": "processing"}, format="json").status_code == 200
    shipped = admin_client.patch(url, {"status": "shipped", "carrier": "USPS"}, format="json")
    assert shipped.status_code == 200
    assert shipped.json()["data"]["status"] == "shipped"


def test_a_refund_cannot_restock_a_blend_line_but_can_refund_it(customer_client, customer, blend, bases,
                                                                admin_client):
    order = checkout(customer_client, blend_cart(customer, (blend, bases["candle"], 1))).json()["data"]
    line_id, url = order["lines"][0]["id"], f"/api/v1/orders/{order['id']}/refunds/"
    movements = NoteStockMovement.objects.count()

    refused = admin_client.post(url, {"amount": "10.00", "lines": [{"line_id": line_id, "quantity": 1,
                                                                    "restock": True}]}, format="json")
    assert refused.status_code == 400
    assert refused.json()["error"]["details"][0]["field"] == "lines.0.restock"

    done = admin_client.post(url, {"amount": "10.00", "lines": [{"line_id": line_id, "quantity": 1}]}, format="json")
    assert done.status_code == 201
    assert NoteStockMovement.objects.count() == movements


def test_ready_by_is_the_longest_cure_of_the_blend_lines(customer_client, customer, blend, bases, notes):
    quick = BlendFactory(customer=customer, parts=[(notes["rose"], "100")])
    bases["candle"].cure_days = 14
    bases["candle"].save()
    cart = blend_cart(customer, (quick, bases["body_oil"], 1), (blend, bases["candle"], 1))

    order = checkout(customer_client, cart).json()["data"]

    assert order["ready_by"] == (timezone.now() + timedelta(days=14)).date().isoformat()


def test_the_customers_export_holds_the_blend_order(customer_client, customer, blend, bases):
    number = checkout(customer_client, blend_cart(customer, (blend, bases["candle"], 1))).json()["data"]["number"]

    response = customer_client.get("/api/v1/customers/profile/export/")

    assert response.status_code == 200
    orders = response.json()["data"]["orders"]
    assert [o["number"] for o in orders] == [number]


def test_the_admin_order_page_links_the_batch_sheet(client, staff_user, customer_client, customer, blend, bases):
    order = checkout(customer_client, blend_cart(customer, (blend, bases["candle"], 2))).json()["data"]

    staff_user.is_superuser = True
    staff_user.save(update_fields=["is_superuser"])
    client.force_login(staff_user)

    page = client.get(f"/admin/orders/order/{order['id']}/change/")

    assert page.status_code == 200
    html = page.content.decode()
    assert f"/admin/blends/blend/{blend.pk}/batch-sheet/{bases['candle'].pk}/?version=1&amp;quantity=2" in html
    sheet = client.get(f"/admin/blends/blend/{blend.pk}/batch-sheet/{bases['candle'].pk}/?version=1&quantity=2")
    assert sheet.status_code == 200


def _checkout_queries(customer, cart) -> int:
    with CaptureQueriesContext(connection) as queries:
        order_checkout(cart_id=cart.pk, customer=customer, email=customer.email, shipping_method="standard",
                       shipping_address=dict(ADDRESS, company="", line2="", phone=""), payment_gateway="test",
                       payment_token="tok_success", actor=Actor(user=customer))
    return len(queries)


def test_checkout_queries_do_not_grow_with_blend_lines(customer, notes, bases):
    parts = [(notes["rose"], "50"), (notes["sandalwood"], "50")]
    # The store's first order also creates SQLite's order-number counter row (once ever; whether this test finds
    # it depends on the tests before it in the process), so one order first.
    _checkout_queries(customer, blend_cart(
        customer, (BlendFactory(customer=customer, parts=parts), bases["candle"], 1)))
    first = _checkout_queries(customer, blend_cart(
        customer, (BlendFactory(customer=customer, parts=parts), bases["candle"], 1)))
    second = _checkout_queries(customer, blend_cart(
        customer, *[(BlendFactory(customer=customer, parts=parts), bases["candle"], 1) for _ in range(5)]))

    assert second == first, (first, second)


def test_the_confirmation_and_processing_emails_give_the_ready_date(customer_client, customer, blend, bases,
                                                                    admin_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        order = checkout(customer_client, blend_cart(customer, (blend, bases["candle"], 1))).json()["data"]
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.patch(f"/api/v1/orders/{order['id']}/status/", {"status": "processing"}, format="json")

    ready = date_format(Order.objects.get().ready_by)  # as the templates print it
    confirmation, processing = mail.outbox
    assert f"Made-to-order items will be ready by {ready}." in confirmation.body
    assert "Evening" in confirmation.body
    assert f"Expected ready by {ready}" in processing.body
