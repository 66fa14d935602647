"""The fulfilment desk in Chromium, each flow signed in as a staff member (not a superuser) holding only the
permissions it needs: ship a paid order with tracking, refund part of one with restock, approve a blend and
print its batch sheet, print pick lists and packing slips for two orders."""

import re
from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.core import mail

from blends.models import Blend
from catalog.models import StockMovement
from moodmnky.actors import Actor
from orders import services
from orders.models import Order, Refund
from tests.blends.factories import BlendFactory, NoteFactory, ProductBaseFactory
from tests.customers.factories import CustomerFactory
from tests.e2e.conftest import ARTIFACTS, messages, result_rows, run_action, signed_in, submit
from tests.orders.factories import OrderFactory, OrderLineFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def sign_in(page, live_server):
    """sign_in("orders.view_order", ...) -> the browser's session is a staff member with just these permissions."""

    def sign(*permissions):
        user = CustomerFactory(is_staff=True, is_superuser=False, email="desk@e2e.example")
        for name in permissions:
            app_label, codename = name.split(".")
            user.user_permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
        signed_in(page, live_server, user)
        return user

    return sign


def paid_order(quantity: int = 2, *, made_to_order: bool = False) -> Order:
    """An order paid by phone (the manual gateway), its line's variant with 10 in stock."""
    order = OrderFactory(status="pending", subtotal=Decimal("20.00") * quantity, shipping_total=Decimal("0.00"),
                         total=Decimal("20.00") * quantity)
    OrderLineFactory(order=order, variant__quantity=10, quantity=quantity, line_total=Decimal("20.00") * quantity,
                     is_made_to_order=made_to_order)
    return services.order_pay(order_id=order.pk, gateway="manual", actor=Actor(system="test"))


def desk_buttons(page) -> list[str]:
    return page.locator("a.desk-action").evaluate_all("links => links.map(link => link.textContent)")


def timeline(page) -> str:
    return page.inner_text("#order-timeline")


def test_fulfilment_finds_a_paid_order_and_ships_it_with_tracking(page, sign_in, shot):
    sign_in("orders.view_order", "orders.fulfil_order", "orders.view_orderemail")
    order = paid_order()
    waiting = OrderFactory(status="pending")
    mail.outbox.clear()

    page.goto("/admin/orders/order/")
    submit(page, "#changelist-filter a[href*='payment_status__exact=paid']")
    rows = result_rows(page)
    shot("paid-orders")
    assert len(rows) == 1 and order.number in rows[0] and waiting.number not in rows[0]

    submit(page, f"#result_list a:has-text('{order.number}')")
    assert desk_buttons(page) == ["Start processing", "Fulfil"]  # no refund, cancel
    assert order.lines.get().sku in page.inner_text("#lines-group")
    assert page.locator("a.print-link").all_text_contents() == ["Pick list", "Packing slip"]
    shot("order-page")
    submit(page, "#desk-fulfil")
    page.fill("#id_carrier", "UPS")
    page.fill("#id_tracking_number", "1Z999AA10123456784")
    page.fill("#id_tracking_url", "https://www.ups.com/track?tracknum=1Z999AA10123456784")
    shot("fulfil-form")
    submit(page, "input[name=_desk]")

    assert f"{order.number} has a new parcel." in messages(page)
    text = timeline(page)
    assert "Parcel shipped" in text and "UPS, tracking 1Z999AA10123456784" in text
    assert "confirmed → shipped" in text and "Email sent: shipped" in text
    assert page.locator("#order-timeline a:has-text('track')").get_attribute("href").startswith("https://www.ups")
    shot("shipped-with-timeline")
    [email] = mail.outbox
    assert email.to == [order.email] and "1Z999AA10123456784" in email.body

    page.goto("/admin/orders/orderemail/")
    assert any(f"Your order {order.number} is on its way" in row for row in result_rows(page))
    shot("sent-emails")
    order.refresh_from_db()
    assert (order.status, order.fulfillment_status) == ("shipped", "fulfilled")
    assert order.fulfillments.get().tracking_number == "1Z999AA10123456784"


