"""Staff-created orders (phone and manual orders): lines at today's prices, no codes; paid now or later."""

from django.conf import settings
from django.db import transaction

from carts.pricing import LineInput, cart_totals
from carts.selectors import shipping_method_input
from catalog.models import Variant
from moodmnky.actors import Actor
from moodmnky.errors import ValidationFailedError
from moodmnky.money import store_currency
from orders.models import Order, OrderEvent
from orders.payments import gateway_get
from orders.services.lifecycle import Outbox, order_event_add
from orders.services.lines import lines_create, lines_take_stock, variant_draft_for_admin
from orders.services.numbers import order_number_next
from orders.services.payments import charges_voided_on_failure, payment_take


def order_admin_create(*, lines: list[dict], shipping_address: dict, actor: Actor, customer=None, email: str = "",
                       shipping_method: str = "standard", billing_address: dict | None = None, note: str = "",
                       payment: dict | None = None, source: str = Order.Source.ADMIN) -> Order:
    """Create an order for `customer` or `email` from `lines` ([{variant_id, quantity}]), taking the stock.

    Without `payment` it stays `pending` / `unpaid` (POST /orders/{id}/pay/ later); with one it is
    charged like a checkout and answers `confirmed` / `paid`. Unknown variants are a 400 naming
    `lines.<i>.variant_id`; short stock is 409 out_of_stock.
    """
    email = (email or getattr(customer, "email", "") or "").strip().lower()
    if not email:
        raise ValidationFailedError("Give the customer's email or customer_id.", field="email")
    if not lines:
        raise ValidationFailedError("An order needs at least one line.", field="lines")
    variants = Variant.objects.select_related("product").in_bulk([line["variant_id"] for line in lines])
    for index, line in enumerate(lines):
        if line["variant_id"] not in variants:
            raise ValidationFailedError("No variant with this id.", field=f"lines.{index}.variant_id")
    totals = cart_totals(
        lines=[LineInput(key=index, unit_price=variants[line["variant_id"]].price, quantity=line["quantity"])
               for index, line in enumerate(lines)],
        shipping=shipping_method_input(shipping_method), tax_rate=settings.TAX_RATE,
    )
    drafts = [variant_draft_for_admin(variants[line["variant_id"]], line["quantity"],
                                      line_total=totals.line_totals[index], index=index)
              for index, line in enumerate(lines)]
    gateway = gateway_get(payment["gateway"]) if payment else gateway_get("manual")
    outbox = Outbox()
    with charges_voided_on_failure(gateway) as charges, transaction.atomic():
        order = Order.objects.create(
            number=order_number_next(), customer=customer, email=email, source=source,
            currency=store_currency(), subtotal=totals.subtotal, discount_total=totals.discount_total,
            shipping_total=totals.shipping_total, tax_total=totals.tax_total, total=totals.total,
            shipping_method=shipping_method, shipping_address=shipping_address, billing_address=billing_address,
            note=note,
        )
        order_lines = lines_create(order, drafts)
        lines_take_stock(order_lines, reference=order.number, actor=actor)
        order_event_add(order=order, type=OrderEvent.Type.CREATED, actor=actor, to_status=order.status,
                        outbox=outbox)
        outbox.webhooks.append("order.created")
        if payment:
            payment_take(order=order, gateway=gateway, token=payment.get("token", ""), actor=actor, outbox=outbox,
                         charges=charges)
        return outbox.send(order.pk, actor=actor)
