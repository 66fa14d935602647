import json
from decimal import Decimal

import pytest
from django.core.serializers.json import DjangoJSONEncoder

from catalog.models import StockMovement, Variant
from customers.models import LoyaltyTransaction
from orders.api.serializers import OrderSerializer
from orders.events import order_payload
from orders.models import Order
from orders.selectors import order_queryset
from tests.orders.conftest import event_types
from tests.orders.factories import ADDRESS, OrderFactory, VariantFactory

pytestmark = pytest.mark.django_db


def url(order, action="") -> str:
    return f"/api/v1/orders/{order.pk}/{action + '/' if action else ''}"


def stock(line) -> int:
    return Variant.objects.get(pk=line.variant_id).quantity


# Reading -----------------------------------------------------------------------------------------------


def test_customer_lists_and_reads_only_their_own_orders(customer_client, place_order):
    mine = place_order(customer=customer_client.customer)
    theirs = place_order(customer=OrderFactory().customer)

    listed = customer_client.get("/api/v1/orders/").json()["data"]
    via_customers = customer_client.get("/api/v1/customers/orders/").json()["data"]

    assert [o["id"] for o in listed] == [o["id"] for o in via_customers] == [str(mine.pk)]
    assert customer_client.get(url(mine)).status_code == 200
    assert customer_client.get(url(theirs)).status_code == 404
    assert customer_client.get(url(theirs, "events")).status_code == 404
    assert customer_client.post(url(theirs, "cancel"), {}, format="json").status_code == 404
    assert Order.objects.get(pk=theirs.pk).status == "confirmed"


def test_anonymous_is_401_and_customers_cannot_use_admin_actions(api_client, customer_client, place_order):
    order = place_order(customer=customer_client.customer)

    assert api_client.get("/api/v1/orders/").status_code == 401
    assert api_client.get("/api/v1/customers/orders/").status_code == 401
    assert api_client.get(url(order)).status_code == 401
    for action in ("pay", "refunds", "fulfillments"):
        response = customer_client.post(url(order, action), {}, format="json")
        assert response.status_code == 403, action
        assert response.json()["error"]["code"] == "permission_denied"


def test_read_scope_cannot_write(make_admin_client, place_order):
    client = make_admin_client("orders:read")
    order = place_order()

    assert client.get(url(order)).status_code == 200
    response = client.post(url(order, "cancel"), {}, format="json")
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "insufficient_scope"
    assert make_admin_client("products:read").get("/api/v1/orders/").status_code == 403


def test_detail_has_lines_and_events(admin_client, place_order):
    order = place_order()

    data = admin_client.get(url(order)).json()["data"]
    events = admin_client.get(url(order, "events")).json()["data"]

    assert len(data["lines"]) == 2
    assert [e["type"] for e in data["events"]] == [e["type"] for e in events] == ["created", "confirmed", "paid"]


def test_admin_filters(admin_client, place_order):
    paid = place_order()
    pending = OrderFactory(email="Phone@Example.com")

    def ids(query):
        response = admin_client.get(f"/api/v1/orders/?{query}")
        assert response.status_code == 200, response.json()
        return [o["id"] for o in response.json()["data"]]

    assert ids("status=pending") == [str(pending.pk)]
    assert ids("payment_status=paid") == [str(paid.pk)]
    assert ids("fulfillment_status=unfulfilled&email=phone@example.com") == [str(pending.pk)]
    assert set(ids("created_after=2000-01-01T00:00:00Z")) == {str(paid.pk), str(pending.pk)}
    assert ids("created_before=2000-01-01T00:00:00Z") == []
    assert admin_client.get("/api/v1/orders/?status=lost").status_code == 400


def test_pagination_defaults_to_10_and_clamps_at_50(admin_client):
    OrderFactory.create_batch(12)

    first = admin_client.get("/api/v1/orders/").json()
    clamped = admin_client.get("/api/v1/orders/?limit=500").json()

    assert len(first["data"]) == 10 and first["meta"]["pagination"]["total"] == 12
    assert clamped["meta"]["pagination"]["limit"] == 50


def test_webhook_payload_is_the_admin_body(admin_client, place_order):
    order = place_order()

    body = admin_client.get(url(order)).json()["data"]
    payload = json.loads(json.dumps(order_payload(order_queryset().get(pk=order.pk)), cls=DjangoJSONEncoder))

    assert payload == body
    assert set(OrderSerializer.Meta.fields) == set(payload)