def test_customer_service_refunds_part_of_an_order_with_restock(page, sign_in, shot):
    sign_in("orders.view_order", "orders.refund_order")
    order = paid_order(2)
    line = order.lines.get()
    mail.outbox.clear()

    page.goto("/admin/orders/order/")
    page.fill("#searchbar", order.number)
    submit(page, "#changelist-search input[type=submit]")
    submit(page, f"#result_list a:has-text('{order.number}')")
    assert desk_buttons(page) == ["Refund"]  # customer service does not ship
    submit(page, "#desk-refund")
    page.fill(f"#id_line_{line.pk}", "1")
    page.check(f"#id_restock_{line.pk}")
    page.fill("#id_reason", "Lid arrived cracked")
    shot("refund-form")
    submit(page, "input[name=_desk]")

    assert f"{order.number} is refunded." in messages(page)
    assert "20.00 USD for 1 × " in timeline(page) and "(back in stock)" in timeline(page)
    shot("refunded")
    order.refresh_from_db()
    assert (order.payment_status, order.amount_refunded, order.status) == ("partially_refunded",
                                                                            Decimal("20.00"), "confirmed")
    refund = Refund.objects.get()
    assert (refund.amount, refund.reason, refund.actor_label) == (Decimal("20.00"), "Lid arrived cracked",
                                                                  "desk@e2e.example")
    movement = StockMovement.objects.get(reason="refund")
    assert (movement.delta, movement.variant_id) == (1, line.variant_id)
    [email] = mail.outbox
    assert "We refunded 20.00" in email.body and "Lid arrived cracked" in email.body


def test_a_formulator_approves_a_blend_and_prints_its_batch_sheet(page, sign_in, shot):
    sign_in("blends.view_blend", "blends.change_blend")
    rose, cedar = NoteFactory(name="Rose", volatility="middle"), NoteFactory(name="Cedarwood", volatility="base")
    candle = ProductBaseFactory(name="8 oz Candle", fragrance_load=Decimal("10.00"), cure_days=7)
    blend = BlendFactory(customer=CustomerFactory(), name="Garden Path", parts=[(rose, "60"), (cedar, "40")])
    Blend.objects.filter(pk=blend.pk).update(status="submitted")

    page.goto(f"/admin/blends/blend/{blend.pk}/change/")
    page.fill("#id_review_note", "Balanced and within limits.")
    shot("review")
    submit(page, "input[name=_approve]")
    assert any("Approved" in message for message in messages(page))
    assert Blend.objects.get(pk=blend.pk).status == "approved"

    page.goto(f"/admin/blends/blend/{blend.pk}/change/")
    sheet = page.locator("a:has-text('8 oz Candle')").get_attribute("href")
    page.goto(f"{sheet}?version=1&quantity=4")
    page.emulate_media(media="print")
    assert not page.locator("#header").is_visible() and not page.locator(".breadcrumbs").is_visible()
    assert not page.locator("form.no-print").is_visible()
    sheet_text = page.inner_text(".sheet")
    assert "Garden Path — version 1" in sheet_text and "Compliant" in sheet_text
    assert "54.43" in sheet_text and "36.29" in sheet_text and "90.72" in sheet_text  # 4 × 226.80 g × 10 %
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(255, 255, 255)"
    shot("batch-sheet-print")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.pdf(path=str(ARTIFACTS / "batch-sheet.pdf"))
    assert candle.cure_days == 7 and "7 day(s) before shipping" in sheet_text


def _pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf))


def test_pick_list_and_packing_slips_print_a_page_per_order(page, sign_in, shot):
    sign_in("orders.view_order")
    first, second = paid_order(2), paid_order(1, made_to_order=True)

    page.goto("/admin/orders/order/")
    run_action(page, "print_pick_list", first.pk, second.pk)
    assert "/print/pick-list/" in page.url
    page.emulate_media(media="print")
    assert page.locator(".sheet-page").count() == 2 and not page.locator("#header").is_visible()
    assert page.locator(".sheet-page").nth(1).evaluate("el => getComputedStyle(el).breakBefore") == "page"
    assert "MADE TO ORDER" in page.inner_text(f"#pick-{second.number}")
    shot("pick-list-print")
    assert _pdf_pages(page.pdf(path=str(ARTIFACTS / "pick-list.pdf"))) == 2

    page.emulate_media(media="screen")
    page.goto("/admin/orders/order/")
    run_action(page, "print_packing_slips", first.pk, second.pk)
    page.emulate_media(media="print")
    slip = page.inner_text(f"#slip-{first.number}")
    assert "Ada Lovelace" in slip and "1 Market Street" in slip and first.lines.get().sku in slip
    shot("packing-slips-print")
    assert _pdf_pages(page.pdf(path=str(ARTIFACTS / "packing-slips.pdf"))) == 2
