from decimal import Decimal

import pytest

from customers.selectors import customer_admin_queryset
from customers.services import customer_anonymize
from moodmnky.actors import Actor
from orders.models import Order
from orders.services import order_cancel, order_refund
from tests.orders.factories import OrderFactory

pytestmark = pytest.mark.django_db
ACTOR = Actor(system="test")


def test_profile_order_stats_count_paid_orders_net_of_refunds(customer_client, place_order):
    customer = customer_client.customer
    first = place_order((2,), customer=customer)  # 46.95
    place_order((1,), customer=customer)  # 26.95
    cancelled = place_order((1,), customer=customer)
    order_refund(order_id=first.pk, amount=Decimal("6.95"), actor=ACTOR)
    order_cancel(order_id=cancelled.pk, actor=ACTOR)
    OrderFactory(customer=customer)  # pending, unpaid: not counted

    stats = customer_client.get("/api/v1/customers/profile/").json()["data"]["order_stats"]

    assert (stats["total_orders"], stats["total_spent"], stats["average_order_value"]) == (2, "66.95", "33.48")
    assert stats["last_order_date"] is not None


def test_admin_customer_list_annotates_the_same_numbers(admin_client, place_order, customer):
    place_order((2,), customer=customer)

    annotated = customer_admin_queryset().get(pk=customer.pk)
    listed = admin_client.get(f"/api/v1/customers/{customer.pk}/").json()["data"]

    assert (annotated.order_count, annotated.total_spent) == (1, Decimal("46.95"))
    assert (listed["order_count"], listed["total_spent"]) == (1, "46.95")


def test_export_holds_the_customers_orders(customer_client, place_order):
    order = place_order((1,), customer=customer_client.customer)
    place_order((1,), customer=OrderFactory().customer)

    export = customer_client.get("/api/v1/customers/profile/export/").json()["data"]

    assert [o["number"] for o in export["orders"]] == [order.number]
    assert export["orders"][0]["lines"][0]["quantity"] == 1


def test_anonymised_customer_keeps_order_snapshots(place_order, customer):
    order = place_order((1,), customer=customer)
    email = customer.email

    customer_anonymize(customer=customer, actor=Actor(user=customer))

    order = Order.objects.get(pk=order.pk)
    assert order.email == email and order.shipping_address["last_name"] == "Lovelace"
    assert order.customer_id == customer.pk
    assert order.events.last().type == "note"
