from decimal import Decimal

import pytest

from carts.models import Cart, DiscountUsage
from catalog.models import StockMovement, Variant
from customers.models import LoyaltyTransaction
from orders.models import Order, OrderEvent, Payment
from tests.carts.factories import CartDiscountFactory, DiscountCodeFactory
from tests.customers.factories import AddressFactory, CustomerFactory
from tests.orders.conftest import checkout_url, event_types
from tests.orders.factories import checkout_body

pytestmark = pytest.mark.django_db


def checkout(client, cart, **overrides):
    return client.post(checkout_url(cart), checkout_body(**overrides), format="json")


def stock_of(cart) -> dict:
    return dict(Variant.objects.filter(cart_items__cart=cart).values_list("sku", "quantity"))


def test_paid_checkout_answers_a_confirmed_paid_order(api_client, make_cart):
    cart = make_cart((2, 1))

    response = checkout(api_client, cart)

    assert response.status_code == 201
    order = response.json()["data"]
    assert (order["status"], order["payment_status"], order["fulfillment_status"]) == ("confirmed", "paid",
                                                                                       "unfulfilled")
    assert order["number"].startswith("MNKY-") and int(order["number"][5:]) >= 1001
    assert (order["subtotal"], order["shipping_total"], order["total"], order["amount_paid"]) == (
        "60.00", "6.95", "66.95", "66.95")
    assert [(line["quantity"], line["unit_price"], line["line_total"]) for line in order["lines"]] == [
        (2, "20.00", "40.00"), (1, "20.00", "20.00")]
    assert [e["type"] for e in order["events"]] == ["created", "confirmed", "paid"]
    assert order["email"] == "guest@example.com"


def test_checkout_takes_stock_charges_once_and_closes_the_cart(api_client, make_cart):
    cart = make_cart((2, 1), stock=5)

    number = checkout(api_client, cart).json()["data"]["number"]

    assert sorted(stock_of(cart).values()) == [3, 4]
    assert StockMovement.objects.filter(reason="sale", reference=number).count() == 2
    assert Cart.objects.get(pk=cart.pk).status == Cart.Status.CHECKED_OUT
    payment = Payment.objects.get()
    assert (payment.amount, payment.status, payment.gateway) == (Decimal("66.95"), "captured", "test")
    assert payment.raw_response["capture"]["status"] == "captured"


def test_checkout_records_webhooks_in_order(api_client, make_cart):
    checkout(api_client, make_cart((1,)))

    assert event_types(type__startswith="order.") == ["order.created", "order.confirmed", "order.status_updated",
                                                      "order.paid"]


@pytest.mark.parametrize(("token", "status", "code"), [("tok_declined", 402, "payment_declined"),
                                                       ("tok_error", 502, "payment_error")])
def test_failed_payment_consumes_nothing(api_client, make_cart, token, status, code):
    cart = make_cart((2, 1), stock=5)
    code_row = DiscountCodeFactory(code="SAVE10", usage_limit=1)
    CartDiscountFactory(cart=cart, discount=code_row)
    before = stock_of(cart)

    response = checkout(api_client, cart, payment={"gateway": "test", "token": token})

    assert response.status_code == status
    assert response.json()["error"]["code"] == code
    assert stock_of(cart) == before
    assert not StockMovement.objects.filter(reason="sale").exists()
    code_row.refresh_from_db()
    assert code_row.times_used == 0 and not DiscountUsage.objects.exists()
    assert not Order.objects.exists() and not Payment.objects.exists() and not OrderEvent.objects.exists()
    assert event_types(type__startswith="order.") == []
    assert Cart.objects.get(pk=cart.pk).status == Cart.Status.OPEN


def test_declined_cart_can_be_paid_again(api_client, make_cart):
    cart = make_cart((1,))
    checkout(api_client, cart, payment={"gateway": "test", "token": "tok_declined"})

    response = checkout(api_client, cart)

    assert response.status_code == 201


def test_code_is_counted_and_snapshotted(api_client, make_cart):
    cart = make_cart((2,))
    CartDiscountFactory(cart=cart, discount=DiscountCodeFactory(code="SAVE10", value=Decimal("10")))

    order = checkout(api_client, cart).json()["data"]

    assert order["discount_total"] == "4.00"
    assert order["discount_codes"] == [{"code": "SAVE10", "type": "percentage", "amount": "4.00"}]
    assert order["lines"][0]["discount_total"] == "4.00"
    usage = DiscountUsage.objects.get()
    assert (usage.code, usage.order_reference, usage.email) == ("SAVE10", order["number"], "guest@example.com")


def test_code_used_up_since_it_was_applied_is_400_naming_code(api_client, make_cart):
    cart = make_cart((1,))
    CartDiscountFactory(cart=cart, discount=DiscountCodeFactory(code="ONCE", usage_limit=1, times_used=1))

    response = checkout(api_client, cart)

    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["field"] == "code"
    assert not Order.objects.exists()


def test_code_below_its_minimum_is_skipped_and_not_counted(api_client, make_cart):
    cart = make_cart((1,))
    discount = DiscountCodeFactory(code="BIG", minimum_subtotal=Decimal("100.00"))
    CartDiscountFactory(cart=cart, discount=discount)

    order = checkout(api_client, cart).json()["data"]

    assert (order["discount_total"], order["discount_codes"]) == ("0.00", [])
    discount.refresh_from_db()
    assert discount.times_used == 0


