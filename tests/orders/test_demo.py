import pytest
from django.core.management import call_command

from orders.models import Order

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
