import pytest
from django.contrib.admin import helpers

from catalog.models import StockMovement
from orders.models import Order, OrderEvent
from tests.orders.conftest import event_types
from tests.orders.factories import OrderFactory, OrderLineFactory

pytestmark = pytest.mark.django_db
CHANGELIST = "/admin/orders/order/"


def act(client, action, orders, **form):
    data = {"action": action, helpers.ACTION_CHECKBOX_NAME: [str(o.pk) for o in orders], **form}
    return client.post(CHANGELIST, data, follow=True)


def test_changelist_filters_and_search(admin_site_client, place_order):
    paid = place_order((1,))
    OrderFactory(status="pending")

    page = admin_site_client.get(f"{CHANGELIST}?payment_status__exact=paid&q={paid.number}")

    assert page.status_code == 200
    assert page.context["cl"].result_count == 1


def test_change_page_shows_money_read_only_and_the_timeline(admin_site_client, place_order):
    order = place_order((2,))

    page = admin_site_client.get(f"{CHANGELIST}{order.pk}/change/")

    assert page.status_code == 200
    assert b'name="total"' not in page.content
    assert b"timeline" in page.content.lower() and b"confirmed" in page.content
    assert admin_site_client.get(f"{CHANGELIST}add/").status_code == 403


def test_mark_paid_action_uses_the_service(admin_site_client):
    order = OrderFactory(status="pending")
    OrderLineFactory(order=order)

    act(admin_site_client, "mark_paid", [order])

    order.refresh_from_db()
    assert (order.status, order.payment_status) == ("confirmed", "paid")
    assert list(order.events.values_list("type", flat=True)) == ["confirmed", "paid"]
    assert event_types(type__startswith="order.") == ["order.confirmed", "order.status_updated", "order.paid"]


def test_fulfil_action_asks_for_tracking_then_ships(admin_site_client, place_order):
    order = place_order((1,))

    form_page = act(admin_site_client, "fulfil", [order])
    assert b"tracking_number" in form_page.content
    act(admin_site_client, "fulfil", [order], apply="yes", carrier="UPS", tracking_number="1Z42")

    order.refresh_from_db()
    assert (order.status, order.fulfillment_status) == ("shipped", "fulfilled")
    assert order.fulfillments.get().tracking_number == "1Z42"


def test_cancel_and_refund_actions(admin_site_client, place_order):
    cancelled, refunded = place_order((1,)), place_order((1,))

    act(admin_site_client, "cancel", [cancelled], apply="yes", reason="Duplicate")
    act(admin_site_client, "refund", [refunded], apply="yes", amount="5.00", reason="Dented lid")

    cancelled.refresh_from_db()
    refunded.refresh_from_db()
    assert (cancelled.status, cancelled.payment_status) == ("cancelled", "refunded")
    assert StockMovement.objects.filter(reason="cancel").count() == 1
    assert (refunded.payment_status, str(refunded.amount_refunded)) == ("partially_refunded", "5.00")


def test_refused_action_reports_the_reason(admin_site_client):
    order = OrderFactory(status="delivered")

    page = act(admin_site_client, "cancel", [order], apply="yes", reason="")

    assert b"cannot go from delivered to cancelled" in page.content
    assert Order.objects.get(pk=order.pk).status == "delivered"
    assert not OrderEvent.objects.exists()