def test_out_of_stock_is_409_with_available_and_takes_nothing(api_client, make_cart):
    cart = make_cart((1, 3), stock=2)

    response = checkout(api_client, cart)

    assert response.status_code == 409
    error = response.json()["error"]
    assert error["code"] == "out_of_stock" and error["context"]["available"] == 2
    assert sorted(stock_of(cart).values()) == [2, 2]
    assert not Order.objects.exists()


def test_shipping_charged_equals_the_estimate_for_the_method(api_client, make_cart):
    cart = make_cart((1,))
    estimates = api_client.post(f"/api/v1/carts/{cart.pk}/shipping-estimates/", {"address": {"country": "US"}},
                                format="json").json()["data"]["estimates"]
    express = next(e for e in estimates if e["method"] == "express")

    order = checkout(api_client, cart, shipping_method="express").json()["data"]

    assert order["shipping_total"] == express["cost"]
    assert order["shipping_method"] == "express"


def test_guest_without_email_is_400_naming_email(api_client, make_cart):
    response = checkout(api_client, make_cart((1,)), email="")

    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["field"] == "email"


def test_bad_address_is_400_naming_the_fields(api_client, make_cart):
    response = checkout(api_client, make_cart((1,)), shipping_address={"first_name": "Ada", "country": "US"})

    assert response.status_code == 400
    fields = {d["field"] for d in response.json()["error"]["details"]}
    assert {"shipping_address.line1", "shipping_address.city", "shipping_address.postal_code"} <= fields


def test_empty_cart_is_400(api_client, make_cart):
    response = checkout(api_client, make_cart(()))

    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["field"] == "items"


def test_unknown_gateway_is_400_naming_it(api_client, make_cart):
    response = checkout(api_client, make_cart((1,)), payment={"gateway": "stripe", "token": "tok_success"})

    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["field"] == "payment.gateway"


def test_second_checkout_of_the_same_cart_is_409(api_client, make_cart):
    cart = make_cart((1,))
    checkout(api_client, cart)

    response = checkout(api_client, cart)

    assert response.status_code == 409
    assert Order.objects.count() == 1


def test_customer_checkout_with_a_saved_address_earns_points(customer_client, make_cart):
    customer = customer_client.customer
    address = AddressFactory(customer=customer, city="Oakland")
    cart = make_cart((2,), customer=customer)
    body = checkout_body(shipping_address_id=address.pk)
    del body["shipping_address"], body["email"]

    response = customer_client.post(checkout_url(cart), body, format="json")

    assert response.status_code == 201
    order = response.json()["data"]
    assert (order["customer"], order["email"], order["shipping_address"]["city"]) == (
        customer.pk, customer.email, "Oakland")
    earned = LoyaltyTransaction.objects.get(customer=customer)
    assert (earned.type, earned.points, str(earned.order_id)) == ("earn", 46, order["id"])


def test_another_customers_saved_address_is_400_naming_the_field(customer_client, make_cart):
    cart = make_cart((1,), customer=customer_client.customer)
    foreign = AddressFactory(customer=CustomerFactory())
    body = checkout_body(shipping_address_id=foreign.pk)
    del body["shipping_address"]

    response = customer_client.post(checkout_url(cart), body, format="json")

    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["field"] == "shipping_address_id"
    assert not Order.objects.exists()


def test_another_customers_cart_is_404(customer_client, make_cart, api_client):
    cart = make_cart((1,), customer=CustomerFactory())

    assert checkout(customer_client, cart).status_code == 404
    assert checkout(api_client, cart).status_code == 404
    assert not Order.objects.exists()


def test_archived_product_line_is_refused_naming_the_line(api_client, make_cart):
    cart = make_cart((1, 1))
    product = cart.items.all()[1].variant.product
    product.status = "archived"
    product.save(update_fields=["status"])

    response = checkout(api_client, cart)

    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["field"] == "items.1"
    assert not Order.objects.exists()


def test_gateway_comes_from_the_setting(api_client, make_cart, settings):
    settings.PAYMENT_GATEWAY = "orders.payments.TestGateway"
    body = checkout_body()
    del body["payment"]["gateway"]

    response = api_client.post(checkout_url(make_cart((1,))), body, format="json")

    assert response.status_code == 201
    assert Payment.objects.get().gateway == "test"


def test_a_failure_after_the_charge_voids_it_and_writes_nothing(make_cart, monkeypatch):
    from moodmnky.actors import Actor
    from orders.payments import TestGateway
    from orders.services import order_checkout
    from tests.orders.factories import ADDRESS

    voided = []
    monkeypatch.setattr(TestGateway, "void", lambda self, *, authorization: voided.append(authorization))

    def crash(**kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr("orders.services.checkout.cart_mark_checked_out", crash)
    cart = make_cart((1,), stock=3)

    with pytest.raises(RuntimeError):
        order_checkout(cart_id=cart.pk, customer=None, email="g@example.com", shipping_address=ADDRESS,
                       shipping_method="standard", payment_gateway="test", payment_token="tok_success",
                       actor=Actor(system="test"))

    assert len(voided) == 1 and voided[0].startswith("ch_test_")
    assert not Order.objects.exists() and not Payment.objects.exists()
    assert list(stock_of(cart).values()) == [3]