# Admin create and pay -----------------------------------------------------------------------------------


def test_admin_creates_a_pending_unpaid_order_then_pays_it(admin_client):
    variant = VariantFactory(price=Decimal("12.50"), quantity=5)
    body = {"email": "Phone@Example.com", "lines": [{"variant_id": variant.pk, "quantity": 2}],
            "shipping_address": ADDRESS, "shipping_method": "express"}

    created = admin_client.post("/api/v1/orders/", body, format="json")

    assert created.status_code == 201, created.json()
    order = created.json()["data"]
    assert (order["status"], order["payment_status"], order["email"]) == ("pending", "unpaid", "phone@example.com")
    assert (order["subtotal"], order["shipping_total"], order["total"]) == ("25.00", "19.95", "44.95")
    assert Variant.objects.get(pk=variant.pk).quantity == 3

    paid = admin_client.post(f"/api/v1/orders/{order['id']}/pay/", {}, format="json")

    assert paid.status_code == 200
    assert (paid.json()["data"]["status"], paid.json()["data"]["payment_status"]) == ("confirmed", "paid")
    assert [e["type"] for e in paid.json()["data"]["events"]] == ["created", "confirmed", "paid"]
    assert admin_client.post(f"/api/v1/orders/{order['id']}/pay/", {}, format="json").status_code == 409


def test_admin_create_with_payment_is_confirmed_and_paid(admin_client):
    variant = VariantFactory(quantity=5)
    body = {"customer_id": OrderFactory().customer_id, "lines": [{"variant_id": variant.pk, "quantity": 1}],
            "shipping_address": ADDRESS, "payment": {"gateway": "test", "token": "tok_success"}}

    order = admin_client.post("/api/v1/orders/", body, format="json").json()["data"]

    assert (order["status"], order["payment_status"]) == ("confirmed", "paid")


def test_admin_create_refuses_unknown_variant_and_customer(admin_client):
    body = {"email": "a@example.com", "lines": [{"variant_id": 999999, "quantity": 1}], "shipping_address": ADDRESS}

    unknown_variant = admin_client.post("/api/v1/orders/", body, format="json")
    unknown_customer = admin_client.post("/api/v1/orders/", {**body, "customer_id": 999999}, format="json")

    assert unknown_variant.json()["error"]["details"][0]["field"] == "lines.0.variant_id"
    assert unknown_customer.json()["error"]["details"][0]["field"] == "customer_id"
    assert not Order.objects.exists()


# Fulfillment and status ----------------------------------------------------------------------------------


def test_partial_then_full_fulfillment_ships_the_order(admin_client, place_order):
    order = place_order((2, 1))
    first, second = order.lines.all()

    partial = admin_client.post(url(order, "fulfillments"), {"lines": [{"line_id": first.pk, "quantity": 1}],
                                                             "carrier": "USPS", "tracking_number": "9400"},
                                format="json")

    assert partial.status_code == 201
    assert (partial.json()["data"]["status"], partial.json()["data"]["fulfillment_status"]) == ("confirmed",
                                                                                                "partial")
    too_many = admin_client.post(url(order, "fulfillments"), {"lines": [{"line_id": first.pk, "quantity": 2}]},
                                 format="json")
    assert too_many.status_code == 400
    assert too_many.json()["error"]["details"][0]["field"] == "lines.0.quantity"

    rest = admin_client.post(url(order, "fulfillments"), {"carrier": "UPS", "tracking_number": "1Z"}, format="json")

    data = rest.json()["data"]
    assert (data["status"], data["fulfillment_status"]) == ("shipped", "fulfilled")
    assert [f["tracking_number"] for f in data["fulfillments"]] == ["9400", "1Z"]
    assert data["fulfillments"][1]["lines"] == [{"line_id": first.pk, "quantity": 1},
                                                {"line_id": second.pk, "quantity": 1}]
    assert "order.shipped" in event_types()


def test_status_patch_ships_with_tracking_then_delivers(admin_client, place_order):
    order = place_order((1,))

    shipped = admin_client.patch(url(order, "status"), {"status": "shipped", "carrier": "UPS",
                                                        "tracking_number": "1Z999"}, format="json")
    delivered = admin_client.patch(url(order, "status"), {"status": "delivered", "note": "Left at door"},
                                   format="json")

    assert shipped.json()["data"]["fulfillments"][0]["tracking_number"] == "1Z999"
    assert delivered.status_code == 200
    data = delivered.json()["data"]
    assert (data["status"], data["events"][-1]["note"]) == ("delivered", "Left at door")


