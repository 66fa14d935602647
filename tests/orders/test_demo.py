from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from catalog.models import StockMovement
from moodmnky.webhooks.models import Event
from orders.demo_history import NOTE, seed_history
from orders.models import Order, OrderEvent
from tests.catalog.factories import VariantFactory

pytestmark = pytest.mark.django_db


def test_seed_demo_adds_orders_in_different_states_once():
    call_command("seed_demo", verbosity=0)
    call_command("seed_demo", verbosity=0)

    demo = Order.objects.filter(source="demo")
    assert demo.count() == 7
    assert set(demo.values_list("status", flat=True)) == {"delivered", "shipped", "processing", "confirmed",
                                                          "pending", "cancelled"}
    assert demo.filter(payment_status="partially_refunded").count() == 1
    assert all(order.events.exists() for order in demo)


def test_order_history_spreads_orders_over_past_days_with_their_ledger_and_timeline_moved_along():
    for _ in range(4):
        VariantFactory(quantity=40, product__status="active")
    today = timezone.localdate()

    summary = seed_history(days=8)
    again = seed_history(days=8)

    history = Order.objects.filter(note=NOTE)
    assert summary.endswith("over the last 8 days") and again.endswith("(already there)")
    days = {timezone.localdate(order.created_at) for order in history}
    assert len(days) >= 4 and min(days) >= today - timedelta(days=7) and max(days) < today
    for order in history:
        sale = StockMovement.objects.filter(reference=order.number, reason="sale")
        assert {movement.created_at.date() for movement in sale} == {order.created_at.date()}
        assert order.paid_at.date() == order.created_at.date() and order.payment_status in ("paid",
                                                                                            "partially_refunded")
        assert Event.objects.filter(data__id=str(order.pk), created_at__date=order.created_at.date()).exists()
    shipped = OrderEvent.objects.filter(order__in=history, type="shipped").select_related("order")
    assert shipped and all(event.created_at.date() == event.order.created_at.date() + timedelta(days=1)
                           for event in shipped)
    assert history.filter(status="confirmed").exists()  # the last day's orders wait to ship
