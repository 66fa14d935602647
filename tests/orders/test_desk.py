"""The fulfilment desk on an order's admin page (orders/desk.py): buttons by state and permission, each action
through its service, refusals as messages, forged input ignored, atomic, and a bounded number of queries."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from catalog.models import StockMovement
from moodmnky.errors import DomainError
from orders.models import Order, OrderEmail, OrderLine, Refund
from tests.orders.factories import OrderFactory, OrderLineFactory

pytestmark = pytest.mark.django_db
ORDERS = "/admin/orders/order/"


@pytest.fixture
def desk(make_staff_user):
    """desk("fulfil_order", ...) -> a test client signed in as a staff member (not a superuser) holding
    orders.view_order and the orders permissions named."""

    def make(*codenames, view=True):
        user = make_staff_user(*(["orders.view_order"] if view else []), *(f"orders.{c}" for c in codenames))
        client = Client()
        client.force_login(user)
        client.user = user
        return client

    return make


def desk_url(order, action: str) -> str:
    return f"{ORDERS}{order.pk}/desk/{action}/"


def buttons(response) -> set[str]:
    return {name for name, _, _ in response.context["desk_buttons"]}


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def test_order_page_offers_what_the_state_allows_and_the_staff_member_may_do(desk, place_order, admin_site_client):
    order = place_order((1,))  # confirmed and paid

    page = admin_site_client.get(f"{ORDERS}{order.pk}/change/")
    assert buttons(page) == {"process", "fulfil", "cancel", "refund"}
    assert "Ada Lovelace<br>1 Market Street<br>94103 San Francisco, CA<br>US" in page.content.decode()
    assert buttons(desk("fulfil_order").get(f"{ORDERS}{order.pk}/change/")) == {"process", "fulfil"}
    assert buttons(desk("refund_order").get(f"{ORDERS}{order.pk}/change/")) == {"refund"}
    pending = OrderFactory(status="pending")
    assert buttons(admin_site_client.get(f"{ORDERS}{pending.pk}/change/")) == {"pay", "cancel"}


def test_fulfil_part_then_the_rest_with_tracking_shows_on_the_timeline(desk, place_order, mailoutbox,
                                                                        django_capture_on_commit_callbacks):
    order = place_order((2, 1))
    first, second = order.lines.all()
    client = desk("fulfil_order")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(desk_url(order, "fulfil"), {f"line_{first.pk}": "1", f"line_{second.pk}": "0",
                                                           "carrier": "UPS", "tracking_number": "1Z999",
                                                           "notify_customer": "on"})
    assert response.status_code == 302
    order.refresh_from_db()
    assert (order.status, order.fulfillment_status) == ("confirmed", "partial")
    assert [m.subject for m in mailoutbox] == [f"Your order {order.number} is on its way"]
    assert "1Z999" in mailoutbox[0].body and "Part of your order" in mailoutbox[0].body

    with django_capture_on_commit_callbacks(execute=True):
        client.post(desk_url(order, "fulfil"), {f"line_{first.pk}": "1", f"line_{second.pk}": "1",
                                                "carrier": "DHL", "tracking_number": "JD0002",
                                                "notify_customer": "on"})
    order.refresh_from_db()
    assert (order.status, order.fulfillment_status) == ("shipped", "fulfilled")
    page = client.get(f"{ORDERS}{order.pk}/change/")
    timeline = [(entry.kind, entry.title, entry.detail) for entry in page.context["timeline"]]
    assert ("fulfilled", "Parcel shipped", f"UPS, tracking 1Z999: 1 × {first.sku}") in timeline
    assert ("fulfilled", "Parcel shipped", f"DHL, tracking JD0002: 1 × {first.sku}, 1 × {second.sku}") in timeline
    assert ("shipped", "confirmed → shipped", "") in timeline
    assert [title for kind, title, _ in timeline if kind == "email"] == ["Email sent: shipped"] * 2
    assert [entry.at for entry in page.context["timeline"]] == sorted(entry.at for entry in page.context["timeline"])
    assert OrderEmail.objects.filter(order=order, kind="shipped").count() == 2
    assert order.events.filter(type="fulfilled").first().actor == client.user


@pytest.mark.parametrize(("codenames", "view"), [((), True), (("refund_order", "cancel_order"), True),
                                                 (("fulfil_order",), False)])
def test_desk_refuses_staff_without_the_permission(desk, place_order, codenames, view):
    order = place_order((1,))
    client = desk(*codenames, view=view)

    assert client.get(desk_url(order, "fulfil")).status_code == 403
    assert client.post(desk_url(order, "fulfil"), {f"line_{order.lines.get().pk}": "1"}).status_code == 403
    assert Order.objects.get(pk=order.pk).fulfillment_status == "unfulfilled"


def test_an_action_the_state_does_not_allow_goes_back_with_a_message(desk):
    order = OrderFactory(status="delivered", payment_status="paid", amount_paid=Decimal("46.95"))
    OrderLineFactory(order=order)
    client = desk("cancel_order")

    response = client.post(desk_url(order, "cancel"), {"reason": "Too late"}, follow=True)

    assert response.redirect_chain[-1][0] == f"{ORDERS}{order.pk}/change/"
    assert any("“Cancel order” is not possible now" in m and "is delivered" in m for m in messages_of(response))
    assert Order.objects.get(pk=order.pk).status == "delivered" and not order.events.exists()
    assert client.get(f"{ORDERS}nope/desk/cancel/").status_code == 404
    assert client.get(desk_url(order, "teleport")).status_code == 404


def test_a_refusal_by_the_service_is_a_message_on_the_form(desk, place_order):
    order = place_order((1,))

    response = desk("refund_order").post(desk_url(order, "refund"), {"amount": "9999.00", "reason": "x"})

    assert response.status_code == 200
    assert any("At most" in m and "can be refunded" in m for m in messages_of(response))
    assert not Refund.objects.exists()


def test_forged_values_are_ignored_or_refused(desk, place_order):
    order, other = place_order((2,)), place_order((1,))
    line, other_line = order.lines.get(), other.lines.get()
    client = desk("fulfil_order", "pay_order")

    too_many = client.post(desk_url(order, "fulfil"), {f"line_{line.pk}": "3"})
    assert too_many.status_code == 200 and too_many.context["form"].errors
    client.post(desk_url(order, "fulfil"), {f"line_{line.pk}": "1", f"line_{other_line.pk}": "1",
                                            "status": "delivered", "amount_paid": "0"})
    order.refresh_from_db()
    assert (order.status, order.fulfillment_status, order.amount_paid) == ("confirmed", "partial", order.total)
    assert OrderLine.objects.get(pk=other_line.pk).quantity_fulfilled == 0
    pending = OrderFactory(status="pending")
    OrderLineFactory(order=pending)
    forged = client.post(desk_url(pending, "pay"), {"gateway": "my.own.Gateway"})
    assert "gateway" in forged.context["form"].errors
    assert Order.objects.get(pk=pending.pk).status == "pending"


def test_refund_lines_with_restock_through_the_desk(desk, place_order, mailoutbox,
                                                    django_capture_on_commit_callbacks):
    order = place_order((2,), price="20.00")
    line = order.lines.get()

    with django_capture_on_commit_callbacks(execute=True):
        response = desk("refund_order").post(desk_url(order, "refund"), {
            f"line_{line.pk}": "1", f"restock_{line.pk}": "on", "amount": "", "reason": "Chipped",
            "notify_customer": "on"})

    assert response.status_code == 302
    order.refresh_from_db()
    refund = Refund.objects.get()
    assert (refund.amount, refund.lines, refund.reason) == (Decimal("20.00"), [
        {"line_id": line.pk, "quantity": 1, "restock": True}], "Chipped")
    assert (order.payment_status, order.amount_refunded) == ("partially_refunded", Decimal("20.00"))
    assert StockMovement.objects.get(reason="refund").delta == 1
    assert mailoutbox[-1].subject == f"A refund for your order {order.number}" and "20.00" in mailoutbox[-1].body


def test_a_failing_refund_leaves_nothing_half_written(desk, place_order, customer, monkeypatch, mailoutbox,
                                                      django_capture_on_commit_callbacks):
    order = place_order((2,), customer=customer)
    line = order.lines.get()

    def fail(**kwargs):
        raise DomainError("The loyalty ledger is locked.")

    monkeypatch.setattr("orders.services.refunds.loyalty_reverse", fail)  # the last step of a refund
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = desk("refund_order").post(desk_url(order, "refund"), {
            f"line_{line.pk}": "2", f"restock_{line.pk}": "on", "reason": "Broken"})

    assert any("The loyalty ledger is locked." in m for m in messages_of(response))
    order.refresh_from_db()
    line.refresh_from_db()
    assert (order.payment_status, order.amount_refunded) == ("paid", Decimal("0.00"))
    assert (line.quantity_refunded, line.quantity_restocked) == (0, 0)
    assert not Refund.objects.exists() and not StockMovement.objects.filter(reason="refund").exists()
    assert not order.events.filter(type="refunded").exists() and mailoutbox == []


def test_pay_process_deliver_and_cancel_from_the_desk(desk, place_order, mailoutbox,
                                                      django_capture_on_commit_callbacks):
    pending = OrderFactory(status="pending")
    OrderLineFactory(order=pending)
    client = desk("pay_order", "fulfil_order", "cancel_order")

    client.post(desk_url(pending, "pay"), {"gateway": "manual"})
    pending.refresh_from_db()
    assert (pending.status, pending.payment_status, pending.payments.get().gateway) == ("confirmed", "paid", "manual")
    client.post(desk_url(pending, "process"), {"note": "Pouring today"})
    client.post(desk_url(pending, "fulfil"), {f"line_{pending.lines.get().pk}": "2", "carrier": "UPS"})
    client.post(desk_url(pending, "deliver"), {})
    assert list(pending.events.values_list("type", flat=True)) == ["confirmed", "paid", "processing", "fulfilled",
                                                                   "shipped", "delivered"]
    order = place_order((1,))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(desk_url(order, "cancel"), {"reason": "Duplicate", "notify_customer": "on"})
    order.refresh_from_db()
    assert (order.status, order.payment_status) == ("cancelled", "refunded")
    assert StockMovement.objects.filter(reason="cancel").count() == 1
    assert "Duplicate" in mailoutbox[-1].body


def test_made_to_order_lines_of_a_confirmed_order_start_at_zero_on_the_fulfil_form(desk, place_order):
    order = place_order((1, 1))
    ready_made, poured = order.lines.all()
    OrderLine.objects.filter(pk=poured.pk).update(is_made_to_order=True)

    form = desk("fulfil_order").get(desk_url(order, "fulfil")).context["form"]

    assert (form[f"line_{ready_made.pk}"].initial, form[f"line_{poured.pk}"].initial) == (1, 0)
    assert "processing first" in form.fields[f"line_{poured.pk}"].help_text


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_order_page_and_pick_list_take_the_same_queries_for_one_or_five(desk, place_order):
    client = desk("fulfil_order", "refund_order")
    small, big = place_order((1,)), place_order((1, 2, 1, 3, 1))
    for order in (small, big):
        client.post(desk_url(order, "fulfil"), {f"line_{order.lines.first().pk}": "1", "tracking_number": "T1"})
    one, five = [small], [big] + [place_order((1,)) for _ in range(4)]
    client.get(f"{ORDERS}{small.pk}/change/")  # warm the per-process caches (content types, permissions)

    assert _queries(client, f"{ORDERS}{small.pk}/change/") == _queries(client, f"{ORDERS}{big.pk}/change/")
    pick = f"{ORDERS}print/pick-list/?"
    assert _queries(client, pick + "&".join(f"ids={o.pk}" for o in one)) == \
        _queries(client, pick + "&".join(f"ids={o.pk}" for o in five))


def test_pick_list_and_packing_slips_print_one_page_per_order(desk, place_order):
    first, second = place_order((2,)), place_order((1, 1))
    client = desk()
    ids = f"ids={first.pk}&ids={second.pk}&ids=forged&ids=00000000-0000-0000-0000-000000000000"

    pick = client.get(f"{ORDERS}print/pick-list/?{ids}").content.decode()
    slips = client.get(f"{ORDERS}print/packing-slips/?{ids}").content.decode()

    for html in (pick, slips):
        assert html.count('class="sheet sheet-page"') == 2
        assert "@media print" in html and "break-before: page" in html
    assert first.lines.get().sku in pick and f"Pick list — order {second.number}" in pick
    assert "1 Market Street" in slips and "Ada Lovelace" in slips
    assert client.get(f"{ORDERS}print/pick-list/?ids=forged").status_code == 404
    assert desk(view=False).get(f"{ORDERS}print/pick-list/?{ids}").status_code == 403


def test_the_list_actions_open_the_sheets_for_the_selected_orders(desk, place_order):
    first, second = place_order((1,)), place_order((1,))

    response = desk().post(ORDERS, {"action": "print_packing_slips", "_selected_action": [first.pk, second.pk]})

    assert response.status_code == 302
    assert response["Location"].startswith(f"{ORDERS}print/packing-slips/?ids=")
    assert str(first.pk) in response["Location"] and str(second.pk) in response["Location"]


def test_list_actions_need_the_desk_permissions(desk, place_order):
    order = place_order((1,))

    refused = desk("refund_order").post(ORDERS, {"action": "fulfil", "_selected_action": [order.pk], "apply": "yes"},
                                        follow=True)

    assert "No action selected." in messages_of(refused)
    assert Order.objects.get(pk=order.pk).fulfillment_status == "unfulfilled"


def test_sent_emails_have_their_own_read_only_list(desk, place_order, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        order = place_order((1,))
    client = desk()
    client.user.user_permissions.add(Permission.objects.get(codename="view_orderemail"))

    response = client.get("/admin/orders/orderemail/")

    assert response.status_code == 200
    assert f"Your order {order.number} is confirmed" in response.content.decode()
    assert client.post(f"/admin/orders/orderemail/{OrderEmail.objects.get().pk}/change/", {}).status_code == 403