# Refunds and cancellation --------------------------------------------------------------------------------


def test_partial_refunds_add_up_and_never_exceed_what_was_paid(admin_client, place_order):
    order = place_order((2, 1))  # 60.00 + 6.95

    first = admin_client.post(url(order, "refunds"), {"amount": "10.00", "reason": "scratched"}, format="json")
    assert first.status_code == 201
    assert (first.json()["data"]["payment_status"], first.json()["data"]["amount_refunded"]) == (
        "partially_refunded", "10.00")

    too_much = admin_client.post(url(order, "refunds"), {"amount": "56.96"}, format="json")
    assert too_much.status_code == 400
    assert too_much.json()["error"]["details"][0]["field"] == "amount"

    rest = admin_client.post(url(order, "refunds"), {"amount": "56.95"}, format="json")
    data = rest.json()["data"]
    assert (data["payment_status"], data["amount_refunded"], data["amount_paid"]) == ("refunded", "66.95", "66.95")
    assert [r["amount"] for r in data["refunds"]] == ["10.00", "56.95"]
    assert admin_client.post(url(order, "refunds"), {"amount": "0.01"}, format="json").status_code == 400
    assert event_types(type="order.refunded") == ["order.refunded", "order.refunded"]


def test_refund_restocks_lines_and_reverses_points(admin_client, place_order, customer):
    order = place_order((2,), customer=customer, stock=10)  # 40.00 + 6.95 = 46 points
    line = order.lines.get()

    response = admin_client.post(url(order, "refunds"), {"amount": "20.00", "lines": [
        {"line_id": line.pk, "quantity": 1, "restock": True}]}, format="json")

    assert response.status_code == 201
    assert response.json()["data"]["lines"][0]["quantity_refunded"] == 1
    assert stock(line) == 9
    assert StockMovement.objects.filter(reason="refund", delta=1).count() == 1
    customer.refresh_from_db()
    assert customer.loyalty_points == 26  # floor(46.95 - 20.00)
    assert LoyaltyTransaction.objects.filter(type="reverse").count() == 1


def test_cancel_restocks_refunds_and_reverses_points(admin_client, place_order, customer):
    order = place_order((2, 1), customer=customer, stock=10)
    lines = list(order.lines.all())

    response = admin_client.post(url(order, "cancel"), {"reason": "Customer called"}, format="json")

    data = response.json()["data"]
    assert (data["status"], data["payment_status"], data["amount_refunded"]) == ("cancelled", "refunded", "66.95")
    assert [stock(line) for line in lines] == [10, 10]
    assert StockMovement.objects.filter(reason="cancel").count() == 2
    assert [e["type"] for e in data["events"]][-2:] == ["cancelled", "refunded"]
    customer.refresh_from_db()
    assert customer.loyalty_points == 0
    assert event_types(type__in=["order.cancelled", "order.refunded"]) == ["order.cancelled", "order.refunded"]


def test_customer_cancels_own_order_before_it_ships_but_not_after(customer_client, admin_client, place_order):
    cancellable = place_order((1,), customer=customer_client.customer)
    shipped = place_order((1,), customer=customer_client.customer)
    admin_client.post(url(shipped, "fulfillments"), {}, format="json")

    assert customer_client.post(url(cancellable, "cancel"), {}, format="json").json()["data"]["status"] == "cancelled"
    refused = customer_client.post(url(shipped, "cancel"), {}, format="json")
    assert refused.status_code == 409
    assert refused.json()["error"]["code"] == "invalid_transition"


def test_cancelling_an_unpaid_order_refunds_nothing(admin_client):
    variant = VariantFactory(quantity=5)
    order = admin_client.post("/api/v1/orders/", {"email": "a@example.com", "shipping_address": ADDRESS,
                                                  "lines": [{"variant_id": variant.pk, "quantity": 2}]},
                              format="json").json()["data"]

    data = admin_client.post(f"/api/v1/orders/{order['id']}/cancel/", {}, format="json").json()["data"]

    assert (data["status"], data["payment_status"], data["refunds"]) == ("cancelled", "unpaid", [])
    assert Variant.objects.get(pk=variant.pk).quantity == 5
